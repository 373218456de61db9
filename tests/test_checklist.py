"""What an incomplete case still needs, in words: places named by their lines, no field paths."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from businesscase.checklist import path_in_words, what_is_missing
from businesscase.examples import list_examples, load_example
from businesscase.problems import LINES_PER_KIND
from businesscase.scenario import scenario_to_dict

CAFE = {
    "scenario": {"name": "Taalcafé", "start_year": 2027, "horizon_years": 4},
    "stakeholders": [{"id": "gemeente", "name": "Gemeente Rotterdam", "kind": "public"}],
    "costs": [
        {"name": "Vrijwilligers", "amount": 5000},
        {"name": "Coördinatoren", "amount": 60000, "duration": 4},
    ],
    "outcomes": [
        {"name": "Taalcafé", "quantity": 10, "proxy": 1000, "value_type": "social"},
    ],
    "funding": [{"name": "Subsidie", "funder": "gemeente", "kind": "subsidy", "amount": 65000}],
}

# path, Dutch, English
PLACES = [
    (
        "outcomes[0].beneficiaries",
        'Effect "Taalcafé": begunstigden',
        'Outcome "Taalcafé": beneficiaries',
    ),
    (
        "costs[1].duration",
        'Kostenpost "Coördinatoren": duur (jaren)',
        'Cost "Coördinatoren": duration (years)',
    ),
    (
        "stakeholders[0].kind",
        'Belanghebbende "Gemeente Rotterdam": soort',
        'Stakeholder "Gemeente Rotterdam": kind',
    ),
    ("scenario.start_year", "Het plan: startjaar", "The plan: start year"),
    ("scenario.themes[1]", "Het plan: thema's, nr. 2", "The plan: themes, no. 2"),
    ("sib.investor", "Social impact bond: investeerder", "Social impact bond: investor"),
    ("funding[0]", 'Financiering "Subsidie"', 'Funding "Subsidie"'),
    ("costs", "Kosten", "Costs"),
    ("", "De business case", "The case"),
    (
        "outcomes[0].proxy.sd",
        'Effect "Taalcafé": waarde per effect (proxy), standaardafwijking',
        'Outcome "Taalcafé": value per outcome (proxy), standard deviation',
    ),
    ("costs[5].amount", "Kostenpost 6: bedrag", "Cost 6: amount"),
]


@pytest.mark.parametrize(
    ("path", "dutch", "english"), PLACES, ids=[place[0] or "file" for place in PLACES]
)
def test_a_field_path_reads_as_a_place_in_the_case(path, dutch, english):
    assert path_in_words(path, CAFE, "nl") == dutch
    assert path_in_words(path, CAFE, "en") == english


def test_a_line_without_a_name_yet_is_named_by_its_number():
    data = {"costs": [{"name": "  "}, {"amount": 3}]}
    assert path_in_words("costs[0].amount", data, "nl") == "Kostenpost 1: bedrag"
    assert path_in_words("costs[1].amount", data, "nl") == "Kostenpost 2: bedrag"


def test_a_newline_in_a_name_is_shown_escaped_in_a_place():
    data = {"costs": [{"name": "a\nerror: b"}]}
    assert path_in_words("costs[0].name", data, "en") == 'Cost "a\\nerror: b": name'


def test_an_unknown_field_is_shown_as_typed_and_escaped():
    assert path_in_words("costs[0].duratoin", CAFE, "nl") == (
        'Kostenpost "Vrijwilligers": duratoin'
    )
    assert "\n" not in path_in_words("costs[0].a\nb", CAFE, "nl")


def test_an_empty_page_says_what_the_case_needs_in_dutch():
    assert what_is_missing({}, "nl") == [
        "Nog geen belanghebbenden: voeg de partijen toe die meedoen.",
        "Nog geen kosten: voeg minstens één kostenpost toe.",
        "Nog geen effecten: voeg toe wat het plan oplevert, met de waarde ervan.",
        "Nog geen financiering: voeg toe wie de kosten betaalt.",
        "Het plan: naam: ontbreekt (verplicht)",
        "Het plan: startjaar: ontbreekt (verplicht)",
        "Het plan: looptijd (jaren): ontbreekt (verplicht)",
    ]


def test_an_outcome_without_beneficiaries_says_so_in_words():
    assert what_is_missing(CAFE, "nl") == ['Effect "Taalcafé": begunstigden: ontbreekt (verplicht)']
    data = {**CAFE, "outcomes": [{**CAFE["outcomes"][0], "beneficiaries": {}}]}
    assert what_is_missing(data, "en") == [
        'Outcome "Taalcafé": beneficiaries: needs at least one beneficiary, e.g. { gemeente = 1.0 }'
    ]


def test_a_wrong_value_is_named_with_what_was_given():
    data = {**CAFE, "costs": [{"name": "Coördinatoren", "amount": -60000, "duration": 4}]}
    assert what_is_missing(data, "nl")[0] == (
        'Kostenpost "Coördinatoren": bedrag: moet 0 of meer zijn (nu -60000)'
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_field_path_is_left_in_what_is_missing(lang):
    data = {
        "scenario": {"name": "x", "start_year": 2027, "horizon_years": 3, "discount_rate": 2},
        "costs": [{"name": "c", "amount": 1, "start": 9, "category": "capital"}] * 30,
        "outcomes": [{"name": "o", "quantity": 1, "proxy": {"dist": "normal", "mean": 1, "sd": 0}}],
    }
    lines = what_is_missing(data, lang)
    assert lines and not any(re.search(r"\w+\[\d+\]|\w\.\w", line) for line in lines), lines
    assert len(lines) <= 2 * (LINES_PER_KIND + 1) + 5


@pytest.mark.parametrize("name", list_examples())
def test_a_shipped_scenario_misses_nothing(name):
    assert what_is_missing(scenario_to_dict(load_example(name)), "nl") == []


@given(
    path=st.text(max_size=40),
    name=st.one_of(st.text(max_size=60), st.integers(), st.none()),
    lang=st.sampled_from(["nl", "en"]),
)
def test_a_place_in_words_is_always_one_printable_line(path, name, lang):
    data = {section: [{"name": name, "id": name}] * 3 for section in ("costs", "stakeholders")}
    words = path_in_words(path, data, lang)
    assert words.isprintable() and words
