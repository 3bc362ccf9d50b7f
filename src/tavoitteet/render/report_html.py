"""The year's report as one self-contained HTML page for publishing and printing.

No external fonts, scripts or styles: the CSS is inline and the charts are
inline SVG (:mod:`tavoitteet.render.svg_charts`).  The page has the year's
summary, per-area status bars, a table per area, a chart for every trend and
numeric indicator, and a comparison with an earlier year when one is given.
Status is shown as text and colour; tables have captions and header scopes;
every chart has a title and description; a print stylesheet fits A4.
All text from the files is escaped.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape

from tavoitteet.core.compare import CommitteeComparison, Comparison
from tavoitteet.core.evaluation import (
    AreaResult,
    Counts,
    FileResult,
    GoalResult,
    Status,
    YearResult,
    year_over,
)
from tavoitteet.render.compare_views import comparison_html
from tavoitteet.render.report_charts import EarlierValues, earlier_values, indicator_chart
from tavoitteet.render.report_rows import Row, bare_actions, goal_rows
from tavoitteet.render.report_style import CSS
from tavoitteet.render.svg_charts import status_bar
from tavoitteet.words.i18n import ReportLang
from tavoitteet.words.labels import day
from tavoitteet.words.report_labels import (
    comment_words,
    count_rows,
    decision_reference,
    realization_words,
    status_word,
    word,
)


def badge(status: Status, lang: ReportLang, manual: bool = False) -> str:
    text = escape(status_word(status, lang))
    if manual:
        text += f" ({escape(word('manual', lang))})"
    return f'<span class="st st-{status.name.lower()}">{text}</span>'


def summary_table(goals: Counts, indicators: Counts, caption: str, lang: ReportLang) -> str:
    head = "".join(f'<th scope="col">{escape(word(k, lang))}</th>' for k in ("status", "goals", "indicators"))
    body = "".join(
        f'<tr><th scope="row">{badge(s, lang)}</th><td>{g}</td><td>{i}</td></tr>'
        for s, g, i in count_rows(goals, indicators, lang)
    )
    return (
        f'<table class="summary"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _names(lang: ReportLang) -> dict[Status, str]:
    return {s: status_word(s, lang) for s in Status}


def status_bars(goals: Counts, indicators: Counts, what: str, ident: str, lang: ReportLang) -> str:
    """Two stacked bars: goals and indicators, each out of its own total."""
    rows = []
    for key, counts in (("goals", goals), ("indicators", indicators)):
        title = f"{what}: {word(key, lang).lower()} ({counts.total})"
        chart = status_bar(counts, title, _names(lang), f"{ident}-{key}")
        rows.append(f'<div class="bar"><span class="bar-label">{escape(title)}</span>{chart}</div>')
    return "".join(rows)


def legend(lang: ReportLang) -> str:
    items = "".join(f"<li>{badge(s, lang)}</li>" for s in Status)
    return f'<ul class="legend" aria-label="{escape(word("status", lang))}">{items}</ul>'


def _goal_rows(goal: GoalResult, file: FileResult, area: AreaResult, lang: ReportLang) -> Iterator[str]:
    yield (
        f'<tr class="goal"><th scope="rowgroup" colspan="5">{escape(goal.goal.title)}</th>'
        f"<td>{badge(goal.status, lang)}</td><td></td></tr>"
    )
    for action in bare_actions(goal.goal):
        yield f'<tr><td></td><td colspan="6">{escape(action.text)}</td></tr>'
    for row in goal_rows(file, area, goal):
        yield _indicator_row(row, lang)


def _indicator_row(row: Row, lang: ReportLang) -> str:
    result = row.result
    cells = [
        "",
        escape(row.action.text) if row.action else "",
        escape(result.indicator.name or result.indicator.id),
        escape(result.indicator.target_text),
        escape(realization_words(result, lang)),
        badge(result.status, lang, result.is_manual),
        escape(comment_words(result, lang)),
    ]
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def area_table(file: FileResult, area: AreaResult, lang: ReportLang) -> str:
    keys = ("goal", "action", "indicator", "target", "realization", "status", "comment")
    head = "".join(f'<th scope="col">{escape(word(k, lang))}</th>' for k in keys)
    body = "".join(row for goal in area.goals for row in _goal_rows(goal, file, area, lang))
    caption = f"{file.goal_file.committee}: {area.area.name}"
    return (
        f'<table class="goals"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def area_section(
    file: FileResult, area: AreaResult, ident: str, lang: ReportLang, earlier: EarlierValues
) -> str:
    charts = [
        chart
        for n, row in enumerate(r for goal in area.goals for r in goal_rows(file, area, goal))
        if (chart := indicator_chart(row.result, file.goal_file.year, f"{ident}-c{n}", lang, earlier))
    ]
    parts = [f"<section><h3>{escape(area.area.name)}</h3>", area_table(file, area, lang)]
    if charts:
        parts.append(f'<h4>{escape(word("charts", lang))}: {escape(area.area.name)}</h4><div class="charts">')
        parts += charts
        parts.append("</div>")
    return "".join(parts) + "</section>"


def committee_section(
    file: FileResult, ident: str, lang: ReportLang, comparison: CommitteeComparison | None
) -> str:
    name = file.goal_file.committee
    parts = [f"<section><h2>{escape(name)}</h2>"]
    if (reference := decision_reference(file.goal_file.decision, lang)) is not None:
        parts.append(f'<p class="decision">{escape(word("decision", lang))}: {escape(reference)}</p>')
    parts.append(f"<h3>{escape(word('status_bars', lang))}</h3>")
    for n, area in enumerate(file.areas):
        parts.append(
            status_bars(area.goal_counts, area.indicator_counts, area.area.name, f"{ident}-a{n}", lang)
        )
    earlier = earlier_values(comparison)
    parts += [area_section(file, area, f"{ident}-s{n}", lang, earlier) for n, area in enumerate(file.areas)]
    caption = f"{word('summary', lang)}: {name}"
    parts.append(summary_table(file.goal_counts, file.indicator_counts, caption, lang))
    if comparison is not None:
        parts.append(comparison_html(comparison, lang))
    return "".join(parts) + "</section>"


def _comparison_for(file: FileResult, comparisons: Sequence[Comparison]) -> CommitteeComparison | None:
    key = file.goal_file.committee.strip().casefold()
    for comparison in comparisons:
        for item in comparison.committees:
            if item.committee.strip().casefold() == key:
                return item
    return None


def _head(year: YearResult, lang: ReportLang) -> str:
    title = escape(word("title", lang, year=year.year))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n"
    )


def render_html(
    year: YearResult, lang: ReportLang = "fi", comparisons: Sequence[Comparison] = (), settings: object = None
) -> str:
    """The whole report as one HTML document."""
    state = word("year_over" if year_over(year.year, year.as_of) else "year_running", lang)
    situation = f"{word('situation', lang, date=day(year.as_of, lang))} ({state})."
    parts = [
        _head(year, lang),
        f"<body>\n<header><h1>{escape(word('title', lang, year=year.year))}</h1>",
        f'<p class="situation">{escape(situation)}</p></header>\n<main>\n',
    ]
    if not year.files:
        parts.append(f"<p>{escape(word('nothing', lang))}</p>")
    else:
        parts.append(_year_summary(year, lang))
        parts += [
            committee_section(f, f"k{n}", lang, _comparison_for(f, comparisons))
            for n, f in enumerate(year.files)
        ]
    parts.append(f"</main>\n<footer><p>{escape(word('generated', lang, year=year.year))}</p></footer>\n")
    return "".join(parts) + "</body>\n</html>\n"


def _year_summary(year: YearResult, lang: ReportLang) -> str:
    heading = word("year_summary", lang)
    return (
        f'<section class="year"><h2>{escape(heading)}</h2>'
        + summary_table(year.goal_counts, year.indicator_counts, heading, lang)
        + status_bars(year.goal_counts, year.indicator_counts, str(year.year), "y", lang)
        + legend(lang)
        + "</section>\n"
    )
