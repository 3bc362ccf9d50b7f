"""The goal file's validator compiled from the stored schema behaves exactly as pydantic's own.

``core/stored_schema.py`` keeps the core schema pydantic generates for the
models, so that a run need not generate it again (issue 19).  These tests fail
when the stored copy is out of date with the models, and prove on real and
mutated files that both validators give the same models and the same errors.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from tavoitteet.core import validation
from tavoitteet.core.model import GoalFile, Settings
from tavoitteet.files.yamlread import read_file

ROOT = Path(__file__).resolve().parent.parent
STORED = ROOT / "src" / "tavoitteet" / "core" / "stored_schema.py"
GOAL_FILES = sorted(
    path
    for folder in ("data", "examples")
    for path in (ROOT / folder).rglob("*.yaml")
    if path.name != "tavoitteet.yaml" and path.parent.name.isdigit()
)


def _stored_fits() -> bool:
    from tavoitteet.core import corelib, stored_schema

    return (
        validation.versions()
        == (stored_schema.PYDANTIC, stored_schema.PYDANTIC_CORE)
        == (corelib.installed_versions())
    )


def _generated_in_a_fresh_interpreter() -> str:
    """What ``python -m tavoitteet.core.validation`` writes: pydantic's schema of models not built before.

    In this process other tests have built some models already, and pydantic
    then refers to their schemas instead of writing them out in place.
    """
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from tavoitteet.core.validation import source; sys.stdout.write(source())",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return done.stdout


def test_the_stored_schema_is_what_pydantic_generates_for_the_models_now() -> None:
    if not _stored_fits():
        pytest.skip(
            "WARNING: core/stored_schema.py was generated with another pydantic; the models are built the "
            "ordinary way here (test_another_pydantic_builds_the_models_the_ordinary_way covers that)"
        )
    generated = _generated_in_a_fresh_interpreter()  # the twins (core/plain_model.py): tests/test_plain.py
    if os.environ.get("UPDATE_GOLDEN"):
        STORED.write_text(generated, encoding="utf-8")
    assert STORED.read_text(encoding="utf-8") == generated, (
        "the models changed: write the stored schema again with python -m tavoitteet.core.validation"
    )


def test_the_stored_schema_is_used_when_it_fits_this_pydantic() -> None:
    validator = validation.validator_of("GoalFile")
    if _stored_fits():
        assert validator != validation.ordinary("GoalFile")
        assert getattr(validator, "__self__", None).__class__.__name__ == "SchemaValidator"
    else:
        assert validator == validation.ordinary("GoalFile")


def _assert_built_the_ordinary_way() -> None:
    """Both stored models are validated by pydantic's own validators (the cache is cleared on either side)."""
    validation.validator_of.cache_clear()
    try:
        assert validation.validator_of("GoalFile") == GoalFile.model_validate
        assert validation.validator_of("Settings") == Settings.model_validate
    finally:
        validation.validator_of.cache_clear()


def test_another_pydantic_builds_the_models_the_ordinary_way(monkeypatch: pytest.MonkeyPatch) -> None:
    from tavoitteet.core import stored_schema

    monkeypatch.setattr(stored_schema, "PYDANTIC", "0.0.0")
    _assert_built_the_ordinary_way()


def test_a_stored_schema_pydantic_core_refuses_builds_the_models_the_ordinary_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tavoitteet.core import stored_schema

    monkeypatch.setattr(stored_schema, "PYDANTIC", validation.versions()[0])
    monkeypatch.setattr(stored_schema, "PYDANTIC_CORE", validation.versions()[1])
    monkeypatch.setattr(stored_schema, "SCHEMAS", {"GoalFile": lambda model: {"type": "no such schema"}})
    _assert_built_the_ordinary_way()


def _both(data: Any) -> tuple[Any, Any]:
    def outcome(validate: Any) -> Any:
        try:
            return ("model", validate(data))
        except ValidationError as error:
            return ("errors", error.errors(include_url=False), error.error_count())

    return outcome(validation.validate_goal_file), outcome(GoalFile.model_validate)


@pytest.mark.parametrize("path", GOAL_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_goal_file_of_the_repository_validates_alike(path: Path) -> None:
    document = read_file(path).document
    assert document is not None
    stored, ordinary = _both(document.data)
    assert stored == ordinary
    assert stored[0] == "model"


def mutations() -> st.SearchStrategy[Any]:
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-3, 3000),
        st.sampled_from(["", " ", "kyllä", "ei", "12,5", "1.1.2024", "2024", "x-1", "Kirjasto", "luku", "0"]),
    )
    return st.recursive(
        leaves,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
        max_leaves=8,
    )


@given(
    file_index=st.integers(0, max(len(GOAL_FILES) - 1, 0)),
    choice=st.randoms(use_true_random=False),
    replacement=mutations(),
)
def test_mutated_files_give_the_same_models_or_the_same_errors(
    file_index: int, choice: Any, replacement: Any
) -> None:
    document = read_file(GOAL_FILES[file_index]).document
    assert document is not None
    data = replace_somewhere(document.data, choice, replacement)
    stored, ordinary = _both(data)
    assert stored == ordinary


def replace_somewhere(data: Any, choice: Any, replacement: Any) -> Any:
    """A copy of ``data`` with one value, somewhere in it (or a new key), replaced."""
    if isinstance(data, dict) and data:
        key = choice.choice([*data, "uusi_avain"])
        copy = dict(data)
        copy[key] = (
            replacement
            if choice.random() < 0.3 or key not in data
            else replace_somewhere(data[key], choice, replacement)
        )
        return copy
    if isinstance(data, list) and data:
        index = choice.randrange(len(data))
        copy = list(data)
        copy[index] = (
            replacement if choice.random() < 0.3 else replace_somewhere(data[index], choice, replacement)
        )
        return copy
    return replacement


@pytest.mark.parametrize(
    "command",
    [
        ["status", "2024"],
        ["status", "2024", "--data", "{examples}"],
        ["validate"],
        ["record", "hakeutuvien-palvelujen-asiakkuudet", "61", "--date", "1.12.2024", "--data", "{examples}"],
    ],
    ids=["status", "status-with-baselines", "validate", "record"],
)
def test_a_first_run_does_not_generate_the_models_schema(command: list[str], tmp_path: Path) -> None:
    """Checked in a fresh interpreter: no model's schema is generated while the command runs."""
    import shutil

    examples = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", examples)
    arguments = [part.replace("{examples}", str(examples)) for part in command]
    probe = (
        "import sys, runpy\n"
        "import tavoitteet.core.model  # the models themselves: tests/test_plain.py runs on the twins\n"
        "import pydantic._internal._generate_schema as g\n"
        "made = []\n"
        "original = g.GenerateSchema.generate_schema\n"
        "def watched(self, obj, *a, **k):\n"
        "    made.append(getattr(obj, '__name__', repr(obj)))\n"
        "    return original(self, obj, *a, **k)\n"
        "g.GenerateSchema.generate_schema = watched\n"
        f"sys.argv = ['tavoitteet', *{arguments!r}]\n"
        "try:\n"
        "    runpy.run_module('tavoitteet', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write('GENERATED:' + ','.join(made) + '\\n')\n"
    )
    env = {**os.environ, "TAVOITTEET_NO_CACHE": "1", "NO_COLOR": "1", "TAVOITTEET_JOBS": "1"}
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert "GENERATED:" in done.stderr, done.stderr
    generated = done.stderr.rsplit("GENERATED:", 1)[1].strip()
    if _stored_fits():
        assert generated == ""
    else:
        assert "GoalFile" in generated
