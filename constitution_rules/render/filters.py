"""Narrowing the power graph before drawing: ``--only`` categories, ``--focus`` on one institution."""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from constitution_rules.language.errors import did_you_mean
from constitution_rules.vocabulary import CATEGORIES


class FilterError(ValueError):
    """A filter names something the graph does not have; the message says what was meant."""


def parse_categories(text: str) -> list[str]:
    """``selection,oversight`` -> the categories, each checked against the vocabulary."""
    names = [part.strip() for part in text.split(",") if part.strip()]
    if not names:
        raise FilterError("--only needs at least one category, e.g. --only selection,removal")
    for name in names:
        if name not in CATEGORIES:
            hint = did_you_mean(name, CATEGORIES)
            known = ", ".join(CATEGORIES)
            raise FilterError(f"unknown power category '{name}'" + (f"; {hint}" if hint else "") + f" (known: {known})")
    return sorted(set(names), key=CATEGORIES.index)


def resolve_institution(graph: nx.MultiDiGraph, name: str) -> str:
    """An institution by id or display name, ignoring case; a did-you-mean when it is misspelt."""
    institutions = [(n, d) for n, d in graph.nodes(data=True) if d.get("node_type") == "institution"]
    for node, _ in institutions:
        if name == node:
            return str(node)
    lowered = name.casefold()
    for node, data in institutions:
        if lowered in (str(node).casefold(), str(data.get("label", "")).casefold()):
            return str(node)
    candidates = [str(n) for n, _ in institutions] + [str(d.get("label", "")) for _, d in institutions]
    hint = did_you_mean(name, candidates)
    raise FilterError(f"no institution named '{name}'" + (f"; {hint}" if hint else ""))


def keep_categories(graph: nx.MultiDiGraph, categories: Sequence[str]) -> nx.MultiDiGraph:
    """Only powers of these categories; every institution stays, instruments only while used."""
    wanted = set(categories)
    result: nx.MultiDiGraph = graph.copy()
    drop = [(s, t, k) for s, t, k, d in graph.edges(keys=True, data=True) if d.get("category") not in wanted]
    result.remove_edges_from(drop)
    return _drop_unused_instruments(result)


def focus(graph: nx.MultiDiGraph, centre: str, depth: int) -> nx.MultiDiGraph:
    """The institutions within ``depth`` powers of ``centre`` (either direction) and the powers among
    them. Instruments are ends, not hubs: ``laws`` does not link every lawmaker to every other."""
    if depth < 0:
        raise FilterError("--depth must be 0 or more")
    reached = {centre}
    frontier = [centre]
    # Each step reaches at least one new institution or ends the walk, so the walk takes at most
    # as many steps as there are nodes whatever the depth asked for (--depth 10**20 returned never).
    for _ in range(min(depth, graph.number_of_nodes())):
        if not frontier:
            break
        following: list[str] = []
        for node in frontier:
            if graph.nodes[node].get("node_type") != "institution":
                continue
            for other in sorted(set(graph.successors(node)) | set(graph.predecessors(node)), key=str):
                if other not in reached:
                    reached.add(other)
                    following.append(other)
        frontier = following
    kept = [n for n in graph.nodes if n in reached]
    result: nx.MultiDiGraph = graph.subgraph(kept).copy()
    return result


def _drop_unused_instruments(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    unused = [n for n, d in graph.nodes(data=True) if d.get("node_type") != "institution" and graph.degree(n) == 0]
    graph.remove_nodes_from(unused)
    return graph
