"""`tavoitteet history`: the year's latest entries across committees, newest first."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import DATA, invoke


def recorded_repo(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    for indicator, value, day in [
        ("puistoruokailu", "kyllä", "3.3.2024"),
        ("hakeutuvien-palvelujen-asiakkuudet", "1 234", "1.12.2024"),
        ("kesaajan-toivekysely", "ei", "15.6.2024"),
    ]:
        assert (
            invoke(
                ["record", indicator, value, "--date", day, "--by", "Liisa", "--comment", f"c {day}"],
                cwd=tmp_path,
            )[0]
            == 0
        )
    return tmp_path


def test_entries_newest_first_as_json(tmp_path: Path) -> None:
    repo = recorded_repo(tmp_path)
    code, out, _err = invoke(["history", "2024", "--json"], cwd=repo)
    assert code == 0
    document = json.loads(out)
    assert (document["versio"], document["nakyma"], document["vuosi"]) == (2, "historia", 2024)
    entries = document["kirjaukset"]
    # Values as in status --json (docs/json.md): numbers with a decimal point, the readable form beside.
    assert [(e["pvm"], e["mittari"], e["arvo"], e["arvo_teksti"]) for e in entries] == [
        ("2024-12-01", "hakeutuvien-palvelujen-asiakkuudet", "1234", "1 234"),
        ("2024-06-15", "kesaajan-toivekysely", False, "ei"),
        ("2024-03-03", "puistoruokailu", True, "kyllä"),
    ]
    assert all(key.isascii() for e in entries for key in e)
    assert entries[0]["lautakunta"] == "Hyvinvointilautakunta" and entries[0]["kirjaaja"] == "Liisa"


def test_table_shows_date_committee_indicator_value_who_comment(tmp_path: Path) -> None:
    repo = recorded_repo(tmp_path)
    code, out, _err = invoke(["history", "--limit", "1"], cwd=repo)
    assert code == 0
    assert "Kirjaukset 2024" in out
    assert "1.12.2024" in out and "1 234" in out and "Liisa" in out
    assert "kesaajan" not in out


def test_english_headers_and_a_broken_file_is_reported(tmp_path: Path) -> None:
    repo = recorded_repo(tmp_path)
    (repo / "data" / "2024" / "rikki.yaml").write_text("muoto: [\n", encoding="utf-8")
    code, out, err = invoke(["history", "--lang", "en"], cwd=repo)
    assert code == 1
    assert "Indicator" in out and "puistoruokailu" in out
    assert "rikki.yaml has errors" in err


def test_a_year_without_files_is_an_error(tmp_path: Path) -> None:
    repo = recorded_repo(tmp_path)
    code, _out, err = invoke(["history", "1999"], cwd=repo)
    assert code == 1 and "1999" in err


def test_levels_set_by_hand_are_listed_with_their_reason(tmp_path: Path) -> None:
    repo = recorded_repo(tmp_path)
    args = ["record", "puistoruokailu", "--level", "ei sovellu", "--reason", "Ei päätöstä."]
    assert invoke([*args, "--date", "2.12.2024", "--by", "Pekka"], cwd=repo)[0] == 0
    code, out, _ = invoke(["history"], cwd=repo)
    assert code == 0
    first = out.split("1.12.2024")[0]
    assert "2.12.2024" in first and "ei sovellu (käsin) – Ei päätöstä." in " ".join(first.split())
    document = json.loads(invoke(["history", "--json"], cwd=repo)[1])
    assert document["kasin_asetetut"] == [
        {
            "lautakunta": "Hyvinvointilautakunta",
            "mittari": "puistoruokailu",
            "taso": "ei sovellu",
            "taso_teksti": "ei sovellu",
            "perustelu": "Ei päätöstä.",
            "pvm": "2024-12-02",
            "asettaja": "Pekka",
            "tiedosto": "data/2024/hyvinvointilautakunta.yaml",
        }
    ]
    assert all("taso" not in entry for entry in document["kirjaukset"])


def test_values_are_shown_the_readers_way_in_either_language(tmp_path: Path) -> None:
    repo = recorded_repo(tmp_path)
    out_fi = invoke(["history"], cwd=repo)[1]
    out_en = invoke(["history", "--lang", "en"], cwd=repo)[1]
    assert "1 234 –" in out_fi and "1,234 –" in out_en
    assert "kyllä" in out_fi and "yes" in out_en


def test_at_80_columns_ids_and_words_stay_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    repo = recorded_repo(tmp_path)
    code, out, _ = invoke(["history"], cwd=repo)
    assert code == 0
    assert "(hakeutuvien-palvelujen-asiakkuudet)" in out.split()
    assert max(len(line.rstrip()) for line in out.splitlines()) <= 80
