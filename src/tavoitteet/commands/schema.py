"""``tavoitteet schema``: write the JSON Schema generated from the models."""

from __future__ import annotations

import sys
from pathlib import Path

from tavoitteet import errors
from tavoitteet.core.safetext import one_line
from tavoitteet.core.schema import SCHEMA_FILE, schema_text
from tavoitteet.files.discovery import DataNotFound, find_data_root
from tavoitteet.words.i18n import Lang


def run(output: Path | None, lang: Lang) -> int:
    from tavoitteet.commands.output import cannot_write, check_target, replace_file

    target = output or _default_target()
    text = schema_text()
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


def _default_target() -> Path:
    try:
        return find_data_root().parent / SCHEMA_FILE
    except DataNotFound:
        return Path(SCHEMA_FILE)
