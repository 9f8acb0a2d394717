"""Articles side by side: every figure of two tiny articles worked by hand, the bootstrap's
conventions on texts of our own, keyness between articles, and the command line."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import numpy as np
import pytest

import analysis
from analysis import framing
from analysis.comparison import (
    MIN_SENTENCES,
    Bootstrap,
    compare,
    keyness_between,
    log_likelihood_2x2,
    log_ratio,
)
from analysis.comparison.cli import main as cli_main
from analysis.errors import ArticleError, UsageError
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "compare"
A, B = DATA / "a.txt", DATA / "b.txt"
#: a.txt, body: S1 "Japan met China on Monday." S2 "The talks were good, Japan said."
#: S3 "China did not comment on the threat."; headline "Japan and China meet".
#: b.txt, body: S1 "China met Japan on Tuesday." S2 "“We see a threat here,” said a Chinese
#: official." S3 "The talks ended without cooperation."; headline "China sees a threat".

# VADER by hand: compound = x / sqrt(x² + 15); "good" 1.9, "threat" -2.4.
GOOD = 1.9 / math.sqrt(1.9**2 + 15)  # 0.4404
THREAT = -2.4 / math.sqrt(2.4**2 + 15)  # -0.5267
# The security lexicon maps its sum the same way: "threat" -2, "cooperation" +2.
LEXICON_THREAT = -2 / math.sqrt(4 + 15)  # -0.4588


@pytest.fixture(scope="module")
def tiny():
    return compare([A, B], labels=["a", "b"])


def value(rows, /, **where):
    for column, wanted in where.items():
        rows = rows[rows[column] == wanted]
    assert len(rows) == 1, where
    return rows.iloc[0]


def test_salience_by_hand(tiny):
    s = tiny.salience
    # a: China in the headline, S1, S3; Japan in the headline, S1, S2.
    assert value(s, article_id="a", actor="China", measure="mentions")["value"] == 3
    assert value(s, article_id="a", actor="China", measure="sentence_share")["value"] == 2 / 3
    assert value(s, article_id="a", actor="Japan", measure="in_headline")["value"] == 1
    # b: Japan only in S1 (first sentence 1, not in the headline); China in H, S1, S2
    # ("Chinese").
    assert value(s, article_id="b", actor="Japan", measure="mentions")["value"] == 1
    assert value(s, article_id="b", actor="Japan", measure="sentence_share")["value"] == 1 / 3
    assert value(s, article_id="b", actor="Japan", measure="first_sentence")["value"] == 1
    assert value(s, article_id="b", actor="Japan", measure="in_headline")["value"] == 0
    assert value(s, article_id="b", actor="China", measure="mentions")["value"] == 3
    # one row per article, actor and measure: 2 articles × 2 actors × 4 measures
    assert len(s) == 16


def test_an_actor_one_article_leaves_out_gets_zero_rows():
    other = "Russia speaks\n\nRussia said nothing new today.\n"
    result = compare([A, other], labels=["a", "r"])
    row = value(result.salience, article_id="r", actor="Japan", measure="mentions")
    assert row["value"] == 0
    assert math.isnan(value(result.salience, article_id="r", actor="Japan",
                            measure="first_sentence")["value"])  # fmt: skip


def test_voices_by_hand(tiny):
    v = tiny.voices
    # a: "The talks were good, Japan said." -> reported speech, 4 words, Japan's.
    row = value(v, article_id="a", by="actor", voice="Japan", measure="indirect")
    assert row["value"] == 1
    assert value(v, article_id="a", by="actor", voice="Japan", measure="quoted_words")["value"] == 4
    assert value(v, article_id="a", by="actor", voice="Japan", measure="word_share")["value"] == 1
    # b: “We see a threat here,” said a Chinese official -> direct, 5 words, China's.
    assert value(v, article_id="b", by="actor", voice="China", measure="direct")["value"] == 1
    assert value(v, article_id="b", by="speaker", voice="a Chinese official",
                 measure="quoted_words")["value"] == 5  # fmt: skip
    assert value(v, article_id="b", by="actor", voice="Japan", measure="quotes")["value"] == 0


def test_voices_equal_the_librarys_quote_share(tiny):
    for name, path in (("a", A), ("b", B)):
        shares = framing.quote_share(analysis.load_article(path), "speaker")
        for row in shares.itertuples():
            mine = value(tiny.voices, article_id=name, by="speaker", voice=row.speaker,
                         measure="word_share")  # fmt: skip
            assert mine["value"] == pytest.approx(row.word_share)


def test_frames_by_hand(tiny):
    f = tiny.frames
    # a: "talks" (S2) cooperation, "threat" (S3) conflict; b: "threat" (S2), "talks" and
    # "cooperation" (S3, one sentence, two words).
    assert value(f, article_id="a", frame="conflict_threat", measure="sentence_share")["value"] \
        == pytest.approx(1 / 3)  # fmt: skip
    assert value(f, article_id="b", frame="cooperation_alliance", measure="words")["value"] == 2
    assert value(f, article_id="b", frame="cooperation_alliance",
                 measure="sentence_share")["value"] == pytest.approx(1 / 3)  # fmt: skip
    assert value(f, article_id="b", frame="rules_order", measure="sentence_share")["value"] == 0


def test_tone_by_hand(tiny):
    t = tiny.tone
    # a: S1 0, S2 good, S3 threat. Japan: S1, S2; China: S1, S3.
    assert value(t, article_id="a", actor="(body)", measure="compound")["value"] \
        == pytest.approx((GOOD + THREAT) / 3, abs=1e-4)  # fmt: skip
    assert value(t, article_id="a", actor="Japan", measure="compound")["value"] \
        == pytest.approx(GOOD / 2, abs=1e-4)  # fmt: skip
    assert value(t, article_id="a", actor="China", measure="compound")["value"] \
        == pytest.approx(THREAT / 2, abs=1e-4)  # fmt: skip
    assert value(t, article_id="a", actor="China", measure="domain_tone")["value"] \
        == pytest.approx(LEXICON_THREAT / 2, abs=1e-4)  # fmt: skip
    # b: S2 threat; S3 "cooperation" (lexicon +2, VADER 0). China: S1, S2; Japan: S1.
    assert value(t, article_id="b", actor="China", measure="compound")["value"] \
        == pytest.approx(THREAT / 2, abs=1e-4)  # fmt: skip
    assert value(t, article_id="b", actor="(body)", measure="domain_tone")["value"] \
        == pytest.approx(0, abs=1e-4)  # fmt: skip
    row = value(t, article_id="b", actor="Japan", measure="compound")
    assert row["value"] == 0 and row["n"] == 1


def test_readability_by_hand(tiny):
    # a: 18 words (5 + 6 + 7), 24 syllables (8 + 7 + 9), 3 sentences.
    fre = 206.835 - 1.015 * 18 / 3 - 84.6 * 24 / 18
    grade = 0.39 * 18 / 3 + 11.8 * 24 / 18 - 15.59
    r = tiny.readability
    assert value(r, article_id="a", measure="flesch_reading_ease")["value"] == pytest.approx(fre)
    assert value(r, article_id="a", measure="flesch_kincaid_grade")["value"] \
        == pytest.approx(grade)  # fmt: skip
    assert fre == pytest.approx(87.945)


def test_keyness_between_the_tiny_articles_by_hand(tiny):
    # "china": 2 of a's 18 body words, 1 of b's 19. E1 = 18·3/37, E2 = 19·3/37.
    e1, e2 = 18 * 3 / 37, 19 * 3 / 37
    g2 = 2 * (2 * math.log(2 / e1) + 1 * math.log(1 / e2))
    assert g2 == pytest.approx(0.396, abs=1e-3)
    row = value(tiny.keyness, article_id="a", term="china")
    assert row["log_likelihood"] == pytest.approx(g2, abs=1e-3)
    assert row["log_ratio"] == pytest.approx(math.log2((2 / 18) / (1 / 19)), abs=1e-3)
    assert row["p_value"] == pytest.approx(math.erfc(math.sqrt(g2 / 2)), abs=1e-4)
    # the other side of the same table
    assert value(tiny.keyness, article_id="b", term="china")["log_likelihood"] \
        == pytest.approx(-g2, abs=1e-3)  # fmt: skip
    # seen once in all (min_count 2): not listed
    assert "monday" not in set(tiny.keyness["term"])


def test_log_likelihood_2x2_conventions():
    # equal rates: 0; more in the target: positive; a zero count in the reference
    assert log_likelihood_2x2(10, 10, 100, 100) == 0
    assert log_likelihood_2x2(20, 10, 100, 100) > 0 > log_likelihood_2x2(10, 20, 100, 100)
    # 10 of 100 against 0 of 100: E1 = E2 = 5; G² = 2 · 10 · ln 2
    assert log_likelihood_2x2(10, 0, 100, 100) == pytest.approx(20 * math.log(2))
    # log ratio: twice as frequent = +1; a zero count is taken as 0.5 (Hardie 2014)
    assert log_ratio(20, 10, 100, 100) == pytest.approx(1)
    assert log_ratio(4, 0, 100, 100) == pytest.approx(3)
    rows = keyness_between({"x": 3}, {"y": 1}, 10, 10, min_count=2)
    assert [row.term for row in rows] == ["x"]


def test_too_short_articles_get_no_interval_and_a_note(tiny):
    assert MIN_SENTENCES == 8
    shares = tiny.salience[tiny.salience["measure"] == "sentence_share"]
    assert shares["ci_low"].isna().all()
    assert shares["note"].str.startswith("too short to say: 3 body sentences").all()
    assert any("a has 3 body sentences" in note for note in tiny.notes)
    assert tiny.differences.empty  # no interval, no difference with one


# ---------------------------------------------------------------------------
# The bootstrap on texts long enough for it


def story(actor: str, n_with: int, n_without: int) -> str:
    """A headline and ``n_with`` sentences naming ``actor``, ``n_without`` naming no one."""
    sentences = [f"{actor} spoke on day {i}." for i in range(n_with)]
    sentences += [f"Rain fell on day {i}." for i in range(n_without)]
    return "A story of days\n\n" + " ".join(sentences) + "\n"


def test_interval_is_the_percentile_interval():
    low, high = Bootstrap(confidence=0.95).interval(np.arange(101, dtype=float))
    assert (low, high) == pytest.approx((2.5, 97.5))
    assert all(math.isnan(x) for x in Bootstrap().interval(np.array([np.nan])))


def test_a_share_every_sentence_has_a_degenerate_interval_and_a_clear_difference():
    result = compare([story("China", 10, 0), story("Japan", 10, 0)], labels=["c", "j"])
    row = value(result.salience, article_id="c", actor="China", measure="sentence_share")
    assert (row["value"], row["ci_low"], row["ci_high"]) == (1, 1, 1)
    diff = value(result.differences, table="salience", key="China", measure="sentence_share")
    assert (diff["difference"], diff["ci_low"], diff["ci_high"], diff["clear"]) == (1, 1, 1, True)


def test_intervals_are_reproducible_and_independent_of_the_other_articles():
    half = story("China", 6, 6)
    first = compare([half, story("Japan", 9, 3)], labels=["h", "x"])
    again = compare([story("Russia", 12, 0), half], labels=["y", "h"])
    one = value(first.salience, article_id="h", actor="China", measure="sentence_share")
    two = value(again.salience, article_id="h", actor="China", measure="sentence_share")
    assert one["value"] == 0.5
    assert (one["ci_low"], one["ci_high"]) == (two["ci_low"], two["ci_high"])
    assert 0 < one["ci_low"] < 0.5 < one["ci_high"] < 1


def test_a_mean_over_too_few_sentences_gets_no_interval():
    text = story("China", 2, 10)
    result = compare([text, story("China", 10, 2)], labels=["few", "many"])
    row = value(result.tone, article_id="few", actor="China", measure="compound")
    assert row["n"] == 2 and math.isnan(row["ci_low"])
    assert row["note"].startswith("too few to say: 2 sentences")
    assert not math.isnan(value(result.tone, article_id="many", actor="China",
                                measure="compound")["ci_low"])  # fmt: skip


def test_wide_table(tiny):
    wide = tiny.wide("salience", "sentence_share")
    assert list(wide.columns) == ["a", "b"]
    assert wide.loc["Japan", "b"] == pytest.approx(1 / 3)


def test_bad_input():
    with pytest.raises(UsageError):
        compare([A])
    with pytest.raises(UsageError):
        compare(str(A))  # one path, not a list
    with pytest.raises(UsageError):
        compare([A, B], labels=["x", "x"])
    with pytest.raises(UsageError):
        compare([A, B], n_resamples=10)
    with pytest.raises(ArticleError):
        compare([A, DATA / "missing.txt"])
    # numpy's generator takes no negative seed: a typed error, not its ValueError
    with pytest.raises(UsageError, match="seed must be"):
        compare([A, B], seed=-1)


# ---------------------------------------------------------------------------
# Command line


def test_cli_json(capsys):
    assert cli_main(["compare", str(A), str(B), "--json", "--resamples", "200"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) == {"articles", "bootstrap", "salience", "voices", "frames", "tone",
                           "readability", "keyness", "differences", "notes"}  # fmt: skip
    assert result["bootstrap"] == {"n_resamples": 200, "seed": 20240728, "confidence": 0.95}
    first = result["salience"][0]
    assert set(first) == {"article_id", "actor", "measure", "value", "ci_low", "ci_high", "n",
                          "note"}  # fmt: skip
    assert first["ci_low"] is None  # NaN is null


def test_cli_errors_are_one_line():
    for args in (["compare", str(A)], ["compare", str(A), str(DATA / "missing.txt")],
                 ["selection", str(A)]):  # fmt: skip
        result = subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True,
                                text=True, check=False)  # fmt: skip
        assert result.returncode == 2, args
        assert result.stdout == ""
        assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, args


@pytest.mark.parametrize(("option", "message"), [
    (["--seed", "-1"], "error: seed must be a whole number, 0 or more, not -1\n"),
    # head(-1) would silently drop each article's last key term
    (["--top", "-1"], "error: --top must be 0 or more, not -1\n"),
])  # fmt: skip
def test_cli_bad_numbers_are_usage_errors(capsys, option, message):
    assert cli_main(["compare", str(A), str(B), "--json", *option]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", message)


def test_cli_takes_an_actor_dictionary_of_your_own(capsys, tmp_path):
    actors = tmp_path / "actors.tsv"
    actors.write_text("# pattern, actor, kind, why\nJapan\tIsland state\talias\ta test name\n",
                      encoding="utf-8")  # fmt: skip
    assert cli_main(["compare", str(A), str(B), "--json", "--resamples", "100",
                     "--actors", str(actors)]) == 0  # fmt: skip
    result = json.loads(capsys.readouterr().out)
    assert {row["actor"] for row in result["salience"]} == {"Island state"}
    assert cli_main(["compare", str(A), str(B), "--actors", str(tmp_path / "none.tsv")]) == 2
    assert capsys.readouterr().err.count("\n") == 1  # one line, no traceback


def test_cli_readable(capsys):
    assert cli_main(["compare", str(A), str(B)]) == 0
    out = capsys.readouterr().out
    assert "Salience: share of body sentences" in out
    assert "a: Japan and China meet (3 sentences, 18 words, 1 quotations)" in out


def test_the_package_names_the_functions():
    import analysis.comparison  # importing the package leaves the names alone

    assert analysis.compare is analysis.comparison.compare
    assert analysis.selection is analysis.comparison.selection
    assert callable(analysis.compare)


def test_no_differences_is_an_empty_table_with_its_columns(tiny):
    assert list(tiny.differences.columns)[:3] == ["table", "key", "measure"]
    assert tiny.differences[tiny.differences["clear"]].empty


def test_the_same_article_twice_gets_two_labels_and_no_difference():
    result = compare([story("China", 6, 6), story("China", 6, 6), A])
    assert list(result.articles["article_id"]) == ["article", "article_2", "a"]
    diff = value(result.differences, table="salience", key="China", measure="sentence_share")
    # identical texts draw identical resamples: the difference is 0 in every one
    assert (diff["difference"], diff["ci_low"], diff["ci_high"], diff["clear"]) == (0, 0, 0, False)


def test_charts_state_their_finding_in_colour_blind_safe_colours(tiny):
    from analysis.comparison import interval_chart, keyness_chart
    from analysis.plots import OKABE_ITO

    figure = interval_chart(tiny.salience, "actor", "sentence_share", title="A finding",
                            subtitle="what is measured")  # fmt: skip
    assert figure.get_label() == "A finding. what is measured"
    from matplotlib.colors import to_hex

    colours = {to_hex(c) for dots in figure.axes[0].collections
               for c in (*dots.get_facecolor(), *dots.get_edgecolor())} - {"#ffffff"}  # fmt: skip
    assert colours == {OKABE_ITO[4].lower(), OKABE_ITO[5].lower()}  # blue and vermillion
    with pytest.raises(UsageError, match="title"):
        interval_chart(tiny.salience, "actor", "sentence_share", title="")
    with pytest.raises(UsageError, match="nothing to chart"):
        interval_chart(tiny.salience, "actor", "no_such_measure", title="t")
    article = tiny.keyness["article_id"].iloc[0]
    assert keyness_chart(tiny.keyness, article, title="Key terms").get_label() == "Key terms."
    with pytest.raises(UsageError, match="nothing to chart"):
        keyness_chart(tiny.keyness, "no such article", title="t")
