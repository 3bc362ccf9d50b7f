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
- :func:`meets_target`, :func:`year_over`, :func:`no_baseline`, :func:`identity`,
  :func:`deciding_years`, :func:`entry_year`.
- :func:`assessed` (a goal's or committee-year's :class:`Assessed`), :func:`binding_counts`
  (:class:`BindingCounts`, on every aggregate as ``binding``) and :func:`by_municipality`
  (a year split by municipality, each summarized on its own).
- Periods: an entry is the value of its ``vuosi`` (default the file's year); only values of the
  file's year or of the indicator's ``tavoitevuosi`` decide, and the year that must be over for a
  failure to be final is the later of the two.
- Assessments: the committee's own latest assessment (``arviot``) with a ``taso`` sets a goal's
  (or the committee-year's) status by hand; others' assessments are kept beside it.
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

import dataclasses
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from tavoitteet.core.entries import effective
from tavoitteet.core.model import (
    Assessment,
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
    is_own_assessment,
)
from tavoitteet.core.parsing import ValueParseError
from tavoitteet.core.values import NOT_APPLICABLE, Value, parse_series_value, parse_value


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

ALL_STATUSES = tuple(Status)
"""Every status in order; iterating the enum itself is slow enough to show in a national corpus."""

WEAKEST_FIRST = (Status.NOT_MET, Status.PARTLY, Status.NOT_ASSESSED, Status.IN_PROGRESS, Status.MET)
"""The order the rule ``heikoin`` uses: the first status present decides."""

Identity = tuple[str, str]
"""A committee's identity across files: (municipality, committee), both casefolded; '' = no municipality."""


def identity(goal_file: GoalFile) -> Identity:
    """Who a file belongs to: its municipality (``kunta``) and committee, compared without case."""
    municipality = (goal_file.municipality or "").strip().casefold()
    return municipality, " ".join(goal_file.committee.split()).casefold()


BaselineLookup = Callable[[TrendIndicator, "Identity | None"], Decimal | None]
"""Finds a trend indicator's latest value in its baseline year's file of the same municipality and
committee (``Identity``; None = the owner is unknown), or None."""


def no_baseline(indicator: TrendIndicator, owner: Identity | None = None) -> Decimal | None:
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
        counts = dict.fromkeys(ALL_STATUSES, 0)
        for status in statuses:
            counts[status] += 1
        return _shared(counts)

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
        mine, theirs = self.by_status, other.by_status
        return _shared({s: mine[s] + theirs[s] for s in ALL_STATUSES})


_SHARED_COUNTS: dict[tuple[int, ...], Counts] = {}
SHARED_COUNTS_MOST = 4096
"""distinct counts kept for sharing: a national year has hundreds of thousands of equal ones"""


def _shared(counts: dict[Status, int]) -> Counts:
    """The counts (by status in :data:`ALL_STATUSES` order) as one shared frozen value per distinct
    set of numbers: equal counts are equal values anyway, and each would otherwise hold a dict."""
    key = tuple(counts.values())
    found = _SHARED_COUNTS.get(key)
    if found is None:
        found = Counts(counts)
        if len(_SHARED_COUNTS) < SHARED_COUNTS_MOST:
            _SHARED_COUNTS[key] = found
    return found


@dataclass(frozen=True, slots=True)
class Trend:
    """A trend indicator's baseline and the change from it."""

    baseline: Decimal
    source: (
        str  # "vertailuarvo" (written in the file), "sarja" (the series) or "edellinen vuosi" (earlier file)
    )
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
class Assessed:
    """The assessments of a goal or committee-year on the day: the committee's own (the latest) and others'."""

    own: Assessment | None = None
    others: tuple[Assessment, ...] = ()
    followed: str | None = None
    """The assessor the view follows instead of the committee itself (``--assessor``), if any."""

    @property
    def all(self) -> tuple[Assessment, ...]:
        return (self.own, *self.others) if self.own is not None else self.others

    def differing(self) -> tuple[Assessment, ...]:
        """Others' assessments whose level differs from the committee's own."""
        own_level = self.own.level if self.own is not None else None
        return tuple(a for a in self.others if a.level is not None and a.level != own_level)


NOT_ASSESSED_BY_HAND = Assessed()


def assessed(
    assessments: Sequence[Assessment], committee: str, as_of: date, assessor: str | None = None
) -> Assessed:
    """The assessments dated on or before ``as_of`` (undated ones always): the latest of the committee's
    own (or, with ``assessor``, of that assessor: the view asked for), then the others'."""
    current = [a for a in assessments if a.date is None or a.date <= as_of]

    def followed(item: Assessment) -> bool:
        if assessor is None:
            return is_own_assessment(item, committee)
        return (item.assessor or "").strip().casefold() == assessor.strip().casefold()

    own = [a for a in current if followed(a)]
    others = [a for a in current if not followed(a)]
    latest = max(own, key=lambda a: a.date or date.min) if own else None
    return Assessed(latest, tuple(others), assessor)


@dataclass(frozen=True, slots=True)
class BindingCounts:
    """Binding goals and binding indicators (sitova: kyllä) apart from the rest.

    ``goals`` and ``indicators`` count the statuses of the binding ones; ``*_not_stated`` how many
    do not say whether they are binding, ``*_not_binding`` how many say they are not.
    """

    goals: Counts
    goals_not_stated: int
    goals_not_binding: int
    indicators: Counts
    indicators_not_stated: int
    indicators_not_binding: int

    def __add__(self, other: BindingCounts) -> BindingCounts:
        return BindingCounts(
            self.goals + other.goals,
            self.goals_not_stated + other.goals_not_stated,
            self.goals_not_binding + other.goals_not_binding,
            self.indicators + other.indicators,
            self.indicators_not_stated + other.indicators_not_stated,
            self.indicators_not_binding + other.indicators_not_binding,
        )


def binding_counts(goals: Iterable[GoalResult]) -> BindingCounts:
    goal_list = list(goals)
    indicators = [i for g in goal_list for i in g.indicators]
    return BindingCounts(
        Counts.of(g.status for g in goal_list if g.goal.binding is True),
        sum(1 for g in goal_list if g.goal.binding is None),
        sum(1 for g in goal_list if g.goal.binding is False),
        Counts.of(i.status for i in indicators if i.indicator.binding is True),
        sum(1 for i in indicators if i.indicator.binding is None),
        sum(1 for i in indicators if i.indicator.binding is False),
    )


@dataclass(frozen=True, slots=True)
class GoalResult:
    goal: Goal
    status: Status
    why: Why
    rule: GoalRule
    indicators: tuple[IndicatorResult, ...]
    indicator_counts: Counts
    assessed: Assessed = NOT_ASSESSED_BY_HAND
    computed: Status | None = None  # what the indicators gave, when the committee's assessment sets the level

    @property
    def is_manual(self) -> bool:
        return self.computed is not None


@dataclass(frozen=True, slots=True)
class AreaResult:
    area: ServiceArea
    status: Status
    why: Why
    goals: tuple[GoalResult, ...]
    goal_counts: Counts
    indicator_counts: Counts
    binding: BindingCounts = field(default_factory=lambda: binding_counts(()))


@dataclass(frozen=True, slots=True)
class FileResult:
    goal_file: GoalFile
    as_of: date
    status: Status
    why: Why
    areas: tuple[AreaResult, ...]
    goal_counts: Counts
    indicator_counts: Counts
    binding: BindingCounts = field(default_factory=lambda: binding_counts(()))
    assessed: Assessed = NOT_ASSESSED_BY_HAND
    computed: Status | None = None

    @property
    def is_manual(self) -> bool:
        return self.computed is not None


@dataclass(frozen=True, slots=True)
class YearResult:
    year: int
    as_of: date
    status: Status
    why: Why
    files: tuple[FileResult, ...]
    goal_counts: Counts
    indicator_counts: Counts
    binding: BindingCounts = field(default_factory=lambda: binding_counts(()))


DEFAULT_RULE = GoalRule.model_construct(method="kaikki")
"""``tapa: kaikki``, made without validation: validating it would build the rule's own validator at start-up"""


# --- indicators -----------------------------------------------------------------------------


def year_over(year: int, as_of: date) -> bool:
    """The year is over on its last day: as of 31 December of ``year`` and after.

    A year-end report written "tilanne 31.12.2024" reports the year as complete."""
    return as_of >= date(year, 12, 31)


def deciding_years(indicator: Indicator, year: int) -> tuple[int, ...]:
    """The periods whose values decide the indicator: the file's year and its ``tavoitevuosi``."""
    target_year = indicator.target_year
    return (year,) if target_year is None or target_year == year else (year, target_year)


def entry_year(entry: Entry, year: int) -> int:
    """The year an entry is the value of: its ``vuosi``, by default the file's year."""
    return year if entry.period is None else entry.period


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
    indicator: Indicator,
    year: int,
    as_of: date,
    baseline_lookup: BaselineLookup = no_baseline,
    owner: Identity | None = None,
) -> IndicatorResult:
    """The indicator's status on ``as_of``; only entries dated on or before ``as_of`` count, and of
    them only the values of the file's year or the target year (:func:`deciding_years`).

    Corrected and withdrawn entries never count, whatever the day (:mod:`tavoitteet.core.entries`).
    """
    periods = deciding_years(indicator, year)
    entries = sorted(
        (e for e in effective(indicator.entries) if e.date <= as_of and entry_year(e, year) in periods),
        key=lambda e: e.date,
    )

    def lookup(trend: TrendIndicator) -> Decimal | None:
        return baseline_lookup(trend, owner)

    result = _computed(indicator, entries, max(periods), as_of, lookup)
    if result.why.code == "no_entries" and any(e.date <= as_of for e in indicator.entries):
        # values of other years are recorded, but none of the year that decides
        why = Why("no_value_for_year", {"year": max(periods)}, result.why.pending)
        result = dataclasses.replace(result, why=why)
    manual = indicator.manual_level
    if manual is None or (manual.date is not None and manual.date > as_of):
        return result
    why = Why("manual", {"level": manual.level, "reason": manual.reason})
    return IndicatorResult(
        indicator, Status(manual.level), why, result.latest, result.value, result.trend, result.status, manual
    )


def _series_baseline(indicator: TrendIndicator) -> Decimal | None:
    """The baseline year's value in the indicator's own file: an entry that says it is that year's
    value (the latest), else the series' actual, else a stated baseline (``lähtötaso``)."""
    stated = [e for e in indicator.entries if e.period == indicator.baseline_year and e.value is not None]
    for entry in sorted(stated, key=lambda e: e.date, reverse=True):
        try:
            value = parse_value(indicator, entry.value)  # type: ignore[arg-type]
        except ValueParseError:
            continue
        if isinstance(value, Decimal):
            return value
    for kind in ("toteuma", "lähtötaso"):
        for item in indicator.series:
            if item.year == indicator.baseline_year and item.kind == kind and item.value is not None:
                try:
                    _, value = parse_series_value(indicator, item.value)
                except ValueParseError:
                    continue
                if isinstance(value, Decimal):
                    return value
    return None


SingleLookup = Callable[[TrendIndicator], Decimal | None]


def _computed(
    indicator: Indicator, entries: list[Entry], year: int, as_of: date, lookup: SingleLookup
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


def _judge(indicator: Indicator, value: Value, as_of: date, lookup: SingleLookup) -> Judged:
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


def _trend(indicator: TrendIndicator, value: Decimal, lookup: SingleLookup) -> Judged:
    source = "vertailuarvo"
    baseline = indicator.baseline_value
    if baseline is None and (baseline := _series_baseline(indicator)) is not None:
        source = "sarja"
    if baseline is None:
        source, baseline = "edellinen vuosi", lookup(indicator)
    if baseline is None:
        return (
            Status.NOT_ASSESSED,
            Why("no_baseline", {"year": indicator.baseline_year, "id": indicator.id}),
            None,
        )
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
    share = rule.share_percent
    key = (tuple(counts.by_status.values()), rule.method, None if share is None else share.as_tuple())
    if (found := _DECIDED.get(key)) is None:
        found = _decide(counts, rule)
        if len(_DECIDED) < SHARED_COUNTS_MOST:
            _DECIDED[key] = found
    return found


_DECIDED: dict[tuple[object, ...], tuple[Status, Why]] = {}
""":func:`decide` by the counts and the rule as written (75 and 75,0 are told apart): equal parts
give one shared frozen answer"""


def _decide(counts: Counts, rule: GoalRule) -> tuple[Status, Why]:
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


def _by_hand(assessment: Assessment | None) -> tuple[Status, Why] | None:
    """The status an own assessment with a level sets, and why."""
    if assessment is None or assessment.level is None:
        return None
    args = {"level": assessment.level, "reason": assessment.reason or assessment.text}
    return Status(assessment.level), Why("assessed", args)


def summarize_goal(
    goal: Goal,
    rule: GoalRule,
    indicators: Sequence[IndicatorResult],
    assessments: Assessed = NOT_ASSESSED_BY_HAND,
    over: bool = True,
) -> GoalResult:
    """A goal from its indicators, or as its committee's own assessment sets it by hand.

    With an own assessment, a qualitative indicator without a level is reported, not counted
    as *ei arvioitu*.  A goal without indicators and without a level is *kesken* until the year
    is over (``over``), then *ei arvioitu*."""
    if assessments.own is not None:
        indicators = [_reported_with_goal(i) for i in indicators]
    counts = Counts.of(i.status for i in indicators)
    if indicators:
        status, why = decide([i.status for i in indicators], rule)
    else:
        status, why = _unknown(over), Why("no_indicators", pending=not over)
    manual = _by_hand(assessments.own)
    if manual is None:
        return GoalResult(goal, status, why, rule, tuple(indicators), counts, assessments)
    return GoalResult(goal, *manual, rule, tuple(indicators), counts, assessments, status)


def _reported_with_goal(result: IndicatorResult) -> IndicatorResult:
    if not isinstance(result.indicator, QualitativeIndicator) or result.status is not Status.NOT_ASSESSED:
        return result
    if result.is_manual or result.why.code not in ("level_not_set", "no_entries"):
        return result
    return IndicatorResult(
        result.indicator, Status.REPORTED, Why("assessed_with_goal"), result.latest, result.value
    )


def summarize_area(area: ServiceArea, goals: Sequence[GoalResult]) -> AreaResult:
    if goals:
        status, why = decide([g.status for g in goals])
    else:
        status, why = Status.NOT_ASSESSED, Why("no_goals")
    indicator_counts = sum((g.indicator_counts for g in goals), Counts.of(()))
    return AreaResult(
        area,
        status,
        why,
        tuple(goals),
        Counts.of(g.status for g in goals),
        indicator_counts,
        binding_counts(goals),
    )


def summarize_file(
    goal_file: GoalFile,
    as_of: date,
    areas: Sequence[AreaResult],
    with_assessment: bool = True,
    assessor: str | None = None,
) -> FileResult:
    """The committee-year from its goals, or as the committee's own assessment of the year sets it.

    ``with_assessment=False`` (a filtered view) leaves the year's own assessment out of the status."""
    status, why = decide([g.status for a in areas for g in a.goals])
    goal_counts = sum((a.goal_counts for a in areas), Counts.of(()))
    indicator_counts = sum((a.indicator_counts for a in areas), Counts.of(()))
    binding = binding_counts(g for a in areas for g in a.goals)
    assessments = assessed(goal_file.assessments, goal_file.committee, as_of, assessor)
    manual = _by_hand(assessments.own) if with_assessment else None
    if manual is None:
        return FileResult(
            goal_file, as_of, status, why, tuple(areas), goal_counts, indicator_counts, binding, assessments
        )
    return FileResult(
        goal_file, as_of, *manual, tuple(areas), goal_counts, indicator_counts, binding, assessments, status
    )


def summarize_year(year: int, as_of: date, files: Sequence[FileResult]) -> YearResult:
    status, why = decide([g.status for f in files for a in f.areas for g in a.goals])
    goal_counts = sum((f.goal_counts for f in files), Counts.of(()))
    indicator_counts = sum((f.indicator_counts for f in files), Counts.of(()))
    binding = sum((f.binding for f in files), binding_counts(()))
    return YearResult(year, as_of, status, why, tuple(files), goal_counts, indicator_counts, binding)


def by_municipality(year: YearResult) -> list[tuple[str | None, YearResult]]:
    """The year's files grouped by municipality, in order of appearance, each summarized on its own."""
    groups: dict[str, list[FileResult]] = {}
    names: dict[str, str | None] = {}
    for file in year.files:
        key = identity(file.goal_file)[0]
        groups.setdefault(key, []).append(file)
        names.setdefault(key, file.goal_file.municipality)
    return [(names[k], summarize_year(year.year, year.as_of, files)) for k, files in groups.items()]


def evaluate_file(
    goal_file: GoalFile,
    as_of: date,
    baseline_lookup: BaselineLookup = no_baseline,
    assessor: str | None = None,
) -> FileResult:
    """Evaluate every indicator of the file and aggregate to goals, areas and the file.

    ``assessor`` (e.g. ``tarkastuslautakunta``): follow that assessor's assessments instead of the
    committee's own."""
    default_rule = goal_file.rule or DEFAULT_RULE
    owner = identity(goal_file)
    over = year_over(goal_file.year, as_of)
    areas = []
    for area in goal_file.areas:
        goals = []
        for goal in area.goals:
            results = [
                evaluate_indicator(i, goal_file.year, as_of, baseline_lookup, owner)
                for i in goal.all_indicators()
            ]
            assessments = assessed(goal.assessments, goal_file.committee, as_of, assessor)
            goals.append(summarize_goal(goal, goal.rule or default_rule, results, assessments, over))
        areas.append(summarize_area(area, goals))
    return summarize_file(goal_file, as_of, areas, assessor=assessor)


def evaluate_year(
    goal_files: Sequence[GoalFile],
    year: int,
    as_of: date,
    baseline_lookup: BaselineLookup = no_baseline,
    assessor: str | None = None,
) -> YearResult:
    """Evaluate every committee's file of one year."""
    files = [evaluate_file(f, as_of, baseline_lookup, assessor) for f in goal_files]
    return summarize_year(year, as_of, files)
