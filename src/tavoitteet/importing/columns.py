"""Recognising a goal table's columns and finding the table among the rows.

Column names vary from one office to the next; :func:`recognise` knows the
usual Finnish names and their variants, and ``--columns "Oma nimi=tavoitetaso"``
maps the rest by hand.  Everything here is pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tavoitteet.importing.readers import Row, Sheet

# The fields a column can hold, by the name used in --columns.
FIELDS = (
    "strategiakärki",
    "tehtäväalue",
    "tavoite",
    "teko",
    "mittari",
    "tavoitetaso",
    "edistää_myös",
    "toteuma",
    "kommentointi",
    "ohita",
)
FIELD_ALIASES = {"edistää myös": "edistää_myös", "kommentti": "kommentointi", "arviointi": "kommentointi"}

# (pattern on the normalised header, field); the first match wins, so the order matters.
_RULES: tuple[tuple[str, str], ...] = (
    (r"edistää myös|edistää.*kärk", "edistää_myös"),
    (r"^strategia|kärki|kärjet", "strategiakärki"),
    (r"toteuma|toteutumistaso|toteutuminen", "toteuma"),
    (r"kommentointi|kommentti|kommentit|arviointi|arvio$|huomiot|lisätiedot", "kommentointi"),
    (r"tavoitetaso|tavoitearvo|tavoitteen taso|tavoiteltava taso", "tavoitetaso"),
    (r"^mittari|mittarit$|^indikaattori", "mittari"),
    (r"^teko|^teot|toimenpide|toimenpiteet|^keino", "teko"),
    (r"tehtäväalue|palvelualue|vastuualue|tulosalue", "tehtäväalue"),
    (r"tavoite|tavoitteet", "tavoite"),
)


@dataclass(frozen=True)
class ColumnProblem(Exception):
    """A located problem with the table's header or rows; ``key`` names the message."""

    key: str
    row: int = 0
    column: int = 0
    details: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Table:
    """The goal table found in a sheet: header, column fields, data rows and text around it."""

    header: Row
    fields: dict[int, str]
    rows: list[Row]
    before: list[str]
    notes: list[str]


def normalise(name: str) -> str:
    """A header as compared: lowercase, single spaces, no punctuation at the ends."""
    return re.sub(r"\s+", " ", name.casefold()).strip(" .:*()")


def recognise(name: str, custom: Mapping[str, str]) -> str | None:
    """The field a column header names, or None."""
    key = normalise(name)
    if key in custom:
        return custom[key]
    return next((target for pattern, target in _RULES if re.search(pattern, key)), None)


def parse_column_option(text: str | None) -> dict[str, str]:
    """``"Oma nimi=tavoitetaso, Toinen=teko"`` as {normalised header: field}; ValueError when wrong."""
    mapping: dict[str, str] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        name, sep, target = part.rpartition("=")
        wanted = FIELD_ALIASES.get(normalise(target), normalise(target).replace(" ", "_"))
        if not sep or not name.strip() or wanted not in FIELDS:
            raise ValueError(part.strip())
        mapping[normalise(name)] = wanted
    return mapping


def locate(sheet: Sheet, custom: Mapping[str, str]) -> Table:
    """Find the header (the first row naming two known columns) and the rows under it."""
    index = next(
        (i for i, row in enumerate(sheet.rows) if not row.paragraph and _known_count(row, custom) >= 2),
        None,
    )
    if index is None:
        raise ColumnProblem("table.no_header", details={"columns": _expected()})
    header = sheet.rows[index]
    fields = _header_fields(header, sheet.rows[index + 1 :], custom)
    rows, notes = _body(sheet, index, header)
    before = [row.text for row in sheet.rows[:index] if row.text]
    return Table(header, fields, rows, before, notes)


def _known_count(row: Row, custom: Mapping[str, str]) -> int:
    return len({recognise(c, custom) for c in row.cells if c} - {None, "ohita"})


def _header_fields(header: Row, rows: Sequence[Row], custom: Mapping[str, str]) -> dict[int, str]:
    fields: dict[int, str] = {}
    for column, name in enumerate(header.cells):
        target = recognise(name, custom) if name else None
        if target is None and (name or any(_cell(r, column) for r in rows)):
            raise ColumnProblem(
                "table.unknown_column",
                header.number,
                column + 1,
                {"name": name or "-", "fields": ", ".join(FIELDS)},
            )
        if target in fields.values() and target != "ohita":
            first = next(c for c, f in fields.items() if f == target)
            raise ColumnProblem(
                "table.duplicate_column",
                header.number,
                column + 1,
                {"name": name, "field": str(target), "first": str(first + 1)},
            )
        if target is not None:
            fields[column] = target
    _require(fields, header)
    return fields


def _require(fields: dict[int, str], header: Row) -> None:
    present = set(fields.values())
    if "tavoite" not in present:
        raise ColumnProblem("table.missing_column", header.number, 0, {"field": "Toiminnallinen tavoite"})
    if not present & {"tavoitetaso", "mittari"}:
        raise ColumnProblem("table.missing_column", header.number, 0, {"field": "Mittarin tavoitetaso"})


def _body(sheet: Sheet, index: int, header: Row) -> tuple[list[Row], list[str]]:
    """The data rows after the header, and the text after the table (the notes)."""
    rows: list[Row] = []
    notes: list[str] = []
    ended = False
    for row in sheet.rows[index + 1 :]:
        if ended or row.paragraph:
            if row.text:
                notes.append(row.text)
        elif not any(row.cells):
            ended = sheet.kind != "docx"
        elif row.cells != header.cells:
            rows.append(row)
    return rows, notes


def _cell(row: Row, column: int) -> str:
    return row.cells[column] if column < len(row.cells) else ""


def _expected() -> str:
    return "Toiminnallinen tavoite, Teko, Mittarin tavoitetaso"
