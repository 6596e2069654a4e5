"""The model becomes a MultiDiGraph with clause edges and derived say-so edges."""

from __future__ import annotations

import json

import networkx as nx

from constitution_rules.graph import build_graph
from constitution_rules.language.parser import parse_text
from tests.conftest import run_cli

TEXT = """constitution "X"
institution President: executive, head-of-state
institution Mazhilis: legislature, seats 98
institution Senate: legislature, seats 50
institution Court: judiciary, seats 11
article 44(3) {
  President appoints Mazhilis with consent of Senate by majority of members, after consultation with Court.
  President vetoes laws, overridable by Mazhilis by two-thirds.
  President issues decrees, subject to review by Court.
  Senate appoints 3 of 11 Court on proposal of Mazhilis.
}
"""


def test_nodes_and_clause_edges():
    graph = build_graph(parse_text(TEXT, "x.constitution"))
    assert set(graph.nodes) == {"President", "Mazhilis", "Senate", "Court", "instrument:laws", "instrument:decrees"}
    assert graph.nodes["Court"]["kinds"] == ["judiciary"] and graph.nodes["Court"]["seats"] == 11
    assert graph.nodes["instrument:laws"]["node_type"] == "instrument"
    edge = graph.edges["President", "Mazhilis", "art_44__para_3#1"]
    assert edge["verb"] == "appoints" and edge["category"] == "selection" and not edge["derived"]
    assert edge["citation"] == "Art. 44(3)" and edge["provision_id"] == "art_44__para_3"
    assert edge["location"]["line"] == 7
    assert [c["type"] for c in edge["conditions"]] == ["consent", "consultation"]
    share = graph.edges["Senate", "Court", "art_44__para_3#4"]["share"]
    assert share == {"kind": "seats", "seats": 3, "of": 11}


def test_say_so_edges_run_from_the_checker_to_the_actor():
    graph = build_graph(parse_text(TEXT, "x.constitution"))
    derived = sorted((s, t, d["role"]) for s, t, d in graph.edges(data=True) if d["derived"])
    # Consultation is not binding and gives no edge.
    assert derived == [
        ("Court", "President", "reviews"),
        ("Mazhilis", "President", "overrides"),
        ("Mazhilis", "Senate", "proposes"),
        ("Senate", "President", "consents"),
    ]
    consent = graph.edges["Senate", "President", "art_44__para_3#1/consents/Senate"]
    assert consent["over_target"] == "Mazhilis" and consent["over_verb"] == "appoints"


def test_graph_cli_formats(write):
    path = write(TEXT)
    as_json = run_cli("graph", str(path), "--format", "json")
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    assert len(data["nodes"]) == 6 and len(data["edges"]) == 8
    graphml = path.with_suffix(".graphml")
    assert run_cli("graph", str(path), "--format", "graphml", "-o", str(graphml)).returncode == 0
    back = nx.read_graphml(graphml, force_multigraph=True)
    assert back.number_of_nodes() == 6 and back.number_of_edges() == 8
    dot = run_cli("graph", str(path), "--format", "dot")
    assert dot.returncode == 0 and dot.stdout.startswith('digraph "X" {')
