"""Status evaluation: where each indicator, goal, service area and committee-year stands.

Pure: no files, no terminal, no clock.  The caller passes the day to evaluate
on (``as_of``) and a :data:`BaselineLookup` that finds a trend's baseline in an
earlier year's file (see :mod:`tavoitteet.files.baselines` for the one reading files).

Public API
----------
- :class:`Status`: the statuses, their values are the Finnish words shown to users.
- :func:`evaluate_indicator` ``(indicator, year, as_of, baseline_lookup) -> IndicatorResult``
- :func:`evaluate_file` ``(goal_file, as_of, baseline_lookup) -> FileResult``
- :func:`evaluate_year` ``(goal_files, year, as_of, baseline_lookup) -> YearResult``
- :func:`summarize_goal`, :func:`summarize_area`, :func:`summarize_file`,
  :func:`summarize_year`: rebuild an aggregate from (e.g. filtered) parts.
- :func:`meets_target`, :func:`year_over`, :func:`no_baseline`.
- Results are frozen dataclasses: :class:`IndicatorResult`, :class:`GoalResult`,
  :class:`AreaResult`, :class:`FileResult`, :class:`YearResult`; every aggregate
  has :class:`Counts` at both levels (``goal_counts`` and ``indicator_counts``).
- :class:`Why` explains a status for machines (``code`` + ``args``); the human
  wording in Finnish and English lives in :mod:`tavoitteet.words.labels`.

The rules, in order of precedence, are written down in ``docs/arviointi.md``
and the README section "Tilan arviointisäännöt / Status rules"; the comments
below refer to them.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from tavoitteet.core.entries import effective
from tavoitteet.core.model import (
    CategoryIndicator,
    DeadlineIndicator,
    Entry,
    Goal,
    GoalFile,
    GoalRule,
    Indicator,
    ManualLevel,
    NumberIndicator,
    QualitativeIndicator,
    ServiceArea,
    Target,
    TrackedIndicator,
    TrendIndicator,
    YesNoIndicator,
)
from tavoitteet.core.parsing import ValueParseError
from tavoitteet.core.values import NOT_APPLICABLE, Value, parse_value


class Status(StrEnum):
    """A status; the value is the Finnish word used in files, output and JSON."""

    MET = "toteutunut"
    PARTLY = "osittain toteutunut"
    NOT_MET = "ei toteutunut"
    IN_PROGRESS = "kesken"
    NOT_ASSESSED = "ei arvioitu"
    NOT_APPLICABLE = "ei sovellu"
    REPORTED = "raportoitu"
    """A tracked count (seuranta) with a value: reported, never judged."""


UNJUDGED = frozenset({Status.NOT_APPLICABLE, Status.REPORTED})
"""Statuses left out when a goal's or area's status is decided."""

WEAKEST_FIRST = (Status.NOT_MET, Status.PARTLY, Status.NOT_ASSESSED, Status.IN_PROGRESS, Status.MET)
"""The order the rule ``heikoin`` uses: the first status present decides."""

BaselineLookup = Callable[[TrendIndicator], Decimal | None]
"""Finds a trend indicator's latest value in its baseline year's file, or None."""


def no_baseline(indicator: TrendIndicator) -> Decimal | None:
    """A :data:`BaselineLookup` that knows no earlier years."""
    return None


@dataclass(frozen=True, slots=True)
class Why:
    """Why a status: a stable ``code`` and its arguments (numbers, dates, texts).

    ``pending`` is set when the rule's outcome was turned into *kesken* because
    the year (or the deadline) has not passed yet.
    """

    code: str
    args: Mapping[str, object] = field(default_factory=dict)
    pending: bool = False


@dataclass(frozen=True, slots=True)
class Counts:
    """How many items have each status; ``total`` includes every status."""

    by_status: Mapping[Status, int]

    @classmethod
    def of(cls, statuses: Iterable[Status]) -> Counts:
        counts = dict.fromkeys(Status, 0)
        for status in statuses:
            counts[status] += 1
        return cls(counts)

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def judged(self) -> int:
        """Items that are judged at all: neither *ei sovellu* nor *raportoitu*."""
        return self.total - sum(self.by_status[s] for s in UNJUDGED)

    def __getitem__(self, status: Status) -> int:
        return self.by_status[status]

    def __add__(self, other: Counts) -> Counts:
        return Counts({s: self[s] + other[s] for s in Status})


@dataclass(frozen=True, slots=True)
class Trend:
    """A trend indicator's baseline and the change from it."""

    baseline: Decimal
    source: str  # "vertailuarvo" (written in the file) or "edellinen vuosi" (earlier year's file)
    change: Decimal | None = None
    change_percent: Decimal | None = None  # None when the baseline is 0


@dataclass(frozen=True, slots=True)
class IndicatorResult:
    """An indicator's status with the entry, value and reasoning behind it."""

    indicator: Indicator
    status: Status
    why: Why
    latest: Entry | None = None
    value: Value | None = None
    trend: Trend | None = None
    computed: Status | None = None  # what the rules gave, when a manual level overrides it
    manual: ManualLevel | None = None

    @property
    def is_manual(self) -> bool:
        return self.manual is not None


@dataclass(frozen=True, slots=True)
class GoalResult:
    goal: Goal
    status: Status
    why: Why
    rule: GoalRule
    indicators: tuple[IndicatorResult, ...]
    indicator_counts: Counts


@dataclass(frozen=True, slots=True)
class AreaResult:
    area: ServiceArea
    status: Status
    why: Why
    goals: tuple[GoalResult, ...]
    goal_counts: Counts
    indicator_counts: Counts


@dataclass(frozen=True, slots=True)
class FileResult:
    goal_file: GoalFile
    as_of: date
    status: Status
    why: Why
    areas: tuple[AreaResult, ...]
    goal_counts: Counts
    indicator_counts: Counts


@dataclass(frozen=True, slots=True)
class YearResult:
    year: int
    as_of: date
    status: Status
    why: Why
    files: tuple[FileResult, ...]
    goal_counts: Counts
    indicator_counts: Counts


DEFAULT_RULE = GoalRule.model_validate({"tapa": "kaikki"})


# --- indicators -----------------------------------------------------------------------------


def year_over(year: int, as_of: date) -> bool:
    """The year is over when ``as_of`` is after 31 December of ``year``."""
    return as_of > date(year, 12, 31)


_COMPARISONS = (
    ("at_least", operator.ge),
    ("more_than", operator.gt),
    ("at_most", operator.le),
    ("less_than", operator.lt),
    ("exactly", operator.eq),
)


def meets_target(target: Target, value: Decimal) -> bool:
    """Every bound the target states holds: vähintään >=, yli >, enintään <=, alle <, tasan ==."""
    bounds = ((getattr(target, name), compare) for name, compare in _COMPARISONS)
    return all(compare(value, bound) for bound, compare in bounds if bound is not None)


def evaluate_indicator(
    indicator: Indicator, year: int, as_of: date, baseline_lookup: BaselineLookup = no_baseline
) -> IndicatorResult:
    """The indicator's status on ``as_of``; only entries dated on or before ``as_of`` count.

    Corrected and withdrawn entries never count, whatever the day (:mod:`tavoitteet.core.entries`).
    """
    counting = effective(indicator.entries)
    entries = sorted((e for e in counting if e.date <= as_of), key=lambda e: e.date)
    result = _computed(indicator, entries, year, as_of, baseline_lookup)
    manual = indicator.manual_level
    if manual is None or (manual.date is not None and manual.date > as_of):
        return result
    why = Why("manual", {"level": manual.level, "reason": manual.reason})
    return IndicatorResult(
        indicator, Status(manual.level), why, result.latest, result.value, result.trend, result.status, manual
    )


def _computed(
    indicator: Indicator, entries: list[Entry], year: int, as_of: date, lookup: BaselineLookup
) -> IndicatorResult:
    over = year_over(year, as_of)
    latest = entries[-1] if entries else None
    if latest is None:
        if isinstance(indicator, DeadlineIndicator) and as_of <= indicator.deadline:
            return IndicatorResult(indicator, Status.IN_PROGRESS, Why("no_entries", pending=True))
        return IndicatorResult(indicator, _unknown(over), Why("no_entries", pending=not over))
    if latest.value is None:
        why = Why("value_missing", {"reason": latest.missing_reason or ""}, pending=not over)
        return IndicatorResult(indicator, _unknown(over), why, latest)
    try:
        value = _value(indicator, latest.value, entries)
    except ValueParseError as error:
        why = Why("invalid_value", {"value": error.text}, pending=not over)
        return IndicatorResult(indicator, _unknown(over), why, latest)
    if value is NOT_APPLICABLE:
        return IndicatorResult(indicator, Status.NOT_APPLICABLE, Why("not_applicable"), latest, value)
    status, why, trend = _judge(indicator, value, as_of, lookup)
    if not over and status not in (Status.MET, *UNJUDGED) and not isinstance(indicator, DeadlineIndicator):
        status, why = Status.IN_PROGRESS, Why(why.code, why.args, pending=True)
    return IndicatorResult(indicator, status, why, latest, value, trend)


def _unknown(over: bool) -> Status:
    return Status.NOT_ASSESSED if over else Status.IN_PROGRESS


def _value(indicator: Indicator, latest: str | dict[str, str], entries: list[Entry]) -> Value:
    """The latest entry's value; for categories the latest value of each category."""
    if not isinstance(indicator, CategoryIndicator) or isinstance(latest, str):
        return parse_value(indicator, latest)
    merged: dict[str, Decimal] = {}
    for entry in entries:
        if entry.value is None:
            continue
        parsed = parse_value(indicator, entry.value)
        if isinstance(parsed, dict):
            merged.update(parsed)
    return merged


Judged = tuple[Status, Why, Trend | None]


def _judge(indicator: Indicator, value: Value, as_of: date, lookup: BaselineLookup) -> Judged:
    if isinstance(indicator, YesNoIndicator) and isinstance(value, bool):
        met = value == indicator.expected
        return _verdict(met, "answer_matches" if met else "answer_differs", answer=value)
    if isinstance(indicator, NumberIndicator) and isinstance(value, Decimal):
        met = meets_target(indicator.target, value)
        return _verdict(met, "in_target" if met else "outside_target", value=value)
    if isinstance(indicator, CategoryIndicator) and isinstance(value, dict):
        return _categories(indicator, value)
    if isinstance(indicator, TrendIndicator) and isinstance(value, Decimal):
        return _trend(indicator, value, lookup)
    if isinstance(indicator, DeadlineIndicator) and isinstance(value, date | bool):
        return _deadline(indicator, value, as_of)
    if isinstance(indicator, TrackedIndicator):
        return Status.REPORTED, Why("reported", {"value": value}), None
    if isinstance(indicator, QualitativeIndicator):
        return Status.NOT_ASSESSED, Why("level_not_set"), None
    return Status.NOT_ASSESSED, Why("invalid_value", {"value": str(value)}), None


def _verdict(met: bool, code: str, **args: object) -> Judged:
    return (Status.MET if met else Status.NOT_MET), Why(code, args), None


def _categories(indicator: CategoryIndicator, values: dict[str, Decimal]) -> Judged:
    met = [c for c in indicator.categories if c in values and meets_target(indicator.target, values[c])]
    missing = [c for c in indicator.categories if c not in values]
    args = {"met": len(met), "total": len(indicator.categories), "missing": missing}
    if len(met) == len(indicator.categories):
        return Status.MET, Why("categories_all_met", args), None
    if met:
        return Status.PARTLY, Why("categories_some_met", args), None
    return Status.NOT_MET, Why("categories_none_met", args), None


def _trend(indicator: TrendIndicator, value: Decimal, lookup: BaselineLookup) -> Judged:
    source = "vertailuarvo"
    baseline = indicator.baseline_value
    if baseline is None:
        source, baseline = "edellinen vuosi", lookup(indicator)
    if baseline is None:
        return Status.NOT_ASSESSED, Why("no_baseline", {"year": indicator.baseline_year}), None
    change = value - baseline
    percent = None if baseline == 0 else change * 100 / abs(baseline)
    trend = Trend(baseline, source, change, percent)
    args = {"value": value, "baseline": baseline, "change": change, "percent": percent}
    growing = indicator.direction == "kasvu"
    if change == 0 or (change > 0) != growing:
        code = "trend_unchanged" if change == 0 else "trend_wrong_direction"
        return Status.NOT_MET, Why(code, args), trend
    wanted = indicator.min_change_percent
    if wanted is not None and abs(change) * 100 < wanted * abs(baseline):
        return Status.NOT_MET, Why("trend_too_small", {**args, "wanted": wanted}), trend
    return Status.MET, Why("trend_met", args), trend


def _deadline(indicator: DeadlineIndicator, value: date | bool, as_of: date) -> Judged:
    args: dict[str, object] = {"deadline": indicator.deadline}
    if isinstance(value, date):
        args["done"] = value
        if value <= indicator.deadline:
            return Status.MET, Why("done_on_time", args), None
        return Status.NOT_MET, Why("done_late", args), None
    if as_of <= indicator.deadline:
        return Status.IN_PROGRESS, Why("not_done_yet", args, pending=True), None
    return Status.NOT_MET, Why("not_done_by_deadline", args), None


# --- aggregation ----------------------------------------------------------------------------


def decide(statuses: Sequence[Status], rule: GoalRule = DEFAULT_RULE) -> tuple[Status, Why]:
    """A goal's (or area's, file's, year's) status from its parts' statuses by ``rule``.

    Parts that are *ei sovellu* or *raportoitu* are left out.  With none left:
    *ei sovellu* if every part is so, else *raportoitu*.  ``heikoin``: the
    first status of :data:`WEAKEST_FIRST` present.  ``kaikki`` and ``osuus``
    (where "enough met" means all of them, or at least the share) go in order:
    1. enough met -> toteutunut; 2. parts in progress could still make it ->
    kesken; 3. parts not assessed could have made it -> ei arvioitu; 4. some
    met or partly met -> osittain toteutunut; 5. some in progress -> kesken;
    6. otherwise ei toteutunut.
    """
    counts = Counts.of(statuses)
    args: dict[str, object] = {"met": counts[Status.MET], "judged": counts.judged, "rule": rule.method}
    if rule.share_percent is not None:
        args["share"] = rule.share_percent
    if counts.judged == 0:
        if counts.total and counts[Status.NOT_APPLICABLE] == counts.total:
            return Status.NOT_APPLICABLE, Why("none_applicable", args)
        return (Status.REPORTED if counts.total else Status.NOT_ASSESSED), Why("none_judged", args)
    if rule.method == "heikoin":
        weakest = next(s for s in WEAKEST_FIRST if counts[s])
        return weakest, Why("weakest", {**args, "weakest": weakest})
    return _decide_by_share(counts, rule, args)


def _decide_by_share(counts: Counts, rule: GoalRule, args: dict[str, object]) -> tuple[Status, Why]:
    judged = counts.judged
    share = rule.share_percent if rule.method == "osuus" and rule.share_percent is not None else None

    def enough(met: int) -> bool:
        return met == judged if share is None else Decimal(met) * 100 >= share * judged

    met, running, unassessed = counts[Status.MET], counts[Status.IN_PROGRESS], counts[Status.NOT_ASSESSED]
    if enough(met):
        return Status.MET, Why("enough_met", args)
    if running and enough(met + running):
        return Status.IN_PROGRESS, Why("still_possible", args, pending=True)
    if unassessed and enough(met + running + unassessed):
        return Status.NOT_ASSESSED, Why("not_assessed_parts", args)
    if met or counts[Status.PARTLY]:
        return Status.PARTLY, Why("some_met", args)
    if running:
        return Status.IN_PROGRESS, Why("none_met_yet", args, pending=True)
    return Status.NOT_MET, Why("none_met", args)


def summarize_goal(goal: Goal, rule: GoalRule, indicators: Sequence[IndicatorResult]) -> GoalResult:
    status, why = decide([i.status for i in indicators], rule)
    counts = Counts.of(i.status for i in indicators)
    return GoalResult(goal, status, why, rule, tuple(indicators), counts)


def summarize_area(area: ServiceArea, goals: Sequence[GoalResult]) -> AreaResult:
    status, why = decide([g.status for g in goals])
    indicator_counts = sum((g.indicator_counts for g in goals), Counts.of(()))
    return AreaResult(area, status, why, tuple(goals), Counts.of(g.status for g in goals), indicator_counts)


def summarize_file(goal_file: GoalFile, as_of: date, areas: Sequence[AreaResult]) -> FileResult:
    status, why = decide([g.status for a in areas for g in a.goals])
    goal_counts = sum((a.goal_counts for a in areas), Counts.of(()))
    indicator_counts = sum((a.indicator_counts for a in areas), Counts.of(()))
    return FileResult(goal_file, as_of, status, why, tuple(areas), goal_counts, indicator_counts)


def summarize_year(year: int, as_of: date, files: Sequence[FileResult]) -> YearResult:
    status, why = decide([g.status for f in files for a in f.areas for g in a.goals])
    goal_counts = sum((f.goal_counts for f in files), Counts.of(()))
    indicator_counts = sum((f.indicator_counts for f in files), Counts.of(()))
    return YearResult(year, as_of, status, why, tuple(files), goal_counts, indicator_counts)


def evaluate_file(
    goal_file: GoalFile, as_of: date, baseline_lookup: BaselineLookup = no_baseline
) -> FileResult:
    """Evaluate every indicator of the file and aggregate to goals, areas and the file."""
    default_rule = goal_file.rule or DEFAULT_RULE
    areas = []
    for area in goal_file.areas:
        goals = []
        for goal in area.goals:
            results = [
                evaluate_indicator(i, goal_file.year, as_of, baseline_lookup) for i in goal.all_indicators()
            ]
            goals.append(summarize_goal(goal, goal.rule or default_rule, results))
        areas.append(summarize_area(area, goals))
    return summarize_file(goal_file, as_of, areas)


def evaluate_year(
    goal_files: Sequence[GoalFile], year: int, as_of: date, baseline_lookup: BaselineLookup = no_baseline
) -> YearResult:
    """Evaluate every committee's file of one year."""
    return summarize_year(year, as_of, [evaluate_file(f, as_of, baseline_lookup) for f in goal_files])
