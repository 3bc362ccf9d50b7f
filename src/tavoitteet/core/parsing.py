"""Parsing of values as Finnish officials type them: numbers, dates and yes/no.

Every parser takes the text exactly as written in the file and either returns a
typed value or raises :class:`ValueParseError` with a message key, so that the
caller can explain the problem in the user's language.  Nothing here guesses:
an input that could mean two things is refused.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache


class ValueParseError(ValueError):
    """A value that does not parse; ``key`` names the message in the catalog."""

    def __init__(self, key: str, text: str) -> None:
        super().__init__(f"{key}: {text!r}")
        self.key = key
        self.text = text


_SPACES = "\u0020\u00a0\u202f\u2009"
_MINUS = "-\u2212\u2013"
_DIGITS = re.compile(r"[0-9]+")
_GROUPED = re.compile(r"[0-9]{1,3}(?:[.][0-9]{3})+")
_FI_DATE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})\.?")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")

MAX_DIGITS = 16
"""digits a number may have before the decimal separator: a municipality's budget in cents fits"""
MAX_DECIMALS = 6
"""and after it.  The one bound of every number read from a file or typed to ``record``: beyond it
Python's int-to-text limit, the percentages of a trend and the views would fail."""

YES_WORDS = frozenset({"kyllä", "true"})
NO_WORDS = frozenset({"ei", "false"})


REMEMBERED = 4096
"""texts each parser remembers: the parsers are pure and their values immutable, and a national
corpus repeats the same years, dates and small numbers (a text that fails is parsed again each time)"""

_SPACE_RUN = re.compile(f"[{_SPACES}]+")
_DECIMAL_MARK = re.compile("[,.]")


@lru_cache(REMEMBERED)
def parse_number(text: str) -> Decimal:
    """Parse ``1 234,5``, ``1.234,5``, ``1234.5``, ``-3`` or ``0,25`` into a Decimal.

    Spaces (also no-break and thin spaces) separate thousands; a comma is the
    decimal separator.  A dot is a decimal point unless a comma is present or
    the dots group the digits by threes; ``1.234`` alone is ambiguous and refused.
    """
    raw = text.strip()
    sign = ""
    if raw and raw[0] in _MINUS:
        sign, raw = "-", raw[1:].lstrip()
    elif raw.startswith("+"):
        raw = raw[1:].lstrip()
    integer, fraction = _split_decimal(_drop_space_groups(raw, text), text)
    if len(integer.lstrip("0")) > MAX_DIGITS or len(fraction) > MAX_DECIMALS:
        raise ValueParseError("number.out_of_range", text)
    try:
        return Decimal(f"{sign}{integer}.{fraction}" if fraction else f"{sign}{integer}")
    except InvalidOperation as error:  # pragma: no cover - guarded by the regexes
        raise ValueParseError("number.invalid", text) from error


def _drop_space_groups(raw: str, original: str) -> str:
    parts = _SPACE_RUN.split(raw)
    grouped = len(parts) == 1 or (
        len(parts[0]) <= 3 and all(len(_DECIMAL_MARK.split(p)[0]) == 3 for p in parts[1:])
    )
    if not grouped:
        raise ValueParseError("number.invalid", original)
    return "".join(parts)


def _split_decimal(raw: str, original: str) -> tuple[str, str]:
    if raw.count(",") > 1 or not raw:
        raise ValueParseError("number.invalid", original)
    if "," in raw:
        integer, fraction = raw.split(",")
        if "." in integer:
            if not _GROUPED.fullmatch(integer):
                raise ValueParseError("number.invalid", original)
            integer = integer.replace(".", "")
        return _checked_digits(integer, fraction, original)
    if raw.count(".") > 1:
        if not _GROUPED.fullmatch(raw):
            raise ValueParseError("number.invalid", original)
        return _checked_digits(raw.replace(".", ""), "", original)
    if "." in raw:
        integer, fraction = raw.split(".")
        if len(fraction) == 3 and integer != "0":
            raise ValueParseError("number.ambiguous", original)
        return _checked_digits(integer, fraction, original)
    return _checked_digits(raw, "", original)


def _checked_digits(integer: str, fraction: str, original: str) -> tuple[str, str]:
    if not _DIGITS.fullmatch(integer) or (fraction and not _DIGITS.fullmatch(fraction)):
        raise ValueParseError("number.invalid", original)
    return integer, fraction


@lru_cache(REMEMBERED)
def parse_integer(text: str) -> int:
    """Parse a whole number such as ``119`` or ``2 024``; decimals are refused."""
    value = parse_number(text)
    if value != value.to_integral_value():
        raise ValueParseError("integer.invalid", text)
    return int(value)


@lru_cache(REMEMBERED)
def parse_date(text: str) -> date:
    """Parse a Finnish date ``10.10.2023`` (also ``1.2.2024.``) or ISO ``2023-10-10``."""
    raw = text.strip()
    if match := _FI_DATE.fullmatch(raw):
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO_DATE.fullmatch(raw):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise ValueParseError("date.invalid", text)
    try:
        return date(year, month, day)
    except ValueError as error:
        raise ValueParseError("date.nonexistent", text) from error


def parse_yes_no(text: str) -> bool:
    """Parse ``kyllä``/``ei`` (or ``true``/``false``) strictly.

    YAML 1.1 words such as ``yes``, ``no``, ``on`` and ``off`` are refused on
    purpose: PyYAML would silently turn them into booleans.
    """
    word = text.strip().casefold()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    raise ValueParseError("bool.invalid", text)


def format_number(value: Decimal | int, lang: str = "fi") -> str:
    """Format a number for a reader: ``1 234,5`` in Finnish, ``1,234.5`` in English."""
    decimal_value = Decimal(value)
    if decimal_value == decimal_value.to_integral_value():
        text = f"{int(decimal_value):,}"
    else:
        text = f"{decimal_value.normalize():,f}"
    if lang == "en":
        return text
    return text.replace(",", "\u00a0").replace(".", ",").replace("\u00a0", " ")


def format_date(value: date, lang: str = "fi") -> str:
    """Format a date for a reader: ``10.10.2023`` in Finnish, ISO in English."""
    if lang == "en":
        return value.isoformat()
    return f"{value.day}.{value.month}.{value.year}"
