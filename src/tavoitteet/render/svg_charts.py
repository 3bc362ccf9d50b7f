"""Inline SVG drawings for the HTML report: status bars, value bars over a target range, status strips.

A drawing only repeats what the page says in words beside it (the counts as
a list, each chart's numbers as a small table), so every ``<svg>`` is
``aria-hidden`` and screen readers read the words once, in their marked
language.  The drawings stay legible in greyscale print: this year's bars
are dark and earlier values light, the target range is a light band with a
dashed edge, and every bar and strip cell carries its value or answer as text.
All text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from tavoitteet.core.evaluation import Counts, Status
from tavoitteet.core.model import Target

STATUS_COLOURS: dict[Status, str] = {
    Status.MET: "#1b7a3a",
    Status.PARTLY: "#8a6100",
    Status.NOT_MET: "#b3261e",
    Status.IN_PROGRESS: "#1f5fa8",
    Status.NOT_ASSESSED: "#6b3fa0",
    Status.NOT_APPLICABLE: "#5f5f5f",
    Status.REPORTED: "#0f6b6b",
}
"""Each gives a contrast of at least 4.5:1 with white, both as a fill and behind white text."""

WIDTH = 360
"""The value charts are drawn as wide as a phone, so their text stays at its size there and on paper."""
BAR_WIDTH = 600
LABEL_WIDTH = 84
VALUE_SPACE = 90
FONT = 14
BAR_HEIGHT = 24
GAP = 8
THIS_YEAR, EARLIER = "#1f4e8c", "#9db7d9"
"""Dark for this year's value, light for earlier ones: apart in greyscale too."""


def _open(width: int, height: int, stretch: bool = False) -> str:
    aspect = "none" if stretch else "xMinYMin meet"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'aria-hidden="true" focusable="false" preserveAspectRatio="{aspect}">'
    )


def status_bar(counts: Counts) -> str:
    """A stacked bar of how many items have each status, stretched to its box (the counts are beside it)."""
    parts = [(s, counts[s]) for s in Status if counts[s]]
    svg = [_open(BAR_WIDTH, BAR_HEIGHT, stretch=True)]
    x = Decimal(0)
    for status, count in parts:
        width = Decimal(BAR_WIDTH) * count / counts.total
        svg.append(
            f'<rect x="{x:.1f}" y="0" width="{width:.1f}" height="{BAR_HEIGHT}" '
            f'fill="{STATUS_COLOURS[status]}" stroke="#ffffff" stroke-width="2"/>'
        )
        x += width
    if not parts:
        svg.append(
            f'<rect x="0" y="0" width="{BAR_WIDTH}" height="{BAR_HEIGHT}" fill="none" stroke="#8c8c8c"/>'
        )
    return "".join(svg) + "</svg>"


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: Decimal
    text: str  # the value as the reader writes it
    current: bool = True  # this year's value (dark) or an earlier or planned one (light)


def band(target: Target | None) -> tuple[Decimal | None, Decimal | None]:
    """The target's range as (low, high); None for an open end."""
    if target is None:
        return None, None
    if target.exactly is not None:
        return target.exactly, target.exactly
    low = target.at_least if target.at_least is not None else target.more_than
    high = target.at_most if target.at_most is not None else target.less_than
    return low, high


def _domain(bars: Sequence[Bar], low: Decimal | None, high: Decimal | None) -> tuple[Decimal, Decimal]:
    values = [b.value for b in bars] + [v for v in (low, high) if v is not None]
    start, end = min([Decimal(0), *values]), max([Decimal(0), *values])
    end += (end - start) * Decimal("0.1")  # room to show a target range that is open upwards
    return start, (end if end > start else start + 1)


def bar_chart(bars: Sequence[Bar], target: Target | None = None, group_gap: Sequence[int] = ()) -> str:
    """Horizontal bars with their values, over the target range (a light band with a dashed edge).

    ``group_gap`` lists the bar indexes before which a wider gap separates groups (categories).
    """
    low, high = band(target)
    start, end = _domain(bars, low, high)
    label_width = max(LABEL_WIDTH, max((len(b.label) for b in bars), default=0) * 8 + 12)
    label_width = min(label_width, WIDTH // 2)
    area = WIDTH - label_width - VALUE_SPACE

    def x(value: Decimal) -> Decimal:
        return label_width + (value - start) * area / (end - start)

    gaps = set(group_gap)
    rows: list[int] = []
    y = GAP
    for n in range(len(bars)):
        y += GAP * 2 if n in gaps else 0
        rows.append(y)
        y += BAR_HEIGHT + GAP
    height = y
    svg = [_open(WIDTH, height)]
    if target is not None:
        left, right = x(low if low is not None else start), x(high if high is not None else end)
        svg.append(
            f'<rect x="{left:.1f}" y="0" width="{max(right - left, Decimal(2)):.1f}" height="{height}" '
            'fill="#e3efe6" stroke="#1b7a3a" stroke-width="1.5" stroke-dasharray="5 3"/>'
        )
    for bar, y in zip(bars, rows, strict=True):
        zero, end_x = x(max(start, Decimal(0))), x(bar.value)
        svg.append(
            f'<text x="{label_width - 6}" y="{y + 17}" font-size="{FONT}" text-anchor="end" fill="#1a1a1a">'
            f"{escape(bar.label)}</text>"
            f'<rect x="{min(zero, end_x):.1f}" y="{y}" width="{abs(end_x - zero):.1f}" height="{BAR_HEIGHT}" '
            f'fill="{THIS_YEAR if bar.current else EARLIER}" stroke="#1f4e8c"/>'
            f'<text x="{max(zero, end_x) + 4:.1f}" y="{y + 17}" font-size="{FONT}" fill="#1a1a1a">'
            f"{escape(bar.text)}</text>"
        )
    return "".join(svg) + "</svg>"


@dataclass(frozen=True, slots=True)
class Cell:
    """One period of a yes/no indicator: its label (the year), the answer in words and its status."""

    label: str
    text: str
    status: Status


def status_strip(cells: Sequence[Cell]) -> str:
    """A yes/no indicator over the years: one cell per year, coloured by its status, with the answer."""
    width = WIDTH // max(len(cells), 4)
    height = 2 * BAR_HEIGHT + GAP
    svg = [_open(width * len(cells), height)]
    for n, cell in enumerate(cells):
        x = n * width
        svg.append(
            f'<text x="{x + width / 2:.1f}" y="16" font-size="{FONT}" text-anchor="middle" fill="#1a1a1a">'
            f"{escape(cell.label)}</text>"
            f'<rect x="{x + 1}" y="{BAR_HEIGHT}" width="{width - 2}" height="{BAR_HEIGHT + GAP}" '
            f'fill="{STATUS_COLOURS[cell.status]}"/>'
            f'<text x="{x + width / 2:.1f}" y="{BAR_HEIGHT + 21}" font-size="{FONT}" text-anchor="middle" '
            f'fill="#ffffff" font-weight="bold">{escape(cell.text)}</text>'
        )
    return "".join(svg) + "</svg>"
