"""Shugart & Carey's (1992) powers of popularly elected presidents, 0-4 per item, read off the text.

Six legislative items (package veto, partial veto, decree, exclusive introduction, budget,
referenda) and four non-legislative ones (cabinet formation, cabinet dismissal, censure,
dissolution). The scales are those of *Presidents and Assemblies*, ch. 8 (docs/indices.md quotes
each and gives our decision rule); an item the language cannot express is ``None`` with the reason.
Sums are over decided items only, with the count of decided items beside them.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from pydantic import BaseModel, ConfigDict

from constitution_rules import model as m
from constitution_rules.indices.items import Item, decided, undecided
from constitution_rules.indices.roles import (
    DECREE_LAWS,
    Roles,
    binding_proposals,
    decrees_of_unstated_force,
    institutions_in,
    largest_majority,
    majorities_of,
    roles_of,
)
from constitution_rules.vocabulary import CONFIDENCE_VERBS, SELECTION_VERBS

LEGISLATIVE: tuple[str, ...] = (
    "package_veto",
    "partial_veto",
    "decree",
    "exclusive_introduction",
    "budget",
    "referenda",
)
NON_LEGISLATIVE: tuple[str, ...] = ("cabinet_formation", "cabinet_dismissal", "censure", "dissolution")
ITEM_NAMES: tuple[str, ...] = (*LEGISLATIVE, *NON_LEGISLATIVE)


class ShugartCarey(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    president: str | None
    items: dict[str, Item]
    decided: int
    legislative: int = 0
    non_legislative: int = 0
    total: int = 0


def _of_president(clause: m.PowerClause, roles: Roles) -> bool:
    return roles.president is not None and roles.president in clause.actors


def _legislature_in(condition: m.Condition, roles: Roles) -> bool:
    return any(i in roles.legislature for i in institutions_in(condition))


# ---- legislative powers ---------------------------------------------------------------------


def package_veto(c: m.Constitution, roles: Roles) -> Item:
    """4 no override; 3 override needs more than two-thirds; 2 two-thirds; 1 an absolute majority of
    members or an extraordinary majority below two-thirds; 0 no veto or a simple-majority override."""
    vetoes = [x for x in c.clauses if x.verb == "vetoes" and x.target == "laws" and _of_president(x, roles)]
    if not vetoes:
        return decided(0, "the president has no veto over laws")
    # The item scores the president's veto of bills and the majority that overrides it; a veto open
    # only in a stated circumstance (a pocket veto at adjournment) is scored only if it is the only one.
    vetoes = [x for x in vetoes if not x.has("when")] or vetoes
    best: tuple[int, m.PowerClause] | None = None
    for veto in vetoes:
        overrides = [o for o in veto.conditions if o.type == "override" and _legislature_in(o, roles)]
        if not overrides:
            return decided(4, "the president's veto cannot be overridden", [veto])
        majority = min((mj for mj in (largest_majority(o) for o in overrides) if mj is not None), default=None)
        if majority is None:
            return undecided("the majority needed to override the president's veto is not stated", [veto])
        members = any(mj.basis == "members" for o in overrides for mj in majorities_of(o))
        if majority > Fraction(2, 3):
            score = 3
        elif majority == Fraction(2, 3):
            score = 2
        elif majority > Fraction(1, 2) or members:
            score = 1
        else:
            score = 0
        if best is None or score > best[0]:
            best = (score, veto)
    assert best is not None
    return decided(best[0], "the override majority sets the score", [best[1]])


def partial_veto(c: m.Constitution, roles: Roles) -> Item:
    return undecided("the language does not distinguish a partial (item) veto from a package veto")


def decree(c: m.Constitution, roles: Roles) -> Item:
    """4 reserved decree power the assembly cannot rescind; 2 temporary decree authority with few
    restrictions; 1 limited decree authority; 0 none, or only as delegated by the assembly."""
    decrees = [x for x in c.clauses if x.verb == "issues" and x.target == DECREE_LAWS and _of_president(x, roles)]
    unspecified = decrees_of_unstated_force(c, [x for x in c.clauses if _of_president(x, roles)])
    scored: list[tuple[int, m.PowerClause]] = []
    for clause in decrees:
        if any(k.type == "consent" and _legislature_in(k, roles) for k in clause.conditions):
            scored.append((0, clause))  # delegated by the assembly
        elif clause.has("when") or clause.has("except"):
            scored.append((1, clause))  # limited to stated circumstances or subjects
        elif any(o.type == "override" and _legislature_in(o, roles) for o in clause.conditions):
            scored.append((2, clause))  # the assembly can rescind it
        else:
            scored.append((4, clause))
    if scored:
        top = max(s for s, _ in scored)
        return decided(top, "the president's decree-laws", [x for s, x in scored if s == top])
    if unspecified:
        return undecided(
            "the president issues decrees whose force the text as encoded does not state"
            " (`decrees`, not `decree-laws`)",
            unspecified,
        )
    return decided(0, "the president has no decree power")


def exclusive_introduction(c: m.Constitution, roles: Roles) -> Item:
    """4 the assembly may not amend; 2 restricted amendment; 1 unrestricted amendment; 0 none."""
    exclusive = [
        x
        for x in c.clauses
        if x.verb == "initiates" and x.exclusive and _of_president(x, roles) and x.target != "budget"
    ]
    if exclusive:
        return decided(
            1,
            "the president alone introduces these bills; no restriction on the assembly's amendments is encoded",
            exclusive,
        )
    return decided(0, "no bill is reserved to the president's initiative")


def budget(c: m.Constitution, roles: Roles) -> Item:
    """4 the president prepares the budget and the assembly may not amend it; ... 0 unrestricted
    assembly authority to amend."""
    adopted = [x for x in c.clauses if x.target == "budget" and x.verb in ("adopts", "approves")]
    if not adopted:
        return undecided("no clause says who adopts the budget")
    by_assembly = [x for x in adopted if any(a in roles.legislature for a in x.actors)]
    if by_assembly:
        return decided(0, "the assembly adopts the budget; no restriction on its amendments is encoded", by_assembly)
    return decided(4, "the budget is adopted without the assembly", adopted)


def referenda(c: m.Constitution, roles: Roles) -> Item:
    """4 unrestricted; 2 restricted; 0 no presidential authority to propose referenda."""
    calls = [
        x
        for x in c.clauses
        if x.target == "referendum" and x.verb in ("calls", "initiates") and _of_president(x, roles)
    ]
    if not calls:
        return decided(0, "the president cannot call or propose a referendum")
    free = [x for x in calls if not x.conditions]
    if free:
        return decided(4, "the president calls referendums without conditions", free)
    return decided(2, "the president's referendums are restricted (a condition or another body's part)", calls)


# ---- non-legislative powers -----------------------------------------------------------------


def _selections(c: m.Constitution, roles: Roles, targets: frozenset[str]) -> list[m.PowerClause]:
    return [x for x in c.clauses if x.verb in SELECTION_VERBS and x.target in targets]


def cabinet_formation(c: m.Constitution, roles: Roles) -> Item:
    """4 names the cabinet without confirmation or investiture; 3 names ministers subject to
    confirmation or investiture; 1 names the premier subject to investiture, who names the ministers;
    0 cannot name ministers except on the assembly's recommendation."""
    ministers = roles.ministers - roles.prime_minister
    pm_choice = _selections(c, roles, roles.prime_minister)
    min_choice = _selections(c, roles, ministers)
    if not pm_choice and not min_choice:
        return undecided("no clause says how the cabinet is chosen")
    president_min = [x for x in min_choice if _of_president(x, roles) and x.modality != "formal"]
    president_pm = [x for x in pm_choice if _of_president(x, roles) and x.modality != "formal"]

    def binding(x: m.PowerClause) -> bool:
        return bool(binding_proposals(x))

    def confirmed(x: m.PowerClause) -> bool:
        return any(k.type == "consent" and _legislature_in(k, roles) for k in x.conditions)

    if not president_min and not president_pm:
        return decided(0, "the president does not name the ministers", [*pm_choice, *min_choice])
    free_min = [x for x in president_min if not binding(x) and not confirmed(x)]
    pm_confirmed = any(confirmed(x) for x in president_pm)
    if free_min and not pm_confirmed:
        return decided(
            4, "the president names ministers without confirmation or investiture", [*president_pm, *free_min]
        )
    if president_min and any(not binding(x) for x in president_min):
        return decided(
            3,
            "the president names ministers; the assembly confirms them or the premier",
            [*president_pm, *president_min],
        )
    if president_pm:
        return decided(1, "the president names the premier, who chooses the ministers", [*president_pm, *min_choice])
    return decided(0, "the president appoints ministers only on another's binding choice", president_min)


def cabinet_dismissal(c: m.Constitution, roles: Roles) -> Item:
    """4 dismisses at will; 2 restricted powers of dismissal; 1 only if the assembly accepts an
    alternative; 0 ministers removable only by assembly censure."""
    cabinet = roles.ministers | roles.prime_minister
    removals = [
        x
        for x in c.clauses
        if x.verb in ("dismisses", "removes")
        and x.target in cabinet
        and _of_president(x, roles)
        and x.modality == "discretion"
    ]
    if not removals:
        return decided(0, "the president cannot dismiss the cabinet or its members")
    free = [
        x for x in removals if not any(k.type in ("when", "for_cause", "consent", "proposal") for k in x.conditions)
    ]
    if free:
        return decided(4, "the president dismisses the cabinet at will", free)
    return decided(2, "the president's dismissals are restricted (grounds, circumstances or another's part)", removals)


def censure(c: m.Constitution, roles: Roles) -> Item:
    """4 the assembly cannot censure and remove the cabinet; 2 it may censure, but the president may
    respond by dissolution; 1 constructive no confidence only; 0 unrestricted censure."""
    targets = roles.government | roles.prime_minister
    votes = [
        x
        for x in c.clauses
        if x.verb in CONFIDENCE_VERBS and x.target in targets and any(a in roles.legislature for a in x.actors)
    ]
    if not votes:
        return decided(4, "the assembly cannot censure the cabinet")
    # A vote another body may set aside does not remove the cabinet; conditions on the vote itself
    # (who moves it, how often) restrict censure without making it one that does not remove.
    effective = [
        x for x in votes if not any(o.type == "override" and not _legislature_in(o, roles) for o in x.conditions)
    ]
    if not effective:
        return decided(4, "the assembly's censure does not remove the cabinet (another body may set it aside)", votes)
    dissolutions = [
        x for x in c.clauses if x.verb == "dissolves" and x.target in roles.legislature and _of_president(x, roles)
    ]
    if dissolutions:
        return decided(2, "the assembly may censure, but the president may dissolve it", [*effective, *dissolutions])
    if all(x.has("constructive") for x in effective):
        return decided(1, "constructive no confidence only", effective)
    return decided(0, "the assembly censures and removes the cabinet", effective)


def dissolution(c: m.Constitution, roles: Roles) -> Item:
    """4 unrestricted; 3 restricted by frequency or point in the term; 2 requires a new presidential
    election; 1 only in response to censure; 0 none."""
    found = [
        x for x in c.clauses if x.verb == "dissolves" and x.target in roles.legislature and _of_president(x, roles)
    ]
    if not found:
        return decided(0, "the president cannot dissolve the assembly")
    scored: list[tuple[int | None, m.PowerClause]] = []
    for clause in found:
        kinds = {k.type for k in clause.conditions}
        if "trigger" in kinds:
            scored.append((1, clause))
        elif "when" in kinds:
            scored.append((None, clause))  # restricted by a circumstance stated only in words
        elif "time_limit" in kinds:
            scored.append((3, clause))
        else:
            scored.append((4, clause))
    known = [s for s, _ in scored if s is not None]
    if known and max(known) >= 3:
        top = max(known)
        return decided(top, "the president's dissolution power", [x for s, x in scored if s == top])
    if any(s is None for s, _ in scored):
        return undecided(
            "dissolution is restricted by a circumstance the text as encoded states only in words "
            "(`when`), so frequency limits (3) cannot be told from censure-only dissolution (1)",
            [x for s, x in scored if s is None],
        )
    return decided(max(known), "the president's dissolution power", [x for s, x in scored if s == max(known)])


DECIDERS: dict[str, Callable[[m.Constitution, Roles], Item]] = {
    "package_veto": package_veto,
    "partial_veto": partial_veto,
    "decree": decree,
    "exclusive_introduction": exclusive_introduction,
    "budget": budget,
    "referenda": referenda,
    "cabinet_formation": cabinet_formation,
    "cabinet_dismissal": cabinet_dismissal,
    "censure": censure,
    "dissolution": dissolution,
}
assert set(DECIDERS) == set(ITEM_NAMES)


def compute_shugart_carey(constitution: m.Constitution, roles: Roles | None = None) -> ShugartCarey:
    roles = roles or roles_of(constitution)
    if roles.president is None:
        reason = "no popularly elected president: Shugart & Carey score the powers of presidents the voters elect"
        items = {name: undecided(reason) for name in ITEM_NAMES}
        return ShugartCarey(president=None, items=items, decided=0)
    items = {name: DECIDERS[name](constitution, roles) for name in ITEM_NAMES}

    def total(group: tuple[str, ...]) -> int:
        return sum(int(v) for v in (items[n].value for n in group) if v is not None)

    return ShugartCarey(
        president=roles.president,
        items=items,
        decided=sum(1 for i in items.values() if i.value is not None),
        legislative=total(LEGISLATIVE),
        non_legislative=total(NON_LEGISLATIVE),
        total=total(ITEM_NAMES),
    )
