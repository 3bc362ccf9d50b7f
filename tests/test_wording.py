"""The language slips a Finnish reader notices: counts in the right form, no English from libraries, quoted answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tavoitteet.words.i18n import counted

from conftest import FIXTURES, invoke


@pytest.mark.parametrize(
    ("count", "expected"), [(0, "0 kirjausta"), (1, "1 kirjaus"), (2, "2 kirjausta"), (21, "21 kirjausta")]
)
def test_counts_take_the_singular_only_for_one(count: int, expected: str) -> None:
    assert counted(count, "kirjaus", "kirjausta") == expected


def _indicator_file(tmp_path: Path, extra: str) -> Path:
    folder = tmp_path / "data" / "2024"
    folder.mkdir(parents=True)
    path = folder / "x.yaml"
    path.write_text(
        "muoto: 1\nvuosi: 2024\nlautakunta: Testi\ntehtäväalueet:\n  - id: a\n    nimi: A\n    tavoitteet:\n"
        "      - id: g\n        otsikko: G\n        mittarit:\n          - id: m\n            nimi: M\n"
        f"            tavoitetaso: t\n{extra}",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("spelling", ["puolivuosi", "puolivuotis"])
def test_the_half_year_period_is_puolivuosi_and_the_old_spelling_still_reads(
    spelling: str, tmp_path: Path
) -> None:
    path = _indicator_file(
        tmp_path,
        f"            tyyppi: seuranta\n            yksikkö: käyntiä\n            jakso: {spelling}\n",
    )
    code, _, err = invoke(["validate", str(path)])
    assert code == 0, err


def test_a_hint_lists_the_choices_without_english(tmp_path: Path) -> None:
    path = _indicator_file(
        tmp_path, "            tyyppi: kehitys\n            suunta: ylös\n            vertailuvuosi: 2023\n"
    )
    code, out, err = invoke(["validate", str(path)])
    shown = out + err
    assert code == 1
    assert "Sallitut arvot: 'kasvu', 'lasku'." in shown and " or " not in shown


def test_a_yes_no_answer_is_quoted_not_doubled() -> None:
    code, out, _ = invoke(
        [
            "show",
            "nayttely-avattu",
            "--year",
            "2024",
            "--as-of",
            "1.2.2025",
            "--data",
            str(FIXTURES / "report" / "data"),
        ]
    )
    assert code == 0 and "Vastaus ”kyllä” on tavoitteen mukainen." in out


def test_a_goal_with_nothing_assessed_does_not_say_some_were_not() -> None:
    code, out, _ = invoke(["show", "hyvinvointikertomustyo", "--year", "2024", "--as-of", "1.2.2025"])
    assert code == 0
    assert "Yhtään mittaria ei ole vielä arvioitu" in out and "osaa ei ole arvioitu" not in out


def test_show_a_goal_lists_its_actions_and_says_nothing_recorded_once() -> None:
    code, out, _ = invoke(["show", "hyvinvointikertomustyo", "--year", "2024", "--as-of", "1.2.2025"])
    assert code == 0
    assert "Teot:" in out and "1. Käynnistetään lakisääteisen hyvinvointikertomuksen" in " ".join(
        out.split("\n")
    )
    assert out.count("Toteumaa ei ole kirjattu.") == 3 and "Ei kirjattua toteumaa" not in out


def test_show_an_indicator_gives_its_unit_and_period(tmp_path: Path) -> None:
    path = _indicator_file(
        tmp_path,
        "            tyyppi: seuranta\n            yksikkö: käyntiä\n            jakso: puolivuosi\n",
    )
    code, out, _ = invoke(["show", "m", "--year", "2024", "--data", str(path.parent.parent)])
    assert code == 0 and "Yksikkö: käyntiä" in out and "Jakso: puolivuosi" in out


def test_history_without_entries_says_so(tmp_path: Path) -> None:
    path = _indicator_file(tmp_path, "            tyyppi: kyllä/ei\n")
    code, out, _ = invoke(["history", "2024", "--data", str(path.parent.parent)])
    assert (code, out.strip()) == (0, "Ei kirjauksia vuodelta 2024.")


def test_compare_with_the_years_reversed_puts_them_in_order_and_says_so() -> None:
    data = FIXTURES / "report" / "data"
    code, out, err = invoke(["compare", "2024", "2023", "--data", str(data)])
    in_order = invoke(["compare", "2023", "2024", "--data", str(data)])
    assert code == 0 and "vuodet vaihdettiin järjestykseen: 2023 (aiempi) ja 2024 (myöhempi)" in err
    assert out == in_order[1]


@pytest.mark.parametrize("encoding", ["cp1252", "cp850"])
def test_the_compare_arrow_has_an_ascii_fallback(encoding: str) -> None:
    import os
    import subprocess
    import sys

    data = FIXTURES / "report" / "data"
    done = subprocess.run(
        [sys.executable, "-m", "tavoitteet", "compare", "2023", "2024", "--data", str(data)],
        capture_output=True,
        env={**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": encoding},
        check=False,
    )
    out = done.stdout.decode(encoding)
    assert done.returncode == 0
    assert ": 2023 -> 2024" in out and "?" not in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--area", "nuorisopalvlut"], "Tarkoititko 'nuorisopalvelut'? Vaihtoehdot: hyvinvointipalvelut,"),
        (["--committee", "tekninen"], "--committee 'tekninen': tällaista lautakuntaa ei ole."),
    ],
)
def test_record_asking_with_an_unknown_filter_names_those_that_exist(args: list[str], expected: str) -> None:
    from conftest import DATA

    code, out, err = invoke(["record", "--year", "2024", *args, "--data", str(DATA)])
    assert (code, out) == (2, "") and expected in err
