"""Balance metrics of a constitution: who holds how much power and how much of it unchecked, by
institution, principal and branch; how much of the executive's power is under independent
oversight; who controls whom; who must agree to make law or change the constitution; tenure.

The definitions, their reasoning and references are in docs/metrics.md; the algorithms are in
:mod:`constitution_rules.analysis`. ``compute_metrics`` is the one entry point; the rules, the
``check`` json output, diff, history and compare all use it. Output is deterministic: institutions
sorted by id, lists sorted, floats rounded to ``PRECISION``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from constitution_rules.analysis import vetoes as v
from constitution_rules.analysis.branches import BRANCHES, branch_of
from constitution_rules.analysis.concentration import DEFAULT_WEIGHTS, Measures, hhi, measure, tenure, weights_from
from constitution_rules.analysis.control import Reach, control_graph, dependence_graph
from constitution_rules.analysis.powers import institutions, is_electorate
from constitution_rules.display import text_lines
from constitution_rules.model import Constitution
from constitution_rules.vocabulary import EXECUTIVE_KINDS

__all__ = ["DEFAULT_WEIGHTS", "Metrics", "compute_metrics", "render_text", "weights_from"]

if TYPE_CHECKING:
    import networkx as nx

METRICS_VERSION = "2"
PRECISION = 4


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class InstitutionShare(_Model):
    institution: str
    label: str
    branch: str
    weight: float = Field(description="weighted acting powers held")
    share: float = Field(description="weight / weight of all institutions' acting powers")
    unchecked_share: float = Field(description="weight of its powers no independent body checks, over the total")
    by_category: dict[str, float] = Field(description="weighted acting powers per category (non-zero only)")


class PrincipalShare(_Model):
    principal: str
    label: str
    branch: str
    members: list[str] = Field(description="the principal and the institutions it may dismiss at will")
    share: float
    unchecked_share: float


class BranchShare(_Model):
    branch: str
    share: float


class ControlReach(_Model):
    institution: str
    label: str
    reach: float = Field(description="fraction of the other institutions it controls through at-will removal chains")
    controls: list[str] = Field(description="the institutions it may dismiss at will directly")


class ConditionalVeto(_Model):
    institution: str
    overridable_by: list[str]
    majority: str | None = Field(description="the override majority, e.g. 'two-thirds of members'")


class VetoPlayers(_Model):
    instrument: str
    routes: list[list[str]] = Field(description="for each ordinary way the act can be adopted, who must agree")
    contingent_routes: list[list[str]] = Field(
        description="routes open only in a stated circumstance (a `when` trigger), e.g. while a chamber is dissolved"
    )
    required: list[str] = Field(description="institutions whose agreement every route needs")
    conditional: list[ConditionalVeto] = Field(description="vetoes that only more than a majority can override")
    vetoes: list[ConditionalVeto] = Field(
        description="every veto or approval on the act with its override (majority None: absolute)"
    )


class TenureEntry(_Model):
    institution: str
    term_years: int | None
    term_limit: int | None
    consecutive: bool
    life: bool
    exempt: list[str]


class Metrics(_Model):
    version: str = METRICS_VERSION
    constitution: str
    weights: dict[str, float]
    shares: list[InstitutionShare]
    principals: list[PrincipalShare]
    branches: list[BranchShare]
    hhi: float = Field(description="Herfindahl-Hirschman index of the principals' shares, 0..1")
    effective_number: float = Field(description="1 / hhi: the effective number of principals")
    oversight_coverage: float = Field(description="share of the executive's weighted powers under independent check")
    overseen: list[str]
    unoverseen: list[str]
    control_reach: list[ControlReach]
    lawmaking_veto_players: VetoPlayers
    amendment_veto_players: VetoPlayers
    tenure: list[TenureEntry]

    def share_of(self, institution: str) -> float:
        return next((s.share for s in self.shares if s.institution == institution), 0.0)


def _round(value: float | Fraction) -> float:
    return round(float(value), PRECISION)


def _label(G: nx.MultiDiGraph, node: str) -> str:
    from constitution_rules.display import one_line

    return one_line(str(G.nodes[node].get("label") or node)) if node in G else node


def _players(G: nx.MultiDiGraph, instrument: str) -> VetoPlayers:
    found = v.veto_players(G, instrument)

    def entry(veto: v.Veto) -> ConditionalVeto:
        return ConditionalVeto(institution=veto.institution, overridable_by=veto.overridable_by, majority=veto.majority)

    return VetoPlayers(
        instrument=instrument,
        routes=found.routes,
        contingent_routes=found.contingent_routes,
        required=found.required,
        conditional=[entry(c) for c in found.conditional],
        vetoes=[entry(c) for c in v.vetoes(G, instrument)],
    )


def analyse(G: nx.MultiDiGraph, weights: Mapping[str, float]) -> tuple[Measures, Reach]:
    """The concentration measures and the control reachability of ``G`` (shared by the rules)."""
    control = Reach(control_graph(G))
    return measure(G, weights, control=control, reach=Reach(dependence_graph(G, control.graph))), control


def compute_metrics(
    constitution: Constitution,
    graph: nx.MultiDiGraph | None = None,
    config: Mapping[str, Any] | None = None,
    *,
    measures: tuple[Measures, Reach] | None = None,
) -> Metrics:
    """Every balance metric of ``constitution`` over its power graph (built when not given).
    ``config`` may set ``weights`` (category -> weight); ``measures`` is :func:`analyse`'s result
    when the caller already has it."""
    if graph is None:
        from constitution_rules.graph import build_graph

        graph = build_graph(constitution)
    weights = weights_from(config)
    m, control = measures if measures is not None else analyse(graph, weights)
    total = m.total
    by_institution: dict[str, dict[str, Fraction]] = defaultdict(lambda: defaultdict(Fraction))
    unchecked: dict[str, Fraction] = defaultdict(Fraction)
    for part in m.held:
        by_institution[part.holder][part.category] += part.weight
        if not part.checked_by:
            unchecked[part.holder] += part.weight

    def frac(x: Fraction) -> float:
        return _round(x / total) if total else 0.0

    shares = [
        InstitutionShare(
            institution=holder,
            label=_label(graph, holder),
            branch=branch_of(graph, holder),
            weight=_round(sum(cats.values(), Fraction(0))),
            share=frac(sum(cats.values(), Fraction(0))),
            unchecked_share=frac(unchecked[holder]),
            by_category={c: _round(w) for c, w in sorted(cats.items()) if w},
        )
        for holder, cats in sorted(by_institution.items())
    ]
    principals = [
        PrincipalShare(
            principal=p.principal,
            label=_label(graph, p.principal),
            branch=p.branch,
            members=p.members,
            share=frac(p.weight),
            unchecked_share=frac(p.unchecked),
        )
        for p in m.principals
    ]
    concentration = hhi([p.weight for p in m.principals])
    executives = [
        i
        for i in institutions(graph)
        if set(graph.nodes[i].get("kinds") or ()) & EXECUTIVE_KINDS and branch_of(graph, i) == "executive"
    ]
    open_powers = {part.holder for part in m.held if not part.checked_by}
    holders = {part.holder for part in m.held}
    others = [i for i in institutions(graph) if not is_electorate(graph, i)]
    reach = [
        ControlReach(
            institution=node,
            label=_label(graph, node),
            reach=_round(Fraction(control.count(node), len(others) - 1)) if len(others) > 1 else 0.0,
            controls=sorted(control.graph.successors(node)) if node in control.graph else [],
        )
        for node in sorted(others)
    ]
    return Metrics(
        constitution=constitution.name,
        weights={c: weights[c] for c in sorted(weights)},
        shares=shares,
        principals=principals,
        branches=[BranchShare(branch=b, share=frac(m.branch_weight.get(b, Fraction(0)))) for b in BRANCHES],
        hhi=_round(concentration),
        effective_number=_round(1 / concentration) if concentration else 0.0,
        oversight_coverage=_round(m.oversight_coverage),
        overseen=sorted(e for e in executives if e in holders and e not in open_powers),
        unoverseen=sorted(e for e in executives if e in open_powers),
        control_reach=reach,
        lawmaking_veto_players=_players(graph, "laws"),
        amendment_veto_players=_players(graph, "constitution"),
        tenure=[
            TenureEntry(**{**t.__dict__, "exempt": list(t.exempt)})
            for t in (tenure(graph, i) for i in sorted(institutions(graph)))
            if t.term_years is not None or t.term_limit is not None or t.life or t.exempt
        ],
    )


def render_text(metrics: Metrics) -> str:
    """The metrics as an aligned plain-text report."""
    lines = [f"Balance metrics: {metrics.constitution}", ""]
    lines.append("Share of weighted acting powers (unchecked part in brackets)")
    for entry in sorted(metrics.shares, key=lambda s: (-s.share, s.institution)):
        categories = ", ".join(f"{c} {w:g}" for c, w in entry.by_category.items())
        lines.append(
            f"  {entry.share * 100:6.2f}% [{entry.unchecked_share * 100:6.2f}%]  {entry.label}  ({categories})"
        )
    lines.append("")
    lines.append("Principals (an institution with those it may dismiss at will)")
    for p in sorted(metrics.principals, key=lambda s: (-s.unchecked_share, -s.share, s.principal)):
        lines.append(
            f"  {p.share * 100:6.2f}% [{p.unchecked_share * 100:6.2f}% unchecked]  {p.label} ({p.branch})"
            + (f": {', '.join(m for m in p.members if m != p.principal)}" if len(p.members) > 1 else "")
        )
    lines.append("")
    lines.append("Branches  " + ", ".join(f"{b.branch} {b.share * 100:.1f}%" for b in metrics.branches))
    lines.append(f"Herfindahl-Hirschman index  {metrics.hhi:.4f}  (effective number {metrics.effective_number:.2f})")
    lines.append(
        f"Oversight coverage          {metrics.oversight_coverage:.4f}  "
        "(share of the executive's weighted powers under an independent check)"
    )
    if metrics.unoverseen:
        lines.append(f"  executive bodies with unchecked powers: {', '.join(metrics.unoverseen)}")
    lines.append("")
    lines.append("Control reach (at-will removal chains)")
    reaching = [r for r in metrics.control_reach if r.controls]
    for reach in sorted(reaching, key=lambda r: (-r.reach, r.institution)):
        lines.append(f"  {reach.reach * 100:6.2f}%  {reach.label}: {', '.join(reach.controls)}")
    if not reaching:
        lines.append("  none")
    for title, players in (
        ("Veto players of ordinary lawmaking", metrics.lawmaking_veto_players),
        ("Veto players of constitutional amendment", metrics.amendment_veto_players),
    ):
        lines.append("")
        lines.append(title)
        lines.append(f"  required: {', '.join(players.required) or 'none'}")
        for veto in players.vetoes:
            if veto.majority is None:
                lines.append(f"  absolute veto: {veto.institution}")
            else:
                by = ", ".join(veto.overridable_by) or "no one"
                lines.append(f"  veto: {veto.institution} (overridable by {by} by {veto.majority})")
        for number, route in enumerate(players.routes, 1):
            lines.append(f"  route {number}: {', '.join(route)}")
        for route in players.contingent_routes:
            lines.append(f"  contingent route: {', '.join(route)}")
    if metrics.tenure:
        lines.append("")
        lines.append("Tenure")
        for t in metrics.tenure:
            parts = ["life" if t.life else f"{t.term_years}-year term" if t.term_years else "term not stated"]
            if t.term_limit:
                parts.append(f"limit {t.term_limit}{' consecutive' if t.consecutive else ''}")
            if t.exempt:
                parts.append(f"exempt: {', '.join(t.exempt)}")
            lines.append(f"  {t.institution}: {', '.join(parts)}")
    return text_lines(lines)
