"""What the benchmarks share: median wall time, peak memory, and figures from a fresh process."""

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
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


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
