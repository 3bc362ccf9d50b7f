"""What a goal text, a key or a file name can do to a terminal, to CI and to rich (issue 12)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hostile import goal_text, make_repo

from conftest import invoke

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
VIEWS = [["status", "2024"], ["list", "2024"], ["show", "mittari"], ["history", "2024"]]
ALL_FORMATS = [["validate"], ["validate", "--format", "json"], ["validate", "--format", "github"]]

# 6. Control characters from a file never reach output unescaped; every line from a file has our prefix.


@pytest.mark.parametrize("escape", ["\\e[2J", "\\a", "\\u202e", "\\e]0;otsikko\\a", "\\x9b31m", "\\r"])
def test_a_control_character_written_as_a_yaml_escape_is_refused_and_never_printed(
    tmp_path: Path, escape: str
) -> None:
    repo = make_repo(tmp_path, goal_text(title=f'"Tavoite {escape} loppu"'))
    for command in [*ALL_FORMATS, *VIEWS, ["report", "2024", "--format", "md"]]:
        code, out, err = invoke(command, cwd=repo)
        assert code == 1, (command, out, err)
        assert UNSAFE.search(out + err) is None, (command, out + err)
    code, out, _err = invoke(["validate"], cwd=repo)
    assert "T004" in out and "testilautakunta.yaml:9:" in out


def test_a_raw_bidirectional_override_in_the_file_is_refused(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, goal_text(title="Tavoite \u202eetsil\u202c"))
    code, out, _err = invoke(["validate"], cwd=repo)
    assert code == 1 and "U+202E" in out and "\u202e" not in out


def test_a_key_with_a_line_break_cannot_write_a_workflow_command(tmp_path: Path) -> None:
    extra = '            "huom\\n::error file=x::pwned\\n::stop-commands::abc": 1\n'
    repo = make_repo(tmp_path, goal_text(extra=extra))
    for command in ALL_FORMATS:
        code, out, _err = invoke(command, cwd=repo)
        assert code == 1
        assert not [line for line in out.splitlines() if line.lstrip().startswith("::") and "pwned" in line]
    code, out, _err = invoke(["validate", "--format", "github"], cwd=repo)
    assert all(line.startswith("::error file=") for line in out.splitlines()[:-1])


def test_a_value_with_line_breaks_in_a_message_stays_on_one_line(tmp_path: Path) -> None:
    entries = (
        '            toteuma:\n              - pvm: 1.2.2024\n                arvo: "x\\n::error::pwned"\n'
    )
    repo = make_repo(tmp_path, goal_text(extra=entries))
    code, out, _err = invoke(["validate"], cwd=repo)
    assert code == 1 and "T033" in out
    assert not [line for line in out.splitlines() if line.lstrip().startswith("::")]


def test_a_file_name_with_a_line_break_and_controls_is_printed_escaped(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    name = "x\n::error file=a::pwned\x1b[2J.yaml"
    (repo / "data" / "2024" / name).write_text("muoto: [1\n", encoding="utf-8")
    for command in ALL_FORMATS:
        code, out, err = invoke(command, cwd=repo)
        assert code == 1
        assert UNSAFE.search(out + err) is None
        own = "::error file=" if "github" in command else "\0"
        assert not [line for line in out.splitlines() if line.startswith("::") and not line.startswith(own)]
    code, out, _err = invoke(["validate"], cwd=repo)
    assert "x\\x0a::error file=a::pwned\\x1b[2J.yaml" in out


def test_a_relative_file_name_starting_with_two_colons_gets_our_prefix(tmp_path: Path) -> None:
    folder = tmp_path / "kansio"
    folder.mkdir()
    (folder / "::error file=x::pwned.yaml").write_text("muoto: [1\n", encoding="utf-8")
    code, out, _err = invoke(["validate", "::error file=x::pwned.yaml"], cwd=folder)
    assert code == 1
    assert not [line for line in out.splitlines() if line.startswith("::")]
    assert out.startswith("./::error")


def test_no_line_of_a_view_starts_a_workflow_command(tmp_path: Path) -> None:
    text = '"::error file=a::pwned ::stop-commands::x"'
    entry = f"            toteuma:\n              - pvm: 1.2.2024\n                arvo: kyllä\n                kommentti: {text}\n"
    repo = make_repo(tmp_path, goal_text(committee=text, area=text, title=text, target=text, extra=entry))
    for command in [*VIEWS, ["years"], ["compare", "2024", "2024"]]:
        code, out, err = invoke(command, cwd=repo)
        assert code == 0, (command, out, err)
        assert "pwned" in out
        assert not [line for line in out.splitlines() if line.lstrip().startswith("::")], (command, out)


def test_the_escaping_helpers_show_every_unsafe_character_visibly() -> None:
    from tavoitteet.core.safetext import escape_controls, one_line

    assert escape_controls("a\x1b[2Jb\tc\nd\u202e") == "a\\x1b[2Jb\tc\nd\\u202e"
    assert one_line("a\nb\tc\udcff") == "a\\x0ab\\x09c\\xff"
    assert one_line("tavallinen teksti ä") == "tavallinen teksti ä"


def test_an_error_message_with_an_argument_full_of_controls_is_escaped(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    code, out, err = invoke(["record", "\x1b]0;otsikko\x07", "kyllä"], cwd=repo)
    assert code in (1, 2) and UNSAFE.search(out + err) is None


# 7. Everything from a file is text, never rich markup, in every view; interactive record survives it.


@pytest.mark.parametrize(
    "text", ["[/]", "[huom] tärkeä", "[bold red]punainen[/bold red]", "[link=http://x]y"]
)
def test_markup_in_goal_texts_is_printed_as_written(tmp_path: Path, text: str) -> None:
    def quoted(prefix: str) -> str:
        return '"' + prefix + text + '"'

    entry = (
        "            toteuma:\n              - pvm: 1.2.2024\n                arvo: kyllä\n"
        f"                kommentti: {quoted('K')}\n"
    )
    texts = {"committee": quoted("L"), "area": quoted("A"), "title": quoted("T"), "target": quoted("M")}
    repo = make_repo(tmp_path, goal_text(**texts, extra=entry))
    shown = {"status": "ATMK", "list": "AT", "show": "TMK", "history": "K"}
    tag = text.split("]")[0] + "]"
    for command in VIEWS:
        code, out, err = invoke(command, cwd=repo)
        assert code == 0, (command, out, err)
        for prefix in shown[command[0]]:
            assert prefix + tag in out, (command, prefix, out)


def test_thousands_of_tags_in_one_target_print_as_text(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, goal_text(target='"' + "[b]x" * 8000 + '"'))
    code, out, _err = invoke(["status", "2024"], cwd=repo)
    assert code == 0 and "[b]x[b]" in out


def test_interactive_record_with_markup_in_the_texts_saves_and_says_so(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, goal_text(committee='"[/]"', area='"[huom]"', title='"[/]"', target='"[/x]"'))
    import os

    from typer.testing import CliRunner

    from tavoitteet.cli import app

    previous = Path.cwd()
    os.chdir(repo)
    try:
        result = CliRunner().invoke(
            app, ["record", "--year", "2024"], input="kyllä\n\n\n\n[/] kommentti\nk\n"
        )
    finally:
        os.chdir(previous)
    assert result.exit_code == 0, result.output
    assert "Tallennettu 1 kirjaus." in result.stderr
    assert "[/] kommentti" in (repo / "data" / "2024" / "testilautakunta.yaml").read_text(encoding="utf-8")


# 13. Keys and ids are read in NFC, and a clash of forms is explained.


def test_a_key_typed_in_decomposed_form_is_the_same_key(tmp_path: Path) -> None:
    decomposed = "tehta\u0308va\u0308alueet"
    repo = make_repo(tmp_path, goal_text().replace("tehtäväalueet", decomposed))
    code, out, _err = invoke(["validate"], cwd=repo)
    assert code == 0, out
    assert invoke(["status", "2024"], cwd=repo)[0] == 0


def test_a_key_in_both_forms_is_a_duplicate_and_the_message_says_why(tmp_path: Path) -> None:
    text = goal_text().replace(
        "lautakunta: Testilautakunta", "lautakunta: Testilautakunta\nlähde: a\nla\u0308hde: b"
    )
    repo = make_repo(tmp_path, text)
    code, out, _err = invoke(["validate"], cwd=repo)
    assert code == 1 and "T011" in out and "Unicode" in out
