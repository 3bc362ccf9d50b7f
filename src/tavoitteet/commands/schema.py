"""``tavoitteet schema``: write the JSON Schema generated from the models, or check a copy."""

from __future__ import annotations

import sys
from pathlib import Path

from tavoitteet import __version__, errors
from tavoitteet.core.safetext import one_line
from tavoitteet.core.schema import SCHEMA_FILE, schema_text
from tavoitteet.files.discovery import DataNotFound, find_data_root
from tavoitteet.words.i18n import Lang


def run(output: Path | None, lang: Lang, check: bool = False) -> int:
    from tavoitteet.commands.output import cannot_write, check_target, replace_file

    target = output or _default_target()
    text = schema_text()
    if check:
        return _check(target, _read(target), text, lang)
    check_target(target, lang, what="schema")  # never through a link, never into a data folder
    shown = one_line(str(target))
    if target.is_file() and target.read_bytes() == text.encode("utf-8"):
        sys.stdout.write(f"{shown}: {'up to date' if lang == 'en' else 'ajan tasalla'}\n")
        return errors.OK
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise cannot_write(target, error, lang) from None
    replace_file(target, text.encode("utf-8"), lang, what="schema")
    sys.stdout.write(f"{shown}: {'written' if lang == 'en' else 'kirjoitettu'}\n")
    return errors.OK


# --- issue 16: --check, for CI: is the repository's copy the installed version's schema? ---------


def _check(target: Path, current: str | None, text: str, lang: Lang) -> int:
    where = one_line(str(target))
    if current == text:
        word = "up to date for" if lang == "en" else "ajan tasalla, versio"
        sys.stdout.write(f"{where}: {word} tavoitteet {__version__}\n")
        return errors.OK
    if lang == "en":
        state = "missing" if current is None else f"out of date for tavoitteet {__version__}"
        fix = "write it with: tavoitteet schema"
    else:
        state = "puuttuu" if current is None else f"vanhentunut (asennettu tavoitteet {__version__})"
        fix = "kirjoita se komennolla: tavoitteet schema"
    raise errors.UserError(f"tavoitteet: {where}: {state}; {fix}")


def _read(target: Path) -> str | None:
    """The copy as text, Windows line ends read as the same text (git may check it out so)."""
    try:
        return target.read_bytes().decode("utf-8").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return None


def _default_target() -> Path:
    try:
        return find_data_root().parent / SCHEMA_FILE
    except DataNotFound:
        return Path(SCHEMA_FILE)
