"""From a located goal table to goal-file data: merged cells, numbering, spearheads, indicators.

Pure: :func:`build` gets the :class:`~.columns.Table` and the options and
returns the data (Finnish keys, ready for :mod:`.emit`) with the list of what a
person should review.  A table that cannot be read raises
:class:`~.columns.ColumnProblem` naming the row and column.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tavoitteet.importing.columns import ColumnProblem, Table
from tavoitteet.importing.emit import Comment
from tavoitteet.importing.ids import IdAllocator, slugify
from tavoitteet.importing.messages import text as message
from tavoitteet.importing.readers import Row
from tavoitteet.importing.targets import interpret
from tavoitteet.words.i18n import Lang

_NUMBERED_GOAL = re.compile(
    r"^(?:(?P<area>[^\W\d_][^\d\n]{0,60}?)\s+)?(?P<num>\d{1,3})\s*[.)]\s+(?P<title>[^\d\s].*)$", re.DOTALL
)
_NUMBERED = re.compile(r"^(?P<num>\d{1,3})\s*[.)]\s+(?P<title>\S.*)$", re.DOTALL)
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d|21\d\d)(?!\d)")
_MANUAL_LEVELS = ("toteutunut", "osittain toteutunut", "ei toteutunut", "ei sovellu")
PLACEHOLDER_TARGET = "Tavoitetaso puuttuu taulukosta."


@dataclass(frozen=True)
class Options:
    committee: str | None = None
    year: int | None = None
    columns: Mapping[str, str] = field(default_factory=dict)
    source: str = ""


@dataclass(frozen=True)
class Review:
    """Something the importer was not sure of, at a row of the source."""

    row: int
    item: str
    key: str
    args: Mapping[str, str] = field(default_factory=dict)


@dataclass
class Imported:
    data: dict[Any, Any]
    reviews: list[Review]
    year: int
    committee: str


def split_numbered_goal(text: str) -> tuple[str | None, int | None, str]:
    """``"Kulttuuritoimi 1. Kulttuuriparlamentin perustaminen"`` -> (area, number, title)."""
    match = _NUMBERED_GOAL.match(text)
    if match is None:
        return None, None, text
    area = (match.group("area") or "").strip() or None
    return area, int(match.group("num")), match.group("title").strip()


def split_numbered(text: str) -> tuple[int | None, str]:
    """``"2. Järjestetään musiikkitapahtuma"`` -> (2, "Järjestetään musiikkitapahtuma")."""
    match = _NUMBERED.match(text)
    return (int(match.group("num")), match.group("title").strip()) if match else (None, text)


def spearhead_key(name: str) -> str:
    """Spearhead names compare without case, spacing or a final full stop."""
    return re.sub(r"\s+", " ", name.casefold()).strip().rstrip(".").strip()


def split_list(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\n]", text) if part.strip(" .")]


def build(table: Table, options: Options) -> Imported:
    """The goal-file data of ``table`` (raises ColumnProblem for a row it cannot read)."""
    year, year_guessed = _year(table, options)
    committee = _committee(table, options)
    builder = _Builder(table, year, committee)
    builder.run()
    if not builder.areas:
        raise ColumnProblem("table.empty", table.header.number)
    reviews = builder.reviews
    if year_guessed:
        reviews.insert(0, Review(0, "vuosi", "review.year_guessed", {"year": str(year)}))
    return Imported(builder.document(options.source), reviews, year, committee)


def _year(table: Table, options: Options) -> tuple[int, bool]:
    if options.year is not None:
        return options.year, False
    for texts in ([c for row in table.rows for c in row.cells], table.before):
        found = Counter(int(y) for t in texts for y in _YEAR.findall(t))
        if found:
            return found.most_common(1)[0][0], True
    raise ColumnProblem("table.no_year")


def _committee(table: Table, options: Options) -> str:
    if options.committee and options.committee.strip():
        return options.committee.strip()
    for line in table.before:
        cleaned = line.strip(" #*:\t")
        if re.search(r"lautakunta\b", cleaned, re.IGNORECASE) and len(cleaned) <= 80:
            return cleaned
    raise ColumnProblem("table.no_committee")


class _Builder:
    """Walks the rows once, carrying merged (empty) cells down."""

    def __init__(self, table: Table, year: int, committee: str) -> None:
        self.table = table
        self.year = year
        self.committee = committee
        self.ids = IdAllocator()
        self.reviews: list[Review] = []
        self.spearheads = self._spearheads()
        self.areas: dict[str, dict[Any, Any]] = {}
        self.area: dict[Any, Any] | None = None
        self.goal: dict[Any, Any] | None = None
        self.goal_source = ""
        self.action: dict[Any, Any] | None = None
        self.action_source = ""
        self.primary = ""

    def column(self, name: str) -> int:
        return next((c + 1 for c, f in self.table.fields.items() if f == name), 0)

    def cells(self, row: Row) -> dict[str, str]:
        width = len(self.table.header.cells)
        extra = [i for i, cell in enumerate(row.cells) if i >= width and cell]
        if extra:
            raise ColumnProblem(
                "table.ragged", row.number, extra[0] + 1, {"cells": str(extra[-1] + 1), "columns": str(width)}
            )
        values: dict[str, str] = {}
        for column, name in self.table.fields.items():
            if name != "ohita" and column < len(row.cells) and row.cells[column]:
                values[name] = row.cells[column]
        return values

    def _spearheads(self) -> dict[str, dict[str, str]]:
        """Every spearhead named, in order of appearance; a primary's spelling wins."""
        rows = [self.cells(row) for row in self.table.rows]
        primary = {
            spearhead_key(c["strategiakärki"]): c["strategiakärki"] for c in rows if "strategiakärki" in c
        }
        found: dict[str, dict[str, str]] = {}
        for cells in rows:
            names = [cells.get("strategiakärki", ""), *split_list(cells.get("edistää_myös", ""))]
            for name in filter(None, names):
                key = spearhead_key(name)
                if key and key not in found:
                    shown = primary.get(key, name)
                    found[key] = {"id": self.ids.make(shown, "karki", 60), "nimi": shown}
        return found

    def run(self) -> None:
        for row in self.table.rows:
            cells = self.cells(row)
            if cells:
                self.row(row, cells)

    def row(self, row: Row, cells: dict[str, str]) -> None:
        goal_text = cells.get("tavoite", "")
        if "strategiakärki" in cells and (goal_text or self.goal is None):
            self.primary = cells["strategiakärki"]
        new_goal = bool(goal_text) and (self.goal is None or goal_text != self.goal_source)
        if new_goal:
            self.new_goal(row, goal_text, cells)
        elif self.goal is None:
            raise ColumnProblem("table.no_goal", row.number, self.column("tavoite"))
        else:
            self.link_spearheads(cells, continuation=True)
        if "teko" in cells and (new_goal or cells["teko"] != self.action_source):
            self.new_action(cells["teko"])
        elif new_goal:
            self.action = None
        if "tavoitetaso" in cells or "mittari" in cells:
            self.indicator(row, cells)
        else:
            self.note(row, cells)

    def new_goal(self, row: Row, text: str, cells: dict[str, str]) -> None:
        area_name, number, title = split_numbered_goal(text)
        self.use_area(row, cells.get("tehtäväalue") or area_name)
        assert self.area is not None
        self.goal = {"id": self.ids.make(title, "tavoite"), "numero": number, "otsikko": title}
        self.goal_source = text
        self.goal.update({"strategiakärki": None, "edistää_myös": [], "teot": [], "mittarit": []})
        self.area["tavoitteet"].append(self.goal)
        self.link_spearheads(cells, continuation=False)

    def use_area(self, row: Row, name: str | None) -> None:
        if name is None and self.area is not None:
            return
        if name is None:
            name = self.committee
            self.reviews.append(Review(row.number, name, "review.no_area"))
        key = spearhead_key(name)
        if key not in self.areas:
            self.areas[key] = {"id": self.ids.make(name, "alue"), "nimi": name, "tavoitteet": []}
        self.area = self.areas[key]

    def link_spearheads(self, cells: dict[str, str], continuation: bool) -> None:
        assert self.goal is not None
        names = split_list(cells.get("edistää_myös", ""))
        if continuation and "strategiakärki" in cells:
            names.insert(0, cells["strategiakärki"])
        elif not continuation:
            self.goal["strategiakärki"] = self.spearhead_id(self.primary)
        for name in names:
            ref = self.spearhead_id(name)
            if ref and ref != self.goal["strategiakärki"] and ref not in self.goal["edistää_myös"]:
                self.goal["edistää_myös"].append(ref)

    def spearhead_id(self, name: str) -> str | None:
        found = self.spearheads.get(spearhead_key(name))
        return found["id"] if found else None

    def new_action(self, text: str) -> None:
        assert self.goal is not None
        number, description = split_numbered(text)
        self.action = {"id": self.ids.make(description, "teko"), "numero": number, "kuvaus": description}
        self.action["mittarit"] = []
        self.action_source = text
        self.goal["teot"].append(self.action)

    def indicator(self, row: Row, cells: dict[str, str]) -> None:
        name = cells.get("mittari")
        wording = cells.get("tavoitetaso") or cells["mittari"]
        reading = interpret(wording, self.year)
        indicator: dict[Any, Any] = {"id": self.ids.make(name or wording, "mittari", 32)}
        indicator.update({"nimi": name, "tavoitetaso": wording, **reading.fields})
        indicator["huomautus"] = self.realization(row, cells, indicator)
        if reading.review:
            self.review(row, indicator, reading.review, reading.review_args)
        owner = self.action if self.action is not None else self.goal
        assert owner is not None
        owner["mittarit"].append(indicator)

    def realization(self, row: Row, cells: dict[str, str], indicator: dict[Any, Any]) -> str | None:
        realized, comment = cells.get("toteuma"), cells.get("kommentointi")
        if realized and realized.casefold() in _MANUAL_LEVELS:
            reason = comment or "Toteutumistaso tuotu taulukosta."
            indicator["toteutumistaso"] = {"taso": realized.casefold(), "perustelu": reason}
            return None
        if realized:
            self.review(row, indicator, "review.realization", {})
        parts = [f"Toteuma taulukossa: {realized}" if realized else "", comment or ""]
        return " ".join(p for p in parts if p) or None

    def note(self, row: Row, cells: dict[str, str]) -> None:
        assert self.goal is not None
        for key, label in (("toteuma", "Toteuma"), ("kommentointi", "Kommentointi")):
            if key in cells:
                self.goal.setdefault("huomautukset", []).append(f"{label} (rivi {row.number}): {cells[key]}")

    def review(self, row: Row, item: dict[Any, Any], key: str, args: Mapping[str, str]) -> None:
        comment = Comment("TARKISTA: " + message(key, "fi", args))
        existing = [k for k in item if isinstance(k, Comment)]
        for k in existing:
            del item[k]
        text = "\n".join([*(k.text for k in existing), comment.text])
        updated = {Comment(text): None, **item}
        item.clear()
        item.update(updated)
        self.reviews.append(Review(row.number, str(item["id"]), key, dict(args)))

    def document(self, source: str) -> dict[Any, Any]:
        areas = [self.finish_area(area) for area in self.areas.values()]
        before = [line for line in self.table.before if line.strip(" #*:\t") != self.committee]
        return {
            "muoto": 1,
            "vuosi": self.year,
            "lautakunta": self.committee,
            "kuvaus": " ".join(before) or None,
            "lähde": f"Taulukko {source}" if source else None,
            "strategiakärjet": list(self.spearheads.values()) or None,
            "tehtäväalueet": areas,
            "huomautukset": self.table.notes or None,
        }

    def finish_area(self, area: dict[Any, Any]) -> dict[Any, Any]:
        for goal in area["tavoitteet"]:
            for action in goal["teot"]:
                action["mittarit"] = action["mittarit"] or None
            if not goal["mittarit"] and not any(a["mittarit"] for a in goal["teot"]):
                goal["mittarit"] = [self.placeholder(goal)]
            for key in ("edistää_myös", "teot", "mittarit"):
                goal[key] = goal[key] or None
        return area

    def placeholder(self, goal: dict[Any, Any]) -> dict[Any, Any]:
        indicator = {
            "id": self.ids.make(goal["id"] + " mittari", "mittari"),
            "tavoitetaso": PLACEHOLDER_TARGET,
        }
        indicator["tyyppi"] = "laadullinen"
        row = Row(0, ())
        self.review(row, indicator, "review.no_indicator", {})
        return indicator


def review_lines(reviews: list[Review], lang: Lang) -> list[str]:
    """The summary lines of what to review, one per item."""
    row_word = "row" if lang == "en" else "rivi"
    return [
        f"  {row_word} {r.row}: {r.item}: {message(r.key, lang, r.args)}"
        if r.row
        else f"  {r.item}: {message(r.key, lang, r.args)}"
        for r in reviews
    ]


def slug_for(committee: str) -> str:
    return slugify(committee, 60) or "lautakunta"
