"""The site's pages, one renderer per kind: each takes the site, a language and its item, returns HTML.

Front page, municipality, year, committee-year (the annual report's content),
goal, indicator, not-assessed, search and downloads.  Goal and indicator pages
show the item in every year its committee has it (:mod:`.model` follows them).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from html import escape

from tavoitteet.core.evaluation import BindingCounts, Counts, GoalResult, IndicatorResult, year_over
from tavoitteet.core.model import CategoryIndicator, Entry, ServiceArea, Target
from tavoitteet.core.parsing import ValueParseError
from tavoitteet.core.values import parse_value
from tavoitteet.render.site import urls
from tavoitteet.render.site.charts import columns_with_targets, series_chart, worth_drawing
from tavoitteet.render.site.layout import Context, Crumb, a, badge, c, counts_text, page, piece, table, text
from tavoitteet.render.site.model import CommitteeYear, Counted, Located, Place, Point, Site
from tavoitteet.words.i18n import Lang, ReportLang
from tavoitteet.words.labels import (
    day,
    explain,
    explain_goal,
    kind_name,
    latest_value,
    recorded_day,
    target_text,
    value_text,
)
from tavoitteet.words.report_labels import (
    assessments_words,
    comment_words,
    decision_reference,
    differing_words,
    goal_facts,
    series_items,
    word,
)
from tavoitteet.words.site_labels import LANGUAGE_NAMES, site_word

SeriesRow = tuple[str, str, list[str]]
"""A series' row: the year as a link, the year as "this year", and the other cells."""


def _base(lang: ReportLang) -> Lang:
    """The language of the status views' explanations, which exist in Finnish and English."""
    return "en" if lang == "en" else "fi"


def _explained(ctx: Context, words: str) -> str:
    """An explanation from the views' words: Finnish on a Swedish page, and marked so."""
    return text(ctx, words, _base(ctx.lang))


def _latest(dates: Iterable[date | None]) -> date | None:
    known = [d for d in dates if d is not None]
    return max(known) if known else None


def _place_updated(ctx: Context, place: CommitteeYear) -> date | None:
    return _latest(cy.updated for cy in ctx.site.chains[place.chain])


# --- committee tables (front, municipality, year) ------------------------------------------------


def _committee_rows(ctx: Context, places: Sequence[Place]) -> list[list[str]]:
    rows = []
    for cy in places:
        rows.append(
            [
                a(ctx.link(urls.committee_page(cy, ctx.several)), text(ctx, cy.committee)),
                counts_text(cy.goal_counts, ctx.lang),
                _binding_text(ctx, cy.binding),
                counts_text(cy.indicator_counts, ctx.lang),
            ]
        )
    return rows


def _committee_name(ctx: Context, place: CommitteeYear) -> str:
    return c(ctx, place.result.goal_file, "committee", place.committee)


def _place_name(ctx: Context, place: Place) -> str:
    """:func:`_committee_name` from the place's summary."""
    return text(ctx, *place.name(ctx.lang))


def _binding_text(ctx: Context, binding: BindingCounts, goals: bool = True) -> str:
    """The binding goals' (or indicators') statuses, and how many do not say whether they bind."""
    counts = binding.goals if goals else binding.indicators
    not_stated = binding.goals_not_stated if goals else binding.indicators_not_stated
    shown = counts_text(counts, ctx.lang)
    if not_stated:
        shown += "; " + escape(ctx.word("not_stated_count", count=not_stated))
    return shown


def _binds(ctx: Context, binding: bool | None) -> str:
    return ctx.word("not_stated" if binding is None else "yes" if binding else "no")


def _committee_table(ctx: Context, places: Sequence[Place], caption: str) -> str:
    head = [
        word("committee", ctx.lang),
        word("goals", ctx.lang),
        ctx.word("binding_goals"),
        word("indicators", ctx.lang),
    ]
    return table(caption, head, _committee_rows(ctx, places), "committees")


def _years_sections(ctx: Context, places: Sequence[Place], heading: str = "h2") -> str:
    parts = []
    for year in sorted({cy.year for cy in places}, reverse=True):
        of_year = [cy for cy in places if cy.year == year]
        title = ctx.word("year_page", year=year)
        parts.append(
            f"<section><{heading}>{a(ctx.link(urls.year_page(year)), escape(title))}</{heading}>"
            + _committee_table(ctx, of_year, ctx.word("counts_of", what=ctx.word("committees"), year=year))
            + "</section>"
        )
    return "".join(parts)


def front_page(site: Site, lang: ReportLang) -> str:
    ctx = Context(site, lang, urls.front())
    if not site.several_municipalities:
        body = _years_sections(ctx, site.places)
    else:
        rows = []
        for name in site.municipalities:
            places = [cy for cy in site.places if cy.municipality == name]
            label = text(ctx, name) if name else escape(ctx.word("no_municipality"))
            years = ", ".join(str(y) for y in sorted({cy.year for cy in places}))
            rows.append([a(ctx.link(urls.municipality_page(name)), label), years, str(len(places))])
        head = [ctx.word("municipality"), ctx.word("years"), word("committee", lang)]
        body = table(ctx.word("municipalities"), head, rows, "committees")
    return page(ctx, ctx.word("site_title"), body, updated=site.updated)


def municipality_page(site: Site, lang: ReportLang, name: str | None) -> str:
    ctx = Context(site, lang, urls.municipality_page(name))
    places = [cy for cy in site.places if cy.municipality == name]
    title = name or ctx.word("no_municipality")
    return page(
        ctx,
        title,
        _years_sections(ctx, places),
        title_lang="fi" if name else None,
        updated=_latest(cy.updated for cy in places),
    )


def year_page(site: Site, lang: ReportLang, year: int) -> str:
    ctx = Context(site, lang, urls.year_page(year))
    places = [cy for cy in site.places if cy.year == year]
    parts = []
    for name in site.municipalities:
        mine = [cy for cy in places if cy.municipality == name]
        if not mine:
            continue
        parts.append("<section>")
        if site.several_municipalities:
            label = text(ctx, name) if name else escape(ctx.word("no_municipality"))
            parts.append(f"<h2>{a(ctx.link(urls.municipality_page(name)), label)}</h2>")
        parts.append(_summary(ctx, mine, year))
        caption = ctx.word("counts_of", what=ctx.word("committees"), year=year)
        parts.append(_committee_table(ctx, mine, caption))
        parts.append("</section>")
    title = ctx.word("year_page", year=year)
    return page(ctx, title, "".join(parts), updated=_latest(cy.updated for cy in places))


def _summary(ctx: Context, places: Sequence[Counted], year: int) -> str:
    binding = places[0].binding
    for cy in places[1:]:
        binding = binding + cy.binding
    goal_counts = sum((cy.goal_counts for cy in places), Counts.of(()))
    indicator_counts = sum((cy.indicator_counts for cy in places), Counts.of(()))
    state = word("year_over" if year_over(year, ctx.site.as_of) else "year_running", ctx.lang)
    return (
        f'<p class="state">{escape(state.capitalize())}.</p><dl class="summary">'
        f"<dt>{escape(word('goals', ctx.lang))}</dt><dd>{counts_text(goal_counts, ctx.lang)}</dd>"
        f"<dt>{escape(ctx.word('binding_goals'))}</dt><dd>{_binding_text(ctx, binding)}</dd>"
        f"<dt>{escape(word('indicators', ctx.lang))}</dt><dd>{counts_text(indicator_counts, ctx.lang)}</dd>"
        f"<dt>{escape(ctx.word('binding_indicators'))}</dt><dd>{_binding_text(ctx, binding, False)}</dd></dl>"
    )


# --- committee-year ------------------------------------------------------------------------------


def _committee_crumbs(ctx: Context, place: CommitteeYear) -> list[Crumb]:
    crumbs: list[Crumb] = []
    if ctx.several:
        name = place.municipality
        label = text(ctx, name) if name else escape(ctx.word("no_municipality"))
        crumbs.append((urls.municipality_page(name), label))
    crumbs.append((urls.year_page(place.year), escape(str(place.year))))
    return crumbs


def _goal_cell(ctx: Context, place: CommitteeYear, goal: GoalResult) -> str:
    items = "".join(
        "<li>"
        + a(
            ctx.link(urls.indicator_page(place, goal.goal.id, i.indicator.id, ctx.several)),
            c(ctx, i.indicator, "name", i.indicator.target_text),
        )
        + " "
        + badge(i.status, ctx.lang, i.is_manual)
        + "</li>"
        for i in goal.indicators
    )
    return f'<ul class="plain">{items}</ul>' if items else ""


def committee_year_page(site: Site, lang: ReportLang, place: CommitteeYear) -> str:
    ctx = Context(site, lang, urls.committee_page(place, site.several_municipalities))
    file = place.result
    parts = []
    if (reference := decision_reference(file.goal_file.decision, lang)) is not None:
        parts.append(f'<p class="decision">{escape(word("decision", lang))}: {text(ctx, reference)}</p>')
    if file.goal_file.description:
        parts.append(f"<p>{c(ctx, file.goal_file, 'description')}</p>")
    parts += [
        f'<p class="assessment">{_explained(ctx, line)}</p>'
        for line in assessments_words(file.assessed, _base(lang))
    ]
    parts.append(_summary(ctx, [place.result], place.year))
    parts.append(_downloads_of(ctx, place))
    head = [word("goal", lang), word("status", lang), ctx.word("binding"), word("indicators", lang)]
    for area in file.areas:
        rows = [
            [
                a(ctx.link(urls.goal_page(place, g.goal.id, ctx.several)), c(ctx, g.goal, "title")),
                badge(g.status, lang),
                escape(_binds(ctx, g.goal.binding)),
                _goal_cell(ctx, place, g),
            ]
            for g in area.goals
        ]
        name = piece(ctx, area.area, "name")
        caption = ctx.word("goals_of", name=name.text)
        description = f"<p>{c(ctx, area.area, 'description')}</p>" if area.area.description else ""
        goals = table(caption, head, rows, "goals") if rows else ""
        parts.append(f"<section><h2>{text(ctx, name.text, name.lang)}</h2>{description}{goals}</section>")
    committee = piece(ctx, file.goal_file, "committee", place.committee)
    title = ctx.word("committee_year", committee=committee.text, year=place.year)
    if ctx.several and place.municipality:
        title = f"{place.municipality}: {title}"
    crumbs = _committee_crumbs(ctx, place)
    return page(ctx, title, "".join(parts), crumbs, title_lang=committee.lang, updated=place.updated)


def _download_label(ctx: Context, place: Located, name: str, file_format: str) -> str:
    """``Lataa Kulttuurilautakunta 2024 (CSV)``, the committee's name (HTML) marked with its language."""
    marker = "\0"
    words = ctx.word(
        "download_of", what=ctx.word("committee_year", committee=marker, year=place.year), format=file_format
    )
    before, _, after = words.partition(marker)
    if ctx.several and place.municipality:
        name = text(ctx, place.municipality) + ": " + name
    return escape(before) + name + escape(after)


def _downloads_of(ctx: Context, place: CommitteeYear) -> str:
    links = [
        a(
            ctx.root(urls.download(place, ctx.several, suffix)),
            _download_label(ctx, place, _committee_name(ctx, place), suffix.upper()),
        )
        for suffix in ("csv", "json")
    ]
    return '<ul class="downloads">' + "".join(f"<li>{link}</li>" for link in links) + "</ul>"


# --- goal ----------------------------------------------------------------------------------------


def _facts(rows: Sequence[tuple[str, str]]) -> str:
    return '<dl class="facts">' + "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in rows if v) + "</dl>"


def _area_of(place: CommitteeYear, goal: GoalResult) -> ServiceArea:
    return next(area.area for area in place.result.areas if any(g is goal for g in area.goals))


def goal_page(site: Site, lang: ReportLang, place: CommitteeYear, goal: GoalResult) -> str:
    several = site.several_municipalities
    ctx = Context(site, lang, urls.goal_page(place, goal.goal.id, several))
    item = goal.goal
    area = _area_of(place, goal)
    spearheads = {s.id: s.name for s in place.result.goal_file.spearheads}
    facts = [
        (
            word("committee", lang),
            a(ctx.link(urls.committee_page(place, several)), _committee_name(ctx, place)),
        ),
        (word("year", lang), a(ctx.link(urls.year_page(place.year)), str(place.year))),
        (ctx.word("area"), c(ctx, area, "name")),
        (word("status", lang), badge(goal.status, lang, goal.is_manual)),
        (ctx.word("why"), _explained(ctx, explain_goal(goal, _base(lang)))),
        (ctx.word("binding"), escape(_binds(ctx, item.binding))),
        (
            ctx.word("spearhead"),
            text(ctx, spearheads.get(item.spearhead, item.spearhead)) if item.spearhead else "",
        ),
        (ctx.word("description"), c(ctx, item, "description") if item.description else ""),
    ]
    parts = [_facts(facts)]
    notes = [
        *goal_facts(item, area, _base(lang)),
        *assessments_words(goal.assessed, _base(lang)),
        *differing_words(goal, _base(lang)),
    ]
    if notes or item.notes:
        items = "".join(f"<li>{_explained(ctx, n)}</li>" for n in notes)
        items += "".join(f"<li>{text(ctx, n)}</li>" for n in item.notes)
        parts.append(f"<h2>{escape(ctx.word('details'))}</h2><ul>{items}</ul>")
    if item.actions:
        actions = "".join(f"<li>{c(ctx, action, 'text')}</li>" for action in item.actions)
        parts.append(f"<h2>{escape(ctx.word('actions'))}</h2><ul>{actions}</ul>")
    if goal.indicators:
        rows = [
            [
                a(
                    ctx.link(urls.indicator_page(place, item.id, i.indicator.id, several)),
                    c(ctx, i.indicator, "name", i.indicator.target_text),
                ),
                c(ctx, i.indicator, "target_text"),
                escape(latest_value(i, lang, with_unit=True)),
                badge(i.status, lang, i.is_manual),
            ]
            for i in goal.indicators
        ]
        head = [word("indicator", lang), word("target", lang), ctx.word("latest"), word("status", lang)]
        parts.append(
            f"<h2>{escape(word('indicators', lang))}</h2>"
            + table(ctx.word("indicators_of", name=item.title), head, rows, "goals")
        )
    series = site.goal_series.get((place.source, item.id), [])
    if len(series) > 1:
        shared = site.shared(
            series, lambda: [_goal_point(ctx, point) for point in series], "goal-series", lang
        )
        rows = [
            [current if point.place is place else linked, *cells]
            for point, (linked, current, cells) in zip(series, shared, strict=True)
        ]
        head = [word("year", lang), word("goal", lang), word("status", lang)]
        parts.append(
            f"<h2>{escape(ctx.word('series_goal'))}</h2>"
            + table(ctx.word("series_goal"), head, rows, "series")
        )
    crumbs = [
        *_committee_crumbs(ctx, place),
        (urls.committee_page(place, several), _committee_name(ctx, place)),
    ]
    title = piece(ctx, item, "title")
    return page(
        ctx, title.text, "".join(parts), crumbs, title_lang=title.lang, updated=_place_updated(ctx, place)
    )


def _goal_point(ctx: Context, point: Point) -> SeriesRow:
    year = str(point.place.year)
    href = ctx.link(urls.goal_page(point.place, point.goal.goal.id, ctx.several))
    current = f'<span aria-current="page">{year} ({escape(ctx.word("this_year"))})</span>'
    return (a(href, year), current, [c(ctx, point.goal.goal, "title"), badge(point.goal.status, ctx.lang)])


# --- indicator -----------------------------------------------------------------------------------


def _entry_value(result: IndicatorResult, entry: Entry, ctx: Context) -> str:
    if entry.value is None:
        return c(ctx, entry, "missing_reason") if entry.missing_reason else ""
    try:
        shown = value_text(result.indicator, parse_value(result.indicator, entry.value), ctx.lang, True)
    except ValueParseError:
        return text(ctx, entry.value if isinstance(entry.value, str) else str(entry.value))
    return escape(shown)


def _entries(ctx: Context, result: IndicatorResult) -> str:
    entries = sorted(result.indicator.entries, key=lambda e: e.date, reverse=True)
    if not entries:
        return f"<p>{escape(ctx.word('no_entries'))}</p>"
    rows = [
        [
            escape(day(e.date, ctx.lang)),
            _entry_value(result, e, ctx),
            text(ctx, e.by) if e.by else "",
            text(ctx, e.source) if e.source else "",
            c(ctx, e, "comment") if e.comment else "",
        ]
        for e in entries
    ]
    head = [
        ctx.word("date"),
        word("value", ctx.lang),
        ctx.word("recorded_by"),
        ctx.word("source"),
        word("comment", ctx.lang),
    ]
    return table(ctx.word("entries"), head, rows, "entries")


def _target_of(result: IndicatorResult) -> Target | None:
    target = getattr(result.indicator, "target", None)
    return target if isinstance(target, Target) else None


def _point_value(result: IndicatorResult) -> Decimal | None:
    return result.value if isinstance(result.value, Decimal) and not isinstance(result.value, bool) else None


def _series(ctx: Context, place: CommitteeYear, result: IndicatorResult, name: str) -> str:
    series = ctx.site.indicator_series.get((place.source, result.indicator.id), [])
    if not series:
        return ""
    # made once for the series' pages, and captioned with this page's name
    rows_shared, chart = ctx.site.shared(
        series, lambda: _series_shared(ctx, series, name), "indicator-series", ctx.lang, name
    )
    rows = [
        [current if point.place is place else linked, *cells]
        for point, (linked, current, cells) in zip(series, rows_shared, strict=True)
    ]
    caption = ctx.word("series_caption", name=name)
    head = [
        word("year", ctx.lang),
        word("target", ctx.lang),
        word("value", ctx.lang),
        word("status", ctx.lang),
    ]
    return f"<h2>{escape(ctx.word('series'))}</h2>{chart}{table(caption, head, rows, 'series')}"


def _series_shared(ctx: Context, series: list[Point], name: str) -> tuple[list[SeriesRow], str]:
    """What every page of one indicator's series shows alike: the rows and the chart."""
    rows: list[SeriesRow] = []
    chart_rows: list[tuple[str, Decimal | None, str, object]] = []
    for point in series:
        item = point.indicator
        assert item is not None
        target = _target_of(item)
        shown_target = target_text(target, ctx.lang) if target is not None else ""
        value = latest_value(item, ctx.lang, with_unit=True)
        year = str(point.place.year)
        href = ctx.link(urls.indicator_page(point.place, point.goal.goal.id, item.indicator.id, ctx.several))
        cells = [
            escape(shown_target) if shown_target else c(ctx, item.indicator, "target_text"),
            escape(value) if value else escape(ctx.word("no_value")),
            badge(item.status, ctx.lang, item.is_manual),
        ]
        current = f'<span aria-current="page">{year} ({escape(ctx.word("this_year"))})</span>'
        rows.append((a(href, year), current, cells))
        if not isinstance(item.indicator, CategoryIndicator):
            chart_rows.append((year, _point_value(item), value, target))
    columns = columns_with_targets(chart_rows)
    if not worth_drawing(columns):
        return rows, ""
    caption = ctx.word("series_caption", name=name)
    desc = "; ".join(
        f"{c.label}: {c.text or ctx.word('no_value')}"
        + (
            f" ({ctx.word('chart_desc_target', target=target_text(t, ctx.lang))})"
            if isinstance(t, Target)
            else ""
        )
        for c, (_, _, _, t) in zip(columns, chart_rows, strict=True)
    )
    chart = series_chart(columns, caption, desc, "sarja")
    return rows, f'<figure class="chart">{chart}<figcaption>{escape(caption)}</figcaption></figure>'


def indicator_page(
    site: Site, lang: ReportLang, place: CommitteeYear, goal: GoalResult, result: IndicatorResult
) -> str:
    several = site.several_municipalities
    item = result.indicator
    ctx = Context(site, lang, urls.indicator_page(place, goal.goal.id, item.id, several))
    name = piece(ctx, item, "name", item.target_text)
    recorded = recorded_day(result, lang)
    latest = latest_value(result, lang, with_unit=True)
    remark = comment_words(result, lang)
    goal_link = a(ctx.link(urls.goal_page(place, goal.goal.id, several)), c(ctx, goal.goal, "title"))
    facts = [
        (word("goal", lang), goal_link),
        (
            word("committee", lang),
            a(ctx.link(urls.committee_page(place, several)), _committee_name(ctx, place)),
        ),
        (word("year", lang), a(ctx.link(urls.year_page(place.year)), str(place.year))),
        (ctx.word("kind"), _explained(ctx, kind_name(item.kind, _base(lang)))),
        (word("target", lang), c(ctx, item, "target_text")),
        (
            word("target_band", lang).capitalize(),
            escape(target_text(t, lang)) if (t := _target_of(result)) else "",
        ),
        (ctx.word("latest"), escape(f"{latest} ({recorded})" if recorded else latest)),
        (word("status", lang), badge(result.status, lang, result.is_manual)),
        (ctx.word("why"), _explained(ctx, explain(result, _base(lang)))),
        (word("comment", lang), text(ctx, remark) if remark else ""),
        (ctx.word("binding"), escape(_binds(ctx, item.binding)) if item.binding is not None else ""),
        (ctx.word("assessment"), c(ctx, item, "note") if item.note else ""),
    ]
    unit = getattr(item, "unit", None)
    if isinstance(unit, str) and unit:
        facts.insert(4, (ctx.word("unit"), text(ctx, unit)))
    parts = [_facts(facts), _series(ctx, place, result, name.text), _file_series(ctx, result)]
    parts.append(f"<h2>{escape(ctx.word('entries'))}</h2>{_entries(ctx, result)}")
    crumbs = [
        *_committee_crumbs(ctx, place),
        (urls.committee_page(place, several), _committee_name(ctx, place)),
        (urls.goal_page(place, goal.goal.id, several), c(ctx, goal.goal, "title")),
    ]
    updated = _place_updated(ctx, place)
    return page(ctx, name.text, "".join(parts), crumbs, title_lang=name.lang, updated=updated)


def _file_series(ctx: Context, result: IndicatorResult) -> str:
    """The values the file itself keeps by year and kind (actual, budget, forecast, …: ``sarja``)."""
    items = series_items(result.indicator, ctx.lang)
    if not items:
        return ""
    rows = [
        [escape(str(year)), escape(kind), escape(shown), text(ctx, source) if source else ""]
        for year, kind, shown, source in items
    ]
    head = [word("year", ctx.lang), ctx.word("series_kind"), word("value", ctx.lang), ctx.word("source")]
    title = ctx.word("in_file_series")
    return f"<h2>{escape(title)}</h2>" + table(title, head, rows, "series")


# --- lists ---------------------------------------------------------------------------------------


def not_assessed_page(site: Site, lang: ReportLang) -> str:
    ctx = Context(site, lang, urls.NOT_ASSESSED)
    parts = [f"<p>{escape(ctx.word('not_assessed_intro'))}</p>"]
    if not any(place.unassessed for place in site.places):
        parts.append(f"<p>{escape(ctx.word('nothing_unassessed'))}</p>")
    head = [word("goal", lang) + " / " + word("indicator", lang), ctx.word("why")]
    base = _base(lang)
    for place in site.places:
        if not place.unassessed:
            continue
        rows = []
        for item in place.unassessed:
            if item.indicator is None:
                href = ctx.link(urls.goal_page(place, item.goal, ctx.several))
            else:
                href = ctx.link(urls.indicator_page(place, item.goal, item.indicator, ctx.several))
            why = next(words for code, words in item.why if code == base)
            rows.append([a(href, text(ctx, item.label)), _explained(ctx, why)])
        title = ctx.word("committee_year", committee=place.committee, year=place.year)
        if ctx.several and place.municipality:
            title = f"{place.municipality}: {title}"
        link = a(ctx.link(urls.committee_page(place, ctx.several)), text(ctx, title))
        parts.append(f"<section><h2>{link}</h2>{table(title, head, rows, 'goals')}</section>")
    return page(ctx, ctx.word("not_assessed_page"), "".join(parts), updated=site.updated)


def search_page(site: Site, lang: ReportLang) -> str:
    ctx = Context(site, lang, urls.SEARCH)
    body = (
        f'<form class="search big" role="search" id="haku" action="{urls.SEARCH}" method="get">'
        f'<label for="haku-kentta">{escape(ctx.word("search_label"))}</label> '
        '<input id="haku-kentta" name="q" type="search" autocomplete="off" aria-describedby="haku-ohje"> '
        f'<button type="submit">{escape(ctx.word("search_button"))}</button>'
        f'<p id="haku-ohje">{escape(ctx.word("search_help"))}</p></form>'
        f"<noscript><p>{escape(ctx.word('search_noscript'))}</p></noscript>"
        f'<h2 id="tulokset-otsikko">{escape(ctx.word("results"))}</h2>'
        '<p id="tulokset-maara" role="status"></p><ol id="tulokset" aria-labelledby="tulokset-otsikko"></ol>'
        f'<script src="{ctx.root(urls.ASSETS + "/haku-" + lang + ".js")}"></script>'
        f'<script src="{ctx.root(urls.ASSETS + "/haku.js")}"></script>'
    )
    return page(ctx, ctx.word("search"), body, updated=site.updated)


def downloads_page(site: Site, lang: ReportLang) -> str:
    ctx = Context(site, lang, urls.DOWNLOADS_PAGE)
    parts = [
        f"<p>{escape(ctx.word('downloads_intro'))}</p>",
        f"<p>{a(ctx.root(urls.DOWNLOADS + '/datapackage.json'), escape(ctx.word('datapackage')))}</p>",
    ]
    head = [word("committee", lang), "CSV", "JSON"]
    for year in site.years:
        rows = []
        for place in (cy for cy in site.places if cy.year == year):
            name = _place_name(ctx, place)
            if ctx.several and place.municipality:
                name = text(ctx, place.municipality) + ": " + name
            rows.append(
                [name]
                + [
                    a(
                        ctx.root(urls.download(place, ctx.several, suffix)),
                        _download_label(ctx, place, _place_name(ctx, place), suffix.upper()),
                    )
                    for suffix in ("csv", "json")
                ]
            )
        title = ctx.word("year_page", year=year)
        parts.append(f"<section><h2>{escape(title)}</h2>{table(title, head, rows, 'committees')}</section>")
    return page(ctx, ctx.word("downloads"), "".join(parts), updated=site.updated)


def language_choice(site: Site) -> str:
    """The site's root: one link per language, each in its own language."""
    first = site.languages[0]

    def named(lang: ReportLang) -> str:
        mark = "" if lang == first else f' lang="{lang}"'
        return f"<span{mark}>{escape(site_word('site_title', lang))}</span>"

    items = "".join(
        f'<li><a href="{lang}/{urls.INDEX}" lang="{lang}" hreflang="{lang}">'
        f"{escape(site_word('site_title', lang))} – {escape(LANGUAGE_NAMES[lang])}</a></li>"
        for lang in site.languages
    )
    heading = " / ".join(named(lang) for lang in site.languages)
    title = " / ".join(site_word("site_title", lang) for lang in site.languages)
    return (
        f'<!DOCTYPE html>\n<html lang="{first}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f'<link rel="stylesheet" href="{urls.ASSETS}/sivusto.css">\n</head>\n<body>\n'
        f'<main id="sisalto"><h1>{heading}</h1><ul class="choice">{items}</ul></main>\n</body>\n</html>\n'
    )
