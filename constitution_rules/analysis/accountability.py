"""Accountability: who answers to whom, and how; and which powers are exercised under a check.

Two strands of the literature fix the vocabulary. Strøm's *chain of delegation* ("Delegation and
accountability in parliamentary democracies", EJPR 37(3), 2000): voters elect a legislature, which
selects a government that answers to it through confidence, whose ministers answer to the head of
government. O'Donnell's *horizontal accountability* ("Horizontal Accountability in New
Democracies", Journal of Democracy 9(3), 1998): state agencies legally empowered, and independent
enough, to check, sanction or remove other agencies. The mechanisms are kept apart because they
mean different things:

- ``election``: the voters elect the office (vertical accountability);
- ``selection``: another body chooses the holders (delegation, not a continuing hold);
- ``confidence``: a legislature can bring the office down without cause (a vote of no confidence
  or censure, or its at-will dismissal): political responsibility;
- ``hierarchy``: a non-legislative superior may dismiss the office at will. This is *not*
  oversight: the agent does the superior's will (Myers v. United States, 1926), so its powers
  are the superior's;
- ``removal-for-cause``: removal only on grounds or by a procedure (impeachment, with consent);
- ``review``: a body can review or annul the office's acts (also ``subject to review by``, and a
  countersignature the acts need);
- ``audit`` and ``answerability``: audit, inquiry, questions and reports (Schedler 1999).

A power is *checked* when another institution, independent of its holder, must agree to the act,
can set it aside, or reviews it (consent, binding or other proposal, joint action, override,
review of the act or of the instrument it makes, a countersignature), or when its holder answers
politically (confidence) to an independent institution. Review or annulment of a body's acts
(``Court reviews President``, ``Congress annuls acts of President``) reaches the acts it authors
(``AUTHOR_VERBS``: the laws it adopts, the decrees it issues, the budget it executes), not its
choice of people, its dissolutions, its command or its pardons.
An act made formally, or on the binding proposal of another body, is that body's act
(:func:`~.powers.effective_holders`).

>>> from constitution_rules.language.parser import parse_text
>>> from constitution_rules.graph import build_graph
>>> from constitution_rules.analysis.control import Reach, dependence_graph
>>> G = build_graph(parse_text('''constitution "X"
... institution People: electorate
... institution President: executive, head-of-state
... institution Government: cabinet
... institution Parliament: legislature
... institution Court: constitutional-review
... article 1 {
...   People elects President.
...   People elects Parliament.
...   President dismisses Government at will.
...   Parliament votes no confidence in Government.
...   Court reviews decrees.
...   President issues decrees.
...   President dissolves Parliament.
...   Government executes budget.
... }
... '''))
>>> [(r.agent, r.principal, r.mechanism) for r in relations(G)]  # doctest: +NORMALIZE_WHITESPACE
[('Government', 'Parliament', 'confidence'), ('Government', 'President', 'hierarchy'),
 ('Parliament', 'People', 'election'), ('President', 'People', 'election')]
>>> checks = Checks(G, Reach(dependence_graph(G)))
>>> [(u, d["verb"], checks.of(u, v, d)) for u, v, d in sorted_powers(G) if u in ("Government", "President")]
... # doctest: +NORMALIZE_WHITESPACE
[('Government', 'executes', ['Parliament']), ('President', 'dismisses', []),
 ('President', 'dissolves', []), ('President', 'issues', ['Court'])]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import networkx as nx

from constitution_rules.analysis.control import Reach, any_independent_of
from constitution_rules.analysis.powers import (
    Edge,
    Power,
    condition_holders,
    discretion,
    effective_holders,
    institutions,
    instrument_of,
    is_electorate,
    is_legislature,
    joint_actors,
    kinds,
    powers,
)
from constitution_rules.vocabulary import (
    AUTHOR_VERBS,
    CONFIDENCE_VERBS,
    DISCRETIONARY_REMOVAL_VERBS,
    REMOVAL_VERBS,
    SELECTION_VERBS,
)

Mechanism = Literal[
    "election", "selection", "confidence", "hierarchy", "removal-for-cause", "review", "audit", "answerability"
]
#: Mechanisms through which an office answers to another for how it uses its powers.
SANCTIONING: frozenset[str] = frozenset({"confidence", "hierarchy", "removal-for-cause", "review", "audit"})
#: Verbs that check an instrument once made: its makers answer to the checker.
INSTRUMENT_CHECK_VERBS = frozenset({"vetoes", "approves", "reviews", "annuls"})
_ANSWERABILITY_VERBS = frozenset({"questions", "investigates", "hears reports of"})


@dataclass(frozen=True, order=True)
class Relation:
    """``agent`` answers to ``principal`` through ``mechanism`` (the clause that says so)."""

    agent: str
    principal: str
    mechanism: str
    clause_id: str


def sorted_powers(G: nx.MultiDiGraph) -> list[Edge]:
    """Every power, ordered by actor, target and clause id (a stable order for reports and tests)."""
    return sorted(powers(G), key=lambda e: (e[0], e[1], e[2]["clause_id"]))


def mechanism_of(G: nx.MultiDiGraph, actor: str, target: str, power: Power) -> str | None:
    """How a power over an institution makes that institution answer to the actor, if it does."""
    verb = power["verb"]
    if instrument_of(target) is not None or actor == target:
        return None
    if verb in SELECTION_VERBS:
        return "election" if is_electorate(G, actor) else "selection"
    if verb in CONFIDENCE_VERBS:
        return "confidence"
    if verb in DISCRETIONARY_REMOVAL_VERBS and discretion(power) != "constrained":
        return "confidence" if is_legislature(G, actor) or is_electorate(G, actor) else "hierarchy"
    if verb in REMOVAL_VERBS:
        return "removal-for-cause"
    if verb in ("reviews", "annuls", "countersigns"):
        return "review"
    if verb == "audits":
        return "audit"
    if verb in _ANSWERABILITY_VERBS:
        return "answerability"
    return None


def relations(G: nx.MultiDiGraph) -> list[Relation]:
    """Every direct relation of accountability between two institutions, sorted.

    Review of an instrument (``Court reviews laws``) is not expanded into a relation per author:
    :class:`Checks` answers it per question, so that many law-makers and many reviewers do not
    multiply."""
    found: set[Relation] = set()
    for u, v, data in powers(G):
        how = mechanism_of(G, u, v, data)
        if how is not None:
            found.add(Relation(v, u, how, data["clause_id"]))
        for condition in data.get("conditions") or ():
            if condition.get("type") == "review":
                for holder in condition_holders(condition):
                    if holder != u:
                        found.add(Relation(u, holder, "review", data["clause_id"]))
    return sorted(found)


def principals(G: nx.MultiDiGraph, mechanisms: frozenset[str] | set[str] | None = None) -> dict[str, set[str]]:
    """agent -> the institutions it answers to (through the given mechanisms, default all)."""
    out: dict[str, set[str]] = defaultdict(set)
    for relation in relations(G):
        if mechanisms is None or relation.mechanism in mechanisms:
            out[relation.agent].add(relation.principal)
    return out


def authors(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """instrument -> the institutions that make it (adopt, issue, execute, amend), in order."""
    found: dict[str, dict[str, None]] = defaultdict(dict)
    for u, v, data in powers(G):
        instrument = instrument_of(v)
        if instrument is not None and data["verb"] in AUTHOR_VERBS:
            for actor in joint_actors(u, data):
                found[instrument][actor] = None
    return {k: list(v) for k, v in found.items()}


class Checks:
    """Which independent institutions check each power (see the module's definition of a check).

    Built once per graph (one pass over the powers); each question is then answered from lookups
    and :class:`~.control.Reach` (independence in the dependence graph)."""

    def __init__(self, G: nx.MultiDiGraph, reach: Reach, control: Reach | None = None) -> None:
        self.G = G
        self.reach = reach
        self.control = control
        self.instrument_checkers: dict[str, list[str]] = defaultdict(list)
        self.act_checkers: dict[str, list[str]] = defaultdict(list)  # institution -> who reviews/annuls its acts
        self.countersigners: dict[str, list[str]] = defaultdict(list)  # institution -> whose signature its acts need
        self.responsible_to: dict[str, list[str]] = defaultdict(list)  # agent -> confidence principals
        for u, v, data in powers(G):
            instrument = instrument_of(v)
            verb = data["verb"]
            if (
                instrument is not None
                and verb in INSTRUMENT_CHECK_VERBS
                and u not in self.instrument_checkers[instrument]
            ):
                self.instrument_checkers[instrument].append(u)
            how = mechanism_of(G, u, v, data)
            if how == "review":
                # A countersignature is needed for every act; review or annulment reaches the acts
                # the body makes (its instruments), not its choice of people or its dissolutions.
                table = self.countersigners if verb == "countersigns" else self.act_checkers
                if u not in table[v]:
                    table[v].append(u)
            if how == "confidence" and u not in self.responsible_to[v]:
                self.responsible_to[v].append(u)
        self._responsible: dict[str, list[str]] = {}
        # Collective responsibility: a cabinet falls with its head, and its members with it.
        self.cabinet_of: dict[str, str] = {}
        self.heads: dict[str, list[str]] = defaultdict(list)
        for node in institutions(G):
            parent = G.nodes[node].get("member_of")
            if parent and "cabinet" in kinds(G, parent):
                self.cabinet_of[node] = parent
                if "head-of-government" in kinds(G, node):
                    self.heads[parent].append(node)

    def independent(self, checker: str, holder: str) -> bool:
        """``checker`` can check ``holder``: independent of it (:meth:`Reach.is_independent_of`) and
        not its superior in a chain of at-will dismissal (hierarchy is not oversight; a legislature
        that may dismiss at will holds the government to confidence, and counts)."""
        if not self.reach.is_independent_of(checker, holder):
            return False
        return self.control is None or is_legislature(self.G, checker) or not self.control.reaches(checker, holder)

    def responsible(self, holder: str) -> list[str]:
        """The independent institutions ``holder`` answers to politically (confidence), sorted. A
        cabinet answers with its head of government and its members with it (collective
        responsibility: the cabinet falls with its head, e.g. Art. 69(2) Basic Law)."""
        found = self._responsible.get(holder)
        if found is None:
            cabinet = holder if "cabinet" in kinds(self.G, holder) else self.cabinet_of.get(holder)
            answering = [holder] if cabinet is None else [holder, cabinet, *self.heads.get(cabinet, ())]
            principals = {p for agent in answering for p in self.responsible_to.get(agent, ())}
            found = sorted(p for p in principals if self.independent(p, holder))
            self._responsible[holder] = found
        return found

    def of(self, actor: str, target: str, power: Power, holder: str | None = None) -> list[str]:
        """The independent institutions that check this power of ``holder`` (default: its first
        effective holder), in a deterministic order; empty when the power is unchecked."""
        holder = holder if holder is not None else effective_holders(actor, power)[0]
        independent = self.independent
        found: list[str] = []
        for condition in power.get("conditions") or ():
            kind = condition.get("type")
            if kind not in ("consent", "proposal", "override", "review"):
                continue
            for other in condition_holders(condition):
                if other != holder and other not in found and independent(other, holder):
                    found.append(other)
        for other in joint_actors(actor, power):
            if other != holder and other not in found and independent(other, holder):
                found.append(other)
        if holder != actor and actor not in found and independent(actor, holder) and power.get("modality") != "formal":
            found.append(actor)  # a binding proposal still needs the actor to make the act
        instrument = instrument_of(target)
        if instrument is not None:
            checkers = [c for c in self.instrument_checkers.get(instrument, ()) if c != holder]
            if checkers and any_independent_of(self.reach, checkers, holder):
                first = next((c for c in checkers if independent(c, holder)), None)
                if first is not None and first not in found:
                    found.append(first)
        authored = instrument is not None and power.get("verb") in AUTHOR_VERBS
        reviewers = self.act_checkers.get(holder, ()) if authored else ()
        for other in (*reviewers, *self.countersigners.get(holder, ())):
            if other not in found and independent(other, holder):
                found.append(other)
        for other in self.responsible(holder):
            if other not in found:
                found.append(other)
        return found

    def checked(self, actor: str, target: str, power: Power, holder: str | None = None) -> bool:
        return bool(self.of(actor, target, power, holder))


def answerable(G: nx.MultiDiGraph) -> Iterator[str]:
    """Institutions some relation of accountability reaches (as agent), in declaration order."""
    agents = {r.agent for r in relations(G)}
    yield from (n for n in G.nodes if n in agents)
