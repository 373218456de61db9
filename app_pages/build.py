"""Table view: open, upload or start a scenario and edit every section of it in tables.

The tables always show the current variant. Each edit is read back into a scenario
(:mod:`app_pages.tables`) and checked by the engine; a valid version replaces the variant at once
(so every page shows it); an invalid one shows what is wrong, in words, next to the table it
concerns and leaves the variant, and the figures, at the last valid version.

No typed value is lost: a table's editor keeps the data it was first drawn with for as long as
the variant is only changed by edits on this page (the editor itself holds the edits), so a
redraw after a valid edit keeps focus and every half-finished row. The tables are drawn afresh
only when the variant changes elsewhere (another variant, an example, the guided build), when the
language changes, or, for one table, when its pick-lists change (a new stakeholder or outcome).
"""

from __future__ import annotations

import datetime
import zlib
from pathlib import PurePath
from typing import Any

import pandas as pd
import streamlit as st

from app_pages import cells, state, tables
from businesscase import ScenarioError
from businesscase.examples import list_examples, load_example
from businesscase.problems import bounded
from businesscase.scenario import LONGEST_HORIZON, Problem, scenario_from_dict
from businesscase.text import TEXT
from businesscase.vocabulary import (
    COST_CATEGORIES,
    FUNDING_KINDS,
    STAKEHOLDER_KINDS,
    THEMES,
    VALUE_TYPES,
)

DRAWN_KEY = "build_drawn"
# Session key of what the tables were drawn from: see :func:`_drawn`.
UPLOAD_KEY = "build_upload"
UPLOAD_PROBLEMS_KEY = "build_upload_problems"
CHOICES: dict[str, tuple[tuple[str, ...], str]] = {
    "category": (COST_CATEGORIES, "category_"),
    "theme": (THEMES, ""),
    "value_type": (VALUE_TYPES, "value_type_"),
}
# Fields picked from a closed list: the list and the text-key prefix of its words.
HOLDER_FIELDS = frozenset(
    {
        "bearer",
        "payer",
        "funder",
        "investor",
        "outcome_payer",
        "stakeholder",
        "provider",
        "owner",
        "guarantor",
    }
)
EXPLAINED = tables.FLAGS | {"provider", "owner", "life", "inflation", "project", "pooled"}
# Fields whose column help starts with the plain explanation the guided build gives them.


def _drawn() -> dict[str, Any]:
    """What the tables show, kept in the session: the variant (name and text) and language they
    were drawn from, a generation number for the widget keys, the settings row, and per table its
    data and the pick-lists it was drawn with. Drawn afresh when the variant or the language
    changed elsewhere."""
    variant, code = state.current(), state.lang()
    drawn = st.session_state.get(DRAWN_KEY)
    if drawn is None or drawn["base"] != (variant.name, variant.toml, code):
        generation = drawn["generation"] + 1 if drawn else 0
        drawn = {
            "base": (variant.name, variant.toml, code),
            "generation": generation,
            "settings": tables.settings_row(variant.scenario, code),
            "frames": tables.frames(variant.scenario, code),
            "lists": {},
        }
        st.session_state[DRAWN_KEY] = drawn
    return drawn


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


def _help(table: str, field: str) -> str:
    """A column's help: what the field means with its typical range (where the guided build
    explains it for this table, or for a field of :data:`EXPLAINED`), the percentage rule, and
    the default an empty cell means."""
    specific, plain = f"help_{table}_{field}", f"help_{field}"
    parts = [state.tr(specific)] if specific in TEXT else []
    parts += [state.tr(plain)] if not parts and field in EXPLAINED else []
    parts += [state.tr("percent_cell_help")] if field in cells.PERCENT else []
    default = cells.default_text(table, field, state.lang())
    if default:
        parts.append(state.tr("empty_cell_help", default=default))
    return " ".join(parts) or _label(field)


def _column(field: str, table: str, lists: dict[str, dict[str, str]]) -> Any:
    """The editor column of one field: pick-lists in words, numbers as text in the language."""
    label, help_text = _label(field), _help(table, field)
    if field in HOLDER_FIELDS or field == "outcome":
        names = lists["outcomes" if field == "outcome" else "holders"]
        return st.column_config.SelectboxColumn(
            label,
            options=list(names),
            format_func=lambda key: names.get(key, key),
            help=help_text,
        )
    if field == "kind":
        options, prefix = (
            (STAKEHOLDER_KINDS, "kind_") if table == "stakeholders" else (FUNDING_KINDS, "funding_")
        )
        return st.column_config.SelectboxColumn(
            label, options=options, format_func=state.words(prefix), help=label
        )
    if field == "project":  # or a line of the programme itself, written without a project
        projects = lists["projects"]
        return st.column_config.SelectboxColumn(
            label,
            options=[tables.PROGRAMME_LINE, *projects],
            format_func=lambda key: projects.get(key) or state.tr("programme_level"),
            help=help_text,
        )
    if field == "pooled":  # or its default: earmarked on a project's line
        return st.column_config.SelectboxColumn(
            label,
            options=(tables.FLAG_DEFAULT, "true", "false"),
            format_func=state.words("flag_", none=state.tr("flag_default")),
            help=help_text,
        )
    if field in tables.FLAGS:  # the file's true/false, said as ja/nee or yes/no
        return st.column_config.SelectboxColumn(
            label, options=("true", "false"), format_func=state.words("flag_"), help=help_text
        )
    if field in CHOICES:
        options, prefix = CHOICES[field]
        return st.column_config.SelectboxColumn(
            label, options=options, format_func=state.words(prefix), help=help_text
        )
    return st.column_config.TextColumn(label, help=help_text)


def _column_config(table: str, lists: dict[str, dict[str, str]]) -> dict[str, Any]:
    config: dict[str, Any] = {}
    for field in tables.fields(table):
        config[field] = _column(field, table, lists)
        if field in tables.uncertain_fields(table):
            config[field + tables.DIST] = st.column_config.TextColumn(
                state.tr("distribution_of", field=_label(field)),
                help=state.tr("distribution_help"),
            )
            config[field + tables.LOADED] = None
    if table == "sib":
        config[tables.METRICS] = None
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
        _label("start_year"), value=int(row["start_year"]), step=1, key=key + "start_year"
    )
    values["horizon_years"] = str(
        middle.number_input(
            _label("horizon_years"),
            value=int(row["horizon_years"].split()[0]),
            min_value=1,
            max_value=LONGEST_HORIZON,
            step=1,
            key=key + "horizon",
        )
    )
    values["discount_rate"] = right.text_input(
        _label("discount_rate"),
        row.get("discount_rate", ""),
        help=_help("scenario", "discount_rate"),
        key=key + "discount_rate",
    )
    values["discount_rate" + tables.DIST] = last.text_input(
        state.tr("distribution_of", field=_label("discount_rate")),
        row.get("discount_rate" + tables.DIST, ""),
        help=state.tr("distribution_help"),
        key=key + "discount_rate_dist",
    )
    values["discount_rate" + tables.LOADED] = row.get("discount_rate" + tables.LOADED, "")
    # inflation: only for contracts fixed in euros and the cash balance in current euros
    values["inflation"] = st.text_input(
        _label("inflation"),
        row.get("inflation", ""),
        help=_help("scenario", "inflation"),
        key=key + "inflation",
    )
    for suffix in (tables.DIST, tables.LOADED):  # a distribution as loaded is kept
        values["inflation" + suffix] = row.get("inflation" + suffix, "")
    values["themes"] = st.multiselect(
        _label("themes"),
        THEMES,
        default=row.get("themes", []),
        placeholder=state.tr("choose_themes"),
        key=key + "themes",
    )
    return values


def _lists(edited: dict[str, pd.DataFrame]) -> dict[str, dict[str, str]]:
    """The pick-lists as the tables now stand (edits included): stakeholder id -> name, project
    id -> name, outcome name -> name."""

    def named(table: str) -> dict[str, str]:
        rows = (
            edited[table].dropna(subset=["id"]).to_dict(orient="records") if table in edited else []
        )
        return {str(row["id"]): f"{row['name'] or row['id']} ({row['id']})" for row in rows}

    outcomes = edited["outcomes"]["name"].dropna() if "outcomes" in edited else []
    return {
        "holders": named("stakeholders"),
        "projects": named("projects"),
        "outcomes": {str(name): str(name) for name in outcomes},
    }


def _editor(table: str, drawn: dict[str, Any], lists: dict[str, dict[str, str]]) -> pd.DataFrame:
    """One table's editor. Drawn afresh from the current variant when its pick-lists changed."""
    picked_by = {"holders": HOLDER_FIELDS, "projects": {"project"}, "outcomes": {"outcome"}}
    used = {
        name: lists[name]
        for name, picking in picked_by.items()
        if picking.intersection(tables.fields(table))
    }
    signature = repr(sorted((name, sorted(items.items())) for name, items in used.items()))
    if drawn["lists"].setdefault(table, signature) != signature:
        drawn["lists"][table] = signature
        drawn["frames"][table] = tables.frames(state.current().scenario, state.lang())[table]
    return st.data_editor(
        drawn["frames"][table],
        key=f"build_{table}_{drawn['generation']}_{zlib.crc32(signature.encode())}",
        num_rows="dynamic",
        column_config=_column_config(table, lists),
        column_order=_order(table, lists),
        hide_index=True,
        width="stretch",
        placeholder="",
    )


def _order(table: str, lists: dict[str, dict[str, str]]) -> list[str] | None:
    """In a programme, a line's project and pooled flag right after its name (they say whose
    line and money it is); otherwise the file's order (None)."""
    names = tables.columns(table)
    if not lists.get("projects") or "project" not in names:
        return None
    first = [name for name in ("name", "project", "pooled") if name in names]
    return first + [name for name in names if name not in first]


def _by_table(problems: list[Problem]) -> dict[str, list[str]]:
    """The engine's messages per table, in words in the user's language, at most ten of a
    kind with a count of the rest."""
    grouped: dict[str, list[Problem]] = {}
    for problem in problems:
        grouped.setdefault(tables.table_of(problem.path), []).append(problem)
    lang = state.lang()
    return {
        table: bounded(found, lambda problem: tables.describe(problem, lang), str, lang)
        for table, found in grouped.items()
    }


st.title(state.tr("page_build"))
st.caption(state.tr("build_intro"))

source, upload, empty = st.columns([2, 2, 1], vertical_alignment="bottom")
examples = list_examples()
source.selectbox(state.tr("source_example"), examples, key="build_example")
source.button(state.tr("load_example"), on_click=_open_example)
# folded away: Streamlit's uploader speaks English ("Upload", "Drag and drop file here")
upload.expander(state.tr("upload_label"), icon=":material/upload_file:").file_uploader(
    state.tr("upload_label"),
    type=["toml"],
    key=UPLOAD_KEY,
    on_change=_take_upload,
    label_visibility="collapsed",
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
state.headline_cards(state.result_of(variant).metrics)

drawn = _drawn()
problems_box: dict[str, Any] = {}

st.subheader(state.tr("table_scenario"))
settings = _settings(drawn["settings"], drawn["generation"])
problems_box["scenario"] = st.container()
edited: dict[str, pd.DataFrame] = {}
for table in tables.TABLES:
    st.subheader(state.tr(f"table_{table}"))
    edited[table] = _editor(table, drawn, _lists(edited) if edited else {})
    problems_box[table] = st.container()
problems_box[""] = st.container()

data, found = tables.scenario_data(settings, edited, state.lang())
if not found:
    try:
        scenario = scenario_from_dict(data, source=state.SOURCE)
    except ScenarioError as error:
        found = error.problems
    else:
        if scenario != variant.scenario:
            state.update_variant(variant.name, scenario)
            # the editors hold this edit: keep what they were drawn from
            drawn["base"] = (variant.name, state.current().toml, state.lang())
            st.rerun()

for table, lines in _by_table(found).items():
    with problems_box[table]:
        show_problems(state.tr("invalid_input"), lines)
