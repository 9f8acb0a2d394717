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
    "ensure_nltk_data",
    "load_article",
    "overview",
    "structure_table",
    "unnest_sentences",
    "unnest_tokens",
]
