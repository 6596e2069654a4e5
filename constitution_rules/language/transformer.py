"""Lark parse tree -> raw syntax objects that still hold their tokens.

Names are not resolved here: :mod:`constitution_rules.language.semantics` checks them against the
declarations and the vocabulary and builds the pydantic model, so every meaning error can point at
the exact token.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lark import Token, Transformer, v_args
from lark.tree import Meta


@dataclass
class Span:
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def of(cls, item: Token | Meta) -> Span:
        return cls(item.line or 0, item.column or 0, item.end_line or 0, item.end_column or 0)


@dataclass
class RawMajority:
    word: str
    members: bool
    span: Span


@dataclass
class RawCondition:
    type: str
    span: Span
    institution: Token | None = None
    majority: RawMajority | None = None
    form: str | None = None
    text: str | None = None


@dataclass
class RawShare:
    kind: str
    seats: int | None
    of: int | None
    span: Span


@dataclass
class RawWaiver:
    code: Token
    reason: str
    span: Span


@dataclass
class RawClause:
    actor: Token
    verb: str
    verb_span: Span
    share: RawShare | None
    target: Token
    conditions: list[RawCondition]
    waivers: list[RawWaiver]
    span: Span


@dataclass
class RawArticle:
    number: Token
    paragraphs: list[str]
    title: str | None
    clauses: list[RawClause]
    waivers: list[RawWaiver]
    span: Span


@dataclass
class RawInstitution:
    name: Token
    display: str | None
    kinds: list[Token] = field(default_factory=list)
    attributes: list[tuple[str, Any, Span]] = field(default_factory=list)
    waivers: list[RawWaiver] = field(default_factory=list)
    span: Span | None = None


@dataclass
class RawHeader:
    name: str
    fields: list[tuple[str, Any, Span]]
    span: Span


@dataclass
class RawFile:
    header: RawHeader
    institutions: list[RawInstitution]
    articles: list[RawArticle]


def unquote(token: Token) -> str:
    body = str(token)[1:-1]
    out: list[str] = []
    chars = iter(body)
    for ch in chars:
        if ch == "\\":
            nxt = next(chars, "")
            out.append({"n": "\n", "t": "\t"}.get(nxt, nxt))
        else:
            out.append(ch)
    return "".join(out)


@v_args(meta=True)
class ToRaw(Transformer[Token, RawFile]):
    """Builds :class:`RawFile` from the tree; one method per grammar rule or alias."""

    def start(self, meta: Meta, children: list[Any]) -> RawFile:
        header, *statements = children
        return RawFile(
            header=header,
            institutions=[s for s in statements if isinstance(s, RawInstitution)],
            articles=[s for s in statements if isinstance(s, RawArticle)],
        )

    def header(self, meta: Meta, children: list[Any]) -> RawHeader:
        name, *fields = children
        return RawHeader(unquote(name), fields, Span.of(meta))

    def version(self, meta: Meta, children: list[Token]) -> tuple[str, Any, Span]:
        return ("version", unquote(children[0]), Span.of(meta))

    def source(self, meta: Meta, children: list[Token]) -> tuple[str, Any, Span]:
        return ("source", unquote(children[0]), Span.of(meta))

    def adopted(self, meta: Meta, children: list[Token]) -> tuple[str, Any, Span]:
        return ("adopted", children[0], Span.of(meta))

    def as_of(self, meta: Meta, children: list[Token]) -> tuple[str, Any, Span]:
        return ("as_of", children[0], Span.of(meta))

    # ---- institutions
    def institution(self, meta: Meta, children: list[Any]) -> RawInstitution:
        name = children[0]
        rest = children[1:]
        display = None
        if rest and isinstance(rest[0], Token) and rest[0].type == "STRING":
            display = unquote(rest[0])
            rest = rest[1:]
        inst = RawInstitution(name=name, display=display, span=Span.of(meta))
        for item in rest:
            if isinstance(item, RawWaiver):
                inst.waivers.append(item)
            elif item[0] == "kind":
                inst.kinds.append(item[1])
            else:
                inst.attributes.append(item)
        return inst

    def kind(self, meta: Meta, children: list[Token]) -> tuple[str, Token]:
        return ("kind", children[0])

    def seats(self, meta: Meta, children: list[Token]) -> tuple[str, Any, Span]:
        return ("seats", int(children[0]), Span.of(meta))

    def term(self, meta: Meta, children: list[Token]) -> tuple[str, Any, Span]:
        return ("term_years", int(children[0]), Span.of(meta))

    def term_limit(self, meta: Meta, children: list[Token]) -> tuple[str, Any, Span]:
        return ("term_limit", (int(children[0]), False), Span.of(meta))

    def consecutive_term_limit(self, meta: Meta, children: list[Token]) -> tuple[str, Any, Span]:
        return ("term_limit", (int(children[0]), True), Span.of(meta))

    def member_of(self, meta: Meta, children: list[Token]) -> tuple[str, Any, Span]:
        return ("member_of", children[0], Span.of(meta))

    def joint_sitting_of(self, meta: Meta, children: list[Token]) -> tuple[str, Any, Span]:
        return ("joint_sitting_of", list(children), Span.of(meta))

    # ---- articles
    def article(self, meta: Meta, children: list[Any]) -> RawArticle:
        number, paragraphs = children[0]
        rest = children[1:]
        title = None
        if rest and isinstance(rest[0], Token) and rest[0].type == "STRING":
            title = unquote(rest[0])
            rest = rest[1:]
        return RawArticle(
            number=number,
            paragraphs=paragraphs,
            title=title,
            clauses=[c for c in rest if isinstance(c, RawClause)],
            waivers=[w for w in rest if isinstance(w, RawWaiver)],
            span=Span.of(meta),
        )

    def article_ref(self, meta: Meta, children: list[Any]) -> tuple[Token, list[str]]:
        return children[0], [str(p) for p in children[1:]]

    def paragraph(self, meta: Meta, children: list[Token]) -> str:
        return str(children[0])

    def article_waiver(self, meta: Meta, children: list[RawWaiver]) -> RawWaiver:
        return children[0]

    # ---- clauses
    def clause(self, meta: Meta, children: list[Any]) -> RawClause:
        actor, (verb, verb_span), *rest = children
        share = rest.pop(0) if rest and isinstance(rest[0], RawShare) else None
        target = rest.pop(0)
        conditions: list[RawCondition] = []
        if rest and isinstance(rest[0], list):
            conditions = rest.pop(0)
        return RawClause(actor, verb, verb_span, share, target, conditions, list(rest), Span.of(meta))

    def simple_verb(self, meta: Meta, children: list[Token]) -> tuple[str, Span]:
        return str(children[0]), Span.of(children[0])

    def hears_reports(self, meta: Meta, children: list[Token]) -> tuple[str, Span]:
        return "hears reports of", Span.of(meta)

    def no_confidence(self, meta: Meta, children: list[Token]) -> tuple[str, Span]:
        return "votes no confidence in", Span.of(meta)

    def seat_share(self, meta: Meta, children: list[Token]) -> RawShare:
        total = int(children[1]) if len(children) > 1 else None
        return RawShare("seats", int(children[0]), total, Span.of(meta))

    def chair_share(self, meta: Meta, children: list[Token]) -> RawShare:
        return RawShare("chair", None, None, Span.of(meta))

    def conditions(self, meta: Meta, children: list[RawCondition]) -> list[RawCondition]:
        return list(children)

    def consent(self, meta: Meta, children: list[Any]) -> RawCondition:
        return RawCondition("consent", Span.of(meta), institution=children[0], majority=_opt(children, 1))

    def proposal(self, meta: Meta, children: list[Any]) -> RawCondition:
        return RawCondition("proposal", Span.of(meta), institution=children[1], form=children[0])

    def proposal_form(self, meta: Meta, children: list[Token]) -> str:
        return str(children[0])

    def consultation(self, meta: Meta, children: list[Token]) -> RawCondition:
        return RawCondition("consultation", Span.of(meta), institution=children[0])

    def majority(self, meta: Meta, children: list[RawMajority]) -> RawCondition:
        return RawCondition("majority", Span.of(meta), majority=children[0])

    def override(self, meta: Meta, children: list[Any]) -> RawCondition:
        return RawCondition("override", Span.of(meta), institution=children[0], majority=_opt(children, 1))

    def review(self, meta: Meta, children: list[Token]) -> RawCondition:
        return RawCondition("review", Span.of(meta), institution=children[0])

    def for_cause(self, meta: Meta, children: list[Token]) -> RawCondition:
        return RawCondition("for_cause", Span.of(meta), text=unquote(children[0]) if children else None)

    def at_will(self, meta: Meta, children: list[Token]) -> RawCondition:
        return RawCondition("at_will", Span.of(meta))

    def when(self, meta: Meta, children: list[Token]) -> RawCondition:
        return RawCondition("when", Span.of(meta), text=unquote(children[0]))

    def by_majority(self, meta: Meta, children: list[str]) -> RawMajority:
        return RawMajority(children[0], False, Span.of(meta))

    def by_majority_of_members(self, meta: Meta, children: list[str]) -> RawMajority:
        return RawMajority(children[0], True, Span.of(meta))

    def majority_size(self, meta: Meta, children: list[Token]) -> str:
        return " ".join(str(c) for c in children)

    def waiver(self, meta: Meta, children: list[Token]) -> RawWaiver:
        return RawWaiver(children[0], unquote(children[1]), Span.of(meta))


def _opt(children: list[Any], index: int) -> Any:
    return children[index] if len(children) > index else None
