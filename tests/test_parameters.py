"""Compiled parameters: every input in its place, to the bit, however they are filled
(businesscase/parameters.py; docs/uncertainty.md, "Compiled hot spots")."""

import gc
import sys
from pathlib import Path

import numpy as np
import pytest

from businesscase import examples, parameters
from businesscase.distributions import base_value, whole_base_value
from businesscase.parameters import (
    NUMERIC_FIELDS,
    TIMING_FIELDS,
    compile_parameters,
    risky_lines,
    uncertain_inputs,
    whole_years,
)
from businesscase.sampling import sample_inputs

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from synthetic import synthetic_scenario  # noqa: E402

SCENARIOS = {
    "synthetic_50x30": synthetic_scenario,
    **{name: lambda name=name: examples.load_example(name) for name in examples.list_examples()},
}


def plain_column(scenario, section, field, line, draws, values, *, timing):
    """One input of one line for every draw, read from the scenario by its path: the
    reference the compiled arrays must equal to the bit."""
    prefix, written = parameters._entries(scenario, section)[line]
    path = f"{prefix}.{field}"
    value = getattr(written, field)
    if timing:
        return (
            whole_years(values[path]) if path in values else np.full(draws, whole_base_value(value))
        )
    if path in values:
        return np.asarray(values[path], dtype=float)
    return np.full(
        draws, parameters._ABSENT_DEFAULTS[field] if value is None else base_value(value)
    )


def assert_every_input_in_place(scenario, params, draws, values):
    for kind, sections, timing in [
        (params.lines, NUMERIC_FIELDS, False),
        (params.timing, TIMING_FIELDS, True),
    ]:
        for section, fields in sections.items():
            for field in fields:
                array = kind[section][field]
                lines = len(parameters._entries(scenario, section))
                assert array.shape == (draws, lines)
                for line in range(lines):
                    expected = plain_column(
                        scenario, section, field, line, draws, values, timing=timing
                    )
                    assert np.array_equal(array[:, line], expected), (section, field, line)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_every_sampled_and_base_input_is_in_its_place(name):
    scenario = SCENARIOS[name]()
    draws = 37
    horizon = scenario.settings.horizon_years
    values, _ = sample_inputs(uncertain_inputs(scenario), draws, 3, horizon_years=horizon)
    params = compile_parameters(scenario, draws=draws, values=values)
    assert_every_input_in_place(scenario, params, draws, values)
    settings = scenario.settings
    for got, path, written in [
        (params.discount_rate, parameters.DISCOUNT_RATE_PATH, settings.discount_rate),
        (params.inflation, parameters.INFLATION_PATH, settings.inflation),
    ]:
        expected = values[path] if path in values else np.full(draws, base_value(written))
        assert np.array_equal(got, expected)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_one_draw_of_base_values_is_what_evaluate_reads(name):
    scenario = SCENARIOS[name]()
    params = compile_parameters(scenario)
    assert_every_input_in_place(scenario, params, 1, {})


def test_yearly_events_replace_the_chance_of_their_lines_only():
    scenario = synthetic_scenario()
    draws, horizon = 6, scenario.settings.horizon_years
    risky = sorted(risky_lines(scenario, "avoided_costs"))
    events = {risky[0]: np.arange(draws * horizon).reshape(draws, horizon) % 3 == 0}
    yearly = {f"avoided_costs[{line}].probability": happens for line, happens in events.items()}
    params = compile_parameters(scenario, draws=draws, yearly=yearly)
    chance = params.lines["avoided_costs"]["probability"]
    assert params.avoided_cost_years.shape == (draws, chance.shape[1], horizon)
    assert params.avoided_cost_years.dtype == np.float64
    for line in range(chance.shape[1]):
        expected = events[line] if line in events else np.repeat(chance[:, line, None], horizon, 1)
        assert np.array_equal(params.avoided_cost_years[:, line], expected.astype(float))
    # kept as booleans of the lines with events only: what the fused kernel reads
    assert params.events.dtype == bool and params.event_lines == (risky[0],)
    assert params.events.shape == (1, draws, horizon)
    assert np.array_equal(params.events[0], events[risky[0]])


def test_events_of_an_avoided_cost_that_is_not_there_are_refused():
    scenario = synthetic_scenario()
    path = f"avoided_costs[{len(scenario.avoided_costs)}].probability"
    with pytest.raises(KeyError, match=r"no numeric input at " + path.replace("[", r"\[")):
        compile_parameters(scenario, draws=2, yearly={path: np.ones((2, 30), dtype=bool)})


def test_without_yearly_events_every_probability_is_an_expected_share():
    params = compile_parameters(synthetic_scenario(), draws=2)
    assert params.events is None and params.event_lines == ()
    assert params.avoided_cost_years is None


def test_an_input_no_draw_changes_is_shared_and_cannot_be_changed():
    scenario = synthetic_scenario()
    params = compile_parameters(scenario, draws=4)
    displacement = params.lines["outcomes"]["displacement"]
    assert displacement.shape == (4, len(scenario.outcomes))
    with pytest.raises(ValueError, match="read-only"):
        displacement[0, 0] = 0.5


@pytest.mark.parametrize("path", ["costs[99].amount", "outcomes[0].colour", "sib.max_irr"])
def test_a_value_for_no_input_is_refused(path):
    scenario = synthetic_scenario()  # its contract has no return cap
    with pytest.raises(KeyError, match=r"no numeric input at " + path.replace("[", r"\[")):
        compile_parameters(scenario, draws=2, values={path: np.ones(2)})


def test_a_changed_copy_of_a_scenario_is_compiled_with_its_own_numbers():
    """The layout of a scenario is kept while it lives; a copy with other numbers has its
    own, and a scenario that is gone leaves nothing behind."""
    scenario = examples.load_botu()
    first = compile_parameters(scenario).lines["costs"]["amount"][0, 0]
    cost = scenario.costs[0].model_copy(update={"amount": first + 1.0})
    changed = scenario.model_copy(update={"costs": [cost, *scenario.costs[1:]]})
    assert compile_parameters(changed).lines["costs"]["amount"][0, 0] == first + 1.0
    assert compile_parameters(scenario).lines["costs"]["amount"][0, 0] == first
    key = id(changed)
    assert key in parameters._layout.kept
    del changed
    gc.collect()
    assert key not in parameters._layout.kept


@pytest.mark.parametrize("field", NUMERIC_FIELDS["outcomes"])
def test_some_lines_of_a_field_are_its_columns_whether_read_whole_or_not(field):
    """The columns of a few lines (one twice) equal the field's own columns, built alone or
    taken from the field already read; the fields stay unbuilt until read."""
    scenario = synthetic_scenario()
    draws = 9
    values, _ = sample_inputs(uncertain_inputs(scenario), draws, 5, horizon_years=30)
    chosen = [4, 0, 4, 14]
    alone = compile_parameters(scenario, draws=draws, values=values)
    columns = alone.columns("outcomes", field, chosen)
    whole = compile_parameters(scenario, draws=draws, values=values)
    expected = whole.lines["outcomes"][field][:, chosen]
    assert np.array_equal(columns, expected)
    assert np.array_equal(whole.columns("outcomes", field, chosen), expected)
    assert alone.lines["outcomes"]._built == {}
    for line, column in zip(chosen, columns.T, strict=True):
        path = f"outcomes[{line}].{field}"
        assert np.array_equal(column, values.get(path, np.full(draws, column[0])))
