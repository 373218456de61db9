"""The Compare page (AppTest through app.py): ties marked, differences by line, in words."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from app_pages import state
from businesscase import dump_scenario, examples
from businesscase import formatting as fmt
from businesscase.scenario import scenario_from_dict, scenario_to_dict
from businesscase.text import t

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def open_compare(variants: dict[str, str]) -> AppTest:
    """The app on the Compare page with exactly these variants (name -> TOML), all chosen."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.session_state[state.VARIANTS_KEY] = {
        name: state.Variant(name, toml) for name, toml in variants.items()
    }
    at.switch_page("app_pages/compare.py").run()
    at.multiselect[0].set_value(list(variants)).run()
    assert not at.exception
    return at


def with_extra_funding() -> str:
    """Nabuurschap with one more funding line and a higher first cost: the same SROI."""
    data = scenario_to_dict(examples.load_example("nabuurschap"))
    data["funding"].append(
        {
            "name": "Extra bijdrage",
            "funder": data["stakeholders"][0]["id"],
            "kind": "budget",
            "amount": 12500,
        }
    )
    return dump_scenario(scenario_from_dict(data))


def test_a_tie_for_the_best_value_marks_every_scenario_that_shares_it():
    """Ties for the best value got no star (the best SROI 1,95 went unmarked)."""
    base = examples.example_path("nabuurschap").read_text(encoding="utf-8")
    at = open_compare({"basis": base, "meer geld": with_extra_funding()})
    table = at.dataframe[0].value
    sroi = table.loc[t("sroi_ratio", "nl")]
    assert list(sroi.str.endswith(" ★")) == [True, True]  # the same SROI: both best


def test_an_added_line_is_one_row_in_words_with_formatted_amounts():
    """Compare listed TOML paths matched by row position, and an added funding line added
    eight rows with unformatted amounts."""
    base = examples.example_path("nabuurschap").read_text(encoding="utf-8")
    at = open_compare({"basis": base, "meer geld": with_extra_funding()})
    differences = at.dataframe[1].value
    rows = differences.to_dict(orient="records")
    assert rows == [
        {
            t("compare_section", "nl"): t("section_funding", "nl"),
            t("compare_line", "nl"): "Extra bijdrage",
            t("compare_field", "nl"): t("compare_whole_line", "nl"),
            "basis": "ontbreekt",
            "meer geld": "aanwezig",
        }
    ]
    at.sidebar.radio[0].set_value("en").run()
    english = at.dataframe[1].value.to_dict(orient="records")
    assert english[0]["basis"] == "absent" and english[0]["meer geld"] == "present"


def test_a_changed_amount_is_shown_in_euros():
    data = scenario_to_dict(examples.load_example("nabuurschap"))
    base = dump_scenario(scenario_from_dict(data))
    data["costs"][0]["amount"] = 123456
    at = open_compare({"basis": base, "duurder": dump_scenario(scenario_from_dict(data))})
    (row,) = at.dataframe[1].value.to_dict(orient="records")
    assert row[t("compare_field", "nl")] == t("field_amount", "nl")
    assert row["duurder"] == fmt.money(123456, "nl")
