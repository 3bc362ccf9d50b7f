"""Problems as text for people (like a compiler), JSON for scripts, and GitHub annotations.

Renderers return strings and never print.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from enum import StrEnum
from pathlib import Path

from tavoitteet.core.problems import Problem, format_path
from tavoitteet.words.i18n import Lang
from tavoitteet.words.problem_messages import hint, message

Sources = Mapping[Path, Sequence[str]]

_LABELS = {
    "fi": {"error": "virhe", "hint": "vihje", "path": "kohta"},
    "en": {"error": "error", "hint": "hint", "path": "at"},
}


class ProblemFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


def display_path(path: Path) -> str:
    """A path relative to the current folder when it is below it, with forward slashes."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def render_text(problems: Sequence[Problem], sources: Sources, lang: Lang) -> str:
    """Each problem as ``file:line:col: virhe T020: message``, the source line, a caret and a hint."""
    return "".join(_render_one(problem, sources, lang) for problem in problems)


def _render_one(problem: Problem, sources: Sources, lang: Lang) -> str:
    labels = _LABELS[lang]
    where = f"{display_path(problem.file)}:{problem.line}:{problem.column}"
    text = f"{where}: {labels['error']} {problem.code.value}: {message(problem.key, lang, problem.args)}\n"
    if problem.path:
        text += f"  {labels['path']}: {format_path(problem.path)}\n"
    lines = sources.get(problem.file, ())
    if 0 < problem.line <= len(lines):
        source = lines[problem.line - 1].rstrip("\r\n")
        gutter = f"{problem.line:>5} | "
        text += f"{gutter}{source}\n"
        caret_pad = "".join("\t" if ch == "\t" else " " for ch in source[: max(problem.column - 1, 0)])
        text += f"{' ' * (len(gutter) - 2)}| {caret_pad}^\n"
    if advice := hint(problem.key, lang, problem.args):
        text += f"  {labels['hint']}: {advice}\n"
    return text


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
            "viesti": message(p.key, lang, p.args),
            "vihje": hint(p.key, lang, p.args),
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
        body = message(p.key, lang, p.args)
        if advice := hint(p.key, lang, p.args):
            body += f" ({advice})"
        lines.append(f"::error {properties}::{_escape_data(body)}\n")
    return "".join(lines)
