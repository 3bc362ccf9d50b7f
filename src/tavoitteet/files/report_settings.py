"""The report's own settings from the repository-level settings file ``data/tavoitteet.yaml``.

```yaml
kunta: Esimerkkilä            # the municipality (also the default ``kunta`` of every file)
sv:
  kunta: Exempelby            # its Swedish name, for --lang sv
raportti:
  otsikko: Toimintakertomus 2024: toiminnalliset tavoitteet
  logo: logo.png              # PNG or JPEG, relative to this file
  sv:
    otsikko: Verksamhetsberättelse 2024
```

Every key is optional and the file itself too.  Keys this module does not
know are left to the others that read the same file.  The file is read with
the same careful reader as the goal files; a problem names the file, the
line and what to do, and the report is not made.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tavoitteet.core.problems import Problem
from tavoitteet.core.report_settings import ReportSettings
from tavoitteet.files import yamlread
from tavoitteet.words.i18n import ReportLang

SETTINGS_FILE = "tavoitteet.yaml"
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
MAX_LOGO_BYTES = 2_000_000
REPORT_KEYS = ("otsikko", "logo", "sv")


class SettingsError(Exception):
    """The settings file cannot be used: its YAML problems, or a message naming the file and the fix."""

    def __init__(self, path: Path, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.path, self.message, self.problems = path, message, problems or []


def _fail(path: Path, lang: ReportLang, fi: str, en: str) -> SettingsError:
    return SettingsError(path, f"tavoitteet: {path}: " + (en if lang == "en" else fi))


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _mapping(value: Any, path: Path, key: str, lang: ReportLang) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _fail(
            path, lang, f"avaimen {key} arvon pitää olla avain–arvo-luettelo.", f"{key} must be a mapping."
        )
    return value


def load(data_root: Path, lang: ReportLang) -> ReportSettings:
    """The settings for a report in ``lang`` (Swedish texts where given), or none when there is no file."""
    path = data_root / SETTINGS_FILE
    if not path.is_file():
        return ReportSettings()
    read = yamlread.read_file(path)
    if read.document is None or read.problems:
        raise SettingsError(path, "", read.problems)
    data = read.document.data
    report = _mapping(data.get("raportti"), path, "raportti", lang)
    unknown = sorted(set(report) - set(REPORT_KEYS))
    if unknown:
        raise _fail(
            path,
            lang,
            f"tuntematon avain raportti.{unknown[0]}; sallitut: {', '.join(REPORT_KEYS)}.",
            f"unknown key raportti.{unknown[0]}; allowed: {', '.join(REPORT_KEYS)}.",
        )
    swedish = _mapping(data.get("sv"), path, "sv", lang) if lang == "sv" else {}
    report_swedish = _mapping(report.get("sv"), path, "raportti.sv", lang) if lang == "sv" else {}
    municipality = _text(swedish.get("kunta")) or _text(data.get("kunta"))
    title = _text(report_swedish.get("otsikko")) or _text(report.get("otsikko"))
    logo, logo_type = _logo(path, _text(report.get("logo")), lang)
    return ReportSettings(municipality, title, logo, logo_type)


def _logo(settings: Path, name: str | None, lang: ReportLang) -> tuple[bytes | None, str | None]:
    if name is None:
        return None, None
    path = settings.parent / name
    suffix = path.suffix.lower()
    if suffix not in LOGO_SUFFIXES:
        raise _fail(
            settings,
            lang,
            f"raportti.logo {name}: logon pitää olla PNG- tai JPEG-kuva (.png, .jpg).",
            f"raportti.logo {name}: the logo must be a PNG or JPEG image (.png, .jpg).",
        )
    try:
        raw = path.read_bytes()
    except OSError:
        raise _fail(
            settings,
            lang,
            f"raportti.logo: tiedostoa {name} ei löydy; polku luetaan tämän asetustiedoston kansiosta.",
            f"raportti.logo: {name} not found; the path is read from this settings file's folder.",
        ) from None
    png = raw.startswith(b"\x89PNG\r\n\x1a\n")
    if len(raw) > MAX_LOGO_BYTES or not (png or raw.startswith(b"\xff\xd8\xff")):
        raise _fail(
            settings,
            lang,
            f"raportti.logo {name}: ei PNG- tai JPEG-kuva tai yli 2 Mt.",
            f"raportti.logo {name}: not a PNG or JPEG image, or over 2 MB.",
        )
    return raw, "image/png" if png else "image/jpeg"
