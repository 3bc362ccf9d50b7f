"""The YAML reader is the security boundary: hostile and careless input becomes located problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tavoitteet.core.problems import Code
from tavoitteet.files.yamlread import MAX_BYTES, MAX_DEPTH, parse_bytes, read_file
from tavoitteet.words.problem_messages import message

from conftest import invoke

FILE = Path("data/2024/testi.yaml")


def problems_of(raw: bytes) -> list[tuple[int, int, str, str]]:
    result = parse_bytes(raw, FILE)
    return [(p.line, p.column, p.code.value, message(p.key, "fi", p.args)) for p in result.problems]


def test_plain_data_keeps_every_scalar_as_typed_text() -> None:
    result = parse_bytes(b"a: no\nb: 1:20\nc: 1.10\nd: on\ne: '007'\nf:\ng: ~\n", FILE)
    assert result.document is not None
    assert result.document.data == {
        "a": "no",
        "b": "1:20",
        "c": "1.10",
        "d": "on",
        "e": "007",
        "f": None,
        "g": None,
    }


def test_positions_of_keys_and_values_are_one_based() -> None:
    result = parse_bytes(b"a:\n  - x: 1\n    y: kaksi\n", FILE)
    assert result.document is not None
    assert result.document.values[("a", 0, "y")] == (3, 8)
    assert result.document.keys[("a", 0, "y")] == (3, 5)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a: 1\nb: 2\na: 3\n", (3, 1, "T011", "avain 'a' on jo rivillä 1")),
        (b"tavoitteet:\n  - x\ntavoitteet: []\n", (3, 1, "T011", "avain 'tavoitteet' on jo rivillä 1")),
        (b"a: &x 1\nb: *x\n", (1, 4, "T008", "ankkureita (&x) ei sallita")),
        (b"a: !!str 1\n", (1, 4, "T009", "tyyppimerkintöjä (tag:yaml.org,2002:str) ei sallita")),
        (b"a: !ihan 1\n", (1, 4, "T009", "tyyppimerkintöjä (!ihan) ei sallita")),
        (b"a: {x: 1}\n<<: {y: 2}\n", (2, 1, "T010", "yhdistämisavainta '<<' ei sallita")),
        (b"a: 1\n---\nb: 2\n", (2, 1, "T012", "tiedostossa on useampi kuin yksi YAML-dokumentti")),
        (b"? [a, b]\n: 1\n", (1, 3, "T013", "avaimen pitää olla tekstiä")),
        (b"", (1, 1, "T014", "tiedosto on tyhjä")),
        (b"# vain kommentti\n", (1, 1, "T014", "tiedosto on tyhjä")),
        (b"- a\n- b\n", (1, 1, "T022", "tiedoston päätason pitää olla avain: arvo -rakenne")),
        (b"a: [1, 2\n", (2, 1, "T006", "YAML-rakenne on virheellinen: luettelosta puuttuu ',' tai ']'")),
        (
            b"a: 1\n b: 2\n",
            (
                2,
                3,
                "T006",
                "YAML-rakenne on virheellinen: kaksoispiste ei ole sallittu tässä kohdassa (tarkista sisennys)",
            ),
        ),
        (
            b'a: "auki\n',
            (
                2,
                1,
                "T006",
                "YAML-rakenne on virheellinen: tiedosto päättyi kesken (puuttuuko lopettava lainausmerkki?)",
            ),
        ),
    ],
)
def test_structural_refusals_name_line_column_and_cause(
    raw: bytes, expected: tuple[int, int, str, str]
) -> None:
    assert problems_of(raw) == [expected]


def test_alias_bomb_is_refused_at_the_first_anchor_without_expanding() -> None:
    bomb = b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    bomb += b"".join(
        f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n".encode()
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    assert problems_of(bomb) == [(1, 4, "T008", "ankkureita (&a) ei sallita")]


def test_deep_nesting_stops_at_the_limit_without_recursion() -> None:
    raw = b"a: " + b"[" * 100_000 + b"]" * 100_000 + b"\n"
    [(line, _column, code, text)] = problems_of(raw)
    assert (line, code) == (1, "T007")
    assert text == f"rakenne on liian syvä (enintään {MAX_DEPTH} tasoa)"


def test_deep_block_nesting_is_refused_too() -> None:
    raw = "".join(f"{'  ' * depth}k{depth}:\n" for depth in range(MAX_DEPTH + 5)).encode()
    assert problems_of(raw)[0][2] == "T007"


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "iso.yaml"
    path.write_bytes(b"a: " + b"x" * MAX_BYTES + b"\n")
    result = read_file(path)
    assert [p.code for p in result.problems] == [Code.TOO_LARGE]
    assert message(result.problems[0].key, "fi", result.problems[0].args).startswith(
        "tiedosto on liian suuri"
    )


def test_windows_1252_file_is_named_with_the_line_and_the_fix() -> None:
    raw = "vuosi: 2024\nlautakunta: Hyvinvointilautakunta\nnimi: Kirjastopalvelut ja yhteisö\n".encode(
        "cp1252"
    )
    assert problems_of(raw) == [
        (3, 33, "T003", "tiedosto ei ole UTF-8-muodossa (näyttää Windows-1252-merkistöltä)")
    ]


def test_other_non_utf8_bytes_are_refused() -> None:
    assert problems_of(b"a: \xff\xfe\n") == [(1, 4, "T003", "tiedosto ei ole UTF-8-muodossa")]


def test_utf8_bom_is_accepted_and_remembered() -> None:
    result = parse_bytes(b"\xef\xbb\xbfa: \xc3\xa4\n", FILE)
    assert result.document is not None
    assert result.document.bom
    assert result.document.data == {"a": "ä"}


def test_crlf_line_endings_are_read() -> None:
    result = parse_bytes(b"a: 1\r\nb:\r\n  - x\r\n", FILE)
    assert result.document is not None
    assert result.document.data == {"a": "1", "b": ["x"]}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a:\n\u00a0 b: 1\n", (2, 1, "T005", "sisennyksessä on sitova välilyönti (U+00A0)")),
        ("a:\n \u200bb: 1\n", (2, 2, "T005", "sisennyksessä on leveydetön välilyönti (U+200B)")),
        ("a:\n\tb: 1\n", (2, 1, "T005", "sisennyksessä on sarkain (tab)")),
        ("a: 1\x00\n", (1, 5, "T004", "tiedostossa on ohjausmerkki U+0000")),
        ("a: x\x1by\n", (1, 5, "T004", "tiedostossa on ohjausmerkki U+001B")),
    ],
)
def test_invisible_characters_that_change_structure_are_refused(
    raw: str, expected: tuple[int, int, str, str]
) -> None:
    assert problems_of(raw.encode("utf-8")) == [expected]


def test_no_break_space_inside_text_is_fine() -> None:
    result = parse_bytes("a: 1\u00a0234\n".encode(), FILE)
    assert result.document is not None
    assert result.document.data == {"a": "1\u00a0234"}


def test_unreadable_path_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    result = read_file(tmp_path / "puuttuu.yaml")
    assert [p.code for p in result.problems] == [Code.UNREADABLE]


# --- UTF-16 (issue 16): Notepad's "Unicode" and PowerShell 5.1's `>` ------------------------------

UTF16_TEXT = "muoto: 1\nvuosi: 2024\nlautakunta: Hyvinvointilautakunta\n"


@pytest.mark.parametrize(
    ("raw", "variant"),
    [
        (UTF16_TEXT.encode("utf-16"), "UTF-16 LE"),  # with the BOM Python writes on little-endian machines
        (b"\xfe\xff" + UTF16_TEXT.encode("utf-16-be"), "UTF-16 BE"),
        (UTF16_TEXT.encode("utf-16-le"), "UTF-16 LE"),  # no BOM
        (UTF16_TEXT.encode("utf-16-be"), "UTF-16 BE"),
    ],
)
def test_utf16_files_are_named_as_utf16(raw: bytes, variant: str) -> None:
    assert problems_of(raw) == [(1, 1, "T003", f"tiedosto on UTF-16-muodossa ({variant}), ei UTF-8")]


def test_utf16_from_powershell_is_named_through_validate(tmp_path: Path) -> None:
    path = tmp_path / "data" / "2024" / "lautakunta.yaml"
    path.parent.mkdir(parents=True)
    path.write_bytes("\ufeffmuoto: 1\r\nvuosi: 2024\r\nlautakunta: Ä\r\n".encode("utf-16-le"))
    code, out, _ = invoke(["validate", str(path), "--lang", "en"])
    assert code == 1
    assert "the file is UTF-16 (UTF-16 LE), not UTF-8" in out and "Windows-1252" not in out
    assert "Set-Content -Encoding utf8" in out


@given(st.text(alphabet=st.characters(min_codepoint=1, max_codepoint=0x10FFFF, exclude_categories=["Cs"])))
def test_no_utf8_text_is_taken_for_utf16(text: str) -> None:
    from tavoitteet.files.yamlread import utf16_variant

    assert utf16_variant(text.encode("utf-8")) is None
