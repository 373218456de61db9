"""Report page: the current variant as an Excel workbook and as a self-contained HTML report.

Both files come from :mod:`businesscase.export`, built when the button is pressed (deferred
download data), from the cached engine results of the variant: its figures and, when its draws
can differ (distributions, money that may not come, yearly events), its Monte Carlo (draws and
seed chosen here) and tornado.
"""

from functools import partial

import streamlit as st

from app_pages import state
from businesscase import export
from businesscase.uncertainty import risks_in_draws

variant = state.current()
lang = state.lang()
st.title(state.tr("page_report"))
st.caption(state.tr("report_intro", name=state.markdown_text(variant.name)))

simulation = sensitivity = None
if risks_in_draws(variant.scenario):
    left, middle, right = st.columns([2, 1, 1], vertical_alignment="bottom")
    with_mc = left.toggle(state.tr("report_with_simulation"), value=True)
    draws = middle.number_input(
        state.tr("draws"), min_value=100, max_value=100_000, value=2_000, step=1_000
    )
    seed = right.number_input(state.tr("seed"), min_value=0, value=1, step=1)
    if with_mc:
        simulation = state.simulation_of(variant.toml, int(draws), int(seed))
        sensitivity = state.sensitivity_of(variant.toml)
else:
    st.info(state.tr("report_no_distributions"))

result = state.result_of(variant)
stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in variant.name) or "scenario"
workbook, html = st.columns(2)
workbook.download_button(
    state.tr("download_workbook"),
    partial(
        export.workbook_bytes, variant.scenario, result=result, simulation=simulation, lang=lang
    ),
    file_name=f"{stem}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/table:",
)
html.download_button(
    state.tr("download_html"),
    partial(
        export.html_report,
        variant.scenario,
        result=result,
        simulation=simulation,
        sensitivity=sensitivity,
        lang=lang,
    ),
    file_name=f"{stem}.html",
    mime="text/html",
    icon=":material/description:",
)
