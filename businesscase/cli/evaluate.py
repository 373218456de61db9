"""``businesscase evaluate``: one scenario's figures, its closing verdict and who pays and who
benefits, as a table for people or as JSON (docs/cli.md, docs/figures.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import typer
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from businesscase import formatting as fmt
from businesscase.cli.common import ScenarioFile, check_lang, computing, header, load
from businesscase.distributions import base_value
from businesscase.engine import evaluate
from businesscase.export import (
    contract_changes,
    contracts_in_words,
    discount_note,
    payers_in_words,
    projects_in_words,
    verdict,
    views_in_words,
)
from businesscase.metrics import STAKEHOLDER_COLUMNS
from businesscase.result import EvaluationResult
from businesscase.text import t
from businesscase.user_text import markup, visible


def evaluate_command(
    file: ScenarioFile,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the figures as JSON (docs/figures.md keys).")
    ] = False,
    lang: Annotated[str, typer.Option(help="Language of the summary: nl or en.")] = "en",
) -> None:
    """Evaluate a scenario: social return, whether the plan closes, who pays and who benefits."""
    check_lang(lang)
    result = _evaluate_file(file, lang)
    if as_json:
        typer.echo(json.dumps(result.to_json_dict(), indent=2, allow_nan=False))
    else:
        Console(highlight=False).print(*_summary(result, lang), sep="\n")
    for warning in result.warnings:
        typer.echo(visible(f"warning: {file.name}: {warning.text(lang)}"), err=True)


def _evaluate_file(file: Path, lang: str) -> EvaluationResult:
    """Load and evaluate, turning bad input into exit status 2 with a clear message in ``lang``."""
    scenario = load(file, lang)
    with computing(file, lang):
        return evaluate(scenario)
    raise AssertionError("unreachable")  # pragma: no cover - computing exits on an error


HONEST_FIGURES: tuple[str, ...] = ("pv_harms", "pv_in_kind", "pv_residual_value", "pv_transfers")
"""Figures of honest value (docs/methodology.md) the summary lists only when they are not zero."""


def _summary(result: EvaluationResult, lang: str) -> list[Any]:
    """Rich renderables: headline figures (the honest-value figures and the public money share
    only where the case has them, each then said in words, with the current-euros note when
    prices rise), the closing verdict and the stakeholder table."""
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

    honest = [name for name in HONEST_FIGURES if m[name] != 0.0]
    public = m["public_dependence"] is not None
    by_type = " / ".join(
        money(m[f"pv_benefits_{kind}"]) for kind in ("fiscal", "economic", "social")
    )
    rows = [
        ("pv_costs", money(m["pv_costs"])),
        ("pv_benefits", money(m["pv_benefits"])),
        ("pv_benefits_by_type", by_type),
        *((name, money(m[name])) for name in honest),
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
        *([("public_dependence", share(m["public_dependence"]))] if public else []),
        ("largest_funder_share", share(m["largest_funder_share"])),
        ("funder_hhi", ratio(m["funder_hhi"])),
        ("subsidy_cliff_year", when(m["subsidy_cliff_year"])),
        ("value_capture", f"{money(m['value_capture_total'])} / {money(m['value_capture_pv'])}"),
        ("loan_outstanding_at_horizon", money(m["loan_outstanding_at_horizon"])),
    ]
    if result.scenario.contracts:
        rows += [
            ("sib_total_payments", money(m["sib_total_payments"])),
            ("sib_investor_irr", share(m["sib_investor_irr"])),
            ("sib_money_multiple", ratio(m["sib_money_multiple"])),
            ("sib_payer_net_pv", money(m["sib_payer_net_pv"])),
            ("sib_breakeven_share", share(m["sib_breakeven_share"])),
            ("sib_payments_beyond_horizon", money(m["sib_payments_beyond_horizon"])),
            ("sib_guarantee_payments", money(m["sib_guarantee_payments"])),
            ("sib_trimmed_by_return_cap", money(m["sib_trimmed_by_return_cap"])),
        ]
    period = f"{start}–{start + settings.horizon_years - 1}"
    figures = Table(title=f"{markup(settings.name)} — {period}")
    header(figures, t("figures", lang), t("value", lang))
    for key, value in rows:
        figures.add_row(t(key, lang), value)

    explained = honest + (["public_dependence"] if public else [])
    meaning = [f"{t(name, lang)}: {t(f'explain_{name}', lang)}." for name in explained]
    inflation = base_value(settings.inflation)
    if inflation != 0.0:
        meaning.append(
            t("cash_in_current_euros", lang, inflation=share(inflation), start=settings.start_year)
        )
    meanings = Group(*(Text(line, style="dim") for line in meaning))

    colour = "green" if m["closes"] else "red"
    closing = f"[{colour}]{markup(verdict(result, lang))}[/{colour}]"

    holders = Table(title=t("who_pays_who_benefits", lang))
    header(holders, t("stakeholder", lang), *(t(column, lang) for column in STAKEHOLDER_COLUMNS))
    for row in result.stakeholders.to_dict(orient="records"):
        holders.add_row(
            markup(row["name"]), *(money(row[column]) for column in STAKEHOLDER_COLUMNS)
        )

    note = f"[dim]{markup(discount_note(result, lang))}[/dim]"
    parts = [figures, *([meanings] if meaning else []), closing, holders]
    views = views_in_words(result, lang)
    views.columns = [t(column, lang) for column in views.columns]
    parts.append(_side_by_side(views, "views_title", "views_line", lang))
    transfers = money(m["pv_transfers"])
    parts.append(f"[dim]{markup(t('views_note', lang, transfers=transfers))}[/dim]")
    if not result.sib_contracts.empty:
        words = contracts_in_words(result, lang)
        parts.append(_side_by_side(words, "sib_contracts", "contract_name", lang))
        parts += _payers(result, lang)
    if not result.projects.empty:
        words = projects_in_words(result, lang)
        parts.append(_side_by_side(words, "projects_table", "project_name", lang))
        parts.append(f"[dim]{markup(t('projects_note', lang))}[/dim]")
    return [*parts, note]


def _payers(result: EvaluationResult, lang: str) -> list:
    """The contracts from the payers' side, a table per contract with a row per payer; what
    the table means; what a return cap or a guarantee changed."""
    words = payers_in_words(result, lang)
    parts: list[Any] = []
    for contract, rows in words.groupby("payers_contract", sort=False):
        table = Table(title=f"{t('sib_payers', lang)}: {markup(contract)}")
        shown = rows.drop(columns="payers_contract")
        header(table, *(t(column, lang) for column in shown.columns))
        for row in shown.itertuples(index=False, name=None):
            table.add_row(*map(markup, row))
        parts.append(table)
    caption = t("sib_payers_caption", lang, start=result.scenario.settings.start_year)
    changes = [markup(line) for line in contract_changes(result, lang)]
    return [*parts, f"[dim]{markup(caption)}[/dim]", *changes]


def _side_by_side(words: pd.DataFrame, title: str, first: str, lang: str) -> Table:
    """A table in words (one row per figure, one column per contract or project) for the
    terminal: the contracts' investor side, or each project on its own money and the pool."""
    table = Table(title=t(title, lang))
    header(table, t(first, lang), *map(markup, words.columns))
    for key, values in zip(words.index, words.values, strict=True):
        table.add_row(t(key, lang), *map(markup, values))
    return table
