"""Validating a goal file against the models, with pydantic-core's validator built from a stored schema.

Pydantic builds a model's validator in two steps: it generates the model's
*core schema* (a plain nested dict saying, field by field, what pydantic-core
checks) by walking every annotation in Python, then compiles that dict in
pydantic-core.  The first step was the largest single cost of every command
that reads a goal file after a change: about a sixth of a first ``status``.
It gives the same dict on every run of the same code with the same pydantic,
so the models are declared with ``defer_build`` and the dict is kept, as
Python source, in :mod:`tavoitteet.core.stored_schema`; a run compiles that
dict directly.  The instances are the models' own classes, made by the same
pydantic-core validator pydantic would have built, with the same errors.

The stored dict belongs to one version of pydantic and pydantic-core and to the
models as they are: with any other version installed the models are built the
ordinary way (:func:`ordinary`), and ``tests/test_validation.py`` fails when the
stored dict differs from what pydantic generates for the models now
(``UPDATE_GOLDEN=1`` writes it again, as ``python -m tavoitteet.core.validation``
does; both generate it in a fresh interpreter, where no model was built before).
A stored dict that names something gone, or that pydantic-core refuses, is
passed over the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import tavoitteet.core.lean  # noqa: F401 # isort: skip - before pydantic, which it imports leaner
import pydantic
import pydantic_core
from pydantic import BaseModel
from pydantic_core import SchemaValidator

from tavoitteet.core import fields, model
from tavoitteet.core.model import GoalFile

LEFT_OUT = ("metadata", "serialization")
"""keys of a core schema that only pydantic's JSON schema and serializers read, never the validator"""


def versions() -> tuple[str, str]:
    return pydantic.VERSION, pydantic_core.__version__


def validate_goal_file(data: Any) -> GoalFile:
    """``GoalFile.model_validate(data)``: the same result and the same ``ValidationError``."""
    return goal_file_validator()(data)  # type: ignore[no-any-return]


@cache
def goal_file_validator() -> Callable[[Any], Any]:
    """The validator of :class:`GoalFile`: compiled from the stored schema when it fits this pydantic."""
    try:
        from tavoitteet.core import stored_schema
    except (ImportError, AttributeError):  # a model or function it names is gone: it is out of date
        return ordinary()
    if versions() != (stored_schema.PYDANTIC, stored_schema.PYDANTIC_CORE):
        return ordinary()
    try:
        return SchemaValidator(stored_schema.SCHEMA).validate_python
    except pydantic_core.SchemaError:  # not a schema this pydantic-core compiles: never worse than before
        return ordinary()


def ordinary() -> Callable[[Any], Any]:
    """Pydantic's own way: the model's validator, built on first use."""
    return GoalFile.model_validate


# --- writing the stored schema --------------------------------------------------------------


def generated_schema() -> dict[str, Any]:
    """The core schema pydantic generates for :class:`GoalFile` now, without what validation never reads."""
    GoalFile.model_rebuild(force=True)
    schema = GoalFile.__pydantic_core_schema__
    stripped = _strip(schema)
    return _stable_refs(stripped)  # type: ignore[no-any-return]


def _strip(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _strip(value) for key, value in node.items() if key not in LEFT_OUT}
    if isinstance(node, list):
        return [_strip(value) for value in node]
    return node


def _stable_refs(schema: Any) -> Any:
    """Refs name the model's class by ``id()``, different on every run: name them by class instead."""
    names: dict[str, str] = {}

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("ref"), str) and node["ref"] not in names:
                names[node["ref"]] = f"{node['ref'].split(':')[0]}:{len(names)}"
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    def rename(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                key: names.get(value, value) if key in ("ref", "schema_ref") else rename(value)
                for key, value in node.items()
            }
        if isinstance(node, list):
            return [rename(value) for value in node]
        return node

    collect(schema)
    return rename(schema)


def source() -> str:
    """The text of :mod:`tavoitteet.core.stored_schema` for the models and pydantic installed now."""
    pydantic_version, core_version = versions()
    lines = [
        '"""The core schema of a goal file, as pydantic generates it: see :mod:`tavoitteet.core.validation`.',
        "",
        "Generated by ``python -m tavoitteet.core.validation``; do not edit.",
        '"""',
        "",
        "# fmt: off",
        "from typing import Any",
        "",
        "from tavoitteet.core import fields, model",
        "",
        f"PYDANTIC = {pydantic_version!r}",
        f"PYDANTIC_CORE = {core_version!r}",
        "",
        "SCHEMA: dict[str, Any] = " + "".join(_literal(generated_schema(), 0)),
        "",
    ]
    return "\n".join(lines)


def _literal(node: Any, depth: int) -> Iterator[str]:
    indent = "    " * (depth + 1)
    if isinstance(node, dict):
        if not node:
            yield "{}"
            return
        yield "{\n"
        for key, value in node.items():
            yield f"{indent}{key!r}: "
            yield from _literal(value, depth + 1)
            yield ",\n"
        yield "    " * depth + "}"
    elif isinstance(node, list):
        if not node:
            yield "[]"
            return
        yield "[\n"
        for value in node:
            yield indent
            yield from _literal(value, depth + 1)
            yield ",\n"
        yield "    " * depth + "]"
    elif node is None or isinstance(node, (str, int, float, bool)):
        yield repr(node)
    else:
        yield _name(node)


def _name(thing: Any) -> str:
    """Python source that gives back ``thing``: a model class, a function of the fields or a model's validator."""
    for module, alias in ((model, "model"), (fields, "fields")):
        if getattr(thing, "__module__", None) != module.__name__:
            continue
        for attribute, value in vars(module).items():
            if value is thing:
                return f"{alias}.{attribute}"
            if isinstance(value, type) and issubclass(value, BaseModel):
                for member, function in vars(value).items():
                    if function is thing:
                        return f"vars({alias}.{attribute})[{member!r}]"
    raise ValueError(f"the stored schema cannot name {thing!r}: keep the models' validators plain functions")


if __name__ == "__main__":
    from pathlib import Path

    target = Path(__file__).with_name("stored_schema.py")
    target.write_text(source(), encoding="utf-8")
    print(f"wrote {target}")
