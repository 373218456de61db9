"""Monitoren page: the plan of the current variant against what happened (docs/monitoring.md).

The team reads an actuals file or types the actuals of a year in a table (Dutch number formats
in Dutch); the engine checks them (:func:`businesscase.actuals.parse_actuals`) and makes the
reforecast (:func:`businesscase.monitor`). The page shows the reforecast's verdict, plan and
reforecast side by side, plan against actual per line and year (chart and table), the variance
that matters most first, the reports still missing, and close-the-gap on the reforecast. The
actuals are kept with the variant (as CSV text, per variant name) and can be downloaded.
"""

import csv
import io

import pandas as pd
import streamlit as st

from app_pages import cells, state
from businesscase import charts, close_the_gap, monitor, parse_actuals
from businesscase import formatting as fmt
from businesscase.actuals import SECTIONS, Actuals
from businesscase.export import MONITOR_FIGURES
from businesscase.monitoring import MonitorResult, amount_text, planned_values, verdict
from businesscase.scenario import ScenarioError

UPLOADED_KEY = "actuals_uploaded"  # the last file read, so that a rerun does not read it again
SOURCE = "realisaties.csv"  # the name problems with typed actuals are reported under


@st.cache_data(max_entries=state.CACHE_ENTRIES, show_spinner=False)
def monitored(toml: str, text: str) -> MonitorResult:
    """:func:`businesscase.monitor` of a scenario text and an actuals text (cached on both)."""
    scenario = state.scenario_of(toml)
    return monitor(scenario, parse_actuals(text, scenario, source=SOURCE))


def as_csv(rows: list[tuple[int, str, float, str]]) -> str:
    """Actuals as the CSV text an actuals file holds (plain numbers, paths)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["year", "line", "value", "note"])
    writer.writerows((year, line, repr(value), note) for year, line, value, note in rows)
    return out.getvalue()


variant = state.current()
lang = state.lang()
scenario = variant.scenario
start = scenario.settings.start_year
kept: dict[str, str] = st.session_state.setdefault(state.ACTUALS_KEY, {})
st.title(state.tr("page_monitor"))
st.caption(state.tr("monitor_intro"))

# --- reading a file --------------------------------------------------------------------------
# folded away: Streamlit's uploader speaks English ("Upload", "Drag and drop file here")
upload = st.expander(state.tr("monitor_upload"), icon=":material/upload_file:").file_uploader(
    state.tr("monitor_upload_label"), type=["csv"]
)
if upload is not None and st.session_state.get(UPLOADED_KEY) != (variant.name, upload.file_id):
    st.session_state[UPLOADED_KEY] = (variant.name, upload.file_id)
    try:
        read = parse_actuals(upload.getvalue(), scenario, source=upload.name)
    except ScenarioError as error:
        st.error("\n\n".join(state.markdown_text(line) for line in error.lines(lang)))
    else:
        kept[variant.name] = read.to_csv()
        st.success(state.tr("monitor_read", count=len(read.rows), name=upload.name))

text = kept.get(variant.name, "")
try:
    actuals = parse_actuals(text, scenario, source=SOURCE)
except ScenarioError as error:  # the plan changed since: its lines no longer fit
    st.error("\n\n".join(state.markdown_text(line) for line in error.lines(lang)))
    actuals = Actuals(SOURCE, ())

verdict_slot = st.container()  # the verdict goes first, once the typed actuals are in

# --- typing a year ---------------------------------------------------------------------------
years = list(range(start, start + scenario.settings.horizon_years))
year = st.selectbox(state.tr("monitor_type_year"), years, key=f"monitor_year_{variant.name}")
t = year - start
plan = planned_values(scenario)
reported = {(a.section, a.index): a for a in actuals.rows if a.t == t}
lines = sorted(plan, key=lambda key: (SECTIONS.index(key[0]), key[1]))
table = pd.DataFrame(
    {
        state.tr("monitor_line"): [getattr(scenario, s)[i].name for s, i in lines],
        state.tr("monitor_planned"): [amount_text(plan[s, i][t], s, lang) for s, i in lines],
        state.tr("monitor_actual"): [
            cells.show(reported[key].value, "amount", lang) if key in reported else ""
            for key in lines
        ],
        state.tr("monitor_note"): [reported[key].note if key in reported else "" for key in lines],
    }
)
edited = st.data_editor(
    table,
    key=f"monitor_table_{variant.name}_{year}",
    hide_index=True,
    disabled=[state.tr("monitor_line"), state.tr("monitor_planned")],
    width="stretch",
)
st.caption(state.tr("monitor_type_help"))
typed, problems = [], []
for (section, index), value, note in zip(
    lines, edited[state.tr("monitor_actual")], edited[state.tr("monitor_note")], strict=True
):
    name = getattr(scenario, section)[index].name
    try:
        number = cells.read(value, "amount", lang)
    except ValueError as reason:
        problems.append(state.tr("monitor_cell_problem", line=name, year=year, reason=reason))
        continue
    if number is not None:
        typed.append((year, f"{section}[{index}]", float(number), str(note or "").strip()))
for problem in problems:
    st.error(state.markdown_text(problem))
every = [(a.year, a.path, a.value, a.note) for a in actuals.rows]
if not problems:
    now = as_csv(sorted([row for row in every if row[0] != year] + typed))
    if now != as_csv(sorted(every)):
        try:  # kept only when the engine accepts it (a negative, a loan outside its year)
            parse_actuals(now, scenario, source=SOURCE)
        except ScenarioError as error:
            st.error("\n\n".join(state.markdown_text(line) for line in error.lines(lang)))
        else:
            kept[variant.name] = now
            st.rerun()

if not actuals.rows:
    st.info(state.tr("monitor_nothing_yet"))
    st.stop()

# --- the reforecast --------------------------------------------------------------------------
found = monitored(variant.toml, kept.get(variant.name, ""))
closes = found.reforecast.metrics["closes"]
(verdict_slot.success if closes else verdict_slot.error)(state.markdown_text(verdict(found, lang)))
verdict_slot.download_button(
    state.tr("monitor_download"),
    kept.get(variant.name, ""),
    file_name=f"{variant.name}_realisaties.csv",
    mime="text/csv",
    icon=":material/download:",
)

st.subheader(state.tr("monitor_figures_title"))
st.dataframe(
    pd.DataFrame(
        {
            state.tr("figures"): [state.tr(name) for name in MONITOR_FIGURES],
            state.tr("monitor_plan"): [
                fmt.figure_text(name, found.planned.metrics[name], lang, start)
                for name in MONITOR_FIGURES
            ],
            state.tr("monitor_reforecast"): [
                fmt.figure_text(name, found.reforecast.metrics[name], lang, start)
                for name in MONITOR_FIGURES
            ],
        }
    ),
    hide_index=True,
)
left, right = st.columns(2)
left.plotly_chart(charts.plan_against_actual(found, lang), key="plan_actual", theme=None)
right.plotly_chart(
    charts.cash_plan_and_reforecast(found.planned, found.reforecast, lang),
    key="cash_reforecast",
    theme=None,
)

st.subheader(state.tr("monitor_variance_title"))
ranked = found.ranked()
st.dataframe(
    pd.DataFrame(
        {
            state.tr("monitor_line"): ranked["name"],
            state.tr("monitor_year"): ranked["year"].astype(str),
            **{
                state.tr(f"monitor_{key}"): [
                    amount_text(value, section, lang)
                    for value, section in zip(ranked[key], ranked["section"], strict=True)
                ]
                for key in ("planned", "actual", "difference")
            },
            state.tr("monitor_share"): [
                fmt.percent(None if share != share else share, lang)
                for share in ranked["difference_share"]
            ],
            state.tr("monitor_note"): ranked["note"],
        }
    ),
    hide_index=True,
)
if len(found.missing):
    st.markdown(state.tr("monitor_missing_title"))
    st.markdown(
        "\n".join(
            f"- {row['year']}: {state.markdown_text(row['name'])}"
            for row in found.missing.to_dict(orient="records")
        )
    )
else:
    st.caption(state.tr("monitor_none_missing", last=found.last_year))

if not closes:
    proposal = close_the_gap(scenario, actuals=found.actuals)
    with st.expander(state.tr("monitor_close_gap"), icon=":material/handshake:"):
        if proposal.closes:
            names = dict(
                zip(proposal.stakeholders["id"], proposal.stakeholders["name"], strict=True)
            )
            lines_added = proposal.contributions
            st.dataframe(
                pd.DataFrame(
                    {
                        state.tr("stakeholder"): lines_added["stakeholder"].map(names),
                        state.tr("chart_year"): lines_added["year"].astype(str),
                        state.tr("results_amount"): [
                            fmt.money(v, lang) for v in lines_added["amount"]
                        ],
                    }
                ),
                hide_index=True,
            )
        else:
            st.error(state.gap_cannot_close(proposal))
