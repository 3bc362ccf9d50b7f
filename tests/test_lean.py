"""pydantic is imported without asyncio and its plugin loader, and everything still works (tavoitteet.core.lean)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import DATA


def _python(code: str, cwd: Path | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=False, cwd=cwd
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_models_load_without_asyncio_or_importlib_metadata() -> None:
    out = _python(
        f"""
        import sys
        from pathlib import Path
        from tavoitteet.files.loader import load_file
        print(sorted({{m.split(".")[0] for m in sys.modules}} & {{"asyncio", "ssl", "socket"}}))
        print("importlib.metadata" in sys.modules)
        loaded = load_file(next(Path({str(DATA / "2024")!r}).glob("*.yaml")))
        print(loaded.goal_file is not None, loaded.problems)
        """
    )
    assert out.splitlines() == ["[]", "False", "True []"]


def test_asyncio_imported_afterwards_is_the_real_one() -> None:
    out = _python(
        """
        import tavoitteet.core.lean
        import asyncio, asyncio.coroutines, inspect

        async def answer():
            await asyncio.sleep(0)
            return 42

        print(asyncio.run(answer()), hasattr(asyncio, "__tavoitteet_stand_in__"))
        print(asyncio.coroutines.iscoroutinefunction(answer), asyncio.coroutines.__file__.endswith(".py"))
        """
    )
    assert out.splitlines() == ["42 False", "True True"]


def test_asking_a_stand_in_for_anything_else_loads_the_real_module() -> None:
    out = _python(
        """
        import sys
        from tavoitteet.core import lean
        loader = sys.modules["pydantic.plugin._loader"]
        print(list(loader.get_plugins()))
        print(loader.PYDANTIC_ENTRY_POINT_GROUP)  # not in the stand-in: the real loader answers
        print(hasattr(sys.modules["pydantic.plugin._loader"], "__tavoitteet_stand_in__"))
        """
    )
    assert out.splitlines() == ["[]", "pydantic", "False"]


def test_a_module_that_fails_under_the_stand_ins_is_imported_the_ordinary_way(tmp_path: Path) -> None:
    (tmp_path / "picky.py").write_text(
        textwrap.dedent(
            """
            import asyncio
            if hasattr(asyncio, "__tavoitteet_stand_in__"):
                raise RuntimeError("needs the real asyncio")
            LOOP = asyncio.new_event_loop
            """
        ),
        encoding="utf-8",
    )
    out = _python(
        f"""
        import sys
        sys.path.insert(0, {str(tmp_path)!r})
        sys.modules.pop("asyncio", None)
        from tavoitteet.core import lean
        for name in ("pydantic", "pydantic_core", "asyncio", "picky"):
            assert name not in sys.modules or name.startswith("pydantic"), name
        print(lean.import_pydantic(("picky",)), "picky" in sys.modules)
        import picky, asyncio
        print(picky.LOOP is asyncio.new_event_loop)
        """
    )
    assert out.splitlines() == ["False True", "True"]
