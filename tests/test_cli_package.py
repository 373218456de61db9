"""The command line as a package: every command module takes its shared helpers from
``businesscase.cli.common``, no module takes a private name from another, the modules import
each other without a circle, and both ways in (the console script and ``python -m``) work."""

from __future__ import annotations

import ast
import importlib.metadata
import subprocess
import sys
from pathlib import Path

import typer.main

from businesscase.cli import app, main

PACKAGE = Path(__file__).resolve().parent.parent / "businesscase" / "cli"
MODULES = {path.stem: path for path in sorted(PACKAGE.glob("*.py"))}
PREFIX = "businesscase.cli"
COMMAND_MODULES = set(MODULES) - {"__init__", "__main__", "common"}


def _cli_imports(path: Path) -> list[tuple[str, str]]:
    """(cli module imported, name taken from it) for every import of ``businesscase.cli...``;
    the name is ``""`` for a whole module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(PREFIX):
                    found.append((alias.name.removeprefix(PREFIX).lstrip("."), ""))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "businesscase.cli"
        ):
            module = node.module.removeprefix("businesscase.cli").lstrip(".") or "__init__"
            for alias in node.names:
                if module == "__init__" and alias.name in MODULES:
                    found.append((alias.name, ""))  # from businesscase.cli import batch
                else:
                    found.append((module, alias.name))
    return found


def _graph() -> dict[str, set[str]]:
    return {name: {module for module, _ in _cli_imports(path)} for name, path in MODULES.items()}


def test_no_cli_module_takes_a_private_name_from_another():
    private = [
        f"{name}.py takes {taken} from {module}"
        for name, path in MODULES.items()
        for module, taken in _cli_imports(path)
        if taken.startswith("_")
    ]
    assert private == []


def test_command_modules_share_helpers_from_common_only():
    for name in COMMAND_MODULES:
        assert _graph()[name] <= {"common"}, f"{name}.py imports another command module"
    assert _graph()["common"] == set(), "common.py imports no other cli module"


def _circle(graph: dict[str, set[str]]) -> list[str]:
    """The first import circle found (``[a, b, a]``), or ``[]``."""
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> list[str]:
        if name in path:
            return [*path[path.index(name) :], name]
        if name in done:
            return []
        for imported in sorted(graph.get(name, set())):
            circle = visit(imported, [*path, name])
            if circle:
                return circle
        done.add(name)
        return []

    for name in sorted(graph):
        circle = visit(name, [])
        if circle:
            return circle
    return []


def test_the_cli_modules_import_each_other_without_a_circle():
    assert _circle(_graph()) == []


def test_the_circle_check_finds_a_circle(tmp_path, monkeypatch):
    (tmp_path / "a.py").write_text("from businesscase.cli.b import _helper\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("import businesscase.cli.a\n", encoding="utf-8")
    (tmp_path / "c.py").write_text("from businesscase.cli import a\n", encoding="utf-8")
    modules = {name: tmp_path / f"{name}.py" for name in ("a", "b", "c")}
    monkeypatch.setattr(f"{__name__}.MODULES", modules)
    assert _cli_imports(modules["a"]) == [("b", "_helper")]
    assert _graph() == {"a": {"b"}, "b": {"a"}, "c": {"a"}}
    assert _circle(_graph()) == ["a", "b", "a"]
    assert _circle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


def test_every_command_is_registered_once_in_the_documented_order():
    names = list(typer.main.get_command(app).commands)
    assert names == [
        "evaluate",
        "simulate",
        "sensitivity",
        "close-gap",
        "batch",
        "sweep",
        "compare",
        "combine",
        "export",
        "monitor",
    ]


def test_the_console_script_is_main():
    scripts = importlib.metadata.entry_points(group="console_scripts", name="businesscase")
    assert [script.value for script in scripts] == ["businesscase.cli:main"]
    assert next(iter(scripts)).load() is main


def test_python_dash_m_businesscase_cli_runs_the_command():
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "businesscase.cli",
            "evaluate",
            "scenarios/west_practice.toml",
            "--json",
        ],
        cwd=PACKAGE.parent.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert '"sroi_ratio"' in done.stdout


def test_the_command_listing_gives_each_command_one_line_of_text():
    """``--help`` lists every command with its docstring's first paragraph on one line (a wide
    terminal), not broken where the docstring's source lines break."""
    from typer.testing import CliRunner

    from businesscase.cli import app

    listing = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "250"}).output
    rows = [line for line in listing.splitlines() if line.startswith("│ ")]
    commands = [row.split()[1] for row in rows if row[2] != " "]
    assert "close-gap" in commands and "combine" in commands
    assert len(rows) == len(commands), listing
