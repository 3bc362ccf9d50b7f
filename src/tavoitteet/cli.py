"""The command line: declares commands and options, and dispatches to ``commands/``.

Command bodies import their modules lazily so that ``--help`` and each command
load only what they need.  Every help text is a pair ``fi_en("suomeksi",
"in English")`` (:mod:`tavoitteet.words.cli_words`): a help page is printed in
one language.  Options that several commands share are declared once, in
``SHARED``, and added to a command's signature by :func:`shared`.
"""

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar

import typer

from tavoitteet import completion  # values for shell completion (issue 16)
from tavoitteet.errors import guarded
from tavoitteet.usage import LocalizedGroup
from tavoitteet.words.cli_words import fi_en

E = TypeVar("E", bound=Enum)
F = TypeVar("F", bound=Callable[..., None])

app = typer.Typer(
    name="tavoitteet",
    cls=LocalizedGroup,  # help pages and Click's usage errors in the user's language
    help=fi_en(
        "Toiminnalliset tavoitteet YAML-tiedostoina: tarkistus, tila ja raportit.",
        "Operational goals as YAML files: checks, status and reports.",
    ),
    no_args_is_help=True,
    add_completion=True,  # --install-completion, --show-completion (issue 16)
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

LangOption = Annotated[
    Optional[str],
    typer.Option(
        "--lang",
        metavar=fi_en("KIELI", "LANG"),
        help=fi_en(
            "Kieli: fi tai en (oletus ympäristöstä, muuten fi).",
            "Language: fi or en (default from the environment, else fi).",
        ),
        autocompletion=completion.langs,
    ),
]
DataOption = Annotated[
    Optional[Path],
    typer.Option(
        "--data",
        metavar=fi_en("KANSIO", "FOLDER"),
        help=fi_en(
            "data/-kansio (oletus: haetaan nykyisestä kansiosta ylöspäin).",
            "The data/ folder (default: looked for from the current folder upwards).",
        ),
    ),
]
YEAR = fi_en("VUOSI", "YEAR")
ID = fi_en("TUNNUS", "ID")


def _show_version(value: bool) -> None:
    if value:
        from tavoitteet import __version__

        typer.echo(f"tavoitteet {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    lang: LangOption = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            is_eager=True,
            callback=_show_version,
            help=fi_en("Näytä ohjelman versio ja lopeta.", "Show the version and exit."),
        ),
    ] = False,
) -> None:
    """The options before the command; ``--lang`` is handed on to the command (usage.py)."""


# --- options shared by several commands, declared once ------------------------------------------


@dataclass(frozen=True, slots=True)
class Shared:
    """The values of the shared options a command declares with :func:`shared` (the rest stay default)."""

    committee: str | None = None
    kunta: str | None = None
    assessor: str | None = None
    area: str | None = None
    status: tuple[str, ...] = ()
    spearhead: str | None = None
    as_of: str | None = None
    as_json: bool = False
    no_pager: bool = False
    data: Path | None = None
    lang: str | None = None

    def filters(self) -> Any:
        from tavoitteet.commands.viewing import Filters

        return Filters(self.committee, self.area, self.status, self.spearhead, self.kunta, self.assessor)


SHARED: dict[str, tuple[Any, Any]] = {
    "kunta": (
        Annotated[
            Optional[str],
            typer.Option(
                "--kunta",
                "--municipality",
                metavar=fi_en("KUNTA", "MUNICIPALITY"),
                help=fi_en("Vain tämän kunnan lautakunnat.", "Only this municipality's committees."),
            ),
        ],
        None,
    ),
    "assessor": (
        Annotated[
            Optional[str],
            typer.Option(
                "--assessor",
                metavar=fi_en("ARVIOIJA", "ASSESSOR"),
                help=fi_en(
                    "Arviot tämän arvioijan mukaan (esim. tarkastuslautakunta).",
                    "Follow this assessor's assessments (e.g. the audit committee).",
                ),
            ),
        ],
        None,
    ),
    "committee": (
        Annotated[
            Optional[str],
            typer.Option(
                "--committee",
                metavar=fi_en("NIMI", "NAME"),
                help=fi_en(
                    "Vain tämä lautakunta (nimi tai sen osa).", "Only this committee (name or part of it)."
                ),
                autocompletion=completion.committees,
            ),
        ],
        None,
    ),
    "area": (
        Annotated[
            Optional[str],
            typer.Option(
                "--area",
                metavar=fi_en("ALUE", "AREA"),
                help=fi_en(
                    "Vain tämä tehtäväalue (tunnus tai nimi).", "Only this service area (id or name)."
                ),
                autocompletion=completion.areas,
            ),
        ],
        None,
    ),
    "status": (
        Annotated[
            Optional[list[str]],
            typer.Option(
                "--status",
                metavar=fi_en("TILA", "STATUS"),
                help=fi_en(
                    "Vain tavoitteet, joilla tai joiden mittarilla on tämä tila; voi toistaa.",
                    "Only goals that have, or have an indicator with, this status; may be repeated.",
                ),
                autocompletion=completion.statuses,
            ),
        ],
        None,
    ),
    "spearhead": (
        Annotated[
            Optional[str],
            typer.Option(
                "--spearhead",
                metavar=fi_en("KÄRKI", "SPEARHEAD"),
                help=fi_en(
                    "Vain tätä strategiakärkeä edistävät tavoitteet.",
                    "Only goals that advance this spearhead.",
                ),
                autocompletion=completion.spearheads,
            ),
        ],
        None,
    ),
    "as_of": (
        Annotated[
            Optional[str],
            typer.Option(
                "--as-of",
                metavar=fi_en("PVM", "DATE"),
                help=fi_en(
                    "Arvioi tilanne tänä päivänä (31.12.2024 tai 2024-12-31).",
                    "Evaluate as of this day (31.12.2024 or 2024-12-31).",
                ),
            ),
        ],
        None,
    ),
    "as_json": (
        Annotated[
            bool,
            typer.Option("--json", help=fi_en("Tulosta JSON (docs/json.md).", "Print JSON (docs/json.md).")),
        ],
        False,
    ),
    "no_pager": (
        Annotated[
            bool,
            typer.Option(
                "--no-pager",
                help=fi_en(
                    "Älä käytä sivutinta pitkälle tulosteelle.", "Do not page long output on a terminal."
                ),
            ),
        ],
        False,
    ),
    "data": (DataOption, None),
    "lang": (LangOption, None),
}
"""Each shared option: its annotation (name, help) and default."""

VIEW_OPTIONS = (
    "committee",
    "kunta",
    "area",
    "status",
    "spearhead",
    "as_of",
    "as_json",
    "no_pager",
    "data",
    "lang",
)
"""What the views of a year (status, list) take."""


def shared(*names: str) -> Callable[[F], F]:
    """Add the shared options ``names`` to a command's signature; the command gets them as ``shared``.

    The command's own parameters come first; the added ones are keyword-only,
    so Typer sees one signature with all of them.
    """

    def decorate(function: F) -> F:
        signature = inspect.signature(function, eval_str=True)
        own = [p for p in signature.parameters.values() if p.name != "shared"]
        added = [
            inspect.Parameter(
                name, inspect.Parameter.KEYWORD_ONLY, annotation=SHARED[name][0], default=SHARED[name][1]
            )
            for name in names
        ]

        @functools.wraps(function)
        def command(*args: Any, **kwargs: Any) -> None:
            values = {name: kwargs.pop(name) for name in names}
            if "status" in values:
                values["status"] = tuple(values["status"] or ())
            function(*args, shared=Shared(**values), **kwargs)

        del command.__wrapped__
        command.__signature__ = signature.replace(parameters=[*own, *added])  # type: ignore[attr-defined]
        return command  # type: ignore[return-value]

    return decorate


def _lang(lang: str | None) -> Any:
    from tavoitteet.words.i18n import detect_lang

    return detect_lang(lang)


@app.command(
    help=fi_en(
        "Tarkista tavoitetiedostot ja luettele kaikki virheet.", "Check goal files and list every error."
    )
)
def validate(
    paths: Annotated[
        Optional[list[Path]],
        typer.Argument(
            metavar=fi_en("POLKU...", "PATH..."),
            help=fi_en(
                "Tiedostot tai kansiot (oletus: repositorion data/).", "Files or folders (default: data/)."
            ),
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            metavar=fi_en("MUOTO", "FORMAT"),
            help=fi_en(
                "text, json tai github (GitHub Actions -huomautukset).",
                "text, json or github (GitHub Actions annotations).",
            ),
        ),
    ] = "text",
    lang: LangOption = None,
    languages: Annotated[
        Optional[str],
        typer.Option(
            "--languages",
            metavar=fi_en("KIELET", "LANGUAGES"),
            help=fi_en(
                "Sisällön kielet, esim. fi,sv: luettele ruotsiksi puuttuvat tekstit.",
                "Content languages, e.g. fi,sv: list the texts that have no Swedish version.",
            ),
        ),
    ] = None,
) -> None:
    def body() -> int:
        from tavoitteet.commands import validate as command
        from tavoitteet.render.problems import ProblemFormat

        fmt = _choice(ProblemFormat, output_format, "--format")
        return command.run(paths or [], fmt, _lang(lang), command.parse_languages(languages))

    guarded(body, lang)


@app.command(
    help=fi_en("Kirjoita JSON Schema malleista editoreita varten.", "Write the JSON Schema for editors.")
)
def schema(
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output",
            "-o",
            metavar=fi_en("TIEDOSTO", "FILE"),
            help=fi_en(
                "Kohdetiedosto (oletus: schemas/tavoitteet.schema.json).",
                "Target file (default: schemas/tavoitteet.schema.json).",
            ),
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help=fi_en(
                "Älä kirjoita: kerro, onko kopio ajan tasalla (1 = vanhentunut).",
                "Do not write: say whether the copy is current (1 = stale).",
            ),
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    def body() -> int:
        from tavoitteet.commands import schema as command

        return command.run(output, _lang(lang), check=check)

    guarded(body, lang)


@app.command(
    "import",
    help=fi_en(
        "Tuo tavoitetaulukko (Word, Excel, CSV, teksti) YAML-tiedostoksi.",
        "Import a goal table (Word, Excel, CSV, text) as a goal file.",
    ),
)
def import_table(
    source: Annotated[
        Path,
        typer.Argument(
            metavar=fi_en("TAULUKKO", "TABLE"),
            help=fi_en(
                "Taulukko: teksti (sarkaimin), .csv, .xlsx tai .docx.",
                "The table: text (tab-separated), .csv, .xlsx or .docx.",
            ),
        ),
    ],
    committee: Annotated[
        Optional[str],
        typer.Option(
            "--committee",
            metavar=fi_en("NIMI", "NAME"),
            help=fi_en(
                "Lautakunta (oletus: taulukon yläpuolelta).", "Committee (default: from above the table)."
            ),
        ),
    ] = None,
    year: Annotated[
        Optional[int],
        typer.Option(
            "--year",
            metavar=YEAR,
            help=fi_en(
                "Vuosi (oletus: taulukon teksteistä).", "The goals' year (default: from the table's texts)."
            ),
        ),
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output",
            "-o",
            metavar=fi_en("TIEDOSTO", "FILE"),
            help=fi_en(
                "Kohdetiedosto (oletus: data/VUOSI/lautakunta.yaml).",
                "Target file (default: data/YEAR/committee.yaml).",
            ),
        ),
    ] = None,
    columns: Annotated[
        Optional[str],
        typer.Option(
            "--columns",
            metavar=fi_en("SARAKKEET", "COLUMNS"),
            help=fi_en(
                'Omat sarakenimet, esim. "Tavoite 2021=tavoitetaso,Vastuu=ohita".',
                'Map column names, e.g. "Tavoite 2021=tavoitetaso,Vastuu=ohita".',
            ),
        ),
    ] = None,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    def body() -> int:
        from tavoitteet.commands import import_table as command

        return command.run(source, committee, year, output, columns, _lang(lang), data)

    guarded(body, lang)


@app.command(
    "new",
    help=fi_en(
        "Aloita uuden vuoden tavoitteet edellisen vuoden pohjalta.",
        "Start a new year's goals from an earlier year.",
    ),
)
def new_year(
    year: Annotated[
        int, typer.Argument(metavar=YEAR, help=fi_en("Uusi vuosi, esim. 2025.", "The new year, e.g. 2025."))
    ],
    earlier: Annotated[
        int,
        typer.Option(
            "--from",
            metavar=YEAR,
            help=fi_en("Vuosi, jonka tavoitteista aloitetaan.", "The year whose goals are copied."),
            autocompletion=completion.years,
        ),
    ],
    committee: Annotated[
        Optional[str],
        typer.Option(
            "--committee",
            metavar=fi_en("NIMI", "NAME"),
            help=fi_en(
                "Vain tämä lautakunta (nimi tai tiedoston nimi).", "Only this committee (name or file name)."
            ),
        ),
    ] = None,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    def body() -> int:
        from tavoitteet.commands import new_year as command

        return command.run(year, earlier, committee, _lang(lang), data)

    guarded(body, lang)


# --- a goals repository of one's own (init, issue 16) -----------------------------------------


@app.command(
    "init",
    help=fi_en(
        "Tee uusi tavoiterepositorio: pohjat, skeema, editori ja CI.",
        "Make a new goals repository: skeletons, schema, editor and CI.",
    ),
)
def init_repository(
    folder: Annotated[
        Optional[Path],
        typer.Argument(
            metavar=fi_en("KANSIO", "FOLDER"),
            help=fi_en("Kansio (oletus: nykyinen kansio).", "The folder (default: the current one)."),
        ),
    ] = None,
    municipality: Annotated[
        str,
        typer.Option(
            "--kunta",
            "--municipality",
            metavar=fi_en("KUNTA", "MUNICIPALITY"),
            help=fi_en("Kunnan nimi, esim. Esimerkkilä.", "The municipality's name."),
        ),
    ] = "",
    committees: Annotated[
        Optional[list[str]],
        typer.Option(
            "--lautakunta",
            "--committee",
            metavar=fi_en("NIMI", "NAME"),
            help=fi_en(
                "Lautakunta; toista valitsin usean lautakunnan tiedostoille.",
                "A committee; repeat the option for several.",
            ),
        ),
    ] = None,
    year: Annotated[
        Optional[int],
        typer.Option(
            "--vuosi",
            "--year",
            metavar=YEAR,
            help=fi_en("Vuosi (oletus: kuluva vuosi).", "The goals' year (default: this year)."),
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    def body() -> int:
        from tavoitteet.commands import init_repo as command

        return command.run(folder, municipality, committees or [], year, _lang(lang))

    guarded(body, lang)


# --- status views (status, list, show, years) -------------------------------------------------

YearArgument = Annotated[
    Optional[int],
    typer.Argument(
        metavar=YEAR,
        help=fi_en(
            "Vuosi (oletus: kuluva vuosi, muuten viimeisin data/-kansiossa).",
            "Year (default: the current year, else the latest in data/).",
        ),
        autocompletion=completion.years,
    ),
]
DepthOption = Annotated[
    str,
    typer.Option(
        "--depth",
        metavar=fi_en("TARKKUUS", "DEPTH"),
        help=fi_en(
            "Kuinka tarkasti: committee (lautakunta), area (tehtäväalue), goal (tavoite) tai indicator (mittari).",
            "How much detail: committee, area, goal or indicator.",
        ),
    ),
]


@app.command(
    help=fi_en("Näytä vuoden tavoitteiden tila taulukkona.", "Show where each goal of a year stands.")
)
@shared("committee", "kunta", "assessor", *VIEW_OPTIONS[2:])
def status(year: YearArgument = None, depth: DepthOption = "indicator", *, shared: Shared) -> None:
    def body() -> int:
        from tavoitteet.commands import status as command

        lang = _lang(shared.lang)
        view_depth = command.parse_depth(depth, lang)
        return command.run(
            year,
            shared.filters(),
            shared.as_of,
            shared.as_json,
            lang,
            shared.data,
            view_depth,
            shared.no_pager,
        )

    guarded(body, shared.lang)


@app.command(
    "list",
    help=fi_en("Luettele tavoitteet ja mittarit tunnuksineen.", "List goals and indicators with their ids."),
)
@shared(*VIEW_OPTIONS)
def list_goals(year: YearArgument = None, *, shared: Shared) -> None:
    def body() -> int:
        from tavoitteet.commands import list_goals as command

        lang = _lang(shared.lang)
        return command.run(
            year, shared.filters(), shared.as_of, shared.as_json, lang, shared.data, shared.no_pager
        )

    guarded(body, shared.lang)


@app.command(
    help=fi_en("Näytä yksi tavoite tai mittari kaikkine tietoineen.", "Show one goal or indicator in full.")
)
@shared("committee", "kunta", "as_of", "as_json", "no_pager", "data", "lang")
def show(
    item_id: Annotated[
        str,
        typer.Argument(
            metavar=ID,
            help=fi_en("Tavoitteen tai mittarin tunnus.", "The goal's or indicator's id."),
            autocompletion=completion.goal_and_indicator_ids,
        ),
    ],
    year: Annotated[
        Optional[int],
        typer.Option(
            "--year",
            metavar=YEAR,
            help=fi_en("Vuosi (oletus kuten status-komennossa).", "Year (default as in status)."),
            autocompletion=completion.years,
        ),
    ] = None,
    *,
    shared: Shared,
) -> None:
    def body() -> int:
        from tavoitteet.commands import show as command

        lang = _lang(shared.lang)
        return command.run(
            item_id,
            year,
            shared.committee,
            shared.as_of,
            shared.as_json,
            lang,
            shared.data,
            municipality=shared.kunta,
            no_pager=shared.no_pager,
        )

    guarded(body, shared.lang)


@app.command(
    help=fi_en(
        "Luettele vuodet ja lautakunnat, joilla on tavoitetiedostoja.",
        "List the years and committees with goal files.",
    )
)
@shared("as_json", "data", "lang")
def years(*, shared: Shared) -> None:
    def body() -> int:
        from tavoitteet.commands import years as command

        return command.run(shared.as_json, _lang(shared.lang), shared.data)

    guarded(body, shared.lang)


# --- recording outcomes (record, history) -----------------------------------------------------


# ignore_unknown_options: a negative VALUE such as -3 is a value, not an unknown option
@app.command(
    "record",
    context_settings={"ignore_unknown_options": True},
    help=fi_en(
        "Kirjaa toteuma tavoitetiedostoon muuta tiedostoa koskematta.",
        "Record an outcome into its goal file, touching nothing else.",
    ),
)
def record_outcome(
    indicator_id: Annotated[
        Optional[str],
        typer.Argument(
            metavar=ID,
            help=fi_en(
                "Mittarin tunnus; ilman tunnusta kysytään vuorotellen.",
                "The indicator's id; without one, each is asked in turn.",
            ),
            autocompletion=completion.indicator_ids,
        ),
    ] = None,
    value: Annotated[
        Optional[str],
        typer.Argument(
            metavar=fi_en("ARVO", "VALUE"),
            help=fi_en(
                "kyllä/ei, luku (1 234,5), luokittain (lapset=1 nuoret=2), päivämäärä tai 'ei sovellu'.",
                "yes/no (kyllä/ei), a number (1 234,5), by category (lapset=1 nuoret=2), a date or 'ei sovellu'.",
            ),
        ),
    ] = None,
    year: Annotated[
        Optional[int],
        typer.Option(
            "--year",
            metavar=YEAR,
            help=fi_en(
                "Vuosi (oletus: viimeisin, jossa mittari on).",
                "Year (default: the latest with the indicator).",
            ),
            autocompletion=completion.years,
        ),
    ] = None,
    comment: Annotated[
        Optional[str],
        typer.Option("--comment", metavar=fi_en("TEKSTI", "TEXT"), help=fi_en("Kommentti.", "A comment.")),
    ] = None,
    source: Annotated[
        Optional[str],
        typer.Option(
            "--source",
            metavar=fi_en("LÄHDE", "SOURCE"),
            help=fi_en(
                "Lähde: mistä raportista tai järjestelmästä luku on.",
                "Evidence: the report or system the figure is from.",
            ),
        ),
    ] = None,
    day: Annotated[
        Optional[str],
        typer.Option(
            "--date",
            metavar=fi_en("PVM", "DATE"),
            help=fi_en(
                "Kirjauksen päivämäärä (oletus: tänään), esim. 10.10.2024.",
                "The entry's date (default: today), e.g. 10.10.2024.",
            ),
        ),
    ] = None,
    by: Annotated[
        Optional[str],
        typer.Option("--by", metavar=fi_en("NIMI", "NAME"), help=fi_en("Kirjaaja.", "Who records.")),
    ] = None,
    level: Annotated[
        Optional[str],
        typer.Option(
            "--level",
            metavar=fi_en("TASO", "LEVEL"),
            help=fi_en(
                "Toteutumistaso käsin: toteutunut, 'osittain toteutunut', 'ei toteutunut', 'ei sovellu'.",
                "The level by hand: toteutunut (met), 'osittain toteutunut' (partly), 'ei toteutunut' (not met), "
                "'ei sovellu' (not applicable).",
            ),
        ),
    ] = None,
    reason: Annotated[
        Optional[str],
        typer.Option(
            "--reason",
            metavar=fi_en("TEKSTI", "TEXT"),
            help=fi_en("Perustelu --level-valinnalle (pakollinen).", "The reason for --level (needed)."),
        ),
    ] = None,
    committee: Annotated[
        Optional[str],
        typer.Option(
            "--committee",
            metavar=fi_en("NIMI", "NAME"),
            help=fi_en(
                "Vain tämän lautakunnan mittari (kun sama tunnus on usealla).",
                "Only this committee's indicator (when several have the id).",
            ),
        ),
    ] = None,
    kunta: Annotated[Optional[str], SHARED["kunta"][0].__metadata__[0]] = None,
    area: Annotated[
        Optional[str],
        typer.Option(
            "--area",
            metavar=fi_en("ALUE", "AREA"),
            help=fi_en("Kysyttäessä vain tämä tehtäväalue.", "When asking: only this service area."),
        ),
    ] = None,
    spearhead: Annotated[
        Optional[str],
        typer.Option(
            "--spearhead",
            metavar=fi_en("KÄRKI", "SPEARHEAD"),
            help=fi_en(
                "Kysyttäessä vain tätä strategiakärkeä edistävät tavoitteet.",
                "When asking: only goals that advance this spearhead.",
            ),
        ),
    ] = None,
    correct: Annotated[
        bool,
        typer.Option(
            "--correct",
            help=fi_en(
                "Korjaa viimeisin kirjaus uudella arvolla.", "Correct the latest entry with a new value."
            ),
        ),
    ] = False,
    withdraw: Annotated[
        bool,
        typer.Option("--withdraw", help=fi_en("Peru viimeisin kirjaus.", "Withdraw the latest entry.")),
    ] = False,
    every: Annotated[
        bool,
        typer.Option("--all", help=fi_en("Kysyttäessä kaikki mittarit.", "When asking: every indicator.")),
    ] = False,
    period: Annotated[
        Optional[int],
        typer.Option(
            "--period",
            metavar=YEAR,
            help=fi_en("Toisen vuoden arvo sarjaan.", "A value of another year, into the series."),
        ),
    ] = None,
    kind: Annotated[
        Optional[str],
        typer.Option(
            "--kind",
            metavar=fi_en("LAJI", "KIND"),
            help=fi_en(
                "Sarjan laji: toteuma, talousarvio, ennuste, …",
                "The series kind: toteuma (outcome), talousarvio (budget), ennuste (forecast), …",
            ),
        ),
    ] = None,
    from_file: Annotated[
        Optional[Path],
        typer.Option(
            "--from",
            metavar=fi_en("LOMAKE", "FORM"),
            help=fi_en("Täytetty lomake (tavoitteet form).", "A filled-in form (tavoitteet form)."),
        ),
    ] = None,
    partial: Annotated[
        bool,
        typer.Option(
            "--partial",
            help=fi_en("Lomakkeelta vain kelvolliset rivit.", "Record only a form's good rows."),
        ),
    ] = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    def body() -> int:
        from tavoitteet.commands import record as command

        if from_file is not None:
            from tavoitteet.commands import formread

            return formread.run(from_file, year, partial, _lang(lang), data, indicator_id)
        given = (year, comment, source, day, by, level, reason, committee, area, spearhead)
        options = command.Options(*given, correct, withdraw, every, period, kind, kunta)
        return command.run(indicator_id, value, options, _lang(lang), data)

    guarded(body, lang)


@app.command(
    help=fi_en(
        "Kirjaa tavoitteen tai lautakunnan vuoden sanallinen arvio.",
        "Record a written assessment of a goal or of a committee's year.",
    )
)
def assess(
    item_id: Annotated[
        str,
        typer.Argument(
            metavar=ID, help=fi_en("Tavoitteen tai lautakunnan tunnus.", "The goal's or committee's id.")
        ),
    ],
    text: Annotated[
        str,
        typer.Option(
            "--text",
            metavar=fi_en("TEKSTI", "TEXT"),
            help=fi_en("Sanallinen arvio.", "The written assessment."),
        ),
    ],
    level: Annotated[
        Optional[str],
        typer.Option(
            "--level",
            metavar=fi_en("TASO", "LEVEL"),
            help=fi_en("Toteutumistaso käsin.", "The level by hand."),
        ),
    ] = None,
    reason: Annotated[
        Optional[str],
        typer.Option(
            "--reason", metavar=fi_en("TEKSTI", "TEXT"), help=fi_en("Tason perustelu.", "The level's reason.")
        ),
    ] = None,
    by: Annotated[
        Optional[str],
        typer.Option("--by", metavar=fi_en("NIMI", "NAME"), help=fi_en("Kirjaaja.", "Who records.")),
    ] = None,
    day: Annotated[
        Optional[str],
        typer.Option(
            "--date", metavar=fi_en("PVM", "DATE"), help=fi_en("Arvion päivämäärä.", "The assessment's date.")
        ),
    ] = None,
    assessor: Annotated[
        Optional[str],
        typer.Option(
            "--assessor",
            metavar=fi_en("ARVIOIJA", "ASSESSOR"),
            help=fi_en("Arvioija, esim. tarkastuslautakunta.", "The assessor, e.g. the audit committee."),
        ),
    ] = None,
    year: Annotated[
        Optional[int], typer.Option("--year", metavar=YEAR, help=fi_en("Vuosi.", "The year."))
    ] = None,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    def body() -> int:
        from tavoitteet.commands import assess as command

        options = command.Options(text, level, reason, by, day, assessor, year)
        return command.run(item_id, options, _lang(lang), data)

    guarded(body, lang)


@app.command(
    help=fi_en(
        "Tee Excel-lomake toteumien ilmoittamiseen.", "Write a fill-in workbook for reporting outcomes."
    )
)
def form(
    year: Annotated[
        int,
        typer.Argument(metavar=YEAR, help=fi_en("Vuosi, jonka toteumat kirjataan.", "The year reported.")),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar=fi_en("TIEDOSTO", "FILE"),
            help=fi_en("Kohdetiedosto (.xlsx).", "The workbook to write (.xlsx)."),
        ),
    ],
    committee: Annotated[Optional[str], SHARED["committee"][0].__metadata__[0]] = None,
    responsible: Annotated[
        Optional[str],
        typer.Option(
            "--responsible",
            metavar=fi_en("NIMI", "NAME"),
            help=fi_en("Vain tämän vastuuhenkilön mittarit.", "Only this person's indicators."),
        ),
    ] = None,
    missing: Annotated[
        bool,
        typer.Option(
            "--missing", help=fi_en("Vain mittarit ilman toteumaa.", "Only indicators without an outcome.")
        ),
    ] = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    def body() -> int:
        from tavoitteet.commands import form as command

        return command.run(year, output, committee, responsible, missing, _lang(lang), data)

    guarded(body, lang)


@app.command(
    help=fi_en("Luettele, keneltä toteumat vielä puuttuvat.", "List who still has outcomes to report.")
)
def missing(
    year: Annotated[int, typer.Argument(metavar=YEAR, help=fi_en("Vuosi.", "The year."))],
    committee: Annotated[Optional[str], SHARED["committee"][0].__metadata__[0]] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            metavar=fi_en("MUOTO", "FORMAT"),
            help=fi_en("text, csv tai json.", "text, csv or json."),
        ),
    ] = "text",
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    def body() -> int:
        from tavoitteet.commands import missing as command

        return command.run(
            year, committee, _choice(command.Format, output_format, "--format"), _lang(lang), data
        )

    guarded(body, lang)


@app.command(
    help=fi_en(
        "Näytä vuoden viimeisimmät kirjaukset, uusin ensin.", "Show the year's latest entries, newest first."
    )
)
@shared("as_json", "committee", "kunta", "data", "lang")
def history(
    year: Annotated[
        Optional[int],
        typer.Argument(
            metavar=YEAR,
            help=fi_en(
                "Vuosi (oletus: kuluva vuosi, muuten viimeisin).",
                "Year (default: the current year, else the latest).",
            ),
            autocompletion=completion.years,
        ),
    ] = None,
    limit: Annotated[
        int,
        typer.Option(
            "--limit",
            metavar=fi_en("MÄÄRÄ", "COUNT"),
            help=fi_en("Enintään näin monta kirjausta (0 = kaikki).", "At most this many entries (0 = all)."),
        ),
    ] = 20,
    *,
    shared: Shared,
) -> None:
    def body() -> int:
        from tavoitteet.commands import history as command

        lang = _lang(shared.lang)
        return command.run(year, limit, shared.as_json, lang, shared.data, shared.committee, shared.kunta)

    guarded(body, shared.lang)


# --- reports (report, compare) ------------------------------------------------------------------

ReportLangOption = Annotated[
    Optional[str],
    typer.Option(
        "--lang",
        metavar=fi_en("KIELI", "LANG"),
        help=fi_en(
            "Kieli: fi, en tai sv (sv vain md ja html).", "Language: fi, en or sv (sv only for md and html)."
        ),
        autocompletion=completion.report_langs,
    ),
]


@app.command(
    help=fi_en(
        "Tee vuoden raportti toimintakertomukseen ja julkaisuun.",
        "Make the year's report for the annual report and for publishing.",
    )
)
@shared("committee", "kunta", "assessor", "area", "status", "spearhead", "as_of", "data")
def report(
    year: Annotated[
        int,
        typer.Argument(
            metavar=YEAR,
            help=fi_en("Raportoitava vuosi.", "The year to report."),
            autocompletion=completion.years,
        ),
    ],
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            metavar=fi_en("MUOTO", "FORMAT"),
            help=fi_en("md, csv, json, html tai docx.", "md, csv, json, html or docx."),
        ),
    ] = "md",
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output",
            "-o",
            metavar=fi_en("TIEDOSTO", "FILE"),
            help=fi_en("Kohdetiedosto (oletus: tulostus).", "Output file (default: standard output)."),
        ),
    ] = None,
    csv_dialect: Annotated[
        str,
        typer.Option(
            "--csv-dialect",
            metavar=fi_en("MUOTO", "FORM"),
            help=fi_en(
                "excel (;-erotin, desimaalipilkku, BOM) tai standard (pilkku).",
                "excel (; separator, decimal comma, BOM) or standard (comma).",
            ),
        ),
    ] = "excel",
    lang: ReportLangOption = None,
    # issue 17: Word's page orientation and the CSV's column set
    landscape: Annotated[
        bool, typer.Option("--landscape", help=fi_en("docx: vaakasivut.", "docx: landscape pages."))
    ] = False,
    columns: Annotated[
        str,
        typer.Option(
            "--columns",
            metavar=fi_en("SARAKKEET", "COLUMNS"),
            help=fi_en(
                "csv: printable (tulostettavat, oletus) tai all (kaikki kentät).",
                "csv: printable (the default) or all (every field).",
            ),
        ),
    ] = "printable",
    *,
    shared: Shared,
) -> None:
    def body() -> int:
        from tavoitteet.commands import report as command
        from tavoitteet.render.report_csv import ColumnSet, CsvDialect

        fmt = _choice(command.ReportFormat, output_format, "--format")
        dialect = _choice(CsvDialect, csv_dialect, "--csv-dialect")
        column_set = _choice(ColumnSet, columns, "--columns")
        layout = command.Layout(landscape, column_set is ColumnSet.ALL)
        filters = shared.filters()
        return command.run(year, fmt, output, dialect, filters, shared.as_of, lang, shared.data, layout)

    guarded(body, lang)


@app.command(
    help=fi_en(
        "Vertaa kahta vuotta: jatkuvat, uudet ja poistuneet tavoitteet.",
        "Compare two years: continuing, new and dropped goals.",
    )
)
@shared("committee", "kunta", "as_json", "data", "lang")
def compare(
    year_a: Annotated[
        int,
        typer.Argument(
            metavar=fi_en("VUOSI_A", "YEAR_A"),
            help=fi_en("Aiempi vuosi.", "The earlier year."),
            autocompletion=completion.years,
        ),
    ],
    year_b: Annotated[
        int,
        typer.Argument(
            metavar=fi_en("VUOSI_B", "YEAR_B"),
            help=fi_en("Myöhempi vuosi.", "The later year."),
            autocompletion=completion.years,
        ),
    ],
    *,
    shared: Shared,
) -> None:
    def body() -> int:
        from tavoitteet.commands import compare as command

        lang = _lang(shared.lang)
        return command.run(year_a, year_b, shared.committee, shared.as_json, lang, shared.data, shared.kunta)

    guarded(body, shared.lang)


# --- the static site (site) ----------------------------------------------------------------------


@app.command(
    help=fi_en(
        "Tee julkaistava staattinen sivusto kaikista vuosista ja lautakunnista.",
        "Build the static site of every year and committee.",
    )
)
@shared("as_of", "data", "lang")
def site(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar=fi_en("KANSIO", "FOLDER"),
            help=fi_en("Sivuston kansio, esim. sivusto/.", "The site's folder, e.g. sivusto/."),
        ),
    ],
    languages: Annotated[
        Optional[str],
        typer.Option(
            "--languages",
            metavar=fi_en("KIELET", "LANGUAGES"),
            help=fi_en(
                "Sivuston kielet pilkuin, esim. fi,sv,en (oletus fi; ensimmäinen on pääkieli).",
                "The site's languages, e.g. fi,sv,en (default fi; the first is the main one).",
            ),
        ),
    ] = None,
    *,
    shared: Shared,
) -> None:
    def body() -> int:
        from tavoitteet.commands import site as command

        return command.run(output, languages, shared.as_of, _lang(shared.lang), shared.data)

    guarded(body, shared.lang)


def _choice(enum: type[E], value: str, option: str) -> E:
    """Turn an option's text into its enum member or stop with a usage error."""
    from tavoitteet.errors import USAGE, UserError

    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in enum)
        raise UserError(f"tavoitteet: {option} {value!r}: {allowed}", USAGE) from None


def main() -> None:
    app()
