"""Benchmark of the engine and the Monte Carlo: ``python bench/run.py``.

Times, on the largest example (``scenarios/botu_programma.toml``) and on a synthetic scenario
of 50 lines over 30 years with every risk of a real plan in it (:mod:`synthetic`):

- the compile time of the kernels (:mod:`businesscase.kernels`), median of 3 fresh processes,
  into an empty cache and loaded from the cache of an earlier run;
- one deterministic ``evaluate`` (median of many runs);
- ``simulate`` with 10,000 and 100,000 draws: wall and processor time (medians of :data:`RUNS`
  runs after a 1,000-draw warm-up) and the peak memory of the whole process, each size in a fresh
  subprocess so the peak (``ru_maxrss``) is its own, the kernels loaded from the cache (a
  child that compiles them peaks higher: LLVM's memory); and, in the same process, the time
  of drawing alone (inputs, correlations, money and events, on one thread);
- for the synthetic scenario, a naive per-draw loop (Python loops over lines and years,
  ``numpy_financial.npv`` and ``irr`` per draw) of the same model: the draw's own years, the
  money that came or not, the avoided costs' yearly events, loans and the contract's capital
  in the cash balance; it is checked against the engine (social NPV and ``closes``, draw by
  draw), timed on a few hundred draws, extrapolated to 100,000 draws, and the speed-up of
  ``simulate`` against it is reported: in wall time, and per second of processor time (the
  loop runs on one core, ``simulate`` on all of them, so the second says how much of the
  speed-up is the code's and how much the cores').

Targets (this 2-core machine): evaluate(botu_programma) <= 10 ms; simulate 100,000 draws of
the synthetic scenario >= 1,000x the naive loop and <= 400 MB; simulate 10,000 draws of
botu_programma <= 0.3 s. The machine is shared: run it when it is quiet, and say how loaded
it was (``uptime``).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import numpy_financial as npf

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from measure import in_child, median_time, median_times, peak_mb  # noqa: E402
from synthetic import synthetic_scenario  # noqa: E402

from businesscase import evaluate, fast, load_scenario  # noqa: E402
from businesscase.examples import example_path  # noqa: E402
from businesscase.parameters import Parameters, compile_parameters, uncertain_inputs  # noqa: E402
from businesscase.sampling import (  # noqa: E402
    blocks,
    rank_correlate,
    rank_correlations,
    sample_inputs,
)
from businesscase.scenario import Scenario  # noqa: E402
from businesscase.uncertainty import (  # noqa: E402
    MoneyAndEvents,
    draw_money_and_events,
    input_sampler,
    run_draws,
    simulate,
)
from businesscase.vocabulary import CLOSE_TOLERANCE  # noqa: E402

NAIVE_DRAWS = 300
"""Draws the naive loop evaluates; its time is extrapolated to 100,000 draws."""

RUNS = 5
"""Runs of ``simulate`` per size in each fresh process; the median is reported."""


def scenarios() -> dict[str, Scenario]:
    """The two benchmark scenarios by name."""
    return {
        "botu_programma": load_scenario(example_path("botu_programma")),
        "synthetic_50x30": synthetic_scenario(),
    }


def naive_figures(scenario: Scenario, params: Parameters, draw: int) -> tuple[float, float, bool]:
    """Social NPV, social IRR and whether the plan closes for one draw, the slow way: Python
    loops over lines and years, ``numpy_financial`` per draw.

    The same model as the engine for these figures, with the draw's own years (a start that
    slipped, an uncertain ``lasts``): costs, outcomes (cohorts with drop-off), avoided costs
    (additionality and drop-off), funding (grants and loans with their annuities), value
    capture and the outcome contract's capital in the cash balance. :func:`check_naive` checks
    it against the engine, draw by draw.
    """
    horizon = scenario.settings.horizon_years
    p = {
        section: {k: v[draw] for k, v in fields.items()} for section, fields in params.lines.items()
    }
    when = {
        section: {k: v[draw] for k, v in fields.items()}
        for section, fields in params.timing.items()
    }
    costs = [0.0] * horizon
    benefits = [0.0] * horizon
    inflows = [0.0] * horizon
    outflows = [0.0] * horizon

    def active(section: str, i: int) -> range:
        first = int(when[section]["start"][i])
        return range(first, min(first + int(when[section]["duration"][i]), horizon))

    for i, line in enumerate(scenario.costs):
        c = p["costs"]
        first = int(when["costs"]["start"][i])
        for t in active("costs", i):
            spent = c["amount"][i] * (1 + c["growth"][i]) ** (t - first)
            costs[t] += spent
            outflows[t] += 0.0 if line.in_kind else spent
    q = p["outcomes"]
    for i in range(len(scenario.outcomes)):
        first, lasts = int(when["outcomes"]["start"][i]), int(when["outcomes"]["lasts"][i])
        unit = q["proxy"][i] * (1 - q["deadweight"][i]) * (1 - q["displacement"][i])
        unit *= 1 - q["attribution"][i]
        for c in active("outcomes", i):
            cohort = q["quantity"][i] * (1 + q["growth"][i]) ** (c - first)
            for t in range(c, min(c + lasts, horizon)):
                benefits[t] += cohort * unit * (1 - q["drop_off"][i]) ** (t - c)
    a = p["avoided_costs"]
    events = params.avoided_cost_years  # whether each line's event happens, by year
    for i in range(len(scenario.avoided_costs)):
        first = int(when["avoided_costs"]["start"][i])
        kept = (1 - a["deadweight"][i]) * (1 - a["displacement"][i]) * (1 - a["attribution"][i])
        for t in active("avoided_costs", i):
            happens = a["probability"][i] if events is None else events[draw, i, t]
            gross = a["incidents"][i] * a["reduction"][i] * a["unit_cost"][i] * happens
            gross *= (1 + a["growth"][i]) ** (t - first)
            benefits[t] += gross * kept * (1 - a["drop_off"][i]) ** (t - first)
    f = p["funding"]
    for i, line in enumerate(scenario.funding):
        first = int(when["funding"]["start"][i])
        if line.kind == "loan":
            principal = f["amount"][i] * f["probability"][i]
            inflows[first] += principal
            payment = -npf.pmt(f["interest_rate"][i], line.term, principal)
            for t in range(first + 1, min(first + line.term + 1, horizon)):
                outflows[t] += payment
            continue
        for t in active("funding", i):
            inflows[t] += f["amount"][i] * f["probability"][i] * (1 + f["growth"][i]) ** (t - first)
    v = p["value_capture"]
    for i in range(len(scenario.value_capture)):
        total = v["units"][i] * v["base_value"][i] * v["uplift"][i] * v["capture_share"][i]
        for t in active("value_capture", i):
            inflows[t] += total / int(when["value_capture"]["duration"][i])
    for k, bond in enumerate(scenario.contracts):
        for offset, share in enumerate(bond.drawdown_shares()):
            inflows[bond.start + offset] += p["sib"]["capital"][k] * share
    rate = params.discount_rate[draw]
    npv = npf.npv(rate, benefits) - npf.npv(rate, costs)
    irr = npf.irr([b - c for b, c in zip(benefits, costs, strict=True)])
    balance, lowest = 0.0, 0.0
    for t in range(horizon):
        balance += inflows[t] - outflows[t]
        lowest = min(lowest, balance)
    return npv, irr, lowest >= -CLOSE_TOLERANCE


def naive_seconds_per_draw(scenario: Scenario) -> float:
    """Wall time of the naive loop per draw [s], over :data:`NAIVE_DRAWS` sampled draws."""
    values, yearly = sampled(scenario)
    params = compile_parameters(scenario, draws=NAIVE_DRAWS, values=values, yearly=yearly)
    started = time.perf_counter()
    for draw in range(NAIVE_DRAWS):
        naive_figures(scenario, params, draw)
    return (time.perf_counter() - started) / NAIVE_DRAWS


def sampled(scenario: Scenario) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """:data:`NAIVE_DRAWS` draws as ``simulate`` makes them (seed 1): the uncertain inputs,
    rank-correlated, with the all-or-nothing money; and the avoided costs' yearly events."""
    horizon = scenario.settings.horizon_years
    values = sample_inputs(uncertain_inputs(scenario), NAIVE_DRAWS, 1, horizon_years=horizon)[0]
    if scenario.correlations:
        groups = [(group.inputs, group.rho) for group in scenario.correlations]
        values = rank_correlate(values, *rank_correlations(groups), 1)
    money, yearly = draw_money_and_events(scenario, values, NAIVE_DRAWS, 1)
    return values | money, yearly


def check_naive(scenario: Scenario) -> float:
    """The naive loop and the engine agree: the largest relative difference of social NPV over
    the sampled draws (``closes`` must agree in every draw)."""
    values, yearly = sampled(scenario)
    params = compile_parameters(scenario, draws=NAIVE_DRAWS, values=values, yearly=yearly)
    engine = run_draws(scenario, NAIVE_DRAWS, values, yearly=yearly)
    worst = 0.0
    for draw in range(NAIVE_DRAWS):
        npv, _, closes = naive_figures(scenario, params, draw)
        assert closes == bool(engine["closes"][draw]), f"closes differs in draw {draw}"
        worst = max(worst, abs(npv - engine["npv_social"][draw]) / abs(engine["npv_social"][draw]))
    assert worst < 1e-9, f"the naive loop is not the engine's model: {worst:.2e}"
    return worst


def child(name: str, draws: int) -> None:
    """In a fresh process: median wall and processor time of :data:`RUNS` ``simulate`` runs,
    the process's peak memory, and the median time of drawing alone (every block's inputs,
    correlations, money and events, one after the other on one thread, as ``simulate`` draws
    them)."""
    scenario = scenarios()[name]
    simulate(scenario, 1_000, seed=0)  # warm up imports, caches and the compiled kernels
    before = peak_mb()
    seconds, processor = median_times(lambda: simulate(scenario, draws, seed=1), RUNS)
    peak = peak_mb()
    drawing = median_time(lambda: draw_all(scenario, draws), RUNS)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "processor": processor,
                "peak_mb": peak,
                "baseline_mb": before,
                "drawing": drawing,
            }
        )
    )


def draw_all(scenario: Scenario, draws: int) -> None:
    """Every draw of a simulation with seed 1, a block after the other, nothing evaluated."""
    inputs = input_sampler(scenario, 1)
    events = MoneyAndEvents(scenario, 1)
    with fast.compiled():  # the compiled draws, as simulate makes them
        for start, stop in blocks(draws):
            events.next_block(inputs.next_block(stop - start)[0], stop - start)


def compile_child() -> None:
    """In a fresh process: how long the first small simulation takes beyond a second one,
    which is the time to compile the kernels (or load them from the cache)."""
    scenario = synthetic_scenario()
    first = median_time(lambda: simulate(scenario, 200, seed=0), 1)
    again = median_time(lambda: simulate(scenario, 200, seed=0), 3)
    print(json.dumps({"seconds": first - again}))


def compile_seconds(cold: bool) -> float:
    """Median over 3 fresh processes of the kernels' compile time: into an empty cache
    (``cold``), or loaded from the cache a first run wrote."""
    with tempfile.TemporaryDirectory() as folder:
        environment = {**os.environ, "NUMBA_CACHE_DIR": folder}
        if not cold:
            in_child(__file__, "compile", env=environment)
        runs = []
        for _ in range(3):
            if cold:
                shutil.rmtree(folder, ignore_errors=True)
            runs.append(in_child(__file__, "compile", env=environment)["seconds"])
    return statistics.median(runs)


def main() -> None:
    rows = []
    cold, cached = compile_seconds(cold=True), compile_seconds(cold=False)
    rows.append(
        (
            "kernels",
            "compile time of the kernels (median of 3 fresh processes)",
            f"{cold:.2f} s",
            f"{cached:.2f} s from the cache of an earlier run",
        )
    )
    in_child(__file__, "compile")  # the kernels into the package's cache: no child compiles
    for name, scenario in scenarios().items():
        evaluate(scenario)
        seconds = median_time(lambda s=scenario: evaluate(s), 200)
        rows.append((name, "evaluate (median of 200)", f"{seconds * 1e3:.2f} ms", ""))
        simulated = {}
        for draws in (10_000, 100_000):
            simulated[draws] = figures = in_child(__file__, "simulate", name, str(draws))
            rows.append(
                (
                    name,
                    f"simulate {draws:,} draws (median of {RUNS})",
                    f"{figures['seconds']:.3f} s",
                    f"peak {figures['peak_mb']:.0f} MB "
                    f"(after imports and warm-up {figures['baseline_mb']:.0f} MB); "
                    f"processor time {figures['processor']:.3f} s "
                    f"({figures['processor'] / draws * 1e6:.1f} us a draw, all threads); "
                    f"drawing alone {figures['drawing']:.3f} s on one thread",
                )
            )
        if name != "synthetic_50x30":
            continue  # the naive loop models the bench scenario (no projects, no inflation)
        worst = check_naive(scenario)
        per_draw = naive_seconds_per_draw(scenario)
        naive = per_draw * 100_000
        rows.append(
            (
                name,
                f"naive loop, {NAIVE_DRAWS} draws extrapolated to 100,000",
                f"{naive:.1f} s",
                f"{per_draw * 1e3:.2f} ms a draw (social NPV within {worst:.0e} of the engine's): "
                f"simulate of 100,000 draws is {naive / simulated[100_000]['seconds']:.0f}x "
                f"faster (target 1,000x), {naive / simulated[100_000]['processor']:.0f}x per "
                f"second of processor time (the loop uses one core; {os.cpu_count()} here)",
            )
        )
    width = max(len(row[1]) for row in rows)
    for name, what, value, note in rows:
        print(f"{name:16} {what:{width}} {value:>9}  {note}", flush=True)


if __name__ == "__main__":
    np.seterr(all="ignore")
    if sys.argv[1:3] == ["--child", "simulate"]:
        child(sys.argv[3], int(sys.argv[4]))
    elif sys.argv[1:3] == ["--child", "compile"]:
        compile_child()
    else:
        np.seterr(all="ignore")
        main()
