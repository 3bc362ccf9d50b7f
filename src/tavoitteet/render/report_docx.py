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
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

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


def _run(paragraph: Paragraph, text: str, bold: bool = False) -> Run:
    """A run with ``text`` (line breaks kept), built without python-docx's slower text setter."""
    element = paragraph._p.add_r()
    for n, line in enumerate(text.split("\n")):
        if n:
            element.add_br()
        if line:
            element.add_t(line)
    run = Run(element, paragraph)
    if bold:
        run.bold = True
    return run


def _piece(paragraph: Paragraph, piece: Piece | str, lang: ReportLang, bold: bool = False) -> None:
    text, piece_lang = (piece.text, piece.lang) if isinstance(piece, Piece) else (piece, lang)
    run = _run(paragraph, text, bold)
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


def _xml_text(text: str) -> str:
    return escape(text)


class _Rows:
    """Table rows as WordprocessingML text, parsed once per row: python-docx's element-by-element
    building (add_row, cell widths, run properties) took most of a large report's time."""

    def __init__(self, lang: ReportLang) -> None:
        self.lang = lang

    def run(self, text: str, bold: bool = False, colour: str | None = None, lang: str | None = None) -> str:
        props = ("<w:b/>" if bold else "") + (f'<w:color w:val="{colour}"/>' if colour else "")
        props += f'<w:lang w:val="{lang}"/>' if lang else ""
        body = "<w:br/>".join(
            f'<w:t xml:space="preserve">{_xml_text(line)}</w:t>' if line else "" for line in text.split("\n")
        )
        return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{body}</w:r>"

    def piece(self, piece: Piece, bold: bool = False) -> str:
        return self.run(piece.text, bold, lang=LANG_TAGS[piece.lang] if piece.lang != self.lang else None)

    def status(self, text: str, status: Status) -> str:
        return self.run(text, bold=True, colour=STATUS_COLOURS[status].lstrip("#").upper())

    def para(self, runs: Sequence[str]) -> str:
        return f"<w:p>{''.join(runs)}</w:p>"

    def cell(self, paragraphs: Sequence[str], width: int, span: int = 1, fill: str | None = None) -> str:
        props = f'<w:tcW w:w="{width // 635}" w:type="dxa"/>'
        props += f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{''.join(paragraphs) or '<w:p/>'}</w:tc>"

    def add(self, table: Table, cells: Sequence[str], header: bool = False) -> None:
        flags = "<w:cantSplit/>" + ("<w:tblHeader/>" if header else "")
        table._tbl.append(parse_xml(f"<w:tr {nsdecls('w')}><w:trPr>{flags}</w:trPr>{''.join(cells)}</w:tr>"))

    def header(self, table: Table, names: Sequence[str]) -> None:
        widths = [int(col.w or 0) for col in table._tbl.tblGrid.gridCol_lst]
        cells = [
            self.cell([self.para([self.run(name, bold=True)])], width, fill=HEADER_FILL)
            for name, width in zip(names, widths, strict=True)
        ]
        self.add(table, cells, header=True)


class _Writer:
    def __init__(self, year: YearResult, lang: ReportLang, settings: DocxSettings) -> None:
        self.year, self.lang, self.settings = year, lang, settings
        self.doc: DocumentObject = Document()
        # Looked up once: python-docx finds a style by its name by walking every style each time.
        names = ("Title", "Heading 1", "Heading 2", "List Bullet", "Table Grid")
        self.styles = {name: self.doc.styles[name] for name in names}
        self._page_setup()
        self.text_width = Mm((297 if settings.landscape else 210) - 40)
        self.rows = _Rows(lang)

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

    def _table(self, widths: list[int]) -> Table:
        """An empty table with its columns' widths (EMU); python-docx's add_table measures the page each time."""
        table = self.doc._body.add_table(0, len(widths), Emu(sum(widths)))
        table._tbl.tblPr.style = self.styles["Table Grid"].style_id
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
            column.w = Emu(width)
        return table

    def para(self, text: str | None = None, style: str | None = None) -> Paragraph:
        """A paragraph in a built-in style, set by its id (python-docx compares it with every style)."""
        paragraph = self.doc.add_paragraph(text or "")
        if style is not None:
            paragraph._p.style = self.styles[style].style_id
        return paragraph

    def _title(self) -> str:
        return self.settings.title or word("title", self.lang, year=self.year.year)

    def _footer(self, committees: Sequence[CommitteeBlock]) -> None:
        footer = self.doc.sections[0].footer
        paragraph = footer.paragraphs[0]
        names = ", ".join(c.name.text for c in committees)
        parts = [p for p in (self.settings.municipality, names, str(self.year.year)) if p]
        _run(paragraph, " – ".join(parts) + " – " + word("page", self.lang) + " ")
        _field(paragraph, "PAGE")
        _run(paragraph, " / ")
        _field(paragraph, "NUMPAGES")

    def title_block(self, committees: Sequence[CommitteeBlock]) -> None:
        if self.settings.logo:
            self.doc.add_picture(io.BytesIO(self.settings.logo), height=Mm(18))
        self.para(self._title(), "Title")
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
        self.para(heading, "Heading 2")
        self.doc.add_paragraph(headline(goals, indicators, binding, self.lang))
        header, rows = count_table(goals, indicators, binding, self.lang)
        width = int(self.text_width) // len(header)
        table = self._table([width] * len(header))
        self.rows.header(table, header)
        for status, cells in rows:
            first = self.rows.para([self.rows.status(cells[0], status)])
            others = [self.rows.para([self.rows.run(text)]) for text in cells[1:]]
            self.rows.add(
                table, [self.rows.cell([first], width), *(self.rows.cell([o], width) for o in others)]
            )

    def committee(self, block: CommitteeBlock, alone: bool) -> None:
        heading = self.para(style="Heading 1")
        _piece(heading, block.name, self.lang)
        if not alone:
            for decision in block.decisions:
                paragraph = self.doc.add_paragraph(f"{word('decision', self.lang)}: ")
                _piece(paragraph, decision, self.lang)
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
                    _piece(self.para(style="List Bullet"), item, self.lang)

    def area(self, area: AreaBlock) -> None:
        heading = self.para(style="Heading 2")
        _piece(heading, area.name, self.lang)
        for piece in area.texts:
            _piece(self.doc.add_paragraph(), piece, self.lang)
        if not area.goals:
            return
        widths = [int(self.text_width * share) for share in WIDTHS]
        table = self._table(widths)
        self.rows.header(table, [word(key, self.lang) for key in COLUMNS])
        for goal in area.goals:
            self.goal(table, goal, widths)

    def goal(self, table: Table, goal: GoalBlock, widths: list[int]) -> None:
        rows, total = self.rows, sum(widths)
        title = [
            rows.run(f"{word('goal', self.lang)}: ", bold=True),
            rows.piece(goal.title, bold=True),
            rows.run(" – "),
            rows.status(goal.status_text, goal.status),
        ]
        if goal.binding:
            title.append(rows.run(f" ({word('binding_mark', self.lang)})", bold=True))
        paragraphs = [rows.para(title)]
        if goal.reason is not None:
            reason = [rows.run(f"{word('reason', self.lang)}: ", bold=True), rows.piece(goal.reason)]
            paragraphs.append(rows.para(reason))
        paragraphs += [rows.para([rows.piece(fact)]) for fact in goal.facts]
        rows.add(table, [rows.cell(paragraphs, total, span=len(COLUMNS), fill=GOAL_FILL)])
        for action in goal.actions:
            text = [rows.run(f"{word('action', self.lang)}: "), rows.piece(action)]
            rows.add(table, [rows.cell([rows.para(text)], total, span=len(COLUMNS))])
        for line in goal.lines:
            self.line(table, line, widths)

    def line(self, table: Table, line: IndicatorLine, widths: list[int]) -> None:
        rows = self.rows
        first = []
        if line.action is not None:
            first.append(rows.para([rows.run(f"{word('action', self.lang)}: "), rows.piece(line.action)]))
        if line.name is not None:
            first.append(rows.para([rows.piece(line.name)]))
        notes: list[str] = []
        for n, note in enumerate(line.notes):
            notes += [rows.run(" ")] if n else []
            notes.append(rows.piece(note))
        cells = [
            first or [rows.para([])],
            [rows.para([rows.piece(line.target)])],
            [rows.para([rows.run(line.outcome)])],
            [rows.para([rows.status(line.status_text, line.status)])],
            [rows.para(notes)],
        ]
        rows.add(table, [rows.cell(c, w) for c, w in zip(cells, widths, strict=True)])

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
