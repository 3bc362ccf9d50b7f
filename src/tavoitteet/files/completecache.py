"""A Tab asked again as before, on unchanged goal files, is answered from what it answered before.

Shell completion of a value (``tavoitteet show <Tab>``) reads every goal file
of the data folder with the YAML reader: importing PyYAML, the reader and
``pathlib`` is most of a Tab's time.  As :mod:`tavoitteet.files.replay` does
for views, an answer is kept with the state of everything it was made from and
written again, with ``os`` and ``sys`` alone, while all of it is the same:

* the invocation: the environment (which holds the words being completed,
  ``COMP_WORDS`` and ``COMP_CWORD`` or ``_TYPER_COMPLETE_ARGS``) but for the few
  variables a shell changes on its own, and the current folder;
* the code: the size and time of every module of tavoitteet and of PyYAML,
  and the interpreter's version;
* the files: the data folder, its year folders and (when it was found by
  searching upwards) every folder of the search, by identity and times, and
  every goal file's name and bytes (:func:`tavoitteet.files.replay.state`).

Entries are replay's (``views/replay-*.txt``: in a private folder, sealed,
read without following links); anything amiss answers as if nothing was kept.
"""

# os.path and os alone, as in replay.py: pathlib would be a tenth of the answer's time
# ruff: noqa: PTH109

from __future__ import annotations

import os
import sys

try:  # hashlib would load OpenSSL first
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other interpreters
    from hashlib import blake2b

import tavoitteet
from tavoitteet.files import replay

VERSION = "complete-1"
LIBRARIES = ("yaml",)
"""what completion reads the files with, besides tavoitteet itself"""


def invocation_key(environ: object) -> str:
    digest = blake2b(digest_size=20)

    def add(*parts: object) -> None:
        for part in parts:
            digest.update(str(part).encode("utf-8", "surrogateescape") + b"\0")

    items = getattr(environ, "items", None)
    given = sorted((k, v) for k, v in (items() if items else ()) if k not in replay.VOLATILE)
    process = sorted((k, v) for k, v in os.environ.items() if k not in replay.VOLATILE)  # TAVOITTEET_DATA
    add(
        VERSION,
        sys.version,
        sys.platform,
        tavoitteet.__version__,
        replay.code_fingerprint(LIBRARIES),
        os.getcwd(),
    )
    add(len(given), *(f"{k}={v}" for k, v in given))
    add(len(process), *(f"{k}={v}" for k, v in process))
    return digest.hexdigest()


def answer(environ: object, key: str | None = None) -> tuple[str, int] | None:
    """The kept answer (text, exit code) of this very Tab, if nothing it was made from has changed."""
    try:
        key = key or invocation_key(environ)
        stored = replay._read_private(replay._entry(key))
        if stored is None:
            return None
        header, raw = replay._unpack(key, stored)
        mode, root, state, code = header[0], header[1], header[2], header[3]
        if mode not in ("search", "given") or replay._state(root, mode == "search", header[4:]) != state:
            return None
        return raw.decode("utf-8"), int(code)
    except Exception:  # anything amiss: the Tab is answered as if nothing was kept
        return None


class Seen:
    """What a Tab read: the data folder (found by searching or given) and the goal files listed in it."""

    def __init__(self) -> None:
        self.root: str | None = None
        self.searched = False
        self.files: list[str] = []
        self.before: str | None = None

    def read(self, root: str, searched: bool, files: list[str]) -> None:
        """The folder and files, and their state now (before they are read)."""
        if self.root is not None and (self.root, self.searched, self.files) != (root, searched, files):
            self.before = None  # two different folders in one Tab: keep nothing
            self.root = ""
            return
        self.root, self.searched, self.files = root, searched, files
        self.before = replay.state(root, searched, files)


def remember(environ: object, seen: Seen, text: str, code: int, key: str | None = None) -> None:
    """Keep ``text`` for this Tab if the files are still as they were before it read them."""
    if not seen.root or seen.before is None:
        return
    try:
        key = key or invocation_key(environ)
        if replay._state(seen.root, seen.searched, seen.files) != seen.before:
            return
        entry = replay._entry(key)
    except (OSError, ValueError):
        return
    mode = "search" if seen.searched else "given"
    fields = (mode, seen.root, seen.before, str(code), *seen.files)
    replay._store(entry, replay._pack(key, fields, text))
