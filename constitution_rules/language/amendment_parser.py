"""``.amendment`` text -> :class:`ParsedAmendment`: the header checked, the operations as syntax.

The operations cannot be resolved on their own: which names exist, how many seats a body has and
which clause a ``repeal`` means all depend on the constitution the amendment is applied to. So
this module checks what it can (the header, the shape of each operation) and offers
:class:`AmendmentResolver`, which turns an operation's clauses, articles and institutions into
model objects against a given base, reporting problems at the amendment's own line and column.

The grammar is the one of ``.constitution`` files with a second start symbol, ``amendment_file``;
it is compiled as a parser of its own so the constitution parser's tables stay exactly as they were.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any, Literal

from lark import Lark, Token, v_args
from lark.tree import Meta
from pydantic import BaseModel, ConfigDict

from constitution_rules import model as m
from constitution_rules.language.errors import ConstitutionError, Diagnostic, did_you_mean, line_of
from constitution_rules.language.grammar import AMENDMENT_START, build_parser
from constitution_rules.language.parser import parse_tree, read_source
from constitution_rules.language.semantics import Resolver
from constitution_rules.language.transformer import (
    RawArticle,
    RawClause,
    RawFile,
    RawHeader,
    RawInstitution,
    RawStatement,
    Span,
    ToRaw,
    unquote,
)

AMENDMENT_SUFFIX = ".amendment"
STATUSES = ("proposed", "adopted", "rejected")
OPERATION_KEYWORDS = ("insert", "substitute", "repeal", "renumber", "in", "rename", "change", "set")

Status = Literal["proposed", "adopted", "rejected"]


# ---- the header -----------------------------------------------------------------------------


class AmendmentHeader(BaseModel):
    """Who proposes what, when, and to which base."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    amends_path: str | None = None
    amends_version: str | None = None
    date: dt.date | None = None
    status: Status = "proposed"
    proposer: str | None = None
    source: str | None = None
    in_force: dt.date | None = None
    file: str = "<string>"
    location: m.SourceLocation | None = None
    amends_location: m.SourceLocation | None = None

    def label(self) -> str:
        """How the amendment is named in notes and reports: its title and date."""
        return f"{self.title} ({self.date.isoformat()})" if self.date else self.title


# ---- operations (syntax, resolved later against a base) -------------------------------------

ArticleRef = tuple[Token, list[str]]


@dataclass
class Placement:
    where: Literal["after", "before"]
    anchor: Any  # a NAME token (institutions) or a RawClause (clauses)


@dataclass
class InsertArticle:
    article: RawArticle
    span: Span


@dataclass
class SubstituteArticle:
    article: RawArticle
    span: Span


@dataclass
class RepealArticle:
    ref: ArticleRef
    span: Span


@dataclass
class RenumberArticle:
    ref: ArticleRef
    new_ref: ArticleRef
    span: Span


@dataclass
class InsertClause:
    """``insert STATEMENT [after|before STATEMENT]``: a clause, or an immunity, incompatibility,
    entrenchment or tenure rule."""

    clause: RawStatement
    placement: Placement | None
    span: Span


@dataclass
class RepealClause:
    clause: RawStatement
    span: Span


@dataclass
class SubstituteClause:
    old: RawStatement
    new: RawStatement
    span: Span


@dataclass
class SetTitle:
    title: str
    span: Span


@dataclass
class SetText:
    """``set text "..." ...`` (``text`` None: ``repeal text``)."""

    text: str | None
    span: Span


ClauseOperation = InsertClause | RepealClause | SubstituteClause | SetTitle | SetText


@dataclass
class InArticle:
    ref: ArticleRef
    operations: list[ClauseOperation]
    span: Span


@dataclass
class InsertInstitution:
    institution: RawInstitution
    placement: Placement | None
    span: Span


@dataclass
class RepealInstitution:
    name: Token
    span: Span


@dataclass
class RenameInstitution:
    name: Token
    new_name: Token
    span: Span


@dataclass
class ChangeInstitution:
    name: Token
    items: RawInstitution
    span: Span


@dataclass
class SetHeader:
    field: Literal["version", "as_of", "adopted", "source"]
    value: Any
    span: Span


Operation = (
    InsertArticle
    | SubstituteArticle
    | RepealArticle
    | RenumberArticle
    | InArticle
    | InsertInstitution
    | RepealInstitution
    | RenameInstitution
    | ChangeInstitution
    | SetHeader
)


@dataclass
class ParsedAmendment:
    header: AmendmentHeader
    operations: list[Operation]
    text: str
    file: str
    header_fields: dict[str, Span] = field(default_factory=dict)


# ---- tree -> syntax objects -----------------------------------------------------------------


def _ref(children: list[Any], index: int = 0) -> ArticleRef:
    ref = children[index]
    return ref[0], list(ref[1])


@v_args(meta=True)
class ToRawAmendment(ToRaw):  # the start rule returns (header, operations), not a RawFile
    """The constitution transformer plus one method per amendment rule or alias."""

    def amendment_file(self, meta: Meta, children: list[Any]) -> tuple[Any, list[Operation]]:
        header, *operations = children
        return header, operations

    def amendment_header(self, meta: Meta, children: list[Any]) -> RawHeader:
        title, *fields = children
        return RawHeader(unquote(title), fields, Span.of(meta))

    def amends_path(self, meta: Meta, children: list[Token]) -> tuple[str, Any, Span]:
        return ("amends_path", unquote(children[0]), Span.of(meta))

    def amends_version(self, meta: Meta, children: list[Token]) -> tuple[str, Any, Span]:
        return ("amends_version", unquote(children[0]), Span.of(meta))

    def amendment_date(self, meta: Meta, children: list[Token]) -> tuple[str, Any, Span]:
        return ("date", children[0], Span.of(meta))

    def status(self, meta: Meta, children: list[Token]) -> tuple[str, Any, Span]:
        return ("status", children[0], Span.of(meta))

    def proposer(self, meta: Meta, children: list[Token]) -> tuple[str, Any, Span]:
        return ("proposer", unquote(children[0]), Span.of(meta))

    def in_force(self, meta: Meta, children: list[Token]) -> tuple[str, Any, Span]:
        return ("in_force", children[0], Span.of(meta))

    def insert_article(self, meta: Meta, children: list[Any]) -> InsertArticle:
        return InsertArticle(children[0], Span.of(meta))

    def substitute_article(self, meta: Meta, children: list[Any]) -> SubstituteArticle:
        return SubstituteArticle(children[0], Span.of(meta))

    def repeal_article(self, meta: Meta, children: list[Any]) -> RepealArticle:
        return RepealArticle(_ref(children), Span.of(meta))

    def renumber_article(self, meta: Meta, children: list[Any]) -> RenumberArticle:
        return RenumberArticle(_ref(children), _ref(children, 1), Span.of(meta))

    def in_article(self, meta: Meta, children: list[Any]) -> InArticle:
        return InArticle(_ref(children), list(children[1:]), Span.of(meta))

    def insert_institution(self, meta: Meta, children: list[Any]) -> InsertInstitution:
        placement = children[1] if len(children) > 1 else None
        return InsertInstitution(children[0], placement, Span.of(meta))

    def repeal_institution(self, meta: Meta, children: list[Token]) -> RepealInstitution:
        return RepealInstitution(children[0], Span.of(meta))

    def rename_institution(self, meta: Meta, children: list[Token]) -> RenameInstitution:
        return RenameInstitution(children[0], children[1], Span.of(meta))

    def change_institution(self, meta: Meta, children: list[Any]) -> ChangeInstitution:
        name, *items = children
        display = None
        if items and isinstance(items[0], Token) and items[0].type == "STRING":
            display = unquote(items.pop(0))
        raw = RawInstitution(name=name, display=display, span=Span.of(meta))
        for item in items:
            if item[0] == "kind":
                raw.kinds.append(item[1])
            else:
                raw.attributes.append(item)
        return ChangeInstitution(name, raw, Span.of(meta))

    def set_version(self, meta: Meta, children: list[Token]) -> SetHeader:
        return SetHeader("version", unquote(children[0]), Span.of(meta))

    def set_as_of(self, meta: Meta, children: list[Token]) -> SetHeader:
        return SetHeader("as_of", children[0], Span.of(meta))

    def set_adopted(self, meta: Meta, children: list[Token]) -> SetHeader:
        return SetHeader("adopted", children[0], Span.of(meta))

    def set_source(self, meta: Meta, children: list[Token]) -> SetHeader:
        return SetHeader("source", unquote(children[0]), Span.of(meta))

    def after(self, meta: Meta, children: list[Any]) -> Placement:
        return Placement("after", children[0])

    def before(self, meta: Meta, children: list[Any]) -> Placement:
        return Placement("before", children[0])

    def insert_clause(self, meta: Meta, children: list[Any]) -> InsertClause:
        placement = children[1] if len(children) > 1 else None
        return InsertClause(children[0], placement, Span.of(meta))

    def repeal_clause(self, meta: Meta, children: list[Any]) -> RepealClause:
        return RepealClause(children[0], Span.of(meta))

    def substitute_clause(self, meta: Meta, children: list[Any]) -> SubstituteClause:
        return SubstituteClause(children[0], children[1], Span.of(meta))

    def set_title(self, meta: Meta, children: list[Token]) -> SetTitle:
        return SetTitle(unquote(children[0]), Span.of(meta))

    def set_text(self, meta: Meta, children: list[Token]) -> SetText:
        return SetText("\n".join(unquote(c) for c in children), Span.of(meta))

    def repeal_text(self, meta: Meta, children: list[Token]) -> SetText:
        return SetText(None, Span.of(meta))


# ---- parsing --------------------------------------------------------------------------------


def build_amendment_parser() -> Lark:
    """The LALR parser for ``amendment_file`` (compiled once, cached on disk like the constitution's)."""
    return build_parser(start=AMENDMENT_START)


def parse_amendment_file(path: str | os.PathLike[str]) -> ParsedAmendment:
    return parse_amendment_text(read_source(path), str(path))


def parse_amendment_text(text: str, filename: str = "<string>") -> ParsedAmendment:
    """Parse an amendment and check its header; raises :class:`ConstitutionError`."""
    if text.startswith("\ufeff"):
        text = text[1:]
    tree = parse_tree(text, filename, start=AMENDMENT_START)
    transformed: Any = ToRawAmendment().transform(tree)
    raw_header, operations = transformed
    header, spans = _check_header(raw_header, text, filename)
    return ParsedAmendment(header, operations, text, filename, spans)


def _check_header(raw: RawHeader, text: str, filename: str) -> tuple[AmendmentHeader, dict[str, Span]]:
    problems: list[Diagnostic] = []

    def error(span: Span, message: str, help: str | None = None) -> None:
        width = span.end_column - span.column if span.end_line == span.line else 1
        problems.append(
            Diagnostic(filename, span.line, span.column, message, max(1, width), help, line_of(text, span.line))
        )

    values: dict[str, Any] = {"title": raw.name, "file": filename}
    spans: dict[str, Span] = {}
    for key, value, span in raw.fields:
        word = key.replace("amends_path", "amends").replace("amends_version", "amends version").replace("_", "-")
        if key in spans or (key.startswith("amends") and ("amends_path" in spans or "amends_version" in spans)):
            error(span, f"header field '{word}' is given twice")
            continue
        spans[key] = span
        if key in ("date", "in_force"):
            try:
                values[key] = dt.date.fromisoformat(str(value))
            except ValueError:
                error(span, f"'{value}' is not a valid date", help="write dates as YYYY-MM-DD")
        elif key == "status":
            if str(value) not in STATUSES:
                hint = did_you_mean(str(value), STATUSES) or "one of: " + ", ".join(STATUSES)
                error(Span.of(value), f"unknown status '{value}'", help=hint)
            else:
                values[key] = str(value)
        else:
            values[key] = value
    if problems:
        raise ConstitutionError(problems)
    location = _location(filename, raw.span)
    amends = spans.get("amends_path") or spans.get("amends_version")
    header = AmendmentHeader(
        **values, location=location, amends_location=_location(filename, amends) if amends else None
    )
    return header, spans


def _location(filename: str, span: Span) -> m.SourceLocation:
    return m.SourceLocation(
        file=filename, line=span.line, column=span.column, end_line=span.end_line, end_column=span.end_column
    )


# ---- resolving syntax against a base --------------------------------------------------------


def _stand_in(institution: m.Institution) -> RawInstitution:
    """A declared institution of the base as the resolver expects it (it reads seats from here)."""
    attributes: list[tuple[str, Any, Span]] = []
    if institution.seats is not None:
        attributes.append(("seats", institution.seats, Span(0, 0, 0, 0)))
    return RawInstitution(name=Token("NAME", institution.id), display=institution.name, attributes=attributes)


class AmendmentResolver(Resolver):
    """Resolves an amendment's pieces against the institutions in force at that point."""

    def __init__(self, amendment: ParsedAmendment, institutions: tuple[m.Institution, ...] | list[m.Institution]):
        empty = RawFile(RawHeader("", [], Span(0, 0, 0, 0)), [], [])
        super().__init__(empty, amendment.text, amendment.file)
        self.declared = {i.id: _stand_in(i) for i in institutions}

    def _raise(self) -> None:
        if self.diagnostics:
            problems, self.diagnostics = self.diagnostics, []
            raise ConstitutionError(problems)

    def article(self, raw: RawArticle) -> m.Provision:
        self.raw.articles = [raw]
        provisions = self._provisions()
        self._raise()
        return provisions[0]

    def clause(self, raw: RawClause, provision: m.Provision, index: int) -> m.PowerClause:
        clause = self._clause(raw, provision.id, provision.citation, index)
        self._raise()
        assert clause is not None  # a clause that failed to resolve left a diagnostic
        return clause

    def any_statement(self, raw: RawStatement, provision: m.Provision, index: int = 0) -> Any:
        """A clause or another statement of an article block, resolved against the base."""
        if isinstance(raw, RawClause):
            return self.clause(raw, provision, index)
        resolved = self.statement(raw)
        self._raise()
        assert resolved is not None
        return resolved

    def institution(self, raw: RawInstitution) -> m.Institution:
        result = self._institution(raw)
        self._raise()
        return result

    def attributes(self, raw: RawInstitution) -> dict[str, Any]:
        """Only the attributes a ``change institution`` names, resolved like a declaration's."""
        resolved = self._institution(raw)
        self._raise()
        keys = {key for key, _, _ in raw.attributes}
        if "term_limit" in keys:
            keys.add("term_limit_consecutive")
        if raw.kinds:
            keys.add("kinds")
        if raw.display is not None:
            keys.add("name")
        return {key: getattr(resolved, key) for key in sorted(keys)}

    def span_location(self, span: Span) -> m.SourceLocation:
        return self.location(span)
