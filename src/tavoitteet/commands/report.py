"""``tavoitteet report YEAR --format md|csv|json|html|docx [-o FILE]``: the year's report for publishing.

The year is loaded, evaluated and filtered exactly as ``status`` does
(:mod:`tavoitteet.commands.viewing`).  The HTML report compares each committee
with the latest earlier year that has files.  With ``-o`` the report is written
atomically (a temporary file in the same folder, then replaced), never into
the data folder; without it the report goes to stdout as UTF-8 bytes, so that
the CSV's byte order mark survives.  A Word file is never written to a
terminal.  The municipality's name, the report's title and its logo come from
the repository's settings file (:mod:`tavoitteet.files.report_settings`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from tavoitteet import errors
from tavoitteet.commands import viewing
from tavoitteet.core.compare import Comparison, compare_years
from tavoitteet.core.evaluation import YearResult
from tavoitteet.core.report_settings import ReportSettings
from tavoitteet.files.discovery import year_files
from tavoitteet.render.json_views import status_json
from tavoitteet.render.report_csv import CsvDialect, render_csv
from tavoitteet.render.report_html import render_html
from tavoitteet.render.report_md import render_markdown
from tavoitteet.words.i18n import ReportLang, detect_lang
from tavoitteet.words.report_labels import base_lang


class ReportFormat(StrEnum):
    MD = "md"
    CSV = "csv"
    JSON = "json"
    HTML = "html"
    DOCX = "docx"


SWEDISH_FORMATS = frozenset({ReportFormat.MD, ReportFormat.HTML, ReportFormat.DOCX})


@dataclass(frozen=True, slots=True)
class Layout:
    """How a document report is laid out: Word's page orientation, the CSV's columns."""

    landscape: bool = False
    all_columns: bool = False


def report_lang(explicit: str | None, fmt: ReportFormat) -> ReportLang:
    """``--lang sv`` for Markdown and HTML; otherwise Finnish or English as everywhere."""
    if explicit is not None and explicit.strip().lower().startswith("sv"):
        if fmt not in SWEDISH_FORMATS:
            raise errors.UserError(
                "tavoitteet: --lang sv on käytettävissä vain muodoille md, html ja docx. / "
                "--lang sv is available only for the md, html and docx formats.",
                errors.USAGE,
            )
        return "sv"
    return detect_lang(explicit)


def render(
    fmt: ReportFormat,
    result: YearResult,
    lang: ReportLang,
    dialect: CsvDialect,
    filters: viewing.Filters,
    comparisons: Sequence[Comparison],
    settings: ReportSettings | None = None,
    layout: Layout | None = None,
) -> bytes:
    settings = settings or ReportSettings()
    layout = layout or Layout()
    if fmt is ReportFormat.DOCX:
        from tavoitteet.render.report_docx import DocxSettings, render_docx

        docx = DocxSettings(settings.municipality, settings.title, settings.logo, layout.landscape)
        return render_docx(result, lang, docx)
    if fmt is ReportFormat.MD:
        text = render_markdown(result, lang, settings.municipality, settings.title)
    elif fmt is ReportFormat.CSV:
        text = render_csv(result, dialect, base_lang(lang), layout.all_columns)
    elif fmt is ReportFormat.JSON:
        text = status_json(result, base_lang(lang), filters.as_dict())
    else:
        text = render_html(result, lang, comparisons, settings)
    return text.encode("utf-8")


def earlier_comparison(
    data: viewing.YearData, result: YearResult, as_of: date, lang: ReportLang
) -> list[Comparison]:
    """The comparison with the latest earlier year that has files, if any loads cleanly."""
    earlier = [y for y in year_files(data.data_root) if y < data.year]
    if not earlier:
        return []
    try:
        before = viewing.load_year(data.data_root, max(earlier), as_of, base_lang(lang))
    except errors.UserError as error:
        sys.stderr.write(error.message.rstrip("\n") + "\n")
        return []
    return [compare_years(viewing.evaluate(before, as_of), result)]


def run(
    year: int,
    fmt: ReportFormat,
    output: Path | None,
    dialect: CsvDialect,
    filters: viewing.Filters,
    as_of: str | None,
    lang_text: str | None,
    data: Path | None = None,
    layout: Layout | None = None,
) -> int:
    lang = report_lang(lang_text, fmt)
    messages = base_lang(lang)
    if fmt is ReportFormat.DOCX and output is None and sys.stdout.isatty():
        raise errors.UserError(
            "tavoitteet: "
            + (
                "a Word file is not printed on the terminal; give the file to write with -o raportti.docx."
                if messages == "en"
                else "Word-tiedostoa ei tulosteta päätteelle; anna kirjoitettava tiedosto: -o raportti.docx."
            ),
            errors.USAGE,
        )
    today = date.today()
    data_year = viewing.load_year(viewing.data_root(data, messages), year, today, messages)
    day = viewing.parse_as_of(as_of, today, messages)
    result = viewing.apply_filters(viewing.evaluate(data_year, day, filters.assessor), filters, messages)
    comparisons = earlier_comparison(data_year, result, day, lang) if fmt is ReportFormat.HTML else []
    settings = load_settings(data_year.data_root, lang) if fmt is not ReportFormat.JSON else None
    payload = render(fmt, result, lang, dialect, filters, comparisons, settings, layout)
    if output is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return errors.OK
    write_atomically(output, payload, data_year.data_root, messages)
    return errors.OK


def load_settings(data_root: Path, lang: ReportLang) -> ReportSettings:
    """The repository's report settings; a problem in the file stops the report with its message."""
    from tavoitteet.files import report_settings

    try:
        return report_settings.load(data_root, lang)
    except report_settings.SettingsError as error:
        if not error.problems:
            raise errors.UserError(error.message) from None
        from tavoitteet.render.problems import render_text

        sources = {error.path: error.path.read_text(encoding="utf-8", errors="replace").splitlines()}
        raise errors.UserError(render_text(error.problems, sources, base_lang(lang)).rstrip("\n")) from None


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def write_atomically(target: Path, payload: bytes, data_root: Path, lang: str) -> None:
    """Write ``payload`` to ``target`` through a temporary file; refuse the data folder."""
    en = lang == "en"
    if _inside(target, data_root):
        raise errors.UserError(
            f"tavoitteet: {target}: "
            + (
                "a report is not written into the data folder; choose another place with -o."
                if en
                else "raporttia ei kirjoiteta data-kansioon; valitse -o:lla toinen paikka."
            ),
            errors.USAGE,
        )
    folder = target.parent if str(target.parent) else Path()
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise errors.UserError(_cannot_write(target, error, en)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        Path(temporary).chmod(0o666 & ~_umask())
        Path(temporary).replace(target)
    except OSError as error:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise errors.UserError(_cannot_write(target, error, en)) from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# The operating system words its reasons in English; the common ones in Finnish.
_FINNISH_REASONS = {
    errno.ENOENT: "kansiota ei ole",
    errno.ENOTDIR: "polussa on tiedosto kansion paikalla",
    errno.EACCES: "ei kirjoitusoikeutta",
    errno.EPERM: "ei kirjoitusoikeutta",
    errno.EROFS: "levy on vain luettavissa",
    errno.ENOSPC: "levy on täynnä",
    errno.EISDIR: "samanniminen kansio on jo olemassa",
}


def _cannot_write(target: Path, error: OSError, en: bool) -> str:
    reason = error.strerror or str(error)
    if en:
        return f"tavoitteet: cannot write {target}: {reason}. Check that the folder exists and is writable."
    reason = _FINNISH_REASONS.get(error.errno or 0, reason)
    return f"tavoitteet: tiedostoa {target} ei voi kirjoittaa: {reason}. Tarkista, että kansio on olemassa ja kirjoitettavissa."
