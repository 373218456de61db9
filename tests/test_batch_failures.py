"""A scenario the engine cannot evaluate costs its own row in a batch, a sweep or a comparison:
the others are evaluated all the same, and the failing row says why."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from businesscase import evaluate
from businesscase.batch import (
    FIGURES,
    best_per_figure,
    compare,
    evaluate_many,
    failure_text,
    sweep,
)
from businesscase.cli import app
from businesscase.examples import example_path, load_example
from businesscase.scenario import Problem, ScenarioError, parse_scenario

WEST = load_example("west_practice")
NABUURSCHAP = load_example("nabuurschap")


OVERFLOWING = (
    example_path("west_practice")
    .read_text(encoding="utf-8")
    .replace(
        'proxy = { dist = "triangular", low = 12_000, mode = 16_000, high = 16_400 }',
        "proxy = 1e308",
        1,
    )
)
"""west_practice whose first outcome (16 young people, still uncertain and still moving with
the second outcome's count) is worth 1e308 each a year: a valid file (each number is finite)
whose figures no float can hold, so the engine refuses it, a real failure of the engine, not of
a mock. Its structure is west_practice's: they are evaluated as draws of one
computation, which must then be taken apart."""


def _overflowing():
    scenario = parse_scenario(OVERFLOWING, source="kapot.toml")
    with pytest.raises(ScenarioError, match="too large"):
        evaluate(scenario)
    return scenario


def _assert_row_is_evaluate(row: pd.Series, scenario) -> None:
    metrics = evaluate(scenario).metrics
    for name in FIGURES:
        if metrics[name] is None:
            assert pd.isna(row[name]), name
        else:
            assert math.isclose(float(row[name]), metrics[name], rel_tol=1e-9, abs_tol=1e-9), name


def test_batch_with_one_scenario_the_engine_cannot_evaluate_fills_the_other_rows():
    table = evaluate_many({"west": WEST, "kapot": _overflowing(), "buren": NABUURSCHAP})
    assert table["scenario"].tolist() == ["west", "kapot", "buren"]
    assert table.columns[-1] == "error"
    assert table["error"].tolist()[0::2] == [None, None]
    assert "outcomes[0]: numbers too large to compute" in table.loc[1, "error"]
    _assert_row_is_evaluate(table.loc[0], WEST)
    _assert_row_is_evaluate(table.loc[2], NABUURSCHAP)
    failed = table.loc[1, list(FIGURES)]
    assert failed.isna().all()  # no figure at all, not a closes=False that was never computed
    assert str(table["closes"].dtype) == "boolean"


def test_one_failing_draw_among_many_of_one_structure_costs_only_its_row():
    """Scenarios of one structure are evaluated as draws of one computation; when one fails,
    the draws are split until the one to blame is found (here the 6th of 8)."""
    kapot = _overflowing()
    scenarios = {f"west{i}": WEST for i in range(5)} | {"kapot": kapot}
    scenarios |= {f"later{i}": WEST for i in range(2)}
    table = evaluate_many(scenarios)
    assert table["error"].notna().tolist() == [False] * 5 + [True] + [False] * 2
    for row in (0, 4, 6, 7):
        _assert_row_is_evaluate(table.loc[row], WEST)


def test_draws_that_fail_without_saying_which_are_found_by_halving():
    """A failure that does not name its draws (a line of 10**20 years, made without the
    file's validation) is found by evaluating halves again; the scenarios of another
    structure keep their figures."""
    endless = WEST.costs[0].model_copy(update={"duration": 10**20})
    cheaper = endless.model_copy(update={"amount": 1.0})
    first = WEST.model_copy(update={"costs": [endless, *WEST.costs[1:]]})
    second = WEST.model_copy(update={"costs": [cheaper, *WEST.costs[1:]]})
    table = evaluate_many({"a": first, "west": WEST, "b": second})
    assert table["error"].notna().tolist() == [True, False, True]
    assert table.loc[0, "error"] == table.loc[2, "error"]
    _assert_row_is_evaluate(table.loc[1], WEST)


def test_sweep_with_a_point_the_engine_cannot_evaluate_fills_the_other_points():
    table = sweep(WEST, {"outcomes[0].proxy": [16_000, 1e308, 20_000]})
    assert table["error"].notna().tolist() == [False, True, False]
    assert "numbers too large" in table.loc[1, "error"]
    for row, proxy in ((0, 16_000), (2, 20_000)):
        changed = WEST.outcomes[0].model_copy(update={"proxy": proxy})
        _assert_row_is_evaluate(
            table.loc[row], WEST.model_copy(update={"outcomes": [changed, *WEST.outcomes[1:]]})
        )


def test_failure_text_is_the_scenario_message_or_the_kind_of_failure():
    problem = Problem("outcomes[0]", 1e200, "quantity x proxy overflows")
    assert failure_text(ScenarioError("west.toml", [problem])) == str(
        ScenarioError("west.toml", [problem])
    )
    assert failure_text(OverflowError("too big")) == "OverflowError: too big"


def test_compare_with_a_failing_scenario_shows_no_figures_for_it_and_says_why():
    table = compare({"west": WEST, "kapot": _overflowing(), "buren": NABUURSCHAP})
    assert list(table.columns) == ["west", "kapot", "buren"]
    assert table["kapot"].isna().all()
    assert list(table.attrs["errors"]) == ["kapot"]
    assert "numbers too large" in table.attrs["errors"]["kapot"]
    assert table.loc["closes", "west"] is evaluate(WEST).metrics["closes"]
    best = best_per_figure(table)
    assert "kapot" not in set(best.dropna())
    assert compare({"west": WEST, "buren": NABUURSCHAP}).attrs["errors"] == {}


# --- the command line ------------------------------------------------------------------------

runner = CliRunner()


def _overflowing_file(folder: Path) -> Path:
    path = folder / "kapot.toml"
    path.write_text(OVERFLOWING, encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_batch_with_a_file_the_engine_cannot_evaluate_writes_the_others_and_exits_2(
    tmp_path, suffix
):
    good = [example_path("nabuurschap"), example_path("west_practice")]
    broken = _overflowing_file(tmp_path)
    out = tmp_path / f"results{suffix}"
    result = runner.invoke(
        app, ["batch", str(good[0]), str(broken), str(good[1]), "--out", str(out)]
    )
    assert result.exit_code == 2, result.output
    assert "error: kapot.toml: could not be evaluated: " in result.stderr
    assert "2 of 3 files evaluated" in result.stdout
    assert "1 failed: " in result.stderr and str(broken) in result.stderr
    frame = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out)
    assert frame["file"].tolist() == [str(good[0]), str(broken), str(good[1])]
    assert frame["error"].isna().tolist() == [True, False, True]
    assert frame.loc[1, list(FIGURES)].isna().all()
    _assert_row_is_evaluate(frame.loc[0], NABUURSCHAP)
    _assert_row_is_evaluate(frame.loc[2], WEST)
    assert "Traceback" not in result.output


def test_batch_row_of_a_file_that_cannot_be_read_says_why(tmp_path):
    (tmp_path / "leeg.toml").write_text("[scenario]\n", encoding="utf-8")
    out = tmp_path / "results.csv"
    result = runner.invoke(
        app,
        [
            "batch",
            str(tmp_path / "leeg.toml"),
            str(example_path("west_practice")),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 2
    frame = pd.read_csv(out)
    assert frame["error"].iloc[0].startswith("leeg.toml: ")
    assert pd.isna(frame["scenario"].iloc[0]) and frame["scenario"].iloc[1] == WEST.settings.name


def test_compare_with_a_file_the_engine_cannot_evaluate_shows_the_others_and_exits_2(tmp_path):
    broken = _overflowing_file(tmp_path)
    result = runner.invoke(
        app, ["compare", str(example_path("nabuurschap")), str(broken), "--json"]
    )
    assert result.exit_code == 2, result.output
    payload = json.loads(result.stdout)
    assert payload["scenarios"] == ["nabuurschap", "kapot"]
    assert payload["figures"]["npv_social"]["kapot"] is None
    assert (
        payload["figures"]["npv_social"]["nabuurschap"]
        == evaluate(NABUURSCHAP).metrics["npv_social"]
    )
    assert list(payload["errors"]) == ["kapot"]
    assert "error: kapot: could not be evaluated: " in result.stderr
    table = runner.invoke(app, ["compare", str(example_path("nabuurschap")), str(broken)])
    assert table.exit_code == 2 and "kapot" in table.stdout and "Traceback" not in table.output


def test_sweep_with_a_point_the_engine_cannot_evaluate_writes_the_table_and_exits_2(tmp_path):
    out = tmp_path / "sweep.csv"
    setting = "outcomes[0].proxy=16000,1e308,20000"
    result = runner.invoke(
        app, ["sweep", str(example_path("west_practice")), "--set", setting, "--out", str(out)]
    )
    assert result.exit_code == 2, result.output
    assert "error: west_practice.toml: outcomes[0].proxy=1e+308: could not be evaluated: " in (
        result.stderr
    )
    assert "1 of 3 variations could not be evaluated" in result.stderr
    assert "2 variations of west_practice.toml evaluated" in result.stdout
    frame = pd.read_csv(out)
    assert frame["error"].notna().tolist() == [False, True, False]
    assert frame["npv_social"].notna().tolist() == [True, False, True]
