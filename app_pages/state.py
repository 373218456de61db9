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

import re
from dataclasses import dataclass

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from businesscase import (
    EvaluationResult,
    Scenario,
    ScenarioError,
    dump_scenario,
    evaluate,
    parse_scenario,
    sensitivity,
    simulate,
    switching_values,
)
from businesscase import formatting as fmt
from businesscase.examples import PROGRAMME, example_path
from businesscase.formatting import LANGUAGES
from businesscase.text import t
from businesscase.uncertainty import SensitivityResult, SimulationResult

LANG_KEY = "lang"
"""Session key of the language code (``nl`` or ``en``); the sidebar switch writes it."""

VARIANTS_KEY = "variants"
CURRENT_KEY = "current_variant"
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


@st.cache_resource(max_entries=CACHE_ENTRIES, show_spinner=False)
def scenario_of(toml: str) -> Scenario:
    """The validated scenario of a TOML text (cached; a ``Scenario`` is immutable).

    Raises
    ------
    businesscase.ScenarioError
        When the text is not a valid scenario (never cached).
    """
    return parse_scenario(toml, source=SOURCE)


@dataclass(frozen=True)
class Variant:
    """A named version of a business case, kept as its TOML text.

    Attributes
    ----------
    name : str
        Unique within the session.
    toml : str
        The scenario file's text; the key of every cached result.
    """

    name: str
    toml: str

    @property
    def scenario(self) -> Scenario:
        """The validated scenario (parsed once per text, then cached)."""
        return scenario_of(self.toml)


def _programme() -> Variant:
    """The first variant of every session: the BoTu programme as shipped."""
    return Variant(PROGRAMME, example_path(PROGRAMME).read_text(encoding="utf-8"))


def variants() -> dict[str, Variant]:
    """This session's variants by name, in the order they were made (the programme first)."""
    if VARIANTS_KEY not in st.session_state:
        first = _programme()
        st.session_state[VARIANTS_KEY] = {first.name: first}
    return st.session_state[VARIANTS_KEY]


def current() -> Variant:
    """The variant the pages show (the first one until another is selected)."""
    kept = variants()
    name = st.session_state.get(CURRENT_KEY)
    return kept[name] if name in kept else next(iter(kept.values()))


def select(name: str) -> None:
    """Make the variant ``name`` the current one.

    Raises
    ------
    KeyError
        When the session has no variant of that name.
    """
    if name not in variants():
        raise KeyError(name)
    st.session_state[CURRENT_KEY] = name


def unique_name(name: str) -> str:
    """``name`` (stripped, or "variant" when empty), numbered when the session already has it."""
    base = name.strip() or "variant"
    taken = variants()
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
    variants()[name] = Variant(name, dump_scenario(scenario))
    select(name)
    return name


def update_variant(name: str, scenario: Scenario) -> None:
    """Replace the scenario of the variant ``name`` (an edit), keeping its place in the order."""
    kept = variants()
    if name not in kept:
        raise KeyError(name)
    toml = dump_scenario(scenario)
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
def simulation_of(toml: str, draws: int, seed: int) -> SimulationResult:
    """The Monte Carlo of a scenario text (cached on text, draws and seed)."""
    return simulate(scenario_of(toml), draws, seed=seed)


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
