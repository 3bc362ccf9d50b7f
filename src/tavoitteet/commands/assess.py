"""``tavoitteet assess ID --text "…"``: a goal's (or, with the committee's id, the committee-year's) written assessment.

Appended to the goal's or file's ``arviot`` list, byte-safe, atomic and locked
like ``record``.  The committee's id is its file's name without ``.yaml``
(``hyvinvointilautakunta``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tavoitteet import errors
from tavoitteet.commands import recordyear, viewing
from tavoitteet.core.model import Goal, ManualLevelName, walk
from tavoitteet.core.parsing import ValueParseError, format_date, parse_date
from tavoitteet.files.discovery import year_files
from tavoitteet.files.loader import load_file
from tavoitteet.files.writer import NewItem, WriteRefused, record
from tavoitteet.render.problems import display_path
from tavoitteet.words.i18n import Lang

LEVELS: tuple[ManualLevelName, ...] = ("toteutunut", "osittain toteutunut", "ei toteutunut", "ei sovellu")


@dataclass(frozen=True, slots=True)
class Options:
    text: str
    level: str | None = None
    reason: str | None = None
    by: str | None = None
    day: str | None = None
    assessor: str | None = None
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """A goal (``item_id`` its id) or a committee-year (``item_id`` '') in a file."""

    year: int
    path: Path
    item_id: str
    title: str


def run(item_id: str, options: Options, lang: Lang, data: Path | None = None) -> int:
    root = viewing.data_root(data, lang)
    today = date.today()
    target = find(root, item_id, options.year, today, lang)
    day = _day(options.day, target.year, today, lang)
    item = NewItem("arviot", assessment(options, day, lang))
    try:
        record(target.path, target.item_id, [item])
    except WriteRefused as refused:
        raise errors.UserError(f"tavoitteet: {refused.describe(lang)}", errors.PROBLEMS) from None
    head = "Arvio kirjattu" if lang == "fi" else "Assessment recorded"
    lines = [f"{head}: {target.title} -> {display_path(target.path)} ({target.year})"]
    lines += [f"  {key}: {value}" for key, value in item.as_data().items()]
    sys.stdout.write("\n".join(lines) + "\n")
    return errors.OK


def assessment(options: Options, day: date, lang: Lang) -> dict[str, str | dict[str, str]]:
    text = " ".join(options.text.split()) if "\n" not in options.text else options.text.strip()
    if not text:
        raise usage_error(lang, 'anna arvio: --text "…".', 'give the assessment: --text "…".')
    data: dict[str, str | dict[str, str]] = {"arvio": text}
    if options.level is not None:
        level = options.level.strip().casefold()
        if level not in LEVELS:
            shown = ", ".join(LEVELS)
            raise usage_error(
                lang,
                f"--level '{options.level}' ei kelpaa; sallitut: {shown}.",
                f"--level '{options.level}' is not valid; allowed: {shown}.",
            )
        data["taso"] = level
    elif options.reason is not None:
        raise usage_error(lang, "--reason kuuluu --level-valinnan kanssa.", "--reason goes with --level.")
    optional = (("perustelu", options.reason), ("pvm", format_date(day)), ("arvioija", options.assessor))
    data |= {key: value.strip() for key, value in optional if value is not None and value.strip()}
    if options.by is not None and options.by.strip():
        data["kirjaaja"] = options.by.strip()
    return data


def find(root: Path, item_id: str, year: int | None, today: date, lang: Lang) -> Target:
    """The goal with this id, or the committee whose file is named so: in ``year``, else the latest year up to today's."""
    years = year_files(root)
    if year is not None and year not in years:
        raise _fail(lang, f"vuodelle {year} ei ole tavoitetiedostoja.", f"no goal files for {year}.")
    searched = [year] if year is not None else sorted((y for y in years if y <= today.year), reverse=True)
    for candidate in searched:
        found = [t for path in years[candidate] for t in _targets(candidate, path, item_id, lang)]
        if len(found) == 1:
            return found[0]
        if found:
            listed = "\n".join(f"  {display_path(t.path)}" for t in found)
            raise _fail(
                lang,
                f"tunnus '{item_id}' on useassa tiedostossa vuonna {candidate}:\n{listed}",
                f"the id '{item_id}' is in several files of {candidate}:\n{listed}",
            )
    where = f" ({year})" if year is not None else ""
    raise _fail(
        lang,
        f"tavoitetta tai lautakuntaa '{item_id}' ei löytynyt{where}. Anna tavoitteen tunnus (tavoitteet list) "
        "tai lautakunnan tiedoston nimi ilman .yaml-päätettä.",
        f"no goal or committee '{item_id}' found{where}. Give a goal's id (tavoitteet list) or the committee's "
        "file name without .yaml.",
    )


def _targets(year: int, path: Path, item_id: str, lang: Lang) -> list[Target]:
    if path.stem != item_id and item_id.encode() not in path.read_bytes():
        return []
    loaded = load_file(path)
    if loaded.goal_file is None:
        first = min(loaded.problems, key=lambda p: p.sort_key()) if loaded.problems else None
        refused = WriteRefused("write.invalid_before", Path(display_path(path)), first)
        raise errors.UserError(f"tavoitteet: {refused.describe(lang)}", errors.PROBLEMS)
    if path.stem == item_id:
        return [Target(year, path, "", loaded.goal_file.committee)]
    goals = [node for _where, node in walk(loaded.goal_file) if isinstance(node, Goal) and node.id == item_id]
    return [Target(year, path, item_id, goal.title) for goal in goals]


def _day(text: str | None, year: int, today: date, lang: Lang) -> date:
    if text is None:
        return recordyear.default_day(year, today)
    try:
        day = parse_date(text)
    except ValueParseError:
        raise usage_error(
            lang,
            f"--date '{text}' ei ole päivämäärä; kirjoita esim. 31.12.{year}.",
            f"--date '{text}' is not a date; write e.g. 31.12.{year}.",
        ) from None
    if day > today:
        raise usage_error(
            lang,
            f"--date {format_date(day)} on tulevaisuudessa; anna arvion päivämäärä (oletus tänään tai {year} päätyttyä 31.12.{year}).",
            f"--date {format_date(day)} is in the future; give the assessment's date (by default today, or 31.12.{year} once {year} is over).",
        )
    if day < date(year, 1, 1):
        raise usage_error(
            lang,
            f"--date {format_date(day)} on ennen vuotta {year}; vuoden {year} arvio päivätään vuonna {year} tai sen jälkeen.",
            f"--date {format_date(day)} is before {year}; an assessment of {year} is dated in {year} or later.",
        )
    return day


def usage_error(lang: Lang, fi: str, en: str) -> errors.UserError:
    return errors.UserError("tavoitteet: " + (en if lang == "en" else fi), errors.USAGE)


def _fail(lang: Lang, fi: str, en: str) -> errors.UserError:
    return errors.UserError("tavoitteet: " + (en if lang == "en" else fi), errors.PROBLEMS)
