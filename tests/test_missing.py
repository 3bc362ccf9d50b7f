"""`tavoitteet missing YEAR`: who still has outcomes to report, as text, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from conftest import DATA, invoke

Y2024 = "data/2024/hyvinvointilautakunta.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    path = tmp_path / Y2024
    text = path.read_text(encoding="utf-8").replace(
        "          - id: puistoruokailu\n",
        "          - id: puistoruokailu\n            vastuuhenkilö:\n              nimike: Nuorisosihteeri\n"
        "              nimi: Niina Nuori\n",
    )
    path.write_text(text, encoding="utf-8")
    assert invoke(["validate"], cwd=tmp_path)[0] == 0
    assert invoke(["record", "suunnitelmat-paivitetty", "kyllä", "--year", "2024"], cwd=tmp_path)[0] == 0
    return tmp_path


def test_text_groups_by_responsible_person_and_committee(repo: Path) -> None:
    code, out, err = invoke(["missing", "2024"], cwd=repo)
    assert (code, err) == (0, "")
    assert out.startswith("Puuttuvat toteumat 2024: 8\n")
    person = out.index("Nuorisosihteeri Niina Nuori")
    nobody = out.index("(vastuuhenkilöä ei ole merkitty)")
    assert person < nobody
    assert out.index("- puistoruokailu:") < nobody < out.index("- kesaajan-toivekysely:")
    assert "suunnitelmat-paivitetty" not in out


def test_csv_opens_in_a_finnish_excel_and_json_follows_the_views(repo: Path) -> None:
    code, out, _err = invoke(["missing", "2024", "--format", "csv"], cwd=repo)
    assert code == 0 and out.startswith("\ufeffvastuuhenkilö;lautakunta;")
    table = list(csv.reader(io.StringIO(out.lstrip("\ufeff")), delimiter=";"))
    assert table[1][:5] == [
        "Nuorisosihteeri Niina Nuori",
        "Hyvinvointilautakunta",
        "Nuorisopalvelut",
        table[1][3],
        "puistoruokailu",
    ]
    assert len(table) == 9
    document = json.loads(invoke(["missing", "2024", "--format", "json", "--lang", "en"], cwd=repo)[1])
    assert (document["nakyma"], document["vuosi"], document["kieli"]) == ("puuttuvat", 2024, "en")
    assert document["puuttuvat"][0]["id"] == "puistoruokailu"
    assert {m["laji"] for m in document["puuttuvat"]} == {"mittari"}


def test_committee_filter_and_nothing_missing(repo: Path) -> None:
    code, out, _err = invoke(["missing", "2024", "--committee", "olematon"], cwd=repo)
    assert code == 0 and "mitään ei puutu" in out
    code, out, _err = invoke(["missing", "2024", "--committee", "hyvinvointi"], cwd=repo)
    assert code == 0 and "Puuttuvat toteumat 2024: 8" in out


def test_a_goal_without_indicators_is_listed_until_it_is_assessed(repo: Path) -> None:
    path = repo / Y2024
    text = path.read_text(encoding="utf-8")
    anchor = "  - id: nuorisopalvelut\n    nimi: Nuorisopalvelut\n"
    assert anchor in text
    head, tail = text.split(anchor)
    goals_at = tail.index("    tavoitteet:\n") + len("    tavoitteet:\n")
    extra = "      - id: nuorten-tilat\n        otsikko: Nuorten tilojen kehittäminen\n"
    path.write_text(head + anchor + tail[:goals_at] + extra + tail[goals_at:], encoding="utf-8")
    assert invoke(["validate"], cwd=repo)[0] == 0, invoke(["validate"], cwd=repo)[1]
    out = invoke(["missing", "2024"], cwd=repo)[1]
    assert "- nuorten-tilat: Nuorten tilojen kehittäminen (tavoitteen sanallinen arvio" in " ".join(
        out.split("\n")
    )
    assert (
        invoke(["assess", "nuorten-tilat", "--text", "Tilat uusittiin.", "--level", "toteutunut"], cwd=repo)[
            0
        ]
        == 0
    )
    assert "nuorten-tilat" not in invoke(["missing", "2024"], cwd=repo)[1]


def test_an_unknown_year_and_format_are_refused(repo: Path) -> None:
    assert invoke(["missing", "2030"], cwd=repo)[0] == 1
    assert invoke(["missing", "2024", "--format", "xml"], cwd=repo)[0] == 2
