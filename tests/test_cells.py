"""The table view's cells: what a number shows as, and the one meaning of what is typed."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app_pages import cells


@pytest.mark.parametrize(
    ("value", "field", "lang", "shown"),
    [
        (60000.0, "amount", "nl", "€ 60.000"),
        (60000.0, "amount", "en", "€60,000"),
        (12.5, "proxy", "nl", "€ 12,5"),
        (-5.0, "amount", "en", "-€5"),
        (0.3, "deadweight", "nl", "30%"),
        (0.0225, "discount_rate", "nl", "2,25%"),
        (0.003, "drop_off", "en", "0.3%"),
        (4, "duration", "nl", "4 jaar"),
        (4, "duration", "en", "4 yr"),
        (2, "start", "nl", "2"),
        (1234.5, "quantity", "nl", "1.234,5"),
        (None, "amount", "nl", ""),
    ],
)
def test_a_number_shows_in_the_users_language(value, field, lang, shown):
    assert cells.show(value, field, lang) == shown


@pytest.mark.parametrize(
    ("typed", "field", "lang", "value"),
    [
        ("60000", "amount", "nl", 60000.0),
        ("60.000", "amount", "nl", 60000.0),
        ("€ 60.000", "amount", "nl", 60000.0),
        ("60.000,50", "amount", "nl", 60000.5),
        ("60,000.50", "amount", "en", 60000.5),
        ("€60,000", "amount", "en", 60000.0),
        ("12,5", "proxy", "nl", 12.5),
        ("12.5", "proxy", "nl", 12.5),  # a dot not followed by three digits: a decimal sign
        ("12,5", "proxy", "en", 12.5),
        ("30", "deadweight", "nl", 0.3),
        ("30%", "deadweight", "nl", 0.3),
        ("30 %", "deadweight", "en", 0.3),
        ("0,3", "deadweight", "nl", 0.003),  # one meaning: 0,3 percent
        ("-2", "growth", "nl", -0.02),
        ("150", "uplift", "nl", 1.5),  # an uplift may exceed 100%
        ("4", "duration", "nl", 4),
        ("4 jaar", "duration", "nl", 4),
        ("4 years", "duration", "en", 4),
        ("", "amount", "nl", None),
        ("  ", "amount", "nl", None),
    ],
)
def test_what_is_typed_has_one_meaning(typed, field, lang, value):
    read = cells.read(typed, field, lang)
    assert read == value
    assert type(read) is type(value)


def test_a_cell_showing_the_default_in_words_is_left_out():
    assert cells.default_text("costs", "duration", "nl") == "1 jaar"
    assert cells.default_text("scenario", "discount_rate", "nl") == "2,25%"
    assert cells.default_text("costs", "amount", "nl") == ""  # required: no default
    assert cells.read("1 jaar", "duration", "nl", default="1 jaar") is None
    assert cells.read("2", "duration", "nl", default="1 jaar") == 2


@pytest.mark.parametrize(
    ("typed", "field", "lang", "message"),
    [
        ("zestig", "amount", "nl", "is geen getal"),
        ("sixty", "amount", "en", "is not a number"),
        ("nan", "amount", "en", "is not a number"),
        ("2,5", "duration", "nl", "moet een heel aantal jaren zijn"),
        ("300", "deadweight", "nl", "moet tussen 0 en 100% liggen"),
        ("-1", "share", "en", "must lie between 0 and 100%"),
    ],
)
def test_what_cannot_be_read_is_said_in_the_users_language(typed, field, lang, message):
    with pytest.raises(ValueError, match=message):
        cells.read(typed, field, lang)


FIELDS = sorted(cells.MONEY | cells.PERCENT | cells.NUMBERS)


@given(
    st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
    st.sampled_from(FIELDS),
    st.sampled_from(["nl", "en"]),
)
def test_showing_and_reading_a_number_never_changes_it(value, field, lang):
    if field in cells.SHARES:
        value = abs(value) / 1e12
    assert cells.read(cells.show(value, field, lang), field, lang) == value


@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(sorted(cells.WHOLE)))
def test_whole_numbers_read_back_as_integers(value, field):
    read = cells.read(cells.show(value, field, "nl"), field, "nl")
    assert read == value and isinstance(read, int)


def test_exact_display_keeps_tiny_and_huge_numbers():
    assert cells.show(1e-7, "quantity", "nl") == "0,0000001"
    assert math.isclose(cells.read("0,0000001", "quantity", "nl"), 1e-7)
