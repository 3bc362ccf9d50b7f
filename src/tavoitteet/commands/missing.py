"""``tavoitteet missing YEAR``: who still has outcomes to report, for the reminder e-mail.

Lists the indicators without an entry that counts and without a level set by
hand, and the goals without indicators that have no assessment yet, grouped by
responsible person (the indicator's ``vastuuhenkilö``, else its goal's, else its
area's) and committee; as text, CSV (Excel's Finnish dialect: ``;``, BOM) or JSON.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from tavoitteet import errors
from tavoitteet.commands import form, viewing
from tavoitteet.core.model import Goal, GoalFile, ServiceArea, walk
from tavoitteet.files.discovery import year_files
from tavoitteet.files.loader import load_file
from tavoitteet.render.problems import display_path
from tavoitteet.words.i18n import Lang


class Format(StrEnum):
    TEXT = "text"
    CSV = "csv"
    JSON = "json"


@dataclass(frozen=True, slots=True)
class Missing:
    """One indicator without an outcome, or one goal without indicators to assess."""

    responsible: str | None
    committee: str
    area: str
    goal: str
    item_id: str
    name: str
    target: str
    kind: str  # "mittari" or "tavoite"
    file: str


HEADERS = {
    "fi": (
        "vastuuhenkilö",
        "lautakunta",
        "tehtäväalue",
        "tavoite",
        "tunnus",
        "mittari",
        "tavoitetaso",
        "laji",
        "tiedosto",
    ),
    "en": ("responsible", "committee", "area", "goal", "id", "indicator", "target", "kind", "file"),
}
_WORDS = {
    "fi": {
        "title": "Puuttuvat toteumat {year}: {count}",
        "none": "Vuoden {year} toteumat on kirjattu{filters}: mitään ei puutu.",
        "nobody": "(vastuuhenkilöä ei ole merkitty)",
        "goal": "tavoitteen sanallinen arvio (tavoitteet assess {id} --text ...)",
    },
    "en": {
        "title": "Outcomes missing in {year}: {count}",
        "none": "Every outcome of {year} is recorded{filters}: nothing is missing.",
        "nobody": "(no responsible person named)",
        "goal": "the goal's written assessment (tavoitteet assess {id} --text ...)",
    },
}


def run(year: int, committee: str | None, output: Format, lang: Lang, data: Path | None = None) -> int:
    root = viewing.data_root(data, lang)
    items = [m for m in missing_items(root, year, lang) if committee is None or _matches(committee, m)]
    broken = [p for p in year_files(root).get(year, []) if load_file(p).goal_file is None]
    if output is Format.JSON:
        sys.stdout.write(render_json(year, items, lang))
    elif output is Format.CSV:
        sys.stdout.write(render_csv(items, lang))
    else:
        sys.stdout.write(render_text(year, items, committee, lang))
    for path in broken:
        sys.stderr.write(
            f"tavoitteet: {display_path(path)}: "
            + (
                "has errors (tavoitteet validate)"
                if lang == "en"
                else "tiedostossa on virheitä (tavoitteet validate)"
            )
            + "\n"
        )
    return errors.PROBLEMS if broken else errors.OK


def _matches(wanted: str, item: Missing) -> bool:
    text = wanted.strip().casefold()
    return text in item.committee.casefold() or text == Path(item.file).stem.casefold()


def missing_items(root: Path, year: int, lang: Lang) -> list[Missing]:
    found = form.selected(root, year, None, None, True, lang)
    items = [
        Missing(
            form.responsible_of(f),
            f.goal_file.committee,
            f.area.name,
            f.goal.title,
            f.indicator.id,
            f.indicator.name or f.indicator.id,
            f.indicator.target_text,
            "mittari",
            display_path(f.path),
        )
        for f in found
    ]
    for path in year_files(root).get(year, []):
        goal_file = load_file(path).goal_file
        if goal_file is not None:
            items += _goals_to_assess(goal_file, path)
    return sorted(items, key=lambda m: (m.responsible is None, (m.responsible or "").casefold(), m.committee))


def _goals_to_assess(goal_file: GoalFile, path: Path) -> list[Missing]:
    items, area = [], None
    for _where, node in walk(goal_file):
        if isinstance(node, ServiceArea):
            area = node
        elif (
            isinstance(node, Goal) and area is not None and not node.all_indicators() and not node.assessments
        ):
            person = form.person_text(node.responsible) or form.person_text(area.responsible)
            items.append(
                Missing(
                    person,
                    goal_file.committee,
                    area.name,
                    node.title,
                    node.id,
                    node.title,
                    "",
                    "tavoite",
                    display_path(path),
                )
            )
    return items


def render_text(year: int, items: list[Missing], committee: str | None, lang: Lang) -> str:
    words = _WORDS[lang]
    if not items:
        return words["none"].format(year=year, filters=f" ({committee})" if committee else "") + "\n"
    lines = [words["title"].format(year=year, count=len(items))]
    groups: dict[str | None, dict[str, list[Missing]]] = defaultdict(lambda: defaultdict(list))
    for item in items:
        groups[item.responsible][item.committee].append(item)
    for person, committees in groups.items():
        lines += ["", person or words["nobody"]]
        for name, members in committees.items():
            lines.append(f"  {name}")
            for item in members:
                what = words["goal"].format(id=item.item_id) if item.kind == "tavoite" else item.target
                lines.append(
                    f"    - {item.item_id}: {item.name}"
                    + (f" ({what})" if what and what != item.name else "")
                )
    return "\n".join(_plain(line) for line in lines) + "\n"


def _plain(text: str) -> str:
    """Data is text: no terminal control characters reach the output."""
    return "".join(ch if ch.isprintable() or ch == "\t" else " " for ch in text)


def render_csv(items: list[Missing], lang: Lang) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS[lang])
    for m in items:
        row = (m.responsible or "", m.committee, m.area, m.goal, m.item_id, m.name, m.target, m.kind, m.file)
        writer.writerow([_safe_cell(v) for v in row])
    return "\ufeff" + out.getvalue()


def _safe_cell(text: str) -> str:
    """A cell that a spreadsheet would take for a formula is written as text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def render_json(year: int, items: list[Missing], lang: Lang) -> str:
    from tavoitteet.render.json_views import JSON_VERSION

    document = {
        "versio": JSON_VERSION,
        "nakyma": "puuttuvat",
        "kieli": lang,
        "vuosi": year,
        "puuttuvat": [
            {
                "vastuuhenkilo": m.responsible,
                "lautakunta": m.committee,
                "tehtavaalue": m.area,
                "tavoite": m.goal,
                "id": m.item_id,
                "nimi": m.name,
                "tavoitetaso": m.target or None,
                "laji": m.kind,
                "tiedosto": m.file,
            }
            for m in items
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
