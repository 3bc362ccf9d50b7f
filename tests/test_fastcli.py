"""The everyday command lines run without Typer, and make the very call Typer makes (issue 19).

:mod:`tavoitteet.fastcli` parses the command lines of the common commands with a table generated
from the Typer app (:mod:`tavoitteet.parsetable`).  Here every line goes through both: Typer
(``cli.app``, with Click's own parsing) and the fast parser, with the command bodies in
``commands/*.py`` replaced by recorders; wherever the fast parser takes a line, the body must be
called with the same arguments, handed the same language, or fail with the same message.  A line
it does not take goes to Typer, so what Typer prints for it is Typer's.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fastcli_table import TABLE, generated_table
from tavoitteet import cli, errors, fastcli, parsetable

from conftest import DATA, REPO_ROOT

RUNS = {
    "status": "status",
    "list_goals": "list",
    "show": "show",
    "years": "years",
    "history": "history",
    "compare": "compare",
    "validate": "validate",
    "missing": "missing",
    "record": "record",
    "formread": "record --from",
    "assess": "assess",
    "report": "report",
    "site": "site",
    "schema": "schema",
    "form": "form",
}
"""the command modules whose ``run`` the bodies call"""


def test_the_stored_table_is_the_apps() -> None:
    expected = generated_table()
    if os.environ.get("UPDATE_GOLDEN") == "1":
        TABLE.write_text(expected, encoding="utf-8")
        subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(TABLE)], check=False)
        pytest.skip("parsetable.py written again")
    namespace: dict[str, object] = {}
    exec(expected.split('"""', 2)[2], namespace)
    stored = {name: getattr(parsetable, name) for name in namespace if name.isupper()}
    assert {name: namespace[name] for name in stored} == stored, (
        "the options changed: run UPDATE_GOLDEN=1 python -m pytest tests/test_fastcli.py"
    )


def test_every_command_parsed_here_is_in_the_table_with_the_parameters_its_body_takes() -> None:
    for command, (_, parameters) in fastcli.BODIES.items():
        assert command in parsetable.OPTIONS, f"{command}: Typer parses something of it in a way of its own"
        assert set(parsetable.DEFAULTS[command]) == set(parameters), command


# --- both parsers, the bodies recorded --------------------------------------------------------------


@contextmanager
def recorded() -> Iterator[list[Any]]:
    """Every command body's call (module, arguments) and the language handed to ``guarded``."""
    calls: list[Any] = []

    def recorder(name: str) -> Any:
        def run(*args: Any, **kwargs: Any) -> int:
            calls.append(("run", name, args, kwargs))
            return 0

        return run

    def guarded(action: Any, lang: str | None = None) -> None:
        calls.append(("guarded", lang))
        try:
            action()
        except errors.UserError as error:
            calls.append(("error", error.message, error.exit_code))
        raise SystemExit(0)

    import importlib

    patches = [
        mock.patch.object(importlib.import_module(f"tavoitteet.commands.{module}"), "run", recorder(module))
        for module in RUNS
    ]
    patches.append(mock.patch.object(cli, "guarded", guarded))
    for patch in patches:
        patch.start()
    try:
        yield calls
    finally:
        for patch in reversed(patches):
            patch.stop()


def typer_call(argv: list[str]) -> list[Any]:
    """What Typer's parsing of ``argv`` leads to: the body's call, or Typer's own exit code."""
    with recorded() as calls:
        try:
            cli.app(argv, prog_name="tavoitteet")
        except SystemExit as stop:
            if not calls:
                return [("typer exit", stop.code)]
    return calls


def fast_call(argv: list[str]) -> list[Any] | None:
    """What the fast parser makes of ``argv``, or None when it leaves the line to Typer."""
    parsed = fastcli.parse(argv)
    if parsed is None:
        return None
    with recorded() as calls:
        body, lang = fastcli.prepare(*parsed)
        with pytest.raises(SystemExit):
            cli.guarded(body, lang)
    return calls


def check(argv: list[str]) -> bool:
    """The fast parser makes Typer's call of ``argv`` if it takes the line; whether it took it."""
    fast = fast_call(argv)
    if fast is None:
        return False
    assert fast == typer_call(argv), argv
    return True


LINES = [
    "status",
    "status 2024",
    "status 2021 --depth goal",
    "status 2024 --depth=mittari --json",
    "status 2024 --depth nonsense",
    "status --committee Hyvinvointilautakunta --area kirjastopalvelut 2024",
    "status 2024 --status toteutunut --status 'ei toteutunut' --spearhead k1",
    "status 2024 --kunta Esimerkkilä --assessor tarkastuslautakunta --as-of 30.6.2024 --no-pager",
    "status 2024 --municipality=Esimerkkilä --data data --lang en",
    "status 2024 --lang EN",
    "status --committee --json",
    "status --committee=--json --area -",
    "--lang en status 2024",
    "--lang=en status 2024 --lang fi",
    "--lang fi status 2024 --json --json",
    "list",
    "list 2024 --json --status kesken",
    "show puistoruokailu",
    "show puistoruokailu --year 2024 --committee hyv --json --as-of 1.1.2024",
    "show - --kunta X",
    "years --json",
    "years --data data",
    "history 2024 --limit 0 --json",
    "compare 2021 2024 --committee hyvinvointi --json",
    "validate",
    "validate data",
    "validate data/2024 data/2021 README.md --format json",
    "validate --format github --languages fi,sv",
    "validate --format nonsense",
    "validate --languages de",
    "validate missing-folder",
    "missing 2024 --format csv",
    "missing 2024 --format xml",
    "record",
    "record puistoruokailu",
    "record puistoruokailu kyllä",
    "record puistoruokailu -3",
    "record puistoruokailu -1,5 --comment 'Alle arvion.'",
    "record puistoruokailu 1 --comment -3 --by --json --source -",
    "record puistoruokailu 12 --date 10.10.2024 --by Nimi --source Raportti --year 2024",
    "record puistoruokailu ei-sovellu --correct --committee hyv --kunta K --area a --spearhead s",
    "record puistoruokailu --withdraw",
    "record --all --area kirjastopalvelut",
    "record x 5 --period 2023 --kind talousarvio",
    "record --from lomake.xlsx --partial",
    "record puistoruokailu --from data --year 2024",
    "record periaatteet-valmiit --level 'osittain toteutunut' --reason 'Luonnos käytössä.'",
    "assess tavoite-1 --text 'Hyvin meni.' --level toteutunut --reason R --by B --date 1.1.2025",
    "assess tavoite-1 --text T --assessor tarkastuslautakunta --year 2024 --data data",
    "report 2024",
    "report 2024 --format html --lang sv -o rapport-2024.html --landscape --columns all",
    "report 2024 --format csv --csv-dialect standard --committee hyv --status kesken --status toteutunut",
    "report 2024 --format pdf",
    "--lang sv report 2024",
    "status 2024 --committee report --lang sv",
    "site -o sivusto/ --languages fi,sv,en --as-of 31.12.2024",
    "site --output=sivusto",
    "schema --check",
    "schema -o skeema.json --lang en",
    "form 2024 -o lomake.xlsx --committee hyv --responsible Nimi --missing",
]
"""command lines the fast parser takes (each also goes through Typer)"""


@pytest.mark.parametrize("line", LINES)
def test_the_fast_parser_makes_typers_call(line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO_ROOT)
    assert check(shlex.split(line)), f"{line}: left to Typer"


def readme_lines() -> list[list[str]]:
    """The command lines of the README's examples."""
    lines = []
    for text in (REPO_ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        text = text.strip()
        if text.startswith("tavoitteet ") and not text.startswith("tavoitteet vuodelle"):
            lines.append(shlex.split(text.split("  #", 1)[0])[1:])
    return lines


def test_the_readme_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO_ROOT)
    lines = readme_lines()
    assert len(lines) > 20
    for argv in lines:
        taken = check(argv)
        assert taken == (argv[0] in fastcli.BODIES), argv


LEFT_TO_TYPER = [
    "",
    "--help",
    "--version",
    "--lang en",
    "status --help",
    "status 2024 --help",
    "status --bogus",
    "status -x",
    "status 20x",
    "status ２０２４",
    "status -- 2024",
    "status 2024 2025",
    "status --json=1",
    "status --committee",
    "status --committee --lang en",
    "status --lang sv",
    "status --lang xx",
    "--lang sv status",
    "--lang en status --lang de",
    "--version status",
    "--install-completion bash",
    "stat 2024",
    "report 2024 -oraportti.md",
    "report 2024 -o=raportti.md",
    "site",
    "schema -x",
    "import taulukko.xlsx",
    "status --lang sv --committee reports",
    "show",
    "show --year 2024",
    "compare 2021",
    "record x --typo",
    "record x --comment=--lang=en",
    "record x 1 --comment --help",
    "record x 1 2",
    "record x 1 --year=",
    "validate --format",
    "assess tavoite-1",
    "history --limit -1",
]
"""command lines the fast parser leaves to Typer: help, errors, what Click would read its own way"""


@pytest.mark.parametrize("line", LEFT_TO_TYPER)
def test_what_the_fast_parser_does_not_know_goes_to_typer(line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO_ROOT)
    assert fastcli.parse(shlex.split(line)) is None


def test_shell_completion_and_windows_expansion_go_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_TAVOITTEET_COMPLETE", "complete_bash")
    assert fastcli.run(["status", "2024"]) is False
    monkeypatch.delenv("_TAVOITTEET_COMPLETE")
    monkeypatch.setattr(fastcli.os, "name", "nt")  # Click expands ~, $VAR, %VAR% and wildcards on Windows
    for word in ("~/data", "$HOME", "%APPDATA%", "data/*", "data/202?", "[ab]"):
        assert fastcli.parse(["validate", word]) is None, word


# --- many command lines: every combination hypothesis finds --------------------------------------

GOOD = {
    "text": [
        *("x", "Hyvinvointilautakunta", "ei toteutunut", "2024", "a=b", "ääkkö", "goal", "mittari", "json"),
        *("github", "csv", "fi,sv", "puistoruokailu", "kyllä", "12,5", "lapset=1 nuoret=2", "", " ", "x\ty"),
        *("-", "-3", "--json", "--no-pager", "-x"),  # as an option's value, Click takes even these
    ],
    "int": ["2024", "2021", "0", "007", "20"],
    "path": ["data", "data/2024", "missing-folder", "README.md", "examples", "."],
    "lang": ["fi", "en", "EN", " En ", "FI"],
}
BAD = {
    "text": ["--lang", "--lang=fi", "--"],
    "int": ["20x", "", "-1", "+5", "1_000", "٣", "9" * 30, " 2024"],
    "path": ["", "-"],
    "lang": ["sv", "xx", "", "-"],
}
NOISE = ["--help", "--", "--bogus", "-x", "--json=1", "--lang", "--lang=sv", "--data=", "-3"]
GROUP = [["--lang", "en"], ["--lang=fi"], ["--lang", " En"], ["--lang", "sv"], ["--version"], ["--lang="]]


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    """A command line of a command parsed here: mostly good values, now and then one Click refuses."""
    command = draw(st.sampled_from(sorted(fastcli.BODIES)))
    options = parsetable.OPTIONS[command]

    def value(kind: str, word: bool = False) -> str:
        if draw(st.integers(0, 29)) == 0:
            return draw(st.sampled_from(BAD[kind]))
        return draw(st.sampled_from([v for v in GOOD[kind] if not (word and v.startswith("-"))]))

    pieces: list[list[str]] = []
    for name in draw(st.lists(st.sampled_from(sorted(options)), max_size=6)):
        parameter, kind = options[name]
        if kind == "flag":
            pieces.append([name])
            continue
        text = value("lang" if parameter == "lang" else kind.rstrip("*"))
        pieces.append([f"{name}={text}"] if draw(st.booleans()) else [name, text])
    arguments = parsetable.ARGUMENTS[command]
    wanted = len(arguments) + draw(st.sampled_from([0] * 8 + [-1, 1, 2]))
    for n in range(max(0, wanted)):
        kind = arguments[min(n, len(arguments) - 1)][1].removesuffix("...") if arguments else "text"
        pieces.append([value(kind, word=True)])
    if draw(st.integers(0, 11)) == 0:
        pieces.append([draw(st.sampled_from(NOISE))])
    order = draw(st.permutations(pieces))
    group = draw(st.sampled_from(GROUP)) if draw(st.integers(0, 3)) == 0 else []
    return [*group, command, *(word for piece in order for word in piece)]


@settings(max_examples=400)
@given(command_lines())
def test_any_command_line_the_fast_parser_takes_makes_typers_call(argv: list[str]) -> None:
    previous = Path.cwd()
    os.chdir(REPO_ROOT)
    try:
        check(argv)
    finally:
        os.chdir(previous)


# --- the real program: no Typer, and the same output ------------------------------------------------

PROBE = (
    "import sys\n"
    "sys.argv = ['tavoitteet', *sys.argv[1:]]\n"
    "from tavoitteet.launch import main\n"
    "try:\n    main()\n"
    "finally:\n"
    "    loaded = sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'click'})\n"
    "    sys.stderr.write(f'modules:{loaded}')\n"
)
THROUGH_TYPER = (
    "import sys\nsys.argv = ['tavoitteet', *sys.argv[1:]]\nfrom tavoitteet.cli import main\nmain()\n"
)


def _run(code: str, argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TAVOITTEET_NO_CACHE": "1"}  # the first run after a change: no cache at all
    return subprocess.run(
        [sys.executable, "-c", code, *argv], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    "line",
    [
        "status 2024",
        "status 2024 --depth goal --lang en",
        "list 2024 --json",
        "show puistoruokailu",
        "validate",
        "validate data/2024 --format json",
        "report 2024 --format md",
        "schema --check",
    ],
)
def test_a_cold_view_or_validate_imports_neither_typer_nor_click(line: str) -> None:
    fast = _run(PROBE, shlex.split(line), REPO_ROOT)
    shown, _, loaded = fast.stderr.rpartition("modules:")
    assert loaded == "[]", (line, fast.stderr)
    typer = _run(THROUGH_TYPER, shlex.split(line), REPO_ROOT)
    assert (fast.returncode, fast.stdout, shown) == (typer.returncode, typer.stdout, typer.stderr)


def test_a_cold_record_imports_neither_typer_nor_click(tmp_path: Path) -> None:
    """``record`` writes the same file and prints the same as through Typer, without loading it."""
    for name in ("fast", "typer"):
        shutil.copytree(REPO_ROOT / "examples", tmp_path / name)
    line = ["record", "hakeutuvien-palvelujen-asiakkuudet", "61", "--date", "1.12.2024", "--data"]
    fast = _run(PROBE, [*line, str(tmp_path / "fast")], tmp_path)
    shown, _, loaded = fast.stderr.rpartition("modules:")
    assert loaded == "[]", fast.stderr
    typer = _run(THROUGH_TYPER, [*line, str(tmp_path / "typer")], tmp_path)
    assert (fast.returncode, shown) == (typer.returncode, typer.stderr) and fast.returncode == 0, fast.stderr
    assert fast.stdout.replace("fast", "typer") == typer.stdout
    written = sorted(p.relative_to(tmp_path / "fast") for p in (tmp_path / "fast").rglob("*.yaml"))
    for path in written:
        assert (tmp_path / "fast" / path).read_bytes() == (tmp_path / "typer" / path).read_bytes(), path


@pytest.mark.parametrize(
    "line",
    [
        *(
            "status --bogus",
            "status 20x",
            "validate --format",
            "show",
            "status --lang sv",
            "--lang en list -x",
        ),
        *("status 2024 --depth nonsense", "validate --format nonsense --lang en"),  # the body's own errors
    ],
)
def test_a_mistake_is_worded_by_typer_as_before(line: str) -> None:
    fast = _run(PROBE, shlex.split(line), DATA.parent)
    shown, _, _ = fast.stderr.rpartition("modules:")
    typer = _run(THROUGH_TYPER, shlex.split(line), DATA.parent)
    assert fast.returncode == typer.returncode == 2, fast.stderr
    assert (fast.stdout, shown) == (typer.stdout, typer.stderr)
