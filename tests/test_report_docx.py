"""``report --format docx``: the Word document the secretary edits into the annual report.

The file is opened with python-docx (structure: built-in heading styles, one
table per area with a repeating header row, goals as full-width rows, page
numbers in the footer, A4) and converted to PDF by LibreOffice headless, a
real client, whose text and page count are checked with poppler's tools.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table

from clients import libreoffice_pdf, pdf_pages, pdf_text, require

from conftest import FIXTURES, invoke

REPORT_DATA = FIXTURES / "report" / "data"
BINDING_DATA = FIXTURES / "report-binding" / "data"
AFTER = ["--as-of", "1.1.2025"]


def make_docx(target: Path, *args: str, data: Path = REPORT_DATA) -> Path:
    code, out, err = invoke(
        ["report", "2024", "--format", "docx", "-o", str(target), *AFTER, *args, "--data", str(data)]
    )
    assert (code, out) == (0, ""), err
    assert err.startswith(
        (f"tavoitteet: kirjoitettu {target} (docx, ", f"tavoitteet: wrote {target} (docx, ")
    ), err
    return target


def rows_text(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


@pytest.fixture(scope="module")
def report_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_docx(tmp_path_factory.mktemp("docx") / "raportti.docx")


def test_headings_use_words_built_in_styles(report_docx: Path) -> None:
    document = Document(str(report_docx))
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["Title"] == ["Toiminnallisten tavoitteiden toteutuminen 2024"]
    assert by_style["Heading 1"] == ["Kulttuurilautakunta"]
    assert by_style["Heading 2"] == ["Kirjasto", "Museo", "Yhteenveto: Kulttuurilautakunta"]
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Lautakunta: Kulttuurilautakunta" in body and "Vuosi: 2024" in body
    assert "Päätös: Kulttuurilautakunta 11.10.2023 § 91" in body
    assert "Tilanne 1.1.2025 (vuosi on päättynyt)." in body
    assert "Tavoitteista toteutui 0/3 (0 %). Mittareista toteutui 3/11 (27 %)." in body
    assert document.core_properties.title == "Toiminnallisten tavoitteiden toteutuminen 2024"


def test_one_table_per_area_with_a_repeating_header_and_goals_as_full_rows(report_docx: Path) -> None:
    document = Document(str(report_docx))
    kirjasto, museo, summary = document.tables
    for table in (kirjasto, museo):
        header = table.rows[0]
        assert [c.text for c in header.cells] == [
            "Mittari",
            "Tavoitetaso",
            "Toteuma",
            "Tila",
            "Kommentit ja perustelut",
        ]
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    goal_rows = [row for row in kirjasto.rows if len(row._tr.tc_lst) == 1]
    assert (
        next(row.cells[0].text for row in goal_rows) == "Tavoite: Lainausta lisätään. – osittain toteutunut"
    )
    rows = {r[0]: r for r in rows_text(kirjasto)}
    lainat = rows["Lainat"]
    assert lainat[1:] == [
        "Lainat kasvavat vuodesta 2023.",
        "1 234,5 lainaa (31.12.2024); vertailuvuosi 2023: 1 000; muutos +234,5 (+23,4 %)",
        "toteutunut",
        "Kasvu | erityisesti\nlasten lainoissa",
    ]
    assert "Teko: Kirjastostrategia valmistuu.\nStrategia valmis" in rows
    museum = {r[0]: r for r in rows_text(museo)}
    assert museum["Kävijäpalaute"][3] == "osittain toteutunut (käsin asetettu)"
    assert museum["Verkkonäyttely"][3:] == ["ei arvioitu", "Tieto saadaan tammikuussa."]
    assert [c.text for c in summary.rows[0].cells] == ["Tila", "Tavoitteet", "Mittarit"]


def test_status_is_words_and_colour_only_repeats_them(report_docx: Path) -> None:
    document = Document(str(report_docx))
    colours = {}
    for table in document.tables[:2]:
        for row in table.rows[1:]:
            if len(row._tr.tc_lst) == 5:
                (run,) = row.cells[3].paragraphs[0].runs
                colours[run.text] = str(run.font.color.rgb)
    assert colours["toteutunut"] == "1B7A3A" and colours["ei toteutunut"] == "B3261E"
    assert set(colours) >= {"toteutunut", "ei toteutunut", "ei arvioitu", "raportoitu", "ei sovellu"}


def test_every_not_assessed_has_its_reason_and_binding_goals_are_marked_and_counted(tmp_path: Path) -> None:
    document = Document(str(make_docx(tmp_path / "sitovat.docx", data=BINDING_DATA)))
    table = document.tables[0]
    texts = rows_text(table)
    goal = next(r[0] for r in texts if r[0].startswith("Tavoite: Koulujen sisäilma"))
    assert goal.startswith("Tavoite: Koulujen sisäilma paranee. – ei arvioitu (sitova tavoite)\nPerustelu: ")
    for row in texts:
        if len(set(row)) > 1 and row[3] == "ei arvioitu":
            assert row[4], row
    assert [
        "Sisäilmakysely",
        "Sisäilmakysely tehdään kaikissa kouluissa.",
        "",
        "ei arvioitu",
        "Toteumaa ei ole kirjattu.",
    ] in texts
    body = "\n".join(p.text for p in document.paragraphs)
    assert (
        "Valtuustoon nähden sitovista tavoitteista toteutui 1/2 (50 %). Tavoitteista toteutui 1/3 (33 %)."
        in body
    )
    assert "Valmistelija: Sivistysjohtaja, Maija Meikäläinen" in body
    summary = rows_text(document.tables[-1])
    assert summary[0] == ["Tila", "Tavoitteet", "Sitovat tavoitteet", "Mittarit"]
    assert ["ei arvioitu", "1/3", "1/2", "1/3"] in summary


def test_a4_portrait_with_page_numbers_in_the_footer_and_landscape_on_request(
    report_docx: Path, tmp_path: Path
) -> None:
    section = Document(str(report_docx)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    footer = section.footer.paragraphs[0]
    instructions = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("Kulttuurilautakunta – 2024 – Sivu ")
    landscape = Document(str(make_docx(tmp_path / "vaaka.docx", "--landscape"))).sections[0]
    assert (round(landscape.page_width.mm), round(landscape.page_height.mm)) == (297, 210)


def test_a_word_file_is_not_printed_on_a_terminal_and_swedish_and_english_work(tmp_path: Path) -> None:
    swedish = Document(str(make_docx(tmp_path / "sv.docx", "--lang", "sv")))
    assert swedish.paragraphs[0].text == "Förverkligandet av verksamhetsmålen 2024"
    assert [c.text for c in swedish.tables[0].rows[0].cells][:2] == ["Mätare", "Målnivå"]
    english = Document(str(make_docx(tmp_path / "en.docx", "--lang", "en")))
    assert english.tables[0].rows[0].cells[0].text == "Indicator"


@pytest.fixture(scope="module")
def soffice(request: pytest.FixtureRequest) -> str:
    return require(
        request,
        "soffice",
        "libreoffice",
        what="the Word report",
        install="apt-get install libreoffice-writer",
    )


@pytest.fixture(scope="module")
def poppler(request: pytest.FixtureRequest) -> tuple[str, str]:
    found = require(
        request, "pdftotext", what="the Word report's PDF", install="apt-get install poppler-utils"
    )
    return found, require(
        request, "pdfinfo", what="the Word report's PDF", install="apt-get install poppler-utils"
    )


@pytest.mark.parametrize("orientation", [[], ["--landscape"]], ids=["portrait", "landscape"])
def test_libreoffice_lays_it_out_with_the_text_and_numbered_pages(
    soffice: str, poppler: tuple[str, str], tmp_path: Path, orientation: list[str]
) -> None:
    pdftotext, pdfinfo = poppler
    pdf = libreoffice_pdf(soffice, make_docx(tmp_path / "raportti.docx", *orientation), tmp_path / "profile")
    pages = pdf_text(pdftotext, pdf)
    count = pdf_pages(pdfinfo, pdf)
    assert 1 <= count <= 4 and len(pages) == count
    for number, page in enumerate(pages, start=1):
        assert f"Kulttuurilautakunta – 2024 – Sivu {number} / {count}" in page
    text = " ".join(" ".join(pages).split())
    for expected in (
        "Toiminnallisten tavoitteiden toteutuminen 2024",
        "Tavoite: Lainausta lisätään. – osittain toteutunut",
        "Verkkonäyttely",  # a table cell wraps inside its column: its words are checked one by one
        "tammikuussa.",
        "Tapahtumia kaikille ikäryhmille <lapset & aikuiset>.",
        "Yhteenveto: Kulttuurilautakunta",
    ):
        assert expected in text


def test_word_goes_to_stdout_only_when_it_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    from tavoitteet import errors
    from tavoitteet.commands import report
    from tavoitteet.commands.viewing import Filters
    from tavoitteet.render.report_csv import CsvDialect
    from test_report import report_bytes

    payload = report_bytes("2024", "--format", "docx", *AFTER)
    assert payload.startswith(b"PK") and Document(io.BytesIO(payload)).paragraphs[0].text.startswith(
        "Toiminnallisten"
    )

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Terminal())
    with pytest.raises(errors.UserError) as raised:
        report.run(
            2024, report.ReportFormat.DOCX, None, CsvDialect.EXCEL, Filters(), "1.1.2025", "fi", REPORT_DATA
        )
    assert raised.value.exit_code == errors.USAGE and "-o raportti.docx" in raised.value.message
