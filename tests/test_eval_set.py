"""The evaluation set is whole: every article has its gold and its source, every gold quote
sits where its offsets say, and the set has the size and variety the project promises."""

from __future__ import annotations

import re

from analysis import load_article
from analysis.evaluation import gold_ids, read_gold
from tests.conftest import ROOT

EVAL = ROOT / "eval"


def test_every_article_has_a_gold_file_a_second_annotation_and_a_source():
    articles = sorted(p.stem for p in (EVAL / "articles").glob("*.txt"))
    assert articles == gold_ids(EVAL) == gold_ids(EVAL, "gold_b")
    sources = (EVAL / "SOURCES.md").read_text(encoding="utf-8")
    for article in articles:
        assert f"`{article}.txt`" in sources, article


def test_at_least_thirty_articles_from_ten_sources():
    articles = gold_ids(EVAL)
    outlets = {re.match(r"[a-z]+", name).group() for name in articles}
    assert len(articles) >= 30 and len(outlets) >= 10, outlets


def test_every_gold_quote_sits_at_its_offsets():
    for folder in ("gold", "gold_b"):
        for article_id in gold_ids(EVAL, folder):
            text = load_article(EVAL / "articles" / f"{article_id}.txt").text
            gold = read_gold(EVAL / folder / f"{article_id}.json", text)  # checks offsets
            for quote in gold.quotes:
                assert text[quote.start : quote.end] == quote.text
                assert quote.kind in ("direct", "partial", "term", "indirect")
