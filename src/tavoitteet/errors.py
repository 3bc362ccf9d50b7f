"""The one place that turns failures into exit codes.

0 clean, 1 problems found, 2 usage error, 3 internal error (a bug), 130 Ctrl-C.
An unexpected exception never reaches the terminal as a traceback: it is
written to a log file and the user is told where.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from tavoitteet.core.safetext import escape_controls, one_line
from tavoitteet.words.i18n import Lang, detect_lang

OK = 0
PROBLEMS = 1
USAGE = 2
BUG = 3
INTERRUPTED = 130


class UserError(Exception):
    """A failure the user can fix; ``message`` is already in the user's language."""

    def __init__(self, message: str, exit_code: int = PROBLEMS) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


def log_folder() -> Path:
    """A private folder for crash logs: TAVOITTEET_LOG_DIR, else the user's state folder.

    Never the shared temporary folder, where another user could plant a link
    at a predictable name to redirect the log.
    """
    if override := os.environ.get("TAVOITTEET_LOG_DIR"):
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "tavoitteet" / "Logs"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / "tavoitteet"
    return Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state") / "tavoitteet"


def bug_log_path() -> Path:
    return log_folder() / f"tavoitteet-virhe-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.log"


def write_bug_log(details: str) -> Path:
    """Write the details to a new file only the user can read: created exclusively, never through a link."""
    log = bug_log_path()
    log.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for attempt in range(100):
        candidate = log if attempt == 0 else log.with_name(f"{log.stem}-{attempt}{log.suffix}")
        try:
            handle = os.open(candidate, flags, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace") as stream:
            stream.write(details)
        return candidate
    raise FileExistsError(str(log))


def _report_bug(lang: Lang) -> int:
    import traceback  # only for a bug: nothing else of a command imports it (issue 19)

    details = traceback.format_exc()
    try:
        where = str(write_bug_log(details))
    except OSError:
        where = "-"
    if lang == "en":
        text = f"tavoitteet: internal error. This is a bug; please report it. Details: {where}\n"
    else:
        text = f"tavoitteet: sisäinen virhe. Tämä on ohjelmavirhe; ilmoita siitä ylläpitäjille. Tiedot: {where}\n"
    sys.stderr.write(one_line(text.rstrip("\n")) + "\n")
    return BUG


ASCII_FALLBACKS = {
    "→": "->", "←": "<-", "•": "-", "…": "...", "–": "-", "—": "-", "·": "-", "─": "-", "│": "|",
    "≥": ">=", "≤": "<=", "”": '"', "“": '"', "×": "x", "¹": "1", "²": "2", "³": "3", "\u00a0": " ", "\u202f": " ",
}  # fmt: skip
"""What a symbol prints as where the console's code page (cp1252, cp850) lacks it."""


def _ascii_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    return "".join(ASCII_FALLBACKS.get(c, "?") for c in text), error.end


def _tolerant_output() -> None:
    """Characters the terminal's encoding lacks print as their ASCII fallback (else '?') instead of failing.

    Output redirected to a file or a pipe on Windows is cp1252, which has no
    '→' or emoji: without this, a record already saved would end in a crash.
    """
    import codecs

    codecs.register_error("tavoitteet-ascii", _ascii_fallback)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = (getattr(stream, "encoding", "") or "").lower()
        if reconfigure is not None:
            # Symbols fall back to ASCII on a legacy code page; a byte of a file name or an argument
            # that is not UTF-8 prints escaped, never as a crash.
            reconfigure(
                errors="tavoitteet-ascii" if encoding not in ("utf-8", "utf8") else "backslashreplace"
            )


def guarded(action: Callable[[], int], lang: str | None = None) -> NoReturn:
    """Run a command body and exit with its code, mapping every failure to an exit code."""
    language = detect_lang(lang)
    _tolerant_output()
    try:
        code = action()
    except UserError as error:
        sys.stderr.write(escape_controls(error.message.rstrip("\n")) + "\n")
        code = error.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("\n" + ("Keskeytetty." if language == "fi" else "Interrupted.") + "\n")
        code = INTERRUPTED
    except BrokenPipeError:
        code = OK
    except Exception:
        code = _report_bug(language)
    raise SystemExit(code)
