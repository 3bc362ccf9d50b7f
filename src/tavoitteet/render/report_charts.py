"""Which chart each indicator gets in the HTML report, and the words describing it.

- every kind with numbers: first the values of its series (``sarja``) by year and kind, then
  this year's value, over the target range where there is one;
- kehitys (trend): the baseline year's value against this year's;
- luku (number): this year's value over the target range;
- luokittain (categories): each category's value over the target range;
- seuranta (tracked): this year's value, and the earlier year's when a comparison knows it.

A single value with nothing to compare it with (no target, no earlier value)
gets no chart: the table already says it.  Every chart has its numbers as a
small table under the drawing, its text alternative on screen and on paper.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from html import escape

from tavoitteet.core.compare import CommitteeComparison
from tavoitteet.core.evaluation import IndicatorResult
from tavoitteet.core.model import (
    CategoryIndicator,
    Indicator,
    NumberIndicator,
    Target,
    TrackedIndicator,
    TrendIndicator,
)
from tavoitteet.core.parsing import ValueParseError
from tavoitteet.core.values import parse_series_value
from tavoitteet.render.svg_charts import Bar, bar_chart
from tavoitteet.words.i18n import ReportLang
from tavoitteet.words.labels import number, target_text
from tavoitteet.words.report_labels import change_words, word

EarlierValues = Mapping[str, tuple[int, Decimal]]
"""A later year's indicator id -> (earlier year, its latest value there)."""


def earlier_values(comparison: CommitteeComparison | None) -> EarlierValues:
    if comparison is None:
        return {}
    return {
        pair.b.indicator.id: (comparison.year_a, pair.value_a)
        for pair in comparison.indicators
        if pair.value_a is not None
    }


def _bar(label: str, value: Decimal, unit: str | None, lang: ReportLang) -> Bar:
    text = number(value, lang)
    return Bar(label, value, f"{text} {unit}" if unit else text)


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
            bars.append(Bar(bar.label, bar.value, text))
    return bars


def _bars(result: IndicatorResult, year: int, lang: ReportLang, earlier: EarlierValues) -> list[Bar]:
    indicator, value = result.indicator, result.value
    unit = getattr(indicator, "unit", None)
    if isinstance(indicator, CategoryIndicator) and isinstance(value, dict):
        return [_bar(category, amount, unit, lang) for category, amount in value.items()]
    series = series_bars(indicator, lang)
    if not isinstance(value, Decimal):
        return series
    bars = [*series, _bar(str(year), value, unit, lang)]
    if isinstance(indicator, TrendIndicator) and result.trend is not None:
        if result.trend.source != "sarja":  # a baseline from the series is drawn with it
            bars.insert(0, _bar(str(indicator.baseline_year), result.trend.baseline, unit, lang))
    elif isinstance(indicator, TrackedIndicator) and indicator.id in earlier and not series:
        before_year, before = earlier[indicator.id]
        bars.insert(0, _bar(str(before_year), before, unit, lang))
    return bars


def indicator_chart(
    result: IndicatorResult, year: int, ident: str, lang: ReportLang, earlier: EarlierValues
) -> str | None:
    """A figure with the indicator's chart, or None when it has no numeric value to draw."""
    indicator = result.indicator
    if not isinstance(indicator, NumberIndicator | CategoryIndicator | TrendIndicator | TrackedIndicator):
        return None
    bars = _bars(result, year, lang, earlier)
    target = indicator.target if isinstance(indicator, NumberIndicator | CategoryIndicator) else None
    if not bars or (len(bars) < 2 and target is None):
        return None
    name = indicator.name or indicator.target_text
    desc = _describe(bars, target, result, lang)
    chart = bar_chart(bars, word("chart_of", lang, name=name), desc, ident, target)
    return (
        f'<figure class="chart"><figcaption id="{ident}-cap">{escape(name)}</figcaption>{chart}'
        f"{_data_table(bars, target, result, isinstance(indicator, CategoryIndicator), ident, lang)}</figure>"
    )


def _data_table(
    bars: list[Bar],
    target: Target | None,
    result: IndicatorResult,
    by_category: bool,
    ident: str,
    lang: ReportLang,
) -> str:
    """The chart's numbers as a table: its text alternative."""
    first = word("category" if by_category else "year", lang)
    rows = [(bar.label, bar.text) for bar in bars]
    if target is not None:
        rows.append((word("target_band", lang).capitalize(), target_text(target, lang)))
    if change := change_words(result, lang):
        rows.append((word("change_label", lang), change))
    body = "".join(f'<tr><th scope="row">{escape(a)}</th><td>{escape(b)}</td></tr>' for a, b in rows)
    return (
        f'<table class="chart-data" aria-labelledby="{ident}-cap">'
        f'<thead><tr><th scope="col">{escape(first)}</th><th scope="col">{escape(word("value", lang))}</th></tr>'
        f"</thead><tbody>{body}</tbody></table>"
    )


def _describe(bars: list[Bar], target: Target | None, result: IndicatorResult, lang: ReportLang) -> str:
    parts = [f"{bar.label}: {bar.text}" for bar in bars]
    if target is not None:
        parts.append(f"{word('target_band', lang)}: {target_text(target, lang)}")
    if change := change_words(result, lang):
        parts.append(change)
    return "; ".join(parts)
