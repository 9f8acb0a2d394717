"""Key findings of notebooks 00-03: written from the numbers, true on any article, no holes."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis import findings, load_article

GARDEN = "Garden show\n\nThe roses bloomed early this year. They were red.\n"
HOLES = re.compile(r"\bnan\b|\bNaN\b|\bNone\b|\[\]|\*{4}|\(\s*\)")


def test_balance_says_which_side_has_more_and_never_claims_the_wrong_one():
    # the reported fault: "more positive than negative sentences" with 0 positive and 3 negative
    assert findings.balance(0, 3) == "more negative than positive sentences (3 against 0)"
    assert findings.balance(17, 5) == "more positive than negative sentences (17 against 5)"
    assert findings.balance(1, 1) == "as many positive as negative sentences (1 each)"
    assert findings.balance(0, 0) == "no positive and no negative sentence"


def test_plural_and_listing():
    assert findings.plural(1, "sentence") == "1 sentence"
    assert findings.plural(1200, "word") == "1,200 words"
    assert findings.plural(2, "index", "indices") == "2 indices"
    assert findings.listing(["Japan"]) == "Japan"
    assert findings.listing(["Japan", "China", "Russia"]) == "Japan, China and Russia"


def test_structure_of_a_two_sentence_article():
    # hand count: "The roses bloomed early this year." 6 words, "They were red." 3 words
    lines = findings.structure(load_article(GARDEN))
    assert lines[0] == ("- **Body:** 1 paragraph, 2 sentences and 9 words, in language `en`; "
                        "sentences run from 3 to 6 words (median 4.5).")
    assert "- **Headline:** “Garden show”." in lines
    assert "- **No dateline** opens the body." in lines
    assert lines[-1].startswith("- **No trailing section**")


def test_readability_without_quotes_says_so():
    lines = findings.readability(load_article(GARDEN))
    assert any(line.startswith("- **No sentence is mostly quoted speech**") for line in lines)
    assert findings.harder_voice(load_article(GARDEN)) is None


def test_sentiment_counts_each_method_on_its_own():
    # VADER: "save" is positive (+2.2), "not impressed" negative; the security lexicon has
    # neither word, so it calls both sentences neutral.
    article = load_article("Headline\n\nThey save the day. We were not impressed.\n")
    lines = findings.sentiment(article)
    assert lines[1] == ("- **VADER** finds as many positive as negative sentences (1 each); "
                        "**the security lexicon** finds no positive and no negative sentence.")
    assert "- **No sentence is negative** on the security lexicon." in lines
    assert "- **The two methods never give opposite labels** to a sentence." in lines


def test_terms_without_a_repeated_word():
    lines = findings.terms(load_article(GARDEN))
    assert lines[0] == ("- **The body has 9 words:** 5 content words, 4 stopwords and "
                        "0 numbers.")
    assert "- **No content term occurs twice**, so keyness has nothing to rank." in lines


def test_the_seed(seed):
    lines = findings.terms(seed)
    assert "**Japan**, **U.S.** and **China**" in lines[1]  # names in their own case
    assert "more positive than negative" in findings.sentiment(seed)[1]


@pytest.mark.parametrize("function", [findings.structure, findings.readability,
                                      findings.sentiment, findings.terms])
@pytest.mark.parametrize("text", [GARDEN, "Title\n\nOne.\n", "Headline\n\n“Yes,” she said.\n"])
def test_no_holes_on_tiny_articles(function, text):
    for line in function(load_article(text)):
        assert not HOLES.search(line), line


def _summary() -> pd.DataFrame:
    # Three analysed articles and a failed one; frame counts and words chosen to give round rates.
    return pd.DataFrame({
        "article_id": ["a", "b", "c", "broken"],
        "error": [None, None, None, "ArticleError: binary"],
        "words": [200, 500, 100, 0],
        "flesch_reading_ease": [60.4, 30.2, 45.0, None],
        "mean_compound": [0.25, -0.5, 0.0, None],
        "frame_conflict_threat": [2, 10, 0, 0],
        "frame_rules_order": [1, 0, 3, 0],
    })  # fmt: skip


def test_frame_rates_are_per_1000_words_of_the_analysed_articles():
    rates = findings.frame_rates(_summary())
    assert list(rates.index) == ["a", "b", "c"]  # the failed file is left out
    assert rates.loc["a"].tolist() == [10.0, 5.0]  # 2 and 1 words in 200
    assert rates.loc["b"].tolist() == [20.0, 0.0]
    assert rates.loc["c"].tolist() == [0.0, 30.0]
    assert list(rates.columns) == ["conflict_threat", "rules_order"]


def test_many_articles_findings_name_extremes_and_failures():
    lines = findings.many(_summary())
    assert lines[0] == ("**4 files read:** 3 analysed, 1 failed (broken: the error is in its "
                        "row, and the run went on).")  # fmt: skip
    assert lines[1] == "**Easiest to read:** a (Flesch Reading Ease 60); **hardest:** b (30)."
    assert lines[2] == "**Mean VADER tone** runs from -0.50 (b) to +0.25 (a)."
    assert lines[3].startswith("**Most framed:** c, with 30 ")


def test_many_articles_findings_when_nothing_was_analysed():
    summary = _summary().iloc[3:]
    assert findings.many(summary) == ["**1 file read:** 0 analysed, 1 failed (broken: the error "
                                      "is in its row, and the run went on)."]  # fmt: skip
