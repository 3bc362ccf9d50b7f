"""The base of the models' plain twins: what the commands read of a pydantic model, without pydantic.

Importing pydantic and declaring the models (:mod:`tavoitteet.core.model`)
was two thirds of the first ``status``, ``validate`` or ``record`` after a
change, though such a command uses nothing of pydantic but the validator
pydantic-core compiles from the models' core schema, which is stored
(:mod:`tavoitteet.core.validation`).  So every model has a plain twin in
:mod:`tavoitteet.core.plain_model`, generated from the models with that
schema: the same name, bases, fields (names, aliases, annotations, defaults)
and methods (the very functions of :mod:`tavoitteet.core.rules`), on
:class:`Plain` instead of pydantic's ``BaseModel``.  pydantic-core's validator
makes instances of whichever classes the schema names, exactly as it makes
the models, with the same errors.

A process chooses the twins with :func:`tavoitteet.core.twins.use_plain_models`.
``tests/test_plain.py`` checks that the twins are current and give what the
models give, value for value and error for error, and that the commands that
use them import no pydantic.
"""

from __future__ import annotations

from typing import Any, ClassVar, NoReturn, Self


class FieldStub:
    """What the commands read of a model's field (pydantic's ``FieldInfo``): its key, type and default."""

    __slots__ = ("alias", "annotation", "default", "default_factory")

    def __init__(self, alias: str, annotation: Any, default: Any = ..., default_factory: Any = None) -> None:
        self.alias = alias
        self.annotation = annotation
        self.default = default
        self.default_factory = default_factory

    def is_required(self) -> bool:
        return self.default is ... and self.default_factory is None


class Plain:
    """A frozen model without pydantic: fields in ``__dict__``, equal by value, as pydantic's models are."""

    __slots__ = ("__dict__", "__pydantic_extra__", "__pydantic_fields_set__", "__pydantic_private__")
    model_fields: ClassVar[dict[str, FieldStub]] = {}
    __pydantic_fields_set__: set[str]

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise TypeError(f"{type(self).__name__} is frozen: {name} cannot be set")

    def __delattr__(self, name: str) -> NoReturn:
        raise TypeError(f"{type(self).__name__} is frozen: {name} cannot be deleted")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash(tuple(self.__dict__.values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{type(self).__name__}({shown})"

    @property
    def model_fields_set(self) -> set[str]:
        return set(self.__pydantic_fields_set__)

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Self:
        """A copy with ``update``'s fields changed, as pydantic's ``model_copy`` (not validated)."""
        changes = update or {}
        return self._made({**self.__dict__, **changes}, set(self.__pydantic_fields_set__) | set(changes))

    @classmethod
    def model_construct(cls, **values: Any) -> Self:
        """An instance of ``values`` and the other fields' defaults, not validated, as pydantic's."""
        fields = {}
        for name, info in cls.model_fields.items():
            if name in values:
                fields[name] = values[name]
            elif info.default_factory is not None:
                fields[name] = info.default_factory()
            elif info.default is not ...:
                fields[name] = info.default
        return cls._made(fields, set(values))

    @classmethod
    def model_validate(cls, data: Any) -> Self:
        """Validate ``data`` with the stored schema of this model (``GoalFile`` or ``Settings``)."""
        from tavoitteet.core.validation import validator_of

        made: Self = validator_of(cls.__name__)(data)
        return made

    @classmethod
    def _made(cls, fields: dict[str, Any], fields_set: set[str]) -> Self:
        made = object.__new__(cls)
        object.__setattr__(made, "__dict__", fields)
        object.__setattr__(made, "__pydantic_fields_set__", fields_set)
        object.__setattr__(made, "__pydantic_extra__", None)
        object.__setattr__(made, "__pydantic_private__", None)
        return made
