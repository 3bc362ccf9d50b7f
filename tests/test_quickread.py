"""validate's quick reader gives the full reader's result: the same data, and the same problems with their lines.

The quick reader (``files/quickread.py``) reads the plain shape of most goal
files without the positions of their nodes and gives up on anything else; a
file that has any problem is read again by the full reader.  These tests hold
it to that: whatever it accepts, the full reader reads into the same data, and
for any file, valid or broken, loading it the quick way gives exactly the
problems (code, message, arguments, line, column) and the model of loading it
the full way.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tavoitteet.files import loader, quickread
from tavoitteet.files.yamlread import parse_bytes

from conftest import invoke

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from generate_corpus import goal_file_text  # noqa: E402 - the benchmark's generator

FILE = Path("data/2024/hyvinvointilautakunta.yaml")
PARITY = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)

FEATURES = """\
# A file of every shape the quick reader reads
muoto: 1
vuosi: 2024
lautakunta: Hyvinvointilautakunta   # a comment after a value
otsikko: 'Hyvinvoinnin ''tavoitteet'' 2024'
lähde: "Lautakunta 1.2.2024 § 5: hyväksytty"
kunta: ~
tyhjä:
huomautukset:
  - >-
    Ensimmäinen rivi
    ja toinen rivi.
  - tavallinen teksti
  - "lainattu: teksti"
  - {id: huom, nimi: Huomautus, arvo: "1 200"}
kirjaimellinen: |
  rivi yksi
  rivi kaksi
taitettu: >
  yksi
  kaksi

tiivis: |-
  a: b
  # ei kommentti
luettelo: [alakoulu, yläkoulu, ~, lukio]
tyhjä_luettelo: []
tyhjä_kartta: {}
sama_sisennys:
- a
- b
tehtäväalueet:
  - id: alue
    nimi: Alue
    tavoitteet:
      -   id: t1
          otsikko: Tavoite
  - id: alue-2
    luokat:
      - a
      -   b
    kello: 1:20
    muutos: -3
    muutokset: [-1, -2,5]
    lista:
      - -1,5
    osoite: https://example.org/#ankkuri
    sävel: C#
"""


def _seeds() -> list[str]:
    seeds = [
        goal_file_text(7, kunta, committee, year) for kunta, committee, year in ((0, 0, 2024), (3, 5, 2019))
    ]
    seeds += [
        (REPO / "data" / "2024" / name).read_text(encoding="utf-8")
        for name in ("hyvinvointilautakunta.yaml",)
    ]
    seeds.append(FEATURES)
    return seeds


SEEDS = _seeds()
SNIPPETS = [
    ": ", ":", " #", "#", "- ", "-", "'", "''", '"', "[", "]", "{", "}", ",", "&a ", "*a", "!x ", "\n", " ",
    "  ", "   ", ">-\n", "|\n", ">\n", "~", "null", "\\n", "\t", "\u00a0", "ä", "a\u0308", "---\n", "...\n",
    "? ", "<<: ", "id: x\n", "id: t0-0\n", "%", "@", "`", "\r\n", "\r", "\x1b", "\u202e", "x: y\n", "- a\n",
    "  - b: c\n", "\n\n", " ]", "{a: 1}", "[a, b]", "a: >-\n  b\n", "kuvaus:", "\ufeff", "é", "\u2028", "\u2003", "\u3000", "\x85", "-3",
]  # fmt: skip

edits = st.lists(
    st.tuples(
        st.sampled_from(["insert", "delete", "indent", "dedent", "duplicate", "swap", "join"]),
        st.floats(min_value=0, max_value=1, allow_nan=False),
        st.integers(min_value=0, max_value=len(SNIPPETS) - 1),
        st.integers(min_value=1, max_value=12),
    ),
    min_size=0,
    max_size=4,
)


def mutate(text: str, changes: list[tuple[str, float, int, int]]) -> str:
    """``text`` with a few edits of the kind a hand (or a hostile hand) makes."""
    for kind, where, snippet, size in changes:
        lines = text.split("\n")
        at = min(int(where * len(text)), len(text))
        line = min(int(where * len(lines)), len(lines) - 1)
        if kind == "insert":
            text = text[:at] + SNIPPETS[snippet] + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + size :]
        elif kind in ("indent", "dedent"):
            lines[line] = " " * (size % 4) + lines[line] if kind == "indent" else lines[line][size % 4 :]
            text = "\n".join(lines)
        elif kind == "duplicate":
            lines.insert(line, lines[line])
            text = "\n".join(lines)
        elif kind == "swap" and line + 1 < len(lines):
            lines[line], lines[line + 1] = lines[line + 1], lines[line]
            text = "\n".join(lines)
        elif kind == "join" and line + 1 < len(lines):
            lines[line : line + 2] = [lines[line] + " " + lines[line + 1].lstrip(" ")]
            text = "\n".join(lines)
    return text


def assert_same_data(raw: bytes) -> bool:
    """Whatever the quick reader accepts, the full reader reads into the same data; True if it accepted."""
    quick = quickread.parse_quick(raw)
    if quick is None:
        return False
    full = parse_bytes(raw, FILE)
    assert full.document is not None, full.problems
    assert quick.data == full.document.data
    assert (quick.text, quick.bom) == (full.document.text, full.document.bom)
    return True


def _problems(loaded: loader.LoadedFile) -> list[tuple[object, ...]]:
    return [(p.file, p.code, p.key, p.args, p.line, p.column, p.path) for p in loaded.problems]


def assert_same_load(raw: bytes, name: str = "hyvinvointilautakunta.yaml", year: str = "2024") -> None:
    """Loading a file the quick way gives the full way's problems and model."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data" / year / name
        path.parent.mkdir(parents=True)
        path.write_bytes(raw)
        quick, full = quickread.load_quick(path), loader.load_file(path)
        assert _problems(quick) == _problems(full)
        assert quick.goal_file == full.goal_file


@pytest.mark.parametrize("seed", range(len(SEEDS)))
def test_the_seeds_are_read_quickly_into_the_full_readers_data(seed: int) -> None:
    assert assert_same_data(SEEDS[seed].encode("utf-8"))


def test_every_generated_corpus_file_is_read_quickly_into_the_same_data() -> None:
    for kunta in range(6):
        for committee in range(8):
            for year in (2015, 2020, 2024):
                raw = goal_file_text(7, kunta, committee, year).encode("utf-8")
                assert assert_same_data(raw), (kunta, committee, year)


def test_every_goal_file_of_the_repository_reads_the_same_or_is_left_to_the_full_reader() -> None:
    accepted = 0
    for path in sorted(
        [*REPO.glob("data/*/*.yaml"), *REPO.glob("examples/*/*.yaml"), *REPO.glob("tests/**/*.yaml")]
    ):
        if path.is_file() and not path.is_symlink():
            accepted += assert_same_data(path.read_bytes())
    assert accepted >= 10


@PARITY
@given(st.sampled_from(range(len(SEEDS))), edits)
def test_whatever_the_quick_reader_accepts_the_full_reader_reads_the_same(
    seed: int, changes: list[tuple[str, float, int, int]]
) -> None:
    assert_same_data(mutate(SEEDS[seed], changes).encode("utf-8"))


@PARITY
@given(st.sampled_from(range(len(SEEDS))), edits, st.booleans(), st.booleans())
def test_a_valid_or_broken_file_gives_the_same_problems_and_lines_either_way(
    seed: int, changes: list[tuple[str, float, int, int]], bom: bool, crlf: bool
) -> None:
    text = mutate(SEEDS[seed], changes)
    if crlf:
        text = text.replace("\n", "\r\n")
    assert_same_load((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("id: t0-1\n", "id: t0-0\n"),  # a duplicate id: the checks find it, with the lines of both
        ("vuosi: 2024", "vuosi: 2023"),  # the year of another folder
        ("tyyppi: luku", "tyyppi: lukuja"),  # a model's refusal
        ("muoto: 1\n", "muoto: 1\nmuoto: 2\n"),  # a duplicate key: the full reader's refusal
        ("muoto: 1\n", "muoto: &a 1\n"),  # an anchor
        ("muoto: 1\n", "muoto: !!int 1\n"),  # a tag
        ("muoto: 1\n", 'muoto: "\\e[2J"\n'),  # an escape making a control character
        ("muoto: 1\n", "muoto: 1\n\tx: 2\n"),  # a tab in the indentation
    ],
)
def test_each_kind_of_problem_is_the_full_readers_own(old: str, new: str) -> None:
    seed = SEEDS[0]
    assert old in seed
    broken = seed.replace(old, new, 1).encode("utf-8")
    assert_same_load(broken)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data" / "2024" / "hyvinvointilautakunta.yaml"
        path.parent.mkdir(parents=True)
        path.write_bytes(broken)
        problems = quickread.load_quick(path).problems
        assert problems and all(p.line > 1 for p in problems if p.key != "check.year_mismatch")


def test_a_file_name_of_the_wrong_shape_and_a_settings_file_are_loaded_the_full_way() -> None:
    raw = SEEDS[0].encode("utf-8")
    assert_same_load(raw, name="Iso Nimi.yaml")
    assert_same_load(b"kunta: Esimerkkil\xc3\xa4\n", name="tavoitteet.yaml", year="")
    assert_same_load(b"kunta: [1, 2]\n", name="tavoitteet.yaml", year="")


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="links are refused by rawread without O_NOFOLLOW")
def test_links_fifos_and_folders_are_left_to_the_reader_that_words_them(tmp_path: Path) -> None:
    target = tmp_path / "oikea.yaml"
    target.write_text(SEEDS[0], encoding="utf-8")
    link = tmp_path / "linkki.yaml"
    link.symlink_to(target)
    fifo = tmp_path / "putki.yaml"
    os.mkfifo(fifo)
    folder = tmp_path / "kansio.yaml"
    folder.mkdir()
    for path in (link, fifo, folder, tmp_path / "puuttuu.yaml"):
        assert quickread.read_bytes(path) is None
        assert _problems(quickread.load_quick(path)) == _problems(loader.load_file(path))
        assert quickread.load_quick(path).problems


def test_validate_prints_the_same_with_the_quick_reader_and_one_worker_or_two(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole command over valid and broken files: the same text and exit code in one process or in workers."""
    data = tmp_path / "data" / "2024"
    data.mkdir(parents=True)
    for index in range(240):
        text = goal_file_text(7, index, index % 8, 2024)
        if index % 40 == 3:
            text = text.replace("tyyppi:", "tyypi:", 1)
        if index % 40 == 7:
            text = text.replace("id: t0-1\n", "id: t0-0\n", 1)
        (data / f"kunta-{index:03d}.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("TAVOITTEET_NO_CACHE", "1")
    outputs = []
    for jobs in ("1", "2"):
        monkeypatch.setenv("TAVOITTEET_JOBS", jobs)
        outputs.append(invoke(["validate", str(tmp_path / "data")]))
    monkeypatch.setattr(quickread, "parse_quick", lambda raw: None)  # the full reader for every file
    monkeypatch.setenv("TAVOITTEET_JOBS", "1")
    outputs.append(invoke(["validate", str(tmp_path / "data")]))
    assert outputs[0] == outputs[1] == outputs[2]
    code, out, _err = outputs[0]
    assert code == 1 and out.count(": virhe T030:") == 6 and out.count(": virhe T021:") == 6
    assert "kunta-007.yaml:61:13: virhe T030: tunnus 't0-0' on käytössä jo rivillä 31" in out


TREE_NAMES = ["2024", "2024.yaml", "a", "a b", "a-b.yaml", "a.yaml", "B.yml", "b", "ä.yaml", "ab.yaml"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 2), st.sampled_from(TREE_NAMES)), max_size=25))
def test_any_folder_tree_is_listed_in_sorted_order(tmp_path: Path, entries: list[tuple[int, str]]) -> None:
    """validate lists a tree folder by folder, never sorting the paths: the order must still be sorted()'s."""
    from tavoitteet.files.discovery import goal_files

    root = tmp_path / f"tree-{len(list(tmp_path.iterdir()))}" / "data"
    root.mkdir(parents=True)
    folders = [root]
    for depth, name in entries:
        parent = folders[min(depth, len(folders) - 1)]
        target = parent / name
        if target.exists():
            continue
        if name.endswith((".yaml", ".yml")):
            target.write_text("", encoding="utf-8")
        else:
            target.mkdir()
            folders.append(target)
    listed = goal_files([root])
    assert listed == sorted(listed)
    assert set(listed) == {p for p in root.rglob("*") if p.is_file()}


def test_a_folder_tree_is_listed_in_sorted_order(tmp_path: Path) -> None:
    from tavoitteet.files.discovery import goal_files

    for name in (
        "2024/a-b.yaml",
        "2024/a.yaml",
        "2024-x/a.yaml",
        "2024/A.yaml",
        "2023/ä.yaml",
        "2024/a/b.yaml",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("a: 1\n", encoding="utf-8")
    found = goal_files([tmp_path])
    assert found == sorted(found) and len(found) == 6


def test_the_key_class_is_exactly_the_word_characters_below_u0100() -> None:
    import re

    latin_word = re.compile(f"[{quickread._LATIN_WORD}]")
    for code in range(0x100):
        char = chr(code)
        assert bool(latin_word.fullmatch(char)) == bool(re.fullmatch(r"\w", char)), hex(code)


def test_latin1_text_is_always_nfc_so_the_quick_reader_leaves_it_as_it_is() -> None:
    import unicodedata

    latin = [chr(code) for code in range(0x100)]
    assert all(unicodedata.is_normalized("NFC", a + b) for a in latin for b in latin)


def test_a_key_with_a_letter_above_u00ff_is_left_to_the_full_reader() -> None:
    raw = SEEDS[0].replace("lautakunta:", "lautakuntač:", 1).encode("utf-8")
    assert quickread.parse_quick(raw) is None
    assert_same_load(raw)


def test_a_file_of_more_lines_than_the_node_limit_allows_is_left_to_the_full_reader_unread() -> None:
    lines = quickread._NODE_LIMIT // 3
    assert quickread.parse_quick(b"x:\n" + b"  - a\n" * lines) is None
    small = quickread.parse_quick(b"x:\n" + b"  - a\n" * 1000)
    assert small is not None
    assert small.data == {"x": ["a"] * 1000}
