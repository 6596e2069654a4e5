"""What every drawn format shows: institutions sorted into branches, powers bundled into drawn edges,
the clause text and citation behind each edge, and the findings that touch a node or an edge.

Renderers read a :class:`GraphView` and nothing else, so the SVG, the HTML page, DOT and Mermaid all
agree on what is drawn.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from constitution_rules.findings import SEVERITY_ORDER, Finding
from constitution_rules.model import Constitution, PowerClause
from constitution_rules.vocabulary import CATEGORIES

#: Branches in drawing order: the electorate on top, the three classic branches and the independent
#: bodies in columns, the instruments powers act on at the bottom.
BRANCHES: tuple[str, ...] = ("electorate", "legislature", "executive", "judiciary", "independent", "instrument")
COLUMN_BRANCHES: tuple[str, ...] = ("legislature", "executive", "judiciary", "independent")
BRANCH_TITLES: dict[str, str] = {
    "electorate": "Electorate",
    "legislature": "Legislature",
    "executive": "Executive",
    "judiciary": "Judiciary",
    "independent": "Independent bodies",
    "instrument": "Acts and instruments",
}
_EXECUTIVE_KINDS = frozenset(
    {"executive", "head-of-state", "head-of-government", "deputy-head-of-state", "cabinet", "minister"}
    | {"military", "security"}
)
_JUDICIAL_KINDS = frozenset({"judiciary", "constitutional-review", "judicial-council"})
#: Order within a column: the head of state above the deputy, the head of government, the cabinet,
#: ministers and agencies; joint sittings above chambers; local bodies at the bottom.
_KIND_RANK: dict[str, int] = {
    "head-of-state": 0,
    "deputy-head-of-state": 1,
    "head-of-government": 2,
    "cabinet": 3,
    "executive": 3,
    "minister": 4,
    "security": 5,
    "military": 5,
    "constitutional-review": 0,
    "judiciary": 1,
    "judicial-council": 2,
    "legislature": 1,
}
_GENERIC_KINDS = frozenset({"legislature", "judiciary", "executive"})
_LOCAL_RANK = 8

CATEGORY_TITLES: dict[str, str] = {
    "selection": "Selection (elects, appoints, nominates)",
    "removal": "Removal (dismisses, removes, impeaches)",
    "lawmaking": "Lawmaking and veto",
    "budget": "Budget",
    "oversight": "Oversight and review",
    "dissolution": "Dissolution",
    "emergency": "Emergency and war",
    "command": "Command of armed forces",
    "clemency": "Pardon and amnesty",
    "amendment": "Constitutional amendment",
}
#: Colour-blind-safe where it matters most (selection, removal, lawmaking, oversight, dissolution).
CATEGORY_COLOURS: dict[str, str] = {
    "selection": "#1f5fa8",
    "removal": "#c0392b",
    "lawmaking": "#2e8b3a",
    "budget": "#8c564b",
    "oversight": "#7b4fb0",
    "dissolution": "#e07b00",
    "emergency": "#d6338a",
    "command": "#555555",
    "clemency": "#9a9a00",
    "amendment": "#0f9aa8",
}
SEVERITY_COLOURS: dict[str, str] = {"error": "#b00020", "warning": "#e65100", "info": "#1565c0"}


def branch_of(kinds: Sequence[str], node_type: str) -> str:
    if node_type != "institution":
        return "instrument"
    kind_set = set(kinds)
    if "electorate" in kind_set:
        return "electorate"
    if "legislature" in kind_set:
        return "legislature"
    if kind_set & _JUDICIAL_KINDS:
        return "judiciary"
    if kind_set & _EXECUTIVE_KINDS:
        return "executive"
    return "independent"


def tier_of(kinds: Sequence[str], member_of: str | None, joint: bool) -> int:
    if "local" in kinds:
        return _LOCAL_RANK
    if joint:
        return 0
    ranked = sorted((_KIND_RANK[k], k) for k in kinds if k in _KIND_RANK)
    if not ranked:
        return 3
    rank, kind = ranked[0]
    # A chair or member of a body sits under it, unless its own kind already places it.
    return rank + 1 if member_of and kind in _GENERIC_KINDS else rank


@dataclass(frozen=True)
class ClauseView:
    """One power behind a drawn edge, as a reader needs it: the sentence and where it is written."""

    clause_id: str
    citation: str
    text: str
    location: str
    derived: bool
    role: str
    verb: str = ""


@dataclass
class NodeView:
    id: str
    label: str
    node_type: str
    kinds: tuple[str, ...]
    branch: str
    tier: int
    order: int
    details: str
    findings: list[int] = field(default_factory=list)
    severity: str | None = None


@dataclass
class EdgeView:
    """Powers of one category from one node to another, drawn as one line."""

    id: str
    source: str
    target: str
    category: str
    derived: bool
    verbs: tuple[str, ...]
    clauses: tuple[ClauseView, ...]
    findings: list[int] = field(default_factory=list)
    severity: str | None = None

    @property
    def title(self) -> str:
        lines = [f"{c.text} ({c.citation})" for c in self.clauses]
        return "\n".join(lines)


@dataclass
class ChipView:
    """Powers of one verb and category over acts and instruments (laws, the budget, decrees), drawn as a
    badge inside the actor's box rather than as lines to a band of instruments."""

    id: str
    source: str
    category: str
    derived: bool
    verb: str
    targets: tuple[str, ...]
    target_labels: tuple[str, ...]
    edge_ids: tuple[str, ...]
    clauses: tuple[ClauseView, ...]
    findings: list[int] = field(default_factory=list)
    severity: str | None = None

    @property
    def power(self) -> str:
        return f"{self.verb} {', '.join(self.target_labels)}"

    @property
    def citations(self) -> str:
        return compact_citations(c.citation for c in self.clauses)

    @property
    def text(self) -> str:
        """``vetoes constitutional laws, laws · Art. 44(2)``: the power and where it is written."""
        return f"{self.power} · {self.citations}" if self.citations else self.power

    @property
    def title(self) -> str:
        return "\n".join(f"{c.text} ({c.citation})" for c in self.clauses)


def compact_citations(citations: Iterable[str], limit: int = 3) -> str:
    """``Art. 44(2), Art. 61(1)`` -> ``Art. 44(2), 61(1)``; more than ``limit`` end in ``+N``."""
    unique = list(dict.fromkeys(c for c in citations if c))
    shown = [c if i == 0 else c.removeprefix("Art. ") for i, c in enumerate(unique[:limit])]
    more = f" +{len(unique) - limit}" if len(unique) > limit else ""
    return ", ".join(shown) + more


def citation_key(citation: str) -> tuple[tuple[int, str], ...]:
    """Natural order: ``Art. 44(2)`` before ``Art. 44(10)``."""
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"(\d+)", citation))


def instrument_label(label: str) -> str:
    return label.replace("-", " ")


@dataclass
class GraphView:
    name: str
    version: str
    nodes: list[NodeView]
    edges: list[EdgeView]
    findings: list[Finding]
    #: citation -> the wording of the article (language v2 ``text``), for articles that carry it
    article_texts: dict[str, str] = field(default_factory=dict)

    def node(self, node_id: str) -> NodeView:
        return self._by_id[node_id]

    def __post_init__(self) -> None:
        self._by_id = {n.id: n for n in self.nodes}

    @property
    def categories(self) -> list[str]:
        used = {e.category for e in self.edges}
        return [c for c in CATEGORIES if c in used]

    def is_instrument(self, node_id: str) -> bool:
        return self.node(node_id).node_type != "institution"

    def chips(self) -> list[ChipView]:
        """Powers of institutions over instruments, one chip per actor, category and verb."""
        groups: dict[tuple[str, int, bool, str], list[tuple[EdgeView, ClauseView]]] = {}
        for edge in self.edges:
            if self.is_instrument(edge.source) or not self.is_instrument(edge.target):
                continue
            rank = CATEGORIES.index(edge.category) if edge.category in CATEGORIES else len(CATEGORIES)
            for clause in edge.clauses:
                verb = clause.verb or "/".join(edge.verbs)
                groups.setdefault((edge.source, rank, edge.derived, verb), []).append((edge, clause))
        chips: list[ChipView] = []
        for index, (key, members) in enumerate(sorted(groups.items(), key=lambda item: item[0])):
            source, _, derived, verb = key
            targets = sorted({e.target for e, _ in members}, key=lambda t: (self.node(t).label, t))
            clauses = sorted({c for _, c in members}, key=lambda c: (citation_key(c.citation), c.clause_id))
            edge_ids = sorted({e.id for e, _ in members}, key=lambda i: int(i[1:]))
            chip = ChipView(
                id=f"c{index}",
                source=source,
                category=members[0][0].category,
                derived=derived,
                verb=verb,
                targets=tuple(targets),
                target_labels=tuple(instrument_label(self.node(t).label) for t in targets),
                edge_ids=tuple(edge_ids),
                clauses=tuple(clauses),
            )
            evidence_of = {i: {e.clause_id for e in f.evidence if e.clause_id} for i, f in enumerate(self.findings)}
            ids = {c.clause_id for c in clauses}
            chip.findings = [i for i, evidence in evidence_of.items() if evidence & ids]
            chip.severity = _max_severity(
                [self.findings[i].severity for i in chip.findings if not self.findings[i].waived]
            )
            chips.append(chip)
        return chips


def _clause_sentence(clause: PowerClause | None, data: dict[str, Any], source: str, target: str) -> str:
    from constitution_rules.language.printer import clause_text

    if clause is None:  # a graph without its constitution: say what the edge itself knows
        return f"{source} {data.get('verb', '')} {target}"
    text = clause_text(clause)
    if data.get("derived"):
        return f"{source} {data.get('role', '')}: {text}"
    return text


def _location_text(location: Any) -> str:
    if isinstance(location, dict):
        return f"{location.get('file', '')}:{location.get('line', '')}:{location.get('column', '')}"
    return ""


def _details(data: dict[str, Any]) -> str:
    parts = [", ".join(data.get("kinds") or [])]
    if data.get("seats"):
        parts.append(f"{data['seats']} seats")
    if data.get("term_years"):
        limit = f", limit {data['term_limit']}" if data.get("term_limit") else ""
        parts.append(f"term {data['term_years']} years{limit}")
    if data.get("member_of"):
        parts.append(f"member of {data['member_of']}")
    if data.get("joint_sitting_of"):
        parts.append("joint sitting of " + " and ".join(data["joint_sitting_of"]))
    return "; ".join(p for p in parts if p)


def _max_severity(severities: list[str]) -> str | None:
    return max(severities, key=lambda s: SEVERITY_ORDER.get(s, 0)) if severities else None


def build_view(
    graph: nx.MultiDiGraph,
    constitution: Constitution | None = None,
    findings: Sequence[Finding] | None = None,
) -> GraphView:
    clauses = {c.id: c for c in constitution.clauses} if constitution else {}
    nodes: list[NodeView] = []
    for order, (node_id, data) in enumerate(graph.nodes(data=True)):
        kinds = tuple(data.get("kinds") or ())
        node_type = data.get("node_type", "institution")
        nodes.append(
            NodeView(
                id=node_id,
                label=str(data.get("label") or node_id),
                node_type=node_type,
                kinds=kinds,
                branch=branch_of(kinds, node_type),
                tier=tier_of(kinds, data.get("member_of"), bool(data.get("joint_sitting_of"))),
                order=order,
                details=_details(data) if node_type == "institution" else "instrument",
            )
        )

    bundles: dict[tuple[str, str, str, bool], list[tuple[str, dict[str, Any]]]] = {}
    for source, target, key, data in graph.edges(keys=True, data=True):
        bundle = (source, target, str(data.get("category", "")), bool(data.get("derived")))
        bundles.setdefault(bundle, []).append((key, data))
    edges: list[EdgeView] = []
    for index, (bundle, members) in enumerate(sorted(bundles.items(), key=lambda item: item[0])):
        source, target, category, derived = bundle
        members.sort(key=lambda m: m[0])
        views = tuple(
            ClauseView(
                clause_id=str(data.get("clause_id", key)),
                citation=str(data.get("citation", "")),
                text=_clause_sentence(clauses.get(str(data.get("clause_id"))), data, source, target),
                location=_location_text(data.get("location")),
                derived=derived,
                role=str(data.get("role", "")),
                verb=str(data.get("verb", "")),
            )
            for key, data in members
        )
        verbs = tuple(sorted({str(data.get("verb", "")) for _, data in members}))
        edges.append(EdgeView(f"e{index}", source, target, category, derived, verbs, views))

    view = GraphView(
        name=str(graph.graph.get("name", "")),
        version=str(graph.graph.get("version", "") or ""),
        nodes=nodes,
        edges=edges,
        findings=list(findings or []),
        article_texts={p.citation: p.text for p in constitution.provisions if p.text} if constitution else {},
    )
    _attach_findings(view)
    return view


def _attach_findings(view: GraphView) -> None:
    ids = {n.id for n in view.nodes}
    for index, finding in enumerate(view.findings):
        for inst in sorted(set(finding.institutions)):
            if inst in ids:
                view.node(inst).findings.append(index)
        evidence = {e.clause_id for e in finding.evidence if e.clause_id}
        for edge in view.edges:
            if any(c.clause_id in evidence for c in edge.clauses):
                edge.findings.append(index)
    active = [not f.waived for f in view.findings]  # a waived finding is listed, not outlined
    for node in view.nodes:
        node.severity = _max_severity([view.findings[i].severity for i in node.findings if active[i]])
    for edge in view.edges:
        edge.severity = _max_severity([view.findings[i].severity for i in edge.findings if active[i]])
