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
    """No data folder was found from the current folder upwards.

    ``skipped`` names folders that looked like one but were passed over: a
    link, or a folder of another user above the current folder.
    """

    def __init__(self, start: Path, skipped: tuple[Path, ...] = ()) -> None:
        super().__init__(str(start))
        self.start = start
        self.skipped = skipped


def find_data_root(start: Path | None = None) -> Path:
    """The ``data/`` folder of the repository the user stands in.

    TAVOITTEET_DATA overrides the search; otherwise the folders from ``start``
    upwards are searched for a ``data/`` folder that holds year folders.  The
    search stops at the enclosing git repository's root and at the user's
    home folder, so that a ``data/`` planted in a shared parent folder is never
    picked up.  A ``data`` that is a symbolic link, or a folder of another
    user above ``start``, is passed over (and named if nothing is found).
    """
    if override := os.environ.get("TAVOITTEET_DATA"):
        return Path(override)
    here = (start or Path.cwd()).absolute()
    home = _home()
    skipped: list[Path] = []
    for folder in (here, *here.parents):
        for candidate in (folder, folder / DATA_DIR) if folder.name == DATA_DIR else (folder / DATA_DIR,):
            if not _has_year_folders(candidate):
                continue
            if candidate.is_symlink() or (folder != here and not _own(candidate)):
                skipped.append(candidate)
                continue
            return candidate
        if folder == home or (folder / ".git").exists():
            break
    raise DataNotFound(here, tuple(skipped))


def foreign_owner(folder: Path) -> int | None:
    """The owner's uid when ``folder`` belongs to another user (nor root), else None; always None on Windows."""
    if not hasattr(os, "getuid"):
        return None
    try:
        owner = folder.lstat().st_uid
    except OSError:
        return None
    return None if owner in (os.getuid(), 0) else owner


def _home() -> Path | None:
    try:
        return Path.home().absolute()
    except (RuntimeError, KeyError, OSError):
        return None


def _own(folder: Path) -> bool:
    """Whether the folder belongs to the user (or to root, as system folders do); always on Windows."""
    return foreign_owner(folder) is None


def _has_year_folders(folder: Path) -> bool:
    try:
        return any(child.is_dir() and YEAR_DIR.match(child.name) for child in folder.iterdir())
    except OSError:
        return False


def goal_files(paths: Iterable[Path]) -> list[Path]:
    """Every YAML file named by ``paths``: files as given, folders searched recursively.

    Nothing that may be a goal file is left out silently: a symbolic link (to
    a file or a folder), a folder that cannot be listed or vanished meanwhile
    and a name that is not UTF-8 are listed as they are, and reading them
    (:func:`tavoitteet.files.rawread.read_goal_bytes`) turns each into a
    problem naming the path.  Links are never followed.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            found += _walk(path)
        else:
            found.append(path)
    return found


def _walk(top: Path) -> list[Path]:
    """The files under ``top`` in the order ``sorted`` gives their paths, without sorting the paths.

    Each folder's entries are sorted by name and a subfolder is walked where its
    name falls among them: the paths come out in the order of their parts.
    """
    found: list[Path] = []
    pending: list[tuple[Path, bool]] = [(top, True)]  # what is left, last first: (path, is a folder to walk)
    while pending:
        path, is_folder = pending.pop()
        if not is_folder:
            found.append(path)
            continue
        entries = _entries(path)
        if entries is None:
            found.append(path)  # unreadable or vanished: reading it says why
            continue
        entries.sort(key=lambda entry: _name_order(entry.name))
        children = []
        for entry in entries:
            if _is_plain_dir(entry):
                children.append((path / entry.name, True))
            elif _is_candidate(entry):
                children.append((path / entry.name, False))
        pending += reversed(children)
    return found


def _name_order(name: str) -> str:
    """How the names of one folder sort: as their ``Path`` objects would (case-folded on Windows).

    Sorting names instead of ``Path`` objects, made only afterwards, keeps listing
    a national corpus of thousands of files a year quick.
    """
    return name.lower() if _FOLD_CASE else name


_FOLD_CASE = os.name == "nt"


def _entries(folder: Path) -> list[os.DirEntry[str]] | None:
    try:
        with os.scandir(folder) as listing:
            return list(listing)
    except OSError:
        return None


def _is_plain_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _is_candidate(entry: os.DirEntry[str]) -> bool:
    """A YAML file, or a link that could stand for one or for a folder of them."""
    if entry.name.endswith(SUFFIXES):
        return True
    try:
        return entry.is_symlink() and entry.is_dir()
    except OSError:
        return False


def _yaml_names(listed: Iterable[os.DirEntry[str]]) -> list[str]:
    return [entry.name for entry in listed if entry.name.endswith(SUFFIXES)]


def year_files(data_root: Path) -> dict[int, list[Path]]:
    """Goal files by year, from ``data/<year>/<committee>.yaml``.

    As in :func:`goal_files`, a year folder that is a link or cannot be listed
    is listed itself, and a link or a non-UTF-8 name in it as it is: loading
    them gives the problems, so that no view passes over a year unread.
    """
    years: dict[int, list[Path]] = {}
    entries = _entries(data_root)
    if entries is None:
        return years
    for folder in sorted(entries, key=lambda e: e.name):
        if not YEAR_DIR.match(folder.name):
            continue
        path = data_root / folder.name
        if not _is_plain_dir(folder):
            try:
                linked = folder.is_symlink()
            except OSError:
                linked = False
            if linked:
                years[int(folder.name)] = [path]
            continue
        listed = _entries(path)
        if listed is None:
            years[int(folder.name)] = [path]
            continue
        files = [path / name for name in sorted(_yaml_names(listed), key=_name_order)]
        if files:
            years[int(folder.name)] = files
    return years
