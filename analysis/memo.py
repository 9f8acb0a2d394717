"""Caches that cannot go stale: per-article memos, and files re-read when they change.

Three kinds of cache, each with one rule:

- **Per article** (:func:`per_article`): a result is kept on the article it was
  computed from, keyed by the function and the *content* of the other
  arguments (:func:`content_key`): a lexicon or actor dictionary is keyed by a
  digest of its entries (its ``fingerprint``), never by ``id()``. An article
  never changes, so the memo lives and dies with it. :func:`kept_result` reads a
  kept result without computing it, for a lighter path that can use a richer one.
- **Per file** (:class:`FileMemo`): a loader that reads a file by path keeps the
  parsed result under the resolved path *and a digest of the bytes read*: an
  edited file is parsed again, an unchanged one is not. At most ``maxsize``
  files are kept (least recently used dropped first). A file whose status
  (size, inode, modification and change times) is the same as when it was read,
  and which had not changed for two seconds before that read, is not read again
  (as git trusts a file's status only when it is older than the index: a file
  edited twice within the clock's resolution is always read).
- **Per word** (:class:`WordCache`): pure functions of one word (term forms with
  their readability features, lemmas, VADER's words, folded names) keep at most
  :data:`WORD_CACHE_SIZE` words, so memory stays flat over any vocabulary.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections import OrderedDict
from collections.abc import Callable
from functools import update_wrapper, wraps
from pathlib import Path
from typing import Any, Concatenate, Generic, NamedTuple, ParamSpec, Protocol, TypeVar

T = TypeVar("T")
P = ParamSpec("P")
K = TypeVar("K")
V = TypeVar("V")

#: The most distinct words a per-word cache keeps: two generations of 49,152, so that at least
#: the 49,152 most recently used stay (a newsroom's working vocabulary; rarer words are
#: computed again when they come back).
WORD_CACHE_SIZE = 3 << 15  # 98,304


class WordCacheInfo(NamedTuple):
    """What :meth:`WordCache.cache_info` reports: ``functools``' names, but no ``hits``
    (counting them would cost every hit) and in this order."""

    misses: int  # words computed
    maxsize: int
    currsize: int  # words kept, in both generations


_MISSING = object()


class _Generations(dict[K, V]):
    """A :class:`WordCache`'s young generation: a dict whose missing words are computed (or
    brought back from the old generation), so that a word seen before is one look-up in C."""

    def __init__(self, function: Callable[[K], V], size: int) -> None:
        super().__init__()
        self.function = function
        self.size = size  # words per generation
        self.old: dict[K, V] = {}
        self.misses = 0

    def __missing__(self, word: K) -> V:
        value = self.old.pop(word, _MISSING)
        if value is _MISSING:
            value = self.function(word)
            self.misses += 1
        if len(self) >= self.size:
            self.old = dict(self)
            self.clear()
        self[word] = value
        return value  # type: ignore[return-value]


class WordCache(Generic[K, V]):
    """A pure function of one word, kept for at most ``maxsize`` words.

    Call it like the function (``cache(word)``); hot loops read :attr:`lookup`
    (``map(cache.lookup, words)``), the bound ``__getitem__`` of a dict whose missing words
    are computed, so that a word seen before costs one dictionary look-up in C.
    ``functools.lru_cache`` keeps a linked list beside its dictionary and moves an entry on
    every hit: with tens of thousands of words that is two or three more reads of memory
    far apart, and per-word caches are asked about every token.

    Bounded in two generations of ``maxsize // 2`` words: words are added to the young one;
    when it is full it becomes the old one and the old one is dropped. A word found in the
    old generation moves back to the young one, so words in use stay and words unused for a
    generation go: at most ``maxsize`` words are kept, and at least the ``maxsize // 2``
    most recently used. For functions, not methods (it does not bind to an instance);
    positional calls only; one process at a time (threads may compute a word twice, never a
    wrong one).
    """

    def __init__(self, function: Callable[[K], V], maxsize: int = WORD_CACHE_SIZE) -> None:
        if maxsize < 2:
            raise ValueError(f"a WordCache keeps two generations: maxsize >= 2, not {maxsize}")
        update_wrapper(self, function)
        self.maxsize = maxsize
        self._words: _Generations[K, V] = _Generations(function, maxsize // 2)
        #: ``lookup(word)``: the cached value, computed on first use (the fast way in).
        self.lookup: Callable[[K], V] = self._words.__getitem__

    def __call__(self, word: K) -> V:
        return self._words[word]

    def cache_info(self) -> WordCacheInfo:
        words = self._words
        return WordCacheInfo(words.misses, self.maxsize, len(words) + len(words.old))

    def cache_clear(self) -> None:
        """Forget every word (both generations)."""
        self._words.clear()
        self._words.old = {}
        self._words.misses = 0

    def __repr__(self) -> str:
        name = getattr(self, "__qualname__", repr(self._words.function))
        return f"<WordCache {name} of {self.maxsize:,} words>"

    def __reduce__(self) -> str | tuple[type[WordCache[K, V]], tuple[Callable[[K], V], int]]:
        # A module-level cache pickles by name, as a function does (so it is the same cache
        # when unpickled); another one as its function and bound, without its words.
        module = sys.modules.get(getattr(self, "__module__", ""))
        name = getattr(self, "__qualname__", "")
        if module is not None and getattr(module, name, None) is self:
            return name
        return (WordCache, (self._words.function, self.maxsize))


def lower_shared(text: str) -> str:
    """``text.lower()``, but ``text`` itself (not an equal copy) when it is lower case
    already: a record kept by a per-word cache then holds one string where it held two."""
    lower = text.lower()
    return text if lower == text else lower


def word_cache(
    maxsize: int = WORD_CACHE_SIZE,
) -> Callable[[Callable[[K], V]], WordCache[K, V]]:
    """Decorate a pure function of one word as a :class:`WordCache` of ``maxsize`` words:
    ``@word_cache()``."""

    def decorate(function: Callable[[K], V]) -> WordCache[K, V]:
        return WordCache(function, maxsize)

    return decorate


class Fingerprinted(Protocol):
    """An argument whose content is summed up by a digest (lexicons, dictionaries)."""

    @property
    def fingerprint(self) -> str: ...


def fingerprint(*parts: object) -> str:
    """A digest of ``repr(parts)``: equal content gives equal fingerprints on every run."""
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()


def content_key(value: object) -> object:
    """The key an argument is memoised under: its ``fingerprint`` when it has one, else
    the value itself (``None``, strings, numbers, tuples and frozensets of them)."""
    digest = getattr(value, "fingerprint", None)
    return value if digest is None else ("fingerprint", digest)


#: How long before a read a file must have stopped changing for its status to be trusted.
_SETTLED_NS = 2_000_000_000


def _status(path: str | Path) -> tuple[int, ...] | None:
    """``(size, modified, changed, inode, device)`` of ``path`` (ns), or None if unreadable."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


class _HasMemo(Protocol):
    @property
    def memo(self) -> dict[Any, Any]: ...


A = TypeVar("A", bound=_HasMemo)


def per_article(function: Callable[Concatenate[A, P], T]) -> Callable[Concatenate[A, P], T]:
    """Compute ``function(article, *args)`` once per article and argument content.

    Positional arguments only (they make the key). The result is shared by every
    caller: functions that hand out a table return a ``copy(deep=False)`` of it
    (pandas' copy-on-write keeps the kept table unchanged).
    """

    @wraps(function)
    def memoised(article: A, *args: P.args, **kwargs: P.kwargs) -> T:
        if kwargs:
            raise TypeError(f"{function.__name__} is memoised: pass its arguments by position")
        key = _memo_key(memoised, args)
        memo = article.memo
        try:
            return memo[key]
        except KeyError:
            value = memo[key] = function(article, *args)
            return value

    return memoised


def _memo_key(function: Callable[..., Any], args: tuple[object, ...]) -> tuple[object, ...]:
    """The key a :func:`per_article` function keeps its result under in ``article.memo``."""
    return (function, *map(content_key, args))


def kept_result(article: _HasMemo, function: Callable[..., T], *args: object) -> T | None:
    """What the :func:`per_article` ``function`` keeps for ``article`` and ``args``, or None
    when it has not been computed: a cheaper path may read a richer result already paid
    for (the two must agree, and are tested to)."""
    return article.memo.get(_memo_key(function, args))


class FileMemo(Generic[T]):
    """``load(path)``: parse a UTF-8 file, again only when its bytes change.

    ``parse(text, name)`` builds the value (``name`` is the file name, for error
    messages). The file is read by :func:`analysis.datafiles.read_data_file`: a missing,
    unreadable, non-regular or non-UTF-8 file raises :class:`LexiconError`.
    """

    def __init__(self, parse: Callable[[str, str], T], *, what: str, maxsize: int = 16) -> None:
        self._parse = parse
        self._what = what
        self._maxsize = maxsize
        self._kept: OrderedDict[tuple[Path, bytes], T] = OrderedDict()
        # path as given -> (the status of the file it named when read, the key of what was
        # read): lets a file that has not changed since be answered without reading it again
        # (see ``_status``). The status holds the file's inode and device, so a relative path
        # from another folder, or a link pointed elsewhere, names another file and is read.
        self._read: dict[str, tuple[tuple[int, ...], tuple[Path, bytes]]] = {}

    def __call__(self, path: str | Path) -> T:
        from analysis.datafiles import read_data_file

        given = os.path.expanduser(os.fspath(path))
        status = _status(given)
        seen = self._read.get(given)
        if status is not None and seen is not None and seen[0] == status and seen[1] in self._kept:
            self._kept.move_to_end(seen[1])
            return self._kept[seen[1]]
        resolved = Path(given).resolve()
        read_at = time.time_ns()
        text = read_data_file(resolved, self._what).removeprefix("\ufeff")
        key = (resolved, hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest())
        # A file changed within the clock's resolution of the read could change again
        # without its status moving: only a file settled before the read is trusted.
        if status is not None and read_at - max(status[1], status[2]) > _SETTLED_NS:
            self._read[given] = (status, key)
            if len(self._read) > 4 * self._maxsize:
                self._read.pop(next(iter(self._read)))
        if key in self._kept:
            self._kept.move_to_end(key)
            return self._kept[key]
        value = self._parse(text, resolved.name)
        self._kept[key] = value
        while len(self._kept) > self._maxsize:
            self._kept.popitem(last=False)
        return value

    def cache_clear(self) -> None:
        """Forget every parsed file."""
        self._kept.clear()
        self._read.clear()

    def __len__(self) -> int:
        return len(self._kept)
