"""The data folder's settings file, ``data/tavoitteet.yaml``: defaults for every goal file under it.

A repository that keeps one municipality's goals names the municipality once::

    # data/tavoitteet.yaml
    kunta: Esimerkkilä

A goal file's own ``kunta`` wins.  The file is read with the same safe reader
and validated with :class:`tavoitteet.core.model.Settings`; a broken settings
file is a problem of its own (``validate`` reports it, views stop on it).
"""

from __future__ import annotations

from pathlib import Path

from tavoitteet.files.discovery import YEAR_DIR

SETTINGS_NAMES = ("tavoitteet.yaml", "tavoitteet.yml")


def is_settings_file(path: Path) -> bool:
    """``tavoitteet.yaml`` outside a year folder is the settings file, not a goal file."""
    return path.name in SETTINGS_NAMES and not YEAR_DIR.match(path.parent.name)


def settings_path(data_root: Path) -> Path | None:
    """The settings file of ``data_root``, if there is one."""
    for name in SETTINGS_NAMES:
        candidate = data_root / name
        if candidate.is_file():
            return candidate
    return None


def data_root_of(goal_path: Path) -> Path | None:
    """The data folder of a goal file ``data/<year>/<committee>.yaml``."""
    return goal_path.parent.parent if YEAR_DIR.match(goal_path.parent.name) else None
