"""Writing the static site: only what changed, and never anything but the site's own files.

The site folder keeps a manifest (``.tavoitteet-sivusto.json``) of the build:
the settings it was made with, a digest of every goal file (its bytes and, in
a git repository, the day it was last committed) and every file written.  The
next build with the same settings renders and writes only the outputs that
depend on a goal file whose digest changed (and any that have gone missing);
with other settings, or when goal files were added or removed, it writes
everything.  Files a previous build wrote that are no longer part of the site
are removed; nothing else in the folder is ever touched, and a non-empty folder
without a manifest is refused.

The goal files' models are kept in the cache folder by digest
(``site-models.pickle-<data folder>``), so that a rebuild does not parse and validate the
files that did not change.  So is each committee-year's place on the site
(``site-places.pickle-<data folder>``: what the pages about many files need of its
evaluation, :mod:`tavoitteet.render.site.summary`), keyed by the digest of its file and of
every file its trends may take a baseline from, and by the settings, the day and
whether the site has several municipalities: a rebuild evaluates only the files whose
place changed and the committees whose pages it writes.  The caches are only ever
read back by the same code (the fingerprint is part of them) and are ignored when damaged.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from tavoitteet.core.model import GoalFile
from tavoitteet.files.discovery import year_files
from tavoitteet.files.loader import LoadedFile, load_file
from tavoitteet.files.parallel import jobs
from tavoitteet.files.rawread import read_goal_bytes
from tavoitteet.files.settings import settings_path
from tavoitteet.files.validcache import blake2b, cache_folder, fingerprint, private_folder, read_private


class Output(Protocol):
    """A file of the site (:class:`tavoitteet.render.site.plan.Output`): where, what it depends on, how."""

    @property
    def path(self) -> str: ...

    @property
    def deps(self) -> frozenset[str] | None:
        """The goal files whose change can change it; None for every file."""

    @property
    def render(self) -> Callable[[], str]: ...

    @property
    def needs(self) -> frozenset[str]:
        """The goal files that must be evaluated before it is rendered (see ``write_site``'s ``prepare``)."""

    @property
    def key(self) -> str | None:
        """A digest of all it is made of, if known: then it decides instead of ``deps``."""


_code = functools.cache(fingerprint)
"""the code's fingerprint, taken once: the caches are written and read by the same run"""

MANIFEST = ".tavoitteet-sivusto.json"
MANIFEST_VERSION = 1
MODELS = "site-models.pickle"
PLACES = "site-places.pickle"


class SiteFolderError(Exception):
    """The output folder cannot be used; ``reason`` says why (a message key)."""

    def __init__(self, reason: str, path: Path) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = path


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    """Path under the data folder with forward slashes: ``2024/x.yaml``."""
    path: Path
    digest: str
    updated: date | None


def sources(data_root: Path) -> list[Source]:
    """Every goal file of every year, with its digest and its last commit day when in git.

    The digest covers the data folder's settings file too, which gives every file its default ``kunta``.
    """
    dates = git_dates(data_root)
    settings = settings_path(data_root)
    shared = blake2b(settings.read_bytes(), digest_size=16).hexdigest() if settings else ""
    found = []
    for year, paths in sorted(year_files(data_root).items()):
        for path in paths:
            name = f"{year}/{path.name}"
            updated = dates.get(name)
            raw = read_goal_bytes(path)
            if not isinstance(raw, bytes):  # a problem: never a known digest; loading the file words it
                raw = b"\0unread\0" + os.urandom(16)
            digest = blake2b(raw, digest_size=16)
            digest.update(f"{updated}|{shared}".encode())  # the settings (default kunta) are every file's
            found.append(Source(name, path, digest.hexdigest(), updated))
    return found


def git_dates(data_root: Path) -> dict[str, date]:
    """The day each file under ``data_root`` was last committed; empty outside a git repository."""
    try:
        done = subprocess.run(
            ["git", "log", "--format=%x00%cI", "--name-only", "--no-renames", "--relative", "--", "."],
            cwd=data_root,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if done.returncode != 0:
        return {}
    dates: dict[str, date] = {}
    current: date | None = None
    for line in done.stdout.splitlines():
        if line.startswith("\0"):
            with contextlib.suppress(ValueError):
                current = datetime.fromisoformat(line[1:].strip()).date()
        elif line.strip() and current is not None:
            dates.setdefault(line.strip(), current)  # newest first: the first seen is the latest
    return dates


# --- the models of the goal files ---------------------------------------------------------------


def _models_cache(data_root: Path, name: str = MODELS) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    slot = blake2b(str(data_root.resolve()).encode(), digest_size=8).hexdigest()
    return folder / f"{name}-{slot}"


def _read_pickle(path: Path, code: str, key: str) -> dict[str, object]:
    """The stored ``key`` (a dict) if the file was written by this very code, else empty."""
    # a pickle runs code when read: only ever one of the user's own that nobody else can write
    raw = read_private(path) if private_folder(path.parent) else None
    if raw is None:
        return {}
    try:
        stored = pickle.loads(raw)
    except Exception:  # damaged: as if nothing was kept
        return {}
    if not isinstance(stored, dict) or stored.get("code") != code or not isinstance(stored.get(key), dict):
        return {}
    return stored


def _load_pickle(path: Path, code: str) -> dict[str, GoalFile]:
    return _read_pickle(path, code, "models").get("models", {})  # type: ignore[return-value]


def _dump_pickle(
    path: Path, code: str, models: Mapping[str, object], key: str = "models", **extra: object
) -> None:
    with contextlib.suppress(OSError):
        if not private_folder(path.parent, create=True):
            return
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name.split('-')[0]}-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stored = {"code": code, **extra, key: dict(models)}
                pickle.dump(stored, stream, protocol=pickle.HIGHEST_PROTOCOL)
            Path(temporary).replace(path)
        except OSError:
            Path(temporary).unlink(missing_ok=True)


def _delta(path: Path) -> Path:
    """The models added since ``path`` was last written whole: a rebuild writes only these."""
    return path.with_name(path.name + "-uudet")


def load_models(
    data_root: Path, found: Sequence[Source], parsed: list[int] | None = None
) -> tuple[dict[str, GoalFile], list[LoadedFile]]:
    """Every file's model (from the cache where its digest is known), and the files with problems.

    The cache is one file of every model and a small one of those added since; the small one is
    folded into the large one when it has grown to a tenth of it.  ``parsed`` gets the number of
    files read and validated (not found in the cache).
    """
    code = _code()
    path = _models_cache(data_root)
    whole = _load_pickle(path, code) if path is not None else {}
    added = _load_pickle(_delta(path), code) if path is not None and whole else {}
    models: dict[str, GoalFile] = {}
    broken: list[LoadedFile] = []
    fresh: dict[str, GoalFile] = {}
    for source in found:
        model = added.get(source.digest) or whole.get(source.digest)
        if model is None:
            loaded = load_file(source.path)
            if loaded.goal_file is None or loaded.problems:
                broken.append(loaded)
                continue
            model = fresh[source.digest] = loaded.goal_file
        models[source.name] = model
    if parsed is not None:
        parsed.append(len(broken) + sum(1 for s in found if s.digest in fresh))
    if path is None or broken or not fresh:
        return models, broken
    current = {s.digest for s in found}
    kept = {d: m for d, m in added.items() if d in current}
    if whole and len(kept) + len(fresh) <= max(50, len(models) // 10):
        _dump_pickle(_delta(path), code, {**kept, **fresh})
    else:
        digests = {s.name: s.digest for s in found}
        _dump_pickle(path, code, {digests[name]: model for name, model in models.items()})
        _delta(path).unlink(missing_ok=True)
    return models, broken


PlaceEntries = dict[str, tuple[str, object]]
"""By goal file: (the key of what its place was made from, the place)."""


@dataclass(slots=True)
class KeptPlaces:
    """What :func:`load_places` found: every entry, and the keys of those in the large file."""

    entries: PlaceEntries = field(default_factory=dict)
    whole: dict[str, str] = field(default_factory=dict)


def load_places(data_root: Path, settings: Mapping[str, object]) -> KeptPlaces:
    """The places kept by the last builds with these ``settings``: by file name, (its key, the place).

    The key is the digest of everything the place was made from (:func:`place_key`); a place whose key
    is not the file's key now is not to be used.  As with the models, one file keeps every place and a
    small one those made since.
    """
    path = _models_cache(data_root, PLACES)
    if path is None:
        return KeptPlaces()
    code, wanted = _code(), dict(settings)
    stored = _read_pickle(path, code, "places")
    whole = stored.get("places")
    if stored.get("settings") != wanted or not isinstance(whole, dict):
        return KeptPlaces()
    added = _read_pickle(_delta(path), code, "places")
    since = added.get("places") if added.get("settings") == wanted else None
    entries: PlaceEntries = {**whole, **(since if isinstance(since, dict) else {})}
    return KeptPlaces(entries, {name: entry[0] for name, entry in whole.items()})


def store_places(
    data_root: Path, settings: Mapping[str, object], places: PlaceEntries, kept: KeptPlaces
) -> None:
    """Keep ``places`` for the next build; ``kept`` is what :func:`load_places` gave this one."""
    path = _models_cache(data_root, PLACES)
    if path is None:
        return
    code = _code()
    if kept.whole and set(kept.whole) == set(places):
        since = {name: entry for name, entry in places.items() if kept.whole.get(name) != entry[0]}
        if len(since) <= max(50, len(places) // 10):
            _dump_pickle(_delta(path), code, since, "places", settings=dict(settings))
            return
    _dump_pickle(path, code, places, "places", settings=dict(settings))
    _delta(path).unlink(missing_ok=True)


def place_key(name: str, deps: Iterable[str], digests: Mapping[str, str]) -> str:
    """The digest of the file ``name`` and of the files it depends on (``deps``, itself included)."""
    digest = blake2b(name.encode("utf-8", "surrogateescape"), digest_size=16)
    for dep in sorted(deps):
        digest.update(f"\0{dep}\0{digests.get(dep, '-')}".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def settings_problems(data_root: Path) -> list[LoadedFile]:
    """The data folder's settings file, if it has problems."""
    found = settings_path(data_root)
    loaded = load_file(found) if found is not None else None
    return [loaded] if loaded is not None and loaded.problems else []


# --- the site folder ----------------------------------------------------------------------------


@dataclass(slots=True)
class Written:
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    full: bool = True
    paths: list[str] = field(default_factory=list)


def _read_manifest(folder: Path) -> dict[str, object] | None:
    try:
        stored = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stored if isinstance(stored, dict) and stored.get("versio") == MANIFEST_VERSION else None


def check_folder(folder: Path, data_root: Path) -> None:
    """Refuse the data folder, a file in the folder's place, and a non-empty folder that is not a site."""
    resolved, data = folder.resolve(), data_root.resolve()
    if resolved == data or resolved.is_relative_to(data) or data.is_relative_to(resolved):
        raise SiteFolderError("inside_data", folder)
    if folder.exists() and not folder.is_dir():
        raise SiteFolderError("not_a_folder", folder)
    if folder.is_dir() and any(folder.iterdir()) and not (folder / MANIFEST).is_file():
        raise SiteFolderError("not_a_site", folder)


def write_site(
    folder: Path,
    outputs: Iterable[Output],
    settings: Mapping[str, object],
    digests: Mapping[str, str],
    prepare: Callable[[set[str]], Mapping[str, int]] | None = None,
    deps: Mapping[str, frozenset[str]] | None = None,
) -> Written:
    """Render and write the outputs that depend on a changed goal file; remove what is no longer there.

    ``prepare`` is given the goal files the chosen outputs need (:attr:`Output.needs`) before any is
    rendered; what it returns (counts) is kept in the manifest with the build's own.  ``deps`` are the
    goal files each goal file's evaluation depends on (its trends' baselines); they are kept too, so
    that a file is counted as changed when one it depended on last time changed, even if it no
    longer depends on it.
    """
    previous = _read_manifest(folder)
    old_digests = previous.get("lähteet") if previous else None
    incremental = (
        previous is not None
        and previous.get("asetukset") == dict(settings)
        and isinstance(old_digests, dict)
        and set(old_digests) == set(digests)
    )
    changed: set[str] = set()
    if incremental and isinstance(old_digests, dict):
        changed = {name for name, digest in digests.items() if old_digests.get(name) != digest}
        before = previous.get("riippuvuudet") if previous else None
        if changed and isinstance(before, dict):
            changed |= {n for n, d in before.items() if isinstance(d, list) and not changed.isdisjoint(d)}
    result = Written(full=not incremental)
    folder.mkdir(parents=True, exist_ok=True)
    existing = _existing(folder) if incremental else set()
    stored_keys = previous.get("avaimet") if previous else None
    old_keys = stored_keys if incremental and isinstance(stored_keys, dict) else {}
    keys: dict[str, str] = {}
    chosen: list[Output] = []
    for output in outputs:
        result.paths.append(output.path)
        if output.key is not None:
            keys[output.path] = output.key
            same = old_keys.get(output.path) == output.key
        else:
            same = not _affected(output, changed)
        if incremental and same and output.path in existing:
            result.unchanged += 1
        else:
            chosen.append(output)
    notes = dict(prepare({s for output in chosen for s in output.needs})) if prepare is not None else {}
    if previous is not None and chosen:  # a build stopped half-way leaves a manifest that builds it all
        listed = previous.get("tiedostot")
        paths = sorted({*result.paths, *(str(p) for p in (listed if isinstance(listed, list) else []))})
        unfinished = {"versio": MANIFEST_VERSION, "asetukset": {}, "lähteet": {}, "tiedostot": paths}
        _write(folder / MANIFEST, (json.dumps(unfinished, ensure_ascii=False) + "\n").encode("utf-8"))
    result.written = _render_all(folder, chosen)
    old_paths = previous.get("tiedostot") if previous else None
    if isinstance(old_paths, list):
        result.removed = _remove_stale(folder, set(old_paths) - set(result.paths))
    manifest = {
        "versio": MANIFEST_VERSION,
        "asetukset": dict(settings),
        "lähteet": dict(digests),
        "tiedostot": result.paths,
        "avaimet": keys,
        "riippuvuudet": {name: sorted(d) for name, d in (deps or {}).items() if d != {name}},
        "viimeksi": {
            "kirjoitettu": result.written,
            "ennallaan": result.unchanged,
            "poistettu": result.removed,
            **notes,
        },
    }
    _write(folder / MANIFEST, (json.dumps(manifest, ensure_ascii=False) + "\n").encode("utf-8"))
    return result


_CHOSEN: list[Output] = []
"""The outputs being written, for worker processes forked from this one (they inherit it)."""
_FOLDER: list[Path] = []
CHUNK = 250
"""outputs per task at most"""
PARALLEL_FROM = 50
"""fewer outputs are written in this process: starting workers would take longer"""


def _render_all(folder: Path, chosen: list[Output]) -> int:
    """Render and write ``chosen``: over forked worker processes where there are many (Linux)."""
    processes = jobs(len(chosen), parallel_from=PARALLEL_FROM, per_job=1)
    if processes <= 1 or sys.platform != "linux":
        return _render_range(folder, chosen)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _CHOSEN[:], _FOLDER[:] = chosen, [folder]
    size = max(1, min(CHUNK, len(chosen) // (processes * 4)))
    ranges = [(start, min(start + size, len(chosen))) for start in range(0, len(chosen), size)]
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(processes, mp_context=context, initializer=_quiet_worker) as pool:
            return sum(pool.map(_render_chunk, ranges))
    finally:
        _CHOSEN.clear()
        _FOLDER.clear()


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the main process."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _render_chunk(bounds: tuple[int, int]) -> int:
    return _render_range(_FOLDER[0], _CHOSEN[bounds[0] : bounds[1]])


def _render_range(folder: Path, chosen: Iterable[Output]) -> int:
    made: set[Path] = set()
    count = 0
    for output in chosen:
        target = folder / output.path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        _write(target, output.render().encode("utf-8"))
        count += 1
    return count


def _existing(folder: Path) -> set[str]:
    """Every regular file under ``folder``, by its path with forward slashes (links are not followed)."""
    found: set[str] = set()
    pending = [(str(folder), "")]
    while pending:
        top, prefix = pending.pop()
        try:
            with os.scandir(top) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append((entry.path, f"{prefix}{entry.name}/"))
                    elif entry.is_file(follow_symlinks=False):
                        found.add(prefix + entry.name)
        except OSError:
            continue
    return found


def _affected(output: Output, changed: set[str]) -> bool:
    if not changed:
        return False
    return output.deps is None or not changed.isdisjoint(output.deps)


def _write(target: Path, payload: bytes) -> None:
    """A new file directly; an existing one through a temporary file, so that a reader never sees half a page."""
    if not target.exists():
        with contextlib.suppress(FileExistsError), target.open("xb") as stream:
            stream.write(payload)
            return
    handle, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.chmod(temporary, 0o644)  # noqa: PTH101 - a str from mkstemp
        os.replace(temporary, target)  # noqa: PTH105
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)  # noqa: PTH108
        raise


def _remove_stale(folder: Path, stale: set[str]) -> int:
    removed = 0
    root = folder.resolve()
    for name in sorted(stale):
        target = (folder / name).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            continue
        target.unlink()
        removed += 1
        with contextlib.suppress(OSError):  # an emptied folder goes too
            parent = target.parent
            while parent != root and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
    return removed
