"""The VALUE of `record`: typed the forgiving way, written the canonical way, never ambiguous."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tavoitteet.commands.recordvalue import RecordValueError, parse_record_value
from tavoitteet.core.model import GoalFile
from tavoitteet.core.values import NOT_APPLICABLE, parse_value

COMMON = {"tavoitetaso": "t"}
INDICATORS: dict[str, dict[str, Any]] = {
    "kylla": {"tyyppi": "kyllä/ei"},
    "ehdollinen": {"tyyppi": "kyllä/ei", "ehto": "jos päätetään"},
    "luku": {"tyyppi": "luku", "tavoite": {"vähintään": "10"}},
    "luokat": {
        "tyyppi": "luokittain",
        "luokat": ["lapset", "nuoret", "työikäiset", "seniorit"],
        "tavoite": {"vähintään": "1"},
    },
    "kehitys": {"tyyppi": "kehitys", "suunta": "kasvu", "vertailuvuosi": "2023"},
    "seuranta": {"tyyppi": "seuranta"},
    "maaraaika": {"tyyppi": "määräaika", "määräpäivä": "30.6.2024"},
    "laadullinen": {"tyyppi": "laadullinen"},
}
_FILE = GoalFile.model_validate(
    {
        "muoto": "1",
        "vuosi": "2024",
        "lautakunta": "L",
        "tehtäväalueet": [
            {
                "id": "a",
                "nimi": "A",
                "tavoitteet": [
                    {
                        "id": "g",
                        "otsikko": "G",
                        "mittarit": [{"id": k, **COMMON, **v} for k, v in INDICATORS.items()],
                    }
                ],
            }
        ],
    }
)
IND = {i.id: i for i in _FILE.indicators()}


@pytest.mark.parametrize(
    ("indicator", "typed", "written"),
    [
        ("kylla", "k", "kyllä"),
        ("kylla", "KYLLÄ", "kyllä"),
        ("kylla", "Yes", "kyllä"),
        ("kylla", "true", "kyllä"),
        ("kylla", "e", "ei"),
        ("kylla", "No", "ei"),
        ("kylla", "FALSE", "ei"),
        ("ehdollinen", "ei-sovellu", "ei sovellu"),
        ("ehdollinen", "Ei  sovellu", "ei sovellu"),
        ("luku", "1 234,5", "1 234,5"),
        ("luku", "1234.5", "1 234,5"),
        ("luku", "1.234,50", "1 234,5"),
        ("luku", "12", "12"),
        ("luku", "-3,25", "-3,25"),
        ("kehitys", "0,5", "0,5"),
        ("seuranta", "12 000", "12 000"),
        (
            "luokat",
            "lapset=1 nuoret=2 työikäiset=0 seniorit=1",
            {"lapset": "1", "nuoret": "2", "työikäiset": "0", "seniorit": "1"},
        ),
        (
            "luokat",
            "seniorit: 1, lapset: 1,5, nuoret: 2; työikäiset: 0",
            {"lapset": "1,5", "nuoret": "2", "työikäiset": "0", "seniorit": "1"},
        ),
        (
            "luokat",
            "Lapset = 1 000,nuoret=2,työikäiset=0,seniorit=1",
            {"lapset": "1 000", "nuoret": "2", "työikäiset": "0", "seniorit": "1"},
        ),
        ("maaraaika", "10.10.2024", "10.10.2024"),
        ("maaraaika", "2024-06-01", "1.6.2024"),
        ("maaraaika", "ei", "ei"),
        ("laadullinen", "  Toteutui: hyvin #1  ", "Toteutui: hyvin #1"),
    ],
)
def test_forgiving_input_is_written_canonically(indicator: str, typed: str, written: object) -> None:
    assert parse_record_value(IND[indicator], typed).text == written


@pytest.mark.parametrize(
    ("indicator", "typed", "key", "shown"),
    [
        ("kylla", "ehkä", "value.wrong", "kyllä, ei"),
        ("kylla", "ei sovellu", "value.not_conditional", "kyllä, ei"),
        ("luku", "1.234", "number.ambiguous", "1 234"),
        ("luku", "paljon", "value.wrong", "1 234,5"),
        ("luku", "", "value.wrong", "1 234,5"),
        ("luokat", "lapset=1 nuoret=2", "value.category_missing", "työikäiset, seniorit"),
        ("luokat", "lapset=1 lapset=2 nuoret=2 työikäiset=0 seniorit=1", "value.category_twice", "lapset"),
        (
            "luokat",
            "lapset=1 aikuiset=2 nuoret=2 työikäiset=0 seniorit=1",
            "value.unknown_category",
            "aikuiset",
        ),
        ("luokat", "lapset=paljon nuoret=2 työikäiset=0 seniorit=1", "value.category_number", "paljon"),
        ("luokat", "12", "value.categories_expected", "lapset: 1"),
        ("maaraaika", "31.2.2024", "date.nonexistent", "31.2.2024"),
        ("maaraaika", "pian", "value.wrong", "15.11.2024"),
        ("laadullinen", "   ", "value.empty", "vapaa teksti"),
        ("laadullinen", "a\x00b", "value.forbidden_char", "U+0000"),
    ],
)
def test_misfits_are_refused_with_what_would_fit(indicator: str, typed: str, key: str, shown: str) -> None:
    with pytest.raises(RecordValueError) as refused:
        parse_record_value(IND[indicator], typed)
    assert refused.value.key == key
    assert shown in refused.value.describe("fi")
    assert refused.value.describe("en")


def test_not_applicable_reads_back_as_not_applicable() -> None:
    recorded = parse_record_value(IND["ehdollinen"], "ei-sovellu")
    assert recorded.value is NOT_APPLICABLE


@pytest.mark.parametrize("indicator", list(INDICATORS))
@given(typed=st.text(max_size=60))
def test_never_crashes_and_what_it_writes_reads_back_the_same(indicator: str, typed: str) -> None:
    try:
        recorded = parse_record_value(IND[indicator], typed)
    except RecordValueError as refused:
        assert refused.describe("fi") and refused.describe("en")
        return
    assert parse_value(IND[indicator], recorded.text) == recorded.value


@given(st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-(10**9), max_value=10**9))
def test_numbers_round_trip(number: Decimal) -> None:
    typed = format(number, "f").replace(".", ",")
    recorded = parse_record_value(IND["luku"], typed)
    assert recorded.value == number
    assert parse_value(IND["luku"], recorded.text) == number


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_dates_round_trip(day: date) -> None:
    assert parse_record_value(IND["maaraaika"], day.isoformat()).value == day


@given(
    st.lists(st.integers(min_value=0, max_value=10**6), min_size=4, max_size=4),
    st.sampled_from(["=", ": ", " = "]),
    st.sampled_from([" ", ", ", ";"]),
)
def test_categories_round_trip(counts: list[int], equals: str, separator: str) -> None:
    names = ["lapset", "nuoret", "työikäiset", "seniorit"]
    typed = separator.join(f"{n}{equals}{c}" for n, c in zip(names, counts, strict=True))
    recorded = parse_record_value(IND["luokat"], typed)
    assert recorded.value == {n: Decimal(c) for n, c in zip(names, counts, strict=True)}
