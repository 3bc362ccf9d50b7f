"""The year's report as Markdown for the annual report (toimintakertomus) and git forges.

Headings per committee and service area, the decision the goals rest on, a
table per area (goal, action, indicator, target, realization, status, comment)
and status summaries in which goals and indicators are counted separately,
each out of its own total.  Cell text is escaped so that tables render on
GitHub and GitLab: ``|`` becomes ``\\|`` and line breaks ``<br>``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tavoitteet.core.evaluation import AreaResult, Counts, FileResult, GoalResult, YearResult, year_over
from tavoitteet.render.report_rows import bare_actions, goal_rows
from tavoitteet.words.i18n import ReportLang
from tavoitteet.words.labels import day
from tavoitteet.words.report_labels import (
    comment_words,
    count_rows,
    decision_reference,
    realization_words,
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
    yield [f"**{cell(goal.goal.title)}**", "", "", "", "", f"**{cell(status_word(goal.status, lang))}**", ""]
    for action in bare_actions(goal.goal):
        yield ["", cell(action.text), "", "", "", "", ""]
    for row in goal_rows(file, area, goal):
        result = row.result
        yield [
            "",
            cell(row.action.text if row.action else None),
            cell(result.indicator.name or result.indicator.id),
            cell(result.indicator.target_text),
            cell(realization_words(result, lang)),
            cell(status_cell(result, lang)),
            cell(comment_words(result, lang)),
        ]


def area_table(file: FileResult, area: AreaResult, lang: ReportLang) -> list[str]:
    keys = ("goal", "action", "indicator", "target", "realization", "status", "comment")
    body = [row for goal in area.goals for row in _goal_body(goal, file, area, lang)]
    return table([word(k, lang) for k in keys], body)


def summary_table(goals: Counts, indicators: Counts, lang: ReportLang) -> list[str]:
    header = [word("status", lang), word("goals", lang), word("indicators", lang)]
    body = [[cell(status_word(s, lang)), g, i] for s, g, i in count_rows(goals, indicators, lang)]
    return table(header, body)


def committee_section(file: FileResult, lang: ReportLang) -> list[str]:
    lines = [f"## {cell(file.goal_file.committee)}", ""]
    if (reference := decision_reference(file.goal_file.decision, lang)) is not None:
        lines += [f"{word('decision', lang)}: {cell(reference)}", ""]
    for area in file.areas:
        lines += [f"### {cell(area.area.name)}", "", *area_table(file, area, lang), ""]
    lines += [f"### {word('summary', lang)}: {cell(file.goal_file.committee)}", ""]
    return [*lines, *summary_table(file.goal_counts, file.indicator_counts, lang), ""]


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
    lines += [f"## {word('year_summary', lang)}", ""]
    lines += summary_table(year.goal_counts, year.indicator_counts, lang)
    return "\n".join(lines) + "\n"
