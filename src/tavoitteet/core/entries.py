"""Corrections and withdrawals: which of an indicator's entries still count.

Entries are only ever added.  A wrong entry is corrected by a later entry with
``korjaa: N`` (N is the wrong entry's number in the ``toteuma`` list, 1 for the
first) and withdrawn by a later entry with ``peruu: N`` and no value.  Pure.

The rules (docs/tiedostomuoto.md):

- a correction replaces the entry it names; that entry no longer counts;
- a withdrawal counts as no value at all; the entry it names no longer counts,
  nor anything that entry had corrected (withdrawing a correction withdraws the value);
- a reference to a missing, later or withdrawal entry is a problem in ``validate``
  (:func:`reference_problem`) and is ignored here.
"""

from __future__ import annotations

from collections.abc import Sequence

from tavoitteet.core.model import Entry


def reference(entry: Entry) -> int | None:
    """The number of the entry this one corrects or withdraws, if any."""
    return entry.withdraws if entry.withdraws is not None else entry.corrects


def reference_problem(entries: Sequence[Entry], number: int) -> str | None:
    """Why entry ``number`` (1-based) names an entry it cannot, or None when it is fine."""
    target = reference(entries[number - 1])
    if target is None:
        return None
    if target >= number:
        return "later"
    if entries[target - 1].withdraws is not None:
        return "withdrawal"
    return None


def dropped(entries: Sequence[Entry]) -> set[int]:
    """The numbers of the entries that no longer count (withdrawals included)."""
    gone: set[int] = set()
    for number, entry in enumerate(entries, 1):
        if reference_problem(entries, number) is not None:
            continue
        target = reference(entry)
        if entry.withdraws is not None:
            gone.add(number)
            while target is not None and target not in gone:
                gone.add(target)
                target = entries[target - 1].corrects
        elif target is not None:
            gone.add(target)
    return gone


def effective(entries: Sequence[Entry]) -> list[Entry]:
    """The entries that count, in the file's order."""
    gone = dropped(entries)
    return [entry for number, entry in enumerate(entries, 1) if number not in gone]


def latest_counting(entries: Sequence[Entry]) -> tuple[int, Entry] | None:
    """The number and entry of the latest entry that counts (by date, then file order)."""
    gone = dropped(entries)
    counting = [(e.date, n, e) for n, e in enumerate(entries, 1) if n not in gone]
    if not counting:
        return None
    _day, number, entry = max(counting, key=lambda item: (item[0], item[1]))
    return number, entry


def number_of(entries: Sequence[Entry], entry: Entry) -> int:
    """The 1-based number of ``entry`` (the same object) in ``entries``; 0 if it is not there."""
    return next((n for n, e in enumerate(entries, 1) if e is entry), 0)


def counts(entries: Sequence[Entry], entry: Entry) -> bool:
    """Whether ``entry`` still counts (neither corrected nor withdrawn, nor a withdrawal)."""
    return number_of(entries, entry) not in dropped(entries)
