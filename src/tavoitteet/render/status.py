"""The status view as styled lines (:mod:`tavoitteet.render.styled`), the list view as rich renderables.

``status`` is laid out by :class:`StatusView` at the console's width, in one
layout for the whole view: per committee a heading, the column titles once,
then areas, goals and indicators; status words never wrap, texts break only
between words, and a reason for every *ei arvioitu* and *kesken* is a
footnote.  ``--depth`` chooses one line per committee, area or goal instead.
Colour only repeats what the words say, so the output reads on paper, for
colour-blind readers and with ``NO_COLOR``.  Everything that comes from a file
goes into :class:`~tavoitteet.render.styled.Styled` as plain text, never as markup; the status view
is printed without rich (rich lays it out only where :mod:`~tavoitteet.render.styled` is in doubt).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from tavoitteet.core.evaluation import (
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
from tavoitteet.render.styled import Box, Layout, Styled
from tavoitteet.render.styled import wrap as wrap_styled
from tavoitteet.words.i18n import Lang, translate
from tavoitteet.words.labels import (
    SHORT_WHY,
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

if TYPE_CHECKING:  # rich is imported where the list and years views are made: status needs none of it
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.table import Table
    from rich.text import Text


def status_text(status: Status, lang: Lang, manual: bool = False) -> Styled:
    text = Styled(status_name(status, lang), style=STATUS_STYLES[status])
    if manual:
        text.append(f" ({label('manual_mark', lang)})")
    return text


def counts_text(counts: Counts, lang: Lang) -> str:
    """``toteutunut 4/7, kesken 3/7``: every status present, out of all items."""
    parts = [f"{status_name(s, lang)} {counts[s]}/{counts.total}" for s in Status if counts[s]]
    return ", ".join(parts) or "-"


def comment_lines(result: IndicatorResult, lang: Lang) -> list[str]:
    """What is said under the indicator: ``Kommentti: …`` (the entry's comment), ``Käsin: …`` (a level set by hand)."""
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
    from rich import box
    from rich.table import Table

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


class Depth(StrEnum):
    """How much of a year ``status`` shows: one line per committee, area, goal, or everything."""

    COMMITTEE = "committee"
    AREA = "area"
    GOAL = "goal"
    INDICATOR = "indicator"


GAP = 2
"""spaces between columns"""
MARKS = "¹²³⁴⁵⁶⁷⁸⁹"
"""footnote marks; ``1)`` where the console has no such characters"""


def short_target(name: str, target: str) -> str:
    """The target without what the indicator's name already says.

    ``Suunnitelmat päivitetty: kyllä/ei`` under the name ``Suunnitelmat
    päivitetty`` is just ``kyllä/ei``; a target that only repeats the name is
    empty.  The full wording stays in ``show`` and the reports.
    """
    target = " ".join(target.split())
    name = " ".join(name.split())
    if name and target.casefold().startswith(name.casefold()):
        rest = target[len(name) :]
        if not rest or not rest[0].isalnum():
            return rest.lstrip(" :,;.–-").strip()
    return target


def reason_text(result: IndicatorResult, lang: Lang) -> str | None:
    """A short reason for *ei arvioitu* or *kesken*, for a footnote; None for other statuses."""
    if result.status not in (Status.NOT_ASSESSED, Status.IN_PROGRESS):
        return None
    why = result.why
    args = {k: str(v) if k.endswith("year") else _short_arg(v, lang) for k, v in why.args.items()}
    if why.code == "no_entries" and result.indicator.condition:
        return translate(SHORT_WHY, "condition_open", lang, {"condition": result.indicator.condition})
    pending = f"{why.code}_pending"
    key = pending if why.pending and pending in SHORT_WHY else why.code
    if key in SHORT_WHY:
        return translate(SHORT_WHY, key, lang, args)
    return translate(SHORT_WHY, "pending", lang) if why.pending else None


def _short_arg(value: object, lang: Lang) -> str:
    return day(value, lang) if isinstance(value, date) else str(value)


_DIGIT_GROUP = re.compile(r"(?<=\d) (?=\d{3}(?!\d))|(?<=\d) (?=%)")
_KEPT = "\x00"


class _Wrapper(textwrap.TextWrapper):
    """Breaks between words only; a word longer than the line may break after a slash
    (``lapset/ nuoret/seniorit``) before it is cut anywhere."""

    def _split(self, text: str) -> list[str]:
        chunks = super()._split(text)
        return [
            piece
            for chunk in chunks
            for piece in (
                re.findall(r"[^/]+/?|/", chunk) if len(chunk) > self.width and "/" in chunk else [chunk]
            )
        ]


def _keep_groups(word: str, width: int) -> str:
    """A number's groups kept together only while the whole number fits the line."""
    return word if len(word) <= width else word.replace(_KEPT, " ")


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width``, broken only between words (a longer word is the only exception).

    A number's digit groups (``12 345,5``) and its per cent sign (``+5 %``) stay together.
    """
    if len(text) <= width and text.isprintable():  # fits as it is: what textwrap makes of it, without it
        return [text.strip()]
    return _wrapped(text, width)


def _wrapped(text: str, width: int, by_textwrap: bool = False) -> list[str]:
    """:func:`wrap` by :mod:`textwrap`: every text that does not simply fit.

    A paragraph of words between single spaces, none longer than the line, is
    filled here as textwrap fills it (a word goes on the line while the line
    with a space and the word fits), without textwrap's chunking, which was a
    large share of a national ``status``; ``by_textwrap`` always asks textwrap
    (the tests compare the two).
    """
    width = max(width, 1)
    wrapper = None
    lines: list[str] = []
    for paragraph in text.replace(_KEPT, " ").splitlines() or [""]:
        words = [_keep_groups(word, width) for word in _DIGIT_GROUP.sub(_KEPT, paragraph).split(" ")]
        filled = None if by_textwrap else _filled(words, width)
        if filled is None:
            wrapper = wrapper or _Wrapper(width, break_on_hyphens=False)
            filled = wrapper.wrap(" ".join(words))
        pieces = [line.replace(_KEPT, " ").strip() for line in filled]
        lines += [piece for piece in pieces if piece] or [""]
    return lines


_TEXTWRAP_SPACE = re.compile("[\t\n\x0b\x0c\r]")
"""what textwrap also takes for a space (``_filled`` leaves a paragraph with one of them to textwrap)"""


def _filled(words: list[str], width: int) -> list[str] | None:
    """Greedy filling of single-space-separated ``words``, or None when textwrap has more to do."""
    if any(len(word) > width or not word.strip() or _TEXTWRAP_SPACE.search(word) for word in words):
        return None  # a word to cut, a space of its own (textwrap drops it at a line's ends), a tab
    line = words[0]
    lines = []
    for word in words[1:]:
        if len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def one_line(text: str, width: int, ascii_only: bool) -> str:
    """The text on one line of at most ``width``, cut after a word with an ellipsis when longer."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    ellipsis = "..." if ascii_only else "…"
    cut = text[: max(width - len(ellipsis), 1) + 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut[: max(width - len(ellipsis), 1)].rstrip(" ,;:.") + ellipsis


@dataclass(frozen=True, slots=True)
class Cell:
    """The text of one cell, broken into lines, and its style."""

    lines: tuple[str, ...]
    style: str = ""


def _row(cells: Sequence[Cell], widths: Sequence[int]) -> list[Styled]:
    """Cells side by side, each in its column; no line ends in spaces."""
    height = max((len(c.lines) for c in cells), default=0)
    out = []
    for n in range(height):
        line = Styled()
        pending = 0
        for cell, width in zip(cells, widths, strict=True):
            piece = cell.lines[n] if n < len(cell.lines) else ""
            if piece:
                line.append(" " * pending)
                line.append(piece, style=cell.style)
                pending = max(width - len(piece), 0) + GAP  # a text never runs into the next one
            else:
                pending += width + GAP
        out.append(line)
    return out


class StatusView:
    """``tavoitteet status`` laid out at the console's width (at least 40 columns)."""

    def __init__(self, year: YearResult, lang: Lang, depth: Depth = Depth.INDICATOR) -> None:
        self.year = year
        self.lang = lang
        self.depth = depth

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for part in self.committee_parts(options):
            yield from part

    def committee_parts(self, options: ConsoleOptions) -> Iterator[list[Text]]:
        """The lines ``__rich_console__`` yields, a committee at a time (then the footnotes), so that
        a national view is printed without holding every committee's lines at once."""
        for part in self.parts(max(options.max_width, 40), options.ascii_only):
            yield [line.to_rich() for line in part]

    def parts(self, width: int, ascii_only: bool) -> Iterator[list[Styled]]:
        """The view's lines, a committee at a time at the indicator depth."""
        if self.depth is Depth.INDICATOR and self.year.files:
            yield from _IndicatorLayout(self.year, self.lang, width, ascii_only).parts()
        else:
            yield self.lines(width, ascii_only)

    def layout(self, width: int, ascii_only: bool) -> list[Styled]:
        """The lines on a terminal ``width`` wide, each line broken as rich breaks one too long."""
        return [line for part in self.layout_parts(width, ascii_only) for line in part]

    def layout_parts(self, width: int, ascii_only: bool) -> Iterator[list[Styled]]:
        """:meth:`layout` a committee at a time: a national view never holds all its lines at once."""
        for part in self.parts(max(width, 40), ascii_only):
            yield [piece for line in part for piece in wrap_styled(line, width)]

    def to_rich(self) -> StatusView:
        return self

    def lines(self, width: int, ascii_only: bool = False) -> list[Styled]:
        if not self.year.files:
            return [Styled(label("nothing", self.lang))]
        if self.depth is Depth.INDICATOR:
            return _IndicatorLayout(self.year, self.lang, width, ascii_only).lines()
        if self.depth is Depth.GOAL:
            return _goal_lines(self.year, self.lang, width, ascii_only)
        return _summary_lines(self.year, self.lang, width, self.depth, ascii_only)


def _heading(file_result: FileResult, year: YearResult, lang: Lang) -> list[Styled]:
    """The committee's heading, and its own assessment of the year when it has one."""
    committee = committee_name(file_result)
    heading = label("status_on", lang, committee=committee, year=year.year, date=day(year.as_of, lang))
    lines = [Styled(heading, "bold")]
    if (own := file_result.assessed.own) is not None:
        level = (
            f"{status_name(file_result.status, lang)} ({label('manual_mark', lang)}): " if own.level else ""
        )
        lines.append(Styled(f"{label('assessment', lang)}: {level}{own.text}", style="italic"))
    return lines


def _rule(width: int, ascii_only: bool) -> Styled:
    return Styled(("-" if ascii_only else "─") * width, style="dim")


def _header(titles: Sequence[str], widths: Sequence[int]) -> Styled:
    (line,) = _row([Cell((t,), "bold") for t in titles], widths)
    return line


def _column(title: str, texts: Sequence[str], share: int, most: int, parts: bool = False) -> int:
    """A column's width: what its texts need unbroken, up to ``share``; at least its title and its
    longest word (up to ``most``), so that words break only when nothing else helps."""
    natural = max([len(title), *map(len, texts)])
    longest_word = max([len(title), *(len(w) for t in texts for w in _DIGIT_GROUP.sub(_KEPT, t).split())])
    longest_part = max([0, *(len(part) for t in texts for part in t.split(", "))]) if parts else 0
    return max(min(natural, share), min(longest_word, most), min(longest_part + 1, most), len(title))


class _IndicatorLayout:
    """The default depth: committees, areas, goals and their indicators."""

    def __init__(self, year: YearResult, lang: Lang, width: int, ascii_only: bool) -> None:
        self.year, self.lang, self.width, self.ascii_only = year, lang, width, ascii_only
        self.notes: dict[str, int] = {}
        goals = [g for f in year.files for a in f.areas for g in a.goals]
        indicators = [(g, r) for g in goals for r in g.indicators]
        self.marks = {id(r): self._mark(r) for _, r in indicators}
        statuses = [self._status_words(r) for _, r in indicators]
        statuses += [status_name(g.status, lang) for g in goals]
        self.status_w = max([len(label("status", lang)), *map(len, statuses)])
        self.targets = {id(r): self._target(g, r) for g, r in indicators}
        self.latest = {id(r): latest_lines(r, lang) for _, r in indicators}
        rest = width - self.status_w - 3 * GAP
        target_w = _column(label("target", lang), list(self.targets.values()), rest * 3 // 10, rest // 3)
        latest_texts = [line for lines in self.latest.values() for line in lines]
        latest_w = _column(label("latest", lang), latest_texts, rest // 4, rest // 3)
        names = [_name(g, r) for g, r in indicators[:SAMPLE]]
        targets = [self.targets[id(r)] for _, r in indicators[:SAMPLE]]
        target_w = _balanced(names, targets, rest - latest_w, target_w)
        self.widths = (rest - target_w - latest_w, target_w, latest_w, self.status_w)
        self.stacked = self.widths[0] < NARROWEST_NAME
        """too narrow for four columns: target and latest go on lines of their own under the name"""

    def _target(self, goal: GoalResult, result: IndicatorResult) -> str:
        """The short target; a condition that its footnote already gives is not repeated."""
        target = short_target(_name(goal, result), result.indicator.target_text)
        condition = result.indicator.condition
        if condition and result.why.code == "no_entries" and target.endswith(f"({condition})"):
            target = target.removesuffix(f"({condition})").rstrip()
        return target

    def _status_words(self, result: IndicatorResult) -> str:
        """The status and its footnote mark; a level set by hand says so under the indicator (``Käsin: …``)."""
        return status_name(result.status, self.lang) + self.marks[id(result)]

    def _mark(self, result: IndicatorResult) -> str:
        reason = reason_text(result, self.lang)
        if reason is None:
            return ""
        return self._mark_of(self.notes.setdefault(reason, len(self.notes) + 1), inline=True)

    def _mark_of(self, number_: int, inline: bool = False) -> str:
        if self.ascii_only or number_ > len(MARKS):
            return f" {number_})" if inline else f"{number_})"
        return MARKS[number_ - 1]

    def lines(self) -> list[Styled]:
        return [line for part in self.parts() for line in part]

    def parts(self) -> Iterator[list[Styled]]:
        """The lines of one committee at a time, then the footnotes (none of them empty)."""
        titles = [label(k, self.lang) for k in ("goal_indicator", "target", "latest", "status")]
        for file_result in self.year.files:
            out: list[Styled] = [*_heading(file_result, self.year, self.lang), Styled("")]
            if self.stacked:
                title_w = self.width - self.status_w - GAP
                out += [_header([titles[0], titles[3]], (title_w, self.status_w))]
            else:
                out += [_header(titles, self.widths)]
            out.append(_rule(self.width, self.ascii_only))
            for n, area in enumerate(file_result.areas):
                if n:
                    out.append(Styled(""))
                out += [Styled(line, style="bold underline") for line in wrap(area.area.name, self.width)]
                if not area.goals:  # an area described without goals: its description
                    described = area.area.description or label("no_goals", self.lang)
                    out += [Styled(line) for line in wrap(described, self.width)]
                for goal in area.goals:
                    out += self._goal(goal)
            out.append(Styled(""))
            yield out
        notes: list[Styled] = []
        for reason, number_ in self.notes.items():
            notes += [Styled(line) for line in wrap(f"{self._mark_of(number_)} {reason}", self.width)]
        if self.notes:
            notes.append(Styled(""))
            yield notes

    def _goal(self, goal: GoalResult) -> list[Styled]:
        title_w = self.width - self.status_w - GAP
        status = Cell((status_name(goal.status, self.lang),), STATUS_STYLES[goal.status])
        out = _row([Cell(tuple(wrap(goal.goal.title, title_w)), "bold"), status], (title_w, self.status_w))
        for assessment in assessment_lines(goal, self.lang):
            out += [Styled(line, style="italic") for line in wrap(assessment, title_w)]
        name_w, target_w, latest_w, _ = self.widths
        bullet = "- " if self.ascii_only else "• "
        for result in goal.indicators:
            if self.stacked:
                out += self._stacked(goal, result, title_w, bullet)
                continue
            name_lines = wrap(_name(goal, result), name_w - 2)
            name = (bullet + name_lines[0], *("  " + line for line in name_lines[1:]))
            target = self.targets[id(result)]
            cells = [
                Cell(name),
                Cell(tuple(wrap(target, target_w)) if target else ()),
                Cell(tuple(line for text in self.latest[id(result)] for line in wrap(text, latest_w))),
                Cell((self._status_words(result),), STATUS_STYLES[result.status]),
            ]
            out += _row(cells, self.widths)
            for comment in comment_lines(result, self.lang):
                out += [Styled("  " + line, style="italic") for line in wrap(comment, title_w - 2)]
        return out

    def _stacked(self, goal: GoalResult, result: IndicatorResult, title_w: int, bullet: str) -> list[Styled]:
        """An indicator on a narrow terminal: its name beside the status, then labelled lines under it."""
        name_lines = wrap(_name(goal, result), title_w - 2)
        name = (bullet + name_lines[0], *("  " + line for line in name_lines[1:]))
        status = Cell((self._status_words(result),), STATUS_STYLES[result.status])
        out = _row([Cell(name), status], (title_w, self.status_w))
        target = self.targets[id(result)]
        latest = "; ".join(self.latest[id(result)])
        texts = [f"{label('target', self.lang)}: {target}"] if target else []
        texts += [f"{label('latest', self.lang)}: {latest}"] if latest else []
        texts += comment_lines(result, self.lang)
        for text in texts:
            out += [Styled("  " + line) for line in wrap(text, self.width - 2)]
        return out


NARROWEST_NAME = 18
"""the name column's least width: below it, the view is stacked (a terminal of about 60 columns or less)"""

SAMPLE = 200
"""indicators looked at when the name and target columns share their room"""


def _balanced(names: Sequence[str], targets: Sequence[str], room: int, target_w: int) -> int:
    """The target column's width, from ``target_w`` up to half the ``room`` it shares with the names,
    that takes the fewest lines (the narrower one on a tie), so that neither column is
    squeezed while the other has space to spare."""

    def height(width: int) -> int:
        return sum(
            max(len(wrap(name, room - width - 2)), len(wrap(target, width)) if target else 0)
            for name, target in zip(names, targets, strict=True)
        )

    widest = max(target_w, min(room // 2, max([0, *map(len, targets)])))
    step = max(1, (widest - target_w) // 8)
    candidates: list[int] = sorted({*range(target_w, widest + 1, step), widest})
    best: int = min(candidates, key=lambda width: (height(width), width))
    return best


def _name(goal: GoalResult, result: IndicatorResult) -> str:
    return indicator_name(result, {i.id: a.text for a in goal.goal.actions for i in a.indicators})


def latest_lines(result: IndicatorResult, lang: Lang) -> list[str]:
    """The latest value, the day it was recorded (a met deadline has its own) and a trend's change."""
    if result.latest is None:
        return []
    recorded = recorded_day(result, lang)
    lines = [latest_value(result, lang), *([recorded] if recorded else [])]
    trend = result.trend
    if trend is not None and isinstance(result.indicator, TrendIndicator):
        change = [f"{result.indicator.baseline_year}: {number(trend.baseline, lang)}"]
        if trend.change is not None:
            change.append(signed(trend.change, lang))
        if trend.change_percent is not None:
            change.append(signed_percent(trend.change_percent, lang))
        lines.append(", ".join(change))
    return lines


def short_counts(counts: Counts, lang: Lang) -> str:
    """``2 toteutunut, 1 kesken``: every status present with its count."""
    return ", ".join(f"{counts[s]} {status_name(s, lang)}" for s in Status if counts[s]) or "-"


def wrap_counts(text: str, width: int) -> list[str]:
    """Counts broken only after their commas: ``1 osittain toteutunut`` stays on one line."""
    lines: list[str] = []
    for part in (piece for item in text.split(", ") for piece in wrap(item, width)):
        if lines and len(lines[-1]) + 2 + len(part) <= width:
            lines[-1] += f", {part}"
        else:
            if lines:
                lines[-1] += ","
            lines.append(part)
    return lines


def _goal_lines(year: YearResult, lang: Lang, width: int, ascii_only: bool) -> list[Styled]:
    """``--depth goal``: one line per goal (its title cut to fit) with its status and its indicators' counts."""
    goals = [g for f in year.files for a in f.areas for g in a.goals]
    status_w = max([len(label("status", lang)), *(len(status_name(g.status, lang)) for g in goals)])
    counts = {id(g): short_counts(g.indicator_counts, lang) for g in goals}
    rest = width - status_w - 2 * GAP
    counts_w = _column(label("indicators", lang), list(counts.values()), rest * 2 // 5, rest // 2, parts=True)
    title_w = rest - counts_w
    widths = (title_w, counts_w, status_w)
    titles = [label("goal", lang), label("indicators", lang), label("status", lang)]
    out: list[Styled] = []
    for file_result in year.files:
        out += [*_heading(file_result, year, lang), _header(titles, widths), _rule(width, ascii_only)]
        for area in file_result.areas:
            out.append(Styled(one_line(area.area.name, width, ascii_only), style="bold underline"))
            for goal in area.goals:
                cells = [
                    Cell((one_line(goal.goal.title, title_w, ascii_only),)),
                    Cell(tuple(wrap_counts(counts[id(goal)], counts_w))),
                    Cell((status_name(goal.status, lang),), STATUS_STYLES[goal.status]),
                ]
                out += _row(cells, widths)
        out.append(Styled(""))
    return out


@dataclass(frozen=True, slots=True)
class _SummaryRow:
    name: str
    goals: Counts
    indicators: Counts
    status: Status
    heading: bool = False


def _summary_lines(year: YearResult, lang: Lang, width: int, depth: Depth, ascii_only: bool) -> list[Styled]:
    """``--depth committee`` (one line per committee-year) and ``--depth area`` (one per area).

    Each line: the name, how many goals and indicators, and the status; the
    year's panel below counts them by status.
    """
    rows: list[_SummaryRow] = []
    for f in year.files:
        if depth is Depth.COMMITTEE:
            name = f"{committee_name(f)} {year.year}"
            rows.append(_SummaryRow(name, f.goal_counts, f.indicator_counts, f.status))
            continue
        rows.append(_SummaryRow(committee_name(f), f.goal_counts, f.indicator_counts, f.status, True))
        rows += [_SummaryRow(a.area.name, a.goal_counts, a.indicator_counts, a.status) for a in f.areas]
    first = label("committee" if depth is Depth.COMMITTEE else "area", lang)
    titles = [first, label("goals", lang), label("indicators", lang), label("status", lang)]
    body = [r for r in rows if not r.heading]
    status_w = max([len(titles[3]), *(len(status_name(r.status, lang)) for r in body)])
    goals_w, indicators_w = len(titles[1]), len(titles[2])
    name_w = width - goals_w - indicators_w - status_w - 3 * GAP
    widths = (name_w, goals_w, indicators_w, status_w)
    heading = label("year_summary", lang, year=year.year, date=day(year.as_of, lang))
    out = [Styled(heading, style="bold"), Styled(""), _header(titles, widths), _rule(width, ascii_only)]
    for row in rows:
        if row.heading:
            out.append(Styled(one_line(row.name, width, ascii_only), style="bold underline"))
            continue
        cells = [
            Cell(tuple(wrap(row.name, name_w))),
            Cell((str(row.goals.total).rjust(goals_w),)),
            Cell((str(row.indicators.total).rjust(indicators_w),)),
            Cell((status_name(row.status, lang),), STATUS_STYLES[row.status]),
        ]
        out += _row(cells, widths)
    out.append(Styled(""))
    return out


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


def binding_lines(binding: BindingCounts, lang: Lang) -> list[Styled]:
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
            Styled.assemble(
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


def year_panel(year: YearResult, lang: Lang, municipality: str | None = None) -> Box:
    state = label("year_over" if year_over(year.year, year.as_of) else "year_running", lang)
    lines = [
        Styled.assemble(
            (f"{label('goals', lang)} ({year.goal_counts.total}): ", "bold"),
            counts_text(year.goal_counts, lang),
        ),
        Styled.assemble(
            (f"{label('indicators', lang)} ({year.indicator_counts.total}): ", "bold"),
            counts_text(year.indicator_counts, lang),
        ),
        *binding_lines(year.binding, lang),
    ]
    if year.goal_counts.total:  # a selection with no goals has no status to claim
        lines.append(
            Styled(f"{label('status', lang)}: ").append(status_text(year.status, lang)).append(f"; {state}.")
        )
    title = label("year_summary", lang, year=year.year, date=day(year.as_of, lang))
    if municipality is not None:
        title = f"{municipality}: {title}"
    return Box(title, lines)


def status_view(year: YearResult, lang: Lang, depth: Depth = Depth.INDICATOR) -> list[Layout]:
    """Everything ``tavoitteet status`` shows, in order; laid out at the console's width when printed.

    A year with several municipalities' files is shown municipality by municipality, each with its
    own summary: different municipalities are never added up."""
    groups = by_municipality(year) if year.files else []
    if len(groups) <= 1:
        return [StatusView(year, lang, depth), year_panel(year, lang)]
    shown: list[Layout] = []
    for name, part in groups:
        shown += [
            StatusView(part, lang, depth),
            year_panel(part, lang, name or label("no_municipality", lang)),
            Styled(""),
        ]
    return shown[:-1]


def committee_name(file_result: FileResult) -> str:
    """The committee, with its municipality when the file names one."""
    goal_file = file_result.goal_file
    return (
        f"{goal_file.committee} ({goal_file.municipality})" if goal_file.municipality else goal_file.committee
    )


def list_view(year: YearResult, lang: Lang) -> list[Layout]:
    """One row per goal with its id, and its indicators' ids beneath, for ``show`` and ``record``.

    Laid out as ``view_table`` lays it out in rich, by :class:`tavoitteet.render.grid.Table`."""
    from tavoitteet.render.grid import Table as Grid

    if not year.files:
        return [Styled(label("nothing", lang))]
    views: list[Layout] = []
    for file_result in year.files:
        table = Grid(f"{committee_name(file_result)} {year.year}", "bold", show_edge=False, pad_edge=False)
        table.add_column(label("id", lang), no_wrap=True)  # ids are copied whole into show/record
        table.add_column(label("goal_indicator", lang), ratio=1, overflow="fold")
        table.add_column(label("status", lang), width=10, overflow="fold")
        for area in file_result.areas:
            table.add_row(Styled(area.area.name, style="italic"), "", "")
            for goal in area.goals:
                table.add_row(
                    Styled(goal.goal.id, style="bold"), goal.goal.title, status_text(goal.status, lang)
                )
                actions = {i.id: a.text for a in goal.goal.actions for i in a.indicators}
                for result in goal.indicators:
                    name = indicator_name(result, actions)
                    table.add_row(f"  {result.indicator.id}", f"  {name}", status_text(result.status, lang))
            table.add_section()
        views += [table, Styled("")]
    return views


def years_view(index: Mapping[int, Sequence[tuple[str, Path]]], lang: Lang) -> RenderableType:
    """The years with their committees and files."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

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
