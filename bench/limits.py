"""Peak memory against the memory budget: ``python3 bench/limits.py [CASE ...]``.

Each case runs in a fresh Python process, which reports its wall time and its peak resident
memory (``ru_maxrss``, after imports and before the work as ``baseline_mb``):

- ``simulate-bench``: ``simulate`` of 100,000 draws of ``scenarios/botu_programma.toml``;
- ``simulate-most``: ``simulate`` of the most draws ``botu_programma`` allows
  (:func:`businesscase.limits.max_draws`);
- ``evaluate-big``: ``evaluate`` of the largest scenario (:func:`big_scenario`: 3,000 lines,
  the most a scenario may have, over the longest horizon, 200 years);
- ``simulate-big``: ``simulate`` of 1,000 draws of it (13 draws at a time per thread; it
  takes minutes);
- ``sweep-most``: ``sweep`` of 1,000 x 1,000 variations of ``west_practice`` (the most points
  a sweep allows).

The budget (1 GiB of working arrays, ``docs/uncertainty.md``) covers the arrays of the
calculation; the peak adds the interpreter and its libraries (the baseline) and, for
``evaluate``, the tidy flow table of the result (one row per line, year and stakeholder).
The machine is shared: run it when it is quiet.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from measure import in_child, peak_mb  # noqa: E402

from businesscase import evaluate, limits  # noqa: E402
from businesscase.batch import sweep  # noqa: E402
from businesscase.examples import load_example  # noqa: E402
from businesscase.scenario import Scenario, scenario_from_dict  # noqa: E402
from businesscase.uncertainty import simulate  # noqa: E402

BIG_LINES = 1_000
"""Lines per section of :func:`big_scenario`."""

BIG_YEARS = 200
"""Horizon of :func:`big_scenario`: the longest allowed [years]."""


def big_scenario() -> Scenario:
    """3,000 lines over 200 years, the longest horizon: 1,000 lines in each of three sections.

    1,000 costs, 1,000 outcomes and 997 avoided costs, each active all 200 years (costs with
    growth, outcomes lasting 200 years with drop-off and an uncertain proxy), one subsidy and
    two stakeholders (the format counts them too).
    Numbers are illustrative.
    """
    years = BIG_YEARS
    data = {
        "scenario": {
            "name": "Groot: 3.000 regels, 200 jaar",
            "start_year": 2027,
            "horizon_years": years,
        },
        "stakeholders": [
            {"id": "gemeente", "name": "Gemeente", "kind": "public"},
            {"id": "bewoners", "name": "Bewoners", "kind": "residents"},
        ],
        "costs": [
            {"name": f"Kosten {i}", "amount": 1_000.0 + i, "duration": years, "growth": 0.01}
            for i in range(BIG_LINES)
        ],
        "outcomes": [
            {
                "name": f"Effect {i}",
                "quantity": 10.0,
                "proxy": {"dist": "triangular", "low": 50.0, "mode": 100.0, "high": 150.0},
                "value_type": "social",
                "deadweight": 0.2,
                "drop_off": 0.1,
                "duration": years,
                "lasts": years,
                "beneficiaries": {"bewoners": 1.0},
            }
            for i in range(BIG_LINES)
        ],
        "avoided_costs": [
            {
                "name": f"Vermeden zorg {i}",
                "bearer": "gemeente",
                "incidents": 20.0,
                "reduction": 0.1,
                "unit_cost": 2_500.0,
                "probability": 0.8,
                "value_type": "fiscal",
                "duration": years,
            }
            for i in range(BIG_LINES - 3)  # with the subsidy and 2 stakeholders: 3,000
        ],
        "funding": [
            {
                "name": "Subsidie",
                "funder": "gemeente",
                "kind": "subsidy",
                "amount": 1e7,
                "duration": years,
            }
        ],
    }
    return scenario_from_dict(data, source="big")


def run_case(case: str) -> dict[str, float]:
    """The work of one case; returns what it did besides time and memory."""
    if case == "simulate-bench":
        scenario = load_example("botu_programma")
        simulate(scenario, 100_000, seed=1)
        return {"draws": 100_000, "chunk": limits.chunk_size(scenario, 2)}
    if case == "simulate-most":
        scenario = load_example("botu_programma")
        most = limits.max_draws(scenario)
        simulate(scenario, most, seed=1)
        return {"draws": most}
    if case == "sweep-most":
        grid = {
            "outcomes[0].proxy": np.linspace(8_000.0, 24_000.0, 1_000),
            "costs[0].amount": np.linspace(30_000.0, 90_000.0, 1_000),
        }
        return {"points": len(sweep(load_example("west_practice"), grid))}
    scenario = big_scenario()
    if case == "evaluate-big":
        return {"flow_rows": len(evaluate(scenario).flows)}
    if case == "simulate-big":
        simulate(scenario, 1_000, seed=1)
        return {"draws": 1_000, "chunk": limits.chunk_size(scenario, 2)}
    raise SystemExit(f"unknown case {case!r}")


def child(case: str) -> None:
    """In a fresh process: one case, its wall time and the process's peak memory."""
    before = peak_mb()
    started = time.perf_counter()
    figures = run_case(case)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb(), "baseline_mb": before} | figures))


CASES = ("simulate-bench", "simulate-most", "evaluate-big", "sweep-most", "simulate-big")


def main(cases: list[str]) -> None:
    print(f"memory budget {limits.MEMORY_BUDGET / 2**20:.0f} MiB of working arrays")
    for case in cases or CASES:
        figures = in_child(__file__, case)
        extra = ", ".join(
            f"{key} {value:,.0f}"
            for key, value in figures.items()
            if key not in ("seconds", "peak_mb", "baseline_mb")
        )
        print(
            f"{case:15} {figures['seconds']:8.1f} s  peak {figures['peak_mb']:6.0f} MB "
            f"(baseline {figures['baseline_mb']:.0f} MB)  {extra}",
            flush=True,
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2])
    else:
        main(sys.argv[1:])
