"""The HTML report's inline stylesheet: screen and A4 print, system fonts only."""

from __future__ import annotations

from tavoitteet.render.svg_charts import STATUS_COLOURS

_BADGES = "\n".join(
    f".st-{status.name.lower()} {{ background: {colour}; }}" for status, colour in STATUS_COLOURS.items()
)

CSS = (
    """
:root { color: #1a1a1a; background: #ffffff; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  line-height: 1.45; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem; }
h1 { font-size: 1.7rem; margin: 0.5rem 0; }
h2 { font-size: 1.4rem; margin-top: 2rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1.15rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; margin-top: 1rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #8c8c8c; padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
tr.goal th, tr.goal td { background: #f2f2f2; font-weight: 600; }
table.summary { width: auto; min-width: 24rem; }
.st { display: inline-block; color: #ffffff; border-radius: 0.25rem; padding: 0 0.35rem; font-weight: 600;
  white-space: nowrap; }
"""
    + _BADGES
    + """
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
.bar { display: grid; grid-template-columns: 16rem 1fr; gap: 0.75rem; align-items: center; margin: 0.25rem 0; }
.bar svg { height: 1.4rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(28rem, 1fr)); gap: 1rem; }
figure.chart { margin: 0; border: 1px solid #c4c4c4; padding: 0.5rem; break-inside: avoid; }
figcaption { font-size: 0.85rem; margin-top: 0.25rem; }
.decision, .situation { font-style: italic; }
footer { margin-top: 2rem; font-size: 0.85rem; color: #4a4a4a; }
@media print {
  @page { size: A4; margin: 15mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-before: page; }
  section.year h2 { break-before: auto; }
  h2, h3, h4, caption { break-after: avoid; }
  tr, figure { break-inside: avoid; }
  thead { display: table-header-group; }
  .charts { grid-template-columns: 1fr 1fr; }
}
"""
)
