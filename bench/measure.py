"""What the benchmarks share: median wall and processor time, peak memory, and figures from a
fresh process."""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable


def median_time(run: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``run()`` over ``repeat`` runs [s]."""
    return median_times(run, repeat)[0]


def median_times(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall time and median processor time of ``run()`` over ``repeat`` runs [s].

    The processor time is the whole process's (``time.process_time``: every thread, user and
    system), so a run that keeps two cores busy for a second takes about two seconds of it.
    """
    walls, processor = [], []
    for _ in range(repeat):
        started, used = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - started)
        processor.append(time.process_time() - used)
    return statistics.median(walls), statistics.median(processor)


def peak_mb() -> float:
    """Peak resident memory of this process so far (``ru_maxrss``, KiB on Linux) [MB]."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def in_child(script: str, *args: str, env: dict[str, str] | None = None) -> dict[str, float]:
    """Run ``script --child ARGS`` in a fresh Python process and read the JSON it prints.

    A fresh process per measurement makes its peak memory its own; ``env`` replaces the
    environment (a fresh cache folder for the compiled kernels).
    """
    output = subprocess.run(
        [sys.executable, script, "--child", *args],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    return json.loads(output)
