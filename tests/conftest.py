"""Shared test helpers: the repository's paths and ways to run the CLI."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

import tavoitteet.core.model  # noqa: F401 - commands run in this process use the models, never their plain twins

# No deadline for an example and no "too slow" health check: how long one takes depends on the machine and
# on what else runs on it, and a test must never fail for that.
settings.register_profile("tavoitteet", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("tavoitteet")

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA = REPO_ROOT / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = FIXTURES / "seeds"
SEED_2024 = SEEDS / "000_d745a2ba07e66088.txt"
SEED_2021 = SEEDS / "002_4114f626f75a2ce6.txt"


@pytest.fixture(autouse=True)
def _plain_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """Every test runs in Finnish, without colour, with no data override, at a fixed width,
    with validate's cache in a folder of the test run rather than the user's."""
    monkeypatch.setenv("TAVOITTEET_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "validate-cache"))
    for variable in ("TAVOITTEET_LANG", "TAVOITTEET_DATA", "LC_ALL", "LC_MESSAGES", "LANG", "FORCE_COLOR"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    yield


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test's own, turned on."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("TAVOITTEET_CACHE_DIR", str(folder))
    monkeypatch.delenv("TAVOITTEET_NO_CACHE", raising=False)
    return folder


def corpus_generator() -> ModuleType:
    """``benchmarks/generate_corpus.py``, which is a script rather than part of the package."""
    name = "generate_corpus"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO_ROOT / "benchmarks" / "generate_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def invoke(args: list[str], cwd: Path | None = None) -> tuple[int, str, str]:
    """Run the CLI in-process through Typer's CliRunner; returns (exit code, stdout, stderr)."""
    from tavoitteet.cli import app

    previous = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, args, catch_exceptions=False)
    finally:
        os.chdir(previous)
    return result.exit_code, result.stdout, result.stderr


def run_process(
    args: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m tavoitteet`` as a real process."""
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "tavoitteet", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def wait_for(condition: Callable[[], bool], what: str = "the event") -> None:
    """Wait until another process signals an event (a file appears, a process ends), never for a set time.

    The polling pause only spaces the looks; the deadline is there so a broken
    test fails instead of hanging, and is far beyond any machine's speed.
    """
    looks = 6000
    while not condition():
        looks -= 1
        assert looks, f"{what} never happened"
        time.sleep(0.05)
