"""What the views share: finding the data folder and the year, loading it whole, evaluating and filtering it.

A year is shown only when every file of it loads cleanly: otherwise the
problems go to stderr and the command stops with exit code 1, so that a view
never shows partial truth.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tavoitteet import errors
from tavoitteet.files.discovery import DataNotFound, find_data_root, year_files
from tavoitteet.words.i18n import Lang

if TYPE_CHECKING:  # the rest is imported where it is used: a view found in the cache needs none of it
    from tavoitteet.core.evaluation import FileResult, GoalResult, Status, YearResult
    from tavoitteet.core.model import GoalFile
    from tavoitteet.files.loader import LoadedFile


@dataclass(frozen=True, slots=True)
class Filters:
    """The options every view takes; None means no filter."""

    committee: str | None = None
    area: str | None = None
    status: str | None = None
    spearhead: str | None = None
    municipality: str | None = None
    assessor: str | None = None
    """Follow this assessor's assessments (e.g. tarkastuslautakunta) instead of the committee's own."""

    def as_dict(self) -> dict[str, str | None]:
        return {
            "lautakunta": self.committee,
            "tehtavaalue": self.area,
            "tila": self.status,
            "strategiakarki": self.spearhead,
            "kunta": self.municipality,
            "arvioija": self.assessor,
        }


@dataclass(frozen=True, slots=True)
class YearData:
    """One year's files, loaded and valid."""

    data_root: Path
    year: int
    paths: tuple[Path, ...]
    files: tuple[GoalFile, ...]


def _fail(lang: Lang, fi: str, en: str, code: int = errors.PROBLEMS) -> errors.UserError:
    return errors.UserError("tavoitteet: " + (en if lang == "en" else fi), code)


def data_root(explicit: Path | None, lang: Lang) -> Path:
    if explicit is not None:
        if not explicit.is_dir():
            raise _fail(lang, f"kansiota {explicit} ei ole.", f"no folder {explicit}.", errors.USAGE)
        return explicit
    try:
        return find_data_root()
    except DataNotFound as error:
        from tavoitteet.commands.validate import data_not_found_message

        raise errors.UserError(data_not_found_message(error.start, lang), errors.USAGE) from None


def choose_year(years: dict[int, list[Path]], wanted: int | None, today: date, lang: Lang) -> int:
    """The year asked for; by default the current year if it has files, else the latest."""
    if not years:
        raise _fail(lang, "data/-kansiossa ei ole tavoitetiedostoja.", "data/ holds no goal files.")
    if wanted is None:
        return today.year if today.year in years else max(years)
    if wanted not in years:
        shown = ", ".join(str(y) for y in sorted(years))
        raise _fail(
            lang,
            f"vuodelle {wanted} ei ole tavoitetiedostoja. Vuodet: {shown}.",
            f"no goal files for {wanted}. Years: {shown}.",
        )
    return wanted


def load_year(root: Path, wanted: int | None, today: date, lang: Lang) -> YearData:
    """Every file of the year, or stop with their problems on stderr."""
    from tavoitteet.files.loader import load_file

    years = year_files(root)
    year = choose_year(years, wanted, today, lang)
    from tavoitteet.files.settings import settings_path

    settings = settings_path(root)
    loaded = [load_file(path) for path in ([settings] if settings else [])]
    loaded = [item for item in loaded if item.problems]  # the settings file: only its problems count
    loaded += [load_file(path) for path in years[year]]
    broken = [item for item in loaded if item.goal_file is None or item.problems]
    if broken:
        sys.stderr.write(_problems_text(broken, lang))
        raise _fail(
            lang,
            f"vuoden {year} tiedostoissa on virheitä, joten tilaa ei näytetä. Korjaa ne ja aja uudelleen.",
            f"the files of {year} have errors, so no status is shown. Fix them and run again.",
        )
    files = tuple(item.goal_file for item in loaded if item.goal_file is not None)
    return YearData(root, year, tuple(years[year]), files)


def _problems_text(broken: list[LoadedFile], lang: Lang) -> str:
    from tavoitteet.render.problems import render_text

    problems = [p for item in broken for p in item.problems]
    sources = {item.path: item.document.text.splitlines() for item in broken if item.document}
    return render_text(problems, sources, lang)


def parse_as_of(text: str | None, today: date, lang: Lang) -> date:
    from tavoitteet.core.parsing import ValueParseError, parse_date

    if text is None:
        return today
    try:
        return parse_date(text)
    except ValueParseError:
        raise _fail(
            lang,
            f"--as-of {text!r}: anna päivämäärä muodossa 31.12.2024 tai 2024-12-31.",
            f"--as-of {text!r}: give a date as 31.12.2024 or 2024-12-31.",
            errors.USAGE,
        ) from None


def parse_status(text: str | None, lang: Lang) -> Status | None:
    """A status named in Finnish or English, as shown by the views."""
    from tavoitteet.words.labels import STATUS_NAMES

    if text is None:
        return None
    wanted = text.strip().casefold().replace("-", " ").replace("_", " ")
    for status, names in STATUS_NAMES.items():
        if wanted in (names["fi"], names["en"]):
            return status
    allowed = ", ".join(names[lang] for names in STATUS_NAMES.values())
    raise _fail(lang, f"--status {text!r}: valitse {allowed}.", f"--status {text!r}: choose {allowed}.", 2)


def evaluate(data: YearData, as_of: date, assessor: str | None = None) -> YearResult:
    from tavoitteet.core.evaluation import evaluate_year
    from tavoitteet.files.baselines import baseline_lookup

    return evaluate_year(list(data.files), data.year, as_of, baseline_lookup(data.data_root), assessor)


def _same(wanted: str, municipality: str | None) -> bool:
    """A municipality filter names the municipality exactly (case aside): Kemi is not Kemijärvi."""
    return municipality is not None and municipality.strip().casefold() == wanted.strip().casefold()


def _matches(text: str | None, *candidates: str | None) -> bool:
    if text is None:
        return True
    wanted = text.strip().casefold()
    return any(c is not None and (c.casefold() == wanted or wanted in c.casefold()) for c in candidates)


def _goal_matches(
    goal: GoalResult, spearheads: dict[str, str], filters: Filters, status: Status | None
) -> bool:
    links = [goal.goal.spearhead, *goal.goal.also_advances]
    if filters.spearhead is not None and not any(
        link is not None and _matches(filters.spearhead, link, spearheads.get(link)) for link in links
    ):
        return False
    return status is None or goal.status is status or any(i.status is status for i in goal.indicators)


def _filter_file(result: FileResult, filters: Filters, status: Status | None) -> FileResult | None:
    from tavoitteet.core.evaluation import summarize_area, summarize_file

    goal_file = result.goal_file
    spearheads = {s.id: s.name for s in goal_file.spearheads}
    areas = []
    for area in result.areas:
        if not _matches(filters.area, area.area.id, area.area.name):
            continue
        goals = [g for g in area.goals if _goal_matches(g, spearheads, filters, status)]
        if goals:
            areas.append(summarize_area(area.area, goals))
        elif not area.goals and status is None and filters.spearhead is None:
            areas.append(area)  # an area described without goals is shown as it is
    unfiltered = filters.area is None and filters.spearhead is None and status is None
    return summarize_file(goal_file, result.as_of, areas, unfiltered, filters.assessor) if areas else None


def apply_filters(result: YearResult, filters: Filters, lang: Lang) -> YearResult:
    """Only the committees, areas and goals the filters select, with the counts recomputed."""
    from tavoitteet.core.evaluation import summarize_year

    status = parse_status(filters.status, lang)
    files = []
    for file_result in result.files:
        if not _matches(filters.committee, file_result.goal_file.committee):
            continue
        if filters.municipality is not None and not _same(
            filters.municipality, file_result.goal_file.municipality
        ):
            continue
        if (kept := _filter_file(file_result, filters, status)) is not None:
            files.append(kept)
    return summarize_year(result.year, result.as_of, files)


def evaluated_year(
    year: int | None,
    filters: Filters,
    as_of: str | None,
    lang: Lang,
    data: Path | None = None,
    today: date | None = None,
) -> YearResult:
    """Load the year a view asks for, evaluate it as of ``as_of`` (default today) and filter it."""
    today = today or date.today()
    data_year = load_year(data_root(data, lang), year, today, lang)
    return apply_filters(
        evaluate(data_year, parse_as_of(as_of, today, lang), filters.assessor), filters, lang
    )


def input_files(root: Path) -> list[Path]:
    """Every goal file a view of any year may read: its own year's and, for baselines, the others',
    and the data folder's settings file (the default ``kunta``)."""
    from tavoitteet.files.settings import settings_path

    settings = settings_path(root)
    return [
        *(path for paths in year_files(root).values() for path in paths),
        *([settings] if settings else []),
    ]
