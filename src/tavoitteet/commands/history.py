"""``tavoitteet history [YEAR]``: the year's latest realization entries, newest first."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table

from tavoitteet import errors
from tavoitteet.commands.recordfind import Found, indicators_in
from tavoitteet.commands.recordprompt import choose_year
from tavoitteet.commands.viewing import data_root
from tavoitteet.discovery import year_files
from tavoitteet.i18n import Lang
from tavoitteet.loader import load_file
from tavoitteet.model import Entry, Indicator
from tavoitteet.parsing import format_date
from tavoitteet.render.problems import display_path

_HEADERS = {
    "fi": ("Pvm", "Lautakunta", "Mittari", "Arvo", "Kirjaaja", "Kommentti"),
    "en": ("Date", "Committee", "Indicator", "Value", "By", "Comment"),
}


@dataclass(frozen=True, slots=True)
class Row:
    """One entry with where it belongs."""

    day: date
    committee: str
    indicator: str
    value: str
    by: str | None
    comment: str | None
    source: str | None
    file: str
    measured: Indicator
    entry: Entry


def run(year: int | None, limit: int, as_json: bool, lang: Lang, data: Path | None = None) -> int:
    root = data_root(data, lang)
    chosen = choose_year(root, year, lang)
    paths = year_files(root)[chosen]
    broken = [p for p in paths if load_file(p).goal_file is None]
    rows = latest(entries_of([f for p in paths for f in indicators_in(chosen, p)]), limit)
    if as_json:
        sys.stdout.write(render_json(chosen, rows, lang))
    else:
        Console(highlight=False, soft_wrap=False, emoji=False).print(render_table(chosen, rows, lang))
    for path in broken:
        sys.stderr.write(_broken(path, lang))
    return errors.PROBLEMS if broken else errors.OK


def entries_of(found: list[Found]) -> list[Row]:
    return [_row(f, entry) for f in found for entry in f.indicator.entries]


def latest(rows: list[Row], limit: int) -> list[Row]:
    """Newest first; entries of the same day keep the file's order reversed (later written first)."""
    ordered = sorted(enumerate(rows), key=lambda pair: (pair[1].day, pair[0]), reverse=True)
    chosen = [row for _index, row in ordered]
    return chosen[:limit] if limit > 0 else chosen


def _row(found: Found, entry: Entry) -> Row:
    return Row(
        entry.date,
        found.goal_file.committee,
        found.indicator.id,
        value_text(entry),
        entry.by,
        entry.comment,
        entry.source,
        display_path(found.path),
        found.indicator,
        entry,
    )


def value_text(entry: Entry) -> str:
    if entry.value is None:
        return f"puuttuu: {entry.missing_reason}"
    if isinstance(entry.value, dict):
        return ", ".join(f"{k}: {v}" for k, v in entry.value.items())
    return entry.value


def render_table(year: int, rows: list[Row], lang: Lang) -> Table:
    title = f"Kirjaukset {year}" if lang == "fi" else f"Entries {year}"
    table = Table(title=title, show_lines=False)
    for header in _HEADERS[lang]:
        table.add_column(header, overflow="fold")
    for row in rows:
        shown_day = format_date(row.day, lang)
        table.add_row(shown_day, row.committee, row.indicator, row.value, row.by or "", row.comment or "")
    return table


def render_json(year: int, rows: list[Row], lang: Lang) -> str:
    """As the other views' JSON (docs/json.md): each entry as a ``toteuma`` with where it belongs."""
    from tavoitteet.render import json_views

    items = [
        {
            "lautakunta": row.committee,
            "mittari": row.indicator,
            **json_views.entry(row.measured, row.entry, lang),
            "tiedosto": row.file,
        }
        for row in rows
    ]
    document = {"versio": 1, "nakyma": "historia", "kieli": lang, "vuosi": year, "kirjaukset": items}
    return json_views.dumps(document)


def _broken(path: Path, lang: Lang) -> str:
    if lang == "en":
        return (
            f"tavoitteet: {display_path(path)} has errors; its entries are not shown (tavoitteet validate).\n"
        )
    return f"tavoitteet: tiedostossa {display_path(path)} on virheitä; sen kirjauksia ei näytetä (tavoitteet validate).\n"
