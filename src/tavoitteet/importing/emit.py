"""A small YAML writer of our own for generated goal files.

It writes only what the goal files need: mappings, sequences and scalars, with
comments.  Every string is written so that any YAML 1.1 or 1.2 reader reads it
back as the same string: plain only when it starts with a letter, holds no
YAML indicator characters and is not a word such as ``yes``/``no``/``on``;
folded (``>-``) when it is long and plain text; double-quoted with escapes
otherwise.  A :class:`Comment` used as a mapping key becomes ``# ...`` lines at
that spot (before the ``-`` when it opens a sequence item).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

WIDTH = 88
# Words YAML 1.1 reads as booleans or null, compared case-insensitively.
_YAML11_WORDS = frozenset(["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"])
_PLAIN = re.compile(r"[^\W\d_][\w .,()/%€–\-!?'’&+*=]*")
_RAW_OK = frozenset("\u00a0\u202f")


@dataclass(frozen=True)
class Comment:
    """Comment lines to write at this spot of a mapping (use as a key, value ignored)."""

    text: str


def emit(
    data: Mapping[Any, Any],
    header: Sequence[str] = (),
    blank_before: Sequence[str] = (),
    spaced_items: Sequence[str] = (),
) -> str:
    """The YAML text of ``data``; ``header`` lines become the opening comments.

    ``blank_before`` names top-level keys preceded by an empty line, and
    ``spaced_items`` top-level keys whose sequence items are separated by one.
    """
    lines = [_comment_line(line, 0) for text in header for line in text.splitlines() or [""]]
    _mapping(data, 0, lines, frozenset(blank_before), frozenset(spaced_items))
    return "\n".join(lines) + "\n"


def _comment_line(text: str, indent: int) -> str:
    clean = "".join(ch if ch.isprintable() else " " for ch in text).rstrip()
    return " " * indent + ("# " + clean if clean else "#")


def _comments(comment: Comment, indent: int) -> list[str]:
    width = max(WIDTH - indent - 2, 40)
    wrapped = [
        part
        for line in comment.text.splitlines()
        for part in ([line] if len(line) <= width else textwrap.wrap(line, width))
    ]
    return [_comment_line(line, indent) for line in wrapped or [""]]


def _mapping(
    data: Mapping[Any, Any],
    indent: int,
    lines: list[str],
    blank: frozenset[str] = frozenset(),
    spaced: frozenset[str] = frozenset(),
) -> None:
    for key, value in data.items():
        if isinstance(key, Comment):
            lines += _comments(key, indent)
            continue
        if value is None:
            continue
        if key in blank and lines:
            lines.append("")
        _value(" " * indent + _key(key) + ":", value, indent, lines, key in spaced)


def _key(key: object) -> str:
    text = str(key)
    return text if _PLAIN.fullmatch(text) and text.lower() not in _YAML11_WORDS else _quoted(text)


def _value(prefix: str, value: Any, indent: int, lines: list[str], spaced: bool = False) -> None:
    if isinstance(value, Mapping):
        if not any(not isinstance(k, Comment) and v is not None for k, v in value.items()):
            lines.append(prefix + " {}")
            return
        lines.append(prefix)
        _mapping(value, indent + 2, lines)
    elif isinstance(value, (list, tuple)):
        if not value:
            lines.append(prefix + " []")
            return
        lines.append(prefix)
        for number, item in enumerate(value):
            if spaced and number:
                lines.append("")
            _item(item, indent + 2, lines)
    else:
        lines += _scalar(prefix, scalar_text(value), indent)


def _item(item: Any, indent: int, lines: list[str]) -> None:
    if isinstance(item, Mapping) and item:
        entries = list(item.items())
        while entries and isinstance(entries[0][0], Comment):
            lines += _comments(entries.pop(0)[0], indent)
        body: list[str] = []
        _mapping(dict(entries), indent + 2, body)
        if not body:
            lines.append(" " * indent + "- {}")
            return
        lines.append(" " * indent + "- " + body[0][indent + 2 :])
        lines += body[1:]
    elif isinstance(item, (list, tuple, Mapping)):
        _value(" " * indent + "-", item, indent, lines)
    else:
        lines += _scalar(" " * indent + "-", scalar_text(item), indent)


def scalar_text(value: object) -> str | tuple[str]:
    """A scalar as YAML source: a 1-tuple marks text already safe to write as is."""
    if isinstance(value, bool):
        return ("kyllä" if value else "ei",)
    if isinstance(value, int):
        return (str(value),)
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return (str(int(value)),)
        return format(value.normalize(), "f").replace(".", ",")
    if isinstance(value, date):
        return (f"{value.day}.{value.month}.{value.year}",)
    return str(value)


def _scalar(prefix: str, text: str | tuple[str], indent: int) -> list[str]:
    if isinstance(text, tuple):
        return [f"{prefix} {text[0]}"]
    one_line = len(prefix) + 1 + len(text) <= WIDTH
    if is_plain_safe(text) and one_line:
        return [f"{prefix} {text}"]
    if one_line or not _foldable(text):
        return [f"{prefix} {_quoted(text)}"]
    return [f"{prefix} >-", *_fold(text, indent + 2)]


def is_plain_safe(text: str) -> bool:
    """True when ``text`` reads back as the same string without quotes in YAML 1.1 and 1.2."""
    return (
        bool(_PLAIN.fullmatch(text))
        and text.isprintable()
        and text == text.strip()
        and text.lower() not in _YAML11_WORDS
    )


def _foldable(text: str) -> bool:
    return text.isprintable() and text == text.strip() and "  " not in text and " " in text


def _fold(text: str, indent: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and indent + len(current) + 1 + len(word) > WIDTH:
            lines.append(" " * indent + current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(" " * indent + current)
    return lines


def _quoted(text: str) -> str:
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char.isprintable() or char in _RAW_OK:
            out.append(char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x100:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) < 0x10000:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'
