"""The year's report as one self-contained HTML page for publishing, printing and reading on a phone.

No external fonts, scripts or styles: the CSS is inline (:mod:`tavoitteet.render.report_style`)
and the charts are inline SVG (:mod:`tavoitteet.render.svg_charts`), each with
a text alternative.  The page says the same as the Word and Markdown reports
(:mod:`tavoitteet.render.report_content`): per committee the headline figures,
the status of each area as a bar and in words, per area one table in which
each goal is a row group (``<tbody>`` with a ``rowgroup`` header), and a
comparison with the earlier year that only says what is comparable.

Every piece of text from a goal file is marked with its real language when it
differs from the page's (``<span lang="fi">`` in a Swedish or English report).
Status is text first, colour second.  Tables reflow into labelled blocks on
narrow screens, and print on A4 with a running header and page numbers (CSS
paged media) without a forced page break per section.  All file text is
escaped.  The pieces (:func:`badge`, :func:`text`, :func:`reflow_table`,
:func:`committee_section`, :func:`page`) are public for the site to reuse.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator, Sequence
from html import escape

from tavoitteet.core.compare import CommitteeComparison, Comparison
from tavoitteet.core.evaluation import Counts, FileResult, Status, YearResult
from tavoitteet.core.report_settings import ReportSettings
from tavoitteet.render.html_parts import badge, reflow_table, text
from tavoitteet.render.report_charts import EarlierValues, earlier_values, indicator_chart
from tavoitteet.render.report_compare import comparison_html
from tavoitteet.render.report_content import (
    AreaBlock,
    CommitteeBlock,
    GoalBlock,
    IndicatorLine,
    Piece,
    committee_block,
    count_table,
    headline,
    situation,
    year_summaries,
)
from tavoitteet.render.report_rows import goal_rows
from tavoitteet.render.report_style import CSS, page_css
from tavoitteet.render.svg_charts import status_bar
from tavoitteet.words.i18n import ReportLang
from tavoitteet.words.report_labels import word

GOAL_COLUMNS = ("indicator", "target", "realization", "status", "notes_column")
GOAL_WIDTHS = (18, 19, 22, 17, 24)  # per cent of the table


def summary_table(goals: Counts, indicators: Counts, binding: Counts, label_id: str, lang: ReportLang) -> str:
    header, rows = count_table(goals, indicators, binding, lang)
    cells = [[badge(status, lang), *(escape(c) for c in values[1:])] for status, values in rows]
    return reflow_table(header, cells, label_id, "summary")


def status_bars(goals: Counts, indicators: Counts, what: Piece, ident: str, lang: ReportLang) -> str:
    """Two stacked bars, goals and indicators each out of its own total, each with its counts in words."""
    rows = []
    for key, counts in (("goals", goals), ("indicators", indicators)):
        label = f"{word(key, lang)} ({counts.total})"
        chart = status_bar(counts)
        words = "".join(f"<li>{badge(s, lang)} {counts[s]}/{counts.total}</li>" for s in Status if counts[s])
        rows.append(
            f'<div class="bar"><p class="bar-label">{text(what, lang)}: {escape(label.lower())}</p>'
            f'{chart}<ul class="bar-counts">{words}</ul></div>'
        )
    return "".join(rows)


def _goal_head(goal: GoalBlock, lang: ReportLang) -> str:
    binding = f' <span class="binding">({escape(word("binding_mark", lang))})</span>' if goal.binding else ""
    reason = ""
    if goal.reason is not None:
        reason = f'<span class="reason">{escape(word("reason", lang))}: {text(goal.reason, lang)}</span>'
    reason += "".join(f'<span class="reason">{_lines(fact, lang)}</span>' for fact in goal.facts)
    return (
        f'<tr class="goal"><th scope="rowgroup" colspan="{len(GOAL_COLUMNS)}">'
        f"{escape(word('goal', lang))}: {text(goal.title, lang)} {badge(goal.status, lang)}{binding}"
        f"{reason}</th></tr>"
    )


def _lines(piece: Piece | str, lang: ReportLang) -> str:
    """Text with its line breaks kept."""
    if isinstance(piece, str):
        return "<br>".join(escape(line) for line in piece.split("\n"))
    inner = "<br>".join(escape(line) for line in piece.text.split("\n"))
    return f'<span lang="{piece.lang}">{inner}</span>' if piece.lang != lang else inner


def _list(title: str, items: Sequence[Piece], lang: ReportLang) -> str:
    if not items:
        return ""
    entries = "".join(f"<li>{_lines(item, lang)}</li>" for item in items)
    return f"<p>{escape(title)}:</p><ul>{entries}</ul>"


def _line(line: IndicatorLine, labels: Sequence[str], lang: ReportLang) -> str:
    name = text(line.name, lang)
    if line.action is not None:
        name = (
            f'<span class="action">{escape(word("action", lang))}: {_lines(line.action, lang)}</span>{name}'
        )
    notes = " ".join(_lines(note, lang) for note in line.notes)
    cells = [
        text(line.target, lang),
        _lines(line.outcome, lang),
        badge(line.status, lang, line.status_text),
        notes,
    ]
    parts = [f'<th scope="row" data-label="{escape(labels[0])}">{name}</th>']
    parts += [
        f'<td data-label="{escape(label)}"{"" if cell else " class=empty"}>{cell}</td>'
        for label, cell in zip(labels[1:], cells, strict=True)
    ]
    return "<tr>" + "".join(parts) + "</tr>"


def goal_table(area: AreaBlock, label_id: str, lang: ReportLang) -> str:
    labels = [word(k, lang) for k in GOAL_COLUMNS]
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in labels)
    columns = "".join(f'<col style="width:{w}%">' for w in GOAL_WIDTHS)
    groups = []
    for goal in area.goals:
        rows = [_goal_head(goal, lang)]
        rows += [
            f'<tr class="action"><td colspan="{len(GOAL_COLUMNS)}">'
            f"{escape(word('action', lang))}: {_lines(action, lang)}</td></tr>"
            for action in goal.actions
        ]
        rows += [_line(line, labels, lang) for line in goal.lines]
        groups.append(f'<tbody class="goal">{"".join(rows)}</tbody>')
    return (
        f'<table class="goals reflow" aria-labelledby="{label_id}"><colgroup>{columns}</colgroup>'
        f"<thead><tr>{head}</tr></thead>{''.join(groups)}</table>"
    )


def _charts(file: FileResult, index: int, ident: str, lang: ReportLang, earlier: EarlierValues) -> list[str]:
    area = file.areas[index]
    return [
        chart
        for n, row in enumerate(r for goal in area.goals for r in goal_rows(file, area, goal))
        if (chart := indicator_chart(row.result, file.goal_file.year, f"{ident}-c{n}", lang, earlier))
    ]


def area_section(
    file: FileResult, block: AreaBlock, index: int, ident: str, lang: ReportLang, earlier: EarlierValues
) -> str:
    heading = f"{ident}-h"
    parts = [
        f'<section class="area" aria-labelledby="{heading}"><h3 id="{heading}">{text(block.name, lang)}</h3>',
        *(f"<p>{_lines(piece, lang)}</p>" for piece in block.texts),
    ]
    if block.goals:
        parts.append(goal_table(block, heading, lang))
    if charts := _charts(file, index, ident, lang, earlier):
        parts.append(f"<h4>{escape(word('charts', lang))}: {text(block.name, lang)}</h4>")
        parts.append('<div class="charts">' + "".join(charts) + "</div>")
    return "".join(parts) + "</section>"


def committee_section(
    file: FileResult, ident: str, lang: ReportLang, comparison: CommitteeComparison | None
) -> str:
    block: CommitteeBlock = committee_block(file, lang)
    heading = f"{ident}-h"
    parts = [
        f'<section class="committee" aria-labelledby="{heading}"><h2 id="{heading}">{text(block.name, lang)}</h2>'
    ]
    parts += [
        f'<p class="decision">{escape(word("decision", lang))}: {text(decision, lang)}</p>'
        for decision in block.decisions
    ]
    if block.preparer is not None:
        parts.append(
            f'<p class="decision">{escape(word("preparer", lang))}: {text(block.preparer, lang)}</p>'
        )
    parts.append(
        f'<p class="headline">{escape(headline(block.goal_counts, block.indicator_counts, block.binding_counts, lang))}</p>'
    )
    parts.append(f'<h3 id="{ident}-bars">{escape(word("status_bars", lang))}</h3><div class="bars">')
    parts += [
        status_bars(area.goal_counts, area.indicator_counts, area.name, f"{ident}-a{n}", lang)
        for n, area in enumerate(block.areas)
    ]
    parts.append("</div>")
    earlier = earlier_values(comparison)
    parts += [
        area_section(file, area, n, f"{ident}-s{n}", lang, earlier) for n, area in enumerate(block.areas)
    ]
    summary_id = f"{ident}-sum"
    parts.append(f'<h3 id="{summary_id}">{escape(word("summary", lang))}: {text(block.name, lang)}</h3>')
    parts.append(
        summary_table(block.goal_counts, block.indicator_counts, block.binding_counts, summary_id, lang)
    )
    parts += [f"<p>{escape(line)}</p>" for line in block.binding_lines]
    parts.append(_list(word("assessments", lang), block.assessments, lang))
    parts.append(_list(word("differing", lang), block.differing, lang))
    parts.append(_list(word("notes", lang), block.notes, lang))
    if comparison is not None:
        parts.append(comparison_html(comparison, lang, f"{ident}-cmp"))
    return "".join(parts) + "</section>"


def _comparison_for(file: FileResult, comparisons: Sequence[Comparison]) -> CommitteeComparison | None:
    key = file.goal_file.committee.strip().casefold()
    for comparison in comparisons:
        for item in comparison.committees:
            if item.committee.strip().casefold() == key:
                return item
    return None


def _comparisons_by_name(comparisons: Sequence[Comparison]) -> dict[str, CommitteeComparison]:
    """What :func:`_comparison_for` finds, by the committee's name: the first comparison of each
    (one look-up per committee instead of a search through thousands)."""
    found: dict[str, CommitteeComparison] = {}
    for comparison in comparisons:
        for item in comparison.committees:
            found.setdefault(item.committee.strip().casefold(), item)
    return found


def _running_head(year: YearResult, settings: ReportSettings, lang: ReportLang) -> str:
    committees = [f.goal_file.committee for f in year.files]
    parts = [settings.municipality, committees[0] if len(committees) == 1 else None, str(year.year)]
    return " – ".join(p for p in parts if p)


def page(title: str, body: str, lang: ReportLang, running_head: str) -> str:
    """A whole self-contained page: the report's stylesheet, with the running head and page numbers in print."""
    return _page_head(title, lang, running_head) + body + PAGE_END


def _page_head(title: str, lang: ReportLang, running_head: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}{page_css(running_head, word('page', lang))}</style>\n"
        "</head>\n<body>\n"
    )


PAGE_END = "</body>\n</html>\n"


def _masthead(year: YearResult, settings: ReportSettings, title: str, lang: ReportLang) -> str:
    parts = ['<header class="masthead">']
    if settings.logo and settings.logo_type:
        data = base64.b64encode(settings.logo).decode("ascii")
        alt = settings.municipality or word("municipality", lang)
        parts.append(f'<img class="logo" src="data:{settings.logo_type};base64,{data}" alt="{escape(alt)}">')
    if settings.municipality:
        parts.append(f'<p class="municipality">{escape(settings.municipality)}</p>')
    parts.append(f"<h1>{escape(title)}</h1>")
    parts.append(f'<p class="situation">{escape(situation(year, lang))}</p></header>\n')
    return "".join(parts)


def _year_summary(year: YearResult, lang: ReportLang) -> Iterator[str]:
    """The year's summary; one per municipality when the year holds several (never added up)."""
    for n, part in enumerate(year_summaries(year, lang)):
        ident = f"y{n}"
        yield f'<section class="year" aria-labelledby="{ident}-h"><h2 id="{ident}-h">{escape(part.heading)}</h2>'
        yield f'<p class="headline">{escape(headline(part.goal_counts, part.indicator_counts, part.binding.goals, lang))}</p>'
        yield summary_table(part.goal_counts, part.indicator_counts, part.binding.goals, f"{ident}-h", lang)
        yield "".join(f"<p>{escape(line)}</p>" for line in part.binding_lines)
        yield status_bars(part.goal_counts, part.indicator_counts, Piece(str(year.year), lang), ident, lang)
        yield "</section>\n"


def render_html(
    year: YearResult,
    lang: ReportLang = "fi",
    comparisons: Sequence[Comparison] = (),
    settings: ReportSettings | None = None,
) -> str:
    """The whole report as one HTML document."""
    return "".join(html_pieces(year, lang, comparisons, settings))


def html_pieces(
    year: YearResult,
    lang: ReportLang = "fi",
    comparisons: Sequence[Comparison] = (),
    settings: ReportSettings | None = None,
) -> Iterator[str]:
    """The report of :func:`render_html` a piece at a time (a committee's section at most), so that
    a national report need not be held whole as text while it is written."""
    settings = settings or ReportSettings()
    title = settings.title or word("title", lang, year=year.year)
    yield _page_head(title, lang, _running_head(year, settings, lang))
    yield _masthead(year, settings, title, lang) + "<main>\n"
    if not year.files:
        yield f"<p>{escape(word('nothing', lang))}</p>"
    else:
        if len(year.files) > 1:
            yield from _year_summary(year, lang)
        by_name = _comparisons_by_name(comparisons)
        for n, f in enumerate(year.files):
            comparison = by_name.get(f.goal_file.committee.strip().casefold())
            yield committee_section(f, f"k{n}", lang, comparison) + "\n"
    yield f"</main>\n<footer><p>{escape(word('generated', lang, year=year.year))}</p></footer>\n"
    yield PAGE_END
