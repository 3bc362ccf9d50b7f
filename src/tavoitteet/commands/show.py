"""``tavoitteet show ID``: one goal or indicator in full: texts, links, history, status and why."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tavoitteet import errors
from tavoitteet.commands import terminal, viewing
from tavoitteet.words.i18n import Lang

if TYPE_CHECKING:
    from tavoitteet.render.show import Found
    from tavoitteet.render.styled import Layout


def run(
    item_id: str,
    year: int | None,
    committee: str | None,
    as_of: str | None,
    as_json: bool,
    lang: Lang,
    data: Path | None = None,
    municipality: str | None = None,
    no_pager: bool = False,
) -> int:
    def view(root: Path, today: date, _width: int) -> str | list[Layout]:
        from tavoitteet.render.show import all_ids, find, show_view

        filters = viewing.Filters(committee=committee, municipality=municipality)
        result = viewing.evaluated_year(year, filters, as_of, lang, root, today)
        found = _one(find(result, item_id.strip()), item_id, result.year, lang, all_ids(result))
        if as_json:
            from tavoitteet.render.json_views import show_json

            only = found.indicator.indicator.id if found.indicator else None
            return show_json(result, found.goal, found.file.goal_file, found.area, lang, only)
        return show_view(found, lang)

    key = (item_id, year, committee, as_of, municipality)
    terminal.print_cached("show", key, data, lang, as_json, view, pager=not no_pager)
    return 0


def _one(found: list[Found], item_id: str, year: int, lang: Lang, ids: list[str]) -> Found:
    if len(found) == 1:
        return found[0]
    if not found:
        hint = viewing.suggestion(item_id, ids, lang)
        message = {
            "fi": f"tavoitteet: tunnusta {item_id!r} ei löydy vuodelta {year}.{hint} Tunnukset näkyvät komennolla: tavoitteet list {year}",
            "en": f"tavoitteet: no id {item_id!r} in {year}.{hint} List the ids with: tavoitteet list {year}",
        }
        raise errors.UserError(message[lang])
    from tavoitteet.commands.recordfind import committee_label

    where = ", ".join(committee_label(f.file.goal_file) for f in found)
    message = {
        "fi": f"tavoitteet: tunnus {item_id!r} löytyy usealta lautakunnalta ({where}); rajaa valinnalla --committee.",
        "en": f"tavoitteet: the id {item_id!r} is in several committees ({where}); choose one with --committee.",
    }
    raise errors.UserError(message[lang], errors.USAGE)
