"""An indicator's series over the years as an inline SVG: a column per year with its target as lines.

The chart only repeats the table next to it (the table is the text
alternative); it has a title and a description in words as well.  Each
year's target is drawn as a dashed line at each bound it states, so that a
target that changes from year to year shows where it was each year.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from tavoitteet.render.svg_charts import band

WIDTH = 640
LEFT = 8
TOP = 24
PLOT = 180
BOTTOM = 28
FONT = 14
BAR = "#1f5fa8"
TARGET = "#1b7a3a"


@dataclass(frozen=True, slots=True)
class Column:
    label: str
    """The year."""
    value: Decimal | None
    text: str
    """The value as the reader writes it."""
    low: Decimal | None = None
    high: Decimal | None = None


def columns_with_targets(
    rows: Sequence[tuple[str, Decimal | None, str, object]],
) -> list[Column]:
    """(year, value, value text, the year's Target or None) as columns with their target bounds."""
    out = []
    for label, value, shown, target in rows:
        low, high = band(target) if target is not None else (None, None)  # type: ignore[arg-type]
        out.append(Column(label, value, shown, low, high))
    return out


def worth_drawing(columns: Sequence[Column]) -> bool:
    """At least two values, or one with a target to compare it with."""
    values = [c for c in columns if c.value is not None]
    return len(values) >= 2 or any(c.low is not None or c.high is not None for c in values)


def series_chart(columns: Sequence[Column], title: str, desc: str, ident: str) -> str:
    numbers = [c.value for c in columns if c.value is not None]
    numbers += [b for c in columns for b in (c.low, c.high) if b is not None]
    top = max([Decimal(0), *numbers])
    bottom = min([Decimal(0), *numbers])
    ceiling = top + (top - bottom) * Decimal("0.1")
    span = (ceiling - bottom) or Decimal(1)
    width = Decimal(WIDTH - 2 * LEFT) / max(len(columns), 1)
    height = TOP + PLOT + BOTTOM

    def y(value: Decimal) -> Decimal:
        return TOP + (ceiling - value) * PLOT / span

    zero = y(Decimal(0))
    title_id, desc_id = f"{ident}-t", f"{ident}-d"
    svg = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{title_id}">{escape(title)}</title><desc id="{desc_id}">{escape(desc)}</desc>'
        f'<line x1="{LEFT}" x2="{WIDTH - LEFT}" y1="{zero:.1f}" y2="{zero:.1f}" stroke="#4a4a4a"/>'
    ]
    for index, column in enumerate(columns):
        x = LEFT + width * index
        middle = x + width / 2
        if column.value is not None:
            end = y(column.value)
            bar_width = min(width * Decimal("0.5"), Decimal(60))
            svg.append(
                f'<rect x="{middle - bar_width / 2:.1f}" y="{min(zero, end):.1f}" width="{bar_width:.1f}" '
                f'height="{abs(zero - end):.1f}" fill="{BAR}"/>'
                f'<text x="{middle:.1f}" y="{min(zero, end) - 5:.1f}" font-size="{FONT}" text-anchor="middle" '
                f'fill="#1a1a1a">{escape(column.text)}</text>'
            )
        for bound in (column.low, column.high):
            if bound is not None:
                level = y(bound)
                svg.append(
                    f'<line x1="{x + 4:.1f}" x2="{x + width - 4:.1f}" y1="{level:.1f}" y2="{level:.1f}" '
                    f'stroke="{TARGET}" stroke-width="3" stroke-dasharray="8 4"/>'
                )
        svg.append(
            f'<text x="{middle:.1f}" y="{height - 8}" font-size="{FONT}" text-anchor="middle" '
            f'fill="#1a1a1a">{escape(column.label)}</text>'
        )
    return "".join(svg) + "</svg>"
