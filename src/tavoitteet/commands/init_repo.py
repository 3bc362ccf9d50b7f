"""``tavoitteet init [KANSIO] --kunta NIMI``: a ready goals repository of the municipality's own.

Everything is planned first and checked: the goal file skeletons must pass
``validate``, and no file that would be written may exist.  Only then is
anything written, each file created new (never overwritten).  ``git init``
runs when the folder is not inside a git repository already.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tavoitteet import errors
from tavoitteet.commands import init_texts as texts
from tavoitteet.commands.import_table import write_new
from tavoitteet.core.schema import SCHEMA_FILE, schema_text
from tavoitteet.files.settings import SETTINGS_NAMES
from tavoitteet.importing.document import check_text
from tavoitteet.importing.ids import slugify
from tavoitteet.render.problems import display_path, render_text
from tavoitteet.words.i18n import Lang

DEFAULT_COMMITTEE = "Lautakunta"


@dataclass(frozen=True)
class Planned:
    relative: str
    text: str


def run(folder: Path | None, municipality: str, committees: list[str], year: int | None, lang: Lang) -> int:
    root = folder or Path.cwd()
    name = municipality.strip()
    if not name:
        raise errors.UserError(_t(lang, "init.no_municipality"), errors.USAGE)
    chosen_year = year if year is not None else date.today().year
    if not 1900 <= chosen_year <= 2200:
        raise errors.UserError(_t(lang, "init.bad_year", year=chosen_year), errors.USAGE)
    names = [c.strip() for c in committees if c.strip()] or [DEFAULT_COMMITTEE]
    plans = plan(root, name, names, chosen_year, lang)
    if root.exists() and not root.is_dir():
        raise errors.UserError(_t(lang, "init.not_folder", folder=display_path(root)))
    existing = [p.relative for p in plans if (root / p.relative).exists()]
    existing += [n for n in ("data/" + s for s in SETTINGS_NAMES) if (root / n).exists()]
    if existing:
        listed = "\n".join(f"  {path}" for path in sorted(set(existing)))
        raise errors.UserError(_t(lang, "init.exists", folder=display_path(root), files=listed))
    root.mkdir(parents=True, exist_ok=True)
    git = _git_init(root, lang)
    for planned in plans:
        write_new(root / planned.relative, planned.text, lang, hint=False)
    sys.stdout.write(_t(lang, "init.done", folder=display_path(root), count=len(plans)) + "\n")
    sys.stdout.write("".join(f"  {p.relative}\n" for p in plans))
    if git:
        sys.stdout.write(git + "\n")
    sys.stdout.write(_t(lang, "init.next", folder=display_path(root)) + "\n")
    return errors.OK


def plan(root: Path, municipality: str, committees: list[str], year: int, lang: Lang) -> list[Planned]:
    """Every file ``init`` writes, relative to ``root``; the skeletons checked as ``validate`` would."""
    files: list[str] = []
    seen: set[str] = set()
    for committee in committees:
        stem = slugify(committee, 80) or "lautakunta"
        if stem in seen:
            raise errors.UserError(_t(lang, "init.same_file", name=committee, file=stem), errors.USAGE)
        seen.add(stem)
        files.append(f"data/{year}/{stem}.yaml")
    skeletons = [
        Planned(path, texts.goal_skeleton(committee, year, "../../" + SCHEMA_FILE))
        for path, committee in zip(files, committees, strict=True)
    ]
    for skeleton in skeletons:
        problems = check_text(skeleton.text, root / skeleton.relative)
        if problems:  # a committee name the skeleton cannot hold, e.g. control characters
            target = root / skeleton.relative
            sys.stderr.write(render_text(problems, {target: skeleton.text.splitlines()}, lang))
            raise errors.UserError(_t(lang, "init.invalid", file=skeleton.relative))
    return [
        Planned("data/" + SETTINGS_NAMES[0], texts.settings_text(municipality)),
        *skeletons,
        Planned(SCHEMA_FILE, schema_text()),
        Planned(".vscode/settings.json", texts.vscode_settings("./" + SCHEMA_FILE)),
        Planned(".vscode/extensions.json", texts.vscode_extensions()),
        Planned(".pre-commit-config.yaml", texts.precommit_config()),
        Planned(".github/workflows/tavoitteet.yml", texts.workflow()),
        Planned(".gitignore", texts.GITIGNORE),
        Planned("README.md", texts.readme(municipality, committees, year, files)),
    ]


def _git_init(root: Path, lang: Lang) -> str | None:
    """Run ``git init`` unless ``root`` is inside a work tree; what happened, for the user."""
    git = shutil.which("git")
    if git is None:
        return _t(lang, "init.no_git")
    inside = subprocess.run(
        [git, "rev-parse", "--is-inside-work-tree"], cwd=root, capture_output=True, text=True, check=False
    )
    if inside.returncode == 0 and inside.stdout.strip() == "true":
        return None
    done = subprocess.run([git, "init", "-q"], cwd=root, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return _t(lang, "init.git_failed", reason=done.stderr.strip())
    return _t(lang, "init.git_done")


_MESSAGES = {
    "init.no_municipality": (
        "tavoitteet: anna kunnan nimi, esim. tavoitteet init --kunta Esimerkkilä.",
        "tavoitteet: give the municipality's name, e.g. tavoitteet init --kunta Esimerkkilä.",
    ),
    "init.bad_year": (
        "tavoitteet: vuosi {year} ei käy; anna vuosi väliltä 1900–2200.",
        "tavoitteet: year {year} is not possible; give a year from 1900 to 2200.",
    ),
    "init.not_folder": (
        "tavoitteet: {folder} on tiedosto, ei kansio.",
        "tavoitteet: {folder} is a file, not a folder.",
    ),
    "init.exists": (
        "tavoitteet: kansiossa {folder} on jo nämä tiedostot; mitään ei kirjoitettu eikä korvattu:\n{files}",
        "tavoitteet: these files already exist in {folder}; nothing was written or replaced:\n{files}",
    ),
    "init.same_file": (
        "tavoitteet: lautakunnat saisivat saman tiedoston ({file}.yaml): {name}; anna eri nimet.",
        "tavoitteet: committees would share one file ({file}.yaml): {name}; give different names.",
    ),
    "init.invalid": (
        "tavoitteet: tiedoston {file} pohja ei läpäisisi tarkistusta; mitään ei kirjoitettu.",
        "tavoitteet: the skeleton of {file} would not pass validate; nothing was written.",
    ),
    "init.done": (
        "Tavoiterepositorio tehty kansioon {folder} ({count} tiedostoa):",
        "Made a goals repository in {folder} ({count} files):",
    ),
    "init.git_done": ("Kansiosta tehtiin git-repositorio (git init).", "Ran git init in the folder."),
    "init.git_failed": ("Varoitus: git init epäonnistui: {reason}", "Warning: git init failed: {reason}"),
    "init.no_git": (
        "Varoitus: gitiä ei löytynyt; asenna git ja aja kansiossa git init.",
        "Warning: git was not found; install git and run git init in the folder.",
    ),
    "init.next": (
        "Seuraavaksi: avaa kansio editorissa, kirjoita tavoitteet ja tarkista ne komennolla "
        "tavoitteet validate (kansiossa {folder}). Ohjeet ovat tiedostossa README.md.",
        "Next: open the folder in an editor, write the goals and check them with "
        "tavoitteet validate (in {folder}). README.md has the steps.",
    ),
}


def _t(lang: Lang, key: str, **args: object) -> str:
    fi, en = _MESSAGES[key]
    return (en if lang == "en" else fi).format(**args)
