"""Concentration of unchecked power, oversight coverage, and tenure.

Madison's test is the accumulation of powers "in the same hands" (Federalist 47); what makes an
accumulation dangerous is that no one can check it (Federalist 51). The measures here therefore
count *acting* powers (every category but oversight: reviewing, auditing or questioning another
body checks power, it does not wield it), attribute each to the hands that really hold it, and
ask whether it is checked (:mod:`.accountability`):

- **holder**: an act made formally or on a binding proposal is the proposer's; a joint act is
  split between its actors (:func:`~.powers.effective_holders`).
- **principal**: an institution another may dismiss at will is that other's agent (hierarchy:
  Myers v. United States, 1926), so its powers count for the top of its chain of control
  (:class:`~.control.Reach`). A government the legislature can bring down is not anyone's
  agent through that: confidence is a check, not a chain of command.
- **weight**: the category's weight (docs/metrics.md) times the part of the target body.
- **unchecked**: no institution independent of the holder must agree, can override or review the
  act or its instrument, and the holder answers politically (confidence) to no independent body.

>>> from constitution_rules.language.parser import parse_text
>>> from constitution_rules.graph import build_graph
>>> G = build_graph(parse_text('''constitution "X"
... institution People: electorate
... institution President: executive, head-of-state
... institution Government: cabinet
... institution Parliament: legislature
... article 1 {
...   People elects President.
...   People elects Parliament.
...   President dismisses Government at will.
...   Government executes budget.
...   President dissolves Parliament.
...   Parliament adopts laws.
...   President vetoes laws, overridable by Parliament by majority.
... }
... '''))
>>> weights = {c: 1.0 for c in DEFAULT_WEIGHTS}
>>> m = measure(G, weights)
>>> [(p.principal, p.members, str(p.weight), str(p.unchecked)) for p in m.principals]  # the veto checks laws
[('Parliament', ['Parliament'], '1', '0'), ('President', ['Government', 'President'], '4', '3')]
>>> str(m.oversight_coverage)  # the veto is checked by override; dismissal, dissolution, budget are not
'1/4'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import networkx as nx

from constitution_rules.analysis.accountability import Checks
from constitution_rules.analysis.branches import Branch, branch_of
from constitution_rules.analysis.control import Reach, control_graph, dependence_graph
from constitution_rules.analysis.powers import (
    Edge,
    effective_holders,
    institutions,
    instrument_of,
    is_electorate,
    powers,
    share_fraction,
)
from constitution_rules.vocabulary import CATEGORIES

#: Weight of one power of each category (docs/metrics.md explains each). Configurable as ``weights``.
DEFAULT_WEIGHTS: dict[str, float] = {
    "selection": 1.0,
    "removal": 1.5,
    "lawmaking": 1.5,
    "budget": 1.5,
    "oversight": 1.0,
    "dissolution": 2.0,
    "emergency": 1.5,
    "command": 1.0,
    "clemency": 0.5,
    "amendment": 2.0,
}

#: Weight of appointing or removing the presiding officer of a body whose size is not declared.
UNSIZED_CHAIR = Fraction(1, 2)
#: Categories that check power rather than wield it: left out of the concentration measures.
CHECKING_CATEGORIES = frozenset({"oversight"})


@dataclass
class PowerHeld:
    """One holder's part of one power."""

    holder: str
    principal: str
    clause_id: str
    category: str
    weight: Fraction
    checked_by: list[str]


@dataclass
class Principal:
    """An institution with the agents it controls at will, and the acting powers they hold."""

    principal: str
    branch: Branch
    members: list[str]
    weight: Fraction = Fraction(0)
    unchecked: Fraction = Fraction(0)
    unchecked_clauses: list[str] = field(default_factory=list)
    by_category: dict[str, Fraction] = field(default_factory=dict)


@dataclass
class Measures:
    total: Fraction
    principals: list[Principal]
    branch_weight: dict[str, Fraction]
    oversight_coverage: Fraction
    executive_weight: Fraction
    executive_checked: Fraction
    held: list[PowerHeld]
    reach: Reach
    checks: Checks

    def principal_of(self, institution: str) -> Principal | None:
        return next((p for p in self.principals if institution in p.members), None)


def weights_from(config: Mapping[str, Any] | None) -> dict[str, float]:
    """The default weights with the configured ones on top; unknown categories are an error."""
    weights = dict(DEFAULT_WEIGHTS)
    configured = dict((config or {}).get("weights", {}) or {})
    unknown = sorted(set(configured) - set(CATEGORIES))
    if unknown:
        raise ValueError(f"unknown power categories in weights: {', '.join(unknown)}")
    for category, value in configured.items():
        if not isinstance(value, (int, float)) or value < 0:
            raise ValueError(f"weight of {category} must be a number >= 0, not {value!r}")
        weights[category] = float(value)
    return weights


def power_weight(G: nx.MultiDiGraph, edge: Edge, weights: Mapping[str, float]) -> Fraction:
    """A power's weight: its category's weight times the part of the target body it concerns."""
    _u, v, data = edge
    part = share_fraction(G, v, data, UNSIZED_CHAIR) if instrument_of(v) is None else Fraction(1)
    return Fraction(weights[data["category"]]).limit_denominator(10**6) * part


def principal_map(G: nx.MultiDiGraph, control: Reach) -> dict[str, str]:
    """institution -> the top of its chain of at-will control (itself when no one controls it, or
    when several uncontrolled institutions do: then it is no single master's agent)."""
    out: dict[str, str] = {}
    for node in institutions(G):
        if not control.controlled(node):
            out[node] = node
            continue
        tops = [t for t in control.masters(node) if t != node]
        out[node] = tops[0] if len(tops) == 1 else node
    return out


def measure(
    G: nx.MultiDiGraph,
    weights: Mapping[str, float],
    *,
    control: Reach | None = None,
    reach: Reach | None = None,
) -> Measures:
    """Acting powers by principal and by branch, checked or not, and the oversight coverage.

    ``control`` is reachability over at-will removal, ``reach`` over dependence (both built here
    when not given). Linear in the powers once those are built, except :meth:`Reach.masters`,
    asked once per controlled institution (its chain's length).
    """
    control = control if control is not None else Reach(control_graph(G))
    reach = reach if reach is not None else Reach(dependence_graph(G, control.graph))
    checks = Checks(G, reach, control)
    principal_of = principal_map(G, control)
    held: list[PowerHeld] = []
    groups: dict[str, Principal] = {}
    branch_weight: dict[str, Fraction] = defaultdict(Fraction)
    executive_weight = executive_checked = Fraction(0)
    for edge in powers(G):
        u, v, data = edge
        if data["category"] in CHECKING_CATEGORIES:
            continue
        holders = [h for h in effective_holders(u, data) if not is_electorate(G, h)]
        if not holders:
            continue
        worth = power_weight(G, edge, weights) / len(holders)
        for holder in holders:
            principal = principal_of.get(holder, holder)
            checked_by = checks.of(u, v, data, holder)
            held.append(PowerHeld(holder, principal, data["clause_id"], data["category"], worth, checked_by))
            group = groups.get(principal)
            if group is None:
                group = groups[principal] = Principal(principal, branch_of(G, principal), [])
            if holder not in group.members:
                group.members.append(holder)
            group.weight += worth
            group.by_category[data["category"]] = group.by_category.get(data["category"], Fraction(0)) + worth
            if not checked_by:
                group.unchecked += worth
                group.unchecked_clauses.append(data["clause_id"])
            branch = branch_of(G, holder)
            branch_weight[branch] += worth
            if branch == "executive":
                executive_weight += worth
                if checked_by:
                    executive_checked += worth
    total = sum(branch_weight.values(), Fraction(0))
    for group in groups.values():
        group.members.sort()
    return Measures(
        total=total,
        principals=sorted(groups.values(), key=lambda p: p.principal),
        branch_weight=dict(sorted(branch_weight.items())),
        oversight_coverage=executive_checked / executive_weight if executive_weight else Fraction(1),
        executive_weight=executive_weight,
        executive_checked=executive_checked,
        held=held,
        reach=reach,
        checks=checks,
    )


def hhi(parts: list[Fraction]) -> Fraction:
    """Herfindahl-Hirschman index of the parts of a whole (their sum of squares)."""
    total = sum(parts, Fraction(0))
    return sum(((p / total) ** 2 for p in parts), Fraction(0)) if total else Fraction(0)


@dataclass(frozen=True)
class Tenure:
    """How long an office is held and how often it must face re-selection."""

    institution: str
    term_years: int | None
    term_limit: int | None
    consecutive: bool
    life: bool
    exempt: tuple[str, ...]


def tenure(G: nx.MultiDiGraph, node: str) -> Tenure:
    """The tenure of an institution as declared (``term``, ``limit``, ``term life``, exemptions)."""
    data = G.nodes[node]
    return Tenure(
        institution=node,
        term_years=data.get("term_years"),
        term_limit=data.get("term_limit"),
        consecutive=bool(data.get("term_limit_consecutive")),
        life=bool(data.get("term_life")),
        exempt=tuple(data.get("exempt_from_limit") or ()),
    )
