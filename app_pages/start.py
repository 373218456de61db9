"""Start page: where a neighbourhood team begins, and the home the app opens on.

It says in a few lines what the app is for and offers the ways in: the guided build, the table
view for experts, the figures of the variant shown, and the quick start of phase 2 (a rough case
from a handful of numbers, :func:`businesscase.quick_start.rough_case`, refined in the guided
build). Being the default page (served at
``/``), it also lets every other page keep its own address, so ``/results`` opens the results.
"""

import datetime

import streamlit as st

from app_pages import state
from businesscase.quick_start import RESIDENTS, Funder, rough_case
from businesscase.vocabulary import FUNDING_KINDS, STAKEHOLDER_KINDS

st.title(state.tr("start_title"))
st.markdown(state.tr("start_intro"))
st.page_link("app_pages/guided.py", label=state.tr("start_to_guided"), icon=":material/stairs:")
st.page_link("app_pages/build.py", label=state.tr("start_to_table"), icon=":material/table:")
variant = state.current()
st.subheader(state.tr("start_current", name=state.markdown_text(variant.name)))
if variant.problems:
    state.what_is_missing(variant)
else:
    state.headline_cards(state.result_of(variant).metrics)
    st.page_link(
        "app_pages/results.py", label=state.tr("start_to_results"), icon=":material/insights:"
    )


def _quick_start(values: dict) -> None:
    """Keep the rough case as a new variant and open the guided build on it."""
    picked = values["library"]
    funders = [
        Funder(name.strip(), kind, funding, amount or 0.0)
        for name, kind, funding, amount in values["funders"]
        if name.strip()
    ]
    holders = {"residents": RESIDENTS, **{str(n): f.name for n, f in enumerate(funders)}}
    case = rough_case(
        values["name"].strip() or state.tr("empty_name"),
        int(values["start_year"]),
        int(values["years"]),
        values["cost"] or 0.0,
        values["outcome"].strip() or (picked.name[state.lang()] if picked else "–"),
        values["people"] or 0.0,
        values["proxy"] if values["proxy"] is not None else (picked.value if picked else 0.0),
        proxy_source=picked.citation(state.lang()) if picked else "",
        value_type=picked.value_type if picked else "social",
        funders=funders,
        beneficiary=holders.get(values["beneficiary"], RESIDENTS),
    )
    state.add_case(case["scenario"]["name"], case)
    st.switch_page("app_pages/guided.py")


st.subheader(state.tr("quick_title"))
st.caption(state.tr("quick_intro"))
with st.form("quick_start", border=True):
    first, second, third = st.columns([2, 1, 1])
    values = {
        "name": first.text_input(state.tr("ask_name"), help=state.tr("help_scenario_name")),
        "start_year": second.number_input(
            state.tr("ask_start_year"),
            2000,
            2100,
            datetime.date.today().year + 1,
            help=state.tr("help_start_year"),
        ),
        "years": third.number_input(
            state.tr("quick_years"), 1, 50, 4, help=state.tr("help_horizon_years")
        ),
    }
    values["cost"] = state.money_input(
        state.tr("quick_cost"), where=first, help=state.tr("help_costs_amount")
    )
    first, second, third = st.columns([2, 1, 1])
    values["library"] = state.library_pick(
        state.tr("guided_library_outcomes"), "quick_library", first
    )
    values["outcome"] = first.text_input(
        state.tr("ask_outcomes_name"), help=state.tr("help_outcomes_name")
    )
    values["people"] = second.number_input(
        state.tr("ask_quantity"),
        min_value=0.0,
        value=None,
        step=1.0,
        format="%g",
        placeholder=state.tr("type_a_number"),
        help=state.tr("help_quantity"),
    )
    values["proxy"] = state.money_input(
        state.tr("ask_proxy"), where=third, step=100.0, help=state.tr("help_proxy")
    )
    values["funders"] = []
    for number in (1, 2):
        first, second, third, fourth = st.columns([2, 1, 1, 1])
        values["funders"].append(
            (
                first.text_input(state.tr("quick_funder", number=number)),
                second.selectbox(
                    state.tr("ask_kind"),
                    STAKEHOLDER_KINDS,
                    format_func=state.words("kind_"),
                    key=f"quick_kind_{number}_{state.lang()}",
                ),
                third.selectbox(
                    state.tr("ask_funding_kind"),
                    FUNDING_KINDS[:-1],
                    format_func=state.words("funding_"),
                    key=f"quick_route_{number}_{state.lang()}",
                ),
                state.money_input(
                    state.tr("ask_costs_amount"), where=fourth, key=f"quick_amount_{number}"
                ),
            )
        )
    values["beneficiary"] = st.radio(
        state.tr("quick_beneficiary"),
        ["residents", "0", "1"],  # the residents, the first or the second funder
        format_func=state.words("quick_beneficiary_"),
        horizontal=True,
    )
    if st.form_submit_button(state.tr("quick_go"), type="primary"):
        _quick_start(values)
