"""Generated and hand-kept documentation stays in step with the code."""

from __future__ import annotations

from tavoitteet.core.checks import CHECKS, DOCUMENT_CHECKS
from tavoitteet.core.problems import Code
from tavoitteet.words.problem_messages import HINTS, MESSAGES

from conftest import REPO_ROOT


def test_every_problem_code_is_documented() -> None:
    text = (REPO_ROOT / "docs" / "virhekoodit.md").read_text(encoding="utf-8")
    missing = [code.value for code in Code if f"| {code.value} | `{code.name}` |" not in text]
    assert missing == []


def test_every_check_has_a_rule_in_its_docstring_and_in_the_docs() -> None:
    text = (REPO_ROOT / "docs" / "tarkistukset.md").read_text(encoding="utf-8")
    for check in (*DOCUMENT_CHECKS, *CHECKS):
        assert check.__doc__, check.__name__
        assert check.__doc__.strip().splitlines()[0] in text, check.__name__


def test_every_message_exists_in_finnish_and_english() -> None:
    for key, entry in MESSAGES.items():
        assert entry["fi"] and entry["en"], key
        assert HINTS[key].keys() == {"fi", "en"}, key


def test_readme_names_the_two_setup_commands_and_ci_runs_the_test_one() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    install_and_run = "python -m pip install . && tavoitteet status 2024"
    install_and_test = 'python -m pip install -e ".[test]" && python -m pytest'
    assert install_and_run in readme
    assert install_and_test in readme
    assert install_and_test in ci.splitlines()
