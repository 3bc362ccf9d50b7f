"""Every word the status views show, in Finnish and English, and the "why" explanations.

The words a value or a status is written with are in Swedish too, for the
reports (:mod:`tavoitteet.words.report_labels` holds the rest of theirs).
Numbers and dates are formatted the reader's way (``1 234,5`` and ``10.10.2023``
in Finnish and Swedish).  Nothing here prints.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from tavoitteet.core.evaluation import GoalResult, IndicatorResult, Status, Why
from tavoitteet.core.model import DeadlineIndicator, Indicator, Target
from tavoitteet.core.parsing import format_date, format_number
from tavoitteet.core.values import NOT_APPLICABLE, Value
from tavoitteet.words.i18n import Lang, ReportLang, translate

STATUS_NAMES: Mapping[Status, Mapping[ReportLang, str]] = {
    Status.MET: {"fi": "toteutunut", "en": "met", "sv": "uppnått"},
    Status.PARTLY: {"fi": "osittain toteutunut", "en": "partly met", "sv": "delvis uppnått"},
    Status.NOT_MET: {"fi": "ei toteutunut", "en": "not met", "sv": "inte uppnått"},
    Status.IN_PROGRESS: {"fi": "kesken", "en": "in progress", "sv": "pågår"},
    Status.NOT_ASSESSED: {"fi": "ei arvioitu", "en": "not assessed", "sv": "inte bedömt"},
    Status.NOT_APPLICABLE: {"fi": "ei sovellu", "en": "not applicable", "sv": "inte tillämplig"},
    Status.REPORTED: {"fi": "raportoitu", "en": "reported", "sv": "rapporterat"},
}

STATUS_STYLES: Mapping[Status, str] = {
    Status.MET: "bold green",
    Status.PARTLY: "bold yellow",
    Status.NOT_MET: "bold red",
    Status.IN_PROGRESS: "cyan",
    Status.NOT_ASSESSED: "magenta",
    Status.NOT_APPLICABLE: "dim",
    Status.REPORTED: "blue",
}

KIND_NAMES: Mapping[str, Mapping[Lang, str]] = {
    "kyllä/ei": {"fi": "kyllä/ei", "en": "yes/no"},
    "luku": {"fi": "luku", "en": "number"},
    "luokittain": {"fi": "luokittain", "en": "by category"},
    "kehitys": {"fi": "kehitys", "en": "trend"},
    "määräaika": {"fi": "määräaika", "en": "deadline"},
    "seuranta": {"fi": "seuranta", "en": "tracked count"},
    "laadullinen": {"fi": "laadullinen", "en": "qualitative"},
}

LABELS = {
    "goal_indicator": {"fi": "Tavoite / mittari", "en": "Goal / indicator"},
    "target": {"fi": "Tavoitetaso", "en": "Target"},
    "latest": {"fi": "Toteuma", "en": "Latest"},
    "source_vertailuarvo": {"fi": "tiedostoon kirjattu vertailuarvo", "en": "baseline written in the file"},
    "source_edellinen vuosi": {"fi": "vuoden {year} toteuma", "en": "realization in {year}"},
    "source_sarja": {"fi": "sarjan vuoden {year} arvo", "en": "the series' value for {year}"},
    "status": {"fi": "Tila", "en": "Status"},
    "comment": {"fi": "Kommentti", "en": "Comment"},
    "summary": {"fi": "Yhteenveto", "en": "Summary"},
    "goals": {"fi": "Tavoitteet", "en": "Goals"},
    "indicators": {"fi": "Mittarit", "en": "Indicators"},
    "goal": {"fi": "Tavoite", "en": "Goal"},
    "indicator": {"fi": "Mittari", "en": "Indicator"},
    "area": {"fi": "Tehtäväalue", "en": "Service area"},
    "committee": {"fi": "Lautakunta", "en": "Committee"},
    "year": {"fi": "Vuosi", "en": "Year"},
    "date": {"fi": "Pvm", "en": "Date"},
    "years": {"fi": "Vuodet", "en": "Years"},
    "files": {"fi": "Tiedostot", "en": "Files"},
    "id": {"fi": "Tunnus", "en": "Id"},
    "status_on": {"fi": "{committee} {year}: tilanne {date}", "en": "{committee} {year}: status on {date}"},
    "year_summary": {"fi": "Vuosi {year}, tilanne {date}", "en": "Year {year}, status on {date}"},
    "year_running": {"fi": "vuosi on kesken", "en": "the year is still running"},
    "year_over": {"fi": "vuosi on päättynyt", "en": "the year is over"},
    "manual_mark": {"fi": "käsin", "en": "set by hand"},
    "assessment": {"fi": "Arvio", "en": "Assessment"},
    "assessment_by": {"fi": "Arvio ({who})", "en": "Assessment ({who})"},
    "binding_goals": {"fi": "Sitovat tavoitteet", "en": "Binding goals"},
    "binding_indicators": {"fi": "Sitovat mittarit", "en": "Binding indicators"},
    "binding_met": {"fi": "toteutunut {met}/{judged}{share}", "en": "met {met}/{judged}{share}"},
    "binding_rest": {
        "fi": "sitovuutta ei ilmoitettu {not_stated}, ei sitovia {not_binding}",
        "en": "binding not stated {not_stated}, not binding {not_binding}",
    },
    "no_municipality": {"fi": "Kunta ei tiedossa", "en": "Municipality not named"},
    "no_goals": {"fi": "Ei tavoitteita.", "en": "No goals."},
    "municipality": {"fi": "Kunta", "en": "Municipality"},
    "series": {"fi": "Arvot vuosittain", "en": "Values by year"},
    "target_year": {"fi": "Tavoitevuosi", "en": "Target year"},
    "notes": {"fi": "Huomautukset", "en": "Notes"},
    "note": {"fi": "Huomautus", "en": "Note"},
    "assessments": {"fi": "Arviot", "en": "Assessments"},
    "own_assessment": {"fi": "lautakunta", "en": "the committee"},
    "carry_over": {"fi": "Siirtyy seuraavalle vuodelle", "en": "Carried over to the next year"},
    "goal_kind": {"fi": "Tavoitelaji", "en": "Kind of goal"},
    "goal_nature": {"fi": "Tavoitetyyppi", "en": "Operational or financial"},
    "strategic_aim": {"fi": "Strateginen tavoite", "en": "Strategic aim"},
    "sub_unit": {"fi": "Alayksikkö", "en": "Sub-unit"},
    "binding_not_stated": {"fi": "ei ilmoitettu", "en": "not stated"},
    "approximate": {"fi": "n.", "en": "approx."},
    "source": {"fi": "Lähde", "en": "Source"},
    "series_kind": {"fi": "Laji", "en": "Kind"},
    "value_of_year": {"fi": "vuoden {year} arvo", "en": "value of {year}"},
    "of": {"fi": "{count}/{total}", "en": "{count}/{total}"},
    "rule": {"fi": "Arviointisääntö", "en": "Goal rule"},
    "why": {"fi": "Perustelu", "en": "Why"},
    "history": {"fi": "Toteumahistoria", "en": "Realization history"},
    "no_history": {"fi": "Ei kirjattua toteumaa.", "en": "Nothing recorded."},
    "spearhead": {"fi": "Strategiakärki", "en": "Strategy spearhead"},
    "also_advances": {"fi": "Edistää myös", "en": "Also advances"},
    "description": {"fi": "Kuvaus", "en": "Description"},
    "action": {"fi": "Teko", "en": "Action"},
    "kind": {"fi": "Tyyppi", "en": "Kind"},
    "value": {"fi": "Toteuma", "en": "Value"},
    "binding": {"fi": "Sitova tavoite valtuustoon nähden", "en": "Binding towards the council"},
    "condition": {"fi": "Ehto", "en": "Condition"},
    "actions": {"fi": "Teot", "en": "Actions"},
    "unit": {"fi": "Yksikkö", "en": "Unit"},
    "period": {"fi": "Jakso", "en": "Period"},
    "categories": {"fi": "Luokat", "en": "Categories"},
    "deadline": {"fi": "Määräpäivä", "en": "Deadline"},
    "responsible": {"fi": "Vastuuhenkilö", "en": "Responsible"},
    "baseline": {"fi": "Vertailuarvo", "en": "Baseline"},
    "missing": {"fi": "puuttuu", "en": "missing", "sv": "saknas"},
    "file": {"fi": "Tiedosto", "en": "File"},
    "nothing": {"fi": "Ei näytettävää valituilla rajauksilla.", "en": "Nothing matches the filters."},
    "done": {"fi": "valmis {date}", "en": "done {date}", "sv": "klart {date}"},
    "not_done": {"fi": "ei valmis", "en": "not done", "sv": "inte klart"},
    "yes": {"fi": "kyllä", "en": "yes", "sv": "ja"},
    "no": {"fi": "ei", "en": "no", "sv": "nej"},
    "rule_kaikki": {"fi": "kaikki mittarit", "en": "all indicators"},
    "rule_heikoin": {"fi": "heikoin ratkaisee", "en": "the weakest decides"},
    "rule_osuus": {"fi": "vähintään {share} % mittareista", "en": "at least {share} % of indicators"},
}

WHY = {
    "manual": {"fi": "Toteutumistaso asetettu käsin: {reason}", "en": "Level set by hand: {reason}"},
    "assessed": {"fi": "Arvioitu käsin: {reason}", "en": "Assessed by hand: {reason}"},
    "assessed_with_goal": {
        "fi": "Sanallinen arvio raportoidaan; tavoite on arvioitu kokonaisuutena.",
        "en": "The written assessment is reported; the goal is assessed as a whole.",
    },
    "no_indicators": {
        "fi": "Tavoitteella ei ole mittareita; se arvioidaan käsin (arviot).",
        "en": "The goal has no indicators; it is assessed by hand (arviot).",
    },
    "no_goals": {"fi": "Tehtäväalueella ei ole tavoitteita.", "en": "The area has no goals."},
    "no_entries": {"fi": "Toteumaa ei ole kirjattu.", "en": "Nothing has been recorded."},
    "no_value_for_year": {
        "fi": "Vuoden {year} arvoa ei ole kirjattu (muiden vuosien arvot eivät ratkaise tilaa).",
        "en": "No value for {year} is recorded (other years' values do not decide the status).",
    },
    "value_missing": {"fi": "Arvo puuttuu: {reason}", "en": "Value missing: {reason}"},
    "invalid_value": {"fi": "Arvoa {value} ei voi tulkita.", "en": "The value {value} cannot be read."},
    "not_applicable": {"fi": "Ehto ei täyttynyt.", "en": "The condition did not hold."},
    "answer_matches": {
        "fi": "Vastaus ”{answer}” on tavoitteen mukainen.",
        "en": "The answer “{answer}” is the one aimed for.",
    },
    "answer_differs": {
        "fi": "Vastaus ”{answer}” ei ole tavoitteen mukainen.",
        "en": "The answer “{answer}” is not the one aimed for.",
    },
    "in_target": {
        "fi": "{value} täyttää tavoitteen ({target}).",
        "en": "{value} meets the target ({target}).",
    },
    "outside_target": {
        "fi": "{value} ei täytä tavoitetta ({target}).",
        "en": "{value} does not meet the target ({target}).",
    },
    "categories_all_met": {
        "fi": "Kaikki {total} luokkaa täyttävät tavoitteen.",
        "en": "All {total} categories meet the target.",
    },
    "categories_some_met": {
        "fi": "{met}/{total} luokkaa täyttää tavoitteen.{missing}",
        "en": "{met}/{total} categories meet the target.{missing}",
    },
    "categories_none_met": {
        "fi": "Mikään luokka ei täytä tavoitetta.{missing}",
        "en": "No category meets the target.{missing}",
    },
    "missing_categories": {"fi": " Ilmoittamatta: {names}.", "en": " Not reported: {names}."},
    "no_baseline": {
        "fi": "Vertailuvuoden {year} arvoa ei löydy; kirjaa se: tavoitteet record {id} ARVO --period {year}.",
        "en": "No value for the baseline year {year}; record it: tavoitteet record {id} VALUE --period {year}.",
    },
    "trend_met": {
        "fi": "{baseline} → {value} ({change}): muutos tavoitteen suuntaan.",
        "en": "{baseline} → {value} ({change}): change in the aimed direction.",
    },
    "trend_unchanged": {"fi": "{baseline} → {value}: ei muutosta.", "en": "{baseline} → {value}: no change."},
    "trend_wrong_direction": {
        "fi": "{baseline} → {value} ({change}): muutos väärään suuntaan.",
        "en": "{baseline} → {value} ({change}): change in the wrong direction.",
    },
    "trend_too_small": {
        "fi": "{baseline} → {value} ({change}): muutos alle {wanted} %.",
        "en": "{baseline} → {value} ({change}): change below {wanted} %.",
    },
    "done_on_time": {
        "fi": "Valmis {done}, määräpäivä {deadline}.",
        "en": "Done {done}, deadline {deadline}.",
    },
    "done_late": {
        "fi": "Valmis {done}, myöhässä (määräpäivä {deadline}).",
        "en": "Done {done}, late (deadline {deadline}).",
    },
    "not_done_yet": {
        "fi": "Ei vielä valmis; määräpäivä {deadline}.",
        "en": "Not done yet; deadline {deadline}.",
    },
    "not_done_by_deadline": {
        "fi": "Ei valmis määräpäivään {deadline} mennessä.",
        "en": "Not done by the deadline {deadline}.",
    },
    "reported": {
        "fi": "Seurattava luku {value}: raportoidaan, ei arvioida.",
        "en": "Tracked count {value}: reported, not judged.",
    },
    "level_not_set": {
        "fi": "Laadullisen mittarin toteutumistasoa ei ole asetettu.",
        "en": "The level of this qualitative indicator has not been set.",
    },
    "pending": {
        "fi": "{text} Vuosi tai määräaika on kesken.",
        "en": "{text} The year or deadline is still running.",
    },
    "none_applicable": {"fi": "Mikään mittari ei sovellu.", "en": "No indicator applies."},
    "none_judged": {"fi": "Mittarit vain raportoidaan.", "en": "The indicators are only reported."},
    "weakest": {"fi": "Heikoin mittari: {weakest}.", "en": "Weakest indicator: {weakest}."},
    "enough_met": {"fi": "{met}/{judged} toteutunut ({rule}).", "en": "{met}/{judged} met ({rule})."},
    "still_possible": {
        "fi": "{met}/{judged} toteutunut; keskeneräiset voivat vielä riittää ({rule}).",
        "en": "{met}/{judged} met; those in progress may still suffice ({rule}).",
    },
    "none_assessed": {
        "fi": "Yhtään mittaria ei ole vielä arvioitu ({rule}).",
        "en": "No indicator has been assessed yet ({rule}).",
    },
    "not_assessed_parts": {
        "fi": "{met}/{judged} toteutunut; osaa ei ole arvioitu ({rule}).",
        "en": "{met}/{judged} met; some were not assessed ({rule}).",
    },
    "some_met": {"fi": "{met}/{judged} toteutunut ({rule}).", "en": "{met}/{judged} met ({rule})."},
    "none_met_yet": {
        "fi": "Ei vielä toteutuneita; osa on kesken ({rule}).",
        "en": "None met yet; some in progress ({rule}).",
    },
    "none_met": {"fi": "{met}/{judged} toteutunut ({rule}).", "en": "{met}/{judged} met ({rule})."},
}


def label(key: str, lang: ReportLang, **args: object) -> str:
    """A word of the views; in Swedish only the words values and statuses are written with."""
    return translate(LABELS, key, lang, args)


def status_name(status: Status, lang: ReportLang) -> str:
    return STATUS_NAMES[status][lang]


def kind_name(kind: str, lang: Lang) -> str:
    """An indicator kind (the file's ``tyyppi``) in the reader's language."""
    return KIND_NAMES.get(kind, {}).get(lang, kind)


def number(value: Decimal | int, lang: ReportLang) -> str:
    return format_number(value, lang)


def signed(value: Decimal, lang: ReportLang) -> str:
    return ("+" if value > 0 else "") + number(value, lang)


def signed_percent(value: Decimal, lang: ReportLang) -> str:
    """A change in per cent to one decimal: ``+35,7 %``."""
    return f"{signed(value.quantize(Decimal('0.1')), lang)} %"


def day(value: date, lang: ReportLang) -> str:
    return format_date(value, lang)


_BOUNDS: Mapping[str, Mapping[ReportLang, str]] = {
    "at_least": {"fi": "vähintään", "en": "at least", "sv": "minst"},
    "more_than": {"fi": "yli", "en": "more than", "sv": "över"},
    "at_most": {"fi": "enintään", "en": "at most", "sv": "högst"},
    "less_than": {"fi": "alle", "en": "less than", "sv": "under"},
    "exactly": {"fi": "tasan", "en": "exactly", "sv": "exakt"},
}


def target_text(target: Target, lang: ReportLang) -> str:
    """A numeric target as words: ``vähintään 5, enintään 8``."""
    parts = [
        f"{words[lang]} {number(getattr(target, name), lang)}"
        for name, words in _BOUNDS.items()
        if getattr(target, name) is not None
    ]
    return ", ".join(parts)


def value_text(indicator: Indicator, value: Value | None, lang: ReportLang, with_unit: bool = False) -> str:
    """A realization value for reading: numbers and dates the reader's way, the unit if asked for."""
    if value is None:
        return ""
    if value is NOT_APPLICABLE:
        return status_name(Status.NOT_APPLICABLE, lang)
    if isinstance(value, bool):
        if isinstance(indicator, DeadlineIndicator) and not value:
            return label("not_done", lang)
        return label("yes" if value else "no", lang)
    if isinstance(value, Decimal):
        unit = getattr(indicator, "unit", None) if with_unit else None
        return f"{number(value, lang)} {unit}" if unit else number(value, lang)
    if isinstance(value, date):
        return label("done", lang, date=day(value, lang))
    if isinstance(value, dict):
        return ", ".join(f"{k}: {number(v, lang)}" for k, v in value.items())
    return str(value)


def latest_value(result: IndicatorResult, lang: ReportLang, with_unit: bool = False) -> str:
    """The latest entry's value the reader's way, ``puuttuu`` when it is missing, nothing without entries."""
    entry = result.latest
    if entry is None:
        return ""
    if entry.value is None:
        return label("missing", lang)
    return value_text(result.indicator, result.value, lang, with_unit)


def recorded_day(result: IndicatorResult, lang: ReportLang) -> str | None:
    """The day the latest value was recorded; None for a met deadline, whose value is its own day."""
    if result.latest is None or isinstance(result.value, date):
        return None
    return day(result.latest.date, lang)


def _arg(value: object, lang: Lang) -> str:
    if isinstance(value, bool):
        return label("yes" if value else "no", lang)
    if isinstance(value, Decimal | int):
        return number(value, lang)
    if isinstance(value, date):
        return day(value, lang)
    if isinstance(value, Status):
        return status_name(value, lang)
    return str(value)


def why_args(why: Why, lang: Lang) -> dict[str, str]:
    """The explanation's arguments formatted for reading."""
    args = {
        key: str(value) if key.endswith("year") else _arg(value, lang)
        for key, value in why.args.items()
        if key not in ("missing", "change")
    }
    change = why.args.get("change")
    if isinstance(change, Decimal):
        percent = why.args.get("percent")
        args["change"] = signed(change, lang)
        if isinstance(percent, Decimal):
            args["change"] += f", {signed_percent(percent, lang)}"
    missing = why.args.get("missing")
    args["missing"] = (
        translate(WHY, "missing_categories", lang, {"names": ", ".join(missing)})
        if isinstance(missing, list) and missing
        else ""
    )
    return args


def explain(result: IndicatorResult, lang: Lang) -> str:
    """Why an indicator has its status, in a sentence."""
    args = why_args(result.why, lang)
    target = getattr(result.indicator, "target", None)
    if isinstance(target, Target):
        args["target"] = target_text(target, lang)
    if result.why.code == "answer_matches" or result.why.code == "answer_differs":
        args["answer"] = value_text(result.indicator, result.value, lang)
    text = translate(WHY, result.why.code, lang, args)
    if result.why.pending:
        text = translate(WHY, "pending", lang, {"text": text})
    return text


def rule_text(goal: GoalResult, lang: Lang) -> str:
    share = goal.rule.share_percent
    return label(f"rule_{goal.rule.method}", lang, share=number(share, lang) if share is not None else "")


def explain_goal(goal: GoalResult, lang: Lang) -> str:
    """Why a goal has its status, in a sentence."""
    args = why_args(goal.why, lang)
    args["rule"] = rule_text(goal, lang)
    code = goal.why.code
    if (
        code == "not_assessed_parts"
        and goal.indicator_counts[Status.NOT_ASSESSED] == goal.indicator_counts.judged
    ):
        code = "none_assessed"  # not "some were not assessed" when none was
    return translate(WHY, code, lang, args)


# --- the status view's short reasons for *ei arvioitu* and *kesken* (footnotes) ---------------

SHORT_WHY = {
    "no_entries": {"fi": "toteumaa ei ole kirjattu", "en": "nothing recorded"},
    "no_entries_pending": {"fi": "toteumaa ei ole vielä kirjattu", "en": "nothing recorded yet"},
    "value_missing": {"fi": "arvo puuttuu", "en": "value missing"},
    "invalid_value": {"fi": "arvoa {value} ei voi tulkita", "en": "the value {value} cannot be read"},
    "no_baseline": {
        "fi": "vertailuvuoden {year} arvo puuttuu",
        "en": "no value for the baseline year {year}",
    },
    "not_done_yet": {
        "fi": "määräpäivä {deadline} ei ole vielä ohi",
        "en": "the deadline {deadline} is still ahead",
    },
    "level_not_set": {"fi": "toteutumistasoa ei ole asetettu", "en": "the level has not been set"},
    "pending": {"fi": "vuosi on kesken", "en": "the year is still running"},
    "condition_open": {
        "fi": "ehtoa ei ole ratkaistu: {condition}",
        "en": "the condition is not decided: {condition}",
    },
}
