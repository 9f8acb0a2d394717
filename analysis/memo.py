"""Caches that cannot go stale: per-article memos, and files re-read when they change.

Three kinds of cache, each with one rule:

- **Per article** (:func:`per_article`): a result is kept on the article it was
  computed from, keyed by the function and the *content* of the other
  arguments (:func:`content_key`): a lexicon or actor dictionary is keyed by a
  digest of its entries (its ``fingerprint``), never by ``id()``. An article
  never changes, so the memo lives and dies with it.
- **Per file** (:class:`FileMemo`): a loader that reads a file by path keeps the
  parsed result under the resolved path *and a digest of the bytes read*: an
  edited file is parsed again, an unchanged one is not. At most ``maxsize``
  files are kept (least recently used dropped first). A file whose status
  (size, inode, modification and change times) is the same as when it was read,
  and which had not changed for two seconds before that read, is not read again
  (as git trusts a file's status only when it is older than the index: a file
  edited twice within the clock's resolution is always read).
- **Per word** (:class:`WordCache`): pure functions of one word (syllables,
  lemmas, normalised terms) keep at most :data:`WORD_CACHE_SIZE` words, so
  memory stays flat over any vocabulary.
"""

from __future__ import annotations

import hashlib
import os
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

#: Distinct words kept at most by every per-word cache, in two generations of half as many
#: (about 65,000: a large newsroom's vocabulary).
WORD_CACHE_SIZE = 1 << 17


class WordCacheInfo(NamedTuple):
    """What :meth:`WordCache.cache_info` reports (the names ``functools`` uses)."""

    misses: int  # words computed (hits are not counted: counting would cost every hit)
    maxsize: int
    currsize: int


_MISSING = object()


class WordCache(dict[K, V]):
    """A pure function of one word, kept for at most ``maxsize`` words: ``cache[word]``.

    A dictionary whose missing keys are computed (``__missing__``), so that a word seen
    before costs one dictionary look-up in C, the cheapest Python has; calling it,
    ``cache(word)``, does the same. ``functools.lru_cache`` keeps a linked list beside its
    dictionary and moves an entry on every hit: with tens of thousands of words that is
    two or three more reads of memory far apart, and per-word caches are asked about every
    token (an article has several thousand such look-ups).

    Bounded in two generations of at most ``maxsize // 2`` words each: words are added
    to the young one; when it is full it becomes the old one and the old one is dropped.
    A word found in the old generation moves back to the young one, so words in use stay
    and words unused for a generation go: at most ``maxsize`` words are kept, and at
    least the ``maxsize // 2`` most recently used.
    """

    def __init__(self, function: Callable[[K], V], maxsize: int = WORD_CACHE_SIZE) -> None:
        super().__init__()
        update_wrapper(self, function)
        self._function = function
        self._old: dict[K, V] = {}
        self.maxsize = maxsize
        self.misses = 0

    def __missing__(self, word: K) -> V:
        value = self._old.pop(word, _MISSING)
        if value is _MISSING:
            value = self._function(word)
            self.misses += 1
        if len(self) >= self.maxsize // 2:
            self._old = dict(self)
            self.clear()
        self[word] = value
        return value  # type: ignore[return-value]

    __call__ = dict.__getitem__

    def cache_info(self) -> WordCacheInfo:
        return WordCacheInfo(self.misses, self.maxsize, len(self) + len(self._old))

    def cache_clear(self) -> None:
        """Forget every word (both generations)."""
        self.clear()
        self._old = {}
        self.misses = 0

    def __reduce__(self) -> tuple[type[WordCache[K, V]], tuple[Callable[[K], V], int]]:
        return (type(self), (self._function, self.maxsize))  # the words are not pickled

    __hash__ = object.__hash__  # one cache, one identity (a function, not a value)

    def __eq__(self, other: object) -> bool:
        return self is other


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
        key = (memoised, *map(content_key, args))
        memo = article.memo
        try:
            return memo[key]
        except KeyError:
            value = memo[key] = function(article, *args)
            return value

    return memoised


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
