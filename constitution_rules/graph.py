"""Model -> networkx MultiDiGraph of institutional powers.

Nodes are institutions (``node_type="institution"``) and the instruments clauses act on
(``node_type="instrument"``, id ``instrument:laws``). Each clause is one edge from its actor to its
target, keyed by the clause id. Each condition that gives another institution a say (consent,
proposal, override, review) is one more edge, ``derived=True``, from that institution to the
clause's actor, keyed ``<clause id>/<role>/<institution>``: who can stop whom.
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
            share=_share(clause),
            conditions=[c.model_dump(mode="json", exclude={"location"}) for c in clause.conditions],
            provision_id=clause.provision_id,
            citation=clause.citation,
            location=_location(clause.location),
        )
        for condition in clause.conditions:
            role = SAY_SO_ROLES.get(condition.type)
            if role is None:
                continue
            holder = getattr(condition, "institution", None)
            if holder is None:
                continue
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
                location=_location(condition.location or clause.location),
            )
    return graph
