"""The built site in headless Chromium: axe-core on every kind of page in every language, and a reader's
way through it with the keyboard (search, a result, the language switch, the links of a sample of pages).

The axe-core run uses the shared harness (:mod:`browser`); the reader's way is ``tests/site_browser.cjs``
on the same playwright-core.  Without Chromium, Node or the npm packages the tests are skipped LOUDLY.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from browser import Browser, browser_harness
from sitecheck import broken_links, site_data, two_municipalities

from conftest import invoke

pytestmark = pytest.mark.browser
SCRIPT = Path(__file__).resolve().parent / "site_browser.cjs"

PAGE_KINDS = {
    "root": "index.html",
    "front": "{lang}/index.html",
    "year": "{lang}/2024/index.html",
    "committee-year": "{lang}/2024/kulttuurilautakunta/index.html",
    "goal": "{lang}/2024/kulttuurilautakunta/lainaus/index.html",
    "indicator": "{lang}/2024/kulttuurilautakunta/lainaus/kavijat.html",
    "indicator-categories": "{lang}/2024/kulttuurilautakunta/tapahtumat/tapahtumat-ikaryhmittain.html",
    "not-assessed": "{lang}/arvioimatta.html",
    "search": "{lang}/haku.html",
    "downloads": "{lang}/lataukset.html",
}


@pytest.fixture(scope="module")
def harness(request: pytest.FixtureRequest) -> Browser:
    return browser_harness(request)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site-browser")
    data = site_data(root)
    out = root / "sivusto"
    code, _, err = invoke(
        ["site", "-o", str(out), "--data", str(data), "--as-of", "1.1.2025", "--languages", "fi,sv,en"]
    )
    assert code == 0, err
    assert broken_links(out) == []
    return out


def test_every_kind_of_page_passes_axe_in_every_language(
    harness: Browser, site: Path, tmp_path: Path
) -> None:
    pages: dict[str, Path] = {}
    for lang in ("fi", "sv", "en"):
        for kind, pattern in PAGE_KINDS.items():
            if kind == "root" and lang != "fi":
                continue
            pages[f"{lang}-{kind}"] = site / pattern.format(lang=lang)
    checked = harness.check(pages, tmp_path / "axe", pdf=False)
    assert set(checked) == set(pages)
    for result in checked.values():
        assert result.violations() == [], result.report()
        assert result.overflow() == [], result.report()


def test_municipality_pages_pass_axe(harness: Browser, tmp_path: Path) -> None:
    data = two_municipalities(tmp_path)
    out = tmp_path / "sivusto"
    code, _, err = invoke(
        ["site", "-o", str(out), "--data", str(data), "--as-of", "1.1.2025", "--languages", "sv,fi"]
    )
    assert code == 0, err
    pages = {
        "root": out / "index.html",
        "sv-front": out / "sv" / "index.html",
        "sv-municipality": out / "sv" / "pietarsaari" / "index.html",
        "sv-year": out / "sv" / "2024" / "index.html",
        "sv-goal": out / "sv" / "pietarsaari" / "2024" / "pietarsaari-kulttuuri" / "lainaus" / "index.html",
        "fi-municipality": out / "fi" / "kemi" / "index.html",
    }
    for result in harness.check(pages, tmp_path / "axe", pdf=False).values():
        assert result.violations() == [], result.report()
        assert result.overflow() == [], result.report()


def test_a_reader_searches_follows_a_result_switches_language_and_every_link_works(
    harness: Browser, site: Path, tmp_path: Path
) -> None:
    samples = [
        site / "fi" / "index.html",
        site / "fi" / "2024" / "kulttuurilautakunta" / "index.html",
        site / "sv" / "2024" / "kulttuurilautakunta" / "lainaus" / "kavijat.html",
        site / "en" / "arvioimatta.html",
    ]
    job = {
        "chromium": harness.chromium,
        "node_dir": str(harness.modules),
        "front": (site / "fi" / "index.html").as_uri(),
        "query": "kävijä",
        "narrow": "kavijat vanha",
        "switch_to": "sv",
        "samples": [s.as_uri() for s in samples],
        "result": str(tmp_path / "result.json"),
    }
    job_file = tmp_path / "job.json"
    job_file.write_text(json.dumps(job), encoding="utf-8")
    done = subprocess.run(
        [harness.node, str(SCRIPT), str(job_file)], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-4000:]
    result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    steps = {s["name"]: s["value"] for s in result["steps"]}
    assert result["errors"] == []
    assert steps["first tab"] == "Siirry sisältöön"
    assert steps["after skip"] == "sisalto"
    assert steps["search url"].endswith("/fi/haku.html?q=k%C3%A4vij%C3%A4")
    assert steps["search field"] == "kävijä"
    assert "Kävijät" in steps["results"] and steps["count"].endswith("tulosta.")
    # accents folded, every word matched: "kavijat vanha" finds 2023's indicator (id kavijat-vanha) only
    assert steps["narrowed"] == ["Kävijät"] and len(steps["results"]) > 1
    assert steps["result url"].endswith("/fi/2023/kulttuurilautakunta/lainaus/kavijat-vanha.html")
    assert steps["result h1"] == "Kävijät"
    assert steps["switched lang"] == "sv"
    assert steps["switched url"] == steps["result url"].replace("/fi/", "/sv/")
    assert steps["switched h1"] == steps["result h1"]
    assert len(result["links"]) > 40
    assert [link for link in result["links"] if not link["ok"]] == []
