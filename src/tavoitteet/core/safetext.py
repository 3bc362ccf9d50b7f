"""Text from files, file names and arguments made safe to print: no terminal or CI control reaches output.

Goal files arrive from many hands.  A YAML escape (``"\\e[2J"``), a file name
with a newline or an argument with a bidirectional override could clear the
screen, set the window title, hide a hyperlink, reorder what a reader sees or
write a line GitHub Actions obeys (``::error …``, ``::stop-commands::``).  The
reader refuses such characters in goal files (:mod:`tavoitteet.files.yamlread`);
everything else that prints text that did not come from the program itself
passes it through :func:`escape_controls` or :func:`one_line`, which show each
unsafe character as a visible escape (``\\x1b``, ``\\u202e``).  A byte of a
file name that is not UTF-8 (kept by Python as a lone surrogate) is shown as
``\\xff``.  Pure functions: nothing here prints.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
"""embeddings, overrides and isolates: the characters of 'Trojan Source' attacks"""
UNSAFE_CLASS = f"\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}\\u2028\\u2029\\ud800-\\udfff"
"""what never reaches output unescaped (tab and newline are allowed in multi-line text)"""

_UNSAFE = re.compile(f"[{UNSAFE_CLASS}]")
_UNSAFE_IN_LINE = re.compile(f"[\\t\\n{UNSAFE_CLASS}]")


def visible(char: str) -> str:
    """One unsafe character as a visible escape: ``\\x1b``, ``\\u202e``, ``\\xff`` for an undecodable byte."""
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` with every control and bidirectional character escaped; tabs and newlines stay."""
    if text.isascii() and text.isprintable():
        return text
    return _UNSAFE.sub(lambda match: visible(match.group()), text)


def one_line(text: str) -> str:
    """``text`` as one safe line: tabs and newlines are escaped too (file names, keys, values in messages)."""
    if text.isascii() and text.isprintable():
        return text
    return _UNSAFE_IN_LINE.sub(lambda match: visible(match.group()), text)


def strip_controls(text: str) -> str:
    """``text`` without its control and bidirectional characters (tabs and newlines stay): for imported cells."""
    if text.isascii() and text.isprintable():
        return text
    return _UNSAFE.sub("", text)


def first_unsafe(text: str, in_line: bool = False) -> str | None:
    """The first unsafe character of ``text`` (tab and newline count with ``in_line``), or None."""
    found = (_UNSAFE_IN_LINE if in_line else _UNSAFE).search(text)
    return found.group() if found else None


def guarded_line(text: str) -> str:
    """A line that cannot be a GitHub Actions workflow command: one starting with ``::`` gets a ``./``."""
    return f"./{text}" if text.lstrip().startswith("::") else text
