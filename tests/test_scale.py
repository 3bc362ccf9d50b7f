"""National scale: the shortcuts that keep large views linear give what the ordinary path gives.

A trend's baseline read from an earlier year with many files, the earlier year of the HTML report
compared one file at a time, a view without filters, a view printed a committee at a time and the
listing of year folders: each is compared with the long way of doing the same.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console, Group

from tavoitteet import errors
from tavoitteet.commands import report, terminal, viewing
from tavoitteet.core import evaluation
from tavoitteet.core.compare import Comparison, committee_name, compare_files, compare_years
from tavoitteet.core.evaluation import Counts, Status, YearResult, decide, identity
from tavoitteet.core.model import GoalRule, TrendIndicator
from tavoitteet.files import baselines, discovery
from tavoitteet.files.baselines import baseline_lookup, find_baseline
from tavoitteet.files.loader import load_file, load_goal_file
from tavoitteet.render import report_html, styled
from tavoitteet.render.status import Depth, status_view

from conftest import DATA, FIXTURES, corpus_generator, invoke

DAY = date(2024, 12, 31)


def goal_file_text(
    year: int, committee: str, kunta: str | None, indicators: list[tuple[str, str | None]]
) -> str:
    """A goal file of one area and goal with trend indicators ``(id, latest value or None)``."""
    lines = ["muoto: 1", f"vuosi: {year}", f"lautakunta: {committee}"]
    if kunta is not None:
        lines.append(f"kunta: {kunta}")
    lines += [
        "tehtäväalueet:",
        "  - id: alue",
        "    nimi: Alue",
        "    tavoitteet:",
        "      - id: tavoite",
        "        otsikko: Tavoite",
        "        mittarit:",
    ]
    for ident, value in indicators:
        lines += [
            f"          - id: {ident}",
            f"            tavoitetaso: Mittari {ident}",
            "            tyyppi: kehitys",
            "            suunta: kasvu",
            f"            vertailuvuosi: {year - 1}",
        ]
        if value is not None:
            lines += [
                "            toteuma:",
                f"              - pvm: 31.12.{year}",
                f'                arvo: "{value}"',
            ]
    return "\n".join(lines) + "\n"


def later_indicator(tmp_path: Path, ident: str, link: str | None = None) -> TrendIndicator:
    text = goal_file_text(2024, "Myöhempi", None, [(ident, None)])
    if link is not None:
        text += f"            edeltäjä: {link}\n"
    path = tmp_path / "later.yaml"
    path.write_text(text, encoding="utf-8")
    goal_file = load_file(path).goal_file
    assert goal_file is not None
    [indicator] = goal_file.indicators()
    assert isinstance(indicator, TrendIndicator)
    return indicator


COMMITTEES = ("Hyvinvointilautakunta", "Sivistyslautakunta", "Tekninen lautakunta")
TOWNS = (None, "Alaharju", "Kemi")


def many_earlier_files(root: Path, count: int) -> None:
    """``count`` files of 2023: every committee of every town, the same ids everywhere, a broken file."""
    folder = root / "2023"
    folder.mkdir(parents=True)
    for n in range(count):
        committee, kunta = COMMITTEES[n % 3], TOWNS[(n // 3) % 3]
        indicators = [("kavijat", str(100 + n)), ("lainat", None if n % 2 else str(n)), ("vanha", str(7 * n))]
        text = goal_file_text(2023, committee, kunta, indicators)
        (folder / f"{n:03d}-{committee.split()[0].lower()}.yaml").write_text(text, encoding="utf-8")
    (folder / "000-rikki.yaml").write_text("muoto: 1\nvuosi: [\n", encoding="utf-8")


def test_a_baseline_in_a_year_of_many_files_is_found_in_its_committees_file(tmp_path: Path) -> None:
    many_earlier_files(tmp_path / "data", 60)
    indicator = later_indicator(tmp_path, "kavijat")
    lookup = baseline_lookup(tmp_path / "data")
    # the first file of each town's committee in the folder's order gives its baseline
    assert lookup(indicator, ("", "hyvinvointilautakunta")) == Decimal(100)
    assert lookup(indicator, ("kemi", "tekninen lautakunta")) == Decimal(100 + 2 + 6)
    assert lookup(indicator, ("alaharju", "sivistyslautakunta")) == Decimal(100 + 1 + 3)
    assert lookup(indicator, ("oulu", "hyvinvointilautakunta")) is None  # another town's never counts
    assert lookup(indicator) == Decimal(100)  # owner unknown: the first file that has it


def test_the_baseline_index_reads_only_as_far_as_the_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    many_earlier_files(tmp_path / "data", 60)
    read: list[Path] = []

    def counting(path: Path) -> object:
        read.append(path)
        return load_goal_file(path)

    monkeypatch.setattr(baselines, "load_goal_file", counting)
    indicator = later_indicator(tmp_path, "kavijat")
    lookup = baseline_lookup(tmp_path / "data")
    assert lookup(indicator, ("", "sivistyslautakunta")) == Decimal(101)
    assert [p.name for p in read] == [
        "000-hyvinvointilautakunta.yaml",
        "000-rikki.yaml",
        "001-sivistyslautakunta.yaml",
    ]
    assert lookup(indicator, ("", "hyvinvointilautakunta")) == Decimal(100)
    assert len(read) == 3  # already read: answered from the index
    assert lookup(indicator, ("oulu", "x")) is None
    assert len(read) == 61  # no answer: every file read, each once
    assert lookup(indicator, ("oulu", "y")) is None
    assert len(read) == 61


def test_a_year_without_lookups_is_not_even_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    listed: list[Path] = []
    monkeypatch.setattr(baselines, "year_files", lambda root: listed.append(root) or {})
    baseline_lookup(tmp_path)
    assert listed == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    files=st.lists(
        st.tuples(
            st.integers(0, 2),
            st.integers(0, 2),
            st.lists(
                st.tuples(st.sampled_from(["a", "b", "c"]), st.none() | st.integers(0, 99).map(str)),
                min_size=2,
                max_size=4,
            ),
        ),
        min_size=1,
        max_size=8,
    ),
    wanted=st.sampled_from(["a", "b", "c"]),
    link=st.none() | st.sampled_from(["a", "b", "2023/c", "2022/a"]),
    owners=st.lists(st.none() | st.tuples(st.integers(0, 2), st.integers(0, 2)), min_size=1, max_size=4),
)
def test_the_index_answers_as_every_file_loaded_would(
    tmp_path_factory: pytest.TempPathFactory,
    files: list[tuple[int, int, list[tuple[str, str | None]]]],
    wanted: str,
    link: str | None,
    owners: list[tuple[int, int] | None],
) -> None:
    root = tmp_path_factory.mktemp("index")
    (root / "2023").mkdir()
    for n, (committee, town, indicators) in enumerate(files):
        text = goal_file_text(2023, COMMITTEES[committee], TOWNS[town], indicators)  # duplicate ids too
        (root / "2023" / f"{n}.yaml").write_text(text, encoding="utf-8")
    indicator = later_indicator(root, wanted, link)
    everything = [load_file(path).goal_file for path in sorted((root / "2023").iterdir())]
    loaded = [goal_file for goal_file in everything if goal_file is not None]
    lookup = baseline_lookup(root)
    for owner in owners:
        identity = (
            None if owner is None else ((TOWNS[owner[1]] or "").casefold(), COMMITTEES[owner[0]].casefold())
        )
        assert lookup(indicator, identity) == find_baseline(indicator, loaded, identity)


def test_a_goal_file_without_its_checks_is_the_same_model() -> None:
    paths = [
        *sorted(DATA.rglob("*.yaml")),
        *sorted(FIXTURES.rglob("*.yaml")),
        *sorted((DATA.parent / "examples").rglob("*.yaml")),
    ]
    assert len(paths) > 20
    for path in paths:
        assert load_goal_file(path) == load_file(path).goal_file, path


def test_the_status_of_baselines_from_a_large_earlier_year_is_the_ordinary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "data"
    many_earlier_files(root, 45)
    (root / "2024").mkdir()
    for n in range(9):
        committee, kunta = COMMITTEES[n % 3], TOWNS[(n // 3) % 3]
        text = goal_file_text(
            2024, committee, kunta, [("kavijat", str(200 + n)), ("lainat", "5"), ("uusi", "1")]
        )
        (root / "2024" / f"{n}.yaml").write_text(text, encoding="utf-8")
    data = viewing.load_year(root, 2024, DAY, "fi")
    ordinary = _ordinary_lookup(root)
    from tavoitteet.core.evaluation import evaluate_year

    assert viewing.evaluate(data, DAY) == evaluate_year(list(data.files), 2024, DAY, ordinary)
    monkeypatch.setenv("TAVOITTEET_NO_CACHE", "1")
    code, out, _ = invoke(["status", "2024", "--data", str(root), "--as-of", "31.12.2024"])
    assert code == 0
    assert "+100" in out  # 200 against the first Hyvinvointilautakunta's 100


def _ordinary_lookup(root: Path) -> baselines.BaselineLookup:
    """The lookup as it was: every file of the baseline year loaded, then searched."""
    years = discovery.year_files(root)
    loaded: dict[int, list[object]] = {}

    def lookup(indicator: TrendIndicator, owner: object = None) -> Decimal | None:
        year = indicator.baseline_year
        if year not in loaded:
            loaded[year] = [
                r.goal_file for r in map(load_file, years.get(year, [])) if r.goal_file is not None
            ]
        return find_baseline(indicator, loaded[year], owner)  # type: ignore[arg-type]

    return lookup  # type: ignore[return-value]


@pytest.fixture(scope="module")
def towns(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated files of 2023 and 2024, a committee or two of them with a town of their own."""
    folder = tmp_path_factory.mktemp("towns")
    corpus_generator().generate(folder, 640, seed=3)
    for year in (2023, 2024):
        for n, path in enumerate(sorted((folder / "data" / str(year)).glob("*.yaml"))):
            if n % 3:  # the same file name has the same town in both years
                text = path.read_text(encoding="utf-8")
                path.write_text(
                    text.replace("\nvuosi:", f"\nkunta: Kunta {n % 17}\nvuosi:", 1), encoding="utf-8"
                )
    for year in range(2015, 2023):
        shutil.rmtree(folder / "data" / str(year), ignore_errors=True)
    return folder / "data"


@pytest.mark.parametrize("assessor", [None, "tarkastuslautakunta"])
def test_a_view_without_filters_is_the_filtered_view_of_everything(towns: Path, assessor: str | None) -> None:
    for root, year in ((towns, 2024), (DATA, 2024), (DATA, 2021), (FIXTURES / "report" / "data", 2024)):
        data = viewing.load_year(root, year, DAY, "fi")
        result = viewing.evaluate(data, DAY, assessor)
        filters = viewing.Filters(assessor=assessor)
        assert viewing.unfiltered(filters)
        assert viewing.apply_filters(result, filters, "fi") == viewing.select(result, filters, "fi")
    assert not viewing.unfiltered(viewing.Filters(committee="x"))
    assert not viewing.unfiltered(viewing.Filters(status=("kesken",)))


def test_the_earlier_year_compared_a_file_at_a_time_is_the_whole_years_comparison(towns: Path) -> None:
    for root in (towns, FIXTURES / "report" / "data"):
        later = viewing.load_year(root, 2024, DAY, "fi")
        result = viewing.apply_filters(viewing.evaluate(later, DAY), viewing.Filters(), "fi")
        earlier = viewing.load_year(root, 2023, DAY, "fi")
        whole = _whole_comparison(viewing.evaluate(earlier, DAY), result)
        owners = {identity(goal_file) for goal_file in earlier.files}
        assert root != towns or len(owners) < len(earlier.files)  # committees twice: the last one counts
        assert compare_years(viewing.evaluate(earlier, DAY), result) == whole
        assert report.earlier_comparison(later, result, DAY, "fi") == [whole]
        by_name = report_html._comparisons_by_name([whole])
        for file_result in result.files:
            found = by_name.get(file_result.goal_file.committee.strip().casefold())
            assert found == report_html._comparison_for(file_result, [whole])


def _whole_comparison(a: YearResult, b: YearResult) -> Comparison:
    """The comparison as it was made of two whole years (of the same committee, the last file)."""
    earlier = {identity(f.goal_file): f for f in a.files}
    later = {identity(f.goal_file): f for f in b.files}
    both = [compare_files(earlier[k], later[k]) for k in later if k in earlier]
    only_a = tuple(committee_name(f) for k, f in earlier.items() if k not in later)
    only_b = tuple(committee_name(f) for k, f in later.items() if k not in earlier)
    return Comparison(a.year, b.year, tuple(both), only_a, only_b)


def test_a_broken_earlier_file_leaves_the_comparison_out_with_its_problems(
    towns: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "data"
    shutil.copytree(towns, root)
    broken = sorted((root / "2023").iterdir())[5]
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("vuosi: 2023", "vuosi: [", 1), encoding="utf-8"
    )
    later = viewing.load_year(root, 2024, DAY, "fi")
    result = viewing.evaluate(later, DAY)
    with pytest.raises(errors.UserError) as whole:
        viewing.load_year(root, 2023, DAY, "fi")
    expected = capsys.readouterr().err + whole.value.message.rstrip("\n") + "\n"
    assert report.earlier_comparison(later, result, DAY, "fi") == []
    assert capsys.readouterr().err == expected
    assert broken.name in expected


def test_the_html_report_written_in_pieces_is_the_whole_text(towns: Path) -> None:
    later = viewing.load_year(towns, 2024, DAY, "fi")
    result = viewing.evaluate(later, DAY)
    comparisons = report.earlier_comparison(later, result, DAY, "fi")
    payload = report.render(report.ReportFormat.HTML, result, "fi", None, viewing.Filters(), comparisons)  # type: ignore[arg-type]
    assert payload == report_html.render_html(result, "fi", comparisons).encode("utf-8")
    assert payload.count(b'<section class="committee"') == len(result.files)


def _whole(console: Console, renderables: list[object]) -> str:
    """The text of printing every renderable at once, as the view was printed before."""
    with console.capture() as capture:
        console.print(Group(*renderables))  # type: ignore[arg-type]
    return capture.get()


@pytest.mark.parametrize("width", [38, 80, 150])
@pytest.mark.parametrize("colour", [False, True])
@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_a_view_printed_a_committee_at_a_time_is_the_same_text(
    towns: Path, width: int, colour: bool, encoding: str
) -> None:
    result = viewing.evaluate(viewing.load_year(towns, 2024, DAY, "fi"), DAY)
    single = viewing.evaluate(viewing.load_year(DATA, 2024, DAY, "fi"), DAY)
    for year, depth in ((result, Depth.INDICATOR), (single, Depth.INDICATOR), (result, Depth.GOAL)):
        items = status_view(year, "fi", depth)
        renderables = [terminal._to_rich(item) for item in items]
        console = Console(
            file=terminal.EncodedText(encoding),
            width=width,
            force_terminal=colour,
            color_system="truecolor" if colour else None,
            legacy_windows=False,
            highlight=False,
            markup=False,
            emoji=False,
        )
        pieces = list(terminal._pieces(console, renderables))
        assert len(pieces) > len(renderables) or depth is not Depth.INDICATOR
        assert terminal.rendered(console, renderables) == _whole(console, renderables)
        # printed without rich (render/styled.py): the committee at a time, as laid out whole
        whole = "".join(
            styled.ansi(line, colour, False) + "\n" for item in items for line in item.layout(width, False)
        )
        if width >= styled.LEAST_WIDTH:
            assert styled.render(items, width, False, colour, False) == whole


def test_a_status_of_many_towns_is_the_same_with_one_and_several_workers(
    towns: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TAVOITTEET_NO_CACHE", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setattr(terminal, "RENDER_PARALLEL_FROM", 20)  # many towns: enough renderables for workers
    args = ["status", "2024", "--data", str(towns), "--as-of", "31.12.2024"]
    monkeypatch.setenv("TAVOITTEET_JOBS", "1")
    one = invoke(args)
    monkeypatch.setenv("TAVOITTEET_JOBS", "2")
    again = invoke(args)
    assert one[0] == 0
    assert again == one
    result = viewing.evaluate(viewing.load_year(towns, 2024, DAY, "fi"), DAY)
    assert len(status_view(result, "fi")) >= 40  # the workers' path is taken with two


@given(st.lists(st.text(st.sampled_from("aAbBäÄ_-.0"), min_size=1, max_size=4), unique=True, max_size=12))
def test_year_files_are_in_the_order_of_their_paths(names: list[str]) -> None:
    names = [name for name in names if name not in (".", "..")]  # never a folder's entry
    assert sorted(names) == [p.name for p in sorted(PurePosixPath("data", "2024", n) for n in names)]
    windows = sorted(names, key=str.lower)
    assert windows == [p.name for p in sorted(PureWindowsPath("data", "2024", n) for n in names)]


def test_year_files_lists_a_real_folder_in_path_order(tmp_path: Path) -> None:
    (tmp_path / "2024").mkdir()
    names = ["b.yaml", "A.yaml", "a.yml", "ä.yaml", "Z.yaml", "10.yaml", "9.yaml", "x.txt"]
    for name in names:
        (tmp_path / "2024" / name).write_text("", encoding="utf-8")
    listed = discovery.year_files(tmp_path)[2024]
    assert listed == sorted(tmp_path / "2024" / n for n in names if n != "x.txt")
    assert os.name != "nt" or listed == sorted(listed, key=lambda p: p.name.lower())


RULES = [
    GoalRule.model_validate(rule)
    for rule in (
        {"tapa": "kaikki"},
        {"tapa": "heikoin"},
        {"tapa": "osuus", "osuus_prosenttia": "75"},
        {"tapa": "osuus", "osuus_prosenttia": "75,0"},
        {"tapa": "osuus", "osuus_prosenttia": "50"},
    )
]


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(st.lists(st.sampled_from(list(Status)), max_size=6), min_size=1, max_size=6),
    rules=st.lists(st.sampled_from(range(len(RULES))), min_size=1, max_size=6),
)
def test_shared_decisions_and_counts_are_the_ones_made_afresh(
    parts: list[list[Status]], rules: list[int]
) -> None:
    for statuses in parts:
        for index in rules:
            rule = RULES[index]
            status, why = decide(statuses, rule)
            fresh = evaluation._decide(Counts({s: statuses.count(s) for s in evaluation.ALL_STATUSES}), rule)
            assert (status, why) == fresh
            assert repr(why.args) == repr(fresh[1].args)  # 75 and 75,0 are told apart
        counts = Counts.of(statuses)
        assert dict(counts.by_status) == {s: statuses.count(s) for s in evaluation.ALL_STATUSES}
        assert dict((counts + Counts.of(parts[0])).by_status) == {
            s: statuses.count(s) + parts[0].count(s) for s in evaluation.ALL_STATUSES
        }


class _Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_paused_for_a_year_runs_as_before(enabled: bool) -> None:
    """Made while paused: frozen with what was frozen before, else collected again afterwards."""
    import gc
    import weakref

    was, frozen = gc.isenabled(), gc.get_freeze_count()
    (gc.enable if enabled else gc.disable)()
    gc.unfreeze()
    try:
        with viewing.collector_paused():
            assert not gc.isenabled()
            cycle = weakref.ref(_Cycle())  # garbage only the collector can free
        assert gc.isenabled() is enabled
        assert gc.get_freeze_count() == 0
        assert cycle() is not None
        gc.collect()
        assert cycle() is None  # nothing made meanwhile is kept for good
        kept = _Cycle()
        gc.freeze()
        with viewing.collector_paused():
            made = [_Cycle()]
        assert gc.get_freeze_count() >= 2  # frozen with the rest, as the models' objects are
        assert gc.is_tracked(made) and gc.is_tracked(kept)
    finally:
        (gc.enable if was else gc.disable)()
        gc.unfreeze()
        if frozen:
            gc.freeze()
