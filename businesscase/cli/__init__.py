"""The ``businesscase`` command: evaluate scenario files from the shell (docs/cli.md).

stdout carries data (a summary table, or JSON with ``--json``); errors go to stderr as one line
per problem, naming the file, the field path, the value and the rule, with exit status 2 for
bad input. No traceback reaches the user; input files are only read.
"""

from __future__ import annotations

import json
import math
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, TaskID
from rich.table import Table

from businesscase import formatting as fmt
from businesscase.distributions import base_value
from businesscase.engine import evaluate
from businesscase.export import _input_text, field_kind
from businesscase.gap import close_the_gap
from businesscase.limits import LimitError
from businesscase.metrics import SIB_METRICS, STAKEHOLDER_COLUMNS
from businesscase.result import EvaluationResult
from businesscase.sampling import field_range
from businesscase.scenario import Scenario, ScenarioError, load_scenario, save_scenario
from businesscase.text import input_name, t
from businesscase.uncertainty import records, sensitivity, simulate, switching_values

BAD_INPUT = 2
"""Exit status for bad input (docs/cli.md)."""

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


@app.command("evaluate")
def evaluate_command(
    file: Annotated[Path, typer.Argument(help="Scenario file (TOML, docs/scenario-format.md).")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the figures as JSON (docs/figures.md keys).")
    ] = False,
    lang: Annotated[str, typer.Option(help="Language of the summary: nl or en.")] = "en",
) -> None:
    """Evaluate a scenario: social return, whether the plan closes, who pays and who benefits."""
    _check_lang(lang)
    result = _evaluate_file(file)
    if as_json:
        typer.echo(json.dumps(result.to_json_dict(), indent=2, allow_nan=False))
    else:
        Console(highlight=False).print(*_summary(result, lang))
    for warning in result.warnings:
        typer.echo(f"warning: {file.name}: {warning}", err=True)


def _evaluate_file(file: Path) -> EvaluationResult:
    """Load and evaluate, turning bad input into exit status 2 with a clear message."""
    scenario = _load(file)
    with computing(file):
        return evaluate(scenario)
    raise AssertionError("unreachable")  # pragma: no cover - computing exits on an error


@contextmanager
def computing(file: Path) -> Iterator[None]:
    """Exit status 2 for what the engine refuses while computing ``file``'s scenario: figures
    too large to compute (naming the field) and work beyond the limits (stating the limit)."""
    try:
        yield
    except ScenarioError as error:
        _fail(ScenarioError(file.name, error.problems).lines())
    except LimitError as error:
        _fail([f"{file.name}: {error}"])


def _fail(lines: list[str]) -> None:
    for line in lines:
        typer.echo(f"error: {line}", err=True)
    raise typer.Exit(BAD_INPUT)


def _check_lang(lang: str) -> None:
    """Refuse a ``--lang`` other than nl or en: exit status 2 with a one-line message."""
    if lang not in fmt.LANGUAGES:
        _fail([f"--lang {lang!r}: must be one of {', '.join(fmt.LANGUAGES)}"])


LANG_OPTION = typer.Option("--lang", help="Language of the output: nl or en.")
"""The ``--lang`` option of the commands that print for people (default en)."""


def _summary(result: EvaluationResult, lang: str) -> list[Any]:
    """Rich renderables: headline figures, the closing verdict and the stakeholder table."""
    m = result.metrics
    settings = result.scenario.settings
    start = settings.start_year

    def money(value: float | None) -> str:
        return fmt.money(value, lang)

    def share(value: float | None) -> str:
        return fmt.percent(value, lang)

    def when(value: int | None) -> str:
        return fmt.year(value, start)

    def ratio(value: float | None) -> str:
        return fmt.number(value, lang)

    by_type = " / ".join(
        money(m[f"pv_benefits_{kind}"]) for kind in ("fiscal", "economic", "social")
    )
    rows = [
        ("pv_costs", money(m["pv_costs"])),
        ("pv_benefits", money(m["pv_benefits"])),
        ("pv_benefits_by_type", by_type),
        ("npv_social", money(m["npv_social"])),
        ("sroi_ratio", ratio(m["sroi_ratio"])),
        ("net_sroi_ratio", ratio(m["net_sroi_ratio"])),
        ("social_irr", share(m["social_irr"])),
        ("payback_year", when(m["payback_year"])),
        ("pv_financing", money(m["pv_financing"])),
        ("closes", t("yes" if m["closes"] else "no", lang)),
        ("funding_gap", money(m["funding_gap"])),
        ("first_short_year", when(m["first_short_year"])),
        ("subsidy_dependence", share(m["subsidy_dependence"])),
        ("largest_funder_share", share(m["largest_funder_share"])),
        ("funder_hhi", ratio(m["funder_hhi"])),
        ("subsidy_cliff_year", when(m["subsidy_cliff_year"])),
        ("value_capture", f"{money(m['value_capture_total'])} / {money(m['value_capture_pv'])}"),
        ("loan_outstanding_at_horizon", money(m["loan_outstanding_at_horizon"])),
    ]
    if result.scenario.sib is not None:
        rows += [
            ("sib_total_payments", money(m["sib_total_payments"])),
            ("sib_investor_irr", share(m["sib_investor_irr"])),
            ("sib_money_multiple", ratio(m["sib_money_multiple"])),
            ("sib_payer_net_pv", money(m["sib_payer_net_pv"])),
            ("sib_breakeven_share", share(m["sib_breakeven_share"])),
            ("sib_payments_beyond_horizon", money(m["sib_payments_beyond_horizon"])),
        ]
    period = f"{start}–{start + settings.horizon_years - 1}"
    figures = Table(title=f"{escape(settings.name)} — {period}")
    figures.add_column(t("figures", lang))
    figures.add_column(t("value", lang), justify="right")
    for key, value in rows:
        figures.add_row(t(key, lang), value)

    if m["closes"]:
        verdict = f"[green]{escape(t('closes_verdict', lang))}[/green]"
    else:
        gap = t("gap_verdict", lang, gap=money(m["funding_gap"]), year=when(m["first_short_year"]))
        verdict = f"[red]{escape(gap)}[/red]"

    holders = Table(title=t("who_pays_who_benefits", lang))
    holders.add_column(t("stakeholder", lang))
    for column in STAKEHOLDER_COLUMNS:
        holders.add_column(t(column, lang), justify="right")
    for row in result.stakeholders.to_dict(orient="records"):
        holders.add_row(
            escape(row["name"]), *(money(row[column]) for column in STAKEHOLDER_COLUMNS)
        )

    rate = fmt.percent(base_value(settings.discount_rate), lang, 2)
    note = f"[dim]{escape(t('discount_note', lang, start=start, rate=rate))}[/dim]"
    return [figures, verdict, holders, note]


def main() -> None:
    """Entry point of the console script: no traceback ever reaches the user."""
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.exit(130)
    except ScenarioError as error:  # refused while computing several files (compare, batch)
        for line in error.lines():
            typer.echo(f"error: {line}", err=True)
        sys.exit(BAD_INPUT)
    except LimitError as error:
        typer.echo(f"error: {error}", err=True)
        sys.exit(BAD_INPUT)
    except Exception as error:  # a bug, not bad input: say so in one line, exit 1
        typer.echo(f"internal error (please report): {type(error).__name__}: {error}", err=True)
        sys.exit(1)


# --- uncertainty: simulate, sensitivity, close-gap (docs/uncertainty.md) ------------------------

CANNOT_CLOSE = 3
"""Exit status of ``close-gap`` when the cashable benefits cannot close the gap (no file)."""

_TORNADO_CHANGES = ("npv_social_low", "npv_social_high", "funding_gap_low", "funding_gap_high")
"""Tornado columns shown by ``sensitivity`` (changes from base [EUR]); headers ``tornado_<col>``
in :mod:`businesscase.text`."""


def _load(file: Path) -> Scenario:
    """Load a scenario, turning bad input into exit status 2 with a clear message."""
    try:
        return load_scenario(file)
    except ScenarioError as error:
        _fail(error.lines())
    raise AssertionError("unreachable")  # pragma: no cover - _fail always exits


def _figure(name: str, value: float, start_year: int, lang: str) -> str:
    """One summary value of a figure, formatted by its kind (money, share, ratio, year)."""
    if math.isnan(value):
        return fmt.MISSING
    kind = fmt.figure_kind(name)
    if kind == "share":
        return fmt.percent(value, lang)
    if kind == "ratio":
        return fmt.number(value, lang)
    if kind == "year":  # a mean of year offsets need not be a whole year
        if float(value).is_integer():
            return fmt.year(int(value), start_year)
        return f"t={fmt.number(value, lang, 1)}"
    return fmt.money(value, lang)


def _input_value(path: str, value: float, lang: str) -> str:
    """A value of the input at ``path`` in the unit of its field: ``€ 200.000``, ``25,0%``."""
    if not math.isfinite(value):  # the open end of a valid range
        return fmt.number(value, lang, 0)
    head, field = path.rsplit(".", 1)  # outcomes[0].proxy, sib.price, scenario.discount_rate
    return _input_text(value, field_kind(head.split("[")[0], field), lang)


def _switch_text(row: dict[str, Any], verdict: str, lang: str) -> str:
    """A switching value, or why there is none in the search range (both for people)."""
    path = row["path"]
    if not math.isnan(row[f"{verdict}_switch"]):
        return _input_value(path, row[f"{verdict}_switch"], lang)
    outcome = "holds" if row[f"{verdict}_at_base"] else "fails"
    low, high = (_input_value(path, row[f"search_{end}"], lang) for end in ("low", "high"))
    return escape(t(f"no_switch_{verdict}_{outcome}", lang, low=low, high=high))


PIPE_WIDTH = 160
"""Width of the tables [characters] when stdout is not a terminal (a file, a pipe): rich's
default of 80 would squeeze an eight-column tornado into unreadable slivers."""


def _console() -> Console:
    """Console for the tables on stdout: the terminal's width, or :data:`PIPE_WIDTH`."""
    console = Console(highlight=False)
    return console if console.is_terminal else Console(highlight=False, width=PIPE_WIDTH)


def _header(table: Table, *headers: str) -> None:
    """Columns of a table: the first (names) left and wrapping, the others (numbers) right and
    never split (``€ 1.234.567`` holds a space)."""
    table.add_column(headers[0])
    for header in headers[1:]:
        table.add_column(header, justify="right", no_wrap=True)


class _ChunkProgress:
    """A progress bar on stderr for long runs: only on a terminal, after the first second."""

    def __init__(self, lang: str = "en") -> None:
        self.console = Console(stderr=True)
        self.started = time.monotonic()
        self.label = t("simulating", lang)
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

    def __enter__(self) -> _ChunkProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command("simulate")
def simulate_command(
    file: Annotated[Path, typer.Argument(help="Scenario file (TOML, docs/scenario-format.md).")],
    draws: Annotated[int, typer.Option(min=1, help="Number of Monte Carlo draws.")] = 10_000,
    seed: Annotated[
        int | None, typer.Option(min=0, help="Random seed: the same seed gives the same numbers.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    lang: Annotated[str, LANG_OPTION] = "en",
) -> None:
    """Monte Carlo: how sure are the figures? Mean and P5/P50/P95 per figure, P(closes)."""
    _check_lang(lang)
    scenario = _load(file)
    with _ChunkProgress(lang) as progress, computing(file):
        result = simulate(scenario, draws, seed=seed, progress=progress)
    if as_json:
        typer.echo(json.dumps(result.to_json_dict(), indent=2, allow_nan=False))
    else:
        start = scenario.settings.start_year
        title = t(
            "simulate_title",
            lang,
            name=escape(scenario.settings.name),
            draws=fmt.number(draws, lang, 0),
            seed=t("no_seed", lang) if seed is None else seed,
        )
        table = Table(title=title)
        _header(table, t("figures", lang), t("mean", lang), "P5", "P50", "P95", t("null", lang))
        for name, row in result.summary.iterrows():
            if row["share_null"] == 1.0 and name in SIB_METRICS:
                continue
            figures = (_figure(name, row[c], start, lang) for c in ("mean", "p5", "p50", "p95"))
            table.add_row(t(name, lang), *figures, fmt.percent(row["share_null"], lang, 0))
        console = _console()
        console.print(table)
        typer.echo(f"{t('p_closes', lang)}: {fmt.percent(result.p_closes, lang)}")
        typer.echo(f"{t('p_sroi_above_1', lang)}: {fmt.percent(result.p_sroi_above_1, lang)}")
    for path, count in result.clipped.items():
        if count:
            low, high = (_input_value(path, end, lang) for end in field_range(path))
            warning = t(
                "clipped_warning",
                lang,
                file=file.name,
                path=path,
                count=fmt.number(count, lang, 0),
                draws=fmt.number(draws, lang, 0),
                low=low,
                high=high,
            )
            typer.echo(warning, err=True)


@app.command("sensitivity")
def sensitivity_command(
    file: Annotated[Path, typer.Argument(help="Scenario file (TOML, docs/scenario-format.md).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the tables as JSON.")] = False,
    lang: Annotated[str, LANG_OPTION] = "en",
) -> None:
    """Which assumption matters? The tornado table and the switching values."""
    _check_lang(lang)
    scenario = _load(file)
    with computing(file):
        tornado = sensitivity(scenario)
    if tornado.table.empty:  # nothing to vary, so no switching values to search for either
        if as_json:
            payload = tornado.to_json_dict() | {"switching_values": []}
            typer.echo(json.dumps(payload, indent=2, allow_nan=False))
        else:
            typer.echo(t("nothing_to_vary", lang))
        return
    with computing(file):
        switching = switching_values(scenario)
    if as_json:
        payload = tornado.to_json_dict() | {"switching_values": records(switching)}
        typer.echo(json.dumps(payload, indent=2, allow_nan=False))
        return
    console = _console()
    base = tornado.base
    table = Table(
        title=t(
            "tornado_title",
            lang,
            npv=fmt.money(base["npv_social"], lang),
            gap=fmt.money(base["funding_gap"], lang),
        )
    )
    changes = (t(f"tornado_{column}", lang) for column in _TORNADO_CHANGES)
    _header(table, t("input", lang), t("low", lang), t("base", lang), t("high", lang), *changes)
    for row in tornado.table.to_dict(orient="records"):
        table.add_row(
            escape(input_name(row["label"], row["path"], lang)),
            *(_input_value(row["path"], row[column], lang) for column in ("low", "base", "high")),
            *(fmt.money(row[column], lang) for column in _TORNADO_CHANGES),
        )
    console.print(table)
    table = Table(title=t("switching_title", lang))
    _header(
        table, t("input", lang), t("base", lang), t("npv_switch", lang), t("closes_switch", lang)
    )
    for row in switching.to_dict(orient="records"):
        table.add_row(
            escape(input_name(row["label"], row["path"], lang)),
            _input_value(row["path"], row["base"], lang),
            _switch_text(row, "npv_social", lang),
            _switch_text(row, "closes", lang),
        )
    console.print(table)


@app.command("close-gap")
def close_gap_command(
    file: Annotated[Path, typer.Argument(help="Scenario file (TOML, docs/scenario-format.md).")],
    out: Annotated[Path, typer.Option("--out", help="Where to write the new scenario (TOML).")],
    lang: Annotated[str, LANG_OPTION] = "en",
) -> None:
    """Propose extra contributions, capped at each stakeholder's cashable benefit, that close
    the gap; write the scenario with them added to --out."""
    _check_lang(lang)
    if out.resolve() == file.resolve():
        _fail([t("gap_out_is_input", "en", out=out)])
    scenario = _load(file)
    with computing(file):
        proposal = close_the_gap(scenario)
    if not proposal.closes:
        message = t(
            "gap_cannot_close",
            lang,
            needed=fmt.money(proposal.pv_needed, lang),
            cashable=fmt.money(proposal.pv_cashable_total, lang),
            short=fmt.money(proposal.shortfall, lang),
        )
        typer.echo(message)
        raise typer.Exit(CANNOT_CLOSE)
    try:
        save_scenario(proposal.scenario, out)
    except OSError as error:
        _fail([t("gap_cannot_write", "en", out=out, reason=error.strerror or error)])
    written = t("export_written", lang, path=out)
    if proposal.contributions.empty:
        typer.echo(f"{t('gap_none', lang, file=file.name)} {written}")
        return
    table = Table(title=t("gap_title", lang, gap=fmt.money(proposal.funding_gap, lang)))
    _header(table, t("funding_line", lang), t("amount", lang))
    for row in proposal.contributions.itertuples(index=False):
        table.add_row(escape(row.name), fmt.money(row.amount, lang))
    _console().print(table)
    typer.echo(written)


import businesscase.cli.batch  # noqa: E402, F401 - registers batch, sweep, compare, combine
import businesscase.cli.export  # noqa: E402, F401 - registers `export` on the app
