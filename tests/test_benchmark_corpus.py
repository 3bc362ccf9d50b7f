"""The benchmark corpus generator writes valid, realistic goal files, the same for the same seed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tavoitteet.core.model import INDICATOR_KINDS

from conftest import corpus_generator, invoke

generate_corpus = corpus_generator()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return generate_corpus.generate(tmp_path_factory.mktemp("corpus"), 60, seed=3)


def test_every_generated_file_passes_validate(corpus: list[Path]) -> None:
    data = corpus[0].parent.parent
    code, out, _ = invoke(["validate", str(data)])
    assert code == 0, out
    assert out.startswith("Tarkistettu 60 tiedostoa")
    assert "Ei virheitä." in out


def test_files_are_laid_out_by_year_and_committee(corpus: list[Path]) -> None:
    years = {p.parent.name for p in corpus}
    assert years == {str(y) for y in range(2015, 2025)}
    assert all(p.parent.parent.name == "data" for p in corpus)
    assert len({p.name for p in corpus}) == 6


def test_files_are_about_five_kilobytes(corpus: list[Path]) -> None:
    sizes = [p.stat().st_size for p in corpus]
    assert 4_000 < sum(sizes) / len(sizes) < 7_000


def test_the_corpus_uses_every_indicator_kind_and_realistic_content(corpus: list[Path]) -> None:
    texts = [p.read_text(encoding="utf-8") for p in corpus]
    kinds = {
        indicator["tyyppi"]
        for text in texts
        for area in yaml.safe_load(text)["tehtäväalueet"]
        for goal in area["tavoitteet"]
        for indicator in goal["mittarit"]
    }
    assert kinds == set(INDICATOR_KINDS)
    joined = "\n".join(texts)
    for needle in ("ä", "ö", "ehto:", "toteuma:", "arvo: ei sovellu", "kommentti:", "\n# ", "puuttuu:"):
        assert needle in joined, needle
    for bound in ("vähintään:", "yli:", "enintään:", "alle:", "tasan:"):
        assert f"\n              {bound}" in joined, bound


def test_the_same_seed_gives_the_same_bytes_and_another_seed_other_bytes(tmp_path: Path) -> None:
    first = generate_corpus.generate(tmp_path / "a", 12, seed=5)
    again = generate_corpus.generate(tmp_path / "b", 12, seed=5)
    other = generate_corpus.generate(tmp_path / "c", 12, seed=6)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]


def test_a_larger_corpus_starts_with_the_smaller_one(tmp_path: Path) -> None:
    small = generate_corpus.generate(tmp_path / "s", 5)
    large = generate_corpus.generate(tmp_path / "l", 25)
    assert [p.relative_to(tmp_path / "s") for p in small] == [
        p.relative_to(tmp_path / "l") for p in large[:5]
    ]
