"""Control through at-will removal, and dependence: who controls whom, how far, and who is independent.

"The power to remove is the power to control" (Myers v. United States, 1926): A *controls* B when A
may remove the whole of B at will (:func:`~.powers.removes_at_will`); control is transitive. B
*depends on* A when A controls B or fills most of B's seats without the consent or proposal of an
institution independent of A (a council A forms).

Reachability is answered on the condensation of the control (or dependence) graph. When every
strongly connected component has at most one controlling component (chains, stars, hierarchies:
the shape real constitutions have) the condensation is a forest and every question costs O(1)
after an O(V+E) labelling; a 10,000-link chain of at-will dismissals is never expanded into its
50 million controlled pairs. Otherwise reachability falls back to bitsets over the components.

>>> from constitution_rules.language.parser import parse_text
>>> from constitution_rules.graph import build_graph
>>> G = build_graph(parse_text('''constitution "X"
... institution President: executive
... institution Government: cabinet
... institution Bank: central-bank
... institution Court: judiciary
... article 1 {
...   President dismisses Government at will.
...   Government dismisses Bank at will.
... }
... '''))
>>> reach = Reach(control_graph(G))
>>> reach.count("President"), reach.count("Government"), reach.count("Court")
(2, 1, 0)
>>> reach.reaches("President", "Bank"), reach.reaches("Bank", "President")
(True, False)
>>> reach.is_independent_of("Court", "Government"), reach.is_independent_of("Bank", "Government")
(True, False)
>>> reach.is_independent_of("President", "Government")  # a master of X oversees X from above
True
>>> sorted(reach.descendants("President"))
['Bank', 'Government']
>>> [(u, v) for u, v, _ in reach.tree_edges("President")]
[('President', 'Government'), ('Government', 'Bank')]
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from fractions import Fraction

import networkx as nx

from constitution_rules.analysis.powers import (
    is_contingent,
    is_electorate,
    powers,
    removes_at_will,
    say_so_holders,
    share_fraction,
)
from constitution_rules.vocabulary import SELECTION_VERBS


def control_graph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """controller -> controlled, for every at-will removal of a whole body; each edge keeps the
    ``clause_id`` of the first such clause (in insertion order)."""
    control = nx.DiGraph()
    for u, v, data in powers(G):
        if not data.get("share") and removes_at_will(u, v, data) and not control.has_edge(u, v):
            control.add_edge(u, v, clause_ids=[data["clause_id"]])
    return control


def selection_shares(
    G: nx.MultiDiGraph, body: str, reach: Reach, *, count_consented: bool
) -> dict[str, tuple[Fraction, bool, list[str]]]:
    """actor -> (part of ``body``'s seats it fills, whether it fills the chair, the clause ids).

    Seat shares add up across clauses; the chair counts as one seat of a sized body; a selection
    that needs the consent or proposal of an institution independent of the actor (in ``reach``)
    is left out unless ``count_consented``. The electorate is never counted: voters choosing is not
    capture. A selection open only in a triggering circumstance (a recess appointment that expires)
    is contingent and does not compose the body (:func:`~.powers.is_contingent`).
    """
    result: dict[str, tuple[Fraction, bool, list[str]]] = {}
    for u, v, data in powers(G, target=body):
        if data["verb"] not in SELECTION_VERBS or is_electorate(G, u) or is_contingent(data):
            continue
        if not count_consented and any(
            reach.is_independent_of(holder, u) for holder in say_so_holders(data) if holder != u
        ):
            continue
        fraction, chair, clauses = result.get(u, (Fraction(0), False, []))
        share = data.get("share") or {}
        result[u] = (
            min(Fraction(1), fraction + share_fraction(G, v, data)),
            chair or share.get("kind") == "chair",
            [*clauses, data["clause_id"]],
        )
    return result


def dependence_graph(G: nx.MultiDiGraph, control: nx.DiGraph | None = None) -> nx.DiGraph:
    """The control graph plus an edge A -> B wherever A fills more than half of B's seats without
    an independent institution's consent or proposal (independence judged on control alone)."""
    control = control if control is not None else control_graph(G)
    reach = Reach(control)
    dependence = nx.DiGraph(control)
    for body in {v for u, v, d in powers(G) if d["verb"] in SELECTION_VERBS}:
        for actor, (fraction, _chair, clause_ids) in sorted(
            selection_shares(G, body, reach, count_consented=False).items()
        ):
            if fraction > Fraction(1, 2) and actor != body and not dependence.has_edge(actor, body):
                dependence.add_edge(actor, body, clause_ids=clause_ids)
    return dependence


class Reach:
    """Reachability over a directed graph of control (or dependence), answered without closures.

    ``reaches(a, b)``: a controls b, directly or down a chain (a never reaches itself unless it is
    on a cycle). ``count(a)``: how many institutions a reaches. ``is_independent_of(o, x)``: o is
    not x, x does not reach o, and no third institution reaches both (no common master).
    """

    def __init__(self, graph: nx.DiGraph) -> None:
        self.graph = graph
        condensed = nx.condensation(graph) if graph.number_of_nodes() else nx.DiGraph()
        self._component: dict[str, int] = dict(condensed.graph.get("mapping", {}))
        self._size = {c: len(condensed.nodes[c]["members"]) for c in condensed}
        self._members = {c: condensed.nodes[c]["members"] for c in condensed}
        self._condensed = condensed
        self.forest = all(d <= 1 for _, d in condensed.in_degree())
        order = list(nx.topological_sort(condensed))
        self._below: dict[int, int] = {}  # component -> institutions strictly below it
        for c in reversed(order):
            self._below[c] = sum(self._size[k] + self._below[k] for k in condensed.successors(c))
        if self.forest:
            self._root: dict[int, int] = {}
            self._interval: dict[int, tuple[int, int]] = {}
            clock = 0
            for root in (c for c in order if condensed.in_degree(c) == 0):
                for _parent, child, kind in nx.dfs_labeled_edges(condensed, root):
                    if kind == "forward":
                        self._root[child] = root
                        self._interval[child] = (clock, -1)
                        clock += 1
                    elif kind == "reverse":
                        self._interval[child] = (self._interval[child][0], clock)
                        clock += 1
        else:
            self._down: dict[int, int] = {}
            for c in reversed(order):
                bits = 0
                for k in condensed.successors(c):
                    bits |= self._down[k] | (1 << k)
                self._down[c] = bits
            self._up: dict[int, int] = {}
            for c in order:
                bits = 0
                for p in condensed.predecessors(c):
                    bits |= self._up[p] | (1 << p)
                self._up[c] = bits

    def _comp(self, node: str) -> int | None:
        return self._component.get(node)

    def reaches(self, a: str, b: str) -> bool:
        ca, cb = self._comp(a), self._comp(b)
        if ca is None or cb is None:
            return False
        if ca == cb:
            return a != b or self._size[ca] > 1
        if self.forest:
            (start_a, end_a), (start_b, end_b) = self._interval[ca], self._interval[cb]
            return start_a < start_b and end_b < end_a
        return bool(self._down[ca] >> cb & 1)

    def count(self, node: str) -> int:
        """How many other institutions ``node`` reaches."""
        c = self._comp(node)
        return 0 if c is None else self._below[c] + self._size[c] - 1

    def controlled(self, node: str) -> bool:
        """Whether anyone reaches ``node``."""
        c = self._comp(node)
        return c is not None and (self._size[c] > 1 or self._condensed.in_degree(c) > 0)

    def descendants(self, node: str) -> set[str]:
        """Everything ``node`` reaches (materialised: use for one node, not for all)."""
        if node not in self.graph:
            return set()
        found: set[str] = set(nx.descendants(self.graph, node))
        found.discard(node)
        if self._size[self._component[node]] > 1:
            found |= set(self._members[self._component[node]]) - {node}
        return found

    def ancestors(self, node: str) -> set[str]:
        """Everyone who reaches ``node`` (materialised: use for one node, not for all)."""
        if node not in self.graph:
            return set()
        found: set[str] = set(nx.ancestors(self.graph, node))
        if self._size[self._component[node]] > 1:
            found |= set(self._members[self._component[node]]) - {node}
        return found

    def masters(self, node: str) -> list[str]:
        """The uncontrolled institutions at the top of ``node``'s chains (itself when none), sorted."""
        above = self.ancestors(node)
        tops = sorted(a for a in above if not (self.ancestors(a) - {node}) - above or not self.ancestors(a))
        return tops or [node]

    def is_independent_of(self, overseer: str, overseen: str) -> bool:
        if overseer == overseen:
            return False
        if self.reaches(overseen, overseer):
            return False
        co, cx = self._comp(overseer), self._comp(overseen)
        if co is None or cx is None:
            return True
        if self.forest:
            if self._root[co] != self._root[cx]:
                return True
            # Same tree: its root reaches both unless the overseer is the (uncontrolled) root.
            return co == self._root[co] and self._size[co] == 1
        up_o = self._up[co] | ((1 << co) if self._size[co] > 1 else 0)
        up_x = self._up[cx] | ((1 << cx) if self._size[cx] > 1 else 0)
        return not (up_o & up_x)

    def tree_edges(self, node: str) -> Iterator[tuple[str, str, list[str]]]:
        """The breadth-first tree from ``node``: one shortest chain to everything it reaches, as
        (controller, controlled, clause ids); linear in what it reaches. Ties break by id."""
        if node not in self.graph:
            return
        seen = {node}
        frontier = [node]
        while frontier:
            following: list[str] = []
            for current in frontier:
                for nxt in sorted(self.graph.successors(current)):
                    if nxt in seen:
                        continue
                    seen.add(nxt)
                    following.append(nxt)
                    yield current, nxt, self.graph.edges[current, nxt]["clause_ids"]
            frontier = following

    def chain(self, source: str, target: str) -> list[str]:
        """The clause ids of one shortest chain from ``source`` to ``target`` (empty if none)."""
        if source not in self.graph or target not in self.graph or not self.reaches(source, target):
            return []
        path = nx.shortest_path(self.graph, source, target)
        return [c for a, b in itertools.pairwise(path) for c in self.graph.edges[a, b]["clause_ids"][:1]]


def controllers(control: nx.DiGraph, node: str) -> set[str]:
    """Institutions that control ``node`` through at-will removal chains."""
    return nx.ancestors(control, node) if node in control else set()


def reach_fractions(G: nx.MultiDiGraph, reach: Reach) -> dict[str, Fraction]:
    """institution -> the part of the other non-electorate institutions it controls; linear."""
    from constitution_rules.analysis.powers import institutions

    others = [i for i in institutions(G) if not is_electorate(G, i)]
    denominator = len(others) - 1
    out: dict[str, Fraction] = defaultdict(Fraction)
    for node in others:
        out[node] = Fraction(reach.count(node), denominator) if denominator > 0 else Fraction(0)
    return dict(out)


def dependents_bound(reach: Reach, node: str) -> int:
    """An upper bound on how many institutions are *not* independent of ``node``: itself and the
    whole tree of control it sits in (all of the graph when control is not a forest)."""
    c = reach._comp(node)
    if c is None:
        return 1
    if not reach.forest:
        return int(reach.graph.number_of_nodes())
    root = reach._root[c]
    return reach._below[root] + reach._size[root]


def any_independent_of(reach: Reach, candidates: list[str], overseen: str) -> bool:
    """Whether any of ``candidates`` (distinct institutions) is independent of ``overseen``. When
    there are more of them than institutions that can depend on ``overseen``, one must be; so a
    list shared by many questions (every reviewer of laws) costs O(1) per question, not its length."""
    if len(candidates) > dependents_bound(reach, overseen):
        return True
    return any(reach.is_independent_of(c, overseen) for c in candidates)
