"""The top-level ``--help`` text as Typer prints it at 80 columns or more, in Finnish and English.

``USAGE[lang]`` comes before the program's name, ``AFTER_PROGRAM[lang]`` after it.

Generated: ``UPDATE_GOLDEN=1 python -m pytest tests/test_launch.py`` writes it
again, and that test fails whenever it differs from Typer's own output.
"""

USAGE = {"fi": "Käyttö: ", "en": "Usage: "}
AFTER_PROGRAM = {
    "fi": """ [VALINNAT] KOMENTO [ARGUMENTIT]...

  Toiminnalliset tavoitteet YAML-tiedostoina: tarkistus, tila ja raportit.

Valinnat:
  --lang KIELI          Kieli: fi tai en (oletus ympäristöstä, muuten fi).
  --version             Näytä ohjelman versio ja lopeta.
  --install-completion  Asenna komentorivin täydennys nykyiselle kuorelle.
  --show-completion     Näytä nykyisen kuoren täydennysskripti kopioitavaksi
                        tai muokattavaksi.
  --help                Näytä tämä ohje ja lopeta.

Komennot:
  validate  Tarkista tavoitetiedostot ja luettele kaikki virheet.
  schema    Kirjoita JSON Schema malleista editoreita varten.
  import    Tuo tavoitetaulukko (Word, Excel, CSV, teksti) YAML-tiedostoksi.
  new       Aloita uuden vuoden tavoitteet edellisen vuoden pohjalta.
  init      Tee uusi tavoiterepositorio: pohjat, skeema, editori ja CI.
  status    Näytä vuoden tavoitteiden tila taulukkona.
  list      Luettele tavoitteet ja mittarit tunnuksineen.
  show      Näytä yksi tavoite tai mittari kaikkine tietoineen.
  years     Luettele vuodet ja lautakunnat, joilla on tavoitetiedostoja.
  record    Kirjaa toteuma tavoitetiedostoon muuta tiedostoa koskematta.
  assess    Kirjaa tavoitteen tai lautakunnan vuoden sanallinen arvio.
  form      Tee Excel-lomake toteumien ilmoittamiseen.
  missing   Luettele, keneltä toteumat vielä puuttuvat.
  history   Näytä vuoden viimeisimmät kirjaukset, uusin ensin.
  report    Tee vuoden raportti toimintakertomukseen ja julkaisuun.
  compare   Vertaa kahta vuotta: jatkuvat, uudet ja poistuneet tavoitteet.
  site      Tee julkaistava staattinen sivusto kaikista vuosista ja...
""",
    "en": """ [OPTIONS] COMMAND [ARGS]...

  Operational goals as YAML files: checks, status and reports.

Options:
  --lang LANG           Language: fi or en (default from the environment, else
                        fi).
  --version             Show the version and exit.
  --install-completion  Install completion for the current shell.
  --show-completion     Show completion for the current shell, to copy it or
                        customize the installation.
  --help                Show this message and exit.

Commands:
  validate  Check goal files and list every error.
  schema    Write the JSON Schema for editors.
  import    Import a goal table (Word, Excel, CSV, text) as a goal file.
  new       Start a new year's goals from an earlier year.
  init      Make a new goals repository: skeletons, schema, editor and CI.
  status    Show where each goal of a year stands.
  list      List goals and indicators with their ids.
  show      Show one goal or indicator in full.
  years     List the years and committees with goal files.
  record    Record an outcome into its goal file, touching nothing else.
  assess    Record a written assessment of a goal or of a committee's year.
  form      Write a fill-in workbook for reporting outcomes.
  missing   List who still has outcomes to report.
  history   Show the year's latest entries, newest first.
  report    Make the year's report for the annual report and for publishing.
  compare   Compare two years: continuing, new and dropped goals.
  site      Build the static site of every year and committee.
""",
}
