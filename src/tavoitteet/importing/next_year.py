"""Next year's goal file from this year's: pure data in, plain data out for :mod:`.emit`.

Decision metadata is left for filling in, realization is cleared, every goal
and indicator names its predecessor (``edeltäjä: "2024/id"``), and a trend
indicator's baseline moves to the earlier year with the value last recorded
for it.  Texts are kept as they are; those naming the earlier year are listed
for a person to review.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tavoitteet.core.model import GoalFile, Indicator, TrendIndicator
from tavoitteet.core.problems import DataPath, format_path
from tavoitteet.core.values import latest_number
from tavoitteet.importing.emit import Comment

_DROPPED_TOP = ("päätös", "lähde")
_CLEARED = ("toteuma", "toteutumistaso", "korjaukset")


@dataclass(frozen=True)
class NextYear:
    data: dict[Any, Any]
    year_mentions: list[tuple[str, str]]
    baselines: int


def next_year(goal_file: GoalFile, year: int, earlier: int) -> NextYear:
    """The data of ``goal_file`` started again for ``year``."""
    data: dict[Any, Any] = goal_file.model_dump(by_alias=True, exclude_defaults=True)
    data["vuosi"] = year
    baselines = 0
    for area, area_model in zip(data["tehtäväalueet"], goal_file.areas, strict=True):
        area.pop("korjaukset", None)
        for goal, goal_model in zip(area["tavoitteet"], area_model.goals, strict=True):
            baselines += _goal(goal, goal_model, earlier)
    result = _top(data, goal_file)
    return NextYear(result, list(_mentions(result, (), str(earlier))), baselines)


def _top(data: dict[Any, Any], goal_file: GoalFile) -> dict[Any, Any]:
    """Top-level keys in order, with a commented decision skeleton where päätös was."""
    skeleton = Comment(
        "Päätöksen tiedot täytetään, kun lautakunta on hyväksynyt tavoitteet, esimerkiksi:\n"
        "päätös:\n"
        f"  toimielin: {goal_file.committee}\n"
        "  kokouspäivä: pp.kk.vvvv\n"
        "  pykälä: 0"
    )
    result: dict[Any, Any] = {}
    for key, value in data.items():
        if key == "strategiakärjet" or (key == "tehtäväalueet" and skeleton not in result):
            result.setdefault(skeleton, None)
        if key not in _DROPPED_TOP:
            result[key] = value
    return result


def _goal(goal: dict[Any, Any], model: Any, earlier: int) -> int:
    _predecessor(goal, earlier)
    goal.pop("korjaukset", None)
    baselines = 0
    for indicator, indicator_model in zip(goal.get("mittarit", []), model.indicators, strict=True):
        baselines += _indicator(indicator, indicator_model, earlier)
    for action, action_model in zip(goal.get("teot", []), model.actions, strict=True):
        action.pop("korjaukset", None)
        for indicator, indicator_model in zip(
            action.get("mittarit", []), action_model.indicators, strict=True
        ):
            baselines += _indicator(indicator, indicator_model, earlier)
    return baselines


def _predecessor(item: dict[Any, Any], earlier: int) -> None:
    """Link ``item`` to its predecessor, with ``edeltäjä`` right after the id."""
    item_id = item["id"]
    rest = {k: v for k, v in item.items() if k not in ("id", "edeltäjä")}
    item.clear()
    item.update({"id": item_id, "edeltäjä": f"{earlier}/{item_id}", **rest})


def _indicator(indicator: dict[Any, Any], model: Indicator, earlier: int) -> int:
    for key in _CLEARED:
        indicator.pop(key, None)
    if isinstance(model, TrendIndicator):
        indicator["vertailuvuosi"] = earlier
        indicator.pop("vertailuarvo", None)
        latest = latest_number(model)
        if latest is not None:
            indicator["vertailuarvo"] = latest
    _predecessor(indicator, earlier)
    kind = indicator.pop("tyyppi")
    ordered = {}
    for key, value in indicator.items():
        ordered[key] = value
        if key == "tavoitetaso":
            ordered["tyyppi"] = kind
    indicator.clear()
    indicator.update(ordered)
    return 1 if "vertailuarvo" in indicator else 0


def _mentions(node: Any, path: DataPath, year: str) -> Any:
    """(key path, text) of every text that names ``year``, except the predecessor links."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key != "edeltäjä" and not isinstance(key, Comment):
                yield from _mentions(value, (*path, key), year)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _mentions(value, (*path, index), year)
    elif isinstance(node, str) and year in node:
        yield format_path(path), node
