"""Read a goal file's bytes into plain data with the position of every node.

This module is the security boundary: goal files arrive from many hands.  It
decodes UTF-8 strictly, refuses oversized files before parsing, scans for
characters that silently change the structure, and builds the data itself from
the YAML parser's event stream (libyaml through PyYAML's C binding where it is
available) with an explicit stack, never recursion.  Every scalar stays the text
the user typed; only the models decide what it means.  Anchors, aliases, tags,
merge keys, duplicate keys and further documents are refused.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tavoitteet.core.document import Document, Position
from tavoitteet.core.problems import Code, DataPath, Problem
from tavoitteet.core.safetext import BIDI_CONTROLS, first_unsafe
from tavoitteet.files import yamllean as yaml
from tavoitteet.files.rawread import MAX_BYTES, read_goal_bytes

_EventParser: Any = yaml.CParser  # None with a pure-Python PyYAML only

MAX_DEPTH = 40
MAX_NODES = 200_000
UTF8_BOM = b"\xef\xbb\xbf"
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})

_CONTROL = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}\\u2028\\u2029]")

_LEADING_WS = re.compile(r"[ \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u2060\u3000\ufeff]+")
_BAD_INDENT = re.compile(r"[\t\u00a0\u1680\u2000-\u200b\u202f\u205f\u2060\u3000\ufeff]")
_CHAR_NAMES = {
    "\t": "sarkain (tab)",
    "\u00a0": "sitova välilyönti (U+00A0)",
    "\u200b": "leveydetön välilyönti (U+200B)",
    "\ufeff": "BOM / leveydetön sitova välilyönti (U+FEFF)",
}
_PLAIN = ("", None)
_SCALAR = yaml.ScalarEvent
_MAPPING_START = yaml.MappingStartEvent
_SEQUENCE_START = yaml.SequenceStartEvent
_MAPPING_END = yaml.MappingEndEvent
_SEQUENCE_END = yaml.SequenceEndEvent
_DOCUMENT_START = yaml.DocumentStartEvent
_ALIAS = yaml.AliasEvent
_STREAM_END = yaml.StreamEndEvent


@dataclass(slots=True)
class ReadResult:
    document: Document | None
    problems: list[Problem]


def read_file(path: Path) -> ReadResult:
    """Read and parse one goal file; every failure comes back as a problem."""
    raw = read_goal_bytes(path)
    if isinstance(raw, Problem):
        return ReadResult(None, [raw])
    return parse_bytes(raw, path)


def parse_bytes(raw: bytes, path: Path) -> ReadResult:
    """Parse a goal file's bytes (see the module docstring for what is refused)."""
    if len(raw) > MAX_BYTES:
        return _fail(path, Code.TOO_LARGE, "file.too_large", size=str(len(raw)), limit=str(MAX_BYTES))
    bom = raw.startswith(UTF8_BOM)
    decoded = _decode(raw[3:] if bom else raw, path)
    if isinstance(decoded, Problem):
        return ReadResult(None, [decoded])
    problems = scan_characters(decoded, path)
    if problems:
        return ReadResult(None, problems)
    return _EventBuilder(decoded, path, bom).build()


def _decode(raw: bytes, path: Path) -> str | Problem:
    if variant := utf16_variant(raw):
        return Problem(path, Code.NOT_UTF8, "file.utf16", {"variant": variant}, 1, 1)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        column = len(raw[line_start : error.start].decode("utf-8", errors="replace")) + 1
        key = "file.cp1252" if _looks_like_cp1252(raw) else "file.not_utf8"
        return Problem(path, Code.NOT_UTF8, key, {}, line, column)


def utf16_variant(raw: bytes) -> str | None:
    """``"UTF-16 LE"`` or ``"UTF-16 BE"`` when the bytes are UTF-16 text, with or without a BOM.

    Without a BOM, text of mostly ASCII characters in UTF-16 has a zero byte in
    every other position; UTF-8 text has none (a zero byte is refused anyway).
    """
    if raw.startswith(b"\xff\xfe"):
        return "UTF-16 LE"
    if raw.startswith(b"\xfe\xff"):
        return "UTF-16 BE"
    sample = raw[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > half * 0.6 and even.count(0) < half * 0.1:
        return "UTF-16 LE"
    if even.count(0) > half * 0.6 and odd.count(0) < half * 0.1:
        return "UTF-16 BE"
    return None


def _looks_like_cp1252(raw: bytes) -> bool:
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return any(ch in text for ch in "äöåÄÖÅ")


def scan_characters(text: str, path: Path) -> list[Problem]:
    """Find control characters anywhere and odd whitespace in indentation."""
    problems: list[Problem] = []
    if _CONTROL.search(text) is None and _BAD_INDENT.search(text) is None:
        return problems  # the common case: one pass over the text instead of two per line
    for number, line in enumerate(text.split("\n"), start=1):
        if match := _CONTROL.search(line):
            code = f"U+{ord(match.group()):04X}"
            problems.append(
                Problem(
                    path, Code.CONTROL_CHAR, "file.control_char", {"char": code}, number, match.start() + 1
                )
            )
        indent = _LEADING_WS.match(line)
        if indent and (bad := _BAD_INDENT.search(indent.group())):
            char = bad.group()
            name = _CHAR_NAMES.get(char, f"U+{ord(char):04X}")
            problems.append(
                Problem(
                    path, Code.BAD_INDENT_CHAR, "file.bad_indent", {"char": name}, number, bad.start() + 1
                )
            )
    return problems


def _fail(path: Path, code: Code, key: str, **args: str) -> ReadResult:
    return ReadResult(None, [Problem(path, code, key, dict(args), 1, 1)])


class _Stop(Exception):
    """Raised inside the builder to end parsing at the first structural refusal."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.key)
        self.problem = problem


class _EventBuilder:
    """Build plain data from parser events with an explicit stack.

    The loop in :meth:`_consume` runs once per YAML node of every file, so it
    is written for speed: exact class tests instead of ``isinstance``, locals
    instead of attributes, one frame list per open container.
    """

    def __init__(self, text: str, path: Path, bom: bool) -> None:
        self.text = text
        self.path = path
        self.document = Document({}, text, bom=bom)
        self.root: Any = None

    def build(self) -> ReadResult:
        try:
            self._consume(self._event_source())
        except _Stop as stop:
            return ReadResult(None, [stop.problem])
        except yaml.MarkedYAMLError as error:
            return ReadResult(None, [self._syntax_problem(error)])
        except yaml.YAMLError as error:
            return ReadResult(None, [self._problem(Code.SYNTAX, "yaml.syntax", (1, 1), detail=str(error))])
        if self.root is None:
            return ReadResult(None, [self._problem(Code.EMPTY_FILE, "file.empty", (1, 1))])
        if not isinstance(self.root, dict):
            return ReadResult(None, [self._problem(Code.WRONG_TYPE, "yaml.root_not_mapping", (1, 1))])
        self.document.data = self.root
        return ReadResult(self.document, [])

    def _event_source(self) -> Callable[[], Any]:
        if _EventParser is not None:
            return _EventParser(self.text).get_event  # type: ignore[no-any-return]
        events = iter(yaml.parse(self.text, Loader=yaml.SafeLoader))  # pragma: no cover
        return lambda: next(events, None)  # pragma: no cover

    def _consume(self, next_event: Callable[[], Any]) -> None:
        values = self.document.values
        # One frame per open container: [container, its path, pending key, is a mapping].
        stack: list[list[Any]] = []
        nodes = 0
        documents = 0
        while (event := next_event()) is not None:
            kind = event.__class__
            if kind is _SCALAR or kind is _MAPPING_START or kind is _SEQUENCE_START:
                nodes += 1
                if nodes > MAX_NODES:
                    raise _Stop(
                        self._stop(Code.TOO_MANY_NODES, "yaml.too_many_nodes", event, limit=str(MAX_NODES))
                    )
                if event.anchor is not None:
                    raise _Stop(self._stop(Code.ANCHOR_ALIAS, "yaml.anchor", event, name=event.anchor))
                if event.tag is not None:
                    raise _Stop(self._stop(Code.TAG, "yaml.tag", event, tag=event.tag))
                mark = event.start_mark
                position = (mark.line + 1, mark.column + 1)
                if kind is _SCALAR:
                    text = event.value
                    if event.style == '"' or not text.isascii():
                        is_key = bool(stack) and stack[-1][3] and stack[-1][2] is None
                        text = self._checked(text, event, is_key)
                    value = None if event.style in _PLAIN and text in NULL_WORDS else text
                    if not stack:
                        self.root = value
                        values[()] = position
                        continue
                    frame = stack[-1]
                    container = frame[0]
                    if not frame[3]:
                        values[(*frame[1], len(container))] = position
                        container.append(value)
                        continue
                    key = frame[2]
                    if key is None:
                        self._set_key(frame, text, event, position)
                        continue
                    container[key] = value
                    frame[2] = None
                    values[(*frame[1], key)] = position
                    continue
                if len(stack) >= MAX_DEPTH:
                    raise _Stop(self._stop(Code.TOO_DEEP, "yaml.too_deep", event, limit=str(MAX_DEPTH)))
                is_mapping = kind is _MAPPING_START
                new: Any = {} if is_mapping else []
                if not stack:
                    self.root = new
                    child: DataPath = ()
                else:
                    frame = stack[-1]
                    container = frame[0]
                    if not frame[3]:
                        child = (*frame[1], len(container))
                        container.append(new)
                    elif frame[2] is None:
                        raise _Stop(self._problem(Code.NON_SCALAR_KEY, "yaml.non_scalar_key", position))
                    else:
                        child = (*frame[1], frame[2])
                        container[frame[2]] = new
                        frame[2] = None
                values[child] = position
                stack.append([new, child, None, is_mapping])
            elif kind is _MAPPING_END or kind is _SEQUENCE_END:
                stack.pop()
            elif kind is _DOCUMENT_START:
                documents += 1
                if documents > 1:
                    raise _Stop(self._stop(Code.MULTI_DOCUMENT, "yaml.multi_document", event))
            elif kind is _ALIAS:
                raise _Stop(self._stop(Code.ANCHOR_ALIAS, "yaml.alias", event))
            elif kind is _STREAM_END:
                return

    def _checked(self, text: str, event: Any, is_key: bool) -> str:
        """A scalar without control characters (a double-quoted escape can make any), in NFC.

        A key may hold neither a tab nor a line break: it is printed inside
        one-line messages.  Decomposed letters (``a`` + combining diaeresis,
        as some macOS tools and PDF copies write ``ä``) are composed, so that a
        key or id looks and compares the same.
        """
        if (bad := first_unsafe(text, in_line=is_key)) is not None:
            raise _Stop(
                self._stop(Code.CONTROL_CHAR, "file.control_char_escaped", event, char=f"U+{ord(bad):04X}")
            )
        return text if text.isascii() else unicodedata.normalize("NFC", text)

    def _set_key(self, frame: list[Any], key: str, event: Any, position: Position) -> None:
        if key == "<<" and event.style in _PLAIN:
            raise _Stop(self._problem(Code.MERGE_KEY, "yaml.merge_key", position))
        path = frame[1]
        if key in frame[0]:
            first = self.document.keys[(*path, key)]
            composed = event.value != key or self.document.text.count(key) < 2
            raise _Stop(
                self._problem(
                    Code.DUPLICATE_KEY,
                    "yaml.duplicate_key_nfc" if composed else "yaml.duplicate_key",
                    position,
                    key=key,
                    first=str(first[0]),
                )
            )
        frame[2] = key
        self.document.keys[(*path, key)] = position

    def _stop(self, code: Code, message_key: str, event: Any, **args: str) -> Problem:
        return self._problem(code, message_key, _mark(event), **args)

    def _syntax_problem(self, error: yaml.MarkedYAMLError) -> Problem:
        mark = error.problem_mark or error.context_mark
        position = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if error.problem and "maximum nesting depth" in error.problem:
            return self._problem(Code.TOO_DEEP, "yaml.too_deep", position, limit=str(MAX_DEPTH))
        return self._problem(Code.SYNTAX, "yaml.syntax", position, detail=error.problem or str(error))

    def _problem(self, code: Code, message_key: str, position: Position, **args: str) -> Problem:
        return Problem(self.path, code, message_key, dict(args), position[0], position[1])


def _mark(event: Any) -> Position:
    return (event.start_mark.line + 1, event.start_mark.column + 1)
