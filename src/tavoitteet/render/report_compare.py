"""The published report's comparison with an earlier year: only what is comparable, in true words.

- An item of one year that the other year's file does not name is "not named
  in 2024" (or "in 2023"); "removed" and "new" are said only when both years
  name their items of that kind.  When the later year names no strategy
  spearheads at all, the report says so in one sentence instead of listing
  every earlier spearhead as gone.
- No technical ids: goals and spearheads by their names, indicators by name
  (or their target's words).  The ids stay in the JSON and the CSV.
- Indicators are compared only when both years measured them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from tavoitteet.core.compare import Change, CommitteeComparison, ItemChange
from tavoitteet.render.compare_views import change_cell, value_cell
from tavoitteet.render.html_parts import badge, reflow_table, text
from tavoitteet.render.report_content import Piece
from tavoitteet.words.i18n import ReportLang

WORDS: Mapping[str, Mapping[ReportLang, str]] = {
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
    "item": {"fi": "Kohde", "en": "Item", "sv": "Objekt"},
    "what": {"fi": "Vuodesta {a} vuoteen {b}", "en": "From {a} to {b}", "sv": "Från {a} till {b}"},
    "indicator": {"fi": "Mittari", "en": "Indicator", "sv": "Mätare"},
    "change": {"fi": "Muutos", "en": "Change", "sv": "Förändring"},
    "status": {"fi": "Tila {year}", "en": "Status {year}", "sv": "Status {year}"},
    "continues": {"fi": "jatkuu", "en": "continues", "sv": "fortsätter"},
    "renamed": {"fi": "jatkuu uudella nimellä", "en": "continues, renamed", "sv": "fortsätter med nytt namn"},
    "new": {"fi": "uusi vuonna {b}", "en": "new in {b}", "sv": "ny år {b}"},
    "dropped": {"fi": "ei enää vuonna {b}", "en": "no longer in {b}", "sv": "inte längre år {b}"},
    "not_named": {
        "fi": "ei nimetty vuonna {year}",
        "en": "not named in {year}",
        "sv": "inte nämnd år {year}",
    },
    "none_named": {
        "fi": "Vuoden {year} tiedosto ei nimeä strategiakärkiä, joten niitä ei voi verrata. Vuonna {other} nimettiin: {names}.",
        "en": "The {year} file names no strategy spearheads, so they cannot be compared. Named in {other}: {names}.",
        "sv": "Filen för {year} nämner inga strategiska spetsar, så de kan inte jämföras. År {other} nämndes: {names}.",
    },
    "none": {
        "fi": "Ei molempina vuosina mitattuja mittareita.",
        "en": "No indicator was measured in both years.",
        "sv": "Ingen mätare mättes båda åren.",
    },
}


def _w(key: str, lang: ReportLang, **args: object) -> str:
    return WORDS[key][lang].format(**args)


def public_name(item: ItemChange) -> str:
    """The item's name (``old → new`` when it was renamed), never its id."""
    if item.name_a and item.name_b and item.name_a != item.name_b:
        return f"{item.name_a} → {item.name_b}"
    return item.name_b or item.name_a or ""


def change_words(item: ItemChange, a: int, b: int, names_a: bool, names_b: bool, lang: ReportLang) -> str:
    """What happened to the item, saying "removed" or "new" only when both years name such items."""
    if item.change is Change.CONTINUES:
        return _w("renamed" if item.name_a != item.name_b else "continues", lang)
    if item.change is Change.NEW:
        return _w("new", lang, b=b) if names_a else _w("not_named", lang, year=a)
    return _w("dropped", lang, b=b) if names_b else _w("not_named", lang, year=b)


def _items(
    key: str, items: Sequence[ItemChange], comparison: CommitteeComparison, ident: str, lang: ReportLang
) -> str:
    a, b = comparison.year_a, comparison.year_b
    names_a = any(i.id_a for i in items)
    names_b = any(i.id_b for i in items)
    heading = f'<h4 id="{ident}">{escape(_w(key, lang))}</h4>'
    if key == "spearheads" and names_a and not names_b:
        names = ", ".join(i.name_a or "" for i in items if i.name_a).rstrip(".")
        sentence = escape(_w("none_named", lang, year=b, other=a, names="\0"))
        return heading + f"<p>{sentence.replace(chr(0), text(Piece(names, 'fi'), lang))}</p>"
    rows = [
        [text(Piece(public_name(i), "fi"), lang), escape(change_words(i, a, b, names_a, names_b, lang))]
        for i in items
    ]
    return heading + reflow_table([_w("item", lang), _w("what", lang, a=a, b=b)], rows, ident)


def comparison_html(comparison: CommitteeComparison, lang: ReportLang, ident: str = "cmp") -> str:
    """The HTML report's section comparing the committee's year with an earlier one."""
    a, b = comparison.year_a, comparison.year_b
    heading = f"{ident}-h"
    parts = [
        f'<section class="comparison" aria-labelledby="{heading}">'
        f'<h3 id="{heading}">{escape(_w("section", lang, year=a))}</h3>'
    ]
    for key, items in (("spearheads", comparison.spearheads), ("goals", comparison.goals)):
        if items:
            parts.append(_items(key, items, comparison, f"{ident}-{key}", lang))
    parts.append(f'<h4 id="{ident}-ind">{escape(_w("indicators", lang))}</h4>')
    if comparison.indicators:
        header = [
            _w("indicator", lang),
            str(a),
            str(b),
            _w("change", lang),
            _w("status", lang, year=a),
            _w("status", lang, year=b),
        ]
        rows = [
            [
                text(Piece(pair.b.indicator.name or pair.b.indicator.target_text, "fi"), lang),
                escape(value_cell(pair, "a", lang)),
                escape(value_cell(pair, "b", lang)),
                escape(change_cell(pair, lang)),
                badge(pair.a.status, lang),
                badge(pair.b.status, lang),
            ]
            for pair in comparison.indicators
        ]
        parts.append(reflow_table(header, rows, f"{ident}-ind"))
    else:
        parts.append(f"<p>{escape(_w('none', lang))}</p>")
    return "".join(parts) + "</section>"
