"""Next year's goal file from this year's: pure data in, plain data out for :mod:`.emit`.

Decision metadata is left for filling in, realization is cleared, every goal
and indicator names its predecessor (``edeltäjä: "2024/id"``), and a trend
indicator's baseline moves to the earlier year with the value last recorded
for it.  Texts are kept as they are; those naming the earlier year are listed
for a person to review.

Assessments (``arviot``) and further decisions (``päätökset``) belong to the
earlier year and are dropped; a goal or action carried over (``siirtyy``) is
kept, its reason becomes a note (``huomautukset``) and the summary lists it;
a ``tavoitevuosi`` that the new year reaches is dropped; ``kunta`` is written
only when the earlier file wrote it (not when it came from ``data/tavoitteet.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tavoitteet.core.model import GoalFile, Indicator, TrendIndicator
from tavoitteet.core.problems import DataPath, format_path
from tavoitteet.core.values import latest_number
from tavoitteet.importing.emit import Comment

_DROPPED_TOP = ("päätös", "päätökset", "lähde", "arviot")
_CLEARED = ("toteuma", "toteutumistaso", "korjaukset")


@dataclass(frozen=True)
class NextYear:
    data: dict[Any, Any]
    year_mentions: list[tuple[str, str]]
    baselines: int
    carried_over: list[str] = field(default_factory=list)
    """Ids of the goals and actions carried over (``siirtyy``) from the earlier year."""


def next_year(goal_file: GoalFile, year: int, earlier: int, own_municipality: bool = True) -> NextYear:
    """The data of ``goal_file`` started again for ``year``; ``own_municipality``: the file itself
    names its ``kunta`` (rather than the data folder's settings)."""
    data: dict[Any, Any] = goal_file.model_dump(by_alias=True, exclude_defaults=True)
    data["vuosi"] = year
    if not own_municipality:
        data.pop("kunta", None)
    baselines = 0
    carried: list[str] = []
    for area, area_model in zip(data["tehtäväalueet"], goal_file.areas, strict=True):
        area.pop("korjaukset", None)
        for goal, goal_model in zip(area.get("tavoitteet", []), area_model.goals, strict=True):
            baselines += _goal(goal, goal_model, earlier, year)
            carried += _carry_over(goal, earlier, year)
            carried += [i for action in goal.get("teot", []) for i in _carry_over(action, earlier, year)]
    result = _top(data, goal_file)
    return NextYear(result, list(_mentions(result, (), str(earlier))), baselines, carried)


def _carry_over(item: dict[Any, Any], earlier: int, year: int) -> list[str]:
    """A goal or action carried over to ``year``: its reason becomes a note, and its id is listed."""
    carry = item.get("siirtyy")
    if not isinstance(carry, dict):
        return []
    to_year = carry.get("vuodelle")
    if to_year is not None and int(to_year) > year:
        return []  # still on its way to a later year
    item.pop("siirtyy")
    note = f"Siirtynyt vuodelta {earlier}: {carry['syy']}"
    item["huomautukset"] = [note, *item.get("huomautukset", [])]
    return [str(item["id"])]


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


def _goal(goal: dict[Any, Any], model: Any, earlier: int, year: int) -> int:
    _predecessor(goal, earlier)
    goal.pop("korjaukset", None)
    goal.pop("arviot", None)
    baselines = 0
    for indicator, indicator_model in zip(goal.get("mittarit", []), model.indicators, strict=True):
        baselines += _indicator(indicator, indicator_model, earlier, year)
    for action, action_model in zip(goal.get("teot", []), model.actions, strict=True):
        action.pop("korjaukset", None)
        for indicator, indicator_model in zip(
            action.get("mittarit", []), action_model.indicators, strict=True
        ):
            baselines += _indicator(indicator, indicator_model, earlier, year)
    return baselines


def _predecessor(item: dict[Any, Any], earlier: int) -> None:
    """Link ``item`` to its predecessor, with ``edeltäjä`` right after the id."""
    item_id = item["id"]
    rest = {k: v for k, v in item.items() if k not in ("id", "edeltäjä")}
    item.clear()
    item.update({"id": item_id, "edeltäjä": f"{earlier}/{item_id}", **rest})


def _indicator(indicator: dict[Any, Any], model: Indicator, earlier: int, year: int) -> int:
    for key in _CLEARED:
        indicator.pop(key, None)
    if model.target_year is not None and model.target_year <= year:
        indicator.pop("tavoitevuosi", None)
    if isinstance(model, TrendIndicator):
        indicator["vertailuvuosi"] = earlier
        indicator.pop("vertailuarvo", None)
        latest = latest_number(model, earlier)
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
