"""A quick reader for the plain shape most goal files have, used by ``validate`` before the full reader.

:mod:`tavoitteet.files.yamlread` builds every file from libyaml's events and
keeps the line and column of every node, for the problems it may have to
word; making the Python objects of those events alone costs more than
validating the data.  Most files have no problem at all, and for them the
positions are never used.  This module reads the common shape of a goal file
(block mappings and sequences, plain, quoted and folded scalars, one-line
``[a, b]`` lists, comments) straight from its lines into the same plain data,
without positions, and gives up (returns ``None``) on anything else: a tab, a
backslash escape, an anchor, a tag, a key it would have to interpret, an
indentation it does not expect, a duplicate key or id, a limit.  Giving up is
never wrong: the caller then reads the file with the full reader.  And a file
read here that turns out to have any problem is read again with the full
reader, so every problem is found and worded, with its line, by the one
reader (``load_quick``).  ``tests/test_quickread.py`` shows that whatever this
module accepts, the full reader reads into exactly the same data.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tavoitteet.core.document import Document
from tavoitteet.files.rawread import MAX_BYTES
from tavoitteet.files.yamlread import (
    MAX_DEPTH,
    MAX_NODES,
    NULL_WORDS,
    UTF8_BOM,
    scan_characters,
)

if TYPE_CHECKING:
    from tavoitteet.files.loader import LoadedFile

_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@`")
"""characters that would make a value something else than plain text at its start"""
_FLOW_ITEM_BAD = re.compile(r"[\[\]{}\"'#:&*!|>%@`?]|^-(?: |$)")
_LATIN_WORD = r"0-9A-Z_a-z\xaa\xb2\xb3\xb5\xb9\xba\xbc-\xbe\xc0-\xd6\xd8-\xf6\xf8-\xff"
"""the characters below U+0100 that ``\\w`` matches, as a class: a bitmap, quicker to test than ``\\w``"""
_LINE = re.compile(
    rf"(( *+)(- +)?(?:([{_LATIN_WORD}][{_LATIN_WORD}\-/.() ]*+):(?: +|(?=\n)|\Z))?([^\n]*+))\n?"
)
"""a line: the whole of it, its indent, a list's dash, a plain key and what follows it (with the spaces at the end).

A key is written with ``\\w`` characters below U+0100 (every key of the format
is), which are NFC as they stand; a line whose key has another is no line of
the plain shape, and is left to the full reader.
"""
_Line = tuple[str, str, str, str, str]
_ALLOWED_BYTES = bytes([10, 13, *range(0x20, 0x7F), *range(0x80, 0x100)])
"""bytes that are never a control character by themselves (tab is left to the full reader)"""
_PLAIN_LATIN = bytes([10, 13, *range(0x20, 0x5C), *range(0x5D, 0x7F), *range(0xA1, 0x100)])
"""the Latin-1 characters that need no look: all but controls, the backslash, C1 controls and the no-break space"""
_C1_AND_NBSP = bytes(range(0x80, 0xA1))
_SUSPECT = (b"\xe2\x80", b"\xe2\x81", b"\xe1\x9a\x80", b"\xe3\x80\x80", b"\xef\xbb\xbf")
"""the UTF-8 lead bytes of every character above U+00FF that the full reader's scan refuses"""
_SUSPECT_C2 = re.compile(b"\xc2[\x80-\xa0]")
"""C1 controls (U+0080 to U+009F) and the no-break space"""
_NODE_LIMIT = MAX_NODES // 2
_nfc = unicodedata.normalize
_FLOW_PAIR = re.compile(
    r" *(\w[\w\-/.() ]*?) *: +"
    r"(?:\"([^\"]*)\"|'((?:[^']|'')*)'|([^ ,\[\]{}#\"'&*!|>%@`?:\-][^,\[\]{}#:\"']*?)) *(,|$)"
)
"""one ``key: value`` of a one-line flow mapping, and the comma after it (none at the end)"""
_BLOCK_HEADERS = frozenset((">", ">-", "|", "|-"))
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def load_quick(path: Path) -> LoadedFile:
    """:func:`tavoitteet.files.loader.load_file`, quicker for a file of the plain shape that has no problem.

    The file is read once.  When the quick reader gives up, or the data it
    read has any problem (the models', the checks'), the same bytes are read
    again with the full reader, so every problem is the full reader's own.
    """
    from tavoitteet.files import loader
    from tavoitteet.files.settings import is_settings_file
    from tavoitteet.files.yamlread import parse_bytes

    raw = None if is_settings_file(path) else read_bytes(path)
    if raw is None:
        return loader.load_file(path)
    document = parse_quick(raw)
    if document is not None:
        loaded = loader.validate_document(document, path)
        if not loaded.problems:
            return loaded
    result = parse_bytes(raw, path)
    if result.document is None:
        return loader.LoadedFile(path, None, result.problems)
    return loader.validate_document(result.document, path)


class _GiveUp(Exception):
    """This file is not of the plain shape: the full reader reads it."""


def read_bytes(path: Path) -> bytes | None:
    """A regular file's bytes through one ``open`` that follows no link, or None to leave it to rawread.

    Anything else than an ordinary small regular file (a link, a folder, a FIFO,
    a name that is not UTF-8, an error) is left to
    :func:`tavoitteet.files.rawread.read_goal_bytes`, which words its problem.
    """
    name = path.name
    if not _NOFOLLOW or (not name.isascii() and any("\udc80" <= char <= "\udcff" for char in name)):
        return None
    try:
        handle = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        parts = []
        size = 0
        while chunk := os.read(handle, max(info.st_size + 1, 65536)):
            parts.append(chunk)
            size += len(chunk)
            if size > MAX_BYTES:
                return None
        return b"".join(parts)
    except OSError:
        return None
    finally:
        os.close(handle)


def parse_quick(raw: bytes) -> Document | None:
    """The file's data (no positions) when it has the plain shape and nothing to refuse; else None."""
    if len(raw) > MAX_BYTES:
        return None
    bom = raw.startswith(UTF8_BOM)
    if bom:
        raw = raw[3:]
    # No test of UTF-16 is needed here: its BOM is no UTF-8, and without one its
    # ASCII letters come with zero bytes, which are refused below.
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    try:
        latin: bytes | None = text.encode("latin-1")
    except UnicodeEncodeError:
        latin = None
    if _refused_characters(raw, text, latin):
        return None
    lf_text = text
    if "\r" in text:
        lf_text = text.replace("\r\n", "\n")
        if "\r" in lf_text:
            return None  # a carriage return that does not end a line
    try:
        data = _Reader(latin is not None).read(lf_text)
    except _GiveUp:
        return None
    return Document(data, text, bom=bom)


_NO_PATH = Path("-")


def _refused_characters(raw: bytes, text: str, latin: bytes | None) -> bool:
    """Whether ``text`` (``raw`` decoded) has a character to leave to the full reader, or one it refuses.

    Text of Latin-1 characters only (Finnish and Swedish are), given as its
    ``latin`` bytes (a copy of the text's own), is checked in one pass over
    them; other text by its UTF-8 bytes.
    """
    if latin is None:
        if raw.translate(None, _ALLOWED_BYTES) or b"\\" in raw:
            return True  # a control character, a tab or an escape: the full reader
        suspect = any(lead in raw for lead in _SUSPECT) or _SUSPECT_C2.search(raw)
        return bool(suspect and scan_characters(text, _NO_PATH))
    left = latin.translate(None, _PLAIN_LATIN)
    if not left:
        return False
    if left.translate(None, _C1_AND_NBSP):
        return True  # a control character, a tab or an escape: the full reader
    return bool(scan_characters(text, _NO_PATH))


def _text(value: str) -> str:
    return value if value.isascii() else unicodedata.normalize("NFC", value)


class _Reader:
    """One pass over the lines with a stack of open containers: ``[indent, container, is a mapping]``."""

    def __init__(self, latin: bool = False) -> None:
        """``latin``: the text has Latin-1 characters only.  Such text is always NFC
        (every character below U+0100 is its own normal form, and none combines
        with another), so its texts need no normalizing.
        """
        self.latin = latin
        self._text: Callable[[str], str] = str if latin else _text
        self.ids: set[str] = set()
        self.nodes = 0

    def read(self, text: str) -> dict[str, Any]:
        """The data of ``text``; raises :class:`_GiveUp` on anything but the plain shape."""
        if 3 * (text.count("\n") + 1) > _NODE_LIMIT:
            raise _GiveUp  # over the node limit below, however the lines are read: not worth reading
        lines = _LINE.findall(text)
        root: dict[str, Any] = {}
        # the open containers below the current one: (indent, container, is a mapping)
        stack: list[tuple[int, Any, bool]] = []
        current: Any = None  # the container the current line belongs to ...
        at = -1  # ... its indent (the column of its keys or dashes) ...
        is_mapping = True  # ... and whether it is a mapping
        # a key written without a value (``key:``), waiting for what the next lines hold
        pending: tuple[dict[str, Any], str, int] | None = None
        ids = self.ids
        latin = self.latin
        skip_to = 0  # the lines of a block scalar, read by _block
        spaced = " \n" in text or text[-1:] == " "  # a line ends in spaces (most files have none)
        for index, (_, indent_text, dash_text, key, rest) in enumerate(lines, 1):
            if (not key and not dash_text and (not rest or rest[0] == "#")) or index <= skip_to:
                continue  # a blank line or a comment
            if spaced and rest[-1:] == " ":
                rest = rest.rstrip(" ")
            indent = len(indent_text)
            if indent == at and key and pending is None and is_mapping and not dash_text:
                mapping = current  # the common case: the next key of the same mapping
            else:
                if pending is not None:
                    owner, owner_key, key_indent = pending
                    pending = None
                    if indent > key_indent or (indent == key_indent and dash_text):
                        if len(stack) >= MAX_DEPTH:
                            raise _GiveUp
                        stack.append((at, current, is_mapping))
                        current = owner[owner_key] = [] if dash_text else {}
                        at = indent
                        is_mapping = not dash_text
                elif current is None:
                    if indent:
                        raise _GiveUp
                    current, at = root, 0
                while indent < at:
                    if not stack:
                        raise _GiveUp
                    at, current, is_mapping = stack.pop()
                if indent != at:
                    raise _GiveUp
                if not is_mapping and not dash_text:  # a list at the indent of its mapping's keys ends here
                    if not stack:
                        raise _GiveUp
                    at, current, is_mapping = stack.pop()
                    if indent != at or not is_mapping:
                        raise _GiveUp
                if is_mapping:
                    if dash_text or not key:
                        raise _GiveUp
                    mapping = current
                else:
                    if not key:
                        if not rest or rest[0] == "#":
                            raise _GiveUp
                        value, skip_to = self._value(rest, indent, lines, index)
                        current.append(value)
                        continue
                    if len(stack) >= MAX_DEPTH:
                        raise _GiveUp
                    mapping = {}
                    current.append(mapping)
                    stack.append((at, current, is_mapping))
                    current, at, is_mapping = mapping, indent + len(dash_text), True
            if key[-1] == " " or key in mapping:  # "a : b", or a key written twice: the full reader
                raise _GiveUp
            if not rest or rest[0] == "#":
                mapping[key] = None  # until the next line says otherwise
                pending = (mapping, key, at)
                continue
            if rest[0] in _PLAIN_START:
                value, skip_to = self._value(rest, at, lines, index)
            else:  # plain text, the common case
                if " #" in rest:
                    rest = rest[: rest.find(" #")].rstrip(" ")
                if ": " in rest or rest[-1] == ":":
                    raise _GiveUp
                if rest in NULL_WORDS:
                    value = None
                elif latin or rest.isascii():
                    value = rest
                else:
                    value = _nfc("NFC", rest)
            if key == "id" and value.__class__ is str:
                if value in ids:
                    raise _GiveUp  # a duplicate id: the full reader and the checks word it
                ids.add(value)
            mapping[key] = value
        # a line holds three nodes at most (- key: value); flow collections are counted as read
        if 3 * len(lines) + self.nodes > _NODE_LIMIT:
            raise _GiveUp
        if current is None:
            raise _GiveUp  # an empty file
        return root

    def _value(self, text: str, parent: int, lines: list[_Line], index: int) -> tuple[Any, int]:
        """The value written on a line after ``key: `` or ``- ``, and the index of the line after it."""
        first = text[0]
        if first == '"':
            end = text.find('"', 1)
            if end < 0:
                raise _GiveUp
            if end + 1 < len(text):
                self._comment_only(text, end + 1)
            return self._text(text[1:end]), index
        if first == "'":
            end = 1
            while True:
                end = text.find("'", end)
                if end < 0:
                    raise _GiveUp
                if text[end + 1 : end + 2] == "'":
                    end += 2
                    continue
                break
            self._comment_only(text, end + 1)
            return self._text(text[1:end].replace("''", "'")), index
        if first == "[":
            return self._flow_list(text), index
        if first == "{":
            return self._flow_mapping(text), index
        if first in ">|":
            if text not in _BLOCK_HEADERS:
                raise _GiveUp
            return self._block(text, parent, lines, index)
        if first in _PLAIN_START and (first != "-" or text[1:2] in ("", " ")):
            raise _GiveUp  # but a dash before a digit or a letter (-3, -x) starts plain text
        cut = text.find(" #")
        if cut >= 0:
            text = text[:cut].rstrip(" ")
        if ": " in text or text[-1] == ":":
            raise _GiveUp
        if text in NULL_WORDS:
            return None, index
        return self._text(text), index

    @staticmethod
    def _comment_only(text: str, start: int) -> None:
        rest = text[start:].lstrip(" ")
        if rest and (rest[0] != "#" or start == len(text) - len(rest)):
            raise _GiveUp

    def _flow_list(self, text: str) -> list[Any]:
        if text[-1] != "]":
            raise _GiveUp
        inner = text[1:-1]
        if not inner.strip(" "):
            return []
        items: list[Any] = []
        for part in inner.split(","):
            item = part.strip(" ")
            if not item or _FLOW_ITEM_BAD.search(item):
                raise _GiveUp
            items.append(None if item in NULL_WORDS else self._text(item))
        self.nodes += len(items)
        return items

    def _flow_mapping(self, text: str) -> dict[str, Any]:
        """``{key: value, key: "value"}`` on one line, its values plain or quoted text."""
        if text[-1] != "}":
            raise _GiveUp
        inner = text[1:-1]
        mapping: dict[str, Any] = {}
        if not inner.strip(" "):
            return mapping
        end = len(inner)
        position = 0
        while True:
            found = _FLOW_PAIR.match(inner, position)
            if found is None:
                raise _GiveUp
            key, double, single, plain, separator = found.groups()
            key = self._text(key)
            if key in mapping:
                raise _GiveUp
            value: Any
            if double is not None:
                value = self._text(double)
            elif single is not None:
                value = self._text(single.replace("''", "'"))
            else:
                value = None if plain in NULL_WORDS else self._text(plain)
            if key == "id" and value.__class__ is str:
                if value in self.ids:
                    raise _GiveUp
                self.ids.add(value)
            mapping[key] = value
            position = found.end()
            if not separator:
                break
            if position >= end:
                raise _GiveUp  # a comma at the end
        if position != end:
            raise _GiveUp
        self.nodes += 2 * len(mapping)
        return mapping

    def _block(self, header: str, parent: int, lines: list[_Line], index: int) -> tuple[str, int]:
        """A folded (``>``, ``>-``) or literal (``|``, ``|-``) scalar of evenly indented lines."""
        count = len(lines)
        body: list[str] = []
        indent = -1
        blank_after = False
        while index < count:
            line = lines[index][0]
            content = line.lstrip(" ")
            if not content:
                if len(line) > max(indent, parent):
                    raise _GiveUp  # spaces that may be content
                blank_after = True
                index += 1
                continue
            own = len(line) - len(content)
            if own <= parent:
                break
            if indent < 0:
                if blank_after:
                    raise _GiveUp  # blank lines before the first line
                indent = own
            elif own != indent or blank_after:
                raise _GiveUp  # more-indented lines and blank lines inside have rules of their own
            body.append(line[indent:])
            index += 1
        if not body:
            raise _GiveUp
        text = (" " if header[0] == ">" else "\n").join(body)
        if header[-1] != "-":
            text += "\n"
        return self._text(text), index
