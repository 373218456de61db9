"""A deliberately plain, independent implementation of the contract: the test oracle.

Written from the contract as ``docs/methodology.md`` (formulas, settled readings),
``docs/figures.md`` (what every figure means) and ``docs/scenario-format.md`` (fields, defaults)
state it, without reading the engine. Input is the raw TOML-shaped dict (what ``tomllib`` returns);
output is a dict with every key of docs/figures.md (``cash_balance`` as a list, null as ``None``)
and ``stakeholders`` as a list of row dicts. Plain floats and for-loops over years and cohorts on
purpose: each formula sits under the rule it implements, quoted with the docs page that carries it,
so a reader can check one against the other. The honest-value rules (additionality on avoided
costs, harms, in-kind costs, residual values, transfers, inflation and nominal contracts, public
money) are quoted from the "Honest value" section of docs/methodology.md.
"""

from __future__ import annotations

import math
from fractions import Fraction

from businesscase.vocabulary import CLOSE_TOLERANCE, DEFAULT_DISCOUNT_RATE, SUBSIDY_KINDS

METRIC_KEYS: tuple[str, ...] = (
    "pv_costs",
    "pv_benefits",
    "pv_benefits_fiscal",
    "pv_benefits_economic",
    "pv_benefits_social",
    "npv_social",
    "sroi_ratio",
    "net_sroi_ratio",
    "social_irr",
    "payback_year",
    "pv_financing",
    "cash_balance",
    "min_cash_balance",
    "closes",
    "funding_gap",
    "first_short_year",
    "subsidy_dependence",
    "largest_funder_share",
    "funder_hhi",
    "subsidy_cliff_year",
    "sib_total_payments",
    "sib_investor_irr",
    "sib_money_multiple",
    "sib_payer_net_pv",
    "sib_breakeven_share",
    "value_capture_total",
    "value_capture_pv",
    "loan_outstanding_at_horizon",
    "sib_payments_beyond_horizon",
    "pv_harms",
    "pv_in_kind",
    "pv_residual_value",
    "pv_transfers",
    "public_dependence",
    "sib_guarantee_payments",
    "sib_trimmed_by_return_cap",
)
"""Every figure of docs/figures.md, in the order of that page."""

STAKEHOLDER_COLUMNS: tuple[str, ...] = (
    "pv_benefit",
    "pv_cashable_benefit",
    "pv_paid",
    "pv_received",
    "net_pv",
)
"""The money columns of a stakeholder row (besides ``id`` and ``name``)."""


def base(value: object) -> float:
    """The deterministic value of a number or of a distribution table.

    methodology.md (Conventions): "Deterministic evaluation uses the distribution's base value
    (`mode` for triangular and PERT, `mean` for normal and lognormal, midpoint for uniform)."
    """
    if not isinstance(value, dict):
        return float(value)
    kind = value["dist"]
    if kind in ("triangular", "pert"):
        return float(value["mode"])
    if kind == "uniform":
        return (float(value["low"]) + float(value["high"])) / 2
    if kind in ("normal", "lognormal"):
        return float(value["mean"])
    raise ValueError(f"unknown distribution {kind!r}")


def years(line: dict, name: str, default: int) -> int:
    """A whole-number timing field (``start``, ``duration``, ``lasts``) as evaluated.

    scenario-format.md (Uncertain timing): "Deterministic evaluation uses the base value rounded
    to the nearest whole number, halves up".
    """
    return math.floor(base(line[name]) + 0.5) if name in line else default


def field(line: dict, name: str, default: float) -> float:
    """A numeric field of a line at its base value, or its default when the file leaves it out."""
    return base(line[name]) if name in line else float(default)


def active_years(line: dict, horizon: int) -> range:
    """methodology.md (Conventions): "A line is active in years `start <= t < start + duration`, cut
    at the horizon."

    Defaults (scenario-format.md): "`start` 0 and `duration` 1 for every line".
    """
    start = years(line, "start", 0)
    return range(start, min(start + years(line, "duration", 1), horizon))


def grown(amount: float, line: dict, t: int) -> float:
    """methodology.md (Conventions): "the amount in an active year `t` is `amount * (1 + growth) **
    (t - start)`"."""
    return amount * (1 + field(line, "growth", 0.0)) ** (t - years(line, "start", 0))


def present_value(flow: list[float], rate: float) -> float:
    """methodology.md (Conventions): "A flow in year `t` is discounted by `1 / (1 + discount_rate)
    ** t`"."""
    return sum(amount / (1 + rate) ** t for t, amount in enumerate(flow))


def ratio(numerator: float, denominator: float) -> float | None:
    """methodology.md: "Ratios whose denominator is 0 (...) are null." (exact comparison with 0)

    A ratio too large for a float (a denominator of 1e-311) is null too: api.md wants the metrics
    JSON-safe, and JSON has no infinity.
    """
    if denominator == 0 or not math.isfinite(numerator / denominator):
        return None
    return numerator / denominator


def irr(series: list[float]) -> float | None:
    """methodology.md: "among all real roots r > -1 of the NPV polynomial, the one with the smallest
    |r|; null when the series has no sign change or no such root."

    Exact: in integers, so that no amount is too small or too large beside another. The roots
    nearest ``r = 0`` on either side are isolated by Descartes' rule of signs and narrowed by
    bisection (:func:`_smallest_root_above_one`), nothing like how the engine finds them.
    """
    if not (any(v > 0 for v in series) and any(v < 0 for v in series)):
        return None
    # NPV(r) = sum_t v_t (1+r)**-t. Times (1+r)**n it is the polynomial sum_t v_t y**(n-t) in
    # y = 1 + r, here with integer coefficients (every float is an integer over a power of 2).
    # Trailing zeros only add roots y = 0 (r = -1, excluded), leading ones nothing: drop them.
    values = list(series)
    while values[-1] == 0:
        values.pop()
    while values[0] == 0:
        values.pop(0)
    ratios = [float(v).as_integer_ratio() for v in values]
    common = max(b for _, b in ratios)
    polynomial = [a * (common // b) for a, b in reversed(ratios)]  # index i: coefficient of y**i
    if _sign_at(polynomial, Fraction(1)) == 0:
        return 0.0
    rates = []
    above = _smallest_root_above_one(polynomial)  # the r > 0 nearest 0
    if above is not None:
        rates.append(_rate(above))
    below = _smallest_root_above_one(polynomial[::-1])  # in 1 / y: the r < 0 nearest 0
    if below is not None:
        rates.append(_rate(1 / below))
    # The rule r > -1 is applied to the rate as reported: a root y below 1e-16 gives r = -1.0 in
    # floating point, which is not > -1 (e.g. capital 1 paid back with 1e-17 a year later); a
    # root beyond float64 (y above 1.8e308) has no finite rate either.
    rates = [rate for rate in rates if -1 < rate < math.inf]
    return min(rates, key=abs) if rates else None


def roots_near(series: list[float], rate: float, share: float) -> int:
    """At least the number of roots ``1 + r`` within ``share`` of ``1 + rate`` (Descartes'
    rule of signs: 0 or 1 exactly), for telling a simple root from a multiple one or a
    cluster, whose rate no method in float64 finds to more than about half its digits."""
    values = list(series)
    while values[-1] == 0:
        values.pop()
    ratios = [float(v).as_integer_ratio() for v in values]
    common = max(b for _, b in ratios)
    polynomial = [a * (common // b) for a, b in reversed(ratios)]
    while polynomial[0] == 0:
        polynomial.pop(0)
    growth = Fraction(1 + rate)
    return _roots_at_most(
        polynomial, growth * (1 - Fraction(share)), growth * (1 + Fraction(share))
    )


def _rate(growth: Fraction) -> float:
    """``y - 1`` rounded to float64; infinite beyond its range."""
    try:
        return float(growth - 1)
    except OverflowError:
        return math.inf


def _sign_at(polynomial: list[int], point: Fraction) -> int:
    """The sign of ``sum_i p_i y**i`` at the rational ``y = point``, exactly."""
    p, q = point.numerator, point.denominator
    n = len(polynomial) - 1
    total = sum(c * p**i * q ** (n - i) for i, c in enumerate(polynomial) if c)
    return (total > 0) - (total < 0)


def _roots_at_most(polynomial: list[int], low: Fraction, high: Fraction) -> int:
    """Descartes' rule of signs on ``(low, high)``: the sign changes of the coefficients once
    ``y = low + (high - low) / (1 + t)`` maps the interval onto ``t > 0``. It is at least the
    number of roots inside, of the same parity: no root where it is 0, one where it is 1."""
    n = len(polynomial) - 1
    d = math.lcm(low.denominator, high.denominator)
    a = low.numerator * (d // low.denominator)
    c = high.numerator * (d // high.denominator) - a
    # d**n p(low + (high - low) s) = sum_i p_i (a + c s)**i d**(n - i), by Horner's rule
    shifted = [polynomial[n]]
    for i in range(n - 1, -1, -1):
        product = [a * r for r in shifted] + [0]
        for k, r in enumerate(shifted):
            product[k + 1] += c * r
        product[0] += polynomial[i] * d ** (n - i)
        shifted = product
    # s = 1 / (1 + t): the coefficients reversed, then shifted by 1 (t -> t + 1)
    mapped = shifted[::-1]
    for i in range(n):
        for k in range(n - 1, i - 1, -1):
            mapped[k] += mapped[k + 1]
    signs = [c > 0 for c in mapped if c]
    return sum(first != second for first, second in zip(signs, signs[1:], strict=False))


def _split(low: Fraction, high: Fraction) -> Fraction:
    """A point between ``low`` and ``high``: a power of 2 halfway on the logarithm where they
    are more than a factor 4 apart, the midpoint otherwise."""
    bits_low = low.numerator.bit_length() - low.denominator.bit_length()
    bits_high = high.numerator.bit_length() - high.denominator.bit_length()
    if bits_high - bits_low > 3:
        return Fraction(2) ** ((bits_low + bits_high) // 2)
    return (low + high) / 2


def _smallest_root_above_one(polynomial: list[int]) -> Fraction | None:
    """The smallest root ``y > 1``, to 2**-80 of itself, or None; ``p(1)`` is not 0.

    The intervals (1, 2), (2, 4), (4, 16), (16, 256), ... up to a bound on every root (1 plus
    the largest coefficient over the last, Cauchy's bound) are searched in that order."""
    bound = 2 + max(abs(c) for c in polynomial).bit_length() - abs(polynomial[-1]).bit_length()
    low, exponent = Fraction(1), 1
    while True:
        high = Fraction(2) ** min(exponent, bound)
        root = _smallest_root_in(polynomial, low, high)
        if root is not None:
            return root
        if exponent >= bound:
            return None
        if _sign_at(polynomial, high) == 0:
            return high
        low, exponent = high, 2 * exponent


def _smallest_root_in(polynomial: list[int], low: Fraction, high: Fraction) -> Fraction | None:
    """The smallest root in ``(low, high)`` (``p(low)`` is not 0), or None: Descartes' rule
    of signs on halves, the lower first, until it isolates one root, which is then bisected."""
    count = _roots_at_most(polynomial, low, high)
    if count == 0:
        return None
    if count > 1 and high - low > low * Fraction(1, 2**80):
        middle = _split(low, high)
        root = _smallest_root_in(polynomial, low, middle)
        if root is not None:
            return root
        if _sign_at(polynomial, middle) == 0:
            return middle
        return _smallest_root_in(polynomial, middle, high)
    # one root (or, this narrow, a root of several multiplicity or a cluster of roots)
    sign_low = _sign_at(polynomial, low)
    while high - low > low * Fraction(1, 2**80):
        middle = _split(low, high)
        sign = _sign_at(polynomial, middle)
        if sign == 0:
            return middle
        if sign == sign_low:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def annuity(principal: float, rate: float, term: int) -> float:
    """methodology.md: a loan "is repaid as an annuity (`numpy_financial.pmt`) over `term` years".

    The annuity is the equal yearly payment whose PV at the loan's rate is the principal:
    ``principal / sum((1 + rate) ** -j for j in 1..term)``, which is ``-numpy_financial.pmt(rate,
    term, principal)`` and ``principal * rate / (1 - (1 + rate) ** -term)``. The sum is used here
    because it stays exact at tiny rates, where ``pmt`` loses digits to cancellation (relative
    error 1e-4 at a rate of 1e-12) and returns infinity below about 1e-16; ``test_reference.py``
    checks the agreement with ``pmt`` at ordinary rates.
    """
    return principal / sum((1 + rate) ** -j for j in range(1, term + 1))


def payback_year(net_discounted: list[float]) -> int | None:
    """methodology.md: "the first t from which the cumulative discounted (benefits − costs) stays >=
    0 up to the horizon; null when it is negative in the last year." (exact comparison, contract)
    """
    cumulative = []
    running = 0.0
    for amount in net_discounted:
        running += amount
        cumulative.append(running)
    if cumulative[-1] < 0:
        return None
    year = len(cumulative) - 1
    while year > 0 and cumulative[year - 1] >= 0:
        year -= 1
    return year


class _Ledger:
    """Who pays, benefits and receives what, in PV (figures.md, stakeholder table)."""

    def __init__(self, stakeholders: list[dict]) -> None:
        self.rows = {
            s["id"]: {"id": s["id"], "name": s["name"]} | dict.fromkeys(STAKEHOLDER_COLUMNS, 0.0)
            for s in stakeholders
        }

    def add(self, stakeholder: str, column: str, pv: float) -> None:
        self.rows[stakeholder][column] += pv

    def table(self) -> list[dict]:
        for row in self.rows.values():
            # figures.md: "`net_pv = pv_benefit + pv_received - pv_paid`"
            row["net_pv"] = row["pv_benefit"] + row["pv_received"] - row["pv_paid"]
        return list(self.rows.values())


def outcome_values(outcome: dict, horizon: int) -> list[float]:
    """The net value of one outcome line per year.

    methodology.md: "Each active year c generates a cohort of `quantity` outcomes. Its net value in
    year `t` (for `c <= t < c + lasts`) is `quantity * proxy * (1-deadweight) * (1-displacement) *
    (1-attribution) * (1-drop_off)**(t-c)`. The outcome's value in year t is the sum over cohorts,
    cut at the horizon. (...) `growth` scales `quantity` per cohort."
    methodology.md: "Growth exponents count from the line's own `start` (`quantity *
    (1+growth)**(c-start)` for cohort c)."
    """
    values = [0.0] * horizon
    lasts = years(outcome, "lasts", 1)
    for c in active_years(outcome, horizon):
        quantity = grown(base(outcome["quantity"]), outcome, c)
        for t in range(c, min(c + lasts, horizon)):
            values[t] += (
                quantity
                * base(outcome["proxy"])
                * (1 - field(outcome, "deadweight", 0.0))
                * (1 - field(outcome, "displacement", 0.0))
                * (1 - field(outcome, "attribution", 0.0))
                * (1 - field(outcome, "drop_off", 0.0)) ** (t - c)
            )
    return values


def contracts_of(data: dict) -> list[dict]:
    """scenario-format.md: one `[sib]` table is one contract; `[[sib]]` are several."""
    written = data.get("sib")
    if written is None:
        return []
    return list(written) if isinstance(written, list) else [written]


def metrics_of(bond: dict) -> list[dict]:
    """scenario-format.md: the shorthand on the contract is one metric with one payer."""
    if "metrics" in bond:
        return bond["metrics"]
    metric = {"outcome": bond["outcome"], "price": bond["price"], "payer": bond["outcome_payer"]}
    for name in ("threshold", "lag"):
        if name in bond:
            metric[name] = bond[name]
    return [metric]


def payer_shares(metric: dict) -> dict[str, float]:
    return metric["payers"] if "payers" in metric else {metric["payer"]: 1.0}


def _paid_for_counts(outcome: dict, horizon: int) -> list[tuple[int, float]]:
    """(cohort year, paid-for count): methodology.md "paid-for outcomes count from the outcome
    line's first active year, whatever `sib.start`"; contract: quantity grown, times (1 -
    deadweight)."""
    return [
        (c, grown(base(outcome["quantity"]), outcome, c) * (1 - field(outcome, "deadweight", 0.0)))
        for c in active_years(outcome, horizon)
    ]


def contract_flows(bond: dict, data: dict, horizon: int) -> dict:
    """One contract's money as written, year by year (years beyond the horizon included).

    methodology.md: a metric's payment for cohort c is `price * count` (0 below `threshold`) in
    year `c + lag`; a contract's payment in year y is the sum of its metrics'; in year order,
    `cap` trims the cumulative payments, then `max_irr` stops them where the investor's NPV at
    `max_irr` would pass 0 (the crossing year pays only up to 0); a trimmed year is split over
    the metrics by their untrimmed payments.
    """
    outcomes = {o["name"]: o for o in data.get("outcomes", [])}
    metrics = metrics_of(bond)
    raw: dict[int, list[float]] = {}
    for m, metric in enumerate(metrics):
        for c, count in _paid_for_counts(outcomes[metric["outcome"]], horizon):
            # methodology.md: "a year pays when its paid-for count is >= `threshold`, and then
            # pays for all of them (counts are not rounded)."
            if count >= field(metric, "threshold", 0.0):
                year = c + metric.get("lag", 1)
                raw.setdefault(year, [0.0] * len(metrics))[m] += base(metric["price"]) * count
    capital = base(bond["capital"])
    start = bond.get("start", 0)
    drawdown = {start + k: capital * share for k, share in enumerate(bond.get("drawdown", [1.0]))}
    cap = field(bond, "cap", math.inf)
    paid_so_far = 0.0
    capped = {}
    for year in sorted(raw):
        payment = max(0.0, min(sum(raw[year]), cap - paid_so_far))
        paid_so_far += payment
        capped[year] = payment
    paid = dict(capped)
    if "max_irr" in bond:
        v = 1 / (1 + base(bond["max_irr"]))
        owed = sum(amount * v**t for t, amount in drawdown.items())
        received = 0.0
        for year in sorted(capped):
            allowed = (owed - received) / v**year if v**year > 0 else math.inf
            paid[year] = max(0.0, min(capped[year], allowed))
            received += paid[year] * v**year
    by_metric = {
        year: [
            paid[year] * part / sum(raw[year]) if sum(raw[year]) > 0 else 0.0 for part in raw[year]
        ]
        for year in raw
    }
    return {
        "metrics": metrics,
        "drawdown": drawdown,
        "paid": by_metric,
        "removed": {year: capped[year] - paid[year] for year in capped},
    }


def breakeven_pairs(bond: dict, data: dict, horizon: int) -> list[tuple[int, float, float, float]]:
    """(payment year, count, price, threshold) of every cohort of every metric paid within the
    horizon, in payment-year order."""
    outcomes = {o["name"]: o for o in data.get("outcomes", [])}
    pairs = []
    for metric in metrics_of(bond):
        lag = metric.get("lag", 1)
        for c, count in _paid_for_counts(outcomes[metric["outcome"]], horizon):
            if c + lag < horizon:
                pairs.append(
                    (c + lag, count, base(metric["price"]), field(metric, "threshold", 0.0))
                )
    return sorted(pairs, key=lambda pair: pair[0])


def sib_breakeven_share(bond: dict, data: dict, horizon: int) -> float | None:
    """methodology.md: "`sib_breakeven_share` ranges over all s >= 0 (...): the smallest s at which
    the payments within the horizon reach the capital; null when no s does."

    figures.md: "every year's paid-for count times s, threshold and cap applied". The cap trims in
    time order and payments within the horizon come first, so their total at share s is
    ``min(cap, s * (sum of price * n over the cohorts with s*n >= threshold))``: a step-wise
    linear, non-decreasing function of s. Walk its steps.
    """
    capital = base(bond["capital"])
    if capital <= 0:
        return 0.0  # nothing paid at s = 0 already reaches a zero capital
    if field(bond, "cap", math.inf) < capital:
        return None
    pairs = [(n, price, limit) for _, n, price, limit in breakeven_pairs(bond, data, horizon)]
    pairs = [(n, price, limit) for n, price, limit in pairs if n > 0]
    steps = sorted(limit / n for n, _, limit in pairs)  # the share at which a year starts to pay
    for i, step in enumerate(steps):
        paying = sum(price * n for n, price, limit in pairs if limit / n <= step)
        needed = max(step, capital / paying) if paying > 0 else math.inf
        if i + 1 == len(steps) or needed < steps[i + 1]:
            return needed if math.isfinite(needed) else None  # beyond any float: unreachable
    return None


def sib_breakeven_share_nominal(
    bond: dict, data: dict, horizon: int, inflation: float
) -> float | None:
    """The break-even share of a nominal contract: the smallest s at which the real payments
    within the horizon, ``sum price * s * n / (1+inflation)**year`` with thresholds and cap (as
    written) applied, reach the real drawdowns ``sum capital * d_k / (1+inflation)**(start+k)``.

    Walk the intervals between the shares at which a year starts to pay; inside one, the cap
    binds from ``cap / (cumulative price * n)`` on; between those points the real total is a
    straight line in s, solved for the capital.
    """
    start = bond.get("start", 0)
    capital = sum(
        base(bond["capital"]) * share / (1 + inflation) ** (start + k)
        for k, share in enumerate(bond.get("drawdown", [1.0]))
    )
    if capital <= 0:
        return 0.0
    cap = field(bond, "cap", math.inf)
    years = []
    for year, n, price, threshold in breakeven_pairs(bond, data, horizon):
        if price == 0:
            continue  # pays nothing at any share
        if threshold <= 0:
            switch = 0.0
        elif n > 0:
            switch = threshold / n
        else:
            continue  # never reaches a positive threshold
        years.append((switch, price * n, (1 + inflation) ** -year))

    def real_total(s: float, paying: list[tuple[float, float, float]]) -> float:
        paid, total = 0.0, 0.0
        for _, euros, weight in paying:
            payment = max(0.0, min(s * euros, cap - paid))
            paid += payment
            total += weight * payment
        return total

    switches = sorted({switch for switch, _, _ in years} | {0.0})
    for k, low in enumerate(switches):
        high = switches[k + 1] if k + 1 < len(switches) else math.inf
        paying = [year for year in years if year[0] <= low]  # in year order
        euros = [e for _, e, _ in paying]
        cumulative = [sum(euros[: j + 1]) for j in range(len(euros))]
        binding = [cap / total for total in cumulative if total > 0]
        points = sorted({low} | {b for b in binding if low < b < high})
        for i, a in enumerate(points):
            b = points[i + 1] if i + 1 < len(points) else high
            at_a = real_total(a, paying)
            if at_a >= capital:
                return a
            probe = a + 1.0 if math.isinf(b) else (a + b) / 2
            slope = (real_total(probe, paying) - at_a) / (probe - a)
            if slope > 0:
                crossing = a + (capital - at_a) / slope
                if crossing < b:
                    return crossing
    return None


def reference_evaluate(data: dict) -> dict:
    """Every docs/figures.md figure of one scenario, from its TOML-shaped dict."""
    settings = data["scenario"]
    horizon = settings["horizon_years"]
    rate = field(settings, "discount_rate", DEFAULT_DISCOUNT_RATE)
    ledger = _Ledger(data.get("stakeholders", []))

    def pv(flow: list[float]) -> float:
        return present_value(flow, rate)

    inflation = field(settings, "inflation", 0.0)

    def real(amount: float, t: int, line: dict) -> float:
        """methodology.md: "a nominal line's amount in year t is divided by (1+inflation)**t"."""
        return amount / (1 + inflation) ** t if line.get("nominal", False) else amount

    # --- Society: costs ---------------------------------------------------------------------
    # methodology.md: "Cost of a cost line in year t: `amount * (1+growth)**(t-start)` when active."
    # methodology.md: an in-kind cost is a social cost, no project cash outflow; its PV is paid by
    # its provider. A capex line with a `life` keeps, of the amount spent in year s, the share
    # max(0, 1 - (horizon - s) / life): a benefit of its owner in the last year, economic.
    costs = [0.0] * horizon
    cash_cost_lines = []
    # methodology.md (programme): every cash flow of a line belongs to its project ("" = the
    # programme); an inflow is pooled as marked, by default only on a programme line.
    cash = _Cash(horizon)
    in_kind = [0.0] * horizon
    residual = [0.0] * horizon
    for line in data.get("costs", []):
        flow = [0.0] * horizon
        for t in active_years(line, horizon):
            flow[t] = grown(base(line["amount"]), line, t)
            costs[t] += flow[t]
        if line.get("in_kind", False):
            for t in range(horizon):
                in_kind[t] += flow[t]
            ledger.add(line["provider"], "pv_paid", pv(flow))
        else:
            cash_cost_lines.append(flow)
            cash.outflow(line, flow, cost=True)
        if "life" in line:
            value = sum(
                flow[s] * max(0.0, 1 - (horizon - s) / line["life"]) for s in range(horizon)
            )
            residual[horizon - 1] += value
            ledger.add(line["owner"], "pv_benefit", value / (1 + rate) ** (horizon - 1))

    # --- Society: benefits ------------------------------------------------------------------
    # methodology.md: a harm counts with a minus sign wherever a benefit counts; a transfer line
    # counts in the stakeholder table only, and in pv_transfers (a harm negative).
    benefits = [0.0] * horizon
    harms = [0.0] * horizon
    transfers = [0.0] * horizon
    pv_by_type = {"fiscal": 0.0, "economic": 0.0, "social": 0.0}
    pv_by_type["economic"] += pv(residual)
    for t in range(horizon):
        benefits[t] += residual[t]

    def value_line(values: list[float], line: dict, value_type: str) -> None:
        sign = -1.0 if line.get("harm", False) else 1.0
        if line.get("transfer", False):
            for t in range(horizon):
                transfers[t] += sign * values[t]
            return
        for t in range(horizon):
            benefits[t] += sign * values[t]
            if sign < 0:
                harms[t] += values[t]
        pv_by_type[value_type] += sign * pv(values)

    for outcome in data.get("outcomes", []):
        values = outcome_values(outcome, horizon)
        value_line(values, outcome, outcome["value_type"])
        sign = -1.0 if outcome.get("harm", False) else 1.0
        # methodology.md: "The value is split over `beneficiaries` by their shares;
        # `cashable_share` of it is cashable."
        for stakeholder, share in outcome["beneficiaries"].items():
            ledger.add(stakeholder, "pv_benefit", sign * pv(values) * share)
            cashable = pv(values) * share * field(outcome, "cashable_share", 0.0)
            ledger.add(stakeholder, "pv_cashable_benefit", sign * cashable)

    for line in data.get("avoided_costs", []):
        # methodology.md: "Avoided cost in an active year: `incidents * reduction * unit_cost *
        # probability`, a benefit of `bearer`." Contract: times (1+growth)**(t-start).
        # methodology.md (honest value): times (1-deadweight)(1-displacement)(1-attribution)
        # (1-drop_off)**(t-start).
        flow = [0.0] * horizon
        for t in active_years(line, horizon):
            flow[t] = grown(
                base(line["incidents"])
                * base(line["reduction"])
                * base(line["unit_cost"])
                * field(line, "probability", 1.0),
                line,
                t,
            )
            flow[t] *= (
                (1 - field(line, "deadweight", 0.0))
                * (1 - field(line, "displacement", 0.0))
                * (1 - field(line, "attribution", 0.0))
                * (1 - field(line, "drop_off", 0.0)) ** (t - years(line, "start", 0))
            )
        value_line(flow, line, line.get("value_type", "fiscal"))
        ledger.add(line["bearer"], "pv_benefit", pv(flow))
        cashable = pv(flow) * field(line, "cashable_share", 1.0)
        ledger.add(line["bearer"], "pv_cashable_benefit", cashable)

    pv_costs = pv(costs)
    pv_benefits = pv(benefits)
    # figures.md: "`npv_social` | `pv_benefits - pv_costs`"
    npv_social = pv_benefits - pv_costs
    social_series = [benefits[t] - costs[t] for t in range(horizon)]
    discounted_net = [social_series[t] / (1 + rate) ** t for t in range(horizon)]

    # --- Project cash: inflows and outflows --------------------------------------------------
    # figures.md: "inflows are funding (incl. loan payouts), value capture and SIB capital; outflows
    # are costs and loan repayments."
    inflows = [0.0] * horizon
    outflows = [sum(flow[t] for flow in cash_cost_lines) for t in range(horizon)]
    subsidy_inflows = [0.0] * horizon
    pv_inflow_by_funder: dict[str, float] = {}

    def inflow(funder: str, flow: list[float], line: dict) -> None:
        cash.inflow(line, flow, subsidy=line.get("kind") in SUBSIDY_KINDS)
        for t in range(horizon):
            inflows[t] += flow[t]
        pv_inflow_by_funder[funder] = pv_inflow_by_funder.get(funder, 0.0) + pv(flow)
        ledger.add(funder, "pv_paid", pv(flow))

    value_capture_total = 0.0
    value_capture_pv = 0.0
    for line in data.get("value_capture", []):
        # methodology.md: "`units * base_value * uplift * capture_share`, spread evenly over its
        # active years (...) paid by `payer`". methodology.md: "`total / duration` in each active
        # year, years past the horizon cut; `value_capture_total` is what falls within the horizon."
        total = (
            base(line["units"])
            * base(line["base_value"])
            * base(line["uplift"])
            * base(line["capture_share"])
        )
        flow = [0.0] * horizon
        for t in active_years(line, horizon):
            flow[t] = real(total / years(line, "duration", 1), t, line)
        value_capture_total += sum(flow)
        value_capture_pv += pv(flow)
        inflow(line["payer"], flow, line)

    loan_outstanding = 0.0
    for line in data.get("funding", []):
        flow = [0.0] * horizon
        probability = field(line, "probability", 1.0)
        if line["kind"] == "loan":
            # methodology.md: "A loan pays out `amount * probability` in `start` and is repaid as an
            # annuity (`numpy_financial.pmt`) over `term` years from `start+1`; repayments are
            # project cash outflows (...) (cut at the horizon; the remaining principal at the
            # horizon is reported)."
            principal = base(line["amount"]) * probability
            interest = base(line["interest_rate"])
            payment = annuity(principal, interest, line["term"])
            start = years(line, "start", 0)
            flow[start] = real(principal, start, line)
            owed = principal
            repayments = [0.0] * horizon
            for t in range(start + 1, min(start + 1 + line["term"], horizon)):
                repayments[t] = real(payment, t, line)
                outflows[t] += repayments[t]
                owed = owed * (1 + interest) - payment
            cash.outflow(line, repayments, cost=False)
            # methodology.md: "the expected principal still owed after the repayments in years
            # `start+1 .. horizon_years-1`, undiscounted, summed over loans"
            # methodology.md (honest value): a nominal loan's divided by
            # (1+inflation)**(horizon_years-1)
            loan_outstanding += real(owed, horizon - 1, line)
            # methodology.md: "A lender's `pv_paid` includes the payout and its `pv_received` the
            # repayments within the horizon"
            ledger.add(line["funder"], "pv_received", pv(repayments))
        else:
            # methodology.md: "Funding in an active year: `amount * (1+growth)**(t-start) *
            # probability`, paid by `funder`."
            for t in active_years(line, horizon):
                flow[t] = real(grown(base(line["amount"]), line, t) * probability, t, line)
            if line["kind"] in SUBSIDY_KINDS:
                for t in range(horizon):
                    subsidy_inflows[t] += flow[t]
        inflow(line["funder"], flow, line)

    # methodology.md (outcome contracts): every figure over all contracts; the table per
    # contract. Money of a nominal contract is divided by (1+inflation)**year after the cap, the
    # return cap and the guarantee; ratios are real over real.
    sib_figures = dict.fromkeys(
        (
            "sib_total_payments",
            "sib_investor_irr",
            "sib_money_multiple",
            "sib_payer_net_pv",
            "sib_breakeven_share",
            "sib_payments_beyond_horizon",
            "sib_guarantee_payments",
            "sib_trimmed_by_return_cap",
        )
    )
    contract_rows = []
    bonds = contracts_of(data)
    outcome_lines = {o["name"]: o for o in data.get("outcomes", [])}
    all_payments = [0.0] * horizon
    investor_series = [0.0] * horizon
    counted_value: set[tuple[str, str]] = set()
    payers_value = 0.0
    totals = {"within": 0.0, "beyond": 0.0, "guarantee": 0.0, "removed": 0.0, "drawn": 0.0}
    for bond in bonds:
        flows = contract_flows(bond, data, horizon)

        def real_at(amount: float, year: int, bond: dict = bond) -> float:
            return amount / (1 + inflation) ** year if bond.get("nominal", False) else amount

        drawn = [0.0] * horizon
        for year, amount in flows["drawdown"].items():
            drawn[year] = real_at(amount, year)
        inflow(bond["investor"], drawn, bond)
        payments = [0.0] * horizon
        beyond = 0.0
        within_written = 0.0
        for year, parts in flows["paid"].items():
            for metric, amount in zip(flows["metrics"], parts, strict=True):
                if year < horizon:
                    within_written += amount
                    real_amount = real_at(amount, year)
                    payments[year] += real_amount
                    for payer, share in payer_shares(metric).items():
                        flow = [0.0] * horizon
                        flow[year] = real_amount * share
                        ledger.add(payer, "pv_paid", pv(flow))
                else:
                    beyond += real_at(amount, year)
        removed = sum(real_at(amount, year) for year, amount in flows["removed"].items())
        # methodology.md: in the last year the guarantor pays
        # `guarantee_share * max(0, capital - payments within the horizon)`
        guarantee = [0.0] * horizon
        if "guarantor" in bond:
            shortfall = max(0.0, base(bond["capital"]) - within_written)
            guarantee[-1] = real_at(base(bond["guarantee_share"]) * shortfall, horizon - 1)
            ledger.add(bond["guarantor"], "pv_paid", pv(guarantee))
        ledger.add(bond["investor"], "pv_received", pv(payments) + pv(guarantee))
        series = [payments[t] + guarantee[t] - drawn[t] for t in range(horizon)]
        # sib_payer_net_pv of one contract: each of its payers' cashable value of each line it
        # pays for, once, minus the contract's payments
        own_value = 0.0
        for pair in {(p, m["outcome"]) for m in flows["metrics"] for p in payer_shares(m)}:
            line = outcome_lines[pair[1]]
            share = line["beneficiaries"].get(pair[0], 0.0)
            value = pv(outcome_values(line, horizon)) * share * field(line, "cashable_share", 0.0)
            own_value += value
            if pair not in counted_value:
                counted_value.add(pair)
                payers_value += value
        breakeven = (
            sib_breakeven_share_nominal(bond, data, horizon, inflation)
            if bond.get("nominal", False)
            else sib_breakeven_share(bond, data, horizon)
        )
        contract_rows.append(
            {
                "name": bond.get("name", "SIB"),
                "investor": bond["investor"],
                "capital": base(bond["capital"]),
                "total_payments": sum(payments),
                "payments_beyond_horizon": beyond,
                "guarantee_payment": guarantee[-1],
                "trimmed_by_return_cap": removed,
                "investor_irr": irr(series),
                "money_multiple": ratio(sum(payments) + guarantee[-1], sum(drawn)),
                "breakeven_share": breakeven,
                "payer_net_pv": own_value - pv(payments),
            }
        )
        for t in range(horizon):
            all_payments[t] += payments[t]
            investor_series[t] += series[t]
        totals["within"] += sum(payments)
        totals["beyond"] += beyond
        totals["guarantee"] += guarantee[-1]
        totals["removed"] += removed
        totals["drawn"] += sum(drawn)
    if bonds:
        sib_figures = {
            "sib_total_payments": totals["within"],
            # figures.md: the IRR of −drawdowns + payments + guarantee payments, all contracts
            "sib_investor_irr": irr(investor_series),
            "sib_money_multiple": ratio(totals["within"] + totals["guarantee"], totals["drawn"]),
            "sib_payer_net_pv": payers_value - pv(all_payments),
            # figures.md: one contract's figure; null when there are several
            "sib_breakeven_share": contract_rows[0]["breakeven_share"] if len(bonds) == 1 else None,
            "sib_payments_beyond_horizon": totals["beyond"],
            "sib_guarantee_payments": totals["guarantee"],
            "sib_trimmed_by_return_cap": totals["removed"],
        }

    # --- Project cash: the figures ------------------------------------------------------------
    # figures.md: "`cash_balance` | list: cumulative inflows − outflows at the end of each year"
    cash_balance = []
    running = 0.0
    for t in range(horizon):
        # methodology.md (honest value): "the balance at the end of year t is the sum over s <= t
        # of net_cash_flow_real(s) * (1+inflation)**s" (current euros)
        running += (inflows[t] - outflows[t]) * (1 + inflation) ** t
        cash_balance.append(running)
    projects = data.get("projects", [])
    if projects:
        cash_balance = cash.pooled_balance(inflation)
    min_cash_balance = min(cash_balance)
    # figures.md: "`first_short_year` | first `t` with a balance below -0.005; null when it closes"
    short_years = [t for t in range(horizon) if cash_balance[t] < -CLOSE_TOLERANCE]

    pv_financing = pv(inflows)
    funder_shares = [ratio(amount, pv_financing) for amount in pv_inflow_by_funder.values()]
    # methodology.md (honest value): public_dependence is the PV of inflows whose funder, payer or
    # investor is of kind public over the PV of all inflows
    public = {s["id"] for s in data.get("stakeholders", []) if s["kind"] == "public"}
    pv_public = sum(amount for funder, amount in pv_inflow_by_funder.items() if funder in public)

    return {
        "pv_costs": pv_costs,
        "pv_benefits": pv_benefits,
        "pv_benefits_fiscal": pv_by_type["fiscal"],
        "pv_benefits_economic": pv_by_type["economic"],
        "pv_benefits_social": pv_by_type["social"],
        "npv_social": npv_social,
        # figures.md: "`pv_benefits / pv_costs` (null when `pv_costs` is 0)"
        "sroi_ratio": ratio(pv_benefits, pv_costs),
        # figures.md: "`npv_social / pv_costs`"
        "net_sroi_ratio": ratio(npv_social, pv_costs),
        # figures.md: "IRR of the yearly series benefits − costs"
        "social_irr": irr(social_series),
        "payback_year": payback_year(discounted_net),
        # figures.md: "`pv_financing` | PV of all inflows"
        "pv_financing": pv_financing,
        "cash_balance": cash_balance,
        "min_cash_balance": min_cash_balance,
        # figures.md: "true when `min_cash_balance >= -0.005`"
        "closes": min_cash_balance >= -CLOSE_TOLERANCE,
        # figures.md: "`max(0, -min_cash_balance)`"
        "funding_gap": max(0.0, -min_cash_balance),
        "first_short_year": short_years[0] if short_years else None,
        # figures.md: "PV of `subsidy` and `grant` inflows / PV of all inflows"
        "subsidy_dependence": ratio(pv(subsidy_inflows), pv_financing),
        # figures.md: "the largest single funder's share of PV inflows"; methodology.md: funders are
        # "every stakeholder that brings an inflow (...), its lines added up."
        "largest_funder_share": None if pv_financing == 0 else max(funder_shares),
        # figures.md: "Herfindahl index (sum of squared funder shares of PV inflows)"
        "funder_hhi": None if pv_financing == 0 else sum(s * s for s in funder_shares),
        "subsidy_cliff_year": subsidy_cliff_year(subsidy_inflows, cash_cost_lines),
        "value_capture_total": value_capture_total,
        "value_capture_pv": value_capture_pv,
        "loan_outstanding_at_horizon": loan_outstanding,
        **sib_figures,
        # methodology.md (honest value): the PV of harms (transfers left out) as a positive
        # number, of in-kind costs, of residual values, and of transfer lines (a harm negative)
        "pv_harms": pv(harms),
        "pv_in_kind": pv(in_kind),
        "pv_residual_value": pv(residual),
        "pv_transfers": pv(transfers),
        "public_dependence": ratio(pv_public, pv_financing),
        "stakeholders": ledger.table(),
        "sib_contracts": contract_rows,
        "projects": [cash.project_row(project, data, inflation) for project in projects],
    }


def subsidy_cliff_year(subsidy_inflows: list[float], cost_lines: list[list[float]]) -> int | None:
    """figures.md: "last year with any subsidy or grant inflow + 1, when later years still carry
    costs; else null"; methodology.md: "looks at cost lines only, and is null without any subsidy or
    grant." Contract: L = last t with a subsidy or grant inflow > 0; L + 1 when a cost line has a
    cost > 0 in a year after L.
    """
    subsidy_years = [t for t, amount in enumerate(subsidy_inflows) if amount > 0]
    if not subsidy_years:
        return None
    last = subsidy_years[-1]
    later_costs = any(flow[t] > 0 for flow in cost_lines for t in range(last + 1, len(flow)))
    return last + 1 if later_costs else None


class _Cash:
    """Cash flows per line with their project and pooled flag (methodology.md, programme)."""

    def __init__(self, horizon: int) -> None:
        self.horizon = horizon
        self.lines: list[dict] = []

    def inflow(self, line: dict, flow: list[float], *, subsidy: bool) -> None:
        project = line.get("project", "")
        pooled = line.get("pooled", project == "")
        self.lines.append(
            {"project": project, "pooled": pooled, "in": flow, "out": None, "subsidy": subsidy}
            | {"cost": False}
        )

    def outflow(self, line: dict, flow: list[float], *, cost: bool) -> None:
        """A cash cost line's costs (``cost``) or a loan's repayments."""
        self.lines.append(
            {"project": line.get("project", ""), "in": None, "out": flow, "cost": cost}
        )

    def _cumulative(self, part: str, inflation: float, which: str, pooled: bool | None) -> list:
        """Cumulative current-euro sums of a part's inflows ("in") or outflows ("out"); for
        inflows only the pooled (True), earmarked (False) or all (None) lines."""
        total, out = 0.0, []
        for t in range(self.horizon):
            for line in self.lines:
                if line["project"] != part or line[which] is None:
                    continue
                if pooled is not None and line["pooled"] != pooled:
                    continue
                total += line[which][t] * (1 + inflation) ** t
            out.append(total)
        return out

    def _needs(self, part: str, inflation: float) -> list[float]:
        """C_p(t) - E_p(t): what the part has spent beyond its earmarked money."""
        spent = self._cumulative(part, inflation, "out", None)
        earmarked = self._cumulative(part, inflation, "in", False)
        return [spent[t] - earmarked[t] for t in range(self.horizon)]

    def pooled_balance(self, inflation: float) -> list[float]:
        """methodology.md: b(t) = P(t) - sum_p max(0, C_p(t) - E_p(t)), the programme a part."""
        parts = {line["project"] for line in self.lines} | {""}
        pooled = [0.0] * self.horizon
        for part in parts:
            own = self._cumulative(part, inflation, "in", True)
            pooled = [pooled[t] + own[t] for t in range(self.horizon)]
        balance = []
        for t in range(self.horizon):
            lent = sum(max(0.0, self._needs(part, inflation)[t]) for part in parts)
            balance.append(pooled[t] - lent)
        return balance

    def project_row(self, project: dict, data: dict, inflation: float) -> dict:
        """figures.md, the projects table: one project's own lines, as if it stood alone."""
        part = project["id"]
        alone_in = self._cumulative(part, inflation, "in", None)
        alone_out = self._cumulative(part, inflation, "out", None)
        alone = [alone_in[t] - alone_out[t] for t in range(self.horizon)]
        short = [t for t in range(self.horizon) if alone[t] < -CLOSE_TOLERANCE]
        own = {
            key: [line for line in data.get(key, []) if line.get("project", "") == part]
            for key in ("costs", "outcomes", "avoided_costs", "value_capture", "funding")
        }
        own_figures = reference_evaluate(
            {"scenario": data["scenario"], "stakeholders": data["stakeholders"], **own}
        )
        subsidy = [
            sum(
                line["in"][t]
                for line in self.lines
                if line["project"] == part and line["in"] is not None and line["subsidy"]
            )
            for t in range(self.horizon)
        ]
        cash_costs = [
            line["out"] for line in self.lines if line["project"] == part and line["cost"]
        ]
        return {
            "id": part,
            "name": project["name"],
            "pv_costs": own_figures["pv_costs"],
            "pv_benefits": own_figures["pv_benefits"],
            "sroi_ratio": own_figures["sroi_ratio"],
            "closes_alone": min(alone) >= -CLOSE_TOLERANCE,
            "gap_alone": max(0.0, -min(alone)),
            "first_short_year_alone": short[0] if short else None,
            "pool_needed": max(0.0, *self._needs(part, inflation)),
            "subsidy_cliff_year": subsidy_cliff_year(subsidy, cash_costs),
        }
