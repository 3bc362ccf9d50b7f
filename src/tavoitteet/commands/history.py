"""``tavoitteet history [YEAR]``: the year's latest realization entries, newest first."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rich.table import Table
from rich.text import Text

from tavoitteet import errors
from tavoitteet.commands import terminal
from tavoitteet.commands.recordfind import Found, committee_label, committee_matches, indicators_in
from tavoitteet.commands.recordprompt import choose_year
from tavoitteet.commands.viewing import data_root
from tavoitteet.core.evaluation import Status
from tavoitteet.core.model import Entry, Indicator, ManualLevel
from tavoitteet.core.parsing import ValueParseError, format_date
from tavoitteet.core.values import parse_value
from tavoitteet.files.discovery import year_files
from tavoitteet.files.loader import load_file
from tavoitteet.render.problems import display_path
from tavoitteet.render.status import view_table
from tavoitteet.words.entry_labels import entry_marks
from tavoitteet.words.i18n import Lang
from tavoitteet.words.labels import label, status_name, value_text

_HEADERS = {
    "fi": ("Pvm", "Lautakunta", "Mittari", "Arvo", "Kirjaaja", "Kommentti"),
    "en": ("Date", "Committee", "Indicator", "Value", "By", "Comment"),
}


@dataclass(frozen=True, slots=True)
class Row:
    """One entry, or one level set by hand, with where it belongs."""

    day: date | None
    committee: str
    indicator: str
    by: str | None
    file: str
    measured: Indicator
    entry: Entry | None = None
    level: ManualLevel | None = None


def run(
    year: int | None,
    limit: int,
    as_json: bool,
    lang: Lang,
    data: Path | None = None,
    committee: str | None = None,
    municipality: str | None = None,
) -> int:
    root = data_root(data, lang)
    chosen = choose_year(root, year, lang)
    paths = year_files(root)[chosen]
    broken = [p for p in paths if _has_problems(p)]
    found = [
        f
        for p in paths
        if p not in broken
        for f in indicators_in(chosen, p)
        if committee_matches(f.goal_file, f.path, committee, municipality)
    ]
    rows = latest(entries_of(found), limit)
    if as_json:
        sys.stdout.write(render_json(chosen, rows, lang))
    elif not rows:
        terminal.print_view(
            [Text(f"Ei kirjauksia vuodelta {chosen}." if lang == "fi" else f"No entries in {chosen}.")]
        )
    else:
        terminal.print_view([render_table(chosen, rows, lang)])
    for path in broken:
        sys.stderr.write(_broken(path, lang))
    return errors.PROBLEMS if broken else errors.OK


def _has_problems(path: Path) -> bool:
    """A file that does not load, or loads with problems (a value out of bounds): named, and exit 1."""
    loaded = load_file(path)
    return loaded.goal_file is None or bool(loaded.problems)


def entries_of(found: list[Found]) -> list[Row]:
    """Every entry of the indicators, and every level set by hand, in the files' order."""
    rows = []
    for item in found:
        where = (committee_label(item.goal_file), item.indicator.id)
        file = display_path(item.path)
        rows += [Row(e.date, *where, e.by, file, item.indicator, entry=e) for e in item.indicator.entries]
        if (level := item.indicator.manual_level) is not None:
            rows.append(Row(level.date, *where, level.by, file, item.indicator, level=level))
    return rows


def latest(rows: list[Row], limit: int) -> list[Row]:
    """Newest first, levels without a date last; the same day keeps the file's order reversed."""
    ordered = sorted(
        enumerate(rows),
        key=lambda pair: (pair[1].day is not None, pair[1].day or date.min, pair[0]),
        reverse=True,
    )
    chosen = [row for _index, row in ordered]
    return chosen[:limit] if limit > 0 else chosen


def shown_value(row: Row, lang: Lang) -> str:
    """The value the reader's way (1 234,5; valmis 2.7.2024), ``puuttuu``, or the level set by hand."""
    if row.level is not None:
        return f"{status_name(Status(row.level.level), lang)} ({label('manual_mark', lang)})"
    assert row.entry is not None
    marks = entry_marks(row.measured.entries, row.entry, lang)
    if row.entry.withdraws is not None:
        return marks
    if row.entry.value is None:
        shown = label("missing", lang)
    else:
        try:
            shown = value_text(row.measured, parse_value(row.measured, row.entry.value), lang)
        except ValueParseError:
            shown = str(row.entry.value)
    return f"{shown} ({marks})" if marks else shown


def shown_comment(row: Row) -> str:
    if row.level is not None:
        return row.level.reason
    assert row.entry is not None
    return " ".join(t for t in (row.entry.missing_reason, row.entry.comment) if t)


def render_table(year: int, rows: list[Row], lang: Lang) -> Table:
    """Two lines per entry beside its date: the indicator and who recorded it, then the value and comment.

    Stacked rather than in six columns, so that ids stay whole and texts are
    wrapped at spaces even at 80 columns.
    """
    title = f"Kirjaukset {year}" if lang == "fi" else f"Entries {year}"
    committees = len({row.committee for row in rows}) > 1
    if rows and not committees:
        title += f" · {rows[0].committee}"
    table = view_table(title)
    day, committee, indicator, value, by, comment = _HEADERS[lang]
    table.add_column(day, no_wrap=True)
    table.add_column(f"{indicator} – {by}{f' ({committee})' if committees else ''}\n{value} – {comment}")
    for row in rows:
        shown_day = format_date(row.day, lang) if row.day else ""
        table.add_row(shown_day, _entry_text(row, committees, lang), end_section=True)
    return table


def _entry_text(row: Row, committees: bool, lang: Lang) -> Text:
    text = Text(row.measured.name or row.indicator, style="bold")
    if row.measured.name:
        text.append(f" ({row.indicator})")
    if row.by:
        text.append(f" – {row.by}")
    if committees:
        text.append(f" ({row.committee})")
    text.append(f"\n{shown_value(row, lang)}")
    if comment := shown_comment(row):
        text.append(f" – {comment}")
    return text


def render_json(year: int, rows: list[Row], lang: Lang) -> str:
    """As the other views' JSON (docs/json.md): each entry as a ``toteuma`` with where it belongs.

    Levels set by hand are listed apart, under ``kasin_asetetut``, as they are not entries.
    """
    from tavoitteet.render import json_views

    entries = [
        {
            "lautakunta": row.committee,
            "mittari": row.indicator,
            **json_views.entry(row.measured, row.entry, lang),
            "tiedosto": row.file,
        }
        for row in rows
        if row.entry is not None
    ]
    levels = [
        {
            "lautakunta": row.committee,
            "mittari": row.indicator,
            "taso": row.level.level,
            "taso_teksti": status_name(Status(row.level.level), lang),
            "perustelu": row.level.reason,
            "pvm": row.day.isoformat() if row.day else None,
            "asettaja": row.by,
            "tiedosto": row.file,
        }
        for row in rows
        if row.level is not None
    ]
    document = {
        "versio": json_views.JSON_VERSION,
        "nakyma": "historia",
        "kieli": lang,
        "vuosi": year,
        "kirjaukset": entries,
        "kasin_asetetut": levels,
    }
    return json_views.dumps(document)


def _broken(path: Path, lang: Lang) -> str:
    if lang == "en":
        return (
            f"tavoitteet: {display_path(path)} has errors; its entries are not shown (tavoitteet validate).\n"
        )
    return f"tavoitteet: tiedostossa {display_path(path)} on virheitä; sen kirjauksia ei näytetä (tavoitteet validate).\n"
