"""Uncertain inputs written as distributions (docs/uncertainty.md).

Any numeric input of a scenario, except the beneficiary shares and most integer fields, may be
written as a distribution instead of a number::

    proxy = { dist = "triangular", low = 9000, mode = 14000, high = 30000 }

Deterministic evaluation uses the distribution's **base value** (docs/methodology.md, Conventions):
the mode for triangular and PERT, the midpoint for uniform, the mean for normal and lognormal.
Of the integer fields, a line's ``start`` and ``duration`` and an outcome's ``lasts`` may be
distributions of years: their base value is rounded to the nearest whole number. Each
model checks its own shape (``low <= mode <= high``, ``sd > 0``, ...); the scenario checks the base
value against the rule of the field it stands in. Drawing samples is the Monte Carlo's job: each
class is the natural home of a ``sample(rng, n)`` method.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from businesscase.problems import Message, refusal


def real_number(value: Any) -> float:
    """Accept a finite int or float (returned as float); refuse booleans, text and the rest.

    Raises
    ------
    pydantic_core.PydanticCustomError
        With a message for people who edit TOML by hand.
    """
    if isinstance(value, bool):
        raise refusal(Message("number_not_boolean"))
    if isinstance(value, str):
        raise refusal(Message("number_not_text"))
    if not isinstance(value, int | float):
        raise refusal(Message("number"))
    if not math.isfinite(value):
        raise refusal(Message("finite"))
    return float(value)


Real = Annotated[float, BeforeValidator(real_number)]
"""A finite real number; an int is stored as float."""


def _shape_error(key: str, shape: str, field: str) -> PydanticCustomError:
    """A shape rule (a message key) broken by ``field``, named so paths can point at it."""
    return refusal(Message(key, shape=shape), field=field)


class _Shape(BaseModel):
    """Common settings: strict, no unknown fields, immutable (so scenarios can be compared)."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    dist: str = Field(description="Distribution name; each subclass allows only its own.")


class _LowModeHigh(_Shape):
    """A bounded distribution with a most likely value: ``low <= mode <= high``, ``low < high``."""

    low: Real = Field(description="Lowest possible value [unit of the field].")
    mode: Real = Field(description="Most likely value; the base value [unit of the field].")
    high: Real = Field(description="Highest possible value [unit of the field].")

    @model_validator(mode="after")
    def _ordered(self) -> _LowModeHigh:
        if not self.low <= self.mode <= self.high:
            raise _shape_error("mode_between", self.dist, "mode")
        if not self.low < self.high:
            raise _shape_error("low_below_high", self.dist, "high")
        return self

    @property
    def base(self) -> float:
        """The base value: the mode, :math:`b = mode`."""
        return self.mode


class Triangular(_LowModeHigh):
    """Triangular distribution on ``[low, high]`` peaking at ``mode``.

    Its base value is the mode, :math:`b = mode`; its mean is
    :math:`(low + mode + high) / 3`.

    Examples
    --------
    >>> Triangular(dist="triangular", low=0.1, mode=0.25, high=0.4).base
    0.25
    """

    dist: Literal["triangular"] = Field(description="Distribution name.")


class Pert(_LowModeHigh):
    """Beta-PERT distribution on ``[low, high]`` with mode ``mode``.

    A beta distribution scaled to ``[low, high]`` with shape parameters
    :math:`\\alpha = 1 + 4 (mode - low) / (high - low)` and
    :math:`\\beta = 1 + 4 (high - mode) / (high - low)`, so its mean is
    :math:`(low + 4\\,mode + high) / 6`. Its base value is the mode, :math:`b = mode`.

    Examples
    --------
    >>> Pert(dist="pert", low=1, mode=2, high=6).base
    2.0
    """

    dist: Literal["pert"] = Field(description="Distribution name.")


class Uniform(_Shape):
    """Uniform distribution on ``[low, high]`` (``low < high``).

    Its base value is the midpoint, :math:`b = (low + high) / 2`.

    Examples
    --------
    >>> Uniform(dist="uniform", low=1, high=2).base
    1.5
    """

    dist: Literal["uniform"] = Field(description="Distribution name.")
    low: Real = Field(description="Lower bound [unit of the field].")
    high: Real = Field(description="Upper bound, > low [unit of the field].")

    @model_validator(mode="after")
    def _ordered(self) -> Uniform:
        if not self.low < self.high:
            raise _shape_error("uniform_low_below_high", "uniform", "high")
        return self

    @property
    def base(self) -> float:
        """The base value: the midpoint, :math:`b = (low + high) / 2`.

        Computed as ``low / 2 + high / 2``: the same number (halving is exact), and no overflow
        when ``low + high`` is beyond float64 (a uniform from 1e308 to 1.5e308).
        """
        return self.low / 2 + self.high / 2


class _MeanSd(_Shape):
    """A distribution given by the mean and standard deviation of the value (``sd > 0``)."""

    mean: Real = Field(description="Mean of the value; the base value [unit of the field].")
    sd: Real = Field(description="Standard deviation of the value, > 0 [unit of the field].")

    @model_validator(mode="after")
    def _positive_sd(self) -> _MeanSd:
        if not self.sd > 0:
            raise _shape_error("sd_positive", self.dist, "sd")
        return self

    @property
    def base(self) -> float:
        """The base value: the mean, :math:`b = mean`."""
        return self.mean


class Normal(_MeanSd):
    """Normal distribution with mean ``mean`` and standard deviation ``sd``.

    Its base value is the mean, :math:`b = mean`.

    Examples
    --------
    >>> Normal(dist="normal", mean=-0.5, sd=0.1).base
    -0.5
    """

    dist: Literal["normal"] = Field(description="Distribution name.")


class Lognormal(_MeanSd):
    """Lognormal distribution whose *value* (not its log) has mean ``mean > 0`` and sd ``sd``.

    The log of the value is normal with :math:`\\sigma^2 = \\ln(1 + sd^2 / mean^2)` and
    :math:`\\mu = \\ln(mean) - \\sigma^2 / 2`. Its base value is the mean, :math:`b = mean`.

    Examples
    --------
    >>> Lognormal(dist="lognormal", mean=14000, sd=3000).base
    14000.0
    """

    dist: Literal["lognormal"] = Field(description="Distribution name.")

    @model_validator(mode="after")
    def _positive_mean(self) -> Lognormal:
        if not self.mean > 0:
            raise _shape_error("mean_positive", "lognormal", "mean")
        return self


Distribution = Annotated[
    Triangular | Pert | Uniform | Normal | Lognormal, Field(discriminator="dist")
]
"""Any of the five distributions, told apart by their ``dist`` field."""

DISTRIBUTIONS: dict[str, type[_Shape]] = {
    "triangular": Triangular,
    "pert": Pert,
    "uniform": Uniform,
    "normal": Normal,
    "lognormal": Lognormal,
}
"""Each distribution's ``dist`` name with its model, as listed in docs/scenario-format.md."""

DISTRIBUTION_NAMES: tuple[str, ...] = tuple(DISTRIBUTIONS)
DISTRIBUTION_TYPES: tuple[type[_Shape], ...] = tuple(DISTRIBUTIONS.values())


def is_distribution(value: object) -> bool:
    """Whether ``value`` is one of the distribution models."""
    return isinstance(value, DISTRIBUTION_TYPES)


def base_value(
    value: float | Triangular | Pert | Uniform | Normal | Lognormal, *, whole: bool = False
) -> float:
    """The number deterministic evaluation uses: the value itself, or a distribution's base.

    Parameters
    ----------
    value : float or Distribution
        A scenario input.
    whole : bool, default False
        The input is a whole number of years (``start``, ``duration``, ``lasts``): a
        distribution's base is rounded to the nearest whole number (:func:`whole_base_value`).

    Returns
    -------
    float
        ``value`` for a number; ``value.base`` for a distribution (docs/methodology.md,
        Conventions).

    Examples
    --------
    >>> base_value(3.0), base_value(Uniform(dist="uniform", low=1.0, high=2.0))
    (3.0, 1.5)
    >>> base_value(Uniform(dist="uniform", low=1.0, high=2.0), whole=True)
    2
    """
    if whole:
        return whole_base_value(value)  # type: ignore[arg-type]
    return value.base if is_distribution(value) else value  # type: ignore[union-attr]


def nearest_whole(value: float) -> int:
    """The whole number nearest to ``value``, halves rounded up (``2.5`` -> 3, ``-0.5`` -> 0).

    How a whole-number field written as a distribution (``start``, ``duration``, ``lasts``)
    turns its base value and each of its draws into years (docs/uncertainty.md).
    """
    return math.floor(value + 0.5)


def whole_base_value(value: int | Triangular | Pert | Uniform | Normal | Lognormal) -> int:
    """The number of years deterministic evaluation uses for a whole-number field: the value
    itself, or a distribution's base rounded to the nearest whole number (:func:`nearest_whole`).

    Examples
    --------
    >>> whole_base_value(3), whole_base_value(Triangular(dist="triangular", low=1, mode=1.5,
    ...                                                  high=4))
    (3, 2)
    """
    return nearest_whole(value.base) if is_distribution(value) else value  # type: ignore[union-attr]


# --- distributions as one line of text (the app's tables) --------------------------------------

_CALL = re.compile(r"\s*([A-Za-z_]+)\s*\((.*)\)\s*")


def parameter_names(name: str) -> tuple[str, ...]:
    """The parameters of a distribution in writing order: ``("low", "mode", "high")``, ..."""
    return tuple(field for field in DISTRIBUTIONS[name].model_fields if field != "dist")


def _number_text(value: float) -> str:
    """Shortest text that reads back as the same float; ``14000.0`` -> ``14000``."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def distribution_text(value: Any) -> str:
    """A distribution as one line, e.g. ``triangular(0.2, 0.3, 0.45)``; ``""`` for a number.

    Accepts a distribution model or a distribution table (``{"dist": ..., ...}``), in the
    parameter order of :func:`parameter_names`; :func:`parse_distribution_text` reads it back.

    Examples
    --------
    >>> distribution_text({"dist": "normal", "mean": -0.5, "sd": 0.1})
    'normal(-0.5, 0.1)'
    >>> distribution_text(3.0)
    ''
    """
    if is_distribution(value):
        value = value.model_dump()
    if not isinstance(value, Mapping):
        return ""
    name = value["dist"]
    numbers = ", ".join(_number_text(value[field]) for field in parameter_names(name))
    return f"{name}({numbers})"


def parse_distribution_text(text: str) -> dict[str, Any] | None:
    """Read a distribution written as ``name(number, ...)`` into a distribution table.

    The parameters come in the order of :func:`parameter_names`: ``triangular(low, mode,
    high)``, ``pert(low, mode, high)``, ``uniform(low, high)``, ``normal(mean, sd)``,
    ``lognormal(mean, sd)``. Numbers are separated by commas, or by semicolons when they use
    a decimal comma (``triangular(0,2; 0,3; 0,45)``). The table still has to pass the
    scenario's checks (``low <= mode <= high``, the field's range).

    Parameters
    ----------
    text : str
        The line; blank means "no distribution".

    Returns
    -------
    dict or None
        ``{"dist": name, parameter: float, ...}``, or None for blank text.

    Raises
    ------
    ValueError
        For an unknown name, a wrong number of parameters or a parameter that is not a
        finite number; the message says what was expected.

    Examples
    --------
    >>> parse_distribution_text("triangular(0.2, 0.3, 0.45)")
    {'dist': 'triangular', 'low': 0.2, 'mode': 0.3, 'high': 0.45}
    >>> parse_distribution_text("Normal(1,5; 0,25)")
    {'dist': 'normal', 'mean': 1.5, 'sd': 0.25}
    """
    if not text.strip():
        return None
    written = ", ".join(f"{name}({', '.join(parameter_names(name))})" for name in DISTRIBUTIONS)
    call = _CALL.fullmatch(text)
    if call is None or call.group(1).lower() not in DISTRIBUTIONS:
        raise ValueError(f"write a distribution as one of {written}")
    name, inside = call.group(1).lower(), call.group(2)
    parts = inside.split(";") if ";" in inside else inside.split(",")
    if ";" in inside:
        parts = [part.replace(",", ".") for part in parts]
    names = parameter_names(name)
    if len(parts) != len(names):
        raise ValueError(
            f"{name} needs {len(names)} numbers, {name}({', '.join(names)}); got {len(parts)}"
        )
    table: dict[str, Any] = {"dist": name}
    for field, part in zip(names, parts, strict=True):
        try:
            number = float(part.replace("_", "").strip())
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            raise ValueError(f"{field} of {name} must be a finite number, not {part.strip()!r}")
        table[field] = number
    return table


def with_base(table: Mapping[str, Any], base: float) -> dict[str, Any]:
    """A distribution table moved to a new base value, its spread kept.

    The base parameter becomes ``base`` (the mode of triangular and PERT, the mean of normal
    and lognormal); a uniform distribution is shifted so that its midpoint is ``base``. The
    bounds of triangular and PERT stay where they are, so a base outside them is reported by
    the scenario's checks (``low <= mode <= high``).

    Examples
    --------
    >>> with_base({"dist": "uniform", "low": 1.0, "high": 3.0}, 4.0)
    {'dist': 'uniform', 'low': 3.0, 'high': 5.0}
    >>> with_base({"dist": "pert", "low": 1.0, "mode": 2.0, "high": 6.0}, 3.0)
    {'dist': 'pert', 'low': 1.0, 'mode': 3.0, 'high': 6.0}
    """
    moved = dict(table)
    if moved["dist"] == "uniform":
        shift = base - (moved["low"] + moved["high"]) / 2
        moved["low"], moved["high"] = moved["low"] + shift, moved["high"] + shift
    else:
        moved["mode" if "mode" in moved else "mean"] = base
    return moved
