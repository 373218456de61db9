"""The app's wiring (AppTest): pages, language, variants and the engine's figures on screen."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from businesscase import evaluate, examples
from businesscase import formatting as fmt

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture
def app():
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert not at.exception
    return at


def metric_values(at):
    return [metric.value for metric in at.metric]


def test_opens_on_the_start_page_with_the_figures_of_the_botu_programme(app):
    expected = evaluate(examples.load_botu()).metrics
    assert fmt.number(expected["sroi_ratio"], "nl") in metric_values(app)
    assert fmt.money(expected["npv_social"], "nl") in metric_values(app)
    assert app.metric[0].label.startswith("SROI-ratio, bruto")
    assert app.sidebar.selectbox[0].value == examples.PROGRAMME


def test_switches_language(app):
    app.sidebar.radio[0].set_value("en").run()
    assert not app.exception
    assert app.metric[0].label.startswith("SROI ratio, gross")
    expected = evaluate(examples.load_botu()).metrics
    assert fmt.money(expected["npv_social"], "en") in metric_values(app)
    assert app.sidebar.selectbox[0].label == "Variant shown"


def on_build_page(at):
    at.switch_page("app_pages/build.py").run()
    assert not at.exception
    return at


def editor_key(at, table):
    [key] = [editor.key for editor in at.data_editor if editor.key.startswith(f"build_{table}_")]
    return key


def first_fixed_amount(at):
    """The first cost line whose amount is a plain number (no distribution)."""
    [costs] = [e.value for e in at.data_editor if e.key.startswith("build_costs_")]
    return int(costs.index[costs["amount~"].fillna("") == ""][0])


def edit(at, table, edited=None, added=None):
    """Hand the page the edit state the browser sends for typed cells (AppTest cannot type into
    a grid): edited_rows by row position, added_rows as whole rows; every cell is text."""
    at.session_state[editor_key(at, table)] = {
        "edited_rows": edited or {},
        "added_rows": added or [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception


def test_a_cost_edited_in_the_build_table_changes_the_figures_to_the_engines(app):
    on_build_page(app)
    botu = examples.load_botu()
    assert fmt.number(evaluate(botu).metrics["sroi_ratio"], "nl") in metric_values(app)
    row = first_fixed_amount(app)
    key = editor_key(app, "costs")
    edit(app, "costs", {row: {"amount": "1.000.000"}})
    assert not app.error
    costs = list(botu.costs)
    costs[row] = costs[row].model_copy(update={"amount": 1_000_000.0})
    expected = evaluate(botu.model_copy(update={"costs": costs})).metrics
    assert fmt.number(expected["sroi_ratio"], "nl") in metric_values(app)
    assert fmt.money(expected["npv_social"], "nl") in metric_values(app)
    # the grid is not drawn afresh after the valid edit: same editor, the typing kept in it
    assert editor_key(app, "costs") == key
    assert app.session_state[key]["edited_rows"] == {row: {"amount": "1.000.000"}}
    assert app.session_state["variants"][examples.PROGRAMME].scenario.costs[row].amount == 1e6
    app.switch_page("app_pages/results.py").run()
    assert fmt.number(expected["sroi_ratio"], "nl") in metric_values(app)


def test_an_invalid_edit_says_where_in_words_and_keeps_the_last_valid_figures(app):
    on_build_page(app)
    before = metric_values(app)
    edit(app, "outcomes", {1: {"lasts": "0"}})
    assert app.code[0].value.startswith("Maatschappelijke effecten, regel 2, houdt aan (jaren): ")
    assert app.code[0].value.endswith("moet 1 of meer zijn")
    assert "outcomes[1]" not in app.code[0].value
    assert app.error[0].value.startswith("Nog niet geldig")
    assert metric_values(app) == before


def test_the_engines_message_is_in_english_when_english_is_chosen(app):
    on_build_page(app)
    app.sidebar.radio[0].set_value("en").run()
    edit(app, "outcomes", {1: {"lasts": "0"}})
    assert app.code[0].value == "Outcomes, line 2, lasts (years): 0 yr must be >= 1"


def test_an_upload_with_thousands_of_problems_shows_a_few_lines(app):
    from app_pages.state import read_upload

    lines = "".join(f'[[costs]]\nname = "c{index}"\namount = -1\n\n' for index in range(900))
    text = '[scenario]\nname = "x"\nstart_year = 2027\nhorizon_years = 3\n\n' + lines
    _, problems = read_upload("groot.toml", text.encode())
    assert len(problems) == 11
    assert problems[-1] == "groot.toml: ... en nog 890 negatieve getallen"


def test_a_distribution_typed_as_text_is_kept(app):
    on_build_page(app)
    edit(app, "costs", {0: {"amount~": "uniform(40000, 60000)"}})
    assert not app.error
    scenario = app.session_state["variants"][examples.PROGRAMME].scenario
    assert (scenario.costs[0].amount.low, scenario.costs[0].amount.high) == (40000, 60000)


def test_a_first_outcome_is_completed_over_several_edits_with_its_beneficiary(app):
    """The pick-list of outcomes follows the outcomes table as typed, not the last valid
    version, so the first outcome of an empty plan can be given its beneficiary."""
    on_build_page(app)
    [empty] = [button for button in app.button if button.label == "Leeg beginnen"]
    empty.click().run()
    edit(app, "stakeholders", added=[{"id": "gemeente", "name": "Gemeente", "kind": "public"}])
    assert not app.error
    outcome = {"name": "Werk", "quantity": "10", "proxy": "€ 5.000", "value_type": "fiscal"}
    edit(app, "outcomes", added=[outcome])
    assert app.error  # no beneficiary yet: not valid, nothing lost
    [beneficiaries] = [e for e in app.data_editor if e.key.startswith("build_beneficiaries_")]
    assert "Werk" in str(beneficiaries.proto.columns)  # the new outcome is in the pick-list
    edit(
        app, "beneficiaries", added=[{"outcome": "Werk", "stakeholder": "gemeente", "share": "100"}]
    )
    assert not app.error
    [outcome] = app.session_state["variants"]["Nieuw plan"].scenario.outcomes
    assert (outcome.proxy, outcome.beneficiaries) == (5000.0, {"gemeente": 1.0})
    assert app.session_state[editor_key(app, "outcomes")]["added_rows"]  # still the same grid


def test_percentages_are_typed_as_percentages(app):
    on_build_page(app)
    edit(app, "outcomes", {0: {"deadweight~": "", "deadweight": "0,3"}})
    assert app.session_state["variants"][examples.PROGRAMME].scenario.outcomes[0].deadweight == (
        0.003
    )
    edit(app, "outcomes", {0: {"deadweight~": "", "deadweight": "300"}})
    assert app.code[0].value.endswith("“300” is een percentage en moet tussen 0 en 100% liggen")


def test_an_example_opens_as_a_variant_and_is_saved_under_a_new_name(app):
    on_build_page(app)
    app.selectbox(key="build_example").set_value("nabuurschap")
    app.button[0].click().run()
    assert app.sidebar.selectbox[0].value == "nabuurschap"
    gap = evaluate(examples.load_example("nabuurschap")).metrics
    assert fmt.number(gap["sroi_ratio"], "nl") in metric_values(app)
    app.text_input(key="build_variant_name").set_value("nabuurschap plus").run()
    [save] = [button for button in app.button if button.label == "Bewaren als variant"]
    save.click().run()
    assert list(app.session_state["variants"]) == [
        examples.PROGRAMME,
        "nabuurschap",
        "nabuurschap plus",
    ]
    assert app.sidebar.selectbox[0].value == "nabuurschap plus"
    app.sidebar.selectbox[0].set_value(examples.PROGRAMME).run()
    botu = evaluate(examples.load_botu()).metrics
    assert fmt.number(botu["sroi_ratio"], "nl") in metric_values(app)


def test_an_upload_that_fails_shows_the_engines_message(app):
    """AppTest has no file uploader: the page's handler stores what read_upload says."""
    from app_pages.state import read_upload

    _, problems = read_upload("plan.toml", b"[scenario\n")
    app.session_state["build_upload_problems"] = ("plan.toml", problems)
    on_build_page(app)
    assert app.error[0].value == "plan.toml is niet ingelezen:"
    assert app.code[0].value.startswith("plan.toml: geen geldige TOML")


def test_the_build_page_speaks_english(app):
    app.sidebar.radio[0].set_value("en").run()
    on_build_page(app)
    assert app.title[0].value == "Build"
    assert app.subheader[0].value.startswith("Editing variant")


def test_the_report_page_offers_the_workbook_with_the_monte_carlo_of_the_variant(app):
    app.switch_page("app_pages/report.py").run()
    assert not app.exception
    assert app.title[0].value == "Rapport"
    assert app.toggle[0].value is True  # BoTu has distributions: percentiles included
    buttons = [node for node in app.get("download_button")]
    assert [button.proto.label for button in buttons] == [
        "Werkboek downloaden (Excel)",
        "Rapport downloaden (HTML)",
    ]


def test_the_report_draws_a_variant_whose_only_risk_is_a_grant_that_may_not_come(app):
    # No distribution, but a budget with probability 0.5 (all or nothing in the draws): the
    # report offers its Monte Carlo; the same plan with a sure budget has nothing to draw.
    from test_export import PLAIN

    from app_pages.state import CURRENT_KEY, Variant

    for name, text, offered in (
        ("kans", PLAIN.replace("duration = 2", "duration = 2\nprobability = 0.5"), True),
        ("zeker", PLAIN, False),
    ):
        app.session_state["variants"][name] = Variant(name, text)
        app.session_state[CURRENT_KEY] = name
        app.switch_page("app_pages/report.py").run()
        assert not app.exception
        assert bool(app.toggle) is offered
        assert bool(app.info) is not offered


def test_compare_shows_the_engines_figures_side_by_side_with_the_best_marked(app):
    app.switch_page("app_pages/compare.py").run()
    assert not app.exception
    assert app.multiselect[0].value == [examples.PROGRAMME, "meegeleverd: nabuurschap"]
    table = app.dataframe[0].value
    botu = evaluate(examples.load_botu()).metrics
    nabuurschap = evaluate(examples.load_example("nabuurschap")).metrics
    row = table.loc["SROI-ratio, bruto (waarde per geïnvesteerde euro)"]
    values = [fmt.number(botu["sroi_ratio"], "nl"), fmt.number(nabuurschap["sroi_ratio"], "nl")]
    best = 0 if botu["sroi_ratio"] > nabuurschap["sroi_ratio"] else 1
    values[best] += " ★"
    assert list(row) == values
    gap = table.loc["Financieringstekort"]
    # with its money earmarked the programme lacks more than nabuurschap alone: the smaller gap
    # is nabuurschap's
    assert list(gap) == [
        fmt.money(botu["funding_gap"], "nl"),
        fmt.money(nabuurschap["funding_gap"], "nl") + " ★",
    ]
    assert not app.dataframe[1].value.empty  # the assumptions differ
    app.multiselect[0].set_value([examples.PROGRAMME]).run()
    assert app.info[0].value == "Kies er minstens twee om te vergelijken."


def test_the_horizon_typed_on_the_build_page_is_bounded(app):
    on_build_page(app)
    [horizon] = [box for box in app.number_input if box.label == "looptijd (jaren)"]
    assert (horizon.min, horizon.max, horizon.value) == (1, 200, 10)


def test_a_variant_name_with_markup_is_shown_as_written(app):
    from app_pages.state import markdown_text

    assert markdown_text("<b>x</b> **y** [z](http://e.nl)") == (
        r"\<b\>x\</b\> \*\*y\*\* \[z\](http://e.nl)"
    )
    on_build_page(app)
    app.text_input(key="build_variant_name").set_value("<b>x</b> **y**").run()
    [save] = [button for button in app.button if button.label == "Bewaren als variant"]
    save.click().run()
    assert app.subheader[0].value == r"Je bewerkt variant: \<b\>x\</b\> \*\*y\*\*"


def test_every_text_key_is_defined_once():
    """A key defined twice silently keeps only the last wording (two features share it)."""
    import ast

    from businesscase import text

    tree = ast.parse(Path(text.__file__).read_text(encoding="utf-8"))
    [table] = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "TEXT"
    ]
    keys = [key.value for key in table.keys]
    assert sorted({key for key in keys if keys.count(key) > 1}) == []


def test_starting_empty_gives_a_variant_every_page_can_show(app):
    on_build_page(app)
    [empty] = [button for button in app.button if button.label == "Leeg beginnen"]
    empty.click().run()
    assert app.sidebar.selectbox[0].value == "Nieuw plan"
    assert metric_values(app) == [fmt.MISSING, fmt.money(0.0, "nl"), "ja"]
    for page in ("results", "uncertainty", "compare"):
        app.switch_page(f"app_pages/{page}.py").run()
        assert not app.exception, page
