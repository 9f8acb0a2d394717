"""The article model: headline, metadata, dateline, body, trailing sections, sentences, tokens.

``load_article`` reads a plain-text news article laid out in blank-line separated
blocks::

    Headline                       <- first block, one short line
    0                              <- bare metadata lines (numbers, bylines, dates)
    107
    TOKYO. First paragraph ...     <- dateline, then the body paragraphs
    ...
    Author profile                 <- a short heading opens a trailing section
    Profile text ...

All offsets (``start``, ``end``) are character offsets into ``Article.text``,
the input after two normalisations that keep everything else byte for byte:
a leading byte-order mark is dropped and CRLF / CR line ends become LF.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import compress, count, islice, repeat
from operator import add, attrgetter, eq, itemgetter, ne
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, NamedTuple

from analysis import language
from analysis.datafiles import read_entries
from analysis.errors import ArticleError

if TYPE_CHECKING:
    import pandas as pd

#: Articles larger than this are refused unless ``max_bytes`` says otherwise.
#: A long news feature is about 50 kB; 2 MB is a book, not an article.
DEFAULT_MAX_BYTES = 2_000_000

Part = Literal["headline", "body"]
TokenKind = Literal["word", "number", "punct"]


class Token(NamedTuple):
    """One token. ``kind`` is ``word`` (has a letter), ``number`` or ``punct``; ``start``
    and ``end`` are character offsets into the article's text.

    A record to read (a named tuple: an article makes hundreds of them, and tuples are
    built without a Python step each). ``end`` is derived, not stored: a 2 MB text has a
    million tokens.
    """

    index: int
    text: str
    kind: TokenKind
    start: int
    sentence: int
    paragraph: int
    part: Part

    @property
    def end(self) -> int:
        """The offset just after the last character (``start + len(text)``)."""
        return self.start + len(self.text)


@dataclass(slots=True)
class Sentence:
    """One sentence; sentence 0 is the headline, body sentences count from 1 (a record to
    read). ``start`` and ``end`` are character offsets into the article's text; ``end`` is
    derived from ``start`` and ``text``, like :attr:`Token.end`."""

    index: int
    text: str
    start: int
    paragraph: int
    part: Part

    @property
    def end(self) -> int:
        """The offset just after the last character (``start + len(text)``)."""
        return self.start + len(self.text)


@dataclass(frozen=True)
class Paragraph:
    """One body paragraph (numbered from 1; the dateline is not part of its text)."""

    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Section:
    """A block after a heading, kept apart from the body when ``included`` is False."""

    heading: str
    text: str
    start: int
    end: int
    included: bool

    @property
    def language(self) -> str:
        """ISO 639-1 code of the section's text (``und`` when too short to tell)."""
        return language.detect(self.text)


@dataclass(frozen=True)
class Dateline:
    """The place (and, on wire copy, date and agency) that opens the first paragraph."""

    text: str
    place: str
    start: int
    end: int


#: A token's or sentence's start offset: the key the article bisects on (no list of starts is
#: kept beside a million tokens).
_START, _KIND, _PART = attrgetter("start"), attrgetter("kind"), attrgetter("part")


@dataclass(frozen=True, eq=False)
class Article:
    """A news article as the library sees it. Build one with :func:`load_article`."""

    text: str
    headline: str
    metadata: tuple[str, ...]
    dateline: Dateline | None
    paragraphs: tuple[Paragraph, ...]
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    source: str | None = None
    article_id: str = "article"
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)
    """Results computed from this article (see :func:`analysis.memo.per_article`)."""

    @property
    def title(self) -> str:
        """The headline (alias used by the CLI's JSON)."""
        return self.headline

    @cached_property
    def language(self) -> str:
        """ISO 639-1 code of the body's language (py3langid), detected on first use."""
        return language.detect(self.body_text)

    @property
    def body_sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if s.part == "body")

    @property
    def body_tokens(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.part == "body")

    @property
    def body_words(self) -> tuple[Token, ...]:
        """Body tokens that are words or numbers (what readability formulas count)."""
        words = self.word_tokens
        return tuple(compress(words, map(eq, map(_PART, words), repeat("body"))))

    @cached_property
    def word_tokens(self) -> tuple[Token, ...]:
        """Every token of the headline and body that is a word or a number, found once
        (readability and term counts keep their per-word values in lists aligned with it)."""
        return tuple(compress(self.tokens, map(ne, map(_KIND, self.tokens), repeat("punct"))))

    @property
    def body_text(self) -> str:
        """Body paragraphs joined by blank lines (the dateline left out)."""
        return "\n\n".join(p.text for p in self.paragraphs)

    def tokens_within(self, start: int, end: int) -> list[Token]:
        """The tokens lying wholly in ``text[start:end]``, found by bisection (tokens are in
        text order and do not overlap)."""
        first = bisect_left(self.tokens, start, key=_START)
        last = bisect_right(self.tokens, end, key=_START)  # tokens starting before ``end``
        while last > first and self.tokens[last - 1].end > end:
            last -= 1
        return list(self.tokens[first:last])

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding character ``offset`` (or the next one, for an offset between
        sentences; the last one past the end), found by bisection."""
        index = bisect_right(self.sentences, offset, key=_START) - 1
        if index < 0:
            return self.sentences[0]
        sentence = self.sentences[index]
        if offset >= sentence.end and index + 1 < len(self.sentences):
            return self.sentences[index + 1]
        return sentence



# ---------------------------------------------------------------------------
# Reading and decoding


@dataclass(frozen=True)
class InputHints:
    """What an input error tells the user to change: the API's keywords by default;
    the command line passes its flags."""

    max_bytes: str = "max_bytes= to load_article"
    encoding: str = "encoding="


API_HINTS = InputHints()

#: Byte-order marks that decide the encoding whatever ``encoding`` says (longest first:
#: the UTF-32 LE mark begins with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Control characters that never occur in a text article (tab, line ends and form feed do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_FILE_TYPES = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def load_article(
    source: str | Path | bytes,
    *,
    encoding: str = "utf-8",
    max_bytes: int = DEFAULT_MAX_BYTES,
    article_id: str | None = None,
) -> Article:
    """Read an article from a path, raw bytes, or the text itself.

    A ``str`` without a line break that names an existing file, or looks like a
    file name (``article.txt``), is read as a path; any other ``str`` is the
    article text. Raises :class:`ArticleError` for input that is not an article:
    missing path, directory or other non-regular file, binary or undecodable
    bytes, empty text, a language written without spaces between words, or more
    than ``max_bytes`` bytes.
    """
    if isinstance(source, Path) or (isinstance(source, str) and _looks_like_path(source)):
        name = str(source)
        raw = read_bytes(Path(source), max_bytes=max_bytes)
        return article_from_bytes(
            raw, encoding=encoding, name=name, source=name, article_id=article_id
        )
    if isinstance(source, bytes):
        _check_size(len(source), max_bytes, "input")
        return article_from_bytes(source, encoding=encoding, article_id=article_id)
    if isinstance(source, str):
        _check_size(len(source.encode("utf-8", "surrogatepass")), max_bytes, "input")
        return _article_from_text(normalise(source), "input", None, article_id)
    raise ArticleError(f"expected a path, bytes or text, got {type(source).__name__}")


def article_from_bytes(
    raw: bytes,
    *,
    encoding: str = "utf-8",
    name: str = "input",
    source: str | None = None,
    article_id: str | None = None,
    hints: InputHints = API_HINTS,
) -> Article:
    """Decode ``raw`` (see :func:`decode`) and build its :class:`Article`; ``name`` is what
    error messages call the input, ``source`` the path the article records."""
    text = normalise(decode(raw, encoding=encoding, name=name, hints=hints))
    return _article_from_text(text, name, source, article_id)


def _article_from_text(text: str, name: str, source: str | None, article_id: str | None) -> Article:
    if not text.strip():
        raise ArticleError(f"{name} is empty: there is no text to analyse")
    identifier = article_id or (Path(source).stem if source else "article")
    return parse_article(text, source=source, article_id=identifier)


def _looks_like_path(source: str) -> bool:
    """Whether a ``str`` names a file rather than holding the text, told apart without
    an error: text is seldom a valid file name, and a path never holds a line break."""
    if not source or "\n" in source or "\0" in source or len(source) > _PATH_MAX:
        return False
    try:
        os.lstat(source)  # lstat: a dangling symlink or a symlink loop is still a path
    except OSError:
        # Too long a name, a missing file, ...: a one-liner ending in a file extension
        # (or an absolute path of one line) is a path that cannot be read.
        return bool(_PATH_LIKE.fullmatch(source))
    except ValueError:
        return False
    return True


#: Longer strings are never paths (Linux's PATH_MAX).
_PATH_MAX = 4096
_PATH_LIKE = re.compile(r"[^\n]*\.(?:txt|md|text|html?)|/\S*")


def _check_size(
    n_bytes: int, max_bytes: int, name: str, hints: InputHints = API_HINTS, *, exact: bool = True
) -> None:
    if n_bytes > max_bytes:
        size = _bytes(n_bytes, ".1f") if exact else f"more than {_bytes(max_bytes, 'g')}"
        raise ArticleError(
            f"{name} is {size}; articles over {_bytes(max_bytes, 'g')} are refused "
            f"(pass {hints.max_bytes} to raise the limit)"
        )


def _bytes(n_bytes: int, digits: str) -> str:
    """A size for people: ``5.2 MB``, ``20 KB``, ``100 bytes``."""
    for unit, scale in (("MB", 1e6), ("KB", 1e3)):
        if n_bytes >= scale:
            return f"{n_bytes / scale:{digits}} {unit}"
    return f"{n_bytes} bytes"


def read_bytes(
    source: Path | BinaryIO, *, max_bytes: int = DEFAULT_MAX_BYTES, name: str | None = None,
    hints: InputHints = API_HINTS,
) -> bytes:  # fmt: skip
    """The bytes of a regular file, or of an open binary stream (standard input).

    Reads at most ``max_bytes + 1`` bytes, so that a stream without end (``/dev/zero``,
    ``yes |``) is refused once it passes the limit. A path must be a regular file:
    opening a FIFO or a device could wait for ever or never end.
    """
    if not isinstance(source, Path):
        name = name or "input"
        try:
            raw = source.read(max_bytes + 1)
        except OSError as error:
            if error.errno == errno.EBADF:
                raise ArticleError(f"{name} is closed: there is no article to read") from error
            raise ArticleError(f"{name} cannot be read ({error.strerror or error})") from error
        _check_size(len(raw), max_bytes, name, hints, exact=False)
        return raw
    name = name or str(source)
    try:
        # O_NONBLOCK: opening a FIFO without a writer returns at once (it is refused below).
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        descriptor = os.open(source, flags)
    except OSError as error:
        raise ArticleError(_open_error(source, name, error)) from error
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise ArticleError(f"{name} is a directory, not an article file")
        if not stat.S_ISREG(info.st_mode):
            kind = next((what for test, what in _FILE_TYPES if test(info.st_mode)), "special")
            raise ArticleError(
                f"{name} is {kind}, not a regular file; pass a file, or its content on "
                "standard input"
            )
        _check_size(info.st_size, max_bytes, name, hints)
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            raw = file.read(max_bytes + 1)  # the file may have grown since fstat
    except OSError as error:
        raise ArticleError(f"{name} cannot be read ({error.strerror or error})") from error
    finally:
        os.close(descriptor)
    _check_size(len(raw), max_bytes, name, hints, exact=False)
    return raw


def _open_error(path: Path, name: str, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return f"{name}: too many levels of symbolic links (a symlink loop)"
    if isinstance(error, FileNotFoundError):
        if path.is_symlink():
            return f"{name}: broken symbolic link (it points to {os.readlink(path)!r})"
        return f"{name}: no such file"
    if isinstance(error, IsADirectoryError):
        return f"{name} is a directory, not an article file"
    if isinstance(error, PermissionError):
        return f"{name}: permission denied"
    if error.errno == errno.ENAMETOOLONG:
        return f"{name[:60]}...: file name too long"
    if isinstance(error, NotADirectoryError):
        return f"{name}: no such file (a part of the path is not a directory)"
    return f"{name}: cannot be read ({error.strerror or error})"


def decode(
    raw: bytes, *, encoding: str = "utf-8", name: str = "input", hints: InputHints = API_HINTS
) -> str:
    """Decode bytes, refusing binary data and naming the first undecodable byte.

    A UTF-8, UTF-16 or UTF-32 byte-order mark decides the encoding. Any NUL byte (in
    an 8-bit or UTF-8 text) or control character other than tab, line ends and form
    feed marks the input as binary, wherever it is.
    """
    try:
        codec = codecs.lookup(encoding).name
    except LookupError as error:
        raise ArticleError(f"unknown encoding {encoding!r}") from error
    for bom, bom_codec in _BOMS:
        if raw.startswith(bom):
            codec = encoding = bom_codec
            break
    else:
        if codec == "utf-8":
            codec = "utf-8-sig"
    wide = codec.startswith(("utf-16", "utf-32"))
    nul = -1 if wide else raw.find(b"\x00")
    if nul >= 0:
        raise ArticleError(
            f"{name} looks binary (a NUL byte at offset {nul}), not a text article; if it is "
            f"UTF-16 or UTF-32 text without a byte-order mark, pass {hints.encoding} "
            "(e.g. utf-16-le)"
        )
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"{name} is not valid {encoding}: byte 0x{raw[error.start]:02x} at offset "
            f"{error.start} cannot be decoded (pass {hints.encoding}, e.g. cp1252, if you know "
            "the encoding)"
        ) from error
    control = _CONTROL.search(text)
    if control:
        raise ArticleError(
            f"{name} looks binary (control character U+{ord(control.group()):04X} at "
            f"character {control.start()}), not a text article"
        )
    return text


def normalise(text: str) -> str:
    """Drop a leading BOM and turn CRLF / CR line ends into LF; nothing else changes."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------------------
# Blocks: headline, metadata, dateline, body, sections

_SENTENCE_PUNCT = '.!?…:;,"”’)。！？」』）'


@dataclass(frozen=True)
class _Block:
    start: int
    end: int
    lines: tuple[str, ...]


def _blocks(text: str) -> list[_Block]:
    """Blank-line separated blocks; one block per line when there is no blank line."""
    lines = []
    offset = 0
    for raw in text.split("\n"):
        lines.append((offset, offset + len(raw), raw))
        offset += len(raw) + 1
    blocks: list[_Block] = []
    current: list[tuple[int, int, str]] = []
    for line in [*lines, (len(text), len(text), "")]:
        if line[2].strip():
            current.append(line)
        elif current:
            blocks.append(_make_block(text, current))
            current = []
    if len(blocks) == 1 and len(blocks[0].lines) > 1:
        # No blank-line paragraphing: every line is a paragraph.
        blocks = [_make_block(text, [line]) for line in lines if line[2].strip()]
    return blocks


def _make_block(text: str, lines: list[tuple[int, int, str]]) -> _Block:
    start = lines[0][0] + (len(lines[0][2]) - len(lines[0][2].lstrip()))
    end = lines[-1][1] - (len(lines[-1][2]) - len(lines[-1][2].rstrip()))
    return _Block(start, end, tuple(line[2].strip() for line in lines))


def _n_words(line: str) -> int:
    return len(line.split())


def _is_short_line(block: _Block, max_words: int) -> bool:
    return len(block.lines) == 1 and _n_words(block.lines[0]) <= max_words


def _is_headline(block: _Block) -> bool:
    """One short line without a sentence's final stop (an acronym's dot aside: "... to U.S.")."""
    line = block.lines[0]
    last = line.split()[-1] if line.split() else ""
    ends_as_sentence = line.endswith((".", "!", "?")) and not _ACRONYM.fullmatch(last)
    return _is_short_line(block, 30) and not ends_as_sentence


def _is_metadata(block: _Block) -> bool:
    """Bare lines such as ``107``, ``By Jane Doe`` or ``July 31, 2024``."""
    return all(
        _n_words(line) <= 8 and not line.endswith(tuple(_SENTENCE_PUNCT)) for line in block.lines
    )


def _is_heading(block: _Block) -> bool:
    """A short line without closing punctuation, such as ``Author profile``."""
    return _is_short_line(block, 8) and not block.lines[0].endswith(tuple(_SENTENCE_PUNCT))


@cache
def _non_body_headings() -> frozenset[str]:
    return frozenset(heading.casefold() for (heading,) in read_entries("section_headings.txt", 1))


#: After the dash of a wire dateline, the agency may follow as a word and a period
#: ("LONDON, March 3 - Reuters. ...").
_AGENCY_AFTER = r"(?:\s*(?P<agency_after>[A-Z][A-Za-z&]{1,20})\.(?=\s))?"
_DATELINE_CAPS = re.compile(
    r"^(?P<place>[A-Z]{2,}(?:[ '’-][A-Z]{2,}){0,2})(?:,\s+[A-Z][A-Za-z.]*(?:\s+[A-Za-z0-9]+)?)?"
    # "CITY (Agency) -Word": after an agency in brackets the dash needs no space after it
    r"(?:\s*\((?P<agency>[^)\n]{1,40})\)\s*(?:—|–|--|-)\s*(?=\S)"
    r"|\s*(?:\.|—|–|--|-|:)" + _AGENCY_AFTER + r"\s+(?=\S))"
)
_DATELINE_WIRE = re.compile(
    r"^(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}),\s+"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)"
    r"(?:\s*\((?P<agency>[^)\n]{1,40})\))?\s*(?:—|–|--|-)" + _AGENCY_AFTER + r"\s*(?=\S)"
)


def find_dateline(paragraph: str) -> re.Match[str] | None:
    """Match a dateline at the start of a paragraph: ``TOKYO.``, ``WASHINGTON (AP) —``,
    ``Beijing, July 31 (Agency)--``. Returns None when there is none."""
    match = _DATELINE_CAPS.match(paragraph) or _DATELINE_WIRE.match(paragraph)
    # Text set in capitals throughout is a shouted sentence, not a dateline.
    if match and not any(ch.islower() for ch in paragraph[match.end() : match.end() + 60]):
        return None
    return match


def parse_article(text: str, *, source: str | None = None, article_id: str = "article") -> Article:
    """Build an :class:`Article` from normalised text (see :func:`load_article`)."""
    _refuse_unspaced_language(text)
    blocks = _blocks(text)
    headline_block, metadata, position = _headline_and_metadata(blocks)
    body_blocks, raw_sections = _body_and_sections(blocks[position:])
    dateline, body_blocks[0] = _dateline(text, body_blocks[0])
    credits = _credit_blocks(text, body_blocks) if not raw_sections else 0
    credit_blocks = body_blocks[len(body_blocks) - credits :] if credits else []
    body_blocks = body_blocks[: len(body_blocks) - credits]
    sections = _sections(text, body_blocks, raw_sections)
    if credit_blocks:  # a non-body section without a heading of its own
        start, end = credit_blocks[0].start, credit_blocks[-1].end
        sections.append(Section(CREDITS, text[start:end], start, end, included=False))
    paragraphs = tuple(
        Paragraph(number, text[b.start : b.end], b.start, b.end)
        for number, b in enumerate(body_blocks, start=1)
    )
    sentences = _sentences(text, headline_block, paragraphs)
    return Article(
        text=text,
        headline=text[headline_block.start : headline_block.end] if headline_block else "",
        metadata=tuple(metadata),
        dateline=dateline,
        paragraphs=paragraphs,
        sections=tuple(sections),
        sentences=tuple(sentences),
        tokens=tuple(_tokens(sentences)),
        source=source,
        article_id=article_id,
    )


def _refuse_unspaced_language(text: str) -> None:
    """Refuse text in a language written without spaces between words (Chinese, Japanese,
    Thai, ...): every measure here counts words between spaces."""
    unspaced = language.unspaced_language(text)
    if unspaced:
        code, name = unspaced
        raise ArticleError(
            f"the text is in {name} ({code}), which is written without spaces between words; "
            "this library segments words by spaces and its measures are built for English, "
            "so it does not analyse it"
        )


def _headline_and_metadata(blocks: list[_Block]) -> tuple[_Block | None, list[str], int]:
    """The headline block (if any), the metadata lines after it, and where the body starts."""
    if not (len(blocks) > 1 and _is_headline(blocks[0])):
        return None, [], 0
    metadata: list[str] = []
    position = 1
    while position < len(blocks) and _is_metadata(blocks[position]):
        metadata.extend(blocks[position].lines)
        position += 1
    return blocks[0], metadata, position


#: Trailing lines that credit the reporting rather than report: "(Reporting by ...; Editing
#: by ...)", "X contributed to this report", VOA's "I'm Mario Ritter." sign-off, a copyright.
_CREDIT_LINE = re.compile(
    r"^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|research|written|edited)"
    r"\s+by\b|\b(?:contributed (?:to )?(?:this|the) (?:report|story)|reported (?:on )?this story"
    r"|contributed reporting)\b|^I[’']m (?:[A-Z][\w'’-]+ ?){1,3}\.$|^(?:©|copyright\b)"
    r"|all rights reserved|^[_—–-]{3,}$",
    re.IGNORECASE,
)
CREDITS = "credits"


def _credit_blocks(text: str, blocks: list[_Block]) -> int:
    """How many blocks at the end of ``blocks`` are credit lines (not the first block)."""
    n = 0
    while n < len(blocks) - 1 and _CREDIT_LINE.search(
            " ".join(text[blocks[-1 - n].start : blocks[-1 - n].end].split())):  # fmt: skip
        n += 1
    return n


def _body_and_sections(
    blocks: list[_Block],
) -> tuple[list[_Block], list[tuple[_Block, list[_Block]]]]:
    """Body blocks up to the first heading, then each heading with the blocks under it."""
    body_blocks: list[_Block] = []
    raw_sections: list[tuple[_Block, list[_Block]]] = []
    for block in blocks:
        opens_section = body_blocks and _is_heading(block) and block is not blocks[-1]
        if opens_section:
            raw_sections.append((block, []))
        elif raw_sections:
            raw_sections[-1][1].append(block)
        else:
            body_blocks.append(block)
    if not body_blocks:
        raise ArticleError("no body text: the input holds only a headline or metadata lines")
    return body_blocks, raw_sections


def _dateline(text: str, first: _Block) -> tuple[Dateline | None, _Block]:
    """The dateline opening the first body block, and that block without it."""
    match = find_dateline(text[first.start : first.end])
    if not match:
        return None, first
    dateline = Dateline(
        text=match.group().strip(),
        place=match.group("place"),
        start=first.start,
        end=first.start + len(match.group().rstrip()),
    )
    return dateline, _Block(first.start + match.end(), first.end, first.lines)


def _sections(
    text: str, body_blocks: list[_Block], raw_sections: list[tuple[_Block, list[_Block]]]
) -> list[Section]:
    """Trailing sections; one in the body's language whose heading is not listed as
    non-body joins the body (``body_blocks`` is extended in place)."""
    body_language = ""  # detected only when a heading leaves the section's status open
    sections: list[Section] = []
    for heading_block, section_blocks in raw_sections:
        heading = heading_block.lines[0]
        start = section_blocks[0].start if section_blocks else heading_block.end
        end = section_blocks[-1].end if section_blocks else heading_block.end
        included = False
        if heading.rstrip(":").casefold() not in _non_body_headings() and section_blocks:
            body_language = body_language or language.detect(
                "\n\n".join(text[b.start : b.end] for b in body_blocks)
            )
            included = language.detect(text[start:end]) == body_language
        sections.append(Section(heading, text[start:end], start, end, included))
        if included:
            body_blocks.extend(section_blocks)
    return sections


def _sentences(
    text: str, headline_block: _Block | None, paragraphs: tuple[Paragraph, ...]
) -> list[Sentence]:
    """The headline as sentence 0 (when there is one), then each paragraph's sentences."""
    sentences: list[Sentence] = []
    if headline_block is not None:
        start, end = headline_block.start, headline_block.end
        sentences.append(Sentence(0, text[start:end], start, 0, "headline"))
    for paragraph in paragraphs:
        for start, end in split_sentences(paragraph.text):
            sentences.append(
                Sentence(
                    len(sentences) + (headline_block is None),
                    paragraph.text[start:end],
                    paragraph.start + start,
                    paragraph.index,
                    "body",
                )
            )
    return sentences


def _tokens(sentences: list[Sentence]) -> list[Token]:
    """Every sentence's tokens, numbered through the article, with offsets into its text."""
    tokens: list[Token] = []
    for sentence in sentences:
        for kinds, starts, texts in _token_columns(sentence.text):
            # Each token is a tuple made in C from the columns: no Python step per token,
            # and no check of the fields either (Token has no defaults; a test keeps it so).
            tokens += map(_new_tuple, repeat(Token), zip(
                count(len(tokens)), texts, kinds, map(add, starts, repeat(sentence.start)),
                repeat(sentence.index), repeat(sentence.paragraph), repeat(sentence.part),
                strict=False,  # the columns are as long as each other; count is endless
            ))  # fmt: skip
    return tokens


# ---------------------------------------------------------------------------
# Sentences


@cache
def _abbreviations() -> dict[str, str]:
    return {abbrev.casefold(): kind for abbrev, kind in read_entries("abbreviations.txt", 2)}


@cache
def _sentence_starters() -> frozenset[str]:
    return frozenset(word for (word,) in read_entries("sentence_starters.txt", 1))


_CANDIDATE_END = re.compile(
    r"(?P<end>\.\.\.|…|(?<![.!?])[.!?]+)(?P<close>[\"'”’)\]]*)"
    r"(?=\s+[\"'“‘(\[]*(?P<next>[A-Z0-9#][\w’'.-]*))"
)
#: Full stops of Chinese and Japanese text inside an English article end a sentence
#: whatever follows them.
_CJK_END = re.compile(r"[。！？]+[」』）”’]*")
_ACRONYM = re.compile(r"(?:[^\W\d_]\.){2,}")
_INITIAL = re.compile(r"[A-Z]\.")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``, right on news prose.

    A sentence ends at ``.``, ``!``, ``?`` or an ellipsis, plus any closing quotes
    or brackets, before whitespace and a capital or digit. Not a sentence end:
    a title (``Gen.``), an initial (``F.``), a month or ``No.`` before a number,
    and an acronym (``U.S.``) unless the next word opens sentences (``The``).
    Decimals (``7.2%``) never qualify because no space follows the point.
    """
    spans = []
    start = _skip_space(text, 0)
    for match in _CANDIDATE_END.finditer(text):
        if match.start() < start:
            continue
        if match.group("end") == "." and not _ends_sentence(text, match):
            continue
        end = match.end()
        spans.append((start, end))
        start = _skip_space(text, end)
    tail_end = len(text.rstrip())
    if start < tail_end:
        spans.append((start, tail_end))
    if "。" in text or "！" in text or "？" in text:
        spans = [piece for span in spans for piece in _split_cjk(text, span)]
    return spans


def _split_cjk(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """``span`` cut after each Chinese or Japanese full stop inside it."""
    pieces = []
    start, end = span
    for match in _CJK_END.finditer(text, start, end):
        if match.end() < end and text[match.end() : end].strip():
            pieces.append((start, match.end()))
            start = _skip_space(text, match.end())
    pieces.append((start, end))
    return pieces


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    period = match.start("end")
    word_start = period
    while (
        word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in '"“‘('
    ):
        word_start -= 1
    word = text[word_start : period + 1]
    following = match.group("next")
    kind = _abbreviations().get(word.casefold())
    if kind == "title" or _INITIAL.fullmatch(word):
        return False
    if kind == "number":
        return not following[0].isdigit()
    if kind == "acronym" or _ACRONYM.fullmatch(word.split("-")[-1]):
        return following in _sentence_starters()
    return True


# ---------------------------------------------------------------------------
# Tokens

_LETTER = re.compile(r"[^\W\d_]")


def _combining_marks() -> str:
    """Character-class ranges of the combining marks (Unicode categories Mn, Mc, Me) of the
    Basic Multilingual Plane: within it ``re`` tests a class with a bitmap, in one step.

    ``\\w`` does not match them, so without them a word in decomposed form (NFD: ``e``
    followed by U+0301 for ``é``) would be split at each accent.
    """
    ranges: list[list[int]] = []
    for code in range(0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(f"{chr(first)}-{chr(last)}" for first, last in ranges)


@cache
def _token_pattern() -> re.Pattern[str]:
    """The token pattern, built on first use (listing the combining marks takes 10 ms)."""
    marks = _combining_marks()
    acronym = rf"(?:[^\W\d_][{marks}]*\.){{2,}}"
    # Possessive (++, *+): a word never needs to give back letters to match, so the engine
    # is told not to try (the same tokens, found about 10% sooner).
    letters = rf"\w++(?:[{marks}]++\w*+)*+"  # marks, when there are any, follow their letter
    word_part = rf"{letters}(?:['’]{letters})*+"
    return re.compile(
        rf"(?P<number>\d+(?:[.,:/+]\d+)*%?(?![\w‐‑-]))"
        rf"|(?P<word>(?:{acronym}|{word_part})(?:[-‐‑](?:{acronym}|{word_part}))*+)"
        r"|(?P<punct>\.\.\.|--|[^\w\s])"
    )


def tokenize(text: str) -> list[tuple[TokenKind, int, int]]:
    """``(kind, start, end)`` for each token of ``text``.

    Words keep hyphens (``surface-to-air``), inner apostrophes (``China’s``,
    ``haven’t``) and acronym periods (``U.S.``); a listed abbreviation or an
    initial takes its period (``Gen.``, ``F.``). Numbers keep decimals, thousands
    separators and a percent sign (``7.2%``, ``640,000``, ``2+2``).
    """
    return list(iter_tokens(text))


def iter_tokens(text: str) -> Iterator[tuple[TokenKind, int, int]]:
    """:func:`tokenize`'s tokens one at a time (a long text's list is never built whole)."""
    for kinds, starts, texts in _token_columns(text):
        yield from zip(kinds, starts, map(add, starts, map(len, texts)), strict=False)


#: Text tokenized at a time: a longer text is cut near each multiple of this many characters
#: where no token can continue (:func:`_cut_pattern`), so that the columns of a 2 MB text's
#: million tokens are never built at once.
_CHUNK_CHARS = 20_000
#: A digit run followed by a letter, an underscore or a hyphen: where a word can begin with
#: a digit ("2024-25", "1990s"); the token pattern reads any other digit run as a number.
_DIGIT_WORD_HINT = re.compile(r"\d(?:[^\W\d]|[-‐‑])")
_PERIOD = re.compile(r"\.")
_MATCH_BATCH = 4096
_LASTGROUP = attrgetter("lastgroup")
_new_tuple = tuple.__new__


def is_number_text(text: str) -> bool:
    """Whether a word or number token's text is a number token's: a digit first and no
    letter (``7.2%``, ``2024-25``, ``3_000``). The tokenizer's kinds follow this rule, so a
    word token's kind can be told from its text alone (tested on every token it makes)."""
    return text[:1].isdigit() and not _LETTER.search(text)


def _token_columns(text: str) -> Iterator[tuple[list[TokenKind], list[int], list[str]]]:
    """The tokens of ``text`` as three columns (kinds, start offsets, texts), for one chunk
    of the text at a time (:data:`_CHUNK_CHARS`); each column is made in one pass without a
    Python step per token."""
    start = 0
    while len(text) - start > _CHUNK_CHARS:
        cut = _cut_pattern().search(text, start + _CHUNK_CHARS)
        if cut is None:
            break
        yield _chunk_columns(text, start, cut.start())
        start = cut.start()
    yield _chunk_columns(text, start, len(text))


@cache
def _cut_pattern() -> re.Pattern[str]:
    """Where a text can be cut without changing its tokens: before a space (no token holds
    one, and none looks past one), or between two characters that are neither letters,
    digits, hyphens nor combining marks, the second not a period either (no word, number,
    ellipsis or dash spans them, and no abbreviation takes a period across them)."""
    marks = _combining_marks()
    return re.compile(rf"\s|(?<=[^\w‐‑{marks}-])(?=[^\w.‐‑{marks}-])")


def _chunk_columns(text: str, begin: int, end: int) -> tuple[list[TokenKind], list[int], list[str]]:
    """The columns of the tokens of ``text[begin:end]`` (offsets into ``text``)."""
    kinds: list[TokenKind] = []
    starts: list[int] = []
    texts: list[str] = []
    matches = _token_pattern().finditer(text, begin, end)
    # A few thousand matches at a time: a text with no place to cut is one chunk, and a
    # million match objects at once would take 200 MB.
    while batch := list(islice(matches, _MATCH_BATCH)):
        kinds += map(_LASTGROUP, batch)
        starts += map(re.Match.start, batch)
        texts += map(re.Match.group, batch)
    if _DIGIT_WORD_HINT.search(text, begin, end):
        digit_first = map(str.isdigit, map(itemgetter(0), texts))
        for k in compress(range(len(texts)), digit_first):
            if kinds[k] == "word" and is_number_text(texts[k]):
                kinds[k] = "number"  # digits joined by hyphens: "2024-25"
    # A listed abbreviation or an initial takes the period right after it: that period's
    # token (a "." or an ellipsis) is dropped.
    taken = []
    for period in _PERIOD.finditer(text, begin, end):
        j = bisect_left(starts, period.start())
        if not 0 < j < len(starts) or starts[j] != period.start():
            continue  # inside a number or an acronym, or the first token
        word = texts[j - 1]
        if kinds[j - 1] == "word" and starts[j - 1] + len(word) == starts[j] and (
            (word + ".").casefold() in _abbreviations() or (len(word) == 1 and word.isupper())
        ):
            texts[j - 1] = word + "."
            taken.append(j)
    for j in reversed(taken):
        del kinds[j], starts[j], texts[j]
    return kinds, starts, texts


# ---------------------------------------------------------------------------
# Tidy tables


def unnest_sentences(article: Article) -> pd.DataFrame:
    """One row per sentence.

    Columns: ``article_id``, ``sentence`` (0 = headline), ``paragraph`` (0 =
    headline), ``part`` (headline/body), ``start``, ``end`` (character offsets
    into ``article.text``), ``n_words`` (words and numbers), ``text``.
    """
    import pandas as pd

    n_words: dict[int, int] = {}
    for token in article.tokens:
        if token.kind != "punct":
            n_words[token.sentence] = n_words.get(token.sentence, 0) + 1
    return pd.DataFrame(
        {
            "article_id": article.article_id,
            "sentence": [s.index for s in article.sentences],
            "paragraph": [s.paragraph for s in article.sentences],
            "part": [s.part for s in article.sentences],
            "start": [s.start for s in article.sentences],
            "end": [s.end for s in article.sentences],
            "n_words": [n_words.get(s.index, 0) for s in article.sentences],
            "text": [" ".join(s.text.split()) for s in article.sentences],
        }
    )


def unnest_tokens(article: Article) -> pd.DataFrame:
    """One row per token.

    Columns: ``article_id``, ``token`` (running index), ``sentence``,
    ``paragraph``, ``part``, ``kind`` (word/number/punct), ``start``, ``end``
    (offsets into ``article.text``), ``text``.
    """
    import pandas as pd

    tokens = article.tokens
    return pd.DataFrame(
        {
            "article_id": article.article_id,
            "token": [t.index for t in tokens],
            "sentence": [t.sentence for t in tokens],
            "paragraph": [t.paragraph for t in tokens],
            "part": [t.part for t in tokens],
            "kind": [t.kind for t in tokens],
            "start": [t.start for t in tokens],
            "end": [t.end for t in tokens],
            "text": [t.text for t in tokens],
        }
    )


def overview(article: Article) -> dict[str, Any]:
    """The article's structure in a few numbers (the first keys of the CLI's JSON)."""
    return {
        "title": article.title,
        "source": article.source,
        "language": article.language,
        "metadata": list(article.metadata),
        "dateline": article.dateline.text if article.dateline else None,
        "paragraphs": len(article.paragraphs),
        "sentences": len(article.body_sentences),
        "words": len(article.body_words),
        "sections": [
            {"heading": s.heading, "language": s.language, "included": s.included}
            for s in article.sections
        ],
    }


def structure_table(article: Article) -> pd.DataFrame:
    """One row per block of the article, in reading order.

    Columns: ``element`` (headline/metadata/dateline/paragraph/section),
    ``label``, ``language``, ``in_body`` (counted by body metrics),
    ``n_sentences``, ``n_words``, ``text``.
    """
    import pandas as pd

    sentences = unnest_sentences(article)
    # One pass over the sentences (a get_group per paragraph made this quadratic).
    per_paragraph = (
        sentences[sentences["part"] == "body"]
        .groupby("paragraph")["n_words"]
        .agg(["size", "sum"])
        .to_dict("index")
    )
    rows = []
    if article.headline:
        rows.append(
            (
                "headline",
                "",
                article.language,
                False,
                1,
                int(sentences.loc[sentences["sentence"] == 0, "n_words"].sum()),
                article.headline,
            )
        )
    rows += [
        ("metadata", f"line {i}", "", False, 0, 0, line)
        for i, line in enumerate(article.metadata, start=1)
    ]
    if article.dateline:
        rows.append(("dateline", article.dateline.place, "", False, 0, 0, article.dateline.text))
    for paragraph in article.paragraphs:
        counts = per_paragraph.get(paragraph.index, {"size": 0, "sum": 0})
        rows.append(
            (
                "paragraph",
                str(paragraph.index),
                article.language,
                True,
                int(counts["size"]),
                int(counts["sum"]),
                paragraph.text,
            )
        )
    for section in article.sections:
        rows.append(
            (
                "section",
                section.heading,
                section.language,
                section.included,
                0,
                sum(1 for kind, _, _ in tokenize(section.text) if kind != "punct"),
                section.text,
            )
        )
    return pd.DataFrame(
        rows,
        columns=["element", "label", "language", "in_body", "n_sentences", "n_words", "text"],
    )
