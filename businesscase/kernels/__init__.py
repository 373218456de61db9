"""Compiled forms of the engine's hot spots, for large simulations (numba; see :mod:`fast`).

Each kernel computes the formula of one numpy function in a single pass over draws, lines and
years, with no temporaries, and releases the GIL so the chunks of a simulation run side by side
on threads. The numpy function is the reference: the tests check every kernel against it on
random inputs (the same numbers to 1e-12 relative; the last bits may differ, as ``exp`` and
repeated products round differently). Each draw is computed on its own, so the numbers do not
depend on the chunk size or the number of threads.

The machine code is cached next to this module (``__pycache__``) on first use, so a fresh
install compiles once (a few seconds); where that folder cannot be written, numba's user-wide
cache is tried, and failing that the kernels are compiled in memory each run.

One module per part of the model (:mod:`.lines`: line amounts, cohort values, sums of lines;
:mod:`.model`: the fused kernel of a simulation's chunk; :mod:`.figures`: its figures;
:mod:`.draws`: the draws of the inputs, money and events, numpy's numbers to the bit, and the
sort of a rank correlation, numpy's order);
:mod:`.compiling` says how each is compiled. Importing this package imports numba.
"""

from businesscase.kernels.draws import TABLES_FOUND as COMPILED_DRAWS
from businesscase.kernels.draws import (
    draw_input,
    draw_money,
    draw_yearly,
    seeded_states,
    sort_order,
)
from businesscase.kernels.figures import chunk_figures
from businesscase.kernels.lines import add_lines, line_amounts, outcome_values
from businesscase.kernels.model import fused_flows

__all__ = [
    "COMPILED_DRAWS",
    "add_lines",
    "chunk_figures",
    "draw_input",
    "draw_money",
    "draw_yearly",
    "fused_flows",
    "line_amounts",
    "outcome_values",
    "seeded_states",
    "sort_order",
]
