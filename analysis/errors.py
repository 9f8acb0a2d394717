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


class UsageError(AnalysisError, ValueError):
    """A function was called with an argument it cannot use (a bad ``n_jobs``, an output
    suffix it cannot write, an empty input)."""


class DependencyError(AnalysisError, ImportError):
    """An optional dependency a function needs is not installed."""


class WorkerError(AnalysisError):
    """A worker process died while it analysed an article (killed, out of memory, crashed)."""
