"""``tavoitteet schema``: write the JSON Schema generated from the models."""

from __future__ import annotations

import sys
from pathlib import Path

from tavoitteet import errors
from tavoitteet.core.schema import SCHEMA_FILE, schema_text
from tavoitteet.files.discovery import DataNotFound, find_data_root
from tavoitteet.words.i18n import Lang


def run(output: Path | None, lang: Lang) -> int:
    target = output or _default_target()
    text = schema_text()
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists() and target.read_text(encoding="utf-8") == text:
        sys.stdout.write(f"{target}: {'up to date' if lang == 'en' else 'ajan tasalla'}\n")
        return errors.OK
    target.write_text(text, encoding="utf-8", newline="\n")
    sys.stdout.write(f"{target}: {'written' if lang == 'en' else 'kirjoitettu'}\n")
    return errors.OK


def _default_target() -> Path:
    try:
        return find_data_root().parent / SCHEMA_FILE
    except DataNotFound:
        return Path(SCHEMA_FILE)
