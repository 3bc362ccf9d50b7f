"""The words of corrections and withdrawals (``korjaa``, ``peruu``) in history views."""

from __future__ import annotations

from collections.abc import Sequence

from tavoitteet.core.entries import dropped, number_of
from tavoitteet.core.model import Entry
from tavoitteet.words.i18n import Lang

_WORDS = {
    "fi": {
        "withdraws": "peruu kirjauksen {number}",
        "corrects": "korjaa kirjauksen {number}",
        "replaced": "korjattu",
        "withdrawn": "peruttu",
        "numbered": "kirjaus {number}",
    },
    "en": {
        "withdraws": "withdraws entry {number}",
        "corrects": "corrects entry {number}",
        "replaced": "corrected",
        "withdrawn": "withdrawn",
        "numbered": "entry {number}",
    },
}


def entry_marks(entries: Sequence[Entry], entry: Entry, lang: Lang) -> str:
    """``kirjaus 2, korjaa kirjauksen 1`` / ``kirjaus 1, korjattu``; '' for an entry of a list without fixes."""
    if all(e.corrects is None and e.withdraws is None for e in entries):
        return ""
    words = _WORDS["en" if lang == "en" else "fi"]
    number = number_of(entries, entry)
    marks = [words["numbered"].format(number=number)]
    if entry.withdraws is not None:
        marks.append(words["withdraws"].format(number=entry.withdraws))
    elif entry.corrects is not None:
        marks.append(words["corrects"].format(number=entry.corrects))
    if entry.withdraws is None and number in dropped(entries):
        withdrawn = any(e.withdraws is not None and number in _withdrawn_by(entries, e) for e in entries)
        marks.append(words["withdrawn" if withdrawn else "replaced"])
    return ", ".join(marks)


def _withdrawn_by(entries: Sequence[Entry], withdrawal: Entry) -> set[int]:
    gone: set[int] = set()
    target = withdrawal.withdraws
    while target is not None and 0 < target <= len(entries) and target not in gone:
        gone.add(target)
        target = entries[target - 1].corrects
    return gone
