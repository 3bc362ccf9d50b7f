"""Links, writes, the crash log and the search for data/: what a pull request or a shared folder can plant (issue 12)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from hostile import SECRET, goal_text, make_repo, secret_file
from tavoitteet import errors
from tavoitteet.files.discovery import DataNotFound, find_data_root

from conftest import invoke

# 1. Symbolic links in the data are refused unread, by every command that reads goal files.


def test_validate_refuses_a_linked_goal_file_unread_and_names_the_link(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    link = repo / "data" / "2024" / "linkki.yaml"
    link.symlink_to(secret_file(tmp_path))
    for output in ("text", "json", "github"):
        code, out, err = invoke(["validate", "--format", output], cwd=repo)
        assert code == 1
        assert SECRET not in out + err
        assert "T060" in out and "linkki.yaml" in out


def test_a_linked_year_folder_is_refused_and_nothing_in_it_is_read(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    outside = tmp_path / "outside" / "2025"
    outside.mkdir(parents=True)
    (outside / "x.yaml").write_text(goal_text().replace("2024", "2025") + f"# {SECRET}\n", encoding="utf-8")
    (repo / "data" / "2025").symlink_to(outside)
    code, out, err = invoke(["validate"], cwd=repo)
    assert code == 1 and "T060" in out and "data/2025" in out and SECRET not in out + err
    code, out, err = invoke(["status", "2025"], cwd=repo)
    assert code == 1 and "symbolinen linkki" in err and SECRET not in out + err


@pytest.mark.parametrize(
    "command", [["status", "2024"], ["list", "2024"], ["show", "mittari"], ["history", "2024"]]
)
def test_the_views_stop_on_a_linked_file_without_printing_its_target(
    tmp_path: Path, command: list[str]
) -> None:
    repo = make_repo(tmp_path)
    (repo / "data" / "2024" / "toinen.yaml").symlink_to(secret_file(tmp_path))
    code, out, err = invoke(command, cwd=repo)
    assert code == 1, (out, err)
    assert SECRET not in out + err and "toinen.yaml" in err


def test_record_never_writes_through_a_linked_goal_file(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    real = repo / "data" / "2024" / "testilautakunta.yaml"
    target = tmp_path / "outside" / "kohde.yaml"
    target.parent.mkdir(parents=True)
    real.rename(target)
    real.symlink_to(target)
    before = target.read_bytes()
    code, _out, err = invoke(["record", "mittari", "kyllä"], cwd=repo)
    assert code == 1 and "symbolinen linkki" in err
    assert target.read_bytes() == before


# 2. Every write refuses links, stays out of the data folders, and never claims an unwritten file.


def test_schema_does_not_write_through_a_planted_link(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    victim = tmp_path / "outside" / "uhri.txt"
    victim.parent.mkdir(parents=True)
    victim.write_text("koskematon\n", encoding="utf-8")
    (repo / "schemas").mkdir()
    (repo / "schemas" / "tavoitteet.schema.json").symlink_to(victim)
    code, out, err = invoke(["schema"], cwd=repo)
    assert code == 2 and "symbolinen linkki" in err and "kirjoitettu" not in out
    assert victim.read_text(encoding="utf-8") == "koskematon\n"


def test_schema_and_report_never_overwrite_a_goal_file(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    goal = repo / "data" / "2024" / "testilautakunta.yaml"
    before = goal.read_bytes()
    code, _out, err = invoke(["schema", "-o", str(goal)], cwd=repo)
    assert code == 2 and "data-kansioon" in err
    elsewhere = make_repo(tmp_path / "muualla")
    code, _out, err = invoke(["report", "2024", "--data", str(elsewhere / "data"), "-o", str(goal)], cwd=repo)
    assert code == 2 and "data-kansioon" in err
    assert goal.read_bytes() == before


@pytest.mark.parametrize("command", ["import", "new"])
def test_a_dangling_link_as_the_target_is_refused_and_no_success_is_claimed(
    tmp_path: Path, command: str
) -> None:
    repo = make_repo(tmp_path)
    nowhere = tmp_path / "outside" / "ei-ole.yaml"
    if command == "import":
        table = tmp_path / "taulukko.txt"
        table.write_text(
            "Tavoite\tMittari\tTavoitetaso\nLuku kasvaa\tLainat\tVähintään 10\n", encoding="utf-8"
        )
        link = tmp_path / "tulos.yaml"
        link.symlink_to(nowhere)
        args = ["import", str(table), "--committee", "Testi", "--year", "2024", "-o", str(link)]
    else:
        link = repo / "data" / "2025" / "testilautakunta.yaml"
        link.parent.mkdir()
        link.symlink_to(nowhere)
        args = ["new", "2025", "--from", "2024"]
    code, out, err = invoke(args, cwd=repo)
    assert code == 1, (out, err)
    assert "Kirjoitettu" not in out and "symbolinen linkki" in err
    assert not nowhere.exists()


# 3. The crash log is private and created exclusively.


def test_the_crash_log_goes_to_a_private_folder_never_the_shared_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tavoitteet.commands import validate

    monkeypatch.delenv("TAVOITTEET_LOG_DIR", raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("TAVOITTEET_NO_CACHE", "1")

    def broken(path: Path) -> object:
        raise RuntimeError("vika")

    monkeypatch.setattr(validate, "load_file", broken)
    repo = make_repo(tmp_path)
    code, _out, err = invoke(["validate"], cwd=repo)
    assert code == 3
    [log] = (tmp_path / "state" / "tavoitteet").iterdir()
    assert str(log) in err
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700


def test_a_link_planted_at_the_log_name_is_never_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = tmp_path / "uhri.txt"
    victim.write_text("koskematon\n", encoding="utf-8")
    planted = tmp_path / "lokit" / "tavoitteet-virhe.log"
    planted.parent.mkdir()
    planted.symlink_to(victim)
    monkeypatch.setattr(errors, "bug_log_path", lambda: planted)
    written = errors.write_bug_log("Traceback: vika\n")
    assert written != planted and written.read_text(encoding="utf-8") == "Traceback: vika\n"
    assert victim.read_text(encoding="utf-8") == "koskematon\n"


# 4. The search for data/ stops at the repository's root and at home, and passes over others' folders.


def test_the_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    shared = tmp_path / "jaettu"
    make_repo(shared)  # shared/repo/data exists, but we stand in another repository beside it
    planted = shared / "data" / "2024"
    planted.mkdir(parents=True)
    (planted / "x.yaml").write_text(goal_text(), encoding="utf-8")
    mine = shared / "oma"
    (mine / ".git").mkdir(parents=True)
    with pytest.raises(DataNotFound):
        find_data_root(mine)
    code, _out, err = invoke(["status"], cwd=mine)
    assert code == 2 and "data/" in err


def test_the_search_stops_at_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    planted = tmp_path / "data" / "2024"
    planted.mkdir(parents=True)
    home = tmp_path / "koti"
    (home / "työ").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    with pytest.raises(DataNotFound):
        find_data_root(home / "työ")


@pytest.mark.skipif(not hasattr(os, "chown") or os.geteuid() != 0, reason="needs root to give a folder away")
def test_another_users_data_folder_above_is_passed_over_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planted = tmp_path / "data"
    (planted / "2024").mkdir(parents=True)
    os.chown(planted, 54321, 54321)
    monkeypatch.setenv("HOME", "/nonexistent-home")
    (tmp_path / "alikansio").mkdir()
    with pytest.raises(DataNotFound) as refused:
        find_data_root(tmp_path / "alikansio")
    assert refused.value.skipped == (planted,)
    code, _out, err = invoke(["validate"], cwd=tmp_path / "alikansio")
    assert code == 2 and "Ohitettiin" in err and str(planted.name) in err


@pytest.mark.skipif(not hasattr(os, "chown") or os.geteuid() != 0, reason="needs root to give a folder away")
def test_another_users_data_folder_where_we_stand_is_used_but_named(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    os.chown(repo / "data", 54321, 54321)
    code, _out, err = invoke(["validate"], cwd=repo)
    assert code == 0 and "kuuluu toiselle käyttäjälle (uid 54321)" in err
    code, _out, err = invoke(["status", "2024"], cwd=repo)
    assert code == 0 and "uid 54321" in err


def test_a_data_folder_that_is_a_link_is_not_followed_by_the_search(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "data").symlink_to("/proc")
    code, out, err = invoke(["validate"], cwd=repo)
    assert code == 2 and "Traceback" not in out + err
