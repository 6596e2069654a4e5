"""Graph and clause queries shared by the rule families and the metrics.

Every question a rule asks about who holds power over whom lives here, so that the rules read as
statements of constitutional design and the answers stay consistent between rules and metrics:
who selects or removes an institution and under which conditions, whether a removal is at will,
who controls whom through at-will removal, whether one institution is independent of another.
All functions are pure and return results in a deterministic (sorted or source) order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from typing import Any, Literal, TypeVar

from constitution_rules.analysis.concentration import Measures, measure, weights_from
from constitution_rules.analysis.control import Reach, control_graph, dependence_graph
from constitution_rules.model import Constitution, Institution, PowerClause
from constitution_rules.rules.registry import DEFAULT_INDEPENDENT_KINDS, RuleContext

T = TypeVar("T")

#: Institution kinds whose holders must be independent (configurable as ``independent_kinds``).
INDEPENDENT_KINDS: tuple[str, ...] = DEFAULT_INDEPENDENT_KINDS

SELECTION_VERBS = frozenset({"appoints", "elects"})
#: Removal verbs through which one institution can take another's holders out of office at its discretion.
DISCRETIONARY_REMOVAL_VERBS = frozenset({"dismisses", "removes", "recalls"})
REMOVAL_VERBS = frozenset({"dismisses", "removes", "impeaches", "recalls", "votes no confidence in"})
#: Oversight verbs that let one institution hold another to account.
ACCOUNTABILITY_VERBS = frozenset(
    {"reviews", "annuls", "audits", "censures", "votes no confidence in", "investigates", "questions"}
    | {"hears reports of"}
)
POLITICAL_KINDS = frozenset(
    {"executive", "head-of-state", "head-of-government", "deputy-head-of-state", "cabinet", "minister", "legislature"}
)
EXECUTIVE_KINDS = frozenset(
    {"executive", "head-of-state", "head-of-government", "deputy-head-of-state", "cabinet", "minister"}
)

#: A ``when`` circumstance that only excludes periods ("not during a state of emergency") leaves the
#: power discretionary; any other circumstance is a trigger that limits it.
_EXCLUSION_ONLY = re.compile(r"^\s*(not|except|unless|no|never|other than)\b", re.IGNORECASE)

Discretion = Literal["at will", "after mere consultation", "unconditionally", "constrained"]


def independent_kinds(settings: Mapping[str, Any]) -> frozenset[str]:
    return frozenset(settings.get("independent_kinds", INDEPENDENT_KINDS))


def label(constitution: Constitution, identifier: str) -> str:
    """The institution's display name where declared, else its id."""
    institution = constitution.institution(identifier)
    return institution.label if institution is not None else identifier


def names(constitution: Constitution, identifiers: Iterable[str]) -> str:
    """ "A, B and C" in display names."""
    labels = [label(constitution, i) for i in identifiers]
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def is_trigger(circumstance: str) -> bool:
    return not _EXCLUSION_ONLY.match(circumstance)


def discretion(clause: PowerClause) -> Discretion:
    """How freely the actor may use the clause's power.

    ``constrained``: grounds are required (``for cause``), another institution must agree, propose,
    or can set the act aside or review it, or a triggering circumstance is required; impeachment is
    always for cause. Otherwise the power is discretionary: ``at will`` when the text says so,
    ``after mere consultation`` when the only conditions are consultations (and vote thresholds),
    ``unconditionally`` when the text states no condition at all.
    """
    if clause.has("at_will"):
        return "at will"
    if clause.verb == "impeaches":
        return "constrained"
    for condition in clause.conditions:
        if condition.type in ("for_cause", "consent", "proposal", "override", "review"):
            return "constrained"
        if condition.type == "when" and is_trigger(condition.circumstance):
            return "constrained"
    if clause.has("consultation"):
        return "after mere consultation"
    return "unconditionally"


def is_contingent(clause: PowerClause) -> bool:
    """The clause applies only in a stated triggering circumstance."""
    return any(is_trigger(w.circumstance) for w in clause.conditions_of("when"))


def describe_discretion(clause: PowerClause) -> str:
    """The discretion of a clause as a message fragment."""
    how = discretion(clause)
    return "with no grounds or procedure stated" if how == "unconditionally" else how


def is_discretionary(clause: PowerClause) -> bool:
    return discretion(clause) != "constrained"


def removes_at_will(clause: PowerClause) -> bool:
    """The clause lets its actor remove its target's holders without grounds and without anyone's say."""
    return (
        clause.target_type == "institution"
        and clause.verb in DISCRETIONARY_REMOVAL_VERBS
        and is_discretionary(clause)
        and clause.actor != clause.target
    )


def say_so_holders(clause: PowerClause, roles: Iterable[str] = ("consent", "proposal")) -> list[str]:
    """Institutions whose agreement or proposal the clause needs, in clause order."""
    wanted = set(roles)
    found: list[str] = []
    for condition in clause.conditions:
        # The type first: getattr of a field a condition lacks goes through pydantic's slow __getattr__.
        if condition.type not in wanted:
            continue
        holder = getattr(condition, "institution", None)
        if holder is not None and holder not in found:
            found.append(holder)
    return found


def seats_of(constitution: Constitution, clause: PowerClause) -> int | None:
    """Size of the body a share refers to: the share's total, else the body's declared seats."""
    if clause.share is not None and clause.share.of is not None:
        return clause.share.of
    institution = constitution.institution(clause.target)
    return institution.seats if institution is not None else None


def share_fraction(constitution: Constitution, clause: PowerClause, unsized_chair: Fraction = Fraction(0)) -> Fraction:
    """The part of the target body the clause concerns: 1 for the whole body, seats/of for a seat
    share, one seat for the chair of a sized body, and ``unsized_chair`` for the chair of a body
    whose size is unknown (no majority by itself: the other members may be chosen elsewhere)."""
    share = clause.share
    if share is None:
        return Fraction(1)
    total = seats_of(constitution, clause)
    if share.kind == "chair":
        return Fraction(1, total) if total else unsized_chair
    if share.seats is None or not total:
        return Fraction(1)
    return Fraction(min(share.seats, total), total)


def scope(clause: PowerClause) -> str:
    """What part of the body a selection or removal concerns, for matching and for messages."""
    if clause.share is None:
        return "whole"
    if clause.share.kind == "chair":
        return "chair"
    return "seats"


def describe_target(constitution: Constitution, clause: PowerClause) -> str:
    name = label(constitution, clause.target)
    if clause.share is None:
        return name
    if clause.share.kind == "chair":
        return f"the chair of {name}"
    total = seats_of(constitution, clause)
    return f"{clause.share.seats} of {total} members of {name}" if total else f"{clause.share.seats} members of {name}"


@dataclass
class Index:
    """The clauses of a constitution indexed for the rules' questions.

    Built in one pass over the clauses; everything derived from it (kinds, chamber groups, the
    control and dependence closures) is computed on first use and kept, so that a rule asking the
    same question per institution or per clause pays for it once. Use :func:`index_of` in rules to
    share one index between all rules of a run. Nothing here may be mutated by callers.
    """

    constitution: Constitution
    by_actor: dict[str, list[PowerClause]] = field(default_factory=lambda: defaultdict(list))
    by_target: dict[str, list[PowerClause]] = field(default_factory=lambda: defaultdict(list))
    involved: set[str] = field(default_factory=set)
    #: Every clause in source order (``constitution.clauses`` builds a new list per access).
    clauses: list[PowerClause] = field(default_factory=list)
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, constitution: Constitution) -> Index:
        index = cls(constitution)
        index.clauses = constitution.clauses
        for clause in index.clauses:
            index.by_actor[clause.actor].append(clause)
            index.by_target[clause.target].append(clause)
            index.involved.add(clause.actor)
            if clause.target_type == "institution":
                index.involved.add(clause.target)
            index.involved.update(say_so_holders(clause, ("consent", "proposal", "override", "review", "consultation")))
        return index

    @classmethod
    def for_model(cls, constitution: Constitution) -> Index:
        """The index of ``constitution``, built once per model object and kept with it (outside
        its fields, as the model keeps its institution lookup), so that the rules, the metrics and
        the reports of one run share it and its closures. Keyed on the provisions and institutions
        tuples, so a ``model_copy`` with other clauses gets its own."""
        key = (constitution.provisions, constitution.institutions)
        cached = constitution.__dict__.get("_rules_index")
        if cached is None or cached[0][0] is not key[0] or cached[0][1] is not key[1]:
            cached = (key, cls.of(constitution))
            constitution.__dict__["_rules_index"] = cached
        index: Index = cached[1]
        return index

    def memo(self, key: Any, build: Callable[[], T]) -> T:
        if key not in self._memo:
            self._memo[key] = build()
        value: T = self._memo[key]
        return value

    @property
    def institutions(self) -> tuple[Institution, ...]:
        return self.constitution.institutions

    @cached_property
    def declaration_order(self) -> dict[str, int]:
        """institution id -> its position among the declarations."""
        return {institution.id: n for n, institution in enumerate(self.institutions)}

    @cached_property
    def positions(self) -> dict[int, int]:
        """id(clause) -> its position in the source (clause objects, not ids: ids may repeat)."""
        return {id(clause): n for n, clause in enumerate(self.clauses)}

    def in_source_order(self, clauses: Iterable[PowerClause]) -> list[PowerClause]:
        """The given clauses (each once) in the order they appear in the constitution."""
        unique = {id(c): c for c in clauses}
        return sorted(unique.values(), key=lambda c: self.positions[id(c)])

    def kinds(self, identifier: str) -> frozenset[str]:
        kinds: dict[str, frozenset[str]] = self.memo("kinds", dict)
        found = kinds.get(identifier)
        if found is None:
            institution = self.constitution.institution(identifier)
            found = frozenset(institution.kinds) if institution is not None else frozenset()
            kinds[identifier] = found
        return found

    def is_electorate(self, identifier: str) -> bool:
        return "electorate" in self.kinds(identifier)

    def is_legislature(self, identifier: str) -> bool:
        return "legislature" in self.kinds(identifier)

    def is_executive(self, identifier: str) -> bool:
        return bool(self.kinds(identifier) & EXECUTIVE_KINDS)

    def clauses_on(self, target: str, verbs: Iterable[str]) -> list[PowerClause]:
        wanted = set(verbs)
        return [c for c in self.by_target.get(target, []) if c.verb in wanted]

    def clauses_of(self, actor: str, verbs: Iterable[str] | None = None) -> list[PowerClause]:
        clauses = self.by_actor.get(actor, [])
        if verbs is None:
            return list(clauses)
        wanted = set(verbs)
        return [c for c in clauses if c.verb in wanted]

    def selections(self, target: str) -> list[PowerClause]:
        return self.clauses_on(target, SELECTION_VERBS)

    def at_will_removals(self, target: str) -> list[PowerClause]:
        return [c for c in self.clauses_on(target, DISCRETIONARY_REMOVAL_VERBS) if removes_at_will(c)]

    def power_holders(self) -> list[str]:
        """Institutions (other than the electorate) that hold at least one power, in declaration order."""
        return [i.id for i in self.institutions if self.by_actor.get(i.id) and not self.is_electorate(i.id)]

    @cached_property
    def _chamber_links(self) -> dict[str, set[str]]:
        """The relation chamber groups are closed under: a joint sitting and each chamber forming it
        reach each other; a body reaches the legislatures that are members of it."""
        links: dict[str, set[str]] = defaultdict(set)
        for institution in self.institutions:
            for part in institution.joint_sitting_of:
                links[institution.id].add(part)
                links[part].add(institution.id)
            if institution.member_of is not None and "legislature" in institution.kinds:
                links[institution.member_of].add(institution.id)
        return links

    def chamber_group(self, identifier: str) -> set[str]:
        """A legislature together with its joint sittings and the chambers that form them.

        What is reachable from ``identifier`` over :attr:`_chamber_links`, computed once per
        identifier (linear in the size of the group, not in the number of institutions).
        """
        groups: dict[str, frozenset[str]] = self.memo("chamber groups", dict)
        group = groups.get(identifier)
        if group is None:
            reached, stack = {identifier}, [identifier]
            while stack:
                for other in self._chamber_links.get(stack.pop(), ()):
                    if other not in reached:
                        reached.add(other)
                        stack.append(other)
            group = groups[identifier] = frozenset(reached)
        return set(group)


def index_of(ctx: RuleContext) -> Index:
    """The clause index of the context's constitution, shared by every rule (see :meth:`Index.for_model`)."""
    return Index.for_model(ctx.constitution)


class Closure(dict[str, dict[str, list[PowerClause]]]):
    """actor -> {reached institution: chain of clauses}, with the inverse relation (who reaches an
    institution) built on first use, so that "who controls X" costs a lookup, not a scan."""

    _inverse: dict[str, frozenset[str]] | None = None

    def controllers(self, identifier: str) -> frozenset[str]:
        if self._inverse is None:
            inverse: dict[str, set[str]] = defaultdict(set)
            for actor, reached in self.items():
                for target in reached:
                    inverse[target].add(actor)
            self._inverse = {target: frozenset(actors) for target, actors in inverse.items()}
        return self._inverse.get(identifier, frozenset())

    def dependence_bound(self, identifier: str) -> int:
        """An upper bound on how many institutions are *not* independent of ``identifier``
        (see :func:`is_independent_of`): itself, what it reaches, and what its masters reach."""
        return 1 + len(self.get(identifier, {})) + sum(len(self.get(m, {})) for m in self.controllers(identifier))


def control_edges(index: Index) -> dict[str, dict[str, PowerClause]]:
    """controller -> {controlled: the clause}: the controller can remove the whole body (not just
    its chair or some seats) at will. The power of removal is the lever of control."""
    edges: dict[str, dict[str, PowerClause]] = defaultdict(dict)
    for clause in index.clauses:
        if removes_at_will(clause) and clause.share is None:
            edges[clause.actor].setdefault(clause.target, clause)
    return edges


def control_closure(index: Index) -> Closure:
    """actor -> {controlled institution: the chain of at-will removal clauses that reaches it}.

    Breadth-first from every actor, so each chain is a shortest one and ties break by id:
    O(V·(V+E)) in the worst case (one long chain of removals), O(V+E) plus the size of the result
    when control is local, as in real constitutions. Computed once per index.
    """
    return index.memo("control closure", lambda: _breadth_first(control_edges(index)))


def _breadth_first(
    edges: Mapping[str, Mapping[str, PowerClause | list[PowerClause]]],
) -> Closure:
    closure = Closure()
    ordered = {node: sorted(targets) for node, targets in edges.items()}
    for actor in sorted(edges):
        reached: dict[str, list[PowerClause]] = {}
        frontier: list[tuple[str, list[PowerClause]]] = [(actor, [])]
        while frontier:
            next_frontier: list[tuple[str, list[PowerClause]]] = []
            for node, chain in frontier:
                for target in ordered.get(node, ()):
                    if target == actor or target in reached:
                        continue
                    step = edges[node][target]
                    path = [*chain, *(step if isinstance(step, list) else [step])]
                    reached[target] = path
                    next_frontier.append((target, path))
            frontier = next_frontier
        closure[actor] = reached
    return closure


def dependence_closure(index: Index) -> Closure:
    """actor -> {dependent institution: the clauses that make it so}: the actor may remove it at will
    (as in :func:`control_closure`) or fills it alone, most of its seats without the consent or
    proposal of anyone independent (a council the actor forms), directly or down a chain. Used to
    decide whether an overseer is independent of the institution it oversees. Computed once per index."""
    return index.memo("dependence closure", lambda: _dependence_closure(index))


def _dependence_closure(index: Index) -> Closure:
    control = control_closure(index)
    edges: dict[str, dict[str, list[PowerClause]]] = defaultdict(dict)
    for actor, targets in control_edges(index).items():
        for target, clause in targets.items():
            edges[actor][target] = [clause]
    for institution in index.institutions:
        shares = selection_shares(index, institution.id, control, count_consented=False)
        for actor, (fraction, _chair, clauses) in sorted(shares.items()):
            if fraction > Fraction(1, 2) and actor != institution.id:
                edges[actor].setdefault(institution.id, clauses)
    return _breadth_first(edges)


def controllers_of(closure: Mapping[str, Mapping[str, list[PowerClause]]], identifier: str) -> set[str]:
    if isinstance(closure, Closure):
        return set(closure.controllers(identifier))
    return {actor for actor, reached in closure.items() if identifier in reached}


def is_independent_of(closure: Mapping[str, Mapping[str, list[PowerClause]]], overseer: str, overseen: str) -> bool:
    """``overseer`` is neither ``overseen`` nor at the mercy of ``overseen`` or of anyone who also
    controls ``overseen`` (a common master). An overseer that itself controls ``overseen`` is independent."""
    if overseer == overseen:
        return False
    if overseer in closure.get(overseen, {}):
        return False
    masters = closure.controllers(overseen) if isinstance(closure, Closure) else controllers_of(closure, overseen)
    return all(overseer not in closure.get(master, {}) for master in masters if master != overseer)


def any_independent_of(closure: Closure, candidates: Sequence[str], overseen: str) -> bool:
    """Whether any of ``candidates`` (distinct institutions) is independent of ``overseen``.

    When there are more candidates than institutions that can depend on ``overseen``, one of them
    must be independent; otherwise each is tested. Keeps "is anyone of this list independent"
    from costing the whole list per question when the list is shared (all auditors of the budget).
    """
    if len(candidates) > closure.dependence_bound(overseen):
        return True
    return any(is_independent_of(closure, candidate, overseen) for candidate in candidates)


def distinct_actors(clauses: Iterable[PowerClause]) -> list[str]:
    """The actors of ``clauses``, each once, in clause order."""
    return list(dict.fromkeys(c.actor for c in clauses))


def selection_shares(
    index: Index,
    body: str,
    closure: Mapping[str, Mapping[str, list[PowerClause]]],
    *,
    count_consented: bool,
) -> dict[str, tuple[Fraction, bool, list[PowerClause]]]:
    """actor -> (fraction of the body's seats it fills, whether it fills the chair, the clauses).

    Seat shares add up across clauses; the chair counts as one seat of a sized body; a clause that
    needs the consent or proposal of an institution independent of the actor is left out unless
    ``count_consented``. The electorate is never counted: voters choosing is not capture. A
    selection open only in a stated circumstance (a triggering ``when``: a recess appointment that
    expires) is contingent, as in the veto players' contingent routes, and does not compose the body.
    """
    result: dict[str, tuple[Fraction, bool, list[PowerClause]]] = {}
    constitution = index.constitution
    for clause in index.selections(body):
        if index.is_electorate(clause.actor) or is_contingent(clause):
            continue
        if not count_consented and any(
            is_independent_of(closure, holder, clause.actor)
            for holder in say_so_holders(clause)
            if holder != clause.actor
        ):
            continue
        fraction, chair, clauses = result.get(clause.actor, (Fraction(0), False, []))
        fraction = min(Fraction(1), fraction + share_fraction(constitution, clause))
        result[clause.actor] = (fraction, chair or scope(clause) == "chair", [*clauses, clause])
    return result


# --- the analysis layer, computed once per run -----------------------------------------------


def control_of(ctx: RuleContext) -> Reach:
    """Reachability over at-will removal in the context's power graph."""
    return ctx.memo("control", lambda: Reach(control_graph(ctx.graph)))


def dependence_of(ctx: RuleContext) -> Reach:
    """Reachability over dependence (at-will removal, or filling most seats) in the power graph."""
    return ctx.memo("dependence", lambda: Reach(dependence_graph(ctx.graph, control_of(ctx).graph)))


def measures_of(ctx: RuleContext) -> Measures:
    """Acting powers by principal, checked or not (:func:`~constitution_rules.analysis.concentration.measure`)."""
    return ctx.memo(
        "measures",
        lambda: measure(
            ctx.graph, weights_from({"weights": ctx.weights}), control=control_of(ctx), reach=dependence_of(ctx)
        ),
    )
