"""Model -> networkx MultiDiGraph of institutional powers.

Nodes are institutions (``node_type="institution"``) and the instruments clauses act on
(``node_type="instrument"``, id ``instrument:laws``). Each clause is one edge from its actor to its
target, keyed by the clause id. Each condition that gives another institution a say (consent,
proposal, override, review) is one more edge, ``derived=True``, from that institution to the
clause's actor, keyed ``<clause id>/<role>/<institution>``: who can stop whom. A condition naming
several institutions (``with consent of A and B``, ``on proposal of A or B``) gives one such edge
to each, carrying ``combine`` ("all": each must agree; "any": one suffices).

Language v2: a clause edge carries ``modality`` ("discretion", "duty", "formal"), ``exclusive``,
``target_scope`` ("body", "members", "acts") and ``joint_actors``; each further joint actor gets a
derived edge of role ``joint`` to the clause's actor (the power needs it too). An immunity lifted
by a body is a derived edge of role ``lifts_immunity`` from that body to the holder, keyed
``<provision id>/immunity/<n>``. Countersignature (``countersigns acts of X``) and standing
(``brings cases to X``) are clause edges like any other, told apart by their verb.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from constitution_rules.model import SAY_SO_ROLES, Constitution, PowerClause, SourceLocation

INSTRUMENT_PREFIX = "instrument:"


def node_id(clause: PowerClause) -> str:
    """The graph node a clause acts on."""
    return clause.target if clause.target_type == "institution" else INSTRUMENT_PREFIX + clause.target


def _location(location: SourceLocation | None) -> dict[str, Any] | None:
    return location.model_dump() if location is not None else None


def _share(clause: PowerClause) -> dict[str, Any] | None:
    """The share as v1 wrote it (kind, seats, of); a fraction of a body adds its numerator and denominator."""
    if clause.share is None:
        return None
    fraction_fields = {"numerator", "denominator"}
    return clause.share.model_dump(exclude=set() if clause.share.kind == "fraction" else fraction_fields)


def build_graph(constitution: Constitution) -> nx.MultiDiGraph:
    graph: nx.MultiDiGraph = nx.MultiDiGraph(name=constitution.name, version=constitution.version or "")
    for inst in constitution.institutions:
        graph.add_node(
            inst.id,
            node_type="institution",
            label=inst.name or inst.id,  # as written: exports round-trip it; displays use Institution.label
            kinds=list(inst.kinds),
            seats=inst.seats,
            term_years=inst.term_years,
            term_limit=inst.term_limit,
            term_limit_consecutive=inst.term_limit_consecutive,
            member_of=inst.member_of,
            joint_sitting_of=list(inst.joint_sitting_of),
            term_life=inst.term_life,
            ex_officio=[e.model_dump() for e in inst.ex_officio],
            substitutes=inst.substitutes,
            location=_location(inst.location),
        )
    for clause in constitution.clauses:
        target = node_id(clause)
        if target not in graph:
            graph.add_node(target, node_type="instrument", label=clause.target, kinds=[])
        graph.add_edge(
            clause.actor,
            target,
            key=clause.id,
            clause_id=clause.id,
            verb=clause.verb,
            category=clause.category,
            derived=False,
            role="holds",
            modality=clause.modality,
            exclusive=clause.exclusive,
            target_scope=clause.target_scope,
            joint_actors=list(clause.joint_actors),
            share=_share(clause),
            conditions=[c.model_dump(mode="json", exclude={"location"}) for c in clause.conditions],
            provision_id=clause.provision_id,
            citation=clause.citation,
            location=_location(clause.location),
        )
        say: list[tuple[str, str, dict[str, Any], SourceLocation | None]] = [
            (partner, "joint", {"combine": "all"}, clause.location) for partner in clause.joint_actors[1:]
        ]
        for condition in clause.conditions:
            role = SAY_SO_ROLES.get(condition.type)
            if role is None:
                continue
            combine = {"combine": getattr(condition, "combine", "all")}
            for holder in getattr(condition, "institutions", ()):
                say.append((holder, role, combine, condition.location or clause.location))
        for holder, role, extra, location in say:
            graph.add_edge(
                holder,
                clause.actor,
                key=f"{clause.id}/{role}/{holder}",
                clause_id=clause.id,
                verb=role,
                category=clause.category,
                derived=True,
                role=role,
                over_target=clause.target,
                over_verb=clause.verb,
                provision_id=clause.provision_id,
                citation=clause.citation,
                location=_location(location),
                **extra,
            )
    for provision in constitution.provisions:
        for index, immunity in enumerate(provision.immunities, start=1):
            if immunity.lifted_by is None:
                continue
            key = f"{provision.id}/immunity/{index}"
            graph.add_edge(
                immunity.lifted_by,
                immunity.holder,
                key=key,
                clause_id=key,
                verb="lifts_immunity",
                category="oversight",
                derived=True,
                role="lifts_immunity",
                target_scope=immunity.scope,
                majority=immunity.majority.model_dump() if immunity.majority else None,
                provision_id=provision.id,
                citation=provision.citation,
                location=_location(immunity.location),
            )
    return graph
