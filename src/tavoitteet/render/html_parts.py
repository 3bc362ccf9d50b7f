"""Small HTML pieces the report and the site share: language-marked text, status badges, reflowing tables.

Everything here escapes what it is given, except cells that :func:`reflow_table`
is told are HTML already.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from tavoitteet.core.evaluation import Status
from tavoitteet.render.report_content import Piece
from tavoitteet.words.i18n import ReportLang
from tavoitteet.words.report_labels import status_word


def text(piece: Piece | str | None, lang: ReportLang) -> str:
    """Escaped text, in a ``<span lang>`` when it is not in the page's language."""
    if piece is None:
        return ""
    if isinstance(piece, str):
        return escape(piece)
    if piece.lang != lang:
        return f'<span lang="{piece.lang}">{escape(piece.text)}</span>'
    return escape(piece.text)


def badge(status: Status, lang: ReportLang, label: str | None = None) -> str:
    """A status as words on its colour (the words alone carry the meaning)."""
    shown = escape(label if label is not None else status_word(status, lang))
    return f'<span class="st st-{status.name.lower()}">{shown}</span>'


def reflow_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    label_id: str,
    css_class: str = "",
    row_headers: bool = True,
) -> str:
    """A table named by the heading ``label_id``; cells carry their column's name for narrow screens.

    ``rows`` hold HTML already escaped; the first cell is the row's header when ``row_headers``.
    """
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in header)
    body = []
    for row in rows:
        cells = []
        for n, (name, cell) in enumerate(zip(header, row, strict=True)):
            tag = "th" if n == 0 and row_headers else "td"
            scope = ' scope="row"' if tag == "th" else ""
            cells.append(f'<{tag}{scope} data-label="{escape(name)}">{cell}</{tag}>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    classes = f"reflow {css_class}".strip()
    return (
        f'<table class="{classes}" aria-labelledby="{label_id}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )
