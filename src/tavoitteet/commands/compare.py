"""``tavoitteet compare YEAR_A YEAR_B``: what continues, what is new and what was dropped."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from tavoitteet.commands import terminal, viewing
from tavoitteet.core.compare import compare_years
from tavoitteet.render.compare_views import compare_json, compare_view
from tavoitteet.words.i18n import Lang


def run(
    year_a: int,
    year_b: int,
    committee: str | None,
    as_json: bool,
    lang: Lang,
    data: Path | None = None,
    municipality: str | None = None,
) -> int:
    today = date.today()
    root = viewing.data_root(data, lang)
    if year_a > year_b:  # ``compare 2024 2021``: the earlier year comes first, and the user is told
        year_a, year_b = year_b, year_a
        sys.stderr.write(
            f"tavoitteet: compared {year_a} (earlier) with {year_b} (later).\n"
            if lang == "en"
            else f"tavoitteet: vuodet vaihdettiin järjestykseen: {year_a} (aiempi) ja {year_b} (myöhempi).\n"
        )
    filters = viewing.Filters(committee=committee, municipality=municipality)
    a, b = (
        viewing.apply_filters(
            viewing.evaluate(viewing.load_year(root, year, today, lang, committee), today), filters, lang
        )
        for year in (year_a, year_b)
    )
    comparison = compare_years(a, b)
    if as_json:
        sys.stdout.write(compare_json(comparison, lang))
        return 0
    terminal.print_view(list(compare_view(comparison, lang)))
    return 0
