"""Import pydantic without the parts of it a command line never uses: imported for its side effect, first.

On Python before 3.13, ``typing_extensions.deprecated`` imports the whole of
``asyncio`` (with ``ssl``, ``socket`` and ``concurrent.futures``) the first time
it marks a function deprecated, only to ask whether that function is a
coroutine; pydantic and pydantic-core mark dozens of functions so while they are
imported.  And pydantic's plugin loader imports ``importlib.metadata`` and reads
every installed package's entry points before the first model is built.
Together that was about a third of the first ``status`` after a change.

So the modules that use pydantic (``core/fields.py``, ``core/model.py``,
``files/loader.py``) import this module before pydantic.  It imports pydantic
once with two stand-ins:

* while pydantic is imported, ``asyncio`` and ``asyncio.coroutines`` are small
  modules whose ``iscoroutinefunction`` is :func:`inspect.iscoroutinefunction`
  (what ``asyncio``'s own does for a plain function); they are removed right
  after, so a later ``import asyncio`` gets the real one;
* ``pydantic.plugin._loader`` reports no plugins: tavoitteet's models are never
  observed by pydantic plugins (``logfire`` and the like), whatever is installed.

Anything else either stand-in is asked for loads the real module.  Should
importing pydantic fail with them, every module imported meanwhile is
forgotten and pydantic is imported the ordinary way: the stand-ins can make the
import faster, never break it.  ``tests/test_lean.py`` checks both.
"""

from __future__ import annotations

import gc
import importlib
import inspect
import sys
import types
from typing import Any

PYDANTIC_MODULES = (
    "pydantic_core",
    "pydantic",
    "pydantic.main",
    "pydantic.fields",
    "pydantic.functional_validators",
)
"""what the models import; importing them here marks all their deprecated functions under the stand-in"""
_PLUGIN_LOADER = "pydantic.plugin._loader"
_MARK = "__tavoitteet_stand_in__"


def _no_plugins() -> tuple[()]:
    return ()


def _stand_in(name: str, attributes: dict[str, Any], is_package: bool = False) -> types.ModuleType:
    """A module with ``attributes``; anything else loads the real module and is taken from it."""
    module = types.ModuleType(name, "a stand-in of tavoitteet.core.lean while pydantic is imported")
    module.__dict__[_MARK] = True

    def real_attribute(attribute: str) -> Any:
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        if sys.modules.get(name) is module:
            del sys.modules[name]
        if is_package:
            for child in [key for key, value in sys.modules.items() if key.startswith(f"{name}.")]:
                if getattr(sys.modules[child], _MARK, False):
                    del sys.modules[child]
        return getattr(importlib.import_module(name), attribute)

    module.__dict__.update(attributes)
    module.__getattr__ = real_attribute  # type: ignore[method-assign]
    return module


def _coroutine_stand_ins() -> dict[str, types.ModuleType]:
    coroutines = _stand_in(
        "asyncio.coroutines",
        {"iscoroutinefunction": inspect.iscoroutinefunction, "_is_coroutine": object()},
    )
    package = _stand_in("asyncio", {"coroutines": coroutines}, is_package=True)
    return {"asyncio": package, "asyncio.coroutines": coroutines}


def import_pydantic(modules: tuple[str, ...] = PYDANTIC_MODULES) -> bool:
    """Import ``modules`` with the stand-ins; True if they were used.

    False if there was nothing to do (they, or asyncio, were imported before)
    or importing with the stand-ins failed and ``modules`` were imported plainly.
    """
    if all(name in sys.modules for name in modules) or "asyncio" in sys.modules:
        _install_plugin_stand_in()
        return False
    before = set(sys.modules)
    stand_ins = _coroutine_stand_ins()
    sys.modules.update(stand_ins)
    collecting = gc.isenabled()
    gc.disable()  # pydantic's modules live as long as the process: collecting them meanwhile is wasted
    try:
        _install_plugin_stand_in()
        for name in modules:
            importlib.import_module(name)
    except Exception:
        _forget(set(sys.modules) - before)
        for name in modules:
            importlib.import_module(name)
        return False
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        gc.freeze()  # and later collections need not look at them again
        if collecting:
            gc.enable()
    return True


def _install_plugin_stand_in() -> None:
    if _PLUGIN_LOADER not in sys.modules:
        sys.modules[_PLUGIN_LOADER] = _stand_in(_PLUGIN_LOADER, {"get_plugins": _no_plugins})


def _forget(names: set[str]) -> None:
    for name in names:
        sys.modules.pop(name, None)


import_pydantic()
