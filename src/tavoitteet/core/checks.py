"""Checks that span a whole goal file, run after the models accepted its structure.

Each check is a small pure function ``(goal_file, document, path) -> problems``
whose docstring states its rule; :data:`CHECKS` lists them in order and
``docs/tarkistukset.md`` is generated from those docstrings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tavoitteet.core.document import Document
from tavoitteet.core.model import Goal, GoalFile, IndicatorBase, walk
from tavoitteet.core.parsing import ValueParseError
from tavoitteet.core.problems import Code, DataPath, Problem
from tavoitteet.core.values import expected_values, parse_value

Check = Callable[[GoalFile, Document, Path], list[Problem]]
FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.ya?ml$")


def _at(document: Document, path: Path, data_path: DataPath, code: Code, key: str, **args: str) -> Problem:
    line, column = document.position(data_path)
    return Problem(path, code, key, dict(args), line, column, data_path)


def unique_ids(document: Document, path: Path) -> list[Problem]:
    """Every spearhead, service area, goal, action and indicator has an id of its own in the file."""
    first: dict[str, DataPath] = {}
    problems = []
    for data_path in document.values:
        if not data_path or data_path[-1] != "id":
            continue
        item_id = _text_at(document.data, data_path)
        if item_id is None:
            continue
        if item_id in first:
            line = str(document.position(first[item_id])[0])
            problems.append(
                _at(
                    document, path, data_path, Code.DUPLICATE_ID, "check.duplicate_id", id=item_id, first=line
                )
            )
        else:
            first[item_id] = data_path
    return problems


def _text_at(data: Any, data_path: DataPath) -> str | None:
    node = data
    for part in data_path:
        node = node[part]
    return node if isinstance(node, str) else None


def spearheads_resolve(goal_file: GoalFile, document: Document, path: Path) -> list[Problem]:
    """A goal's primary spearhead and the spearheads it also advances are listed under strategiakärjet."""
    known = {s.id for s in goal_file.spearheads}
    shown = ", ".join(sorted(known)) or "-"
    problems = []
    for data_path, item in walk(goal_file):
        if not isinstance(item, Goal):
            continue
        references: list[tuple[DataPath, str]] = []
        if item.spearhead is not None:
            references.append(((*data_path, "strategiakärki"), item.spearhead))
        references += [((*data_path, "edistää_myös", i), ref) for i, ref in enumerate(item.also_advances)]
        problems += [
            _at(
                document,
                path,
                ref_path,
                Code.UNKNOWN_SPEARHEAD,
                "check.unknown_spearhead",
                id=ref,
                known=shown,
            )
            for ref_path, ref in references
            if ref not in known
        ]
    return problems


def year_matches_folder(document: Document, path: Path) -> list[Problem]:
    """A file in a folder named after a year (data/2024/) is that year's file."""
    folder = path.parent.name
    year = document.data.get("vuosi")
    if folder.isdigit() and len(folder) == 4 and isinstance(year, str) and year.strip() != folder:
        return [
            _at(
                document,
                path,
                ("vuosi",),
                Code.YEAR_MISMATCH,
                "check.year_mismatch",
                year=year.strip(),
                folder=folder,
            )
        ]
    return []


def file_name_is_slug(document: Document, path: Path) -> list[Problem]:
    """The file is named after the committee: lowercase a-z, digits and hyphens, ending .yaml."""
    if FILE_NAME.match(path.name):
        return []
    return [Problem(path, Code.FILE_NAME, "check.file_name", {"name": path.name}, 1, 1)]


def goals_have_indicators(goal_file: GoalFile, document: Document, path: Path) -> list[Problem]:
    """Every goal has at least one indicator, of its own or under its actions."""
    return [
        _at(
            document,
            path,
            data_path,
            Code.GOAL_WITHOUT_INDICATORS,
            "check.goal_without_indicators",
            id=item.id,
        )
        for data_path, item in walk(goal_file)
        if isinstance(item, Goal) and not item.all_indicators()
    ]


def values_fit_indicators(goal_file: GoalFile, document: Document, path: Path) -> list[Problem]:
    """Every recorded value fits its indicator's kind (kyllä/ei, a number, a date, values per category)."""
    problems = []
    for data_path, item in walk(goal_file):
        if not isinstance(item, IndicatorBase):
            continue
        for e, entry in enumerate(item.entries):
            if entry.value is None:
                continue
            try:
                parse_value(item, entry.value)  # type: ignore[arg-type]
            except ValueParseError as error:
                key = error.key if error.key.startswith(("value.", "number.out_of_range")) else "value.wrong"
                expected = expected_values(item)  # type: ignore[arg-type]
                args = {"value": error.text, "text": error.text, "kind": item.kind, "expected": expected}  # type: ignore[attr-defined]
                problems.append(
                    _at(
                        document,
                        path,
                        (*data_path, "toteuma", e, "arvo"),
                        Code.VALUE_DOES_NOT_FIT,
                        key,
                        **args,
                    )
                )
    return problems


YEARS_BEFORE = 2
YEARS_AFTER = 10
"""how far from its file's year an entry may be dated: outcomes are recorded late, and corrected later
still, but a date a century off (2204 for 2024) or a digit swap (2042) is a typo that no view would show"""


def dates_near_year(goal_file: GoalFile, document: Document, path: Path) -> list[Problem]:
    """Every entry and level set by hand is dated from two years before the file's year to ten after (2204 is a typo)."""
    first, last = goal_file.year - YEARS_BEFORE, goal_file.year + YEARS_AFTER
    shown = {"year": str(goal_file.year), "first": f"1.1.{first}", "last": f"31.12.{last}"}
    problems = []
    for data_path, item in walk(goal_file):
        if not isinstance(item, IndicatorBase):
            continue
        dated = [((*data_path, "toteuma", e, "pvm"), entry.date) for e, entry in enumerate(item.entries)]
        if item.manual_level is not None and item.manual_level.date is not None:
            dated.append(((*data_path, "toteutumistaso", "pvm"), item.manual_level.date))
        for where, day in dated:
            if not first <= day.year <= last:
                problems.append(
                    _at(
                        document,
                        path,
                        where,
                        Code.DATE_OUTSIDE_YEAR,
                        "check.date_outside_year",
                        date=f"{day.day}.{day.month}.{day.year}",
                        **shown,
                    )
                )
    return problems


def categories_differ_in_case(goal_file: GoalFile, document: Document, path: Path) -> list[Problem]:
    """The categories of an indicator differ in more than case (an entry names them case-insensitively)."""
    problems = []
    for data_path, item in walk(goal_file):
        seen: dict[str, str] = {}
        for c, category in enumerate(getattr(item, "categories", None) or []):
            folded = category.casefold()
            if folded in seen:
                problems.append(
                    _at(
                        document,
                        path,
                        (*data_path, "luokat", c),
                        Code.CATEGORY_CASE,
                        "check.category_case",
                        first=seen[folded],
                        second=category,
                    )
                )
            else:
                seen[folded] = category
    return problems


DocumentCheck = Callable[[Document, Path], list[Problem]]

DOCUMENT_CHECKS: tuple[DocumentCheck, ...] = (file_name_is_slug, year_matches_folder, unique_ids)
"""Checks of the parsed data that run even when the models refused the file."""

CHECKS: tuple[Check, ...] = (
    spearheads_resolve,
    goals_have_indicators,
    values_fit_indicators,
    dates_near_year,
    categories_differ_in_case,
)
"""Checks that need a valid model."""


def run_document_checks(document: Document, path: Path) -> list[Problem]:
    """Run the checks that need only the parsed data."""
    return [problem for check in DOCUMENT_CHECKS for problem in check(document, path)]


def run_all(goal_file: GoalFile, document: Document, path: Path) -> list[Problem]:
    """Run every check on a valid file and return their problems in file order."""
    problems = run_document_checks(document, path)
    problems += [problem for check in CHECKS for problem in check(goal_file, document, path)]
    return sorted(problems, key=Problem.sort_key)
