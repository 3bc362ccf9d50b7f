"""The words of the reports in Finnish, English and Swedish, and the cells they share.

Swedish serves the Markdown and HTML reports, which bilingual municipalities
publish in both national languages.  Statuses, values, numbers and dates are
written with the views' words (:mod:`tavoitteet.words.labels`, which has them in
Swedish too); this module holds the reports' own.  Nothing here prints.
"""

from __future__ import annotations

from collections.abc import Mapping

from tavoitteet.core.evaluation import Assessed, BindingCounts, Counts, GoalResult, IndicatorResult, Status
from tavoitteet.core.model import Action, Assessment, Decision, Goal, Indicator, ServiceArea, TrendIndicator
from tavoitteet.core.parsing import ValueParseError
from tavoitteet.core.values import Value, parse_series_value
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
    "decision_ref_no_section": {"fi": "{body} {date}", "en": "{body} {date}", "sv": "{body} {date}"},
    "diary": {"fi": "dnro {number}", "en": "reg. no. {number}", "sv": "dnr {number}"},
    "series": {"fi": "Arvot vuosittain", "en": "Values by year", "sv": "Värden per år"},
    "series_toteuma": {"fi": "toteuma", "en": "actual", "sv": "utfall"},
    "series_talousarvio": {"fi": "talousarvio", "en": "budget", "sv": "budget"},
    "series_ennuste": {"fi": "ennuste", "en": "forecast", "sv": "prognos"},
    "series_ehdotus": {"fi": "ehdotus", "en": "proposal", "sv": "förslag"},
    "series_suunnitelma": {"fi": "suunnitelma", "en": "plan", "sv": "plan"},
    "series_lähtötaso": {"fi": "lähtötaso", "en": "baseline", "sv": "utgångsnivå"},
    "approximate": {"fi": "n. {value}", "en": "approx. {value}", "sv": "ca {value}"},
    "missing": {"fi": "puuttuu: {reason}", "en": "missing: {reason}", "sv": "saknas: {reason}"},
    "target_year": {"fi": "tavoitevuosi {year}", "en": "target year {year}", "sv": "målår {year}"},
    "assessment": {"fi": "Arvio", "en": "Assessment", "sv": "Bedömning"},
    "assessments": {"fi": "Arviot", "en": "Assessments", "sv": "Bedömningar"},
    "assessor_own": {"fi": "lautakunta", "en": "the committee", "sv": "nämnden"},
    "differing": {
        "fi": "Eroavat arviot",
        "en": "Differing assessments",
        "sv": "Avvikande bedömningar",
    },
    "differing_row": {
        "fi": "{goal} – {whose}: {own}; {who}: {other}",
        "en": "{goal} – {whose}: {own}; {who}: {other}",
        "sv": "{goal} – {whose}: {own}; {who}: {other}",
    },
    "notes": {"fi": "Huomautukset", "en": "Notes", "sv": "Anmärkningar"},
    "note": {"fi": "Huomautus", "en": "Note", "sv": "Anmärkning"},
    "binding_goals": {"fi": "Sitovat tavoitteet", "en": "Binding goals", "sv": "Bindande mål"},
    "binding_indicators": {"fi": "Sitovat mittarit", "en": "Binding indicators", "sv": "Bindande mätare"},
    "binding_line": {
        "fi": "{what} ({total}): toteutunut {met}/{judged}{share}; sitovuutta ei ilmoitettu {not_stated}, ei sitovia {not_binding}",
        "en": "{what} ({total}): met {met}/{judged}{share}; binding not stated {not_stated}, not binding {not_binding}",
        "sv": "{what} ({total}): uppnått {met}/{judged}{share}; bindande ej angivet {not_stated}, inte bindande {not_binding}",
    },
    "carry_over": {
        "fi": "Siirtyy seuraavalle vuodelle: {reason}",
        "en": "Carried over to the next year: {reason}",
        "sv": "Överförs till nästa år: {reason}",
    },
    "municipality": {"fi": "Kunta", "en": "Municipality", "sv": "Kommun"},
    "no_municipality": {"fi": "Kunta ei tiedossa", "en": "Municipality not named", "sv": "Kommunen okänd"},
    "strategic_aim": {"fi": "Strateginen tavoite", "en": "Strategic aim", "sv": "Strategiskt mål"},
    "sub_unit": {"fi": "Alayksikkö", "en": "Sub-unit", "sv": "Underenhet"},
    "kind_vaikuttavuustavoite": {"fi": "vaikuttavuustavoite", "en": "impact goal", "sv": "effektmål"},
    "kind_suoritetavoite": {"fi": "suoritetavoite", "en": "output goal", "sv": "prestationsmål"},
    "kind_tulostavoite": {"fi": "tulostavoite", "en": "result goal", "sv": "resultatmål"},
    "kind_toiminnallinen": {"fi": "toiminnallinen", "en": "operational", "sv": "verksamhetsmässigt"},
    "kind_taloudellinen": {"fi": "taloudellinen", "en": "financial", "sv": "ekonomiskt"},
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
    "binding_mark": {
        "fi": "sitova tavoite",
        "en": "binding goal",
        "sv": "bindande mål",
    },
    "reason": {"fi": "Perustelu", "en": "Reason", "sv": "Motivering"},
    "notes_column": {
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
    "page": {"fi": "Sivu", "en": "Page", "sv": "Sida"},
    "contents": {"fi": "Sisällys", "en": "Contents", "sv": "Innehåll"},
    "committees": {"fi": "Lautakunnat", "en": "Committees", "sv": "Nämnder"},
    "category": {"fi": "Luokka", "en": "Category", "sv": "Kategori"},
    "change_label": {"fi": "Muutos", "en": "Change", "sv": "Förändring"},
    "answer": {"fi": "Vastaus", "en": "Answer", "sv": "Svar"},
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
    key = "decision_ref" if decision.section is not None else "decision_ref_no_section"
    text = word(
        key, lang, body=decision.body, date=day(decision.meeting_date, lang), section=decision.section
    )
    if decision.diary_number:
        text += f" ({word('diary', lang, number=decision.diary_number)})"
    return text


def decision_references(decisions: list[Decision | None], lang: ReportLang) -> list[str]:
    """Every decision of the year (``päätös`` and ``päätökset``) as a reference."""
    return [text for d in decisions if (text := decision_reference(d, lang)) is not None]


def series_items(indicator: Indicator, lang: ReportLang) -> list[tuple[int, str, str, str | None]]:
    """The indicator's series by year: (year, kind, value the reader's way, source)."""
    items = []
    for item in sorted(indicator.series, key=lambda v: v.year):
        kind = word(f"series_{item.kind}", lang)
        if item.value is None:
            shown = word("missing", lang, reason=item.missing_reason or "")
        else:
            try:
                approximate, value = parse_series_value(indicator, item.value)
                shown = value_words(indicator, value, lang)
                if approximate:
                    shown = word("approximate", lang, value=shown)
            except ValueParseError:  # pragma: no cover - validate refuses such a file
                shown = str(item.value)
        items.append((item.year, kind, shown, item.source))
    return items


def series_words(indicator: Indicator, lang: ReportLang) -> str:
    """``2009 toteuma 812; 2010 toteuma n. 800``; with the target year when it is not the file's."""
    parts = [f"{year} {kind} {shown}" for year, kind, shown, _ in series_items(indicator, lang)]
    if indicator.target_year is not None:
        parts.append(word("target_year", lang, year=indicator.target_year))
    return "; ".join(parts)


def assessor_words(item: Assessment, own: bool, lang: ReportLang) -> str:
    """Who assessed: the named assessor, else the committee itself."""
    return item.assessor or word("assessor_own", lang)


def assessment_words(item: Assessment, own: bool, lang: ReportLang) -> str:
    """``tarkastuslautakunta 15.2.2025: ei toteutunut – Kustannusarvio ylittyi.``"""
    who = assessor_words(item, own, lang)
    when = f" {day(item.date, lang)}" if item.date else ""
    level = f"{status_name(Status(item.level), lang)} – " if item.level else ""
    reason = f" ({item.reason})" if item.reason else ""
    return f"{who}{when}: {level}{item.text}{reason}"


def assessments_words(values: Assessed, lang: ReportLang) -> list[str]:
    own = [assessment_words(values.own, True, lang)] if values.own is not None else []
    return own + [assessment_words(a, False, lang) for a in values.others]


def differing_words(goal: GoalResult, lang: ReportLang) -> list[str]:
    """Where another assessor's level differs from the followed one (by default the committee's own)."""
    own = goal.assessed.own
    own_level = (
        status_name(Status(own.level), lang)
        if own is not None and own.level
        else status_name(goal.status, lang)
    )
    whose = goal.assessed.followed or word("assessor_own", lang)
    return [
        word(
            "differing_row",
            lang,
            goal=goal.goal.title,
            whose=whose,
            own=own_level,
            who=assessor_words(other, False, lang),
            other=status_name(Status(other.level), lang) if other.level else "",
        )
        for other in goal.assessed.differing()
    ]


def binding_words(binding: BindingCounts, lang: ReportLang) -> list[str]:
    """``Sitovat tavoitteet: toteutunut 16/35 (46 %); ...``; nothing when none says whether it binds."""
    lines = []
    for key, counts, not_stated, not_binding in (
        ("binding_goals", binding.goals, binding.goals_not_stated, binding.goals_not_binding),
        (
            "binding_indicators",
            binding.indicators,
            binding.indicators_not_stated,
            binding.indicators_not_binding,
        ),
    ):
        if not counts.total and not not_binding:
            continue
        met = counts[Status.MET]
        share = f" ({round(100 * met / counts.judged)} %)" if counts.judged else ""
        lines.append(
            word(
                "binding_line",
                lang,
                what=word(key, lang),
                total=counts.total,
                met=met,
                judged=counts.judged,
                share=share,
                not_stated=not_stated,
                not_binding=not_binding,
            )
        )
    return lines


def action_words(action: Action, lang: ReportLang) -> str:
    """An action's text, and that it is carried over, and its notes."""
    lines = [action.text]
    if action.carry_over is not None:
        lines.append(word("carry_over", lang, reason=action.carry_over.reason))
    return "\n".join([*lines, *action.notes])


def goal_facts(goal: Goal, area: ServiceArea, lang: ReportLang) -> list[str]:
    """A goal's kind, strategic aim, sub-unit and carrying over, as short texts."""
    aims = {a.id: a.name for a in area.strategic_aims}
    units = {u.id: u.name for u in area.sub_units}
    facts = [word(f"kind_{k}", lang) for k in (goal.goal_kind, goal.goal_nature) if k]
    if goal.strategic_aim:
        facts.append(f"{word('strategic_aim', lang)}: {aims.get(goal.strategic_aim, goal.strategic_aim)}")
    if goal.sub_unit:
        facts.append(f"{word('sub_unit', lang)}: {units.get(goal.sub_unit, goal.sub_unit)}")
    if goal.carry_over is not None:
        facts.append(word("carry_over", lang, reason=goal.carry_over.reason))
    return facts


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


def indicator_realization_words(result: IndicatorResult, lang: ReportLang) -> str:
    """The realization, and the series by year beneath it when the indicator has one."""
    text = realization_words(result, lang)
    series = series_words(result.indicator, lang)
    if not series:
        return text
    series = f"{word('series', lang)}: {series}"
    return f"{text}\n{series}" if text else series


def indicator_comment_words(result: IndicatorResult, lang: ReportLang) -> str:
    """The comment, and the indicator's note (huomautus)."""
    text = comment_words(result, lang)
    note = result.indicator.note
    if not note:
        return text
    note = f"{word('note', lang)}: {note}"
    return f"{text}\n{note}" if text else note


def goal_status_cell(goal: GoalResult, lang: ReportLang) -> str:
    text = status_word(goal.status, lang)
    return f"{text} ({word('manual', lang)})" if goal.is_manual else text


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
