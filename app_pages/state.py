"""What the app's pages share: the language, this session's variants and cached engine results.

Every browser session keeps its own variants in ``st.session_state`` (never in module-level
state, which all sessions would share). Engine results are cached on the scenario's TOML text, so
a rerun that changes nothing costs a dictionary look-up and an edit costs one engine call. The
caches are bounded and shared between sessions; what they hold cannot leak one session's plan
into another, because the key is the complete text of the scenario, and each call returns its
own copy of the result (``st.cache_data``), so a page that changes a table changes only its copy.

Pages use only these functions::

    from app_pages import state

    st.title(state.tr("app_title"))
    result = state.result_of(state.current())
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st
import tomli_w
from streamlit.delta_generator import DeltaGenerator

from businesscase import (
    EvaluationResult,
    Scenario,
    ScenarioError,
    checklist,
    dump_scenario,
    evaluate,
    library,
    parse_scenario,
    sensitivity,
    simulate,
    switching_values,
)
from businesscase import formatting as fmt
from businesscase.examples import PROGRAMME, example_path, list_examples, load_example
from businesscase.formatting import LANGUAGES
from businesscase.gap import GapProposal
from businesscase.scenario import Problem, scenario_from_dict
from businesscase.text import t
from businesscase.uncertainty import SensitivityResult, SimulationResult

LANG_KEY = "lang"
"""Session key of the language code (``nl`` or ``en``); the sidebar switch writes it."""

VARIANTS_KEY = "variants"
CURRENT_KEY = "current_variant"
ACTUALS_KEY = "actuals"  # the Monitoren page's actuals (CSV text) of each variant, by name
DEFAULT_LANG = "nl"
SOURCE = "scenario.toml"
"""The name problems of a variant's text are reported under."""

CACHE_ENTRIES = 64
"""Scenarios parsed or evaluated that stay cached (shared by all sessions)."""
SIMULATION_ENTRIES = 8
"""Monte Carlo runs that stay cached: each holds every draw, so fewer."""


def lang() -> str:
    """This session's language code, ``nl`` (the default) or ``en``."""
    code = st.session_state.get(LANG_KEY, DEFAULT_LANG)
    return code if code in LANGUAGES else DEFAULT_LANG


_MARKDOWN = re.compile(r"([\\`*_\[\]<>#~$|])")


def markdown_text(text: str) -> str:
    """Text a user typed, escaped so that markdown (headers, captions) shows it as written.

    Emphasis, code, links, tags, headings, strike-through, math and table bars are escaped;
    Streamlit never renders HTML here (no ``unsafe_allow_html``), this keeps ``**`` literal.
    """
    return _MARKDOWN.sub(r"\\\1", text)


def tr(key: str, **values: object) -> str:
    """The text for ``key`` in this session's language (see :func:`businesscase.text.t`)."""
    return t(key, lang(), **values)


def words(prefix: str, none: str = "–") -> Callable[[Any], str]:
    """A pick-list's ``format_func``: the words of a code (text key ``prefix + code``) in this
    session's language, fixed now (Streamlit may call it after the run, without the session);
    ``none`` for an empty choice. An empty prefix shows the code itself (themes are words)."""
    code = lang()

    def show(value: Any) -> str:
        if value is None or value == "":
            return none
        return t(prefix + str(value), code) if prefix else str(value)

    return show


@st.cache_resource(max_entries=CACHE_ENTRIES, show_spinner=False)
def scenario_of(toml: str) -> Scenario:
    """The validated scenario of a TOML text (cached; a ``Scenario`` is immutable).

    Raises
    ------
    businesscase.ScenarioError
        When the text is not a valid scenario (never cached).
    """
    return parse_scenario(toml, source=SOURCE)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def problems_of(toml: str) -> list[Problem]:
    """What keeps a scenario text from being valid, ``[]`` when it is (cached on the text)."""
    try:
        scenario_of(toml)
    except ScenarioError as error:
        return error.problems
    return []


@dataclass(frozen=True)
class Variant:
    """A named version of a business case, kept as its TOML text, valid or not yet valid.

    Attributes
    ----------
    name : str
        Unique within the session.
    toml : str
        The scenario file's text; the key of every cached result. A case still being built
        (the guided build saves it at every step) may not be a valid scenario yet.
    """

    name: str
    toml: str

    @property
    def scenario(self) -> Scenario:
        """The validated scenario (parsed once per text, then cached).

        Raises
        ------
        businesscase.ScenarioError
            When the case is not complete yet (see :attr:`problems`).
        """
        return scenario_of(self.toml)

    @property
    def problems(self) -> list[Problem]:
        """What is still missing or wrong, ``[]`` for a valid scenario."""
        return problems_of(self.toml)

    @property
    def data(self) -> dict[str, Any]:
        """The text as TOML-shaped data (what the guided build edits)."""
        return tomllib.loads(self.toml)


def _programme() -> Variant:
    """The first variant of every session: the BoTu programme as shipped."""
    return Variant(PROGRAMME, example_path(PROGRAMME).read_text(encoding="utf-8"))


def every_variant() -> dict[str, Variant]:
    """This session's variants by name, valid or not yet valid, in the order they were made
    (the programme first)."""
    if VARIANTS_KEY not in st.session_state:
        first = _programme()
        st.session_state[VARIANTS_KEY] = {first.name: first}
    return st.session_state[VARIANTS_KEY]


def variants() -> dict[str, Variant]:
    """This session's valid variants by name: the ones with figures to show and compare."""
    return {name: kept for name, kept in every_variant().items() if not kept.problems}


def current() -> Variant:
    """The variant the pages show (the first one until another is selected); it may be a case
    that is not complete yet (see :attr:`Variant.problems`)."""
    kept = every_variant()
    name = st.session_state.get(CURRENT_KEY)
    return kept[name] if name in kept else next(iter(kept.values()))


def select(name: str) -> None:
    """Make the variant ``name`` the current one.

    Raises
    ------
    KeyError
        When the session has no variant of that name.
    """
    if name not in every_variant():
        raise KeyError(name)
    st.session_state[CURRENT_KEY] = name


def unique_name(name: str) -> str:
    """``name`` (stripped, or "variant" when empty), numbered when the session already has it."""
    base = name.strip() or "variant"
    taken = every_variant()
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base} ({number})", number + 1
    return candidate


def add_variant(name: str, scenario: Scenario) -> str:
    """Keep ``scenario`` as a new variant and select it.

    Returns
    -------
    str
        The name it got: ``name``, numbered when taken (see :func:`unique_name`).
    """
    name = unique_name(name)
    every_variant()[name] = Variant(name, dump_scenario(scenario))
    select(name)
    return name


def update_variant(name: str, scenario: Scenario) -> None:
    """Replace the scenario of the variant ``name`` (an edit), keeping its place in the order."""
    _replace(name, dump_scenario(scenario))


def case_text(data: Mapping[str, Any]) -> str:
    """TOML-shaped data as the text of a variant: the canonical scenario text when the data is a
    valid scenario, else the data as written (a case not complete yet)."""
    try:
        return dump_scenario(scenario_from_dict(data, source=SOURCE))
    except ScenarioError:
        return tomli_w.dumps(_without_none(data))


def _without_none(data: Any) -> Any:
    """TOML has no null: fields without a value are left out."""
    if isinstance(data, Mapping):
        return {key: _without_none(value) for key, value in data.items() if value is not None}
    if isinstance(data, list):
        return [_without_none(item) for item in data]
    return data


def add_case(name: str, data: Mapping[str, Any]) -> str:
    """Keep a case (TOML-shaped data, valid or not yet valid) as a new variant and select it.

    Returns
    -------
    str
        The name it got (see :func:`unique_name`).
    """
    name = unique_name(name)
    every_variant()[name] = Variant(name, case_text(data))
    select(name)
    return name


def update_case(name: str, data: Mapping[str, Any]) -> None:
    """Replace the variant ``name`` by a case (TOML-shaped data, valid or not yet valid)."""
    _replace(name, case_text(data))


def rename_variant(name: str, new: str) -> str:
    """Give the variant ``name`` a new name (numbered when taken), keeping its place and the
    selection.

    Returns
    -------
    str
        The name it got.
    """
    kept = every_variant()
    if name not in kept:
        raise KeyError(name)
    if new.strip() == name:
        return name
    new = unique_name(new)
    renamed = {(new if key == name else key): value for key, value in kept.items()}
    renamed[new] = Variant(new, kept[name].toml)
    st.session_state[VARIANTS_KEY] = renamed
    if st.session_state.get(CURRENT_KEY) == name or current().name == new:
        select(new)
    return new


def _replace(name: str, toml: str) -> None:
    kept = every_variant()
    if name not in kept:
        raise KeyError(name)
    if kept[name].toml != toml:
        kept[name] = Variant(name, toml)


def read_upload(name: str, data: bytes) -> tuple[Scenario | None, list[str]]:
    """An uploaded file as a scenario, or the engine's messages (file, field path, value, rule).

    The engine refuses a file over 5 MB, one that is not UTF-8 or not TOML, and every broken
    rule of the scenario format; each message names the file (``name``) and is in the user's
    language, at most ten of a kind.
    """
    try:
        return parse_scenario(data, source=name), []
    except ScenarioError as error:
        return None, error.lines(lang())


def _text(variant_or_toml: Variant | str) -> str:
    return variant_or_toml.toml if isinstance(variant_or_toml, Variant) else variant_or_toml


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def _result(toml: str) -> EvaluationResult:
    return evaluate(scenario_of(toml))


def result_of(variant_or_toml: Variant | str) -> EvaluationResult:
    """The engine's figures for a variant or a scenario text (cached on the text)."""
    return _result(_text(variant_or_toml))


@st.cache_data(max_entries=SIMULATION_ENTRIES, show_spinner=False)
def simulation_of(toml: str, draws: int, seed: int, events: str = "drawn") -> SimulationResult:
    """The Monte Carlo of a scenario text (cached on text, draws, seed and how money that may
    not come and yearly events are counted: ``drawn`` or ``expected``)."""
    return simulate(scenario_of(toml), draws, seed=seed, events=events)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def sensitivity_of(toml: str) -> SensitivityResult:
    """The tornado table of a scenario text (cached on the text)."""
    return sensitivity(scenario_of(toml))


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def switching_of(toml: str) -> pd.DataFrame:
    """The switching values of a scenario text (cached on the text)."""
    return switching_values(scenario_of(toml))


def headline_cards(metrics: dict) -> DeltaGenerator:
    """Draw the cards every figure page leads with: SROI ratio, social NPV, does it close.

    The closing card carries the funding gap as a negative delta when the plan does not close,
    red and pointing down in both languages (Streamlit reads a text delta's sign from its first
    character, and Dutch money starts with ``€``).
    Returns the row of cards, so a page can add cards of its own to it.
    """
    code = lang()
    cards = st.container(horizontal=True)
    cards.metric(tr("sroi_ratio"), fmt.number(metrics["sroi_ratio"], code), border=True)
    cards.metric(tr("npv_social"), fmt.money(metrics["npv_social"], code), border=True)
    cards.metric(
        tr("closes"),
        tr("yes" if metrics["closes"] else "no"),
        None if metrics["closes"] else fmt.money(-metrics["funding_gap"], code),
        delta_color="red",
        delta_arrow="down",
        border=True,
    )
    return cards


def gap_cannot_close(proposal: GapProposal) -> str:
    """Why close-the-gap cannot close a gap: what is needed, what the stakeholders' cashable
    benefits can carry and what must come from elsewhere (Results and Monitoren)."""
    code = lang()
    return tr(
        "results_gap_cannot_close",
        needed=fmt.money(proposal.pv_needed, code),
        cashable=fmt.money(proposal.pv_cashable_total, code),
        shortfall=fmt.money(proposal.shortfall, code),
    )


def money_input(
    label: str, *, where: DeltaGenerator | None = None, step: float = 1000.0, **options: Any
) -> float | None:
    """An amount in euros a person types: empty until typed (None), whole euros, never negative;
    ``options`` (``help``, ``key``) go to ``st.number_input`` of ``where`` (the page itself by
    default)."""
    return (st if where is None else where).number_input(
        label,
        min_value=0.0,
        value=None,
        step=step,
        format="%.0f",
        placeholder=tr("type_a_number"),
        **options,
    )


def what_is_missing(variant: Variant) -> None:
    """What keeps ``variant`` from being a complete case, each problem said in words."""
    st.warning(tr("guided_not_complete"), icon=":material/construction:")
    lines = checklist.what_is_missing(variant.data, lang())
    st.code("\n".join(lines), language=None, wrap_lines=True)


def not_complete(variant: Variant) -> None:
    """Instead of a page that needs a complete case: what is missing, and where to go on."""
    st.title(markdown_text(variant.name))
    what_is_missing(variant)
    st.page_link("app_pages/guided.py", label=tr("start_to_guided"), icon=":material/stairs:")


SHARED_ENTRIES = 32
"""Cases kept for shared links (by all sessions, while the server runs): the oldest go first."""
SHARED_BYTES = 1_000_000
"""A case larger than this is not kept for a link (download it instead)."""
LINK_KEY = "opened_link"


@st.cache_resource(max_entries=1, show_spinner=False)
def _shared() -> dict[str, str]:
    """The cases behind shared links, by key (one store for the server process)."""
    return {}


def share(variant: Variant) -> str | None:
    """Keep ``variant`` for a link and return its key (``?case=<key>``), or None when too large.

    The key is the start of the SHA-256 of the text: the same case gets the same link, and a
    link cannot be guessed from another one. The store keeps the last :data:`SHARED_ENTRIES`.
    """
    data = variant.toml.encode("utf-8")
    if len(data) > SHARED_BYTES:
        return None
    key = hashlib.sha256(data).hexdigest()[:20]
    store = _shared()
    store.pop(key, None)
    store[key] = variant.toml
    while len(store) > SHARED_ENTRIES:
        store.pop(next(iter(store)))
    return key


def open_link(params: Mapping[str, str]) -> None:
    """Open what a link names, once per session and link: ``?scenario=<shipped name>`` opens a
    shipped scenario as a variant, ``?case=<key>`` a shared case (see :func:`share`); unknown
    names and keys are ignored."""
    wanted = (params.get("scenario"), params.get("case"))
    if wanted == (None, None) or st.session_state.get(LINK_KEY) == wanted:
        return
    st.session_state[LINK_KEY] = wanted
    scenario, case = wanted
    if scenario in list_examples():
        add_variant(scenario, load_example(scenario))
    toml = _shared().get(case or "")
    if toml is not None:
        name = tomllib.loads(toml).get("scenario", {}).get("name") or tr("empty_name")
        kept = every_variant()
        same = [other for other, variant in kept.items() if variant.toml == toml]
        if same:
            select(same[0])
        else:
            name = unique_name(str(name))
            kept[name] = Variant(name, toml)
            select(name)


def from_link(name: str, allowed: Collection[str], key: str) -> None:
    """Seed the widget ``key`` from the address's ``?name=value``, once per session, when the
    value is one of ``allowed``; then keep the address showing the widget's value, so that the
    address is a link to the same view (see :func:`show_in_link`)."""
    seen = st.session_state.setdefault(SEEDED_KEY, set())
    value = st.query_params.get(name)
    if name not in seen and value in allowed:
        st.session_state[key] = value
    seen.add(name)


def show_in_link(name: str, value: str) -> None:
    """Put ``?name=value`` into the address (it does not rerun the app)."""
    if st.query_params.get(name) != value:
        st.query_params[name] = value


SEEDED_KEY = "seeded_from_link"


def library_pick(label: str, key: str, container: Any = st) -> library.Entry | None:
    """A pick-list of the library of proxies and unit costs, or none (the team types its own).

    Each figure shows its value, unit and how sure it is (:meth:`businesscase.library.Entry.label`);
    the help says how a typed amount relates to the picked one.
    """
    entries, code = library.entries(), lang()
    none = tr("guided_library_none")
    choice = container.selectbox(
        label,
        [None, *range(len(entries))],
        format_func=lambda i: none if i is None else entries[i].label(code),
        help=tr("guided_library_help"),
        key=f"{key}_{code}",
    )
    return None if choice is None else entries[choice]
