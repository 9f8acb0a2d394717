"""Shared fixtures: the seed article and small texts of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

import analysis

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "us_japan_2plus2_security_talks_2024.txt"


@pytest.fixture(scope="session")
def seed() -> analysis.Article:
    return analysis.load_article(SEED)
