"""The Monitoren page (AppTest through app.py): actuals kept with the variant, typed in Dutch,
the reforecast's verdict, the variance and the reports still missing."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from app_pages import state
from businesscase import examples, monitor
from businesscase.monitoring import verdict

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = "app_pages/monitor.py"
EXAMPLE = ROOT / "scenarios/actuals/energiecooperatie_2027_2028.csv"
COOP = "energiecooperatie"


def open_monitor(actuals: str | None = None) -> AppTest:
    """The app on the Monitoren page with the energy cooperative as the current variant."""
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    toml = examples.example_path(COOP).read_text(encoding="utf-8")
    kept = dict(at.session_state[state.VARIANTS_KEY])
    kept[COOP] = state.Variant(COOP, toml)
    at.session_state[state.VARIANTS_KEY] = kept
    at.session_state[state.CURRENT_KEY] = COOP
    if actuals is not None:
        at.session_state[state.ACTUALS_KEY] = {COOP: actuals}
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def test_the_example_actuals_give_the_engines_verdict_and_variance():
    at = open_monitor(EXAMPLE.read_text(encoding="utf-8"))
    found = monitor(examples.load_example(COOP), EXAMPLE)
    assert [error.value for error in at.error] == [verdict(found, "nl")]
    assert at.error[0].value.startswith("Niet meer sluitend")
    variance = at.dataframe[2].value
    # the variance that matters most first: the late SCE subsidy
    assert variance.iloc[0]["regel"] == "Exploitatiesubsidie SCE (RVO)"
    assert variance.iloc[0]["gepland"] == "€ 17.850"
    assert variance.iloc[0]["% van plan"] == "-100,0%"
    assert "2028: Vermeden CO2-uitstoot" in " ".join(md.value for md in at.markdown)


def test_the_year_table_shows_the_actuals_in_dutch_and_the_plan_beside_them():
    at = open_monitor()
    assert at.info[0].value.startswith("Nog geen realisaties")
    at.session_state[state.ACTUALS_KEY] = {COOP: "year,line,value,note\n2027,costs[0],600000,\n"}
    at.run()
    year = at.dataframe[0].value.set_index("regel")
    panels = year.loc["Zonnepanelen op daken Woonstad (600 kWp)"]
    assert (panels["gepland"], panels["gerealiseerd"]) == ("€ 540.000", "€ 600.000")
    assert year.loc["Ledeninleg (participaties)", "gerealiseerd"] == ""  # not reported
    assert at.error[0].value.startswith("Niet meer sluitend")
    assert "2027: Ledeninleg (participaties)" in " ".join(md.value for md in at.markdown)


def test_a_bad_actuals_text_is_named_not_a_traceback():
    at = open_monitor("year,line,value\n2027,Huur,5\n")
    assert any('line = "Huur": deze regel bestaat niet' in error.value for error in at.error)


def test_a_negative_typed_into_the_year_table_is_refused_and_nothing_is_kept():
    at = open_monitor()
    key = f"monitor_table_{COOP}_2027"
    at.session_state[key] = {
        "edited_rows": {0: {"gerealiseerd": "-5"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    assert any("moet 0 of meer zijn" in error.value for error in at.error)
    assert at.session_state[state.ACTUALS_KEY].get(COOP, "") == ""


def test_an_amount_typed_the_dutch_way_is_kept_and_makes_the_reforecast():
    at = open_monitor()
    at.session_state[f"monitor_table_{COOP}_2027"] = {
        "edited_rows": {0: {"gerealiseerd": "€ 600.000", "toelichting": "duurder"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    kept = at.session_state[state.ACTUALS_KEY][COOP]
    assert kept == "year,line,value,note\n2027,costs[0],600000.0,duurder\n"
    assert at.error[0].value.startswith("Niet meer sluitend")
