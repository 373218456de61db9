"""The side-by-side commands: ``compare`` (the figures of several scenarios, the best value per
figure marked) and ``combine`` (project files into one programme package), docs/cli.md.

- ``businesscase compare FILE... [--json] [--programme NAME]``.
- ``businesscase combine FILE... --out PROGRAMME.toml [--horizon N] [--discount-rate R]``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import typer
from rich.table import Table

from businesscase import formatting as fmt
from businesscase.batch import (
    FIGURES,
    PROGRAMME_COLUMNS,
    best_per_figure,
    combine,
    compare,
    programme_comparison,
    programme_fund,
)
from businesscase.cli.common import (
    BAD_INPUT,
    LangOption,
    check_lang,
    check_out,
    fail,
    header,
    load,
    not_evaluated,
    table_console,
)
from businesscase.metrics import SIB_METRICS
from businesscase.scenario import ScenarioError, save_scenario
from businesscase.text import t
from businesscase.user_text import markup


def _shown(name: str, value: Any, lang: str, start_year: int) -> str:
    """One figure as people read it (:func:`businesscase.formatting.figure_text`); a figure
    that does not exist (None, NaN or NA of a scenario that failed) as a dash."""
    missing = value is None or pd.isna(value)
    return fmt.figure_text(name, None if missing else value, lang, start_year)


def _labels(files: list[Path]) -> list[str]:
    """Column labels for files: their stems, or their paths where two stems are equal."""
    stems = [file.stem for file in files]
    return [file.stem if stems.count(file.stem) == 1 else str(file) for file in files]


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
    check_lang(lang)
    scenarios = dict(zip(_labels(files), (load(file, lang) for file in files), strict=True))
    if programme is not None:
        if programme in scenarios:
            fail([f"--programme {programme}: is already the label of a file"])
        try:
            scenarios[programme] = combine(scenarios, programme)
        except ScenarioError as error:
            fail(error.lines(lang))
    table = compare(scenarios)
    best = best_per_figure(table)
    errors = table.attrs["errors"]
    for label, error in errors.items():
        not_evaluated(label, error, lang)
    if as_json:
        payload = {
            "scenarios": list(table.columns),
            "figures": {figure: dict(row.items()) for figure, row in table.iterrows()},
            "best": {figure: list(labels) for figure, labels in best.items()},
            "errors": errors,
        }
        typer.echo(json.dumps(payload, indent=2, allow_nan=False))
        if errors:
            raise typer.Exit(BAD_INPUT)
        return
    has_sib = any(scenario.contracts for scenario in scenarios.values())
    view = Table(title=t("compare_title", lang))
    header(view, t("figures", lang), *map(markup, table.columns))
    for figure in FIGURES:
        if figure in SIB_METRICS and not has_sib:
            continue
        cells = []
        for label, scenario in scenarios.items():
            value = table.loc[figure, label]
            text = markup(_shown(figure, value, lang, scenario.settings.start_year))
            cells.append(f"[bold green]{text} *[/bold green]" if label in best[figure] else text)
        view.add_row(markup(t(figure, lang)), *cells)
    console = table_console()
    console.print(view)
    console.print(f"[dim]{markup(t('compare_best_note', lang))}[/dim]")
    if errors:
        raise typer.Exit(BAD_INPUT)


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
    pool: Annotated[
        list[str] | None,
        typer.Option(
            "--pool",
            help="Let this project's money pay for any project (its scenario name); repeatable. "
            "Without it each project's money is earmarked for that project.",
        ),
    ] = None,
    fund: Annotated[
        float | None,
        typer.Option(
            "--fund",
            help="Add a pooled programme fund of this many euros a year (a neighbourhood fund, "
            "a municipal programme budget) [EUR a year].",
        ),
    ] = None,
    fund_from: Annotated[
        str,
        typer.Option("--fund-from", help="Stakeholder id of who gives the fund."),
    ] = "gemeente",
    fund_years: Annotated[
        int, typer.Option("--fund-years", help="Years the fund pays, from the first year.")
    ] = 1,
    lang: LangOption = "en",
) -> None:
    """Combine project files into one programme package; show each project alone and the
    package together: what each project's earmarked money covers, what it brings to the pool
    and what it needs from it."""
    check_lang(lang)
    check_out(out, files, (".toml",))
    loaded = [load(file, lang) for file in files]
    labels = [scenario.settings.name for scenario in loaded]
    duplicates = sorted({label for label in labels if labels.count(label) > 1})
    if duplicates:
        fail([t("combine_same_name", lang, name=duplicates[0])])
    projects = dict(zip(labels, loaded, strict=True))
    title = name or out.stem
    options: dict[str, Any] = {
        "horizon_years": horizon,
        "discount_rate": discount_rate,
        "pool": pool or (),
        "fund": None if fund is None else programme_fund(fund, fund_from, fund_years),
    }
    try:
        programme = combine(projects, title, **options)
        table = programme_comparison(projects, title, **options)
    except ScenarioError as error:
        fail(error.lines(lang))
    try:
        save_scenario(programme, out)
    except OSError as error:
        fail([f"--out {out}: cannot write: {error.strerror or error}"])
    start = programme.settings.start_year
    view = Table(title=t("programme_title", lang, name=markup(title)))
    header(view, t("figures", lang), *map(markup, [*_labels(files), title]))
    for column in PROGRAMME_COLUMNS[1:]:
        cells = (markup(_shown(column, value, lang, start)) for value in table[column])
        view.add_row(markup(t(column, lang)), *cells)
    console = table_console()
    console.print(view)
    console.print(f"[dim]{markup(t('combine_pool_note', lang))}[/dim]")
    console.print(t("combine_written", lang, count=len(projects), out=markup(str(out))))
