"""The speakers' pass asks whether an offset lies within a quote's marks by bisecting the
quotes' starts: the same answers as the former bisection over (start, end) pairs, at every
offset of every evaluation article."""

from __future__ import annotations

from bisect import bisect_right

import pytest

from analysis import Article
from analysis.article import parse_article
from analysis.framing.actors import load_actor_dictionary
from analysis.framing.speakers import _Attributor
from tests.conftest import ROOT, SEED


def _in_quote_by_pairs(quoted: list[tuple[int, int]], offset: int) -> bool:
    """The former in_quote."""
    k = bisect_right(quoted, (offset, float("inf"))) - 1
    return k >= 0 and quoted[k][0] <= offset < quoted[k][1]


def _articles() -> list[Article]:
    texts = ["Headline “quoted”\n\n“A,” he said. “B ‘c’ d.”\n\n“Unclosed\n\n“goes on.” "
             "Then 'single' and \"straight\" marks."]  # fmt: skip
    paths = [SEED, *sorted((ROOT / "eval").glob("**/articles/*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in paths]
    return [parse_article(text) for text in texts]


@pytest.mark.parametrize("article", _articles(), ids=lambda a: a.headline[:30])
def test_in_quote_agrees_with_the_pairs_bisection(article: Article) -> None:
    attributor = _Attributor(article, load_actor_dictionary())
    quoted = [(s.mark_start, s.mark_end) for s in attributor.marked]
    for offset in range(-1, len(article.text) + 2):
        assert attributor.in_quote(offset) == _in_quote_by_pairs(quoted, offset), offset
