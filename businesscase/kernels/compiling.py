"""How every kernel is compiled: numba, the GIL released, the machine code cached on disk."""

from __future__ import annotations

from collections.abc import Callable

import numba


def compiled(function: Callable, **options: object) -> Callable:
    """``numba.njit`` with the GIL released and the machine code cached on disk when a cache
    folder can be written (numba refuses ``cache=True`` where none can); ``options`` are
    numba's (``inline="always"``)."""
    try:
        return numba.njit(cache=True, nogil=True, **options)(function)
    except RuntimeError:  # "cannot cache function ...: no locator available"
        return numba.njit(cache=False, nogil=True, **options)(function)
