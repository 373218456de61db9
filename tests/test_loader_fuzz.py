"""Fuzzing the loader: mutants of the shipped scenarios give a scenario or a ScenarioError.

Each mutant deletes, duplicates, retypes or renames fields and lines, or puts huge, negative,
NaN, infinite or odd values (control characters, very long text) where values stand; the text
mutants also cut, repeat and insert characters in the TOML. Whatever the mutant, the loader
raises nothing but :class:`ScenarioError`, and its output stays bounded: every problem has a
message key, at most ten lines of a kind plus a count, no line longer than the limit, no line
broken by a character of the input.
"""

import copy
import tomllib
from collections import Counter

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from businesscase.examples import example_path, list_examples
from businesscase.problems import LINES_PER_KIND, LONGEST_LINE, Message, ScenarioError
from businesscase.scenario import parse_scenario, scenario_from_dict

SHIPPED = {name: example_path(name).read_text(encoding="utf-8") for name in list_examples()}

ODD_VALUES = st.one_of(
    st.sampled_from(
        [
            0,
            -1,
            -(10**30),
            10**30,
            2**63,
            1e308,
            -1e308,
            float("nan"),
            float("inf"),
            float("-inf"),
            5e-324,
            True,
            "",
            " ",
            "x" * 10_000,
            "a\nerror: forged",
            "\x1b[2J\x1b]0;title\x07",
            "\u202eevil",
            '=HYPERLINK("http://x")',
            [],
            {},
            {"dist": "normal", "mean": 1, "sd": -1},
            {"dist": "triangular", "low": 3, "mode": 2, "high": 1},
            {"dist": "uniform"},
            [1, "a", {}],
        ]
    ),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=50),
)


def _places(data, path=()):
    """Every (container, key) in the data, tables and arrays alike."""
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in list(items):
        yield data, key
        if isinstance(value, dict | list):
            yield from _places(value, (*path, key))


@st.composite
def mutants(draw):
    """A shipped scenario's data with one to six mutations."""
    data = copy.deepcopy(tomllib.loads(SHIPPED[draw(st.sampled_from(sorted(SHIPPED)))]))
    for _ in range(draw(st.integers(1, 6))):
        places = list(_places(data))
        if not places:
            break
        container, key = draw(st.sampled_from(places))
        action = draw(st.sampled_from(["delete", "duplicate", "retype", "rename", "many"]))
        if action == "delete":
            del container[key]
        elif action == "duplicate" and isinstance(container, list):
            container.append(copy.deepcopy(container[key]))
        elif action == "rename" and isinstance(container, dict):
            container[draw(st.text(min_size=1, max_size=20))] = container.pop(key)
        elif action == "many" and isinstance(container[key], list) and container[key]:
            container[key] = container[key] * draw(st.sampled_from([2, 50, 400, 1200]))
        else:
            container[key] = copy.deepcopy(draw(ODD_VALUES))  # later mutations must not reach it
    return data


def assert_bounded(error: ScenarioError) -> None:
    assert all(isinstance(problem.rule, Message) for problem in error.problems), error.problems
    kinds = Counter(problem.kind for problem in error.problems)
    for lang in ("en", "nl"):
        lines = error.lines(lang)
        assert len(lines) == sum(min(count, LINES_PER_KIND + 1) for count in kinds.values())
        for line in lines:
            assert len(line) <= LONGEST_LINE and line.isprintable(), line
    assert len(str(error)) <= LONGEST_LINE + 40 and str(error).isprintable()


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutants())
def test_a_mutated_scenario_loads_or_raises_a_bounded_scenario_error(data):
    try:
        scenario_from_dict(data, source="mutant.toml")
    except ScenarioError as error:
        assert_bounded(error)


@st.composite
def text_mutants(draw):
    """A shipped scenario's TOML text with characters cut, repeated or inserted."""
    text = SHIPPED[draw(st.sampled_from(sorted(SHIPPED)))]
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["cut", "repeat", "insert"]))
        if action == "cut":
            text = text[:at] + text[at + draw(st.integers(1, 200)) :]
        elif action == "repeat":
            piece = text[at : at + draw(st.integers(1, 400))]
            text = text[:at] + piece * draw(st.integers(2, 30)) + text[at:]
        else:
            text = text[:at] + draw(st.text(max_size=20)) + text[at:]
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(text_mutants())
def test_a_mutated_scenario_file_loads_or_raises_a_bounded_scenario_error(text):
    try:
        parse_scenario(text.encode("utf-8", "surrogatepass"), source="mutant.toml")
    except ScenarioError as error:
        assert_bounded(error)


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_every_shipped_scenario_written_back_by_tomli_w_still_loads(name):
    """The fuzzers start from valid files: a mutant's problems are the mutation's."""
    scenario_from_dict(tomllib.loads(tomli_w.dumps(tomllib.loads(SHIPPED[name]))))
