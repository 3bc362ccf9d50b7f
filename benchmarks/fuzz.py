"""Fuzz what reads user input for a while: the loader, the views and record over it, record's value parser and import.

    python benchmarks/fuzz.py --seconds 60 [--target loader|views|record|import|all] [--seed 1]

Each round mutates a real input (cut, duplicate, insert punctuation, flip
bytes; for the views, replace values with hostile ones) or makes random
bytes, and feeds it to one reader:

* ``loader``: a goal file to ``yamlread.parse_bytes`` + ``loader.validate_document``;
  every problem must have a line and a column.
* ``views``: a goal file that the loader accepts without a problem goes on to
  every view and report (``status``, ``list``, ``show``, Markdown, CSV in both
  dialects, JSON, HTML) and to ``record``'s write plan for two of its
  indicators: nothing may raise, no control character may reach the output,
  and a planned write must load cleanly (issue 12: no view crashes on what
  ``validate`` accepts, and no text from a file is markup).
* ``record``: what a user types to ``recordvalue.parse_record_value`` for an
  indicator of each kind; a value it accepts must read back as the same value.
* ``import``: a table file (text, CSV, .xlsx, .docx) to ``readers.read_sheet`` and
  the column and row reading; a refusal must be a ``ReadError`` or ``ColumnProblem``.

A round fails if it raises anything else, takes over one second, or breaks the
rule above; the input is then saved in the current folder as ``fuzz-failure-N.*``.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import goal_file_text

from tavoitteet.commands import terminal
from tavoitteet.commands.recordvalue import RecordValueError, parse_record_value
from tavoitteet.core.evaluation import evaluate_year
from tavoitteet.core.model import GoalFile, IndicatorBase
from tavoitteet.core.values import parse_value
from tavoitteet.files.loader import validate_document
from tavoitteet.files.writer import NewEntry, WriteRefused, plan
from tavoitteet.files.yamlread import parse_bytes
from tavoitteet.importing.columns import ColumnProblem, locate
from tavoitteet.importing.readers import ReadError, read_sheet
from tavoitteet.importing.table import Options, build
from tavoitteet.render import styled
from tavoitteet.render.json_views import status_json
from tavoitteet.render.report_csv import CsvDialect, render_csv
from tavoitteet.render.report_html import render_html
from tavoitteet.render.report_md import render_markdown
from tavoitteet.render.show import find, show_view
from tavoitteet.render.status import list_view, status_view

REPO = Path(__file__).resolve().parent.parent
FILE = Path("data/2024/fuzz.yaml")
PIECES = [b":", b"- ", b"\n", b"  ", b"\t", b"&a ", b"*a", b"!t ", b"<<: ", b"{", b"}", b"[", b"]", b"---\n"]
PIECES += [b"~", b"? ", b"'", b'"', b"\xc3", b"\xef\xbb\xbf", b"\r\n", b"\x00", b"\xe4", b"#", b"|", b">-"]
PIECES += [b";", b",", b"=", b"PK\x03\x04", b"1 234,5", b"31.12.2024", b"ei sovellu", b"kyll\xc3\xa4"]
PIECES += [b"[/]", b"[b]", b"[huom]", b'"\\e[2J"', b"\\a", b"\\u202e", b"9" * 20, b"0,0000001", b"1.11.2204"]
PIECES += [b"-", b"999999999999999", b"u\xcc\x88", b"@", b"+"]
TYPED = ["kyllä", "ei", "12", "1 234,5", "-3", "15.11.2024", "2024-11-15", "ei sovellu", "lapset=1 nuoret=2"]


VALUES = [
    "[/]",
    "[b]x" * 50,
    "[huom]",
    '"\\e[2J"',
    '"\\a"',
    '"\\u202e"',
    '"x\\n::error::y"',
    "9" * 17,
    "9" * 16,
]
VALUES += ["-3", "0,000001", "-0,000001", "1.11.2204", "31.12.9999", "1.1.1900", "999 999 999 999 999,999999"]
VALUES += ["=1+1", "@x", '"\\t=1"', "Lapset", "ü", "u\u0308", "kyllä", "ei", "ei sovellu", "", "~"]


@dataclass(frozen=True)
class Target:
    seeds: list[bytes]
    check: Callable[[bytes, random.Random], str | None]
    suffix: str
    mutator: Callable[[bytes, random.Random], bytes] | None = None


def mutate_values(raw: bytes, rng: random.Random) -> bytes:
    """Keep the structure, change the values: most results stay valid, so the views see hostile texts."""
    lines = raw.decode("utf-8").split("\n")
    valued = [n for n, line in enumerate(lines) if ": " in line and not line.lstrip().startswith("#")]
    for _ in range(rng.randint(1, 4)):
        n = rng.choice(valued)
        key, _, value = lines[n].partition(": ")
        piece = rng.choice(VALUES)
        if rng.random() < 0.5 and not value.startswith(('"', "'", ">", "|")):
            piece = f"{value} {piece}" if not piece.startswith('"') else piece
        lines[n] = f"{key}: {piece}"
    return "\n".join(lines).encode("utf-8")


def mutate(raw: bytes, rng: random.Random) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(data) or 1)
        choice = rng.random()
        if choice < 0.35:
            data[at:at] = rng.choice(PIECES)
        elif choice < 0.6:
            del data[at : at + rng.randint(1, 40)]
        elif choice < 0.85:
            start = rng.randrange(len(data) or 1)
            data[at:at] = data[start : start + rng.randint(1, 200)]
        elif data:
            data[at % len(data)] = rng.randrange(256)
    return bytes(data)


def check_loader(raw: bytes, _rng: random.Random) -> str | None:
    result = parse_bytes(raw, FILE)
    problems = list(result.problems)
    if result.document is not None:
        problems += validate_document(result.document, FILE).problems
    unlocated = [p for p in problems if p.line < 1 or p.column < 1]
    return f"problem without a position: {unlocated[0]}" if unlocated else None


def _indicators() -> list[IndicatorBase]:
    """An indicator of every kind, from generated goal files."""
    found: list[IndicatorBase] = []
    for kunta, committee in ((0, 0), (5, 3), (11, 6)):
        parsed = parse_bytes(goal_file_text(1, kunta, committee, 2024).encode(), FILE)
        assert parsed.document is not None
        loaded = validate_document(parsed.document, FILE).goal_file
        assert isinstance(loaded, GoalFile)
        found += list(loaded.indicators())
    return found


INDICATORS = _indicators()


UNSAFE_OUTPUT = re.compile("[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""what no view may print (ESC starts rich's own colour codes and is left to the colour-free console)"""
AS_OF = date(2024, 12, 31)


def views_of(goal_file: GoalFile, rng: random.Random, every: bool = True) -> list[str]:
    """The views and reports of the file as text, laid out as the commands lay them out.

    ``status`` always; with ``every`` also ``list``, ``show`` of one goal and every report.
    """
    result = evaluate_year([goal_file], goal_file.year, AS_OF)
    output = terminal.console(io.StringIO())
    output.width = rng.choice([60, 100, 140])
    texts = [_same_both_ways(output, status_view(result, "fi", output.width))]
    if not every:
        return texts
    texts.append(_same_both_ways(output, list_view(result, "en")))
    goal = rng.choice([g.goal.id for f in result.files for a in f.areas for g in a.goals])
    texts.append(_same_both_ways(output, show_view(find(result, goal)[0], "fi")))
    texts += [render_markdown(result, "fi"), render_html(result, "sv", [])]
    texts += [render_csv(result, dialect, "fi") for dialect in CsvDialect]
    texts.append(status_json(result, "en", {}))
    return texts


def _same_both_ways(output: Any, items: Any) -> str:
    """The view through rich, which the view written without rich (issue 19) must equal byte for byte."""
    text = terminal.rendered(output, items)
    try:
        ours = styled.render(items, output.width, False, False, False)
    except styled.NeedsRich:  # what the views leave to rich
        return text
    if ours != text:
        raise AssertionError("the view written without rich differs from rich's")
    return text


def check_views(raw: bytes, rng: random.Random) -> str | None:
    parsed = parse_bytes(raw, FILE)
    if parsed.document is None:
        return None
    loaded = validate_document(parsed.document, FILE)
    if loaded.goal_file is None or loaded.problems:
        return None  # only what validate accepts must show in every view
    for text in views_of(loaded.goal_file, rng):
        if found := UNSAFE_OUTPUT.search(text.replace("\r\n", "\n")):  # CSV ends its rows so
            return f"a view printed the control character U+{ord(found.group()):04X}"
    indicators = list(loaded.goal_file.indicators())
    for indicator in rng.sample(indicators, min(2, len(indicators))):  # a round stays well under a second
        if (failure := _planned_write(raw, indicator, rng)) is not None:
            return failure
    return None


def _planned_write(raw: bytes, indicator: IndicatorBase, rng: random.Random) -> str | None:
    """``record``'s write of a value it accepts: refused with words, or a file that loads cleanly."""
    try:
        recorded = parse_record_value(indicator, rng.choice(TYPED))  # type: ignore[arg-type]
    except RecordValueError:
        return None
    change = NewEntry(date(2024, 6, rng.randint(1, 30)), recorded.text, comment=rng.choice([None, "[/] x"]))
    try:
        new, written = plan(raw, FILE, indicator.id, [change])
    except WriteRefused as refused:
        return None if refused.describe("fi") else "a refusal without words"
    if written.goal_file is None or parse_bytes(new, FILE).document is None:
        return "a planned write that does not load"
    views_of(written.goal_file, rng, every=False)  # the status after the write, as record prints it
    return None


def check_record(raw: bytes, rng: random.Random) -> str | None:
    indicator = rng.choice(INDICATORS)
    typed = raw.decode("utf-8", "replace")
    try:
        recorded = parse_record_value(indicator, typed)  # type: ignore[arg-type]
    except RecordValueError as refused:
        return None if refused.describe("fi") and refused.describe("en") else "a refusal without words"
    if parse_value(indicator, recorded.text) != recorded.value:  # type: ignore[arg-type]
        return f"{typed!r} for {indicator.kind} does not read back as {recorded.value!r}"
    return None


def check_import(raw: bytes, rng: random.Random) -> str | None:
    suffix = rng.choice([".txt", ".csv", ".xlsx", ".docx"])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"taulukko{suffix}"
        path.write_bytes(raw)
        try:
            build(locate(read_sheet(path), {}), Options(committee="Lautakunta", year=2021))
        except (ReadError, ColumnProblem):
            return None
    return None


def targets() -> dict[str, Target]:
    goal_files = [(REPO / "data" / "2024" / "hyvinvointilautakunta.yaml").read_bytes()]
    goal_files += [goal_file_text(1, k, c, 2024).encode() for k, c in ((0, 0), (5, 3))]
    tables = [(REPO / "tests" / "fixtures" / "seeds" / "002_4114f626f75a2ce6.txt").read_bytes()]
    return {
        "loader": Target(goal_files, check_loader, ".yaml"),
        "views": Target(goal_files, check_views, ".yaml", mutate_values),
        "record": Target([t.encode() for t in TYPED], check_record, ".txt"),
        "import": Target(tables, check_import, ".txt"),
    }


def one_round(target: Target, raw: bytes, rng: random.Random) -> str | None:
    """None when the reader behaved; otherwise what went wrong."""
    start = time.perf_counter()
    try:
        failure = target.check(raw, rng)
    except Exception:
        return traceback.format_exc()
    seconds = time.perf_counter() - start
    return failure or (f"took {seconds:.2f} s" if seconds > 1.0 else None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--target", choices=["loader", "views", "record", "import", "all"], default="all")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    available = targets()
    chosen = list(available) if args.target == "all" else [args.target]
    rounds = dict.fromkeys(chosen, 0)
    failures = 0
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        name = chosen[sum(rounds.values()) % len(chosen)]
        target = available[name]
        raw = bytes(rng.randrange(256) for _ in range(rng.randint(0, 300))) if rng.random() < 0.1 else b""
        raw = raw or (target.mutator or mutate)(rng.choice(target.seeds), rng)
        rounds[name] += 1
        if (failure := one_round(target, raw, rng)) is not None:
            failures += 1
            saved = Path(f"fuzz-failure-{failures}{target.suffix}")
            saved.write_bytes(raw)
            print(f"FAIL {name} ({saved}): {failure}", file=sys.stderr)
    counts = ", ".join(f"{name} {count}" for name, count in rounds.items())
    print(f"{sum(rounds.values())} rounds in {args.seconds:.0f} s ({counts}), {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
