"""Click's own usage errors (unknown option, missing argument, bad value) in Finnish.

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
from typer._click.core import Context
from typer.core import TyperGroup

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


def language_of(args: Sequence[str]) -> Lang:
    """The language ``--lang`` asks for in the raw arguments, else the environment's."""
    explicit = None
    for n, arg in enumerate(args):
        if arg == "--lang" and n + 1 < len(args):
            explicit = args[n + 1]
        elif arg.startswith("--lang="):
            explicit = arg.split("=", 1)[1]
    return detect_lang(explicit)


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
    """The command group: usage errors in the user's language."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: Context | None = None, **extra: Any
    ) -> Context:
        lang = language_of(args)
        with _in_finnish(lambda: lang):
            ctx = super().make_context(info_name, args, parent, **extra)
        ctx.meta[LANG_KEY] = lang
        return ctx

    def invoke(self, ctx: Context) -> Any:
        with _in_finnish(lambda: ctx.meta.get(LANG_KEY, "fi")):
            return super().invoke(ctx)
