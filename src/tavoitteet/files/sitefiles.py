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
files that did not change.  The cache is only ever read back by the same code
(the fingerprint is part of it) and is ignored when damaged.
"""

from __future__ import annotations

import contextlib
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
from tavoitteet.files.settings import settings_path
from tavoitteet.files.validcache import blake2b, cache_folder, fingerprint


class Output(Protocol):
    """A file of the site (:class:`tavoitteet.render.site.plan.Output`): where, what it depends on, how."""

    @property
    def path(self) -> str: ...

    @property
    def deps(self) -> frozenset[str] | None:
        """The goal files whose change can change it; None for every file."""

    @property
    def render(self) -> Callable[[], str]: ...


MANIFEST = ".tavoitteet-sivusto.json"
MANIFEST_VERSION = 1
MODELS = "site-models.pickle"


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
            digest = blake2b(path.read_bytes(), digest_size=16)
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


def _models_cache(data_root: Path) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    slot = blake2b(str(data_root.resolve()).encode(), digest_size=8).hexdigest()
    return folder / f"{MODELS}-{slot}"


def _load_pickle(path: Path, code: str) -> dict[str, GoalFile]:
    try:
        with path.open("rb") as stream:
            stored = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return {}
    if (
        not isinstance(stored, dict)
        or stored.get("code") != code
        or not isinstance(stored.get("models"), dict)
    ):
        return {}
    return stored["models"]  # type: ignore[no-any-return]


def _dump_pickle(path: Path, code: str, models: Mapping[str, GoalFile]) -> None:
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".site-models.", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump({"code": code, "models": dict(models)}, stream, protocol=pickle.HIGHEST_PROTOCOL)
            Path(temporary).replace(path)
        except OSError:
            Path(temporary).unlink(missing_ok=True)


def _delta(path: Path) -> Path:
    """The models added since ``path`` was last written whole: a rebuild writes only these."""
    return path.with_name(path.name + "-uudet")


def load_models(data_root: Path, found: Sequence[Source]) -> tuple[dict[str, GoalFile], list[LoadedFile]]:
    """Every file's model (from the cache where its digest is known), and the files with problems.

    The cache is one file of every model and a small one of those added since; the small one is
    folded into the large one when it has grown to a tenth of it.
    """
    code = fingerprint()
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
    folder: Path, outputs: Iterable[Output], settings: Mapping[str, object], digests: Mapping[str, str]
) -> Written:
    """Render and write the outputs that depend on a changed goal file; remove what is no longer there."""
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
    result = Written(full=not incremental)
    folder.mkdir(parents=True, exist_ok=True)
    chosen: list[Output] = []
    for output in outputs:
        result.paths.append(output.path)
        if incremental and not _affected(output, changed) and (folder / output.path).is_file():
            result.unchanged += 1
        else:
            chosen.append(output)
    result.written = _render_all(folder, chosen)
    old_paths = previous.get("tiedostot") if previous else None
    if isinstance(old_paths, list):
        result.removed = _remove_stale(folder, set(old_paths) - set(result.paths))
    manifest = {
        "versio": MANIFEST_VERSION,
        "asetukset": dict(settings),
        "lähteet": dict(digests),
        "tiedostot": result.paths,
        "viimeksi": {
            "kirjoitettu": result.written,
            "ennallaan": result.unchanged,
            "poistettu": result.removed,
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
