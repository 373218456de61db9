"""The draws of a simulation's inputs, money and events, compiled (see :mod:`businesscase.kernels`).

Every number is numpy's own, to the bit: the kernels step each stream's PCG64 generator
(:func:`businesscase.sampling.stream`) themselves, from its state copied out of numpy
(:func:`businesscase.sampling.stream_words`), and draw from it with the algorithms numpy's
``Generator`` uses, operation for operation:

- a uniform share: the top 53 bits of a 64-bit word times ``2^-53``;
- a standard normal: the ziggurat of 256 layers (Marsaglia and Tsang, 2000), with numpy's
  tables (numba keeps a copy of them, which is read here);
- a standard exponential: the ziggurat of 256 layers, numpy's tables;
- a standard gamma with shape ``a >= 1``: Marsaglia and Tsang's method (2000), the exponential
  at ``a = 1``.

The transforms of :func:`businesscase.sampling.sample` follow in the same pass, with the same
operations in the same order (no fused multiply-add: numba contracts none unless asked), and
the rounding of whole years and the clipping of :func:`businesscase.sampling.clip_to_range` in
a second pass over the row while it is in the cache. A lognormal's ``exp`` is left to numpy
(whose ``exp`` may round differently from the C library's on some processors): the kernel
writes the log. The tests draw every kind both ways and compare the bits. The
tables are read from numba's copy of them, a private module of numba's: should a numba release
move it, :data:`TABLES_FOUND` is False and a simulation draws with numpy's array calls instead
(the same numbers, more slowly).

A stream's state before its first draw (:func:`seeded_states`) is made from the seed and the
path the way numpy's ``SeedSequence`` and ``PCG64`` make it, without making them.

The order of a rank correlation's arranged scores (:func:`sort_order`) is ``numpy.argsort``'s,
found by a counting sort into buckets; where it could differ from numpy's (tied keys) it
declines and numpy sorts.

Against numpy's array calls this saves the temporaries of the transforms and the indirect call
per number of numpy's generator interface: an input's block of draws is one call instead of
five numpy calls or so.

References: G. Marsaglia and W. W. Tsang, "The ziggurat method for generating random
variables", *Journal of Statistical Software* 5(8) (2000); G. Marsaglia and W. W. Tsang, "A
simple method for generating gamma variables", *ACM Transactions on Mathematical Software*
26(3), 363-372 (2000); M. E. O'Neill, "PCG: a family of simple fast space-efficient
statistically good algorithms for random number generation", HMC-CS-2014-0905 (2014).
"""

from __future__ import annotations

import math

import numpy as np
from llvmlite import ir
from numba import njit, types
from numba.core import cgutils
from numba.extending import intrinsic

try:  # numpy's ziggurat tables, as numba keeps them (a private module of numba's)
    from numba.np.random._constants import (
        fe_double,
        fi_double,
        ke_double,
        ki_double,
        we_double,
        wi_double,
        ziggurat_exp_r,
        ziggurat_nor_inv_r,
        ziggurat_nor_r,
    )

    TABLES_FOUND = True
except ImportError:  # a numba that moved them: the draws stay numpy's (the same numbers)
    TABLES_FOUND = False

from businesscase.kernels.compiling import compiled as _compile
from businesscase.sampling import DrawKind
from businesscase.timeline import FloatArray

PCG64_MULTIPLIER = 0x2360ED051FC65DA44385DF649FCCF645
"""The 128-bit multiplier of PCG64's linear congruential step (O'Neill, 2014)."""

TRIANGULAR, PERT, UNIFORM, NORMAL, LOG_OF_LOGNORMAL = (int(kind) for kind in DrawKind)

_inline = njit(inline="always")
"""The helpers of the kernels, written into each kernel that calls them (numba's own
inlining: a call to a separately compiled function costs more than the helper's work)."""

_LOW_8 = np.uint64(0xFF)
_LOW_52 = np.uint64(0x000FFFFFFFFFFFFF)
_HALF = np.uint64(0xFFFFFFFF)
_0, _1, _3, _8, _11, _32 = (np.uint64(n) for n in (0, 1, 3, 8, 11, 32))
_TO_SHARE = 1.0 / 9007199254740992.0  # 2^-53
_TO_WHOLE = 4294967296.0  # 2^32


@intrinsic
def _next_word(typingctx, state):  # pragma: no cover - compiled
    """The next 64-bit word of a PCG64 stream, and its new state; a state is four words
    (state high, state low, increment high, increment low), kept in registers. The state steps
    ``s <- s m + inc`` modulo 2^128 (one 128-bit multiplication, which numba cannot write); the
    word is the two halves of the new state xor-ed, rotated right by its top 6 bits."""
    word, wide = ir.IntType(64), ir.IntType(128)
    signature = types.Tuple((state, types.uint64))(state)

    def codegen(context, builder, sig, args):
        high, low, inc_high, inc_low = cgutils.unpack_tuple(builder, args[0], 4)

        def joined(high, low):
            high = builder.shl(builder.zext(high, wide), ir.Constant(wide, 64))
            return builder.or_(high, builder.zext(low, wide))

        stepped = builder.add(
            builder.mul(joined(high, low), ir.Constant(wide, PCG64_MULTIPLIER)),
            joined(inc_high, inc_low),
        )
        high = builder.trunc(builder.lshr(stepped, ir.Constant(wide, 64)), word)
        low = builder.trunc(stepped, word)
        mixed = builder.xor(high, low)
        turn = builder.lshr(high, ir.Constant(word, 58))
        back = builder.and_(builder.sub(ir.Constant(word, 64), turn), ir.Constant(word, 63))
        made = builder.or_(builder.lshr(mixed, turn), builder.shl(mixed, back))
        state = context.make_tuple(builder, sig.args[0], [high, low, inc_high, inc_low])
        return context.make_tuple(builder, sig.return_type, [state, made])

    if isinstance(state, types.UniTuple) and state.count == 4 and state.dtype == types.uint64:
        return signature, codegen
    return None


@_inline
def _load(words):  # pragma: no cover - compiled
    return (words[0], words[1], words[2], words[3])


@_inline
def _store(state, words):  # pragma: no cover - compiled
    words[0], words[1] = state[0], state[1]


@_inline
def _share(state):  # pragma: no cover - compiled
    state, bits = _next_word(state)
    return state, (bits >> _11) * _TO_SHARE


@_inline
def _normal(state):  # pragma: no cover - compiled
    while True:
        state, bits = _next_word(state)
        layer = bits & _LOW_8
        bits >>= _8
        size = (bits >> _1) & _LOW_52
        # the sign as a factor of +-1 (exact), not a branch a processor guesses wrong half the time
        value = size * wi_double[layer] * (1.0 - 2.0 * (bits & _1))
        if size < ki_double[layer]:
            return state, value
        if layer == 0:  # the tail beyond r
            while True:
                state, share = _share(state)
                beyond = -ziggurat_nor_inv_r * np.log1p(-share)
                state, share = _share(state)
                height = -np.log1p(-share)
                if height + height > beyond * beyond:
                    if (size >> _8) & _1:
                        return state, -(ziggurat_nor_r + beyond)
                    return state, ziggurat_nor_r + beyond
        else:
            state, share = _share(state)
            floor = fi_double[layer]
            if (fi_double[layer - 1] - floor) * share + floor < np.exp(-0.5 * value * value):
                return state, value


@_inline
def _exponential(state):  # pragma: no cover - compiled
    while True:
        state, bits = _next_word(state)
        bits >>= _3
        layer = bits & _LOW_8
        bits >>= _8
        value = bits * we_double[layer]
        if bits < ke_double[layer]:
            return state, value
        state, share = _share(state)
        if layer == 0:  # the tail beyond r
            return state, ziggurat_exp_r - np.log1p(-share)
        floor = fe_double[layer]
        if (fe_double[layer - 1] - floor) * share + floor < np.exp(-value):
            return state, value


@_inline
def _gamma(state, shape, b, c):  # pragma: no cover - compiled
    """A standard gamma of ``shape >= 1``; ``b = shape - 1/3`` and ``c = 1 / sqrt(9 b)``."""
    if shape == 1.0:
        return _exponential(state)
    while True:
        state, normal = _normal(state)
        cube = 1.0 + c * normal
        if cube <= 0.0:
            continue
        cube = cube * cube * cube
        state, share = _share(state)
        if share < 1.0 - 0.0331 * (normal * normal) * (normal * normal):
            return state, b * cube
        if np.log(share) < 0.5 * normal * normal + b * (1.0 - cube + np.log(cube)):
            return state, b * cube


@_inline
def _fill(kind, p, words, row):  # pragma: no cover - compiled
    """One input's draws into ``row``, as :func:`businesscase.sampling.sample` makes them."""
    low, high = p[0], p[1]
    state = _load(words)
    if kind == TRIANGULAR or kind == UNIFORM:
        for d in range(row.size):
            state, row[d] = _share(state)
    if kind == TRIANGULAR:
        peak = p[2]
        # a pass of its own, which the compiler vectorises; within the drawing loop the
        # choices would become branches that a processor guesses wrong half the time
        for d in range(row.size):
            share = row[d]
            below = share < peak
            root = math.sqrt(share * peak if below else (1.0 - share) * (1.0 - peak))
            share = root if below else 1.0 - root
            row[d] = low * (1.0 - share) + high * share
    elif kind == UNIFORM:
        for d in range(row.size):
            share = row[d]
            row[d] = low * (1.0 - share) + high * share
    elif kind == PERT:
        for second in (False, True):  # numpy draws every X first, then every Y
            shape = p[3] if second else p[2]
            b = shape - 1.0 / 3.0
            c = 1.0 / math.sqrt(9.0 * b)
            for d in range(row.size):  # one loop for both: the gamma is written in once
                state, drawn = _gamma(state, shape, b, c)
                if second:
                    share = row[d] / (row[d] + drawn)
                    row[d] = low * (1.0 - share) + high * share
                else:
                    row[d] = drawn
    else:  # normal, or the log of a lognormal: low and high hold the mean and sd
        for d in range(row.size):
            state, normal = _normal(state)
            row[d] = low + high * normal
    _store(state, words)


@_inline
def _clip(row, low, high, whole):  # pragma: no cover - compiled
    """Round whole years (halves up), and put the draws outside ``[low, high]`` on its ends as
    ``numpy.clip`` does (the others, NaN and ``-0.0`` too, kept as they are); the number of
    draws put on an end."""
    outside = 0
    for d in range(row.size):
        value = row[d]
        if whole:
            value = np.floor(value + 0.5)  # a float (math.floor would make an int64)
        if value < low:
            value = low
            outside += 1
        elif value > high:
            value = high
            outside += 1
        row[d] = value
    return outside


@_compile
def _draw_input(kind, parameters, words, row, low, high, whole, clip):  # pragma: no cover
    _fill(kind, parameters, words, row)
    return _clip(row, low, high, whole) if clip else 0


@_compile
def _clip_input(row, low, high, whole):  # pragma: no cover - compiled
    return _clip(row, low, high, whole)


def draw_input(
    kind: int,
    parameters: FloatArray,
    low: float,
    high: float,
    whole: bool,
    words: np.ndarray,
    row: FloatArray,
) -> int:
    """Draw, round and clip one input's draws of a block into ``row``.

    Parameters
    ----------
    kind : int
        The kind of draw (:class:`businesscase.sampling.DrawKind`).
    parameters : array, shape (4,)
        Its parameters (:func:`businesscase.sampling.kernel_parameters`).
    low, high : float
        The field's valid range.
    whole : bool
        Whether the field is a whole number of years (rounded, halves up).
    words : uint64 array, shape (4,)
        The input's stream's PCG64 state (:func:`businesscase.sampling.stream_words`), stepped
        on in place.
    row : array, shape (D,)
        The draws, filled in place.

    Returns
    -------
    int
        The number of draws clipped.
    """
    if kind != LOG_OF_LOGNORMAL:
        return _draw_input(kind, parameters, words, row, low, high, whole, True)
    _draw_input(kind, parameters, words, row, low, high, whole, False)
    np.exp(row, out=row)
    return _clip_input(row, low, high, whole)


@_compile
def _draw_money(words, chance, out):  # pragma: no cover - compiled
    state = _load(words)
    for d in range(out.size):
        state, share = _share(state)
        out[d] = 1.0 if share < chance[d] else 0.0
    _store(state, words)


def draw_money(words: np.ndarray, chance: FloatArray, out: FloatArray) -> None:
    """Whether a funding line's money comes, per draw: 1.0 where one uniform share lies below
    the draw's ``chance``, else 0.0 (:func:`businesscase.sampling.draw_events` without years).

    Parameters
    ----------
    words : uint64 array, shape (4,)
        The line's event stream's PCG64 state, stepped on in place.
    chance : array, shape (D,)
        The chance in each draw [fraction 0-1].
    out : array, shape (D,)
        Filled in place.
    """
    _draw_money(words, chance, out)


@_compile
def _draw_yearly(words, chance, out):  # pragma: no cover - compiled
    draws, years = out.shape
    state = _load(words)
    high = _0  # the high half of the last word, when it is the next event's
    carried = False
    for d in range(draws):
        limit = chance[d] * _TO_WHOLE
        t = 0
        if carried and years > 0:  # a draw of an odd number of years left a half over
            out[d, 0] = np.int64(high) < limit
            t, carried = 1, False
        while t + 1 < years:  # a word for two years, without asking which half is next
            state, bits = _next_word(state)
            out[d, t] = np.int64(bits & _HALF) < limit
            out[d, t + 1] = np.int64(bits >> _32) < limit
            t += 2
        if t < years:
            state, bits = _next_word(state)
            out[d, t] = np.int64(bits & _HALF) < limit
            high, carried = bits >> _32, True
    _store(state, words)


def draw_yearly(words: np.ndarray, chance: FloatArray, out: np.ndarray) -> None:
    """Whether an avoided cost's event happens, by draw and year
    (:func:`businesscase.sampling.draw_events` with years): a 32-bit half of a word of the
    line's stream, the low half first, against ``chance 2^32``.

    Parameters
    ----------
    words : uint64 array, shape (4,)
        The line's event stream's PCG64 state, stepped on in place.
    chance : array, shape (D,)
        The chance in each draw [fraction 0-1].
    out : bool array, shape (D, T)
        Filled in place.
    """
    _draw_yearly(words, chance, out)


@_compile
def _sort_order(keys, order, bucket, ends):  # pragma: no cover - compiled
    n = keys.size
    if n < 2:
        order[:] = 0
        return True
    low = high = keys[0]
    for key in keys:
        if not low <= key <= high:
            if key != key:  # NaN
                return False
            low, high = min(low, key), max(high, key)
    if not high > low:  # keys all equal
        return False
    scale = n / (high - low)  # 0 or inf for a width beyond float64 or below its normal numbers
    if not 0.0 < scale < math.inf:
        return False
    # a counting sort into n buckets of equal width (never a key into a lower bucket than a
    # smaller key's: every step of the bucket's number keeps the order) ...
    for i in range(n):
        bucket[i] = min(int((keys[i] - low) * scale), n - 1)
        ends[bucket[i] + 1] += 1
    for b in range(n):
        ends[b + 1] += ends[b]
    for i in range(n):
        order[ends[bucket[i]]] = i
        ends[bucket[i]] += 1
    # ... then an insertion sort within each bucket (a few keys each, for keys spread like a
    # normal's), given up when the keys crowd into a few buckets and it would take long
    moves, start = 0, 0
    for b in range(n):
        for j in range(start + 1, ends[b]):
            moving = order[j]
            k = j
            while k > start and keys[order[k - 1]] > keys[moving]:
                order[k] = order[k - 1]
                k -= 1
            order[k] = moving
            moves += j - k
            if moves > 16 * n:
                return False
        start = ends[b]
    for j in range(n - 1):  # a tie: numpy's order of tied keys is its own
        if not keys[order[j]] < keys[order[j + 1]]:
            return False
    return True


def sort_order(keys: FloatArray) -> np.ndarray | None:
    """The indices that sort ``keys``, ``numpy.argsort(keys)`` to the last index, in about a
    third of its time for the keys of a rank correlation (8,192 keys spread like a normal's);
    or None when some keys are equal (the order of tied keys is numpy's sorting algorithm's
    own), not finite, or crowded into a few buckets (the sort would take long).

    With no two keys equal the sorted order is unique, so any correct sort gives numpy's.

    Parameters
    ----------
    keys : array, shape (D,)

    Returns
    -------
    int array of shape (D,), or None
    """
    keys = np.ascontiguousarray(keys, dtype=np.float64)
    order, bucket = np.empty(keys.size, dtype=np.intp), np.empty(keys.size, dtype=np.intp)
    ends = np.zeros(keys.size + 1, dtype=np.intp)  # then where each bucket ends
    return order if _sort_order(keys, order, bucket, ends) else None


_WORD32 = np.uint64(0xFFFFFFFF)
_INIT_A, _MULT_A = np.uint64(0x43B0D7E5), np.uint64(0x931E8875)
_INIT_B, _MULT_B = np.uint64(0x8B51F9DD), np.uint64(0x58F38DED)
_MIX_LEFT, _MIX_RIGHT = np.uint64(0xCA01F9DD), np.uint64(0x4973F715)
_16, _63 = np.uint64(16), np.uint64(63)


@_inline
def _hashed(value, constant):  # pragma: no cover - compiled
    """A 32-bit word hashed with the running constant, and the constant stepped on."""
    value ^= constant
    constant = (constant * _MULT_A) & _WORD32
    value = (value * constant) & _WORD32
    return value ^ (value >> _16), constant


@_inline
def _mixed(into, value):  # pragma: no cover - compiled
    into = (_MIX_LEFT * into - _MIX_RIGHT * value) & _WORD32  # modulo 2^64, then 2^32
    return into ^ (into >> _16)


@_compile
def _seeded_states(entropy, sizes, states, pool, made):  # pragma: no cover - compiled
    for s in range(sizes.size):
        constant = _INIT_A
        for i in range(4):  # the first four words of the entropy into the pool ...
            pool[i], constant = _hashed(entropy[s, i], constant)
        for source in range(4):  # ... mixed into each other ...
            for target in range(4):
                if source != target:
                    hashed, constant = _hashed(pool[source], constant)
                    pool[target] = _mixed(pool[target], hashed)
        for source in range(4, sizes[s]):  # ... and every further word into each of them
            for target in range(4):
                hashed, constant = _hashed(entropy[s, source], constant)
                pool[target] = _mixed(pool[target], hashed)
        constant = _INIT_B
        for i in range(8):  # eight 32-bit words of state, drawn round the pool
            value = pool[i % 4] ^ constant
            constant = (constant * _MULT_B) & _WORD32
            value = (value * constant) & _WORD32
            made[i] = value ^ (value >> _16)
        # four 64-bit words (the low half first): the start and the sequence of the PCG64
        seed_high, seed_low = made[0] | made[1] << _32, made[2] | made[3] << _32
        sequence_high, sequence_low = made[4] | made[5] << _32, made[6] | made[7] << _32
        increment_high = (sequence_high << _1) | (sequence_low >> _63)
        increment_low = (sequence_low << _1) | _1
        # from state 0: a step, the start added (128 bits, with the carry), another step
        state, _ = _next_word((_0, _0, increment_high, increment_low))
        low = state[1] + seed_low
        high = state[0] + seed_high + (_1 if low < seed_low else _0)
        state, _ = _next_word((high, low, increment_high, increment_low))
        states[s, 0], states[s, 1], states[s, 2], states[s, 3] = state


def seeded_states(entropy: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """The PCG64 states, before their first draw, of the streams whose
    :class:`numpy.random.SeedSequence` holds the 32-bit words ``entropy[s, : sizes[s]]``, as
    numpy makes them (:func:`businesscase.sampling.stream_states` assembles the words).

    numpy's ``SeedSequence`` (after O'Neill's ``seed_seq`` alternative, 2015) hashes the first
    four words into a pool of four, mixes each into the others and every further word into
    each of them, and hashes eight words of state out of the pool; ``PCG64`` takes them as its
    start and its sequence (the increment is the sequence times 2 plus 1) and steps from state
    0, adding the start after the first step. Its multiplications are of 32-bit words modulo
    2^32, which numba would widen to 64 bits: they are made on 64-bit words and cut.

    Parameters
    ----------
    entropy : uint64 array, shape (S, W)
        Each stream's words (each below 2^32), left-aligned.
    sizes : int64 array, shape (S,)
        How many of its row's words each stream has (at least 4).

    Returns
    -------
    uint64 array, shape (S, 4)
        Per stream: state high and low, increment high and low.

    References
    ----------
    M. E. O'Neill, "Developing a seed_seq alternative", pcg-random.org (2015); numpy's
    documentation of ``numpy.random.SeedSequence`` and ``numpy.random.PCG64``.
    """
    states = np.empty((sizes.size, 4), dtype=np.uint64)
    pool, made = np.empty(4, dtype=np.uint64), np.empty(8, dtype=np.uint64)  # the words at work
    _seeded_states(entropy, sizes, states, pool, made)
    return states
