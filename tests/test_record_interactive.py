"""Interactive `tavoitteet record` as a user meets it: a real pseudo-terminal, Finnish answers, an audit trail."""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tavoitteet.cli import app
from test_record import indicators

from conftest import DATA

ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
pty = pytest.importorskip("pty", reason="a pseudo-terminal needs a POSIX system")


class Terminal:
    """A command on a pseudo-terminal: wait for a text to appear, then type a line (like pexpect)."""

    def __init__(self, args: list[str], cwd: Path, env: dict[str, str]) -> None:
        self.master, slave = pty.openpty()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tavoitteet", *args],
            cwd=cwd,
            env=env,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            close_fds=True,
        )
        os.close(slave)
        self.seen = ""
        self.unread = ""

    def expect(self, text: str) -> str:
        """Everything printed up to and including ``text``; fails if the command ends first."""
        while text not in self.unread:
            ready, _, _ = select.select([self.master], [], [], 120)
            assert ready, f"never printed {text!r}; printed: {self.unread!r}"
            try:
                chunk = os.read(self.master, 4096).decode("utf-8", errors="replace")
            except OSError:  # the command ended and the terminal closed
                chunk = ""
            assert chunk, f"ended before printing {text!r}; printed: {self.unread!r}"
            plain = ESCAPES.sub("", chunk).replace("\r\n", "\n")
            self.unread += plain
            self.seen += plain
        before, _, after = self.unread.partition(text)
        self.unread = after
        return before + text

    def type(self, line: str) -> None:
        os.write(self.master, (line + "\r").encode())

    def finish(self) -> int:
        while True:
            try:
                chunk = os.read(self.master, 4096)
            except OSError:
                break
            if not chunk:
                break
            self.seen += ESCAPES.sub("", chunk.decode("utf-8", errors="replace")).replace("\r\n", "\n")
        code = self.process.wait(timeout=120)
        os.close(self.master)
        return code


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    return tmp_path


def environment(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "COLUMNS": "100", **extra}


def test_a_terminal_session_writes_the_date_recorder_and_source_and_remembers_the_recorder(
    repo: Path,
) -> None:
    terminal = Terminal(
        ["record", "--year", "2024", "--area", "nuoriso"],
        repo,
        environment(TAVOITTEET_KIRJAAJA="Oletus Nimi"),
    )
    shown = terminal.expect("Arvo")
    assert (
        "kesaajan-toivekysely" in shown
        and "Tavoitetaso:" in shown
        and "Edellinen kirjaus: ei kirjauksia" in shown
    )
    terminal.type("kyllä")
    terminal.expect("(31.12.2024)")
    terminal.type("30.12.2024")
    terminal.expect("Kirjaaja (Oletus Nimi)")
    terminal.type("Maija Meikäläinen")
    terminal.expect("Lähde")
    terminal.type("Nuorisopalvelujen kysely 12/2024")
    terminal.expect("Kommentti")
    terminal.type("Kysely tehty")
    terminal.expect("Kirjataanko")
    terminal.type("joo")
    terminal.expect("Vastaa k (kyllä) tai e (ei)")
    terminal.type("kyllä")
    terminal.expect("Kirjattu: kesaajan-toivekysely")
    terminal.expect("Arvo")
    terminal.type("ei")
    terminal.expect("Päivämäärä")
    terminal.type("")
    terminal.expect("Kirjaaja (Maija Meikäläinen)")  # remembered through the session
    terminal.type("q")
    assert terminal.finish() == 0
    assert "Please enter" not in terminal.seen and "Tallennettu 1 kirjaus." in terminal.seen
    assert indicators(repo)["kesaajan-toivekysely"]["toteuma"] == [
        {
            "pvm": "30.12.2024",
            "arvo": "kyllä",
            "kirjaaja": "Maija Meikäläinen",
            "lähde": "Nuorisopalvelujen kysely 12/2024",
            "kommentti": "Kysely tehty",
        }
    ]
    assert "toteuma" not in indicators(repo)["kyselyn-tulos-huomioitu"]


def test_a_date_outside_the_year_is_asked_again_with_what_to_do(repo: Path) -> None:
    terminal = Terminal(
        ["record", "--year", "2024", "--area", "nuoriso"], repo, environment(TAVOITTEET_KIRJAAJA="X")
    )
    terminal.expect("Arvo")
    terminal.type("kyllä")
    terminal.expect("Päivämäärä")
    terminal.type("1.6.2023")
    terminal.expect("--period 2023")
    terminal.expect("Päivämäärä")
    terminal.type("q")
    assert terminal.finish() == 0
    assert "toteuma" not in indicators(repo)["kesaajan-toivekysely"]


def walk(repo: Path, answers: str, *options: str) -> tuple[int, str, str]:
    previous = Path.cwd()
    os.chdir(repo)
    try:
        result = CliRunner(env={"TAVOITTEET_KIRJAAJA": "Testaaja"}).invoke(
            app, ["record", "--year", "2024", *options], input=answers, catch_exceptions=False
        )
    finally:
        os.chdir(previous)
    return result.exit_code, result.stdout, result.stderr


def test_all_goes_through_indicators_with_entries_too_and_shows_the_previous_entry(repo: Path) -> None:
    assert walk(repo, "kyllä\n20.12.2024\n\n\n\nk\nq\n", "--area", "nuoriso")[0] == 0
    code, out, _err = walk(repo, "q\n", "--area", "nuoriso")
    assert code == 0 and "kesaajan-toivekysely" not in out
    code, out, _err = walk(repo, "q\n", "--area", "nuoriso", "--all")
    assert code == 0 and "kesaajan-toivekysely" in out
    assert "Edellinen kirjaus: 20.12.2024 kyllä (Testaaja)" in out


def test_english_answers_in_english(repo: Path) -> None:
    code, out, _err = walk(repo, "yes\n\n\n\n\nmaybe\nn\n", "--area", "nuoriso", "--lang", "en")
    assert code == 0
    assert "Answer y (yes) or n (no); q quits." in out
    assert "toteuma" not in indicators(repo)["kesaajan-toivekysely"]


def test_the_recorder_defaults_to_git_user_name(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TAVOITTEET_KIRJAAJA", raising=False)
    git = shutil.which("git")
    if git is None:  # pragma: no cover - git is everywhere the tests run
        pytest.skip("git is not installed")
    subprocess.run([git, "init", "-q", str(repo)], check=True)
    subprocess.run([git, "-C", str(repo), "config", "user.name", "Gitin Käyttäjä"], check=True)
    previous = Path.cwd()
    os.chdir(repo)
    try:
        result = CliRunner().invoke(
            app,
            ["record", "--year", "2024", "--area", "nuoriso"],
            input="kyllä\n\n\n\n\nk\nq\n",
            catch_exceptions=False,
        )
    finally:
        os.chdir(previous)
    assert result.exit_code == 0, result.stderr
    assert indicators(repo)["kesaajan-toivekysely"]["toteuma"][0]["kirjaaja"] == "Gitin Käyttäjä"


def test_only_later_years_are_not_chosen_without_year(tmp_path: Path) -> None:
    later = date.today().year + 1
    target = tmp_path / "data" / str(later)
    target.mkdir(parents=True)
    text = (DATA / "2024" / "hyvinvointilautakunta.yaml").read_text(encoding="utf-8")
    (target / "hyvinvointilautakunta.yaml").write_text(
        text.replace("vuosi: 2024", f"vuosi: {later}"), encoding="utf-8"
    )
    previous = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(app, ["record"], input="q\n", catch_exceptions=False)
    finally:
        os.chdir(previous)
    assert result.exit_code == 2 and "--year" in result.stderr


def test_in_the_reporting_months_both_years_are_offered_and_later_only_the_latest(tmp_path: Path) -> None:
    from tavoitteet.commands.recordprompt import year_choices

    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    assert invoke_new(tmp_path) == 0
    root = tmp_path / "data"
    assert year_choices(root, date(2025, 1, 15)) == [2024, 2025]
    assert year_choices(root, date(2025, 3, 31)) == [2024, 2025]
    assert year_choices(root, date(2025, 4, 1)) == [2025]
    assert year_choices(root, date(2024, 6, 1)) == [2024]  # never next year's file by itself


def invoke_new(tmp_path: Path) -> int:
    from conftest import invoke

    return invoke(["new", "2025", "--from", "2024"], cwd=tmp_path)[0]
