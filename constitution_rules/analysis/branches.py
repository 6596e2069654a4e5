"""The branch view: which branch of government each institution belongs to, and which chambers
form one legislature.

Branches follow the classical division (Montesquieu, Spirit of the Laws XI.6) with the guarantor
institutions apart, as the Venice Commission's Rule of Law Checklist treats them:

- ``legislative``: national legislatures, their chambers, joint sittings and officers;
- ``executive``: heads of state and government, cabinets, ministers, and the armed and security
  services they direct;
- ``judicial``: courts, constitutional review and judicial councils;
- ``independent``: prosecution, audit, election administration, central bank, ombudsman;
- ``electorate`` and ``local`` (sub-national bodies) stand outside the national branches;
  ``other`` is what none of these kinds describe (advisory bodies).

>>> from constitution_rules.language.parser import parse_text
>>> from constitution_rules.graph import build_graph
>>> G = build_graph(parse_text('''constitution "X"
... institution People: electorate
... institution Mazhilis: legislature
... institution Senate: legislature
... institution Parliament: legislature, joint-sitting-of Mazhilis and Senate
... institution Chair: legislature, member-of Senate
... institution President: executive, head-of-state
... institution Court: constitutional-review
... institution Audit: audit
... article 1 {
...   Parliament adopts laws.
... }
... '''))
>>> [branch_of(G, n) for n in ("People", "Senate", "President", "Court", "Audit")]
['electorate', 'legislative', 'executive', 'judicial', 'independent']
>>> sorted(legislatures(G)["Chair"])
['Chair', 'Mazhilis', 'Parliament', 'Senate']
"""

from __future__ import annotations

from typing import Literal

import networkx as nx

from constitution_rules.analysis.powers import institutions, kinds
from constitution_rules.vocabulary import EXECUTIVE_KINDS, JUDICIAL_KINDS

Branch = Literal["legislative", "executive", "judicial", "independent", "electorate", "local", "other"]
BRANCHES: tuple[Branch, ...] = ("legislative", "executive", "judicial", "independent")

_JUDICIAL = JUDICIAL_KINDS | {"judicial-council"}
_INDEPENDENT = frozenset({"prosecution", "audit", "electoral", "central-bank", "ombudsman"})
_EXECUTIVE = EXECUTIVE_KINDS | {"military", "security"}


def branch_of(G: nx.MultiDiGraph, node: str) -> Branch:
    """The branch an institution belongs to, by its kinds (the first that applies, in this order:
    electorate, local, legislative, judicial, independent, executive, other)."""
    found = kinds(G, node)
    if "electorate" in found:
        return "electorate"
    if "local" in found:
        return "local"
    if "legislature" in found:
        return "legislative"
    if found & _JUDICIAL:
        return "judicial"
    if found & _INDEPENDENT:
        return "independent"
    if found & _EXECUTIVE:
        return "executive"
    return "other"


def branches(G: nx.MultiDiGraph) -> dict[str, Branch]:
    """institution -> branch, in declaration order."""
    return {n: branch_of(G, n) for n in institutions(G)}


def legislatures(G: nx.MultiDiGraph) -> dict[str, frozenset[str]]:
    """legislative institution -> the legislature it belongs to: every chamber, joint sitting and
    officer linked to it by ``joint-sitting-of`` or ``member-of``. Connected components: linear."""
    links = nx.Graph()
    for node in institutions(G):
        if "legislature" not in kinds(G, node):
            continue
        links.add_node(node)
        data = G.nodes[node]
        for part in data.get("joint_sitting_of") or ():
            links.add_edge(node, part)
        if data.get("member_of") and "legislature" in kinds(G, data["member_of"]):
            links.add_edge(node, data["member_of"])
    out: dict[str, frozenset[str]] = {}
    for component in nx.connected_components(links):
        group = frozenset(component)
        for node in group:
            out[node] = group
    return out
