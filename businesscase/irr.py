"""Vectorised internal rate of return over many cash-flow series at once (docs/methodology.md#irr).

Rule: among all real roots ``r > -1`` of the NPV polynomial ``sum_t v_t / (1 + r) ** t``, the one
with the smallest ``|r|``; NaN (reported as null) when the series has no sign change or no such
root. This is the rule of ``numpy_financial.irr`` 1.0.0, which is used as a cross-check in the
tests but not here: it handles one series per call and stalls or fails on some inputs
(numpy-financial issues #33, #39, #40).

Method. In ``x = 1 / (1 + r)`` the NPV is a polynomial with positive roots only where ``r > -1``.
A series with exactly one sign change has exactly one positive root (Descartes' rule of signs):
it is found for all such rows together by a safeguarded Newton iteration on a bracket in
``(0, 1)``, after mapping ``x > 1`` to ``1 / x``; a root many orders of magnitude from where
Newton starts (a rate of 3e66, or 1e-11 above -1) is reached by bisecting the bracket on the
logarithm of ``x`` first. Rows with more sign changes may have several
roots: their companion matrices are solved as one stacked eigenvalue problem, the real positive
roots kept, and the one closest to ``r = 0`` polished by Newton steps. Where their amounts lie
so far apart that one companion matrix loses roots, each part of the Newton polygon is solved
on its own as well (:func:`_closest_root_far`).
"""

from __future__ import annotations

import numpy as np

from businesscase import fast
from businesscase.matmul import rowwise_matmul
from businesscase.timeline import FloatArray

_MAX_ITERATIONS = 200
_TOLERANCE = 1e-15
_NORMAL = float(np.finfo(float).tiny)
"""The smallest normal float64, 2.2e-308: a power of ``z`` below it has lost digits or is 0."""
_WIDE = float(np.finfo(float).eps / _NORMAL)
"""1e292: a coefficient that much larger than the first makes a power of ``z`` that underflows
(below :data:`_NORMAL`) count; see :func:`_bracketed_newton`."""
_REAL_ROOT_TOLERANCE = 1e-9
_SPREAD = 20.0
"""Bits: a series whose roots may lie more than a factor ``2 ** 20`` (1e6) apart in magnitude
has its nearest root checked against those of each part of its Newton polygon
(:func:`_closest_root_far`)."""
_WINDOW = 20.0
"""Bits: the edges within this many bits of slope of an edge share its companion matrix."""
_START = 1e-2
"""A root of a cut companion matrix whose imaginary part is below this share of its size is a
start for Newton steps (cutting moves roots by about ``2 ** -_WINDOW``, a close pair further)."""
_RESIDUAL = 1e-10
"""The largest ``|f(x)|``, as a share of ``sum_k |c_k x**k|``, of an ``x`` taken as a root."""


def irr(values: FloatArray) -> FloatArray:
    """Internal rate of return of each row of ``values``.

    Parameters
    ----------
    values : array, shape (D, T)
        Cash flows per year, year 0 undiscounted [EUR]; money out negative, money in positive.

    Returns
    -------
    array, shape (D,)
        The rate [fraction per year]; NaN without a sign change or a root ``r > -1``.

    Examples
    --------
    >>> round(float(irr(np.array([[-100.0, 60.0, 60.0]]))[0]), 6)
    0.130662
    """
    values = np.atleast_2d(np.asarray(values, dtype=float))
    kernels = fast.kernels()
    if kernels is None:
        rate = np.full(values.shape[0], np.nan)
        changes, first, last = _sign_structure(values)
        single = np.flatnonzero(changes == 1)
        if single.size:
            rate[single] = _single_root(values[single], first[single], last[single])
        several = np.flatnonzero(changes > 1)
        first, last = first[several], last[several]
    else:  # inside a simulation's chunks: compiled where at most one root a side counts
        from businesscase.kernels.irr import single_roots

        rate, left = single_roots(values)
        if not left.any():  # the usual chunk: no numpy pass over it
            return rate
        several = np.flatnonzero(left)
        _, first, last = _sign_structure(values[several])
    for a, b in set(zip(first.tolist(), last.tolist(), strict=True)):
        rows = several[(first == a) & (last == b)]
        rate[rows] = _closest_root(values[rows, a : b + 1])
    return rate


def _sign_structure(values: FloatArray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sign changes (zeros skipped), first and last nonzero index of each row."""
    signs = np.sign(values)
    nonzero = signs != 0
    columns = np.arange(values.shape[1])
    carried = np.maximum.accumulate(np.where(nonzero, columns, 0), axis=1)
    filled = np.take_along_axis(signs, carried, axis=1)
    changes = np.sum(filled[:, 1:] * filled[:, :-1] < 0, axis=1)
    first = np.argmax(nonzero, axis=1)
    last = values.shape[1] - 1 - np.argmax(nonzero[:, ::-1], axis=1)
    return changes, first, last


def _single_root(values: FloatArray, first: np.ndarray, last: np.ndarray) -> FloatArray:
    """The unique root of rows with one sign change."""
    rows, length = values.shape
    total = values.sum(axis=1)
    ahead = np.take_along_axis(values, first[:, None], axis=1)[:, 0]
    # Root at x < 1 (r > 0) when f(1) and the first coefficient differ in sign: solve
    # sum_k v[first + k] z**k on (0, 1), z = x. Otherwise the root is at x > 1 (r < 0):
    # solve sum_k v[last - k] z**k, z = 1 / x.
    positive = np.sign(total) != np.sign(ahead)
    k = np.arange(length)
    index = np.where(positive[:, None], first[:, None] + k, last[:, None] - k)
    inside = (index >= first[:, None]) & (index <= last[:, None])
    coefficients = np.where(inside, np.take_along_axis(values, np.clip(index, 0, length - 1), 1), 0)
    z = _bracketed_newton(coefficients)
    with np.errstate(divide="ignore"):
        rate = np.where(positive, 1.0 / z - 1.0, z - 1.0)
    rate = np.where(total == 0.0, 0.0, rate)
    # a root so close to x = infinity that r rounds to -1 is not a rate > -1
    return np.where(rate > -1.0, rate, np.nan)


_GRID_RATES = np.array(
    [
        0.0005,
        0.001,
        0.002,
        0.005,
        0.01,
        0.02,
        0.03,
        0.05,
        0.075,
        0.1,
        0.15,
        0.2,
        0.3,
        0.5,
        0.75,
        1.0,
        1.5,
        2.0,
        3.0,
        5.0,
        10.0,
        30.0,
        100.0,
        1000.0,
    ]
)
_GRID = np.unique(np.concatenate([1.0 / (1.0 + _GRID_RATES), 1.0 - _GRID_RATES[_GRID_RATES < 1.0]]))
"""Points in (0, 1) where every polynomial is first evaluated to bracket its root: z = 1/(1+r)
and z = 1 + r for the rates above, dense where IRRs usually are (near 0)."""


_SMALLEST = 5e-324
"""The smallest positive float64 (a subnormal number): the lower end of a bracket that reached
down to 0 when it is narrowed. A root below it has the rate ``1 / z - 1`` = infinity or
``z - 1`` = -1 (no rate > -1) as far as float64 can tell."""

_PATIENCE = 32
"""Newton steps after which a row still iterating has its bracket narrowed geometrically
(:func:`_narrowed`). From the grid's bracket, Newton converges in at most about 15 steps on
ordinary series (measured over 480,000 series of 2 to 200 years with amounts spread over 13
orders of magnitude); a row that needs more is one whose root lies orders of magnitude from
where Newton started."""


def _bracketed_newton(coefficients: FloatArray) -> FloatArray:
    """Root in (0, 1) of each row's polynomial ``sum_k c_k z**k``, which changes sign there.

    The polynomial is first evaluated on :data:`_GRID` (one matrix product) to find a small
    bracket per row; Newton steps from the bracket's secant point then converge in a few
    iterations, falling back to bisection whenever a step leaves the bracket. Rows that have
    not converged after :data:`_PATIENCE` steps have their bracket narrowed on the logarithm
    of ``z`` first (:func:`_narrowed`).

    The powers ``z**k`` of a polynomial whose root lies at a tiny ``z`` may underflow to 0
    while ``c_k z**k`` is not small at all (``1e300 * (1e-200)**3``). This matters only in
    rows whose largest coefficient is more than :data:`_WIDE` times the first: elsewhere what
    underflows is below the rounding of ``c_0`` itself. In such a row, where the power of its
    degree falls below 2.2e-308 (the smallest normal float64), the polynomial is evaluated by
    Horner's rule instead (:func:`_horner`), whose partial sums stay within float64.
    """
    rows, length = coefficients.shape
    powers = np.arange(length)
    sign_low = np.sign(coefficients[:, 0])
    # the degree of rows whose powers may underflow to effect (0 for the others: z**0 = 1),
    # found among the rows whose first coefficient is that small beside the largest of all
    first = np.abs(coefficients[:, 0])
    wide = first < max(coefficients.max(), -coefficients.min()) / _WIDE
    if wide.any():
        wide[wide] = first[wide] < np.max(np.abs(coefficients[wide]), axis=1) / _WIDE
    any_wide = bool(wide.any())
    degree = np.zeros(rows, dtype=np.intp)
    if any_wide:
        degree[wide] = length - 1 - np.argmax(coefficients[wide, ::-1] != 0.0, axis=1)
    grid_powers = _GRID[None, :] ** powers[:, None]
    on_grid = rowwise_matmul(coefficients, grid_powers)
    underflow = np.flatnonzero(grid_powers[degree, 0] < _NORMAL)  # the grid's smallest point
    if underflow.size:
        at_grid = _horner(
            coefficients[underflow], np.broadcast_to(_GRID, (underflow.size, _GRID.size))
        )[0]
        on_grid[underflow] = np.where(
            grid_powers[degree[underflow]] < _NORMAL, at_grid, on_grid[underflow]
        )
    # a single root: the sign is that of c_0 up to the root, the other sign after it
    below = np.sum(np.sign(on_grid) == sign_low[:, None], axis=1)
    points = np.concatenate([[0.0], _GRID, [1.0]])
    low, high = points[below], points[below + 1]
    value_low = np.where(
        below > 0, on_grid[np.arange(rows), np.maximum(below - 1, 0)], coefficients[:, 0]
    )
    value_high = np.where(
        below < _GRID.size,
        on_grid[np.arange(rows), np.minimum(below, _GRID.size - 1)],
        coefficients.sum(axis=1),
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        secant = low - value_low * (high - low) / (value_high - value_low)
    z = np.where((secant > low) & (secant < high), secant, 0.5 * (low + high))
    derivative = coefficients[:, 1:] * powers[1:]
    # The rows still iterating: their index, coefficients, bracket, sign at 0, degree and
    # point. They are compacted only when some rows converge, not copied out in every step.
    active = np.arange(rows)
    live = coefficients, derivative, low, high, sign_low, degree
    zs = z
    # Powers z ** k as repeated products (the numbers of a cumulative product), one power at
    # a time over all rows, in rows of their own (contiguous: eight times faster than
    # np.multiply.accumulate), then copied to one row per polynomial for the dot products.
    transposed = np.empty((length, rows))
    z_powers = np.empty((rows, length))
    for step in range(_MAX_ITERATIONS):
        count = active.size
        coefficients, derivative, low, high, sign_low, degree = live
        if step == _PATIENCE:  # a new start where the bracket was narrowed
            narrow_low, narrow_high = _narrowed(coefficients, sign_low, low, high)
            moved = (narrow_low != low) | (narrow_high != high)
            low, high = narrow_low, narrow_high
            zs = np.where(moved, np.sqrt(low) * np.sqrt(high), zs)
        column_powers = transposed[:, :count]
        column_powers[0] = 1.0
        column_powers[1] = zs
        for power in range(2, length):
            np.multiply(column_powers[power - 1], zs, out=column_powers[power])
        row_powers = z_powers[:count]
        row_powers[...] = column_powers.T
        value = np.einsum("ij,ij->i", coefficients, row_powers)
        slope = np.einsum("ij,ij->i", derivative, row_powers[:, :-1])
        if any_wide:
            underflow = np.flatnonzero(column_powers[degree, np.arange(count)] < _NORMAL)
            value[underflow], slope[underflow] = _horner(coefficients[underflow], zs[underflow])
        on_low_side = np.sign(value) == sign_low
        low = np.where(on_low_side, zs, low)
        high = np.where(on_low_side, high, zs)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            newton = zs - value / slope
        usable = np.isfinite(newton) & (newton > low) & (newton < high)
        # converged when the Newton step itself is negligible (judged before safeguarding,
        # so that a last step rounding onto the bracket's edge does not restart a bisection)
        converged = (value == 0.0) | (np.abs(newton - zs) <= _TOLERANCE * zs)
        bisection = 0.5 * (low + high)
        zs = np.where(usable, newton, np.where(converged, zs, bisection))
        live = coefficients, derivative, low, high, sign_low, degree
        if converged.any():
            z[active[converged]] = zs[converged]
            going = ~converged
            active, zs = active[going], zs[going]
            live = tuple(part[going] for part in live)
            if active.size == 0:
                break
    z[active] = zs
    return z


def _horner(coefficients: FloatArray, z: FloatArray) -> tuple[FloatArray, FloatArray]:
    """``sum_k c_k z**k`` and its derivative by Horner's rule, each row of ``coefficients``
    at its own point(s) ``z`` (shape (rows,) or (rows, points)).

    Its partial sums ``sum_{k >= j} c_k z**(k - j)`` stay within float64 wherever the terms
    ``c_k z**k`` do, also where the power ``z**k`` alone would underflow to 0.
    """
    shape = (slice(None),) + (None,) * (np.ndim(z) - 1)
    value = np.zeros(np.shape(z))
    slope = np.zeros(np.shape(z))
    for k in range(coefficients.shape[1] - 1, -1, -1):
        slope = slope * z + value
        value = value * z + coefficients[:, k][shape]
    return value, slope


def _narrowed(
    coefficients: FloatArray, sign_low: FloatArray, low: FloatArray, high: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Each row's bracket of its root, bisected on ``log z`` until it spans less than a
    factor ``e ** (1 / length)``, with ``length`` the number of coefficients.

    Newton's method is slow where the root lies orders of magnitude below its point: where
    ``c_k z**k`` dominates, a step only divides ``z`` by ``k / (k - 1)`` (by 2 on ``1e-133 -
    z**2``, whose root is 3.2e-67), and bisection only halves ``z`` too. Bisection at the
    geometric mean ``sqrt(low * high)`` halves the logarithmic width instead: from the
    smallest positive float64 to 1 in 11 steps, to a factor ``e ** (1 / length)`` in a few
    more. There every term changes by less than a factor ``e`` across the bracket, and Newton
    converges in a few steps. A bracket reaching down to 0 starts at :data:`_SMALLEST`; when
    the root lies below even that, the bracket ``(0, _SMALLEST)`` is returned. A bracket
    already that narrow is returned as it came.
    """
    length = coefficients.shape[1]
    floor = np.maximum(low, _SMALLEST)
    beneath = (low == 0.0) & (np.sign(_horner(coefficients, floor)[0]) != sign_low)
    low, high = np.where(beneath, 0.0, floor), np.where(beneath, _SMALLEST, high)
    width = np.where(beneath, 0.0, np.log(high) - np.log(floor))
    while (going := width * length > 1.0).any():
        middle = np.sqrt(low) * np.sqrt(high)  # the product itself could underflow
        on_low_side = np.sign(_horner(coefficients, middle)[0]) == sign_low
        low = np.where(going & on_low_side, middle, low)
        high = np.where(going & ~on_low_side, middle, high)
        width = np.where(going, 0.5 * width, width)
    return low, high


def _closest_root(values: FloatArray) -> FloatArray:
    """Root closest to r = 0 of rows whose first and last entries are nonzero.

    The polynomial is made monic by its larger end: in ``x`` by the last entry, or, where the
    first entry is larger, in ``1 / x`` (the entries reversed) by the first, whose roots are
    then inverted. Dividing by a tiny end would fill the companion matrix with huge entries
    whose eigenvalues lose the other roots (a last entry of 1e-72 beside a first of 1e10).
    """
    rows, length = values.shape
    degree = length - 1
    flip = np.abs(values[:, -1]) < np.abs(values[:, 0])
    polynomial = np.where(flip[:, None], values[:, ::-1], values)
    monic = polynomial[:, :-1] / polynomial[:, -1:]
    companion = np.zeros((rows, degree, degree))
    companion[:, 0, :] = -monic[:, ::-1]
    companion[:, np.arange(1, degree), np.arange(degree - 1)] = 1.0
    try:
        roots = np.linalg.eigvals(companion)
    except np.linalg.LinAlgError:
        rate = np.array([_closest_root_one(row) for row in values])
    else:
        with np.errstate(divide="ignore", invalid="ignore"):
            roots = np.where(flip[:, None], 1.0 / roots, roots)
        rate = _pick_closest(values, roots)
    # a ratio of amounts beyond float64's range is lost from the companion matrix (0 or
    # infinite): such rows too are solved edge by edge
    lost = np.any((polynomial[:, :-1] != 0.0) & ~(np.abs(monic) >= _NORMAL), axis=1)
    lost |= ~np.all(np.isfinite(monic), axis=1)
    for row in np.flatnonzero(_wide(values) | lost):
        rate[row] = _closest_root_far(values[row], rate[row])
    return rate


def _closest_root_one(row: FloatArray) -> float:
    """Fallback for one row whose stacked eigenvalue problem did not converge: numpy.roots of
    the polynomial in ``x``, or in ``1 / x`` where the first entry is the larger end."""
    flip = abs(row[-1]) < abs(row[0])
    try:
        roots = np.roots(row) if flip else np.roots(row[::-1])
    except np.linalg.LinAlgError:
        return np.nan
    if flip:
        with np.errstate(divide="ignore", invalid="ignore"):
            roots = 1.0 / roots
    return float(_pick_closest(row[None, :], roots[None, :])[0])


def _wide(values: FloatArray) -> np.ndarray:
    """Rows whose roots may lie more than :data:`_SPREAD` bits apart in magnitude: the first
    and last edges of their Newton polygon (:func:`_polygon`) differ that much in slope."""
    length = values.shape[1]
    with np.errstate(divide="ignore"):
        bits = np.log2(np.abs(values))  # -inf for a zero
    k = np.arange(1, length)
    first = np.max((bits[:, 1:] - bits[:, :1]) / k, axis=1)
    last = np.min((bits[:, -1:] - bits[:, :-1]) / k[::-1], axis=1)
    return first - last > _SPREAD


def _polygon(row: FloatArray) -> tuple[np.ndarray, np.ndarray]:
    """The upper edges of the Newton polygon of ``sum_k c_k x**k``: the upper convex hull of
    the points ``(k, log2 |c_k|)``, as its vertices ``k`` and the slopes between them.

    An edge of slope ``s`` from ``k1`` to ``k2`` stands for ``k2 - k1`` roots of magnitude
    about ``2 ** -s``, where its two terms are equal and outweigh the others."""
    hull: list[tuple[int, float]] = []
    for k in np.flatnonzero(row).tolist():
        height = float(np.log2(abs(row[k])))
        while len(hull) >= 2:
            (a, height_a), (b, height_b) = hull[-2], hull[-1]
            if (height_b - height_a) * (k - b) > (height - height_b) * (b - a):
                break
            hull.pop()  # b lies on or under the line from a to k
        hull.append((k, height))
    vertices, heights = np.array(hull).T
    return vertices.astype(np.intp), np.diff(heights) / np.diff(vertices)


def _closest_root_far(row: FloatArray, rate: float) -> float:
    """The rate nearest 0 of a series whose roots lie far apart in magnitude.

    The eigenvalues of one companion matrix are exact to a rounding of the largest root, so
    roots many orders of magnitude smaller are lost (``1e-12, 0, -1e16, 0, 0, 1e-21`` has
    roots ``x = 1e-14`` and ``x = 2.2e12``; beside 1e14 the second is noise). Here each edge
    of the Newton polygon (:func:`_polygon`) has its own companion matrix, of the polynomial
    scaled to the edge's root magnitude and cut to the edges within :data:`_WINDOW` bits of
    its slope, whose roots are the edge's to about ``2 ** -_WINDOW``; each real positive one
    is polished by Newton steps on the whole series (:func:`_scaled_value`) and kept where the
    series vanishes there (:func:`_is_root`). ``rate``, found from one companion matrix,
    stays unless it is no root or a nearer root was found."""
    x_old = 1.0 / (1.0 + rate) if np.isfinite(rate) else np.nan
    kept = bool(_is_root(row, np.array([x_old]))[0])
    if kept:  # a root to _RESIDUAL only: three Newton steps may leave it 1e-11 off
        polished = _polished_far(row, np.array([x_old]))
        if bool(_is_root(row, polished)[0]):
            x_old = float(polished[0])
            with np.errstate(divide="ignore"):
                rate = 1.0 / x_old - 1.0
            kept = rate > -1.0
    best = rate if kept else np.nan
    x = _polished_far(row, _edge_roots(row))
    with np.errstate(divide="ignore", invalid="ignore"):
        found = 1.0 / x - 1.0
        same = kept & (np.abs(x - x_old) <= 1e-9 * x_old)
    usable = (found > -1.0) & np.isfinite(found) & ~same & _is_root(row, x)
    if usable.any():
        nearest = np.flatnonzero(usable)[np.argmin(np.abs(found[usable]))]
        if not abs(found[nearest]) >= abs(best):
            best = float(found[nearest])
    return best


def _edge_roots(row: FloatArray) -> FloatArray:
    """Starting points near the real positive roots of each edge of the Newton polygon: the
    roots of the companion matrix of the series scaled to the edge, cut to the edges within
    :data:`_WINDOW` bits of its slope; see :func:`_closest_root_far`."""
    vertices, slopes = _polygon(row)
    mantissas, exponents = np.frexp(row)
    windows = set()
    starts = []
    for slope in slopes:
        edges = np.flatnonzero(np.abs(slopes - slope) <= _WINDOW)
        low, high = vertices[edges[0]], vertices[edges[-1] + 1]
        shift = -round(float(slope))  # x = y * 2 ** shift: the edge's roots at |y| ~ 1
        if (low, high, shift) in windows:
            continue
        windows.add((low, high, shift))
        scaled_exponents = exponents[low : high + 1] + shift * np.arange(low, high + 1)
        top = np.max(scaled_exponents[mantissas[low : high + 1] != 0.0])
        part = np.trim_zeros(np.ldexp(mantissas[low : high + 1], scaled_exponents - top))
        if part.size < 2:  # the ends vanished: too small beside the edge to count
            continue
        flip = abs(part[-1]) < abs(part[0])  # monic by the larger end, as above
        with np.errstate(divide="ignore", invalid="ignore"):
            roots = 1.0 / np.roots(part) if flip else np.roots(part[::-1])
        real = (roots.real > 0.0) & (np.abs(roots.imag) <= _START * np.abs(roots))
        starts.append(np.ldexp(roots.real[real], shift))
    return np.concatenate(starts) if starts else np.empty(0)


def _scaled_value(row: FloatArray, x: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
    """``sum_k c_k x**k``, ``sum_k k c_k x**k`` and ``sum_k |c_k x**k|`` at each point ``x``,
    all three divided by one power of 2 per point so that no term overflows or underflows
    (``1e300 * (1e-200) ** 2``): the terms' mantissas are multiplied, their exponents added."""
    mantissas, exponents = np.frexp(row)
    mantissa, exponent = np.frexp(x)
    k = np.arange(row.size)
    with np.errstate(under="ignore"):
        terms = mantissas * mantissa[:, None] ** k
    exponents = exponents + exponent[:, None] * k
    top = np.max(np.where(mantissas != 0.0, exponents, np.iinfo(exponents.dtype).min), axis=1)
    terms = np.ldexp(terms, exponents - top[:, None])
    return terms.sum(axis=1), terms @ k, np.abs(terms).sum(axis=1)


def _polished_far(row: FloatArray, x: FloatArray) -> FloatArray:
    """Newton steps on the whole series from each point ``x`` (:func:`_scaled_value`) until
    a step changes it by less than 1e-15 of itself; NaN where a step leaves ``x > 0``."""
    x = np.array(x, dtype=float)
    going = np.flatnonzero(np.isfinite(x))
    for _ in range(_MAX_ITERATIONS):
        if going.size == 0:
            break
        value, weighted, _ = _scaled_value(row, x[going])
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            # f / f' with f' = sum_k k c_k x**(k - 1); no step where f or f' is 0
            step = np.where((value == 0.0) | (weighted == 0.0), 0.0, x[going] * (value / weighted))
        moved = x[going] - step
        lost = ~np.isfinite(step) | (moved <= 0.0)
        x[going] = np.where(lost, np.nan, moved)
        going = going[~lost & (np.abs(step) > _TOLERANCE * moved)]
    return x


def _is_root(row: FloatArray, x: FloatArray) -> np.ndarray:
    """Whether the series vanishes at each ``x`` to within :data:`_RESIDUAL` of the size of
    its terms there: ``x`` is then the root of a series differing by no more than that."""
    fine = np.isfinite(x) & (x > 0.0)
    value, _, size = _scaled_value(row, np.where(fine, x, 1.0))
    return fine & (np.abs(value) <= _RESIDUAL * size)


def _pick_closest(values: FloatArray, roots: np.ndarray) -> FloatArray:
    """From complex roots in x, keep real positive ones, return the r = 1/x - 1 nearest 0."""
    real = (np.abs(roots.imag) <= _REAL_ROOT_TOLERANCE * np.abs(roots)) & (roots.real > 0)
    x = np.where(real, roots.real, np.nan)
    x = _polish(values, x)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = 1.0 / x - 1.0
    rate = np.where(rate > -1.0, rate, np.nan)  # a root that rounds to -1 is no rate > -1
    distance = np.where(np.isnan(rate), np.inf, np.abs(rate))
    best = np.argmin(distance, axis=1)
    chosen = np.take_along_axis(rate, best[:, None], axis=1)[:, 0]
    return np.where(np.isfinite(np.min(distance, axis=1)), chosen, np.nan)


def _polish(values: FloatArray, x: FloatArray) -> FloatArray:
    """A few Newton steps on each root candidate; a step is kept only when it lowers |f|."""
    powers = np.arange(values.shape[1])
    coefficients = values[:, None, :]
    derivative = (values[:, 1:] * powers[1:])[:, None, :]

    def evaluate(point: FloatArray) -> tuple[FloatArray, FloatArray]:
        point_powers = point[:, :, None] ** powers
        value = np.sum(coefficients * point_powers, axis=2)
        slope = np.sum(derivative * point_powers[:, :, :-1], axis=2)
        return value, slope

    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for _ in range(3):
            value, slope = evaluate(x)
            step = x - value / slope
            better = np.isfinite(step) & (step > 0) & (np.abs(evaluate(step)[0]) < np.abs(value))
            x = np.where(better, step, x)
    return x
