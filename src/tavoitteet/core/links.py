"""Links between years: the ``edeltäjä`` of a goal or an indicator names what it continues.

Kept apart from :mod:`tavoitteet.core.compare` so that looking up a trend's
baseline (``files/baselines.py``) does not import the comparison of two years.
"""

from __future__ import annotations


def linked_id(predecessor: str | None, year_a: int) -> str | None:
    """The earlier id an ``edeltäjä`` link names for ``year_a``: ``"2023/x"`` or ``"x"``; else None."""
    if not predecessor:
        return None
    year, slash, item = predecessor.strip().rpartition("/")
    if not slash:
        return item
    return item if year.strip() == str(year_a) else None
