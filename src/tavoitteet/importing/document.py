"""The generated goal file as text, and the check that it is valid before it is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tavoitteet.core.problems import Problem
from tavoitteet.files.loader import validate_document
from tavoitteet.files.yamlread import parse_bytes
from tavoitteet.importing.emit import emit

SCHEMA_LINE = "yaml-language-server: $schema=../../schemas/tavoitteet.schema.json"
SPACED_KEYS = ("päätös", "strategiakärjet", "tehtäväalueet", "huomautukset")


def goal_file_text(data: dict[Any, Any], intro: list[str]) -> str:
    """The YAML text of a goal file: schema line, ``intro`` comments, then the data."""
    return emit(data, [SCHEMA_LINE, *intro], SPACED_KEYS, ("tehtäväalueet",))


def check_text(text: str, target: Path) -> list[Problem]:
    """Every problem ``validate`` would report for ``text`` written at ``target``."""
    result = parse_bytes(text.encode("utf-8"), target)
    if result.document is None:
        return result.problems
    return validate_document(result.document, target).problems
