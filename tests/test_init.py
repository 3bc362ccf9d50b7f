"""``tavoitteet init`` makes a goals repository that works as it is; ``schema --check`` finds a stale copy."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tavoitteet import __version__
from tavoitteet.core.schema import SCHEMA_FILE, schema_text
from tavoitteet.importing.document import PUBLISHED_SCHEMA

from conftest import SEED_2021, invoke

EXPECTED = [
    "data/tavoitteet.yaml",
    "data/2025/hyvinvointilautakunta.yaml",
    "data/2025/tekninen-lautakunta.yaml",
    SCHEMA_FILE,
    ".vscode/settings.json",
    ".vscode/extensions.json",
    ".pre-commit-config.yaml",
    ".github/workflows/tavoitteet.yml",
    ".gitignore",
    "README.md",
]


def make_repo(folder: Path, *extra: str) -> tuple[int, str, str]:
    args = ["init", str(folder), "--kunta", "Esimerkkilä", "--lautakunta", "Hyvinvointilautakunta"]
    return invoke([*args, "--lautakunta", "Tekninen lautakunta", "--vuosi", "2025", *extra])


def test_init_writes_a_repository_whose_goal_files_validate(tmp_path: Path) -> None:
    folder = tmp_path / "tavoitteet-esimerkkila"
    code, out, err = make_repo(folder)
    assert (code, err) == (0, "")
    for relative in EXPECTED:
        assert (folder / relative).is_file(), relative
        assert f"  {relative}\n" in out
    code, out, _ = invoke(["validate"], cwd=folder)
    assert code == 0, out
    assert "Tarkistettu 3 tiedostoa: 2 lautakuntaa" in out  # the settings file is checked too
    code, out, _ = invoke(["status", "2025"], cwd=folder)
    assert code == 0 and "Hyvinvointilautakunta (Esimerkkilä) 2025" in out  # kunta from data/tavoitteet.yaml
    assert (folder / "data/tavoitteet.yaml").read_text(encoding="utf-8").splitlines()[
        -1
    ] == 'kunta: "Esimerkkilä"'


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_init_runs_git_init_only_where_there_is_no_repository(tmp_path: Path) -> None:
    folder = tmp_path / "uusi"
    code, out, _ = make_repo(folder)
    assert code == 0 and "git init" in out
    assert (folder / ".git").is_dir()
    inner = folder / "alikansio"
    code, out, _ = invoke(["init", str(inner), "--kunta", "Esimerkkilä"])
    assert code == 0 and "git init" not in out
    assert not (inner / ".git").exists()


def test_init_never_overwrites_and_lists_what_exists(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    folder.mkdir()
    (folder / "README.md").write_text("oma\n", encoding="utf-8")
    (folder / ".gitignore").write_text("x\n", encoding="utf-8")
    code, _, err = make_repo(folder)
    assert code == 1
    assert "README.md" in err and ".gitignore" in err and "mitään ei kirjoitettu" in err
    assert (folder / "README.md").read_text(encoding="utf-8") == "oma\n"
    assert sorted(p.name for p in folder.iterdir()) == [".gitignore", "README.md"]


def test_init_refuses_two_committees_in_one_file_and_no_municipality(tmp_path: Path) -> None:
    code, _, err = invoke(
        ["init", str(tmp_path / "a"), "--kunta", "K", "--lautakunta", "Sivistys", "--lautakunta", "sivistys"]
    )
    assert code == 2 and "sivistys.yaml" in err
    code, _, err = invoke(["init", str(tmp_path / "b"), "--lang", "en"])
    assert code == 2 and "municipality" in err
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_every_modeline_init_writes_resolves_to_the_schema(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    make_repo(folder)
    for path in (folder / "data").glob("*/*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        reference = first.removeprefix("# yaml-language-server: $schema=")
        assert reference != first
        assert (path.parent / reference).resolve() == (folder / SCHEMA_FILE).resolve()
    settings = json.loads((folder / ".vscode/settings.json").read_text(encoding="utf-8"))
    ((schema_path, globs),) = settings["yaml.schemas"].items()
    assert (folder / schema_path).resolve() == (folder / SCHEMA_FILE).resolve()
    assert "data/*/**/*.yaml" in globs
    assert json.loads((folder / ".vscode/extensions.json").read_text())["recommendations"] == [
        "redhat.vscode-yaml"
    ]


def test_the_pre_commit_config_and_workflow_pin_the_installed_version(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    make_repo(folder)
    assert f"rev: v{__version__}\n" in (folder / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    workflow = (folder / ".github/workflows/tavoitteet.yml").read_text(encoding="utf-8")
    assert f"uses: tavoitteet/tavoitteet@v{__version__}" in workflow
    assert "tavoitteet schema --check" in workflow


def test_the_readme_gives_windows_steps_in_finnish(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    make_repo(folder)
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Esimerkkilä: toiminnalliset tavoitteet")
    for step in ("py -m venv .venv", ".venv\\Scripts\\activate", f"pip install tavoitteet=={__version__}"):
        assert step in readme
    assert "&&" not in readme  # PowerShell 5.1 has no &&


def test_the_gitignore_covers_record_lock_and_temporary_files(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    make_repo(folder)
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    for name in ("data/2025/.x.yaml.lock", "data/2025/.x.yaml.123.tmp"):
        ignored = subprocess.run(["git", "check-ignore", "-q", name], cwd=folder, check=False)
        assert ignored.returncode == 0, name


def test_schema_check_says_whether_the_copy_is_current(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    make_repo(folder)
    code, out, _ = invoke(["schema", "--check"], cwd=folder)
    assert code == 0 and "ajan tasalla" in out and __version__ in out
    copy = folder / SCHEMA_FILE
    copy.write_text(schema_text().replace("Tehtäväalue", "Vanha"), encoding="utf-8")
    code, _, err = invoke(["schema", "--check"], cwd=folder)
    assert code == 1 and "vanhentunut" in err and "tavoitteet schema" in err
    assert "Vanha" in copy.read_text(encoding="utf-8")  # --check never writes
    copy.unlink()
    code, _, err = invoke(["schema", "--check", "--lang", "en"], cwd=folder)
    assert code == 1 and "missing" in err
    code, out, _ = invoke(["schema"], cwd=folder)
    assert code == 0 and copy.read_text(encoding="utf-8") == schema_text()


def test_a_schema_copy_with_windows_line_ends_is_current(tmp_path: Path) -> None:
    copy = tmp_path / "s.json"
    copy.write_bytes(schema_text().replace("\n", "\r\n").encode("utf-8"))
    assert invoke(["schema", "--check", "-o", str(copy)])[0] == 0


def _modeline_target(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema="), first
    return first.removeprefix("# yaml-language-server: $schema=")


def test_new_and_import_write_modelines_that_resolve_where_the_file_is(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    make_repo(folder)
    assert invoke(["new", "2026", "--from", "2025"], cwd=folder)[0] == 0
    for written in (folder / "data/2026").glob("*.yaml"):
        assert (written.parent / _modeline_target(written)).resolve() == (folder / SCHEMA_FILE).resolve()
    deeper = folder / "data/2021/alue/tuotu.yaml"
    assert invoke(["import", str(SEED_2021), "-o", str(deeper)], cwd=folder)[0] == 0
    assert _modeline_target(deeper) == "../../../schemas/tavoitteet.schema.json"
    outside = tmp_path / "muualla" / "tuotu.yaml"
    assert invoke(["import", str(SEED_2021), "-o", str(outside)], cwd=folder)[0] == 0
    assert _modeline_target(outside) == PUBLISHED_SCHEMA
    assert PUBLISHED_SCHEMA.endswith(f"/v{__version__}/{SCHEMA_FILE}")
