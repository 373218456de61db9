"""Shared test settings and fixtures.

Hypothesis runs derandomised under CI (``CI=true``): the same examples every run, so a red CI
is a real finding that reproduces, not a lucky draw. Locally it explores new examples each run.
"""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parent.parent

settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A fresh folder that sees the repository's scenarios as ``scenarios/``; outputs stay here
    (the examples of the docs run in it)."""
    (tmp_path / "scenarios").symlink_to(REPO / "scenarios", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path
