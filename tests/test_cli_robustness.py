"""The CLI on awkward ground: read-only, missing and partly broken data, Windows files, internal errors."""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, REPO_ROOT, invoke, run_process, wait_for

REAL = DATA / "2024" / "hyvinvointilautakunta.yaml"


def _corpus(folder: Path, count: int) -> list[Path]:
    spec = importlib.util.spec_from_file_location(
        "generate_corpus", REPO_ROOT / "benchmarks" / "generate_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate(folder, count)  # type: ignore[no-any-return]


def _listing(folder: Path) -> list[tuple[str, int]]:
    return sorted((str(p.relative_to(folder)), p.stat().st_mtime_ns) for p in folder.rglob("*"))


def test_read_only_data_is_checked_and_left_untouched(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    for path in sorted(tmp_path.rglob("*"), reverse=True):
        path.chmod(stat.S_IREAD | (stat.S_IEXEC if path.is_dir() else 0))
    before = _listing(tmp_path)
    try:
        done = run_process(["validate"], cwd=tmp_path)
        status = run_process(["status", "2024"], cwd=tmp_path)
        assert _listing(tmp_path) == before
    finally:
        for path in tmp_path.rglob("*"):
            path.chmod(stat.S_IRWXU)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Ei virheitä." in done.stdout
    assert status.returncode == 0, status.stderr
    assert "Traceback" not in done.stderr + status.stderr


def test_without_a_data_folder_the_user_is_told_where_it_was_looked_for(tmp_path: Path) -> None:
    done = run_process(["validate"], cwd=tmp_path)
    assert done.returncode == 2
    assert "data/-kansiota vuosikansioineen ei löytynyt" in done.stderr
    assert str(tmp_path.resolve()) in done.stderr
    english = run_process(["validate", "--lang", "en"], cwd=tmp_path)
    assert "no data/ folder with year folders found" in english.stderr
    status = run_process(["status", "2024"], cwd=tmp_path)
    assert status.returncode == 2
    assert "Traceback" not in done.stderr + english.stderr + status.stderr


def test_a_named_folder_that_does_not_exist_is_a_located_problem(tmp_path: Path) -> None:
    code, out, _ = invoke(["validate", str(tmp_path / "puuttuu")])
    assert code == 1
    assert "puuttuu" in out
    assert "tiedostoa tai kansiota ei ole" in out


@pytest.mark.slow
def test_one_broken_file_among_many_is_reported_and_the_rest_still_checked(tmp_path: Path) -> None:
    files = _corpus(tmp_path, 260)
    broken, misfit = files[17], files[201]
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("muoto: 1\n", "muoto: [1\n"), encoding="utf-8"
    )
    misfit.write_text(
        misfit.read_text(encoding="utf-8").replace("sitova: kyllä", "sitova: joo"), encoding="utf-8"
    )
    parallel = run_process(["validate", "data"], cwd=tmp_path, env={"TAVOITTEET_NO_CACHE": "1"})
    serial = run_process(
        ["validate", "data"], cwd=tmp_path, env={"TAVOITTEET_JOBS": "1", "TAVOITTEET_NO_CACHE": "1"}
    )
    assert parallel.returncode == 1
    assert parallel.stdout == serial.stdout
    assert f"{broken.relative_to(tmp_path)}:" in parallel.stdout
    assert "Tarkistettu 260 tiedostoa" in parallel.stdout
    assert "2 tiedostossa" in parallel.stdout.splitlines()[-1]
    assert "Traceback" not in parallel.stderr


@pytest.mark.parametrize(
    ("name", "convert"),
    [
        ("crlf", lambda raw: raw.replace(b"\n", b"\r\n")),
        ("bom", lambda raw: b"\xef\xbb\xbf" + raw),
        ("crlf-bom", lambda raw: b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n")),
    ],
)
def test_windows_line_ends_and_byte_order_mark_are_valid(tmp_path: Path, name: str, convert: object) -> None:
    target = tmp_path / "data" / "2024" / REAL.name
    target.parent.mkdir(parents=True)
    target.write_bytes(convert(REAL.read_bytes()))  # type: ignore[operator]
    code, out, _ = invoke(["validate", str(target)])
    assert code == 0, out
    assert "Ei virheitä." in out


def _failing_loader(path: Path) -> object:
    raise RuntimeError("odottamaton vika testissä")


def test_an_internal_error_says_it_is_a_bug_and_where_the_details_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tavoitteet.commands import validate

    logs = tmp_path / "lokit"
    logs.mkdir()
    monkeypatch.setenv("TAVOITTEET_LOG_DIR", str(logs))
    monkeypatch.setenv("TAVOITTEET_NO_CACHE", "1")
    monkeypatch.setattr(validate, "load_file", _failing_loader)
    code, out, err = invoke(["validate", str(REAL)])
    assert code == 3
    assert "sisäinen virhe" in err and "ohjelmavirhe" in err
    written = list(logs.iterdir())
    assert len(written) == 1 and str(written[0]) in err
    assert "RuntimeError: odottamaton vika testissä" in written[0].read_text(encoding="utf-8")
    assert "Traceback" not in out + err


def test_an_internal_error_in_a_real_process_shows_no_traceback(tmp_path: Path) -> None:
    script = (
        "import tavoitteet.commands.validate as v\n"
        "def broken(path):\n    raise RuntimeError('vika')\n"
        "v.load_file = broken\n"
        "from tavoitteet.cli import main\nmain()\n"
    )
    environment = {
        **os.environ,
        "TAVOITTEET_LOG_DIR": str(tmp_path),
        "NO_COLOR": "1",
        "TAVOITTEET_NO_CACHE": "1",
    }
    done = subprocess.run(
        [sys.executable, "-c", script, "validate", "--lang", "en", str(REAL)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert done.returncode == 3
    assert done.stderr.startswith("tavoitteet: internal error. This is a bug")
    assert str(tmp_path) in done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert len(done.stderr.splitlines()) == 1


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT are POSIX only")
def test_ctrl_c_during_a_parallel_check_stops_cleanly(tmp_path: Path) -> None:
    _corpus(tmp_path, 1500)
    gate = tmp_path / "gate"
    gate.mkdir()
    environment = {
        **os.environ,
        "NO_COLOR": "1",
        "TAVOITTEET_NO_CACHE": "1",
        "TAVOITTEET_LANG": "fi",
        "TAVOITTEET_JOBS": "2",
        "TAVOITTEET_TEST_GATE": str(gate),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "tavoitteet", "validate", "data"],
        cwd=tmp_path,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    # both workers past their start-up (a worker still starting would take the SIGINT itself)
    wait_for(lambda: len(list(gate.glob("started-*"))) >= 2 or process.poll() is not None)
    assert process.poll() is None, process.communicate()
    os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the whole group, workers too
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, (out, err)
    assert err == "\nKeskeytetty.\n"
    assert out == ""
