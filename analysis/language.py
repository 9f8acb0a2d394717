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
#: this; Lui and Baldwin 2012), and the cost stays the same however long the text.
SAMPLE_CHARS = 1000


_LETTER = re.compile(r"[^\W\d_]")


@cache
def _identifier() -> LanguageIdentifier:
    from py3langid import langid

    return langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)


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
