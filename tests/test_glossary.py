"""docs/sanasto.md maps every YAML key and fixed value of the models to its field."""

from __future__ import annotations

import inspect
import re
import typing
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel

from tavoitteet.core.model import GoalFile

from conftest import REPO_ROOT

GLOSSARY = REPO_ROOT / "docs" / "sanasto.md"
CODE = re.compile(r"`([^`]+)`")

Pair = tuple[str, str]


def models_from(root: type[BaseModel]) -> list[type[BaseModel]]:
    """Every model reachable from ``root`` through its fields' annotations."""
    found: list[type[BaseModel]] = []
    pending: list[Any] = [root]
    while pending:
        annotation = pending.pop()
        pending += typing.get_args(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation not in found:
            found.append(annotation)
            pending += [f.annotation for f in annotation.model_fields.values()]
    return found


def owner(model: type[BaseModel], name: str) -> str:
    """The class that declares the field (IndicatorBase for the fields every indicator has)."""
    return next(c.__name__ for c in model.__mro__ if name in inspect.get_annotations(c))


def literals(annotation: Any) -> Iterator[str]:
    if typing.get_origin(annotation) is typing.Literal:
        yield from (str(v) for v in typing.get_args(annotation))
        return
    for argument in typing.get_args(annotation):
        yield from literals(argument)


def expected_pairs() -> set[Pair]:
    """(key or value, Class.field) for every alias and every Literal value of the models."""
    pairs: set[Pair] = set()
    for model in models_from(GoalFile):
        for name, info in model.model_fields.items():
            field = f"{owner(model, name)}.{name}"
            pairs.add((info.alias or name, field))
            pairs |= {(value, field) for value in literals(info.annotation)}
    return pairs


def glossary_rows() -> list[list[str]]:
    lines = GLOSSARY.read_text(encoding="utf-8").splitlines()
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in lines if line.startswith("|")]
    return [row for row in rows if len(row) == 4 and not set(row[0]) <= {"-"}][1:]


def glossary_pairs() -> set[Pair]:
    """(key or value, Class.field) for every row: a row may name several fields."""
    return {
        (CODE.findall(key)[0], ref) for key, _, fields, _ in glossary_rows() for ref in CODE.findall(fields)
    }


def test_the_model_walk_reaches_every_kind_of_indicator() -> None:
    names = {m.__name__ for m in models_from(GoalFile)}
    assert {"Entry", "ManualLevel", "Target", "TrendIndicator", "QualitativeIndicator"} <= names


def test_every_key_and_value_of_the_models_is_in_the_glossary() -> None:
    missing = sorted(expected_pairs() - glossary_pairs())
    assert missing == [], f"lisää docs/sanasto.md:hen rivit: {missing}"


def test_every_row_explains_its_key() -> None:
    for key, where, fields, explanation in glossary_rows():
        assert CODE.findall(key) and where and CODE.findall(fields), key
        assert len(explanation) > 10, key


def test_every_field_named_in_the_glossary_exists() -> None:
    models = {c.__name__: c for m in models_from(GoalFile) for c in m.__mro__ if issubclass(c, BaseModel)}
    for _, ref in glossary_pairs():
        model_name, field_name = ref.split(".")
        if model_name == "Status":
            continue
        assert model_name in models, ref
        assert field_name in models[model_name].model_fields, ref
        assert owner(models[model_name], field_name) == model_name, ref


def test_every_status_is_in_the_glossary() -> None:
    evaluation = pytest.importorskip("tavoitteet.core.evaluation")
    expected = {(status.value, f"Status.{status.name}") for status in evaluation.Status}
    assert expected - glossary_pairs() == set()
