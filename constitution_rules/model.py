"""The validated model of a constitution: the boundary between the language and everything after it.

Every later stage (graph, rules, metrics, amendments, renderers, reports) reads these pydantic
models and nothing of the parser. Locations are kept so findings can point back at the source, but
they never take part in equality of meaning: see :func:`Constitution.meaning`.
"""

from __future__ import annotations

import datetime as _dt
from fractions import Fraction
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

from constitution_rules.display import one_line
from constitution_rules.vocabulary import Category

SCHEMA_VERSION = "1"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SourceLocation(_Frozen):
    """A span in a source file; lines and columns count from 1."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class Majority(_Frozen):
    """The vote needed: more than ``numerator/denominator`` of the votes cast or of all members."""

    numerator: int = Field(ge=1)
    denominator: int = Field(ge=1)
    basis: Literal["votes", "members"] = "votes"

    @property
    def fraction(self) -> Fraction:
        return Fraction(self.numerator, self.denominator)

    def describe(self) -> str:
        names = {
            Fraction(1, 2): "majority",
            Fraction(3, 5): "three-fifths",
            Fraction(2, 3): "two-thirds",
            Fraction(3, 4): "three-quarters",
        }
        word = names.get(self.fraction, f"{self.numerator}/{self.denominator}")
        return f"{word} of members" if self.basis == "members" else word


class Waiver(_Frozen):
    """An acknowledged finding: the drafters accept it, for the stated reason."""

    code: str
    reason: str
    location: SourceLocation | None = None


class _Condition(_Frozen):
    location: SourceLocation | None = None


class Consent(_Condition):
    type: Literal["consent"] = "consent"
    institution: str
    majority: Majority | None = None


class Proposal(_Condition):
    type: Literal["proposal"] = "proposal"
    institution: str
    form: Literal["proposal", "nomination", "recommendation"] = "proposal"


class Consultation(_Condition):
    type: Literal["consultation"] = "consultation"
    institution: str


class MajorityRequirement(_Condition):
    type: Literal["majority"] = "majority"
    majority: Majority


class Override(_Condition):
    type: Literal["override"] = "override"
    institution: str
    majority: Majority | None = None


class Review(_Condition):
    type: Literal["review"] = "review"
    institution: str


class ForCause(_Condition):
    type: Literal["for_cause"] = "for_cause"
    grounds: str | None = None


class AtWill(_Condition):
    type: Literal["at_will"] = "at_will"


class When(_Condition):
    type: Literal["when"] = "when"
    circumstance: str


Condition = Annotated[
    Union[Consent, Proposal, Consultation, MajorityRequirement, Override, Review, ForCause, AtWill, When],
    Field(discriminator="type"),
]

#: Conditions that give another institution a say over the clause; they become graph edges.
SAY_SO_ROLES: dict[str, str] = {
    "consent": "consents",
    "proposal": "proposes",
    "override": "overrides",
    "review": "reviews",
}


class Share(_Frozen):
    """Part of a collegial body the actor fills: ``seats`` of ``of`` seats, or its chair."""

    kind: Literal["seats", "chair"]
    seats: int | None = Field(default=None, ge=0)
    of: int | None = Field(default=None, ge=1)


class PowerClause(_Frozen):
    """One power: ``actor verb [share] target [conditions]``."""

    id: str = Field(description="provision id plus the clause's ordinal, e.g. art_44__para_3#2")
    provision_id: str
    citation: str
    actor: str
    verb: str
    category: Category
    target: str
    target_type: Literal["institution", "instrument"]
    share: Share | None = None
    conditions: tuple[Condition, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    location: SourceLocation | None = None

    def conditions_of(self, kind: str) -> list[Any]:
        return [c for c in self.conditions if c.type == kind]

    def has(self, kind: str) -> bool:
        return any(c.type == kind for c in self.conditions)


class Provision(_Frozen):
    """An article block: ``article 44(3) "title" { ... }``."""

    id: str
    article: str
    paragraphs: tuple[str, ...] = ()
    title: str | None = None
    clauses: tuple[PowerClause, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    location: SourceLocation | None = None

    @property
    def citation(self) -> str:
        return citation_for(self.article, self.paragraphs)


class Institution(_Frozen):
    id: str
    name: str | None = None
    kinds: tuple[str, ...] = ()
    seats: int | None = None
    term_years: int | None = None
    term_limit: int | None = None
    term_limit_consecutive: bool = False
    member_of: str | None = None
    joint_sitting_of: tuple[str, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    location: SourceLocation | None = None

    @property
    def label(self) -> str:
        """The name to show people: on one line, without characters that reorder or hide text."""
        return one_line(self.name or self.id)


class Constitution(_Frozen):
    """A whole ``.constitution`` file."""

    name: str
    version: str | None = None
    adopted: _dt.date | None = None
    as_of: _dt.date | None = None
    source: str | None = None
    institutions: tuple[Institution, ...] = ()
    provisions: tuple[Provision, ...] = ()
    file: str = "<string>"
    header_location: SourceLocation | None = None

    def institution(self, identifier: str) -> Institution | None:
        return self._institutions_by_id().get(identifier)

    def _institutions_by_id(self) -> dict[str, Institution]:
        # Built once per model, not per lookup (rules look names up per clause: rebuilding the dict
        # each time made them quadratic). Kept outside the fields, so equality and dumps ignore it;
        # keyed on the institutions tuple, so a model_copy with new institutions does not reuse it.
        cached = self.__dict__.get("_institution_index")
        if cached is None or cached[0] is not self.institutions:
            cached = (self.institutions, {i.id: i for i in self.institutions})
            self.__dict__["_institution_index"] = cached
        index: dict[str, Institution] = cached[1]
        return index

    @property
    def clauses(self) -> list[PowerClause]:
        return [c for p in self.provisions for c in p.clauses]

    def meaning(self) -> dict[str, Any]:
        """The model without source locations: two files mean the same when these are equal."""
        return _strip_locations(self.model_dump(mode="json", exclude={"file"}))


def _strip_locations(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_locations(v) for k, v in value.items() if not k.endswith("location")}
    if isinstance(value, list):
        return [_strip_locations(v) for v in value]
    return value


def citation_for(article: str, paragraphs: tuple[str, ...] | list[str]) -> str:
    return "Art. " + article + "".join(f"({p})" for p in paragraphs)


def provision_id_for(article: str, paragraphs: tuple[str, ...] | list[str]) -> str:
    parts = [f"art_{article}"]
    for depth, paragraph in enumerate(paragraphs):
        parts.append(("para_" if depth == 0 else "sub_") + paragraph)
    return "__".join(parts)
