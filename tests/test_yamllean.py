"""libyaml's parser imported without the rest of PyYAML (files/yamllean.py) reads and fails exactly as before."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "data").rglob("*.yaml"))[:6]
BAD = [
    "a: [1, 2\n",
    "a: b: c\n",
    "a: 1\n  b: 2\n",
    "a: '\x07'\n",
    "- a\nb: 1\n",
    'a: "\\q"\n',
    "a: \x00",
]

PROBE = """
import json, sys
if sys.argv[1] == "real":  # PyYAML imported the ordinary way first: the lean import is not used
    import yaml
from tavoitteet.files import yamllean
lean = {
    "modules": sorted(name for name in sys.modules if name == "yaml" or name.startswith("yaml.")),
    "c_parser": yamllean.CParser.__module__ + "." + yamllean.CParser.__name__,
}
def events(text):
    parser = yamllean.CParser(text)
    out = []
    while True:
        event = parser.get_event()
        out.append([type(event).__name__, getattr(event, "value", None), event.start_mark.line, event.start_mark.column])
        if isinstance(event, yamllean.StreamEndEvent):
            return out
def failure(text):
    try:
        events(text)
    except yamllean.YAMLError as error:
        return [type(error).__name__, str(error), isinstance(error, yamllean.MarkedYAMLError)]
    return None
texts = json.loads(sys.stdin.read())
lean["events"] = [events(text) for text in texts["good"]]
lean["failures"] = [failure(text) for text in texts["bad"]]
import yaml
lean["whole_after"] = [yaml.safe_load("a: [1, 2]"), yaml.YAMLError is yamllean.YAMLError]
print(json.dumps(lean))
"""


def _run(way: str = "lean") -> dict[str, object]:
    good = [path.read_text(encoding="utf-8") for path in SAMPLES]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, way],
        input=json.dumps({"good": good, "bad": BAD}),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_the_lean_import_leaves_out_the_pure_python_parts_and_no_stand_in_behind() -> None:
    lean = _run()
    assert lean["c_parser"] == "yaml._yaml.CParser"
    assert lean["modules"] == ["yaml._yaml", "yaml.error", "yaml.events", "yaml.nodes", "yaml.tokens"]


def test_the_lean_parser_gives_the_same_events_as_pyyaml() -> None:
    lean, real = _run(), _run("real")
    assert real["c_parser"] == "yaml._yaml.CParser"
    assert "yaml.reader" in real["modules"]
    assert lean["events"] == real["events"]


def test_the_lean_parser_fails_with_pyyamls_errors_and_messages() -> None:
    lean, real = _run(), _run("real")
    assert all(failure is not None for failure in real["failures"])  # type: ignore[union-attr]
    assert lean["failures"] == real["failures"]


def test_a_later_import_yaml_is_the_whole_package() -> None:
    assert _run()["whole_after"] == [{"a": [1, 2]}, True]
