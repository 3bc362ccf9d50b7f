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
from typing import IO, Any

from rich.console import Console, Group, RenderableType

from tavoitteet.commands.viewing import data_root, input_files
from tavoitteet.files import parallel, replay, viewcache
from tavoitteet.words.i18n import Lang

WRITE_LIMIT = 32 * 1024 // 4
"""rich's limit per write: 32 KiB, with every character counted as four bytes of UTF-8"""


def console(file: IO[str] | None = None) -> Console:
    """The console for stdout: the terminal's width (COLUMNS when set), no colour when piped or NO_COLOR.

    Markup is off: every string a view hands to rich (a goal's title, a
    target, a comment) is text, so ``[/]`` or ``[huom]`` in a file prints as
    written instead of crashing the view or vanishing.
    """
    return Console(file=file, highlight=False, soft_wrap=False, emoji=False, markup=False)


def print_view(renderables: list[RenderableType]) -> None:
    """Print a view's renderables one below the other on stdout (as :func:`write_rendered` writes them)."""
    output = console()
    if layout_traits(output) is None:  # the legacy Windows console colours through system calls
        output.print(Group(*renderables))
        return
    write_rendered(output, rendered(output, renderables))


View = Callable[[Path, date, int], "str | list[RenderableType]"]
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
    output = console()
    traits = None if as_json else layout_traits(output)
    if traits is None and not as_json:  # a console that is not written as text: printed, never kept
        made = view(root, today, output.width)
        output.print(made if isinstance(made, str) else Group(*made))
        return

    def text() -> str:
        made = view(root, today, output.width)
        return made if isinstance(made, str) else rendered(output, made)

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


def page(target: Console, text: str) -> bool:
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


RENDER_PARALLEL_FROM = 600
"""renderables (about a hundred committees' tables) from which they are laid out in worker processes"""
PIECE = RENDER_PARALLEL_FROM // 2
"""renderables laid out at a time in one process: the pieces joined are the same text, as the workers' are"""


def rendered(target: Console, renderables: list[RenderableType]) -> str:
    """The text (with colour codes, if any) that printing the renderables on ``target`` writes.

    A large view (a national corpus) is laid out in pieces by worker processes,
    each on a console like ``target``; the pieces joined are the same text.
    """
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


class _Text(io.StringIO):
    """A text buffer that reports an encoding, which decides rich's box characters."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


def _render_piece(piece: tuple[dict[str, Any], list[RenderableType]]) -> str:
    settings, renderables = piece
    settings = dict(settings)
    target = Console(
        file=_Text(settings.pop("encoding")),
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


def write_rendered(target: Console, text: str) -> None:
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


def layout_traits(target: Console) -> tuple[object, ...] | None:
    """Everything that decides the text rich writes for a view on ``target``.

    None for the legacy Windows console, which rich colours through system
    calls rather than text, so that its output cannot be kept as text.
    """
    if target.legacy_windows:
        return None
    return (target.width, target.color_system, target.no_color, target.encoding, target.is_terminal)
