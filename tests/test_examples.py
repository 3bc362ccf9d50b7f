"""The invented examples in examples/ validate and show every kind of realization entry."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tavoitteet.core.evaluation import Status, evaluate_file
from tavoitteet.core.model import GoalFile, IndicatorBase, TrendIndicator
from tavoitteet.files.discovery import goal_files
from tavoitteet.files.loader import load_file

from conftest import DATA, REPO_ROOT, invoke

EXAMPLES = REPO_ROOT / "examples"
SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/tavoitteet.schema.json"
REALIZATION_KEYS = ("toteuma", "toteutumistaso")


def load(path: Path) -> GoalFile:
    loaded = load_file(path)
    assert loaded.problems == [], loaded.problems
    assert loaded.goal_file is not None
    return loaded.goal_file


@pytest.fixture(scope="module")
def example_2024() -> GoalFile:
    return load(EXAMPLES / "2024" / "hyvinvointilautakunta.yaml")


@pytest.fixture(scope="module")
def indicators_2024(example_2024: GoalFile) -> list[IndicatorBase]:
    return list(example_2024.indicators())


def test_validate_accepts_the_examples() -> None:
    code, out, _ = invoke(["validate", str(EXAMPLES)])
    assert code == 0, out
    assert "Ei virheitä." in out


@pytest.mark.parametrize("path", goal_files([EXAMPLES]), ids=lambda p: p.parent.name)
def test_each_example_says_it_is_invented(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == SCHEMA_LINE
    assert "KEKSITTY ESIMERKKI" in lines[1]
    assert any("Keksitty esimerkki" in note for note in load(path).notes)


def _without_realization(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _without_realization(v) for k, v in data.items() if k not in REALIZATION_KEYS}
    if isinstance(data, list):
        return [_without_realization(v) for v in data]
    return data


def test_the_2024_example_has_the_real_goals_and_only_adds_realization(example_2024: GoalFile) -> None:
    real = load(DATA / "2024" / "hyvinvointilautakunta.yaml").model_dump(by_alias=True)
    example = _without_realization(example_2024.model_dump(by_alias=True))
    example["huomautukset"] = []
    assert example == _without_realization(real)


def test_the_2024_example_shows_every_kind_of_entry(indicators_2024: list[IndicatorBase]) -> None:
    entries = [e for i in indicators_2024 for e in i.entries]
    assert any(not i.entries for i in indicators_2024), "an indicator without entries"
    assert any(e.missing_reason for e in entries), "a puuttuu entry"
    assert any(e.comment for e in entries) and any(e.source for e in entries) and any(e.by for e in entries)
    assert any(len(i.entries) > 1 for i in indicators_2024), "an indicator followed during the year"
    manual = [i.manual_level for i in indicators_2024 if i.manual_level]
    assert manual and all(m.reason for m in manual)


def test_not_applicable_is_recorded_only_for_the_conditional_indicator(
    indicators_2024: list[IndicatorBase],
) -> None:
    not_applicable = [i for i in indicators_2024 for e in i.entries if e.value == "ei sovellu"]
    assert not_applicable
    assert all(i.condition for i in not_applicable)


def test_2024_trends_find_their_baseline_in_the_2023_example(indicators_2024: list[IndicatorBase]) -> None:
    earlier = {i.id: i for i in load(EXAMPLES / "2023" / "hyvinvointilautakunta.yaml").indicators()}
    trends = [i for i in indicators_2024 if isinstance(i, TrendIndicator)]
    assert trends
    for trend in trends:
        assert trend.baseline_value is None, "the baseline comes from the earlier year's file"
        baseline = earlier[trend.id]
        assert [e.date.year for e in baseline.entries if e.value is not None] == [trend.baseline_year]
        assert trend.entries, f"{trend.id} has a 2024 value to compare"


def _baselines_from_2023(indicator: TrendIndicator, owner: object = None) -> Decimal | None:
    """The 2023 example's latest value of the indicator with the same id."""
    earlier = load(EXAMPLES / str(indicator.baseline_year) / "hyvinvointilautakunta.yaml")
    matches = [i for i in earlier.indicators() if i.id == indicator.id and i.entries]
    if not matches:
        return None
    latest = max(matches[0].entries, key=lambda e: e.date)
    return Decimal(str(latest.value)) if latest.value is not None else None


def test_after_the_year_the_2024_example_shows_every_status(example_2024: GoalFile) -> None:
    result = evaluate_file(example_2024, date(2025, 1, 1), _baselines_from_2023)
    goals = [g for a in result.areas for g in a.goals]
    indicators = [i for g in goals for i in g.indicators]
    shown = {Status.MET, Status.PARTLY, Status.NOT_MET, Status.NOT_ASSESSED}
    assert {g.status for g in goals} == shown
    assert {i.status for i in indicators} == {*shown, Status.NOT_APPLICABLE}
    assert any(i.is_manual and i.status is Status.PARTLY for i in indicators)
    trends = [i.trend for i in indicators if isinstance(i.indicator, TrendIndicator)]
    assert trends and all(t is not None and t.source == "edellinen vuosi" for t in trends)


def test_the_day_before_the_last_unfinished_indicators_are_in_progress(example_2024: GoalFile) -> None:
    result = evaluate_file(example_2024, date(2024, 12, 30), _baselines_from_2023)
    statuses = {i.status for a in result.areas for g in a.goals for i in g.indicators}
    assert Status.IN_PROGRESS in statuses
    assert Status.NOT_MET not in statuses and Status.NOT_ASSESSED not in statuses
