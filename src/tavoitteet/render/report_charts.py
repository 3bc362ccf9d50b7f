"""Which chart each indicator gets in the HTML report, and its numbers as a table.

- numbers (luku, kehitys, seuranta): the values of its series (``sarja``) by year and kind, the
  baseline year's value and the earlier year's (light), then this year's (dark), over the target
  range where there is one;
- luokittain (categories): grouped bars, each category's earlier value beside this year's, over
  the target range;
- kyllä/ei (yes/no): a status strip, one cell per year (series, earlier year, this year) with
  the answer in words on its status colour.

A single value with nothing to compare it with (no target, no earlier value)
gets no chart: the table already says it.  Every chart has its numbers as a
small table under the drawing, which is its text alternative on screen and on
paper (the drawing itself is hidden from screen readers).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from html import escape

from tavoitteet.core.compare import CommitteeComparison
from tavoitteet.core.evaluation import IndicatorResult, Status
from tavoitteet.core.model import (
    CategoryIndicator,
    Indicator,
    NumberIndicator,
    TrackedIndicator,
    TrendIndicator,
    YesNoIndicator,
)
from tavoitteet.core.parsing import ValueParseError
from tavoitteet.core.values import Value, parse_series_value
from tavoitteet.render.html_parts import text
from tavoitteet.render.report_content import indicator_name
from tavoitteet.render.svg_charts import Bar, Cell, bar_chart, status_strip
from tavoitteet.words.i18n import ReportLang
from tavoitteet.words.labels import label, number, status_name, target_text
from tavoitteet.words.report_labels import change_words, word

EarlierValues = Mapping[str, tuple[int, Value]]
"""A later year's indicator id -> (earlier year, its value there: a number, categories or yes/no)."""


def earlier_values(comparison: CommitteeComparison | None) -> EarlierValues:
    if comparison is None:
        return {}
    return {
        pair.b.indicator.id: (comparison.year_a, pair.a.value)
        for pair in comparison.indicators
        if pair.a.value is not None
    }


def _bar(label_text: str, value: Decimal, unit: str | None, lang: ReportLang, current: bool = True) -> Bar:
    shown = number(value, lang)
    return Bar(label_text, value, f"{shown} {unit}" if unit else shown, current)


def series_bars(indicator: Indicator, lang: ReportLang) -> list[Bar]:
    """The series' numbers by year, labelled with the year and kind (``2022 talousarvio``)."""
    unit = getattr(indicator, "unit", None)
    bars = []
    for item in sorted(indicator.series, key=lambda v: v.year):
        if item.value is None:
            continue
        try:
            approximate, value = parse_series_value(indicator, item.value)
        except ValueParseError:  # pragma: no cover - validate refuses such a file
            continue
        if isinstance(value, Decimal):
            bar = _bar(f"{item.year} {word(f'series_{item.kind}', lang)}", value, unit, lang)
            text = word("approximate", lang, value=bar.text) if approximate else bar.text
            bars.append(Bar(bar.label, bar.value, text, current=False))
    return bars


def _year_of(bar: Bar) -> int:
    head = bar.label.split(" ")[0]
    return int(head) if head.isdigit() else 0


def _bars(result: IndicatorResult, year: int, lang: ReportLang, earlier: EarlierValues) -> list[Bar]:
    """The series, the baseline or earlier year's value and this year's, in order of year."""
    indicator, value = result.indicator, result.value
    unit = getattr(indicator, "unit", None)
    series = series_bars(indicator, lang)
    if not isinstance(value, Decimal):
        return series
    years = {_year_of(bar) for bar in series}
    bars = [*series, _bar(str(year), value, unit, lang)]
    if isinstance(indicator, TrendIndicator) and result.trend is not None:
        if result.trend.source != "sarja" and indicator.baseline_year not in years:
            bars.append(_bar(str(indicator.baseline_year), result.trend.baseline, unit, lang, current=False))
    elif indicator.id in earlier:
        before_year, before = earlier[indicator.id]
        if isinstance(before, Decimal) and before_year not in years:
            bars.append(_bar(str(before_year), before, unit, lang, current=False))
    return sorted(bars, key=lambda bar: (_year_of(bar), bar.current))


def _category_bars(
    result: IndicatorResult, year: int, lang: ReportLang, earlier: EarlierValues
) -> tuple[list[Bar], list[int]]:
    """Per category the earlier year's value (when known) and this year's; where each group starts."""
    indicator, value = result.indicator, result.value
    if not isinstance(value, dict):
        return [], []
    unit = getattr(indicator, "unit", None)
    before_year, before = earlier.get(indicator.id, (0, None))
    previous = before if isinstance(before, dict) else {}
    bars: list[Bar] = []
    starts: list[int] = []
    for category, amount in value.items():
        starts.append(len(bars))
        old = previous.get(category)
        if isinstance(old, Decimal):
            bars.append(_bar(f"{category} {before_year}", old, unit, lang, current=False))
            bars.append(_bar(f"{category} {year}", amount, unit, lang))
        else:
            bars.append(_bar(category, amount, unit, lang))
    return bars, starts[1:] if previous else []


def _answer_status(indicator: YesNoIndicator, answer: bool) -> Status:
    return Status.MET if answer == indicator.expected else Status.NOT_MET


def _strip_cells(result: IndicatorResult, year: int, lang: ReportLang, earlier: EarlierValues) -> list[Cell]:
    """A yes/no indicator's answers by year: its series, the earlier year's and this year's."""
    indicator = result.indicator
    assert isinstance(indicator, YesNoIndicator)
    cells: dict[int, Cell] = {}
    for item in sorted(indicator.series, key=lambda v: v.year):
        if item.value is None or item.year == year:
            continue
        try:
            _, answer = parse_series_value(indicator, item.value)
        except ValueParseError:  # pragma: no cover - validate refuses such a file
            continue
        if isinstance(answer, bool):
            cells[item.year] = Cell(
                str(item.year), label("yes" if answer else "no", lang), _answer_status(indicator, answer)
            )
    if indicator.id in earlier:
        before_year, before = earlier[indicator.id]
        if isinstance(before, bool) and before_year not in cells:
            cells[before_year] = Cell(
                str(before_year), label("yes" if before else "no", lang), _answer_status(indicator, before)
            )
    if isinstance(result.value, bool):
        cells[year] = Cell(str(year), label("yes" if result.value else "no", lang), result.status)
    return [cells[y] for y in sorted(cells)]


def indicator_chart(
    result: IndicatorResult, year: int, ident: str, lang: ReportLang, earlier: EarlierValues
) -> str | None:
    """A figure with the indicator's chart and its numbers, or None when there is nothing to compare."""
    indicator = result.indicator
    caption = f'<figcaption id="{ident}-cap">{text(indicator_name(result, lang), lang)}</figcaption>'
    if isinstance(indicator, YesNoIndicator):
        cells = _strip_cells(result, year, lang, earlier)
        if len(cells) < 2:
            return None
        rows = [(cell.label, f"{cell.text} ({status_name(cell.status, lang)})") for cell in cells]
        table = _data_table(rows, word("year", lang), word("answer", lang), ident)
        return f'<figure class="chart">{caption}{status_strip(cells)}{table}</figure>'
    if not isinstance(indicator, NumberIndicator | CategoryIndicator | TrendIndicator | TrackedIndicator):
        return None
    groups: list[int] = []
    if isinstance(indicator, CategoryIndicator):
        bars, groups = _category_bars(result, year, lang, earlier)
    else:
        bars = _bars(result, year, lang, earlier)
    target = indicator.target if isinstance(indicator, NumberIndicator | CategoryIndicator) else None
    if not bars or (len(bars) < 2 and target is None):
        return None
    rows = [(bar.label, bar.text) for bar in bars]
    if target is not None:
        rows.append((word("target_band", lang).capitalize(), target_text(target, lang)))
    if change := change_words(result, lang):
        rows.append((word("change_label", lang), change))
    first = word("category" if isinstance(indicator, CategoryIndicator) else "year", lang)
    table = _data_table(rows, first, word("value", lang), ident)
    return f'<figure class="chart">{caption}{bar_chart(bars, target, groups)}{table}</figure>'


def _data_table(rows: list[tuple[str, str]], first: str, second: str, ident: str) -> str:
    """The chart's numbers as a table: its text alternative."""
    body = "".join(f'<tr><th scope="row">{escape(a)}</th><td>{escape(b)}</td></tr>' for a, b in rows)
    return (
        f'<table class="chart-data" aria-labelledby="{ident}-cap">'
        f'<thead><tr><th scope="col">{escape(first)}</th><th scope="col">{escape(second)}</th></tr>'
        f"</thead><tbody>{body}</tbody></table>"
    )
