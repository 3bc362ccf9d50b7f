"""Trend baselines from earlier years' files: the I/O edge of the status evaluation.

A trend indicator without ``vertailuarvo`` and without its baseline year in its own ``sarja`` is
compared to its latest value of that year in the file of its baseline year (``vertailuvuosi``) of
the **same municipality and committee**: the indicator with the same id, or the one the later
indicator names in ``edeltäjä`` (``"2023/id"`` or ``"id"``).  Another municipality's or committee's
file never gives a baseline, even with the same id.  Files that do not load are skipped
(``validate`` reports them).

At national scale a baseline year holds thousands of files.  :func:`baseline_lookup` reads a
baseline year's files only when a lookup needs them, in order and only as far as the first file
that answers it, and keeps of each file read only a small index (its owner and its indicators'
latest numbers), never the file's model: the answer is the one :func:`find_baseline` gives over
every file of the year.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from tavoitteet.core.evaluation import BaselineLookup, Identity, identity
from tavoitteet.core.links import linked_id
from tavoitteet.core.model import GoalFile, TrendIndicator
from tavoitteet.core.values import latest_number
from tavoitteet.files.discovery import year_files
from tavoitteet.files.loader import load_goal_file


def find_baseline(
    indicator: TrendIndicator, earlier: list[GoalFile], owner: Identity | None = None
) -> Decimal | None:
    """The baseline in already-loaded files of the baseline year (pure); with ``owner``, only its files."""
    wanted = _wanted(indicator)
    for goal_file in earlier:
        if owner is not None and identity(goal_file) != owner:
            continue
        for candidate in goal_file.indicators():
            if candidate.id in wanted and (value := latest_number(candidate, goal_file.year)) is not None:
                return value
    return None


def _wanted(indicator: TrendIndicator) -> set[str]:
    linked = linked_id(indicator.predecessor, indicator.baseline_year)
    return {indicator.id, *([linked] if linked else [])}


@dataclass(frozen=True, slots=True)
class FileNumbers:
    """What a baseline needs of one earlier file: its owner and, for each indicator id, the place in
    the file of the first indicator with that id that has a latest number, and that number."""

    owner: Identity
    numbers: Mapping[str, tuple[int, Decimal]]

    @classmethod
    def of(cls, goal_file: GoalFile) -> FileNumbers:
        numbers: dict[str, tuple[int, Decimal]] = {}
        for place, candidate in enumerate(goal_file.indicators()):
            if (
                candidate.id not in numbers
                and (value := latest_number(candidate, goal_file.year)) is not None
            ):
                numbers[candidate.id] = (place, value)
        return cls(identity(goal_file), numbers)

    def find(self, wanted: set[str]) -> Decimal | None:
        """The number of the first indicator in the file with one of the ``wanted`` ids, as
        :func:`find_baseline` finds it."""
        found = [self.numbers[key] for key in wanted if key in self.numbers]
        return min(found, key=lambda item: item[0])[1] if found else None


@dataclass(slots=True)
class _YearIndex:
    """A baseline year's files, indexed in their order as far as they have been read."""

    paths: Sequence[Path]
    read: int = 0
    files: list[FileNumbers] = field(default_factory=list)
    by_owner: dict[Identity, list[FileNumbers]] = field(default_factory=dict)

    def find(self, wanted: set[str], owner: Identity | None) -> Decimal | None:
        known = self.files if owner is None else self.by_owner.get(owner, [])
        for numbers in known:  # every file before the first unread one: the earliest answer is here
            if (value := numbers.find(wanted)) is not None:
                return value
        while self.read < len(self.paths):
            found = self._next()
            if found is None or (owner is not None and found.owner != owner):
                continue
            if (value := found.find(wanted)) is not None:
                return value
        return None

    def _next(self) -> FileNumbers | None:
        goal_file = load_goal_file(self.paths[self.read])
        self.read += 1
        if goal_file is None:  # a file that does not load gives no baseline (validate reports it)
            return None
        numbers = FileNumbers.of(goal_file)
        self.files.append(numbers)
        self.by_owner.setdefault(numbers.owner, []).append(numbers)
        return numbers


def baseline_lookup(data_root: Path, years: Mapping[int, Sequence[Path]] | None = None) -> BaselineLookup:
    """A lookup that reads each baseline year's files from ``data_root`` at most once.

    ``years`` are the data folder's files by year when the caller has listed them already; else the
    folder is listed at the first lookup (a year whose baselines are all in its own files needs none).
    """
    listed: list[Mapping[int, Sequence[Path]]] = [years] if years is not None else []
    indexes: dict[int, _YearIndex] = {}

    def lookup(indicator: TrendIndicator, owner: Identity | None = None) -> Decimal | None:
        year = indicator.baseline_year
        if year not in indexes:
            if not listed:
                listed.append(year_files(data_root))
            indexes[year] = _YearIndex(listed[0].get(year, []))
        return indexes[year].find(_wanted(indicator), owner)

    return lookup
