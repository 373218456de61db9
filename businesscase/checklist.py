"""What a case still needs, in words a neighbourhood team reads: no field paths, no TOML.

The guided build saves a case at any point, valid or not yet; it shows what is missing with
:func:`what_is_missing`, and names a place in the case with :func:`path_in_words`
(``outcomes[0].beneficiaries`` -> ``Effect "Taalcafé": begunstigden``), using the line's own
name where it has one. Both work on TOML-shaped data (what ``tomllib`` or
:func:`businesscase.scenario.scenario_to_dict` gives), which may be incomplete.

Examples
--------
>>> data = {"outcomes": [{"name": "Taalcafé"}]}
>>> path_in_words("outcomes[0].beneficiaries", data, "nl")
'Effect "Taalcafé": begunstigden'
>>> path_in_words("outcomes[0].beneficiaries", data, "en")
'Outcome "Taalcafé": beneficiaries'
>>> for line in what_is_missing({"scenario": {"name": "Taalcafé", "horizon_years": 4}}, "nl"):
...     print(line)
Nog geen belanghebbenden: voeg de partijen toe die meedoen.
Nog geen kosten: voeg minstens één kostenpost toe.
Nog geen effecten: voeg toe wat het plan oplevert, met de waarde ervan.
Nog geen financiering: voeg toe wie de kosten betaalt.
Het plan: startjaar: ontbreekt (verplicht)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from businesscase.messages import PIECES
from businesscase.problems import (
    NO_VALUE,
    Problem,
    ScenarioError,
    bounded,
    shorten,
    show,
)
from businesscase.scenario import scenario_from_dict
from businesscase.text import TEXT

NEEDED: tuple[str, ...] = ("stakeholders", "costs", "outcomes", "funding")
"""Sections a business case needs at least one line in: who takes part, what it costs, what it
yields and who pays. Avoided costs, value capture and an SIB are optional."""

LONGEST_NAME = 40
"""Longest line name shown in a place in words [characters]."""

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def path_in_words(path: str, data: Mapping[str, Any], lang: str = "nl") -> str:
    """A field path as a place in the case, in ``lang``.

    Parameters
    ----------
    path : str
        A field path as problems carry it: ``costs[1].duration``, ``outcomes[0].proxy.sd``,
        ``scenario.name``, ``sib.investor``; ``""`` is the case as a whole.
    data : mapping
        The case as TOML-shaped data, complete or not; the line's ``name`` (for a stakeholder
        its ``name`` or ``id``) is used where it has one, else its number, counted from 1.
    lang : {"nl", "en"}

    Returns
    -------
    str
        ``Kostenpost "Coördinatoren": duur (jaren)``, ``Het plan: naam``,
        ``Effect 2: waarde per effect (proxy), standaardafwijking``.
    """
    parts = [name or int(index) for name, index in _PART.findall(path)]
    if not parts:
        return PIECES["the_case"][lang]
    section, rest = str(parts[0]), parts[1:]
    if rest and isinstance(rest[0], int):
        where = _line_in_words(section, rest[0], data, lang)
        rest = rest[1:]
    elif section in ("scenario", "sib"):
        where = PIECES[f"line_{section}"][lang]
    else:
        where = _words(f"section_{section}", section, lang)
    details = [
        PIECES["item_number"][lang].format(number=part + 1)
        if isinstance(part, int)
        else _words(f"field_{part}", part, lang)
        for part in rest
    ]
    return where + (": " + ", ".join(details) if details else "")


def _line_in_words(section: str, index: int, data: Mapping[str, Any], lang: str) -> str:
    """``Effect "Taalcafé"`` or ``Effect 3`` (no name yet)."""
    lines = data.get(section)
    line = lines[index] if isinstance(lines, list) and index < len(lines) else None
    name = None
    if isinstance(line, Mapping):
        name = line.get("name") or line.get("id")
    return line_in_words(section, index, name, lang)


def line_in_words(section: str, index: int, name: object, lang: str) -> str:
    """A line of a section in ``lang``: ``Effect "Taalcafé"``, or ``Effect 3`` without a name.

    Parameters
    ----------
    section : str
        The section's key in the file (``outcomes``, ``costs``, ...).
    index : int
        The line's place in its section, counted from 0.
    name : object
        The line's name (a stakeholder's name or id); anything but a non-blank text counts as
        no name.
    lang : {"nl", "en"}
    """
    noun = _words(f"line_{section}", section, lang)
    if isinstance(name, str) and name.strip():
        return f"{noun} {show(shorten(name.strip(), LONGEST_NAME))}"
    return f"{noun} {index + 1}"


def _words(key: str, fallback: str, lang: str) -> str:
    """A word from the pieces of messages or the app's catalogue; a name the user typed
    that is none of ours (an unknown field) is shown as typed."""
    entry = PIECES.get(key) or TEXT.get(key)
    return entry[lang] if entry else show(fallback).strip('"')


def what_is_missing(data: Mapping[str, Any], lang: str = "nl") -> list[str]:
    """What the case still needs before it can be computed, in words; empty when complete.

    Parameters
    ----------
    data : mapping
        The case as TOML-shaped data, complete or not (a missing ``[scenario]`` table counts as
        an empty one).
    lang : {"nl", "en"}

    Returns
    -------
    list of str
        First the sections without a line that a business case needs (:data:`NEEDED`), then
        every rule the case breaks, each as ``<place in words>: <rule>`` with the value given
        (``Effect "Taalcafé": begunstigden: heeft minstens één begunstigde nodig, ...``);
        at most ten of one kind, then a count of the rest.
    """
    empty = [PIECES[f"missing_{section}"][lang] for section in NEEDED if not data.get(section)]
    try:
        scenario_from_dict({"scenario": {}, **data})
    except ScenarioError as error:
        return empty + bounded(
            error.problems, lambda problem: _problem_in_words(problem, data, lang), str, lang
        )
    return empty


def _problem_in_words(problem: Problem, data: Mapping[str, Any], lang: str) -> str:
    where = path_in_words(problem.path, data, lang)
    text = f"{where}: {problem.rule_text(lang)}"
    if problem.value is not NO_VALUE and not isinstance(problem.value, Mapping | list):
        text += PIECES["given"][lang].format(value=show(problem.value))
    return text
