"""Fuzz the loader for a while: random and mutated goal files must give located problems only.

    python benchmarks/fuzz_loader.py --seconds 60 [--seed 1]

Each round takes a real or generated goal file, mutates its bytes (cut,
duplicate, insert YAML punctuation, flip bytes) or makes random bytes, and runs
``yamlread.parse_bytes`` + ``loader.validate_document``.  A round fails if it
raises, takes over one second, or returns a problem without a line and column;
the input is then saved next to the current folder as ``fuzz-failure-N.yaml``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import goal_file_text

from tavoitteet.loader import validate_document
from tavoitteet.yamlread import parse_bytes

FILE = Path("data/2024/fuzz.yaml")
PIECES = [b":", b"- ", b"\n", b"  ", b"\t", b"&a ", b"*a", b"!t ", b"<<: ", b"{", b"}", b"[", b"]", b"---\n"]
PIECES += [b"~", b"? ", b"'", b'"', b"\xc3", b"\xef\xbb\xbf", b"\r\n", b"\x00", b"\xe4", b"#", b"|", b">-"]


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


def one_round(raw: bytes) -> str | None:
    """None when the loader behaved; otherwise what went wrong."""
    start = time.perf_counter()
    try:
        result = parse_bytes(raw, FILE)
        problems = list(result.problems)
        if result.document is not None:
            problems += validate_document(result.document, FILE).problems
    except Exception:
        return traceback.format_exc()
    if time.perf_counter() - start > 1.0:
        return f"took {time.perf_counter() - start:.2f} s"
    unlocated = [p for p in problems if p.line < 1 or p.column < 1]
    return f"problem without a position: {unlocated[0]}" if unlocated else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    real = Path(__file__).resolve().parent.parent / "data" / "2024" / "hyvinvointilautakunta.yaml"
    seeds = [real.read_bytes()] + [
        goal_file_text(args.seed, k, c, 2024).encode() for k, c in ((0, 0), (5, 3))
    ]
    rounds = failures = 0
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        raw = bytes(rng.randrange(256) for _ in range(rng.randint(0, 300))) if rng.random() < 0.1 else b""
        raw = raw or mutate(rng.choice(seeds), rng)
        rounds += 1
        if (failure := one_round(raw)) is not None:
            failures += 1
            saved = Path(f"fuzz-failure-{failures}.yaml")
            saved.write_bytes(raw)
            print(f"FAIL ({saved}): {failure}", file=sys.stderr)
    print(f"{rounds} rounds in {args.seconds:.0f} s, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
