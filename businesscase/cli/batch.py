"""The analyst's commands: ``batch``, ``sweep``, ``compare`` and ``combine`` (docs/cli.md).

Registered on the ``businesscase`` command of :mod:`businesscase.cli`, with its conventions:
tables for people on stdout, errors on stderr as one line per problem naming the file, the
field path, the value and the rule, exit status 2 for bad input, files written atomically and
never over an input. The work is done by :mod:`businesscase.batch`; ``--scheduler`` sends it
to a Dask cluster.

- ``businesscase batch PATHS... --out results.csv|results.parquet``: files, folders (their
  ``*.toml``) and glob patterns; a bad file is reported and the others still run.
- ``businesscase sweep FILE --set outcomes[0].proxy=10000:20000:11 --set ... --out ...``.
- ``businesscase compare FILE... [--json] [--programme NAME]``.
- ``businesscase combine FILE... --out PROGRAMME.toml [--horizon N] [--discount-rate R]``.
"""

from __future__ import annotations

import glob
import json
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import numpy as np
import pandas as pd
import typer
from rich.markup import escape
from rich.table import Table

from businesscase.batch import (
    FIGURES,
    PROGRAMME_COLUMNS,
    best_per_figure,
    combine,
    compare,
    evaluate_many,
    programme_comparison,
    sweep,
)
from businesscase.cli import (
    BAD_INPUT,
    LANG_OPTION,
    _check_lang,
    _ChunkProgress,
    _console,
    _fail,
    _figure,
    _header,
    _load,
    app,
    computing,
)
from businesscase.files import write_atomic
from businesscase.limits import MAX_SWEEP_POINTS
from businesscase.metrics import SIB_METRICS
from businesscase.scenario import Scenario, ScenarioError, load_scenario, save_scenario
from businesscase.text import t

if TYPE_CHECKING:
    from distributed import Client

TABLE_FORMATS: tuple[str, ...] = (".csv", ".parquet")
"""File types ``--out`` of ``batch`` and ``sweep`` writes, by suffix."""

_GLOB = re.compile(r"[*?\[]")

SCHEDULER_TIMEOUT = 10.0
"""Seconds ``--scheduler`` waits for the Dask scheduler to answer before giving up."""

LangOption = Annotated[str, LANG_OPTION]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Address of a Dask scheduler (tcp://host:port): run the work on that cluster.",
    ),
]


# --- shared pieces -------------------------------------------------------------------------


def _check_out(out: Path, inputs: list[Path], formats: tuple[str, ...]) -> None:
    """Refuse an ``--out`` of the wrong type or one that is an input file."""
    if out.suffix.lower() not in formats:
        _fail([f"--out {out}: must end in {' or '.join(formats)}"])
    if any(out.resolve() == path.resolve() for path in inputs):
        _fail([f"--out {out}: is an input file; write the results to another file"])


def write_table(frame: pd.DataFrame, out: Path) -> None:
    """Write a table as CSV or parquet (by suffix) atomically: a temporary file, then a rename.

    An existing file is replaced only when the new one is completely written; CSV is UTF-8
    with a header row, locale-free (``.`` decimals, empty for a missing figure).
    """
    if out.suffix.lower() == ".parquet":
        data = frame.to_parquet(index=False)
    else:
        data = frame.to_csv(index=False).encode("utf-8")
    write_atomic(out, data)


def _write(frame: pd.DataFrame, out: Path) -> None:
    try:
        write_table(frame, out)
    except OSError as error:
        _fail([f"--out {out}: cannot write: {error.strerror or error}"])


@contextmanager
def _cluster(scheduler: str | None) -> Iterator[Client | None]:
    """A Dask client connected to ``scheduler`` (None: run locally); closed afterwards."""
    if scheduler is None:
        yield None
        return
    from distributed import Client

    try:
        client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as error:
        _fail([f"--scheduler {scheduler}: cannot connect to a Dask scheduler: {error}"])
    try:
        yield client
    finally:
        client.close()


def _progress(key: str, lang: str) -> _ChunkProgress:
    """The progress bar of :mod:`businesscase.cli`, labelled with the text ``key``."""
    progress = _ChunkProgress(lang)
    progress.label = t(key, lang)
    return progress


def _shown(name: str, value: Any, lang: str, start_year: int) -> str:
    """One figure as people read it: yes/no for ``closes``, else by its kind (money, share,
    ratio, year); a figure that does not exist (None) as a dash."""
    if name == "closes" and value is not None:
        return t("yes" if value else "no", lang)
    return _figure(name, math.nan if value is None else float(value), start_year, lang)


def _labels(files: list[Path]) -> list[str]:
    """Column labels for files: their stems, or their paths where two stems are equal."""
    stems = [file.stem for file in files]
    return [file.stem if stems.count(file.stem) == 1 else str(file) for file in files]


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


@app.command("batch")
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

    A file that cannot be read is reported with its error; the others still run, and the exit
    status is 2 at the end when any failed.
    """
    _check_lang(lang)
    files, failed = expand_paths(paths)
    _check_out(out, files, TABLE_FORMATS)
    scenarios: dict[str, Scenario] = {}
    with _progress("batch_reading", lang) as progress:
        for done, file in enumerate(files, start=1):
            try:
                scenarios[str(file)] = load_scenario(file)
            except ScenarioError as error:
                failed[str(file)] = error.lines()
            progress(done, len(files))
    for lines in failed.values():
        for line in lines:
            typer.echo(f"error: {line}", err=True)
    with _cluster(scheduler) as client, _progress("batch_progress", lang) as progress:
        frame = evaluate_many(scenarios, client=client, progress=progress)
    frame = frame.rename(columns={"scenario": "file"})
    frame.insert(1, "scenario", [scenario.settings.name for scenario in scenarios.values()])
    _write(frame, out)
    console = _console()
    total = len(scenarios) + len(failed)
    console.print(t("batch_written", lang, done=len(scenarios), total=total, out=escape(str(out))))
    if failed:
        typer.echo(t("batch_failed", lang, count=len(failed), files=", ".join(failed)), err=True)
        raise typer.Exit(BAD_INPUT)


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


@app.command("sweep")
def sweep_command(
    file: Annotated[Path, typer.Argument(help="Scenario file (TOML, docs/scenario-format.md).")],
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
    _check_lang(lang)
    _check_out(out, [file], TABLE_FORMATS)
    grid: dict[str, list[float | int]] = {}
    for setting in settings:
        try:
            path, values = parse_setting(setting)
        except ValueError as error:
            _fail([str(error)])
        if path in grid:
            _fail([f"--set {setting}: {path} is set twice"])
        grid[path] = values
    scenario = _load(file)
    with _cluster(scheduler) as client, _progress("sweep_progress", lang) as progress:
        with computing(file):
            frame = sweep(scenario, grid, client=client, progress=progress)
    _write(frame, out)
    _console().print(
        t("sweep_written", lang, count=len(frame), file=escape(file.name), out=escape(str(out)))
    )


# --- compare and combine -------------------------------------------------------------------


@app.command("compare")
def compare_command(
    files: Annotated[list[Path], typer.Argument(help="Scenario files to set side by side.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the figures and the best per figure as JSON.")
    ] = False,
    programme: Annotated[
        str | None,
        typer.Option(
            "--programme",
            help="Add the files combined into one programme package, as a column of this name.",
        ),
    ] = None,
    lang: LangOption = "en",
) -> None:
    """The figures of several scenarios side by side; the best value per figure marked."""
    _check_lang(lang)
    scenarios = dict(zip(_labels(files), map(_load, files), strict=True))
    if programme is not None:
        if programme in scenarios:
            _fail([f"--programme {programme}: is already the label of a file"])
        try:
            scenarios[programme] = combine(scenarios, programme)
        except ScenarioError as error:
            _fail(error.lines())
    table = compare(scenarios)
    best = best_per_figure(table)
    if as_json:
        payload = {
            "scenarios": list(table.columns),
            "figures": {figure: dict(row.items()) for figure, row in table.iterrows()},
            "best": best.to_dict(),
        }
        typer.echo(json.dumps(payload, indent=2, allow_nan=False))
        return
    has_sib = any(scenario.sib is not None for scenario in scenarios.values())
    view = Table(title=t("compare_title", lang))
    _header(view, t("figures", lang), *map(escape, table.columns))
    for figure in FIGURES:
        if figure in SIB_METRICS and not has_sib:
            continue
        cells = []
        for label, scenario in scenarios.items():
            value = table.loc[figure, label]
            text = escape(_shown(figure, value, lang, scenario.settings.start_year))
            cells.append(f"[bold green]{text} *[/bold green]" if best[figure] == label else text)
        view.add_row(escape(t(figure, lang)), *cells)
    console = _console()
    console.print(view)
    console.print(f"[dim]{escape(t('compare_best_note', lang))}[/dim]")


@app.command("combine")
def combine_command(
    files: Annotated[list[Path], typer.Argument(help="Project scenario files to combine.")],
    out: Annotated[Path, typer.Option("--out", help="Where to write the programme (TOML).")],
    name: Annotated[
        str | None, typer.Option("--name", help="Name of the programme (default: the --out stem).")
    ] = None,
    horizon: Annotated[
        int | None,
        typer.Option("--horizon", help="Horizon of the programme [years], when projects differ."),
    ] = None,
    discount_rate: Annotated[
        float | None,
        typer.Option(
            "--discount-rate", help="Discount rate [fraction, e.g. 0.0225], when projects differ."
        ),
    ] = None,
    lang: LangOption = "en",
) -> None:
    """Combine project files into one programme package; show each project alone and the
    package together (who carries whom)."""
    _check_lang(lang)
    _check_out(out, files, (".toml",))
    loaded = [_load(file) for file in files]
    labels = [scenario.settings.name for scenario in loaded]
    duplicates = sorted({label for label in labels if labels.count(label) > 1})
    if duplicates:
        _fail([f"two projects are called {duplicates[0]!r}: give them different names"])
    projects = dict(zip(labels, loaded, strict=True))
    title = name or out.stem
    try:
        programme = combine(projects, title, horizon_years=horizon, discount_rate=discount_rate)
        table = programme_comparison(
            projects, title, horizon_years=horizon, discount_rate=discount_rate
        )
    except ScenarioError as error:
        _fail(error.lines())
    try:
        save_scenario(programme, out)
    except OSError as error:
        _fail([f"--out {out}: cannot write: {error.strerror or error}"])
    start = programme.settings.start_year
    view = Table(title=t("programme_title", lang, name=escape(title)))
    _header(view, t("figures", lang), *map(escape, [*_labels(files), title]))
    for column in PROGRAMME_COLUMNS[1:]:
        cells = (escape(_shown(column, value, lang, start)) for value in table[column])
        view.add_row(escape(t(column, lang)), *cells)
    console = _console()
    console.print(view)
    console.print(t("combine_written", lang, count=len(projects), out=escape(str(out))))
