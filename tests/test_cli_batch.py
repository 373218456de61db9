"""``businesscase batch``, ``sweep``, ``compare`` and ``combine``: the files they write read back
as ``evaluate``'s figures, and bad input is a clear error with exit status 2."""

from __future__ import annotations

import json
import math
import shutil

import pandas as pd
import pytest
from typer.testing import CliRunner

from businesscase import evaluate, load_scenario
from businesscase.batch import FIGURES
from businesscase.cli import app
from businesscase.cli.batch import expand_paths, parse_setting
from businesscase.examples import example_path, list_examples

runner = CliRunner()

PROJECTS = ["west_practice", "driehoeksplein", "energiecooperatie", "nabuurschap"]


def run(*args: str):
    return runner.invoke(app, [str(arg) for arg in args])


def assert_rows_are_evaluate(frame: pd.DataFrame, files) -> None:
    """Every row of a results table read back with pandas equals evaluate of its file."""
    assert len(frame) == len(files)
    for (_, row), file in zip(frame.iterrows(), files, strict=True):
        metrics = evaluate(load_scenario(file)).metrics
        for name in FIGURES:
            value, expected = row[name], metrics[name]
            if expected is None:
                assert pd.isna(value), (file, name, value)
            else:
                assert math.isclose(float(value), expected, rel_tol=1e-9, abs_tol=1e-9), (
                    file,
                    name,
                )


@pytest.fixture
def folder(tmp_path):
    """The shipped examples copied to a folder, plus one broken file."""
    for name in list_examples():
        shutil.copy(example_path(name), tmp_path / f"{name}.toml")
    return tmp_path


# --- batch -----------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_batch_of_a_folder_reads_back_as_evaluate(folder, tmp_path, suffix):
    out = tmp_path / f"results{suffix}"
    result = run("batch", folder, "--out", out)
    assert result.exit_code == 0, result.output
    assert "5 of 5 files evaluated" in result.output
    frame = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out)
    files = sorted(folder.glob("*.toml"))
    assert frame["file"].tolist() == [str(file) for file in files]
    assert frame["scenario"].tolist() == [load_scenario(f).settings.name for f in files]
    assert list(frame.columns) == ["file", "scenario", *FIGURES, "error"]
    assert frame["error"].isna().all()
    assert_rows_are_evaluate(frame, files)


def test_a_bad_file_in_a_batch_is_reported_and_the_rest_still_run(folder, tmp_path):
    bad = folder / "kapot.toml"
    bad.write_text('[scenario]\nname = "x"\nstart_year = 2027\nhorizon_years = 0\n')
    out = tmp_path / "results.csv"
    result = run(
        "batch",
        folder / "nabuurschap.toml",
        bad,
        folder / "missing.toml",
        folder / "west*.toml",
        "--out",
        out,
    )
    assert result.exit_code == 2
    assert "kapot.toml: scenario.horizon_years = 0: must be >= 1" in result.stderr
    assert "missing.toml: file not found" in result.stderr
    assert "2 failed: " in result.stderr and "kapot.toml" in result.stderr
    assert "2 of 4 files evaluated" in result.stdout
    frame = pd.read_csv(out)  # one row per file, those that failed with the reason
    assert frame["file"].tolist()[1:3] == [str(bad), str(folder / "missing.toml")]
    assert frame["error"].notna().tolist() == [False, True, True, False]
    assert "horizon_years = 0" in frame["error"][1] and "file not found" in frame["error"][2]
    assert_rows_are_evaluate(
        frame.iloc[[0, 3]], [folder / "nabuurschap.toml", folder / "west_practice.toml"]
    )
    assert "Traceback" not in result.output


def test_batch_reports_a_pattern_or_folder_without_files(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("batch", tmp_path / "empty", tmp_path / "*.nope", "--out", tmp_path / "r.csv")
    assert result.exit_code == 2
    assert "the folder holds no .toml files" in result.stderr
    assert "no file matches this pattern" in result.stderr


@pytest.mark.parametrize(
    ("out", "message"),
    [("results.xlsx", "must end in .csv or .parquet"), ("odd.csv", "is an input file")],
)
def test_batch_refuses_a_bad_out(folder, out, message):
    shutil.copy(folder / "nabuurschap.toml", folder / "odd.csv")  # a scenario under a CSV name
    target = folder / out
    before = target.read_bytes() if target.exists() else None
    result = run("batch", folder / "odd.csv", "--out", target)
    assert result.exit_code == 2 and message in result.stderr
    assert (target.read_bytes() if target.exists() else None) == before


def test_expand_paths_keeps_order_and_drops_repeats(folder):
    files, problems = expand_paths(
        [str(folder / "west_practice.toml"), str(folder), str(folder / "n*.toml")]
    )
    assert files[0] == folder / "west_practice.toml"
    assert sorted(files) == sorted(folder.glob("*.toml")) and not problems


# --- sweep -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path", "values"),
    [
        (
            "outcomes[0].proxy=10000:20000:11",
            "outcomes[0].proxy",
            [10_000 + 1_000 * i for i in range(11)],
        ),
        ("scenario.discount_rate=0,0.0225, 0.04", "scenario.discount_rate", [0, 0.0225, 0.04]),
        ("costs[0].duration=1:3:3", "costs[0].duration", [1, 2, 3]),
        ("outcomes[0].deadweight=0:1:3", "outcomes[0].deadweight", [0.0, 0.5, 1.0]),
        ("x=5", "x", [5]),
        ("x=-1e3", "x", [-1000.0]),
    ],
)
def test_parse_setting(text, path, values):
    parsed_path, parsed = parse_setting(text)
    assert parsed_path == path and parsed == values
    assert [type(v) for v in parsed] == [type(v) for v in values]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("outcomes[0].proxy", "write PATH=START:STOP:COUNT"),
        ("outcomes[0].proxy=1:2", "a grid is START:STOP:COUNT"),
        ("outcomes[0].proxy=1:2:0", "COUNT '0' must be a whole number >= 1"),
        ("outcomes[0].proxy=1:x:3", "'x' is not a number"),
        ("outcomes[0].proxy=1,,2", "'' is not a number"),
    ],
)
def test_a_bad_setting_is_named(text, message):
    with pytest.raises(ValueError, match="--set .*" + message.replace("[", r"\[")):
        parse_setting(text)


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_sweep_writes_one_row_per_variation_equal_to_evaluate(tmp_path, suffix):
    source = example_path("nabuurschap")
    out = tmp_path / f"sweep{suffix}"
    result = run(
        "sweep",
        source,
        "--set",
        "outcomes[0].proxy=300:1200:4",
        "--set",
        "funding[0].duration=1,3",
        "--out",
        out,
    )
    assert result.exit_code == 0, result.output
    assert "8 variations of nabuurschap.toml" in result.stdout
    frame = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out)
    assert (
        frame["outcomes[0].proxy"].tolist()
        == [300.0] * 2 + [600.0] * 2 + [900.0] * 2 + [1200.0] * 2
    )
    assert frame["funding[0].duration"].tolist() == [1, 3] * 4
    for _, row in frame.iterrows():
        data = load_scenario(source)
        changed = data.model_copy(
            update={
                "outcomes": [
                    data.outcomes[0].model_copy(update={"proxy": float(row["outcomes[0].proxy"])}),
                    *data.outcomes[1:],
                ],
                "funding": [
                    data.funding[0].model_copy(
                        update={"duration": int(row["funding[0].duration"])}
                    ),
                    *data.funding[1:],
                ],
            }
        )
        expected = evaluate(changed).metrics
        for name in FIGURES:
            if expected[name] is None:
                assert pd.isna(row[name])
            else:
                assert math.isclose(float(row[name]), expected[name], rel_tol=1e-9, abs_tol=1e-9)


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "outcomes[0].deadweight=0:1.4:3",
            "nabuurschap.toml: outcomes[0].deadweight = 1.4: must be",
        ),
        ("outcomes[7].proxy=1,2", "nabuurschap.toml: outcomes[7].proxy: there are"),
        ("outcomes[0].prox=1,2", "did you mean proxy"),
        ("outcomes[0].proxy=a,b", "--set outcomes[0].proxy=a,b: 'a' is not a number"),
    ],
)
def test_a_bad_sweep_is_a_clear_error(tmp_path, setting, message):
    out = tmp_path / "sweep.csv"
    result = run("sweep", example_path("nabuurschap"), "--set", setting, "--out", out)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output and not out.exists()


def test_sweep_of_a_bad_file_is_exit_2(tmp_path):
    result = run("sweep", tmp_path / "none.toml", "--set", "x=1", "--out", tmp_path / "s.csv")
    assert result.exit_code == 2 and "file not found" in result.stderr


# --- compare ---------------------------------------------------------------------------------


def test_compare_json_is_evaluate_side_by_side_with_the_best_marked():
    files = [example_path(name) for name in ("nabuurschap", "west_practice")]
    result = run("compare", *files, "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["scenarios"] == ["nabuurschap", "west_practice"]
    for file in files:
        metrics = evaluate(load_scenario(file)).metrics
        for name in FIGURES:
            shown = payload["figures"][name][file.stem]
            if metrics[name] is None:
                assert shown is None
            else:
                assert shown == pytest.approx(metrics[name], rel=1e-9)
    assert payload["best"]["funding_gap"] == ["west_practice"]
    assert payload["best"]["pv_costs"] == []


def test_compare_table_marks_the_best_and_speaks_dutch():
    files = [example_path(name) for name in ("nabuurschap", "west_practice")]
    result = run("compare", *files, "--lang", "nl")
    assert result.exit_code == 0, result.output
    assert "Financieringstekort" in result.stdout
    assert "€ 451.732" in result.stdout  # nabuurschap's gap, Dutch format
    assert "€ 25.413 *" in result.stdout  # west_practice's is smaller: the best
    assert "beste waarde" in result.stdout


def test_compare_with_the_programme_package_as_a_column():
    files = [example_path(name) for name in PROJECTS]
    result = run("compare", *files, "--programme", "BoTu", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["scenarios"] == [*PROJECTS, "BoTu"]
    programme = evaluate(load_scenario(example_path("botu_programma"))).metrics
    assert payload["figures"]["npv_social"]["BoTu"] == pytest.approx(programme["npv_social"])
    assert payload["figures"]["closes"]["BoTu"] is programme["closes"]


def test_compare_of_a_bad_file_is_exit_2(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("not toml at all = = =")
    result = run("compare", example_path("nabuurschap"), bad)
    assert result.exit_code == 2 and "bad.toml: not valid TOML" in result.stderr


def test_compare_refuses_a_bad_language():
    result = run("compare", example_path("nabuurschap"), "--lang", "de")
    assert result.exit_code == 2 and "--lang 'de'" in result.stderr


# --- combine ---------------------------------------------------------------------------------


def test_combine_writes_the_programme_and_shows_who_carries_whom(tmp_path):
    out = tmp_path / "programme.toml"
    files = [example_path(name) for name in PROJECTS]
    result = run("combine", *files, "--out", out, "--name", "BoTu")
    assert result.exit_code == 0, result.output
    programme = evaluate(load_scenario(out)).metrics
    shipped = evaluate(load_scenario(example_path("botu_programma"))).metrics
    for name in FIGURES:
        if shipped[name] is None:
            assert programme[name] is None
        else:
            assert programme[name] == pytest.approx(shipped[name], rel=1e-12), name
    assert "BoTu: each project alone and the package together" in result.stdout
    assert "€451,732" in result.stdout  # nabuurschap's gap, carried by the others


def test_combine_with_a_different_horizon_needs_a_choice(tmp_path):
    longer = tmp_path / "longer.toml"
    text = example_path("nabuurschap").read_text(encoding="utf-8")
    longer.write_text(text.replace("horizon_years = 10", "horizon_years = 12"), encoding="utf-8")
    out = tmp_path / "programme.toml"
    result = run("combine", example_path("west_practice"), longer, "--out", out)
    assert result.exit_code == 2
    assert "scenario.horizon_years: the projects disagree" in result.stderr
    assert "--horizon" in result.stderr and not out.exists()
    result = run("combine", example_path("west_practice"), longer, "--out", out, "--horizon", "12")
    assert result.exit_code == 0, result.output
    assert load_scenario(out).settings.horizon_years == 12


def test_combine_never_writes_over_an_input(tmp_path):
    project = tmp_path / "west.toml"
    shutil.copy(example_path("west_practice"), project)
    before = project.read_bytes()
    result = run("combine", project, example_path("nabuurschap"), "--out", project)
    assert result.exit_code == 2 and "is an input file" in result.stderr
    assert project.read_bytes() == before
