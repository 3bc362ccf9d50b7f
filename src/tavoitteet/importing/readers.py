"""Reading a table file into rows of cells: the only importing module that touches files.

Tab-separated text (as pasted from Word or Excel), CSV with ``;`` or ``,``,
``.xlsx`` (openpyxl) and the tables of a ``.docx`` (python-docx).  The format
is chosen by content first and extension second; text is decoded as UTF-8
(with or without BOM), UTF-16 with BOM, or else Windows-1252.  The libraries
for Office files are imported only when such a file is read.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tavoitteet.core.safetext import strip_controls

MAX_BYTES = 20_000_000
MAX_UNPACKED = 50_000_000
"""what a Word or Excel file may unpack to, all its parts whatever their names: a goals table is well
under a megabyte, a zip bomb is not"""
MAX_PARTS = 10_000
MAX_ROWS = 20_000
MAX_COLUMNS = 200
"""the largest table read: a year's goals are a few hundred rows and a dozen columns"""
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Row:
    """One row of the source: its 1-based number there and its cells, stripped."""

    number: int
    cells: tuple[str, ...]
    paragraph: bool = False

    def __post_init__(self) -> None:
        # A control character copied from another program would be written as a YAML escape, which
        # the reader refuses (it could reach a terminal): cells lose them here, once for every format.
        object.__setattr__(self, "cells", tuple(strip_controls(cell) for cell in self.cells))

    @property
    def text(self) -> str:
        return " ".join(cell for cell in self.cells if cell)


@dataclass(frozen=True)
class Sheet:
    """Every row of a source file, and what the file was."""

    rows: list[Row]
    kind: str
    encoding: str | None = None


class ReadError(Exception):
    """The file cannot be read as a table; ``key`` names the message."""

    def __init__(self, key: str, **args: str) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


def read_sheet(path: Path) -> Sheet:
    """Read ``path`` as a table of text cells (raises ReadError)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ReadError("read.too_large", limit=str(MAX_BYTES))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ReadError("read.missing") from None
    except OSError as error:
        raise ReadError("read.unreadable", reason=error.strerror or str(error)) from None
    kind = detect_kind(raw, path.suffix.lower())
    if kind == "xlsx":
        return Sheet(_xlsx_rows(raw), "xlsx")
    if kind == "docx":
        return Sheet(_docx_rows(raw), "docx")
    text, encoding = decode(raw)
    rows, kind = rows_from_text(text)
    return Sheet(rows, kind, encoding)


def detect_kind(raw: bytes, suffix: str) -> str:
    """``xlsx``, ``docx`` or ``text`` from the bytes, with the extension as a tie-breaker."""
    if raw.startswith(b"PK\x03\x04"):
        try:
            parts = zipfile.ZipFile(io.BytesIO(raw)).infolist()
        except (zipfile.BadZipFile, ValueError, OSError):
            raise ReadError("read.corrupt", kind=suffix or "zip") from None
        _refuse_large_xml(parts)
        names = {part.filename for part in parts}
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        raise ReadError("read.unsupported", suffix=suffix or "zip")
    if raw.startswith(b"\xd0\xcf\x11\xe0") or suffix in (".xls", ".doc"):
        raise ReadError("read.old_office", suffix=suffix or ".xls")
    if suffix in (".xlsx", ".docx"):
        raise ReadError("read.corrupt", kind=suffix)
    return "text"


def _refuse_large_xml(parts: list[zipfile.ZipInfo]) -> None:
    """Refuse a file whose XML unpacks to more than ``MAX_UNPACKED`` bytes before any of it is parsed.

    The sizes are the archive's own; zipfile stops reading a part at its stated
    size, so a part cannot unpack to more than it claims.  Every part counts,
    whatever its name: the libraries find their XML by the package's relations,
    not by the names' endings.
    """
    unpacked = sum(part.file_size for part in parts)  # every part: a bomb may be named .bin
    if unpacked > MAX_UNPACKED or len(parts) > MAX_PARTS:
        raise ReadError("read.too_large_unpacked", limit=str(MAX_UNPACKED))


def decode(raw: bytes) -> tuple[str, str]:
    """The text and the encoding it was in: UTF-8 (BOM or not), UTF-16 with BOM, else cp1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "cp1252"


def rows_from_text(text: str) -> tuple[list[Row], str]:
    """Rows of tab-separated text, or of CSV when no line has a tab."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    delimiter = None if any("\t" in line for line in lines) else sniff_delimiter(text)
    if delimiter is None:
        return [Row(n, _clean(line.split("\t"))) for n, line in enumerate(lines, 1)], "tsv"
    return _csv_rows(text, delimiter), f"csv{delimiter}"


def sniff_delimiter(text: str) -> str | None:
    """``;`` or ``,``: the one that splits the most rows into the same number of cells."""
    best, best_score = None, 0
    for delimiter in (";", ","):
        score = _consistency(text, delimiter)
        if score > best_score:  # a tie keeps ";", the separator of Finnish Excel
            best, best_score = delimiter, score
    return best


def _consistency(text: str, delimiter: str) -> int:
    widths = [len(r) for r in _parse_csv(text, delimiter) if any(c.strip() for c in r)]
    counts = Counter(w for w in widths if w > 1)
    return counts.most_common(1)[0][1] if counts else 0


def _parse_csv(text: str, delimiter: str) -> list[list[str]]:
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        return [line.split(delimiter) for line in _LINE_BREAK.split(text)]


def _csv_rows(text: str, delimiter: str) -> list[Row]:
    rows = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            rows.append(Row(reader.line_num, _clean(cells)))
    except csv.Error as error:
        raise ReadError("read.csv", line=str(reader.line_num), reason=str(error)) from None
    return rows


def _clean(cells: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    return tuple(cell.strip() for cell in cells)


def cell_text(value: Any) -> str:
    """A spreadsheet value as the text a person sees."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "kyllä" if value else "ei"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    if isinstance(value, (datetime, date)):
        return f"{value.day}.{value.month}.{value.year}"
    return str(value).strip()


def _xlsx_rows(raw: bytes) -> list[Row]:
    import openpyxl  # type: ignore[import-untyped]  # no stubs; only plain values are read

    try:
        # Read-only: cells are streamed, and merged ranges are not expanded cell by cell.
        workbook = openpyxl.load_workbook(io.BytesIO(raw), data_only=True, read_only=True)
        sheet = workbook.active or workbook.worksheets[0]
        _refuse_large_table(sheet.max_row, sheet.max_column, f"{sheet.max_row} x {sheet.max_column}")
        rows = []
        bounded = sheet.iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS + 1, values_only=True)
        for number, values in enumerate(bounded, 1):
            cells = tuple(cell_text(v) for v in values)
            if number > MAX_ROWS or (len(cells) > MAX_COLUMNS and cells[MAX_COLUMNS]):
                _refuse_large_table(number, len(cells), f"{number} x {len(cells)}")
            rows.append(Row(number, cells[:MAX_COLUMNS]))
        workbook.close()
        return rows
    except ReadError:
        raise
    except Exception as error:  # a corrupt file may fail anywhere inside openpyxl
        raise ReadError("read.corrupt", kind=".xlsx", reason=str(error)) from None


def _refuse_large_table(rows: int | None, columns: int | None, what: str) -> None:
    if (rows or 0) > MAX_ROWS or (columns or 0) > MAX_COLUMNS:
        raise ReadError("read.too_many_cells", what=what, rows=str(MAX_ROWS), columns=str(MAX_COLUMNS))


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _refuse_large_word_table(element: Any) -> None:
    """Bound a Word table before python-docx lays it out: its rows, and each row's cells and spans."""
    rows = element.findall(f"{_W}tr")
    if len(rows) > MAX_ROWS:
        _refuse_large_table(len(rows), 0, f"{len(rows)} rows")
    for row in rows:
        width = 0
        for cell in row.iter(f"{_W}tc"):
            span = cell.find(f"{_W}tcPr/{_W}gridSpan")
            value = span.get(f"{_W}val", "1") if span is not None else "1"
            width += int(value) if value.isdigit() and len(value) < 10 else MAX_COLUMNS + 1
            if width > MAX_COLUMNS:
                _refuse_large_table(0, width, f"{width} columns")


def _docx_rows(raw: bytes) -> list[Row]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(raw))
        rows: list[Row] = []
        for element in document.element.body.iterchildren():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "p":
                rows.append(Row(0, (Paragraph(element, document).text.strip(),), paragraph=True))
            elif tag == "tbl":
                _refuse_large_word_table(element)
                rows += _docx_table(Table(element, document))
            if len(rows) > MAX_ROWS:
                _refuse_large_table(len(rows), 0, f"{len(rows)} rows")
        return rows
    except ReadError:
        raise
    except Exception as error:  # a corrupt file may fail anywhere inside python-docx
        raise ReadError("read.corrupt", kind=".docx", reason=str(error)) from None


def _docx_table(table: Any) -> list[Row]:
    """Rows of a Word table; a merged cell's continuation is an empty cell, as in pasted text."""
    rows = []
    above: list[Any] = []
    for number, row in enumerate(table.rows, 1):
        cells = list(row.cells)
        texts = []
        for index, cell in enumerate(cells):
            repeated = (index > 0 and cell._tc is cells[index - 1]._tc) or (
                index < len(above) and cell._tc is above[index]._tc
            )
            texts.append("" if repeated else "\n".join(p.text.strip() for p in cell.paragraphs).strip())
        above = cells
        rows.append(Row(number, tuple(texts)))
    return rows
