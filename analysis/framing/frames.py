"""Frames: which news frames carry the story, sentence by sentence.

The news frames of Semetko and Valkenburg (2000), adapted to security reporting
(``analysis/data/frames.tsv``, or a lexicon of your own:
``term<TAB>frame<TAB>why``).

Reference: Semetko, H. A. and Valkenburg, P. M. (2000). Framing European
politics: a content analysis of press and television news. *Journal of
Communication* 50(2), 93–109.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from analysis.article import Article
from analysis.datafiles import data_path
from analysis.lexicon import Lexicon, matchable_words, parse_lexicon, sentence_matches
from analysis.memo import FileMemo, per_article

if TYPE_CHECKING:
    import pandas as pd

_read_frame_lexicon = FileMemo(
    lambda text, name: parse_lexicon(text, name=name, weighted=False), what="frame lexicon"
)


def load_frames(path: str | Path | None = None) -> Lexicon:
    """The shipped frame lexicon (``frames.tsv``) or your own: ``term<TAB>frame<TAB>why``.
    The file is parsed again whenever its content changes."""
    return _read_frame_lexicon(path or data_path("frames.tsv"))


class Trigger(NamedTuple):
    """One frame word found (a row of :func:`unnest_frame_triggers`)."""

    sentence: int
    part: str
    frame: str
    term: str
    text: str
    start: int
    end: int


TRIGGER_COLUMNS = list(Trigger._fields)


def unnest_frame_triggers(article: Article, frames: Lexicon | None = None) -> pd.DataFrame:
    """One row per frame word found: ``sentence``, ``part``, ``frame``, ``term`` (the
    lexicon entry), ``text`` (as written), ``start``, ``end``."""
    return _trigger_table(article, frames or load_frames()).copy(deep=False)


@per_article
def _trigger_table(article: Article, frames: Lexicon) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(_triggers(article, frames), columns=TRIGGER_COLUMNS)


def trigger_records(article: Article, frames: Lexicon | None = None) -> list[Trigger]:
    """The frame words of the headline and body in text order, computed once per article."""
    return _triggers(article, frames or load_frames())


@per_article
def _triggers(article: Article, frames: Lexicon) -> list[Trigger]:
    matchable = matchable_words(article)
    found = sentence_matches(article, frames)
    rows = []
    for sentence in article.sentences:
        if sentence.index not in found:
            continue
        tokens = matchable.sentence(sentence.index)[0]
        for position, entry in found[sentence.index]:
            start = tokens[position].start
            end = tokens[position + len(entry.words) - 1].end
            rows.append(Trigger(sentence.index, sentence.part, entry.category, entry.term,
                                article.text[start:end], start, end))  # fmt: skip
    return rows


def sentence_frames(article: Article, frames: Lexicon | None = None) -> pd.DataFrame:
    """One row per sentence: a column per frame (words found), ``dominant_frame`` (most
    words; ties in lexicon order; None without any), ``triggers`` (``frame: words``), ``text``."""
    import pandas as pd

    frames = frames or load_frames()
    names = frames.categories
    counts: dict[int, Counter[str]] = {}
    words: dict[int, dict[str, list[str]]] = {}
    for trigger in _triggers(article, frames):
        counts.setdefault(trigger.sentence, Counter())[trigger.frame] += 1
        words.setdefault(trigger.sentence, {}).setdefault(trigger.frame, []).append(trigger.text)
    rows = []
    for sentence in article.sentences:
        found = counts.get(sentence.index, Counter())
        per_frame = [found[name] for name in names]
        dominant = None if not found else max(names, key=lambda name: found[name])
        listed = words.get(sentence.index, {})
        triggers = "; ".join(f"{frame}: {', '.join(texts)}" for frame, texts in listed.items())
        rows.append((sentence.index, sentence.part, *per_frame, dominant, triggers,
                     " ".join(sentence.text.split())))  # fmt: skip
    return pd.DataFrame(rows, columns=["sentence", "part", *names, "dominant_frame", "triggers",
                                       "text"])  # fmt: skip


def frame_totals(article: Article, frames: Lexicon | None = None) -> dict[str, int]:
    """Frame words in the body, per frame (every frame of the lexicon, zero included)."""
    frames = frames or load_frames()
    body = Counter(t.frame for t in _triggers(article, frames) if t.part == "body")
    return {name: body[name] for name in frames.categories}
