"""Framing analysis of news articles: structure, readability, sentiment, terms, framing.

Importing the package points NLTK at the project's own data directory, built
offline from pinned PyPI packages (see :mod:`analysis.resources`).
"""

from __future__ import annotations

from analysis.article import (
    Article,
    Dateline,
    Paragraph,
    Section,
    Sentence,
    Token,
    load_article,
    overview,
    structure_table,
    unnest_sentences,
    unnest_tokens,
)
from analysis.errors import AnalysisError, ArticleError, LexiconError, ResourceError
from analysis.resources import ensure_nltk_data

ensure_nltk_data()


def __getattr__(name: str) -> object:
    """``analysis.analyze_many``, ``analysis.write_summaries``, ``analysis.compare`` and
    ``analysis.selection``, imported on first use (they pull in every analysis)."""
    if name in ("analyze_many", "write_summaries"):
        from analysis import corpus

        return getattr(corpus, name)
    if name in ("compare", "selection"):  # articles side by side, an article against its source
        from analysis import comparison

        return getattr(comparison, name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")


__all__ = [
    "AnalysisError",
    "Article",
    "ArticleError",
    "Dateline",
    "LexiconError",
    "Paragraph",
    "ResourceError",
    "Section",
    "Sentence",
    "Token",
    "analyze_many",
    "compare",
    "ensure_nltk_data",
    "load_article",
    "overview",
    "selection",
    "structure_table",
    "unnest_sentences",
    "unnest_tokens",
    "write_summaries",
]
