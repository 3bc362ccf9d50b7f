"""The package a municipality installs: built with ``python -m build``, checked with twine, the
wheel working in a fresh virtual environment outside any checkout, the sdist running its own tests."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

from tavoitteet import __version__

from conftest import REPO_ROOT
from realtools import command, loud_skip

pytestmark = pytest.mark.slow
PYPROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without this checkout on the path: what a user's shell has."""
    drop = ("PYTHONPATH", "VIRTUAL_ENV", "TAVOITTEET_DATA", "PYTHONHOME")
    return {**{k: v for k, v in os.environ.items() if k not in drop}, "NO_COLOR": "1", **extra}


@pytest.fixture(scope="module")
def dist(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    try:
        import build  # noqa: F401
    except ImportError:
        loud_skip(request, "the built package (python -m build)", "python -m pip install build")
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(REPO_ROOT)],
        capture_output=True,
        text=True,
        check=False,
        env=clean_env(),
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


def only(folder: Path, pattern: str) -> Path:
    (found,) = folder.glob(pattern)
    return found


def test_twine_accepts_both_archives(request: pytest.FixtureRequest, dist: Path) -> None:
    command(request, "twine", "the package's metadata with twine check")
    done = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, dist.iterdir())],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("PASSED") == 2


def test_the_metadata_names_the_license_urls_and_pythons(dist: Path) -> None:
    wheel = only(dist, f"tavoitteet-{__version__}-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"tavoitteet-{__version__}.dist-info/METADATA").decode("utf-8")
        names = archive.namelist()
    assert "License-Expression: MIT" in metadata
    assert f"tavoitteet-{__version__}.dist-info/licenses/LICENSE" in names
    assert "tavoitteet/py.typed" in names
    for python in ("3.11", "3.12", "3.13"):
        assert f"Classifier: Programming Language :: Python :: {python}" in metadata
    assert "Project-URL: Source, https://github.com/tavoitteet/tavoitteet" in metadata
    assert "Project-URL: Changelog," in metadata


def test_the_sdist_carries_every_test_with_its_conftest_and_fixtures(dist: Path) -> None:
    sdist = only(dist, f"tavoitteet-{__version__}.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    tests = {
        p.relative_to(REPO_ROOT).as_posix()
        for p in (REPO_ROOT / "tests").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert tests - names == set()
    assert {"tests/conftest.py", "LICENSE", "CHANGELOG.md", "action.yml", ".pre-commit-hooks.yaml"} <= names
    assert not any(name.startswith(".ci/node/") or "__pycache__" in name for name in names)


def test_the_sdist_runs_its_own_tests(dist: Path, tmp_path: Path) -> None:
    sdist = only(dist, f"tavoitteet-{__version__}.tar.gz")
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path, filter="data")
    unpacked = tmp_path / f"tavoitteet-{__version__}"
    chosen = [
        "tests/test_schema.py",
        "tests/test_glossary.py",
        "tests/test_data_transcription.py",
        "tests/test_init.py",
    ]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-o", "addopts=--strict-markers", "-p", "no:cacheprovider", *chosen],
        cwd=unpacked,
        capture_output=True,
        text=True,
        check=False,
        env=clean_env(PYTHONPATH=str(unpacked / "src")),
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and " failed" not in done.stdout


def test_the_wheel_works_in_a_fresh_venv_outside_any_checkout(dist: Path, tmp_path: Path) -> None:
    wheel = only(dist, f"tavoitteet-{__version__}-py3-none-any.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", str(wheel)],
        capture_output=True,
        text=True,
        check=False,
        env=clean_env(),
    )
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    work = tmp_path / "kunnan-tavoitteet"
    env = clean_env(
        PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", TAVOITTEET_CACHE_DIR=str(tmp_path / "cache")
    )

    def run(*args: str, cwd: Path = work) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(bin_dir / "tavoitteet"), *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )

    where = subprocess.run(
        [str(python), "-c", "import tavoitteet; print(tavoitteet.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env=env,
    )
    assert Path(where.stdout.strip()).is_relative_to(venv)
    done = run(
        "init",
        str(work),
        "--kunta",
        "Esimerkkilä",
        "--lautakunta",
        "Sivistyslautakunta",
        "--vuosi",
        "2025",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert run("validate").returncode == 0
    status = run("status", "2025")
    assert status.returncode == 0 and "Sivistyslautakunta (Esimerkkilä) 2025" in status.stdout
    report = run("report", "2025", "--format", "html", "-o", "raportti.html")
    assert report.returncode == 0, report.stderr
    assert "Sivistyslautakunta" in (work / "raportti.html").read_text(encoding="utf-8")
    assert run("schema", "--check").returncode == 0


def test_the_changelog_names_the_version_and_links_its_headings() -> None:
    import re

    text = (REPO_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\]", text, re.MULTILINE)
    assert headings[0] == "Unreleased"
    for heading in headings:
        assert re.search(
            rf"^\[{re.escape(heading)}\]: https://github\.com/tavoitteet/tavoitteet/", text, re.MULTILINE
        ), heading
    released = headings[1:]
    assert __version__ in released or f"version {__version__}" in text.split("\n## [", 2)[1]
    assert PYPROJECT["project"]["version"] == __version__
