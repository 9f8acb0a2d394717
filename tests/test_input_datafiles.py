"""Data files a user passes: lexicons, actor dictionaries, the commented entry format."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from analysis import LexiconError
from analysis.datafiles import parse_entries, read_data_file
from analysis.framing import parse_actor_dictionary
from analysis.lexicon import parse_lexicon, read_lexicon
from analysis.sentiment import load_lexicon

ENTRY = "threat*\t-2\tthreat\tthe vocabulary of danger\n"
SECOND = "ally\t1.5\talliance\tpartnership, cast as positive\n"


def test_non_utf8_lexicon_is_a_lexicon_error(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_bytes((ENTRY + "caf\u00e9\t1\tplace\twhere talks happen\n").encode("cp1252"))
    for read in (read_lexicon, load_lexicon):
        with pytest.raises(LexiconError, match=r"not UTF-8 text \(byte 0xe9 at offset"):
            read(path)
    with pytest.raises(LexiconError, match="not UTF-8"):
        read_data_file(path)


def test_a_bom_does_not_disable_the_first_entry(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_bytes(b"\xef\xbb\xbf" + (ENTRY + SECOND).encode("utf-8"))
    lexicon = read_lexicon(path)
    assert [entry.term for entry in lexicon.entries] == ["threat*", "ally"]
    assert parse_entries("\ufeffword\t# why\n", 1, source="x") == (("word",),)
    actors = parse_actor_dictionary(
        "\ufeffRuritania\tRuritania\talias\ta made-up country\n", name="actors.tsv"
    )
    assert actors.entries[0].pattern == "Ruritania"


@pytest.mark.parametrize("term", ["*", "* threat", "status *"])
def test_a_lone_wildcard_is_refused(term):
    with pytest.raises(LexiconError, match="lone '\\*' would match every word"):
        parse_lexicon(f"{term}\t-1\tthreat\twhy\n", name="mine.tsv")


def test_directory_and_missing_file_are_refused(tmp_path):
    with pytest.raises(LexiconError, match="it is a directory"):
        read_lexicon(tmp_path)
    with pytest.raises(LexiconError, match="cannot read the lexicon"):
        read_lexicon(tmp_path / "missing.tsv")


def test_fifo_is_refused_without_waiting(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.tsv"
    os.mkfifo(fifo)
    script = (
        "import sys\nfrom analysis.lexicon import read_lexicon\n"
        "try:\n    read_lexicon(sys.argv[1])\nexcept Exception as error:\n    print(error)\n"
    )
    result = subprocess.run(  # opened, it would wait for a writer for ever
        [sys.executable, "-c", script, str(fifo)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert "it is not a regular file" in result.stdout, result.stderr
