"""Ids generated from texts: ASCII, readable, stable and unique within a file.

``Kulttuuriparlamentin perustaminen`` becomes ``kulttuuriparlamentin-perustaminen``:
ä and å become a, ö becomes o, other letters lose their accents, everything
is lowercase, words are joined with hyphens and the id is cut at a word
boundary.  A second use of the same id gets a numbered suffix (``-2``).
"""

from __future__ import annotations

import re
import unicodedata

MAX_LENGTH = 40
_FINNISH = str.maketrans({"ä": "a", "ö": "o", "å": "a", "ß": "ss", "æ": "ae", "ø": "o"})
_WORD = re.compile(r"[a-z0-9]+")


def slugify(text: str, max_length: int = MAX_LENGTH) -> str:
    """``text`` as an id, or ``""`` when it has no letters or digits."""
    lowered = text.lower().translate(_FINNISH)
    ascii_text = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode("ascii")
    words = _WORD.findall(ascii_text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:max_length]
    return slug


class IdAllocator:
    """Hands out unique ids within one file."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.next_number: dict[tuple[str, int], int] = {}
        """per base, the suffix to try next: every lower one is taken (ids are never given back),
        so that a text repeated on thousands of rows costs one step each, not one per earlier row"""

    def make(self, text: str, fallback: str, max_length: int = MAX_LENGTH) -> str:
        """An unused id made from ``text`` (or ``fallback`` when ``text`` gives none)."""
        base = slugify(text, max_length) or slugify(fallback, max_length) or "kohta"
        candidate = base
        number = self.next_number.get((base, max_length), 2)
        if candidate in self.used:
            candidate = _numbered(base, number, max_length)
            while candidate in self.used:
                number += 1
                candidate = _numbered(base, number, max_length)
            self.next_number[(base, max_length)] = number + 1
        self.used.add(candidate)
        return candidate


def _numbered(base: str, number: int, max_length: int) -> str:
    suffix = f"-{number}"
    return base[: max_length - len(suffix)].rstrip("-") + suffix
