"""The HTML report in a real headless browser: accessibility, phone and desktop widths, print, the DOM.

Chromium comes from Debian's ``chromium`` package and axe-core and
playwright-core from npm (``.ci/run`` installs them all; the harness is
:mod:`browser`, which the site's tests reuse).  Each page is checked in
Finnish, Swedish and English, for a year with no outcomes recorded, a full
year and a filter that matches nothing: zero WCAG 2.1 A/AA violations at
1280 px and 390 px, no element wider than the page on screen or in print, a
screenshot at both widths, and a PDF whose pages carry the running head and
"page N / M".  Without a browser the tests are skipped, loudly.
"""

from __future__ import annotations

import re
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from browser import DESKTOP, PHONE, Browser, PageResult, browser_harness
from clients import pdf_pages, pdf_text, require

from conftest import DATA, FIXTURES, invoke

REPORT_DATA = FIXTURES / "report" / "data"
BINDING_DATA = FIXTURES / "report-binding" / "data"
MET_GREEN = (0x1B, 0x7A, 0x3A)
NOT_MET_RED = (0xB3, 0x26, 0x1E)
AFTER = ["--as-of", "1.1.2025"]

pytestmark = pytest.mark.browser

PAGES: dict[str, tuple[list[str], Path]] = {
    "full-fi": (["2024", *AFTER], REPORT_DATA),
    "full-sv": (["2024", "--lang", "sv", *AFTER], REPORT_DATA),
    "full-en": (["2024", "--lang", "en", *AFTER], REPORT_DATA),
    "empty-fi": (["2024"], DATA),  # the real 2024 goals, nothing recorded yet
    "empty-sv": (["2024", "--lang", "sv"], DATA),
    "empty-en": (["2024", "--lang", "en"], DATA),
    "binding-fi": (["2024", *AFTER], BINDING_DATA),
    "charts-sv": (["2024", "--lang", "sv", *AFTER], FIXTURES / "report-charts" / "data"),
    "nothing-fi": (["2024", "--status", "kesken", *AFTER], REPORT_DATA),
}


def write_page(target: Path, args: list[str], data: Path) -> Path:
    code, _, err = invoke(["report", *args, "--format", "html", "-o", str(target), "--data", str(data)])
    assert code == 0, err
    return target


@pytest.fixture(scope="module")
def harness(request: pytest.FixtureRequest) -> Browser:
    return browser_harness(request)


@pytest.fixture(scope="module")
def checked(harness: Browser, tmp_path_factory: pytest.TempPathFactory) -> dict[str, PageResult]:
    folder = tmp_path_factory.mktemp("report-pages")
    pages = {name: write_page(folder / f"{name}.html", args, data) for name, (args, data) in PAGES.items()}
    return harness.check(pages, folder / "browser")


@pytest.mark.parametrize("name", list(PAGES))
def test_no_wcag_21_a_or_aa_violation_at_desktop_and_phone_width(
    checked: dict[str, PageResult], name: str
) -> None:
    result = checked[name]
    assert set(result.widths) == {DESKTOP, PHONE}
    assert result.violations() == [], result.report()
    for value in result.widths.values():
        assert value["axe"]["passes"] >= 5, "axe ran its rules"


@pytest.mark.parametrize("name", list(PAGES))
def test_nothing_reaches_past_the_page_on_a_phone_a_desktop_or_paper(
    checked: dict[str, PageResult], name: str
) -> None:
    assert checked[name].overflow() == [], checked[name].report()


@pytest.mark.parametrize("name", ["full-fi", "full-sv", "empty-en"])
def test_screenshots_at_both_widths_show_the_status_colours(
    checked: dict[str, PageResult], name: str
) -> None:
    for width in (DESKTOP, PHONE):
        shot_width, height, colours = png_colours(checked[name].screenshot(width).read_bytes())
        assert shot_width == width and height > 900
        assert len(colours) > 50
        if name.startswith("full"):
            assert MET_GREEN in colours and NOT_MET_RED in colours


@pytest.fixture(scope="module")
def poppler(request: pytest.FixtureRequest) -> tuple[str, str]:
    return (
        require(
            request, "pdftotext", what="the printed HTML report", install="apt-get install poppler-utils"
        ),
        require(request, "pdfinfo", what="the printed HTML report", install="apt-get install poppler-utils"),
    )


@pytest.mark.parametrize(
    ("name", "head", "page_word"),
    [("full-fi", "Kulttuurilautakunta – 2024", "Sivu"), ("full-sv", "Kulttuurilautakunta – 2024", "Sida")],
)
def test_printed_pages_have_a_running_head_and_page_numbers_and_no_forced_breaks(
    checked: dict[str, PageResult], poppler: tuple[str, str], name: str, head: str, page_word: str
) -> None:
    pdftotext, pdfinfo = poppler
    pdf = checked[name].pdf
    assert pdf is not None
    count = pdf_pages(pdfinfo, pdf)
    pages = pdf_text(pdftotext, pdf)
    assert len(pages) == count >= 2
    for number, text in enumerate(pages, start=1):
        assert head in text and f"{page_word} {number} / {count}" in text
    first = " ".join(pages[0].split())
    # the committee's heading does not push the first page's content to the next one
    assert "Kulttuurilautakunta" in first and ("Kirjasto" in first or "Biblioteket" in first)


def test_the_municipality_logo_and_title_come_from_the_settings_file(
    harness: Browser, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    (data / "2024").mkdir(parents=True)
    source = REPORT_DATA / "2024" / "kulttuurilautakunta.yaml"
    (data / "2024" / source.name).write_bytes(source.read_bytes())
    (data / "logo.png").write_bytes(tiny_png())
    (data / "tavoitteet.yaml").write_text(
        "kunta: Esimerkkilä\nraportti:\n  otsikko: Toimintakertomus 2024\n  logo: logo.png\n",
        encoding="utf-8",
    )
    page = write_page(tmp_path / "raportti.html", ["2024", *AFTER], data)
    html = page.read_text(encoding="utf-8")
    assert (
        "<title>Toimintakertomus 2024</title>" in html and '<p class="municipality">Esimerkkilä</p>' in html
    )
    assert re.search(
        r'<img class="logo" src="data:image/png;base64,[A-Za-z0-9+/=]+" alt="Esimerkkilä">', html
    )
    result = harness.check({"settings": page}, tmp_path / "browser", pdf=False)["settings"]
    assert result.violations() == [] and result.overflow() == [], result.report()


def dump_dom(harness: Browser, page: Path, profile: Path) -> str:
    """The page's DOM after Chromium has loaded it."""
    done = subprocess.run(
        [
            harness.chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_the_dom_has_the_report_text(harness: Browser, tmp_path: Path) -> None:
    page = write_page(tmp_path / "raportti.html", ["2024", *AFTER], REPORT_DATA)
    dom = dump_dom(harness, page, tmp_path / "profile")
    assert '<html lang="fi">' in dom
    assert "<title>Toiminnallisten tavoitteiden toteutuminen 2024</title>" in dom
    for text in ("Kulttuurilautakunta", "Päätös: Kulttuurilautakunta 11.10.2023 § 91"):
        assert text in dom
    assert "Tapahtumia kaikille ikäryhmille &lt;lapset &amp; aikuiset&gt;." in dom
    assert "<lapset" not in dom
    assert "osittain toteutunut (käsin asetettu)" in dom
    assert "Vertailu vuoteen 2023" in dom and "+132 (+27,5 %)" in dom
    assert '<th scope="row">2023</th><td>1 000 lainaa</td>' in dom
    assert dom.count("<svg") == dom.count('aria-hidden="true"') >= 8
    assert "<script" not in dom and "http://" not in dom.replace("http://www.w3.org/2000/svg", "")


# --- PNG reading (no imaging library needed) ----------------------------------------------------


def tiny_png() -> bytes:
    """A 2×2 PNG, for the logo."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\x00" + b"\x1b\x7a\x3a" * 2 for _ in range(2))
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def png_colours(data: bytes) -> tuple[int, int, set[tuple[int, ...]]]:
    """The width, height and the set of colours (sampled) of an 8-bit RGB or RGBA PNG."""
    width, height, step, rows = png_pixels(data, max_rows=1400)
    colours = {tuple(row[x : x + 3]) for row in rows[::3] for x in range(0, len(row), step * 2)}
    return width, height, colours


def png_pixels(data: bytes, max_rows: int | None = None) -> tuple[int, int, int, list[bytearray]]:
    """Decode an 8-bit RGB or RGBA PNG into rows of bytes (width, height, bytes per pixel, rows).

    Only the first ``max_rows`` rows are decoded when it is given (a full-page screenshot is tall).
    """
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind, body = data[position + 4 : position + 8], data[position + 8 : position + 8 + length]
        header = body if kind == b"IHDR" else header
        chunks += [body] if kind == b"IDAT" else []
        position += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6)
    step = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(b"".join(chunks)), width * step
    rows: list[bytearray] = []
    previous = bytearray(stride)
    for y in range(min(height, max_rows or height)):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        _unfilter(kind, line, previous, step)
        rows.append(line)
        previous = line
    return width, height, step, rows


def _unfilter(kind: int, line: bytearray, previous: bytearray, step: int) -> None:
    if kind == 2:
        line[:] = bytes((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        return
    for i in range(len(line)):
        left = line[i - step] if i >= step else 0
        up, corner = previous[i], previous[i - step] if i >= step else 0
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            estimate = left + up - corner
            pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
            best = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
            line[i] = (line[i] + best) & 0xFF


def test_series_assessments_and_municipalities_reach_the_dom_without_violations(
    harness: Browser, tmp_path: Path
) -> None:
    """Issue 13's scenarios: the series is drawn with the target, differing assessments are listed and
    two municipalities get a summary each (their data folders are in tests/fixtures/scenarios/)."""
    scenarios = FIXTURES / "scenarios"
    texts = {
        "sarja-2012": ("2012", "1.12.2026", ["2009 toteuma", "n. 800 m", "vähintään 900"]),
        "arviot": ("2024", "1.5.2025", ["Eroavat arviot", "tarkastuslautakunta"]),
        "kaksi-kuntaa": (
            "2024",
            "1.1.2025",
            ["Vuoden yhteenveto: Esimerkkilä", "Vuoden yhteenveto: Mallila"],
        ),
    }
    pages = {}
    for name, (year, day, expected) in texts.items():
        page = write_page(tmp_path / f"{name}.html", [year, "--as-of", day], scenarios / name / "data")
        dom = dump_dom(harness, page, tmp_path / f"profile-{name}")
        for text in expected:
            assert text in dom, (name, text)
        assert dom.count("<svg") == dom.count('aria-hidden="true"')
        pages[name] = page
    for result in harness.check(pages, tmp_path / "browser", pdf=False).values():
        assert result.violations() == [] and result.overflow() == [], result.report()
