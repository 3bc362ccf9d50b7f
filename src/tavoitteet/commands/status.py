"""``tavoitteet status [YEAR]``: where each goal of a year stands, as tables or JSON.

The printed text is kept (:func:`terminal.print_cached`): asked again with the
same files, arguments, day and terminal (width, colours), it is written again
without loading the models.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.console import RenderableType

from tavoitteet.commands import terminal, viewing
from tavoitteet.words.i18n import Lang


def run(
    year: int | None,
    filters: viewing.Filters,
    as_of: str | None,
    as_json: bool,
    lang: Lang,
    data: Path | None = None,
) -> int:
    def view(root: Path, today: date, width: int) -> str | list[RenderableType]:
        result = viewing.evaluated_year(year, filters, as_of, lang, root, today)
        if as_json:
            from tavoitteet.render.json_views import status_json

            return status_json(result, lang, filters.as_dict())
        from tavoitteet.render.status import status_view

        return status_view(result, lang, width)

    terminal.print_cached("status", (year, filters, as_of), data, lang, as_json, view)
    return 0
