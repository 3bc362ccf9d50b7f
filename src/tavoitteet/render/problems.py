"""Problems as text for people (like a compiler), JSON for scripts, and GitHub annotations.

Renderers return strings and never print.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from enum import StrEnum
from pathlib import Path

from tavoitteet.core.problems import Code, Problem, format_path
from tavoitteet.core.safetext import escape_controls, guarded_line, one_line
from tavoitteet.words.i18n import Lang
from tavoitteet.words.problem_messages import hint, message

Sources = Mapping[Path, Mapping[int, str] | Sequence[str]]
"""the lines of files with problems: all of them, or only those the problems point at (by number)"""

MAX_PRINTED = 200
"""problems printed at most, by validate and by every view that stops on problems"""

_LABELS = {
    "fi": {"error": "virhe", "hint": "vihje", "path": "kohta"},
    "en": {"error": "error", "hint": "hint", "path": "at"},
}


class ProblemFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


def display_path(path: Path) -> str:
    """A path relative to the current folder when it is below it, with forward slashes, safe to print.

    Control characters, line breaks and bytes that are not UTF-8 in a file
    name are shown escaped (:mod:`tavoitteet.core.safetext`).
    """
    try:
        shown = path.absolute().relative_to(Path.cwd().absolute()).as_posix()
    except (ValueError, OSError):
        try:
            shown = path.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except (ValueError, OSError):
            shown = path.as_posix()
    return one_line(shown)


def capped(problems: Sequence[Problem], limit: int = MAX_PRINTED) -> list[Problem]:
    """The first ``limit`` problems, and a last one saying that the rest were left out."""
    shown = list(problems[:limit])
    if len(problems) > limit:
        shown.append(Problem(Path("-"), Code.TOO_MANY_PROBLEMS, "check.too_many", {"limit": str(limit)}))
    return shown


def excerpt(lines: Sequence[str], problems: Sequence[Problem]) -> dict[int, str]:
    """Only the source lines the problems point at: a broken file's text is not kept whole."""
    return {p.line: lines[p.line - 1] for p in problems if 0 < p.line <= len(lines)}


def _worded(problem: Problem, lang: Lang) -> tuple[str, str]:
    """The problem's message and hint, each one safe line."""
    return one_line(message(problem.key, lang, problem.args)), one_line(hint(problem.key, lang, problem.args))


def render_text(problems: Sequence[Problem], sources: Sources, lang: Lang) -> str:
    """Each problem as ``file:line:col: virhe T020: message``, the source line, a caret and a hint."""
    return "".join(_render_one(problem, sources, lang) for problem in problems)


def _render_one(problem: Problem, sources: Sources, lang: Lang) -> str:
    labels = _LABELS[lang]
    worded, advice = _worded(problem, lang)
    where = guarded_line(f"{display_path(problem.file)}:{problem.line}:{problem.column}")
    text = f"{where}: {labels['error']} {problem.code.value}: {worded}\n"
    if problem.path:
        text += f"  {labels['path']}: {one_line(format_path(problem.path))}\n"
    source = _source_line(sources.get(problem.file, ()), problem.line)
    if source is not None:
        gutter = f"{problem.line:>5} | "
        text += f"{gutter}{escape_controls(source)}\n"
        before = escape_controls(source[: max(problem.column - 1, 0)])
        caret_pad = "".join("\t" if ch == "\t" else " " for ch in before)
        text += f"{' ' * (len(gutter) - 2)}| {caret_pad}^\n"
    if advice:
        text += f"  {labels['hint']}: {advice}\n"
    return text


def _source_line(lines: Mapping[int, str] | Sequence[str], number: int) -> str | None:
    """Line ``number`` (1-based) without its line break, or None; a line break inside it is escaped."""
    if isinstance(lines, Mapping):
        line = lines.get(number)
    else:
        line = lines[number - 1] if 0 < number <= len(lines) else None
    if line is None:
        return None
    return line.rstrip("\r\n").replace("\r", "\\r").replace("\n", "\\n")


def render_json(problems: Sequence[Problem], lang: Lang, summary: Mapping[str, int]) -> str:
    """A stable structure: ``{"versio": 1, "ok": bool, "yhteenveto": {...}, "virheet": [...]}``."""
    items = [
        {
            "tiedosto": display_path(p.file),
            "rivi": p.line,
            "sarake": p.column,
            "koodi": p.code.value,
            "avain": p.key,
            "kohta": format_path(p.path),
            "viesti": _worded(p, lang)[0],
            "vihje": _worded(p, lang)[1],
        }
        for p in problems
    ]
    document = {"versio": 1, "ok": not problems, "yhteenveto": dict(summary), "virheet": items}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(problems: Sequence[Problem], lang: Lang) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=T020::message``."""
    lines = []
    for p in problems:
        properties = (
            f"file={_escape_property(display_path(p.file))},line={p.line},col={p.column},"
            f"title={_escape_property(p.code.value)}"
        )
        body, advice = _worded(p, lang)
        if advice:
            body += f" ({advice})"
        lines.append(f"::error {properties}::{_escape_data(body)}\n")
    return "".join(lines)
