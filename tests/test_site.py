"""``tavoitteet site``: the pages at their addresses, links, languages, downloads, the data package and
incremental rebuilds, through the CLI on real files."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from clients import require
from sitecheck import broken_links, parse, record_a_value, site_data, two_municipalities

from conftest import invoke

AS_OF = "1.1.2025"


def build(data: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    return invoke(["site", "-o", str(out), "--data", str(data), "--as-of", AS_OF, *extra])


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    data = site_data(root)
    code, out, err = build(data, root / "sivusto", "--languages", "fi,sv,en")
    assert code == 0, err
    assert "tiedostoa kirjoitettu" in out
    return root / "sivusto"


def html(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_every_page_has_its_address_from_ids(built: Path) -> None:
    for lang in ("fi", "sv", "en"):
        for page in (
            "index.html",
            "2024/index.html",
            "2021/index.html",
            "2024/kulttuurilautakunta/index.html",
            "2024/kulttuurilautakunta/lainaus/index.html",
            "2024/kulttuurilautakunta/lainaus/kavijat.html",
            "2024/hyvinvointilautakunta/index.html",
            "arvioimatta.html",
            "haku.html",
            "lataukset.html",
        ):
            assert (built / lang / page).is_file(), f"{lang}/{page}"
    assert (built / "index.html").is_file()
    assert (built / "lataukset" / "2024" / "kulttuurilautakunta.csv").is_file()
    assert (built / "lataukset" / "2024" / "kulttuurilautakunta.json").is_file()
    assert (built / "tiedostot" / "haku-sv.js").is_file()


def test_no_broken_internal_link_and_no_outside_resource_anywhere(built: Path) -> None:
    pages = list(built.rglob("*.html"))
    assert len(pages) > 90
    assert broken_links(built) == []


def test_the_link_check_finds_a_broken_link(built: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(built, copy)
    (copy / "fi" / "2024" / "kulttuurilautakunta" / "lainaus" / "kavijat.html").unlink()
    (copy / "en" / "haku.html").write_text('<a href="https://cdn.example/x.js">x</a>', encoding="utf-8")
    problems = broken_links(copy)
    assert any("broken link" in p and "kavijat.html" in p for p in problems)
    assert any("outside resource https://cdn.example/x.js" in p for p in problems)


def test_languages_are_marked_on_the_page_and_on_the_content(built: Path) -> None:
    page = built / "sv" / "2024" / "kulttuurilautakunta" / "lainaus" / "kavijat.html"
    text = html(page)
    assert '<html lang="sv">' in text
    assert '<h1><span lang="fi">Kävijät</span></h1>' in text
    assert "Utveckling per år" in text and "<dt>Status</dt>" in text
    # the switch leads to the same page in the other languages, each link in its own language
    assert (
        '<a href="../../../../fi/2024/kulttuurilautakunta/lainaus/kavijat.html" lang="fi" hreflang="fi">'
        in text
    )
    assert (
        '<a href="../../../../en/2024/kulttuurilautakunta/lainaus/kavijat.html" lang="en" hreflang="en">'
        in text
    )
    finnish = html(built / "fi" / "2024" / "kulttuurilautakunta" / "lainaus" / "kavijat.html")
    assert (
        '<html lang="fi">' in finnish
        and "<h1>Kävijät</h1>" in finnish
        and 'lang="fi"' not in finnish.split("<main", 1)[1]
    )


def test_text_from_the_files_is_escaped(built: Path) -> None:
    text = html(built / "fi" / "2024" / "kulttuurilautakunta" / "tapahtumat" / "index.html")
    assert "Tapahtumia kaikille ikäryhmille &lt;lapset &amp; aikuiset&gt;." in text
    assert "<lapset" not in text


def test_an_indicator_page_follows_its_series_through_the_predecessor(built: Path) -> None:
    text = html(built / "fi" / "2024" / "kulttuurilautakunta" / "lainaus" / "kavijat.html")
    # 2023's indicator had another id (kavijat-vanha); edeltäjä links them
    assert '<a href="../../../../fi/2023/kulttuurilautakunta/lainaus/kavijat-vanha.html">2023</a>' in text
    assert '<span aria-current="page">2024 (tämä vuosi)</span>' in text
    assert "480 kävijää" in text and "612 kävijää" in text
    assert "<svg" in text and 'role="img"' in text and "vähintään 500, enintään 800" in text
    earlier = html(built / "fi" / "2023" / "kulttuurilautakunta" / "lainaus" / "kavijat-vanha.html")
    assert '<a href="../../../../fi/2024/kulttuurilautakunta/lainaus/kavijat.html">2024</a>' in earlier


def test_front_page_counts_goals_binding_goals_and_indicators_per_committee_and_year(built: Path) -> None:
    text = html(built / "fi" / "index.html")
    assert text.index("Vuosi 2024") < text.index("Vuosi 2023") < text.index("Vuosi 2021")
    assert '<th scope="col">Sitovat tavoitteet</th>' in text
    assert '<a href="../fi/2024/kulttuurilautakunta/index.html">Kulttuurilautakunta</a>' in text
    assert "(yhteensä " in text


def test_not_assessed_page_lists_what_is_not_assessed(built: Path) -> None:
    body = html(built / "fi" / "arvioimatta.html").split("<main", 1)[1]
    document = json.loads(
        (built / "lataukset" / "2024" / "kulttuurilautakunta.json").read_text(encoding="utf-8")
    )
    unassessed = [
        i
        for area in document["lautakunnat"][0]["tehtavaalueet"]
        for goal in area["tavoitteet"]
        for i in goal["mittarit"]
        if i["tila"] == "ei arvioitu"
    ]
    assert unassessed
    for indicator in unassessed:
        assert f"{indicator['id']}.html" in body
    met = [
        i["id"]
        for area in document["lautakunnat"][0]["tehtavaalueet"]
        for goal in area["tavoitteet"]
        for i in goal["mittarit"]
        if i["tila"] == "toteutunut"
    ]
    assert met and not any(f"/{m}.html" in body for m in met)


def test_last_updated_comes_from_git(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    git = require(request, "git", what="the last-updated day from git", install="apt-get install git")
    data = site_data(tmp_path)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_COMMITTER_DATE": "2025-02-14T10:00:00+02:00",
        "GIT_AUTHOR_DATE": "2025-02-14T10:00:00+02:00",
    }
    for command in ([git, "init", "-q"], [git, "add", "."], [git, "commit", "-qm", "data"]):
        subprocess.run(command, cwd=tmp_path, env=env, check=True, capture_output=True)
    code, _, err = build(data, tmp_path / "out")
    assert code == 0, err
    assert "Tiedot päivitetty viimeksi 14.2.2025." in html(tmp_path / "out" / "fi" / "2024" / "index.html")
    outside = tmp_path / "plain"
    shutil.copytree(data, outside / "data")
    code, _, err = build(outside / "data", tmp_path / "out2")
    assert code == 0, err
    assert "päivitetty viimeksi" not in html(tmp_path / "out2" / "fi" / "2024" / "index.html")


def test_downloads_per_committee_year(built: Path) -> None:
    raw = (built / "lataukset" / "2024" / "kulttuurilautakunta.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel's dialect, as report --format csv
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert len(rows) > 5 and all(row[0] == "2024" for row in rows[1:])
    document = json.loads(
        (built / "lataukset" / "2024" / "kulttuurilautakunta.json").read_text(encoding="utf-8")
    )
    assert document["vuosi"] == 2024 and document["lautakunnat"][0]["lautakunta"] == "Kulttuurilautakunta"
    page = html(built / "fi" / "2024" / "kulttuurilautakunta" / "index.html")
    assert 'href="../../../lataukset/2024/kulttuurilautakunta.csv"' in page


def test_the_data_package_is_valid_by_frictionless(built: Path) -> None:
    frictionless = pytest.importorskip(
        "frictionless", reason="pip install -e '.[test]' installs frictionless"
    )
    package = built / "lataukset" / "datapackage.json"
    report = frictionless.validate(str(package))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    document = json.loads(package.read_text(encoding="utf-8"))
    names = [r["name"] for r in document["resources"]]
    assert names[:3] == ["tavoitteet-2021", "mittarit-2021", "kirjaukset-2021"]
    assert {"tavoitteet-2024", "mittarit-2024", "kirjaukset-2024"} <= set(names)
    indicators = next(r for r in document["resources"] if r["name"] == "mittarit-2024")
    fields = {f["name"]: f["type"] for f in indicators["schema"]["fields"]}
    assert (
        fields["vähintään"] == "number" and fields["pvm"] == "date" and fields["käsin_asetettu"] == "boolean"
    )
    rows = list(
        csv.DictReader((built / "lataukset" / "mittarit-2024.csv").read_text(encoding="utf-8").splitlines())
    )
    assert any(r["mittari_id"] == "kavijat" and r["arvo"] == "612" and r["pvm"] == "2024-12-31" for r in rows)


def test_frictionless_rejects_a_broken_table(built: Path, tmp_path: Path) -> None:
    frictionless = pytest.importorskip(
        "frictionless", reason="pip install -e '.[test]' installs frictionless"
    )
    copy = tmp_path / "lataukset"
    shutil.copytree(built / "lataukset", copy)
    table = copy / "mittarit-2024.csv"
    lines = table.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = next(csv.reader([lines[1]]))
    cells[header.index("pvm")] = "31.12.2024"  # not an ISO date
    buffer = [lines[0], ",".join(f'"{c}"' for c in cells), *lines[2:]]
    table.write_text("\r\n".join(buffer) + "\r\n", encoding="utf-8")
    assert not frictionless.validate(str(copy / "datapackage.json")).valid


def test_search_index_has_titles_descriptions_and_ids(built: Path) -> None:
    script = (built / "tiedostot" / "haku-fi.js").read_text(encoding="utf-8")
    assert script.startswith("window.TAVOITTEET_HAKU=")
    entries = json.loads(script.removeprefix("window.TAVOITTEET_HAKU=").rstrip().rstrip(";"))
    kavijat = next(e for e in entries if e["u"] == "2024/kulttuurilautakunta/lainaus/kavijat.html")
    assert kavijat["t"] == "Kävijät" and "kavijat" in kavijat["w"]
    assert all((built / "fi" / e["u"]).is_file() for e in entries)


# --- incremental rebuilds --------------------------------------------------------------------------


def _contents(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_rebuild_writes_only_the_pages_that_depend_on_the_changed_file(tmp_path: Path) -> None:
    data = site_data(tmp_path)
    out = tmp_path / "sivusto"
    code, _, err = build(data, out)
    assert code == 0, err
    before = _contents(out)
    stamps = {p: (out / p).stat().st_mtime_ns for p in before}

    code, again, _ = build(data, out)
    assert code == 0 and " 0 tiedostoa kirjoitettu" in again

    record_a_value(data)
    code, rebuilt, err = build(data, out)
    assert code == 0, err
    after = _contents(out)
    rewritten = {p for p in after if (out / p).stat().st_mtime_ns != stamps.get(p)}
    changed = {p for p in after if after[p] != before.get(p)}
    assert changed <= rewritten
    written = int(rebuilt.split(": ", 1)[1].split(" ", 1)[0])
    assert written == len(rewritten - {".tavoitteet-sivusto.json"})
    assert not any(p.startswith(("fi/2024/kulttuurilautakunta", "fi/2023/")) for p in rewritten)
    assert "fi/2021/hyvinvointilautakunta/index.html" in changed
    assert "lataukset/mittarit-2021.csv" in changed and "lataukset/mittarit-2023.csv" not in rewritten


def test_a_change_to_a_baseline_year_rewrites_the_trend_that_takes_its_baseline_from_it(
    tmp_path: Path,
) -> None:
    data = site_data(tmp_path)
    out = tmp_path / "sivusto"
    assert build(data, out)[0] == 0
    page = out / "fi" / "2024" / "kulttuurilautakunta" / "index.html"
    stamp = page.stat().st_mtime_ns
    earlier = data / "2023" / "kulttuurilautakunta.yaml"
    earlier.write_text(earlier.read_text(encoding="utf-8") + "# muutos\n", encoding="utf-8")
    code, _, err = build(data, out)
    assert code == 0, err
    assert page.stat().st_mtime_ns != stamp
    assert (out / "fi" / "2021" / "hyvinvointilautakunta" / "index.html").is_file()


def test_a_removed_goal_file_takes_its_pages_away(tmp_path: Path) -> None:
    data = site_data(tmp_path)
    out = tmp_path / "sivusto"
    assert build(data, out)[0] == 0
    (out / "oma.txt").write_text("not the site's", encoding="utf-8")
    (data / "2021" / "hyvinvointilautakunta.yaml").unlink()
    (data / "2021").rmdir()
    code, text, err = build(data, out)
    assert code == 0, err
    assert not (out / "fi" / "2021").exists()
    assert not (out / "lataukset" / "mittarit-2021.csv").exists()
    assert (out / "oma.txt").read_text(encoding="utf-8") == "not the site's"
    assert " 0 poistettu" not in text
    assert broken_links(out) == []


# --- refusals ------------------------------------------------------------------------------------


def test_a_folder_that_is_not_a_site_is_not_written_into(tmp_path: Path) -> None:
    data = site_data(tmp_path)
    folder = tmp_path / "omat"
    folder.mkdir()
    (folder / "muistio.txt").write_text("x", encoding="utf-8")
    code, _, err = build(data, folder)
    assert code == 2 and "ei ole tyhjä" in err
    assert sorted(p.name for p in folder.iterdir()) == ["muistio.txt"]
    code, _, err = build(data, data / "sivusto")
    assert code == 2 and "data-kansioon" in err


def test_a_file_with_errors_stops_the_build_before_anything_is_written(tmp_path: Path) -> None:
    data = site_data(tmp_path)
    broken = data / "2024" / "kulttuurilautakunta.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("vuosi: 2024", "vuosi: kaksi"), encoding="utf-8"
    )
    code, _, err = build(data, tmp_path / "out")
    assert code == 1
    assert "kulttuurilautakunta.yaml" in err and "sivustoa ei tehty" in err
    assert not (tmp_path / "out").exists()


def test_unknown_language_is_a_usage_error(tmp_path: Path) -> None:
    data = site_data(tmp_path)
    code, _, err = build(data, tmp_path / "out", "--languages", "fi,de")
    assert code == 2 and "fi, sv ja en" in err


def test_english_messages(tmp_path: Path) -> None:
    data = site_data(tmp_path)
    code, out, err = build(data, tmp_path / "out", "--lang", "en")
    assert code == 0, err
    assert out.startswith("Site written to") and "files written" in out


def test_lang_attributes_name_only_site_languages(built: Path) -> None:
    for path in built.rglob("*.html"):
        assert set(parse(path).langs) <= {"fi", "sv", "en"}, path


# --- several municipalities, Swedish texts ---------------------------------------------------------


def test_several_municipalities_get_a_level_of_their_own(tmp_path: Path) -> None:
    data = two_municipalities(tmp_path)
    out = tmp_path / "sivusto"
    code, _, err = build(data, out, "--languages", "fi,sv")
    assert code == 0, err
    front = html(out / "fi" / "index.html")
    assert '<a href="../fi/kemi/index.html">Kemi</a>' in front
    assert '<a href="../fi/pietarsaari/index.html">Pietarsaari</a>' in front
    assert (
        out / "fi" / "pietarsaari" / "2024" / "pietarsaari-kulttuuri" / "lainaus" / "kavijat.html"
    ).is_file()
    year = html(out / "fi" / "2024" / "index.html")
    assert year.index("Kemi") < year.index("Pietarsaari") and year.count('<dl class="summary">') == 2
    # a series stays inside its municipality
    series = html(out / "fi" / "kemi" / "2024" / "kemi-kulttuuri" / "lainaus" / "kavijat.html")
    assert (
        "kemi/2023/kemi-kulttuuri/lainaus/kavijat-vanha.html" in series and "pietarsaari/2023" not in series
    )
    assert broken_links(out) == []


def test_swedish_pages_use_the_swedish_texts_of_the_files(tmp_path: Path) -> None:
    data = two_municipalities(tmp_path)
    out = tmp_path / "sivusto"
    assert build(data, out, "--languages", "fi,sv")[0] == 0
    goal = html(out / "sv" / "pietarsaari" / "2024" / "pietarsaari-kulttuuri" / "lainaus" / "index.html")
    assert "<h1>Utlåningen ökar.</h1>" in goal
    assert '<span lang="fi">Kävijät</span>' in goal  # no Swedish name given: the Finnish one, marked
    finnish = html(out / "fi" / "pietarsaari" / "2024" / "pietarsaari-kulttuuri" / "lainaus" / "index.html")
    assert "<h1>Lainausta lisätään.</h1>" in finnish
    kemi = html(out / "sv" / "kemi" / "2024" / "kemi-kulttuuri" / "lainaus" / "index.html")
    assert '<h1><span lang="fi">Lainausta lisätään.</span></h1>' in kemi
    index = (out / "tiedostot" / "haku-sv.js").read_text(encoding="utf-8")
    assert '"t":"Utlåningen ökar.","l":"sv"' in index
