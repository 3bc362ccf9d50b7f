"""The committed JSON Schema is what the models generate, and editors find it."""

from __future__ import annotations

import json
from pathlib import Path

from tavoitteet.core.schema import SCHEMA_FILE, schema_text

from conftest import DATA, REPO_ROOT, invoke

SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/tavoitteet.schema.json"


def test_committed_schema_matches_the_models() -> None:
    committed = (REPO_ROOT / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_text(), "run `tavoitteet schema` and commit schemas/tavoitteet.schema.json"


def test_schema_is_in_finnish_and_closed() -> None:
    schema = json.loads(schema_text())
    assert schema["title"] == "Toiminnalliset tavoitteet"
    assert schema["additionalProperties"] is False
    goal = schema["$defs"]["Goal"]
    assert goal["title"] == "Tavoite"
    assert goal["properties"]["strategiakärki"]["title"] == "Ensisijainen strategiakärki"
    assert all(definition.get("additionalProperties") is False for definition in schema["$defs"].values())


def test_every_data_file_points_editors_to_the_schema() -> None:
    files = sorted(DATA.glob("*/*.yaml"))
    assert files
    for path in files:
        assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE, path
        assert (path.parent / "../../schemas/tavoitteet.schema.json").resolve() == (
            REPO_ROOT / SCHEMA_FILE
        ).resolve()


def test_schema_command_writes_and_then_reports_up_to_date(tmp_path: Path) -> None:
    target = tmp_path / "skeema.json"
    code, out, _ = invoke(["schema", "-o", str(target)])
    assert code == 0
    assert out.endswith("kirjoitettu\n")
    assert target.read_text(encoding="utf-8") == schema_text()
    code, out, _ = invoke(["schema", "-o", str(target), "--lang", "en"])
    assert (code, out.endswith("up to date\n")) == (0, True)


# --- issue 16: every property described in Finnish with an example, from one source --------------


def _properties(schema: dict[str, object]) -> list[tuple[str, str, dict[str, object]]]:
    found = []
    definitions = {"GoalFile": schema, **schema["$defs"]}  # type: ignore[dict-item]
    for name, definition in definitions.items():
        for key, prop in definition.get("properties", {}).items():  # type: ignore[union-attr]
            found.append((name, key, prop))
    return found


def test_every_field_of_the_models_has_a_finnish_description_and_example() -> None:
    from tavoitteet.core.field_docs import FIELD_DOCS
    from tavoitteet.core.schema import field_owners

    fields = {field for keys in field_owners().values() for field in keys.values()}
    missing = sorted(fields - set(FIELD_DOCS))
    assert missing == [], f"lisää kuvaus ja esimerkki tiedostoon src/tavoitteet/core/field_docs.py: {missing}"
    assert sorted(set(FIELD_DOCS) - fields) == [], "field_docs.py names a field the models do not have"


def test_every_property_of_the_schema_has_a_description_and_an_example() -> None:
    schema = json.loads(schema_text())
    properties = _properties(schema)
    assert len(properties) > 100
    for model, key, prop in properties:
        assert isinstance(prop.get("description"), str) and len(prop["description"]) > 10, (model, key)  # type: ignore[arg-type]
        assert isinstance(prop.get("examples"), list) and len(prop["examples"]) == 1, (model, key)  # type: ignore[arg-type]
    assert any("ä" in str(prop["description"]) for _, _, prop in properties)  # Finnish


def test_the_glossary_shows_the_same_descriptions_as_the_schema() -> None:
    import os

    from tavoitteet.core.field_docs import GLOSSARY_BEGIN, GLOSSARY_END
    from tavoitteet.core.schema import glossary_section

    glossary = REPO_ROOT / "docs" / "sanasto.md"
    text = glossary.read_text(encoding="utf-8")
    expected = glossary_section()
    if os.environ.get("UPDATE_GOLDEN"):
        if GLOSSARY_BEGIN in text:
            before, rest = text.split(GLOSSARY_BEGIN, 1)
            text = before + expected + rest.split(GLOSSARY_END, 1)[1]
        else:
            text = text.rstrip("\n") + "\n\n## Kenttien kuvaukset ja esimerkit\n\n" + expected + "\n"
        glossary.write_text(text, encoding="utf-8")
    assert expected in text, (
        "UPDATE_GOLDEN=1 python -m pytest tests/test_schema.py kirjoittaa docs/sanasto.md:n taulukon"
    )
    schema = json.loads(schema_text())
    for _, key, prop in _properties(schema):
        assert f"| `{key}` |" in expected
        assert str(prop["description"]).replace("|", "\\|") in expected
