"""Search without a server: a prebuilt index per language and one small script.

The index is a JavaScript file (``tiedostot/haku-fi.js``) rather than JSON,
because a page opened from ``file://`` may load a script but may not fetch a
file.  Each entry has a title, the words searched (title, description, ids,
committee, municipality, year), the page's address inside the language folder
and what kind of page it is.  The script matches every word of the query
(case and accents ignored, so ``paatos`` finds ``päätös``), lists at most 100
results as links and says how many there were in a live region.
"""

from __future__ import annotations

from typing import Any

from tavoitteet.render.report_content import Piece, content
from tavoitteet.render.site import urls
from tavoitteet.render.site.model import CommitteeYear, Site
from tavoitteet.words.i18n import ReportLang
from tavoitteet.words.report_labels import word


def _in(lang: ReportLang, item: object, field: str, fallback: str = "") -> Piece:
    return content(item, field, lang) or Piece(fallback, "fi")


def committee_name(cy: CommitteeYear, lang: ReportLang) -> Piece:
    """The committee's name in ``lang`` where the file gives it, else the Finnish name."""
    return _in(lang, cy.result.goal_file, "committee", cy.committee)


def entries_of(cy: CommitteeYear, lang: ReportLang, several: bool) -> list[dict[str, Any]]:
    """One committee-year's entries: ``t`` title, ``l`` its language, ``k`` kind of page, ``u`` address,
    ``w`` words, ``p`` place."""
    entries: list[dict[str, Any]] = []
    where = " ".join(filter(None, [cy.municipality, cy.committee, str(cy.year)]))
    committee = committee_name(cy, lang)
    entries.append(
        {
            "t": f"{committee.text} {cy.year}",
            "l": committee.lang,
            "k": word("committee", lang),
            "u": urls.committee_page(cy, several),
            "w": " ".join(filter(None, [where, cy.slug, cy.result.goal_file.title])),
            "p": where,
        }
    )
    for area_name, goal in cy.goals():
        item = goal.goal
        title = _in(lang, item, "title")
        entries.append(
            {
                "t": title.text,
                "l": title.lang,
                "k": word("goal", lang),
                "u": urls.goal_page(cy, item.id, several),
                "w": " ".join(
                    filter(None, [item.title, title.text, item.description, item.id, area_name, where])
                ),
                "p": where,
            }
        )
        for result in goal.indicators:
            indicator = result.indicator
            name = _in(lang, indicator, "name", indicator.target_text)
            entries.append(
                {
                    "t": name.text,
                    "l": name.lang,
                    "k": word("indicator", lang),
                    "u": urls.indicator_page(cy, item.id, indicator.id, several),
                    "w": " ".join(
                        filter(None, [name.text, indicator.target_text, indicator.id, item.title, where])
                    ),
                    "p": where,
                }
            )
    return entries


def index_script(site: Site, lang: ReportLang) -> str:
    """Every place's entries (:attr:`.model.Place.search`, JSON) as one array."""
    parts = (entries for p in site.places for code, entries in p.search if code == lang)
    data = "[" + ",".join(part for part in parts if part) + "]"
    # "</" cannot end a script that is only ever loaded by src, but stay safe if it is ever inlined
    return "window.TAVOITTEET_HAKU=" + data.replace("</", "<\\/") + ";\n"


SEARCH_SCRIPT = r"""// The site's search: matches every word of the query in the prebuilt index (haku-<lang>.js).
(function () {
  "use strict";
  var index = window.TAVOITTEET_HAKU || [];
  var form = document.getElementById("haku");
  var field = document.getElementById("haku-kentta");
  var list = document.getElementById("tulokset");
  var count = document.getElementById("tulokset-maara");
  if (!form || !field || !list || !count) { return; }
  var lang = document.documentElement.lang;
  var words = {
    fi: ["Ei tuloksia.", "1 tulos.", " tulosta.", "Näytetään 100 ensimmäistä."],
    sv: ["Inga resultat.", "1 resultat.", " resultat.", "De 100 första visas."],
    en: ["No results.", "1 result.", " results.", "The first 100 are shown."]
  }[lang] || ["0", "1", "", ""];
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var folded = index.map(function (entry) { return fold(entry.t + " " + entry.w); });
  function search(query) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (!terms.length) { count.textContent = ""; return; }
    var found = [];
    for (var i = 0; i < index.length; i++) {
      var hay = folded[i];
      if (terms.every(function (term) { return hay.indexOf(term) !== -1; })) { found.push(index[i]); }
    }
    found.slice(0, 100).forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry.u;
      link.textContent = entry.t;
      link.lang = entry.l;
      item.appendChild(link);
      var where = document.createElement("span");
      where.className = "where";
      where.textContent = " – " + entry.k + ", ";
      var place = document.createElement("span");
      place.lang = "fi";
      place.textContent = entry.p;
      where.appendChild(place);
      item.appendChild(where);
      list.appendChild(item);
    });
    var text = found.length === 0 ? words[0] : found.length === 1 ? words[1] : found.length + words[2];
    count.textContent = text + (found.length > 100 ? " " + words[3] : "");
  }
  var query = new URLSearchParams(window.location.search).get("q") || "";
  field.value = query;
  search(query);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search(field.value);
    if (window.history && window.history.replaceState && window.location.protocol !== "file:") {
      window.history.replaceState(null, "", "?q=" + encodeURIComponent(field.value));
    }
  });
  field.addEventListener("input", function () { search(field.value); });
})();
"""
