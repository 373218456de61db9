"""The table commands: ``batch`` (many scenario files, one row each) and ``sweep`` (a grid of
variations of one scenario, one row each), written as CSV or parquet (docs/cli.md).

The work is done by :mod:`businesscase.batch`; ``--scheduler`` sends it to a Dask cluster.

- ``businesscase batch PATHS... --out results.csv|results.parquet``: files, folders (their
  ``*.toml``) and glob patterns; a file that cannot be read or evaluated is reported, in its
  row too, and the others still run.
- ``businesscase sweep FILE --set outcomes[0].proxy=10000:20000:11 --set ... --out ...``.
"""

from __future__ import annotations

import glob
import re
from pathlib import Path
from typing import Annotated

import numpy as np
import pandas as pd
import typer

from businesscase.batch import evaluate_many, sweep
from businesscase.cli.common import (
    BAD_INPUT,
    ChunkProgress,
    LangOption,
    ScenarioFile,
    SchedulerOption,
    check_lang,
    check_out,
    cluster,
    computing,
    fail,
    load,
    not_evaluated,
    table_console,
)
from businesscase.files import write_atomic
from businesscase.limits import MAX_SWEEP_POINTS
from businesscase.scenario import Scenario, ScenarioError, load_scenario
from businesscase.text import t
from businesscase.user_text import csv_safe, markup, visible

TABLE_FORMATS: tuple[str, ...] = (".csv", ".parquet")
"""File types ``--out`` of ``batch`` and ``sweep`` writes, by suffix."""

_GLOB = re.compile(r"[*?\[]")

FAILED_SHOWN = 10
"""Failed variations of a sweep listed on stderr; the rest are counted (all are in the table)."""


def write_table(frame: pd.DataFrame, out: Path) -> None:
    """Write a table as CSV or parquet (by suffix) atomically: a temporary file, then a rename.

    An existing file is replaced only when the new one is completely written; CSV is UTF-8
    with a header row and CRLF line ends (RFC 4180, so a text holding a line break is quoted),
    locale-free (``.`` decimals, empty for a missing figure), and no text in it starts a
    formula (:func:`businesscase.user_text.csv_safe`). Parquet keeps texts as typed: its cells
    are typed strings that no reader evaluates.
    """
    if out.suffix.lower() == ".parquet":
        data = frame.to_parquet(index=False)
    else:
        text = csv_safe(frame).to_csv(index=False, lineterminator="\r\n")
        data = text.encode("utf-8", errors="backslashreplace")  # a lone surrogate as \ud878
    write_atomic(out, data)


def _write(frame: pd.DataFrame, out: Path) -> None:
    try:
        write_table(frame, out)
    except OSError as error:
        fail([f"--out {out}: cannot write: {error.strerror or error}"])


# --- batch ---------------------------------------------------------------------------------


def expand_paths(paths: list[str]) -> tuple[list[Path], dict[str, list[str]]]:
    """The scenario files named by files, folders (their ``*.toml``) and glob patterns.

    Returns
    -------
    files : list of Path
        In the order given, each once.
    problems : dict of str to list of str
        Per path that names no file, why.
    """
    files: dict[Path, None] = {}
    problems: dict[str, list[str]] = {}
    for text in paths:
        path = Path(text)
        if path.is_dir():
            found = sorted(path.glob("*.toml"))
            if not found:
                problems[text] = [f"{text}: the folder holds no .toml files"]
        elif not path.exists() and _GLOB.search(text):
            found = [Path(match) for match in sorted(glob.glob(text))]
            if not found:
                problems[text] = [f"{text}: no file matches this pattern"]
        else:
            found = [path]
        files.update(dict.fromkeys(found))
    return list(files), problems


def batch_command(
    paths: Annotated[
        list[str],
        typer.Argument(help="Scenario files, folders (their *.toml) and glob patterns."),
    ],
    out: Annotated[Path, typer.Option("--out", help="Results table: a .csv or .parquet file.")],
    scheduler: SchedulerOption = None,
    lang: LangOption = "en",
) -> None:
    """Evaluate many scenario files into one table: one row per file, the figures as columns.

    A file that cannot be read, or that the engine cannot evaluate, is reported with its error
    (on stderr and in the row's ``error`` column, its figures empty); the others still run,
    the table is written, and the exit status is 2 at the end when any failed.
    """
    check_lang(lang)
    files, problems = expand_paths(paths)
    check_out(out, files, TABLE_FORMATS)
    scenarios: dict[str, Scenario] = {}
    unread: dict[str, list[str]] = {}  # for the table: locale-free, as every data file
    told: list[str] = []  # for people, in ``lang``
    with ChunkProgress(lang, "batch_reading") as progress:
        for done, file in enumerate(files, start=1):
            try:
                scenarios[str(file)] = load_scenario(file)
            except ScenarioError as error:
                unread[str(file)] = error.lines()
                told += error.lines(lang)
            progress(done, len(files))
    for line in [*(line for lines in problems.values() for line in lines), *told]:
        typer.echo(f"error: {visible(line)}", err=True)
    with cluster(scheduler) as client, ChunkProgress(lang, "batch_progress") as progress:
        evaluated = evaluate_many(scenarios, client=client, progress=progress)
    frame = _batch_table(files, scenarios, unread, evaluated)
    errors = frame["error"].notna()
    for file, error in zip(frame["file"], frame["error"], strict=True):
        if error and file not in unread:
            not_evaluated(Path(file).name, error, lang)
    _write(frame, out)
    failed = [*problems, *frame.loc[errors, "file"]]
    done = int((~errors).sum())
    console = table_console()
    console.print(t("batch_written", lang, done=done, total=len(frame), out=markup(str(out))))
    if failed:
        message = t("batch_failed", lang, count=len(failed), files=", ".join(failed))
        typer.echo(visible(message), err=True)
        raise typer.Exit(BAD_INPUT)


def _batch_table(
    files: list[Path],
    scenarios: dict[str, Scenario],
    unread: dict[str, list[str]],
    evaluated: pd.DataFrame,
) -> pd.DataFrame:
    """One row per file, in the order given: ``file``, ``scenario`` (its name), the figures
    and ``error`` (why a file could not be read or evaluated; its figures are then empty)."""
    rows = evaluated.rename(columns={"scenario": "file"}).set_index("file")
    rows = rows.reindex([str(file) for file in files])
    rows.loc[list(unread), "error"] = ["; ".join(lines) for lines in unread.values()]
    names = [scenarios[str(f)].settings.name if str(f) in scenarios else None for f in files]
    rows.insert(0, "scenario", names)
    return rows.reset_index()


# --- sweep ---------------------------------------------------------------------------------

_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_INTEGER = re.compile(r"[+-]?\d+")


def parse_setting(text: str) -> tuple[str, list[float | int]]:
    """One ``--set``: ``PATH=START:STOP:COUNT`` (a linear grid) or ``PATH=V1,V2,...``.

    Values written as whole numbers stay integers (``duration=1,2,3``; a grid of whole numbers
    whose points are whole), so integer fields can be swept too.

    Raises
    ------
    ValueError
        Naming the setting and what is wrong with it.
    """
    path, equals, spec = text.partition("=")
    path, spec = path.strip(), spec.strip()
    if not equals or not path or not spec:
        raise ValueError(f"--set {text}: write PATH=START:STOP:COUNT or PATH=V1,V2,...")
    if ":" in spec:
        parts = spec.split(":")
        if len(parts) != 3:
            raise ValueError(f"--set {text}: a grid is START:STOP:COUNT, e.g. 10000:20000:11")
        start, stop, count = (part.strip() for part in parts)
        for part in (start, stop):
            if not _NUMBER.fullmatch(part):
                raise ValueError(f"--set {text}: {part!r} is not a number")
        if not _INTEGER.fullmatch(count) or int(count) < 1:
            raise ValueError(f"--set {text}: COUNT {count!r} must be a whole number >= 1")
        if int(count) > MAX_SWEEP_POINTS:
            raise ValueError(
                f"--set {text}: COUNT {int(count):,} is more than the {MAX_SWEEP_POINTS:,} "
                "points a sweep may have"
            )
        grid = np.linspace(float(start), float(stop), int(count))
        whole = _INTEGER.fullmatch(start) and _INTEGER.fullmatch(stop)
        if whole and np.all(grid == np.round(grid)):
            return path, [int(value) for value in grid]
        return path, [float(value) for value in grid]
    values: list[float | int] = []
    for part in (part.strip() for part in spec.split(",")):
        if not _NUMBER.fullmatch(part):
            raise ValueError(f"--set {text}: {part!r} is not a number")
        values.append(int(part) if _INTEGER.fullmatch(part) else float(part))
    return path, values


def sweep_command(
    file: ScenarioFile,
    settings: Annotated[
        list[str],
        typer.Option(
            "--set",
            help="PATH=START:STOP:COUNT (linear grid) or PATH=V1,V2,... e.g. "
            "outcomes[0].proxy=10000:20000:11; repeat for a grid over several fields.",
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Results table: a .csv or .parquet file.")],
    scheduler: SchedulerOption = None,
    lang: LangOption = "en",
) -> None:
    """Evaluate a grid of variations of one scenario: one row per variation."""
    check_lang(lang)
    check_out(out, [file], TABLE_FORMATS)
    grid: dict[str, list[float | int]] = {}
    for setting in settings:
        try:
            path, values = parse_setting(setting)
        except ValueError as error:
            fail([str(error)])
        if path in grid:
            fail([f"--set {setting}: {path} is set twice"])
        grid[path] = values
    scenario = load(file, lang)
    with cluster(scheduler) as client, ChunkProgress(lang, "sweep_progress") as progress:
        with computing(file, lang):
            frame = sweep(scenario, grid, client=client, progress=progress)
    _write(frame, out)
    failed = frame[frame["error"].notna()]
    done = len(frame) - len(failed)
    table_console().print(
        t("sweep_written", lang, count=done, file=markup(file.name), out=markup(str(out)))
    )
    if len(failed):
        for _, row in failed.head(FAILED_SHOWN).iterrows():
            point = ", ".join(f"{path}={row[path]}" for path in grid)
            not_evaluated(f"{file.name}: {point}", row["error"], lang)
        if len(failed) > FAILED_SHOWN:
            typer.echo(t("more_failed", lang, count=len(failed) - FAILED_SHOWN), err=True)
        total = len(frame)
        message = t("sweep_failed", lang, count=len(failed), total=total, out=out)
        typer.echo(visible(message), err=True)
        raise typer.Exit(BAD_INPUT)
