"""A parsed goal file as plain data with the position of every node: what the checks and edits work on.

Made by :mod:`tavoitteet.files.yamlread`; kept here so that the pure checks need not import the reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tavoitteet.core.problems import DataPath

Position = tuple[int, int]


@dataclass(slots=True)
class Document:
    """A parsed file: plain data, where each node stood, and how the file was written."""

    data: dict[str, Any]
    text: str
    values: dict[DataPath, Position] = field(default_factory=dict)
    keys: dict[DataPath, Position] = field(default_factory=dict)
    bom: bool = False

    def position(self, path: DataPath, *, key: bool = False) -> Position:
        """The position of the node at ``path`` or of its nearest located ancestor."""
        table = self.keys if key else self.values
        for cut in range(len(path), -1, -1):
            found = table.get(path[:cut]) or self.keys.get(path[:cut])
            if found:
                return found
        return (1, 1)
