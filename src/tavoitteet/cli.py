"""The command line: declares commands and options, and dispatches to ``commands/``.

Command bodies import their modules lazily so that ``--help`` and each command
load only what they need.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional, TypeVar

import typer

from tavoitteet.errors import guarded

E = TypeVar("E", bound=Enum)

app = typer.Typer(
    name="tavoitteet",
    help="Toiminnalliset tavoitteet YAML-tiedostoina: tarkistus, tila ja raportit. / Operational goals as YAML files.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

LangOption = Annotated[
    Optional[str],  # noqa: UP045 - typer 0.28 reads Optional reliably
    typer.Option("--lang", help="Kieli: fi tai en (oletus ympäristöstä, muuten fi). / Language: fi or en."),
]


@app.command()
def validate(
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Argument(help="Tiedostot tai kansiot (oletus: repositorion data/). / Files or folders."),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", help="text, json tai github (GitHub Actions -huomautukset).")
    ] = "text",
    lang: LangOption = None,
) -> None:
    """Tarkista tavoitetiedostot ja luettele kaikki virheet. / Check goal files and list every error."""

    def body() -> int:
        from tavoitteet.commands import validate as command
        from tavoitteet.i18n import detect_lang
        from tavoitteet.render.problems import ProblemFormat

        return command.run(paths or [], _choice(ProblemFormat, output_format, "--format"), detect_lang(lang))

    guarded(body, lang)


@app.command()
def schema(
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Kohdetiedosto (oletus: schemas/tavoitteet.schema.json)."),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Kirjoita JSON Schema malleista editoreita varten. / Write the JSON Schema for editors."""

    def body() -> int:
        from tavoitteet.commands import schema as command
        from tavoitteet.i18n import detect_lang

        return command.run(output, detect_lang(lang))

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
