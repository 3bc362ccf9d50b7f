"""Styled text without rich: plain text with style spans, laid out and coloured exactly as rich would.

The terminal views (``status``) are made of lines we lay out ourselves; rich
only wrapped the odd line that was too long, drew the year's box and turned
styles into ANSI colour codes.  Importing rich and its layout cost more than
the rest of a cold ``status`` and most of a large one, so the views are made
of :class:`Styled` texts, which this module lays out with rich's rules
(:func:`wrap` ports ``Text.wrap`` for text whose every character is one cell
wide) and writes as plain text or with rich's SGR sequences (:func:`ansi`).

When in doubt the ordinary path is taken: a text with a character outside
:data:`SAFE` (a wide or combining character, a tab, a newline), a style this
module does not know or a terminal narrower than the views are laid out for
raises :class:`NeedsRich`, and the caller prints the same view through rich
(every renderable here has ``to_rich()``).  ``tests/test_styled.py`` holds
the parity tests against rich.  Pure functions: nothing here prints, and
rich is imported only by ``to_rich``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

_SINGLE_CELL_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0xAC),
    (0xAE, 0x2FF),
    (0x370, 0x482),
    (0x2500, 0x25FC),
)
"""characters rich itself measures as one cell without looking them up (``rich.cells._SINGLE_CELLS``)"""
_ONE_CELL_PUNCTUATION = "‐‑‒–—―‘’‚“”„•…‰′″‹›⁰⁴⁵⁶⁷⁸⁹€™←↑→↓"
"""punctuation the views and their data use, one cell wide in rich too (a test asks rich)"""

SAFE: frozenset[str] = frozenset(
    [chr(code) for start, end in _SINGLE_CELL_RANGES for code in range(start, end + 1)]
    + list(_ONE_CELL_PUNCTUATION)
)
"""the characters laid out here: each one cell wide, none a control, tab or newline"""

LEAST_WIDTH = 40
"""the narrowest terminal laid out here (the views' own least width); a narrower one goes through rich"""


class NeedsRich(Exception):
    """This text or terminal is left to rich: laying it out here could differ from what rich writes."""


ATTRIBUTES = {"bold": "1", "dim": "2", "italic": "3", "underline": "4"}
"""the style words laid out here and their SGR codes, in the order rich writes them"""
COLOURS = {
    name: str(30 + number)
    for number, name in enumerate(("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"))
}
"""the standard colours, the same code in every colour system"""


class Styled:
    """Plain text with style spans, as :class:`rich.text.Text` keeps it (its style, then its spans)."""

    __slots__ = ("plain", "spans", "style")

    def __init__(self, plain: str = "", style: str = "") -> None:
        self.plain = plain
        self.style = style
        """the style of the whole text (rich's base style)"""
        self.spans: list[tuple[int, int, str]] = []
        """(start, end, style), in the order they were added"""

    def __len__(self) -> int:
        return len(self.plain)

    def __repr__(self) -> str:
        return f"Styled({self.plain!r}, {self.style!r}, {self.spans!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Styled):
            return NotImplemented
        return (self.plain, self.style, self.spans) == (other.plain, other.style, other.spans)

    __hash__ = None  # type: ignore[assignment]

    def append(self, text: str | Styled, style: str = "") -> Styled:
        """Add text at the end, as ``Text.append`` does; returns this text."""
        offset = len(self.plain)
        if isinstance(text, Styled):
            if text.style and text.plain:
                self.spans.append((offset, offset + len(text.plain), text.style))
            self.spans += [(start + offset, end + offset, s) for start, end, s in text.spans]
            self.plain += text.plain
        elif text:
            self.plain += text
            if style:
                self.spans.append((offset, offset + len(text), style))
        return self

    @classmethod
    def assemble(cls, *parts: str | Styled | tuple[str, str]) -> Styled:
        """``Text.assemble``: pieces of text, each a string, a styled text or (text, style)."""
        text = cls()
        for part in parts:
            if isinstance(part, tuple):
                text.append(*part)
            else:
                text.append(part)
        return text

    def all_spans(self) -> list[tuple[int, int, str]]:
        """The spans as rich renders them: the text's own style first, as a span over all of it."""
        if self.style and self.plain:
            return [(0, len(self.plain), self.style), *self.spans]
        return list(self.spans)

    def to_rich(self) -> Text:
        """The same text as :class:`rich.text.Text` (for the path through rich)."""
        from rich.text import Span, Text

        text = Text(self.plain, style=self.style, end="\n")
        text.spans = [Span(start, end, style) for start, end, style in self.spans]
        return text

    def layout(self, width: int, ascii_only: bool) -> list[Styled]:
        """The lines this text takes on a terminal ``width`` wide."""
        return wrap(self, width)


class Layout(Protocol):
    """What a view is made of here: lines at a width, or the same thing through rich."""

    def layout(self, width: int, ascii_only: bool) -> list[Styled]: ...

    def to_rich(self) -> RenderableType: ...


def check(text: str) -> None:
    """Raise :class:`NeedsRich` unless every character of ``text`` is laid out here."""
    if not SAFE.issuperset(text):
        raise NeedsRich(text)


_WORD = re.compile(r"\s*\S+\s*")
_TRAILING_SPACE = re.compile(r"\s+$")


def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    """Where rich breaks a line to fit ``width`` (``rich._wrap.divide_line``, one cell a character)."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width and not fold:  # cropped later: alone on its line
            if start:
                breaks.append(start)
            offset = len(word)
        elif length > width:
            pieces = [word[n : n + width] for n in range(0, len(word), width)] or [""]
            for n, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if n == len(pieces) - 1:
                    offset = len(piece)
                else:
                    start += len(piece)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def divide(text: Styled, offsets: Sequence[int]) -> list[Styled]:
    """The text cut at ``offsets``, each piece keeping the text's style and its part of every span."""
    if not offsets:
        copy = Styled(text.plain, text.style)
        copy.spans = list(text.spans)
        return [copy]
    edges = [0, *offsets, len(text.plain)]
    ranges = list(pairwise(edges))
    lines = [Styled(text.plain[start:end], text.style) for start, end in ranges]
    for span_start, span_end, style in text.spans:
        for line, (line_start, line_end) in zip(lines, ranges, strict=True):
            new_start = max(0, span_start - line_start)
            new_end = min(span_end - line_start, line_end - line_start)
            if new_end > new_start:
                line.spans.append((new_start, new_end, style))
    return lines


def crop(line: Styled, size: int) -> None:
    """Keep the first ``size`` characters and what of the spans lies in them (``Text.plain``'s setter)."""
    if len(line.plain) <= size:
        return
    line.plain = line.plain[:size]
    line.spans = [(start, min(end, size), style) for start, end, style in line.spans if start < size]


def wrap(text: Styled, width: int) -> list[Styled]:
    """The lines rich's ``Text.wrap`` makes of ``text`` at ``width`` (default justify, folding)."""
    check(text.plain)
    if len(text.plain) <= width:  # rich breaks nothing that fits, and keeps its spaces
        return [text]
    lines = divide(text, divide_line(text.plain, width))
    for line in lines:
        rstrip_end(line, width)
    for line in lines:
        crop(line, width)
    return lines


def rstrip_end(line: Styled, width: int) -> None:
    """``Text.rstrip_end``: of the spaces at the end, only those past the width go."""
    if len(line.plain) > width and (space := _TRAILING_SPACE.search(line.plain)) is not None:
        crop(line, len(line.plain) - min(len(space.group()), len(line.plain) - width))


def sgr(style: str, no_color: bool = False) -> str:
    """The SGR parameters rich writes for ``style`` (``1;32`` for ``bold green``); colour left out with NO_COLOR."""
    attributes: set[str] = set()
    colour: str | None = None
    for word in style.split():
        if word in ATTRIBUTES:
            attributes.add(word)
        elif word in COLOURS:
            colour = word
        else:
            raise NeedsRich(style)
    codes = [ATTRIBUTES[name] for name in ATTRIBUTES if name in attributes]
    if colour is not None and not no_color:
        codes.append(COLOURS[colour])
    return ";".join(codes)


def combined(styles: Iterable[str]) -> str:
    """Styles laid over one another, later ones winning (``Style.combine``), as one style string."""
    attributes: set[str] = set()
    colour = ""
    for style in styles:
        for word in style.split():
            if word in COLOURS:
                colour = word
            elif word in ATTRIBUTES:
                attributes.add(word)
            else:
                raise NeedsRich(style)
    return " ".join([*(name for name in ATTRIBUTES if name in attributes), *([colour] if colour else [])])


def segments(line: Styled) -> list[tuple[str, str]]:
    """The (text, style) pieces rich renders a line in (``Text.render``): one at every span's edge."""
    spans = line.all_spans()
    if not spans:
        return [(line.plain, "")]
    edges = [(0, False, 0)]
    edges += [(start, False, n) for n, (start, _, _) in enumerate(spans, 1)]
    edges += [(end, True, n) for n, (_, end, _) in enumerate(spans, 1)]
    edges.append((len(line.plain), True, 0))
    edges.sort(key=lambda edge: (edge[0], edge[1]))
    styles = ["", *(style for _, _, style in spans)]
    stack: list[int] = []
    pieces = []
    for (offset, leaving, index), (next_offset, _, _) in pairwise(edges):
        if leaving:
            stack.remove(index)
        else:
            stack.append(index)
        if next_offset > offset:
            pieces.append((line.plain[offset:next_offset], combined(styles[i] for i in sorted(stack))))
    return pieces


def ansi(line: Styled, colour: bool, no_color: bool = False) -> str:
    """The line as rich writes it: plain, or each styled piece in its own SGR sequence and reset."""
    if not colour:
        return line.plain
    out = []
    for text, style in segments(line):
        codes = sgr(style, no_color) if style else ""
        out.append(f"\x1b[{codes}m{text}\x1b[0m" if codes and text else text)
    return "".join(out)


class Box:
    """The year's panel: a square box with a title on its top edge, as ``rich.panel.Panel`` draws it."""

    def __init__(self, title: str, lines: Sequence[Styled]) -> None:
        self.title = title
        self.lines = list(lines)

    def layout(self, width: int, ascii_only: bool) -> list[Styled]:
        top_left, top, top_right, side, bottom_left, bottom_right = "+-+|++" if ascii_only else "┌─┐│└┘"
        inner = width - 4
        check(self.title)
        if self.title:
            title = f" {self.title} "[:inner]
            out = [Styled(top_left + top + title + top * (inner - len(title)) + top + top_right)]
        else:
            out = [Styled(top_left + top * (width - 2) + top_right)]
        for text in self.lines:
            for line in wrap(text, inner):
                row = Styled(f"{side} ").append(line).append(" " * (inner - len(line)) + f" {side}")
                out.append(row)
        out.append(Styled(bottom_left + top * (width - 2) + bottom_right))
        return out

    def to_rich(self) -> RenderableType:
        from rich import box
        from rich.console import Group
        from rich.panel import Panel
        from rich.text import Text

        body = Group(*(line.to_rich() for line in self.lines))
        return Panel(body, title=Text(self.title), title_align="left", box=box.SQUARE)


def render(items: Sequence[Any], width: int, ascii_only: bool, colour: bool, no_color: bool) -> str:
    """The text rich would write for ``items`` printed one below the other on such a terminal.

    Raises :class:`NeedsRich` when something is left to rich.
    """
    if width < LEAST_WIDTH:
        raise NeedsRich(width)
    out: list[str] = []
    for item in items:
        parts = getattr(item, "layout_parts", None)  # a view laid out a committee at a time (status)
        for part in parts(width, ascii_only) if parts else (item.layout(width, ascii_only),):
            out += [ansi(line, colour, no_color) + "\n" for line in part]
    return "".join(out)
