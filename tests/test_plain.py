"""The models' plain twins give what the models give, and the commands that use them import no pydantic.

``status``, ``validate``, ``record`` and the other commands that only read the
models run on plain twins of them (``core/plain_model.py``, generated), made by
pydantic-core's validator from the stored schema, so that the first run after a
change does not import pydantic (issue 19).  These tests fail when the twins
are out of date, when a twin or its validation differs from its model in any
value or error, and when one of those commands imports pydantic or prints
anything else than it does on the models themselves.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from tavoitteet.core import corelib, evaluation, model, plain_model, rules, stored_schema
from tavoitteet.core.plain import Plain
from tavoitteet.files.yamlread import read_file
from test_validation import GOAL_FILES, mutations, replace_somewhere

ROOT = Path(__file__).resolve().parent.parent
TWINS = ROOT / "src" / "tavoitteet" / "core" / "plain_model.py"
SETTINGS = [
    (ROOT / "tests" / "fixtures" / "scenarios" / "kunnan-asetukset" / "data" / "tavoitteet.yaml").read_text(
        encoding="utf-8"
    ),
    "muoto: 1\nkunta: Esimerkkilä\nraportti:\n  otsikko: Toimintakertomus\n  sv:\n    otsikko: Rapport\n",
    "muoto: 2\nkunta: ''\n",
    "kuntaa: Esimerkkilä\n",
    "raportti:\n  logo: [a]\nsv:\n  kunta: 3\n",
]
MODELS = {
    name: value
    for name, value in vars(model).items()
    if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == model.__name__
}


def _fits() -> bool:
    return corelib.installed_versions() == (stored_schema.PYDANTIC, stored_schema.PYDANTIC_CORE)


needs_fitting_schema = pytest.mark.skipif(
    not _fits(), reason="WARNING: the stored schema and twins were made with another pydantic: not used here"
)


def _twin_validator(name: str) -> Any:
    return corelib.SchemaValidator(stored_schema.SCHEMAS[name](plain_model)).validate_python


def _shape(value: Any) -> Any:
    """A model or twin as plain data: its class's name, every field, and which fields the file gave."""
    if isinstance(value, BaseModel | Plain):
        fields = {name: _shape(getattr(value, name)) for name in type(value).model_fields}
        return type(value).__name__, fields, sorted(value.model_fields_set)
    if isinstance(value, list):
        return [_shape(item) for item in value]
    return type(value).__name__, value


def _outcome(validate: Any, data: Any) -> Any:
    try:
        return "model", _shape(validate(data))
    except corelib.ValidationError as error:
        return "errors", error.errors(include_url=False), error.error_count()


# --- the twins are the models' --------------------------------------------------------------


def test_the_twins_are_what_the_models_give_now() -> None:
    if not _fits():
        pytest.skip("WARNING: core/plain_model.py was made with another pydantic")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from tavoitteet.core import validation as v; sys.stdout.write(v.twins_source())",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    if os.environ.get("UPDATE_GOLDEN"):
        TWINS.write_text(done.stdout, encoding="utf-8")
    assert TWINS.read_text(encoding="utf-8") == done.stdout, (
        "the models changed: write the twins again with python -m tavoitteet.core.validation"
    )


@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_model_has_a_twin_with_its_bases_fields_and_methods(name: str) -> None:
    real, twin = MODELS[name], getattr(plain_model, name)
    assert issubclass(twin, Plain)
    assert [b.__name__ for b in real.__mro__ if b.__module__ == model.__name__] == [
        b.__name__ for b in twin.__mro__ if b.__module__ == plain_model.__name__
    ]
    assert list(twin.model_fields) == list(real.model_fields)
    for field, info in real.model_fields.items():
        stub = twin.model_fields[field]
        assert stub.alias == info.alias
        assert stub.is_required() == info.is_required()
        if not info.is_required():
            made = stub.default_factory() if stub.default_factory else stub.default
            assert made == info.get_default(call_default_factory=True)
    for member, function in vars(real).items():
        if callable(function) and not member.startswith("__") and not isinstance(function, type):
            assert vars(twin)[member] is function


def test_the_twin_module_names_everything_the_models_module_does() -> None:
    public = {n for n in vars(model) if not n.startswith("_") and vars(typing).get(n) is not vars(model)[n]}
    imported = {"Annotated", "BaseModel", "ConfigDict", "Field", "model_validator", "rules"}
    fields_types = {n for n in public if n in vars(__import__("tavoitteet.core.fields").core.fields)}
    assert public - imported - fields_types - {"empty_list"} <= set(vars(plain_model))
    assert typing.get_args(plain_model.Indicator) == tuple(
        getattr(plain_model, m.__name__) for m in typing.get_args(typing.get_args(model.Indicator)[0])
    )


@needs_fitting_schema
@pytest.mark.parametrize("path", GOAL_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_goal_file_of_the_repository_gives_the_same_twins_as_models(path: Path) -> None:
    document = read_file(path).document
    assert document is not None
    twins = _outcome(_twin_validator("GoalFile"), document.data)
    assert twins == _outcome(model.GoalFile.model_validate, document.data)
    assert twins[0] == "model"


@needs_fitting_schema
@pytest.mark.parametrize("text", SETTINGS)
def test_settings_files_give_the_same_twins_or_the_same_errors_as_models(text: str, tmp_path: Path) -> None:
    path = tmp_path / "tavoitteet.yaml"
    path.write_text(text, encoding="utf-8")
    document = read_file(path).document
    assert document is not None
    assert _outcome(_twin_validator("Settings"), document.data) == _outcome(
        model.Settings.model_validate, document.data
    )


@needs_fitting_schema
@settings(max_examples=150)
@given(
    file_index=st.integers(0, max(len(GOAL_FILES) - 1, 0)),
    choice=st.randoms(use_true_random=False),
    replacement=mutations(),
)
def test_mutated_files_give_the_same_twins_or_the_same_errors(
    file_index: int, choice: Any, replacement: Any
) -> None:
    document = read_file(GOAL_FILES[file_index]).document
    assert document is not None
    data = replace_somewhere(document.data, choice, replacement)
    assert _outcome(_twin_validator("GoalFile"), data) == _outcome(model.GoalFile.model_validate, data)


# --- a twin behaves as a model where the commands rely on it ---------------------------------


@needs_fitting_schema
def test_twins_are_frozen_equal_by_value_hashable_and_copied_as_models_are() -> None:
    def rule(module: Any, **values: Any) -> Any:
        return module.GoalRule.model_construct(**values)

    share = {"method": "osuus", "share_percent": evaluation.Decimal(75)}
    assert _shape(rule(plain_model, **share)) == _shape(rule(model, **share))
    assert rule(plain_model, **share) == rule(plain_model, **share) != rule(plain_model, method="kaikki")
    assert len({rule(plain_model, **share), rule(plain_model, **share)}) == 1
    with pytest.raises(TypeError, match="frozen"):
        rule(plain_model, **share).method = "kaikki"
    document = read_file(GOAL_FILES[0]).document
    assert document is not None
    file_twin, file_real = (
        _twin_validator("GoalFile")(document.data),
        model.GoalFile.model_validate(document.data),
    )
    changed = {"municipality": "Esimerkkilä"}
    assert _shape(file_twin.model_copy(update=changed)) == _shape(file_real.model_copy(update=changed))
    assert file_twin.model_copy(update=changed).municipality == "Esimerkkilä" != file_twin.municipality
    assert _shape(file_twin.indicators()) == _shape(file_real.indicators())
    assert [p for p, _ in rules.walk(file_twin)] == [p for p, _ in rules.walk(file_real)]


def test_a_model_needing_pydantic_beyond_validation_is_not_asked_of_a_twin() -> None:
    assert not hasattr(plain_model.GoalFile, "model_dump")
    assert not hasattr(plain_model.GoalFile, "model_json_schema")


# --- the commands on the twins ----------------------------------------------------------------

PROBE = """
import runpy, sys
if {models_first}:
    import tavoitteet.core.model
sys.argv = ['tavoitteet', *{arguments!r}]
try:
    runpy.run_module('tavoitteet', run_name='__main__')
except SystemExit as stop:
    code = stop.code
else:
    code = 0
sys.stdout.flush()
loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core', 'typing_extensions'))
sys.stderr.write('\\nLOADED:' + ','.join(loaded) + '\\n')
sys.exit(code)
"""


def _run(arguments: list[str], models_first: bool) -> tuple[int, str, list[str]]:
    """The exit code, what the command printed (standard output, then error) and the pydantic modules loaded."""
    env = {
        **os.environ,
        "TAVOITTEET_NO_CACHE": "1",
        "NO_COLOR": "1",
        "TAVOITTEET_JOBS": "1",
        "COLUMNS": "400",
    }
    env.pop("TAVOITTEET_DATA", None)
    probe = PROBE.format(models_first=models_first, arguments=arguments)
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert "LOADED:" in done.stderr, done.stderr
    errors, loaded = done.stderr.rsplit("LOADED:", 1)
    return done.returncode, done.stdout + errors, [name for name in loaded.strip().split(",") if name]


def _printed(probe: str) -> list[str]:
    """The words a Python program prints, run in a fresh interpreter in the repository."""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    return done.stdout.split()


def _broken_files(folder: Path) -> Path:
    """A data folder whose 2024 files each break the models in another way."""
    year = folder / "2024"
    year.mkdir(parents=True)
    good = (ROOT / "examples" / "2024" / "hyvinvointilautakunta.yaml").read_text(encoding="utf-8")
    year.joinpath("a.yaml").write_text(good.replace("lautakunta:", "lautakuntaa:", 1), encoding="utf-8")
    year.joinpath("b.yaml").write_text(
        good.replace("tyyppi: kehitys", "tyyppi: kehitystä", 1), encoding="utf-8"
    )
    year.joinpath("c.yaml").write_text(good.replace("vuosi: 2024", "vuosi: 1899", 1), encoding="utf-8")
    year.joinpath("d.yaml").write_text(good.replace("    nimi: ", "    nimii: ", 1), encoding="utf-8")
    year.joinpath("e.yaml").write_text(
        "muoto: 1\nvuosi: 2024\nlautakunta: Tyhjä\ntehtäväalueet: []\n", encoding="utf-8"
    )
    return folder


TREND_OF_EXAMPLES = "hakeutuvien-palvelujen-asiakkuudet"
COMMANDS = {
    "status": ["status", "2024"],
    "status-examples": ["status", "2024", "--data", "{examples}"],
    "list": ["list", "2024", "--data", "{examples}"],
    "show": ["show", "hyvinvointikertomustyo", "--year", "2024"],
    "validate": ["validate"],
    "validate-broken": ["validate", "{broken}"],
    "validate-broken-json": ["validate", "{broken}", "--format", "json"],
    "status-broken": ["status", "2024", "--data", "{broken}"],
    "missing": ["missing", "2024", "--data", "{examples}"],
    "years": ["years", "--data", "{examples}"],
    "record": ["record", TREND_OF_EXAMPLES, "61", "--date", "1.12.2024", "--data", "{examples}"],
    "record-level": ["record", "periaatteet-valmiit", "--level", "ei toteutunut", "--data", "{examples}"],
    "record-series": [
        "record",
        "liikuntaryhmien-osallistujamaara",
        "n. 1 200",
        "--period",
        "2023",
        "--data",
        "{examples}",
    ],
    "record-withdraw": ["record", TREND_OF_EXAMPLES, "--withdraw", "--comment", "x", "--data", "{examples}"],
    "record-ambiguous": ["record", TREND_OF_EXAMPLES, "1.234", "--data", "{examples}"],
    "record-broken": ["record", TREND_OF_EXAMPLES, "61", "--data", "{broken}"],
    "status-json": ["status", "2024", "--json", "--data", "{examples}"],
    "show-json": ["show", "hyvinvointikertomustyo", "--year", "2024", "--json", "--data", "{examples}"],
    "history": ["history", "2024", "--data", "{examples}"],
    "status-en-goals": ["--lang", "en", "status", "2024", "--depth", "goal", "--data", "{examples}"],
}


@needs_fitting_schema
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_reading_command_imports_no_pydantic_and_prints_what_it_prints_on_the_models(
    name: str, tmp_path: Path
) -> None:
    outcomes = []
    for models_first in (False, True):
        base = tmp_path / ("m" if models_first else "p")  # paths of one length: wrapped alike
        examples = base / "examples"
        shutil.copytree(ROOT / "examples", examples)
        broken = _broken_files(base / "broken")
        arguments = [
            part.replace("{examples}", str(examples)).replace("{broken}", str(broken))
            for part in COMMANDS[name]
        ]
        code, out, loaded = _run(arguments, models_first)
        outcomes.append((code, out.replace(str(examples), "EX").replace(str(broken), "BR")))
        if not models_first:
            assert loaded == ["pydantic_core._pydantic_core"], loaded
        else:
            assert "pydantic.main" in loaded
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][1].strip()


def test_pydantic_imported_after_the_extension_alone_is_whole_and_shares_its_errors() -> None:
    probe = (
        "from tavoitteet.core import corelib\n"
        "alone = corelib.extension()\n"
        "import sys; assert 'pydantic_core.core_schema' not in sys.modules\n"
        "import pydantic, pydantic_core\n"
        "assert sys.modules['pydantic_core._pydantic_core'] is alone\n"
        "assert pydantic.ValidationError is alone.ValidationError is corelib.ValidationError\n"
        "class M(pydantic.BaseModel):\n"
        "    x: int\n"
        "try:\n"
        "    M.model_validate({'x': 'y'})\n"
        "except corelib.ValidationError as error:\n"
        "    print(error.errors()[0]['type'])\n"
        "print(corelib.installed_versions() == (pydantic.VERSION, pydantic_core.__version__))\n"
    )
    assert _printed(probe) == ["int_parsing", "True"]


@needs_fitting_schema
@pytest.mark.parametrize("answers", ["good", "bad"])
def test_a_filled_form_is_recorded_on_the_twins_as_on_the_models(answers: str, tmp_path: Path) -> None:
    """The year-end round trip (``form``, then ``record --from``) writes the same bytes on both."""
    from test_form import ANSWERS, BAD, fill, make_form

    results = []
    for models_first in (False, True):
        repo = tmp_path / ("m" if models_first else "p")
        shutil.copytree(ROOT / "data" / "2021", repo / "data" / "2021")
        filled = fill(make_form(repo), ANSWERS if answers == "good" else BAD)
        code, out, loaded = _run(
            ["record", "--from", str(filled), "--data", str(repo / "data")], models_first
        )
        written = (repo / "data" / "2021" / "hyvinvointilautakunta.yaml").read_bytes()
        results.append((code, out.replace(str(repo), "REPO"), written))
        assert ("pydantic.main" in loaded) == models_first
    assert results[0] == results[1]
    assert (results[0][0] == 0) == (answers == "good")


@needs_fitting_schema
def test_a_worker_started_afresh_reads_the_twins_when_the_main_process_does() -> None:
    """Spawned workers (Windows, macOS) would otherwise import pydantic each; forked ones inherit the twins."""
    probe = (
        "import multiprocessing, sys\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from tavoitteet.core.twins import use_plain_models\n"
        "from tavoitteet.files import parallel\n"
        "if __name__ == '__main__':\n"
        "    assert use_plain_models()\n"
        "    context = multiprocessing.get_context('spawn')\n"
        "    with ProcessPoolExecutor(1, mp_context=context, initializer=parallel._start_worker,\n"
        "                             initargs=('', parallel._on_plain_models())) as pool:\n"
        "        asked = \"__import__('tavoitteet.files.loader').files.loader.GoalFile.__module__, \"\n"
        "        asked += \"'pydantic.main' in __import__('sys').modules\"\n"
        "        print(*pool.submit(eval, asked).result())\n"
    )
    assert _printed(probe) == ["tavoitteet.core.plain_model", "False"]


def test_with_another_pydantic_installed_the_models_themselves_are_used() -> None:
    probe = (
        "import sys\n"
        "from tavoitteet.core import stored_schema, twins\n"
        "stored_schema.PYDANTIC = '0.0.0'  # as if the stored files were made with another pydantic\n"
        "print(twins.use_plain_models())\n"
        "from tavoitteet.core.model import GoalFile\n"
        "print(GoalFile.__module__, 'pydantic.main' in sys.modules)\n"
    )
    assert _printed(probe) == ["False", "tavoitteet.core.model", "True"]


def test_once_the_models_are_imported_they_stay() -> None:
    probe = (
        "import tavoitteet.core.model\n"
        "from tavoitteet.core import twins\n"
        "print(twins.use_plain_models(), tavoitteet.core.model.GoalFile.__module__)\n"
    )
    assert _printed(probe) == ["False", "tavoitteet.core.model"]


def test_a_stored_schema_that_does_not_compile_for_the_twins_leaves_the_models() -> None:
    probe = (
        "import sys\n"
        "from tavoitteet.core import stored_schema, twins\n"
        "stored_schema.SCHEMAS['GoalFile'] = lambda model: {'type': 'no such schema'}\n"
        "print(twins.use_plain_models(), 'tavoitteet.core.model' in sys.modules)\n"
        "from tavoitteet.core.model import GoalFile\n"
        "from tavoitteet.core.validation import validate_goal_file\n"
        "print(GoalFile.__module__, type(validate_goal_file(\n"
        "    {'muoto': '1', 'vuosi': '2024', 'lautakunta': 'L', 'tehtäväalueet': [{'id': 'a', 'nimi': 'A'}]}\n"
        ")).__module__)\n"
    )
    assert _printed(probe) == ["False", "False", "tavoitteet.core.model", "tavoitteet.core.model"]
