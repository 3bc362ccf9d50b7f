"""A view run again exactly as before on unchanged files is written before Typer and rich load (files/replay.py)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO_ROOT

EXAMPLES = REPO_ROOT / "examples"
PROBE = (
    "import sys\n"
    "from tavoitteet.launch import main\n"
    "try:\n    main()\nexcept SystemExit as stop:\n    code = stop.code\nelse:\n    code = 0\n"
    # a command made in full imports its body (commands/), or Typer for help; a replayed one neither
    "sys.stderr.write('|' + ('FULL' if {'typer', 'tavoitteet.commands'} & set(sys.modules) else 'REPLAYED'))\n"
    "sys.exit(code)\n"
)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A folder with data/ in it, as a user's repository: status is run inside it, finding data/ upwards."""
    shutil.copytree(EXAMPLES, tmp_path / "repo" / "data")
    return tmp_path / "repo"


def _run(
    repository: Path, cache: Path, *args: str, cwd: Path | None = None, **env: str
) -> tuple[int, str, str]:
    """``tavoitteet ARGS`` as the console script starts it; the last value says how it was answered."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=cwd or repository,
        env={**os.environ, "TAVOITTEET_CACHE_DIR": str(cache), "TAVOITTEET_NO_CACHE": "", **env},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    errors, _, how = done.stderr.rpartition("|")
    return done.returncode, done.stdout + errors, how


ARGS = ("status", "2024", "--as-of", "31.12.2024")


@pytest.mark.parametrize(
    "args",
    [
        ARGS,
        (*ARGS, "--json"),
        (*ARGS, "--lang", "en"),
        ("list", "2024"),
        ("show", "hakeutuvien-palvelujen-asiakkuudet", "--year", "2024"),
    ],
)
def test_the_second_run_is_replayed_with_the_same_text(
    repository: Path, cache: Path, args: tuple[str, ...]
) -> None:
    first = _run(repository, cache, *args)
    second = _run(repository, cache, *args)
    assert first[0] == 0, first[1]
    assert first[2] == "FULL"
    assert second == (first[0], first[1], "REPLAYED")
    uncached = _run(repository, cache, *args, TAVOITTEET_NO_CACHE="1")
    assert uncached == first


def test_an_edit_is_seen(repository: Path, cache: Path) -> None:
    _run(repository, cache, *ARGS)
    before = _run(repository, cache, *ARGS)
    target = repository / "data" / "2024" / "hyvinvointilautakunta.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("arvo: 57", "arvo: 30"), encoding="utf-8")
    after = _run(repository, cache, *ARGS)
    assert before[2] == "REPLAYED"
    assert after[2] == "FULL"
    assert after[1] != before[1]
    assert after[:2] == _run(repository, cache, *ARGS, TAVOITTEET_NO_CACHE="1")[:2]


def test_a_record_then_status_shows_the_recorded_value(repository: Path, cache: Path) -> None:
    """The users' path: look, record, look again."""
    _run(repository, cache, *ARGS)
    assert _run(repository, cache, *ARGS)[2] == "REPLAYED"
    recorded = _run(
        repository, cache, "record", "hakeutuvien-palvelujen-asiakkuudet", "61", "--date", "1.12.2024"
    )
    assert recorded[0] == 0, recorded[1]
    after = _run(repository, cache, *ARGS)
    assert after[2] == "FULL"
    assert after[:2] == _run(repository, cache, *ARGS, TAVOITTEET_NO_CACHE="1")[:2]


def test_a_new_file_or_year_is_seen(repository: Path, cache: Path) -> None:
    _run(repository, cache, *ARGS)
    source = repository / "data" / "2024" / "hyvinvointilautakunta.yaml"
    shutil.copy(source, repository / "data" / "2024" / "toinen.yaml")
    assert _run(repository, cache, *ARGS)[2] == "FULL"
    (repository / "data" / "2024" / "toinen.yaml").unlink()
    _run(repository, cache, *ARGS)
    (repository / "data" / "2019").mkdir()
    assert _run(repository, cache, *ARGS)[2] == "FULL"


def test_a_closer_data_folder_is_seen(repository: Path, cache: Path) -> None:
    """Found by searching upwards: a data/ folder made nearer the current folder is what a new run would use."""
    inner = repository / "sub"
    inner.mkdir()
    first = _run(repository, cache, *ARGS, cwd=inner)
    assert _run(repository, cache, *ARGS, cwd=inner)[2] == "REPLAYED"
    shutil.copytree(repository / "data", inner / "data")
    target = inner / "data" / "2024" / "hyvinvointilautakunta.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("arvo: 57", "arvo: 30"), encoding="utf-8")
    moved = _run(repository, cache, *ARGS, cwd=inner)
    assert moved[2] == "FULL"
    assert moved[1] != first[1]


@pytest.mark.parametrize("env", [{"COLUMNS": "120"}, {"TAVOITTEET_LANG": "en"}, {"NO_COLOR": ""}])
def test_another_environment_is_made_afresh(repository: Path, cache: Path, env: dict[str, str]) -> None:
    _run(repository, cache, *ARGS)
    other = _run(repository, cache, *ARGS, **env)
    assert other[2] == "FULL"
    assert other[:2] == _run(repository, cache, *ARGS, TAVOITTEET_NO_CACHE="1", **env)[:2]


def test_errors_are_never_replayed(repository: Path, cache: Path) -> None:
    broken = repository / "data" / "2024" / "hyvinvointilautakunta.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "\ntuntematon: 1\n", encoding="utf-8")
    first = _run(repository, cache, *ARGS)
    second = _run(repository, cache, *ARGS)
    assert first[0] == second[0] == 1
    assert second[2] == "FULL"
    assert not list((cache / "views").glob("replay-*.txt"))


@pytest.mark.parametrize("args", [("status", "--help"), ("record", "--help"), ("--help",)])
def test_help_is_replayed_as_typer_printed_it(repository: Path, cache: Path, args: tuple[str, ...]) -> None:
    first = _run(repository, cache, *args, COLUMNS="70")  # narrow: even the top-level help goes to Typer
    second = _run(repository, cache, *args, COLUMNS="70")
    assert first[0] == 0
    assert first[2] == "FULL"
    assert second == (0, first[1], "REPLAYED")
    assert "--help" in first[1]
    wide = _run(repository, cache, *args, COLUMNS="100")
    assert wide[:2] == _run(repository, cache, *args, COLUMNS="100", TAVOITTEET_NO_CACHE="1")[:2]


@pytest.mark.parametrize(
    "args",
    [
        ("nosuch", "--help"),  # an error: never kept
        ("record", "hakeutuvien-palvelujen-asiakkuudet", "61", "--comment", "--help"),  # a value, not help
        ("status", "2024", "--help"),
    ],
)
def test_only_help_itself_is_kept_as_help(repository: Path, cache: Path, args: tuple[str, ...]) -> None:
    _run(repository, cache, *args)
    again = _run(repository, cache, *args)
    assert again[2] == "FULL"
    assert not (cache / "views").exists() or not list((cache / "views").glob("replay-*.txt"))


def _entry(cache: Path) -> Path:
    (entry,) = (cache / "views").glob("replay-*.txt")
    return entry


@pytest.mark.parametrize("damage", ["text", "header", "other key"])
def test_an_altered_entry_is_not_printed(repository: Path, cache: Path, damage: str) -> None:
    first = _run(repository, cache, *ARGS)
    entry = _entry(cache)
    stored = entry.read_bytes()
    if damage == "text":
        entry.write_bytes(stored[: -len(b"\n")] + b" FORGED\n")
    elif damage == "header":
        first_line, _, rest = stored.partition(b"\n")
        entry.write_bytes(first_line + b"\n" + rest.replace(str(repository).encode(), b"/elsewhere", 1))
    else:  # an entry of another invocation copied under this one's name
        _run(repository, cache, *ARGS, "--lang", "en")
        other = next(p for p in (cache / "views").glob("replay-*.txt") if p != entry)
        entry.write_bytes(other.read_bytes())
    again = _run(repository, cache, *ARGS)
    assert again[2] == "FULL"
    assert again[:2] == first[:2]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_an_entry_others_can_write_is_not_used(repository: Path, cache: Path) -> None:
    _run(repository, cache, *ARGS)
    entry = _entry(cache)
    entry.chmod(entry.stat().st_mode | stat.S_IWOTH)
    assert _run(repository, cache, *ARGS)[2] == "FULL"
    _run(repository, cache, *ARGS)  # stored again, privately
    assert _run(repository, cache, *ARGS)[2] == "REPLAYED"
    folder = cache / "views"
    folder.chmod(folder.stat().st_mode | stat.S_IWGRP)
    assert _run(repository, cache, *ARGS)[2] == "FULL"


def test_no_cache_means_no_replay(repository: Path, cache: Path) -> None:
    _run(repository, cache, *ARGS)
    assert _run(repository, cache, *ARGS, TAVOITTEET_NO_CACHE="1")[2] == "FULL"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_replay_that_cannot_be_written_says_so(repository: Path, cache: Path) -> None:
    def run(target: str) -> subprocess.CompletedProcess[str]:
        with Path(target).open("w") as stdout:
            return subprocess.run(
                [sys.executable, "-m", "tavoitteet", *ARGS],
                cwd=repository,
                env={**os.environ, "TAVOITTEET_CACHE_DIR": str(cache), "TAVOITTEET_NO_CACHE": ""},
                stdout=stdout,
                stderr=subprocess.PIPE,
                text=True,
                timeout=120,
                check=False,
            )

    assert run(os.devnull).returncode == 0  # stored; /dev/full is no terminal either: the same invocation
    done = run("/dev/full")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("tavoitteet: [Errno 28]")


def test_a_replay_writes_what_the_view_wrote_guarded_lines_too(repository: Path, cache: Path) -> None:
    """A goal text that would start a line with ``::`` is marked in the view; the replay writes the same."""
    target = repository / "data" / "2024" / "hyvinvointilautakunta.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(
        text.replace("otsikko: Kehitetään", 'otsikko: "::error::Kehitetään', 1).replace(
            "kirjastopalveluja.\n", 'kirjastopalveluja."\n', 1
        ),
        encoding="utf-8",
    )
    first = _run(repository, cache, *ARGS, COLUMNS="200")
    second = _run(repository, cache, *ARGS, COLUMNS="200")
    assert first[0] == 0, first[1]
    assert "::error::" in first[1]
    assert not any(line.lstrip().startswith("::") for line in first[1].splitlines())
    assert second == (0, first[1], "REPLAYED")
