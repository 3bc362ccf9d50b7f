"""Helpers for the site's tests: building a data folder, and checking every link of a built site."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import DATA, FIXTURES, invoke

REPORT_DATA = FIXTURES / "report" / "data"


def site_data(target: Path) -> Path:
    """Three years and two committees: the report fixture's culture committee and the repository's data."""
    data = target / "data"
    shutil.copytree(REPORT_DATA, data)
    for year in ("2021", "2024"):
        (data / year).mkdir(exist_ok=True)
        shutil.copy(DATA / year / "hyvinvointilautakunta.yaml", data / year / "hyvinvointilautakunta.yaml")
    return data


def record_a_value(data: Path) -> None:
    """An outcome recorded in 2021's welfare committee through the CLI, as a user would."""
    code, _, err = invoke(
        [
            "record",
            "kulttuuriparlamentin-kokoukset",
            "6",
            "--year",
            "2021",
            "--date",
            "31.12.2021",
            "--data",
            str(data),
        ]
    )
    assert code == 0, err


def two_municipalities(root: Path) -> Path:
    """The culture committee's two years, once for Pietarsaari (with its Swedish texts) and once for Kemi
    (without the Swedish title of its first goal)."""
    data = root / "data"
    for year in ("2023", "2024"):
        (data / year).mkdir(parents=True)
        text = (REPORT_DATA / year / "kulttuurilautakunta.yaml").read_text(encoding="utf-8")
        own = text.replace(
            "lautakunta: Kulttuurilautakunta\n", "kunta: Pietarsaari\nlautakunta: Kulttuurilautakunta\n", 1
        )
        (data / year / "pietarsaari-kulttuuri.yaml").write_text(own, encoding="utf-8")
        other = text.replace(
            "lautakunta: Kulttuurilautakunta\n", "kunta: Kemi\nlautakunta: Kulttuurilautakunta\n", 1
        )
        other = other.replace("        sv:\n          otsikko: Utlåningen ökar.\n", "")
        (data / year / "kemi-kulttuuri.yaml").write_text(other, encoding="utf-8")
    return data


@dataclass
class _Page(HTMLParser):
    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    langs: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("href", "src", "action"):
            value = values.get(key)
            if value is not None:
                self.links.append(value)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if values.get("lang"):
            self.langs.append(values["lang"] or "")


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def broken_links(site: Path) -> list[str]:
    """Every link, script, stylesheet or form target of every page that points at no file of the site,
    or anywhere outside it (the site uses no outside resources)."""
    root = site.resolve()
    problems = []
    pages = {path: parse(path) for path in sorted(site.rglob("*.html"))}
    for path, page in pages.items():
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                problems.append(f"{path.relative_to(site)}: outside resource {link}")
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path.resolve()
            if not target.is_relative_to(root) or not target.is_file():
                problems.append(f"{path.relative_to(site)}: broken link {link}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[next(p for p in pages if p.resolve() == target)].ids
                if parts.fragment not in ids:
                    problems.append(f"{path.relative_to(site)}: no #{parts.fragment} in {link}")
    return problems
