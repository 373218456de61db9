"""The command line on hostile sizes and numbers: exit 2 with the limit or the field, at once.

Named after what users saw before: ``simulate --draws 100000000`` grew past 12 GiB; a sweep of
100,000 x 1,000 values reached 8 GiB; a sweep over 10**12 values ended in ``internal error:
MemoryError``; quantity and proxy of 1e200 gave ``pv_benefits: null`` beside ``closes: true``
with exit 0 and numpy RuntimeWarnings on stderr, and exit 1 for the table output.
"""

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from businesscase.cli import app
from businesscase.examples import example_path, load_example
from businesscase.scenario import save_scenario, scenario_from_dict, scenario_to_dict

runner = CliRunner()

TOO_LARGE = (
    "error: huge.toml: outcomes[0]: numbers too large to compute: quantity x proxy x "
    "(1 + growth)^t is larger than 1e300\n"
)


@pytest.fixture
def huge(tmp_path):
    """West Practice with a first outcome of 1e200 outcomes worth 1e200 each: valid input."""
    data = scenario_to_dict(load_example("west_practice"))
    data["outcomes"][0].update(quantity=1e200, proxy=1e200)
    del data["correlations"]  # a fixed count no longer moves with the second outcome's
    path = tmp_path / "huge.toml"
    save_scenario(scenario_from_dict(data), path)
    return path


def test_simulate_with_100_million_draws_stops_at_once_with_the_limit():
    path = example_path("nabuurschap")
    outcome = runner.invoke(app, ["simulate", str(path), "--draws", "100000000", "--seed", "1"])
    assert outcome.exit_code == 2
    assert outcome.stdout == ""
    assert outcome.stderr == (
        "error: nabuurschap.toml: draws = 100,000,000: at most 1,000,000 draws\n"
    )


def test_a_sweep_of_100_000_by_1_000_values_stops_with_the_number_of_points(tmp_path):
    path = example_path("west_practice")
    outcome = runner.invoke(
        app,
        [
            "sweep",
            str(path),
            "--set",
            "outcomes[0].proxy=10000:20000:100000",
            "--set",
            "costs[0].amount=1000:2000:1000",
            "--out",
            str(tmp_path / "sweep.csv"),
        ],
    )
    assert outcome.exit_code == 2
    assert outcome.stderr == (
        "error: west_practice.toml: the sweep has 100,000 x 1,000 = 100,000,000 points; "
        "at most 1,000,000 in one sweep\n"
    )
    assert not (tmp_path / "sweep.csv").exists()


def test_a_sweep_over_10_to_the_12_values_is_refused_before_the_grid_is_made(tmp_path):
    path = example_path("west_practice")
    setting = "outcomes[0].proxy=1:2:1000000000000"
    outcome = runner.invoke(
        app, ["sweep", str(path), "--set", setting, "--out", str(tmp_path / "s.csv")]
    )
    assert outcome.exit_code == 2
    assert outcome.stderr == (
        f"error: --set {setting}: COUNT 1,000,000,000,000 is more than the 1,000,000 points "
        "a sweep may have\n"
    )


@pytest.mark.parametrize("as_json", [True, False])
def test_quantity_and_proxy_of_1e200_exit_2_naming_the_field_not_a_null(huge, as_json):
    outcome = runner.invoke(app, ["evaluate", str(huge), *(["--json"] if as_json else [])])
    assert outcome.exit_code == 2
    assert outcome.stdout == ""
    assert outcome.stderr == TOO_LARGE


@pytest.mark.parametrize("command", ["simulate", "sensitivity", "export"])
def test_uncertainty_commands_on_numbers_too_large_exit_2_naming_the_field(huge, command, tmp_path):
    options = {
        "simulate": ["--draws", "1000", "--seed", "1", "--json"],
        "sensitivity": ["--json"],
        "export": ["--html", str(tmp_path / "r.html"), "--draws", "1000"],
    }[command]
    outcome = runner.invoke(app, [command, str(huge), *options])
    assert outcome.exit_code == 2
    assert outcome.stderr == TOO_LARGE  # every draw and setting overflows: no "some of"
    assert not (tmp_path / "r.html").exists()


def test_close_gap_on_numbers_too_large_writes_nothing(huge, tmp_path):
    out = tmp_path / "closed.toml"
    outcome = runner.invoke(app, ["close-gap", str(huge), "--out", str(out)])
    assert outcome.exit_code == 2
    assert outcome.stderr == TOO_LARGE
    assert not out.exists()


def test_no_numpy_warning_reaches_stderr_of_the_installed_command(huge):
    """The real console script in a fresh process: one error line, no RuntimeWarning."""
    code = "from businesscase.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", code, "evaluate", str(huge), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == TOO_LARGE


def test_a_comparison_with_numbers_too_large_exits_2_not_internal_error(huge):
    code = "from businesscase.cli import main; main()"
    other = str(example_path("nabuurschap"))
    done = subprocess.run(
        [sys.executable, "-c", code, "compare", other, str(huge)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "internal error" not in done.stderr
    assert "outcomes[0]: numbers too large to compute" in done.stderr


def test_simulate_with_too_many_draws_says_so_in_dutch_with_lang_nl():
    path = example_path("nabuurschap")
    outcome = runner.invoke(
        app, ["simulate", str(path), "--draws", "100000000", "--seed", "1", "--lang", "nl"]
    )
    assert outcome.exit_code == 2
    assert outcome.stderr == (
        "error: nabuurschap.toml: draws = 100.000.000: hoogstens 1.000.000 trekkingen\n"
    )


def test_a_batch_csv_never_writes_inf_and_names_the_field_in_the_files_row(huge, tmp_path):
    out = tmp_path / "batch.csv"
    west = example_path("west_practice")
    outcome = runner.invoke(app, ["batch", str(west), str(huge), "--out", str(out)])
    assert outcome.exit_code == 2  # one file failed; the table is written all the same
    written = out.read_text(encoding="utf-8")
    assert "inf" not in written
    rows = written.splitlines()
    assert rows[1].startswith(f"{west},")
    assert rows[2].startswith(f"{huge},")
    assert rows[2].endswith(
        "outcomes[0]: numbers too large to compute: quantity x proxy x (1 + growth)^t is "
        "larger than 1e300"
    )
