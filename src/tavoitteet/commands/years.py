"""``tavoitteet years``: which years and committees have goal files."""

from __future__ import annotations

import sys
from pathlib import Path

from tavoitteet.commands import terminal, viewing
from tavoitteet.files.discovery import year_files
from tavoitteet.files.loader import load_file
from tavoitteet.render.json_views import years_json
from tavoitteet.render.problems import display_path
from tavoitteet.render.status import years_view
from tavoitteet.words.i18n import Lang


def committee_name(path: Path) -> str:
    """The committee a file names (with its municipality when named), or the file's name when it does not load."""
    goal_file = load_file(path).goal_file
    if goal_file is None:
        return path.stem
    return (
        f"{goal_file.committee} ({goal_file.municipality})" if goal_file.municipality else goal_file.committee
    )


def run(as_json: bool, lang: Lang, data: Path | None = None) -> int:
    root = viewing.data_root(data, lang)
    index = {
        year: [(committee_name(path), Path(display_path(path))) for path in paths]
        for year, paths in year_files(root).items()
    }
    if as_json:
        sys.stdout.write(years_json(index))
        return 0
    terminal.print_view([years_view(index, lang)])
    return 0
