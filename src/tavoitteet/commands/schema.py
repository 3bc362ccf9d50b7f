"""``tavoitteet schema``: write the JSON Schema generated from the models, or check a copy."""

from __future__ import annotations

import sys
from pathlib import Path

from tavoitteet import __version__, errors
from tavoitteet.core.schema import SCHEMA_FILE, schema_text
from tavoitteet.files.discovery import DataNotFound, find_data_root
from tavoitteet.render.problems import display_path
from tavoitteet.words.i18n import Lang


def run(output: Path | None, lang: Lang, check: bool = False) -> int:
    target = output or _default_target()
    text = schema_text()
    current = _read(target)
    if check:
        return _check(target, current, text, lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    if current == text:
        sys.stdout.write(f"{target}: {'up to date' if lang == 'en' else 'ajan tasalla'}\n")
        return errors.OK
    target.write_text(text, encoding="utf-8", newline="\n")
    sys.stdout.write(f"{target}: {'written' if lang == 'en' else 'kirjoitettu'}\n")
    return errors.OK


def _check(target: Path, current: str | None, text: str, lang: Lang) -> int:
    where = display_path(target)
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
    try:
        return target.read_bytes().decode("utf-8").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return None


def _default_target() -> Path:
    try:
        return find_data_root().parent / SCHEMA_FILE
    except DataNotFound:
        return Path(SCHEMA_FILE)
