"""The VALUE of ``tavoitteet record``: typed the forgiving way, written the canonical way.

A user at the command line types ``k``, ``Yes``, ``1 234,5``, ``1234.5``,
``lapset=1 nuoret=2`` or ``10.10.2024``.  This module turns that into the text
that goes into the goal file, or refuses it with a message that shows what
would fit.  It never guesses: ``1.234`` alone is refused (thousands or
decimals?), a category must be named, every category must be given once.

What is written (documented in ``docs`` and the command's help):

- kyllä/ei: ``kyllä`` or ``ei``
- numbers: Finnish style as a reader writes them, ``1 234,5`` (decimal comma,
  space between thousands); trailing zeros of the decimals are dropped
- per category: a mapping ``{category: number}`` in the indicator's order
- deadline: the date as ``10.10.2024``, or ``ei`` (not done)
- qualitative: the text as typed, without surrounding whitespace
- ``ei sovellu`` for a conditional indicator whose condition did not hold

Whatever is written, :func:`tavoitteet.core.values.parse_value` reads back to the
same value (tested with hypothesis).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tavoitteet.core.model import (
    CategoryIndicator,
    DeadlineIndicator,
    Indicator,
    QualitativeIndicator,
    YesNoIndicator,
)
from tavoitteet.core.parsing import ValueParseError, format_date, format_number, parse_date, parse_number
from tavoitteet.core.safetext import UNSAFE_CLASS
from tavoitteet.core.values import NOT_APPLICABLE_WORDS, NOT_DONE_WORDS, Value, expected_values, parse_value
from tavoitteet.words.i18n import Lang, translate
from tavoitteet.words.problem_messages import hint, message

RawText = str | dict[str, str]

YES_INPUT = frozenset({"kyllä", "kylla", "k", "yes", "y", "true", "tosi"})
NO_INPUT = frozenset({"ei", "e", "no", "n", "false", "epätosi"})
NOT_APPLICABLE_TEXT = "ei sovellu"

FORBIDDEN = re.compile(f"[{UNSAFE_CLASS}\\ufeff\\t\\n]")
"""what the reader refuses in a file (:mod:`tavoitteet.core.safetext`), and line breaks and tabs"""
_PAIR_SEPARATOR = re.compile(r"[\s,;]*$")

_OWN_MESSAGES = {
    "value.forbidden_char": {
        "fi": "arvossa on merkki, jota tiedostoon ei voi kirjoittaa (U+{code})",
        "en": "the value contains a character that cannot be written into the file (U+{code})",
    },
    "value.categories_expected": {
        "fi": "luokittaiselle mittarille annetaan luku jokaiselle luokalle",
        "en": "a per-category indicator takes a number for each category",
    },
    "value.category_missing": {
        "fi": "luokkien arvot puuttuvat: {missing}",
        "en": "values missing for the categories: {missing}",
    },
    "value.category_twice": {
        "fi": "luokka '{value}' on annettu kahdesti",
        "en": "the category '{value}' is given twice",
    },
    "value.category_number": {
        "fi": "luokan '{category}' arvo '{value}' ei ole luku",
        "en": "the value '{value}' of the category '{category}' is not a number",
    },
}
_EXPECTED = {"fi": "Sopivia arvoja: {expected}.", "en": "Values that fit: {expected}."}


class RecordValueError(Exception):
    """A VALUE that does not fit its indicator; ``key`` names the message."""

    def __init__(self, key: str, details: dict[str, str]) -> None:
        super().__init__(key)
        self.key = key
        self.details = details

    def describe(self, lang: Lang) -> str:
        """The message and what would fit, in the user's language."""
        if self.key in _OWN_MESSAGES:
            text = translate(_OWN_MESSAGES, self.key, lang, self.details)
            advice = translate({"x": _EXPECTED}, "x", lang, self.details)
        else:
            text = message(self.key, lang, self.details)
            advice = hint(self.key, lang, self.details) or translate(
                {"x": _EXPECTED}, "x", lang, self.details
            )
        return f"{text}. {advice}"


@dataclass(frozen=True, slots=True)
class RecordedValue:
    """What goes into the file (``text``) and what it means (``value``)."""

    text: RawText
    value: Value


def parse_record_value(indicator: Indicator, typed: str) -> RecordedValue:
    """Turn what the user typed into the canonical file text; raises RecordValueError."""
    _check_characters(indicator, typed)
    stripped = " ".join(typed.split()) if not isinstance(indicator, QualitativeIndicator) else typed.strip()
    try:
        text = _canonical(indicator, stripped)
        return RecordedValue(text, parse_value(indicator, text))
    except ValueParseError as error:
        raise _refusal(indicator, error) from None


def _canonical(indicator: Indicator, typed: str) -> RawText:
    word = typed.casefold()
    if word in NOT_APPLICABLE_WORDS:
        if indicator.condition is None:
            raise ValueParseError("value.not_conditional", typed)
        return NOT_APPLICABLE_TEXT
    if isinstance(indicator, CategoryIndicator):
        return _categories(indicator, typed)
    if isinstance(indicator, YesNoIndicator):
        return _yes_no(typed)
    if isinstance(indicator, DeadlineIndicator):
        return "ei" if word in NOT_DONE_WORDS else format_date(parse_date(typed))
    if isinstance(indicator, QualitativeIndicator):
        if not typed:
            raise ValueParseError("value.empty", typed)
        return typed
    return format_number(parse_number(typed))


def _yes_no(typed: str) -> str:
    word = typed.casefold()
    if word in YES_INPUT:
        return "kyllä"
    if word in NO_INPUT:
        return "ei"
    raise ValueParseError("value.wrong", typed)


def _categories(indicator: CategoryIndicator, typed: str) -> dict[str, str]:
    """``lapset=1 nuoret=2``, ``lapset: 1, nuoret: 2``: every category once, in the indicator's order."""
    names = sorted(indicator.categories, key=len, reverse=True)
    anchor = re.compile(
        r"(?:^|(?<=[\s,;]))(" + "|".join(re.escape(n) for n in names) + r")\s*[=:]", re.IGNORECASE
    )
    matches = list(anchor.finditer(typed))
    if not matches or typed[: matches[0].start()].strip(" ,;"):
        raise _CategoryError("value.categories_expected", {"value": typed})
    given: dict[str, str] = {}
    for index, match in enumerate(matches):
        name = next(c for c in indicator.categories if c.casefold() == match.group(1).casefold())
        end = matches[index + 1].start() if index + 1 < len(matches) else len(typed)
        raw = _PAIR_SEPARATOR.sub("", typed[match.end() : end]).strip()
        if name in given:
            raise _CategoryError("value.category_twice", {"value": name})
        given[name] = _category_number(name, raw)
    missing = [c for c in indicator.categories if c not in given]
    if missing:
        raise _CategoryError("value.category_missing", {"missing": ", ".join(missing)})
    return {c: given[c] for c in indicator.categories}


def _category_number(name: str, raw: str) -> str:
    try:
        return format_number(parse_number(raw))
    except ValueParseError:
        if re.search(r"[=:]", raw):
            unknown = re.split(r"[\s,;]+", raw.split("=")[0].split(":")[0].strip())[-1]
            raise ValueParseError("value.unknown_category", unknown) from None
        raise _CategoryError("value.category_number", {"category": name, "value": raw}) from None


class _CategoryError(ValueParseError):
    def __init__(self, key: str, args: dict[str, str]) -> None:
        super().__init__(key, args.get("value", ""))
        self.args_ = args


def _check_characters(indicator: Indicator, typed: str) -> None:
    if found := FORBIDDEN.search(typed):
        raise RecordValueError(
            "value.forbidden_char", {"code": f"{ord(found.group()):04X}", **_context(indicator, typed)}
        )


_KEPT_KEYS = ("value.", "number.ambiguous", "number.out_of_range", "date.nonexistent")


def _refusal(indicator: Indicator, error: ValueParseError) -> RecordValueError:
    args = {**_context(indicator, error.text), **getattr(error, "args_", {})}
    key = error.key if error.key.startswith(_KEPT_KEYS) else "value.wrong"
    return RecordValueError(key, args)


def _context(indicator: Indicator, text: str) -> dict[str, str]:
    return {"value": text, "text": text, "kind": indicator.kind, "expected": expected_values(indicator)}
