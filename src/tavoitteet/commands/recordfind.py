"""Finding the indicator to record: by id across the years, or every open one of a year."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tavoitteet import errors
from tavoitteet.core.model import Goal, GoalFile, Indicator, IndicatorBase, ServiceArea, walk
from tavoitteet.core.problems import Problem
from tavoitteet.files.discovery import year_files
from tavoitteet.files.loader import load_file
from tavoitteet.render.problems import display_path
from tavoitteet.words.i18n import Lang


@dataclass(frozen=True, slots=True)
class Found:
    """An indicator with the file, year, area and goal it belongs to."""

    year: int
    path: Path
    goal_file: GoalFile
    area: ServiceArea
    goal: Goal
    indicator: Indicator
    line: int = 0

    @property
    def where(self) -> str:
        """``file:line`` of the indicator, for messages."""
        return f"{self.display}:{self.line}" if self.line else self.display

    @property
    def display(self) -> str:
        return display_path(self.path)


def indicators_in(year: int, path: Path) -> Iterator[Found]:
    """Every indicator of a valid file (nothing for a file that does not load)."""
    loaded = load_file(path)
    goal_file, document = loaded.goal_file, loaded.document
    if goal_file is None:
        return
    area: ServiceArea | None = None
    goal: Goal | None = None
    for where, node in walk(goal_file):
        if isinstance(node, ServiceArea):
            area = node
        elif isinstance(node, Goal):
            goal = node
        elif isinstance(node, IndicatorBase) and area is not None and goal is not None:
            line = document.position(where)[0] if document is not None else 0
            yield Found(year, path, goal_file, area, goal, node, line)  # type: ignore[arg-type]


def committee_matches(
    goal_file: GoalFile, path: Path, committee: str | None, municipality: str | None
) -> bool:
    """The file is of the committee (name, part of it, or file name) and municipality asked for."""
    if (
        municipality is not None
        and (goal_file.municipality or "").strip().casefold() != municipality.strip().casefold()
    ):
        return False
    if committee is None:
        return True
    wanted = committee.strip().casefold()
    name = goal_file.committee.casefold()
    return wanted in (name, path.stem.casefold()) or wanted in name


def committee_label(goal_file: GoalFile) -> str:
    """``Hyvinvointilautakunta (Esimerkkilä)``: the committee, with its municipality when named."""
    if goal_file.municipality:
        return f"{goal_file.committee} ({goal_file.municipality})"
    return goal_file.committee


def find_indicator(
    root: Path,
    indicator_id: str,
    year: int | None,
    lang: Lang,
    committee: str | None = None,
    municipality: str | None = None,
) -> Found:
    """The one indicator with this id: in ``year``, else in the latest year that has it; with
    ``committee`` (and ``municipality``), only in that committee's file."""
    years = year_files(root)
    if year is not None and year not in years:
        raise _fail(lang, f"vuodelle {year} ei ole tavoitetiedostoja.", f"no goal files for {year}.")
    searched = [year] if year is not None else sorted(years, reverse=True)
    for candidate_year in searched:
        if found := in_year(root, indicator_id, candidate_year, lang, committee, municipality):
            return found
    raise not_found(indicator_id, year, lang, root)


def in_year(
    root: Path,
    indicator_id: str,
    year: int,
    lang: Lang,
    committee: str | None = None,
    municipality: str | None = None,
) -> Found | None:
    """The indicator with this id in ``year``'s files (of ``committee``); None if none has it,
    refused if several committees do."""
    paths = year_files(root).get(year, [])
    found = [f for p in paths if _mentions(p, indicator_id) for f in indicators_in(year, p)]
    matches = [
        f
        for f in found
        if f.indicator.id == indicator_id and committee_matches(f.goal_file, f.path, committee, municipality)
    ]
    if not matches:
        _refuse_broken(paths, indicator_id, lang)
        return None
    if len(matches) > 1:
        listed = "\n".join(f"  {committee_label(m.goal_file)}: {m.display} ({m.year})" for m in matches)
        raise errors.UserError(
            "tavoitteet: "
            + (
                f"the indicator '{indicator_id}' is in several committees; choose one with --committee:\n{listed}"
                if lang == "en"
                else f"mittari '{indicator_id}' on usealla lautakunnalla; valitse yksi valinnalla --committee:\n{listed}"
            ),
            errors.USAGE,
        )
    return matches[0]


def not_found(indicator_id: str, year: int | None, lang: Lang, root: Path | None = None) -> errors.UserError:
    where = f" ({year})" if year is not None else ""
    hint, listing = _closest(root, year, indicator_id, lang) if root is not None else ("", "")
    return _fail(
        lang,
        f"mittaria '{indicator_id}' ei löytynyt{where}.{hint} {listing}",
        f"no indicator '{indicator_id}' found{where}.{hint} {listing}",
    )


def _closest(root: Path, year: int | None, indicator_id: str, lang: Lang) -> tuple[str, str]:
    """`` Tarkoititko 'x'?`` for the closest indicator id of ``year`` (else the latest), and where the ids are listed."""
    from tavoitteet.commands.viewing import suggestion

    years = year_files(root)
    if year is None and years:
        year = max(years)
    if year is None or year not in years:
        return "", ""
    ids = [f.indicator.id for p in years[year] for f in indicators_in(year, p)]
    listing = (
        f"`tavoitteet list {year}` näyttää tunnukset."
        if lang == "fi"
        else f"`tavoitteet list {year}` lists the ids."
    )
    return suggestion(indicator_id, ids, lang), listing


def _refuse_broken(paths: list[Path], indicator_id: str, lang: Lang) -> None:
    """A file that names the id but does not load is the likely place: say so, with its first error."""
    from tavoitteet.files.writer import WriteRefused

    for path in paths:
        if not _mentions(path, indicator_id):
            continue
        loaded = load_file(path)
        if loaded.goal_file is None and loaded.problems:
            first = min(loaded.problems, key=Problem.sort_key)
            refused = WriteRefused("write.invalid_before", Path(display_path(path)), first)
            raise errors.UserError(f"tavoitteet: {refused.describe(lang)}", errors.PROBLEMS)


def _mentions(path: Path, text: str) -> bool:
    """Whether the file's bytes hold ``text``; a file that is not read (a link) is named by loading it."""
    from tavoitteet.files.rawread import read_goal_bytes

    raw = read_goal_bytes(path)
    if not isinstance(raw, bytes):
        return True
    return text.encode("utf-8", "surrogateescape") in raw or not text.isascii()


def _fail(lang: Lang, fi: str, en: str) -> errors.UserError:
    return errors.UserError("tavoitteet: " + (en if lang == "en" else fi), errors.PROBLEMS)
