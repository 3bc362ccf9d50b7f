"""The evaluated year as flat rows: one per indicator with its committee, area, goal and action.

The Markdown, CSV and HTML reports all walk the year this way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tavoitteet.core.evaluation import AreaResult, FileResult, GoalResult, IndicatorResult, YearResult
from tavoitteet.core.model import Action, Goal


@dataclass(frozen=True, slots=True)
class Row:
    """One indicator in its place in the year."""

    file: FileResult
    area: AreaResult
    goal: GoalResult
    action: Action | None
    result: IndicatorResult


def actions_by_indicator(goal: Goal) -> dict[str, Action]:
    """The action each of the goal's action indicators belongs to, by indicator id."""
    return {indicator.id: action for action in goal.actions for indicator in action.indicators}


def bare_actions(goal: Goal) -> list[Action]:
    """The goal's actions that have no indicators of their own: reports list them by their text."""
    return [action for action in goal.actions if not action.indicators]


def goal_rows(file: FileResult, area: AreaResult, goal: GoalResult) -> Iterator[Row]:
    actions = actions_by_indicator(goal.goal)
    own = {id(i) for i in goal.goal.indicators}
    for result in goal.indicators:
        action = None if id(result.indicator) in own else actions.get(result.indicator.id)
        yield Row(file, area, goal, action, result)


def rows(year: YearResult) -> Iterator[Row]:
    """Every indicator of the year in file order."""
    for file in year.files:
        for area in file.areas:
            for goal in area.goals:
                yield from goal_rows(file, area, goal)
