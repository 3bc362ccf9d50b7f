"""A comparison of two years as rich tables and JSON (docs/json.md, view ``vertailu``).

The published report's comparison is :mod:`tavoitteet.render.report_compare`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from tavoitteet.core.compare import Change, CommitteeComparison, Comparison, IndicatorPair, ItemChange
from tavoitteet.core.model import SeriesValue
from tavoitteet.render.json_views import JSON_VERSION, dumps, plain, series_value
from tavoitteet.words.i18n import Lang, ReportLang
from tavoitteet.words.labels import signed, signed_percent
from tavoitteet.words.report_labels import series_words, status_word, value_words, word

CHANGE_WORDS: Mapping[Change, Mapping[ReportLang, str]] = {
    Change.CONTINUES: {"fi": "jatkuu", "en": "continues", "sv": "fortsätter"},
    Change.NEW: {"fi": "uusi", "en": "new", "sv": "ny"},
    Change.DROPPED: {"fi": "poistunut", "en": "dropped", "sv": "har upphört"},
}

WORDS: Mapping[str, Mapping[ReportLang, str]] = {
    "title": {"fi": "{committee}: {a} → {b}", "en": "{committee}: {a} → {b}", "sv": "{committee}: {a} → {b}"},
    "section": {
        "fi": "Vertailu vuoteen {year}",
        "en": "Comparison with {year}",
        "sv": "Jämförelse med {year}",
    },
    "spearheads": {"fi": "Strategiakärjet", "en": "Strategy spearheads", "sv": "Strategiska spetsar"},
    "goals": {"fi": "Tavoitteet", "en": "Goals", "sv": "Mål"},
    "indicators": {
        "fi": "Molempina vuosina mitatut mittarit",
        "en": "Indicators measured in both years",
        "sv": "Mätare som mätts båda åren",
    },
    "change": {"fi": "Muutos", "en": "Change", "sv": "Förändring"},
    "item": {"fi": "Kohde", "en": "Item", "sv": "Objekt"},
    "indicator": {"fi": "Mittari", "en": "Indicator", "sv": "Mätare"},
    "status": {"fi": "Tila {year}", "en": "Status {year}", "sv": "Status {year}"},
    "none": {
        "fi": "Ei yhteisiä mittareita.",
        "en": "No indicators in common.",
        "sv": "Inga gemensamma mätare.",
    },
    "only_in": {
        "fi": "Vain vuonna {year}: {names}",
        "en": "Only in {year}: {names}",
        "sv": "Endast år {year}: {names}",
    },
    "nothing": {
        "fi": "Vuosilla {a} ja {b} ei ole yhteisiä lautakuntia.",
        "en": "The years {a} and {b} have no committee in common.",
        "sv": "Åren {a} och {b} har inga gemensamma nämnder.",
    },
}


def _w(key: str, lang: ReportLang, **args: object) -> str:
    return WORDS[key][lang].format(**args)


def item_name(item: ItemChange) -> str:
    """``Title (id)``, or ``old (a) → new (b)`` when the wording or id changed."""
    before = f"{item.name_a} ({item.id_a})" if item.id_a else None
    after = f"{item.name_b} ({item.id_b})" if item.id_b else None
    if before and after and before != after:
        return f"{before} → {after}"
    return after or before or ""


def value_cell(pair: IndicatorPair, side: str, lang: ReportLang) -> str:
    result = pair.a if side == "a" else pair.b
    return value_words(result.indicator, result.value, lang) if result.latest else "-"


def change_cell(pair: IndicatorPair, lang: ReportLang) -> str:
    if pair.change is None:
        return ""
    text = signed(pair.change, lang)
    if pair.change_percent is not None:
        text += f" ({signed_percent(pair.change_percent, lang)})"
    return text


def indicator_rows(comparison: CommitteeComparison, lang: ReportLang) -> list[list[str]]:
    return [
        [
            pair.b.indicator.name or pair.b.indicator.id,
            value_cell(pair, "a", lang),
            value_cell(pair, "b", lang),
            change_cell(pair, lang),
            status_word(pair.a.status, lang),
            status_word(pair.b.status, lang),
        ]
        for pair in comparison.indicators
    ]


def indicator_header(comparison: CommitteeComparison, lang: ReportLang) -> list[str]:
    a, b = comparison.year_a, comparison.year_b
    return [
        _w("indicator", lang),
        str(a),
        str(b),
        _w("change", lang),
        _w("status", lang, year=a),
        _w("status", lang, year=b),
    ]


# --- rich --------------------------------------------------------------------------------------


def _table(title: str, header: list[str]) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, expand=True)
    for column in header:
        table.add_column(column)
    return table


def _items_table(title: str, items: tuple[ItemChange, ...], lang: ReportLang) -> Table:
    table = _table(title, [_w("change", lang), _w("item", lang)])
    for item in items:
        table.add_row(CHANGE_WORDS[item.change][lang], item_name(item))
    return table


def compare_view(comparison: Comparison, lang: Lang) -> list[RenderableType]:
    """Everything ``tavoitteet compare`` shows: per committee spearheads, goals and shared indicators."""
    views: list[RenderableType] = []
    for item in comparison.committees:
        title = _w("title", lang, committee=item.committee, a=item.year_a, b=item.year_b)
        views += [Text(title, style="bold underline"), Text("")]
        if item.spearheads:
            views.append(_items_table(_w("spearheads", lang), item.spearheads, lang))
        views.append(_items_table(_w("goals", lang), item.goals, lang))
        table = _table(_w("indicators", lang), indicator_header(item, lang))
        for row in indicator_rows(item, lang):
            table.add_row(*row)
        views += [table if item.indicators else Text(_w("none", lang)), Text("")]
        series = [
            f"{pair.b.indicator.name or pair.b.indicator.id}: {text}"
            for pair in item.indicators
            if (text := series_words(pair.b.indicator, lang))
        ]
        if series:
            views += [
                Text(f"{word('series', lang)}:", style="bold"),
                *[Text(f"- {t}") for t in series],
                Text(""),
            ]
    views += _only_in(comparison, lang)
    if not comparison.committees:
        views.append(Text(_w("nothing", lang, a=comparison.year_a, b=comparison.year_b)))
    return views


def _only_in(comparison: Comparison, lang: Lang) -> list[RenderableType]:
    lines: list[RenderableType] = []
    for year, names in ((comparison.year_a, comparison.only_in_a), (comparison.year_b, comparison.only_in_b)):
        if names:
            lines.append(Text(_w("only_in", lang, year=year, names=", ".join(names))))
    return lines


# --- JSON --------------------------------------------------------------------------------------


def _year(value: SeriesValue) -> int:
    return value.year


def _item_json(item: ItemChange) -> dict[str, Any]:
    return {
        "muutos": item.change.value,
        "id_a": item.id_a,
        "id_b": item.id_b,
        "nimi_a": item.name_a,
        "nimi_b": item.name_b,
    }


def _pair_json(pair: IndicatorPair, lang: Lang) -> dict[str, Any]:
    return {
        "id_a": pair.a.indicator.id,
        "id_b": pair.b.indicator.id,
        "nimi": pair.b.indicator.name,
        "tyyppi_a": pair.a.indicator.kind,
        "tyyppi_b": pair.b.indicator.kind,
        "arvo_a": plain(pair.a.value),
        "arvo_b": plain(pair.b.value),
        "arvo_a_teksti": value_cell(pair, "a", lang),
        "arvo_b_teksti": value_cell(pair, "b", lang),
        "muutos": plain(pair.change),
        "muutos_prosenttia": plain(pair.change_percent),
        "sarja_a": [
            series_value(pair.a.indicator, v, lang) for v in sorted(pair.a.indicator.series, key=_year)
        ],
        "sarja_b": [
            series_value(pair.b.indicator, v, lang) for v in sorted(pair.b.indicator.series, key=_year)
        ],
        "tila_a": pair.a.status.value,
        "tila_b": pair.b.status.value,
    }


def compare_json(comparison: Comparison, lang: Lang) -> str:
    committees = [
        {
            "lautakunta": item.committee,
            "kunta": item.municipality,
            "strategiakarjet": [_item_json(i) for i in item.spearheads],
            "tavoitteet": [_item_json(i) for i in item.goals],
            "mittarit": [_pair_json(p, lang) for p in item.indicators],
        }
        for item in comparison.committees
    ]
    document = {
        "versio": JSON_VERSION,
        "nakyma": "vertailu",
        "kieli": lang,
        "vuosi_a": comparison.year_a,
        "vuosi_b": comparison.year_b,
        "lautakunnat": committees,
        "vain_vuonna_a": list(comparison.only_in_a),
        "vain_vuonna_b": list(comparison.only_in_b),
    }
    return dumps(document)
