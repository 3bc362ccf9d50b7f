"""What the views share: finding the data folder and the year, loading it whole, evaluating and filtering it.

A year is shown only when every file it shows loads cleanly.  Unfiltered, a
broken file stops the view with its problems on stderr and exit code 1, so
that a view never shows partial truth.  Filtered with ``--committee`` to
other committees, a broken file is named on stderr and the view goes on.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tavoitteet import errors
from tavoitteet.files.discovery import DataNotFound, find_data_root, year_files
from tavoitteet.words.i18n import Lang

if TYPE_CHECKING:  # the rest is imported where it is used: a view found in the cache needs none of it
    from tavoitteet.core.compare import Comparison
    from tavoitteet.core.evaluation import FileResult, GoalResult, Status, YearResult
    from tavoitteet.core.model import GoalFile
    from tavoitteet.files.loader import LoadedFile


@dataclass(frozen=True, slots=True)
class Filters:
    """The options every view takes; None means no filter."""

    committee: str | None = None
    area: str | None = None
    status: tuple[str, ...] = ()
    spearhead: str | None = None
    municipality: str | None = None
    assessor: str | None = None
    """Follow this assessor's assessments (e.g. tarkastuslautakunta) instead of the committee's own."""

    def as_dict(self) -> dict[str, str | None]:
        """The filters as the JSON views name them; several statuses are joined with ", "."""
        return {
            "lautakunta": self.committee,
            "tehtavaalue": self.area,
            "tila": ", ".join(self.status) or None,
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
    listed: Mapping[int, Sequence[Path]] | None = None
    """every year's files as listed when the year was loaded (the baselines' years), if known"""


def _fail(lang: Lang, fi: str, en: str, code: int = errors.PROBLEMS) -> errors.UserError:
    return errors.UserError("tavoitteet: " + (en if lang == "en" else fi), code)


def data_root(explicit: Path | None, lang: Lang) -> Path:
    if explicit is not None:
        if not explicit.is_dir():
            raise _fail(lang, f"kansiota {explicit} ei ole.", f"no folder {explicit}.", errors.USAGE)
        return explicit
    try:
        root = find_data_root()
    except DataNotFound as error:
        raise errors.UserError(
            data_not_found_message(error.start, lang, error.skipped), errors.USAGE
        ) from None
    note_foreign_owner(root, lang)
    return root


def data_not_found_message(start: Path, lang: Lang, skipped: Sequence[Path] = ()) -> str:
    from tavoitteet.core.safetext import one_line
    from tavoitteet.render.problems import display_path

    passed = "".join(f"\n  {display_path(folder)}" for folder in skipped)
    if lang == "en":
        return (
            f"tavoitteet: no data/ folder with year folders found from {one_line(str(start))} upwards"
            " (up to the repository's root or the home folder).\n"
            "Run the command inside a repository of goal files, or name the files or set TAVOITTEET_DATA."
            + (
                f"\nPassed over (a link, or another user's folder; use --data to choose one):{passed}"
                if passed
                else ""
            )
        )
    return (
        f"tavoitteet: data/-kansiota vuosikansioineen ei löytynyt kansiosta {one_line(str(start))} ylöspäin"
        " (repositorion juureen tai kotikansioon asti).\n"
        "Aja komento tavoitetiedostojen repositoriossa, anna tiedostot komennolle tai aseta TAVOITTEET_DATA."
        + (
            f"\nOhitettiin (linkki tai toisen käyttäjän kansio; valitse --data-valinnalla):{passed}"
            if passed
            else ""
        )
    )


def note_foreign_owner(root: Path, lang: Lang) -> None:
    """Say so on stderr when the data folder found belongs to another user: it is used, but never silently."""
    from tavoitteet.core.safetext import one_line
    from tavoitteet.files.discovery import foreign_owner

    if (owner := foreign_owner(root)) is not None:
        shown = one_line(str(root))
        sys.stderr.write(
            f"tavoitteet: note: the data folder {shown} belongs to another user (uid {owner}).\n"
            if lang == "en"
            else f"tavoitteet: huom: data-kansio {shown} kuuluu toiselle käyttäjälle (uid {owner}).\n"
        )


def choose_year(years: Mapping[int, Sequence[Path]], wanted: int | None, today: date, lang: Lang) -> int:
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


def load_year(
    root: Path, wanted: int | None, today: date, lang: Lang, committee: str | None = None
) -> YearData:
    """Every file of the year, or stop with their problems on stderr.

    With ``committee`` set, a broken file that cannot be that committee's is
    named on stderr and left out instead.
    """
    years = year_files(root)
    year = choose_year(years, wanted, today, lang)
    with collector_paused():
        loaded = list(_year_items(root, years[year]))
    broken = [item for item in loaded if item.goal_file is None or item.problems]
    if committee is not None and broken and not any(_may_be(item, committee) for item in broken):
        for item in broken:
            sys.stderr.write(_skipped(item.path, lang))
        broken = []
        loaded = [item for item in loaded if item.goal_file is not None and not item.problems]
    if broken:
        raise _broken(broken, year, lang)
    files = tuple(item.goal_file for item in loaded if item.goal_file is not None)
    return YearData(root, year, tuple(years[year]), files, years)


def _year_items(root: Path, paths: Sequence[Path]) -> Iterator[LoadedFile]:
    """The settings file when it has problems (only they count), then the year's files, each loaded.

    A file is read by the quick reader first (:func:`~tavoitteet.files.quickread.load_quick`):
    the same goal file and problems as the full reader's, and a valid file's positions are
    dropped anyway.
    """
    from tavoitteet.files.loader import load_file, settings_once
    from tavoitteet.files.quickread import load_quick
    from tavoitteet.files.settings import settings_path

    settings = settings_path(root)
    for item in [load_file(settings)] if settings else []:
        if item.problems:
            yield item
    with settings_once():
        for path in paths:
            yield _kept(load_quick(path))


def _broken(broken: list[LoadedFile], year: int, lang: Lang) -> errors.UserError:
    """The year's problems written on stderr, and the error that stops the view."""
    sys.stderr.write(_problems_text(broken, lang))
    return _fail(
        lang,
        f"vuoden {year} tiedostoissa on virheitä, joten tilaa ei näytetä. Korjaa ne ja aja uudelleen.",
        f"the files of {year} have errors, so no status is shown. Fix them and run again.",
    )


def compared_year(data: YearData, year: int, as_of: date, lang: Lang, later: YearResult) -> Comparison:
    """``compare_years(evaluate(load_year(data.data_root, year, …), as_of), later)`` with the earlier
    year read, evaluated and compared one file at a time, keeping only each file's comparison (a
    national year holds thousands of files); its problems stop it as :func:`load_year`'s do."""
    from tavoitteet.core.compare import compare_with
    from tavoitteet.core.evaluation import evaluate_file
    from tavoitteet.files.baselines import baseline_lookup

    years = data.listed if data.listed is not None else year_files(data.data_root)
    year = choose_year(years, year, as_of, lang)
    lookup = baseline_lookup(data.data_root, years)
    broken: list[LoadedFile] = []

    def evaluated() -> Iterator[FileResult]:
        for item in _year_items(data.data_root, years[year]):
            if item.goal_file is None or item.problems:
                broken.append(item)
            elif not broken:  # nothing is compared once a file is broken: only the problems are shown
                yield evaluate_file(item.goal_file, as_of, lookup)

    with collector_paused():
        comparison = compare_with(year, evaluated(), later)
    if broken:
        raise _broken(broken, year, lang)
    return comparison


def _kept(loaded: LoadedFile) -> LoadedFile:
    """A valid file without its parsed document: the positions of every node, needed only to word problems.

    A national year holds thousands of files; keeping each file's document
    until the end was most of a large view's memory.
    """
    if loaded.goal_file is None or loaded.problems or loaded.document is None:
        return loaded
    return replace(loaded, document=None)


def _may_be(item: LoadedFile, committee: str) -> bool:
    """Whether a broken file may be the committee asked for: by the name it gives, else by its file name."""
    data = item.document.data if item.document is not None else {}
    named = data.get("lautakunta") if isinstance(data, dict) else None
    if isinstance(named, str) and named.strip():
        return _matches(committee, named)
    return _matches(committee, item.path.stem) or _matches(item.path.stem, committee)


def _skipped(path: Path, lang: Lang) -> str:
    if lang == "en":
        return f"tavoitteet: {path} has errors and is left out (tavoitteet validate {path} shows them).\n"
    return f"tavoitteet: tiedostossa {path} on virheitä, joten se jätetään pois (tavoitteet validate {path} näyttää ne).\n"


def _problems_text(broken: list[LoadedFile], lang: Lang) -> str:
    from tavoitteet.render.problems import capped, excerpt, render_text

    problems = capped([p for item in broken for p in item.problems])  # at most as many as validate prints
    sources = {
        item.path: excerpt(item.document.text.split("\n"), item.problems) for item in broken if item.document
    }
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


def parse_status(text: str, lang: Lang) -> Status:
    """A status named in Finnish or English, as shown by the views."""
    from tavoitteet.words.labels import STATUS_NAMES

    wanted = text.strip().casefold().replace("-", " ").replace("_", " ")
    for status, names in STATUS_NAMES.items():
        if wanted in (names["fi"], names["en"]):
            return status
    allowed = ", ".join(names[lang] for names in STATUS_NAMES.values())
    names_typed = [n for names in STATUS_NAMES.values() for n in (names["fi"], names["en"])]
    hint = suggestion(wanted, names_typed, lang)
    raise _fail(
        lang, f"--status {text!r}:{hint} Valitse {allowed}.", f"--status {text!r}:{hint} Choose {allowed}.", 2
    )


def suggestion(typed: str, names: list[str], lang: Lang) -> str:
    """`` Tarkoititko 'x'?`` for the name closest to what was typed, or nothing."""
    import difflib

    close = difflib.get_close_matches(
        typed.strip().casefold(), [n.casefold() for n in names], n=1, cutoff=0.6
    )
    if not close:
        return ""
    shown = next(n for n in names if n.casefold() == close[0])
    return f" Did you mean {shown!r}?" if lang == "en" else f" Tarkoititko {shown!r}?"


def check_names(result: YearResult, filters: Filters, lang: Lang) -> None:
    """An unknown committee or area is an error naming the ones that exist (and the closest one)."""
    committees = [f.goal_file.committee for f in result.files]
    if filters.committee is not None and not any(_matches(filters.committee, c) for c in committees):
        hint = suggestion(filters.committee, committees, lang)
        shown = ", ".join(committees)
        raise _fail(
            lang,
            f"--committee {filters.committee!r}: vuonna {result.year} ei ole tällaista lautakuntaa.{hint} Lautakunnat: {shown}.",
            f"--committee {filters.committee!r}: no such committee in {result.year}.{hint} Committees: {shown}.",
            errors.USAGE,
        )
    areas = {
        name: None
        for f in result.files
        if _matches(filters.committee, f.goal_file.committee)
        for a in f.areas
        for name in (a.area.id, a.area.name)
    }
    if filters.area is not None and not any(_matches(filters.area, a) for a in areas):
        hint = suggestion(filters.area, list(areas), lang)
        shown = ", ".join(
            a.area.id
            for f in result.files
            for a in f.areas
            if _matches(filters.committee, f.goal_file.committee)
        )
        raise _fail(
            lang,
            f"--area {filters.area!r}: tällaista tehtäväaluetta ei ole.{hint} Tehtäväalueet: {shown}.",
            f"--area {filters.area!r}: no such service area.{hint} Service areas: {shown}.",
            errors.USAGE,
        )
    spearheads = {
        name: None
        for f in result.files
        if _matches(filters.committee, f.goal_file.committee)
        for s in f.goal_file.spearheads
        for name in (s.id, s.name)
    }
    if filters.spearhead is not None and not any(_matches(filters.spearhead, s) for s in spearheads):
        hint = suggestion(filters.spearhead, list(spearheads), lang)
        ids = ", ".join(s.id for f in result.files for s in f.goal_file.spearheads) or "-"
        raise _fail(
            lang,
            f"--spearhead {filters.spearhead!r}: tällaista strategiakärkeä ei ole.{hint} Strategiakärjet: {ids}.",
            f"--spearhead {filters.spearhead!r}: no such spearhead.{hint} Spearheads: {ids}.",
            errors.USAGE,
        )


def evaluate(data: YearData, as_of: date, assessor: str | None = None) -> YearResult:
    from tavoitteet.core.evaluation import evaluate_year
    from tavoitteet.files.baselines import baseline_lookup

    lookup = baseline_lookup(data.data_root, data.listed)
    with collector_paused():
        return evaluate_year(list(data.files), data.year, as_of, lookup, assessor)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a year's files are read and evaluated.

    Thousands of files make millions of objects that live to the end, and the collector would go
    through all of them again and again as they are made (a tenth of a national view's time); they
    make no reference cycles, and whatever else is freed by reference counting as ever.  Afterwards
    what was made is kept out of the collector's way as pydantic's own objects are
    (:mod:`tavoitteet.core.lean` freezes them): frozen with them, or where nothing is frozen, moved
    to the oldest generation without being scanned.  The collector then runs as it was."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        frozen = gc.get_freeze_count()
        gc.freeze()
        if not frozen:  # nothing else frozen: back among the collected, in the oldest generation
            gc.unfreeze()
        if was_on:
            gc.enable()


def _same(wanted: str, municipality: str | None) -> bool:
    """A municipality filter names the municipality exactly (case aside): Kemi is not Kemijärvi."""
    return municipality is not None and municipality.strip().casefold() == wanted.strip().casefold()


def _matches(text: str | None, *candidates: str | None) -> bool:
    if text is None:
        return True
    wanted = unicodedata.normalize("NFC", text).strip().casefold()  # as the reader reads the files
    return any(c is not None and (c.casefold() == wanted or wanted in c.casefold()) for c in candidates)


def _goal_matches(
    goal: GoalResult, spearheads: dict[str, str], filters: Filters, status: frozenset[Status]
) -> bool:
    links = [goal.goal.spearhead, *goal.goal.also_advances]
    if filters.spearhead is not None and not any(
        link is not None and _matches(filters.spearhead, link, spearheads.get(link)) for link in links
    ):
        return False
    return not status or goal.status in status or any(i.status in status for i in goal.indicators)


def _filter_file(result: FileResult, filters: Filters, status: frozenset[Status]) -> FileResult | None:
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
        elif not area.goals and not status and filters.spearhead is None:
            areas.append(area)  # an area described without goals is shown as it is
    unfiltered = filters.area is None and filters.spearhead is None and not status
    return summarize_file(goal_file, result.as_of, areas, unfiltered, filters.assessor) if areas else None


def apply_filters(result: YearResult, filters: Filters, lang: Lang) -> YearResult:
    """Only the committees, areas and goals the filters select, with the counts recomputed.

    ``result`` is the year as :func:`evaluate` made it with ``filters.assessor``.
    """
    return every_file(result) if unfiltered(filters) else select(result, filters, lang)


def select(result: YearResult, filters: Filters, lang: Lang) -> YearResult:
    """:func:`apply_filters` the long way: every committee, area and goal through the filters."""
    from tavoitteet.core.evaluation import summarize_year

    status = frozenset(parse_status(text, lang) for text in filters.status)
    check_names(result, filters, lang)
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


def unfiltered(filters: Filters) -> bool:
    """Whether the filters select everything (an assessor to follow is no filter)."""
    return filters == Filters(assessor=filters.assessor)


def every_file(result: YearResult) -> YearResult:
    """What :func:`apply_filters` makes of a freshly evaluated year when nothing is filtered: the same
    year without the files that have no areas, without summarizing every committee again (a
    national year has thousands)."""
    from tavoitteet.core.evaluation import summarize_year

    files = [file_result for file_result in result.files if file_result.areas]
    return result if len(files) == len(result.files) else summarize_year(result.year, result.as_of, files)


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
    data_year = load_year(data_root(data, lang), year, today, lang, filters.committee)
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
