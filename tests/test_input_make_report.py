"""``make report``: ARTICLE is data, never a command; paths with spaces and quotes work;
a failed notebook leaves no report behind that looks finished.

The recipe runs for real, in a scratch copy of the project's layout, with stand-ins for
papermill and nbconvert that record their arguments (the real notebooks are slow).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")

PAPERMILL = textwrap.dedent(
    """\
    import pathlib, sys
    args = sys.argv[1:]
    source, output = args[args.index("python3") + 1], args[args.index("python3") + 2]
    flag = args.index("-r")
    assert args[flag + 1] == "article_path", args
    with open("papermill.log", "a", encoding="utf-8") as log:
        log.write(args[flag + 2] + "\\n")
    if "fail" in source:
        sys.exit("the notebook failed")
    pathlib.Path(output).write_text("{}", encoding="utf-8")
    """
)
NBCONVERT = textwrap.dedent(
    """\
    import pathlib, sys
    args = sys.argv[1:]
    notebook = pathlib.Path(args[-1])
    out = pathlib.Path(args[args.index("--output-dir") + 1]) / (notebook.stem + ".html")
    out.write_text("<html>" + notebook.stem + "</html>", encoding="utf-8")
    """
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The Makefile, two notebooks, and a virtual environment of stand-ins."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "notebooks").mkdir()
    for name in ("00_first", "01_second"):
        (tmp_path / "notebooks" / f"{name}.ipynb").write_text("{}")
    for name in ("requirements.lock", "pyproject.toml"):
        (tmp_path / name).write_text("")
        os.utime(tmp_path / name, (1_000_000_000, 1_000_000_000))  # older than the stamp
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    for name, code in (("papermill", PAPERMILL), ("jupyter", NBCONVERT)):
        (bin_dir / name).write_text(f"#!{sys.executable}\n{code}")
        (bin_dir / name).chmod(0o755)
    (tmp_path / ".venv" / ".installed").write_text("")
    return tmp_path


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
    logged = (project / "papermill.log").read_text(encoding="utf-8").splitlines()
    assert logged == [str(project / "articles" / name)] * 2  # absolute, unchanged
    assert sorted(p.name for p in (project / "reports").iterdir()) == [
        "00_first.html",
        "01_second.html",
    ]


def test_absolute_path_and_default(project):
    article = project / "an article.txt"
    article.write_text("An article.\n")
    assert make_report(project, str(article)).returncode == 0
    assert (project / "papermill.log").read_text().splitlines()[0] == str(article)


def test_missing_article_is_one_error_line(project):
    result = make_report(project, "nope.txt")
    assert result.returncode != 0
    assert f"error: {project / 'nope.txt'}: no such file" in result.stderr
    assert not (project / "papermill.log").exists()


def test_failed_notebook_leaves_no_finished_looking_report(project):
    (project / "notebooks" / "02_fail.ipynb").write_text("{}")
    article = project / "a.txt"
    article.write_text("An article.\n")
    (project / "reports").mkdir()
    (project / "reports" / "00_first.html").write_text("the previous report")
    result = make_report(project, str(article))
    assert result.returncode != 0
    # Nothing half-written, nothing new: the previous report is as it was.
    assert [p.name for p in (project / "reports").iterdir()] == ["00_first.html"]
    assert (project / "reports" / "00_first.html").read_text() == "the previous report"
