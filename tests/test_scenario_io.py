"""Scenario files: round trips, atomic saving, and how problems are reported."""

import os
import tomllib

import pytest
import tomli_w
from hypothesis import given, settings
from strategies import scenarios

from businesscase import ScenarioError, dump_scenario, load_scenario, parse_scenario, save_scenario
from businesscase.distributions import Pert
from businesscase.examples import example_path, list_examples
from businesscase.scenario import scenario_from_dict, scenario_to_dict


@pytest.mark.parametrize("name", list_examples())
def test_examples_survive_load_save_load(tmp_path, name):
    original = load_scenario(example_path(name))
    target = tmp_path / f"{name}.toml"
    save_scenario(original, target)
    assert load_scenario(target) == original
    save_scenario(load_scenario(target), target)  # saving again changes nothing
    assert target.read_text(encoding="utf-8") == dump_scenario(original)


@settings(max_examples=60, deadline=None)
@given(data=scenarios())
def test_any_valid_scenario_round_trips_through_toml(data):
    scenario = scenario_from_dict(tomllib.loads(tomli_w.dumps(data)))
    again = parse_scenario(dump_scenario(scenario))
    assert again == scenario
    # an empty section written as `funding = []` is left out: it means the same
    written = {key: value for key, value in scenario_to_dict(scenario).items() if value != []}
    assert scenario_to_dict(again) == written


def test_only_given_fields_are_written_and_distributions_stay_inline():
    scenario = parse_scenario(
        '[scenario]\nname = "x"\nstart_year = 2027\nhorizon_years = 2\n\n'
        '[[stakeholders]]\nid = "g"\nname = "G"\nkind = "public"\n\n'
        '[[outcomes]]\nname = "o"\nquantity = 1\nvalue_type = "social"\n'
        'proxy = { dist = "pert", low = 1, mode = 2, high = 4 }\nbeneficiaries = { g = 1.0 }\n'
    )
    assert isinstance(scenario.outcomes[0].proxy, Pert)
    text = dump_scenario(scenario)
    assert 'proxy = { dist = "pert", low = 1.0, mode = 2.0, high = 4.0 }' in text
    assert "beneficiaries = { g = 1.0 }" in text
    assert "deadweight" not in text and "discount_rate" not in text


def test_a_failed_save_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "west.toml"
    target.write_text("old contents", encoding="utf-8")
    scenario = load_scenario(example_path("west_practice"))

    def broken_replace(source, destination):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        save_scenario(scenario, target)
    assert target.read_text(encoding="utf-8") == "old contents"
    assert [path.name for path in tmp_path.iterdir()] == ["west.toml"]


def test_every_problem_is_collected_and_the_message_stays_one_line():
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(
            '[scenario]\nname = "x"\nstart_year = 2027\nhorizon_years = 2\n\n'
            '[[costs]]\nname = "a"\namount = -1\nduratoin = 2\n',
            source="kapot.toml",
        )
    error = caught.value
    assert [problem.path for problem in error.problems] == ["costs[0].amount", "costs[0].duratoin"]
    assert str(error) == "kapot.toml: costs[0].amount = -1: must be >= 0 (and 1 more problem)"
    assert "did you mean duration?" in error.lines()[1]
    assert "\n" not in str(error)


@pytest.mark.parametrize(
    ("line", "path", "rule"),
    [
        ('proxy = { dist = "normal", mean = 1, sd = 0 }', "outcomes[0].proxy.sd", "sd > 0"),
        ('proxy = { dist = "beta", a = 1 }', "outcomes[0].proxy", "unknown distribution"),
        ("proxy = { low = 1, high = 2 }", "outcomes[0].proxy", "needs dist"),
        (
            'deadweight = { dist = "uniform", low = 0.5, high = 1.7 }',
            "outcomes[0].deadweight",
            "between 0 and 1",
        ),
        ('lasts = { dist = "uniform", low = -1, high = 0.8 }', "outcomes[0].lasts", "must be >= 1"),
        ("lasts = 2.5", "outcomes[0].lasts", "whole number"),
        ("proxy = nan", "outcomes[0].proxy", "finite"),
        ('theme = "Sport"', "outcomes[0].theme", "must be one of"),
    ],
)
def test_distribution_and_number_rules(line, path, rule):
    text = (
        '[scenario]\nname = "x"\nstart_year = 2027\nhorizon_years = 2\n\n'
        '[[stakeholders]]\nid = "g"\nname = "G"\nkind = "public"\n\n'
        f'[[outcomes]]\nname = "o"\nquantity = 1\nvalue_type = "social"\n{line}\n'
        "beneficiaries = { g = 1.0 }\n"
    )
    if not line.startswith("proxy"):
        text = text.replace('value_type = "social"', 'value_type = "social"\nproxy = 1')
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, source="x.toml")
    problem = caught.value.problems[0]
    assert problem.path == path
    assert rule in problem.rule_text()


def test_every_field_is_documented():
    from pathlib import Path

    from businesscase.scenario import SECTIONS

    doc = (Path(__file__).resolve().parent.parent / "docs" / "scenario-format.md").read_text()
    for section, model in SECTIONS.items():
        assert f"[{section}]" in doc
        for name, field in model.model_fields.items():
            assert f"| `{field.alias or name}` |" in doc, f"{section}.{name} is not in the docs"
