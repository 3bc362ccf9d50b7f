"""``tavoitteet import``: turn a goal table (text, CSV, .xlsx, .docx) into a goal file."""

from __future__ import annotations

import sys
from contextlib import suppress
from pathlib import Path

from tavoitteet import errors
from tavoitteet.core.problems import Problem
from tavoitteet.files.discovery import DataNotFound, find_data_root
from tavoitteet.importing.columns import ColumnProblem, locate, parse_column_option
from tavoitteet.importing.document import check_text, goal_file_text
from tavoitteet.importing.messages import text as message
from tavoitteet.importing.readers import ReadError, read_sheet
from tavoitteet.importing.table import Imported, Options, build, review_lines, slug_for
from tavoitteet.render.problems import display_path, render_text
from tavoitteet.words.i18n import Lang, counted

_USAGE_KEYS = frozenset({"table.no_year", "table.no_committee"})


def run(
    source: Path,
    committee: str | None,
    year: int | None,
    output: Path | None,
    columns: str | None,
    lang: Lang,
    data: Path | None = None,
) -> int:
    custom = _columns(columns, lang)
    imported = _import(source, Options(committee, year, custom, source.name), lang)
    target = output or default_target(imported, data)
    refuse_existing(target, lang)
    text = goal_file_text(imported.data, intro(imported, source.name))
    problems = check_text(text, target)
    if problems:
        sys.stderr.write(_not_valid(problems, text, target, lang))
        return errors.PROBLEMS
    write_new(target, text, lang)
    sys.stdout.write(summary(imported, target, lang))
    return errors.OK


def _columns(option: str | None, lang: Lang) -> dict[str, str]:
    try:
        return parse_column_option(option)
    except ValueError as error:
        if lang == "en":
            text = f'tavoitteet: --columns: cannot read "{error}"; write "Column name=field", separated by commas.'
        else:
            text = f'tavoitteet: --columns: kohtaa "{error}" ei voi lukea; kirjoita "Sarakkeen nimi=kenttä" pilkuin eroteltuina.'
        raise errors.UserError(text, errors.USAGE) from None


def _import(source: Path, options: Options, lang: Lang) -> Imported:
    name = display_path(source)
    try:
        return build(locate(read_sheet(source), options.columns), options)
    except ReadError as error:
        raise errors.UserError(f"{name}: {message(error.key, lang, error.args_)}") from None
    except ColumnProblem as problem:
        code = errors.USAGE if problem.key in _USAGE_KEYS else errors.PROBLEMS
        raise errors.UserError(located(name, problem, lang), code) from None


def located(name: str, problem: ColumnProblem, lang: Lang) -> str:
    """``file: rivi 5, sarake 3: message`` (row and column when known)."""
    row_word, column_word = ("row", "column") if lang == "en" else ("rivi", "sarake")
    where = [f"{row_word} {problem.row}"] if problem.row else []
    where += [f"{column_word} {problem.column}"] if problem.column else []
    prefix = f"{name}: {', '.join(where)}: " if where else f"{name}: "
    return prefix + message(problem.key, lang, problem.details)


def default_target(imported: Imported, data: Path | None = None) -> Path:
    """``data/YEAR/committee.yaml`` in the given data folder, the one found upwards, or ./data."""
    root = data
    if root is None:
        try:
            root = find_data_root()
        except DataNotFound:
            root = Path("data")
    return root / str(imported.year) / f"{slug_for(imported.committee)}.yaml"


def intro(imported: Imported, source: str) -> list[str]:
    return [
        f"{imported.committee}: toiminnalliset tavoitteet {imported.year}.",
        f'Tuotu taulukosta {source} komennolla "tavoitteet import". Tunnukset (id) on muodostettu',
        "teksteistä. TARKISTA-kommentilla merkityt kohdat kannattaa tarkistaa ja kommentit poistaa.",
    ]


def refuse_existing(target: Path, lang: Lang, hint: bool = True) -> None:
    """Stop when ``target`` exists (or is a link, even a dangling one): generated files never overwrite anything."""
    if target.is_symlink():
        from tavoitteet.commands.output import refuse

        raise refuse("link", Path(display_path(target)), lang, errors.PROBLEMS)
    if target.exists():
        if lang == "en":
            text = f"tavoitteet: {display_path(target)} already exists; it is not overwritten."
            text += " Choose another file with -o." if hint else ""
        else:
            text = f"tavoitteet: {display_path(target)} on jo olemassa; sitä ei korvata."
            text += " Valitse toinen tiedosto valitsimella -o." if hint else ""
        raise errors.UserError(text)


def write_new(target: Path, text: str, lang: Lang, hint: bool = True) -> None:
    """Write ``text`` to a file that must not exist yet; on failure no part of it stays."""
    from tavoitteet.commands.output import confirm_written

    created = False
    refuse_existing(target, lang, hint)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8", newline="\n") as stream:  # O_EXCL: never through a link
            created = True
            stream.write(text)
    except FileExistsError:
        refuse_existing(target, lang, hint)
        raise  # pragma: no cover - refuse_existing raised for whatever made the name exist
    except OSError as error:
        if created:  # a half-written new file would block the next try ("already exists")
            with suppress(OSError):
                target.unlink()
        reason = error.strerror or str(error)
        verb = "cannot write" if lang == "en" else "ei voi kirjoittaa"
        raise errors.UserError(f"tavoitteet: {display_path(target)}: {verb}: {reason}") from None
    confirm_written(target, len(text.encode("utf-8")), lang)


def _not_valid(problems: list[Problem], text: str, target: Path, lang: Lang) -> str:
    if lang == "en":
        head = f"tavoitteet: the file generated for {display_path(target)} would not pass validate; nothing was written.\n"
    else:
        head = f"tavoitteet: tiedostolle {display_path(target)} tuotettu teksti ei läpäisisi tarkistusta; mitään ei kirjoitettu.\n"
    return head + render_text(problems, {target: text.splitlines()}, lang)


def summary(imported: Imported, target: Path, lang: Lang) -> str:
    goals = [g for a in imported.data["tehtäväalueet"] for g in a["tavoitteet"]]
    actions = sum(len(g.get("teot") or []) for g in goals)
    indicators = sum(
        len(g.get("mittarit") or []) + sum(len(a.get("mittarit") or []) for a in g.get("teot") or [])
        for g in goals
    )
    where = display_path(target)
    if lang == "en":
        shown = [counted(len(goals), "goal", "goals"), counted(actions, "action", "actions")]
        text = f"Wrote {where}: {', '.join(shown)}, {counted(indicators, 'indicator', 'indicators')}.\n"
        head = f"To review ({len(imported.reviews)}, marked TARKISTA in the file):\n"
        done = "Nothing to review. Check the file with: tavoitteet validate\n"
    else:
        shown = [counted(len(goals), "tavoite", "tavoitetta"), counted(actions, "teko", "tekoa")]
        text = f"Kirjoitettu {where}: {', '.join(shown)}, {counted(indicators, 'mittari', 'mittaria')}.\n"
        head = f"Tarkistettavaa ({len(imported.reviews)}, tiedostossa merkintä TARKISTA):\n"
        done = "Ei tarkistettavaa. Tarkista tiedosto komennolla: tavoitteet validate\n"
    if not imported.reviews:
        return text + done
    return text + head + "\n".join(review_lines(imported.reviews, lang)) + "\n"
