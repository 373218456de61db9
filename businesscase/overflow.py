"""Numbers too large to compute: every figure is a number of at most 1e300, or null.

The engine computes in float64, whose largest number is about 1.8e308. Valid inputs can go
beyond it: an outcome with a quantity and a proxy of 1e200 each (their product is 1e400), a
cost of 1e308 that grows, a discount rate of -0.9999999 over 200 years (``1 / (1 + r) ** 199``
is 1e1393). numpy then gives ``inf`` or ``nan`` instead of a number. The engine computes with
numpy's overflow warnings silenced (:data:`QUIET`) and then checks the figures
(:func:`check_finite`): when one is larger than :data:`LARGEST` (1e300, which leaves room for
the sums, means and percentiles of a Monte Carlo), infinite, or undefined where the figure
always exists, the scenario is refused with a :class:`TooLargeToComputeError` that names the
field whose numbers are too large (``outcomes[0]: numbers too large to compute: quantity x
proxy ...``). A figure is never reported as null beside figures computed from the same
overflowing numbers (``docs/methodology.md``, "Numbers too large to compute").
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from businesscase.distributions import is_distribution
from businesscase.flows import FlowBlock, Flows
from businesscase.metrics import SCALAR_METRICS, SIB_METRICS, YEAR_METRICS
from businesscase.problems import Message
from businesscase.scenario import NO_VALUE, Problem, Scenario, ScenarioError
from businesscase.timeline import FloatArray

QUIET = {"over": "ignore", "invalid": "ignore"}
"""``np.errstate`` settings of the engine: overflow and undefined results (``inf - inf``) are
left to :func:`check_finite` instead of printing numpy's RuntimeWarning."""

LARGEST = 1e300
"""The largest amount a figure may have [EUR, or the figure's unit]. float64 reaches 1.8e308;
the margin of 1.8e8 lets sums over a million draws or 200 years, means, percentiles and
differences of allowed figures stay within float64."""

LARGEST_TEXT = "1e300"
""":data:`LARGEST` in messages."""

MAY_BE_NULL: frozenset[str] = frozenset(
    {
        "sroi_ratio",
        "net_sroi_ratio",
        "social_irr",
        "subsidy_dependence",
        "public_dependence",
        "largest_funder_share",
        "funder_hhi",
        "sib_investor_irr",
        "sib_money_multiple",
        "sib_breakeven_share",
    }
)
"""Figures that are null where they have no value (no IRR, a zero denominator); the other
figures always have one (the SIB figures only when the scenario has a SIB)."""

PRODUCTS: dict[str, str] = {
    "costs": "amount x (1 + growth)^t",
    "outcomes": "quantity x proxy x (1 + growth)^t",
    "avoided_costs": "incidents x reduction x unit_cost x probability x (1 + growth)^t",
    "value_capture": "units x base_value x uplift x capture_share",
    "funding": "amount x (1 + growth)^t x probability",
    "loans": "amount x probability and its repayments at interest_rate",
    "sib": "capital, and price x paid-for outcomes",
}
"""Per section, the numbers multiplied into a line's yearly amount, for the message."""


class TooLargeToComputeError(ScenarioError):
    """A scenario whose numbers go beyond what float64 holds; names the field that overflows.

    ``draws``, when set, tells per draw whether its figures overflowed (a boolean array), so
    that a batch or sweep can keep the figures of the other draws.
    """

    draws: np.ndarray | None = None


def check_finite(scenario: Scenario, flows: Flows, figures: Mapping[str, FloatArray]) -> None:
    """Refuse figures that overflowed; name the field whose numbers are too large.

    Parameters
    ----------
    scenario : Scenario
        The scenario evaluated.
    flows : Flows
        Its flows for D draws.
    figures : mapping of str to array
        :func:`businesscase.metrics.compute_metrics` of the flows.

    Raises
    ------
    TooLargeToComputeError
        When a figure is infinite, or NaN although it always has a value; the problem names
        the line and the numbers multiplied, the discount rate, or the sum that overflowed.
    """
    numbers = np.array([np.asarray(figures[name], dtype=float) for name in SCALAR_METRICS])
    bad = overflowing(numbers, figures["cash_balance"].T, bool(flows.contracts))
    if not bad.any():
        return
    with np.errstate(**QUIET):
        problem = _culprit(scenario, flows, bad)
    error = TooLargeToComputeError(scenario.settings.name, [problem])
    error.draws = bad
    raise error


def overflowing(numbers: FloatArray, balance: FloatArray, contracts: bool) -> np.ndarray:
    """Per draw, whether its figures overflowed: a figure or a year's cash balance beyond
    :data:`LARGEST` in size, infinite, or NaN although it always has a value (the figures of
    :data:`MAY_BE_NULL` may be null; years are not checked, nor the outcome-contract figures of
    a scenario without contracts).

    Parameters
    ----------
    numbers : array, shape (len(SCALAR_METRICS), D)
        Every figure per draw, one row each in :data:`SCALAR_METRICS` order.
    balance : array, shape (T, D)
        The cash balance per year and draw [EUR].
    contracts : bool
        Whether the scenario has outcome contracts.

    Returns
    -------
    array of bool, shape (D,)
    """
    rule = RULES[int(contracts)][:, None]
    fits = _within(numbers) | (rule == UNCHECKED) | ((rule == FINITE_OR_NULL) & np.isnan(numbers))
    return ~(fits.all(axis=0) & _within(balance).all(axis=0))


UNCHECKED, FINITE, FINITE_OR_NULL = range(3)
"""What :func:`overflowing` asks of a figure: nothing (the years; the outcome-contract figures
of a scenario without contracts), a number within :data:`LARGEST`, or that or null
(:data:`MAY_BE_NULL`)."""


def _rules(contracts: bool) -> np.ndarray:
    """The rule of each figure of :data:`SCALAR_METRICS`, in its order."""
    unchecked = YEAR_METRICS if contracts else YEAR_METRICS | SIB_METRICS
    return np.array(
        [
            UNCHECKED if name in unchecked else FINITE_OR_NULL if name in MAY_BE_NULL else FINITE
            for name in SCALAR_METRICS
        ],
        dtype=np.int64,
    )


RULES: tuple[np.ndarray, np.ndarray] = (_rules(contracts=False), _rules(contracts=True))
"""The rule of each figure (:data:`UNCHECKED`, :data:`FINITE`, :data:`FINITE_OR_NULL`), in
:data:`SCALAR_METRICS` order, without and with outcome contracts: what :func:`overflowing`
checks, and the compiled figures (:mod:`businesscase.kernels.figures`) as they write them."""


def _culprit(scenario: Scenario, flows: Flows, bad: np.ndarray) -> Problem:
    """The field, line or sum whose numbers overflowed in the ``bad`` draws.

    Looked for from the inputs outwards: a line's yearly amount, the discount factors, a
    line's amounts added up over the years, a section's lines added up, the present values.
    """
    blocks = [(block, block.amounts[bad]) for block in flows.blocks]
    for over_years in (False, True):
        for block, amounts in blocks:
            sums = amounts.sum(axis=2, keepdims=True) if over_years else amounts
            finite = _within(sums).all(axis=(0, 2))
            if not finite.all():
                return Problem(
                    _line_path(scenario, block, int(np.argmin(finite))),
                    NO_VALUE,
                    Message(
                        "too_large_line_years" if over_years else "too_large_line",
                        product=PRODUCTS[_products_key(block)],
                        largest=LARGEST_TEXT,
                    ),
                )
        if not over_years and not _within(flows.discount[bad]).all():
            return _rate_problem(
                scenario,
                Message("too_large_discount", years=flows.horizon_years, largest=LARGEST_TEXT),
            )
    for block, amounts in blocks:
        if not _within(amounts.sum(axis=1)).all() or not _within(amounts.sum()):
            return Problem(
                block.section, NO_VALUE, Message("too_large_section", largest=LARGEST_TEXT)
            )
    if (flows.discount[bad] > 1.0).any():
        return _rate_problem(scenario, Message("too_large_discounted", largest=LARGEST_TEXT))
    return Problem("", NO_VALUE, Message("too_large_totals", largest=LARGEST_TEXT))


def _within(values: FloatArray | float) -> np.ndarray:
    """Whether numbers are at most :data:`LARGEST` in size (False for inf and NaN)."""
    return np.abs(values) <= LARGEST


def _rate_problem(scenario: Scenario, rule: Message) -> Problem:
    """A problem at the discount rate (its value shown when it is a number)."""
    rate = scenario.settings.discount_rate
    return Problem("scenario.discount_rate", NO_VALUE if is_distribution(rate) else rate, rule)


def _line_path(scenario: Scenario, block: FlowBlock, index: int) -> str:
    """The path of line ``index`` of ``block`` in the scenario (``funding[3]``, ``sib``)."""
    if block.section == "sib":
        return "sib"
    if block.section != "funding":
        return f"{block.section}[{index}]"
    loans = _products_key(block) == "loans"
    positions = [
        position for position, line in enumerate(scenario.funding) if (line.kind == "loan") == loans
    ]
    return f"funding[{positions[index]}]"


def _products_key(block: FlowBlock) -> str:
    """The key of :data:`PRODUCTS` for a block: its section, ``loans`` for loan blocks."""
    if block.section == "funding" and (block.flow == "repayment" or "loan" in block.kinds):
        return "loans"
    return block.section
