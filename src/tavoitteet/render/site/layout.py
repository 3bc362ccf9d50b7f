"""The frame every page of the site shares, and the small pieces the pages are built from.

Every page has a skip link, a header with the site's name, the main menu with
the search form, the language switch (each link marked with its language), a
breadcrumb trail, one ``<main>`` and a footer with when the data was last
updated.  Links are relative (``../../``) so that the site works from
``file://`` and from any folder of any host.  Text from the files is escaped
and marked with its language (``lang="fi"``) on pages of another language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from tavoitteet.core.evaluation import Counts, Status
from tavoitteet.render.report_content import Piece, content
from tavoitteet.render.site import urls
from tavoitteet.render.site.model import Site
from tavoitteet.words.i18n import ReportLang
from tavoitteet.words.labels import day, status_name
from tavoitteet.words.site_labels import LANGUAGE_NAMES, site_word

CONTENT_LANG: ReportLang = "fi"
"""The language the goal files are written in."""


@dataclass(frozen=True, slots=True)
class Context:
    """Which page is being written, in which language: every link is made relative to it."""

    site: Site
    lang: ReportLang
    path: str
    """The page's path inside its language folder, e.g. ``2024/x/index.html``."""

    @property
    def up(self) -> str:
        """From this page to the site's root."""
        return "../" * (self.path.count("/") + 1)

    def link(self, path: str) -> str:
        """A page of this language, by its path inside the language folder."""
        return self.up + self.lang + "/" + path

    def root(self, path: str) -> str:
        """A file of the site's root (downloads, scripts, the stylesheet)."""
        return self.up + path

    def word(self, key: str, **args: object) -> str:
        return site_word(key, self.lang, **args)

    @property
    def several(self) -> bool:
        return self.site.several_municipalities


def text(ctx: Context, value: str, lang: ReportLang = CONTENT_LANG) -> str:
    """Text from a file, escaped, marked with its language when the page is in another one."""
    if lang == ctx.lang:
        return escape(value)
    return f'<span lang="{lang}">{escape(value)}</span>'


def piece(ctx: Context, item: object, field: str, fallback: str = "") -> Piece:
    """A file's text in the page's language where the file gives it (``sv:``), else the Finnish text."""
    found = content(item, field, ctx.lang)
    return found if found is not None else Piece(fallback, CONTENT_LANG)


def c(ctx: Context, item: object, field: str, fallback: str = "") -> str:
    """:func:`piece` as HTML, marked with its language."""
    found = piece(ctx, item, field, fallback)
    return text(ctx, found.text, found.lang)


def a(href: str, label: str) -> str:
    """A link; ``label`` is already HTML."""
    return f'<a href="{escape(href)}">{label}</a>'


def badge(status: Status, lang: ReportLang, manual: bool = False) -> str:
    words = escape(status_name(status, lang))
    if manual:
        words += " (" + escape(_manual(lang)) + ")"
    return f'<span class="st st-{status.name.lower()}">{words}</span>'


def _manual(lang: ReportLang) -> str:
    return {"fi": "käsin asetettu", "sv": "fastställt manuellt", "en": "set by hand"}[lang]


def counts_text(counts: Counts, lang: ReportLang) -> str:
    """``2 toteutunut, 1 kesken (yhteensä 3)``; ``ei yhtään`` when there are none."""
    if counts.total == 0:
        return escape(site_word("none", lang))
    parts = [f"{counts[s]} {escape(status_name(s, lang))}" for s in Status if counts[s]]
    return ", ".join(parts) + " (" + escape(site_word("total", lang, count=counts.total)) + ")"


def table(caption: str, head: Sequence[str], rows: Iterable[Sequence[str]], css: str = "") -> str:
    """A table with a caption and column headers; the first cell of each row is its header.

    ``caption`` and ``head`` are plain text; the cells are HTML.
    """
    heads = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    body = "".join(
        f'<tr><th scope="row">{row[0]}</th>' + "".join(f"<td>{c}</td>" for c in row[1:]) + "</tr>"
        for row in rows
    )
    klass = f' class="{css}"' if css else ""
    return (
        f"<table{klass}><caption>{escape(caption)}</caption>"
        f"<thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table>"
    )


Crumb = tuple[str, str]
"""(path inside the language folder, HTML label)."""


def page(
    ctx: Context,
    title: str,
    body: str,
    crumbs: Sequence[Crumb] = (),
    title_lang: ReportLang | None = None,
    updated: date | None = None,
) -> str:
    """The whole page: ``title`` is plain text (in ``title_lang``, by default the page's language).

    ``updated`` is when the files the page shows last changed (in git), if known.
    """
    site_name = ctx.word("site_title")
    heading_lang = title_lang or ctx.lang
    h1 = text(ctx, title, heading_lang)
    return "".join(
        [
            f'<!DOCTYPE html>\n<html lang="{ctx.lang}">\n<head>\n<meta charset="utf-8">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            f"<title>{escape(title)} – {escape(site_name)}</title>\n",
            f'<link rel="stylesheet" href="{ctx.root(urls.ASSETS + "/sivusto.css")}">\n',
            _alternates(ctx),
            "</head>\n<body>\n",
            f'<a class="skip" href="#sisalto">{escape(ctx.word("skip"))}</a>\n',
            _header(ctx),
            _breadcrumbs(ctx, crumbs, title, heading_lang),
            f'<main id="sisalto" tabindex="-1">\n<h1>{h1}</h1>\n',
            body,
            "\n</main>\n",
            _footer(ctx, updated),
            "</body>\n</html>\n",
        ]
    )


def _alternates(ctx: Context) -> str:
    return "".join(
        f'<link rel="alternate" hreflang="{lang}" href="{ctx.up}{lang}/{ctx.path}">\n'
        for lang in ctx.site.languages
        if lang != ctx.lang
    )


def _header(ctx: Context) -> str:
    menu = [
        (urls.front(), ctx.word("front")),
        (urls.NOT_ASSESSED, ctx.word("not_assessed_page")),
        (urls.DOWNLOADS_PAGE, ctx.word("downloads")),
    ]
    items = "".join(f"<li>{a(ctx.link(path), escape(label))}</li>" for path, label in menu)
    search = ""
    if ctx.path != urls.SEARCH:
        search = (
            f'<form class="search" role="search" action="{ctx.link(urls.SEARCH)}" method="get">'
            f'<label for="haku-q">{escape(ctx.word("search_label"))}</label> '
            '<input id="haku-q" name="q" type="search" autocomplete="off"> '
            f'<button type="submit">{escape(ctx.word("search_button"))}</button></form>'
        )
    return (
        f'<header class="site">\n<p class="site-name">{a(ctx.link(urls.front()), escape(ctx.word("site_title")))}</p>\n'
        f'<nav aria-label="{escape(ctx.word("main_nav"))}"><ul class="menu">{items}</ul></nav>\n'
        f"{_languages(ctx)}{search}\n</header>\n"
    )


def _languages(ctx: Context) -> str:
    if len(ctx.site.languages) < 2:
        return ""
    items = []
    for lang in ctx.site.languages:
        name = escape(LANGUAGE_NAMES[lang])
        if lang == ctx.lang:
            items.append(f'<li><span lang="{lang}" aria-current="true">{name}</span></li>')
        else:
            href = f"{ctx.up}{lang}/{ctx.path}"
            items.append(f'<li><a href="{href}" lang="{lang}" hreflang="{lang}">{name}</a></li>')
    return f'<nav class="langs" aria-label="{escape(ctx.word("lang_nav"))}"><ul>{"".join(items)}</ul></nav>\n'


def _breadcrumbs(ctx: Context, crumbs: Sequence[Crumb], title: str, title_lang: ReportLang) -> str:
    if ctx.path == urls.front():
        return ""
    items = [f"<li>{a(ctx.link(urls.front()), escape(ctx.word('front')))}</li>"]
    items += [f"<li>{a(ctx.link(path), label)}</li>" for path, label in crumbs]
    items.append(f'<li aria-current="page">{text(ctx, title, title_lang)}</li>')
    return (
        f'<nav class="crumbs" aria-label="{escape(ctx.word("breadcrumb"))}"><ol>{"".join(items)}</ol></nav>\n'
    )


def _footer(ctx: Context, updated: date | None) -> str:
    parts = [escape(ctx.word("situation", date=day(ctx.site.as_of, ctx.lang)))]
    if updated is not None:
        parts.append(escape(ctx.word("last_updated", date=day(updated, ctx.lang))))
    if note := ctx.word("in_finnish"):
        parts.append(escape(note))
    parts.append(escape(ctx.word("made_with")))
    return '<footer class="site"><p>' + " ".join(parts) + "</p></footer>\n"
