"""What the models do besides holding fields: their own rules, their methods, and walking a file.

The rules are the models' "after" validators (:mod:`tavoitteet.core.model`
attaches each to its model); the methods are the models' methods.  They live
here, apart from the pydantic declarations, so that the models' plain twins
(:mod:`tavoitteet.core.plain_model`, made by a stored schema without importing
pydantic: see :mod:`tavoitteet.core.plain`) share the very same functions.
Nothing here imports pydantic, nor the models: a model's methods are typed
where it is declared, in :mod:`tavoitteet.core.model`.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Literal

from tavoitteet.core.corelib import PydanticCustomError

GoalRuleName = Literal["kaikki", "heikoin", "osuus"]
ManualLevelName = Literal["toteutunut", "osittain toteutunut", "ei toteutunut", "ei sovellu"]
Period = Literal["vuosi", "puolivuosi", "puolivuotis", "kausi", "kuukausi", "viikko", "koko hanke"]
"""``puolivuotis`` is the old, misspelt ``puolivuosi``; files written with it are still read."""
SeriesKind = Literal["toteuma", "talousarvio", "ennuste", "ehdotus", "suunnitelma", "lähtötaso"]
GoalKind = Literal["vaikuttavuustavoite", "suoritetavoite", "tulostavoite"]
GoalNature = Literal["toiminnallinen", "taloudellinen"]

SCHEMA_VERSION = 1
INDICATOR_KINDS = ("kyllä/ei", "luku", "luokittain", "kehitys", "määräaika", "seuranta", "laadullinen")

# --- the models' own rules ("after" validators) ----------------------------------------------


def person_has_title_or_name(person: Any) -> Any:
    if person.title is None and person.name is None:
        raise PydanticCustomError("person_empty", "person without title or name")
    return person


def target_bounds_consistent(target: Any) -> Any:
    bounds = [target.at_least, target.more_than, target.at_most, target.less_than, target.exactly]
    if all(b is None for b in bounds):
        raise PydanticCustomError("target_empty", "no bound")
    if target.exactly is not None and any(b is not None for b in bounds[:4]):
        raise PydanticCustomError("target_exact_mixed", "tasan with other bounds")
    if target.at_least is not None and target.more_than is not None:
        raise PydanticCustomError("target_two_lower", "two lower bounds")
    if target.at_most is not None and target.less_than is not None:
        raise PydanticCustomError("target_two_upper", "two upper bounds")
    if target_is_empty_range(target):
        raise PydanticCustomError("target_empty_range", "no value satisfies the range")
    return target


def target_is_empty_range(target: Any) -> bool:
    lower = target.at_least if target.at_least is not None else target.more_than
    upper = target.at_most if target.at_most is not None else target.less_than
    if lower is None or upper is None:
        return False
    both_inclusive = target.at_least is not None and target.at_most is not None
    return lower > upper or (lower == upper and not both_inclusive)


def entry_value_xor_missing(entry: Any) -> Any:
    if entry.withdraws is not None:
        if entry.value is not None or entry.missing_reason is not None or entry.corrects is not None:
            raise PydanticCustomError("entry_withdrawal_alone", "peruu without arvo")
        return entry
    if (entry.value is None) == (entry.missing_reason is None):
        raise PydanticCustomError("entry_value_xor_missing", "arvo or puuttuu")
    return entry


def series_value_xor_missing(value: Any) -> Any:
    if (value.value is None) == (value.missing_reason is None):
        raise PydanticCustomError("entry_value_xor_missing", "arvo or puuttuu")
    return value


def categories_unique(indicator: Any) -> Any:
    if len(set(indicator.categories)) != len(indicator.categories):
        raise PydanticCustomError("categories_duplicate", "duplicate category")
    return indicator


def share_given_for_share(rule: Any) -> Any:
    if (rule.method == "osuus") != (rule.share_percent is not None):
        raise PydanticCustomError("rule_share", "osuus needs osuus_prosenttia")
    if rule.share_percent is not None and not Decimal(0) < rule.share_percent <= Decimal(100):
        raise PydanticCustomError("rule_share_range", "0 < osuus <= 100")
    return rule


# --- the models' methods ------------------------------------------------------------------


def goal_all_indicators(goal: Any) -> list[Any]:
    """The goal's own indicators followed by those of its actions."""
    return [*goal.indicators, *(i for a in goal.actions for i in a.indicators)]


def file_goals(goal_file: Any) -> list[Any]:
    return [goal for area in goal_file.areas for goal in area.goals]


def file_indicators(goal_file: Any) -> list[Any]:
    return [ind for goal in file_goals(goal_file) for ind in goal_all_indicators(goal)]


# --- about a file and its models -------------------------------------------------------------

OWN_ASSESSORS = frozenset({"lautakunta", "toimielin"})
"""Assessor names (casefolded) that mean the committee itself, besides its own name."""


def is_own_assessment(assessment: Any, committee: str) -> bool:
    """The committee's own assessment: no assessor named, 'lautakunta', or the committee's name."""
    if assessment.assessor is None:
        return True
    who = assessment.assessor.strip().casefold()
    return who in OWN_ASSESSORS or who == committee.strip().casefold()


def walk(goal_file: Any) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every area, goal, action and indicator with its key path in the file."""
    for a, area in enumerate(goal_file.areas):
        area_path: tuple[str | int, ...] = ("tehtäväalueet", a)
        yield area_path, area
        for g, goal in enumerate(area.goals):
            goal_path = (*area_path, "tavoitteet", g)
            yield goal_path, goal
            for i, indicator in enumerate(goal.indicators):
                yield (*goal_path, "mittarit", i), indicator
            for t, action in enumerate(goal.actions):
                action_path = (*goal_path, "teot", t)
                yield action_path, action
                for i, indicator in enumerate(action.indicators):
                    yield (*action_path, "mittarit", i), indicator


def field_aliases(model: Any) -> list[str]:
    """The YAML keys a model class accepts, for 'did you mean' hints."""
    return [f.alias or name for name, f in model.model_fields.items()]
