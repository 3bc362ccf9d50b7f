"""``tavoitteet status [YEAR]``: where each goal of a year stands, as tables or JSON.

The printed text is kept (:func:`terminal.print_cached`): asked again with the
same files, arguments, day and terminal (width, colours), it is written again
without loading the models.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tavoitteet import errors
from tavoitteet.commands import terminal, viewing
from tavoitteet.words.i18n import Lang

if TYPE_CHECKING:
    from rich.console import RenderableType

    from tavoitteet.render.styled import Layout

DEPTHS = {
    "committee": "committee",
    "lautakunta": "committee",
    "area": "area",
    "tehtäväalue": "area",
    "alue": "area",
    "goal": "goal",
    "tavoite": "goal",
    "indicator": "indicator",
    "mittari": "indicator",
}
"""``--depth`` in English or Finnish"""


def parse_depth(text: str, lang: Lang) -> str:
    """The depth's English name (``committee`` …), or a usage error naming the closest one."""
    found = DEPTHS.get(text.strip().casefold())
    if found is None:
        hint = viewing.suggestion(text, list(DEPTHS), lang)
        allowed = "committee, area, goal, indicator"
        raise errors.UserError(
            f"tavoitteet: --depth {text!r}:{hint} "
            + (
                f"Choose {allowed}."
                if lang == "en"
                else f"Valitse {allowed} (tai lautakunta, alue, tavoite, mittari)."
            ),
            errors.USAGE,
        )
    return found


def run(
    year: int | None,
    filters: viewing.Filters,
    as_of: str | None,
    as_json: bool,
    lang: Lang,
    data: Path | None = None,
    depth: str = "indicator",
    no_pager: bool = False,
) -> int:
    def view(root: Path, today: date, width: int) -> str | list[RenderableType] | list[Layout]:
        result = viewing.evaluated_year(year, filters, as_of, lang, root, today)
        if as_json:
            from tavoitteet.render.json_views import status_json

            return status_json(result, lang, filters.as_dict())
        from tavoitteet.render.status import Depth, status_view

        return status_view(result, lang, Depth(depth))

    key = (year, filters, as_of, depth)
    terminal.print_cached("status", key, data, lang, as_json, view, pager=not no_pager)
    return 0
