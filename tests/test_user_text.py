"""Text from users in the files we write: names like ``=HYPERLINK(...)`` never become a live
formula in a workbook or a CSV table, and control characters never break an export."""

from __future__ import annotations

import csv
import io
import re

import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from businesscase.batch import evaluate_many
from businesscase.cli import app
from businesscase.cli.batch import write_table
from businesscase.examples import example_path, load_example
from businesscase.export import workbook_bytes
from businesscase.scenario import ScenarioError, scenario_from_dict, scenario_to_dict
from businesscase.text import t
from businesscase.user_text import (
    FORMULA_STARTS,
    csv_safe,
    csv_text,
    starts_formula,
    visible,
    workbook_value,
)

runner = CliRunner()

HYPERLINK = '=HYPERLINK("http://x","click")'
CALC = "=cmd|' /C calc'!A0"

FREE_TEXT = (
    "name",
    "area",
    "description",
    "id",
    "funder",
    "bearer",
    "payer",
    "investor",
    "outcome_payer",
    "guarantor",
    "outcome",
    "indicator",
    "proxy_source",
    "mechanism",
)
"""Fields whose text a user chooses freely (names, ids and the references to them, sources)."""

KEYED_BY_ID = ("beneficiaries", "payers")
"""Tables whose keys are stakeholder ids: a beneficiary's share, a payer's share."""


def _with_texts(data: dict, texts: dict[str, str]) -> dict:
    """TOML-shaped scenario data with every free text (and beneficiary or payer key) replaced
    through ``texts``; references stay consistent because equal texts get equal replacements."""

    def walk(value, key=None):
        if isinstance(value, dict):
            return {(texts[k] if key in KEYED_BY_ID else k): walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(item, key) for item in value]
        if isinstance(value, str) and key in FREE_TEXT:
            return texts[value]
        return value

    return walk(data)


def _free_texts(data: dict) -> list[str]:
    found: list[str] = []

    def walk(value, key=None):
        if isinstance(value, dict):
            if key in KEYED_BY_ID:
                found.extend(value)
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for item in value:
                walk(item, key)
        elif isinstance(value, str) and key in FREE_TEXT:
            found.append(value)

    walk(data)
    return list(dict.fromkeys(found))


WEST = scenario_to_dict(load_example("west_practice"))
WEST_TEXTS = _free_texts(WEST)

HOSTILE = st.tuples(
    # a scenario refuses control characters in its one-line texts (docs/scenario-format.md),
    # so the formula starts that reach a file are =, +, - and @
    st.sampled_from([*(start for start in FORMULA_STARTS if start.isprintable()), ""]),
    st.text(
        # no lone surrogates: no file (UTF-8) and no browser can deliver one
        st.one_of(
            st.characters(exclude_categories=["Cs", "Cc", "Zl", "Zp"]), st.sampled_from("=+-@")
        ),
        max_size=12,
    ),
)


@st.composite
def hostile_scenarios(draw):
    """west_practice with every free text replaced by one that starts a formula, holds
    control characters, or both (each text unique, so names and ids stay distinct)."""
    texts = {
        original: f"{start}{body} {number}"
        for number, (original, (start, body)) in enumerate(
            zip(WEST_TEXTS, draw(st.lists(HOSTILE, min_size=len(WEST_TEXTS))), strict=False)
        )
    }
    try:
        return scenario_from_dict(_with_texts(WEST, texts), source="hostile.toml")
    except ScenarioError:  # texts a scenario refuses (e.g. control characters) cannot reach us
        assume(False)


def test_rule_by_hand():
    assert [starts_formula(text) for text in ("=1+2", "+31", "-5", "@SUM", "\tx", "\rx")] == [
        True
    ] * 6
    assert not any(starts_formula(value) for value in ("Buurthuis", " =1", "", -5, 3.0, None))
    assert csv_text(HYPERLINK) == "'" + HYPERLINK
    assert csv_text(-5.0) == -5.0
    assert visible("a\x1b[2J\x07\x9b\x7f") == "a\\x1b[2J\\x07\\x9b\\x7f"
    assert visible("one\ntwo\r\tend") == "one\\ntwo\\r\\tend"
    assert workbook_value("regel 1\nregel 2\x00\uffff") == "regel 1\nregel 2\\x00\\uffff"


def test_csv_safe_leaves_numbers_and_quotes_texts():
    frame = pd.DataFrame(
        {"file": ["=1+2.toml", "a.toml"], "npv_social": [-5.0, 2.0], "closes": [True, False]}
    )
    safe = csv_safe(frame)
    assert safe["file"].tolist() == ["'=1+2.toml", "a.toml"]
    assert safe["npv_social"].tolist() == [-5.0, 2.0]
    assert safe["closes"].dtype == bool
    assert frame["file"].tolist() == ["=1+2.toml", "a.toml"]  # the caller's frame is untouched


def _workbook(scenario) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(workbook_bytes(scenario, lang="en")))


def test_hyperlink_name_is_shown_as_typed_and_not_a_formula():
    data = _with_texts(WEST, {text: text for text in WEST_TEXTS} | {WEST_TEXTS[0]: HYPERLINK})
    book = _workbook(scenario_from_dict(data))
    title = book[book.sheetnames[0]]["A1"]
    assert (title.value, title.data_type, title.quotePrefix) == (HYPERLINK, "s", True)


def test_control_characters_in_a_name_no_longer_crash_the_workbook_export():
    """A scenario refuses them; a scenario made without validation still exports safely."""
    data = _with_texts(
        WEST, {text: text for text in WEST_TEXTS} | {WEST_TEXTS[0]: "Buurt\x1b[2J\x00huis"}
    )
    with pytest.raises(ScenarioError, match="without control characters"):
        scenario_from_dict(data)
    # the energy cooperative closes: the export needs no close-the-gap proposal, which would
    # validate the unvalidated name again
    plain = load_example("energiecooperatie")
    hostile = plain.model_copy(
        update={"settings": plain.settings.model_copy(update={"name": "Buurt\x1b[2J\x00huis"})}
    )
    book = _workbook(hostile)
    assert book[book.sheetnames[0]]["A1"].value == "Buurt\\x1b[2J\\x00huis"


OUR_FORMULA = re.compile(r"=[-+*/^(),.:<>=$A-Z0-9]+")
"""The Value Map's own formulas: cell references, numbers, operators and function names, no
spaces and no quotes, so no text a user typed can be one."""


def ours(sheet, cell) -> bool:
    """A formula the Value Map sheet computes with (``=D9*E9*(1-H9)``), not text from a user."""
    return sheet.title == t("sheet_value_map", "en") and bool(OUR_FORMULA.fullmatch(cell.value))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_scenarios())
def test_no_user_text_becomes_a_formula_in_the_workbook(scenario):
    book = _workbook(scenario)
    texts = 0
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    assert ours(sheet, cell), (sheet.title, cell.coordinate)
                elif starts_formula(cell.value):
                    assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
                    texts += 1
    assert texts > 0  # the hostile texts did reach the workbook
    figures = book[book.sheetnames[1]]
    npv = next(row for row in figures.iter_rows() if row[0].value == "npv_social")
    assert npv[2].data_type == "n" and isinstance(npv[2].value, float)  # numbers stay numbers


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_scenarios(), HOSTILE)
def test_no_user_text_starts_a_formula_in_a_csv_table(tmp_path_factory, scenario, label):
    out = tmp_path_factory.mktemp("csv") / "results.csv"
    frame = evaluate_many({"".join(label): scenario})
    frame.insert(1, "name", [scenario.settings.name])
    write_table(frame, out)
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, values = rows[0], rows[1]
    for column, cell in zip(header, values, strict=True):
        if starts_formula(cell):
            float(cell)  # only a number may start with - or +
            assert column not in ("scenario", "name"), (column, cell)
    assert values[header.index("npv_social")] == repr(float(frame["npv_social"].iloc[0]))


def test_batch_of_a_file_called_1_plus_2_writes_no_formula(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    hostile = tmp_path / "=1+2.toml"
    hostile.write_text(
        example_path("west_practice")
        .read_text(encoding="utf-8")
        .replace('name = "West Practice', f'name = "{CALC}', 1),
        encoding="utf-8",
    )
    out = tmp_path / "results.csv"
    result = runner.invoke(app, ["batch", "=1+2.toml", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(newline="", encoding="utf-8")))
    assert rows[0]["file"] == "'=1+2.toml"
    assert rows[0]["scenario"].startswith("'=cmd|")
    assert float(rows[0]["npv_social"]) == float(rows[0]["npv_social"])


def test_export_of_a_hyperlink_name_writes_no_live_formula(tmp_path):
    hostile = tmp_path / "west.toml"
    hostile.write_text(
        example_path("west_practice")
        .read_text(encoding="utf-8")
        .replace('name = "West Practice', 'name = "=HYPERLINK(\\"http://x\\",\\"click\\")', 1),
        encoding="utf-8",
    )
    out = tmp_path / "west.xlsx"
    result = runner.invoke(app, ["export", str(hostile), "--xlsx", str(out)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    formulas = [
        cell.coordinate
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f" and not ours(sheet, cell)
    ]
    assert formulas == []
    assert any(
        cell.value.startswith("=HYPERLINK")
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    )


def test_parquet_keeps_typed_texts_and_no_user_text_in_its_metadata(tmp_path):
    scenario = scenario_from_dict(
        _with_texts(WEST, {text: text for text in WEST_TEXTS} | {WEST_TEXTS[0]: HYPERLINK})
    )
    frame = evaluate_many({CALC: scenario})
    out = tmp_path / "results.parquet"
    write_table(frame, out)
    assert pd.read_parquet(out)["scenario"].tolist() == [CALC]  # typed text, as written
    metadata = pq.read_schema(out).metadata
    assert not any("calc" in (key + value).decode() for key, value in metadata.items())
