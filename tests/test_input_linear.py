"""Segmentation takes time in proportion to the input, whatever its shape.

Each shape is about 200 KB (a tenth of the default size limit). Before the fix a
run of 20,000 periods took several seconds and 200 KB of them minutes; each case
runs in a subprocess with a generous timeout, so a regression fails instead of
hanging the suite.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

SIZE = 200_000
OPENING = "Headline\n\nThe talks in Tokyo went on for many hours on Sunday and then "

SHAPES = {
    "run of periods": OPENING + "." * SIZE + " then more",
    "run of !?": OPENING + "!?" * (SIZE // 2) + " then more",
    "run of periods then a capital": OPENING + "." * SIZE + " The end.",
    "run of straight quotes": OPENING + '"' * SIZE,
    "run of curly quotes": OPENING + "“”’" * (SIZE // 9),
    "periods and quotes": OPENING + '."' * (SIZE // 2),
    "one giant line": OPENING + "word, " * (SIZE // 6),
    "one giant word": OPENING + "x" * SIZE + ".",
    "many tiny paragraphs": "Headline\n\n" + "The end came.\n\n" * (SIZE // 15),
    "many short sentences": OPENING + "A b. " * (SIZE // 5),
    "acronym chain": OPENING + "U.S." * (SIZE // 4) + " The end.",
    "many lines, no blank line": "Headline\n" + "One line of the report here.\n" * (SIZE // 29),
}

SCRIPT = textwrap.dedent(
    """
    import sys
    from analysis.article import load_article, split_sentences, tokenize

    text = sys.stdin.read()
    split_sentences(text)
    tokenize(text)
    article = load_article(text)
    print(len(article.sentences), len(article.tokens))
    """
)


@pytest.mark.parametrize("shape", SHAPES)
def test_bad_shapes_finish(shape):
    text = SHAPES[shape]
    assert len(text.encode()) >= 0.9 * SIZE
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        input=text,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,  # seconds: about 1 s after the fix; minutes before it
        check=False,
    )
    assert result.returncode == 0, result.stderr
    n_sentences, n_tokens = map(int, result.stdout.split())
    assert n_sentences >= 2 and n_tokens >= 2


def test_long_runs_of_marks_end_one_sentence():
    from analysis.article import split_sentences

    for marks in ("....", "!?!", "?!?!"):
        text = f"It was over{marks} The rest followed."
        spans = [text[start:end] for start, end in split_sentences(text)]
        assert spans == [f"It was over{marks}", "The rest followed."]
    text = "It was over.... and on it went"
    assert [text[s:e] for s, e in split_sentences(text)] == [text]
