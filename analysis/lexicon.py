"""Word lists matched against an article: tone lexicons and frame lexicons.

A lexicon file has one entry per line, ``term<TAB>weight<TAB>category<TAB>rationale``
(tone) or ``term<TAB>category<TAB>rationale`` (frames: every weight is 1). Terms
are lower case; a trailing ``*`` matches any ending (``threat*``: threat,
threats, threatening), and a term of several words matches them in sequence
(``status quo``). Matching is on normalised words (:func:`match_word`), longest
entry first, without overlaps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from pathlib import Path

from analysis.article import Article, Token
from analysis.datafiles import parse_entries, read_data_file
from analysis.errors import LexiconError
from analysis.memo import WORD_CACHE_SIZE, fingerprint, per_article
from analysis.terms import normalise_term

#: VADER's scale, which tone lexicons share.
WEIGHT_RANGE = (-4.0, 4.0)


@dataclass(frozen=True)
class LexiconEntry:
    """One term of a lexicon. A trailing ``*`` matches any ending (``threat*``)."""

    term: str
    weight: float
    category: str
    rationale: str
    words: tuple[str, ...] = field(init=False, repr=False, compare=False)  # the term's words

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", tuple(self.term.split()))


@dataclass(frozen=True)
class Lexicon:
    """A lexicon: its entries and the name of the file they came from."""

    name: str
    entries: tuple[LexiconEntry, ...]
    _exact: dict[str, tuple[LexiconEntry, ...]] = field(init=False, repr=False, compare=False)
    _prefixes: dict[str, tuple[LexiconEntry, ...]] = field(init=False, repr=False, compare=False)
    _prefix_lengths: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _candidates: Callable[[str], tuple[LexiconEntry, ...]] = field(
        init=False, repr=False, compare=False
    )
    #: A digest of the entries: results computed with this lexicon are kept under it.
    fingerprint: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fingerprint", fingerprint(self.entries))
        # Entries indexed by their first word: exact words, and wildcard prefixes ("threat*").
        exact: dict[str, list[LexiconEntry]] = {}
        prefixes: dict[str, list[LexiconEntry]] = {}
        for entry in self.entries:
            first = entry.words[0]
            if first.endswith("*"):
                prefixes.setdefault(first[:-1], []).append(entry)
            else:
                exact.setdefault(first, []).append(entry)
        object.__setattr__(self, "_exact", {k: tuple(v) for k, v in exact.items()})
        object.__setattr__(self, "_prefixes", {k: tuple(v) for k, v in prefixes.items()})
        object.__setattr__(self, "_prefix_lengths", tuple(sorted({len(k) for k in prefixes})))
        # Words repeat across articles: the entries a word can open are looked up once
        # per word (bounded, so that memory stays flat over any number of articles).
        object.__setattr__(self, "_candidates", lru_cache(WORD_CACHE_SIZE)(self._find_candidates))

    def __reduce__(self) -> tuple[type[Lexicon], tuple[str, tuple[LexiconEntry, ...]]]:
        # Rebuilt from its entries (the indexes and the per-word cache are not pickled),
        # so that a lexicon of your own can go to pool workers.
        return (Lexicon, (self.name, self.entries))

    @property
    def categories(self) -> list[str]:
        """Categories in the order they first appear in the file."""
        return list(dict.fromkeys(entry.category for entry in self.entries))

    def _find_candidates(self, word: str) -> tuple[LexiconEntry, ...]:
        """The entries whose first word matches ``word`` (exactly or by prefix)."""
        candidates = list(self._exact.get(word, ()))
        for length in self._prefix_lengths:
            if length > len(word):
                break
            candidates.extend(self._prefixes.get(word[:length], ()))
        return tuple(candidates)

    def match(self, words: list[str], start: int) -> LexiconEntry | None:
        """The longest entry matching ``words`` from position ``start``, or None."""
        best = None
        for entry in self._candidates(words[start]):
            parts = entry.words
            if len(parts) > 1 and (
                start + len(parts) > len(words)
                or not all(_term_matches(parts[k], words[start + k]) for k in range(1, len(parts)))
            ):
                continue
            if best is None or len(parts) > len(best.words):
                best = entry
        return best


def _term_matches(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


@lru_cache(WORD_CACHE_SIZE)
def match_word(token: str) -> str:
    """A token as lexicons see it: the term (``China’s`` -> ``china``), in lower case."""
    return normalise_term(token).lower()


@per_article
def matchable_words(article: Article) -> dict[int, tuple[list[Token], list[str]]]:
    """Per sentence index: its word tokens and their matchable words, computed once per
    article and shared by every lexicon (tone and frames read the same words)."""
    per_sentence: dict[int, tuple[list[Token], list[str]]] = {}
    for token in article.tokens:
        if token.kind == "word":
            tokens, words = per_sentence.setdefault(token.sentence, ([], []))
            tokens.append(token)
            words.append(match_word(token.text))
    return per_sentence


def lexicon_matches(words: list[str], lexicon: Lexicon) -> list[tuple[int, LexiconEntry]]:
    """``(position, entry)`` for each match in ``words``, longest first, without overlap."""
    matches = []
    free = 0  # the first position no match covers
    # Most words open no entry: the positions of those that do are found in one pass
    # over the (cached) candidates, and only they are tried.
    opening = compress(range(len(words)), map(lexicon._candidates, words))
    for position in opening:
        if position < free:
            continue
        entry = lexicon.match(words, position)
        if entry:
            matches.append((position, entry))
            free = position + len(entry.words)
    return matches


def parse_lexicon(text: str, *, name: str, weighted: bool = True) -> Lexicon:
    """Parse a lexicon file (see the module docstring).

    Raises :class:`LexiconError` naming the entry for a malformed line, a weight
    outside -4..4 or zero, a term not in lower case, a word that is only ``*``,
    an empty category or rationale, a duplicate term, or a file without entries.
    """
    entries = []
    seen: dict[str, int] = {}
    n_fields = 4 if weighted else 3
    for number, fields in enumerate(parse_entries(text, n_fields, source=name), start=1):
        term, weight, category, rationale = fields if weighted else (fields[0], "1", *fields[1:])
        where = f"{name}, entry {number} ({term!r})"
        try:
            value = float(weight)
        except ValueError:
            raise LexiconError(f"{where}: weight {weight!r} is not a number") from None
        if not WEIGHT_RANGE[0] <= value <= WEIGHT_RANGE[1] or value == 0:
            raise LexiconError(f"{where}: weight {value} is outside -4..4 or zero")
        if not term or term != term.lower():
            raise LexiconError(f"{where}: terms are written in lower case")
        if "*" in term.split():
            raise LexiconError(f"{where}: a lone '*' would match every word; write a prefix "
                               "before it (threat*)")  # fmt: skip
        if not category or not rationale:
            raise LexiconError(f"{where}: category and rationale are required")
        if term in seen:
            raise LexiconError(f"{where}: duplicate of entry {seen[term]}")
        seen[term] = number
        entries.append(LexiconEntry(term, value, category, rationale))
    if not entries:
        raise LexiconError(f"{name}: the lexicon has no entries")
    return Lexicon(name, tuple(entries))


def read_lexicon(path: str | Path, *, weighted: bool = True) -> Lexicon:
    """Read and parse a lexicon file; an unreadable or non-UTF-8 file raises
    :class:`LexiconError`."""
    path = Path(path)
    return parse_lexicon(read_data_file(path, "lexicon"), name=path.name, weighted=weighted)
