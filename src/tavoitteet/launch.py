"""Where the ``tavoitteet`` command starts: the top-level ``--help`` without loading Typer.

Importing Typer and Click is most of the start-up time of every command.  The
top-level help depends on nothing but the commands' declarations, so its text
at the usual width is kept in :mod:`tavoitteet.helptext` and printed directly;
``tests/test_launch.py`` fails whenever it differs from what Typer prints, and
``UPDATE_GOLDEN=1`` writes it again.  Everything else, including help on a
narrower terminal, goes to :mod:`tavoitteet.cli`.
"""

from __future__ import annotations

import os
import sys

STORED_WIDTH = 80
"""Click wraps help at the terminal's width up to 80 columns; the stored text is for 80 or more."""


def main() -> None:
    if sys.argv[1:] == ["--help"] and terminal_columns() >= STORED_WIDTH:
        sys.stdout.write(stored_help(program_name()))
        sys.stdout.flush()
        return
    if "_TAVOITTEET_COMPLETE" in os.environ:  # a Tab: values come without Typer (completion.py)
        from tavoitteet.completion import fast_complete

        answer = fast_complete(os.environ)
        if answer is not None:
            sys.stdout.write(answer[0])
            sys.stdout.flush()
            raise SystemExit(answer[1])
    from tavoitteet.cli import main as run_cli

    run_cli()


def stored_help(program: str) -> str:
    from tavoitteet.helptext import AFTER_PROGRAM

    return f"Usage: {program}{AFTER_PROGRAM}"


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
