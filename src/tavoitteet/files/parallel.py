"""Spreading work over worker processes: how many, and a pool that falls back to one process.

Used where a national corpus makes a command take tens of seconds: checking
files (``validate``) and laying out the tables of a large view.  The output is
the same with any number of processes; ``TAVOITTEET_JOBS=1`` forces one.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
MOST = 8


def jobs(count: int, parallel_from: int, per_job: int = 10, since: CpuSample | None = None) -> int:
    """Processes for ``count`` items: TAVOITTEET_JOBS if set, else one per idle core from ``parallel_from`` items.

    A core kept busy by other work is left out: workers sharing it were no
    faster than one process.  Busy is what the machine's processors did
    besides this process ``since`` a :func:`cpu_sample` (where the system
    tells), else the last minute's load average (which still counts work that
    has just ended, this command's own start-up among it).
    """
    setting = os.environ.get("TAVOITTEET_JOBS", "").strip()
    if setting.isdigit() and int(setting) > 0:
        return min(int(setting), max(1, count // per_job))
    if count < parallel_from:
        return 1
    available = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else range(os.cpu_count() or 1)
    busy = _busy_since(since) if since is not None else None
    return max(1, min(len(available) - (_busy_cores() if busy is None else busy), MOST))


CpuSample = tuple[float, float, float]
"""(monotonic seconds, busy processor-seconds of the whole machine, this process's processor-seconds)"""
SHORTEST_SAMPLE = 0.1
"""seconds between two samples for them to say how busy the machine is (its clock ticks are 10 ms)"""


def cpu_sample() -> CpuSample | None:
    """How busy the machine's processors have been since it started (``/proc/stat``), None where unknown."""
    try:
        handle = os.open("/proc/stat", os.O_RDONLY)
        try:
            fields = os.read(handle, 4096).split(b"\n", 1)[0].split()
        finally:
            os.close(handle)
        ticks = os.sysconf("SC_CLK_TCK")
        if fields[0] != b"cpu" or len(fields) < 9 or ticks <= 0:
            return None
        user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[1:9])
    except (OSError, ValueError, AttributeError, IndexError):
        return None
    import time

    own = os.times()
    return (time.monotonic(), (user + nice + system + irq + softirq + steal) / ticks, own.user + own.system)


def _busy_since(start: CpuSample) -> int | None:
    """Cores that other work kept busy since ``start``, to the nearest whole core (None: not measured)."""
    now = cpu_sample()
    if now is None or now[0] - start[0] < SHORTEST_SAMPLE:
        return None
    others = (now[1] - start[1]) - (now[2] - start[2])
    return max(0, int(others / (now[0] - start[0]) + 0.5))


def _busy_cores() -> int:
    """Cores other work keeps busy: the last minute's load average, whole cores only."""
    try:
        return int(os.getloadavg()[0])
    except (AttributeError, OSError):  # Windows has no load average
        return 0


def ordered_map(function: Callable[[T], R], items: Iterable[T], processes: int) -> Iterator[R]:
    """``map`` in order over ``processes`` workers; in this process where there are none to start."""
    if processes <= 1:
        yield from map(function, items)
        return
    from concurrent.futures import ProcessPoolExecutor

    try:
        pool = ProcessPoolExecutor(
            processes, initializer=_start_worker, initargs=(_test_gate(), _on_plain_models())
        )
    except (OSError, ImportError, NotImplementedError):  # no process support here (e.g. no /dev/shm)
        yield from map(function, items)
        return
    try:
        with _ctrl_c_held():  # the workers start (fork) here, when the work is handed out
            results = pool.map(function, items)
        yield from results
    finally:
        _open_test_gate()
        pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C while workers are forked: one arriving in between would hit a half-made child.

    A worker starts with SIGINT blocked and ignores it before unblocking; the
    main process gets a held Ctrl-C as soon as the workers are running.
    """
    import signal

    holding = hasattr(signal, "pthread_sigmask")
    if holding:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        if holding:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _on_plain_models() -> bool:
    """Whether this process reads the models' plain twins (:mod:`tavoitteet.core.twins`)."""
    return bool(getattr(sys.modules.get("tavoitteet.core.model"), "PLAIN", False))


def _start_worker(gate: str, plain_models: bool = False) -> None:
    """Workers leave Ctrl-C to the main process, which stops them and reports once.

    A worker started afresh (spawned, as on Windows and macOS) reads the models' plain
    twins when the main process does, instead of importing pydantic; a forked one has
    them already.
    """
    import signal

    if plain_models:
        from tavoitteet.core.twins import use_plain_models

        use_plain_models()

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if gate:
        _wait_at_test_gate(gate)


def _test_gate() -> str:
    """``TAVOITTEET_TEST_GATE``: a folder where tests hold the workers until the main process stops.

    Each worker writes ``started-<pid>`` there and waits for ``open``, which the
    main process writes when it stops (for example on Ctrl-C).  A test can then
    interrupt while the workers are known to be running, whatever the machine's speed.
    """
    return os.environ.get("TAVOITTEET_TEST_GATE", "")


def _wait_at_test_gate(gate: str) -> None:
    import time
    from pathlib import Path

    folder = Path(gate)
    (folder / f"started-{os.getpid()}").touch()
    while not (folder / "open").exists():
        time.sleep(0.01)


def _open_test_gate() -> None:
    gate = _test_gate()
    if gate:
        from pathlib import Path

        (Path(gate) / "open").touch()
