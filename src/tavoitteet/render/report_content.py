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
    BindingCounts,
    Counts,
    FileResult,
    GoalResult,
    IndicatorResult,
    Status,
    YearResult,
    by_municipality,
)
from tavoitteet.core.model import Action, Person
from tavoitteet.render.report_rows import bare_actions, goal_rows
from tavoitteet.words.i18n import ReportLang
from tavoitteet.words.labels import day, explain, explain_goal, number
from tavoitteet.words.report_labels import (
    action_words,
    assessments_words,
    base_lang,
    binding_words,
    decision_references,
    differing_words,
    goal_facts,
    goal_status_cell,
    indicator_realization_words,
    status_word,
    word,
)


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
    """Binding towards the council (``sitova: kyllä``); not stated and not binding are both False here."""
    reason: Piece | None
    """Why the goal was not assessed, when it was not."""
    facts: tuple[Piece, ...]
    """Its kind, strategic aim, sub-unit, carrying over, written assessments and notes."""
    actions: tuple[Piece, ...]
    """Actions without indicators of their own, listed by their text."""
    lines: tuple[IndicatorLine, ...]


@dataclass(frozen=True, slots=True)
class AreaBlock:
    name: Piece
    texts: tuple[Piece, ...]
    """The area's description and notes."""
    goals: tuple[GoalBlock, ...]
    goal_counts: Counts
    indicator_counts: Counts


@dataclass(frozen=True, slots=True)
class CommitteeBlock:
    name: Piece
    """The committee, with its municipality in brackets when the file names one."""
    decisions: tuple[Piece, ...]
    """References to the decisions: the body's name is the file's, in Finnish."""
    preparer: Piece | None
    areas: tuple[AreaBlock, ...]
    goal_counts: Counts
    indicator_counts: Counts
    binding_counts: Counts
    """The statuses of the goals that bind towards the council."""
    binding_lines: tuple[str, ...]
    """Binding goals and binding indicators met, and how many do not say whether they bind."""
    assessments: tuple[Piece, ...]
    """The committee-year's written assessments."""
    differing: tuple[Piece, ...]
    """Goals whose assessment by another assessor differs from the committee's own."""
    notes: tuple[Piece, ...]

    @property
    def decision(self) -> Piece | None:
        return self.decisions[0] if self.decisions else None


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
    if (note := content(result.indicator, "note", lang)) is not None:
        yield tool_words(f"{word('note', lang)}:", lang)
        yield note


def status_text(status: Status, lang: ReportLang, manual: bool = False) -> str:
    text = status_word(status, lang)
    return f"{text} ({word('manual', lang)})" if manual else text


def _content_words(texts: Sequence[str], lang: ReportLang) -> tuple[Piece, ...]:
    """Texts made of a file's words (assessments, notes): in the file's language, Finnish."""
    return tuple(Piece(t, "fi") for t in texts if t)


def indicator_line(result: IndicatorResult, action: object, lang: ReportLang) -> IndicatorLine:
    action_text = _action(action, lang) if isinstance(action, Action) else None
    name = content(result.indicator, "name", lang)
    return IndicatorLine(
        name=name if name is not None or action_text is not None else indicator_name(result, lang),
        action=action_text,
        target=content(result.indicator, "target_text", lang) or Piece("", "fi"),
        outcome=indicator_realization_words(result, lang),
        status=result.status,
        status_text=status_text(result.status, lang, result.is_manual),
        notes=tuple(_notes(result, lang)),
    )


def _action(action: Action, lang: ReportLang) -> Piece:
    """An action without indicators: its text, and that it is carried over, and its notes."""
    text = content(action, "text", lang) or Piece(action.text, "fi")
    rest = action_words(action, lang).split("\n")[1:]
    return Piece("\n".join([text.text, *rest]), text.lang)


def goal_block(goal: GoalResult, file: FileResult, area: AreaResult, lang: ReportLang) -> GoalBlock:
    reason = None
    if goal.status is Status.NOT_ASSESSED:
        reason = tool_words(explain_goal(goal, base_lang(lang)), lang)
    facts = [*goal_facts(goal.goal, area.area, lang), *assessments_words(goal.assessed, lang)]
    return GoalBlock(
        title=content(goal.goal, "title", lang) or Piece("", "fi"),
        status=goal.status,
        status_text=goal_status_cell(goal, lang),
        binding=goal.goal.binding is True,
        reason=reason,
        facts=_content_words([*facts, *goal.goal.notes], lang),
        actions=tuple(_action(a, lang) for a in bare_actions(goal.goal)),
        lines=tuple(indicator_line(row.result, row.action, lang) for row in goal_rows(file, area, goal)),
    )


def committee_name(file: FileResult, lang: ReportLang) -> Piece:
    """The committee's name, with its municipality in brackets when the file names one."""
    name = content(file.goal_file, "committee", lang) or Piece("", "fi")
    municipality = file.goal_file.municipality
    return Piece(f"{name.text} ({municipality})", name.lang) if municipality else name


def _person(person: Person | None) -> str | None:
    if person is None:
        return None
    return ", ".join(t for t in (person.title, person.name) if t) or None


def committee_block(file: FileResult, lang: ReportLang) -> CommitteeBlock:
    goal_file = file.goal_file
    decision = goal_file.decision
    areas = tuple(
        AreaBlock(
            name=content(area.area, "name", lang) or Piece("", "fi"),
            texts=tuple(
                p
                for p in (content(area.area, "description", lang), *_content_words(area.area.notes, lang))
                if p is not None
            ),
            goals=tuple(goal_block(goal, file, area, lang) for goal in area.goals),
            goal_counts=area.goal_counts,
            indicator_counts=area.indicator_counts,
        )
        for area in file.areas
    )
    return CommitteeBlock(
        name=committee_name(file, lang),
        decisions=_content_words(decision_references([decision, *goal_file.decisions], lang), lang),
        preparer=_content_words([_person(decision.preparer) or ""], lang)[0]
        if decision is not None and decision.preparer is not None
        else None,
        areas=areas,
        goal_counts=file.goal_counts,
        indicator_counts=file.indicator_counts,
        binding_counts=file.binding.goals,
        binding_lines=tuple(binding_words(file.binding, lang)),
        assessments=_content_words(assessments_words(file.assessed, lang), lang),
        differing=_content_words(
            [t for a in file.areas for g in a.goals for t in differing_words(g, lang)], lang
        ),
        notes=_content_words(goal_file.notes, lang),
    )


@dataclass(frozen=True, slots=True)
class YearSummary:
    """The year's figures for one municipality (never added up across municipalities)."""

    heading: str
    goal_counts: Counts
    indicator_counts: Counts
    binding: BindingCounts
    binding_lines: tuple[str, ...]


def year_summaries(year: YearResult, lang: ReportLang) -> list[YearSummary]:
    """One summary per municipality when the year holds several, else one for the year."""
    groups = by_municipality(year)
    summaries = []
    for name, part in groups:
        heading = word("year_summary", lang)
        if len(groups) > 1:
            heading += f": {name or word('no_municipality', lang)}"
        summaries.append(
            YearSummary(
                heading,
                part.goal_counts,
                part.indicator_counts,
                part.binding,
                tuple(binding_words(part.binding, lang)),
            )
        )
    return summaries


def share(count: int, total: int, lang: ReportLang) -> str:
    """``3/11 (27 %)``; without a percentage when there is nothing to divide by."""
    if not total:
        return f"{count}/{total}"
    percent = (Decimal(100) * count / total).quantize(Decimal(1))
    return f"{count}/{total} ({number(percent, lang)} %)"


def headline(goals: Counts, indicators: Counts, binding: Counts, lang: ReportLang) -> str:
    """The figures councils and auditors ask for, goals and indicators apart, binding goals apart.

    Binding goals are counted out of those judged (as ``binding_words`` does): *ei sovellu* is left out.
    """
    parts = [
        word("headline_goals", lang, share=share(goals[Status.MET], goals.total, lang)),
        word("headline_indicators", lang, share=share(indicators[Status.MET], indicators.total, lang)),
    ]
    if binding.judged:
        parts.insert(
            0, word("headline_binding", lang, share=share(binding[Status.MET], binding.judged, lang))
        )
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
