"""Go to definition, find references, and the outline (document symbols).

Names are found in the current text by the same scan as the lexer's words, so navigation works in
a document that does not parse right now; an amendment also reaches into the base it amends.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lsprotocol import types

from constitution_rules.lsp.analysis import Analysis
from constitution_rules.lsp.diagnostics import uri_of
from constitution_rules.lsp.positions import LineIndex, Token, scan, word_at, words

#: Words before ``institution`` that make the next name a reference, not a declaration.
_NOT_DECLARING = {"repeal", "change", "rename"}
STATEMENT_WORDS = {
    "institution",
    "article",
    "insert",
    "substitute",
    "repeal",
    "renumber",
    "in",
    "rename",
    "change",
    "set",
}


def declarations(text: str) -> dict[str, Token]:
    """Institution declarations in ``text``: ``institution NAME`` (and in an amendment ``insert
    institution NAME`` and ``rename institution OLD to NEW``)."""
    out: dict[str, Token] = {}
    tokens = list(words(text))
    for i, token in enumerate(tokens):
        if token.text != "institution" or i + 1 >= len(tokens):
            continue
        previous = tokens[i - 1].text if i else ""
        name = tokens[i + 1]
        if previous == "rename" and i + 3 < len(tokens) and tokens[i + 2].text == "to":
            out.setdefault(tokens[i + 3].text, tokens[i + 3])
        elif previous not in _NOT_DECLARING:
            out.setdefault(name.text, name)
    return out


def known_institutions(analysis: Analysis, model: Analysis | None, text: str) -> set[str]:
    names = set(declarations(text))
    for source in (analysis, model):
        if source is None:
            continue
        for constitution in (source.constitution, source.base):
            if constitution is not None:
                names.update(i.id for i in constitution.institutions)
    return names


def _base(analysis: Analysis, model: Analysis | None) -> Analysis | None:
    for source in (analysis, model):
        if source is not None and source.base is not None:
            return source
    return None


def definition(
    analysis: Analysis, model: Analysis | None, uri: str, text: str, offset: int, index: LineIndex
) -> list[types.Location] | None:
    token = word_at(text, offset)
    if token is None:
        return None
    declared = declarations(text).get(token.text)
    if declared is not None:
        return [types.Location(uri, index.range(declared.start, declared.end))]
    source = _base(analysis, model)
    if source is not None and source.base is not None:
        base_file = source.base.file
        found = declarations(source.base_text).get(token.text)
        if found is not None:
            base_index = LineIndex(source.base_text, index.encoding)
            return [types.Location(uri_of(base_file), base_index.range(found.start, found.end))]
    return None


def references(
    analysis: Analysis,
    model: Analysis | None,
    uri: str,
    text: str,
    offset: int,
    index: LineIndex,
    include_declaration: bool = True,
) -> list[types.Location] | None:
    token = word_at(text, offset)
    if token is None or token.text not in known_institutions(analysis, model, text):
        return None
    name = token.text
    out = _occurrences(name, text, uri, index, include_declaration)
    source = _base(analysis, model)
    if source is not None and source.base is not None:
        base_index = LineIndex(source.base_text, index.encoding)
        out += _occurrences(name, source.base_text, uri_of(source.base.file), base_index, include_declaration)
    return out


def _occurrences(name: str, text: str, uri: str, index: LineIndex, include_declaration: bool) -> list[types.Location]:
    declared = declarations(text).get(name)
    return [
        types.Location(uri, index.range(t.start, t.end))
        for t in words(text)
        if t.text == name and (include_declaration or declared is None or t.start != declared.start)
    ]


# ---- the outline -----------------------------------------------------------------------------


@dataclass
class Statement:
    """A top-level statement found by scanning: its words, its span, the clauses in its block."""

    head: list[Token]
    start: int
    end: int
    clauses: list[tuple[int, int]] = field(default_factory=list)


def statements(text: str) -> Iterator[Statement]:
    """Top-level statements (``institution``, ``article``, amendment operations) with their clauses.

    A statement runs from its keyword to its block's closing brace, or to the next statement."""
    current: Statement | None = None
    depth = 0
    clause_start: int | None = None
    previous_end = 0
    for token in scan(text):
        if token.kind == "comment":
            continue
        if depth == 0 and token.kind == "word" and token.text in STATEMENT_WORDS and _starts_statement(current, token):
            if current is not None:
                yield current
            current = Statement([token], token.start, token.end)
            continue
        if current is None:
            continue
        current.end = token.end
        is_text = clause_start is not None and text.startswith("text", clause_start) and token.start != clause_start
        if is_text and token.kind != "string":
            # an article's ``text "..." "..."`` ends with its last string, not with a full stop
            current.clauses.append((clause_start, previous_end))  # type: ignore[arg-type]
            clause_start = None
        if token.text == "{":
            depth += 1
            clause_start = None
        elif token.text == "}":
            depth = max(0, depth - 1)
            clause_start = None
            if depth == 0:
                yield current
                current = None
        elif depth == 0:
            current.head.append(token)
        elif depth == 1:
            if clause_start is None:
                clause_start = token.start
            if token.text == ".":
                current.clauses.append((clause_start, token.end))
                clause_start = None
        previous_end = token.end
    if current is not None:
        yield current


def _starts_statement(current: Statement | None, token: Token) -> bool:
    """A statement word right after another (``insert institution``, ``in article``) or after a
    word that takes a name (``rename institution A to B``) continues the statement."""
    if current is None:
        return True
    previous = current.head[-1].text if current.head else ""
    return previous not in STATEMENT_WORDS | {"to", "as", "after", "before", "of"}


def _without_full_stop(tokens: list[Token]) -> list[Token]:
    return tokens[:-1] if tokens and tokens[-1].text == "." else tokens


def _label(tokens: list[Token]) -> str:
    text = " ".join(t.text for t in tokens if t.text not in ("{",))
    text = re.sub(r"\s+([(),:])", r"\1", text).replace("( ", "(")
    return text if len(text) <= 80 else text[:79] + "…"


def document_symbols(analysis: Analysis, text: str, index: LineIndex) -> list[types.DocumentSymbol]:
    out = []
    for statement in statements(text):
        words_ = [t for t in statement.head if t.kind == "word"]
        if not words_:
            continue
        keyword = words_[0].text
        if keyword == "institution" and len(words_) > 1:
            name, kind = words_[1], types.SymbolKind.Class
            detail = _label([t for t in statement.head[2:] if t.text != ":"])
            selection = index.range(name.start, name.end)
            label = name.text
        else:
            kind = types.SymbolKind.Namespace if keyword == "article" else types.SymbolKind.Event
            label = _label(statement.head)
            detail = ""
            selection = index.range(statement.head[0].start, statement.head[-1].end)
        children = [
            types.DocumentSymbol(
                name=_label(_without_full_stop(list(scan(text, start, end)))),
                kind=types.SymbolKind.Function,
                range=index.range(start, end),
                selection_range=index.range(start, end),
            )
            for start, end in statement.clauses
        ]
        out.append(
            types.DocumentSymbol(
                name=label,
                kind=kind,
                range=index.range(statement.start, statement.end),
                selection_range=selection,
                detail=detail or None,
                children=children or None,
            )
        )
    return out
