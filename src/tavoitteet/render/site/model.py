"""What the site shows: every committee-year, evaluated, and the series that link them over the years.

A committee is followed from year to year by its municipality and its file's
name (``data/2023/kulttuurilautakunta.yaml`` and
``data/2024/kulttuurilautakunta.yaml`` are one committee); inside it a goal or
an indicator is followed by its id, or by the earlier id its ``edeltäjä``
names.  Nothing is linked across municipalities or committees.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from tavoitteet.core.compare import linked_id
from tavoitteet.core.evaluation import FileResult, GoalResult, IndicatorResult, Status
from tavoitteet.words.i18n import ReportLang

ChainKey = tuple[str, str]
"""(municipality or "", the file's name without suffix): one committee over the years."""


@dataclass(frozen=True, slots=True)
class CommitteeYear:
    """One goal file, evaluated, with where it came from."""

    source: str
    """The file's path under the data folder, with forward slashes: ``2024/kulttuurilautakunta.yaml``."""
    municipality: str | None
    slug: str
    year: int
    result: FileResult
    updated: date | None = None
    """When the file was last changed in git, if the data folder is in a repository."""
    deps: frozenset[str] = frozenset()
    """Every source file its evaluation read: its own and those a trend's baseline came from."""

    @property
    def committee(self) -> str:
        return self.result.goal_file.committee

    @property
    def chain(self) -> ChainKey:
        return (self.municipality or "", self.slug)

    def goals(self) -> Iterable[tuple[str, GoalResult]]:
        """Every goal with the name of its service area."""
        for area in self.result.areas:
            for goal in area.goals:
                yield area.area.name, goal

    def indicators(self) -> Iterable[tuple[GoalResult, IndicatorResult]]:
        for area in self.result.areas:
            for goal in area.goals:
                for indicator in goal.indicators:
                    yield goal, indicator


@dataclass(frozen=True, slots=True)
class Point:
    """A goal's or an indicator's place in one year of its series."""

    place: CommitteeYear
    goal: GoalResult
    indicator: IndicatorResult | None = None


@dataclass(slots=True)
class Site:
    """Everything the pages are made from."""

    as_of: date
    languages: tuple[ReportLang, ...]
    committee_years: tuple[CommitteeYear, ...]
    updated: date | None = None
    chains: dict[ChainKey, list[CommitteeYear]] = field(default_factory=dict)
    goal_series: dict[tuple[str, str], list[Point]] = field(default_factory=dict)
    indicator_series: dict[tuple[str, str], list[Point]] = field(default_factory=dict)

    municipalities: list[str | None] = field(default_factory=list)
    """The municipalities named, in order; None stands for files that name none."""
    several_municipalities: bool = False
    years: list[int] = field(default_factory=list)
    """Newest first."""
    memo: dict[tuple[object, ...], object] = field(default_factory=dict)
    """Pieces the renderers share between pages (a series' table is the same on each of its pages)."""

    def sources(self) -> frozenset[str]:
        return frozenset(cy.source for cy in self.committee_years)

    def chain_sources(self, place: CommitteeYear) -> frozenset[str]:
        """What a page about the committee over the years depends on."""
        return frozenset(s for cy in self.chains[place.chain] for s in cy.deps)


def build_site(
    committee_years: Sequence[CommitteeYear], as_of: date, languages: Sequence[ReportLang]
) -> Site:
    ordered = sorted(committee_years, key=lambda cy: (cy.municipality or "", cy.year, cy.slug))
    dates = [cy.updated for cy in ordered if cy.updated is not None]
    site = Site(as_of, tuple(languages), tuple(ordered), max(dates) if dates else None)
    named = dict.fromkeys(cy.municipality for cy in ordered)
    site.municipalities = sorted(named, key=lambda m: (m is None, m or ""))
    site.several_municipalities = len(site.municipalities) > 1
    site.years = sorted({cy.year for cy in ordered}, reverse=True)
    for cy in ordered:
        site.chains.setdefault(cy.chain, []).append(cy)
    for chain in site.chains.values():
        _link_chain(chain, site)
    return site


def _link_chain(chain: list[CommitteeYear], site: Site) -> None:
    """Follow every goal and indicator of one committee through the years (the chain is by year)."""
    goal_lines: dict[tuple[int, str], list[Point]] = {}
    indicator_lines: dict[tuple[int, str], list[Point]] = {}
    for cy in chain:
        earlier = [other for other in chain if other.year < cy.year]
        for _, goal in cy.goals():
            line = _find(goal_lines, earlier, cy.year, goal.goal.id, goal.goal.predecessor)
            line.append(Point(cy, goal))
            goal_lines[(cy.year, goal.goal.id)] = line
            site.goal_series[(cy.source, goal.goal.id)] = line
        for goal, indicator in cy.indicators():
            item = indicator.indicator
            line = _find(indicator_lines, earlier, cy.year, item.id, item.predecessor)
            line.append(Point(cy, goal, indicator))
            indicator_lines[(cy.year, item.id)] = line
            site.indicator_series[(cy.source, item.id)] = line


def _find(
    lines: dict[tuple[int, str], list[Point]],
    earlier: list[CommitteeYear],
    year: int,
    ident: str,
    predecessor: str | None,
) -> list[Point]:
    """The series of the nearest earlier year that has the item (or the one its predecessor names).

    A series that another item of ``year`` has already continued is not continued twice.
    """
    for cy in reversed(earlier):
        wanted = linked_id(predecessor, cy.year) if predecessor else ident
        line = lines.get((cy.year, wanted)) if wanted is not None else None
        if line is not None:
            return line if line[-1].place.year < year else []
    return []


def unassessed(site: Site) -> list[Point]:
    """Goals and indicators not assessed, of the years that are over, in site order."""
    points: list[Point] = []
    for cy in site.committee_years:
        for _, goal in cy.goals():
            if goal.status is Status.NOT_ASSESSED:
                points.append(Point(cy, goal))
            points += [Point(cy, goal, i) for i in goal.indicators if i.status is Status.NOT_ASSESSED]
    return points
