"""Control and independence on long chains and wide stars: answered on the condensation, without
materialising the quadratic closure a chain of at-will dismissals implies."""

from __future__ import annotations

import time

import networkx as nx

from constitution_rules.analysis.control import Reach, any_independent_of, control_graph
from constitution_rules.graph import build_graph
from constitution_rules.language.parser import parse_text


def chain(n: int) -> nx.DiGraph:
    graph = nx.DiGraph()
    for i in range(n):
        graph.add_edge(f"I{i}", f"I{i + 1}", clause_ids=[f"c{i}"])
    return graph


def test_a_10000_link_chain_is_answered_in_linear_time() -> None:
    start = time.perf_counter()
    reach = Reach(chain(10_000))
    counts = [reach.count(f"I{i}") for i in range(10_001)]
    assert counts[0] == 10_000 and counts[5_000] == 5_000 and counts[-1] == 0
    assert reach.forest and reach.reaches("I0", "I9999") and not reach.reaches("I9999", "I0")
    # Everyone in the chain shares I0 as master: none is independent of another, except I0 itself.
    assert not reach.is_independent_of("I17", "I4000") and reach.is_independent_of("I0", "I4000")
    assert len(list(reach.tree_edges("I0"))) == 10_000
    assert time.perf_counter() - start < 5  # a generous ceiling: the quadratic closure took minutes


def test_cycles_and_several_masters_fall_back_to_bitsets() -> None:
    graph = nx.DiGraph()
    graph.add_edge("A", "B", clause_ids=["1"])
    graph.add_edge("B", "A", clause_ids=["2"])  # mutual at-will removal: one component
    graph.add_edge("A", "C", clause_ids=["3"])
    graph.add_edge("D", "C", clause_ids=["4"])  # C has two masters: not a forest
    reach = Reach(graph)
    assert not reach.forest
    assert reach.reaches("A", "A") and reach.reaches("B", "C") and not reach.reaches("C", "D")
    assert reach.count("A") == 2 and reach.count("D") == 1
    assert reach.is_independent_of("D", "A")  # no common master
    assert not reach.is_independent_of("C", "A")  # A controls C
    assert any_independent_of(reach, ["C", "D"], "A")


def test_control_graph_keeps_whole_body_at_will_removals_only() -> None:
    G = build_graph(
        parse_text(
            """constitution "X"
institution President: executive
institution Court: judiciary, seats 9
institution Bank: central-bank
institution Audit: audit
article 1 {
  President dismisses Bank at will.
  President dismisses 3 of 9 Court at will.
  President dismisses Audit for cause "misconduct".
}
"""
        )
    )
    assert sorted(control_graph(G).edges) == [("President", "Bank")]
