"""Whatever bytes arrive, the loader answers with located problems: no exception, no hang, bounded memory."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tavoitteet.core.problems import Problem
from tavoitteet.files.loader import validate_document
from tavoitteet.files.yamlread import MAX_BYTES, parse_bytes
from tavoitteet.words.problem_messages import hint, message

FILE = Path("data/2024/hyvinvointilautakunta.yaml")
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
# Keys and values from the file format, so that generated text reaches the models and checks.
KEYS = [
    "muoto", "vuosi", "lautakunta", "tehtäväalueet", "tavoitteet", "mittarit", "teot", "id", "nimi",
    "otsikko", "tyyppi", "tavoitetaso", "tavoite", "vähintään", "enintään", "yli", "alle", "tasan",
    "toteuma", "pvm", "arvo", "puuttuu", "luokat", "suunta", "vertailuvuosi", "määräpäivä", "ehto",
    "strategiakärjet", "strategiakärki", "arviointisääntö", "tapa", "osuus_prosenttia", "kuvaus",
]  # fmt: skip
WORDS = [
    "1", "2024", "kyllä", "ei", "luku", "kyllä/ei", "luokittain", "kehitys", "määräaika", "seuranta",
    "laadullinen", "1 234,5", "10.10.2023", "2023-02-30", "ei sovellu", "kasvu", "osuus", "x", "",
    "~", "null", "Ä-ö", "-1", "1.234", "a-b", "ÄÖ ääkköset", "yes", "0,5",
]  # fmt: skip


def check(raw: bytes) -> list[Problem]:
    """Parse and validate ``raw`` as the loader does; return every problem."""
    result = parse_bytes(raw, FILE)
    problems = list(result.problems)
    if result.document is not None:
        problems += validate_document(result.document, FILE).problems
    return problems


def assert_located(problems: list[Problem]) -> None:
    for problem in problems:
        assert problem.file == FILE
        assert problem.line >= 1 and problem.column >= 1, problem
        for lang in ("fi", "en"):
            assert message(problem.key, lang, problem.args)
            hint(problem.key, lang, problem.args)


@FUZZ
@given(st.binary(max_size=4000))
def test_arbitrary_bytes_become_located_problems(raw: bytes) -> None:
    assert_located(check(raw))


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("ab-:#&*!?|>'\"{}[],.~ \n\t\r\u00a0äö1\\%@`")), max_size=400))
def test_yaml_punctuation_soup_becomes_located_problems(text: str) -> None:
    assert_located(check(text.encode("utf-8")))


def _documents() -> st.SearchStrategy[Any]:
    scalars = st.sampled_from(WORDS) | st.text(max_size=12)
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=6),
        max_leaves=40,
    )


@FUZZ
@given(st.dictionaries(st.sampled_from(KEYS), _documents(), max_size=8), st.sampled_from(["block", "flow"]))
def test_yaml_shaped_documents_become_located_problems(data: dict[str, Any], style: str) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=style == "flow")
    assert_located(check(text.encode("utf-8")))


@FUZZ
@given(st.data())
def test_mutations_of_a_real_goal_file_become_located_problems(data: st.DataObject) -> None:
    raw = bytearray((Path(__file__).resolve().parent.parent / "data" / "2024" / FILE.name).read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw) - 1))
        cut = data.draw(st.integers(0, 30))
        insert = data.draw(
            st.sampled_from([b"", b":", b"- ", b"\n", b"  ", b"&a ", b"*a", b"!x ", b"{", b"]"])
        )
        raw[at : at + cut] = insert
    assert_located(check(bytes(raw)))


HOSTILE = {
    "alias bomb": "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ),
    "nested brackets": "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "nested mappings": "".join(" " * i + f"k{i}:\n" for i in range(1000)),
    "huge flow mapping": "{" + ", ".join(f"k{i}: v" for i in range(150_000)) + "}\n",
    "1.9 MB of keys": "".join(f"avain_{i:06d}_{'x' * 20}: 1\n" for i in range(50_000)),
    "1.9 MB of keys, node limit": "".join(f"k{i}: v\n" for i in range(190_000))[:1_900_000],
    "long scalar": "a: " + "ä" * 900_000 + "\n",
    "too large": "a: " + "x" * (MAX_BYTES + 10) + "\n",
}

_PROBE = textwrap.dedent(
    """
    import json, resource, sys, time
    from pathlib import Path
    from tavoitteet.files.loader import validate_document
    from tavoitteet.files.yamlread import parse_bytes

    raw = Path(sys.argv[1]).read_bytes()
    start = time.perf_counter()
    result = parse_bytes(raw, Path("data/2024/x.yaml"))
    problems = list(result.problems)
    if result.document is not None:
        problems += validate_document(result.document, Path("data/2024/x.yaml")).problems
    seconds = time.perf_counter() - start
    # ru_maxrss keeps the peak of the forked parent across exec (pytest may be large);
    # VmHWM belongs to this program's own memory map, so it starts afresh at exec.
    status = Path("/proc/self/status")
    hwm = [line for line in status.read_text().splitlines() if line.startswith("VmHWM:")] if status.exists() else []
    if hwm:
        peak = int(hwm[0].split()[1]) * 1024
    else:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    print(json.dumps({"seconds": seconds, "peak_mb": peak / 1e6,
                      "problems": [[p.code.value, p.line, p.column] for p in problems]}))
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="resource is POSIX only")
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_refused_within_200_megabytes(name: str, tmp_path: Path) -> None:
    source = tmp_path / "hostile.yaml"
    source.write_text(HOSTILE[name], encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(source)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    result = json.loads(done.stdout)
    assert result["peak_mb"] < 200, result["peak_mb"]
    assert result["problems"], "hostile input must be refused with a problem"
    assert all(line >= 1 and column >= 1 for _, line, column in result["problems"])
