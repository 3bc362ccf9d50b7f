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

import dataclasses
import io
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from tavoitteet import errors
from tavoitteet.commands import viewing
from tavoitteet.core.compare import Comparison
from tavoitteet.core.evaluation import YearResult
from tavoitteet.core.report_settings import ReportSettings
from tavoitteet.files.discovery import year_files
from tavoitteet.render.json_views import status_json
from tavoitteet.render.report_csv import CsvDialect, render_csv
from tavoitteet.render.report_html import html_pieces
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
        return _encoded(html_pieces(result, lang, comparisons, settings))
    return text.encode("utf-8")


def _encoded(pieces: Iterable[str]) -> bytes:
    """``"".join(pieces).encode("utf-8")`` without the whole text in memory besides its bytes (a
    national HTML report is tens of megabytes)."""
    buffer = io.BytesIO()
    for piece in pieces:
        buffer.write(piece.encode("utf-8"))
    return buffer.getvalue()


def earlier_comparison(
    data: viewing.YearData, result: YearResult, as_of: date, lang: ReportLang
) -> list[Comparison]:
    """The comparison with the latest earlier year that has files, if any loads cleanly."""
    listed = data.listed if data.listed is not None else year_files(data.data_root)
    earlier = [y for y in listed if y < data.year]
    if not earlier:
        return []
    try:  # the earlier year one file at a time (not loaded whole, as load_year would)
        return [viewing.compared_year(data, max(earlier), as_of, base_lang(lang), result)]
    except errors.UserError as error:
        sys.stderr.write(error.message.rstrip("\n") + "\n")
        return []


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
    data_year = viewing.load_year(viewing.data_root(data, messages), year, today, messages, filters.committee)
    day = viewing.parse_as_of(as_of, today, messages)
    result = viewing.apply_filters(viewing.evaluate(data_year, day, filters.assessor), filters, messages)
    comparisons = earlier_comparison(data_year, result, day, lang) if fmt is ReportFormat.HTML else []
    settings = load_settings(data_year.data_root, lang) if fmt is not ReportFormat.JSON else None
    if settings is not None and settings.municipality is None:
        named = {f.goal_file.municipality for f in result.files}
        if len(named) == 1 and (only := named.pop()):  # every file names the same municipality
            settings = dataclasses.replace(settings, municipality=only)
    payload = render(fmt, result, lang, dialect, filters, comparisons, settings, layout)
    if output is None:
        text_report = fmt is not ReportFormat.DOCX
        if text_report and (hint := redirect_hint(os.name == "nt", _is_terminal(), messages)) is not None:
            sys.stderr.write(hint)
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return errors.OK
    write_atomically(output, payload, data_year.data_root, messages)
    sys.stderr.write(wrote_message(output, fmt, len(payload), messages))
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


def wrote_message(output: Path, fmt: ReportFormat, size: int, lang: str) -> str:
    """What ``report -o`` says it wrote: the file, its format and its size."""
    shown = f"{size:,}".replace(",", " ")
    unit = ("byte" if size == 1 else "bytes") if lang == "en" else ("tavu" if size == 1 else "tavua")
    if lang == "en":
        return f"tavoitteet: wrote {output} ({fmt.value}, {shown} {unit}).\n"
    return f"tavoitteet: kirjoitettu {output} ({fmt.value}, {shown} {unit}).\n"


def redirect_hint(windows: bool, terminal: bool, lang: str) -> str | None:
    """On Windows a report piped or redirected from stdout is read by PowerShell in its own code page;
    the report is UTF-8, so say to write it with ``-o`` instead."""
    if not windows or terminal:
        return None
    if lang == "en":
        return (
            "tavoitteet: the report is UTF-8; PowerShell may read redirected output wrongly. Use -o FILE.\n"
        )
    return "tavoitteet: raportti on UTF-8-tekstiä; PowerShell voi lukea uudelleenohjatun tulosteen väärin. Käytä -o TIEDOSTO.\n"


def _is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def write_atomically(target: Path, payload: bytes, data_root: Path, lang: str) -> None:
    """Write ``payload`` to ``target`` through a temporary file; refuse a link and every data folder."""
    from tavoitteet.commands.output import replace_file

    replace_file(target, payload, lang, data=[data_root], what="report")
