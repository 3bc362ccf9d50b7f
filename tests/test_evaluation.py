"""Status evaluation: every rule of docs/arviointi.md, with its boundaries."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter

from tavoitteet.core.evaluation import (
    Counts,
    Status,
    Trend,
    decide,
    evaluate_file,
    evaluate_indicator,
    evaluate_year,
    meets_target,
    year_over,
)
from tavoitteet.core.model import GoalFile, GoalRule, Indicator, Target

INDICATOR: TypeAdapter[Indicator] = TypeAdapter(Indicator)
IN_YEAR = date(2024, 6, 30)
AFTER_YEAR = date(2025, 1, 15)

M, P, N, K, A, NA, R = (
    Status.MET,
    Status.PARTLY,
    Status.NOT_MET,
    Status.IN_PROGRESS,
    Status.NOT_ASSESSED,
    Status.NOT_APPLICABLE,
    Status.REPORTED,
)


def indicator(kind: str, *values: Any, **fields: Any) -> Indicator:
    """An indicator of ``kind`` whose entries have ``values`` dated in turn 1.2., 1.3., ... 2024."""
    entries = [{"pvm": f"1.{month}.2024", "arvo": value} for month, value in enumerate(values, start=2)]
    data = {"id": "m", "tavoitetaso": "kuten kirjoitettu", "tyyppi": kind, "toteuma": entries, **fields}
    return INDICATOR.validate_python(data)


def status(ind: Indicator, as_of: date = AFTER_YEAR, lookup: Any = None) -> Status:
    if lookup is None:
        return evaluate_indicator(ind, 2024, as_of).status
    return evaluate_indicator(ind, 2024, as_of, lookup).status


def number(*values: str, **target: str) -> Indicator:
    return indicator("luku", *values, tavoite=target)


# --- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "value", "expected"),
    [
        ({"vähintään": "300"}, "300", M),  # exactly at the minimum
        ({"vähintään": "300"}, "299", N),  # one below
        ({"vähintään": "300"}, "299,9", N),
        ({"yli": "300"}, "300", N),  # yli at the bound
        ({"yli": "300"}, "300,1", M),
        ({"enintään": "5"}, "5", M),
        ({"enintään": "5"}, "6", N),
        ({"alle": "5"}, "5", N),
        ({"alle": "5"}, "4", M),
        ({"tasan": "3"}, "3", M),
        ({"tasan": "3"}, "3,0", M),
        ({"tasan": "3"}, "2", N),
        ({"vähintään": "5", "enintään": "8"}, "5", M),  # range, both ends inclusive
        ({"vähintään": "5", "enintään": "8"}, "8", M),
        ({"vähintään": "5", "enintään": "8"}, "4", N),
        ({"vähintään": "5", "enintään": "8"}, "9", N),
        ({"yli": "5", "alle": "8"}, "5", N),  # exclusive ends
        ({"yli": "5", "alle": "8"}, "8", N),
        ({"yli": "5", "alle": "8"}, "6", M),
        ({"vähintään": "5", "enintään": "5"}, "5", M),  # degenerate range: one value
        ({"vähintään": "1 234,5"}, "1 234,5", M),
    ],
)
def test_number_targets_compare_as_written(target: dict[str, str], value: str, expected: Status) -> None:
    assert status(number(value, **target)) is expected


def test_an_empty_range_is_refused_by_the_file_format() -> None:
    with pytest.raises(ValueError, match="target_empty_range"):
        Target.model_validate({"yli": "5", "alle": "5"})


def test_the_latest_entry_decides() -> None:
    assert status(number("100", "400", vähintään="300")) is M
    assert status(number("400", "100", vähintään="300")) is N


@given(
    bound=st.decimals(min_value=-(10**6), max_value=10**6, places=2),
    value=st.decimals(min_value=-(10**6), max_value=10**6, places=2),
)
def test_each_comparison_is_the_operator_it_names(bound: Decimal, value: Decimal) -> None:
    assert meets_target(Target.model_validate({"vähintään": bound}), value) is (value >= bound)
    assert meets_target(Target.model_validate({"yli": bound}), value) is (value > bound)
    assert meets_target(Target.model_validate({"enintään": bound}), value) is (value <= bound)
    assert meets_target(Target.model_validate({"alle": bound}), value) is (value < bound)
    assert meets_target(Target.model_validate({"tasan": bound}), value) is (value == bound)


@given(
    low=st.decimals(min_value=-1000, max_value=1000, places=1),
    width=st.decimals(min_value=0, max_value=1000, places=1),
    value=st.decimals(min_value=-3000, max_value=3000, places=1),
)
def test_an_inclusive_range_holds_exactly_its_values(low: Decimal, width: Decimal, value: Decimal) -> None:
    target = Target.model_validate({"vähintään": low, "enintään": low + width})
    assert meets_target(target, value) is (low <= value <= low + width)


# --- yes/no, per category -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected_answer", "as_of", "expected"),
    [
        ("kyllä", "kyllä", AFTER_YEAR, M),
        ("ei", "kyllä", AFTER_YEAR, N),
        ("ei", "kyllä", IN_YEAR, K),  # not yet met during the year is kesken
        ("ei", "ei", AFTER_YEAR, M),
        ("kyllä", "kyllä", IN_YEAR, M),
    ],
)
def test_yes_no(value: str, expected_answer: str, as_of: date, expected: Status) -> None:
    assert status(indicator("kyllä/ei", value, tavoite=expected_answer), as_of) is expected


def categories(*values: dict[str, str]) -> Indicator:
    return indicator(
        "luokittain", *values, luokat=["lapset", "nuoret", "seniorit"], tavoite={"vähintään": "1"}
    )


@pytest.mark.parametrize(
    ("values", "as_of", "expected"),
    [
        ([{"lapset": "1", "nuoret": "2", "seniorit": "1"}], AFTER_YEAR, M),
        ([{"lapset": "1", "nuoret": "0", "seniorit": "1"}], AFTER_YEAR, P),
        ([{"lapset": "0", "nuoret": "0", "seniorit": "0"}], AFTER_YEAR, N),
        ([{"lapset": "1", "nuoret": "1"}], AFTER_YEAR, P),  # a category not reported counts as not met
        ([{"lapset": "1", "nuoret": "1"}], IN_YEAR, K),  # ... and as kesken during the year
        ([{"lapset": "1"}, {"nuoret": "1"}, {"seniorit": "2"}], AFTER_YEAR, M),  # latest per category
        ([{"lapset": "1"}, {"lapset": "0"}], AFTER_YEAR, N),
    ],
)
def test_per_category(values: list[dict[str, str]], as_of: date, expected: Status) -> None:
    assert status(categories(*values), as_of) is expected


def test_per_category_names_the_missing_categories() -> None:
    result = evaluate_indicator(categories({"lapset": "1"}), 2024, AFTER_YEAR)
    assert result.why.args["missing"] == ["nuoret", "seniorit"]
    assert result.why.args["met"] == 1


# --- trend --------------------------------------------------------------------------------------


def trend(
    value: str, baseline: str | None = "100", direction: str = "kasvu", percent: str | None = None
) -> Indicator:
    fields: dict[str, Any] = {"suunta": direction, "vertailuvuosi": "2023"}
    if baseline is not None:
        fields["vertailuarvo"] = baseline
    if percent is not None:
        fields["muutos_vähintään_prosenttia"] = percent
    return indicator("kehitys", value, **fields)


@pytest.mark.parametrize(
    ("value", "direction", "percent", "expected"),
    [
        ("101", "kasvu", None, M),  # any increase
        ("100", "kasvu", None, N),  # equal values are not growth
        ("100", "lasku", None, N),
        ("99", "kasvu", None, N),
        ("99", "lasku", None, M),
        ("105", "kasvu", "5", M),  # exactly the stated percentage
        ("104,9", "kasvu", "5", N),  # just below it
        ("95", "lasku", "5", M),
        ("95,1", "lasku", "5", N),
    ],
)
def test_trend(value: str, direction: str, percent: str | None, expected: Status) -> None:
    assert status(trend(value, direction=direction, percent=percent)) is expected


def test_trend_reports_baseline_and_change() -> None:
    result = evaluate_indicator(trend("110", percent="5"), 2024, AFTER_YEAR)
    assert result.trend == Trend(Decimal(100), "vertailuarvo", Decimal(10), Decimal(10))


def test_trend_baseline_comes_from_the_earlier_year_when_not_written() -> None:
    seen: list[str] = []

    def lookup(ind: Any, owner: Any = None) -> Decimal:
        seen.append(ind.id)
        return Decimal(50)

    result = evaluate_indicator(trend("60", baseline=None), 2024, AFTER_YEAR, lookup)
    assert (result.status, seen) == (M, ["m"])
    assert result.trend is not None and result.trend.source == "edellinen vuosi"


def test_trend_without_any_baseline_cannot_be_judged() -> None:
    assert status(trend("60", baseline=None)) is A
    assert status(trend("60", baseline=None), IN_YEAR) is K
    assert evaluate_indicator(trend("60", baseline=None), 2024, AFTER_YEAR).why.code == "no_baseline"


def test_growth_from_a_zero_baseline_is_growth_of_any_percentage() -> None:
    assert status(trend("1", baseline="0", percent="50")) is M
    assert status(trend("0", baseline="0", percent="50")) is N


@given(
    baseline=st.decimals(min_value=1, max_value=10**6, places=2),
    percent=st.decimals(min_value=0, max_value=200, places=1),
)
def test_growth_by_exactly_the_percentage_is_met_and_a_cent_less_is_not(
    baseline: Decimal, percent: Decimal
) -> None:
    exact = baseline + baseline * percent / 100
    assert status(trend(fi(exact), baseline=fi(baseline), percent=fi(percent))) is (
        M if exact != baseline else N
    )
    below = exact - Decimal("0.0001")
    if below > baseline:
        assert status(trend(fi(below), baseline=fi(baseline), percent=fi(percent))) is N


def fi(number: Decimal) -> str:
    """A number as a Finnish official writes it: decimal comma."""
    return f"{number:f}".replace(".", ",")


# --- deadline -----------------------------------------------------------------------------------


def deadline(*values: str) -> Indicator:
    return indicator("määräaika", *values, määräpäivä="31.5.2024")


@pytest.mark.parametrize(
    ("values", "as_of", "expected"),
    [
        (("31.5.2024",), AFTER_YEAR, M),  # done on the day itself
        (("1.6.2024",), AFTER_YEAR, N),  # a day late
        (("1.6.2024",), IN_YEAR, N),  # late is final even during the year
        (("ei",), date(2024, 5, 31), K),  # not done, deadline is today
        (("ei",), date(2024, 6, 1), N),  # not done, deadline passed
        ((), date(2024, 5, 31), K),
        ((), AFTER_YEAR, A),
    ],
)
def test_deadline(values: tuple[str, ...], as_of: date, expected: Status) -> None:
    assert status(deadline(*values), as_of) is expected


# --- year end, missing values, conditions, tracked, qualitative, manual ------------------------


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2024, 12, 30), False),
        (date(2024, 12, 31), True),
        (date(2025, 1, 1), True),
        (date(2023, 12, 31), False),
    ],
)
def test_the_year_is_over_on_its_last_day(as_of: date, expected: bool) -> None:
    assert year_over(2024, as_of) is expected


@pytest.mark.parametrize(
    ("as_of", "expected"), [(date(2024, 12, 30), K), (date(2024, 12, 31), A), (date(2025, 1, 1), A)]
)
def test_without_entries_kesken_until_the_year_ends_then_ei_arvioitu(as_of: date, expected: Status) -> None:
    assert status(number(vähintään="1"), as_of) is expected


def test_not_met_the_day_before_the_last_is_kesken_and_on_the_last_day_ei_toteutunut() -> None:
    ind = number("0", vähintään="1")
    assert (status(ind, date(2024, 12, 30)), status(ind, date(2024, 12, 31))) == (K, N)


def test_entries_after_as_of_are_not_seen() -> None:
    ind = number("400", vähintään="300")  # dated 1.2.2024
    assert status(ind, date(2024, 1, 31)) is K
    assert evaluate_indicator(ind, 2024, date(2024, 1, 31)).latest is None


def test_a_missing_value_is_kesken_during_the_year_and_ei_arvioitu_after() -> None:
    ind = INDICATOR.validate_python(
        {
            "id": "m",
            "tavoitetaso": "x",
            "tyyppi": "luku",
            "tavoite": {"vähintään": "1"},
            "toteuma": [{"pvm": "1.2.2024", "arvo": "5"}, {"pvm": "1.3.2024", "puuttuu": "ei tietoa"}],
        }
    )
    assert (status(ind, IN_YEAR), status(ind, AFTER_YEAR)) == (K, A)
    assert evaluate_indicator(ind, 2024, AFTER_YEAR).why.args == {"reason": "ei tietoa"}


def test_a_condition_that_does_not_hold_is_ei_sovellu() -> None:
    ind = indicator("kyllä/ei", "ei sovellu", ehto="jos päätös tehdään")
    assert status(ind) is NA
    assert status(ind, IN_YEAR) is NA


def test_a_tracked_count_is_reported_never_judged() -> None:
    assert status(indicator("seuranta", "12")) is R
    assert status(indicator("seuranta", "0"), IN_YEAR) is R
    assert status(indicator("seuranta")) is A


def test_a_qualitative_assessment_needs_a_level_set_by_hand() -> None:
    assert status(indicator("laadullinen", "Hyvin meni")) is A
    manual = {"taso": "toteutunut", "perustelu": "Arvioitu kokouksessa"}
    assert status(indicator("laadullinen", "Hyvin meni", toteutumistaso=manual)) is M


def test_a_manual_level_overrides_and_is_flagged_with_its_reason() -> None:
    manual = {"taso": "osittain toteutunut", "perustelu": "Vain osa kunnista", "pvm": "1.11.2024"}
    result = evaluate_indicator(
        indicator("luku", "400", tavoite={"vähintään": "300"}, toteutumistaso=manual), 2024, AFTER_YEAR
    )
    assert (result.status, result.computed, result.is_manual) == (P, M, True)
    assert result.why.code == "manual" and result.why.args["reason"] == "Vain osa kunnista"


def test_a_manual_level_dated_after_as_of_is_not_yet_in_force() -> None:
    manual = {"taso": "ei toteutunut", "perustelu": "x", "pvm": "1.11.2024"}
    result = evaluate_indicator(
        indicator("luku", "400", tavoite={"vähintään": "300"}, toteutumistaso=manual), 2024, IN_YEAR
    )
    assert (result.status, result.is_manual) == (M, False)


# --- aggregation --------------------------------------------------------------------------------

ALL = GoalRule.model_validate({"tapa": "kaikki"})
WEAKEST = GoalRule.model_validate({"tapa": "heikoin"})
HALF = GoalRule.model_validate({"tapa": "osuus", "osuus_prosenttia": "50"})


@pytest.mark.parametrize(
    ("statuses", "rule", "expected"),
    [
        ([M, M], ALL, M),
        ([M, N], ALL, P),
        ([N, N], ALL, N),
        ([P, N], ALL, P),
        ([M, NA], ALL, M),  # not applicable indicators are left out
        ([M, R], ALL, M),  # so are reported counts
        ([NA, NA], ALL, NA),
        ([R, NA], ALL, R),
        ([M, K], ALL, K),  # kesken while none failed
        ([K, K], ALL, K),
        ([M, K, N], ALL, P),  # a failure decides even while others run
        ([K, N], ALL, K),
        ([M, A], ALL, A),  # nothing recorded for one: cannot be judged
        ([A, N], ALL, N),
        ([M, N], WEAKEST, N),
        ([M, P, K], WEAKEST, P),
        ([M, K], WEAKEST, K),
        ([M, A, K], WEAKEST, A),
        ([M, M], WEAKEST, M),
        ([M, N], HALF, M),  # exactly the share
        ([M, N, N], HALF, P),  # one below
        ([N, N, N, M, K], HALF, P),
        ([M, K, N], HALF, K),  # the running one could still reach the share
        ([K, K, N], HALF, K),
        ([N, A, A], HALF, A),
        ([N, N], HALF, N),
    ],
)
def test_goal_rules(statuses: list[Status], rule: GoalRule, expected: Status) -> None:
    assert decide(statuses, rule)[0] is expected


@given(st.lists(st.sampled_from(list(Status)), min_size=1, max_size=12))
def test_all_met_is_met_under_every_rule_and_only_then_under_kaikki(statuses: list[Status]) -> None:
    judged = [s for s in statuses if s not in (NA, R)]
    for rule in (ALL, WEAKEST, HALF):
        if judged and all(s is M for s in judged):
            assert decide(statuses, rule)[0] is M
    if decide(statuses, ALL)[0] is M:
        assert judged and all(s is M for s in judged)


@given(
    met=st.integers(0, 20),
    others=st.integers(0, 20),
    share=st.integers(1, 100),
)
def test_share_rule_is_met_exactly_when_the_share_is_reached(met: int, others: int, share: int) -> None:
    if met + others == 0:
        return
    rule = GoalRule.model_validate({"tapa": "osuus", "osuus_prosenttia": str(share)})
    reached = met * 100 >= share * (met + others)
    assert (decide([M] * met + [N] * others, rule)[0] is M) is reached


GOAL_FILE = """
muoto: 1
vuosi: 2024
lautakunta: Testilautakunta
arviointisääntö: {tapa: heikoin}
tehtäväalueet:
  - id: alue
    nimi: Alue
    tavoitteet:
      - id: t1
        otsikko: Yksi
        arviointisääntö: {tapa: kaikki}
        mittarit:
          - {id: a, tavoitetaso: x, tyyppi: kyllä/ei, toteuma: [{pvm: 1.2.2024, arvo: kyllä}]}
          - {id: b, tavoitetaso: x, tyyppi: kyllä/ei, toteuma: [{pvm: 1.2.2024, arvo: ei}]}
        teot:
          - id: teko
            kuvaus: Teko
            mittarit:
              - {id: c, tavoitetaso: x, tyyppi: seuranta, toteuma: [{pvm: 1.2.2024, arvo: "3"}]}
      - id: t2
        otsikko: Kaksi
        mittarit:
          - {id: d, tavoitetaso: x, tyyppi: kyllä/ei, toteuma: [{pvm: 1.2.2024, arvo: kyllä}]}
          - {id: e, tavoitetaso: x, tyyppi: kyllä/ei}
"""


def goal_file() -> GoalFile:
    import yaml

    return GoalFile.model_validate(yaml.load(GOAL_FILE, Loader=yaml.BaseLoader))


def test_file_counts_goals_and_indicators_separately() -> None:
    result = evaluate_file(goal_file(), AFTER_YEAR)
    t1, t2 = result.areas[0].goals
    assert [i.indicator.id for i in t1.indicators] == ["a", "b", "c"]  # action indicators follow
    assert (t1.status, t1.rule.method) == (P, "kaikki")  # the goal's own rule
    assert (t2.status, t2.rule.method) == (A, "heikoin")  # the file default; e is ei arvioitu
    assert result.goal_counts[P] == result.goal_counts[A] == 1 and result.goal_counts.total == 2
    assert result.indicator_counts[M] == 2 and result.indicator_counts[R] == 1
    assert result.indicator_counts[A] == 1 and result.indicator_counts.total == 5
    assert result.indicator_counts.judged == 4


def test_year_sums_files() -> None:
    result = evaluate_year([goal_file(), goal_file()], 2024, IN_YEAR)
    assert result.goal_counts.total == 4 and result.indicator_counts.total == 10
    assert result.indicator_counts[K] == 4  # b and e in both files
    assert result.status is K


def test_counts_add_up() -> None:
    counts = Counts.of([M, M, NA]) + Counts.of([R])
    assert (counts[M], counts.total, counts.judged) == (2, 4, 2)
