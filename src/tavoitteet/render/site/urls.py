"""Every page's address, from ids only, so that links keep working from build to build and year to year.

Addresses are relative to the site's root and always name a file
(``fi/2024/kulttuurilautakunta/index.html``), so that the site works from
``file://`` as well as from any static host under any folder.  Each language
has its own folder with the same paths inside; the downloads are shared.

- ``{lang}/index.html``: the front page; ``{lang}/{year}/index.html``: a year;
- ``{lang}/[{municipality}/]{year}/{file}/index.html``: a committee-year
  (``file`` is the goal file's name, which stays the same from year to year);
- ``…/{file}/{goal id}/index.html``: a goal; ``…/{goal id}/{indicator id}.html``: an indicator;
- ``{lang}/{municipality}/index.html``: a municipality, when the data holds several;
- ``{lang}/arvioimatta.html``, ``{lang}/haku.html``, ``{lang}/lataukset.html``;
- ``lataukset/[{municipality}/]{year}/{file}.csv`` and ``.json``, ``lataukset/datapackage.json``.
"""

from __future__ import annotations

import re
import unicodedata

from tavoitteet.render.site.model import Located
from tavoitteet.words.i18n import ReportLang

DOWNLOADS = "lataukset"
ASSETS = "tiedostot"
NOT_ASSESSED = "arvioimatta.html"
SEARCH = "haku.html"
DOWNLOADS_PAGE = "lataukset.html"
INDEX = "index.html"


def slug(text: str) -> str:
    """A municipality's name as a folder name: ``Pietarsaari`` -> ``pietarsaari``, ``Mäntykylä`` -> ``mantykyla``."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "kunta"


def municipality_folder(name: str | None) -> str:
    return slug(name) if name else "kunta"


def committee_dir(place: Located, several: bool) -> str:
    """``2024/kulttuurilautakunta``, with the municipality first when the site has several."""
    inner = f"{place.year}/{place.slug}"
    return f"{municipality_folder(place.municipality)}/{inner}" if several else inner


def in_lang(lang: ReportLang, path: str) -> str:
    return f"{lang}/{path}"


def front() -> str:
    return INDEX


def year_page(year: int) -> str:
    return f"{year}/{INDEX}"


def municipality_page(name: str | None) -> str:
    return f"{municipality_folder(name)}/{INDEX}"


def committee_page(place: Located, several: bool) -> str:
    return f"{committee_dir(place, several)}/{INDEX}"


def goal_page(place: Located, goal_id: str, several: bool) -> str:
    return f"{committee_dir(place, several)}/{goal_id}/{INDEX}"


def indicator_page(place: Located, goal_id: str, indicator_id: str, several: bool) -> str:
    return f"{committee_dir(place, several)}/{goal_id}/{indicator_id}.html"


def download(place: Located, several: bool, suffix: str) -> str:
    """A committee-year's data file, shared by every language: ``lataukset/2024/x.csv``."""
    return f"{DOWNLOADS}/{committee_dir(place, several)}.{suffix}"
