"""``tavoitteet site`` rebuilt after a change: the same files as a full build, made from the places kept of
the unchanged files, evaluating only what the change touches (issue 19)."""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitecheck import record_a_value, site_data

from conftest import invoke

AS_OF = "1.1.2025"
LANGUAGES = "fi,sv,en"
MANIFEST = ".tavoitteet-sivusto.json"


def build(data: Path, out: Path, cache: Path, *extra: str) -> dict[str, Any]:
    """Build with the caches in ``cache``; the build's own counts from the manifest."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TAVOITTEET_CACHE_DIR", str(cache))
        code, _, err = invoke(
            ["site", "-o", str(out), "--data", str(data), "--as-of", AS_OF, "--languages", LANGUAGES, *extra]
        )
    assert code == 0, err
    done: dict[str, Any] = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["viimeksi"]
    return done


def contents(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes()
        for p in site.rglob("*")
        if p.is_file() and p.name != MANIFEST
    }


def stamps(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}


def written(site: Path, before: dict[str, int]) -> list[str]:
    """The files written since ``before`` was taken (but the manifest)."""
    return [p for p, stamp in stamps(site).items() if before.get(p) != stamp and p != MANIFEST]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def change_the_baseline(data: Path) -> None:
    """2024's trend ``lainat`` takes its baseline from 2023's value, which now makes it not met."""
    edit(data / "2023" / "kulttuurilautakunta.yaml", "arvo: 1 000", "arvo: 2 000")


def only_a_comment(data: Path) -> None:
    path = data / "2024" / "kulttuurilautakunta.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# vain kommentti\n", encoding="utf-8")


def rename_a_goal(data: Path) -> None:
    edit(
        data / "2024" / "kulttuurilautakunta.yaml", "otsikko: Lainausta lisätään.", "otsikko: Lainoja lisää."
    )


def name_a_municipality(data: Path) -> None:
    """One file names its municipality: the site has several, and every address changes."""
    edit(
        data / "2021" / "hyvinvointilautakunta.yaml",
        "lautakunta: ",
        "kunta: Kemi\nlautakunta: ",
    )


def remove_the_baseline(data: Path) -> None:
    """The committee's name in 2023 no longer matches 2024's: the trend has no baseline."""
    edit(
        data / "2023" / "kulttuurilautakunta.yaml", "lautakunta: Kulttuurilautakunta", "lautakunta: Sivistys"
    )


CHANGES: dict[str, Callable[[Path], None]] = {
    "a recorded value": record_a_value,
    "the baseline of another year's trend": change_the_baseline,
    "a comment only": only_a_comment,
    "a goal's title": rename_a_goal,
    "a municipality named": name_a_municipality,
    "the baseline's committee renamed": remove_the_baseline,
}


@pytest.mark.parametrize("change", list(CHANGES), ids=list(CHANGES))
def test_a_rebuild_gives_the_same_files_as_a_full_build(tmp_path: Path, change: str) -> None:
    data = site_data(tmp_path)
    out, cache = tmp_path / "sivusto", tmp_path / "cache"
    build(data, out, cache)
    CHANGES[change](data)
    done = build(data, out, cache)
    assert done["ennallaan"] > 0  # it was a rebuild, not a full build
    fresh = tmp_path / "uusi"
    full = build(data, fresh, tmp_path / "empty-cache")
    assert full["ennallaan"] == 0 and full["arvioitu"] == full["ensin"] > 0
    rebuilt, expected = contents(out), contents(fresh)
    assert sorted(rebuilt) == sorted(expected)
    assert [p for p in expected if rebuilt[p] != expected[p]] == []


def test_repeated_changes_keep_giving_a_full_builds_files(tmp_path: Path) -> None:
    data = site_data(tmp_path)
    out, cache = tmp_path / "sivusto", tmp_path / "cache"
    build(data, out, cache)
    for change in CHANGES.values():
        change(data)
        build(data, out, cache)
    fresh = tmp_path / "uusi"
    build(data, fresh, tmp_path / "empty-cache")
    assert contents(out) == contents(fresh)


@pytest.fixture
def evaluated(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The goal files (year/committee) the site evaluates, in order: a hook on its evaluation."""
    from tavoitteet.commands import site

    names: list[str] = []
    original = site.evaluate_file

    def counting(goal_file: Any, *args: Any, **kwargs: Any) -> Any:
        names.append(f"{goal_file.year}/{goal_file.committee}")
        return original(goal_file, *args, **kwargs)

    monkeypatch.setattr(site, "evaluate_file", counting)
    return names


def test_an_unchanged_file_is_not_evaluated_again(tmp_path: Path, evaluated: list[str]) -> None:
    data = site_data(tmp_path)
    out, cache = tmp_path / "sivusto", tmp_path / "cache"
    first = build(data, out, cache)
    assert sorted(evaluated) == [
        "2021/Hyvinvointilautakunta",
        "2023/Kulttuurilautakunta",
        "2024/Hyvinvointilautakunta",
        "2024/Kulttuurilautakunta",
    ]
    assert first["arvioitu"] == first["ensin"] == 4
    evaluated.clear()

    again = build(data, out, cache)
    assert evaluated == []
    assert (again["arvioitu"], again["luettu"], again["kirjoitettu"]) == (0, 0, 0)

    record_a_value(data)  # 2021's welfare committee: its place is made again, with 2024's for its pages
    done = build(data, out, cache)
    assert evaluated == ["2021/Hyvinvointilautakunta", "2024/Hyvinvointilautakunta"]
    assert (done["ensin"], done["arvioitu"], done["luettu"]) == (1, 2, 2)


def test_a_change_to_a_baseline_year_evaluates_the_trend_that_takes_its_baseline_from_it(
    tmp_path: Path, evaluated: list[str]
) -> None:
    data = site_data(tmp_path)
    out, cache = tmp_path / "sivusto", tmp_path / "cache"
    build(data, out, cache)
    page = out / "fi" / "2024" / "kulttuurilautakunta" / "lainaus" / "lainat.html"
    before = page.read_text(encoding="utf-8")
    before_stamps = stamps(out)
    evaluated.clear()
    change_the_baseline(data)
    done = build(data, out, cache)
    # 2023's culture committee changed and 2024's takes a trend's baseline from it; the welfare
    # committee's 2024 takes baselines from 2023 too, but only from its own committee's file
    assert sorted(evaluated) == ["2023/Kulttuurilautakunta", "2024/Kulttuurilautakunta"]
    assert (done["ensin"], done["arvioitu"], done["luettu"]) == (2, 2, 2)
    assert not any("hyvinvointilautakunta" in p for p in written(out, before_stamps))
    assert page.read_text(encoding="utf-8") != before


def test_a_damaged_or_missing_cache_only_costs_time(tmp_path: Path) -> None:
    data = site_data(tmp_path)
    out, cache = tmp_path / "sivusto", tmp_path / "cache"
    build(data, out, cache)
    kept = sorted(cache.glob("site-places.pickle-*"))
    assert kept
    for path in kept:
        path.write_bytes(pickle.dumps({"code": "x", "places": {"2024/x.yaml": ("k", object)}})[:-3])
    rename_a_goal(data)
    done = build(data, out, cache)
    assert done["ensin"] == 4  # nothing usable was kept: every place made again
    fresh = tmp_path / "uusi"
    build(data, fresh, tmp_path / "empty-cache")
    assert contents(out) == contents(fresh)


def test_without_the_cache_a_rebuild_still_gives_a_full_builds_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TAVOITTEET_NO_CACHE", "1")
    data = site_data(tmp_path)
    out = tmp_path / "sivusto"
    build(data, out, tmp_path / "cache")
    change_the_baseline(data)
    done = build(data, out, tmp_path / "cache")
    assert done["ensin"] == 4 and done["ennallaan"] > 0
    assert not (tmp_path / "cache").exists()
    fresh = tmp_path / "uusi"
    build(data, fresh, tmp_path / "cache")
    assert contents(out) == contents(fresh)


def test_pages_about_every_file_are_not_made_again_when_what_they_show_did_not_change(tmp_path: Path) -> None:
    data = site_data(tmp_path)
    out, cache = tmp_path / "sivusto", tmp_path / "cache"
    build(data, out, cache)
    front = out / "fi" / "index.html"
    search = out / "tiedostot" / "haku-fi.js"
    stamps = {p: p.stat().st_mtime_ns for p in (front, search)}
    only_a_comment(data)
    build(data, out, cache)
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps
    rename_a_goal(data)  # the search index shows goals' titles; the front page does not
    build(data, out, cache)
    assert front.stat().st_mtime_ns == stamps[front]
    assert search.stat().st_mtime_ns != stamps[search]
    assert "Lainoja lisää." in search.read_text(encoding="utf-8")


def test_a_build_stopped_half_way_is_built_whole_the_next_time(tmp_path: Path) -> None:
    from tavoitteet.files import sitefiles

    data = site_data(tmp_path)
    out, cache = tmp_path / "sivusto", tmp_path / "cache"
    build(data, out, cache)
    rename_a_goal(data)
    with pytest.MonkeyPatch.context() as patch:

        def stop(folder: Path, chosen: list[Any]) -> int:
            sitefiles._render_range(folder, chosen[:3])
            raise KeyboardInterrupt

        patch.setattr(sitefiles, "_render_all", stop)
        patch.setenv("TAVOITTEET_CACHE_DIR", str(cache))
        code, _, err = invoke(
            ["site", "-o", str(out), "--data", str(data), "--as-of", AS_OF, "--languages", LANGUAGES]
        )
        assert code == 130, err  # Ctrl-C
    edit(
        data / "2024" / "kulttuurilautakunta.yaml", "otsikko: Lainoja lisää.", "otsikko: Lainausta lisätään."
    )
    done = build(data, out, cache)
    assert done["ennallaan"] == 0
    fresh = tmp_path / "uusi"
    build(data, fresh, tmp_path / "empty-cache")
    assert contents(out) == contents(fresh)


class _Marker:
    """Unpickled, it would create a file: a forged cache must never be read."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Any, tuple[str, str]]:
        return (Path.write_text, (self.path, "pwned"))  # type: ignore[return-value]


def test_a_cache_in_a_folder_others_can_write_is_never_read(tmp_path: Path) -> None:
    data = site_data(tmp_path)
    out, cache = tmp_path / "sivusto", tmp_path / "cache"
    build(data, out, cache)
    marker = tmp_path / "marker"
    for path in cache.glob("site-*.pickle-*"):
        path.write_bytes(pickle.dumps({"code": "x", "places": _Marker(marker)}))
    cache.chmod(0o777)
    try:
        rename_a_goal(data)
        done = build(data, out, cache)
    finally:
        cache.chmod(0o700)
    assert not marker.exists()
    assert done["ensin"] == 4
    fresh = tmp_path / "uusi"
    build(data, fresh, tmp_path / "empty-cache")
    assert contents(out) == contents(fresh)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(list(CHANGES)), count=st.integers(min_value=1, max_value=len(CHANGES)))
def test_any_sequence_of_changes_rebuilt_gives_a_full_builds_files(
    tmp_path_factory: pytest.TempPathFactory, order: list[str], count: int
) -> None:
    root = tmp_path_factory.mktemp("changes")
    data = site_data(root)
    out, cache = root / "sivusto", root / "cache"
    build(data, out, cache)
    for change in order[:count]:
        CHANGES[change](data)
        build(data, out, cache)
    fresh = root / "uusi"
    build(data, fresh, root / "empty-cache")
    assert contents(out) == contents(fresh)


def test_a_kept_place_reads_back_as_it_was_made(tmp_path: Path) -> None:
    from tavoitteet.files import sitefiles
    from tavoitteet.render.site.model import Place

    data = site_data(tmp_path)
    build(data, tmp_path / "sivusto", tmp_path / "cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TAVOITTEET_CACHE_DIR", str(tmp_path / "cache"))
        settings = {"kielet": LANGUAGES.split(","), "tilanne": "2025-01-01", "koodi": sitefiles._code()}
        kept = sitefiles.load_places(data, settings).entries
    assert len(kept) == 4
    for _, place in kept.values():
        assert isinstance(place, Place)
        again = pickle.loads(pickle.dumps(place))
        assert again == place and again.aspects == place.aspects
        assert [type(u).__name__ for u in again.unassessed] == ["Unassessed"] * len(place.unassessed)


def test_an_indicators_chart_is_captioned_with_the_name_its_own_page_gives_it(tmp_path: Path) -> None:
    """A series' chart is made once and shared by its pages; its caption is still each page's own.

    It was the name of whichever page was written first under the same ``id()``: after a rebuild,
    the 2023 page's Finnish ``Lainat`` on 2024's Swedish page, whose own name is ``Lån``.
    """
    import re

    data = site_data(tmp_path)
    out = tmp_path / "sivusto"
    build(data, out, tmp_path / "cache")
    change_the_baseline(data)  # a rebuild links the series again: a series' memo must not outlive it
    build(data, out, tmp_path / "cache")
    pages = [p for p in out.rglob("*.html") if 'id="sarja-t"' in p.read_text(encoding="utf-8")]
    assert len(pages) >= 2
    for page in pages:
        text = page.read_text(encoding="utf-8")
        chart = re.search(r'<title id="sarja-t">([^<]*)</title>', text)
        tables = re.findall(r'<table class="series"><caption>([^<]*)</caption>', text)
        assert chart is not None and tables == [chart.group(1)], page
