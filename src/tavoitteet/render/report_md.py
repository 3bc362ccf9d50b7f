"""The year's report as Markdown for the annual report (toimintakertomus) and git forges.

Headings per committee and service area, the decision the goals rest on, a
table per area (goal, action, indicator, target, realization, status, comment)
and status summaries in which goals and indicators are counted separately,
each out of its own total.  Cell text is escaped so that tables render on
GitHub and GitLab: ``|`` becomes ``\\|`` and line breaks ``<br>``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tavoitteet.core.evaluation import (
    AreaResult,
    Counts,
    FileResult,
    GoalResult,
    YearResult,
    by_municipality,
    year_over,
)
from tavoitteet.render.report_rows import bare_actions, goal_rows
from tavoitteet.words.i18n import ReportLang
from tavoitteet.words.labels import day
from tavoitteet.words.report_labels import (
    action_words,
    assessments_words,
    binding_words,
    count_rows,
    decision_references,
    differing_words,
    goal_facts,
    goal_status_cell,
    indicator_comment_words,
    indicator_realization_words,
    status_cell,
    status_word,
    word,
)


def cell(text: str | None) -> str:
    """Text safe inside a Markdown table cell."""
    if not text:
        return ""
    escaped = text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
    lines = [line.strip() for line in escaped.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "<br>".join(line for line in lines if line)


def table(header: Sequence[str], body: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(c if c else " " for c in row) + " |" for row in body]
    return lines


def _goal_body(goal: GoalResult, file: FileResult, area: AreaResult, lang: ReportLang) -> Iterator[list[str]]:
    extra = "\n".join(
        [*goal_facts(goal.goal, area.area, lang), *assessments_words(goal.assessed, lang), *goal.goal.notes]
    )
    yield [
        f"**{cell(goal.goal.title)}**",
        "",
        "",
        "",
        "",
        f"**{cell(goal_status_cell(goal, lang))}**",
        cell(extra),
    ]
    for action in bare_actions(goal.goal):
        yield ["", cell(action_words(action, lang)), "", "", "", "", ""]
    for row in goal_rows(file, area, goal):
        result = row.result
        yield [
            "",
            cell(action_words(row.action, lang) if row.action else None),
            cell(result.indicator.name or result.indicator.id),
            cell(result.indicator.target_text),
            cell(indicator_realization_words(result, lang)),
            cell(status_cell(result, lang)),
            cell(indicator_comment_words(result, lang)),
        ]


def area_table(file: FileResult, area: AreaResult, lang: ReportLang) -> list[str]:
    keys = ("goal", "action", "indicator", "target", "realization", "status", "comment")
    body = [row for goal in area.goals for row in _goal_body(goal, file, area, lang)]
    return table([word(k, lang) for k in keys], body)


def summary_table(goals: Counts, indicators: Counts, lang: ReportLang) -> list[str]:
    header = [word("status", lang), word("goals", lang), word("indicators", lang)]
    body = [[cell(status_word(s, lang)), g, i] for s, g, i in count_rows(goals, indicators, lang)]
    return table(header, body)


def committee_name(file: FileResult) -> str:
    goal_file = file.goal_file
    return (
        f"{goal_file.committee} ({goal_file.municipality})" if goal_file.municipality else goal_file.committee
    )


def _paragraphs(texts: Sequence[str]) -> list[str]:
    return [line for text in texts for line in (cell(text), "")]


def committee_section(file: FileResult, lang: ReportLang) -> list[str]:
    goal_file = file.goal_file
    lines = [f"## {cell(committee_name(file))}", ""]
    for reference in decision_references([goal_file.decision, *goal_file.decisions], lang):
        lines += [f"{word('decision', lang)}: {cell(reference)}", ""]
    for area in file.areas:
        lines += [f"### {cell(area.area.name)}", ""]
        lines += _paragraphs([t for t in (area.area.description, *area.area.notes) if t])
        if area.goals:
            lines += [*area_table(file, area, lang), ""]
    lines += [f"### {word('summary', lang)}: {cell(committee_name(file))}", ""]
    lines += [*summary_table(file.goal_counts, file.indicator_counts, lang), ""]
    lines += _paragraphs(binding_words(file.binding, lang))
    if year_texts := assessments_words(file.assessed, lang):
        lines += [f"{word('assessments', lang)}:", "", *[f"- {cell(t)}" for t in year_texts], ""]
    differing = [t for a in file.areas for g in a.goals for t in differing_words(g, lang)]
    if differing:
        lines += [f"{word('differing', lang)}:", "", *[f"- {cell(t)}" for t in differing], ""]
    if goal_file.notes:
        lines += [f"{word('notes', lang)}:", "", *[f"- {cell(t)}" for t in goal_file.notes], ""]
    return lines


def render_markdown(year: YearResult, lang: ReportLang = "fi") -> str:
    """The whole report as Markdown text ending in a newline."""
    state = word("year_over" if year_over(year.year, year.as_of) else "year_running", lang)
    lines = [
        f"# {word('title', lang, year=year.year)}",
        "",
        f"{word('situation', lang, date=day(year.as_of, lang))} ({state}).",
        "",
    ]
    if not year.files:
        return "\n".join([*lines, word("nothing", lang), ""])
    for file in year.files:
        lines += committee_section(file, lang)
    groups = by_municipality(year)
    for name, part in groups:
        title = word("year_summary", lang)
        if len(groups) > 1:
            title += f": {name or word('no_municipality', lang)}"
        lines += [f"## {cell(title)}", ""]
        lines += summary_table(part.goal_counts, part.indicator_counts, lang)
        if binding := binding_words(part.binding, lang):
            lines += ["", *_paragraphs(binding)[:-1]]
        lines.append("")
    return "\n".join(lines[:-1]) + "\n"
