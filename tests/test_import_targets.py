"""Target wordings read as typed indicators: the readings the issue requires, and the unsure ones."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tavoitteet.importing.targets import interpret

D = Decimal

CLEAR = [
    (
        "5-8 kokousta/vuonna 2021",
        {
            "tyyppi": "luku",
            "yksikkö": "kokousta",
            "tavoite": {"vähintään": D(5), "enintään": D(8)},
            "jakso": "vuosi",
        },
    ),
    (
        "Vähintään yksi tapahtuma eri ikäryhmille: lapset/nuoret/työikäiset/ seniorit",
        {
            "tyyppi": "luokittain",
            "yksikkö": "tapahtuma",
            "luokat": ["lapset", "nuoret", "työikäiset", "seniorit"],
            "tavoite": {"vähintään": D(1)},
        },
    ),
    ("Valmis vuoden 2021 loppuun mennessä.", {"tyyppi": "määräaika", "määräpäivä": date(2021, 12, 31)}),
    ("Valmis 30.6.2022 mennessä", {"tyyppi": "määräaika", "määräpäivä": date(2022, 6, 30)}),
    ("kyllä/ei", {"tyyppi": "kyllä/ei"}),
    ("Suunnitelmat päivitetty: Kyllä / ei", {"tyyppi": "kyllä/ei"}),
    (
        "Puistoruokailun toteutuminen: kyllä/ei (jos toteuttamispäätös tehdään)",
        {"tyyppi": "kyllä/ei", "ehto": "jos toteuttamispäätös tehdään"},
    ),
    (
        "Asiakasmäärä (vuositasolla vähintään 300 käyntikertaa, yksilö- ja ryhmäneuvonnoissa)",
        {"tyyppi": "luku", "yksikkö": "käyntikertaa", "tavoite": {"vähintään": D(300)}, "jakso": "vuosi"},
    ),
    ("enintään 5 %", {"tyyppi": "luku", "yksikkö": "%", "tavoite": {"enintään": D(5)}}),
    (
        "vähintään 1 200 kävijää vuodessa",
        {"tyyppi": "luku", "yksikkö": "kävijää", "tavoite": {"vähintään": D(1200)}, "jakso": "vuosi"},
    ),
]


@pytest.mark.parametrize(("wording", "fields"), CLEAR, ids=[w for w, _ in CLEAR])
def test_clear_wordings_become_typed_indicators_without_review(
    wording: str, fields: dict[str, object]
) -> None:
    reading = interpret(wording, 2021)
    assert reading.fields == fields
    assert reading.review is None


UNSURE = [
    ("Verkostoitumista tukevien toteutuneiden toimenpiteiden lukumäärä.", "seuranta", "review.no_target"),
    ("Liikuntaneuvojen määrä (3)", "seuranta", "review.amount_in_parens"),
    ("Ao. tunnusluvut kasvaneet.", "kehitys", "review.baseline_year"),
    ("Hyvä yhteistyö järjestöjen kanssa", "laadullinen", "review.unclear"),
    (
        "Vähintään yksi nuoren kartoittama ja toteutama hankintapäätös vuodena aikana/nuorisotilla.",
        "luku",
        "review.unit_unclear",
    ),
    ("5-8 kokousta/kuukausi", "luku", "review.qualifier"),
    ("", "laadullinen", "review.unclear"),
]


@pytest.mark.parametrize(("wording", "kind", "reason"), UNSURE, ids=[w or "empty" for w, _, _ in UNSURE])
def test_unsure_wordings_get_the_safest_kind_and_a_reason(wording: str, kind: str, reason: str) -> None:
    reading = interpret(wording, 2021)
    assert reading.fields["tyyppi"] == kind
    assert reading.review == reason


def test_a_trend_without_a_stated_baseline_assumes_the_previous_year() -> None:
    reading = interpret("Kävijämäärä kasvaa", 2024)
    assert reading.fields == {"tyyppi": "kehitys", "suunta": "kasvu", "vertailuvuosi": 2023}


def test_a_reversed_range_is_not_read_as_a_range() -> None:
    assert interpret("8-5 kokousta", 2021).fields["tyyppi"] != "luku"
