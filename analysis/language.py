"""Language identification for sections of an article.

Uses py3langid (a maintained fork of langid.py, Lui and Baldwin 2012): its
model ships inside the wheel, so it works offline, and it is deterministic,
so the same text always gets the same label. Returns ISO 639-1 codes
(``en``, ``tl`` for Tagalog, ...), or ``und`` when there is too little text.
"""

from __future__ import annotations

from functools import cache

#: Fewer letters than this are too little evidence for a language label.
MIN_LETTERS = 20


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str:
    """ISO 639-1 code of the language of ``text``, or ``und`` (undetermined)."""
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return "und"
    code, _probability = _identifier().classify(text)
    return str(code)
