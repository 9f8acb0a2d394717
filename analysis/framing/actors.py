"""Actors: who is in the story.

Mentions of the actors of a dictionary (``analysis/data/actors.tsv``, or your
own), matched on whole words, longest pattern first, so that "South China Sea"
is not China; their salience; and capitalised phrases the dictionary does not
cover (:func:`suggest_actors`).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from analysis.article import Article
from analysis.datafiles import data_path, parse_entries
from analysis.errors import LexiconError
from analysis.memo import FileMemo, fingerprint, per_article
from analysis.quotes import article_quote_spans
from analysis.terms import is_stopword

if TYPE_CHECKING:
    import pandas as pd

ACTOR_KINDS = ("alias", "person", "exclude")


# ---------------------------------------------------------------------------
# The actor dictionary


@dataclass(frozen=True)
class ActorEntry:
    """One pattern of the actor dictionary; ``person`` is the full name for people."""

    pattern: str
    actor: str
    kind: str
    why: str
    person: str = ""


@dataclass(frozen=True)
class ActorDictionary:
    """Patterns naming actors, with a regular expression matching all of them."""

    name: str
    entries: tuple[ActorEntry, ...]
    _by_pattern: dict[str, ActorEntry] = field(init=False, repr=False, compare=False)
    _regex: re.Pattern[str] = field(init=False, repr=False, compare=False)
    #: A digest of the entries: results computed with this dictionary are kept under it.
    fingerprint: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        patterns = sorted((e.pattern for e in self.entries), key=len, reverse=True)
        alternation = "|".join(re.escape(p) for p in patterns)
        object.__setattr__(self, "_by_pattern", {e.pattern: e for e in self.entries})
        # Whole words only, longest pattern first: "South China Sea" before "China". The
        # lookahead for a pattern's first character changes no match: it lets most positions
        # of a text fail at once, before the alternatives are tried one by one.
        first = "".join(sorted({re.escape(p[0]) for p in patterns if p}))
        lookahead = f"(?=[{first}])" if first and all(patterns) else ""
        object.__setattr__(self, "_regex",
                           re.compile(rf"{lookahead}(?<!\w)(?:{alternation})(?!\w)"))  # fmt: skip
        object.__setattr__(self, "fingerprint", fingerprint(self.entries))

    @property
    def actors(self) -> list[str]:
        """Actors in the order the file lists them (excluded-only names left out)."""
        return list(dict.fromkeys(e.actor for e in self.entries if e.kind != "exclude"))

    def lookup(self, matched: str) -> ActorEntry:
        return self._by_pattern[matched]

    def regex(self) -> re.Pattern[str]:
        return self._regex


def parse_actor_dictionary(text: str, *, name: str) -> ActorDictionary:
    """Parse ``pattern<TAB>actor<TAB>kind<TAB>why`` lines (see ``actors.tsv``).

    A person's surname is added as a pattern of its own unless the file already
    uses it. Raises :class:`LexiconError` on an unknown kind, an empty field or
    a duplicate pattern.
    """
    entries: dict[str, ActorEntry] = {}
    for number, (pattern, actor, kind, why) in enumerate(
        parse_entries(text, 4, source=name), start=1
    ):
        where = f"{name}, entry {number} ({pattern!r})"
        if kind not in ACTOR_KINDS:
            raise LexiconError(f"{where}: kind must be one of {', '.join(ACTOR_KINDS)}")
        if not (pattern and actor and why):
            raise LexiconError(f"{where}: pattern, actor and why are required")
        if pattern in entries:
            raise LexiconError(f"{where}: duplicate pattern")
        entries[pattern] = ActorEntry(
            pattern, actor, kind, why, pattern if kind == "person" else ""
        )
    for entry in list(entries.values()):
        surname = entry.pattern.split()[-1]
        if entry.kind == "person" and surname not in entries:
            entries[surname] = ActorEntry(surname, entry.actor, "person",
                                          f"surname of {entry.pattern}", entry.pattern)  # fmt: skip
    if not entries:
        raise LexiconError(f"{name}: the actor dictionary has no entries")
    return ActorDictionary(name, tuple(entries.values()))


_read_actor_dictionary = FileMemo(
    lambda text, name: parse_actor_dictionary(text, name=name), what="actor dictionary"
)


def load_actor_dictionary(path: str | Path | None = None) -> ActorDictionary:
    """The shipped actor dictionary, or a file of your own in the same format. The file
    is parsed again whenever its content changes."""
    return _read_actor_dictionary(path or data_path("actors.tsv"))


# ---------------------------------------------------------------------------
# Character spans


class Spans:
    """Character spans, asked whether any of them overlaps or holds an offset (by
    bisection: O(log n) a question)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self._starts = [start for start, _ in spans]
        self._max_ends = list(accumulate((end for _, end in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span starts before ``end`` and ends after ``start``."""
        before = bisect_left(self._starts, end)  # spans starting before ``end``
        return before > 0 and self._max_ends[before - 1] > start

    def holds(self, offset: int) -> bool:
        """Whether a span holds ``offset`` (start <= offset < end): ``overlaps(offset,
        offset + 1)``, written out (it is asked for every mention)."""
        before = bisect_right(self._starts, offset)  # spans starting at ``offset`` or before
        return before > 0 and self._max_ends[before - 1] > offset


# ---------------------------------------------------------------------------
# Mentions


class Mention(NamedTuple):
    """One actor mention (a row of :func:`unnest_actor_mentions`)."""

    article_id: str
    actor: str
    kind: str
    person: str
    text: str
    sentence: int
    paragraph: int
    part: str
    in_quote: bool
    start: int
    end: int


MENTION_COLUMNS = list(Mention._fields)


def unnest_actor_mentions(article: Article, dictionary: ActorDictionary | None = None
                          ) -> pd.DataFrame:  # fmt: skip
    """One row per actor mention in the headline and body.

    Columns: ``article_id``, ``actor``, ``kind`` (alias/person), ``person``
    (full name, for people), ``text`` (as written), ``sentence``, ``paragraph``,
    ``part``, ``in_quote`` (inside quotation marks), ``start``, ``end``.
    Names listed as ``exclude`` (South China Sea) are never mentions.
    """
    return mention_table(article, dictionary).copy(deep=False)


def mention_table(article: Article, dictionary: ActorDictionary | None = None) -> pd.DataFrame:
    """:func:`unnest_actor_mentions`, computed once per article (internal: no copy)."""
    return _mention_table(article, dictionary or load_actor_dictionary())


@per_article
def _mention_table(article: Article, dictionary: ActorDictionary) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(_mentions(article, dictionary), columns=MENTION_COLUMNS)


def mention_records(article: Article, dictionary: ActorDictionary | None = None
                    ) -> list[Mention]:  # fmt: skip
    """The actor mentions of the headline and body in text order, computed once per article."""
    return _mentions(article, dictionary or load_actor_dictionary())


@per_article
def _mentions(article: Article, dictionary: ActorDictionary) -> list[Mention]:
    quoted = Spans([(s.start, s.end) for s in article_quote_spans(article) if s.level == 1])
    regex, lookup = dictionary.regex(), dictionary.lookup
    rows = []
    for sentence in article.sentences:
        for match in regex.finditer(sentence.text):
            text = match.group()
            entry = lookup(text)
            if entry.kind == "exclude":
                continue
            start = sentence.start + match.start()
            rows.append(Mention(article.article_id, entry.actor, entry.kind, entry.person,
                                text, sentence.index, sentence.paragraph, sentence.part,
                                quoted.holds(start), start, start + len(text)))  # fmt: skip
    return rows


# ---------------------------------------------------------------------------
# Salience


class Salience(NamedTuple):
    """How prominent one actor is (a row of :func:`actor_salience`)."""

    actor: str
    mentions: int
    mentions_headline: int
    mentions_body: int
    first_sentence: int
    first_offset: int
    n_sentences: int
    sentence_share: float
    sentences: list[int]


SALIENCE_COLUMNS = list(Salience._fields)


def actor_salience(article: Article, dictionary: ActorDictionary | None = None) -> pd.DataFrame:
    """One row per actor mentioned, most mentioned first.

    Columns: ``actor``, ``mentions``, ``mentions_headline``, ``mentions_body``,
    ``first_sentence`` (0 = headline), ``first_offset`` (character offset of the
    first mention), ``n_sentences`` (body sentences that mention it),
    ``sentence_share`` (of all body sentences), ``sentences`` (their indices).
    """
    return salience_table(article, dictionary).copy(deep=False)


def salience_table(article: Article, dictionary: ActorDictionary | None = None) -> pd.DataFrame:
    """:func:`actor_salience`, computed once per article (internal: no copy)."""
    return _salience_table(article, dictionary or load_actor_dictionary())


@per_article
def _salience_table(article: Article, dictionary: ActorDictionary) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(_salience(article, dictionary), columns=SALIENCE_COLUMNS)


def salience_records(article: Article, dictionary: ActorDictionary | None = None
                     ) -> list[Salience]:  # fmt: skip
    """The rows of :func:`actor_salience`, computed once per article."""
    return _salience(article, dictionary or load_actor_dictionary())


def actors_by_salience(article: Article, dictionary: ActorDictionary | None = None
                       ) -> list[str]:  # fmt: skip
    """The actors mentioned, most mentioned first (the ``actor`` column of
    :func:`actor_salience`)."""
    return [row.actor for row in salience_records(article, dictionary)]


@per_article
def _salience(article: Article, dictionary: ActorDictionary) -> list[Salience]:
    n_body = max(len(article.body_sentences), 1)
    mentions: dict[str, list[Mention]] = {}
    for m in _mentions(article, dictionary):
        mentions.setdefault(m.actor, []).append(m)
    rows = []
    for actor, found in mentions.items():
        in_headline = sum(m.part == "headline" for m in found)
        sentences = sorted({m.sentence for m in found if m.part != "headline"})
        rows.append(Salience(
            actor, len(found), in_headline, len(found) - in_headline,
            min(m.sentence for m in found), min(m.start for m in found), len(sentences),
            len(sentences) / n_body, sentences,
        ))  # fmt: skip
    return sorted(rows, key=lambda row: (-row.mentions, row.first_offset))


# ---------------------------------------------------------------------------
# Names the dictionary does not cover

_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*")
CALENDAR_WORDS = frozenset(calendar.month_name[1:]) | frozenset(calendar.day_name)


def suggest_actors(article: Article, dictionary: ActorDictionary | None = None) -> pd.DataFrame:
    """Capitalised phrases of the body that the actor dictionary does not cover.

    A single capitalised word that opens a sentence is skipped unless it also
    appears capitalised inside a sentence; month and day names are skipped.
    Columns: ``phrase``, ``count``, ``sentences``. Candidates, not verdicts.
    """
    import pandas as pd

    dictionary = dictionary or load_actor_dictionary()
    covered = Spans([  # every dictionary name, the excluded ones (South China Sea) included
        (sentence.start + m.start(), sentence.start + m.end())
        for sentence in article.body_sentences
        for m in dictionary.regex().finditer(sentence.text)
    ])  # fmt: skip
    found: dict[str, list[int]] = {}
    inner: set[str] = set()
    for sentence in article.body_sentences:
        for match in _CAPITALISED.finditer(sentence.text):
            phrase = re.sub(r"['’]s$", "", match.group().rstrip(".,"))
            start = sentence.start + match.start()
            end = start + len(phrase)
            if (covered.overlaps(start, end) or phrase in CALENDAR_WORDS
                    or is_stopword(phrase.lower())):  # fmt: skip
                continue
            if match.start() > 0:
                inner.add(phrase)
            found.setdefault(phrase, []).append(sentence.index)
    rows = [(phrase, len(where), sorted(set(where))) for phrase, where in found.items()
            if " " in phrase or phrase in inner]  # fmt: skip
    table = pd.DataFrame(rows, columns=["phrase", "count", "sentences"])
    return table.sort_values(["count", "phrase"], ascending=[False, True], ignore_index=True)
