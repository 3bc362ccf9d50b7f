"""status remembers its printed text; the cache never changes what status prints."""

from __future__ import annotations

import datetime
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from tavoitteet.commands import terminal, viewing

from conftest import REPO_ROOT, invoke, run_process

EXAMPLES = REPO_ROOT / "examples"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES, tmp_path / "data")
    return tmp_path / "data"


def _evaluations(monkeypatch: pytest.MonkeyPatch) -> list[int | None]:
    """Record every year status evaluates (rather than takes from the cache)."""
    evaluated: list[int | None] = []
    real = viewing.evaluated_year

    def counting(year: int | None, *args: object, **kwargs: object) -> object:
        evaluated.append(year)
        return real(year, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(viewing, "evaluated_year", counting)
    return evaluated


def _status(data: Path, *extra: str) -> tuple[int, str, str]:
    return invoke(["status", "2024", "--data", str(data), "--as-of", "31.12.2024", *extra])


@pytest.mark.parametrize("extra", [(), ("--json",), ("--lang", "en"), ("--status", "ei toteutunut")])
def test_a_repeated_status_prints_the_same_text_without_evaluating_again(
    cache: Path, data: Path, monkeypatch: pytest.MonkeyPatch, extra: tuple[str, ...]
) -> None:
    first = _status(data, *extra)
    evaluated = _evaluations(monkeypatch)
    second = _status(data, *extra)
    assert first[0] == 0
    assert second == first
    assert evaluated == []
    assert len(list((cache / "views").glob("status-*.txt"))) == 1


def test_the_cached_text_equals_a_run_without_the_cache(
    cache: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _status(data)
    cached = _status(data)
    monkeypatch.setenv("TAVOITTEET_NO_CACHE", "1")
    assert _status(data) == cached


def test_an_edited_goal_file_is_evaluated_again(
    cache: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _status(data)[1]
    target = data / "2024" / "hyvinvointilautakunta.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("arvo: 57", "arvo: 30"), encoding="utf-8")
    evaluated = _evaluations(monkeypatch)
    after = _status(data)[1]
    assert evaluated == [2024]
    assert after != before
    assert "30" in after


def test_an_edited_baseline_year_is_evaluated_again(
    cache: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trend's baseline comes from the earlier year's file, which is an input of the view too."""
    _status(data)
    earlier = data / "2023" / "hyvinvointilautakunta.yaml"
    earlier.write_text(earlier.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    evaluated = _evaluations(monkeypatch)
    _status(data)
    assert evaluated == [2024]


def test_another_terminal_width_is_laid_out_for_that_width(
    cache: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wide = _status(data)[1]
    monkeypatch.setenv("COLUMNS", "80")
    narrow = _status(data)[1]
    assert max(len(line) for line in narrow.splitlines()) <= 80
    assert max(len(line) for line in wide.splitlines()) > 80
    monkeypatch.setenv("TAVOITTEET_NO_CACHE", "1")
    assert _status(data)[1] == narrow


def test_a_new_day_is_evaluated_again(cache: Path, data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without --as-of the status is as of today, so yesterday's text is not today's."""

    class Tomorrow(datetime.date):
        @classmethod
        def today(cls) -> Tomorrow:
            return cls(2099, 1, 1)

    invoke(["status", "2024", "--data", str(data)])
    monkeypatch.setattr(terminal, "date", Tomorrow)
    evaluated = _evaluations(monkeypatch)
    code, out, _ = invoke(["status", "2024", "--data", str(data)])
    assert (code, evaluated) == (0, [2024])
    assert "1.1.2099" in out


def test_files_with_errors_are_never_cached(cache: Path, data: Path) -> None:
    target = data / "2024" / "hyvinvointilautakunta.yaml"
    good = target.read_text(encoding="utf-8")
    target.write_text(good.replace("tyyppi: kyllä/ei", "tyyppi: kylla", 1), encoding="utf-8")
    assert _status(data)[0] == 1
    assert _status(data)[0] == 1
    target.write_text(good, encoding="utf-8")
    assert _status(data)[0] == 0


@pytest.mark.parametrize("damage", [b"", b"\xff\xfe garbage", b"0" * 40 + b"\nold text", b"\n"])
def test_a_damaged_entry_is_ignored(cache: Path, data: Path, damage: bytes) -> None:
    first = _status(data)
    (entry,) = (cache / "views").glob("status-*.txt")
    entry.write_bytes(damage)
    assert _status(data) == first
    assert _status(data) == first


def test_no_cache_leaves_no_entries(tmp_path: Path, data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TAVOITTEET_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("TAVOITTEET_NO_CACHE", "1")
    evaluated = _evaluations(monkeypatch)
    _status(data)
    _status(data)
    assert evaluated == [2024, 2024]
    assert not (tmp_path / "cache").exists()


def test_an_unwritable_cache_folder_changes_nothing(
    tmp_path: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("TAVOITTEET_CACHE_DIR", str(blocker))
    monkeypatch.delenv("TAVOITTEET_NO_CACHE", raising=False)
    first = _status(data)
    assert first[0] == 0
    assert _status(data) == first


def test_old_entries_are_pruned(cache: Path, data: Path) -> None:
    for day in range(1, 70):
        assert (
            invoke(
                ["status", "2024", "--data", str(data), "--as-of", f"{day % 28 + 1}.{day // 28 + 1}.2024"]
            )[0]
            == 0
        )
    assert len(list((cache / "views").glob("*.txt"))) <= 64


def test_a_cached_status_does_not_load_the_models(cache: Path, data: Path) -> None:
    """The point of the cache: a repeated status starts without pydantic or PyYAML."""
    probe = (
        "import sys; from tavoitteet.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('LOADED' if {'pydantic', 'yaml'} & set(sys.modules) else 'LEAN')\n"
    )
    args = ["status", "2024", "--data", str(data)]
    env = {"TAVOITTEET_CACHE_DIR": str(cache), "TAVOITTEET_NO_CACHE": ""}

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", probe, *args],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )

    first, second = run(), run()
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout
    assert first.stderr.endswith("LOADED")
    assert second.stderr.endswith("LEAN")
    assert run_process(args, env=env).stdout == first.stdout


class _Recorder(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.pieces: list[str] = []

    def write(self, text: str) -> int:
        self.pieces.append(text)
        return super().write(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="aä─│ ", max_size=3000), max_size=40))
def test_stored_text_is_written_whole_in_pieces_rich_would_write(lines: list[str]) -> None:
    text = "".join(line + "\n" for line in lines)
    file = _Recorder()
    terminal.write_rendered(Console(file=file), text)
    assert file.getvalue() == text
    for piece in file.pieces:
        assert len(piece) <= terminal.WRITE_LIMIT or piece.count("\n") <= 1


def test_a_console_that_is_not_written_as_text_is_never_cached(
    cache: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The legacy Windows console is coloured through system calls: its output cannot be kept as text."""
    expected = _status(data)
    (entry,) = (cache / "views").glob("status-*.txt")
    entry.unlink()
    monkeypatch.setattr(terminal, "layout_traits", lambda _console: None)
    evaluated = _evaluations(monkeypatch)
    assert _status(data) == expected
    assert _status(data) == expected
    assert evaluated == [2024, 2024]
    assert list((cache / "views").glob("status-*.txt")) == []
    assert _status(data, "--json")[0] == 0
    assert len(list((cache / "views").glob("status-*.txt"))) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["list", "2024"],
        ["list", "2024", "--json"],
        ["show", "puistoruokailu", "--year", "2024"],
        ["show", "puistoruokailu", "--year", "2024", "--json"],
    ],
)
def test_list_and_show_are_kept_as_status_is(
    cache: Path, data: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    command = [*args, "--data", str(data), "--as-of", "31.12.2024"]
    first = invoke(command)
    evaluated = _evaluations(monkeypatch)
    assert invoke(command) == first
    assert first[0] == 0 and evaluated == []
    monkeypatch.setenv("TAVOITTEET_NO_CACHE", "1")
    assert invoke(command) == first
    assert evaluated == [2024]


def test_an_unknown_id_is_an_error_every_time(cache: Path, data: Path) -> None:
    command = ["show", "ei-ole", "--year", "2024", "--data", str(data)]
    first = invoke(command)
    assert first[0] == 1 and "ei-ole" in first[2]
    assert invoke(command) == first
    assert not (cache / "views").exists() or list((cache / "views").glob("show-*")) == []


def test_the_cache_keeps_the_newest_entries_within_its_size(
    cache: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tavoitteet.files import viewcache

    first = _status(data)[1]
    monkeypatch.setattr(viewcache, "KEEP_BYTES", len(first.encode()) + 100)
    _status(data, "--lang", "en")
    (kept,) = (cache / "views").glob("status-*.txt")
    assert "Status" in kept.read_text(encoding="utf-8")


def test_a_file_changed_while_the_view_is_made_is_not_kept_under_the_old_digest(
    cache: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = data / "2024" / "hyvinvointilautakunta.yaml"
    original = target.read_bytes()
    real = viewing.evaluated_year

    def meanwhile(*args: object, **kwargs: object) -> object:
        target.write_bytes(original.replace(b"arvo: 57", b"arvo: 30"))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(viewing, "evaluated_year", meanwhile)
    changed = _status(data)
    monkeypatch.setattr(viewing, "evaluated_year", real)
    target.write_bytes(original)
    assert _status(data) != changed
