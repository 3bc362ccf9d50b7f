"""The list and show tables without rich are laid out exactly as rich.table.Table lays them out (issue 19).

:class:`tavoitteet.render.grid.Table` ports rich's table for the two kinds
of table the views make; these parity tests give both the same
hypothesis-made cells (plain and styled, long words, sections) and whole
``list`` and ``show`` views of real files, and compare the text written,
plain and with colour codes, byte for byte.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tavoitteet.commands import viewing
from tavoitteet.render import grid, styled
from tavoitteet.render.show import find, show_view
from tavoitteet.render.status import list_view
from tavoitteet.render.styled import Styled
from test_styled import STYLES, written_by_rich

from conftest import DATA, FIXTURES

WORDS = [
    "a",
    "ab",
    "hyvinvointi",
    "kertomus-työn",
    "x" * 30,
    "toteutunut",
    "ei",
    "ä/ö/å",
    "–",
    "…",
    "12 345,5",
]
CELL_TEXT = st.lists(st.sampled_from([*WORDS, " ", "  ", "\xa0"]), max_size=8).map(" ".join)


@st.composite
def cells(draw: Any) -> str | Styled:
    text = Styled(draw(CELL_TEXT), draw(st.sampled_from(STYLES)))
    if draw(st.booleans()):
        text.append(draw(CELL_TEXT), draw(st.sampled_from(STYLES)))
    return text.plain if draw(st.booleans()) and not text.spans else text


@st.composite
def tables(draw: Any) -> grid.Table:
    """A table as ``list`` makes it (no edge, ids unbroken) or as ``show`` makes it (edge, fixed date column)."""
    title = draw(st.one_of(st.none(), CELL_TEXT.filter(bool)))
    if draw(st.booleans()):
        table = grid.Table(title, "bold", show_edge=False, pad_edge=False)
        table.add_column(draw(st.sampled_from(["Tunnus", "Id"])), no_wrap=True)
        table.add_column("Tavoite / mittari", ratio=1, overflow="fold")
        table.add_column("Tila", width=10, overflow="fold")
    else:
        table = grid.Table(title)
        table.add_column("Päivä", width=draw(st.sampled_from([6, 10])))
        table.add_column("Arvo", ratio=2, overflow="fold")
        if draw(st.booleans()):
            table.add_column("Laji", ratio=2, overflow="fold")
        table.add_column("Kommentti", ratio=4, overflow="fold")
    for _ in range(draw(st.integers(0, 6))):
        table.add_row(*(draw(cells()) for _ in table.columns))
        if draw(st.integers(0, 3)) == 0:
            table.add_section()
    return table


@settings(max_examples=400, deadline=None)
@given(
    tables(),
    st.integers(40, 160),
    st.sampled_from([None, "standard", "truecolor"]),
    st.booleans(),
    st.sampled_from(["utf-8", "cp1252"]),
)
def test_a_table_is_laid_out_as_rich_lays_it_out(
    table: grid.Table, width: int, colour: str | None, no_color: bool, encoding: str
) -> None:
    expected = written_by_rich([table.to_rich()], width, colour, no_color, encoding)
    try:
        ours = styled.render([table], width, encoding != "utf-8", colour is not None, no_color)
    except styled.NeedsRich:  # columns squeezed to nothing: rich's own path prints it
        return
    assert ours == expected


def _views(data: Path, year: int) -> list[tuple[str, list[Any]]]:
    result = viewing.evaluated_year(year, viewing.Filters(), "1.2.2025", "fi", data, date(2025, 2, 1))
    views: list[tuple[str, list[Any]]] = [("list", list_view(result, "fi"))]
    goals = [g for f in result.files for a in f.areas for g in a.goals]
    for goal in goals:
        views += [(f"show {goal.goal.id}", show_view(find(result, goal.goal.id)[0], "fi"))]
        views += [
            (f"show {i.indicator.id}", show_view(find(result, i.indicator.id)[0], "fi"))
            for i in goal.indicators
        ]
    return views


@pytest.mark.parametrize(("data", "year"), [(DATA, 2024), (DATA, 2021), (FIXTURES / "status" / "data", 2024)])
def test_whole_list_and_show_views_are_written_as_rich_writes_them(data: Path, year: int) -> None:
    for name, items in _views(data, year):
        for width in (40, 80, 133):
            for encoding, colour in (("utf-8", None), ("utf-8", "standard"), ("cp1252", "256")):
                expected = written_by_rich([i.to_rich() for i in items], width, colour, False, encoding)
                try:
                    ours = styled.render(items, width, encoding != "utf-8", colour is not None, False)
                except styled.NeedsRich:  # long ids leave the goal column no room: rich prints it
                    assert width < 80, (name, width)
                    continue
                assert ours == expected, (name, width, encoding, colour)
