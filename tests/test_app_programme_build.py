"""A programme of projects in the build screens (AppTest through app.py): the guided build
declares projects, gives each line its project and marks money pooled or earmarked, explained in
plain Dutch; the table view offers the declared projects and the pooled flag as pick-lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from guided_harness import NEW, case, step
from streamlit.testing.v1 import AppTest

from app_pages import tables
from businesscase import evaluate, examples
from businesscase.text import t

APP = str(Path(__file__).resolve().parent.parent / "app.py")
GUIDED = "app_pages/guided.py"


@pytest.fixture
def app():
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page(GUIDED).run()
    assert not at.exception
    return at


def click(at, label: str) -> None:
    [button] = [each for each in at.button if each.label == label]
    button.click().run()
    assert not at.exception


def add_line(at, section: str, values: dict) -> None:
    """Fill the step's form (text, numbers and pick-lists by field) and add the line."""
    for field, value in values.items():
        key = f"add_{section}_{field}"
        widgets = [w for w in at.selectbox if w.key in (key, f"{key}_nl")]
        if widgets:
            widgets[0].set_value(value)
        elif field in ("name",):
            at.text_input(key=key).set_value(value)
        else:
            at.number_input(key=key).set_value(value)
    click(at, t("guided_add", "nl"))


def test_a_team_builds_a_programme_whose_earmarked_money_cannot_carry_another_project(app):
    """Two projects: the square's baatbelasting (earmarked, 100k) pays its own cost of 60k and
    cannot pay the neighbourhood help's 40k; a pooled programme budget of 40k can."""
    click(app, t("guided_new_plan", "nl"))
    intro = [each.value for each in app.markdown]
    assert t("guided_projects_intro", "nl") in intro
    assert t("guided_earmarked_explained", "nl") in [each.value for each in app.caption]
    for name in ("Driehoeksplein", "Burenhulp"):
        add_line(app, "projects", {"name": name})
    assert case(app)["projects"] == [
        {"id": "driehoeksplein", "name": "Driehoeksplein"},
        {"id": "burenhulp", "name": "Burenhulp"},
    ]
    step(app, "partijen")
    add_line(app, "stakeholders", {"name": "Gemeente"})
    step(app, "kosten")
    project = [w for w in app.selectbox if w.key == "add_costs_project_nl"][0]
    assert project.options == ["(programma zelf)", "Driehoeksplein", "Burenhulp"]
    assert project.help == t("help_project", "nl")
    add_line(
        app,
        "costs",
        {"name": "Herinrichting", "amount": 60000.0, "duration": 1, "project": "driehoeksplein"},
    )
    add_line(
        app,
        "costs",
        {"name": "Buurthulp", "amount": 40000.0, "duration": 1, "project": "burenhulp"},
    )
    assert [line["project"] for line in case(app)["costs"]] == ["driehoeksplein", "burenhulp"]
    shown = app.dataframe[0].value
    assert list(shown[t("ask_project", "nl")]) == ["Driehoeksplein", "Burenhulp"]
    step(app, "baten")
    add_line(
        app,
        "outcomes",
        {
            "name": "Meer ontmoeting",
            "quantity": 10.0,
            "proxy": 5000.0,
            "project": "burenhulp",
            "share_gemeente": 100.0,
        },
    )
    step(app, "betalen")
    pooled = [w for w in app.selectbox if w.key == "add_funding_pooled_nl"][0]
    assert pooled.help == t("help_pooled", "nl")
    assert "baatbelasting" in pooled.help and "Standaard: geoormerkt" in pooled.help
    add_line(
        app,
        "funding",
        {"name": "Baatbelasting", "amount": 100000.0, "duration": 1, "project": "driehoeksplein"},
    )
    assert "pooled" not in case(app)["funding"][0]  # default: earmarked on a project's line
    variant = app.session_state["variants"][NEW]
    assert variant.problems == []
    metrics = evaluate(variant.scenario).metrics
    assert not metrics["closes"]
    assert metrics["funding_gap"] == pytest.approx(40000.0)  # the help is still unpaid
    shown = {metric.label: metric.value for metric in app.metric}
    assert shown[t("closes", "nl")] == "NEE"
    add_line(app, "funding", {"name": "Programmabudget", "amount": 40000.0, "duration": 1})
    assert "project" not in case(app)["funding"][1]  # a programme line: pooled by default
    assert evaluate(app.session_state["variants"][NEW].scenario).metrics["closes"]
    assert t("pooled_default", "nl") in list(app.dataframe[0].value[t("ask_pooled", "nl")])


def test_each_line_of_the_programme_gets_its_project_and_pooled_flag_in_one_table(app):
    """On the BoTu programme, the plan step lists every line with its project; the square's
    first funding line made pooled and nabuurschap's first cost moved to the programme."""
    botu = examples.load_botu()
    [editor] = app.data_editor
    shown = editor.value
    lines = [
        *botu.costs,
        *botu.outcomes,
        *botu.avoided_costs,
        *botu.value_capture,
        *botu.funding,
        *botu.contracts,
    ]
    assert list(shown["name"]) == [line.name for line in lines]
    assert list(shown["project"]) == [line.project or "" for line in lines]
    columns = json.loads(editor.proto.columns)
    assert columns["project"]["type_config"]["options"][0] == {
        "value": "",
        "label": "(programma zelf)",
    }
    assert {"value": "false", "label": t("pooled_false", "nl")} in (
        columns["pooled"]["type_config"]["options"]
    )
    square = next(i for i, line in enumerate(botu.funding) if line.project == "driehoeksplein")
    funding_row = (
        len(botu.costs)
        + len(botu.outcomes)
        + len(botu.avoided_costs)
        + len(botu.value_capture)
        + square
    )
    cost = next(i for i, line in enumerate(botu.costs) if line.project == "nabuurschap")
    app.session_state[editor.key] = {
        "edited_rows": {funding_row: {"pooled": "true"}, cost: {"project": ""}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    click(app, t("guided_line_projects_save", "nl"))
    data = app.session_state["variants"][examples.PROGRAMME].data
    assert data["funding"][square]["pooled"] is True
    assert "project" not in data["costs"][cost]
    assert data["costs"][cost + 1]["project"] == "nabuurschap"
    assert app.session_state["variants"][examples.PROGRAMME].problems == []


def test_a_removed_project_leaves_its_lines_to_the_programme(app):
    click(app, t("guided_new_plan", "nl"))
    add_line(app, "projects", {"name": "Plein"})
    step(app, "partijen")
    add_line(app, "stakeholders", {"name": "Gemeente"})
    step(app, "betalen")
    add_line(
        app,
        "funding",
        {"name": "Baatbelasting", "amount": 1000.0, "project": "plein", "pooled": "false"},
    )
    assert case(app)["funding"][0]["pooled"] is False
    step(app, "plan")
    [remove] = [w for w in app.selectbox if w.key == "remove_projects"]
    remove.set_value(0)
    [button] = [b for b in app.button if b.key == "remove_button_projects"]
    button.click().run()
    assert "projects" not in case(app) or case(app)["projects"] == []
    funding = case(app)["funding"][0]
    assert funding["name"] == "Baatbelasting"
    assert "project" not in funding and "pooled" not in funding


def test_the_forms_ask_for_no_project_without_projects(app):
    click(app, t("guided_new_plan", "nl"))
    step(app, "betalen")
    keys = {w.key for w in app.selectbox}
    assert not {"add_funding_project_nl", "add_funding_pooled_nl"} & keys


def test_the_guided_build_says_it_in_english():
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.session_state["lang"] = "en"
    at.switch_page(GUIDED).run()
    step(at, "betalen")
    pooled = [w for w in at.selectbox if w.key == "add_funding_pooled_en"][0]
    assert pooled.options == [t(f"pooled_{c}", "en") for c in ("default", "true", "false")]
    assert pooled.help == t("help_pooled", "en")


def test_the_table_view_picks_projects_and_the_pooled_flag():
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page("app_pages/build.py").run()
    assert not at.exception

    def editor(table: str):
        [found] = [e for e in at.data_editor if e.key.startswith(f"build_{table}_")]
        return found

    def column(table: str, field: str) -> dict:
        return json.loads(editor(table).proto.columns)[field]

    botu = examples.load_botu()
    for table in ("costs", "outcomes", "avoided_costs", "value_capture", "funding", "sib"):
        project = column(table, "project")
        assert project["type_config"]["type"] == "selectbox", table
        programme_line = {"value": tables.PROGRAMME_LINE, "label": "(programma zelf)"}
        assert project["type_config"]["options"] == [programme_line] + [
            {"value": each.id, "label": f"{each.name} ({each.id})"} for each in botu.projects
        ]
        assert project["help"].startswith(t("help_project", "nl"))
    for table in ("value_capture", "funding", "sib"):
        pooled = column(table, "pooled")
        assert pooled["type_config"]["options"] == [
            {"value": "default", "label": "(standaard)"},
            {"value": "true", "label": "ja"},
            {"value": "false", "label": "nee"},
        ]
        assert pooled["help"].startswith(t("help_pooled", "nl"))
    # a line that leaves pooled out shows its default, and reads back as left out
    assert set(editor("funding").value["pooled"]) == {"default"}
    assert all(line.pooled is None for line in botu.funding)
    # a project typed in the projects table is at once in the lines' pick-list
    at.session_state[editor("projects").key] = {
        "edited_rows": {},
        "added_rows": [{"id": "wijkfonds", "name": "Wijkfonds"}],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    options = column("funding", "project")["type_config"]["options"]
    assert options[-1] == {"value": "wijkfonds", "label": "Wijkfonds (wijkfonds)"}
    # ... and a line given it makes the case valid again (a project needs a line)
    row = 0  # West Practice's budget: its project keeps its other lines
    at.session_state[editor("funding").key] = {
        "edited_rows": {row: {"project": "wijkfonds", "pooled": "true"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    scenario = at.session_state["variants"][examples.PROGRAMME].scenario
    assert scenario.funding[row].project == "wijkfonds"
    assert scenario.funding[row].pooled is True


def test_the_table_view_shows_a_programme_line_as_the_guided_build_does():
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page("app_pages/build.py").run()
    [funding] = [e for e in at.data_editor if e.key.startswith("build_funding_")]
    # West Practice's budget becomes money of the programme itself (its project keeps its
    # other lines): picked as (programma zelf), written without a project
    at.session_state[funding.key] = {
        "edited_rows": {0: {"project": tables.PROGRAMME_LINE}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception and not at.error
    variant = at.session_state["variants"][examples.PROGRAMME]
    assert variant.scenario.funding[0].project is None
    assert "project" not in variant.data["funding"][0]
    assert tables.PROGRAMME_LINE not in variant.toml
    # drawn afresh (another language), the line shows (programme itself), not an empty cell
    at.sidebar.radio[0].set_value("en").run()
    [funding] = [e for e in at.data_editor if e.key.startswith("build_funding_")]
    assert funding.value["project"][0] == tables.PROGRAMME_LINE
    options = json.loads(funding.proto.columns)["project"]["type_config"]["options"]
    assert options[0] == {"value": tables.PROGRAMME_LINE, "label": "(programme itself)"}
    assert set(funding.value["project"][1:]) == {
        line.project for line in variant.scenario.funding[1:]
    }
