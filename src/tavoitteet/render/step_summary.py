"""The short Markdown summary ``validate --format github`` adds to a GitHub Actions run's page.

GitHub renders ``$GITHUB_STEP_SUMMARY`` as Markdown with HTML, so every text
from a goal file is escaped: a committee named ``<b>|x`` prints as itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tavoitteet.words.i18n import Lang

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&])")


@dataclass(frozen=True)
class FileLine:
    file: str
    committee: str | None
    goals: int
    indicators: int
    problems: int


def escape(text: str) -> str:
    """Text that Markdown and HTML show as written, on one line."""
    one_line = " ".join(text.split())
    return _SPECIAL.sub(r"\\\1", one_line)


def render(lines: Sequence[FileLine], verdict: str, lang: Lang) -> str:
    if lang == "en":
        head = ["## Goal files checked", "", "| File | Committee | Goals | Indicators | Errors |"]
        ok, bad = "✅ no errors", "❌ {n}"
    else:
        head = [
            "## Tavoitetiedostojen tarkistus",
            "",
            "| Tiedosto | Lautakunta | Tavoitteita | Mittareita | Virheitä |",
        ]
        ok, bad = "✅ ei virheitä", "❌ {n}"
    rows = [
        f"| {escape(line.file)} | {escape(line.committee or '–')} | {line.goals} | {line.indicators} | "
        f"{bad.format(n=line.problems) if line.problems else ok} |"
        for line in lines
    ]
    return "\n".join([*head, "|---|---|--:|--:|---|", *rows, "", f"**{escape(verdict.strip())}**", ""]) + "\n"
