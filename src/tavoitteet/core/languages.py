"""Which texts of a goal file have no Swedish version (``sv:``): what ``validate --languages fi,sv`` lists.

Pure: walks a valid :class:`~tavoitteet.core.model.GoalFile` and yields, for
every Finnish text that a Swedish report would show, the key path of its
object and the key whose Swedish text is missing.  Identifiers, numbers,
dates and names of people are not translated and not listed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tavoitteet.core.model import GoalFile
from tavoitteet.core.problems import DataPath

Missing = tuple[DataPath, str]
"""(the object's key path, the Finnish key whose ``sv:`` text is missing)."""

TRANSLATED: dict[str, tuple[str, ...]] = {
    "GoalFile": ("committee", "title", "description"),
    "Spearhead": ("name", "description"),
    "ServiceArea": ("name", "description"),
    "AreaPart": ("name", "description"),
    "Goal": ("title", "description"),
    "Action": ("text",),
    "Indicator": ("name", "target_text", "note"),
    "Entry": ("comment", "missing_reason"),
    "ManualLevel": ("reason",),
    "Assessment": ("text", "reason"),
}
"""The Python fields of each object that have a Swedish version in its ``sv:`` mapping."""


def _kind(item: Any) -> str:
    name = type(item).__name__
    return "Indicator" if name.endswith("Indicator") else name


def _missing(item: Any, path: DataPath) -> Iterator[Missing]:
    swedish: Any = getattr(item, "swedish", None)
    for field in TRANSLATED[_kind(item)]:
        finnish = getattr(item, field, None)
        if isinstance(finnish, str) and finnish.strip() and not getattr(swedish, field, None):
            yield path, type(item).model_fields[field].alias or field


def _indicator(indicator: Any, path: DataPath) -> Iterator[Missing]:
    yield from _missing(indicator, path)
    for n, entry in enumerate(getattr(indicator, "entries", [])):
        yield from _missing(entry, (*path, "toteuma", n))
    if (level := getattr(indicator, "manual_level", None)) is not None:
        yield from _missing(level, (*path, "toteutumistaso"))


def _assessments(item: Any, path: DataPath) -> Iterator[Missing]:
    for n, assessment in enumerate(getattr(item, "assessments", [])):
        yield from _missing(assessment, (*path, "arviot", n))


def missing_swedish(goal_file: GoalFile) -> list[Missing]:
    """Every text of the file without its Swedish version, in file order."""
    found = list(_missing(goal_file, ()))
    found += _assessments(goal_file, ())
    for n, spearhead in enumerate(goal_file.spearheads):
        found += _missing(spearhead, ("strategiakärjet", n))
    for a, area in enumerate(goal_file.areas):
        area_path: DataPath = ("tehtäväalueet", a)
        found += _missing(area, area_path)
        for key in ("strategiset_tavoitteet", "alayksiköt"):
            parts = getattr(area, "strategic_aims" if key == "strategiset_tavoitteet" else "sub_units", [])
            for n, part in enumerate(parts):
                found += _missing(part, (*area_path, key, n))
        for g, goal in enumerate(area.goals):
            goal_path = (*area_path, "tavoitteet", g)
            found += _missing(goal, goal_path)
            found += _assessments(goal, goal_path)
            for i, indicator in enumerate(goal.indicators):
                found += _indicator(indicator, (*goal_path, "mittarit", i))
            for t, action in enumerate(goal.actions):
                action_path = (*goal_path, "teot", t)
                found += _missing(action, action_path)
                for i, indicator in enumerate(action.indicators):
                    found += _indicator(indicator, (*action_path, "mittarit", i))
    return found
