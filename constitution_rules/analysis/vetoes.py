"""Veto players of lawmaking and constitutional amendment (Tsebelis, Veto Players, 2002).

The veto players of an act are the institutions whose agreement it needs:

- a **route** is a power that adopts the act with final effect (``adopts laws``; ``adopts``,
  ``amends`` or ``ratifies constitution``). It needs its actor (every joint actor), every
  institution whose consent or proposal it names (all of them with ``and``; with ``or`` none of
  them alone), the only initiator when exactly one institution ``initiates`` the act (or one does
  so ``exclusively``), on a referendum route the only institution that ``calls referendum``, and
  every ``approves`` or ``vetoes`` on the act that no one can override;
- a route limited by a triggering ``when`` (or ``after`` an event) is **contingent**, listed
  apart; on a referendum route ``when`` names the subject;
- **required** veto players are those every ordinary route needs (every contingent route's when
  there is no ordinary route);
- a veto or approval that can be overridden is a **conditional** veto player when the override
  needs more than a simple majority: with two-thirds to override, a third of the assembly and
  the veto holder together can block a law, so raising an override from a majority to two-thirds
  changes who can block laws. :func:`vetoes` lists every veto with its override.

>>> from constitution_rules.language.parser import parse_text
>>> from constitution_rules.graph import build_graph
>>> G = build_graph(parse_text('''constitution "X"
... institution President: executive
... institution House: legislature
... institution Senate: legislature
... article 1 {
...   House adopts laws with consent of Senate.
...   President vetoes laws, overridable by House by two-thirds.
... }
... '''))
>>> players = veto_players(G, "laws")
>>> players.required, [(c.institution, c.majority) for c in players.conditional]
(['House', 'Senate'], [('President', 'two-thirds')])
>>> [(v.institution, v.overridable_by, v.majority) for v in vetoes(G, "laws")]
[('President', ['House'], 'two-thirds')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import networkx as nx

from constitution_rules.analysis.powers import (
    condition_holders,
    conditions,
    instrument_node,
    is_electorate,
    is_trigger,
    joint_actors,
    majority_fraction,
    powers,
)

#: Verbs that adopt an act with final effect.
ADOPTION_VERBS: dict[str, tuple[str, ...]] = {"laws": ("adopts",), "constitution": ("adopts", "amends", "ratifies")}
#: Verbs by which an institution can stop an adopted act.
GATE_VERBS = ("approves", "vetoes")


def describe_majority(majority: dict[str, Any] | None) -> str | None:
    """``two-thirds``, ``majority of members``, ``3/5``...: how a majority dict reads."""
    if not majority:
        return None
    names = {
        Fraction(1, 2): "majority",
        Fraction(3, 5): "three-fifths",
        Fraction(2, 3): "two-thirds",
        Fraction(3, 4): "three-quarters",
        Fraction(4, 5): "four-fifths",
    }
    fraction = majority_fraction(majority)
    word = names.get(fraction, f"{fraction.numerator}/{fraction.denominator}")
    basis = majority.get("basis", "votes")
    return f"{word} of members" if basis == "members" else f"{word} of members present" if basis == "present" else word


@dataclass(frozen=True)
class Veto:
    """A veto or approval over an act, and what it takes to override it (nothing: absolute)."""

    institution: str
    verb: str
    overridable_by: list[str]
    majority: str | None
    fraction: Fraction | None  # the override majority; None when it cannot be overridden
    clause_id: str

    @property
    def blocks(self) -> bool:
        """Whether its holder can block the act: no override, or only by more than a majority."""
        return self.fraction is None or self.fraction > Fraction(1, 2)


@dataclass(frozen=True)
class VetoPlayers:
    instrument: str
    routes: list[list[str]]
    contingent_routes: list[list[str]]
    required: list[str]
    conditional: list[Veto] = field(default_factory=list)


def vetoes(G: nx.MultiDiGraph, instrument: str) -> list[Veto]:
    """Every ``vetoes``/``approves`` power over ``instrument``, with its easiest override, sorted."""
    found: list[Veto] = []
    for u, _v, data in powers(G, target=instrument_node(instrument)):
        if data["verb"] not in GATE_VERBS:
            continue
        overrides = conditions(data, "override")
        if not overrides:
            found.append(Veto(u, data["verb"], [], None, None, data["clause_id"]))
            continue
        easiest = min(overrides, key=lambda o: majority_fraction(o.get("majority")))
        by = sorted({h for o in overrides for h in condition_holders(o)})
        found.append(
            Veto(
                u,
                data["verb"],
                by,
                describe_majority(easiest.get("majority")) or "majority",
                majority_fraction(easiest.get("majority")),
                data["clause_id"],
            )
        )
    return sorted(found, key=lambda v: (v.institution, v.verb, v.overridable_by, v.clause_id))


def veto_players(G: nx.MultiDiGraph, instrument: str) -> VetoPlayers:
    """Who must agree to adopt ``instrument`` (``laws`` or ``constitution``); see the module doc."""
    on_act = list(powers(G, target=instrument_node(instrument)))
    initiating = [(u, d) for u, _v, d in on_act if d["verb"] == "initiates"]
    exclusive = sorted({u for u, d in initiating if d.get("exclusive")})
    initiators = exclusive or sorted({a for u, d in initiating for a in joint_actors(u, d)})
    callers = sorted({u for u, _v, _d in powers(G, target=instrument_node("referendum")) if _d["verb"] == "calls"})
    all_vetoes = vetoes(G, instrument)
    gates = sorted({v.institution for v in all_vetoes if v.fraction is None})
    conditional = [v for v in all_vetoes if v.fraction is not None and v.blocks]
    routes: list[list[str]] = []
    contingent: list[list[str]] = []
    for u, _v, data in on_act:
        if data["verb"] not in ADOPTION_VERBS.get(instrument, ("adopts",)):
            continue
        members = list(joint_actors(u, data))
        for condition in data.get("conditions") or ():
            if condition.get("type") in ("consent", "proposal") and condition.get("combine", "all") == "all":
                members.extend(condition_holders(condition))
        if len(initiators) == 1:
            members.append(initiators[0])
        if is_electorate(G, u) and len(callers) == 1:
            members.append(callers[0])
        members.extend(gates)
        route = sorted(set(members))
        triggered = any(is_trigger(w.get("circumstance", "")) for w in conditions(data, "when")) or bool(
            conditions(data, "trigger")
        )
        bucket = contingent if triggered and not is_electorate(G, u) else routes
        if route not in bucket:
            bucket.append(route)
    routes.sort()
    contingent.sort()
    basis = routes or contingent
    required = sorted(set.intersection(*(set(r) for r in basis))) if basis else []
    return VetoPlayers(instrument, routes, contingent, required, conditional)
