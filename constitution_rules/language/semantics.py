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
from constitution_rules.language.errors import ConstitutionError, Diagnostic, did_you_mean, line_of
from constitution_rules.language.transformer import (
    RawArticle,
    RawClause,
    RawCondition,
    RawFile,
    RawInstitution,
    RawMajority,
    RawWaiver,
    Span,
)
from constitution_rules.vocabulary import INSTITUTION, INSTRUMENTS, KINDS, VERBS, category_of

MAJORITY_WORDS: dict[str, tuple[int, int, bool]] = {
    # word -> (numerator, denominator, implies "of members")
    "majority": (1, 2, False),
    "simple majority": (1, 2, False),
    "absolute majority": (1, 2, True),
    "three-fifths": (3, 5, False),
    "two-thirds": (2, 3, False),
    "three-quarters": (3, 4, False),
}


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
            else:
                if key == "seats" and value < 1:
                    self.error(span, "a body needs at least one seat")
                attrs[key] = value
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
            provisions.append(
                m.Provision(
                    id=pid,
                    article=str(article.number),
                    paragraphs=tuple(article.paragraphs),
                    title=article.title,
                    clauses=tuple(clauses),
                    waivers=self._waivers(article.waivers),
                    location=self.location(article.span),
                )
            )
        return provisions

    def _clause(self, raw: RawClause, pid: str, citation: str, index: int) -> m.PowerClause | None:
        ok = self._check_declared(raw.actor)
        verb = VERBS.get(raw.verb)
        if verb is None:
            known = [v for v in VERBS if " " not in v]
            self.error(
                raw.verb_span,
                f"unknown verb '{raw.verb}'",
                help=did_you_mean(raw.verb, known) or "known verbs: " + ", ".join(VERBS),
            )
            ok = False
        target = str(raw.target)
        target_type = "institution" if target in self.declared else "instrument"
        if target_type == "instrument" and target not in INSTRUMENTS:
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
        share = self._share(raw, target, target_type)
        conditions = [c for c in (self._condition(c) for c in raw.conditions) if c is not None]
        waivers = self._waivers(raw.waivers)
        if not ok or verb is None:
            return None
        return m.PowerClause(
            id=f"{pid}#{index}",
            provision_id=pid,
            citation=citation,
            actor=str(raw.actor),
            verb=verb.name,
            category=category_of(verb.name, target),
            target=target,
            target_type=target_type,
            share=share,
            conditions=tuple(conditions),
            waivers=waivers,
            location=self.location(raw.span),
        )

    def _share(self, raw: RawClause, target: str, target_type: str) -> m.Share | None:
        share = raw.share
        if share is None:
            return None
        if target_type != "institution":
            self.error(share.span, f"a share ('{_share_text(share)}') applies only to a collegial body, not '{target}'")
            return None
        seats = self.declared[target].attributes
        declared_seats = next((v for k, v, _ in seats if k == "seats"), None)
        if share.kind == "chair":
            return m.Share(kind="chair")
        total = share.of if share.of is not None else declared_seats
        if total is None:
            self.error(
                share.span,
                f"'{share.seats} of' needs the size of '{target}'",
                help=f"write '{share.seats} of N {target}' or declare 'seats N' on {target}",
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

    def _majority(self, raw: RawMajority | None) -> m.Majority | None:
        if raw is None:
            return None
        majority = majority_of(raw.word, raw.members)
        if majority is None:
            self.error(raw.span, f"'{raw.word}' is not a valid majority", help="use a fraction between 0 and 1")
        return majority

    def _condition(self, raw: RawCondition) -> Any:
        loc = self.location(raw.span)
        if raw.institution is not None and not self._check_declared(raw.institution):
            return None
        who = str(raw.institution) if raw.institution is not None else ""
        if raw.type == "consent":
            return m.Consent(institution=who, majority=self._majority(raw.majority), location=loc)
        if raw.type == "proposal":
            return m.Proposal(institution=who, form=raw.form, location=loc)
        if raw.type == "consultation":
            return m.Consultation(institution=who, location=loc)
        if raw.type == "majority":
            majority = self._majority(raw.majority)
            return m.MajorityRequirement(majority=majority, location=loc) if majority else None
        if raw.type == "override":
            return m.Override(institution=who, majority=self._majority(raw.majority), location=loc)
        if raw.type == "review":
            return m.Review(institution=who, location=loc)
        if raw.type == "for_cause":
            return m.ForCause(grounds=raw.text, location=loc)
        if raw.type == "at_will":
            return m.AtWill(location=loc)
        if raw.type == "when":
            return m.When(circumstance=raw.text or "", location=loc)
        raise AssertionError(raw.type)


def majority_of(word: str, members: bool) -> m.Majority | None:
    """``by WORD [of members]`` as a majority, the fraction reduced; None for a fraction outside (0, 1].
    Needs no declarations, so the amendment formatter uses it too."""
    if word in MAJORITY_WORDS:
        num, den, implied = MAJORITY_WORDS[word]
    else:
        num_text, den_text = word.split("/")
        num, den, implied = int(num_text), int(den_text), False
        if den == 0 or num == 0 or num > den:
            return None
        fraction = Fraction(num, den)
        num, den = fraction.numerator, fraction.denominator
    return m.Majority(numerator=num, denominator=den, basis="members" if (implied or members) else "votes")


def _share_text(share: Any) -> str:
    return "chair of" if share.kind == "chair" else f"{share.seats} of"
