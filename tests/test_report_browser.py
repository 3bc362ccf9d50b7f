"""The HTML report in a real headless browser: the page's text through the DOM, and a screenshot.

Chromium comes from Debian's ``chromium`` package (``.ci/run`` installs it).
The test is skipped only when no browser binary exists, and then says so in
the skip reason and in a warning at the end of the test run.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from conftest import FIXTURES, invoke

REPORT_DATA = FIXTURES / "report" / "data"
CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MET_GREEN = (0x1B, 0x7A, 0x3A)
NOT_MET_RED = (0xB3, 0x26, 0x1E)

pytestmark = pytest.mark.browser


def browser() -> str | None:
    for candidate in CANDIDATES:
        if found := shutil.which(candidate):
            return found
    return None


class _LoudSkip:
    """Prints the missing browser at the end of the run, where nobody can miss it."""

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        terminalreporter.write_sep(
            "!",
            "WARNING: no Chromium found; the HTML report was NOT tested in a browser",
            red=True,
            bold=True,
        )


@pytest.fixture(scope="module")
def chromium(request: pytest.FixtureRequest) -> str:
    found = browser()
    if found is None:
        if not request.config.pluginmanager.has_plugin("report-browser-missing"):
            request.config.pluginmanager.register(_LoudSkip(), "report-browser-missing")
        pytest.skip(
            "NO BROWSER: install Debian's chromium (apt-get install chromium) to test the HTML report"
        )
    return found


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("report") / "raportti.html"
    code, _, err = invoke(
        [
            "report",
            "2024",
            "--format",
            "html",
            "-o",
            str(target),
            "--as-of",
            "1.1.2025",
            "--data",
            str(REPORT_DATA),
        ]
    )
    assert code == 0, err
    return target


def run_browser(chromium: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [chromium, *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)


def test_the_dom_has_the_report_text(chromium: str, page: Path, tmp_path: Path) -> None:
    result = run_browser(chromium, tmp_path / "profile", "--dump-dom", page.as_uri())
    dom = result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    assert '<html lang="fi">' in dom
    assert "<title>Toiminnallisten tavoitteiden toteutuminen 2024</title>" in dom
    for text in ("Vuoden yhteenveto", "Kulttuurilautakunta", "Päätös: Kulttuurilautakunta 11.10.2023 § 91"):
        assert text in dom
    assert "Tapahtumia kaikille ikäryhmille &lt;lapset &amp; aikuiset&gt;." in dom
    assert "<lapset" not in dom
    assert "osittain toteutunut (käsin asetettu)" in dom
    assert "Vertailu vuoteen 2023" in dom and "+132 (+27,5 %)" in dom
    assert "Lainat: 2023: 1 000 lainaa; 2024: 1 234,5 lainaa" in dom
    assert dom.count("<svg") == dom.count('role="img"') >= 10
    assert "<script" not in dom and "http://" not in dom.replace("http://www.w3.org/2000/svg", "")


def png_pixels(data: bytes) -> tuple[int, int, int, list[bytearray]]:
    """Decode an 8-bit RGB or RGBA PNG into rows of bytes (width, height, bytes per pixel, rows)."""
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
    raw, stride = zlib.decompress(b"".join(chunks)), width * (3 if colour == 2 else 4)
    rows: list[bytearray] = []
    previous = bytearray(stride)
    for y in range(height):
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


def test_a_screenshot_is_not_blank_and_shows_status_colours(
    chromium: str, page: Path, tmp_path: Path
) -> None:
    shot = tmp_path / "raportti.png"
    result = run_browser(
        chromium,
        tmp_path / "profile",
        f"--screenshot={shot}",
        "--window-size=800,640",
        "--hide-scrollbars",
        page.as_uri(),
    )
    assert shot.exists(), result.stderr[-2000:]
    width, height, step, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (800, 640)
    pixels = [tuple(row[x : x + 3]) for row in rows[::2] for x in range(0, len(row), step * 2)]
    white = sum(1 for p in pixels if p == (255, 255, 255))
    assert 0.02 < 1 - white / len(pixels) < 0.9, "the page is blank or all one colour"
    assert len(set(pixels)) > 50
    colours = set(pixels)
    assert MET_GREEN in colours and NOT_MET_RED in colours


def test_series_assessments_and_municipalities_reach_the_dom(chromium: str, tmp_path: Path) -> None:
    """Issue 13 scenarios: the series is drawn with the target, differing assessments are listed and
    two municipalities get a summary each (their data folders are in tests/fixtures/scenarios/)."""
    scenarios = FIXTURES / "scenarios"
    texts = {
        "sarja-2012": ("2012", "1.12.2026", ["2009 toteuma", "n. 800 m", "tavoitealue: vähintään 900"]),
        "arviot": ("2024", "1.5.2025", ["Eroavat arviot", "tarkastuslautakunta"]),
        "kaksi-kuntaa": (
            "2024",
            "1.1.2025",
            ["Vuoden yhteenveto: Esimerkkilä", "Vuoden yhteenveto: Mallila"],
        ),
    }
    for name, (year, day, expected) in texts.items():
        target = tmp_path / f"{name}.html"
        args = ["report", year, "--format", "html", "-o", str(target), "--as-of", day]
        code, _, err = invoke([*args, "--data", str(scenarios / name / "data")])
        assert code == 0, err
        result = run_browser(chromium, tmp_path / f"profile-{name}", "--dump-dom", target.as_uri())
        assert result.returncode == 0, result.stderr[-2000:]
        for text in expected:
            assert text in result.stdout, (name, text)
        assert result.stdout.count("<svg") == result.stdout.count('role="img"')
