"""The status view as a committee reads it: one layout, whole words, depths, a pager, one language per page.

Golden outputs at 80, 120 and 200 columns, with and without colour, in
Finnish and English live in tests/golden/layout/; after an intended change,
``UPDATE_GOLDEN=1 pytest tests/test_status_layout.py`` writes them again.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, FIXTURES, invoke, run_process, wait_for

GOLDEN = Path(__file__).resolve().parent / "golden" / "layout"
STATUS_DATA = FIXTURES / "status" / "data"
AFTER_2024 = "1.2.2025"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
STATUS_WORDS = {
    "fi": ["osittain toteutunut", "ei toteutunut", "ei arvioitu", "ei sovellu", "toteutunut", "raportoitu"],
    "en": ["partly met", "not met", "not assessed", "not applicable", "met", "reported"],
}


def status(
    *args: str, columns: int = 80, colour: bool = False, data: Path = STATUS_DATA
) -> tuple[int, str, str]:
    """``tavoitteet status`` at a width, in colour or not; the environment is as before afterwards."""
    saved = {name: os.environ.get(name) for name in ("COLUMNS", "NO_COLOR", "FORCE_COLOR")}
    os.environ["COLUMNS"] = str(columns)
    if colour:
        os.environ.pop("NO_COLOR", None)
        os.environ["FORCE_COLOR"] = "1"
    try:
        return invoke(["status", *args, "--data", str(data)])
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("colour", [False, True], ids=["plain", "colour"])
@pytest.mark.parametrize("columns", [80, 120, 200])
def test_golden_layouts(columns: int, colour: bool, lang: str) -> None:
    code, out, err = status("2024", "--as-of", AFTER_2024, "--lang", lang, columns=columns, colour=colour)
    assert code == 0, err
    assert ("\x1b[" in out) is colour
    plain = ANSI.sub("", out)
    lines = plain.splitlines()
    assert all(len(line) <= columns for line in lines), "every line fits the terminal"
    assert all(line == line.rstrip() for line in lines), "no line ends in spaces"
    check_golden(f"status-{columns}-{'colour' if colour else 'plain'}-{lang}.txt", out)


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("columns", [80, 120, 200])
def test_status_words_never_wrap(columns: int, lang: str) -> None:
    _, out, _ = status("2024", "--as-of", AFTER_2024, "--lang", lang, columns=columns)
    table = out.split("┌")[0]
    for line in table.splitlines():
        last = line.rstrip().rsplit("  ", 1)[-1].strip().rstrip("¹²³")
        if line.startswith(("•", "  ")) or last in STATUS_WORDS[lang]:
            continue
        # a line of the table that is no indicator's first line holds no part of a status word
        first_words = [w.split()[0] for w in STATUS_WORDS[lang] if " " in w]
        assert not any(line.rstrip().endswith(f"  {w}") for w in first_words), line


@pytest.mark.parametrize("columns", [40, 50, 60, 70])
def test_a_narrow_terminal_stacks_each_indicator_and_still_fits(columns: int) -> None:
    code, out, _ = status("2024", "--as-of", AFTER_2024, columns=columns)
    lines = out.splitlines()
    assert code == 0 and all(len(line) <= columns for line in lines)
    assert all(line == line.rstrip() for line in lines)
    assert any(line.endswith("  osittain toteutunut") for line in lines), "status words whole on one line"
    assert "Käsin: Hankinta päätettiin" in " ".join(out.split())


def test_the_2024_data_fits_45_lines_at_80_columns_and_each_goal_on_one_line_fits_a_screen() -> None:
    code, out, _ = status("2024", "--as-of", "1.12.2026", data=DATA)
    assert code == 0 and len(out.splitlines()) <= 45
    code, out, _ = status("2024", "--as-of", "1.12.2026", "--depth", "goal", data=DATA)
    assert code == 0 and len(out.splitlines()) <= 24
    assert max(len(line) for line in out.splitlines()) <= 80


def test_the_target_shows_only_what_the_name_does_not_say() -> None:
    _, out, _ = status("2024", "--as-of", "1.12.2026", data=DATA)
    assert "Suunnitelmat päivitetty: kyllä/ei" not in " ".join(out.split())
    row = next(line for line in out.splitlines() if "Suunnitelmat päivitetty" in line)
    assert row.split() == ["•", "Suunnitelmat", "päivitetty", "kyllä/ei", "ei", "arvioitu¹"]
    assert "¹ toteumaa ei ole kirjattu" in out


def test_every_not_assessed_and_in_progress_has_a_reason() -> None:
    _, out, _ = status("2024", "--as-of", "1.6.2024", columns=120)
    marked = [line for line in out.splitlines() if re.search(r"(ei arvioitu|kesken)[¹²³⁴⁵]$", line)]
    unmarked = [
        line for line in out.splitlines() if re.search(r"(ei arvioitu|kesken)$", line) and "•" in line
    ]
    assert marked and unmarked == []
    assert "toteumaa ei ole vielä kirjattu" in out


@pytest.mark.parametrize(
    ("depth", "expected"),
    [
        ("committee", ["Testilautakunta 2024", "3        10  osittain toteutunut"]),
        ("area", ["Testilautakunta", "Kirjasto", "Liikunta", "Nuoriso"]),
        ("goal", ["Kirjasto kehittää…", "1 toteutunut,", "1 osittain toteutunut,", "1 raportoitu"]),
        ("tavoite", ["Liikuntaneuvonnan vahvistaminen."]),
    ],
)
def test_depths(depth: str, expected: list[str]) -> None:
    code, out, _ = status("2024", "--as-of", AFTER_2024, "--depth", depth)
    assert code == 0
    for text in expected:
        assert text in out
    assert "•" not in out and len(out.splitlines()) <= 24
    check_golden(f"depth-{depth}.txt", out)


def test_status_may_be_repeated() -> None:
    _, out, _ = status(
        "2024", "--as-of", AFTER_2024, "--status", "ei sovellu", "--status", "raportoitu", "--json"
    )
    assert '"musiikkipalvelut"' in out and '"osallistava-budjetointi"' in out
    assert '"liikuntaneuvonta"' not in out
    assert '"tila": "ei sovellu, raportoitu"' in out


# --- one broken file does not stop the others -------------------------------------------------


@pytest.fixture
def two_committees(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "2024"
    folder.mkdir(parents=True)
    shutil.copy(STATUS_DATA / "2024" / "testilautakunta.yaml", folder / "testilautakunta.yaml")
    (folder / "tekninen.yaml").write_text(
        "muoto: 1\nvuosi: 2024\nlautakunta: Tekninen lautakunta\n  rikki: [\n"
    )
    return tmp_path / "data"


@pytest.mark.parametrize("command", [["status", "2024"], ["report", "2024"]])
def test_a_broken_file_of_another_committee_is_named_and_the_view_goes_on(
    command: list[str], two_committees: Path
) -> None:
    code, out, err = invoke(
        [*command, "--committee", "testi", "--as-of", AFTER_2024, "--data", str(two_committees)]
    )
    assert code == 0, err
    assert "Testilautakunta" in out and "tekninen.yaml" in err and "jätetään pois" in err
    code, out, err = invoke([*command, "--as-of", AFTER_2024, "--data", str(two_committees)])
    assert code == 1 and out == "" and "tekninen.yaml" in err
    code, out, err = invoke([*command, "--committee", "tekninen", "--data", str(two_committees)])
    assert code == 1 and out == "" and "tekninen.yaml" in err


# --- the pager ------------------------------------------------------------------------------------


def _on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run ``python -m tavoitteet`` with stdout on a pseudo-terminal; what it wrote there."""
    import pty

    leader, follower = pty.openpty()
    inherited = {k: v for k, v in os.environ.items() if k not in ("PAGER", "TAVOITTEET_PAGER", "LESS")}
    environment = {**inherited, "COLUMNS": "80", "LINES": "10", "NO_COLOR": "1", **env}
    process = subprocess.Popen(
        [sys.executable, "-m", "tavoitteet", *args],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=environment,
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    process.wait()
    os.close(leader)
    assert process.returncode == 0
    return shown.decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize("variable", ["TAVOITTEET_PAGER", "PAGER"])
def test_a_long_view_on_a_terminal_goes_through_the_pager(variable: str, tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = (
        f"{sys.executable} -c \"import sys; open(sys.argv[1], 'wb').write(sys.stdin.buffer.read())\" {paged}"
    )
    env = {"TAVOITTEET_NO_CACHE": "1", variable: pager}
    shown = _on_a_terminal(["status", "2024", "--data", str(STATUS_DATA), "--as-of", AFTER_2024], env)
    wait_for(paged.exists, "the pager's copy")
    assert "Testilautakunta 2024" in paged.read_text(encoding="utf-8") and "Testilautakunta" not in shown


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_no_pager_and_empty_pager_write_straight_to_the_terminal(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"open(r'{paged}', 'w').write('x')\""
    args = ["status", "2024", "--data", str(STATUS_DATA), "--as-of", AFTER_2024]
    assert "Testilautakunta 2024" in _on_a_terminal([*args, "--no-pager"], {"TAVOITTEET_PAGER": pager})
    assert "Testilautakunta 2024" in _on_a_terminal(args, {"TAVOITTEET_PAGER": "cat"})
    assert not paged.exists()


def test_piped_output_never_goes_through_the_pager(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"open(r'{paged}', 'w').write('x')\""
    done = run_process(
        ["status", "2024", "--data", str(STATUS_DATA), "--as-of", AFTER_2024],
        env={"TAVOITTEET_PAGER": pager, "LINES": "5"},
    )
    assert done.returncode == 0 and "Testilautakunta 2024" in done.stdout and not paged.exists()


# --- Windows consoles -----------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["cp1252", "cp850"])
def test_every_symbol_has_an_ascii_fallback(encoding: str) -> None:
    environment = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": encoding, "COLUMNS": "80"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tavoitteet",
            "status",
            "2024",
            "--data",
            str(STATUS_DATA),
            "--as-of",
            AFTER_2024,
        ],
        capture_output=True,
        env=environment,
        check=False,
    )
    out = done.stdout.decode(encoding)
    assert done.returncode == 0
    assert "?" not in out, "nothing printed as a question mark"
    assert "- Musiikkitapahtumat" in out and "ei arvioitu 1)" in out and "1) arvo puuttuu" in out
    assert "Kirjasto kehittää" in out  # the letters of Finnish are in both code pages


# --- one language per page ------------------------------------------------------------------------

ENGLISH_WORDS = {
    "the", "and", "or", "of", "only", "this", "with", "from", "default", "required", "usage",
    "options", "arguments", "commands", "message", "exit", "year", "file", "goals", "language",
}  # fmt: skip
FINNISH_WORDS = {
    "ja", "tai", "vain", "tämä", "tämän", "oletus", "käyttö", "valinnat", "argumentit", "komennot",
    "näytä", "ohje", "vuosi", "tiedosto", "kieli", "lopeta", "pakollinen", "valinta", "mittari",
}  # fmt: skip


def _commands() -> list[str]:
    from typer.main import get_command

    from tavoitteet.cli import app

    group = get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("command", [None, *_commands()])
def test_every_help_page_is_in_one_language(command: str | None, lang: str) -> None:
    code, out, err = invoke([*([command] if command else []), "--help", "--lang", lang])
    assert code == 0, err
    words = {w.strip(".,:;()[]'\"").casefold() for w in out.split()}
    other = (FINNISH_WORDS if lang == "en" else ENGLISH_WORDS) & words
    assert other == set(), f"{command} --help --lang {lang}: {sorted(other)}"
    assert ("Käyttö:" in out) is (lang == "fi") and ("Usage:" in out) is (lang == "en")
    assert "<str>" not in out and "{" not in out


def test_an_english_locale_gives_english_help(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    code, out, _ = invoke(["status", "--help"])
    assert code == 0 and "Usage:" in out and "Only this committee" in out and "Vain" not in out


def test_the_top_level_lang_reaches_the_command() -> None:
    code, out, _ = invoke(
        ["--lang", "en", "status", "2024", "--data", str(STATUS_DATA), "--as-of", AFTER_2024]
    )
    assert code == 0 and "partly met" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["status", "--lang", "fr"], "--lang fr: kieltä ei ole tarjolla; valitse fi tai en"),
        (["status", "--lang", "sv"], "--lang sv: ruotsi on tarjolla vain raporteissa"),
    ],
)
def test_a_language_not_offered_is_an_error_that_says_so(args: list[str], expected: str) -> None:
    code, out, err = invoke(args)
    assert (code, out) == (2, "") and expected in err


def test_swedish_is_offered_by_the_report() -> None:
    code, out, _ = invoke(
        ["report", "2024", "--lang", "sv", "--data", str(STATUS_DATA), "--as-of", AFTER_2024]
    )
    assert code == 0 and "uppnått" in out


# --- the wrapping rule, for any text ------------------------------------------------------------

from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WORDS = st.lists(st.text(alphabet="abcäöxyz/-,.0123456789", min_size=1, max_size=30), min_size=0, max_size=25)


@settings(deadline=None)  # the first example imports the renderer
@given(WORDS, st.integers(min_value=1, max_value=60))
@example(["0", "000"], 1)
@example(["0", "000"], 4)  # a number's groups stay together only while the number fits
def test_wrapping_breaks_between_words_and_keeps_every_word(words: list[str], width: int) -> None:
    from tavoitteet.render.status import wrap

    text = " ".join(words)
    lines = wrap(text, width)
    assert "".join("".join(lines).split()) == "".join(text.split()), "nothing lost, nothing added"
    for line in lines:
        assert line == line.strip()
        # a line longer than the width is only ever a piece of one word
        assert len(line) <= width or " " not in line
    if all(len(w) <= width for w in words):
        assert all(len(line) <= width for line in lines)
        assert [w for line in lines for w in line.split()] == [w for w in text.split()], "words stay whole"


def test_the_views_share_one_declaration_of_their_options() -> None:
    from typer.main import get_command

    from tavoitteet import cli

    group = get_command(cli.app)
    views = ("status", "list", "show", "report")
    for name in ("committee", "as_of", "data"):
        declared = {
            (param.opts[0], param.help, param.metavar)  # type: ignore[attr-defined]
            for view in views
            for param in group.commands[view].params  # type: ignore[attr-defined]
            if param.name == name
        }
        assert len(declared) == 1, f"--{name} is declared differently: {declared}"
    assert set(cli.VIEW_OPTIONS) <= set(cli.SHARED)
