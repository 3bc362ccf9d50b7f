"""Remember which goal files were found valid, by content, so that ``validate`` can skip them.

``validate`` on an unchanged repository otherwise spends most of its time
building the pydantic models.  A file whose bytes, name and year folder were
found valid by this very version of the tool is valid again: its entry keeps
the counts of the summary line.  Only files without problems are remembered;
a file with problems is checked (and its problems worded) every time.

The cache lives in the user's cache folder (``TAVOITTEET_CACHE_DIR`` overrides
it; ``TAVOITTEET_NO_CACHE=1`` turns it off).  Its file name carries a
fingerprint of the tool: its version and the size and time of every module of
the package and of pydantic, pydantic-core, PyYAML and rich, so any change of code
starts a new cache.  A damaged, foreign or unwritable cache is ignored: the
cache can only make ``validate`` faster, never change what it reports.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path

import tavoitteet

try:  # hashlib would load OpenSSL first, a tenth of the start-up of a cached run
    from _blake2 import blake2b as blake2b
except ImportError:  # pragma: no cover - other interpreters
    from hashlib import blake2b as blake2b

LARGEST = 2_000_000  # yamlread.MAX_BYTES: larger files are refused, never cached
MAX_ENTRIES = 500_000
Entry = tuple[str, int, int, int]
"""committee, goals, actions, indicators of a valid file"""


def cache_folder() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    if os.environ.get("TAVOITTEET_NO_CACHE", "").strip() not in ("", "0"):
        return None
    if override := os.environ.get("TAVOITTEET_CACHE_DIR"):
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "tavoitteet" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "tavoitteet"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tavoitteet"


def fingerprint() -> str:
    """Changes whenever the code that decides validity may have changed."""
    digest = blake2b(digest_size=12)
    digest.update(f"{tavoitteet.__version__}|{sys.version}".encode())
    for folder in _code_folders():
        for root, _dirs, files in os.walk(folder):
            for name in sorted(files):
                if name.endswith((".py", ".so", ".pyd")):
                    info = os.stat(os.path.join(root, name))  # noqa: PTH116, PTH118 - os.walk gives strings, Path is slower
                    digest.update(f"{root}/{name}|{info.st_size}|{info.st_mtime_ns}".encode())
    return digest.hexdigest()


def _code_folders() -> list[str]:
    import importlib.util

    folders = [str(Path(tavoitteet.__file__).parent)]
    for name in ("pydantic", "pydantic_core", "yaml", "rich"):
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin:
            folders.append(str(Path(spec.origin).parent))
    return folders


def file_key(path: Path) -> str | None:
    """The key of a file's content, name and year folder; None if it cannot be read or is too large.

    The bytes are read as the loader reads them (:func:`tavoitteet.files.rawread.read_goal_bytes`):
    a link is never followed, so it is never found valid.
    """
    from tavoitteet.files.rawread import read_goal_bytes

    raw = read_goal_bytes(path)
    return None if not isinstance(raw, bytes) else content_key(raw, path)


def content_key(raw: bytes, path: Path) -> str | None:
    """The key of these bytes under this name and year folder: taken from the very bytes that are checked."""
    if len(raw) > LARGEST:
        return None
    digest = blake2b(raw, digest_size=20)
    digest.update(f"\0{path.parent.name}\0{path.name}".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _entry_seal(key: str, entry: Entry) -> str:
    """Binds an entry to its key (the content's digest): an entry copied under another key is refused."""
    return blake2b(json.dumps([key, *entry], ensure_ascii=False).encode(), digest_size=8).hexdigest()


def private_folder(folder: Path, create: bool = False) -> bool:
    """Whether ``folder`` is the user's own: a real folder (not a link) that only its owner can write.

    A cache in a folder others can write could be forged (an invalid file
    remembered as valid, a forged view printed), so such a folder is not used.
    With ``create`` a missing folder is made, readable by its owner only.
    """
    try:
        if create:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = folder.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and _owned_privately(info)


def _owned_privately(info: os.stat_result) -> bool:
    if not hasattr(os, "getuid"):  # Windows: the user's profile folders are private by default
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_private(file: Path) -> bytes | None:
    """A cache file's bytes if it is a regular file of the user's own that nobody else can write, else None."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(file, flags)
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or not _owned_privately(info):
            return None
        with os.fdopen(handle, "rb", closefd=False) as stream:
            return stream.read()
    except OSError:
        return None
    finally:
        os.close(handle)


@dataclass
class ValidCache:
    """Entries of one tool fingerprint, read once and written back once."""

    file: Path | None
    entries: dict[str, Entry] = field(default_factory=dict)
    changed: bool = False

    @classmethod
    def open(cls) -> ValidCache:
        folder = cache_folder()
        if folder is None or not private_folder(folder, create=True):
            return cls(None)
        file = folder / f"validate-{fingerprint()}.json"
        return cls(file, _read(file))

    def get(self, key: str | None) -> Entry | None:
        return self.entries.get(key) if key is not None else None

    def put(self, key: str | None, entry: Entry) -> None:
        if self.file is None or key is None or self.entries.get(key) == entry:
            return
        if len(self.entries) >= MAX_ENTRIES:
            self.entries.clear()
        self.entries[key] = entry
        self.changed = True

    def stored(self) -> dict[str, list[object]]:
        """The entries as written: each with its seal."""
        return {key: [*entry, _entry_seal(key, entry)] for key, entry in self.entries.items()}

    def save(self) -> None:
        """Write the entries atomically and drop the caches of other versions; failures are ignored."""
        if self.file is None or not self.changed:
            return
        import tempfile

        try:
            self.file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            handle, name = tempfile.mkstemp(dir=self.file.parent, prefix=".validate-", suffix=".tmp")
            temporary = Path(name)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    json.dump(self.stored(), stream, ensure_ascii=False, separators=(",", ":"))
                temporary.replace(self.file)
            finally:
                temporary.unlink(missing_ok=True)
            for stale in self.file.parent.glob("validate-*.json"):
                if stale != self.file:
                    stale.unlink(missing_ok=True)
        except OSError:
            return


def _read(file: Path) -> dict[str, Entry]:
    raw = read_private(file)
    if raw is None:
        return {}
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    entries: dict[str, Entry] = {}
    for key, value in data.items():
        if _is_entry(value):
            entry: Entry = (value[0], value[1], value[2], value[3])
            if value[4] == _entry_seal(key, entry):
                entries[key] = entry
    return entries


def _is_entry(value: object) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 5
        and isinstance(value[0], str)
        and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in value[1:4])
        and isinstance(value[4], str)
    )
