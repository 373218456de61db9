"""Results page: the headline figures of the current variant and who pays, who benefits."""

import streamlit as st

from app_pages import state
from businesscase import formatting as fmt
from businesscase.distributions import base_value
from businesscase.metrics import STAKEHOLDER_COLUMNS

lang = state.lang()
result = state.result_of(state.current())
m = result.metrics
settings = result.scenario.settings
st.title(state.tr("app_title"))
st.subheader(settings.name)
if settings.description:
    st.text(settings.description)

cards = st.container(horizontal=True)
cards.metric(state.tr("sroi_ratio"), fmt.number(m["sroi_ratio"], lang), border=True)
cards.metric(state.tr("npv_social"), fmt.money(m["npv_social"], lang), border=True)
cards.metric(
    state.tr("closes"),
    state.tr("yes" if m["closes"] else "no"),
    None if m["closes"] else fmt.money(-m["funding_gap"], lang),
    border=True,
)
cards.metric(
    state.tr("subsidy_dependence"), fmt.percent(m["subsidy_dependence"], lang), border=True
)
cards.metric(
    state.tr("payback_year"), fmt.year(m["payback_year"], settings.start_year), border=True
)

if m["closes"]:
    st.success(state.tr("closes_verdict"))
else:
    st.error(
        state.tr(
            "gap_verdict",
            gap=fmt.money(m["funding_gap"], lang),
            year=fmt.year(m["first_short_year"], settings.start_year),
        )
    )

st.subheader(state.tr("who_pays_who_benefits"))
holders = result.stakeholders.drop(columns="id").rename(
    columns={"name": state.tr("stakeholder")} | {c: state.tr(c) for c in STAKEHOLDER_COLUMNS}
)
st.dataframe(holders, hide_index=True)
for warning in result.warnings:
    st.warning(warning, icon=":material/info:")
st.caption(
    state.tr(
        "discount_note",
        start=settings.start_year,
        rate=fmt.percent(base_value(settings.discount_rate), lang, 2),
    )
)
