"""Scenario files: the typed, validated model of SPEC section 3, and reading and writing TOML.

A scenario is one TOML file: a ``[scenario]`` table and the sections ``stakeholders``,
``costs``, ``outcomes``, ``avoided_costs``, ``value_capture``, ``funding`` and ``sib``. Every
rule of SPEC sections 3 and 8 is checked; a violation raises :class:`ScenarioError`, which names
the file, the field path (``outcomes[2].deadweight``), the value given and the rule. Nothing is
guessed or coerced: a string where a number belongs, a boolean as a number or a fraction in an
integer field is an error.

Reading is pure (a file is never written by loading it); :func:`save_scenario` writes
atomically, and load -> save -> load gives an equal scenario.
"""

from __future__ import annotations

import difflib
import math
import os
import re
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import tomli_w
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
)
from pydantic_core import PydanticCustomError

from businesscase.distributions import DISTRIBUTION_NAMES, Distribution, base_value
from businesscase.vocabulary import (
    COST_CATEGORIES,
    DEFAULT_DISCOUNT_RATE,
    FUNDING_KINDS,
    STAKEHOLDER_KINDS,
    THEMES,
    VALUE_TYPES,
)

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Largest scenario file read [bytes] (SPEC section 8: 5 MB)."""

MAX_NESTING = 10
"""Deepest nesting of tables and arrays accepted in a scenario file."""

SHARE_TOLERANCE = 1e-6
"""Beneficiary shares must add up to 1 within this tolerance."""


# --- errors ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One violated rule: where (field path), what was given, and the rule."""

    path: str
    value: object
    rule: str

    def render(self, source: str) -> str:
        """``west.toml: outcomes[2].deadweight = 1.4: must be a share between 0 and 1``."""
        if not self.path:
            return f"{source}: {self.rule}"
        if self.value is _NO_VALUE:
            return f"{source}: {self.path}: {self.rule}"
        return f"{source}: {self.path} = {_show(self.value)}: {self.rule}"


class _NoValue:
    def __repr__(self) -> str:
        return "<no value>"


_NO_VALUE: Any = _NoValue()


class ScenarioError(ValueError):
    """A scenario breaks the rules of SPEC sections 3 and 8.

    Attributes
    ----------
    source : str
        The file name (or ``<text>``) the scenario came from.
    problems : list of Problem
        Every problem found, each with its field path, value and rule.
    """

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        first = problems[0].render(source)
        more = len(problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        super().__init__(first + suffix)

    def lines(self) -> list[str]:
        """One line per problem, each naming the file."""
        return [problem.render(self.source) for problem in self.problems]


def _show(value: object) -> str:
    """A value as the user would write it in TOML, shortened."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = '"' + value.replace('"', '\\"') + '"'
    elif isinstance(value, float) and not math.isfinite(value):
        text = "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    elif isinstance(value, dict):
        text = "{ " + ", ".join(f"{k} = {_show(v)}" for k, v in value.items()) + " }"
    elif isinstance(value, list):
        text = "[" + ", ".join(_show(v) for v in value) + "]"
    else:
        text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


# --- field types -----------------------------------------------------------------------------

_DISTRIBUTION = TypeAdapter(Distribution)


def _number_or_distribution(value: Any) -> Any:
    """Accept an int or float (as float) or a distribution table; nothing else."""
    if isinstance(value, bool):
        raise PydanticCustomError("number", "must be a number, not true/false")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise PydanticCustomError("number", "must be a finite number")
        return float(value)
    if isinstance(value, Mapping):
        if "dist" not in value:
            raise PydanticCustomError(
                "number",
                "a distribution needs dist = one of {names}",
                {"names": ", ".join(DISTRIBUTION_NAMES)},
            )
        if value["dist"] not in DISTRIBUTION_NAMES:
            raise PydanticCustomError(
                "number",
                "unknown distribution; dist must be one of {names}",
                {"names": ", ".join(DISTRIBUTION_NAMES)},
            )
        try:
            return _DISTRIBUTION.validate_python(dict(value))
        except ValidationError as error:
            detail = error.errors()[0]
            field = detail.get("ctx", {}).get("field") or ".".join(
                str(part) for part in detail["loc"][1:]
            )
            message = _rule(detail, ("distribution",))
            raise PydanticCustomError(
                "distribution", "{field}: {message}", {"field": field, "message": message}
            ) from None
    if isinstance(value, str):
        raise PydanticCustomError("number", "must be a number, not text (remove the quotes)")
    raise PydanticCustomError("number", "must be a number or a distribution table")


def _plain_number(value: Any) -> Any:
    """A number that cannot be a distribution (beneficiary shares)."""
    if isinstance(value, Mapping):
        raise PydanticCustomError("number", "must be a plain number, not a distribution")
    return _number_or_distribution(value)


def _ranged(check: Any, rule: str) -> AfterValidator:
    """Check a field's base value (a distribution's base, SPEC section 8)."""

    def validate(value: Any) -> Any:
        if not check(base_value(value)):
            raise PydanticCustomError("range", rule)
        return value

    return AfterValidator(validate)


Number = float | Distribution
Share = Annotated[
    Number,
    BeforeValidator(_number_or_distribution),
    _ranged(lambda x: 0.0 <= x <= 1.0, "must be a share between 0 and 1"),
]
NonNegative = Annotated[
    Number, BeforeValidator(_number_or_distribution), _ranged(lambda x: x >= 0.0, "must be >= 0")
]
Rate = Annotated[
    Number, BeforeValidator(_number_or_distribution), _ranged(lambda x: x > -1.0, "must be > -1")
]
PlainShare = Annotated[
    float,
    BeforeValidator(_plain_number),
    _ranged(lambda x: 0.0 <= x <= 1.0, "must be a share between 0 and 1"),
]


def _text_rule(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("text", "must not be empty")
    return value


Name = Annotated[str, AfterValidator(_text_rule)]
Start = Annotated[
    int, Field(ge=0, description="First active year, as an offset from start_year [years].")
]
Years = Annotated[int, Field(ge=1)]


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


# --- the sections ----------------------------------------------------------------------------


class Settings(_Model):
    """The ``[scenario]`` table: name, place, time axis and discount rate."""

    name: Name = Field(description="Name of the business case.")
    area: str = Field("", description="Neighbourhood or area.")
    description: str = Field("", description="What the intervention does.")
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] = Field(
        "EUR", description="ISO 4217 currency code; all money in constant prices of start_year."
    )
    start_year: int = Field(description="Calendar year of t = 0 [year].")
    horizon_years: Years = Field(description="Number of years evaluated [years, >= 1].")
    discount_rate: Rate = Field(
        DEFAULT_DISCOUNT_RATE,
        description="Real discount rate [fraction per year, > -1]; default 0.0225 "
        "(Werkgroep discontovoet 2020).",
    )
    themes: list[Literal[THEMES]] = Field(  # type: ignore[valid-type]
        default_factory=list, description="Themes from the BoTu checklist."
    )


class Stakeholder(_Model):
    """Everyone who pays, benefits, invests or receives."""

    id: Name = Field(description="Identifier used by the other sections.")
    name: Name = Field(description="Display name.")
    kind: Literal[STAKEHOLDER_KINDS] = Field(description="Kind of party.")  # type: ignore[valid-type]


class Cost(_Model):
    """What the intervention costs, per active year."""

    name: Name = Field(description="Name of the cost line.")
    amount: NonNegative = Field(description="Cost per active year [EUR, constant prices].")
    start: Start = 0
    duration: Years = Field(1, description="Active years [years, >= 1].")
    growth: Rate = Field(0.0, description="Real annual growth of the amount [fraction, > -1].")
    category: Literal[COST_CATEGORIES] = Field("opex", description="opex or capex.")  # type: ignore[valid-type]
    proxy_source: str = Field("", description="Where the amount comes from.")


class Outcome(_Model):
    """Social value: one SROI impact-map row."""

    name: Name = Field(description="Name of the outcome (unique).")
    theme: Literal[THEMES] | None = Field(None, description="Theme from the checklist.")  # type: ignore[valid-type]
    indicator: str = Field("", description="How the outcome is measured.")
    quantity: NonNegative = Field(
        description="New outcomes achieved per active year [outcomes/year]."
    )
    proxy: NonNegative = Field(description="Value of one outcome for one year [EUR].")
    proxy_source: str = Field("", description="Where the proxy comes from.")
    value_type: Literal[VALUE_TYPES] = Field(description="fiscal, economic or social.")  # type: ignore[valid-type]
    deadweight: Share = Field(
        0.0, description="Share that would have happened anyway [fraction 0-1]."
    )
    displacement: Share = Field(
        0.0, description="Share that merely moved elsewhere [fraction 0-1]."
    )
    attribution: Share = Field(0.0, description="Share owed to others [fraction 0-1].")
    drop_off: Share = Field(
        0.0, description="Yearly decline of a cohort after its first year [fraction 0-1]."
    )
    lasts: Years = Field(1, description="Years one cohort's outcome lasts [years, >= 1].")
    cashable_share: Share = Field(0.0, description="Share that releases cash [fraction 0-1].")
    start: Start = 0
    duration: Years = Field(1, description="Active years [years, >= 1].")
    growth: Rate = Field(0.0, description="Real annual growth of quantity per cohort [fraction].")
    beneficiaries: dict[str, PlainShare] = Field(
        description="Stakeholder id -> share of the value; shares sum to 1."
    )


class AvoidedCost(_Model):
    """Prevention: spending that no longer has to be made."""

    name: Name = Field(description="Name of the avoided cost.")
    bearer: Name = Field(description="Stakeholder who would otherwise have paid.")
    incidents: NonNegative = Field(description="Baseline incidents per year [incidents/year].")
    reduction: Share = Field(description="Share of incidents prevented [fraction 0-1].")
    unit_cost: NonNegative = Field(description="Cost of one incident [EUR].")
    probability: Share = Field(1.0, description="Yearly chance of the event [fraction 0-1].")
    value_type: Literal[VALUE_TYPES] = Field("fiscal", description="fiscal, economic or social.")  # type: ignore[valid-type]
    cashable_share: Share = Field(1.0, description="Share that releases cash [fraction 0-1].")
    start: Start = 0
    duration: Years = Field(1, description="Active years [years, >= 1].")
    growth: Rate = Field(0.0, description="Real annual growth [fraction, > -1].")
    proxy_source: str = Field("", description="Where the unit cost comes from.")


class ValueCapture(_Model):
    """Skimming off property value increase caused by the programme."""

    name: Name = Field(description="Name of the value capture line.")
    units: NonNegative = Field(description="Dwellings or other properties [units].")
    base_value: NonNegative = Field(description="Value of one unit before the programme [EUR].")
    uplift: NonNegative = Field(description="Value increase caused by the programme [fraction].")
    capture_share: Share = Field(description="Share of the increase captured [fraction 0-1].")
    mechanism: str = Field("", description="erfpacht, baatbelasting, kostenverhaal, ...")
    payer: Name = Field(description="Stakeholder who pays the captured amount.")
    start: Start = 0
    duration: Years = Field(1, description="Years the money is spread over [years, >= 1].")
    proxy_source: str = Field("", description="Where the base value and uplift come from.")


class Funding(_Model):
    """Financing of the project's costs; a loan is repaid as an annuity."""

    name: Name = Field(description="Name of the funding line.")
    funder: Name = Field(description="Stakeholder who pays (for revenue: the customers).")
    kind: Literal[FUNDING_KINDS] = Field(
        description="subsidy, grant, budget, revenue, contribution or loan."
    )  # type: ignore[valid-type]
    amount: NonNegative = Field(description="Per active year; for a loan the principal [EUR].")
    start: Start = 0
    duration: Years = Field(1, description="Active years, not for loans [years, >= 1].")
    growth: Rate = Field(0.0, description="Real annual growth, not for loans [fraction].")
    probability: Share = Field(1.0, description="Chance the money comes [fraction 0-1].")
    interest_rate: NonNegative | None = Field(None, description="Loans only [fraction per year].")
    term: Years | None = Field(None, description="Loans only: number of repayment years.")


class Sib(_Model):
    """A social impact bond: the investor pre-finances, the outcome payer pays per outcome."""

    investor: Name = Field(description="Stakeholder who pays in the capital.")
    outcome_payer: Name = Field(description="Stakeholder who pays for outcomes.")
    capital: NonNegative = Field(description="Paid in by the investor in year start [EUR].")
    start: Start = 0
    outcome: Name = Field(description="Name of the outcome line that is paid for.")
    price: NonNegative = Field(description="Payment per paid-for outcome [EUR].")
    threshold: NonNegative = Field(
        0.0, description="No payment in a year with fewer paid-for outcomes."
    )
    cap: NonNegative | None = Field(
        None, description="Maximum total of all payments [EUR]; none = no cap."
    )
    lag: Annotated[int, Field(ge=0)] = Field(1, description="Years between outcome and payment.")


class Scenario(_Model):
    """One business case: SPEC section 3."""

    settings: Settings = Field(alias="scenario")
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    costs: list[Cost] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)
    avoided_costs: list[AvoidedCost] = Field(default_factory=list)
    value_capture: list[ValueCapture] = Field(default_factory=list)
    funding: list[Funding] = Field(default_factory=list)
    sib: Sib | None = None

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, populate_by_name=True)


SECTIONS: dict[str, type[BaseModel]] = {
    "scenario": Settings,
    "stakeholders": Stakeholder,
    "costs": Cost,
    "outcomes": Outcome,
    "avoided_costs": AvoidedCost,
    "value_capture": ValueCapture,
    "funding": Funding,
    "sib": Sib,
}
"""Every section of a scenario file with the model of one of its entries, in file order."""

FIELDS: dict[str, tuple[str, ...]] = {
    section: tuple(model.model_fields) for section, model in SECTIONS.items()
}
"""The field names of each section (for docs and the app)."""

LINE_SECTIONS: tuple[str, ...] = ("costs", "outcomes", "avoided_costs", "value_capture", "funding")


# --- reading ---------------------------------------------------------------------------------


def load_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Read and validate a scenario file.

    Parameters
    ----------
    path : path-like
        A TOML file in the format of SPEC section 3.

    Returns
    -------
    Scenario

    Raises
    ------
    ScenarioError
        For a missing, unreadable, too big, non-UTF-8 or non-TOML file, and for every rule of
        SPEC sections 3 and 8 it breaks.
    """
    path = Path(path)
    source = path.name or str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ScenarioError(source, [Problem("", _NO_VALUE, f"file not found: {path}")]) from None
    except OSError as error:
        raise ScenarioError(source, [Problem("", _NO_VALUE, f"cannot read: {error}")]) from None
    if path.is_dir():
        raise ScenarioError(source, [Problem("", _NO_VALUE, "is a folder, not a scenario file")])
    if size > MAX_FILE_BYTES:
        raise ScenarioError(
            source,
            [
                Problem(
                    "",
                    _NO_VALUE,
                    f"file is {size / 1e6:.1f} MB; a scenario file may be at most 5 MB",
                )
            ],
        )
    try:
        content = path.read_bytes()
    except OSError as error:
        raise ScenarioError(source, [Problem("", _NO_VALUE, f"cannot read: {error}")]) from None
    return parse_scenario(content, source=source)


def parse_scenario(text: str | bytes, source: str = "<text>") -> Scenario:
    """Validate scenario text (TOML), e.g. an uploaded file.

    Raises
    ------
    ScenarioError
        As :func:`load_scenario`.
    """
    if isinstance(text, bytes):
        if len(text) > MAX_FILE_BYTES:
            raise ScenarioError(
                source, [Problem("", _NO_VALUE, "a scenario file may be at most 5 MB")]
            )
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ScenarioError(
                source,
                [
                    Problem(
                        "",
                        _NO_VALUE,
                        f"not UTF-8 text (byte {error.start}); save the file as UTF-8",
                    )
                ],
            ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError(source, [Problem("", _NO_VALUE, f"not valid TOML: {error}")]) from None
    except RecursionError:
        raise ScenarioError(source, [Problem("", _NO_VALUE, _TOO_DEEP)]) from None
    return scenario_from_dict(data, source=source)


_TOO_DEEP = f"nested too deeply: tables and arrays may nest at most {MAX_NESTING} levels"


def scenario_from_dict(data: Mapping[str, Any], source: str = "<dict>") -> Scenario:
    """Validate TOML-shaped data (what ``tomllib`` returns) into a :class:`Scenario`."""
    if _depth(data) > MAX_NESTING:
        raise ScenarioError(source, [Problem("", _NO_VALUE, _TOO_DEEP)])
    if "scenario" not in data:
        raise ScenarioError(
            source,
            [
                Problem(
                    "",
                    _NO_VALUE,
                    "no [scenario] table: add one with name, start_year and horizon_years",
                )
            ],
        )
    try:
        scenario = Scenario.model_validate(dict(data))
    except ValidationError as error:
        raise ScenarioError(source, _problems(error, data)) from None
    problems = _cross_checks(scenario)
    if problems:
        raise ScenarioError(source, problems)
    return scenario


def _depth(value: Any) -> int:
    """Nesting depth of tables and arrays."""
    if isinstance(value, Mapping):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


# --- turning pydantic's findings into problems -------------------------------------------------


def _problems(error: ValidationError, data: Mapping[str, Any]) -> list[Problem]:
    problems = []
    seen = set()
    for detail in error.errors():
        loc = tuple(detail["loc"])
        # a BeforeValidator's number type is named in loc on union errors; drop model tags
        loc = tuple(part for part in loc if not _is_tag(part))
        path = _path(loc)
        if detail["type"] == "distribution":
            path = f"{path}.{detail['ctx']['field']}" if detail["ctx"]["field"] else path
        if path in seen:
            continue
        seen.add(path)
        value = _lookup(data, loc)
        problems.append(Problem(path, value, _rule(detail, loc)))
    return problems


def _is_tag(part: object) -> bool:
    return isinstance(part, str) and (
        part in DISTRIBUTION_NAMES or part.startswith(("function-", "literal[", "union["))
    )


def _path(loc: tuple) -> str:
    """('outcomes', 2, 'deadweight') -> 'outcomes[2].deadweight'."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def _lookup(data: Any, loc: tuple) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return _NO_VALUE
    return data


def _rule(detail: Mapping[str, Any], loc: tuple) -> str:
    """Our wording for a pydantic error."""
    kind = detail["type"]
    ctx = detail.get("ctx", {})
    if kind in ("number", "range", "text", "distribution"):
        return detail["msg"]
    if kind == "extra_forbidden":
        return _unknown_field_rule(loc)
    if kind == "missing":
        return "is required"
    if kind == "int_type":
        return "must be a whole number"
    if kind in ("string_type", "str_type"):
        return "must be text (in quotes)"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "must be a table"
    if kind == "list_type":
        return "must be a list"
    if kind == "greater_than_equal":
        return f"must be >= {ctx.get('ge')}"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected', '').replace(' or ', ', ')}"
    if kind == "string_pattern_mismatch":
        return "must be a three-letter currency code such as EUR"
    if kind in ("float_type", "float_parsing"):
        return "must be a number"
    return detail["msg"]


def _unknown_field_rule(loc: tuple) -> str:
    field = str(loc[-1])
    names = [part for part in loc[:-1] if isinstance(part, str)]
    section = names[0] if names else None
    if section is None:
        allowed = tuple(SECTIONS)
        what = "unknown section"
    elif section in SECTIONS and len(names) == 1:
        allowed = FIELDS[section]
        what = "unknown field"
    else:
        allowed = ("dist", "low", "mode", "high", "mean", "sd")
        what = "unknown field in a distribution"
    close = difflib.get_close_matches(field, allowed, n=1)
    hint = f"; did you mean {close[0]}?" if close else ""
    return f"{what}{hint} Allowed here: {', '.join(allowed)}"


# --- rules across fields -----------------------------------------------------------------------


def _cross_checks(scenario: Scenario) -> list[Problem]:
    """References, the horizon, uniqueness and loan fields (SPEC sections 3 and 8)."""
    problems: list[Problem] = []
    ids = [holder.id for holder in scenario.stakeholders]
    known = set(ids)
    known_text = ", ".join(ids) if ids else "(none: add [[stakeholders]])"
    last = scenario.settings.horizon_years - 1

    for index, holder_id in enumerate(ids):
        if holder_id in ids[:index]:
            problems.append(
                Problem(f"stakeholders[{index}].id", holder_id, "duplicate stakeholder id")
            )

    def reference(path: str, holder: str) -> None:
        if holder not in known:
            problems.append(
                Problem(path, holder, f"unknown stakeholder id; known ids: {known_text}")
            )

    def within_horizon(path: str, start: int) -> None:
        if start > last:
            problems.append(
                Problem(path, start, f"start must lie within the horizon: 0 <= start <= {last}")
            )

    for section in LINE_SECTIONS:
        for index, line in enumerate(getattr(scenario, section)):
            within_horizon(f"{section}[{index}].start", line.start)

    names = [outcome.name for outcome in scenario.outcomes]
    for index, outcome in enumerate(scenario.outcomes):
        prefix = f"outcomes[{index}]"
        if outcome.name in names[:index]:
            problems.append(Problem(f"{prefix}.name", outcome.name, "duplicate outcome name"))
        if not outcome.beneficiaries:
            problems.append(
                Problem(f"{prefix}.beneficiaries", {}, "needs at least one beneficiary")
            )
            continue
        for holder in outcome.beneficiaries:
            reference(f"{prefix}.beneficiaries.{holder}", holder)
        total = sum(outcome.beneficiaries.values())
        if abs(total - 1.0) > SHARE_TOLERANCE:
            problems.append(
                Problem(
                    f"{prefix}.beneficiaries",
                    dict(outcome.beneficiaries),
                    f"beneficiary shares add up to {total:.6g}; they must add up to 1",
                )
            )

    for index, line in enumerate(scenario.avoided_costs):
        reference(f"avoided_costs[{index}].bearer", line.bearer)
    for index, line in enumerate(scenario.value_capture):
        reference(f"value_capture[{index}].payer", line.payer)
    for index, line in enumerate(scenario.funding):
        prefix = f"funding[{index}]"
        reference(f"{prefix}.funder", line.funder)
        problems.extend(_loan_fields(prefix, line))

    bond = scenario.sib
    if bond is not None:
        reference("sib.investor", bond.investor)
        reference("sib.outcome_payer", bond.outcome_payer)
        within_horizon("sib.start", bond.start)
        if bond.outcome not in names:
            problems.append(
                Problem(
                    "sib.outcome",
                    bond.outcome,
                    "names no outcome line; outcomes: " + (", ".join(names) or "(none)"),
                )
            )
    return problems


def _loan_fields(prefix: str, line: Funding) -> list[Problem]:
    """A loan needs interest_rate and term and takes no duration or growth; others the reverse."""
    given = line.model_fields_set
    if line.kind == "loan":
        missing = [f"{prefix}.{name}" for name in ("interest_rate", "term") if name not in given]
        extra = [name for name in ("duration", "growth") if name in given]
        return [
            Problem(path, _NO_VALUE, "a loan needs interest_rate and term") for path in missing
        ] + [
            Problem(
                f"{prefix}.{name}",
                getattr(line, name),
                "a loan takes no " + name + " (it is repaid as an annuity over term years)",
            )
            for name in extra
        ]
    return [
        Problem(
            f"{prefix}.{name}",
            getattr(line, name),
            f"only a loan takes {name}; kind is {line.kind}",
        )
        for name in ("interest_rate", "term")
        if name in given
    ]


# --- writing ---------------------------------------------------------------------------------


def scenario_to_dict(scenario: Scenario) -> dict[str, Any]:
    """The scenario as TOML-shaped data: the fields that were given, in file order."""
    return scenario.model_dump(by_alias=True, exclude_unset=True, exclude_none=False)


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _toml_value(key)


def _toml_value(value: Any) -> str:
    """A value in TOML syntax; tables become inline tables."""
    if isinstance(value, Mapping):
        ordered = sorted(value.items(), key=lambda item: item[0] != "dist")  # dist first
        inner = ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in ordered)
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return tomli_w.dumps({"v": value}).split(" = ", 1)[1].rstrip("\n")


def dump_scenario(scenario: Scenario) -> str:
    """The scenario as readable TOML text: ``[scenario]`` first, sections in SPEC order,
    distributions and beneficiaries as inline tables, only the fields that were given."""
    data = scenario_to_dict(scenario)
    blocks = []
    for section in SECTIONS:
        if section not in data or data[section] in (None, []):
            continue
        entries = data[section] if isinstance(data[section], list) else [data[section]]
        header = f"[[{section}]]" if isinstance(data[section], list) else f"[{section}]"
        for entry in entries:
            lines = [header] + [
                f"{_toml_key(key)} = {_toml_value(value)}"
                for key, value in entry.items()
                if value is not None
            ]
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def save_scenario(scenario: Scenario, path: str | os.PathLike[str]) -> None:
    """Write a scenario file atomically: a temporary file in the same folder, then a rename.

    An existing file is replaced only when the new one is completely written; on any failure it
    is left untouched and the temporary file is removed.
    """
    path = Path(path)
    text = dump_scenario(scenario)
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
