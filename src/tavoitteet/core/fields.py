"""Annotated field types that accept values the way a Finnish official types them.

The loader hands every scalar to the models as the text the user wrote, so each
typed field converts text itself.  A failure is raised as a
``PydanticCustomError`` whose type is the message key of :mod:`tavoitteet.words.i18n`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

import tavoitteet.core.lean  # noqa: F401 # isort: skip - before pydantic, which it imports leaner
from pydantic import Field, GetCoreSchemaHandler, WithJsonSchema
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from tavoitteet.core import schema_forms as forms
from tavoitteet.core.parsing import ValueParseError, parse_date, parse_integer, parse_number, parse_yes_no

ID_PATTERN = forms.ID_PATTERN


class BeforeValidator:
    """Run ``func`` on the raw input before the type's own validation.

    Pydantic's own ``BeforeValidator`` inspects the function's signature for
    every field that uses it, which was a tenth of the models' build time at
    start-up; this one states that the function takes no validation info.
    """

    __slots__ = ("func",)

    def __init__(self, func: Any) -> None:
        self.func = func

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_before_validator_function(self.func, handler(source))


def _convert(parser: Any, value: Any, accepted: tuple[type, ...]) -> Any:
    if isinstance(value, bool) or not isinstance(value, (str, *accepted)):
        raise PydanticCustomError("wrong_scalar", "expected a scalar")
    if not isinstance(value, str):
        return value
    try:
        return parser(value)
    except ValueParseError as error:
        raise PydanticCustomError(error.key, "{text}", {"text": error.text}) from None


def _to_number(value: Any) -> Any:
    return _convert(parse_number, value, (int, Decimal))


def _to_integer(value: Any) -> Any:
    return _convert(parse_integer, value, (int,))


def _in_range(number: int, low: int, high: int | None) -> int:
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


def _to_year(value: Any) -> Any:
    return _in_range(_to_integer(value), 1900, 2200)


def _to_ordinal(value: Any) -> Any:
    return _in_range(_to_integer(value), 1, None)


def _to_date(value: Any) -> Any:
    return _convert(parse_date, value, (date,))


def _to_bool(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    return _convert(parse_yes_no, value, ())


def _to_text(value: Any) -> Any:
    if not isinstance(value, str):
        raise PydanticCustomError("text_expected", "expected text")
    if not value.strip():
        raise PydanticCustomError("text_empty", "empty text")
    return value


# The forms of the schema mirror the parsers (issue 16): text as typed, numbers, dates and
# yes/no also in their Finnish forms as strings; see core/schema_forms.py.
_NUMBER_SCHEMA = {
    **forms.NUMBER,
    "description": "Luku; desimaalipilkku ja välilyönti tuhaterottimena käyvät (1 234,5).",
}
_DATE_SCHEMA = {**forms.DATE, "description": "Päivämäärä muodossa 10.10.2023 tai 2023-10-10."}
_BOOL_SCHEMA = {**forms.YES_NO, "description": "kyllä tai ei"}

Number = Annotated[Decimal, BeforeValidator(_to_number), WithJsonSchema(_NUMBER_SCHEMA)]
Integer = Annotated[int, BeforeValidator(_to_integer), WithJsonSchema(forms.INTEGER)]
Year = Annotated[int, BeforeValidator(_to_year), WithJsonSchema(forms.YEAR)]
Day = Annotated[date, BeforeValidator(_to_date), WithJsonSchema(_DATE_SCHEMA)]
YesNo = Annotated[bool, BeforeValidator(_to_bool), WithJsonSchema(_BOOL_SCHEMA)]
FormatVersion = Annotated[
    Literal[1],
    BeforeValidator(_to_integer),
    WithJsonSchema({**forms.FORMAT_VERSION, "description": "Tiedostomuodon versio."}),
]
RawValue = Annotated[
    str | dict[str, str],
    WithJsonSchema(
        {
            **forms.RAW_VALUE,
            "description": "Arvo mittarin tyypin mukaan: kyllä/ei, luku, päivämäärä tai luokka: luku.",
        }
    ),
]
Ordinal = Annotated[int, BeforeValidator(_to_ordinal), WithJsonSchema(forms.ORDINAL)]
"""a 1-based position (the first entry is 1)"""
Text = Annotated[str, BeforeValidator(_to_text), WithJsonSchema(forms.TEXT)]
Id = Annotated[
    str,
    Field(pattern=ID_PATTERN),  # before the converter: pydantic-core checks it on the text itself
    BeforeValidator(_to_text),
    WithJsonSchema(
        {**forms.ID, "description": "Tunnus: pienet kirjaimet a-z, numerot ja väliviiva, esim. kirjasto-1."}
    ),
]


def empty_list() -> list[Any]:
    """A new empty list: ``default_factory=empty_list`` is ``default_factory=list`` without its cost.

    Pydantic asks whether a default factory takes the validated data by reading
    its signature; for the built-in ``list`` that parses its text signature with
    ``tokenize``, a few milliseconds of every start-up over the models' fields.
    """
    return []
