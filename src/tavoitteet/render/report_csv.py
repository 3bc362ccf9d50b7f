"""The year's report as CSV: one row per indicator.

Two column sets.  The default (``printable``) has ten columns with headers a
person understands (*Tehtäväalue*, *Tavoite*, *Mittari*, *Toteuma*, …) and the
values written as words, so that it fits a printed landscape page and reads
as a table; ``--columns all`` is the full machine view: every field, ids
included, under stable machine names (``tehtäväalue_id``, ``käsin_asetettu``).

Two dialects.  ``excel`` (the default) is what Finnish Excel opens correctly
with a double click: UTF-8 with a byte order mark, ``;`` between fields,
decimal comma, Finnish dates (``31.12.2024``) and CRLF line ends.  ``standard``
is plain comma-separated UTF-8 without a byte order mark, decimal point and ISO
dates.  Numbers are written without thousands separators so that spreadsheets
read them as numbers.  In the ``excel`` dialect a text cell that starts with
``=``, ``+``, ``-`` or ``@`` gets a leading apostrophe so that Excel does not
run it as a formula.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from enum import StrEnum

from tavoitteet.core.evaluation import IndicatorResult, YearResult
from tavoitteet.core.model import DeadlineIndicator, Indicator, Target, TrendIndicator
from tavoitteet.core.values import NOT_APPLICABLE, Value
from tavoitteet.render.report_rows import Row, rows
from tavoitteet.words.i18n import Lang
from tavoitteet.words.labels import explain, kind_name, label, latest_value
from tavoitteet.words.report_labels import assessments_words, series_words, status_word

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class CsvDialect(StrEnum):
    EXCEL = "excel"
    STANDARD = "standard"


class ColumnSet(StrEnum):
    PRINTABLE = "printable"
    ALL = "all"


PRINTABLE: tuple[tuple[str, str, str], ...] = (
    ("committee", "Lautakunta", "Committee"),
    ("area", "Tehtäväalue", "Service area"),
    ("goal", "Tavoite", "Goal"),
    ("goal_status", "Tavoitteen tila", "Goal status"),
    ("indicator", "Mittari", "Indicator"),
    ("target_text", "Tavoitetaso", "Target"),
    ("outcome", "Toteuma", "Outcome"),
    ("date", "Päivämäärä", "Date"),
    ("status", "Tila", "Status"),
    ("notes", "Kommentti ja perustelu", "Comment and reason"),
)


COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("year", "vuosi", "year"),
    ("committee", "lautakunta", "committee"),
    ("area_id", "tehtäväalue_id", "area_id"),
    ("area", "tehtäväalue", "area"),
    ("goal_id", "tavoite_id", "goal_id"),
    ("goal", "tavoite", "goal"),
    ("goal_status", "tavoitteen_tila", "goal_status"),
    ("action", "teko", "action"),
    ("indicator_id", "mittari_id", "indicator_id"),
    ("indicator", "mittari", "indicator"),
    ("kind", "tyyppi", "kind"),
    ("target_text", "tavoitetaso", "target"),
    ("at_least", "vähintään", "at_least"),
    ("more_than", "yli", "more_than"),
    ("at_most", "enintään", "at_most"),
    ("less_than", "alle", "less_than"),
    ("exactly", "tasan", "exactly"),
    ("deadline", "määräpäivä", "deadline"),
    ("unit", "yksikkö", "unit"),
    ("value", "arvo", "value"),
    ("date", "pvm", "date"),
    ("status", "tila", "status"),
    ("manual", "käsin_asetettu", "set_by_hand"),
    ("reason", "perustelu", "reason"),
    ("comment", "kommentti", "comment"),
    ("source", "lähde", "source"),
    ("recorder", "kirjaaja", "recorded_by"),
    ("baseline_year", "vertailuvuosi", "baseline_year"),
    ("baseline", "vertailuarvo", "baseline"),
    ("change", "muutos", "change"),
    ("change_percent", "muutos_prosenttia", "change_percent"),
    ("municipality", "kunta", "municipality"),
    ("goal_binding", "tavoite_sitova", "goal_binding"),
    ("binding", "mittari_sitova", "indicator_binding"),
    ("target_year", "tavoitevuosi", "target_year"),
    ("series", "sarja", "series"),
    ("note", "huomautus", "note"),
    ("goal_manual", "tavoite_käsin_asetettu", "goal_set_by_hand"),
    ("goal_assessments", "tavoitteen_arviot", "goal_assessments"),
)


def header(lang: Lang, columns: tuple[tuple[str, str, str], ...] = COLUMNS) -> list[str]:
    return [en if lang == "en" else fi for _, fi, en in columns]


def _number(value: Decimal | int | None, dialect: CsvDialect) -> str:
    if value is None:
        return ""
    text = format(Decimal(value).normalize(), "f") if isinstance(value, Decimal) else str(value)
    return text.replace(".", ",") if dialect is CsvDialect.EXCEL else text


def _date(value: date | None, dialect: CsvDialect) -> str:
    if value is None:
        return ""
    return f"{value.day}.{value.month}.{value.year}" if dialect is CsvDialect.EXCEL else value.isoformat()


def _value(indicator: Indicator, value: Value | None, dialect: CsvDialect, lang: Lang) -> str:
    if value is None:
        return ""
    if value is NOT_APPLICABLE:
        return "ei sovellu" if lang == "fi" else "not applicable"
    if isinstance(value, bool):
        if isinstance(indicator, DeadlineIndicator) and not value:
            return label("not_done", lang)
        return label("yes" if value else "no", lang)
    if isinstance(value, Decimal):
        return _number(value, dialect)
    if isinstance(value, date):
        return _date(value, dialect)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_number(v, dialect)}" for k, v in value.items())
    return str(value)


def _target_fields(indicator: Indicator, dialect: CsvDialect) -> dict[str, str]:
    target = getattr(indicator, "target", None)
    names = ("at_least", "more_than", "at_most", "less_than", "exactly")
    if not isinstance(target, Target):
        return dict.fromkeys(names, "")
    return {name: _number(getattr(target, name), dialect) for name in names}


def _trend_fields(result: IndicatorResult, dialect: CsvDialect) -> dict[str, str]:
    indicator, trend = result.indicator, result.trend
    return {
        "baseline_year": str(indicator.baseline_year) if isinstance(indicator, TrendIndicator) else "",
        "baseline": _number(trend.baseline, dialect) if trend else "",
        "change": _number(trend.change, dialect) if trend else "",
        "change_percent": _number(
            trend.change_percent.quantize(Decimal("0.1"))
            if trend and trend.change_percent is not None
            else None,
            dialect,
        ),
    }


def record(row: Row, dialect: CsvDialect, lang: Lang) -> dict[str, str]:
    """One indicator as the report's fields, by column key."""
    result, indicator, latest = row.result, row.result.indicator, row.result.latest
    return {
        "year": str(row.file.goal_file.year),
        "committee": row.file.goal_file.committee,
        "area_id": row.area.area.id,
        "area": row.area.area.name,
        "goal_id": row.goal.goal.id,
        "goal": row.goal.goal.title,
        "goal_status": status_word(row.goal.status, lang),
        "action": row.action.text if row.action else "",
        "indicator_id": indicator.id,
        "indicator": indicator.name or "",
        "kind": kind_name(indicator.kind, lang),
        "target_text": indicator.target_text,
        **_target_fields(indicator, dialect),
        "deadline": _date(indicator.deadline, dialect) if isinstance(indicator, DeadlineIndicator) else "",
        "unit": getattr(indicator, "unit", None) or "",
        "value": _value(indicator, result.value, dialect, lang),
        "date": _date(latest.date if latest else None, dialect),
        "status": status_word(result.status, lang),
        "manual": label("yes" if result.is_manual else "no", lang),
        "reason": explain(result, lang),
        "comment": " ".join(t for t in (latest.missing_reason, latest.comment) if t) if latest else "",
        "source": (latest.source or "") if latest else "",
        "recorder": (latest.by or "") if latest else "",
        **_trend_fields(result, dialect),
        "municipality": row.file.goal_file.municipality or "",
        "goal_binding": _binding(row.goal.goal.binding, lang),
        "binding": _binding(indicator.binding, lang),
        "target_year": str(indicator.target_year) if indicator.target_year else "",
        "series": series_words(indicator, lang),
        "note": indicator.note or "",
        "goal_manual": label("yes" if row.goal.is_manual else "no", lang),
        "goal_assessments": " | ".join(assessments_words(row.goal.assessed, lang)),
    }


def printable_record(row: Row, dialect: CsvDialect, lang: Lang) -> dict[str, str]:
    """One indicator as the printable columns: words, no ids (an unnamed indicator by its target)."""
    from tavoitteet.render.report_content import committee_name, indicator_line

    result = row.result
    line = indicator_line(result, row.action, lang)
    name = " – ".join(p.text for p in (line.action, line.name) if p is not None)
    return {
        "committee": committee_name(row.file, lang).text,
        "area": row.area.area.name,
        "goal": row.goal.goal.title,
        "goal_status": status_word(row.goal.status, lang),
        "indicator": name,
        "target_text": line.target.text,
        "outcome": _outcome(result, lang),
        "date": _date(result.latest.date if result.latest else None, dialect),
        "status": line.status_text,
        "notes": " ".join(note.text for note in line.notes),
    }


def _outcome(result: IndicatorResult, lang: Lang) -> str:
    """The latest value with its unit, and the values by year when the indicator has a series."""
    from tavoitteet.words.report_labels import word

    parts = [latest_value(result, lang, with_unit=True)] if result.latest else []
    if series := series_words(result.indicator, lang):
        parts.append(f"{word('series', lang)}: {series}")
    return "; ".join(parts)


def _binding(value: bool | None, lang: Lang) -> str:
    """kyllä / ei as stated, ``ei ilmoitettu`` (not stated) when the file does not say."""
    return label("binding_not_stated", lang) if value is None else label("yes" if value else "no", lang)


_NUMBER_CELL = {
    CsvDialect.EXCEL: re.compile(r"-?[0-9]+(?:,[0-9]+)?"),
    CsvDialect.STANDARD: re.compile(r"-?[0-9]+(?:\.[0-9]+)?"),
}


def _guard(key: str, text: str, dialect: CsvDialect) -> str:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe, in both dialects.

    A number (as :func:`_number` writes it, ``-3`` or ``-3,5``) stays a number
    in whichever column it stands; every other cell that starts with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return is guarded.
    """
    if text.startswith(FORMULA_STARTS) and not _NUMBER_CELL[dialect].fullmatch(text):
        return "'" + text
    return text


def render_csv(
    year: YearResult, dialect: CsvDialect = CsvDialect.EXCEL, lang: Lang = "fi", all_columns: bool = False
) -> str:
    """The report as CSV text; the ``excel`` dialect's text starts with the byte order mark."""
    buffer = io.StringIO()
    delimiter = ";" if dialect is CsvDialect.EXCEL else ","
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    columns = COLUMNS if all_columns else PRINTABLE
    fields_of = record if all_columns else printable_record
    writer.writerow(header(lang, columns))
    keys = [key for key, _, _ in columns]
    guard: Callable[[str, str], str] = lambda key, text: _guard(key, text, dialect)  # noqa: E731
    for row in rows(year):
        fields = fields_of(row, dialect, lang)
        writer.writerow([guard(key, fields[key]) for key in keys])
    text = buffer.getvalue()
    return BOM + text if dialect is CsvDialect.EXCEL else text
