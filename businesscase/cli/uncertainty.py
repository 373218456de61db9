"""The uncertainty commands: ``simulate`` (Monte Carlo), ``sensitivity`` (tornado and switching
values) and ``close-gap`` (extra contributions that close the gap), docs/uncertainty.md."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from businesscase import formatting as fmt
from businesscase.cli.common import (
    ChunkProgress,
    ExpectedValuesOption,
    LangOption,
    ScenarioFile,
    SchedulerOption,
    check_lang,
    cluster,
    computing,
    fail,
    header,
    load,
    table_console,
)
from businesscase.export import input_value
from businesscase.gap import close_the_gap
from businesscase.metrics import SIB_METRICS
from businesscase.sampling import field_range
from businesscase.scenario import Scenario, save_scenario
from businesscase.text import input_name, t
from businesscase.uncertainty import (
    records,
    risks_in_draws,
    sensitivity,
    simulate,
    switching_values,
)
from businesscase.user_text import markup, visible

CANNOT_CLOSE = 3
"""Exit status of ``close-gap`` when the cashable benefits cannot close the gap (no file)."""

_TORNADO_CHANGES = ("npv_social_low", "npv_social_high", "funding_gap_low", "funding_gap_high")
"""Tornado columns shown by ``sensitivity`` (changes from base [EUR]); headers ``tornado_<col>``
in :mod:`businesscase.text`."""


def _switch_text(row: dict[str, Any], verdict: str, lang: str) -> str:
    """A switching value, or why there is none in the search range (both for people)."""
    path = row["path"]
    if not math.isnan(row[f"{verdict}_switch"]):
        return input_value(path, row[f"{verdict}_switch"], lang)
    outcome = "holds" if row[f"{verdict}_at_base"] else "fails"
    low, high = (input_value(path, row[f"search_{end}"], lang) for end in ("low", "high"))
    return markup(t(f"no_switch_{verdict}_{outcome}", lang, low=low, high=high))


def risks_text(scenario: Scenario, events: str, lang: str) -> str:
    """Which risks the draws include, one line: ``Risks in the draws: ...``; with
    ``--expected-values`` also what that means for money and events."""
    found = risks_in_draws(scenario, events)
    items = [
        t(f"risk_{kind}", lang, count=fmt.number(count, lang, 0)) for kind, count in found.items()
    ]
    line = f"{t('risks_title', lang)}: {'; '.join(items) or '-'}"
    return line if events == "drawn" else f"{line}\n{t('risks_expected', lang)}"


def simulate_command(
    file: ScenarioFile,
    draws: Annotated[int, typer.Option(min=1, help="Number of Monte Carlo draws.")] = 10_000,
    seed: Annotated[
        int | None, typer.Option(min=0, help="Random seed: the same seed gives the same numbers.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    expected_values: ExpectedValuesOption = False,
    scheduler: SchedulerOption = None,
    lang: LangOption = "en",
) -> None:
    """Monte Carlo: how sure are the figures? Mean and P5/P50/P95 per figure, P(closes)."""
    check_lang(lang)
    scenario = load(file, lang)
    events = "expected" if expected_values else "drawn"
    with cluster(scheduler) as client, ChunkProgress(lang) as progress, computing(file, lang):
        result = simulate(
            scenario, draws, seed=seed, progress=progress, events=events, client=client
        )
    if as_json:
        typer.echo(json.dumps(result.to_json_dict(), indent=2, allow_nan=False))
    else:
        start = scenario.settings.start_year
        title = t(
            "simulate_title",
            lang,
            name=markup(scenario.settings.name),
            draws=fmt.number(draws, lang, 0),
            seed=t("no_seed", lang) if seed is None else seed,
        )
        table = Table(title=title)
        header(table, t("figures", lang), t("mean", lang), "P5", "P50", "P95", t("null", lang))
        for name, row in result.summary.iterrows():
            if row["share_null"] == 1.0 and name in SIB_METRICS:
                continue
            statistics = ("mean", "p5", "p50", "p95")
            figures = (fmt.summary(name, column, row, lang, start) for column in statistics)
            table.add_row(t(name, lang), *figures, fmt.percent(row["share_null"], lang, 0))
        console = table_console()
        console.print(table)
        typer.echo(f"{t('p_closes', lang)}: {fmt.percent(result.p_closes, lang)}")
        typer.echo(f"{t('p_sroi_above_1', lang)}: {fmt.percent(result.p_sroi_above_1, lang)}")
        typer.echo(risks_text(scenario, events, lang))
    for path, count in result.clipped.items():
        if count:
            ends = field_range(path, scenario.settings.horizon_years)
            low, high = (input_value(path, end, lang) for end in ends)
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
            typer.echo(visible(warning), err=True)


def sensitivity_command(
    file: ScenarioFile,
    as_json: Annotated[bool, typer.Option("--json", help="Print the tables as JSON.")] = False,
    lang: LangOption = "en",
) -> None:
    """Which assumption matters? The tornado table and the switching values."""
    check_lang(lang)
    scenario = load(file, lang)
    with computing(file, lang):
        tornado = sensitivity(scenario)
    if tornado.table.empty:  # nothing to vary, so no switching values to search for either
        if as_json:
            payload = tornado.to_json_dict() | {"switching_values": []}
            typer.echo(json.dumps(payload, indent=2, allow_nan=False))
        else:
            typer.echo(t("nothing_to_vary", lang))
        return
    with computing(file, lang):
        switching = switching_values(scenario)
    if as_json:
        payload = tornado.to_json_dict() | {"switching_values": records(switching)}
        typer.echo(json.dumps(payload, indent=2, allow_nan=False))
        return
    console = table_console()
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
    header(table, t("input", lang), t("low", lang), t("base", lang), t("high", lang), *changes)
    for row in tornado.table.to_dict(orient="records"):
        table.add_row(
            markup(input_name(row["label"], row["path"], lang)),
            *(input_value(row["path"], row[column], lang) for column in ("low", "base", "high")),
            *(fmt.money(row[column], lang) for column in _TORNADO_CHANGES),
        )
    console.print(table)
    table = Table(title=t("switching_title", lang))
    header(
        table, t("input", lang), t("base", lang), t("npv_switch", lang), t("closes_switch", lang)
    )
    for row in switching.to_dict(orient="records"):
        table.add_row(
            markup(input_name(row["label"], row["path"], lang)),
            input_value(row["path"], row["base"], lang),
            _switch_text(row, "npv_social", lang),
            _switch_text(row, "closes", lang),
        )
    console.print(table)


def close_gap_command(
    file: ScenarioFile,
    out: Annotated[Path, typer.Option("--out", help="Where to write the new scenario (TOML).")],
    lang: LangOption = "en",
) -> None:
    """Propose extra contributions, capped at each stakeholder's cashable benefit, that close
    the gap; write the scenario with them added to --out."""
    check_lang(lang)
    if out.resolve() == file.resolve():
        fail([t("gap_out_is_input", "en", out=out)])
    scenario = load(file, lang)
    with computing(file, lang):
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
        fail([t("gap_cannot_write", "en", out=out, reason=error.strerror or error)])
    written = t("export_written", lang, path=out)
    if proposal.contributions.empty:
        typer.echo(visible(f"{t('gap_none', lang, file=file.name)} {written}"))
        return
    table = Table(title=t("gap_title", lang, gap=fmt.money(proposal.funding_gap, lang)))
    header(table, t("funding_line", lang), t("amount", lang))
    for row in proposal.contributions.itertuples(index=False):
        table.add_row(markup(row.name), fmt.money(row.amount, lang))
    table_console().print(table)
    typer.echo(visible(written))
