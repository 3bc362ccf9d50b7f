"""The everyday command lines, parsed without Typer: ``status 2024``, ``validate``, ``record ID VALUE`` ...

Every command but ``import``, ``init`` and ``new`` (made once a year, by hand) is parsed here.

Importing Typer and Click, and building the command tree in :mod:`tavoitteet.cli`, is about
a tenth of a command's cold start (150 M of 1 400 M instructions) and half of a warm
``validate``.  :func:`run` parses a command line of the commands in :data:`BODIES` with the
table Typer's own tree gives (:mod:`tavoitteet.parsetable`, generated from ``cli.py`` and
tested to be equal), makes the very call ``cli.py`` makes of the command's body
(``commands/*.py``) and runs it through :func:`tavoitteet.errors.guarded`, as Typer would.
``tests/test_fastcli.py`` runs many command lines through both and compares the calls.

Anything the parser is not sure of returns False, and Typer parses the line as before, so
that every help page, usage error and exit code is Typer's: ``--help`` anywhere, an unknown
option, ``--``, ``--lang`` as another option's value, a value Click would refuse (``status
20x``, a path it cannot read), a missing argument, shell completion, a ``--lang`` other than
fi or en (or sv where a word of the line is ``report``), ``-o=x`` or ``-oFILE``, and on
Windows a word Click would expand (``~``, ``$``, ``%``, wildcards).
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing itself would cost more than parsing
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    Values = dict[str, Any]
    Body = Callable[[], int]

_REFUSED = object()
"""a value Click would refuse"""
READ_ONLY = frozenset({"status", "list", "show", "years", "history", "validate", "missing", "record"})
"""commands that only read the models (``record`` writes text, never a model): run on their plain twins,
without importing pydantic (:mod:`tavoitteet.core.twins`)"""


def run(argv: list[str]) -> bool:
    """Run the command line if it is one parsed here (exits through ``guarded``); False: Typer's turn."""
    if any(name.endswith("_COMPLETE") for name in os.environ):  # shell completion: Typer's (completion.py)
        return False
    parsed = parse(argv)
    if parsed is None:
        return False
    if parsed[0] in READ_ONLY:
        from tavoitteet.core.twins import use_plain_models

        use_plain_models()
    body, lang = prepare(*parsed)
    from tavoitteet.errors import guarded

    guarded(body, lang)


def parse(argv: list[str]) -> tuple[str, Values] | None:
    """The command and every parameter's value as Typer passes them, or None when Typer must parse."""
    if not argv or "--" in argv or "--help" in argv:  # help: Typer's, and kept by files/replay.py
        return None
    from tavoitteet import parsetable as table

    if os.name == "nt" and any(c in word for word in argv for c in "~$%*?["):
        return None
    group: Values = {}
    position = _options(argv, 0, table.GROUP_OPTIONS, group, stop_at_word=True)
    if position is None or position >= len(argv) or set(group) - {"lang"}:
        return None
    command = argv[position]
    if command not in BODIES or command not in table.OPTIONS:
        return None
    words: list[str] = []
    given: Values = {}
    if _options(argv, position + 1, table.OPTIONS[command], given, words, command) is None:
        return None
    if not _arguments(words, table.ARGUMENTS[command], given):
        return None
    if any(name not in given for name in table.REQUIRED[command]):
        return None
    values = {name: given.get(name, default) for name, default in table.DEFAULTS[command].items()}
    if set(values) != set(BODIES[command][1]):
        return None  # cli.py declares a parameter the body here does not know: Typer's turn
    # ``tavoitteet --lang en status``: the group hands its --lang on to the command (usage.LocalizedGroup)
    if group.get("lang") and "lang" not in given:
        if "lang" not in values:
            return None
        values["lang"] = group["lang"]
    # LocalizedGroup refuses the last --lang of the line unless it is fi or en (sv: where a word is "report")
    last = given.get("lang", group.get("lang"))
    if last is not None and last.strip().lower() not in ("fi", "en", "sv" if "report" in argv else "fi"):
        return None
    return command, values


def _options(
    argv: list[str],
    start: int,
    options: dict[str, Any],
    values: Values,
    words: list[str] | None = None,
    command: str = "",
    *,
    stop_at_word: bool = False,
) -> int | None:
    """Read options from ``argv[start:]`` into ``values`` as Click's parser does; the loose words go to
    ``words``.  The position where reading stopped, or None when Typer must parse."""
    from tavoitteet.parsetable import UNKNOWN_AS_ARGUMENTS

    position = start
    while position < len(argv):
        word = argv[position]
        if word[:1] != "-" or len(word) == 1:
            if stop_at_word or words is None:
                return position
            words.append(word)
            position += 1
            continue
        position += 1
        name, equals, explicit = word.partition("=")
        spec = options.get(name)
        if spec is None:
            if command in UNKNOWN_AS_ARGUMENTS and word[:2] != "--" and words is not None:
                words.append(word)  # ``record ID -3``: Click keeps an unknown short option as a word
                continue
            return None
        parameter, kind = spec
        if equals and word[:2] != "--":
            return None  # Click reads ``-o=x`` as the value ``=x``
        if kind == "flag":
            if equals:
                return None
            values[parameter] = True
            continue
        if equals:
            text = explicit
        elif position < len(argv):
            text = argv[position]
            position += 1
        else:
            return None
        if text == "--lang" or text.startswith("--lang="):
            return None  # LocalizedGroup would read the next word as the language (usage.explicit_language)
        value = _convert(kind.rstrip("*"), text)
        if value is _REFUSED:
            return None
        if kind.endswith("*"):
            values.setdefault(parameter, []).append(value)
        else:
            values[parameter] = value
    return position


def _arguments(words: list[str], arguments: list[tuple[str, str]], values: Values) -> bool:
    """Share the loose words out to the arguments as Click does; False when Click would refuse them."""
    if len(arguments) == 1 and arguments[0][1].endswith("..."):
        parameter, kind = arguments[0]
        converted = [_convert(kind.removesuffix("..."), word) for word in words]
        if _REFUSED in converted:
            return False
        if converted:
            values[parameter] = converted
        return True
    if len(words) > len(arguments):
        return False
    for (parameter, kind), word in zip(arguments, words, strict=False):
        value = _convert(kind, word)
        if value is _REFUSED:
            return False
        values[parameter] = value
    return True


def _convert(kind: str, text: str) -> Any:
    """The value Click and Typer make of ``text``, or ``_REFUSED`` (then Click words the error)."""
    if kind == "text":
        return text
    if kind == "int":
        return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else _REFUSED
    if kind == "path" and text:
        try:
            os.stat(text)  # noqa: PTH116 - the very call Click makes, on the text as typed
        except OSError:
            pass  # Click takes a path that does not exist as it is
        except ValueError:
            return _REFUSED
        else:
            if not os.access(text, os.R_OK):  # Click: "is not readable"
                return _REFUSED
        from pathlib import Path

        return Path(text)
    return _REFUSED


# --- the bodies: what each command of cli.py calls, with the same arguments ----------------------


def prepare(command: str, values: Values) -> tuple[Body, str | None]:
    """The body ``cli.py`` runs for ``command`` and the language it hands to ``guarded``."""
    return BODIES[command][0](values), values["lang"]


def _lang(lang: str | None) -> Any:
    from tavoitteet.words.i18n import detect_lang

    return detect_lang(lang)


def _filters(v: Values) -> Any:
    """``cli.Shared.filters()``: the options a view filters by (those the command does not take are None)."""
    from tavoitteet.commands.viewing import Filters

    statuses = tuple(v.get("status") or ())
    return Filters(v["committee"], v.get("area"), statuses, v.get("spearhead"), v["kunta"], v.get("assessor"))


def _choice(enum: Any, value: str, option: str) -> Any:
    """``cli._choice``: an option's text as its enum member, or a usage error."""
    from tavoitteet.errors import USAGE, UserError

    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in enum)
        raise UserError(f"tavoitteet: {option} {value!r}: {allowed}", USAGE) from None


def _status(v: Values) -> Body:
    def body() -> int:
        from tavoitteet.commands import status as command

        lang = _lang(v["lang"])
        depth = command.parse_depth(v["depth"], lang)
        return command.run(
            v["year"], _filters(v), v["as_of"], v["as_json"], lang, v["data"], depth, v["no_pager"]
        )

    return body


def _list(v: Values) -> Body:
    def body() -> int:
        from tavoitteet.commands import list_goals as command

        lang = _lang(v["lang"])
        return command.run(v["year"], _filters(v), v["as_of"], v["as_json"], lang, v["data"], v["no_pager"])

    return body


def _show(v: Values) -> Body:
    def body() -> int:
        from tavoitteet.commands import show as command

        lang = _lang(v["lang"])
        return command.run(
            v["item_id"],
            v["year"],
            v["committee"],
            v["as_of"],
            v["as_json"],
            lang,
            v["data"],
            municipality=v["kunta"],
            no_pager=v["no_pager"],
        )

    return body


def _years(v: Values) -> Body:
    def body() -> int:
        from tavoitteet.commands import years as command

        return command.run(v["as_json"], _lang(v["lang"]), v["data"])

    return body


def _history(v: Values) -> Body:
    def body() -> int:
        from tavoitteet.commands import history as command

        lang = _lang(v["lang"])
        return command.run(v["year"], v["limit"], v["as_json"], lang, v["data"], v["committee"], v["kunta"])

    return body


def _compare(v: Values) -> Body:
    def body() -> int:
        from tavoitteet.commands import compare as command

        lang = _lang(v["lang"])
        return command.run(
            v["year_a"], v["year_b"], v["committee"], v["as_json"], lang, v["data"], v["kunta"]
        )

    return body


def _validate(v: Values) -> Body:
    def body() -> int:
        from tavoitteet.commands import validate as command
        from tavoitteet.render.problems import ProblemFormat

        fmt = _choice(ProblemFormat, v["output_format"], "--format")
        languages = command.parse_languages(v["languages"])
        return command.run(v["paths"] or [], fmt, _lang(v["lang"]), languages)

    return body


def _missing(v: Values) -> Body:
    def body() -> int:
        from tavoitteet.commands import missing as command

        fmt = _choice(command.Format, v["output_format"], "--format")
        return command.run(v["year"], v["committee"], fmt, _lang(v["lang"]), v["data"])

    return body


def _record(v: Values) -> Body:
    def body() -> int:
        from tavoitteet.commands import record as command

        if v["from_file"] is not None:
            from tavoitteet.commands import formread

            return formread.run(
                v["from_file"], v["year"], v["partial"], _lang(v["lang"]), v["data"], v["indicator_id"]
            )
        given = [v[name] for name in ("year", "comment", "source", "day", "by", "level", "reason")]
        given += [v[name] for name in ("committee", "area", "spearhead", "correct", "withdraw", "every")]
        given += [v["period"], v["kind"], v["kunta"]]
        options = command.Options(*given)
        return command.run(v["indicator_id"], v["value"], options, _lang(v["lang"]), v["data"])

    return body


def _assess(v: Values) -> Body:
    def body() -> int:
        from tavoitteet.commands import assess as command

        names = ("text", "level", "reason", "by", "day", "assessor", "year")
        options = command.Options(*(v[name] for name in names))
        return command.run(v["item_id"], options, _lang(v["lang"]), v["data"])

    return body


def _report(v: Values) -> Body:
    def body() -> int:
        from tavoitteet.commands import report as command
        from tavoitteet.render.report_csv import ColumnSet, CsvDialect

        fmt = _choice(command.ReportFormat, v["output_format"], "--format")
        dialect = _choice(CsvDialect, v["csv_dialect"], "--csv-dialect")
        column_set = _choice(ColumnSet, v["columns"], "--columns")
        layout = command.Layout(v["landscape"], column_set is ColumnSet.ALL)
        filters = _filters(v)
        return command.run(
            v["year"], fmt, v["output"], dialect, filters, v["as_of"], v["lang"], v["data"], layout
        )

    return body


def _site(v: Values) -> Body:
    def body() -> int:
        from tavoitteet.commands import site as command

        return command.run(v["output"], v["languages"], v["as_of"], _lang(v["lang"]), v["data"])

    return body


def _schema(v: Values) -> Body:
    def body() -> int:
        from tavoitteet.commands import schema as command

        return command.run(v["output"], _lang(v["lang"]), check=v["check"])

    return body


def _form(v: Values) -> Body:
    def body() -> int:
        from tavoitteet.commands import form as command

        lang = _lang(v["lang"])
        return command.run(
            v["year"], v["output"], v["committee"], v["responsible"], v["missing"], lang, v["data"]
        )

    return body


_VIEW = ("committee", "kunta", "area", "status", "spearhead", "as_of", "as_json", "no_pager", "data", "lang")
BODIES: dict[str, tuple[Callable[[Values], Body], tuple[str, ...]]] = {
    "status": (_status, ("year", "depth", "assessor", *_VIEW)),
    "list": (_list, ("year", *_VIEW)),
    "show": (
        _show,
        ("item_id", "year", "committee", "kunta", "as_of", "as_json", "no_pager", "data", "lang"),
    ),
    "years": (_years, ("as_json", "data", "lang")),
    "history": (_history, ("year", "limit", "as_json", "committee", "kunta", "data", "lang")),
    "compare": (_compare, ("year_a", "year_b", "committee", "kunta", "as_json", "data", "lang")),
    "validate": (_validate, ("paths", "output_format", "lang", "languages")),
    "missing": (_missing, ("year", "committee", "output_format", "data", "lang")),
    "record": (
        _record,
        (
            *("indicator_id", "value", "year", "comment", "source", "day", "by", "level", "reason"),
            *("committee", "kunta", "area", "spearhead", "correct", "withdraw", "every", "period", "kind"),
            *("from_file", "partial", "data", "lang"),
        ),
    ),
    "assess": (
        _assess,
        ("item_id", "text", "level", "reason", "by", "day", "assessor", "year", "data", "lang"),
    ),
    "report": (
        _report,
        (
            *("year", "output_format", "output", "csv_dialect", "lang", "landscape", "columns"),
            *("committee", "kunta", "assessor", "area", "status", "spearhead", "as_of", "data"),
        ),
    ),
    "site": (_site, ("output", "languages", "as_of", "data", "lang")),
    "schema": (_schema, ("output", "check", "lang")),
    "form": (_form, ("year", "output", "committee", "responsible", "missing", "data", "lang")),
}
"""each command parsed here: the body ``cli.py`` runs, and the parameters it takes (as Typer names them)"""
