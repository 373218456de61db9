"""Benchmark of the analyst batch API: ``python3 bench/batch.py``.

- ``sweep`` of 10,000 variations of ``west_practice`` (100 proxies x 100 amounts of its first
  cost line): one array computation in chunks, against ``evaluate`` of each variation in a
  Python loop;
- ``batch`` of 1,000 scenario files (200 numeric variations of each of the five examples,
  written to a temporary folder): ``load_scenario`` of every file and ``evaluate_many``,
  against ``load_scenario`` + ``evaluate`` of each file in a Python loop.

Each run is timed in a fresh subprocess (median of 3 runs) that also reports its peak memory
(``ru_maxrss``) and its memory after imports and a warm-up. The loops run on a subset
(:data:`LOOP_SWEEP`, :data:`LOOP_FILES`) and are extrapolated linearly; the loop of the sweep
times ``evaluate`` only (building each variation is left out, in the loop's favour).
The machine is shared: run it when it is quiet.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from measure import in_child, median_time, peak_mb  # noqa: E402

from businesscase import evaluate, load_scenario  # noqa: E402
from businesscase.batch import evaluate_many, sweep  # noqa: E402
from businesscase.examples import example_path, list_examples  # noqa: E402
from businesscase.scenario import (  # noqa: E402
    Scenario,
    save_scenario,
    scenario_from_dict,
    scenario_to_dict,
)

SWEEP_GRID = {
    "outcomes[0].proxy": np.linspace(8_000.0, 24_000.0, 100),
    "costs[0].amount": np.linspace(30_000.0, 90_000.0, 100),
}
"""The 10,000 variations of the sweep."""

FILES_PER_EXAMPLE = 200
"""Variations written per example: 5 examples x 200 = 1,000 files."""

LOOP_SWEEP = 300
"""Variations the one-by-one loop evaluates; extrapolated to the whole sweep."""

LOOP_FILES = 100
"""Files the one-by-one loop loads and evaluates; extrapolated to the whole batch."""


def sweep_variation(scenario: Scenario, proxy: float, amount: float) -> Scenario:
    """One variation of the sweep as its own scenario (for the loop)."""
    data = scenario_to_dict(scenario)
    data["outcomes"][0]["proxy"] = float(proxy)
    data["costs"][0]["amount"] = float(amount)
    return scenario_from_dict(data)


def write_files(folder: Path) -> list[Path]:
    """1,000 scenario files: each example with its cost amounts scaled by 0.8-1.2 and its
    first outcome's quantity by 0.5-1.5 (the structure unchanged)."""
    files = []
    for name in list_examples():
        base = scenario_to_dict(load_scenario(example_path(name)))
        for index, factor in enumerate(np.linspace(0.8, 1.2, FILES_PER_EXAMPLE)):
            data = json.loads(json.dumps(base))
            for line in data.get("costs", []):
                if isinstance(line["amount"], int | float):
                    line["amount"] = float(line["amount"] * factor)
            outcome = data["outcomes"][0]
            if isinstance(outcome["quantity"], int | float):
                outcome["quantity"] = float(outcome["quantity"] * (factor - 0.3) / 0.7)
            path = folder / f"{name}_{index:03d}.toml"
            save_scenario(scenario_from_dict(data), path)
            files.append(path)
    return files


def child(what: str, folder: str) -> None:
    """In a fresh process: median of 3 runs of the sweep or the batch, and peak memory."""
    if what == "sweep":
        west = load_scenario(example_path("west_practice"))
        sweep(west, {path: values[:10] for path, values in SWEEP_GRID.items()})  # warm up
        before = peak_mb()
        seconds = median_time(lambda: sweep(west, SWEEP_GRID), 3)
    else:
        files = sorted(Path(folder).glob("*.toml"))
        evaluate_many([load_scenario(file) for file in files[:5]])  # warm up
        before = peak_mb()
        seconds = median_time(
            lambda: evaluate_many({str(file): load_scenario(file) for file in files}), 3
        )
        loaded = {str(file): load_scenario(file) for file in files}
        evaluating = median_time(lambda: evaluate_many(loaded), 3)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "evaluate_seconds": evaluating if what == "batch" else seconds,
                "peak_mb": peak_mb(),
                "baseline_mb": before,
            }
        )
    )


def main() -> None:
    rows = []
    west = load_scenario(example_path("west_practice"))
    total = int(np.prod([len(values) for values in SWEEP_GRID.values()]))
    swept = in_child(__file__, "sweep", "")
    proxies, amounts = (
        values.ravel() for values in np.meshgrid(*SWEEP_GRID.values(), indexing="ij")
    )
    variations = [
        sweep_variation(west, proxies[i], amounts[i])
        for i in np.linspace(0, total - 1, LOOP_SWEEP).astype(int)
    ]
    evaluate(west)
    started = time.perf_counter()
    for variation in variations:
        evaluate(variation)
    loop = (time.perf_counter() - started) / LOOP_SWEEP * total
    rows += [
        (
            f"sweep, {total:,} variations (median of 3)",
            f"{swept['seconds']:.2f} s",
            f"peak {swept['peak_mb']:.0f} MB (after imports and warm-up "
            f"{swept['baseline_mb']:.0f} MB)",
        ),
        (
            f"evaluate one by one, {LOOP_SWEEP} extrapolated to {total:,}",
            f"{loop:.1f} s",
            f"sweep is {loop / swept['seconds']:.0f}x faster",
        ),
    ]
    with tempfile.TemporaryDirectory() as folder:
        files = write_files(Path(folder))
        batched = in_child(__file__, "batch", folder)
        started = time.perf_counter()
        for file in files[:: len(files) // LOOP_FILES][:LOOP_FILES]:
            evaluate(load_scenario(file))
        loop = (time.perf_counter() - started) / LOOP_FILES * len(files)
        started = time.perf_counter()
        for file in files[:: len(files) // LOOP_FILES][:LOOP_FILES]:
            load_scenario(file)
        loading = (time.perf_counter() - started) / LOOP_FILES * len(files)
    rows += [
        (
            f"batch, {len(files):,} files: load + evaluate_many (median of 3)",
            f"{batched['seconds']:.2f} s",
            f"peak {batched['peak_mb']:.0f} MB (after imports and warm-up "
            f"{batched['baseline_mb']:.0f} MB); loading alone about {loading:.1f} s",
        ),
        (
            f"load + evaluate one by one, {LOOP_FILES} extrapolated to {len(files):,}",
            f"{loop:.1f} s",
            f"batch is {loop / batched['seconds']:.1f}x faster",
        ),
        (
            "  of which evaluating: evaluate_many (median of 3)",
            f"{batched['evaluate_seconds']:.2f} s",
            f"evaluate one by one about {loop - loading:.1f} s: "
            f"{(loop - loading) / batched['evaluate_seconds']:.0f}x",
        ),
    ]
    width = max(len(row[0]) for row in rows)
    for what, value, note in rows:
        print(f"{what:{width}} {value:>9}  {note}", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3])
    else:
        np.seterr(all="ignore")
        main()
