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
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from types import ModuleType

_ON: ContextVar[bool] = ContextVar("businesscase_compiled", default=False)


@contextmanager
def compiled() -> Iterator[None]:
    """Use the compiled kernels for the engine calls made inside this block (this thread)."""
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
