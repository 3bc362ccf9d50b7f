"""The words of the static site (``tavoitteet site``) in Finnish, Swedish and English.

The words of statuses, values, numbers and dates come from
:mod:`tavoitteet.words.labels` and the reports' own from
:mod:`tavoitteet.words.report_labels`; this module holds only the site's.
Nothing here prints.
"""

from __future__ import annotations

from collections.abc import Mapping

from tavoitteet.words.i18n import ReportLang

LANGUAGE_NAMES: Mapping[ReportLang, str] = {"fi": "Suomeksi", "sv": "På svenska", "en": "In English"}
"""Each language named in itself, for the language switch."""

SITE_WORDS: Mapping[str, Mapping[ReportLang, str]] = {
    "site_title": {
        "fi": "Toiminnalliset tavoitteet",
        "sv": "Verksamhetsmål",
        "en": "Operational goals",
    },
    "front": {"fi": "Etusivu", "sv": "Startsida", "en": "Front page"},
    "skip": {"fi": "Siirry sisältöön", "sv": "Hoppa till innehållet", "en": "Skip to content"},
    "main_nav": {"fi": "Päävalikko", "sv": "Huvudmeny", "en": "Main menu"},
    "lang_nav": {"fi": "Kieli", "sv": "Språk", "en": "Language"},
    "breadcrumb": {"fi": "Olet tässä", "sv": "Du är här", "en": "You are here"},
    "search": {"fi": "Haku", "sv": "Sökning", "en": "Search"},
    "search_label": {
        "fi": "Hae tavoitteita ja mittareita",
        "sv": "Sök mål och mätare",
        "en": "Search goals and indicators",
    },
    "search_button": {"fi": "Hae", "sv": "Sök", "en": "Search"},
    "search_help": {
        "fi": "Haku kohdistuu otsikoihin, kuvauksiin ja tunnuksiin.",
        "sv": "Sökningen gäller rubriker, beskrivningar och koder.",
        "en": "The search covers titles, descriptions and ids.",
    },
    "search_noscript": {
        "fi": "Haku tarvitsee JavaScriptin. Kaikki sivut löytyvät myös etusivun linkeistä.",
        "sv": "Sökningen kräver JavaScript. Alla sidor nås också via länkarna på startsidan.",
        "en": "The search needs JavaScript. Every page can also be reached from the front page.",
    },
    "results": {"fi": "Tulokset", "sv": "Resultat", "en": "Results"},
    "not_assessed_page": {"fi": "Arvioimatta", "sv": "Inte bedömt", "en": "Not assessed"},
    "not_assessed_intro": {
        "fi": "Tavoitteet ja mittarit, joiden toteutumista ei ole arvioitu, vaikka vuosi on päättynyt.",
        "sv": "Mål och mätare vars förverkligande inte har bedömts fast året har avslutats.",
        "en": "Goals and indicators whose realization has not been assessed although the year is over.",
    },
    "nothing_unassessed": {
        "fi": "Kaikki päättyneiden vuosien tavoitteet ja mittarit on arvioitu.",
        "sv": "Alla mål och mätare för avslutade år har bedömts.",
        "en": "Every goal and indicator of the years that are over has been assessed.",
    },
    "downloads": {"fi": "Lataukset", "sv": "Nedladdningar", "en": "Downloads"},
    "downloads_intro": {
        "fi": "Tiedot avoimena datana. CSV-tiedostot aukeavat Excelissä (puolipiste, desimaalipilkku); "
        "datapaketti (Frictionless Data Package) on koneluettava kokonaisuus kaikista vuosista.",
        "sv": "Uppgifterna som öppna data. CSV-filerna öppnas i Excel (semikolon, decimalkomma); "
        "datapaketet (Frictionless Data Package) är en maskinläsbar helhet av alla år.",
        "en": "The data as open data. The CSV files open in Excel (semicolon, decimal comma); "
        "the data package (Frictionless Data Package) holds every year in machine-readable form.",
    },
    "datapackage": {
        "fi": "Koko aineisto datapakettina",
        "sv": "Hela materialet som datapaket",
        "en": "The whole corpus as a data package",
    },
    "download_csv": {"fi": "CSV", "sv": "CSV", "en": "CSV"},
    "download_json": {"fi": "JSON", "sv": "JSON", "en": "JSON"},
    "download_of": {
        "fi": "Lataa {what} ({format})",
        "sv": "Ladda ner {what} ({format})",
        "en": "Download {what} ({format})",
    },
    "last_updated": {
        "fi": "Tiedot päivitetty viimeksi {date}.",
        "sv": "Uppgifterna uppdaterades senast {date}.",
        "en": "Data last updated on {date}.",
    },
    "situation": {"fi": "Tilanne {date}.", "sv": "Läget {date}.", "en": "Status on {date}."},
    "years": {"fi": "Vuodet", "sv": "År", "en": "Years"},
    "year_page": {"fi": "Vuosi {year}", "sv": "År {year}", "en": "Year {year}"},
    "committees": {"fi": "Lautakunnat", "sv": "Nämnder", "en": "Committees"},
    "municipality": {"fi": "Kunta", "sv": "Kommun", "en": "Municipality"},
    "municipalities": {"fi": "Kunnat", "sv": "Kommuner", "en": "Municipalities"},
    "no_municipality": {"fi": "Kunta ei tiedossa", "sv": "Kommun okänd", "en": "Municipality not given"},
    "binding_goals": {"fi": "Sitovat tavoitteet", "sv": "Bindande mål", "en": "Binding goals"},
    "binding_indicators": {"fi": "Sitovat mittarit", "sv": "Bindande mätare", "en": "Binding indicators"},
    "not_stated": {"fi": "ei ilmoitettu", "sv": "inte angivet", "en": "not stated"},
    "not_stated_count": {
        "fi": "{count} ei ilmoita, onko sitova",
        "sv": "{count} anger inte om bindande",
        "en": "{count} do not say whether binding",
    },
    "in_file_series": {"fi": "Sarja tiedostossa", "sv": "Serie i filen", "en": "Series in the file"},
    "series_kind": {"fi": "Laji", "sv": "Slag", "en": "Kind"},
    "binding": {"fi": "Sitova tavoite", "sv": "Bindande mål", "en": "Binding goal"},
    "yes": {"fi": "kyllä", "sv": "ja", "en": "yes"},
    "no": {"fi": "ei", "sv": "nej", "en": "no"},
    "total": {"fi": "yhteensä {count}", "sv": "totalt {count}", "en": "{count} in all"},
    "none": {"fi": "ei yhtään", "sv": "inga", "en": "none"},
    "counts_of": {
        "fi": "{what} vuonna {year}",
        "sv": "{what} år {year}",
        "en": "{what} in {year}",
    },
    "area": {"fi": "Tehtäväalue", "sv": "Uppgiftsområde", "en": "Service area"},
    "description": {"fi": "Kuvaus", "sv": "Beskrivning", "en": "Description"},
    "spearhead": {"fi": "Strategiakärki", "sv": "Strategisk spets", "en": "Strategy spearhead"},
    "why": {"fi": "Perustelu", "sv": "Motivering", "en": "Reason"},
    "rule": {"fi": "Arviointisääntö", "sv": "Bedömningsregel", "en": "Rule"},
    "actions": {"fi": "Teot", "sv": "Åtgärder", "en": "Actions"},
    "unit": {"fi": "Yksikkö", "sv": "Enhet", "en": "Unit"},
    "kind": {"fi": "Tyyppi", "sv": "Typ", "en": "Kind"},
    "latest": {"fi": "Viimeisin toteuma", "sv": "Senaste utfall", "en": "Latest realization"},
    "entries": {"fi": "Kirjaukset", "sv": "Registreringar", "en": "Entries"},
    "no_entries": {"fi": "Ei kirjauksia.", "sv": "Inga registreringar.", "en": "No entries."},
    "date": {"fi": "Päivämäärä", "sv": "Datum", "en": "Date"},
    "recorded_by": {"fi": "Kirjaaja", "sv": "Registrerad av", "en": "Recorded by"},
    "source": {"fi": "Lähde", "sv": "Källa", "en": "Source"},
    "missing": {"fi": "puuttuu: {reason}", "sv": "saknas: {reason}", "en": "missing: {reason}"},
    "details": {
        "fi": "Arviot ja lisätiedot",
        "sv": "Bedömningar och mer information",
        "en": "Assessments and details",
    },
    "assessment": {"fi": "Arvio", "sv": "Bedömning", "en": "Assessment"},
    "set_by_hand": {
        "fi": "Käsin asetettu taso: {level}",
        "sv": "Manuellt fastställd nivå: {level}",
        "en": "Level set by hand: {level}",
    },
    "series": {"fi": "Kehitys vuosittain", "sv": "Utveckling per år", "en": "Year by year"},
    "series_goal": {
        "fi": "Tavoite eri vuosina",
        "sv": "Målet under olika år",
        "en": "The goal in other years",
    },
    "series_caption": {
        "fi": "{name}: arvo ja tavoite vuosittain",
        "sv": "{name}: värde och mål per år",
        "en": "{name}: value and target by year",
    },
    "chart_desc_target": {"fi": "tavoite {target}", "sv": "mål {target}", "en": "target {target}"},
    "no_value": {"fi": "ei arvoa", "sv": "inget värde", "en": "no value"},
    "this_year": {"fi": "tämä vuosi", "sv": "detta år", "en": "this year"},
    "goals_of": {"fi": "Tavoitteet: {name}", "sv": "Mål: {name}", "en": "Goals: {name}"},
    "indicators_of": {"fi": "Mittarit: {name}", "sv": "Mätare: {name}", "en": "Indicators: {name}"},
    "committee_year": {"fi": "{committee} {year}", "sv": "{committee} {year}", "en": "{committee} {year}"},
    "choose_language": {
        "fi": "Valitse kieli",
        "sv": "Välj språk",
        "en": "Choose a language",
    },
    "made_with": {
        "fi": "Sivusto on tehty tavoitetiedostoista tavoitteet-työkalulla.",
        "sv": "Webbplatsen är gjord av målfilerna med verktyget tavoitteet.",
        "en": "This site was made from the goal files with the tavoitteet tool.",
    },
    "in_finnish": {
        "fi": "",
        "sv": "Innehållet är på finska där filerna inte ger det på svenska.",
        "en": "The content is in Finnish where the files do not give it in English.",
    },
}


def site_word(key: str, lang: ReportLang, **args: object) -> str:
    template = SITE_WORDS[key][lang]
    return template.format(**args) if args else template
