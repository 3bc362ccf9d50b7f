"""``tavoitteet record`` without an indicator: walk through the year's open (or, with ``--all``, every) indicator.

Before each question the indicator's target, unit and previous entry are shown;
then the value, its date (by default the year's last day once the year is over,
else today), who records (remembered through the session; by default ``--by``,
the ``TAVOITTEET_KIRJAAJA`` setting or ``git config user.name``), the source and
a comment are asked, and the entry is confirmed with ``k``/``e`` (``kyllä``/``ei``).
``q`` stops at any question.  Each confirmed answer is written at once
(atomically), so Ctrl-C or the end of input stops with every confirmed answer
saved and nothing half-written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.prompt import Prompt

from tavoitteet import errors
from tavoitteet.commands import recording, recordyear
from tavoitteet.commands.recordfind import Found, indicators_in
from tavoitteet.commands.recordvalue import NO_INPUT, YES_INPUT, RecordValueError, parse_record_value
from tavoitteet.core.entries import effective, latest_counting
from tavoitteet.core.parsing import ValueParseError, format_date, parse_date
from tavoitteet.core.values import expected_values, parse_value
from tavoitteet.files.discovery import year_files
from tavoitteet.files.loader import load_file
from tavoitteet.files.writer import NewEntry
from tavoitteet.render.problems import display_path
from tavoitteet.words.i18n import Lang

_TEXT = {
    "fi": {
        "none": "Vuodelta {year} ei ole kirjaamattomia mittareita{filters}.\n",
        "none_all": "Vuodelta {year} ei ole mittareita{filters}.\n",
        "intro": "Vuoden {year} kirjaamattomat mittarit: {count}. Tyhjä arvo ohittaa, q lopettaa.",
        "intro_all": "Vuoden {year} mittarit: {count}. Tyhjä arvo ohittaa, q lopettaa.",
        "value": "Arvo",
        "day": "Päivämäärä, jolta arvo on",
        "by": "Kirjaaja",
        "source": "Lähde (mistä arvo on, valinnainen)",
        "comment": "Kommentti (valinnainen)",
        "confirm": "Kirjataanko (k/e)",
        "yes_no": "Vastaa k (kyllä) tai e (ei); q lopettaa.",
        "bad_day": "'{text}' ei ole päivämäärä; kirjoita esim. 31.12.{year}.",
        "target": "Tavoitetaso",
        "unit": "Yksikkö",
        "previous": "Edellinen kirjaus",
        "no_previous": "ei kirjauksia",
        "fits": "Sopivia arvoja",
        "which_year": "Kumman vuoden toteumia kirjataan, {a} vai {b}?",
        "which_year_again": "Kirjoita {a} tai {b}; q lopettaa.",
        "done": "Tallennettu {count}.",
        "broken": "tavoitteet: tiedostossa {file} on virheitä; sen mittareita ei kysytä (tavoitteet validate {file}).",
    },
    "en": {
        "none": "No indicators without an entry in {year}{filters}.\n",
        "none_all": "No indicators in {year}{filters}.\n",
        "intro": "Indicators without an entry in {year}: {count}. An empty value skips, q quits.",
        "intro_all": "Indicators of {year}: {count}. An empty value skips, q quits.",
        "value": "Value",
        "day": "Date the value is from",
        "by": "Recorded by",
        "source": "Source (where the value is from, optional)",
        "comment": "Comment (optional)",
        "confirm": "Record it (y/n)",
        "yes_no": "Answer y (yes) or n (no); q quits.",
        "bad_day": "'{text}' is not a date; write e.g. 31.12.{year}.",
        "target": "Target",
        "unit": "Unit",
        "previous": "Previous entry",
        "no_previous": "no entries",
        "fits": "Values that fit",
        "which_year": "Which year's outcomes are recorded, {a} or {b}?",
        "which_year_again": "Write {a} or {b}; q quits.",
        "done": "Saved {count}.",
        "broken": "tavoitteet: {file} has errors; its indicators are not asked (tavoitteet validate {file}).",
    },
}
QUIT_WORDS = frozenset({"q", "quit", "lopeta"})


class Quit(Exception):
    """The user typed q."""


@dataclass(slots=True)
class Session:
    """What is remembered from one indicator to the next."""

    by: str | None
    source: str | None
    comment: str | None
    today: date


def open_indicators(root: Path, year: int, options: recording.Options, lang: Lang = "fi") -> list[Found]:
    """The year's indicators after the filters: those with no entry and no level set by hand, or all.

    A committee, area or spearhead that none of the year's indicators has is an
    error that names the closest one and those that exist.
    """
    found = [f for path in year_files(root).get(year, []) for f in indicators_in(year, path)]
    _check_names(found, options, lang)
    return [
        f
        for f in found
        if (options.every or (not effective(f.indicator.entries) and f.indicator.manual_level is None))
        and _matches(options.committee, f.goal_file.committee, f.path.stem)
        and (
            options.municipality is None
            or (f.goal_file.municipality or "").casefold() == options.municipality.strip().casefold()
        )
        and _matches(options.area, f.area.id, f.area.name)
        and _advances(options.spearhead, f)
    ]


def _check_names(found: list[Found], options: recording.Options, lang: Lang) -> None:
    from tavoitteet.commands.viewing import suggestion

    committees = [f.goal_file.committee for f in found]
    areas = [(f.area.id, f.area.name) for f in found]
    spearheads = [(s.id, s.name) for f in found for s in f.goal_file.spearheads]
    named = {
        "--committee": (options.committee, [(c, c) for c in committees], "lautakuntaa", "committee"),
        "--area": (options.area, areas, "tehtäväaluetta", "area"),
        "--spearhead": (options.spearhead, spearheads, "strategiakärkeä", "spearhead"),
    }
    for option, (wanted, pairs, fi, en) in named.items():
        names = list(dict.fromkeys(n for pair in pairs for n in pair))
        if wanted is None or any(_matches(wanted, name) for name in names):
            continue
        known = ", ".join(dict.fromkeys(first for first, _ in pairs)) or "-"
        hint = suggestion(wanted, names, lang)
        message = (
            f"tavoitteet: {option} {wanted!r}: no such {en}.{hint} Known: {known}."
            if lang == "en"
            else f"tavoitteet: {option} {wanted!r}: tällaista {fi} ei ole.{hint} Vaihtoehdot: {known}."
        )
        raise errors.UserError(message, errors.USAGE)


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


def year_choices(root: Path, today: date) -> list[int]:
    """The years interactive mode may mean without ``--year``: never a later year than today's.

    In January–March both the previous year (being reported) and the current one, if both have files.
    """
    years = [y for y in year_files(root) if y <= today.year]
    if not years:
        return []
    in_reporting = (today.month, today.day) <= recordyear.REPORTING_ENDS
    pair = [y for y in (today.year - 1, today.year) if y in years]
    return pair if in_reporting and len(pair) == 2 else [max(years)]


def default_recorder(given: str | None) -> str | None:
    """``--by``, else the ``TAVOITTEET_KIRJAAJA`` setting, else ``git config user.name``."""
    if given:
        return given
    if setting := os.environ.get("TAVOITTEET_KIRJAAJA", "").strip():
        return setting
    try:
        done = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None


def run(root: Path, options: recording.Options, lang: Lang) -> int:
    text = _TEXT[lang]
    console = Console(highlight=False, emoji=False, markup=False)  # what comes from a file is text
    today = date.today()
    try:
        year = _year(root, options, console, today, lang)
    except (EOFError, Quit):
        return errors.OK
    todo = open_indicators(root, year, options, lang)
    broken = unreadable_files(root, year)
    for path in broken:
        sys.stderr.write(text["broken"].format(file=display_path(path)) + "\n")
    outcome = errors.PROBLEMS if broken else errors.OK
    if not todo:
        shown = "".join(f", {v}" for v in (options.committee, options.area, options.spearhead) if v)
        sys.stdout.write(text["none_all" if options.every else "none"].format(year=year, filters=shown))
        return outcome
    given_day = None if options.day is None else recording.parse_day(options.day, lang)
    session = Session(default_recorder(options.by), options.source, options.comment, today)
    console.print(text["intro_all" if options.every else "intro"].format(year=year, count=len(todo)))
    saved = 0
    try:
        for found in todo:
            entry = ask(console, found, session, given_day, lang)
            if entry is None:
                continue
            written = recording.write(found, [entry], lang)
            saved += 1  # counted as soon as it is on disk, whatever printing it does
            console.print(
                recording.recorded_text(found, [entry], recording.status_after(written, found, root), lang),
                markup=False,
            )
    except (EOFError, Quit):
        pass
    except KeyboardInterrupt:
        sys.stderr.write("\n")  # the terminal echoed ^C without a line break
        raise
    finally:
        sys.stderr.write(text["done"].format(count=_entries(saved, lang)) + "\n")
    return outcome


def _year(root: Path, options: recording.Options, console: Console, today: date, lang: Lang) -> int:
    if options.year is not None:
        return choose_year(root, options.year, lang)
    choices = year_choices(root, today)
    if not choices and year_files(root):
        later = ", ".join(str(y) for y in year_files(root))
        raise errors.UserError(
            "tavoitteet: "
            + (
                f"only later years have goal files ({later}); choose one with --year."
                if lang == "en"
                else f"tavoitetiedostoja on vain tulevilta vuosilta ({later}); valitse vuosi valinnalla --year."
            ),
            errors.USAGE,
        )
    if len(choices) != 2:
        return choices[0] if choices else choose_year(root, None, lang)
    a, b = choices
    question = _TEXT[lang]["which_year"].format(a=a, b=b)
    while True:
        typed = _prompt(console, question, str(a))
        if typed in (str(a), str(b)):
            return int(typed)
        console.print(_TEXT[lang]["which_year_again"].format(a=a, b=b), markup=False)


def _prompt(console: Console, question: str, default: str = "") -> str:
    """One answer, stripped; ``q`` stops everything."""
    typed = Prompt.ask(question, console=console, default=default, show_default=bool(default)).strip()
    if typed.casefold() in QUIT_WORDS:
        raise Quit
    return typed


def yes_or_no(console: Console, question: str, lang: Lang) -> bool:
    """k/e, kyllä/ei (y/n, yes/no too); Enter is yes; anything else asks again, in the user's language."""
    while True:
        word = _prompt(console, question).casefold()
        if not word or word in YES_INPUT:
            return True
        if word in NO_INPUT:
            return False
        console.print(_TEXT[lang]["yes_no"], markup=False)


def show_indicator(console: Console, found: Found, lang: Lang) -> None:
    """The indicator, its target, unit and previous entry, as plain text (data is never markup)."""
    text = _TEXT[lang]
    indicator = found.indicator
    console.print(
        f"\n{indicator.id}  {found.goal_file.committee} / {found.area.name}", markup=False, style="bold"
    )
    console.print(f"  {found.goal.title}", markup=False)
    console.print(f"  {text['target']}: {indicator.target_text}", markup=False)
    if unit := getattr(indicator, "unit", None):
        console.print(f"  {text['unit']}: {unit}", markup=False)
    console.print(f"  {text['previous']}: {previous_entry(found, lang)}", markup=False)
    console.print(f"  {text['fits']}: {expected_values(indicator, lang)}", markup=False)


def previous_entry(found: Found, lang: Lang) -> str:
    from tavoitteet.words.labels import label, value_text

    latest = latest_counting(found.indicator.entries)
    if latest is None:
        return _TEXT[lang]["no_previous"]
    entry = latest[1]
    if entry.value is None:
        shown = label("missing", lang)
    else:
        try:
            shown = value_text(
                found.indicator, parse_value(found.indicator, entry.value), lang, with_unit=True
            )
        except ValueParseError:
            shown = str(entry.value)
    who = f" ({entry.by})" if entry.by else ""
    return f"{format_date(entry.date)} {shown}{who}"


def ask(
    console: Console, found: Found, session: Session, given_day: date | None, lang: Lang
) -> NewEntry | None:
    """One indicator's entry, or None to skip it; raises Quit on q."""
    text = _TEXT[lang]
    indicator = found.indicator
    show_indicator(console, found, lang)
    while True:
        typed = _prompt(console, text["value"])
        if not typed:
            return None
        try:
            value = parse_record_value(indicator, typed).text
            break
        except RecordValueError as error:
            console.print(error.describe(lang), markup=False)
    day = ask_day(
        console, found, given_day or recordyear.default_day(found.year, session.today), session, lang
    )
    session.by = _prompt(console, text["by"], session.by or "") or None
    session.source = _prompt(console, text["source"], session.source or "") or None
    comment = _prompt(console, text["comment"], session.comment or "") or None
    if not yes_or_no(console, text["confirm"], lang):
        return None
    return NewEntry(day, value, session.by, session.source, comment)


def ask_day(console: Console, found: Found, default: date, session: Session, lang: Lang) -> date:
    """The date the value is from, checked against the year as ``record --date`` is."""
    while True:
        typed = _prompt(console, _TEXT[lang]["day"], format_date(default))
        try:
            day = parse_date(typed)
        except ValueParseError:
            console.print(_TEXT[lang]["bad_day"].format(text=typed, year=found.year), markup=False)
            continue
        problem = recordyear.day_problem(day, found.year, session.today, found.indicator.id, lang)
        if problem is None:
            return day
        console.print(problem, markup=False)


def _entries(count: int, lang: Lang) -> str:
    from tavoitteet.words.i18n import counted

    return counted(count, "entry", "entries") if lang == "en" else counted(count, "kirjaus", "kirjausta")
