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

from constitution_rules.vocabulary import BASE_FORMS


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
    #: "votes", "members" or "present" as written; None when no basis is written
    basis: str | None
    span: Span
    inclusive: bool = False

    @property
    def members(self) -> bool:
        return self.basis == "members"


@dataclass
class RawCondition:
    type: str
    span: Span
    institutions: list[Token] = field(default_factory=list)
    combine: str = "all"
    majorities: list[RawMajority] = field(default_factory=list)
    form: str | None = None
    binding: bool = False
    text: str | None = None
    #: a trigger's event (a NAME token, checked against the vocabulary) or a time limit's
    event: Token | str | None = None
    amount: int | None = None
    unit: str | None = None

    @property
    def institution(self) -> Token | None:
        return self.institutions[0] if self.institutions else None

    @property
    def majority(self) -> RawMajority | None:
        return self.majorities[0] if self.majorities else None


@dataclass
class RawShare:
    kind: str
    seats: int | None
    of: int | None
    span: Span
    #: a fraction of the body: a word ("one-third") or n/d as written
    word: str | None = None


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
    joint_actors: list[Token] = field(default_factory=list)
    #: "discretion", "duty" (shall), "formal" (formally) or "exclusive" (exclusively)
    modality: str = "discretion"
    target_scope: str = "body"


@dataclass
class RawImmunity:
    holder: Token
    scope: str
    description: str | None
    lifted_by: Token | None
    majorities: list[RawMajority]
    span: Span


@dataclass
class RawIncompatibility:
    office: Token
    other: Token
    compatible: bool
    span: Span


@dataclass
class RawEntrenchment:
    subject: str | None
    article: Token | None
    paragraphs: list[str]
    span: Span


@dataclass
class RawTenure:
    kind: str
    institution: Token
    holder: str
    span: Span


#: Statements an article block holds besides its clauses (amendments insert and repeal them too).
RawStatement = RawClause | RawImmunity | RawIncompatibility | RawEntrenchment | RawTenure


@dataclass
class RawText:
    text: str
    span: Span


@dataclass
class RawArticle:
    number: Token
    paragraphs: list[str]
    title: str | None
    clauses: list[RawClause]
    waivers: list[RawWaiver]
    span: Span
    text: RawText | None = None
    #: immunities, incompatibilities, entrenchments and tenure rules, in source order
    statements: list[RawStatement] = field(default_factory=list)


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

    def term_life(self, meta: Meta, children: list[Token]) -> tuple[str, Any, Span]:
        return ("term_life", True, Span.of(meta))

    def ex_officio(self, meta: Meta, children: list[Token]) -> tuple[str, Any, Span]:
        return ("ex_officio", (int(children[0]), children[1] if len(children) > 1 else None), Span.of(meta))

    def substitutes(self, meta: Meta, children: list[Token]) -> tuple[str, Any, Span]:
        return ("substitutes", int(children[0]), Span.of(meta))

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
            text=next((t for t in rest if isinstance(t, RawText)), None),
            statements=[s for s in rest if isinstance(s, _STATEMENTS)],
        )

    def article_text(self, meta: Meta, children: list[Token]) -> RawText:
        return RawText("\n".join(unquote(c) for c in children), Span.of(meta))

    def article_ref(self, meta: Meta, children: list[Any]) -> tuple[Token, list[str]]:
        return children[0], [str(p) for p in children[1:]]

    def paragraph(self, meta: Meta, children: list[Token]) -> str:
        return str(children[0])

    def article_waiver(self, meta: Meta, children: list[RawWaiver]) -> RawWaiver:
        return children[0]

    # ---- clauses
    def clause(self, meta: Meta, children: list[Any]) -> RawClause:
        (actor, joint), *rest = children
        modality = rest.pop(0) if rest and isinstance(rest[0], _Modality) else _Modality("discretion")
        verb, verb_span = rest.pop(0)
        share = rest.pop(0) if rest and isinstance(rest[0], RawShare) else None
        target, scope = rest.pop(0)
        conditions: list[RawCondition] = []
        if rest and isinstance(rest[0], list):
            conditions = rest.pop(0)
        if joint and modality != "duty" and verb in BASE_FORMS:  # "A and B jointly adopt": normalised
            verb = BASE_FORMS[verb]
        if modality == "formal":  # a formal act follows the proposal: every proposal binds
            for condition in conditions:
                if condition.type == "proposal":
                    condition.binding = True
        return RawClause(
            actor,
            verb,
            verb_span,
            share,
            target,
            conditions,
            list(rest),
            Span.of(meta),
            joint_actors=joint,
            modality=str(modality),
            target_scope=scope,
        )

    def actor(self, meta: Meta, children: list[Token]) -> tuple[Token, list[Token]]:
        return children[0], []

    def joint_actor(self, meta: Meta, children: list[Token]) -> tuple[Token, list[Token]]:
        return children[0], list(children)

    def duty(self, meta: Meta, children: list[Token]) -> _Modality:
        return _Modality("duty")

    def formal(self, meta: Meta, children: list[Token]) -> _Modality:
        return _Modality("formal")

    def exclusive(self, meta: Meta, children: list[Token]) -> _Modality:
        return _Modality("exclusive")

    def simple_verb(self, meta: Meta, children: list[Token]) -> tuple[str, Span]:
        return str(children[0]), Span.of(children[0])

    def hears_reports(self, meta: Meta, children: list[Token]) -> tuple[str, Span]:
        return _words(children, "hears reports of", "hear reports of"), Span.of(meta)

    def no_confidence(self, meta: Meta, children: list[Token]) -> tuple[str, Span]:
        return _words(children, "votes no confidence in", "vote no confidence in"), Span.of(meta)

    def brings_cases(self, meta: Meta, children: list[Token]) -> tuple[str, Span]:
        return _words(children, "brings cases to", "bring cases to"), Span.of(meta)

    def lifts_immunity(self, meta: Meta, children: list[Token]) -> tuple[str, Span]:
        return _words(children, "lifts immunity of", "lift immunity of"), Span.of(meta)

    def seat_share(self, meta: Meta, children: list[Token]) -> RawShare:
        total = int(children[1]) if len(children) > 1 else None
        return RawShare("seats", int(children[0]), total, Span.of(meta))

    def chair_share(self, meta: Meta, children: list[Token]) -> RawShare:
        return RawShare("chair", None, None, Span.of(meta))

    def fraction_share(self, meta: Meta, children: list[Any]) -> RawShare:
        return RawShare("fraction", None, None, Span.of(meta), word=str(children[0]))

    def share_word(self, meta: Meta, children: list[Token]) -> str:
        return str(children[0])

    def body_target(self, meta: Meta, children: list[Token]) -> tuple[Token, str]:
        return children[0], "body"

    def members_target(self, meta: Meta, children: list[Token]) -> tuple[Token, str]:
        return children[0], "members"

    def acts_target(self, meta: Meta, children: list[Token]) -> tuple[Token, str]:
        return children[0], "acts"

    def conditions(self, meta: Meta, children: list[RawCondition]) -> list[RawCondition]:
        return list(children)

    def consent(self, meta: Meta, children: list[Any]) -> RawCondition:
        names, combine = children[0]
        return RawCondition("consent", Span.of(meta), names, combine, _opt(children, 1) or [])

    def proposal(self, meta: Meta, children: list[Any]) -> RawCondition:
        form, binding = children[0]
        names, combine = children[1]
        majorities = _opt(children, 2) or []
        return RawCondition("proposal", Span.of(meta), names, combine, majorities, form=form, binding=binding)

    def proposal_form(self, meta: Meta, children: list[Token]) -> tuple[str, bool]:
        words = [str(c) for c in children]
        binding = words[0] == "binding" or words[-1] == "advice"
        return words[-1], binding

    def consultation(self, meta: Meta, children: list[Any]) -> RawCondition:
        names, combine = children[0]
        return RawCondition("consultation", Span.of(meta), names, combine)

    def majority(self, meta: Meta, children: list[list[RawMajority]]) -> RawCondition:
        return RawCondition("majority", Span.of(meta), majorities=children[0])

    def override(self, meta: Meta, children: list[Any]) -> RawCondition:
        names, combine = children[0]
        return RawCondition("override", Span.of(meta), names, combine, _opt(children, 1) or [])

    def review(self, meta: Meta, children: list[Any]) -> RawCondition:
        names, combine = children[0]
        return RawCondition("review", Span.of(meta), names, combine)

    def not_reviewable(self, meta: Meta, children: list[Token]) -> RawCondition:
        return RawCondition("not_reviewable", Span.of(meta))

    def for_cause(self, meta: Meta, children: list[Token]) -> RawCondition:
        return RawCondition("for_cause", Span.of(meta), text=unquote(children[0]) if children else None)

    def at_will(self, meta: Meta, children: list[Token]) -> RawCondition:
        return RawCondition("at_will", Span.of(meta))

    def when(self, meta: Meta, children: list[Token]) -> RawCondition:
        return RawCondition("when", Span.of(meta), text=unquote(children[0]))

    def except_(self, meta: Meta, children: list[Token]) -> RawCondition:
        return RawCondition("except", Span.of(meta), text=unquote(children[0]))

    def quorum(self, meta: Meta, children: list[RawMajority]) -> RawCondition:
        return RawCondition("quorum", Span.of(meta), majorities=[children[0]])

    def turnout(self, meta: Meta, children: list[RawMajority]) -> RawCondition:
        return RawCondition("turnout", Span.of(meta), majorities=[children[0]])

    def intervening_election(self, meta: Meta, children: list[Token]) -> RawCondition:
        return RawCondition("intervening_election", Span.of(meta))

    def second_vote(self, meta: Meta, children: list[Token]) -> RawCondition:
        return RawCondition("second_vote", Span.of(meta), text=unquote(children[0]) if children else None)

    def trigger(self, meta: Meta, children: list[Token]) -> RawCondition:
        return RawCondition("trigger", Span.of(meta), event=children[0])

    def time_limit(self, meta: Meta, children: list[Any]) -> RawCondition:
        amount, unit, event = children
        return RawCondition("time_limit", Span.of(meta), event=event, amount=int(amount), unit=unit)

    def time_unit(self, meta: Meta, children: list[Token]) -> str:
        word = str(children[0])
        return word if word.endswith("s") else word + "s"

    def time_event(self, meta: Meta, children: list[Token]) -> str:
        return " ".join(str(c) for c in children)

    def constructive(self, meta: Meta, children: list[Token]) -> RawCondition:
        return RawCondition("constructive", Span.of(meta))

    def one_name(self, meta: Meta, children: list[Token]) -> tuple[list[Token], str]:
        return list(children), "all"

    def all_names(self, meta: Meta, children: list[Token]) -> tuple[list[Token], str]:
        return list(children), "all"

    def any_names(self, meta: Meta, children: list[Token]) -> tuple[list[Token], str]:
        return list(children), "any"

    def by_majority(self, meta: Meta, children: list[RawMajority]) -> list[RawMajority]:
        first = children[0]  # errors in the first majority point at its "by"
        first.span = Span(meta.line, meta.column, first.span.end_line, first.span.end_column)
        return list(children)

    def majority_spec(self, meta: Meta, children: list[Any]) -> RawMajority:
        inclusive = bool(children) and children[0] is _AT_LEAST
        rest = children[1:] if inclusive else children
        basis = rest[1] if len(rest) > 1 else None
        return RawMajority(rest[0], basis, Span.of(meta), inclusive)

    def at_least(self, meta: Meta, children: list[Token]) -> object:
        return _AT_LEAST

    def majority_size(self, meta: Meta, children: list[Token]) -> str:
        return " ".join(str(c) for c in children)

    def majority_basis(self, meta: Meta, children: list[Token]) -> str:
        words = [str(c) for c in children]
        return "present" if "present" in words else "votes" if "votes" in words else "members"

    # ---- statements
    def immunity(self, meta: Meta, children: list[Any]) -> RawImmunity:
        (holder, scope), *rest = children
        description = unquote(rest.pop(0)) if rest and isinstance(rest[0], Token) and rest[0].type == "STRING" else None
        lifted_by = rest.pop(0) if rest else None
        majorities = rest.pop(0) if rest else []
        return RawImmunity(holder, scope, description, lifted_by, majorities, Span.of(meta))

    def incompatibility(self, meta: Meta, children: list[Any]) -> RawIncompatibility:
        office, word, other = children
        return RawIncompatibility(office, other, word == "compatible", Span.of(meta))

    def compatibility(self, meta: Meta, children: list[Token]) -> str:
        return str(children[0])

    def entrenched_subject(self, meta: Meta, children: list[Token]) -> RawEntrenchment:
        return RawEntrenchment(unquote(children[0]), None, [], Span.of(meta))

    def entrenched_article(self, meta: Meta, children: list[Any]) -> RawEntrenchment:
        number, paragraphs = children[0]
        return RawEntrenchment(None, number, list(paragraphs), Span.of(meta))

    def limit_exemption(self, meta: Meta, children: list[Token]) -> RawTenure:
        return RawTenure("limit_exemption", children[1], unquote(children[0]), Span.of(meta))

    def life_chair(self, meta: Meta, children: list[Token]) -> RawTenure:
        return RawTenure("life_chair", children[0], unquote(children[1]), Span.of(meta))

    def life_member(self, meta: Meta, children: list[Token]) -> RawTenure:
        return RawTenure("life_member", children[0], unquote(children[1]), Span.of(meta))

    def waiver(self, meta: Meta, children: list[Token]) -> RawWaiver:
        return RawWaiver(children[0], unquote(children[1]), Span.of(meta))


class _Modality(str):
    """A clause's adverb, told apart from the tokens around it."""


_AT_LEAST = object()
_STATEMENTS = (RawImmunity, RawIncompatibility, RawEntrenchment, RawTenure)


def _words(children: list[Token], third_person: str, base: str) -> str:
    """A multi-word verb as written: its third-person form or (after shall) its base form."""
    return third_person if children and str(children[0]) == third_person.split()[0] else base


def _opt(children: list[Any], index: int) -> Any:
    return children[index] if len(children) > index else None
