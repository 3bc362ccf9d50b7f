"""Problems found in goal files, as values.

A problem names where it is (file, line, column, key path), a stable code, and
the message key and arguments with which :mod:`tavoitteet.words.i18n` words it in the
user's language.  Nothing here prints or raises.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

PathPart = str | int
DataPath = tuple[PathPart, ...]


class Code(StrEnum):
    """Stable problem codes; scripts and editors may rely on them."""

    UNREADABLE = "T001"
    TOO_LARGE = "T002"
    NOT_UTF8 = "T003"
    CONTROL_CHAR = "T004"
    BAD_INDENT_CHAR = "T005"
    SYNTAX = "T006"
    TOO_DEEP = "T007"
    ANCHOR_ALIAS = "T008"
    TAG = "T009"
    MERGE_KEY = "T010"
    DUPLICATE_KEY = "T011"
    MULTI_DOCUMENT = "T012"
    NON_SCALAR_KEY = "T013"
    EMPTY_FILE = "T014"
    TOO_MANY_NODES = "T015"
    UNKNOWN_KEY = "T020"
    MISSING_KEY = "T021"
    WRONG_TYPE = "T022"
    INVALID_CHOICE = "T023"
    INVALID_NUMBER = "T024"
    INVALID_DATE = "T025"
    INVALID_BOOL = "T026"
    INVALID_ID = "T027"
    INVALID_VALUE = "T028"
    INVALID_TARGET = "T029"
    DUPLICATE_ID = "T030"
    UNKNOWN_SPEARHEAD = "T031"
    YEAR_MISMATCH = "T032"
    VALUE_DOES_NOT_FIT = "T033"
    GOAL_WITHOUT_INDICATORS = "T034"
    """No longer reported: a goal without indicators is valid and assessed by hand (``arviot``)."""
    FILE_NAME = "T035"
    ENTRY_OUTSIDE_YEAR = "T036"
    UNKNOWN_AREA_PART = "T037"
    SERIES_CONFLICT = "T038"
    TARGET_YEAR_EARLIER = "T039"
    NO_FILES = "T040"
    ENTRY_REFERENCE = "T050"  # issue 14: korjaa / peruu
    LINKED = "T060"  # issue 12: hostile input
    FOLDER_UNREADABLE = "T061"
    FILE_NAME_ENCODING = "T062"
    CATEGORY_CASE = "T063"
    MISSING_TRANSLATION = "T070"
    """``validate --languages fi,sv``: a text without its Swedish version (issue 17)."""
    TOO_MANY_PROBLEMS = "T099"


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem.  ``line`` and ``column`` are 1-based; 0 means unknown."""

    file: Path
    code: Code
    key: str
    args: dict[str, str] = field(default_factory=dict)
    line: int = 0
    column: int = 0
    path: DataPath = ()

    def sort_key(self) -> tuple[str, int, int, str]:
        return (str(self.file), self.line, self.column, self.code.value)


def format_path(path: DataPath) -> str:
    """A key path as a reader writes it: ``tehtäväalueet[0].tavoitteet[1].id``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text
