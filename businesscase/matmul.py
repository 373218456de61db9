"""Matrix products whose rows do not depend on how many rows are multiplied at once.

``a @ b`` goes to BLAS (OpenBLAS with numpy's wheels), which picks its kernel and its number of
threads by the size of the product. Two things follow for a Monte Carlo that evaluates draws in
chunks:

- the last bits of a row's result can depend on the number of rows: rows left over after the
  kernel's unrolled blocks go through another kernel, so the same draw evaluated in a chunk of
  777 or of 5,000 could differ in its last digit (seen in ``funder_hhi``);
- a product of a few million multiply-adds is split over threads that then wait for each other
  and for the engine's own threads: ten times the time of one thread on a shared 2-core machine.

:func:`rowwise_matmul` multiplies fixed blocks of :data:`BLOCK_ROWS` rows (the last one padded
with zeros) as one stacked product: every row goes through the same kernel, on one thread.
"""

from __future__ import annotations

import numpy as np

from businesscase.timeline import FloatArray

BLOCK_ROWS = 32
"""Rows per block: a multiple of the kernels' unrolling (4 and 8) and small enough that OpenBLAS
keeps a block on one thread (it threads products of more than 262,144 multiply-adds)."""


def rowwise_matmul(a: FloatArray, b: FloatArray) -> FloatArray:
    """``a @ b`` for a 2-D ``a`` of shape (R, K) and ``b`` of shape (K, N), row by row.

    Each row of the result is the same whatever the number of rows ``R`` (see the module
    docstring), and equals the row of ``a @ b`` for a product whose rows all fill blocks.

    Examples
    --------
    >>> rowwise_matmul(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0], [10.0]]))
    array([[21.],
           [43.]])
    """
    rows, inner = a.shape
    blocks = -(-rows // BLOCK_ROWS)
    padded = np.zeros((blocks * BLOCK_ROWS, inner))
    padded[:rows] = a
    product = np.matmul(padded.reshape(blocks, BLOCK_ROWS, inner), b)
    return product.reshape(blocks * BLOCK_ROWS, b.shape[1])[:rows]
