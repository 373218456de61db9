"""Outcome values: cohorts, deflators and drop-off (docs/methodology.md)."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from businesscase.outcomes import cohort_sizes, net_unit_value, outcome_values


def value_of(
    quantity,
    proxy,
    deadweight,
    displacement,
    attribution,
    drop_off,
    lasts,
    start,
    duration,
    horizon,
    growth=0.0,
):
    arr = lambda x: np.array([[x]], dtype=float)  # noqa: E731
    cohorts = cohort_sizes(
        arr(quantity), arr(growth), np.array([start]), np.array([duration]), horizon
    )
    unit = net_unit_value(arr(proxy), arr(deadweight), arr(displacement), arr(attribution))
    return outcome_values(cohorts, unit, arr(drop_off), np.array([lasts]))[0, 0]


def test_single_cohort_sroi_guide_example():
    # 40 young people in work, proxy 14,000, deadweight 25%, displacement 10%, attribution 30%:
    # 40 * 14000 * 0.75 * 0.9 * 0.7 = 264,600 in the first year; drop-off 20% for 3 years:
    # 264,600, 211,680, 169,344.
    values = value_of(40, 14000, 0.25, 0.10, 0.30, 0.20, lasts=3, start=0, duration=1, horizon=5)
    assert_allclose(values, [264600.0, 211680.0, 169344.0, 0.0, 0.0])


def test_cohorts_overlap_and_drop_off_over_several_years():
    # 10 outcomes a year in years 1-3 worth 100 each, lasting 2 years, 50% drop-off:
    # t=1: 1000; t=2: 1000 + 500; t=3: 1000 + 500; t=4: 500 (last cohort's 2nd year).
    values = value_of(10, 100, 0, 0, 0, 0.5, lasts=2, start=1, duration=3, horizon=6)
    assert_allclose(values, [0, 1000, 1500, 1500, 500, 0])


def test_growth_scales_quantity_per_cohort_and_values_are_cut_at_the_horizon():
    # 100, 110, 121 outcomes at 1 each, each lasting 3 years without drop-off; horizon 3.
    values = value_of(100, 1, 0, 0, 0, 0, lasts=3, start=0, duration=3, horizon=3, growth=0.1)
    assert_allclose(values, [100, 210, 331])


def test_full_drop_off_leaves_only_the_first_year():
    values = value_of(5, 200, 0, 0, 0, 1.0, lasts=4, start=0, duration=1, horizon=4)
    assert_allclose(values, [1000, 0, 0, 0])


shares = st.floats(0, 1)


@given(
    deadweight=shares,
    displacement=shares,
    attribution=shares,
    drop_off=shares,
    lasts=st.integers(1, 8),
    start=st.integers(0, 5),
    duration=st.integers(1, 8),
)
def test_deadweight_of_one_gives_no_impact(
    deadweight, displacement, attribution, drop_off, lasts, start, duration
):
    for full in ({"deadweight": 1.0}, {"displacement": 1.0}, {"attribution": 1.0}):
        args = {
            "deadweight": deadweight,
            "displacement": displacement,
            "attribution": attribution,
            **full,
        }
        values = value_of(
            50,
            1000,
            drop_off=drop_off,
            lasts=lasts,
            start=start,
            duration=duration,
            horizon=6,
            **args,
        )
        assert np.all(values == 0)


@given(
    quantity=st.floats(0, 1e4),
    proxy=st.floats(0, 1e5),
    scale=st.floats(0, 100),
    drop_off=shares,
    lasts=st.integers(1, 8),
)
def test_value_is_linear_in_quantity_and_proxy(quantity, proxy, scale, drop_off, lasts):
    base = value_of(quantity, proxy, 0.2, 0.1, 0.3, drop_off, lasts, 0, 4, 8)
    scaled = value_of(quantity * scale, proxy, 0.2, 0.1, 0.3, drop_off, lasts, 0, 4, 8)
    assert_allclose(scaled, base * scale, rtol=1e-9, atol=1e-6)


@given(
    drop_off=shares,
    lasts=st.integers(1, 12),
    horizon=st.integers(1, 15),
    start=st.integers(0, 14),
    duration=st.integers(1, 15),
)
def test_matches_a_loop_over_cohorts(drop_off, lasts, horizon, start, duration):
    start = min(start, horizon - 1)
    expected = np.zeros(horizon)
    for c in range(start, min(start + duration, horizon)):
        for t in range(c, min(c + lasts, horizon)):
            expected[t] += 3 * 70 * (1 - drop_off) ** (t - c)
    values = value_of(3, 70, 0, 0, 0, drop_off, lasts, start, duration, horizon)
    assert_allclose(values, expected, rtol=1e-12, atol=1e-9)
