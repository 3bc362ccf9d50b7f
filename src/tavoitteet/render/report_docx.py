"""The year's report as a Word document (.docx) for the annual report (toimintakertomus).

Built with python-docx on its default template, so that Word's built-in styles
carry the structure: *Title* for the report's name, *Heading 1* per committee,
*Heading 2* per service area and summary (a table of contents picks them up).
Per area one table: the header row repeats on every page and no row breaks
across pages; each goal is a full-width row with its status in words (and
whether it binds towards the council), followed by its indicators' target,
outcome with its day, status (colour only repeats the words) and every comment
and reason, including why an item was not assessed.  The footer has the
municipality, committee, year and "page N / M".  A4 portrait, or landscape
with ``--landscape`` for wide tables.  Each text keeps its real language
(``w:lang``), so that Word's proofing and screen readers read it right.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from tavoitteet.core.evaluation import Counts, Status, YearResult
from tavoitteet.render.report_content import (
    AreaBlock,
    CommitteeBlock,
    GoalBlock,
    IndicatorLine,
    Piece,
    committee_block,
    count_table,
    headline,
    situation,
    year_summaries,
)
from tavoitteet.render.svg_charts import STATUS_COLOURS
from tavoitteet.words.i18n import ReportLang
from tavoitteet.words.report_labels import word

LANG_TAGS: dict[str, str] = {"fi": "fi-FI", "sv": "sv-SE", "en": "en-GB"}
COLUMNS = ("indicator", "target", "realization", "status", "notes_column")
WIDTHS = (0.2, 0.19, 0.2, 0.17, 0.24)  # shares of the text width
GOAL_FILL, HEADER_FILL = "E8E8E8", "D0D0D0"


@dataclass(frozen=True, slots=True)
class DocxSettings:
    """What the municipality's own document adds: its name, the report's title, a logo."""

    municipality: str | None = None
    title: str | None = None
    logo: bytes | None = None
    landscape: bool = False


def _set_lang(element: object, tag: str) -> None:
    r_pr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), tag)


def _piece(paragraph: Paragraph, piece: Piece | str, lang: ReportLang, bold: bool = False) -> None:
    text, piece_lang = (piece.text, piece.lang) if isinstance(piece, Piece) else (piece, lang)
    run = paragraph.add_run(text)
    run.bold = bold or None
    if piece_lang != lang:
        _set_lang(run._r, LANG_TAGS[piece_lang])


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when laying out."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _row_flags(row: object, header: bool = False) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _add_row(table: Table) -> _Row:
    row: _Row = table.add_row()  # type: ignore[no-untyped-call]
    return row


def _span_row(table: Table, columns: int) -> _Cell:
    """A new row whose one cell spans every column (faster than python-docx's merge)."""
    row = _add_row(table)
    _row_flags(row)
    cells = row._tr.tc_lst
    for extra in cells[1:]:
        row._tr.remove(extra)
    first = cells[0]
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), str(columns))
    first.get_or_add_tcPr().append(span)
    return _Cell(first, table)


class _Writer:
    def __init__(self, year: YearResult, lang: ReportLang, settings: DocxSettings) -> None:
        self.year, self.lang, self.settings = year, lang, settings
        self.doc: DocumentObject = Document()
        self._page_setup()
        self.text_width = Mm((297 if settings.landscape else 210) - 40)

    def _page_setup(self) -> None:
        section = self.doc.sections[0]
        short, long = Mm(210), Mm(297)
        landscape = self.settings.landscape
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (long, short) if landscape else (short, long)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Mm(20))
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(10)
        _set_lang(normal.element, LANG_TAGS[self.lang])
        properties = self.doc.core_properties
        properties.title = self._title()
        properties.language = LANG_TAGS[self.lang]
        properties.author = self.settings.municipality or ""

    def _title(self) -> str:
        return self.settings.title or word("title", self.lang, year=self.year.year)

    def _footer(self, committees: Sequence[CommitteeBlock]) -> None:
        footer = self.doc.sections[0].footer
        paragraph = footer.paragraphs[0]
        names = ", ".join(c.name.text for c in committees)
        parts = [p for p in (self.settings.municipality, names, str(self.year.year)) if p]
        paragraph.add_run(" – ".join(parts) + " – " + word("page", self.lang) + " ")
        _field(paragraph, "PAGE")
        paragraph.add_run(" / ")
        _field(paragraph, "NUMPAGES")

    def title_block(self, committees: Sequence[CommitteeBlock]) -> None:
        if self.settings.logo:
            self.doc.add_picture(io.BytesIO(self.settings.logo), height=Mm(18))
        self.doc.add_heading(self._title(), level=0)
        lines: list[tuple[str, Piece | str]] = []
        if self.settings.municipality:
            lines.append((word("municipality", self.lang), self.settings.municipality))
        if len(committees) == 1:
            lines.append((word("committee", self.lang), committees[0].name))
        lines.append((word("year", self.lang), str(self.year.year)))
        for committee in committees:
            lines += [(word("decision", self.lang), decision) for decision in committee.decisions]
            if committee.preparer:
                lines.append((word("preparer", self.lang), committee.preparer))
        for key, value in lines:
            paragraph = self.doc.add_paragraph()
            _piece(paragraph, f"{key}: ", self.lang, bold=True)
            _piece(paragraph, value, self.lang)
        self.doc.add_paragraph(situation(self.year, self.lang))

    def summary(self, heading: str, goals: Counts, indicators: Counts, binding: Counts) -> None:
        self.doc.add_heading(heading, level=2)
        self.doc.add_paragraph(headline(goals, indicators, binding, self.lang))
        header, rows = count_table(goals, indicators, binding, self.lang)
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        _row_flags(table.rows[0], header=True)
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
            _shade(cell, HEADER_FILL)
        for status, cells in rows:
            row = _add_row(table)
            _row_flags(row)
            for n, (cell, text) in enumerate(zip(row.cells, cells, strict=True)):
                self._status_run(cell.paragraphs[0], text, status) if n == 0 else cell.paragraphs[0].add_run(
                    text
                )

    def _status_run(self, paragraph: Paragraph, text: str, status: Status) -> None:
        run = paragraph.add_run(text)
        run.bold = True
        run.font.color.rgb = RGBColor.from_string(STATUS_COLOURS[status].lstrip("#").upper())

    def committee(self, block: CommitteeBlock, alone: bool) -> None:
        heading = self.doc.add_heading(level=1)
        _piece(heading, block.name, self.lang)
        if not alone:
            for decision in block.decisions:
                self.doc.add_paragraph(f"{word('decision', self.lang)}: {decision}")
        self.doc.add_paragraph(
            headline(block.goal_counts, block.indicator_counts, block.binding_counts, self.lang)
        )
        for area in block.areas:
            self.area(area)
        self.summary(
            f"{word('summary', self.lang)}: {block.name.text}",
            block.goal_counts,
            block.indicator_counts,
            block.binding_counts,
        )
        for line in block.binding_lines:
            self.doc.add_paragraph(line)
        for key, items in (
            ("assessments", block.assessments),
            ("differing", block.differing),
            ("notes", block.notes),
        ):
            if items:
                self.doc.add_paragraph(f"{word(key, self.lang)}:")
                for item in items:
                    _piece(self.doc.add_paragraph(style="List Bullet"), item, self.lang)

    def area(self, area: AreaBlock) -> None:
        heading = self.doc.add_heading(level=2)
        _piece(heading, area.name, self.lang)
        for piece in area.texts:
            _piece(self.doc.add_paragraph(), piece, self.lang)
        if not area.goals:
            return
        table = self.doc.add_table(rows=1, cols=len(COLUMNS))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        widths = [Emu(int(self.text_width * share)) for share in WIDTHS]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        header = table.rows[0]
        _row_flags(header, header=True)
        for cell, key, width in zip(header.cells, COLUMNS, widths, strict=True):
            cell.width = width
            cell.paragraphs[0].add_run(word(key, self.lang)).bold = True
            _shade(cell, HEADER_FILL)
        for goal in area.goals:
            self.goal(table, goal, widths)

    def goal(self, table: Table, goal: GoalBlock, widths: list[Emu]) -> None:
        cell = _span_row(table, len(COLUMNS))
        _shade(cell, GOAL_FILL)
        paragraph = cell.paragraphs[0]
        _piece(paragraph, f"{word('goal', self.lang)}: ", self.lang, bold=True)
        _piece(paragraph, goal.title, self.lang, bold=True)
        paragraph.add_run(" – ")
        self._status_run(paragraph, goal.status_text, goal.status)
        if goal.binding:
            paragraph.add_run(f" ({word('binding_mark', self.lang)})").bold = True
        if goal.reason is not None:
            reason = cell.add_paragraph()
            _piece(reason, f"{word('reason', self.lang)}: ", self.lang, bold=True)
            _piece(reason, goal.reason, self.lang)
        for fact in goal.facts:
            _piece(cell.add_paragraph(), fact, self.lang)
        for action in goal.actions:
            row_cell = _span_row(table, len(COLUMNS))
            paragraph = row_cell.paragraphs[0]
            _piece(paragraph, f"{word('action', self.lang)}: ", self.lang)
            _piece(paragraph, action, self.lang)
        for line in goal.lines:
            self.line(table, line, widths)

    def line(self, table: Table, line: IndicatorLine, widths: list[Emu]) -> None:
        row = _add_row(table)
        _row_flags(row)
        cells = row.cells
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width
        first = cells[0].paragraphs[0]
        if line.action is not None:
            _piece(first, f"{word('action', self.lang)}: ", self.lang)
            _piece(first, line.action, self.lang)
            first = cells[0].add_paragraph() if line.name is not None else first
        if line.name is not None:
            _piece(first, line.name, self.lang)
        _piece(cells[1].paragraphs[0], line.target, self.lang)
        cells[2].paragraphs[0].add_run(line.outcome)
        self._status_run(cells[3].paragraphs[0], line.status_text, line.status)
        notes = cells[4].paragraphs[0]
        for n, note in enumerate(line.notes):
            if n:
                notes.add_run(" ")
            _piece(notes, note, self.lang)

    def render(self) -> bytes:
        committees = [committee_block(file, self.lang) for file in self.year.files]
        self.title_block(committees)
        self._footer(committees)
        if not committees:
            self.doc.add_paragraph(word("nothing", self.lang))
        for block in committees:
            self.committee(block, alone=len(committees) == 1)
        if len(committees) > 1:
            for part in year_summaries(self.year, self.lang):
                self.summary(part.heading, part.goal_counts, part.indicator_counts, part.binding.goals)
                for line in part.binding_lines:
                    self.doc.add_paragraph(line)
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def render_docx(year: YearResult, lang: ReportLang = "fi", settings: DocxSettings | None = None) -> bytes:
    """The whole report as the bytes of a .docx file."""
    return _Writer(year, lang, settings or DocxSettings()).render()
