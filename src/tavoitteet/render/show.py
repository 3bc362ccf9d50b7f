"""``tavoitteet show``: one goal or indicator in full, as styled lines and tables written without rich.

The lines are :class:`~tavoitteet.render.styled.Styled` and the tables
:class:`~tavoitteet.render.grid.Table`, laid out as rich lays out its own
(``to_rich()`` gives rich's, which is used where those modules are in doubt).
"""

from __future__ import annotations

from dataclasses import dataclass

from tavoitteet.core.evaluation import AreaResult, FileResult, GoalResult, IndicatorResult, YearResult
from tavoitteet.core.model import DeadlineIndicator, Person
from tavoitteet.core.parsing import ValueParseError
from tavoitteet.core.values import parse_value
from tavoitteet.render.grid import Stack, Table
from tavoitteet.render.status import status_text
from tavoitteet.render.styled import Layout, Styled
from tavoitteet.words.entry_labels import entry_marks
from tavoitteet.words.i18n import Lang
from tavoitteet.words.labels import (
    day,
    explain,
    explain_goal,
    kind_name,
    label,
    number,
    rule_text,
    signed,
    value_text,
)
from tavoitteet.words.report_labels import action_words, assessments_words, goal_facts, series_items


@dataclass(frozen=True, slots=True)
class Found:
    """Where an id was found: the goal, and the indicator when the id named one."""

    file: FileResult
    area: AreaResult
    goal: GoalResult
    indicator: IndicatorResult | None = None


def find(year: YearResult, item_id: str) -> list[Found]:
    """Every goal or indicator with ``item_id`` in the year (ids are unique per file)."""
    found = []
    for file_result in year.files:
        for area in file_result.areas:
            for goal in area.goals:
                if goal.goal.id == item_id:
                    found.append(Found(file_result, area, goal))
                found += [
                    Found(file_result, area, goal, i) for i in goal.indicators if i.indicator.id == item_id
                ]
    return found


def all_ids(year: YearResult) -> list[str]:
    """Every goal and indicator id of the year, for suggesting the one meant."""
    goals = [g for f in year.files for a in f.areas for g in a.goals]
    return [g.goal.id for g in goals] + [i.indicator.id for g in goals for i in g.indicators]


def _line(key: str, value: str | Styled | None, lang: Lang) -> Styled | None:
    if value is None or value == "":
        return None
    return Styled.assemble((f"{label(key, lang)}: ", "bold"), value)


def _lines(*items: Styled | None) -> list[Layout]:
    return [item for item in items if item is not None]


def show_view(found: Found, lang: Lang) -> list[Layout]:
    goal = found.goal
    spearheads = {s.id: s.name for s in found.file.goal_file.spearheads}
    links = [goal.goal.spearhead] if goal.goal.spearhead else []
    goal_file = found.file.goal_file
    where = f"{goal_file.committee} {goal_file.year} · {found.area.area.name}"
    head = _lines(
        Styled(f"{goal_file.municipality} · {where}" if goal_file.municipality else where, style="dim"),
        Styled(f"{goal.goal.title} ({goal.goal.id})", style="bold"),
        _line("description", goal.goal.description, lang),
        *[Styled(fact) for fact in goal_facts(goal.goal, found.area.area, lang)],
        _line("spearhead", ", ".join(f"{spearheads.get(k, k)} ({k})" for k in links), lang),
        _line(
            "also_advances", ", ".join(f"{spearheads.get(k, k)} ({k})" for k in goal.goal.also_advances), lang
        ),
        _line("binding", _yes_no(goal.goal.binding, lang), lang),
        _line("responsible", person_text(goal.goal.responsible), lang),
        _line("status", status_text(goal.status, lang, goal.is_manual), lang),
        _line("rule", rule_text(goal, lang), lang),
        _line("why", explain_goal(goal, lang), lang),
        *[Styled(f"- {note}") for note in goal.goal.notes],
        *_actions(goal, lang),
        *_assessment_lines(goal, lang),
    )
    indicators = [found.indicator] if found.indicator is not None else list(goal.indicators)
    actions = {i.id: a for a in goal.goal.actions for i in a.indicators}
    body: list[Layout] = []
    for result in indicators:
        action = actions.get(result.indicator.id)
        body += [Styled(""), indicator_view(result, lang, action_words(action, lang) if action else None)]
    return [*head, *body]


def _actions(goal: GoalResult, lang: Lang) -> list[Styled]:
    """The goal's actions (teot), numbered as in the file, each with its indicators' ids."""
    if not goal.goal.actions:
        return []
    lines = [Styled(f"{label('actions', lang)}:", style="bold")]
    for n, action in enumerate(goal.goal.actions, start=1):
        line = Styled(f"{action.number or n}. ")
        line.append(action.text)
        if action.indicators:
            line.append(f" ({', '.join(i.id for i in action.indicators)})", style="dim")
        lines.append(line)
    return lines


def _yes_no(value: bool | None, lang: Lang) -> str | None:
    """kyllä / ei as the file states it; nothing when it does not say."""
    return None if value is None else label("yes" if value else "no", lang)


def _assessment_lines(goal: GoalResult, lang: Lang) -> list[Styled]:
    texts = assessments_words(goal.assessed, lang)
    if not texts:
        return []
    return [Styled(f"{label('assessments', lang)}:", style="bold"), *[Styled(f"- {t}") for t in texts]]


def person_text(person: Person | None) -> str | None:
    if person is None:
        return None
    return " ".join(part for part in (person.title, person.name) if part)


def indicator_view(result: IndicatorResult, lang: Lang, action: str | None = None) -> Layout:
    ind = result.indicator
    trend = result.trend
    baseline = None
    if trend is not None:
        change = f" → {signed(trend.change, lang)}" if trend.change is not None else ""
        source = label(f"source_{trend.source}", lang, year=getattr(ind, "baseline_year", ""))
        baseline = f"{number(trend.baseline, lang)} ({source}){change}"
    parts = _lines(
        Styled(f"{label('indicator', lang)}: {ind.name or ind.target_text} ({ind.id})", style="bold"),
        _line("action", action, lang),
        _line("target", ind.target_text, lang),
        _line("kind", kind_name(ind.kind, lang), lang),
        _line("unit", getattr(ind, "unit", None), lang),
        _line("categories", ", ".join(getattr(ind, "categories", [])), lang),
        _line("period", getattr(ind, "period", None), lang),
        _line("deadline", day(ind.deadline, lang) if isinstance(ind, DeadlineIndicator) else None, lang),
        _line("responsible", person_text(ind.responsible), lang),
        _line("condition", ind.condition, lang),
        _line("binding", _yes_no(ind.binding, lang), lang),
        _line("target_year", str(ind.target_year) if ind.target_year else None, lang),
        _line("baseline", baseline, lang),
        _line("status", status_text(result.status, lang, result.is_manual), lang),
        _line("why", explain(result, lang), lang),
        _line("note", ind.note, lang),
    )
    if (
        not ind.entries and result.why.code == "no_entries"
    ):  # the explanation already says nothing is recorded
        return Stack([*parts, *series_table(result, lang)])
    return Stack([*parts, *series_table(result, lang), history_table(result, lang)])


def series_table(result: IndicatorResult, lang: Lang) -> list[Layout]:
    """The indicator's values by year and kind, when it has a series."""
    items = series_items(result.indicator, lang)
    if not items:
        return []
    table = Table(label("series", lang))
    table.add_column(label("year", lang), width=6)
    table.add_column(label("series_kind", lang), ratio=2, overflow="fold")
    table.add_column(label("value", lang), ratio=2, overflow="fold")
    table.add_column(label("source", lang), ratio=4, overflow="fold")
    for year, kind, shown, source in items:
        table.add_row(str(year), kind, shown, source or "")
    return [table]


def history_table(result: IndicatorResult, lang: Lang) -> Layout:
    entries = sorted(result.indicator.entries, key=lambda e: e.date)
    if not entries:
        return Styled(label("no_history", lang), style="italic")
    table = Table(label("history", lang))
    table.add_column(label("date", lang), width=10)
    table.add_column(label("value", lang), ratio=2, overflow="fold")
    table.add_column(label("comment", lang), ratio=4, overflow="fold")
    for entry in entries:
        marks = entry_marks(result.indicator.entries, entry, lang)
        if entry.withdraws is not None:
            shown = marks
        elif entry.value is None:
            shown = label("missing", lang)
        else:
            try:
                shown = value_text(result.indicator, parse_value(result.indicator, entry.value), lang)
            except ValueParseError:
                shown = str(entry.value)
        if marks and entry.withdraws is None:
            shown = f"{shown} ({marks})"
        period = label("value_of_year", lang, year=entry.period) if entry.period is not None else None
        notes = " · ".join(
            t for t in (period, entry.missing_reason, entry.comment, entry.by, entry.source) if t
        )
        table.add_row(day(entry.date, lang), shown, notes)
    return table
