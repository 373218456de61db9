"""The compiled kernels (businesscase/kernels/) against their numpy formulas: one formula, one
fast form of it (docs/uncertainty.md, "Speed")."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from businesscase import examples, fast, kernels, outcomes, timeline
from businesscase.kernels import compiling
from businesscase.parameters import uncertain_inputs
from businesscase.sampling import sample_inputs
from businesscase.uncertainty import run_draws, simulate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from synthetic import synthetic_scenario  # noqa: E402

RTOL = 1e-12


@st.composite
def shapes(draw):
    """Draws, lines and years, and per line or per draw and line whole years."""
    draws, lines, years = draw(st.integers(1, 6)), draw(st.integers(1, 5)), draw(st.integers(1, 40))
    per_draw = draw(st.booleans())
    shape = (draws, lines) if per_draw else (lines,)
    return draws, lines, years, shape


def floats(shape, low, high):
    """Arrays of normal floats: a relative tolerance says nothing about subnormal numbers."""
    return hnp.arrays(np.float64, shape, elements=st.floats(low, high, allow_subnormal=False))


@settings(max_examples=60, deadline=None)
@given(data=st.data(), sizes=shapes())
def test_line_amounts_compiled_equal_the_numpy_formula(data, sizes):
    draws, lines, years, shape = sizes
    amount = data.draw(floats((draws, lines), 0.0, 1e7))
    growth = data.draw(floats((draws, lines), -0.9, 0.5))
    start = data.draw(hnp.arrays(np.int64, shape, elements=st.integers(0, years - 1)))
    duration = data.draw(hnp.arrays(np.int64, shape, elements=st.integers(1, years + 3)))
    expected = timeline.line_amounts(amount, growth, start, duration, years)
    found = kernels.line_amounts(amount, growth, start, duration, years)
    np.testing.assert_allclose(found, expected, rtol=RTOL, atol=1e-300)


@settings(max_examples=60, deadline=None)
@given(data=st.data(), sizes=shapes())
def test_outcome_values_compiled_equal_the_numpy_formula(data, sizes):
    draws, lines, years, shape = sizes
    cohorts = data.draw(floats((draws, lines, years), 0.0, 1e4))
    unit_value = data.draw(floats((draws, lines), 0.0, 1e5))
    drop_off = data.draw(floats((draws, lines), 0.0, 1.0))
    lasts = data.draw(hnp.arrays(np.int64, shape, elements=st.integers(1, years + 3)))
    expected = outcomes.outcome_values(cohorts, unit_value, drop_off, lasts)
    found = kernels.outcome_values(cohorts, unit_value, drop_off, lasts)
    np.testing.assert_allclose(found, expected, rtol=RTOL, atol=1e-300)


@settings(max_examples=60, deadline=None)
@given(data=st.data(), sizes=shapes())
def test_adding_lines_compiled_equals_the_numpy_sum(data, sizes):
    draws, lines, years, _ = sizes
    amounts = data.draw(floats((draws, lines, years), -1e7, 1e7))
    chosen = data.draw(hnp.arrays(np.bool_, lines))
    out = data.draw(floats((draws, years), -1e7, 1e7))
    expected = out + amounts[:, chosen].sum(axis=1)
    kernels.add_lines(out, amounts, chosen)
    np.testing.assert_allclose(out, expected, rtol=RTOL, atol=1e-5)


def test_the_hand_worked_examples_of_the_numpy_formulas_hold_compiled():
    found = kernels.line_amounts(
        np.array([[100.0]]), np.array([[0.1]]), np.array([1]), np.array([2]), 4
    )
    np.testing.assert_allclose(found, [[[0.0, 100.0, 110.0, 0.0]]], rtol=RTOL)
    values = kernels.outcome_values(
        np.array([[[10.0, 0, 0, 0]]]), np.array([[1000.0]]), np.array([[0.2]]), np.array([3])
    )
    np.testing.assert_allclose(values, [[[10000.0, 8000.0, 6400.0, 0.0]]], rtol=RTOL)


@pytest.mark.parametrize(
    "scenario", [synthetic_scenario(), examples.load_botu()], ids=["50x30", "botu"]
)
def test_every_figure_of_a_simulation_is_the_numpy_engines(scenario):
    """The whole engine with its hot spots compiled gives the numpy engine's figures: to
    1e-12 of the figure, or of the largest amount where sums of large flows nearly cancel."""
    draws = 400
    horizon = scenario.settings.horizon_years
    values, _ = sample_inputs(uncertain_inputs(scenario), draws, 4, horizon_years=horizon)
    expected = run_draws(scenario, draws, values)
    with fast.compiled():
        found = run_draws(scenario, draws, values)
    scale = max(np.nanmax(np.abs(v)) for k, v in expected.items() if k.startswith("pv_"))
    for name, numbers in expected.items():
        if numbers.dtype == bool:
            assert np.array_equal(found[name], numbers), name
            continue
        tolerance = 1e-12 * scale if not name.endswith(("irr", "ratio", "share")) else 1e-9
        np.testing.assert_allclose(found[name], numbers, rtol=1e-9, atol=tolerance, err_msg=name)


def test_the_numbers_do_not_depend_on_threads_or_chunks():
    scenario = synthetic_scenario()
    one = simulate(scenario, 1_200, seed=2, chunk_size=1_200)
    many = simulate(scenario, 1_200, seed=2, chunk_size=113)
    assert one.draws.equals(many.draws)


def test_importing_the_package_and_evaluating_leave_numba_unloaded():
    """numba is loaded on the first simulation only: not by ``import businesscase``, by
    ``evaluate``, the command line's modules, a tornado, or the app's start page."""
    code = (
        "import sys\n"
        "from streamlit.testing.v1 import AppTest\n"
        "import businesscase, businesscase.cli\n"
        "from businesscase import evaluate, examples\n"
        "from businesscase.uncertainty import sensitivity\n"
        "evaluate(examples.load_botu()); sensitivity(examples.load_example('nabuurschap'))\n"
        f"at = AppTest.from_file({str(ROOT / 'app.py')!r}, default_timeout=60); at.run()\n"
        "assert not at.exception, at.exception\n"
        "print('numba' in sys.modules)\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert loaded.stdout.strip().splitlines()[-1] == "False", loaded.stderr


def test_a_kernel_that_cannot_be_cached_on_disk_is_compiled_in_memory():
    """numba refuses ``cache=True`` where no cache folder can be found (here: a function with
    no source file); the kernel is then compiled in memory, not refused."""
    namespace: dict = {}
    exec("def double(x):\n    return 2.0 * x\n", namespace)  # noqa: S102
    assert compiling.compiled(namespace["double"])(2.5) == 5.0
