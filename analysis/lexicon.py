"""Word lists matched against an article: tone lexicons and frame lexicons.

A lexicon file has one entry per line, ``term<TAB>weight<TAB>category<TAB>rationale``
(tone) or ``term<TAB>category<TAB>rationale`` (frames: every weight is 1). Terms
are lower case; a trailing ``*`` matches any ending (``threat*``: threat,
threats, threatening), and a term of several words matches them in sequence
(``status quo``). Matching is on normalised words (:func:`match_word`), longest
entry first, without overlaps.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress, groupby, repeat
from operator import attrgetter, eq, gt
from pathlib import Path
from typing import NamedTuple

from analysis.article import Article, Token
from analysis.datafiles import parse_entries, read_data_file
from analysis.errors import LexiconError
from analysis.memo import WordCache, fingerprint, per_article
from analysis.terms import normalise_term, word_forms

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
    _categories: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _candidates: WordCache[str, tuple[LexiconEntry, ...]] = field(
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
        categories = dict.fromkeys(entry.category for entry in self.entries)
        object.__setattr__(self, "_categories", tuple(categories))
        # Words repeat across articles: the entries a word can open are looked up once
        # per word (bounded, so that memory stays flat over any number of articles).
        object.__setattr__(self, "_candidates", WordCache(self._find_candidates))

    def __reduce__(self) -> tuple[type[Lexicon], tuple[str, tuple[LexiconEntry, ...]]]:
        # Rebuilt from its entries (the indexes and the per-word cache are not pickled),
        # so that a lexicon of your own can go to pool workers.
        return (Lexicon, (self.name, self.entries))

    @property
    def categories(self) -> list[str]:
        """Categories in the order they first appear in the file."""
        return list(self._categories)  # a new list: the caller may change it

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
        for entry in self._candidates.lookup(words[start]):
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


def match_word(token: str) -> str:
    """A token as lexicons see it: the term (``China’s`` -> ``china``), in lower case."""
    return normalise_term(token).lower()


_KIND, _SENTENCE = attrgetter("kind"), attrgetter("sentence")
_MATCHABLE = attrgetter("matchable")


class MatchableWords(NamedTuple):
    """An article's word tokens and their matchable words (:func:`match_word`), in text
    order, and where each sentence's run of them begins: sentence ``i`` has
    ``words[bounds[i] : bounds[i + 1]]``. One flat list for the article rather than two
    per sentence, so that an article of 300,000 sentences stays small."""

    tokens: list[Token]
    words: list[str]
    bounds: array[int]

    def sentence(self, index: int) -> tuple[list[Token], list[str]]:
        """The word tokens of sentence ``index`` and their matchable words."""
        if not 0 <= index < len(self.bounds) - 1:
            return [], []
        start, end = self.bounds[index], self.bounds[index + 1]
        return self.tokens[start:end], self.words[start:end]


@per_article
def matchable_words(article: Article) -> MatchableWords:
    """The article's word tokens and matchable words, computed once per article and
    shared by every lexicon (tone and frames read the same words)."""
    # Passes over every token written with map and compress: no Python step per token. The
    # words are the terms' (one record per distinct form, shared with the term counts).
    is_word = list(map(eq, map(_KIND, article.word_tokens), repeat("word")))
    tokens = list(compress(article.word_tokens, is_word))
    words = list(map(_MATCHABLE, compress(word_forms(article), is_word)))
    sentences = list(map(_SENTENCE, tokens))
    if any(map(gt, sentences, sentences[1:])):  # not in sentence order: made by hand
        tokens.sort(key=_SENTENCE)  # stable: text order within a sentence
        sentences = list(map(_SENTENCE, tokens))
        words = [match_word(token.text) for token in tokens]  # the forms' order no longer holds
    last = sentences[-1] if sentences else -1
    bounds = array("q", [bisect_left(sentences, index) for index in range(last + 2)])
    return MatchableWords(tokens, words, bounds)


def sentence_matches(
    article: Article, lexicon: Lexicon
) -> dict[int, list[tuple[int, LexiconEntry]]]:
    """Per sentence index, :func:`lexicon_matches` of the sentence's matchable words
    (positions within the sentence); sentences without a match are left out."""
    matchable = matchable_words(article)
    words, bounds = matchable.words, matchable.bounds
    found = {}
    # Most words open no entry: those that do are found in one pass over the article's
    # words, and only the sentences holding one are matched.
    opening = compress(range(len(words)), map(lexicon._candidates.lookup, words))
    for index, positions in groupby(opening, key=lambda p: bisect_right(bounds, p) - 1):
        start = bounds[index]
        sentence = words[start : bounds[index + 1]]
        matches = _matches_at(sentence, [p - start for p in positions], lexicon)
        if matches:
            found[index] = matches
    return found


def lexicon_matches(words: list[str], lexicon: Lexicon) -> list[tuple[int, LexiconEntry]]:
    """``(position, entry)`` for each match in ``words``, longest first, without overlap."""
    # Most words open no entry: only the positions of those that do are tried.
    opening = compress(range(len(words)), map(lexicon._candidates.lookup, words))
    return _matches_at(words, opening, lexicon)


def _matches_at(
    words: list[str], opening: Iterable[int], lexicon: Lexicon
) -> list[tuple[int, LexiconEntry]]:
    """:func:`lexicon_matches`, given the positions (in order) whose word opens an entry."""
    matches = []
    free = 0  # the first position no match covers
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
