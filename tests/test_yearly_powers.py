"""Powers by draw and year (businesscase/timeline.py): the discount factors and the price index,
computed once when every draw has the same rate (docs/methodology.md, Conventions)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from businesscase.flows import price_index
from businesscase.timeline import discount_factors, yearly_powers


def test_a_hand_worked_price_index_and_discount_factors():
    """2% inflation: 1, 1.02, 1.0404; 10% discount: 1, 1/1.1, 1/1.21."""
    np.testing.assert_allclose(price_index(np.array([0.02, 0.02]), 3)[1], [1.0, 1.02, 1.0404])
    np.testing.assert_allclose(discount_factors(np.array([0.1] * 3), 3)[2], [1, 1 / 1.1, 1 / 1.21])


@settings(max_examples=60, deadline=None)
@given(
    rate=st.floats(-0.99, 5.0, allow_subnormal=False),
    other=st.floats(-0.99, 5.0, allow_subnormal=False),
    draws=st.integers(1, 5),
    years=st.integers(1, 60),
)
def test_the_powers_are_those_of_each_draw_to_the_bit(rate, other, draws, years):
    """The same rate in every draw or one draw different: every power is the one computed for
    its own draw."""
    exponents = -np.arange(years)
    for bases in (np.full(draws, 1.0 + rate), np.append(np.full(draws, 1.0 + rate), 1.0 + other)):
        found = yearly_powers(bases, exponents)
        expected = np.array([[base**e for e in exponents.astype(float)] for base in bases])
        by_draw = np.stack(
            [bases[d : d + 1, None] ** exponents[None, :] for d in range(bases.size)]
        )
        np.testing.assert_array_equal(found, by_draw[:, 0])
        np.testing.assert_allclose(found, expected, rtol=1e-13)
