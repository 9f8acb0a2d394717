"""The evaluation's metrics, worked by hand on tiny cases."""

from __future__ import annotations

import json
import math

import pytest

from analysis.evaluation import (
    ArticleScore,
    Counts,
    EvaluationError,
    Gold,
    Span,
    match,
    overlap,
    quote_errors,
    read_gold,
    same_speaker,
    summarise,
    trimmed,
)

TEXT = 'Lee said, "We will win the match." Fans called it a "miracle" and cheered.'
#        0         1         2         3         4         5         6         7
#        0123456789012345678901234567890123456789012345678901234567890123456789012345


def test_overlap_is_shared_characters_over_the_gold_length():
    gold = Span(11, 33, "direct", "Lee")
    assert overlap(Span(11, 33, "direct", None), gold) == 1.0
    assert overlap(Span(11, 22, "direct", None), gold) == 0.5  # half the gold span
    assert overlap(Span(0, 60, "direct", None), gold) == 1.0  # too long still covers it
    assert overlap(Span(40, 50, "direct", None), gold) == 0.0


def test_match_is_one_to_one_and_takes_the_best_overlap_first():
    gold = [Span(0, 10, "direct", "A"), Span(20, 30, "direct", "B")]
    predicted = [Span(0, 4, "direct", "A"), Span(0, 9, "direct", "A"), Span(21, 30, "partial", "B")]
    assert match(predicted, gold, 0.3) == [(1, 0, 0.9), (2, 1, 0.9)]
    assert match(predicted, gold, 0.95) == []


def test_counts_give_precision_recall_and_f1():
    counts = Counts(matched=3, predicted=4, gold=6)
    assert (counts.precision, counts.recall) == (0.75, 0.5)
    assert counts.f1 == pytest.approx(0.6)
    assert math.isnan(Counts(0, 0, 2).precision) and Counts(0, 0, 2).f1 == 0.0


def test_trimmed_drops_space_and_punctuation_at_the_ends():
    assert trimmed(TEXT, Span(10, 34, "direct", None)) == (11, 32)


@pytest.mark.parametrize(("predicted", "gold", "same"), [
    ("Antony Blinken", "Antony Blinken", True),
    ("Blinken", "Antony Blinken", True),
    ("China's foreign ministry", "the ministry", True),
    ("Mr. Lee", "Lee Jae-myung", True),
    ("Secretary Lee", "Kim Lee-sun", False),
    ("Kim Jong-Un", "Kim Jong Un", True),
    ("Lee", "Lee Jae-myung", True),
    ("Kamikawa", "Lloyd Austin", False),
    (None, None, True),
    (None, "Lloyd Austin", False),
    ("Lloyd Austin", None, False),
])  # fmt: skip
def test_same_speaker(predicted, gold, same):
    assert same_speaker(predicted, gold) is same


def _score(predicted, gold_quotes, sentences=(2, 2)):
    gold = Gold("a", 1, sentences[1], None, tuple(gold_quotes))
    return ArticleScore("a", TEXT, tuple(predicted), gold, sentences[0], 1, None)


def test_summary_worked_by_hand():
    gold = [Span(11, 33, "direct", "Lee"), Span(53, 60, "term", None)]
    predicted = [Span(11, 33, "direct", "Lee"), Span(53, 60, "partial", "Fans"),
                 Span(0, 3, "partial", None)]  # fmt: skip
    table = summarise([_score(predicted, gold)]).set_index("measure")["value"]
    assert table["quote F1 (overlap >= 0.3)"] == pytest.approx(2 * (2 / 3 * 1) / (2 / 3 + 1))
    assert table["quote F1 (exact span)"] == pytest.approx(0.8)
    assert table["speaker accuracy"] == 1.0  # the term has no speaker to get right
    assert table["kind accuracy"] == 0.5
    assert table["sentence count exact"] == 1.0


def test_errors_are_categorised():
    gold = [Span(11, 33, "direct", "Lee"), Span(53, 60, "term", None),
            Span(35, 72, "indirect", "Fans")]  # fmt: skip
    predicted = [Span(11, 33, "direct", None), Span(53, 60, "partial", None),
                 Span(0, 3, "partial", None)]  # fmt: skip
    errors = quote_errors([_score(predicted, gold)])
    assert errors["category"].tolist() == ["no speaker", "wrong kind", "missed", "spurious"]


def test_gold_quotes_are_placed_by_occurrence(tmp_path):
    text = 'He said "yes". She said "yes".'
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"paragraphs": 1, "sentences": 2, "dateline": None, "quotes": [
        {"text": "yes", "occurrence": 2, "kind": "direct", "speaker": "She"}]}))
    (quote,) = read_gold(path, text).quotes
    assert (quote.start, quote.end) == (25, 28)
    path.write_text(json.dumps({"paragraphs": 1, "sentences": 2, "quotes": [
        {"text": "no", "kind": "direct", "speaker": "She"}]}))
    with pytest.raises(EvaluationError, match="not found"):
        read_gold(path, text)
