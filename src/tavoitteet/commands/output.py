"""Writing the files a command makes (schema, report, imported and new goal files): never through a link.

Every such write goes through here.  A target that is a symbolic link is
refused (a link planted at ``schemas/tavoitteet.schema.json`` would redirect
the write anywhere), and so is a target inside any data folder unless writing
goal files is the command's job (``import``, ``new``): the data folder given
with ``--data``/``TAVOITTEET_DATA``, the one found from the current folder and
any ``data/`` folder with year folders above the target.  A file is reported
written only after it is there: a regular file with the bytes written.
(``record`` writes through :mod:`tavoitteet.files.writer`.)
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from tavoitteet import errors
from tavoitteet.core.safetext import one_line
from tavoitteet.files.discovery import DATA_DIR, YEAR_DIR, DataNotFound, find_data_root

_MESSAGES = {
    "link": {
        "fi": "{target} on symbolinen linkki; sen kautta ei kirjoiteta. Poista linkki tai valitse toinen tiedosto.",
        "en": "{target} is a symbolic link; nothing is written through it. Remove the link or choose another file.",
    },
    "data": {
        "fi": "{target}: {what} ei kirjoiteta data-kansioon ({root}); valitse -o:lla toinen paikka.",
        "en": "{target}: {what} is not written into the data folder ({root}); choose another place with -o.",
    },
    "exists": {
        "fi": "{target} on jo olemassa; sitä ei korvata.",
        "en": "{target} already exists; it is not overwritten.",
    },
    "cannot": {
        "fi": "tiedostoa {target} ei voi kirjoittaa: {reason}. Tarkista, että kansio on olemassa ja kirjoitettavissa.",
        "en": "cannot write {target}: {reason}. Check that the folder exists and is writable.",
    },
    "missing": {
        "fi": "{target} ei ole kirjoituksen jälkeen tavallinen tiedosto; mitään ei kirjoitettu.",
        "en": "{target} is not a regular file after the write; nothing was written.",
    },
}

# The operating system words its reasons in English; the common ones in Finnish.
WHAT = {
    "report": {"fi": "raporttia", "en": "a report"},
    "schema": {"fi": "skeemaa", "en": "the schema"},
    "file": {"fi": "tiedostoa", "en": "the file"},
}

_FINNISH_REASONS = {
    errno.ENOENT: "kansiota ei ole",
    errno.ENOTDIR: "polussa on tiedosto kansion paikalla",
    errno.EACCES: "ei kirjoitusoikeutta",
    errno.EPERM: "ei kirjoitusoikeutta",
    errno.EROFS: "levy on vain luettavissa",
    errno.ENOSPC: "levy on täynnä",
    errno.EISDIR: "samanniminen kansio on jo olemassa",
    errno.ELOOP: "polku on symbolinen linkki",
}


def _text(key: str, lang: str, **args: str) -> str:
    shown = {name: one_line(value) for name, value in args.items()}
    return "tavoitteet: " + _MESSAGES[key]["en" if lang == "en" else "fi"].format(**shown)


def refuse(key: str, target: Path, lang: str, code: int = errors.USAGE, **args: str) -> errors.UserError:
    return errors.UserError(_text(key, lang, target=str(target), **args), code)


def cannot_write(target: Path, error: OSError, lang: str) -> errors.UserError:
    reason = error.strerror or str(error)
    if lang != "en":
        reason = _FINNISH_REASONS.get(error.errno or 0, reason)
    return refuse("cannot", target, lang, errors.PROBLEMS, reason=reason)


def data_folders(explicit: Iterable[Path | None] = ()) -> list[Path]:
    """The data folders a write must stay out of: those given, and the one found from the current folder."""
    folders = [folder for folder in explicit if folder is not None]
    if override := os.environ.get("TAVOITTEET_DATA"):
        folders.append(Path(override))
    with contextlib.suppress(DataNotFound, OSError):
        folders.append(find_data_root())
    return folders


def data_folder_of(target: Path, folders: Iterable[Path]) -> Path | None:
    """The data folder ``target`` would be written into, or None."""
    try:
        place = target.parent.resolve() / target.name
    except OSError:
        return None
    for folder in folders:
        with contextlib.suppress(OSError):
            if place.is_relative_to(folder.resolve()):
                return folder
    for folder in place.parents:
        if folder.name == DATA_DIR and _has_years(folder):
            return folder
    return None


def _has_years(folder: Path) -> bool:
    try:
        return any(YEAR_DIR.match(child.name) and child.is_dir() for child in folder.iterdir())
    except OSError:
        return False


def check_target(
    target: Path, lang: str, data: Iterable[Path | None] = (), data_ok: bool = False, what: str = "file"
) -> None:
    """Refuse a link, and a target in a data folder unless ``data_ok`` (raises UserError)."""
    if target.is_symlink():
        raise refuse("link", target, lang)
    if not data_ok and (root := data_folder_of(target, data_folders(data))) is not None:
        words = WHAT[what]["en" if lang == "en" else "fi"]
        raise refuse("data", target, lang, root=str(root), what=words)


def replace_file(
    target: Path,
    payload: bytes,
    lang: str,
    data: Iterable[Path | None] = (),
    data_ok: bool = False,
    what: str = "file",
) -> None:
    """Write ``payload`` to ``target`` atomically (a temporary file in the same folder, then replaced)."""
    check_target(target, lang, data, data_ok, what)
    folder = target.parent if str(target.parent) else Path()
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise cannot_write(target, error, lang) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        Path(temporary).chmod(0o666 & ~_umask())
        if target.is_symlink():  # planted meanwhile: os.replace would replace the link, refuse instead
            raise refuse("link", target, lang)
        Path(temporary).replace(target)
    except OSError as error:
        raise cannot_write(target, error, lang) from None
    finally:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
    confirm_written(target, len(payload), lang)


def create_file(target: Path, payload: bytes, lang: str) -> None:
    """Write a new file that must not exist yet (nor be a link, even a dangling one); no part stays on failure."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    if target.is_symlink():
        raise refuse("link", target, lang, errors.PROBLEMS)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(target, flags, 0o666)
    except FileExistsError:
        key = "link" if target.is_symlink() else "exists"
        raise refuse(key, target, lang, errors.PROBLEMS) from None
    except OSError as error:
        raise cannot_write(target, error, lang) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
    except OSError as error:
        with contextlib.suppress(OSError):
            target.unlink()
        raise cannot_write(target, error, lang) from None
    confirm_written(target, len(payload), lang)


def confirm_written(target: Path, size: int, lang: str) -> None:
    """Stop unless ``target`` is now a regular file of ``size`` bytes: success is never claimed for nothing."""
    try:
        info = target.lstat()
    except OSError:
        raise refuse("missing", target, lang, errors.PROBLEMS) from None
    import stat

    if not stat.S_ISREG(info.st_mode) or info.st_size != size:
        raise refuse("missing", target, lang, errors.PROBLEMS)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
