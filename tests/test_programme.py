"""Combining projects into a programme with earmarked money, and the BoTu programme itself
(docs/methodology.md, "A programme of projects"; docs/cli.md, ``businesscase combine``)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from businesscase import combine, evaluate, examples
from businesscase.batch import PROGRAMME_COLUMNS, programme_comparison, programme_fund
from businesscase.cli import app
from businesscase.scenario import ScenarioError, load_scenario
from businesscase.text import t

approx = pytest.approx


@pytest.fixture(scope="module")
def parts() -> dict:
    return {label: examples.load_example(stem) for stem, label in examples.PROJECTS.items()}


def sections(programme):
    lines = [line for section in examples.LINE_SECTIONS for line in getattr(programme, section)]
    return lines + programme.contracts


def test_combine_declares_a_project_per_file_and_earmarks_its_money(parts):
    programme = combine(parts, "BoTu")
    assert [(p.id, p.name) for p in programme.projects] == [
        ("west_practice", "West Practice"),
        ("driehoeksplein", "Driehoeksplein"),
        ("energiecooperatie", "Energiecoöperatie"),
        ("nabuurschap", "Nabuurschap"),
    ]
    every = sections(programme)
    assert all(line.project is not None for line in every)
    # Nothing is marked pooled: each project's inflows, the contract's capital included, are
    # earmarked by default.
    assert all(getattr(line, "pooled", None) is None for line in every)
    assert programme.contracts[0].project == "west_practice"


def test_pool_and_fund_mark_only_what_was_asked(parts):
    programme = combine(
        parts, "BoTu", pool=["Driehoeksplein"], fund=programme_fund(10_000.0, "gemeente", 2)
    )
    pooled = {line.name: line.pooled for line in [*programme.value_capture, *programme.funding]}
    assert all(value is True for name, value in pooled.items() if name.startswith("Driehoeksplein"))
    assert all(
        value is None
        for name, value in pooled.items()
        if not name.startswith(("Driehoeksplein", "Programme fund"))
    )
    fund = programme.funding[-1]
    assert (fund.name, fund.project, fund.amount, fund.duration) == (
        "Programme fund",
        None,
        10_000.0,
        2,
    )
    with pytest.raises(ScenarioError, match='pool = "Plein": names no project to pool'):
        combine(parts, "BoTu", pool=["Plein"])


def test_the_botu_programme_does_not_close_with_its_money_earmarked(parts):
    # Before (everything pooled): short only by EUR 28.000 in 2036, no subsidy cliff shown.
    # With the money earmarked as it legally is, nabuurschap's gap after its cliff in 2030
    # stays its own; the square and West Practice are short a little on their own money too.
    result = evaluate(examples.load_botu())
    m = result.metrics
    assert m["closes"] is False
    assert m["funding_gap"] == approx(477_144.76, abs=0.01)
    assert m["first_short_year"] == 1
    rows = {row["id"]: row for row in result.to_json_dict()["projects"]}
    assert rows["nabuurschap"]["subsidy_cliff_year"] == 3
    assert rows["nabuurschap"]["pool_needed"] == approx(451_731.86, abs=0.01)
    assert rows["energiecooperatie"]["closes_alone"] is True
    assert rows["west_practice"]["gap_alone"] == approx(25_412.90, abs=0.01)
    # Each project alone has the gap its own file has.
    for stem, label in examples.PROJECTS.items():
        alone = evaluate(examples.load_example(stem)).metrics["funding_gap"]
        row = next(r for r in rows.values() if r["name"] == label)
        assert row["gap_alone"] == approx(alone, abs=1e-6)


def test_a_pooled_programme_budget_of_44000_a_year_closes_it(parts):
    # The description says so: EUR 44.000 a year from 2027 closes the programme, EUR 43.000
    # does not (the shortfall of EUR 477.145 in 2036 over ten years of 2% rising euros needs
    # 43.576 a year).
    def closes(amount: float) -> bool:
        fund = programme_fund(amount, "gemeente", 10)
        return evaluate(combine(parts, "BoTu", fund=fund)).metrics["closes"]

    assert closes(44_000.0)
    assert not closes(43_000.0)
    assert "€ 44.000 per jaar" in examples.load_botu().settings.description


def test_programme_comparison_says_what_each_project_brings_and_needs(parts):
    table = programme_comparison(parts, "BoTu", pool=["Energiecoöperatie"])
    assert list(table.columns) == list(PROGRAMME_COLUMNS)
    coop = table.loc["Energiecoöperatie"]
    assert coop["earmarked"] == 0.0 and coop["pooled"] > 0.0
    assert table.loc["Nabuurschap", "pool_needed"] == approx(451_731.86, abs=0.01)
    whole = table.loc["BoTu"]
    assert whole["pooled"] == approx(table["pooled"].iloc[:-1].sum())
    assert whole["earmarked"] == approx(table["earmarked"].iloc[:-1].sum())


def test_cli_combine_with_a_fund_and_a_pooled_project(tmp_path):
    out = tmp_path / "programma.toml"
    files = [str(examples.example_path(stem)) for stem in examples.PROJECTS]
    args = ["combine", *files, "--out", str(out), "--lang", "nl"]
    result = CliRunner().invoke(app, [*args, "--fund", "44000", "--fund-years", "10"])
    assert result.exit_code == 0, result.output
    assert "Hoogstens nodig uit de pot" in result.output
    assert "geoormerkt" in result.output
    assert evaluate(load_scenario(out)).metrics["closes"] is True
    result = CliRunner().invoke(app, [*args, "--pool", "Buurthuis"])
    assert result.exit_code == 2
    assert 'pool = "Buurthuis": noemt geen project om te delen' in result.output


def test_combines_messages_speak_dutch_and_name_what_is_wrong(tmp_path):
    """An unknown --pool name (with the project it is part of), two files with one name, a
    programme given as a project and a party described twice, each one line on stderr in Dutch
    with exit status 2; the markers ``error:`` and the field names stay as written."""
    west, buurt = (str(examples.example_path(stem)) for stem in ("west_practice", "nabuurschap"))
    out = str(tmp_path / "pakket.toml")

    def errors(*args: str) -> list[str]:
        result = CliRunner().invoke(app, ["combine", *args, "--out", out, "--lang", "nl"])
        assert result.exit_code == 2, result.output
        return result.stderr.splitlines()

    nabuurschap = examples.load_example("nabuurschap").settings.name
    labels = f"{examples.load_example('west_practice').settings.name}, {nabuurschap}"
    assert errors(west, buurt, "--pool", "nabuurschap") == [
        f'error: pakket: pool = "nabuurschap": noemt geen project om te delen (bedoel je '
        f"{nabuurschap}?); de projecten zijn {labels}"
    ]
    assert errors(west, west) == [
        f"error: twee projecten heten {examples.load_example('west_practice').settings.name!r}: "
        "geef ze verschillende namen (de naam in [scenario] is het label van het project)"
    ]
    programme = examples.load_botu().settings.name
    assert errors(west, str(examples.example_path("botu_programma"))) == [
        f'error: pakket: projects = "{programme}": is al een programma van projecten; combineer '
        "in plaats daarvan de bestanden van zijn projecten"
    ]
    other = tmp_path / "utrecht.toml"
    text = examples.example_path("nabuurschap").read_text(encoding="utf-8")
    other.write_text(text.replace('name = "Gemeente Rotterdam"', 'name = "Gemeente Utrecht"'))
    assert errors(west, str(other)) == [
        f'error: pakket: stakeholders = "gemeente": {nabuurschap} beschrijft deze '
        "belanghebbende anders dan een eerder project; geef hem in elk bestand dezelfde naam en "
        "soort, of een andere id"
    ]


def test_results_shows_the_programme_view_in_dutch():
    from test_app_results import open_results

    at = open_results()  # the app opens on the BoTu programme
    titles = [header.value for header in at.subheader]
    assert t("projects_table", "nl") in titles
    frames = [frame.value for frame in at.dataframe]
    table = next(f for f in frames if "Nabuurschap" in f.columns)
    rows = table.set_index(t("project_name", "nl"))
    assert list(rows.columns) == [
        "West Practice",
        "Driehoeksplein",
        "Energiecoöperatie",
        "Nabuurschap",
    ]
    assert rows.loc[t("project_closes_alone", "nl"), "Energiecoöperatie"] == "ja"
    assert rows.loc[t("project_pool_needed", "nl"), "Nabuurschap"] == "€ 451.732"
    assert rows.loc[t("project_subsidy_cliff_year", "nl"), "Nabuurschap"] == "2030 (t=3)"
    assert t("projects_note", "nl") in [caption.value for caption in at.caption]
