"""``tavoitteet list [YEAR]``: every goal and indicator with its id, for ``show`` and ``record``."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from tavoitteet.commands import viewing
from tavoitteet.i18n import Lang
from tavoitteet.render.json_views import list_json
from tavoitteet.render.status import list_view


def run(
    year: int | None,
    filters: viewing.Filters,
    as_of: str | None,
    as_json: bool,
    lang: Lang,
    data: Path | None = None,
) -> int:
    today = date.today()
    data_year = viewing.load_year(viewing.data_root(data, lang), year, today, lang)
    result = viewing.apply_filters(
        viewing.evaluate(data_year, viewing.parse_as_of(as_of, today, lang)), filters, lang
    )
    if as_json:
        sys.stdout.write(list_json(result, lang, filters.as_dict()))
        return 0
    viewing.print_view(list_view(result, lang))
    return 0
