"""Reading the package's commented data files (``analysis/data/*.txt``).

Each line holds tab-separated fields followed by ``# why the entry is there``;
lines that start with ``#`` and blank lines are skipped. A byte-order mark at the
start of a file is not part of its first entry.
"""

from __future__ import annotations

import stat
from functools import cache
from importlib import resources
from pathlib import Path

from analysis.errors import LexiconError


@cache
def data_path(name: str) -> Path:
    """Path of a data file shipped in ``analysis/data`` (found once per name)."""
    return Path(str(resources.files("analysis").joinpath("data", name)))


@cache
def read_entries(name: str, n_fields: int) -> tuple[tuple[str, ...], ...]:
    """Fields of every entry in a shipped data file; the comment is dropped.

    These word lists shape parsing (abbreviations, stopwords, speech verbs) and are
    read once per process, like code: restart the kernel after editing one. The
    files meant to be edited or replaced (lexicons, frames, actor dictionaries)
    are re-read when they change (:class:`analysis.memo.FileMemo`).
    """
    return parse_entries(data_path(name).read_text(encoding="utf-8"), n_fields, source=name)


def read_data_file(path: str | Path, what: str = "data file") -> str:
    """The text of a data file a user passes (a lexicon, an actor dictionary).

    Raises :class:`LexiconError` naming the file when it is missing, not a regular file
    (a FIFO or a device would block or never end), unreadable, or not UTF-8.
    """
    path = Path(path)
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode) or not stat.S_ISREG(mode):
            kind = "a directory" if stat.S_ISDIR(mode) else "not a regular file"
            raise LexiconError(f"{path}: cannot read the {what}: it is {kind}")
        raw = path.read_bytes()
    except OSError as error:
        raise LexiconError(f"{path}: cannot read the {what} ({error.strerror or error})") from error
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise LexiconError(
            f"{path}: the {what} is not UTF-8 text (byte 0x{raw[error.start]:02x} at offset "
            f"{error.start}); save it as UTF-8"
        ) from error


def parse_entries(text: str, n_fields: int, *, source: str) -> tuple[tuple[str, ...], ...]:
    """Parse tab-separated, commented entries; raise LexiconError on a malformed line."""
    entries = []
    text = text.removeprefix("\ufeff")  # a byte-order mark is not part of the first entry
    for number, line in enumerate(text.splitlines(), start=1):
        body = line.split("#", 1)[0].rstrip() if not line.lstrip().startswith("#") else ""
        if not body.strip():
            continue
        fields = tuple(field.strip() for field in body.split("\t"))
        if len(fields) != n_fields:
            raise LexiconError(
                f"{source}, line {number}: expected {n_fields} tab-separated field(s), "
                f"found {len(fields)}: {line!r}"
            )
        entries.append(fields)
    return tuple(entries)
