"""Benchmark of the engine and the Monte Carlo: ``python bench/run.py``.

Times, on the largest example (``scenarios/botu_programma.toml``) and on a synthetic scenario
of 50 lines over 30 years (:mod:`synthetic`):

- one deterministic ``evaluate`` (median of many runs);
- ``simulate`` with 10,000 and 100,000 draws: wall time (median of 3) and peak memory, each
  size in a fresh subprocess so the peak (``ru_maxrss``) is its own;
- a naive per-draw loop that evaluates draws one by one (Python loops over draws, lines and
  years, ``numpy_financial.npv`` and ``irr`` per draw), timed on a few hundred draws and
  extrapolated linearly to 100,000 draws, and the speed-up of ``simulate`` against it.

Targets (this 2-core machine): evaluate(botu_programma) <= 10 ms; simulate 100,000
draws of the synthetic scenario <= 1.5 s and <= 1 GB; >= 100x the naive loop; simulate 10,000
draws of botu_programma <= 0.3 s. The machine is shared: run it when it is quiet.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
import numpy_financial as npf

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from measure import in_child, median_time, peak_mb  # noqa: E402
from synthetic import synthetic_scenario  # noqa: E402

from businesscase import evaluate, load_scenario  # noqa: E402
from businesscase.examples import example_path  # noqa: E402
from businesscase.parameters import Parameters, compile_parameters, uncertain_inputs  # noqa: E402
from businesscase.sampling import sample_inputs  # noqa: E402
from businesscase.scenario import Scenario  # noqa: E402
from businesscase.uncertainty import simulate  # noqa: E402

NAIVE_DRAWS = 300
"""Draws the naive loop evaluates; its time is extrapolated to 100,000 draws."""


def scenarios() -> dict[str, Scenario]:
    """The two benchmark scenarios by name."""
    return {
        "botu_programma": load_scenario(example_path("botu_programma")),
        "synthetic_50x30": synthetic_scenario(),
    }


def naive_figures(scenario: Scenario, params: Parameters, draw: int) -> tuple[float, ...]:
    """The main figures of one draw the slow way: loops over lines and years, npf per draw.

    Costs, outcomes (cohorts with drop-off), avoided costs, grant-like funding and value
    capture; social NPV and IRR with ``numpy_financial``; the cash balance and whether it
    closes. (No loans or SIB terms: the naive loop is a lower bound on the naive cost.)
    """
    horizon = scenario.settings.horizon_years
    p = {
        section: {k: v[draw] for k, v in fields.items()} for section, fields in params.lines.items()
    }
    costs = [0.0] * horizon
    benefits = [0.0] * horizon
    inflows = [0.0] * horizon
    for i, line in enumerate(scenario.costs):
        for t in range(line.start, min(line.start + line.duration, horizon)):
            costs[t] += p["costs"]["amount"][i] * (1 + p["costs"]["growth"][i]) ** (t - line.start)
    for i, line in enumerate(scenario.outcomes):
        q = p["outcomes"]
        unit = (
            q["proxy"][i]
            * (1 - q["deadweight"][i])
            * (1 - q["displacement"][i])
            * (1 - q["attribution"][i])
        )
        for c in range(line.start, min(line.start + line.duration, horizon)):
            cohort = q["quantity"][i] * (1 + q["growth"][i]) ** (c - line.start)
            for t in range(c, min(c + line.lasts, horizon)):
                benefits[t] += cohort * unit * (1 - q["drop_off"][i]) ** (t - c)
    for i, line in enumerate(scenario.avoided_costs):
        a = p["avoided_costs"]
        for t in range(line.start, min(line.start + line.duration, horizon)):
            benefits[t] += (
                a["incidents"][i]
                * a["reduction"][i]
                * a["unit_cost"][i]
                * a["probability"][i]
                * (1 + a["growth"][i]) ** (t - line.start)
            )
    for i, line in enumerate(scenario.funding):
        f = p["funding"]
        if line.kind != "loan":
            for t in range(line.start, min(line.start + line.duration, horizon)):
                inflows[t] += (
                    f["amount"][i] * f["probability"][i] * (1 + f["growth"][i]) ** (t - line.start)
                )
    for i, line in enumerate(scenario.value_capture):
        v = p["value_capture"]
        total = v["units"][i] * v["base_value"][i] * v["uplift"][i] * v["capture_share"][i]
        for t in range(line.start, min(line.start + line.duration, horizon)):
            inflows[t] += total / line.duration
    rate = params.discount_rate[draw]
    npv = npf.npv(rate, benefits) - npf.npv(rate, costs)
    irr = npf.irr([b - c for b, c in zip(benefits, costs, strict=True)])
    balance, lowest = 0.0, 0.0
    for t in range(horizon):
        balance += inflows[t] - costs[t]
        lowest = min(lowest, balance)
    return npv, irr, lowest >= -0.005


def naive_seconds_per_draw(scenario: Scenario) -> float:
    """Wall time of the naive loop per draw [s], over :data:`NAIVE_DRAWS` sampled draws."""
    values, _ = sample_inputs(uncertain_inputs(scenario), NAIVE_DRAWS, 1)
    params = compile_parameters(scenario, draws=NAIVE_DRAWS, values=values)
    started = time.perf_counter()
    for draw in range(NAIVE_DRAWS):
        naive_figures(scenario, params, draw)
    return (time.perf_counter() - started) / NAIVE_DRAWS


def child(name: str, draws: int) -> None:
    """In a fresh process: median of 3 ``simulate`` runs and the process's peak memory."""
    scenario = scenarios()[name]
    simulate(scenario, 1_000, seed=0)  # warm up imports and caches
    before = peak_mb()
    seconds = median_time(lambda: simulate(scenario, draws, seed=1), 3)
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb(), "baseline_mb": before}))


def main() -> None:
    rows = []
    for name, scenario in scenarios().items():
        evaluate(scenario)
        seconds = median_time(lambda s=scenario: evaluate(s), 200)
        rows.append((name, "evaluate (median of 200)", f"{seconds * 1e3:.2f} ms", ""))
        simulated = {}
        for draws in (10_000, 100_000):
            simulated[draws] = figures = in_child(__file__, name, str(draws))
            rows.append(
                (
                    name,
                    f"simulate {draws:,} draws (median of 3)",
                    f"{figures['seconds']:.3f} s",
                    f"peak {figures['peak_mb']:.0f} MB "
                    f"(after imports and warm-up {figures['baseline_mb']:.0f} MB)",
                )
            )
        per_draw = naive_seconds_per_draw(scenario)
        naive = per_draw * 100_000
        rows.append(
            (
                name,
                f"naive loop, {NAIVE_DRAWS} draws extrapolated to 100,000",
                f"{naive:.1f} s",
                f"{per_draw * 1e3:.2f} ms a draw: "
                f"simulate is {naive / simulated[100_000]['seconds']:.0f}x faster",
            )
        )
    width = max(len(row[1]) for row in rows)
    for name, what, value, note in rows:
        print(f"{name:16} {what:{width}} {value:>9}  {note}", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], int(sys.argv[3]))
    else:
        np.seterr(all="ignore")
        main()
