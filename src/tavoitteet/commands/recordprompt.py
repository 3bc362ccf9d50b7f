"""``tavoitteet record`` without an indicator: walk through the year's open indicators.

Each confirmed answer is written at once (atomically), so Ctrl-C or the end of
input stops with every confirmed answer saved and nothing half-written.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.prompt import Confirm, Prompt

from tavoitteet import errors
from tavoitteet.commands import record
from tavoitteet.commands.recordfind import Found, indicators_in
from tavoitteet.commands.recordvalue import RecordValueError, parse_record_value
from tavoitteet.core.values import expected_values
from tavoitteet.files.discovery import year_files
from tavoitteet.files.loader import load_file
from tavoitteet.files.writer import NewEntry
from tavoitteet.render.problems import display_path
from tavoitteet.words.i18n import Lang

_TEXT = {
    "fi": {
        "none": "Vuodelta {year} ei ole kirjaamattomia mittareita{filters}.\n",
        "intro": "Vuoden {year} kirjaamattomat mittarit: {count}. Tyhjä arvo ohittaa, q lopettaa.",
        "value": "Arvo",
        "comment": "Kommentti (valinnainen)",
        "confirm": "Kirjataanko",
        "target": "Tavoitetaso",
        "fits": "Sopivia arvoja",
        "done": "Tallennettu {count} kirjausta.",
        "broken": "tavoitteet: tiedostossa {file} on virheitä; sen mittareita ei kysytä (tavoitteet validate {file}).",
    },
    "en": {
        "none": "No indicators without an entry in {year}{filters}.\n",
        "intro": "Indicators without an entry in {year}: {count}. An empty value skips, q quits.",
        "value": "Value",
        "comment": "Comment (optional)",
        "confirm": "Record it",
        "target": "Target",
        "fits": "Values that fit",
        "done": "Saved {count} entries.",
        "broken": "tavoitteet: {file} has errors; its indicators are not asked (tavoitteet validate {file}).",
    },
}
QUIT_WORDS = frozenset({"q", "quit", "lopeta"})


def open_indicators(root: Path, year: int, options: record.Options) -> list[Found]:
    """The year's indicators with no entry and no level set by hand, after the filters."""
    found = [f for path in year_files(root).get(year, []) for f in indicators_in(year, path)]
    return [
        f
        for f in found
        if not f.indicator.entries
        and f.indicator.manual_level is None
        and _matches(options.committee, f.goal_file.committee, f.path.stem)
        and (
            options.municipality is None
            or (f.goal_file.municipality or "").casefold() == options.municipality.strip().casefold()
        )
        and _matches(options.area, f.area.id, f.area.name)
        and _advances(options.spearhead, f)
    ]


def _advances(wanted: str | None, found: Found) -> bool:
    """Whether the indicator's goal advances the spearhead (by id or name, or a part of it)."""
    if wanted is None:
        return True
    names = {s.id: s.name for s in found.goal_file.spearheads}
    links = [link for link in (found.goal.spearhead, *found.goal.also_advances) if link is not None]
    return any(_matches(wanted, link, names.get(link, "")) for link in links)


def unreadable_files(root: Path, year: int) -> list[Path]:
    """The year's files that do not load, whose indicators the walk cannot offer."""
    return [path for path in year_files(root).get(year, []) if load_file(path).goal_file is None]


def _matches(wanted: str | None, *candidates: str) -> bool:
    if wanted is None:
        return True
    text = wanted.strip().casefold()
    return any(text == c.casefold() or text in c.casefold() for c in candidates)


def choose_year(root: Path, wanted: int | None, lang: Lang) -> int:
    years = year_files(root)
    if wanted is not None and wanted not in years:
        raise errors.UserError(
            f"tavoitteet: {'no goal files for' if lang == 'en' else 'ei tavoitetiedostoja vuodelle'} {wanted}.",
            errors.PROBLEMS,
        )
    if not years:
        raise errors.UserError(
            "tavoitteet: data/ " + ("holds no goal files." if lang == "en" else "on tyhjä.")
        )
    return wanted if wanted is not None else (date.today().year if date.today().year in years else max(years))


def run(root: Path, options: record.Options, lang: Lang) -> int:
    text = _TEXT[lang]
    year = choose_year(root, options.year, lang)
    todo = open_indicators(root, year, options)
    broken = unreadable_files(root, year)
    for path in broken:
        sys.stderr.write(text["broken"].format(file=display_path(path)) + "\n")
    outcome = errors.PROBLEMS if broken else errors.OK
    if not todo:
        shown = "".join(f", {v}" for v in (options.committee, options.area, options.spearhead) if v)
        sys.stdout.write(text["none"].format(year=year, filters=shown))
        return outcome
    day = record.parse_day(options.day, lang)
    console = Console(highlight=False, emoji=False)
    console.print(text["intro"].format(year=year, count=len(todo)))
    saved = 0
    try:
        for found in todo:
            entry = ask(console, found, options, day, lang)
            if entry is False:
                break
            if entry is True:
                continue
            written = record.write(found, [entry], lang)
            console.print(
                record.recorded_text(found, [entry], record.status_after(written, found, root), lang)
            )
            saved += 1
    except EOFError:
        pass
    except KeyboardInterrupt:
        sys.stderr.write("\n")  # the terminal echoed ^C without a line break
        raise
    finally:
        sys.stderr.write(text["done"].format(count=saved) + "\n")
    return outcome


def ask(console: Console, found: Found, options: record.Options, day: date, lang: Lang) -> NewEntry | bool:
    """One indicator's answer: an entry, True to skip it, False to stop."""
    text = _TEXT[lang]
    indicator = found.indicator
    console.print(
        f"\n[bold]{indicator.id}[/bold]  {found.goal_file.committee} / {found.area.name}", markup=True
    )
    console.print(f"  {found.goal.title}", markup=False)
    console.print(f"  {text['target']}: {indicator.target_text}", markup=False)
    console.print(f"  {text['fits']}: {expected_values(indicator, lang)}", markup=False)
    while True:
        typed = Prompt.ask(text["value"], console=console, default="", show_default=False).strip()
        if not typed:
            return True
        if typed.casefold() in QUIT_WORDS:
            return False
        try:
            value = parse_record_value(indicator, typed).text
            break
        except RecordValueError as error:
            console.print(error.describe(lang), markup=False)
    comment = (
        Prompt.ask(text["comment"], console=console, default="", show_default=False).strip()
        or options.comment
    )
    choices = ["k", "e"] if lang == "fi" else ["y", "n"]
    if not Confirm.ask(text["confirm"], console=console, default=True, choices=choices):
        return True
    return NewEntry(day, value, options.by, options.source, comment)
