"""The Excel round-trip: `tavoitteet form YEAR -o lomake.xlsx`, filled in, and `tavoitteet record --from lomake.xlsx`.

The workbook is filled with openpyxl as Excel would save it, and re-saved by
LibreOffice Calc headless as a real client (Debian's ``libreoffice-calc``,
which ``.ci/run`` installs); without Calc that test is skipped, loudly.
"""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest

from test_record import indicators, only_added_lines

from conftest import DATA, invoke

Y2021 = "data/2021/hyvinvointilautakunta.yaml"
Y2024 = "data/2024/hyvinvointilautakunta.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "2021", tmp_path / "data" / "2021")
    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    return tmp_path


def make_form(repo: Path, *args: str, year: str = "2021") -> Path:
    target = repo / "lomake.xlsx"
    code, out, err = invoke(["form", year, "-o", str(target), *args], cwd=repo)
    assert code == 0, err
    assert "Kirjoitettu" in out
    return target


def rows(path: Path) -> tuple[dict[str, int], list[dict[str, Any]]]:
    sheet = openpyxl.load_workbook(path)["Kirjaus"]
    values = list(sheet.iter_rows(values_only=True))
    headers = {h: i for i, h in enumerate(values[0])}
    return headers, [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def fill(
    path: Path, answers: dict[tuple[str, str | None], dict[str, Any]], target: Path | None = None
) -> Path:
    """Write answers {(id, category): {column: value}} into the form, as a user in Excel would."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Kirjaus"]
    headers = {cell.value: cell.column for cell in sheet[1]}
    for row in sheet.iter_rows(min_row=2):
        key = (row[headers["Tunnus"] - 1].value, row[headers["Luokka"] - 1].value)
        for column, value in answers.get(key, {}).items():
            row[headers[column] - 1].value = value
    out = target or path.with_name("taytetty.xlsx")
    workbook.save(out)
    return out


ANSWERS: dict[tuple[str, str | None], dict[str, Any]] = {
    ("kulttuuriparlamentin-kokoukset", None): {
        "Arvo": 6,
        "Päivämäärä": datetime.datetime(2021, 12, 31),
        "Kirjaaja": "Kaisa",
        "Lähde": "Pöytäkirjat 2021",
    },
    ("kulttuuristrategia-valmis", None): {
        "Arvo": datetime.datetime(2021, 11, 15),
        "Päivämäärä": "15.11.2021",
    },
    ("liikuntaneuvonnan-kayntikerrat", None): {"Arvo": 1234.5, "Kommentti": "arvio"},
    ("musiikkitapahtumat-ikaryhmittain", "lapset"): {"Arvo": 2, "Päivämäärä": "31.12.2021"},
    ("musiikkitapahtumat-ikaryhmittain", "nuoret"): {"Arvo": "1", "Päivämäärä": "31.12.2021"},
}
EXPECTED_ADDED = [
    "                toteuma:",
    "                  - pvm: 31.12.2021",
    "                    arvo: 6",
    "                    kirjaaja: Kaisa",
    "                    lähde: Pöytäkirjat 2021",
    "                toteuma:",
    "                  - pvm: 15.11.2021",
    "                    arvo: 15.11.2021",
    "                toteuma:",
    "                  - pvm: 31.12.2021",
    "                    arvo:",
    "                      lapset: 2",
    "                      nuoret: 1",
    "                toteuma:",
    "                  - pvm: 31.12.2021",
    "                    arvo: 1 234,5",
    "                    kommentti: arvio",
]


def test_the_form_has_a_row_per_indicator_and_category_with_validation_and_only_inputs_unlocked(
    repo: Path,
) -> None:
    path = make_form(repo)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Ohjeet", "Kirjaus", "Tiedot"]
    assert workbook["Tiedot"].sheet_state == "hidden"
    assert "Toteumien kirjauslomake 2021" in workbook["Ohjeet"]["A1"].value
    sheet = workbook["Kirjaus"]
    headers, table = rows(path)
    assert list(headers)[:13] == [
        "Lautakunta", "Tehtäväalue", "Tavoite", "Mittari", "Tavoitetaso", "Viimeisin arvo", "Pvm", "Tunnus",
        "Arvo", "Päivämäärä", "Kirjaaja", "Lähde", "Kommentti",
    ]  # fmt: skip
    ids = [r["Tunnus"] for r in table]
    assert ids.count("musiikkitapahtumat-ikaryhmittain") == 4
    assert "kulttuuriparlamentin-kokoukset" in ids
    first = next(r for r in table if r["Tunnus"] == "kulttuuriparlamentin-kokoukset")
    assert first["Tavoitetaso"] == "5-8 kokousta/vuonna 2021 (kokousta)"
    assert sheet.protection.sheet
    number = ids.index("kulttuuriparlamentin-kokoukset") + 2
    assert sheet.cell(number, headers["Arvo"] + 1).protection.locked is False
    assert sheet.cell(number, headers["Tunnus"] + 1).protection.locked is True
    rules = {str(v.sqref): (v.type, v.formula1) for v in sheet.data_validations.dataValidation}
    assert {"decimal", "whole", "date"} <= {t for t, _f in rules.values()}
    yes_no = openpyxl.load_workbook(make_form(repo, year="2024"))["Kirjaus"].data_validations.dataValidation
    assert any(v.type == "list" and v.formula1 == '"kyllä,ei"' and str(v.sqref) for v in yes_no)
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$1:$1"


def test_filters_committee_responsible_and_missing(repo: Path) -> None:
    path = repo / Y2021
    text = path.read_text(encoding="utf-8").replace(
        "              - id: kulttuuriparlamentin-kokoukset\n",
        "              - id: kulttuuriparlamentin-kokoukset\n                vastuuhenkilö:\n"
        "                  nimi: Kaisa Kulttuuri\n",
    )
    path.write_text(text, encoding="utf-8")
    _h, table = rows(make_form(repo, "--responsible", "kaisa"))
    assert [r["Tunnus"] for r in table] == ["kulttuuriparlamentin-kokoukset"]
    assert invoke(["record", "liikuntaneuvojien-maara", "2", "--year", "2021"], cwd=repo)[0] == 0
    _h, table = rows(make_form(repo, "--missing"))
    assert "liikuntaneuvojien-maara" not in [r["Tunnus"] for r in table]
    _h, table = rows(make_form(repo, "--committee", "olematon"))
    assert table == []


def test_a_filled_form_is_recorded_once_however_often_it_is_read(repo: Path) -> None:
    before = (repo / Y2021).read_bytes()
    filled = fill(make_form(repo), ANSWERS)
    code, out, err = invoke(["record", "--from", str(filled)], cwd=repo)
    assert (code, err) == (0, "")
    assert "Hyvinvointilautakunta: 4 kirjausta" in out
    once = (repo / Y2021).read_bytes()
    assert sorted(only_added_lines(before, once)) == sorted(EXPECTED_ADDED)
    code, out, _err = invoke(["record", "--from", str(filled)], cwd=repo)
    assert code == 0 and "ei ollut uusia kirjauksia" in out
    assert (repo / Y2021).read_bytes() == once
    assert invoke(["validate"], cwd=repo)[0] == 0


BAD = {
    ("kulttuuriparlamentin-kokoukset", None): {"Arvo": "6 kokousta"},
    ("kulttuuripaakaupunkihankkeen-kokoukset", None): {"Arvo": 5, "Päivämäärä": "31/12/2021"},
    ("musiikkitapahtumat-ikaryhmittain", "lapset"): {"Arvo": -1},
    ("musiikkitapahtumat-ikaryhmittain", "nuoret"): {"Arvo": 1.5},
    ("kulttuuristrategia-valmis", None): {"Arvo": "joo"},
    ("liikuntaneuvonnan-kayntikerrat", None): {"Arvo": 5, "Kommentti": "rivi\u2028toinen"},
    ("liikuntaneuvojien-maara", None): {"Arvo": 3},
}


def test_every_bad_cell_gets_its_own_message_and_nothing_is_written(repo: Path) -> None:
    before = (repo / Y2021).read_bytes()
    filled = fill(make_form(repo), BAD)
    code, out, err = invoke(["record", "--from", str(filled)], cwd=repo)
    assert code == 1 and out == ""
    lines = [line for line in err.splitlines() if "Kirjaus, rivi" in line]
    assert len(lines) == 6, err
    text = " ".join(err.split())
    assert "sarake I (Arvo): arvo '6 kokousta'" in text or "sarake I (Arvo)" in text
    assert "sarake J (Päivämäärä): '31/12/2021' ei ole päivämäärä" in text
    assert "negatiivinen" in text and "ei ole lukumäärä" in text
    assert "sarake M (Kommentti): tekstissä on merkki" in text and "U+2028" in text
    assert "Lomakkeelta ei kirjattu mitään: 6 ongelmaa" in text
    assert (repo / Y2021).read_bytes() == before
    code, out, err = invoke(["record", "--from", str(filled), "--partial"], cwd=repo)
    assert code == 1 and "Hyvinvointilautakunta: 1 kirjausta" in out
    assert indicators(repo, Y2021)["liikuntaneuvojien-maara"]["toteuma"] == [
        {"pvm": "31.12.2021", "arvo": "3"}
    ]


def test_a_form_of_another_year_or_with_a_removed_indicator_is_named_per_row(repo: Path) -> None:
    filled = fill(make_form(repo), ANSWERS)
    code, _out, err = invoke(["record", "--from", str(filled), "--year", "2024"], cwd=repo)
    assert code == 2 and "lomake on vuodelta 2021, mutta --year on 2024" in err
    path = repo / Y2021
    path.write_text(
        path.read_text(encoding="utf-8").replace("kulttuuriparlamentin-kokoukset", "parlamentin-kokoukset"),
        encoding="utf-8",
    )
    before = path.read_bytes()
    workbook = openpyxl.load_workbook(filled)
    sheet = workbook["Kirjaus"]
    headers = {cell.value: cell.column for cell in sheet[1]}
    sheet.cell(3, headers["Vuosi"]).value = 2020
    sheet.cell(3, headers["Arvo"]).value = 1
    workbook.save(filled)
    code, _out, err = invoke(["record", "--from", str(filled)], cwd=repo)
    assert code == 1
    text = " ".join(err.split())
    assert "mittaria 'kulttuuriparlamentin-kokoukset' ei ole vuoden 2021 tavoitteissa" in text
    assert "rivi 3" in text and "vuoden 2020 lomakkeelta" in text
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a workbook", "ei voi lukea Excel-työkirjana"),
        (None, "ei ole tavoitteet form -komennolla tehty"),
    ],
)
def test_a_file_that_is_not_a_form_is_refused(repo: Path, content: bytes | None, message: str) -> None:
    path = repo / "muu.xlsx"
    if content is None:
        workbook = openpyxl.Workbook()
        workbook.active["A1"] = "Tunnus"
        workbook.save(path)
    else:
        path.write_bytes(content)
    code, _out, err = invoke(["record", "--from", str(path)], cwd=repo)
    assert code == 2 and message in err


# --- LibreOffice as a real client ---------------------------------------------------------------


class _LoudSkip:
    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        terminalreporter.write_sep(
            "!",
            "WARNING: no LibreOffice Calc found; the Excel form was NOT tested in LibreOffice",
            red=True,
            bold=True,
        )


def calc_resave(source: Path, folder: Path) -> Path | None:
    """``source`` opened and saved again as .xlsx by LibreOffice Calc headless; None without Calc."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = folder / "lo-profile"
    done = subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(folder / "resaved"),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    result = folder / "resaved" / source.name
    if not result.is_file():
        if "could not be loaded" in done.stderr or "no export filter" in (done.stdout + done.stderr).lower():
            return None  # soffice without Calc (e.g. only libreoffice-writer)
        raise AssertionError(f"LibreOffice failed: {done.stdout} {done.stderr}")
    return result


def test_a_form_resaved_by_libreoffice_is_recorded_exactly_once(
    repo: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    before = (repo / Y2021).read_bytes()
    filled = fill(make_form(repo), ANSWERS)
    resaved = calc_resave(filled, tmp_path)
    if resaved is None:
        if not request.config.pluginmanager.has_plugin("form-calc-missing"):
            request.config.pluginmanager.register(_LoudSkip(), "form-calc-missing")
        pytest.skip("NO LIBREOFFICE CALC: install Debian's libreoffice-calc to test the form in LibreOffice")
    for _ in range(2):
        code, _out, err = invoke(["record", "--from", str(resaved)], cwd=repo)
        assert code == 0, err
    assert sorted(only_added_lines(before, (repo / Y2021).read_bytes())) == sorted(EXPECTED_ADDED)
    workbook = openpyxl.load_workbook(resaved)
    assert workbook["Kirjaus"].protection.sheet and workbook["Tiedot"].sheet_state == "hidden"
    assert indicators(repo, Y2021)["kulttuuristrategia-valmis"]["toteuma"] == [
        {"pvm": "15.11.2021", "arvo": "15.11.2021"}
    ]
    assert (repo / Y2024).is_file()


def test_libreoffice_prints_the_form_landscape_on_few_pages(repo: Path, tmp_path: Path) -> None:
    form = make_form(repo)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or calc_resave(form, tmp_path) is None:
        pytest.skip("NO LIBREOFFICE CALC: install Debian's libreoffice-calc to print the form")
    done = subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            str(form),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    pdf = (tmp_path / "pdf" / "lomake.pdf").read_bytes()
    assert pdf.startswith(b"%PDF"), done.stderr
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    boxes = [tuple(float(n) for n in box.split()) for box in re.findall(rb"/MediaBox\s*\[([0-9. ]+)\]", pdf)]
    # the instructions and the 13 rows across the width of landscape A4: a page each, not a page per column
    assert pages == 2, pages
    assert any(round(w) == 842 and round(h) == 595 for _x, _y, w, h in boxes), boxes


def test_a_copied_row_and_a_wrong_output_name_are_refused(repo: Path) -> None:
    code, _out, err = invoke(["form", "2021", "-o", str(repo / "lomake.csv")], cwd=repo)
    assert code == 2 and ".xlsx" in err and not (repo / "lomake.csv").exists()
    filled = fill(make_form(repo), {("kulttuuriparlamentin-kokoukset", None): {"Arvo": 6}})
    workbook = openpyxl.load_workbook(filled)
    sheet = workbook["Kirjaus"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[7].value == "kulttuuriparlamentin-kokoukset")
    sheet.append([cell.value for cell in row])
    workbook.save(filled)
    before = (repo / Y2021).read_bytes()
    code, _out, err = invoke(["record", "--from", str(filled)], cwd=repo)
    assert code == 1 and "on lomakkeella kahdesti samalla päivämäärällä" in err
    assert (repo / Y2021).read_bytes() == before
