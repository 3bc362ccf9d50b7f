"""The status and list views as rich renderables; the command prints them.

A table per committee and service area: goal, indicator, target as the
committee wrote it, the latest realization, the status as (coloured) words and
the comment.  Colour only repeats what the words say, so the output reads on
paper, for colour-blind readers and with ``NO_COLOR``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

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
    year_over,
)
from tavoitteet.core.model import TrendIndicator
from tavoitteet.words.i18n import Lang
from tavoitteet.words.labels import (
    STATUS_STYLES,
    day,
    explain,
    label,
    latest_value,
    number,
    recorded_day,
    signed,
    signed_percent,
    status_name,
)

LATEST_WIDTH = 10
WIDE = 120
"""from this terminal width on, comments have a column of their own"""


def status_text(status: Status, lang: Lang, manual: bool = False) -> Text:
    text = Text(status_name(status, lang), style=STATUS_STYLES[status])
    if manual:
        text.append(f" ({label('manual_mark', lang)})")
    return text


def counts_text(counts: Counts, lang: Lang) -> str:
    """``toteutunut 4/7, kesken 3/7``: every status present, out of all items."""
    parts = [f"{status_name(s, lang)} {counts[s]}/{counts.total}" for s in Status if counts[s]]
    return ", ".join(parts) or "-"


def latest_text(result: IndicatorResult, lang: Lang) -> str:
    """The latest value, the day it was recorded (a met deadline has its own) and a trend's change."""
    if result.latest is None:
        return ""
    recorded = recorded_day(result, lang)
    return "\n".join(
        [latest_value(result, lang), *([recorded] if recorded else []), *trend_lines(result, lang)]
    )


def trend_lines(result: IndicatorResult, lang: Lang) -> list[str]:
    """A trend's baseline and change in a narrow column: ``2023: 42``, ``+15``, ``+35,7 %``."""
    trend = result.trend
    if trend is None or not isinstance(result.indicator, TrendIndicator):
        return []
    baseline = f"{result.indicator.baseline_year}: {number(trend.baseline, lang)}"
    lines = [baseline] if len(baseline) <= LATEST_WIDTH else baseline.split(" ", 1)
    if trend.change is not None:
        lines.append(signed(trend.change, lang))
    if trend.change_percent is not None:
        lines.append(signed_percent(trend.change_percent, lang))
    return lines


def comment_text(result: IndicatorResult, lang: Lang) -> str:
    """What the comment column shows: the entry's comment and the reason of a level set by hand."""
    return " ".join(_comment_parts(result, lang))


def comment_lines(result: IndicatorResult, lang: Lang) -> list[str]:
    """The same as labelled lines, for under the indicator: ``Kommentti: …``, ``Käsin: …``."""
    parts = _comment_parts(result, lang, manual=False)
    lines = [f"{label('comment', lang)}: {' '.join(parts)}"] if parts else []
    return lines + _comment_parts(result, lang, entry=False)


def _comment_parts(result: IndicatorResult, lang: Lang, entry: bool = True, manual: bool = True) -> list[str]:
    parts = []
    if entry and result.latest is not None:
        parts += [t for t in (result.latest.missing_reason, result.latest.comment) if t]
    if manual and result.manual is not None:
        parts.append(f"{label('manual_mark', lang).capitalize()}: {result.manual.reason}")
    if entry and result.manual is None and result.why.code == "no_baseline":
        parts.append(explain(result, lang))  # says the command that records the baseline (issue 14)
    return parts


def indicator_name(result: IndicatorResult, actions: Mapping[str, str]) -> str:
    """The indicator's name, else the text of the action it measures, else its id."""
    indicator = result.indicator
    return indicator.name or actions.get(indicator.id) or indicator.id


def view_table(title: str, caption: str | None = None) -> Table:
    """The views' table: titled on the left, no frame, a line under the headers, the terminal's width."""
    return Table(
        title=title,
        title_justify="left",
        title_style="bold",
        caption=caption,
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        expand=True,
    )


def area_table(area: AreaResult, lang: Lang, width: int = WIDE) -> Table:
    """The area's goals and indicators; comments get a column of their own only on a wide terminal.

    Below ``WIDE`` columns a comment is printed under its indicator instead, so
    that the texts keep room for long Finnish words rather than being folded
    inside them.
    """
    summary = summary_line(area.goal_counts, area.indicator_counts, lang)
    table = view_table(area.area.name, f"{label('summary', lang)}: {summary}")
    # Without a comment in the area its column is left out, so that the texts get the width.
    comments = any(comment_text(r, lang) for goal in area.goals for r in goal.indicators)
    column = comments and width >= WIDE
    table.add_column(label("goal_indicator", lang), ratio=6, overflow="fold")
    table.add_column(label("target", lang), ratio=5, overflow="fold")
    table.add_column(label("latest", lang), width=LATEST_WIDTH, overflow="fold")
    table.add_column(label("status", lang), width=10, overflow="fold")
    if column:
        table.add_column(label("comment", lang), ratio=5, overflow="fold")
    for goal in area.goals:
        _add_goal(table, goal, lang, column)
    return table


def _add_goal(table: Table, goal: GoalResult, lang: Lang, comment_column: bool) -> None:
    title = Text(goal.goal.title, style="bold")
    for line in assessment_lines(goal, lang):
        title.append(f"\n{line}", style="italic")
    table.add_row(title, "", "", status_text(goal.status, lang, goal.is_manual), "")
    actions = {i.id: a.text for a in goal.goal.actions for i in a.indicators}
    for i, result in enumerate(goal.indicators):
        name = Text(f"• {indicator_name(result, actions)}")
        if not comment_column:
            for line in comment_lines(result, lang):
                name.append(f"\n{line}", style="italic")
        cells: list[RenderableType] = [
            name,
            result.indicator.target_text,
            latest_text(result, lang),
            status_text(result.status, lang, result.is_manual),
        ]
        table.add_row(
            *cells,
            *([comment_text(result, lang)] if comment_column else []),
            end_section=i == len(goal.indicators) - 1,
        )


def assessment_lines(goal: GoalResult, lang: Lang) -> list[str]:
    """Under a goal assessed by hand: the committee's own assessment, and others' levels that differ."""
    lines = []
    own = goal.assessed.own
    if own is not None:
        lines.append(f"{label('assessment', lang)}: {own.text}")
    for other in goal.assessed.differing():
        level = status_name(Status(other.level), lang) if other.level else ""
        who = other.assessor or label("own_assessment", lang)
        lines.append(f"{label('assessment_by', lang, who=who)}: {level}")
    return lines


def binding_lines(binding: BindingCounts, lang: Lang) -> list[Text]:
    """Binding goals and indicators apart from the rest, with those that do not say kept apart too.

    Nothing when no goal or indicator states whether it is binding."""
    lines = []
    for key, counts, not_stated, not_binding in (
        ("binding_goals", binding.goals, binding.goals_not_stated, binding.goals_not_binding),
        (
            "binding_indicators",
            binding.indicators,
            binding.indicators_not_stated,
            binding.indicators_not_binding,
        ),
    ):
        if not counts.total and not not_binding:
            continue
        extra = label("binding_rest", lang, not_stated=not_stated, not_binding=not_binding)
        lines.append(
            Text.assemble(
                (f"{label(key, lang)} ({counts.total}): ", "bold"),
                f"{binding_counts_text(counts, lang)}; {extra}",
            )
        )
    return lines


def binding_counts_text(counts: Counts, lang: Lang) -> str:
    """``toteutunut 1/2 (50 %), ei toteutunut 1/2``: the share met is out of those judged."""
    text = counts_text(counts, lang)
    if counts[Status.MET] and counts.judged:
        met = f"{status_name(Status.MET, lang)} {counts[Status.MET]}/{counts.total}"
        text = text.replace(met, f"{met} ({round(100 * counts[Status.MET] / counts.judged)} %)", 1)
    return text


def summary_line(goals: Counts, indicators: Counts, lang: Lang) -> str:
    return (
        f"{label('goals', lang).lower()} {counts_text(goals, lang)}; "
        f"{label('indicators', lang).lower()} {counts_text(indicators, lang)}"
    )


def year_panel(year: YearResult, lang: Lang, municipality: str | None = None) -> Panel:
    state = label("year_over" if year_over(year.year, year.as_of) else "year_running", lang)
    lines = [
        Text.assemble(
            (f"{label('goals', lang)} ({year.goal_counts.total}): ", "bold"),
            counts_text(year.goal_counts, lang),
        ),
        Text.assemble(
            (f"{label('indicators', lang)} ({year.indicator_counts.total}): ", "bold"),
            counts_text(year.indicator_counts, lang),
        ),
        *binding_lines(year.binding, lang),
    ]
    if year.goal_counts.total:  # a selection with no goals has no status to claim
        lines.append(
            Text(f"{label('status', lang)}: ")
            .append_text(status_text(year.status, lang))
            .append(f"; {state}.")
        )
    title = label("year_summary", lang, year=year.year, date=day(year.as_of, lang))
    if municipality is not None:
        title = f"{municipality}: {title}"
    return Panel(Group(*lines), title=title, title_align="left", box=box.SQUARE)


def status_view(year: YearResult, lang: Lang, width: int = WIDE) -> list[RenderableType]:
    """Everything ``tavoitteet status`` shows, in order, for a terminal ``width`` columns wide.

    A year with several municipalities' files is shown municipality by municipality, each with its
    own summary: different municipalities are never added up."""
    if not year.files:
        return [Text(label("nothing", lang)), year_panel(year, lang)]
    groups = by_municipality(year)
    if len(groups) == 1:
        return [*_committees(year, lang, width), year_panel(year, lang)]
    shown: list[RenderableType] = []
    for name, part in groups:
        shown += [
            *_committees(part, lang, width),
            year_panel(part, lang, name or label("no_municipality", lang)),
        ]
        shown.append(Text(""))
    return shown[:-1]


def committee_name(file_result: FileResult) -> str:
    """The committee, with its municipality when the file names one."""
    goal_file = file_result.goal_file
    return (
        f"{goal_file.committee} ({goal_file.municipality})" if goal_file.municipality else goal_file.committee
    )


def _committees(year: YearResult, lang: Lang, width: int) -> Iterator[RenderableType]:
    for file_result in year.files:
        heading = label(
            "status_on",
            lang,
            committee=committee_name(file_result),
            year=year.year,
            date=day(year.as_of, lang),
        )
        yield Text(heading, style="bold underline")
        if (own := file_result.assessed.own) is not None:
            level = (
                f"{status_name(file_result.status, lang)} ({label('manual_mark', lang)}): "
                if own.level
                else ""
            )
            yield Text(f"{label('assessment', lang)}: {level}{own.text}", style="italic")
        yield Text("")
        for area in file_result.areas:
            if not area.goals:  # an area described without goals: its name and description
                yield Text(area.area.name, style="bold")
                yield Text(area.area.description or label("no_goals", lang))
            else:
                yield area_table(area, lang, width)
            yield Text("")


def list_view(year: YearResult, lang: Lang) -> list[RenderableType]:
    """One row per goal with its id, and its indicators' ids beneath, for ``show`` and ``record``."""
    if not year.files:
        return [Text(label("nothing", lang))]
    views: list[RenderableType] = []
    for file_result in year.files:
        table = view_table(f"{committee_name(file_result)} {year.year}")
        table.add_column(label("id", lang), no_wrap=True)  # ids are copied whole into show/record
        table.add_column(label("goal_indicator", lang), ratio=1, overflow="fold")
        table.add_column(label("status", lang), width=10, overflow="fold")
        for area in file_result.areas:
            table.add_row(Text(area.area.name, style="italic"), "", "")
            for goal in area.goals:
                table.add_row(
                    Text(goal.goal.id, style="bold"), goal.goal.title, status_text(goal.status, lang)
                )
                actions = {i.id: a.text for a in goal.goal.actions for i in a.indicators}
                for result in goal.indicators:
                    name = indicator_name(result, actions)
                    table.add_row(f"  {result.indicator.id}", f"  {name}", status_text(result.status, lang))
            table.add_section()
        views += [table, Text("")]
    return views


def years_view(index: Mapping[int, Sequence[tuple[str, Path]]], lang: Lang) -> RenderableType:
    """The years with their committees and files."""
    if not index:
        return Text(label("nothing", lang))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(label("year", lang))
    table.add_column(label("committee", lang), overflow="fold")
    table.add_column(label("file", lang), overflow="fold")
    for year, items in sorted(index.items()):
        for n, (name, path) in enumerate(items):
            table.add_row(str(year) if n == 0 else "", name, path.as_posix())
    return table
