"""The words of the reports in Finnish, English and Swedish, and the cells they share.

Swedish serves the Markdown and HTML reports, which bilingual municipalities
publish in both national languages.  Statuses, values, numbers and dates are
written with the views' words (:mod:`tavoitteet.words.labels`, which has them in
Swedish too); this module holds the reports' own.  Nothing here prints.
"""

from __future__ import annotations

from collections.abc import Mapping

from tavoitteet.core.evaluation import Counts, IndicatorResult, Status
from tavoitteet.core.model import Decision, Indicator, TrendIndicator
from tavoitteet.core.values import Value
from tavoitteet.words.i18n import Lang, ReportLang
from tavoitteet.words.labels import (
    day,
    latest_value,
    number,
    recorded_day,
    signed,
    signed_percent,
    status_name,
    value_text,
)

WORDS: Mapping[str, Mapping[ReportLang, str]] = {
    "title": {
        "fi": "Toiminnallisten tavoitteiden toteutuminen {year}",
        "en": "Operational goals {year}: realization",
        "sv": "Förverkligandet av verksamhetsmålen {year}",
    },
    "situation": {"fi": "Tilanne {date}", "en": "Status on {date}", "sv": "Läget {date}"},
    "year_over": {"fi": "vuosi on päättynyt", "en": "the year is over", "sv": "året har avslutats"},
    "year_running": {"fi": "vuosi on kesken", "en": "the year is still running", "sv": "året pågår"},
    "decision": {"fi": "Päätös", "en": "Decision", "sv": "Beslut"},
    "decision_ref": {
        "fi": "{body} {date} § {section}",
        "en": "{body} {date} § {section}",
        "sv": "{body} {date} § {section}",
    },
    "summary": {"fi": "Yhteenveto", "en": "Summary", "sv": "Sammanfattning"},
    "year_summary": {"fi": "Vuoden yhteenveto", "en": "Summary of the year", "sv": "Årets sammanfattning"},
    "goal": {"fi": "Tavoite", "en": "Goal", "sv": "Mål"},
    "goals": {"fi": "Tavoitteet", "en": "Goals", "sv": "Mål"},
    "action": {"fi": "Teko", "en": "Action", "sv": "Åtgärd"},
    "indicator": {"fi": "Mittari", "en": "Indicator", "sv": "Mätare"},
    "indicators": {"fi": "Mittarit", "en": "Indicators", "sv": "Mätare"},
    "target": {"fi": "Tavoitetaso", "en": "Target", "sv": "Målnivå"},
    "realization": {"fi": "Toteuma", "en": "Realization", "sv": "Utfall"},
    "status": {"fi": "Tila", "en": "Status", "sv": "Status"},
    "comment": {"fi": "Kommentti", "en": "Comment", "sv": "Kommentar"},
    "area": {"fi": "Tehtäväalue", "en": "Service area", "sv": "Uppgiftsområde"},
    "committee": {"fi": "Lautakunta", "en": "Committee", "sv": "Nämnd"},
    "year": {"fi": "Vuosi", "en": "Year", "sv": "År"},
    "value": {"fi": "Arvo", "en": "Value", "sv": "Värde"},
    "target_band": {"fi": "tavoitealue", "en": "target range", "sv": "målintervall"},
    "manual": {"fi": "käsin asetettu", "en": "set by hand", "sv": "fastställt manuellt"},
    "baseline": {
        "fi": "vertailuvuosi {year}: {value}",
        "en": "baseline {year}: {value}",
        "sv": "jämförelseår {year}: {value}",
    },
    "change": {"fi": "muutos {change}", "en": "change {change}", "sv": "förändring {change}"},
    "nothing": {
        "fi": "Ei raportoitavaa valituilla rajauksilla.",
        "en": "Nothing matches the filters.",
        "sv": "Inget motsvarar avgränsningarna.",
    },
    "charts": {"fi": "Kaaviot", "en": "Charts", "sv": "Diagram"},
    "status_bars": {
        "fi": "Tilat tehtäväalueittain",
        "en": "Status by service area",
        "sv": "Status per uppgiftsområde",
    },
    "of_total": {"fi": "{count}/{total}", "en": "{count}/{total}", "sv": "{count}/{total}"},
    "chart_of": {"fi": "Kaavio: {name}", "en": "Chart: {name}", "sv": "Diagram: {name}"},
    "bar_desc": {
        "fi": "{what}: {parts}.",
        "en": "{what}: {parts}.",
        "sv": "{what}: {parts}.",
    },
    "comparison": {
        "fi": "Vertailu vuoteen {year}",
        "en": "Comparison with {year}",
        "sv": "Jämförelse med {year}",
    },
    # --- the document reports (Word, HTML, Markdown) of issue 17 ---
    "headline_goals": {
        "fi": "Tavoitteista toteutui {share}.",
        "en": "Goals met: {share}.",
        "sv": "Uppnådda mål: {share}.",
    },
    "headline_indicators": {
        "fi": "Mittareista toteutui {share}.",
        "en": "Indicators met: {share}.",
        "sv": "Uppnådda mätare: {share}.",
    },
    "headline_binding": {
        "fi": "Valtuustoon nähden sitovista tavoitteista toteutui {share}.",
        "en": "Goals binding towards the council met: {share}.",
        "sv": "Uppnådda mål som är bindande gentemot fullmäktige: {share}.",
    },
    "binding_goals": {"fi": "Sitovat tavoitteet", "en": "Binding goals", "sv": "Bindande mål"},
    "binding_mark": {
        "fi": "sitova tavoite",
        "en": "binding goal",
        "sv": "bindande mål",
    },
    "reason": {"fi": "Perustelu", "en": "Reason", "sv": "Motivering"},
    "notes": {
        "fi": "Kommentit ja perustelut",
        "en": "Comments and reasons",
        "sv": "Kommentarer och motiveringar",
    },
    "goal_status": {"fi": "Tavoitteen tila", "en": "Goal status", "sv": "Målets status"},
    "not_assessed_because": {
        "fi": "Ei arvioitu, koska: {reason}",
        "en": "Not assessed because: {reason}",
        "sv": "Inte bedömt eftersom: {reason}",
    },
    "preparer": {"fi": "Valmistelija", "en": "Prepared by", "sv": "Beredare"},
    "municipality": {"fi": "Kunta", "en": "Municipality", "sv": "Kommun"},
    "page": {"fi": "Sivu", "en": "Page", "sv": "Sida"},
    "contents": {"fi": "Sisällys", "en": "Contents", "sv": "Innehåll"},
    "committees": {"fi": "Lautakunnat", "en": "Committees", "sv": "Nämnder"},
    "category": {"fi": "Luokka", "en": "Category", "sv": "Kategori"},
    "change_label": {"fi": "Muutos", "en": "Change", "sv": "Förändring"},
    "generated": {
        "fi": "Tuotettu tavoitteet-työkalulla tiedostoista data/{year}/.",
        "en": "Produced by the tavoitteet tool from the files in data/{year}/.",
        "sv": "Framställd med verktyget tavoitteet ur filerna i data/{year}/.",
    },
}


def word(key: str, lang: ReportLang, **args: object) -> str:
    template = WORDS[key][lang]
    return template.format(**args) if args else template


def status_word(status: Status, lang: ReportLang) -> str:
    return status_name(status, lang)


def base_lang(lang: ReportLang) -> Lang:
    """The language of the shared views' formatting: Swedish numbers and dates are written as in Finnish."""
    return "en" if lang == "en" else "fi"


def value_words(indicator: Indicator, value: Value | None, lang: ReportLang) -> str:
    """A realization value as the views write it, with its unit: ``1 260 lainaa``."""
    return value_text(indicator, value, lang, with_unit=True)


def decision_reference(decision: Decision | None, lang: ReportLang) -> str | None:
    """``Hyvinvointilautakunta 10.10.2023 § 119``, or None when the file names no decision."""
    if decision is None:
        return None
    return word(
        "decision_ref",
        lang,
        body=decision.body,
        date=day(decision.meeting_date, lang),
        section=decision.section,
    )


def change_words(result: IndicatorResult, lang: ReportLang) -> str:
    """A trend's baseline and change: ``vertailuvuosi 2023: 42; muutos +15 (+35,7 %)``."""
    trend = result.trend
    if trend is None or not isinstance(result.indicator, TrendIndicator):
        return ""
    text = word("baseline", lang, year=result.indicator.baseline_year, value=number(trend.baseline, lang))
    if trend.change is not None:
        change = signed(trend.change, lang)
        if trend.change_percent is not None:
            change += f" ({signed_percent(trend.change_percent, lang)})"
        text += "; " + word("change", lang, change=change)
    return text


def realization_words(result: IndicatorResult, lang: ReportLang) -> str:
    """The latest value and the day it was recorded (a met deadline has its own), and a trend's change."""
    if result.latest is None:
        return ""
    shown = latest_value(result, lang, with_unit=True)
    recorded = recorded_day(result, lang)
    text = f"{shown} ({recorded})" if recorded else shown
    change = change_words(result, lang)
    return f"{text}; {change}" if change else text


def comment_words(result: IndicatorResult, lang: ReportLang) -> str:
    """The latest entry's missing reason and comment, and a manual level's reason."""
    parts: list[str] = []
    if result.latest is not None:
        parts += [t for t in (result.latest.missing_reason, result.latest.comment) if t]
    if result.manual is not None:
        parts.append(f"{word('manual', lang).capitalize()}: {result.manual.reason}")
    return " ".join(parts)


def status_cell(result: IndicatorResult, lang: ReportLang) -> str:
    text = status_word(result.status, lang)
    return f"{text} ({word('manual', lang)})" if result.is_manual else text


def count_rows(goals: Counts, indicators: Counts, lang: ReportLang) -> list[tuple[Status, str, str]]:
    """Every status present at either level, with goals and indicators each out of their own total."""
    return [
        (
            status,
            word("of_total", lang, count=goals[status], total=goals.total),
            word("of_total", lang, count=indicators[status], total=indicators.total),
        )
        for status in Status
        if goals[status] or indicators[status]
    ]
