"""``tavoitteet report YEAR --format md|csv|json|html [-o FILE]``: the year's report for publishing.

The year is loaded, evaluated and filtered exactly as ``status`` does
(:mod:`tavoitteet.commands.viewing`).  The HTML report compares each committee
with the latest earlier year that has files.  With ``-o`` the report is written
atomically (a temporary file in the same folder, then replaced), never into
the data folder; without it the report goes to stdout as UTF-8 bytes, so that
the CSV's byte order mark survives.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path

from tavoitteet import errors
from tavoitteet.commands import viewing
from tavoitteet.core.compare import Comparison, compare_years
from tavoitteet.core.evaluation import YearResult
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


SWEDISH_FORMATS = frozenset({ReportFormat.MD, ReportFormat.HTML})


def report_lang(explicit: str | None, fmt: ReportFormat) -> ReportLang:
    """``--lang sv`` for Markdown and HTML; otherwise Finnish or English as everywhere."""
    if explicit is not None and explicit.strip().lower().startswith("sv"):
        if fmt not in SWEDISH_FORMATS:
            raise errors.UserError(
                "tavoitteet: --lang sv on käytettävissä vain muodoille md ja html. / "
                "--lang sv is available only for the md and html formats.",
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
) -> str:
    if fmt is ReportFormat.MD:
        return render_markdown(result, lang)
    if fmt is ReportFormat.CSV:
        return render_csv(result, dialect, base_lang(lang))
    if fmt is ReportFormat.JSON:
        return status_json(result, base_lang(lang), filters.as_dict())
    return render_html(result, lang, comparisons)


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
) -> int:
    lang = report_lang(lang_text, fmt)
    messages = base_lang(lang)
    today = date.today()
    data_year = viewing.load_year(viewing.data_root(data, messages), year, today, messages)
    day = viewing.parse_as_of(as_of, today, messages)
    result = viewing.apply_filters(viewing.evaluate(data_year, day, filters.assessor), filters, messages)
    comparisons = earlier_comparison(data_year, result, day, lang) if fmt is ReportFormat.HTML else []
    payload = render(fmt, result, lang, dialect, filters, comparisons).encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return errors.OK
    write_atomically(output, payload, data_year.data_root, messages)
    return errors.OK


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
