"""The ``businesscase`` command: evaluate scenario files from the shell (docs/cli.md).

stdout carries data (a summary table, or JSON with ``--json``); errors go to stderr as one line
per problem, naming the file, the field path, the value and the rule, with exit status 2 for
bad input. No traceback reaches the user; input files are only read.

One module per group of commands, registered on :data:`app` here: :mod:`.evaluate`,
:mod:`.uncertainty` (simulate, sensitivity, close-gap), :mod:`.batch` (batch, sweep),
:mod:`.compare` (compare, combine), :mod:`.export` and :mod:`.monitor`. What they share (the
``--lang`` option, error lines, the console, tables, figures for people) lives in
:mod:`.common`, which imports none of them.
"""

from __future__ import annotations

import sys

import typer

from businesscase.cli import batch, compare, evaluate, export, monitor, uncertainty
from businesscase.cli.common import BAD_INPUT
from businesscase.cli.uncertainty import CANNOT_CLOSE
from businesscase.limits import LimitError
from businesscase.scenario import ScenarioError
from businesscase.user_text import visible

__all__ = ["BAD_INPUT", "CANNOT_CLOSE", "app", "main"]

app = typer.Typer(
    name="businesscase",
    help="Social business case and SROI calculator: does the plan close, and who benefits?",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _main() -> None:
    """Social business case and SROI calculator (Veerkrachtig BoTu 2028)."""


for _name, _command in (
    ("evaluate", evaluate.evaluate_command),
    ("simulate", uncertainty.simulate_command),
    ("sensitivity", uncertainty.sensitivity_command),
    ("close-gap", uncertainty.close_gap_command),
    ("batch", batch.batch_command),
    ("sweep", batch.sweep_command),
    ("compare", compare.compare_command),
    ("combine", compare.combine_command),
    ("export", export.export_command),
    ("monitor", monitor.monitor_command),
):
    # the listing of ``--help`` shows the docstring's first paragraph as one line of text
    _summary = " ".join((_command.__doc__ or "").split("\n\n")[0].split())
    app.command(_name, short_help=_summary)(_command)


def main() -> None:
    """Entry point of the console script: no traceback ever reaches the user."""
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.exit(130)
    except ScenarioError as error:  # refused while computing several files (compare, batch)
        for line in error.lines():
            typer.echo(f"error: {visible(line)}", err=True)
        sys.exit(BAD_INPUT)
    except LimitError as error:
        typer.echo(f"error: {visible(str(error))}", err=True)
        sys.exit(BAD_INPUT)
    except Exception as error:  # a bug, not bad input: say so in one line, exit 1
        message = f"internal error (please report): {type(error).__name__}: {error}"
        typer.echo(visible(message), err=True)
        sys.exit(1)
