"""Printing a view on the terminal: the console, the text kept for unchanged inputs, large views laid out by workers.

The views themselves are made in :mod:`tavoitteet.commands.viewing` and
:mod:`tavoitteet.render`; this module only decides how their text reaches
stdout.  :func:`print_cached` keeps that text in :mod:`tavoitteet.files.viewcache`, so
that a repeated ``status``, ``list`` or ``show`` loads no models.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from tavoitteet.commands.viewing import data_root, input_files
from tavoitteet.files import parallel, replay, viewcache
from tavoitteet.words.i18n import Lang

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from tavoitteet.render.styled import Layout

WRITE_LIMIT = 32 * 1024 // 4
"""rich's limit per write: 32 KiB, with every character counted as four bytes of UTF-8"""


def rich_console(file: IO[str] | None = None) -> Console:
    """rich's console for stdout: the terminal's width (COLUMNS when set), no colour when piped or NO_COLOR.

    Markup is off: every string a view hands to rich (a goal's title, a
    target, a comment) is text, so ``[/]`` or ``[huom]`` in a file prints as
    written instead of crashing the view or vanishing.
    """
    from rich.console import Console

    return Console(file=file, highlight=False, soft_wrap=False, emoji=False, markup=False)


console = rich_console
"""the name rich's console had here before :class:`Output` (benchmarks/fuzz.py lays views out on it)"""


# --- issue 19 (19-render): the terminal as rich sees it, without importing rich -----------------------
_TERM_COLORS = {"kitty": "256", "256color": "256", "16color": "standard"}


def _descriptor(stream: object, default: int) -> int:
    try:
        return int(stream.fileno())  # type: ignore[attr-defined]
    except Exception:
        return default


class Output:
    """Stdout as :class:`rich.console.Console` (made by :func:`rich_console`) sees it, and the way to write to it.

    On Linux and macOS its width, height, colour system, ``NO_COLOR``,
    encoding and whether it is a terminal are decided here by rich's own rules
    (``FORCE_COLOR``, ``TTY_COMPATIBLE``, ``TERM=dumb``, ``COLORTERM``,
    ``COLUMNS``/``LINES``, the terminal's size), so that a view laid out by
    :mod:`tavoitteet.render.styled` needs no rich; ``tests/test_styled.py``
    compares them with rich's.  On Windows, under IPython or IDLE, rich's
    console itself decides (:attr:`rich`).
    """

    def __init__(self) -> None:
        self._rich: Console | None = None
        stdin = sys.stdin
        if (
            sys.platform == "win32"
            or hasattr(__import__("builtins"), "get_ipython")
            or getattr(stdin, "__module__", "").startswith("idlelib")
        ):
            console = self.rich
            self.is_terminal: bool = console.is_terminal
            self.color_system: str | None = console.color_system
            self.no_color: bool = console.no_color
            self.legacy_windows: bool = console.legacy_windows
            self.width, self.height = console.size
            return
        environ = os.environ
        self.legacy_windows = False
        self.is_terminal = self._is_terminal(environ)
        dumb = self.is_terminal and environ.get("TERM", "").lower() in ("dumb", "unknown")
        self.color_system = None if not self.is_terminal or dumb else self._colors(environ)
        self.no_color = environ.get("NO_COLOR", "") != ""
        self.width, self.height = self._size(environ, dumb)

    @property
    def file(self) -> IO[str]:
        return sys.stdout

    @property
    def encoding(self) -> str:
        return (getattr(self.file, "encoding", "utf-8") or "utf-8").lower()

    @property
    def ascii_only(self) -> bool:
        return not self.encoding.startswith("utf")

    @property
    def rich(self) -> Console:
        """rich's console for the same stdout, made when first needed."""
        if self._rich is None:
            self._rich = rich_console()
        return self._rich

    def _is_terminal(self, environ: os._Environ[str]) -> bool:
        compatible = environ.get("TTY_COMPATIBLE", "")
        if compatible in ("0", "1"):
            return compatible == "1"
        force_color = environ.get("FORCE_COLOR")
        if force_color is not None:
            return force_color != ""
        isatty = getattr(self.file, "isatty", None)
        try:
            return False if isatty is None else bool(isatty())
        except ValueError:
            return False

    @staticmethod
    def _colors(environ: os._Environ[str]) -> str:
        if environ.get("COLORTERM", "").strip().lower() in ("truecolor", "24bit"):
            return "truecolor"
        _name, _hyphen, colors = environ.get("TERM", "").strip().lower().rpartition("-")
        return _TERM_COLORS.get(colors, "standard")

    @staticmethod
    def _size(environ: os._Environ[str], dumb: bool) -> tuple[int, int]:
        columns, lines = environ.get("COLUMNS"), environ.get("LINES")
        given_width = int(columns) if columns is not None and columns.isdigit() else None
        given_height = int(lines) if lines is not None and lines.isdigit() else None
        if given_width is not None and given_height is not None:
            return given_width, given_height
        if dumb:
            return 80, 25
        width: int | None = None
        height: int | None = None
        for descriptor in (
            _descriptor(sys.__stdin__, 0),
            _descriptor(sys.__stdout__, 1),
            _descriptor(sys.__stderr__, 2),
        ):
            try:
                width, height = os.get_terminal_size(descriptor)
            except (AttributeError, ValueError, OSError):
                pass
            else:
                break
        if given_width is not None:
            width = given_width
        if given_height is not None:
            height = given_height
        return (
            (width or 80) if given_width is None else given_width,
            (height or 25) if given_height is None else given_height,
        )


def print_view(renderables: list[RenderableType]) -> None:
    """Print a view's renderables one below the other on stdout (as :func:`write_rendered` writes them)."""
    from rich.console import Group

    output = rich_console()
    if layout_traits(output) is None:  # the legacy Windows console colours through system calls
        output.print(Group(*renderables))
        return
    write_rendered(output, rendered(output, renderables))


View = Callable[[Path, date, int], "str | list[RenderableType] | list[Layout]"]
"""Makes a view from the data folder, today and the terminal's width: JSON text, or renderables."""


def print_cached(
    name: str,
    arguments: tuple[object, ...],
    data: Path | None,
    lang: Lang,
    as_json: bool,
    view: View,
    pager: bool = True,
) -> None:
    """Print a view, or the text it printed before for the same inputs (:mod:`tavoitteet.files.viewcache`).

    The inputs are every goal file under the data folder, ``arguments``, the
    language, today and what decides the layout on this terminal.
    """
    root = data_root(data, lang)
    today = date.today()
    output = Output()
    traits = None if as_json else layout_traits(output)
    if traits is None and not as_json:  # a console that is not written as text: printed, never kept
        from rich.console import Group

        made = view(root, today, output.width)
        output.rich.print(made if isinstance(made, str) else Group(*map(_to_rich, made)))
        return

    def text() -> str:
        made = view(root, today, output.width)
        return made if isinstance(made, str) else rendered_view(output, made)

    folder = root.resolve()
    key = (folder, *arguments, as_json, lang, today, traits)
    files = input_files(folder)
    searched = data is None and not os.environ.get("TAVOITTEET_DATA")
    read = [str(path) for path in files]
    before = replay.state(str(folder), searched, read) if replay.pending() else None
    shown = viewcache.cached(name, key, files, text)
    if pager and page(output, shown):
        return
    write_rendered(output, shown)
    may_page = pager and output.is_terminal and shown.count("\n") >= output.height
    if before is not None and not may_page:  # the same invocation again needs no Typer, rich or pager
        replay.remember(str(folder), searched, before, read, guarded_text(shown))


def pager_command() -> str | None:
    """The pager as git chooses it: ``TAVOITTEET_PAGER``, else ``PAGER``, else ``less`` (``more`` on Windows).

    An empty value or ``cat`` means no pager.
    """
    for variable in ("TAVOITTEET_PAGER", "PAGER"):
        value = os.environ.get(variable)
        if value is not None:
            return None if value.strip() in ("", "cat") else value
    return "more" if os.name == "nt" else "less"


def page(target: Output | Console, text: str) -> bool:
    """Show ``text`` through the pager when stdout is a terminal and the text is taller than it.

    False when nothing was paged (piped, short, no pager, or the pager could
    not be started), so that the caller writes the text itself.  As git does,
    ``less`` gets ``LESS=FRX`` unless the user set ``LESS``: it keeps colours and
    the screen, and quits at once when the text fits after all.
    """
    if not target.is_terminal or not _stdout_is_terminal() or text.count("\n") < target.height:
        return False
    command = pager_command()
    if command is None:
        return False
    environment = {**os.environ}
    environment.setdefault("LESS", "FRX")
    environment.setdefault("LV", "-c")
    try:
        process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=environment)
    except OSError:
        return False
    assert process.stdin is not None
    try:
        process.stdin.write(text.encode(target.encoding or "utf-8", errors="replace"))
        process.stdin.close()
    except (BrokenPipeError, OSError):  # the reader quit the pager early
        pass
    while True:
        try:
            process.wait()
            break
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager while it runs, as with git
            continue
    return True


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def rendered_view(output: Output, items: list[RenderableType] | list[Layout]) -> str:
    """The text (with colour codes, if any) that rich writes for the view's items on ``output``.

    A view made of :mod:`tavoitteet.render.styled` lines (``status``) is laid
    out and coloured here, without rich; anything else, and whatever that
    module leaves to rich, goes through rich as before.
    """
    if all(hasattr(item, "layout") for item in items):
        from tavoitteet.render import styled

        try:
            colour = output.color_system is not None
            return styled.render(items, output.width, output.ascii_only, colour, output.no_color)
        except styled.NeedsRich:
            pass
    return rendered(output.rich, [_to_rich(item) for item in items])


def _to_rich(item: Any) -> Any:
    """A renderable for rich: ours converted (:meth:`~tavoitteet.render.styled.Styled.to_rich`), rich's as it is."""
    return item.to_rich() if hasattr(item, "layout") else item


RENDER_PARALLEL_FROM = 600
"""renderables (about a hundred committees' tables) from which they are laid out in worker processes"""
PIECE = RENDER_PARALLEL_FROM // 2
"""renderables laid out at a time in one process: the pieces joined are the same text, as the workers' are"""


def rendered(target: Console, renderables: list[RenderableType]) -> str:
    """The text (with colour codes, if any) that printing the renderables on ``target`` writes.

    A large view (a national corpus) is laid out in pieces by worker processes,
    each on a console like ``target``; the pieces joined are the same text.
    """
    from rich.console import Group

    renderables = [_to_rich(item) for item in renderables]
    processes = parallel.jobs(len(renderables), RENDER_PARALLEL_FROM, per_job=RENDER_PARALLEL_FROM // 2)
    if processes <= 1 or layout_traits(target) is None:
        texts: list[str] = []
        for piece in _pieces(target, renderables):  # rich's segments of one piece at a time in memory
            with target.capture() as capture:
                target.print(Group(*piece))
            texts.append(capture.get())
        return "".join(texts)
    settings = _console_settings(target)
    size = -(-len(renderables) // (processes * 4))
    pieces = [(settings, renderables[i : i + size]) for i in range(0, len(renderables), size)]
    return "".join(parallel.ordered_map(_render_piece, pieces, processes))


def _pieces(target: Console, renderables: list[RenderableType]) -> Iterator[Sequence[RenderableType]]:
    """The renderables ``PIECE`` at a time; a view that lays itself out a committee at a time
    (``committee_parts``, as ``status`` does) a committee a piece: the same text, printed from the
    lines of one committee at a time (a national view holds thousands)."""
    piece: list[RenderableType] = []
    for renderable in renderables:
        parts = getattr(renderable, "committee_parts", None)
        if parts is None:
            piece.append(renderable)
            if len(piece) == PIECE:
                yield piece
                piece = []
            continue
        if piece:
            yield piece
            piece = []
        yield from parts(target.options)
    if piece:
        yield piece


def _console_settings(target: Console) -> dict[str, object]:
    """What a worker's console needs to lay out text exactly as ``target`` would."""
    return {
        "width": target.width,
        "height": target.height,
        "color_system": target.color_system,
        "force_terminal": target.is_terminal,
        "no_color": target.no_color,
        "encoding": target.encoding,
    }


class EncodedText(io.StringIO):
    """A text buffer that reports an encoding, which decides rich's box characters."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


def _render_piece(piece: tuple[dict[str, Any], list[RenderableType]]) -> str:
    from rich.console import Console, Group

    settings, renderables = piece
    settings = dict(settings)
    target = Console(
        file=EncodedText(settings.pop("encoding")),
        legacy_windows=False,
        highlight=False,
        soft_wrap=False,
        emoji=False,
        markup=False,
        **settings,
    )
    with target.capture() as capture:
        target.print(Group(*renderables))
    return capture.get()


def write_rendered(target: Output | Console, text: str) -> None:
    """Write text made by :func:`rendered` as rich would: in pieces of at most 8 192 characters.

    A single larger write to a Windows console can fail (CPython issue 82052), which rich avoids the same way.
    """
    piece: list[str] = []
    size = 0
    for line in map(guarded_view_line, text.splitlines(keepends=True)):
        if piece and size + len(line) > WRITE_LIMIT:
            target.file.write("".join(piece))
            piece, size = [], 0
        piece.append(line)
        size += len(line)
    target.file.write("".join(piece))
    target.file.flush()


def guarded_text(text: str) -> str:
    """All that :func:`write_rendered` writes of ``text``: every line through :func:`guarded_view_line`."""
    return "".join(map(guarded_view_line, text.splitlines(keepends=True)))


def guarded_view_line(line: str) -> str:
    """A line of a view that a goal text made start with ``::`` gets our mark, so CI never obeys it.

    GitHub Actions runs a line of a job's output that starts with ``::`` as a
    workflow command (``::error``, ``::stop-commands::``); a goal's title at
    the left edge of a table, or a wrapped line of it, could be one.
    """
    stripped = line.lstrip(" ")
    if not stripped.startswith("::"):
        return line
    return line[: len(line) - len(stripped)] + VIEW_LINE_MARK + stripped


VIEW_LINE_MARK = "› "


def layout_traits(target: Output | Console) -> tuple[object, ...] | None:
    """Everything that decides the text rich writes for a view on ``target``.

    None for the legacy Windows console, which rich colours through system
    calls rather than text, so that its output cannot be kept as text.
    """
    if target.legacy_windows:
        return None
    return (target.width, target.color_system, target.no_color, target.encoding, target.is_terminal)
