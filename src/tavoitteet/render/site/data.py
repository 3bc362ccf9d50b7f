"""The site's downloads: each committee-year as CSV and JSON, and the whole corpus as a data package.

A committee-year's CSV is the report's (``report --format csv --columns all``,
Excel's dialect) and its JSON is ``status --json`` for that committee.  The data
package (https://specs.frictionlessdata.io/data-package/) has three tables of
every year: goals, indicators and realization entries, plain comma-separated
UTF-8 with ISO dates and decimal points, each described by a table schema with
field types, primary keys and the links between them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from tavoitteet.core.evaluation import Status, summarize_year
from tavoitteet.core.model import DeadlineIndicator, Target, TrendIndicator
from tavoitteet.render.json_views import status_document
from tavoitteet.render.report_csv import CsvDialect, render_csv
from tavoitteet.render.site.model import CommitteeYear, Site
from tavoitteet.words.labels import explain, explain_goal

STATUSES = [s.value for s in Status]


def committee_csv(place: CommitteeYear) -> str:
    """``report --format csv --columns all`` of the committee-year: every column, for Excel."""
    year = summarize_year(place.year, place.result.as_of, [place.result])
    return render_csv(year, CsvDialect.EXCEL, "fi", all_columns=True)


def committee_json(place: CommitteeYear) -> str:
    """``status --json`` of the committee-year (docs/json.md), without indentation."""
    year = summarize_year(place.year, place.result.as_of, [place.result])
    return json.dumps(status_document(year, "fi", {}), ensure_ascii=False, separators=(",", ":")) + "\n"


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    type: str
    description: str
    extra: tuple[tuple[str, Any], ...] = ()

    def schema(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "description": self.description, **dict(self.extra)}


_BOOL = (("trueValues", ["kyllä"]), ("falseValues", ["ei"]))
_STATUS = (("constraints", {"enum": STATUSES}),)
_KEY_FIELDS = (
    Field("tiedosto", "string", "Tavoitetiedosto data-kansiossa, esim. 2024/kulttuurilautakunta.yaml."),
    Field("kunta", "string", "Kunta, jos tiedosto nimeää sen."),
    Field("vuosi", "integer", "Tavoitteiden vuosi."),
    Field("lautakunta", "string", "Lautakunta."),
)
GOAL_FIELDS = (
    *_KEY_FIELDS,
    Field("tehtäväalue_id", "string", "Tehtäväalueen tunnus."),
    Field("tehtäväalue", "string", "Tehtäväalue."),
    Field("tavoite_id", "string", "Tavoitteen tunnus tiedostossa."),
    Field("numero", "integer", "Tavoitteen numero."),
    Field("tavoite", "string", "Tavoite."),
    Field("kuvaus", "string", "Tavoitteen kuvaus."),
    Field("sitova", "boolean", "Sitova tavoite valtuustoon nähden; tyhjä = ei ilmoitettu.", _BOOL),
    Field("strategiakärki", "string", "Ensisijaisen strategiakärjen tunnus."),
    Field("tila", "string", "Tavoitteen tila tilannepäivänä.", _STATUS),
    Field("perustelu", "string", "Miksi tavoitteella on tämä tila."),
    Field("mittareita", "integer", "Tavoitteen mittarien määrä."),
)
INDICATOR_FIELDS = (
    *_KEY_FIELDS,
    Field("tavoite_id", "string", "Tavoitteen tunnus, jonka mittari on."),
    Field("mittari_id", "string", "Mittarin tunnus tiedostossa."),
    Field("mittari", "string", "Mittarin nimi."),
    Field("tyyppi", "string", "Mittarin tyyppi (tiedoston tyyppi-avain)."),
    Field("tavoitetaso", "string", "Tavoitetaso alkuperäisin sanoin."),
    Field("vähintään", "number", "Tavoitteen alaraja (>=)."),
    Field("yli", "number", "Tavoitteen alaraja (>)."),
    Field("enintään", "number", "Tavoitteen yläraja (<=)."),
    Field("alle", "number", "Tavoitteen yläraja (<)."),
    Field("tasan", "number", "Tavoiteltu tarkka arvo."),
    Field("määräpäivä", "date", "Määräaikamittarin määräpäivä."),
    Field("yksikkö", "string", "Yksikkö."),
    Field("arvo", "string", "Viimeisin toteuma tilannepäivänä sellaisenaan."),
    Field("pvm", "date", "Viimeisimmän toteuman päivämäärä."),
    Field("tila", "string", "Mittarin tila tilannepäivänä.", _STATUS),
    Field("käsin_asetettu", "boolean", "Tila on asetettu käsin.", _BOOL),
    Field("perustelu", "string", "Miksi mittarilla on tämä tila."),
    Field("vertailuvuosi", "integer", "Kehitysmittarin vertailuvuosi."),
    Field("vertailuarvo", "number", "Kehitysmittarin vertailuarvo."),
    Field("muutos", "number", "Muutos vertailuarvosta."),
)
ENTRY_FIELDS = (
    *_KEY_FIELDS,
    Field("mittari_id", "string", "Mittarin tunnus tiedostossa."),
    Field("pvm", "date", "Kirjauksen päivämäärä."),
    Field("arvo", "string", "Kirjattu arvo sellaisenaan (luokittain: luokka: arvo; …)."),
    Field("puuttuu", "string", "Miksi arvo puuttuu."),
    Field("kirjaaja", "string", "Kirjaaja."),
    Field("lähde", "string", "Lähde."),
    Field("kommentti", "string", "Kommentti."),
)


def _number(value: Decimal | None) -> str:
    return "" if value is None else format(value.normalize(), "f")


def _day(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def _raw(value: str | dict[str, str] | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else "; ".join(f"{k}: {v}" for k, v in value.items())


def _keys(place: CommitteeYear) -> list[str]:
    return [place.source, place.municipality or "", str(place.year), place.committee]


def goal_rows(place: CommitteeYear) -> Iterator[list[str]]:
    for area in place.result.areas:
        for goal in area.goals:
            item = goal.goal
            yield [
                *_keys(place),
                area.area.id,
                area.area.name,
                item.id,
                "" if item.number is None else str(item.number),
                item.title,
                item.description or "",
                "" if item.binding is None else "kyllä" if item.binding else "ei",
                item.spearhead or "",
                goal.status.value,
                explain_goal(goal, "fi"),
                str(len(goal.indicators)),
            ]


def indicator_rows(place: CommitteeYear) -> Iterator[list[str]]:
    for goal, result in place.indicators():
        item = result.indicator
        target = getattr(item, "target", None)
        bounds = [
            _number(getattr(target, name)) if isinstance(target, Target) else ""
            for name in ("at_least", "more_than", "at_most", "less_than", "exactly")
        ]
        trend = result.trend
        latest = result.latest
        yield [
            *_keys(place),
            goal.goal.id,
            item.id,
            item.name or "",
            item.kind,
            item.target_text,
            *bounds,
            _day(item.deadline) if isinstance(item, DeadlineIndicator) else "",
            getattr(item, "unit", None) or "",
            "" if latest is None else _raw(latest.value),
            _day(latest.date if latest else None),
            result.status.value,
            "kyllä" if result.is_manual else "ei",
            explain(result, "fi"),
            str(item.baseline_year) if isinstance(item, TrendIndicator) else "",
            _number(trend.baseline) if trend else "",
            _number(trend.change) if trend and trend.change is not None else "",
        ]


def entry_rows(place: CommitteeYear) -> Iterator[list[str]]:
    for _, result in place.indicators():
        for entry in sorted(result.indicator.entries, key=lambda e: e.date):
            yield [
                *_keys(place),
                result.indicator.id,
                entry.date.isoformat(),
                _raw(entry.value),
                entry.missing_reason or "",
                entry.by or "",
                entry.source or "",
                entry.comment or "",
            ]


def table_csv(fields: Sequence[Field], rows: Iterator[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([f.name for f in fields])
    writer.writerows(rows)
    return buffer.getvalue()


@dataclass(frozen=True, slots=True)
class Table:
    """One kind of table; the package has it once per year (``mittarit-2024.csv``)."""

    name: str
    title: str
    fields: tuple[Field, ...]
    rows: Callable[[CommitteeYear], Iterator[list[str]]]
    primary_key: tuple[str, ...]
    references: tuple[tuple[tuple[str, ...], str], ...] = ()
    """(fields, the table they refer to, by the same field names)."""

    def resource(self, year: int) -> str:
        return f"{self.name}-{year}"

    def path(self, year: int) -> str:
        return f"{self.resource(year)}.csv"


TABLES = (
    Table("tavoitteet", "Tavoitteet", GOAL_FIELDS, goal_rows, ("tiedosto", "tavoite_id")),
    Table(
        "mittarit",
        "Mittarit",
        INDICATOR_FIELDS,
        indicator_rows,
        ("tiedosto", "mittari_id"),
        ((("tiedosto", "tavoite_id"), "tavoitteet"),),
    ),
    Table(
        "kirjaukset",
        "Toteumakirjaukset",
        ENTRY_FIELDS,
        entry_rows,
        (),
        ((("tiedosto", "mittari_id"), "mittarit"),),
    ),
)


def table_text(site: Site, table: Table, year: int) -> str:
    """One table of one year: a resource of the package, from each place's rows (:attr:`.model.Place.rows`)."""
    column = TABLES.index(table)
    return table_csv(table.fields, iter(())) + "".join(p.rows[column] for p in site.places if p.year == year)


def _resource(table: Table, year: int) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": [f.schema() for f in table.fields], "missingValues": [""]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    if table.references:
        schema["foreignKeys"] = [
            {"fields": list(fields), "reference": {"resource": f"{other}-{year}", "fields": list(fields)}}
            for fields, other in table.references
        ]
    return {
        "name": table.resource(year),
        "title": f"{table.title} {year}",
        "path": table.path(year),
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def datapackage(site: Site) -> str:
    """``datapackage.json``: every year's three tables with their schemas (Frictionless Data Package v1)."""
    years = sorted(site.years)
    document = {
        "profile": "tabular-data-package",
        "name": "toiminnalliset-tavoitteet",
        "title": "Toiminnalliset tavoitteet ja niiden toteutuminen",
        "description": (
            "Lautakuntien toiminnalliset tavoitteet, mittarit ja toteumakirjaukset"
            + (f" vuosilta {years[0]}–{years[-1]}" if years else "")
            + f", tilanne {site.as_of.isoformat()}. Kullakin vuodella on kolme taulukkoa."
        ),
        "created": site.as_of.isoformat() + "T00:00:00Z",
        "resources": [_resource(table, year) for year in years for table in TABLES],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
