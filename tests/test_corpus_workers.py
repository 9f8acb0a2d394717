"""Many articles: a worker process that dies costs only the article it held.

Each test runs in a subprocess with a generous timeout, so that a pool that
waits for a dead worker fails the test instead of hanging it. The item that
kills its worker is a test-only stand-in for the analysis, patched in before
the workers start (they are forked from the patched process).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import ROOT

SETUP = """
import json, os, signal, sys
from pathlib import Path
import pandas as pd
from analysis import corpus

ORIGINAL_ANALYZE, ORIGINAL_SUMMARIZE = corpus._analyze_item, corpus._summarize_item

def dying(original):
    def run(item):
        source = item[1]
        text = source.read_text() if isinstance(source, Path) else source or ""
        if "KILL-ME" in text:
            os.kill(os.getpid(), signal.SIGKILL)
        if "EXIT-ME" in text:
            os._exit(3)
        return original(item)
    return run

corpus._analyze_item = dying(ORIGINAL_ANALYZE)
corpus._summarize_item = dying(ORIGINAL_SUMMARIZE)
SHORT = "Talks end\\n\\nTOKYO. Japan and the United States met on Sunday. {}\\n"
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def run(code: str) -> dict:
    result = subprocess.run([sys.executable, "-c", SETUP + textwrap.dedent(code)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_killed_worker_loses_only_its_article():
    found = run("""
        texts = [SHORT.format(i) for i in range(12)]
        texts[3] = SHORT.format("KILL-ME")
        texts[8] = SHORT.format("EXIT-ME")
        frame = pd.DataFrame({"article_id": [f"a{i}" for i in range(12)], "text": texts})
        result = corpus.analyze_many(frame, n_jobs=2, progress=False)
        summary = result.summary
        print(json.dumps({"ids": list(summary["article_id"]),
                          "errors": summary["error"].fillna("").tolist(),
                          "sentences": sorted(set(result.sentences["article_id"]))}))
    """)
    assert found["ids"] == [f"a{i}" for i in range(12)]
    errors = dict(zip(found["ids"], found["errors"], strict=True))
    assert errors.pop("a3").startswith("WorkerError: the worker process analysing this article "
                                       "was killed by SIGKILL (as the system does when memory "
                                       "runs out)")  # fmt: skip
    assert errors.pop("a8").startswith("WorkerError: the worker process analysing this article "
                                       "exited unexpectedly (exit code 3)")  # fmt: skip
    assert set(errors.values()) == {""}
    assert found["sentences"] == sorted(errors)


def test_a_killed_worker_holding_two_files_loses_only_the_one_it_was_analysing(tmp_path):
    for i in range(10):
        marker = "KILL-ME" if i in (2, 3, 7) else str(i)
        (tmp_path / f"a{i}.txt").write_text(f"Talks end\n\nTOKYO. They met on day {marker}.\n")
    out = tmp_path / "out.csv"
    found = run(f"""
        count = corpus.write_summaries({str(tmp_path)!r}, {str(out)!r}, n_jobs=2, progress=False)
        table = pd.read_csv({str(out)!r})
        print(json.dumps({{"ids": list(table["article_id"]),
                          "errors": table["error"].fillna("").str[:12].tolist()}}))
    """)
    assert found["ids"] == [f"a{i}" for i in range(10)]
    failed = {i: error for i, error in zip(found["ids"], found["errors"], strict=True) if error}
    assert failed == dict.fromkeys(["a2", "a3", "a7"], "WorkerError:")


def test_every_article_killing_its_worker_ends_the_run_with_error_rows(tmp_path):
    out = tmp_path / "out.csv"
    found = run(f"""
        frame = pd.DataFrame({{"text": [SHORT.format("KILL-ME")] * 5}})
        count = corpus.write_summaries(frame, {str(out)!r}, n_jobs=2, progress=False)
        table = pd.read_csv({str(out)!r})
        print(json.dumps({{"count": count, "errors": table["error"].str[:12].tolist()}}))
    """)
    assert found == {"count": 5, "errors": ["WorkerError:"] * 5}


def test_workers_that_cannot_start_raise_instead_of_restarting_for_ever():
    found = run("""
        from analysis.errors import WorkerError
        corpus._warm_up = lambda: os._exit(4)
        try:
            corpus.analyze_many(pd.DataFrame({"text": [SHORT] * 4}), n_jobs=2, progress=False)
        except WorkerError as error:
            print(json.dumps({"error": str(error)}))
    """)
    assert found["error"] == ("the worker processes exit before analysing any article: the "
                              "worker process analysing this article exited unexpectedly (exit "
                              "code 4)")  # fmt: skip
