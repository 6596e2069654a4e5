"""Parsing a document again after an edit, statement by statement.

A constitution is a header and a sequence of top-level statements (institution declarations,
article blocks) that parse independently of each other. :class:`StatementCache` cuts the text at
the start of each statement and keeps the syntax objects of each piece, keyed by its text and
where it starts (line and column: everything downstream reads positions as lines and columns).
After an edit only the pieces whose text or place changed are parsed again; the meaning checks
then run on the whole file as always, through :class:`~constitution_rules.language.semantics.Resolver`,
so the model and every error are those of :func:`~constitution_rules.language.parser.parse_text`.

A piece is parsed as the document's own header followed by the piece at its own place (as many line
breaks and spaces before it as it has lines and columns before it), so Lark reports the same lines
and columns as for the whole file. When many pieces are new (the first version, a line inserted
near the top), the whole text is parsed once instead and its statements shared out to the pieces.
Whenever a piece does not parse, or the pieces do not add up to a file this module knows how to
join, the whole text is parsed as usual: the error messages, with their recovery, are exactly
those of a full parse.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterator

from constitution_rules.language.errors import ConstitutionError
from constitution_rules.language.parser import parse_raw, parse_text
from constitution_rules.language.semantics import Resolver
from constitution_rules.language.transformer import RawFile
from constitution_rules.model import Constitution

#: Where a top-level statement may start: its keyword first on a line.
_STATEMENT = re.compile(r"^[ \t]*(?:institution|article)\b", re.MULTILINE)
#: More new pieces than this: one parse of the whole text is cheaper than a parse per piece.
PIECEWISE_LIMIT = 8

Key = tuple[int, int, str]  # (line, column, text) of a piece


def pieces(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the header and of each top-level statement."""
    start, depth, previous = 0, 0, 0
    for match in _STATEMENT.finditer(text):
        depth += text.count("{", previous, match.start()) - text.count("}", previous, match.start())
        previous = match.start()
        if depth != 0:
            continue  # inside a block: not a statement of its own
        cut = match.start()
        if cut > start:
            yield start, cut
        start = cut
    yield start, len(text)


class StatementCache:
    """The syntax objects of one document's statements, kept from one version to the next."""

    def __init__(self) -> None:
        self._cache: dict[Key, RawFile] = {}
        self.reused = 0  # statements not parsed again by the last call (for tests and benchmarks)

    def parse(self, text: str, filename: str) -> Constitution:
        """The model of ``text``, as :func:`parse_text` gives it (its errors too)."""
        raw = self._raw(text, filename)
        if raw is None:
            self._cache = {}
            return parse_text(text, filename)
        return Resolver(raw, text, filename).resolve()

    def _raw(self, text: str, filename: str) -> RawFile | None:
        if text.startswith("\ufeff") or "\x00" in text:
            return None  # parse_text's own handling
        spans = list(pieces(text))
        header_text = text[: spans[0][1]]
        keys: list[Key] = []
        line = 1
        for number, (start, end) in enumerate(spans):
            if number:
                line += text.count("\n", spans[number - 1][0], start)
            column = start - (text.rfind("\n", 0, start) + 1) + 1
            keys.append((line, column, text[start:end]))
        missing = [k for k in keys if k not in self._cache]
        self.reused = len(keys) - len(missing)
        if len(missing) > PIECEWISE_LIMIT:
            return self._whole(text, filename, keys)
        fresh: dict[Key, RawFile] = {}
        for number, key in enumerate(keys):
            part = self._cache.get(key)
            if part is None:
                line, column, piece = key
                source = piece if number == 0 else header_text + _padding(header_text, line, column) + piece
                try:
                    part = parse_raw(source, filename)
                except ConstitutionError:
                    return None
            fresh[key] = part
        self._cache = fresh
        return _joined([fresh[k] for k in keys])

    def _whole(self, text: str, filename: str, keys: list[Key]) -> RawFile | None:
        """Parse the whole text once; share its statements out to the pieces they start in."""
        try:
            raw = parse_raw(text, filename)
        except ConstitutionError:
            return None
        starts = [(line, column) for line, column, _ in keys]
        shares: list[dict[str, list[object]]] = [{} for _ in keys]
        for item in dataclasses.fields(RawFile):
            values = getattr(raw, item.name)
            if item.name == "header":
                continue
            if not isinstance(values, list):
                self._cache = {}
                return raw  # a file of a shape this module does not cut up: used whole, not kept
            for share in shares:
                share[item.name] = []
            for value in values:
                span = getattr(value, "span", None)
                if span is None:
                    self._cache = {}
                    return raw
                index = bisect.bisect_right(starts, (span.line, span.column)) - 1
                shares[max(0, index)][item.name].append(value)
        self._cache = {key: RawFile(header=raw.header, **share) for key, share in zip(keys, shares, strict=True)}  # type: ignore[arg-type]
        return raw


def _padding(header: str, line: int, column: int) -> str:
    """What puts a piece at ``line``:``column`` after ``header``."""
    return "\n" * (line - 1 - header.count("\n")) + " " * (column - 1)


def _joined(parts: list[RawFile]) -> RawFile | None:
    """One file of the pieces: the header of the first, every list of statements concatenated."""
    values: dict[str, object] = {}
    for item in dataclasses.fields(RawFile):
        first = getattr(parts[0], item.name)
        if item.name == "header":
            values[item.name] = first
        elif isinstance(first, list):
            values[item.name] = [x for part in parts for x in getattr(part, item.name)]
        else:
            return None  # a kind of field this module does not know how to join
    return RawFile(**values)  # type: ignore[arg-type]
