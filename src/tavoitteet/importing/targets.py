"""Reading target wordings (tavoitetaso) as typed indicators.

:func:`interpret` is pure: it gets the wording and the goal year and returns
the indicator fields it can read with certainty, or, when it is not sure, the
safest kind (``seuranta`` for counts, ``laadullinen`` otherwise) with a reason
for a person to review.  The wording itself is always kept by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from tavoitteet.core.parsing import ValueParseError, parse_date, parse_number

NUMBER_WORDS = {
    "yksi": 1,
    "yhden": 1,
    "kaksi": 2,
    "kolme": 3,
    "neljä": 4,
    "viisi": 5,
    "kuusi": 6,
    "seitsemän": 7,
    "kahdeksan": 8,
    "yhdeksän": 9,
    "kymmenen": 10,
}
_NUM = r"(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:,\d+)?|" + "|".join(NUMBER_WORDS) + r")"
_BOUND_WORDS = {"vähintään": "vähintään", "enintään": "enintään", "yli": "yli", "alle": "alle"}
_UNIT = r"(%|[^\W\d_][\w-]*)"
_YEAR_PERIOD = re.compile(
    r"(/\s*(vuosi|v|vuonna\s+\d{4}|vuodessa)\b|\bvuodessa\b|\bvuosittain\b|\bvuositasolla\b"
    r"|\bvuoden\s+(\d{4}\s+)?aikana\b|\bvuonna\s+\d{4}\b)",
    re.IGNORECASE,
)
_YES_NO = re.compile(r"\bkyllä\s*/\s*ei\b", re.IGNORECASE)
_CONDITION = re.compile(r"\((jos\s[^()]+)\)", re.IGNORECASE)
_END_OF_YEAR = re.compile(r"\bvuoden\s+(\d{4})\s+loppuun\b", re.IGNORECASE)
_BY_DATE = re.compile(
    r"(\d{1,2}\.\d{1,2}\.\d{4})\s+mennessä|mennessä\s+(\d{1,2}\.\d{1,2}\.\d{4})", re.IGNORECASE
)
_RANGE = re.compile(rf"(?<![\w,])(\d+)\s*[-–]\s*(\d+)\s+{_UNIT}", re.IGNORECASE)
_BOUND = re.compile(rf"\b(vähintään|enintään|yli|alle)\s+({_NUM})\b\s*{_UNIT}", re.IGNORECASE)
_CATEGORIES = re.compile(r":\s*([^:/]+(?:/[^:/]+)+?)\s*\.?\s*$")
_AMOUNT_IN_PARENS = re.compile(rf"\b(määrä|lukumäärä)\s*\(\s*({_NUM})\s*\)", re.IGNORECASE)
_COUNT = re.compile(r"\b(määrä|lukumäärä|määrän|lukumäärän|asiakasmäärä|kävijämäärä)\b", re.IGNORECASE)
_GROWTH = re.compile(r"\b(kasva\w*|lisään\w*|nouse\w*|parane\w*)\b", re.IGNORECASE)
_DECLINE = re.compile(r"\b(vähene\w*|laske\w*|pienene\w*)\b", re.IGNORECASE)
_CLEAN_AFTER = re.compile(r"\s*($|[,.;)]|/|:)")


@dataclass(frozen=True)
class Reading:
    """What a wording says: indicator fields (Finnish keys) and, if unsure, why."""

    fields: dict[str, Any]
    review: str | None = None
    review_args: dict[str, str] = field(default_factory=dict)


def interpret(text: str, year: int) -> Reading:
    """The indicator that ``text`` describes, for a goal of ``year``."""
    condition = _CONDITION.search(text)
    extra = {"ehto": condition.group(1).strip()} if condition else {}
    for reader in READERS:
        reading = reader(text, year)
        if reading is not None:
            return Reading({**reading.fields, **extra}, reading.review, reading.review_args)
    return Reading({"tyyppi": "laadullinen", **extra}, "review.unclear")


def _yes_no(text: str, year: int) -> Reading | None:
    return Reading({"tyyppi": "kyllä/ei"}) if _YES_NO.search(text) else None


def _deadline(text: str, year: int) -> Reading | None:
    if match := _END_OF_YEAR.search(text):
        return Reading({"tyyppi": "määräaika", "määräpäivä": date(int(match.group(1)), 12, 31)})
    if match := _BY_DATE.search(text):
        try:
            day = parse_date(match.group(1) or match.group(2))
        except ValueParseError:
            return None
        return Reading({"tyyppi": "määräaika", "määräpäivä": day})
    return None


def _range(text: str, year: int) -> Reading | None:
    match = _RANGE.search(text)
    if match is None:
        return None
    low, high = Decimal(match.group(1)), Decimal(match.group(2))
    if low > high:
        return None
    fields: dict[str, Any] = {
        "tyyppi": "luku",
        "yksikkö": match.group(3),
        "tavoite": {"vähintään": low, "enintään": high},
    }
    return _with_period(fields, text, match.end())


def _bound(text: str, year: int) -> Reading | None:
    match = _BOUND.search(text)
    if match is None:
        return None
    value = _number(match.group(2))
    if value is None:
        return None
    target = {_BOUND_WORDS[match.group(1).lower()]: value}
    categories = _CATEGORIES.search(text[match.end() :])
    if categories:
        names = [c.strip().rstrip(".").strip() for c in categories.group(1).split("/")]
        if all(names) and len(set(names)) == len(names) and all(len(n.split()) <= 3 for n in names):
            return Reading(
                {"tyyppi": "luokittain", "yksikkö": match.group(3), "luokat": names, "tavoite": target}
            )
    fields: dict[str, Any] = {"tyyppi": "luku", "yksikkö": match.group(3), "tavoite": target}
    rest = text[match.end() :]
    if not (_CLEAN_AFTER.match(rest) or _YEAR_PERIOD.match(rest.lstrip())):
        del fields["yksikkö"]
        reading = _with_period(fields, text, match.end())
        return Reading(reading.fields, "review.unit_unclear")
    return _with_period(fields, text, match.end())


def _with_period(fields: dict[str, Any], text: str, end: int) -> Reading:
    """Add ``jakso: vuosi`` when the wording says per year; an unread ``/...`` asks for review."""
    period = _YEAR_PERIOD.search(text)
    if period:
        fields["jakso"] = "vuosi"
    rest = text[end:]
    slash_at = end + len(rest) - len(rest.lstrip())
    if rest.lstrip().startswith("/") and not (period and period.start() == slash_at):
        return Reading(fields, "review.qualifier", {"rest": rest.strip()})
    return Reading(fields)


def _amount_in_parens(text: str, year: int) -> Reading | None:
    match = _AMOUNT_IN_PARENS.search(text)
    if match is None:
        return None
    return Reading({"tyyppi": "seuranta"}, "review.amount_in_parens", {"value": match.group(2)})


def _trend(text: str, year: int) -> Reading | None:
    direction = "kasvu" if _GROWTH.search(text) else "lasku" if _DECLINE.search(text) else None
    if direction is None:
        return None
    fields = {"tyyppi": "kehitys", "suunta": direction, "vertailuvuosi": year - 1}
    return Reading(fields, "review.baseline_year", {"year": str(year - 1)})


def _count(text: str, year: int) -> Reading | None:
    if _COUNT.search(text) and not re.search(r"\d", text):
        return Reading({"tyyppi": "seuranta"}, "review.no_target")
    return None


def _number(raw: str) -> Decimal | None:
    word = raw.lower()
    if word in NUMBER_WORDS:
        return Decimal(NUMBER_WORDS[word])
    try:
        return parse_number(raw)
    except ValueParseError:
        return None


READERS: tuple[Callable[[str, int], Reading | None], ...] = (
    _yes_no,
    _deadline,
    _trend,
    _range,
    _bound,
    _amount_in_parens,
    _count,
)
