"""The editor as officials use it: the real yaml-language-server (what VS Code's YAML extension runs)
over stdio on a repository made by ``init``: the modeline finds the schema, a clean file has no
diagnostics, a broken one has them at the right lines, and completion and hover speak Finnish."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lsp import LanguageServer

from conftest import invoke
from realtools import node, npm_package


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ls") / "kunta"
    code, _, err = invoke(
        [
            "init",
            str(folder),
            "--kunta",
            "Esimerkkilä",
            "--lautakunta",
            "Sivistyslautakunta",
            "--vuosi",
            "2025",
        ]
    )
    assert code == 0, err
    return folder


@pytest.fixture(scope="module")
def server(request: pytest.FixtureRequest, repo: Path) -> Iterator[LanguageServer]:
    what = "the schema in the real YAML language server"
    package = npm_package(request, "yaml-language-server", what)
    settings = {"yaml": {"validate": True, "hover": True, "completion": True, "format": {"enable": False}}}
    ls = LanguageServer(
        [node(request, what), str(package / "bin" / "yaml-language-server"), "--stdio"], settings
    )
    ls.request(
        "initialize",
        {
            "processId": None,
            "rootUri": repo.as_uri(),
            "workspaceFolders": [{"uri": repo.as_uri(), "name": "kunta"}],
            "capabilities": {
                "workspace": {"configuration": True},
                "textDocument": {
                    "completion": {"completionItem": {"documentationFormat": ["markdown", "plaintext"]}},
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                    "publishDiagnostics": {},
                },
            },
        },
    )
    ls.notify("initialized", {})
    ls.notify("workspace/didChangeConfiguration", {"settings": settings})
    yield ls
    ls.close()


def write(repo: Path, name: str, text: str) -> Path:
    path = repo / "data" / "2025" / name
    path.write_text(text, encoding="utf-8")
    return path


def skeleton(repo: Path) -> str:
    return (repo / "data" / "2025" / "sivistyslautakunta.yaml").read_text(encoding="utf-8")


def text_of(contents: Any) -> str:
    if isinstance(contents, dict):
        return str(contents.get("value", ""))
    if isinstance(contents, list):
        return "\n".join(text_of(c) for c in contents)
    return str(contents)


def test_a_file_init_made_has_no_diagnostics(server: LanguageServer, repo: Path) -> None:
    assert server.open(repo / "data" / "2025" / "sivistyslautakunta.yaml") == []


def test_the_finnish_forms_the_tool_reads_are_clean_in_the_editor(server: LanguageServer, repo: Path) -> None:
    text = skeleton(repo).replace("vuosi: 2025", 'vuosi: "2025"').replace("sitova: ei", "sitova: KYLLÄ")
    assert server.open(write(repo, "muodot.yaml", text)) == []


def test_a_broken_file_has_diagnostics_at_the_broken_lines(server: LanguageServer, repo: Path) -> None:
    lines = skeleton(repo).splitlines()
    typo = next(i for i, line in enumerate(lines) if line.strip().startswith("otsikko:"))
    lines[typo] = lines[typo].replace("otsikko:", "otsikk:")
    wrong = next(i for i, line in enumerate(lines) if line.startswith("vuosi:"))
    lines[wrong] = "vuosi: kaksituhatta"
    diagnostics = server.open(write(repo, "rikki.yaml", "\n".join(lines) + "\n"))
    assert {d["range"]["start"]["line"] for d in diagnostics} >= {typo, wrong}, diagnostics
    assert all(d["range"]["start"]["line"] in (typo, wrong, typo - 1) for d in diagnostics), diagnostics


def test_completion_offers_the_finnish_keys_with_their_descriptions(
    server: LanguageServer, repo: Path
) -> None:
    text = skeleton(repo).replace("        sitova: ei\n", "        sitova: ei\n        \n")
    lines = text.splitlines()
    line = next(i for i, row in enumerate(lines) if row == "        ")
    path = write(repo, "taydennys.yaml", text)
    server.open(path)
    result = server.request(
        "textDocument/completion",
        {"textDocument": {"uri": path.as_uri()}, "position": {"line": line, "character": 8}},
    )
    items = result["items"] if isinstance(result, dict) else result
    labels = {item["label"] for item in items}
    assert {"vastuuhenkilö", "edistää_myös", "arviointisääntö", "teot"} <= labels, labels
    binding = next(item for item in items if item["label"] == "edeltäjä")
    described = text_of(binding.get("documentation", "")) + str(binding.get("detail", ""))
    assert "Edellisen vuoden" in described, binding


def test_hover_explains_a_key_in_finnish(server: LanguageServer, repo: Path) -> None:
    path = repo / "data" / "2025" / "sivistyslautakunta.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, row in enumerate(lines) if row.strip().startswith("sitova:"))
    column = lines[line].index("sitova") + 2
    result = server.request(
        "textDocument/hover",
        {"textDocument": {"uri": path.as_uri()}, "position": {"line": line, "character": column}},
    )
    assert result is not None
    assert "Onko tavoite sitova valtuustoon nähden" in text_of(result["contents"]), result
