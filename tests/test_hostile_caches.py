"""The caches trust only the user's own private folder and entries bound to their content (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hostile import goal_text, make_repo
from tavoitteet.commands import validate
from tavoitteet.files import validcache

from conftest import invoke

INVALID = goal_text().replace("tyyppi: kyllä/ei", "tyyppi: ei-tällaista")


def _forge(cache: Path, broken: Path, sealed: bool) -> Path:
    """An entry that says the broken file is valid, as someone who can write the folder would write it."""
    key = validcache.file_key(broken)
    assert key is not None
    entry: list[object] = ["Väärennetty", 1, 1, 1]
    if sealed:
        entry.append(validcache._entry_seal(key, ("Väärennetty", 1, 1, 1)))
    cache.mkdir(exist_ok=True)
    file = cache / f"validate-{validcache.fingerprint()}.json"
    file.write_text(json.dumps({key: entry}), encoding="utf-8")
    return file


# 5. Caches in folders others can write, and entries others can write, are not used.


def test_a_forged_entry_in_a_folder_others_can_write_is_not_believed(tmp_path: Path, cache: Path) -> None:
    repo = make_repo(tmp_path, INVALID)
    broken = repo / "data" / "2024" / "testilautakunta.yaml"
    _forge(cache, broken, sealed=True)
    cache.chmod(0o777)
    code, out, _err = invoke(["validate"], cwd=repo)
    assert code == 1 and "T023" in out


def test_an_entry_file_others_can_write_is_not_believed(tmp_path: Path, cache: Path) -> None:
    repo = make_repo(tmp_path, INVALID)
    cache.mkdir(mode=0o700)
    _forge(cache, repo / "data" / "2024" / "testilautakunta.yaml", sealed=True).chmod(0o666)
    code, out, _err = invoke(["validate"], cwd=repo)
    assert code == 1 and "T023" in out


def test_an_entry_without_its_seal_is_not_believed(tmp_path: Path, cache: Path) -> None:
    repo = make_repo(tmp_path, INVALID)
    cache.mkdir(mode=0o700)
    _forge(cache, repo / "data" / "2024" / "testilautakunta.yaml", sealed=False)
    code, out, _err = invoke(["validate"], cwd=repo)
    assert code == 1 and "T023" in out


def test_nothing_is_written_into_a_cache_folder_others_can_write(tmp_path: Path, cache: Path) -> None:
    repo = make_repo(tmp_path)
    cache.mkdir()
    cache.chmod(0o777)
    assert invoke(["validate"], cwd=repo)[0] == 0
    assert invoke(["status", "2024"], cwd=repo)[0] == 0
    assert list(cache.iterdir()) == []


def test_a_view_whose_stored_text_was_altered_is_made_again(tmp_path: Path, cache: Path) -> None:
    repo = make_repo(tmp_path, goal_text(title="Oikea otsikko"))
    first = invoke(["status", "2024"], cwd=repo)
    assert first[0] == 0 and "Oikea otsikko" in first[1]
    [entry] = (cache / "views").glob("status-*.txt")
    header, _, text = entry.read_text(encoding="utf-8").partition("\n")
    entry.write_text(header + "\n" + text.replace("Oikea otsikko", "Väärä otsikko"), encoding="utf-8")
    assert invoke(["status", "2024"], cwd=repo) == first


# 11. The validation cache remembers the bytes that were checked, not those seen before the check.


def test_a_file_that_changes_during_the_check_is_remembered_under_the_checked_bytes(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path, INVALID)
    path = repo / "data" / "2024" / "testilautakunta.yaml"
    real = validate.load_file

    def changed_meanwhile(target: Path) -> object:
        target.write_text(goal_text(), encoding="utf-8")  # a valid version lands while we check
        return real(target)

    monkeypatch.setattr(validate, "load_file", changed_meanwhile)
    assert invoke(["validate"], cwd=repo)[0] == 0
    monkeypatch.setattr(validate, "load_file", real)
    path.write_text(INVALID, encoding="utf-8")  # the bytes whose key was taken before the check
    code, out, _err = invoke(["validate"], cwd=repo)
    assert code == 1 and "T023" in out
