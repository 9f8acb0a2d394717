"""Sentiment: equality with NLTK's VADER, evidence that explains each score, the domain lexicon."""

from __future__ import annotations

import math
import random

import pytest
from nltk.sentiment.vader import SentiText

from analysis import LexiconError, load_article, sentiment
from analysis.datafiles import data_path
from analysis.lexicon import parse_lexicon
from analysis.sentiment import (
    analyzer,
    disagreements,
    explain_vader,
    influential_words,
    label,
    load_lexicon,
    non_evaluative_words,
    sentence_sentiment,
    sentiment_arc,
    sentiment_by,
    sentiment_summary,
    unnest_evidence,
    vader_coverage,
    vader_words,
)
from tests.conftest import ROOT, SEED


def test_equal_to_nltk_on_every_seed_sentence(seed):
    sia = analyzer()
    table = sentence_sentiment(seed)
    assert len(table) == len(seed.sentences) == 29
    for sentence, row in zip(seed.sentences, table.itertuples(index=False), strict=True):
        expected = sia.polarity_scores(sentence.text)
        assert (row.neg, row.neu, row.pos, row.compound) == (
            expected["neg"],
            expected["neu"],
            expected["pos"],
            expected["compound"],
        ), sentence.index


@pytest.mark.parametrize(
    "text",
    [
        "",
        "...",
        "GREAT news!!!",
        "It was kind of good, but the end was awful.",
        "Not bad at all :)",
        "good good good bad",
    ],
)
def test_equal_to_nltk_on_edge_cases(text):
    ours = explain_vader(text)
    assert (ours.neg, ours.neu, ours.pos, ours.compound) == tuple(
        analyzer().polarity_scores(text)[k] for k in ("neg", "neu", "pos", "compound")
    )


def _random_texts(n: int) -> list[str]:
    """Texts built to stress VADER's punctuation stripping: words glued to runs of
    punctuation, curly quotes, emoticons, capitals, negations and boosters."""
    pieces = [
        "good", "BAD", "not", "very", "kind", "of", "but", "U.S.", "China’s", "7.2%", "2+2",
        "“threat”", '"great"', "'ok'", ":)", ":-(", "!!", "?!?", "...", "-", "a", "never", "so",
        "least", "at", "co-production", "(war)", "[sic]", "#", "x",
    ]  # fmt: skip
    rng = random.Random(20241128)
    texts = []
    for _ in range(n):
        words = []
        for _ in range(rng.randint(0, 14)):
            word = rng.choice(pieces)
            if rng.random() < 0.3:
                word = rng.choice(["", '"', "'", "-", "(", "?!?!"]) + word
            if rng.random() < 0.4:
                word += rng.choice([".", ",", "!!!", "??", ";", ":", '"', "'", ").", "!?!?"])
            words.append(word)
        texts.append(rng.choice([" ", "  ", "\n"]).join(words))
    return texts


def test_vader_words_equal_nltk_sentitext(seed):
    constants = analyzer().constants
    texts = [s.text for s in seed.sentences] + _random_texts(3000)
    for text in texts:
        expected = SentiText(text, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION)
        assert vader_words(text) == expected.words_and_emoticons, text


def test_explain_vader_equal_to_nltk_on_random_texts():
    for text in _random_texts(1500):
        ours = explain_vader(text)
        assert (ours.neg, ours.neu, ours.pos, ours.compound) == tuple(
            analyzer().polarity_scores(text)[k] for k in ("neg", "neu", "pos", "compound")
        ), text


def test_evidence_explains_the_sign_of_every_seed_score(seed):
    for row in sentence_sentiment(seed).itertuples(index=False):
        total = sum(e["valence"] for e in row.evidence)
        if row.compound == 0:
            assert total == 0 or not row.evidence
        else:
            assert math.copysign(1, total) == math.copysign(1, row.compound), row.sentence


def test_negation_flips_the_word():
    plain = explain_vader("The talks were good.").evidence
    negated = explain_vader("The talks were not good.").evidence
    assert plain[0]["word"] == negated[0]["word"] == "good"
    assert plain[0]["valence"] > 0 > negated[0]["valence"]


def test_booster_strengthens_the_word():
    plain = explain_vader("The talks were good.").evidence[0]["valence"]
    boosted = explain_vader("The talks were very good.").evidence
    assert [e["word"] for e in boosted] == ["good"]  # the booster itself carries nothing
    assert boosted[0]["valence"] > plain


def test_but_shifts_weight_to_the_second_clause():
    evidence = {
        e["word"]: e["valence"] for e in explain_vader("Good plan, but bad result.").evidence
    }
    lexicon = analyzer().lexicon
    assert abs(evidence["Good"]) < abs(lexicon["good"])  # halved before "but"
    assert abs(evidence["bad"]) > abs(lexicon["bad"])  # 1.5 times after it


def test_seed_sharpest_line_about_china_is_positive_for_vader_negative_for_domain(seed):
    table = sentence_sentiment(seed).set_index("sentence")
    row = table.loc[11]
    assert row["text"].startswith("In the joint statement following the talks")
    assert row["label"] == "positive"
    assert {"greatest", "benefit"} <= {e["word"] for e in row["evidence"]}
    assert row["non_evaluative_share"] > 0.9
    assert row["domain_label"] == "negative"
    assert 11 in set(disagreements(seed)["sentence"])


def test_seed_negated_attacks_read_as_positive_by_vader(seed):
    row = sentence_sentiment(seed).set_index("sentence").loc[18]
    attacks = [e for e in row["evidence"] if e["word"] == "attacks"]
    assert attacks and attacks[0]["valence"] > 0  # "not compromised, the attacks": negation reach
    assert any(e["term"] == "attacks" and e["weight"] < 0 for e in row["domain_evidence"])


def test_seed_vader_misses_the_security_vocabulary(seed):
    coverage = vader_coverage(seed).set_index("word")
    for word in ("coercive", "deterrence", "cooperation"):
        assert not coverage.loc[word, "in_vader"], word
        assert coverage.loc[word, "in_domain"], word
    assert coverage["in_vader"].mean() < 0.25


def test_seed_aggregates(seed):
    parts = sentiment_by(seed, "part").set_index("part")
    assert parts.loc["headline", "n_sentences"] == 1
    assert parts.loc["body", "n_sentences"] == 28
    voices = sentiment_by(seed, "voice").set_index("voice")
    assert voices["n_sentences"].sum() == 28
    assert len(sentiment_by(seed, "paragraph")) == 14
    article = sentiment_by(seed, "article").iloc[0]
    body = sentence_sentiment(seed).query("part == 'body'")
    assert article["mean_compound"] == round(body["compound"].mean(), 4)
    arc = sentiment_arc(seed)
    assert list(arc["sentence"]) == list(range(1, 29))
    with pytest.raises(ValueError, match="by must be"):
        sentiment_by(seed, "word")


def test_means_are_those_of_the_sentence_table_for_every_unit():
    """The means are the sentence table's, grouped, on every evaluation article (the
    headline counts only by part): scored one sentence at a time before the table exists,
    and read from it after."""
    for path in [SEED, *sorted((ROOT / "eval").glob("**/articles/*.txt"))]:
        fresh = load_article(path)
        before = {by: sentiment_by(fresh, by) for by in ("part", "paragraph", "voice", "article")}
        means_before = sentiment.body_means(load_article(path))
        article = load_article(path)
        table = sentence_sentiment(article)
        for by, found_before in before.items():
            rows = table if by == "part" else table[table["part"] == "body"]
            key = rows["part"].where(rows["part"] == "headline", "body") if by in (
                "part", "article") else rows[by]  # fmt: skip
            expected = [(unit, len(group), round(sum(group["compound"]) / len(group), 4),
                         round(sum(group["domain_tone"]) / len(group), 4),
                         *(int((group["label"] == name).sum())
                           for name in ("positive", "negative", "neutral")))
                        for unit, group in rows.groupby(key, sort=True)]  # fmt: skip
            for found in (found_before, sentiment_by(article, by)):
                assert [tuple(row) for row in found.itertuples(index=False)] == expected, (
                    path, by)  # fmt: skip
        whole = before["article"]
        assert means_before == sentiment.body_means(article) == (
            tuple(whole.iloc[0][["mean_compound", "mean_domain_tone"]]) if len(whole) else (
                None, None))  # fmt: skip


def test_influential_words_and_evidence_table(seed):
    evidence = unnest_evidence(seed)
    assert set(evidence["method"]) == {"vader", "domain"}
    top = influential_words(seed)
    domain = top[top["method"] == "domain"].iloc[0]
    assert domain["word"] == "cooperation" and domain["n_sentences"] == 6


def test_summary_for_the_cli(seed):
    summary = sentiment_summary(seed)
    assert len(summary["sentences"]) == 29
    first = summary["sentences"][1]
    assert set(first) >= {"index", "text", "compound", "evidence", "domain_score"}
    assert summary["mean_compound"] == round(
        sum(s["compound"] for s in summary["sentences"][1:]) / 28, 4
    )


def test_labels():
    assert label(0.05) == "positive" and label(-0.05) == "negative" and label(0.0) == "neutral"


# -- the lexicon files -----------------------------------------------------------


def test_shipped_domain_lexicon_is_valid():
    lexicon = load_lexicon()
    terms = [entry.term for entry in lexicon.entries]
    assert len(terms) == len(set(terms))
    assert all(-4 <= entry.weight <= 4 and entry.weight != 0 for entry in lexicon.entries)
    assert all(entry.rationale and entry.category for entry in lexicon.entries)
    assert {entry.category for entry in lexicon.entries} == {
        "threat",
        "conflict",
        "cooperation",
        "reassurance",
    }


def test_non_evaluative_words_are_all_in_vader():
    lexicon = analyzer().lexicon
    assert all(word in lexicon for word in non_evaluative_words())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("threat\t-9\tthreat\ttoo strong\n", "outside -4..4"),
        ("threat\tbad\tthreat\tnot a number\n", "not a number"),
        ("threat\t-2\tthreat\n", "expected 4"),
        ("threat\t-2\tthreat\tok\nthreat\t-1\tthreat\tagain\n", "duplicate"),
        ("Threat\t-2\tthreat\tok\n", "lower case"),
        ("# only a comment\n", "no entries"),
    ],
)
def test_bad_lexicon_files_are_refused(text, message):
    with pytest.raises(LexiconError, match=message):
        parse_lexicon(text, name="mine.tsv")


def test_own_lexicon_file(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("# mine\ncalm\t2\treassurance\ta calm sea\n", encoding="utf-8")
    article = load_article("Headline\n\nThe sea was calm. The sea was rough.\n")
    table = sentence_sentiment(article, load_lexicon(path))
    assert list(table["domain_score"]) == [0.0, 2.0, 0.0]
    with pytest.raises(LexiconError, match="cannot read"):
        load_lexicon(tmp_path / "missing.tsv")


def test_lexicons_survive_pickling_for_pool_workers():
    import pickle

    from analysis.framing import load_frames
    from analysis.lexicon import lexicon_matches

    words = ["the", "status", "quo", "and", "its", "threats", "of", "coercion"]
    for lexicon in (load_lexicon(), load_frames()):
        copy = pickle.loads(pickle.dumps(lexicon))
        assert copy == lexicon and copy.categories == lexicon.categories
        assert lexicon_matches(words, copy) == lexicon_matches(words, lexicon)
    assert [e.term for _, e in lexicon_matches(words, load_frames())][:1] == ["status quo"]


def test_shipped_lexicon_path_exists():
    assert data_path("security_lexicon.tsv").exists()


def test_non_english_body_is_flagged_in_the_cli_summary():
    from analysis.cli import summarize

    article = load_article(
        "Balita\n\nSi Venus L Peñaflor ay naging editor-in-chief ng Newsworld, isang lokal na "
        "pahayagan ng Laguna. Publisher din siya ng Daystar Gazette at Tutubi News Magazine.\n"
    )
    summary = summarize(article)
    assert article.language == "tl"
    assert summary["notes"] and "not meaningful" in summary["notes"][0]


def test_body_without_words():
    summary = sentiment_summary(load_article("Headline\n\n... !\n"))
    assert summary["mean_compound"] == 0.0
    assert summary["vader_coverage"] is None


def test_no_disagreement_is_an_empty_table():
    # "save" and "impressed" are VADER words the security lexicon does not have: no sentence
    # is positive for one method and negative for the other, so no row (not rows of NaN).
    article = load_article("Headline\n\nThey save the day. We were not impressed.\n")
    assert disagreements(article).empty


def test_a_sentences_text_is_put_on_one_line_as_split_and_join_would():
    from analysis.sentiment import _one_line

    texts = ["a b", " a", "a ", "a  b", "a\nb", "a\tb", "", " ", "a\u00a0b", "a \u2009b",
             "a\u200bb", "soft\xadhyphen", "a\u3000b", "Tokyo, July 28 (AP)."]  # fmt: skip
    for text in texts:
        assert _one_line(text) == " ".join(text.split()), repr(text)
    single = "The ministers met in Tokyo."
    assert _one_line(single) is single  # kept, not copied
