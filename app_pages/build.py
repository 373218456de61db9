"""Build page: open, upload or start a scenario and edit every section of it in tables.

The tables always show the current variant. Each edit is read back into a scenario
(:mod:`app_pages.tables`) and checked by the engine; a valid version replaces the variant at once
(so every page shows it) and the tables are drawn afresh from it; an invalid one shows the
engine's messages next to the table they concern and leaves the variant, and the figures, at
the last valid version.
"""

from __future__ import annotations

import datetime
from pathlib import PurePath
from typing import Any

import pandas as pd
import streamlit as st

from app_pages import state, tables
from businesscase import ScenarioError
from businesscase.examples import list_examples, load_example
from businesscase.scenario import LONGEST_HORIZON, Problem, scenario_from_dict
from businesscase.vocabulary import (
    COST_CATEGORIES,
    FUNDING_KINDS,
    STAKEHOLDER_KINDS,
    THEMES,
    VALUE_TYPES,
)

GENERATION_KEY = "build_generation"
BASE_KEY = "build_base"
UPLOAD_KEY = "build_upload"
UPLOAD_PROBLEMS_KEY = "build_upload_problems"
# fractions, shown as percentages
SHARES = frozenset(
    {
        "deadweight",
        "displacement",
        "attribution",
        "drop_off",
        "cashable_share",
        "reduction",
        "probability",
        "capture_share",
        "share",
        "growth",
        "uplift",
        "interest_rate",
    }
)
# amounts in euros
MONEY = frozenset({"amount", "proxy", "unit_cost", "base_value", "capital", "price", "cap"})
CHOICES: dict[str, tuple[str, ...]] = {
    "category": COST_CATEGORIES,
    "theme": THEMES,
    "value_type": VALUE_TYPES,
}
HOLDER_FIELDS = frozenset({"bearer", "payer", "funder", "investor", "outcome_payer", "stakeholder"})


@st.cache_data(max_entries=state.CACHE_ENTRIES, show_spinner=False)
def _frames(toml: str) -> dict[str, pd.DataFrame]:
    return tables.frames(state.scenario_of(toml))


def _generation() -> int:
    """Tables are keyed by a generation that changes whenever they are drawn afresh."""
    variant = state.current()
    base = st.session_state.get(BASE_KEY)
    if base != (variant.name, variant.toml):
        st.session_state[BASE_KEY] = (variant.name, variant.toml)
        st.session_state[GENERATION_KEY] = st.session_state.get(GENERATION_KEY, 0) + 1
    return st.session_state.setdefault(GENERATION_KEY, 0)


def _open_example() -> None:
    name = st.session_state["build_example"]
    state.add_variant(name, load_example(name))


def _start_empty() -> None:
    empty = scenario_from_dict(
        {
            "scenario": {
                "name": state.tr("empty_name"),
                "start_year": datetime.date.today().year,
                "horizon_years": 10,
            }
        }
    )
    state.add_variant(state.tr("empty_name"), empty)


def _take_upload() -> None:
    upload = st.session_state.get(UPLOAD_KEY)
    if upload is None:
        return
    scenario, problems = state.read_upload(upload.name, upload.getvalue())
    st.session_state[UPLOAD_PROBLEMS_KEY] = (upload.name, problems)
    if scenario is not None:
        state.add_variant(PurePath(upload.name).stem, scenario)


def _save_variant() -> None:
    state.add_variant(st.session_state["build_variant_name"], state.current().scenario)


def show_problems(heading: str, lines: list[str]) -> None:
    """Messages as plain text (never HTML or markdown: they quote what the user typed)."""
    st.error(heading, icon=":material/error:")
    st.code("\n".join(lines), language=None, wrap_lines=True)


def _label(field: str) -> str:
    return state.tr(f"field_{field}")


def _column(field: str, table: str, holders: list[str], outcomes: list[str]) -> Any:
    """The editor column of one field: pick-lists, percentages, euros, whole years."""
    label, help_text = _label(field), f"{field} · {state.tr('empty_default')}"
    if field in HOLDER_FIELDS:
        return st.column_config.SelectboxColumn(label, options=holders, help=field)
    if field == "outcome":
        return st.column_config.SelectboxColumn(label, options=outcomes, help=field)
    if field == "kind":
        options = STAKEHOLDER_KINDS if table == "stakeholders" else FUNDING_KINDS
        return st.column_config.SelectboxColumn(label, options=options, help=field)
    if field in CHOICES:
        return st.column_config.SelectboxColumn(label, options=CHOICES[field], help=help_text)
    if field in SHARES:
        return st.column_config.NumberColumn(label, format="percent", help=help_text)
    if field in MONEY:
        return st.column_config.NumberColumn(label, format="euro", help=help_text)
    if field in tables.WHOLE_FIELDS:
        return st.column_config.NumberColumn(label, format="%d", step=1, help=help_text)
    if field in tables.uncertain_fields(table):
        return st.column_config.NumberColumn(label, format="localized", help=help_text)
    return st.column_config.TextColumn(label, help=help_text)


def _column_config(table: str, holders: list[str], outcomes: list[str]) -> dict[str, Any]:
    config: dict[str, Any] = {}
    for field in tables.fields(table):
        config[field] = _column(field, table, holders, outcomes)
        if field in tables.uncertain_fields(table):
            config[field + tables.DIST] = st.column_config.TextColumn(
                state.tr("distribution_of", field=_label(field)),
                help=state.tr("distribution_help"),
            )
            config[field + tables.LOADED] = None
    return config


def _settings(row: dict[str, Any], generation: int) -> dict[str, Any]:
    """The ``[scenario]`` fields as widgets; returns their values as a settings row."""
    key = f"build_settings_{generation}_"
    values: dict[str, Any] = {}
    left, middle, right = st.columns(3)
    values["name"] = left.text_input(_label("name"), row.get("name", ""), key=key + "name")
    values["area"] = middle.text_input(_label("area"), row.get("area", ""), key=key + "area")
    values["currency"] = right.text_input(
        _label("currency"), row.get("currency", "EUR"), key=key + "currency"
    )
    values["description"] = st.text_area(
        _label("description"), row.get("description", ""), key=key + "description"
    )
    left, middle, right, last = st.columns(4)
    values["start_year"] = left.number_input(
        _label("start_year"), value=row.get("start_year"), step=1, key=key + "start_year"
    )
    horizon = row.get("horizon_years")
    values["horizon_years"] = middle.number_input(
        _label("horizon_years"),
        value=horizon,
        min_value=1,
        max_value=LONGEST_HORIZON,
        step=1,
        key=key + "horizon",
    )
    values["discount_rate"] = right.number_input(
        _label("discount_rate"),
        value=row.get("discount_rate"),
        step=0.0025,
        format="%.4f",
        key=key + "discount_rate",
    )
    values["discount_rate" + tables.DIST] = last.text_input(
        state.tr("distribution_of", field=_label("discount_rate")),
        row.get("discount_rate" + tables.DIST, ""),
        help=state.tr("distribution_help"),
        key=key + "discount_rate_dist",
    )
    values["discount_rate" + tables.LOADED] = row.get("discount_rate" + tables.LOADED, "")
    values["themes"] = st.multiselect(
        _label("themes"), THEMES, default=row.get("themes", []), key=key + "themes"
    )
    return values


def _figures() -> None:
    """The headline figures of the current (last valid) version."""
    state.headline_cards(state.result_of(state.current()).metrics)


def _by_table(problems: list[Problem]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for problem in problems:
        grouped.setdefault(tables.table_of(problem.path), []).append(problem.render(state.SOURCE))
    return grouped


st.title(state.tr("page_build"))
st.caption(state.tr("build_intro"))

source, upload, empty = st.columns([2, 2, 1], vertical_alignment="bottom")
examples = list_examples()
source.selectbox(state.tr("source_example"), examples, key="build_example")
source.button(state.tr("load_example"), on_click=_open_example)
upload.file_uploader(
    state.tr("upload_label"), type=["toml"], key=UPLOAD_KEY, on_change=_take_upload
)
empty.button(state.tr("start_empty"), on_click=_start_empty)
uploaded = st.session_state.get(UPLOAD_PROBLEMS_KEY)
if uploaded and uploaded[1]:
    show_problems(state.tr("upload_failed", name=state.markdown_text(uploaded[0])), uploaded[1])

variant = state.current()
st.subheader(state.tr("editing", name=state.markdown_text(variant.name)))
name_box, save, download = st.columns([2, 1, 1], vertical_alignment="bottom")
name_box.text_input(state.tr("variant_name"), variant.name, key="build_variant_name")
save.button(state.tr("save_variant"), on_click=_save_variant)
download.download_button(
    state.tr("download_toml"),
    variant.toml,
    file_name=f"{PurePath(variant.name).name or 'scenario'}.toml",
    mime="application/toml",
)
_figures()

generation = _generation()
frames = _frames(variant.toml)
problems_box: dict[str, Any] = {}

st.subheader(state.tr("table_scenario"))
settings = _settings(tables.settings_row(variant.scenario), generation)
problems_box["scenario"] = st.container()
edited: dict[str, pd.DataFrame] = {}
holders = list(frames["stakeholders"]["id"].dropna())
outcomes = list(frames["outcomes"]["name"].dropna())
for table in tables.TABLES:
    st.subheader(state.tr(f"table_{table}"))
    edited[table] = st.data_editor(
        frames[table],
        key=f"build_{table}_{generation}",
        num_rows="dynamic",
        column_config=_column_config(table, holders, outcomes),
        hide_index=False,
        width="stretch",
    )
    problems_box[table] = st.container()
st.caption(state.tr("rows_from_zero"))
problems_box[""] = st.container()

data, found = tables.scenario_data(settings, edited)
if not found:
    try:
        scenario = scenario_from_dict(data, source=state.SOURCE)
    except ScenarioError as error:
        found = error.problems
    else:
        if scenario != variant.scenario:
            state.update_variant(variant.name, scenario)
            st.rerun()


for table, lines in _by_table(found).items():
    with problems_box[table]:
        show_problems(state.tr("invalid_input"), lines)
