"""The report's content once, for every document format: committees, areas, goals and their indicator lines.

The Word, HTML and Markdown reports render the same blocks, so that they say
the same things: per goal its title, status, whether it binds towards the
council and, when it was not assessed, why; per indicator its name, target,
outcome with its day, status as words, and every comment and reason.  Technical
ids never appear: an indicator without a name is called by its target text.

Each text taken from a goal file is a :class:`Piece` that knows its real
language: a Swedish report uses the Swedish text (``sv:`` beside the Finnish
one, see ``docs/tiedostomuoto.md``) where the file has one, and the Finnish
text, marked Finnish, where it has not.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from tavoitteet.core.evaluation import (
    AreaResult,
    Counts,
    FileResult,
    GoalResult,
    IndicatorResult,
    Status,
    YearResult,
)
from tavoitteet.core.model import Person
from tavoitteet.render.report_rows import bare_actions, goal_rows
from tavoitteet.words.i18n import ReportLang
from tavoitteet.words.labels import day, explain, explain_goal, number
from tavoitteet.words.report_labels import base_lang, realization_words, status_word, word


@dataclass(frozen=True, slots=True)
class Piece:
    """A text and the language it is really written in."""

    text: str
    lang: ReportLang


def content(item: object, field: str, lang: ReportLang) -> Piece | None:
    """A file's text in the report's language where the file gives it, else the Finnish text.

    ``item.swedish`` (the ``sv:`` mapping) holds the Swedish texts of the same fields.
    """
    if item is None:
        return None
    if lang == "sv":
        swedish = getattr(item, "swedish", None)
        text = getattr(swedish, field, None) if swedish is not None else None
        if isinstance(text, str) and text:
            return Piece(text, "sv")
    text = getattr(item, field, None)
    return Piece(text, "fi") if isinstance(text, str) and text else None


def tool_words(text: str, lang: ReportLang) -> Piece:
    """Words the tool writes: explanations exist in Finnish and English only."""
    return Piece(text, base_lang(lang))


@dataclass(frozen=True, slots=True)
class IndicatorLine:
    name: Piece | None
    """None when the indicator has no name of its own and its action's text names it."""
    action: Piece | None
    target: Piece
    outcome: str
    status: Status
    status_text: str
    notes: tuple[Piece, ...]
    """Comment, missing value's reason, a hand-set level's reason; why when not assessed."""


@dataclass(frozen=True, slots=True)
class GoalBlock:
    title: Piece
    status: Status
    status_text: str
    binding: bool
    reason: Piece | None
    """Why the goal was not assessed, when it was not."""
    actions: tuple[Piece, ...]
    """Actions without indicators of their own, listed by their text."""
    lines: tuple[IndicatorLine, ...]


@dataclass(frozen=True, slots=True)
class AreaBlock:
    name: Piece
    goals: tuple[GoalBlock, ...]
    goal_counts: Counts
    indicator_counts: Counts


@dataclass(frozen=True, slots=True)
class CommitteeBlock:
    name: Piece
    decision: str | None
    preparer: str | None
    areas: tuple[AreaBlock, ...]
    goal_counts: Counts
    indicator_counts: Counts
    binding_counts: Counts


def indicator_name(result: IndicatorResult, lang: ReportLang) -> Piece:
    indicator = result.indicator
    return content(indicator, "name", lang) or content(indicator, "target_text", lang) or Piece("", "fi")


def _notes(result: IndicatorResult, lang: ReportLang) -> Iterator[Piece]:
    latest = result.latest
    if latest is not None:
        for field in ("missing_reason", "comment"):
            if (piece := content(latest, field, lang)) is not None:
                yield piece
    if result.manual is not None:
        yield tool_words(word("manual", lang).capitalize() + ":", lang)
        if (piece := content(result.manual, "reason", lang)) is not None:
            yield piece
    if result.status is Status.NOT_ASSESSED and (latest is None or latest.missing_reason is None):
        yield tool_words(explain(result, base_lang(lang)), lang)


def status_text(status: Status, lang: ReportLang, manual: bool = False) -> str:
    text = status_word(status, lang)
    return f"{text} ({word('manual', lang)})" if manual else text


def indicator_line(result: IndicatorResult, action: object, lang: ReportLang) -> IndicatorLine:
    action_text = content(action, "text", lang) if action is not None else None
    name = content(result.indicator, "name", lang)
    return IndicatorLine(
        name=name if name is not None or action_text is not None else indicator_name(result, lang),
        action=action_text,
        target=content(result.indicator, "target_text", lang) or Piece("", "fi"),
        outcome=realization_words(result, lang),
        status=result.status,
        status_text=status_text(result.status, lang, result.is_manual),
        notes=tuple(_notes(result, lang)),
    )


def goal_block(goal: GoalResult, file: FileResult, area: AreaResult, lang: ReportLang) -> GoalBlock:
    reason = None
    if goal.status is Status.NOT_ASSESSED:
        reason = tool_words(explain_goal(goal, base_lang(lang)), lang)
    return GoalBlock(
        title=content(goal.goal, "title", lang) or Piece("", "fi"),
        status=goal.status,
        status_text=status_word(goal.status, lang),
        binding=bool(goal.goal.binding),
        reason=reason,
        actions=tuple(p for a in bare_actions(goal.goal) if (p := content(a, "text", lang)) is not None),
        lines=tuple(indicator_line(row.result, row.action, lang) for row in goal_rows(file, area, goal)),
    )


def binding_counts(goals: Sequence[GoalResult]) -> Counts:
    return Counts.of(g.status for g in goals if g.goal.binding)


def _person(person: Person | None) -> str | None:
    if person is None:
        return None
    return ", ".join(t for t in (person.title, person.name) if t) or None


def committee_block(file: FileResult, lang: ReportLang) -> CommitteeBlock:
    from tavoitteet.words.report_labels import decision_reference

    goal_file = file.goal_file
    decision = goal_file.decision
    areas = tuple(
        AreaBlock(
            name=content(area.area, "name", lang) or Piece("", "fi"),
            goals=tuple(goal_block(goal, file, area, lang) for goal in area.goals),
            goal_counts=area.goal_counts,
            indicator_counts=area.indicator_counts,
        )
        for area in file.areas
    )
    return CommitteeBlock(
        name=content(goal_file, "committee", lang) or Piece("", "fi"),
        decision=decision_reference(decision, lang),
        preparer=_person(decision.preparer) if decision is not None else None,
        areas=areas,
        goal_counts=file.goal_counts,
        indicator_counts=file.indicator_counts,
        binding_counts=binding_counts([g for a in file.areas for g in a.goals]),
    )


def year_binding_counts(year: YearResult) -> Counts:
    return binding_counts([g for f in year.files for a in f.areas for g in a.goals])


def share(count: int, total: int, lang: ReportLang) -> str:
    """``3/11 (27 %)``; without a percentage when there is nothing to divide by."""
    if not total:
        return f"{count}/{total}"
    percent = (Decimal(100) * count / total).quantize(Decimal(1))
    return f"{count}/{total} ({number(percent, lang)} %)"


def headline(goals: Counts, indicators: Counts, binding: Counts, lang: ReportLang) -> str:
    """The figures councils and auditors ask for, goals and indicators apart, binding goals apart."""
    parts = [
        word("headline_goals", lang, share=share(goals[Status.MET], goals.total, lang)),
        word("headline_indicators", lang, share=share(indicators[Status.MET], indicators.total, lang)),
    ]
    if binding.total:
        parts.insert(0, word("headline_binding", lang, share=share(binding[Status.MET], binding.total, lang)))
    return " ".join(parts)


def count_table(
    goals: Counts, indicators: Counts, binding: Counts, lang: ReportLang
) -> tuple[list[str], list[tuple[Status, list[str]]]]:
    """The summary's header and its rows: every status present, each level out of its own total."""
    header = [word("status", lang), word("goals", lang)]
    if binding.total:
        header.append(word("binding_goals", lang))
    header.append(word("indicators", lang))
    rows: list[tuple[Status, list[str]]] = []
    for status in Status:
        if not (goals[status] or indicators[status]):
            continue
        cells = [status_word(status, lang), f"{goals[status]}/{goals.total}"]
        if binding.total:
            cells.append(f"{binding[status]}/{binding.total}")
        cells.append(f"{indicators[status]}/{indicators.total}")
        rows.append((status, cells))
    return header, rows


def situation(year: YearResult, lang: ReportLang) -> str:
    from tavoitteet.core.evaluation import year_over

    state = word("year_over" if year_over(year.year, year.as_of) else "year_running", lang)
    return f"{word('situation', lang, date=day(year.as_of, lang))} ({state})."
