"""businesscase: social business case and SROI calculator for neighbourhood coalitions.

A scenario file (TOML, docs/scenario-format.md) says what a plan costs, what it achieves, who
benefits and who pays. :func:`evaluate` turns it into the figures of docs/figures.md: social return
(SROI, social NPV, IRR), whether the plan closes every year (*sluitende business case*), subsidy
dependence, and who pays and who benefits.

>>> from businesscase import evaluate, load_scenario
>>> from businesscase.examples import example_path
>>> result = evaluate(load_scenario(example_path("energiecooperatie")))
>>> result.metrics["sroi_ratio"] > 1, result.metrics["closes"]
(True, True)
"""

from businesscase.actuals import load_actuals, parse_actuals
from businesscase.batch import combine, compare, evaluate_many, sweep
from businesscase.engine import evaluate
from businesscase.gap import close_the_gap
from businesscase.limits import LimitError
from businesscase.monitoring import monitor
from businesscase.overflow import TooLargeToComputeError
from businesscase.result import EvaluationResult
from businesscase.scenario import (
    Scenario,
    ScenarioError,
    dump_scenario,
    load_scenario,
    parse_scenario,
    save_scenario,
)
from businesscase.uncertainty import sensitivity, simulate, switching_values

__version__ = "0.1.0"

__all__ = [
    "EvaluationResult",
    "LimitError",
    "Scenario",
    "ScenarioError",
    "TooLargeToComputeError",
    "__version__",
    "close_the_gap",
    "combine",
    "compare",
    "dump_scenario",
    "evaluate",
    "evaluate_many",
    "load_actuals",
    "load_scenario",
    "monitor",
    "parse_actuals",
    "parse_scenario",
    "save_scenario",
    "sensitivity",
    "simulate",
    "sweep",
    "switching_values",
]
