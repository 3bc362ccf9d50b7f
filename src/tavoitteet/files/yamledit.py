"""Surgical edits of a goal file's text: insert or replace a few lines, touch nothing else.

Pure: takes the parsed :class:`~tavoitteet.files.yamlread.Document` (its text and the
position of every key and node) and returns the new text.  Lines are kept with
their own endings, so CRLF files, a missing final newline, comments, blank lines,
quoting and long lines all stay as they were; the new lines take the file's
newline.  When the layout is one this module does not handle safely (flow style
``{...}`` / ``[...]`` at the place of the edit, odd dash placement) it raises
:class:`EditRefused` rather than guess.  The writer re-parses and compares every
result anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tavoitteet.core.document import Document
from tavoitteet.core.problems import DataPath

PlainValue = str | dict[str, str]
Mapping = dict[str, PlainValue]

_BREAK = re.compile(r"(\r\n|\r|\n|\x85|\u2028|\u2029)")
_ITEM_PREFIX = re.compile(r"( *)-( +)")
_KEEP_HEADER = re.compile(r"[|>](?:[1-9]?\+|\+[1-9])")
_PLAIN_SAFE = re.compile(r"-?[^\W_](?:[\w .,/()%€+\-–']*[\w.)%€])?")
_YAML_WORDS = frozenset(
    {"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"}
)  # quoted for other YAML tools, although our reader keeps them as text
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


class EditRefused(Exception):
    """The edit cannot be made safely; ``key`` names the reason (see writer messages)."""

    def __init__(self, key: str, line: int = 0) -> None:
        super().__init__(key)
        self.key = key
        self.line = line


def quote(text: str) -> str:
    """``text`` as a YAML scalar: plain when that is certainly safe, else double-quoted."""
    if _PLAIN_SAFE.fullmatch(text) and text.casefold() not in _YAML_WORDS and "  " not in text:
        return text
    return '"' + "".join(_escape(ch) for ch in text) + '"'


def _escape(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if ch.isprintable() and ch not in "\x85\u2028\u2029\ufeff":
        return ch
    return f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}"


@dataclass(slots=True)
class Lines:
    """The text as lines, each with its own ending ('' for a last line without newline)."""

    body: list[str]
    ends: list[str]
    newline: str

    @classmethod
    def of(cls, text: str) -> Lines:
        parts = _BREAK.split(text)
        body, ends = parts[0::2], [*parts[1::2], ""]
        if body and body[-1] == "" and len(body) > 1:
            body.pop()
            ends.pop()
        newline = next((e for e in ends if e in ("\r\n", "\n", "\r")), "\n")
        return cls(body, ends, newline)

    def text(self) -> str:
        return "".join(b + e for b, e in zip(self.body, self.ends, strict=True))

    def replace(self, first: int, last: int, new: list[str]) -> None:
        """Replace lines ``first..last`` (0-based, inclusive; last = first - 1 inserts) with ``new``."""
        if last < first:
            previous = self.ends[first - 1]
            self.ends[first - 1] = previous or self.newline
            final = self.newline if previous else ""
        else:
            final = self.ends[last]
        ends = [self.newline] * (len(new) - 1) + [final]
        self.body[first : last + 1] = new
        self.ends[first : last + 1] = ends


def add_entry(document: Document, indicator: DataPath, entry: Mapping, key: str = "toteuma") -> str:
    """The text with ``entry`` appended to the mapping's ``key`` list (``toteuma``; created if absent)."""
    lines = Lines.of(document.text)
    entries = (*indicator, key)
    if entries in document.keys:
        _append_item(document, lines, entries, entry)
    else:
        indent, end = _mapping_layout(document, lines, indicator)
        offset, gap = _list_style(document, lines, indicator)
        new = [" " * indent + f"{key}:", *_item_lines(entry, indent + offset, gap)]
        lines.replace(end + 1, end, new)
    return lines.text()


def set_key(document: Document, indicator: DataPath, key: str, value: Mapping) -> str:
    """The text with the indicator's ``key`` set to the mapping ``value`` (replaced or added)."""
    lines = Lines.of(document.text)
    indent, end = _mapping_layout(document, lines, indicator)
    where = (*indicator, key)
    new = [" " * indent + quote(key) + ":", *_mapping_lines(value, indent + 2)]
    if where not in document.keys:
        lines.replace(end + 1, end, new)
        return lines.text()
    line, column = document.keys[where]
    start = line - 1
    if column - 1 != indent:
        raise EditRefused("edit.layout", line)
    new[0] = lines.body[start][: column - 1] + new[0].lstrip(" ")
    lines.replace(start, _block_end(lines, start, indent, comments=False), new)
    return lines.text()


def _append_item(document: Document, lines: Lines, entries: DataPath, entry: Mapping) -> None:
    line, column = document.values[entries]
    if _char_at(lines, line, column) != "-":
        raise EditRefused("edit.flow_style", line)
    count = sum(1 for p in document.values if len(p) == len(entries) + 1 and p[:-1] == entries)
    item_line, item_column = document.values[(*entries, count - 1)]
    prefix = _ITEM_PREFIX.fullmatch(lines.body[item_line - 1][: item_column - 1])
    if prefix is None:
        raise EditRefused("edit.layout", item_line)
    dash, gap = len(prefix.group(1)), prefix.group(2)
    end = _past_kept_blank_lines(
        document, lines, (*entries, count - 1), _block_end(lines, item_line - 1, dash)
    )
    lines.replace(end + 1, end, _item_lines(entry, dash, gap))


def _mapping_layout(document: Document, lines: Lines, mapping: DataPath) -> tuple[int, int]:
    """The key indentation of a block mapping and the index of its last line."""
    line, column = document.values[mapping]
    if _char_at(lines, line, column) == "{":
        raise EditRefused("edit.flow_style", line)
    keys = [pos for p, pos in document.keys.items() if len(p) == len(mapping) + 1 and p[:-1] == mapping]
    last_line, last_column = max(keys)
    if last_column != column:
        raise EditRefused("edit.layout", last_line)
    end = _block_end(lines, last_line - 1, column - 1)
    return column - 1, _past_kept_blank_lines(document, lines, mapping, end)


def _past_kept_blank_lines(document: Document, lines: Lines, block: DataPath, end: int) -> int:
    """``end``, or past the blank lines after it when they belong to a ``|+`` / ``>+`` scalar.

    A block scalar with keep chomping ends the block: its trailing blank lines are its content.
    """
    inside = [(pos, p) for p, pos in document.values.items() if p[: len(block)] == block and p != block]
    if not inside:
        return end
    (line, column), _path = max(inside)
    header = lines.body[line - 1][column - 1 :].split("#", 1)[0].strip()
    if not _KEEP_HEADER.fullmatch(header):
        return end
    while end + 1 < len(lines.body) and not lines.body[end + 1].strip():
        end += 1
    return end


def _list_style(document: Document, lines: Lines, indicator: DataPath) -> tuple[int, str]:
    """How this file indents list items under a key: (dash offset from the key, gap after the dash)."""
    line, column = document.values[indicator]
    prefix = _ITEM_PREFIX.fullmatch(lines.body[line - 1][: column - 1])
    parent = document.keys.get(indicator[:-1])
    if prefix is None or parent is None or len(prefix.group(1)) < parent[1] - 1:
        return 2, " "
    return len(prefix.group(1)) - (parent[1] - 1), prefix.group(2)


def _block_end(lines: Lines, start: int, indent: int, *, comments: bool = True) -> int:
    """The last line of the block that starts on line ``start`` at ``indent``.

    Lines indented deeper belong to it (also block scalars and comments), as do
    list items at the same indentation (``key:\\n- item``).  Blank lines and
    comments at the end are left outside unless the comments are indented at least as deep.
    """
    last = start
    for index in range(start + 1, len(lines.body)):
        content = lines.body[index]
        stripped = content.lstrip(" ")
        depth = len(content) - len(stripped)
        if not stripped:
            continue
        if stripped.startswith("#"):
            if comments and depth >= indent:
                last = index
            continue
        if depth > indent or (depth == indent and (stripped == "-" or stripped.startswith("- "))):
            last = index
            continue
        break
    return last


def _item_lines(entry: Mapping, dash: int, gap: str) -> list[str]:
    body = _mapping_lines(entry, dash + 1 + len(gap))
    body[0] = " " * dash + "-" + gap + body[0].lstrip(" ")
    return body


def _mapping_lines(mapping: Mapping, indent: int) -> list[str]:
    out: list[str] = []
    for key, value in mapping.items():
        if isinstance(value, dict):
            out.append(f"{' ' * indent}{quote(key)}:")
            out += [f"{' ' * (indent + 2)}{quote(k)}: {quote(v)}" for k, v in value.items()]
        else:
            out.append(f"{' ' * indent}{quote(key)}: {quote(value)}")
    return out


def _char_at(lines: Lines, line: int, column: int) -> str:
    text = lines.body[line - 1] if 0 < line <= len(lines.body) else ""
    return text[column - 1] if 0 < column <= len(text) else ""
