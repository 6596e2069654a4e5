"""Balance metrics of a constitution: who holds how much power, how concentrated it is, who answers
to whom, who controls whom, and who must agree to make law or change the constitution.

The definitions, their reasoning and references are in docs/metrics.md. ``compute_metrics`` is the
one entry point; the rules, the ``check`` json output, the diff and history features all use it.
Output is deterministic: institutions sorted by id, lists sorted, floats rounded to ``PRECISION``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from constitution_rules.display import text_lines
from constitution_rules.model import Constitution, PowerClause
from constitution_rules.rules.queries import (
    REMOVAL_VERBS,
    Closure,
    Index,
    any_independent_of,
    control_closure,
    dependence_closure,
    is_independent_of,
    is_trigger,
    say_so_holders,
    share_fraction,
)
from constitution_rules.vocabulary import CATEGORIES

if TYPE_CHECKING:
    import networkx as nx

METRICS_VERSION = "1"
PRECISION = 4

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

#: Verbs by which one institution can remove, review, audit or censure another (oversight coverage).
COVERAGE_VERBS = frozenset(REMOVAL_VERBS | {"reviews", "annuls", "audits", "censures"})

#: Lawmaking steps: the final adoption of an act, and the second-stage approvals and vetoes on it.
ADOPTION_VERBS = {"laws": ("adopts",), "constitution": ("adopts", "amends", "ratifies")}
GATE_VERBS = ("approves", "vetoes")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class InstitutionShare(_Model):
    institution: str
    label: str
    weight: float = Field(description="weighted powers held")
    share: float = Field(description="weight / weight of all institutions' powers")
    by_category: dict[str, float] = Field(description="weighted powers per category (non-zero only)")


class ControlReach(_Model):
    institution: str
    label: str
    reach: float = Field(description="fraction of the other institutions it controls through at-will removal chains")
    controls: list[str]


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
    conditional: list[ConditionalVeto] = Field(description="vetoes that a qualified majority can override")


class Metrics(_Model):
    version: str = METRICS_VERSION
    constitution: str
    weights: dict[str, float]
    shares: list[InstitutionShare]
    hhi: float = Field(description="Herfindahl-Hirschman index of the shares, 0..1")
    effective_number: float = Field(description="1 / hhi: the effective number of power-holding institutions")
    oversight_coverage: float
    overseen: list[str]
    unoverseen: list[str]
    control_reach: list[ControlReach]
    lawmaking_veto_players: VetoPlayers
    amendment_veto_players: VetoPlayers

    def share_of(self, institution: str) -> float:
        return next((s.share for s in self.shares if s.institution == institution), 0.0)


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


def _round(value: float | Fraction) -> float:
    return round(float(value), PRECISION)


def power_weights(index: Index, weights: Mapping[str, float]) -> dict[str, dict[str, Fraction]]:
    """institution -> category -> weighted powers held.

    A clause is worth its category's weight times the part of the body it concerns (a seat share;
    the chair of a body of unknown size counts half);
    when the clause needs another institution's consent or proposal, the worth is split equally
    between the actor and those institutions, since each of them can stop it. The electorate is left
    out: it is the principal whose powers the institutions exercise, not one of them.
    """
    # Clauses of the same holder, category, part of the body and number of holders are worth the
    # same: they are counted first and multiplied out once (exact, and far fewer Fraction operations).
    counts: Counter[tuple[str, str, Fraction, int]] = Counter()
    whole = Fraction(1)
    for clause in index.clauses:
        part = (
            share_fraction(index.constitution, clause, UNSIZED_CHAIR) if clause.target_type == "institution" else whole
        )
        holders = [clause.actor, *[h for h in say_so_holders(clause) if h != clause.actor]]
        for holder in holders:
            if not index.is_electorate(holder):
                counts[(holder, clause.category, part, len(holders))] += 1
    worth = {category: Fraction(weights[category]).limit_denominator(10**6) for category in {k[1] for k in counts}}
    held: dict[str, dict[str, Fraction]] = defaultdict(lambda: defaultdict(Fraction))
    for (holder, category, part, sharing), count in counts.items():
        held[holder][category] += worth[category] * part * count / sharing
    return held


def _shares(index: Index, weights: Mapping[str, float]) -> tuple[list[InstitutionShare], Fraction]:
    held = power_weights(index, weights)
    total = sum((sum(cats.values(), Fraction(0)) for cats in held.values()), Fraction(0))
    shares: list[InstitutionShare] = []
    hhi = Fraction(0)
    for identifier in sorted(held):
        weight = sum(held[identifier].values(), Fraction(0))
        share = weight / total if total else Fraction(0)
        hhi += share * share
        shares.append(
            InstitutionShare(
                institution=identifier,
                label=index.constitution.institution(identifier).label,  # type: ignore[union-attr]
                weight=_round(weight),
                share=_round(share),
                by_category={c: _round(v) for c, v in sorted(held[identifier].items()) if v},
            )
        )
    return shares, hhi


#: Verbs whose actor is the author of an instrument: reviewing or auditing the instrument oversees them.
AUTHOR_VERBS = frozenset({"adopts", "issues", "executes", "amends"})


def acts_by_author(index: Index) -> dict[str, list[str]]:
    """instrument -> institutions that make it (adopt laws, issue decrees, execute the budget)."""
    authors: dict[str, set[str]] = defaultdict(set)
    for clause in index.clauses:
        if clause.target_type == "instrument" and clause.verb in AUTHOR_VERBS:
            authors[clause.target].add(clause.actor)
    return {instrument: sorted(actors) for instrument, actors in authors.items()}


def overseen_holders(index: Index, closure: Closure) -> dict[str, bool]:
    """power holder -> whether some institution independent of it can remove, review, audit or
    censure it, or review or audit an instrument it makes.

    The reviewers of an instrument are gathered once and asked "is any of you independent" per
    author (see :func:`any_independent_of`), rather than copied into every author's overseers:
    with many law-makers and many reviewers of laws that copy was quadratic."""
    made_by: dict[str, list[str]] = defaultdict(list)
    for instrument, actors in acts_by_author(index).items():
        for author in actors:
            made_by[author].append(instrument)
    overseers: dict[str, set[str]] = defaultdict(set)
    reviewers: dict[str, dict[str, None]] = defaultdict(dict)
    for clause in index.clauses:
        if clause.verb in COVERAGE_VERBS and clause.target_type == "institution":
            overseers[clause.target].add(clause.actor)
        elif clause.verb in ("audits", "reviews") and clause.target_type == "instrument":
            reviewers[clause.target][clause.actor] = None
        for holder in say_so_holders(clause, ("review",)):
            overseers[clause.actor].add(holder)
    ordered = {instrument: list(actors) for instrument, actors in reviewers.items()}
    result: dict[str, bool] = {}
    for holder in index.power_holders():
        result[holder] = any(is_independent_of(closure, o, holder) for o in overseers.get(holder, ())) or any(
            any_independent_of(closure, ordered.get(instrument, []), holder) for instrument in made_by.get(holder, ())
        )
    return result


def _control_reach(index: Index, closure: Mapping[str, Mapping[str, list[PowerClause]]]) -> list[ControlReach]:
    others = [i.id for i in index.institutions if not index.is_electorate(i.id)]
    counted = set(others)
    reaches: list[ControlReach] = []
    for identifier in sorted(others):
        controlled = sorted(t for t in closure.get(identifier, {}) if t in counted)
        denominator = len(others) - 1
        reaches.append(
            ControlReach(
                institution=identifier,
                label=index.constitution.institution(identifier).label,  # type: ignore[union-attr]
                reach=_round(Fraction(len(controlled), denominator) if denominator > 0 else 0),
                controls=controlled,
            )
        )
    return reaches


def veto_players(index: Index, instrument: str) -> VetoPlayers:
    """Who must agree to adopt ``instrument`` (``laws`` or ``constitution``), following Tsebelis.

    Each clause that adopts the act with final effect is a route (a contingent one when a `when`
    trigger limits it, except on a referendum route, where `when` names the subject); a route needs its actor, every
    institution whose consent or proposal the clause names, the only initiator when just one
    institution may initiate, and, on a referendum route (the electorate adopts), the only
    institution that may call a referendum. Approvals and vetoes on the act that no one can override
    join every route; those a qualified majority can override are conditional veto players.
    Institutions every ordinary route needs are the veto players (every contingent route's, when there
    is no ordinary route).
    """
    clauses = index.constitution.clauses
    on_act = [c for c in clauses if c.target == instrument]
    initiators = sorted({c.actor for c in on_act if c.verb == "initiates"})
    callers = sorted({c.actor for c in clauses if c.verb == "calls" and c.target == "referendum"})
    gates: list[str] = []
    conditional: list[ConditionalVeto] = []
    for clause in on_act:
        if clause.verb not in GATE_VERBS:
            continue
        overrides = clause.conditions_of("override")
        if not overrides:
            if clause.actor not in gates:
                gates.append(clause.actor)
            continue
        majority = overrides[0].majority
        if majority is not None and majority.fraction > Fraction(1, 2):
            conditional.append(
                ConditionalVeto(
                    institution=clause.actor,
                    overridable_by=sorted({o.institution for o in overrides}),
                    majority=majority.describe(),
                )
            )
    routes: list[list[str]] = []
    contingent: list[list[str]] = []
    for clause in on_act:
        if clause.verb not in ADOPTION_VERBS.get(instrument, ("adopts",)):
            continue
        members = [clause.actor, *say_so_holders(clause)]
        if len(initiators) == 1:
            members.append(initiators[0])
        if index.is_electorate(clause.actor) and len(callers) == 1:
            members.append(callers[0])
        members.extend(gates)
        route = sorted(set(members))
        triggered = any(is_trigger(w.circumstance) for w in clause.conditions_of("when"))
        bucket = contingent if triggered and not index.is_electorate(clause.actor) else routes
        if route not in bucket:
            bucket.append(route)
    routes.sort()
    contingent.sort()
    basis = routes or contingent
    required = sorted(set.intersection(*(set(r) for r in basis))) if basis else []
    return VetoPlayers(
        instrument=instrument,
        routes=routes,
        contingent_routes=contingent,
        required=required,
        conditional=sorted(conditional, key=lambda v: (v.institution, v.overridable_by)),
    )


def compute_metrics(
    constitution: Constitution,
    graph: nx.MultiDiGraph | None = None,
    config: Mapping[str, Any] | None = None,
    *,
    index: Index | None = None,
) -> Metrics:
    """Every balance metric of ``constitution`` (``graph`` is accepted for symmetry with the rules;
    the metrics read the clauses directly). ``config`` may set ``weights`` (category -> weight).
    ``index`` is the constitution's clause index when the caller already has one; by default the
    one kept with the model, so the rules (CB101, CB102) and the json report share one computation."""
    if index is None or index.constitution is not constitution:
        index = Index.for_model(constitution)
    weights = weights_from(config)
    # Metrics are frozen models: one result per weighting is safely shared.
    return index.memo(("metrics", tuple(sorted(weights.items()))), lambda: _compute(constitution, index, weights))


def _compute(constitution: Constitution, index: Index, weights: dict[str, float]) -> Metrics:
    closure = control_closure(index)
    shares, hhi = _shares(index, weights)
    reach = overseen_holders(index, dependence_closure(index))
    overseen = sorted(h for h, answers in reach.items() if answers)
    unoverseen = sorted(h for h, answers in reach.items() if not answers)
    coverage = Fraction(len(overseen), len(reach)) if reach else Fraction(1)
    return Metrics(
        constitution=constitution.name,
        weights={c: weights[c] for c in sorted(weights)},
        shares=shares,
        hhi=_round(hhi),
        effective_number=_round(1 / hhi) if hhi else 0.0,
        oversight_coverage=_round(coverage),
        overseen=overseen,
        unoverseen=unoverseen,
        control_reach=_control_reach(index, closure),
        lawmaking_veto_players=veto_players(index, "laws"),
        amendment_veto_players=veto_players(index, "constitution"),
    )


def render_text(metrics: Metrics) -> str:
    """The metrics as an aligned plain-text report."""
    lines = [f"Balance metrics: {metrics.constitution}", ""]
    lines.append("Share of weighted powers")
    for entry in sorted(metrics.shares, key=lambda s: (-s.share, s.institution)):
        categories = ", ".join(f"{c} {w:g}" for c, w in entry.by_category.items())
        lines.append(f"  {entry.share * 100:6.2f}%  {entry.label}  ({categories})")
    lines.append("")
    lines.append(f"Herfindahl-Hirschman index  {metrics.hhi:.4f}  (effective number {metrics.effective_number:.2f})")
    lines.append(
        f"Oversight coverage          {metrics.oversight_coverage:.4f}  "
        f"({len(metrics.overseen)} of {len(metrics.overseen) + len(metrics.unoverseen)} power holders)"
    )
    if metrics.unoverseen:
        lines.append(f"  not overseen: {', '.join(metrics.unoverseen)}")
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
        for veto in players.conditional:
            by = ", ".join(veto.overridable_by) or "no one"
            lines.append(f"  conditional: {veto.institution} (overridable by {by} by {veto.majority})")
        for number, route in enumerate(players.routes, 1):
            lines.append(f"  route {number}: {', '.join(route)}")
        for route in players.contingent_routes:
            lines.append(f"  contingent route: {', '.join(route)}")
    return text_lines(lines)
