"""Time axis: active years, growth and discounting (docs/methodology.md, Conventions)."""

import numpy as np
import numpy_financial as npf
from hypothesis import given
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from businesscase.timeline import active_mask, discount_factors, line_amounts


def test_active_years_are_cut_at_the_horizon():
    mask = active_mask(np.array([0, 2, 4]), np.array([2, 10, 1]), 5)
    assert mask.tolist() == [
        [True, True, False, False, False],
        [False, False, True, True, True],
        [False, False, False, False, True],
    ]


def test_growth_counts_from_the_line_start():
    # amount 1000 from t=1 for 3 years at 5% growth: 1000, 1050, 1102.5
    amounts = line_amounts(
        np.array([[1000.0]]), np.array([[0.05]]), np.array([1]), np.array([3]), 5
    )
    assert_allclose(amounts[0, 0], [0, 1000, 1050, 1102.5, 0])


def test_year_zero_is_not_discounted_and_matches_numpy_financial():
    flows = np.array([-100.0, 50.0, 60.0])
    pv = float(flows @ discount_factors(np.array([0.1]), 3)[0])
    # -100 + 50/1.1 + 60/1.21 = -100 + 45.4545 + 49.5868 = -4.9587
    assert_allclose(pv, -4.958677685950413)
    assert_allclose(pv, npf.npv(0.1, flows))


def test_excel_npv_convention_differs_by_one_period():
    # Excel =NPV(10%, -100, 50, 60) discounts the first cell: -4.5079; ours is Excel * 1.1,
    # i.e. =B2 + NPV(r, C2:D2).
    flows = np.array([-100.0, 50.0, 60.0])
    ours = float(flows @ discount_factors(np.array([0.1]), 3)[0])
    excel_npv = sum(v / 1.1 ** (i + 1) for i, v in enumerate(flows))
    assert_allclose(excel_npv, -4.507888805409466)
    assert_allclose(ours, excel_npv * 1.1)
    assert_allclose(ours, flows[0] + sum(v / 1.1 ** (i + 1) for i, v in enumerate(flows[1:])))


@given(
    rate=st.floats(-0.5, 1.0),
    values=st.lists(st.floats(-1e7, 1e7), min_size=1, max_size=30),
    scale=st.floats(-100, 100),
)
def test_present_value_is_linear(rate, values, scale):
    flows = np.array(values)
    factors = discount_factors(np.array([rate]), len(values))[0]
    assert_allclose((scale * flows) @ factors, scale * (flows @ factors), rtol=1e-9, atol=1e-6)


@given(values=st.lists(st.floats(-1e7, 1e7), min_size=1, max_size=30))
def test_rate_zero_present_value_is_the_plain_sum(values):
    factors = discount_factors(np.array([0.0]), len(values))[0]
    assert_allclose(np.array(values) @ factors, sum(values), rtol=1e-9, atol=1e-6)
