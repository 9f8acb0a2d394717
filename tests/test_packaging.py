"""The set-up files agree with each other."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import ROOT

CONDA_ONLY = {"python", "pip"}


def normalise(requirement: str) -> str:
    name = re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject_names(*extras: str) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += project["optional-dependencies"][extra]
    return {normalise(r) for r in requirements}


def environment_names() -> set[str]:
    names = set()
    text = (ROOT / "environment.yml").read_text()
    for line in text.split("\ndependencies:", 1)[1].splitlines():
        match = re.match(r"^\s+- ([A-Za-z0-9_.\-]+)\s*(?:[<>=].*)?$", line)
        if match:
            names.add(normalise(match.group(1)))
    return names - CONDA_ONLY


def lock_versions() -> dict[str, str]:
    versions = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            versions[normalise(name)] = version
    return versions


def test_environment_yml_names_the_same_packages_as_pyproject():
    assert environment_names() == pyproject_names("dev", "dask")


def test_lock_pins_every_dependency_exactly():
    versions = lock_versions()
    missing = pyproject_names("dev", "dask") - versions.keys()
    assert not missing, f"not in requirements.lock: {sorted(missing)}"
    assert all(re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", v) for v in versions.values())
