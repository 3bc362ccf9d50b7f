"""The scripts in benchmarks/ run end to end: every figure the benchmark promises, every fuzz target."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO_ROOT


def script(name: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``benchmarks/<name>`` as a user would; it must succeed."""
    done = subprocess.run(
        [sys.executable, str(REPO_ROOT / "benchmarks" / name), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done


def test_the_benchmark_runs_and_reports_each_measurement() -> None:
    done = script("run.py", "--sizes", "10", "20", "--runs", "1", cwd=REPO_ROOT)
    out = done.stdout
    for label in (
        "tavoitteet --help",
        "tavoitteet status 2024 (cache warm)",
        "tavoitteet status 2024 (no cache)",
        "tavoitteet status -- 2024 (no cache, parsed by Typer)",
        "tavoitteet validate (cache warm)",
        "tavoitteet validate (no cache)",
        "tavoitteet status --help",
        "tavoitteet record (a value into examples/)",
        "tavoitteet status 2024 right after that record",
        "record, then status",
    ):
        assert re.search(rf"^{re.escape(label)}: \d+ ms = [\d.]+x bare python", out, re.M), label
    assert re.search(r"^10 files: validate [\d.]+ s = \d+ files/s", out, re.M)
    assert re.search(r"^20 files: validate [\d.]+ s = \d+ files/s", out, re.M)
    assert "growth: files/s at 20 files" in out
    assert re.search(
        r"^20 files: validate in one process \d+ files/s .*; in two worker processes \d+ files/s", out, re.M
    )
    for line in (
        "status 2024 (no cache) over 20 files",
        "status 2024 (cache warm) over 20 files",
        "report 2024 over 20 files",
        "report 2024 (html) over 20 files",
    ):
        assert re.search(rf"^{re.escape(line)} .*exit 0$", out, re.M), line
    for case in ("status 2024 (no cache)", "report 2024 (html)"):  # the cost's growth with the files
        growth = rf"^{re.escape(case)} growth from 10 to 20 files \(x2\): time x[\d.]+, peak memory x[\d.]+ "
        assert re.search(growth, out, re.M), case
    for languages in ("fi", "fi,sv,en"):
        for label in ("full build", "rebuild after one changed file"):
            line = f"site --languages {languages} over 20 files, {label}: "
            assert re.search(rf"^{re.escape(line)}[\d.]+ s, .* \d+ files written .*exit 0 ", out, re.M), line


def test_the_fuzz_script_runs_every_target_without_failures(tmp_path: Path) -> None:
    done = script("fuzz.py", "--seconds", "3", "--seed", "2", cwd=tmp_path)
    counts = re.search(r"\(loader (\d+), views (\d+), record (\d+), import (\d+)\), 0 failures", done.stdout)
    assert counts, done.stdout
    assert all(int(n) > 10 for n in counts.groups())
    assert list(tmp_path.iterdir()) == []
