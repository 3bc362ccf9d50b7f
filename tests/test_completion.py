"""Shell completion as a user gets it: ``--show-completion`` and ``--install-completion`` for bash,
zsh, fish and PowerShell, and values (years, committees, areas, ids, statuses) from the data folder,
completed by a real bash where one is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, invoke


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ``tavoitteet`` script like the one pip installs, running this checkout's code."""
    folder = tmp_path_factory.mktemp("bin")
    script = folder / "tavoitteet"
    script.write_text(
        f"#!{sys.executable}\nimport sys\nfrom tavoitteet.launch import main\nsys.exit(main())\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


def complete(program: Path, words: str, cwd: Path = DATA.parent, **env: str) -> list[str]:
    """What the bash completion function receives for the command line ``words`` (the cursor at its end)."""
    parts = words.split(" ")
    environment = {
        **os.environ,
        "_TAVOITTEET_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(parts) - 1),
        **env,
    }
    done = subprocess.run(
        [str(program)], cwd=cwd, env=environment, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return [line for line in done.stdout.splitlines() if line]


def test_commands_and_options_complete(program: Path) -> None:
    assert complete(program, "tavoitteet st") == ["status"]
    assert {"init", "validate", "record", "report"} <= set(complete(program, "tavoitteet "))
    assert "--committee" in complete(program, "tavoitteet status --c")


def test_years_committees_and_areas_come_from_the_data_folder(program: Path) -> None:
    assert complete(program, "tavoitteet status ") == ["2024", "2021"]
    assert complete(program, "tavoitteet report 202") == ["2024", "2021"]
    assert complete(program, "tavoitteet status --committee Hyv") == ["Hyvinvointilautakunta"]
    assert complete(program, "tavoitteet status --committee hyv") == ["hyvinvointilautakunta"]  # as typed
    assert complete(program, "tavoitteet status 2024 --area kir") == ["kirjastopalvelut"]
    assert complete(program, "tavoitteet status 2021 --area kir") == ["kirjastotoimi"]


def test_goal_and_indicator_ids_complete_for_show_and_record(program: Path) -> None:
    assert complete(program, "tavoitteet show --year 2024 puisto") == ["puistoruokailu"]
    recordable = complete(program, "tavoitteet record ")
    assert "puistoruokailu" in recordable
    shown = complete(program, "tavoitteet show ")
    assert set(recordable) < set(shown)  # show also knows the goals


def test_fixed_values_complete_in_finnish(program: Path) -> None:
    assert complete(program, "tavoitteet status --status ei") == [
        "ei toteutunut",
        "ei arvioitu",
        "ei sovellu",
    ]
    assert complete(program, "tavoitteet report 2024 --lang s") == ["sv"]


def test_a_broken_file_or_no_data_folder_completes_what_it_can(program: Path, tmp_path: Path) -> None:
    assert (
        invoke(
            ["init", str(tmp_path / "repo"), "--kunta", "K", "--lautakunta", "Sivistys", "--vuosi", "2025"]
        )[0]
        == 0
    )
    (tmp_path / "repo" / "data" / "2025" / "rikki.yaml").write_text("lautakunta: [\n", encoding="utf-8")
    assert complete(program, "tavoitteet status --committee ", cwd=tmp_path / "repo") == ["Sivistys"]
    assert complete(program, "tavoitteet status ", cwd=tmp_path) == []
    assert complete(program, "tavoitteet status --data repo/data --area ", cwd=tmp_path) == ["tehtavaalue"]


def test_completing_reads_no_models(program: Path) -> None:
    """A Tab must stay fast: completing values loads neither pydantic nor the models."""
    code = (
        "import os, sys\n"
        "sys.argv = ['tavoitteet']\n"
        "from tavoitteet.launch import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pydantic', 'tavoitteet.core.model', 'rich') if m in sys.modules), file=sys.stderr)\n"
    )
    env = {
        **os.environ,
        "_TAVOITTEET_COMPLETE": "complete_bash",
        "COMP_WORDS": "tavoitteet show ",
        "COMP_CWORD": "2",
    }
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=DATA.parent, env=env, capture_output=True, text=True, check=False
    )
    assert "puistoruokailu" in done.stdout
    assert done.stderr.strip() == "[]"


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o default -F _tavoitteet_completion tavoitteet"),
        ("zsh", "compdef _tavoitteet_completion tavoitteet"),
        ("fish", "complete --command tavoitteet"),
        ("powershell", "Register-ArgumentCompleter -Native -CommandName tavoitteet"),
        ("pwsh", "Register-ArgumentCompleter -Native -CommandName tavoitteet"),
    ],
)
def test_show_completion_prints_the_script_of_each_shell(program: Path, shell: str, marker: str) -> None:
    # the shell named on the command line rather than detected from the parent processes
    env = {**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    done = subprocess.run(
        [str(program), "--show-completion", shell], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert marker in done.stdout and "_TAVOITTEET_COMPLETE" in done.stdout


@pytest.mark.parametrize(
    ("shell", "script", "rc"),
    [
        ("bash", ".bash_completions/tavoitteet.sh", ".bashrc"),
        ("zsh", ".zfunc/_tavoitteet", ".zshrc"),  # .zshrc adds ~/.zfunc to fpath
        ("fish", ".config/fish/completions/tavoitteet.fish", None),
    ],
)
def test_install_completion_writes_the_script_where_the_shell_reads_it(
    program: Path, tmp_path: Path, shell: str, script: str, rc: str | None
) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    done = subprocess.run(
        [str(program), "--install-completion", shell], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "_TAVOITTEET_COMPLETE" in (tmp_path / script).read_text(encoding="utf-8")
    if rc is not None:
        assert Path(script).parts[0] in (tmp_path / rc).read_text(encoding="utf-8")


def test_a_real_bash_completes_with_the_installed_script(program: Path) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    env = {**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    script = subprocess.run(
        [str(program), "--show-completion", "bash"], env=env, capture_output=True, text=True, check=True
    )
    session = (
        f'PATH="{program.parent}:$PATH"\n'
        f"{script.stdout}\n"
        "COMP_WORDS=(tavoitteet status --area kir); COMP_CWORD=3\n"
        "_tavoitteet_completion tavoitteet\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(
        [bash, "--norc", "-c", session], cwd=DATA.parent, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["kirjastotoimi", "kirjastopalvelut"]


# --- the fast path (completion.fast_complete) gives what Typer gives, without loading Typer -------

TABLE = Path(__file__).resolve().parent.parent / "src" / "tavoitteet" / "completetable.py"
TABLE_HEADER = '''"""Each command's options and arguments with the function that completes their values.

Generated from the Typer app: ``UPDATE_GOLDEN=1 python -m pytest tests/test_completion.py``
writes it again, and that test fails whenever it differs from the app.  ``completion.FLAG``
marks an option without a value, ``None`` a value without a completer.
"""

'''


def generated_table() -> str:
    import inspect

    import typer.main

    from tavoitteet.cli import app
    from tavoitteet.completion import FLAG

    group = typer.main.get_command(app)
    options: dict[str, dict[str, str | None]] = {}
    arguments: dict[str, list[str | None]] = {}

    def completer(param: object) -> str | None:
        compat = getattr(param, "_custom_shell_complete", None)
        if compat is None:
            return None
        wrapper = inspect.getclosurevars(compat).nonlocals["autocompletion"]
        function = getattr(wrapper, "__wrapped__", wrapper)
        assert function.__module__ == "tavoitteet.completion", function
        return str(function.__name__)

    for name, command in sorted(group.commands.items()):  # type: ignore[attr-defined]
        options[name], arguments[name] = {}, []
        for param in command.params:
            if param.param_type_name == "argument":
                arguments[name].append(completer(param))
                continue
            kind = FLAG if param.is_flag or param.count else completer(param)
            for opt in [*param.opts, *param.secondary_opts]:
                options[name][opt] = kind
        options[name]["--help"] = FLAG
    return (
        f"{TABLE_HEADER}OPTIONS: dict[str, dict[str, str | None]] = {options!r}\n"
        f"ARGUMENTS: dict[str, list[str | None]] = {arguments!r}\n"
    )


def test_the_stored_table_is_the_apps() -> None:
    expected = generated_table()
    if os.environ.get("UPDATE_GOLDEN") == "1":
        TABLE.write_text(expected, encoding="utf-8")
        subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(TABLE)], check=False)
        pytest.skip("completetable.py written again")
    from tavoitteet import completetable

    namespace: dict[str, object] = {}
    exec(expected.split('"""', 2)[2], namespace)
    assert (
        namespace["OPTIONS"],
        namespace["ARGUMENTS"],
    ) == (completetable.OPTIONS, completetable.ARGUMENTS), (
        "the options changed: run UPDATE_GOLDEN=1 python -m pytest tests/test_completion.py"
    )


LINES = [
    "tavoitteet status ",
    "tavoitteet status 20",
    "tavoitteet status 2024 --area kir",
    "tavoitteet status --json --committee Hyv",
    "tavoitteet status --committee hyv",
    "tavoitteet list 2021 --spearhead ",
    "tavoitteet show --year 2024 puisto",
    "tavoitteet show ",
    "tavoitteet record ",
    "tavoitteet record --year 2021 ",
    "tavoitteet report 2024 --lang ",
    "tavoitteet report ",
    "tavoitteet compare 2021 ",
    "tavoitteet history ",
    "tavoitteet new 2025 --from ",
    "tavoitteet status --status ei",
    "tavoitteet status --data data --area n",
    "tavoitteet status --area zzz",
]


def _environments(line: str) -> dict[str, dict[str, str]]:
    words = line.split(" ")
    incomplete = words[-1]
    return {
        "bash": {
            "_TAVOITTEET_COMPLETE": "complete_bash",
            "COMP_WORDS": line,
            "COMP_CWORD": str(len(words) - 1),
        },
        "zsh": {"_TAVOITTEET_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line},
        "fish": {
            "_TAVOITTEET_COMPLETE": "complete_fish",
            "_TYPER_COMPLETE_ARGS": line,
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        },
        "fish-is-args": {
            "_TAVOITTEET_COMPLETE": "complete_fish",
            "_TYPER_COMPLETE_ARGS": line,
            "_TYPER_COMPLETE_FISH_ACTION": "is-args",
        },
        "powershell": {
            "_TAVOITTEET_COMPLETE": "complete_powershell",
            "_TYPER_COMPLETE_ARGS": line,
            "_TYPER_COMPLETE_WORD_TO_COMPLETE": incomplete,
        },
    }


def typer_answer(env: dict[str, str]) -> tuple[str, int]:
    """Typer's own completion, in this process (the environment set only while it runs)."""
    from typer.testing import CliRunner

    from tavoitteet.cli import app

    previous = Path.cwd()
    os.chdir(DATA.parent)
    try:
        result = CliRunner().invoke(app, [], env=env, prog_name="tavoitteet")
    finally:
        os.chdir(previous)
    return result.stdout, result.exit_code


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "fish-is-args", "powershell"])
def test_the_fast_path_answers_as_typer_does(shell: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from tavoitteet.completion import fast_complete

    monkeypatch.chdir(DATA.parent)
    for line in LINES:
        env = _environments(line)[shell]
        assert fast_complete(env) == typer_answer(env), line


def test_the_fast_path_loads_no_typer() -> None:
    code = (
        "import sys\nsys.argv = ['tavoitteet']\nfrom tavoitteet.launch import main\n"
        "try:\n    main()\nfinally:\n    sys.stderr.write(str(sorted(m for m in ('typer', 'pydantic', 'rich') if m in sys.modules)))\n"
    )
    for line in ("tavoitteet status 2024 --area kir", "tavoitteet show "):
        env = {**os.environ, **_environments(line)["zsh"]}
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=DATA.parent,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0 and done.stdout.startswith("_arguments"), done.stdout
        assert done.stderr == "[]", (line, done.stderr)


def test_what_the_fast_path_does_not_know_goes_to_typer() -> None:
    from tavoitteet.completion import fast_complete

    for line in (
        "tavoitteet st",
        "tavoitteet status --c",
        "tavoitteet status --format=",
        "tavoitteet validate ",
        "tavoitteet report 2024 --format ",
    ):
        assert fast_complete(_environments(line)["bash"]) is None, line
