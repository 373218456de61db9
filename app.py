"""Streamlit app: the headline figures of the BoTu programme scenario.

Thin by design: every figure comes from the engine (:func:`businesscase.evaluate`), every word
from :mod:`businesscase.text`, every number format from :mod:`businesscase.formatting`.
"""

import streamlit as st
from businesscase.distributions import base_value

from businesscase import evaluate, examples
from businesscase import formatting as fmt
from businesscase.metrics import STAKEHOLDER_COLUMNS
from businesscase.text import t

st.set_page_config(page_title="businesscase", layout="wide")
st.session_state.setdefault("lang", "nl")
lang = st.sidebar.radio("Taal / language", fmt.LANGUAGES, key="lang", horizontal=True)
names = examples.list_examples()
name = st.sidebar.selectbox("Scenario", names, index=names.index("botu_programma"))


@st.cache_data(max_entries=32, show_spinner=False)
def _result(scenario_name: str):
    return evaluate(examples.load_example(scenario_name))


result = _result(name)
m = result.metrics
settings = result.scenario.settings
st.title(t("app_title", lang))
st.subheader(settings.name)
if settings.description:
    st.text(settings.description)

cards = st.container(horizontal=True)
cards.metric(t("sroi_ratio", lang), fmt.number(m["sroi_ratio"], lang), border=True)
cards.metric(t("npv_social", lang), fmt.money(m["npv_social"], lang), border=True)
cards.metric(
    t("closes", lang),
    t("yes" if m["closes"] else "no", lang),
    None if m["closes"] else fmt.money(-m["funding_gap"], lang),
    border=True,
)
cards.metric(t("subsidy_dependence", lang), fmt.percent(m["subsidy_dependence"], lang), border=True)
cards.metric(
    t("payback_year", lang), fmt.year(m["payback_year"], settings.start_year), border=True
)

if m["closes"]:
    st.success(t("closes_verdict", lang))
else:
    st.error(
        t(
            "gap_verdict",
            lang,
            gap=fmt.money(m["funding_gap"], lang),
            year=fmt.year(m["first_short_year"], settings.start_year),
        )
    )

st.subheader(t("who_pays_who_benefits", lang))
holders = result.stakeholders.drop(columns="id").rename(
    columns={"name": t("stakeholder", lang)} | {c: t(c, lang) for c in STAKEHOLDER_COLUMNS}
)
st.dataframe(holders, hide_index=True)
for warning in result.warnings:
    st.warning(warning, icon=":material/info:")
st.caption(
    t(
        "discount_note",
        lang,
        start=settings.start_year,
        rate=fmt.percent(base_value(settings.discount_rate), lang, 2),
    )
)
