"""Typing a new line into the table view one cell at a time (AppTest through app.py), as the
browser sends it: first the empty line the grid adds, then the line with one cell, then with
two. The browser keeps what is typed under the editor's element id, so that id must stay the
same through those reruns in every table, and the completed line must reach the variant."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app_pages import state, tables
from businesscase import examples

APP = str(Path(__file__).resolve().parent.parent / "app.py")
GROUP = "outcomes[3].quantity; outcomes[4].quantity"
"""The square's children at play and the neighbours who feel safer, in the programme."""


def build() -> AppTest:
    """The Build page on the BoTu programme (its tables are the largest we ship)."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("app_pages/build.py").run()
    assert not at.exception
    return at


def editor(at: AppTest, table: str):
    [found] = [each for each in at.data_editor if each.key.startswith(f"build_{table}_")]
    return found


def type_line(at: AppTest, table: str, cells: list[dict[str, str]]) -> list[str]:
    """Send the states of a new line typed cell by cell; the editor's id after each rerun."""
    key = editor(at, table).key
    ids = []
    for typed in cells:
        at.session_state[key] = {"edited_rows": {}, "added_rows": [typed], "deleted_rows": []}
        at.run()
        assert not at.exception
        ids.append(editor(at, table).proto.id)
    return ids


@pytest.mark.parametrize("table", [name for name in tables.TABLES if name != "correlations"])
def test_every_table_keeps_a_new_line_typed_cell_by_cell(table):
    at = build()
    before = editor(at, table).proto.id
    first, second = tables.fields(table)[:2]
    ids = type_line(at, table, [{}, {first: "1"}, {first: "1", second: "2"}])
    assert ids == [before] * 3


def test_a_correlation_typed_cell_by_cell_reaches_the_programme():
    at = build()
    before = editor(at, "correlations").proto.id
    groups = len(examples.load_botu().correlations)
    ids = type_line(at, "correlations", [{}, {"inputs": GROUP}, {"inputs": GROUP, "rho": "0,6"}])
    assert ids == [before] * 3
    assert not at.error
    correlations = at.session_state[state.VARIANTS_KEY][examples.PROGRAMME].scenario.correlations
    assert len(correlations) == groups + 1
    assert correlations[-1].inputs == ["outcomes[3].quantity", "outcomes[4].quantity"]
    assert correlations[-1].rho == 0.6
