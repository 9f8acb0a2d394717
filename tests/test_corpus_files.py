"""Many articles: output files are complete or clearly partial, never stale; runs resume.

The interruption tests run a writer in a subprocess, wait until its partial file
has rows, then send SIGTERM or Ctrl-C (SIGINT to its process group, as a terminal
does); every wait has a generous timeout, so a hang fails instead of blocking.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis import corpus
from analysis.corpus import SUMMARY_COLUMNS, partial_path, write_summaries
from analysis.errors import UsageError
from tests.conftest import ROOT

SHORT = "Talks end {}\n\nTOKYO. Japan and the United States met on Sunday.\n"


@pytest.fixture
def folder(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for i in range(9):
        (articles / f"a{i}.txt").write_text(SHORT.format(i), encoding="utf-8")
    return articles


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path) if ".csv" in path.name else pd.read_parquet(path)


def ids(path: Path) -> list[str]:
    return list(read(path)["article_id"])


class Stop(BaseException):
    """Stands for Ctrl-C in this process."""


def stopping_after(n: int):
    original = corpus._summarize_item
    calls = []

    def summarize(item):
        if len(calls) == n:
            raise Stop
        calls.append(item)
        return original(item)

    return summarize


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_a_complete_run_leaves_no_partial(folder, tmp_path, suffix):
    out = tmp_path / f"out{suffix}"
    assert write_summaries(folder, out, progress=False, chunk_rows=2) == 9
    assert ids(out) == [f"a{i}" for i in range(9)]
    assert not partial_path(out).exists()
    assert list(read(out).columns) == SUMMARY_COLUMNS


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_an_interrupted_run_leaves_a_partial_file_and_no_stale_one(
    folder, tmp_path, monkeypatch, suffix
):
    out = tmp_path / f"out{suffix}"
    write_summaries(folder, out, progress=False)  # an earlier, complete run
    monkeypatch.setattr(corpus, "_summarize_item", stopping_after(5))
    with pytest.raises(Stop):
        write_summaries(folder, out, progress=False, chunk_rows=2)
    assert not out.exists()  # the earlier run's file does not pass for this one
    assert partial_path(out).name == f"out{suffix}.partial"
    assert ids(partial_path(out)) == [f"a{i}" for i in range(5)]  # the last chunk kept too


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_resume_skips_the_articles_done(folder, tmp_path, monkeypatch, suffix):
    out = tmp_path / f"out{suffix}"
    monkeypatch.setattr(corpus, "_summarize_item", stopping_after(4))
    with pytest.raises(Stop):
        write_summaries(folder, out, progress=False, chunk_rows=3)
    monkeypatch.undo()
    seen = []
    original = corpus._summarize_item
    monkeypatch.setattr(corpus, "_summarize_item", lambda item: seen.append(item[0]) or
                        original(item))  # fmt: skip
    assert write_summaries(folder, out, progress=False, chunk_rows=3, resume=True) == 9
    assert seen == [f"a{i}" for i in range(4, 9)]
    assert not partial_path(out).exists()
    fresh = tmp_path / f"fresh{suffix}"
    write_summaries(folder, fresh, progress=False)
    pd.testing.assert_frame_equal(read(out), read(fresh))


def test_resume_drops_a_row_cut_short(folder, tmp_path):
    out = tmp_path / "out.csv"
    partial = partial_path(out)
    write_summaries(folder, partial.with_name("whole.csv"), progress=False)
    lines = partial.with_name("whole.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    partial.write_text("".join(lines[:4]) + lines[4][:30], encoding="utf-8")  # killed mid-row
    assert write_summaries(folder, out, progress=False, resume=True) == 9
    assert ids(out) == [f"a{i}" for i in range(9)]


def test_resume_without_a_partial_file_runs_everything(folder, tmp_path):
    out = tmp_path / "out.parquet"
    assert write_summaries(folder, out, progress=False, resume=True) == 9
    assert ids(out) == [f"a{i}" for i in range(9)]


def test_a_partial_file_from_other_inputs_is_not_resumed(folder, tmp_path):
    out = tmp_path / "out.csv"
    pd.DataFrame([dict.fromkeys(SUMMARY_COLUMNS, 1) | {"article_id": "elsewhere"}]).to_csv(
        partial_path(out), index=False)  # fmt: skip
    with pytest.raises(UsageError, match=r"out\.csv\.partial holds articles that are not among "
                                         r"the inputs \('elsewhere'\)"):  # fmt: skip
        write_summaries(folder, out, progress=False, resume=True)
    partial_path(out).write_text("article_id,title\nx,y\n", encoding="utf-8")
    with pytest.raises(UsageError, match="its columns are not this version's summary columns"):
        write_summaries(folder, out, progress=False, resume=True)


def test_without_resume_a_partial_file_is_started_again(folder, tmp_path):
    out = tmp_path / "out.parquet"
    partial_path(out).mkdir()
    (partial_path(out) / "part-000000.parquet").write_bytes(b"junk")
    assert write_summaries(folder, out, progress=False) == 9
    assert ids(out) == [f"a{i}" for i in range(9)] and not partial_path(out).exists()


# -- interrupting a subprocess -------------------------------------------------------

WRITER = """
import sys, time
from analysis import corpus

original = corpus._summarize_item

def slow(item):
    time.sleep(0.2)
    return original(item)

corpus._summarize_item = slow
corpus.write_summaries(sys.argv[1], sys.argv[2], n_jobs=int(sys.argv[3]), progress=False,
                       chunk_rows=2)
"""


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def gone(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


def wait_for(condition, what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def rows_in(partial: Path) -> int:
    try:
        return len(read(partial)) if partial.exists() else 0
    except Exception:  # being written, or a Parquet folder without parts yet
        return 0


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize(("signum", "group", "suffix", "n_jobs"), [
    (signal.SIGTERM, False, ".csv", 2),
    (signal.SIGINT, True, ".parquet", 2),
    (signal.SIGTERM, False, ".parquet", 1),
    (signal.SIGINT, False, ".csv", 1),
])  # fmt: skip
def test_a_signal_stops_the_workers_keeps_the_rows_and_the_run_resumes(
    tmp_path, signum, group, suffix, n_jobs
):
    articles = tmp_path / "articles"
    articles.mkdir()
    for i in range(40):
        (articles / f"a{i:02d}.txt").write_text(SHORT.format(i), encoding="utf-8")
    out = tmp_path / f"out{suffix}"
    out.write_text("an earlier run's file", encoding="utf-8")
    writer = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(WRITER), str(articles), str(out), str(n_jobs)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    try:
        wait_for(lambda: rows_in(partial_path(out)) >= 2, "the first rows")
        workers = children(writer.pid)
        assert len(workers) == (n_jobs if n_jobs > 1 else 0)
        if group:
            os.killpg(writer.pid, signum)
        else:
            writer.send_signal(signum)
        _, stderr = writer.communicate(timeout=120)
    finally:
        if writer.poll() is None:
            os.killpg(writer.pid, signal.SIGKILL)
            writer.wait()
    assert writer.returncode != 0
    if signum == signal.SIGTERM:
        assert writer.returncode == 143, stderr  # SystemExit(128 + SIGTERM), after clean-up
    wait_for(lambda: all(gone(pid) for pid in workers), "the workers to exit", timeout=60)
    assert not out.exists()
    done = ids(partial_path(out))
    assert 2 <= len(done) < 40 and done == [f"a{i:02d}" for i in range(len(done))]
    assert write_summaries(articles, out, progress=False, resume=True) == 40
    assert ids(out) == [f"a{i:02d}" for i in range(40)]
    assert not partial_path(out).exists()
