"""The validated model of a constitution: the boundary between the language and everything after it.

Every later stage (graph, rules, metrics, amendments, renderers, reports) reads these pydantic
models and nothing of the parser. Locations are kept so findings can point back at the source, but
they never take part in equality of meaning: see :func:`Constitution.meaning`.
"""

from __future__ import annotations

import datetime as _dt
from fractions import Fraction
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from constitution_rules.display import one_line
from constitution_rules.vocabulary import Category, Modality, TargetScope

#: The version of the model's JSON shape (``parse --format json``, ``schema``). 2: language v2
#: (joint actors, name lists, double majorities, modality, statements, article text).
SCHEMA_VERSION = "2"


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


#: Fractions written as words (others as ``n/d``). The v1 words only, so v1 files keep their layout.
MAJORITY_NAMES: dict[Fraction, str] = {
    Fraction(1, 2): "majority",
    Fraction(3, 5): "three-fifths",
    Fraction(2, 3): "two-thirds",
    Fraction(3, 4): "three-quarters",
}

_BASIS_WORDS = {"votes": "", "members": " of members", "present": " of members present"}


class Majority(_Frozen):
    """The vote needed: more than ``numerator/denominator`` (``inclusive``: at least that share) of
    the votes cast (``basis="votes"``), of all members (``"members"``) or of the members present."""

    numerator: int = Field(ge=1)
    denominator: int = Field(ge=1)
    basis: Literal["votes", "members", "present"] = "votes"
    inclusive: bool = False

    @property
    def fraction(self) -> Fraction:
        return Fraction(self.numerator, self.denominator)

    def describe(self) -> str:
        if self.inclusive:
            word = "at least " + ("half" if self.fraction == Fraction(1, 2) else self._word())
        else:
            word = self._word()
        return word + _BASIS_WORDS[self.basis]

    def _word(self) -> str:
        return MAJORITY_NAMES.get(self.fraction, f"{self.numerator}/{self.denominator}")


class Waiver(_Frozen):
    """An acknowledged finding: the drafters accept it, for the stated reason."""

    code: str
    reason: str
    location: SourceLocation | None = None


class _Condition(_Frozen):
    location: SourceLocation | None = None


class _Institutions(_Condition):
    """A condition naming institutions: ``institution`` is the first, ``institutions`` all of them,
    and ``combine`` says whether all must act (``A and B``) or any one may (``A or B``)."""

    institution: str
    institutions: tuple[str, ...] = ()
    combine: Literal["all", "any"] = "all"

    @model_validator(mode="after")
    def _first_institution_is_listed(self) -> Any:
        if not self.institutions:
            object.__setattr__(self, "institutions", (self.institution,))
        elif self.institutions[0] != self.institution:
            raise ValueError("institution must be the first of institutions")
        if len(self.institutions) == 1 and self.combine != "all":  # one name: nothing to combine
            object.__setattr__(self, "combine", "all")
        return self


class _Majorities(_Condition):
    """A condition with majorities: ``majority`` is the first, ``majorities`` all of them (a double
    majority, ``by two-thirds of votes cast and majority of members``, needs every one)."""

    majority: Majority | None = None
    majorities: tuple[Majority, ...] = ()

    @model_validator(mode="after")
    def _first_majority_is_listed(self) -> Any:
        if not self.majorities and self.majority is not None:
            object.__setattr__(self, "majorities", (self.majority,))
        elif self.majorities and self.majority is None:
            object.__setattr__(self, "majority", self.majorities[0])
        elif self.majorities and self.majorities[0] != self.majority:
            raise ValueError("majority must be the first of majorities")
        return self


class Consent(_Institutions, _Majorities):
    type: Literal["consent"] = "consent"


class Proposal(_Institutions, _Majorities):
    """``on proposal of X``; ``binding``: the actor must follow it (``on binding proposal of``,
    ``on advice of``, or any proposal on a ``formally`` clause)."""

    type: Literal["proposal"] = "proposal"
    form: Literal["proposal", "nomination", "recommendation", "advice"] = "proposal"
    binding: bool = False


class Consultation(_Institutions):
    type: Literal["consultation"] = "consultation"


class MajorityRequirement(_Majorities):
    type: Literal["majority"] = "majority"
    majority: Majority  # required here


class Override(_Institutions, _Majorities):
    type: Literal["override"] = "override"


class Review(_Institutions):
    type: Literal["review"] = "review"


class ForCause(_Condition):
    type: Literal["for_cause"] = "for_cause"
    grounds: str | None = None


class AtWill(_Condition):
    type: Literal["at_will"] = "at_will"


class When(_Condition):
    type: Literal["when"] = "when"
    circumstance: str


class Except(_Condition):
    """``except "SUBJECTS"``: what the act may not cover (decree limits, countersignature exceptions)."""

    type: Literal["except"] = "except"
    subjects: str


class NotReviewable(_Condition):
    """``not subject to review``: the act is exempt from judicial review."""

    type: Literal["not_reviewable"] = "not_reviewable"


class Quorum(_Condition):
    """``with quorum of MAJORITY``: the share of members who must be present for the vote."""

    type: Literal["quorum"] = "quorum"
    majority: Majority


class Turnout(_Condition):
    """``with turnout of MAJORITY``: the share of registered voters who must take part."""

    type: Literal["turnout"] = "turnout"
    majority: Majority


class InterveningElection(_Condition):
    """``after intervening election``: the act needs a vote again after a general election."""

    type: Literal["intervening_election"] = "intervening_election"


class SecondVote(_Condition):
    """``after second vote ["DETAIL"]``: the act needs a second vote (after an interval, say)."""

    type: Literal["second_vote"] = "second_vote"
    detail: str | None = None


class Trigger(_Condition):
    """``after EVENT``: the power exists only after the event (vocabulary.TRIGGER_EVENTS)."""

    type: Literal["trigger"] = "trigger"
    event: str


class TimeLimit(_Condition):
    """``not within N years|months of EVENT``: the power is barred for that time."""

    type: Literal["time_limit"] = "time_limit"
    amount: int = Field(ge=0)
    unit: Literal["months", "years"]
    event: Literal["dissolution", "election", "end of term", "start of term"]


class Constructive(_Condition):
    """``by electing a successor``: a no-confidence vote counts only with a successor elected."""

    type: Literal["constructive"] = "constructive"


Condition = Annotated[
    Union[
        Consent,
        Proposal,
        Consultation,
        MajorityRequirement,
        Override,
        Review,
        ForCause,
        AtWill,
        When,
        Except,
        NotReviewable,
        Quorum,
        Turnout,
        InterveningElection,
        SecondVote,
        Trigger,
        TimeLimit,
        Constructive,
    ],
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
    """Part of a collegial body the actor fills: ``seats`` of ``of`` seats, its chair, or a
    ``fraction`` of it (``one-third of X``: ``numerator``/``denominator``, no seat count needed)."""

    kind: Literal["seats", "chair", "fraction"]
    seats: int | None = Field(default=None, ge=0)
    of: int | None = Field(default=None, ge=1)
    numerator: int | None = Field(default=None, ge=1)
    denominator: int | None = Field(default=None, ge=1)

    @property
    def fraction(self) -> Fraction | None:
        """The part of the body: ``seats/of`` or ``numerator/denominator``; None for a chair."""
        if self.kind == "fraction" and self.numerator and self.denominator:
            return Fraction(self.numerator, self.denominator)
        if self.kind == "seats" and self.seats is not None and self.of:
            return Fraction(self.seats, self.of)
        return None


class PowerClause(_Frozen):
    """One power: ``actor [and ... jointly] [shall|formally|exclusively] verb [share] target [conditions]``.

    ``joint_actors`` lists every body that must act together (empty for a single actor; the first
    is ``actor``). ``modality``: a discretionary power, a duty (``shall``) or a formal act whose
    real decision is the proposer's (``formally``). ``exclusive``: only this actor may do it
    (``exclusively initiates budget``). ``target_scope``: the body, its individual ``members``
    (removing a judge) or its ``acts`` (annulment, countersignature)."""

    id: str = Field(description="provision id plus the clause's ordinal, e.g. art_44__para_3#2")
    provision_id: str
    citation: str
    actor: str
    joint_actors: tuple[str, ...] = ()
    modality: Modality = "discretion"
    exclusive: bool = False
    verb: str
    category: Category
    target: str
    target_type: Literal["institution", "instrument"]
    target_scope: TargetScope = "body"
    share: Share | None = None
    conditions: tuple[Condition, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    location: SourceLocation | None = None

    @property
    def actors(self) -> tuple[str, ...]:
        """Every body that acts: the joint actors, or the actor alone."""
        return self.joint_actors or (self.actor,)

    def conditions_of(self, kind: str) -> list[Any]:
        return [c for c in self.conditions if c.type == kind]

    def has(self, kind: str) -> bool:
        return any(c.type == kind for c in self.conditions)


class Immunity(_Frozen):
    """``immunity of [members of] X ["DESCRIPTION"][, lifted by Y [by MAJORITY]]``."""

    holder: str
    scope: Literal["body", "members"] = "body"
    description: str | None = None
    lifted_by: str | None = None
    majority: Majority | None = None
    location: SourceLocation | None = None


class Incompatibility(_Frozen):
    """``membership of X incompatible with Y`` (``compatible``: the text allows holding both)."""

    office: str
    other: str
    compatible: bool = False
    location: SourceLocation | None = None


class Entrenchment(_Frozen):
    """``unamendable "SUBJECT"`` or ``unamendable article 79(3)``: what no amendment may change."""

    subject: str | None = None
    article: str | None = None
    paragraphs: tuple[str, ...] = ()
    location: SourceLocation | None = None


class TenureRule(_Frozen):
    """A rule on one named holder's tenure: ``exempt "HOLDER" from limit of X`` (kind
    ``limit_exemption``), ``chair of X for life "HOLDER"`` (``life_chair``) or ``member of X for
    life "HOLDER"`` (``life_member``)."""

    kind: Literal["limit_exemption", "life_chair", "life_member"]
    institution: str
    holder: str
    location: SourceLocation | None = None


class Provision(_Frozen):
    """An article block: ``article 44(3) "title" { ... }``."""

    id: str
    article: str
    paragraphs: tuple[str, ...] = ()
    title: str | None = None
    #: the wording the block encodes (``text "..." "..."``; the strings joined by newlines)
    text: str | None = None
    text_location: SourceLocation | None = None
    clauses: tuple[PowerClause, ...] = ()
    immunities: tuple[Immunity, ...] = ()
    incompatibilities: tuple[Incompatibility, ...] = ()
    entrenchments: tuple[Entrenchment, ...] = ()
    tenure_rules: tuple[TenureRule, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    location: SourceLocation | None = None

    @property
    def citation(self) -> str:
        return citation_for(self.article, self.paragraphs)


class ExOfficio(_Frozen):
    """``ex-officio N [from X]``: N seats held by virtue of another office (of X, if named)."""

    seats: int = Field(ge=1)
    source: str | None = None


class Institution(_Frozen):
    id: str
    name: str | None = None
    kinds: tuple[str, ...] = ()
    seats: int | None = None
    term_years: int | None = None
    #: ``term life``: members hold office for life
    term_life: bool = False
    term_limit: int | None = None
    term_limit_consecutive: bool = False
    member_of: str | None = None
    joint_sitting_of: tuple[str, ...] = ()
    ex_officio: tuple[ExOfficio, ...] = ()
    substitutes: int | None = None
    waivers: tuple[Waiver, ...] = ()
    location: SourceLocation | None = None

    @property
    def label(self) -> str:
        """The name to show people: on one line, without characters that reorder or hide text."""
        return one_line(self.name or self.id)


class Constitution(_Frozen):
    """A whole ``.constitution`` file."""

    schema_version: str = SCHEMA_VERSION
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
        meaning: dict[str, Any] = _strip_locations(self.model_dump(mode="json", exclude={"file"}))
        return meaning


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
