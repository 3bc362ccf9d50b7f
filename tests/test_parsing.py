"""Numbers, dates and yes/no as Finnish officials type them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tavoitteet.core.parsing import (
    ValueParseError,
    format_date,
    format_number,
    parse_date,
    parse_integer,
    parse_number,
    parse_yes_no,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("300", "300"),
        ("1 234,5", "1234.5"),
        ("1\u00a0234,5", "1234.5"),
        ("1 234 567", "1234567"),
        ("1.234,5", "1234.5"),
        ("1.234.567", "1234567"),
        ("0,25", "0.25"),
        ("1.5", "1.5"),
        ("1.10", "1.10"),
        ("0.125", "0.125"),
        ("-3", "-3"),
        ("\u22123,5", "-3.5"),
        ("+7", "7"),
        (" 42 ", "42"),
    ],
)
def test_finnish_numbers(text: str, expected: str) -> None:
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("1.234", "number.ambiguous"),
        ("1:20", "number.invalid"),
        ("12 34", "number.invalid"),
        ("1,2,3", "number.invalid"),
        ("1.23.4", "number.invalid"),
        ("kolme", "number.invalid"),
        ("", "number.invalid"),
        ("1e5", "number.invalid"),
        ("0x10", "number.invalid"),
        ("∞", "number.invalid"),
    ],
)
def test_unclear_numbers_are_refused_not_guessed(text: str, key: str) -> None:
    with pytest.raises(ValueParseError) as caught:
        parse_number(text)
    assert caught.value.key == key


def test_integer_refuses_decimals() -> None:
    assert parse_integer("119") == 119
    with pytest.raises(ValueParseError, match=r"integer\.invalid"):
        parse_integer("1.10")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.10.2023", date(2023, 10, 10)),
        ("1.2.2024", date(2024, 2, 1)),
        ("1.2.2024.", date(2024, 2, 1)),
        ("2023-10-10", date(2023, 10, 10)),
    ],
)
def test_dates(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [("31.2.2023", "date.nonexistent"), ("10/10/2023", "date.invalid"), ("2023", "date.invalid")],
)
def test_bad_dates(text: str, key: str) -> None:
    with pytest.raises(ValueParseError) as caught:
        parse_date(text)
    assert caught.value.key == key


@pytest.mark.parametrize(
    ("text", "expected"), [("kyllä", True), ("Kyllä", True), ("ei", False), ("true", True), ("false", False)]
)
def test_yes_no(text: str, expected: bool) -> None:
    assert parse_yes_no(text) is expected


@pytest.mark.parametrize("text", ["no", "yes", "on", "off", "y", "n", "1", ""])
def test_yaml_1_1_booleans_are_refused(text: str) -> None:
    with pytest.raises(ValueParseError):
        parse_yes_no(text)


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=3, allow_nan=False, allow_infinity=False))
def test_finnish_formatting_parses_back(value: Decimal) -> None:
    assert parse_number(format_number(value, "fi")) == value


@given(st.integers(min_value=0, max_value=10**15))
def test_integers_with_space_groups_parse_back(value: int) -> None:
    assert parse_integer(format_number(value, "fi")) == value


@given(st.text(max_size=30))
def test_number_parser_only_ever_raises_value_parse_error(text: str) -> None:
    try:
        parse_number(text)
    except ValueParseError as error:
        assert error.key in ("number.invalid", "number.ambiguous", "number.out_of_range")


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_dates_format_and_parse_back(value: date) -> None:
    assert parse_date(format_date(value, "fi")) == value
    assert parse_date(format_date(value, "en")) == value


def test_number_formatting() -> None:
    assert format_number(Decimal("1234.5")) == "1 234,5"
    assert format_number(Decimal("1234.5"), "en") == "1,234.5"
    assert format_number(3) == "3"
    assert format_date(date(2023, 10, 10)) == "10.10.2023"
