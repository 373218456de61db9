"""The closed vocabularies and sourced defaults of the scenario format (docs/scenario-format.md).

Validation, the command line, the app's pick-lists and the docs all read these tuples, so they
cannot drift apart.
"""

from __future__ import annotations

DEFAULT_DISCOUNT_RATE: float = 0.0225
"""Real discount rate for Dutch social cost-benefit analysis [fraction per year].

Source: Werkgroep discontovoet 2020, *Rapport Werkgroep discontovoet 2020*, adopted by the
Ministry of Finance in 2021: -1% risk-free real rate plus a 3.25% standard risk premium.
"""

THEMES: tuple[str, ...] = (
    "Sociaal",
    "Werk",
    "Jeugd",
    "Cohesie",
    "Buitenruimte",
    "Duurzaamheid",
    "Ondernemen",
    "Wonen",
    "Governance",
    "Financiering",
)
"""The themes checklist of Veerkrachtig BoTu 2028 (seed 003, "Thema's (checklist...)")."""

STAKEHOLDER_KINDS: tuple[str, ...] = (
    "public",
    "housing",
    "care",
    "business",
    "fund",
    "investor",
    "residents",
    "other",
)
"""Kinds of stakeholder: who pays, benefits, invests or receives."""

VALUE_TYPES: tuple[str, ...] = ("fiscal", "economic", "social")
"""Value types of a benefit: public budgets (fiscal), money and production (economic), wellbeing
and other non-monetary value expressed in euros (social)."""

FUNDING_KINDS: tuple[str, ...] = ("subsidy", "grant", "budget", "revenue", "contribution", "loan")
"""Kinds of financing line. ``subsidy`` and ``grant`` count towards ``subsidy_dependence``."""

SUBSIDY_KINDS: tuple[str, ...] = ("subsidy", "grant")
"""Funding kinds that make a plan subsidy dependent (seed 002: plans lean on subsidies)."""

COST_CATEGORIES: tuple[str, ...] = ("opex", "capex")
"""Cost categories: running costs and investments."""

CLOSE_TOLERANCE: float = 0.005
"""A cash balance above ``-CLOSE_TOLERANCE`` counts as not short [EUR]: half a cent."""

INFLOW_SECTIONS: tuple[str, ...] = ("value_capture", "funding")
"""Scenario sections whose lines bring money in; in a programme they take ``pooled``."""

LONGEST_HORIZON = 200
"""Longest horizon a scenario may have [years]. A business case beyond two centuries says
nothing (discounted at 2.25% a euro in year 200 weighs 1%), and an uploaded file with a horizon
of a million years would otherwise stall the app for every user."""

LONGEST_SPAN = 1000
"""Longest ``duration``, ``lasts`` and ``term`` [years]. A span past the horizon is valid and
cut at the horizon; this bound only keeps a typo such as ``duration = 10**12`` from reaching the
engine (docs/scenario-format.md, "Limits"). The SIB ``lag`` is bounded by
:data:`LONGEST_HORIZON`: a payment later than that falls outside any horizon."""
