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

SIZE = 200_000
HEAD = "Talks end\n\n"
SHAPES = {
    "periods and quotes": HEAD + '."' * (SIZE // 2),
    "straight quotes": HEAD + '"' * SIZE,
    "nested, unbalanced quotes": HEAD + "“He said ‘no’ and “yes” then " * (SIZE // 30),
    "transcript": HEAD + "\n\n".join(["“We will talk again,” he said."] * (SIZE // 32)),
    "one sentence, many quotes": HEAD + "Officials said " + ", ".join(
        f"“point {i}” said Lin Jian" for i in range(SIZE // 28)) + ".",
    "many reported clauses": HEAD + " ".join(
        ["Lin Jian said the talks would go on, officials said."] * (SIZE // 52)),
}


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
