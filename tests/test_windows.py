"""What only happens on Windows, simulated here: the cache under %LOCALAPPDATA%, the program's name
from a pip .exe launcher, a file briefly held by a scanner, cp1252 consoles, and a machine without git."""

from __future__ import annotations

import io
import sys
import types
from pathlib import Path

import pytest

from tavoitteet import errors, launch
from tavoitteet.files import validcache, writer

from conftest import invoke


def test_the_cache_is_under_localappdata_on_windows(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("TAVOITTEET_CACHE_DIR", raising=False)
    monkeypatch.delenv("TAVOITTEET_NO_CACHE", raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "AppData" / "Local"))
    assert validcache.cache_folder() == tmp_path / "AppData" / "Local" / "tavoitteet" / "Cache"
    monkeypatch.delenv("LOCALAPPDATA")
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path / "Kayttaja"))
    assert validcache.cache_folder() == tmp_path / "Kayttaja" / "AppData" / "Local" / "tavoitteet" / "Cache"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert validcache.cache_folder() == tmp_path / "Kayttaja" / "Library" / "Caches" / "tavoitteet"


def test_the_program_is_named_tavoitteet_when_started_from_pips_exe(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """pip's launcher runs ``Scripts\\tavoitteet.exe`` with argv[0] = ``...\\Scripts\\tavoitteet``."""
    (tmp_path / "tavoitteet.exe").write_bytes(b"MZ")
    # the launcher's own view of the system only: pathlib must go on seeing this one
    monkeypatch.setattr(
        launch, "os", types.SimpleNamespace(name="nt", path=launch.os.path, environ=launch.os.environ)
    )
    main = types.ModuleType("__main__")
    main.__package__ = ""
    monkeypatch.setitem(sys.modules, "__main__", main)
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "tavoitteet")])
    assert launch.program_name() == "tavoitteet"


def test_a_file_held_by_a_scanner_is_replaced_once_it_is_let_go(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real, temporary = tmp_path / "a.yaml", tmp_path / ".a.yaml.1.tmp"
    real.write_text("vanha\n", encoding="utf-8")
    temporary.write_text("uusi\n", encoding="utf-8")
    monkeypatch.setattr(writer, "REPLACE_ATTEMPTS", 20)  # as on win32
    pauses: list[float] = []
    monkeypatch.setattr(writer.time, "sleep", pauses.append)
    refusals = iter([True, True, False])
    original = Path.replace

    def held(self: Path, target: Path) -> Path:
        if next(refusals):
            raise PermissionError(13, "The process cannot access the file because it is being used")
        return original(self, target)

    monkeypatch.setattr(Path, "replace", held)
    writer._rename_over(temporary, real)
    assert real.read_text(encoding="utf-8") == "uusi\n" and not temporary.exists()
    assert len(pauses) == 2


def test_a_file_held_for_good_is_refused_not_lost(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real, temporary = tmp_path / "a.yaml", tmp_path / ".a.yaml.1.tmp"
    real.write_text("vanha\n", encoding="utf-8")
    temporary.write_text("uusi\n", encoding="utf-8")
    monkeypatch.setattr(writer, "REPLACE_ATTEMPTS", 20)
    monkeypatch.setattr(writer.time, "sleep", lambda _seconds: None)

    def held(self: Path, target: Path) -> Path:
        raise PermissionError(13, "in use")

    monkeypatch.setattr(Path, "replace", held)
    with pytest.raises(PermissionError):
        writer._rename_over(temporary, real)
    assert real.read_text(encoding="utf-8") == "vanha\n"


def test_a_cp1252_console_prints_what_it_cannot_show_in_ascii_or_as_question_marks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = io.BytesIO()
    console = io.TextIOWrapper(raw, encoding="cp1252")
    monkeypatch.setattr(sys, "stdout", console)
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(io.BytesIO(), encoding="cp1252"))
    errors._tolerant_output()
    sys.stdout.write("Tila: toteutunut → 🙂 ä\n")
    sys.stdout.flush()
    assert raw.getvalue().decode("cp1252") == "Tila: toteutunut -> ? ä\n"  # the arrow in ASCII (issue 15)


def test_init_without_git_still_makes_the_repository_and_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "ei-mitaan"))
    code, out, _ = invoke(["init", str(tmp_path / "repo"), "--kunta", "Esimerkkilä"])
    assert code == 0
    assert "gitiä ei löytynyt" in out and "git init" in out
    assert (tmp_path / "repo" / "data" / "tavoitteet.yaml").is_file()
