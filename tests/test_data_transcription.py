"""The goal files in data/ say what their source documents say, item by item.

The 2021 table is parsed from its tab-separated seed and compared cell by cell;
the 2024 minutes are free text, so every text in the YAML must occur in them
and nothing in them may be left out.  The only differences allowed are the
typo fixes recorded in ``korjaukset``, each of whose originals must really
occur in the source.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest

from tavoitteet.core.model import (
    CategoryIndicator,
    Correction,
    DeadlineIndicator,
    GoalFile,
    IndicatorBase,
    NumberIndicator,
    Person,
    Target,
)
from tavoitteet.core.parsing import format_date
from tavoitteet.files.discovery import goal_files
from tavoitteet.files.loader import load_file

from conftest import DATA, SEED_2021, SEED_2024

SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/tavoitteet.schema.json"
GOAL_CELL = re.compile(r"^(?P<area>\S+) (?P<number>\d+)\. (?P<title>.+)$")
NUMBERED = re.compile(r"^(?P<number>\d+)\. (?P<text>.+)$")
NUMBER_WORDS = {"yksi": "1"}


def load(path: Path) -> GoalFile:
    loaded = load_file(path)
    assert loaded.problems == [], loaded.problems
    assert loaded.goal_file is not None
    return loaded.goal_file


def normalise(text: str) -> str:
    return " ".join(text.split())


def occurs(text: str, source: str) -> bool:
    """``text`` occurs in ``source`` as whole words (not as the start of a longer word)."""
    return re.search(rf"(?<!\w){re.escape(text)}(?!\w)", source) is not None


def corrected(source: str, corrections: list[Correction]) -> str:
    """The source text with the recorded fixes applied; each original must be in it."""
    for correction in corrections:
        assert correction.original in source, f"{correction.original!r} not in {source!r}"
        assert correction.original != correction.corrected
        source = source.replace(correction.original, correction.corrected)
    return source


def uncorrected(text: str, corrections: list[Correction]) -> str:
    """The YAML text turned back into the source's wording."""
    for correction in reversed(corrections):
        assert correction.corrected in text, f"{correction.corrected!r} not in {text!r}"
        text = text.replace(correction.corrected, correction.original)
    return text


# --- the 2021 table --------------------------------------------------------------------------


@dataclass
class SeedAction:
    number: int
    text: str
    target: str


@dataclass
class SeedGoal:
    area: str
    number: int
    title: str
    primary: str
    also: list[str]
    actions: list[SeedAction] = field(default_factory=list)


@dataclass
class SeedTable:
    description: str
    goals: list[SeedGoal]
    notes: list[str]


def parse_2021_seed(path: Path) -> SeedTable:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Strategiakärjet\t"))
    end = next(i for i in range(header, len(lines)) if not lines[i].strip())
    description = next(line for line in reversed(lines[:header]) if line.strip())
    rows = list(csv.reader(lines[header + 1 : end], delimiter="\t", quoting=csv.QUOTE_NONE))
    notes = [line.strip() for line in lines[end:] if line.strip()]
    return SeedTable(description.strip(), _goals_from_rows(rows), notes)


def _goals_from_rows(rows: list[list[str]]) -> list[SeedGoal]:
    goals: list[SeedGoal] = []
    for row in rows:
        primary, goal_cell, action_cell, target, also, realization, comment = (c.strip() for c in row)
        assert not realization and not comment, "the seed has no realization or comments"
        if goal_cell:  # a new goal; empty goal cells are merged with the row above
            match = GOAL_CELL.match(goal_cell)
            assert match, goal_cell
            also_names = [name.strip() for name in also.split(",") if name.strip()]
            goals.append(SeedGoal(match["area"], int(match["number"]), match["title"], primary, also_names))
        action = NUMBERED.match(action_cell)
        assert action, action_cell
        goals[-1].actions.append(SeedAction(int(action["number"]), action["text"], target))
    return goals


@pytest.fixture(scope="module")
def table_2021() -> SeedTable:
    return parse_2021_seed(SEED_2021)


@pytest.fixture(scope="module")
def file_2021() -> GoalFile:
    return load(DATA / "2021" / "hyvinvointilautakunta.yaml")


def test_the_seed_parser_finds_the_whole_2021_table(table_2021: SeedTable) -> None:
    assert [len(g.actions) for g in table_2021.goals] == [3, 3, 3, 1]
    assert len(table_2021.notes) == 2


def test_2021_file_header_matches_the_seed(file_2021: GoalFile, table_2021: SeedTable) -> None:
    assert file_2021.year == 2021
    assert file_2021.committee == "Hyvinvointilautakunta"
    assert "## Hyvinvointilautakunta" in SEED_2021.read_text(encoding="utf-8")
    assert file_2021.description == table_2021.description
    assert file_2021.decision is None, "the 2021 seed has no decision metadata"


def test_2021_notes_are_the_paragraphs_after_the_table(file_2021: GoalFile, table_2021: SeedTable) -> None:
    assert file_2021.notes == table_2021.notes


def test_2021_areas_and_goals_match_the_seed(file_2021: GoalFile, table_2021: SeedTable) -> None:
    assert len(file_2021.areas) == len(table_2021.goals)
    for area, seed_goal in zip(file_2021.areas, table_2021.goals, strict=True):
        assert area.name == corrected(seed_goal.area, area.corrections)
        [goal] = area.goals
        assert goal.number == seed_goal.number
        assert goal.title == corrected(seed_goal.title, goal.corrections)


def test_2021_actions_and_target_levels_match_the_seed(file_2021: GoalFile, table_2021: SeedTable) -> None:
    for goal, seed_goal in zip(file_2021.goals(), table_2021.goals, strict=True):
        assert goal.indicators == []
        assert len(goal.actions) == len(seed_goal.actions)
        for action, seed_action in zip(goal.actions, seed_goal.actions, strict=True):
            assert action.number == seed_action.number
            assert action.text == corrected(seed_action.text, action.corrections)
            [indicator] = action.indicators
            assert indicator.target_text == corrected(seed_action.target, indicator.corrections)


def _same_name(mention: str, name: str) -> bool:
    """A spearhead's name, allowing only a different first letter case (list position)."""
    return mention[:1].lower() + mention[1:] == name[:1].lower() + name[1:]


def test_2021_spearheads_match_the_seed(file_2021: GoalFile, table_2021: SeedTable) -> None:
    names = {s.id: s.name for s in file_2021.spearheads}
    for goal, seed_goal in zip(file_2021.goals(), table_2021.goals, strict=True):
        assert goal.spearhead is not None
        assert _same_name(seed_goal.primary, names[goal.spearhead])
        assert len(goal.also_advances) == len(seed_goal.also)
        for ref, mention in zip(goal.also_advances, seed_goal.also, strict=True):
            assert _same_name(mention, names[ref]), (mention, names[ref])


def test_2021_every_spearhead_is_named_in_the_seed_as_written(
    file_2021: GoalFile, table_2021: SeedTable
) -> None:
    mentions = {m for g in table_2021.goals for m in (g.primary, *g.also)}
    used = {ref for g in file_2021.goals() for ref in (g.spearhead, *g.also_advances)}
    for spearhead in file_2021.spearheads:
        assert spearhead.name in mentions
        assert spearhead.id in used
        assert spearhead.id.isascii()


def _bounds(target: Target) -> list[Decimal]:
    values = [target.at_least, target.more_than, target.at_most, target.less_than, target.exactly]
    return [v for v in values if v is not None]


def _numbers_in(text: str) -> set[Decimal]:
    words = re.findall(r"\w+", text.lower())
    return {Decimal(NUMBER_WORDS.get(w, w)) for w in words if NUMBER_WORDS.get(w, w).isdigit()}


def test_typed_readings_come_from_the_target_wording() -> None:
    """Each number in a target and each deadline year is written in the target level."""
    for path in goal_files([DATA]):
        for indicator in load(path).indicators():
            if isinstance(indicator, NumberIndicator | CategoryIndicator):
                assert set(_bounds(indicator.target)) <= _numbers_in(indicator.target_text), indicator.id
            if isinstance(indicator, DeadlineIndicator):
                assert str(indicator.deadline.year) in indicator.target_text


def test_indicator_names_are_part_of_their_target_wording() -> None:
    for path in goal_files([DATA]):
        for indicator in load(path).indicators():
            if indicator.name is not None:
                assert indicator.name in indicator.target_text, indicator.id


# --- the 2024 minutes ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_2024() -> str:
    return normalise(SEED_2024.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def file_2024() -> GoalFile:
    return load(DATA / "2024" / "hyvinvointilautakunta.yaml")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=\.) (?=[A-ZÅÄÖ])", normalise(text)) if s]


def texts_2024(goal_file: GoalFile) -> list[str]:
    """Every text of the 2024 file's areas, goals, actions and indicators, in the source's wording."""
    texts: list[str] = []
    for area in goal_file.areas:
        texts.append(area.name)
        for goal in area.goals:
            texts += [goal.title, *_sentences(goal.description or "")]
            texts += [uncorrected(normalise(a.text), a.corrections) for a in goal.actions]
            for indicator in goal.all_indicators():
                texts.append(uncorrected(normalise(indicator.target_text), indicator.corrections))
                texts += [indicator.condition] if indicator.condition else []
    return [normalise(t) for t in texts]


def test_2024_areas_goals_actions_and_indicators_are_in_the_seed(file_2024: GoalFile, seed_2024: str) -> None:
    for text in texts_2024(file_2024):
        assert occurs(text, seed_2024), text


def test_2024_corrections_quote_the_seed(file_2024: GoalFile, seed_2024: str) -> None:
    items = [item for _, item in _walk_with_corrections(file_2024)]
    assert items, "the 2024 file records at least one correction"
    for correction in items:
        assert occurs(normalise(correction.original), seed_2024)
        assert not occurs(normalise(correction.corrected), seed_2024)


def _walk_with_corrections(goal_file: GoalFile) -> list[tuple[str, Correction]]:
    found = [(a.id, c) for a in goal_file.areas for c in a.corrections]
    for goal in goal_file.goals():
        found += [(goal.id, c) for c in goal.corrections]
        found += [(a.id, c) for a in goal.actions for c in a.corrections]
        found += [(i.id, c) for i in goal.all_indicators() for c in i.corrections]
    return found


def test_2024_conditional_indicator_keeps_its_condition(file_2024: GoalFile, seed_2024: str) -> None:
    [park_meal] = [i for i in file_2024.indicators() if "Puistoruokailu" in i.target_text]
    assert park_meal.condition is not None
    assert f"({park_meal.condition})" in park_meal.target_text
    assert occurs(park_meal.target_text, seed_2024)


def test_2024_decision_metadata_is_in_the_seed(file_2024: GoalFile, seed_2024: str) -> None:
    decision = file_2024.decision
    assert decision is not None and decision.preparer is not None and decision.presenter is not None
    heading = f"{decision.body} {format_date(decision.meeting_date)} § {decision.section}"
    assert occurs(heading, seed_2024)
    assert file_2024.source == heading
    assert occurs(f"Valmistelija {_person(decision.preparer)}", seed_2024)
    assert occurs(f"Esittelijä {_person(decision.presenter)} Päätösehdotus", seed_2024)
    assert occurs(f"Päätösehdotus {normalise(decision.proposal or '-')}", seed_2024)
    assert seed_2024.endswith(f"Päätös {_remarks(file_2024)} {decision.decision_text}")
    for text in (decision.subject, decision.preamble, file_2024.title):
        assert text is not None and occurs(normalise(text), seed_2024)


def _person(person: Person | None) -> str:
    assert person is not None
    return " ".join(filter(None, (person.title, person.name)))


def _remarks(goal_file: GoalFile) -> str:
    assert goal_file.decision is not None
    return " ".join(normalise(r.text) for r in goal_file.decision.remarks)


def test_2024_minutes_remark_names_who_left_and_who_chaired(file_2024: GoalFile) -> None:
    assert file_2024.decision is not None
    [remark] = file_2024.decision.remarks
    text = normalise(remark.text)
    assert remark.left_meeting and remark.acting_chair
    for person in remark.left_meeting:
        assert f"{(person.title or '').lower()} {person.name} poistui" in text
    assert f"puheenjohtajana toimi {remark.acting_chair}" in text


def test_2024_budget_link_quotes_the_proposal(file_2024: GoalFile) -> None:
    decision = file_2024.decision
    assert decision is not None and decision.budget is not None
    assert decision.budget.text is not None
    assert normalise(decision.budget.text) in normalise(decision.proposal or "")
    assert str(decision.budget.year) in decision.budget.text


def test_nothing_in_the_2024_seed_is_left_out(file_2024: GoalFile, seed_2024: str) -> None:
    """Removing every text of the file (and the minutes' headings) leaves only punctuation."""
    decision = file_2024.decision
    assert decision is not None
    known = [
        *texts_2024(file_2024),
        *(normalise(t or "") for t in (decision.preamble, decision.proposal, file_2024.source)),
        *(normalise(t or "") for t in (file_2024.title, decision.decision_text, _remarks(file_2024))),
        _person(decision.preparer),
        _person(decision.presenter),
        *("Valmistelija", "Esittelijä", "Päätösehdotus", "Päätös", "Mittarit", "Mittari"),
    ]
    rest = seed_2024
    for text in sorted(filter(None, known), key=len, reverse=True):
        rest = rest.replace(text, " ")
    assert re.sub(r"[\s:.]", "", rest) == ""


# --- every data file ------------------------------------------------------------------------


def test_no_realization_is_recorded_in_data() -> None:
    for path in goal_files([DATA]):
        for indicator in load(path).indicators():
            assert isinstance(indicator, IndicatorBase)
            assert indicator.entries == [], indicator.id
            assert indicator.manual_level is None, indicator.id


def test_every_data_file_validates_and_names_the_schema() -> None:
    paths = goal_files([DATA])
    assert len(paths) >= 2
    for path in paths:
        loaded = load_file(path)
        assert loaded.problems == [], path
        assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE, path
