"""Load goal files: read, validate against the models, run the checks.

The only module (with :mod:`tavoitteet.files.yamlread`) that reads goal files.  A
failure is returned as problems, never raised.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tavoitteet.core import checks
from tavoitteet.core.corelib import ValidationError
from tavoitteet.core.document import Document
from tavoitteet.core.model import INDICATOR_KINDS, GoalFile, Settings, Strict, field_aliases
from tavoitteet.core.problems import Code, DataPath, Problem
from tavoitteet.core.validation import validate_goal_file, validate_settings
from tavoitteet.files import settings as settings_file
from tavoitteet.files.yamlread import read_file

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails


@dataclass(frozen=True, slots=True)
class LoadedFile:
    """A goal file as loaded: the model when it is valid, and every problem found."""

    path: Path
    goal_file: GoalFile | None
    problems: list[Problem]
    document: Document | None = None


@dataclass(frozen=True, slots=True)
class LoadedSettings:
    """The data folder's settings file as loaded: the model when valid, and its problems."""

    path: Path
    settings: Settings | None
    problems: list[Problem]
    document: Document | None = None


def load_file(path: Path) -> LoadedFile:
    """Read, validate and check one goal file (the data folder's settings file is validated as such)."""
    if settings_file.is_settings_file(path):
        settings = load_settings(path)
        return LoadedFile(path, None, settings.problems, settings.document)
    result = read_file(path)
    if result.document is None:
        return LoadedFile(path, None, result.problems)
    return validate_document(result.document, path)


def load_goal_file(path: Path) -> GoalFile | None:
    """The model of a goal file that validates, else None: ``load_file(path).goal_file`` without
    running the file-level checks, which never change the model (another year's trend baselines
    need only the model, of thousands of files at national scale)."""
    if settings_file.is_settings_file(path):
        return None
    document = read_file(path).document
    if document is None:
        return None
    try:
        goal_file = validate_goal_file(document.data)
    except ValidationError:
        return None
    return _with_default_municipality(goal_file, path)


def _with_default_municipality(goal_file: GoalFile, path: Path) -> GoalFile:
    if goal_file.municipality is None and (municipality := default_municipality(path)) is not None:
        return goal_file.model_copy(update={"municipality": municipality})
    return goal_file


def load_settings(path: Path) -> LoadedSettings:
    """Read and validate the settings file ``data/tavoitteet.yaml``."""
    result = read_file(path)
    if result.document is None:
        return LoadedSettings(path, None, result.problems)
    document = result.document
    try:
        return LoadedSettings(path, validate_settings(document.data), [], document)
    except ValidationError as error:
        problems = []
        for detail in error.errors(include_url=False):
            loc = tuple(detail["loc"])
            if detail["type"] == "extra_forbidden":
                allowed = field_aliases(Settings)
                key = str(loc[-1])
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                args = {"key": key, "allowed": ", ".join(allowed), "suggestion": close[0] if close else ""}
                line, column = document.position(loc, key=True)
                problems.append(Problem(path, Code.UNKNOWN_KEY, "model.unknown_key", args, line, column, loc))
            else:
                problems.append(_problem_from_error(detail, document, path))
        return LoadedSettings(path, None, _dedupe(problems), document)


def validate_document(document: Document, path: Path) -> LoadedFile:
    """Validate parsed data against the models and the file-level checks."""
    try:
        goal_file = validate_goal_file(document.data)
    except ValidationError as error:
        details = error.errors(include_url=False)
        problems = _dedupe(
            [_problem_from_error(e, document, path, i < SUGGESTED) for i, e in enumerate(details)]
        )
        problems += checks.run_document_checks(document, path)
        problems.sort(key=Problem.sort_key)
        return LoadedFile(path, None, problems, document)
    goal_file = _with_default_municipality(goal_file, path)
    return LoadedFile(path, goal_file, checks.run_all(goal_file, document, path), document)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[int, int, DataPath]] = set()
    unique = []
    for problem in problems:
        marker = (problem.line, problem.column, problem.path)
        if marker not in seen:
            seen.add(marker)
            unique.append(problem)
    return unique


_TYPE_KEYS = {
    "dict_type": ("model.expected_mapping", Code.WRONG_TYPE),
    "model_type": ("model.expected_mapping", Code.WRONG_TYPE),
    "model_attributes_type": ("model.expected_mapping", Code.WRONG_TYPE),
    "list_type": ("model.expected_list", Code.WRONG_TYPE),
    "wrong_scalar": ("model.expected_text", Code.WRONG_TYPE),
    "text_expected": ("model.expected_text", Code.WRONG_TYPE),
    "string_type": ("model.expected_text", Code.WRONG_TYPE),
    "text_empty": ("model.empty_text", Code.INVALID_VALUE),
    "too_short": ("model.empty_list", Code.INVALID_VALUE),
    "number.invalid": ("number.invalid", Code.INVALID_NUMBER),
    "number.ambiguous": ("number.ambiguous", Code.INVALID_NUMBER),
    "number.out_of_range": ("number.out_of_range", Code.INVALID_NUMBER),
    "integer.invalid": ("integer.invalid", Code.INVALID_NUMBER),
    "date.invalid": ("date.invalid", Code.INVALID_DATE),
    "date.nonexistent": ("date.nonexistent", Code.INVALID_DATE),
    "bool.invalid": ("bool.invalid", Code.INVALID_BOOL),
    "string_pattern_mismatch": ("model.invalid_id", Code.INVALID_ID),
    "greater_than_equal": ("model.too_small", Code.INVALID_VALUE),
    "less_than_equal": ("model.too_large", Code.INVALID_VALUE),
    "union_tag_not_found": ("model.kind_missing", Code.MISSING_KEY),
    "person_empty": ("person_empty", Code.INVALID_VALUE),
    "target_empty": ("target_empty", Code.INVALID_TARGET),
    "target_exact_mixed": ("target_exact_mixed", Code.INVALID_TARGET),
    "target_two_lower": ("target_two_lower", Code.INVALID_TARGET),
    "target_two_upper": ("target_two_upper", Code.INVALID_TARGET),
    "target_empty_range": ("target_empty_range", Code.INVALID_TARGET),
    "entry_value_xor_missing": ("entry_value_xor_missing", Code.INVALID_VALUE),
    "entry_withdrawal_alone": ("entry_withdrawal_alone", Code.INVALID_VALUE),
    "categories_duplicate": ("categories_duplicate", Code.INVALID_VALUE),
    "rule_share": ("rule_share", Code.INVALID_VALUE),
    "rule_share_range": ("rule_share_range", Code.INVALID_VALUE),
}


SUGGESTED = 200
"""Errors of one file that may get a 'did you mean' hint (difflib is slow on hostile files with
tens of thousands of unknown keys; validate prints at most 200 problems in all)."""


def _problem_from_error(error: ErrorDetails, document: Document, path: Path, suggest: bool = True) -> Problem:
    loc = tuple(error["loc"])
    data_path = _data_path(loc, document.data)
    kind = error["type"]
    args = {"value": _shown(error.get("input")), "found": _describe(error.get("input"))}
    if kind == "extra_forbidden":
        return _unknown_key(loc, data_path, document, path, suggest)
    if kind == "missing":
        args["key"] = str(loc[-1])
        line, column = document.position(data_path[:-1])
        return Problem(path, Code.MISSING_KEY, "model.missing_key", args, line, column, data_path)
    if kind in ("literal_error", "union_tag_invalid"):
        context = error.get("ctx") or {}
        args["allowed"] = _choices(str(context.get("expected") or context.get("expected_tags") or ""))
        if kind == "union_tag_invalid":
            args["value"] = str(context.get("tag", ""))
            data_path = (*data_path, "tyyppi")
        line, column = document.position(data_path)
        return Problem(path, Code.INVALID_CHOICE, "model.invalid_choice", args, line, column, data_path)
    if kind == "union_tag_not_found":
        args["allowed"] = ", ".join(INDICATOR_KINDS)
    key, code = _TYPE_KEYS.get(kind, ("model.invalid", Code.INVALID_VALUE))
    if key == "model.expected_text" and error.get("input") is None:
        key, code = "model.empty_text", Code.INVALID_VALUE
    args.update({k: str(v) for k, v in (error.get("ctx") or {}).items()})
    args.setdefault("detail", error["msg"])
    line, column = document.position(data_path)
    return Problem(path, code, key, args, line, column, data_path)


def _unknown_key(
    loc: tuple[Any, ...], data_path: DataPath, document: Document, path: Path, suggest: bool = True
) -> Problem:
    key = str(loc[-1])
    allowed = _allowed_keys(loc[:-1])
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6) if suggest else []
    args = {
        "key": key,
        "allowed": ", ".join(allowed),
        "suggestion": close[0] if close else "",
    }
    line, column = document.position(data_path, key=True)
    return Problem(path, Code.UNKNOWN_KEY, "model.unknown_key", args, line, column, data_path)


def _data_path(loc: tuple[Any, ...], data: Any) -> DataPath:
    """Pydantic's error location without the union tags it inserts."""
    path: list[str | int] = []
    node = data
    for index, part in enumerate(loc):
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            node = node[part]
            path.append(part)
        elif index == len(loc) - 1 and isinstance(part, str) and isinstance(node, dict):
            path.append(part)
    return tuple(path)


def allowed_keys(loc: tuple[Any, ...]) -> list[str]:
    """The keys accepted by the model that sits at ``loc`` (a pydantic location)."""
    return list(_allowed_keys(loc))


@functools.lru_cache(maxsize=512)
def _allowed_keys(loc: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(_find_allowed_keys(loc))


def _find_allowed_keys(loc: tuple[Any, ...]) -> list[str]:
    current: Any = GoalFile
    for part in loc:
        current = _step(current, part)
        if current is None:
            return []
    models = [c for c in _flatten(current) if isinstance(c, type) and issubclass(c, Strict)]
    return field_aliases(models[0]) if len(models) == 1 else []


def _flatten(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _flatten(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [c for arg in typing.get_args(annotation) for c in _flatten(arg)]
    return [annotation]


def _step(annotation: Any, part: Any) -> Any:
    candidates = _flatten(annotation)
    if isinstance(part, int):
        lists = [typing.get_args(c)[0] for c in candidates if typing.get_origin(c) is list]
        return lists[0] if lists else None
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, Strict):
            for name, info in candidate.model_fields.items():
                if (info.alias or name) == part:
                    return info.annotation
    tagged = [c for c in candidates if isinstance(c, type) and _kind_of(c) == part]
    return tagged[0] if tagged else None


def _kind_of(model: type) -> str | None:
    fields = getattr(model, "model_fields", {})
    if "kind" not in fields:
        return None
    args = typing.get_args(fields["kind"].annotation)
    return str(args[0]) if args else None


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return value if len(value) <= 60 else value[:57] + "..."
    return ""


def _describe(value: Any) -> str:
    """A word for what was found, translated when the problem is worded."""
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    return "text"


def _choices(expected: str) -> str:
    """Pydantic's English list of choices (``'kasvu' or 'lasku'``) without its English: ``'kasvu', 'lasku'``."""
    quoted = re.findall(r"'(?:[^'\\]|\\.)*'", expected)
    return ", ".join(quoted) if quoted else expected


_folders_seen: dict[tuple[str, ...], str | None] | None = None
"""within :func:`settings_once`: the default ``kunta`` of each year folder looked up so far"""


@contextlib.contextmanager
def settings_once() -> Iterator[None]:
    """Within: each year folder's settings file is looked up once, for all the files read in it.

    Reading a batch of files (``validate``, a year's view) takes the settings as
    they were when its first file in a folder was read; otherwise every file
    would look for the settings file again (two ``stat`` calls where there is
    none), some 2 % of checking a file.
    """
    global _folders_seen
    outer = _folders_seen
    if outer is None:
        _folders_seen = {}
    try:
        yield
    finally:
        _folders_seen = outer


def default_municipality(goal_path: Path) -> str | None:
    """The ``kunta`` the settings file of ``goal_path``'s data folder names (None when none or broken)."""
    seen = _folders_seen
    if seen is None:
        return _default_municipality(goal_path)
    folder = goal_path.parts[:-1]  # the folder, as a key: quicker than a Path of it
    try:
        return seen[folder]
    except KeyError:
        found = seen[folder] = _default_municipality(goal_path)
        return found


def _default_municipality(goal_path: Path) -> str | None:
    root = settings_file.data_root_of(goal_path)
    if root is None:
        return None
    found = settings_file.settings_path(root)
    if found is None:
        return None
    try:
        stat = found.stat()
    except OSError:
        return None
    return _municipality(str(found), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _municipality(path: str, _mtime: int, _size: int) -> str | None:
    loaded = load_settings(Path(path))
    return loaded.settings.municipality if loaded.settings is not None else None
