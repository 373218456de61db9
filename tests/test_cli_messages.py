"""The command line tells a scenario's problems in the language asked, briefly and honestly.

Every command that reads scenario files prints their problems in Dutch with ``--lang nl``;
stderr stays short whatever the file holds, and no value in a file can forge a line.
"""

import pytest
from typer.testing import CliRunner

from businesscase.cli import app
from businesscase.problems import LINES_PER_KIND

runner = CliRunner()

BROKEN = """\
[scenario]
name = "Proef"
start_year = 2027
horizon_years = 3

[[stakeholders]]
id = "gemeente"
name = "Gemeente Rotterdam"
kind = "public"

[[outcomes]]
name = "Werk"
quantity = 2
proxy = 1000
value_type = "fiscal"
deadweight = 1.4
beneficiaries = { gemeente = 1.0 }
"""

DUTCH = "error: kapot.toml: outcomes[0].deadweight = 1.4: moet een aandeel tussen 0 en 1 zijn"

# each command that reads a scenario, with the arguments it needs besides the file
COMMANDS = {
    "evaluate": lambda file, out: ["evaluate", file],
    "simulate": lambda file, out: ["simulate", file, "--draws", "10"],
    "sensitivity": lambda file, out: ["sensitivity", file],
    "close-gap": lambda file, out: ["close-gap", file, "--out", f"{out}/x.toml"],
    "export": lambda file, out: ["export", file, "--html", f"{out}/x.html"],
    "sweep": lambda file, out: [
        "sweep",
        file,
        "--set",
        "outcomes[0].proxy=1,2",
        "--out",
        f"{out}/x.csv",
    ],
    "compare": lambda file, out: ["compare", file, file],
    "combine": lambda file, out: ["combine", file, file, "--out", f"{out}/x.toml"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_lang_nl_prints_the_problems_of_a_file_in_dutch(tmp_path, command):
    file = tmp_path / "kapot.toml"
    file.write_text(BROKEN, encoding="utf-8")
    outcome = runner.invoke(app, [*COMMANDS[command](str(file), str(tmp_path)), "--lang", "nl"])
    assert outcome.exit_code == 2, outcome.output
    assert DUTCH in outcome.stderr.splitlines()
    english = runner.invoke(app, COMMANDS[command](str(file), str(tmp_path)))
    assert DUTCH.replace(
        "moet een aandeel tussen 0 en 1 zijn", "must be a share between 0 and 1"
    ) in (english.stderr.splitlines())


def test_batch_with_lang_nl_reports_a_broken_file_in_dutch(tmp_path):
    (tmp_path / "kapot.toml").write_text(BROKEN, encoding="utf-8")
    outcome = runner.invoke(
        app,
        ["batch", str(tmp_path / "kapot.toml"), "--out", str(tmp_path / "x.csv"), "--lang", "nl"],
    )
    assert "moet een aandeel tussen 0 en 1 zijn" in outcome.output + outcome.stderr


def test_a_newline_in_a_name_cannot_forge_an_error_line(tmp_path):
    file = tmp_path / "kapot.toml"
    file.write_text(BROKEN.replace('name = "Werk"', 'name = "Werk\\nerror: all is well"'))
    outcome = runner.invoke(app, ["evaluate", str(file)])
    assert outcome.exit_code == 2
    assert outcome.stderr.splitlines() == [
        'error: kapot.toml: outcomes[0].name = "Werk\\nerror: all is well": must be one line '
        "without control characters (found \\n)",
        "error: kapot.toml: outcomes[0].deadweight = 1.4: must be a share between 0 and 1",
    ]


def test_five_thousand_unknown_references_give_a_short_stderr(tmp_path):
    """Once 85 MB of stderr (every line listed every known id); now eleven short lines."""
    holders = "".join(
        f'[[stakeholders]]\nid = "partij{index}"\nname = "P{index}"\nkind = "other"\n\n'
        for index in range(900)
    )
    lines = "".join(
        f'[[funding]]\nname = "f{index}"\nfunder = "nobody{index}"\nkind = "grant"\namount = 1\n\n'
        for index in range(1000)
    )
    file = tmp_path / "groot.toml"
    file.write_text(BROKEN.replace("deadweight = 1.4", "deadweight = 0.4") + holders + lines)
    outcome = runner.invoke(app, ["evaluate", str(file), "--lang", "nl"])
    assert outcome.exit_code == 2
    stderr = outcome.stderr.splitlines()
    assert len(stderr) == LINES_PER_KIND + 1 and len(outcome.stderr) < 4000
    assert stderr[-1] == (
        "error: groot.toml: ... en nog 990 verwijzingen naar onbekende belanghebbenden"
    )
