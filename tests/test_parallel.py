"""Work spread over processes gives the same output as one process: validate and the large views."""

from __future__ import annotations

from pathlib import Path

import pytest

from tavoitteet.files import parallel

from conftest import corpus_generator, invoke


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A thousand generated files, a hundred committees in 2024: enough for the views' workers."""
    folder = tmp_path_factory.mktemp("parallel")
    corpus_generator().generate(folder, 1000, seed=5)
    return folder / "data"


def _run(monkeypatch: pytest.MonkeyPatch, jobs: str, args: list[str]) -> tuple[int, str, str]:
    monkeypatch.setenv("TAVOITTEET_JOBS", jobs)
    monkeypatch.setenv("TAVOITTEET_NO_CACHE", "1")
    return invoke(args)


@pytest.mark.parametrize("columns", ["80", "140"])
@pytest.mark.parametrize("colour", [False, True])
def test_a_large_status_laid_out_by_workers_is_the_same_text(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, columns: str, colour: bool
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    if colour:
        monkeypatch.delenv("NO_COLOR", raising=False)
        monkeypatch.setenv("FORCE_COLOR", "1")
    args = ["status", "2024", "--data", str(corpus), "--as-of", "31.12.2024"]
    one = _run(monkeypatch, "1", args)
    two = _run(monkeypatch, "2", args)
    assert one[0] == 0
    assert two == one
    assert ("\x1b[" in one[1]) is colour


def test_validate_by_workers_reports_the_same(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["validate", str(corpus), "--format", "json"]
    assert _run(monkeypatch, "2", args) == _run(monkeypatch, "1", args)


def test_how_many_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TAVOITTEET_JOBS", raising=False)
    assert parallel.jobs(10, 200) == 1
    assert 1 <= parallel.jobs(5000, 200) <= parallel.MOST
    monkeypatch.setenv("TAVOITTEET_JOBS", "3")
    assert parallel.jobs(5000, 200) == 3
    assert parallel.jobs(15, 200) == 1
    monkeypatch.setenv("TAVOITTEET_JOBS", "nonsense")
    assert parallel.jobs(10, 200) == 1


def test_cores_busy_with_other_work_get_no_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TAVOITTEET_JOBS", raising=False)
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (0.7, 0.0, 0.0))
    assert parallel.jobs(5000, 200) == 4
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (1.3, 0.0, 0.0))
    assert parallel.jobs(5000, 200) == 3
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (9.0, 0.0, 0.0))
    assert parallel.jobs(5000, 200) == 1  # a saturated machine: one process, no pool


def test_ordered_map_keeps_the_order_in_any_number_of_processes() -> None:
    items = list(range(50))
    assert list(parallel.ordered_map(abs, items, 1)) == items
    assert list(parallel.ordered_map(abs, items, 2)) == items


def test_cores_busy_meanwhile_are_measured_from_the_processors_own_counts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Measured since a sample (validate's start-up), the busy cores are other work's, not what just ended."""
    monkeypatch.delenv("TAVOITTEET_JOBS", raising=False)
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (3.0, 0.0, 0.0))  # the last minute was busy
    start = (10.0, 500.0, 1.0)
    now: list[tuple[float, float, float] | None] = [(10.5, 500.5, 1.5)]
    monkeypatch.setattr(parallel, "cpu_sample", lambda: now[0])
    assert parallel.jobs(5000, 200, since=start) == 4  # only this process worked meanwhile
    now[0] = (10.5, 501.4, 1.5)  # 0.9 s of others' work in half a second: two cores
    assert parallel.jobs(5000, 200, since=start) == 2
    now[0] = (10.5, 510.0, 1.5)
    assert parallel.jobs(5000, 200, since=start) == 1
    now[0] = (10.05, 500.05, 1.05)  # too short to tell: the load average
    assert parallel.jobs(5000, 200, since=start) == 1
    now[0] = None  # no /proc/stat: the load average
    assert parallel.jobs(5000, 200, since=start) == 1
    assert parallel.jobs(5000, 200) == 1


def test_a_sample_of_the_processors_counts_where_the_system_has_them() -> None:
    sample = parallel.cpu_sample()
    if not Path("/proc/stat").exists():
        assert sample is None
        return
    assert sample is not None
    later = parallel.cpu_sample()
    assert later is not None and later[0] >= sample[0] and later[1] >= sample[1] and later[2] >= sample[2]


@pytest.mark.parametrize(("count", "processes"), [(1, 2), (299, 2), (20_000, 2), (20_000, 8)])
def test_validate_hands_every_file_out_once_in_order_in_chunks_that_shrink_toward_the_end(
    count: int, processes: int
) -> None:
    from tavoitteet.commands.validate import _chunks

    files = [Path(f"data/2024/k{n}.yaml") for n in range(count)]
    chunks = _chunks(files, processes)
    assert [path for chunk in chunks for path in chunk] == files
    sizes = [len(chunk) for chunk in chunks]
    assert all(size <= 250 for size in sizes)
    assert all(size >= 10 for size in sizes[:-1])
    assert sizes[:-1] == sorted(sizes[:-1], reverse=True)
    assert count < 200 or sizes[-2] == 10  # the last hand-outs are small
