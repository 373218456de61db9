"""The switch between the engine's numpy formulas and their compiled form (docs/uncertainty.md).

The hot spots of a Monte Carlo (a line's yearly amounts, the outcome cohorts' values) each
have one formula, written in numpy in the module that models them (:mod:`timeline`,
:mod:`outcomes`), and one compiled form of the same formula in :mod:`businesscase.kernels`
(numba), which a large simulation uses: a single pass over draws, lines and years, without
the temporaries of the array expressions, on threads that run side by side. A chunk of a
simulation goes through the fused kernel (:mod:`businesscase.kernels.model`) when its scenario
allows (:func:`businesscase.flows.fusable`): every line summed straight into the yearly totals.

The compiled form is switched on for the code running inside :func:`compiled` (in this thread
only), and is loaded on first use: ``import businesscase``, ``evaluate`` and the app's start
never import numba. The tests check each kernel against its numpy formula (the same numbers to
1e-12 relative).

The first time :func:`compiled` is entered, the process keeps the memory it frees for reuse
(:func:`hold_freed_memory`): each chunk allocates its arrays anew, and without this the C
library hands most of them back to the system and takes them again from the next chunk, page
by page.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from types import ModuleType

_ON: ContextVar[bool] = ContextVar("businesscase_compiled", default=False)


@contextmanager
def compiled() -> Iterator[None]:
    """Use the compiled kernels for the engine calls made inside this block (this thread)."""
    hold_freed_memory()
    token = _ON.set(True)
    try:
        yield
    finally:
        _ON.reset(token)


def kernels() -> ModuleType | None:
    """The compiled kernels when switched on here (:func:`compiled`), else None (numpy)."""
    if not _ON.get():
        return None
    from businesscase import kernels as loaded  # numba: loaded on the first simulation only

    return loaded


def loaded() -> bool:
    """Whether this process has loaded the compiled kernels (a simulation ran here), so that
    the next simulation neither compiles them nor reads them from the cache."""
    return "businesscase.kernels" in sys.modules


MMAP_THRESHOLD = 32 << 20
"""Blocks of memory from this size on [bytes, 32 MiB, glibc's largest] are taken from the
system and given back one by one; smaller ones come from the heap (glibc's default: 128 KiB,
raised as large blocks are freed)."""

TRIM_THRESHOLD = 64 << 20
"""Free memory at the top of a heap kept for reuse rather than given back [bytes, 64 MiB;
glibc's default: 128 KiB, or twice the raised threshold above]."""


@functools.cache
def hold_freed_memory() -> bool:
    """Keep freed memory for reuse in this process (once; glibc on Linux, elsewhere nothing).

    A chunk of a simulation allocates its arrays, from a few KiB to some MiB, and frees them;
    the next chunk allocates them again. glibc gives large blocks back to the system when
    they are freed and trims the heaps down to a few MiB, so the next chunk takes every page
    again from the system, one fault each. Measured on 100,000 draws of the bench scenario in
    a fresh process: 160,000 page faults and 0.55 s of system time (on top of 1.2 s computing),
    against 13,700 and 0.11 s with :data:`MMAP_THRESHOLD` and :data:`TRIM_THRESHOLD`; the peak
    memory is the same (362 MB), the memory freed after a simulation stays with the process.

    Returns
    -------
    bool
        Whether glibc took both settings.
    """
    if not sys.platform.startswith("linux"):
        return False
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
    if mallopt is None:
        return False
    # glibc's malloc.h: M_TRIM_THRESHOLD -1, M_MMAP_THRESHOLD -3; mallopt returns 1 when taken
    return mallopt(-3, MMAP_THRESHOLD) == 1 and mallopt(-1, TRIM_THRESHOLD) == 1
