"""Who is who in a constitution, as the two indices read it: the national legislature, the
executive, the president, the government, the courts.

Both codebooks speak of "the legislature" and "the president" as wholes; a spec names chambers,
joint sittings, presiding officers and ministers. These functions map one onto the other once, from
the institutions' declared kinds and the clauses that select them, so every item reads the same
roles. Pure functions over the model; nothing is stored on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from constitution_rules import model as m
from constitution_rules.vocabulary import EXECUTIVE_KINDS, JUDICIAL_KINDS, PARTICIPATING_CONDITIONS, SELECTION_VERBS


@dataclass(frozen=True)
class Roles:
    """The roles of one constitution's institutions (ids), computed by :func:`roles_of`."""

    legislature: frozenset[str]
    chambers: tuple[str, ...]
    executive: frozenset[str]
    electorate: frozenset[str]
    head_of_state: tuple[str, ...]
    president: str | None  # the head of state the voters elect (Shugart & Carey's "popularly elected")
    government: frozenset[str]
    prime_minister: frozenset[str]
    ministers: frozenset[str]
    courts: frozenset[str]
    central_bank: frozenset[str]
    parent: dict[str, str]

    def in_legislature(self, name: str) -> bool:
        return name in self.legislature

    def chamber_of(self, name: str) -> str:
        """The outermost body ``name`` is a part of (a chair or a group of senators -> the chamber)."""
        seen: set[str] = set()
        while name in self.parent and name not in seen:
            seen.add(name)
            name = self.parent[name]
        return name


def _has(inst: m.Institution, kinds: Iterable[str]) -> bool:
    return any(k in inst.kinds for k in kinds)


def roles_of(constitution: m.Constitution) -> Roles:
    national = [i for i in constitution.institutions if "local" not in i.kinds]
    legislature = frozenset(i.id for i in national if "legislature" in i.kinds)
    filled_by: dict[str, set[bool]] = {}  # body -> {chosen by the legislature itself?}
    for c in constitution.clauses:
        if c.verb in SELECTION_VERBS and c.target in legislature and c.actor != c.target:
            filled_by.setdefault(c.target, set()).add(c.actor in legislature)
    chambers = tuple(
        i.id
        for i in national
        if i.id in legislature
        and i.member_of is None
        and not i.joint_sitting_of
        and filled_by.get(i.id) != {True}  # a committee the chambers fill from their members
    )
    executive = frozenset(i.id for i in national if _has(i, EXECUTIVE_KINDS) and i.id not in legislature)
    electorate = frozenset(i.id for i in constitution.institutions if "electorate" in i.kinds)
    heads = tuple(i.id for i in national if "head-of-state" in i.kinds)
    president = next((h for h in heads if _popularly_elected(constitution, h, electorate)), None)
    government = frozenset(i.id for i in national if _has(i, ("cabinet",)))
    prime_minister = frozenset(i.id for i in national if "head-of-government" in i.kinds and i.id not in heads)
    ministers = frozenset(i.id for i in national if _has(i, ("minister", "cabinet")))
    courts = frozenset(i.id for i in national if _has(i, JUDICIAL_KINDS))
    central_bank = frozenset(i.id for i in national if "central-bank" in i.kinds)
    parent = {i.id: i.member_of for i in constitution.institutions if i.member_of}
    return Roles(
        legislature=legislature,
        chambers=chambers,
        executive=executive,
        electorate=electorate,
        head_of_state=heads,
        president=president,
        government=government,
        prime_minister=prime_minister,
        ministers=ministers,
        courts=courts,
        central_bank=central_bank,
        parent=parent,
    )


def popular_election(constitution: m.Constitution, office: str, electorate: frozenset[str]) -> list[m.PowerClause]:
    """The clauses by which the voters choose ``office``: directly, or through an electoral college
    (a body the voters elect whose only powers are electing offices). Empty if the voters do not."""
    clauses = constitution.clauses
    direct = [c for c in clauses if c.verb == "elects" and c.target == office and c.actor in electorate and not c.share]
    if direct:
        return direct
    for choice in (c for c in clauses if c.verb == "elects" and c.target == office and not c.share):
        college = choice.actor
        if all(c.verb == "elects" for c in clauses if c.actor == college):
            chosen = [c for c in clauses if c.verb == "elects" and c.target == college and c.actor in electorate]
            if chosen:
                return [*chosen, choice]
    return []


def _popularly_elected(constitution: m.Constitution, office: str, electorate: frozenset[str]) -> bool:
    return bool(popular_election(constitution, office, electorate))


def participants(clause: m.PowerClause) -> list[str]:
    """The institutions a clause's conditions give a part in it (each named institution once)."""
    out: list[str] = []
    for condition in clause.conditions:
        if condition.type not in PARTICIPATING_CONDITIONS:
            continue
        for name in institutions_in(condition):
            if name not in out:
                out.append(name)
    return out


def institutions_in(condition: m.Condition) -> tuple[str, ...]:
    """Every institution a condition names (``A and B``, ``A or B``: all of them; none for a
    condition that names no institution)."""
    return tuple(getattr(condition, "institutions", ()))


def alone(clause: m.PowerClause, group: frozenset[str]) -> bool:
    """The clause's actor(s) and every institution its conditions involve belong to ``group``."""
    return all(a in group for a in clause.actors) and all(p in group for p in participants(clause))


def binding_proposals(clause: m.PowerClause) -> list[m.Proposal]:
    """The proposals the actor must follow: ``on binding proposal of``, ``on advice of``, any
    proposal on a ``formally`` clause (the real decision is the proposer's), and any proposal on a
    ``shall`` clause (the actor must act, and acts on the proposal)."""
    bound = clause.modality in ("formal", "duty")
    return [c for c in clause.conditions if isinstance(c, m.Proposal) and (c.binding or bound)]


#: The instrument of decrees with the force of law (language v2); v1 `decrees` leaves the force unstated.
DECREE_LAWS = "decree-laws"


def decrees_of_unstated_force(constitution: m.Constitution, clauses: list[m.PowerClause]) -> list[m.PowerClause]:
    """The ``issues decrees`` clauses among ``clauses`` whose force of law the text leaves open.

    Once a text writes ``decree-laws`` anywhere, it separates the acts with the force of law from the
    rest, so its plain ``decrees`` are the other acts; in a text that never does, they are open."""
    if any(x.target == DECREE_LAWS for x in constitution.clauses):
        return []
    return [x for x in clauses if x.verb == "issues" and x.target == "decrees"]


def majorities_of(condition: m.Condition) -> tuple[m.Majority, ...]:
    """Every majority a condition requires (a double majority lists several)."""
    return tuple(getattr(condition, "majorities", ()))


def largest_majority(condition: m.Condition) -> Fraction | None:
    """The largest fraction a condition's majorities require (a double majority needs both)."""
    return max((mj.fraction for mj in majorities_of(condition)), default=None)
