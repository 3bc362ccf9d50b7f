"""``tavoitteet compare``: which goals and spearheads continue, are new or dropped, and how values changed."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tavoitteet.core.compare import Change, linked_id, pair_up
from tavoitteet.core.model import Goal

from conftest import DATA, FIXTURES, REPO_ROOT, invoke

REPORT_DATA = FIXTURES / "report" / "data"


def compare_json(*args: str, data: object = REPORT_DATA) -> dict[str, Any]:
    code, out, err = invoke(["compare", *args, "--json", "--data", str(data)])
    assert code == 0, err
    document: dict[str, Any] = json.loads(out)
    return document


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("2023/kavijat", "kavijat"),
        ("kavijat", "kavijat"),
        ("2022/kavijat", None),
        (None, None),
        (" 2023/x ", "x"),
    ],
)
def test_an_edeltaja_link_names_an_id_of_the_earlier_year(link: str | None, expected: str | None) -> None:
    assert linked_id(link, 2023) == expected


def test_pair_up_matches_each_earlier_item_once() -> None:
    pairs, new, dropped = pair_up(["a", "b"], ["b", "b", "c"], lambda x: [x], lambda x: [x])
    assert (pairs, new, dropped) == ([("b", "b")], ["b", "c"], ["a"])


def goal(ident: str, predecessor: str | None = None) -> Goal:
    data = {"id": ident, "otsikko": ident, "edeltäjä": predecessor}
    return Goal.model_validate({k: v for k, v in data.items() if v is not None})


def test_goals_match_by_id_or_by_link() -> None:
    from tavoitteet.core.compare import compare_goals

    changes = compare_goals(
        [goal("a"), goal("b"), goal("c")], [goal("a"), goal("uusi-b", "2023/b"), goal("d")], 2023
    )
    assert [(c.change, c.id_a, c.id_b) for c in changes] == [
        (Change.CONTINUES, "a", "a"),
        (Change.CONTINUES, "b", "uusi-b"),
        (Change.NEW, None, "d"),
        (Change.DROPPED, "c", None),
    ]


def test_fixture_pair_goals_spearheads_and_indicator_values() -> None:
    document = compare_json("2023", "2024")
    assert (document["versio"], document["nakyma"], document["vuosi_a"], document["vuosi_b"]) == (
        2,
        "vertailu",
        2023,
        2024,
    )
    (committee,) = document["lautakunnat"]
    goals = {(g["id_a"], g["id_b"]): g["muutos"] for g in committee["tavoitteet"]}
    assert goals == {
        ("lainaus", "lainaus"): "jatkuu",
        ("lopetettu", "nayttelyt"): "jatkuu",
        (None, "tapahtumat"): "uusi",
    }
    spearheads = {(s["id_a"], s["id_b"]): s["muutos"] for s in committee["strategiakarjet"]}
    assert spearheads == {
        ("elinvoima", "elinvoima"): "jatkuu",
        (None, "osallisuus"): "uusi",
        ("vanha-karki", None): "poistunut",
    }
    indicators = {i["id_b"]: i for i in committee["mittarit"]}
    assert set(indicators) == {"lainat", "kavijat"}
    assert indicators["kavijat"]["id_a"] == "kavijat-vanha"
    assert (
        indicators["kavijat"]["arvo_a"],
        indicators["kavijat"]["arvo_b"],
        indicators["kavijat"]["muutos"],
    ) == ("480", "612", "132")
    assert (indicators["lainat"]["tila_a"], indicators["lainat"]["tila_b"]) == ("raportoitu", "toteutunut")


def test_the_table_shows_both_values_and_the_change() -> None:
    code, out, _ = invoke(["compare", "2023", "2024", "--data", str(REPORT_DATA)])
    assert code == 0
    assert "Kulttuurilautakunta: 2023 → 2024" in out
    (row,) = [line for line in out.splitlines() if line.strip().startswith("Kävijät")]
    assert "480 kävijää" in row and "612 kävijää" in row and "+132 (+27,5 %)" in row
    assert "poistunut" in out and "Lopetettu kärki (vanha-karki)" in out


def test_real_data_2021_to_2024() -> None:
    document = compare_json("2021", "2024", data=DATA)
    (committee,) = document["lautakunnat"]
    assert committee["lautakunta"] == "Hyvinvointilautakunta"
    changes = {g["muutos"] for g in committee["tavoitteet"]}
    assert changes == {"uusi", "poistunut"}
    new = {g["id_b"] for g in committee["tavoitteet"] if g["muutos"] == "uusi"}
    dropped = {g["id_a"] for g in committee["tavoitteet"] if g["muutos"] == "poistunut"}
    assert "kesakauden-ohjattu-toiminta" in new and "kulttuuriparlamentti" in dropped
    assert len(new) == 5 and len(dropped) == 4
    assert all(s["muutos"] == "poistunut" for s in committee["strategiakarjet"])


def test_english_and_an_unknown_year() -> None:
    code, out, _ = invoke(["compare", "2023", "2024", "--lang", "en", "--data", str(REPORT_DATA)])
    assert code == 0 and "continues" in out and "Indicators measured in both years" in out
    code, _, err = invoke(["compare", "2019", "2024", "--data", str(REPORT_DATA)])
    assert code == 1 and "vuodelle 2019 ei ole tavoitetiedostoja" in err


def test_an_unknown_committee_is_an_error_naming_those_that_exist() -> None:
    code, out, err = invoke(["compare", "2023", "2024", "--committee", "ei-ole", "--data", str(REPORT_DATA)])
    assert (code, out) == (2, "") and "--committee 'ei-ole'" in err and "Lautakunnat: " in err


def test_every_key_of_the_compare_json_is_documented() -> None:
    documented = (REPO_ROOT / "docs" / "json.md").read_text(encoding="utf-8").split("## `compare")[-1]
    document = compare_json("2023", "2024")
    assert document["nakyma"] == "vertailu"
    keys = set(document) | {k for c in document["lautakunnat"] for k in c}
    keys |= {
        k
        for c in document["lautakunnat"]
        for part in ("strategiakarjet", "tavoitteet", "mittarit")
        for item in c[part]
        for k in item
    }
    assert {k for k in keys if f'"{k}"' not in documented and f"`{k}`" not in documented} == set()
