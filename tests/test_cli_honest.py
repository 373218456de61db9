"""``businesscase evaluate`` summarises the honest-value figures (docs/cli.md): each line only
where the case has it, said in words, in English and in Dutch."""

from __future__ import annotations

from typer.testing import CliRunner

from businesscase.cli import app
from businesscase.examples import example_path
from businesscase.text import t

runner = CliRunner()

PLAIN = """\
[scenario]
name = "Proef"
start_year = 2027
horizon_years = 2
discount_rate = 0.0

[[stakeholders]]
id = "gemeente"
name = "Gemeente Rotterdam"
kind = "public"

[[costs]]
name = "Coaching"
amount = 1000

[[funding]]
name = "Budget"
funder = "gemeente"
kind = "budget"
amount = 1000
"""

HONEST = (
    PLAIN.replace("discount_rate = 0.0", "discount_rate = 0.0\ninflation = 0.02")
    + """
[[stakeholders]]
id = "bewoners"
name = "Bewoners"
kind = "residents"

[[costs]]
name = "Vrijwilligers"
amount = 700
in_kind = true
provider = "bewoners"

[[outcomes]]
name = "Overlast"
quantity = 1
proxy = 300
value_type = "social"
harm = true
beneficiaries = { bewoners = 1.0 }

[[outcomes]]
name = "Bespaarde uitkering"
quantity = 1
proxy = 4000
value_type = "fiscal"
start = 1
transfer = true
beneficiaries = { gemeente = 1.0 }
"""
)


def summary(tmp_path, text: str, *options: str) -> str:
    file = tmp_path / "case.toml"
    file.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(file), *options])
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())  # rich wraps long lines


def test_a_plain_case_shows_no_honest_value_lines(tmp_path):
    shown = summary(tmp_path, PLAIN)
    for name in ("pv_harms", "pv_in_kind", "pv_residual_value", "pv_transfers"):
        assert t(name, "en") not in shown
    # the budget is the gemeente's: all money public, though no subsidy
    assert f"{t('public_dependence', 'en')} 100.0%" in shown.replace("│", "").replace("  ", " ")
    assert "current euros" not in shown


def test_harms_in_kind_and_transfers_are_listed_and_explained(tmp_path):
    # at 0%: a harm of 300 in year 0, volunteers 700 in kind, a transfer of 4,000 in year 1
    shown = summary(tmp_path, HONEST)
    cells = shown.replace("│", " ")
    cells = " ".join(cells.split())
    assert "PV harms €300" in cells
    assert "€700" in cells and "PV in-kind inputs" in cells
    assert "€4,000" in cells and "PV transfers" in cells
    assert t("pv_residual_value", "en") not in shown  # no life given
    assert t("explain_pv_harms", "en") in shown
    assert t("explain_pv_transfers", "en").split(":")[0] in shown
    assert "are in current euros (the prices of each year, 2.0% inflation a year" in shown


def test_the_dutch_summary_says_the_same_in_dutch(tmp_path):
    shown = " ".join(summary(tmp_path, HONEST, "--lang", "nl").replace("│", " ").split())
    assert "Contante waarde negatieve effecten € 300" in shown
    assert "Contante waarde overdrachten" in shown and "€ 4.000" in shown
    assert t("explain_pv_harms", "nl") in shown
    assert "zijn in lopende euro's (de prijzen van elk jaar, 2,0% inflatie per jaar" in shown


def test_the_programme_lists_its_in_kind_residual_and_transfer_values():
    result = runner.invoke(app, ["evaluate", str(example_path("botu_programma"))])
    assert result.exit_code == 0, result.output
    shown = " ".join(result.stdout.replace("│", " ").split())
    # docs/sources.md: in kind PV 542.015, residual value 531.221, transfers 1.522.897
    assert "€542,015" in shown and "€531,221" in shown and "€1,522,897" in shown
    assert t("pv_harms", "en") not in shown
