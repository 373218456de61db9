"""Vectorised IRR against hand-worked values and numpy_financial (docs/methodology.md#irr)."""

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from businesscase import fast
from businesscase.irr import irr
from businesscase.kernels.irr import irr_of

HAND_WORKED = [
    ([-100, 110], 0.10),
    ([-100, 60, 60], 0.130662386291807),  # 60x^2 + 60x - 100 = 0, x = 1/(1+r)
    ([0, -100, 0, 121], 0.10),  # leading zero: rate unchanged
    ([-1, 1], 0.0),
    ([100, -50, -60], 0.0639410298049854),  # money in first
    ([-100, 50, 40], -0.0699264745632279),  # 40y^2 + 50y - 100 = 0, y = 1 + r
    ([-100, 230, -132], 0.10),  # two roots, 10% and 20%: the one closest to 0
]


@pytest.mark.parametrize(("values", "expected"), HAND_WORKED)
def test_hand_worked_rates(values, expected):
    assert irr(np.array([values], dtype=float))[0] == pytest.approx(expected, abs=1e-7)


@pytest.mark.parametrize("values", [[1, 2, 3], [-1, 0, 0], [0, 0, 0], [-5, -5]])
def test_no_sign_change_has_no_rate(values):
    assert np.isnan(irr(np.array([values], dtype=float))[0])


def test_no_root_above_minus_one():
    # -1 + 0.5x - x^2 ... with a sign change pattern but no positive real root: -1, 1, -1
    # (x^2 - x + 1 has no real root)
    assert np.isnan(irr(np.array([[-1.0, 1.0, -1.0]]))[0])


# money amounts: whole cents, so that no coefficient is so tiny that numpy_financial's
# np.roots breaks down (a coefficient of 1e-175 makes it return nonsense)
cents = st.integers(-(10**8), 10**8).map(lambda c: c / 100)
positive_cents = st.integers(0, 10**8).map(lambda c: c / 100)
cash_flows = st.lists(cents, min_size=2, max_size=30)


@settings(max_examples=300, deadline=None)
@given(
    costs=st.lists(st.floats(1, 1e6), min_size=1, max_size=5),
    returns=st.lists(positive_cents, min_size=1, max_size=25),
)
def test_agrees_with_numpy_financial_on_investments(costs, returns):
    values = np.array([-c for c in costs] + returns)
    expected = npf.irr(values)
    got = irr(values[None, :])[0]
    if np.isnan(expected):
        assert np.isnan(got)
    else:
        assert got == pytest.approx(expected, rel=1e-7, abs=1e-9)


@settings(max_examples=300, deadline=None)
@given(values=cash_flows)
def test_agrees_with_numpy_financial_where_it_converges(values):
    values = np.array(values)
    expected = npf.irr(values)
    got = irr(values[None, :])[0]
    if not np.isnan(got):
        # the rate is a root: NPV ~ 0 relative to the size of the discounted flows
        discounted = values / (1 + got) ** np.arange(len(values))
        assert abs(discounted.sum()) <= 1e-6 * max(1.0, np.abs(discounted).sum())
    if not np.isnan(expected) and not np.isnan(got):
        assert abs(got) <= abs(expected) * (1 + 1e-9) + 1e-9


def test_many_rows_at_once_equal_one_by_one():
    rng = np.random.default_rng(3)
    values = rng.normal(size=(300, 12)) * 100
    values[:200, :2] -= 400
    together = irr(values)
    apart = np.array([irr(row[None, :])[0] for row in values])
    np.testing.assert_allclose(together, apart, rtol=1e-12, equal_nan=True)


# The compiled IRR of a simulation's chunks (businesscase/kernels/irr.py, docs/uncertainty.md):
# the same rate to 1e-12 and NaN in exactly the same rows.


def compiled_irr(values):
    with fast.compiled():
        return irr(values)


def assert_same_rates(found, expected):
    assert np.array_equal(np.isnan(found), np.isnan(expected))
    np.testing.assert_allclose(found, expected, rtol=1e-12, atol=1e-12, equal_nan=True)


@pytest.mark.parametrize(("values", "expected"), HAND_WORKED)
def test_hand_worked_rates_compiled(values, expected):
    row = np.array(values, dtype=float)
    assert compiled_irr(row[None, :])[0] == pytest.approx(expected, abs=1e-7)
    assert irr_of(row) == pytest.approx(expected, abs=1e-7)


@pytest.mark.parametrize(
    "values",
    [
        [1, 2, 3],
        [-1, 0, 0],
        [0, 0, 0],
        [-5, -5],
        [-1.0, 1.0, -1.0],  # sign changes but no positive real root
        [-1.0, 1e-300],  # r = 1e-300 - 1 rounds to -1: no rate > -1
        [-1e300, 0.0, 2e300],
        [-1e-300, 3e-300],
        [np.nan, -1.0, 2.0],
        [-1.0, np.inf],
    ],
)
def test_edge_rows_compiled_are_the_numpy_forms(values):
    row = np.array([values], dtype=float)
    with np.errstate(all="ignore"):
        expected = irr(row)
        assert_same_rates(compiled_irr(row), expected)
        assert_same_rates(np.array([irr_of(row[0])]), expected)


@settings(max_examples=300, deadline=None)
@given(
    costs=st.lists(st.floats(1, 1e6), min_size=1, max_size=5),
    returns=st.lists(positive_cents, min_size=1, max_size=30),
    scale=st.sampled_from([1e-200, 1.0, 1e200]),
)
def test_compiled_investments_are_the_numpy_forms(costs, returns, scale):
    values = np.array([[-c for c in costs] + returns]) * scale
    assert_same_rates(compiled_irr(values), irr(values))
    assert_same_rates(np.array([irr_of(values[0])]), irr(values))


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(cash_flows.filter(lambda v: len(v) == 12), min_size=1, max_size=8))
def test_compiled_chunks_of_any_series_are_the_numpy_forms(rows):
    """Rows with one sign change are compiled, rows with several take the numpy form's
    companion matrices: NaN in exactly the same rows, the same rates."""
    values = np.array(rows)
    assert_same_rates(compiled_irr(values), irr(values))


@settings(max_examples=200, deadline=None)
@given(values=cash_flows)
def test_one_row_compiled_is_the_numpy_forms_rate(values):
    """``irr_of``, for other compiled loops, with several sign changes too (complex LAPACK
    where numpy has the real one)."""
    row = np.array(values)
    expected = irr(row[None, :])[0]
    found = irr_of(row)
    assert np.isnan(found) == np.isnan(expected)
    if not np.isnan(expected):
        assert found == pytest.approx(expected, rel=1e-12, abs=1e-12)


def test_a_simulations_rates_compiled_are_the_numpy_forms():
    rng = np.random.default_rng(5)
    values = rng.normal(100.0, 60.0, size=(2_000, 30))
    values[:, :3] -= rng.uniform(500.0, 2_000.0, size=(2_000, 1))
    values[:100, 20:] -= 300.0  # some rows with several sign changes
    assert_same_rates(compiled_irr(values), irr(values))


def test_a_tiny_last_entry_does_not_hide_the_root_of_the_large_ones():
    """1.54886e10 in year 1, -542,283.30 in year 17 and 1.5e-72 in year 19: two sign changes.

    The last entry adds a root at r = -1 + 1.7e-39, which rounds to -1 (no rate), and changes
    the other by less than 1e-60: the rate is that of the first two alone, ``(1 + r) ** 16 =
    1.54886e10 / 542,283.30``, so ``r = (542,283.30 / 1.54886e10) ** (1 / 16) - 1 = -0.47336``.
    Made monic by the tiny last entry, the companion matrix lost it (found by hypothesis).
    """
    values = np.zeros(20)
    values[1], values[17], values[19] = 1.54886e10, -542_283.2957963017, 1.5496963648839085e-72
    expected = (542_283.2957963017 / 1.54886e10) ** (1 / 16) - 1
    assert round(expected, 5) == -0.47336
    assert irr(values[None, :])[0] == pytest.approx(expected, rel=1e-12)
    assert irr_of(values) == pytest.approx(expected, rel=1e-12)
    with fast.compiled():
        assert irr(values[None, :])[0] == pytest.approx(expected, rel=1e-12)
