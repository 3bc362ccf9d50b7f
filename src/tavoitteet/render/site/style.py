"""The site's one stylesheet (``tiedostot/sivusto.css``): system fonts, screen, phone and print.

Colours give at least 4.5:1 contrast; the focus outline is always visible;
long words in tables wrap on narrow screens instead of widening the page.
"""

from __future__ import annotations

from tavoitteet.render.svg_charts import STATUS_COLOURS

_BADGES = "\n".join(
    f".st-{status.name.lower()} {{ background: {colour}; }}" for status, colour in STATUS_COLOURS.items()
)

CSS = (
    """:root { color: #1a1a1a; background: #ffffff; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.5;
  margin: 0 auto; max-width: 72rem; padding: 0 1rem 1rem; }
a { color: #0b4f9c; }
a:visited { color: #5b2a86; }
a:focus, button:focus, input:focus, main:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
.skip { position: absolute; top: 0; left: 0; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
.skip:focus { position: static; width: auto; height: auto; clip: auto; display: inline-block; padding: 0.5rem; }
header.site { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center;
  border-bottom: 2px solid #1a1a1a; padding: 0.75rem 0; }
.site-name { font-weight: 700; font-size: 1.15rem; margin: 0; }
.menu, .langs ul, .crumbs ol, ul.plain, .choice { list-style: none; margin: 0; padding: 0; }
.menu, .langs ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.crumbs ol { display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0.75rem 0 0; font-size: 0.9rem; }
.crumbs li + li::before { content: "›"; margin-right: 0.25rem; }
form.search { display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; align-items: center; }
form.search input { font: inherit; padding: 0.2rem 0.4rem; border: 1px solid #5f5f5f; min-width: 12rem; }
form.search button { font: inherit; padding: 0.2rem 0.8rem; border: 1px solid #0b4f9c; background: #0b4f9c;
  color: #ffffff; }
form.big { margin: 1rem 0; }
form.big p { flex-basis: 100%; margin: 0; font-size: 0.9rem; }
h1 { font-size: 1.7rem; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.35rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #8c8c8c; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
thead th { background: #e8e8e8; }
tbody th { font-weight: 600; }
dl.facts, dl.summary { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.3rem 1rem; }
dl.facts dt, dl.summary dt { font-weight: 600; }
dl.facts dd, dl.summary dd { margin: 0; }
.st { display: inline-block; color: #ffffff; border-radius: 0.25rem; padding: 0 0.35rem; font-weight: 600; }
"""
    + _BADGES
    + """
ul.plain li { margin: 0.15rem 0; }
figure.chart { margin: 1rem 0; max-width: 40rem; }
figcaption { font-size: 0.9rem; }
.where { color: #4a4a4a; }
#tulokset li { margin: 0.3rem 0; }
footer.site { margin-top: 2rem; border-top: 1px solid #8c8c8c; font-size: 0.9rem; color: #4a4a4a; }
@media (max-width: 40rem) {
  dl.facts, dl.summary { grid-template-columns: 1fr; }
  dl.facts dd, dl.summary dd { margin-bottom: 0.5rem; }
}
@media print {
  header.site form, .skip, .langs { display: none; }
  body { max-width: none; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr, figure { break-inside: avoid; }
  h2 { break-after: avoid; }
}
"""
)
