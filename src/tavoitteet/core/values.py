"""Realization values by indicator kind: from the text in the file to a typed value.

The same rules serve validation (a value in the file must fit its indicator),
evaluation and the ``record`` command.  A value that does not fit raises
:class:`ValueParseError` whose key names the reason.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Final

from tavoitteet.core.entries import effective
from tavoitteet.core.model import (
    CategoryIndicator,
    DeadlineIndicator,
    Indicator,
    NumberIndicator,
    QualitativeIndicator,
    TrackedIndicator,
    TrendIndicator,
    YesNoIndicator,
)
from tavoitteet.core.parsing import ValueParseError, parse_date, parse_number, parse_yes_no
from tavoitteet.words.i18n import Lang


class NotApplicable:
    """The value of a conditional indicator whose condition did not hold."""

    _instance: NotApplicable | None = None

    def __new__(cls) -> NotApplicable:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NOT_APPLICABLE"


NOT_APPLICABLE: Final = NotApplicable()
NOT_APPLICABLE_WORDS = frozenset({"ei sovellu", "ei-sovellu"})
NOT_DONE_WORDS = frozenset({"ei", "ei valmis", "kesken"})

Value = bool | Decimal | dict[str, Decimal] | date | str | NotApplicable
"""bool for kyllä/ei; Decimal for numbers; dict for categories; date (done on)
or False (not done) for deadlines; str for qualitative assessments."""


def parse_value(indicator: Indicator, raw: str | dict[str, str]) -> Value:
    """Parse a realization value for ``indicator``; raises ValueParseError."""
    if isinstance(raw, str) and raw.strip().casefold() in NOT_APPLICABLE_WORDS:
        if indicator.condition is None:
            raise ValueParseError("value.not_conditional", raw)
        return NOT_APPLICABLE
    if isinstance(indicator, CategoryIndicator):
        return _parse_categories(indicator, raw)
    if not isinstance(raw, str):
        raise ValueParseError("value.mapping_not_expected", str(raw))
    return _parse_scalar(indicator, raw)


def _parse_scalar(indicator: Indicator, raw: str) -> Value:
    if isinstance(indicator, YesNoIndicator):
        return parse_yes_no(raw)
    if isinstance(indicator, NumberIndicator | TrendIndicator | TrackedIndicator):
        return parse_number(raw)
    if isinstance(indicator, DeadlineIndicator):
        if raw.strip().casefold() in NOT_DONE_WORDS:
            return False
        return parse_date(raw)
    if isinstance(indicator, QualitativeIndicator):
        if not raw.strip():
            raise ValueParseError("value.empty", raw)
        return raw
    raise ValueParseError("value.mapping_expected", raw)


def _parse_categories(indicator: CategoryIndicator, raw: str | dict[str, str]) -> dict[str, Decimal]:
    if not isinstance(raw, dict):
        raise ValueParseError("value.mapping_expected", raw)
    values: dict[str, Decimal] = {}
    for category, text in raw.items():
        if category not in indicator.categories:
            raise ValueParseError("value.unknown_category", category)
        values[category] = parse_number(text)
    return values


_EXAMPLES = {
    "kyllä/ei": "kyllä, ei",
    "luku": "12, 1 234,5",
    "kehitys": "12, 1 234,5",
    "seuranta": "12, 1 234,5",
    "määräaika": "15.11.2024 (valmistui), ei (ei valmis)",
    "laadullinen": "vapaa teksti",
}
_EXAMPLES_EN = {
    "määräaika": "15.11.2024 (completed), ei (not completed)",
    "laadullinen": "free text",
}
"""Where the examples carry explanations: the values themselves are typed in Finnish in any language."""


def expected_values(indicator: Indicator, lang: Lang = "fi") -> str:
    """Examples of values that fit, for error messages: values as typed in files, notes in ``lang``."""
    if isinstance(indicator, CategoryIndicator):
        text = ", ".join(f"{c}: 1" for c in indicator.categories)
    else:
        text = _EXAMPLES[indicator.kind]
    if indicator.condition is not None:
        text += ", ei sovellu"
    return localized_examples(text, indicator.kind, lang)


def localized_examples(text: str, kind: str, lang: Lang) -> str:
    """``expected_values`` text of an indicator ``kind`` (kept in Finnish in a problem) with notes in ``lang``."""
    finnish = _EXAMPLES.get(kind)
    if lang == "fi" or kind not in _EXAMPLES_EN or finnish is None or not text.startswith(finnish):
        return text
    return _EXAMPLES_EN[kind] + text[len(finnish) :]


APPROXIMATE_PREFIXES = ("n.", "noin ", "~")


def split_approximate(raw: str | dict[str, str]) -> tuple[bool, str | dict[str, str]]:
    """``(True, "800")`` for a value written ``n. 800`` (noin, ~); ``(False, raw)`` otherwise."""
    if not isinstance(raw, str):
        return False, raw
    text = raw.strip()
    for prefix in APPROXIMATE_PREFIXES:
        if text.casefold().startswith(prefix) and text[len(prefix) :].strip():
            return True, text[len(prefix) :].strip()
    return False, raw


def parse_series_value(indicator: Indicator, raw: str | dict[str, str]) -> tuple[bool, Value]:
    """A series value and whether it is approximate; raises ValueParseError."""
    approximate, text = split_approximate(raw)
    return approximate, parse_value(indicator, text)


def needs_stated_period(day: date, year: int) -> bool:
    """An entry dated ``day`` in the file of ``year`` must say its ``vuosi``: it is dated before the
    year, or after the end of the next year (a year's values come in during the following year)."""
    first, last = own_period_dates(year)
    return not first <= day <= last


def own_period_dates(year: int) -> tuple[date, date]:
    """The first and last day of an entry that needs no ``vuosi`` in the file of ``year`` (see above)."""
    return date(year, 1, 1), date(year + 1, 12, 31)


def latest_number(indicator: Indicator, period: int | None = None) -> Decimal | None:
    """The number last recorded for ``indicator`` (by entry date), if any.

    With ``period``, only entries of that year count (entries without ``vuosi`` are the file's year's,
    which the caller passes as ``period`` when it wants them)."""
    for entry in sorted(effective(indicator.entries), key=lambda e: e.date, reverse=True):
        if entry.value is None:
            continue
        if period is not None and entry.period is not None and entry.period != period:
            continue
        try:
            value = parse_value(indicator, entry.value)
        except ValueParseError:
            continue
        if isinstance(value, Decimal):
            return value
    return None
