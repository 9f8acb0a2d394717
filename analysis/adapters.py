"""The only places that reach past the public API of NLTK and textstat.

- **VADER's "but" rule.** NLTK exposes ``polarity_scores`` only; to show the
  valence behind each word, :func:`analysis.sentiment.explain_vader` replays its
  steps and needs ``SentimentIntensityAnalyzer._but_check`` (NLTK 3.9–3.10).
- **textstat's word data.** The Dale–Chall easy-word list and the Pyphen
  hyphenator textstat counts syllables with (``textstat.backend.utils``,
  textstat 0.7), so that our per-word counts are textstat's without calling its
  text-level functions once per word. The CMU dictionary textstat reads through
  NLTK is replaced by a compact table of the same counts
  (:func:`analysis.resources.load_syllable_table`).

Each is tested equal to the public API (``tests/test_adapters.py``:
``polarity_scores``, ``textstat.syllable_count``, ``textstat.is_easy_word``),
and ``pyproject.toml`` bounds both packages' versions, so an upgrade that moves
them fails in one place with a test that names it.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nltk.sentiment.vader import SentimentIntensityAnalyzer


def vader_but_check(analyzer: SentimentIntensityAnalyzer, words: list[str],
                    sentiments: list[float]) -> list[float]:  # fmt: skip
    """NLTK's rule that words after "but" weigh 1.5 times, those before it half."""
    return analyzer._but_check(words, sentiments)


@cache
def easy_words() -> frozenset[str]:
    """textstat's Dale–Chall list of familiar words (lower case), for US English."""
    from textstat.backend.utils import get_lang_easy_words

    return frozenset(get_lang_easy_words("en_US"))


@cache
def syllable_sources() -> tuple[dict[str, int], object]:
    """The syllables of each word's first CMU pronunciation (our compact table of the
    dictionary textstat reads through NLTK) and textstat's Pyphen hyphenator for English."""
    from textstat.backend.utils import get_pyphen

    from analysis.resources import load_syllable_table

    return load_syllable_table(), get_pyphen("en_US")
