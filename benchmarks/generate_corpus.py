"""Write a realistic synthetic corpus of goal files, deterministically from a seed.

    python benchmarks/generate_corpus.py OUT --files 2000 [--seed 7]

writes ``OUT/data/<year>/<municipality>-<committee>.yaml``: about 300
municipalities × 8 committees × 10 years at national scale, in that order, so
any ``--files`` gives a prefix of the same corpus.  Every file is valid (it
passes ``tavoitteet validate``) and about 5 KB: Finnish texts with ä and ö,
every indicator kind (kyllä/ei, luku with each kind of bound, luokittain,
kehitys, määräaika, seuranta, laadullinen), conditional indicators (``ehto``),
realization entries (``toteuma``) with comments, and YAML comments.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable, Iterator
from pathlib import Path

YEARS = tuple(range(2015, 2025))
COMMITTEES = (
    ("hyvinvointilautakunta", "Hyvinvointilautakunta"),
    ("sivistyslautakunta", "Sivistyslautakunta"),
    ("tekninen-lautakunta", "Tekninen lautakunta"),
    ("ymparistolautakunta", "Ympäristölautakunta"),
    ("elinvoimalautakunta", "Elinvoimalautakunta"),
    ("kasvatus-ja-opetuslautakunta", "Kasvatus- ja opetuslautakunta"),
    ("vapaa-aikalautakunta", "Vapaa-aikalautakunta"),
    ("rakennuslautakunta", "Rakennuslautakunta"),
)
_HEADS = ("Mänty", "Koivu", "Järvi", "Pää", "Kivi", "Salo", "Hämeen", "Pohjois", "Itä", "Ylä", "Ala", "Sään")
_TAILS = ("kylä", "lahti", "joki", "vesi", "mäki", "koski", "niemi", "järvi", "salmi", "harju", "saari")
_AREAS = (
    "Kirjastopalvelut",
    "Nuorisopalvelut",
    "Liikuntapalvelut",
    "Kulttuuripalvelut",
    "Varhaiskasvatus",
    "Perusopetus",
    "Ympäristöterveys",
    "Kiinteistöpalvelut",
    "Elinkeinopalvelut",
    "Työllisyyspalvelut",
)
_VERBS = ("Kehitetään", "Vahvistetaan", "Lisätään", "Yhtenäistetään", "Selvitetään", "Päivitetään")
_OBJECTS = (
    "hakeutuvia kirjastopalveluja",
    "nuorten osallisuutta ja kuulemista",
    "ikäihmisten liikuntaryhmien saavutettavuutta",
    "kesäajan ohjattua toimintaa",
    "tiedolla johtamisen käytäntöjä",
    "sähköistä asiointia ja ajanvarausta",
    "yhteistyötä järjestöjen ja yhdistysten kanssa",
    "energiatehokkuutta kiinteistöissä",
    "työllisyyttä edistäviä palveluja",
    "lähiympäristön viihtyisyyttä",
)
_CONTEXT = (
    "Tavoitteen toteutumista seurataan puolivuosittain ja siitä raportoidaan lautakunnalle.",
    "Käytännöt sovitaan yhdessä henkilöstön, asukkaiden ja yhteistyökumppanien kanssa.",
    "Työssä hyödynnetään edellisen vuoden kyselyn tuloksia ja palautetta.",
    "Resurssit kohdennetaan ensisijaisesti palveluihin, joiden kysyntä on kasvanut.",
)
_PEOPLE = ("Matti Hursti", "Sari Listenmaa", "Jaana Tiura", "Pekka Mäkelä", "Liisa Häkkinen", "Kaisa Öhman")
_TITLES = ("Sivistysjohtaja", "Hyvinvointijohtaja", "Tekninen johtaja", "Kirjastotoimenjohtaja")
_UNITS = ("kävijää", "osallistujaa", "tapahtumaa", "%", "€", "m²", "asiakkuutta")
_PERIODS = ("vuosi", "puolivuotis", "kausi", "kuukausi")
_BOUNDS = (
    {"vähintään": "{a}"},
    {"yli": "{a}"},
    {"enintään": "{b}"},
    {"alle": "{b}"},
    {"tasan": "{a}"},
    {"vähintään": "{a}", "enintään": "{b}"},
    {"yli": "{a}", "alle": "{b}"},
)
_CATEGORIES = ("alakoulu", "yläkoulu", "lukio", "ammattiopisto")


def q(text: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def slug(text: str) -> str:
    table = str.maketrans({"ä": "a", "ö": "o", "å": "a", " ": "-"})
    return text.lower().translate(table)


def municipality(index: int) -> str:
    return _HEADS[index % len(_HEADS)] + _TAILS[(index // len(_HEADS)) % len(_TAILS)]


def corpus_layout(count: int) -> Iterator[tuple[int, int, int]]:
    """(municipality, committee, year) for the first ``count`` files of the corpus."""
    for index in range(count):
        year = YEARS[index % len(YEARS)]
        combo = index // len(YEARS)
        yield combo // len(COMMITTEES), combo % len(COMMITTEES), year


def relative_path(kunta: int, committee: int, year: int) -> Path:
    number = "" if kunta < len(_HEADS) * len(_TAILS) else f"-{kunta}"
    name = f"{slug(municipality(kunta))}{number}-{COMMITTEES[committee][0]}.yaml"
    return Path("data") / str(year) / name


class _Writer:
    """Builds one goal file's text line by line."""

    def __init__(self, rng: random.Random, year: int) -> None:
        self.rng = rng
        self.year = year
        self.lines: list[str] = []

    def add(self, indent: int, text: str) -> None:
        self.lines.append(" " * indent + text)

    def day(self, month_low: int = 1, month_high: int = 12) -> str:
        return f"{self.rng.randint(1, 28)}.{self.rng.randint(month_low, month_high)}.{self.year}"

    def number(self) -> str:
        value = self.rng.randint(1, 4000)
        return f"{value // 1000} {value % 1000:03d}" if value >= 1000 else str(value)

    def sentence(self) -> str:
        return f"{self.rng.choice(_VERBS)} {self.rng.choice(_OBJECTS)}."


def _header(w: _Writer, kunta: str, committee: str) -> None:
    rng = w.rng
    w.add(0, "# yaml-language-server: $schema=../../schemas/tavoitteet.schema.json")
    genitive = committee.removesuffix("kunta") + "kunnan"
    w.add(0, f"# {genitive} toiminnalliset tavoitteet vuodelle {w.year}, {kunta}.")
    w.add(0, "muoto: 1")
    w.add(0, f"vuosi: {w.year}")
    w.add(0, f"lautakunta: {committee}")
    w.add(0, f"otsikko: Toiminnalliset tavoitteet {w.year} / {committee}")
    w.add(0, f"lähde: {committee} {rng.randint(1, 28)}.10.{w.year - 1} § {rng.randint(1, 200)}")
    w.add(0, "päätös:")
    w.add(2, f"asia: Toiminnalliset tavoitteet {w.year} / {committee}")
    w.add(2, f"toimielin: {committee}")
    w.add(2, f"kokouspäivä: {rng.randint(1, 28)}.10.{w.year - 1}")
    w.add(2, f"pykälä: {rng.randint(1, 200)}")
    w.add(2, "valmistelija:")
    w.add(4, f"nimike: {rng.choice(_TITLES)}")
    w.add(4, f"nimi: {rng.choice(_PEOPLE)}")
    w.add(2, "päätösehdotus: >-")
    w.add(4, f"{committee} päättää hyväksyä tehtäväalueiden toiminnalliset")
    w.add(4, f"tavoitteet vuodelle {w.year}. Tavoitteet liitetään talousarvioesitykseen.")
    w.add(2, "päätös: Hyväksyttiin.")
    w.add(0, "strategiakärjet:")
    w.add(2, "- id: hyvinvoiva-kuntalainen")
    w.add(4, "nimi: Hyvinvoiva ja osallistuva kuntalainen")
    w.add(2, "- id: elinvoimainen-kunta")
    w.add(4, "nimi: Elinvoimainen ja vetovoimainen kunta")
    w.add(4, "kuvaus: Yrittäjyys, työllisyys ja sujuvat palvelut.")
    if rng.random() < 0.5:
        w.add(0, "arviointisääntö:")
        w.add(2, "tapa: osuus")
        w.add(2, "osuus_prosenttia: 75")


def _entries(w: _Writer, indent: int, values: list[str], conditional: bool) -> None:
    rng = w.rng
    if not values:
        return
    w.add(indent, "toteuma:")
    for value in values:
        w.add(indent + 2, f"- pvm: {w.day(6, 12)}")
        if conditional and rng.random() < 0.5:
            w.add(indent + 4, "arvo: ei sovellu")
        elif value.startswith("\n"):
            w.add(indent + 4, "arvo:")
            for line in value.strip("\n").split("\n"):
                w.add(indent + 6, line)
        elif rng.random() < 0.1:
            w.add(indent + 4, "puuttuu: Tietoa ei ole vielä saatavilla.")
        else:
            w.add(indent + 4, f"arvo: {value}")
        w.add(indent + 4, f"kirjaaja: {rng.choice(_PEOPLE)}")
        if rng.random() < 0.5:
            w.add(indent + 4, f"kommentti: {q(rng.choice(_CONTEXT))}")


def _yes_no(w: _Writer, indent: int) -> list[str]:
    w.add(indent, "tyyppi: kyllä/ei")
    if w.rng.random() < 0.2:
        w.add(indent, "tavoite: ei")
    return [w.rng.choice(("kyllä", "ei"))]


def _number(w: _Writer, indent: int) -> list[str]:
    a, b = w.rng.randint(1, 50), w.rng.randint(60, 400)
    w.add(indent, "tyyppi: luku")
    w.add(indent, f"yksikkö: {q(w.rng.choice(_UNITS))}")
    w.add(indent, "tavoite:")
    for key, value in w.rng.choice(_BOUNDS).items():
        w.add(indent + 2, f"{key}: {value.format(a=a, b=b)}")
    w.add(indent, f"jakso: {w.rng.choice(_PERIODS)}")
    if w.rng.random() < 0.3:
        w.add(indent, "kohden: nuorisotila")
    return [w.number(), f"{w.rng.randint(1, 99)},5"]


def _categories(w: _Writer, indent: int) -> list[str]:
    chosen = _CATEGORIES[: w.rng.randint(2, 4)]
    w.add(indent, "tyyppi: luokittain")
    w.add(indent, "yksikkö: tapahtumaa")
    w.add(indent, "luokat: [" + ", ".join(chosen) + "]")
    w.add(indent, "tavoite:")
    w.add(indent + 2, "vähintään: 2")
    return ["\n" + "\n".join(f"{c}: {w.rng.randint(0, 9)}" for c in chosen)]


def _trend(w: _Writer, indent: int) -> list[str]:
    w.add(indent, "tyyppi: kehitys")
    w.add(indent, "yksikkö: osallistujaa")
    w.add(indent, f"suunta: {w.rng.choice(('kasvu', 'lasku'))}")
    w.add(indent, f"vertailuvuosi: {w.year - 1}")
    w.add(indent, f"vertailuarvo: {w.number()}")
    if w.rng.random() < 0.5:
        w.add(indent, "muutos_vähintään_prosenttia: 2,5")
    return [w.number()]


def _deadline(w: _Writer, indent: int) -> list[str]:
    w.add(indent, "tyyppi: määräaika")
    w.add(indent, f"määräpäivä: {w.day(9, 12)}")
    return [w.rng.choice((w.day(1, 11), "ei"))]


def _tracked(w: _Writer, indent: int) -> list[str]:
    w.add(indent, "tyyppi: seuranta")
    w.add(indent, f"yksikkö: {q(w.rng.choice(_UNITS))}")
    w.add(indent, f"jakso: {w.rng.choice(_PERIODS)}")
    return [w.number()]


def _qualitative(w: _Writer, indent: int) -> list[str]:
    w.add(indent, "tyyppi: laadullinen")
    if w.rng.random() < 0.5:
        w.add(indent, "toteutumistaso:")
        w.add(indent + 2, "taso: osittain toteutunut")
        w.add(indent + 2, "perustelu: Työ jatkuu ensi vuonna; osa toimista siirtyi.")
        w.add(indent + 2, f"pvm: {w.day(11, 12)}")
    return [q("Käytäntö otettiin käyttöön kahdessa yksikössä: palaute oli myönteistä.")]


KINDS: tuple[Callable[[_Writer, int], list[str]], ...] = (
    _yes_no,
    _number,
    _categories,
    _trend,
    _deadline,
    _tracked,
    _qualitative,
)


def _indicator(w: _Writer, indent: int, ident: str, kind: int) -> None:
    rng = w.rng
    name = f"{rng.choice(_OBJECTS).capitalize()} ({ident.rsplit('-', 1)[-1]})"
    w.add(indent, f"- id: {ident}")
    w.add(indent + 2, f"nimi: {name}")
    w.add(indent + 2, f"tavoitetaso: {q(name + ': toteutuminen seurannan mukaan')}")
    conditional = rng.random() < 0.15
    if conditional:
        w.add(indent + 2, "ehto: jos hankkeelle saadaan ulkopuolista rahoitusta")
    values = KINDS[kind](w, indent + 2)
    if rng.random() < 0.7:
        _entries(w, indent + 2, values[: rng.randint(1, len(values))], conditional)


def _goal(w: _Writer, area: int, goal: int, kind_offset: int) -> int:
    rng = w.rng
    ident = f"t{area}-{goal}"
    w.add(6, f"- id: {ident}")
    w.add(8, f"numero: {goal + 1}")
    w.add(8, f"otsikko: {w.sentence()}")
    w.add(8, "kuvaus: >-")
    w.add(10, rng.choice(_CONTEXT))
    w.add(8, f"strategiakärki: {rng.choice(('hyvinvoiva-kuntalainen', 'elinvoimainen-kunta'))}")
    if rng.random() < 0.3:
        w.add(8, "sitova: kyllä")
    w.add(8, "teot:")
    w.add(10, f"- id: {ident}-teko")
    w.add(12, f"kuvaus: {w.sentence()}")
    w.add(12, "vastuuhenkilö:")
    w.add(14, f"nimi: {rng.choice(_PEOPLE)}")
    w.add(8, "mittarit:")
    w.add(10, "# Mittarit sovittiin lautakunnan kokouksessa.")
    for number in range(2):
        _indicator(w, 10, f"{ident}-m{number}", (kind_offset + number) % len(KINDS))
    return 2


def goal_file_text(seed: int, kunta: int, committee: int, year: int) -> str:
    """The text of one generated goal file."""
    rng = random.Random(f"{seed}:{kunta}:{committee}:{year}")
    w = _Writer(rng, year)
    name = COMMITTEES[committee][1]
    _header(w, municipality(kunta), name)
    w.add(0, "")
    w.add(0, "tehtäväalueet:")
    kinds = rng.randrange(len(KINDS))
    for area in range(2):
        w.add(2, f"- id: alue-{area}")
        w.add(4, f"nimi: {_AREAS[(kunta + committee + area) % len(_AREAS)]}")
        w.add(4, "tavoitteet:")
        for goal in range(2 - area):
            kinds += _goal(w, area, goal, kinds)
    return "\n".join(w.lines) + "\n"


def generate(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write the first ``count`` files of the corpus under ``folder``; returns their paths."""
    paths = []
    for kunta, committee, year in corpus_layout(count):
        path = folder / relative_path(kunta, committee, year)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(goal_file_text(seed, kunta, committee, year), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="where data/<year>/ is written")
    parser.add_argument("--files", type=int, default=2000, help="how many files (default 2000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    args = parser.parse_args(argv)
    paths = generate(args.folder, args.files, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} files, {size / 1e6:.1f} MB under {args.folder / 'data'}")


if __name__ == "__main__":
    main()
