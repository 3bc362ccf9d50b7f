"""The ``list`` and ``show`` tables without rich: ``rich.table.Table`` ported for the tables these views make.

The port covers what the views use: a title, columns of a fixed width or a
ratio, ``no_wrap`` and the ``fold`` and ``ellipsis`` overflows, the
``SIMPLE_HEAD`` box (``ASCII`` on a terminal without Unicode), with or
without its edge and the padding at the edge, sections, and cells of plain or
styled text (:class:`~tavoitteet.render.styled.Styled`).  Widths are measured,
distributed, collapsed and padded by rich's own rules, and each line is kept
as the segments rich writes, so that colour codes come out exactly as rich's.
Whatever else, and every text with a character :mod:`~tavoitteet.render.styled`
leaves to rich, raises :class:`~tavoitteet.render.styled.NeedsRich`;
``to_rich()`` makes the same table in rich for that path.
``tests/test_grid.py`` holds the parity tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import ceil
from typing import TYPE_CHECKING

from tavoitteet.render.styled import (
    Layout,
    NeedsRich,
    Styled,
    check,
    crop,
    divide,
    divide_line,
    rstrip_end,
    segments,
)

if TYPE_CHECKING:
    from rich.console import RenderableType

ELLIPSIS = "…"

SIMPLE_HEAD = ("    ", "    ", " ── ", "    ", "    ", "    ", "    ", "    ")
ASCII = ("+--+", "| ||", "|-+|", "| ||", "|-+|", "|-+|", "| ||", "+--+")
"""rich's boxes, line by line: top, head, head row, mid, row, foot row, foot, bottom"""


def _truncate(line: Styled, width: int, overflow: str, pad: bool = False) -> None:
    """``Text.truncate``: cut to ``width`` (with an ellipsis when so asked), padded with spaces if ``pad``."""
    length = len(line.plain)
    if length > width:
        if overflow == "ellipsis":  # the plain text set anew: a span cut there takes the ellipsis in
            line.plain = line.plain[: max(width - 1, 0)] + ELLIPSIS
            size = len(line.plain)
            line.spans = [(start, min(end, size), s) for start, end, s in line.spans if start < size]
        else:
            crop(line, width)
    if pad and length < width:
        line.plain += " " * (width - length)


def text_lines(text: Styled, width: int, overflow: str, no_wrap: bool, justify_left: bool) -> list[Styled]:
    """The lines ``Text.wrap`` makes of ``text`` in a cell ``width`` wide."""
    check(text.plain)
    if width < 1:
        raise NeedsRich(width)
    if no_wrap:
        lines = divide(text, [])
    else:
        lines = divide(text, divide_line(text.plain, width, overflow == "fold"))
        for line in lines:
            rstrip_end(line, width)
    for line in lines:
        if justify_left:
            _truncate(line, width, overflow, pad=True)
        _truncate(line, width, overflow)
    return lines


def _normalize(least: int, most: int) -> tuple[int, int]:
    least = min(max(0, least), most)
    return max(0, least), max(0, max(least, most))


def _got(least: int, most: int, max_width: int) -> tuple[int, int]:
    """What ``Measurement.get`` makes of a renderable's own measure."""
    least, most = _normalize(least, most)
    least, most = min(least, max_width), min(most, max_width)
    return (0, 0) if most < 1 else _normalize(least, most)


def _text_measure(text: Styled) -> tuple[int, int]:
    """``Text.__rich_measure__``: the longest word, the longest line."""
    lines = text.plain.splitlines()
    most = max((len(line) for line in lines), default=0)
    words = text.plain.split()
    return (max(len(word) for word in words) if words else most), most


def _measure(text: Styled, max_width: int, extra: int) -> tuple[int, int]:
    """``Measurement.get`` of a cell: its text in a ``Padding`` of ``extra`` columns."""
    if max_width < 1:
        return 0, 0
    if max_width - extra < 1:
        least, most = max_width, max_width
    else:
        least, most = _got(*_text_measure(text), max_width) if max_width >= 1 else (0, 0)
        least, most = min(least + extra, max_width), min(most + extra, max_width)
    return _got(least, most, max_width)


def ratio_reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=False)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result = []
    for ratio, most, value in zip(ratios, maximums, values, strict=False):
        if ratio and total_ratio > 0:
            distributed = min(most, round(ratio * remaining / total_ratio))
            result.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def ratio_distribute(total: int, ratios: list[int], minimums: list[int] | None = None) -> list[int]:
    if minimums:
        ratios = [ratio if least else 0 for ratio, least in zip(ratios, minimums, strict=False)]
    total_ratio = sum(ratios)
    if total_ratio <= 0:
        raise NeedsRich(ratios)
    remaining = total
    out = []
    for ratio, least in zip(ratios, minimums or [0] * len(ratios), strict=False):
        distributed = max(least, ceil(ratio * remaining / total_ratio)) if total_ratio > 0 else remaining
        out.append(distributed)
        total_ratio -= ratio
        remaining -= distributed
    return out


def _collapse(widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
    total = sum(widths)
    excess = total - max_width
    if any(wrapable):
        while total and excess > 0:
            widest = max(w for w, may in zip(widths, wrapable, strict=True) if may)
            second = max(w if may and w != widest else 0 for w, may in zip(widths, wrapable, strict=True))
            difference = widest - second
            ratios = [1 if (w == widest and may) else 0 for w, may in zip(widths, wrapable, strict=True)]
            if not any(ratios) or not difference:
                break
            widths = ratio_reduce(excess, ratios, [min(excess, difference)] * len(widths), widths)
            total = sum(widths)
            excess = total - max_width
    return widths


class Column:
    """A column as ``Table.add_column`` declares it, and its cells (a plain class: no dataclass to build)."""

    __slots__ = ("cells", "header", "no_wrap", "overflow", "ratio", "width")

    def __init__(
        self, header: str, width: int | None, ratio: int | None, no_wrap: bool, overflow: str
    ) -> None:
        self.header, self.width, self.ratio, self.no_wrap, self.overflow = (
            header,
            width,
            ratio,
            no_wrap,
            overflow,
        )
        self.cells: list[Styled] = []


class _Row:
    __slots__ = ("end_section",)

    def __init__(self) -> None:
        self.end_section = False


class Table:
    """A table laid out as ``rich.table.Table(box=SIMPLE_HEAD, expand=True, …)`` lays it out."""

    def __init__(
        self,
        title: str | None = None,
        title_style: str = "italic",
        show_edge: bool = True,
        pad_edge: bool = True,
    ) -> None:
        self.title = title
        self.title_style = title_style
        self.show_edge = show_edge
        self.pad_edge = pad_edge
        self.columns: list[Column] = []
        self.rows: list[_Row] = []

    def add_column(
        self,
        header: str,
        *,
        width: int | None = None,
        ratio: int | None = None,
        no_wrap: bool = False,
        overflow: str = "ellipsis",
    ) -> None:
        self.columns.append(Column(header, width, ratio, no_wrap, overflow))

    def add_row(self, *cells: str | Styled) -> None:
        for column, cell in zip(
            self.columns, [*cells, *[""] * (len(self.columns) - len(cells))], strict=True
        ):
            column.cells.append(Styled(cell) if isinstance(cell, str) else cell)
        self.rows.append(_Row())

    def add_section(self) -> None:
        if self.rows:
            self.rows[-1].end_section = True

    def to_rich(self) -> RenderableType:
        from rich import box
        from rich.table import Table as RichTable

        table = RichTable(
            title=self.title,
            title_justify="left",
            title_style=self.title_style,
            box=box.SIMPLE_HEAD,
            show_edge=self.show_edge,
            pad_edge=self.pad_edge,
            expand=True,
        )
        for column in self.columns:
            table.add_column(
                column.header,
                width=column.width,
                ratio=column.ratio,
                no_wrap=column.no_wrap,
                overflow=column.overflow,  # type: ignore[arg-type]
            )
        for n, row in enumerate(self.rows):
            table.add_row(
                *(column.cells[n].to_rich() for column in self.columns), end_section=row.end_section
            )
        return table

    def _padding(self, index: int) -> tuple[int, int]:
        left = right = 1
        if not self.pad_edge:
            if index == 0:
                left = 0
            if index == len(self.columns) - 1:
                right = 0
        return left, right

    def _measure(self, index: int, max_width: int) -> tuple[int, int]:
        column = self.columns[index]
        if max_width < 1:
            return 0, 0
        left, right = self._padding(index)
        if column.width is not None:
            fixed = column.width + left + right
            return min(fixed, max_width), min(fixed, max_width)
        sizes = [_measure(c, max_width, left + right) for c in [Styled(column.header), *column.cells]]
        least = max(s[0] for s in sizes)
        most = max(s[1] for s in sizes)
        return min(least, max_width), min(most, max_width)

    def _widths(self, max_width: int) -> list[int]:
        ranges = [self._measure(n, max_width) for n in range(len(self.columns))]
        widths = [most or 1 for _, most in ranges]
        ratios = [c.ratio or 0 for c in self.columns if c.ratio is not None]
        if any(ratios):
            fixed = [
                0 if c.ratio is not None else most for (_, most), c in zip(ranges, self.columns, strict=True)
            ]
            least = [
                (c.width or 1) + sum(self._padding(n))
                for n, c in enumerate(self.columns)
                if c.ratio is not None
            ]
            flexible = iter(ratio_distribute(max_width - sum(fixed), ratios, least))
            widths = [
                fixed[n] + next(flexible) if c.ratio is not None else widths[n]
                for n, c in enumerate(self.columns)
            ]
        table_width = sum(widths)
        if table_width > max_width:
            wrapable = [c.width is None and not c.no_wrap for c in self.columns]
            widths = _collapse(widths, wrapable, max_width)
            table_width = sum(widths)
            if table_width > max_width:
                widths = ratio_reduce(table_width - max_width, [1] * len(widths), widths, widths)
                table_width = sum(widths)
            widths = [self._measure(n, width)[1] or 0 for n, width in enumerate(widths)]
        if table_width < max_width:
            widths = [
                w + pad
                for w, pad in zip(widths, ratio_distribute(max_width - table_width, widths), strict=True)
            ]
        return widths

    def layout(self, width: int, ascii_only: bool) -> list[Styled]:
        box = ASCII if ascii_only else SIMPLE_HEAD
        extra = (2 if self.show_edge else 0) + len(self.columns) - 1
        widths = self._widths(width - extra)
        table_width = sum(widths) + extra
        if table_width > width or not self.columns:
            raise NeedsRich(widths)
        out: list[Styled] = []
        if self.title:
            for line in text_lines(Styled(self.title, self.title_style), table_width, "fold", False, True):
                out.append(_line(segments(line)))
        if self.show_edge:
            out.append(Styled(_edge_row(box[0], widths, True)))
        cells = [[Styled(c.header), *c.cells] for c in self.columns]
        count = len(self.rows) + 1
        for index in range(count):
            header = index == 0
            style = "bold" if header else ""
            rendered = [self._cell(cells[n][index], n, widths[n], style) for n in range(len(self.columns))]
            height = max(len(lines) for lines in rendered)
            for n, lines in enumerate(rendered):
                blank = [(" " * widths[n], style)]
                extra_lines = [blank] * (height - len(lines))
                rendered[n] = extra_lines + lines if header else lines + extra_lines
            level = 1 if header else (6 if index == count - 1 else 3)
            left, divider, right = box[level][0], box[level][2], box[level][3]
            for line_no in range(height):
                pieces: list[tuple[str, str]] = [(left, "")] if self.show_edge else []
                for n, lines in enumerate(rendered):
                    if n:
                        pieces.append((divider, ""))
                    pieces += lines[line_no]
                if self.show_edge:
                    pieces.append((right, ""))
                out.append(_line(pieces))
            if header:
                out.append(Styled(_edge_row(box[2], widths, self.show_edge)))
            elif self.rows[index - 1].end_section and index != count - 1:
                out.append(Styled(_edge_row(box[4], widths, self.show_edge)))
        if self.show_edge:
            out.append(Styled(_edge_row(box[7], widths, True)))
        for line in out:
            if len(line.plain) != table_width:
                raise NeedsRich(line.plain)
        return out

    def _cell(self, text: Styled, index: int, width: int, style: str) -> list[list[tuple[str, str]]]:
        """A cell's lines as segments: its padding, its text, each piece in the cell's style over its own."""
        column = self.columns[index]
        left, right = self._padding(index)
        lines = text_lines(text, width - left - right, column.overflow, column.no_wrap, True)
        out = []
        for line in lines:
            pieces = [(" " * left, "")] if left else []
            pieces += segments(line)
            pieces += [(" " * right, "")] if right else []
            if style:
                pieces = [(piece, _over(style, own)) for piece, own in pieces]
            out.append(pieces)
        return out


def _over(style: str, own: str) -> str:
    return f"{style} {own}".strip()


def _edge_row(row: str, widths: Sequence[int], edge: bool) -> str:
    left, horizontal, cross, right = row[0], row[1], row[2], row[3]
    middle = cross.join(horizontal * width for width in widths)
    return f"{left}{middle}{right}" if edge else middle


def _line(pieces: Sequence[tuple[str, str]]) -> Styled:
    """A line that renders as exactly these segments (each styled one a span of its own)."""
    line = Styled()
    for text, style in pieces:
        line.append(text, style)
    return line


class Stack:
    """Renderables one below the other (``rich.console.Group``)."""

    def __init__(self, items: Sequence[Layout]) -> None:
        self.items = list(items)

    def layout(self, width: int, ascii_only: bool) -> list[Styled]:
        return [line for item in self.items for line in item.layout(width, ascii_only)]

    def to_rich(self) -> RenderableType:
        from rich.console import Group

        return Group(*(item.to_rich() for item in self.items))
