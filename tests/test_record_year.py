"""`tavoitteet record`: the year a value belongs to, sane dates, and append-only corrections and withdrawals."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from test_record import indicators, only_added_lines

from conftest import DATA, invoke

Y2024 = "data/2024/hyvinvointilautakunta.yaml"
Y2025 = "data/2025/hyvinvointilautakunta.yaml"
ID = "suunnitelmat-paivitetty"


@pytest.fixture
def two_years(tmp_path: Path) -> Path:
    """2024's data and next year's goals made from it, as in the autumn."""
    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    code, _out, err = invoke(["new", "2025", "--from", "2024"], cwd=tmp_path)
    assert code == 0, err
    return tmp_path


def test_a_year_end_date_writes_into_that_year_and_leaves_next_year_byte_identical(two_years: Path) -> None:
    before_2024, before_2025 = (two_years / Y2024).read_bytes(), (two_years / Y2025).read_bytes()
    code, out, err = invoke(["record", ID, "kyllä", "--date", "31.12.2024"], cwd=two_years)
    assert (code, err) == (0, "")
    assert f"→ {Y2024} (2024)" in out
    assert (two_years / Y2025).read_bytes() == before_2025
    assert only_added_lines(before_2024, (two_years / Y2024).read_bytes())[-2:] == [
        "              - pvm: 31.12.2024",
        "                arvo: kyllä",
    ]
    shown = json.loads(invoke(["show", ID, "--year", "2025", "--json"], cwd=two_years)[1])
    assert [m["historia"] for m in shown["tavoite"]["mittarit"] if m["id"] == ID] == [[]]


def test_january_reporting_goes_to_the_year_it_reports_while_neither_year_has_an_entry(
    two_years: Path,
) -> None:
    before_2025 = (two_years / Y2025).read_bytes()
    code, out, _err = invoke(["record", ID, "kyllä", "--date", "15.1.2025"], cwd=two_years)
    assert code == 0 and f"→ {Y2024} (2024)" in out
    assert (two_years / Y2025).read_bytes() == before_2025


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_when_either_year_could_be_meant_it_refuses_naming_both_and_the_option(
    two_years: Path, lang: str
) -> None:
    assert invoke(["record", ID, "kyllä", "--date", "31.12.2024"], cwd=two_years)[0] == 0
    files = {p: (two_years / p).read_bytes() for p in (Y2024, Y2025)}
    code, _out, err = invoke(["record", ID, "ei", "--date", "15.1.2025", "--lang", lang], cwd=two_years)
    assert code == 2
    assert "2024" in err and "2025" in err and "--year 2024" in err and "--year 2025" in err
    assert {p: (two_years / p).read_bytes() for p in files} == files
    code, out, _err = invoke(["record", ID, "ei", "--date", "15.1.2025", "--year", "2025"], cwd=two_years)
    assert code == 0 and f"→ {Y2025} (2025)" in out


def test_after_the_reporting_months_a_date_belongs_to_its_own_year(two_years: Path) -> None:
    code, out, _err = invoke(["record", ID, "kyllä", "--date", "10.6.2025"], cwd=two_years)
    assert code == 0 and f"→ {Y2025} (2025)" in out


def test_without_a_later_file_january_reporting_goes_to_the_year_over(tmp_path: Path) -> None:
    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    code, out, _err = invoke(["record", ID, "kyllä", "--date", "20.2.2025"], cwd=tmp_path)
    assert code == 0 and f"→ {Y2024} (2024)" in out


def future() -> str:
    later = date.today() + timedelta(days=40)
    return f"{later.day}.{later.month}.{later.year}"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--date", "1.6.2023"], ["ennen vuotta 2024", f"tavoitteet record {ID} ARVO --period 2023"]),
        (["--date", "1.6.2023", "--year", "2024"], ["ennen vuotta 2024", "--period 2023"]),
        (["--date", "2.1.2026"], ["yli vuoden", "--date 31.12.2024", "--year 2024"]),
        (["--date", "__future__", "--year", "2024"], ["tulevaisuudessa"]),
        ([], ["yli vuoden vuoden 2024 päättymisen jälkeen", "--date 31.12.2024"]),
    ],
)
def test_dates_that_cannot_be_the_years_are_refused_with_what_to_do(
    tmp_path: Path, args: list[str], said: list[str]
) -> None:
    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    before = (tmp_path / Y2024).read_bytes()
    args = [future() if a == "__future__" else a for a in args]
    if not args and date.today() <= date(2025, 12, 31):  # pragma: no cover - depends on the calendar
        pytest.skip("today is within a year of 2024's end")
    code, _out, err = invoke(["record", ID, "kyllä", *args], cwd=tmp_path)
    assert code == 2, err
    for text in said:
        assert text in " ".join(err.split())
    assert (tmp_path / Y2024).read_bytes() == before


def test_with_year_given_a_late_date_is_a_late_entry_that_says_its_year(tmp_path: Path) -> None:
    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    code, _out, err = invoke(["record", ID, "kyllä", "--year", "2024", "--date", "2.1.2026"], cwd=tmp_path)
    assert (code, err) == (0, "")
    assert indicators(tmp_path)[ID]["toteuma"] == [{"pvm": "2.1.2026", "vuosi": "2024", "arvo": "kyllä"}]
    assert invoke(["validate"], cwd=tmp_path)[0] == 0


def test_with_year_given_the_default_date_is_the_years_last_day_once_it_is_over(tmp_path: Path) -> None:
    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    assert invoke(["record", ID, "kyllä", "--year", "2024"], cwd=tmp_path)[0] == 0
    assert indicators(tmp_path)[ID]["toteuma"] == [{"pvm": "31.12.2024", "arvo": "kyllä"}]


def test_a_correction_and_a_withdrawal_only_add_lines_and_status_and_history_follow(tmp_path: Path) -> None:
    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    path = tmp_path / Y2024
    assert invoke(["record", ID, "kyllä", "--date", "30.11.2024", "--by", "Maija"], cwd=tmp_path)[0] == 0
    first = path.read_bytes()
    code, out, err = invoke(
        ["record", ID, "ei", "--correct", "--by", "Matti", "--comment", "väärä"], cwd=tmp_path
    )
    assert (code, err) == (0, "")
    assert "korjaa: 1" in out and "Tila nyt: ei toteutunut" in out
    assert only_added_lines(first, path.read_bytes()) == [
        "              - pvm: 30.11.2024",
        "                arvo: ei",
        "                korjaa: 1",
        "                kirjaaja: Matti",
        "                kommentti: väärä",
    ]
    shown = invoke(["show", ID, "--year", "2024", "--as-of", "1.1.2025"], cwd=tmp_path)[1]
    assert shown.split("Mittari:")[1].split("Perustelu")[0].strip().endswith("Tila: ei toteutunut")
    history = " ".join(invoke(["history", "2024"], cwd=tmp_path)[1].split())
    assert "ei (kirjaus 2, korjaa kirjauksen 1)" in history and "kyllä (kirjaus 1, korjattu)" in history
    corrected = path.read_bytes()
    code, out, _err = invoke(["record", ID, "--withdraw", "--comment", "ei tietoa"], cwd=tmp_path)
    assert code == 0 and "peruu: 2" in out and "ei arvioitu" in out
    assert only_added_lines(corrected, path.read_bytes()) == [
        "              - pvm: 30.11.2024",
        "                peruu: 2",
        "                kommentti: ei tietoa",
    ]
    data = json.loads(invoke(["history", "2024", "--json"], cwd=tmp_path)[1])["kirjaukset"]
    assert [(e.get("korjaa"), e.get("peruu"), e.get("voimassa", True)) for e in data] == [
        (None, 2, False),
        (1, None, False),
        (None, None, False),
    ]
    assert invoke(["validate"], cwd=tmp_path)[0] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--correct"], "--correct tarvitsee uuden arvon"),
        (["kyllä", "--withdraw"], "eikä ota arvoa"),
        (["kyllä", "--correct", "--withdraw"], "joko --correct tai --withdraw"),
    ],
)
def test_fix_options_that_do_not_fit_are_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    before = (tmp_path / Y2024).read_bytes()
    code, _out, err = invoke(["record", ID, *args, "--year", "2024"], cwd=tmp_path)
    assert code == 2 and message in err
    assert (tmp_path / Y2024).read_bytes() == before


def test_nothing_to_correct_is_said(tmp_path: Path) -> None:
    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    code, _out, err = invoke(["record", ID, "--withdraw"], cwd=tmp_path)
    assert code == 1 and "ei ole vuonna 2024 kirjausta" in err


def test_validate_names_a_correction_of_an_entry_that_is_not_before_it(tmp_path: Path) -> None:
    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    path = tmp_path / Y2024
    assert invoke(["record", ID, "kyllä", "--date", "30.11.2024"], cwd=tmp_path)[0] == 0
    path.write_text(path.read_text(encoding="utf-8") + "", encoding="utf-8")
    text = path.read_text(encoding="utf-8").replace(
        "- pvm: 30.11.2024\n                arvo: kyllä\n",
        "- pvm: 30.11.2024\n                arvo: kyllä\n                korjaa: 3\n",
    )
    path.write_text(text, encoding="utf-8")
    code, out, _err = invoke(["validate", str(path)], cwd=tmp_path)
    assert code == 1 and "T050" in out and "kirjaus 1 viittaa (korjaa: 3)" in " ".join(out.split())
