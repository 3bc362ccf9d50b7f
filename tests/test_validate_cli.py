"""`tavoitteet validate` as a user and CI run it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import DATA, REPO_ROOT, invoke, run_process


def copy_data(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def break_file(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "            tyyppi: kyllä/ei\n", "            tyyppi: kyllä/ei\n            mittarti: 3\n", 1
        ),
        encoding="utf-8",
    )


def test_repository_data_is_valid_and_counted() -> None:
    code, out, _ = invoke(["validate"], cwd=REPO_ROOT)
    assert code == 0
    assert out.startswith("Tarkistettu ")
    assert out.rstrip().endswith("Ei virheitä.")


def test_found_from_a_subfolder_and_summarised_in_finnish(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    (data / "2024" / "alikansio").mkdir()
    code, out, _ = invoke(["validate"], cwd=data / "2024" / "alikansio")
    files = len(list(data.glob("*/*.yaml")))
    assert code == 0
    assert out.startswith(f"Tarkistettu {files} tiedostoa: 1 lautakunta, ")


def test_english_summary(tmp_path: Path) -> None:
    copy_data(tmp_path)
    code, out, _ = invoke(["validate", "--lang", "en"], cwd=tmp_path)
    assert code == 0
    assert out.startswith("Checked ") and out.rstrip().endswith("No errors.")


def test_errors_are_printed_like_a_compiler_with_exit_code_1(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    target = data / "2024" / "hyvinvointilautakunta.yaml"
    break_file(target)
    code, out, _ = invoke(["validate"], cwd=tmp_path)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("data/2024/hyvinvointilautakunta.yaml:")
    assert ": virhe T020: tuntematon avain 'mittarti'" in lines[0]
    assert lines[2].endswith("|             mittarti: 3")
    assert lines[3].endswith("|             ^")
    assert lines[4].startswith("  vihje: Sallitut avaimet tässä kohdassa:")
    assert lines[-1].endswith("Löytyi 1 virhe 1 tiedostossa.")


def test_json_format_is_stable(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    break_file(data / "2024" / "hyvinvointilautakunta.yaml")
    code, out, _ = invoke(["validate", "--format", "json"], cwd=tmp_path)
    document = json.loads(out)
    assert code == 1
    assert document["versio"] == 1 and document["ok"] is False
    assert set(document["yhteenveto"]) == {"tiedostot", "lautakunnat", "tavoitteet", "teot", "mittarit"}
    [error] = document["virheet"]
    assert set(error) == {"tiedosto", "rivi", "sarake", "koodi", "avain", "kohta", "viesti", "vihje"}
    assert (error["koodi"], error["tiedosto"]) == ("T020", "data/2024/hyvinvointilautakunta.yaml")


def test_github_annotations(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    break_file(data / "2024" / "hyvinvointilautakunta.yaml")
    code, out, _ = invoke(["validate", "--format", "github"], cwd=tmp_path)
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith("::error file=data/2024/hyvinvointilautakunta.yaml,line=")
    assert ",title=T020::tuntematon avain 'mittarti' (Sallitut avaimet" in first


def test_unknown_format_is_a_usage_error() -> None:
    code, _, err = invoke(["validate", "--format", "xml"], cwd=REPO_ROOT)
    assert code == 2
    assert "--format 'xml': text, json, github" in err


def test_no_data_folder_is_a_usage_error_with_advice(tmp_path: Path) -> None:
    code, out, err = invoke(["validate"], cwd=tmp_path)
    assert (code, out) == (2, "")
    assert "data/-kansiota vuosikansioineen ei löytynyt" in err


def test_every_file_is_checked_and_errors_of_all_files_are_collected(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    source = data / "2024" / "hyvinvointilautakunta.yaml"
    for name in ("a", "b"):
        copy = data / "2024" / f"{name}.yaml"
        shutil.copy(source, copy)
        break_file(copy)
    code, out, _ = invoke(["validate"], cwd=tmp_path)
    assert code == 1
    assert "data/2024/a.yaml:" in out and "data/2024/b.yaml:" in out
    assert out.rstrip().endswith("Löytyi 2 virhettä 2 tiedostossa.")


def test_real_process_has_no_traceback_on_broken_bytes(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    (data / "2024" / "rikki.yaml").write_bytes(b"a: \xff\x00\n")
    result = run_process(["validate"], cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "data/2024/rikki.yaml:1:4: virhe T003" in result.stdout


def test_printed_errors_are_capped_with_a_note(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    target = data / "2024" / "hyvinvointilautakunta.yaml"
    extra = "".join(f"tuntematon{n}: 1\n" for n in range(250))
    target.write_text(target.read_text(encoding="utf-8") + extra, encoding="utf-8")
    code, out, _ = invoke(["validate", "--format", "json"], cwd=tmp_path)
    errors = json.loads(out)["virheet"]
    assert code == 1
    assert len(errors) == 201
    assert errors[-1]["koodi"] == "T099"
    assert errors[-1]["viesti"] == "virheitä on yli 200; loput jätettiin tulostamatta"


def test_errors_in_english(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    break_file(data / "2024" / "hyvinvointilautakunta.yaml")
    code, out, _ = invoke(["validate", "--lang", "en"], cwd=tmp_path)
    assert code == 1
    assert ": error T020: unknown key 'mittarti'" in out
    assert "  hint: Keys allowed here: id, nimi, tavoitetaso," in out
