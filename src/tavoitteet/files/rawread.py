"""A goal file's bytes, read without following links: the one place that opens a goal file.

Kept apart from :mod:`tavoitteet.files.yamlread` so that the validation cache
can key a file by its bytes without importing PyYAML.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tavoitteet.core.problems import Code, Problem

MAX_BYTES = 2_000_000
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def read_goal_bytes(path: Path) -> bytes | Problem:
    """A goal file's bytes, or the problem why they are not read.

    A symbolic link is refused unread (a pull request can add one pointing at
    ``.git/config`` or ``/proc/self/environ``), and so is anything that is not
    a regular file (a FIFO would block, a device never ends).  The link test
    and the read are one ``open`` with ``O_NOFOLLOW``, so nothing can swap the
    file for a link in between.
    """
    if any("\udc80" <= char <= "\udcff" for char in path.name):
        return Problem(path, Code.FILE_NAME_ENCODING, "file.name_not_utf8", {}, 1, 1)
    try:
        if path.is_symlink():
            return symlink_problem(path)
        if path.is_dir():
            return _folder_problem(path)
        handle = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _BINARY)
    except OSError as error:
        if _NOFOLLOW and path.is_symlink():
            return symlink_problem(path)
        return Problem(
            path, Code.UNREADABLE, "file.unreadable", {"reason": error.strerror or str(error)}, 1, 1
        )
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            return Problem(path, Code.LINKED, "file.not_regular", {}, 1, 1)
        if info.st_size > MAX_BYTES:
            return Problem(
                path,
                Code.TOO_LARGE,
                "file.too_large",
                {"size": str(info.st_size), "limit": str(MAX_BYTES)},
                1,
                1,
            )
        with os.fdopen(handle, "rb", closefd=False) as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as error:
        return Problem(
            path, Code.UNREADABLE, "file.unreadable", {"reason": error.strerror or str(error)}, 1, 1
        )
    finally:
        os.close(handle)
    return raw


def _folder_problem(path: Path) -> Problem:
    """A folder where a goal file was expected: unreadable (its files were not checked) or not a file."""
    try:
        with os.scandir(path):
            pass
    except OSError as error:
        reason = error.strerror or str(error)
        return Problem(path, Code.FOLDER_UNREADABLE, "file.folder_unreadable", {"reason": reason}, 1, 1)
    return Problem(path, Code.LINKED, "file.not_regular", {}, 1, 1)


def symlink_problem(path: Path) -> Problem:
    """The problem of a goal file or folder that is a symbolic link: it is never followed."""
    try:
        target = str(path.readlink())
    except OSError:
        target = "?"
    return Problem(path, Code.LINKED, "file.symlink", {"target": target}, 1, 1)
