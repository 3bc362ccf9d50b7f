"""A committee-year's :class:`~.model.Place`: what the pages about many files need of its evaluation.

The front page, the year and municipality pages, the not-assessed page, the
downloads page, the search index and the data package's tables show every
committee-year.  Their pieces of each one are made here once, from its
evaluation, in the site's languages; the pages put them together.  A rebuild
keeps the places of the files that did not change (:mod:`tavoitteet.files.sitefiles`),
so those pages are made without evaluating every file again, and made the same.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import replace
from hashlib import blake2b

from tavoitteet.core.evaluation import Identity, Status
from tavoitteet.render.site import data, search
from tavoitteet.render.site.model import ASPECTS, CommitteeYear, Place, Unassessed
from tavoitteet.words.i18n import Lang, ReportLang
from tavoitteet.words.labels import explain, explain_goal


def base_lang(lang: ReportLang) -> Lang:
    """The language of the status views' explanations, which exist in Finnish and English."""
    return "en" if lang == "en" else "fi"


def _rows_csv(rows: Sequence[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def _unassessed(cy: CommitteeYear, bases: Sequence[Lang]) -> tuple[Unassessed, ...]:
    items: list[Unassessed] = []
    for _, goal in cy.goals():
        if goal.status is Status.NOT_ASSESSED:
            why = tuple((b, explain_goal(goal, b)) for b in bases)
            items.append(Unassessed(goal.goal.id, None, goal.goal.title, why))
        for result in goal.indicators:
            if result.status is Status.NOT_ASSESSED:
                indicator = result.indicator
                why = tuple((b, explain(result, b)) for b in bases)
                items.append(Unassessed(goal.goal.id, indicator.id, indicator.name or indicator.id, why))
    return tuple(items)


def summarize(
    cy: CommitteeYear,
    languages: Sequence[ReportLang],
    several: bool,
    identity: Identity,
    baseline_years: Sequence[int],
) -> Place:
    """The place of ``cy`` on a site in ``languages`` (with several municipalities or not)."""
    result = cy.result
    bases = list(dict.fromkeys(base_lang(lang) for lang in languages))
    names = []
    for lang in languages:
        piece = search.committee_name(cy, lang)
        names.append((lang, piece.text, piece.lang))
    entries = tuple(
        (
            lang,
            # the array's items without its brackets: the index joins them with ","
            json.dumps(search.entries_of(cy, lang, several), ensure_ascii=False, separators=(",", ":"))[1:-1],
        )
        for lang in languages
    )
    place = Place(
        source=cy.source,
        municipality=cy.municipality,
        slug=cy.slug,
        year=cy.year,
        committee=cy.committee,
        names=tuple(names),
        goal_counts=result.goal_counts,
        indicator_counts=result.indicator_counts,
        binding=result.binding,
        goals=tuple((goal.goal.id, tuple(i.indicator.id for i in goal.indicators)) for _, goal in cy.goals()),
        unassessed=_unassessed(cy, bases),
        search=entries,
        several=several,
        rows=tuple(_rows_csv(list(table.rows(cy))) for table in data.TABLES),
        identity=identity,
        baseline_years=tuple(sorted(baseline_years)),
        updated=cy.updated,
        deps=cy.deps,
    )
    return replace(place, aspects=aspects(place))


def _digest(*parts: object) -> str:
    """Texts as they are (they can be long), everything else by its ``repr``, each delimited."""
    digest = blake2b(digest_size=16)
    for part in parts:
        if isinstance(part, tuple) and all(isinstance(p, str) for p in part):
            for text in part:
                digest.update(b"\0s%d\0" % len(text) + text.encode("utf-8", "surrogatepass"))
        else:
            digest.update(b"\0r\0" + repr(part).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def aspects(place: Place) -> tuple[tuple[str, str], ...]:
    """A digest of each part of ``place`` that a kind of page shows (:data:`.model.ASPECTS`)."""
    where = (place.source, place.municipality, place.slug, place.year, place.committee, place.updated)
    parts = {
        "counts": (*where, *place.counted()),
        "unassessed": (*where, place.unassessed),
        "names": (*where, place.names),
        "search": (place.source, tuple(lang for lang, _ in place.search), tuple(t for _, t in place.search)),
        "rows": (place.source, place.year, place.rows),
    }
    assert tuple(parts) == ASPECTS
    return tuple((name, _digest(*part)) for name, part in parts.items())
