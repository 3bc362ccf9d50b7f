"""What the site shows: every committee-year, evaluated, and the series that link them over the years.

A committee is followed from year to year by its municipality and its file's
name (``data/2023/kulttuurilautakunta.yaml`` and
``data/2024/kulttuurilautakunta.yaml`` are one committee); inside it a goal or
an indicator is followed by its id, or by the earlier id its ``edeltäjä``
names.  Nothing is linked across municipalities or committees.

Every committee-year is a :class:`Place`: what the pages about many files (the
front page, a year, the search index, the tables of the data package, …) need
of it, made once from its evaluation (:mod:`.summary`) and kept between builds.
The evaluation itself (:class:`CommitteeYear`) is needed only for the pages
about that committee, so a rebuild evaluates only the committees it writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol, TypeVar

from tavoitteet.core.evaluation import (
    ALL_STATUSES,
    BindingCounts,
    Counts,
    FileResult,
    GoalResult,
    Identity,
    IndicatorResult,
)
from tavoitteet.core.links import linked_id
from tavoitteet.words.i18n import Lang, ReportLang

T = TypeVar("T")

ChainKey = tuple[str, str]
"""(municipality or "", the file's name without suffix): one committee over the years."""


class Located(Protocol):
    """What a committee-year's addresses are made of."""

    @property
    def municipality(self) -> str | None: ...

    @property
    def slug(self) -> str: ...

    @property
    def year(self) -> int: ...


class Counted(Protocol):
    """The counts of a committee-year (a :class:`Place`, or its evaluation)."""

    @property
    def goal_counts(self) -> Counts: ...

    @property
    def indicator_counts(self) -> Counts: ...

    @property
    def binding(self) -> BindingCounts: ...


@dataclass(frozen=True, slots=True)
class Unassessed:
    """A goal (``indicator`` None) or an indicator not assessed, as the not-assessed page lists it."""

    goal: str
    """the goal's id"""
    indicator: str | None
    """the indicator's id"""
    label: str
    """the goal's title or the indicator's name (its id if it has none), as in the file"""
    why: tuple[tuple[Lang, str], ...]
    """why not assessed, in each language of the explanations the site's languages need"""


ASPECTS = ("counts", "unassessed", "names", "search", "rows")
"""The parts of a place that pages about many files show: the committee tables (front, year and
municipality pages), the not-assessed page, the downloads page, the search index, the data tables."""


@dataclass(frozen=True, slots=True)
class Place:
    """One committee-year as the pages about many files show it: made from its evaluation (:mod:`.summary`)."""

    source: str
    municipality: str | None
    slug: str
    year: int
    committee: str
    names: tuple[tuple[ReportLang, str, ReportLang], ...]
    """the committee's name in each site language: (language, text, the text's own language)"""
    goal_counts: Counts
    indicator_counts: Counts
    binding: BindingCounts
    goals: tuple[tuple[str, tuple[str, ...]], ...]
    """every goal's id with its indicators' ids, in the file's order"""
    unassessed: tuple[Unassessed, ...]
    search: tuple[tuple[ReportLang, str], ...]
    """the search index's entries of this committee-year in each site language, as JSON (without brackets)"""
    several: bool
    """whether the addresses (in :attr:`search`) were made for a site of several municipalities"""
    rows: tuple[str, ...]
    """the rows of this committee-year in each table of the data package (``data.TABLES``), as CSV"""
    identity: Identity
    baseline_years: tuple[int, ...]
    """the years a trend's baseline may come from (other files of those years)"""
    updated: date | None = None
    deps: frozenset[str] = frozenset()
    """Every source file its evaluation read: its own and those a trend's baseline came from."""
    aspects: tuple[tuple[str, str], ...] = ()
    """A digest of each part of the place a kind of page shows (:data:`ASPECTS`): a page made of parts
    that are all the same as last time is the same page (:func:`.plan.outputs`)."""

    @property
    def chain(self) -> ChainKey:
        return (self.municipality or "", self.slug)

    def name(self, lang: ReportLang) -> tuple[str, ReportLang]:
        """The committee's name in ``lang`` where the file gives it, and the language it is in."""
        return next(((text, own) for code, text, own in self.names if code == lang), (self.committee, "fi"))

    def counted(self) -> tuple[tuple[int, ...], tuple[int, ...], tuple[object, ...]]:
        """The goals', the indicators' and the binding ones' counts as plain numbers."""
        binding = self.binding
        return (
            _plain(self.goal_counts),
            _plain(self.indicator_counts),
            (
                _plain(binding.goals),
                binding.goals_not_stated,
                binding.goals_not_binding,
                _plain(binding.indicators),
                binding.indicators_not_stated,
                binding.indicators_not_binding,
            ),
        )

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        """Pickled as plain values, which a rebuild reads back several times faster than dataclasses."""
        return (
            _place,
            (
                self.source,
                self.municipality,
                self.slug,
                self.year,
                self.committee,
                self.names,
                *self.counted(),
                self.goals,
                tuple((u.goal, u.indicator, u.label, u.why) for u in self.unassessed),
                self.search,
                self.several,
                self.rows,
                self.identity,
                self.baseline_years,
                self.updated,
                self.deps,
                self.aspects,
            ),
        )


def _plain(counts: Counts) -> tuple[int, ...]:
    return tuple(counts[s] for s in ALL_STATUSES)


def _counts(plain: tuple[int, ...]) -> Counts:
    return Counts(dict(zip(ALL_STATUSES, plain, strict=True)))


def _place(
    source: str,
    municipality: str | None,
    slug: str,
    year: int,
    committee: str,
    names: tuple[tuple[ReportLang, str, ReportLang], ...],
    goal_counts: tuple[int, ...],
    indicator_counts: tuple[int, ...],
    binding: tuple[tuple[int, ...], int, int, tuple[int, ...], int, int],
    goals: tuple[tuple[str, tuple[str, ...]], ...],
    unassessed: tuple[tuple[str, str | None, str, tuple[tuple[Lang, str], ...]], ...],
    *rest: Any,
) -> Place:
    """A :class:`Place` from :meth:`Place.__reduce__`'s values."""
    goals_binding, goals_not_stated, goals_not_binding, indicators, indicators_not_stated, not_binding = (
        binding
    )
    counted = BindingCounts(
        _counts(goals_binding),
        goals_not_stated,
        goals_not_binding,
        _counts(indicators),
        indicators_not_stated,
        not_binding,
    )
    items = tuple(Unassessed(*item) for item in unassessed)
    return Place(
        source,
        municipality,
        slug,
        year,
        committee,
        names,
        _counts(goal_counts),
        _counts(indicator_counts),
        counted,
        goals,
        items,
        *rest,
    )


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
    places: tuple[Place, ...]
    """every committee-year, in site order"""
    updated: date | None = None
    full: dict[str, CommitteeYear] = field(default_factory=dict)
    """the committee-years evaluated in this build, by source (every one in a full build)"""
    chains: dict[ChainKey, list[Place]] = field(default_factory=dict)
    linked: set[ChainKey] = field(default_factory=set)
    """the chains whose series are followed (every committee-year of them evaluated)"""
    goal_series: dict[tuple[str, str], list[Point]] = field(default_factory=dict)
    indicator_series: dict[tuple[str, str], list[Point]] = field(default_factory=dict)

    municipalities: list[str | None] = field(default_factory=list)
    """The municipalities named, in order; None stands for files that name none."""
    several_municipalities: bool = False
    years: list[int] = field(default_factory=list)
    """Newest first."""
    memo: dict[tuple[object, ...], tuple[object, Any]] = field(default_factory=dict)
    """Pieces the renderers share between pages (a series' table is the same on each of its pages)."""

    def shared(self, owner: object, make: Callable[[], T], *key: object) -> T:
        """``make()`` once for ``owner`` (and ``key``), as every page of it needs the same piece.

        The memo keeps ``owner`` itself: a series replaced while the site is built (a rebuild links
        its chains as their committee-years arrive) is then never mistaken for the one that took its
        ``id()`` after it.
        """
        slot = (id(owner), *key)
        kept = self.memo.get(slot)
        if kept is None or kept[0] is not owner:
            kept = self.memo[slot] = (owner, make())
        made: T = kept[1]
        return made

    def sources(self) -> frozenset[str]:
        return frozenset(p.source for p in self.places)

    def chain_sources(self, place: Place | CommitteeYear) -> frozenset[str]:
        """What a page about the committee over the years depends on."""
        return frozenset(s for p in self.chains[place.chain] for s in p.deps)

    def add(self, evaluated: Iterable[CommitteeYear]) -> None:
        """Committee-years evaluated for their pages; a chain's series are followed once all of it is here."""
        for cy in evaluated:
            self.full.setdefault(cy.source, cy)
        for key, chain in self.chains.items():
            if key not in self.linked and all(p.source in self.full for p in chain):
                self.linked.add(key)
                _link_chain([self.full[p.source] for p in chain], self)


def build_site(
    places: Sequence[Place],
    as_of: date,
    languages: Sequence[ReportLang],
    evaluated: Iterable[CommitteeYear] = (),
) -> Site:
    ordered = sorted(places, key=lambda p: (p.municipality or "", p.year, p.slug))
    dates = [p.updated for p in ordered if p.updated is not None]
    site = Site(as_of, tuple(languages), tuple(ordered), max(dates) if dates else None)
    named = dict.fromkeys(p.municipality for p in ordered)
    site.municipalities = sorted(named, key=lambda m: (m is None, m or ""))
    site.several_municipalities = len(site.municipalities) > 1
    site.years = sorted({p.year for p in ordered}, reverse=True)
    for place in ordered:
        site.chains.setdefault(place.chain, []).append(place)
    site.add(evaluated)
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
