"""Loading goal files: every model and file-level error is a located Finnish problem."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tavoitteet.files.loader import LoadedFile, load_file
from tavoitteet.words.problem_messages import hint, message

HEADER = """\
muoto: 1
vuosi: 2024
lautakunta: Testilautakunta
strategiakärjet:
  - id: kärki-a
    nimi: Kärki A
"""
AREA = """\
tehtäväalueet:
  - id: alue
    nimi: Alue
    tavoitteet:
      - id: tavoite
        otsikko: Tavoite
        mittarit:
{indicators}
"""
YES_NO = """\
          - id: mittari
            tavoitetaso: "Tehty: kyllä/ei"
            tyyppi: kyllä/ei
"""


def goal_file(
    tmp_path: Path, indicators: str = YES_NO, header: str = HEADER, name: str = "testi.yaml"
) -> Path:
    folder = tmp_path / "2024"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(
        header.replace("kärki-a", "karki-a") + AREA.format(indicators=indicators.rstrip("\n")) + "\n",
        encoding="utf-8",
    )
    return path


def summary(loaded: LoadedFile) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.column, p.code.value, message(p.key, "fi", p.args)) for p in loaded.problems]


def test_minimal_file_is_valid(tmp_path: Path) -> None:
    loaded = load_file(goal_file(tmp_path))
    assert loaded.problems == []
    assert loaded.goal_file is not None
    assert loaded.goal_file.areas[0].goals[0].indicators[0].kind == "kyllä/ei"


def indicator(body: str) -> str:
    return textwrap.indent(textwrap.dedent(body), " " * 10)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            """\
            - id: m
              tavoitetaso: x
              tyyppi: kyllä/ei
              mittarti: 3
            """,
            (17, 13, "T020", "tuntematon avain 'mittarti'"),
        ),
        (
            """\
            - id: m
              tyyppi: kyllä/ei
            """,
            (14, 13, "T021", "pakollinen avain 'tavoitetaso' puuttuu"),
        ),
        (
            """\
            - id: m
              tavoitetaso: x
              tyyppi: kylla
            """,
            (16, 21, "T023", "arvo 'kylla' ei käy"),
        ),
        (
            """\
            - id: m
              tavoitetaso: x
            """,
            (14, 13, "T021", "mittarilta puuttuu tyyppi"),
        ),
        (
            """\
            - id: m
              tavoitetaso: x
              tyyppi: luku
              tavoite: {vähintään: 8, enintään: 5}
            """,
            (17, 22, "T029", "mikään arvo ei täytä tavoitetta: alaraja on ylärajaa suurempi"),
        ),
        (
            """\
            - id: m
              tavoitetaso: x
              tyyppi: luku
              tavoite: {yli: 5, alle: 5}
            """,
            (17, 22, "T029", "mikään arvo ei täytä tavoitetta: alaraja on ylärajaa suurempi"),
        ),
        (
            """\
            - id: m
              tavoitetaso: x
              tyyppi: luku
              tavoite: {vähintään: 1.234}
            """,
            (17, 34, "T024", "luku '1.234' on epäselvä: piste voi olla tuhaterotin tai desimaalierotin"),
        ),
        (
            """\
            - id: m
              tavoitetaso: x
              tyyppi: luku
              tavoite: {vähintään: "1:20"}
            """,
            (17, 34, "T024", "'1:20' ei ole luku"),
        ),
        (
            """\
            - id: M_1
              tavoitetaso: x
              tyyppi: kyllä/ei
            """,
            (14, 17, "T027", "tunnus 'M_1' ei kelpaa"),
        ),
        (
            """\
            - id: m
              tavoitetaso: x
              tyyppi: määräaika
              määräpäivä: 31.6.2024
            """,
            (17, 25, "T025", "päivämäärää '31.6.2024' ei ole olemassa"),
        ),
        (
            """\
            - id: m
              tavoitetaso: x
              tyyppi: kyllä/ei
              toteuma:
                - pvm: 1.3.2024
            """,
            (18, 17, "T028", "toteumassa pitää olla joko 'arvo' tai 'puuttuu' (syy, miksi arvo puuttuu)"),
        ),
        (
            """\
            - id: m
              tavoitetaso: x
              tyyppi: kyllä/ei
              tavoite: no
            """,
            (17, 22, "T026", "'no' ei ole kyllä tai ei"),
        ),
        (
            """\
            - id: m
              tavoitetaso:
              tyyppi: kyllä/ei
            """,
            (15, 25, "T028", "arvo on tyhjä"),
        ),
    ],
)
def test_model_errors_are_located_and_explained(
    tmp_path: Path, body: str, expected: tuple[int, int, str, str]
) -> None:
    assert summary(load_file(goal_file(tmp_path, indicator(body)))) == [expected]


def test_unknown_key_hint_lists_keys_and_suggests_the_nearest(tmp_path: Path) -> None:
    body = indicator("""\
        - id: m
          tavoitetaso: x
          tyyppi: kyllä/ei
          mittarti: 3
        """)
    [problem] = load_file(goal_file(tmp_path, body)).problems
    text = hint(problem.key, "fi", problem.args)
    assert text.startswith("Sallitut avaimet tässä kohdassa: id, nimi, tavoitetaso, ehto,")
    assert hint(problem.key, "en", problem.args).startswith("Keys allowed here: id, nimi")


def test_unknown_key_in_a_kind_specific_indicator_suggests_its_own_keys(tmp_path: Path) -> None:
    body = indicator("""\
        - id: m
          tavoitetaso: x
          tyyppi: luku
          tavoite: {vähintään: 1}
          yksiko: kpl
        """)
    [problem] = load_file(goal_file(tmp_path, body)).problems
    assert "yksikkö" in problem.args["allowed"]
    assert hint(problem.key, "fi", problem.args).endswith("Tarkoititko 'yksikkö'?")


@pytest.mark.parametrize(
    ("body", "value", "text"),
    [
        ("tyyppi: kyllä/ei", "12", "arvo '12' ei sovi kyllä/ei-mittarille"),
        ("tyyppi: luku\n  tavoite: {vähintään: 1}", "paljon", "arvo 'paljon' ei sovi luku-mittarille"),
        ("tyyppi: kyllä/ei", "ei sovellu", "'ei sovellu' käy vain ehdolliselle mittarille"),
        (
            "tyyppi: määräaika\n  määräpäivä: 31.12.2024",
            "huomenna",
            "arvo 'huomenna' ei sovi määräaika-mittarille",
        ),
    ],
)
def test_recorded_values_must_fit_the_indicator(tmp_path: Path, body: str, value: str, text: str) -> None:
    source = f"- id: m\n  tavoitetaso: x\n  {body}\n  toteuma:\n    - pvm: 1.3.2024\n      arvo: {value}\n"
    problems = summary(load_file(goal_file(tmp_path, textwrap.indent(source, " " * 10))))
    assert [(code, message_text) for _, _, code, message_text in problems] == [("T033", text)]


def test_per_category_values_are_checked_against_categories(tmp_path: Path) -> None:
    source = indicator("""\
        - id: m
          tavoitetaso: x
          tyyppi: luokittain
          luokat: [lapset, nuoret]
          tavoite: {vähintään: 1}
          toteuma:
            - pvm: 1.3.2024
              arvo: {lapset: 1, aikuiset: 2}
        """)
    [problem] = load_file(goal_file(tmp_path, source)).problems
    assert message(problem.key, "fi", problem.args) == "luokkaa 'aikuiset' ei ole mittarin luokissa"
    assert hint(problem.key, "fi", problem.args) == "Sopivia arvoja: lapset: 1, nuoret: 1."


def test_duplicate_ids_name_both_lines(tmp_path: Path) -> None:
    body = YES_NO + YES_NO
    assert summary(load_file(goal_file(tmp_path, body))) == [
        (17, 17, "T030", "tunnus 'mittari' on käytössä jo rivillä 14")
    ]


def test_unresolved_spearhead_lists_the_known_ones(tmp_path: Path) -> None:
    header = HEADER + "\n"
    path = goal_file(tmp_path, header=header)
    text = path.read_text(encoding="utf-8").replace(
        "        otsikko: Tavoite\n",
        "        otsikko: Tavoite\n        strategiakärki: karki-b\n        edistää_myös: [karki-a, karki-c]\n",
    )
    path.write_text(text, encoding="utf-8")
    loaded = load_file(path)
    assert [(p.line, p.code.value, p.args["id"]) for p in loaded.problems] == [
        (14, "T031", "karki-b"),
        (15, "T031", "karki-c"),
    ]
    assert hint(loaded.problems[0].key, "fi", loaded.problems[0].args) == "Tunnetut strategiakärjet: karki-a."


def test_year_must_match_its_folder(tmp_path: Path) -> None:
    path = goal_file(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("vuosi: 2024", "vuosi: 2023"), encoding="utf-8")
    assert summary(load_file(path)) == [(2, 8, "T032", "vuosi 2023 ei vastaa kansiota 2024")]


def test_file_name_must_be_a_slug(tmp_path: Path) -> None:
    assert summary(load_file(goal_file(tmp_path, name="Hyvinvointi Lautakunta.yaml"))) == [
        (1, 1, "T035", "tiedoston nimi 'Hyvinvointi Lautakunta.yaml' ei kelpaa")
    ]


def test_a_goal_without_indicators_is_valid_and_assessed_by_hand(tmp_path: Path) -> None:
    path = goal_file(tmp_path)
    text = (
        path.read_text(encoding="utf-8").split("        mittarit:")[0]
        + "        teot:\n          - id: teko\n            kuvaus: Tehdään.\n"
    )
    path.write_text(text, encoding="utf-8")
    assert summary(load_file(path)) == []


def test_all_errors_of_a_file_are_reported_together(tmp_path: Path) -> None:
    body = indicator("""\
        - id: m
          tavoitetaso: x
          tyyppi: luku
          tavoite: {vähintään: kolme}
          tuntematon: 1
        - id: n
          tyyppi: kyllä/ei
        """)
    codes = [code for _, _, code, _ in summary(load_file(goal_file(tmp_path, body)))]
    assert sorted(codes) == ["T020", "T021", "T024"]


def test_every_indicator_kind_loads(tmp_path: Path) -> None:
    body = indicator("""\
        - id: a
          tavoitetaso: "Tehty: kyllä/ei (jos päätös tehdään)"
          tyyppi: kyllä/ei
          ehto: jos päätös tehdään
          toteuma:
            - pvm: 1.6.2024
              arvo: ei sovellu
        - id: b
          tavoitetaso: 5-8 kokousta/vuonna 2024
          tyyppi: luku
          yksikkö: kokousta
          tavoite: {vähintään: 5, enintään: 8}
          jakso: vuosi
          toteuma:
            - pvm: 1.6.2024
              arvo: 3
              kirjaaja: Kulttuurisihteeri
              lähde: Pöytäkirjat
              kommentti: Kevään kokoukset.
        - id: c
          tavoitetaso: Vähintään yksi tapahtuma eri ikäryhmille
          tyyppi: luokittain
          luokat: [lapset, nuoret]
          tavoite: {vähintään: 1}
          toteuma:
            - pvm: 1.6.2024
              arvo: {lapset: 1, nuoret: 0}
        - id: d
          tavoitetaso: Osallistujamäärä kasvaa
          tyyppi: kehitys
          suunta: kasvu
          vertailuvuosi: 2023
          vertailuarvo: 1 234,5
          muutos_vähintään_prosenttia: 5
          toteuma:
            - pvm: 1.6.2024
              puuttuu: tietoa ei vielä saatavilla
        - id: e
          tavoitetaso: Valmis vuoden loppuun mennessä
          tyyppi: määräaika
          määräpäivä: 31.12.2024
          toteuma:
            - pvm: 1.6.2024
              arvo: ei
        - id: f
          tavoitetaso: Toteutuneiden toimenpiteiden lukumäärä
          tyyppi: seuranta
          toteuma:
            - pvm: 1.6.2024
              arvo: 12
        - id: g
          tavoitetaso: Sanallinen arvio
          tyyppi: laadullinen
          toteutumistaso:
            taso: osittain toteutunut
            perustelu: Puolet toimista tehty.
        """)
    loaded = load_file(goal_file(tmp_path, body))
    assert loaded.problems == []
    assert loaded.goal_file is not None
    kinds = [i.kind for i in loaded.goal_file.indicators()]
    assert kinds == ["kyllä/ei", "luku", "luokittain", "kehitys", "määräaika", "seuranta", "laadullinen"]


def test_duplicate_ids_and_wrong_year_are_reported_even_when_the_structure_is_wrong(tmp_path: Path) -> None:
    path = goal_file(tmp_path, YES_NO + YES_NO.replace("tyyppi: kyllä/ei", "tyyppi: kylla"))
    path.write_text(path.read_text(encoding="utf-8").replace("vuosi: 2024", "vuosi: 2023"), encoding="utf-8")
    codes = [(line, code) for line, _, code, _ in summary(load_file(path))]
    assert codes == [(2, "T032"), (17, "T030"), (19, "T023")]


def test_year_out_of_range_is_explained_in_finnish(tmp_path: Path) -> None:
    path = goal_file(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("vuosi: 2024", "vuosi: 1899"), encoding="utf-8")
    problem = next(p for p in load_file(path).problems if p.code.value == "T028")
    assert message(problem.key, "fi", problem.args) == "arvo '1899' on liian pieni"
    assert hint(problem.key, "fi", problem.args) == "Pienin sallittu arvo on 1900."
    assert hint(problem.key, "en", problem.args) == "The smallest value allowed is 1900."
