"""``tavoitteet record --from lomake.xlsx``: the filled rows of a form made by ``tavoitteet form``.

Every filled row is checked first; each problem names the sheet, row and
column.  If any row is refused nothing is written (with ``--partial`` the good
rows are).  Values already recorded (the same date, value, recorder, source
and comment) are not recorded again, so reading the same workbook twice adds
nothing the second time.  All files are written together under their locks
(:func:`tavoitteet.files.writer.record_files`).
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from tavoitteet import errors
from tavoitteet.commands import form, recordyear, viewing
from tavoitteet.commands.recordfind import Found, indicators_in
from tavoitteet.commands.recordvalue import FORBIDDEN, RecordValueError, parse_record_value
from tavoitteet.core.entries import effective
from tavoitteet.core.model import CategoryIndicator
from tavoitteet.core.parsing import ValueParseError, format_date, format_number, parse_date, parse_number
from tavoitteet.files.discovery import year_files
from tavoitteet.files.writer import Change, NewEntry, WriteRefused, record_files
from tavoitteet.render.problems import display_path
from tavoitteet.words.i18n import Lang

MAX_BYTES = 20_000_000
MAX_UNPACKED = 50_000_000

_WORDS = {
    "fi": {
        "where": "{sheet}, rivi {row}, sarake {column} ({header})",
        "not_form": "{file} ei ole tavoitteet form -komennolla tehty lomake (välilehti Tiedot puuttuu tai on muutettu). "
        "Tee lomake komennolla tavoitteet form VUOSI -o lomake.xlsx.",
        "unreadable": "{file}: tiedostoa ei voi lukea Excel-työkirjana ({reason}).",
        "too_large": "{file}: tiedosto on liian suuri lomakkeeksi.",
        "no_year": "lomake on vuodelta {year}, mutta vuodelle {year} ei ole tavoitetiedostoja (vuodet: {years}).",
        "wrong_year": "lomake on vuodelta {year}, mutta --year on {wanted}. Jos lomake on oikea, jätä --year pois; "
        "muuten tee vuoden {wanted} lomake: tavoitteet form {wanted} -o lomake.xlsx.",
        "row_year": "rivi on vuoden {row_year} lomakkeelta, tämä lomake on vuodelta {year}; kopioi arvo vuoden "
        "{year} lomakkeelle tai kirjaa se erikseen (tavoitteet record {id} ARVO --year {row_year}).",
        "removed": "mittaria '{id}' ei ole vuoden {year} tavoitteissa ({file}); se on poistettu tai sen tunnus on "
        "muuttunut lomakkeen teon jälkeen. Tarkista tunnus (tavoitteet list {year}) ja tee uusi lomake.",
        "no_id": "rivillä on arvo mutta ei tunnusta; älä muuta Tunnus-saraketta.",
        "no_value": "arvo puuttuu, vaikka rivin muita kirjaussarakkeita on täytetty; kirjoita arvo tai tyhjennä rivi.",
        "bad_day": "'{text}' ei ole päivämäärä; kirjoita esim. 31.12.{year}.",
        "bad_char": "tekstissä on merkki, jota tiedostoon ei voi kirjoittaa (U+{code}); poista se.",
        "date_value": "arvo on päivämäärä, mutta mittari ei ole määräaika; kirjoita {expected}.",
        "category": "luokan '{category}' arvo '{text}' ei ole lukumäärä; kirjoita kokonaisluku, esim. 12.",
        "negative": "luokan '{category}' lukumäärä {text} on negatiivinen; kirjoita 0 tai enemmän.",
        "twice": "luokka '{category}' on lomakkeella kahdesti ({rows}).",
        "same_twice": "mittari '{id}' on lomakkeella kahdesti samalla päivämäärällä (rivit {rows}); jätä yksi.",
        "refused": "Lomakkeelta ei kirjattu mitään: {count} ongelmaa. Korjaa ne ja lue lomake uudelleen, tai kirjaa "
        "kelvolliset rivit valinnalla --partial.",
        "partial": "Ongelmallisia rivejä ei kirjattu ({count} ongelmaa); kelvolliset kirjattiin.",
        "added": "Kirjattu lomakkeelta {file}:",
        "committee": "  {committee}: {count} kirjausta",
        "already": "Jo kirjattuja arvoja (ei kirjattu uudelleen): {count}.",
        "nothing_new": "Lomakkeella ei ollut uusia kirjauksia: kaikki {count} täytettyä arvoa on jo kirjattu.",
        "empty": "Lomakkeella ei ole täytettyjä rivejä; mitään ei kirjattu.",
    },
    "en": {
        "where": "{sheet}, row {row}, column {column} ({header})",
        "not_form": "{file} is not a form made by tavoitteet form (the sheet Tiedot is missing or changed). "
        "Make one with tavoitteet form YEAR -o lomake.xlsx.",
        "unreadable": "{file}: the file cannot be read as an Excel workbook ({reason}).",
        "too_large": "{file}: the file is too large for a form.",
        "no_year": "the form is of {year}, but there are no goal files for {year} (years: {years}).",
        "wrong_year": "the form is of {year}, but --year is {wanted}. If the form is right, leave out --year; "
        "otherwise make {wanted}'s form: tavoitteet form {wanted} -o lomake.xlsx.",
        "row_year": "the row comes from {row_year}'s form, this form is of {year}; copy the value into {year}'s form "
        "or record it separately (tavoitteet record {id} VALUE --year {row_year}).",
        "removed": "the indicator '{id}' is not among {year}'s goals ({file}); it was removed or its id changed "
        "after the form was made. Check the id (tavoitteet list {year}) and make a new form.",
        "no_id": "the row has a value but no id; do not change the Tunnus column.",
        "no_value": "the value is missing although other input columns of the row are filled; write the value or "
        "clear the row.",
        "bad_day": "'{text}' is not a date; write e.g. 31.12.{year}.",
        "bad_char": "the text contains a character that cannot be written into the file (U+{code}); remove it.",
        "date_value": "the value is a date, but the indicator is not a deadline; write {expected}.",
        "category": "the value '{text}' of the category '{category}' is not a count; write a whole number, e.g. 12.",
        "negative": "the count {text} of the category '{category}' is negative; write 0 or more.",
        "twice": "the category '{category}' is on the form twice ({rows}).",
        "same_twice": "the indicator '{id}' is on the form twice with the same date (rows {rows}); keep one.",
        "refused": "Nothing was recorded from the form: {count} problems. Fix them and read the form again, or "
        "record the good rows with --partial.",
        "partial": "Rows with problems were not recorded ({count} problems); the good ones were.",
        "added": "Recorded from {file}:",
        "committee": "  {committee}: {count} entries",
        "already": "Values already recorded (not recorded again): {count}.",
        "nothing_new": "The form had nothing new: all {count} filled values are already recorded.",
        "empty": "The form has no filled rows; nothing was recorded.",
    },
}


@dataclass
class Row:
    """One filled row of the form."""

    number: int
    cells: dict[str, Any]

    def text(self, header: str) -> str | None:
        value = self.cells.get(header)
        if value is None:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        return text or None


@dataclass
class Planned:
    """What the form's good rows add, per file."""

    edits: dict[Path, list[tuple[str, list[Change]]]] = field(default_factory=lambda: defaultdict(list))
    committees: dict[Path, str] = field(default_factory=dict)
    already: int = 0
    filled: int = 0


def run(
    source: Path,
    year: int | None,
    partial: bool,
    lang: Lang,
    data: Path | None = None,
    extra: str | None = None,
) -> int:
    words = _WORDS[lang]
    if extra is not None:
        raise errors.UserError(
            "tavoitteet: "
            + (
                "--from reads a whole form; leave out the id."
                if lang == "en"
                else "--from lukee koko lomakkeen; jätä tunnus pois."
            ),
            errors.USAGE,
        )
    root = viewing.data_root(data, lang)
    workbook = _open(source, words)
    form_year = _form_year(workbook, source, words)
    if year is not None and year != form_year:
        raise errors.UserError(
            "tavoitteet: " + words["wrong_year"].format(year=form_year, wanted=year), errors.USAGE
        )
    years = year_files(root)
    if form_year not in years:
        shown = ", ".join(str(y) for y in sorted(years)) or "-"
        raise errors.UserError("tavoitteet: " + words["no_year"].format(year=form_year, years=shown))
    sheet = workbook[form.ENTRY_SHEET]
    headers, rows = _rows(sheet)
    problems: list[str] = []
    planned = _plan(root, form_year, headers, rows, problems, date.today(), lang)
    if problems:
        for problem in sorted(problems, key=_row_order):
            sys.stderr.write(f"{display_path(source)}: {problem}\n")
        if not partial:
            sys.stderr.write(words["refused"].format(count=len(problems)) + "\n")
            return errors.PROBLEMS
        sys.stderr.write(words["partial"].format(count=len(problems)) + "\n")
    written = _write(planned, lang)
    sys.stdout.write(summary(source, planned, written, words))
    return errors.PROBLEMS if problems else errors.OK


def _row_order(problem: str) -> tuple[int, str]:
    found = re.search(r"(?:rivi|row) (\d+)", problem)
    return (int(found.group(1)) if found else 0, problem)


def summary(source: Path, planned: Planned, written: dict[str, int], words: dict[str, str]) -> str:
    if not planned.filled:
        return words["empty"] + "\n"
    if not written:
        return words["nothing_new"].format(count=planned.already) + "\n"
    lines = [words["added"].format(file=display_path(source))]
    lines += [words["committee"].format(committee=c, count=n) for c, n in sorted(written.items())]
    if planned.already:
        lines.append(words["already"].format(count=planned.already))
    return "\n".join(lines) + "\n"


def _write(planned: Planned, lang: Lang) -> dict[str, int]:
    edits = {path: items for path, items in planned.edits.items() if items}
    if not edits:
        return {}
    try:
        record_files(edits)
    except WriteRefused as refused:
        raise errors.UserError(f"tavoitteet: {refused.describe(lang)}", errors.PROBLEMS) from None
    counts: dict[str, int] = defaultdict(int)
    for path, items in edits.items():
        counts[planned.committees[path]] += sum(len(changes) for _id, changes in items)
    return dict(counts)


def _open(source: Path, words: dict[str, str]) -> Any:
    import openpyxl  # type: ignore[import-untyped]  # no stubs; only plain values are read

    shown = display_path(source)
    try:
        raw = source.read_bytes()
    except OSError as error:
        raise errors.UserError(
            "tavoitteet: " + words["unreadable"].format(file=shown, reason=error.strerror or error),
            errors.USAGE,
        ) from None
    if len(raw) > MAX_BYTES:
        raise errors.UserError("tavoitteet: " + words["too_large"].format(file=shown), errors.USAGE)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(p.file_size for p in archive.infolist() if p.filename.endswith((".xml", ".rels")))
        if unpacked > MAX_UNPACKED:
            raise errors.UserError("tavoitteet: " + words["too_large"].format(file=shown), errors.USAGE)
        return openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
    except errors.UserError:
        raise
    except Exception as error:  # a corrupt file may fail anywhere inside zipfile or openpyxl
        reason = type(error).__name__
        raise errors.UserError(
            "tavoitteet: " + words["unreadable"].format(file=shown, reason=reason), errors.USAGE
        ) from None


def _form_year(workbook: Any, source: Path, words: dict[str, str]) -> int:
    not_form = errors.UserError(
        "tavoitteet: " + words["not_form"].format(file=display_path(source)), errors.USAGE
    )
    if form.INFO_SHEET not in workbook.sheetnames or form.ENTRY_SHEET not in workbook.sheetnames:
        raise not_form
    info = {row[0]: row[1] for row in workbook[form.INFO_SHEET].iter_rows(values_only=True, max_col=2) if row}
    year = info.get("vuosi")
    if form.MARKER not in info or not isinstance(year, int | float) or not 1900 <= int(year) <= 2999:
        raise not_form
    return int(year)


def _rows(sheet: Any) -> tuple[dict[str, int], list[Row]]:
    values = list(sheet.iter_rows(values_only=True))
    if not values:
        return {}, []
    headers = {str(h).strip(): i for i, h in enumerate(values[0]) if h is not None}
    rows = []
    for number, cells in enumerate(values[1:], 2):
        row = Row(number, {h: cells[i] if i < len(cells) else None for h, i in headers.items()})
        if any(row.text(h) is not None for h in form.INPUTS):
            rows.append(row)
    return headers, rows


def _plan(
    root: Path,
    year: int,
    headers: dict[str, int],
    rows: list[Row],
    problems: list[str],
    today: date,
    lang: Lang,
) -> Planned:
    words = _WORDS[lang]
    planned = Planned()
    found_by_key = {
        (f.path.stem, f.indicator.id): f for path in year_files(root)[year] for f in indicators_in(year, path)
    }
    by_id: dict[str, list[Found]] = defaultdict(list)
    for found in found_by_key.values():
        by_id[found.indicator.id].append(found)

    def where(row: Row, header: str) -> str:
        from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

        column = get_column_letter(headers.get(header, 0) + 1)
        return words["where"].format(sheet=form.ENTRY_SHEET, row=row.number, column=column, header=header)

    groups: dict[tuple[Path, str, date], list[tuple[Row, Found]]] = defaultdict(list)
    for row in rows:
        before = len(problems)
        match = _row_indicator(row, year, found_by_key, by_id, words, problems, where)
        if match is None:
            continue
        if row.text("Arvo") is None:
            problems.append(f"{where(row, 'Arvo')}: {words['no_value']}")
            continue
        for header in ("Kirjaaja", "Lähde", "Kommentti"):
            if (bad := FORBIDDEN.search(row.text(header) or "")) is not None:
                problems.append(
                    f"{where(row, header)}: " + words["bad_char"].format(code=f"{ord(bad.group()):04X}")
                )
        day = _row_day(row, match, today, words, problems, where, lang)
        if day is None or len(problems) > before:
            continue
        groups[(match.path, match.indicator.id, day)].append((row, match))
    for (path, _id, day), members in groups.items():
        entry = _entry(members, day, words, problems, where, lang)
        if entry is None:
            continue
        found = members[0][1]
        planned.filled += 1
        if _already(found, entry):
            planned.already += 1
            continue
        planned.committees[path] = found.goal_file.committee
        planned.edits[path].append((found.indicator.id, [entry]))
    return planned


def _row_indicator(
    row: Row,
    year: int,
    found_by_key: dict[tuple[str, str], Found],
    by_id: dict[str, list[Found]],
    words: dict[str, str],
    problems: list[str],
    where: Any,
) -> Found | None:
    indicator_id, stem = row.text("Tunnus"), row.text("Tiedosto") or ""
    if indicator_id is None:
        problems.append(f"{where(row, 'Tunnus')}: {words['no_id']}")
        return None
    row_year = row.text("Vuosi")
    if row_year is not None and row_year != str(year):
        problems.append(
            f"{where(row, 'Tunnus')}: "
            + words["row_year"].format(row_year=row_year, year=year, id=indicator_id)
        )
        return None
    found: Found | None = found_by_key.get((stem, indicator_id))
    if found is None and len(by_id.get(indicator_id, [])) == 1:
        found = by_id[indicator_id][0]
    if found is None:
        file = f"data/{year}/{stem}.yaml" if stem else f"data/{year}/"
        problems.append(
            f"{where(row, 'Tunnus')}: " + words["removed"].format(id=indicator_id, year=year, file=file)
        )
    return found


def _row_day(
    row: Row, found: Found, today: date, words: dict[str, str], problems: list[str], where: Any, lang: Lang
) -> date | None:
    value = row.cells.get("Päivämäärä")
    if value is None or (isinstance(value, str) and not value.strip()):
        return recordyear.default_day(found.year, today)
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    else:
        try:
            day = parse_date(str(value).strip())
        except ValueParseError:
            problems.append(
                f"{where(row, 'Päivämäärä')}: " + words["bad_day"].format(text=value, year=found.year)
            )
            return None
    problem = recordyear.day_problem(day, found.year, today, found.indicator.id, lang)
    if problem is not None:
        problems.append(f"{where(row, 'Päivämäärä')}: {problem}")
        return None
    return day


def _typed(value: Any) -> str:
    """A cell's value as the user would have typed it: 12,5 for the number 12.5; 31.12.2024 for a date."""
    if isinstance(value, bool):
        return "kyllä" if value else "ei"
    if isinstance(value, datetime | date):
        return format_date(value.date() if isinstance(value, datetime) else value)
    if isinstance(value, float):
        return format_number(Decimal(repr(value))) if not value.is_integer() else str(int(value))
    return str(value).strip()


def _entry(
    members: list[tuple[Row, Found]],
    day: date,
    words: dict[str, str],
    problems: list[str],
    where: Any,
    lang: Lang,
) -> NewEntry | None:
    first, found = members[0]
    indicator = found.indicator
    by, source, comment = (_joined(members, h) for h in ("Kirjaaja", "Lähde", "Kommentti"))
    if isinstance(indicator, CategoryIndicator):
        counts: dict[str, str] = {}
        rows: dict[str, list[int]] = defaultdict(list)
        for row, _found in members:
            category = row.text("Luokka") or ""
            text = _typed(row.cells.get("Arvo"))
            rows[category].append(row.number)
            try:
                number = parse_number(text)
            except ValueParseError:
                problems.append(
                    f"{where(row, 'Arvo')}: " + words["category"].format(category=category, text=text)
                )
                continue
            if number != number.to_integral_value():
                problems.append(
                    f"{where(row, 'Arvo')}: " + words["category"].format(category=category, text=text)
                )
            elif number < 0:
                problems.append(
                    f"{where(row, 'Arvo')}: " + words["negative"].format(category=category, text=text)
                )
            elif category in counts:
                problems.append(
                    f"{where(row, 'Luokka')}: "
                    + words["twice"].format(category=category, rows=", ".join(map(str, rows[category])))
                )
            else:
                counts[category] = format_number(number)
        if len(counts) != len(members):
            return None
        ordered = {c: counts[c] for c in indicator.categories if c in counts}
        return NewEntry(day, ordered, by, source, comment)
    if len(members) > 1:
        numbers = ", ".join(str(row.number) for row, _found in members)
        problems.append(
            f"{where(members[-1][0], 'Tunnus')}: " + words["same_twice"].format(id=indicator.id, rows=numbers)
        )
        return None
    raw = first.cells.get("Arvo")
    text = _typed(raw)
    if isinstance(raw, datetime | date) and indicator.kind != "määräaika":
        from tavoitteet.core.values import expected_values

        problems.append(
            f"{where(first, 'Arvo')}: "
            + words["date_value"].format(expected=expected_values(indicator, lang))
        )
        return None
    try:
        value = parse_record_value(indicator, text).text
    except RecordValueError as error:
        problems.append(f"{where(first, 'Arvo')}: {error.describe(lang)}")
        return None
    return NewEntry(day, value, by, source, comment)


def _joined(members: list[tuple[Row, Found]], header: str) -> str | None:
    texts = []
    for row, _found in members:
        if (text := row.text(header)) is not None and text not in texts:
            texts.append(text)
    return "; ".join(texts) or None


def _already(found: Found, entry: NewEntry) -> bool:
    """An entry that counts has the same date, value, recorder, source and comment."""
    return any(
        (e.date, e.value, e.by, e.source, e.comment)
        == (entry.day, entry.value, entry.by, entry.source, entry.comment)
        for e in effective(found.indicator.entries)
    )
