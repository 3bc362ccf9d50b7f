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
