"""``tavoitteet site -o sivusto/ [--data …] [--languages fi,sv,en] [--as-of …]``: the static site.

Every year and committee of the data folder, evaluated as of ``--as-of``
(default today), becomes pages (:mod:`tavoitteet.render.site`) written by
:mod:`tavoitteet.files.sitefiles`, which rewrites only what depends on a
changed file.  As with the views, the site is built only when every goal file
loads cleanly: otherwise the problems are printed and nothing is written.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path

from tavoitteet import errors
from tavoitteet.commands import viewing
from tavoitteet.core.evaluation import Identity, evaluate_file, identity
from tavoitteet.core.model import GoalFile, TrendIndicator
from tavoitteet.files import sitefiles
from tavoitteet.files.baselines import find_baseline
from tavoitteet.files.loader import LoadedFile, load_file
from tavoitteet.files.validcache import fingerprint
from tavoitteet.render.site.model import CommitteeYear, Place, build_site
from tavoitteet.render.site.plan import outputs
from tavoitteet.render.site.summary import summarize
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


FROM_MODEL_CACHE = 100
"""loading more models than this reads the models' cache (all of them) rather than parsing each file"""


class Evaluator:
    """Loads and evaluates the committee-years a build needs, each once.

    A trend's baseline comes from the files of its baseline year of the same municipality and
    committee (:func:`tavoitteet.files.baselines.find_baseline`), so only those are loaded for it,
    and its committee-year depends on those (:meth:`deps`).
    """

    def __init__(self, root: Path, found: list[sitefiles.Source], as_of: date) -> None:
        self.root = root
        self.found = found
        self.sources = {s.name: s for s in found}
        self.as_of = as_of
        self.by_year: dict[int, list[str]] = {}
        for source in found:
            self.by_year.setdefault(int(source.name.split("/", 1)[0]), []).append(source.name)
        self.models: dict[str, GoalFile] = {}
        self.identities: dict[str, Identity] = {}
        self.broken: list[LoadedFile] = []
        self.evaluated: dict[str, CommitteeYear] = {}
        self.parsed = 0

    def deps(self, name: str, years: Iterable[int], owner: Identity | None) -> frozenset[str]:
        """The file and those its trends may take a baseline from: the files of ``years`` of its own
        municipality and committee (``owner``), and any whose owner is not known."""
        found = {name}
        for year in years:
            for other in self.by_year.get(year, []):
                if owner is None or self.identities.get(other, owner) == owner:
                    found.add(other)
        return frozenset(found)

    def load(self, names: Iterable[str]) -> None:
        """The models of ``names`` (files with problems go to :attr:`broken`)."""
        wanted = [n for n in dict.fromkeys(names) if n not in self.models]
        if not wanted:
            return
        if len(wanted) > FROM_MODEL_CACHE:
            counted: list[int] = []
            models, broken = sitefiles.load_models(self.root, self.found, counted)
            self.parsed += sum(counted)
            self.broken += [b for b in broken if not any(b.path == o.path for o in self.broken)]
            for name, model in models.items():
                self.models.setdefault(name, model)
        else:
            for name in wanted:
                loaded = load_file(self.sources[name].path)
                self.parsed += 1
                if loaded.goal_file is None or loaded.problems:
                    self.broken.append(loaded)
                else:
                    self.models[name] = loaded.goal_file
        for name in wanted:
            if name in self.models:
                self.identities[name] = identity(self.models[name])

    def _lookup(self, indicator: TrendIndicator, owner: Identity | None = None) -> Decimal | None:
        names = self.by_year.get(indicator.baseline_year, [])
        if owner is not None:  # find_baseline passes over every other committee's file
            self.load(n for n in names if n not in self.identities)
            names = [n for n in names if self.identities.get(n) == owner]
        self.load(names)
        return find_baseline(indicator, [self.models[n] for n in names if n in self.models], owner)

    def evaluate(self, names: Iterable[str]) -> list[CommitteeYear]:
        """``names`` evaluated (those not yet), in the order given."""
        wanted = [n for n in dict.fromkeys(names) if n not in self.evaluated]
        self.load(wanted)
        done = []
        for name in wanted:
            goal_file = self.models.get(name)
            if goal_file is None:
                continue
            source = self.sources[name]
            cy = self.evaluated[name] = CommitteeYear(
                source=name,
                municipality=municipality_of(goal_file),
                slug=source.path.stem,
                year=goal_file.year,
                result=evaluate_file(goal_file, self.as_of, self._lookup),
                updated=source.updated,
                deps=self.deps(name, _baseline_years(goal_file), identity(goal_file)),
            )
            done.append(cy)
        return done


def evaluate_places(
    evaluator: Evaluator, languages: tuple[ReportLang, ...], kept: Mapping[str, tuple[str, object]]
) -> tuple[list[Place], dict[str, tuple[str, object]] | None]:
    """Every committee-year's place: kept from the last build where nothing it was made from changed.

    ``kept`` maps a file to (the key of what its place was made from, the place); the key is its own
    digest and that of every file its trends may take a baseline from (:func:`_entry_key`).  Which
    files those are depends on the other files' municipality and committee, so the files that
    changed are loaded first.  Returns the places in the files' order and what to keep for the next
    build (None when that is what was kept).
    """
    digests = {s.name: s.digest for s in evaluator.found}
    candidates: dict[str, tuple[str, Place]] = {}
    for source in evaluator.found:
        stored = kept.get(source.name)
        if not isinstance(stored, tuple) or len(stored) != 2 or not isinstance(stored[1], Place):
            continue
        key, place = stored[0], stored[1]
        if isinstance(key, str) and key.partition(":")[0] == source.digest:
            candidates[source.name] = (key, place)
            evaluator.identities[source.name] = place.identity
    evaluator.load(s.name for s in evaluator.found if s.name not in candidates)
    reused: dict[str, Place] = {}
    for name, (key, place) in candidates.items():
        deps = evaluator.deps(name, place.baseline_years, place.identity)
        if deps == place.deps and key == _entry_key(name, deps, digests):
            reused[name] = place
    fresh = evaluator.evaluate(s.name for s in evaluator.found if s.name not in reused)
    names = {p.municipality for p in reused.values()} | {cy.municipality for cy in fresh}
    several = len(names) > 1
    if reused and any(p.several != several for p in reused.values()):
        reused = {}  # the addresses changed: every place is made again
        fresh = evaluator.evaluate(s.name for s in evaluator.found)
    made = {
        cy.source: summarize(
            cy,
            languages,
            several,
            identity(evaluator.models[cy.source]),
            sorted(_baseline_years(evaluator.models[cy.source])),
        )
        for cy in (evaluator.evaluated[n] for n in evaluator.evaluated if n not in reused)
    }
    places = [
        reused.get(s.name) or made[s.name] for s in evaluator.found if s.name in reused or s.name in made
    ]
    if not made and set(kept) == set(reused):
        return places, None
    keep: dict[str, tuple[str, object]] = {
        p.source: (_entry_key(p.source, p.deps, digests), p) for p in places
    }
    return places, keep


def _entry_key(name: str, deps: frozenset[str], digests: Mapping[str, str]) -> str:
    """The file's own digest, and the digest of it and of the files it depends on."""
    return f"{digests[name]}:{sitefiles.place_key(name, deps, digests)}"


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
    settings = {"kielet": list(languages), "tilanne": as_of.isoformat(), "koodi": fingerprint()}
    evaluator = Evaluator(root, found, as_of)
    kept = sitefiles.load_places(root, settings)
    places, keep = evaluate_places(evaluator, languages, kept.entries)
    _stop_on_problems(evaluator.broken + sitefiles.settings_problems(root), lang)
    site = build_site(places, as_of, languages, evaluator.evaluated.values())
    first = len(evaluator.evaluated)

    def prepare(needs: set[str]) -> dict[str, int]:
        """The committee-years the pages to write need, evaluated (with the rest of their committee)."""
        chains = {place.source: place.chain for place in site.places}
        wanted = {p.source for s in needs for p in site.chains[chains[s]]}
        site.add(evaluator.evaluate(sorted(wanted - site.full.keys())))
        _stop_on_problems(evaluator.broken, lang)
        return {"arvioitu": len(evaluator.evaluated), "ensin": first, "luettu": evaluator.parsed}

    try:
        digests = {s.name: s.digest for s in found}
        deps = {p.source: p.deps for p in site.places}
        result = sitefiles.write_site(output, outputs(site), settings, digests, prepare, deps)
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
    if keep is not None:
        sitefiles.store_places(root, settings, keep, kept)
    _summary(output, result, lang)
    return errors.OK


def _stop_on_problems(broken: list[LoadedFile], lang: Lang) -> None:
    if not broken:
        return
    sys.stderr.write(_problems_text(broken, lang))
    raise errors.UserError(
        "tavoitteet: "
        + (
            "the goal files have errors, so no site was built. Fix them and run again."
            if lang == "en"
            else "tavoitetiedostoissa on virheitä, joten sivustoa ei tehty. Korjaa ne ja aja uudelleen."
        )
    )


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
