"""Numbers at the edges, dates far from the year, categories, text options and problem caps (issue 12)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from hostile import NUMBER_FILE, goal_text, make_repo
from tavoitteet.commands import validate
from tavoitteet.core import parsing
from tavoitteet.core.parsing import ValueParseError, parse_number

from conftest import invoke

VIEWS = [["status", "2024"], ["list", "2024"], ["show", "luku"], ["history", "2024"]]
REPORTS = [["report", "2024", "--format", f] for f in ("md", "csv", "json", "html")]


def _entries(*values: str) -> str:
    lines = ["            toteuma:"]
    for n, value in enumerate(values, 1):
        lines += [f"              - pvm: {n}.2.2024", f'                arvo: "{value}"']
    return "\n".join(lines) + "\n"


# 8. One bound for numbers; refused by validate and record; no view crashes on what validate accepts.


@pytest.mark.parametrize(
    "value", ["1" * 5000, "1" * 31, "0," + "1" * 40, "-" + "9" * 17], ids=["5000", "31", "40-decimals", "17"]
)
def test_a_number_beyond_the_bounds_is_refused_by_validate_and_no_view_crashes(
    tmp_path: Path, value: str
) -> None:
    repo = make_repo(tmp_path, NUMBER_FILE.format(entries=_entries(value)))
    code, out, _err = invoke(["validate"], cwd=repo)
    assert code == 1 and "liian suuri tai liian tarkka" in out
    for command in [*VIEWS, *REPORTS]:
        assert invoke(command, cwd=repo)[0] == 1, command


def test_the_largest_numbers_validate_accepts_print_in_every_view(tmp_path: Path) -> None:
    largest = "9" * parsing.MAX_DIGITS + "," + "9" * parsing.MAX_DECIMALS
    trend = (
        NUMBER_FILE.format(entries=_entries(largest, "-" + largest))
        .replace(
            "tyyppi: luku", "tyyppi: kehitys\n            suunta: kasvu\n            vertailuvuosi: 2023"
        )
        .replace("            tavoite:\n              vähintään: 10\n", "")
    )
    repo = make_repo(tmp_path, trend)
    earlier = repo / "data" / "2023"
    earlier.mkdir()
    smallest = "0," + "0" * (parsing.MAX_DECIMALS - 1) + "1"
    (earlier / "testilautakunta.yaml").write_text(
        NUMBER_FILE.format(entries=_entries(smallest)).replace("2024", "2023"), encoding="utf-8"
    )
    assert invoke(["validate"], cwd=repo)[0] == 0
    for command in [*VIEWS, *REPORTS]:
        code, out, err = invoke(command, cwd=repo)
        assert code == 0, (command, out, err)


def test_record_refuses_a_number_beyond_the_bounds_and_leaves_the_file(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, NUMBER_FILE.format(entries=""))
    path = repo / "data" / "2024" / "testilautakunta.yaml"
    before = path.read_bytes()
    code, _out, err = invoke(["record", "luku", "1" * 5000, "--year", "2024", "--date", "1.6.2024"], cwd=repo)
    assert code == 2 and "liian suuri" in err
    assert path.read_bytes() == before
    assert invoke(["status", "2024"], cwd=repo)[0] == 0


def test_the_bound_is_one_rule_in_the_parser() -> None:
    digits, decimals = parsing.MAX_DIGITS, parsing.MAX_DECIMALS
    assert parse_number("9" * digits) == int("9" * digits)
    for text in ("9" * (digits + 1), "1," + "1" * (decimals + 1)):
        with pytest.raises(ValueParseError) as refused:
            parse_number(text)
        assert refused.value.key == "number.out_of_range"


def _csv(repo: Path, dialect: str) -> dict[str, dict[str, str]]:
    code, out, _err = invoke(  # the machine view, with ids (issue 17 made the default columns printable)
        ["report", "2024", "--format", "csv", "--columns", "all", "--csv-dialect", dialect], cwd=repo
    )
    assert code == 0
    rows = csv.DictReader(io.StringIO(out.lstrip("\ufeff")), delimiter=";" if dialect == "excel" else ",")
    return {row["mittari_id"]: row for row in rows}


def test_the_excel_csv_writes_negative_numbers_as_numbers(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, NUMBER_FILE.format(entries=_entries("-3")))
    assert _csv(repo, "excel")["luku"]["arvo"] == "-3"
    assert _csv(repo, "standard")["luku"]["arvo"] == "-3"


@pytest.mark.parametrize("comment", ["=1+1", "@SUM(A1)", "+1", "-x", "\\t=1+1"])
@pytest.mark.parametrize("dialect", ["excel", "standard"])
def test_text_that_a_spreadsheet_would_run_is_guarded_in_both_dialects(
    tmp_path: Path, comment: str, dialect: str
) -> None:
    entry = f'            toteuma:\n              - pvm: 1.2.2024\n                arvo: kyllä\n                kommentti: "{comment}"\n'
    repo = make_repo(tmp_path, goal_text(extra=entry))
    assert _csv(repo, dialect)["mittari"]["kommentti"].startswith("'")


def test_a_cell_starting_with_a_carriage_return_is_guarded_too() -> None:
    from tavoitteet.render.report_csv import CsvDialect, _guard

    for dialect in CsvDialect:
        assert _guard("comment", "\r=1+1", dialect) == "'\r=1+1"
        assert _guard("value", "-3,5" if dialect is CsvDialect.EXCEL else "-3.5", dialect)[0] == "-"


# 12. Dates far from the year, categories that differ in case, empty text options, capped problems.


def test_an_entry_dated_centuries_off_is_refused_by_validate_and_record(tmp_path: Path) -> None:
    entry = "            toteuma:\n              - pvm: 1.11.2204\n                arvo: kyllä\n"
    repo = make_repo(tmp_path, goal_text(extra=entry))
    code, out, _err = invoke(["validate"], cwd=repo)
    assert code == 1 and "T036" in out and "1.11.2204" in out
    clean = make_repo(tmp_path / "toinen")
    path = clean / "data" / "2024" / "testilautakunta.yaml"
    before = path.read_bytes()
    code, _out, err = invoke(["record", "mittari", "kyllä", "--date", "1.11.2204"], cwd=clean)
    assert code in (1, 2) and "2204" in err
    assert path.read_bytes() == before


def test_categories_that_differ_only_in_case_are_refused_by_validate(tmp_path: Path) -> None:
    text = goal_text().replace(
        "            tyyppi: kyllä/ei\n",
        "            tyyppi: luokittain\n            luokat: [Lapset, lapset]\n            tavoite:\n              vähintään: 1\n",
    )
    repo = make_repo(tmp_path, text)
    code, out, _err = invoke(["validate"], cwd=repo)
    assert code == 1 and "T063" in out and "kirjainkooltaan" in out


@pytest.mark.parametrize("option", ["--comment", "--by", "--source"])
def test_a_whitespace_only_text_option_is_a_usage_error(tmp_path: Path, option: str) -> None:
    repo = make_repo(tmp_path)
    code, _out, err = invoke(["record", "mittari", "kyllä", option, "   "], cwd=repo)
    assert code == 2 and option in err and "tyhjä" in err


def test_status_prints_at_most_as_many_problems_as_validate(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    year = repo / "data" / "2024"
    for n in range(250):
        (year / f"rikki-{n:03}.yaml").write_text("muoto: [1\n", encoding="utf-8")
    _code, checked, _err = invoke(["validate"], cwd=repo)
    code, _out, err = invoke(["status", "2024"], cwd=repo)
    assert code == 1
    assert err.count(": virhe T") == checked.count(": virhe T") == 201
    assert "T099" in err
    assert "Löytyi 250 virhettä 250 tiedostossa." in checked  # counted, though only 200 are kept


def test_validate_keeps_only_the_lines_its_problems_point_at(tmp_path: Path) -> None:
    path = tmp_path / "data" / "2024" / "testilautakunta.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(goal_text(extra="            tuntematon: 1\n") + "# täyte\n" * 5000, encoding="utf-8")
    result = validate.check_file(path)
    assert result.problems and result.source is not None
    assert set(result.source) == {p.line for p in result.problems}
