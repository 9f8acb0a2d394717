"""The command line: readable summary, JSON schema, one-line errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SEED


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        input=stdin,
        capture_output=True,
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )


def test_readable_summary():
    result = run(str(SEED))
    assert result.returncode == 0, result.stderr
    assert "14 paragraphs, 28 sentences, 627 words" in result.stdout
    assert "Author profile (tl, kept apart from body)" in result.stdout


def test_json_schema():
    result = run(str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["title"].startswith("US-Japan security talks")
    assert (summary["paragraphs"], summary["sentences"], summary["words"]) == (14, 28, 627)
    assert summary["sections"] == [
        {"heading": "Author profile", "language": "tl", "included": False}
    ]
    assert summary["dateline"] == "TOKYO."
    readability = summary["readability"]
    assert set(readability) == {
        "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
        "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
        "linsear_write_formula", "consensus_grade", "counts",
    }  # fmt: skip
    assert readability["counts"]["n_sents"] == 28
    assert summary["readability_textstat"]["counts"]["n_sents"] == 42
    assert (
        readability["flesch_reading_ease"] < summary["readability_textstat"]["flesch_reading_ease"]
    )


def test_stdin():
    result = run("-", "--json", stdin=SEED.read_bytes())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["sentences"] == 28


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert result.stdout == ""
    return lines[0]


def test_missing_file(tmp_path):
    assert "no such file" in one_line_error(run(str(tmp_path / "nope.txt")))


def test_directory(tmp_path):
    # A folder is read as a collection of articles; an empty one is a clear error.
    assert "no .txt files" in one_line_error(run(str(tmp_path)))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\n\t ", "empty"),
        (b"\x00\x01\x02binary" * 50, "binary"),
        (b"caf\xe9 au lait", "not valid utf-8"),
    ],
)
def test_bad_stdin(data, message):
    assert message in one_line_error(run("-", stdin=data))


def test_large_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Word and more words here. " * 200_000)
    assert "refused" in one_line_error(run(str(path)))


def test_crlf_bom_file(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SEED.read_bytes().replace(b"\n", b"\r\n"))
    result = run(str(path), "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["words"] == 627


def test_usage_error_is_short():
    result = run()
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
