"""Annotated field types that accept values the way a Finnish official types them.

Each typed field converts the text the user wrote with a function of
:mod:`tavoitteet.core.converters`; the types here add what pydantic needs to
build the models and their JSON schema.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

import tavoitteet.core.lean  # noqa: F401 # isort: skip - before pydantic, which it imports leaner
from pydantic import Field, GetCoreSchemaHandler, WithJsonSchema
from pydantic_core import CoreSchema, core_schema

from tavoitteet.core import schema_forms as forms
from tavoitteet.core.converters import (
    to_bool,
    to_date,
    to_integer,
    to_number,
    to_ordinal,
    to_text,
    to_year,
)

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


# The forms of the schema mirror the parsers (issue 16): text as typed, numbers, dates and
# yes/no also in their Finnish forms as strings; see core/schema_forms.py.
_NUMBER_SCHEMA = {
    **forms.NUMBER,
    "description": "Luku; desimaalipilkku ja välilyönti tuhaterottimena käyvät (1 234,5).",
}
_DATE_SCHEMA = {**forms.DATE, "description": "Päivämäärä muodossa 10.10.2023 tai 2023-10-10."}
_BOOL_SCHEMA = {**forms.YES_NO, "description": "kyllä tai ei"}

Number = Annotated[Decimal, BeforeValidator(to_number), WithJsonSchema(_NUMBER_SCHEMA)]
Integer = Annotated[int, BeforeValidator(to_integer), WithJsonSchema(forms.INTEGER)]
Year = Annotated[int, BeforeValidator(to_year), WithJsonSchema(forms.YEAR)]
Day = Annotated[date, BeforeValidator(to_date), WithJsonSchema(_DATE_SCHEMA)]
YesNo = Annotated[bool, BeforeValidator(to_bool), WithJsonSchema(_BOOL_SCHEMA)]
FormatVersion = Annotated[
    Literal[1],
    BeforeValidator(to_integer),
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
Ordinal = Annotated[int, BeforeValidator(to_ordinal), WithJsonSchema(forms.ORDINAL)]
"""a 1-based position (the first entry is 1)"""
Text = Annotated[str, BeforeValidator(to_text), WithJsonSchema(forms.TEXT)]
Id = Annotated[
    str,
    Field(pattern=ID_PATTERN),  # before the converter: pydantic-core checks it on the text itself
    BeforeValidator(to_text),
    WithJsonSchema(
        {**forms.ID, "description": "Tunnus: pienet kirjaimet a-z, numerot ja väliviiva, esim. kirjasto-1."}
    ),
]
