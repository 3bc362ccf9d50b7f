"""A view asked again exactly as before, on unchanged files, is written again before Typer or rich is imported.

:mod:`tavoitteet.files.viewcache` keeps a view's text for its parsed
arguments, but reaching it takes importing Typer (to parse the arguments) and
rich (to learn the terminal's width and colours): most of a repeated
``status``.  This module answers from :mod:`tavoitteet.launch` first, using
only ``os`` and ``sys``.  Its entries are keyed by the raw invocation, which
decides everything the view is made from except the files:

* the command line as typed, the current folder and today's date;
* every environment variable (``TAVOITTEET_*``, ``COLUMNS``, ``NO_COLOR``,
  ``TERM``, the locale, ``TZ`` ...) except the few a shell changes on its own;
* whether stdin, stdout and stderr are terminals, their sizes and stdout's
  encoding (what rich decides the layout from);
* the code: the size and time of every module of tavoitteet, Typer, pydantic,
  pydantic-core, PyYAML and rich, and the interpreter's version.

An entry also keeps the state of the files: every goal file's name and
bytes, and the identity and times of the data folder, its year folders and
(when the folder was found by searching upwards) every folder of the search,
so a file or folder added, removed or renamed is noticed as well as an edit.
Only when all of it is the same is the stored text written; anything else
(including any failure here) falls through to the ordinary command, which
stores a new entry when the view succeeds.  Errors are never stored.

Entries live beside the view cache's (``views/replay-*.txt``, pruned with
them) and are read only from folders and files of the user's own that nobody
else can write, as the other caches are.  Each is sealed with a digest of its
key, header and text: an entry altered, damaged or copied under another
invocation's name is refused.
"""

from __future__ import annotations

import os
import sys
import time

try:  # hashlib would load OpenSSL first
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other interpreters
    from hashlib import blake2b

import tavoitteet

TYPE_CHECKING = False  # typing itself would be a tenth of the answer's time
if TYPE_CHECKING:
    from typing import Any, TextIO

VIEWS = ("status", "list", "show")
"""the commands whose text :func:`tavoitteet.commands.terminal.print_cached` keeps"""
VERSION = "replay-1"
VOLATILE = frozenset({"_", "OLDPWD", "SHLVL", "TERM_SESSION_ID", "WINDOWID"})
"""environment variables a shell sets on its own between commands; nothing here reads them"""
LIBRARIES = ("typer", "pydantic", "pydantic_core", "yaml", "rich")
WRITE_LIMIT = 8192
"""characters per write, as :func:`tavoitteet.commands.terminal.write_rendered` writes"""

_pending: str | None = None
"""the key of this process's invocation, set by :func:`answer` when it could not answer"""
_help = False
"""whether this invocation asks for help (kept like a view's text, without files)"""


def answer(argv: list[str]) -> bool:
    """Write the stored text of this invocation if nothing it depends on has changed; True if written."""
    global _pending, _help
    _help = is_help(argv)
    if not (_help or is_view(argv)) or _folder() is None:
        return False
    try:
        _pending = key = invocation_key(argv)
        stored = _read_private(_entry(key))
        if stored is None:
            return False
        header, raw = _unpack(key, stored)
        mode, root = header[0], header[1]
        if (mode == "help") != _help or (
            not _help and _state(root, mode == "search", header[3:]) != header[2]
        ):
            return False
        text = raw.decode("utf-8")
    except Exception:  # anything amiss here: the ordinary command answers, and stores a new entry
        return False
    _write(text)
    return True


def is_view(argv: list[str]) -> bool:
    return bool(argv) and argv[0] in VIEWS and not any(a == "--help" or a.startswith("--help=") for a in argv)


def is_help(argv: list[str]) -> bool:
    """``--help`` or ``COMMAND --help``: help and nothing else, whatever the command's options take."""
    return argv == ["--help"] or (len(argv) == 2 and argv[1] == "--help" and not argv[0].startswith("-"))


def help_pending() -> bool:
    """Whether this process prints help that the next same invocation can replay (:class:`Recorder`)."""
    return _help and _pending is not None


class Recorder:
    """Stands for stdout while Typer prints help, keeping what is written."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.pieces: list[str] = []

    def write(self, text: str) -> int:
        written = self.stream.write(text)
        if isinstance(text, str):  # Click tries write(b"") to see whether a stream takes bytes
            self.pieces.append(text)
        return written

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def remember_help(recorder: Recorder) -> None:
    """Store the help Typer printed (with exit code 0) for this invocation."""
    if not help_pending() or _pending is None:
        return
    try:
        entry = _entry(_pending)
    except ValueError:
        return
    _store(entry, _pack(_pending, ("help", "", ""), "".join(recorder.pieces)))  # no files


def pending() -> bool:
    """Whether this process was started by the console script for a view it could not answer."""
    return _pending is not None


def remember(root: str, searched: bool, state: str | None, files: list[str], text: str) -> None:
    """Store ``text`` for this invocation if ``files`` (all the view read) are still as ``state`` says.

    ``state`` is taken before the view was made: a file changed meanwhile (a
    ``record`` running at the same time) leaves nothing stored.
    """
    if _pending is None or state is None:
        return
    try:
        if _state(root, searched, files) != state:
            return
        entry = _entry(_pending)
    except (OSError, ValueError):  # unreadable now, or the cache was turned off meanwhile
        return
    _store(entry, _pack(_pending, ("search" if searched else "given", root, state, *files), text))


def state(root: str, searched: bool, files: list[str]) -> str | None:
    """The state of ``files`` and of the folders that decide them, now; None if it cannot be taken."""
    try:
        return _state(root, searched, files)
    except (OSError, ValueError):
        return None


def invocation_key(argv: list[str]) -> str:
    digest = blake2b(digest_size=20)

    def add(*parts: object) -> None:
        for part in parts:
            digest.update(str(part).encode("utf-8", "surrogateescape") + b"\0")

    add(VERSION, sys.version, sys.platform, tavoitteet.__version__, code_fingerprint(), os.getcwd())
    add(sys.argv[0] if sys.argv else "", getattr(sys.modules.get("__main__"), "__package__", None))
    add(len(argv), *argv)
    environment = sorted((k, v) for k, v in os.environ.items() if k not in VOLATILE)
    add(len(environment), *(f"{k}={v}" for k, v in environment))
    for descriptor in (0, 1, 2):
        add(_terminal(descriptor))
    add(getattr(sys.stdout, "encoding", None), getattr(sys.stdout, "errors", None))
    add(*time.localtime()[:3])
    return digest.hexdigest()


def _terminal(descriptor: int) -> tuple[bool, tuple[int, int] | None]:
    try:
        tty = os.isatty(descriptor)
    except OSError:
        tty = False
    try:
        size = os.get_terminal_size(descriptor)
        return tty, (size.columns, size.lines)
    except (OSError, ValueError):
        return tty, None


def code_fingerprint(libraries: tuple[str, ...] = LIBRARIES) -> str:
    """The size and time of every module of tavoitteet and of the libraries that make its output."""
    digest = blake2b(digest_size=16)
    folders = [os.path.dirname(tavoitteet.__file__)]
    for name in libraries:
        for entry in sys.path:
            candidate = os.path.join(entry or ".", name)
            if os.path.isfile(os.path.join(candidate, "__init__.py")):
                folders.append(candidate)
                break
        else:
            folders.append(f"<no {name}>")
    for folder in folders:
        for top, _dirs, names in os.walk(folder):
            for name in sorted(names):
                if name.endswith((".py", ".so", ".pyd")):
                    info = os.stat(os.path.join(top, name))
                    digest.update(f"{top}/{name}|{info.st_size}|{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _signature(path: str) -> str:
    try:
        info = os.lstat(path)
    except OSError:
        return f"{path}|-"
    return f"{path}|{info.st_mode}|{info.st_ino}|{info.st_dev}|{info.st_uid}|{info.st_mtime_ns}|{info.st_ctime_ns}"


def _state(root: str, searched: bool, files: list[str]) -> str:
    """A digest of the folders that decide which files a view reads, and of those files' names and bytes.

    The folders are the data folder and every folder in it (the years), and
    when the data folder was found by searching upwards, every folder the search
    looked at: adding, removing or renaming anything in them changes their times.
    """
    digest = blake2b(digest_size=20)
    folders = [root]
    if searched:  # a data/ folder or .git appearing nearer would change what the search finds
        here = os.getcwd()
        while True:
            folders += [here, os.path.join(here, "data")]
            parent = os.path.dirname(here)
            if parent == here or here == os.path.dirname(root):
                break
            here = parent
    with os.scandir(root) as entries:
        folders += sorted(entry.path for entry in entries if entry.is_dir())
    for folder in folders:
        digest.update(_signature(folder).encode("utf-8", "surrogateescape") + b"\0")
    digest.update(f"{len(files)}\0".encode())
    for path in files:
        with open(path, "rb") as stream:
            raw = stream.read()
        digest.update(f"{path}\0{len(raw)}\0".encode("utf-8", "surrogateescape"))
        digest.update(raw)
    return digest.hexdigest()


def _seal(key: str, header: bytes, text: bytes) -> bytes:
    """Binds an entry's text and header to its key: an entry altered, damaged or copied under another key is refused."""
    digest = blake2b(key.encode(), digest_size=16)
    digest.update(f"\0{len(header)}\0".encode())
    digest.update(header)
    digest.update(text)
    return digest.hexdigest().encode()


def _pack(key: str, fields: tuple[str, ...], text: str) -> bytes:
    header = "\0".join(fields).encode("utf-8", "surrogateescape")
    raw = text.encode("utf-8")
    return _seal(key, header, raw) + f" {len(header)}\n".encode() + header + raw


def _unpack(key: str, stored: bytes) -> tuple[list[str], bytes]:
    first, _, rest = stored.partition(b"\n")
    seal, _, length = first.partition(b" ")
    size = int(length)
    header, text = rest[:size], rest[size:]
    fields = header.decode("utf-8", "surrogateescape").split("\0")
    if len(fields) < 3 or seal != _seal(key, header, text):
        raise ValueError("not this invocation's entry")
    return fields, text


def _write(text: str) -> None:
    """Write as the ordinary command does: characters the terminal lacks as '?', in pieces, flushed."""
    encoding = (getattr(sys.stdout, "encoding", "") or "").lower()
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None and encoding not in ("utf-8", "utf8"):
        reconfigure(errors="replace")
    try:
        for start in range(0, len(text), WRITE_LIMIT):
            sys.stdout.write(text[start : start + WRITE_LIMIT])
        sys.stdout.flush()
    except BrokenPipeError:  # the reader left (| head): as the ordinary command, not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _folder() -> str | None:
    """The view cache's folder, as :func:`tavoitteet.files.validcache.cache_folder` names it."""
    if os.environ.get("TAVOITTEET_NO_CACHE", "").strip() not in ("", "0"):
        return None
    if override := os.environ.get("TAVOITTEET_CACHE_DIR"):
        return os.path.join(override, "views")
    home = os.path.expanduser("~")
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local")
        return os.path.join(base, "tavoitteet", "Cache", "views")
    if sys.platform == "darwin":
        return os.path.join(home, "Library", "Caches", "tavoitteet", "views")
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
    return os.path.join(base, "tavoitteet", "views")


def _entry(key: str) -> str:
    folder = _folder()
    if folder is None:
        raise ValueError("the cache is turned off")
    return os.path.join(folder, f"replay-{key}.txt")


def _private(info: os.stat_result) -> bool:
    if not hasattr(os, "getuid"):  # Windows: the user's profile folders are private by default
        return True
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def _read_private(file: str) -> bytes | None:
    """The entry's bytes if it and its folder are the user's own and nobody else can write them."""
    import stat

    try:
        folder = os.lstat(os.path.dirname(file))
        if not stat.S_ISDIR(folder.st_mode) or not _private(folder):
            return None
        handle = os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or not _private(info):
            return None
        with os.fdopen(handle, "rb", closefd=False) as stream:
            return stream.read()
    finally:
        os.close(handle)


def _store(entry: str, content: bytes) -> None:
    """Write atomically into a private folder; failures (read-only or full disk) are ignored.

    The temporary file is made as ``tempfile.mkstemp`` makes one (a new name,
    ``O_EXCL``, mode 0600), without importing ``tempfile``: shell completion
    stores its answers here too.
    """
    folder = os.path.dirname(entry)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        if not _private(os.lstat(folder)):
            return
        name = os.path.join(folder, f".replay-{os.getpid()}-{os.urandom(8).hex()}.tmp")
        flags = (
            os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        )
        handle = os.open(name, flags, 0o600)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
            os.replace(name, entry)
        finally:
            if os.path.exists(name):
                os.unlink(name)
    except OSError:
        return
