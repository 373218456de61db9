"""A simulation keeps the memory it frees for its next chunk (businesscase/fast.py,
docs/uncertainty.md): the pages are not taken again from the system, one fault each."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CYCLES = """
import resource, sys
import numpy as np
from businesscase import fast
if sys.argv[1] == "held":
    assert fast.hold_freed_memory()
def cycle():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    arrays = [np.ones(1 << 17) for _ in range(48)]  # 48 arrays of 1 MiB, as a chunk's
    del arrays
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
print(*[cycle() for _ in range(3)])
"""


def faults(mode: str) -> list[int]:
    """Page faults of three rounds of allocating and freeing 48 MiB, in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", CYCLES, mode],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    return [int(count) for count in done.stdout.split()]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_freed_memory_is_reused_without_taking_the_pages_again():
    # 48 MiB are 12,288 pages of 4 KiB: every round takes them from the system by default,
    # only the first once the freed memory is held
    pages = 48 * 256
    default, held = faults("default"), faults("held")
    assert min(default[1:]) > pages / 2
    assert held[0] > pages / 2 and max(held[1:]) < pages / 20


def test_holding_freed_memory_is_done_once_and_entering_compiled_does_it():
    from businesscase import fast

    with fast.compiled():
        pass
    assert fast.hold_freed_memory.cache_info().currsize == 1
    assert fast.hold_freed_memory() == sys.platform.startswith("linux")
