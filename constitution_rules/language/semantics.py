"""Meaning checks and model building: raw syntax objects -> validated :class:`Constitution`.

All meaning errors of a file are collected and raised together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

from lark import Token

from constitution_rules import model as m
from constitution_rules.language import printer
from constitution_rules.language.errors import ConstitutionError, Diagnostic, did_you_mean, line_of
from constitution_rules.language.transformer import (
    RawArticle,
    RawClause,
    RawCondition,
    RawEntrenchment,
    RawFile,
    RawImmunity,
    RawIncompatibility,
    RawInstitution,
    RawMajority,
    RawStatement,
    RawTenure,
    RawWaiver,
    Span,
)
from constitution_rules.vocabulary import (
    ACTS_ONLY_VERBS,
    ACTS_VERBS,
    BASE_FORMS,
    INSTITUTION,
    INSTRUMENTS,
    KINDS,
    MAJORITY_WORDS,
    SHARE_WORDS,
    TRIGGER_EVENTS,
    VERB_SYNONYMS,
    VERBS,
    category_of,
)


class Resolver:
    def __init__(self, raw: RawFile, text: str, filename: str):
        self.raw = raw
        self.text = text
        self.file = filename
        self.diagnostics: list[Diagnostic] = []
        self.declared: dict[str, RawInstitution] = {}

    # ---- reporting
    def error(self, span: Span, message: str, help: str | None = None, width: int | None = None) -> None:
        if width is None:
            width = span.end_column - span.column if span.end_line == span.line else 1
        self.diagnostics.append(
            Diagnostic(
                file=self.file,
                line=span.line,
                column=span.column,
                message=message,
                width=max(1, width),
                help=help,
                source_line=line_of(self.text, span.line),
            )
        )

    def location(self, span: Span) -> m.SourceLocation:
        return m.SourceLocation(
            file=self.file, line=span.line, column=span.column, end_line=span.end_line, end_column=span.end_column
        )

    # ---- entry point
    def resolve(self) -> m.Constitution:
        header = self._header()
        for inst in self.raw.institutions:
            name = str(inst.name)
            if name in self.declared:
                first = self.declared[name].name
                self.error(
                    Span.of(inst.name),
                    f"institution '{name}' is declared twice",
                    help=f"first declared at {self.file}:{first.line}:{first.column}",
                )
            else:
                self.declared[name] = inst
        institutions = [self._institution(i) for i in self.raw.institutions]
        provisions = self._provisions()
        if self.diagnostics:
            raise ConstitutionError(self.diagnostics)
        return m.Constitution(
            **header,
            institutions=tuple(institutions),
            provisions=tuple(provisions),
            file=self.file,
            header_location=self.location(self.raw.header.span),
        )

    def _header(self) -> dict[str, Any]:
        values: dict[str, Any] = {"name": self.raw.header.name}
        seen: dict[str, Span] = {}
        for key, value, span in self.raw.header.fields:
            if key in seen:
                self.error(span, f"header field '{key.replace('_', '-')}' is given twice")
                continue
            seen[key] = span
            if key in ("adopted", "as_of"):
                values[key] = self._date(value)
            else:
                values[key] = value
        return values

    def _date(self, token: Token) -> dt.date | None:
        try:
            return dt.date.fromisoformat(str(token))
        except ValueError:
            self.error(Span.of(token), f"'{token}' is not a valid date", help="write dates as YYYY-MM-DD")
            return None

    # ---- institutions
    def _institution(self, raw: RawInstitution) -> m.Institution:
        kinds: list[str] = []
        for token in raw.kinds:
            kind = str(token)
            if kind not in KINDS:
                hint = did_you_mean(kind, KINDS) or "known kinds: " + ", ".join(KINDS)
                self.error(Span.of(token), f"unknown institution kind '{kind}'", help=hint)
            elif kind not in kinds:
                kinds.append(kind)
        attrs: dict[str, Any] = {}
        for key, value, span in raw.attributes:
            if key in attrs:
                self.error(span, f"attribute '{key.replace('_', '-')}' is given twice for '{raw.name}'")
                continue
            if key == "member_of":
                self._check_declared(value)
                attrs[key] = str(value)
            elif key == "joint_sitting_of":
                for chamber in value:
                    self._check_declared(chamber)
                attrs[key] = tuple(str(v) for v in value)
            elif key == "term_limit":
                attrs["term_limit"], attrs["term_limit_consecutive"] = value
            elif key == "ex_officio":
                continue  # repeatable: gathered below
            elif key in ("term_years", "term_life") and ({"term_years", "term_life"} & attrs.keys()):
                self.error(span, f"the term of '{raw.name}' is given twice ('term N years' or 'term life')")
            else:
                if key == "seats" and value < 1:
                    self.error(span, "a body needs at least one seat")
                attrs[key] = value
        ex_officio = []
        for key, value, span in raw.attributes:
            if key == "ex_officio":
                seats, source = value
                if seats < 1:
                    self.error(span, "ex-officio needs at least one seat")
                    continue
                if source is not None:
                    self._check_declared(source)
                ex_officio.append(m.ExOfficio(seats=seats, source=str(source) if source is not None else None))
        if ex_officio:
            attrs["ex_officio"] = tuple(ex_officio)
            held = sum(e.seats for e in ex_officio)
            if attrs.get("seats") is not None and held > attrs["seats"]:
                self.error(
                    raw.span or Span.of(raw.name),
                    f"'{raw.name}' has {attrs['seats']} seats but {held} ex-officio seats",
                    help="correct the seats or the ex-officio count",
                )
        return m.Institution(
            id=str(raw.name),
            name=raw.display,
            kinds=tuple(kinds),
            waivers=self._waivers(raw.waivers),
            location=self.location(raw.span or Span.of(raw.name)),
            **attrs,
        )

    def _check_declared(self, token: Token) -> bool:
        name = str(token)
        if name in self.declared:
            return True
        hint = did_you_mean(name, self.declared)
        self.error(
            Span.of(token),
            f"institution '{name}' is not declared",
            help=hint or f"declare it: institution {name}: KIND",
        )
        return False

    def _waivers(self, raws: Iterable[RawWaiver]) -> tuple[m.Waiver, ...]:
        out = []
        for w in raws:
            if not w.reason.strip():
                self.error(
                    w.span, f"waiver of {w.code} needs a reason", help='waive CODE "why the finding is accepted"'
                )
            out.append(m.Waiver(code=str(w.code), reason=w.reason, location=self.location(w.span)))
        return tuple(out)

    # ---- articles
    def _provisions(self) -> list[m.Provision]:
        seen: dict[str, RawArticle] = {}
        provisions = []
        for article in self.raw.articles:
            pid = m.provision_id_for(str(article.number), article.paragraphs)
            citation = m.citation_for(str(article.number), article.paragraphs)
            if pid in seen:
                first = seen[pid].span
                self.error(
                    Span.of(article.number),
                    f"article {citation[5:]} appears twice",
                    help=f"first at {self.file}:{first.line}:{first.column}; merge the two blocks",
                )
                continue
            seen[pid] = article
            clauses = []
            for index, raw in enumerate(article.clauses, start=1):
                clause = self._clause(raw, pid, citation, index)
                if clause is not None:
                    clauses.append(clause)
            statements: dict[str, list[Any]] = {field: [] for field in STATEMENT_FIELDS.values()}
            for raw_statement in article.statements:
                resolved = self.statement(raw_statement)
                if resolved is not None:
                    statements[STATEMENT_FIELDS[type(resolved)]].append(resolved)
            provisions.append(
                m.Provision(
                    id=pid,
                    article=str(article.number),
                    paragraphs=tuple(article.paragraphs),
                    title=article.title,
                    text=article.text.text if article.text is not None else None,
                    text_location=self.location(article.text.span) if article.text is not None else None,
                    clauses=tuple(clauses),
                    waivers=self._waivers(article.waivers),
                    location=self.location(article.span),
                    **{key: tuple(values) for key, values in statements.items()},
                )
            )
        return provisions

    # ---- statements
    def statement(self, raw: RawStatement) -> Any:
        """An immunity, incompatibility, entrenchment or tenure rule as a model object; None
        (with a diagnostic) when it names an undeclared institution. Clauses go through _clause."""
        loc = self.location(raw.span)
        if isinstance(raw, RawImmunity):
            ok = self._check_declared(raw.holder)
            if raw.lifted_by is not None:
                ok = self._check_declared(raw.lifted_by) and ok
            majorities = self._majorities(raw.majorities)
            if len(raw.majorities) > 1:
                self.error(raw.majorities[1].span, "lifting an immunity takes one majority")
            if not ok:
                return None
            return m.Immunity(
                holder=str(raw.holder),
                scope=raw.scope,
                description=raw.description,
                lifted_by=str(raw.lifted_by) if raw.lifted_by is not None else None,
                majority=majorities[0] if majorities else None,
                location=loc,
            )
        if isinstance(raw, RawIncompatibility):
            ok = self._check_declared(raw.office)
            ok = self._check_declared(raw.other) and ok
            if not ok:
                return None
            return m.Incompatibility(
                office=str(raw.office), other=str(raw.other), compatible=raw.compatible, location=loc
            )
        if isinstance(raw, RawEntrenchment):
            return m.Entrenchment(
                subject=raw.subject,
                article=str(raw.article) if raw.article is not None else None,
                paragraphs=tuple(raw.paragraphs),
                location=loc,
            )
        if isinstance(raw, RawTenure):
            if not self._check_declared(raw.institution):
                return None
            return m.TenureRule(kind=raw.kind, institution=str(raw.institution), holder=raw.holder, location=loc)
        raise AssertionError(type(raw).__name__)

    def _verb(self, raw: RawClause) -> Any:
        """The clause's verb, its form checked against its modality and actor: ``shall`` and a
        joint actor take the base form (``shall appoint``, ``A and B jointly adopt``), which is
        normalised; the third-person form is also accepted after a joint actor."""
        word = raw.verb
        base_allowed = raw.modality == "duty" or bool(raw.joint_actors)
        if word in VERBS:
            if raw.modality == "duty":
                base = VERBS[word].base
                self.error(
                    raw.verb_span,
                    f"after 'shall' the verb takes its base form: 'shall {base}'",
                    help=f"did you mean 'shall {base}'?",
                )
                return None
            return VERBS[word]
        if word in BASE_FORMS:
            if base_allowed:
                return VERBS[BASE_FORMS[word]]
            self.error(raw.verb_span, f"unknown verb '{word}'", help=f"did you mean '{BASE_FORMS[word]}'?")
            return None
        synonym = VERB_SYNONYMS.get(word)
        if synonym is not None:
            hint: str | None = f"did you mean '{synonym}'? ('{word}' is not in the vocabulary)"
        else:
            pool = [v for v in VERBS if " " not in v]
            if base_allowed:
                pool += [b for b in BASE_FORMS if " " not in b]
            hint = did_you_mean(word, pool) or "known verbs: " + ", ".join(VERBS)
        self.error(raw.verb_span, f"unknown verb '{word}'", help=hint)
        return None

    def _clause(self, raw: RawClause, pid: str, citation: str, index: int) -> m.PowerClause | None:
        ok = self._check_declared(raw.actor)
        for other in raw.joint_actors[1:]:
            ok = self._check_declared(other) and ok
        seen_actors: set[str] = set()
        for token in raw.joint_actors:
            if str(token) in seen_actors:
                self.error(Span.of(token), f"'{token}' is named twice among the joint actors")
                ok = False
            seen_actors.add(str(token))
        verb = self._verb(raw)
        ok = ok and verb is not None
        target = str(raw.target)
        target_type = "institution" if target in self.declared else "instrument"
        if raw.target_scope != "body" and target_type != "institution":
            self._check_declared(raw.target)
            ok = False
        elif target_type == "instrument" and target not in INSTRUMENTS:
            hint = did_you_mean(target, [*self.declared, *INSTRUMENTS])
            self.error(
                Span.of(raw.target),
                f"'{target}' is neither a declared institution nor an instrument",
                help=hint or "instruments: " + ", ".join(INSTRUMENTS),
            )
            ok = False
        elif verb is not None:
            allowed = target in verb.targets or (target_type == "institution" and INSTITUTION in verb.targets)
            if not allowed:
                takes = ", ".join("an institution" if t == INSTITUTION else t for t in verb.targets)
                self.error(
                    Span.of(raw.target),
                    f"'{verb.name}' cannot take {'institution' if target_type == 'institution' else 'instrument'} "
                    f"'{target}'",
                    help=f"'{verb.name}' takes: {takes}",
                )
                ok = False
            elif not self._scope_fits(raw, verb.name, target):
                ok = False
        share = self._share(raw, target, target_type)
        conditions = self._conditions(raw)
        waivers = self._waivers(raw.waivers)
        if not ok or verb is None:
            return None
        modality = raw.modality if raw.modality in ("duty", "formal") else "discretion"
        return m.PowerClause(
            id=f"{pid}#{index}",
            provision_id=pid,
            citation=citation,
            actor=str(raw.actor),
            joint_actors=tuple(str(a) for a in raw.joint_actors),
            modality=modality,
            exclusive=raw.modality == "exclusive",
            verb=verb.name,
            category=category_of(verb.name, target),
            target=target,
            target_type=target_type,
            target_scope=raw.target_scope,
            share=share,
            conditions=tuple(conditions),
            waivers=waivers,
            location=self.location(raw.span),
        )

    def _scope_fits(self, raw: RawClause, verb: str, target: str) -> bool:
        """``acts of X`` only with verbs that act on acts; ``countersigns`` only with them."""
        if raw.target_scope == "acts" and verb not in ACTS_VERBS:
            self.error(
                Span.of(raw.target),
                f"'{verb}' cannot take the acts of a body",
                help=f"write '{verb} {target}'; acts of a body go with: " + ", ".join(sorted(ACTS_VERBS)),
            )
            return False
        if raw.target_scope != "acts" and verb in ACTS_ONLY_VERBS:
            self.error(
                Span.of(raw.target),
                f"'{verb}' takes the acts of a body",
                help=f"did you mean '{verb} acts of {target}'?",
            )
            return False
        return True

    def _conditions(self, raw: RawClause) -> list[Any]:
        conditions = [c for c in (self._condition(c) for c in raw.conditions) if c is not None]
        majorities = [c for c in raw.conditions if c.type == "majority"]
        if len(majorities) > 1:
            written = majorities_text([mj for c in majorities for mj in c.majorities])
            self.error(
                majorities[1].span,
                "a clause takes one 'by' majority; a double majority is written with 'and'",
                help=f"did you mean 'by {written}'?",
            )
        return conditions

    def _share(self, raw: RawClause, target: str, target_type: str) -> m.Share | None:
        share = raw.share
        if share is None:
            return None
        if target_type != "institution":
            self.error(share.span, f"a share ('{_share_text(share)}') applies only to a collegial body, not '{target}'")
            return None
        if share.kind == "chair":
            return m.Share(kind="chair")
        if share.kind == "fraction":
            fraction = share_fraction(share.word or "")
            if fraction is None:
                self.error(
                    share.span, f"'{share.word}' is not a share of a body", help="use a fraction between 0 and 1"
                )
                return None
            return m.Share(kind="fraction", numerator=fraction.numerator, denominator=fraction.denominator)
        seats = self.declared[target].attributes
        declared_seats = next((v for k, v, _ in seats if k == "seats"), None)
        total = share.of if share.of is not None else declared_seats
        if total is None:
            self.error(
                share.span,
                f"'{share.seats} of' needs the size of '{target}'",
                help=f"write '{share.seats} of N {target}', a fraction ('one-third of {target}') "
                f"or declare 'seats N' on {target}",
            )
            return None
        if share.seats is not None and share.seats > total:
            self.error(share.span, f"a share of {share.seats} is larger than the body ({total} seats)")
            return None
        if declared_seats is not None and total > declared_seats:
            self.error(
                share.span,
                f"'{share.seats} of {total}' is larger than {target}, which has {declared_seats} seats",
                help=f"write '{share.seats} of {declared_seats}' or correct the seats of {target}",
            )
            return None
        return m.Share(kind="seats", seats=share.seats, of=total)

    def _majorities(self, raws: list[RawMajority]) -> list[m.Majority]:
        return [majority for majority in (self._majority(raw) for raw in raws) if majority is not None]

    def _majority(self, raw: RawMajority | None) -> m.Majority | None:
        if raw is None:
            return None
        if raw.word == "half" and not raw.inclusive:
            self.error(
                raw.span, "'half' alone is ambiguous", help="write 'majority' (more than half) or 'at least half'"
            )
            return None
        majority = majority_of(raw.word, raw.basis, raw.inclusive)
        if majority is None:
            self.error(raw.span, f"'{raw.word}' is not a valid majority", help="use a fraction between 0 and 1")
        return majority

    def _names(self, raw: RawCondition) -> dict[str, Any] | None:
        """``institution``, ``institutions`` and ``combine`` of a condition; None if a name is undeclared."""
        ok = True
        for token in raw.institutions:
            ok = self._check_declared(token) and ok
        names = [str(t) for t in raw.institutions]
        for position, name in enumerate(names):
            if name in names[:position]:
                self.error(Span.of(raw.institutions[position]), f"'{name}' is named twice in this condition")
                ok = False
        if not ok:
            return None
        return {"institution": names[0], "institutions": tuple(names), "combine": raw.combine}

    def _condition(self, raw: RawCondition) -> Any:
        loc = self.location(raw.span)
        names: dict[str, Any] = {}
        if raw.institutions:
            found = self._names(raw)
            if found is None:
                return None
            names = found
        majorities = self._majorities(raw.majorities)
        if len(majorities) != len(raw.majorities):
            return None  # reported
        counted = {"majorities": tuple(majorities)}
        if raw.type == "consent":
            return m.Consent(**names, **counted, location=loc)
        if raw.type == "proposal":
            return m.Proposal(**names, **counted, form=raw.form, binding=raw.binding, location=loc)
        if raw.type == "consultation":
            return m.Consultation(**names, location=loc)
        if raw.type == "majority":
            return m.MajorityRequirement(majority=majorities[0], **counted, location=loc)
        if raw.type == "override":
            return m.Override(**names, **counted, location=loc)
        if raw.type == "review":
            return m.Review(**names, location=loc)
        if raw.type == "for_cause":
            return m.ForCause(grounds=raw.text, location=loc)
        if raw.type == "at_will":
            return m.AtWill(location=loc)
        if raw.type == "when":
            return m.When(circumstance=raw.text or "", location=loc)
        if raw.type == "except":
            return m.Except(subjects=raw.text or "", location=loc)
        if raw.type == "not_reviewable":
            return m.NotReviewable(location=loc)
        if raw.type == "quorum":
            return m.Quorum(majority=majorities[0], location=loc)
        if raw.type == "turnout":
            return m.Turnout(majority=majorities[0], location=loc)
        if raw.type == "intervening_election":
            return m.InterveningElection(location=loc)
        if raw.type == "second_vote":
            return m.SecondVote(detail=raw.text, location=loc)
        if raw.type == "trigger":
            return self._trigger(raw, loc)
        if raw.type == "time_limit":
            return m.TimeLimit(amount=raw.amount or 0, unit=raw.unit, event=raw.event, location=loc)
        if raw.type == "constructive":
            return m.Constructive(location=loc)
        raise AssertionError(raw.type)

    def _trigger(self, raw: RawCondition, loc: m.SourceLocation) -> m.Trigger | None:
        event = str(raw.event)
        if event in TRIGGER_EVENTS:
            return m.Trigger(event=event, location=loc)
        span = Span.of(raw.event) if isinstance(raw.event, Token) else raw.span
        hint = did_you_mean(event, TRIGGER_EVENTS) or "events: " + ", ".join(TRIGGER_EVENTS)
        self.error(span, f"unknown event '{event}' after 'after'", help=hint)
        return None


#: Which Provision field holds each kind of statement.
STATEMENT_FIELDS: dict[type, str] = {
    m.Immunity: "immunities",
    m.Incompatibility: "incompatibilities",
    m.Entrenchment: "entrenchments",
    m.TenureRule: "tenure_rules",
}


def share_fraction(word: str) -> Fraction | None:
    """``one-third`` or ``1/3`` as a fraction of a body; None outside (0, 1)."""
    if word in SHARE_WORDS:
        return Fraction(*SHARE_WORDS[word])
    num_text, _, den_text = word.partition("/")
    if not (num_text.isdigit() and den_text.isdigit()) or int(den_text) == 0 or int(num_text) == 0:
        return None
    fraction = Fraction(int(num_text), int(den_text))
    return fraction if fraction < 1 else None


def majority_of(word: str, basis: str | None = None, inclusive: bool = False) -> m.Majority | None:
    """``by [at least] WORD [of members|of votes cast|of members present]`` as a majority, the
    fraction reduced; None for a fraction outside (0, 1]. Needs no declarations, so the amendment
    formatter uses it too. ``absolute majority`` means of members unless a basis is written."""
    if word in MAJORITY_WORDS:
        num, den, implied = MAJORITY_WORDS[word]
    else:
        num_text, den_text = word.split("/")
        num, den, implied = int(num_text), int(den_text), False
        if den == 0 or num == 0 or num > den:
            return None
        fraction = Fraction(num, den)
        num, den = fraction.numerator, fraction.denominator
    chosen = basis or ("members" if implied else "votes")
    return m.Majority(numerator=num, denominator=den, basis=chosen, inclusive=inclusive)


def majorities_text(raws: list[RawMajority]) -> str:
    """Majorities in canonical words (``two-thirds of votes cast and majority of members``); when
    one is invalid, all as written, for the resolver to report."""
    majorities = [majority_of(r.word, r.basis, r.inclusive) if r.word != "half" or r.inclusive else None for r in raws]
    if all(mj is not None for mj in majorities):
        return printer.majorities_words([mj for mj in majorities if mj is not None])
    return " and ".join(("at least " if r.inclusive else "") + r.word + _basis_words(r.basis) for r in raws)


def _basis_words(basis: str | None) -> str:
    return {None: "", "votes": " of votes cast", "members": " of members", "present": " of members present"}[basis]


def _share_text(share: Any) -> str:
    if share.kind == "chair":
        return "chair of"
    return f"{share.word} of" if share.kind == "fraction" else f"{share.seats} of"
