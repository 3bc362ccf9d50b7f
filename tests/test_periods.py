"""Periods, series and assessments in the evaluation: properties over generated values."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter

from tavoitteet.core.evaluation import Status, evaluate_indicator, year_over
from tavoitteet.core.model import Indicator

INDICATOR: TypeAdapter[Indicator] = TypeAdapter(Indicator)

numbers = st.integers(min_value=0, max_value=2000).map(str)
days = st.dates(min_value=date(2023, 1, 1), max_value=date(2027, 12, 31))
other_years = st.integers(min_value=2000, max_value=2030).filter(lambda y: y != 2024)


def number_indicator(entries: list[dict[str, Any]], series: list[dict[str, Any]] | None = None) -> Indicator:
    data = {
        "id": "m",
        "tavoitetaso": "Vähintään 1 000.",
        "tyyppi": "luku",
        "tavoite": {"vähintään": "1000"},
        "toteuma": entries,
        "sarja": series or [],
    }
    return INDICATOR.validate_python(data)


@given(
    own=st.lists(st.tuples(st.dates(date(2024, 1, 1), date(2025, 12, 31)), numbers), max_size=3),
    others=st.lists(st.tuples(days, numbers, other_years), max_size=4),
    series=st.lists(st.tuples(other_years, numbers), max_size=4, unique_by=lambda t: t[0]),
    as_of=days,
)
def test_values_of_other_years_never_change_the_status(
    own: list[tuple[date, str]],
    others: list[tuple[date, str, int]],
    series: list[tuple[int, str]],
    as_of: date,
) -> None:
    entries = [{"pvm": day.isoformat(), "arvo": value} for day, value in own]
    plain = evaluate_indicator(number_indicator(entries), 2024, as_of)
    entries += [{"pvm": d.isoformat(), "vuosi": str(y), "arvo": v} for d, v, y in others]
    values = [{"vuosi": str(y), "laji": "toteuma", "arvo": v} for y, v in series]
    with_others = evaluate_indicator(number_indicator(entries, values), 2024, as_of)
    assert with_others.status is plain.status
    assert with_others.value == plain.value


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)))
def test_the_year_is_over_exactly_from_its_last_day_on(day: date) -> None:
    assert year_over(day.year, day) is (day.month == 12 and day.day == 31)
    assert year_over(day.year - 1, day) and not year_over(day.year + 1, day)
    assert year_over(day.year, day) or not year_over(day.year, day - timedelta(days=1))


def test_a_target_year_value_decides_and_a_later_target_year_keeps_the_failure_open() -> None:
    ind = INDICATOR.validate_python(
        {
            "id": "m",
            "tavoitetaso": "Vähintään 900 vuonna 2025.",
            "tyyppi": "luku",
            "tavoite": {"vähintään": "900"},
            "tavoitevuosi": "2025",
            "toteuma": [{"pvm": "31.12.2024", "arvo": "700"}],
        }
    )
    # the 2024 value is below the 2025 target, but 2025 is still running
    assert evaluate_indicator(ind, 2024, date(2025, 1, 1)).status is Status.IN_PROGRESS
    assert evaluate_indicator(ind, 2024, date(2025, 12, 31)).status is Status.NOT_MET
    met = ind.model_copy(
        update={
            "entries": [
                *ind.entries,
                *number_indicator([{"pvm": "1.6.2025", "vuosi": "2025", "arvo": "950"}]).entries,
            ]
        }
    )
    assert evaluate_indicator(met, 2024, date(2025, 7, 1)).status is Status.MET


def test_a_trend_takes_its_baseline_from_its_series_before_other_files() -> None:
    ind = INDICATOR.validate_python(
        {
            "id": "m",
            "tavoitetaso": "Kasvaa.",
            "tyyppi": "kehitys",
            "suunta": "kasvu",
            "vertailuvuosi": "2023",
            "sarja": [{"vuosi": "2023", "arvo": "n. 100"}],
            "toteuma": [{"pvm": "31.12.2024", "arvo": "120"}],
        }
    )
    seen: list[str] = []

    def lookup(indicator: Any, owner: Any = None) -> None:
        seen.append(indicator.id)

    result = evaluate_indicator(ind, 2024, date(2025, 1, 1), lookup)
    assert (result.status, seen) == (Status.MET, [])
    assert result.trend is not None and (result.trend.source, str(result.trend.baseline)) == ("sarja", "100")


def test_an_entry_stating_the_baseline_year_is_the_trends_baseline() -> None:
    ind = INDICATOR.validate_python(
        {
            "id": "m",
            "tavoitetaso": "Vähenee.",
            "tyyppi": "kehitys",
            "suunta": "lasku",
            "vertailuvuosi": "2023",
            "toteuma": [
                {"pvm": "15.1.2024", "vuosi": "2023", "arvo": "80"},
                {"pvm": "31.12.2024", "arvo": "90"},
            ],
        }
    )
    result = evaluate_indicator(ind, 2024, date(2025, 1, 1))
    assert result.status is Status.NOT_MET and result.trend is not None
    assert (result.trend.baseline, result.trend.change) == (80, 10)
    assert result.value == 90  # the 2023 entry, though recorded in 2024, is not the 2024 value
