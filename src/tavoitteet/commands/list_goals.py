"""``tavoitteet list [YEAR]``: every goal and indicator with its id, for ``show`` and ``record``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tavoitteet.commands import terminal, viewing
from tavoitteet.words.i18n import Lang

if TYPE_CHECKING:
    from tavoitteet.render.styled import Layout


def run(
    year: int | None,
    filters: viewing.Filters,
    as_of: str | None,
    as_json: bool,
    lang: Lang,
    data: Path | None = None,
    no_pager: bool = False,
) -> int:
    def view(root: Path, today: date, _width: int) -> str | list[Layout]:
        result = viewing.evaluated_year(year, filters, as_of, lang, root, today)
        if as_json:
            from tavoitteet.render.json_views import list_json

            return list_json(result, lang, filters.as_dict())
        from tavoitteet.render.status import list_view

        return list_view(result, lang)

    terminal.print_cached("list", (year, filters, as_of), data, lang, as_json, view, pager=not no_pager)
    return 0
