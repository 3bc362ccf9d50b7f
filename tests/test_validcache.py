"""validate remembers files it found valid, and the cache never changes what validate reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import tavoitteet
from tavoitteet.commands import validate
from tavoitteet.files import validcache

from conftest import DATA, invoke

REAL = DATA / "2024" / "hyvinvointilautakunta.yaml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def _loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every file validate loads (rather than takes from the cache)."""
    loaded: list[Path] = []
    real = validate.load_file

    def counting(path: Path) -> object:
        loaded.append(path)
        return real(path)

    monkeypatch.setattr(validate, "load_file", counting)
    return loaded


def test_a_second_run_takes_valid_files_from_the_cache_with_the_same_output(
    cache: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = invoke(["validate", str(data)])
    loaded = _loads(monkeypatch)
    second = invoke(["validate", str(data)])
    assert first == second
    assert first[0] == 0
    assert loaded == []
    assert len(list(cache.glob("validate-*.json"))) == 1


def test_a_changed_file_is_checked_again(cache: Path, data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    invoke(["validate", str(data)])
    target = data / "2024" / REAL.name
    target.write_text(
        target.read_text(encoding="utf-8").replace("pykälä: 119", "pykälä: x"), encoding="utf-8"
    )
    loaded = _loads(monkeypatch)
    code, out, _ = invoke(["validate", str(data)])
    assert code == 1
    assert loaded == [target]
    assert "pykälä" in out


def test_the_same_bytes_in_another_year_folder_are_checked_again(cache: Path, tmp_path: Path) -> None:
    first = tmp_path / "data" / "2024" / REAL.name
    first.parent.mkdir(parents=True)
    shutil.copy(REAL, first)
    assert invoke(["validate", str(first)])[0] == 0
    moved = tmp_path / "data" / "2025" / REAL.name
    moved.parent.mkdir(parents=True)
    shutil.copy(REAL, moved)
    code, out, _ = invoke(["validate", str(moved)])
    assert code == 1
    assert "vuosi 2024 ei vastaa kansiota 2025" in out


def test_files_with_problems_are_never_remembered(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "data" / "2024" / "rikki.yaml"
    broken.parent.mkdir(parents=True)
    broken.write_text("muoto: 1\nvuosi: 2024\n", encoding="utf-8")
    first = invoke(["validate", str(broken)])
    loaded = _loads(monkeypatch)
    assert invoke(["validate", str(broken)]) == first
    assert first[0] == 1
    assert loaded == [broken]


def test_turned_off_the_cache_is_neither_read_nor_written(
    cache: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    invoke(["validate", str(data)])
    monkeypatch.setenv("TAVOITTEET_NO_CACHE", "1")
    loaded = _loads(monkeypatch)
    assert invoke(["validate", str(data)])[0] == 0
    assert len(loaded) == 2


def test_another_tool_version_starts_a_new_cache_and_drops_the_old(
    cache: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    invoke(["validate", str(data)])
    old = list(cache.glob("validate-*.json"))
    monkeypatch.setattr(tavoitteet, "__version__", "99.0.0")
    loaded = _loads(monkeypatch)
    assert invoke(["validate", str(data)])[0] == 0
    assert len(loaded) == 2
    new = list(cache.glob("validate-*.json"))
    assert len(new) == 1 and new != old


@pytest.mark.parametrize(
    "content",
    ["", "not json", "[1, 2]", '{"x": "y"}', '{"x": ["a", 1, 2]}', '{"x": ["a", true, -1, 2]}'],
)
def test_a_damaged_cache_is_ignored(
    cache: Path, data: Path, content: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.mkdir()
    (cache / f"validate-{validcache.fingerprint()}.json").write_text(content, encoding="utf-8")
    loaded = _loads(monkeypatch)
    code, out, _ = invoke(["validate", str(data)])
    assert code == 0, out
    assert len(loaded) == 2


def test_an_unwritable_cache_location_is_ignored(
    tmp_path: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "tiedosto"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("TAVOITTEET_CACHE_DIR", str(blocker / "cache"))
    code, out, _ = invoke(["validate", str(data)])
    assert code == 0, out


def test_the_size_limit_matches_the_reader() -> None:
    from tavoitteet.files.yamlread import MAX_BYTES

    assert validcache.LARGEST == MAX_BYTES
