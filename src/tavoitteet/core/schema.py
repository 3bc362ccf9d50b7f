"""The JSON Schema of goal files, generated from the models, in Finnish."""

from __future__ import annotations

import json
from typing import Any

SCHEMA_FILE = "schemas/tavoitteet.schema.json"
SCHEMA_ID = "https://github.com/tavoitteet/tavoitteet/raw/main/schemas/tavoitteet.schema.json"

_DEFINITIONS = {
    "AreaPart": ("Tehtäväalueen osa", "Tehtäväalueen strateginen tavoite tai alayksikkö (esim. kirjasto)."),
    "Assessment": (
        "Arvio",
        "Sanallinen arvio tavoitteesta tai lautakunnan vuodesta; taso valinnainen, arvioija oletuksena lautakunta.",
    ),
    "CarryOver": ("Siirto", "Seuraavalle vuodelle siirtyvä tavoite tai teko ja siirron syy."),
    "SeriesValue": (
        "Sarjan arvo",
        "Mittarin arvo yhdeltä vuodelta: toteuma, talousarvio, ennuste, ehdotus, suunnitelma tai lähtötaso.",
    ),
    "Action": ("Teko", "Teko, jolla tavoitetta edistetään, ja sen mittarit."),
    "BudgetLink": ("Talousarvio", "Talousarvio, johon tavoitteet liitetään."),
    "CategoryIndicator": (
        "Luokittainen mittari",
        "Lukumäärä luokittain; jokaisen luokan pitää saavuttaa tavoite.",
    ),
    "Correction": ("Korjaus", "Ilmeinen kirjoitusvirhe, joka korjattiin; alkuperäinen sanamuoto säilyy."),
    "DeadlineIndicator": ("Määräaikamittari", "Valmis määräpäivään mennessä."),
    "Decision": ("Päätös", "Toimielimen päätös, jolla tavoitteet hyväksyttiin."),
    "Entry": ("Toteuma", "Päivätty toteumamerkintä: arvo tai syy sen puuttumiseen."),
    "Goal": ("Tavoite", "Toiminnallinen tavoite."),
    "GoalRule": (
        "Arviointisääntö",
        "Miten tavoitteen tila määräytyy mittareista: kaikki, heikoin tai osuus.",
    ),
    "ManualLevel": ("Toteutumistaso", "Käsin asetettu toteutumistaso; ohittaa lasketun tilan."),
    "MinutesRemark": ("Pöytäkirjamerkintä", "Pöytäkirjaan merkitty asia, esim. puheenjohtajan poistuminen."),
    "NumberIndicator": ("Lukumittari", "Luku yksikköineen verrattuna tavoitteeseen."),
    "Person": ("Henkilö", "Henkilö nimikkeineen."),
    "QualitativeIndicator": ("Laadullinen mittari", "Sanallinen arvio; taso asetetaan käsin."),
    "ServiceArea": ("Tehtäväalue", "Lautakunnan alainen tehtäväalue."),
    "Spearhead": ("Strategiakärki", "Strategian kärki, jota tavoitteet edistävät."),
    "Target": ("Tavoite", "Numeerinen tavoite: vähintään, yli, enintään, alle tai tasan."),
    "TrackedIndicator": (
        "Seurantamittari",
        "Seurattava lukumäärä ilman tavoitetta; raportoidaan, ei arvioida.",
    ),
    "TrendIndicator": ("Kehitysmittari", "Muutos vertailuvuoteen: kasvu tai lasku."),
    "YesNoIndicator": ("Kyllä/ei-mittari", "Toteutuiko: kyllä tai ei."),
    # issue 17: the Swedish texts (sv:) beside the Finnish ones
    "FileSv": ("Tiedoston ruotsinkieliset tekstit", "Lautakunnan nimi, otsikko ja kuvaus ruotsiksi."),
    "NamedSv": ("Ruotsinkielinen nimi", "Nimi ja kuvaus ruotsiksi."),
    "GoalSv": ("Tavoitteen ruotsinkieliset tekstit", "Tavoitteen otsikko ja kuvaus ruotsiksi."),
    "ActionSv": ("Teon ruotsinkielinen teksti", "Teon kuvaus ruotsiksi."),
    "IndicatorSv": ("Mittarin ruotsinkieliset tekstit", "Mittarin nimi, tavoitetaso ja huomautus ruotsiksi."),
    "EntrySv": ("Toteuman ruotsinkieliset tekstit", "Kommentti ja puuttumisen syy ruotsiksi."),
    "ReasonSv": ("Ruotsinkielinen perustelu", "Käsin asetetun tason perustelu ruotsiksi."),
    "AssessmentSv": ("Arvion ruotsinkieliset tekstit", "Sanallinen arvio ja perustelu ruotsiksi."),
}


def generate_schema() -> dict[str, Any]:
    """The schema editors use to complete and check goal files."""
    from tavoitteet.core.model import GoalFile

    schema = GoalFile.model_json_schema(by_alias=True, mode="validation")
    for name, definition in schema.get("$defs", {}).items():
        title, description = _DEFINITIONS[name]
        definition["title"] = title
        definition["description"] = description
    schema["description"] = "Yhden lautakunnan yhden vuoden toiminnalliset tavoitteet."
    _describe_properties(schema)
    _add_model_rules(schema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


# --- issue 16: descriptions and examples from core/field_docs.py; the models' own rules ---------


def field_owners() -> dict[str, dict[str, str]]:
    """For each model of the file (by class name): YAML key -> ``Class.field`` of the declaring class."""
    import inspect
    import typing

    from pydantic import BaseModel

    from tavoitteet.core.model import GoalFile

    owners: dict[str, dict[str, str]] = {}
    pending: list[Any] = [GoalFile]
    while pending:
        annotation = pending.pop()
        pending += typing.get_args(annotation)
        if (
            isinstance(annotation, type)
            and issubclass(annotation, BaseModel)
            and annotation.__name__ not in owners
        ):
            keys: dict[str, str] = {}
            for name, info in annotation.model_fields.items():
                declaring = next(c for c in annotation.__mro__ if name in inspect.get_annotations(c))
                keys[info.alias or name] = f"{declaring.__name__}.{name}"
                pending.append(info.annotation)
            owners[annotation.__name__] = keys
    return owners


def glossary_section() -> str:
    """The generated table of docs/sanasto.md: the same descriptions and examples as the schema."""
    from tavoitteet.core.field_docs import glossary_section as section

    titles = {name: title for name, (title, _) in _DEFINITIONS.items()}
    titles["GoalFile"] = "tiedosto"
    titles["IndicatorBase"] = "jokainen mittari"
    return section(field_owners(), titles)


def _describe_properties(schema: dict[str, Any]) -> None:
    from tavoitteet.core.field_docs import FIELD_DOCS

    definitions = {**schema.get("$defs", {}), "GoalFile": schema}
    for model, keys in field_owners().items():
        properties = definitions[model].get("properties", {})
        for key, field in keys.items():
            if field not in FIELD_DOCS:
                continue  # tests/test_schema.py names every field without an entry
            description, example = FIELD_DOCS[field]
            properties[key]["description"] = description
            properties[key]["examples"] = [example]


def _has(key: str) -> dict[str, Any]:
    """The key is given a value (a key with an empty value is as if it were not there)."""
    return {"required": [key], "properties": {key: {"not": {"type": "null"}}}}


def _add_model_rules(schema: dict[str, Any]) -> None:
    """What the models' validators check, as far as JSON Schema can say it (core/model.py)."""
    from tavoitteet.core import schema_forms as forms

    defs = schema["$defs"]
    alone = [{"not": _has(key)} for key in ("arvo", "puuttuu", "korjaa")]
    defs["Entry"]["anyOf"] = [
        {"allOf": [_has("peruu"), *alone]},  # a withdrawal has no value
        {"allOf": [{"not": _has("peruu")}, _has("arvo"), {"not": _has("puuttuu")}]},
        {"allOf": [{"not": _has("peruu")}, _has("puuttuu"), {"not": _has("arvo")}]},
    ]
    if "SeriesValue" in defs:
        defs["SeriesValue"]["oneOf"] = [_has("arvo"), _has("puuttuu")]
    defs["Person"]["anyOf"] = [_has("nimike"), _has("nimi")]
    bounds = ["vähintään", "yli", "enintään", "alle", "tasan"]
    defs["Target"]["anyOf"] = [_has(bound) for bound in bounds]
    defs["Target"]["allOf"] = [
        {"not": {"allOf": [_has("tasan"), {"anyOf": [_has(b) for b in bounds[:4]]}]}},
        {"not": {"allOf": [_has("vähintään"), _has("yli")]}},
        {"not": {"allOf": [_has("enintään"), _has("alle")]}},
    ]
    share = {
        "anyOf": [
            {"type": "number", "exclusiveMinimum": 0, "maximum": 100},
            {"type": "string"},
            {"type": "null"},
        ]
    }
    defs["GoalRule"]["allOf"] = [
        {
            "if": {"properties": {"tapa": {"const": "osuus"}}},
            "then": _has("osuus_prosenttia"),
            "else": {"not": _has("osuus_prosenttia")},
        },
        {"properties": {"osuus_prosenttia": share}},
    ]
    defs["CategoryIndicator"]["properties"]["luokat"]["uniqueItems"] = True
    for definition in defs.values():
        kind = definition.get("properties", {}).get("tyyppi", {}).get("const")
        if kind is None:
            continue
        value = forms.VALUE_BY_KIND[kind]
        conditional = {"anyOf": [value, forms.NOT_APPLICABLE, {"type": "null"}]}
        plain = {"anyOf": [value, {"type": "null"}]}
        series = {
            "anyOf": [forms.approximate(value), forms.approximate(forms.NOT_APPLICABLE), {"type": "null"}]
        }
        series_plain = {"anyOf": [forms.approximate(value), {"type": "null"}]}

        def values(entry: dict[str, Any], series_value: dict[str, Any]) -> dict[str, Any]:
            return {
                "properties": {
                    "toteuma": {"items": {"properties": {"arvo": entry}}},
                    "sarja": {"items": {"properties": {"arvo": series_value}}},
                }
            }

        definition["allOf"] = [
            {"if": _has("ehto"), "then": values(conditional, series), "else": values(plain, series_plain)}
        ]


def schema_text() -> str:
    return json.dumps(generate_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
