"""The ``businesscase`` command: evaluate scenario files from the shell (SPEC section 7).

stdout carries data (a summary table, or JSON with ``--json``); errors go to stderr as one line
per problem, naming the file, the field path, the value and the rule, with exit status 2 for
bad input. No traceback reaches the user; input files are only read.
"""

from __future__ import annotations

import json
import math
import sys
import time
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
from businesscase.gap import close_the_gap
from businesscase.metrics import SIB_METRICS, STAKEHOLDER_COLUMNS, YEAR_METRICS
from businesscase.result import EvaluationResult
from businesscase.sampling import field_range
from businesscase.scenario import Scenario, ScenarioError, load_scenario, save_scenario
from businesscase.text import t
from businesscase.uncertainty import records, sensitivity, simulate, switching_values

BAD_INPUT = 2
"""Exit status for bad input (SPEC section 7)."""

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
    file: Annotated[Path, typer.Argument(help="Scenario file (TOML, SPEC section 3).")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the figures as JSON (SPEC section 5 keys).")
    ] = False,
    lang: Annotated[str, typer.Option(help="Language of the summary: nl or en.")] = "en",
) -> None:
    """Evaluate a scenario: social return, whether the plan closes, who pays and who benefits."""
    if lang not in fmt.LANGUAGES:
        _fail([f"--lang {lang!r}: must be one of {', '.join(fmt.LANGUAGES)}"])
    result = _evaluate_file(file)
    if as_json:
        typer.echo(json.dumps(result.to_json_dict(), indent=2, allow_nan=False))
    else:
        Console(highlight=False).print(*_summary(result, lang))
    for warning in result.warnings:
        typer.echo(f"warning: {file.name}: {warning}", err=True)


def _evaluate_file(file: Path) -> EvaluationResult:
    """Load and evaluate, turning bad input into exit status 2 with a clear message."""
    try:
        return evaluate(load_scenario(file))
    except ScenarioError as error:
        _fail(error.lines())
    raise AssertionError("unreachable")  # pragma: no cover - _fail always exits


def _fail(lines: list[str]) -> None:
    for line in lines:
        typer.echo(f"error: {line}", err=True)
    raise typer.Exit(BAD_INPUT)


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
    except Exception as error:  # a bug, not bad input: say so in one line, exit 1
        typer.echo(f"internal error (please report): {type(error).__name__}: {error}", err=True)
        sys.exit(1)


# --- uncertainty: simulate, sensitivity, close-gap (SPEC section 6) ------------------------

CANNOT_CLOSE = 3
"""Exit status of ``close-gap`` when the cashable benefits cannot close the gap (no file)."""

_TORNADO_CHANGES = {
    "npv_social_low": "Δ npv low",
    "npv_social_high": "Δ npv high",
    "funding_gap_low": "Δ gap low",
    "funding_gap_high": "Δ gap high",
}
"""Tornado columns shown by ``sensitivity`` with their headers."""

_SHARE_FIGURES = frozenset(
    {"closes", "social_irr", "subsidy_dependence", "largest_funder_share", "sib_investor_irr"}
)
_RATIO_FIGURES = frozenset(
    {"sroi_ratio", "net_sroi_ratio", "funder_hhi", "sib_money_multiple", "sib_breakeven_share"}
)


def _load(file: Path) -> Scenario:
    """Load a scenario, turning bad input into exit status 2 with a clear message."""
    try:
        return load_scenario(file)
    except ScenarioError as error:
        _fail(error.lines())
    raise AssertionError("unreachable")  # pragma: no cover - _fail always exits


def _figure(name: str, value: float, start_year: int) -> str:
    """One summary value of a figure, formatted by its kind (money, share, ratio, year)."""
    if math.isnan(value):
        return fmt.MISSING
    if name in _SHARE_FIGURES:
        return fmt.percent(value, "en")
    if name in _RATIO_FIGURES:
        return fmt.number(value, "en")
    if name in YEAR_METRICS:
        return fmt.number(start_year + value, "en", 1)
    return fmt.money(value, "en")


class _ChunkProgress:
    """A progress bar on stderr for long runs: only on a terminal, after the first second."""

    def __init__(self) -> None:
        self.console = Console(stderr=True)
        self.started = time.monotonic()
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if not self.console.is_terminal or time.monotonic() - self.started < 1.0:
                return
            self.bar = Progress(console=self.console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task("simulating", total=total)
        self.bar.update(self.task, completed=done)

    def __enter__(self) -> _ChunkProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command("simulate")
def simulate_command(
    file: Annotated[Path, typer.Argument(help="Scenario file (TOML, SPEC section 3).")],
    draws: Annotated[int, typer.Option(min=1, help="Number of Monte Carlo draws.")] = 10_000,
    seed: Annotated[
        int | None, typer.Option(min=0, help="Random seed: the same seed gives the same numbers.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Monte Carlo: how sure are the figures? Mean and P5/P50/P95 per figure, P(closes)."""
    scenario = _load(file)
    with _ChunkProgress() as progress:
        result = simulate(scenario, draws, seed=seed, progress=progress)
    if as_json:
        typer.echo(json.dumps(result.to_json_dict(), indent=2, allow_nan=False))
    else:
        start = scenario.settings.start_year
        table = Table(title=f"{escape(scenario.settings.name)} — {draws:,} draws, seed {seed}")
        for column in ("figure", "mean", "P5", "P50", "P95", "null"):
            table.add_column(column, justify="left" if column == "figure" else "right")
        for name, row in result.summary.iterrows():
            if row["share_null"] == 1.0 and name in SIB_METRICS:
                continue
            figures = (_figure(name, row[c], start) for c in ("mean", "p5", "p50", "p95"))
            table.add_row(name, *figures, fmt.percent(row["share_null"], "en", 0))
        console = Console(highlight=False)
        console.print(table)
        console.print(
            f"P(closes) = {fmt.percent(result.p_closes, 'en')}; "
            f"P(SROI ratio > 1) = {fmt.percent(result.p_sroi_above_1, 'en')}"
        )
    for path, count in result.clipped.items():
        if count:
            low, high = field_range(path)
            typer.echo(
                f"warning: {file.name}: {path}: {count:,} of {draws:,} draws outside "
                f"[{low:g}, {high:g}] were clipped",
                err=True,
            )


@app.command("sensitivity")
def sensitivity_command(
    file: Annotated[Path, typer.Argument(help="Scenario file (TOML, SPEC section 3).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the tables as JSON.")] = False,
) -> None:
    """Which assumption matters? The tornado table and the switching values."""
    scenario = _load(file)
    tornado = sensitivity(scenario)
    switching = switching_values(scenario)
    if as_json:
        payload = tornado.to_json_dict() | {"switching_values": records(switching)}
        typer.echo(json.dumps(payload, indent=2, allow_nan=False))
        return
    console = Console(highlight=False)
    if tornado.table.empty:
        console.print("No input is written as a distribution: nothing to vary.")
        return
    base = tornado.base
    table = Table(
        title=f"Tornado: npv_social {fmt.money(base['npv_social'], 'en')}, "
        f"funding_gap {fmt.money(base['funding_gap'], 'en')} at base"
    )
    for column in ("input", "low", "base", "high", *_TORNADO_CHANGES.values()):
        table.add_column(column, justify="left" if column == "input" else "right")
    for row in tornado.table.to_dict(orient="records"):
        table.add_row(
            escape(row["label"]),
            *(f"{row[column]:,.6g}" for column in ("low", "base", "high")),
            *(fmt.money(row[column], "en") for column in _TORNADO_CHANGES),
        )
    console.print(table)
    table = Table(title="Switching values (one input at a time, the others at base)")
    for column in ("input", "base", "npv_social crosses 0 at", "closes flips at"):
        table.add_column(column, justify="left" if column == "input" else "right")
    for row in switching.itertuples(index=False):
        table.add_row(
            escape(row.label),
            f"{row.base:,.6g}",
            escape(row.npv_social_note) if row.npv_social_note else f"{row.npv_social_switch:,.6g}",
            escape(row.closes_note) if row.closes_note else f"{row.closes_switch:,.6g}",
        )
    console.print(table)


@app.command("close-gap")
def close_gap_command(
    file: Annotated[Path, typer.Argument(help="Scenario file (TOML, SPEC section 3).")],
    out: Annotated[Path, typer.Option("--out", help="Where to write the new scenario (TOML).")],
) -> None:
    """Propose extra contributions, capped at each stakeholder's cashable benefit, that close
    the gap; write the scenario with them added to --out."""
    if out.resolve() == file.resolve():
        _fail([f"--out {out}: is the input file; write the proposal to another file"])
    proposal = close_the_gap(_load(file))
    console = Console(highlight=False)
    if not proposal.closes:
        console.print(
            f"The cashable benefits cannot close the gap: the top-ups needed are worth "
            f"{fmt.money(proposal.pv_needed, 'en')} (PV), the stakeholders' cashable benefits "
            f"{fmt.money(proposal.pv_cashable_total, 'en')}; short by "
            f"{fmt.money(proposal.shortfall, 'en')} (PV). No file written."
        )
        raise typer.Exit(CANNOT_CLOSE)
    try:
        save_scenario(proposal.scenario, out)
    except OSError as error:
        _fail([f"--out {out}: cannot write: {error.strerror or error}"])
    if proposal.contributions.empty:
        console.print(f"{escape(file.name)} has no funding gap: nothing to add. Written to {out}.")
        return
    table = Table(
        title=f"Extra contributions that close a gap of {fmt.money(proposal.funding_gap, 'en')}"
    )
    for column in ("funding line", "amount"):
        table.add_column(column, justify="left" if column == "funding line" else "right")
    for row in proposal.contributions.itertuples(index=False):
        table.add_row(escape(row.name), fmt.money(row.amount, "en"))
    console.print(table)
    console.print(f"Written to {out}.")


from businesscase import cli_export  # noqa: E402, F401 - registers `export` on the app
