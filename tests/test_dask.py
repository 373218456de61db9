"""The batch API, the sweep and the Monte Carlo on a Dask cluster give the same numbers as on
this machine.

The cluster is a ``LocalCluster`` of two worker processes with one thread each, over TCP: each
worker is a fresh interpreter (started by the nanny with ``spawn``, so it takes this process's
``sys.path`` and imports ``businesscase`` from this tree), and every task, its scenario and its
arguments travel to it pickled and its figures come back pickled, as on a real cluster. The
CLI connects to the same scheduler by its address (``--scheduler tcp://...``). One cluster
serves the module: starting it takes a few seconds, most of it the workers' imports.
"""

from __future__ import annotations

import json
import os
import pickle
import shlex
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from test_docs import API, CLI, _blocks
from test_overflow import case
from typer.testing import CliRunner

import businesscase
from businesscase import examples
from businesscase.batch import evaluate_many, sweep
from businesscase.cli import app
from businesscase.cli import common as cli_common
from businesscase.overflow import TooLargeToComputeError
from businesscase.problems import Problem
from businesscase.uncertainty import simulate

distributed = pytest.importorskip("distributed")

DOCS_ADDRESS = "tcp://scheduler-host:8786"
"""The scheduler's address in the cluster examples of docs/cli.md and docs/api.md."""


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            protocol="tcp",
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


@pytest.fixture(scope="module")
def shipped():
    return {name: examples.load_example(name) for name in examples.list_examples()}


def test_the_workers_are_processes_of_their_own_that_import_this_tree(client):
    pids = client.run(os.getpid)
    assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()
    files = client.run(lambda: __import__("businesscase").__file__)
    assert set(files.values()) == {businesscase.__file__}


def test_sweep_on_the_cluster_equals_the_local_sweep(client, shipped):
    grid = {
        "outcomes[0].proxy": np.linspace(8_000.0, 24_000.0, 41),
        "scenario.discount_rate": [0.0, 0.0225, 0.04],
        "costs[1].duration": [3, 5],
    }
    local = sweep(shipped["west_practice"], grid, chunk_size=25)
    done = []
    remote = sweep(
        shipped["west_practice"],
        grid,
        client=client,
        chunk_size=25,
        progress=lambda count, total: done.append((count, total)),
    )
    pd.testing.assert_frame_equal(remote, local, check_exact=True)
    assert done[-1] == (246, 246) and len(done) == 10  # 2 structures x 5 chunks


def test_evaluate_many_on_the_cluster_equals_local(client, shipped):
    scenarios = shipped | {f"{name} again": scenario for name, scenario in shipped.items()}
    local = evaluate_many(scenarios, chunk_size=1)
    remote = evaluate_many(scenarios, client=client, chunk_size=1)
    pd.testing.assert_frame_equal(remote, local, check_exact=True)


def test_simulate_on_the_cluster_equals_local_draw_for_draw(client, shipped):
    # the programme: projects, a nominal impact bond, loans; 7 chunks of up to 700 draws
    programme = shipped["botu_programma"]
    local = simulate(programme, 4_500, seed=2028, chunk_size=700)
    done = []
    with distributed.get_task_stream(client) as stream:
        remote = simulate(
            programme,
            4_500,
            seed=2028,
            chunk_size=700,
            client=client,
            progress=lambda count, total: done.append((count, total)),
        )
    ran = [task for task in stream.data if str(task["key"]).startswith("run_compiled")]
    assert len(ran) == 7 and {task["worker"] for task in ran} <= set(client.run(os.getpid))
    assert done == [(min(700 * k, 4_500), 4_500) for k in range(1, 8)]
    assert remote.p_closes == local.p_closes and remote.seed == local.seed == 2028
    pd.testing.assert_frame_equal(remote.summary, local.summary, check_exact=True)
    pd.testing.assert_frame_equal(
        remote.cash_balance_percentiles, local.cash_balance_percentiles, check_exact=True
    )
    assert remote.per_draw.keys() == local.per_draw.keys()
    for name, values in local.per_draw.items():
        np.testing.assert_array_equal(remote.per_draw[name], values, err_msg=name)


def test_an_overflow_on_a_worker_is_the_same_clear_error(client):
    # about half of the draws of this proxy take the figures beyond 1e300 (tests/test_overflow.py)
    scenario = case(quantity=1e100, proxy={"dist": "uniform", "low": 0.0, "high": 2e199})
    with pytest.raises(TooLargeToComputeError) as local:
        simulate(scenario, 1_000, seed=3)
    with pytest.raises(TooLargeToComputeError) as remote:
        simulate(scenario, 1_000, seed=3, client=client)
    assert str(remote.value) == str(local.value)
    assert remote.value.lines("nl") == local.value.lines("nl")


def test_batch_sweep_and_simulate_commands_take_a_scheduler(client, tmp_path):
    address = client.scheduler.address
    assert address.startswith("tcp://")
    files = [examples.example_path(name) for name in ("nabuurschap", "west_practice")]
    runner = CliRunner()
    for scheduler in (address, None):
        out = tmp_path / f"batch{'_remote' if scheduler else ''}.csv"
        args = ["batch", *map(str, files), "--out", str(out)]
        result = runner.invoke(app, args + (["--scheduler", address] if scheduler else []))
        assert result.exit_code == 0, result.output
    pd.testing.assert_frame_equal(
        pd.read_csv(tmp_path / "batch_remote.csv"), pd.read_csv(tmp_path / "batch.csv")
    )
    out = tmp_path / "sweep.parquet"
    args = ["sweep", str(files[0]), "--set", "outcomes[0].proxy=300:1200:7", "--out", str(out)]
    result = runner.invoke(app, [*args, "--scheduler", address])
    assert result.exit_code == 0, result.output
    local = sweep(
        examples.load_example("nabuurschap"),
        {"outcomes[0].proxy": [300.0, 450.0, 600.0, 750.0, 900.0, 1050.0, 1200.0]},
    )
    pd.testing.assert_frame_equal(pd.read_parquet(out), local, check_exact=True)
    args = ["simulate", str(files[0]), "--draws", "3000", "--seed", "1", "--json"]
    remote = runner.invoke(app, [*args, "--scheduler", address])
    assert remote.exit_code == 0, remote.output
    assert json.loads(remote.stdout) == json.loads(runner.invoke(app, args).stdout)


@pytest.mark.parametrize("command", ["batch", "simulate"])
def test_an_unreachable_scheduler_is_a_clear_error(command, tmp_path, monkeypatch):
    monkeypatch.setattr(cli_common, "SCHEDULER_TIMEOUT", 1.0)
    out = ["--out", str(tmp_path / "r.csv")] if command == "batch" else []
    file = str(examples.example_path("nabuurschap"))
    result = CliRunner().invoke(app, [command, file, *out, "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2
    assert "--scheduler tcp://127.0.0.1:1: cannot connect to a Dask scheduler" in result.stderr


def test_scenarios_and_their_errors_survive_the_trip_to_a_worker_process(shipped):
    for scenario in shipped.values():
        assert pickle.loads(pickle.dumps(scenario)) == scenario
    error = TooLargeToComputeError("a.toml", [Problem("outcomes[0].proxy", 1e301, "too large")])
    error.draws = np.array([True, False])
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is TooLargeToComputeError and str(back) == str(error)
    assert back.problems == error.problems and back.draws.tolist() == [True, False]


def test_the_cluster_examples_of_the_docs_run_on_a_cluster(client, workdir):
    """docs/cli.md's commands and docs/api.md's example, sent to this module's cluster."""
    address = client.scheduler.address
    section = CLI.split("## On a Dask cluster")[1].split("\n## ")[0]
    commands = [
        line
        for block in _blocks(section, "sh")
        for line in block.splitlines()
        if line.startswith("businesscase ")
    ]
    assert [line.split()[1] for line in commands] == ["batch", "sweep", "simulate"]
    for line in commands:
        assert DOCS_ADDRESS in line
        outcome = CliRunner().invoke(app, shlex.split(line.replace(DOCS_ADDRESS, address))[1:])
        assert outcome.exit_code == 0, outcome.stderr
    assert Path("results.csv").stat().st_size > 0 and Path("sweep.csv").stat().st_size > 0
    (example,) = _blocks(API, "py")
    namespace: dict[str, object] = {}
    exec(compile(example.replace(DOCS_ADDRESS, address), "docs/api.md", "exec"), namespace)
    assert len(namespace["table"]) == 3
