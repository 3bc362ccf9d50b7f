"""Usage errors that Click itself finds (unknown option, missing argument, bad value) in Finnish."""

from __future__ import annotations

import pytest

from conftest import invoke


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["status", "abc"], "Virhe: virheellinen arvo kohdassa 'VUOSI': 'abc' ei ole kokonaisluku."),
        (["status", "2024", "--bogus"], "Virhe: tuntematon valinta --bogus."),
        (["status", "--commitee", "x"], "Virhe: tuntematon valinta --commitee. Tarkoititko: --committee?"),
        (["status", "2024", "--as-of"], "Virhe: valinta --as-of tarvitsee arvon."),
        (["show"], "Virhe: puuttuva argumentti 'TUNNUS'."),
        (["statsu"], "Virhe: tuntematon komento 'statsu'. Tarkoititko: status?"),
        (["status", "2024", "ylimääräinen"], "Virhe: ylimääräinen argumentti: ylimääräinen."),
    ],
    ids=" ".join,
)
def test_click_usage_errors_are_finnish(
    args: list[str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TAVOITTEET_LANG", raising=False)
    monkeypatch.setenv("LANG", "fi_FI.UTF-8")
    code, out, err = invoke(args)
    assert code == 2 and out == ""
    assert expected in err
    assert "Error" not in err and "Usage" not in err


def test_usage_line_and_help_hint_are_finnish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TAVOITTEET_LANG", "fi")
    _, _, err = invoke(["show"])
    assert err.startswith("Käyttö: tavoitteet show [VALINNAT] TUNNUS\nOhje: tavoitteet show --help\n")


@pytest.mark.parametrize("lang", [["--lang", "en"], ["--lang=en"]], ids=" ".join)
def test_english_keeps_clicks_wording(lang: list[str]) -> None:
    code, _, err = invoke(["years", *lang, "--bad"])
    assert code == 2 and "Error: No such option: --bad" in err


def test_english_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TAVOITTEET_LANG", "en")
    _, _, err = invoke(["show"])
    assert "Missing argument 'ID'" in err


def test_help_and_no_arguments_still_show_help() -> None:
    code, out, _ = invoke(["status", "--help"])
    assert code == 0 and "--as-of" in out
    code, out, err = invoke([])
    assert "Komennot" in out + err and "Virhe" not in out + err
