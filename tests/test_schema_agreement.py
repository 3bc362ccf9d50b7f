"""The schema and the tool agree: check-jsonschema with the generated schema and ``validate`` give the
same verdict on every file of a mutation corpus, except where a rule cannot be written in JSON Schema
(core/schema_forms.NOT_EXPRESSIBLE, each such mutation named with its reason).

The rule: the tool reads every value as the text typed; the schema describes the same forms (a number,
a date and kyllä/ei also as Finnish text, a text also as what YAML reads as a number or a boolean).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tavoitteet.core.schema import schema_text
from tavoitteet.core.schema_forms import NOT_EXPRESSIBLE

from realtools import command

BASE = """\
muoto: 1
vuosi: 2024
lautakunta: Hyvinvointilautakunta
otsikko: Toiminnalliset tavoitteet
päätös:
  toimielin: Hyvinvointilautakunta
  kokouspäivä: 10.10.2023
  pykälä: 119
  valmistelija:
    nimike: Sivistysjohtaja
arviointisääntö:
  tapa: kaikki
strategiakärjet:
  - id: karki
    nimi: Kärki
tehtäväalueet:
  - id: alue
    nimi: Alue
    tavoitteet:
      - id: tavoite
        otsikko: Tavoite
        strategiakärki: karki
        sitova: ei
        mittarit:
          - id: kylla
            tavoitetaso: Tehty
            tyyppi: kyllä/ei
            toteuma:
              - pvm: 1.6.2024
                arvo: kyllä
          - id: luku
            tavoitetaso: Vähintään 4
            tyyppi: luku
            tavoite: {vähintään: 4}
            toteuma:
              - pvm: 2.6.2024
                arvo: 5
          - id: luokat
            tavoitetaso: Joka luokassa yksi
            tyyppi: luokittain
            luokat: [lapset, nuoret]
            tavoite: {vähintään: 1}
            toteuma:
              - pvm: 3.6.2024
                arvo: {lapset: 1, nuoret: 2}
          - id: kehitys
            tavoitetaso: Kasvaa
            tyyppi: kehitys
            suunta: kasvu
            vertailuvuosi: 2023
            vertailuarvo: 100
            toteuma:
              - pvm: 4.6.2024
                arvo: 120
          - id: maaraaika
            tavoitetaso: Valmis syyskuussa
            tyyppi: määräaika
            määräpäivä: 30.9.2024
            toteuma:
              - pvm: 5.6.2024
                arvo: kesken
          - id: seuranta
            tavoitetaso: Seurataan
            tyyppi: seuranta
            toteuma:
              - pvm: 6.6.2024
                puuttuu: Ei vielä tietoa
          - id: laatu
            tavoitetaso: Arvio
            tyyppi: laadullinen
            ehto: Jos hanke alkaa
            toteuma:
              - pvm: 7.6.2024
                arvo: Hyvin meni
"""

# (name, text in BASE, replacement, the tool accepts it, reason the schema cannot agree or None)
MUTATIONS: list[tuple[str, str, str, bool, str | None]] = [
    # the forms issue 16 found the schema refusing
    ("vuosi-text", "vuosi: 2024", 'vuosi: "2024"', True, None),
    ("year-spaced", "vertailuvuosi: 2023", 'vertailuvuosi: "2 023"', True, None),
    ("pykala-text", "pykälä: 119", 'pykälä: "119"', True, None),
    ("pykala-float", "pykälä: 119", "pykälä: 119.0", True, None),
    ("otsikko-number", "otsikko: Toiminnalliset tavoitteet", "otsikko: 123", True, None),
    ("otsikko-bool", "otsikko: Toiminnalliset tavoitteet", "otsikko: true", True, None),
    ("luokat-numbers", "luokat: [lapset, nuoret]", "luokat: [lapset, nuoret, 7, 8]", True, None),
    ("sitova-caps", "sitova: ei", "sitova: KYLLÄ", True, None),
    ("sitova-true", "sitova: ei", "sitova: true", True, None),
    ("sitova-Ei", "sitova: ei", "sitova: Ei", True, None),
    ("muoto-text", "muoto: 1", 'muoto: "1"', True, None),
    ("id-digits", "- id: alue", "- id: 2024", True, None),
    ("date-iso", "kokouspäivä: 10.10.2023", "kokouspäivä: 2023-10-10", True, None),
    ("date-dot", "kokouspäivä: 10.10.2023", "kokouspäivä: 10.10.2023.", True, None),
    ("date-leap", "kokouspäivä: 10.10.2023", "kokouspäivä: 29.2.2024", True, None),
    ("number-comma", "vertailuarvo: 100", 'vertailuarvo: "1 234,5"', True, None),
    ("number-dots", "vertailuarvo: 100", 'vertailuarvo: "1.234.567"', True, None),
    ("number-dot-comma", "vertailuarvo: 100", 'vertailuarvo: "1.234,5"', True, None),
    ("number-minus", "vertailuarvo: 100", 'vertailuarvo: "−3"', True, None),
    ("number-zero-point", "vertailuarvo: 100", 'vertailuarvo: "0.125"', True, None),
    ("value-number-text", "arvo: 5", 'arvo: "5,5"', True, None),
    ("value-yes-true", "arvo: kyllä", "arvo: true", True, None),
    ("value-category-text", "arvo: {lapset: 1, nuoret: 2}", 'arvo: {lapset: "1,5", nuoret: 2}', True, None),
    ("value-deadline-date", "arvo: kesken", "arvo: 20.9.2024", True, None),
    ("value-deadline-ei", "arvo: kesken", "arvo: ei valmis", True, None),
    ("value-na-conditional", "arvo: Hyvin meni", "arvo: ei sovellu", True, None),
    ("value-qualitative-number", "arvo: Hyvin meni", "arvo: 3", True, None),
    ("empty-optional", "otsikko: Toiminnalliset tavoitteet", "otsikko:", True, None),
    ("rule-share", "tapa: kaikki", "tapa: osuus\n  osuus_prosenttia: 50", True, None),
    # the forms issue 16 found the schema accepting
    ("month-13", "kokouspäivä: 10.10.2023", "kokouspäivä: 10.13.2023", False, None),
    ("day-32", "kokouspäivä: 10.10.2023", "kokouspäivä: 32.1.2023", False, None),
    ("feb-30", "kokouspäivä: 10.10.2023", "kokouspäivä: 30.2.2024", False, None),
    ("feb-29-common-year", "kokouspäivä: 10.10.2023", "kokouspäivä: 29.2.2023", False, None),
    ("iso-month-13", "kokouspäivä: 10.10.2023", "kokouspäivä: 2023-13-01", False, None),
    ("number-double-dot", "tavoite: {vähintään: 4}", 'tavoite: {vähintään: "1..2"}', False, None),
    ("number-ambiguous-text", "vertailuarvo: 100", 'vertailuarvo: "1.234"', False, None),
    ("number-bad-groups", "vertailuarvo: 100", 'vertailuarvo: "12 34"', False, None),
    ("value-yes-english", "arvo: kyllä", "arvo: yes", False, None),
    ("value-yes-number", "arvo: kyllä", "arvo: 1", False, None),
    ("value-number-word", "arvo: 5", "arvo: viisi", False, None),
    ("value-number-mapping", "arvo: 5", "arvo: {a: 1}", False, None),
    ("value-category-scalar", "arvo: {lapset: 1, nuoret: 2}", "arvo: 3", False, None),
    ("value-category-word", "arvo: {lapset: 1, nuoret: 2}", "arvo: {lapset: paljon}", False, None),
    ("value-deadline-word", "arvo: kesken", "arvo: melkein", False, None),
    ("value-na-unconditional", "arvo: 5", "arvo: ei sovellu", False, None),
    (
        "entry-both",
        "puuttuu: Ei vielä tietoa",
        "puuttuu: Ei vielä tietoa\n                arvo: 3",
        False,
        None,
    ),
    ("entry-neither", "                puuttuu: Ei vielä tietoa\n", "", False, None),
    ("person-empty", "    nimike: Sivistysjohtaja", "    nimike:", False, None),
    ("target-empty", "tavoite: {vähintään: 4}", "tavoite: {}", False, None),
    ("target-exact-mixed", "tavoite: {vähintään: 4}", "tavoite: {vähintään: 4, tasan: 5}", False, None),
    ("target-two-lower", "tavoite: {vähintään: 4}", "tavoite: {vähintään: 4, yli: 3}", False, None),
    ("rule-share-missing", "tapa: kaikki", "tapa: osuus", False, None),
    ("rule-share-extra", "tapa: kaikki", "tapa: kaikki\n  osuus_prosenttia: 50", False, None),
    ("rule-share-over", "tapa: kaikki", "tapa: osuus\n  osuus_prosenttia: 150", False, None),
    ("categories-twice", "luokat: [lapset, nuoret]", "luokat: [lapset, lapset]", False, None),
    ("text-blank", "otsikko: Toiminnalliset tavoitteet", 'otsikko: "  "', False, None),
    ("required-missing", "lautakunta: Hyvinvointilautakunta\n", "", False, None),
    ("required-null", "lautakunta: Hyvinvointilautakunta", "lautakunta:", False, None),
    ("unknown-key", "sitova: ei", "sitova: ei\n        sitovaa: ei", False, None),
    ("kind-unknown", "tyyppi: seuranta", "tyyppi: seuraus", False, None),
    ("year-range", "vertailuvuosi: 2023", "vertailuvuosi: 1800", False, None),
    ("year-text-range", "vertailuvuosi: 2023", 'vertailuvuosi: "2300"', False, None),
    ("id-upper", "- id: alue", "- id: Alue", False, None),
    ("id-negative", "- id: alue", "- id: -5", False, None),
    (
        "goal-no-indicators",
        "        mittarit:\n          - id: kylla",
        "        teot: []\n        mittarit_:\n          - id: kylla",
        False,
        None,
    ),
    ("list-null", "strategiakärjet:\n  - id: karki\n    nimi: Kärki", "strategiakärjet:", False, None),
    ("format-2", "muoto: 1", "muoto: 2", False, None),
    ("sitova-null", "sitova: ei", "sitova:", True, None),  # not stated
    (
        "goal-without-indicators",
        "    tavoitteet:\n      - id: tavoite\n",
        "    tavoitteet:\n      - id: toinen\n        otsikko: Toinen\n      - id: tavoite\n",
        True,
        None,
    ),
    # series of other years' values (issue 13) and withdrawals (issue 14)
    (
        "series-approximate",
        "            tavoite: {vähintään: 4}\n",
        "            tavoite: {vähintään: 4}\n            sarja:\n              - vuosi: 2023\n                arvo: n. 800\n",
        True,
        None,
    ),
    (
        "series-text-number",
        "            tavoite: {vähintään: 4}\n",
        '            tavoite: {vähintään: 4}\n            sarja:\n              - vuosi: 2023\n                laji: talousarvio\n                arvo: "1 234"\n',
        True,
        None,
    ),
    (
        "series-word",
        "            tavoite: {vähintään: 4}\n",
        "            tavoite: {vähintään: 4}\n            sarja:\n              - vuosi: 2023\n                arvo: viisi\n",
        False,
        None,
    ),
    (
        "series-neither",
        "            tavoite: {vähintään: 4}\n",
        "            tavoite: {vähintään: 4}\n            sarja:\n              - vuosi: 2023\n                lähde: Tilasto\n",
        False,
        None,
    ),
    (
        "withdrawal",
        "                arvo: 5\n",
        "                arvo: 5\n              - pvm: 3.6.2024\n                peruu: 1\n",
        True,
        None,
    ),
    (
        "withdrawal-with-value",
        "                arvo: 5\n",
        "                arvo: 5\n              - pvm: 3.6.2024\n                peruu: 1\n                arvo: 3\n",
        False,
        None,
    ),
    # where JSON Schema cannot follow the tool
    (
        "entry-before-the-year",
        "              - pvm: 2.6.2024",
        "              - pvm: 2.6.2022",
        False,
        "entry-period",
    ),
    ("yaml-float-ambiguous", "vertailuarvo: 100", "vertailuarvo: 1.234", False, "yaml-number-text"),
    ("yaml-exponent", "vertailuarvo: 100", "vertailuarvo: 1e3", False, "yaml-number-text"),
    ("yaml-id-float", "- id: alue", "- id: 1.0", False, "yaml-integral-float-id"),
    ("duplicate-id", "- id: luku", "- id: kylla", False, "unique-ids"),
    ("unknown-spearhead", "strategiakärki: karki", "strategiakärki: muu", False, "references"),
    ("year-other-folder", "vuosi: 2024", "vuosi: 2025", False, "year-folder"),
    ("unknown-category", "arvo: {lapset: 1, nuoret: 2}", "arvo: {aikuiset: 1}", False, "categories"),
    (
        "target-empty-range",
        "tavoite: {vähintään: 4}",
        "tavoite: {vähintään: 4, alle: 3}",
        False,
        "target-range",
    ),
    ("share-text-over", "tapa: kaikki", 'tapa: osuus\n  osuus_prosenttia: "150"', False, "share-range"),
]


def test_every_mutation_applies_and_names_a_listed_reason() -> None:
    names = [m[0] for m in MUTATIONS]
    assert len(names) == len(set(names))
    for name, old, _new, _accepted, reason in MUTATIONS:
        assert BASE.count(old) == 1, name
        assert reason is None or reason in NOT_EXPRESSIBLE, name


@pytest.fixture(scope="module")
def verdicts(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[bool, bool, str]]:
    """name -> (validate accepts, check-jsonschema accepts, what they said) for the base and every mutation."""
    checker = command(request, "check-jsonschema", "the schema against the tool with check-jsonschema")
    root = tmp_path_factory.mktemp("agreement")
    folder = root / "data" / "2024"
    folder.mkdir(parents=True)
    schema = root / "tavoitteet.schema.json"
    schema.write_text(schema_text(), encoding="utf-8")  # generated now: new fields of the models included
    files = {"base": BASE, **{name: BASE.replace(old, new) for name, old, new, _, _ in MUTATIONS}}
    paths = {}
    for number, (name, text) in enumerate(files.items()):
        paths[name] = folder / f"m{number:03d}.yaml"
        paths[name].write_text(text, encoding="utf-8")
    tool = subprocess.run(
        [sys.executable, "-m", "tavoitteet", "validate", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        check=False,
        env={"TAVOITTEET_NO_CACHE": "1", **_env()},
    )
    rejected_by_tool: dict[str, list[str]] = {}
    for problem in json.loads(tool.stdout)["virheet"]:
        rejected_by_tool.setdefault(Path(problem["tiedosto"]).name, []).append(
            f"{problem['koodi']} {problem['viesti']}"
        )
    done = subprocess.run(
        [checker, "--schemafile", str(schema), "--output-format", "json", *map(str, paths.values())],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(done.stdout)
    rejected_by_schema: dict[str, list[str]] = {}
    for error in [*report.get("errors", []), *report.get("parse_errors", [])]:
        rejected_by_schema.setdefault(Path(error["filename"]).name, []).append(
            str(error.get("message", error))[:160]
        )
    result: dict[str, tuple[bool, bool, str]] = {}
    for name, path in paths.items():
        tool_says = rejected_by_tool.get(path.name, [])
        schema_says = rejected_by_schema.get(path.name, [])
        result[name] = (not tool_says, not schema_says, f"tool: {tool_says}; schema: {schema_says}")
    return result


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "TAVOITTEET_DATA"}


def test_the_base_file_passes_both(verdicts: dict[str, tuple[bool, bool, str]]) -> None:
    assert verdicts["base"][:2] == (True, True), verdicts["base"][2]


@pytest.mark.parametrize(("name", "accepted"), [(m[0], m[3]) for m in MUTATIONS if m[4] is None])
def test_schema_and_tool_agree(
    verdicts: dict[str, tuple[bool, bool, str]], name: str, accepted: bool
) -> None:
    tool, schema, said = verdicts[name]
    assert (tool, schema) == (accepted, accepted), said


@pytest.mark.parametrize(("name", "reason"), [(m[0], m[4]) for m in MUTATIONS if m[4] is not None])
def test_where_json_schema_cannot_follow_only_the_tool_refuses(
    verdicts: dict[str, tuple[bool, bool, str]], name: str, reason: str
) -> None:
    tool, schema, said = verdicts[name]
    assert (tool, schema) == (False, True), f"{reason}: {said}"
