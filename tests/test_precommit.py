"""The pre-commit hook as a goals repository uses it: from a tag of this project, with real
``pre-commit try-repo``, on a clean repository made by ``init`` and on a broken one."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tavoitteet import __version__

from conftest import REPO_ROOT, invoke
from realtools import command

pytestmark = pytest.mark.slow
HOOKS = REPO_ROOT / ".pre-commit-hooks.yaml"
# what pip needs to install the package from a tag: the hook's environment is built from these
PACKAGE_FILES = ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml", "src")
GIT = ["git", "-c", "user.name=Testi", "-c", "user.email=testi@example.invalid", "-c", "commit.gpgsign=false"]


def git(folder: Path, *args: str) -> None:
    subprocess.run([*GIT, *args], cwd=folder, check=True, capture_output=True)


@pytest.fixture(scope="module")
def tagged_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This project's package as a git repository with the release tag ``v<version>``."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = tmp_path_factory.mktemp("tavoitteet-hook")
    for name in PACKAGE_FILES:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        elif source.exists():
            shutil.copy2(source, folder / name)
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "release")
    git(folder, "tag", f"v{__version__}")
    return folder


@pytest.fixture(scope="module")
def precommit(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[str, str]]:
    found = command(request, "pre-commit", "the pre-commit hook with real pre-commit")
    home = tmp_path_factory.mktemp("pre-commit-home")  # one hook environment for the module's runs
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return found, {**env, "PRE_COMMIT_HOME": str(home), "TAVOITTEET_NO_CACHE": "1", "NO_COLOR": "1"}


def goals_repo(folder: Path) -> Path:
    assert (
        invoke(
            [
                "init",
                str(folder),
                "--kunta",
                "Esimerkkilä",
                "--lautakunta",
                "Sivistyslautakunta",
                "--vuosi",
                "2025",
            ]
        )[0]
        == 0
    )
    return folder


def try_repo(
    precommit: tuple[str, dict[str, str]], project: Path, repo: Path
) -> subprocess.CompletedProcess[str]:
    git(repo, "add", "-A")
    found, env = precommit
    args = [found, "try-repo", str(project), "tavoitteet-validate", "--ref", f"v{__version__}", "--all-files"]
    return subprocess.run(args, cwd=repo, env=env, capture_output=True, text=True, check=False)


def test_the_hook_passes_a_clean_goals_repository(
    precommit: tuple[str, dict[str, str]], tagged_project: Path, tmp_path: Path
) -> None:
    done = try_repo(precommit, tagged_project, goals_repo(tmp_path / "kunta"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"tavoitteet validate\.+Passed", done.stdout), done.stdout


def test_the_hook_fails_a_broken_file_anywhere_under_data(
    precommit: tuple[str, dict[str, str]], tagged_project: Path, tmp_path: Path
) -> None:
    repo = goals_repo(tmp_path / "kunta")
    broken = repo / "data" / "2025" / "alue" / "rikki.yaml"
    broken.parent.mkdir()
    text = (repo / "data" / "2025" / "sivistyslautakunta.yaml").read_text(encoding="utf-8")
    broken.write_text(
        text.replace("../../schemas", "../../../schemas").replace("otsikko:", "otsikk:"), encoding="utf-8"
    )
    done = try_repo(precommit, tagged_project, repo)
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(r"tavoitteet validate\.+Failed", done.stdout)
    assert "data/2025/alue/rikki.yaml:" in done.stdout and "T020" in done.stdout


def test_the_hook_runs_for_files_under_data_only() -> None:
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    pattern = re.compile(hook["files"])
    for path in ("data/2024/a.yaml", "data/2024/alue/b.yml", "data/tavoitteet.yaml"):
        assert pattern.search(path), path
    for path in ("README.md", "schemas/tavoitteet.schema.json", "muu/data.yaml", ".github/workflows/x.yml"):
        assert not pattern.search(path), path
    assert hook["pass_filenames"] is False and hook["language"] == "python"
