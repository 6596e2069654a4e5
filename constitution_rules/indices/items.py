"""The shape of an index item: its value, the clauses that decide it, and why.

An item the text decides carries its value and the clauses it rests on (file, line, article and
the clause as written); an item the text cannot decide carries ``None`` and the reason. Nothing is
guessed: an item decided by the absence of a clause says so in its reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Union

from pydantic import BaseModel, ConfigDict

from constitution_rules import model as m
from constitution_rules.language import printer

PRECISION = 4


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(_Frozen):
    """One clause (or institution declaration) an item rests on."""

    file: str | None
    line: int | None
    article: str | None
    text: str

    def where(self) -> str:
        place = f"{self.file}:{self.line}" if self.file and self.line else (self.file or "")
        return ", ".join(part for part in (self.article, place) if part)


Value = Union[bool, int, None]


class Item(_Frozen):
    value: Value
    evidence: tuple[Evidence, ...] = ()
    reason: str

    @property
    def decided(self) -> bool:
        return self.value is not None


def _location(location: m.SourceLocation | None) -> tuple[str | None, int | None]:
    if location is None or location.line <= 0:
        return (location.file if location else None), None
    return location.file, location.line


def clause_evidence(clause: m.PowerClause) -> Evidence:
    file, line = _location(clause.location)
    return Evidence(file=file, line=line, article=clause.citation, text=printer.clause_text(clause) + ".")


def institution_evidence(institution: m.Institution) -> Evidence:
    file, line = _location(institution.location)
    parts = [*institution.kinds]
    parts += [f"ex-officio {e.seats}" + (f" from {e.source}" if e.source else "") for e in institution.ex_officio]
    if institution.term_life:
        parts.append("term life")
    if institution.term_years is not None:
        parts.append(f"term {institution.term_years} years")
    if institution.term_limit is not None:
        parts.append(f"limit {institution.term_limit}" + (" consecutive" if institution.term_limit_consecutive else ""))
    return Evidence(file=file, line=line, article=None, text=f"institution {institution.id}: {', '.join(parts)}")


def statement_evidence(provision: m.Provision, statement: m.Immunity | m.Incompatibility) -> Evidence:
    """A statement of an article that is not a power clause (an immunity, an incompatibility), as written."""
    file, line = _location(statement.location or provision.location)
    return Evidence(file=file, line=line, article=provision.citation, text=printer.statement_text(statement) + ".")


def evidence_of(things: Iterable[m.PowerClause | m.Institution]) -> tuple[Evidence, ...]:
    """Evidence in source order (file, line), each clause once."""
    out: dict[tuple[str | None, int | None, str], Evidence] = {}
    for thing in things:
        ev = clause_evidence(thing) if isinstance(thing, m.PowerClause) else institution_evidence(thing)
        out.setdefault((ev.file, ev.line, ev.text), ev)
    return tuple(sorted(out.values(), key=lambda e: (e.line or 0, e.file or "", e.text)))


def decided(
    value: bool | int,
    reason: str,
    basis: Iterable[m.PowerClause | m.Institution] = (),
    statements: Iterable[Evidence] = (),
) -> Item:
    return Item(value=value, evidence=(*evidence_of(basis), *statements), reason=reason)


def undecided(reason: str, basis: Iterable[m.PowerClause | m.Institution] = ()) -> Item:
    return Item(value=None, evidence=evidence_of(basis), reason=reason)


def names(ids: Iterable[str]) -> str:
    listed = sorted(set(ids))
    return ", ".join(listed) if listed else "none"
