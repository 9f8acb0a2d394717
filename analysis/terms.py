"""Term frequencies, keyness and context (see the README's "Terms" section)."""

from __future__ import annotations

from functools import cache

from analysis.datafiles import read_entries


@cache
def stopwords() -> frozenset[str]:
    """English stopwords: the Snowball list (``analysis/data/stopwords_en.txt``)."""
    return frozenset(word for (word,) in read_entries("stopwords_en.txt", 1))


def is_stopword(term: str) -> bool:
    """Whether a normalised (lower-case, straight-apostrophe) term is a stopword."""
    return term in stopwords()
