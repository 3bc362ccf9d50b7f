"""``tavoitteet status [YEAR]``: where each goal of a year stands, as tables or JSON.

The printed text is kept in :mod:`tavoitteet.viewcache`: asked again with the
same files, arguments, day and terminal (width, colours), it is written again
without loading the models.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.console import Group, RenderableType

from tavoitteet import viewcache
from tavoitteet.commands import viewing
from tavoitteet.i18n import Lang


def run(
    year: int | None,
    filters: viewing.Filters,
    as_of: str | None,
    as_json: bool,
    lang: Lang,
    data: Path | None = None,
) -> int:
    root = viewing.data_root(data, lang)
    today = date.today()
    output = viewing.console()

    def tables() -> list[RenderableType]:
        from tavoitteet.render.status import status_view

        return status_view(
            viewing.evaluated_year(year, filters, as_of, lang, root, today), lang, output.width
        )

    def json_text() -> str:
        from tavoitteet.render.json_views import status_json

        return status_json(
            viewing.evaluated_year(year, filters, as_of, lang, root, today), lang, filters.as_dict()
        )

    traits = viewing.layout_traits(output)
    if not as_json and traits is None:
        output.print(Group(*tables()))
        return 0
    folder = root.resolve()
    arguments = (folder, year, filters, as_of, as_json, lang, today, None if as_json else traits)
    text = viewcache.cached(
        "status",
        arguments,
        viewing.input_files(folder),
        json_text if as_json else lambda: viewing.rendered(output, tables()),
    )
    viewing.write_rendered(output, text)
    return 0
