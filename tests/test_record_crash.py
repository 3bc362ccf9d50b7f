"""``record`` killed at any moment leaves the goal file either as it was or as recorded, byte for byte."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DATA

REAL = Path("data/2024/hyvinvointilautakunta.yaml")
COMMAND = [
    sys.executable,
    "-m",
    "tavoitteet",
    "record",
    "kesaajan-toivekysely",
    "kyllä",
    "--date",
    "1.11.2024",
]
ROUNDS = 24


def _start(repo: Path) -> tuple[subprocess.Popen[bytes], float]:
    environment = {**os.environ, "NO_COLOR": "1", "TAVOITTEET_LANG": "fi"}
    process = subprocess.Popen(
        COMMAND, cwd=repo, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return process, time.perf_counter()


def _fresh(repo: Path, old: bytes) -> None:
    (repo / REAL).write_bytes(old)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only")
def test_record_killed_at_random_moments_leaves_the_old_or_the_new_file(tmp_path: Path) -> None:
    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    old = (tmp_path / REAL).read_bytes()
    process, started = _start(tmp_path)
    assert process.wait(timeout=120) == 0
    full_run = time.perf_counter() - started
    new = (tmp_path / REAL).read_bytes()
    assert new != old

    rng = random.Random(7)
    # From killing at once to killing after the run would have ended, weighted
    # towards the end of the run, where the file is written.
    delays = [0.0, 1.5 * full_run] + [full_run * rng.uniform(0.4, 1.2) for _ in range(ROUNDS - 2)]
    outcomes = []
    for delay in delays:
        _fresh(tmp_path, old)
        process, _ = _start(tmp_path)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        now = (tmp_path / REAL).read_bytes()
        assert now in (old, new), f"after a kill at {delay:.3f} s the file is neither old nor new"
        outcomes.append("new" if now == new else "old")
        strays = [p.name for p in (tmp_path / "data" / "2024").iterdir() if p.suffix in (".yaml", ".yml")]
        assert strays == [REAL.name]
    assert set(outcomes) <= {"old", "new"}


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only")
@pytest.mark.parametrize(
    ("stage", "expected"),
    [("locked", "old"), ("temporary-written", "old"), ("replaced", "new")],
)
def test_record_killed_at_each_stage_of_the_write_leaves_the_old_or_the_new_file(
    tmp_path: Path, stage: str, expected: str
) -> None:
    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    old = (tmp_path / REAL).read_bytes()
    environment = {**os.environ, "NO_COLOR": "1", "TAVOITTEET_LANG": "fi", "TAVOITTEET_TEST_KILL_AT": stage}
    done = subprocess.run(
        COMMAND, cwd=tmp_path, env=environment, capture_output=True, timeout=120, check=False
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    now = (tmp_path / REAL).read_bytes()
    assert (now == old) == (expected == "old")
    assert now in (old, _recorded(tmp_path, old))
    strays = [p.name for p in (tmp_path / "data" / "2024").iterdir() if p.suffix in (".yaml", ".yml")]
    assert strays == [REAL.name]
    again = subprocess.run(
        COMMAND,
        cwd=tmp_path,
        env={**environment, "TAVOITTEET_TEST_KILL_AT": ""},
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert again.returncode == 0, "a killed write must leave no lock behind"


def _recorded(tmp_path: Path, old: bytes) -> bytes:
    """The file as a complete ``record`` writes it, from the same old bytes."""
    fresh = tmp_path / "fresh"
    shutil.copytree(DATA / "2024", fresh / "data" / "2024")
    (fresh / REAL).write_bytes(old)
    subprocess.run(
        COMMAND, cwd=fresh, env={**os.environ, "NO_COLOR": "1"}, capture_output=True, timeout=120, check=True
    )
    return (fresh / REAL).read_bytes()
