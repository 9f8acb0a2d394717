"""Strict JSON, written piece by piece.

:func:`iter_json` yields the text ``json.dumps(value, indent=2, ensure_ascii=False)``
would build, with two differences that make it fit for long articles and for any
JSON parser:

- NaN and infinite numbers are written as ``null`` (``NaN`` is not JSON, and
  JavaScript's ``JSON.parse`` rejects it); NumPy numbers and pandas' missing
  values are written as Python's;
- a :class:`Lazy` list or an iterator (a generator) is written as an array, one
  item at a time, so the per-sentence entries of a 2 MB text never exist all at
  once. Other values ``json.dumps`` refuses (a set, a DataFrame) raise ``TypeError``.
"""

from __future__ import annotations

import json
import math
import numbers
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

_STRING = json.encoder.encode_basestring  # type: ignore[attr-defined]
_INDENT = "  "

#: Characters gathered before a write (fewer, larger writes; a bounded buffer).
CHUNK_CHARS = 1 << 16


class Lazy(Iterable[Any]):
    """Items made when they are read: ``Lazy(make, items)`` is written as the list
    ``[make(item) for item in items]``, item by item, every time it is iterated (it has no
    length and no indexing)."""

    def __init__(self, make: Callable[[Any], Any], items: Iterable[Any]) -> None:
        self._make = make
        self._items = items

    def __iter__(self) -> Iterator[Any]:
        return map(self._make, self._items)


def scalar(value: Any) -> str:
    """One JSON scalar: null for None, NaN, infinities and pandas' NA; numbers as Python
    writes them; strings escaped as ``json.dumps(..., ensure_ascii=False)`` does."""
    if isinstance(value, str):
        return _STRING(value)
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, numbers.Integral):
        return int.__repr__(int(value))
    if isinstance(value, numbers.Real):
        number = float(value)
        return float.__repr__(number) if math.isfinite(number) else "null"
    pandas = sys.modules.get("pandas")  # only a table's value can be pandas' NA (and then
    if pandas is not None and (value is pandas.NA or value is pandas.NaT):  # pandas is loaded)
        return "null"
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _key(key: Any) -> str:
    """A member name: JSON's names are strings (``json.dumps`` turns 3 into ``"3"``)."""
    if isinstance(key, str):
        return _STRING(key)
    if key is None or isinstance(key, bool | numbers.Real):
        return f'"{scalar(key)}"'
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def iter_json(value: Any, level: int = 0) -> Iterator[str]:
    """The pieces of ``value`` as strict JSON indented by two spaces (see the module)."""
    if isinstance(value, dict):
        if not value:
            yield "{}"
            return
        inner = "\n" + _INDENT * (level + 1)
        opening = "{" + inner
        for key, item in value.items():
            yield opening + _key(key) + ": "
            yield from iter_json(item, level + 1)
            opening = "," + inner
        yield "\n" + _INDENT * level + "}"
    elif isinstance(value, list | tuple | Lazy | Iterator):
        inner = "\n" + _INDENT * (level + 1)
        empty = True
        for item in value:
            yield ("[" if empty else ",") + inner
            yield from iter_json(item, level + 1)
            empty = False
        yield "[]" if empty else "\n" + _INDENT * level + "]"
    else:
        yield scalar(value)


def json_text(value: Any) -> str:
    """``value`` as one string of strict, indented JSON."""
    return "".join(iter_json(value))


def write_json(value: Any, stream: TextIO, end: str = "") -> None:
    """Write ``value`` as strict, indented JSON to ``stream``, then ``end``, in chunks of
    about :data:`CHUNK_CHARS` characters."""
    pending: list[str] = []
    size = 0
    for piece in iter_json(value):
        pending.append(piece)
        size += len(piece)
        if size >= CHUNK_CHARS:
            stream.write("".join(pending))
            pending, size = [], 0
    pending.append(end)
    stream.write("".join(pending))
