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

Every key is optional and the file itself too.  The file is read and
validated as the views read it (:func:`tavoitteet.files.loader.load_settings`,
model :class:`tavoitteet.core.model.Settings`); a problem names the file, the
line and what to do, and the report is not made.
"""

from __future__ import annotations

from pathlib import Path

from tavoitteet.core.problems import Problem
from tavoitteet.core.report_settings import ReportSettings
from tavoitteet.words.i18n import ReportLang

LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
MAX_LOGO_BYTES = 2_000_000


class SettingsError(Exception):
    """The settings file cannot be used: its YAML problems, or a message naming the file and the fix."""

    def __init__(self, path: Path, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.path, self.message, self.problems = path, message, problems or []


def _fail(path: Path, lang: ReportLang, fi: str, en: str) -> SettingsError:
    return SettingsError(path, f"tavoitteet: {path}: " + (en if lang == "en" else fi))


def load(data_root: Path, lang: ReportLang) -> ReportSettings:
    """The settings for a report in ``lang`` (Swedish texts where given), or none when there is no file."""
    from tavoitteet.files.loader import load_settings
    from tavoitteet.files.settings import settings_path

    path = settings_path(data_root)
    if path is None:
        return ReportSettings()
    loaded = load_settings(path)
    if loaded.settings is None or loaded.problems:
        raise SettingsError(path, "", loaded.problems)
    settings = loaded.settings
    report = settings.report
    municipality = settings.municipality
    title = report.title if report is not None else None
    if lang == "sv":
        if settings.swedish is not None and settings.swedish.municipality:
            municipality = settings.swedish.municipality
        if report is not None and report.swedish is not None and report.swedish.title:
            title = report.swedish.title
    logo, logo_type = _logo(path, report.logo if report is not None else None, lang)
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
