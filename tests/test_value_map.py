"""The workbook's SROI Value Map: its formulas, read back and recomputed, give the engine's figures.

The workbook is saved, read back with openpyxl and every formula of the sheet evaluated by the
small evaluator below (the operators and functions the sheet uses: + - * / ^, comparisons,
IF, AND, MAX, SUM, SUMPRODUCT); the results are compared with the engine's flows and figures, and
with hand-worked numbers.
"""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import scenarios

from businesscase import evaluate, examples, export
from businesscase.flows import FLOW_KINDS
from businesscase.scenario import scenario_from_dict
from businesscase.text import t
from businesscase.value_map import FIRST_YEAR_COLUMN

_REFERENCE = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?")


class Sheet:
    """Evaluates the formulas of one worksheet, cell by cell, on demand."""

    def __init__(self, sheet) -> None:
        self.sheet = sheet
        self.values: dict[str, float] = {}

    def value(self, name: str) -> float:
        """The value of a cell (``Q17``): its number, or its formula's result."""
        if name not in self.values:
            content = self.sheet[name].value
            is_formula = isinstance(content, str) and content.startswith("=")
            self.values[name] = self.formula(content[1:]) if is_formula else content or 0
        return self.values[name]

    def cells(self, first: str, last: str) -> list[float]:
        """The values of a range, row by row."""
        return [
            self.value(cell.coordinate) for row in self.sheet[f"{first}:{last}"] for cell in row
        ]

    def formula(self, text: str) -> float:
        """Translate an Excel formula into Python and evaluate it."""

        def reference(match: re.Match) -> str:
            column, row, last_column, last_row = match.groups()
            if last_column:
                return f"_range('{column}{row}', '{last_column}{last_row}')"
            return f"_cell('{column}{row}')"

        python = _REFERENCE.sub(reference, text).replace("^", "**")
        python = python.replace("<>", "!=")
        python = re.sub(r"(?<![<>!=])=(?!=)", "==", python)
        namespace = {
            "_cell": self.value,
            "_range": self.cells,
            "IF": lambda condition, yes, no: yes if condition else no,
            "AND": lambda *conditions: all(conditions),
            "MAX": lambda *values: max(values),
            "SUM": lambda values: sum(values),
            "SUMPRODUCT": lambda left, right: sum(a * b for a, b in zip(left, right, strict=True)),
        }
        return eval(python, {"__builtins__": {}}, namespace)  # noqa: S307 - our own formulas


def value_map(scenario, lang: str = "en"):
    """The Value Map sheet of the exported workbook, read back from the file's bytes."""
    book = openpyxl.load_workbook(io.BytesIO(export.workbook_bytes(scenario, lang=lang)))
    return book[t("sheet_value_map", lang)]


def summary(sheet) -> dict[str, float]:
    """The totals at the bottom, by figure key (column B), recomputed."""
    evaluator = Sheet(sheet)
    return {
        row[1].value: evaluator.value(row[2].coordinate)
        for row in sheet.iter_rows(min_row=7)
        if row[1].value in ("pv_costs", "pv_benefits", "sroi_ratio", "npv_social")
    }


def line_values(sheet, horizon: int) -> dict[str, list[float]]:
    """Each line's recomputed value per year, by line name (column B)."""
    evaluator = Sheet(sheet)
    lines = {}
    for row in sheet.iter_rows(min_row=8):
        formula = row[FIRST_YEAR_COLUMN - 1].value
        if isinstance(formula, str) and formula.startswith("="):
            first = row[FIRST_YEAR_COLUMN - 1].coordinate
            last = row[FIRST_YEAR_COLUMN + horizon - 2].coordinate
            lines[row[1].value] = evaluator.cells(first, last)
    return lines


HAND = {
    "scenario": {"name": "Hand", "start_year": 2030, "horizon_years": 4, "discount_rate": 0.1},
    "stakeholders": [{"id": "gemeente", "name": "Gemeente", "kind": "public"}],
    "costs": [{"name": "Werk", "amount": 1000, "duration": 2}],
    "outcomes": [
        {
            "name": "Resultaat",
            "quantity": 10,
            "proxy": 100,
            "value_type": "social",
            "deadweight": 0.2,
            "attribution": 0.5,
            "drop_off": 0.5,
            "lasts": 2,
            "duration": 2,
            "beneficiaries": {"gemeente": 1.0},
        }
    ],
}
"""Impact per year 10 x 100 x 0.8 x 0.5 = 400. Cohorts in t = 0 and 1, each lasting two years
at half the value in its second: values 400, 400 + 200 = 600, 200, 0. Costs 1000, 1000."""


def test_hand_worked_value_map():
    sheet = value_map(scenario_from_dict(HAND))
    values = line_values(sheet, 4)
    assert values["Resultaat"] == pytest.approx([400, 600, 200, 0])
    assert values["Werk"] == pytest.approx([1000, 1000, 0, 0])
    totals = summary(sheet)
    assert totals["pv_costs"] == pytest.approx(1000 + 1000 / 1.1)
    assert totals["pv_benefits"] == pytest.approx(400 + 600 / 1.1 + 200 / 1.1**2)
    assert totals["sroi_ratio"] == pytest.approx(totals["pv_benefits"] / totals["pv_costs"])


@pytest.mark.parametrize("name", examples.list_examples())
def test_the_value_maps_formulas_give_the_engines_figures(name):
    scenario = examples.load_example(name)
    result = evaluate(scenario)
    sheet = value_map(scenario, "nl")
    totals = summary(sheet)
    for figure in ("pv_costs", "pv_benefits", "sroi_ratio", "npv_social"):
        assert totals[figure] == pytest.approx(result.metrics[figure], rel=1e-9), figure
    values = line_values(sheet, scenario.settings.horizon_years)
    society = result.flows[result.flows["section"].isin(["costs", "outcomes", "avoided_costs"])]
    residual = society["flow"] == "residual_value"  # its own block, a row per capex line
    society = society.assign(
        line=society["line"].where(
            ~residual, society["line"] + f" ({t('value_map_residual_of', 'nl')})"
        )
    )
    per_line = society.groupby(["line", "year"])["amount"].sum()
    for line, yearly in values.items():
        expected = per_line[line].reindex(result.yearly["year"], fill_value=0.0).to_numpy()
        assert yearly == pytest.approx(expected, rel=1e-9, abs=1e-6), line


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=scenarios())
def test_random_scenarios_value_maps_match_the_engine(data):
    scenario = scenario_from_dict(data)
    result = evaluate(scenario)
    totals = summary(value_map(scenario))
    assert totals["pv_costs"] == pytest.approx(result.metrics["pv_costs"], rel=1e-9, abs=1e-6)
    assert totals["pv_benefits"] == pytest.approx(result.metrics["pv_benefits"], rel=1e-9, abs=1e-6)


def test_no_investment_has_no_ratio_rather_than_a_division_by_zero():
    data = {**HAND, "costs": [{"name": "Werk", "amount": 0}]}
    totals = summary(value_map(scenario_from_dict(data)))
    assert "sroi_ratio" not in totals  # null in the engine, no #DIV/0! in Excel
    assert totals["pv_costs"] == 0


def test_names_that_look_like_formulas_stay_text():
    data = {**HAND, "outcomes": [{**HAND["outcomes"][0], "name": "=1+1", "indicator": "=A1"}]}
    sheet = value_map(scenario_from_dict(data))
    names = [cell.value for cell in sheet["B"] if cell.value is not None]
    assert "=1+1" in names
    cell = next(cell for cell in sheet["B"] if cell.value == "=1+1")
    assert cell.data_type == "s"


HONEST = {
    **HAND,
    "stakeholders": [
        {"id": "gemeente", "name": "Gemeente", "kind": "public"},
        {"id": "bewoners", "name": "Bewoners", "kind": "residents"},
    ],
    "costs": [
        {"name": "Werk", "amount": 1000, "duration": 2},
        {"name": "Panelen", "amount": 800, "category": "capex", "life": 5, "owner": "gemeente"},
        {
            "name": "Vrijwilligers",
            "amount": 50,
            "duration": 4,
            "in_kind": True,
            "provider": "bewoners",
        },
    ],
    "outcomes": [
        HAND["outcomes"][0],
        {**HAND["outcomes"][0], "name": "Overlast", "harm": True, "lasts": 1, "drop_off": 0.0},
        {**HAND["outcomes"][0], "name": "Uitkering", "transfer": True},
    ],
    "avoided_costs": [
        {
            "name": "Reparaties",
            "bearer": "gemeente",
            "incidents": 10,
            "reduction": 0.5,
            "unit_cost": 100,
            "deadweight": 0.2,
            "displacement": 0.5,
            "attribution": 0.5,
            "drop_off": 0.5,
            "duration": 3,
        },
    ],
}
"""The hand-worked case with the honest-value fields. Panels 800 in t = 0 with a life of 5 keep
1 - 4/5 = 1/5 after the last year (t = 3): 160. The harm: 400 a year in t = 0 and 1, negative.
The transfer is left out. Repairs 10 x 0.5 x 100 x 0.8 x 0.5 x 0.5 = 100, halving each year:
100, 50, 25, 0. Volunteers 50 a year are an input like any cost."""


def test_hand_worked_value_map_with_harm_transfer_in_kind_residual_and_netted_avoided_costs():
    scenario = scenario_from_dict(HONEST)
    sheet = value_map(scenario)
    values = line_values(sheet, 4)
    assert values["Overlast"] == pytest.approx([-400, -400, 0, 0])
    assert "Uitkering" not in values
    assert values["Reparaties"] == pytest.approx([100, 50, 25, 0])
    assert values["Panelen (residual value)"] == pytest.approx([0, 0, 0, 160])
    assert values["Vrijwilligers"] == pytest.approx([50, 50, 50, 50])
    totals = summary(sheet)
    result = evaluate(scenario)
    assert result.metrics["pv_residual_value"] == pytest.approx(160 / 1.1**3)
    for figure in ("pv_costs", "pv_benefits", "sroi_ratio", "npv_social"):
        assert totals[figure] == pytest.approx(result.metrics[figure], rel=1e-9), figure


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_kind_of_flow_has_words_so_the_workbook_of_an_honest_case_is_written(lang):
    # the flows sheet names each flow's kind; an in-kind input once stopped the export
    assert all(t(f"flow_{kind}", lang) for kind in FLOW_KINDS)
    book = openpyxl.load_workbook(
        io.BytesIO(export.workbook_bytes(scenario_from_dict(HONEST), lang=lang))
    )
    assert t("sheet_value_map", lang) in book.sheetnames
