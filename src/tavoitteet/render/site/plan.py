"""Every file of the site with the source files it depends on and how to make it.

``deps`` is the set of goal files (paths under the data folder) whose change
can change the output; ``None`` means every file (the front page, the search
index, the data package).  An incremental build renders only the outputs whose
dependencies changed (:mod:`tavoitteet.files.sitefiles`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from tavoitteet.render.site import data, pages, search, urls
from tavoitteet.render.site.model import Site
from tavoitteet.render.site.style import CSS
from tavoitteet.words.i18n import ReportLang

ALL = None


@dataclass(frozen=True, slots=True)
class Output:
    path: str
    """Where it goes under the site folder, with forward slashes."""
    deps: frozenset[str] | None
    render: Callable[[], str]


def outputs(site: Site) -> Iterator[Output]:
    """Every file of the site, in a stable order."""
    several = site.several_municipalities
    yield Output(f"{urls.ASSETS}/sivusto.css", frozenset(), lambda: CSS)
    yield Output(f"{urls.ASSETS}/haku.js", frozenset(), lambda: search.SEARCH_SCRIPT)
    yield Output(urls.INDEX, frozenset(), partial(pages.language_choice, site))
    yield Output(f"{urls.DOWNLOADS}/datapackage.json", frozenset(), partial(data.datapackage, site))
    for year in site.years:
        deps = frozenset(s for cy in site.committee_years if cy.year == year for s in cy.deps)
        for table in data.TABLES:
            path = f"{urls.DOWNLOADS}/{table.path(year)}"
            yield Output(path, deps, partial(data.table_text, site, table, year))
    for place in site.committee_years:
        yield Output(urls.download(place, several, "csv"), place.deps, partial(data.committee_csv, place))
        yield Output(urls.download(place, several, "json"), place.deps, partial(data.committee_json, place))
    for lang in site.languages:
        yield from _language(site, lang)


def _language(site: Site, lang: ReportLang) -> Iterator[Output]:
    several = site.several_municipalities
    in_lang: Callable[[str], str] = partial(urls.in_lang, lang)
    yield Output(f"{urls.ASSETS}/haku-{lang}.js", ALL, partial(search.index_script, site, lang))
    yield Output(in_lang(urls.front()), ALL, partial(pages.front_page, site, lang))
    yield Output(in_lang(urls.NOT_ASSESSED), ALL, partial(pages.not_assessed_page, site, lang))
    yield Output(in_lang(urls.SEARCH), ALL, partial(pages.search_page, site, lang))
    yield Output(in_lang(urls.DOWNLOADS_PAGE), ALL, partial(pages.downloads_page, site, lang))
    if several:
        for name in site.municipalities:
            deps = frozenset(s for cy in site.committee_years if cy.municipality == name for s in cy.deps)
            yield Output(
                in_lang(urls.municipality_page(name)),
                deps,
                partial(pages.municipality_page, site, lang, name),
            )
    for year in site.years:
        deps = frozenset(s for cy in site.committee_years if cy.year == year for s in cy.deps)
        yield Output(in_lang(urls.year_page(year)), deps, partial(pages.year_page, site, lang, year))
    for place in site.committee_years:
        yield Output(
            in_lang(urls.committee_page(place, several)),
            place.deps,
            partial(pages.committee_year_page, site, lang, place),
        )
        chain = site.chain_sources(place)
        for _, goal in place.goals():
            yield Output(
                in_lang(urls.goal_page(place, goal.goal.id, several)),
                chain,
                partial(pages.goal_page, site, lang, place, goal),
            )
            for result in goal.indicators:
                yield Output(
                    in_lang(urls.indicator_page(place, goal.goal.id, result.indicator.id, several)),
                    chain,
                    partial(pages.indicator_page, site, lang, place, goal, result),
                )
