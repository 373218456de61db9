"""Uncertain inputs written as distributions (SPEC section 6).

Any numeric input of a scenario may be written as a distribution instead of a number::

    proxy = { dist = "triangular", low = 9000, mode = 14000, high = 30000 }

Deterministic evaluation uses the distribution's **base value** (SPEC section 2): the mode for
triangular and PERT, the midpoint for uniform, the mean for normal and lognormal. The Monte
Carlo samples them.
"""

from __future__ import annotations

import math
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError


class _Shape(BaseModel):
    """Common settings: strict numbers, no unknown fields, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    @model_validator(mode="after")
    def _finite(self) -> _Shape:
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, float) and not math.isfinite(value):
                raise PydanticCustomError(
                    "distribution", "{field} must be a finite number", {"field": name}
                )
        return self


class _LowModeHigh(_Shape):
    low: float = Field(description="Lowest possible value.")
    mode: float = Field(description="Most likely value; the base value.")
    high: float = Field(description="Highest possible value.")

    @model_validator(mode="after")
    def _ordered(self) -> _LowModeHigh:
        if not self.low <= self.mode <= self.high:
            raise PydanticCustomError(
                "distribution", "needs low <= mode <= high", {"field": "mode"}
            )
        if not self.low < self.high:
            raise PydanticCustomError("distribution", "needs low < high", {"field": "high"})
        return self

    @property
    def base(self) -> float:
        """The mode."""
        return self.mode


class Triangular(_LowModeHigh):
    """Triangular distribution on [low, high] with its peak at ``mode``."""

    dist: Literal["triangular"]


class Pert(_LowModeHigh):
    """Beta-PERT distribution on [low, high] with mode ``mode`` (weight 4 on the mode)."""

    dist: Literal["pert"]


class Uniform(_Shape):
    """Uniform distribution on [low, high]; base value the midpoint ``(low + high) / 2``."""

    dist: Literal["uniform"]
    low: float = Field(description="Lower bound.")
    high: float = Field(description="Upper bound.")

    @model_validator(mode="after")
    def _ordered(self) -> Uniform:
        if not self.low < self.high:
            raise PydanticCustomError("distribution", "needs low < high", {"field": "high"})
        return self

    @property
    def base(self) -> float:
        """The midpoint."""
        return (self.low + self.high) / 2


class _MeanSd(_Shape):
    mean: float = Field(description="Mean of the value; the base value.")
    sd: float = Field(description="Standard deviation of the value, > 0.")

    @model_validator(mode="after")
    def _positive_sd(self) -> _MeanSd:
        if not self.sd > 0:
            raise PydanticCustomError("distribution", "needs sd > 0", {"field": "sd"})
        return self

    @property
    def base(self) -> float:
        """The mean."""
        return self.mean


class Normal(_MeanSd):
    """Normal distribution with ``mean`` and standard deviation ``sd``."""

    dist: Literal["normal"]


class Lognormal(_MeanSd):
    """Lognormal distribution whose *value* (not its log) has ``mean`` and ``sd``; mean > 0."""

    dist: Literal["lognormal"]

    @model_validator(mode="after")
    def _positive_mean(self) -> Lognormal:
        if not self.mean > 0:
            raise PydanticCustomError(
                "distribution", "a lognormal needs mean > 0", {"field": "mean"}
            )
        return self


Distribution = Annotated[
    Triangular | Pert | Uniform | Normal | Lognormal, Field(discriminator="dist")
]
"""Any of the five distributions, told apart by their ``dist`` field."""

DISTRIBUTION_TYPES: tuple[type, ...] = (Triangular, Pert, Uniform, Normal, Lognormal)
DISTRIBUTION_NAMES: tuple[str, ...] = ("triangular", "pert", "uniform", "normal", "lognormal")


def is_distribution(value: object) -> bool:
    """Whether ``value`` is one of the distribution models."""
    return isinstance(value, DISTRIBUTION_TYPES)


def base_value(value: float | Triangular | Pert | Uniform | Normal | Lognormal) -> float:
    """The number deterministic evaluation uses: the value itself, or a distribution's base.

    Examples
    --------
    >>> base_value(3.0), base_value(Uniform(dist="uniform", low=1.0, high=2.0))
    (3.0, 1.5)
    """
    return value.base if is_distribution(value) else value  # type: ignore[union-attr]
