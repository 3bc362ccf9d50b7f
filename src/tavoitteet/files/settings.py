"""The goals repository's own settings: ``data/tavoitteet.yaml`` (the municipality).

``tavoitteet init`` writes it.  It sits in the data folder beside the year
folders and is not a goal file, so the search for goal files passes it by.
"""

from __future__ import annotations

from pathlib import Path

SETTINGS_NAMES = ("tavoitteet.yaml", "tavoitteet.yml")
MUNICIPALITY_KEY = "kunta"


def is_settings_file(path: Path) -> bool:
    """True for ``data/tavoitteet.yaml``: the settings file directly in a data folder."""
    return path.name in SETTINGS_NAMES and path.absolute().parent.name == "data"
