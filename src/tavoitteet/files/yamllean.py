"""libyaml's event parser without the parts of PyYAML that tavoitteet never runs.

``import yaml`` runs PyYAML's whole package: the pure-Python reader, scanner,
parser, composer, constructor, resolver, emitter, serializer, representer and
the loader and dumper classes built from them.  tavoitteet reads every goal
file with libyaml's C parser (``yaml._yaml.CParser``) as a stream of events and
builds its own data (:mod:`tavoitteet.files.yamlread`); of the rest it uses the
error and event classes.  The pure-Python reader alone compiles a regular
expression over all of Unicode on import, which with the rest was about a
tenth of the first ``status`` after a change.

The C module itself only asks those modules for their error classes while it
is imported.  So this module imports it with the real ``yaml.error``,
``yaml.events``, ``yaml.tokens`` and ``yaml.nodes`` and, for the other modules,
stand-ins that hold just their error class (each a subclass of the real
``YAMLError`` or ``MarkedYAMLError``, so every ``except`` in tavoitteet catches
what it caught before; ``ReaderError`` prints as PyYAML's does).  The
stand-ins and the package placeholder leave ``sys.modules`` right after: a later
``import yaml`` anywhere in the process gets the real, whole package, and
reuses the C module.  Should anything about this fail (PyYAML without libyaml,
a PyYAML of another shape), the ordinary ``import yaml`` is used.
``tests/test_yamllean.py`` checks both ways give the same events and errors.

Names this module gives: ``CParser`` (``None`` without libyaml), the event
classes, ``YAMLError``, ``MarkedYAMLError``; anything else (``parse``,
``SafeLoader``) imports the real PyYAML.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import TYPE_CHECKING, Any

__all__ = [
    "AliasEvent",
    "CParser",
    "DocumentStartEvent",
    "MappingEndEvent",
    "MappingStartEvent",
    "MarkedYAMLError",
    "ScalarEvent",
    "SequenceEndEvent",
    "SequenceStartEvent",
    "StreamEndEvent",
    "YAMLError",
]

_REAL = ("error", "tokens", "events", "nodes")
"""PyYAML's modules the C parser needs in full: small, and without regular expressions"""
_MARKED = ("scanner", "parser", "composer", "constructor")
_PLAIN = ("emitter", "serializer", "representer")


def _reader_error(base: type) -> type:
    class ReaderError(base):  # type: ignore[misc]
        """PyYAML's ``yaml.reader.ReaderError`` (MIT licence), which libyaml raises for a bad character."""

        def __init__(self, name: Any, position: Any, character: Any, encoding: Any, reason: Any) -> None:
            self.name = name
            self.character = character
            self.position = position
            self.encoding = encoding
            self.reason = reason

        def __str__(self) -> str:
            if isinstance(self.character, bytes):
                return "'%s' codec can't decode byte #x%02x: %s\n  in \"%s\", position %d" % (  # noqa: UP031
                    self.encoding,
                    ord(self.character),
                    self.reason,
                    self.name,
                    self.position,
                )
            return 'unacceptable character #x%04x: %s\n  in "%s", position %d' % (  # noqa: UP031
                self.character,
                self.reason,
                self.name,
                self.position,
            )

    ReaderError.__module__ = "yaml.reader"
    return ReaderError


def _stand_in(name: str, base: type) -> types.ModuleType:
    """A module ``yaml.<name>`` holding only its error class, ``<Name>Error``."""
    module = types.ModuleType(f"yaml.{name}", _STAND_IN)
    attribute = f"{name.capitalize()}Error"
    setattr(module, attribute, type(attribute, (base,), {"__module__": module.__name__}))
    return module


_STAND_IN = "a stand-in of tavoitteet.files.yamllean"


def _import_lean() -> types.ModuleType | None:
    """``yaml._yaml`` imported beside stand-ins, or None where that cannot be done."""
    spec = importlib.util.find_spec("yaml")
    if spec is None or not spec.submodule_search_locations:
        return None
    package = types.ModuleType("yaml", _STAND_IN)
    package.__path__ = list(spec.submodule_search_locations)
    package.__spec__ = spec
    package.__package__ = "yaml"
    before = set(sys.modules)
    placed: dict[str, types.ModuleType] = {"yaml": package}
    sys.modules["yaml"] = package
    try:
        for name in _REAL:
            setattr(package, name, importlib.import_module(f"yaml.{name}"))
        error = package.error
        reader = types.ModuleType("yaml.reader", _STAND_IN)
        reader.ReaderError = _reader_error(error.YAMLError)  # type: ignore[attr-defined]
        stand_ins = {"reader": reader}
        stand_ins.update({name: _stand_in(name, error.MarkedYAMLError) for name in _MARKED})
        stand_ins.update({name: _stand_in(name, error.YAMLError) for name in _PLAIN})
        for name, module in stand_ins.items():
            sys.modules[module.__name__] = placed[module.__name__] = module
            setattr(package, name, module)
        return importlib.import_module("yaml._yaml")
    except Exception:
        for name in set(sys.modules) - before:
            del sys.modules[name]
        return None
    finally:
        for name, module in placed.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def _load() -> tuple[Any, types.ModuleType, types.ModuleType]:
    """The C parser class (or None), and PyYAML's events and error modules."""
    if "yaml" not in sys.modules:
        c_module = _import_lean()
        if c_module is not None:
            return c_module.CParser, sys.modules["yaml.events"], sys.modules["yaml.error"]
    import yaml

    try:
        from yaml._yaml import CParser as CParserFound
    except ImportError:  # PyYAML without libyaml
        return None, yaml.events, yaml.error
    return CParserFound, yaml.events, yaml.error


CParser, _events, _error = _load()
if TYPE_CHECKING:
    from yaml.error import MarkedYAMLError, YAMLError
    from yaml.events import (
        AliasEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
    )
else:
    YAMLError = _error.YAMLError
    MarkedYAMLError = _error.MarkedYAMLError
    ScalarEvent = _events.ScalarEvent
    MappingStartEvent = _events.MappingStartEvent
    SequenceStartEvent = _events.SequenceStartEvent
    MappingEndEvent = _events.MappingEndEvent
    SequenceEndEvent = _events.SequenceEndEvent
    DocumentStartEvent = _events.DocumentStartEvent
    AliasEvent = _events.AliasEvent
    StreamEndEvent = _events.StreamEndEvent


def __getattr__(name: str) -> Any:
    """Anything else is the real PyYAML's (the pure-Python parser where libyaml is missing)."""
    import yaml

    return getattr(yaml, name)
