"""Vectorised IRR against hand-worked values and numpy_financial (docs/methodology.md#irr)."""

from fractions import Fraction

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from reference import _roots_at_most as reference_roots_at_most
from reference import irr as reference_irr
from reference import roots_near

from businesscase import fast
from businesscase.irr import irr
from businesscase.kernels.irr import _POINTS, _roots_at_most, irr_of, single_roots

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
        # two sign changes, roots x = 1e-310 and 1e310 (r = 1e310 and -1): no rate, and the
        # companion matrix divides -1e300 by 1e-10 (the compiled form raised an error)
        [1e-10, -1e300, 1e-10],
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


# Roots many orders of magnitude away (docs/methodology.md#irr): the rate of a series whose
# amounts differ by hundreds of orders of magnitude, far beyond 1 or just above -1.

EXTREME = [
    # 1e-133 - 1 / y**2 = 0: y = 10**66.5, r = 10**66.5 - 1 = 3.16e66 (the engine once said
    # 1.6e63: Newton steps from the grid only halved 1 / y, 200 times)
    ([1e-133, 0.0, -1.0], 10**66.5 - 1),
    # y**3 = 1e600: r = 1e200 (1e300 * (1 / y)**3 is 1e-300, while (1 / y)**3 underflows to 0)
    ([1e-300, 0.0, 0.0, -1e300], 1e200),
    # 199 years apart, y**199 = 1e550: r = 10**(550 / 199) - 1 = 579.5
    ([1e-250] + [0.0] * 198 + [-1e300], 10 ** (550 / 199) - 1),
    # money back after 29 years, 1e-300 for 1: y**29 = 1e-300, r = 10**(-300 / 29) - 1
    ([-1.0] + [0.0] * 28 + [1e-300], 10 ** (-300 / 29) - 1),
    ([-1.0] + [0.0] * 198 + [1e-250], 10 ** (-250 / 199) - 1),
    # y = 1e600 is beyond float64: the rate is infinite (and refused as a figure)
    ([1e-300, -1e300], np.inf),
    # y = 1e-600: r = -1 + 1e-600 rounds to -1, no rate > -1
    ([-1e300, 1e-300], np.nan),
]


@pytest.mark.parametrize(("values", "expected"), EXTREME)
def test_roots_orders_of_magnitude_away(values, expected):
    row = np.array([values], dtype=float)
    with fast.compiled():
        compiled = irr(row)[0]
    for found in (irr(row)[0], compiled, irr_of(row[0])):
        if np.isnan(expected) or np.isinf(expected):
            assert found == expected or (np.isnan(found) and np.isnan(expected))
        else:
            # to 12 digits in 1 + r, and to the last bits of r near -1
            assert found == pytest.approx(expected, rel=1e-12, abs=4.5e-16)


def npv_sign(values, growth):
    """The sign of ``sum_t v_t / y**t`` at ``y = growth`` (1 + r), exactly: ``y**n`` times
    it, ``sum_t v_t y**(n - t)``, in integers (floats are ratios of an integer and a power of
    2, so the largest denominator is a multiple of the others)."""
    n = len(values) - 1
    p, q = float(growth).as_integer_ratio()
    ratios = [float(v).as_integer_ratio() for v in values]
    common = max(b for _, b in ratios)
    total = sum(a * (common // b) * p ** (n - t) * q**t for t, (a, b) in enumerate(ratios))
    return (total > 0) - (total < 0)


def assert_rate_is_the_root(values, rate):
    """The reported rate of a series with one sign change is its root: the NPV changes sign
    within 1e-12 of ``1 + r`` around it (plus two units in the last place of r near -1),
    exactly computed; an infinite rate has its root beyond float64, and no rate (NaN) means a
    root within 2**-52 of -1 (where r rounds to -1)."""
    nonzero = [v for v in values if v != 0.0]
    far, near = np.sign(nonzero[0]), np.sign(nonzero[-1])  # the NPV's sign as r -> inf, -1
    if np.isnan(rate):
        assert npv_sign(values, 2.0**-52) in (far, 0)
    elif np.isinf(rate):
        assert npv_sign(values, np.finfo(float).max) in (near, 0)
    else:
        growth = 1.0 + rate
        below = growth * (1 - 1e-12) - 2.0**-51
        above = growth * (1 + 1e-12) + 2.0**-51
        assert npv_sign(values, above) in (far, 0)
        if below > 0:
            assert npv_sign(values, below) in (near, 0)


magnitudes = st.builds(
    lambda mantissa, exponent: mantissa * 10.0**exponent,
    st.floats(1.0, 9.999),
    st.integers(-300, 300),
)


@st.composite
def extreme_single_changes(draw, longest=60):
    """Money out, then money in (or the reverse), of any magnitude, with runs of zeros before
    each amount and after the last: at most ``longest`` years, one sign change."""
    out = draw(st.lists(magnitudes, min_size=1, max_size=4))
    back = draw(st.lists(magnitudes, min_size=1, max_size=4))
    gap = st.integers(0, (longest - 3) // 8 - 1)
    values = []
    for amount in [-a for a in out] + back:
        values += [0.0] * draw(gap) + [amount]
    values += [0.0] * draw(st.integers(0, 3))
    return values if draw(st.booleans()) else [-v for v in values]


@settings(max_examples=300, deadline=None)
@given(values=extreme_single_changes())
def test_rate_at_any_magnitude_is_the_root(values):
    """The NPV at the reported rate is 0: the exact NPV changes sign within 1e-12 of it."""
    row = np.array([values])
    with np.errstate(all="ignore"):
        assert_rate_is_the_root(values, irr(row)[0])
        with fast.compiled():
            assert_rate_is_the_root(values, irr(row)[0])
        assert_rate_is_the_root(values, irr_of(row[0]))


@settings(max_examples=100, deadline=None)
@given(values=extreme_single_changes(longest=201))
def test_rate_over_two_hundred_years_at_any_magnitude_is_the_root(values):
    row = np.array([values])
    with np.errstate(all="ignore"):
        assert_rate_is_the_root(values, irr(row)[0])
        assert_rate_is_the_root(values, irr_of(row[0]))


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(extreme_single_changes(longest=30), min_size=1, max_size=6))
def test_compiled_rates_at_any_magnitude_are_the_numpy_forms(rows):
    width = max(len(row) for row in rows)
    values = np.array([row + [0.0] * (width - len(row)) for row in rows])
    with np.errstate(all="ignore"):
        expected = irr(values)
        assert_same_rates(compiled_irr(values), expected)
        assert_same_rates(np.array([irr_of(row) for row in values]), expected)


# Several sign changes with amounts many orders of magnitude apart (docs/methodology.md#irr):
# in x = 1 / (1 + r) each series is the polynomial sum_t v_t x**t.

SEVERAL_FAR = [
    # 1e-12 - 1e16 x**2 + 1e-21 x**5: the roots x = 1e-14 (r = 1e14 - 1) and, where the last
    # two terms cancel, x**3 = 1e16 / 1e-21 = 1e37 (the first term is 1e-50 of them there):
    # r = 10**(-37 / 3) - 1 = -0.99999999999954, nearer 0. Beside the root 1e14 of 1 / x the
    # companion matrix lost it (the engine said 1e14 - 1).
    ([1e-12, 0.0, -1e16, 0.0, 0.0, 1e-21], 10 ** (-37 / 3) - 1),
    # 1 - 1e300 x + 1e300 x**2 - x**3 vanishes at x = 1 (r = 0) besides x ~ 1e300 and 1e-300;
    # the compiled form's complex companion matrix lost the root 1 (it said 6.7e161)
    ([1.0, -1e300, 1e300, -1.0], 0.0),
    # found by hypothesis against the exact reference: -a + b x - c x**2 + d x**3 with
    # a = 1.31e-185 and d = 3.67e239 vanishes at x = (a / d)**(1 / 3) = 3.3e-142 (b x and c x**2
    # are 1e-126 of a there): r = (d / a)**(1 / 3) - 1 = 3.04e141. a / d = 3.6e-425 is below the
    # smallest float64, so the companion matrix, monic by d, said x**3 = 0 (no rate).
    (
        [
            -1.3135369444126594e-185,
            1.784468581896704e-170,
            -2.768213509502163e-172,
            3.674528980523601e239,
        ],
        3.674528980523601e239 ** (1 / 3) / 1.3135369444126594e-185 ** (1 / 3) - 1,
    ),
    # a + b x - c x**2 + d x**3, a = 4.4e-173, d = 9.0e188: near |x| = (a / d)**(1 / 3) = 3.7e-121
    # the middle terms are 1e-87 of a, so the roots are those of a + d x**3: one negative, two
    # complex, none positive (no rate). With a / d below float64 the companion matrix had the
    # root x = c / d = 4e-208, where the series is a = 4.4e-173, not 0 (the engine said 2.5e207).
    (
        [
            4.4185486906813855e-173,
            4.364189303460244e-207,
            -3.56168431635553e-19,
            9.013505592817618e188,
        ],
        np.nan,
    ),
]


@pytest.mark.parametrize(("values", "expected"), SEVERAL_FAR)
def test_several_sign_changes_far_apart(values, expected):
    row = np.array([values])
    with fast.compiled():
        compiled = irr(row)[0]
    for found in (irr(row)[0], compiled, irr_of(row[0])):
        if np.isnan(expected):
            assert np.isnan(found)
        else:
            assert found == pytest.approx(expected, rel=1e-12, abs=4.5e-16)


def test_a_root_taken_from_one_companion_matrix_is_polished_to_the_last_bits():
    """1e-90, 0, 1e239, 0, 0, 0, -1e260, -2e256, 0, 1e209 (two sign changes; found by hypothesis).
    Times y**9, y = 1 + r: 1e-90 y**9 + 1e239 y**7 - 1e260 y**3 - 2e256 y**2 + 1e209. Near
    y = 1.8e5 the middle three terms are ~3e228 and the ends 1e-43 and 1e209, far below a
    rounding of them, so y**4 = 1e21 + 2e17 / y: y = 1e21 ** (1 / 4) = 177,827.941004 plus 1 /
    4 of 2e17 / 1e21 / y = 2.81e-10 of it, 5.0e-5, well conditioned. The other positive root,
    2e256 y**2 = 1e209 (y = 2.2e-24), rounds to r = -1. One companion matrix (its ends 1e-299
    apart) put x = 1 / y 1.5% off, three Newton steps left it 1e-11 off, within the residual
    that counts as a root; the root is polished to convergence on the whole series now."""
    values = [1e-90, 0.0, 1e239, 0.0, 0.0, 0.0, -1e260, -2e256, 0.0, 1e209]
    y = 1e21**0.25
    for _ in range(3):
        y = (1e21 + 2e17 / y) ** 0.25
    assert y == pytest.approx(177_827.941004 + 5.0e-5, rel=1e-11)
    assert reference_irr(values) == pytest.approx(y - 1.0, rel=4e-16)
    row = np.array([values])
    with fast.compiled():
        compiled = irr(row)[0]
    for found in (irr(row)[0], compiled, irr_of(row[0])):
        assert found == pytest.approx(y - 1.0, rel=4e-16)


def assert_reference_rate(values, rate):
    """``rate`` is the exact reference's (tests/reference.py, in integers): to 1e-12 of
    ``1 + r`` (plus two units in the last place of r near -1); no rate where it has none, or
    an infinite one where the only root is beyond float64 (one sign change)."""
    expected = reference_irr(list(values))
    if expected is None:
        assert np.isnan(rate) or np.isinf(rate)
        if np.isinf(rate):
            assert_rate_is_the_root(values, rate)
    else:
        assert rate == pytest.approx(expected, rel=1e-12, abs=1e-12 * (1 + expected) + 2**-51)


@st.composite
def far_apart_series(draw, longest=12):
    """Amounts from 1e-300 to 1e300 of either sign and zeros, at least one sign change."""
    amount = st.one_of(st.just(0.0), magnitudes, magnitudes.map(lambda a: -a))
    values = draw(st.lists(amount, min_size=2, max_size=longest))
    assume(any(v > 0 for v in values) and any(v < 0 for v in values))
    # A double root (or a cluster) is left out: rounding the amounts moves it by the square
    # root of a rounding, so no float64 method finds it to 12 digits, and where the companion
    # matrix makes it a complex pair it is lost: 1 - x - x**2 + x**3 = (1 - x)**2 (1 + x) has
    # r = 0, the numpy form says -2.9e-10 and irr_of no rate (docs/methodology.md#irr).
    rate = reference_irr(values)
    assume(rate is None or roots_near(values, rate, 1e-6) < 2)
    return values


@settings(max_examples=300, deadline=None)
@given(values=st.one_of(far_apart_series(), far_apart_series(longest=60)))
def test_rate_at_any_magnitude_is_the_exact_references(values):
    """Against the exact reference: several sign changes, any magnitudes, up to 60 years,
    all three forms."""
    row = np.array([values])
    with np.errstate(all="ignore"):
        assert_reference_rate(values, irr(row)[0])
        assert_reference_rate(values, compiled_irr(row)[0])
        assert_reference_rate(values, irr_of(row[0]))


# Several sign changes in a simulation's chunks (docs/methodology.md#irr): where Descartes' rule
# of signs isolates the root nearest r = 0 on each side in one of the grid's brackets, it is
# found as a single one is, compiled, not from a companion matrix in numpy.

SEVERAL_ONE_ROOT_A_SIDE = [
    # 2 - x + 2 x**2 - x**3 = (2 - x)(1 + x**2): x = 2 only, r = -0.5 (three sign changes)
    ([2.0, -1.0, 2.0, -1.0], -0.5),
    # a first or last year netting 1e-9 beside 1,000 out and 600 back twice: its root lies at
    # r ~ 1e12 (or -1 + 1e-12), the rate is that of -100, 60, 60 (hand-worked above) to 1e-11
    ([1e-9, -1000.0, 600.0, 600.0], 0.130662386291807),
    ([-1000.0, 600.0, 600.0, -1e-9], 0.130662386291807),
    # a draw of botu_programma's social net benefits: three sign changes, one root (r < 0)
    (
        [-530751.6295, -1605335.7807, -206263.4541, -184082.0013, -184428.6632]
        + [80978.0376, 27880.2836, 21033.0817, -1836.5556, 758687.5138],
        -0.14213217620002924,
    ),
    # a draw of nabuurschap's: 100,000 out, 15,973.74 back, then 12,756.51 out a year: no root
    ([-100000.0, 15973.7441] + [-12756.5124] * 8, np.nan),
    # -64 (1 - 1.125 x)(1 - 1.375 x): two roots r > 0, 12.5% and 37.5%; (0, 1) in x holds
    # both, its upper half from x = 0.5 too, and so on down to a bracket that holds one
    ([-64.0, 160.0, -99.0], 0.125),
    # found by hypothesis in a plan: 105,531 in, 9.9 million out, then money in every year:
    # roots at r = 93 (the first year's money against the second's) and r = 5.5%
    (
        [105531.017888, -9905262.063588]
        + [104790.166097] * 4
        + [105531.017888] * 3
        + [5167074.207851, 105531.017888, 5167074.207851, 105531.017888, 105531.017888]
        + [5167074.207851, 105531.017888],
        0.05500272068345305,
    ),
]


@pytest.mark.parametrize(("values", "expected"), SEVERAL_ONE_ROOT_A_SIDE)
def test_one_root_a_side_is_found_compiled(values, expected):
    row = np.array([values])
    rate, left = single_roots(row)
    assert not left[0]
    assert rate[0] == pytest.approx(expected, rel=1e-11, nan_ok=True)
    assert_reference_rate(values, rate[0])
    assert_reference_rate(values, irr_of(row[0]))
    assert_same_rates(rate, irr(row))  # the numpy form's companion matrix


@pytest.mark.parametrize(
    "values",
    [
        [1.0, -1.0, -1.0, 1.0],  # (1 - x)**2 (1 + x): a double root at r = 0, NPV(0) = 0
        # roots 10% and 20% (hand-worked above), both rates of the grid: its brackets end
        # where the series is 0
        [-100.0, 230.0, -132.0],
        # (1 - 1.12 x)(1 - 1.13 x): two roots r > 0 in one grid bracket (10% to 15%)
        [1.0, -2.25, 1.2656],
    ],
)
def test_two_roots_in_one_bracket_are_left_to_the_companion_matrix(values):
    rate, left = single_roots(np.array([values]))
    assert left[0] and np.isnan(rate[0])


def integer_coefficients(values):
    """Integers with the signs and ratios of ``values`` (each float is an integer over a power
    of 2): the polynomial the exact reference counts roots of."""
    ratios = [float(v).as_integer_ratio() for v in values]
    common = max(b for _, b in ratios)
    return [a * (common // b) for a, b in ratios]


@settings(max_examples=300, deadline=None)
@given(
    values=st.one_of(far_apart_series(), cash_flows, far_apart_series(longest=40)),
    ends=st.lists(st.integers(0, _POINTS.size - 1), min_size=2, max_size=2, unique=True),
)
def test_descartes_bound_is_the_exact_one(values, ends):
    """The compiled count of sign changes on a bracket of the grid, from two Taylor shifts in
    float64, is the exact one (integers) where it is sure of every sign; where rounding leaves
    some in doubt it is at least the exact one, and 0 or 1 only where that is the number of
    roots. (The bracket is ``(low, low + (high - low))`` with that difference in float64.)"""
    values = np.trim_zeros(np.array(values, dtype=float))
    assume(values.size >= 2)
    low, high = _POINTS[min(ends)], _POINTS[max(ends)]
    room = np.empty((2, values.size))
    bound, sign_start = _roots_at_most(values, values.size, low, high, room[0], room[1])
    assume(bound >= 0)
    polynomial = integer_coefficients(values)
    start = Fraction(low)
    exact = reference_roots_at_most(polynomial, start, start + Fraction(high - low))
    if bound <= 1:
        assert bound == exact
    else:
        assert bound >= exact
    at_start = sum(c * start**k for k, c in enumerate(polynomial))
    assert sign_start == (at_start > 0) - (at_start < 0)


@settings(max_examples=150, deadline=None)
@given(
    costs=st.lists(st.floats(1, 1e6), min_size=1, max_size=5),
    returns=st.lists(positive_cents, min_size=1, max_size=25),
    almost_nothing=st.floats(1e-12, 1e-3),
    at_the_end=st.booleans(),
)
def test_a_year_netting_almost_nothing_at_either_end_keeps_the_exact_rate(
    costs, returns, almost_nothing, at_the_end
):
    """An investment whose first or last year nets a fraction of a cent of the other sign has
    two or three sign changes; its rate nearest 0 is still the exact reference's, compiled."""
    values = [-c for c in costs] + returns
    values = values + [-almost_nothing] if at_the_end else [almost_nothing] + values
    row = np.array([values])
    with np.errstate(all="ignore"):
        assert_reference_rate(values, compiled_irr(row)[0])
        assert_reference_rate(values, irr_of(row[0]))
