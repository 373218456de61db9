"""The shipped example scenarios of Veerkrachtig BoTu 2028 and the BoTu baseline table.

The examples live in the repository's ``scenarios/`` folder, next to the package (the repository
root is the package's parent folder). They are found from a checkout or an editable install
(``pip install -e .``); a plain wheel install does not ship them.

Four breakthrough projects of the programme (seed 003) and the programme as a whole:

- ``west_practice``: training to work with a social impact bond;
- ``driehoeksplein``: the square given back to the residents, paid partly by value capture;
- ``energiecooperatie``: a residents' energy cooperative on Woonstad's roofs;
- ``nabuurschap``: informal neighbourhood help that lives on a three-year grant;
- ``botu_programma``: the four combined (see :func:`combine_scenarios`), generated from the
  project files by :func:`write_programme`.

Examples
--------
>>> from businesscase.examples import list_examples, load_baseline
>>> "botu_programma" in list_examples()
True
>>> int(load_baseline().set_index("levensdomein").loc["het huishouden doen", "aantal"])
2260
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from businesscase.problems import NO_VALUE, Listing, Message, Problem, ScenarioError, Suggestion
from businesscase.vocabulary import INFLOW_SECTIONS, THEMES

if TYPE_CHECKING:
    import pandas as pd

    from businesscase.scenario import Scenario

SCENARIO_DIR: Path = Path(__file__).resolve().parent.parent / "scenarios"
"""Folder of the shipped scenario files (``<repository>/scenarios``)."""

BASELINE_CSV: Path = SCENARIO_DIR / "data" / "botu_beperkingen_levensdomein_2020.csv"
"""The baseline table of seed 003, "personen met beperkingen per levensdomein 2020"."""

PROGRAMME: str = "botu_programma"
"""Name of the programme example, the combination of :data:`PROJECTS`."""

PROJECTS: dict[str, str] = {
    "west_practice": "West Practice",
    "driehoeksplein": "Driehoeksplein",
    "energiecooperatie": "Energiecoöperatie",
    "nabuurschap": "Nabuurschap",
}
"""The project examples in the programme, each with the label that prefixes its line names."""

LINE_SECTIONS: tuple[str, ...] = ("costs", "outcomes", "avoided_costs", "value_capture", "funding")
"""Sections of a scenario that hold named lines."""

PROGRAMME_SETTINGS: dict[str, Any] = {
    "name": "Veerkrachtig BoTu 2028: programma van vier doorbraakprojecten",
    "area": "Bospolder-Tussendijken",
    "description": (
        "West Practice, Driehoeksplein, de energiecoöperatie en nabuurschap als één "
        "investeringspakket (Social Impact by Design), met het geld geoormerkt zoals het "
        "juridisch is: de baatbelasting alleen voor het plein, het SIB-kapitaal alleen voor "
        "West Practice, het overschot van de coöperatie voor haar leden. Zo sluit het "
        "programma niet: nabuurschap staat na het stoppen van zijn subsidie in 2030 alleen, "
        "en het tekort loopt op tot ca. € 477.000 in 2036. Een gedeeld programmabudget "
        "(een wijkfonds of een gemeentelijk programmabudget) van € 44.000 per jaar vanaf "
        "2027 zou het sluiten."
    ),
}
"""The programme's own ``[scenario]`` texts; the other settings must agree across the projects."""


def list_examples() -> list[str]:
    """Names of the shipped example scenarios.

    Returns
    -------
    list of str
        File stems of ``scenarios/*.toml``, sorted.
    """
    return sorted(path.stem for path in SCENARIO_DIR.glob("*.toml"))


def example_path(name: str) -> Path:
    """Path of a shipped example scenario.

    Parameters
    ----------
    name : str
        Example name, a stem from :func:`list_examples` (``"nabuurschap"``).

    Returns
    -------
    pathlib.Path
        ``scenarios/<name>.toml``.

    Raises
    ------
    ValueError
        For an unknown name; the message lists the known names.
    """
    names = list_examples()
    if name not in names:
        raise ValueError(f"unknown example {name!r}; the examples are: {', '.join(names)}")
    return SCENARIO_DIR / f"{name}.toml"


def load_example(name: str = PROGRAMME) -> Scenario:
    """Load and validate a shipped example scenario.

    Parameters
    ----------
    name : str, default "botu_programma"
        Example name, see :func:`list_examples`.

    Returns
    -------
    businesscase.scenario.Scenario
    """
    from businesscase.scenario import load_scenario

    return load_scenario(example_path(name))


def load_botu() -> Scenario:
    """Load the whole programme, ``botu_programma``: the shorthand for docs and the app.

    Returns
    -------
    businesscase.scenario.Scenario
    """
    return load_example(PROGRAMME)


def load_baseline() -> pd.DataFrame:
    """The BoTu baseline table "personen met beperkingen per levensdomein 2020" (seed 003).

    Returns
    -------
    pandas.DataFrame
        One row per life domain (14): ``levensdomein``, ``aantal`` [persons in Bospolder],
        ``pct_buurt``, ``pct_gemeente``, ``pct_provincie``, ``pct_landelijk`` [fractions 0-1].
    """
    import pandas as pd

    return pd.read_csv(BASELINE_CSV, encoding="utf-8")


def _near(name: str, labels: Iterable[str]) -> Suggestion:
    """The "did you mean" of a name to pool: the label it is part of (``nabuurschap`` for
    ``Nabuurschap: informele hulp in de buurt``), else the label it nearly spells."""
    within = [label for label in labels if name.strip().casefold() in label.casefold()]
    return Suggestion(within[0], within) if name.strip() and within else Suggestion(name, labels)


def combine_scenarios(
    parts: Mapping[str, Mapping[str, Any]],
    settings: Mapping[str, Any],
    *,
    pool: Iterable[str] = (),
    fund: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Combine project scenarios, as TOML-shaped dicts, into one programme scenario.

    Each part becomes a project of the programme (``[[projects]]``, its id made from its
    label: ``"West Practice"`` -> ``west_practice``) and every line names it in ``project``, so
    that each project's money stays earmarked for it (docs/methodology.md, "A programme of
    projects"); the money of the projects in ``pool`` is marked ``pooled``. Stakeholders are
    merged by id; every line is copied with its name prefixed by its project's label
    (``"Nabuurschap: Buurtverbinder (0,8 fte)"``); an SIB keeps its terms and names its
    outcome line by the new name; the themes are the union, in checklist order.

    Parameters
    ----------
    parts : mapping of str to dict
        Project label -> scenario dict (what ``tomllib`` returns for a scenario file), in the
        order the lines should appear.
    settings : mapping
        ``[scenario]`` fields of the programme (``name``, ``area``, ``description``); the other
        settings (``currency``, ``start_year``, ``horizon_years``, ``discount_rate``,
        ``inflation``) are taken
        from the projects, which must agree on them.
    pool : iterable of str, optional
        Labels of the projects whose inflows may pay for the whole programme (pooled).
    fund : mapping, optional
        A ``[[funding]]`` line of the programme itself (pooled): a neighbourhood fund or a
        municipal programme budget that may pay for any project.

    Returns
    -------
    dict
        The programme as a TOML-shaped dict.

    Raises
    ------
    ScenarioError
        With source ``<programme>`` and every problem in English and Dutch: a name in ``pool``
        that is no part (path ``pool``), projects that disagree on a shared setting
        (``scenario.<field>``) or define one stakeholder id differently (``stakeholders``), a
        part that is itself a programme.
    """
    pooled = set(pool)
    labels = Listing(tuple(parts))
    problems = [
        Problem("pool", name, Message("pool_unknown", hint=_near(name, parts), known=labels))
        for name in sorted(pooled - set(parts))
    ]
    ids = project_ids(parts)
    shared = ("currency", "start_year", "horizon_years", "discount_rate", "inflation")
    heads = [dict(part["scenario"]) for part in parts.values()]
    problems += [
        Problem(f"scenario.{key}", NO_VALUE, Message("projects_disagree"))
        for key in shared
        if len({json.dumps(head.get(key)) for head in heads}) > 1
    ]
    themes = {theme for head in heads for theme in head.get("themes", [])}
    combined: dict[str, Any] = {
        "scenario": {
            **dict(settings),
            **{key: heads[0][key] for key in shared if key in heads[0]},
            "themes": [theme for theme in THEMES if theme in themes],
        },
        "stakeholders": [],
    }
    seen: dict[str, dict[str, Any]] = {}
    for label, part in parts.items():
        for stakeholder in part.get("stakeholders", []):
            known = seen.setdefault(stakeholder["id"], dict(stakeholder))
            if known != stakeholder:
                rule = Message("stakeholder_differs", project=label)
                problems.append(Problem("stakeholders", stakeholder["id"], rule))
    combined["stakeholders"] = list(seen.values())
    problems += [
        Problem("projects", label, Message("already_a_programme"))
        for label, part in parts.items()
        if part.get("projects")
    ]
    if problems:
        raise ScenarioError("<programme>", problems)
    combined["projects"] = [{"id": ids[label], "name": label} for label in parts]

    def share(label: str) -> dict[str, bool]:
        """``pooled = true`` for the money of a project the user chose to pool."""
        return {"pooled": True} if label in pooled else {}

    for section in LINE_SECTIONS:
        lines = [
            {**line, "name": f"{label}: {line['name']}", "project": ids[label]}
            | (share(label) if section in INFLOW_SECTIONS else {})
            for label, part in parts.items()
            for line in part.get(section, [])
        ]
        if section == "funding" and fund is not None:
            lines.append(dict(fund))
        if lines:
            combined[section] = lines
    bonds = [
        (label, _outcomes_prefixed(label, bond) | {"project": ids[label]} | share(label))
        for label, part in parts.items()
        for bond in _contracts(part)
    ]
    if len(bonds) == 1:
        combined["sib"] = bonds[0][1]
    elif bonds:  # one [[sib]] each, named after its project
        combined["sib"] = [
            {**bond, "name": f"{label}: {bond.get('name', 'SIB')}"} for label, bond in bonds
        ]
    groups = [
        group
        | {"inputs": [_renumbered(path, label, parts, len(bonds)) for path in group["inputs"]]}
        for label, part in parts.items()
        for group in part.get("correlations", [])
    ]
    if groups:
        combined["correlations"] = groups
    return combined


_INPUT_PATH = re.compile(r"(?P<section>[a-z_]+)(?:\[(?P<index>\d+)\])?(?P<rest>\..*)")


def _renumbered(path: str, label: str, parts: Mapping[str, Mapping[str, Any]], bonds: int) -> str:
    """A project's field path as the programme numbers it (``correlations`` of a part).

    A line moves down by the lines of the projects before its own in the same section
    (``outcomes[0].quantity`` of the second project with three outcomes before it becomes
    ``outcomes[3].quantity``); a contract becomes ``sib`` when the programme has one and
    ``sib[k]`` (its place among all contracts) when it has several; ``scenario.*`` stays.
    """
    found = _INPUT_PATH.fullmatch(path)
    if found is None:
        return path  # not a path: the loader names it
    section, index, rest = found["section"], int(found["index"] or 0), found["rest"]
    before = list(parts)[: list(parts).index(label)]
    if section in LINE_SECTIONS:
        shift = sum(len(parts[other].get(section, [])) for other in before)
        return f"{section}[{index + shift}]{rest}"
    if section == "sib":
        if bonds == 1:
            return f"sib{rest}"
        shift = sum(len(_contracts(parts[other])) for other in before)
        return f"sib[{index + shift}]{rest}"
    return path


def _contracts(part: Mapping[str, Any]) -> list:
    """A part's outcome contracts as a list (none, its ``[sib]``, or its ``[[sib]]``)."""
    bonds = part.get("sib", [])
    return [bonds] if isinstance(bonds, dict) else list(bonds)


def _outcomes_prefixed(label: str, bond: dict) -> dict:
    """An outcome contract of a combined project, its outcome names prefixed as the lines."""
    bond = dict(bond)
    if "outcome" in bond:
        bond["outcome"] = f"{label}: {bond['outcome']}"
    if "metrics" in bond:
        bond["metrics"] = [
            {**metric, "outcome": f"{label}: {metric['outcome']}"} for metric in bond["metrics"]
        ]
    return bond


def project_ids(labels: Iterable[str]) -> dict[str, str]:
    """A project id for each label: lower case ASCII letters, digits and ``_``, unique.

    Examples
    --------
    >>> project_ids(["West Practice", "Energiecoöperatie", "west practice"])
    {'West Practice': 'west_practice', 'Energiecoöperatie': 'energiecooperatie', \
'west practice': 'west_practice_2'}
    """
    ids: dict[str, str] = {}
    for label in labels:
        plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
        stem = re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_") or "project"
        made, count = stem, 1
        while made in ids.values():
            count += 1
            made = f"{stem}_{count}"
        ids[label] = made
    return ids


def programme_text() -> str:
    """The text of ``botu_programma.toml``, built from the shipped project files.

    Returns
    -------
    str
        TOML: a header comment, then :func:`combine_scenarios` of :data:`PROJECTS` with
        :data:`PROGRAMME_SETTINGS`.
    """
    parts = {
        label: tomllib.loads(example_path(stem).read_text(encoding="utf-8"))
        for stem, label in PROJECTS.items()
    }
    header = (
        "# Veerkrachtig BoTu 2028 as one programme: the four project files combined.\n"
        "# GENERATED by businesscase.examples.write_programme() from\n"
        + "".join(f"#   {stem}.toml\n" for stem in PROJECTS)
        + "# Edit those files and regenerate; do not edit this one. Sources and derivations of\n"
        "# the numbers are in the project files and in docs/sources.md.\n"
    )
    return header + _toml_document(combine_scenarios(parts, PROGRAMME_SETTINGS))


def write_programme(path: Path | None = None) -> Path:
    """Regenerate ``botu_programma.toml`` from the project files.

    Parameters
    ----------
    path : pathlib.Path, optional
        Where to write; default ``scenarios/botu_programma.toml``.

    Returns
    -------
    pathlib.Path
        The path written.
    """
    target = SCENARIO_DIR / f"{PROGRAMME}.toml" if path is None else Path(path)
    target.write_text(programme_text(), encoding="utf-8")
    return target


def _toml_value(value: Any) -> str:
    """One TOML value: strings, numbers, booleans, arrays and (inline) tables."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, Mapping):
        pairs = (f"{key} = {_toml_value(item)}" for key, item in value.items())
        return "{ " + ", ".join(pairs) + " }"
    return "[" + ", ".join(_toml_value(item) for item in value) + "]"


def _toml_table(header: str, table: Mapping[str, Any]) -> str:
    return header + "\n" + "".join(f"{key} = {_toml_value(v)}\n" for key, v in table.items())


def _toml_document(data: Mapping[str, Any]) -> str:
    """A scenario dict as TOML with one ``[[section]]`` per line and inline distributions."""
    blocks = []
    for key, value in data.items():
        if isinstance(value, list):
            blocks.extend(_toml_table(f"[[{key}]]", item) for item in value)
        else:
            blocks.append(_toml_table(f"[{key}]", value))
    return "\n" + "\n".join(blocks)
