"""An article against its source, on a source of five sentences and an article of our own that
reports three of them (one paraphrased, one quoted word for word, one quoted with changes),
leaves two out and adds two sentences of its own. Every figure below was worked by hand."""

from __future__ import annotations

import json
import math

import pytest

from analysis.comparison import (
    ALTERED_MIN_OVERLAP,
    MIN_SHARED,
    THRESHOLD,
    dice,
    kendall_tau,
    quote_pieces,
    reports,
    selection,
    sentence_lemmas,
)
from analysis.comparison.cli import main as cli_main
from analysis.errors import UsageError
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "selection"
SOURCE, ARTICLE = DATA / "source.txt", DATA / "article.txt"
# Source body: S1 "The council and the port authority will build a flood barrier along the
# Elm River by 2026." S2 "The barrier will protect twelve thousand homes in the lower town
# from spring floods." S3 "Construction will cost forty million euros, shared equally by the
# two partners." S4 "We are determined to keep every family in the lower town safe and dry."
# S5 "Residents may comment on the plans at the town hall until the end of June."
# Article: A0 headline "Flood barrier promised for Elm River"; A1 paraphrases S1; A2 quotes S2
# word for word; A3 quotes S4 with two words changed; A4 and A5 are the reporter's own.


@pytest.fixture(scope="module")
def result():
    return selection(ARTICLE, SOURCE)


def test_similarity_by_hand():
    import analysis

    source = sentence_lemmas(analysis.load_article(SOURCE))
    article = sentence_lemmas(analysis.load_article(ARTICLE))
    assert source[1] == {"along", "authority", "barrier", "build", "council", "elm", "flood",
                         "port", "river", "will"}  # fmt: skip
    assert article[1] == {"announce", "authority", "barrier", "build", "council", "elm",
                          "monday", "new", "partner", "port", "river", "two"}  # fmt: skip
    # 7 shared of 10 and 12: 14 / 22
    assert dice(source[1], article[1]) == pytest.approx(14 / 22)
    # A4 shares "low" and "town" with S4, 8 lemmas each: 4 / 16, under the threshold
    assert dice(source[4], article[4]) == pytest.approx(0.25)
    assert not reports(source[4], article[4])


def test_threshold_and_shared_words_are_both_needed():
    assert (THRESHOLD, MIN_SHARED) == (0.3, 3)
    ten = {f"s{i}" for i in range(7)} | {"a", "b", "c"}
    # 3 shared of 10 and 10: Dice 6 / 20 = 0.3, on the threshold: reported
    assert reports(ten, {f"t{i}" for i in range(7)} | {"a", "b", "c"})
    # 3 shared of 10 and 11: 6 / 21 < 0.3: not reported
    assert not reports(ten, {f"t{i}" for i in range(8)} | {"a", "b", "c"})
    # Dice 4 / 6 but only two lemmas shared: not reported ...
    assert not reports({"a", "b", "c", "d"}, {"a", "b"})
    # ... unless the source sentence has only those two
    assert reports({"a", "b"}, {"a", "b", "c"})
    assert dice(set(), set()) == 0


def test_source_passages_by_hand(result):
    source = result.source.set_index("source_sentence")
    assert source["status"].to_dict() == {1: "paraphrased", 2: "quoted", 3: "omitted",
                                          4: "altered_quote", 5: "omitted"}  # fmt: skip
    # S1 is reported by the headline (4 shared of 10 and 5: 8/15) and by A1 (14/22)
    assert source.loc[1, "article_sentences"] == [0, 1]
    assert source.loc[1, "similarity"] == pytest.approx(0.636, abs=1e-3)
    assert source.loc[2, "quotes"] == [1]
    assert math.isnan(source.loc[3, "first_told"])
    assert result.summary["coverage"] == 0.6
    assert result.summary["omitted"] == 2


def test_order_of_telling(result):
    # S1 first told in A0 (the headline, 8/15) but told in A1 (14/22, the most similar);
    # S2 quoted in A2, S4 in A3: the source's own order
    assert list(result.order["source_sentence"]) == [1, 2, 4]
    assert list(result.order["first_told"]) == [0, 2, 3]
    assert list(result.order["told_in"]) == [1, 2, 3]
    assert list(result.order["told_order"]) == [1, 2, 3]
    assert result.summary["order_tau"] == 1.0


def test_an_article_copied_word_for_word_keeps_the_sources_order():
    # A real readout of five sentences against itself: each sentence is told where it is.
    # The headline and S2 share S3's and S4's names (Blinken, Le Drian, Secretary, Foreign
    # Minister), so the first sentence reporting S3 and S4 is the headline: ordering by it
    # gave tau 0.12 for a text that changes nothing.
    text = ROOT / "eval" / "articles" / "state_2021_blinken_le_drian_call.txt"
    copied = selection(text, text)
    assert list(copied.source["told_in"]) == list(copied.source["source_sentence"])
    assert copied.source.loc[2, "first_told"] == 0  # S3: the headline shares its names
    assert copied.summary["order_tau"] == 1.0
    assert copied.summary["coverage"] == 1.0


def test_kendall_tau_by_hand():
    assert kendall_tau([1, 2, 3], [3, 2, 1]) == -1
    # one discordant pair of six: (5 - 1) / 6
    assert kendall_tau([1, 2, 3, 4], [1, 3, 2, 4]) == pytest.approx(4 / 6)
    assert math.isnan(kendall_tau([1], [1]))


def test_unsourced_sentences_are_the_reporters_own(result):
    assert list(result.unsourced["sentence"]) == [4, 5]
    assert result.unsourced["text"].iloc[0].startswith("Critics have long warned")
    sourced = result.article.set_index("sentence")
    assert sourced.loc[2, "source_sentences"] == [2]
    assert sourced.loc[3, "has_quote"]


def test_quotes_verified_and_altered(result):
    quotes = result.quotes.set_index("quote")
    assert quotes.loc[1, "status"] == "verified"
    assert quotes.loc[1, "source_sentence"] == 2
    altered = quotes.loc[2]
    assert altered["status"] == "altered"
    assert altered["source_sentence"] == 4
    # 12 of its 14 words in S4, in order
    assert altered["overlap"] == pytest.approx(12 / 14, abs=1e-3)
    assert altered["changes"] == "'committed' for 'determined'; 'keeping' for 'keep'"
    assert ALTERED_MIN_OVERLAP == 0.5


def test_reported_speech_is_not_a_quotation():
    article = ("Barrier row\n\nCritics warn that the barrier will not protect the lower town."
               "\n\n“Nobody asked us about the cost,” a resident said.\n")  # fmt: skip
    checked = selection(article, SOURCE)
    has_quote = checked.article.set_index("sentence")["has_quote"]
    assert not has_quote[1]  # reported speech: no row in ``quotes``, so no quotation here
    assert has_quote[2]
    assert list(checked.quotes["sentence"]) == [2]


def test_a_quote_the_source_does_not_hold_is_listed():
    article = ("Barrier row\n\nThe partners said the barrier “will protect twelve thousand homes "
               "in the lower town from spring floods.”\n\n“Nobody asked us about the cost,” a "
               "resident said.\n")  # fmt: skip
    checked = selection(article, SOURCE).quotes
    assert list(checked["status"]) == ["verified", "not_found"]


def test_quote_pieces_and_order():
    assert quote_pieces("keep every family [in the town] ... safe and dry") == [
        ["keep", "every", "family"], ["safe", "and", "dry"]]
    in_order = "Flood barrier\n\nThey want to “keep every family … safe and dry,” they said.\n"
    reversed_ = "Flood barrier\n\nThey want to be “safe and dry … keep every family,” they said.\n"
    assert selection(in_order, SOURCE).quotes["status"].iloc[0] == "verified"
    assert selection(reversed_, SOURCE).quotes["status"].iloc[0] != "verified"


def test_terms_by_hand(result):
    terms = result.terms.set_index("lemma")
    # the source body has 72 words, the article body 85
    will = terms.loc["will"]
    assert (will["count_source"], will["count_article"]) == (3, 1)
    assert will["log_ratio"] == pytest.approx(math.log2((1 / 85) / (3 / 72)), abs=1e-3)
    assert will["status"] == "toned_down"
    assert terms.loc["construction", "status"] == "dropped"
    assert terms.loc["say", "status"] == "added"
    assert terms.loc["barrier", "status"] == "kept"


def test_terms_name_the_words_behind_each_lemma(capsys):
    # The lemmatiser makes "defense" of "defence" (the shipped example): the term table and
    # the summary show the words, so a reader can tell. The name "Maria", written with a
    # capital inside a sentence, stays itself (in lower case, simplemma reads the word "mare").
    examples = ROOT / "seeds" / "examples"
    report, statement = examples / "eastport_westbury_report.txt", \
        examples / "eastport_westbury_joint_statement.txt"  # fmt: skip
    terms = selection(report, statement).terms.set_index("lemma")
    assert terms.loc["grow", "forms"] == ["growing"]  # not simplemma's "growe"
    assert terms.loc["maria", "forms"] == ["maria"] and "mare" not in terms.index
    assert terms.loc["defense", "forms"] == ["defence"]
    assert terms.loc["say", "forms"] == ["said", "say"]  # most frequent first: 6 and 1
    assert cli_main(["selection", str(report), str(statement)]) == 0
    out = capsys.readouterr().out
    assert "defense (defence)" in out and "grow," in out
    assert "home (" not in out  # a form that starts with its lemma needs no gloss


def test_bad_input():
    with pytest.raises(UsageError):
        selection(ARTICLE, SOURCE, threshold=0)
    with pytest.raises(UsageError):
        selection(ARTICLE, SOURCE, min_shared=0)


def test_cli_json(capsys):
    assert cli_main(["selection", str(ARTICLE), str(SOURCE), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"article", "source", "summary", "source_sentences",
                        "article_sentences", "quotes", "terms", "notes"}  # fmt: skip
    assert [row["status"] for row in out["source_sentences"]] == [
        "paraphrased", "quoted", "omitted", "altered_quote", "omitted"]
    assert out["source_sentences"][2]["first_told"] is None


def test_cli_readable(capsys):
    assert cli_main(["selection", str(ARTICLE), str(SOURCE)]) == 0
    out = capsys.readouterr().out
    assert "quoted 1, altered quote 1, paraphrased 1, omitted 2 (coverage 60%" in out
    assert "A4: Critics have long warned" in out
