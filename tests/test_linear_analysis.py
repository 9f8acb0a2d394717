"""The whole analysis (the CLI's JSON summary: readability, sentiment, terms, quotes,
speakers, reported speech, actors, frames) takes time in proportion to the input, on the
shapes of text that made attribution quadratic before: many quotes in one sentence, runs of
quotation marks, nested and unbalanced quotes, a transcript of short attributed lines.

Each shape is about 200 KB and runs in a subprocess with a generous timeout (speed itself
is measured in ``benchmarks/``): a regression fails instead of hanging the suite.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from benchmarks.shapes import shapes

SIZE = 200_000
SHAPES = {name: text for name, text in shapes(SIZE).items() if name != "run of periods"}
SHAPES["many reported clauses"] = "Talks end\n\n" + " ".join(
    ["Lin Jian said the talks would go on, officials said."] * (SIZE // 52))


@pytest.mark.parametrize("shape", SHAPES)
def test_the_whole_analysis_finishes_on_bad_shapes(shape, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(SHAPES[shape], encoding="utf-8")
    assert path.stat().st_size >= 0.9 * SIZE
    result = subprocess.run(
        [sys.executable, "-m", "analysis", str(path), "--json"],
        capture_output=True, text=True, timeout=300, check=False,  # seconds; ~10 s here
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["sentences"] >= 1


def test_marks_with_no_word_between_them_are_dropped_as_they_are_found():
    from analysis.article import iter_tokens, tokenize
    from analysis.quotes import find_quote_spans

    text = '"" and "yes"'  # marks at 0, 1, 7 and 11
    every = find_quote_spans(text, [(0, len(text))])
    assert [(s.start, s.end) for s in every] == [(1, 1), (8, 11)]
    kept = find_quote_spans(text, [(0, len(text))], words_only=True)
    assert [(s.start, s.end) for s in kept] == [(8, 11)]
    assert list(iter_tokens(text)) == tokenize(text) == [
        ("punct", 0, 1), ("punct", 1, 2), ("word", 3, 6), ("punct", 7, 8), ("word", 8, 11),
        ("punct", 11, 12)]
