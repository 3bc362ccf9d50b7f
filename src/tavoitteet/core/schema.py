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
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def schema_text() -> str:
    return json.dumps(generate_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
