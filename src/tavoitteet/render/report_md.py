"""The year's report as Markdown for the annual report (toimintakertomus) and git forges.

Written so that ``pandoc raportti.md -o raportti.docx`` gives a clean Word
document as well as rendering on GitHub and GitLab: headings per committee and
service area, the decision the goals rest on, the headline figures (binding
goals, goals and indicators each out of their own total), and per area one
pipe table of five columns in which each goal is a row group (its title and
status in bold, why when it was not assessed) followed by its indicators.
The separator line's dashes give pandoc the columns' relative widths.  Cell
text is escaped (``|`` becomes ``\\|``, ``<`` and ``>`` entities) and line
breaks become spaces, as pandoc's Word output drops raw HTML such as ``<br>``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tavoitteet.core.evaluation import Counts, YearResult
from tavoitteet.render.report_content import (
    AreaBlock,
    CommitteeBlock,
    GoalBlock,
    Piece,
    committee_block,
    count_table,
    headline,
    situation,
    year_summaries,
)
from tavoitteet.words.i18n import ReportLang
from tavoitteet.words.report_labels import word

COLUMNS = ("indicator", "target", "realization", "status", "notes_column")
DASHES = (18, 18, 20, 12, 24)  # relative widths for pandoc


def cell(text: str | Piece | None) -> str:
    """Text safe inside a Markdown table cell, on one line."""
    if isinstance(text, Piece):
        text = text.text
    if not text:
        return ""
    escaped = (
        text.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*", "\\*")
        .replace("_", "\\_")
    )
    return " ".join(escaped.split())


def table(header: Sequence[str], body: Sequence[Sequence[str]], dashes: Sequence[int] = ()) -> list[str]:
    widths = dashes or [3] * len(header)
    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "|" + "|".join("-" * w for w in widths) + "|"]
    lines += ["| " + " | ".join(c if c else " " for c in row) + " |" for row in body]
    return lines


def _goal_rows(goal: GoalBlock, lang: ReportLang) -> Iterator[list[str]]:
    title = f"**{cell(word('goal', lang))}: {cell(goal.title)}**"
    if goal.binding:
        title += f" ({cell(word('binding_mark', lang))})"
    reason = " ".join(cell(p) for p in (goal.reason, *goal.facts) if p is not None)
    yield [title, "", "", f"**{cell(goal.status_text)}**", reason]
    for action in goal.actions:
        yield [f"{cell(word('action', lang))}: {cell(action)}", "", "", "", ""]
    for line in goal.lines:
        name = cell(line.name)
        if line.action is not None:
            name = f"{cell(word('action', lang))}: {cell(line.action)}" + (f" – {name}" if name else "")
        yield [name, cell(line.target), cell(line.outcome), cell(line.status_text), cell(_notes(line.notes))]


def _notes(notes: Sequence[Piece]) -> str:
    return " ".join(note.text for note in notes)


def area_table(area: AreaBlock, lang: ReportLang) -> list[str]:
    body = [row for goal in area.goals for row in _goal_rows(goal, lang)]
    return table([word(k, lang) for k in COLUMNS], body, DASHES)


def summary(goals: Counts, indicators: Counts, binding: Counts, lang: ReportLang) -> list[str]:
    header, rows = count_table(goals, indicators, binding, lang)
    return [
        cell(headline(goals, indicators, binding, lang)),
        "",
        *table(header, [[cell(c) for c in cells] for _, cells in rows]),
    ]


def _items(title: str, items: Sequence[Piece | str]) -> list[str]:
    if not items:
        return []
    return [f"{title}:", "", *[f"- {cell(item)}" for item in items], ""]


def committee_section(block: CommitteeBlock, lang: ReportLang) -> list[str]:
    lines = [f"## {cell(block.name)}", ""]
    for decision in block.decisions:
        lines += [f"{word('decision', lang)}: {cell(decision)}", ""]
    if block.preparer is not None:
        lines += [f"{word('preparer', lang)}: {cell(block.preparer)}", ""]
    for area in block.areas:
        lines += [f"### {cell(area.name)}", ""]
        lines += [line for text in area.texts for line in (cell(text), "")]
        if area.goals:
            lines += [*area_table(area, lang), ""]
    lines += [f"### {word('summary', lang)}: {cell(block.name)}", ""]
    lines += [*summary(block.goal_counts, block.indicator_counts, block.binding_counts, lang), ""]
    lines += [line for text in block.binding_lines for line in (cell(text), "")]
    lines += _items(word("assessments", lang), block.assessments)
    lines += _items(word("differing", lang), block.differing)
    return lines + _items(word("notes", lang), block.notes)


def render_markdown(
    year: YearResult, lang: ReportLang = "fi", municipality: str | None = None, title: str | None = None
) -> str:
    """The whole report as Markdown text ending in a newline."""
    lines = [f"# {cell(title or word('title', lang, year=year.year))}", ""]
    if municipality:
        lines += [f"{word('municipality', lang)}: {cell(municipality)}", ""]
    lines += [situation(year, lang), ""]
    if not year.files:
        return "\n".join([*lines, word("nothing", lang), ""])
    blocks = [committee_block(file, lang) for file in year.files]
    for block in blocks:
        lines += committee_section(block, lang)
    if len(blocks) > 1:
        for part in year_summaries(year, lang):
            lines += [f"## {cell(part.heading)}", ""]
            lines += [*summary(part.goal_counts, part.indicator_counts, part.binding.goals, lang), ""]
            lines += [line for text in part.binding_lines for line in (cell(text), "")]
    return "\n".join(lines).rstrip("\n") + "\n"
