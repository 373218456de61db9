"""Guided build: a team builds its business case step by step, in the order of the method.

Seven steps, each one screen of plain forms (see ``docs/app.md``, "The guided build"): the plan,
who takes part, what it costs, what it yields, what it prevents, who pays, and does it close.
Every field is explained in plain words with a typical range (the ``help_*`` texts of
:mod:`businesscase.text`). The case is the current variant: every form saves it at once, valid or
not yet valid, so a step can be left and revisited, and the headline figures (or what is still
missing, in words) follow every step. The step shown is part of the address (``?stap=kosten``),
so a link opens the same step.

The forms are drawn from lists of fields (:data:`FORMS`): a field is shown by its kind (money,
percentage, years, calendar year, pick-list, text, see :mod:`app_pages.cells`), so adding a field
to a step is one entry there and one help text.
"""

from __future__ import annotations

import datetime
import math
import re
import zlib
from typing import Any

import pandas as pd
import streamlit as st

from app_pages import cells, state, tables
from businesscase import close_the_gap, export, library
from businesscase import formatting as fmt
from businesscase.distributions import DISTRIBUTIONS, nearest_whole
from businesscase.examples import load_baseline
from businesscase.text import TEXT
from businesscase.vocabulary import (
    COST_CATEGORIES,
    FUNDING_KINDS,
    STAKEHOLDER_KINDS,
    THEMES,
    VALUE_TYPES,
)

STEPS: tuple[str, ...] = ("plan", "partijen", "kosten", "baten", "voorkomen", "betalen", "sluit")
# The steps in the order of the method; each name is also its value in the address.
STEP_KEY = "stap"
# Session key (and query parameter) of the step shown.
DEFAULT_HORIZON = 10
# Horizon of a new plan [years]: the BoTu programme runs ten years (2018-2028).

CHOICES: dict[str, tuple[tuple[str, ...], str]] = {
    "kind": (STAKEHOLDER_KINDS, "kind_"),
    "category": (COST_CATEGORIES, "category_"),
    "value_type": (VALUE_TYPES, "value_type_"),
    "funding_kind": (FUNDING_KINDS, "funding_"),
    "theme": (("", *THEMES), ""),
}
# Pick-list fields: their options and the text-key prefix of their words.
HOLDERS = frozenset({"bearer", "funder"})
# Fields that name a stakeholder of the case.
OPTIONAL_HOLDERS = frozenset({"provider", "owner"})
# Fields that may name a stakeholder: who gives a cost in kind, who owns a residual value.

FORMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "partijen": ("stakeholders", ("name", "kind")),
    "kosten": (
        "costs",
        (
            "name",
            "amount",
            "start",
            "slip",
            "duration",
            "category",
            "in_kind",
            "provider",
            "life",
            "owner",
            "proxy_source",
            "project",
        ),
    ),
    "baten": (
        "outcomes",
        (
            "name",
            "theme",
            "indicator",
            "quantity",
            "proxy",
            "proxy_source",
            "value_type",
            "harm",
            "transfer",
            "deadweight",
            "attribution",
            "lasts",
            "cashable_share",
            "start",
            "slip",
            "duration",
            "project",
        ),
    ),
    "voorkomen": (
        "avoided_costs",
        (
            "name",
            "bearer",
            "incidents",
            "reduction",
            "unit_cost",
            "proxy_source",
            "probability",
            "deadweight",
            "displacement",
            "attribution",
            "drop_off",
            "cashable_share",
            "transfer",
            "start",
            "slip",
            "duration",
            "project",
        ),
    ),
    "betalen": (
        "funding",
        (
            "name",
            "funder",
            "kind",
            "amount",
            "probability",
            "start",
            "slip",
            "duration",
            "nominal",
            "project",
            "pooled",
            "interest_rate",
            "term",
        ),
    ),
    "projecten": ("projects", ("name",)),
}
# Per step (and the plan's projects): the section its form adds a line to and the fields it
# asks, in order.
PROXY_SECTIONS = {"outcomes": "proxy", "avoided_costs": "unit_cost"}
# Sections whose value may be picked from the library, and the field it fills.
LOAN_ONLY = frozenset({"interest_rate", "term"})
NOT_FOR_LOANS = frozenset({"duration", "slip"})
# A loan's start stays a whole year: its contract fixes it.
RANGED = {"outcomes": "quantity", "avoided_costs": "incidents"}
# The counts a form may give as a range (at least, at most): how many people an outcome
# reaches, how often an event happens; only a count given as a range can move with another.
SAME_PEOPLE_RHO = 0.8
# The rank correlation offered for lines that count the same participants: nearly in step
# (0.5 is clearly together); the examples use 0.95 for the very same residents.
SLIP = "slip"
# Not a field of the file: how many years a line may start later than planned at most, written
# into its ``start`` as a distribution (:func:`_slipping_start`).
PROGRAMME_FIELDS = frozenset({"project", "pooled"})
# Asked only of a programme (a case with projects): the line's project, and whether its money
# is pooled.
PROJECT_SECTIONS: tuple[str, ...] = (
    "costs",
    "outcomes",
    "avoided_costs",
    "value_capture",
    "funding",
    "sib",
)
# The sections whose lines may belong to a project, in file order.
INFLOWS = frozenset({"value_capture", "funding", "sib"})
# The sections whose money may be pooled or earmarked.
POOLED_CHOICES: dict[str, bool | None] = {"default": None, "true": True, "false": False}
# The pooled pick-list: the default (earmarked on a project's line, pooled on a programme
# line), pooled, earmarked; each said by its text key ``pooled_<choice>``.
POOLED_WORDS: dict[bool | None, str] = {value: choice for choice, value in POOLED_CHOICES.items()}


def _help(section: str, field: str) -> str:
    """The plain explanation of a field, with its typical range."""
    key = f"help_{section}_{field}"
    return state.tr(key if key in TEXT else f"help_{field}")


def _label(section: str, field: str) -> str:
    key = f"ask_{section}_{field}"
    return state.tr(key if key in TEXT else f"ask_{field}")


def _slug(name: str, taken: set[str], fallback: str) -> str:
    """An id for a new stakeholder or project from its name: ``Gemeente Rotterdam`` ->
    ``gemeente_rotterdam`` (numbered when taken; ``fallback`` for a name without letters)."""
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or fallback
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}_{number}", number + 1
    return candidate


def _widget(section: str, field: str, case: dict[str, Any], key: str) -> Any:
    """One field of a form, shown by its kind; returns its value as the file writes it."""
    label, help_text = _label(section, field), _help(section, field)
    settings = case["scenario"]
    first, horizon = int(settings["start_year"]), int(settings["horizon_years"])
    if field == "start":
        years = list(range(first, first + horizon))
        return st.selectbox(label, years, help=help_text, key=key) - first
    if field == SLIP:  # 0: starts in the planned year, nothing to draw
        return (
            st.number_input(
                label,
                min_value=0,
                max_value=horizon - 1,
                value=0,
                step=1,
                help=help_text,
                key=key,
            )
            or None
        )
    if field in HOLDERS:
        names = {holder["id"]: holder["name"] for holder in case.get("stakeholders", [])}
        return st.selectbox(
            label, list(names), format_func=lambda id_: names[id_], help=help_text, key=key
        )
    if field == "project":  # "": a line of the programme itself
        projects = _projects(case)
        return (
            st.selectbox(
                label,
                ["", *projects],
                format_func=lambda id_: projects.get(id_) or state.tr("programme_level"),
                help=help_text,
                key=f"{key}_{state.lang()}",
            )
            or None
        )
    if field == "pooled":
        choice = st.selectbox(
            label,
            list(POOLED_CHOICES),
            format_func=state.words("pooled_"),
            help=help_text,
            key=f"{key}_{state.lang()}",
        )
        return POOLED_CHOICES[choice]
    if field in tables.FLAGS:  # unticked leaves the field out: false
        return st.checkbox(label, help=help_text, key=key) or None
    if field in OPTIONAL_HOLDERS:
        names = {"": "–"} | {
            holder["id"]: holder["name"] for holder in case.get("stakeholders", [])
        }
        return (
            st.selectbox(label, list(names), format_func=names.get, help=help_text, key=key) or None
        )
    if field == "life":  # empty: no residual value; may exceed the years counted
        return st.number_input(
            label,
            min_value=1,
            value=None,
            step=1,
            help=help_text,
            key=key,
            placeholder=state.tr("type_a_number"),
        )
    choice = "funding_kind" if (section, field) == ("funding", "kind") else field
    if choice in CHOICES:
        options, prefix = CHOICES[choice]
        return (
            st.selectbox(
                label,
                options,
                format_func=state.words(prefix),
                help=help_text,
                key=f"{key}_{state.lang()}",  # its words change with the language
            )
            or None
        )
    if field in cells.PERCENT:
        default = cells.default_text(section, field, state.lang())
        start = float(cells.read(default, field, state.lang()) or 0.0) * 100 if default else None
        typed = st.number_input(
            label,
            min_value=0.0,
            max_value=100.0 if field in cells.SHARES else None,
            value=start,
            step=5.0,
            format="%.0f",
            help=help_text,
            key=key,
        )
        return None if typed is None else round(typed / 100, 12)
    if field in cells.YEARS:
        return st.number_input(
            label,
            min_value=1,
            max_value=horizon,
            value=1 if field != "duration" else horizon,
            step=1,
            help=help_text,
            key=key,
        )
    if field in cells.MONEY:
        return state.money_input(label, help=help_text, key=key)
    if field in cells.NUMBERS:
        return st.number_input(
            label,
            min_value=0.0,
            value=None,
            step=1.0,
            format="%g",
            help=help_text,
            key=key,
            placeholder=state.tr("type_a_number"),
        )
    return st.text_input(label, help=help_text, key=key).strip() or None


def _projects(case: dict[str, Any]) -> dict[str, str]:
    """The declared projects of a programme: id -> name (empty for a single project)."""
    return {
        project["id"]: project.get("name") or project["id"] for project in case.get("projects", [])
    }


def _asked(section: str, fields: tuple[str, ...], case: dict[str, Any]) -> tuple[str, ...]:
    """The fields a form asks of this case: a line's project and pooled flag only in a
    programme, the pooled flag only of money coming in."""
    return tuple(
        field
        for field in fields
        if field not in PROGRAMME_FIELDS
        or (_projects(case) and (field == "project" or section in INFLOWS))
    )


def _save(case: dict[str, Any]) -> None:
    state.update_case(state.current().name, case)


def _headline() -> None:
    """The figures of the case as it stands, or what is still missing, in words."""
    variant = state.current()
    problems = variant.problems
    if not problems:
        metrics = state.result_of(variant).metrics
        cards = state.headline_cards(metrics)
        if not metrics["closes"]:
            start = variant.scenario.settings.start_year
            cards.metric(
                state.tr("first_short_year"),
                fmt.year(metrics["first_short_year"], start),
                border=True,
            )
        return
    state.what_is_missing(variant)


def _lines(section: str, case: dict[str, Any], columns: tuple[str, ...]) -> None:
    """The lines of a section so far, as a small table in words, each removable."""
    lines = case.get(section, [])
    if not lines:
        st.caption(state.tr("guided_none_yet"))
        return
    code = state.lang()
    rows = []
    for line in lines:
        row = {}
        for field in columns:
            value = line.get(field)
            if field == "start":
                settings = case["scenario"]
                value = _start_text(value, settings["start_year"], settings["horizon_years"])
            elif isinstance(value, dict) and {"low", "mode", "high"} <= set(value):
                ends = (cells.show(value[end], field, code) for end in ("low", "high"))
                value = f"{cells.show(value['mode'], field, code)} ({'–'.join(ends)})"
            elif cells.is_numeric(field):
                value = cells.show(value, field, code) or cells.default_text(section, field, code)
            elif field in ("kind", "category", "value_type"):
                choice = "funding_kind" if (section, field) == ("funding", "kind") else field
                value = state.words(CHOICES[choice][1])(value) if value else "–"
            elif field == "pooled":
                value = state.tr(f"pooled_{POOLED_WORDS[value]}")
            elif field in tables.FLAGS:
                value = state.tr("yes") if value else ""
            elif field in HOLDERS | OPTIONAL_HOLDERS:
                names = {holder["id"]: holder["name"] for holder in case.get("stakeholders", [])}
                value = names.get(value, value)
            elif field == "project":
                value = _projects(case).get(value, value) or state.tr("programme_level")
            elif field == "beneficiaries":
                value = ", ".join(
                    f"{who} {cells.show(share, 'share', code)}" for who, share in value.items()
                )
            row[_label(section, field)] = "" if value is None else value
        rows.append(row)
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    names = [line.get("name", "") for line in lines]
    gone = left.selectbox(
        state.tr("guided_remove_which"),
        range(len(lines)),
        format_func=lambda i: names[i],
        key=f"remove_{section}",
    )
    if right.button(state.tr("guided_remove"), key=f"remove_button_{section}"):
        removed = lines.pop(gone)
        if section == "stakeholders":
            _drop_references(case, removed["id"])
        if section == "projects":
            _drop_project(case, removed["id"])
        _drop_correlated(case, section, gone)
        _save(case)
        st.rerun()


def _drop_references(case: dict[str, Any], holder: str) -> None:
    """A removed stakeholder no longer benefits from an outcome."""
    for outcome in case.get("outcomes", []):
        outcome.get("beneficiaries", {}).pop(holder, None)


def _drop_project(case: dict[str, Any], project: str) -> None:
    """The lines of a removed project become lines of the programme itself; money marked
    earmarked becomes the programme's (pooled) money, as a programme line's money is."""
    for section in PROJECT_SECTIONS:
        found = case.get(section, [])
        for line in [found] if isinstance(found, dict) else found:
            if line.get("project") == project:
                line.pop("project")
                if line.get("pooled") is False:
                    line.pop("pooled")


def _add_form(step: str, case: dict[str, Any]) -> None:
    """The form that adds one line to the step's section."""
    section, asked = FORMS[step]
    asked = _asked(section, asked, case)
    prefix = f"add_{section}_"
    with st.form(f"form_{section}", clear_on_submit=True, border=True):
        st.markdown(f"**{state.tr(f'guided_add_{section}')}**")
        picked = None
        if section in PROXY_SECTIONS:
            picked = state.library_pick(state.tr(f"guided_library_{section}"), prefix + "library")
        values: dict[str, Any] = {}
        span: tuple[float | None, float | None] = (None, None)
        for field in asked:
            if section == "funding" and field in LOAN_ONLY:
                continue
            values[field] = _widget(section, field, case, prefix + field)
            if field == RANGED.get(section):  # the range right under the number it is about
                span = _range_inputs(section, prefix)
        if section == "funding":
            with st.expander(state.tr("guided_loan_terms")):
                for field in LOAN_ONLY:
                    values[field] = _widget(section, field, case, prefix + field)
        shares = _beneficiary_shares(case, prefix) if section == "outcomes" else {}
        if not st.form_submit_button(state.tr("guided_add"), type="primary"):
            return
    line = _line(section, values, picked)
    if section in RANGED:
        line = _with_range(line, RANGED[section], *span)
    if section in ("stakeholders", "projects"):
        taken = {each["id"] for each in case.get(section, [])}
        fallback = "partij" if section == "stakeholders" else "project"
        line = {"id": _slug(line.get("name", ""), taken, fallback), **line}
    if section == "outcomes":
        line["beneficiaries"] = {who: share / 100 for who, share in shares.items() if share}
    case.setdefault(section, []).append(line)
    _save(case)
    st.rerun()


def _contract_form(case: dict[str, Any]) -> None:
    """Step 6: add an outcome contract: investor, capital and its drawdown, one outcome paid
    for by one payer or two payers' shares, price, cap, return cap and guarantee."""
    names = {holder["id"]: holder["name"] for holder in case.get("stakeholders", [])}
    outcomes = [line["name"] for line in case.get("outcomes", []) if not line.get("harm")]
    with st.expander(state.tr("guided_add_contract"), icon=":material/handshake:"):
        st.markdown(state.tr("guided_contract_intro"))
        if not names or not outcomes:
            st.info(state.tr("guided_contract_needs"))
            return
        with st.form("form_sib", clear_on_submit=True, border=False):
            contract = _contract_fields(names, outcomes)
            project = (
                _widget("sib", "project", case, "add_sib_project") if _projects(case) else None
            )
            if not st.form_submit_button(
                state.tr("guided_add_contract_button"), type="primary", key="add_sib"
            ):
                return
    if contract is None:
        return
    contract |= {"project": project} if project else {}
    found = case.get("sib")
    contracts = [] if found is None else [found] if isinstance(found, dict) else list(found)
    contracts = [{"name": "SIB"} | bond for bond in contracts] + [contract]
    case["sib"] = contracts[0] if len(contracts) == 1 else contracts
    _save(case)
    st.rerun()


def _contract_fields(names: dict[str, str], outcomes: list[str]) -> dict[str, Any] | None:
    """The contract form's fields; the contract as the file writes it, or None (said why)."""
    ids = list(names)
    pick = {"format_func": lambda id_: names[id_]}
    left, right = st.columns(2)
    name = left.text_input(
        state.tr("field_name"), "SIB", help=state.tr("help_sib_name"), key="add_sib_name"
    )
    investor = right.selectbox(
        state.tr("field_investor"),
        ids,
        help=state.tr("help_guided_contract_investor"),
        key="add_sib_investor",
        **pick,
    )
    capital = state.money_input(
        state.tr("field_capital"),
        where=left,
        help=state.tr("help_guided_contract_capital"),
        key="add_sib_capital",
    )
    drawdown = right.text_input(
        state.tr("field_drawdown"), help=state.tr("help_sib_drawdown"), key="add_sib_drawdown"
    )
    outcome = left.selectbox(
        state.tr("field_outcome"),
        outcomes,
        help=state.tr("help_guided_contract_outcome"),
        key="add_sib_outcome",
    )
    price = state.money_input(
        state.tr("field_price"),
        where=right,
        help=state.tr("help_guided_contract_price"),
        key="add_sib_price",
    )
    payer = left.selectbox(
        state.tr("field_payer"),
        ids,
        help=state.tr("help_guided_contract_payer"),
        key="add_sib_payer",
        **pick,
    )
    second = right.selectbox(
        state.tr("guided_contract_second_payer"),
        ["", *ids],
        format_func=lambda id_: names.get(id_, "–"),
        help=state.tr("help_guided_contract_second_payer"),
        key="add_sib_second_payer",
    )
    share = left.number_input(
        state.tr("guided_contract_payer_share"),
        min_value=0.0,
        max_value=100.0,
        value=100.0,
        step=5.0,
        format="%.0f",
        help=state.tr("help_guided_contract_payer_share"),
        key="add_sib_payer_share",
    )
    cap = state.money_input(
        state.tr("field_cap"),
        where=right,
        help=state.tr("help_guided_contract_cap"),
        key="add_sib_cap",
    )
    max_irr = left.number_input(
        state.tr("field_max_irr") + " (%)",
        min_value=0.0,
        value=None,
        step=1.0,
        format="%g",
        help=state.tr("help_sib_max_irr"),
        key="add_sib_max_irr",
    )
    guarantor = right.selectbox(
        state.tr("field_guarantor"),
        ["", *ids],
        format_func=lambda id_: names.get(id_, "–"),
        help=state.tr("help_sib_guarantor"),
        key="add_sib_guarantor",
    )
    guaranteed = left.number_input(
        state.tr("field_guarantee_share") + " (%)",
        min_value=0.0,
        max_value=100.0,
        value=None,
        step=5.0,
        format="%.0f",
        help=state.tr("help_sib_guarantee_share"),
        key="add_sib_guarantee_share",
    )
    if second == payer:
        st.error(state.tr("guided_contract_same_payer"))
        return None
    shares = _drawdown_shares(drawdown)
    if drawdown.strip() and shares is None:
        return None
    payers = {payer: share / 100} | ({second: 1 - share / 100} if second else {})
    metric = {"outcome": outcome, "price": price}
    metric |= {"payers": payers} if second else {"payer": payer}
    terms = {
        "name": name.strip() or None,
        "investor": investor,
        "capital": capital,
        "drawdown": shares,
        "cap": cap,
        "max_irr": None if max_irr is None else max_irr / 100,
        "guarantor": guarantor or None,
        "guarantee_share": None if guaranteed is None else guaranteed / 100,
    }
    written = {field: value for field, value in terms.items() if value is not None}
    return written | {"metrics": [{k: v for k, v in metric.items() if v is not None}]}


def _drawdown_shares(text: str) -> list[float] | None:
    """The drawdown typed as ``50%; 30%; 20%`` (as in the table view): fractions; None when
    empty or unreadable (the reason said on the page)."""
    if not text.strip():
        return None
    shares = []
    for part in text.split(tables.DRAWDOWN_SEPARATOR.strip()):
        try:
            shares.append(cells.read(part.strip(), "share", state.lang()))
        except ValueError as error:
            st.error(state.tr("guided_contract_bad_drawdown", value=text, reason=str(error)))
            return None
    return shares


def _line(section: str, values: dict[str, Any], picked: library.Entry | None) -> dict[str, Any]:
    """The line as the file writes it: fields left empty stay out; a loan takes no duration,
    another kind no interest or term; a value picked from the library fills an empty value."""
    line = {field: value for field, value in values.items() if value is not None}
    if section == "funding":
        dropped = NOT_FOR_LOANS if line.get("kind") == "loan" else LOAN_ONLY
        line = {field: value for field, value in line.items() if field not in dropped}
    slip = line.pop(SLIP, None)
    if slip:
        line["start"] = _slipping_start(line.get("start", 0), slip)
    if picked is not None:
        field = PROXY_SECTIONS[section]
        line.setdefault(field, picked.value)
        line.setdefault("proxy_source", picked.citation(state.lang()))
    return line


def _range_inputs(section: str, prefix: str) -> tuple[float | None, float | None]:
    """The count's range, both optional: at least (when it disappoints) and at most."""
    st.markdown(state.tr(f"guided_range_{section}"))
    left, right = st.columns(2)
    return tuple(  # type: ignore[return-value]
        where.number_input(
            state.tr(f"guided_range_{end}"),
            min_value=0.0,
            value=None,
            step=1.0,
            format="%g",
            help=state.tr(f"help_guided_range_{end}"),
            key=f"{prefix}{RANGED[section]}_{end}",
            placeholder=state.tr("type_a_number"),
        )
        for where, end in ((left, "low"), (right, "high"))
    )


def _with_range(
    line: dict[str, Any], field: str, low: float | None, high: float | None
) -> dict[str, Any]:
    """The line with its count as a triangular distribution when a range was given: from at
    least to at most, the typed number most likely (an end left empty is that number; both
    ends equal to it: the number). A range that does not hold the number is left to the
    scenario's check, said in words."""
    typed = line.get(field)
    if typed is None or (low is None and high is None):
        return line
    low, high = typed if low is None else low, typed if high is None else high
    if low == typed == high:
        return line
    return line | {field: {"dist": "triangular", "low": low, "mode": typed, "high": high}}


def _same_participants(case: dict[str, Any]) -> None:
    """Lines that count the same people, made to move together in the Monte Carlo: a group of
    their counts with a rank correlation (``[[correlations]]``), checked by the scenario."""
    counts = {
        f"{section}[{index}].{field}": line.get("name", "")
        for section, field in RANGED.items()
        for index, line in enumerate(case.get(section, []))
        if isinstance(line.get(field), dict)
    }
    st.subheader(state.tr("guided_same_title"))
    st.markdown(state.tr("guided_same_intro"))
    groups = case.get("correlations", [])
    if groups:
        code = state.lang()
        st.dataframe(
            pd.DataFrame(
                {
                    state.tr("guided_same_lines"): [
                        ", ".join(
                            counts.get(path) or _input_words(case, path) for path in group["inputs"]
                        )
                        for group in groups
                    ],
                    state.tr("field_rho"): [fmt.number(group["rho"], code, 2) for group in groups],
                }
            ),
            hide_index=True,
            width="stretch",
        )
        if st.button(state.tr("guided_same_remove"), key="remove_correlations"):
            case.pop("correlations")
            _save(case)
            st.rerun()
    if len(counts) < 2:
        st.info(state.tr("guided_same_needs_ranges"))
        return
    with st.form("form_correlations", clear_on_submit=True, border=True):
        picked = st.multiselect(
            state.tr("guided_same_pick"),
            list(counts),
            format_func=counts.get,
            placeholder=state.tr("guided_same_placeholder"),
            help=state.tr("help_guided_same_pick"),
            key="add_correlations_inputs",
        )
        rho = st.number_input(
            state.tr("guided_same_rho"),
            min_value=-0.99,
            max_value=0.99,
            value=SAME_PEOPLE_RHO,
            step=0.05,
            format="%.2f",
            help=state.tr("help_correlations_rho"),
            key="add_correlations_rho",
        )
        if not st.form_submit_button(state.tr("guided_same_add"), type="primary"):
            return
    if len(picked) < 2:
        st.error(state.tr("guided_same_two"))
        return
    case.setdefault("correlations", []).append({"inputs": picked, "rho": round(rho, 12)})
    _save(case)
    st.rerun()


def _input_words(case: dict[str, Any], path: str) -> str:
    """An input of a group that is not a count of this step, in words: ``Coördinator: bedrag``
    for ``costs[0].amount``; a path that names no line stays as written (said as a problem)."""
    found = re.fullmatch(r"([a-z_]+)\[(\d+)\]\.([a-z_]+)", path)
    lines = case.get(found.group(1), []) if found else []
    if not found or not isinstance(lines, list) or int(found.group(2)) >= len(lines):
        return path
    field = f"field_{found.group(3)}"
    name = lines[int(found.group(2))].get("name", "")
    return f"{name}: {state.tr(field)}" if field in TEXT else path


def _drop_correlated(case: dict[str, Any], section: str, index: int) -> None:
    """A removed line's inputs leave their group (also a group written in the table view), the
    inputs of the lines after it in its section move one up; a group left with one input goes."""
    groups = []
    for group in case.get("correlations", []):
        inputs = []
        for path in group["inputs"]:
            head, _, rest = path.partition("[")
            number, _, field = rest.partition("]")
            if head != section or int(number) < index:
                inputs.append(path)
            elif int(number) > index:
                inputs.append(f"{head}[{int(number) - 1}]{field}")
        if len(inputs) > 1:
            groups.append(group | {"inputs": inputs})
    case.pop("correlations", None)
    case.update({"correlations": groups} if groups else {})


def _slipping_start(planned: int, slip: int) -> dict[str, Any]:
    """A start that may come up to ``slip`` years after the ``planned`` one [years from
    start_year], as the file writes it: a triangular distribution from half a year before the
    planned year (its most likely value) to half a year after the latest.

    Each Monte Carlo draw is rounded to a whole year (halves up), so every year from the
    planned one to the latest gets a full year's width, the planned year the most likely and
    each later year less so (one year of slip: 75% on time, 25% a year late; two: 56%, 33%,
    11%); the figures use the base value, rounded: the planned year (docs/app.md). Planned
    year 1 with two years of slip: ``triangular(0.5, 0.5, 3.5)``.
    """
    earliest = planned - 0.5
    return {"dist": "triangular", "low": earliest, "mode": earliest, "high": planned + slip + 0.5}


def _start_text(start: Any, first: int, horizon: int) -> str:
    """A line's first calendar year in the table of lines; a start that may slip as its
    planned year to the latest year a draw rounds to, within the horizon (``2028–2030``)."""
    if not isinstance(start, dict):
        return str(first + int(start or 0))
    try:
        planned = first + nearest_whole(DISTRIBUTIONS[start["dist"]].model_validate(start).base)
    except (KeyError, ValueError):  # not a distribution yet: said among the case's problems
        return ""
    if "high" not in start:  # normal or lognormal: no latest year
        return str(planned)
    latest = first + min(math.ceil(start["high"] - 0.5), horizon - 1)
    return f"{planned}–{latest}"


def _beneficiary_shares(case: dict[str, Any], prefix: str) -> dict[str, float]:
    """Who benefits from the outcome, and which share of its value [percent]."""
    holders = case.get("stakeholders", [])
    st.markdown(state.tr("guided_beneficiaries"))
    if not holders:
        st.info(state.tr("guided_first_stakeholders"))
        return {}
    columns = st.columns(min(len(holders), 4))
    shares = {}
    for number, holder in enumerate(holders):
        shares[holder["id"]] = columns[number % len(columns)].number_input(
            holder["name"],
            min_value=0.0,
            max_value=100.0,
            value=0.0,
            step=10.0,
            format="%.0f",
            help=state.tr("help_beneficiary_share"),
            key=f"{prefix}share_{holder['id']}",
        )
    return shares


def _plan(case: dict[str, Any]) -> None:
    """Step 1: name, neighbourhood, years, themes; the neighbourhood analysis."""
    settings = case["scenario"]
    with st.form("form_plan", border=True):
        left, right = st.columns(2)
        name = left.text_input(
            state.tr("ask_name"), settings.get("name", ""), help=state.tr("help_scenario_name")
        )
        area = right.text_input(
            state.tr("ask_area"), settings.get("area", ""), help=state.tr("help_area")
        )
        description = st.text_area(
            state.tr("ask_description"),
            settings.get("description", ""),
            help=state.tr("help_description"),
        )
        left, right = st.columns(2)
        start_year = left.number_input(
            state.tr("ask_start_year"),
            min_value=2000,
            max_value=2100,
            value=int(settings["start_year"]),
            step=1,
            help=state.tr("help_start_year"),
        )
        horizon = right.number_input(
            state.tr("ask_horizon_years"),
            min_value=1,
            max_value=50,
            value=int(settings["horizon_years"]),
            step=1,
            help=state.tr("help_horizon_years"),
        )
        inflation = _inflation_input(settings)
        themes = st.multiselect(
            state.tr("ask_themes"),
            THEMES,
            default=settings.get("themes", []),
            placeholder=state.tr("choose_themes"),
            help=state.tr("help_themes"),
        )
        if st.form_submit_button(state.tr("guided_save"), type="primary"):
            settings.update(
                name=name.strip(),
                area=area.strip(),
                description=description.strip(),
                start_year=int(start_year),
                horizon_years=int(horizon),
                themes=themes,
            )
            if inflation is not None:  # 0 leaves the file as it was without inflation
                settings.pop("inflation", None)
                settings.update({"inflation": round(inflation / 100, 12)} if inflation else {})
            _save(case)
            if state.current().name.startswith(state.tr("empty_name")) and settings["name"]:
                state.rename_variant(state.current().name, settings["name"])
            st.rerun()


def _baseline() -> None:
    """The neighbourhood analysis: the BoTu baseline table."""
    st.subheader(state.tr("guided_baseline_title"))
    st.caption(state.tr("guided_baseline_intro"))
    baseline = load_baseline()
    code = state.lang()
    st.dataframe(
        pd.DataFrame(
            {
                state.tr("baseline_domain"): baseline["levensdomein"],
                state.tr("baseline_count"): [fmt.number(v, code, 0) for v in baseline["aantal"]],
                **{
                    state.tr(f"baseline_{column}"): [fmt.percent(v, code) for v in baseline[column]]
                    for column in ("pct_buurt", "pct_gemeente", "pct_provincie", "pct_landelijk")
                },
            }
        ),
        hide_index=True,
        width="stretch",
    )


def _programme(case: dict[str, Any]) -> None:
    """Step 1, for a programme: its projects, and which project each line so far belongs to,
    with its money earmarked or pooled (explained); folded away while a case has none."""
    title, declared = state.tr("guided_projects_title"), bool(case.get("projects"))
    if declared:
        st.subheader(title)
    with st.container() if declared else st.expander(title, icon=":material/account_tree:"):
        st.markdown(state.tr("guided_projects_intro"))
        st.caption(state.tr("guided_earmarked_explained"))
        if declared:
            _lines("projects", case, ("name",))
        _add_form("projecten", case)
    if declared and any(case.get(section) for section in PROJECT_SECTIONS):
        _line_projects(case)


def _line_projects(case: dict[str, Any]) -> None:
    """A table of every line so far with its project and, for money coming in, pooled or
    earmarked; saved with one button."""
    projects = _projects(case)
    lines = [
        (section, line)
        for section in PROJECT_SECTIONS
        for line in (
            [case[section]] if isinstance(case.get(section), dict) else case.get(section, [])
        )
    ]
    shown = pd.DataFrame(
        {
            "section": [state.tr(f"section_{section}") for section, _ in lines],
            "name": [line.get("name", "") for _, line in lines],
            "project": [line.get("project", "") for _, line in lines],
            "pooled": [
                POOLED_WORDS.get(line.get("pooled"), "default") if section in INFLOWS else ""
                for section, line in lines
            ],
        }
    )
    st.markdown(f"**{state.tr('guided_line_projects')}**")
    st.caption(state.tr("guided_line_projects_intro"))
    signature = zlib.crc32(shown.to_json().encode())
    with st.form("form_line_projects", border=False):
        edited = st.data_editor(
            shown,
            key=f"guided_line_projects_{signature}",
            hide_index=True,
            width="stretch",
            disabled=("section", "name"),
            placeholder="",  # no pooled flag on a line that brings in no money
            column_config={
                "section": st.column_config.TextColumn(state.tr("guided_line_section")),
                "name": st.column_config.TextColumn(state.tr("guided_line_name")),
                "project": st.column_config.SelectboxColumn(
                    state.tr("ask_project"),
                    options=["", *projects],
                    format_func=lambda id_: projects.get(id_) or state.tr("programme_level"),
                    help=state.tr("help_project"),
                ),
                "pooled": st.column_config.SelectboxColumn(
                    state.tr("ask_pooled"),
                    options=list(POOLED_CHOICES),
                    format_func=state.words("pooled_", none=""),
                    help=state.tr("help_pooled"),
                ),
            },
        )
        if not st.form_submit_button(state.tr("guided_line_projects_save"), type="primary"):
            return
    for (section, line), row in zip(lines, edited.to_dict(orient="records"), strict=True):
        line.pop("project", None)
        line.update({"project": row["project"]} if row["project"] else {})
        if section in INFLOWS:
            line.pop("pooled", None)
            chosen = POOLED_CHOICES.get(row["pooled"] or "default")
            line.update({} if chosen is None else {"pooled": chosen})
    _save(case)
    st.rerun()


def _inflation_input(settings: dict[str, Any]) -> float | None:
    """Inflation a year as a percentage; None when the file gives a distribution, which only
    the table view edits (it stays as loaded)."""
    written = settings.get("inflation", 0.0)
    if isinstance(written, dict):
        return None
    return st.number_input(
        state.tr("ask_inflation"),
        min_value=-50.0,
        max_value=50.0,
        value=float(written) * 100,
        step=0.5,
        format="%.1f",
        help=state.tr("help_inflation"),
    )


def _closing(variant: state.Variant) -> None:
    """Step 7: the verdict, the gap per year, and who could close it."""
    if variant.problems:
        st.info(state.tr("guided_close_needs_complete"))
        return
    result = state.result_of(variant)
    metrics, code = result.metrics, state.lang()
    if metrics["closes"]:
        st.success(state.tr("closes_verdict"))
    else:  # the one gap sentence of Results, the report and the CLI
        st.error(state.markdown_text(export.verdict(result, code)))
    yearly = result.yearly
    st.dataframe(
        pd.DataFrame(
            {
                state.tr("calendar_year"): yearly["year"].astype(str),
                state.tr("guided_year_costs"): [fmt.money(v, code) for v in yearly["outflows"]],
                state.tr("guided_year_funding"): [fmt.money(v, code) for v in yearly["inflows"]],
                state.tr("cash_balance"): [fmt.money(v, code) for v in yearly["cash_balance"]],
                state.tr("guided_year_short"): [
                    fmt.money(-v, code) if v < -0.005 else "" for v in yearly["cash_balance"]
                ],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    if metrics["closes"]:
        return
    st.subheader(state.tr("guided_close_title"))
    st.caption(state.tr("guided_close_intro"))
    scenario = variant.scenario
    names = {holder.id: holder.name for holder in scenario.stakeholders}
    residents = [holder.id for holder in scenario.stakeholders if holder.kind == "residents"]
    left_out = st.multiselect(
        state.tr("guided_leave_out"),
        list(names),
        default=residents,
        format_func=lambda id_: names[id_],
        placeholder=state.tr("guided_leave_out_none"),
        key="guided_leave_out",
    )
    proposal = close_the_gap(scenario, leave_out=left_out)
    asked = proposal.stakeholders[~proposal.stakeholders["id"].isin(left_out)]
    st.dataframe(
        pd.DataFrame(
            {
                state.tr("stakeholder"): asked["name"],
                state.tr("guided_why"): [fmt.money(v, code) for v in asked["pv_cashable_benefit"]],
                state.tr("guided_pays_already"): [fmt.money(v, code) for v in asked["pv_paid"]],
                state.tr("guided_asked"): [fmt.money(v, code) for v in asked["pv_contribution"]],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    if not proposal.closes:
        st.error(
            state.tr(
                "results_gap_cannot_close",
                needed=fmt.money(proposal.pv_needed, code),
                cashable=fmt.money(proposal.pv_cashable_total, code),
                shortfall=fmt.money(proposal.shortfall, code),
            )
        )
        return
    lines = proposal.contributions
    st.dataframe(
        pd.DataFrame(
            {
                state.tr("stakeholder"): lines["stakeholder"].map(names),
                state.tr("calendar_year"): lines["year"].astype(str),
                state.tr("amount"): [fmt.money(v, code) for v in lines["amount"]],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    if st.button(state.tr("guided_keep_closed"), type="primary"):
        state.add_variant(state.tr("results_gap_variant", name=variant.name), proposal.scenario)
        st.rerun()


def _new_plan() -> None:
    today = datetime.date.today().year
    state.add_case(
        state.tr("empty_name"),
        {
            "scenario": {
                "name": state.tr("empty_name"),
                "start_year": today + 1,
                "horizon_years": DEFAULT_HORIZON,
            }
        },
    )
    st.session_state[STEP_KEY] = STEPS[0]


def _save_copy() -> None:
    variant = state.current()
    state.add_case(st.session_state[f"guided_copy_{variant.name}"], variant.data)


st.title(state.tr("page_guided"))
variant = state.current()
top, new = st.columns([4, 1], vertical_alignment="bottom")
top.markdown(state.tr("guided_editing", name=state.markdown_text(variant.name)))
new.button(state.tr("guided_new_plan"), on_click=_new_plan, icon=":material/add:")
state.from_link(STEP_KEY, STEPS, STEP_KEY)  # ?stap=kosten opens that step
st.session_state.setdefault(STEP_KEY, STEPS[0])
step = (
    st.segmented_control(
        state.tr("guided_step"),
        STEPS,
        format_func=state.words("step_"),
        key=STEP_KEY,
        label_visibility="collapsed",
        width="stretch",
    )
    or STEPS[0]
)
state.show_in_link(STEP_KEY, step)
_headline()
st.header(state.tr(f"step_{step}"))
st.markdown(state.tr(f"step_{step}_intro"))
case = variant.data
if step == "plan":
    _plan(case)
    _programme(case)
    _baseline()
elif step == "sluit":
    _closing(variant)
else:
    section, asked = FORMS[step]
    asked = _asked(section, asked, case)
    programme = tuple(field for field in asked if field in PROGRAMME_FIELDS)
    shown = tuple(field for field in asked if field != SLIP)
    columns = shown if section != "outcomes" else (*shown[:5], "beneficiaries", *programme)
    _lines(section, case, columns)
    _add_form(step, case)
    if section in RANGED:
        _same_participants(case)
    if step == "betalen":
        _contract_form(case)
        st.caption(state.tr("guided_more_routes"))
        st.page_link(
            "app_pages/build.py", label=state.tr("start_to_table"), icon=":material/table:"
        )

number = STEPS.index(step)
back, copy_name, copy = st.columns([1, 2, 1], vertical_alignment="bottom")
if number + 1 < len(STEPS):
    back.button(
        state.tr("guided_next", step=state.tr(f"step_{STEPS[number + 1]}")),
        on_click=lambda: st.session_state.update({STEP_KEY: STEPS[number + 1]}),
        icon=":material/arrow_forward:",
    )
copy_name.text_input(state.tr("variant_name"), variant.name, key=f"guided_copy_{variant.name}")
copy.button(state.tr("save_variant"), on_click=_save_copy)
