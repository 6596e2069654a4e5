"""Reading the power graph: its powers (clause edges), their conditions, and institutions' kinds.

A *power* is a non-derived edge ``(actor, target, data)`` of the graph built by
:func:`~constitution_rules.graph.build_graph`; ``data`` holds the clause's verb, category, share and
conditions (as plain dicts, e.g. ``{"type": "consent", "institution": "Senate", ...}``). The
derived edges (who consents, proposes, overrides or reviews) are not powers of their own.

>>> from constitution_rules.language.parser import parse_text
>>> from constitution_rules.graph import build_graph
>>> G = build_graph(parse_text('''constitution "X"
... institution President: executive
... institution Senate: legislature
... institution Court: judiciary
... article 1 {
...   President appoints Court with consent of Senate.
...   President dismisses Court at will.
... }
... '''))
>>> [(u, v, d["verb"]) for u, v, d in powers(G)]
[('President', 'Court', 'appoints'), ('President', 'Court', 'dismisses')]
>>> [say_so_holders(d) for _, _, d in powers(G)]
[['Senate'], []]
>>> [discretion(d) for _, _, d in powers(G)]
['constrained', 'at will']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from fractions import Fraction
from typing import Any, Literal

import networkx as nx

from constitution_rules.vocabulary import DISCRETIONARY_REMOVAL_VERBS, EXECUTIVE_KINDS

INSTRUMENT_PREFIX = "instrument:"

Power = Mapping[str, Any]
Edge = tuple[str, str, Power]
Discretion = Literal["at will", "after mere consultation", "unconditionally", "constrained"]

#: A ``when`` circumstance that only excludes periods ("not during a state of emergency") leaves the
#: power discretionary; any other circumstance is a trigger that limits it.
_EXCLUSION_ONLY = re.compile(r"^\s*(not|except|unless|no|never|other than)\b", re.IGNORECASE)


def powers(G: nx.MultiDiGraph, actor: str | None = None, target: str | None = None) -> Iterator[Edge]:
    """The power edges of ``G`` (of one actor, or over one target node), in insertion order."""
    if actor is not None:
        edges = G.out_edges(actor, data=True) if actor in G else ()
    elif target is not None:
        edges = G.in_edges(target, data=True) if target in G else ()
    else:
        edges = G.edges(data=True)
    for u, v, data in edges:
        if not data.get("derived"):
            yield u, v, data


def instrument_node(name: str) -> str:
    """The node of an instrument (``laws`` -> ``instrument:laws``)."""
    return INSTRUMENT_PREFIX + name


def instrument_of(node: str) -> str | None:
    """The instrument a node stands for, or None for an institution."""
    return node[len(INSTRUMENT_PREFIX) :] if node.startswith(INSTRUMENT_PREFIX) else None


def target_name(node: str) -> str:
    """What a clause names as its target: the institution id or the instrument."""
    return instrument_of(node) or node


def institutions(G: nx.MultiDiGraph) -> list[str]:
    """Institution nodes in declaration order."""
    return [n for n, d in G.nodes(data=True) if d.get("node_type") == "institution"]


def kinds(G: nx.MultiDiGraph, node: str) -> frozenset[str]:
    if node not in G:
        return frozenset()
    return frozenset(G.nodes[node].get("kinds") or ())


def is_institution(G: nx.MultiDiGraph, node: str) -> bool:
    return node in G and G.nodes[node].get("node_type") == "institution"


def is_electorate(G: nx.MultiDiGraph, node: str) -> bool:
    return "electorate" in kinds(G, node)


def is_legislature(G: nx.MultiDiGraph, node: str) -> bool:
    return "legislature" in kinds(G, node)


def is_national_legislature(G: nx.MultiDiGraph, node: str) -> bool:
    found = kinds(G, node)
    return "legislature" in found and "local" not in found


def is_executive(G: nx.MultiDiGraph, node: str) -> bool:
    return bool(kinds(G, node) & EXECUTIVE_KINDS)


def conditions(power: Power, kind: str) -> list[dict[str, Any]]:
    """The power's conditions of one type (``consent``, ``override``, ``when``, ...)."""
    return [c for c in power.get("conditions") or () if c.get("type") == kind]


def has(power: Power, kind: str) -> bool:
    return any(c.get("type") == kind for c in power.get("conditions") or ())


def condition_holders(condition: Mapping[str, Any]) -> tuple[str, ...]:
    """Every institution a condition names (several with ``X and Y`` / ``X or Y``)."""
    named = condition.get("institutions")
    if named:
        return tuple(named)
    one = condition.get("institution")
    return (one,) if one else ()


def say_so_holders(power: Power, roles: Iterable[str] = ("consent", "proposal")) -> list[str]:
    """Institutions whose agreement or proposal the power needs (or that the given roles name), in order."""
    wanted = set(roles)
    found: list[str] = []
    for condition in power.get("conditions") or ():
        if condition.get("type") not in wanted:
            continue
        for holder in condition_holders(condition):
            if holder not in found:
                found.append(holder)
    return found


def joint_actors(actor: str, power: Power) -> tuple[str, ...]:
    """Everyone who must act together for the power (the actor alone, or all joint actors)."""
    joint = tuple(power.get("joint_actors") or ())
    return joint if joint else (actor,)


def effective_holders(actor: str, power: Power) -> tuple[str, ...]:
    """Whose decision the act is. A formal act, or one made on a binding proposal (or on advice),
    is the proposer's: the actor cannot refuse it. Otherwise the actor's (all joint actors')."""
    binding = [
        h
        for c in power.get("conditions") or ()
        if c.get("type") == "proposal" and (c.get("binding") or power.get("modality") == "formal")
        for h in condition_holders(c)
    ]
    return tuple(dict.fromkeys(binding)) if binding else joint_actors(actor, power)


def majority_fraction(majority: Mapping[str, Any] | None, default: Fraction = Fraction(1, 2)) -> Fraction:
    """The share of votes a majority dict asks for (a plain majority when none is stated)."""
    if not majority:
        return default
    return Fraction(int(majority["numerator"]), int(majority["denominator"]))


def is_trigger(circumstance: str) -> bool:
    return not _EXCLUSION_ONLY.match(circumstance)


def is_contingent(power: Power) -> bool:
    """The power applies only in a stated triggering circumstance (``when`` other than an
    exclusion, or a typed trigger ``after EVENT``)."""
    return any(is_trigger(c.get("circumstance", "")) for c in conditions(power, "when")) or has(power, "trigger")


def discretion(power: Power) -> Discretion:
    """How freely the actor may use a power.

    ``constrained``: grounds are required (``for cause``), another institution must agree, propose,
    or can set the act aside or review it, or a triggering circumstance is required; impeachment is
    always for cause, and a duty is no discretion. Otherwise ``at will`` when the text says so,
    ``after mere consultation`` when the only conditions are consultations (and vote thresholds),
    ``unconditionally`` when it states no condition at all.
    """
    if has(power, "at_will"):
        return "at will"
    if power.get("verb") == "impeaches" or power.get("modality") == "duty" or power.get("joint_actors"):
        return "constrained"
    for condition in power.get("conditions") or ():
        kind = condition.get("type")
        if kind in ("for_cause", "consent", "proposal", "override", "review", "trigger"):
            return "constrained"
        if kind == "when" and is_trigger(condition.get("circumstance", "")):
            return "constrained"
    if has(power, "consultation"):
        return "after mere consultation"
    return "unconditionally"


def describe_discretion(power: Power) -> str:
    how = discretion(power)
    return "with no grounds or procedure stated" if how == "unconditionally" else how


def removes_at_will(actor: str, target: str, power: Power) -> bool:
    """The power lets ``actor`` take ``target``'s holders out of office without grounds or anyone's say."""
    return (
        instrument_of(target) is None
        and power.get("verb") in DISCRETIONARY_REMOVAL_VERBS
        and discretion(power) != "constrained"
        and actor != target
    )


def seats_of(G: nx.MultiDiGraph, target: str, power: Power) -> int | None:
    """Size of the body a share refers to: the share's total, else the body's declared seats."""
    share = power.get("share")
    if share and share.get("of"):
        return int(share["of"])
    seats = G.nodes[target].get("seats") if target in G else None
    return int(seats) if seats else None


def share_fraction(G: nx.MultiDiGraph, target: str, power: Power, unsized_chair: Fraction = Fraction(0)) -> Fraction:
    """The part of the target body a power concerns: 1 for the whole body, seats/of for a seat
    share, one seat for the chair of a sized body, ``unsized_chair`` for the chair of a body of
    unknown size."""
    share = power.get("share")
    if not share:
        return Fraction(1)
    total = seats_of(G, target, power)
    if share.get("kind") == "chair":
        return Fraction(1, total) if total else unsized_chair
    if share.get("fraction"):
        numerator, denominator = share["fraction"]
        return Fraction(int(numerator), int(denominator))
    seats = share.get("seats")
    if seats is None or not total:
        return Fraction(1)
    return Fraction(min(int(seats), total), total)


def scope(power: Power) -> str:
    """``whole``, ``chair`` or ``seats``: what part of a body a selection or removal concerns."""
    share = power.get("share")
    if not share:
        return "whole"
    return "chair" if share.get("kind") == "chair" else "seats"
