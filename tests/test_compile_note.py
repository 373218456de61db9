"""The Uncertainty page mentions compiling the calculation core only until a server process has
loaded it (:func:`businesscase.fast.loaded`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from businesscase.text import TEXT

ROOT = Path(__file__).resolve().parents[1]


def test_the_kernels_count_as_loaded_after_the_first_simulation_only():
    code = (
        "from businesscase import evaluate, examples, fast\n"
        "from businesscase.uncertainty import simulate\n"
        "scenario = examples.load_example('nabuurschap')\n"
        "evaluate(scenario); print(fast.loaded())\n"
        "simulate(scenario, 50, seed=1); print(fast.loaded())\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert ran.stdout.split() == ["False", "True"], ran.stderr


def test_only_the_first_run_mentions_the_compile_in_both_languages():
    for lang in ("nl", "en"):
        first, later = TEXT["uncertainty_running_first"][lang], TEXT["uncertainty_running"][lang]
        assert first.startswith(later.removesuffix("…"))
        assert "(" in first and "(" not in later
