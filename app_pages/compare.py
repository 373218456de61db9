"""Compare page: two to four variants or shipped scenarios side by side.

The figures come from :func:`businesscase.batch.compare` (one table, the best value per figure
marked by :func:`businesscase.batch.best_per_figure`), the differences in the assumptions from
:func:`businesscase.batch.assumption_differences`, the overlaid charts from
:mod:`businesscase.charts`.
"""

import pandas as pd
import streamlit as st

from app_pages import state
from businesscase import batch, charts, export
from businesscase import formatting as fmt
from businesscase.examples import example_path, list_examples

BEST_STYLE = "font-weight: bold; background-color: #d7f0dd"
MOST = 4

lang = state.lang()


@st.cache_data(max_entries=state.CACHE_ENTRIES, show_spinner=False)
def _figures(chosen: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    return batch.compare({label: state.scenario_of(toml) for label, toml in chosen})


@st.cache_data(max_entries=state.CACHE_ENTRIES, show_spinner=False)
def _differences(chosen: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    return batch.assumption_differences({label: state.scenario_of(toml) for label, toml in chosen})


st.title(state.tr("page_compare"))
choices = {name: variant.toml for name, variant in state.variants().items()}
for name in list_examples():
    label = state.tr("shipped_scenario", name=name)
    choices[label] = example_path(name).read_text(encoding="utf-8")
default = list(state.variants())[:MOST]
if len(default) < 2:
    default.append(state.tr("shipped_scenario", name="nabuurschap"))
chosen = st.multiselect(
    state.tr("compare_choose"), list(choices), default=default, max_selections=MOST
)
if len(chosen) < 2:
    st.info(state.tr("compare_need_two"))
    st.stop()

key = tuple((label, choices[label]) for label in chosen)
table = _figures(key)
best = batch.best_per_figure(table)
starts = {label: state.scenario_of(toml).settings.start_year for label, toml in key}
shown = pd.DataFrame(
    {
        label: [
            fmt.figure_text(name, table.loc[name, label], lang, starts[label])
            for name in table.index
        ]
        for label in table.columns
    },
    index=[state.tr(name) for name in table.index],
)
marks = pd.DataFrame("", index=shown.index, columns=shown.columns)
for row, winners in enumerate(best):
    for winner in winners:  # a tie marks every scenario that shares the best value
        column = list(table.columns).index(winner)
        shown.iloc[row, column] += " ★"
        marks.iloc[row, column] = BEST_STYLE

st.subheader(state.tr("compare_figures"))
st.caption(state.tr("compare_star_note"))
st.dataframe(shown.style.apply(lambda _: marks, axis=None), width="stretch", height="content")

results = {label: state.result_of(toml) for label, toml in key}
left, right = st.columns(2)
left.plotly_chart(charts.compare_cash_balance(results, lang), width="stretch", theme=None)
right.plotly_chart(charts.compare_benefits(results, lang), width="stretch", theme=None)

st.subheader(state.tr("compare_assumptions"))
differences = _differences(key)
if differences.empty:
    st.info(state.tr("compare_no_differences"))
else:
    scenarios = {label: state.scenario_of(toml) for label, toml in key}
    first = next(iter(scenarios.values()))
    rows = differences.to_dict(orient="records")
    st.dataframe(
        pd.DataFrame(
            {
                state.tr("compare_section"): [state.tr(f"section_{r['section']}") for r in rows],
                state.tr("compare_line"): [r["line"] for r in rows],
                state.tr("compare_field"): [
                    export.difference_field(r["section"], r["field"], first, lang) for r in rows
                ],
            }
            | {
                label: [
                    export.difference_text(r["section"], r["field"], r[label], scenario, lang)
                    for r in rows
                ]
                for label, scenario in scenarios.items()
            }
        ),
        hide_index=True,
        width="stretch",
    )
