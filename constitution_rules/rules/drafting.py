"""CB3xx: drafting lints: declarations and clauses that are probably mistakes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from constitution_rules.findings import Finding
from constitution_rules.model import PowerClause
from constitution_rules.rules import queries as q
from constitution_rules.rules.registry import Rule, RuleContext, rule

HEADER = 'constitution "Example"\n'


@rule(
    "CB301",
    "institution-without-powers",
    severity="info",
    category="drafting",
    summary="A declared institution neither holds nor is subject to any power.",
    what_it_flags=(
        "An institution that no clause names: it is not an actor, not a target, and not a body whose "
        "consent, proposal, consultation, override or review a clause requires."
    ),
    why_it_matters=(
        "A declaration with no clauses usually means powers that were meant to be written were left out, "
        "and the checker cannot see them: every rule and metric reads only the clauses. Comparative coding "
        "projects record the institutions a text creates together with their powers (Elkins, Ginsburg & "
        "Melton 2009), and so should a specification."
    ),
    references=("Elkins, Ginsburg & Melton, The Endurance of National Constitutions (2009)",),
    failing_example=HEADER
    + """institution Parliament: legislature
institution Ombudsman: ombudsman
article 1 {
  Parliament adopts laws.
}
""",
    passing_example=HEADER
    + """institution Parliament: legislature
institution Ombudsman: ombudsman
article 1 {
  Parliament adopts laws.
  Parliament elects Ombudsman.
}
""",
    how_to_fix="Write the institution's powers and how it is selected, or remove the declaration.",
)
def institution_without_powers(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    index = q.index_of(ctx)
    for institution in ctx.constitution.institutions:
        if institution.id in index.involved:
            continue
        yield rule.finding(
            f"{institution.label} is declared but holds no power and no clause concerns it",
            [institution.id],
            location=institution.location,
        )


def _meaning(clause: PowerClause) -> tuple[Any, ...]:
    conditions = sorted(c.model_dump_json(exclude={"location"}) for c in clause.conditions)
    share = clause.share.model_dump_json() if clause.share else ""
    return (clause.actor, clause.verb, share, clause.target, tuple(conditions))


@rule(
    "CB302",
    "duplicate-clause",
    severity="info",
    category="drafting",
    summary="The same clause is written more than once.",
    what_it_flags="Two or more clauses with the same actor, verb, share, target and conditions (in any order).",
    why_it_matters=(
        "A repeated power is counted twice by the balance metrics, and when an amendment changes one copy "
        "the other silently keeps the old rule. Constitutions do repeat powers in several articles; write "
        "the power once, under the article that grants it, and cite the others in a comment."
    ),
    references=("Elkins, Ginsburg & Melton, The Endurance of National Constitutions (2009)",),
    failing_example=HEADER
    + """institution President: executive
article 1 {
  President issues decrees.
}
article 2 {
  President issues decrees.
}
""",
    passing_example=HEADER
    + """institution President: executive
article 1 {
  President issues decrees.
}
""",
    how_to_fix="Keep one copy and mention the other article in a comment.",
)
def duplicate_clause(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    groups: dict[tuple[Any, ...], list[PowerClause]] = {}
    for clause in q.index_of(ctx).clauses:
        groups.setdefault(_meaning(clause), []).append(clause)
    for clauses in groups.values():
        if len(clauses) < 2:
            continue
        first = clauses[0]
        citations = ", ".join(c.citation for c in clauses)
        yield rule.finding(
            f"the clause '{q.label(ctx.constitution, first.actor)} {first.verb} {first.target}' is written "
            f"{len(clauses)} times ({citations})",
            sorted({first.actor, first.target} if first.target_type == "institution" else {first.actor}),
            clauses,
            location=clauses[1].location,
        )


@rule(
    "CB303",
    "contradictory-removal",
    severity="info",
    category="drafting",
    summary="The same removal is written both at will and for cause.",
    what_it_flags=(
        "Removal clauses with the same actor, verb, target and share of which one says `at will` and another "
        "says `for cause`, or one clause that says both."
    ),
    why_it_matters=(
        "Whether an office-holder can be removed without grounds decides whether the office is independent "
        "(see CB103); a text that says both leaves the answer to whoever reads it, and the checker cannot "
        "tell which was meant."
    ),
    references=("Hamilton, The Federalist No. 78 (1788)",),
    failing_example=HEADER
    + """institution President: executive
institution Governor: central-bank
article 1 {
  President dismisses Governor at will.
}
article 2 {
  President dismisses Governor for cause "incapacity".
}
""",
    passing_example=HEADER
    + """institution President: executive
institution Governor: central-bank
article 1 {
  President dismisses Governor for cause "incapacity".
}
""",
    how_to_fix="Decide which rule the text states; if removal is for cause, drop `at will`.",
)
def contradictory_removal(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    groups: dict[tuple[str, str, str, str], list[PowerClause]] = {}
    for clause in q.index_of(ctx).clauses:
        if clause.verb in q.REMOVAL_VERBS and clause.target_type == "institution":
            share = clause.share.model_dump_json() if clause.share else ""
            groups.setdefault((clause.actor, clause.verb, clause.target, share), []).append(clause)
    for (actor, verb, target, _share), clauses in sorted(groups.items()):
        at_will = [c for c in clauses if c.has("at_will")]
        for_cause = [c for c in clauses if c.has("for_cause")]
        if not at_will or not for_cause:
            continue
        yield rule.finding(
            f"{q.label(ctx.constitution, actor)} {verb} {q.label(ctx.constitution, target)} both at will and "
            f"for cause ({', '.join(sorted({c.citation for c in [*at_will, *for_cause]}))})",
            [actor, target],
            [*at_will, *for_cause],
        )
