"""How a scenario's problems are told: by message key, in English and Dutch, and always short.

The rules themselves (which value breaks which rule) are checked in ``test_scenario.py``; here:
the catalogue is complete in both languages, output stays bounded whatever the input (a fixed
number of lines per kind with a count of the rest, lines of bounded length, at most three
"did you mean" names), and nothing in a value, a field name or a file name can start a line.
"""

import re
import string

import pytest

from businesscase.examples import example_path
from businesscase.messages import MESSAGES, PIECES
from businesscase.problems import (
    LINES_PER_KIND,
    LISTED,
    LONGEST_LINE,
    NO_VALUE,
    Listing,
    Message,
    Problem,
    ScenarioError,
    Suggestion,
)
from businesscase.scenario import (
    MAX_FILE_BYTES,
    parse_scenario,
    scenario_from_dict,
    scenario_to_dict,
)

SETTINGS = {"name": "Taalcafé", "start_year": 2027, "horizon_years": 5}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_rule_has_english_and_dutch_texts_with_the_same_placeholders(key):
    entry = MESSAGES[key]
    assert set(entry) == {"en", "nl", "en_many", "nl_many"}
    assert placeholders(entry["en"]) == placeholders(entry["nl"])
    assert entry["en"] != entry["nl"] or key == "not_valid_here"
    assert not placeholders(entry["en_many"]) and not placeholders(entry["nl_many"])


@pytest.mark.parametrize("key", sorted(PIECES))
def test_every_piece_has_english_and_dutch_texts(key):
    assert set(PIECES[key]) == {"en", "nl"}
    assert placeholders(PIECES[key]["en"]) == placeholders(PIECES[key]["nl"])


def test_no_piece_shares_a_key_with_a_rule():
    """A piece named like a rule would replace the rule's text (a fuzzer found ``number``)."""
    assert not set(MESSAGES) & set(PIECES)


def test_a_message_key_that_is_not_in_the_catalogue_is_a_bug():
    with pytest.raises(KeyError, match="no message 'shaer'"):
        Message("shaer")


def test_a_rule_reads_in_english_and_in_dutch():
    problem = Problem("outcomes[2].deadweight", 1.4, Message("share"))
    assert problem.render("west.toml") == (
        "west.toml: outcomes[2].deadweight = 1.4: must be a share between 0 and 1"
    )
    assert problem.render("west.toml", "nl") == (
        "west.toml: outcomes[2].deadweight = 1.4: moet een aandeel tussen 0 en 1 zijn"
    )


def test_the_dutch_of_a_nested_rule_is_dutch_throughout():
    text = 'horizon_years = 10\n[[costs]]\nname = "a"\namount = 1\nduration = 2.5\n'
    with pytest.raises(ScenarioError) as caught:
        parse_scenario('[scenario]\nname = "x"\nstart_year = 2027\n' + text, source="x.toml")
    assert caught.value.lines("nl") == [
        "x.toml: costs[0].duration = 2.5: moet een geheel getal zijn (jaren)"
    ]


def test_every_rule_of_a_broken_example_reads_in_dutch():
    """Many rules at once, each line in Dutch: no English rule text is left."""
    text = example_path("west_practice").read_text(encoding="utf-8")
    broken = (
        text.replace("mode = 0.30, high = 0.45", "mode = 1.4, high = 1.5", 1)
        .replace("lasts = 2", "lasts = 2.5")
        .replace('value_type = "fiscal"', 'value_type = "sociaal"')
    )
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(broken, source="west.toml")
    english, dutch = caught.value.lines("en"), caught.value.lines("nl")
    assert len(english) == len(dutch) == 3
    rules = [line.split(": ", 2)[2] for line in dutch]
    assert sorted(rules) == sorted(
        [
            "moet een aandeel tussen 0 en 1 zijn (de basiswaarde is 1.4)",
            "moet een geheel getal zijn (jaren)",
            "moet een van deze zijn: fiscal, economic, social (bedoel je social?)",
        ]
    )


def test_the_loader_gives_every_problem_a_message_key():
    """No rule of the loader is plain text: each can be put into Dutch."""
    data = {
        "scenario": {**SETTINGS, "colour": 1, "discount_rate": "2%"},
        "stakeholders": [{"id": "g", "name": "G", "kind": "gov"}],
        "costs": [{"name": "", "amount": {"dist": "normal", "mean": 1, "sd": 0}}],
    }
    with pytest.raises(ScenarioError) as caught:
        scenario_from_dict(data)
    assert all(isinstance(problem.rule, Message) for problem in caught.value.problems)


# --- bounded output -----------------------------------------------------------------------------


def many_unknown_references(holders: int, outcomes: int) -> dict:
    """Stakeholders ``s0 ..`` and outcomes whose beneficiary ``x<i>`` is nobody."""
    return {
        "scenario": SETTINGS,
        "stakeholders": [
            {"id": f"s{index}", "name": f"S {index}", "kind": "other"} for index in range(holders)
        ],
        "outcomes": [
            {
                "name": f"o{index}",
                "quantity": 1,
                "proxy": 1,
                "value_type": "social",
                "beneficiaries": {f"x{index}": 1},
            }
            for index in range(outcomes)
        ],
    }


def test_a_thousand_unknown_references_give_ten_lines_and_a_count():
    with pytest.raises(ScenarioError) as caught:
        scenario_from_dict(many_unknown_references(900, 1000), source="groot.toml")
    error = caught.value
    assert len(error.problems) == 1000
    lines = error.lines()
    assert len(lines) == LINES_PER_KIND + 1
    assert lines[-1] == "groot.toml: ... and 990 more unknown stakeholder references"
    assert error.lines("nl")[-1] == (
        "groot.toml: ... en nog 990 verwijzingen naar onbekende belanghebbenden"
    )


def test_an_unknown_reference_does_not_list_every_known_id():
    with pytest.raises(ScenarioError) as caught:
        scenario_from_dict(many_unknown_references(900, 1), source="groot.toml")
    (line,) = caught.value.lines()
    assert line.endswith(
        "known ids: s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, ... (900 in all)"
    )
    assert "(900 in totaal)" in caught.value.lines("nl")[0]


def test_counts_of_the_rest_are_per_kind_and_in_the_users_number_format():
    problems = [Problem(f"costs[{i}].amount", -1, Message("not_negative")) for i in range(1012)]
    problems += [Problem(f"costs[{i}].name", "", Message("not_empty")) for i in range(3)]
    problems += [Problem(f"funding[{i}].growth", 0.1, "a rule as plain text") for i in range(20)]
    error = ScenarioError("a.toml", problems)
    lines = error.lines()
    assert len(lines) == LINES_PER_KIND + 3 + LINES_PER_KIND + 2
    assert lines[-2:] == [
        "a.toml: ... and 1,002 more negative numbers",
        "a.toml: ... and 10 more problems like: a rule as plain text",
    ]
    assert error.lines("nl")[-2] == "a.toml: ... en nog 1.002 negatieve getallen"


def test_did_you_mean_offers_at_most_three_close_names():
    names = ["gemeente", "gemeente1", "gemeente2", "gemeente3", "gemeente4", "bank"]
    english = Suggestion("gemeente0", names).text("en")
    assert re.fullmatch(r" \(did you mean gemeente\d?, gemeente\d? or gemeente\d?\?\)", english)
    assert re.fullmatch(
        r" \(bedoel je gemeente\d?, gemeente\d? of gemeente\d?\?\)",
        Suggestion("gemeente0", names).text("nl"),
    )
    assert Suggestion("zzz", names).text("en") == ""


def test_a_listing_names_a_dozen_and_counts_the_rest():
    names = tuple(f"id{index}" for index in range(5000))
    assert Listing(names[:3]).text("en") == "id0, id1, id2"
    text = Listing(names).text("en")
    assert text.count(",") == LISTED + 1 and text.endswith("... (5,000 in all)")


def test_no_line_is_longer_than_the_limit():
    long = "x" * 10_000
    error = ScenarioError(long + ".toml", [Problem("costs[0].name", long, Message("not_empty"))])
    (line,) = error.lines()
    assert len(line) == LONGEST_LINE and line.endswith("...")
    assert len(str(error)) <= LONGEST_LINE + len(" (and 99 more problems)")


# --- nothing can start a line of its own --------------------------------------------------------


def test_a_newline_in_a_name_cannot_forge_an_error_line():
    text = '[scenario]\nname = "Pilot\\nerror: all good"\nstart_year = 2027\nhorizon_years = 5\n'
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, source="pilot.toml")
    (line,) = caught.value.lines()
    assert line == (
        'pilot.toml: scenario.name = "Pilot\\nerror: all good": must be one line without '
        "control characters (found \\n)"
    )
    assert "\n" not in line and "\n" not in str(caught.value)


def test_a_newline_in_an_unknown_field_name_is_shown_escaped():
    text = '[scenario]\nname = "x"\nstart_year = 2027\nhorizon_years = 5\n"a\\nerror: b" = 1\n'
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, source="x.toml")
    (line,) = caught.value.lines()
    assert line.startswith("x.toml: scenario.a\\nerror: b = 1: unknown field; allowed here:")


def test_a_newline_in_the_file_name_is_shown_escaped():
    error = ScenarioError("a\nerror: b.toml", [Problem("", NO_VALUE, Message("required"))])
    assert error.lines() == ["a\\nerror: b.toml: is required"]
    assert "\n" not in str(error)


@pytest.mark.parametrize(
    "char", ["\x1b", "\x07", "\x00", "\t", "\r", "\x85", "\u2028", "\u2029", "\u202e", "\x9b"]
)
def test_terminal_and_layout_control_characters_in_a_name_are_refused_and_escaped(char):
    data = {"scenario": {**SETTINGS, "name": f"a{char}[2J"}}
    with pytest.raises(ScenarioError) as caught:
        scenario_from_dict(data, source="x.toml")
    (line,) = caught.value.lines()
    assert "one line without control characters" in line
    assert line.isprintable()


def test_a_description_keeps_its_newlines_and_tabs_but_no_escape_sequences():
    lines = "Wat we doen:\n\t- taalles\r\n\t- koffie"
    scenario = scenario_from_dict({"scenario": {**SETTINGS, "description": lines}})
    assert scenario.settings.description == lines
    with pytest.raises(ScenarioError, match=re.escape("found \\x1b")):
        scenario_from_dict({"scenario": {**SETTINGS, "description": "a\x1b[31mrood"}})


@pytest.mark.parametrize(
    ("section", "field"),
    [
        ("stakeholders", "id"),
        ("stakeholders", "name"),
        ("costs", "name"),
        ("costs", "proxy_source"),
        ("outcomes", "name"),
        ("funding", "funder"),
    ],
)
def test_control_characters_are_refused_in_every_single_line_text(section, field):
    data = scenario_to_dict(parse_scenario(example_path("west_practice").read_text("utf-8")))
    data[section][0][field] = "Gemeente\nRotterdam"
    with pytest.raises(ScenarioError) as caught:
        scenario_from_dict(data)
    assert caught.value.problems[0].path == f"{section}[0].{field}"
    assert caught.value.problems[0].rule == Message("one_line", char="\\n")


def five_megabytes_of_unknown_references(holders: int = 1000, outcomes: int = 1000) -> bytes:
    """A file just under 5 MB: a thousand stakeholders, and a thousand outcomes that each
    give their value to twenty parties nobody declared, with long indicators."""
    parts = ['[scenario]\nname = "Groot"\nstart_year = 2027\nhorizon_years = 10\n']
    parts += [
        f'[[stakeholders]]\nid = "partij{index}"\nname = "Partij {index}"\nkind = "other"\n'
        for index in range(holders)
    ]
    for index in range(outcomes):
        shares = ", ".join(f"partij{index}_{other} = 0.05" for other in range(20))
        parts.append(
            f'[[outcomes]]\nname = "o{index}"\nindicator = "{"x" * 4400}"\nquantity = 1\n'
            f'proxy = 1\nvalue_type = "social"\nbeneficiaries = {{ {shares} }}\n'
        )
    return "\n".join(parts).encode("utf-8")


def test_a_five_megabyte_file_with_twenty_thousand_unknown_references_gives_eleven_lines():
    """Measured on the development machine (2 cores, shared): about 5 s to find all 20,000
    problems, under a second to put eleven lines into words (docs/scenario-format.md)."""
    text = five_megabytes_of_unknown_references()
    assert 4.5 * 2**20 < len(text) <= MAX_FILE_BYTES
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, source="groot.toml")
    assert len(caught.value.problems) == 20_000
    lines = caught.value.lines("nl")
    assert len(lines) == LINES_PER_KIND + 1
    assert sum(len(line) for line in lines) < 5000
    assert "(bedoel je partij" in lines[0] and "(1.000 in totaal)" in lines[0]
    assert lines[-1] == "groot.toml: ... en nog 19.990 verwijzingen naar onbekende belanghebbenden"


def test_a_copied_problem_about_a_missing_value_still_says_it_is_missing():
    """The app's cache pickles problems; a copied marker showed as ``<no value>`` in the Dutch
    message of an in-kind cost without a provider."""
    import copy
    import pickle

    problem = Problem("costs[0].provider", NO_VALUE, Message("provider_required"))
    for copied in (pickle.loads(pickle.dumps(problem)), copy.deepcopy(problem)):
        assert copied.value is NO_VALUE
        assert copied.render("a.toml") == problem.render("a.toml")
