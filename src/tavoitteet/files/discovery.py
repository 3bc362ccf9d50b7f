"""Finding goal files: the repository's data folder, years and committees."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

DATA_DIR = "data"
YEAR_DIR = re.compile(r"^[0-9]{4}$")
SUFFIXES = (".yaml", ".yml")


class DataNotFound(Exception):
    """No data folder was found from the current folder upwards."""

    def __init__(self, start: Path) -> None:
        super().__init__(str(start))
        self.start = start


def find_data_root(start: Path | None = None) -> Path:
    """The ``data/`` folder of the repository the user stands in.

    TAVOITTEET_DATA overrides the search; otherwise the folders from ``start``
    upwards are searched for a ``data/`` folder that holds year folders.
    """
    if override := os.environ.get("TAVOITTEET_DATA"):
        return Path(override)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if folder.name == DATA_DIR and _has_year_folders(folder):
            return folder
        candidate = folder / DATA_DIR
        if candidate.is_dir() and _has_year_folders(candidate):
            return candidate
    raise DataNotFound(here)


def _has_year_folders(folder: Path) -> bool:
    try:
        return any(child.is_dir() and YEAR_DIR.match(child.name) for child in folder.iterdir())
    except OSError:
        return False


def goal_files(paths: Iterable[Path]) -> list[Path]:
    """Every YAML file named by ``paths``: files as given, folders searched recursively."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
        else:
            found.append(path)
    return found


def year_files(data_root: Path) -> dict[int, list[Path]]:
    """Goal files by year, from ``data/<year>/<committee>.yaml``."""
    years: dict[int, list[Path]] = {}
    if not data_root.is_dir():
        return years
    for folder in sorted(data_root.iterdir()):
        if folder.is_dir() and YEAR_DIR.match(folder.name):
            files = sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
            if files:
                years[int(folder.name)] = files
    return years
