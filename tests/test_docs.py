"""The docs per face stay true: the API examples run, the CLI examples exit 0, every command and
option of the program is documented, and the README indexes every page in docs/."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from businesscase.cli import app

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
API = (DOCS / "api.md").read_text(encoding="utf-8")
CLI = (DOCS / "cli.md").read_text(encoding="utf-8")

_FENCE = re.compile(r"^```(?P<language>\w*)\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL)
_COMMAND_HEADING = re.compile(r"^## `businesscase (?P<name>[a-z-]+)`$", re.MULTILINE)


def _blocks(text: str, language: str) -> list[str]:
    return [m["body"] for m in _FENCE.finditer(text) if m["language"] == language]


def _command_lines(text: str) -> list[str]:
    return [
        line.strip()
        for block in _blocks(text, "bash")
        for line in block.splitlines()
        if line.strip().startswith("businesscase ")
    ]


def _command_sections(text: str) -> dict[str, str]:
    """Each ``## `businesscase NAME` `` section of cli.md by command name."""
    headings = list(_COMMAND_HEADING.finditer(text))
    ends = [heading.start() for heading in headings[1:]] + [len(text)]
    return {h["name"]: text[h.end() : end] for h, end in zip(headings, ends, strict=True)}


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A fresh folder that sees the repository's scenarios as ``scenarios/``; outputs stay here."""
    (tmp_path / "scenarios").symlink_to(REPO / "scenarios", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_api_examples_run_in_order(workdir, capsys):
    blocks = _blocks(API, "python")
    assert len(blocks) >= 6
    namespace: dict[str, object] = {"__name__": "docs_api"}
    for number, block in enumerate(blocks, start=1):
        exec(compile(block, f"docs/api.md, python block {number}", "exec"), namespace)
    assert (workdir / "west_practice.xlsx").stat().st_size > 0
    assert (workdir / "west_practice.html").stat().st_size > 0


@pytest.mark.parametrize("line", _command_lines(CLI))
def test_cli_examples_exit_0(workdir, line):
    outcome = CliRunner().invoke(app, shlex.split(line)[1:])
    assert outcome.exit_code == 0, outcome.stderr
    assert "Traceback" not in outcome.stderr


def test_every_command_and_option_is_documented():
    commands = typer.main.get_command(app).commands
    sections = _command_sections(CLI)
    assert set(sections) == set(commands), "docs/cli.md has a section per command, no others"
    examples = _command_lines(CLI)
    for name, command in commands.items():
        section = sections[name]
        for parameter in command.params:
            if parameter.param_type_name == "argument":
                names = [parameter.name.upper()]
            else:
                names = [*parameter.opts, *parameter.secondary_opts]
            for option in names:
                assert f"| `{option}` |" in section, f"businesscase {name} {option} is not in docs"
        assert any(line.startswith(f"businesscase {name} ") for line in examples), name


def test_readme_indexes_every_docs_page():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for page in sorted(DOCS.glob("*.md")):
        assert f"](docs/{page.name})" in readme, f"README does not link docs/{page.name}"
