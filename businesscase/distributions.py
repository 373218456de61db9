"""Uncertain inputs written as distributions (SPEC section 6).

Any numeric input of a scenario, except the integer fields and the beneficiary shares, may be
written as a distribution instead of a number::

    proxy = { dist = "triangular", low = 9000, mode = 14000, high = 30000 }

Deterministic evaluation uses the distribution's **base value** (SPEC section 2): the mode for
triangular and PERT, the midpoint for uniform, the mean for normal and lognormal. Each model
checks its own shape (``low <= mode <= high``, ``sd > 0``, ...); the scenario checks the base
value against the rule of the field it stands in. Drawing samples is the Monte Carlo's job: each
class is the natural home of a ``sample(rng, n)`` method.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError


def real_number(value: Any) -> float:
    """Accept a finite int or float (returned as float); refuse booleans, text and the rest.

    Raises
    ------
    pydantic_core.PydanticCustomError
        With a message for people who edit TOML by hand.
    """
    if isinstance(value, bool):
        raise PydanticCustomError("number", "must be a number, not true/false")
    if isinstance(value, str):
        raise PydanticCustomError("number", "must be a number, not text (remove the quotes)")
    if not isinstance(value, int | float):
        raise PydanticCustomError("number", "must be a number")
    if not math.isfinite(value):
        raise PydanticCustomError("number", "must be a finite number, not nan or inf")
    return float(value)


Real = Annotated[float, BeforeValidator(real_number)]
"""A finite real number; an int is stored as float."""


def _shape_error(shape: str, rule: str, field: str) -> PydanticCustomError:
    """A shape rule broken by ``field`` (named in the context, so paths can point at it)."""
    return PydanticCustomError(
        "distribution_shape",
        "a {shape} needs {rule}",
        {"shape": shape, "rule": rule, "field": field},
    )


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
            raise _shape_error(self.dist, "low <= mode <= high", "mode")
        if not self.low < self.high:
            raise _shape_error(
                self.dist, "low < high (write a plain number for a fixed value)", "high"
            )
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
            raise _shape_error("uniform", "low < high", "high")
        return self

    @property
    def base(self) -> float:
        """The base value: the midpoint, :math:`b = (low + high) / 2`."""
        return (self.low + self.high) / 2


class _MeanSd(_Shape):
    """A distribution given by the mean and standard deviation of the value (``sd > 0``)."""

    mean: Real = Field(description="Mean of the value; the base value [unit of the field].")
    sd: Real = Field(description="Standard deviation of the value, > 0 [unit of the field].")

    @model_validator(mode="after")
    def _positive_sd(self) -> _MeanSd:
        if not self.sd > 0:
            raise _shape_error(self.dist, "sd > 0", "sd")
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
            raise _shape_error("lognormal", "mean > 0", "mean")
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
"""Each distribution's ``dist`` name with its model, in SPEC order."""

DISTRIBUTION_NAMES: tuple[str, ...] = tuple(DISTRIBUTIONS)
DISTRIBUTION_TYPES: tuple[type[_Shape], ...] = tuple(DISTRIBUTIONS.values())


def is_distribution(value: object) -> bool:
    """Whether ``value`` is one of the distribution models."""
    return isinstance(value, DISTRIBUTION_TYPES)


def base_value(value: float | Triangular | Pert | Uniform | Normal | Lognormal) -> float:
    """The number deterministic evaluation uses: the value itself, or a distribution's base.

    Parameters
    ----------
    value : float or Distribution
        A scenario input.

    Returns
    -------
    float
        ``value`` for a number; ``value.base`` for a distribution (SPEC section 2).

    Examples
    --------
    >>> base_value(3.0), base_value(Uniform(dist="uniform", low=1.0, high=2.0))
    (3.0, 1.5)
    """
    return value.base if is_distribution(value) else value  # type: ignore[union-attr]
