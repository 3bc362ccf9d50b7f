"""``tavoitteet report``: the Markdown, CSV and JSON reports for the annual report.

Golden files live in tests/golden/report-*; after an intended change regenerate
them with ``UPDATE_GOLDEN=1 pytest tests/test_report.py`` and review the diff.
The fixture year tests/fixtures/report/data/2024 has every indicator kind and
every status after the year; 2023 is the earlier year it is compared to.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from clients import require

from conftest import DATA, FIXTURES, REPO_ROOT, invoke

GOLDEN = Path(__file__).resolve().parent / "golden"
REPORT_DATA = FIXTURES / "report" / "data"
AFTER = ["--as-of", "1.1.2025"]
BOM = "\ufeff".encode()


def report_bytes(*args: str, data: Path = REPORT_DATA) -> bytes:
    """The report as the bytes written to stdout."""
    from tavoitteet.cli import app

    result = CliRunner().invoke(app, ["report", *args, "--data", str(data)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


def report_text(*args: str, data: Path = REPORT_DATA) -> str:
    return report_bytes(*args, data=data).decode("utf-8")


def check_golden(name: str, payload: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(payload)
    assert path.exists(), f"{path} missing: run with UPDATE_GOLDEN=1"
    assert payload == path.read_bytes()


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("report-fixture-2024.md", ["2024", "--format", "md", *AFTER]),
        ("report-fixture-2024-sv.md", ["2024", "--format", "md", "--lang", "sv", *AFTER]),
        ("report-fixture-2024.csv", ["2024", "--format", "csv", *AFTER]),
        ("report-fixture-2024-standard-en.csv", ["2024", "--format", "csv", "--csv-dialect", "standard", "--lang", "en", *AFTER]),
        ("report-fixture-2024-all.csv", ["2024", "--format", "csv", "--columns", "all", *AFTER]),
    ],
)  # fmt: skip
def test_golden_report(name: str, args: list[str]) -> None:
    check_golden(name, report_bytes(*args))


# --- Markdown ------------------------------------------------------------------------------------


def markdown_tables(text: str) -> list[list[str]]:
    """The Markdown tables as lists of their lines."""
    tables: list[list[str]] = []
    current: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables


def cells(line: str) -> list[str]:
    """A table row split at the pipes Markdown splits at (not escaped ones)."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


def test_markdown_has_headings_decision_and_a_table_per_area() -> None:
    text = report_text("2024", *AFTER)
    assert text.startswith("# Toiminnallisten tavoitteiden toteutuminen 2024\n")
    assert "\n## Kulttuurilautakunta\n" in text
    assert "Päätös: Kulttuurilautakunta 11.10.2023 § 91" in text
    assert "\n### Kirjasto\n" in text and "\n### Museo\n" in text
    header = "| Mittari | Tavoitetaso | Toteuma | Tila | Kommentit ja perustelut |"
    assert text.count(header) == 2


def test_markdown_tables_render_every_row_with_the_same_number_of_cells() -> None:
    text = report_text("2024", *AFTER)
    for table in markdown_tables(text):
        widths = {len(cells(line)) for line in table}
        assert len(widths) == 1, table
    assert "Kasvu \\| erityisesti lasten lainoissa" in text
    assert "&lt;lapset & aikuiset&gt;" in text and "<br>" not in text


def test_markdown_goals_are_row_groups_and_no_column_is_empty_on_most_rows() -> None:
    text = report_text("2024", *AFTER)
    for table in markdown_tables(text)[:2]:
        body = [cells(line) for line in table[2:]]
        for column in range(4):  # the fifth has what the files comment, where they do
            filled = sum(1 for row in body if row[column])
            assert filled * 2 > len(body), (column, table)
    assert "| **Tavoite: Lainausta lisätään.** |   |   | **osittain toteutunut** |   |" in text
    assert "| Teko: Kirjastostrategia valmistuu. – Strategia valmis |" in text


def test_markdown_shows_a_trend_baseline_from_the_earlier_file_and_the_change() -> None:
    text = report_text("2024", *AFTER)
    (row,) = [line for line in text.splitlines() if line.startswith("| Lainat |")]
    assert "1 234,5 lainaa (31.12.2024); vertailuvuosi 2023: 1 000; muutos +234,5 (+23,4 %)" in row
    assert "| toteutunut |" in row


def test_markdown_summary_counts_goals_and_indicators_each_out_of_their_own_total() -> None:
    text = report_text("2024", *AFTER)
    summary = text.split("### Yhteenveto: Kulttuurilautakunta")[1]
    assert "Tavoitteista toteutui 0/3 (0 %). Mittareista toteutui 3/11 (27 %)." in summary
    rows = {cells(line)[0]: cells(line)[1:] for line in summary.splitlines()[6:] if line.startswith("|")}
    assert rows["osittain toteutunut"] == ["2/3", "2/11"]
    assert rows["ei toteutunut"] == ["1/3", "3/11"]
    assert rows["toteutunut"] == ["0/3", "3/11"]
    assert sum(int(g.split("/")[0]) for g, _ in rows.values()) == 3
    assert sum(int(i.split("/")[0]) for _, i in rows.values()) == 11
    assert "Vuoden yhteenveto" not in text, "one committee: the year's summary would repeat its table"


def test_markdown_gives_a_reason_for_every_not_assessed_and_counts_binding_goals() -> None:
    text = report_text("2024", *AFTER, data=FIXTURES / "report-binding" / "data")
    assert (
        "| **Tavoite: Koulujen sisäilma paranee.** (sitova tavoite) |   |   | **ei arvioitu** | Yhtään mittaria ei ole vielä arvioitu (kaikki mittarit). |"
        in text
    )
    assert (
        "| Sisäilmakysely | Sisäilmakysely tehdään kaikissa kouluissa. |   | ei arvioitu | Toteumaa ei ole kirjattu. |"
        in text
    )
    assert "Valtuustoon nähden sitovista tavoitteista toteutui 1/2 (50 %)." in text
    assert "| Tila | Tavoitteet | Sitovat tavoitteet | Mittarit |" in text
    for line in text.splitlines():
        if line.startswith("|") and "ei arvioitu" in cells(line)[3:4]:
            assert cells(line)[4], line


def test_markdown_in_swedish_and_english() -> None:
    swedish = report_text("2024", "--lang", "sv", *AFTER)
    assert swedish.startswith("# Förverkligandet av verksamhetsmålen 2024")
    assert "| Mätare | Målnivå | Utfall | Status | Kommentarer och motiveringar |" in swedish
    assert "delvis uppnått (fastställt manuellt)" in swedish
    english = report_text("2024", "--lang", "en", *AFTER)
    assert "1,234.5 lainaa (2024-12-31); baseline 2023: 1,000; change +234.5 (+23.4 %)" in english


def test_markdown_pastes_into_word_through_pandoc(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    from docx import Document

    pandoc = require(request, "pandoc", what="the Markdown report in Word", install="apt-get install pandoc")
    source = tmp_path / "raportti.md"
    source.write_bytes(report_bytes("2024", *AFTER))
    target = tmp_path / "raportti.docx"
    subprocess.run([pandoc, str(source), "-o", str(target)], check=True, capture_output=True, timeout=120)
    document = Document(str(target))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == [
        ("Heading 1", "Toiminnallisten tavoitteiden toteutuminen 2024"),
        ("Heading 2", "Kulttuurilautakunta"),
        ("Heading 3", "Kirjasto"),
    ]
    kirjasto, museo, summary = document.tables
    for table in (kirjasto, museo):
        assert [c.text for c in table.rows[0].cells] == [
            "Mittari",
            "Tavoitetaso",
            "Toteuma",
            "Tila",
            "Kommentit ja perustelut",
        ]
    texts = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Kasvu | erityisesti lasten lainoissa" in texts
    assert "Tavoite: Tapahtumia kaikille ikäryhmille <lapset & aikuiset>." in texts
    assert not [t for t in texts if any(mark in t for mark in ("**", "<br>", "\\|", "&lt;", "&amp;"))]
    goal = kirjasto.rows[1].cells[0].paragraphs[0]
    assert goal.text == "Tavoite: Lainausta lisätään." and all(run.bold for run in goal.runs)
    assert [c.text for c in summary.rows[0].cells] == ["Tila", "Tavoitteet", "Mittarit"]


def test_filters_are_those_of_status() -> None:
    text = report_text("2024", "--area", "museo", *AFTER)
    assert "### Museo" in text and "### Kirjasto" not in text
    assert "| toteutunut | 0/1 | 1/6 |" in text


# --- CSV -----------------------------------------------------------------------------------------


def parse_csv(payload: bytes, delimiter: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(payload.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def test_csv_prints_on_a_page_with_headers_a_person_understands() -> None:
    payload = report_bytes("2024", "--format", "csv", *AFTER)
    assert payload.startswith(BOM)
    rows = parse_csv(payload, ";")
    assert list(rows[0]) == [
        "Lautakunta", "Tehtäväalue", "Tavoite", "Tavoitteen tila", "Mittari", "Tavoitetaso", "Toteuma",
        "Päivämäärä", "Tila", "Kommentti ja perustelu",
    ]  # fmt: skip
    by_name = {row["Mittari"]: row for row in rows}
    lainat = by_name["Lainat"]
    assert (lainat["Toteuma"], lainat["Päivämäärä"], lainat["Tila"]) == (
        "1 234,5 lainaa",
        "31.12.2024",
        "toteutunut",
    )
    assert by_name["Kävijäpalaute"]["Tila"] == "osittain toteutunut (käsin asetettu)"
    assert by_name["Verkkonäyttely"]["Kommentti ja perustelu"] == "Tieto saadaan tammikuussa."
    assert by_name["Aukiolotunnit"]["Kommentti ja perustelu"] == "'=Henkilöstöpula"
    assert "Teko: " not in payload.decode() and "Kirjastostrategia valmistuu. – Strategia valmis" in by_name
    assert all("_" not in key for key in rows[0]), "no machine names in the printable CSV"
    english = parse_csv(report_bytes("2024", "--format", "csv", "--lang", "en", *AFTER), ";")
    assert list(english[0])[:3] == ["Committee", "Service area", "Goal"]


def test_csv_opens_in_finnish_excel_form() -> None:
    payload = report_bytes("2024", "--format", "csv", "--columns", "all", *AFTER)
    assert payload.startswith(BOM)
    rows = parse_csv(payload, ";")
    assert len(rows) == 11
    assert payload.endswith(b"\r\n") and payload.count(b"\r\n") == len(rows) + 1
    by_id = {row["mittari_id"]: row for row in rows}
    lainat = by_id["lainat"]
    assert (lainat["arvo"], lainat["vertailuarvo"], lainat["muutos"], lainat["muutos_prosenttia"]) == (
        "1234,5", "1000", "234,5", "23,4"
    )  # fmt: skip
    assert (lainat["vertailuvuosi"], lainat["pvm"], lainat["tila"]) == ("2023", "31.12.2024", "toteutunut")
    assert lainat["kommentti"] == "Kasvu | erityisesti\nlasten lainoissa"
    assert (lainat["kirjaaja"], lainat["lähde"]) == ("Kirjastonjohtaja", "Kirjastojärjestelmä")
    kavijat = by_id["kavijat"]
    assert (kavijat["vähintään"], kavijat["enintään"], kavijat["yksikkö"]) == ("500", "800", "kävijää")
    assert by_id["aukiolo"]["arvo"] == "37,5" and by_id["aukiolo"]["kommentti"] == "'=Henkilöstöpula"
    assert by_id["kavijapalaute"]["käsin_asetettu"] == "kyllä"
    assert by_id["strategia-valmis"]["teko"] == "Kirjastostrategia valmistuu."
    assert by_id["strategia-valmis"]["määräpäivä"] == "30.6.2024"
    assert by_id["tapahtumat-ikaryhmittain"]["arvo"] == "lapset: 3; nuoret: 1; aikuiset: 2"
    assert {row["tila"] for row in rows} == {
        "toteutunut", "osittain toteutunut", "ei toteutunut", "ei arvioitu", "ei sovellu", "raportoitu"
    }  # fmt: skip


def test_csv_standard_dialect_is_plain_comma_separated_utf8() -> None:
    payload = report_bytes("2024", "--format", "csv", "--columns", "all", "--csv-dialect", "standard", *AFTER)
    assert not payload.startswith(BOM)
    by_id = {row["mittari_id"]: row for row in parse_csv(payload, ",")}
    assert by_id["lainat"]["arvo"] == "1234.5" and by_id["lainat"]["pvm"] == "2024-12-31"
    assert by_id["aukiolo"]["kommentti"] == "'=Henkilöstöpula"  # the formula guard holds in both dialects


def test_csv_header_in_english() -> None:
    payload = report_bytes("2024", "--format", "csv", "--columns", "all", "--lang", "en", *AFTER)
    header = next(csv.reader(io.StringIO(payload.decode("utf-8-sig")), delimiter=";"))
    assert header[:4] == ["year", "committee", "area_id", "area"] and "change_percent" in header


def test_swedish_is_only_for_the_documents() -> None:
    code, out, err = invoke(["report", "2024", "--format", "csv", "--lang", "sv", "--data", str(REPORT_DATA)])
    assert code == 2 and out == ""
    assert "--lang sv on käytettävissä vain muodoille md, html ja docx" in err


# --- JSON ----------------------------------------------------------------------------------------


def json_keys(value: Any) -> set[str]:
    """Every key at every level, except inside values (``arvo``) and explanation data (``tiedot``)."""
    if isinstance(value, dict):
        return set(value) | {
            k for key, v in value.items() if key not in ("arvo", "tiedot") for k in json_keys(v)
        }
    if isinstance(value, list):
        return {k for v in value for k in json_keys(v)}
    return set()


def test_json_is_the_status_json_and_every_key_is_documented() -> None:
    document = json.loads(report_text("2024", "--format", "json", *AFTER))
    code, status_out, _ = invoke(["status", "2024", "--json", *AFTER, "--data", str(REPORT_DATA)])
    assert code == 0 and document == json.loads(status_out)
    assert (document["versio"], document["nakyma"], document["vuosi"]) == (2, "tila", 2024)
    documented = (REPO_ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    statuses = {
        "toteutunut",
        "osittain toteutunut",
        "ei toteutunut",
        "kesken",
        "ei arvioitu",
        "ei sovellu",
        "raportoitu",
    }
    data_keys = {"value", "baseline", "change", "percent", "met", "total", "missing", "judged", "rule", "weakest", "reason", "level", "deadline", "done", "answer", "share", "year", "wanted"}  # fmt: skip
    undocumented = {
        k
        for k in json_keys(document) - statuses - data_keys
        if f"`{k}`" not in documented and f'"{k}"' not in documented
    }
    assert undocumented == set()


# --- output file ---------------------------------------------------------------------------------


def test_output_file_is_written_and_stdout_stays_empty(tmp_path: Path) -> None:
    target = tmp_path / "raportti.csv"
    code, out, err = invoke(
        ["report", "2024", "--format", "csv", "-o", str(target), *AFTER, "--data", str(REPORT_DATA)]
    )
    size = f"{target.stat().st_size:,}".replace(",", " ")
    assert (code, out, err) == (0, "", f"tavoitteet: kirjoitettu {target} (csv, {size} tavua).\n")
    assert target.read_bytes() == report_bytes("2024", "--format", "csv", *AFTER)
    assert [p.name for p in tmp_path.iterdir()] == ["raportti.csv"]


@pytest.mark.parametrize(
    ("windows", "terminal", "hint"), [(True, False, True), (True, True, False), (False, False, False)]
)
def test_on_windows_a_redirected_report_says_to_use_o(windows: bool, terminal: bool, hint: bool) -> None:
    from tavoitteet.commands.report import redirect_hint

    shown = redirect_hint(windows, terminal, "fi")
    assert (shown is not None) is hint
    assert shown is None or "-o TIEDOSTO" in shown


def test_output_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "raportti.md"
    target.write_text("vanha", encoding="utf-8")
    code, _, _ = invoke(["report", "2024", "-o", str(target), *AFTER, "--data", str(REPORT_DATA)])
    assert code == 0 and target.read_text(encoding="utf-8").startswith("# Toiminnallisten")


def test_a_report_is_never_written_into_the_data_folder() -> None:
    target = DATA / "2024" / "raportti.md"
    code, _, err = invoke(["report", "2024", "-o", str(target), "--data", str(DATA)])
    assert code == 2 and not target.exists()
    assert "raporttia ei kirjoiteta data-kansioon" in err


def test_a_missing_output_folder_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "ei-ole" / "raportti.md"
    code, _, err = invoke(
        ["report", "2024", "-o", str(target), "--lang", "en", *AFTER, "--data", str(REPORT_DATA)]
    )
    assert code == 1 and "cannot write" in err and "Traceback" not in err


def test_an_unknown_format_is_a_usage_error() -> None:
    code, _, err = invoke(["report", "2024", "--format", "pdf", "--data", str(REPORT_DATA)])
    assert code == 2 and "md, csv, json, html" in err


def test_report_of_the_real_2024_data() -> None:
    text = report_text("2024", "--format", "md", data=DATA)
    assert "## Hyvinvointilautakunta" in text and "Hyvinvointilautakunta 10.10.2023 § 119" in text


# --- HTML (the browser test is tests/test_report_browser.py) -------------------------------------


def test_html_is_self_contained_accessible_and_escaped() -> None:
    page = report_text("2024", "--format", "html", *AFTER)
    assert page.startswith('<!DOCTYPE html>\n<html lang="fi">')
    assert "<script" not in page and "<link" not in page and "@import" not in page and "url(" not in page
    assert page.count("<svg") == page.count('aria-hidden="true"') >= 8, (
        "drawings repeat the words beside them"
    )
    assert page.count("<table") == page.count("aria-labelledby=") - page.count("<section")
    assert "<caption>" not in page, "each table is named by its heading, not by a caption repeating it"
    assert (
        'scope="col"' in page and 'scope="rowgroup"' in page and "@media print" in page and "size: A4" in page
    )
    assert "break-before: page" not in page
    assert (
        'counter(page) " / " counter(pages)' in page
        and '@top-left { content: "Kulttuurilautakunta – 2024"' in page
    )
    assert "&lt;lapset &amp; aikuiset&gt;" in page and "<lapset" not in page
    assert "Vertailu vuoteen 2023" in page


def test_html_charts_only_where_there_is_something_to_compare_each_with_its_numbers_as_a_table() -> None:
    page = report_text("2024", "--format", "html", *AFTER)
    figures = re.findall(
        r'<figure class="chart"><figcaption id="[^"]+">([^<]+)</figcaption>(.*?)</figure>', page
    )
    names = [name for name, _ in figures]
    assert "Opastukset" not in names, "one tracked value with nothing to compare it with gets no chart"
    assert {"Lainat", "Kävijät", "Aukiolotunnit", "Tapahtumat ikäryhmittäin", "Esteettömyys"} <= set(names)
    for _, body in figures:
        assert body.count("<svg") == 1 and '<table class="chart-data"' in body
    kavijat = dict(figures)["Kävijät"]
    assert '<th scope="row">Tavoitealue</th><td>vähintään 500, enintään 800</td>' in kavijat


def figures(page: str) -> dict[str, str]:
    """Each chart's caption and the figure's HTML."""
    found = re.findall(r'<figure class="chart"><figcaption id="[^"]+">(.*?)</figcaption>(.*?)</figure>', page)
    return {re.sub(r"<[^>]+>", "", name): body for name, body in found}


def chart_rows(body: str) -> list[tuple[str, str]]:
    return re.findall(r'<tr><th scope="row">([^<]+)</th><td>([^<]+)</td></tr>', body)


def test_charts_draw_the_series_a_yes_no_strip_and_grouped_categories() -> None:
    page = report_text("2024", "--format", "html", *AFTER, data=FIXTURES / "report-charts" / "data")
    charts = figures(page)
    assert set(charts) == {"Nuorisokysely tehty", "Ryhmät ikäryhmittäin", "Nuorisotilan kävijät"}
    assert "Tapahtumat" not in charts, "one tracked count with nothing to compare it with: no chart"
    assert chart_rows(charts["Nuorisotilan kävijät"]) == [
        ("2021 toteuma", "400 kävijää"),
        ("2022 toteuma", "n. 450 kävijää"),
        ("2024", "520 kävijää"),
        ("2025 suunnitelma", "550 kävijää"),
        ("Tavoitealue", "vähintään 500"),
    ]
    strip = charts["Nuorisokysely tehty"]
    assert chart_rows(strip) == [
        ("2021", "kyllä (toteutunut)"),
        ("2022", "ei (ei toteutunut)"),
        ("2023", "ei (ei toteutunut)"),  # from the 2023 file
        ("2024", "kyllä (toteutunut)"),
    ]
    assert strip.count("<rect") == 4 and "#b3261e" in strip and "#1b7a3a" in strip
    grouped = charts["Ryhmät ikäryhmittäin"]
    assert [row for row, _ in chart_rows(grouped)] == [
        "alakoulu 2023", "alakoulu 2024", "yläkoulu 2023", "yläkoulu 2024", "Tavoitealue"
    ]  # fmt: skip
    # greyscale: earlier values light, this year's dark, the target a dashed band
    assert grouped.count('fill="#9db7d9"') == 2 and grouped.count('fill="#1f4e8c"') == 2
    assert 'stroke-dasharray="5 3"' in grouped
    for body in charts.values():
        assert (
            body.count("<svg") == 1 and 'aria-hidden="true"' in body and '<table class="chart-data"' in body
        )


def test_html_comparison_tells_the_truth_and_shows_no_ids() -> None:
    page = report_text("2024", "--format", "html", data=DATA)
    comparison = page[page.index('<section class="comparison"') :]
    assert "Vuoden 2024 tiedosto ei nimeä strategiakärkiä, joten niitä ei voi verrata." in comparison
    assert "poistunut" not in page and "removed" not in page
    ids = re.findall(r"\(([a-z0-9-]+)\)", re.sub(r"<[^>]+>", " ", comparison))
    assert ids == [], ids
    fixture = report_text("2024", "--format", "html", *AFTER)
    section = fixture[fixture.index('<section class="comparison"') :]
    assert "(lainaus)" not in section and "(kavijat)" not in section
    assert "Uusi näyttely avataan." in section


def test_html_in_swedish_says_so_in_its_lang_attribute() -> None:
    page = report_text("2024", "--format", "html", "--lang", "sv", *AFTER)
    assert '<html lang="sv">' in page and "Förverkligandet av verksamhetsmålen 2024" in page
    assert "Jämförelse med 2023" in page and "uppnått" in page


def test_html_without_an_earlier_year_has_no_comparison() -> None:
    page = report_text("2023", "--format", "html", "--as-of", "1.1.2024")
    assert "Vertailu" not in page and "Kulttuurilautakunta" in page


def test_a_missing_output_folder_is_explained_in_finnish(tmp_path: Path) -> None:
    target = tmp_path / "ei-ole" / "raportti.md"
    code, _, err = invoke(
        ["report", "2024", "-o", str(target), "--lang", "fi", *AFTER, "--data", str(REPORT_DATA)]
    )
    assert code == 1 and "ei voi kirjoittaa: kansiota ei ole." in err
    assert "No such file" not in err


def test_csv_in_english_names_indicator_kinds_in_english() -> None:
    english = {
        row["indicator_id"]: row
        for row in parse_csv(
            report_bytes("2024", "--format", "csv", "--columns", "all", "--lang", "en", *AFTER), ";"
        )
    }
    finnish = {
        row["mittari_id"]: row
        for row in parse_csv(report_bytes("2024", "--format", "csv", "--columns", "all", *AFTER), ";")
    }
    assert english["lainat"]["kind"] == "trend" and finnish["lainat"]["tyyppi"] == "kehitys"


# --- Swedish content (sv: beside the Finnish texts) ----------------------------------------------


def test_a_swedish_report_uses_the_swedish_texts_and_falls_back_to_the_finnish_ones() -> None:
    text = report_text("2024", "--lang", "sv", *AFTER)
    assert "\n## Kulturnämnden\n" in text and "\n### Biblioteket\n" in text
    assert "| **Mål: Utlåningen ökar.** |" in text
    assert "| Lån | Lånen ökar från 2023. |" in text and "Ökningen gäller särskilt barnens lån." in text
    assert (
        "\n### Museo\n" in text and "| **Mål: Uusi näyttely avataan.** |" in text
    )  # no Swedish text: Finnish
    finnish = report_text("2024", *AFTER)
    assert "Biblioteket" not in finnish and "Utlåningen" not in finnish


FINNISH_CONTENT = (
    "Museo",
    "Uusi näyttely avataan.",
    "Kävijät",
    "Kävijöitä 500–800.",
    "Tieto saadaan tammikuussa.",
)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_html_marks_every_piece_of_content_with_its_real_language(lang: str) -> None:
    page = report_text("2024", "--format", "html", "--lang", lang, *AFTER)
    assert f'<html lang="{lang}">' in page
    unmarked = re.sub(r'<span lang="fi">[^<]*</span>', "", page)
    for finnish in FINNISH_CONTENT:
        assert finnish in page and finnish not in unmarked, finnish
    if lang == "sv":
        assert '<h3 id="k0-s0-h">Biblioteket</h3>' in page and '<span lang="fi">Biblioteket' not in page
        assert '<span lang="fi">Kulturnämnden' not in page
    else:
        assert '<span lang="fi">Kirjasto</span>' in page and "Biblioteket" not in page
    finnish_page = report_text("2024", "--format", "html", *AFTER)
    assert 'lang="fi"' not in finnish_page.replace('<html lang="fi">', "")


def test_word_marks_finnish_runs_in_a_swedish_document(tmp_path: Path) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    target = tmp_path / "sv.docx"
    code, _, err = invoke(["report", "2024", "--format", "docx", "--lang", "sv", "-o", str(target), *AFTER, "--data", str(REPORT_DATA)])  # fmt: skip
    assert code == 0, err
    document = Document(str(target))
    headings = {p.text: p for p in document.paragraphs if p.style.name == "Heading 2"}
    assert {"Biblioteket", "Museo"} <= set(headings)

    def run_langs(paragraph: Any) -> set[str | None]:
        return {
            (
                lang.get(qn("w:val"))
                if (lang := run._r.find(f"{qn('w:rPr')}/{qn('w:lang')}")) is not None
                else None
            )
            for run in paragraph.runs
        }

    assert run_langs(headings["Museo"]) == {"fi-FI"} and run_langs(headings["Biblioteket"]) == {None}
    normal = document.styles["Normal"].element.find(f"{qn('w:rPr')}/{qn('w:lang')}")
    assert normal is not None and normal.get(qn("w:val")) == "sv-SE"


def test_validate_lists_the_texts_missing_in_swedish() -> None:
    code, out, _ = invoke(["validate", str(REPORT_DATA / "2024"), "--languages", "fi,sv"])
    assert code == 1
    missing = re.findall(r"virhe T070: tekstiä '([^']+)' ei ole ruotsiksi\n  kohta: (\S+)", out)
    where = {path for _, path in missing}
    assert "tehtäväalueet[1].nimi" in where and "tehtäväalueet[1].tavoitteet[0].otsikko" in where
    assert "tehtäväalueet[0].nimi" not in where and "lautakunta" not in where
    assert "tehtäväalueet[0].tavoitteet[0].mittarit[0].nimi" not in where
    assert "tehtäväalueet[0].tavoitteet[0].mittarit[0].toteuma[0].kommentti" not in where
    assert "tehtäväalueet[0].tavoitteet[0].mittarit[1].nimi" in where
    assert ("puuttuu", "tehtäväalueet[1].tavoitteet[0].mittarit[4].toteuma[0].puuttuu") in missing
    assert "sv: {nimi: ...}" in out
    code, out, _ = invoke(["validate", str(REPORT_DATA / "2024"), "--languages", "fi"])
    assert code == 0 and "T070" not in out
    code, out, _ = invoke(["validate", str(REPORT_DATA / "2024")])
    assert code == 0 and "T070" not in out
    code, _, err = invoke(["validate", str(REPORT_DATA / "2024"), "--languages", "fi,de"])
    assert code == 2 and "--languages 'de'" in err


# --- the report's own settings (data/tavoitteet.yaml) ---------------------------------------------


def settings_data(tmp_path: Path, settings: str, logo: bytes | None = None) -> Path:
    """A copy of the report fixture's 2024 with ``settings`` as its data/tavoitteet.yaml."""
    data = tmp_path / "data"
    (data / "2024").mkdir(parents=True)
    source = REPORT_DATA / "2024" / "kulttuurilautakunta.yaml"
    (data / "2024" / source.name).write_bytes(source.read_bytes())
    (data / "tavoitteet.yaml").write_text(settings, encoding="utf-8")
    if logo is not None:
        (data / "logo.png").write_bytes(logo)
    return data


SETTINGS = """kunta: Esimerkkilä
sv:
  kunta: Exempelby
raportti:
  otsikko: Toimintakertomus 2024
  logo: logo.png
  sv:
    otsikko: Verksamhetsberättelse 2024
"""


def test_the_municipality_and_title_come_from_the_settings_file_in_every_document(tmp_path: Path) -> None:
    from docx import Document

    from test_report_browser import tiny_png

    data = settings_data(tmp_path, SETTINGS, tiny_png())
    code, out, _ = invoke(["validate", str(data)])
    assert code == 0, out
    markdown = report_text("2024", *AFTER, data=data)
    assert markdown.startswith("# Toimintakertomus 2024\n\nKunta: Esimerkkilä\n")
    swedish = report_text("2024", "--lang", "sv", *AFTER, data=data)
    assert swedish.startswith("# Verksamhetsberättelse 2024\n\nKommun: Exempelby\n")
    target = tmp_path / "raportti.docx"
    code, _, err = invoke(
        ["report", "2024", "--format", "docx", "-o", str(target), *AFTER, "--data", str(data)]
    )
    assert code == 0, err
    document = Document(str(target))
    assert document.paragraphs[1].text == "Toimintakertomus 2024" and len(document.inline_shapes) == 1
    assert "Kunta: Esimerkkilä" in [p.text for p in document.paragraphs]
    assert document.sections[0].footer.paragraphs[0].text.startswith("Esimerkkilä – Kulttuurilautakunta")
    assert document.core_properties.author == "Esimerkkilä"


def test_a_missing_logo_or_an_unknown_setting_stops_the_report_with_the_file_and_the_fix(
    tmp_path: Path,
) -> None:
    data = settings_data(tmp_path / "a", "raportti:\n  logo: puuttuu.png\n")
    code, out, err = invoke(["report", "2024", "--format", "html", *AFTER, "--data", str(data)])
    assert code == 1 and out == "" and "Traceback" not in err
    assert "tavoitteet.yaml" in err and "raportti.logo: tiedostoa puuttuu.png ei löydy" in err
    data = settings_data(tmp_path / "b", "raportti:\n  otsikko: X\n  värit: punainen\n")
    code, out, err = invoke(["report", "2024", *AFTER, "--data", str(data)])
    assert code == 1 and out == ""
    assert "tavoitteet.yaml:3:3" in err and "värit" in err
    data = settings_data(tmp_path / "c", "raportti:\n  logo: logo.gif\n")
    code, _, err = invoke(
        ["report", "2024", "--format", "docx", "-o", str(tmp_path / "r.docx"), "--data", str(data)]
    )
    assert code == 1 and "PNG- tai JPEG-kuva" in err


def test_without_a_settings_file_the_municipality_the_files_name_heads_the_report() -> None:
    data = FIXTURES / "scenarios" / "arviot" / "data"  # every file says kunta: Esimerkkilä
    assert not (data / "tavoitteet.yaml").exists()
    markdown = report_text("2024", "--as-of", "1.5.2025", data=data)
    assert "\nKunta: Esimerkkilä\n" in markdown
    page = report_text("2024", "--format", "html", "--as-of", "1.5.2025", data=data)
    assert '@top-left { content: "Esimerkkilä – Kulttuurilautakunta – 2024"' in page
    two = report_text("2024", "--as-of", "1.1.2025", data=FIXTURES / "scenarios" / "kaksi-kuntaa" / "data")
    assert "Kunta:" not in two, "two municipalities: none of them heads the report"
