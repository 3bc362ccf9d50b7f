"""The views as JSON for scripts: a documented, versioned structure (docs/json.md).

Keys are Finnish without diacritics (``tehtavaalueet``) so that they are easy
to type in ``jq``; status values are the Finnish words of
:class:`tavoitteet.core.evaluation.Status` whatever ``--lang`` is, and each has a
``*_teksti`` companion in the chosen language.  Numbers are strings with a
decimal point (``"1234.5"``) so that no precision is lost; dates are ISO.
Adding keys is compatible; removing or changing one raises ``versio``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from tavoitteet.core.evaluation import (
    AreaResult,
    Assessed,
    BindingCounts,
    Counts,
    FileResult,
    GoalResult,
    IndicatorResult,
    Status,
    Why,
    YearResult,
    by_municipality,
    year_over,
)
from tavoitteet.core.model import Assessment, CarryOver, Entry, Goal, GoalFile, Indicator, SeriesValue
from tavoitteet.core.parsing import ValueParseError
from tavoitteet.core.values import NOT_APPLICABLE, parse_series_value, parse_value
from tavoitteet.words.i18n import Lang
from tavoitteet.words.labels import explain, explain_goal, status_name, value_text

JSON_VERSION = 2
"""2: ``sitova`` may be ``null`` (not stated); series, assessments, binding counts and municipalities added."""


def dumps(document: Mapping[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def plain(value: object) -> Any:
    """A value as JSON: Decimal as an exact string, dates ISO, NOT_APPLICABLE as ``"ei sovellu"``."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    if value is NOT_APPLICABLE:
        return Status.NOT_APPLICABLE.value
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return str(value)


def counts(values: Counts) -> dict[str, Any]:
    return {
        "yhteensa": values.total,
        "arvioitavia": values.judged,
        "tilat": {status.value: values[status] for status in Status},
    }


def why(reason: Why, text: str) -> dict[str, Any]:
    return {
        "koodi": reason.code,
        "tiedot": plain(dict(reason.args)),
        "kesken": reason.pending,
        "teksti": text,
    }


def binding(values: BindingCounts) -> dict[str, Any]:
    """Binding goals and indicators (``sitova: kyllä``) apart from the rest, and how many do not say."""
    return {
        "tavoitteet": counts(values.goals),
        "tavoitteet_ei_ilmoitettu": values.goals_not_stated,
        "tavoitteet_ei_sitovia": values.goals_not_binding,
        "mittarit": counts(values.indicators),
        "mittarit_ei_ilmoitettu": values.indicators_not_stated,
        "mittarit_ei_sitovia": values.indicators_not_binding,
    }


def series_value(indicator: Indicator, item: SeriesValue, lang: Lang) -> dict[str, Any]:
    approximate, value = False, None
    if item.value is not None:
        try:
            approximate, value = parse_series_value(indicator, item.value)
        except ValueParseError:  # pragma: no cover - validate refuses such a file
            value = None
    return {
        "vuosi": item.year,
        "laji": item.kind,
        "arvo": plain(value),
        "arvo_teksti": value_text(indicator, value, lang) if value is not None else None,
        "likimaarainen": approximate,
        "puuttuu": item.missing_reason,
        "lahde": item.source,
        "kommentti": item.comment,
    }


def assessment(item: Assessment, own: bool, lang: Lang) -> dict[str, Any]:
    return {
        "arvio": item.text,
        "taso": item.level,
        "taso_teksti": status_name(Status(item.level), lang) if item.level else None,
        "perustelu": item.reason,
        "pvm": plain(item.date),
        "arvioija": item.assessor,
        "oma": own,
    }


def assessments(values: Assessed, lang: Lang) -> list[dict[str, Any]]:
    own = [assessment(values.own, True, lang)] if values.own is not None else []
    return own + [assessment(a, False, lang) for a in values.others]


def carry_over(item: CarryOver | None) -> dict[str, Any] | None:
    return None if item is None else {"syy": item.reason, "vuodelle": item.to_year}


def entry(indicator: Indicator, item: Entry, lang: Lang) -> dict[str, Any]:
    value = None if item.value is None else parse_value(indicator, item.value)
    shown = {
        "pvm": item.date.isoformat(),
        "vuosi": item.period,
        "arvo": plain(value),
        "arvo_teksti": value_text(indicator, value, lang) if value is not None else None,
        "puuttuu": item.missing_reason,
        "kirjaaja": item.by,
        "lahde": item.source,
        "kommentti": item.comment,
    }
    return shown | fixes(indicator.entries, item)


def fixes(entries: Sequence[Entry], item: Entry) -> dict[str, Any]:
    """``korjaa`` / ``peruu`` and ``voimassa: false``, only where the entries have corrections (issue 14)."""
    from tavoitteet.core.entries import counts

    extra: dict[str, Any] = {}
    if item.corrects is not None:
        extra["korjaa"] = item.corrects
    if item.withdraws is not None:
        extra["peruu"] = item.withdraws
    if any(e.corrects is not None or e.withdraws is not None for e in entries) and not counts(entries, item):
        extra["voimassa"] = False
    return extra


def indicator(result: IndicatorResult, lang: Lang, action: str | None = None) -> dict[str, Any]:
    ind = result.indicator
    latest = None
    if result.latest is not None:
        latest = {**entry(ind, result.latest, lang), "arvo": plain(result.value)}
        latest["arvo_teksti"] = value_text(ind, result.value, lang) if result.value is not None else None
    trend = result.trend
    return {
        "id": ind.id,
        "nimi": ind.name,
        "tyyppi": ind.kind,
        "teko": action,
        "tavoitetaso": ind.target_text,
        "tavoitevuosi": ind.target_year,
        "ehto": ind.condition,
        "sitova": ind.binding,
        "tila": result.status.value,
        "tila_teksti": status_name(result.status, lang),
        "kasin_asetettu": result.is_manual,
        "laskettu_tila": result.computed.value if result.computed else None,
        "kasin_perustelu": result.manual.reason if result.manual else None,
        "toteuma": latest,
        "kehitys": None
        if trend is None
        else {
            "vertailuarvo": plain(trend.baseline),
            "vertailuarvon_lahde": trend.source,
            "muutos": plain(trend.change),
            "muutos_prosenttia": plain(trend.change_percent),
        },
        "perustelu": why(result.why, explain(result, lang)),
        "sarja": [series_value(ind, v, lang) for v in sorted(ind.series, key=lambda v: v.year)],
        "huomautus": ind.note,
    }


def _actions(goal: Goal) -> dict[str, str]:
    return {i.id: action.id for action in goal.actions for i in action.indicators}


def goal(result: GoalResult, lang: Lang) -> dict[str, Any]:
    item = result.goal
    actions = _actions(item)
    return {
        "id": item.id,
        "numero": item.number,
        "otsikko": item.title,
        "strategiakarki": item.spearhead,
        "edistaa_myos": list(item.also_advances),
        "sitova": item.binding,
        "tavoitelaji": item.goal_kind,
        "tavoitetyyppi": item.goal_nature,
        "strateginen_tavoite": item.strategic_aim,
        "alayksikko": item.sub_unit,
        "saanto": {"tapa": result.rule.method, "osuus_prosenttia": plain(result.rule.share_percent)},
        "tila": result.status.value,
        "tila_teksti": status_name(result.status, lang),
        "kasin_asetettu": result.is_manual,
        "laskettu_tila": result.computed.value if result.computed else None,
        "arviot": assessments(result.assessed, lang),
        "arviot_eroavat": bool(result.assessed.differing()),
        "siirtyy": carry_over(item.carry_over),
        "huomautukset": list(item.notes),
        "perustelu": why(result.why, explain_goal(result, lang)),
        "mittarit_yhteenveto": counts(result.indicator_counts),
        "mittarit": [indicator(i, lang, actions.get(i.indicator.id)) for i in result.indicators],
    }


def area(result: AreaResult, lang: Lang) -> dict[str, Any]:
    return {
        "id": result.area.id,
        "nimi": result.area.name,
        "kuvaus": result.area.description,
        "huomautukset": list(result.area.notes),
        "tila": result.status.value,
        "tila_teksti": status_name(result.status, lang),
        "tavoitteet_yhteenveto": counts(result.goal_counts),
        "mittarit_yhteenveto": counts(result.indicator_counts),
        "tavoitteet": [goal(g, lang) for g in result.goals],
    }


def committee(result: FileResult, lang: Lang) -> dict[str, Any]:
    return {
        "lautakunta": result.goal_file.committee,
        "kunta": result.goal_file.municipality,
        "vuosi": result.goal_file.year,
        "tila": result.status.value,
        "tila_teksti": status_name(result.status, lang),
        "kasin_asetettu": result.is_manual,
        "laskettu_tila": result.computed.value if result.computed else None,
        "arviot": assessments(result.assessed, lang),
        "huomautukset": list(result.goal_file.notes),
        "tavoitteet_yhteenveto": counts(result.goal_counts),
        "mittarit_yhteenveto": counts(result.indicator_counts),
        "sitovat": binding(result.binding),
        "tehtavaalueet": [area(a, lang) for a in result.areas],
    }


def _head(view: str, year: YearResult, lang: Lang, filters: Mapping[str, str | None]) -> dict[str, Any]:
    return {
        "versio": JSON_VERSION,
        "nakyma": view,
        "kieli": lang,
        "vuosi": year.year,
        "tilannepaiva": year.as_of.isoformat(),
        "vuosi_paattynyt": year_over(year.year, year.as_of),
        "rajaukset": dict(filters),
    }


def status_json(year: YearResult, lang: Lang, filters: Mapping[str, str | None]) -> str:
    """``tavoitteet status --json``: the whole tree with counts at every level.

    A selection without goals claims no status for the year (``null``), as the table says nothing.
    """
    return dumps(status_document(year, lang, filters))


def status_document(year: YearResult, lang: Lang, filters: Mapping[str, str | None]) -> dict[str, Any]:
    """The document :func:`status_json` writes, for callers that write it their own way (the site, compactly)."""
    municipalities = by_municipality(year)
    judged = year.goal_counts.total > 0 and len(municipalities) <= 1
    return {
        **_head("tila", year, lang, filters),
        "tila": year.status.value if judged else None,
        "tila_teksti": status_name(year.status, lang) if judged else None,
        "tavoitteet_yhteenveto": counts(year.goal_counts) if len(municipalities) <= 1 else None,
        "mittarit_yhteenveto": counts(year.indicator_counts) if len(municipalities) <= 1 else None,
        "sitovat": binding(year.binding) if len(municipalities) <= 1 else None,
        "kunnat": [
            {
                "kunta": name,
                "tila": part.status.value if part.goal_counts.total else None,
                "tila_teksti": status_name(part.status, lang) if part.goal_counts.total else None,
                "tavoitteet_yhteenveto": counts(part.goal_counts),
                "mittarit_yhteenveto": counts(part.indicator_counts),
                "sitovat": binding(part.binding),
            }
            for name, part in municipalities
        ],
        "lautakunnat": [committee(f, lang) for f in year.files],
    }


def list_json(year: YearResult, lang: Lang, filters: Mapping[str, str | None]) -> str:
    """``tavoitteet list --json``: one item per goal with its indicators' ids."""
    goals = [
        {
            "lautakunta": f.goal_file.committee,
            "kunta": f.goal_file.municipality,
            "tehtavaalue": a.area.id,
            "id": g.goal.id,
            "otsikko": g.goal.title,
            "tila": g.status.value,
            "tila_teksti": status_name(g.status, lang),
            "mittarit": [
                {"id": i.indicator.id, "nimi": i.indicator.name, "tila": i.status.value} for i in g.indicators
            ],
        }
        for f in year.files
        for a in f.areas
        for g in a.goals
    ]
    return dumps({**_head("lista", year, lang, filters), "tavoitteet": goals})


def show_json(
    year: YearResult,
    found: GoalResult,
    goal_file: GoalFile,
    area_result: AreaResult,
    lang: Lang,
    only: str | None,
) -> str:
    """``tavoitteet show ID --json``: one goal (or one of its indicators) with full history."""
    item = goal(found, lang)
    for ind_json, ind in zip(item["mittarit"], found.indicators, strict=True):
        ind_json["historia"] = [
            entry(ind.indicator, e, lang) for e in sorted(ind.indicator.entries, key=lambda e: e.date)
        ]
    if only is not None:
        item["mittarit"] = [m for m in item["mittarit"] if m["id"] == only]
    spearheads = {s.id: s.name for s in goal_file.spearheads}
    document = {
        **_head("nayta", year, lang, {}),
        "lautakunta": goal_file.committee,
        "kunta": goal_file.municipality,
        "tehtavaalue": {"id": area_result.area.id, "nimi": area_result.area.name},
        "kohde": "mittari" if only else "tavoite",
        "strategiakarjet": {
            k: spearheads.get(k) for k in [found.goal.spearhead, *found.goal.also_advances] if k
        },
        "tavoite": {**item, "kuvaus": found.goal.description, "huomautukset": list(found.goal.notes)},
    }
    return dumps(document)


def years_json(index: Mapping[int, Sequence[tuple[str, Path]]]) -> str:
    """``tavoitteet years --json``: which committees have files for which years."""
    years = [
        {
            "vuosi": year,
            "lautakunnat": [{"lautakunta": name, "tiedosto": path.as_posix()} for name, path in items],
        }
        for year, items in sorted(index.items())
    ]
    return dumps({"versio": JSON_VERSION, "nakyma": "vuodet", "vuodet": years})
