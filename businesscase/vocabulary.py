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
