"""The command line: declares commands and options, and dispatches to ``commands/``.

Command bodies import their modules lazily so that ``--help`` and each command
load only what they need.
"""

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional, TypeVar

import typer

from tavoitteet.errors import guarded
from tavoitteet.usage import LocalizedGroup

E = TypeVar("E", bound=Enum)

app = typer.Typer(
    name="tavoitteet",
    cls=LocalizedGroup,  # Click's usage errors in Finnish
    help="Toiminnalliset tavoitteet YAML-tiedostoina: tarkistus, tila ja raportit. / Operational goals as YAML files.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

LangOption = Annotated[
    Optional[str],
    typer.Option("--lang", help="Kieli: fi tai en (oletus ympäristöstä, muuten fi). / Language: fi or en."),
]
DataOption = Annotated[
    Optional[Path],
    typer.Option(
        "--data", help="data/-kansio (oletus: haetaan nykyisestä kansiosta ylöspäin). / Data folder."
    ),
]


@app.command()
def validate(
    paths: Annotated[
        Optional[list[Path]],
        typer.Argument(help="Tiedostot tai kansiot (oletus: repositorion data/). / Files or folders."),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", help="text, json tai github (GitHub Actions -huomautukset).")
    ] = "text",
    lang: LangOption = None,
    languages: Annotated[
        Optional[str],
        typer.Option(
            "--languages",
            help="Sisällön kielet, esim. fi,sv: luettele ruotsiksi puuttuvat tekstit. / Content languages.",
        ),
    ] = None,
) -> None:
    """Tarkista tavoitetiedostot ja luettele kaikki virheet. / Check goal files and list every error."""

    def body() -> int:
        from tavoitteet.commands import validate as command
        from tavoitteet.render.problems import ProblemFormat
        from tavoitteet.words.i18n import detect_lang

        fmt = _choice(ProblemFormat, output_format, "--format")
        return command.run(paths or [], fmt, detect_lang(lang), command.parse_languages(languages))

    guarded(body, lang)


@app.command()
def schema(
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Kohdetiedosto (oletus: schemas/tavoitteet.schema.json)."),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Kirjoita JSON Schema malleista editoreita varten. / Write the JSON Schema for editors."""

    def body() -> int:
        from tavoitteet.commands import schema as command
        from tavoitteet.words.i18n import detect_lang

        return command.run(output, detect_lang(lang))

    guarded(body, lang)


@app.command("import")
def import_table(
    source: Annotated[
        Path, typer.Argument(help="Taulukko: teksti (sarkaimin), .csv, .xlsx tai .docx. / The table file.")
    ],
    committee: Annotated[
        Optional[str],
        typer.Option("--committee", help="Lautakunta (oletus: taulukon yläpuolelta). / Committee name."),
    ] = None,
    year: Annotated[
        Optional[int],
        typer.Option("--year", help="Vuosi (oletus: taulukon teksteistä). / The goals' year."),
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output", "-o", help="Kohdetiedosto (oletus: data/VUOSI/lautakunta.yaml). / Target file."
        ),
    ] = None,
    columns: Annotated[
        Optional[str],
        typer.Option(
            "--columns",
            help='Omat sarakenimet, esim. "Tavoite 2021=tavoitetaso,Vastuu=ohita". / Map column names.',
        ),
    ] = None,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Tuo tavoitetaulukko (Word, Excel, CSV, teksti) YAML-tiedostoksi. / Import a goal table as a goal file."""

    def body() -> int:
        from tavoitteet.commands import import_table as command
        from tavoitteet.words.i18n import detect_lang

        return command.run(source, committee, year, output, columns, detect_lang(lang), data)

    guarded(body, lang)


@app.command("new")
def new_year(
    year: Annotated[int, typer.Argument(help="Uusi vuosi, esim. 2025. / The new year.")],
    earlier: Annotated[
        int, typer.Option("--from", help="Vuosi, jonka tavoitteista aloitetaan. / Copy from year.")
    ],
    committee: Annotated[
        Optional[str],
        typer.Option(
            "--committee", help="Vain tämä lautakunta (nimi tai tiedoston nimi). / Only this committee."
        ),
    ] = None,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Aloita uuden vuoden tavoitteet edellisen vuoden pohjalta. / Start a new year from an earlier one."""

    def body() -> int:
        from tavoitteet.commands import new_year as command
        from tavoitteet.words.i18n import detect_lang

        return command.run(year, earlier, committee, detect_lang(lang), data)

    guarded(body, lang)


# --- status views (status, list, show, years) -------------------------------------------------

YearArgument = Annotated[
    Optional[int],
    typer.Argument(help="Vuosi (oletus: kuluva vuosi, muuten viimeisin data/-kansiossa). / Year."),
]
CommitteeOption = Annotated[
    Optional[str],
    typer.Option("--committee", help="Vain tämä lautakunta (nimi tai sen osa). / Only this committee."),
]
KuntaOption = Annotated[
    Optional[str],
    typer.Option(
        "--kunta",
        "--municipality",
        help="Vain tämän kunnan lautakunnat. / Only this municipality's committees.",
    ),
]
AssessorOption = Annotated[
    Optional[str],
    typer.Option(
        "--assessor",
        help="Arviot tämän arvioijan mukaan (esim. tarkastuslautakunta). / Follow this assessor's assessments.",
    ),
]
AreaOption = Annotated[
    Optional[str],
    typer.Option("--area", help="Vain tämä tehtäväalue (tunnus tai nimi). / Only this service area."),
]
StatusOption = Annotated[
    Optional[str],
    typer.Option(
        "--status", help="Vain tavoitteet, joilla tai joiden mittarilla on tämä tila. / Only this status."
    ),
]
SpearheadOption = Annotated[
    Optional[str],
    typer.Option(
        "--spearhead", help="Vain tätä strategiakärkeä edistävät tavoitteet. / Only this spearhead."
    ),
]
AsOfOption = Annotated[
    Optional[str],
    typer.Option(
        "--as-of", help="Arvioi tilanne tänä päivänä (31.12.2024 tai 2024-12-31). / Evaluate as of."
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Tulosta JSON (docs/json.md). / Print JSON.")]


def _filters(
    committee: str | None,
    area: str | None,
    status: str | None,
    spearhead: str | None,
    kunta: str | None = None,
    assessor: str | None = None,
) -> object:
    from tavoitteet.commands.viewing import Filters

    return Filters(committee, area, status, spearhead, kunta, assessor)


@app.command()
def status(
    year: YearArgument = None,
    committee: CommitteeOption = None,
    kunta: KuntaOption = None,
    assessor: AssessorOption = None,
    area: AreaOption = None,
    status: StatusOption = None,
    spearhead: SpearheadOption = None,
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Näytä vuoden tavoitteiden tila taulukkona. / Show where each goal of a year stands."""

    def body() -> int:
        from tavoitteet.commands import status as command
        from tavoitteet.words.i18n import detect_lang

        filters = _filters(committee, area, status, spearhead, kunta, assessor)
        return command.run(year, filters, as_of, as_json, detect_lang(lang), data)  # type: ignore[arg-type]

    guarded(body, lang)


@app.command("list")
def list_goals(
    year: YearArgument = None,
    committee: CommitteeOption = None,
    kunta: KuntaOption = None,
    area: AreaOption = None,
    status: StatusOption = None,
    spearhead: SpearheadOption = None,
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Luettele tavoitteet ja mittarit tunnuksineen. / List goals and indicators with their ids."""

    def body() -> int:
        from tavoitteet.commands import list_goals as command
        from tavoitteet.words.i18n import detect_lang

        filters = _filters(committee, area, status, spearhead, kunta)
        return command.run(year, filters, as_of, as_json, detect_lang(lang), data)  # type: ignore[arg-type]

    guarded(body, lang)


@app.command()
def show(
    item_id: Annotated[
        str, typer.Argument(metavar="ID", help="Tavoitteen tai mittarin tunnus. / Goal or indicator id.")
    ],
    year: Annotated[
        Optional[int],
        typer.Option("--year", help="Vuosi (oletus kuten status-komennossa). / Year."),
    ] = None,
    committee: CommitteeOption = None,
    kunta: KuntaOption = None,
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Näytä yksi tavoite tai mittari kaikkine tietoineen. / Show one goal or indicator in full."""

    def body() -> int:
        from tavoitteet.commands import show as command
        from tavoitteet.words.i18n import detect_lang

        return command.run(item_id, year, committee, as_of, as_json, detect_lang(lang), data, kunta)

    guarded(body, lang)


@app.command()
def years(
    as_json: JsonOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Luettele vuodet ja lautakunnat, joilla on tavoitetiedostoja. / List years and committees."""

    def body() -> int:
        from tavoitteet.commands import years as command
        from tavoitteet.words.i18n import detect_lang

        return command.run(as_json, detect_lang(lang), data)

    guarded(body, lang)


# --- recording outcomes (record, history) -----------------------------------------------------


# ignore_unknown_options: a negative VALUE such as -3 is a value, not an unknown option
@app.command("record", context_settings={"ignore_unknown_options": True})
def record_outcome(
    indicator_id: Annotated[
        Optional[str],
        typer.Argument(
            metavar="[TUNNUS]", help="Mittarin tunnus; ilman tunnusta kysytään vuorotellen. / Indicator id."
        ),
    ] = None,
    value: Annotated[
        Optional[str],
        typer.Argument(
            metavar="[ARVO]",
            help="kyllä/ei, luku (1 234,5), luokittain (lapset=1 nuoret=2), päivämäärä tai 'ei sovellu'. / Value.",
        ),
    ] = None,
    year: Annotated[
        Optional[int], typer.Option("--year", help="Vuosi (oletus: viimeisin, jossa mittari on). / Year.")
    ] = None,
    comment: Annotated[Optional[str], typer.Option("--comment", help="Kommentti. / Comment.")] = None,
    source: Annotated[
        Optional[str],
        typer.Option(
            "--source", help="Lähde: mistä raportista tai järjestelmästä luku on. / Evidence source."
        ),
    ] = None,
    day: Annotated[
        Optional[str],
        typer.Option(
            "--date", help="Kirjauksen päivämäärä (oletus: tänään), esim. 10.10.2024. / Entry date."
        ),
    ] = None,
    by: Annotated[Optional[str], typer.Option("--by", help="Kirjaaja. / Who records.")] = None,
    level: Annotated[
        Optional[str],
        typer.Option(
            "--level",
            help="Toteutumistaso käsin: toteutunut, 'osittain toteutunut', 'ei toteutunut', 'ei sovellu'. / Manual level.",
        ),
    ] = None,
    reason: Annotated[
        Optional[str],
        typer.Option("--reason", help="Perustelu --level-valinnalle (pakollinen). / Reason for --level."),
    ] = None,
    committee: Annotated[
        Optional[str],
        typer.Option(
            "--committee",
            help="Vain tämän lautakunnan mittari (kun sama tunnus on usealla). / Only this committee.",
        ),
    ] = None,
    kunta: KuntaOption = None,
    area: Annotated[
        Optional[str],
        typer.Option(
            "--area", help="Kysyttäessä vain tämä tehtäväalue. / Interactive: only this service area."
        ),
    ] = None,
    spearhead: Annotated[
        Optional[str],
        typer.Option(
            "--spearhead",
            help="Kysyttäessä vain tätä strategiakärkeä edistävät tavoitteet. / Interactive: only this spearhead.",
        ),
    ] = None,
    correct: Annotated[
        bool,
        typer.Option(
            "--correct", help="Korjaa viimeisin kirjaus uudella arvolla. / Correct the latest entry."
        ),
    ] = False,
    withdraw: Annotated[
        bool, typer.Option("--withdraw", help="Peru viimeisin kirjaus. / Withdraw the latest entry.")
    ] = False,
    every: Annotated[
        bool, typer.Option("--all", help="Kysyttäessä kaikki mittarit. / Interactive: every indicator.")
    ] = False,
    period: Annotated[
        Optional[int], typer.Option("--period", help="Toisen vuoden arvo sarjaan. / A value of another year.")
    ] = None,
    kind: Annotated[
        Optional[str],
        typer.Option("--kind", help="Sarjan laji: toteuma, talousarvio, ennuste, … / Series kind."),
    ] = None,
    from_file: Annotated[
        Optional[Path], typer.Option("--from", help="Täytetty lomake (tavoitteet form). / A filled form.")
    ] = None,
    partial: Annotated[
        bool, typer.Option("--partial", help="Lomakkeelta kelvolliset rivit. / Record a form's good rows.")
    ] = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Kirjaa toteuma tavoitetiedostoon muuta tiedostoa koskematta. / Record an outcome into its goal file."""

    def body() -> int:
        from tavoitteet.commands import record as command
        from tavoitteet.words.i18n import detect_lang

        if from_file is not None:
            from tavoitteet.commands import formread

            return formread.run(from_file, year, partial, detect_lang(lang), data, indicator_id)
        given = (year, comment, source, day, by, level, reason, committee, area, spearhead)
        options = command.Options(*given, correct, withdraw, every, period, kind, kunta)
        return command.run(indicator_id, value, options, detect_lang(lang), data)

    guarded(body, lang)


@app.command()
def assess(
    item_id: Annotated[
        str, typer.Argument(metavar="TUNNUS", help="Tavoitteen tai lautakunnan tunnus. / Goal id.")
    ],
    text: Annotated[str, typer.Option("--text", help="Sanallinen arvio. / The written assessment.")],
    level: Annotated[Optional[str], typer.Option("--level", help="Toteutumistaso käsin. / Level.")] = None,
    reason: Annotated[Optional[str], typer.Option("--reason", help="Tason perustelu. / Reason.")] = None,
    by: Annotated[Optional[str], typer.Option("--by", help="Kirjaaja. / Who records.")] = None,
    day: Annotated[Optional[str], typer.Option("--date", help="Arvion päivämäärä. / Date.")] = None,
    assessor: Annotated[
        Optional[str], typer.Option("--assessor", help="Arvioija, esim. tarkastuslautakunta. / Assessor.")
    ] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="Vuosi. / Year.")] = None,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Kirjaa tavoitteen tai lautakunnan vuoden sanallinen arvio. / Record a written assessment."""

    def body() -> int:
        from tavoitteet.commands import assess as command
        from tavoitteet.words.i18n import detect_lang

        options = command.Options(text, level, reason, by, day, assessor, year)
        return command.run(item_id, options, detect_lang(lang), data)

    guarded(body, lang)


@app.command()
def form(
    year: Annotated[int, typer.Argument(help="Vuosi, jonka toteumat kirjataan. / The year.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Kohdetiedosto (.xlsx). / Output file.")],
    committee: CommitteeOption = None,
    responsible: Annotated[
        Optional[str],
        typer.Option("--responsible", help="Vain tämän vastuuhenkilön mittarit. / Only this person."),
    ] = None,
    missing: Annotated[
        bool, typer.Option("--missing", help="Vain mittarit ilman toteumaa. / Only those without an outcome.")
    ] = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Tee Excel-lomake toteumien ilmoittamiseen. / Write a fill-in workbook for reporting outcomes."""

    def body() -> int:
        from tavoitteet.commands import form as command
        from tavoitteet.words.i18n import detect_lang

        return command.run(year, output, committee, responsible, missing, detect_lang(lang), data)

    guarded(body, lang)


@app.command()
def missing(
    year: Annotated[int, typer.Argument(help="Vuosi. / The year.")],
    committee: CommitteeOption = None,
    output_format: Annotated[str, typer.Option("--format", help="text, csv tai json.")] = "text",
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Luettele, keneltä toteumat vielä puuttuvat. / List who still has outcomes to report."""

    def body() -> int:
        from tavoitteet.commands import missing as command
        from tavoitteet.words.i18n import detect_lang

        return command.run(
            year, committee, _choice(command.Format, output_format, "--format"), detect_lang(lang), data
        )

    guarded(body, lang)


@app.command()
def history(
    year: Annotated[
        Optional[int],
        typer.Argument(help="Vuosi (oletus: kuluva vuosi, muuten viimeisin). / Year."),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", help="Enintään näin monta kirjausta (0 = kaikki). / At most.")
    ] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Tulosta JSON. / Print JSON.")] = False,
    committee: CommitteeOption = None,
    kunta: KuntaOption = None,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Näytä vuoden viimeisimmät kirjaukset, uusin ensin. / Show the year's latest entries, newest first."""

    def body() -> int:
        from tavoitteet.commands import history as command
        from tavoitteet.words.i18n import detect_lang

        return command.run(year, limit, as_json, detect_lang(lang), data, committee, kunta)

    guarded(body, lang)


# --- reports (report, compare) ------------------------------------------------------------------

ReportLangOption = Annotated[
    Optional[str],
    typer.Option(
        "--lang", help="Kieli: fi, en tai sv (sv vain md ja html). / Language: fi, en or sv (md, html)."
    ),
]


@app.command()
def report(
    year: Annotated[int, typer.Argument(help="Raportoitava vuosi. / The year to report.")],
    output_format: Annotated[str, typer.Option("--format", help="md, csv, json, html tai docx.")] = "md",
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output", "-o", help="Kohdetiedosto (oletus: tulostus). / Output file (default: stdout)."
        ),
    ] = None,
    csv_dialect: Annotated[
        str,
        typer.Option(
            "--csv-dialect", help="excel (;-erotin, desimaalipilkku, BOM) tai standard (pilkku). / CSV form."
        ),
    ] = "excel",
    committee: CommitteeOption = None,
    kunta: KuntaOption = None,
    assessor: AssessorOption = None,
    area: AreaOption = None,
    status: StatusOption = None,
    spearhead: SpearheadOption = None,
    as_of: AsOfOption = None,
    data: DataOption = None,
    lang: ReportLangOption = None,
    # issue 17: Word's page orientation and the CSV's column set
    landscape: Annotated[
        bool, typer.Option("--landscape", help="docx: vaakasivut. / docx: landscape pages.")
    ] = False,
    columns: Annotated[
        str,
        typer.Option(
            "--columns", help="csv: tulostettavat (oletus) tai all (kaikki kentät). / csv: printable or all."
        ),
    ] = "printable",
) -> None:
    """Tee vuoden raportti toimintakertomukseen ja julkaisuun. / Make the year's report for publishing."""

    def body() -> int:
        from tavoitteet.commands import report as command
        from tavoitteet.render.report_csv import ColumnSet, CsvDialect

        fmt = _choice(command.ReportFormat, output_format, "--format")
        dialect = _choice(CsvDialect, csv_dialect, "--csv-dialect")
        column_set = _choice(ColumnSet, columns, "--columns")
        filters = _filters(committee, area, status, spearhead, kunta, assessor)
        layout = command.Layout(landscape, column_set is ColumnSet.ALL)
        return command.run(year, fmt, output, dialect, filters, as_of, lang, data, layout)  # type: ignore[arg-type]

    guarded(body, lang)


@app.command()
def compare(
    year_a: Annotated[int, typer.Argument(metavar="YEAR_A", help="Aiempi vuosi. / The earlier year.")],
    year_b: Annotated[int, typer.Argument(metavar="YEAR_B", help="Myöhempi vuosi. / The later year.")],
    committee: CommitteeOption = None,
    kunta: KuntaOption = None,
    as_json: JsonOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Vertaa kahta vuotta: jatkuvat, uudet ja poistuneet tavoitteet. / Compare two years."""

    def body() -> int:
        from tavoitteet.commands import compare as command
        from tavoitteet.words.i18n import detect_lang

        return command.run(year_a, year_b, committee, as_json, detect_lang(lang), data, kunta)

    guarded(body, lang)


# --- the static site (site) ----------------------------------------------------------------------


@app.command()
def site(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Sivuston kansio, esim. sivusto/. / The site's folder.")
    ],
    languages: Annotated[
        Optional[str],
        typer.Option(
            "--languages", help="Sivuston kielet pilkuin, esim. fi,sv,en (oletus fi). / Site languages."
        ),
    ] = None,
    as_of: AsOfOption = None,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Tee julkaistava staattinen sivusto kaikista vuosista. / Build the static site of every year."""

    def body() -> int:
        from tavoitteet.commands import site as command
        from tavoitteet.words.i18n import detect_lang

        return command.run(output, languages, as_of, detect_lang(lang), data)

    guarded(body, lang)


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
