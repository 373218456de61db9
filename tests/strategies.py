"""Hypothesis strategies for random *valid* scenario dicts (TOML-shaped, as ``tomllib`` returns).

Every section and option of docs/scenario-format.md appears: 1-5 stakeholders of all kinds, horizons
1-30, discount rates including 0 and negative ones, 0-4 lines per section with starts anywhere in
the horizon and durations running past it, outcomes with cohorts that last and drop off, beneficiary
shares that sum to 1, funding of every kind including loans, and an optional SIB with a threshold
that matters and a cap that bites. Optional fields are sometimes left out so the defaults are
exercised too, and some numbers are written as distributions (deterministic evaluation uses their
base values). Magnitudes stay realistic (amounts up to 1e7) so that 1e-6 comparisons mean
something.

The honest-value fields appear too: inflation (also as a distribution) and nominal contracts,
in-kind costs with their provider, capex lines with a life and an owner, harms, transfers, and
additionality and drop-off on avoided costs.

With ``contracts=True`` the outcome contracts are written as real contracts are: one to three
``[[sib]]`` (or a ``[sib]`` with ``[[sib.metrics]]``), each with one to three metrics paid by
one payer or by several payers' shares, capital drawn over some years, a return cap and a
partial guarantee, each sometimes left out.
"""

from __future__ import annotations

from hypothesis import strategies as st

from businesscase.vocabulary import (
    COST_CATEGORIES,
    FUNDING_KINDS,
    STAKEHOLDER_KINDS,
    THEMES,
    VALUE_TYPES,
)

STAKEHOLDER_IDS = ("gemeente", "woonstad", "fonds", "investeerder", "bewoners", "zorg", "bedrijf")

DISTRIBUTIONS = ("triangular", "pert", "uniform", "normal", "lognormal")

MONEY = 1e7
"""The largest amount of money a field gets [EUR]."""


def _floats(low: float, high: float) -> st.SearchStrategy[float]:
    """Floats in [low, high] without the absurdly small ones (1e-300 euro is no amount)."""
    return st.floats(low, high, allow_nan=False, allow_infinity=False).map(
        lambda x: 0.0 if abs(x) < 1e-9 else x
    )


def _with_edges(low: float, high: float, *edges: float) -> st.SearchStrategy[float]:
    """Floats in [low, high], with the edge values drawn often."""
    return st.one_of(st.sampled_from(edges or (low, high)), _floats(low, high))


SHARES = _with_edges(0.0, 1.0, 0.0, 1.0, 0.5)
TINY_RATES = (5e-324, 1e-300, 1e-15, 1e-12, 1e-9)
"""Rates just above 0, where formulas with (1 + r) ** n - 1 lose their digits."""
GROWTH = _with_edges(-0.3, 0.3, 0.0, *TINY_RATES)
DISCOUNT_RATES = _with_edges(-0.2, 0.15, 0.0, 0.0225, -0.01, *TINY_RATES)
LINE_COUNTS = st.sampled_from((0, 1, 2, 3, 4, 1, 2))
"""0-4 lines per section, most often 1 or 2; shrinks towards 0."""
INTEREST_RATES = st.one_of(st.sampled_from((0.0, *TINY_RATES)), _floats(1e-4, 0.15))
INFLATION = _with_edges(-0.05, 0.12, 0.0, 0.02, *TINY_RATES)


def _money(high: float = MONEY) -> st.SearchStrategy[float | int]:
    """An amount in [0, high]; sometimes a TOML integer (accepted in float fields)."""
    return st.one_of(st.just(0.0), _floats(0.0, high), st.integers(0, int(high)), st.just(high))


@st.composite
def _number(draw, values: st.SearchStrategy, low: float, high: float = float("inf")):
    """A value from ``values``, sometimes written as a distribution with that base value.

    ``low`` and ``high`` are the field's valid range: the base value must stay inside it, the
    distribution's support may reach outside (docs/scenario-format.md#rules).
    """
    value = float(draw(values))
    kind = draw(st.sampled_from(("plain",) * 25 + DISTRIBUTIONS))
    spread = draw(_floats(0.01, 0.5)) * max(abs(value), 1.0)
    if kind in ("triangular", "pert"):
        below = spread * draw(_floats(0.0, 1.0))
        return {"dist": kind, "low": value - below, "mode": value, "high": value + spread}
    if kind == "uniform":
        low_end, high_end = value - spread, value + spread
        if low <= (low_end + high_end) / 2 <= high:
            return {"dist": "uniform", "low": low_end, "high": high_end}
    if kind == "normal" or (kind == "lognormal" and value > 0):
        return {"dist": kind, "mean": value, "sd": spread}
    return value


def _share(draw) -> float | dict:
    return draw(_number(SHARES, 0.0, 1.0))


def _amount(draw, high: float = MONEY) -> float | dict:
    return draw(_number(_money(high), 0.0))


def _maybe(draw, line: dict, key: str, value) -> None:
    """Set an optional field, or leave it out so the default applies."""
    if draw(st.booleans()):
        line[key] = value


def _timing(draw, line: dict, horizon: int, *, growth: bool = True) -> None:
    """`start` anywhere in the horizon, `duration` possibly past it, optional `growth`."""
    _maybe(draw, line, "start", draw(st.one_of(st.integers(0, horizon - 1), st.just(horizon - 1))))
    _maybe(draw, line, "duration", draw(st.integers(1, horizon + 5)))
    if growth:
        _maybe(draw, line, "growth", draw(_number(GROWTH, -0.99)))


def _lines(draw, make, horizon: int, ids: list[str]) -> list[dict]:
    return [make(draw, i, horizon, ids) for i in range(draw(LINE_COUNTS))]


def _beneficiaries(draw, ids: list[str]) -> dict[str, float]:
    """Shares that sum to 1: each takes a fraction of what is left, the last takes the rest."""
    chosen = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=len(ids), unique=True))
    shares = {}
    left = 1.0
    for stakeholder in chosen[:-1]:
        shares[stakeholder] = left * draw(SHARES)
        left -= shares[stakeholder]
    shares[chosen[-1]] = max(0.0, 1.0 - sum(shares.values()))
    return shares


def _cost(draw, i: int, horizon: int, ids: list[str]) -> dict:
    line = {
        "name": draw(st.sampled_from(("Coaching", "Rent", "Materials"))),
        "amount": _amount(draw),
    }
    _timing(draw, line, horizon)
    _maybe(draw, line, "category", draw(st.sampled_from(COST_CATEGORIES)))
    if draw(st.booleans()):
        _maybe(draw, line, "in_kind", False)
    elif draw(st.booleans()):
        line["in_kind"] = True
        line["provider"] = draw(st.sampled_from(ids))
    if line.get("category") == "capex" and draw(st.booleans()):
        line["life"] = draw(st.integers(1, 40))
        line["owner"] = draw(st.sampled_from(ids))
    return line


def _outcome(draw, i: int, horizon: int, ids: list[str]) -> dict:
    line = {
        "name": f"Outcome {i}",
        "quantity": draw(_number(_with_edges(0.0, 1000.0, 0.0, 1.0, 40.0), 0.0)),
        "proxy": _amount(draw, 1e5),
        "value_type": draw(st.sampled_from(VALUE_TYPES)),
        "beneficiaries": _beneficiaries(draw, ids),
    }
    for key in ("deadweight", "displacement", "attribution", "drop_off", "cashable_share"):
        _maybe(draw, line, key, _share(draw))
    _maybe(draw, line, "lasts", draw(st.integers(1, 10)))
    _maybe(draw, line, "harm", draw(st.booleans()))
    _maybe(draw, line, "transfer", draw(st.booleans()))
    _maybe(draw, line, "theme", draw(st.sampled_from(THEMES)))
    _maybe(draw, line, "indicator", "residents in work > 6 months")
    _timing(draw, line, horizon)
    return line


def _avoided_cost(draw, i: int, horizon: int, ids: list[str]) -> dict:
    line = {
        "name": draw(st.sampled_from(("Less repair", "Fewer evictions"))),
        "bearer": draw(st.sampled_from(ids)),
        "incidents": draw(_number(_with_edges(0.0, 1000.0, 0.0), 0.0)),
        "reduction": _share(draw),
        "unit_cost": _amount(draw, 1e4),
    }
    _maybe(draw, line, "probability", _share(draw))
    _maybe(draw, line, "value_type", draw(st.sampled_from(VALUE_TYPES)))
    _maybe(draw, line, "cashable_share", _share(draw))
    for key in ("deadweight", "displacement", "attribution", "drop_off"):
        _maybe(draw, line, key, _share(draw))
    _maybe(draw, line, "transfer", draw(st.booleans()))
    _timing(draw, line, horizon)
    return line


def _value_capture(draw, i: int, horizon: int, ids: list[str]) -> dict:
    line = {
        "name": draw(st.sampled_from(("Ground-lease uplift", "Betterment levy"))),
        "units": draw(_number(_with_edges(0.0, 500.0, 0.0), 0.0)),
        "base_value": _amount(draw, 4e5),
        "uplift": draw(_number(_with_edges(0.0, 0.1, 0.0), 0.0)),
        "capture_share": _share(draw),
        "payer": draw(st.sampled_from(ids)),
    }
    _maybe(draw, line, "mechanism", draw(st.sampled_from(("erfpacht", "baatbelasting"))))
    _maybe(draw, line, "nominal", draw(st.booleans()))
    _timing(draw, line, horizon, growth=False)
    return line


def _funding(draw, i: int, horizon: int, ids: list[str]) -> dict:
    kind = draw(st.sampled_from(FUNDING_KINDS))
    line = {
        "name": draw(st.sampled_from(("Fund grant", "City budget", "Bank"))),
        "funder": draw(st.sampled_from(ids)),
        "kind": kind,
        "amount": _amount(draw),
    }
    _maybe(draw, line, "probability", _share(draw))
    _maybe(draw, line, "nominal", draw(st.booleans()))
    if kind == "loan":
        line["interest_rate"] = draw(_number(INTEREST_RATES, 0.0))
        line["term"] = draw(st.integers(1, horizon + 5))
        _maybe(
            draw, line, "start", draw(st.one_of(st.integers(0, horizon - 1), st.just(horizon - 1)))
        )
    else:
        _timing(draw, line, horizon)
    return line


def _sib(draw, horizon: int, ids: list[str], outcomes: list[dict]) -> dict:
    """An SIB on one of the outcome lines, with a threshold near its paid-for counts and a cap
    anywhere from below one payment to far above all of them, or none. An SIB pays for no
    harm: the chosen line becomes a benefit."""
    outcome = draw(st.sampled_from(outcomes))
    outcome.pop("harm", None)
    price = _amount(draw, 5e4)
    sib = {
        "investor": draw(st.sampled_from(ids)),
        "outcome_payer": draw(st.sampled_from(ids)),
        "capital": _amount(draw),
        "outcome": outcome["name"],
        "price": price,
    }
    _maybe(draw, sib, "start", draw(st.integers(0, horizon - 1)))
    quantity = outcome["quantity"]
    typical_count = quantity if isinstance(quantity, float) else 40.0
    threshold = typical_count * draw(_with_edges(0.0, 1.5, 0.0, 1.0))
    _maybe(draw, sib, "threshold", draw(_number(st.just(threshold), 0.0)))
    one_payment = typical_count * (price if isinstance(price, float | int) else 1e4)
    cap = float(one_payment * draw(_with_edges(0.0, 3.0, 0.0, 0.5)))
    _maybe(draw, sib, "cap", draw(_number(st.one_of(st.just(cap), _money()), 0.0)))
    _maybe(draw, sib, "lag", draw(st.integers(0, 3)))
    _maybe(draw, sib, "nominal", draw(st.booleans()))
    return sib


DRAWDOWNS = ([1.0], [0.5, 0.5], [0.25, 0.25, 0.5], [0.2, 0.3, 0.5], [0.0, 1.0], [0.6, 0.4])
"""Drawdown shares that add up to 1 exactly."""
RETURN_CAPS = _with_edges(0.0, 0.3, 0.0, 0.03, 0.06)


def _metric(draw, horizon: int, ids: list[str], outcomes: list[dict]) -> dict:
    """A metric on one of the outcome lines (made a benefit), paid by one or several payers."""
    outcome = draw(st.sampled_from(outcomes))
    outcome.pop("harm", None)
    price = _amount(draw, 5e4)
    metric = {"outcome": outcome["name"], "price": price}
    quantity = outcome["quantity"]
    typical_count = quantity if isinstance(quantity, float) else 40.0
    threshold = typical_count * draw(_with_edges(0.0, 1.5, 0.0, 1.0))
    _maybe(draw, metric, "threshold", draw(_number(st.just(threshold), 0.0)))
    _maybe(draw, metric, "lag", draw(st.integers(0, 3)))
    payers = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True))
    if len(payers) == 1 and draw(st.booleans()):
        metric["payer"] = payers[0]
    else:
        shares = {payer: 1.0 / len(payers) for payer in payers[:-1]}
        shares[payers[-1]] = 1.0 - sum(shares.values())
        metric["payers"] = shares
    return metric


def _contract(draw, number: int, horizon: int, ids: list[str], outcomes: list[dict]) -> dict:
    """An outcome contract as real ones are written (section 9.2 of the format)."""
    bond = {"name": f"Contract {number}", "investor": draw(st.sampled_from(ids))}
    bond["capital"] = _amount(draw)
    drawdown = draw(st.sampled_from([d for d in DRAWDOWNS if len(d) <= horizon]))
    start = draw(st.integers(0, horizon - len(drawdown)))
    _maybe(draw, bond, "start", start)
    if len(drawdown) > 1 or draw(st.booleans()):
        bond["drawdown"] = drawdown
    if bond.get("start", 0) + len(drawdown) > horizon:
        bond.pop("drawdown", None)
    metrics = [_metric(draw, horizon, ids, outcomes) for _ in range(draw(st.integers(1, 3)))]
    bond["metrics"] = metrics
    one = metrics[0]
    if len(metrics) == 1 and "payer" in one and draw(st.booleans()):  # the shorthand
        bond.pop("metrics")
        bond |= {"outcome_payer": one.pop("payer"), **one}
    _maybe(draw, bond, "cap", draw(_number(_money(), 0.0)))
    _maybe(draw, bond, "max_irr", draw(_number(RETURN_CAPS, 0.0)))
    if draw(st.booleans()):
        bond["guarantor"] = draw(st.sampled_from(ids))
        bond["guarantee_share"] = _share(draw)
    _maybe(draw, bond, "nominal", draw(st.booleans()))
    return bond


@st.composite
def scenarios(draw, *, with_sib: bool | None = None, contracts: bool = False) -> dict:
    """A random valid scenario dict; ``with_sib`` forces the `[sib]` table in or out;
    ``contracts`` writes the contracts in the forms of section 9.2 (several, metrics, payers,
    drawdown, return cap, guarantee)."""
    horizon = draw(st.integers(1, 30))
    settings = {
        "name": "Random scenario",
        "start_year": draw(st.integers(2000, 2040)),
        "horizon_years": horizon,
    }
    _maybe(draw, settings, "discount_rate", draw(_number(DISCOUNT_RATES, -0.99)))
    _maybe(draw, settings, "inflation", draw(_number(INFLATION, -0.99)))
    _maybe(
        draw, settings, "themes", draw(st.lists(st.sampled_from(THEMES), unique=True, max_size=3))
    )
    _maybe(draw, settings, "area", "Bospolder-Tussendijken")
    ids = draw(st.lists(st.sampled_from(STAKEHOLDER_IDS), min_size=1, max_size=5, unique=True))
    data = {
        "scenario": settings,
        "stakeholders": [
            {"id": i, "name": i.title(), "kind": draw(st.sampled_from(STAKEHOLDER_KINDS))}
            for i in ids
        ],
        "costs": _lines(draw, _cost, horizon, ids),
        "outcomes": _lines(draw, _outcome, horizon, ids),
        "avoided_costs": _lines(draw, _avoided_cost, horizon, ids),
        "value_capture": _lines(draw, _value_capture, horizon, ids),
        "funding": _lines(draw, _funding, horizon, ids),
    }
    if with_sib is None:
        with_sib = draw(st.booleans())
    if with_sib:
        if not data["outcomes"]:
            data["outcomes"] = [_outcome(draw, 0, horizon, ids)]
        if contracts:
            count = draw(st.integers(1, 3))
            bonds = [_contract(draw, k, horizon, ids, data["outcomes"]) for k in range(count)]
            data["sib"] = bonds if count > 1 or draw(st.booleans()) else bonds[0]
        else:
            data["sib"] = _sib(draw, horizon, ids, data["outcomes"])
    # An empty section may be left out of the file altogether.
    return {key: value for key, value in data.items() if value or draw(st.booleans())}


PROJECT_IDS = ("plein", "buurthuis", "coop")


def _place(draw, line: dict, ids: list[str], used: set[str], *, inflow: bool, pooled) -> None:
    """Give a line a project or leave it to the programme; mark an inflow pooled or not."""
    project = draw(st.sampled_from((*ids, None)))
    if project is not None:
        line["project"] = project
        used.add(project)
    if inflow and pooled:
        line["pooled"] = True
    elif inflow:
        _maybe(draw, line, "pooled", True if project is None else draw(st.booleans()))


@st.composite
def programmes(draw, *, pooled: bool | None = None) -> dict:
    """A random valid scenario with ``[[projects]]``: each line and contract belongs to a
    project or to the programme; inflows of projects earmarked, pooled or left to the default.
    ``pooled=True`` marks every inflow pooled."""
    data = draw(scenarios())
    ids = draw(st.lists(st.sampled_from(PROJECT_IDS), min_size=1, max_size=3, unique=True))
    used: set[str] = set()
    for section in ("costs", "outcomes", "avoided_costs", "value_capture", "funding"):
        for line in data.get(section, []):
            inflow = section in ("value_capture", "funding")
            _place(draw, line, ids, used, inflow=inflow, pooled=pooled)
    bonds = data.get("sib", [])
    for bond in bonds if isinstance(bonds, list) else [bonds]:
        _place(draw, bond, ids, used, inflow=True, pooled=pooled)
    declared = [i for i in ids if i in used]
    if declared:
        data["projects"] = [{"id": i, "name": i.title()} for i in declared]
    return data
