"""``tavoitteet --help`` prints Typer's own help text, without loading Typer."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from tavoitteet import launch
from tavoitteet.cli import app

HELPTEXT = Path(launch.__file__).with_name("helptext.py")
HEADER = '''"""The top-level ``--help`` text as Typer prints it at 80 columns or more, in Finnish and English.

``USAGE[lang]`` comes before the program's name, ``AFTER_PROGRAM[lang]`` after it.

Generated: ``UPDATE_GOLDEN=1 python -m pytest tests/test_launch.py`` writes it
again, and that test fails whenever it differs from Typer's own output.
"""

'''


USAGE = {"fi": "Käyttö: ", "en": "Usage: "}


def typer_help(program: str, lang: str, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        app(["--help", "--lang", lang], prog_name=program)
    assert stopped.value.code == 0
    return capsys.readouterr().out


def _module_source(after_program: dict[str, str]) -> str:
    assert not any('"""' in text or "\\" in text for text in after_program.values())
    texts = "".join(f'    "{lang}": """{text}""",\n' for lang, text in after_program.items())
    usage = ", ".join(f'"{lang}": "{text}"' for lang, text in USAGE.items())
    return f"{HEADER}USAGE = {{{usage}}}\nAFTER_PROGRAM = {{\n{texts}}}\n"


@pytest.mark.parametrize("columns", ["80", "100", "250"])
def test_the_stored_help_is_what_typer_prints(
    columns: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    expected = {lang: typer_help("tavoitteet", lang, capsys) for lang in USAGE}
    if os.environ.get("UPDATE_GOLDEN") == "1":
        after = {lang: text.removeprefix(f"{USAGE[lang]}tavoitteet") for lang, text in expected.items()}
        HELPTEXT.write_text(_module_source(after), encoding="utf-8")
        pytest.skip("helptext.py written again")
    for lang, text in expected.items():
        assert launch.stored_help("tavoitteet", lang) == text, (
            "the commands changed: run UPDATE_GOLDEN=1 python -m pytest tests/test_launch.py"
        )


def _run(args: list[str], columns: str) -> subprocess.CompletedProcess[str]:
    """``python -m tavoitteet`` in a real process, reporting on stderr whether Typer was loaded."""
    code = (
        "import runpy, sys\n"
        "try:\n    runpy.run_module('tavoitteet', run_name='__main__', alter_sys=True)\n"
        "except SystemExit as stop:\n    code = stop.code\nelse:\n    code = 0\n"
        "sys.stderr.write('TYPER' if 'typer' in sys.modules else 'LEAN')\n"
        "sys.exit(code)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env={**os.environ, "COLUMNS": columns},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "lang", "start"),
    [
        (["--help"], "fi", "Käyttö: python -m tavoitteet [VALINNAT] KOMENTO"),
        (["--lang", "en", "--help"], "en", "Usage: python -m tavoitteet [OPTIONS] COMMAND"),
        (["--help", "--lang=en"], "en", "Usage: python -m tavoitteet [OPTIONS] COMMAND"),
    ],
)
def test_top_level_help_prints_without_typer(args: list[str], lang: str, start: str) -> None:
    done = _run(args, "100")
    assert (done.returncode, done.stderr) == (0, "LEAN")
    assert done.stdout == launch.stored_help("python -m tavoitteet", lang)
    assert done.stdout.startswith(start)


def test_version_prints_without_typer() -> None:
    from tavoitteet import __version__

    done = _run(["--version"], "100")
    assert (done.returncode, done.stderr, done.stdout) == (0, "LEAN", f"tavoitteet {__version__}\n")
    assert invoke_version() == f"tavoitteet {__version__}\n"


def invoke_version() -> str:
    from conftest import invoke

    code, out, _ = invoke(["--version"])
    assert code == 0
    return out


@pytest.mark.parametrize(
    ("args", "columns"),
    [(["--help"], "60"), (["status", "--help"], "100"), (["--help", "--lang", "fr"], "100")],
)
def test_other_help_goes_through_typer(args: list[str], columns: str) -> None:
    done = _run(args, columns)
    assert done.stderr.endswith("TYPER")
    assert done.returncode in (0, 2)


def test_a_narrow_terminal_gets_typers_narrow_help() -> None:
    done = _run(["--help"], "60")
    assert done.returncode == 0
    assert max(len(line) for line in done.stdout.splitlines()) <= 58
    assert "Käyttö: python -m tavoitteet" in done.stdout


@pytest.mark.parametrize(
    ("columns", "expected"), [("100", 100), ("80", 80), ("0", None), ("x", None), ("-5", None)]
)
def test_terminal_columns_follow_shutil(
    columns: str, expected: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    monkeypatch.setenv("COLUMNS", columns)
    assert launch.terminal_columns() == shutil.get_terminal_size().columns
    if expected is not None:
        assert launch.terminal_columns() == expected


@pytest.mark.parametrize("package", [None, "", "tavoitteet"])
@pytest.mark.parametrize("path", ["/usr/local/bin/tavoitteet", "tavoitteet", "/x/tavoitteet/__main__.py"])
def test_the_program_name_is_clicks(package: str | None, path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer._click.utils import _detect_program_name

    monkeypatch.setitem(sys.modules, "__main__", types.SimpleNamespace(__package__=package))
    monkeypatch.setattr(sys, "argv", [path, "--help"])
    assert launch.program_name() == _detect_program_name()
