"""The generated goal file as text, and the check that it is valid before it is written."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tavoitteet import __version__
from tavoitteet.core.problems import Problem
from tavoitteet.core.schema import SCHEMA_FILE
from tavoitteet.files.loader import validate_document
from tavoitteet.files.yamlread import parse_bytes
from tavoitteet.importing.emit import emit

SCHEMA_LINE = "yaml-language-server: $schema=../../schemas/tavoitteet.schema.json"
SPACED_KEYS = ("päätös", "strategiakärjet", "tehtäväalueet", "huomautukset")
PUBLISHED_SCHEMA = f"https://github.com/tavoitteet/tavoitteet/raw/v{__version__}/{SCHEMA_FILE}"
"""Where editors find the schema of this version when no copy is beside the goal files."""


def goal_file_text(data: dict[Any, Any], intro: list[str], target: Path | None = None) -> str:
    """The YAML text of a goal file: schema line, ``intro`` comments, then the data.

    With ``target``, the schema line points to the schema as seen from where the
    file is written (see :func:`schema_reference`).
    """
    line = SCHEMA_LINE if target is None else f"yaml-language-server: $schema={schema_reference(target)}"
    return emit(data, [line, *intro], SPACED_KEYS, ("tehtäväalueet",))


def schema_reference(target: Path) -> str:
    """The schema for a goal file written at ``target``, as its modeline should name it.

    The nearest ``schemas/tavoitteet.schema.json`` in the file's folder or above
    (a repository's own copy, as ``tavoitteet init`` writes it), relative to the
    file's folder; without one, the published schema of this version.
    """
    folder = target.absolute().parent
    for candidate in (folder, *folder.parents):
        schema = candidate / SCHEMA_FILE
        if schema.is_file():
            return Path(os.path.relpath(schema, folder)).as_posix()
    return PUBLISHED_SCHEMA


def check_text(text: str, target: Path) -> list[Problem]:
    """Every problem ``validate`` would report for ``text`` written at ``target``."""
    result = parse_bytes(text.encode("utf-8"), target)
    if result.document is None:
        return result.problems
    return validate_document(result.document, target).problems
