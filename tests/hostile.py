"""Shared pieces of the hostile-input tests (issue 12): a small repository of goal files to attack."""

from __future__ import annotations

from pathlib import Path

GOAL_FILE = """\
muoto: 1
vuosi: 2024
lautakunta: {committee}
tehtäväalueet:
  - id: alue
    nimi: {area}
    tavoitteet:
      - id: tavoite
        otsikko: {title}
        mittarit:
          - id: mittari
            tavoitetaso: {target}
            tyyppi: kyllä/ei
{extra}"""

NUMBER_FILE = """\
muoto: 1
vuosi: 2024
lautakunta: Testilautakunta
tehtäväalueet:
  - id: alue
    nimi: Alue
    tavoitteet:
      - id: tavoite
        otsikko: Tavoite
        mittarit:
          - id: luku
            tavoitetaso: Vähintään 10
            tyyppi: luku
            tavoite:
              vähintään: 10
{entries}"""

SECRET = "SALAINEN-TUNNUS-12345"


def goal_text(
    committee: str = "Testilautakunta",
    area: str = "Alue",
    title: str = "Tavoite",
    target: str = "Tehdään",
    extra: str = "",
) -> str:
    """A valid goal file with the given texts (written into YAML as they are: quote them yourself)."""
    return GOAL_FILE.format(committee=committee, area=area, title=title, target=target, extra=extra)


def make_repo(root: Path, text: str | None = None, name: str = "testilautakunta.yaml") -> Path:
    """``root/repo`` with ``.git`` and ``data/2024/<name>``; returns the repository folder."""
    repo = root / "repo"
    (repo / ".git").mkdir(parents=True, exist_ok=True)
    year = repo / "data" / "2024"
    year.mkdir(parents=True, exist_ok=True)
    (year / name).write_text(goal_text() if text is None else text, encoding="utf-8")
    return repo


def secret_file(root: Path) -> Path:
    """A file outside the repository that must never be printed: stands for .git/config or /proc/self/environ."""
    secret = root / "outside" / "config"
    secret.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"token: {SECRET}", f"url: https://{SECRET}@example.org"]
    secret.write_text("\n".join(lines) + "\n", encoding="utf-8")  # YAML whose every line holds the secret
    return secret
