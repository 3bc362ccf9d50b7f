"""The README is for the people who use the tool: Finnish, set-up that works on Windows as typed,
developer material elsewhere."""

from __future__ import annotations

import re

from conftest import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def code_blocks(text: str) -> list[str]:
    return re.findall(r"```[a-z]*\n(.*?)```", text, re.DOTALL)


def section(title: str) -> str:
    start = README.index(title)
    end = README.find("\n#", start + len(title))
    return README[start : end if end != -1 else None]


def test_no_command_is_continued_with_a_backslash() -> None:
    """cmd and PowerShell do not continue a line with ``\\``."""
    for block in code_blocks(README):
        assert not any(line.rstrip().endswith("\\") for line in block.splitlines()), block


def test_the_windows_steps_are_one_powershell_safe_command_a_line() -> None:
    windows = section("### Windows vaihe vaiheelta")
    (block,) = code_blocks(windows)
    assert block.splitlines() == [
        "py -m venv .venv",
        ".venv\\Scripts\\activate",
        "python -m pip install .",
        "tavoitteet status 2024",
    ]
    assert "&&" not in block
    assert "python.org" in windows and "Add python.exe to PATH" in windows


def test_linux_and_macos_use_a_venv_and_the_ways_to_get_the_tool_are_named() -> None:
    unix = section("### Linux ja macOS")
    assert "python3 -m venv .venv" in unix and ". .venv/bin/activate" in unix
    for way in (
        "pipx install tavoitteet",
        "git clone https://github.com/tavoitteet/tavoitteet.git",
        "Download ZIP",
    ):
        assert way in README, way


def test_developer_material_lives_in_contributing_and_docs() -> None:
    contributing = (REPO_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "benchmarks/run.py" not in README and "UPDATE_GOLDEN" not in README
    assert "benchmarks/run.py" in contributing and "UPDATE_GOLDEN" in contributing
    assert "| `tavoitteet --help` |" in (REPO_ROOT / "docs" / "suorituskyky.md").read_text(encoding="utf-8")
    assert "(CONTRIBUTING.md)" in README
