"""pydantic-core's compiled validator, imported without the Python modules of pydantic and pydantic-core.

``import pydantic_core`` runs the package's ``__init__``, which imports its
``core_schema`` module (a few hundred ``TypedDict`` declarations that only
type-check schemas) and ``typing_extensions``; pydantic itself imports much more.
A goal file is validated by the compiled part alone, ``pydantic_core._pydantic_core``,
from a stored schema (:mod:`tavoitteet.core.validation`), so the first run after
a change loads that extension module by itself: while it is imported,
``pydantic_core`` is a bare package naming only its folder, and it is forgotten
right after.  A later ``import pydantic_core`` (anything that needs pydantic)
runs the real ``__init__``, which takes the very same extension module from
``sys.modules``: there is one ``ValidationError`` class either way.

:func:`installed_versions` reads the versions of pydantic and pydantic-core
without importing either, to tell whether the stored schema is theirs.
"""

from __future__ import annotations

import re
import sys
import types
from functools import cache
from importlib.machinery import PathFinder
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pydantic_core import PydanticCustomError as PydanticCustomError
    from pydantic_core import SchemaError as SchemaError
    from pydantic_core import SchemaValidator as SchemaValidator
    from pydantic_core import ValidationError as ValidationError

EXTENSION = "pydantic_core._pydantic_core"
_VERSION = re.compile(r"""^VERSION\s*=\s*['"]([^'"]+)['"]""", re.MULTILINE)


def extension() -> types.ModuleType:
    """``pydantic_core._pydantic_core``, imported without ``pydantic_core/__init__.py`` if not imported yet."""
    module = sys.modules.get(EXTENSION)
    if module is not None:
        return module
    if "pydantic_core" in sys.modules:
        import pydantic_core._pydantic_core as imported

        return imported
    return _import_alone()


def _import_alone() -> types.ModuleType:
    spec = PathFinder.find_spec("pydantic_core")
    if spec is None or not spec.submodule_search_locations:
        import pydantic_core._pydantic_core as imported  # not a plain folder: the ordinary import

        return imported
    bare = types.ModuleType("pydantic_core", "pydantic-core's folder, while its extension module is imported")
    bare.__path__ = list(spec.submodule_search_locations)
    sys.modules["pydantic_core"] = bare
    try:
        import pydantic_core._pydantic_core as imported
    finally:
        if sys.modules.get("pydantic_core") is bare:
            del sys.modules["pydantic_core"]
    return imported


@cache
def installed_versions() -> tuple[str | None, str]:
    """The versions of pydantic (None if unreadable) and pydantic-core installed, importing neither package.

    Asked once per stored model and by :mod:`tavoitteet.core.twins`: read once.
    """
    core_version: str = extension().__version__
    return _pydantic_version(), core_version


def _pydantic_version() -> str | None:
    if "pydantic.version" in sys.modules:
        return str(sys.modules["pydantic.version"].VERSION)
    spec = PathFinder.find_spec("pydantic")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        try:
            found = _VERSION.search(Path(folder, "version.py").read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        if found:
            return found.group(1)
    return None


def __getattr__(name: str) -> object:
    """``SchemaValidator``, ``ValidationError``, ``PydanticCustomError`` ... of the extension module."""
    if name.startswith("__"):
        raise AttributeError(name)
    return getattr(extension(), name)
