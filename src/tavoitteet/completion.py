"""Shell completion of values from the data folder: years, committees, areas, spearheads and ids.

Typer completes commands and options itself (``tavoitteet --install-completion``
for bash, zsh, fish and PowerShell); these functions add the values.  They read
the goal files with the YAML reader alone (no models, no pydantic) so that a
Tab stays fast, and they never fail: a broken file or a missing data folder
just completes nothing.  Values are offered only where they are one line of
printable text, since each is written back to the user's command line.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

STATUSES = (
    "toteutunut",
    "osittain toteutunut",
    "ei toteutunut",
    "kesken",
    "ei arvioitu",
    "ei sovellu",
    "raportoitu",
)
LANGS = ("fi", "en")
REPORT_LANGS = ("fi", "en", "sv")


def _context_value(ctx: Any, name: str) -> Any:
    params = getattr(ctx, "params", None) or {}
    return params.get(name)


def _data_root(ctx: Any) -> Path | None:
    from tavoitteet.files.discovery import DataNotFound, find_data_root

    given = _context_value(ctx, "data")
    if given is not None:
        return Path(given)
    try:
        return find_data_root()
    except (DataNotFound, OSError):
        return None


def _year_files(ctx: Any) -> dict[int, list[Path]]:
    from tavoitteet.files.discovery import year_files

    root = _data_root(ctx)
    if root is None:
        return {}
    try:
        return year_files(root)
    except OSError:
        return {}


def _documents(ctx: Any) -> Iterator[dict[str, Any]]:
    """The plain data of the goal files of the year on the command line (else of every year)."""
    from tavoitteet.files.yamlread import read_file

    files = _year_files(ctx)
    year = _context_value(ctx, "year")
    if year is None:  # a positional year is still among the unparsed words while completing
        year = next(
            (int(w) for w in getattr(ctx, "args", None) or [] if str(w).isdigit() and len(w) == 4), None
        )
    chosen = (
        files.get(year, [])
        if isinstance(year, int) and year in files
        else [p for ps in files.values() for p in ps]
    )
    for path in chosen:
        result = read_file(path)
        if result.document is not None and isinstance(result.document.data, dict):
            yield result.document.data


def _items(data: Any, key: str) -> list[dict[str, Any]]:
    value = data.get(key) if isinstance(data, dict) else None
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _offer(values: Iterator[str] | list[str] | tuple[str, ...], incomplete: str) -> list[str]:
    """The values that begin with ``incomplete``, in any case: ``hyv`` completes to
    ``hyvinvointilautakunta``, keeping what was typed (the filters match names in any case)."""
    seen: dict[str, None] = {}
    wanted = incomplete.casefold()
    for value in values:
        one_line = isinstance(value, str) and value.isprintable() and value == " ".join(value.split())
        if one_line and value and value.casefold().startswith(wanted):
            offered = value if value.startswith(incomplete) else incomplete + value[len(incomplete) :]
            seen.setdefault(offered, None)
    return list(seen)


def years(ctx: Any, incomplete: str) -> list[str]:
    return _offer([str(year) for year in sorted(_year_files(ctx), reverse=True)], incomplete)


def committees(ctx: Any, incomplete: str) -> list[str]:
    return _offer((str(d.get("lautakunta") or "") for d in _documents(ctx)), incomplete)


def areas(ctx: Any, incomplete: str) -> list[str]:
    return _offer(
        (str(a.get("id") or "") for d in _documents(ctx) for a in _items(d, "tehtäväalueet")), incomplete
    )


def spearheads(ctx: Any, incomplete: str) -> list[str]:
    return _offer(
        (str(s.get("id") or "") for d in _documents(ctx) for s in _items(d, "strategiakärjet")), incomplete
    )


def _goals(ctx: Any) -> Iterator[dict[str, Any]]:
    for document in _documents(ctx):
        for area in _items(document, "tehtäväalueet"):
            yield from _items(area, "tavoitteet")


def _indicators(goal: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from _items(goal, "mittarit")
    for action in _items(goal, "teot"):
        yield from _items(action, "mittarit")


def indicator_ids(ctx: Any, incomplete: str) -> list[str]:
    return _offer((str(i.get("id") or "") for g in _goals(ctx) for i in _indicators(g)), incomplete)


def goal_and_indicator_ids(ctx: Any, incomplete: str) -> list[str]:
    def ids() -> Iterator[str]:
        for goal in _goals(ctx):
            yield str(goal.get("id") or "")
            yield from (str(i.get("id") or "") for i in _indicators(goal))

    return _offer(ids(), incomplete)


def statuses(incomplete: str) -> list[str]:
    return _offer(STATUSES, incomplete)


def langs(incomplete: str) -> list[str]:
    return _offer(LANGS, incomplete)


def report_langs(incomplete: str) -> list[str]:
    return _offer(REPORT_LANGS, incomplete)
