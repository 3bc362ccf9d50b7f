"""Hostile Office files for import, and file names and folders that misbehave (issue 12)."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from hostile import goal_text, make_repo
from tavoitteet.files import discovery
from tavoitteet.importing import readers
from tavoitteet.importing.ids import IdAllocator

from conftest import invoke

# 9. Office files: rows, columns, spans and every part's unpacked size are bounded before parsing.


def _xlsx(cells: dict[str, str]) -> bytes:
    import openpyxl  # type: ignore[import-untyped]

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for where, value in cells.items():
        sheet[where] = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _docx(rows: int = 2) -> bytes:
    import docx

    document = docx.Document()
    table = document.add_table(rows=rows, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Tavoite", "Mittari"
    if rows > 1:
        table.cell(1, 0).text, table.cell(1, 1).text = "Luku kasvaa", "Lainat"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rewrite(raw: bytes, part: str, change: object, extra: dict[str, bytes] | None = None) -> bytes:
    """The zip with one part's text changed by ``change`` (a function of the text) and parts added."""
    source = zipfile.ZipFile(io.BytesIO(raw))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")  # type: ignore[operator]
            target.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return buffer.getvalue()


def _import(tmp_path: Path, name: str, raw: bytes) -> tuple[int, str, str]:
    source = tmp_path / name
    source.write_bytes(raw)
    return invoke(
        ["import", str(source), "--committee", "Testi", "--year", "2024", "-o", str(tmp_path / "o.yaml")]
    )


def test_a_sheet_with_a_cell_at_the_far_corner_is_refused_before_it_is_laid_out(tmp_path: Path) -> None:
    code, out, err = _import(tmp_path, "kulma.xlsx", _xlsx({"A1": "Tavoite", "XFD1048576": "x"}))
    assert code == 1 and "liian suuri" in err and "Traceback" not in out + err
    assert not (tmp_path / "o.yaml").exists()


def test_a_merged_range_over_the_whole_sheet_is_not_expanded(tmp_path: Path) -> None:
    merged = '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
    raw = _rewrite(
        _xlsx({"A1": "Tavoite", "B1": "Mittari", "A2": "Luku kasvaa", "B2": "Lainat"}),
        "xl/worksheets/sheet1.xml",
        lambda text: text.replace("</sheetData>", "</sheetData>" + merged),
    )
    code, out, err = _import(tmp_path, "yhdistetty.xlsx", raw)
    assert code in (0, 1) and "Traceback" not in out + err


def test_a_word_cell_spanning_millions_of_columns_is_refused(tmp_path: Path) -> None:
    raw = _rewrite(
        _docx(),
        "word/document.xml",
        lambda text: text.replace("<w:tcPr>", '<w:tcPr><w:gridSpan w:val="200000000"/>', 1),
    )
    code, out, err = _import(tmp_path, "leveä.docx", raw)
    assert code == 1 and "liian suuri" in err and "Traceback" not in out + err


def test_a_zip_bomb_part_with_another_name_counts_towards_the_limit(tmp_path: Path) -> None:
    bomb = b"<x>" + b"0" * (readers.MAX_UNPACKED + 1) + b"</x>"
    raw = _rewrite(_docx(), "word/document.xml", lambda text: text, {"word/media/kuva.bin": bomb})
    assert len(raw) < 1_000_000
    code, _out, err = _import(tmp_path, "pommi.docx", raw)
    assert code == 1 and "purkautuu liian suureksi" in err


def test_too_many_rows_are_refused(tmp_path: Path) -> None:
    text = "Tavoite\tMittari\n" + "".join(f"T{n}\tM{n}\n" for n in range(10))
    sheet = readers.Sheet(readers.rows_from_text(text)[0], "tsv")
    assert len(sheet.rows) == 11
    raw = _xlsx({"A1": "Tavoite", f"A{readers.MAX_ROWS + 5}": "x"})
    code, _out, err = _import(tmp_path, "pitkä.xlsx", raw)
    assert code == 1 and "liian suuri" in err


class _CountingSet(set[str]):
    probes = 0

    def __contains__(self, item: object) -> bool:
        _CountingSet.probes += 1
        return super().__contains__(item)


def test_ids_for_one_text_repeated_on_many_rows_cost_a_step_each() -> None:
    allocator = IdAllocator()
    allocator.used = _CountingSet()
    _CountingSet.probes = 0
    made = [allocator.make("Sama teksti", "x") for _ in range(3000)]
    assert made[:3] == ["sama-teksti", "sama-teksti-2", "sama-teksti-3"] and len(set(made)) == 3000
    assert _CountingSet.probes < 3 * 3000


def test_ids_skip_numbers_taken_by_another_text() -> None:
    allocator = IdAllocator()
    assert [allocator.make(t, "x") for t in ("a", "a-2", "a", "a", "a-4")] == [
        "a",
        "a-2",
        "a-3",
        "a-4",
        "a-4-2",
    ]


# 10. File names that are not UTF-8, folders that vanish or cannot be read: problems, never exit 3.


def _undecodable(folder: Path) -> Path:
    name = os.fsencode(folder) + b"/\xff\xfe.yaml"
    with open(name, "wb") as handle:  # noqa: PTH123 - a bytes name, which pathlib cannot take
        handle.write(goal_text().encode())
    return Path(os.fsdecode(name))


@pytest.mark.skipif(os.name == "nt", reason="Windows file names are UTF-16")
def test_a_file_name_that_is_not_utf8_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    _undecodable(repo / "data" / "2024")
    code, out, err = invoke(["validate"], cwd=repo)
    assert code == 1 and "T062" in out and "\\xff\\xfe.yaml" in out and "Traceback" not in err
    record = ["record", "mittari", "kyllä", "--year", "2024", "--date", "1.6.2024"]
    for command in (["years"], ["years", "--json"], ["status", "2024"], record):
        code, out, err = invoke(command, cwd=repo)
        assert code in (0, 1), (command, out, err)
        assert "\udcff" not in out + err


def test_an_argument_that_is_not_utf8_is_refused_without_a_crash(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    for command in (["record", "\udcff", "kyllä"], ["show", "\udcff"], ["status", "--committee", "\udcff"]):
        code, out, err = invoke(command, cwd=repo)
        assert code in (0, 1, 2) and "Traceback" not in out + err, (command, out, err)


def test_a_folder_that_vanishes_during_the_walk_is_a_problem_with_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path)
    year = repo / "data" / "2025"
    year.mkdir()
    (year / "x.yaml").write_text(goal_text().replace("2024", "2025"), encoding="utf-8")
    real = os.scandir

    def vanishing(path: object) -> object:
        if Path(str(path)) == year and year.exists():
            shutil.rmtree(year)
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(discovery.os, "scandir", vanishing)
    code, out, _err = invoke(["validate"], cwd=repo)
    assert code == 1 and "data/2025" in out and "Ei virheitä" not in out


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_year_folder_is_a_problem_never_a_clean_result(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    year = repo / "data" / "2025"
    year.mkdir()
    year.chmod(0)
    try:
        code, out, _err = invoke(["validate"], cwd=repo)
        assert code == 1 and "T061" in out and "Ei virheitä" not in out
        assert invoke(["status", "2025"], cwd=repo)[0] == 1
    finally:
        year.chmod(0o755)


def test_a_folder_in_place_of_a_goal_file_and_data_pointing_at_proc(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path)
    (repo / "data" / "2024" / "kansio.yaml").mkdir()
    code, _out, err = invoke(["status", "2024"], cwd=repo)
    assert code == 1 and "kansio.yaml" in err and "T060" in err
    if Path("/proc/self").exists():
        monkeypatch.setenv("TAVOITTEET_DATA", "/proc")
        for command in (["status"], ["years"], ["history"]):
            code, out, err = invoke(command, cwd=repo)
            assert code in (0, 1) and "Traceback" not in out + err, (command, out, err)
