"""Checks that span a whole goal file, run after the models accepted its structure.

Each check is a small pure function ``(goal_file, document, path) -> problems``
whose docstring states its rule; :data:`CHECKS` lists them in order and
``docs/tarkistukset.md`` is generated from those docstrings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tavoitteet.core.document import Document
from tavoitteet.core.entries import reference, reference_problem
from tavoitteet.core.model import Goal, GoalFile, IndicatorBase, Located, ServiceArea, walk
from tavoitteet.core.parsing import ValueParseError
from tavoitteet.core.problems import Code, DataPath, Problem
from tavoitteet.core.values import expected_values, own_period_dates, parse_series_value, parse_value

Check = Callable[[GoalFile, Document, Path], list[Problem]]
FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.ya?ml$")


_walked: list[Any] = [None, []]
"""the file :func:`run_all` is checking and its walk, made once for all its checks"""


def _walk(goal_file: GoalFile) -> list[Located]:
    """:func:`walk` of the file: the one :func:`run_all` made when it is checking this very file."""
    if _walked[0] is goal_file:
        return _walked[1]  # type: ignore[no-any-return]
    return list(walk(goal_file))


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
    problems = []
    for data_path, item in _walk(goal_file):
        if not isinstance(item, Goal):
            continue
        if (item.spearhead is None or item.spearhead in known) and known.issuperset(item.also_advances):
            continue  # every reference resolves, as in nearly every goal
        shown = ", ".join(sorted(known)) or "-"
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
    parts = path.parts
    folder = parts[-2] if len(parts) > 1 else ""
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


def area_parts_resolve(goal_file: GoalFile, document: Document, path: Path) -> list[Problem]:
    """A goal's strateginen_tavoite and alayksikkö are listed under its area's strategiset_tavoitteet and alayksiköt."""
    problems = []
    area: ServiceArea | None = None
    for data_path, item in _walk(goal_file):
        if isinstance(item, ServiceArea):
            area = item
        if not isinstance(item, Goal) or area is None:
            continue
        if item.strategic_aim is None and item.sub_unit is None:
            continue
        for key, wanted, listed in (
            ("strateginen_tavoite", item.strategic_aim, area.strategic_aims),
            ("alayksikkö", item.sub_unit, area.sub_units),
        ):
            known = [part.id for part in listed]
            if wanted is not None and wanted not in known:
                where = "strategiset_tavoitteet" if key == "strateginen_tavoite" else "alayksiköt"
                problems.append(
                    _at(
                        document,
                        path,
                        (*data_path, key),
                        Code.UNKNOWN_AREA_PART,
                        "check.unknown_area_part",
                        id=wanted,
                        where=where,
                        known=", ".join(known) or "-",
                    )
                )
    return problems


def entries_in_their_year(goal_file: GoalFile, document: Document, path: Path) -> list[Problem]:
    """An entry is the value of the file's year unless it says vuosi: an entry dated before that year,
    or after the end of the next year, must say which year's value it is (or go into sarja)."""
    year = goal_file.year
    first, last = own_period_dates(year)
    problems = []
    for data_path, item in _walk(goal_file):
        if not isinstance(item, IndicatorBase):
            continue
        for e, entry in enumerate(item.entries):
            if entry.period is not None or first <= entry.date <= last:
                continue
            key = "check.entry_before_year" if entry.date.year < year else "check.entry_long_after_year"
            problems.append(
                _at(
                    document,
                    path,
                    (*data_path, "toteuma", e, "pvm"),
                    Code.ENTRY_OUTSIDE_YEAR,
                    key,
                    date=f"{entry.date.day}.{entry.date.month}.{entry.date.year}",
                    year=str(year),
                    entry_year=str(
                        entry.date.year if key == "check.entry_before_year" else entry.date.year - 1
                    ),
                )
            )
    return problems


def series_consistent(goal_file: GoalFile, document: Document, path: Path) -> list[Problem]:
    """An indicator's series holds each year and kind once; the actual of the year that decides the status
    (the file's year or tavoitevuosi) is recorded under toteuma, not in the series; tavoitevuosi is not
    before the file's year."""
    problems = []
    for data_path, item in _walk(goal_file):
        if not isinstance(item, IndicatorBase) or (item.target_year is None and not item.series):
            continue
        deciding = item.target_year or goal_file.year
        if item.target_year is not None and item.target_year < goal_file.year:
            problems.append(
                _at(
                    document,
                    path,
                    (*data_path, "tavoitevuosi"),
                    Code.TARGET_YEAR_EARLIER,
                    "check.target_year_earlier",
                    target_year=str(item.target_year),
                    year=str(goal_file.year),
                )
            )
        seen: set[tuple[int, str]] = set()
        for v, value in enumerate(item.series):
            at = (*data_path, "sarja", v)
            if (value.year, value.kind) in seen:
                problems.append(
                    _at(
                        document,
                        path,
                        at,
                        Code.SERIES_CONFLICT,
                        "check.series_duplicate",
                        year=str(value.year),
                        kind=value.kind,
                    )
                )
            seen.add((value.year, value.kind))
            if value.kind == "toteuma" and value.year in (deciding, goal_file.year):
                problems.append(
                    _at(
                        document,
                        path,
                        at,
                        Code.SERIES_CONFLICT,
                        "check.series_own_year",
                        year=str(value.year),
                    )
                )
    return problems


def values_fit_indicators(goal_file: GoalFile, document: Document, path: Path) -> list[Problem]:
    """Every recorded value, and every value of a series (which may be approximate, n. 800), fits its
    indicator's kind (kyllä/ei, a number, a date, values per category)."""
    problems = []
    for data_path, item in _walk(goal_file):
        if not isinstance(item, IndicatorBase):
            continue
        kinds: tuple[tuple[str, Sequence[Any], Callable[..., object]], ...] = (
            ("toteuma", item.entries, parse_value),
            ("sarja", item.series, parse_series_value),
        )
        for key, recorded, parse in kinds:
            for number, entry in enumerate(recorded):
                if entry.value is None:
                    continue
                try:
                    parse(item, entry.value)
                except ValueParseError as error:
                    problems.append(_misfit(document, path, (*data_path, key, number, "arvo"), item, error))
    return problems


def _misfit(
    document: Document, path: Path, data_path: DataPath, item: IndicatorBase, error: ValueParseError
) -> Problem:
    bounded = error.key.startswith(("value.", "number.out_of_range"))
    message_key = error.key if bounded else "value.wrong"
    expected = expected_values(item)  # type: ignore[arg-type]
    args = {"value": error.text, "text": error.text, "kind": item.kind, "expected": expected}  # type: ignore[attr-defined]
    return _at(document, path, data_path, Code.VALUE_DOES_NOT_FIT, message_key, **args)


def entry_references_resolve(goal_file: GoalFile, document: Document, path: Path) -> list[Problem]:
    """A correction (``korjaa: N``) or withdrawal (``peruu: N``) names an earlier entry of the same indicator that is not itself a withdrawal."""
    problems = []
    for data_path, item in _walk(goal_file):
        if not isinstance(item, IndicatorBase):
            continue
        for number, entry in enumerate(item.entries, 1):
            why = reference_problem(item.entries, number)
            if why is None:
                continue
            key = "peruu" if entry.withdraws is not None else "korjaa"
            problems.append(
                _at(
                    document,
                    path,
                    (*data_path, "toteuma", number - 1, key),
                    Code.ENTRY_REFERENCE,
                    f"check.entry_reference_{why}",
                    field=key,
                    number=str(reference(entry)),
                    own=str(number),
                )
            )
    return problems


def categories_differ_in_case(goal_file: GoalFile, document: Document, path: Path) -> list[Problem]:
    """The categories of an indicator differ in more than case (an entry names them case-insensitively)."""
    problems = []
    for data_path, item in _walk(goal_file):
        if "categories" not in type(item).model_fields:  # asking a model for a missing attribute is slow
            continue
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
    area_parts_resolve,
    entries_in_their_year,
    series_consistent,
    values_fit_indicators,
    entry_references_resolve,
    categories_differ_in_case,
)
"""Checks that need a valid model."""


def run_document_checks(document: Document, path: Path) -> list[Problem]:
    """Run the checks that need only the parsed data."""
    return [problem for check in DOCUMENT_CHECKS for problem in check(document, path)]


def run_all(goal_file: GoalFile, document: Document, path: Path) -> list[Problem]:
    """Run every check on a valid file and return their problems in file order."""
    problems = run_document_checks(document, path)
    _walked[:] = [goal_file, list(walk(goal_file))]
    try:
        problems += [problem for check in CHECKS for problem in check(goal_file, document, path)]
    finally:
        _walked[:] = [None, []]
    return sorted(problems, key=Problem.sort_key)
