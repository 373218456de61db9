"""The scenario file format: docs/scenario-format.md, its fields and its rules.

Round trips of every example and of random valid scenarios (hypothesis) live in
``test_scenario_io.py``; this module checks typed values, defaults, writing, the file-level
problems and each rule, by the exact path and the rule text the user sees.
"""

import json
import os
import re
import tomllib
from pathlib import Path
from types import UnionType
from typing import Annotated, Literal, Union, get_args, get_origin

import pytest
from pydantic import BaseModel

from businesscase.distributions import Triangular
from businesscase.scenario import (
    FIELDS,
    MAX_FILE_BYTES,
    MOST_LINES,
    MOST_LINES_PER_SECTION,
    NO_VALUE,
    OUTCOME_FIELDS,
    SCENARIO_FIELDS,
    SECTIONS,
    Problem,
    Scenario,
    ScenarioError,
    SibMetric,
    dump_scenario,
    load_scenario,
    parse_scenario,
    save_scenario,
    scenario_from_dict,
    scenario_to_dict,
)
from businesscase.vocabulary import DEFAULT_DISCOUNT_RATE

FULL = """\
[scenario]
name = "West Practice"
area = "Bospolder-Tussendijken"
start_year = 2026
horizon_years = 10
themes = ["Werk", "Jeugd"]

[[stakeholders]]
id = "gemeente"
name = "Gemeente Rotterdam"
kind = "public"

[[stakeholders]]
id = "bewoners"
name = "Bewoners"
kind = "residents"

[[stakeholders]]
id = "fonds"
name = "Wijkfonds"
kind = "fund"

[[stakeholders]]
id = "bank"
name = "Sociale bank"
kind = "investor"

[[costs]]
name = "Coaching"
amount = 250000
duration = 10
growth = 0.01

[[outcomes]]
name = "Work"
theme = "Werk"
quantity = 40
proxy = { dist = "triangular", low = 9000, mode = 14000, high = 30000 }
value_type = "fiscal"
deadweight = 0.25
attribution = 0.3
drop_off = 0.2
lasts = 3
cashable_share = 0.5
duration = 10
beneficiaries = { gemeente = 0.6, bewoners = 0.4 }

[[avoided_costs]]
name = "Less vandalism"
bearer = "gemeente"
incidents = 120
reduction = 0.3
unit_cost = 800
start = 1
duration = 9

[[value_capture]]
name = "Ground lease"
units = 3000
base_value = 180000
uplift = 0.03
capture_share = 0.1
mechanism = "erfpacht"
payer = "bewoners"
start = 3

[[funding]]
name = "Grant"
funder = "fonds"
kind = "grant"
amount = 100000
duration = 3

[[funding]]
name = "Loan"
funder = "bank"
kind = "loan"
amount = 500000
interest_rate = 0.04
term = 10

[sib]
investor = "bank"
outcome_payer = "gemeente"
capital = 700000
outcome = "Work"
price = 9000
cap = 1500000
"""
"""A valid scenario with every section, a distribution, a loan and a SIB."""

MINIMAL = '[scenario]\nname = "Pilot"\nstart_year = 2026\nhorizon_years = 3\n'


def write(tmp_path, text, name="west.toml"):
    """Write TOML text (str) or raw bytes to ``tmp_path / name``; return the path."""
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def edited(old, new, count=1):
    """FULL with ``old`` replaced by ``new`` (``old`` must occur)."""
    assert old in FULL, old
    return FULL.replace(old, new, count)


def problem_of(text):
    """The single problem a scenario text has."""
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, source="west.toml")
    return caught.value


# --- a valid scenario --------------------------------------------------------------------------


def test_a_full_scenario_loads_with_typed_values_and_defaults(tmp_path):
    scenario = load_scenario(write(tmp_path, FULL))
    settings = scenario.settings
    assert (settings.name, settings.start_year, settings.horizon_years) == (
        "West Practice",
        2026,
        10,
    )
    assert settings.currency == "EUR" and settings.description == ""
    assert settings.discount_rate == DEFAULT_DISCOUNT_RATE
    assert settings.themes == ["Werk", "Jeugd"]
    assert [holder.id for holder in scenario.stakeholders] == [
        "gemeente",
        "bewoners",
        "fonds",
        "bank",
    ]

    cost = scenario.costs[0]
    assert cost.amount == 250000.0 and isinstance(cost.amount, float)
    assert (cost.start, cost.duration, cost.growth, cost.category) == (0, 10, 0.01, "opex")

    outcome = scenario.outcomes[0]
    assert outcome.proxy == Triangular(dist="triangular", low=9000, mode=14000, high=30000)
    assert outcome.proxy.base == 14000.0
    assert isinstance(outcome.quantity, float) and isinstance(outcome.lasts, int)
    assert (outcome.displacement, outcome.start, outcome.growth, outcome.indicator) == (0, 0, 0, "")
    assert outcome.beneficiaries == {"gemeente": 0.6, "bewoners": 0.4}

    avoided = scenario.avoided_costs[0]
    assert (avoided.probability, avoided.value_type, avoided.cashable_share) == (1.0, "fiscal", 1.0)
    assert avoided.growth == 0.0

    capture = scenario.value_capture[0]
    assert (capture.start, capture.duration, capture.mechanism) == (3, 1, "erfpacht")

    grant, loan = scenario.funding
    assert (grant.interest_rate, grant.term, grant.probability) == (None, None, 1.0)
    assert (loan.kind, loan.interest_rate, loan.term, loan.duration) == ("loan", 0.04, 10, 1)

    sib = scenario.sib
    assert (sib.start, sib.threshold, sib.cap, sib.lag) == (0, 0.0, 1500000.0, 1)


def test_a_minimal_scenario_has_empty_sections_and_no_sib():
    scenario = parse_scenario(MINIMAL)
    assert scenario.stakeholders == scenario.costs == scenario.funding == []
    assert scenario.sib is None
    assert scenario.settings.themes == []


def test_the_settings_table_is_the_attribute_settings_but_the_key_scenario():
    scenario = parse_scenario(MINIMAL)
    assert scenario_to_dict(scenario) == {
        "scenario": {"name": "Pilot", "start_year": 2026, "horizon_years": 3}
    }
    assert Scenario(settings=scenario.settings) == scenario


def test_a_utf8_byte_order_mark_is_accepted():
    assert parse_scenario(b"\xef\xbb\xbf" + MINIMAL.encode()).settings.name == "Pilot"


def test_section_field_tuples_follow_the_models():
    assert SCENARIO_FIELDS[:3] == ("name", "area", "description")
    assert OUTCOME_FIELDS[-1] == "beneficiaries"
    assert tuple(FIELDS) == tuple(SECTIONS)
    assert "growth" not in FIELDS["value_capture"]


# --- writing -----------------------------------------------------------------------------------


def test_load_save_load_gives_an_equal_scenario(tmp_path):
    original = load_scenario(write(tmp_path, FULL))
    target = tmp_path / "copy.toml"
    save_scenario(original, target)
    assert load_scenario(target) == original
    assert scenario_to_dict(load_scenario(target)) == scenario_to_dict(original)


def test_dump_is_readable_toml_in_spec_order_with_inline_tables():
    text = dump_scenario(parse_scenario(FULL))
    headers = re.findall(r"^\[\[?(\w+)\]\]?$", text, flags=re.MULTILINE)
    assert headers == [
        "scenario",
        *["stakeholders"] * 4,
        "costs",
        "outcomes",
        "avoided_costs",
        "value_capture",
        *["funding"] * 2,
        "sib",
    ]
    assert 'proxy = { dist = "triangular", low = 9000.0, mode = 14000.0, high = 30000.0 }' in text
    assert "beneficiaries = { gemeente = 0.6, bewoners = 0.4 }" in text
    assert "amount = 250000.0\nduration = 10\n" in text  # floats as floats, integers as integers
    assert "discount_rate" not in text and "threshold" not in text  # only what was set
    assert tomllib.loads(text) == scenario_to_dict(parse_scenario(FULL))


def test_ids_that_are_not_bare_keys_are_quoted():
    text = MINIMAL + (
        '\n[[stakeholders]]\nid = "wijk west"\nname = "W"\nkind = "other"\n'
        '\n[[outcomes]]\nname = "o"\nquantity = 1\nproxy = 1\nvalue_type = "social"\n'
        'beneficiaries = { "wijk west" = 1 }\n'
    )
    scenario = parse_scenario(text)
    assert 'beneficiaries = { "wijk west" = 1.0 }' in dump_scenario(scenario)
    assert parse_scenario(dump_scenario(scenario)) == scenario


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = write(tmp_path, "old contents")
    scenario = parse_scenario(FULL)

    def disk_failure(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", disk_failure)
    with pytest.raises(OSError, match="disk full"):
        save_scenario(scenario, target)
    assert target.read_text(encoding="utf-8") == "old contents"
    assert [path.name for path in tmp_path.iterdir()] == ["west.toml"]


def test_save_creates_a_new_file(tmp_path):
    target = tmp_path / "new.toml"
    save_scenario(parse_scenario(MINIMAL), target)
    assert [path.name for path in tmp_path.iterdir()] == ["new.toml"]
    assert load_scenario(target) == parse_scenario(MINIMAL)


# --- problems with the file as a whole ----------------------------------------------------------


def file_problem(tmp_path, content, name="west.toml"):
    """Load ``content`` written to ``name``; return the error's one line."""
    path = write(tmp_path, content, name)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    error = caught.value
    assert error.problems[0].path == ""
    assert "\n" not in str(error)
    return str(error)


def test_file_not_found(tmp_path):
    with pytest.raises(ScenarioError, match=r"^missing\.toml: file not found: .*missing\.toml$"):
        load_scenario(tmp_path / "missing.toml")


def test_a_folder_is_not_a_scenario(tmp_path):
    (tmp_path / "folder.toml").mkdir()
    with pytest.raises(ScenarioError, match=r"^folder\.toml: .* is a folder, not a scenario file"):
        load_scenario(tmp_path / "folder.toml")


def test_a_file_over_5_mb_is_refused_before_reading(tmp_path, monkeypatch):
    path = write(tmp_path, MINIMAL + "#" * MAX_FILE_BYTES)
    monkeypatch.setattr(type(path), "open", lambda *args: pytest.fail("opened a big file"))
    with pytest.raises(ScenarioError, match=r"^west\.toml: file is 5\.0 MB; .* at most 5 MB$"):
        load_scenario(path)


def test_a_device_is_not_a_scenario():
    with pytest.raises(ScenarioError, match=r"^null: /dev/null is not a regular file$"):
        load_scenario("/dev/null")


def test_bytes_over_5_mb_are_refused():
    with pytest.raises(ScenarioError, match="at most 5 MB"):
        parse_scenario(b" " * (MAX_FILE_BYTES + 1), source="upload.toml")


def test_not_utf8(tmp_path):
    line = file_problem(tmp_path, MINIMAL.encode() + b'area = "Sch\xe9veningen"\n')
    assert line == "west.toml: not UTF-8 text (line 5); save the file as UTF-8"


def test_not_toml_names_line_and_column(tmp_path):
    line = file_problem(tmp_path, MINIMAL + "horizon_years 10\n")
    assert re.fullmatch(r"west\.toml: not valid TOML: .*\(at line 5, column \d+\)", line)


def test_nesting_deeper_than_10_levels(tmp_path):
    line = file_problem(tmp_path, MINIMAL + "x = " + "[" * 10 + "1" + "]" * 10 + "\n")
    assert line == "west.toml: nested too deeply: tables and arrays may nest at most 10 levels"


def test_absurd_nesting_is_a_problem_not_a_crash(tmp_path):
    line = file_problem(tmp_path, "x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert "nested too deeply" in line


def test_no_scenario_table(tmp_path):
    line = file_problem(tmp_path, '[[costs]]\nname = "a"\namount = 1\n')
    assert line == (
        "west.toml: no [scenario] table: add one with name, start_year and horizon_years"
    )


def test_settings_above_the_first_table_get_a_hint(tmp_path):
    line = file_problem(tmp_path, 'name = "x"\nstart_year = 2026\n')
    assert "(name, start_year stand above the first table: put [scenario] above them)" in line


def test_a_top_level_key_that_is_no_section():
    error = problem_of('title = "x"\n' + MINIMAL)
    assert str(error).startswith('west.toml: title = "x": unknown section; sections: scenario, ')


def test_a_settings_key_at_top_level_is_pointed_at_the_scenario_header():
    error = problem_of("discount_rate = 0.03\n" + MINIMAL)
    assert "unknown section (put it under the [scenario] header)" in str(error)


def test_a_dict_from_python_is_checked_too():
    data = tomllib.loads(FULL)
    data["costs"][0]["amount"] = -5
    with pytest.raises(ScenarioError, match=r"^<dict>: costs\[0\]\.amount = -5: must be >= 0$"):
        scenario_from_dict(data)


# --- reporting ---------------------------------------------------------------------------------


def test_all_field_problems_are_collected_one_line_each():
    text = edited("deadweight = 0.25", "deadweight = 1.4").replace("lasts = 3", "lasts = 2.5")
    error = problem_of(text.replace("amount = 250000", 'amount = "250000"'))
    assert [problem.path for problem in error.problems] == [
        "costs[0].amount",
        "outcomes[0].deadweight",
        "outcomes[0].lasts",
    ]
    assert str(error) == (
        'west.toml: costs[0].amount = "250000": must be a number, not text (remove the quotes)'
        " (and 2 more problems)"
    )
    assert error.lines()[2] == "west.toml: outcomes[0].lasts = 2.5: must be a whole number (years)"
    assert error.source == "west.toml"


def test_all_cross_field_problems_are_collected():
    text = edited('bearer = "gemeente"', 'bearer = "wijk"').replace(
        'outcome = "Work"', 'outcome = "x"'
    )
    error = problem_of(text)
    assert [problem.path for problem in error.problems] == [
        "avoided_costs[0].bearer",
        "sib.outcome",
    ]
    assert str(error).endswith("(and 1 more problem)")


def test_a_problem_without_a_value_renders_without_one():
    assert Problem("sib.price", NO_VALUE, "is required").render("a.toml") == (
        "a.toml: sib.price: is required"
    )


KNOWN = "known ids: gemeente, bewoners, fonds, bank"
PROXY = 'proxy = { dist = "triangular", low = 9000, mode = 14000, high = 30000 }'

# (old text, new text, path, piece of the rule); each turns FULL into a scenario with one problem
BAD = [
    (
        "deadweight = 0.25",
        "deadweight = 1.4",
        "outcomes[0].deadweight = 1.4",
        "must be a share between 0 and 1",
    ),
    (
        "reduction = 0.3",
        "reduction = -0.1",
        "avoided_costs[0].reduction = -0.1",
        "must be a share between 0 and 1",
    ),
    ("amount = 250000", "amount = -1", "costs[0].amount = -1", "must be >= 0"),
    ("quantity = 40", "quantity = -40", "outcomes[0].quantity = -40", "must be >= 0"),
    ("price = 9000", "price = -9000", "sib.price = -9000", "must be >= 0"),
    ("cap = 1500000", "cap = -1", "sib.cap = -1", "must be >= 0"),
    ("growth = 0.01", "growth = -1.5", "costs[0].growth = -1.5", "must be > -1"),
    (
        "horizon_years = 10",
        "horizon_years = 10\ndiscount_rate = -1",
        "scenario.discount_rate = -1",
        "must be > -1",
    ),
    (
        "interest_rate = 0.04",
        "interest_rate = -0.01",
        "funding[1].interest_rate = -0.01",
        "must be >= 0",
    ),
    (
        "quantity = 40",
        'quantity = "40"',
        'outcomes[0].quantity = "40"',
        "must be a number, not text",
    ),
    (
        "quantity = 40",
        "quantity = true",
        "outcomes[0].quantity = true",
        "must be a number, not true/false",
    ),
    (
        "unit_cost = 800",
        "unit_cost = nan",
        "avoided_costs[0].unit_cost = nan",
        "must be a finite number",
    ),
    ("capital = 700000", "capital = inf", "sib.capital = inf", "must be a finite number"),
    ("lasts = 3", "lasts = 2.5", "outcomes[0].lasts = 2.5", "must be a whole number (years)"),
    ("lasts = 3", "lasts = 2.0", "outcomes[0].lasts = 2.0", "must be a whole number (years)"),
    ("term = 10", "term = true", "funding[1].term = true", "must be a whole number (years)"),
    (
        "start_year = 2026",
        'start_year = "2026"',
        'scenario.start_year = "2026"',
        "must be a whole number (a calendar year)",
    ),
    (
        "horizon_years = 10",
        "horizon_years = 10.0",
        "scenario.horizon_years = 10.0",
        "must be a whole number (years)",
    ),
    ("lasts = 3", "lasts = 0", "outcomes[0].lasts = 0", "must be >= 1"),
    ("duration = 10", "duration = 0", "costs[0].duration = 0", "must be >= 1"),
    ("term = 10", "term = 0", "funding[1].term = 0", "must be >= 1"),
    ("horizon_years = 10", "horizon_years = 0", "scenario.horizon_years = 0", "must be >= 1"),
    ("horizon_years = 10", "horizon_years = 201", "scenario.horizon_years = 201", "must be <= 200"),
    ("start_year = 2026", "start_year = 1899", "scenario.start_year = 1899", "must be >= 1900"),
    (
        "start_year = 2026",
        "start_year = 100000000000000000000",
        "scenario.start_year = 100000000000000000000",
        "must be <= 2200",
    ),
    ("duration = 10", "duration = 1001", "costs[0].duration = 1001", "must be <= 1000"),
    ("lasts = 3", "lasts = 1000000000000", "outcomes[0].lasts = 1000000000000", "must be <= 1000"),
    ("term = 10", "term = 1000000000000", "funding[1].term = 1000000000000", "must be <= 1000"),
    ("cap = 1500000", "cap = 1500000\nlag = 201", "sib.lag = 201", "must be <= 200"),
    ("start = 3", "start = 400000000", "value_capture[0].start = 400000000", "must be <= 199"),
    ("cap = 1500000", "cap = 1500000\nlag = -1", "sib.lag = -1", "must be >= 0"),
    ("start = 3", "start = -1", "value_capture[0].start = -1", "must be >= 0"),
    (
        "growth = 0.01",
        "growth = 0.01\nstart = 10",
        "costs[0].start = 10",
        "start must lie within the horizon: 0 <= start <= 9",
    ),
    (
        "start = 3",
        "start = 12",
        "value_capture[0].start = 12",
        "start must lie within the horizon: 0 <= start <= 9",
    ),
    (
        "cap = 1500000",
        "cap = 1500000\nstart = 10",
        "sib.start = 10",
        "start must lie within the horizon: 0 <= start <= 9",
    ),
    (
        "cap = 1500000",
        'cap = 1500000\nstart = { dist = "uniform", low = 0, high = 2 }',
        "sib.start",
        "must be a whole number (years), not a distribution",
    ),
    (
        "lasts = 3",
        'lasts = { dist = "uniform", low = -1, high = 0 }',
        "outcomes[0].lasts",
        "must be >= 1 (the base value is -0.5)",
    ),
    (
        "gemeente = 0.6,",
        'gemeente = { dist = "uniform", low = 0.5, high = 0.7 },',
        "outcomes[0].beneficiaries.gemeente",
        "must be a plain number, not a distribution",
    ),
    (
        "bewoners = 0.4 }",
        "bewoners = 0.3 }",
        "outcomes[0].beneficiaries = { gemeente = 0.6, bewoners = 0.3 }",
        "beneficiary shares add up to 0.9; they must add up to 1",
    ),
    (
        "bewoners = 0.4 }",
        "bewoners = 1.4 }",
        "outcomes[0].beneficiaries.bewoners = 1.4",
        "must be a share between 0 and 1",
    ),
    (
        "{ gemeente = 0.6, bewoners = 0.4 }",
        "{}",
        "outcomes[0].beneficiaries = {}",
        "needs at least one beneficiary",
    ),
    (
        "gemeente = 0.6,",
        "gemeenten = 0.6,",
        "outcomes[0].beneficiaries.gemeenten = 0.6",
        f"unknown stakeholder id (did you mean gemeente?); {KNOWN}",
    ),
    (
        'bearer = "gemeente"',
        'bearer = "wijk"',
        'avoided_costs[0].bearer = "wijk"',
        f"unknown stakeholder id; {KNOWN}",
    ),
    (
        'payer = "bewoners"',
        'payer = "eigenaren"',
        'value_capture[0].payer = "eigenaren"',
        "unknown stakeholder id",
    ),
    (
        'funder = "fonds"',
        'funder = "fund"',
        'funding[0].funder = "fund"',
        "unknown stakeholder id (did you mean fonds?)",
    ),
    ('investor = "bank"', 'investor = "banco"', 'sib.investor = "banco"', "unknown stakeholder id"),
    (
        'outcome_payer = "gemeente"',
        'outcome_payer = "rijk"',
        'sib.outcome_payer = "rijk"',
        "unknown stakeholder id",
    ),
    (
        'outcome = "Work"',
        'outcome = "Wrok"',
        'sib.outcome = "Wrok"',
        "names no outcome line (did you mean Work?); outcomes: Work",
    ),
    (
        "[[costs]]",
        '[[stakeholders]]\nid = "bank"\nname = "B"\nkind = "other"\n\n[[costs]]',
        'stakeholders[4].id = "bank"',
        "duplicate stakeholder id",
    ),
    (
        "[[avoided_costs]]",
        '[[outcomes]]\nname = "Work"\nquantity = 1\nproxy = 1\nvalue_type = "social"\n'
        "beneficiaries = { bank = 1 }\n\n[[avoided_costs]]",
        'outcomes[1].name = "Work"',
        "duplicate outcome name",
    ),
    ("term = 10\n", "", "funding[1].term", "is required for a loan"),
    ("interest_rate = 0.04\n", "", "funding[1].interest_rate", "is required for a loan"),
    ("term = 10", "term = 10\nduration = 2", "funding[1].duration = 2", "a loan takes no duration"),
    ("term = 10", "term = 10\ngrowth = 0.02", "funding[1].growth = 0.02", "a loan takes no growth"),
    (
        "duration = 3",
        "duration = 3\ninterest_rate = 0.03",
        "funding[0].interest_rate = 0.03",
        "only a loan takes interest_rate",
    ),
    ("duration = 3", "duration = 3\nterm = 5", "funding[0].term = 5", "only a loan takes term"),
    (
        "start = 3",
        "start = 3\ngrowth = 0.02",
        "value_capture[0].growth = 0.02",
        "unknown field; allowed here: name, units, base_value, uplift,",
    ),
    (
        "deadweight = 0.25",
        "deadwieght = 0.25",
        "outcomes[0].deadwieght = 0.25",
        "unknown field (did you mean deadweight?); allowed here: name, theme,",
    ),
    (
        "[[costs]]",
        "[[cost]]",
        "cost = [{ name",
        "unknown section (did you mean costs?); sections: scenario,",
    ),
    (
        'theme = "Werk"',
        'theme = "Sport"',
        'outcomes[0].theme = "Sport"',
        "must be one of Sociaal, Werk, Jeugd,",
    ),
    (
        'themes = ["Werk", "Jeugd"]',
        'themes = ["Werk", "jeugd"]',
        'scenario.themes[1] = "jeugd"',
        "(did you mean Jeugd?)",
    ),
    (
        'kind = "public"',
        'kind = "gov"',
        'stakeholders[0].kind = "gov"',
        "must be one of public, housing, care,",
    ),
    (
        'value_type = "fiscal"',
        'value_type = "sociaal"',
        'outcomes[0].value_type = "sociaal"',
        "must be one of fiscal, economic, social (did you mean social?)",
    ),
    (
        'kind = "grant"',
        'kind = "gift"',
        'funding[0].kind = "gift"',
        "must be one of subsidy, grant,",
    ),
    (
        "growth = 0.01",
        'growth = 0.01\ncategory = "capital"',
        'costs[0].category = "capital"',
        "must be one of opex, capex",
    ),
    ('name = "Coaching"', 'name = "  "', 'costs[0].name = "  "', "must not be empty"),
    ('id = "bank"', 'id = ""', 'stakeholders[3].id = ""', "must not be empty"),
    ('name = "West Practice"', "name = 7", "scenario.name = 7", "must be text (in quotes)"),
    (
        'area = "Bospolder-Tussendijken"',
        'currency = "eur"',
        'scenario.currency = "eur"',
        "must be a three-letter upper-case code such as EUR",
    ),
    ("quantity = 40\n", "", "outcomes[0].quantity", "is required"),
    (
        'proxy = { dist = "triangular", low = 9000, mode = 14000,',
        'proxy = { dist = "triangular", low = 9000, mode = 40000,',
        "outcomes[0].proxy.mode = 40000",
        "a triangular needs low <= mode <= high",
    ),
    (
        PROXY,
        'proxy = { dist = "normal", mean = 14000, sd = 0 }',
        "outcomes[0].proxy.sd = 0",
        "a normal needs sd > 0",
    ),
    (
        PROXY,
        'proxy = { dist = "normal", mean = 14000, sd = true }',
        "outcomes[0].proxy.sd = true",
        "must be a number, not true/false",
    ),
    (
        PROXY,
        'proxy = { dist = "lognormal", mean = 1, stdev = 1 }',
        "outcomes[0].proxy.stdev = 1",
        "unknown field in a lognormal distribution; allowed here: dist, mean, sd",
    ),
    (
        PROXY,
        'proxy = { dist = "beta", a = 1 }',
        "outcomes[0].proxy",
        "unknown distribution; dist must be one of triangular, pert, uniform",
    ),
    (
        PROXY,
        "proxy = { low = 1, high = 2 }",
        "outcomes[0].proxy",
        "a distribution needs dist = one of triangular",
    ),
    (
        "deadweight = 0.25",
        'deadweight = { dist = "uniform", low = 0.5, high = 1.7 }',
        "outcomes[0].deadweight",
        "must be a share between 0 and 1 (the base value is 1.1)",
    ),
    (
        "[[costs]]",
        "[costs]",
        "costs = { name",
        "must be a list of tables: write [[costs]] above each entry",
    ),
]


@pytest.mark.parametrize(("old", "new", "where", "rule"), BAD, ids=[case[2] for case in BAD])
def test_each_rule_names_the_path_value_and_rule(old, new, where, rule):
    with pytest.raises(ScenarioError, match=re.escape(f"west.toml: {where}")) as caught:
        parse_scenario(edited(old, new), source="west.toml")
    error = caught.value
    assert len(error.problems) == 1, error.lines()
    assert rule in error.problems[0].rule_text()
    assert str(error).startswith("west.toml: ") and "\n" not in str(error)
    assert "Input should" not in str(error) and "pydantic" not in str(error)


# --- the reference page ------------------------------------------------------------------------

DOC = Path(__file__).resolve().parent.parent / "docs" / "scenario-format.md"


def type_label(annotation):
    """How a field's type reads in the docs."""
    if "Triangular" in repr(annotation):
        whole = int in get_args(annotation)
        return "integer or distribution" if whole else "number or distribution"
    if get_origin(annotation) in (Union, UnionType):  # optional: X | None
        annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
    if get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) is Literal:
        return " \\| ".join(f"`{choice}`" for choice in get_args(annotation))
    if get_origin(annotation) is list:
        return "list of " + type_label(get_args(annotation)[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "tables"
    if get_origin(annotation) is dict:
        return "inline table `id = number`"
    return {int: "integer", str: "text", float: "number", bool: "`true` or `false`"}[annotation]


def default_label(field):
    """A field's default as the docs show it."""
    if field.is_required():
        return "required"
    default = field.get_default(call_default_factory=True)
    if default is None:
        return "not set"
    return f"`{json.dumps(default)}`"


def field_table(model):
    """The markdown table of a section's fields, from the model's field descriptions."""
    rows = ["| field | type | default | meaning [unit, rule] |", "|---|---|---|---|"]
    for name, field in model.model_fields.items():
        label = type_label(field.annotation)
        rows.append(f"| `{name}` | {label} | {default_label(field)} | {field.description} |")
    return "\n".join(rows)


@pytest.mark.parametrize("section", [*SECTIONS, "sib.metrics"])
def test_the_reference_page_shows_each_section_as_the_code_defines_it(section):
    table = field_table(SibMetric if section == "sib.metrics" else SECTIONS[section])
    assert table in DOC.read_text(encoding="utf-8"), f"update docs/scenario-format.md:\n{table}"


def test_every_field_has_a_description_with_a_unit_or_rule_in_brackets():
    for model in SECTIONS.values():
        for name, field in model.model_fields.items():
            assert re.search(r"\[.+\]", field.description or ""), (model.__name__, name)


def test_a_section_with_too_many_lines_is_refused_before_its_lines_are_read():
    line = {"name": "x", "amount": "not even checked"}
    data = {"scenario": {"name": "x"}, "costs": [line] * (MOST_LINES_PER_SECTION + 1)}
    with pytest.raises(ScenarioError) as caught:
        scenario_from_dict(data, source="groot.toml")
    assert caught.value.lines() == [
        f"groot.toml: costs: has {MOST_LINES_PER_SECTION + 1} lines; "
        f"a section may have at most {MOST_LINES_PER_SECTION}"
    ]


def test_a_file_with_too_many_lines_in_all_is_refused():
    sections = ["stakeholders", "costs", "outcomes", "avoided_costs", "funding"]
    share = MOST_LINES // len(sections) + 1
    data = {"scenario": {"name": "x"}} | {section: [{}] * share for section in sections}
    with pytest.raises(ScenarioError) as caught:
        scenario_from_dict(data, source="groot.toml")
    assert caught.value.lines("nl") == [
        f"groot.toml: het bestand heeft {share * len(sections)} regels in zijn onderdelen; "
        f"een scenario mag er hoogstens {MOST_LINES} hebben"
    ]
