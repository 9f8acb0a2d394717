"""Framing: actors, quotes and their speakers, frames; hand-checked on the seed and on
small texts with other conventions."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import LexiconError, load_article
from analysis.framing import (
    actor_frames,
    actor_salience,
    actor_tone,
    classify_quote,
    frame_totals,
    framing_summary,
    load_actor_dictionary,
    load_frames,
    parse_actor_dictionary,
    problem_and_remedy,
    quote_share,
    sentence_frames,
    suggest_actors,
    unnest_actor_mentions,
    unnest_quotes,
    unquoted_actors,
)
from tests.conftest import SEED

# -- actors ------------------------------------------------------------------------

# Mentions per actor on the seed, counted by hand (headline + body; "South China Sea" and
# "East and South China Seas" are seas; "U.S. Forces Japan" is one U.S. mention; "US-Japan"
# and "Japan-U.S." name both).
SEED_MENTIONS = {"Japan": 24, "United States": 23, "China": 8, "Taiwan": 2, "Russia": 2,
                 "South Korea": 2, "North Korea": 1}  # fmt: skip


def test_seed_mentions_per_actor(seed):
    salience = actor_salience(seed).set_index("actor")
    assert salience["mentions"].to_dict() == SEED_MENTIONS
    assert salience.loc["China", "mentions_headline"] == 1
    assert salience.loc["United States", "first_sentence"] == 0  # "US-Japan" in the headline
    assert salience.loc["Japan", "first_sentence"] == 0
    assert salience.loc["China", "sentences"] == [2, 9, 11, 12, 13, 20]
    assert salience.loc["Japan", "sentence_share"] == pytest.approx(16 / 28)


def test_seas_are_not_china_and_people_are_their_actor(seed):
    mentions = unnest_actor_mentions(seed)
    assert "South China Sea" not in set(mentions["text"])
    assert not ((mentions["actor"] == "China") & (mentions["sentence"] == 12)).sum() > 1
    people = mentions[mentions["kind"] == "person"]
    assert set(zip(people["text"], people["person"], people["actor"], strict=True)) == {
        ("Antony Blinken", "Antony Blinken", "United States"),
        ("Lloyd Austin", "Lloyd Austin", "United States"),
        ("Austin", "Lloyd Austin", "United States"),
        ("Yoko Kamikawa", "Yoko Kamikawa", "Japan"),
        ("Kamikawa", "Yoko Kamikawa", "Japan"),
        ("Minoru Kihara", "Minoru Kihara", "Japan"),
        ("Kihara", "Minoru Kihara", "Japan"),
        ("Fumio Kishida", "Fumio Kishida", "Japan"),
        ("Biden", "Joe Biden", "United States"),
    }
    forces = mentions[mentions["text"] == "U.S. Forces Japan"]
    assert set(forces["actor"]) == {"United States"} and len(forces) == 2


def test_suggest_actors_lists_what_the_dictionary_misses(seed):
    phrases = set(suggest_actors(seed)["phrase"])
    assert {"Indo-Pacific", "Asia-Pacific", "Air Force"} <= phrases
    assert not {"The", "We", "South China Sea", "East", "China", "March", "April"} & phrases


def test_own_actor_dictionary(tmp_path):
    path = tmp_path / "actors.tsv"
    path.write_text(
        "Ruritania\tRuritania\talias\tthe state\nRudolf Rassendyll\tRuritania\tperson\tthe king\n",
        encoding="utf-8",
    )
    article = load_article("Headline\n\nRuritania met today. Rassendyll said “We are ready.”\n")
    dictionary = load_actor_dictionary(path)
    assert actor_salience(article, dictionary)["mentions"].tolist() == [2]
    quote = unnest_quotes(article, dictionary).iloc[0]
    assert (quote["speaker"], quote["actor"]) == ("Rudolf Rassendyll", "Ruritania")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("X\tY\tfriend\twhy\n", "kind must be"),
        ("X\tY\talias\twhy\nX\tZ\talias\twhy\n", "duplicate"),
        ("X\tY\talias\n", "expected 4"),
    ],
)
def test_bad_actor_dictionaries(text, message):
    with pytest.raises(LexiconError, match=message):
        parse_actor_dictionary(text, name="mine.tsv")


# -- quotes ------------------------------------------------------------------------


def value(cell: object) -> object:
    """A table cell, with pandas' missing value read as None."""
    return None if pd.isna(cell) else cell


# Every quote of the seed: its kind and speaker, checked by hand.
SEED_QUOTES = [
    ("2+2", "term", None, None),
    ("The command upgrade will be", "direct", "Lloyd Austin", "United States"),
    ("We are standing at a historic", "direct", "Yoko Kamikawa", "Japan"),
    ("engaging in coercive behavior", "partial", "Lloyd Austin", "United States"),
    ("reshape the international order", "partial", "the ministers", "United States & Japan"),
    ("the greatest strategic challenge", "partial", "the ministers", "United States & Japan"),
    ("We haven’t ruled that out.", "direct", "Lloyd Austin", "United States"),
    ("extended deterrence,", "term", None, None),
    ("The signing of this memorandum", "direct", "Minoru Kihara", "Japan"),
]


def test_every_seed_quote_its_kind_and_speaker(seed):
    quotes = unnest_quotes(seed)
    quotes = quotes[quotes["kind"] != "indirect"]
    assert len(quotes) == len(SEED_QUOTES)
    for row, (opening, kind, speaker, actor) in zip(quotes.itertuples(), SEED_QUOTES, strict=True):
        assert row.text.startswith(opening)
        found = (row.kind, value(row.speaker), value(row.actor))
        assert found == (kind, speaker, actor), opening


def test_seed_reported_speech(seed):
    """The seed's one reported clause without quotation marks, checked by hand: "Austin
    noted that negotiations are ongoing, stating, “...”" (the clause ends at the participle
    that introduces the quote). "He also mentioned North Korea’s nuclear program ..." has a
    noun object, not a clause."""
    reported = unnest_quotes(seed).query("kind == 'indirect'")
    assert reported["text"].tolist() == ["negotiations are ongoing"]
    row = reported.iloc[0]
    assert (row["speaker"], row["actor"], row["verb"]) == ("Lloyd Austin", "United States", "noted")


def test_seed_quote_spanning_two_sentences_is_one_quote(seed):
    austin = unnest_quotes(seed).iloc[1]
    assert (austin["first_sentence"], austin["last_sentence"]) == (5, 6)
    assert austin["text"].endswith("advance our collective deterrence.")
    assert austin["verb"] == "stating"
    assert austin["cue"].startswith("Secretary Austin highlighted the importance")


def test_seed_quote_share(seed):
    speakers = quote_share(seed).set_index("speaker")
    assert speakers.loc["Lloyd Austin", "quotes"] == 4  # three quoted, one reported
    assert speakers["quotes"].sum() == 8  # the two terms in quotes are not voices
    actors = quote_share(seed, "actor").set_index("actor")
    assert actors.loc["United States", "quoted_words"] > actors.loc["Japan", "quoted_words"]
    assert unquoted_actors(seed) == ["China", "Taiwan", "Russia", "South Korea", "North Korea"]


@pytest.mark.parametrize(
    ("text", "n_words", "said", "kind"),
    [
        ("We haven’t ruled that out.", 5, True, "direct"),
        ("2+2", 1, False, "term"),
        ("extended deterrence,", 2, False, "term"),
        ("crushing", 1, True, "partial"),  # Duda characterised the deaths as “crushing”
        ("engaging in coercive behavior, trying", 5, True, "partial"),
        ("No.", 1, True, "direct"),
        ("Women in Nevada have said, 'It's time.'", 8, True, "direct"),  # nested quote ends it
    ],
)
def test_classify_quote(text, n_words, said, kind):
    assert classify_quote(text, n_words, said=said) == kind


def test_a_quote_introduced_by_a_verb_and_comma_is_direct_even_in_lower_case():
    assert classify_quote("hopefully we can get things done.", 6, introduced=True) == "direct"
    assert classify_quote("We have not agreed yet", 5, ends_sentence_after=True) == "direct"


def test_straight_quotes_with_a_nested_quote_and_said_after():
    article = load_article(
        "Talks end\n\n\"We reject the so-called 'rules-based order' outright,\" Lin Jian said. "
        "The ministry gave no details.\n"
    )
    quote = unnest_quotes(article).iloc[0]
    assert quote["text"] == "We reject the so-called 'rules-based order' outright,"
    assert (quote["kind"], quote["speaker"], quote["verb"]) == ("direct", "Lin Jian", "said")
    assert len(unnest_quotes(article)) == 1  # the nested quote belongs to the outer one


def test_said_before_the_name_after_the_quote():
    article = load_article('Talks\n\n"It is over," said Kamikawa. Nobody answered.\n')
    quote = unnest_quotes(article).iloc[0]
    assert (quote["speaker"], quote["actor"]) == ("Yoko Kamikawa", "Japan")


def test_quote_that_opens_one_paragraph_and_closes_the_next():
    article = load_article(
        "Talks\n\nAustin spoke at length. He said, “The first part of the statement.\n\n"
        "“The second part of the statement.” Then he left.\n"
    )
    quotes = unnest_quotes(article)
    assert len(quotes) == 1
    quote = quotes.iloc[0]
    assert quote["text"].startswith("The first part") and quote["text"].endswith(
        "second part of the statement."
    )
    assert (quote["speaker"], quote["speaker_kind"]) == ("Lloyd Austin", "pronoun>person")


def test_wire_dateline_quote():
    article = load_article(
        "China warns Japan\n\nBeijing, July 31 (Agency)--China said on Wednesday it "
        '"firmly opposes" the drills by Japan.\n'
    )
    quote = unnest_quotes(article).iloc[0]
    assert (quote["kind"], quote["speaker"]) == ("partial", "China")  # China's own words
    assert actor_salience(article).set_index("actor")["mentions"].to_dict() == {
        "China": 2,
        "Japan": 2,
    }  # the dateline is not counted


def test_country_as_speaker():
    article = load_article('Talks\n\nChina said "the drills must stop at once and for good."\n')
    quote = unnest_quotes(article).iloc[0]
    assert (quote["speaker"], quote["actor"]) == ("China", "China")


# -- frames ------------------------------------------------------------------------


def test_frame_lexicon_is_valid():
    frames = load_frames()
    assert frames.categories == ["conflict_threat", "cooperation_alliance",
                                 "military_capability_deterrence", "economic_industrial",
                                 "rules_order", "responsibility"]  # fmt: skip
    assert all(entry.rationale for entry in frames.entries)


def test_seed_frames(seed):
    table = sentence_frames(seed).set_index("sentence")
    assert table.loc[11, "dominant_frame"] == "conflict_threat"
    assert (
        "reshape" in table.loc[11, "triggers"] and "at the expense of" in table.loc[11, "triggers"]
    )
    assert table.loc[26, "dominant_frame"] == "cooperation_alliance"
    assert pd.isna(table.loc[8, "dominant_frame"])  # "a critical phase": no frame word
    totals = frame_totals(seed)
    assert max(totals, key=totals.get) == "military_capability_deterrence"
    assert totals["cooperation_alliance"] > totals["conflict_threat"] > 0


def test_seed_actor_frames_and_tone(seed):
    frames = actor_frames(seed)
    assert frames.loc["China", "conflict_threat"] > frames.loc["China", "cooperation_alliance"]
    assert frames.loc["Japan", "cooperation_alliance"] > frames.loc["Japan", "conflict_threat"]
    tone = actor_tone(seed).set_index("actor")
    assert tone.loc["China", "mean_domain_tone"] < 0 < tone.loc["Japan", "mean_domain_tone"]


def test_seed_problem_and_remedy(seed):
    roles = problem_and_remedy(seed).set_index("actor")
    assert roles.loc["China", "role"] == "problem"
    assert roles.loc["United States", "role"] == "remedy"
    assert roles.loc["Japan", "role"] == "remedy"
    assert "0: threat" in roles.loc["China", "problem_evidence"]  # "threat from China"
    assert 11 in roles.loc["China", "problem_sentences"]


def test_summary_for_the_cli(seed):
    summary = framing_summary(seed)
    assert [set(q) for q in summary["quotes"]] == [{"text", "kind", "speaker", "actor"}] * 10
    actors = {a["actor"]: a for a in summary["actors"]}
    assert actors["China"]["quotes"] == 0 and actors["China"]["mentions"] == 8
    assert actors["United States"]["quotes"] == 6  # 4 of Austin's, 2 of the ministers'
    assert set(summary["frames"]) == set(load_frames().categories)


def test_one_word_is_not_a_role(seed):
    roles = problem_and_remedy(seed).set_index("actor")
    assert roles.loc["Taiwan", "problem_words"] == 1  # "strain", nearest to Taiwan
    assert roles.loc["Taiwan", "role"] == "unclear"
    assert roles.loc["North Korea", "role"] == "unclear"


def test_group_owned_by_an_actor_and_a_short_closing_fragment():
    article = load_article(
        'Drills\n\nChina\'s foreign ministry said it "firmly opposes" the drills. '
        'He added that Beijing would "take all necessary measures."\n'
    )
    quotes = unnest_quotes(article)
    assert list(quotes["kind"]) == ["partial", "partial"]  # the ministry's words; a fragment
    assert quotes["speaker"].tolist() == ["China's foreign ministry"] * 2  # "He added": the same
    ministry = unnest_quotes(
        load_article(
            "Drills\n\nJapan's defense ministry said \"the drills are routine and "
            'aimed at deterrence."\n'
        )
    ).iloc[0]
    assert (ministry["speaker"], ministry["actor"]) == ("Japan's defense ministry", "Japan")


def test_surname_alone_resolves_to_the_full_name_seen_earlier():
    article = load_article(
        'Talks\n\n"We are ready," spokesman Lin Jian said on Monday.\n\n'
        '"The door is open," Lin said.\n'
    )
    speakers = list(unnest_quotes(article)["speaker"])
    assert speakers == ["Lin Jian", "Lin Jian"]


def test_findings_are_true_on_any_article():
    from analysis.framing import findings

    seed_lines = findings(load_article(SEED))
    assert seed_lines[0].startswith("1. **Who speaks.** 8 of 8 quotations")
    assert "China" in seed_lines[1] and "as the problem" in seed_lines[1]
    assert "*Military capability and deterrence* (41 words of 97)" in seed_lines[2]
    plain = findings(load_article("Garden show\n\nThe roses bloomed early this year.\n"))
    assert plain == [
        "1. **Nobody is quoted.** The article has no quotation and no reported speech.",
        "2. **Problem and remedy.** No actor gathers 2 or more problem or remedy words of its "
        "own, so the vocabulary casts no actor in either role.",
        "3. **Frames.** No word of the frame lexicon occurs in the body.",
        "4. **Tone by actor.** No actor is mentioned in 2 sentences or more, too few to compare "
        "tones.",
    ]
