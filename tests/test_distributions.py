"""Distributions (docs/uncertainty.md): base values (docs/methodology.md, Conventions) and shape
rules."""

import math

import pytest
from pydantic import TypeAdapter, ValidationError

from businesscase.distributions import (
    DISTRIBUTION_NAMES,
    Distribution,
    Lognormal,
    Normal,
    Pert,
    Triangular,
    Uniform,
    base_value,
    is_distribution,
)

ANY = TypeAdapter(Distribution)


@pytest.mark.parametrize(
    ("table", "kind", "base"),
    [
        ({"dist": "triangular", "low": 0.1, "mode": 0.25, "high": 0.4}, Triangular, 0.25),
        ({"dist": "pert", "low": 9000, "mode": 14000, "high": 30000}, Pert, 14000.0),
        ({"dist": "uniform", "low": -1, "high": 2}, Uniform, 0.5),
        ({"dist": "normal", "mean": -0.5, "sd": 0.1}, Normal, -0.5),
        ({"dist": "lognormal", "mean": 14000, "sd": 3000}, Lognormal, 14000.0),
    ],
)
def test_each_distribution_is_told_apart_by_dist_and_has_its_base_value(table, kind, base):
    value = ANY.validate_python(table)
    assert type(value) is kind
    assert value.base == base
    assert base_value(value) == base
    assert is_distribution(value)


def test_a_plain_number_is_its_own_base_value():
    assert base_value(3.5) == 3.5
    assert not is_distribution(3.5)


def test_integers_are_stored_as_floats_and_dist_comes_first():
    value = Pert(dist="pert", low=1, mode=2, high=4)
    assert value.model_dump() == {"dist": "pert", "low": 1.0, "mode": 2.0, "high": 4.0}
    assert all(isinstance(x, float) for x in (value.low, value.mode, value.high))


def test_the_names_follow_spec_order():
    assert DISTRIBUTION_NAMES == ("triangular", "pert", "uniform", "normal", "lognormal")


def test_a_mode_at_either_bound_is_allowed():
    assert Triangular(dist="triangular", low=0, mode=0, high=1).base == 0.0
    assert Pert(dist="pert", low=0, mode=1, high=1).base == 1.0


def test_distributions_are_immutable_and_comparable():
    value = Normal(dist="normal", mean=1, sd=2)
    assert value == Normal(dist="normal", mean=1.0, sd=2.0)
    with pytest.raises(ValidationError, match="frozen"):
        value.mean = 3.0


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"dist": "triangular", "low": 1, "mode": 5, "high": 4}, "a triangular needs low <= mode"),
        ({"dist": "pert", "low": 2, "mode": 1, "high": 4}, "a pert needs low <= mode <= high"),
        ({"dist": "pert", "low": 1, "mode": 1, "high": 1}, "a pert needs low < high"),
        ({"dist": "triangular", "low": 3, "mode": 3, "high": 3}, "write a plain number"),
        ({"dist": "uniform", "low": 2, "high": 2}, "a uniform needs low < high"),
        ({"dist": "uniform", "low": 3, "high": 2}, "a uniform needs low < high"),
        ({"dist": "normal", "mean": 1, "sd": 0}, "a normal needs sd > 0"),
        ({"dist": "normal", "mean": 1, "sd": -1}, "a normal needs sd > 0"),
        ({"dist": "lognormal", "mean": 1, "sd": 0}, "a lognormal needs sd > 0"),
        ({"dist": "lognormal", "mean": 0, "sd": 1}, "a lognormal needs mean > 0"),
        ({"dist": "lognormal", "mean": -5, "sd": 1}, "a lognormal needs mean > 0"),
        ({"dist": "normal", "mean": True, "sd": 1}, "must be a number, not true/false"),
        ({"dist": "normal", "mean": "1", "sd": 1}, "not text"),
        ({"dist": "normal", "mean": math.nan, "sd": 1}, "finite"),
        ({"dist": "uniform", "low": 0, "high": math.inf}, "finite"),
        ({"dist": "pert", "low": [1], "mode": 2, "high": 3}, "must be a number"),
        ({"dist": "normal", "mean": 1, "sd": 1, "low": 0}, "low"),
        ({"dist": "normal", "mean": 1}, "sd"),
    ],
)
def test_shape_rules(table, message):
    with pytest.raises(ValidationError, match=message):
        ANY.validate_python(table)


def test_an_unknown_dist_is_refused():
    with pytest.raises(ValidationError, match="beta"):
        ANY.validate_python({"dist": "beta", "low": 0, "high": 1})
