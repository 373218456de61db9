"""An independent reference for the reforecast (docs/monitoring.md): the plan rewritten as a
scenario in which every reported line is split into one line per year, each carrying the
actual or the plan's own value of that year, then evaluated by the reference of
``reference.py``.

docs/monitoring.md: "The reforecast is the plan with each reported year and line replaced by
its actual"; "Amounts are current euros of their year ... divided by `(1 + inflation) ** t`";
an avoided cost's actual is "the amount avoided before deadweight, displacement, attribution
and drop-off, which still apply"; a loan's actual is "its payout ... its repayments follow as
an annuity of the actual payout".

Only this file's own arithmetic turns a report into lines; no engine code is used. Scenarios
with an impact bond are left out: the bond names its outcome line, which cannot be split.
"""

from __future__ import annotations

import copy

from reference import active_years, base, field, grown

Reports = dict[tuple[str, int], dict[int, float]]
"""Actual values by (section, line index), then year index [current euros; outcomes: count]."""


def reforecast_data(data: dict, reports: Reports) -> dict:
    """The plan ``data`` (TOML-shaped) with the reported lines replaced by per-year lines."""
    data = copy.deepcopy(data)
    settings = data["scenario"]
    horizon = settings["horizon_years"]
    inflation = field(settings, "inflation", 0.0)

    def real(amount: float, t: int) -> float:
        return amount / (1 + inflation) ** t

    for section, split in (
        ("costs", _cost_years),
        ("outcomes", _outcome_years),
        ("avoided_costs", _avoided_years),
        ("value_capture", _capture_years),
        ("funding", _funding_years),
    ):
        lines = []
        for index, line in enumerate(data.get(section, [])):
            reported = reports.get((section, index))
            if reported is None:
                lines.append(line)
            else:
                lines += split(line, reported, horizon, real)
        if section in data:
            data[section] = lines
    return data


def _one_year(line: dict, t: int, drop: tuple[str, ...], **values: object) -> dict:
    """A copy of ``line`` active in year ``t`` only, without growth and the fields in ``drop``."""
    single = {k: v for k, v in line.items() if k not in ("growth", "duration", *drop)}
    return single | {"start": t, "duration": 1} | values


def _yearly(line: dict, reported: dict[int, float], horizon: int, planned, actual) -> dict:
    """Each year's value: the actual (converted) where reported, else the plan's."""
    active = set(active_years(line, horizon))
    values = {t: planned(t) for t in active}
    values |= {t: actual(value, t) for t, value in reported.items()}
    return values


def _cost_years(line: dict, reported: dict[int, float], horizon: int, real) -> list[dict]:
    # methodology.md: a cost line costs `amount * (1+growth)**(t-start)` in an active year
    values = _yearly(line, reported, horizon, lambda t: grown(base(line["amount"]), line, t), real)
    return [_one_year(line, t, (), amount=value) for t, value in sorted(values.items())]


def _outcome_years(line: dict, reported: dict[int, float], horizon: int, real) -> list[dict]:
    # a cohort of `quantity * (1+growth)**(c-start)` outcomes in each active year c; counts
    # are reported as they are
    values = _yearly(
        line,
        reported,
        horizon,
        lambda c: grown(base(line["quantity"]), line, c),
        lambda count, c: count,
    )
    return [_one_year(line, c, (), quantity=value) for c, value in sorted(values.items())]


def _avoided_years(line: dict, reported: dict[int, float], horizon: int, real) -> list[dict]:
    # gross `incidents * reduction * unit_cost * probability * (1+growth)**(t-start)`; the
    # drop-off counts from the line's own start, so a one-year line carries it in its amount
    gross = base(line["incidents"]) * base(line["reduction"]) * base(line["unit_cost"])
    gross *= field(line, "probability", 1.0)
    values = _yearly(line, reported, horizon, lambda t: grown(gross, line, t), real)
    start = line.get("start", 0)
    drop_off = field(line, "drop_off", 0.0)
    return [
        _one_year(
            line,
            t,
            ("drop_off", "probability"),
            incidents=value * (1 - drop_off) ** max(t - start, 0),
            reduction=1.0,
            unit_cost=1.0,
        )
        for t, value in sorted(values.items())
    ]


def _capture_years(line: dict, reported: dict[int, float], horizon: int, real) -> list[dict]:
    # `units * base_value * uplift * capture_share / duration` a year, divided by the price
    # index when nominal
    total = base(line["units"]) * base(line["base_value"]) * base(line["uplift"])
    total *= base(line["capture_share"])
    nominal = line.get("nominal", False)

    def planned(t: int) -> float:
        amount = total / line.get("duration", 1)
        return real(amount, t) if nominal else amount

    values = _yearly(line, reported, horizon, planned, real)
    return [
        _one_year(line, t, ("nominal",), units=1.0, base_value=value, uplift=1.0, capture_share=1.0)
        for t, value in sorted(values.items())
    ]


def _funding_years(line: dict, reported: dict[int, float], horizon: int, real) -> list[dict]:
    start = line.get("start", 0)
    if line["kind"] == "loan":
        # the payout is the actual; a nominal loan's principal is in euros of its start year
        payout = reported[start]
        principal = payout if line.get("nominal", False) else real(payout, start)
        return [line | {"amount": principal, "probability": 1.0}]
    # `amount * (1+growth)**(t-start) * probability`, divided by the price index when nominal
    nominal = line.get("nominal", False)

    def planned(t: int) -> float:
        amount = grown(base(line["amount"]), line, t) * field(line, "probability", 1.0)
        return real(amount, t) if nominal else amount

    values = _yearly(line, reported, horizon, planned, real)
    return [
        _one_year(line, t, ("nominal", "probability"), amount=value)
        for t, value in sorted(values.items())
    ]
