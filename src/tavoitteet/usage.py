"""Click's own words in the user's language: usage errors, and help pages in one language.

Help pages: :meth:`LocalizedGroup.main` goes once through the command tree
Typer built for this run and puts every help text, metavar and Click's own
words (``Usage:``, ``Options:``, ``[default: …]``) in the user's language; the
texts come from :mod:`tavoitteet.words.cli_words` (``fi_en`` in ``cli.py``).

Usage errors:

Click words these errors in English only.  The command group below catches a
usage error where Click raises it and, unless the user asked for English,
raises it again as a :class:`FinnishUsageError` whose text is ours.  Click
still prints it and exits with code 2, so nothing else changes.  A message we
do not know is kept as Click wrote it, behind the Finnish frame.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, Any

from typer._click import exceptions as click  # typer 0.28 vendors Click; pinned in pyproject.toml
from typer._click.core import Command, Context
from typer._click.formatting import HelpFormatter
from typer.core import TyperArgument, TyperGroup

from tavoitteet.words.cli_words import CLICK_FINNISH, TYPE_METAVARS, in_english
from tavoitteet.words.i18n import Lang, detect_lang

LANG_KEY = "tavoitteet_lang"

# Click's own wording of a bad value, and ours: the quoted value is kept.
_VALUE_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"^'(.*)' is not a valid (?:int|integer)\.?$", "'{0}' ei ole kokonaisluku."),
    (r"^'(.*)' is not a valid float\.?$", "'{0}' ei ole luku."),
    (r"^(?:File|Path|Directory) '(.*)' does not exist\.?$", "polkua '{0}' ei ole."),
)
_USAGE_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"^Option '(.+)' requires an argument\.?$", "valinta {0} tarvitsee arvon."),
    (r"^Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", "ylimääräinen argumentti: {0}."),
)


def _rewrite(message: str, table: Sequence[tuple[str, str]]) -> str:
    for pattern, finnish in table:
        match = re.match(pattern, message)
        if match:
            return finnish.format(*match.groups())
    return message


def _suggest(possibilities: Sequence[str] | None) -> str:
    return f" Tarkoititko: {', '.join(possibilities)}?" if possibilities else ""


def finnish_message(error: click.UsageError) -> str:
    """The error's message in Finnish (Click's English when we do not know the message)."""
    if isinstance(error, click.NoSuchOption):
        return f"tuntematon valinta {error.option_name}.{_suggest(error.possibilities)}"
    unknown = re.match(r"^No such command '(.+)'\.(?: Did you mean '(.+)'\?)?$", error.message)
    if unknown:
        return f"tuntematon komento '{unknown[1]}'.{_suggest([unknown[2]] if unknown[2] else None)}"
    if isinstance(error, click.BadParameter):
        hint = _hint(error)
        if isinstance(error, click.MissingParameter):
            kind = "valinta" if error.param_type == "option" else "argumentti"
            return f"puuttuva {kind} {hint}." if hint else "puuttuva arvo."
        reason = _rewrite(error.message, _VALUE_MESSAGES)
        return f"virheellinen arvo kohdassa {hint}: {reason}" if hint else reason
    return _rewrite(error.message, _USAGE_MESSAGES)


def _hint(error: click.BadParameter) -> str | None:
    if error.param_hint is not None:
        hints = [error.param_hint] if isinstance(error.param_hint, str) else list(error.param_hint)
        return " / ".join(f"'{h}'" for h in hints)
    if error.param is not None and error.ctx is not None:
        return error.param.get_error_hint(error.ctx)
    return None


class FinnishUsageError(click.UsageError):
    """A usage error printed in Finnish: usage line, where to find help, and what is wrong."""

    def show(self, file: IO[Any] | None = None) -> None:
        out = file or sys.stderr
        if self.ctx is not None:
            path = self.ctx.command_path
            pieces = " ".join(self.ctx.command.collect_usage_pieces(self.ctx))
            out.write(f"Käyttö: {path} {pieces}\nOhje: {path} --help\n\n")
        out.write(f"Virhe: {self.message}\n")


def explicit_language(args: Sequence[str]) -> str | None:
    """What ``--lang`` says in the raw arguments (the last one counts), or None."""
    explicit = None
    for n, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and n + 1 < len(args):
            explicit = args[n + 1]
        elif arg.startswith("--lang="):
            explicit = arg.split("=", 1)[1]
    return explicit


def language_of(args: Sequence[str]) -> Lang:
    """The language ``--lang`` asks for in the raw arguments, else the environment's."""
    return detect_lang(explicit_language(args))


SWEDISH_COMMANDS = frozenset({"report"})
"""The commands that speak Swedish (the reports); elsewhere ``--lang sv`` is an error that says so."""


def language_problem(args: Sequence[str]) -> str | None:
    """Why ``--lang`` in ``args`` cannot be served (in the user's language), or None."""
    explicit = explicit_language(args)
    if explicit is None:
        return None
    code = explicit.strip().lower()
    if code in ("fi", "en"):
        return None
    lang = detect_lang(None)
    if code == "sv" and SWEDISH_COMMANDS.intersection(args):
        return None
    if code == "sv":
        if lang == "en":
            return "--lang sv: Swedish is offered only by the reports (tavoitteet report --lang sv); choose fi or en."
        return (
            "--lang sv: ruotsi on tarjolla vain raporteissa (tavoitteet report --lang sv); valitse fi tai en."
        )
    if lang == "en":
        return f"--lang {explicit}: no such language; choose fi or en (report also sv)."
    return f"--lang {explicit}: kieltä ei ole tarjolla; valitse fi tai en (report myös sv)."


_page_language: list[Lang] = ["fi"]
"""The language of this run's help pages, set by :meth:`LocalizedGroup.main`."""


class LocalizedFormatter(HelpFormatter):
    """Click's help formatter with Click's own words in Finnish on a Finnish page."""

    def _word(self, text: str) -> str:
        return CLICK_FINNISH.get(text, text) if _page_language[0] == "fi" else text

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, self._word(prefix or "Usage: "))

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(self._word(name)):
            yield

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        if _page_language[0] == "fi":
            rows = [(term, _finnish_extras(self._word(text))) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


def _finnish_extras(text: str) -> str:
    """``[default: md]`` and ``[required]`` after a help text, in Finnish."""

    def extras(match: re.Match[str]) -> str:
        parts = [re.sub(r"^default: ", "oletus: ", p) for p in match[1].split("; ")]
        return "[" + "; ".join("pakollinen" if p == "required" else p for p in parts) + "]"

    return re.sub(r"\[((?:default: |required)[^\]]*)\]$", extras, text)


class LocalizedContext(Context):
    formatter_class = LocalizedFormatter


class _Argument(TyperArgument):
    """An argument shown as ``VUOSI`` in the usage line when required (Typer writes ``{VUOSI}``)."""

    def make_metavar(self, ctx: Context, *, usage: bool = False) -> str:
        shown = super().make_metavar(ctx, usage=usage)
        if usage and self.metavar is not None and shown == f"{{{self.metavar}}}":
            return self.metavar
        return shown


def localize(command: Command, lang: Lang) -> None:
    """Put every help text, placeholder and Click word of ``command`` and its subcommands in ``lang``."""
    command.context_class = LocalizedContext
    if command.options_metavar == "[OPTIONS]" and lang == "fi":
        command.options_metavar = CLICK_FINNISH["[OPTIONS]"]
    if lang == "en":
        command.help = in_english(command.help)
        command.short_help = in_english(command.short_help)
    for param in command.params:
        if type(param) is TyperArgument:
            param.__class__ = _Argument
        if lang == "en":
            param.help = in_english(getattr(param, "help", None))  # type: ignore[attr-defined]
            param.metavar = in_english(param.metavar)
        if (
            param.metavar is None
            and param.param_type_name == "option"
            and not getattr(param, "is_flag", False)
        ):
            names = TYPE_METAVARS.get(param.type.name)
            if names is not None:
                param.metavar = names[0] if lang == "fi" else names[1]
    if isinstance(command, TyperGroup):
        if command.subcommand_metavar == "COMMAND [ARGS]..." and lang == "fi":
            command.subcommand_metavar = CLICK_FINNISH["COMMAND [ARGS]..."]
        for sub in command.commands.values():
            localize(sub, lang)


@contextmanager
def _in_finnish(lang: Callable[[], Lang]) -> Iterator[None]:
    try:
        yield
    except click.NoArgsIsHelpError:
        raise
    except click.UsageError as error:
        if isinstance(error, FinnishUsageError) or lang() == "en":
            raise
        raise FinnishUsageError(finnish_message(error), error.ctx) from error


class LocalizedGroup(TyperGroup):
    """The command group: help pages and usage errors in the user's language."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        lang = language_of(sys.argv[1:] if args is None else args)
        _page_language[0] = lang
        localize(self, lang)
        return super().main(args, *rest, **extra)

    def make_context(
        self, info_name: str | None, args: list[str], parent: Context | None = None, **extra: Any
    ) -> Context:
        lang = language_of(args)
        problem = language_problem(args)
        if problem is not None:
            if lang == "en":
                raise click.UsageError(problem)
            raise FinnishUsageError(problem)
        with _in_finnish(lambda: lang):
            ctx = super().make_context(info_name, args, parent, **extra)
        ctx.meta[LANG_KEY] = lang
        return ctx

    def invoke(self, ctx: Context) -> Any:
        given = ctx.params.get("lang")  # ``tavoitteet --lang en status``: the command gets it too
        if given and explicit_language(ctx.args) is None:
            ctx.args = [*ctx.args, "--lang", given]
        with _in_finnish(lambda: ctx.meta.get(LANG_KEY, "fi")):
            return super().invoke(ctx)
