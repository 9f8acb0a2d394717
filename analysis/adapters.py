"""The only places that reach past the public API of NLTK and textstat.

- **VADER's "but" rule.** NLTK exposes ``polarity_scores`` only; to show the
  valence behind each word, :func:`analysis.sentiment.explain_vader` replays its
  steps and needs ``SentimentIntensityAnalyzer._but_check`` (NLTK 3.9–3.10).
- **textstat's word data.** The Dale–Chall easy-word list and the Pyphen
  hyphenator textstat counts syllables with (``textstat.backend.utils``,
  textstat 0.7), so that our per-word counts are textstat's without calling its
  text-level functions once per word. Pyphen keeps every word it has hyphenated in
  an unbounded memo (``HyphDict.cache``, pyphen 0.18); :func:`hyphenation_points`
  empties it at :data:`PYPHEN_MEMO_SIZE` words. The CMU dictionary textstat reads through
  NLTK is replaced by a compact table of the same counts
  (:func:`analysis.resources.load_syllable_table`).
- **py3langid's model layout.** Its loader decompresses a 4.5 MB LZMA archive into
  70 MB of arrays at every start (0.3 s); :func:`langid_identifier` builds the same
  ``LanguageIdentifier`` from the arrays unpacked once (``modelio.load_model``'s
  conversions, py3langid 0.4), mapped from disk, its weights widened from 16-bit to
  32-bit floats (exactly; every score is tested equal to the bit).

Each is tested equal to the public API (``tests/test_adapters.py``:
``polarity_scores``, ``textstat.syllable_count``, ``textstat.is_easy_word``,
py3langid's own ``classify`` and scores),
and ``pyproject.toml`` bounds both packages' versions, so an upgrade that moves
them fails in one place with a test that names it.
"""

from __future__ import annotations

import contextlib
import mmap as mmap_module
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from nltk.sentiment.vader import SentimentIntensityAnalyzer
    from py3langid.langid import LanguageIdentifier


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
def syllable_sources() -> tuple[dict[str, int], Callable[[str], int]]:
    """The syllables of each word's first CMU pronunciation (our compact table of the
    dictionary textstat reads through NLTK), and :func:`hyphenation_points`."""
    from analysis.resources import load_syllable_table

    return load_syllable_table(), hyphenation_points


#: The most words Pyphen's own memo keeps before it is emptied. Every word asked here is
#: kept with its syllables by a per-word cache (:class:`analysis.terms.WordForm`), so the
#: memo only spares work within one word's hyphenation; unbounded, it grew by about
#: 2 MB per 1,000 articles of new vocabulary.
PYPHEN_MEMO_SIZE = 4096


def hyphenation_points(word: str) -> int:
    """The number of hyphenation points textstat's Pyphen hyphenator (English) finds in
    ``word`` (textstat counts a word off the CMU dictionary as this plus one)."""
    hyphenator = _pyphen()
    points = len(hyphenator.positions(word))
    memo = hyphenator.hd.cache  # pyphen's per-word memo: a plain dict, never trimmed
    if len(memo) >= PYPHEN_MEMO_SIZE:
        memo.clear()
    return points


@cache
def _pyphen() -> Any:
    from textstat.backend.utils import get_pyphen

    return get_pyphen("en_US")


def langid_identifier(model_dir: Path) -> LanguageIdentifier:
    """py3langid's identifier with normalised probabilities (as
    ``LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)``), built from the
    model's arrays as ``.npy`` files in ``model_dir``
    (:func:`analysis.resources.ensure_nltk_data` unpacks them). The two large tables are
    mapped from disk, so only the pages a text touches are read."""
    import numpy as np
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array

    def array(name: str, mmap: bool = False) -> np.ndarray:
        loaded = np.load(model_dir / f"{name}.npy", mmap_mode="r" if mmap else None,
                         allow_pickle=False)  # fmt: skip
        if mmap:  # rows are read at random: no read-ahead of neighbouring pages
            with contextlib.suppress(AttributeError, OSError):
                loaded._mmap.madvise(mmap_module.MADV_RANDOM)
        return loaded

    nextmove = array("nextmove", mmap=True)
    # modelio turns the transition table into an array.array; a memoryview of the mapped
    # file reads the same unsigned integers as Python ints without copying it.
    table = memoryview(nextmove).cast("B").cast(nextmove.dtype.char)
    # A plain array over the mapped file: a memmap's rows go through a Python __getitem__.
    weights = array("ptc", mmap=True).view(np.ndarray)
    return LanguageIdentifier(
        weights, array("pc"), array("classes").tolist(), table,
        array("out_feat").tolist(), norm_probs=True, tk_row=_to_array(array("nextmove_row")),
    )  # fmt: skip
