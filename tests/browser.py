"""A reusable real-browser harness: axe-core, layout width, screenshots and PDF in headless Chromium.

Any test (the report's, the site's) can load its HTML pages here::

    from browser import Browser, browser_harness

    @pytest.fixture(scope="module")
    def harness(request: pytest.FixtureRequest) -> Browser:
        return browser_harness(request)

    def test_pages(harness: Browser, tmp_path: Path) -> None:
        results = harness.check({"fi": page_fi, "sv": page_sv}, tmp_path)
        for name, result in results.items():
            assert result.violations() == [], result.report()
            assert result.overflow() == [], result.report()

One Node process (``tests/browser_check.cjs``) drives Debian's Chromium with
playwright-core and runs axe-core (both npm packages, which ``.ci/run``
installs into ``.ci/node/``; ``TAVOITTEET_NODE_DIR`` names another folder) on
every page at every width asked for, with the WCAG 2.1 A and AA rules.  It
also takes a full-page screenshot at each width and prints each page to PDF
with the page's own CSS paged media.  Without Chromium, Node or the npm
packages the tests are skipped LOUDLY (see :mod:`clients`).
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from clients import require

from conftest import REPO_ROOT

SCRIPT = Path(__file__).resolve().parent / "browser_check.cjs"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
PHONE, DESKTOP = 390, 1280
A4_TEXT_WIDTH = 688
"""CSS pixels across an A4 page less 14 mm margins: the width at which print is checked for overflow."""


def node_dir() -> Path:
    return Path(os.environ.get("TAVOITTEET_NODE_DIR") or REPO_ROOT / ".ci" / "node")


@dataclass(frozen=True)
class PageResult:
    """What the browser found on one page: per width axe's result, the layout and a screenshot; a PDF."""

    name: str
    raw: Mapping[str, Any]

    @property
    def widths(self) -> dict[int, Mapping[str, Any]]:
        return {int(width): value for width, value in self.raw["widths"].items()}

    def violations(self) -> list[str]:
        """``width: rule (impact): target`` for every WCAG 2.1 A/AA violation at every width."""
        return [
            f"{width}px: {v['id']} ({v['impact']}): {node['target']} {node['summary']}"
            for width, value in self.widths.items()
            for v in value["axe"]["violations"]
            for node in v["nodes"]
        ]

    def overflow(self) -> list[str]:
        """Elements reaching past the page's width, at every width and in print."""
        layouts = [(f"{w}px", v["layout"]) for w, v in self.widths.items()]
        if self.raw.get("print_layout"):
            layouts.append(("print", self.raw["print_layout"]))
        found = []
        for where, layout in layouts:
            if layout["scrolls"]:
                found.append(f"{where}: the page scrolls sideways (width {layout['width']})")
            found += [
                f"{where}: <{e['tag']} class={e['cls']!r}> {e['left']}..{e['right']} of {layout['width']}: {e['text']!r}"
                for e in layout["elements"]
            ]
        return found

    def screenshot(self, width: int) -> Path:
        return Path(self.widths[width]["screenshot"])

    @property
    def pdf(self) -> Path | None:
        return Path(self.raw["pdf"]) if self.raw.get("pdf") else None

    def report(self) -> str:
        return "\n".join([f"page {self.name}:", *self.violations(), *self.overflow()])


@dataclass(frozen=True)
class Browser:
    chromium: str
    node: str
    modules: Path

    def check(
        self,
        pages: Mapping[str, Path],
        out: Path,
        widths: Sequence[int] = (DESKTOP, PHONE),
        pdf: bool = True,
        print_width: int = A4_TEXT_WIDTH,
        timeout: int = 300,
    ) -> dict[str, PageResult]:
        """Load each page (name -> HTML file) and return what the browser found on it."""
        out.mkdir(parents=True, exist_ok=True)
        job = {
            "chromium": self.chromium,
            "node_dir": str(self.modules),
            "pages": [{"name": name, "url": path.resolve().as_uri()} for name, path in pages.items()],
            "widths": list(widths),
            "tags": list(WCAG_TAGS),
            "pdf": pdf,
            "print_width": print_width,
            "out": str(out),
            "result": str(out / "browser-result.json"),
        }
        job_file = out / "browser-job.json"
        job_file.write_text(json.dumps(job), encoding="utf-8")
        done = subprocess.run(
            [self.node, str(SCRIPT), str(job_file)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-4000:]
        raw = json.loads((out / "browser-result.json").read_text(encoding="utf-8"))
        return {name: PageResult(name, value) for name, value in raw.items()}


def browser_harness(request: pytest.FixtureRequest) -> Browser:
    """The harness, or a loud skip naming what is missing and how to install it."""
    chromium = require(
        request,
        "/usr/bin/chromium",
        "chromium",
        "chromium-browser",
        what="the HTML in a browser",
        install="apt-get install chromium",
    )
    node = require(
        request, "node", "nodejs", what="the HTML with axe-core", install="apt-get install nodejs npm"
    )
    modules = node_dir()
    for package in ("playwright-core", "axe-core"):
        if not (modules / "node_modules" / package / "package.json").exists():
            require(
                request,
                f"npm package {package}",  # never on PATH: reported as missing, loudly
                what="the HTML with axe-core",
                install=f"npm install --prefix {modules} axe-core playwright-core (bash .ci/run does it)",
            )
    return Browser(chromium, node, modules)
