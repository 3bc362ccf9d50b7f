"""`record ID VALUE --period YEAR` into the indicator's series, and `assess` for goals and committee-years."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from test_record import indicators, only_added_lines

from conftest import DATA, invoke

Y2024 = "data/2024/hyvinvointilautakunta.yaml"
TREND = "liikuntaryhmien-osallistujamaara"
GOAL = "hyvinvointikertomustyo"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    return tmp_path


def test_a_trend_without_a_baseline_says_the_command_and_the_command_completes_it(repo: Path) -> None:
    assert invoke(["record", TREND, "1300", "--date", "31.12.2024"], cwd=repo)[0] == 0
    shown = " ".join(invoke(["show", TREND], cwd=repo)[1].split())
    command = f"tavoitteet record {TREND} ARVO --period 2023"
    assert command in shown
    status = json.dumps(json.loads(invoke(["status", "2024", "--json"], cwd=repo)[1]), ensure_ascii=False)
    assert command in status
    table = invoke(["status", "2024", "--area", "liikuntapalvelut"], cwd=repo)[1]
    assert "--period 2023" in table and "tavoitteet record" in table
    before = (repo / Y2024).read_bytes()
    code, out, err = invoke(
        ["record", TREND, "n. 1 200", "--period", "2023", "--source", "TP 2023"], cwd=repo
    )
    assert (code, err) == (0, "")
    assert only_added_lines(before, (repo / Y2024).read_bytes()) == [
        "            sarja:",
        "              - vuosi: 2023",
        "                laji: toteuma",
        "                arvo: n. 1 200",
        "                lähde: TP 2023",
    ]
    assert "Tila nyt: toteutunut" in out
    assert command not in " ".join(invoke(["show", TREND], cwd=repo)[1].split())
    code, _out, _err = invoke(
        ["record", TREND, "1250", "--period", "2025", "--kind", "suunnitelma"], cwd=repo
    )
    assert code == 0
    assert indicators(repo)[TREND]["sarja"][1] == {"vuosi": "2025", "laji": "suunnitelma", "arvo": "1 250"}
    assert invoke(["validate"], cwd=repo)[0] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["1200", "--period", "2023", "--kind", "budjetti"], "--kind 'budjetti' ei kelpaa"),
        (["--period", "2023"], "anna arvo"),
        (["1200", "--kind", "talousarvio"], "--kind kuuluu --period"),
        (["1200", "--period", "2023", "--date", "1.1.2023"], "--period ei käy"),
        (["1.234", "--period", "2023"], "epäselvä"),
        (["1200", "--period", "2024"], "ilman valintaa --period"),
    ],
)
def test_series_misfits_are_refused_and_the_file_is_untouched(
    repo: Path, args: list[str], message: str
) -> None:
    before = (repo / Y2024).read_bytes()
    code, _out, err = invoke(["record", TREND, *args], cwd=repo)
    assert code == 2 and message in err, err
    assert (repo / Y2024).read_bytes() == before


def test_assess_writes_a_goals_assessment_which_status_follows(repo: Path) -> None:
    before = (repo / Y2024).read_bytes()
    code, out, err = invoke(
        [
            "assess",
            GOAL,
            "--text",
            "Tavoite saavutettiin pääosin.",
            "--level",
            "osittain toteutunut",
            "--reason",
            "Kaksi kolmesta suunnitelmasta",
            "--by",
            "Sihteeri",
            "--date",
            "15.2.2025",
        ],
        cwd=repo,
    )
    assert (code, err) == (0, "")
    assert "Arvio kirjattu" in out
    added = only_added_lines(before, (repo / Y2024).read_bytes())
    assert added == [
        "        arviot:",
        "          - arvio: Tavoite saavutettiin pääosin.",
        "            taso: osittain toteutunut",
        "            perustelu: Kaksi kolmesta suunnitelmasta",
        "            pvm: 15.2.2025",
        "            kirjaaja: Sihteeri",
    ]
    shown = json.loads(invoke(["show", GOAL, "--json"], cwd=repo)[1])
    assert shown["tavoite"]["tila"] == "osittain toteutunut"


def test_assess_with_the_committees_id_writes_the_committee_years_assessment(repo: Path) -> None:
    before = (repo / Y2024).read_bytes()
    code, _out, err = invoke(
        ["assess", "hyvinvointilautakunta", "--text", "Vuosi sujui.", "--assessor", "tarkastuslautakunta"],
        cwd=repo,
    )
    assert (code, err) == (0, "")
    assert only_added_lines(before, (repo / Y2024).read_bytes()) == [
        "arviot:",
        "  - arvio: Vuosi sujui.",
        "    pvm: 31.12.2024",
        "    arvioija: tarkastuslautakunta",
    ]
    assert invoke(["validate"], cwd=repo)[0] == 0


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        ([GOAL, "--text", "x", "--level", "hyvä"], 2, "--level 'hyvä' ei kelpaa"),
        ([GOAL, "--text", "x", "--reason", "y"], 2, "--reason kuuluu"),
        ([GOAL, "--text", " "], 2, "anna arvio"),
        ([GOAL, "--text", "x", "--date", "1.6.2023"], 2, "ennen vuotta 2024"),
        (["olematon", "--text", "x"], 1, "'olematon' ei löytynyt"),
    ],
)
def test_assess_misfits_are_refused_and_the_file_is_untouched(
    repo: Path, args: list[str], code: int, message: str
) -> None:
    before = (repo / Y2024).read_bytes()
    result = invoke(["assess", *args], cwd=repo)
    assert result[0] == code and message in result[2], result
    assert (repo / Y2024).read_bytes() == before
