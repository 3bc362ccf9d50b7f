"""The fast parser's table (``src/tavoitteet/parsetable.py``) as Typer's own command tree gives it.

``tests/test_fastcli.py`` compares the stored table with :func:`generated_table`, and
``UPDATE_GOLDEN=1 python -m pytest tests/test_fastcli.py`` writes it again.  Only what the fast
parser reproduces exactly goes into the table; a command with anything else (an environment
variable, a callback, a prompt, an option that takes two values, a type other than text, whole
number, path or flag, a help option other than ``--help``) is left out, and Typer parses it.
Short options (``-o``) are in the table; the parser takes them only as a word of their own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

TABLE = Path(__file__).resolve().parent.parent / "src" / "tavoitteet" / "parsetable.py"
HEADER = '''"""Each command's options, arguments and defaults as Typer parses them, for :mod:`tavoitteet.fastcli`.

Generated from the Typer app in ``cli.py`` (the one place options are declared):
``UPDATE_GOLDEN=1 python -m pytest tests/test_fastcli.py`` writes it again, and that test fails
whenever it differs from the app.  Kinds: ``text``, ``int``, ``path``, ``flag``; ``*`` after a kind
marks an option that may be repeated, ``...`` an argument that takes any number of words.  A
command that is not here (or an option Typer handles in a way of its own) is parsed by Typer.
"""

'''


def _kind(param: Any) -> str | None:
    """The parameter's kind in the table, or None when the fast parser would not parse it as Typer does."""
    from typer._click import types
    from typer.models import TyperPath

    plain = (
        param.envvar is None
        and param.callback is None
        and not param.is_eager
        and param.expose_value
        and not getattr(param, "deprecated", False)
        and not callable(param.default)
        and isinstance(param.default, (type(None), str, int, bool))
    )
    if not plain:
        return None
    if param.param_type_name == "option":
        if param.prompt is not None or param.count or param.secondary_opts or param.nargs != 1:
            return None
        if any(not (opt.startswith("--") and len(opt) > 2) and len(opt) != 2 for opt in param.opts):
            return None  # ``-name``: neither a long nor a short option
        if param.is_flag:
            if (
                type(param.type) is types.BoolParamType
                and param.default is False
                and param._depr_flag_value is True
            ):
                return "flag"
            return None
    kinds = {types.STRING: "text", types.INT: "int"}
    kind = kinds.get(param.type)
    if kind is None and type(param.type) is TyperPath:
        path = param.type
        defaults = (False, True, True, False, True, False, False, None)
        given = (path.exists, path.file_okay, path.dir_okay, path.writable, path.readable)
        given += (path.resolve_path, path.allow_dash, path.type)
        kind = "path" if given == defaults else None
    if kind is None:
        return None
    if param.param_type_name == "option":
        return f"{kind}*" if param.multiple else kind
    if param.nargs == -1:
        return f"{kind}..." if param.default is None else None
    return kind if param.nargs == 1 and not param.multiple else None


def settings_unknown(command: Any) -> bool:
    """Whether Click keeps an unknown option of ``command`` as an argument (``ignore_unknown_options``)."""
    return bool((command.context_settings or {}).get("ignore_unknown_options"))


def _command_entry(name: str, command: Any, group: Any) -> dict[str, Any] | None:
    import typer._click as click

    ctx = click.Context(command, info_name=name, parent=click.Context(group, info_name="tavoitteet"))
    settings = dict(command.context_settings or {})
    settings.pop("ignore_unknown_options", None)
    if (
        settings
        or command.get_help_option_names(ctx) != ["--help"]
        or command.allow_extra_args
        or not command.allow_interspersed_args
        or command.no_args_is_help
    ):
        return None
    options: dict[str, tuple[str, str]] = {}
    arguments: list[tuple[str, str]] = []
    defaults: dict[str, Any] = {}
    required: list[str] = []
    for param in command.params:
        kind = _kind(param)
        if kind is None:
            return None
        if kind.endswith(("*", "...")) and param.default is not None:
            return None
        defaults[param.name] = param.default
        if param.required:
            required.append(param.name)
        if param.param_type_name == "argument":
            arguments.append((param.name, kind))
        else:
            options.update((opt, (param.name, kind)) for opt in param.opts)
    if settings_unknown(command) and any(not opt.startswith("--") for opt in options):
        return None  # an unknown -x beside short options: Click shares its letters out in a way of its own
    if any(kind.endswith("...") for _, kind in arguments) and len(arguments) != 1:
        return None  # a variable argument beside others: Click shares the words out in a way of its own
    return {
        "options": options,
        "arguments": arguments,
        "defaults": defaults,
        "required": required,
        "unknown_as_arguments": settings_unknown(command),
    }


def generated_table() -> str:
    import typer.main

    from tavoitteet.cli import app

    group = typer.main.get_command(app)
    # the options before the command stop at its name; no settings that read the environment
    assert not group.invoke_without_command and not group.allow_interspersed_args
    assert not group.context_settings, group.context_settings
    group_options: dict[str, tuple[str, str] | None] = {}
    for param in group.params:
        kind = _kind(param)
        for opt in [*param.opts, *param.secondary_opts]:
            group_options[opt] = None if kind is None else (param.name, kind)
    entries = {}
    for name, command in sorted(group.commands.items()):  # type: ignore[attr-defined]
        entry = _command_entry(name, command, group)
        if entry is not None:
            entries[name] = entry

    def table(field: str) -> dict[str, Any]:
        return {name: entry[field] for name, entry in entries.items()}

    unknown = sorted(name for name, entry in entries.items() if entry["unknown_as_arguments"])
    return (
        f"{HEADER}"
        f"GROUP_OPTIONS: dict[str, tuple[str, str] | None] = {group_options!r}\n"
        '"""the options before the command; None: one the fast parser leaves to Typer"""\n'
        f"OPTIONS: dict[str, dict[str, tuple[str, str]]] = {table('options')!r}\n"
        '"""each command\'s options: the parameter each sets, and its kind"""\n'
        f"ARGUMENTS: dict[str, list[tuple[str, str]]] = {table('arguments')!r}\n"
        f"DEFAULTS: dict[str, dict[str, object]] = {table('defaults')!r}\n"
        '"""what Typer passes for a parameter not given"""\n'
        f"REQUIRED: dict[str, list[str]] = {table('required')!r}\n"
        f"UNKNOWN_AS_ARGUMENTS: list[str] = {unknown!r}\n"
        '"""commands where an unknown ``-x`` word is an argument (``record ID -3``: Click\'s ignore_unknown_options)"""\n'
    )
