"""The honest-value fields in the guided build and the table view (AppTest through app.py):
volunteer hours in kind, a harm, a transfer, avoided costs netted, a grant fixed in euros and
inflation, each entered in the forms, kept in the file, explained, and seen on Results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from guided_harness import case, step
from streamlit.testing.v1 import AppTest

from businesscase import evaluate
from businesscase import formatting as fmt
from businesscase.text import t

APP = str(Path(__file__).resolve().parent.parent / "app.py")
GUIDED = "app_pages/guided.py"


@pytest.fixture
def app():
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page(GUIDED).run()
    [new] = [each for each in at.button if each.label == t("guided_new_plan", "nl")]
    new.click().run()
    assert not at.exception
    return at


def add(at) -> None:
    [button] = [each for each in at.button if each.label == t("guided_add", "nl")]
    button.click().run()
    assert not at.exception


def parties(at) -> None:
    step(at, "partijen")
    for name in ("Gemeente Rotterdam", "Bewoners"):
        at.text_input(key="add_stakeholders_name").set_value(name)
        add(at)


def test_volunteer_hours_in_kind_need_their_provider_said_in_words(app):
    # 4,800 hours at EUR 14: EUR 67,200 a year, given by the residents
    parties(app)
    step(app, "kosten")
    app.text_input(key="add_costs_name").set_value("Inzet vrijwilligers")
    app.number_input(key="add_costs_amount").set_value(67200.0)
    app.checkbox(key="add_costs_in_kind").check()
    add(app)  # no provider yet: kept, and the page says what is missing, in Dutch
    missing = app.code[0].value
    assert (
        'Kostenpost "Inzet vrijwilligers": ingebracht door: is verplicht bij een kostenpost in '
        "natura" in missing
    )
    assert "provider" not in missing.split(":")[0]  # the field said in words
    assert "<no value>" not in missing  # a missing value is said as missing, not as a marker
    app.sidebar.radio[0].set_value("en").run()
    assert "is required for an in-kind cost" in app.code[0].value
    app.sidebar.radio[0].set_value("nl").run()
    [remove] = [each for each in app.button if each.label == t("guided_remove", "nl")]
    remove.click().run()
    app.text_input(key="add_costs_name").set_value("Inzet vrijwilligers")
    app.number_input(key="add_costs_amount").set_value(67200.0)
    app.checkbox(key="add_costs_in_kind").check()
    app.selectbox(key="add_costs_provider").set_value("bewoners")
    add(app)
    [line] = case(app)["costs"]
    assert line["in_kind"] is True and line["provider"] == "bewoners"
    assert "life" not in line and "owner" not in line  # left empty: left out
    shown = app.dataframe[0].value
    assert list(shown[t("ask_in_kind", "nl")]) == ["ja"]
    assert list(shown[t("ask_provider", "nl")]) == ["Bewoners"]


def test_a_harm_a_transfer_and_netted_avoided_costs_reach_results(app):
    parties(app)
    step(app, "plan")
    [inflation] = [box for box in app.number_input if box.label == t("ask_inflation", "nl")]
    assert inflation.value == 0.0
    inflation.set_value(2.0)
    [save] = [each for each in app.button if each.label == t("guided_save", "nl")]
    save.click().run()
    assert case(app)["scenario"]["inflation"] == 0.02
    step(app, "kosten")
    app.text_input(key="add_costs_name").set_value("Coördinator")
    app.number_input(key="add_costs_amount").set_value(10000.0)
    add(app)
    step(app, "baten")
    for name, value, flag in (("Minder eenzaam", 1000.0, None), ("Overlast", 200.0, "harm")):
        app.text_input(key="add_outcomes_name").set_value(name)
        app.number_input(key="add_outcomes_quantity").set_value(1.0)
        app.number_input(key="add_outcomes_proxy").set_value(value)
        app.number_input(key="add_outcomes_share_bewoners").set_value(100.0)
        if flag:
            app.checkbox(key=f"add_outcomes_{flag}").check()
        add(app)
    step(app, "voorkomen")
    app.text_input(key="add_avoided_costs_name").set_value("Bespaarde uitkering")
    app.number_input(key="add_avoided_costs_incidents").set_value(1.0)
    app.number_input(key="add_avoided_costs_reduction").set_value(100.0)
    app.number_input(key="add_avoided_costs_unit_cost").set_value(500.0)
    app.number_input(key="add_avoided_costs_deadweight").set_value(20.0)
    app.checkbox(key="add_avoided_costs_transfer").check()
    add(app)
    step(app, "betalen")
    app.text_input(key="add_funding_name").set_value("Vaste subsidie")
    app.number_input(key="add_funding_amount").set_value(10000.0)
    app.checkbox(key="add_funding_nominal").check()
    add(app)
    data = case(app)
    assert data["outcomes"][1]["harm"] is True and "harm" not in data["outcomes"][0]
    assert data["avoided_costs"][0]["deadweight"] == 0.2
    assert data["avoided_costs"][0]["transfer"] is True
    assert data["funding"][0]["nominal"] is True
    variant = app.session_state["variants"]["Nieuw plan"]
    assert variant.problems == []
    m = evaluate(variant.scenario).metrics
    # every line runs all ten years from 2027 at 2.25%: sum of 1.0225 ** -t for t = 0..9 is
    # 9.065706; the harm 200 a year, PV 1,813.14; the allowance 500 a year less 20% deadweight,
    # a transfer of 400 a year, PV 3,626.28
    assert m["pv_harms"] == pytest.approx(1813.1412, abs=1e-3)
    assert m["pv_transfers"] == pytest.approx(3626.2825, abs=1e-3)
    app.switch_page("app_pages/results.py").run()
    assert not app.exception
    society, holders = t("views_society", "nl"), t("views_stakeholders", "nl")
    [table] = [f.value for f in app.dataframe if society in f.value.columns]
    table = table.set_index(t("views_line", "nl"))
    assert table.loc[t("views_row_harm", "nl"), society] == "€ -1.813"
    assert table.loc[t("views_row_transfer", "nl"), society] == "€ 0"
    assert table.loc[t("views_row_transfer", "nl"), holders] == "€ 3.626"
    assert table.loc[t("views_row_net", "nl"), society] == fmt.money(m["npv_social"], "nl")
    notes = [caption.value for caption in app.caption]
    assert t("cash_in_current_euros", "nl", inflation="2,0%", start=2027) in notes
    cards = {metric.label: metric.value for metric in app.metric}
    assert cards[t("public_dependence", "nl")] == "100,0%"  # the gemeente pays it all


def test_the_table_view_explains_the_new_fields_and_offers_the_parties():
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page("app_pages/build.py").run()
    assert not at.exception

    def column(table: str, field: str) -> dict:
        [editor] = [e for e in at.data_editor if e.key.startswith(f"build_{table}_")]
        return json.loads(editor.proto.columns)[field]

    for table, field, key in (
        ("costs", "in_kind", "help_in_kind"),
        ("costs", "provider", "help_provider"),
        ("costs", "life", "help_life"),
        ("costs", "owner", "help_owner"),
        ("outcomes", "harm", "help_harm"),
        ("outcomes", "transfer", "help_transfer"),
        ("avoided_costs", "drop_off", "help_avoided_costs_drop_off"),
        ("avoided_costs", "transfer", "help_avoided_costs_transfer"),
        ("funding", "nominal", "help_nominal"),
    ):
        assert column(table, field)["help"].startswith(t(key, "nl")), (table, field)
    assert t("percent_cell_help", "nl") in column("avoided_costs", "drop_off")["help"]
    owners = column("costs", "owner")["type_config"]
    assert owners["type"] == "selectbox"
    assert {"value": "bewoners", "label": "Bewoners van Bospolder-Tussendijken (bewoners)"} in (
        owners["options"]
    )
