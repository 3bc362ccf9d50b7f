"""Real clients the tests use (LibreOffice, pandoc, poppler, Chromium, Node): finding them and skipping LOUDLY.

A test that needs a program the machine lacks is skipped with the reason in
its skip message, and a warning naming every missing client is printed at the
end of the run, where nobody can miss it.  ``.ci/run`` installs them all.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

_MISSING: dict[str, str] = {}


class _LoudSkips:
    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        for name, what in sorted(_MISSING.items()):
            terminalreporter.write_sep(
                "!", f"WARNING: {name} not found; {what} was NOT tested with it", red=True, bold=True
            )


def require(request: pytest.FixtureRequest, *names: str, what: str, install: str) -> str:
    """The first of ``names`` found on PATH (or as a path), or a loud skip saying how to install it."""
    for name in names:
        if found := shutil.which(name):
            return found
    _MISSING[names[0]] = what
    if not request.config.pluginmanager.has_plugin("tavoitteet-loud-skips"):
        request.config.pluginmanager.register(_LoudSkips(), "tavoitteet-loud-skips")
    pytest.skip(f"NO {names[0].upper()}: {install} to test {what}")


def pdf_pages(pdfinfo: str, pdf: Path) -> int:
    """The page count pdfinfo (poppler-utils) reads from a PDF."""
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
    (pages,) = [line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")]
    return int(pages)


def pdf_text(pdftotext: str, pdf: Path) -> list[str]:
    """The text of each page of a PDF, by pdftotext (poppler-utils)."""
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def libreoffice_pdf(soffice: str, document: Path, profile: Path) -> Path:
    """Convert ``document`` to PDF with LibreOffice headless, in a fresh profile; the PDF's path."""
    done = subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(document.parent),
            str(document),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    pdf = document.with_suffix(".pdf")
    assert done.returncode == 0 and pdf.exists(), done.stdout + done.stderr
    return pdf
