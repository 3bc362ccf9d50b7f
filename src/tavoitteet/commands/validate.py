"""``tavoitteet validate``: check goal files and report every problem."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tavoitteet import errors
from tavoitteet.discovery import DataNotFound, find_data_root, goal_files
from tavoitteet.i18n import Lang
from tavoitteet.loader import LoadedFile, load_file
from tavoitteet.problems import Code, Problem
from tavoitteet.render.problems import ProblemFormat, render_github, render_json, render_text

MAX_PRINTED = 200


@dataclass
class Tally:
    """What was checked: counts for the summary line."""

    files: int = 0
    committees: set[str] = field(default_factory=set)
    goals: int = 0
    actions: int = 0
    indicators: int = 0

    def add(self, loaded: LoadedFile) -> None:
        self.files += 1
        if loaded.goal_file is None:
            return
        goal_file = loaded.goal_file
        self.committees.add(goal_file.committee)
        goals = goal_file.goals()
        self.goals += len(goals)
        self.actions += sum(len(g.actions) for g in goals)
        self.indicators += len(goal_file.indicators())

    def as_dict(self) -> dict[str, int]:
        return {
            "tiedostot": self.files,
            "lautakunnat": len(self.committees),
            "tavoitteet": self.goals,
            "teot": self.actions,
            "mittarit": self.indicators,
        }


def run(paths: Sequence[Path], output: ProblemFormat, lang: Lang) -> int:
    targets = list(paths) or [_default_root(lang)]
    files = goal_files(t for t in targets if t.exists())
    tally = Tally()
    problems: list[Problem] = []
    sources: dict[Path, list[str]] = {}
    for target in targets:
        if not target.exists():
            problems.append(Problem(target, Code.UNREADABLE, "file.unreadable", {"reason": _missing(lang)}))
    if not files and not problems:
        problems.append(Problem(targets[0], Code.NO_FILES, "check.no_files", {"target": str(targets[0])}))
    for path in files:
        loaded = load_file(path)
        tally.add(loaded)
        if loaded.problems:
            problems += loaded.problems
            sources[path] = _source_lines(loaded, path)
    sys.stdout.write(_render(problems, sources, output, lang, tally))
    return errors.PROBLEMS if problems else errors.OK


def _render(
    problems: list[Problem], sources: dict[Path, list[str]], output: ProblemFormat, lang: Lang, tally: Tally
) -> str:
    shown = problems[:MAX_PRINTED]
    if len(problems) > MAX_PRINTED:
        shown.append(
            Problem(Path("-"), Code.TOO_MANY_PROBLEMS, "check.too_many", {"limit": str(MAX_PRINTED)})
        )
    if output is ProblemFormat.JSON:
        return render_json(shown, lang, tally.as_dict())
    if output is ProblemFormat.GITHUB:
        return render_github(shown, lang) + summary(tally, problems, lang)
    return render_text(shown, sources, lang) + summary(tally, problems, lang)


def summary(tally: Tally, problems: list[Problem], lang: Lang) -> str:
    """One line: what was checked and the verdict, with Finnish or English number agreement."""
    counts = tally.as_dict()
    nouns = _NOUNS[lang]
    checked = ", ".join(
        _count(counts[key], nouns[key], lang) for key in ("lautakunnat", "tavoitteet", "teot", "mittarit")
    )
    files = _count(counts["tiedostot"], nouns["tiedostot"], lang)
    in_files = _count(_files_with(problems), nouns["tiedostoissa"], lang)
    errors_found = _count(len(problems), nouns["virheet"], lang)
    if lang == "en":
        verdict = "No errors." if not problems else f"Found {errors_found} in {in_files}."
        return f"Checked {files}: {checked}. {verdict}\n"
    verdict = "Ei virheitä." if not problems else f"Löytyi {errors_found} {in_files}."
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


def _files_with(problems: list[Problem]) -> int:
    return len({p.file for p in problems})


def _source_lines(loaded: LoadedFile, path: Path) -> list[str]:
    if loaded.document is not None:
        return loaded.document.text.splitlines()
    try:
        return path.read_bytes()[:2_000_000].decode("utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _missing(lang: Lang) -> str:
    return "no such file or folder" if lang == "en" else "tiedostoa tai kansiota ei ole"


def _default_root(lang: Lang) -> Path:
    try:
        return find_data_root()
    except DataNotFound as error:
        raise errors.UserError(data_not_found_message(error.start, lang), errors.USAGE) from None


def data_not_found_message(start: Path, lang: Lang) -> str:
    if lang == "en":
        return (
            f"tavoitteet: no data/ folder with year folders found from {start} upwards.\n"
            "Run the command inside a repository of goal files, or name the files or set TAVOITTEET_DATA."
        )
    return (
        f"tavoitteet: data/-kansiota vuosikansioineen ei löytynyt kansiosta {start} ylöspäin.\n"
        "Aja komento tavoitetiedostojen repositoriossa, anna tiedostot komennolle tai aseta TAVOITTEET_DATA."
    )
