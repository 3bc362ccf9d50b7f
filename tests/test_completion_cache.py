"""A Tab asked again on unchanged goal files is answered from the kept answer (issue 19): the same
answer, without the YAML reader, and never a stale one after a file or folder changed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA

BASH = {"_TAVOITTEET_COMPLETE": "complete_bash"}


def bash(line: str) -> dict[str, str]:
    return {**BASH, "COMP_WORDS": line, "COMP_CWORD": str(len(line.split(" ")) - 1)}


LINES = [
    "tavoitteet show ",
    "tavoitteet show kir",
    "tavoitteet status ",
    "tavoitteet status --committee ",
    "tavoitteet status 2024 --area ",
    "tavoitteet record ",
    "tavoitteet status --spearhead ",
]
SHELLS = {
    "bash": bash,
    "zsh": lambda line: {"_TAVOITTEET_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line},
    "fish": lambda line: {
        "_TAVOITTEET_COMPLETE": "complete_fish",
        "_TYPER_COMPLETE_ARGS": line,
        "_TYPER_COMPLETE_FISH_ACTION": "is-args",
    },
}


@pytest.mark.parametrize("shell", list(SHELLS))
def test_the_kept_answer_is_the_answer(shell: str, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tavoitteet.completion import fast_complete
    from tavoitteet.files import completecache

    monkeypatch.chdir(DATA.parent)
    for line in LINES:
        env = SHELLS[shell](line)
        assert completecache.answer(env) is None, line
        first = fast_complete(env)
        assert first is not None
        assert completecache.answer(env) == first, line  # kept, and what the next Tab gets
        assert fast_complete(env) == first
        with monkeypatch.context() as off:
            off.setenv("TAVOITTEET_NO_CACHE", "1")
            assert fast_complete(env) == first, line  # read from the files again


def ids(data: Path, line: str) -> list[str]:
    from tavoitteet.completion import fast_complete

    answered = fast_complete(bash(line.replace("DATA", str(data))))
    assert answered is not None
    return answered[0].split()


def test_a_changed_file_or_folder_is_read_again(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    monkeypatch.chdir(tmp_path)
    line = "tavoitteet show --data DATA puisto"
    assert ids(data, line) == ["puistoruokailu"]
    assert ids(data, line) == ["puistoruokailu"]  # kept
    path = data / "2024" / "hyvinvointilautakunta.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: puistoruokailu", "id: puistojuhla"))
    assert ids(data, line) == ["puistojuhla"]
    assert ids(data, "tavoitteet status --data DATA 20") == ["2024", "2021"]
    (data / "2025").mkdir()
    shutil.copy(path, data / "2025" / "hyvinvointilautakunta.yaml")
    assert ids(data, "tavoitteet status --data DATA 20") == ["2025", "2024", "2021"]
    shutil.rmtree(data / "2021")
    assert ids(data, "tavoitteet status --data DATA 20") == ["2025", "2024"]


def test_a_data_folder_found_by_searching_is_searched_again(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    inner = tmp_path / "inner"
    shutil.copytree(DATA, tmp_path / "data")
    inner.mkdir()
    monkeypatch.chdir(inner)
    assert ids(tmp_path, "tavoitteet status ") == ["2024", "2021"]
    nearer = inner / "data"  # a data folder nearer to where the user stands is found first
    shutil.copytree(DATA / "2024", nearer / "2024")
    assert ids(tmp_path, "tavoitteet status ") == ["2024"]


def test_an_altered_entry_is_refused(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tavoitteet.completion import fast_complete
    from tavoitteet.files import completecache

    monkeypatch.chdir(DATA.parent)
    env = bash("tavoitteet show puisto")
    first = fast_complete(env)
    entries = list((cache / "views").glob("replay-*.txt"))
    assert len(entries) == 1
    entries[0].write_bytes(entries[0].read_bytes().replace(b"puistoruokailu", b"rm -rf /"))
    assert completecache.answer(env) is None
    assert fast_complete(env) == first


def test_nothing_is_kept_when_the_cache_is_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tavoitteet.completion import fast_complete

    monkeypatch.chdir(DATA.parent)
    monkeypatch.setenv("TAVOITTEET_NO_CACHE", "1")
    assert fast_complete(bash("tavoitteet show ")) is not None
    assert not cache.exists()


def test_a_kept_answer_reads_no_goal_file_and_imports_no_yaml(cache: Path) -> None:
    code = (
        "import sys\nsys.argv = ['tavoitteet']\nfrom tavoitteet.launch import main\n"
        "try:\n    main()\nfinally:\n"
        "    names = ('yaml', 'pathlib', 'typing', 'tavoitteet.files.yamlread', 'tavoitteet.completetable')\n"
        "    sys.stderr.write(str(sorted(m for m in names if m in sys.modules)))\n"
    )
    env = {**os.environ, **bash("tavoitteet show puisto")}
    answers = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-S", "-c", code],
            cwd=DATA.parent,
            env={**env, "PYTHONPATH": os.pathsep.join(sys.path)},
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        answers.append((done.stdout, done.stderr))
    (first, imported_first), (second, imported_second) = answers
    assert first == second == "puistoruokailu\n"
    assert "yaml" in imported_first
    assert imported_second == "[]"
