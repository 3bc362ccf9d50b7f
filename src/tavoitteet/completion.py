"""Shell completion of values from the data folder: years, committees, areas, spearheads and ids.

Typer completes commands and options itself (``tavoitteet --install-completion``
for bash, zsh, fish and PowerShell); these functions add the values.  They read
the goal files with the YAML reader alone (no models, no pydantic) so that a
Tab stays fast, and they never fail: a broken file or a missing data folder
just completes nothing.  Values are offered only where they are one line of
printable text, since each is written back to the user's command line.
"""

from __future__ import annotations

TYPE_CHECKING = False  # a Tab answered from the kept answers imports neither typing nor pathlib
if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path
    from typing import Any

    from tavoitteet.files.completecache import Seen
else:
    Any = object  # Typer evaluates the value functions' annotations (and reads ``ctx`` by its name)

STATUSES = (
    "toteutunut",
    "osittain toteutunut",
    "ei toteutunut",
    "kesken",
    "ei arvioitu",
    "ei sovellu",
    "raportoitu",
)
LANGS = ("fi", "en")
REPORT_LANGS = ("fi", "en", "sv")


def _context_value(ctx: Any, name: str) -> Any:
    params = getattr(ctx, "params", None) or {}
    return params.get(name)


_seen: list[Seen] = []
"""what this Tab read (the data folder and its files), for keeping its answer (:mod:`.files.completecache`)"""


def _data_root(ctx: Any) -> Path | None:
    from pathlib import Path

    from tavoitteet.files.discovery import DataNotFound, find_data_root

    given = _context_value(ctx, "data")
    if given is not None:
        return Path(given)
    try:
        return find_data_root()
    except (DataNotFound, OSError):
        return None


def _year_files(ctx: Any) -> dict[int, list[Path]]:
    from tavoitteet.files.discovery import year_files

    root = _data_root(ctx)
    if root is None:
        return {}
    try:
        if _seen:
            import os

            root = root.resolve()
            found = year_files(root)
            searched = _context_value(ctx, "data") is None and not os.environ.get("TAVOITTEET_DATA")
            _seen[0].read(str(root), searched, [str(p) for ps in found.values() for p in ps])
            return found
        return year_files(root)
    except OSError:
        return {}


def _documents(ctx: Any) -> Iterator[dict[str, Any]]:
    """The plain data of the goal files of the year on the command line (else of every year)."""
    from tavoitteet.files.yamlread import read_file

    files = _year_files(ctx)
    year = _context_value(ctx, "year")
    if year is None:  # a positional year is still among the unparsed words while completing
        year = next(
            (int(w) for w in getattr(ctx, "args", None) or [] if str(w).isdigit() and len(w) == 4), None
        )
    chosen = (
        files.get(year, [])
        if isinstance(year, int) and year in files
        else [p for ps in files.values() for p in ps]
    )
    for path in chosen:
        result = read_file(path)
        if result.document is not None and isinstance(result.document.data, dict):
            yield result.document.data


def _items(data: Any, key: str) -> list[dict[str, Any]]:
    value = data.get(key) if isinstance(data, dict) else None
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _offer(values: Iterator[str] | list[str] | tuple[str, ...], incomplete: str) -> list[str]:
    """The values that begin with ``incomplete``, in any case: ``hyv`` completes to
    ``hyvinvointilautakunta``, keeping what was typed (the filters match names in any case)."""
    seen: dict[str, None] = {}
    wanted = incomplete.casefold()
    for value in values:
        one_line = isinstance(value, str) and value.isprintable() and value == " ".join(value.split())
        if one_line and value and value.casefold().startswith(wanted):
            offered = value if value.startswith(incomplete) else incomplete + value[len(incomplete) :]
            seen.setdefault(offered, None)
    return list(seen)


def years(ctx: Any, incomplete: str) -> list[str]:
    return _offer([str(year) for year in sorted(_year_files(ctx), reverse=True)], incomplete)


def committees(ctx: Any, incomplete: str) -> list[str]:
    return _offer((str(d.get("lautakunta") or "") for d in _documents(ctx)), incomplete)


def areas(ctx: Any, incomplete: str) -> list[str]:
    return _offer(
        (str(a.get("id") or "") for d in _documents(ctx) for a in _items(d, "tehtäväalueet")), incomplete
    )


def spearheads(ctx: Any, incomplete: str) -> list[str]:
    return _offer(
        (str(s.get("id") or "") for d in _documents(ctx) for s in _items(d, "strategiakärjet")), incomplete
    )


def _goals(ctx: Any) -> Iterator[dict[str, Any]]:
    for document in _documents(ctx):
        for area in _items(document, "tehtäväalueet"):
            yield from _items(area, "tavoitteet")


def _indicators(goal: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from _items(goal, "mittarit")
    for action in _items(goal, "teot"):
        yield from _items(action, "mittarit")


def indicator_ids(ctx: Any, incomplete: str) -> list[str]:
    return _offer((str(i.get("id") or "") for g in _goals(ctx) for i in _indicators(g)), incomplete)


def goal_and_indicator_ids(ctx: Any, incomplete: str) -> list[str]:
    def ids() -> Iterator[str]:
        for goal in _goals(ctx):
            yield str(goal.get("id") or "")
            yield from (str(i.get("id") or "") for i in _indicators(goal))

    return _offer(ids(), incomplete)


def statuses(incomplete: str) -> list[str]:
    return _offer(STATUSES, incomplete)


def langs(incomplete: str) -> list[str]:
    return _offer(LANGS, incomplete)


def report_langs(incomplete: str) -> list[str]:
    return _offer(REPORT_LANGS, incomplete)


# --- the fast path: values completed without loading Typer ----------------------------------------
#
# Most Tabs complete a value (a year, a committee, an id). Importing Typer and Click is most of the
# time of such a Tab, so ``launch.py`` first asks :func:`fast_complete`, which reads the stored table
# of each command's options and arguments (``completetable.py``, generated from the Typer app by
# ``UPDATE_GOLDEN=1 python -m pytest tests/test_completion.py`` and tested to give Typer's own
# output).  Anything it is not sure of (option names, a value without a completer) goes to Typer.

FLAG = "-"
"""In the stored table: an option that takes no value."""

COMPLETE_VAR = "_TAVOITTEET_COMPLETE"


class _Context:
    """What the value functions read of Click's context: the parsed options and the loose words."""

    def __init__(self, params: dict[str, Any], args: list[str]) -> None:
        self.params = params
        self.args = args


def _split(text: str) -> list[str]:
    """Words as Click splits a command line that may end inside quotes (shell_completion.split_arg_string)."""
    import shlex

    lex = shlex.shlex(text, posix=True)
    lex.whitespace_split = True
    lex.commenters = ""
    words: list[str] = []
    try:
        words.extend(lex)
    except ValueError:
        words.append(lex.token)
    return words


def _words(shell: str, environ: Any) -> tuple[list[str], str] | None:
    """The arguments before the cursor and the incomplete word, as Typer's shell classes read them."""
    if shell == "bash":
        words = _split(environ.get("COMP_WORDS", ""))
        cword = int(environ.get("COMP_CWORD", "0"))
        return words[1:cword], (words[cword] if cword < len(words) else "")
    if shell in ("zsh", "fish"):
        line = environ.get("_TYPER_COMPLETE_ARGS", "")
        args = _split(line)[1:]
        if args and not line.endswith(" "):
            return args[:-1], args[-1]
        return args, ""
    if shell in ("powershell", "pwsh"):
        incomplete = environ.get("_TYPER_COMPLETE_WORD_TO_COMPLETE", "")
        words = _split(environ.get("_TYPER_COMPLETE_ARGS", ""))
        return (words[1:-1] if incomplete else words[1:]), incomplete
    return None


def _zsh_escape(text: str) -> str:
    return (
        text.replace('"', '""')
        .replace("'", "''")
        .replace("$", "\\$")
        .replace("`", "\\`")
        .replace(":", r"\\:")
    )


def _format(shell: str, values: list[str], environ: Any) -> tuple[str, int]:
    if shell == "zsh":
        if not values:
            return "_files\n", 0
        return "_arguments '*: :((" + "\n".join(f'"{_zsh_escape(v)}"' for v in values) + "))'\n", 0
    if shell == "fish":
        if environ.get("_TYPER_COMPLETE_FISH_ACTION", "") == "is-args":
            return "", 0 if values else 1
        return "\n".join(values) + "\n", 0
    if shell in ("powershell", "pwsh"):
        return "\n".join(f"{v}::: " for v in values) + "\n", 0
    return "\n".join(values) + "\n", 0


def fast_complete(environ: Any) -> tuple[str, int] | None:
    """The completion output and exit code for a value, or None when Typer must answer.

    The same Tab again, on unchanged goal files, is answered from the kept answer
    (:mod:`tavoitteet.files.completecache`) without reading the files or importing the YAML reader.
    """
    instruction, _, shell = str(environ.get(COMPLETE_VAR, "")).partition("_")
    if instruction != "complete":
        return None
    from tavoitteet.files import completecache

    try:
        key: str | None = completecache.invocation_key(environ)
    except OSError:
        key = None
    kept = completecache.answer(environ, key) if key is not None else None
    if kept is not None:
        return kept
    seen = completecache.Seen()
    _seen[:] = [seen]
    try:
        answered = _complete(environ, shell)
    finally:
        _seen.clear()
    if answered is not None:
        completecache.remember(environ, seen, *answered, key=key)
    return answered


def _complete(environ: Any, shell: str) -> tuple[str, int] | None:
    from tavoitteet.completetable import ARGUMENTS, OPTIONS

    read = _words(shell, environ)
    if read is None:
        return None
    args, incomplete = read
    if not args or args[0] not in OPTIONS or incomplete.startswith("-") or "=" in incomplete or "--" in args:
        return None
    command, words = args[0], args[1:]
    options, arguments = OPTIONS[command], ARGUMENTS[command]
    given: dict[str, str] = {}
    loose: list[str] = []
    pending: str | None = None
    for word in words:
        if pending is not None:
            given[pending], pending = word, None
        elif word.startswith("-"):
            name = word.partition("=")[0]
            if name not in options:
                return None  # an option Typer would complain of, or a short form: let Typer answer
            if options[name] != FLAG and "=" not in word:
                pending = word
        else:
            loose.append(word)
    if pending is not None:
        completer = options[pending]
    elif len(loose) < len(arguments):
        completer = arguments[len(loose)]
    else:
        return None
    function = globals().get(completer or "")
    if function is None:
        return None
    year = given.get("--year")
    params: dict[str, Any] = {
        "year": int(year) if year and year.isdigit() else None,
        "data": given.get("--data"),
    }
    context = _Context(params, loose)
    try:
        values = function(context, incomplete) if completer in _WITH_CONTEXT else function(incomplete)
    except Exception:  # a Tab never fails; Typer would print the same nothing
        return None
    return _format(shell, values, environ)


_WITH_CONTEXT = frozenset(
    {"years", "committees", "areas", "spearheads", "indicator_ids", "goal_and_indicator_ids"}
)
