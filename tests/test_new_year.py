"""``tavoitteet new YEAR --from EARLIER``: next year's files start from this year's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tavoitteet.core.model import TrendIndicator, YesNoIndicator
from tavoitteet.files.loader import load_file

from conftest import DATA, invoke

TREND_LINE = (
    "            # Vertailuvuotta ei ole lähteessä sanottu; tavoitevuotta edeltävä vuosi.\n"
    "            vertailuvuosi: 2023\n"
)
REALIZATION = (
    TREND_LINE + "            toteuma:\n"
    "              - pvm: 31.12.2024\n"
    "                arvo: 150\n"
    "              - pvm: 30.6.2024\n"
    "                arvo: 120\n"
)
YES_NO = '            tavoitetaso: "Suunnitelmat päivitetty: kyllä/ei"\n            tyyppi: kyllä/ei\n'
YES_NO_DONE = YES_NO + "            toteuma:\n              - pvm: 1.12.2024\n                arvo: kyllä\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the 2024 data with invented realization: a trend indicator and a yes/no one."""
    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    path = tmp_path / "data" / "2024" / "hyvinvointilautakunta.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(TREND_LINE) == 1 and text.count(YES_NO) == 1
    path.write_text(text.replace(TREND_LINE, REALIZATION).replace(YES_NO, YES_NO_DONE), encoding="utf-8")
    assert load_file(path).problems == []
    return tmp_path


def test_new_year_copies_goals_links_predecessors_and_moves_the_baseline(repo: Path) -> None:
    code, out, err = invoke(["new", "2025", "--from", "2024"], cwd=repo)
    assert (code, err) == (0, "")
    target = repo / "data" / "2025" / "hyvinvointilautakunta.yaml"
    loaded = load_file(target)
    assert loaded.problems == []
    new, old = loaded.goal_file, load_file(repo / "data" / "2024" / "hyvinvointilautakunta.yaml").goal_file
    assert new is not None and old is not None
    assert (new.year, new.decision, new.source) == (2025, None, None)
    assert [g.id for g in new.goals()] == [g.id for g in old.goals()]
    assert all(g.predecessor == f"2024/{g.id}" for g in new.goals())
    assert all(i.predecessor == f"2024/{i.id}" for i in new.indicators())
    assert all(i.entries == [] and i.manual_level is None for i in new.indicators())
    assert [i.target_text for i in new.indicators()] == [i.target_text for i in old.indicators()]
    trends = {i.id: i for i in new.indicators() if isinstance(i, TrendIndicator)}
    assert trends["hakeutuvien-palvelujen-asiakkuudet"].baseline_year == 2024
    assert trends["hakeutuvien-palvelujen-asiakkuudet"].baseline_value == 150  # the latest by date
    assert trends["liikuntaryhmien-osallistujamaara"].baseline_value is None  # nothing recorded
    assert any(isinstance(i, YesNoIndicator) for i in new.indicators())
    text = target.read_text(encoding="utf-8")
    assert "# päätös:" in text
    assert "Lähteen kommentit eivät siirtyneet." in text
    assert "Kehitysmittareita, joiden vertailuarvoksi tuli vuoden 2024 viimeisin toteuma: 1." in out
    assert "  otsikko: Toiminnalliset tavoitteet 2024 / Hyvinvointilautakunta" in out
    assert invoke(["validate", str(repo / "data")])[0] == 0


def test_new_year_refuses_to_overwrite(repo: Path) -> None:
    assert invoke(["new", "2025", "--from", "2024"], cwd=repo)[0] == 0
    target = repo / "data" / "2025" / "hyvinvointilautakunta.yaml"
    target.write_text("muokattu\n", encoding="utf-8")
    code, out, err = invoke(["new", "2025", "--from", "2024"], cwd=repo)
    assert (code, out) == (1, "")
    assert err == "tavoitteet: data/2025/hyvinvointilautakunta.yaml on jo olemassa; sitä ei korvata.\n"
    assert target.read_text(encoding="utf-8") == "muokattu\n"


def test_new_year_names_a_missing_year_or_committee(repo: Path) -> None:
    code, _, err = invoke(["new", "2025", "--from", "2023"], cwd=repo)
    assert code == 1
    assert "vuodelle 2023 ei ole tavoitetiedostoja" in err
    code, _, err = invoke(["new", "2025", "--from", "2024", "--committee", "Tekninen lautakunta"], cwd=repo)
    assert code == 1
    assert (
        "lautakuntaa Tekninen lautakunta ei löytynyt vuoden 2024 tiedostoista (hyvinvointilautakunta)" in err
    )
    code, _, _ = invoke(["new", "2025", "--from", "2024", "--committee", "Hyvinvointilautakunta"], cwd=repo)
    assert code == 0


def test_new_year_refuses_an_invalid_source_and_writes_nothing(repo: Path) -> None:
    path = repo / "data" / "2024" / "hyvinvointilautakunta.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("muoto: 1", "muoto: 1\ntuntematon: x"), encoding="utf-8"
    )
    code, _, err = invoke(["new", "2025", "--from", "2024"], cwd=repo)
    assert code == 1
    assert "ei läpäise tarkistusta" in err
    assert not (repo / "data" / "2025").exists()


def test_new_year_must_come_after_the_year_it_starts_from(repo: Path) -> None:
    code, _, err = invoke(["new", "2023", "--from", "2024"], cwd=repo)
    assert code == 2
    assert "2023" in err and "2024" in err and "myöhempi" in err
    assert not (repo / "data" / "2023").exists()
    code, _, err = invoke(["new", "2023", "--from", "2024", "--lang", "en"], cwd=repo)
    assert code == 2 and "later" in err
