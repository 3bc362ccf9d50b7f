"""The Finnish description and an example of every field of the goal file: one source.

The JSON Schema's ``description`` and ``examples`` (what an editor shows on
hover and offers on completion) and the table "Kenttien kuvaukset" of
``docs/sanasto.md`` are both generated from this table; ``tests/test_schema.py``
fails when a field of the models has no entry here, and when the glossary's
table differs from what this table generates (``UPDATE_GOLDEN=1`` rewrites it).

Keys are ``Class.field`` of the class that declares the field (the fields every
indicator has under ``IndicatorBase``); an example is the value as written in
YAML, in the form the tool reads.
"""

from __future__ import annotations

from typing import Any

_KIND = "Mittarin tyyppi; määrää, mitä muita avaimia mittarilla on ja miten sen tila lasketaan."
_UNIT = "Yksikkö, jossa luku ilmoitetaan."
_PERIOD = "Jakso, jolta luku lasketaan: vuosi, puolivuotis, kausi, kuukausi, viikko tai koko hanke."
_ID = "Tunnus: pienet kirjaimet a-z, numerot ja väliviiva; ainutkertainen tiedostossa."
_CORRECTIONS = "Siirrossa korjatut ilmeiset kirjoitusvirheet alkuperäisine sanamuotoineen."
_RESPONSIBLE = "Vastuuhenkilö nimikkeineen tai nimineen."
_PERSON = {"nimike": "Sivistysjohtaja"}

_SV = "Samat tekstit ruotsiksi samoilla avaimilla; ruotsinkielinen raportti (--lang sv) käyttää niitä."


def _swedish(example: dict[str, str]) -> tuple[str, Any]:
    return (_SV, example)


FIELD_DOCS: dict[str, tuple[str, Any]] = {
    # Swedish texts beside the Finnish ones (sv:)
    "GoalFile.swedish": _swedish({"lautakunta": "Välfärdsnämnden"}),
    "Spearhead.swedish": _swedish({"nimi": "En välmående kommun"}),
    "ServiceArea.swedish": _swedish({"nimi": "Bibliotekstjänster"}),
    "AreaPart.swedish": _swedish({"nimi": "Stadsteatern"}),
    "Goal.swedish": _swedish({"otsikko": "Biblioteket utvecklar sina musiktjänster."}),
    "Action.swedish": _swedish({"kuvaus": "Biblioteket ordnar musikevenemang."}),
    "IndicatorBase.swedish": _swedish({"nimi": "Antal evenemang"}),
    "Entry.swedish": _swedish({"kommentti": "Ungdomsevenemanget flyttades till hösten."}),
    "ManualLevel.swedish": _swedish({"perustelu": "Projektet försenades."}),
    "Assessment.swedish": _swedish({"arvio": "Målet uppnåddes delvis."}),
    "FileSv.committee": ("Lautakunnan nimi ruotsiksi.", "Välfärdsnämnden"),
    "FileSv.title": ("Asiakirjan otsikko ruotsiksi.", "Verksamhetsmål 2024"),
    "FileSv.description": ("Asiakirjan kuvaus ruotsiksi.", "Nämndens mål per uppgiftsområde"),
    "NamedSv.name": ("Nimi ruotsiksi.", "Bibliotekstjänster"),
    "NamedSv.description": ("Kuvaus ruotsiksi.", "Biblioteken i kommunen"),
    "GoalSv.title": ("Tavoite ruotsiksi.", "Biblioteket utvecklar sina musiktjänster."),
    "GoalSv.description": ("Tavoitteen kuvaus ruotsiksi.", "Fler evenemang för unga."),
    "ActionSv.text": ("Teko ruotsiksi.", "Biblioteket ordnar musikevenemang."),
    "IndicatorSv.name": ("Mittarin nimi ruotsiksi.", "Antal evenemang"),
    "IndicatorSv.target_text": ("Tavoitetaso ruotsiksi.", "Minst 12 evenemang"),
    "IndicatorSv.note": ("Mittarin huomautus ruotsiksi.", "Räknas från bokningssystemet."),
    "EntrySv.comment": ("Kommentti ruotsiksi.", "Ungdomsevenemanget flyttades till hösten."),
    "EntrySv.missing_reason": ("Puuttuvan arvon syy ruotsiksi.", "Uppgiften publiceras i mars."),
    "ReasonSv.reason": ("Käsin asetetun tason perustelu ruotsiksi.", "Projektet försenades."),
    "AssessmentSv.text": ("Sanallinen arvio ruotsiksi.", "Målet uppnåddes delvis."),
    "AssessmentSv.reason": ("Arvion perustelu ruotsiksi.", "Kostnaderna överskreds."),
    # the file
    "GoalFile.format_version": ("Tiedostomuodon versio; toistaiseksi aina 1.", 1),
    "GoalFile.year": ("Vuosi, jota tavoitteet koskevat; sama kuin vuosikansion nimi (data/2024/).", 2024),
    "GoalFile.committee": ("Lautakunta, jonka tavoitteet tiedostossa ovat.", "Hyvinvointilautakunta"),
    "GoalFile.title": (
        "Asiakirjan otsikko, esim. pöytäkirjan asian otsikko.",
        "Toiminnalliset tavoitteet 2024",
    ),
    "GoalFile.description": (
        "Koko asiakirjan kuvaus tai alaotsikko.",
        "Lautakunnan tehtäväalueiden tavoitteet",
    ),
    "GoalFile.source": (
        "Lähdeasiakirja, josta tavoitteet on siirretty.",
        "Hyvinvointilautakunnan pöytäkirja 10.10.2023",
    ),
    "GoalFile.decision": (
        "Päätös, jolla tavoitteet hyväksyttiin (jätetään pois, jos ei tiedossa).",
        {"toimielin": "Hyvinvointilautakunta", "kokouspäivä": "10.10.2023", "pykälä": 119},
    ),
    "GoalFile.rule": (
        "Tiedoston oletussääntö tavoitteen tilalle mittareista (kaikki, heikoin tai osuus).",
        {"tapa": "kaikki"},
    ),
    "GoalFile.spearheads": (
        "Strategian kärjet, joihin tavoitteet viittaavat tunnuksella.",
        [{"id": "hyvinvoiva-kunta", "nimi": "Hyvinvoiva kunta"}],
    ),
    "GoalFile.areas": (
        "Lautakunnan tehtäväalueet tavoitteineen; vähintään yksi.",
        [{"id": "kirjastopalvelut", "nimi": "Kirjastopalvelut", "tavoitteet": []}],
    ),
    "GoalFile.notes": (
        "Vapaamuotoiset huomautukset koko asiakirjasta, esim. taulukon jälkeiset kappaleet.",
        ["Tavoitteet tarkistetaan syksyllä."],
    ),
    # spearheads
    "Spearhead.id": (
        _ID + " Tavoitteet viittaavat kärkeen tällä tunnuksella.",
        "laadukkaat-sivistyspalvelut",
    ),
    "Spearhead.name": (
        "Strategiakärjen nimi sellaisena kuin se on strategiassa.",
        "Laadukkaat sivistyspalvelut",
    ),
    "Spearhead.description": ("Strategiakärjen kuvaus.", "Palvelut ovat saavutettavia ja laadukkaita."),
    # service area, goal, action
    "ServiceArea.id": (_ID, "kirjastopalvelut"),
    "ServiceArea.name": ("Tehtäväalueen nimi.", "Kirjastopalvelut"),
    "ServiceArea.responsible": (_RESPONSIBLE, {"nimike": "Kirjastonjohtaja"}),
    "ServiceArea.corrections": (_CORRECTIONS, [{"alkuperäinen": "Kirjasot", "korjattu": "Kirjasto"}]),
    "ServiceArea.goals": (
        "Tehtäväalueen toiminnalliset tavoitteet; vähintään yksi.",
        [{"id": "lukutaito", "otsikko": "Lasten lukutaito vahvistuu."}],
    ),
    "Goal.id": (_ID, "musiikkipalvelut"),
    "Goal.number": ("Tavoitteen järjestysnumero lähdeasiakirjassa.", 1),
    "Goal.title": ("Tavoite alkuperäisin sanoin.", "Kirjasto kehittää musiikkipalvelujaan."),
    "Goal.description": (
        "Tavoitteen tarkempi kuvaus.",
        "Musiikkiosaston kokoelmat ja tapahtumat uudistetaan.",
    ),
    "Goal.spearhead": (
        "Ensisijainen strategiakärki, jota tavoite edistää (strategiakärjen tunnus).",
        "laadukkaat-sivistyspalvelut",
    ),
    "Goal.also_advances": ("Muut strategiakärjet, joita tavoite edistää (tunnuksia).", ["hyvinvoiva-kunta"]),
    "Goal.binding": ("Onko tavoite sitova valtuustoon nähden: kyllä tai ei.", "ei"),
    "Goal.responsible": (_RESPONSIBLE, {"nimike": "Kirjastonjohtaja"}),
    "Goal.rule": (
        "Miten tämän tavoitteen tila määräytyy mittareista; ohittaa tiedoston oletuksen.",
        {"tapa": "osuus", "osuus_prosenttia": 75},
    ),
    "Goal.predecessor": (
        "Edellisen vuoden vastaava tavoite: tunnus tai vuosi/tunnus.",
        "2023/musiikkipalvelut",
    ),
    "Goal.corrections": (
        _CORRECTIONS,
        [{"alkuperäinen": "musiikkipalvelujansa", "korjattu": "musiikkipalvelujaan"}],
    ),
    "Goal.notes": ("Huomautukset tavoitteesta.", ["Tavoite jatkuu edelliseltä vuodelta."]),
    "Goal.actions": (
        "Teot, joilla tavoitetta edistetään, mittareineen.",
        [{"id": "musiikkitapahtuma", "kuvaus": "Järjestetään musiikkitapahtuma."}],
    ),
    "Goal.indicators": (
        "Tavoitteen omat mittarit (tekojen mittarit ovat teoissa).",
        [
            {
                "id": "tapahtumat",
                "tavoitetaso": "Vähintään 2 tapahtumaa",
                "tyyppi": "luku",
                "tavoite": {"vähintään": 2},
            }
        ],
    ),
    "Action.id": (_ID, "musiikkitapahtuma"),
    "Action.number": ("Teon järjestysnumero lähdeasiakirjassa.", 1),
    "Action.text": ("Teko alkuperäisin sanoin.", "Järjestetään musiikkitapahtuma eri ikäryhmille."),
    "Action.responsible": (_RESPONSIBLE, {"nimike": "Kirjastonjohtaja"}),
    "Action.corrections": (_CORRECTIONS, [{"alkuperäinen": "ikäryhmile", "korjattu": "ikäryhmille"}]),
    "Action.indicators": (
        "Teon mittarit.",
        [{"id": "tapahtuma-pidetty", "tavoitetaso": "Tapahtuma pidetty", "tyyppi": "kyllä/ei"}],
    ),
    # indicators
    "IndicatorBase.id": (_ID, "tapahtumat-ikaryhmille"),
    "IndicatorBase.name": ("Mittarin nimi, jos lähteessä on sellainen.", "Tapahtumien määrä"),
    "IndicatorBase.target_text": (
        "Tavoitetaso alkuperäisin sanoin.",
        "Vähintään yksi tapahtuma eri ikäryhmille",
    ),
    "IndicatorBase.condition": (
        "Ehto, jonka täyttyessä mittaria sovelletaan; muuten arvo voi olla 'ei sovellu'.",
        "Jos hanke saa rahoituksen",
    ),
    "IndicatorBase.predecessor": (
        "Edellisen vuoden vastaava mittari: tunnus tai vuosi/tunnus.",
        "2023/tapahtumat",
    ),
    "IndicatorBase.responsible": (_RESPONSIBLE, {"nimike": "Kulttuurituottaja"}),
    "IndicatorBase.note": ("Huomautus mittarista.", "Luku saadaan kävijätilastosta."),
    "IndicatorBase.corrections": (_CORRECTIONS, [{"alkuperäinen": "tapahtumaa", "korjattu": "tapahtumia"}]),
    "IndicatorBase.entries": (
        "Päivätyt toteumamerkinnät; kirjataan komennolla tavoitteet record.",
        [{"pvm": "15.6.2024", "arvo": 3, "kirjaaja": "Kirjastonjohtaja"}],
    ),
    "IndicatorBase.manual_level": (
        "Käsin asetettu toteutumistaso perusteluineen; ohittaa lasketun tilan.",
        {"taso": "osittain toteutunut", "perustelu": "Luonnos on käytössä."},
    ),
    "YesNoIndicator.kind": (_KIND, "kyllä/ei"),
    "YesNoIndicator.expected": ("Vastaus, jolla tavoite toteutuu: kyllä (oletus) tai ei.", "kyllä"),
    "NumberIndicator.kind": (_KIND, "luku"),
    "NumberIndicator.unit": (_UNIT, "kokousta"),
    "NumberIndicator.target": (
        "Numeerinen tavoite: vähintään, yli, enintään, alle tai tasan.",
        {"vähintään": 4},
    ),
    "NumberIndicator.period": (_PERIOD, "vuosi"),
    "NumberIndicator.per": ("Mitä kohden luku lasketaan.", "nuorisotila"),
    "CategoryIndicator.kind": (_KIND, "luokittain"),
    "CategoryIndicator.unit": (_UNIT, "tapahtumaa"),
    "CategoryIndicator.categories": (
        "Luokat, joille kullekin kirjataan oma luku; kukin vain kerran.",
        ["lapset", "nuoret", "työikäiset", "seniorit"],
    ),
    "CategoryIndicator.target": ("Tavoite, joka jokaisen luokan pitää saavuttaa.", {"vähintään": 1}),
    "CategoryIndicator.period": (_PERIOD, "vuosi"),
    "TrendIndicator.kind": (_KIND, "kehitys"),
    "TrendIndicator.unit": (_UNIT, "käyntiä"),
    "TrendIndicator.direction": ("Tavoiteltu suunta vertailuarvosta: kasvu tai lasku.", "kasvu"),
    "TrendIndicator.baseline_year": ("Vuosi, johon muutosta verrataan.", 2023),
    "TrendIndicator.baseline_value": (
        "Vertailuvuoden arvo; ilman sitä käytetään vertailuvuoden tiedoston toteumaa.",
        "12 500",
    ),
    "TrendIndicator.min_change_percent": (
        "Muutos vähintään prosentteina; ilman tätä mikä tahansa muutos oikeaan suuntaan riittää.",
        5,
    ),
    "DeadlineIndicator.kind": (_KIND, "määräaika"),
    "DeadlineIndicator.deadline": (
        "Päivä, johon mennessä asian on oltava valmis (päivä itse kelpaa).",
        "31.12.2024",
    ),
    "TrackedIndicator.kind": (_KIND, "seuranta"),
    "TrackedIndicator.unit": (_UNIT, "kävijää"),
    "TrackedIndicator.period": (_PERIOD, "kuukausi"),
    "QualitativeIndicator.kind": (_KIND, "laadullinen"),
    # targets, rules, levels, entries
    "Target.at_least": ("Alaraja, joka kelpaa itse (>=).", 10),
    "Target.more_than": ("Alaraja, joka ei itse kelpaa (>).", 0),
    "Target.at_most": ("Yläraja, joka kelpaa itse (<=).", "2,5"),
    "Target.less_than": ("Yläraja, joka ei itse kelpaa (<).", 100),
    "Target.exactly": ("Tarkka arvo (=); ei muiden rajojen kanssa.", 1),
    "GoalRule.method": (
        "Tapa: kaikki (kaikki mittarit), heikoin (heikoin tila) tai osuus (osuus_prosenttia).",
        "kaikki",
    ),
    "GoalRule.share_percent": (
        "Tavalle osuus: kuinka monen prosentin arvioitavista mittareista pitää toteutua.",
        75,
    ),
    "ManualLevel.level": (
        "Toteutumistaso: toteutunut, osittain toteutunut, ei toteutunut tai ei sovellu.",
        "osittain toteutunut",
    ),
    "ManualLevel.reason": ("Perustelu käsin asetetulle tasolle.", "Suunnitelma on luonnoksena käytössä."),
    "ManualLevel.date": ("Päivä, josta lähtien taso on voimassa (10.10.2024 tai 2024-10-10).", "10.10.2024"),
    "ManualLevel.by": ("Kuka tason asetti.", "Sivistysjohtaja"),
    "Entry.date": ("Toteuman päivämäärä (15.6.2024 tai 2024-06-15).", "15.6.2024"),
    "Entry.value": (
        "Arvo mittarin tyypin mukaan: kyllä/ei, luku, päivämäärä, luokittain luokka: luku, tai 'ei sovellu'.",
        3,
    ),
    "Entry.missing_reason": ("Syy, miksi arvoa ei ole; arvon sijaan.", "Tietoa ei vielä saatavilla."),
    "Entry.by": ("Kuka toteuman kirjasi.", "Kirjastonjohtaja"),
    "Entry.source": ("Mistä raportista tai järjestelmästä arvo on.", "Kävijätilasto 2024"),
    "Entry.comment": ("Kommentti toteumasta.", "Nuorten tapahtuma siirtyi syksyyn."),
    "Correction.original": ("Alkuperäinen sanamuoto kirjoitusvirheineen.", "Kirjasot"),
    "Correction.corrected": ("Korjattu sanamuoto, joka on tiedostossa.", "Kirjasto"),
    "Correction.reason": ("Miksi korjaus on varma.", "Ilmeinen kirjoitusvirhe."),
    "Person.title": ("Henkilön nimike.", "Sivistysjohtaja"),
    "Person.name": ("Henkilön nimi.", "Maija Meikäläinen"),
    # the decision
    "Decision.subject": ("Asian otsikko esityslistalla.", "Toiminnalliset tavoitteet vuodelle 2024"),
    "Decision.body": ("Toimielin, joka päätti.", "Hyvinvointilautakunta"),
    "Decision.meeting_date": ("Kokouksen päivämäärä (10.10.2023 tai 2023-10-10).", "10.10.2023"),
    "Decision.section": ("Pöytäkirjan pykälä (§) numerona.", 119),
    "Decision.preamble": (
        "Asian selostus ennen tavoitteita.",
        "Lautakunta asettaa vuosittain toiminnalliset tavoitteet.",
    ),
    "Decision.preparer": ("Asian valmistelija.", _PERSON),
    "Decision.presenter": ("Asian esittelijä.", _PERSON),
    "Decision.proposal": ("Päätösehdotus sanasta sanaan.", "Lautakunta hyväksyy tavoitteet."),
    "Decision.decision_text": ("Päätös sellaisena kuin se kirjattiin.", "Hyväksyttiin."),
    "Decision.remarks": (
        "Pöytäkirjaan merkityt asiat.",
        [{"teksti": "Puheenjohtaja poistui kokouksesta asian ajaksi."}],
    ),
    "Decision.budget": (
        "Talousarvio, johon tavoitteet liitetään.",
        {"nimi": "Talousarvio 2024", "vuosi": 2024},
    ),
    "BudgetLink.name": ("Talousarvioasiakirjan nimi.", "Talousarvio 2024"),
    "BudgetLink.year": ("Talousarviovuosi.", 2024),
    "BudgetLink.url": ("Talousarvioasiakirjan verkko-osoite.", "https://www.example.fi/talousarvio-2024.pdf"),
    "BudgetLink.text": (
        "Alkuperäinen sanamuoto, joka liittää tavoitteet talousarvioon.",
        "Tavoitteet liitetään talousarvioon 2024.",
    ),
    "MinutesRemark.text": (
        "Pöytäkirjamerkinnän teksti sanasta sanaan.",
        "Puheenjohtaja poistui kokouksesta asian ajaksi.",
    ),
    "MinutesRemark.left_meeting": (
        "Henkilöt, jotka poistuivat kokouksesta asian ajaksi.",
        [{"nimi": "Maija Meikäläinen"}],
    ),
    "MinutesRemark.acting_chair": ("Kuka toimi puheenjohtajana asian ajan.", "Varapuheenjohtaja"),
    # issue 13: municipality, other decisions, assessments, parts of areas, series, carried-over items
    "GoalFile.municipality": (
        "Kunta, jonka lautakunta tämä on; oletus data-kansion tavoitteet.yaml-tiedostosta.",
        "Esimerkkilä",
    ),
    "GoalFile.decisions": (
        "Vuoden muut päätökset, esim. tavoitteiden muuttaminen kesken vuoden.",
        [{"toimielin": "Hyvinvointilautakunta", "kokouspäivä": "12.3.2024"}],
    ),
    "GoalFile.assessments": (
        "Sanalliset arviot lautakunnan koko vuodesta, myös muiden kuin lautakunnan.",
        [{"arvio": "Vuosi meni suunnitellusti.", "arvioija": "Tarkastuslautakunta"}],
    ),
    "Assessment.text": ("Sanallinen arvio sellaisenaan.", "Tavoite toteutui osittain; hanke viivästyi."),
    "Assessment.level": (
        "Arvioijan toteutumistaso: toteutunut, osittain toteutunut, ei toteutunut tai ei sovellu.",
        "osittain toteutunut",
    ),
    "Assessment.reason": ("Perustelu arvion tasolle.", "Hanke siirtyi syksyyn."),
    "Assessment.date": ("Arvion päivämäärä (15.2.2025 tai 2025-02-15).", "15.2.2025"),
    "Assessment.assessor": (
        "Kuka arvioi, esim. tarkastuslautakunta; ilman tätä arvio on lautakunnan oma.",
        "Tarkastuslautakunta",
    ),
    "Assessment.by": ("Kuka arvion kirjasi.", "Sivistysjohtaja"),
    "ServiceArea.description": ("Tehtäväalueen kuvaus.", "Kirjasto- ja tietopalvelut koko kunnalle."),
    "ServiceArea.strategic_aims": (
        "Tehtäväalueen strategiset tavoitteet, joihin tavoitteet viittaavat tunnuksella.",
        [{"id": "lukutaito", "nimi": "Lukutaito vahvistuu"}],
    ),
    "ServiceArea.sub_units": (
        "Tehtäväalueen alayksiköt, joihin tavoitteet viittaavat tunnuksella.",
        [{"id": "paakirjasto", "nimi": "Pääkirjasto"}],
    ),
    "ServiceArea.notes": ("Huomautukset tehtäväalueesta.", ["Tehtäväalue yhdistettiin vuonna 2024."]),
    "AreaPart.id": (_ID, "paakirjasto"),
    "AreaPart.name": ("Nimi sellaisena kuin se on lähteessä.", "Pääkirjasto"),
    "AreaPart.description": ("Strategisen tavoitteen tai alayksikön kuvaus.", "Kunnan keskustan kirjasto."),
    "Goal.goal_kind": (
        "Tavoitelaji: vaikuttavuustavoite, suoritetavoite tai tulostavoite.",
        "suoritetavoite",
    ),
    "Goal.goal_nature": ("Onko tavoite toiminnallinen vai taloudellinen.", "toiminnallinen"),
    "Goal.strategic_aim": ("Tehtäväalueen strateginen tavoite, jota tavoite edistää (tunnus).", "lukutaito"),
    "Goal.sub_unit": ("Tehtäväalueen alayksikkö, jonka tavoite tämä on (tunnus).", "paakirjasto"),
    "Goal.assessments": (
        "Sanalliset arviot tavoitteesta, myös muiden kuin lautakunnan.",
        [{"arvio": "Toteutui hyvin.", "taso": "toteutunut"}],
    ),
    "Goal.carry_over": (
        "Tavoite siirtyy seuraavalle vuodelle: syy ja vuosi.",
        {"syy": "Hanke viivästyi.", "vuodelle": 2025},
    ),
    "Action.carry_over": (
        "Teko siirtyy seuraavalle vuodelle: syy ja vuosi.",
        {"syy": "Rahoitus puuttui.", "vuodelle": 2025},
    ),
    "Action.notes": ("Huomautukset teosta.", ["Teko tehdään yhdessä nuorisopalvelujen kanssa."]),
    "CarryOver.reason": ("Miksi tavoite tai teko siirtyy.", "Hanke viivästyi."),
    "CarryOver.to_year": ("Vuosi, jolle se siirtyy.", 2025),
    "Decision.diary_number": ("Asian diaarinumero.", "123/02.02.00/2024"),
    "IndicatorBase.binding": (
        "Onko mittari sitova valtuustoon nähden: kyllä tai ei; puuttuu = ei ilmoitettu.",
        "kyllä",
    ),
    "IndicatorBase.target_year": (
        "Vuosi, jota tavoite koskee, jos se on myöhempi kuin tiedoston vuosi.",
        2026,
    ),
    "IndicatorBase.series": (
        "Aiempien ja tulevien vuosien arvot: toteumat, talousarviot, ennusteet, ehdotukset ja suunnitelmat.",
        [{"vuosi": 2023, "laji": "toteuma", "arvo": 812}],
    ),
    "SeriesValue.year": ("Vuosi, jonka arvo tämä on.", 2023),
    "SeriesValue.kind": (
        "Laji: toteuma, talousarvio, ennuste, ehdotus, suunnitelma tai lähtötaso; oletus toteuma.",
        "talousarvio",
    ),
    "SeriesValue.value": ("Arvo, esim. 812 tai n. 800 (likimääräinen).", "n. 800"),
    "SeriesValue.missing_reason": ("Syy, miksi arvoa ei ole; arvon sijaan.", "Tilastoa ei julkaistu."),
    "SeriesValue.source": ("Mistä arvo on.", "Tilinpäätös 2023"),
    "SeriesValue.comment": ("Kommentti arvosta.", "Laskentatapa muuttui."),
    "Entry.period": ("Vuosi, jonka arvo tämä on; oletus tiedoston vuosi.", 2024),
    "Entry.corrects": (
        "Korjattavan kirjauksen järjestysnumero (1 = ensimmäinen); tämä kirjaus korvaa sen.",
        1,
    ),
    "Entry.withdraws": ("Perutun kirjauksen järjestysnumero (1 = ensimmäinen); perumisella ei ole arvoa.", 2),
}


GLOSSARY_BEGIN = (
    "<!-- kenttien kuvaukset: tuotettu tiedostosta src/tavoitteet/core/field_docs.py; "
    "päivitä: UPDATE_GOLDEN=1 python -m pytest tests/test_schema.py -->"
)
GLOSSARY_END = "<!-- kenttien kuvaukset loppuvat -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _example(value: Any) -> str:
    import json

    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return f"`{_cell(text)}`"


def glossary_section(owners: dict[str, dict[str, str]], titles: dict[str, str]) -> str:
    """The table of docs/sanasto.md that shows each key's Finnish description and example.

    ``owners`` maps each model to its keys and fields (core/schema.field_owners), ``titles``
    each model to its Finnish title; a field every indicator has is shown once.
    """
    rows = [
        GLOSSARY_BEGIN,
        "",
        "| Avain | Missä | Malli.kenttä | Kuvaus (editorissa) | Esimerkki |",
        "|---|---|---|---|---|",
    ]
    shown: set[str] = set()
    for model, keys in owners.items():
        for key, field in keys.items():
            if field in shown or field not in FIELD_DOCS:
                continue
            shown.add(field)
            description, example = FIELD_DOCS[field]
            where = titles.get(field.split(".")[0], titles.get(model, model))
            rows.append(f"| `{key}` | {where} | `{field}` | {_cell(description)} | {_example(example)} |")
    return "\n".join([*rows, "", GLOSSARY_END])
