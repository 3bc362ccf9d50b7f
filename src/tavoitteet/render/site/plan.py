"""Every file of the site with the source files it depends on and how to make it.

``deps`` is the set of goal files (paths under the data folder) whose change
can change the output; ``None`` means every file (the front page, the search
index, the data package).  An incremental build renders only the outputs whose
dependencies changed (:mod:`tavoitteet.files.sitefiles`).  The pages about many
files (front, year, municipality, not-assessed, downloads, search, the data
tables) have a ``key`` instead: a digest of everything they are made of (the
site's settings and the parts of each place they show, :attr:`.model.Place.aspects`),
so they are made again only when that changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from hashlib import blake2b

from tavoitteet.core.evaluation import GoalResult
from tavoitteet.render.site import data, pages, search, urls
from tavoitteet.render.site.model import ASPECTS, ChainKey, CommitteeYear, Place, Site
from tavoitteet.render.site.style import CSS
from tavoitteet.words.i18n import ReportLang

ALL = None
NOTHING: frozenset[str] = frozenset()


@dataclass(slots=True)  # not frozen: a site has tens of thousands, and frozen ones are slower to make
class Output:
    path: str
    """Where it goes under the site folder, with forward slashes."""
    deps: frozenset[str] | None
    render: Callable[[], str]
    needs: frozenset[str] = NOTHING
    """The committee-years (sources) that must be evaluated (:attr:`.model.Site.full`) to render it; the
    others are rendered from the places alone."""
    key: str | None = None
    """A digest of all it is made of, when known: it is made again only when this changes."""


def _key(site: Site, kind: str, places: Iterable[Place] = (), aspect: str = "") -> str:
    """``kind`` of page (its path) made of the site's settings and the ``aspect`` of each of ``places``."""
    digest = blake2b(digest_size=16)
    shared = (kind, aspect, site.as_of, site.languages, site.updated, site.several_municipalities)
    digest.update(repr((*shared, site.municipalities, site.years)).encode("utf-8", "surrogatepass"))
    if aspect:
        column = ASPECTS.index(aspect)
        digest.update("".join(p.aspects[column][1] if p.aspects else "" for p in places).encode())
    return digest.hexdigest()


def _full(site: Site, source: str) -> CommitteeYear:
    return site.full[source]


def _goal(site: Site, source: str, index: int) -> GoalResult:
    return [goal for _, goal in site.full[source].goals()][index]


def _committee_csv(site: Site, source: str) -> str:
    return data.committee_csv(_full(site, source))


def _committee_json(site: Site, source: str) -> str:
    return data.committee_json(_full(site, source))


def _committee_page(site: Site, lang: ReportLang, source: str) -> str:
    return pages.committee_year_page(site, lang, _full(site, source))


def _goal_page(site: Site, lang: ReportLang, source: str, index: int) -> str:
    return pages.goal_page(site, lang, _full(site, source), _goal(site, source, index))


def _indicator_page(site: Site, lang: ReportLang, source: str, index: int, which: int) -> str:
    goal = _goal(site, source, index)
    return pages.indicator_page(site, lang, _full(site, source), goal, goal.indicators[which])


def outputs(site: Site) -> Iterator[Output]:
    """Every file of the site, in a stable order."""
    several = site.several_municipalities
    yield Output(f"{urls.ASSETS}/sivusto.css", frozenset(), lambda: CSS)
    yield Output(f"{urls.ASSETS}/haku.js", frozenset(), lambda: search.SEARCH_SCRIPT)
    yield Output(urls.INDEX, frozenset(), partial(pages.language_choice, site))
    yield Output(f"{urls.DOWNLOADS}/datapackage.json", frozenset(), partial(data.datapackage, site))
    for year in site.years:
        places = [p for p in site.places if p.year == year]
        deps = frozenset(s for cy in places for s in cy.deps)
        key = _key(site, f"{urls.DOWNLOADS}/{year}", places, "rows")
        for table in data.TABLES:
            path = f"{urls.DOWNLOADS}/{table.path(year)}"
            yield Output(path, deps, partial(data.table_text, site, table, year), key=key)
    for place in site.places:
        own = frozenset({place.source})
        render = partial(_committee_csv, site, place.source)
        yield Output(urls.download(place, several, "csv"), place.deps, render, own)
        render = partial(_committee_json, site, place.source)
        yield Output(urls.download(place, several, "json"), place.deps, render, own)
    for lang in site.languages:
        yield from _language(site, lang)


def _language(site: Site, lang: ReportLang) -> Iterator[Output]:
    several = site.several_municipalities
    in_lang: Callable[[str], str] = partial(urls.in_lang, lang)
    every = site.places

    def made_of(
        path: str, render: Callable[[], str], aspect: str = "", places: Iterable[Place] = every
    ) -> Output:
        return Output(path, ALL, render, key=_key(site, path, places if aspect else (), aspect))

    yield made_of(f"{urls.ASSETS}/haku-{lang}.js", partial(search.index_script, site, lang), "search")
    yield made_of(in_lang(urls.front()), partial(pages.front_page, site, lang), "counts")
    yield made_of(in_lang(urls.NOT_ASSESSED), partial(pages.not_assessed_page, site, lang), "unassessed")
    yield made_of(in_lang(urls.SEARCH), partial(pages.search_page, site, lang))
    yield made_of(in_lang(urls.DOWNLOADS_PAGE), partial(pages.downloads_page, site, lang), "names")
    if several:
        for name in site.municipalities:
            path = in_lang(urls.municipality_page(name))
            mine = [p for p in site.places if p.municipality == name]
            yield made_of(path, partial(pages.municipality_page, site, lang, name), "counts", mine)
    for year in site.years:
        path = in_lang(urls.year_page(year))
        mine = [p for p in site.places if p.year == year]
        yield made_of(path, partial(pages.year_page, site, lang, year), "counts", mine)
    chains: dict[ChainKey, tuple[frozenset[str], frozenset[str]]] = {}
    for place in site.places:
        source = place.source
        yield Output(
            in_lang(urls.committee_page(place, several)),
            place.deps,
            partial(_committee_page, site, lang, source),
            frozenset({source}),
        )
        if place.chain not in chains:  # the same for every year of the committee
            chains[place.chain] = (
                site.chain_sources(place),
                frozenset(p.source for p in site.chains[place.chain]),
            )
        chain, members = chains[place.chain]
        for index, (goal_id, indicator_ids) in enumerate(place.goals):
            yield Output(
                in_lang(urls.goal_page(place, goal_id, several)),
                chain,
                partial(_goal_page, site, lang, source, index),
                members,
            )
            for which, indicator_id in enumerate(indicator_ids):
                yield Output(
                    in_lang(urls.indicator_page(place, goal_id, indicator_id, several)),
                    chain,
                    partial(_indicator_page, site, lang, source, index, which),
                    members,
                )
