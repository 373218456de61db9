"""Uncertainty page: how sure are the figures of the current variant?

Monte Carlo over the inputs written as distributions (draws and seed chosen by the user), the
tornado of each input at its low and high, and the switching values. Thin: the engine computes
(through the cached calls of :mod:`app_pages.state`), :mod:`businesscase.charts` draws.
"""

import math

import pandas as pd
import streamlit as st

from app_pages import state
from businesscase import charts, fast
from businesscase import formatting as fmt
from businesscase.export import input_value
from businesscase.metrics import SIB_METRICS
from businesscase.parameters import uncertain_inputs
from businesscase.sampling import field_range
from businesscase.text import input_name
from businesscase.uncertainty import risks_in_draws

# session key of the last Monte Carlo run asked for: scenario text, draws and seed
RUN_KEY = "uncertainty_run"

# bounds, default and step of the number of draws
DRAWS = {"min_value": 1_000, "max_value": 100_000, "value": 10_000, "step": 1_000}

# inputs in the tornado chart: the largest swings (the switching values list every input)
TORNADO_ROWS = 20
# the seed offered first (any fixed seed makes the run reproducible)
DEFAULT_SEED = 2028


def risks_markdown(scenario, events: str) -> str:
    """Which risks the draws include, as a list under a heading (``--expected-values`` adds
    what that means for money and events)."""
    found = risks_in_draws(scenario, events)
    items = [
        f"- {state.tr(f'risk_{kind}', count=fmt.number(count, lang, 0))}"
        for kind, count in found.items()
    ]
    note = [state.tr("risks_expected")] if events == "expected" else []
    return "\n".join([f"**{state.tr('risks_title')}**", *items, "", *note])


lang = state.lang()
variant = state.current()
scenario = variant.scenario
start = scenario.settings.start_year

st.title(state.tr("page_uncertainty"))
st.subheader(state.markdown_text(scenario.settings.name))
inputs = uncertain_inputs(scenario)
if not risks_in_draws(scenario):
    st.info(state.tr("uncertainty_none"))
    st.stop()
if inputs:
    st.caption(
        state.tr(
            "uncertainty_inputs" if len(inputs) != 1 else "uncertainty_inputs_one",
            count=fmt.number(len(inputs), lang, 0),
        )
    )


# --- Monte Carlo ---------------------------------------------------------------------------
st.header(state.tr("uncertainty_monte_carlo"))
with st.form("monte_carlo"):
    left, right = st.columns(2)
    draws = left.number_input(state.tr("draws"), **DRAWS)
    seed = right.number_input(state.tr("seed"), min_value=0, value=DEFAULT_SEED, step=1)
    expected = st.toggle(
        state.tr("uncertainty_expected_values"), help=state.tr("uncertainty_expected_help")
    )
    if st.form_submit_button(state.tr("uncertainty_run"), type="primary"):
        events = "expected" if expected else "drawn"
        run = {"toml": variant.toml, "draws": draws, "seed": seed, "events": events}
        st.session_state[RUN_KEY] = run

run = st.session_state.get(RUN_KEY)
if run is None or run["toml"] != variant.toml:
    st.info(state.tr("uncertainty_not_run"))
else:
    # the compile note only until this server has loaded the calculation core once
    running = "uncertainty_running" if fast.loaded() else "uncertainty_running_first"
    with st.spinner(state.tr(running, draws=fmt.number(run["draws"], lang, 0)), show_time=True):
        simulation = state.simulation_of(
            run["toml"], int(run["draws"]), int(run["seed"]), run["events"]
        )
    st.caption(
        state.tr(
            "uncertainty_ran",
            draws=fmt.number(run["draws"], lang, 0),
            seed=str(simulation.seed),
        )
    )
    st.markdown(risks_markdown(scenario, run["events"]))
    cards = st.container(horizontal=True)
    cards.metric(state.tr("p_closes"), fmt.percent(simulation.p_closes, lang), border=True)
    cards.metric(
        state.tr("p_sroi_above_1"), fmt.percent(simulation.p_sroi_above_1, lang), border=True
    )
    for path, count in simulation.clipped.items():
        if count:
            low, high = field_range(path, scenario.settings.horizon_years)
            st.warning(
                state.tr(
                    "uncertainty_clipped",
                    path=state.markdown_text(path),
                    count=fmt.number(count, lang, 0),
                    low=fmt.number(low, lang, 0),
                    high=fmt.number(high, lang, 0),
                ),
                icon=":material/content_cut:",
            )
    st.plotly_chart(charts.cash_balance_fan(simulation, lang), key="fan", theme=None)
    left, right = st.columns(2)
    for column, figure in ((left, "npv_social"), (right, "sroi_ratio")):
        column.plotly_chart(
            charts.distribution(simulation, figure, lang),
            key=f"distribution_{figure}",
            theme=None,
        )

    summary = simulation.summary
    if not scenario.contracts:
        summary = summary.drop(index=[name for name in summary.index if name in SIB_METRICS])
    statistics = ("mean", "p5", "p50", "p95")
    table = pd.DataFrame(
        {state.tr("figures"): [state.tr(name) for name in summary.index]}
        | {
            state.tr(f"uncertainty_{column}"): [
                fmt.summary(name, column, row, lang, start) for name, row in summary.iterrows()
            ]
            for column in statistics
        }
        | {
            state.tr("uncertainty_share_null"): [
                fmt.percent(value, lang, 0) for value in summary["share_null"]
            ]
        }
    )
    st.dataframe(table, hide_index=True)
    st.caption(state.tr("uncertainty_summary_note"))

# --- tornado and switching values -------------------------------------------------------------
if not inputs:  # money and events alone: nothing to set low and high
    st.stop()
st.header(state.tr("uncertainty_sensitivity"))
tornado_figures = ("npv_social", "funding_gap")
labels = [state.tr(name) for name in tornado_figures]
figure = tornado_figures[
    st.radio(
        state.tr("uncertainty_tornado_figure"),
        range(len(tornado_figures)),
        format_func=labels.__getitem__,
        horizontal=True,
        key=f"tornado_figure_{lang}",  # labels differ per language: one widget per language
    )
]
st.plotly_chart(
    charts.tornado(state.sensitivity_of(variant.toml), lang, figure, top=TORNADO_ROWS),
    key="tornado",
    theme=None,
)
if len(inputs) > TORNADO_ROWS:
    st.caption(
        state.tr(
            "uncertainty_tornado_top",
            top=fmt.number(TORNADO_ROWS, lang, 0),
            count=fmt.number(len(inputs), lang, 0),
        )
    )

st.subheader(state.tr("uncertainty_switching"))
with st.spinner(state.tr("uncertainty_searching")):
    switching = state.switching_of(variant.toml)
# inputs with a switching value first: the rows that say "holds everywhere" tell less
found = switching["npv_social_switch"].notna() | switching["closes_switch"].notna()
switching = pd.concat([switching[found], switching[~found]])


def switch_text(row: pd.Series, verdict: str) -> str:
    """The switching value of an input, or why there is none within the search range, in
    the unit of the input's field (``€ 500``, ``40,0%``)."""
    if not math.isnan(row[f"{verdict}_switch"]):
        return input_value(row["path"], row[f"{verdict}_switch"], lang)
    holds = "holds" if row[f"{verdict}_at_base"] else "fails"
    return state.tr(
        f"uncertainty_{verdict}_{holds}",
        low=input_value(row["path"], row["search_low"], lang),
        high=input_value(row["path"], row["search_high"], lang),
    )


st.dataframe(
    pd.DataFrame(
        {
            state.tr("uncertainty_input"): [
                input_name(label, path, lang)
                for label, path in zip(switching["label"], switching["path"], strict=True)
            ],
            state.tr("uncertainty_base"): [
                input_value(path, value, lang)
                for path, value in zip(switching["path"], switching["base"], strict=True)
            ],
            state.tr("uncertainty_npv_switch"): [
                switch_text(row, "npv_social") for _, row in switching.iterrows()
            ],
            state.tr("uncertainty_closes_switch"): [
                switch_text(row, "closes") for _, row in switching.iterrows()
            ],
        }
    ),
    hide_index=True,
)
st.caption(state.tr("uncertainty_switching_note"))
