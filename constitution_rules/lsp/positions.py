"""Positions and words: LSP positions from and to text offsets, and a light scan of the text.

The LSP counts lines from 0 and columns in UTF-16 code units unless the client agrees otherwise;
the parser counts both from 1, columns in characters. :class:`LineIndex` converts between them for
one text. :func:`scan` splits text into words, strings, comments and punctuation the way the
grammar's lexer does, so that features work on a document that does not parse.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from lsprotocol import types

Encoding = Literal["utf-16", "utf-8", "utf-32"]


class LineIndex:
    """Offsets in ``text`` <-> LSP positions in one encoding. Lines end at ``\\n`` (as the lexer counts)."""

    def __init__(self, text: str, encoding: Encoding = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def _units(self, chunk: str) -> int:
        if self.encoding == "utf-32" or chunk.isascii():
            return len(chunk)
        if self.encoding == "utf-8":
            return len(chunk.encode("utf-8"))
        return len(chunk) + sum(1 for ch in chunk if ord(ch) > 0xFFFF)

    def line_text(self, line: int) -> str:
        """Line ``line`` (0-based) without its end of line ("" past the end)."""
        if not 0 <= line < len(self.starts):
            return ""
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[line] : end]

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return types.Position(line, self._units(self.text[self.starts[line] : offset]))

    def offset(self, position: types.Position) -> int:
        """The offset of an LSP position; a column past the end of its line is the line's end."""
        if position.line >= len(self.starts):
            return len(self.text)
        line = self.line_text(max(0, position.line))
        start = self.starts[max(0, position.line)]
        if self.encoding == "utf-32" or line.isascii():
            return start + min(position.character, len(line))
        units = 0
        for index, ch in enumerate(line):
            if units >= position.character:
                return start + index
            units += self._units(ch)
        return start + len(line)

    def at(self, line: int, column: int) -> types.Position:
        """The LSP position of the parser's ``line:column`` (both from 1, column in characters)."""
        line = max(1, line)
        if line > len(self.starts):
            return self.position(len(self.text))
        text = self.line_text(line - 1)
        return types.Position(line - 1, self._units(text[: max(0, column - 1)]))

    def span(self, line: int, column: int, end_line: int, end_column: int) -> types.Range:
        return types.Range(self.at(line, column), self.at(end_line, end_column))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def whole(self) -> types.Range:
        return self.range(0, len(self.text))


TokenKind = Literal["word", "string", "comment", "punct", "number"]


@dataclass(frozen=True)
class Token:
    kind: TokenKind
    text: str
    start: int
    end: int


# The grammar's terminals, loosely: a NAME (also kinds, verbs, codes), an ARTNUM or number, a
# STRING (an unterminated one runs to the end of its line), a COMMENT, any other character.
_TOKENS = re.compile(
    r'(?P<comment>#[^\n]*)|(?P<string>"(?:[^"\\\n]|\\.)*"?)'
    r"|(?P<word>[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*)"
    r"|(?P<number>[0-9][0-9A-Za-z]*(?:[-/][0-9A-Za-z]+)*)|(?P<punct>[^\s])"
)


def scan(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """The tokens of ``text[start:end]`` (whitespace skipped)."""
    for match in _TOKENS.finditer(text, start, len(text) if end is None else end):
        kind = match.lastgroup
        assert kind is not None
        yield Token(kind, match.group(), match.start(), match.end())  # type: ignore[arg-type]


def token_at(text: str, offset: int) -> Token | None:
    """The token under ``offset`` (or just before it, as at the end of a word being typed)."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    found = None
    for token in scan(text, line_start, len(text) if line_end < 0 else line_end):
        if token.start <= offset < token.end:
            return token
        if token.end == offset:
            found = token
    return found


def word_at(text: str, offset: int) -> Token | None:
    token = token_at(text, offset)
    return token if token is not None and token.kind == "word" else None


def words(text: str) -> Iterator[Token]:
    """Every word outside strings and comments."""
    return (t for t in scan(text) if t.kind == "word")
