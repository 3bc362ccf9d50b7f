"""The converters of the models' typed fields: text as a Finnish official types it, to a value.

The loader hands every scalar to the models as the text the user wrote, so each
typed field converts text itself (:mod:`tavoitteet.core.fields` attaches these
to the field types).  A failure is raised as a ``PydanticCustomError`` whose
type is the message key of :mod:`tavoitteet.words.i18n`.

This module imports neither pydantic nor pydantic-core's Python modules: a
stored schema (:mod:`tavoitteet.core.validation`) calls these functions by name
from pydantic-core's compiled validator.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from tavoitteet.core.corelib import PydanticCustomError
from tavoitteet.core.parsing import ValueParseError, parse_date, parse_integer, parse_number, parse_yes_no


def convert(parser: Any, value: Any, accepted: tuple[type, ...]) -> Any:
    if value.__class__ is str:  # the common case: a scalar as the loader hands it on
        try:
            return parser(value)
        except ValueParseError as error:
            raise PydanticCustomError(error.key, "{text}", {"text": error.text}) from None
    if isinstance(value, bool) or not isinstance(value, (str, *accepted)):
        raise PydanticCustomError("wrong_scalar", "expected a scalar")
    if not isinstance(value, str):
        return value
    try:
        return parser(value)
    except ValueParseError as error:
        raise PydanticCustomError(error.key, "{text}", {"text": error.text}) from None


def to_number(value: Any) -> Any:
    return convert(parse_number, value, (int, Decimal))


def to_integer(value: Any) -> Any:
    return convert(parse_integer, value, (int,))


def in_range(number: int, low: int, high: int | None) -> int:
    """Pydantic's own range errors, raised here on the value as typed (``vuosi: 1899``).

    As a ``Field(ge=..., le=...)`` after the converter, the range would be a
    function pydantic makes up while it builds the models, which a stored schema
    (core/validation.py) cannot name.
    """
    if number < low:
        raise PydanticCustomError(
            "greater_than_equal", "Input should be greater than or equal to {ge}", {"ge": low}
        )
    if high is not None and number > high:
        raise PydanticCustomError(
            "less_than_equal", "Input should be less than or equal to {le}", {"le": high}
        )
    return number


def to_year(value: Any) -> Any:
    return in_range(to_integer(value), 1900, 2200)


def to_ordinal(value: Any) -> Any:
    return in_range(to_integer(value), 1, None)


def to_date(value: Any) -> Any:
    return convert(parse_date, value, (date,))


def to_bool(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    return convert(parse_yes_no, value, ())


def to_text(value: Any) -> Any:
    if not isinstance(value, str):
        raise PydanticCustomError("text_expected", "expected text")
    if not value.strip():
        raise PydanticCustomError("text_empty", "empty text")
    return value


def empty_list() -> list[Any]:
    """A new empty list: ``default_factory=empty_list`` is ``default_factory=list`` without its cost.

    Pydantic asks whether a default factory takes the validated data by reading
    its signature; for the built-in ``list`` that parses its text signature with
    ``tokenize``, a few milliseconds of every start-up over the models' fields.
    """
    return []
