"""Plotly figures of a business case, shared by the Streamlit app and the HTML report.

Pure functions: each takes an engine result and reshapes its tables into a
:class:`plotly.graph_objects.Figure`; no figure is computed here. Words come from
:mod:`businesscase.text`, numbers are shown the Dutch (``€ 1.234.567``) or English
(``€1,234,567``) way through plotly's ``separators`` and d3 formats.

Every name that comes from a scenario (stakeholders, lines, scenario names, inputs) is passed
through :func:`label`: plotly renders a subset of HTML in labels and hover text, so a name such
as ``<b>x</b>`` or ``<script>`` must come out as text, never as markup.

Every figure carries :data:`TEMPLATE` explicitly, so no caller's plotly default (Streamlit sets
its own, whose colours are placeholders its web page fills in) reaches a chart or a report, and
every stakeholder keeps one colour, :func:`stakeholder_colours`, in every chart.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.subplots import make_subplots

from businesscase import formatting as fmt
from businesscase.actuals import COUNTED
from businesscase.monitoring import MonitorResult
from businesscase.result import EvaluationResult
from businesscase.scenario import Scenario
from businesscase.text import input_name, t
from businesscase.uncertainty import SensitivityResult, SimulationResult
from businesscase.vocabulary import CLOSE_TOLERANCE, VALUE_TYPES

SEPARATORS = {"nl": ",.", "en": ".,"}
"""Plotly ``layout.separators`` per language: decimal mark, then thousands separator."""

MONEY_PREFIX = {"nl": "€ ", "en": "€"}
"""Currency prefix of amounts per language, as :func:`businesscase.formatting.money` writes it."""

SHORT_COLOUR = "#d62728"
"""Bars of years short of cash (red)."""

BALANCE_COLOUR = "#2a7ab0"
"""Bars of years with enough cash."""

VALUE_TYPE_COLOURS = {"fiscal": "#2a7ab0", "economic": "#f0a202", "social": "#3a9d5d"}
"""One colour per value type, the same in every chart."""

BAND_COLOURS = {"outer": "rgba(42, 122, 176, 0.18)", "inner": "rgba(42, 122, 176, 0.38)"}
"""Fill of the P5-P95 and P25-P75 bands of the fan chart."""

LEGEND = {"orientation": "h", "yanchor": "top", "y": -0.25, "x": 0.0, "traceorder": "normal"}
"""Legends below the plot, left-aligned, in the order the traces were added."""

TOP_LEGEND = {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0.0, "traceorder": "normal"}
"""A legend above the plot, for charts whose height follows their rows (the tornado)."""

STAKEHOLDER_PALETTE = (
    "#2a7ab0",
    "#f0a202",
    "#3a9d5d",
    "#7b4fa0",
    "#8c564b",
    "#17a2b8",
    "#e377c2",
    "#6b8e23",
    "#1f3a5f",
    "#b8860b",
    "#9ecae1",
    "#5254a3",
    "#98df8a",
    "#c5b0d5",
    "#c49c94",
    "#17becf",
    "#bcbd22",
    "#393b79",
    "#ffbb78",
    "#637939",
)
"""Colours of stakeholders, in the order the scenario lists them (then round again): twenty,
so a programme of four projects keeps them apart; no red, which marks a shortfall, and no
grey, the project's own colour."""

PROJECT_COLOUR = "#7f7f7f"
"""The project's own node in the Sankey diagram."""

TEMPLATE = go.layout.Template(pio.templates["plotly_white"])
"""plotly's own light template with our colours, set on every figure: whatever template a
caller's process makes the default (a running Streamlit app makes its own, whose colours are
placeholders ``#000001``...), a figure looks the same in the app, the report and a file."""
TEMPLATE.layout.colorway = STAKEHOLDER_PALETTE
TEMPLATE.layout.xaxis.automargin = True
TEMPLATE.layout.yaxis.automargin = True

MONEY_TICKS = ",.2~f"
"""d3 format of amounts on an axis: thousands grouped, at most two decimals, none when round
(``€ 1.500.000``, ``€ 0,5``): a small range never repeats one tick (``€ 1, € 1, € 0``)."""


def label(text: str) -> str:
    """A name from a scenario as plain text in a chart: ``<``, ``>`` and ``&`` escaped, quotes
    kept (plotly shows ``&quot;`` literally, it knows no such entity).

    >>> label('Buurt "Samen" <b>')
    'Buurt "Samen" &lt;b&gt;'
    """
    return escape(text, quote=False)


def stakeholder_colours(scenario: Scenario) -> dict[str, str]:
    """One colour per stakeholder id, in the order the scenario lists its stakeholders.

    The same map colours the financing bars, the benefits, the Sankey diagram, the SIB view
    and the workbook's stakeholder sheet, so a stakeholder looks the same everywhere.

    >>> from businesscase.examples import load_example
    >>> list(stakeholder_colours(load_example("west_practice")).items())[:2]
    [('gemeente', '#2a7ab0'), ('bewoners', '#f0a202')]
    """
    return {
        holder.id: STAKEHOLDER_PALETTE[index % len(STAKEHOLDER_PALETTE)]
        for index, holder in enumerate(scenario.stakeholders)
    }


def _faded(colour: str, opacity: float = 0.45) -> str:
    """A ``#rrggbb`` colour as ``rgba(r, g, b, opacity)``."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {opacity})"


# --- shared pieces ---------------------------------------------------------------------------


def _money(lang: str, value: str = "y") -> str:
    """A hover format for an amount, e.g. ``€ %{y:,.0f}`` (whole euros)."""
    return f"{MONEY_PREFIX[lang]}%{{{value}:,.0f}}"


def _hover(lang: str, head: str = "%{fullData.name}", where: str = "x", value: str = "y") -> str:
    """Hover text ``<head><br><where>: <amount>``, e.g. the trace name, the year and euros."""
    return f"{head}<br>%{{{where}}}: {_money(lang, value)}<extra></extra>"


def _figure(lang: str, title: str) -> go.Figure:
    """An empty figure with our template, the language's number separators and a title.

    TEMPLATE was checked once, where it is built; it is set here unchecked, the way plotly sets
    its default template on a new figure (checking it again took about 50 ms a chart).
    """
    figure = go.Figure()
    figure.layout._validate = False
    figure.layout.template = TEMPLATE
    figure.layout._validate = True
    figure.update_layout(
        title={"text": title},
        separators=SEPARATORS[lang],
        legend=LEGEND,
        margin={"t": 60, "l": 10, "r": 10, "b": 10},
    )
    return figure


def _line_across(
    figure: go.Figure, *, x: float | None = None, y: float | None = None, **line: str | float
) -> None:
    """A straight line across the plot at ``x`` (vertical) or ``y`` (horizontal).

    The shape plotly's ``add_vline`` and ``add_hline`` draw on a figure without subplots, added
    directly: those search the figure's subplots first (about 50 ms a line).
    """
    if x is not None:
        where = {"x0": x, "x1": x, "xref": "x", "y0": 0, "y1": 1, "yref": "y domain"}
    else:
        where = {"x0": 0, "x1": 1, "xref": "x domain", "y0": y, "y1": y, "yref": "y"}
    figure.add_shape(type="line", line=line, **where)


def _money_axis(figure: go.Figure, lang: str, axis: str = "y", **where: int) -> None:
    """Format an axis as whole euros with the language's currency prefix."""
    update = figure.update_yaxes if axis == "y" else figure.update_xaxes
    update(
        tickprefix=MONEY_PREFIX[lang],
        tickformat=MONEY_TICKS,
        separatethousands=True,
        automargin=True,  # room for the widest label: never clipped to "00"
        **where,
    )


def _year_axis(figure: go.Figure, lang: str, **where: int) -> None:
    """Calendar years on the x axis, without a thousands separator (2027, not 2.027)."""
    figure.update_xaxes(
        title_text=t("chart_year", lang), tickformat="d", dtick=1, automargin=True, **where
    )


def _names(result: EvaluationResult) -> dict[str, str]:
    """Stakeholder id -> escaped display name."""
    holders = result.stakeholders
    return {key: label(name) for key, name in zip(holders["id"], holders["name"], strict=True)}


def _empty(figure: go.Figure, sentence: str) -> go.Figure:
    """The figure without axes, saying in one sentence why there is nothing to draw."""
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    figure.update_layout(height=220, showlegend=False)
    figure.add_annotation(
        text=sentence,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 15},
    )
    return figure


def _by_year(flows: pd.DataFrame, years: pd.Series, by: str, value: str = "amount") -> pd.DataFrame:
    """Sum ``value`` of flows per year (rows, every year of ``years``) and ``by`` (columns)."""
    table = flows.pivot_table(index="year", columns=by, values=value, aggfunc="sum", sort=True)
    return table.reindex(years.to_numpy(), fill_value=0.0).fillna(0.0)


# --- one scenario ----------------------------------------------------------------------------


def financing_by_year(result: EvaluationResult, lang: str) -> go.Figure:
    """Yearly costs against the financing that covers them, stacked by who brings it.

    One stacked bar per funder (funding including loan payouts, value capture, SIB capital:
    the ``financing`` rows of ``result.flows``), the costs as a line, and the costs plus loan
    repayments as a dashed line when the scenario has loans.

    Parameters
    ----------
    result : EvaluationResult
        The evaluated scenario.
    lang : {"nl", "en"}
        Language of labels and number formats.

    Returns
    -------
    plotly.graph_objects.Figure
        Bars sum per year to ``result.yearly.inflows`` [EUR, undiscounted, constant prices].
    """
    figure = _figure(lang, t("chart_financing_title", lang))
    yearly = result.yearly
    names = _names(result)
    colours = stakeholder_colours(result.scenario)
    financing = result.flows[result.flows["flow"] == "financing"]
    table = _by_year(financing, yearly["year"], "stakeholder")
    if table.empty and not (yearly["outflows"] > 0).any():
        return _empty(figure, t("chart_empty_financing", lang))
    hover = _hover(lang)
    for holder in table.columns:
        figure.add_bar(
            x=table.index,
            y=table[holder].to_numpy(),
            name=names.get(holder, label(holder)),
            marker_color=colours.get(holder, PROJECT_COLOUR),
            hovertemplate=hover,
        )
    figure.add_scatter(
        x=yearly["year"],
        y=yearly["costs"],
        name=t("chart_costs", lang),
        mode="lines+markers",
        line={"color": "black"},
        hovertemplate=hover,
    )
    if (yearly["loan_repayments"] > 0).any():
        figure.add_scatter(
            x=yearly["year"],
            y=yearly["outflows"],
            name=t("chart_outflows", lang),
            mode="lines",
            line={"color": "black", "dash": "dash"},
            hovertemplate=hover,
        )
    # one legend line per funder below the plot: grow so the bars keep their height
    figure.update_layout(barmode="stack", height=420 + 22 * len(table.columns))
    _year_axis(figure, lang)
    _money_axis(figure, lang)
    return figure


def cash_balance(result: EvaluationResult, lang: str) -> go.Figure:
    """The cumulative cash balance at the end of each year, years short of cash in red.

    A year is short when its balance is below ``-CLOSE_TOLERANCE`` (docs/figures.md, ``closes``).

    Returns
    -------
    plotly.graph_objects.Figure
        One bar trace with ``y`` equal to ``result.yearly.cash_balance`` [EUR, undiscounted].
    """
    figure = _figure(lang, t("chart_cash_title", lang))
    yearly = result.yearly
    if not (yearly["inflows"] > 0).any() and not (yearly["outflows"] > 0).any():
        return _empty(figure, t("chart_empty_cash", lang))
    short = yearly["cash_balance"].to_numpy() < -CLOSE_TOLERANCE
    verdict = np.where(short, t("chart_short", lang), t("chart_enough", lang))
    figure.add_bar(
        x=yearly["year"],
        y=yearly["cash_balance"],
        name=t("chart_cash_balance", lang),
        marker_color=np.where(short, SHORT_COLOUR, BALANCE_COLOUR).tolist(),
        customdata=verdict,
        hovertemplate=f"%{{x}}: {_money(lang)}<br>%{{customdata}}<extra></extra>",
    )
    _line_across(figure, y=0.0, color="black", width=1)
    _year_axis(figure, lang)
    _money_axis(figure, lang)
    return figure


def pool_over_years(pool: pd.DataFrame, names: Mapping[str, str], lang: str) -> go.Figure:
    """A programme's pooled money over the years: what each part brought to the pool (bars up),
    what each part needs from it (bars down) and the free pooled cash ``b(t)`` (the line).

    Parameters
    ----------
    pool : pandas.DataFrame
        :func:`businesscase.projects.pool_by_year`'s table.
    names : mapping of str to str
        Part id -> name to show (the programme's own part included).
    lang : {"nl", "en"}
        Language of labels and number formats.

    Returns
    -------
    plotly.graph_objects.Figure
        Per part with money in the pool a bar trace of ``brought``, per part with a need a bar
        trace of ``-drawn``, and a line whose ``y`` is the sum of ``net`` per year, the
        programme's cash balance [EUR, current euros, cumulative].
    """
    figure = _figure(lang, t("chart_pool_title", lang))
    parts = list(dict.fromkeys(pool["part"]))
    colours = {
        part: PROJECT_COLOUR if part == "" else STAKEHOLDER_PALETTE[n % len(STAKEHOLDER_PALETTE)]
        for n, part in enumerate(parts)
    }
    hover = _hover(lang)
    for column, sign, key in (
        ("brought", 1.0, "chart_pool_brought"),
        ("drawn", -1.0, "chart_pool_drawn"),
    ):
        for part in parts:
            rows = pool[pool["part"] == part]
            if not (rows[column] > CLOSE_TOLERANCE).any():
                continue
            colour = colours[part] if sign > 0 else _faded(colours[part])
            figure.add_bar(
                x=rows["year"],
                y=sign * rows[column].to_numpy(),
                name=t(key, lang, part=label(names.get(part, part))),
                marker_color=colour,
                hovertemplate=hover,
            )
    free = pool.groupby("year", sort=True)["net"].sum()
    short = free.to_numpy() < -CLOSE_TOLERANCE
    figure.add_scatter(
        x=free.index,
        y=free.to_numpy(),
        name=t("chart_pool_free", lang),
        mode="lines+markers",
        line={"color": "black"},
        marker={"color": np.where(short, SHORT_COLOUR, "black").tolist(), "size": 8},
        hovertemplate=hover,
    )
    figure.add_hline(y=0.0, line_color="black", line_width=1)
    figure.update_layout(barmode="relative", height=440 + 22 * len(figure.data))
    _year_axis(figure, lang)
    _money_axis(figure, lang)
    return figure


def benefits_by_stakeholder(result: EvaluationResult, lang: str) -> go.Figure:
    """Each stakeholder's PV benefit, split into its cashable and non-cashable part.

    Stakeholders without any benefit are left out. Each bar has its stakeholder's colour
    (:func:`stakeholder_colours`); the part that is not cashable is paler and hatched.

    Returns
    -------
    plotly.graph_objects.Figure
        Two stacked horizontal bar traces (cashable, not cashable) summing per stakeholder to
        ``result.stakeholders.pv_benefit`` [EUR, PV at start_year].
    """
    figure = _figure(lang, t("chart_benefits_stakeholder_title", lang))
    holders = result.stakeholders[result.stakeholders["pv_benefit"] > 0.0]
    if holders.empty:
        return _empty(figure, t("chart_empty_benefits", lang))
    names = [label(name) for name in holders["name"]]
    colours = [stakeholder_colours(result.scenario)[holder] for holder in holders["id"]]
    cashable = holders["pv_cashable_benefit"].to_numpy()
    parts = (
        (t("pv_cashable_benefit", lang), cashable, colours, ""),
        (
            t("chart_not_cashable", lang),
            holders["pv_benefit"].to_numpy() - cashable,
            [_faded(colour) for colour in colours],
            "/",
        ),
    )
    for name, values, bar_colours, pattern in parts:
        figure.add_bar(
            y=names,
            x=values,
            name=name,
            orientation="h",
            marker={"color": bar_colours, "pattern": {"shape": pattern}},
            hovertemplate=_hover(lang, "%{y}", "fullData.name", "x"),
        )
    figure.update_layout(barmode="stack")
    figure.update_yaxes(autorange="reversed")
    _money_axis(figure, lang, axis="x")
    return figure


def benefits_by_value_type(result: EvaluationResult, lang: str) -> go.Figure:
    """Benefits per year, stacked by value type (fiscal, economic, social).

    Returns
    -------
    plotly.graph_objects.Figure
        One bar trace per value type with ``y`` equal to ``result.yearly.benefits_<type>``
        [EUR, undiscounted]; the legend names each type with its PV.
    """
    figure = _figure(lang, t("chart_value_type_title", lang))
    yearly = result.yearly
    if not (yearly["benefits"] != 0).any():
        return _empty(figure, t("chart_empty_benefits", lang))
    for kind in VALUE_TYPES:
        pv = fmt.money(result.metrics[f"pv_benefits_{kind}"], lang)
        figure.add_bar(
            x=yearly["year"],
            y=yearly[f"benefits_{kind}"],
            name=t("chart_value_type_pv", lang, type=t(f"value_type_{kind}", lang), pv=pv),
            marker_color=VALUE_TYPE_COLOURS[kind],
            hovertemplate=_hover(lang),
        )
    figure.update_layout(barmode="stack")
    _year_axis(figure, lang)
    _money_axis(figure, lang)
    return figure


def who_pays_who_benefits(result: EvaluationResult, lang: str) -> go.Figure:
    """Sankey of the money and value around the project, in PV.

    Left, the payers: funders, value-capture payers and the SIB investor (link to the
    project: the PV of what they bring in) and the SIB outcome payer. Right, who gains: every
    stakeholder with a benefit (link from the project: its PV benefit), lenders receiving
    repayments and the SIB investor receiving outcome payments (from the outcome payer).
    A stakeholder that both pays and gains has a node on each side; both nodes, and the links
    between a stakeholder and the project, have its colour (:func:`stakeholder_colours`).

    Returns
    -------
    plotly.graph_objects.Figure
        One sankey trace. Financing links into the project sum to ``pv_financing`` and
        in-kind links to ``pv_in_kind``; benefit links (each stakeholder's ``pv_benefit``, which
        keeps the transfers) to ``pv_benefits + pv_transfers`` when no stakeholder's benefit
        is negative [EUR, PV at start_year].
    """
    names = _names(result)
    palette = stakeholder_colours(result.scenario)
    flows = result.flows
    labels = [t("chart_project", lang)]
    colours = [PROJECT_COLOUR]
    nodes: dict[tuple[str, str], int] = {}

    def node(side: str, holder: str) -> int:
        if (side, holder) not in nodes:
            nodes[side, holder] = len(labels)
            labels.append(names.get(holder, label(holder)))
            colours.append(palette.get(holder, PROJECT_COLOUR))
        return nodes[side, holder]

    links: list[tuple[int, int, float, str]] = []
    paid = flows[flows["flow"] == "financing"].groupby("stakeholder", sort=False)["pv"].sum()
    links += [(node("pays", h), 0, pv, t("chart_link_financing", lang)) for h, pv in paid.items()]
    given = flows[flows["flow"] == "in_kind"].groupby("stakeholder", sort=False)["pv"].sum()
    links += [(node("pays", h), 0, pv, t("chart_link_in_kind", lang)) for h, pv in given.items()]
    benefit = result.stakeholders.set_index("id")["pv_benefit"]
    links += [
        (0, node("gains", h), pv, t("chart_link_benefit", lang))
        for h, pv in benefit.items()
        if pv > 0.0
    ]
    repaid = flows[flows["flow"] == "repayment"].groupby("stakeholder", sort=False)["pv"].sum()
    links += [
        (0, node("gains", h), pv, t("chart_link_repayment", lang)) for h, pv in repaid.items()
    ]
    outcome = flows[flows["flow"] == "outcome_payment"]
    payments = outcome.groupby(["stakeholder", "counterparty"], sort=False)["pv"].sum()
    links += [
        (node("pays", payer), node("gains", investor), pv, t("chart_link_outcome_payment", lang))
        for (payer, investor), pv in payments.items()
    ]
    figure = _figure(lang, t("who_pays_who_benefits", lang))
    if not links:
        return _empty(figure, t("chart_empty_sankey", lang))
    source, target, value, kind = zip(*links, strict=True)
    # a link has the colour of its stakeholder: the payer's going in, the gainer's going out
    link_colours = [_faded(colours[s if s else t_], 0.4) for s, t_, *_ in links]
    figure.add_trace(
        go.Sankey(
            arrangement="snap",
            valueformat=",.0f",
            node={
                "label": labels,
                "color": colours,
                "pad": 18,
                "thickness": 16,
                "hovertemplate": f"%{{label}}: {_money(lang, 'value')}<extra></extra>",
            },
            link={
                "source": list(source),
                "target": list(target),
                "value": list(value),
                "label": list(kind),
                "color": link_colours,
                "hovertemplate": "%{source.label} → %{target.label}<br>"
                f"%{{label}}: {_money(lang, 'value')}<extra></extra>",
            },
        )
    )
    return figure


def sib_view(result: EvaluationResult, lang: str) -> go.Figure | None:
    """The outcome contracts from both sides; None for a scenario without contracts.

    Left, the investors: capital drawn (negative), outcome payments and guarantee payments
    received and the cumulative net cash. Right, the payers: their payments per year against
    the cashable value for each payer of the outcome lines it pays for (docs/figures.md,
    ``sib_payer_net_pv``). Capital has the investor's colour, payments the payer's, the
    payer's value the payer's colour paler and hatched.

    Returns
    -------
    plotly.graph_objects.Figure or None
        Capital bars sum to minus the SIB capital, payment bars to ``sib_total_payments``
        [EUR, undiscounted].
    """
    contracts = result.scenario.contracts
    if not contracts:
        return None
    names = _names(result)
    palette = stakeholder_colours(result.scenario)
    investors = list(dict.fromkeys(bond.investor for bond in contracts))
    paid_for: dict[str, set[str]] = {}  # payer -> the outcome lines it pays for
    for bond in contracts:
        for metric in bond.metric_list():
            for holder in metric.payer_shares():
                paid_for.setdefault(holder, set()).add(metric.outcome)
    investor, payer = palette[investors[0]], palette[next(iter(paid_for))]
    flows = result.flows
    years = result.yearly["year"]
    sib = flows[flows["section"] == "sib"]
    capital = _by_year(sib[sib["flow"] == "financing"], years, "flow").sum(axis=1)
    payments = _by_year(sib[sib["flow"] == "outcome_payment"], years, "flow").sum(axis=1)
    guarantee = _by_year(sib[sib["flow"] == "guarantee_payment"], years, "flow").sum(axis=1)
    outcomes = flows[flows["section"] == "outcomes"]
    value = outcomes[
        np.logical_or.reduce(
            [
                (outcomes["stakeholder"] == holder) & outcomes["line"].isin(lines)
                for holder, lines in paid_for.items()
            ]
        )
    ]
    payer_value = _by_year(value, years, "flow", value="cashable").sum(axis=1)
    figure = make_subplots(
        rows=1,
        cols=2,
        subplot_titles=(
            t("chart_sib_investor", lang, name=", ".join(names[i] for i in investors)),
            t("chart_sib_payer", lang, name=", ".join(names[p] for p in paid_for)),
        ),
    )
    hover = _hover(lang)
    figure.add_bar(
        x=years,
        y=-capital.to_numpy(),
        name=t("chart_sib_capital", lang),
        row=1,
        col=1,
        marker_color=investor,
        hovertemplate=hover,
    )
    figure.add_bar(
        x=years,
        y=payments.to_numpy(),
        name=t("chart_sib_payments", lang),
        row=1,
        col=1,
        marker_color=payer,
        hovertemplate=hover,
    )
    if guarantee.any():
        figure.add_bar(
            x=years,
            y=guarantee.to_numpy(),
            name=t("chart_link_guarantee_payment", lang),
            row=1,
            col=1,
            marker={"color": investor, "pattern": {"shape": "x"}},
            hovertemplate=hover,
        )
    figure.add_scatter(
        x=years,
        y=np.cumsum(payments.to_numpy() + guarantee.to_numpy() - capital.to_numpy()),
        name=t("chart_sib_net", lang),
        mode="lines+markers",
        line={"color": "black"},
        row=1,
        col=1,
        hovertemplate=hover,
    )
    figure.add_bar(
        x=years,
        y=payments.to_numpy(),
        name=t("chart_sib_paid", lang),
        row=1,
        col=2,
        marker_color=payer,
        showlegend=False,  # the payments of the left panel, from the payer's side
        hovertemplate=hover,
    )
    figure.add_bar(
        x=years,
        y=payer_value.to_numpy(),
        name=t("chart_sib_payer_value", lang),
        row=1,
        col=2,
        marker={"color": _faded(payer), "pattern": {"shape": "/"}},
        hovertemplate=hover,
    )
    figure.update_layout(
        template=TEMPLATE,
        title={"text": t("chart_sib_title", lang)},
        separators=SEPARATORS[lang],
        barmode="group",
        legend=LEGEND | {"y": -0.35},  # below the years, which turn upright when narrow
        margin={"t": 80, "l": 10, "r": 10, "b": 10},
    )
    for col in (1, 2):
        _year_axis(figure, lang, row=1, col=col)
        _money_axis(figure, lang, row=1, col=col)
    return figure


# --- uncertainty -----------------------------------------------------------------------------


def cash_balance_fan(simulation: SimulationResult, lang: str) -> go.Figure:
    """The cash balance over the Monte Carlo draws: P5-P95 and P25-P75 bands and the median.

    Returns
    -------
    plotly.graph_objects.Figure
        Traces whose ``y`` are the columns ``p95, p5`` (outer band), ``p75, p25`` (inner
        band) and ``p50`` of ``simulation.cash_balance_percentiles`` [EUR, undiscounted].
    """
    figure = _figure(lang, t("chart_fan_title", lang))
    fan = simulation.cash_balance_percentiles
    bands = (
        ("p95", "p5", "outer", "chart_band_outer"),
        ("p75", "p25", "inner", "chart_band_inner"),
    )
    for upper, lower, band, key in bands:
        for column, last in ((upper, False), (lower, True)):
            figure.add_scatter(
                x=fan["year"],
                y=fan[column],
                mode="lines",
                line={"width": 0},
                name=t(key, lang),
                legendgroup=band,
                showlegend=last,
                fill="tonexty" if last else None,
                fillcolor=BAND_COLOURS[band] if last else None,
                hovertemplate=_hover(lang, column.upper()),
            )
    figure.add_scatter(
        x=fan["year"],
        y=fan["p50"],
        mode="lines+markers",
        name=t("chart_median", lang),
        line={"color": BALANCE_COLOUR},
        hovertemplate=_hover(lang, "P50"),
    )
    _line_across(figure, y=0.0, color="black", width=1)
    _year_axis(figure, lang)
    _money_axis(figure, lang)
    return figure


def distribution(simulation: SimulationResult, figure: str, lang: str) -> go.Figure:
    """Histogram of one figure's draws with its P5, P50 and P95 marked.

    Parameters
    ----------
    simulation : SimulationResult
        The Monte Carlo result.
    figure : str
        A figure of docs/figures.md, e.g. ``npv_social`` or ``sroi_ratio``.
    lang : {"nl", "en"}

    Returns
    -------
    plotly.graph_objects.Figure
        A histogram of the draws in which the figure exists and three vertical lines at the
        ``p5``, ``p50`` and ``p95`` of ``simulation.summary``.

    Raises
    ------
    KeyError
        When ``figure`` is not a figure of the simulation.
    """
    if figure not in simulation.summary.index:
        raise KeyError(f"{figure!r} is not a figure of the simulation")
    values = np.asarray(simulation.per_draw[figure], dtype=float)
    present = values[~np.isnan(values)]
    name = t(figure, lang)
    chart = _figure(lang, name)
    draws = t("chart_distribution_draws", lang, draws=fmt.number(values.size, lang, 0))
    chart.update_layout(title_subtitle_text=draws)  # the title fits half a page
    if present.size == 0:
        return _empty(chart, t("chart_empty_distribution", lang, figure=name))
    money = fmt.figure_kind(figure) == "money"
    chart.add_histogram(
        x=present,
        nbinsx=60,
        name=t("chart_draws", lang),
        marker_color=BALANCE_COLOUR,
        hovertemplate=(_money(lang, "x") if money else "%{x}") + ": %{y}<extra></extra>",
    )
    row = simulation.summary.loc[figure]
    start_year = _start_year(simulation)
    # the labels at three heights: percentiles close together (a gap of € 0 at P5 and a
    # small one at P50) would otherwise print over each other
    for column, dash, height in (("p5", "dot", 0), ("p50", "solid", 16), ("p95", "dot", 32)):
        if np.isnan(row[column]):
            continue
        text = f"{column.upper()}: {fmt.figure(figure, row[column], lang, start_year)}"
        at = float(row[column])
        _line_across(chart, x=at, dash=dash, color="black")
        chart.add_annotation(
            x=at,
            xref="x",
            y=1,
            yref="y domain",
            text=text,
            showarrow=False,
            xanchor="center",
            yanchor="bottom",
            yshift=height,
        )
    chart.update_xaxes(title_text=name)
    chart.update_yaxes(title_text=t("chart_draws", lang))
    if money:
        _money_axis(chart, lang, axis="x")
    chart.update_layout(showlegend=False, bargap=0.02, margin_t=130)  # title, draws, labels
    return chart


def _start_year(simulation: SimulationResult) -> int:
    """The calendar year of ``t = 0`` of a simulation (for year figures)."""
    fan = simulation.cash_balance_percentiles
    return int(fan["year"].iloc[0] - fan["t"].iloc[0])


def tornado(
    sensitivity_result: SensitivityResult,
    lang: str,
    figure: str = "npv_social",
    *,
    top: int | None = None,
) -> go.Figure:
    """Tornado: the change of a figure with each uncertain input at its low and its high.

    Parameters
    ----------
    sensitivity_result : SensitivityResult
        :func:`businesscase.sensitivity` of a scenario.
    lang : {"nl", "en"}
    figure : {"npv_social", "funding_gap"}, default "npv_social"
        The figure whose change is shown; rows are sorted by its swing, largest on top.
    top : int, optional
        Show only this many inputs, those with the largest swings (all when None).

    Returns
    -------
    plotly.graph_objects.Figure
        Two horizontal bar traces (input low, input high) with ``x`` the columns
        ``<figure>_low`` and ``<figure>_high`` of the table [EUR, change from base].
    """
    table = sensitivity_result.table.sort_values(f"{figure}_swing", ascending=False, kind="stable")
    table = table.head(top) if top is not None else table
    base = fmt.money(sensitivity_result.base[figure], lang)
    chart = _figure(lang, t("chart_tornado_title", lang, figure=t(figure, lang), base=base))
    if table.empty:
        return _empty(chart, t("chart_empty_tornado", lang))
    labels = [
        label(input_name(line, path, lang))
        for line, path in zip(table["label"], table["path"], strict=True)
    ]
    for side, colour in (("low", SHORT_COLOUR), ("high", BALANCE_COLOUR)):
        chart.add_bar(
            y=labels,
            x=table[f"{figure}_{side}"].to_numpy(),
            orientation="h",
            name=t(f"chart_input_{side}", lang),
            marker_color=colour,
            customdata=table[side].to_numpy(),
            hovertemplate=(
                f"%{{y}}<br>%{{fullData.name}} (%{{customdata:,.4~g}}): "
                f"Δ {_money(lang, 'x')}<extra></extra>"
            ),
        )
    # the legend above the bars: below them it would cover the axis of a short chart
    chart.update_layout(
        barmode="group", height=220 + 28 * len(labels), legend=TOP_LEGEND, margin_t=90
    )
    chart.update_yaxes(autorange="reversed")
    _money_axis(chart, lang, axis="x")
    chart.update_xaxes(title_text=t("chart_change", lang, figure=t(figure, lang)))
    return chart


# --- comparing scenarios ---------------------------------------------------------------------


def compare_cash_balance(results: Mapping[str, EvaluationResult], lang: str) -> go.Figure:
    """The cash balance of several scenarios, one line each, on calendar years.

    Returns
    -------
    plotly.graph_objects.Figure
        One line per scenario (named by its key) with ``y`` its ``yearly.cash_balance``.
    """
    figure = _figure(lang, t("chart_compare_cash_title", lang))
    for name, result in results.items():
        figure.add_scatter(
            x=result.yearly["year"],
            y=result.yearly["cash_balance"],
            name=label(name),
            mode="lines+markers",
            hovertemplate=_hover(lang),
        )
    _line_across(figure, y=0.0, color="black", width=1)
    _year_axis(figure, lang)
    _money_axis(figure, lang)
    return figure


def compare_benefits(results: Mapping[str, EvaluationResult], lang: str) -> go.Figure:
    """PV benefits by value type (stacked) and PV costs (markers) per scenario.

    Returns
    -------
    plotly.graph_objects.Figure
        One bar trace per value type with ``y`` the scenarios' ``pv_benefits_<type>`` and a
        marker trace with their ``pv_costs`` [EUR, PV at start_year].
    """
    figure = _figure(lang, t("chart_compare_benefits_title", lang))
    names = [label(name) for name in results]
    hover = _hover(lang, "%{x}", "fullData.name")
    for kind in VALUE_TYPES:
        figure.add_bar(
            x=names,
            y=[r.metrics[f"pv_benefits_{kind}"] for r in results.values()],
            name=t(f"value_type_{kind}", lang),
            marker_color=VALUE_TYPE_COLOURS[kind],
            hovertemplate=hover,
        )
    figure.add_scatter(
        x=names,
        y=[r.metrics["pv_costs"] for r in results.values()],
        mode="markers",
        name=t("pv_costs", lang),
        marker={"symbol": "diamond", "size": 14, "color": "black"},
        hovertemplate=hover,
    )
    figure.update_layout(barmode="stack")
    _money_axis(figure, lang)
    return figure


# --- monitoring: plan against actuals (docs/monitoring.md) -----------------------------------


def plan_against_actual(monitoring: MonitorResult, lang: str) -> go.Figure:
    """How far each reported amount is from the plan, the one that matters most on top.

    Returns
    -------
    plotly.graph_objects.Figure
        One horizontal bar trace: ``x`` the ``difference`` (actual - planned) of every reported
        amount (outcomes, which are counts, left out), ``y`` its line and year, in the order of
        :meth:`businesscase.monitoring.MonitorResult.ranked` [EUR, current euros of the year].
    """
    figure = _figure(lang, t("chart_plan_actual_title", lang))
    ranked = monitoring.ranked()
    money = ranked[~ranked["section"].isin(COUNTED)]
    if money.empty:
        return _empty(figure, t("chart_empty_plan_actual", lang))
    where = [f"{name} ({year})" for name, year in zip(money["name"], money["year"], strict=True)]
    figure.add_bar(
        x=money["difference"],
        y=where,
        orientation="h",
        name=t("monitor_difference", lang),
        marker_color=BALANCE_COLOUR,
        hovertemplate=f"%{{y}}: {_money(lang, 'x')}<extra></extra>",
    )
    _line_across(figure, x=0.0, color="black", width=1)
    figure.update_yaxes(autorange="reversed")
    _money_axis(figure, lang, axis="x")
    return figure


def cash_plan_and_reforecast(
    planned: EvaluationResult, reforecast: EvaluationResult, lang: str
) -> go.Figure:
    """The cash balance at the end of each year, as planned and as reforecast.

    Returns
    -------
    plotly.graph_objects.Figure
        Two line traces whose ``y`` are the ``cash_balance`` of plan and reforecast [EUR,
        current euros, undiscounted].
    """
    figure = _figure(lang, t("chart_cash_reforecast_title", lang))
    for result, key, dash in (
        (planned, "monitor_plan", "dash"),
        (reforecast, "monitor_reforecast", "solid"),
    ):
        figure.add_scatter(
            x=result.yearly["year"],
            y=result.yearly["cash_balance"],
            name=t(key, lang),
            mode="lines+markers",
            line={"color": BALANCE_COLOUR, "dash": dash},
            hovertemplate=_hover(lang),
        )
    _line_across(figure, y=0.0, color="black", width=1)
    figure.update_layout(legend=TOP_LEGEND)
    _year_axis(figure, lang)
    _money_axis(figure, lang)
    return figure
