"""The status view without rich writes exactly what rich wrote, plain and in colour (issue 19).

:mod:`tavoitteet.render.styled` lays out and colours the view's lines itself
and :class:`tavoitteet.commands.terminal.Output` decides the terminal's width
and colours as rich does.  These parity tests build the same texts both ways
(hypothesis-generated spans and styles, the year's box, whole status views of
real files) and compare the text written byte for byte with what rich writes;
a subprocess shows that a cold status, list, show, validate and record import no rich.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box
from rich.cells import cell_len
from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from tavoitteet.commands import terminal, viewing
from tavoitteet.render import styled
from tavoitteet.render.status import Depth, status_view
from tavoitteet.render.styled import Styled

from conftest import DATA, FIXTURES

STYLES = ["", "bold", "italic", "dim", "bold underline", "bold green", "bold yellow", "bold red", "cyan"]
STYLES += ["magenta", "blue", "underline", "dim italic", "red"]
WORDS = st.text(alphabet="aäöå─•…–’ x-:/,.(1)", min_size=0, max_size=30)
SPACES = st.sampled_from([" ", "  ", "\xa0", ""])


def rich_text(width: int, colour: str | None, no_color: bool, encoding: str = "utf-8") -> Console:
    return Console(
        file=terminal.EncodedText(encoding),
        width=width,
        height=25,
        color_system=colour,  # type: ignore[arg-type]
        force_terminal=colour is not None,
        no_color=no_color,
        legacy_windows=False,
        highlight=False,
        soft_wrap=False,
        emoji=False,
        markup=False,
    )


def written_by_rich(
    renderables: list[object], width: int, colour: str | None, no_color: bool, encoding: str
) -> str:
    console = rich_text(width, colour, no_color, encoding)
    with console.capture() as capture:
        console.print(Group(*renderables))  # type: ignore[arg-type]
    return capture.get()


@st.composite
def texts(draw: Any) -> tuple[Styled, Text]:
    """The same text built both ways: a base style, then pieces appended with styles or as styled texts."""
    base = draw(st.sampled_from(STYLES))
    first = draw(WORDS)
    ours, theirs = Styled(first, base), Text(first, style=base)
    for _ in range(draw(st.integers(0, 6))):
        piece = draw(SPACES) + draw(WORDS)
        style = draw(st.sampled_from(STYLES))
        if draw(st.booleans()):
            ours.append(piece, style=style)
            theirs.append(piece, style=style)
            continue
        inner, inner_style = draw(WORDS), draw(st.sampled_from(STYLES))
        ours.append(Styled(piece, style).append(inner, inner_style))
        theirs.append(Text(piece, style=style).append(inner, style=inner_style))
    return ours, theirs


@settings(max_examples=300, deadline=None)
@given(
    texts(),
    st.integers(40, 130),
    st.sampled_from([None, "standard", "256", "truecolor"]),
    st.booleans(),
)
def test_a_styled_text_is_written_as_rich_writes_it(
    pair: tuple[Styled, Text], width: int, colour: str | None, no_color: bool
) -> None:
    ours, theirs = pair
    assert ours.plain == theirs.plain
    expected = written_by_rich([theirs], width, colour, no_color, "utf-8")
    assert styled.render([ours], width, False, colour is not None, no_color) == expected
    assert written_by_rich([ours.to_rich()], width, colour, no_color, "utf-8") == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab1 2%\xa0\t\n\x00/,-", max_size=40), st.integers(-2, 45))
def test_a_line_that_fits_is_wrapped_as_textwrap_wraps_it(text: str, width: int) -> None:
    """The status view's own wrap takes a short cut for a line that fits; textwrap gives the same lines."""
    from tavoitteet.render.status import _wrapped, wrap

    assert wrap(text, width) == _wrapped(text, width) == _wrapped(text, width, by_textwrap=True)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.text(alphabet="ab1 2%\xa0\u3000\t\x0b\x00/,-é", max_size=14), max_size=12),
    st.integers(-2, 45),
)
def test_words_between_single_spaces_are_filled_as_textwrap_fills_them(words: list[str], width: int) -> None:
    """The short cut for a paragraph of plain words gives textwrap's lines, whatever the words."""
    from tavoitteet.render.status import _wrapped

    text = " ".join(words)
    assert _wrapped(text, width) == _wrapped(text, width, by_textwrap=True)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet="abc ─", max_size=8), max_size=30).map(" ".join),
    st.sampled_from(STYLES),
    st.integers(40, 90),
)
def test_long_lines_break_where_rich_breaks_them(plain: str, style: str, width: int) -> None:
    """Words, runs of spaces and words longer than the line: rich's word wrap, folding, trailing spaces."""
    plain = plain * 3
    for colour in (None, "standard"):
        expected = written_by_rich([Text(plain, style=style)], width, colour, False, "utf-8")
        assert styled.render([Styled(plain, style)], width, False, colour is not None, False) == expected


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet="Kemi: Vuosi 2024 tilanne 31.12.ä─", max_size=120),
    st.lists(texts(), max_size=5),
    st.integers(40, 120),
    st.sampled_from(["utf-8", "cp1252", "cp850"]),
    st.sampled_from([None, "standard"]),
)
def test_the_year_box_is_drawn_as_rich_draws_its_panel(
    title: str, lines: list[tuple[Styled, Text]], width: int, encoding: str, colour: str | None
) -> None:
    ours = styled.Box(title, [a for a, _ in lines])
    theirs = Panel(Group(*(b for _, b in lines)), title=Text(title), title_align="left", box=box.SQUARE)
    ascii_only = not encoding.startswith("utf")
    expected = written_by_rich([theirs], width, colour, False, encoding)
    assert styled.render([ours], width, ascii_only, colour is not None, False) == expected
    assert written_by_rich([ours.to_rich()], width, colour, False, encoding) == expected


@pytest.mark.parametrize(("data", "year"), [(DATA, 2024), (DATA, 2021), (FIXTURES / "status" / "data", 2024)])
@pytest.mark.parametrize("depth", list(Depth))
def test_whole_status_views_are_written_as_rich_writes_them(data: Path, year: int, depth: Depth) -> None:
    result = viewing.evaluated_year(year, viewing.Filters(), "1.2.2025", "fi", data, date(2025, 2, 1))
    items = status_view(result, "fi", depth)
    for width in (40, 63, 80, 121, 200):
        for encoding in ("utf-8", "cp1252"):
            for colour, no_color in ((None, False), ("standard", False), ("truecolor", True), ("256", False)):
                expected = written_by_rich([i.to_rich() for i in items], width, colour, no_color, encoding)
                ascii_only = encoding != "utf-8"
                assert styled.render(items, width, ascii_only, colour is not None, no_color) == expected


@pytest.mark.parametrize(
    "text", ["漢字のタイトル", "tab\there", "two\nlines", "e\u0301", "emoji 😀", "soft\xadhyphen"]
)
def test_what_may_be_laid_out_otherwise_is_left_to_rich(text: str) -> None:
    with pytest.raises(styled.NeedsRich):
        styled.render([Styled(text)], 80, False, False, False)
    with pytest.raises(styled.NeedsRich):
        styled.render([Styled("fits")], 39, False, False, False)
    with pytest.raises(styled.NeedsRich):
        styled.render([Styled("blinks", "blink")], 80, False, True, False)


def test_every_character_laid_out_here_is_one_cell_for_rich() -> None:
    assert all(cell_len(char) == 1 for char in styled.SAFE)
    assert not {"\t", "\n", "\xad", "\x1b", "\u200d"} & styled.SAFE


ENVIRONMENTS = st.fixed_dictionaries(
    {},
    optional={
        "TERM": st.sampled_from(
            ["xterm", "xterm-256color", "dumb", "unknown", "xterm-kitty", "vt100-16color", ""]
        ),
        "COLORTERM": st.sampled_from(["truecolor", "24bit", "", "yes"]),
        "NO_COLOR": st.sampled_from(["1", ""]),
        "FORCE_COLOR": st.sampled_from(["1", "", "0"]),
        "TTY_COMPATIBLE": st.sampled_from(["0", "1", "2"]),
        "COLUMNS": st.sampled_from(["100", "0", "x", "37", ""]),
        "LINES": st.sampled_from(["40", "0", "y"]),
    },
)
RICH_VARIABLES = ("TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS", "LINES")


class _Tty(io.StringIO):
    encoding = "cp850"

    def isatty(self) -> bool:
        return True


@settings(max_examples=300, deadline=None)
@given(ENVIRONMENTS, st.booleans())
def test_the_terminal_is_seen_as_rich_sees_it(environment: dict[str, str], tty: bool) -> None:
    """Width, height, colour system, NO_COLOR, encoding and terminal-ness: rich's answer, without rich."""
    clean = {k: v for k, v in os.environ.items() if k not in RICH_VARIABLES}
    stdout = _Tty() if tty else io.StringIO()
    with (
        mock.patch.dict(os.environ, {**clean, **environment}, clear=True),
        mock.patch.object(sys, "stdout", stdout),
    ):
        ours = terminal.Output()
        theirs = terminal.rich_console()
        assert (ours.width, ours.height) == tuple(theirs.size)
        assert terminal.layout_traits(ours) == terminal.layout_traits(theirs)
        assert ours.height == theirs.height and ours.ascii_only == (not theirs.encoding.startswith("utf"))


COLD = {
    "status": ["status", "2024", "--data", "{data}", "--no-pager"],
    "status --depth goal": ["status", "2024", "--depth", "goal", "--data", "{data}"],
    "list": ["list", "2024", "--data", "{data}"],
    "show": ["show", "hyvinvointikertomustyo", "--year", "2024", "--data", "{data}"],
    "show indicator": ["show", "suunnitelmat-paivitetty", "--data", "{data}"],
    "validate": ["validate", "{data}"],
    "record": ["record", "suunnitelmat-paivitetty", "kyllä", "--date", "31.12.2024", "--data", "{data}"],
}


@pytest.mark.parametrize("colour", [False, True], ids=["plain", "colour"])
@pytest.mark.parametrize("name", list(COLD))
def test_a_cold_command_imports_no_rich(name: str, colour: bool, tmp_path: Path) -> None:
    """status, list, show, validate and record from a cold start load no rich module (sys.modules at exit)."""
    data = tmp_path / "data"
    subprocess.run(["cp", "-r", str(DATA), str(data)], check=True)
    args = [part.format(data=data) for part in COLD[name]]
    program = (
        "import runpy, sys, atexit\n"
        "atexit.register(lambda: sys.__stderr__.write('RICH:' + ','.join(sorted("
        "m for m in sys.modules if m == 'rich' or m.startswith('rich.'))) + '\\n'))\n"
        f"sys.argv = ['tavoitteet', *{args!r}]\n"
        "runpy.run_module('tavoitteet', run_name='__main__')\n"
    )
    environment = {**os.environ, "TAVOITTEET_NO_CACHE": "1", "COLUMNS": "100"}
    environment.pop("NO_COLOR", None) if colour else environment.update(NO_COLOR="1")
    if colour:
        environment["FORCE_COLOR"] = "1"
    done = subprocess.run([sys.executable, "-c", program], env=environment, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "RICH:\n" in done.stderr, done.stderr
    if name.startswith(("status", "list", "show")):
        assert ("\x1b[" in done.stdout) == colour and "Hyvinvointi" in done.stdout
