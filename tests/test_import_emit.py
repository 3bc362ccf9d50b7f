"""The YAML writer and the ids: what is written reads back as the same data, in YAML 1.1 too."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tavoitteet.core.safetext import first_unsafe
from tavoitteet.files.yamlread import parse_bytes
from tavoitteet.importing.emit import Comment, emit, is_plain_safe
from tavoitteet.importing.ids import IdAllocator, slugify


def _read_back(text: str) -> Any:
    result = parse_bytes(text.encode("utf-8"), Path("x.yaml"))
    assert result.problems == [], result.problems
    assert result.document is not None
    return result.document.data


@pytest.mark.parametrize(
    "value",
    [
        "yes",
        "No",
        "on",
        "OFF",
        "y",
        "null",
        "~",
        "true",
        "1.0",
        "0o12",
        "012",
        "2021-01-01",
        "1:30",
        "=",
        "- a",
    ],
)
def test_words_yaml_1_1_would_misread_are_quoted(value: str) -> None:
    text = emit({"a": value})
    assert yaml.safe_load(text) == {"a": value}
    assert not is_plain_safe(value)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_any_string_reads_back_unchanged_with_pyyaml_and_our_reader(value: str) -> None:
    text = emit({"kuvaus": value, "lista": [value, {"teksti": value}]})
    expected = {"kuvaus": value, "lista": [value, {"teksti": value}]}
    assert yaml.safe_load(text) == expected
    if "\ufeff" not in value and first_unsafe(value) is None:  # the reader refuses control characters
        assert _read_back(text) == {
            "kuvaus": nfc(value),
            "lista": [nfc(value), {"teksti": nfc(value)}],
        }  # and reads letters composed (NFC)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def test_comments_sit_before_the_item_they_describe_and_long_text_is_folded() -> None:
    data = {
        "mittarit": [{Comment("TARKISTA: tyyppi"): None, "id": "a", "tavoitetaso": ("sana " * 30).strip()}],
        "tyhjä": None,
    }
    text = emit(data, ["otsikko"])
    assert text.splitlines()[:4] == ["# otsikko", "mittarit:", "  # TARKISTA: tyyppi", "  - id: a"]
    assert "tavoitetaso: >-" in text
    assert "tyhjä" not in text
    assert yaml.safe_load(text)["mittarit"][0]["tavoitetaso"] == ("sana " * 30).strip()


def test_numbers_dates_and_yes_no_are_written_the_finnish_way() -> None:
    text = emit({"a": Decimal("0.25"), "b": Decimal("5"), "c": date(2021, 12, 31), "d": True, "e": 2021})
    assert text == 'a: "0,25"\nb: 5\nc: 31.12.2021\nd: kyllä\ne: 2021\n'


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Kulttuuriparlamentin perustaminen", "kulttuuriparlamentin-perustaminen"),
        ("Ennaltaehkäisevät hyvinvointipalvelut", "ennaltaehkaisevat-hyvinvointipalvelut"),
        ("Åland & Öljy: 5-8 kokousta!", "aland-oljy-5-8-kokousta"),
        ("Crème brûlée", "creme-brulee"),
        (
            "Hyvinvointikertomustyön uudistaminen ja vaikuttavuuden vahvistaminen",
            "hyvinvointikertomustyon-uudistaminen-ja",
        ),
        ("—", ""),
    ],
)
def test_slugs_are_ascii_lowercase_and_cut_at_a_word_boundary(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_a_repeated_id_gets_a_numbered_suffix_and_ids_are_stable() -> None:
    first, second = IdAllocator(), IdAllocator()
    made = [first.make(t, "mittari") for t in ["5-8 kokousta", "5-8 kokousta", "", "5-8 kokousta"]]
    assert made == ["5-8-kokousta", "5-8-kokousta-2", "mittari", "5-8-kokousta-3"]
    assert [second.make(t, "mittari") for t in ["5-8 kokousta", "5-8 kokousta", "", "5-8 kokousta"]] == made


@given(st.lists(st.text(max_size=80), max_size=20))
def test_generated_ids_are_valid_and_unique(texts: list[str]) -> None:
    import re

    from tavoitteet.core.fields import ID_PATTERN

    allocator = IdAllocator()
    ids = [allocator.make(t, "kohta") for t in texts]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(ID_PATTERN, i) for i in ids)
