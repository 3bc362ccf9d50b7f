"""Inline SVG charts for the HTML report: status bars and value bars against a target range.

Every chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` that
say in words what the chart shows, so that screen readers and text-only
readers get the same information.  Colours only repeat what the text says.
All text is escaped; the caller gives each chart an id unique in the page.
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


def _open(height: int, title: str, desc: str, ident: str, width: int = WIDTH, stretch: bool = False) -> str:
    title_id, desc_id = f"{ident}-title", f"{ident}-desc"
    aspect = "none" if stretch else "xMinYMin meet"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{title_id} {desc_id}" preserveAspectRatio="{aspect}">'
        f'<title id="{title_id}">{escape(title)}</title><desc id="{desc_id}">{escape(desc)}</desc>'
    )


def status_bar(counts: Counts, title: str, names: dict[Status, str], ident: str) -> str:
    """A stacked bar of how many items have each status, stretched to its box.

    It has no text of its own (text would stretch with it): the counts are in
    its title and description, and the report writes them beside it in words.
    """
    parts = [(s, counts[s]) for s in Status if counts[s]]
    desc = ", ".join(f"{names[s]} {n}/{counts.total}" for s, n in parts) or "-"
    svg = [_open(BAR_HEIGHT, title, desc, ident, BAR_WIDTH, stretch=True)]
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


def bar_chart(bars: Sequence[Bar], title: str, desc: str, ident: str, target: Target | None = None) -> str:
    """Horizontal bars with their values, over the target range shaded in light green."""
    low, high = band(target)
    start, end = _domain(bars, low, high)
    label_width = max(LABEL_WIDTH, max((len(b.label) for b in bars), default=0) * 9 + 12)
    area = WIDTH - label_width - VALUE_SPACE

    def x(value: Decimal) -> Decimal:
        return label_width + (value - start) * area / (end - start)

    height = len(bars) * (BAR_HEIGHT + GAP) + GAP
    svg = [_open(height, title, desc, ident)]
    if target is not None:
        left, right = x(low if low is not None else start), x(high if high is not None else end)
        svg.append(
            f'<rect x="{left:.1f}" y="0" width="{max(right - left, Decimal(2)):.1f}" height="{height}" '
            'fill="#d9efdf" stroke="#1b7a3a" stroke-dasharray="4 3"/>'
        )
    for row, bar in enumerate(bars):
        y = GAP + row * (BAR_HEIGHT + GAP)
        zero, end_x = x(max(start, Decimal(0))), x(bar.value)
        svg.append(
            f'<text x="{label_width - 6}" y="{y + 17}" font-size="{FONT}" text-anchor="end" fill="#1a1a1a">'
            f"{escape(bar.label)}</text>"
            f'<rect x="{min(zero, end_x):.1f}" y="{y}" width="{abs(end_x - zero):.1f}" height="{BAR_HEIGHT}" '
            'fill="#1f5fa8"/>'
            f'<text x="{max(zero, end_x) + 4:.1f}" y="{y + 17}" font-size="{FONT}" fill="#1a1a1a">'
            f"{escape(bar.text)}</text>"
        )
    return "".join(svg) + "</svg>"
