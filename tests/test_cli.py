"""The command line: readable summary, JSON schema, one-line errors for bad input."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

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
    assert "readability_textstat" not in summary  # asked for with --textstat


def test_textstat_values_beside_ours_on_request():
    result = run(str(SEED), "--json", "--textstat")
    summary = json.loads(result.stdout)
    assert summary["readability_textstat"]["counts"]["n_sents"] == 42
    ours, theirs = summary["readability"], summary["readability_textstat"]
    assert ours["flesch_reading_ease"] < theirs["flesch_reading_ease"]
    plain = run(str(SEED), "--textstat").stdout
    assert "textstat, splitting at every period" in plain


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


# -- strict JSON ------------------------------------------------------------------


def test_json_is_strict_on_the_seed():
    result = run(str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    # NaN and Infinity are not JSON: a strict parser (JavaScript's JSON.parse) refuses them.
    summary = json.loads(result.stdout, parse_constant=pytest.fail)
    json.dumps(summary, allow_nan=False)
    assert any(quote["speaker"] is None for quote in summary["quotes"])


def test_json_output_writes_every_non_finite_number_as_null():
    import numpy as np
    import pandas as pd

    from analysis.json_output import json_text

    value = {"a": float("nan"), "b": [np.float64("inf"), np.int64(3), 2.5, pd.NA], "c": True}
    parsed = json.loads(json_text(value), parse_constant=pytest.fail)
    assert parsed == {"a": None, "b": [None, 3, 2.5, None], "c": True}


# -- reading: size while reading, file types, encodings --------------------------


def test_max_bytes_and_encoding_flags(tmp_path):
    path = tmp_path / "cafe.txt"
    path.write_bytes("Café news\n\nThe café opened today in the old town.\n".encode("cp1252"))
    message = one_line_error(run(str(path)))
    assert "--encoding" in message and "encoding=" not in message
    result = run(str(path), "--json", "--encoding", "cp1252")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "Café news"
    message = one_line_error(run(str(SEED), "--max-bytes", "1000"))
    assert "5.1 KB; articles over 1 KB are refused (pass --max-bytes N" in message
    assert "unknown encoding" in one_line_error(run(str(SEED), "--encoding", "no-such-codec"))


def test_endless_standard_input_stops_at_the_limit():
    # `yes | python -m analysis -`: reads max_bytes + 1 bytes, not until memory runs out.
    script = (
        "import subprocess, sys\n"
        "yes = subprocess.Popen(['yes'], stdout=subprocess.PIPE)\n"
        "result = subprocess.run([sys.executable, '-m', 'analysis', '-', '--max-bytes', "
        "'100000'], stdin=yes.stdout, capture_output=True, text=True, timeout=120)\n"
        "yes.kill()\n"
        "print(result.returncode, result.stderr.strip())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=180, check=False
    )
    assert result.stdout.startswith("2 error: standard input is more than 100 KB"), result


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_devices_are_refused(device):
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    result = subprocess.run(
        [sys.executable, "-m", "analysis", device],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert "character device, not a regular file" in one_line_error(result)


def test_fifo_without_a_writer_is_refused_at_once(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-m", "analysis", str(fifo)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert "named pipe (FIFO), not a regular file" in one_line_error(result)


def test_utf16_with_bom_on_standard_input():
    result = run("-", "--json", stdin=SEED.read_text(encoding="utf-8").encode("utf-16"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["words"] == 627


def test_binary_after_the_first_8_kb():
    data = SEED.read_bytes() * 2 + b"\x00\x00\x01 tail"
    assert "binary (a NUL byte at offset 10104)" in one_line_error(run("-", stdin=data))


def test_symlink_loop(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert "symlink loop" in one_line_error(run(str(tmp_path / "a.txt")))


def test_corpus_mode_refuses_single_article_flags(tmp_path):
    (tmp_path / "one.txt").write_bytes(SEED.read_bytes())
    message = one_line_error(run(str(tmp_path), "--max-bytes", "10"))
    assert "apply to one article" in message


def test_usage_error_is_one_line():
    assert "--max-bytes" in one_line_error(run(str(SEED), "--max-bytes", "0"))


# -- output that cannot be written, and Ctrl-C -------------------------------------


def test_broken_pipe():
    # `python -m analysis ... | head -1`: the reader is gone before the summary is written.
    process = subprocess.Popen(
        [sys.executable, "-m", "analysis", str(SEED), "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    process.stdout.close()
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 1
    assert stderr.decode().splitlines() == [
        "error: standard output was closed before the summary was written (broken pipe)"
    ]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_full_disk():
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "analysis", str(SEED), "--json"],
            stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, check=False,
        )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "error: cannot write the output (No space left on device)"
    ]


def test_console_that_cannot_encode_the_text():
    result = subprocess.run(
        [sys.executable, "-m", "analysis", str(SEED), "--json"],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )  # fmt: skip
    assert "cannot encode the text; set PYTHONIOENCODING=utf-8" in one_line_error(result)


@pytest.mark.parametrize(
    ("redirect", "message"),
    [("<&-", "standard input is closed"), (">&-", "standard output is closed")],
)
def test_closed_standard_input_and_output(redirect, message):
    if not Path("/bin/sh").exists():
        pytest.skip("no POSIX shell here")
    article = "-" if redirect == "<&-" else str(SEED)
    result = subprocess.run(
        ["/bin/sh", "-c", f'exec "$0" -m analysis "$1" {redirect}', sys.executable, article],
        stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode != 0
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {message}")
    # Also when the descriptor is closed after start-up.
    if redirect == "<&-":
        script = "import os, sys; os.close(0); from analysis import cli; sys.exit(cli.main(['-']))"
        late = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
            check=False,
        )  # fmt: skip
        assert message in one_line_error(late)


def test_ctrl_c_while_reading_standard_input():
    # The child says when it is about to read standard input, then gets SIGINT.
    script = (
        "import sys\n"
        "from analysis import cli\n"
        "print('ready', file=sys.stderr, flush=True)\n"
        "sys.exit(cli.main(['-']))\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stderr.readline() == "ready\n"
    time.sleep(1)  # let it reach the read (not a timing assertion: the read waits for ever)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    process.stdin.close()
    assert process.returncode == 130
    assert stderr.splitlines() == ["error: interrupted"]
    assert stdout == ""


# -- several articles ----------------------------------------------------------------

SHORT = "Talks end\n\nTOKYO. Japan and the United States met on Sunday.\n"


def _two_articles(folder: Path) -> list[str]:
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(SHORT, encoding="utf-8")
    return [str(folder / "a.txt"), str(folder / "b.txt")]


def test_several_paths_are_one_corpus_run(tmp_path):
    result = run(*_two_articles(tmp_path))  # as a shell passes dir/*.txt
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("article_id,source,error,")
    assert [line.split(",")[0] for line in lines[1:]] == ["a", "b"]
    assert result.stderr.splitlines()[-1] == "2 analysed, 0 failed (see the error column)"


def test_a_quoted_glob_pattern_is_a_corpus_run(tmp_path):
    _two_articles(tmp_path)
    result = run(str(tmp_path / "*.txt"))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3  # the header and two rows
    assert result.stderr.endswith("2 analysed, 0 failed (see the error column)\n")


def test_the_summary_line_counts_the_articles_that_failed(tmp_path):
    good, _ = _two_articles(tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary" * 50)
    out = tmp_path / "summary.csv"
    result = run(good, str(bad), "--csv", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [f"2 articles -> {out}",
                                          "1 analysed, 1 failed (see the error column)"]
    assert out.read_text(encoding="utf-8").count("ArticleError") == 1


def test_standard_input_beside_paths_is_a_usage_error(tmp_path):
    good, _ = _two_articles(tmp_path)
    assert "cannot be read beside other paths" in one_line_error(run(good, "-"))


def test_a_missing_path_among_several_stops_before_any_work(tmp_path):
    good, _ = _two_articles(tmp_path)
    result = run(good, str(tmp_path / "nope.txt"))
    assert result.returncode == 2 and result.stdout == ""
    assert "nope.txt: no such file or folder" in one_line_error(result)


def test_json_output_equals_json_dumps_and_writes_a_lazy_list_item_by_item():
    from analysis import load_article
    from analysis.cli import summarize
    from analysis.json_output import Lazy, json_text, write_json

    article = load_article(SEED)
    summary = summarize(article)
    expected = json.dumps(summary, ensure_ascii=False, indent=2, allow_nan=False)
    assert json_text(summary) == expected
    assert json_text(summarize(article, lazy=True)) == expected
    odd = {"empty": {}, "none": [], "nested": [[], [{}], ("t", 1)], 3: "int key", "é": "\u2028"}
    assert json_text(odd) == json.dumps(odd, ensure_ascii=False, indent=2)
    made = []
    lazy = Lazy(lambda n: made.append(n) or {"n": n}, range(3))
    assert json.loads(json_text({"items": lazy})) == {"items": [{"n": 0}, {"n": 1}, {"n": 2}]}
    assert json_text({"items": lazy}) and made == [0, 1, 2, 0, 1, 2]  # made again when re-read
    with pytest.raises(TypeError, match="set"):
        json_text({"unordered": {1, 2}})  # refused, as json.dumps refuses it
    stream = io.StringIO()
    write_json({"long": Lazy(str, range(50_000))}, stream, end="\n")
    assert json.loads(stream.getvalue())["long"][-1] == "49999"
