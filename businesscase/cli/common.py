"""What every ``businesscase`` command shares: the language option, error lines, loading a
scenario (and its actuals), the console and its tables, figures for people, and the progress
bar.

The conventions of the command line (docs/cli.md): stdout carries data (tables for people, or
JSON); errors go to stderr as one line per problem, naming the file, the field path, the value
and the rule, with exit status 2 for bad input; no traceback reaches the user; input files are
only read, and an output is never written over one.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import Progress, TaskID
from rich.table import Table

from businesscase import formatting as fmt
from businesscase.actuals import load_actuals
from businesscase.limits import LimitError
from businesscase.monitoring import MonitorResult, monitor
from businesscase.scenario import Scenario, ScenarioError, load_scenario
from businesscase.text import t
from businesscase.user_text import visible

if TYPE_CHECKING:
    from distributed import Client

BAD_INPUT = 2
"""Exit status for bad input (docs/cli.md)."""

LANG_OPTION = typer.Option("--lang", help="Language of the output: nl or en.")
"""The ``--lang`` option of the commands that print for people (default en)."""

LangOption = Annotated[str, LANG_OPTION]
ScenarioFile = Annotated[
    Path, typer.Argument(help="Scenario file (TOML, docs/scenario-format.md).")
]
ExpectedValuesOption = Annotated[
    bool,
    typer.Option(
        "--expected-values",
        help="Count money that may not come and yearly events at their expected values "
        "(probability x amount, as evaluate does) instead of drawing them all or nothing.",
    ),
]

SCHEDULER_TIMEOUT = 10.0
"""Seconds ``--scheduler`` waits for the Dask scheduler to answer before giving up."""

SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Address of a Dask scheduler (tcp://host:port): run the work on that cluster.",
    ),
]
"""The ``--scheduler`` option of ``batch``, ``sweep`` and ``simulate`` (default: this machine)."""

PIPE_WIDTH = 160
"""Width of the tables [characters] when stdout is not a terminal (a file, a pipe): rich's
default of 80 would squeeze an eight-column tornado into unreadable slivers."""


def fail(lines: list[str]) -> NoReturn:
    """Print each line as ``error: ...`` on stderr and stop with exit status 2."""
    for line in lines:
        typer.echo(f"error: {visible(line)}", err=True)
    raise typer.Exit(BAD_INPUT)


def not_evaluated(source: str, error: str, lang: str) -> None:
    """One ``error:`` line on stderr for a scenario the engine could not evaluate (batch,
    sweep, compare go on with the others)."""
    typer.echo(visible(f"error: {source}: {t('not_evaluated', lang)}: {error}"), err=True)


def check_lang(lang: str) -> None:
    """Refuse a ``--lang`` other than nl or en: exit status 2 with a one-line message."""
    if lang not in fmt.LANGUAGES:
        fail([f"--lang {lang!r}: must be one of {', '.join(fmt.LANGUAGES)}"])


def load(file: Path, lang: str) -> Scenario:
    """Load a scenario, turning bad input into exit status 2 with a clear message in ``lang``."""
    try:
        return load_scenario(file)
    except ScenarioError as error:
        fail(error.lines(lang))


@contextmanager
def computing(file: Path, lang: str = "en") -> Iterator[None]:
    """Exit status 2 for what the engine refuses while computing ``file``'s scenario: figures
    too large to compute (naming the field) and work beyond the limits (stating the limit, in
    ``lang``)."""
    try:
        yield
    except ScenarioError as error:
        fail(ScenarioError(file.name, error.problems).lines(lang))
    except LimitError as error:
        fail([f"{file.name}: {error.text(lang)}"])


@contextmanager
def cluster(scheduler: str | None) -> Iterator[Client | None]:
    """A Dask client connected to ``scheduler`` (None: run locally); closed afterwards."""
    if scheduler is None:
        yield None
        return
    from distributed import Client

    try:
        client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as error:
        fail([f"--scheduler {scheduler}: cannot connect to a Dask scheduler: {error}"])
    try:
        yield client
    finally:
        client.close()


def check_out(out: Path, inputs: list[Path], formats: tuple[str, ...]) -> None:
    """Refuse an ``--out`` of the wrong type (by suffix) or one that is an input file."""
    if out.suffix.lower() not in formats:
        fail([f"--out {out}: must end in {' or '.join(formats)}"])
    if any(out.resolve() == path.resolve() for path in inputs):
        fail([f"--out {out}: is an input file; write the results to another file"])


def table_console() -> Console:
    """Console for the tables on stdout: the terminal's width, or :data:`PIPE_WIDTH`."""
    terminal = Console(highlight=False)
    return terminal if terminal.is_terminal else Console(highlight=False, width=PIPE_WIDTH)


def header(table: Table, *headers: str) -> None:
    """Columns of a table: the first (names) left and wrapping, the others (numbers) right and
    never split (``€ 1.234.567`` holds a space)."""
    table.add_column(headers[0])
    for heading in headers[1:]:
        table.add_column(heading, justify="right", no_wrap=True)


class ChunkProgress:
    """A progress bar on stderr for long runs: only on a terminal, after the first second.

    Parameters
    ----------
    lang : str
        Language of the label.
    label : str
        Key of the label in :mod:`businesscase.text` (``simulating``, ``batch_progress``, ...).
    """

    def __init__(self, lang: str = "en", label: str = "simulating") -> None:
        self.console = Console(stderr=True)
        self.started = time.monotonic()
        self.label = t(label, lang)
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if not self.console.is_terminal or time.monotonic() - self.started < 1.0:
                return
            self.bar = Progress(console=self.console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        self.bar.update(self.task, completed=done)

    def __enter__(self) -> ChunkProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def monitored(file: Path, scenario: Scenario, actuals: Path, lang: str) -> MonitorResult:
    """The plan of ``file`` against the actuals file, bad input turned into exit status 2 with
    one line per problem (file, row, column, value, rule) in ``lang``."""
    try:
        reported = load_actuals(actuals, scenario)
    except ScenarioError as error:
        fail(error.lines(lang))
    with computing(file, lang):
        return monitor(scenario, reported)
    raise AssertionError("unreachable")  # pragma: no cover - computing exits on an error
