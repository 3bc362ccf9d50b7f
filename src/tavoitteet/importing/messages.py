"""Wording of the import and new-year messages in Finnish and English."""

from __future__ import annotations

from collections.abc import Mapping

from tavoitteet.words.i18n import Catalog, Lang, translate

CATALOG: Catalog = {
    # Reading the file
    "read.too_large": {
        "fi": "tiedosto on liian suuri taulukoksi (yli {limit} tavua)",
        "en": "the file is too large for a table (over {limit} bytes)",
    },
    "read.missing": {
        "fi": "tiedostoa ei ole; tarkista nimi ja kansio",
        "en": "no such file; check the name and folder",
    },
    "read.unreadable": {"fi": "tiedostoa ei voi lukea: {reason}", "en": "cannot read the file: {reason}"},
    "read.too_large_unpacked": {
        "fi": "tiedosto purkautuu liian suureksi taulukoksi (yli {limit} tavua); "
        "kopioi tavoitetaulukko omaan tiedostoonsa",
        "en": "the file unpacks to too much for a table (over {limit} bytes); "
        "copy the goal table into a file of its own",
    },
    "read.too_many_cells": {
        "fi": "taulukko on liian suuri ({what}; enintään {rows} riviä ja {columns} saraketta); "
        "kopioi tavoitetaulukko omaan tiedostoonsa",
        "en": "the table is too large ({what}; at most {rows} rows and {columns} columns); "
        "copy the goal table into a file of its own",
    },
    "read.corrupt": {
        "fi": "tiedosto ei ole luettava {kind}-tiedosto; avaa se ja tallenna uudelleen",
        "en": "the file is not a readable {kind} file; open it and save it again",
    },
    "read.unsupported": {
        "fi": "tiedostomuotoa {suffix} ei tueta; tallenna taulukko .xlsx-, .docx-, .csv- tai tekstitiedostoksi",
        "en": "file type {suffix} is not supported; save the table as .xlsx, .docx, .csv or text",
    },
    "read.old_office": {
        "fi": "vanhaa Office-muotoa ({suffix}) ei voi lukea; tallenna tiedosto .xlsx- tai .docx-muodossa",
        "en": "the old Office format ({suffix}) cannot be read; save the file as .xlsx or .docx",
    },
    "read.csv": {
        "fi": "CSV-tiedoston rivillä {line} on virhe: {reason}",
        "en": "the CSV file has an error on line {line}: {reason}",
    },
    # The table
    "table.no_header": {
        "fi": "taulukon otsikkoriviä ei löytynyt; odotettiin sarakkeita kuten {columns}. "
        'Anna omat sarakenimet valitsimella --columns "Oma nimi=tavoitetaso".',
        "en": "no table header row found; expected columns such as {columns}. "
        'Map your own column names with --columns "My name=tavoitetaso".',
    },
    "table.unknown_column": {
        "fi": 'tuntematon sarake "{name}". Kerro sen merkitys valitsimella --columns "{name}=KENTTÄ" '
        "(KENTTÄ on yksi näistä: {fields}); ohita sarake kentällä ohita.",
        "en": 'unknown column "{name}". Say what it holds with --columns "{name}=FIELD" '
        "(FIELD is one of: {fields}); skip it with the field ohita.",
    },
    "table.duplicate_column": {
        "fi": 'sarake "{name}" tarkoittaa samaa ({field}) kuin sarake {first}; '
        'ohita toinen valitsimella --columns "{name}=ohita"',
        "en": 'column "{name}" means the same ({field}) as column {first}; '
        'skip one with --columns "{name}=ohita"',
    },
    "table.missing_column": {
        "fi": 'taulukosta puuttuu sarake "{field}" (tai anna sen nimi valitsimella --columns)',
        "en": 'the table has no column "{field}" (or name it with --columns)',
    },
    "table.ragged": {
        "fi": "rivillä on enemmän soluja ({cells}) kuin otsikkorivillä ({columns}); "
        "solussa on ylimääräinen sarkain tai rivi on siirtynyt",
        "en": "the row has more cells ({cells}) than the header row ({columns}); "
        "a cell holds an extra tab or the row is shifted",
    },
    "table.empty": {
        "fi": "otsikkorivin alla ei ole yhtään tavoiteriviä",
        "en": "there are no goal rows under the header row",
    },
    "table.no_goal": {
        "fi": "rivillä ei ole toiminnallista tavoitetta eikä sen yläpuolella ole tavoitetta, jota se jatkaisi",
        "en": "the row has no operational goal and there is no goal above it to continue",
    },
    "table.no_year": {
        "fi": "vuotta ei löytynyt taulukosta; anna se valitsimella --year (esim. --year 2021)",
        "en": "no year found in the table; give it with --year (e.g. --year 2021)",
    },
    "table.no_committee": {
        "fi": "lautakunnan nimeä ei löytynyt taulukon yläpuolelta; anna se valitsimella --committee",
        "en": "no committee name found above the table; give it with --committee",
    },
    # Review reasons (the YAML comment is always Finnish: the file is Finnish)
    "review.unclear": {
        "fi": "tavoitetasoa ei osattu tulkita; tyypiksi jätettiin laadullinen. Valitse oikea tyyppi.",
        "en": "the target wording could not be read; kind left as laadullinen. Choose the right kind.",
    },
    "review.no_target": {
        "fi": "tavoitetasossa ei ole tavoitearvoa, joten mittari on seuranta. Lisää tavoite, jos sellainen on.",
        "en": "the wording has no target value, so the indicator only tracks (seuranta). Add a target if there is one.",
    },
    "review.amount_in_parens": {
        "fi": "suluissa oleva luku ({value}) voi tarkoittaa tasan, vähintään tai enintään; "
        "mittari jätettiin seurannaksi. Valitse tyyppi luku ja oikea raja.",
        "en": "the number in parentheses ({value}) may mean exactly, at least or at most; "
        "kept as seuranta. Choose kind luku and the right bound.",
    },
    "review.unit_unclear": {
        "fi": "raja luettiin, mutta yksikköä ei; lisää yksikkö (ja jakso tai kohden, jos tarpeen).",
        "en": "the bound was read but not the unit; add the unit (and period or per, if needed).",
    },
    "review.qualifier": {
        "fi": 'rajaus "{rest}" jäi tulkitsematta; lisää jakso tai kohden tarvittaessa.',
        "en": 'the qualifier "{rest}" was not interpreted; add a period or per-unit if needed.',
    },
    "review.baseline_year": {
        "fi": "kehityksen vertailuvuodeksi oletettiin {year}; tarkista vertailuvuosi ja suunta.",
        "en": "the baseline year was assumed to be {year}; check the baseline year and direction.",
    },
    "review.no_indicator": {
        "fi": "tavoitteella ei ole taulukossa tavoitetasoa; lisättiin laadullinen mittari. Kirjoita oikea tavoitetaso.",
        "en": "the goal has no target in the table; a qualitative indicator was added. Write the real target.",
    },
    "review.realization": {
        "fi": "taulukon toteumasarakkeen teksti siirrettiin huomautukseksi; kirjaa toteuma komennolla tai käsin.",
        "en": "the realization column's text was moved to a note; record the realization properly.",
    },
    "review.no_area": {
        "fi": "tehtäväaluetta ei löytynyt; tavoite pantiin lautakunnan nimiselle alueelle.",
        "en": "no service area found; the goal was put under an area named after the committee.",
    },
    "review.year_guessed": {
        "fi": "vuodeksi päätettiin {year} taulukon tekstistä; anna --year, jos se on väärä.",
        "en": "the year {year} was inferred from the table's text; give --year if it is wrong.",
    },
}


def text(key: str, lang: Lang, args: Mapping[str, object] | None = None) -> str:
    return translate(CATALOG, key, lang, args)
