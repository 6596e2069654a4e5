"""Tiny synthetic rules for the engine and report tests, loaded as a third-party plugin.

They are deliberately simple so that tests can state their exact findings; they do not depend on
the real catalogue, which is tested on its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from constitution_rules.findings import Finding
from constitution_rules.rules.registry import Rule, RuleContext, rule

_COMMON = {
    "references": ("Synthetic rule for tests.",),
    "how_to_fix": "Change the clause.",
}


@rule(
    "TS101",
    "at-will-removal",
    severity="error",
    category="test",
    summary="An institution removes another at will.",
    what_it_flags="Every `dismisses ... at will` clause.",
    why_it_matters="Removal at will makes the removed body dependent.",
    failing_example="President dismisses Court at will.",
    passing_example="President dismisses Court for cause.",
    **_COMMON,
)
def at_will_removal(self: Rule, context: RuleContext) -> Iterator[Finding]:
    for clause in context.constitution.clauses:
        if clause.verb == "dismisses" and clause.has("at_will"):
            independent = " (an independent body)" if context.is_independent_body(clause.target) else ""
            yield self.finding(
                f"{clause.actor} dismisses {clause.target}{independent} at will",
                institutions=(clause.actor, clause.target),
                clauses=(clause,),
            )


@rule(
    "TS102",
    "powerless-institution",
    severity="info",
    category="test",
    summary="A declared institution holds no power.",
    what_it_flags="Institutions that act in no clause.",
    why_it_matters="Probably a drafting slip.",
    failing_example="institution Council: advisory",
    passing_example="institution Council: advisory\narticle 1 { Council questions President. }",
    **_COMMON,
)
def powerless(self: Rule, context: RuleContext) -> Iterator[Finding]:
    actors = {c.actor for c in context.constitution.clauses}
    for institution in context.constitution.institutions:
        if institution.id not in actors:
            yield self.finding(
                f"{institution.id} holds no power", institutions=(institution.id,), location=institution.location
            )


@rule(
    "TS201",
    "many-powers",
    severity="warning",
    category="test",
    summary="An institution holds more than `limit` powers.",
    what_it_flags="Institutions acting in more than `limit` clauses.",
    why_it_matters="Concentration.",
    failing_example="(many clauses)",
    passing_example="(few clauses)",
    parameters={"limit": 2},
    **_COMMON,
)
def many_powers(self: Rule, context: RuleContext) -> Iterator[Finding]:
    limit = context.setting(self, "limit")
    by_actor: dict[str, list] = {}
    for clause in context.constitution.clauses:
        by_actor.setdefault(clause.actor, []).append(clause)
    for actor, clauses in sorted(by_actor.items()):
        if len(clauses) > limit:
            yield self.finding(f"{actor} holds {len(clauses)} powers (limit {limit})", (actor,), clauses)
