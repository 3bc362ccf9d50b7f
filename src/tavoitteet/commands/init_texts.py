"""The texts ``tavoitteet init`` writes into a new goals repository.

Each function returns one file's text.  The goal file skeletons are checked
with the same code as ``validate`` before anything is written, and the tests
run the real tools over the rest (pre-commit, actionlint, the YAML language
server).
"""

from __future__ import annotations

import json

from tavoitteet import __version__
from tavoitteet.core.schema import SCHEMA_FILE

REPOSITORY = "tavoitteet/tavoitteet"
REPOSITORY_URL = f"https://github.com/{REPOSITORY}"
SETTINGS_SCHEMA_LINE = "# Kunnan tiedot, jotka koskevat kaikkia lautakuntia ja vuosia."


def version_tag() -> str:
    return f"v{__version__}"


def settings_text(municipality: str) -> str:
    return "\n".join(
        [
            SETTINGS_SCHEMA_LINE,
            "# Tämä tiedosto ei ole tavoitetiedosto: tavoitteet ovat vuosikansioissa (data/2025/...).",
            f"kunta: {json.dumps(municipality, ensure_ascii=False)}",
            "",
        ]
    )


def goal_skeleton(committee: str, year: int, schema_ref: str) -> str:
    """A goal file that validates and shows, in comments, how the rest is written."""
    name = json.dumps(committee, ensure_ascii=False)
    return f"""# yaml-language-server: $schema={schema_ref}
# {committee}: toiminnalliset tavoitteet {year}.
# Pohja tehty komennolla "tavoitteet init". Korvaa tehtäväalueen ja tavoitteen tekstit
# omillanne ja tarkista tiedosto komennolla: tavoitteet validate
muoto: 1
vuosi: {year}
lautakunta: {name}

# päätös:                       # päätös, jolla tavoitteet hyväksyttiin
#   toimielin: {committee}
#   kokouspäivä: 1.10.{year - 1}
#   pykälä: 1

tehtäväalueet:
  - id: tehtavaalue
    nimi: Tehtäväalueen nimi
    tavoitteet:
      - id: ensimmainen-tavoite
        otsikko: Kirjoita tavoite tähän.
        sitova: ei
        mittarit:
          - id: ensimmainen-mittari
            tavoitetaso: Kirjoita tavoitetaso tähän.
            tyyppi: laadullinen   # kyllä/ei, luku, luokittain, kehitys, määräaika, seuranta, laadullinen
          # - id: tapahtumat
          #   tavoitetaso: Vähintään 10 tapahtumaa
          #   tyyppi: luku
          #   yksikkö: tapahtumaa
          #   tavoite: {{vähintään: 10}}
"""


def vscode_settings(schema_path: str) -> str:
    settings = {
        # the year folders only: data/tavoitteet.yaml is the municipality's settings, not a goal file
        "yaml.schemas": {schema_path: ["data/*/**/*.yaml", "data/*/**/*.yml"]},
        "yaml.validate": True,
        "yaml.completion": True,
        "yaml.hover": True,
        "files.encoding": "utf8",
        "files.eol": "\n",
        "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2, "editor.autoIndent": "keep"},
    }
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def vscode_extensions() -> str:
    return json.dumps({"recommendations": ["redhat.vscode-yaml"]}, indent=2) + "\n"


def precommit_config() -> str:
    return f"""# pre-commit tarkistaa tavoitetiedostot ennen jokaista committia:
#   pip install pre-commit
#   pre-commit install
repos:
  - repo: {REPOSITORY_URL}
    rev: {version_tag()}
    hooks:
      - id: tavoitteet-validate
"""


def workflow() -> str:
    return f"""# Tarkistaa data/-kansion tavoitetiedostot jokaisessa pull requestissa ja
# pushissa; virheet näkyvät riveillään ja yhteenveto ajon sivulla.
name: tavoitteet
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  tarkista:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      # the tag pins the tool too: the action installs its own version
      - uses: {REPOSITORY}@{version_tag()}
      - name: Skeeman kopio ajan tasalla
        run: tavoitteet schema --check
"""


GITIGNORE = """# tavoitteet record: lukkotiedostot ja keskeytyneen kirjoituksen väliaikaistiedostot
.*.yaml.lock
.*.yml.lock
.*.yaml.*.tmp
.*.yml.*.tmp
# raportit, jos ne tehdään tähän kansioon
/raportit/
# Python-ympäristö ja välimuistit
.venv/
__pycache__/
"""


def readme(municipality: str, committees: list[str], year: int, files: list[str]) -> str:
    listed = "\n".join(f"- `{path}` – {name}" for path, name in zip(files, committees, strict=True))
    first = files[0]
    return f"""# {municipality}: toiminnalliset tavoitteet

Tässä repositoriossa ovat {municipality} lautakuntien toiminnalliset tavoitteet
YAML-tiedostoina, yksi tiedosto lautakuntaa ja vuotta kohden:

{listed}

Tiedostot tarkistetaan, toteumat kirjataan ja raportit tehdään ohjelmalla
[tavoitteet]({REPOSITORY_URL}) (versio {__version__}).

## Asennus Windowsissa

1. Asenna Python osoitteesta https://www.python.org/downloads/ (valitse
   asennuksessa *Add python.exe to PATH*).
2. Avaa PowerShell tässä kansiossa (Resurssienhallinnassa: Tiedosto > Avaa Windows PowerShell).
3. Kirjoita komennot yksi kerrallaan:

```
py -m venv .venv
.venv\\Scripts\\activate
python -m pip install tavoitteet=={__version__}
tavoitteet validate
```

Jos PowerShell ei salli `activate`-komentoa, aja ensin
`Set-ExecutionPolicy -Scope CurrentUser RemoteSigned`. Seuraavilla kerroilla riittää
`.venv\\Scripts\\activate`.

## Asennus Linuxissa ja macOS:ssä

```
python3 -m venv .venv
. .venv/bin/activate
python -m pip install tavoitteet=={__version__}
tavoitteet validate
```

## Tavoitteiden kirjoittaminen

Avaa kansio Visual Studio Codessa: se ehdottaa YAML-laajennusta, joka täydentää
avaimet, näyttää niiden selitykset suomeksi ja merkitsee virheet jo kirjoitettaessa.
Avaimet ja niiden merkitys: {REPOSITORY_URL}/blob/main/docs/sanasto.md

Tarkista muutokset ennen tallentamista gittiin:

```
tavoitteet validate
```

## Toteuman kirjaaminen

```
tavoitteet list {year}
tavoitteet record MITTARIN-TUNNUS 12 --comment "Lähde: tilastot"
tavoitteet record
```

Ilman tunnusta `record` kysyy vuorotellen mittarit, joilta toteuma puuttuu.
Komento lisää tiedostoon vain uuden kirjauksen; muu teksti säilyy ennallaan.

## Tilanne ja raportit

```
tavoitteet status {year}
tavoitteet report {year} --format html -o raportti-{year}.html
tavoitteet report {year} --format csv -o raportti-{year}.csv
```

CSV-tiedosto aukeaa Excelissä tuplaklikkauksella; HTML-raportti toimii ilman verkkoa.

## Seuraava vuosi

```
tavoitteet new {year + 1} --from {year}
```

## Tarkistukset automaattisesti

- GitHub tarkistaa jokaisen muutoksen (`.github/workflows/tavoitteet.yml`).
- `pre-commit install` tarkistaa tiedostot ennen jokaista committia
  (`.pre-commit-config.yaml`).
- `{SCHEMA_FILE}` on editorin skeema; kun ohjelma päivitetään, päivitä se
  komennolla `tavoitteet schema` (`tavoitteet schema --check` kertoo, onko se ajan tasalla).

Esimerkiksi `{first}` on ensimmäinen tiedosto, josta voi aloittaa.
"""
