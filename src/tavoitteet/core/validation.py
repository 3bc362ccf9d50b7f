"""Validating a goal file against the models, with pydantic-core's validator built from a stored schema.

Pydantic builds a model's validator in two steps: it generates the model's
*core schema* (a plain nested dict saying, field by field, what pydantic-core
checks) by walking every annotation in Python, then compiles that dict in
pydantic-core.  The first step was the largest single cost of every command
that reads a goal file after a change: about a sixth of a first ``status``.
It gives the same dict on every run of the same code with the same pydantic,
so the models are declared with ``defer_build`` and the dict is kept, as
Python source, in :mod:`tavoitteet.core.stored_schema`; a run compiles that
dict directly.  The dict names the models' classes through the module it is
given: the models themselves, or their plain twins (:mod:`tavoitteet.core.plain`),
which the same validator makes just as well, with the same errors.

The stored dict belongs to one version of pydantic and pydantic-core and to the
models as they are: with any other version installed the models are built the
ordinary way (:func:`ordinary`), and ``tests/test_validation.py`` fails when the
stored dict differs from what pydantic generates for the models now
(``UPDATE_GOLDEN=1`` writes it again, as ``python -m tavoitteet.core.validation``
does; both generate it in a fresh interpreter, where no model was built before,
and write the twins, :mod:`tavoitteet.core.plain_model`, beside it).
A stored dict that names something gone, or that pydantic-core refuses, is
passed over the same way.

Nothing here imports pydantic until a model must be built the ordinary way or
the stored files are written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tavoitteet.core import corelib

if TYPE_CHECKING:
    from tavoitteet.core.model import GoalFile, Settings

STORED = ("GoalFile", "Settings")
"""the models whose core schemas are stored: what a goal file and the settings file are validated against"""
LEFT_OUT = ("metadata", "serialization")
"""keys of a core schema that only pydantic's JSON schema and serializers read, never the validator"""


def validate_goal_file(data: Any) -> GoalFile:
    """``GoalFile.model_validate(data)``: the same result and the same ``ValidationError``."""
    return validator_of("GoalFile")(data)  # type: ignore[no-any-return]


def validate_settings(data: Any) -> Settings:
    """``Settings.model_validate(data)``, the same way."""
    return validator_of("Settings")(data)  # type: ignore[no-any-return]


@cache
def validator_of(name: str) -> Callable[[Any], Any]:
    """The validator of the model ``name``: compiled from the stored schema when it fits this pydantic."""
    from tavoitteet.core import model

    try:
        from tavoitteet.core import stored_schema
    except (ImportError, AttributeError):  # a function it names is gone: it is out of date
        return ordinary(name)
    if corelib.installed_versions() != (stored_schema.PYDANTIC, stored_schema.PYDANTIC_CORE):
        return ordinary(name)
    try:
        schema = stored_schema.SCHEMAS[name](model)
        validate: Callable[[Any], Any] = corelib.SchemaValidator(schema).validate_python
        return validate
    except (AttributeError, KeyError, corelib.SchemaError):  # not this model, or not for this pydantic-core
        return ordinary(name)


def ordinary(name: str) -> Callable[[Any], Any]:
    """Pydantic's own way: the model's validator, built on first use."""
    from tavoitteet.core import model

    if getattr(model, "PLAIN", False):  # the stored schema fitted when the twins were chosen (twins.py)
        raise RuntimeError(
            f"the stored schema of {name} does not compile: run python -m tavoitteet.core.validation"
        )
    validate: Callable[[Any], Any] = getattr(model, name).model_validate
    return validate


# --- writing the stored schema and the twins ---------------------------------------------------


def versions() -> tuple[str, str]:
    """The versions of pydantic and pydantic-core, as pydantic states them."""
    import pydantic
    import pydantic_core

    return pydantic.VERSION, pydantic_core.__version__


def generated_schema(name: str) -> dict[str, Any]:
    """The core schema pydantic generates for the model ``name`` now, without what validation never reads."""
    from tavoitteet.core import model

    built = getattr(model, name)
    built.model_rebuild(force=True)
    stripped = _strip(built.__pydantic_core_schema__)
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


GENERATED = "Generated by ``python -m tavoitteet.core.validation``; do not edit."


def source() -> str:
    """The text of :mod:`tavoitteet.core.stored_schema` for the models and pydantic installed now."""
    pydantic_version, core_version = versions()
    lines = [
        '"""The core schemas of a goal file and the settings file, as pydantic generates them.',
        "",
        "Each function gives the schema naming the classes of ``model``: the models or their plain",
        f"twins. See :mod:`tavoitteet.core.validation`. {GENERATED}",
        '"""',
        "",
        "# fmt: off",
        "from typing import Any",
        "",
        "from tavoitteet.core import converters, rules",
        "",
        f"PYDANTIC = {pydantic_version!r}",
        f"PYDANTIC_CORE = {core_version!r}",
    ]
    for name in STORED:
        lines += ["", "", f"def {name.lower()}(model: Any) -> dict[str, Any]:"]
        lines.append("    return " + "".join(_literal(generated_schema(name), 1)))
    lines += ["", "", "SCHEMAS = {", *(f"    {name!r}: {name.lower()}," for name in STORED), "}", ""]
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
    """Python source that gives back ``thing``: a model class, a converter or a rule of the models."""
    from tavoitteet.core import converters, model, rules

    if isinstance(thing, type) and thing.__module__ == model.__name__:
        return f"model.{thing.__name__}"
    name = getattr(thing, "__name__", "")
    for module, alias in ((converters, "converters"), (rules, "rules")):
        if getattr(thing, "__module__", None) == module.__name__ and vars(module).get(name) is thing:
            return f"{alias}.{name}"
    raise ValueError(
        f"the stored schema cannot name {thing!r}: "
        "keep the models' validators plain functions of core/converters.py or core/rules.py"
    )


def twins_source() -> str:
    """The text of :mod:`tavoitteet.core.plain_model`: a plain twin of every model (see :mod:`tavoitteet.core.plain`)."""
    import typing

    from pydantic import BaseModel

    from tavoitteet.core import model, rules

    lines = [
        '"""The models\' plain twins: see :mod:`tavoitteet.core.plain`.',
        "",
        GENERATED,
        '"""',
        "",
        "# fmt: off",
        "from datetime import date",
        "from decimal import Decimal",
        "from typing import ClassVar, Literal",
        "",
        "from tavoitteet.core import converters, rules",
        "from tavoitteet.core.plain import FieldStub, Plain",
    ]
    for name, value in vars(model).items():
        if name.startswith("_") or vars(typing).get(name) is value:  # Any, Literal: imported, not the models'
            continue
        if vars(rules).get(name, _NOTHING) is value:
            lines.append(f"from tavoitteet.core.rules import {name} as {name}")
    lines += ["", "PLAIN = True", '"""these are the twins, not the models"""', ""]
    for name, value in vars(model).items():
        if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == model.__name__:
            lines += ["", "", *_twin(value)]
        elif _is_model_alias(value):  # Indicator, Located: of the twins
            lines += ["", "", f"{name} = {_annotation(value)}"]
        elif isinstance(value, str | int) and not name.startswith("_") and vars(rules).get(name) is not value:
            lines += ["", f"{name} = {value!r}"]
    return "\n".join(lines) + "\n"


_NOTHING = object()


def _twin(cls: Any) -> Iterator[str]:
    from pydantic import BaseModel
    from pydantic_core import PydanticUndefined

    bases = ", ".join("Plain" if base is BaseModel else base.__name__ for base in cls.__bases__)
    yield f"class {cls.__name__}({bases}):"
    yield "    __slots__ = ()"
    if not cls.model_fields:
        yield "    model_fields: ClassVar[dict[str, FieldStub]] = {}"
    else:
        yield "    model_fields: ClassVar[dict[str, FieldStub]] = {"
    for name, info in cls.model_fields.items():
        stub = [repr(info.alias or name), _annotation(info.annotation)]
        if info.default_factory is not None:
            stub.append(f"default_factory={_name(info.default_factory)}")
        elif info.default is not PydanticUndefined:
            stub.append(repr(info.default))
        yield f"        {name!r}: FieldStub({', '.join(stub)}),"
    if cls.model_fields:
        yield "    }"
    for name, value in vars(cls).items():
        if callable(value) and not name.startswith("__") and not isinstance(value, type):
            yield f"    {name} = {_name(value)}"


def _is_model_alias(value: Any) -> bool:
    """A type alias of the models module that names models (``Indicator``, ``Located``)."""
    import typing

    from tavoitteet.core import model

    def names_a_model(annotation: Any) -> bool:
        if isinstance(annotation, type):
            return annotation.__module__ == model.__name__
        return any(names_a_model(arg) for arg in typing.get_args(annotation))

    return typing.get_origin(value) is not None and names_a_model(value)


def _annotation(annotation: Any) -> str:
    """Python source of ``annotation`` with the twins for the models, without pydantic's ``Annotated`` parts."""
    import types
    import typing
    from datetime import date
    from decimal import Decimal

    from pydantic import BaseModel

    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _annotation(args[0])
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_annotation(arg) for arg in args)
    if origin is typing.Literal:
        return f"Literal[{', '.join(repr(arg) for arg in args)}]"
    if origin in (list, dict, tuple):
        return f"{origin.__name__}[{', '.join(_annotation(arg) for arg in args)}]"
    if annotation is type(None):
        return "None"
    if annotation is Ellipsis:
        return "..."
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation.__name__
    if annotation in (str, int, bool, Decimal, date):
        return str(annotation.__name__)
    raise ValueError(f"the twins cannot name the annotation {annotation!r}")


def write_stored() -> list[Path]:
    """Write :mod:`~tavoitteet.core.stored_schema` and :mod:`~tavoitteet.core.plain_model` for the models now."""
    folder = Path(__file__).parent
    written = []
    for name, text in (("stored_schema.py", source()), ("plain_model.py", twins_source())):
        target = folder / name
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    for path in write_stored():
        print(f"wrote {path}")
