"""Wording of every problem in Finnish and English, with a hint how to fix it.

Keys are stable; ``{name}`` placeholders are filled from the problem's args.
The hint of ``key`` is stored under ``key + ".hint"``.
"""

from __future__ import annotations

from tavoitteet.core.parsing import MAX_DECIMALS, MAX_DIGITS
from tavoitteet.words.i18n import Lang, translate


def _m(fi: str, en: str, hint_fi: str = "", hint_en: str = "") -> tuple[dict[str, str], dict[str, str]]:
    return {"fi": fi, "en": en}, {"fi": hint_fi, "en": hint_en}


_RAW = {
    "file.too_large": _m(
        "tiedosto on liian suuri ({size} tavua, enintään {limit})",
        "file is too large ({size} bytes, at most {limit})",
        "Tavoitetiedosto on yleensä muutaman kilotavun kokoinen; tarkista, että tiedosto on oikea.",
        "A goal file is usually a few kilobytes; check that this is the right file.",
    ),
    "file.unreadable": _m(
        "tiedostoa ei voi lukea: {reason}",
        "cannot read the file: {reason}",
        "Tarkista tiedoston nimi ja lukuoikeudet.",
        "Check the file name and read permissions.",
    ),
    "file.cp1252": _m(
        "tiedosto ei ole UTF-8-muodossa (näyttää Windows-1252-merkistöltä)",
        "the file is not UTF-8 (it looks like Windows-1252)",
        "Tallenna tiedosto uudelleen UTF-8-muodossa (esim. Muistiossa: Tallenna nimellä > Koodaus: UTF-8).",
        "Save the file again as UTF-8 (e.g. in Notepad: Save as > Encoding: UTF-8).",
    ),
    "file.not_utf8": _m(
        "tiedosto ei ole UTF-8-muodossa",
        "the file is not UTF-8",
        "Tallenna tiedosto uudelleen UTF-8-muodossa.",
        "Save the file again as UTF-8.",
    ),
    "file.control_char": _m(
        "tiedostossa on ohjausmerkki {char}",
        "the file contains the control character {char}",
        "Poista merkki; se on usein peräisin kopioinnista toisesta ohjelmasta.",
        "Remove the character; it usually comes from copying from another program.",
    ),
    "file.bad_indent": _m(
        "sisennyksessä on {char}",
        "the indentation contains {char}",
        "Sisennä vain tavallisilla välilyönneillä; muut merkit muuttavat rakennetta huomaamatta.",
        "Indent with plain spaces only; other characters silently change the structure.",
    ),
    "file.empty": _m(
        "tiedosto on tyhjä",
        "the file is empty",
        "Kirjoita tiedostoon vähintään muoto, vuosi, lautakunta ja tehtäväalueet.",
        "Write at least muoto, vuosi, lautakunta and tehtäväalueet into the file.",
    ),
    "yaml.syntax": _m(
        "YAML-rakenne on virheellinen: {detail}",
        "invalid YAML structure: {detail}",
        "Tarkista sisennys, kaksoispisteet ja lainausmerkit tällä ja edellisellä rivillä.",
        "Check the indentation, colons and quotes on this line and the one before.",
    ),
    "yaml.root_not_mapping": _m(
        "tiedoston päätason pitää olla avain: arvo -rakenne",
        "the top level of the file must be a mapping of keys to values",
        "Aloita tiedosto esimerkiksi rivillä 'muoto: 1'.",
        "Start the file with a line such as 'muoto: 1'.",
    ),
    "yaml.multi_document": _m(
        "tiedostossa on useampi kuin yksi YAML-dokumentti",
        "the file contains more than one YAML document",
        "Yksi tiedosto sisältää yhden lautakunnan yhden vuoden; poista '---'-rivi tai jaa tiedosto kahtia.",
        "One file holds one committee's year; remove the '---' line or split the file.",
    ),
    "yaml.alias": _m(
        "viittauksia (*nimi) ei sallita",
        "aliases (*name) are not allowed",
        "Kirjoita arvo auki; viittaukset voivat paisuttaa tiedoston hallitsemattomasti.",
        "Write the value out; aliases can blow a file up uncontrollably.",
    ),
    "yaml.anchor": _m(
        "ankkureita (&{name}) ei sallita",
        "anchors (&{name}) are not allowed",
        "Poista ankkuri ja kirjoita arvo auki.",
        "Remove the anchor and write the value out.",
    ),
    "yaml.tag": _m(
        "tyyppimerkintöjä ({tag}) ei sallita",
        "tags ({tag}) are not allowed",
        "Poista merkintä; arvon tyyppi määräytyy avaimesta.",
        "Remove the tag; the key decides the value's type.",
    ),
    "yaml.merge_key": _m(
        "yhdistämisavainta '<<' ei sallita",
        "the merge key '<<' is not allowed",
        "Kirjoita avaimet auki.",
        "Write the keys out.",
    ),
    "yaml.duplicate_key": _m(
        "avain '{key}' on jo rivillä {first}",
        "the key '{key}' already appears on line {first}",
        "Poista toinen avaimista tai yhdistä niiden sisältö; muuten toinen korvaisi toisen.",
        "Remove one of the keys or merge their contents; otherwise one would replace the other.",
    ),
    "yaml.non_scalar_key": _m(
        "avaimen pitää olla tekstiä",
        "a key must be text",
        "Kirjoita avain muodossa 'nimi: arvo'.",
        "Write the key as 'name: value'.",
    ),
    "yaml.too_deep": _m(
        "rakenne on liian syvä (enintään {limit} tasoa)",
        "the structure is too deeply nested (at most {limit} levels)",
        "Tarkista sulut ja sisennykset.",
        "Check the brackets and the indentation.",
    ),
    "yaml.too_many_nodes": _m(
        "tiedostossa on liikaa arvoja (enintään {limit})",
        "the file has too many values (at most {limit})",
        "Jaa tiedosto lautakunnittain.",
        "Split the file by committee.",
    ),
    "model.unknown_key": _m(
        "tuntematon avain '{key}'",
        "unknown key '{key}'",
        "Sallitut avaimet tässä kohdassa: {allowed}.{suggestion}",
        "Keys allowed here: {allowed}.{suggestion}",
    ),
    "model.missing_key": _m(
        "pakollinen avain '{key}' puuttuu",
        "the required key '{key}' is missing",
        "Lisää avain '{key}' tähän kohtaan.",
        "Add the key '{key}' here.",
    ),
    "model.expected_mapping": _m(
        "tässä pitää olla avain: arvo -rakenne, nyt {found}",
        "a mapping of keys to values is expected here, found {found}",
        "Kirjoita arvot sisennettyinä avaimen alle.",
        "Write the values indented under the key.",
    ),
    "model.expected_list": _m(
        "tässä pitää olla luettelo, nyt {found}",
        "a list is expected here, found {found}",
        "Aloita luettelon jokainen kohta omalla rivillään viivalla '- '.",
        "Start each item of the list on its own line with '- '.",
    ),
    "model.expected_text": _m(
        "tässä pitää olla teksti tai yksittäinen arvo, nyt {found}",
        "text or a single value is expected here, found {found}",
        "Kirjoita arvo samalle riville avaimen kanssa.",
        "Write the value on the same line as the key.",
    ),
    "model.empty_text": _m(
        "arvo on tyhjä",
        "the value is empty",
        "Kirjoita arvo tai poista koko avain.",
        "Write a value or remove the whole key.",
    ),
    "model.empty_list": _m(
        "luettelo on tyhjä",
        "the list is empty",
        "Luettelossa pitää olla vähintään yksi kohta.",
        "The list needs at least one item.",
    ),
    "model.invalid_choice": _m(
        "arvo '{value}' ei käy",
        "the value '{value}' is not allowed",
        "Sallitut arvot: {allowed}.",
        "Allowed values: {allowed}.",
    ),
    "model.kind_missing": _m(
        "mittarilta puuttuu tyyppi",
        "the indicator has no kind",
        "Lisää 'tyyppi:' jolla on jokin arvoista {allowed}.",
        "Add 'tyyppi:' with one of {allowed}.",
    ),
    "number.invalid": _m(
        "'{text}' ei ole luku",
        "'{text}' is not a number",
        "Kirjoita luku numeroin, esim. 1234, 1 234 tai 1 234,5.",
        "Write the number in digits, e.g. 1234, 1 234 or 1 234,5.",
    ),
    "number.ambiguous": _m(
        "luku '{text}' on epäselvä: piste voi olla tuhaterotin tai desimaalierotin",
        "the number '{text}' is ambiguous: the dot may separate thousands or decimals",
        "Kirjoita tuhannet välilyönnillä (1 234) tai desimaalit pilkulla (1,234).",
        "Write thousands with a space (1 234) or decimals with a comma (1,234).",
    ),
    "integer.invalid": _m(
        "'{text}' ei ole kokonaisluku",
        "'{text}' is not a whole number",
        "Kirjoita kokonaisluku ilman desimaaleja, esim. 119.",
        "Write a whole number without decimals, e.g. 119.",
    ),
    "date.invalid": _m(
        "'{text}' ei ole päivämäärä",
        "'{text}' is not a date",
        "Kirjoita päivämäärä muodossa 10.10.2023 tai 2023-10-10.",
        "Write the date as 10.10.2023 or 2023-10-10.",
    ),
    "date.nonexistent": _m(
        "päivämäärää '{text}' ei ole olemassa",
        "the date '{text}' does not exist",
        "Tarkista päivä ja kuukausi.",
        "Check the day and the month.",
    ),
    "bool.invalid": _m(
        "'{text}' ei ole kyllä tai ei",
        "'{text}' is not kyllä (yes) or ei (no)",
        "Kirjoita kyllä tai ei (yes/no/on/off ovat YAML:ssa epäselviä).",
        "Write kyllä or ei (yes/no/on/off are ambiguous in YAML).",
    ),
    "model.invalid_id": _m(
        "tunnus '{value}' ei kelpaa",
        "the id '{value}' is not valid",
        "Tunnuksessa saa olla vain pieniä kirjaimia a-z, numeroita ja väliviivoja (esim. kirjasto-1).",
        "An id may contain only lowercase letters a-z, digits and hyphens (e.g. kirjasto-1).",
    ),
    "model.too_small": _m(
        "arvo '{value}' on liian pieni",
        "the value '{value}' is too small",
        "Pienin sallittu arvo on {ge}.",
        "The smallest value allowed is {ge}.",
    ),
    "model.too_large": _m(
        "arvo '{value}' on liian suuri",
        "the value '{value}' is too large",
        "Suurin sallittu arvo on {le}.",
        "The largest value allowed is {le}.",
    ),
    "model.invalid": _m(
        "arvo ei kelpaa: {detail}",
        "invalid value: {detail}",
        "Tarkista arvo tiedostomuodon kuvauksesta (docs/tiedostomuoto.md).",
        "Check the value against the file format (docs/tiedostomuoto.md).",
    ),
    "person_empty": _m(
        "henkilöltä puuttuu sekä nimike että nimi",
        "the person has neither a title nor a name",
        "Lisää 'nimike:' tai 'nimi:'.",
        "Add 'nimike:' or 'nimi:'.",
    ),
    "target_empty": _m(
        "tavoitteessa ei ole yhtään rajaa",
        "the target has no bound",
        "Lisää jokin avaimista vähintään, yli, enintään, alle tai tasan.",
        "Add one of vähintään, yli, enintään, alle or tasan.",
    ),
    "target_exact_mixed": _m(
        "'tasan' ei voi olla muiden rajojen kanssa",
        "'tasan' cannot be combined with other bounds",
        "Käytä joko tasan-arvoa tai ala- ja ylärajaa.",
        "Use either tasan or lower and upper bounds.",
    ),
    "target_two_lower": _m(
        "tavoitteessa on kaksi alarajaa (vähintään ja yli)",
        "the target has two lower bounds (vähintään and yli)",
        "Jätä vain toinen.",
        "Keep only one of them.",
    ),
    "target_two_upper": _m(
        "tavoitteessa on kaksi ylärajaa (enintään ja alle)",
        "the target has two upper bounds (enintään and alle)",
        "Jätä vain toinen.",
        "Keep only one of them.",
    ),
    "target_empty_range": _m(
        "mikään arvo ei täytä tavoitetta: alaraja on ylärajaa suurempi",
        "no value meets the target: the lower bound exceeds the upper bound",
        "Tarkista rajojen järjestys (esim. vähintään: 5, enintään: 8).",
        "Check the order of the bounds (e.g. vähintään: 5, enintään: 8).",
    ),
    "entry_value_xor_missing": _m(
        "toteumassa pitää olla joko 'arvo' tai 'puuttuu' (syy, miksi arvo puuttuu)",
        "a realization entry needs either 'arvo' or 'puuttuu' (why the value is missing)",
        "Esim. 'arvo: 12' tai 'puuttuu: tietoa ei vielä saatavilla'.",
        "E.g. 'arvo: 12' or 'puuttuu: tietoa ei vielä saatavilla'.",
    ),
    "categories_duplicate": _m(
        "sama luokka on luettelossa kahdesti",
        "a category is listed twice",
        "Poista toistuva luokka.",
        "Remove the repeated category.",
    ),
    "rule_share": _m(
        "tapa 'osuus' tarvitsee avaimen 'osuus_prosenttia', ja vain se",
        "the method 'osuus' needs 'osuus_prosenttia', and only it does",
        "Esim. tapa: osuus ja osuus_prosenttia: 75.",
        "E.g. tapa: osuus and osuus_prosenttia: 75.",
    ),
    "rule_share_range": _m(
        "osuuden pitää olla yli 0 ja enintään 100 prosenttia",
        "the share must be above 0 and at most 100 per cent",
        "",
        "",
    ),
    "check.duplicate_id": _m(
        "tunnus '{id}' on käytössä jo rivillä {first}",
        "the id '{id}' is already used on line {first}",
        "Jokaisella tehtäväalueella, tavoitteella, teolla, mittarilla ja strategiakärjellä on oltava oma tunnus.",
        "Every service area, goal, action, indicator and spearhead needs an id of its own.",
    ),
    "check.unknown_spearhead": _m(
        "strategiakärkeä '{id}' ei ole tiedoston strategiakärjissä",
        "the spearhead '{id}' is not among the file's spearheads",
        "Tunnetut strategiakärjet: {known}.",
        "Known spearheads: {known}.",
    ),
    "check.year_mismatch": _m(
        "vuosi {year} ei vastaa kansiota {folder}",
        "the year {year} does not match the folder {folder}",
        "Siirrä tiedosto kansioon data/{year}/ tai korjaa vuosi.",
        "Move the file to data/{year}/ or correct the year.",
    ),
    "value.wrong": _m(
        "arvo '{value}' ei sovi {kind}-mittarille",
        "the value '{value}' does not fit a {kind} indicator",
        "Sopivia arvoja: {expected}.",
        "Values that fit: {expected}.",
    ),
    "value.not_conditional": _m(
        "'ei sovellu' käy vain ehdolliselle mittarille",
        "'ei sovellu' (not applicable) fits only a conditional indicator",
        "Lisää mittarille 'ehto:' tai kirjaa arvo. Sopivia arvoja: {expected}.",
        "Add 'ehto:' to the indicator or record a value. Values that fit: {expected}.",
    ),
    "value.unknown_category": _m(
        "luokkaa '{value}' ei ole mittarin luokissa",
        "the category '{value}' is not one of the indicator's categories",
        "Sopivia arvoja: {expected}.",
        "Values that fit: {expected}.",
    ),
    "value.mapping_expected": _m(
        "luokittaiselle mittarille kirjataan arvo luokittain",
        "a per-category indicator takes a value per category",
        "Kirjoita esim. {expected} (jokainen omalle rivilleen arvo:-avaimen alle).",
        "Write e.g. {expected} (each on its own line under arvo:).",
    ),
    "value.mapping_not_expected": _m(
        "{kind}-mittarille kirjataan yksi arvo, ei luokittaisia arvoja",
        "a {kind} indicator takes one value, not values per category",
        "Sopivia arvoja: {expected}.",
        "Values that fit: {expected}.",
    ),
    "value.empty": _m(
        "arvo on tyhjä",
        "the value is empty",
        "Sopivia arvoja: {expected}.",
        "Values that fit: {expected}.",
    ),
    "check.goal_without_indicators": _m(
        "tavoitteella '{id}' ei ole yhtään mittaria",
        "the goal '{id}' has no indicator",
        "Lisää tavoitteelle tai sen teoille vähintään yksi mittari (tarvittaessa tyyppi: laadullinen).",
        "Add at least one indicator to the goal or its actions (if need be of kind laadullinen).",
    ),
    "check.entry_before_year": _m(
        "toteuma on päivätty {date}, ennen tiedoston vuotta {year}",
        "the entry is dated {date}, before the file's year {year}",
        "Jos arvo on vuoden {entry_year} arvo, kirjaa se sarjaan (sarja: - vuosi: {entry_year}, laji: toteuma, arvo: ...) "
        "tai lisää toteumaan vuosi: {entry_year}. Jos päivämäärä on väärin, korjaa se.",
        "If it is the value of {entry_year}, put it in the series (sarja: - vuosi: {entry_year}, laji: toteuma, arvo: ...) "
        "or add vuosi: {entry_year} to the entry. If the date is wrong, correct it.",
    ),
    "check.entry_long_after_year": _m(
        "toteuma on päivätty {date}, yli vuosi vuoden {year} päättymisen jälkeen",
        "the entry is dated {date}, more than a year after the end of {year}",
        "Jos arvo on vuoden {entry_year} arvo, kirjaa se vuoden {entry_year} tiedostoon tai sarjaan "
        "(sarja: - vuosi: {entry_year}, arvo: ...); jos se on vuoden {year} arvo, lisää toteumaan vuosi: {year}.",
        "If it is the value of {entry_year}, record it in the file of {entry_year} or in the series "
        "(sarja: - vuosi: {entry_year}, arvo: ...); if it is the value of {year}, add vuosi: {year} to the entry.",
    ),
    "check.unknown_area_part": _m(
        "tehtäväalueella ei ole tunnusta '{id}' kohdassa {where}",
        "the area has no '{id}' under {where}",
        "Tunnetut: {known}. Lisää se tehtäväalueen kohtaan {where} tai korjaa viittaus.",
        "Known: {known}. Add it under the area's {where} or correct the reference.",
    ),
    "check.series_duplicate": _m(
        "sarjassa on vuoden {year} {kind} kahdesti",
        "the series holds the {kind} of {year} twice",
        "Jätä yksi; jos arvoja on eri lähteistä, kirjaa ero kommenttiin.",
        "Keep one; if the values come from different sources, explain in a comment.",
    ),
    "check.series_own_year": _m(
        "vuoden {year} toteuma kirjataan toteuma-luetteloon, ei sarjaan",
        "the actual of {year} is recorded under toteuma, not in the series",
        "Siirrä arvo kohtaan toteuma (pvm ja arvo) tai komennolla tavoitteet record; vuoden oma toteuma ratkaisee tilan.",
        "Move the value under toteuma (pvm and arvo) or use tavoitteet record; the year's own actual decides the status.",
    ),
    "check.target_year_earlier": _m(
        "tavoitevuosi {target_year} on ennen tiedoston vuotta {year}",
        "the target year {target_year} is before the file's year {year}",
        "Tavoitevuosi on myöhempi vuosi, jota tavoite koskee; poista se, jos tavoite on tämän vuoden.",
        "tavoitevuosi is a later year the target is for; remove it if the target is for this year.",
    ),
    "check.file_name": _m(
        "tiedoston nimi '{name}' ei kelpaa",
        "the file name '{name}' is not valid",
        "Nimeä tiedosto lautakunnan mukaan pienillä kirjaimilla, esim. hyvinvointilautakunta.yaml.",
        "Name the file after the committee in lowercase, e.g. hyvinvointilautakunta.yaml.",
    ),
    "check.no_files": _m(
        "tavoitetiedostoja ei löytynyt kohteesta {target}",
        "no goal files found in {target}",
        "Tavoitetiedostot ovat muotoa data/<vuosi>/<lautakunta>.yaml.",
        "Goal files are named data/<year>/<committee>.yaml.",
    ),
    "check.too_many": _m(
        "virheitä on yli {limit}; loput jätettiin tulostamatta",
        "there are more than {limit} problems; the rest were not printed",
        "Korjaa ensin nämä ja aja tarkistus uudelleen.",
        "Fix these first and run the check again.",
    ),
    # issue 17: validate --languages fi,sv
    "language.missing_sv": _m(
        "tekstiä '{key}' ei ole ruotsiksi",
        "'{key}' has no Swedish text",
        "Lisää samaan kohtaan sv: {{{key}: ...}} ruotsinkielisenä; ilman sitä ruotsinkielinen raportti näyttää suomenkielisen tekstin.",
        "Add sv: {{{key}: ...}} beside it in Swedish; without it the Swedish report shows the Finnish text.",
    ),
}

# --- issue 14: corrections and withdrawals of entries (korjaa, peruu) ---------------------------
_RAW |= {
    "entry_withdrawal_alone": _m(
        "perumisessa (peruu) ei ole arvoa, puuttuu-syytä eikä korjaa-avainta",
        "a withdrawal (peruu) has no arvo, puuttuu or korjaa",
        "Jätä perumiseen vain pvm, peruu ja halutessasi kirjaaja ja kommentti.",
        "Keep only pvm, peruu and, if you like, kirjaaja and kommentti in a withdrawal.",
    ),
    "check.entry_reference_later": _m(
        "kirjaus {own} viittaa ({field}: {number}) kirjaukseen, jota ei ole ennen sitä",
        "entry {own} refers ({field}: {number}) to an entry that does not come before it",
        "Numero on korjattavan kirjauksen järjestysnumero toteuma-luettelossa (1 = ensimmäinen).",
        "The number is the entry's position in the toteuma list (1 = the first).",
    ),
    "check.entry_reference_withdrawal": _m(
        "kirjaus {own} viittaa ({field}: {number}) perumiseen; perumista ei voi korjata eikä perua",
        "entry {own} refers ({field}: {number}) to a withdrawal, which cannot be corrected or withdrawn",
        "Kirjaa arvo uudelleen uutena kirjauksena.",
        "Record the value again as a new entry.",
    ),
}

# Hostile input (issue 12): links, unreadable folders, file names, escapes, bounds, categories.
_RAW.update(
    {
        "file.symlink": _m(
            "tiedosto tai kansio on symbolinen linkki ({target}); sitä ei lueta",
            "the file or folder is a symbolic link ({target}); it is not read",
            "Tavoitetiedostot ja vuosikansiot ovat tavallisia tiedostoja ja kansioita: korvaa linkki tiedostolla itsellään.",
            "Goal files and year folders are plain files and folders: replace the link with the file itself.",
        ),
        "file.not_regular": _m(
            "tämä ei ole tavallinen tiedosto; sitä ei lueta",
            "this is not a regular file; it is not read",
            "Tavoitetiedosto on tavallinen tekstitiedosto.",
            "A goal file is a plain text file.",
        ),
        "file.folder_unreadable": _m(
            "kansiota ei voi lukea: {reason}; sen tiedostoja ei tarkistettu",
            "cannot read the folder: {reason}; its files were not checked",
            "Tarkista kansion lukuoikeudet; tulos ei kata tätä kansiota.",
            "Check the folder's read permission; the result does not cover this folder.",
        ),
        "file.name_not_utf8": _m(
            "tiedoston nimi ei ole UTF-8-muodossa; tiedostoa ei lueta",
            "the file name is not UTF-8; the file is not read",
            "Nimeä tiedosto uudelleen, esim. hyvinvointilautakunta.yaml.",
            "Rename the file, e.g. hyvinvointilautakunta.yaml.",
        ),
        "file.control_char_escaped": _m(
            "lainausmerkkien sisällä on kenoviivamerkinnällä kirjoitettu ohjausmerkki {char}",
            "an escape inside double quotes writes the control character {char}",
            "Poista merkintä (esim. \\e, \\a, \\u202e): tekstissä ei tarvita ohjausmerkkejä, eikä avaimessa rivinvaihtoa tai sarkainta.",
            "Remove the escape (e.g. \\e, \\a, \\u202e): text needs no control characters, and a key no line break or tab.",
        ),
        "yaml.duplicate_key_nfc": _m(
            "avain '{key}' on jo rivillä {first} (samat kirjaimet eri Unicode-muodossa: hajotettu ja koottu ä)",
            "the key '{key}' already appears on line {first} (the same letters in another Unicode form: decomposed and composed ä)",
            "Poista toinen avaimista; ohjelma lukee hajotetut kirjaimet (NFD) koottuina (NFC).",
            "Remove one of the keys; decomposed letters (NFD) are read as composed ones (NFC).",
        ),
        "number.out_of_range": _m(
            "'{text}' on liian suuri tai liian tarkka luku (enintään "
            f"{MAX_DIGITS} numeroa ennen desimaalipilkkua ja {MAX_DECIMALS} sen jälkeen)",
            f"'{{text}}' is too large or too precise (at most {MAX_DIGITS} digits before the decimal point"
            f" and {MAX_DECIMALS} after it)",
            "Tarkista luku; kirjoita esim. 1 234,5.",
            "Check the number; write e.g. 1 234,5.",
        ),
        "check.category_case": _m(
            "luokat '{first}' ja '{second}' eroavat vain kirjainkooltaan",
            "the categories '{first}' and '{second}' differ only in case",
            "Kirjaus ei erottaisi niitä toisistaan; anna luokille eri nimet.",
            "An entry could not tell them apart; give the categories different names.",
        ),
    }
)

MESSAGES = {key: pair[0] for key, pair in _RAW.items()}
HINTS = {key: pair[1] for key, pair in _RAW.items()}


_FOUND = {
    "empty": {"fi": "tyhjä arvo", "en": "an empty value"},
    "mapping": {"fi": "avain: arvo -rakenne", "en": "a mapping"},
    "list": {"fi": "luettelo", "en": "a list"},
    "text": {"fi": "teksti", "en": "text"},
}
_SUGGESTION = {"fi": " Tarkoititko '{key}'?", "en": " Did you mean '{key}'?"}


_YAML_PROBLEMS_FI = {
    "mapping values are not allowed in this context": "kaksoispiste ei ole sallittu tässä kohdassa (tarkista sisennys)",
    "mapping values are not allowed here": "kaksoispiste ei ole sallittu tässä kohdassa (tarkista sisennys)",
    "did not find expected key": "tässä odotettiin avainta (tarkista sisennys)",
    "did not find expected ',' or ']'": "luettelosta puuttuu ',' tai ']'",
    "did not find expected ',' or '}'": "rakenteesta puuttuu ',' tai '}'",
    "found character that cannot start any token": "merkki, jolla arvo ei voi alkaa (esim. sarkain, @ tai `)",
    "could not find expected ':'": "avaimen perästä puuttuu kaksoispiste",
    "found unexpected end of stream": "tiedosto päättyi kesken (puuttuuko lopettava lainausmerkki?)",
    "block sequence entries are not allowed in this context": "luettelon viiva '-' ei ole sallittu tässä kohdassa (tarkista sisennys)",
    "did not find expected '-' indicator": "tässä odotettiin luettelon viivaa '-' (tarkista sisennys)",
    "did not find expected <document start>": "tässä odotettiin uutta avainta (tarkista sisennys)",
    "found unknown escape character": "tuntematon kenoviivamerkintä lainausmerkkien sisällä (kirjoita \\\\ tai käytä yksinkertaisia lainausmerkkejä)",
}


def _localized(args: dict[str, str], lang: Lang) -> dict[str, str]:
    shown = dict(args)
    if lang == "fi" and shown.get("detail") in _YAML_PROBLEMS_FI:
        shown["detail"] = _YAML_PROBLEMS_FI[shown["detail"]]
    if "found" in shown:
        shown["found"] = _FOUND.get(shown["found"], {}).get(lang, shown["found"])
    if shown.get("suggestion"):
        shown["suggestion"] = _SUGGESTION[lang].format(key=shown["suggestion"])
    if "expected" in shown and "kind" in shown:
        from tavoitteet.core.values import localized_examples

        shown["expected"] = localized_examples(shown["expected"], shown["kind"], lang)
    return shown


def message(key: str, lang: Lang, args: dict[str, str]) -> str:
    return translate(MESSAGES, key, lang, _localized(args, lang))


def hint(key: str, lang: Lang, args: dict[str, str]) -> str:
    if key not in HINTS or not HINTS[key].get(lang):
        return ""
    return translate(HINTS, key, lang, _localized(args, lang))
