"""``tavoitteet validate``: check goal files and report every problem."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tavoitteet import errors
from tavoitteet.core.problems import Code, Problem
from tavoitteet.files import parallel
from tavoitteet.files.discovery import goal_files
from tavoitteet.files.validcache import ValidCache, content_key, file_key
from tavoitteet.render.problems import (
    MAX_PRINTED,
    ProblemFormat,
    capped,
    excerpt,
    render_github,
    render_json,
    render_text,
)
from tavoitteet.words.i18n import Lang

if TYPE_CHECKING:
    from tavoitteet.files.loader import LoadedFile

PARALLEL_FROM = 200
"""From this many files on, files are checked in worker processes, one per core."""


@dataclass
class Tally:
    """What was checked: counts for the summary line."""

    files: int = 0
    committees: set[str] = field(default_factory=set)
    goals: int = 0
    actions: int = 0
    indicators: int = 0
    problems: int = 0
    files_with_problems: set[Path] = field(default_factory=set)
    """counted, not kept: only the problems that are printed are kept (a broken corpus has millions)"""

    def add(self, loaded: LoadedFile) -> None:
        self.add_checked(FileResult.of(loaded))

    def add_checked(self, result: FileResult) -> None:
        self.files += 1
        if result.committee is None:
            return
        self.committees.add(result.committee)
        self.goals += result.goals
        self.actions += result.actions
        self.indicators += result.indicators

    def count_problems(self, path: Path, count: int) -> None:
        self.problems += count
        self.files_with_problems.add(path)

    def as_dict(self) -> dict[str, int]:
        return {
            "tiedostot": self.files,
            "lautakunnat": len(self.committees),
            "tavoitteet": self.goals,
            "teot": self.actions,
            "mittarit": self.indicators,
        }


@dataclass(frozen=True, slots=True)
class FileResult:
    """What validate keeps of one checked file: its problems, counts and the lines its problems point at."""

    path: Path
    problems: list[Problem]
    committee: str | None = None
    goals: int = 0
    actions: int = 0
    indicators: int = 0
    source: dict[int, str] | None = None
    key: str | None = None
    """the cache key of the very bytes that were checked (a file may change while it is checked)"""

    @classmethod
    def of(cls, loaded: LoadedFile, keyed: bool = True) -> FileResult:
        source = excerpt(_source_lines(loaded, loaded.path), loaded.problems) if loaded.problems else None
        goal_file = loaded.goal_file
        if goal_file is None:
            return cls(loaded.path, loaded.problems, source=source)
        goals = goal_file.goals()
        actions = sum(len(g.actions) for g in goals)
        indicators = len(goal_file.indicators())
        committee = goal_file.committee  # one committee of each municipality counts once
        if goal_file.municipality:
            committee += f" ({goal_file.municipality})"
        key = None if loaded.problems or not keyed else _checked_key(loaded)
        return cls(loaded.path, loaded.problems, committee, len(goals), actions, indicators, source, key)


def _checked_key(loaded: LoadedFile) -> str | None:
    """The key of the bytes the loader decoded: strict UTF-8 gives them back exactly."""
    document = loaded.document
    if document is None:
        return None
    raw = (b"\xef\xbb\xbf" if document.bom else b"") + document.text.encode("utf-8")
    return content_key(raw, loaded.path)


def load_file(path: Path) -> LoadedFile:
    """Load one file to check it, imported on first use: files found valid before need no models.

    :func:`tavoitteet.files.quickread.load_quick`: a file of the plain shape is
    read without the positions of its nodes; a file with any problem is read
    with the full reader, so the problems are those of
    :func:`tavoitteet.files.loader.load_file` either way.
    """
    from tavoitteet.files.quickread import load_quick

    return load_quick(path)


def _load_with_positions(path: Path) -> LoadedFile:
    from tavoitteet.files.loader import load_file as load

    return load(path)


def check_file(path: Path, keyed: bool = True) -> FileResult:
    """Load one file and keep only what the summary and the report need (``keyed``: with its cache key)."""
    return FileResult.of(load_file(path), keyed)


_Checked = tuple[list[Problem], str | None, int, int, int, dict[int, str] | None, str | None]


def _check_chunk(work: tuple[list[str], bool]) -> list[_Checked]:
    """A worker's share: what was found in each file, without the paths the main process already has."""
    from tavoitteet.files.loader import settings_once

    names, keyed = work
    results = []
    with settings_once():
        for name in names:
            r = check_file(Path(name), keyed)
            results.append((r.problems, r.committee, r.goals, r.actions, r.indicators, r.source, r.key))
    return results


def _build_models() -> None:
    """Import the loader and compile the goal file's validator in this process: forked workers inherit them."""
    from tavoitteet.core.validation import validator_of
    from tavoitteet.files import loader, quickread  # noqa: F401

    validator_of("GoalFile")


def check_files(
    files: Sequence[Path], keyed: bool = True, since: parallel.CpuSample | None = None
) -> Iterator[FileResult]:
    """Check files in order; many files are spread over worker processes in chunks.

    The models are built before the workers are counted and forked: forked
    workers inherit them, and building them is the time over which the cores
    other work keeps busy are measured (``since``, a :func:`parallel.cpu_sample`).
    """
    if len(files) >= PARALLEL_FROM:
        _build_models()
    processes = parallel.jobs(len(files), PARALLEL_FROM, since=since)
    if processes <= 1:
        from tavoitteet.files.loader import settings_once

        with settings_once():
            for path in files:
                yield check_file(path, keyed)
        return
    _build_models()  # also for TAVOITTEET_JOBS below PARALLEL_FROM files

    chunks = _chunks(files, processes)
    work = [([str(path) for path in chunk], keyed) for chunk in chunks]
    for chunk, results in zip(chunks, parallel.ordered_map(_check_chunk, work, processes), strict=True):
        for path, found in zip(chunk, results, strict=True):
            yield FileResult(path, *found)


def _chunks(files: Sequence[Path], processes: int) -> list[list[Path]]:
    """The files in chunks for the workers, smaller toward the end so that the workers finish together.

    A chunk is an eighth of a worker's share at first, at most 250 files (fewer
    hand-overs), and shrinks with what is left, down to 10 files: the last
    chunk handed out no longer keeps one worker busy while the others wait.
    """
    chunks = []
    start = 0
    while start < len(files):
        size = max(10, min(250, (len(files) - start) // (processes * 8)))
        chunks.append(list(files[start : start + size]))
        start += size
    return chunks


def check_with_cache(
    files: Sequence[Path], cache: ValidCache, since: parallel.CpuSample | None = None
) -> Iterator[FileResult]:
    """Check files in order, taking files found valid before (same bytes, name and year) from ``cache``."""
    keys = [file_key(path) for path in files] if cache.file is not None else [None] * len(files)
    known = [cache.get(key) for key in keys]
    fresh = check_files(
        [path for path, entry in zip(files, known, strict=True) if entry is None],
        cache.file is not None,
        since,
    )
    for path, key, entry in zip(files, keys, known, strict=True):
        if entry is not None:
            yield FileResult(path, [], *entry)
            continue
        result = next(fresh)
        if not result.problems and result.committee is not None and key is not None:
            cache.put(result.key, (result.committee, result.goals, result.actions, result.indicators))
        yield result


def run(paths: Sequence[Path], output: ProblemFormat, lang: Lang, languages: Sequence[str] = ()) -> int:
    started = parallel.cpu_sample()
    targets = list(paths) or [_default_root(lang)]
    files = goal_files(t for t in targets if t.exists() or t.is_symlink())
    tally = Tally()
    problems: list[Problem] = []
    sources: dict[Path, dict[int, str]] = {}
    for target in targets:
        if not target.exists() and not target.is_symlink():
            problems.append(Problem(target, Code.UNREADABLE, "file.unreadable", {"reason": _missing(lang)}))
    if not files and not problems:
        problems.append(Problem(targets[0], Code.NO_FILES, "check.no_files", {"target": str(targets[0])}))
    for problem in problems:
        tally.count_problems(problem.file, 1)
    cache = ValidCache.open()
    results: list[FileResult] = []
    for result in check_with_cache(files, cache, started):
        tally.add_checked(result)
        results.append(
            FileResult(
                result.path, [], result.committee, result.goals, len(result.problems), result.indicators
            )
        )
        if result.problems:
            tally.count_problems(result.path, len(result.problems))
            if len(problems) <= MAX_PRINTED:  # problems that are not printed, and their lines, are not kept
                sources[result.path] = result.source or {}
                problems += result.problems
    cache.save()
    if "sv" in languages:
        problems += missing_translations([f for f in files if f not in sources], sources)
    sys.stdout.write(_render(problems, sources, output, lang, tally))
    if output is ProblemFormat.GITHUB:
        _step_summary(results, problems, summary(tally, lang), lang)
    return errors.PROBLEMS if problems else errors.OK


def _step_summary(results: list[FileResult], problems: list[Problem], verdict: str, lang: Lang) -> None:
    """In a GitHub Actions run, add a table of the files to the run's page ($GITHUB_STEP_SUMMARY)."""
    import os

    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    from tavoitteet.render.problems import display_path
    from tavoitteet.render.step_summary import FileLine, render

    # each kept result carries its number of problems where the actions count goes (not shown here)
    lines = [FileLine(display_path(r.path), r.committee, r.goals, r.indicators, r.actions) for r in results]
    checked = {r.path for r in results}
    missing: dict[Path, int] = {}
    for problem in problems:  # a path that was named but could not be read
        if problem.file not in checked:
            missing[problem.file] = missing.get(problem.file, 0) + 1
    lines += [FileLine(display_path(path), None, 0, 0, n) for path, n in missing.items()]
    try:
        with Path(target).open("a", encoding="utf-8") as handle:
            handle.write(render(lines, verdict, lang))
    except OSError as error:
        sys.stderr.write(f"tavoitteet: GITHUB_STEP_SUMMARY: {error.strerror or error}\n")


def missing_translations(files: Sequence[Path], sources: dict[Path, dict[int, str]]) -> list[Problem]:
    """``--languages fi,sv``: every text of the (valid) files without its Swedish version."""
    from tavoitteet.core.languages import missing_swedish
    from tavoitteet.core.problems import format_path

    problems: list[Problem] = []
    for path in files:
        loaded = _load_with_positions(path)
        if loaded.goal_file is None or loaded.document is None:
            continue
        found = []
        for where, key in missing_swedish(loaded.goal_file):
            line, column = loaded.document.position((*where, key), key=True)
            args = {"key": key, "where": format_path(where) or "tiedosto"}
            found.append(
                Problem(
                    path, Code.MISSING_TRANSLATION, "language.missing_sv", args, line, column, (*where, key)
                )
            )
        if found:
            sources[path] = excerpt(_source_lines(loaded, path), found)
        problems += found
    return problems


def parse_languages(text: str | None) -> list[str]:
    """``fi,sv`` -> ["fi", "sv"]; only Finnish and Swedish are content languages."""
    if not text:
        return []
    languages = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [code for code in languages if code not in ("fi", "sv")]
    if unknown:
        raise errors.UserError(
            f"tavoitteet: --languages {unknown[0]!r}: fi, sv "
            "(sisällön kielet: suomi ja ruotsi / content languages: Finnish and Swedish)",
            errors.USAGE,
        )
    return languages


def _render(
    problems: list[Problem],
    sources: dict[Path, dict[int, str]],
    output: ProblemFormat,
    lang: Lang,
    tally: Tally,
) -> str:
    shown = capped(problems)
    if output is ProblemFormat.JSON:
        return render_json(shown, lang, tally.as_dict())
    if output is ProblemFormat.GITHUB:
        return render_github(shown, lang) + summary(tally, lang)
    return render_text(shown, sources, lang) + summary(tally, lang)


def summary(tally: Tally, lang: Lang) -> str:
    """One line: what was checked and the verdict, with Finnish or English number agreement."""
    counts = tally.as_dict()
    nouns = _NOUNS[lang]
    checked = ", ".join(
        _count(counts[key], nouns[key], lang) for key in ("lautakunnat", "tavoitteet", "teot", "mittarit")
    )
    files = _count(counts["tiedostot"], nouns["tiedostot"], lang)
    in_files = _count(len(tally.files_with_problems), nouns["tiedostoissa"], lang)
    errors_found = _count(tally.problems, nouns["virheet"], lang)
    if lang == "en":
        verdict = "No errors." if not tally.problems else f"Found {errors_found} in {in_files}."
        return f"Checked {files}: {checked}. {verdict}\n"
    verdict = "Ei virheitä." if not tally.problems else f"Löytyi {errors_found} {in_files}."
    return f"Tarkistettu {files}: {checked}. {verdict}\n"


_NOUNS = {
    "fi": {
        "tiedostot": ("tiedosto", "tiedostoa"),
        "lautakunnat": ("lautakunta", "lautakuntaa"),
        "tavoitteet": ("tavoite", "tavoitetta"),
        "teot": ("teko", "tekoa"),
        "mittarit": ("mittari", "mittaria"),
        "virheet": ("virhe", "virhettä"),
        "tiedostoissa": ("tiedostossa", "tiedostossa"),
    },
    "en": {
        "tiedostot": ("file", "files"),
        "lautakunnat": ("committee", "committees"),
        "tavoitteet": ("goal", "goals"),
        "teot": ("action", "actions"),
        "mittarit": ("indicator", "indicators"),
        "virheet": ("error", "errors"),
        "tiedostoissa": ("file", "files"),
    },
}


def _count(number: int, forms: tuple[str, str], lang: Lang) -> str:
    return f"{number} {forms[0] if number == 1 else forms[1]}"


def _source_lines(loaded: LoadedFile, path: Path) -> list[str]:
    """The file's lines for the excerpts; a link, a folder or an unreadable file shows none (it is never read)."""
    from tavoitteet.files.rawread import read_goal_bytes

    if loaded.document is not None:
        return loaded.document.text.split("\n")
    raw = read_goal_bytes(path)
    if isinstance(raw, Problem):
        return []
    return raw.decode("utf-8", errors="replace").split("\n")


def _missing(lang: Lang) -> str:
    return "no such file or folder" if lang == "en" else "tiedostoa tai kansiota ei ole"


def _default_root(lang: Lang) -> Path:
    from tavoitteet.commands.viewing import data_root

    return data_root(None, lang)
