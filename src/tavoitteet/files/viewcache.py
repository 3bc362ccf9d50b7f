"""Remember a command's printed text for the exact inputs it was made from, so that running it again is instant.

``status`` is run many times a day on data that rarely changes, and most of
its time goes to loading the pydantic models and evaluating the year, not to
printing.  Its text is stored together with a digest of everything it was
made from: the bytes and names of every goal file under the data folder (a
trend's baseline may come from any earlier year), the command's arguments and
language, the day (the default ``--as-of`` is today), what decides the layout
(terminal width, colours, encoding) and the fingerprint of the code
(:func:`tavoitteet.files.validcache.fingerprint`, which covers rich too).  When all of
them are the same the stored text is written again.

One file per command, data folder and arguments, overwritten when its inputs
change, in the same cache folder as ``validate``'s; ``TAVOITTEET_NO_CACHE=1``
turns it off.  Only views that were printed successfully are stored; errors are
always computed afresh.  A damaged, foreign or unreadable entry is ignored:
the cache can make a command faster, never change its output.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from tavoitteet.files.rawread import read_goal_bytes
from tavoitteet.files.validcache import blake2b, cache_folder, fingerprint, private_folder, read_private

KEEP = 64
"""entries kept; the oldest beyond this are removed when a new one is written"""
KEEP_BYTES = 200_000_000
"""and at most this much in all: a view of a national corpus can be tens of megabytes"""


def inputs_digest(files: Iterable[Path]) -> str | None:
    """A digest of the files' names and bytes; None if one of them cannot be read."""
    digest = blake2b(digest_size=20)
    for path in files:
        raw = read_goal_bytes(path)  # a link is never followed: such a view is not kept
        if not isinstance(raw, bytes):
            return None
        digest.update(f"{path.as_posix()}\0{len(raw)}\0".encode("utf-8", "surrogateescape"))
        digest.update(raw)
    return digest.hexdigest()


def cached(name: str, arguments: Iterable[object], files: Sequence[Path], compute: Callable[[], str]) -> str:
    """The stored text for these arguments and files, or ``compute()``, stored for the next run.

    The text is stored only if the files are the same after computing it as
    before: a file changed meanwhile (a ``record`` running at the same time)
    could otherwise leave a text under a digest it was not made from.
    """
    folder = cache_folder()
    if folder is None or not private_folder(folder, create=True):
        return compute()
    if not private_folder(folder / "views", create=True):
        return compute()
    code = fingerprint()
    slot = blake2b(digest_size=12)
    slot.update("\0".join([name, code, *map(repr, arguments)]).encode())
    entry = folder / "views" / f"{name}-{slot.hexdigest()}.txt"
    key = inputs_digest(files)
    if key is None:
        return compute()
    found = _read(entry, key)
    if found is not None:
        return found
    value = compute()
    if inputs_digest(files) == key:
        _write(entry, key, value)
    return value


def _read(entry: Path, key: str) -> str | None:
    """The stored text if the entry was written for ``key`` and is the text written then.

    Its first line is the key and the digest of the text: an entry is bound to
    its content, so that a damaged or altered text is never printed.  Only a
    file of the user's own that nobody else can write is read.
    """
    raw = read_private(entry)
    if raw is None:
        return None
    try:
        stored = raw.decode("utf-8")  # as written: a \r in the text stays
    except ValueError:
        return None
    first, _, text = stored.partition("\n")
    return text if first == f"{key} {_seal(text)}" else None


def _seal(text: str) -> str:
    return blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


def _write(entry: Path, key: str, text: str) -> None:
    """Store atomically; failures (a read-only or full disk) are ignored."""
    import tempfile

    try:
        handle, name = tempfile.mkstemp(dir=entry.parent, prefix=".view-", suffix=".tmp")
        temporary = Path(name)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", errors="surrogateescape", newline="") as stream:
                stream.write(f"{key} {_seal(text)}\n{text}")
            temporary.replace(entry)
        finally:
            temporary.unlink(missing_ok=True)
        _prune(entry.parent)
    except OSError:
        return


def _prune(folder: Path) -> None:
    """Keep the newest entries, at most ``KEEP`` of them and ``KEEP_BYTES`` in all."""
    total = 0
    for rank, entry in enumerate(sorted(folder.glob("*.txt"), key=_modified, reverse=True)):
        total += _size(entry)
        if rank >= KEEP or (rank > 0 and total > KEEP_BYTES):
            entry.unlink(missing_ok=True)


def _modified(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
