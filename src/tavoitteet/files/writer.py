"""Write realization entries and levels into goal files without damaging them.

The only module that writes goal files.  Under an exclusive lock on a sidecar
file (``.<name>.lock`` next to the goal file) it reads the bytes, makes the edit
surgically (:mod:`tavoitteet.files.yamledit`), re-parses and validates the result,
checks that the only difference in the data is the intended one, checks that
the file did not change on disk meanwhile, and replaces the file atomically
(temporary file in the same folder, flush + fsync, ``os.replace``), keeping its
mode and any symbolic link pointing at it.  Any doubt: refuse, file untouched.
"""

from __future__ import annotations

import copy
import dataclasses
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from collections.abc import Mapping as Mapping_
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tavoitteet.core.document import Document
from tavoitteet.core.model import Goal, IndicatorBase, walk
from tavoitteet.core.parsing import format_date
from tavoitteet.core.problems import DataPath, Problem
from tavoitteet.core.values import needs_stated_period
from tavoitteet.files.loader import LoadedFile, validate_document
from tavoitteet.files.yamledit import EditRefused, Mapping, PlainValue, add_entry, set_key
from tavoitteet.files.yamlread import UTF8_BOM, parse_bytes
from tavoitteet.words.i18n import Lang, translate
from tavoitteet.words.problem_messages import message

LOCK_TIMEOUT_SECONDS = 30.0
# Windows only: a file held open for a moment (virus scanner, indexer, sync client) cannot be replaced.
REPLACE_ATTEMPTS = 20 if sys.platform == "win32" else 1
REPLACE_PAUSE_SECONDS = 0.05

_MESSAGES = {
    "write.invalid_before": {
        "fi": "tiedostossa on virheitä, ensimmäinen {detail}; korjaa ne ensin (tavoitteet validate {file})",
        "en": "the file has errors, the first {detail}; fix them first (tavoitteet validate {file})",
    },
    "write.no_indicator": {
        "fi": "mittaria '{id}' ei ole tiedostossa",
        "en": "the indicator '{id}' is not in the file",
    },
    "edit.flow_style": {
        "fi": "rivillä {line} mittari tai sen toteuma on kirjoitettu hakasulku- tai aaltosulkumuodossa; kirjoita se lohkomuotoon (avain: arvo omille riveilleen)",
        "en": "on line {line} the indicator or its toteuma is written in flow style ([...] or {{...}}); write it in block style (key: value on lines of their own)",
    },
    "edit.layout": {
        "fi": "rivin {line} sisennys on poikkeava, joten uutta kirjausta ei voi lisätä varmasti oikeaan kohtaan",
        "en": "the indentation of line {line} is unusual, so the new entry cannot be placed safely",
    },
    "write.unexpected_change": {
        "fi": "kirjaus olisi muuttanut tiedoston tietoja muualtakin",
        "en": "the entry would have changed the file's data elsewhere too",
    },
    "write.invalid_after": {
        "fi": "kirjauksen jälkeen tiedosto ei olisi kelvollinen: {detail}",
        "en": "after the entry the file would not be valid: {detail}",
    },
    "write.changed_on_disk": {
        "fi": "tiedosto muuttui levyllä kirjauksen aikana (onko se auki editorissa?); yritä uudelleen",
        "en": "the file changed on disk during the entry (is it open in an editor?); try again",
    },
    "write.locked": {
        "fi": "toinen kirjaus kirjoittaa tiedostoa juuri nyt ({seconds} s odotettu); yritä uudelleen",
        "en": "another entry is writing the file right now (waited {seconds} s); try again",
    },
    "write.read_only": {
        "fi": "tiedosto on kirjoitussuojattu (vain luku); poista suojaus, jos kirjaus kuuluu tähän tiedostoon",
        "en": "the file is read-only; remove the protection if the entry belongs in this file",
    },
    "write.os_error": {
        "fi": "tiedostoa ei voitu kirjoittaa: {reason}",
        "en": "the file could not be written: {reason}",
    },
    "write.permission": {
        "fi": "tiedostoa ei voitu kirjoittaa ({reason}); tarkista, että sinulla on kirjoitusoikeus tiedostoon ja sen kansioon",
        "en": "the file could not be written ({reason}); check that you have write permission to the file and its folder",
    },
}
_ON_LINE = {"fi": "rivillä {line} (sarake {column})", "en": "on line {line} (column {column})"}
_UNTOUCHED = {"fi": "Tiedostoa ei muutettu.", "en": "The file was not changed."}


class WriteRefused(Exception):
    """The write was refused; the file is untouched.  ``describe`` words it."""

    def __init__(self, key: str, path: Path, problem: Problem | None = None, **args: str) -> None:
        super().__init__(key)
        self.key = key
        self.path = path
        self.problem = problem
        self.args_ = {"file": str(path), **args}

    def describe(self, lang: Lang) -> str:
        args = dict(self.args_)
        if self.problem is not None:
            where = _ON_LINE[lang].format(line=self.problem.line, column=self.problem.column)
            args["detail"] = f"{where}: {message(self.problem.key, lang, self.problem.args)}"
        return f"{self.path}: {translate(_MESSAGES, self.key, lang, args)}. {_UNTOUCHED[lang]}"


@dataclass(frozen=True, slots=True)
class NewEntry:
    """A dated realization entry (``toteuma``) to append.

    ``corrects`` / ``withdraws`` name (1-based) the earlier entry it replaces or
    withdraws; a withdrawal has no value.
    """

    day: date
    value: PlainValue | None
    by: str | None = None
    source: str | None = None
    comment: str | None = None
    corrects: int | None = None
    withdraws: int | None = None
    period: int | None = None
    """The year the value is of (``vuosi``); :func:`plan` states the file's year when the day needs it."""

    def as_data(self) -> Mapping:
        data: Mapping = {"pvm": format_date(self.day)}
        optional = (
            ("vuosi", None if self.period is None else str(self.period)),
            ("arvo", self.value),
            ("korjaa", None if self.corrects is None else str(self.corrects)),
            ("peruu", None if self.withdraws is None else str(self.withdraws)),
            ("kirjaaja", self.by),
            ("lähde", self.source),
            ("kommentti", self.comment),
        )
        data.update({key: text for key, text in optional if text is not None})
        return data


@dataclass(frozen=True, slots=True)
class NewLevel:
    """A realization level set by hand (``toteutumistaso``), replacing any earlier one."""

    level: str
    reason: str
    day: date
    by: str | None = None

    def as_data(self) -> Mapping:
        data: Mapping = {"taso": self.level, "perustelu": self.reason, "pvm": format_date(self.day)}
        if self.by is not None:
            data["asettaja"] = self.by
        return data


@dataclass(frozen=True, slots=True)
class NewItem:
    """An item appended to a list of the indicator, goal or file: ``sarja`` or ``arviot`` (issue 14)."""

    key: str
    data: Mapping

    def as_data(self) -> Mapping:
        return dict(self.data)


Change = NewEntry | NewLevel | NewItem


@dataclass(frozen=True, slots=True)
class Written:
    """The outcome of a write: the file as it now is."""

    path: Path
    loaded: LoadedFile


def record(path: Path, indicator_id: str, changes: Sequence[Change]) -> Written:
    """Apply ``changes`` to the indicator ``indicator_id`` in ``path``, or refuse (WriteRefused)."""
    real = path.resolve()
    with _locked(real):
        _test_crash_point("locked")
        before = _snapshot(real)
        if not before[3] & stat.S_IWRITE:
            raise WriteRefused("write.read_only", real)
        new_bytes, loaded = plan(before[0], real, indicator_id, changes)
        _replace(real, new_bytes, before)
    return Written(real, loaded)


def record_files(edits: Mapping_[Path, Sequence[tuple[str, Sequence[Change]]]]) -> list[Written]:
    """Several indicators' changes in several files, all planned before any file is replaced.

    Every file is locked (in a fixed order, so two imports cannot deadlock),
    read, edited indicator by indicator and validated; only when every file's
    new text is known are they replaced, each atomically.  A refusal in any
    file leaves every file untouched.
    """
    reals = sorted({path.resolve(): path for path in edits}.items())
    with ExitStack() as stack:
        planned = []
        for real, given in reals:
            stack.enter_context(_locked(real))
            before = _snapshot(real)
            if not before[3] & stat.S_IWRITE:
                raise WriteRefused("write.read_only", real)
            data, loaded = before[0], None
            for item_id, changes in edits[given]:
                data, loaded = plan(data, real, item_id, changes)
            if loaded is not None:
                planned.append((real, data, before, loaded))
        _test_crash_point("locked")
        for real, data, before, _loaded in planned:
            _replace(real, data, before)
    return [Written(real, loaded) for real, _data, _before, loaded in planned]


def plan(old: bytes, path: Path, indicator_id: str, changes: Sequence[Change]) -> tuple[bytes, LoadedFile]:
    """The new bytes of the file and the file as loaded from them; pure apart from naming ``path``."""
    document, loaded = _load(old, path, "write.invalid_before")
    known = {(p.code, p.key, p.path) for p in loaded.problems}
    expected = copy.deepcopy(document.data)
    for change in changes:
        where = indicator_path(loaded, indicator_id, path)
        change = _with_period(change, loaded)
        try:
            text = _edit(document, where, change)
        except EditRefused as refused:
            raise WriteRefused(refused.key, path, line=str(refused.line)) from None
        _apply_to_data(expected, where, change)
        document, loaded = _load(_encode(text, document.bom), path, "write.invalid_after")
    _verify(document, loaded, expected, known, path)
    return _encode(document.text, document.bom), loaded


def _with_period(change: Change, loaded: LoadedFile) -> Change:
    """An entry dated outside its file's year window says it is that year's value (``vuosi``)."""
    if not isinstance(change, NewEntry) or change.period is not None or loaded.goal_file is None:
        return change
    year = loaded.goal_file.year
    return dataclasses.replace(change, period=year) if needs_stated_period(change.day, year) else change


def indicator_path(loaded: LoadedFile, indicator_id: str, path: Path) -> DataPath:
    """The key path of the indicator with ``indicator_id`` (or of the goal, for an assessment; ``""``: the file)."""
    assert loaded.goal_file is not None
    if indicator_id == "":
        return ()
    for where, node in walk(loaded.goal_file):
        if isinstance(node, IndicatorBase | Goal) and node.id == indicator_id:
            return where
    raise WriteRefused("write.no_indicator", path, id=indicator_id)


def _edit(document: Document, where: DataPath, change: Change) -> str:
    if isinstance(change, NewEntry):
        return add_entry(document, where, change.as_data())
    if isinstance(change, NewItem):
        return add_entry(document, where, change.as_data(), change.key)
    return set_key(document, where, "toteutumistaso", change.as_data())


def _apply_to_data(data: dict[str, Any], where: DataPath, change: Change) -> None:
    node: Any = data
    for part in where:
        node = node[part]
    if isinstance(change, NewEntry):
        node.setdefault("toteuma", []).append(change.as_data())
    elif isinstance(change, NewItem):
        node.setdefault(change.key, []).append(change.as_data())
    else:
        node["toteutumistaso"] = change.as_data()


def _load(raw: bytes, path: Path, failure: str) -> tuple[Document, LoadedFile]:
    result = parse_bytes(raw, path)
    if result.document is None:
        raise WriteRefused(failure, path, _first(result.problems))
    loaded = validate_document(result.document, path)
    if loaded.goal_file is None:
        raise WriteRefused(failure, path, _first(loaded.problems))
    return result.document, loaded


def _first(problems: Sequence[Problem]) -> Problem | None:
    return min(problems, key=Problem.sort_key) if problems else None


def _verify(
    document: Document, loaded: LoadedFile, expected: dict[str, Any], known: set[Any], path: Path
) -> None:
    """Only the intended data changed, and no problem appeared that was not there before."""
    if document.data != expected:
        raise WriteRefused("write.unexpected_change", path)
    new = [p for p in loaded.problems if (p.code, p.key, p.path) not in known]
    if new:
        raise WriteRefused("write.invalid_after", path, _first(new))


def _os_refusal(real: Path, error: OSError) -> WriteRefused:
    key = "write.permission" if isinstance(error, PermissionError) else "write.os_error"
    return WriteRefused(key, real, reason=error.strerror or str(error))


def _encode(text: str, bom: bool) -> bytes:
    return (UTF8_BOM if bom else b"") + text.encode("utf-8")


Snapshot = tuple[bytes, int, int, int]


def _snapshot(real: Path) -> Snapshot:
    """The file's bytes, modification time, size and mode."""
    try:
        with real.open("rb") as handle:
            status = os.fstat(handle.fileno())
            return handle.read(), status.st_mtime_ns, status.st_size, status.st_mode & 0o7777
    except OSError as error:
        raise _os_refusal(real, error) from None


def _replace(real: Path, new_bytes: bytes, before: Snapshot) -> None:
    temporary = _write_temporary(real, new_bytes, before[3])
    try:
        if _snapshot(real) != before:
            raise WriteRefused("write.changed_on_disk", real)
        _test_crash_point("temporary-written")
        _rename_over(temporary, real)
        _test_crash_point("replaced")
    except OSError as error:
        raise _os_refusal(real, error) from None
    finally:
        with suppress(OSError):
            temporary.unlink()
    _sync_folder(real.parent)


def _test_crash_point(stage: str) -> None:
    """``TAVOITTEET_TEST_KILL_AT=<stage>`` kills the process here, as a power cut would: crash tests hit every stage."""
    if os.environ.get("TAVOITTEET_TEST_KILL_AT") == stage:
        import signal

        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


def _rename_over(temporary: Path, real: Path) -> None:
    """``os.replace``, retried briefly: Windows refuses while a scanner or indexer holds the file."""
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            temporary.replace(real)
            return
        except PermissionError:
            if attempt == REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(REPLACE_PAUSE_SECONDS)


def _write_temporary(real: Path, data: bytes, mode: int) -> Path:
    try:
        with tempfile.NamedTemporaryFile(
            dir=real.parent, prefix=f".{real.name}.", suffix=".tmp", delete=False
        ) as handle:
            temporary = Path(handle.name)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.chmod(mode)
    except OSError as error:
        raise _os_refusal(real, error) from None
    return temporary


def _sync_folder(folder: Path) -> None:
    if sys.platform == "win32":
        return
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def lock_path(real: Path) -> Path:
    """The sidecar lock file of a goal file."""
    return real.with_name(f".{real.name}.lock")


@contextmanager
def _locked(real: Path) -> Iterator[None]:
    try:
        descriptor = os.open(lock_path(real), os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise _os_refusal(real, error) from None
    try:
        _acquire(descriptor, real)
        try:
            yield
        finally:
            _unlock(descriptor)
    finally:
        os.close(descriptor)


def _acquire(descriptor: int, real: Path) -> None:
    deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
    while True:
        try:
            _try_lock(descriptor)
            return
        except OSError:
            if time.monotonic() >= deadline:
                raise WriteRefused("write.locked", real, seconds=f"{LOCK_TIMEOUT_SECONDS:.0f}") from None
            time.sleep(0.02)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows CI
    import msvcrt

    def _try_lock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
