"""Scenario files: the typed, validated model of docs/scenario-format.md; TOML in and out.

A scenario is one TOML file: a ``[scenario]`` table and the sections ``stakeholders``,
``costs``, ``outcomes``, ``avoided_costs``, ``value_capture``, ``funding`` and ``sib``. Every
rule of docs/scenario-format.md is checked; a violation raises :class:`ScenarioError`, which names
the file, the field path (``outcomes[2].deadweight``), the value given and the rule. Nothing is
guessed or coerced: a string where a number belongs, a boolean as a number or a fraction in an
integer field is an error. Each rule is a message key with texts in English and Dutch
(:mod:`businesscase.messages`); :mod:`businesscase.problems` puts them into words, bounded.

Checks run in two rounds: pydantic checks each field (types, ranges, shapes of distributions,
unknown fields) and reports every problem it finds; when the fields are fine, plain code checks
the rules across fields (stakeholder references, the horizon, unique ids and names, loan fields).

Reading is pure (a file is never written by loading it); :func:`save_scenario` writes
atomically, and load -> save -> load gives an equal scenario.

Examples
--------
>>> scenario = parse_scenario('''
... [scenario]
... name = "Pilot"
... start_year = 2026
... horizon_years = 3
... ''')
>>> scenario.settings.discount_rate, scenario.costs
(0.0225, [])
>>> parse_scenario('[scenario]\\nname = "Pilot"\\nstart_year = 2026\\nhorizon_years = 0\\n',
...                source="pilot.toml")
Traceback (most recent call last):
...
businesscase.problems.ScenarioError: pilot.toml: scenario.horizon_years = 0: must be >= 1
"""

from __future__ import annotations

import itertools
import os
import re
import stat
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

import tomli_w
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationError,
)
from pydantic_core import PydanticCustomError

from businesscase.distributions import (
    DISTRIBUTIONS,
    Distribution,
    base_value,
    is_distribution,
    real_number,
    whole_base_value,
)
from businesscase.files import write_atomic
from businesscase.problems import (
    NO_VALUE,
    Listing,
    Message,
    Problem,
    ScenarioError,
    Suggestion,
    control_character,
    file_error,
    refusal,
)
from businesscase.sampling import is_valid_correlation, rank_correlations
from businesscase.vocabulary import (
    COST_CATEGORIES,
    DEFAULT_DISCOUNT_RATE,
    FUNDING_KINDS,
    LONGEST_HORIZON,
    LONGEST_SPAN,
    STAKEHOLDER_KINDS,
    THEMES,
    VALUE_TYPES,
)

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Largest scenario file read [bytes] (5 MB, docs/scenario-format.md#rules)."""

_LIMIT_MB = MAX_FILE_BYTES // 2**20

MAX_NESTING = 10
"""Deepest nesting of tables and arrays accepted in a scenario file [levels]."""

MOST_LINES_PER_SECTION = 2000
"""Most lines in one section (``[[costs]]``, ``[[stakeholders]]``, ...) [lines]. A programme of
a hundred projects with twenty cost lines each fits; checked before anything else is
validated."""

MOST_LINES = 3000
"""Most lines in all sections of one file together [lines]."""

SHARE_TOLERANCE = 1e-6
"""Beneficiary shares must add up to 1 within this tolerance."""


# --- field types -----------------------------------------------------------------------------


def _distribution(value: Mapping[str, Any]) -> Any:
    """Validate a distribution table; a problem names the parameter (``proxy.sd``)."""
    name = value.get("dist")
    if not (isinstance(name, str) and name in DISTRIBUTIONS):
        key = "unknown_distribution" if "dist" in value else "no_distribution"
        raise refusal(Message(key, names=", ".join(DISTRIBUTIONS)))
    model = DISTRIBUTIONS[name]
    try:
        return model.model_validate(dict(value))
    except ValidationError as error:
        # an unknown field first: "stdev" for "sd" also makes "sd" missing
        detail = min(error.errors(), key=lambda found: found["type"] != "extra_forbidden")
        field = detail.get("ctx", {}).get("field") or str(detail["loc"][0])
        rule = _rule(detail, tuple(model.model_fields), name)
        raise PydanticCustomError(
            "distribution",
            "{text}",
            {
                "text": rule.text(),
                "message": rule,
                "field": field,
                "value": value.get(field, NO_VALUE),
            },
        ) from None


def _number_or_distribution(value: Any) -> Any:
    """A finite number (an int becomes a float) or a distribution table; nothing else."""
    if isinstance(value, Mapping):
        return _distribution(value)
    return real_number(value)


def _plain_number(value: Any) -> float:
    """A finite number that cannot be a distribution (beneficiary shares)."""
    if isinstance(value, Mapping):
        raise refusal(Message("plain_number"))
    return real_number(value)


def _ranged(check: Callable[[float], bool], key: str) -> AfterValidator:
    """Check a number, or a distribution's base value, against a field's rule (a message key)."""

    def validate(value: Any) -> Any:
        if not check(base_value(value)):
            if is_distribution(value):
                raise refusal(Message("on_base_value", rule=Message(key), base=value.base))
            raise refusal(Message(key))
        return value

    return AfterValidator(validate)


Number = float | Distribution
"""A number or a distribution (docs/uncertainty.md); evaluation uses the base value."""

_NUMBER = BeforeValidator(_number_or_distribution)
Share = Annotated[Number, _NUMBER, _ranged(lambda x: 0.0 <= x <= 1.0, "share")]
NonNegative = Annotated[Number, _NUMBER, _ranged(lambda x: x >= 0.0, "not_negative")]
Rate = Annotated[Number, _NUMBER, _ranged(lambda x: x > -1.0, "above_minus_one")]
PlainShare = Annotated[
    float, BeforeValidator(_plain_number), _ranged(lambda x: 0.0 <= x <= 1.0, "share")
]


def _whole(unit: str, minimum: int, maximum: int) -> BeforeValidator:
    """An integer field (never a float, not even 2.0, a boolean or a distribution) within bounds.

    ``unit`` is a key of :data:`businesscase.messages.PIECES` (``years``, ``calendar_year``).
    """

    def validate(value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            key = "whole_not_distribution" if isinstance(value, Mapping) else "whole"
            raise refusal(Message(key, unit=Message(unit)))
        if value < minimum:
            raise refusal(Message("at_least", minimum=minimum))
        if value > maximum:
            raise refusal(Message("at_most", maximum=maximum))
        return value

    return BeforeValidator(validate)


EARLIEST_YEAR = 1900
"""Earliest ``start_year`` [calendar year]."""

LATEST_YEAR = 2200
"""Latest ``start_year`` [calendar year]: with the longest horizon, the last year is 2399."""

Start = Annotated[int, _whole("years", 0, LONGEST_HORIZON - 1)]
Horizon = Annotated[int, _whole("years", 1, LONGEST_HORIZON)]
Years = Annotated[int, _whole("years", 1, LONGEST_SPAN)]


def _whole_or_distribution(minimum: int, maximum: int) -> BeforeValidator:
    """A whole number of years within bounds, or a distribution whose base value, rounded to
    the nearest whole number, is within them (a start that may slip, docs/uncertainty.md)."""
    whole = _whole("years", minimum, maximum).func

    def validate(value: Any) -> Any:
        if not isinstance(value, Mapping):
            return whole(value)
        distribution = _distribution(value)
        rounded = whole_base_value(distribution)
        if not minimum <= rounded <= maximum:
            rule = Message("at_least", minimum=minimum) if rounded < minimum else None
            rule = rule or Message("at_most", maximum=maximum)
            raise refusal(Message("on_base_value", rule=rule, base=distribution.base))
        return distribution

    return BeforeValidator(validate)


UncertainStart = Annotated[int | Distribution, _whole_or_distribution(0, LONGEST_HORIZON - 1)]
"""A line's ``start``: whole years, or a distribution of them (rounded per draw)."""
UncertainYears = Annotated[int | Distribution, _whole_or_distribution(1, LONGEST_SPAN)]
"""A line's ``duration`` or an outcome's ``lasts``: whole years, or a distribution of them."""
Lag = Annotated[int, _whole("years", 0, LONGEST_HORIZON)]
CalendarYear = Annotated[int, _whole("calendar_year", EARLIEST_YEAR, LATEST_YEAR)]


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise refusal(Message("text"))
    return value


def _one_line(value: str) -> str:
    """Refuse control characters (newline, tab, escape, ...) in a single-line text."""
    found = control_character(value)
    if found is not None:
        raise refusal(Message("one_line", char=found))
    return value


def _paragraphs(value: str) -> str:
    """Refuse control characters other than newlines and tabs in a longer text."""
    found = control_character(value, allowed="\n\r\t")
    if found is not None:
        raise refusal(Message("no_control_characters", char=found))
    return value


def _non_empty(value: str) -> str:
    if not value.strip():
        raise refusal(Message("not_empty"))
    return value


def _currency(value: str) -> str:
    if not re.fullmatch(r"[A-Z]{3}", value):
        raise refusal(Message("currency"))
    return value


Text = Annotated[str, BeforeValidator(_text), AfterValidator(_one_line)]
LongText = Annotated[str, BeforeValidator(_text), AfterValidator(_paragraphs)]
Name = Annotated[str, BeforeValidator(_text), AfterValidator(_one_line), AfterValidator(_non_empty)]


def _flag(value: Any) -> bool:
    """``true`` or ``false``, never a number or text."""
    if not isinstance(value, bool):
        raise refusal(Message("true_or_false"))
    return value


Flag = Annotated[bool, BeforeValidator(_flag)]
Currency = Annotated[str, BeforeValidator(_text), AfterValidator(_currency)]


def _one_of(choices: tuple[str, ...]) -> BeforeValidator:
    """A closed vocabulary; a near miss gets a suggestion."""

    def validate(value: Any) -> Any:
        if isinstance(value, str) and value in choices:
            return value
        hint = Suggestion(value, choices) if isinstance(value, str) else ""
        raise refusal(Message("one_of", choices=", ".join(choices), hint=hint))

    return BeforeValidator(validate)


Theme = Annotated[Literal[THEMES], _one_of(THEMES)]  # type: ignore[valid-type]
StakeholderKind = Annotated[Literal[STAKEHOLDER_KINDS], _one_of(STAKEHOLDER_KINDS)]  # type: ignore[valid-type]
ValueType = Annotated[Literal[VALUE_TYPES], _one_of(VALUE_TYPES)]  # type: ignore[valid-type]
CostCategory = Annotated[Literal[COST_CATEGORIES], _one_of(COST_CATEGORIES)]  # type: ignore[valid-type]
FundingKind = Annotated[Literal[FUNDING_KINDS], _one_of(FUNDING_KINDS)]  # type: ignore[valid-type]

_START = "First active year, as an offset from start_year [years, 0 .. horizon_years-1]."
_DURATION = "Number of active years; cut at the horizon [years, 1 .. 1000]."
_GROWTH = "Real annual growth of the amount from start on [fraction per year, > -1]."
_SOURCE = "Where the figures come from [text]."
_TRANSFER = (
    "Money that only moves between parties (a benefit payment saved): kept in who pays and who "
    "benefits, left out of the society figures [true or false]."
)
_PROJECT = (
    "The project of the programme this line belongs to; none = the programme itself [project id]."
)
_POOLED = (
    "Whether this money may pay for any part of the programme; default false on a project's "
    "line (earmarked for its project), true on a programme line [true or false]."
)
_NOMINAL = (
    "Amounts fixed in euros of the year they are paid (not indexed); divided by the price "
    "index (1 + inflation) ** t [true or false]."
)


class _Model(BaseModel):
    """Strict types, no unknown fields, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


# --- the sections ----------------------------------------------------------------------------


class Settings(_Model):
    """The ``[scenario]`` table: what the case is called, its time axis and discount rate."""

    name: Name = Field(description="Name of the business case [text, not empty].")
    area: Text = Field("", description="Neighbourhood or area [text].")
    description: LongText = Field(
        "", description="What the intervention does [text; may hold newlines and tabs]."
    )
    currency: Currency = Field(
        "EUR",
        description="Currency of all amounts, in constant prices of start_year "
        "[three-letter upper-case code, e.g. EUR].",
    )
    start_year: CalendarYear = Field(description="Calendar year of t = 0 [year, 1900 .. 2200].")
    horizon_years: Horizon = Field(
        description="Number of years evaluated, t = 0 .. horizon_years-1 [years, 1 .. 200]."
    )
    discount_rate: Rate = Field(
        DEFAULT_DISCOUNT_RATE,
        description="Real discount rate (Werkgroep discontovoet 2020) [fraction per year, > -1].",
    )
    themes: list[Theme] = Field(
        default_factory=list, description="Themes from the checklist [list of themes]."
    )
    inflation: Rate = Field(
        0.0,
        description="Yearly price inflation, for nominal contracts and the cash balance in "
        "current euros [fraction per year, > -1].",
    )


class Stakeholder(_Model):
    """Everyone who pays, benefits, invests or receives."""

    id: Name = Field(description="Identifier used by the other sections [text, unique].")
    name: Name = Field(description="Display name [text, not empty].")
    kind: StakeholderKind = Field(description="Kind of party [one of the stakeholder kinds].")


class Cost(_Model):
    """What the intervention costs, per active year (real terms)."""

    name: Name = Field(description="Name of the cost line [text, not empty].")
    amount: NonNegative = Field(
        description="Cost per active year [EUR, constant prices of start_year, >= 0]."
    )
    start: UncertainStart = Field(0, description=_START)
    duration: UncertainYears = Field(1, description=_DURATION)
    growth: Rate = Field(0.0, description=_GROWTH)
    category: CostCategory = Field(
        "opex", description="Running cost or investment [opex or capex]."
    )
    proxy_source: Text = Field("", description=_SOURCE)
    in_kind: Flag = Field(
        False,
        description="Given in kind (volunteer hours, a donated room): a social cost, no project "
        "cash [true or false].",
    )
    provider: Name | None = Field(
        None, description="Who gives an in-kind cost; required when in_kind [stakeholder id]."
    )
    life: Years | None = Field(
        None,
        description="Capex only: useful life, for the residual value at the horizon [years, >= 1].",
    )
    owner: Name | None = Field(
        None, description="Who owns the residual value; required with life [stakeholder id]."
    )
    project: Name | None = Field(None, description=_PROJECT)


class Outcome(_Model):
    """Social value: one SROI impact-map row, valued per cohort (docs/methodology.md)."""

    name: Name = Field(description="Name of the outcome [text, unique].")
    theme: Theme | None = Field(None, description="Theme from the checklist [theme].")
    indicator: Text = Field("", description="How the outcome is measured [text].")
    quantity: NonNegative = Field(
        description="New outcomes achieved per active year [outcomes/year, >= 0]."
    )
    proxy: NonNegative = Field(
        description="Value of one outcome for one year [EUR, constant prices of start_year, >= 0]."
    )
    proxy_source: Text = Field("", description="Where the proxy comes from [text].")
    value_type: ValueType = Field(description="Kind of value [fiscal, economic or social].")
    deadweight: Share = Field(
        0.0, description="Share that would have happened anyway [fraction 0-1]."
    )
    displacement: Share = Field(
        0.0, description="Share that merely moved elsewhere [fraction 0-1]."
    )
    attribution: Share = Field(
        0.0, description="Share owed to others than this intervention [fraction 0-1]."
    )
    drop_off: Share = Field(
        0.0, description="Yearly decline of a cohort's outcome after its first year [fraction 0-1]."
    )
    lasts: UncertainYears = Field(
        1, description="Years one cohort's outcome lasts; cut at the horizon [years, 1 .. 1000]."
    )
    cashable_share: Share = Field(
        0.0, description="Share of the value that releases cash for its receivers [fraction 0-1]."
    )
    start: UncertainStart = Field(0, description=_START)
    duration: UncertainYears = Field(1, description=_DURATION)
    growth: Rate = Field(
        0.0, description="Real annual growth of quantity per cohort [fraction per year, > -1]."
    )
    harm: Flag = Field(
        False,
        description="A negative outcome: its value counts against the benefits [true or false].",
    )
    transfer: Flag = Field(False, description=_TRANSFER)
    project: Name | None = Field(None, description=_PROJECT)
    beneficiaries: dict[str, PlainShare] = Field(
        description="Stakeholder id = share of the value; shares add up to 1 "
        "[fraction 0-1 each, plain numbers]."
    )


class AvoidedCost(_Model):
    """Prevention: spending that no longer has to be made."""

    name: Name = Field(description="Name of the avoided cost [text, not empty].")
    bearer: Name = Field(description="Stakeholder who would otherwise have paid [stakeholder id].")
    incidents: NonNegative = Field(
        description="Baseline incidents without the intervention [incidents/year, >= 0]."
    )
    reduction: Share = Field(description="Share of incidents prevented [fraction 0-1].")
    unit_cost: NonNegative = Field(
        description="Cost of one incident [EUR, constant prices of start_year, >= 0]."
    )
    probability: Share = Field(
        1.0,
        description="Yearly chance of the event: its expected value in the figures, drawn year "
        "by year in the Monte Carlo [fraction 0-1].",
    )
    value_type: ValueType = Field(
        "fiscal", description="Kind of value [fiscal, economic or social]."
    )
    cashable_share: Share = Field(
        1.0, description="Share that releases cash for the bearer [fraction 0-1]."
    )
    start: UncertainStart = Field(0, description=_START)
    duration: UncertainYears = Field(1, description=_DURATION)
    growth: Rate = Field(0.0, description=_GROWTH)
    proxy_source: Text = Field("", description=_SOURCE)
    deadweight: Share = Field(
        0.0, description="Share that would have been avoided anyway [fraction 0-1]."
    )
    displacement: Share = Field(
        0.0, description="Share that merely moved elsewhere [fraction 0-1]."
    )
    attribution: Share = Field(
        0.0, description="Share owed to others than this intervention [fraction 0-1]."
    )
    drop_off: Share = Field(
        0.0, description="Yearly decline of the avoided cost from start on [fraction 0-1]."
    )
    transfer: Flag = Field(False, description=_TRANSFER)
    project: Name | None = Field(None, description=_PROJECT)


class ValueCapture(_Model):
    """Skimming off property value increase caused by the programme (a transfer)."""

    name: Name = Field(description="Name of the value capture line [text, not empty].")
    units: NonNegative = Field(description="Dwellings or other properties [units, >= 0].")
    base_value: NonNegative = Field(
        description="Value of one unit before the programme "
        "[EUR, constant prices of start_year, >= 0]."
    )
    uplift: NonNegative = Field(
        description="Value increase caused by the programme [fraction of base_value, >= 0]."
    )
    capture_share: Share = Field(description="Share of the increase captured [fraction 0-1].")
    mechanism: Text = Field(
        "", description="How it is captured: erfpacht, baatbelasting, kostenverhaal, ... [text]."
    )
    payer: Name = Field(description="Who pays the captured amount [stakeholder id].")
    start: UncertainStart = Field(0, description=_START)
    duration: UncertainYears = Field(
        1, description="Years the captured money is spread over evenly [years, 1 .. 1000]."
    )
    proxy_source: Text = Field("", description=_SOURCE)
    nominal: Flag = Field(False, description=_NOMINAL)
    project: Name | None = Field(None, description=_PROJECT)
    pooled: Flag | None = Field(None, description=_POOLED)


class Funding(_Model):
    """Financing of the project's costs; a loan pays out in start and is repaid as an annuity."""

    name: Name = Field(description="Name of the funding line [text, not empty].")
    funder: Name = Field(description="Who pays; for revenue the customers [stakeholder id].")
    kind: FundingKind = Field(
        description="Kind of financing; subsidy and grant make a plan subsidy dependent [kind]."
    )
    amount: NonNegative = Field(
        description="Per active year; for a loan the principal "
        "[EUR, constant prices of start_year, >= 0]."
    )
    start: UncertainStart = Field(0, description=_START)
    duration: UncertainYears = Field(1, description=_DURATION + " Not for loans.")
    growth: Rate = Field(0.0, description=_GROWTH + " Not for loans.")
    probability: Share = Field(
        1.0,
        description="Chance the money comes at all: its expected value in the figures, all or "
        "nothing in the Monte Carlo [fraction 0-1].",
    )
    interest_rate: NonNegative | None = Field(
        None, description="Loans only, required there [fraction per year, >= 0]."
    )
    term: Years | None = Field(
        None,
        description="Loans only, required there: repayment years from start+1 [years, 1 .. 1000].",
    )
    nominal: Flag = Field(False, description=_NOMINAL)
    project: Name | None = Field(None, description=_PROJECT)
    pooled: Flag | None = Field(None, description=_POOLED)


class SibMetric(_Model):
    """One metric of an outcome contract: an outcome line paid for per outcome, by its payers."""

    outcome: Name = Field(description="Name of the outcome line that is paid for [outcome name].")
    price: NonNegative = Field(
        description="Paid per paid-for outcome [EUR, constant prices of start_year, >= 0]."
    )
    threshold: NonNegative = Field(
        0.0, description="No payment in a year with fewer paid-for outcomes [outcomes, >= 0]."
    )
    lag: Lag = Field(
        1, description="Years between achieving an outcome and its payment [years, 0 .. 200]."
    )
    payer: Name | None = Field(
        None, description="The one stakeholder who pays; or write payers [stakeholder id]."
    )
    payers: dict[str, PlainShare] | None = Field(
        None,
        description="Stakeholder id = share of the payments; shares add up to 1 "
        "[fraction 0-1 each, plain numbers].",
    )

    def payer_shares(self) -> dict[str, float]:
        """Who pays what share of this metric's payments."""
        return dict(self.payers) if self.payers is not None else {str(self.payer): 1.0}


SHORTHAND_FIELDS: tuple[str, ...] = ("outcome_payer", "outcome", "price", "threshold", "lag")
"""The fields of one metric with one payer that may be written on the contract itself."""


class Sib(_Model):
    """An outcome contract (social impact bond): the investor pre-finances, payers pay per
    outcome (docs/methodology.md, "Outcome contracts")."""

    name: Name = Field(
        "SIB", description="Name of the contract [text; unique, required when there are several]."
    )
    investor: Name = Field(description="Who pays in the capital [stakeholder id].")
    outcome_payer: Name | None = Field(
        None, description="Shorthand for one metric: who pays for the outcomes [stakeholder id]."
    )
    capital: NonNegative = Field(
        description="Paid in by the investor from year start "
        "[EUR, constant prices of start_year, >= 0]."
    )
    start: Start = Field(
        0,
        description="Year the capital (or its first drawdown) is paid in, as an offset from "
        "start_year [years, 0 .. horizon_years-1].",
    )
    drawdown: list[PlainShare] | None = Field(
        None,
        description="Share of the capital drawn in year start + k; shares add up to 1; none = "
        "all in start [fractions 0-1, plain numbers].",
    )
    outcome: Name | None = Field(
        None, description="Shorthand for one metric: the outcome line paid for [outcome name]."
    )
    price: NonNegative | None = Field(
        None,
        description="Shorthand for one metric: paid per paid-for outcome "
        "[EUR, constant prices of start_year, >= 0].",
    )
    threshold: NonNegative = Field(
        0.0,
        description="Shorthand for one metric: no payment in a year with fewer paid-for "
        "outcomes [outcomes, >= 0].",
    )
    cap: NonNegative | None = Field(
        None,
        description="Maximum total of all outcome payments; none = no cap "
        "[EUR, constant prices of start_year, >= 0].",
    )
    lag: Lag = Field(
        1,
        description="Shorthand for one metric: years between achieving an outcome and its "
        "payment [years, 0 .. 200].",
    )
    max_irr: NonNegative | None = Field(
        None,
        description="Return cap: payments stop where the investor's IRR would pass it; none = "
        "no return cap [fraction per year, >= 0].",
    )
    guarantor: Name | None = Field(
        None,
        description="Who protects part of the capital; goes with guarantee_share [stakeholder id].",
    )
    guarantee_share: Share | None = Field(
        None,
        description="Share of the capital not repaid within the horizon that the guarantor "
        "pays in the last year [fraction 0-1].",
    )
    nominal: Flag = Field(False, description=_NOMINAL)
    project: Name | None = Field(None, description=_PROJECT)
    pooled: Flag | None = Field(None, description=_POOLED)
    metrics: list[SibMetric] | None = Field(
        None,
        description="What the contract pays for: one [[sib.metrics]] table per metric; instead "
        "of the shorthand [tables, at least one].",
    )

    def metric_list(self) -> list[SibMetric]:
        """The contract's metrics; the shorthand on the contract is one metric with one payer."""
        if self.metrics is not None:
            return list(self.metrics)
        return [
            SibMetric.model_construct(
                outcome=self.outcome,
                price=self.price,
                threshold=self.threshold,
                lag=self.lag,
                payer=self.outcome_payer,
                payers=None,
            )
        ]

    def drawdown_shares(self) -> list[float]:
        """Share of the capital paid in each year from ``start`` on."""
        return [1.0] if self.drawdown is None else list(self.drawdown)


def _one_or_many(value: Any) -> str:
    """Which form the contracts are written in: one ``[sib]`` table or ``[[sib]]``."""
    return "list" if isinstance(value, list) else "table"


Contracts = Annotated[
    Annotated[Sib, Tag("table")] | Annotated[list[Sib], Tag("list")],
    Discriminator(_one_or_many),
]
"""Outcome contracts: one ``[sib]`` table (one contract) or an array ``[[sib]]``."""


Rho = Annotated[
    float,
    BeforeValidator(_plain_number),
    _ranged(lambda x: -1.0 < x < 1.0, "correlation_rho"),
]


class Correlation(_Model):
    """A group of uncertain inputs that move together (docs/uncertainty.md, correlated inputs)."""

    inputs: list[Name] = Field(
        description="Field paths of two or more inputs written as distributions, such as "
        "outcomes[0].quantity [paths]."
    )
    rho: Rho = Field(
        description="Rank (Spearman) correlation of every pair of the inputs "
        "[-1 < rho < 1, a plain number]."
    )


class Project(_Model):
    """One project of a programme (an integral investment package of several projects)."""

    id: Name = Field(description="Identifier used by the lines' project field [text, unique].")
    name: Name = Field(description="Display name [text, not empty].")


class Scenario(_Model):
    """One business case (docs/scenario-format.md); attribute names are the TOML names.

    The ``[scenario]`` table is the attribute ``settings``. Fields left out of a file keep their
    defaults and are not written back (pydantic's ``model_fields_set``).
    """

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, populate_by_name=True)

    settings: Settings = Field(alias="scenario", description="The [scenario] table.")
    stakeholders: list[Stakeholder] = Field(
        default_factory=list, description="Everyone who pays, benefits, invests or receives."
    )
    projects: list[Project] = Field(
        default_factory=list, description="The projects of a programme; none = one project."
    )
    costs: list[Cost] = Field(default_factory=list, description="Cost lines.")
    outcomes: list[Outcome] = Field(default_factory=list, description="Outcome lines.")
    avoided_costs: list[AvoidedCost] = Field(
        default_factory=list, description="Avoided cost lines."
    )
    value_capture: list[ValueCapture] = Field(
        default_factory=list, description="Value capture lines."
    )
    funding: list[Funding] = Field(default_factory=list, description="Funding lines.")
    sib: Contracts | None = Field(
        None, description="Outcome contracts: one [sib] table or several [[sib]] tables."
    )
    correlations: list[Correlation] = Field(
        default_factory=list, description="Groups of uncertain inputs that move together."
    )

    @property
    def contracts(self) -> list[Sib]:
        """The outcome contracts, in file order (none, the one ``[sib]``, or every ``[[sib]]``)."""
        if self.sib is None:
            return []
        return list(self.sib) if isinstance(self.sib, list) else [self.sib]

    def contract_path(self, index: int) -> str:
        """Field path of a contract: ``sib`` for the one ``[sib]`` table, else ``sib[index]``."""
        return f"sib[{index}]" if isinstance(self.sib, list) else "sib"


SECTIONS: dict[str, type[BaseModel]] = {
    "scenario": Settings,
    "stakeholders": Stakeholder,
    "projects": Project,
    "costs": Cost,
    "outcomes": Outcome,
    "avoided_costs": AvoidedCost,
    "value_capture": ValueCapture,
    "funding": Funding,
    "sib": Sib,
    "correlations": Correlation,
}
"""Every section of a scenario file with the model of one entry, in file order."""

SCENARIO_FIELDS: tuple[str, ...] = tuple(Settings.model_fields)
STAKEHOLDER_FIELDS: tuple[str, ...] = tuple(Stakeholder.model_fields)
COST_FIELDS: tuple[str, ...] = tuple(Cost.model_fields)
OUTCOME_FIELDS: tuple[str, ...] = tuple(Outcome.model_fields)
AVOIDED_COST_FIELDS: tuple[str, ...] = tuple(AvoidedCost.model_fields)
VALUE_CAPTURE_FIELDS: tuple[str, ...] = tuple(ValueCapture.model_fields)
FUNDING_FIELDS: tuple[str, ...] = tuple(Funding.model_fields)
SIB_FIELDS: tuple[str, ...] = tuple(Sib.model_fields)
SIB_METRIC_FIELDS: tuple[str, ...] = tuple(SibMetric.model_fields)

FIELDS: dict[str, tuple[str, ...]] = {
    section: tuple(model.model_fields) for section, model in SECTIONS.items()
}
"""The field names of each section, in file order (for docs and the app)."""

LINE_SECTIONS: tuple[str, ...] = ("costs", "outcomes", "avoided_costs", "value_capture", "funding")
"""The sections that hold lines running over time (each with ``start`` and ``duration``)."""


# --- reading ---------------------------------------------------------------------------------


def load_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Read and validate a scenario file.

    Parameters
    ----------
    path : path-like
        A TOML file in the format of docs/scenario-format.md, at most 5 MB.

    Returns
    -------
    Scenario

    Raises
    ------
    ScenarioError
        For a missing, unreadable, too big, non-UTF-8 or non-TOML file, and for every rule of
        docs/scenario-format.md it breaks; ``str(error)`` names the file.
    """
    path = Path(path)
    source = path.name or str(path)
    return parse_scenario(read_limited(path, source), source=source)


def read_limited(path: Path, source: str, prefix: str = "") -> bytes:
    """The content of a regular file of at most :data:`MAX_FILE_BYTES`.

    Raises
    ------
    ScenarioError
        For a folder, a file that is not regular, a missing, unreadable or too big file; the
        messages of a folder and a too big file are those of ``prefix`` (``""`` for a scenario
        file, ``"actuals_"`` for an actuals file).
    """
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise file_error(source, f"{prefix}folder", path=path)
        if not stat.S_ISREG(status.st_mode):
            raise file_error(source, "not_regular", path=path)
        if status.st_size > MAX_FILE_BYTES:
            megabytes = f"{status.st_size / 2**20:.1f}"
            key = f"{prefix}file_too_big"
            raise file_error(source, key, megabytes=megabytes, limit=_LIMIT_MB)
        with path.open("rb") as handle:  # read no more than the limit, even if the file grew
            return handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise file_error(source, "not_found", path=path) from None
    except OSError as error:
        raise file_error(source, "unreadable", reason=error.strerror or error) from None


def decoded(text: str | bytes, source: str, prefix: str = "") -> str:
    """Text of at most :data:`MAX_FILE_BYTES`, bytes decoded as UTF-8 (a byte order mark
    allowed); a ScenarioError otherwise (``prefix`` as :func:`read_limited`)."""
    if len(text) > MAX_FILE_BYTES:
        raise file_error(source, f"{prefix}text_too_big", limit=_LIMIT_MB)
    if isinstance(text, bytes):
        try:
            return text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = text[: error.start].count(b"\n") + 1
            raise file_error(source, "not_utf8", line=line) from None
    return text


def parse_scenario(text: str | bytes, source: str = "<text>") -> Scenario:
    """Validate scenario text (TOML), e.g. an uploaded file.

    Parameters
    ----------
    text : str or bytes
        TOML text; bytes must be UTF-8 (a byte order mark is allowed) and at most 5 MB.
    source : str
        The name problems are reported under.

    Raises
    ------
    ScenarioError
        As :func:`load_scenario`.
    """
    text = decoded(text, source)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise file_error(source, "not_toml", detail=error) from None
    except RecursionError:
        raise file_error(source, "too_deep", levels=MAX_NESTING) from None
    return scenario_from_dict(data, source=source)


def scenario_from_dict(data: Mapping[str, Any], source: str = "<dict>") -> Scenario:
    """Validate TOML-shaped data (what ``tomllib`` returns) into a :class:`Scenario`.

    Raises
    ------
    ScenarioError
        For every rule of docs/scenario-format.md the data breaks.
    """
    if _nested_deeper_than(data, MAX_NESTING):
        raise file_error(source, "too_deep", levels=MAX_NESTING)
    too_many = _too_many_lines(data)
    if too_many:
        raise ScenarioError(source, too_many)
    if "scenario" not in data:
        stray = [key for key in data if key in SCENARIO_FIELDS]
        note = Message("stray_settings", fields=Listing(tuple(stray))) if stray else ""
        raise file_error(source, "no_settings", stray=note)
    try:
        scenario = Scenario.model_validate(dict(data))
    except ValidationError as error:
        raise ScenarioError(source, _problems(error, data)) from None
    problems = _cross_checks(scenario)
    if problems:
        raise ScenarioError(source, problems)
    return scenario


def _too_many_lines(data: Mapping[str, Any]) -> list[Problem]:
    """A problem for each section over :data:`MOST_LINES_PER_SECTION`, or one for the file
    over :data:`MOST_LINES`, counted before any line is validated."""
    counts = {section: len(lines) for section, lines in data.items() if isinstance(lines, list)}
    problems = [
        Problem(
            str(section),
            NO_VALUE,
            Message("too_many_lines", count=count, limit=MOST_LINES_PER_SECTION),
        )
        for section, count in counts.items()
        if count > MOST_LINES_PER_SECTION
    ]
    total = sum(counts.values())
    if not problems and total > MOST_LINES:
        rule = Message("too_many_lines_in_all", count=total, limit=MOST_LINES)
        problems.append(Problem("", NO_VALUE, rule))
    return problems


def _nested_deeper_than(data: object, limit: int) -> bool:
    """Whether tables and arrays nest more than ``limit`` levels (breadth first, no recursion)."""
    level: list[Any] = [data]
    for _ in range(limit):
        level = [
            child
            for item in level
            for child in (item.values() if isinstance(item, Mapping) else item)
            if isinstance(child, Mapping | list)
        ]
        if not level:
            return False
    return True


# --- turning pydantic's findings into problems -------------------------------------------------


def _problems(error: ValidationError, data: Mapping[str, Any]) -> list[Problem]:
    """One problem per field path, in the order pydantic found them."""
    problems: dict[str, Problem] = {}
    for detail in error.errors():
        loc = tuple(part for part in detail["loc"] if part != "[key]")
        if loc[:1] == ("sib",) and loc[1:2] in (("table",), ("list",)):
            loc = loc[:1] + loc[2:]  # the form of the contracts is no part of the path
        path, value = _path(loc), _lookup(data, loc)
        if detail["type"] == "distribution":
            path, value = f"{path}.{detail['ctx']['field']}", detail["ctx"]["value"]
        if path not in problems:
            problems[path] = Problem(path, value, _rule(detail, *_allowed_here(loc)))
    return list(problems.values())


def _path(loc: tuple[int | str, ...]) -> str:
    """``('outcomes', 2, 'deadweight')`` -> ``'outcomes[2].deadweight'``."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else ("." if text else "") + str(part)
    return text


def _lookup(data: Any, loc: tuple[int | str, ...]) -> Any:
    """The value the user gave at ``loc``, or :data:`NO_VALUE`."""
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return NO_VALUE
    return data


def _allowed_here(loc: tuple[int | str, ...]) -> tuple[tuple[str, ...], str]:
    """The field names allowed next to the last part of ``loc``, and what they are."""
    if len(loc) <= 1:
        return tuple(SECTIONS), "section"
    if "metrics" in loc[:-1] and loc[0] == "sib":
        return SIB_METRIC_FIELDS, "field"
    return FIELDS.get(str(loc[0]), ()), "field"


def _rule(detail: Mapping[str, Any], allowed: tuple[str, ...], what: str) -> Message:
    """Our wording for one of pydantic's findings (never its own text).

    ``what`` says where the finding is: ``"section"`` (the top level), ``"field"`` (a field of
    a section) or the name of a distribution (a parameter of that distribution).
    """
    kind, loc = detail["type"], detail["loc"]
    if kind in ("rule", "distribution"):
        return detail["ctx"]["message"]
    if kind == "extra_forbidden":
        return _unknown_field_rule(str(loc[-1]), allowed, what)
    if kind == "missing":
        return Message("required")
    if kind == "list_type":
        section = str(loc[-1])
        if len(loc) == 1 and section in SECTIONS:
            return Message("list_of_tables", section=section)
        return Message("list")
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return Message("table")
    return Message("not_valid_here", kind=kind)


def _unknown_field_rule(field: str, allowed: tuple[str, ...], what: str) -> Message:
    """``unknown field (did you mean deadweight?); allowed here: name, theme, ...``."""
    if field == "pooled" and what == "field":
        return Message("pooled_only_inflows")
    hint = Suggestion(field, allowed)
    listed = Listing(allowed)
    if what == "section":
        place = Message("under_scenario_header") if field in SCENARIO_FIELDS else hint
        return Message("unknown_section", hint=place, sections=listed)
    if what == "field":
        return Message("unknown_field", hint=hint, allowed=listed)
    return Message("unknown_distribution_field", name=what, hint=hint, allowed=listed)


# --- rules across fields -----------------------------------------------------------------------


def _cross_checks(scenario: Scenario) -> list[Problem]:
    """References, the horizon, uniqueness and loan fields (docs/scenario-format.md).

    Linear in the size of the file: ids are looked up in a set, and the "did you mean" of an
    unknown reference is only looked for when its message is shown.
    """
    problems: list[Problem] = []
    ids = tuple(holder.id for holder in scenario.stakeholders)
    known_ids = frozenset(ids)
    known = Listing(ids) if ids else Message("no_ids")
    last = scenario.settings.horizon_years - 1

    def reference(path: str, holder: str, value: object = NO_VALUE) -> None:
        if holder not in known_ids:
            shown = holder if value is NO_VALUE else value
            rule = Message("unknown_stakeholder", hint=Suggestion(holder, ids), known=known)
            problems.append(Problem(path, shown, rule))

    def within_horizon(path: str, start: int | Distribution) -> None:
        if whole_base_value(start) > last:
            rule = Message("outside_horizon", last=last)
            if is_distribution(start):
                rule = Message("on_base_value", rule=rule, base=start.base)
            problems.append(Problem(path, _as_written(start), rule))

    problems += _duplicates("stakeholders", "id", ids, "duplicate_stakeholder")
    names = tuple(outcome.name for outcome in scenario.outcomes)
    problems += _duplicates("outcomes", "name", names, "duplicate_outcome")
    for section in LINE_SECTIONS:
        for index, line in enumerate(getattr(scenario, section)):
            within_horizon(f"{section}[{index}].start", line.start)
    for index, outcome in enumerate(scenario.outcomes):
        path = f"outcomes[{index}].beneficiaries"
        for holder, share in outcome.beneficiaries.items():
            reference(f"{path}.{holder}", holder, share)
        problems += _beneficiary_total(path, outcome.beneficiaries)
    for index, cost in enumerate(scenario.costs):
        problems += _cost_fields(f"costs[{index}]", cost, reference)
    for index, cost in enumerate(scenario.avoided_costs):
        reference(f"avoided_costs[{index}].bearer", cost.bearer)
    for index, capture in enumerate(scenario.value_capture):
        reference(f"value_capture[{index}].payer", capture.payer)
    for index, funding in enumerate(scenario.funding):
        reference(f"funding[{index}].funder", funding.funder)
        problems += _loan_fields(f"funding[{index}]", funding)
    problems += _project_checks(scenario)
    problems += _contract_checks(scenario, reference, within_horizon)
    problems += _correlation_checks(scenario)
    return problems


def _correlation_checks(scenario: Scenario) -> list[Problem]:
    """The inputs of each ``[[correlations]]`` group: known, written as distributions, each
    once, no pair in two groups; then the groups together: a valid correlation matrix."""
    if not scenario.correlations:
        return []
    from businesscase.parameters import numeric_inputs, timing_inputs  # they import this module

    written = numeric_inputs(scenario) | timing_inputs(scenario)
    problems: list[Problem] = []
    grouped: dict[tuple[str, str], int] = {}
    for k, group in enumerate(scenario.correlations):
        where = f"correlations[{k}]"
        if len(group.inputs) < 2:
            problems.append(Problem(f"{where}.inputs", group.inputs, Message("correlation_few")))
        seen: list[str] = []
        for j, path in enumerate(group.inputs):
            rule = None
            if path in seen:
                rule = Message("correlation_twice")
            elif path not in written:
                rule = Message("correlation_unknown", hint=Suggestion(path, tuple(written)))
            elif not is_distribution(written[path]):
                rule = Message("correlation_not_uncertain")
            else:
                seen.append(path)
            if rule is not None:
                problems.append(Problem(f"{where}.inputs[{j}]", path, rule))
        for first, second in itertools.combinations(sorted(seen), 2):
            if (first, second) in grouped:
                earlier = f"correlations[{grouped[first, second]}]"
                rule = Message("correlation_pair_again", first=first, second=second, group=earlier)
                problems.append(Problem(f"{where}.inputs", group.inputs, rule))
            grouped.setdefault((first, second), k)
    if not problems:
        _, rank = rank_correlations([(group.inputs, group.rho) for group in scenario.correlations])
        if not is_valid_correlation(rank):
            problems.append(Problem("correlations", NO_VALUE, Message("correlation_matrix")))
    return problems


def _contract_checks(
    scenario: Scenario,
    reference: Callable[[str, str], None],
    within_horizon: Callable[[str, int], None],
) -> list[Problem]:
    """Outcome contracts: names, parties, drawdown, guarantee, and one form of metrics each."""
    problems: list[Problem] = []
    contracts = scenario.contracts
    last = scenario.settings.horizon_years - 1
    unnamed = [
        Problem(f"sib[{index}].name", NO_VALUE, Message("sib_name_required"))
        for index, bond in enumerate(contracts)
        if len(contracts) > 1 and "name" not in bond.model_fields_set
    ]
    problems += unnamed
    if not unnamed:
        names = tuple(bond.name for bond in contracts)
        problems += _duplicates("sib", "name", names, "duplicate_contract")
    for index, bond in enumerate(contracts):
        prefix = scenario.contract_path(index)
        reference(f"{prefix}.investor", bond.investor)
        within_horizon(f"{prefix}.start", bond.start)
        if bond.drawdown is not None:
            problems += _drawdown(f"{prefix}.drawdown", bond, last)
        if (bond.guarantor is None) != (bond.guarantee_share is None):
            field = "guarantee_share" if bond.guarantor is not None else "guarantor"
            problems.append(Problem(f"{prefix}.{field}", NO_VALUE, Message("guarantee_pair")))
        elif bond.guarantor is not None:
            reference(f"{prefix}.guarantor", bond.guarantor)
        if bond.metrics is None:
            problems += [
                Problem(f"{prefix}.{field}", NO_VALUE, Message("sib_metric_required"))
                for field in ("outcome_payer", "outcome", "price")
                if getattr(bond, field) is None
            ]
            if bond.outcome_payer is not None:
                reference(f"{prefix}.outcome_payer", bond.outcome_payer)
            if bond.outcome is not None:
                problems += _paid_outcome(f"{prefix}.outcome", bond.outcome, scenario)
            continue
        problems += [
            Problem(f"{prefix}.{field}", getattr(bond, field), Message("sib_both_forms"))
            for field in SHORTHAND_FIELDS
            if field in bond.model_fields_set
        ]
        if not bond.metrics:
            problems.append(Problem(f"{prefix}.metrics", [], Message("sib_no_metrics")))
        for number, metric in enumerate(bond.metrics):
            path = f"{prefix}.metrics[{number}]"
            problems += _paid_outcome(f"{path}.outcome", metric.outcome, scenario)
            if (metric.payer is None) == (metric.payers is None):
                key = "sib_payer_required" if metric.payer is None else "sib_payer_both"
                problems.append(Problem(f"{path}.payer", NO_VALUE, Message(key)))
            elif metric.payer is not None:
                reference(f"{path}.payer", metric.payer)
            else:
                for holder, share in metric.payers.items():
                    reference(f"{path}.payers.{holder}", holder, share)
                problems += _share_total(f"{path}.payers", metric.payers, "payer_shares_total")
    return problems


def _paid_outcome(path: str, name: str, scenario: Scenario) -> list[Problem]:
    """A contract pays for an existing outcome line, and never for a harm."""
    names = tuple(outcome.name for outcome in scenario.outcomes)
    if name not in names:
        outcomes = Listing(names) if names else Message("none")
        rule = Message("unknown_outcome", hint=Suggestion(name, names), outcomes=outcomes)
        return [Problem(path, name, rule)]
    if scenario.outcomes[names.index(name)].harm:
        return [Problem(path, name, Message("sib_pays_for_harm"))]
    return []


def _drawdown(path: str, bond: Sib, last: int) -> list[Problem]:
    """Drawdown shares add up to 1 and the last one falls within the horizon."""
    shares = bond.drawdown_shares()
    total = sum(shares)
    if abs(total - 1.0) > SHARE_TOLERANCE:
        return [Problem(path, shares, Message("drawdown_total", total=f"{total:.6g}"))]
    final = bond.start + len(shares) - 1
    if final > last:
        return [Problem(path, shares, Message("drawdown_past_horizon", year=final, last=last))]
    return []


def _project_checks(scenario: Scenario) -> list[Problem]:
    """Project ids unique and known, each project with a line, programme lines pooled."""
    ids = tuple(project.id for project in scenario.projects)
    problems = _duplicates("projects", "id", ids, "duplicate_project")
    distinct = tuple(dict.fromkeys(ids))
    declared = frozenset(ids)
    known = Listing(distinct) if ids else Message("no_projects")
    used: set[str] = set()
    lines = [
        (f"{section}[{index}]", line)
        for section in LINE_SECTIONS
        for index, line in enumerate(getattr(scenario, section))
    ]
    lines += [(scenario.contract_path(i), bond) for i, bond in enumerate(scenario.contracts)]
    for path, line in lines:
        if line.project is not None:
            used.add(line.project)
            if line.project not in declared:
                hint = Suggestion(line.project, distinct)
                rule = Message("unknown_project", hint=hint, known=known)
                problems.append(Problem(f"{path}.project", line.project, rule))
        elif getattr(line, "pooled", None) is False:
            problems.append(Problem(f"{path}.pooled", False, Message("programme_line_earmarked")))
    problems += [
        Problem(f"projects[{ids.index(project_id)}].id", project_id, rule)
        for project_id in distinct
        if project_id not in used
        for rule in [Message("project_without_lines", id=project_id)]
    ]
    return problems


def _cost_fields(prefix: str, line: Cost, reference: Callable[[str, str], None]) -> list[Problem]:
    """In kind needs a provider; a capex line with a life needs an owner; opex takes neither."""
    problems = []
    if line.in_kind and line.provider is None:
        problems.append(Problem(f"{prefix}.provider", NO_VALUE, Message("provider_required")))
    elif line.provider is not None and not line.in_kind:
        rule = Message("provider_only_in_kind")
        problems.append(Problem(f"{prefix}.provider", line.provider, rule))
    elif line.provider is not None:
        reference(f"{prefix}.provider", line.provider)
    if line.category != "capex":
        problems += [
            Problem(
                f"{prefix}.{name}",
                getattr(line, name),
                Message("capex_only", field=name),
            )
            for name in ("life", "owner")
            if getattr(line, name) is not None
        ]
    elif line.life is not None and line.owner is None:
        problems.append(Problem(f"{prefix}.owner", NO_VALUE, Message("owner_required")))
    elif line.owner is not None and line.life is None:
        problems.append(Problem(f"{prefix}.owner", line.owner, Message("owner_without_life")))
    elif line.owner is not None:
        reference(f"{prefix}.owner", line.owner)
    return problems


def _duplicates(section: str, field: str, values: tuple[str, ...], key: str) -> list[Problem]:
    """A problem for each repeat of an earlier value."""
    seen: set[str] = set()
    problems = []
    for index, value in enumerate(values):
        if value in seen:
            problems.append(Problem(f"{section}[{index}].{field}", value, Message(key)))
        seen.add(value)
    return problems


def _beneficiary_total(path: str, shares: Mapping[str, float]) -> list[Problem]:
    """Beneficiary shares: at least one, adding up to 1 within :data:`SHARE_TOLERANCE`."""
    if not shares:
        return [Problem(path, {}, Message("no_beneficiary"))]
    return _share_total(path, shares, "shares_total")


def _share_total(path: str, shares: Mapping[str, float], key: str) -> list[Problem]:
    """Shares of a whole (beneficiaries, payers) add up to 1 within :data:`SHARE_TOLERANCE`."""
    total = sum(shares.values())
    if abs(total - 1.0) <= SHARE_TOLERANCE:
        return []
    return [Problem(path, dict(shares), Message(key, total=f"{total:.6g}"))]


def _loan_fields(prefix: str, line: Funding) -> list[Problem]:
    """A loan needs interest_rate and term and takes no duration or growth; others the reverse.

    A loan's start is a whole number: its payout year and repayments are fixed in its contract.
    """
    given = line.model_fields_set
    if line.kind != "loan":
        return [
            Problem(f"{prefix}.{name}", getattr(line, name), Message("loan_only", field=name))
            for name in ("interest_rate", "term")
            if name in given
        ]
    missing = [
        Problem(f"{prefix}.{name}", NO_VALUE, Message("loan_requires"))
        for name in ("interest_rate", "term")
        if name not in given
    ]
    refused = [
        Problem(f"{prefix}.{name}", getattr(line, name), Message("loan_refuses", field=name))
        for name in ("duration", "growth")
        if name in given
    ]
    if is_distribution(line.start):
        refused.append(
            Problem(f"{prefix}.start", _as_written(line.start), Message("loan_start_fixed"))
        )
    return missing + refused


def _as_written(value: object) -> object:
    """A value as the file writes it, for a problem's message: a distribution as its table."""
    return value.model_dump() if is_distribution(value) else value


# --- writing ---------------------------------------------------------------------------------


def scenario_to_dict(scenario: Scenario) -> dict[str, Any]:
    """The scenario as TOML-shaped data: only the fields that were set, in file order.

    The ``[scenario]`` table is under the key ``"scenario"``; distributions are tables.
    """
    return scenario.model_dump(by_alias=True, exclude_unset=True, exclude_none=True)


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _toml_value(key)


def _toml_value(value: Any) -> str:
    """A value in TOML syntax; tables become inline tables."""
    if isinstance(value, Mapping):
        inner = ", ".join(f"{_toml_key(key)} = {_toml_value(item)}" for key, item in value.items())
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    return tomli_w.dumps({"v": value})[len("v = ") : -1]


def dump_scenario(scenario: Scenario) -> str:
    """The scenario as readable TOML text.

    The ``[scenario]`` table comes first, then the sections in the order of docs/scenario-format.md,
    one ``[[section]]`` per line; distributions and beneficiaries are inline tables; only the
    fields that were set are written, numbers of float fields as floats. (tomli-w alone would
    write nested tables as ``[outcomes.beneficiaries]`` sub-tables and has no option against
    it, so it only formats the single values here.)
    """
    data = scenario_to_dict(scenario)
    blocks = []
    for section in SECTIONS:
        content = data.get(section)
        if not content:
            continue
        header = f"[[{section}]]" if isinstance(content, list) else f"[{section}]"
        for entry in content if isinstance(content, list) else [content]:
            entry = dict(entry)
            metrics = entry.pop("metrics", None) if section == "sib" else None
            lines = [f"{_toml_key(key)} = {_toml_value(value)}" for key, value in entry.items()]
            blocks.append("\n".join([header, *lines]))
            for metric in metrics or []:  # [[sib.metrics]] belongs to the contract above it
                lines = [
                    f"{_toml_key(key)} = {_toml_value(value)}" for key, value in metric.items()
                ]
                blocks.append("\n".join(["[[sib.metrics]]", *lines]))
    return "\n\n".join(blocks) + "\n"


def save_scenario(scenario: Scenario, path: str | os.PathLike[str]) -> None:
    """Write a scenario file atomically: a temporary file in the same folder, then a rename.

    An existing file is replaced only when the new one is completely written and flushed to
    disk; on any failure it is left untouched and the temporary file is removed.
    """
    write_atomic(path, dump_scenario(scenario).encode("utf-8"))
