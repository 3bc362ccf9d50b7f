"""``tavoitteet form YEAR -o lomake.xlsx``: a fill-in workbook for the people who report outcomes.

One row per indicator (per category for a per-category count) with where it
belongs, its target, the latest value and its date and its id; the input
columns *Arvo*, *Päivämäärä*, *Kirjaaja*, *Lähde*, *Kommentti* are the only
unlocked cells, each row with Excel data validation that fits its indicator.
``tavoitteet record --from lomake.xlsx`` (:mod:`tavoitteet.commands.formread`)
reads it back.  The sheet *Tiedot* (hidden) names the year the form is of.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tavoitteet import errors
from tavoitteet.commands import viewing
from tavoitteet.commands.recordfind import Found, indicators_in
from tavoitteet.core.entries import latest_counting
from tavoitteet.core.model import (
    CategoryIndicator,
    DeadlineIndicator,
    NumberIndicator,
    Person,
    YesNoIndicator,
)
from tavoitteet.core.parsing import ValueParseError
from tavoitteet.core.values import parse_value
from tavoitteet.files.discovery import year_files
from tavoitteet.words.i18n import Lang

MARKER = "tavoitteet-lomake"
FORM_VERSION = 1
ENTRY_SHEET = "Kirjaus"
INFO_SHEET = "Tiedot"
HELP_SHEET = "Ohjeet"

SHOWN = ("Lautakunta", "Tehtäväalue", "Tavoite", "Mittari", "Tavoitetaso", "Viimeisin arvo", "Pvm", "Tunnus")
INPUTS = ("Arvo", "Päivämäärä", "Kirjaaja", "Lähde", "Kommentti")
HIDDEN = ("Tiedosto", "Luokka", "Vuosi")
HEADERS = (*SHOWN, *INPUTS, *HIDDEN)
WIDTHS = (18, 18, 34, 30, 30, 14, 11, 22, 14, 12, 16, 20, 30, 14, 10, 6)

INSTRUCTIONS = (
    "Toteumien kirjauslomake {year}",
    "",
    "Täytä välilehdellä Kirjaus jokaisen mittarin toteuma: vain sarakkeet Arvo, Päivämäärä, Kirjaaja, Lähde ja "
    "Kommentti ovat muokattavia.",
    "Arvo: kyllä/ei-mittarille kyllä tai ei; lukumittarille luku (esim. 12 tai 1 234,5); määräaikamittarille "
    "valmistumispäivä (esim. 15.11.2024) tai ei; luokittaiselle mittarille kunkin luokan luku omalle rivilleen.",
    "Päivämäärä: päivä, jolta arvo on, muodossa 31.12.{year}. Tyhjä päivämäärä tarkoittaa vuoden viimeistä "
    "päivää, kun vuosi on päättynyt, muuten kirjauspäivää.",
    "Kirjaaja: kuka arvon ilmoittaa. Lähde: mistä arvo on (raportti, järjestelmä, pöytäkirja). Kommentti: "
    "vapaa selitys.",
    "Jätä rivi tyhjäksi, jos arvoa ei vielä ole. Älä muuta Tunnus-saraketta äläkä lisää tai poista rivejä.",
    "Palauta tiedosto sihteerille. Hän kirjaa arvot komennolla: tavoitteet record --from lomake.xlsx",
    "Saman lomakkeen voi lukea uudelleen: jo kirjattuja arvoja ei kirjata toiseen kertaan.",
)


@dataclass(frozen=True, slots=True)
class FormRow:
    found: Found
    category: str | None = None


def run(
    year: int,
    output: Path,
    committee: str | None,
    responsible: str | None,
    only_missing: bool,
    lang: Lang,
    data: Path | None = None,
) -> int:
    if output.suffix.lower() != ".xlsx":
        raise errors.UserError(
            "tavoitteet: " + ("-o needs a .xlsx file." if lang == "en" else "-o tarvitsee .xlsx-tiedoston."),
            errors.USAGE,
        )
    root = viewing.data_root(data, lang)
    rows = form_rows(root, year, committee, responsible, only_missing, lang)
    workbook = build(year, rows, date.today())
    temporary = output.with_name(f".{output.name}.tmp")
    try:
        workbook.save(temporary)
        temporary.replace(output)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise errors.UserError(f"tavoitteet: {output}: {error.strerror or error}", errors.PROBLEMS) from None
    indicators = len({(r.found.path, r.found.indicator.id) for r in rows})
    if lang == "en":
        sys.stdout.write(f"Wrote {output}: {indicators} indicators of {year} ({len(rows)} rows).\n")
    else:
        sys.stdout.write(f"Kirjoitettu {output}: vuoden {year} mittarit {indicators} ({len(rows)} riviä).\n")
    return errors.OK


def person_text(person: Person | None) -> str | None:
    if person is None:
        return None
    return " ".join(part for part in (person.title, person.name) if part)


def responsible_of(found: Found) -> str | None:
    """The indicator's responsible person, else its goal's, else its area's."""
    for person in (found.indicator.responsible, found.goal.responsible, found.area.responsible):
        if (text := person_text(person)) is not None:
            return text
    return None


def is_open(found: Found) -> bool:
    """No entry that counts and no level set by hand."""
    return latest_counting(found.indicator.entries) is None and found.indicator.manual_level is None


def selected(
    root: Path, year: int, committee: str | None, responsible: str | None, only_missing: bool, lang: Lang
) -> list[Found]:
    years = year_files(root)
    if year not in years:
        shown = ", ".join(str(y) for y in sorted(years)) or "-"
        raise errors.UserError(
            "tavoitteet: "
            + (
                f"no goal files for {year} (years: {shown})."
                if lang == "en"
                else f"vuodelle {year} ei ole tavoitetiedostoja (vuodet: {shown})."
            ),
            errors.PROBLEMS,
        )
    found = [f for path in years[year] for f in indicators_in(year, path)]
    return [
        f
        for f in found
        if _matches(committee, f.goal_file.committee, f.path.stem)
        and _matches(responsible, responsible_of(f) or "")
        and (not only_missing or is_open(f))
    ]


def form_rows(
    root: Path, year: int, committee: str | None, responsible: str | None, only_missing: bool, lang: Lang
) -> list[FormRow]:
    rows = []
    for found in selected(root, year, committee, responsible, only_missing, lang):
        if isinstance(found.indicator, CategoryIndicator):
            rows += [FormRow(found, category) for category in found.indicator.categories]
        else:
            rows.append(FormRow(found))
    return rows


def _matches(wanted: str | None, *candidates: str) -> bool:
    if wanted is None:
        return True
    text = wanted.strip().casefold()
    return any(text in c.casefold() for c in candidates if c)


def latest_shown(row: FormRow) -> tuple[str, date | None]:
    """The latest value (of the row's category) as a reader writes it, and its date."""
    from tavoitteet.words.labels import value_text

    latest = latest_counting(row.found.indicator.entries)
    if latest is None or latest[1].value is None:
        return "", None
    entry = latest[1]
    try:
        value = parse_value(row.found.indicator, entry.value)  # type: ignore[arg-type]
    except ValueParseError:
        return str(entry.value), entry.date
    if row.category is not None:
        if not isinstance(value, dict) or row.category not in value:
            return "", None
        from tavoitteet.words.labels import number

        return number(value[row.category], "fi"), entry.date
    return value_text(row.found.indicator, value, "fi"), entry.date


def build(year: int, rows: list[FormRow], today: date) -> Any:
    """The workbook (openpyxl ``Workbook``)."""
    from openpyxl import Workbook  # type: ignore[import-untyped]  # no stubs
    from openpyxl.styles import Alignment, Font, PatternFill, Protection  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    workbook = Workbook()
    help_sheet = workbook.active
    help_sheet.title = HELP_SHEET
    for number, line in enumerate(INSTRUCTIONS, 1):
        cell = help_sheet.cell(number, 1, line.format(year=year))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    help_sheet["A1"].font = Font(bold=True, size=14)
    help_sheet.column_dimensions["A"].width = 110

    sheet = workbook.create_sheet(ENTRY_SHEET)
    sheet.append(list(HEADERS))
    bold, shaded = Font(bold=True), PatternFill("solid", fgColor="FFF2CC")
    for column, width in enumerate(WIDTHS, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
        sheet.cell(1, column).font = bold
        sheet.cell(1, column).alignment = Alignment(wrap_text=True, vertical="top")
    for column in range(len(SHOWN) + len(INPUTS) + 1, len(HEADERS) + 1):
        sheet.column_dimensions[get_column_letter(column)].hidden = True
    validations = _validations(sheet)
    first_input = len(SHOWN) + 1
    for number, row in enumerate(rows, 2):
        found = row.found
        latest, latest_day = latest_shown(row)
        unit = getattr(found.indicator, "unit", None)
        name = found.indicator.name or found.indicator.id
        shown = [
            found.goal_file.committee,
            found.area.name,
            found.goal.title,
            f"{name} – {row.category}" if row.category else name,
            f"{found.indicator.target_text} ({unit})" if unit else found.indicator.target_text,
            latest,
            latest_day,
            found.indicator.id,
            None,
            None,
            None,
            None,
            None,
            found.path.stem,
            row.category,
            year,
        ]
        for column, value in enumerate(shown, 1):
            cell = sheet.cell(number, column, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.protection = Protection(locked=True)
        sheet.cell(number, 7).number_format = "D.M.YYYY"
        sheet.cell(number, first_input + 1).number_format = "D.M.YYYY"
        for column in range(first_input, first_input + len(INPUTS)):
            sheet.cell(number, column).protection = Protection(locked=False)
            sheet.cell(number, column).fill = shaded
        value_cell = f"{get_column_letter(first_input)}{number}"
        validations[_kind(row)].add(value_cell)
        validations["date"].add(f"{get_column_letter(first_input + 1)}{number}")
    sheet.freeze_panes = "A2"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_area = f"A1:{get_column_letter(len(SHOWN) + len(INPUTS))}{max(len(rows) + 1, 2)}"
    workbook.active = 1

    info = workbook.create_sheet(INFO_SHEET)
    info.append([MARKER, FORM_VERSION])
    info.append(["vuosi", year])
    info.append(["tehty", today])
    info.sheet_state = "hidden"
    return workbook


def _kind(row: FormRow) -> str:
    indicator = row.found.indicator
    if row.category is not None:
        return "count"
    if isinstance(indicator, YesNoIndicator):
        return "yes_no"
    if isinstance(indicator, DeadlineIndicator):
        return "deadline"
    if isinstance(indicator, NumberIndicator) or indicator.kind in ("kehitys", "seuranta"):
        return "number"
    return "text"


def _validations(sheet: Any) -> dict[str, Any]:
    from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

    def made(kind: str, title: str, text: str, style: str = "stop", **args: Any) -> Any:
        validation = DataValidation(allow_blank=True, showErrorMessage=True, errorStyle=style, **args)
        validation.errorTitle, validation.error = title, text
        validation.promptTitle, validation.prompt, validation.showInputMessage = title, text, True
        sheet.add_data_validation(validation)
        return validation

    return {
        "yes_no": made("yes_no", "Kyllä vai ei", "Valitse kyllä tai ei.", type="list", formula1='"kyllä,ei"'),
        "number": made(
            "number",
            "Luku",
            "Kirjoita luku, esim. 12 tai 1 234,5.",
            type="decimal",
            operator="between",
            formula1="-1000000000000",
            formula2="1000000000000",
        ),
        "count": made(
            "count",
            "Lukumäärä",
            "Kirjoita luokan lukumäärä kokonaislukuna (0 tai enemmän).",
            type="whole",
            operator="greaterThanOrEqual",
            formula1="0",
        ),
        "deadline": made(
            "deadline",
            "Valmistumispäivä",
            "Kirjoita valmistumispäivä (esim. 15.11.2024) tai ei.",
            "warning",
            type="date",
            operator="greaterThan",
            formula1="1",
        ),
        "date": made(
            "date",
            "Päivämäärä",
            "Päivä, jolta arvo on, esim. 31.12.2024.",
            type="date",
            operator="greaterThan",
            formula1="1",
        ),
        "text": made(
            "text",
            "Arvo",
            "Kirjoita arvio tekstinä.",
            type="textLength",
            operator="lessThan",
            formula1="10000",
        ),
    }
