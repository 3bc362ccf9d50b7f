"""Every command that reads or writes the data folder takes ``--data``, wherever it is run from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import DATA, SEED_2021, invoke

REPO_EXAMPLES = DATA.parent / "examples"


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A working folder with no data/ anywhere above it."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(REPO_EXAMPLES, tmp_path / "goals")
    return tmp_path / "goals"


def test_record_and_history_use_the_named_folder(data: Path, elsewhere: Path) -> None:
    code, out, err = invoke(
        ["record", "puistoruokailu", "kyllä", "--date", "1.6.2024", "--data", str(data)], cwd=elsewhere
    )
    assert (code, err) == (0, ""), err
    assert "puistoruokailu" in out
    code, out, _ = invoke(["history", "2024", "--data", str(data)], cwd=elsewhere)
    assert code == 0
    assert "puistoruokailu" in out or "Puistoruokailu" in out


def test_new_writes_into_the_named_folder(data: Path, elsewhere: Path) -> None:
    code, _, err = invoke(["new", "2025", "--from", "2024", "--data", str(data)], cwd=elsewhere)
    assert code == 0, err
    written = data / "2025" / "hyvinvointilautakunta.yaml"
    assert yaml.safe_load(written.read_text(encoding="utf-8"))["vuosi"] == 2025
    assert not (elsewhere / "data").exists()


def test_import_writes_into_the_named_folder(tmp_path: Path, elsewhere: Path) -> None:
    target_root = tmp_path / "goals"
    code, _, err = invoke(["import", str(SEED_2021), "--data", str(target_root)], cwd=elsewhere)
    assert code == 0, err
    assert [p.relative_to(target_root).as_posix() for p in target_root.rglob("*.yaml")] == [
        "2021/hyvinvointilautakunta.yaml"
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["record", "puistoruokailu", "kyllä"],
        ["history", "2024"],
        ["new", "2025", "--from", "2024"],
        ["status", "2024"],
    ],
)
def test_a_missing_data_folder_is_named(args: list[str], elsewhere: Path) -> None:
    missing = elsewhere / "no-such-folder"
    code, out, err = invoke([*args, "--data", str(missing)], cwd=elsewhere)
    assert code == 2
    assert str(missing) in err
    assert out == ""
