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


@pytest.fixture(scope="session", autouse=True)
def compiled_kernels():
    """The simulation's compiled kernels, in their cache before the first test runs.

    A fresh clone has none: the first simulation compiles them (half a minute to a minute on a
    busy 2-core machine, docs/uncertainty.md), which would land in whichever test simulates
    first and eat that test's time limit (an app test waits at most 30 to 120 s). Two small
    simulations fill the cache once: an example without projects (the fused kernel, a
    contract) and the BoTu programme (its projects, a nominal contract with a return cap).
    From the cache this takes about a second.
    """
    from businesscase import examples
    from businesscase.uncertainty import simulate

    for name in ("west_practice", "botu_programma"):
        simulate(examples.load_example(name), 50, seed=0)
