"""The views ``status``, ``list``, ``show`` and ``years``: what a user sees and what scripts read.

Golden outputs live in tests/golden/ and are rendered at 80 columns without
colour.  After an intended change to the output, regenerate them with
``UPDATE_GOLDEN=1 pytest tests/test_status_views.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tavoitteet.files.loader import load_file

from conftest import DATA, FIXTURES, REPO_ROOT, invoke, run_process

GOLDEN = Path(__file__).resolve().parent / "golden"
STATUS_DATA = FIXTURES / "status" / "data"
AFTER_2024 = "1.2.2025"


@pytest.fixture(autouse=True)
def _eighty_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


def view(*args: str, data: Path = STATUS_DATA) -> tuple[int, str, str]:
    return invoke([*args, "--data", str(data)])


def json_view(*args: str, data: Path = STATUS_DATA) -> dict[str, Any]:
    code, out, err = view(*args, "--json", data=data)
    assert code == 0, err
    document: dict[str, Any] = json.loads(out)
    return document


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    shown = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(shown, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with UPDATE_GOLDEN=1"
    assert shown == path.read_text(encoding="utf-8")


def lines_fit(text: str, width: int = 80) -> bool:
    return all(len(line) <= width for line in text.splitlines())


# --- golden outputs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "args", "data"),
    [
        ("status-2024.txt", ["status", "2024", "--as-of", "30.6.2024"], DATA),
        ("status-2021.txt", ["status", "2021", "--as-of", "1.2.2022"], DATA),
        ("status-fixture-2024.txt", ["status", "2024", "--as-of", AFTER_2024], STATUS_DATA),
        (
            "status-fixture-2024-en.txt",
            ["status", "2024", "--as-of", AFTER_2024, "--lang", "en"],
            STATUS_DATA,
        ),
        ("list-fixture-2024.txt", ["list", "2024", "--as-of", AFTER_2024], STATUS_DATA),
        ("show-fixture-lainat.txt", ["show", "lainat", "--year", "2024", "--as-of", AFTER_2024], STATUS_DATA),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_golden_output(name: str, args: list[str], data: Path) -> None:
    if not (data / args[1]).is_dir() and args[0] == "status":
        pytest.skip(f"no data for {args[1]}")
    code, out, err = view(*args, data=data)
    assert code == 0, err
    assert lines_fit(out), "every line fits 80 columns"
    assert "\x1b[" not in out, "no colour codes when NO_COLOR is set or output is piped"
    check_golden(name, out)


def test_status_before_the_year_ends_says_kesken_not_ei_toteutunut() -> None:
    _, during, _ = view("status", "2024", "--as-of", "30.12.2024")
    _, after, _ = view("status", "2024", "--as-of", "1.1.2025")
    assert "ei toteutunut" not in during.split("Esite")[0]  # only the missed deadline is final
    assert during.count("kesken") > 0 and "kesken" not in after


def test_status_shows_finnish_numbers_and_dates_and_the_status_as_words() -> None:
    _, out, _ = view("status", "2024", "--as-of", AFTER_2024)
    assert "12 345,5" in out and "31.12.2024" in out
    for word in (
        "toteutunut",
        "osittain",
        "ei toteutunut",
        "ei arvioitu",
        "ei sovellu",
        "raportoitu",
        "Käsin: Hankinta päätettiin",
    ):
        assert word in out
    assert "Tavoitteet (3): osittain toteutunut 3/3" in out


def test_english_labels_numbers_and_dates() -> None:
    _, out, _ = view("status", "2024", "--as-of", AFTER_2024, "--lang", "en")
    assert "12,345.5" in out and "2024-12-31" in out
    assert "partly met" in out and "not applicable" in out and "Goals (3)" in out
    assert "osittain" not in out


def test_status_json_structure() -> None:
    document = json_view("status", "2024", "--as-of", AFTER_2024)
    assert (document["versio"], document["nakyma"], document["vuosi"]) == (2, "tila", 2024)
    assert document["tilannepaiva"] == "2025-02-01" and document["vuosi_paattynyt"] is True
    assert document["tavoitteet_yhteenveto"]["yhteensa"] == 3
    assert document["mittarit_yhteenveto"]["tilat"]["toteutunut"] == 2
    assert set(document["mittarit_yhteenveto"]["tilat"]) == {
        "toteutunut", "osittain toteutunut", "ei toteutunut", "kesken", "ei arvioitu", "ei sovellu", "raportoitu"
    }  # fmt: skip
    (committee,) = document["lautakunnat"]
    areas = {a["id"]: a for a in committee["tehtavaalueet"]}
    goal = areas["kirjasto"]["tavoitteet"][0]
    indicators = {i["id"]: i for i in goal["mittarit"]}
    lainat = indicators["lainat"]
    assert lainat["tila"] == "toteutunut"
    assert lainat["kehitys"] == {
        "vertailuarvo": "1200",
        "vertailuarvon_lahde": "edellinen vuosi",
        "muutos": "60",
        "muutos_prosenttia": "5",
    }
    assert lainat["toteuma"]["arvo"] == "1260" and lainat["toteuma"]["arvo_teksti"] == "1 260"
    assert indicators["tapahtumat"]["perustelu"]["tiedot"]["missing"] == ["seniorit"]
    manual = {i["id"]: i for i in areas["nuoriso"]["tavoitteet"][0]["mittarit"]}["hankinnat"]
    assert manual["kasin_asetettu"] is True and manual["laskettu_tila"] == "ei toteutunut"
    assert manual["kasin_perustelu"].startswith("Hankinta päätettiin")


def test_json_status_values_stay_finnish_in_english() -> None:
    document = json_view("status", "2024", "--as-of", AFTER_2024, "--lang", "en")
    assert document["tila"] == "osittain toteutunut" and document["tila_teksti"] == "partly met"


def test_action_indicators_name_their_action() -> None:
    document = json_view("status", "2024", "--as-of", AFTER_2024, "--area", "liikunta")
    indicators = document["lautakunnat"][0]["tehtavaalueet"][0]["tavoitteet"][0]["mittarit"]
    assert {i["id"]: i["teko"] for i in indicators} == {
        "kaynnit": None,
        "esite": None,
        "neuvojat": "resurssit",
    }


# --- filters ------------------------------------------------------------------------------------


def goal_ids(document: dict[str, Any]) -> list[str]:
    return [g["id"] for c in document["lautakunnat"] for a in c["tehtavaalueet"] for g in a["tavoitteet"]]


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--area", "liikunta", ["liikuntaneuvonta"]),
        ("--area", "Nuoriso", ["osallistava-budjetointi"]),
        ("--spearhead", "hyvinvointi", ["musiikkipalvelut", "liikuntaneuvonta"]),  # primary or secondary
        ("--spearhead", "sivistys", ["musiikkipalvelut"]),
        ("--spearhead", "Laadukkaat sivistyspalvelut", ["musiikkipalvelut"]),
        ("--status", "raportoitu", ["musiikkipalvelut"]),  # a goal or one of its indicators
        ("--status", "not-applicable", ["osallistava-budjetointi"]),
        ("--status", "kesken", []),
        ("--committee", "testi", ["musiikkipalvelut", "liikuntaneuvonta", "osallistava-budjetointi"]),
    ],
)
def test_filters(option: str, value: str, expected: list[str]) -> None:
    assert goal_ids(json_view("status", "2024", "--as-of", AFTER_2024, option, value)) == expected


def test_filtered_counts_are_recomputed() -> None:
    document = json_view("status", "2024", "--as-of", AFTER_2024, "--area", "liikunta")
    assert document["tavoitteet_yhteenveto"]["yhteensa"] == 1
    assert document["mittarit_yhteenveto"]["yhteensa"] == 3
    assert document["rajaukset"]["tehtavaalue"] == "liikunta"


def test_nothing_matching_says_so() -> None:
    code, out, _ = view("status", "2024", "--as-of", AFTER_2024, "--status", "kesken")
    assert code == 0 and "Ei näytettävää" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--committee", "tekninen"], "--committee 'tekninen': vuonna 2024 ei ole tällaista lautakuntaa."),
        (["--committee", "testilautakunat"], "Tarkoititko 'Testilautakunta'? Lautakunnat: Testilautakunta."),
        (["--area", "liikuna"], "Tarkoititko 'liikunta'? Tehtäväalueet: kirjasto, liikunta, nuoriso."),
        (["--status", "kesknen"], "Tarkoititko 'kesken'?"),
        (["--spearhead", "hyvinvonti"], "Tarkoititko 'hyvinvointi'? Strategiakärjet: hyvinvointi, sivistys."),
        (["--depth", "tavoit"], "Tarkoititko 'tavoite'?"),
    ],
    ids=" ".join,
)
def test_an_unknown_name_is_an_error_naming_the_closest_and_those_that_exist(
    args: list[str], expected: str
) -> None:
    code, out, err = view("status", "2024", *args)
    assert (code, out) == (2, "")
    assert expected in err


def test_an_unknown_status_is_a_usage_error() -> None:
    code, _, err = view("status", "2024", "--status", "valmis")
    assert code == 2 and "toteutunut" in err


# --- list, show, years --------------------------------------------------------------------------


def test_list_shows_every_goal_and_indicator_id() -> None:
    code, out, _ = view("list", "2024", "--as-of", AFTER_2024)
    assert code == 0
    for item_id in ("musiikkipalvelut", "lainat", "neuvojat", "osallistava-budjetointi", "arvio"):
        assert item_id in out
    document = json_view("list", "2024")
    assert [g["id"] for g in document["tavoitteet"]] == [
        "musiikkipalvelut",
        "liikuntaneuvonta",
        "osallistava-budjetointi",
    ]
    assert document["tavoitteet"][0]["mittarit"][0]["id"] == "tapahtumat"


def test_show_a_goal_with_its_history_status_and_why() -> None:
    code, out, _ = view("show", "liikuntaneuvonta", "--year", "2024", "--as-of", AFTER_2024)
    assert code == 0
    assert "Ennaltaehkäisevät hyvinvointipalvelut (hyvinvointi)" in out
    assert "vähintään 50 % mittareista" in out
    assert "1.3.2024" in out and "1.9.2024" in out  # the full history
    assert "Valmis 2.7.2024, myöhässä (määräpäivä 30.6.2024)." in out
    assert "299 ei täytä tavoitetta (vähintään 300)." in out


def test_show_an_indicator_as_json_with_history() -> None:
    document = json_view("show", "neuvojat", "--year", "2024", "--as-of", AFTER_2024)
    assert document["kohde"] == "mittari"
    (indicator,) = document["tavoite"]["mittarit"]
    assert [e["arvo"] for e in indicator["historia"]] == ["2", "3"]
    assert indicator["perustelu"]["koodi"] == "in_target"


def test_show_as_of_a_day_sees_only_what_was_known_then() -> None:
    document = json_view("show", "neuvojat", "--year", "2024", "--as-of", "1.6.2024")
    (indicator,) = document["tavoite"]["mittarit"]
    assert indicator["tila"] == "kesken" and indicator["toteuma"]["arvo"] == "2"
    assert indicator["perustelu"]["kesken"] is True


def test_show_an_unknown_id_tells_how_to_find_ids() -> None:
    code, _, err = view("show", "ei-ole", "--year", "2024")
    assert code == 1 and "tavoitteet list 2024" in err
    code, _, err = view("show", "ei-ole", "--year", "2024", "--lang", "en")
    assert code == 1 and "no id 'ei-ole'" in err


def test_years_lists_years_and_committees() -> None:
    code, out, _ = view("years")
    assert code == 0 and "2023" in out and "Testilautakunta" in out
    document = json_view("years")
    assert [y["vuosi"] for y in document["vuodet"]] == [2023, 2024]
    assert document["vuodet"][1]["lautakunnat"][0]["lautakunta"] == "Testilautakunta"


# --- errors and defaults ------------------------------------------------------------------------


def test_an_unknown_year_lists_the_years_there_are() -> None:
    code, _, err = view("status", "1999")
    assert code == 1 and "1999" in err and "2023, 2024" in err


def test_a_bad_as_of_date_is_a_usage_error() -> None:
    code, _, err = view("status", "2024", "--as-of", "31.13.2024")
    assert code == 2 and "31.12.2024" in err


def test_without_a_year_the_latest_year_is_shown(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(STATUS_DATA, data)
    if (data / str(date.today().year)).exists():  # pragma: no cover - only while the fixture's year runs
        pytest.skip("the current year has files")
    document = json_view("status", data=data)
    assert document["vuosi"] == 2024


def test_an_invalid_file_stops_the_view_with_its_problems(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(STATUS_DATA, data)
    path = data / "2024" / "testilautakunta.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("arvo: 299", "arvo: paljon"), encoding="utf-8")
    code, out, err = view("status", "2024", data=data)
    assert code == 1 and out == ""
    assert "testilautakunta.yaml:" in err and "T033" in err
    assert "tilaa ei näytetä" in err


def test_realization_added_to_a_copy_of_the_2024_data_shows(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA / "2024", data / "2024")
    path = data / "2024" / "hyvinvointilautakunta.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "            tyyppi: kyllä/ei\n          - id: uudet-toimintamallit"
    assert marker in text
    entry = "            toteuma:\n              - pvm: 28.11.2024\n                arvo: kyllä\n"
    path.write_text(
        text.replace(marker, marker.replace("\n          - id", "\n" + entry + "          - id"), 1)
    )
    document = json_view("status", "2024", "--as-of", "30.11.2024", data=data)
    indicators = {
        i["id"]: i
        for c in document["lautakunnat"]
        for a in c["tehtavaalueet"]
        for g in a["tavoitteet"]
        for i in g["mittarit"]
    }
    assert indicators["suunnitelmat-paivitetty"]["tila"] == "toteutunut"
    assert indicators["uudet-toimintamallit"]["tila"] == "kesken"
    assert document["mittarit_yhteenveto"]["tilat"]["toteutunut"] == 1


def test_the_real_process_is_plain_when_piped() -> None:
    result = run_process(
        ["status", "2024", "--as-of", AFTER_2024, "--data", str(STATUS_DATA)], env={"COLUMNS": "80"}
    )
    assert result.returncode == 0, result.stderr
    assert "\x1b[" not in result.stdout and lines_fit(result.stdout)
    assert "osittain toteutunut" in result.stdout


def test_list_never_splits_an_id_so_it_can_be_copied() -> None:
    code, out, _ = invoke(["list", "2021", "--as-of", "1.1.2025"], cwd=DATA.parent)
    goal_file = load_file(DATA / "2021" / "hyvinvointilautakunta.yaml").goal_file
    assert code == 0 and goal_file is not None
    ids = [goal.id for goal in goal_file.goals()] + [i.id for i in goal_file.indicators()]
    assert all(any(line.strip().startswith(item) for line in out.splitlines()) for item in ids)


def test_trend_shows_the_baseline_year_value_and_change_in_the_table() -> None:
    code, out, _ = invoke(
        [
            "status",
            "2024",
            "--data",
            str(DATA.parent / "examples"),
            "--as-of",
            "1.1.2025",
            "--area",
            "kirjastopalvelut",
        ]
    )
    assert code == 0
    shown = " ".join(out.split())
    pieces = ["57", "31.12.2024", "2023: 42,", "+15,", "+35,7 %"]
    assert [shown.index(piece) for piece in pieces] == sorted(shown.index(piece) for piece in pieces)


def test_show_in_english_names_the_indicator_kind_and_the_history_value_in_english() -> None:
    code, out, _ = view("show", "musiikkipalvelut", "--year", "2024", "--as-of", AFTER_2024, "--lang", "en")
    assert code == 0
    assert "Kind: by category" in out and "Kind: trend" in out and "Kind: tracked count" in out
    assert "luokittain" not in out and "kehitys" not in out and "seuranta" not in out
    assert "Value" in out and "Latest" not in out  # a history lists every value, not only the latest


def test_show_a_goal_says_whether_it_is_binding_and_who_is_responsible(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(STATUS_DATA, data)
    path = data / "2024" / "testilautakunta.yaml"
    text = path.read_text(encoding="utf-8")
    goal = "        otsikko: Liikuntaneuvonnan vahvistaminen.\n"
    extra = (
        "        sitova: kyllä\n        vastuuhenkilö: {nimike: Liikuntapäällikkö, nimi: Maija Meikäläinen}\n"
    )
    path.write_text(text.replace(goal, goal + extra), encoding="utf-8")
    _, fi, _ = view("show", "liikuntaneuvonta", "--year", "2024", data=data)
    _, en, _ = view("show", "liikuntaneuvonta", "--year", "2024", "--lang", "en", data=data)
    assert "Sitova tavoite valtuustoon nähden: kyllä" in fi
    assert "Vastuuhenkilö: Liikuntapäällikkö Maija Meikäläinen" in fi
    assert (
        "Binding towards the council: yes" in en and "Responsible: Liikuntapäällikkö Maija Meikäläinen" in en
    )


def all_keys(value: Any) -> set[str]:
    """Every key at every level, except inside values (``arvo``) and explanation data (``tiedot``)."""
    if isinstance(value, dict):
        inner = {k for key, v in value.items() if key not in ("arvo", "tiedot") for k in all_keys(v)}
        return set(value) | inner
    if isinstance(value, list):
        return {k for v in value for k in all_keys(v)}
    return set()


@pytest.mark.parametrize(
    "args",
    [["list", "2024"], ["show", "lainat", "--year", "2024"], ["show", "musiikkipalvelut"], ["years"]],
    ids=" ".join,
)
def test_every_key_of_the_views_json_is_documented(args: list[str]) -> None:
    documented = (REPO_ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    keys = all_keys(json_view(*args))
    assert {k for k in keys if f'"{k}"' not in documented and f"`{k}`" not in documented} == set()


def test_at_80_columns_the_texts_of_2024_are_wrapped_at_spaces_not_inside_words() -> None:
    code, out, _ = view("status", "2024", "--as-of", "30.6.2024", data=DATA)
    goal_file = load_file(DATA / "2024" / "hyvinvointilautakunta.yaml").goal_file
    assert code == 0 and goal_file is not None
    texts = [goal.title for goal in goal_file.goals()] + [i.target_text for i in goal_file.indicators()]
    shown = set(out.split())
    # a target shows only what the name does not already say; an open condition is its footnote
    assert [
        w for text in texts for w in text.split() if w not in shown and w.strip(":,.()") not in shown
    ] == []


def test_at_80_columns_comments_go_under_their_indicator_and_words_stay_whole() -> None:
    """Long Finnish words (kulttuuripalveluiden, Hyvinvointisuunnitelma) are not folded inside."""
    examples = REPO_ROOT / "examples"
    code, out, _ = view("status", "2024", "--as-of", AFTER_2024, data=examples)
    goal_file = load_file(examples / "2024" / "hyvinvointilautakunta.yaml").goal_file
    assert code == 0 and goal_file is not None
    comments = [e.comment for i in goal_file.indicators() for e in i.entries if e.comment]
    texts = [g.title for g in goal_file.goals()] + [i.target_text for i in goal_file.indicators()] + comments
    shown = set(out.split())
    assert comments
    assert [
        w for text in texts for w in text.split() if w.rstrip(":,.") not in shown and w not in shown
    ] == []
    assert "Kommentti" not in out.splitlines()[3]
    assert max(len(line.rstrip()) for line in out.splitlines()) <= 80


@pytest.mark.parametrize("columns", ["80", "140"])
def test_one_layout_for_every_area_at_every_width(columns: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The column titles once per committee; comments under their indicator whatever the width."""
    monkeypatch.setenv("COLUMNS", columns)
    code, out, _ = view("status", "2024", "--as-of", AFTER_2024)
    headers = [line for line in out.splitlines() if line.startswith("Tavoite / mittari")]
    assert code == 0 and len(headers) == 1
    assert headers[0].split() == ["Tavoite", "/", "mittari", "Tavoitetaso", "Toteuma", "Tila"]
    assert "Kommentti: Nuorten tapahtuma peruttiin." in out


def test_a_deadline_met_shows_its_own_day_not_also_the_day_it_was_recorded() -> None:
    code, out, _ = view("status", "2024", "--as-of", AFTER_2024)
    lines = out.splitlines()
    at = next(n for n, line in enumerate(lines) if "Esite valmis" in line)
    row, after = lines[at], lines[at + 1]
    assert code == 0
    assert "valmis" in row and "2.7.2024" in after
    assert "1.7.2024" not in out


def test_nothing_matching_claims_no_status_for_the_year() -> None:
    _, out, _ = view("status", "2024", "--as-of", AFTER_2024, "--status", "kesken")
    assert "Tavoitteet (0)" in out and "ei arvioitu" not in out and "Tila:" not in out


def test_nothing_matching_claims_no_status_for_the_year_in_json_either() -> None:
    code, out, _ = view("status", "2024", "--as-of", AFTER_2024, "--status", "kesken", "--json")
    document = json.loads(out)
    assert code == 0
    assert (document["tila"], document["tila_teksti"], document["lautakunnat"]) == (None, None, [])
    assert document["tavoitteet_yhteenveto"]["yhteensa"] == 0


def test_years_in_explanations_have_no_thousands_space() -> None:
    from tavoitteet.core.evaluation import Why
    from tavoitteet.words.labels import why_args

    assert why_args(Why("no_baseline", {"year": 2023}), "fi")["year"] == "2023"
