"""Trend baselines from earlier years' files: the I/O edge of the status evaluation.

A trend indicator without ``vertailuarvo`` and without its baseline year in its own ``sarja`` is
compared to its latest value of that year in the file of its baseline year (``vertailuvuosi``) of
the **same municipality and committee**: the indicator with the same id, or the one the later
indicator names in ``edeltäjä`` (``"2023/id"`` or ``"id"``).  Another municipality's or committee's
file never gives a baseline, even with the same id.  Files that do not load are skipped
(``validate`` reports them).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tavoitteet.core.compare import linked_id
from tavoitteet.core.evaluation import BaselineLookup, Identity, identity
from tavoitteet.core.model import GoalFile, TrendIndicator
from tavoitteet.core.values import latest_number
from tavoitteet.files.discovery import year_files
from tavoitteet.files.loader import load_file


def find_baseline(
    indicator: TrendIndicator, earlier: list[GoalFile], owner: Identity | None = None
) -> Decimal | None:
    """The baseline in already-loaded files of the baseline year (pure); with ``owner``, only its files."""
    linked = linked_id(indicator.predecessor, indicator.baseline_year)
    wanted = {indicator.id, *([linked] if linked else [])}
    for goal_file in earlier:
        if owner is not None and identity(goal_file) != owner:
            continue
        for candidate in goal_file.indicators():
            if candidate.id in wanted and (value := latest_number(candidate, goal_file.year)) is not None:
                return value
    return None


def baseline_lookup(data_root: Path) -> BaselineLookup:
    """A lookup that loads each baseline year's files from ``data_root`` once."""
    files = year_files(data_root)
    loaded: dict[int, list[GoalFile]] = {}

    def lookup(indicator: TrendIndicator, owner: Identity | None = None) -> Decimal | None:
        year = indicator.baseline_year
        if year not in loaded:
            results = (load_file(path) for path in files.get(year, []))
            loaded[year] = [r.goal_file for r in results if r.goal_file is not None]
        return find_baseline(indicator, loaded[year], owner)

    return lookup
