"""``businesscase export``: a scenario's Excel workbook and HTML report from the shell.

Bad input is one line per problem on stderr and exit status 2; an output path that is the input
file is refused before anything is computed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from businesscase import export
from businesscase.cli.common import (
    ChunkProgress,
    ExpectedValuesOption,
    ScenarioFile,
    check_lang,
    computing,
    fail,
    load,
    monitored,
)
from businesscase.engine import evaluate
from businesscase.text import t
from businesscase.uncertainty import risks_in_draws, sensitivity, simulate
from businesscase.user_text import visible


def export_command(
    file: ScenarioFile,
    xlsx: Annotated[
        Path | None,
        typer.Option(
            "--xlsx",
            help="Write an Excel workbook here: inputs per section, figures, yearly series, "
            "flows, stakeholders (and Monte Carlo percentiles with --draws).",
        ),
    ] = None,
    html: Annotated[
        Path | None,
        typer.Option(
            "--html",
            help="Write a self-contained HTML report here: verdict, figures, charts, tables and "
            "assumptions with sources (and Monte Carlo charts with --draws).",
        ),
    ] = None,
    lang: Annotated[str, typer.Option(help="Language of the export: nl or en.")] = "en",
    draws: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Add Monte Carlo percentiles from this many draws (scenarios with "
            "distributions only).",
        ),
    ] = None,
    seed: Annotated[
        int | None,
        typer.Option(min=0, help="Random seed of the draws: the same seed gives the same numbers."),
    ] = None,
    expected_values: ExpectedValuesOption = False,
    actuals: Annotated[
        Path | None,
        typer.Option(
            "--actuals",
            help="Add plan against actuals from this CSV file (year, line, value, note): a "
            "sheet and a report section with the reforecast (docs/monitoring.md).",
        ),
    ] = None,
) -> None:
    """Export a scenario for people who were not at the screen: an Excel workbook (--xlsx)
    and/or an HTML report (--html)."""
    check_lang(lang)
    outputs = {
        option: path for option, path in (("--xlsx", xlsx), ("--html", html)) if path is not None
    }
    if not outputs:
        fail([t("export_no_output", "en")])
    if xlsx is not None and html is not None and xlsx.resolve() == html.resolve():
        fail([t("export_same_output", "en", path=xlsx)])
    for option, path in outputs.items():
        if path.resolve() == file.resolve():
            fail([t("export_over_input", "en", option=option, path=path)])
    if seed is not None and draws is None:
        fail([t("export_seed_without_draws", "en", seed=seed)])
    scenario = load(file, lang)
    with computing(file, lang):
        result = evaluate(scenario)
    monitoring = None if actuals is None else monitored(file, scenario, actuals, lang)
    simulation = tornado = None
    if draws is not None:
        events = "expected" if expected_values else "drawn"
        if risks_in_draws(scenario, events):
            with ChunkProgress() as progress, computing(file, lang):
                simulation = simulate(scenario, draws, seed=seed, progress=progress, events=events)
                tornado = sensitivity(scenario) if html is not None else None
        else:
            warning = f"warning: {file.name}: {t('export_nothing_uncertain', 'en')}"
            typer.echo(visible(warning), err=True)
    for warning in result.warnings:
        typer.echo(visible(f"warning: {file.name}: {warning.text(lang)}"), err=True)
    for option, path in outputs.items():
        try:
            if option == "--xlsx":
                export.write_workbook(
                    scenario,
                    path,
                    result=result,
                    simulation=simulation,
                    monitoring=monitoring,
                    lang=lang,
                )
            else:
                export.write_html(
                    scenario,
                    path,
                    result=result,
                    simulation=simulation,
                    sensitivity=tornado,
                    monitoring=monitoring,
                    lang=lang,
                )
        except OSError as error:
            fail([f"{option} {path}: cannot write: {error.strerror or error}"])
        typer.echo(visible(t("export_written", lang, path=path)))
