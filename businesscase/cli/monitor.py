"""``businesscase monitor``: a plan against its actuals, the reforecast's verdict, the
largest variances first and the reports still missing (docs/cli.md, docs/monitoring.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from businesscase import formatting as fmt
from businesscase.cli.common import (
    LangOption,
    ScenarioFile,
    check_lang,
    header,
    load,
    monitored,
)
from businesscase.export import MONITOR_FIGURES
from businesscase.monitoring import MonitorResult, amount_text, verdict
from businesscase.text import t
from businesscase.user_text import markup, visible

SHOWN_ROWS = 15
"""Most variance rows the summary shows; ``--json`` lists them all."""

NAME_WIDTH = 20
"""Least width of the line names in the variance table [characters]."""

FIGURES = MONITOR_FIGURES
"""The figures the summary puts side by side, plan and reforecast: those of the workbook and
the app."""


def monitor_command(
    plan: ScenarioFile,
    actuals: Annotated[
        Path, typer.Argument(help="Actuals (CSV: year, line, value, note; docs/monitoring.md).")
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print plan, reforecast, variance and missing as JSON.")
    ] = False,
    lang: LangOption = "en",
) -> None:
    """Plan against actuals: is the reforecast still sluitend, and what changed most?"""
    check_lang(lang)
    scenario = load(plan, lang)
    result = monitored(plan, scenario, actuals, lang)
    if as_json:
        typer.echo(json.dumps(result.to_json_dict(), indent=2, allow_nan=False))
    else:
        Console(highlight=False).print(*_summary(result, lang), sep="\n")


def _summary(result: MonitorResult, lang: str) -> list[Any]:
    """Rich renderables: the figures side by side, the verdict, the variance, the missing."""
    settings = result.planned.scenario.settings
    start = settings.start_year
    last = result.last_year if result.last_year is not None else "–"
    figures = Table(title=t("monitor_title", lang, name=markup(settings.name), last=last))
    header(figures, t("figures", lang), t("monitor_plan", lang), t("monitor_reforecast", lang))
    for name in FIGURES:
        figures.add_row(
            t(name, lang),
            fmt.figure_text(name, result.planned.metrics[name], lang, start),
            fmt.figure_text(name, result.reforecast.metrics[name], lang, start),
        )
    colour = "green" if result.reforecast.metrics["closes"] else "red"
    parts: list[Any] = [figures, f"[{colour}]{markup(verdict(result, lang))}[/{colour}]"]

    ranked = result.ranked()
    if len(ranked):
        variance = Table(title=t("monitor_variance_title", lang))
        header(
            variance,
            t("monitor_line", lang),
            t("monitor_year", lang),
            t("monitor_planned", lang),
            t("monitor_actual", lang),
            t("monitor_difference", lang),
            t("monitor_share", lang),
        )
        variance.columns[0].min_width = NAME_WIDTH
        for row in ranked.head(SHOWN_ROWS).to_dict(orient="records"):
            share = row["difference_share"]
            variance.add_row(
                markup(row["name"]),
                str(row["year"]),
                amount_text(row["planned"], row["section"], lang),
                amount_text(row["actual"], row["section"], lang),
                amount_text(row["difference"], row["section"], lang),
                fmt.percent(None if share != share else share, lang),
            )
        parts.append(variance)
        if len(ranked) > SHOWN_ROWS:
            parts.append(t("monitor_more_rows", lang, count=len(ranked) - SHOWN_ROWS))
    if result.last_year is not None:
        if len(result.missing):
            parts.append(t("monitor_missing_title", lang))
            parts += [
                f"  {row['year']} {markup(row['name'])} ({row['line']})"
                for row in result.missing.to_dict(orient="records")
            ]
        else:
            parts.append(t("monitor_none_missing", lang, last=result.last_year))
    return [visible(part) if isinstance(part, str) else part for part in parts]
