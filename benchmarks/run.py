"""Benchmarks of tavoitteet: start-up, throughput and large-corpus runs, as ratios.

    python benchmarks/run.py --quick     # CI-sized: 100 and 1,000 files, a few minutes
    python benchmarks/run.py             # full: 2,000 and 20,000 files (check-jsonschema
                                         # alone takes over ten minutes at 20,000)

Every figure is measured in the same run as the reference it is compared with,
so the ratios hold on a loaded or slow machine where absolute times do not:

* start-up: ``tavoitteet --help``, ``status 2024`` and ``validate`` on this
  repository's data against ``python -c pass`` (median of several runs);
* throughput: ``validate`` over generated corpora against ``check-jsonschema
  --schemafile schemas/tavoitteet.schema.json`` on the same files (install it
  with ``pip install -e ".[bench]"``), files per second at both sizes;
* ``status`` and ``report`` over the large corpus: time and peak memory;
* ``site`` over the 2,000-file corpus (the largest corpus up to 2,000 files with
  ``--quick``): a full build and a rebuild after one changed file, with the
  number of files written (targets: full build <= 60 s and 500 MB, rebuild <= 5 s).

Nothing is asserted: the targets are printed next to the figures.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "schemas" / "tavoitteet.schema.json"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import generate  # noqa: E402 - the generator sits next to this script

Command = list[str]
RECORDED = "hakeutuvien-palvelujen-asiakkuudet"
"""a trend indicator of examples/2024 (invented data): record adds a value to a copy of it"""
COMPLETE_SHOW = {"_TAVOITTEET_COMPLETE": "complete_bash", "COMP_WORDS": "tavoitteet show ", "COMP_CWORD": "2"}


def tool(name: str) -> Command | None:
    """A console script installed next to this interpreter (as users run it), or on PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which(name)
    return [found] if found else None


def measure(command: Command, cwd: Path, env: dict[str, str]) -> dict[str, float]:
    """Run ``command`` once through a small wrapper process that reports its time and peak memory."""
    wrapper = [sys.executable, __file__, "--measure-one", "--", *command]
    done = subprocess.run(wrapper, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise SystemExit(f"measuring {command} failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(lines[-1])  # type: ignore[no-any-return]


def _measure_one(command: Command) -> None:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    seconds = time.perf_counter() - start
    peak_mb = float("nan")
    try:
        import resource

        scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, kilobytes elsewhere
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale / 1e6
    except ImportError:  # Windows
        pass
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr.decode("utf-8", "replace"))
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "code": done.returncode}))


def median_times(commands: list[tuple[Command, dict[str, str]]], runs: int, cwd: Path) -> list[float]:
    """Median wall time of each command; runs are interleaved so that load changes hit all alike."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for index, (command, env) in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)
            times[index].append(time.perf_counter() - start)
    return [statistics.median(series) for series in times]


def load() -> str:
    """The load average, which says how busy the machine was while it was measured."""
    try:
        one, five, fifteen = os.getloadavg()
    except (AttributeError, OSError):
        return "load average not known here"
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


def compile_package() -> str:
    """Write the package's bytecode, as ``pip install`` does.

    With ``PYTHONDONTWRITEBYTECODE`` set (as on some CI machines) an editable
    install would otherwise compile every module again on every run, which is
    not what a user's installed copy does.
    """
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("tavoitteet")
    if spec is None or spec.origin is None:
        return "tavoitteet is not importable here; its bytecode was not written"
    compileall.compile_dir(str(Path(spec.origin).parent), quiet=1)
    return f"bytecode written for {Path(spec.origin).parent}"


def has_command(tavoitteet: Command, name: str, env: dict[str, str]) -> bool:
    done = subprocess.run([*tavoitteet, name, "--help"], env=env, capture_output=True, check=False)
    return done.returncode == 0


def startup(tavoitteet: Command, runs: int, env: dict[str, str], cache: Path, python: Command) -> list[str]:
    """Start-up of everyday commands on this repository's data, against the bare interpreter.

    "cache warm" is what a user sees from the second run on with unchanged files;
    "no cache" is the first run after a change (or with ``TAVOITTEET_NO_CACHE=1``).
    ``record``, then ``status``, is the users' own path: every round records a
    value into a copy of ``examples/`` and then asks for the status, whose
    caches the record has just made stale.
    """
    cold = {**env, "TAVOITTEET_NO_CACHE": "1"}
    warm = {**env, "TAVOITTEET_CACHE_DIR": str(cache)}
    scratch = cache.parent / "record-data"
    if not scratch.exists():
        shutil.copytree(REPO / "examples", scratch)
    cases: list[tuple[str, Command, dict[str, str], str]] = [
        ("tavoitteet --help", [*tavoitteet, "--help"], env, "<= 6x"),
        ("tavoitteet status --help (first time: through Typer)", [*tavoitteet, "status", "--help"], cold, ""),
        ("tavoitteet status --help", [*tavoitteet, "status", "--help"], warm, "<= 3x"),
        ("tavoitteet validate (cache warm)", [*tavoitteet, "validate"], warm, "<= 12x"),
        # issue 16: one Tab of shell completion, the ids of every goal file (100 ms on the 20 ms machine)
        ("shell completion: tavoitteet show <Tab>", list(tavoitteet), {**env, **COMPLETE_SHOW}, "<= 5x"),
        ("tavoitteet validate (no cache)", [*tavoitteet, "validate"], cold, "<= 11x"),
    ]
    if has_command(tavoitteet, "status", env):
        cases[3:3] = [
            ("tavoitteet status 2024 (cache warm)", [*tavoitteet, "status", "2024"], warm, "<= 3x"),
            ("tavoitteet status 2024 (no cache)", [*tavoitteet, "status", "2024"], cold, "<= 14x"),
        ]
        # issue 19 (fastcli.py): the same view with its command line parsed by Typer (``--`` goes to Typer)
        typer_parsed = [*tavoitteet, "status", "--", "2024"]
        cases.append(("tavoitteet status -- 2024 (no cache, parsed by Typer)", typer_parsed, cold, ""))
    # issue 19 (19-render): list and show from a cold start, printed without rich as status is
    if has_command(tavoitteet, "list", env):
        cases += [
            ("tavoitteet list 2024 (no cache)", [*tavoitteet, "list", "2024"], cold, ""),
            ("tavoitteet show <goal> (no cache)", [*tavoitteet, "show", SHOWN, "--year", "2024"], cold, ""),
        ]
    records = has_command(tavoitteet, "record", env)
    if records:
        record = [*tavoitteet, "record", RECORDED, "61", "--date", "1.12.2024", "--data", str(scratch)]
        status_after = [*tavoitteet, "status", "2024", "--data", str(scratch)]
        cases += [
            ("tavoitteet record (a value into examples/)", record, warm, "<= 14x"),
            ("tavoitteet status 2024 right after that record", status_after, warm, ""),
        ]
    for label, command, case_env, _ in cases:  # fill the caches, as any earlier run would have
        done = subprocess.run(command, cwd=REPO, env=case_env, capture_output=True, text=True, check=False)
        if done.returncode != 0:  # a failing command would be timed as a fast one
            raise SystemExit(f"{label} failed (exit {done.returncode}):\n{done.stderr}")
    commands = [([*python, "-c", "pass"], env)] + [(command, e) for _, command, e, _ in cases]
    bare, *medians = median_times(commands, runs, REPO)
    lines = [f"python -c pass: {bare * 1000:.0f} ms (median of {runs}, interleaved with the commands)"]
    for (label, _, _, target), seconds in zip(cases, medians, strict=True):
        goal = f" (target {target})" if target else ""
        lines.append(f"{label}: {seconds * 1000:.0f} ms = {seconds / bare:.1f}x bare python{goal}")
    if records:  # the last two cases: record, then status
        together = medians[-2] + medians[-1]
        lines.append(f"record, then status: {together * 1000:.0f} ms = {together / bare:.1f}x bare python")
    if not has_command(tavoitteet, "status", env):
        lines.append("tavoitteet status 2024: skipped, the status command does not exist yet")
    lines.append(rich_imports(tavoitteet, cold, scratch))  # issue 19 (19-render)
    return lines


# --- issue 19 (19-render): which cold commands import rich (the target: none of these) ------------------
SHOWN = "hyvinvointikertomustyo"
"""a goal of data/2024 that ``show`` prints from a cold start"""


def rich_imports(tavoitteet: Command, env: dict[str, str], scratch: Path) -> str:
    """How many rich modules a cold status, list, show, validate and record import (``-X importtime``)."""
    commands = {
        "status": ["status", "2024"],
        "list": ["list", "2024"],
        "show": ["show", SHOWN, "--year", "2024"],
        "validate": ["validate"],
        "record": ["record", RECORDED, "62", "--date", "2.12.2024", "--data", str(scratch)],
    }
    counts = []
    for name, args in commands.items():
        command = [tavoitteet[0], "-X", "importtime", *tavoitteet[1:], *args]
        done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=False)
        modules = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line]
        counts.append(f"{name} {sum(1 for m in modules if m == 'rich' or m.startswith('rich.'))}")
    return "rich modules imported from a cold start: " + ", ".join(counts) + " (target: 0 each)"


def throughput(
    tavoitteet: Command, sizes: Sequence[int], root: Path, env: dict[str, str], runs: int
) -> tuple[list[str], dict[int, Path]]:
    """validate against check-jsonschema on the same generated files.

    Each of our rows is the fastest of ``runs`` runs: on a shared machine another
    tenant's load slows a run, never speeds one up.  check-jsonschema, minutes
    long at the large size, runs once.
    """
    checker = tool("check-jsonschema")
    lines, corpora = [], {}
    rates = []
    for size in sizes:
        folder = root / f"corpus-{size}"
        if not (folder / "data").exists():
            generate(folder, size)
        corpora[size] = folder
        files = sorted(str(p.relative_to(folder)) for p in (folder / "data").rglob("*.yaml"))
        cold = {**env, "TAVOITTEET_NO_CACHE": "1"}
        ours = min(measure([*tavoitteet, "validate", "data"], folder, cold)["seconds"] for _ in range(runs))
        rates.append(size / ours)
        line = f"{size} files: validate {ours:.2f} s = {size / ours:.0f} files/s (no cache; target >= 4000)"
        if checker is None:
            line += "; check-jsonschema not installed (pip install -e '.[bench]')"
        else:
            theirs = sum(
                measure([*checker, "--schemafile", str(SCHEMA), *batch], folder, env)["seconds"]
                for batch in _batches(files, 4000)
            )
            line += (
                f"; check-jsonschema {theirs:.2f} s; validate is {theirs / ours:.1f}x faster (target >= 30x)"
            )
        lines.append(line)
        lines.append(_validate_by_processes(tavoitteet, size, folder, cold, runs))
    if len(rates) == 2:
        lines.append(
            f"growth: files/s at {sizes[1]} files is {rates[1] / rates[0]:.2f} of that at {sizes[0]} "
            "(1.00 = linear cost; above 1, start-up is still a visible share at the small size)"
        )
    return lines, corpora


def _validate_by_processes(
    tavoitteet: Command, size: int, folder: Path, env: dict[str, str], runs: int
) -> str:
    """Issue 19: validate in one process (one core's rate) and in two workers ("on 2 cores"), no cache."""
    rates = []
    for jobs in ("1", "2"):
        command = [*tavoitteet, "validate", "data"]
        seconds = min(
            measure(command, folder, {**env, "TAVOITTEET_JOBS": jobs})["seconds"] for _ in range(runs)
        )
        rates.append(f"{size / seconds:.0f} files/s ({seconds:.2f} s)")
    return (
        f"{size} files: validate in one process {rates[0]}; in two worker processes {rates[1]} "
        f"(target on 2 cores >= 4000 files/s; {load()})"
    )


def _batches(items: list[str], size: int) -> list[list[str]]:
    """Split a long file list as xargs would, so that command lines stay within the system's limit."""
    return [items[i : i + size] for i in range(0, len(items), size)]


def large_runs(tavoitteet: Command, corpora: dict[int, Path], env: dict[str, str]) -> list[str]:
    """status (without and with its cache) and report over each corpus: time and peak memory."""
    cold = {**env, "TAVOITTEET_NO_CACHE": "1"}
    cases = (
        ("status", [], cold, "no cache", "at the large size <= 5 s, <= 150 MB"),
        ("status", [], env, "cache warm", ""),
        ("report", ["--format", "md"], env, "", ""),
        ("report", ["--format", "html"], env, "html", "at the large size <= 200 MB"),
    )
    lines = []
    for name, extra, case_env, note, target in cases:
        if not has_command(tavoitteet, name, env):
            lines.append(f"{name}: skipped, the command does not exist yet")
            continue
        results = {}
        for size, folder in corpora.items():
            command = [*tavoitteet, name, "2024", *extra, "--data", str(folder / "data")]
            if note == "cache warm":
                measure(command, folder, case_env)
            result = results[size] = measure(command, folder, case_env)
            goal = f" [target {target}]" if target else ""
            lines.append(
                f"{name} 2024{f' ({note})' if note else ''} over {size} files ({size // 10} in 2024){goal}: "
                f"{result['seconds']:.2f} s, peak memory {result['peak_mb']:.0f} MB, exit {int(result['code'])}"
            )
        lines.append(linearity(f"{name} 2024{f' ({note})' if note else ''}", results))
    return lines


def linearity(case: str, results: dict[int, dict[str, float]]) -> str:
    """How the cost grows from the small corpus to the large: linear when each ratio is at most the
    ratio of files (the start-up, the same at both sizes, keeps the time's ratio below it)."""
    small, large = min(results), max(results)
    files = large / small
    seconds = results[large]["seconds"] / results[small]["seconds"]
    memory = results[large]["peak_mb"] / results[small]["peak_mb"]
    return (
        f"{case} growth from {small} to {large} files (x{files:.0f}): time x{seconds:.1f}, "
        f"peak memory x{memory:.1f} [target linear: each <= x{files:.0f}]"
    )


def site_runs(tavoitteet: Command, corpora: dict[int, Path], env: dict[str, str], scratch: Path) -> list[str]:
    """``site`` over the largest corpus of at most 2,000 files: a full build, then one file changed."""
    if not has_command(tavoitteet, "site", env):
        return ["site: skipped, the command does not exist yet"]
    size = max((s for s in corpora if s <= 2000), default=min(corpora))
    data = corpora[size] / "data"
    lines = []
    for languages in ("fi", "fi,sv,en"):
        out = scratch / f"site-{size}-{languages.replace(',', '-')}"
        shutil.rmtree(out, ignore_errors=True)
        command = [*tavoitteet, "site", "-o", str(out), "--data", str(data), "--languages", languages]
        command += ["--as-of", "1.12.2026"]
        changed = sorted(data.rglob("*.yaml"))[size // 2]
        own = {**env, "TAVOITTEET_CACHE_DIR": str(scratch / f"site-cache-{languages}")}  # a cold first build
        original = changed.read_bytes()
        try:
            for label in ("full build", "rebuild after one changed file"):
                if label != "full build":
                    changed.write_bytes(original.replace(b"kirjaaja:", b"kirjaaja: ", 1) + b"# muutettu\n")
                result = measure(command, corpora[size], own)
                done = json.loads((out / ".tavoitteet-sivusto.json").read_text(encoding="utf-8"))["viimeksi"]
                target = "<= 60 s, 500 MB" if label == "full build" else "<= 5 s"
                evaluated = (
                    f", {done['arvioitu']} goal files evaluated" if "arvioitu" in done else ""
                )  # issue 19
                lines.append(
                    f"site --languages {languages} over {size} files, {label}: {result['seconds']:.2f} s, "
                    f"peak memory {result['peak_mb']:.0f} MB, {done['kirjoitettu']} files written "
                    f"({done['ennallaan']} unchanged){evaluated}, exit {int(result['code'])} (target {target})"
                )
        finally:
            changed.write_bytes(original)
        shutil.rmtree(out, ignore_errors=True)
    return lines


def main(argv: list[str] | None = None) -> None:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:2] == ["--measure-one", "--"]:
        _measure_one(arguments[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="CI-sized: 100 and 1,000 files")
    parser.add_argument("--sizes", type=int, nargs=2, metavar=("SMALL", "LARGE"), help="corpus sizes")
    parser.add_argument("--corpus-dir", type=Path, help="keep generated corpora here and reuse them")
    parser.add_argument("--runs", type=int, help="start-up runs per command (default 7 quick, 15 full)")
    parser.add_argument(
        "--no-site",
        action="store_true",
        help="run python -S with site-packages on PYTHONPATH, bare and tavoitteet alike: leaves out the "
        ".pth start-up hooks some machines add to every interpreter",
    )
    args = parser.parse_args(arguments)
    sizes = args.sizes or ((100, 1000) if args.quick else (2000, 20000))
    env = {**os.environ, "NO_COLOR": "1", "TAVOITTEET_LANG": "fi"}
    env.pop("TAVOITTEET_DATA", None)
    python = [sys.executable]
    tavoitteet = tool("tavoitteet") or [sys.executable, "-m", "tavoitteet"]
    if args.no_site:
        import site

        python = [sys.executable, "-S"]
        tavoitteet = [*python, "-m", "tavoitteet"]
        # the folder tavoitteet is imported from: an editable install names it in a .pth file, which -S skips
        spec = importlib.util.find_spec("tavoitteet")
        package = Path(spec.origin).parent.parent if spec is not None and spec.origin else REPO / "src"
        paths = [env.get("PYTHONPATH", ""), str(package), *site.getsitepackages()]
        env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    with tempfile.TemporaryDirectory(prefix="tavoitteet-bench-") as scratch:
        root = args.corpus_dir or Path(scratch)
        root.mkdir(parents=True, exist_ok=True)
        env["TAVOITTEET_CACHE_DIR"] = str(Path(scratch) / "cache")
        print(f"# tavoitteet benchmarks ({'quick' if args.quick else 'full'}), {sys.version.split()[0]}")
        print(f"# {os.cpu_count()} cores; ratios are measured in this run; {load()}\n")
        print("## Start-up (this repository's data)")
        print(compile_package())
        print(
            "\n".join(
                startup(
                    tavoitteet, args.runs or (7 if args.quick else 15), env, Path(scratch) / "cache", python
                )
            ),
            flush=True,
        )
        print("\n## Throughput: validate against check-jsonschema on the same files")
        lines, corpora = throughput(tavoitteet, sizes, root, env, 3)
        print("\n".join(lines), flush=True)
        print("\n## status and report over the corpora")
        print("\n".join(large_runs(tavoitteet, corpora, env)), flush=True)
        print("\n## site over the corpus")
        print("\n".join(site_runs(tavoitteet, corpora, env, Path(scratch))))
        print(f"\n# at the end: {load()}")


if __name__ == "__main__":
    main()
