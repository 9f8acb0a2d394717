"""Comparison: articles side by side, and an article against its source.

- :mod:`analysis.comparison.side_by_side`: :func:`compare`, two or more articles in long
  tables (salience, voices, frames, tone, readability, keyness) with bootstrap intervals.
- :mod:`analysis.comparison.against_source`: :func:`selection`, which passages of a source
  document an article quotes, paraphrases or leaves out, and which of its sentences have none.
- :mod:`analysis.comparison.cli`: ``python -m analysis compare ...`` and ``... selection ...``.

``analysis.compare`` and ``analysis.selection`` are these two functions.
"""

from __future__ import annotations

from analysis.comparison.against_source import (
    ALTERED_MIN_OVERLAP,
    MIN_SHARED,
    THRESHOLD,
    QuoteCheck,
    Selection,
    dice,
    kendall_tau,
    quote_pieces,
    reports,
    selection,
    selection_chart,
    sentence_lemmas,
)
from analysis.comparison.side_by_side import (
    BODY,
    CONFIDENCE,
    MIN_GROUP_SENTENCES,
    MIN_SENTENCES,
    N_RESAMPLES,
    READABILITY_INDICES,
    SEED,
    Bootstrap,
    Comparison,
    KeyTerm,
    compare,
    format_value,
    interval_chart,
    keyness_between,
    keyness_chart,
    log_likelihood_2x2,
    log_ratio,
)

__all__ = [
    "ALTERED_MIN_OVERLAP",
    "BODY",
    "CONFIDENCE",
    "MIN_GROUP_SENTENCES",
    "MIN_SENTENCES",
    "MIN_SHARED",
    "N_RESAMPLES",
    "READABILITY_INDICES",
    "SEED",
    "THRESHOLD",
    "Bootstrap",
    "Comparison",
    "KeyTerm",
    "QuoteCheck",
    "Selection",
    "compare",
    "dice",
    "format_value",
    "interval_chart",
    "kendall_tau",
    "keyness_between",
    "keyness_chart",
    "log_likelihood_2x2",
    "log_ratio",
    "quote_pieces",
    "reports",
    "selection",
    "selection_chart",
    "sentence_lemmas",
]
