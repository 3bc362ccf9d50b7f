"""Which year's file a recorded value belongs to, and whether its date makes sense for that year.

The rules (README, "Kirjaaminen"):

- ``--year`` decides when given.
- Otherwise the year the date falls in (``--date``, by default today), if that
  year's files have the indicator.  Never a later year's file than the date's.
- A date in January–March (the months in which the previous year's outcomes
  are reported; the financial statements are due by 31 March) also fits the
  previous year.  When both years have the indicator, the value goes to the
  previous year if neither year has an entry for it yet; otherwise either year
  could be meant and the command refuses, naming both years and ``--year``
  (interactive mode asks).
- A date before the year (that is a series value: ``--period``), more than
  about a year after its end (after 31 December of the next year), or in the
  future is refused with what to do.  With ``--year`` a date over a year after
  is a late entry of that year's value: it is written with ``vuosi``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tavoitteet import errors
from tavoitteet.commands import recordfind
from tavoitteet.commands.recordfind import Found
from tavoitteet.core.entries import effective
from tavoitteet.core.parsing import format_date
from tavoitteet.files.discovery import year_files
from tavoitteet.words.i18n import Lang

REPORTING_ENDS = (3, 31)
"""The last day (month, day) on which a value is taken as the previous year's outcome."""


@dataclass(frozen=True, slots=True)
class Ambiguous:
    """Two years could be meant: the command refuses, interactive mode asks."""

    earlier: Found
    later: Found


def default_day(year: int, today: date) -> date:
    """The year's last day when the year is over, else today."""
    last = date(year, 12, 31)
    return last if today > last else today


def day_problem(
    day: date, year: int, today: date, indicator_id: str, lang: Lang, late_allowed: bool = False
) -> str | None:
    """Why ``day`` cannot be the date of a value of ``year`` (what to do included), or None.

    ``late_allowed`` (``--year`` given): a date over a year after the year is a late entry
    of that year's value, written with ``vuosi`` (the entry says which year's value it is)."""
    shown, last = format_date(day), f"31.12.{year}"
    if day > today:
        return _words(
            lang,
            f"päivämäärä {shown} on tulevaisuudessa (tänään on {format_date(today)}). Kirjaa arvo, kun se on "
            f"tiedossa, sen päivän päivämäärällä, jolta arvo on (esim. --date {format_date(today)}).",
            f"the date {shown} is in the future (today is {format_date(today)}). Record the value once it is "
            f"known, with the date it is from (e.g. --date {format_date(today)}).",
        )
    if day < date(year, 1, 1):
        return _words(
            lang,
            f"päivämäärä {shown} on ennen vuotta {year}. Jos arvo on vuoden {day.year} arvo, kirjaa se mittarin "
            f"sarjaan: tavoitteet record {indicator_id} ARVO --period {day.year}; vuoden {year} toteumalle "
            f"anna päivä vuodelta {year} (esim. --date {last}).",
            f"the date {shown} is before the year {year}. If the value is {day.year}'s, record it in the "
            f"indicator's series: tavoitteet record {indicator_id} VALUE --period {day.year}; for {year}'s "
            f"outcome give a date in {year} (e.g. --date {last}).",
        )
    if day > date(year + 1, 12, 31) and not late_allowed:
        return _words(
            lang,
            f"päivämäärä {shown} on yli vuoden vuoden {year} päättymisen jälkeen. Vuoden {year} toteuma kirjataan "
            f"päivämäärällä, jolta arvo on (esim. --date {last}), tai myöhässä kirjattuna valinnalla --year "
            f"{year} (kirjaukseen merkitään vuosi: {year}); myöhemmän vuoden arvo kuuluu sen vuoden tiedostoon.",
            f"the date {shown} is more than a year after {year} ended. Record {year}'s outcome with the date it "
            f"is from (e.g. --date {last}), or as a late entry with --year {year} (the entry then says vuosi: "
            f"{year}); a later year's value belongs in that year's file.",
        )
    return None


def check_day(
    day: date, year: int, today: date, indicator_id: str, lang: Lang, late_allowed: bool = False
) -> None:
    if (problem := day_problem(day, year, today, indicator_id, lang, late_allowed)) is not None:
        raise errors.UserError(f"tavoitteet: {indicator_id}: {problem}", errors.USAGE)


def by_year(
    root: Path, indicator_id: str, lang: Lang, committee: str | None = None, municipality: str | None = None
) -> dict[int, Found]:
    """The indicator in every year whose files have it (only ``committee``'s files, when given)."""
    found = {}
    for year in year_files(root):
        if (item := recordfind.in_year(root, indicator_id, year, lang, committee, municipality)) is not None:
            found[year] = item
    return found


def candidates(found: dict[int, Found], day: date) -> Found | Ambiguous | None:
    """The year the value of ``day`` belongs to, both years when it could be either, None when none fits."""
    current, previous = found.get(day.year), found.get(day.year - 1)
    in_reporting = (day.month, day.day) <= REPORTING_ENDS
    if previous is not None and (current is None or in_reporting):
        if current is None:
            return previous
        if not _has_outcome(previous) and not effective(current.indicator.entries):
            return previous
        return Ambiguous(previous, current)
    return current


def _has_outcome(found: Found) -> bool:
    return bool(effective(found.indicator.entries)) or found.indicator.manual_level is not None


def choose(
    root: Path,
    indicator_id: str,
    year: int | None,
    day: date | None,
    today: date,
    lang: Lang,
    committee: str | None = None,
    municipality: str | None = None,
) -> tuple[Found, date]:
    """The indicator's file and the entry's date, or a refusal that says what to do."""
    if year is not None:
        found = recordfind.find_indicator(root, indicator_id, year, lang, committee, municipality)
        chosen_day = day or default_day(year, today)
        check_day(chosen_day, year, today, indicator_id, lang, late_allowed=True)
        return found, chosen_day
    chosen_day = day or today
    found_by_year = by_year(root, indicator_id, lang, committee, municipality)
    if not found_by_year:
        raise recordfind.not_found(indicator_id, None, lang)
    choice = candidates(found_by_year, chosen_day)
    if isinstance(choice, Ambiguous):
        raise ambiguous_error(indicator_id, choice, chosen_day, lang)
    if choice is None:
        earlier = [y for y in found_by_year if y < chosen_day.year]
        nearest = max(earlier) if earlier else min(found_by_year)
        check_day(chosen_day, nearest, today, indicator_id, lang)
        raise recordfind.not_found(indicator_id, None, lang)  # pragma: no cover - check_day refused
    check_day(chosen_day, choice.year, today, indicator_id, lang)
    return choice, chosen_day


def ambiguous_error(indicator_id: str, choice: Ambiguous, day: date, lang: Lang) -> errors.UserError:
    a, b, shown = choice.earlier.year, choice.later.year, format_date(day)
    text = _words(
        lang,
        f"mittari '{indicator_id}' on sekä vuoden {a} että vuoden {b} tiedostossa, ja päivämäärä {shown} "
        f"sopii kumpaankin ({choice.earlier.display}, {choice.later.display}). Valitse vuosi: --year {a}, jos "
        f"arvo on vuoden {a} toteuma, tai --year {b}. Mitään ei kirjattu.",
        f"the indicator '{indicator_id}' is in both {a}'s and {b}'s files, and the date {shown} fits either "
        f"({choice.earlier.display}, {choice.later.display}). Choose the year: --year {a} if the value is "
        f"{a}'s outcome, or --year {b}. Nothing was recorded.",
    )
    return errors.UserError(f"tavoitteet: {text}", errors.USAGE)


def _words(lang: Lang, fi: str, en: str) -> str:
    return en if lang == "en" else fi
