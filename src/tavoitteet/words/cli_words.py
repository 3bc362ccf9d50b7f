"""The words of the help pages: our help texts in both languages, and Click's own words in Finnish.

Help texts in ``cli.py`` are written as ``fi_en("Finnish", "English")``: the
call returns the Finnish text, which Typer and Click keep as the help, and
remembers the English one.  When a page is printed in English,
:mod:`tavoitteet.usage` puts the English text in its place.  Metavars
(``VUOSI``/``YEAR``) and command help are declared the same way, so a page is
always in one language.
"""

from __future__ import annotations

import inspect

ENGLISH: dict[str, str] = {}
"""Finnish help text (as Click keeps it, ``inspect.cleandoc``-ed) -> its English text."""


def fi_en(finnish: str, english: str) -> str:
    """A help text in Finnish, with its English translation registered for English pages."""
    ENGLISH[inspect.cleandoc(finnish)] = inspect.cleandoc(english)
    return finnish


def in_english(text: str | None) -> str | None:
    """The English text of a Finnish help text registered with :func:`fi_en` (else the text itself)."""
    if text is None:
        return None
    return ENGLISH.get(inspect.cleandoc(text), text)


CLICK_FINNISH: dict[str, str] = {
    "Usage: ": "Käyttö: ",
    "Options": "Valinnat",
    "Arguments": "Argumentit",
    "Commands": "Komennot",
    "Show this message and exit.": "Näytä tämä ohje ja lopeta.",
    "default": "oletus",
    "required": "pakollinen",
    "[OPTIONS]": "[VALINNAT]",
    "COMMAND [ARGS]...": "KOMENTO [ARGUMENTIT]...",
}
"""Click's and Typer's own words on a help page, in Finnish."""

TYPE_METAVARS: dict[str, tuple[str, str]] = {
    "str": ("TEKSTI", "TEXT"),
    "int": ("LUKU", "NUMBER"),
    "path": ("POLKU", "PATH"),
    "float": ("LUKU", "NUMBER"),
    "choice": ("VALINTA", "CHOICE"),
}
"""Placeholders for an option declared without its own metavar, by Click's type name."""
