"""The ``businesscase`` command: JSON output, the summary, and clear errors for bad input."""

import hashlib
import json
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from businesscase import evaluate, load_scenario
from businesscase.cli import app
from businesscase.examples import example_path, list_examples
from businesscase.metrics import SCALAR_METRICS

runner = CliRunner()

VALID = """\
[scenario]
name = "Proef"
start_year = 2027
horizon_years = 3

[[stakeholders]]
id = "gemeente"
name = "Gemeente Rotterdam"
kind = "public"

[[costs]]
name = "Coaching"
amount = 1000
duration = 3

[[outcomes]]
name = "Werk"
quantity = 2
proxy = 1000
value_type = "fiscal"
duration = 3
beneficiaries = { gemeente = 1.0 }

[[funding]]
name = "Budget"
funder = "gemeente"
kind = "budget"
amount = 1000
duration = 3
"""


@pytest.mark.parametrize("name", list_examples())
def test_json_output_equals_the_engine(name):
    path = example_path(name)
    outcome = runner.invoke(app, ["evaluate", str(path), "--json"])
    assert outcome.exit_code == 0, outcome.stderr
    payload = json.loads(outcome.stdout)
    expected = evaluate(load_scenario(path))
    assert set(payload) == set(SCALAR_METRICS) | {
        "cash_balance",
        "stakeholders",
        "sib_contracts",
        "projects",
    }
    assert payload == json.loads(json.dumps(expected.to_json_dict()))
    assert [row["id"] for row in payload["stakeholders"]] == expected.stakeholders.id.tolist()


def test_summary_shows_the_headline_figures_and_the_verdict(tmp_path):
    file = tmp_path / "proef.toml"
    file.write_text(VALID)
    outcome = runner.invoke(app, ["evaluate", str(file)])
    assert outcome.exit_code == 0
    assert "SROI ratio, gross" in outcome.stdout
    assert "The business case closes" in outcome.stdout
    assert "Gemeente Rotterdam" in outcome.stdout
    dutch = runner.invoke(app, ["evaluate", str(file), "--lang", "nl"])
    assert "De business case is sluitend" in dutch.stdout
    # PV costs 1,000 + 1,000/1.0225 + 1,000/1.0225**2 = 2,934.46, in Dutch format
    assert "€ 2.934" in dutch.stdout


def test_summary_names_the_gap_when_the_case_does_not_close(tmp_path):
    file = tmp_path / "kort.toml"
    file.write_text(
        VALID.replace(
            "amount = 1000\nduration = 3\n\n[[outcomes]]",
            "amount = 1500\nduration = 3\n\n[[outcomes]]",
        )
    )
    outcome = runner.invoke(app, ["evaluate", str(file)])
    assert outcome.exit_code == 0
    assert "does not close" in outcome.stdout
    assert "€1,500" in outcome.stdout  # 3 years * 500 short


BAD_INPUTS = {
    "unknown field": (("[[costs]]\nname", "[[costs]]\ncolour = 1\nname"), "costs[0].colour"),
    "deadweight above 1": (
        ('value_type = "fiscal"', 'value_type = "fiscal"\ndeadweight = 1.4'),
        "outcomes[0].deadweight",
    ),
    "negative amount": (
        (
            "amount = 1000\nduration = 3\n\n[[outcomes]]",
            "amount = -5\nduration = 3\n\n[[outcomes]]",
        ),
        "costs[0].amount",
    ),
    "string for a number": (("quantity = 2", 'quantity = "2"'), "outcomes[0].quantity"),
    "boolean for a number": (("proxy = 1000", "proxy = true"), "outcomes[0].proxy"),
    "fraction in an integer field": (
        ("horizon_years = 3", "horizon_years = 2.5"),
        "scenario.horizon_years",
    ),
    "unknown stakeholder": (
        ("{ gemeente = 1.0 }", "{ gemeente = 0.5, buren = 0.5 }"),
        "outcomes[0].beneficiaries.buren",
    ),
    "shares not summing to 1": (
        ("{ gemeente = 1.0 }", "{ gemeente = 0.9 }"),
        "outcomes[0].beneficiaries",
    ),
    "start outside the horizon": (
        ('name = "Coaching"', 'name = "Coaching"\nstart = 3'),
        "costs[0].start",
    ),
    "duration below 1": (
        (
            "amount = 1000\nduration = 3\n\n[[outcomes]]",
            "amount = 1000\nduration = 0\n\n[[outcomes]]",
        ),
        "costs[0].duration",
    ),
    "lasts below 1": (
        ('value_type = "fiscal"', 'value_type = "fiscal"\nlasts = 0'),
        "outcomes[0].lasts",
    ),
    "unknown kind": (('kind = "public"', 'kind = "gemeente"'), "stakeholders[0].kind"),
    "unknown funding kind": (('kind = "budget"', 'kind = "gift"'), "funding[0].kind"),
    "unknown theme": (
        ("horizon_years = 3", 'horizon_years = 3\nthemes = ["Sport"]'),
        "scenario.themes",
    ),
    "loan without term": (('kind = "budget"', 'kind = "loan"\ninterest_rate = 0.03'), "funding[0]"),
    "bad distribution": (
        ("proxy = 1000", 'proxy = { dist = "triangular", low = 2, mode = 1, high = 3 }'),
        "outcomes[0].proxy",
    ),
    "SIB naming no outcome": (
        (
            "",
            '\n[sib]\ninvestor = "gemeente"\noutcome_payer = '
            '"gemeente"\ncapital = 1\noutcome = "Zorg"\nprice = 1\n',
        ),
        "sib.outcome",
    ),
    "duplicate stakeholder": (
        (
            "[[costs]]",
            '[[stakeholders]]\nid = "gemeente"\nname = "x"\nkind = "public"\n\n[[costs]]',
        ),
        "stakeholders[1].id",
    ),
    "discount rate of -1": (
        ("horizon_years = 3", "horizon_years = 3\ndiscount_rate = -1.0"),
        "scenario.discount_rate",
    ),
    "missing required field": (("proxy = 1000\n", ""), "outcomes[0].proxy"),
    "infinite number": (("proxy = 1000", "proxy = inf"), "outcomes[0].proxy"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_gets_a_clear_error(tmp_path, case):
    (old, new), path = BAD_INPUTS[case]
    text = VALID + new if old == "" else VALID.replace(old, new, 1)
    assert text != VALID
    file = tmp_path / "kapot.toml"
    file.write_text(text)
    before = hashlib.sha256(file.read_bytes()).hexdigest()
    outcome = runner.invoke(app, ["evaluate", str(file), "--json"])
    assert outcome.exit_code == 2, outcome.stdout
    assert outcome.stdout == ""
    first = outcome.stderr.splitlines()[0]
    assert first.startswith("error: kapot.toml: ")
    assert path in first
    assert "Traceback" not in outcome.stderr
    assert hashlib.sha256(file.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[scenario\nname = 1", "TOML"),
        (b"\xff\xfe not utf-8", "UTF-8"),
        (b'title = "no scenario table"\n', "[scenario]"),
        (b"a = " + b"[" * 200 + b"]" * 200, "nested"),
    ],
)
def test_broken_files_get_a_clear_error(tmp_path, content, message):
    file = tmp_path / "kapot.toml"
    file.write_bytes(content)
    outcome = runner.invoke(app, ["evaluate", str(file)])
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith("error: kapot.toml: ")
    assert message in outcome.stderr
    assert "Traceback" not in outcome.stderr


def test_missing_file_and_too_big_file(tmp_path):
    outcome = runner.invoke(app, ["evaluate", str(tmp_path / "weg.toml")])
    assert outcome.exit_code == 2 and "weg.toml" in outcome.stderr
    big = tmp_path / "groot.toml"
    big.write_text(VALID + "#" * (6 * 1024 * 1024))
    outcome = runner.invoke(app, ["evaluate", str(big)])
    assert outcome.exit_code == 2 and "MB" in outcome.stderr


def test_the_installed_command_runs_as_a_module(tmp_path):
    file = tmp_path / "proef.toml"
    file.write_text(VALID)
    done = subprocess.run(
        [sys.executable, "-m", "businesscase", "evaluate", str(file), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["closes"] is True
    broken = subprocess.run(
        [sys.executable, "-m", "businesscase", "evaluate", str(tmp_path / "weg.toml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert broken.returncode == 2
    assert broken.stderr.count("\n") == 1 and "Traceback" not in broken.stderr


def test_dutch_tables_at_80_columns_keep_the_euro_sign_with_its_number(monkeypatch):
    """At 80 columns the Dutch tables split ``€`` from its number."""
    from businesscase.cli import common

    monkeypatch.setattr(common, "PIPE_WIDTH", 80)
    for args in (
        ["evaluate", str(example_path("botu_programma")), "--lang", "nl"],
        [
            "compare",
            str(example_path("nabuurschap")),
            str(example_path("west_practice")),
            "--lang",
            "nl",
        ],
    ):
        outcome = runner.invoke(app, args)
        assert outcome.exit_code == 0, outcome.stderr
        lines = outcome.stdout.splitlines()
        assert max(len(line) for line in lines) <= 80
        assert not [line for line in lines if re.search(r"€ *(│|┃|$)", line)], outcome.stdout
