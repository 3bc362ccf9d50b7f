"""Writing outcomes into hand-edited goal files: only the new lines appear, or nothing changes."""

from __future__ import annotations

import copy
import difflib
import os
import shutil
import stat
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tavoitteet.files import writer
from tavoitteet.files.writer import NewEntry, NewLevel, WriteRefused
from tavoitteet.files.yamledit import quote
from tavoitteet.files.yamlread import parse_bytes

from conftest import DATA, REPO_ROOT

HANDMADE = """\
# Kommentti ennen ensimmäistä avainta
#   ja toinen rivi: "lainaus" ja ääkköset äöå
muoto: 1
vuosi: 2024
lautakunta: Testilautakunta   # kommentti rivin lopussa

tehtäväalueet:
  - id: alue
    nimi: Alue
    tavoitteet:
      - id: tavoite
        otsikko: >-
          Pitkä taitettu otsikko, joka jatkuu usealle riville ja sisältää ääkkösiä äöå ÅÄÖ sekä
          hyvin pitkän rivin, joka menee selvästi yli kahdeksankymmenen merkin rajan ilman, että sitä taitetaan koskaan.
        mittarit:
          - id: kylla
            tavoitetaso: "Tehty: kyllä/ei"
            tyyppi: kyllä/ei
            huomautus: |
              Lohkoskalaari viimeisenä avaimena.
                Sisennetty rivi.

              Tyhjän rivin jälkeen.
# kommentti sarakkeessa 0 keskellä tiedostoa
          - id: luokat
            tavoitetaso: Vähintään yksi kussakin
            tyyppi: luokittain
            luokat: [lapset, nuoret]
            tavoite: {vähintään: 1}
            # kommentti mittarin lopussa

          - id: luku
            tavoitetaso: Vähintään 10
            tyyppi: luku
            tavoite:
              vähintään: 10
            toteuma:
            - pvm: 1.6.2024
              arvo: 4
            huomautus: >-
              Taitettu
              viimeisenä.
        teot:
          - id: teko
            kuvaus: Teko
            mittarit:
              -   id: maaraaika
                  tavoitetaso: Valmis 30.6.
                  tyyppi: määräaika
                  määräpäivä: 30.6.2024
                  toteuma:
                    -   pvm: 1.5.2024
                        arvo: ei
                        kommentti: 'yksinkertaiset lainausmerkit'
# loppukommentti
"""

ENTRIES: dict[str, NewEntry] = {
    "kylla": NewEntry(date(2024, 10, 10), "kyllä", by="Matti Meikäläinen", comment="Valmis: katso liite #2"),
    "luokat": NewEntry(date(2024, 10, 11), {"lapset": "1", "nuoret": "2"}, source="Kävijätilasto"),
    "luku": NewEntry(date(2024, 10, 12), "1 234,5"),
    "maaraaika": NewEntry(date(2024, 10, 13), "15.6.2024", comment="  välilyönnit reunoilla  "),
}

VARIANTS = {
    "lf": lambda text: text.encode(),
    "crlf": lambda text: text.replace("\n", "\r\n").encode(),
    "bom": lambda text: b"\xef\xbb\xbf" + text.encode(),
    "no-final-newline": lambda text: text.rstrip("\n").encode(),
    "bom-crlf-no-final-newline": lambda text: (
        b"\xef\xbb\xbf" + text.rstrip("\n").replace("\n", "\r\n").encode()
    ),
}


def goal_file(tmp_path: Path, content: bytes, name: str = "testilautakunta.yaml") -> Path:
    folder = tmp_path / "data" / "2024"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(content)
    return path


def assert_only_insertions(old: bytes, new: bytes) -> list[str]:
    """Every diff hunk between the files is a pure insertion; returns the inserted lines."""
    old_lines, new_lines = old.decode().splitlines(), new.decode().splitlines()
    inserted: list[str] = []
    for tag, _i1, _i2, j1, j2 in difflib.SequenceMatcher(None, old_lines, new_lines).get_opcodes():
        assert tag in ("equal", "insert"), (tag, old_lines[_i1:_i2], new_lines[j1:j2])
        if tag == "insert":
            inserted += new_lines[j1:j2]
    assert new.startswith(b"\xef\xbb\xbf") == old.startswith(b"\xef\xbb\xbf")
    assert new.endswith(b"\n") == old.endswith(b"\n")
    if b"\r\n" in old:
        assert new.count(b"\n") == new.count(b"\r\n")
    else:
        assert b"\r" not in new
    return inserted


def plain_data(raw: bytes) -> dict[str, Any]:
    document = parse_bytes(raw, Path("x.yaml")).document
    assert document is not None
    return document.data


@pytest.mark.parametrize("variant", VARIANTS)
def test_each_entry_adds_only_its_own_lines(tmp_path: Path, variant: str) -> None:
    path = goal_file(tmp_path, VARIANTS[variant](HANDMADE))
    for indicator_id, entry in ENTRIES.items():
        old = path.read_bytes()
        writer.record(path, indicator_id, [entry])
        new = path.read_bytes()
        inserted = assert_only_insertions(old, new)
        assert any("pvm: " + entry.as_data()["pvm"] in line for line in inserted)


def test_the_data_changes_only_by_the_new_entries(tmp_path: Path) -> None:
    path = goal_file(tmp_path, HANDMADE.encode())
    expected = copy.deepcopy(plain_data(path.read_bytes()))
    indicators = expected["tehtäväalueet"][0]["tavoitteet"][0]
    by_id = {i["id"]: i for i in indicators["mittarit"] + indicators["teot"][0]["mittarit"]}
    for indicator_id, entry in ENTRIES.items():
        writer.record(path, indicator_id, [entry])
        by_id[indicator_id].setdefault("toteuma", []).append(entry.as_data())
    assert plain_data(path.read_bytes()) == expected
    assert by_id["kylla"]["huomautus"].endswith("Tyhjän rivin jälkeen.\n")


def test_new_items_follow_the_dash_style_of_the_list(tmp_path: Path) -> None:
    path = goal_file(tmp_path, HANDMADE.encode())
    old = path.read_bytes()
    writer.record(path, "luku", [ENTRIES["luku"]])
    writer.record(path, "maaraaika", [ENTRIES["maaraaika"]])
    inserted = assert_only_insertions(old, path.read_bytes())
    assert inserted == [
        "            - pvm: 12.10.2024",
        "              arvo: 1 234,5",
        "                    -   pvm: 13.10.2024",
        "                        arvo: 15.6.2024",
        '                        kommentti: "  välilyönnit reunoilla  "',
    ]


def test_a_new_list_is_indented_like_the_files_other_lists(tmp_path: Path) -> None:
    path = goal_file(tmp_path, HANDMADE.encode())
    old = path.read_bytes()
    writer.record(path, "kylla", [ENTRIES["kylla"]])
    new = path.read_bytes().decode()
    assert assert_only_insertions(old, path.read_bytes()) == [
        "            toteuma:",
        "              - pvm: 10.10.2024",
        "                arvo: kyllä",
        "                kirjaaja: Matti Meikäläinen",
        '                kommentti: "Valmis: katso liite #2"',
    ]
    assert "              Tyhjän rivin jälkeen.\n            toteuma:\n" in new


def test_comment_at_the_end_of_an_indicator_stays_with_it(tmp_path: Path) -> None:
    path = goal_file(tmp_path, HANDMADE.encode())
    writer.record(path, "luokat", [ENTRIES["luokat"]])
    text = path.read_text(encoding="utf-8")
    assert "            # kommentti mittarin lopussa\n            toteuma:\n" in text
    assert "                arvo:\n                  lapset: 1\n                  nuoret: 2\n" in text


def test_real_data_file_gets_one_entry_per_indicator_and_nothing_else(tmp_path: Path) -> None:
    path = goal_file(
        tmp_path, (DATA / "2024" / "hyvinvointilautakunta.yaml").read_bytes(), "hyvinvointilautakunta.yaml"
    )
    original = path.read_bytes()
    loaded = writer.plan(original, path, "puistoruokailu", [])[1]
    assert loaded.goal_file is not None
    indicators = loaded.goal_file.indicators()
    for number, indicator in enumerate(indicators, start=1):
        value = "kyllä" if indicator.kind == "kyllä/ei" else str(number)
        old = path.read_bytes()
        writer.record(path, indicator.id, [NewEntry(date(2024, 12, number), value, by="Testaaja")])
        assert len(assert_only_insertions(old, path.read_bytes())) == 4
    assert len(assert_only_insertions(original, path.read_bytes())) == 4 * len(indicators)


def test_level_is_added_then_replaced_in_place(tmp_path: Path) -> None:
    path = goal_file(tmp_path, HANDMADE.encode())
    old = path.read_bytes()
    writer.record(path, "kylla", [NewLevel("osittain toteutunut", "Puolet tehty", date(2024, 6, 1))])
    assert assert_only_insertions(old, path.read_bytes()) == [
        "            toteutumistaso:",
        "              taso: osittain toteutunut",
        "              perustelu: Puolet tehty",
        "              pvm: 1.6.2024",
    ]
    writer.record(path, "kylla", [NewLevel("toteutunut", "Kaikki tehty", date(2024, 12, 1), by="Liisa")])
    level = plain_data(path.read_bytes())["tehtäväalueet"][0]["tavoitteet"][0]["mittarit"][0][
        "toteutumistaso"
    ]
    assert level == {
        "taso": "toteutunut",
        "perustelu": "Kaikki tehty",
        "pvm": "1.12.2024",
        "asettaja": "Liisa",
    }
    assert len(assert_only_insertions(old, path.read_bytes())) == 5


FLOW_INDICATOR = HANDMADE.replace(
    "          - id: luku\n",
    "          - {id: virtaus, tavoitetaso: x, tyyppi: kyllä/ei}\n          - id: luku\n",
)


@pytest.mark.parametrize(
    ("content", "indicator_id", "entry", "reason"),
    [
        (HANDMADE, "kylla", NewEntry(date(2024, 1, 1), {"lapset": "1"}), "write.invalid_after"),
        (HANDMADE, "luku", NewEntry(date(2024, 1, 1), "1.234"), "write.invalid_after"),
        (HANDMADE, "puuttuu", NewEntry(date(2024, 1, 1), "kyllä"), "write.no_indicator"),
        (FLOW_INDICATOR, "virtaus", NewEntry(date(2024, 1, 1), "kyllä"), "edit.flow_style"),
        (
            HANDMADE.replace("vuosi: 2024", "vuosi: kaksi"),
            "kylla",
            NewEntry(date(2024, 1, 1), "ei"),
            "write.invalid_before",
        ),
        (
            HANDMADE.replace(
                "            huomautus: |\n", "            toteuma: []\n            huomautus: |\n"
            ),
            "kylla",
            NewEntry(date(2024, 1, 1), "ei"),
            "edit.flow_style",
        ),
    ],
)
def test_refused_record_leaves_the_file_byte_identical(
    tmp_path: Path, content: str, indicator_id: str, entry: NewEntry, reason: str
) -> None:
    path = goal_file(tmp_path, content.replace("\n", "\r\n").encode())
    old = path.read_bytes()
    with pytest.raises(WriteRefused) as refused:
        writer.record(path, indicator_id, [entry])
    assert refused.value.key == reason
    assert path.read_bytes() == old
    assert "Tiedostoa ei muutettu." in refused.value.describe("fi")
    assert "The file was not changed." in refused.value.describe("en")
    assert sorted(p.name for p in path.parent.iterdir()) == [".testilautakunta.yaml.lock", path.name]


def test_change_on_disk_between_read_and_write_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = goal_file(tmp_path, HANDMADE.encode())
    edited_elsewhere = HANDMADE.replace("nimi: Alue", "nimi: Alue muokattu").encode()
    real_write = writer._write_temporary

    def editor_saves_meanwhile(real: Path, data: bytes, mode: int) -> Path:
        real.write_bytes(edited_elsewhere)
        return real_write(real, data, mode)

    monkeypatch.setattr(writer, "_write_temporary", editor_saves_meanwhile)
    with pytest.raises(WriteRefused) as refused:
        writer.record(path, "kylla", [ENTRIES["kylla"]])
    assert refused.value.key == "write.changed_on_disk"
    assert path.read_bytes() == edited_elsewhere
    assert not [p for p in path.parent.iterdir() if p.suffix == ".tmp"]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_symbolic_link_survives_and_its_target_is_written(tmp_path: Path) -> None:
    target = goal_file(tmp_path / "elsewhere", HANDMADE.encode())
    link = tmp_path / "data" / "2024" / "testilautakunta.yaml"
    link.parent.mkdir(parents=True)
    link.symlink_to(target)
    written = writer.record(link, "kylla", [ENTRIES["kylla"]])
    assert link.is_symlink()
    assert written.path == target.resolve()
    assert "toteuma:" in target.read_text(encoding="utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_file_mode_is_kept(tmp_path: Path) -> None:
    path = goal_file(tmp_path, HANDMADE.encode())
    path.chmod(0o640)
    writer.record(path, "kylla", [ENTRIES["kylla"]])
    assert path.stat().st_mode & 0o777 == 0o640


def test_read_only_file_is_refused_and_left_read_only(tmp_path: Path) -> None:
    path = goal_file(tmp_path, HANDMADE.encode())
    path.chmod(stat.S_IREAD)
    try:
        with pytest.raises(WriteRefused) as refused:
            writer.record(path, "kylla", [ENTRIES["kylla"]])
        assert refused.value.key == "write.read_only"
        assert path.read_bytes() == HANDMADE.encode()
        assert not path.stat().st_mode & stat.S_IWRITE
        assert "vain luku" in refused.value.describe("fi") and "read-only" in refused.value.describe("en")
    finally:
        path.chmod(stat.S_IREAD | stat.S_IWRITE)


def test_lock_held_elsewhere_makes_the_writer_wait_and_then_refuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = goal_file(tmp_path, HANDMADE.encode())
    monkeypatch.setattr(writer, "LOCK_TIMEOUT_SECONDS", 0.2)
    with writer._locked(path.resolve()), pytest.raises(WriteRefused) as refused:
        writer.record(path, "kylla", [ENTRIES["kylla"]])
    assert refused.value.key == "write.locked"
    assert path.read_bytes() == HANDMADE.encode()


def test_unwritable_folder_is_a_clear_refusal(tmp_path: Path) -> None:
    if os.name == "nt" or os.geteuid() == 0:
        pytest.skip("permissions are not enforced here")
    path = goal_file(tmp_path, HANDMADE.encode())
    path.parent.chmod(0o500)
    try:
        with pytest.raises(WriteRefused) as refused:
            writer.record(path, "kylla", [ENTRIES["kylla"]])
    finally:
        path.parent.chmod(0o700)
    assert refused.value.key == "write.permission"


def read_back(text: str) -> Any:
    return plain_data(f"k: {quote(text)}\n".encode())["k"]


BIDI_AND_SEPARATORS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"


@given(
    st.text(
        alphabet=st.characters(exclude_categories=("Cs", "Cc"), exclude_characters=BIDI_AND_SEPARATORS)
        | st.sampled_from("\t\n")
    )
)
def test_quoted_text_reads_back_as_the_same_text(text: str) -> None:
    """Any text the reader accepts (no control characters: issue 12) reads back the same, in NFC."""
    assert read_back(text) == unicodedata.normalize("NFC", text)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("kyllä", "kyllä"),
        ("1 234,5", "1 234,5"),
        ("15.6.2024", "15.6.2024"),
        ("-3", "-3"),
        ("Matti Meikäläinen", "Matti Meikäläinen"),
        ("null", '"null"'),
        ("", '""'),
        ("no", '"no"'),
        ("a: b", '"a: b"'),
        ("a #b", '"a #b"'),
        ("- lista", '"- lista"'),
        ('sanoi "hei"', '"sanoi \\"hei\\""'),
        ("rivi\ntoinen", '"rivi\\ntoinen"'),
        (" reuna", '" reuna"'),
    ],
)
def test_quote_is_plain_only_when_safe(text: str, written: str) -> None:
    assert quote(text) == written
    assert read_back(text) == text


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_lock_and_leftover_temporary_files_are_ignored_by_git(tmp_path: Path) -> None:
    """A lock file stays next to the goal file, and a killed record can leave its temporary file."""
    path = goal_file(tmp_path, HANDMADE.encode())
    seen: list[Path] = []
    real_write = writer._write_temporary

    def remember(real: Path, data: bytes, mode: int) -> Path:
        seen.append(real_write(real, data, mode))
        return seen[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(writer, "_write_temporary", remember)
        writer.record(path, "kylla", [ENTRIES["kylla"]])
    names = [writer.lock_path(path.resolve()).name, seen[0].name]
    for folder in ("data/2024", "data/2021/sub"):
        for name in names:
            ignored = subprocess.run(
                ["git", "check-ignore", "--no-index", "-q", f"{folder}/{name}"], cwd=REPO_ROOT, check=False
            )
            assert ignored.returncode == 0, f"{folder}/{name} is not in .gitignore"


def test_a_briefly_held_file_on_windows_is_replaced_after_a_retry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a file a virus scanner or indexer has open for a moment."""
    path = goal_file(tmp_path, HANDMADE.encode())
    real_replace = Path.replace
    failures = iter([PermissionError(13, "Access is denied"), PermissionError(13, "Access is denied")])

    def busy_then_free(self: Path, target: Path) -> Path:
        error = next(failures, None)
        if error is not None:
            raise error
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", busy_then_free)
    monkeypatch.setattr(writer, "REPLACE_ATTEMPTS", 5)
    monkeypatch.setattr(writer, "REPLACE_PAUSE_SECONDS", 0.01)
    writer.record(path, "kylla", [ENTRIES["kylla"]])
    assert "toteuma:" in path.read_text(encoding="utf-8")
    assert not [p for p in path.parent.iterdir() if p.suffix == ".tmp"]


@pytest.mark.parametrize("header", ["|+", ">+", "|2+", "|+2 # kommentti"])
def test_a_block_scalar_that_keeps_its_blank_lines_keeps_them(tmp_path: Path, header: str) -> None:
    indent = "  " if "2" in header else ""
    text = HANDMADE.replace(
        "            huomautus: |\n              Lohkoskalaari viimeisenä avaimena.\n"
        "                Sisennetty rivi.\n\n              Tyhjän rivin jälkeen.\n",
        f"            huomautus: {header}\n              {indent}Pidä tyhjät rivit.\n\n\n",
    )
    path = goal_file(tmp_path, text.encode())
    old = path.read_bytes()
    writer.record(path, "kylla", [ENTRIES["kylla"]])
    inserted = assert_only_insertions(old, path.read_bytes())
    assert inserted[0].strip() == "toteuma:"
    expected = plain_data(old)
    mittari = expected["tehtäväalueet"][0]["tavoitteet"][0]["mittarit"][0]
    mittari["toteuma"] = [ENTRIES["kylla"].as_data()]
    assert plain_data(path.read_bytes()) == expected


def test_an_entry_after_one_whose_comment_keeps_its_blank_lines(tmp_path: Path) -> None:
    text = HANDMADE.replace(
        "                        kommentti: 'yksinkertaiset lainausmerkit'\n",
        "                        kommentti: |+\n                          pidä\n\n",
    )
    path = goal_file(tmp_path, text.encode())
    old = path.read_bytes()
    writer.record(path, "maaraaika", [ENTRIES["maaraaika"]])
    assert_only_insertions(old, path.read_bytes())
    entries = plain_data(path.read_bytes())["tehtäväalueet"][0]["tavoitteet"][0]["teot"][0]["mittarit"][0][
        "toteuma"
    ]
    assert entries[0]["kommentti"] == "pidä\n\n" and len(entries) == 2


def test_a_folder_without_write_permission_is_explained_in_the_users_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = goal_file(tmp_path, HANDMADE.encode())

    def denied(*_args: object, **_kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(writer.os, "open", denied)
    with pytest.raises(WriteRefused) as refused:
        writer.record(path, "kylla", [ENTRIES["kylla"]])
    assert path.read_bytes() == HANDMADE.encode()
    assert "kirjoitusoikeus" in refused.value.describe("fi")
    assert "write permission" in refused.value.describe("en")
