"""The HTML report's inline stylesheet: screen, phone (390 px) and A4 print, system fonts only.

- Tables have fixed column shares and wrap long words, so they never reach
  past the page; below 40rem each row becomes a block whose cells are
  labelled with their column's name (``data-label``), so nothing scrolls
  sideways on a phone.
- Print: A4 with a running head (municipality, committee, year) and "page N / M"
  in the page margins (CSS paged media, :func:`page_css`); no forced page
  break before sections, only headings kept with what follows and rows kept
  whole; the table header repeats on every page.
- Charts keep their text size: their drawing is as wide as a phone, and
  every chart has its numbers as a small table beside it.
"""

from __future__ import annotations

from tavoitteet.render.svg_charts import STATUS_COLOURS

_BADGES = "\n".join(
    f".st-{status.name.lower()} {{ background: {colour}; }}" for status, colour in STATUS_COLOURS.items()
)

CSS = (
    """
:root { color: #1a1a1a; background: #ffffff; }
*, *::before, *::after { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  line-height: 1.45; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem; overflow-wrap: break-word; }
h1 { font-size: 1.7rem; margin: 0.5rem 0; }
h2 { font-size: 1.4rem; margin-top: 2rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1.15rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; margin-top: 1rem; }
.masthead .logo { max-height: 4rem; max-width: 100%; }
.municipality { font-weight: 600; margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
table.goals { table-layout: fixed; }
th, td { border: 1px solid #8c8c8c; padding: 0.3rem 0.4rem; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; hyphens: auto; }
thead th { background: #e8e8e8; }
tbody th { font-weight: normal; }
tr.goal th { background: #f0f0f0; font-weight: 600; }
tr.goal .reason { display: block; font-weight: normal; margin-top: 0.2rem; }
tr.action td, .action { font-style: italic; }
.action { display: block; }
table.summary { width: auto; max-width: 100%; }
.st { display: inline-block; color: #ffffff; border-radius: 0.25rem; padding: 0 0.3rem; font-weight: 600;
  overflow-wrap: normal; hyphens: manual; max-width: 100%; }
"""
    + _BADGES
    + """
.bar { margin: 0.25rem 0 0.75rem; }
.bar-label { margin: 0; font-weight: 600; }
.bar svg { display: block; width: 100%; max-width: 40rem; height: 1.2rem; }
.bar-counts { list-style: none; padding: 0; margin: 0.2rem 0 0; display: flex; flex-wrap: wrap;
  gap: 0.25rem 0.75rem; font-size: 0.9rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr)); gap: 1rem; }
figure.chart { margin: 0; border: 1px solid #c4c4c4; padding: 0.5rem; break-inside: avoid; min-width: 0; }
figure.chart svg { display: block; width: 100%; max-width: 30rem; height: auto; }
figure.chart table { font-size: 0.85rem; margin: 0.4rem 0 0; }
figcaption { font-size: 0.9rem; font-weight: 600; margin-bottom: 0.25rem; }
.decision, .situation { font-style: italic; }
.headline { font-weight: 600; }
footer { margin-top: 2rem; font-size: 0.85rem; color: #4a4a4a; }
@media (max-width: 40rem) {
  body { padding: 0.75rem; }
  table.reflow, table.reflow tbody, table.reflow tr, table.reflow th, table.reflow td { display: block; width: 100%; }
  table.reflow thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
    white-space: nowrap; }
  table.reflow colgroup { display: none; }
  table.reflow tr { border: 1px solid #8c8c8c; border-top: 0; }
  table.reflow tbody:first-of-type tr:first-child, table.reflow tr.goal { border-top: 1px solid #8c8c8c; }
  table.reflow th, table.reflow td { border: 0; padding: 0.15rem 0.5rem; }
  table.reflow td.empty { display: none; }
  table.reflow [data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
  table.reflow tr.goal th { padding: 0.4rem 0.5rem; }
  table.summary { width: 100%; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3, h4 { break-after: avoid; }
  tr, figure, .bar { break-inside: avoid; }
  thead { display: table-header-group; }
  .charts { grid-template-columns: 1fr 1fr; }
  footer { font-size: 8pt; }
}
"""
)


def css_string(value: str) -> str:
    """``value`` as a CSS string literal: quotes, backslashes, line ends and ``<`` escaped."""
    escaped = (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\A ")
        .replace("\r", "")
        .replace("<", "\\3C ")
        .replace(">", "\\3E ")
    )
    return f'"{escaped}"'


def page_css(running_head: str, page_word: str) -> str:
    """A4 pages with the running head at the top and "page N / M" at the bottom (Chromium's margin boxes)."""
    return (
        "\n@page { size: A4; margin: 16mm 14mm 16mm 14mm;\n"
        f"  @top-left {{ content: {css_string(running_head)}; font-size: 8pt; color: #4a4a4a; }}\n"
        f'  @bottom-right {{ content: {css_string(page_word + " ")} counter(page) " / " counter(pages); '
        "font-size: 8pt; color: #4a4a4a; }\n}\n"
    )
