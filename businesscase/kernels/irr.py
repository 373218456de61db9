"""The internal rate of return of one cash-flow series, compiled (see
:mod:`businesscase.kernels`): the rule and method of :mod:`businesscase.irr`, one row at a time.

:func:`irr_of` may be called from other compiled loops; :func:`single_roots` is the per-chunk
form that :func:`businesscase.irr.irr` uses inside a simulation's chunks. A series with one
sign change (almost every draw of a business case) has a single root, found by the same
bracketed Newton iteration as the numpy form, with three shortcuts that change the root in its
last bits only: the bracket is found by bisecting the grid (the polynomial changes sign once
on it) instead of evaluating the polynomial at every grid point; the polynomial and its
slope are evaluated by Horner's rule in ``z**4``, four independent chains of products (plain
Horner's rule where ``z**4`` underflows); and the iteration stops one step early where that
step is foreseen to change nothing (:data:`_FORESEEN`).

A series with several sign changes is solved the same way where Descartes' rule of signs,
applied on each side of ``r = 0`` to the grid's brackets (:func:`_roots_at_most`), isolates the
root nearest ``r = 0`` on that side in one of them (:func:`_nearest_root`): every such series of
the example scenarios' simulations, and a first or last year netting almost 0 beside the
others. Elsewhere (two roots in one bracket, a sign in doubt after
rounding) :func:`irr_of` takes the numpy form's route: the eigenvalues of its companion matrix
(LAPACK's complex ``geev``), the real positive ones polished by Newton steps, the one nearest
``r = 0`` kept, and where the amounts lie far apart each part of the Newton polygon solved on
its own as well; :func:`single_roots` leaves such rows to the numpy form itself.
"""

from __future__ import annotations

import math

import numpy as np

from businesscase.irr import (
    _GRID,
    _MAX_ITERATIONS,
    _NORMAL,
    _PATIENCE,
    _REAL_ROOT_TOLERANCE,
    _RESIDUAL,
    _SMALLEST,
    _SPREAD,
    _START,
    _TOLERANCE,
    _WINDOW,
)
from businesscase.kernels.compiling import compiled as _compile
from businesscase.timeline import FloatArray

_FORESEEN = 1e-17
"""The relative size below which the next Newton step is foreseen to be negligible: a step
that shrank from ``previous`` to ``change`` converges quadratically, so the next is about
``change ** 3 / previous ** 2``; below 1e-17 (a tenth of a rounding) it is not taken, the
step just taken being as good as the numpy form's extra one to the last bits."""
_QUADRATIC = 1e-3
"""The largest relative step before it after which :data:`_FORESEEN` is trusted: from further
away a Newton step may be a leap (a root 1e-66 below the bracket's start), not the quadratic
convergence foreseen."""
_DOUBT = 8.0
"""Units of 2.2e-16 per coefficient of a polynomial within which a shifted coefficient's sign
is in doubt (:func:`_roots_at_most`): its Taylor shifts round each term at most ``4 * length``
times, each by at most half a unit, so that the bound has a margin of four."""
_EPSILON = float(np.finfo(np.float64).eps)
_TINY_SCALE = 2.0**-900
"""The smallest power of a bracket's width :func:`_roots_at_most` scales a coefficient by:
below it the coefficients would lose digits below the smallest float64."""
_POINTS = np.concatenate([[0.0], _GRID, [1.0]])
"""The grid with the ends of (0, 1): bracket ``i`` is ``(_POINTS[i], _POINTS[i + 1])``."""


@_compile
def _sign(value):  # pragma: no cover - compiled
    """``np.sign``: -1, 0 or 1, NaN for NaN."""
    if value > 0.0:
        return 1.0
    if value < 0.0:
        return -1.0
    if value == 0.0:
        return 0.0
    return np.nan


@_compile
def _horner(coefficients, length, z):  # pragma: no cover - compiled
    """``sum_k c_k z**k`` over the first ``length`` coefficients and its derivative, by
    Horner's rule (the polishing of a root among several)."""
    value = 0.0
    slope = 0.0
    for k in range(length - 1, -1, -1):
        slope = slope * z + value
        value = value * z + coefficients[k]
    return value, slope


@_compile
def _polynomial(coefficients, length, z):  # pragma: no cover - compiled
    """``sum_k c_k z**k`` over the first ``length`` coefficients: Horner's rule in ``z**4`` on
    the four residues of ``k`` modulo 4, four chains of products a processor runs side by
    side instead of one chain four times as long. Where ``z**4`` underflows (below 2.2e-308)
    plain Horner's rule, whose partial sums stay within float64."""
    w = (z * z) * (z * z)
    if w < _NORMAL:
        return _horner(coefficients, length, z)[0]
    a0 = a1 = a2 = a3 = 0.0
    top = length - length % 4
    for r in range(length - top):  # the last, incomplete group
        if r == 0:
            a0 = coefficients[top]
        elif r == 1:
            a1 = coefficients[top + 1]
        else:
            a2 = coefficients[top + 2]
    for k in range(top - 4, -1, -4):
        a0 = a0 * w + coefficients[k]
        a1 = a1 * w + coefficients[k + 1]
        a2 = a2 * w + coefficients[k + 2]
        a3 = a3 * w + coefficients[k + 3]
    return (a0 + z * a1) + (z * z) * (a2 + z * a3)


@_compile
def _with_slope(coefficients, derivative, length, z):  # pragma: no cover - compiled
    """:func:`_polynomial` of both ``coefficients`` and ``derivative`` (the derivative's
    coefficients, a zero last) at ``z`` in one pass: eight chains side by side; plain
    Horner's rule where ``z**4`` underflows."""
    w = (z * z) * (z * z)
    if w < _NORMAL:
        return _horner(coefficients, length, z)
    a0 = a1 = a2 = a3 = 0.0
    b0 = b1 = b2 = b3 = 0.0
    top = length - length % 4
    for r in range(length - top):  # the last, incomplete group
        if r == 0:
            a0, b0 = coefficients[top], derivative[top]
        elif r == 1:
            a1, b1 = coefficients[top + 1], derivative[top + 1]
        else:
            a2, b2 = coefficients[top + 2], derivative[top + 2]
    for k in range(top - 4, -1, -4):
        a0 = a0 * w + coefficients[k]
        a1 = a1 * w + coefficients[k + 1]
        a2 = a2 * w + coefficients[k + 2]
        a3 = a3 * w + coefficients[k + 3]
        b0 = b0 * w + derivative[k]
        b1 = b1 * w + derivative[k + 1]
        b2 = b2 * w + derivative[k + 2]
        b3 = b3 * w + derivative[k + 3]
    value = (a0 + z * a1) + (z * z) * (a2 + z * a3)
    slope = (b0 + z * b1) + (z * z) * (b2 + z * b3)
    return value, slope


@_compile
def _narrowed(coefficients, length, sign_low, low, high):  # pragma: no cover - compiled
    """The bracket of the root bisected on ``log z`` until it spans less than a factor
    ``e ** (1 / coefficients.size)``; see ``businesscase.irr._narrowed``."""
    if low == 0.0:
        low = _SMALLEST
        if _sign(_polynomial(coefficients, length, low)) != sign_low:
            return 0.0, _SMALLEST  # the root lies below the smallest float64
    width = np.log(high) - np.log(low)
    while width * coefficients.size > 1.0:
        middle = np.sqrt(low) * np.sqrt(high)
        if _sign(_polynomial(coefficients, length, middle)) == sign_low:
            low = middle
        else:
            high = middle
        width *= 0.5
    return low, high


@_compile
def _bracketed_newton(
    coefficients, derivative, length, below, above, value_low, value_above
):  # pragma: no cover - compiled
    """Root in ``(_POINTS[below], _POINTS[above])`` of ``sum_k c_k z**k``, its only root
    there, with ``derivative`` its derivative's coefficients (as many, a zero last),
    ``value_low`` its value at ``_POINTS[below]`` (``c_0`` at 0) and ``value_above`` its value
    at ``_POINTS[above]`` where that is not 1; see ``businesscase.irr._bracketed_newton``."""
    points = _POINTS
    sign_low = _sign(value_low)
    # The bracket: the grid points on the side of z = 0 are those before the only sign
    # change; their number is found by evaluating the polynomial at grid points, keeping the
    # last on either side (``below`` and ``above``, the ends to start with) and the values
    # there, whose order does not change the bracket found nor those values.
    value_high = 0.0
    slope_one = 0.0
    curve_one = 0.0
    for k in range(length):
        value_high += coefficients[k]
        slope_one += k * coefficients[k]
        curve_one += k * (k - 1) * coefficients[k]
    # A guess from the row itself: Halley's step from z = 1 (rate 0), trusted where Newton's
    # step agrees with it to half its size (the polynomial nearly straight between 1 and the
    # root). The grid points around it are tried first, then others ever further from it
    # (1, 2 and 4 points on); elsewhere, and after that, the bracket is bisected.
    guess = -1
    newton_step = value_high / slope_one if slope_one != 0.0 else np.inf
    divisor = 2.0 * slope_one * slope_one - value_high * curve_one
    halley_step = 2.0 * value_high * slope_one / divisor if divisor != 0.0 else np.inf
    if abs(newton_step - halley_step) <= 0.5 * abs(halley_step) and 0.0 < halley_step < 1.0:
        guess = np.searchsorted(points, 1.0 - halley_step) - 1
    if above < points.size - 1:
        value_high = value_above
    tried = 0
    reach = 1
    while above - below > 1:
        if guess >= 0 and tried < 2:  # the grid points around the guess
            point = guess + tried
            tried += 1
            if not below < point < above:
                continue
        elif guess >= 0 and reach <= 4:  # away from the guess, towards the root
            if below >= guess:
                point = below + reach if below + reach < above else (below + above) // 2
            else:
                point = above - reach if above - reach > below else (below + above) // 2
            reach *= 2
        else:
            point = (below + above) // 2
        value = _polynomial(coefficients, length, points[point])
        if _sign(value) == sign_low:
            below, value_low = point, value
        else:
            above, value_high = point, value
    low = points[below]
    high = points[below + 1]
    z = 0.5 * (low + high)
    if value_high != value_low:  # numba raises on a division by zero; numpy gives inf or nan
        secant = low - value_low * (high - low) / (value_high - value_low)
        if low < secant < high:
            z = secant
    after_newton = False  # whether the last step was a Newton step, and its relative size
    previous = np.inf
    for step in range(_MAX_ITERATIONS):
        if step == _PATIENCE:  # a new start where the bracket was narrowed
            narrow_low, narrow_high = _narrowed(coefficients, length, sign_low, low, high)
            if narrow_low != low or narrow_high != high:
                low, high = narrow_low, narrow_high
                z = np.sqrt(low) * np.sqrt(high)
        value, slope = _with_slope(coefficients, derivative, length, z)
        if _sign(value) == sign_low:
            low = z
        else:
            high = z
        newton = z - value / slope if slope != 0.0 else np.nan
        usable = np.isfinite(newton) and low < newton < high
        # converged when the Newton step itself is negligible (judged before safeguarding),
        # or when it follows another Newton step and the next one is foreseen to be
        converged = value == 0.0 or abs(newton - z) <= _TOLERANCE * z
        change = abs(newton - z) / z if z > 0.0 else np.inf
        converged |= (
            usable
            and after_newton
            and previous <= _QUADRATIC
            and change**3 <= _FORESEEN * previous**2
        )
        after_newton, previous = usable, change
        if usable:
            z = newton
        elif not converged:
            z = 0.5 * (low + high)
        if converged:
            break
    return z


@_compile
def _single_root(values, first, last, coefficients, derivative):  # pragma: no cover - compiled
    """The root of a series with one sign change; see ``businesscase.irr._single_root``.
    ``coefficients`` and ``derivative`` are room for the polynomial, as long as ``values``."""
    total = 0.0
    for t in range(values.size):
        total += values[t]
    # root at x < 1 (r > 0) when f(1) and the first coefficient differ in sign: solve
    # sum_k v[first + k] z**k on (0, 1); otherwise sum_k v[last - k] z**k, z = 1 / x
    positive = _sign(total) != _sign(values[first])
    length = last - first + 1
    for k in range(length):
        coefficients[k] = values[first + k] if positive else values[last - k]
    for k in range(1, length):
        derivative[k - 1] = k * coefficients[k]
    derivative[length - 1] = 0.0
    z = _bracketed_newton(
        coefficients, derivative, length, 0, _POINTS.size - 1, coefficients[0], 0.0
    )
    if total == 0.0:
        return 0.0
    if positive:
        rate = 1.0 / z - 1.0 if z != 0.0 else np.inf
    else:
        rate = z - 1.0
    return rate if rate > -1.0 else np.nan


@_compile
def _roots_at_most(coefficients, length, low, high, shifted, sizes):  # pragma: no cover
    """Descartes' bound on the roots in ``(low, high)`` of ``P(z) = sum_k c_k z**k`` over the
    first ``length`` coefficients, and the sign of ``P(low)``; a bound of -1 where rounding
    leaves the sign of ``P(low)`` or ``P(high)`` in doubt, or the amounts lie beyond float64's
    range apart.

    The bound is the number of sign changes of the coefficients of ``(1 + y)**n P(low + (high
    - low) / (1 + y))`` (``n = length - 1``), whose positive roots ``y`` are those of ``P`` in
    ``(low, high)``; it exceeds the number of roots there by an even number, so 0 and 1 are
    exact. They come from two Taylor shifts (by ``low``, then, reversed, by 1), which the same
    steps on ``|c_k|`` bound: a coefficient within :data:`_DOUBT` roundings of that bound of
    its size, or within what the terms lost below the smallest float64 may add up to, might
    have either sign or be 0, and counts as the sign that makes the most changes. Where that
    most is 0 or 1, the number of roots is whether ``P(low)`` and ``P(high)`` (the last and
    first coefficients) differ in sign. ``shifted`` and ``sizes`` are room for ``length``
    coefficients."""
    degree = length - 1
    top = -1100  # the coefficients scaled by a power of 2, the largest to [0.5, 1)
    for k in range(length):
        if coefficients[k] != 0.0:
            top = max(top, math.frexp(coefficients[k])[1])
    for k in range(length):
        shifted[k] = math.ldexp(coefficients[k], -top)
        sizes[k] = abs(shifted[k])
        if shifted[k] == 0.0 and coefficients[k] != 0.0:
            return -1, 0.0  # amounts more than float64's range apart
    if low != 0.0:  # P(low + u)
        for i in range(degree):
            for k in range(degree - 1, i - 1, -1):
                shifted[k] += low * shifted[k + 1]
                sizes[k] += low * sizes[k + 1]
    if high - low != 1.0:  # u = (high - low) w
        scale = 1.0
        for k in range(1, length):
            scale *= high - low
            if scale < _TINY_SCALE:
                return -1, 0.0
            shifted[k] *= scale
            sizes[k] *= scale
    for k in range(length // 2):  # reversed: w = 1 / (1 + y)
        j = degree - k
        shifted[k], shifted[j] = shifted[j], shifted[k]
        sizes[k], sizes[j] = sizes[j], sizes[k]
    for i in range(degree):  # shifted by 1
        for k in range(degree - 1, i - 1, -1):
            shifted[k] += shifted[k + 1]
            sizes[k] += sizes[k + 1]
    doubt = _DOUBT * length * _EPSILON
    # each of at most 4 * length steps loses at most 2**-1075 below the smallest float64,
    # multiplied by at most 2**degree in the shifts
    lost = math.ldexp(4.0 * length, degree - 1075)
    # The most sign changes the coefficients can have: between two coefficients of known
    # sign with ``doubtful`` ones (of either sign or 0) in between, ``doubtful + 1`` where
    # that has the parity of the two signs' change, else ``doubtful``.
    changes = 0
    previous = 0.0
    doubtful = 0
    for k in range(length):
        if not (np.isfinite(shifted[k]) and np.isfinite(sizes[k])):
            return -1, 0.0
        if not abs(shifted[k]) > doubt * sizes[k] + lost:
            if k == 0 or k == degree:
                return -1, 0.0  # P(high) or P(low) in doubt
            doubtful += 1
            continue
        sign = _sign(shifted[k])
        if previous != 0.0:
            change = 1 if previous * sign < 0.0 else 0
            changes += doubtful + 1 if (doubtful + 1) % 2 == change else doubtful
        previous = sign
        doubtful = 0
    if changes <= 1:  # then as many roots as P(low) and P(high) differ in sign
        changes = 1 if _sign(shifted[degree]) != _sign(shifted[0]) else 0
    return changes, _sign(shifted[degree])


@_compile
def _nearest_root(values, first, last, room):  # pragma: no cover - compiled
    """The rate nearest 0 of a series with several sign changes, and whether it is certain.

    On each side of ``r = 0`` (``z = x`` for ``r > 0``, ``z = 1 / x`` for ``r < 0``, both in
    ``(0, 1)``) the root nearest ``z = 1`` is isolated by Descartes' rule of signs
    (:func:`_roots_at_most`) on the grid's brackets: ``(0, 1)`` first, and where that may hold
    two roots or more, its upper half before its lower one, each halved again where it may,
    until a bracket holds one root (found as a single one is, :func:`_bracketed_newton`) and
    every bracket above it none. Not certain (rate NaN) where a single grid bracket may hold
    two roots (a double root, a cluster), a bound is in doubt, or a root's rate is beyond
    float64 or rounds to -1. ``room`` is (4, ``values.size``) of room."""
    coefficients, derivative, shifted, sizes = room[0], room[1], room[2], room[3]
    points = _POINTS
    end = points.size - 1
    length = last - first + 1
    best = np.nan
    pending = np.empty((2, 2 * end), dtype=np.int64)  # brackets to count, the last on top
    for side in range(2):
        at_one = 0.0
        for k in range(length):
            coefficients[k] = values[first + k] if side == 0 else values[last - k]
            at_one += coefficients[k]
        for k in range(1, length):
            derivative[k - 1] = k * coefficients[k]
        derivative[length - 1] = 0.0
        pending[0, 0], pending[1, 0] = 0, end
        count = 1
        while count > 0:
            count -= 1
            below, above = pending[0, count], pending[1, count]
            roots, sign_low = _roots_at_most(
                coefficients, length, points[below], points[above], shifted, sizes
            )
            if roots == 0:
                continue
            if roots == 1:
                value_low = coefficients[0]
                if below > 0:
                    value_low = _polynomial(coefficients, length, points[below])
                value_high = at_one
                if above < end:
                    value_high = _polynomial(coefficients, length, points[above])
                if _sign(value_low) != sign_low or _sign(value_high) != -sign_low:
                    return np.nan, False
                z = _bracketed_newton(
                    coefficients, derivative, length, below, above, value_low, value_high
                )
                rate = (1.0 / z if side == 0 else z) - 1.0
                if not (rate > -1.0 and abs(rate) < np.inf):
                    return np.nan, False  # beyond float64, or rounded to -1
                if not abs(rate) >= abs(best):
                    best = rate
                break
            if roots < 0 or above - below < 2:
                return np.nan, False
            middle = (below + above) // 2  # the upper half counted first
            pending[0, count], pending[1, count] = below, middle
            pending[0, count + 1], pending[1, count + 1] = middle, above
            count += 2
    return best, True


@_compile
def _closest_root(values):  # pragma: no cover - compiled
    """Root nearest r = 0 of a series whose first and last entries are nonzero; see
    ``businesscase.irr._closest_root``."""
    degree = values.size - 1
    flip = abs(values[degree]) < abs(values[0])  # monic by the larger end, as there
    # a ratio beyond float64: numpy's eigvals refuses it, the numpy form too; one that is 0
    # or infinite is lost from the companion matrix: such series are solved edge by edge
    finite = True
    lost = False
    for k in range(degree):
        coefficient = values[k + 1] if flip else values[degree - 1 - k]
        ratio = coefficient / (values[0] if flip else values[degree])
        finite &= np.isfinite(ratio)
        lost |= not np.isfinite(ratio) or (coefficient != 0.0 and not abs(ratio) >= _NORMAL)
    roots = _companion_roots(values) if finite else np.empty(0, np.complex128)
    best = np.nan
    distance = np.inf
    for root in roots:
        if not np.isfinite(root.real):
            continue  # x infinite: r = -1, no rate
        if not (abs(root.imag) <= _REAL_ROOT_TOLERANCE * abs(root) and root.real > 0.0):
            continue
        x = root.real
        value, slope = _horner(values, values.size, x)
        for _ in range(3):  # Newton steps, each kept only when it lowers |f|
            step = x - value / slope if slope != 0.0 else np.nan
            if np.isfinite(step) and step > 0.0:
                at_step, slope_at_step = _horner(values, values.size, step)
                if abs(at_step) < abs(value):
                    x, value, slope = step, at_step, slope_at_step
        rate = 1.0 / x - 1.0
        if rate > -1.0 and abs(rate) < distance:
            best, distance = rate, abs(rate)
    if lost or _wide(values):
        return _closest_root_far(values, best)
    return best


@_compile
def _companion_roots(part):  # pragma: no cover - compiled
    """The roots of ``sum_k part[k] y**k`` (both ends nonzero), from its companion matrix made
    monic by the larger end as in :func:`_closest_root`; infinite for a root at 0 in ``1 / y``."""
    degree = part.size - 1
    flip = abs(part[degree]) < abs(part[0])
    companion = np.zeros((degree, degree), dtype=np.complex128)
    for k in range(degree):
        if flip:
            companion[0, k] = -(part[k + 1] / part[0])
        else:
            companion[0, k] = -(part[degree - 1 - k] / part[degree])
    for k in range(1, degree):
        companion[k, k - 1] = 1.0
    roots = np.linalg.eigvals(companion)
    if flip:
        for k in range(degree):
            roots[k] = 1.0 / roots[k] if roots[k] != 0.0 else np.inf
    return roots


@_compile
def _wide(values):  # pragma: no cover - compiled
    """Whether the roots may lie more than ``_SPREAD`` bits apart; see
    ``businesscase.irr._wide``."""
    n = values.size - 1
    first = -np.inf
    last = np.inf
    for k in range(1, n + 1):
        if values[k] != 0.0:
            first = max(first, (np.log2(abs(values[k])) - np.log2(abs(values[0]))) / k)
    for k in range(n):
        if values[k] != 0.0:
            last = min(last, (np.log2(abs(values[n])) - np.log2(abs(values[k]))) / (n - k))
    return first - last > _SPREAD


@_compile
def _polygon(values):  # pragma: no cover - compiled
    """The vertices and slopes of the Newton polygon; see ``businesscase.irr._polygon``."""
    vertices = np.empty(values.size, dtype=np.intp)
    heights = np.empty(values.size)
    count = 0
    for k in range(values.size):
        if values[k] == 0.0:
            continue
        height = np.log2(abs(values[k]))
        while count >= 2:
            a, b = vertices[count - 2], vertices[count - 1]
            if (heights[count - 1] - heights[count - 2]) * (k - b) > (
                height - heights[count - 1]
            ) * (b - a):
                break
            count -= 1
        vertices[count], heights[count] = k, height
        count += 1
    slopes = np.empty(count - 1)
    for i in range(count - 1):
        slopes[i] = (heights[i + 1] - heights[i]) / (vertices[i + 1] - vertices[i])
    return vertices[:count], slopes


@_compile
def _scaled_value(values, x):  # pragma: no cover - compiled
    """``sum_k c_k x**k``, ``sum_k k c_k x**k`` and ``sum_k |c_k x**k|`` over one power of 2;
    see ``businesscase.irr._scaled_value``."""
    mantissa, exponent = math.frexp(x)
    top = -(2**62)
    power = 1.0
    for k in range(values.size):
        if values[k] != 0.0:
            top = max(top, math.frexp(values[k])[1] + k * exponent)
    value = 0.0
    weighted = 0.0
    size = 0.0
    for k in range(values.size):
        if values[k] != 0.0:
            m, e = math.frexp(values[k])
            term = math.ldexp(m * power, e + k * exponent - top)
            value += term
            weighted += k * term
            size += abs(term)
        power *= mantissa
    return value, weighted, size


@_compile
def _polished_far(values, x):  # pragma: no cover - compiled
    """Newton steps on the whole series; see ``businesscase.irr._polished_far``."""
    for _ in range(_MAX_ITERATIONS):
        value, weighted, _ = _scaled_value(values, x)
        if value == 0.0 or weighted == 0.0:
            return x
        step = x * (value / weighted)
        if not np.isfinite(step) or x - step <= 0.0:
            return np.nan
        x -= step
        if abs(step) <= _TOLERANCE * x:
            return x
    return x


@_compile
def _is_root(values, x):  # pragma: no cover - compiled
    """Whether the series vanishes at ``x``; see ``businesscase.irr._is_root``."""
    if not (np.isfinite(x) and x > 0.0):
        return False
    value, _, size = _scaled_value(values, x)
    return abs(value) <= _RESIDUAL * size


@_compile
def _closest_root_far(values, rate):  # pragma: no cover - compiled
    """The rate nearest 0 of a series whose roots lie far apart in magnitude, from a companion
    matrix per edge of its Newton polygon; see ``businesscase.irr._closest_root_far``."""
    x_old = 1.0 / (1.0 + rate) if np.isfinite(rate) else np.nan
    kept = _is_root(values, x_old)
    if kept:  # a root to _RESIDUAL only: three Newton steps may leave it 1e-11 off
        polished = _polished_far(values, x_old)
        if _is_root(values, polished):
            x_old = polished
            rate = 1.0 / x_old - 1.0
            kept = rate > -1.0
    best = rate if kept else np.nan
    vertices, slopes = _polygon(values)
    previous_low = previous_high = previous_shift = -1
    for i in range(slopes.size):
        first = i
        while first > 0 and abs(slopes[first - 1] - slopes[i]) <= _WINDOW:
            first -= 1
        last = i
        while last < slopes.size - 1 and abs(slopes[last + 1] - slopes[i]) <= _WINDOW:
            last += 1
        low, high = vertices[first], vertices[last + 1]
        shift = -int(np.round(slopes[i]))
        if (low, high, shift) == (previous_low, previous_high, previous_shift):
            continue
        previous_low, previous_high, previous_shift = low, high, shift
        top = -(2**62)
        for k in range(low, high + 1):
            if values[k] != 0.0:
                top = max(top, math.frexp(values[k])[1] + shift * k)
        part = np.empty(high - low + 1)
        for k in range(low, high + 1):
            m, e = math.frexp(values[k])
            part[k - low] = math.ldexp(m, e + shift * k - top)
        start, end = 0, part.size - 1  # ends too small beside the edge to count
        while part[start] == 0.0:
            start += 1
        while part[end] == 0.0:
            end -= 1
        if end - start < 1:
            continue
        for root in _companion_roots(part[start : end + 1]):
            if not (root.real > 0.0 and abs(root.imag) <= _START * abs(root)):
                continue
            x = _polished_far(values, math.ldexp(root.real, shift))
            found = 1.0 / x - 1.0 if x != 0.0 else np.inf
            same = kept and abs(x - x_old) <= 1e-9 * x_old
            if (
                found > -1.0
                and np.isfinite(found)
                and not abs(found) >= abs(best)
                and not same
                and _is_root(values, x)
            ):
                best = found
    return best


@_compile
def _sign_structure(values):  # pragma: no cover - compiled
    """Sign changes (zeros skipped), first and last nonzero index; see
    ``businesscase.irr._sign_structure`` (a NaN counts as nonzero and changes nothing)."""
    changes = 0
    first = 0
    last = 0
    found = False
    previous = _sign(values[0])
    for t in range(values.size):
        sign = _sign(values[t])
        if sign != 0.0:
            if not found:
                first = t
                found = True
            last = t
            if previous * sign < 0.0:
                changes += 1
            previous = sign
    return changes, first, last


@_compile
def irr_of(values):  # pragma: no cover - compiled
    """Internal rate of return of one series of yearly cash flows, year 0 undiscounted [EUR]
    -> [fraction per year]: the rule of :func:`businesscase.irr.irr`, NaN without a sign
    change or a root ``r > -1``. With several sign changes the eigenvalues come from LAPACK's
    complex ``geev`` (numba has no real one for a matrix with complex eigenvalues), so such a
    rate may differ from the numpy form's in its last bits."""
    changes, first, last = _sign_structure(values)
    room = np.empty((4, values.size))
    if changes == 1:
        return _single_root(values, first, last, room[0], room[1])
    if changes > 1:
        rate, certain = _nearest_root(values, first, last, room)
        return rate if certain else _closest_root(values[first : last + 1])
    return np.nan


@_compile
def _single_roots(values, rate, several):  # pragma: no cover - compiled
    room = np.empty((4, values.shape[1]))
    for d in range(values.shape[0]):
        changes, first, last = _sign_structure(values[d])
        certain = True
        if changes == 1:
            rate[d] = _single_root(values[d], first, last, room[0], room[1])
        elif changes > 1:
            rate[d], certain = _nearest_root(values[d], first, last, room)
        else:
            rate[d] = np.nan
        several[d] = not certain


def single_roots(values: FloatArray) -> tuple[FloatArray, np.ndarray]:
    """The rate of each row of ``values`` (D, T) [EUR] [fraction per year], and whether each
    row is left to :func:`businesscase.irr.irr`'s companion matrices (D,) (its rate NaN here):
    the rows with several sign changes that :func:`_nearest_root` cannot settle."""
    values = np.ascontiguousarray(values, dtype=np.float64)
    rate = np.empty(values.shape[0])
    several = np.empty(values.shape[0], dtype=np.bool_)
    _single_roots(values, rate, several)
    return rate, several
