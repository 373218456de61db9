"""Results page: does the current variant close, what does it return, who pays, who benefits.

Thin: the figures come from the engine (:func:`app_pages.state.result_of`), the charts from
:mod:`businesscase.charts`, the words from :mod:`businesscase.text`, the numbers from
:mod:`businesscase.formatting`. The "close the gap" button asks
:func:`businesscase.close_the_gap` for a proposal and keeps it as a new variant.
"""

import pandas as pd
import streamlit as st

from app_pages import state
from businesscase import charts, close_the_gap, export, projects
from businesscase import formatting as fmt
from businesscase.distributions import base_value
from businesscase.gap import GapProposal
from businesscase.metrics import STAKEHOLDER_COLUMNS

# session key of the last variant made by "close the gap": its name and contribution lines
ADDED_KEY = "gap_closed_variant"

lang = state.lang()
variant = state.current()
result = state.result_of(variant)
m = result.metrics
settings = result.scenario.settings
start = settings.start_year


@st.cache_data(max_entries=state.CACHE_ENTRIES, show_spinner=False)
def proposal_of(toml: str) -> GapProposal:
    """:func:`businesscase.close_the_gap` of a variant, cached on its TOML text."""
    return close_the_gap(state.scenario_of(toml))


def money_table(frame: pd.DataFrame, money: list[str]) -> pd.DataFrame:
    """The table with its money columns as text in the session's language (``€ 1.234``)."""
    return frame.assign(**{column: [fmt.money(v, lang) for v in frame[column]] for column in money})


def dependence_cards(cards) -> None:
    """Subsidy dependence and, beside it, the public money share, each explained on hover."""
    for name in ("subsidy_dependence", "public_dependence"):
        cards.metric(
            state.tr(name),
            fmt.percent(m[name], lang),
            help=state.tr(f"explain_{name}"),
            border=True,
        )


def side_by_side(table: pd.DataFrame, title: str, first: str) -> None:
    """A table in words, one row per figure and one column per contract or project, under
    its title (nothing when the table is empty)."""
    if table.empty:
        return
    st.subheader(state.tr(title))
    table.index = [state.tr(key) for key in table.index]
    st.dataframe(table.rename_axis(state.tr(first)).reset_index(), hide_index=True)


def contract_views() -> None:
    """Each outcome contract from the investor's side: drawdowns, payments, guarantee, return,
    break-even, and what the return cap removed (nothing without contracts)."""
    side_by_side(export.contracts_in_words(result, lang), "sib_contracts", "contract_name")


@st.cache_data(max_entries=state.CACHE_ENTRIES, show_spinner=False)
def pool_of(toml: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`businesscase.projects.pool_by_year` of a variant and its :func:`lending`, cached
    on its TOML text."""
    pool = projects.pool_by_year(state.scenario_of(toml))
    return pool, projects.lending(pool)


def programme_views() -> None:
    """A programme's projects side by side: each on its own money, the most it needs from the
    pooled money, its own subsidy cliff; what earmarked and pooled money mean; the pool over
    the years and who lends to whom (nothing without projects)."""
    side_by_side(export.projects_in_words(result, lang), "projects_table", "project_name")
    if result.projects.empty:
        return
    st.caption(state.tr("projects_note"))
    pool, lent = pool_of(variant.toml)
    st.subheader(state.tr("pool_title"))
    parts = export.part_names(result.scenario, lang)
    st.plotly_chart(charts.pool_over_years(pool, parts, lang), key="pool", theme=None)
    st.caption(state.tr("pool_caption"))
    st.markdown(state.markdown_text(export.pool_verdict(pool, lang)))
    st.subheader(state.tr("lending_title"))
    st.caption(state.tr("lending_caption"))
    if lent.empty:
        st.info(state.tr("lending_none"))
        return
    words = export.lending_in_words(result.scenario, lent, lang)
    st.dataframe(words.rename(columns=state.tr), hide_index=True, height="content")


def payer_views() -> None:
    """Each outcome contract from its payers' side: payments against cashable benefits per
    payer, then what the return cap and the guarantee changed (nothing without contracts)."""
    table = export.payers_in_words(result, lang)
    if table.empty:
        return
    st.subheader(state.tr("sib_payers"))
    st.caption(state.tr("sib_payers_caption", start=start))
    st.dataframe(table.rename(columns=state.tr), hide_index=True)
    for line in export.contract_changes(result, lang):
        st.markdown(state.markdown_text(line))


def current_euros_note(container) -> None:
    """Under the cash chart, when prices rise: the cash figures are in current euros."""
    inflation = base_value(settings.inflation)
    if inflation != 0.0:
        container.caption(
            state.tr("cash_in_current_euros", inflation=fmt.percent(inflation, lang), start=start)
        )


def value_views() -> None:
    """Society's value and who pays, who benefits side by side: harms, residual value,
    transfers and inputs in kind next to the benefits (:func:`export.views_in_words`)."""
    side_by_side(
        export.views_in_words(result, lang).rename(columns=state.tr), "views_title", "views_line"
    )
    st.caption(state.tr("views_note", transfers=fmt.money(m["pv_transfers"], lang)))


st.title(state.tr("app_title"))
st.subheader(state.markdown_text(settings.name))
if settings.description:
    st.text(settings.description)

# --- headline cards and the verdict -----------------------------------------------------------
cards = state.headline_cards(m)
if not m["closes"]:
    cards.metric(state.tr("first_short_year"), fmt.year(m["first_short_year"], start), border=True)
dependence_cards(cards)
cards.metric(state.tr("payback_year"), fmt.year(m["payback_year"], start), border=True)

proposal = None if m["closes"] else proposal_of(variant.toml)
if proposal is None:
    st.success(state.tr("closes_verdict"))
else:  # one gap, explained: undiscounted shortfall and the present value close-the-gap uses
    st.error(state.markdown_text(export.verdict(result, lang, proposal=proposal)))

# --- close the gap -------------------------------------------------------------------------
names = dict(zip(result.stakeholders["id"], result.stakeholders["name"], strict=True))
added = st.session_state.get(ADDED_KEY)
if added is not None and added["name"] == variant.name:
    st.success(state.tr("results_gap_added", name=state.markdown_text(added["name"])))
    lines = added["contributions"]
    st.dataframe(
        pd.DataFrame(
            {
                state.tr("stakeholder"): lines["stakeholder"].map(names),
                state.tr("results_line"): lines["name"],
                state.tr("chart_year"): lines["year"],
                state.tr("results_amount"): [fmt.money(v, lang) for v in lines["amount"]],
            }
        ),
        hide_index=True,
    )
if proposal is not None:
    if st.button(state.tr("results_close_gap"), icon=":material/handshake:"):
        if proposal.closes:
            name = state.add_variant(
                state.tr("results_gap_variant", name=variant.name), proposal.scenario
            )
            st.session_state[ADDED_KEY] = {"name": name, "contributions": proposal.contributions}
            st.rerun()
        else:
            st.error(state.gap_cannot_close(proposal))

# --- charts --------------------------------------------------------------------------------
left, right = st.columns(2)
left.plotly_chart(charts.financing_by_year(result, lang), key="financing", theme=None)
right.plotly_chart(charts.cash_balance(result, lang), key="cash_balance", theme=None)
current_euros_note(right)
st.plotly_chart(charts.who_pays_who_benefits(result, lang), key="sankey", theme=None)
left, right = st.columns(2)
left.plotly_chart(charts.benefits_by_stakeholder(result, lang), key="by_stakeholder", theme=None)
right.plotly_chart(charts.benefits_by_value_type(result, lang), key="by_value_type", theme=None)
bond = charts.sib_view(result, lang)
if bond is not None:
    st.plotly_chart(bond, key="sib", theme=None)

# --- tables --------------------------------------------------------------------------------
st.subheader(state.tr("who_pays_who_benefits"))
holders = money_table(result.stakeholders.drop(columns="id"), list(STAKEHOLDER_COLUMNS))
st.dataframe(
    holders.rename(
        columns={"name": state.tr("stakeholder")} | {c: state.tr(c) for c in STAKEHOLDER_COLUMNS}
    ),
    hide_index=True,
)

with st.expander(state.tr("results_flows")):
    flows = export.flows_in_words(result, lang)
    st.dataframe(
        money_table(flows, ["cashable", "amount", "pv"]).rename(
            columns={column: state.tr(f"flows_{column}") for column in flows.columns}
        ),
        hide_index=True,
    )

value_views()
contract_views()
programme_views()
payer_views()

for warning in result.warnings:
    st.warning(state.markdown_text(warning.text(lang)), icon=":material/info:")
st.caption(state.markdown_text(export.discount_note(result, lang)))
