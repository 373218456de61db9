"""What the command line prints never carries a terminal's control sequences: a file called
``\\x1b[2J.toml`` (clear screen) or ``\\x1b]0;title\\x07.toml`` (window title) is named with its
escapes written out, and a line break in a name cannot forge a second ``error:`` line."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from businesscase.cli import app
from businesscase.examples import example_path

runner = CliRunner()

CLEAR = "\x1b[2J\x1b[H"
TITLE = "\x1b]0;pwned\x07"
COLOUR = "\x1b[31m"
C1 = "\x9b2J"
NAME = f"wijk{CLEAR}{TITLE}{COLOUR}{C1}"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""A control character other than a line break or tab reaching the output raw."""


def _copy(folder, name: str, example: str = "west_practice"):
    path = folder / f"{name}.toml"
    path.write_text(example_path(example).read_text(encoding="utf-8"), encoding="utf-8")
    return path


def _assert_clean(result) -> None:
    for stream in (result.stdout, result.stderr):
        assert not RAW.search(stream), repr(stream)
    assert "Traceback" not in result.output


def test_compare_of_a_file_called_clear_screen_shows_the_escapes(tmp_path):
    hostile = _copy(tmp_path, NAME)
    result = runner.invoke(app, ["compare", str(example_path("nabuurschap")), str(hostile)])
    assert result.exit_code == 0, result.output
    _assert_clean(result)
    assert "\\x1b[2J" in result.stdout and "\\x9b" in result.stdout


def test_batch_of_a_broken_file_called_window_title_shows_the_escapes(tmp_path):
    hostile = tmp_path / f"{NAME}.toml"
    hostile.write_text("[scenario]\n", encoding="utf-8")
    _copy(tmp_path, "west")
    result = runner.invoke(app, ["batch", str(tmp_path), "--out", str(tmp_path / "r.csv")])
    assert result.exit_code == 2
    _assert_clean(result)
    assert "\\x1b]0;pwned\\x07" in result.stderr


def test_a_line_break_in_a_file_name_cannot_forge_an_error_line(tmp_path):
    hostile = tmp_path / "a\nerror: everything is fine.toml"
    hostile.write_text("[scenario]\n", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(hostile), "--out", str(tmp_path / "r.csv")])
    assert result.exit_code == 2
    assert not any(line.startswith("error: everything") for line in result.stderr.splitlines())
    assert "a\\nerror: everything is fine.toml" in result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["evaluate"],
        ["evaluate", "--lang", "nl"],
        ["simulate", "--draws", "200", "--seed", "1"],
        ["sensitivity"],
    ],
)
def test_commands_on_a_file_called_clear_screen_print_no_control_sequence(tmp_path, command):
    hostile = tmp_path / f"{NAME}.toml"
    hostile.write_text("[scenario]\n", encoding="utf-8")  # a bad file: the message names it
    result = runner.invoke(app, [command[0], str(hostile), *command[1:]])
    assert result.exit_code == 2
    _assert_clean(result)
    assert "\\x1b[2J" in result.stderr


def test_export_and_close_gap_name_a_clear_screen_output_with_its_escapes(tmp_path):
    out = tmp_path / f"{NAME}.html"
    result = runner.invoke(app, ["export", str(example_path("west_practice")), "--html", str(out)])
    assert result.exit_code == 0, result.output
    _assert_clean(result)
    assert out.exists() and "\\x1b[2J" in result.stdout
    proposal = tmp_path / f"{NAME}.toml"
    result = runner.invoke(
        app, ["close-gap", str(example_path("west_practice")), "--out", str(proposal)]
    )
    assert result.exit_code == 0, result.output
    _assert_clean(result)
    assert proposal.exists() and "\\x1b[2J" in result.stdout
