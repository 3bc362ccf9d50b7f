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
