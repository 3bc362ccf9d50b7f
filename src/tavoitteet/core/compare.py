"""Comparing two years of the same committee: what continues, what is new, what was dropped.

Pure: takes two evaluated years and returns frozen results; the command and
the HTML report render them.  Goals and indicators of the later year are
matched to the earlier year's by their ``edeltäjä`` link (``"2023/id"`` or
``"id"``) when it names the earlier year (or no year), otherwise by the same
id.  Spearheads are matched by id or by the same name.  For indicators found
in both years the latest values are compared; a change is computed when both
are numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from tavoitteet.core.evaluation import FileResult, Identity, IndicatorResult, YearResult, identity
from tavoitteet.core.links import linked_id
from tavoitteet.core.model import Goal, Spearhead

T = TypeVar("T")


class Change(StrEnum):
    """What happened to a goal or spearhead between the years; values are the Finnish words."""

    CONTINUES = "jatkuu"
    NEW = "uusi"
    DROPPED = "poistunut"


@dataclass(frozen=True, slots=True)
class ItemChange:
    """A goal or spearhead: its id and name in either year (None where it does not exist)."""

    change: Change
    id_a: str | None
    id_b: str | None
    name_a: str | None
    name_b: str | None


@dataclass(frozen=True, slots=True)
class IndicatorPair:
    """An indicator found in both years, with the latest values and the change between them."""

    a: IndicatorResult
    b: IndicatorResult
    value_a: Decimal | None
    value_b: Decimal | None
    change: Decimal | None
    change_percent: Decimal | None


@dataclass(frozen=True, slots=True)
class CommitteeComparison:
    committee: str
    year_a: int
    year_b: int
    spearheads: tuple[ItemChange, ...]
    goals: tuple[ItemChange, ...]
    indicators: tuple[IndicatorPair, ...]
    municipality: str | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    year_a: int
    year_b: int
    committees: tuple[CommitteeComparison, ...]
    only_in_a: tuple[str, ...]
    only_in_b: tuple[str, ...]


def pair_up(
    earlier: Sequence[T],
    later: Sequence[T],
    keys_a: Callable[[T], Iterable[str]],
    keys_b: Callable[[T], Iterable[str]],
) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Pairs (earlier, later) matched by the first of each later item's keys that an earlier item has."""
    index: dict[str, int] = {}
    for position, item in enumerate(earlier):
        for key in keys_a(item):
            index.setdefault(key, position)
    used: set[int] = set()
    pairs: list[tuple[T, T]] = []
    new: list[T] = []
    for item in later:
        found = next((index[k] for k in keys_b(item) if k in index and index[k] not in used), None)
        if found is None:
            new.append(item)
        else:
            used.add(found)
            pairs.append((earlier[found], item))
    return pairs, new, [item for position, item in enumerate(earlier) if position not in used]


def _changes(
    pairs: list[tuple[T, T]],
    new: list[T],
    dropped: list[T],
    ident: Callable[[T], str],
    name: Callable[[T], str],
) -> tuple[ItemChange, ...]:
    return (
        *(ItemChange(Change.CONTINUES, ident(a), ident(b), name(a), name(b)) for a, b in pairs),
        *(ItemChange(Change.NEW, None, ident(b), None, name(b)) for b in new),
        *(ItemChange(Change.DROPPED, ident(a), None, name(a), None) for a in dropped),
    )


def compare_goals(a: Sequence[Goal], b: Sequence[Goal], year_a: int) -> tuple[ItemChange, ...]:
    def keys_b(goal: Goal) -> list[str]:
        linked = linked_id(goal.predecessor, year_a)
        return [linked] if linked else [goal.id]

    pairs, new, dropped = pair_up(a, b, lambda g: [g.id], keys_b)
    return _changes(pairs, new, dropped, lambda g: g.id, lambda g: g.title)


def compare_spearheads(a: Sequence[Spearhead], b: Sequence[Spearhead]) -> tuple[ItemChange, ...]:
    def keys(spearhead: Spearhead) -> list[str]:
        return [spearhead.id, "name:" + spearhead.name.strip().casefold()]

    pairs, new, dropped = pair_up(a, b, keys, keys)
    return _changes(pairs, new, dropped, lambda s: s.id, lambda s: s.name)


def _number(result: IndicatorResult) -> Decimal | None:
    return result.value if isinstance(result.value, Decimal) else None


def indicator_pair(a: IndicatorResult, b: IndicatorResult) -> IndicatorPair:
    value_a, value_b = _number(a), _number(b)
    if value_a is None or value_b is None:
        return IndicatorPair(a, b, value_a, value_b, None, None)
    change = value_b - value_a
    percent = None if value_a == 0 else change * 100 / abs(value_a)
    return IndicatorPair(a, b, value_a, value_b, change, percent)


def _indicators(file: FileResult) -> list[IndicatorResult]:
    return [i for area in file.areas for goal in area.goals for i in goal.indicators]


def compare_indicators(a: FileResult, b: FileResult, year_a: int) -> tuple[IndicatorPair, ...]:
    def keys_b(result: IndicatorResult) -> list[str]:
        linked = linked_id(result.indicator.predecessor, year_a)
        return [linked] if linked else [result.indicator.id]

    pairs, _, _ = pair_up(_indicators(a), _indicators(b), lambda r: [r.indicator.id], keys_b)
    return tuple(indicator_pair(x, y) for x, y in pairs)


def compare_files(a: FileResult, b: FileResult) -> CommitteeComparison:
    """One committee's two years."""
    year_a, year_b = a.goal_file.year, b.goal_file.year
    goals_a = [g.goal for area in a.areas for g in area.goals]
    goals_b = [g.goal for area in b.areas for g in area.goals]
    return CommitteeComparison(
        committee_name(b),
        year_a,
        year_b,
        compare_spearheads(a.goal_file.spearheads, b.goal_file.spearheads),
        compare_goals(goals_a, goals_b, year_a),
        compare_indicators(a, b, year_a),
        b.goal_file.municipality,
    )


def _committee_key(file: FileResult) -> Identity:
    return identity(file.goal_file)


def committee_name(file: FileResult) -> str:
    """The committee's name, with its municipality in brackets when the file names one."""
    goal_file = file.goal_file
    return (
        f"{goal_file.committee} ({goal_file.municipality})" if goal_file.municipality else goal_file.committee
    )


def compare_years(a: YearResult, b: YearResult) -> Comparison:
    """Every committee that has a file in both years, paired by municipality and name: one town's
    committee is never compared with another's; the others are listed by name."""
    return compare_with(a.year, a.files, b)


def compare_with(year_a: int, files_a: Iterable[FileResult], b: YearResult) -> Comparison:
    """:func:`compare_years` of the earlier year's files as they come, one at a time: of each only
    its comparison and name are kept (a national year holds thousands).  Of files with the same
    committee the last one counts, as in :func:`compare_years`."""
    later = {_committee_key(f): f for f in b.files}
    names_a: dict[Identity, str] = {}
    compared: dict[Identity, CommitteeComparison] = {}
    for file_a in files_a:
        key = _committee_key(file_a)
        names_a[key] = committee_name(file_a)
        if key in later:
            compared[key] = compare_files(file_a, later[key])
    both = tuple(compared[k] for k in later if k in compared)
    only_a = tuple(name for k, name in names_a.items() if k not in later)
    only_b = tuple(committee_name(f) for k, f in later.items() if k not in names_a)
    return Comparison(year_a, b.year, both, only_a, only_b)
