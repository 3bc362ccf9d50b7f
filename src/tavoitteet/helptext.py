"""The top-level ``--help`` text as Typer prints it at 80 columns or more, after ``Usage: <program>``.

Generated: ``UPDATE_GOLDEN=1 python -m pytest tests/test_launch.py`` writes it
again, and that test fails whenever it differs from Typer's own output.
"""

AFTER_PROGRAM = """ [OPTIONS] COMMAND [ARGS]...

  Toiminnalliset tavoitteet YAML-tiedostoina: tarkistus, tila ja raportit. /
  Operational goals as YAML files.

Options:
  --help  Show this message and exit.

Commands:
  validate  Tarkista tavoitetiedostot ja luettele kaikki virheet.
  schema    Kirjoita JSON Schema malleista editoreita varten.
  import    Tuo tavoitetaulukko (Word, Excel, CSV, teksti) YAML-tiedostoksi.
  new       Aloita uuden vuoden tavoitteet edellisen vuoden pohjalta.
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
  site      Tee julkaistava staattinen sivusto kaikista vuosista.
"""
