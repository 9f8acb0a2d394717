"""``make report``: ARTICLE is data, never a command; paths with spaces and quotes work;
a failed notebook leaves no report behind that looks finished.

The recipe runs for real, in a scratch copy of the project's layout whose ``.venv/bin/python`` is
this interpreter: ``python -m analysis.report`` runs small notebooks of our own with papermill and
nbconvert (the project's notebooks are slow). Each notebook records the ``article_path`` it was
given in ``article.log``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")

#: A notebook cell that records the article_path it was given.
RECORD = (
    'with open("../article.log", "a", encoding="utf-8") as log:\n'
    '    log.write(article_path + "\\n")'
)
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def write_notebook(path: Path, *code: str) -> None:
    """A notebook with a papermill ``parameters`` cell, then ``code`` cells."""
    cells = [nbformat.v4.new_markdown_cell(f"# {path.stem}\n\nA notebook of the test.")]
    cells.append(nbformat.v4.new_code_cell('article_path = ""', metadata={"tags": ["parameters"]}))
    cells += [nbformat.v4.new_code_cell(source) for source in code]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = KERNELSPEC
    nbformat.write(nb, path)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The Makefile, a notebook, and a virtual environment whose python is this one."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "notebooks").mkdir()
    write_notebook(tmp_path / "notebooks" / "00_first.ipynb", RECORD)
    for name in ("requirements.lock", "pyproject.toml"):
        (tmp_path / name).write_text("")
        os.utime(tmp_path / name, (1_000_000_000, 1_000_000_000))  # older than the stamp
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    (bin_dir / "python").chmod(0o755)
    (tmp_path / ".venv" / ".installed").write_text("")
    return tmp_path


def logged(project: Path) -> list[str]:
    return (project / "article.log").read_text(encoding="utf-8").splitlines()


def make_report(project: Path, article: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "report", f"ARTICLE={article}"],
        cwd=project, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    "name",
    [
        "plain.txt",
        "with spaces and 'single' and \"double\" quotes.txt",
        "back`touch pwned_backtick`tick.txt",
        "dollar$(touch pwned_dollar).txt",
        "make$(shell touch pwned_make).txt",
        "semi; touch pwned_semi #.txt",
    ],
)
def test_article_is_data_not_a_command(project, name):
    (project / "articles").mkdir()
    (project / "articles" / name).write_text("An article.\n")
    result = make_report(project, f"articles/{name}")
    assert result.returncode == 0, result.stderr
    assert not list(project.rglob("pwned*"))
    assert logged(project) == [str(project / "articles" / name)]  # absolute, unchanged
    assert sorted(p.name for p in (project / "reports").iterdir()) == [
        "00_first.html",
        "index.html",
        "reader",
    ]
    assert result.stdout.splitlines()[0].startswith("00_first  ")


def test_absolute_path_and_default(project):
    article = project / "an article.txt"
    article.write_text("An article.\n")
    assert make_report(project, str(article)).returncode == 0
    assert logged(project) == [str(article)]


def test_missing_article_is_one_error_line(project):
    result = make_report(project, "nope.txt")
    assert result.returncode != 0
    assert f"error: {project / 'nope.txt'}: no such file" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "article.log").exists()


def test_failed_notebook_leaves_no_finished_looking_report(project):
    write_notebook(project / "notebooks" / "02_fail.ipynb", 'raise RuntimeError("it failed")')
    article = project / "a.txt"
    article.write_text("An article.\n")
    (project / "reports").mkdir()
    (project / "reports" / "00_first.html").write_text("the previous report")
    result = make_report(project, str(article))
    assert result.returncode != 0
    assert "error: 02_fail: cell 3: RuntimeError: it failed" in result.stderr
    assert logged(project) == [str(article)]  # the first notebook ran
    # Nothing half-written, nothing new: the previous report is as it was.
    assert [p.name for p in (project / "reports").iterdir()] == ["00_first.html"]
    assert (project / "reports" / "00_first.html").read_text() == "the previous report"
