"""Exceptions raised by the package. Every message says what is wrong and how to fix it."""

from __future__ import annotations


class AnalysisError(Exception):
    """Base class of every error this package raises on purpose."""


class ArticleError(AnalysisError):
    """The input is not an article this package can read (missing, binary, empty, ...)."""


class ResourceError(AnalysisError):
    """A language resource could not be found or built."""


class LexiconError(AnalysisError):
    """A lexicon or dictionary data file is malformed."""
