"""``tavoitteet site -o sivusto/ [--data …] [--languages fi,sv,en] [--as-of …]``: the static site.

Every year and committee of the data folder, evaluated as of ``--as-of``
(default today), becomes pages (:mod:`tavoitteet.render.site`) written by
:mod:`tavoitteet.files.sitefiles`, which rewrites only what depends on a
changed file.  As with the views, the site is built only when every goal file
loads cleanly: otherwise the problems are printed and nothing is written.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path

from tavoitteet import errors
from tavoitteet.commands import viewing
from tavoitteet.core.evaluation import Identity, evaluate_file
from tavoitteet.core.model import GoalFile, TrendIndicator
from tavoitteet.files import sitefiles
from tavoitteet.files.baselines import find_baseline
from tavoitteet.files.loader import LoadedFile
from tavoitteet.files.validcache import fingerprint
from tavoitteet.render.site.model import CommitteeYear, build_site
from tavoitteet.render.site.plan import outputs
from tavoitteet.words.i18n import Lang, ReportLang

SITE_LANGS: tuple[ReportLang, ...] = ("fi", "sv", "en")


def parse_languages(text: str | None, lang: Lang) -> tuple[ReportLang, ...]:
    """``fi,sv,en`` (any order, the first is the root's); by default Finnish only."""
    if text is None:
        return ("fi",)
    chosen: list[ReportLang] = []
    for part in (p.strip().lower() for p in text.split(",")):
        match = next((code for code in SITE_LANGS if code == part), None)
        if match is None:
            raise errors.UserError(
                "tavoitteet: "
                + (
                    f"--languages {text!r}: choose from fi, sv and en, separated by commas (e.g. fi,sv)."
                    if lang == "en"
                    else f"--languages {text!r}: valitse kielet fi, sv ja en pilkuin eroteltuina (esim. fi,sv)."
                ),
                errors.USAGE,
            )
        if match not in chosen:
            chosen.append(match)
    return tuple(chosen)


def municipality_of(goal_file: GoalFile) -> str | None:
    name = goal_file.municipality
    return name.strip() if name and name.strip() else None


def _baseline_years(goal_file: GoalFile) -> set[int]:
    return {
        i.baseline_year
        for i in goal_file.indicators()
        if isinstance(i, TrendIndicator) and i.baseline_value is None
    }


def evaluate_all(
    models: Mapping[str, GoalFile], found: list[sitefiles.Source], as_of: date
) -> list[CommitteeYear]:
    """Every file evaluated, each trend's baseline from the loaded files of its baseline year."""
    by_year: dict[int, list[str]] = {}
    for name in models:
        by_year.setdefault(int(name.split("/", 1)[0]), []).append(name)

    def lookup(indicator: TrendIndicator, owner: Identity | None = None) -> Decimal | None:
        earlier = [models[name] for name in by_year.get(indicator.baseline_year, [])]
        return find_baseline(indicator, earlier, owner)

    places = []
    for source in found:
        goal_file = models[source.name]
        deps = {source.name}
        for year in _baseline_years(goal_file):
            deps.update(by_year.get(year, []))
        places.append(
            CommitteeYear(
                source=source.name,
                municipality=municipality_of(goal_file),
                slug=source.path.stem,
                year=goal_file.year,
                result=evaluate_file(goal_file, as_of, lookup),
                updated=source.updated,
                deps=frozenset(deps),
            )
        )
    return places


def _folder_message(error: sitefiles.SiteFolderError, lang: Lang) -> str:
    messages = {
        "inside_data": (
            "sivustoa ei kirjoiteta data-kansioon eikä sen yläpuolelle; valitse -o:lla toinen kansio.",
            "the site is not written into the data folder or above it; choose another folder with -o.",
        ),
        "not_a_folder": (
            "paikalla on tiedosto; valitse -o:lla kansio.",
            "a file is in the way; choose a folder with -o.",
        ),
        "not_a_site": (
            "kansio ei ole tyhjä eikä aiemmin tehty sivusto; valitse tyhjä tai uusi kansio, niin mitään ei korvata.",
            "the folder is neither empty nor a site built before; choose an empty or new folder so that nothing is overwritten.",
        ),
    }
    fi, en = messages[error.reason]
    return f"tavoitteet: {error.path}: {en if lang == 'en' else fi}"


def run(
    output: Path,
    languages_text: str | None,
    as_of_text: str | None,
    lang: Lang,
    data: Path | None = None,
) -> int:
    languages = parse_languages(languages_text, lang)
    root = viewing.data_root(data, lang)
    as_of = viewing.parse_as_of(as_of_text, date.today(), lang)
    try:
        sitefiles.check_folder(output, root)
    except sitefiles.SiteFolderError as error:
        raise errors.UserError(_folder_message(error, lang), errors.USAGE) from None
    found = sitefiles.sources(root)
    if not found:
        raise errors.UserError(
            "tavoitteet: "
            + ("data/ holds no goal files." if lang == "en" else "data/-kansiossa ei ole tavoitetiedostoja."),
        )
    models, broken = sitefiles.load_models(root, found)
    broken += sitefiles.settings_problems(root)
    if broken:
        sys.stderr.write(_problems_text(broken, lang))
        raise errors.UserError(
            "tavoitteet: "
            + (
                "the goal files have errors, so no site was built. Fix them and run again."
                if lang == "en"
                else "tavoitetiedostoissa on virheitä, joten sivustoa ei tehty. Korjaa ne ja aja uudelleen."
            )
        )
    site = build_site(evaluate_all(models, found, as_of), as_of, languages)
    settings = {"kielet": list(languages), "tilanne": as_of.isoformat(), "koodi": fingerprint()}
    try:
        result = sitefiles.write_site(output, outputs(site), settings, {s.name: s.digest for s in found})
    except OSError as error:
        reason = error.strerror or str(error)
        raise errors.UserError(
            f"tavoitteet: {error.filename or output}: "
            + (
                f"cannot write the site: {reason}."
                if lang == "en"
                else f"sivustoa ei voi kirjoittaa: {reason}."
            )
        ) from None
    _summary(output, result, lang)
    return errors.OK


def _problems_text(broken: list[LoadedFile], lang: Lang) -> str:
    from tavoitteet.render.problems import render_text

    problems = [p for item in broken for p in item.problems]
    texts = {item.path: item.document.text.splitlines() for item in broken if item.document}
    return render_text(problems, texts, lang)


def _summary(output: Path, result: sitefiles.Written, lang: Lang) -> None:
    page = output / "index.html"
    if lang == "en":
        text = (
            f"Site written to {output}: {result.written} files written, {result.unchanged} unchanged, "
            f"{result.removed} removed. Open {page}."
        )
    else:
        text = (
            f"Sivusto kirjoitettu kansioon {output}: {result.written} tiedostoa kirjoitettu, "
            f"{result.unchanged} ennallaan, {result.removed} poistettu. Avaa {page}."
        )
    sys.stdout.write(text + "\n")
