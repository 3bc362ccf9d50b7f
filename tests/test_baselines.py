"""A trend's baseline comes from the earlier year's file, by id or by the edeltäjä link."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tavoitteet.core.model import TrendIndicator
from tavoitteet.files.baselines import baseline_lookup
from tavoitteet.files.loader import load_file

EARLIER = """\
muoto: 1
vuosi: 2023
lautakunta: Testilautakunta
tehtäväalueet:
  - id: alue
    nimi: Alue
    tavoitteet:
      - id: tavoite
        otsikko: Tavoite
        mittarit:
          - id: kavijat-2023
            tavoitetaso: Kävijät
            tyyppi: seuranta
            toteuma:
              - pvm: 30.6.2023
                arvo: 100
              - pvm: 31.12.2023
                arvo: 1 234
"""
LATER = """\
muoto: 1
vuosi: 2024
lautakunta: Testilautakunta
tehtäväalueet:
  - id: alue
    nimi: Alue
    tavoitteet:
      - id: tavoite
        otsikko: Tavoite
        mittarit:
          - id: kavijat
            tavoitetaso: Kävijämäärä kasvaa
            tyyppi: kehitys
            suunta: kasvu
            vertailuvuosi: 2023
            edeltäjä: {link}
"""


def trend(tmp_path: Path, link: str) -> tuple[TrendIndicator, Path]:
    for year, text in ((2023, EARLIER), (2024, LATER.format(link=link))):
        (tmp_path / str(year)).mkdir(exist_ok=True)
        (tmp_path / str(year) / "testi.yaml").write_text(text, encoding="utf-8")
    goal_file = load_file(tmp_path / "2024" / "testi.yaml").goal_file
    assert goal_file is not None
    [indicator] = goal_file.indicators()
    assert isinstance(indicator, TrendIndicator)
    return indicator, tmp_path


def test_baseline_by_link_with_year(tmp_path: Path) -> None:
    indicator, root = trend(tmp_path, '"2023/kavijat-2023"')
    assert baseline_lookup(root)(indicator) == Decimal(1234)


def test_baseline_by_plain_link(tmp_path: Path) -> None:
    indicator, root = trend(tmp_path, "kavijat-2023")
    assert baseline_lookup(root)(indicator) == Decimal(1234)


def test_link_to_another_year_does_not_match(tmp_path: Path) -> None:
    indicator, root = trend(tmp_path, '"2022/kavijat-2023"')
    assert baseline_lookup(root)(indicator) is None
