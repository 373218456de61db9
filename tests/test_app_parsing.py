"""Distributions as one line of text, and the Build page's tables read back into scenarios."""

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app_pages import tables
from app_pages.state import read_upload
from businesscase import ScenarioError, examples
from businesscase.distributions import (
    DISTRIBUTIONS,
    distribution_text,
    parameter_names,
    parse_distribution_text,
    with_base,
)
from businesscase.scenario import MAX_FILE_BYTES, scenario_from_dict, scenario_to_dict
from tests.strategies import scenarios


class TestDistributionText:
    def test_reads_each_distribution_in_writing_order(self):
        assert parse_distribution_text("triangular(0.2, 0.3, 0.45)") == {
            "dist": "triangular",
            "low": 0.2,
            "mode": 0.3,
            "high": 0.45,
        }
        assert parse_distribution_text(" PERT( 10 ,16,22 ) ") == {
            "dist": "pert",
            "low": 10.0,
            "mode": 16.0,
            "high": 22.0,
        }
        assert parse_distribution_text("uniform(-1e3, 2_000)") == {
            "dist": "uniform",
            "low": -1000.0,
            "high": 2000.0,
        }
        assert parse_distribution_text("lognormal(14000, 3000)") == {
            "dist": "lognormal",
            "mean": 14000.0,
            "sd": 3000.0,
        }

    def test_reads_decimal_commas_between_semicolons(self):
        assert parse_distribution_text("normal(-0,5; 0,1)") == {
            "dist": "normal",
            "mean": -0.5,
            "sd": 0.1,
        }

    def test_blank_is_no_distribution(self):
        assert parse_distribution_text("  ") is None

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("triangle(1, 2, 3)", r"one of triangular\(low, mode, high\), pert"),
            ("14000", "write a distribution as one of"),
            ("normal(1, 2", "write a distribution as one of"),
            (
                "triangular(1, 2)",
                r"triangular needs 3 numbers, triangular\(low, mode, high\); got 2",
            ),
            ("uniform(1; 2; 3)", "uniform needs 2 numbers"),
            ("normal(1, x)", "sd of normal must be a finite number, not 'x'"),
            ("normal(1, nan)", "sd of normal must be a finite number, not 'nan'"),
            ("pert(1, inf, 3)", "mode of pert must be a finite number"),
            ("pert(1, , 3)", "mode of pert must be a finite number, not ''"),
        ],
    )
    def test_refuses_what_it_cannot_read_and_says_what_it_expected(self, text, message):
        with pytest.raises(ValueError, match=message):
            parse_distribution_text(text)

    @given(
        name=st.sampled_from(tuple(DISTRIBUTIONS)),
        numbers=st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=3, max_size=3),
    )
    def test_text_reads_back_to_the_same_numbers(self, name, numbers):
        table = {"dist": name} | dict(zip(parameter_names(name), numbers, strict=False))
        assert parse_distribution_text(distribution_text(table)) == table

    def test_a_number_has_no_distribution_text(self):
        assert distribution_text(0.25) == ""
        assert distribution_text({"dist": "pert", "low": 1.0, "mode": 2.0, "high": 6.0}) == (
            "pert(1, 2, 6)"
        )

    def test_with_base_moves_the_mode_or_mean_and_shifts_a_uniform(self):
        assert with_base({"dist": "triangular", "low": 0.2, "mode": 0.3, "high": 0.45}, 0.4) == {
            "dist": "triangular",
            "low": 0.2,
            "mode": 0.4,
            "high": 0.45,
        }
        assert with_base({"dist": "lognormal", "mean": 10.0, "sd": 2.0}, 12.0)["mean"] == 12.0
        # midpoint (1 + 3) / 2 = 2 -> 5: both bounds move by 3
        assert with_base({"dist": "uniform", "low": 1.0, "high": 3.0}, 5.0) == {
            "dist": "uniform",
            "low": 4.0,
            "high": 6.0,
        }


def settings_of(scenario, lang="nl"):
    return tables.settings_row(scenario, lang)


def read_back(scenario, frames, lang="nl"):
    return tables.scenario_data(settings_of(scenario, lang), frames, lang)


class TestTables:
    @pytest.mark.parametrize("lang", ["nl", "en"])
    @pytest.mark.parametrize("name", examples.list_examples())
    def test_every_shipped_scenario_reads_back_unchanged(self, name, lang):
        scenario = examples.load_example(name)
        data, problems = read_back(scenario, tables.frames(scenario, lang), lang)
        assert problems == []
        assert scenario_from_dict(data) == scenario

    @settings(max_examples=10)
    @given(scenarios())
    def test_any_valid_scenario_reads_back_unchanged(self, data):
        scenario = scenario_from_dict(data)
        back, problems = read_back(scenario, tables.frames(scenario, "nl"))
        assert problems == []
        assert scenario_from_dict(back) == scenario

    def test_numbers_show_in_dutch_and_fields_left_out_show_their_default_in_words(self):
        scenario = examples.load_example("energiecooperatie")
        frames = tables.frames(scenario, "nl")
        loans = frames["funding"][frames["funding"]["kind"] == "loan"]
        assert not loans.empty
        assert set(loans["duration"]) == {"1 jaar"}  # a loan has no duration: the default shows
        assert set(loans["growth"]) == {"0%"}
        assert frames["costs"].loc[0, "amount"].startswith("€ ")
        assert settings_of(examples.load_example("west_practice"))["discount_rate"] == "2,25%"
        assert not any(frame.isna().any().any() for frame in frames.values())  # never "None"
        data, _ = read_back(scenario, frames)
        assert all("duration" not in line for line in data["funding"] if line["kind"] == "loan")

    def test_a_cell_still_showing_the_default_leaves_the_field_out(self):
        scenario = examples.load_example("nabuurschap")
        frames = tables.frames(scenario, "nl")
        assert scenario_to_dict(scenario)["costs"][0]["start"] == 0  # written in the file
        assert frames["costs"].loc[0, "start"] == "0"
        assert frames["costs"].loc[0, "growth"] == "0%"  # not written: the default shows
        data, _ = read_back(scenario, frames)
        assert "start" not in data["costs"][0]
        assert "growth" not in data["costs"][0]
        assert scenario_from_dict(data).costs[0] == scenario.costs[0]

    def test_an_edited_base_value_moves_the_distribution(self):
        scenario = examples.load_botu()
        frames = tables.frames(scenario, "nl")
        outcomes = frames["outcomes"]
        assert outcomes.loc[0, "deadweight~"] == "triangular(0.2, 0.3, 0.45)"
        assert outcomes.loc[0, "deadweight"] == "30%"
        outcomes.loc[0, "deadweight"] = "40"
        data, problems = read_back(scenario, frames)
        assert problems == []
        written = data["outcomes"][0]["deadweight"]
        assert written == {"dist": "triangular", "low": 0.2, "mode": 0.4, "high": 0.45}

    def test_edited_text_wins_over_the_base_value_and_blank_text_makes_a_number(self):
        scenario = examples.load_botu()
        frames = tables.frames(scenario, "nl")
        outcomes = frames["outcomes"]
        outcomes.loc[0, "deadweight"] = "90"  # ignored: the text was edited too
        outcomes.loc[0, "deadweight~"] = "uniform(0.1, 0.2)"
        outcomes.loc[0, "quantity~"] = ""
        data, _ = read_back(scenario, frames)
        assert data["outcomes"][0]["deadweight"] == {"dist": "uniform", "low": 0.1, "high": 0.2}
        assert data["outcomes"][0]["quantity"] == float(outcomes.loc[0, "quantity"])

    def test_unreadable_text_and_unknown_outcome_are_problems_in_words(self):
        scenario = examples.load_botu()
        frames = tables.frames(scenario, "nl")
        frames["costs"].loc[1, "amount~"] = "triangle(1, 2, 3)"
        frames["beneficiaries"].loc[0, "outcome"] = "Nergens"
        _, problems = read_back(scenario, frames)
        paths = [problem.path for problem in problems]
        assert paths == ["costs[1].amount", "beneficiaries[0].outcome"]
        assert "write a distribution as one of" in problems[0].rule
        words = [tables.describe(problem, "nl") for problem in problems]
        assert words[0].startswith("Kosten, regel 2, bedrag: “triangle(1, 2, 3)” ")
        assert words[1].startswith(
            "Wie profiteert van elk effect (aandelen tellen op tot 100%), regel 1, effect: "
            "“Nergens” noemt geen effect uit de tabel met effecten; effecten: "
        )

    def test_a_second_contract_row_is_a_second_contract(self):
        scenario = examples.load_botu()
        frames = tables.frames(scenario, "nl")
        frames["sib"] = pd.concat([frames["sib"], frames["sib"]], ignore_index=True)
        frames["sib"].loc[:, "name"] = ["Eerste", "Tweede"]
        data, problems = read_back(scenario, frames)
        assert problems == []
        assert [bond["name"] for bond in data["sib"]] == ["Eerste", "Tweede"]
        assert len(scenario_from_dict(data).contracts) == 2

    def test_engine_problems_map_to_the_table_that_shows_them(self):
        scenario = examples.load_botu()
        frames = tables.frames(scenario, "nl")
        plain = int(frames["costs"].index[frames["costs"]["amount~"] == ""][0])
        frames["costs"].loc[plain, "amount"] = "-5"
        data, problems = read_back(scenario, frames)
        assert problems == []
        with pytest.raises(ScenarioError) as caught:
            scenario_from_dict(data)
        [problem] = caught.value.problems
        assert (problem.path, problem.value) == (f"costs[{plain}].amount", -5.0)
        assert tables.describe(problem, "nl").startswith(
            f"Kosten, regel {plain + 1}, bedrag: € -5 "
        )
        assert tables.table_of(problem.path) == "costs"
        assert tables.table_of("outcomes[0].beneficiaries") == "beneficiaries"
        assert tables.table_of("outcomes[2].deadweight") == "outcomes"
        assert tables.table_of("scenario.horizon_years") == "scenario"
        assert tables.table_of("sib.price") == "sib"
        assert tables.table_of("") == ""

    def test_an_empty_row_added_by_the_editor_is_not_a_line(self):
        scenario = examples.load_example("nabuurschap")
        frames = tables.frames(scenario, "nl")
        frames["costs"] = pd.concat(
            [frames["costs"], pd.DataFrame([dict.fromkeys(frames["costs"].columns)])],
            ignore_index=True,
        )
        data, problems = read_back(scenario, frames)
        assert problems == []
        assert scenario_from_dict(data) == scenario

    def test_whole_fields_come_back_as_integers(self):
        scenario = examples.load_botu()
        frames = tables.frames(scenario, "nl")
        data, _ = read_back(scenario, frames)
        starts = [line["start"] for line in data["costs"] if "start" in line]
        # a start that may slip comes back as its distribution, every other as an integer
        assert all(type(start) is int for start in starts if not isinstance(start, dict))
        assert {start["dist"] for start in starts if isinstance(start, dict)} == {"triangular"}
        assert type(data["scenario"]["horizon_years"]) is int

    def test_settings_discount_rate_may_be_a_distribution(self):
        scenario = examples.load_botu()
        row = settings_of(scenario)
        row["discount_rate~"] = "uniform(0,01; 0,04)"
        data, problems = tables.scenario_data(row, tables.frames(scenario, "nl"), "nl")
        assert problems == []
        assert data["scenario"]["discount_rate"] == {"dist": "uniform", "low": 0.01, "high": 0.04}
        assert (
            scenario_to_dict(scenario_from_dict(data))["scenario"]["discount_rate"]["high"] == 0.04
        )

    @pytest.mark.parametrize(
        ("typed", "lang", "share"),
        [("30", "nl", 0.3), ("30%", "nl", 0.3), ("30 %", "en", 0.3), ("0,3", "nl", 0.003)],
    )
    def test_a_percentage_is_typed_as_a_percentage(self, typed, lang, share):
        scenario = examples.load_example("west_practice")
        frames = tables.frames(scenario, lang)
        frames["outcomes"].loc[0, "deadweight~"] = ""
        frames["outcomes"].loc[0, "deadweight"] = typed
        data, problems = read_back(scenario, frames, lang)
        assert problems == []
        assert data["outcomes"][0]["deadweight"] == share

    @pytest.mark.parametrize(
        ("lang", "message"),
        [
            ("nl", "“300” is een percentage en moet tussen 0 en 100% liggen"),
            ("en", "“300” is a percentage and must lie between 0 and 100%"),
        ],
    )
    def test_a_percentage_out_of_range_is_said_in_the_users_language(self, lang, message):
        scenario = examples.load_example("west_practice")
        frames = tables.frames(scenario, lang)
        frames["outcomes"].loc[0, "deadweight~"] = ""
        frames["outcomes"].loc[0, "deadweight"] = "300"
        _, [problem] = read_back(scenario, frames, lang)
        assert tables.describe(problem, lang).endswith(message)


class TestUpload:
    def test_a_valid_file_is_read(self):
        text = examples.example_path("west_practice").read_bytes()
        scenario, problems = read_upload("west.toml", text)
        assert problems == []
        assert scenario == examples.load_example("west_practice")

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (b"x" * (MAX_FILE_BYTES + 1), "big.toml: een scenariobestand mag hoogstens 5 MB zijn"),
            (b"[scenario\nname = 1", "big.toml: geen geldige TOML"),
            (b"\xff\xfe[scenario]", "big.toml: geen UTF-8-tekst (regel 1)"),
            (
                b'[scenario]\nname = "x"\nstart_year = 2026\nhorizon_years = 0\n',
                "big.toml: scenario.horizon_years = 0: moet 1 of meer zijn",
            ),
        ],
    )
    def test_a_bad_file_gives_the_engines_message(self, data, message):
        scenario, problems = read_upload("big.toml", data)
        assert scenario is None
        assert problems[0].startswith(message)


def test_no_nan_survives_into_the_data():
    scenario = examples.load_botu()
    data, _ = read_back(scenario, tables.frames(scenario, "nl"))

    def walk(value):
        if isinstance(value, dict):
            return all(walk(item) for item in value.values())
        if isinstance(value, list):
            return all(walk(item) for item in value)
        return not (isinstance(value, float) and math.isnan(value)) and value is not None

    assert walk(data)
