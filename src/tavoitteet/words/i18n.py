"""Language of the user interface: Finnish by default, English on request.

Messages live in catalogs (plain dicts: key -> {"fi": ..., "en": ...}) next to the
code that uses them; :func:`translate` fills a message's ``{placeholders}``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

Lang = Literal["fi", "en"]
LANGS: tuple[Lang, ...] = ("fi", "en")
ReportLang = Literal["fi", "en", "sv"]
"""The reports' languages: Swedish as well, as bilingual municipalities publish in both national languages."""
Catalog = Mapping[str, Mapping[str, str]]


def detect_lang(explicit: str | None = None) -> Lang:
    """``--lang`` if given, else TAVOITTEET_LANG, else the locale; Finnish otherwise."""
    for candidate in (explicit, os.environ.get("TAVOITTEET_LANG"), _locale_language()):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in LANGS:
                return "en" if code == "en" else "fi"
            if candidate is explicit:
                return "fi"
    return "fi"


def _locale_language() -> str | None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return value
    return None


def translate(catalog: Catalog, key: str, lang: ReportLang, args: Mapping[str, object] | None = None) -> str:
    """The message ``key`` in ``lang`` with ``args`` filled in; the key itself if unknown."""
    entry = catalog.get(key)
    if entry is None:
        return key
    template = entry.get(lang) or entry["fi"]
    try:
        return template.format(**(args or {}))
    except (KeyError, IndexError):
        return template


def counted(count: int, one: str, many: str) -> str:
    """``1 kirjaus``, ``3 kirjausta`` (``1 entry``, ``3 entries``): the count with its word in the right form."""
    return f"{count} {one if count == 1 else many}"
