"""Language identification for sections of an article.

Uses py3langid (a maintained fork of langid.py, Lui and Baldwin 2012): its
model ships inside the wheel, so it works offline, and it is deterministic,
so the same text always gets the same label. Returns ISO 639-1 codes
(``en``, ``tl`` for Tagalog, ...), or ``und`` when there is too little text.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

#: Fewer letters than this are too little evidence for a language label.
MIN_LETTERS = 20
#: Only the first characters are read: ample for a label (langid.py is reliable well below
#: this; Lui and Baldwin 2012), and the cost stays the same however long the text. On the
#: evaluation articles, their sections and paragraphs (366 texts), 400 to 1,000 characters
#: give the same labels; 500 costs half of 1,000 (about 4% of a batch's time).
SAMPLE_CHARS = 500


_LETTER = re.compile(r"[^\W\d_]")


@cache
def _identifier() -> LanguageIdentifier:
    from analysis.adapters import langid_identifier
    from analysis.resources import LANGID_MODEL, ensure_nltk_data

    return langid_identifier(ensure_nltk_data() / LANGID_MODEL.nltk_path)


def detect(text: str) -> str:
    """ISO 639-1 code of the language of ``text``, or ``und`` (undetermined)."""
    return _detect_sample(text[:SAMPLE_CHARS])


@lru_cache(maxsize=256)  # a text asked about twice (a body, then its article) is read once
def _detect_sample(sample: str) -> str:
    letters = _LETTER.finditer(sample)
    if next(islice(letters, MIN_LETTERS - 1, None), None) is None:  # fewer than MIN_LETTERS
        return "und"
    code, _probability = _identifier().classify(sample)
    return str(code)


#: Scripts written without spaces between words, as (code, language, character ranges).
#: Japanese is told by its kana; Han characters alone are read as Chinese.
_UNSPACED_SCRIPTS = (
    ("ja", "Japanese", "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"),
    ("zh", "Chinese", "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"),
    ("th", "Thai", "\u0e00-\u0e7f"),
    ("lo", "Lao", "\u0e80-\u0eff"),
    ("km", "Khmer", "\u1780-\u17ff"),
    ("my", "Burmese", "\u1000-\u109f"),
)
_NOT_UNSPACED = re.compile("[^" + "".join(ranges for *_, ranges in _UNSPACED_SCRIPTS) + "]+")
_NOT_LETTER = re.compile(r"[\W\d_]+")


def unspaced_language(text: str) -> tuple[str, str] | None:
    """``(code, name)`` when most letters of ``text`` are in a script written without
    spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese); else None.

    An English article quoting a line of Chinese is not affected: the share is over the
    whole text.
    """
    unspaced = _NOT_UNSPACED.sub("", text)
    if not unspaced or 2 * len(unspaced) <= len(_NOT_LETTER.sub("", text)):
        return None
    code, name, kana = _UNSPACED_SCRIPTS[0]
    if re.search(f"[{kana}]", unspaced):  # kana: Japanese, whatever the share of kanji
        return code, name
    _count, code, name = max(
        (len(re.findall(f"[{ranges}]", unspaced)), code, name)
        for code, name, ranges in _UNSPACED_SCRIPTS[1:]
    )
    return code, name
