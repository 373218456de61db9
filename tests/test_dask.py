"""The batch API on a Dask cluster gives the same numbers as on this machine.

The cluster is a ``LocalCluster`` of two single-threaded workers with ``processes=False``:
process workers each start a fresh interpreter that imports numpy, pandas and businesscase,
which takes 15-30 s on this shared 2-core machine and makes the nanny kill them on shutdown.
Threaded workers run the same task graph through the same scheduler, over TCP (the protocol
a real cluster uses, so ``--scheduler tcp://...`` is tested too); that the tasks' arguments
survive the trip to a worker process is checked with pickle, which is how Dask ships them.
"""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from businesscase import examples
from businesscase.batch import evaluate_many, sweep
from businesscase.cli import app
from businesscase.cli import batch as cli_batch

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=False,
            protocol="tcp",
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


@pytest.fixture(scope="module")
def shipped():
    return {name: examples.load_example(name) for name in examples.list_examples()}


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


def test_batch_and_sweep_commands_take_a_scheduler(client, tmp_path):
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


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(cli_batch, "SCHEDULER_TIMEOUT", 1.0)
    result = CliRunner().invoke(
        app,
        [
            "batch",
            str(examples.example_path("nabuurschap")),
            "--out",
            str(tmp_path / "r.csv"),
            "--scheduler",
            "tcp://127.0.0.1:1",
        ],
    )
    assert result.exit_code == 2
    assert "--scheduler tcp://127.0.0.1:1: cannot connect to a Dask scheduler" in result.stderr


def test_scenarios_survive_the_trip_to_a_worker_process(shipped):
    for scenario in shipped.values():
        assert pickle.loads(pickle.dumps(scenario)) == scenario
