"""Where the ``tavoitteet`` command starts: the top-level ``--help`` and ``--version`` without loading Typer.

Importing Typer and Click is most of the start-up time of every command.  The
top-level help depends on nothing but the commands' declarations, so its text
at the usual width, in Finnish and in English, is kept in
:mod:`tavoitteet.helptext` and printed directly; ``tests/test_launch.py``
fails whenever it differs from what Typer prints, and ``UPDATE_GOLDEN=1``
writes it again.  Everything else, including help on a narrower terminal,
goes to :mod:`tavoitteet.cli`.
"""

from __future__ import annotations

import os
import sys

STORED_WIDTH = 80
"""Click wraps help at the terminal's width up to 80 columns; the stored text is for 80 or more."""


def main() -> None:
    if "_TAVOITTEET_COMPLETE" in os.environ:  # a Tab: values come without Typer (completion.py)
        from tavoitteet.completion import fast_complete

        answer = fast_complete(os.environ)
        if answer is not None:
            sys.stdout.write(answer[0])
            sys.stdout.flush()
            raise SystemExit(answer[1])
    args, explicit = _without_lang(sys.argv[1:])
    if args in (["--help"], ["--version"]) and explicit in (None, "fi", "en"):
        if args == ["--version"]:
            from tavoitteet import __version__

            sys.stdout.write(f"tavoitteet {__version__}\n")
            sys.stdout.flush()
            return
        if terminal_columns() >= STORED_WIDTH:
            from tavoitteet.words.i18n import detect_lang

            sys.stdout.write(stored_help(program_name(), detect_lang(explicit)))
            sys.stdout.flush()
            return
    if _replayed(sys.argv[1:]):
        return
    # issue 19: the everyday command lines parsed without Typer (fastcli.py); anything else goes on
    from tavoitteet import fastcli

    try:
        fastcli.run(sys.argv[1:])  # exits when it ran the command
    except BaseException:
        _skip_final_collection()
        raise
    from tavoitteet.cli import main as run_cli
    from tavoitteet.files import replay

    if not replay.help_pending():
        try:
            run_cli()
        finally:
            _skip_final_collection()
        return
    recorder = replay.Recorder(sys.stdout)
    sys.stdout = recorder
    try:
        run_cli()
    except SystemExit as stop:
        if stop.code in (0, None):
            replay.remember_help(recorder)
        raise
    finally:
        sys.stdout = recorder.stream


def _skip_final_collection() -> None:
    """Leave what the command built to the operating system instead of the garbage collector.

    The process ends right after the command.  On its way out the interpreter
    would collect every object the command made (the models, the modules of
    pydantic, Typer and rich): a tenth or more of a short command's time, for
    nothing.  Frozen objects are left out of that collection; files are still
    closed and buffers flushed as usual.
    """
    import gc

    gc.freeze()


def _replayed(arguments: list[str]) -> bool:
    """A view asked again as before on unchanged files, written without Typer or rich (:mod:`.files.replay`)."""
    from tavoitteet.files import replay

    try:
        return replay.answer(arguments)
    except OSError as error:  # writing the text failed (a full disk behind a redirection)
        sys.stderr.write(f"tavoitteet: {error}\n")
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        from tavoitteet.words.i18n import detect_lang

        sys.stderr.write("\nInterrupted.\n" if detect_lang() == "en" else "\nKeskeytetty.\n")
        raise SystemExit(130) from None


def _without_lang(args: list[str]) -> tuple[list[str], str | None]:
    """The arguments without ``--lang X`` (or ``--lang=X``), and X."""
    rest: list[str] = []
    explicit = None
    items = iter(args)
    for arg in items:
        if arg == "--lang":
            explicit = next(items, "")
        elif arg.startswith("--lang="):
            explicit = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    return rest, explicit


def stored_help(program: str, lang: str = "fi") -> str:
    from tavoitteet.helptext import AFTER_PROGRAM, USAGE

    return f"{USAGE[lang]}{program}{AFTER_PROGRAM[lang]}"


def terminal_columns() -> int:
    """The width Click's help formatter sees: ``COLUMNS``, else the terminal's, else 80 (as shutil)."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


def program_name() -> str:
    """The program as Click names it in the usage line: the script's name, or ``python -m tavoitteet``."""
    main_module = sys.modules["__main__"]
    path = sys.argv[0]
    package = getattr(main_module, "__package__", None)
    if package in (None, "") or (
        os.name == "nt" and package == "" and not os.path.exists(path) and os.path.exists(f"{path}.exe")
    ):
        return os.path.basename(path)
    name = os.path.splitext(os.path.basename(path))[0]
    module = package if name == "__main__" else f"{package}.{name}"
    return f"python -m {module.lstrip('.')}"
