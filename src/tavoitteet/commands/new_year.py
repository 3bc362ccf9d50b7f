"""``tavoitteet new YEAR --from EARLIER``: start next year's goal files from an earlier year's."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from tavoitteet import errors
from tavoitteet.commands.import_table import refuse_existing, write_new
from tavoitteet.commands.viewing import data_root
from tavoitteet.files.discovery import year_files
from tavoitteet.files.loader import load_file
from tavoitteet.importing.document import check_text, goal_file_text
from tavoitteet.importing.ids import slugify
from tavoitteet.importing.next_year import NextYear, next_year
from tavoitteet.render.problems import display_path, render_text
from tavoitteet.words.i18n import Lang


@dataclass(frozen=True)
class Planned:
    source: Path
    target: Path
    text: str
    result: NextYear


def run(year: int, earlier: int, committee: str | None, lang: Lang, data: Path | None = None) -> int:
    if year == earlier:
        raise errors.UserError(_t(lang, "new.same_year", year=year), errors.USAGE)
    if year < earlier:
        raise errors.UserError(
            _t(lang, "new.earlier_year", year=year, earlier=earlier, next=earlier + 1), errors.USAGE
        )
    root = data_root(data, lang)
    sources = _sources(root, earlier, committee, lang)
    plans = []
    for source in sources:
        planned = _plan(source, root / str(year) / source.name, year, earlier, lang)
        if planned is None:
            return errors.PROBLEMS
        plans.append(planned)
    for planned in plans:
        refuse_existing(planned.target, lang, hint=False)
    for planned in plans:
        write_new(planned.target, planned.text, lang, hint=False)
        sys.stdout.write(summary(planned, earlier, lang))
    return errors.OK


def _sources(root: Path, earlier: int, committee: str | None, lang: Lang) -> list[Path]:
    files = year_files(root).get(earlier, [])
    if not files:
        raise errors.UserError(_t(lang, "new.no_year", year=earlier, root=display_path(root)))
    if committee is None:
        return files
    wanted = slugify(committee, 80)
    chosen = [f for f in files if f.stem == wanted or f.stem == committee]
    if not chosen:
        known = ", ".join(f.stem for f in files)
        raise errors.UserError(_t(lang, "new.no_committee", name=committee, year=earlier, known=known))
    return chosen


def _plan(source: Path, target: Path, year: int, earlier: int, lang: Lang) -> Planned | None:
    loaded = load_file(source)
    if loaded.goal_file is None or loaded.problems:
        lines = loaded.document.text.splitlines() if loaded.document else []
        sys.stderr.write(_t(lang, "new.source_invalid", file=display_path(source)))
        sys.stderr.write(render_text(loaded.problems, {source: lines}, lang))
        return None
    own = loaded.document is not None and "kunta" in loaded.document.data
    result = next_year(loaded.goal_file, year, earlier, own)
    intro = [
        f"{loaded.goal_file.committee}: toiminnalliset tavoitteet {year}.",
        f"Aloitettu vuoden {earlier} tiedostosta {source.name} komennolla",
        f'"tavoitteet new {year} --from {earlier}". Lähteen kommentit eivät siirtyneet.',
    ]
    text = goal_file_text(result.data, intro)
    problems = check_text(text, target)
    if problems:
        sys.stderr.write(_t(lang, "new.output_invalid", file=display_path(target)))
        sys.stderr.write(render_text(problems, {target: text.splitlines()}, lang))
        return None
    return Planned(source, target, text, result)


def summary(planned: Planned, earlier: int, lang: Lang) -> str:
    lines = [
        _t(lang, "new.written", target=display_path(planned.target), source=display_path(planned.source)),
        _t(lang, "new.cleared", year=earlier),
    ]
    if planned.result.carried_over:
        carried = ", ".join(planned.result.carried_over)
        lines.append(
            _t(lang, "new.carried", year=earlier, count=len(planned.result.carried_over), ids=carried)
        )
    if planned.result.baselines:
        lines.append(_t(lang, "new.baselines", count=planned.result.baselines, year=earlier))
    if planned.result.year_mentions:
        lines.append(_t(lang, "new.mentions", year=earlier, count=len(planned.result.year_mentions)))
        lines += [f"  {path}: {text}" for path, text in planned.result.year_mentions]
    return "".join(line.rstrip("\n") + "\n" for line in lines)


_MESSAGES = {
    "new.same_year": (
        "tavoitteet: uusi vuosi ({year}) on sama kuin --from; anna eri vuosi.",
        "tavoitteet: the new year ({year}) is the same as --from; give another year.",
    ),
    "new.earlier_year": (
        "tavoitteet: uusi vuosi ({year}) on ennen vuotta {earlier}, josta se aloitettaisiin; "
        "anna myöhempi vuosi (esim. tavoitteet new {next} --from {earlier}).",
        "tavoitteet: the new year ({year}) comes before {earlier}, which it would start from; "
        "give a later year (e.g. tavoitteet new {next} --from {earlier}).",
    ),
    "new.no_year": (
        "tavoitteet: vuodelle {year} ei ole tavoitetiedostoja kansiossa {root}/{year}.",
        "tavoitteet: there are no goal files for {year} in {root}/{year}.",
    ),
    "new.no_committee": (
        "tavoitteet: lautakuntaa {name} ei löytynyt vuoden {year} tiedostoista ({known}).",
        "tavoitteet: committee {name} not found among the files of {year} ({known}).",
    ),
    "new.source_invalid": (
        "tavoitteet: {file} ei läpäise tarkistusta; korjaa virheet ennen uuden vuoden aloittamista.\n",
        "tavoitteet: {file} does not pass validate; fix the errors before starting a new year.\n",
    ),
    "new.output_invalid": (
        "tavoitteet: tiedostolle {file} tuotettu teksti ei läpäisisi tarkistusta; mitään ei kirjoitettu.\n",
        "tavoitteet: the text generated for {file} would not pass validate; nothing was written.\n",
    ),
    "new.written": (
        "Kirjoitettu {target} tiedoston {source} pohjalta.",
        "Wrote {target} from {source}.",
    ),
    "new.cleared": (
        "Toteumat ja korjausmerkinnät tyhjennettiin, jokainen tavoite ja mittari viittaa edeltäjäänsä "
        "vuodelta {year}, päätöksen tiedot jäivät täytettäviksi (mallina kommentti). "
        "Lähdetiedoston kommentit eivät siirtyneet.",
        "Realization and corrections were cleared, every goal and indicator links to its predecessor "
        "of {year}, and the decision is left to fill in (a commented example is included). "
        "Comments of the source file were not carried over.",
    ),
    "new.carried": (
        "Vuodelta {year} siirtyneet tavoitteet ja teot ({count}) pidettiin, siirron syy huomautuksena: {ids}.",
        "Goals and actions carried over from {year} ({count}) were kept, with the reason as a note: {ids}.",
    ),
    "new.baselines": (
        "Kehitysmittareita, joiden vertailuarvoksi tuli vuoden {year} viimeisin toteuma: {count}.",
        "Trend indicators whose baseline is the latest realization of {year}: {count}.",
    ),
    "new.mentions": (
        "Tekstit, joissa mainitaan vuosi {year} ({count}); tarkista, pitääkö vuosi päivittää:",
        "Texts that mention the year {year} ({count}); check whether the year should be updated:",
    ),
}


def _t(lang: Lang, key: str, **args: object) -> str:
    fi, en = _MESSAGES[key]
    return (en if lang == "en" else fi).format(**args)
