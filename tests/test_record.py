"""`tavoitteet record`: one outcome by id, interactive entry, real concurrent processes, exit codes."""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rich.prompt import Prompt
from typer.testing import CliRunner

from tavoitteet.cli import app
from tavoitteet.files.yamlread import parse_bytes

from conftest import DATA, invoke

REAL = "data/2024/hyvinvointilautakunta.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the repository's data in a temporary folder."""
    shutil.copytree(DATA / "2024", tmp_path / "data" / "2024")
    return tmp_path


def indicators(repo: Path, name: str = REAL) -> dict[str, dict]:
    data = parse_bytes((repo / name).read_bytes(), Path(name)).document.data  # type: ignore[union-attr]
    found = {}
    for area in data["tehtäväalueet"]:
        for goal in area["tavoitteet"]:
            for holder in [goal, *goal.get("teot", [])]:
                for indicator in holder.get("mittarit", []):
                    found[indicator["id"]] = indicator
    return found


def only_added_lines(old: bytes, new: bytes) -> list[str]:
    added = []
    for tag, _a, _b, c, d in difflib.SequenceMatcher(None, old.splitlines(), new.splitlines()).get_opcodes():
        assert tag in ("equal", "insert")
        if tag == "insert":
            added += [line.decode() for line in new.splitlines()[c:d]]
    return added


def test_record_appends_a_dated_entry_and_prints_the_new_status(repo: Path) -> None:
    old = (repo / REAL).read_bytes()
    code, out, err = invoke(
        [
            "record",
            "puistoruokailu",
            "K",
            "--date",
            "10.10.2024",
            "--by",
            "Matti",
            "--comment",
            "Pidettiin",
            "--source",
            "Pöytäkirja 5/2024",
        ],
        cwd=repo,
    )
    assert (code, err) == (0, "")
    assert "Tila nyt: toteutunut" in out
    assert only_added_lines(old, (repo / REAL).read_bytes()) == [
        "            toteuma:",
        "              - pvm: 10.10.2024",
        "                arvo: kyllä",
        "                kirjaaja: Matti",
        "                lähde: Pöytäkirja 5/2024",
        "                kommentti: Pidettiin",
    ]


def test_level_by_hand_needs_a_reason_and_is_written_with_it(repo: Path) -> None:
    old = (repo / REAL).read_bytes()
    code, _out, err = invoke(
        ["record", "periaatteet-valmiit", "--level", "ei toteutunut", "--date", "1.12.2024"], cwd=repo
    )
    assert code == 2 and "--reason" in err
    assert (repo / REAL).read_bytes() == old
    code, out, _err = invoke(
        [
            "record",
            "periaatteet-valmiit",
            "--level",
            "ei toteutunut",
            "--reason",
            "Ei resursseja",
            "--date",
            "1.12.2024",
            "--lang",
            "en",
        ],
        cwd=repo,
    )
    assert code == 0 and "Status now: not met" in out
    assert indicators(repo)["periaatteet-valmiit"]["toteutumistaso"] == {
        "taso": "ei toteutunut",
        "perustelu": "Ei resursseja",
        "pvm": "1.12.2024",
    }


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["record", "puistoruokailu", "ehkä", "--date", "1.11.2024"],
            2,
            "Sopivia arvoja: kyllä, ei, ei sovellu",
        ),
        (["record", "hakeutuvien-palvelujen-asiakkuudet", "1.234", "--year", "2024"], 2, "epäselvä"),
        (["record", "suunnitelmat-paivitetty", "ei-sovellu", "--year", "2024"], 2, "vain ehdolliselle"),
        (["record", "puistoruokailu", "kyllä", "--date", "32.1.2024"], 2, "--date"),
        (
            ["record", "puistoruokailu", "kyllä", "--level", "hyvä", "--reason", "x", "--year", "2024"],
            2,
            "--level",
        ),
        (["record", "puistoruokailu", "--year", "2024"], 2, "anna arvo"),
        (["record", "ei-tallaista", "kyllä"], 1, "mittaria 'ei-tallaista' ei löytynyt"),
        (["record", "puistoruokailu", "kyllä", "--year", "2030"], 1, "2030"),
    ],
)
def test_misfits_are_refused_and_the_file_is_untouched(
    repo: Path, args: list[str], code: int, message: str
) -> None:
    old = (repo / REAL).read_bytes()
    result = invoke(args, cwd=repo)
    assert result[0] == code
    assert message in result[2]
    assert (repo / REAL).read_bytes() == old


def test_an_id_in_two_files_of_a_year_lists_both(repo: Path) -> None:
    copy = repo / "data" / "2024" / "sivistyslautakunta.yaml"
    copy.write_bytes((repo / REAL).read_bytes().replace(b"Hyvinvointilautakunta", b"Sivistyslautakunta"))
    code, _out, err = invoke(["record", "puistoruokailu", "kyllä"], cwd=repo)
    assert code == 2 and "--committee" in err  # a usage error: say which committee
    assert "Hyvinvointilautakunta: data/2024/hyvinvointilautakunta.yaml (2024)" in err
    assert "Sivistyslautakunta: data/2024/sivistyslautakunta.yaml (2024)" in err


def test_the_latest_year_with_the_id_is_the_default(repo: Path) -> None:
    later = repo / "data" / "2025"
    later.mkdir()
    (later / "hyvinvointilautakunta.yaml").write_bytes(
        (repo / REAL).read_bytes().replace(b"vuosi: 2024", b"vuosi: 2025")
    )
    assert invoke(["record", "puistoruokailu", "kyllä"], cwd=repo)[0] == 0
    assert "toteuma" in indicators(repo, "data/2025/hyvinvointilautakunta.yaml")["puistoruokailu"]
    assert "toteuma" not in indicators(repo)["puistoruokailu"]
    assert invoke(["record", "puistoruokailu", "ei", "--year", "2024"], cwd=repo)[0] == 0
    assert indicators(repo)["puistoruokailu"]["toteuma"][0]["arvo"] == "ei"


def test_no_data_folder_is_a_usage_error(tmp_path: Path) -> None:
    code, _out, err = invoke(["record", "x", "kyllä"], cwd=tmp_path)
    assert code == 2 and "data/" in err


def run_many(repo: Path, commands: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    environment = {**os.environ, "NO_COLOR": "1", "TAVOITTEET_LANG": "fi"}
    started = [
        subprocess.Popen(
            [sys.executable, "-m", "tavoitteet", *args],
            cwd=repo,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for args in commands
    ]
    results = []
    for process in started:
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


@pytest.mark.slow
def test_eight_processes_at_once_on_different_indicators_all_land_exactly_once(repo: Path) -> None:
    old = (repo / REAL).read_bytes()
    chosen = [i for i in indicators(repo) if i != "osallisuuden-kokemukset-mitattu"][:8]
    values = {i: ("12" if indicators(repo)[i]["tyyppi"] == "kehitys" else "kyllä") for i in chosen}
    results = run_many(repo, [["record", i, values[i], "--date", "1.11.2024"] for i in chosen])
    assert [r.returncode for r in results] == [0] * 8, [r.stderr for r in results]
    after = indicators(repo)
    for indicator_id in chosen:
        assert after[indicator_id]["toteuma"] == [{"pvm": "1.11.2024", "arvo": values[indicator_id]}]
    assert "toteuma" not in after["osallisuuden-kokemukset-mitattu"]
    assert len(only_added_lines(old, (repo / REAL).read_bytes())) == 3 * 8


@pytest.mark.slow
def test_eight_processes_at_once_on_one_indicator_all_land(repo: Path) -> None:
    results = run_many(
        repo,
        [
            ["record", "kesaajan-toivekysely", "kyllä", "--year", "2024", "--comment", f"ajo {n}"]
            for n in range(8)
        ],
    )
    assert [r.returncode for r in results] == [0] * 8, [r.stderr for r in results]
    comments = sorted(e["kommentti"] for e in indicators(repo)["kesaajan-toivekysely"]["toteuma"])
    assert comments == [f"ajo {n}" for n in range(8)]


def interactive(repo: Path, answers: str, *options: str) -> tuple[int, str, str]:
    os.environ["TAVOITTEET_KIRJAAJA"] = "Testaaja"
    previous = Path.cwd()
    os.chdir(repo)
    try:
        result = CliRunner().invoke(
            app, ["record", "--year", "2024", *options], input=answers, catch_exceptions=False
        )
    finally:
        os.chdir(previous)
        del os.environ["TAVOITTEET_KIRJAAJA"]
    return result.exit_code, result.stdout, result.stderr


def test_interactive_walks_open_indicators_and_writes_each_confirmed_answer(repo: Path) -> None:
    # kesaajan-toivekysely: wrong then right value, the default date, recorder and source, a comment,
    # confirmed; kyselyn-tulos-huomioitu: skipped; puistoruokailu: value, declined; then end of input.
    answers = "ehkä\nkyllä\n\n\n\nKysely tehty\nk\n\nei sovellu\n\n\n\n\ne\n"
    code, out, err = interactive(repo, answers, "--area", "nuoriso")
    assert code == 0, err
    assert "Tavoitetaso: Nuorille ja huoltajille tehty kysely" in out
    assert "Sopivia arvoja: kyllä, ei" in out
    assert "Tallennettu 1 kirjaus." in err
    after = indicators(repo)
    assert after["kesaajan-toivekysely"]["toteuma"][0]["kommentti"] == "Kysely tehty"
    assert "toteuma" not in after["kyselyn-tulos-huomioitu"]
    assert "toteuma" not in after["puistoruokailu"]


def test_interactive_q_stops_and_nothing_open_says_so(repo: Path) -> None:
    assert interactive(repo, "q\n", "--area", "nuoriso")[0] == 0
    assert interactive(repo, "", "periaatteet-valmiit", "kyllä")[0] == 0
    code, out, _err = interactive(repo, "", "--area", "kulttuuri")
    assert code == 0 and "ei ole kirjaamattomia" in out
    code, out, err = interactive(repo, "", "--committee", "olematon")
    assert code == 2 and "Vaihtoehdot: Hyvinvointilautakunta." in err


def test_ctrl_c_stops_with_confirmed_answers_saved(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["kyllä", "31.12.2024", "", "", "", "k"])
    real_ask = Prompt.ask

    def ask(*args: object, **kwargs: object) -> object:
        try:
            return next(answers)
        except StopIteration:
            raise KeyboardInterrupt from None

    monkeypatch.setattr(Prompt, "ask", ask)
    old = (repo / REAL).read_bytes()
    code, _out, err = interactive(repo, "", "--area", "nuoriso")
    assert code == 130
    assert "Keskeytetty." in err and "\nTallennettu 1 kirjaus." in err
    added = only_added_lines(old, (repo / REAL).read_bytes())
    assert added == ["            toteuma:", "              - pvm: 31.12.2024", "                arvo: kyllä"]
    assert not [p for p in (repo / "data" / "2024").iterdir() if p.suffix == ".tmp"]
    assert real_ask is not None


def test_an_invalid_file_that_has_the_id_is_named_with_its_first_error(repo: Path) -> None:
    path = repo / REAL
    broken = path.read_bytes().replace("tyyppi: kyllä/ei".encode(), b"tyyppi: kylla/ei", 1)
    path.write_bytes(broken)
    code, _out, err = invoke(["record", "suunnitelmat-paivitetty", "kyllä"], cwd=repo)
    assert code == 1
    assert "data/2024/hyvinvointilautakunta.yaml" in err and "rivillä 68" in err
    assert "tavoitteet validate" in err and "ei löytynyt" not in err
    assert path.read_bytes() == broken
    code, _out, err = invoke(["record", "suunnitelmat-paivitetty", "kyllä", "--lang", "en"], cwd=repo)
    assert code == 1 and "the file has errors" in err and "on line 68" in err


def test_interactive_names_a_file_it_cannot_read_instead_of_skipping_it_silently(repo: Path) -> None:
    (repo / "data" / "2024" / "sivistyslautakunta.yaml").write_text("muoto: 1\nvuosi: [\n", encoding="utf-8")
    code, _out, err = interactive(repo, "q\n")
    assert code == 1
    assert "data/2024/sivistyslautakunta.yaml" in err and "tavoitteet validate" in err
    code, _out, err = interactive(repo, "q\n", "--lang", "en")
    assert code == 1 and "has errors" in err


def test_output_to_a_narrow_windows_encoding_does_not_turn_a_saved_record_into_a_crash(repo: Path) -> None:
    """Redirected output on Windows is cp1252, which has no '→' and no emoji."""
    environment = {
        **os.environ,
        "NO_COLOR": "1",
        "PYTHONIOENCODING": "cp1252",
        "TAVOITTEET_LOG_DIR": str(repo),
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tavoitteet",
            "record",
            "puistoruokailu",
            "kyllä",
            "--year",
            "2024",
            "--comment",
            "1 → 2 🙂",
        ],
        cwd=repo,
        env=environment,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("cp1252", errors="replace")
    out = done.stdout.decode("cp1252")
    assert "Kirjattu: puistoruokailu" in out and "kommentti: 1 -> 2 ?" in out
    assert indicators(repo)["puistoruokailu"]["toteuma"][0]["kommentti"] == "1 → 2 🙂"


def test_interactive_spearhead_filter_as_in_status(tmp_path: Path) -> None:
    shutil.copytree(DATA / "2021", tmp_path / "data" / "2021")
    previous = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(
            app,
            ["record", "--year", "2021", "--spearhead", "muutosvalmis"],
            input="\n" * 10,
            catch_exceptions=False,
        )
    finally:
        os.chdir(previous)
    assert result.exit_code == 0, result.stderr
    assert "kirjaamattomat mittarit: 3." in result.stdout
    assert "musiikkitapahtumat-ikaryhmittain" in result.stdout
    assert "kulttuuriparlamentin-kokoukset" not in result.stdout


def test_a_value_that_does_not_fit_names_where_the_indicator_is_defined(repo: Path) -> None:
    code, _out, err = invoke(["record", "puistoruokailu", "ehkä", "--year", "2024"], cwd=repo)
    assert code == 2
    assert "data/2024/hyvinvointilautakunta.yaml:162: puistoruokailu:" in err


def test_a_negative_value_is_a_value_not_an_option(repo: Path) -> None:
    code, _, err = invoke(
        ["record", "liikuntaryhmien-osallistujamaara", "-3", "--date", "1.5.2024"], cwd=repo
    )
    assert (code, err) == (0, "")
    assert indicators(repo)["liikuntaryhmien-osallistujamaara"]["toteuma"][0]["arvo"] == "-3"


@pytest.mark.parametrize(
    ("lang", "shown", "not_shown"),
    [
        ("fi", "15.11.2024 (valmistui), ei (ei valmis)", "completed"),
        ("en", "(completed), ei (not completed)", "valmistui"),
    ],
)
def test_the_values_that_fit_are_explained_in_the_users_language(
    tmp_path: Path, lang: str, shown: str, not_shown: str
) -> None:
    shutil.copytree(DATA / "2021", tmp_path / "data" / "2021")
    before = (tmp_path / "data" / "2021" / "hyvinvointilautakunta.yaml").read_bytes()
    code, _out, err = invoke(
        ["record", "kulttuuristrategia-valmis", "pian", "--year", "2021", "--lang", lang], cwd=tmp_path
    )
    assert code == 2
    assert shown in " ".join(err.split())
    assert not_shown not in err
    assert (tmp_path / "data" / "2021" / "hyvinvointilautakunta.yaml").read_bytes() == before


def test_validate_explains_the_values_that_fit_in_english_too(tmp_path: Path) -> None:
    shutil.copytree(DATA / "2021", tmp_path / "data" / "2021")
    assert (
        invoke(["record", "kulttuuristrategia-valmis", "1.6.2021", "--date", "2.6.2021"], cwd=tmp_path)[0]
        == 0
    )
    path = tmp_path / "data" / "2021" / "hyvinvointilautakunta.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("arvo: 1.6.2021") == 1
    path.write_text(text.replace("arvo: 1.6.2021", "arvo: pian"), encoding="utf-8")
    code, out, _ = invoke(["validate", "--lang", "en"], cwd=tmp_path)
    assert code == 1
    assert "(completed), ei (not completed)" in " ".join(out.split())
    assert "valmistui" not in out
