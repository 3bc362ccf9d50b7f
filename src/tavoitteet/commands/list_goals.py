"""``tavoitteet list [YEAR]``: every goal and indicator with its id, for ``show`` and ``record``."""

from __future__ import annotations

import sys
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
    result = viewing.evaluated_year(year, filters, as_of, lang, data)
    if as_json:
        sys.stdout.write(list_json(result, lang, filters.as_dict()))
        return 0
    viewing.print_view(list_view(result, lang))
    return 0
