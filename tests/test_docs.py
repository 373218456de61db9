"""The docs per face stay true: the API examples run, the CLI examples exit 0, every command and
option of the program is documented, the README indexes every page in docs/, every figure is
explained, every relative link resolves and no file cites a document outside the repository."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from businesscase import evaluate
from businesscase.cli import app
from businesscase.examples import load_example
from businesscase.projects import PROJECT_COLUMNS

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


# --- the repository stands on its own: links resolve, no citation of outside documents ---------

_LINK = re.compile(r"!?\[[^\]]*\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_HEADING = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*#*\s*$", re.MULTILINE)
_OUTSIDE_CITATION = re.compile(
    r"\bS[P]EC\b|\.\./shar[e]d|\b[Ii]ssu[e] #?[0-9]"  # written so this line does not match itself
)
_OWN_FOLDERS = ("README.md", "app.py", "docs", "businesscase", "app_pages", "tests", "bench")


def _prose(markdown: str) -> str:
    """The text of a markdown page without its fenced code blocks."""
    return re.sub(r"^```.*?^```", "", markdown, flags=re.MULTILINE | re.DOTALL)


def _slug(title: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", title.strip().lower())
    return text.replace(" ", "-")


def _anchors(markdown: str) -> set[str]:
    """Every ``#anchor`` a page's headings give, numbered ``-1``, ``-2`` when a slug repeats."""
    seen: dict[str, int] = {}
    anchors = set()
    for heading in _HEADING.finditer(_prose(markdown)):
        slug = _slug(heading["title"])
        count = seen.get(slug, 0)
        anchors.add(slug if count == 0 else f"{slug}-{count}")
        seen[slug] = count + 1
    return anchors


def _broken_links(page: Path) -> list[str]:
    """The relative links of a markdown page that point to no file or heading in the repository."""
    broken = []
    for link in _LINK.finditer(_prose(page.read_text(encoding="utf-8"))):
        target = link["target"]
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto: ... leave the repository
            continue
        path_part, _, anchor = target.partition("#")
        linked = (page.parent / path_part).resolve() if path_part else page
        if not linked.is_relative_to(REPO) or not linked.exists():
            broken.append(f"{target}: no such file in the repository")
        elif anchor and linked.suffix == ".md":
            if anchor not in _anchors(linked.read_text(encoding="utf-8")):
                broken.append(f"{target}: no heading #{anchor} in {linked.name}")
    return broken


def _markdown_pages() -> list[Path]:
    return [REPO / "README.md", *sorted(DOCS.glob("*.md"))]


@pytest.mark.parametrize("page", _markdown_pages(), ids=lambda page: page.name)
def test_every_relative_link_resolves_inside_the_repository(page):
    assert _broken_links(page) == []


def test_the_link_check_finds_a_missing_file_and_a_missing_heading(tmp_path, monkeypatch):
    monkeypatch.setattr(f"{__name__}.REPO", tmp_path)
    (tmp_path / "other.md").write_text("# Other page\n\n## Rules (in short)\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\nSee [rules](other.md#rules-in-short), [top](#page), [web](https://example.org),\n"
        "[gone](missing.md), [wrong](other.md#rule), [outside](../elsewhere.md).\n\n"
        "```\n[in code](ignored.md)\n```\n",
        encoding="utf-8",
    )
    assert _broken_links(page) == [
        "missing.md: no such file in the repository",
        "other.md#rule: no heading #rule in other.md",
        "../elsewhere.md: no such file in the repository",
    ]


def test_github_slugs_of_headings():
    assert _slug("`businesscase evaluate`") == "businesscase-evaluate"
    assert _slug("Project cash (does it close?)") == "project-cash-does-it-close"
    assert _slug("Monte Carlo: `simulate(scenario, draws=10_000)`") == (
        "monte-carlo-simulatescenario-draws10_000"
    )
    assert _anchors("# A\n## Rules\n### Rules\n") == {"a", "rules", "rules-1"}


def _own_files() -> list[Path]:
    files = []
    for name in _OWN_FOLDERS:
        path = REPO / name
        files += (
            [path] if path.is_file() else sorted(path.rglob("*.py")) + sorted(path.rglob("*.md"))
        )
    return files


def test_no_file_cites_a_document_outside_the_repository():
    citing = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in _own_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if _OUTSIDE_CITATION.search(line)
    ]
    assert citing == [], "cite the docs/ page that states the rule instead"


def test_the_citation_check_knows_what_it_looks_for():
    spec, shared, issue = "S" + "PEC", "sha" + "red", "is" + "sue"  # so this file passes the check
    outside = [f"({spec} section 5)", f"../{shared}/{spec}.md", f"see {issue} 10", f"{issue} #3"]
    fine = [
        "docs/figures.md",
        "the specification",
        "numpy-financial issues #33",
        "an issue of 2024",
    ]
    assert all(_OUTSIDE_CITATION.search(text) for text in outside)
    assert not any(_OUTSIDE_CITATION.search(text) for text in fine)


def test_figures_page_explains_every_key_of_the_json():
    page = (DOCS / "figures.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(\w+)` \|", page, re.MULTILINE))
    result = evaluate(load_example("west_practice")).to_json_dict()
    stakeholder_columns = set(result["stakeholders"][0]) - {"id", "name"}
    assert set(result) - {"stakeholders", "sib_contracts", "projects"} <= documented
    assert set(PROJECT_COLUMNS) <= documented
    assert stakeholder_columns <= documented
