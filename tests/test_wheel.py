"""The built wheel and sdist carry every data file, and the installed wheel works on its own.

The wheel is installed (no editable install) into a fresh virtual environment
whose only route to the dependencies is a ``.pth`` file naming this
environment's site-packages; the checkout is neither the working directory nor
on ``sys.path``, so every module and data file comes from the wheel.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED

DATA_FILES = sorted(p.name for p in (ROOT / "analysis" / "data").iterdir() if p.is_file())
MODULES = sorted(
    str(p.relative_to(ROOT))
    for p in (ROOT / "analysis").rglob("*.py")
    if "__pycache__" not in p.parts
)

#: One helper of each module, run inside the fresh environment.
SCRIPT = """
import json, sys
import analysis
from analysis import framing, readability, sentiment, terms
from analysis.corpus import summary_row
article = analysis.load_article(sys.argv[1])
print(json.dumps({
    "package": analysis.__file__,
    "sentences": len(analysis.unnest_sentences(article)),
    "readability": len(readability.readability_table(article, "paragraph")),
    "sentiment": len(sentiment.sentence_sentiment(article)),
    "terms": len(terms.keyness(article)) > 0,
    "quotes": len(framing.unnest_quotes(article)),
    "frames": len(framing.sentence_frames(article)),
    "problem": len(framing.problem_and_remedy(article)) > 0,
    "summary": summary_row(article)["sentences"],
}))
"""


#: What the build reads; a copy of it is built, so no build output lands in the checkout.
SOURCES = ("analysis", "pyproject.toml", "README.md")


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))  # fmt: skip
        else:
            shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(source)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return out


def test_wheel_and_sdist_carry_every_module_and_data_file(dist):
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    in_wheel = set(zipfile.ZipFile(wheel).namelist())
    with tarfile.open(sdist) as archive:
        in_sdist = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for name in DATA_FILES:
        assert f"analysis/data/{name}" in in_wheel, name
        assert f"analysis/data/{name}" in in_sdist, name
    for module in MODULES:
        assert module in in_wheel and module in in_sdist, module


def test_the_installed_wheel_runs_the_cli_and_every_module(dist, tmp_path):
    (wheel,) = dist.glob("*.whl")
    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    ask = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site = Path(subprocess.run([python, "-c", ask], check=True, capture_output=True,
                               text=True).stdout.strip())  # fmt: skip
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--disable-pip-version-check", "--target", str(site), str(wheel)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    unset = ("PYTHONPATH", "NEWS_FRAMING_NLTK_DATA")
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    run = subprocess.run([python, "-c", SCRIPT, str(SEED)], cwd=tmp_path, env=environment,
                         capture_output=True, text=True, timeout=600)  # fmt: skip
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result.pop("package").startswith(str(site))
    assert result == {"sentences": 29, "readability": 14, "sentiment": 29, "terms": True,
                      "quotes": 10, "frames": 29, "problem": True, "summary": 28}  # fmt: skip
    cli = subprocess.run([python, "-m", "analysis", str(SEED), "--json"], cwd=tmp_path,
                         env=environment, capture_output=True, text=True, timeout=600)  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    assert json.loads(cli.stdout)["sentences"] == 28
