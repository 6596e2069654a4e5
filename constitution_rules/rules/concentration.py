"""CB1xx: concentration of authority in one institution."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from constitution_rules.findings import Finding
from constitution_rules.model import PowerClause
from constitution_rules.rules import queries as q
from constitution_rules.rules.registry import Rule, RuleContext, rule
from constitution_rules.vocabulary import LAWMAKING_DECREES

HEADER = 'constitution "Example"\n'


def _percent(value: float | Fraction) -> str:
    return f"{float(value) * 100:.1f}".rstrip("0").rstrip(".") + "%"


@rule(
    "CB101",
    "outsize-power-share",
    severity="warning",
    category="concentration",
    summary="One institution holds an outsize share of all weighted powers.",
    what_it_flags=(
        "An institution whose share of all powers, each weighted by its category (docs/metrics.md), "
        "exceeds `max_share`."
    ),
    why_it_matters=(
        "Madison's test of tyranny is the accumulation of all powers in the same hands (Federalist 47); "
        "the more of the constitution's powers one office holds, the fewer the occasions on which any "
        "other body's agreement is needed. Comparative work on presidential powers measures the same "
        "thing by scoring and summing an office's powers (Shugart & Carey 1992)."
    ),
    references=(
        "Madison, The Federalist No. 47 (1788)",
        "Shugart & Carey, Presidents and Assemblies (1992), ch. 8",
    ),
    failing_example=HEADER
    + """institution People: electorate
institution President: executive
institution Parliament: legislature
article 1 {
  People elects President.
  People elects Parliament.
  President issues decrees.
  President dissolves Parliament.
  President declares emergency.
  President vetoes laws.
  Parliament adopts laws.
}
""",
    passing_example=HEADER
    + """institution People: electorate
institution President: executive
institution Government: cabinet
institution Parliament: legislature
institution Court: judiciary
institution Audit: audit
article 1 {
  People elects President.
  People elects Parliament.
  Parliament adopts laws.
  President vetoes laws, overridable by Parliament by majority of members.
  President appoints Government with consent of Parliament.
  Government executes budget.
  Court reviews laws.
  Audit audits budget.
}
""",
    how_to_fix=(
        "Move powers to other institutions or make their exercise need another body's consent "
        "(`with consent of ...`), which splits the power's weight between them."
    ),
    parameters={"max_share": 0.4},
    complexity="none: retired",
    retired=(
        "It counted every power alike, oversight included, and each chamber of one legislature apart, so "
        "it fired on parliamentary democracies (a unicameral parliament that questions and dismisses its "
        "government held an 'outsize share') and weakened when oversight was deleted."
    ),
    replaced_by=("CB112",),
)
def outsize_share(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:  # retired: kept for its documentation
    return iter(())


@rule(
    "CB102",
    "concentrated-power-distribution",
    severity="warning",
    category="concentration",
    summary="Powers are highly concentrated across institutions (Herfindahl-Hirschman index).",
    what_it_flags=(
        "A constitution whose Herfindahl-Hirschman index of weighted power shares exceeds `max_hhi`, "
        "when at least `min_institutions` institutions hold powers. The finding names the institutions "
        "whose share is above an equal share."
    ),
    why_it_matters=(
        "A single large share can hide behind many small ones, and several mid-sized holders can together "
        "dominate; the sum of squared shares captures the whole distribution. Competition authorities call "
        "a market with an index above 0.25 (2,500 points) highly concentrated; the inverse of the index is "
        "the 'effective number' of holders (Laakso & Taagepera 1979). Power dispersed among many "
        "institutions is the structural condition of the checks Madison describes in Federalist 51."
    ),
    references=(
        "U.S. Department of Justice & Federal Trade Commission, Horizontal Merger Guidelines (2010), §5.3",
        "Laakso & Taagepera, 'Effective' Number of Parties, Comparative Political Studies 12(1) (1979)",
        "Madison, The Federalist No. 51 (1788)",
    ),
    failing_example=HEADER
    + """institution People: electorate
institution President: executive
institution Parliament: legislature
institution Court: judiciary
article 1 {
  People elects President.
  People elects Parliament.
  President issues decrees.
  President dissolves Parliament.
  President vetoes laws.
  President appoints Court.
  Parliament adopts laws.
  Court reviews laws.
}
""",
    passing_example=HEADER
    + """institution People: electorate
institution President: executive
institution Government: cabinet
institution Parliament: legislature
institution Court: judiciary
institution Audit: audit
article 1 {
  People elects President.
  People elects Parliament.
  Parliament adopts laws.
  President vetoes laws, overridable by Parliament by majority of members.
  President appoints Government with consent of Parliament.
  Government executes budget.
  Court reviews laws.
  Audit audits budget.
}
""",
    how_to_fix="Spread powers over more institutions, or make the largest holders share them through consent clauses.",
    parameters={"max_hhi": 0.25, "min_institutions": 3},
    complexity="none: retired",
    retired=(
        "The index of all powers, oversight included and chambers counted apart, rose with legislative "
        "strength: it flagged parliamentary democracies and missed super-presidential ones."
    ),
    replaced_by=("CB112",),
)
def concentrated_distribution(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:  # retired: kept for its documentation
    return iter(())


@rule(
    "CB103",
    "appoint-and-dismiss-at-will",
    severity="error",
    category="concentration",
    summary="One actor both appoints and freely dismisses a body that should be independent.",
    what_it_flags=(
        "An institution of an independent kind (`independent_kinds`: courts, constitutional review, "
        "election administration, audit, prosecution, central bank, ombudsman, judicial council) whose "
        "holders (the whole body, its chair, or some seats) one actor appoints and may also dismiss at will: "
        "`at will`, after mere consultation, or with no grounds, consent or procedure stated."
    ),
    why_it_matters=(
        "Security of tenure is what makes an appointee independent of the appointer: an official who can be "
        "dismissed without cause will anticipate the wishes of the one who can dismiss. Hamilton defends "
        "permanent tenure of judges on this ground (Federalist 78); the Venice Commission's Rule of Law "
        "Checklist asks whether judges, prosecutors and other independent officials are protected against "
        "arbitrary removal."
    ),
    references=(
        "Hamilton, The Federalist No. 78 (1788)",
        "Venice Commission, Rule of Law Checklist, CDL-AD(2016)007, II.E (independence of the judiciary)",
    ),
    failing_example=HEADER
    + """institution President: executive
institution ProsecutorGeneral "Prosecutor General": prosecution
article 83 {
  President appoints ProsecutorGeneral.
  President dismisses ProsecutorGeneral at will.
}
""",
    passing_example=HEADER
    + """institution President: executive
institution Senate: legislature
institution ProsecutorGeneral "Prosecutor General": prosecution
article 83 {
  President appoints ProsecutorGeneral with consent of Senate.
  President dismisses ProsecutorGeneral for cause "gross misconduct", with consent of Senate.
}
""",
    how_to_fix=(
        "Protect tenure: make dismissal `for cause`, subject to another body's consent or to review by a "
        "court, or give the appointment to a different body than the dismissal."
    ),
    complexity="linear in the number of clauses",
)
def appoint_and_dismiss(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    index = q.index_of(ctx)
    kinds = q.independent_kinds(ctx.settings)
    for institution in ctx.constitution.institutions:
        if not set(institution.kinds) & kinds:
            continue
        removals = index.at_will_removals(institution.id)
        for actor in sorted({c.actor for c in removals}):
            appointments = [c for c in index.selections(institution.id) if c.actor == actor]
            if not appointments:
                continue
            mine = [c for c in removals if c.actor == actor]
            scopes = sorted({q.describe_target(ctx.constitution, c) for c in mine})
            how = sorted({q.describe_discretion(c) for c in mine})
            yield rule.finding(
                f"{q.label(ctx.constitution, actor)} appoints and may dismiss {', '.join(scopes)} "
                f"{' or '.join(how)}; {institution.label} should be independent",
                [actor, institution.id],
                [*appointments, *mine],
            )


FUSION_LAWMAKING = ("adopts", "issues")


def judicial_controllers(
    index: q.Index, closure: dict[str, dict[str, list[PowerClause]]]
) -> dict[str, list[tuple[str, list[PowerClause]]]]:
    """actor -> the courts whose composition it controls, in declaration order, each with the clauses
    that give it control: it fills most seats without independent consent, may remove the whole
    court at will, or does either through a body it fills or controls.

    Each court's appointers, removers and controllers are looked up once, so that asking about every
    law-making executive costs the number of courts plus their clauses, not their product."""
    found: dict[str, list[tuple[str, list[PowerClause]]]] = {}
    for institution in index.institutions:
        if not {"judiciary", "constitutional-review"} & set(institution.kinds):
            continue
        court = institution.id
        shares = q.selection_shares(index, court, closure, count_consented=False)
        removals = [c for c in index.at_will_removals(court) if c.share is None]
        for actor in sorted({*shares, *(c.actor for c in removals), *q.controllers_of(closure, court)}):
            fraction, _chair, clauses = shares.get(actor, (Fraction(0), False, []))
            mine = [c for c in removals if c.actor == actor]
            chain = closure.get(actor, {}).get(court, [])
            if fraction > Fraction(1, 2) or mine or chain:
                found.setdefault(actor, []).append((court, [*(clauses or chain), *mine]))
    return found


@rule(
    "CB104",
    "fusion-of-functions",
    severity="error",
    category="concentration",
    summary="One institution makes law, executes it, and controls who judges.",
    what_it_flags=(
        "An institution that makes law (adopts laws or issues decrees), executes (is an executive body, "
        "executes the budget or commands the armed forces) and controls the judiciary's composition (fills "
        "most seats of a court without the consent of an independent body, or may remove a court at will); "
        "selections open only in a triggering circumstance (recess appointments that expire) do not count."
    ),
    why_it_matters=(
        "Montesquieu: there is no liberty if the power of judging is not separated from the legislative and "
        "executive powers; Madison calls the accumulation of legislative, executive and judicial powers in "
        "the same hands the very definition of tyranny (Federalist 47)."
    ),
    references=(
        "Montesquieu, The Spirit of the Laws (1748), Book XI, ch. 6",
        "Madison, The Federalist No. 47 (1788)",
    ),
    failing_example=HEADER
    + """institution President: executive
institution Courts: judiciary
article 1 {
  President issues decrees.
  President appoints Courts.
}
""",
    passing_example=HEADER
    + """institution President: executive
institution Senate: legislature
institution Courts: judiciary
article 1 {
  President issues decrees.
  President appoints Courts with consent of Senate.
}
""",
    how_to_fix=(
        "Take the judiciary's composition out of the law-making executive's hands: appointment on the "
        "proposal of an independent judicial council, or with the consent of the legislature."
    ),
    complexity=(
        "linear in the number of clauses plus the dependence closure (O(V·(V+E)) at worst for V "
        "institutions and E dependence edges, one breadth-first search from each, computed once per run)"
    ),
)
def fusion(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    index = q.index_of(ctx)
    closure = q.dependence_closure(index)
    controls = judicial_controllers(index, closure)
    for institution in ctx.constitution.institutions:
        actor = institution.id
        if index.is_electorate(actor):
            continue
        lawmaking = [c for c in index.clauses_of(actor, FUSION_LAWMAKING) if c.target in ("laws", *LAWMAKING_DECREES)]
        executing = [c for c in index.clauses_of(actor) if c.verb == "executes" or c.target == "armed-forces"]
        if not lawmaking or not (executing or index.is_executive(actor)):
            continue
        courts = controls.get(actor, [])
        if not courts:
            continue
        court_names = q.names(ctx.constitution, [c for c, _ in courts])
        makes = sorted({"decrees" if c.target in LAWMAKING_DECREES else "laws" for c in lawmaking})
        yield rule.finding(
            f"{institution.label} makes {' and '.join(makes)}, executes them, and controls the composition of "
            f"{court_names}",
            [actor, *(c for c, _ in courts)],
            [*lawmaking, *executing, *(clause for _, clauses in courts for clause in clauses)],
        )


#: Kinds that are collegial bodies by nature, whatever their declared size.
COLLEGIAL_KINDS = frozenset({"judicial-council", "electoral", "constitutional-review"})


def _collegial(index: q.Index, body: str) -> bool:
    institution = index.constitution.institution(body)
    if (institution is not None and (institution.seats or 0) > 1) or index.kinds(body) & COLLEGIAL_KINDS:
        return True
    return any(c.share is not None and c.share.kind == "seats" for c in index.by_target.get(body, []))


@rule(
    "CB105",
    "majority-appointer",
    severity="warning",
    category="concentration",
    summary="One actor appoints a majority of a collegial oversight body.",
    what_it_flags=(
        "A collegial body of an independent kind (declared seats, seat shares, or a council, commission or "
        "constitutional court by kind) most of whose seats one actor fills. Seat shares add up "
        "across clauses (`4 of 11` plus `3 of 11`); the chair counts as one seat, and as the deciding seat "
        "when the actor fills exactly half. Appointments that need the consent of a body independent of "
        "the actor are not counted unless `count_consented` is true; selections open only in a stated "
        "triggering circumstance (a recess appointment that expires) are contingent and not counted."
    ),
    why_it_matters=(
        "Collegial oversight bodies are designed so that no single political actor commands a majority: "
        "mixed appointment by several organs is the standard the Venice Commission recommends for "
        "constitutional courts and judicial councils, and election commissions balanced among parties. "
        "A body one actor fills by majority will tend to decide as that actor wishes."
    ),
    references=(
        "Venice Commission, The Composition of Constitutional Courts, CDL-STD(1997)020",
        "Venice Commission, Rule of Law Checklist, CDL-AD(2016)007, II.E",
        "Venice Commission, Code of Good Practice in Electoral Matters, CDL-AD(2002)023rev, II.3.1",
    ),
    failing_example=HEADER
    + """institution President: executive
institution Parliament: legislature
institution Court: constitutional-review, seats 7
article 1 {
  President appoints 3 of 7 Court.
  President appoints chair of Court.
  Parliament elects 3 of 7 Court.
}
""",
    passing_example=HEADER
    + """institution President: executive
institution Parliament: legislature
institution Judges: judiciary
institution Court: constitutional-review, seats 9
article 1 {
  President appoints 3 of 9 Court.
  Parliament elects 3 of 9 Court.
  Judges elects 3 of 9 Court.
}
""",
    how_to_fix="Divide appointments among several independent organs so that none fills a majority, or add consent.",
    parameters={"count_consented": False},
    complexity=(
        "linear in the number of clauses plus the dependence closure (O(V·(V+E)) at worst, computed once "
        "per run and shared with CB104, CB106, CB203, CB207 and the metrics)"
    ),
)
def majority_appointer(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    index = q.index_of(ctx)
    closure = q.dependence_closure(index)
    kinds = q.independent_kinds(ctx.settings)
    count_consented = bool(ctx.setting(rule, "count_consented"))
    for institution in ctx.constitution.institutions:
        if not set(institution.kinds) & kinds or not _collegial(index, institution.id):
            continue
        shares = q.selection_shares(index, institution.id, closure, count_consented=count_consented)
        for actor, (fraction, chair, clauses) in sorted(shares.items()):
            deciding = fraction == Fraction(1, 2) and chair
            if fraction <= Fraction(1, 2) and not deciding:
                continue
            seats = institution.seats
            if fraction == 1:
                how = "all seats"
            elif seats and (fraction * seats).denominator == 1:
                how = f"{fraction * seats} of the {seats} seats"
            else:
                how = f"{_percent(fraction)} of the seats"
            extra = " including the chair's deciding vote" if deciding else ""
            yield rule.finding(
                f"{q.label(ctx.constitution, actor)} fills {how} of {institution.label}{extra}",
                [actor, institution.id],
                clauses,
            )


def _independent_any(closure: Any, others: list[str], actor: str) -> bool:
    if isinstance(closure, q.Closure):
        return q.any_independent_of(closure, others, actor)
    return any(q.is_independent_of(closure, other, actor) for other in others)


def _author_checked(
    index: q.Index, closure: dict[str, dict[str, list[PowerClause]]], checkers: list[str], actor: str
) -> bool:
    """Some institution independent of ``actor`` approves, vetoes or reviews decrees (``checkers``,
    gathered once per run), or reviews or annuls ``actor``'s acts."""
    on_actor = q.distinct_actors(index.clauses_on(actor, ("reviews", "annuls")))
    if any(q.is_independent_of(closure, other, actor) for other in on_actor):
        return True
    if isinstance(closure, q.Closure):
        return q.any_independent_of(closure, checkers, actor)
    return any(q.is_independent_of(closure, other, actor) for other in checkers)


@rule(
    "CB106",
    "unchecked-decree-power",
    severity="error",
    category="concentration",
    summary="Decrees that neither the legislature can override nor a court can review.",
    what_it_flags=(
        "An `issues decrees` or `issues decree-laws` clause with no `overridable by` or `subject to review "
        "by` condition, where no institution independent of the issuer approves, vetoes, reviews or annuls "
        "such decrees or the issuer's acts. Decrees the text declares `not subject to review` count as "
        "checked only by an independent approval or veto. `regulations` (acts executing laws) make no law "
        "and are not flagged; v1 `decrees`, whose force of law the text does not state, are."
    ),
    why_it_matters=(
        "Decree power lets an executive legislate without the assembly; Carey & Shugart show that it is "
        "tolerable where the assembly can rescind decrees and courts can review them, and dangerous where "
        "neither can. The Venice Commission treats executive law-making without parliamentary control or "
        "judicial review as a breach of legality."
    ),
    references=(
        "Carey & Shugart (eds.), Executive Decree Authority (1998)",
        "Venice Commission, Rule of Law Checklist, CDL-AD(2016)007, II.A.5 (legislature and executive)",
    ),
    failing_example=HEADER
    + """institution President: executive
institution Parliament: legislature
article 1 {
  President issues decrees.
  Parliament adopts laws.
}
""",
    passing_example=HEADER
    + """institution President: executive
institution Parliament: legislature
institution Court: constitutional-review
article 1 {
  President issues decrees, overridable by Parliament.
  Court reviews decrees.
}
""",
    how_to_fix="Let the legislature override or lapse decrees (`overridable by Parliament`) and a court review them.",
    complexity=(
        "linear in the number of clauses: decree checkers gathered once, each issuer's independence "
        "answered once (bounded by the size of the control closure)"
    ),
)
def unchecked_decrees(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    index = q.index_of(ctx)
    closure = q.dependence_closure(index)
    on_decrees = [
        c for target in LAWMAKING_DECREES for c in index.clauses_on(target, ("approves", "vetoes", "reviews"))
    ]
    checkers = q.distinct_actors(on_decrees)
    # For decrees exempt from review (`not subject to review`) only an approval or a veto checks them.
    deciders = q.distinct_actors([c for c in on_decrees if c.verb in ("approves", "vetoes")])
    checked: dict[tuple[str, bool], bool] = {}  # per issuer and exemption: whether someone independent checks
    issued = [c for target in LAWMAKING_DECREES for c in index.clauses_on(target, ("issues",))]
    for clause in sorted(issued, key=lambda c: c.id):
        exempt = clause.has("not_reviewable")
        # Another institution can set the decree aside, or a body independent of its author can review it.
        if clause.has("override") or (clause.has("review") and not exempt):
            continue
        key = (clause.actor, exempt)
        if key not in checked:
            checked[key] = (
                _independent_any(closure, deciders, clause.actor)
                if exempt
                else _author_checked(index, closure, checkers, clause.actor)
            )
        if checked[key]:
            continue
        yield rule.finding(
            f"{q.label(ctx.constitution, clause.actor)} issues {clause.target} that no legislature can override and "
            f"no independent body can review",
            [clause.actor],
            [clause],
        )


def effective_removal(clause: PowerClause, remover_of: str, max_majority: Fraction) -> bool:
    """A removal or confidence vote the chamber can actually use against ``remover_of``."""
    if clause.has("override") and any(o.institution == remover_of for o in clause.conditions_of("override")):
        return False
    if any(h == remover_of for h in q.say_so_holders(clause)):
        return False
    majorities = [c.majority.fraction for c in clause.conditions_of("majority")]
    majorities += [c.majority.fraction for c in clause.conditions_of("consent") if c.majority is not None]
    return all(m <= max_majority for m in majorities)


def _why_ineffective(clause: PowerClause, remover_of: str, ctx: RuleContext) -> str:
    reasons: list[str] = []
    for condition in clause.conditions:
        majority = getattr(condition, "majority", None)
        if condition.type in ("majority", "consent") and majority is not None:
            reasons.append(f"needs {majority.describe()}")
        if getattr(condition, "institution", None) == remover_of and condition.type != "consultation":
            reasons.append(f"{q.label(ctx.constitution, remover_of)} has a say")
    return f"{clause.verb} in {clause.citation}: " + (", ".join(reasons) or "restricted")


@rule(
    "CB107",
    "one-sided-dissolution",
    severity="error",
    category="concentration",
    summary="The executive may dissolve the legislature at will, but the legislature cannot remove it.",
    what_it_flags=(
        "A non-legislative institution that may dissolve a (national) legislature at will, after mere "
        "consultation, or with no trigger stated, while no chamber of that legislature can remove it, "
        "impeach it, or vote no confidence in it without its say and by at most `max_removal_majority` "
        "of the votes. A `when` condition that only excludes periods ('not during a state of emergency') "
        "does not limit the discretion; any other circumstance does."
    ),
    why_it_matters=(
        "In parliamentary government dissolution is the executive's counterweight to the assembly's power "
        "to dismiss it; an executive that holds the dissolution power without facing dismissal holds the "
        "legislature hostage. Shugart & Carey score unrestricted dissolution among the strongest "
        "presidential powers and identify the president-parliamentary type as especially unstable; Linz "
        "warns of presidents who can override the assembly."
    ),
    references=(
        "Shugart & Carey, Presidents and Assemblies (1992), ch. 6 and 8",
        "Linz, The Perils of Presidentialism, Journal of Democracy 1(1) (1990)",
    ),
    failing_example=HEADER
    + """institution President: executive
institution PrimeMinister: executive, head-of-government
institution Parliament: legislature
article 1 {
  President dissolves Parliament after consultation with PrimeMinister.
}
""",
    passing_example=HEADER
    + """institution President: executive
institution PrimeMinister: executive, head-of-government
institution Parliament: legislature
article 1 {
  President dissolves Parliament on proposal of PrimeMinister.
  Parliament votes no confidence in PrimeMinister by majority of members.
}
""",
    how_to_fix=(
        "Restrict dissolution to stated triggers (a failed investiture or confidence vote) or to the "
        "proposal of a government the legislature can dismiss; or give the legislature a usable removal."
    ),
    parameters={"max_removal_majority": "2/3"},
    complexity="linear in the number of clauses (clauses indexed by target, chamber groups computed once)",
)
def one_sided_dissolution(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    index = q.index_of(ctx)
    max_majority = Fraction(str(ctx.setting(rule, "max_removal_majority")))
    for clause in q.index_of(ctx).clauses:
        if clause.verb != "dissolves" or clause.target_type != "institution":
            continue
        target_kinds = index.kinds(clause.target)
        if "legislature" not in target_kinds or "local" in target_kinds or index.is_legislature(clause.actor):
            continue
        if q.discretion(clause) == "constrained":
            continue
        how = q.describe_discretion(clause)
        chambers = index.chamber_group(clause.target)
        removals = [
            c
            for c in index.by_target.get(clause.actor, [])
            if c.actor in chambers and c.verb in (*q.REMOVAL_VERBS, "censures")
        ]
        if any(effective_removal(c, clause.actor, max_majority) for c in removals):
            continue
        actor, target = q.label(ctx.constitution, clause.actor), q.label(ctx.constitution, clause.target)
        if removals:
            ways = "; ".join(_why_ineffective(c, clause.actor, ctx) for c in removals)
            tail = f", while {target} can remove {actor} only in ways it cannot use ({ways})"
        else:
            tail = f", while {target} has no means to remove {actor}"
        yield rule.finding(
            f"{actor} may dissolve {target} {how}{tail}",
            [clause.actor, clause.target],
            [clause, *removals],
        )


VETOED_ACTS = ("laws", "constitutional-laws", "budget")


@rule(
    "CB108",
    "insurmountable-veto",
    severity="warning",
    category="concentration",
    summary="A veto no one can override, or only a near-impossible majority can.",
    what_it_flags=(
        "A non-legislative institution's veto over laws, constitutional laws or the budget with no "
        "`overridable by` condition, or whose override needs more than `max_override_majority`. Vetoes "
        "held by a chamber of the legislature are bicameralism, not concentration, and are left out."
    ),
    why_it_matters=(
        "A veto that the assembly can override by a reachable qualified majority makes the executive a "
        "conditional veto player; an absolute veto, or one only a near-unanimous assembly overrides, makes "
        "every law depend on one office (Tsebelis 2002). Shugart & Carey give the highest score for "
        "legislative power to a veto with no override and the next to one that needs more than two thirds."
    ),
    references=(
        "Tsebelis, Veto Players: How Political Institutions Work (2002)",
        "Shugart & Carey, Presidents and Assemblies (1992), ch. 8",
    ),
    failing_example=HEADER
    + """institution President: executive
institution Parliament: legislature
article 1 {
  Parliament adopts laws.
  President vetoes laws.
}
""",
    passing_example=HEADER
    + """institution President: executive
institution Parliament: legislature
article 1 {
  Parliament adopts laws.
  President vetoes laws, overridable by Parliament by majority of members.
}
""",
    how_to_fix="Let the legislature override the veto by an attainable majority (a majority or two thirds of members).",
    parameters={"max_override_majority": "2/3"},
    complexity="none: retired",
    retired=(
        "It flagged a veto held by a government that answers to the legislature through confidence (the "
        "German Federal Government's consent to laws that raise spending, Art. 113 Basic Law), which the "
        "legislature controls by replacing the government: not one office on which every law depends."
    ),
    replaced_by=("CB113",),
)
def insurmountable_veto(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:  # retired: kept for its documentation
    return iter(())


@rule(
    "CB113",
    "unaccountable-insurmountable-veto",
    severity="warning",
    category="concentration",
    summary="A veto no one can override, or only a near-impossible majority can.",
    what_it_flags=(
        "A non-legislative institution's veto over laws, constitutional laws or the budget with no "
        "`overridable by` condition, or whose override needs more than `max_override_majority`, when "
        "the holder does not answer to an independent legislature through confidence. Vetoes held by "
        "a chamber of the legislature are bicameralism, not concentration, and a government the "
        "legislature can bring down holds its veto at the legislature's pleasure (Strøm 2000): both "
        "are left out, as is a veto open only in a stated circumstance (a triggering `when`, such as a "
        "pocket veto when the assembly adjourns): the assembly's ordinary route keeps its override. "
        "Replaces CB108, which counted the second and third kinds."
    ),
    why_it_matters=(
        "A veto that the assembly can override by a reachable qualified majority makes the executive a "
        "conditional veto player; an absolute veto, or one only a near-unanimous assembly overrides, makes "
        "every law depend on one office (Tsebelis 2002). Shugart & Carey give the highest score for "
        "legislative power to a veto with no override and the next to one that needs more than two thirds."
    ),
    references=(
        "Tsebelis, Veto Players: How Political Institutions Work (2002)",
        "Shugart & Carey, Presidents and Assemblies (1992), ch. 8",
        "Strøm, 'Delegation and accountability in parliamentary democracies', European Journal of Political "
        "Research 37(3) (2000)",
    ),
    failing_example=HEADER
    + """institution President: executive
institution Parliament: legislature
article 1 {
  Parliament adopts laws.
  President vetoes laws.
}
""",
    passing_example=HEADER
    + """institution President: executive
institution Parliament: legislature
article 1 {
  Parliament adopts laws.
  President vetoes laws, overridable by Parliament by majority of members.
}
""",
    how_to_fix="Let the legislature override the veto by an attainable majority (a majority or two thirds of members).",
    parameters={"max_override_majority": "2/3"},
    complexity="linear in the number of clauses",
)
def unaccountable_insurmountable_veto(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    index = q.index_of(ctx)
    checks = q.measures_of(ctx).checks
    limit = Fraction(str(ctx.setting(rule, "max_override_majority")))
    for clause in q.index_of(ctx).clauses:
        if clause.verb != "vetoes" or clause.target not in VETOED_ACTS or index.is_legislature(clause.actor):
            continue
        if checks.responsible(clause.actor) or q.is_contingent(clause):
            continue
        overrides = clause.conditions_of("override")
        actor = q.label(ctx.constitution, clause.actor)
        if not overrides:
            yield rule.finding(
                f"{actor} has an absolute veto over {clause.target}: no one can override it", [clause.actor], [clause]
            )
            continue
        hardest = min(overrides, key=lambda o: o.majority.fraction if o.majority else Fraction(1, 2))
        if hardest.majority is not None and hardest.majority.fraction > limit:
            yield rule.finding(
                f"{actor}'s veto over {clause.target} can be overridden only by {hardest.majority.describe()} "
                f"of {q.label(ctx.constitution, hardest.institution)} (more than {limit})",
                [clause.actor, hardest.institution],
                [clause],
            )


@rule(
    "CB109",
    "unilateral-amendment",
    severity="error",
    category="concentration",
    summary="One actor alone can change the constitution, directly or by a referendum it alone calls.",
    what_it_flags=(
        "(a) A non-legislative, non-electoral institution that amends, adopts or ratifies the constitution "
        "with no one's consent or proposal; (b) a constitution the electorate amends by referendum where "
        "only one institution may call referendums and needs no one's consent or proposal to do so (a "
        "`when` on the call is read as naming its subject, not as limiting it)."
    ),
    why_it_matters=(
        "A constitution binds the powers it creates only if none of them can rewrite it alone. Elkins, "
        "Ginsburg & Melton link constitutional endurance to amendment procedures that require broad "
        "agreement; the Venice Commission warns against executives using referendums to bypass parliament "
        "in constitutional change, and Ginsburg & Huq describe such amendments as a main path of democratic "
        "erosion."
    ),
    references=(
        "Elkins, Ginsburg & Melton, The Endurance of National Constitutions (2009)",
        "Venice Commission, Report on Constitutional Amendment, CDL-AD(2010)001",
        "Ginsburg & Huq, How to Save a Constitutional Democracy (2018)",
    ),
    failing_example=HEADER
    + """institution People: electorate
institution President: executive
article 91 {
  President calls referendum.
  People amends constitution.
}
""",
    passing_example=HEADER
    + """institution People: electorate
institution President: executive
institution Parliament: legislature
article 91 {
  President calls referendum with consent of Parliament by two-thirds of members.
  Parliament initiates constitution.
  People amends constitution.
}
""",
    how_to_fix="Require the legislature's consent (by a qualified majority) to call a constitutional referendum.",
    complexity="linear in the number of clauses",
)
def unilateral_amendment(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    index = q.index_of(ctx)
    clauses = q.index_of(ctx).clauses
    finals = [c for c in clauses if c.target == "constitution" and c.verb in ("amends", "adopts", "ratifies")]
    for clause in finals:
        if index.is_electorate(clause.actor) or index.is_legislature(clause.actor):
            continue
        if q.say_so_holders(clause) or clause.has("override"):
            continue
        yield rule.finding(
            f"{q.label(ctx.constitution, clause.actor)} alone can change the constitution",
            [clause.actor],
            [clause],
        )
    popular = [c for c in finals if index.is_electorate(c.actor)]
    if not popular:
        return
    callers = [c for c in clauses if c.verb == "calls" and c.target == "referendum"]
    # A ``when`` on a referendum call usually names its subject, so only consent or proposal limits it.
    free = [c for c in callers if not q.say_so_holders(c)]
    actors = sorted({c.actor for c in free})
    if len(actors) == 1 and len({c.actor for c in callers}) == 1 and not index.is_electorate(actors[0]):
        yield rule.finding(
            f"{q.label(ctx.constitution, actors[0])} alone decides to call the referendum by which "
            f"{q.names(ctx.constitution, sorted({c.actor for c in popular}))} amends the constitution",
            [actors[0]],
            [*free, *popular],
        )


@rule(
    "CB110",
    "transitive-control",
    severity="error",
    category="concentration",
    summary="Through chains of at-will removal one actor controls most institutions.",
    what_it_flags=(
        "An institution that, directly or through institutions it controls, may remove at will the "
        "holders of more than `max_reach` of the other institutions (the electorate left out). Control "
        "means removal of the whole body at will; the chain is the shortest one."
    ),
    why_it_matters=(
        "Whoever can remove an official at will controls how the official acts ('the power to remove is the "
        "power to control', Myers v. United States, 1926); chains of such removals turn formally separate "
        "institutions into one hierarchy. Linz's 'winner-takes-all' danger of presidentialism is sharpest "
        "when the whole state apparatus answers to one elected office."
    ),
    references=(
        "Myers v. United States, 272 U.S. 52 (1926)",
        "Linz, The Perils of Presidentialism, Journal of Democracy 1(1) (1990)",
    ),
    failing_example=HEADER
    + """institution President: executive
institution Government: cabinet
institution Bank: central-bank
institution Parliament: legislature
article 1 {
  President dismisses Government at will.
  Government dismisses Bank at will.
}
""",
    passing_example=HEADER
    + """institution President: executive
institution Government: cabinet
institution Bank: central-bank
institution Parliament: legislature
article 1 {
  President dismisses Government at will.
  Government dismisses Bank for cause "serious misconduct", subject to review by Parliament.
}
""",
    how_to_fix="Break the chains: protect the tenure of bodies that should not answer to one actor.",
    parameters={"max_reach": 0.5},
    complexity="O(V·(V+E)) for V institutions and E at-will removal edges (a breadth-first search from each)",
)
def transitive_control(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    index = q.index_of(ctx)
    closure = q.control_closure(index)
    limit = float(ctx.setting(rule, "max_reach"))
    others = {i.id for i in ctx.constitution.institutions if not index.is_electorate(i.id)}
    for actor in sorted(closure):
        if actor not in others or len(others) < 2:
            continue
        reached = {t: chain for t, chain in closure[actor].items() if t in others}
        fraction = len(reached) / (len(others) - 1)
        if fraction <= limit:
            continue
        chains = [clause for target in sorted(reached) for clause in reached[target]]
        yield rule.finding(
            f"{q.label(ctx.constitution, actor)} controls {len(reached)} of the other {len(others) - 1} "
            f"institutions ({_percent(fraction)}) through at-will removal: "
            f"{q.names(ctx.constitution, sorted(reached))}",
            [actor, *sorted(reached)],
            chains,
        )


GOVERNMENT_KINDS = frozenset({"cabinet", "head-of-government"})


@rule(
    "CB111",
    "government-at-presidents-pleasure",
    severity="warning",
    category="concentration",
    summary="A head of state may dismiss the government at will.",
    what_it_flags=(
        "A government (kind `cabinet` or `head-of-government`) that an institution other than the "
        "legislature may dismiss at will, after mere consultation, or with no grounds or procedure stated. "
        "The message says whether the legislature can also bring the government down (dual "
        "responsibility)."
    ),
    why_it_matters=(
        "Where the president can dismiss the cabinet at will, the government serves the president, whatever "
        "confidence it has in the assembly. Shugart & Carey call this type 'president-parliamentary' and "
        "find it the most prone to breakdown of the mixed systems, because cabinets are pulled between two "
        "principals; Linz warns of the same winner-takes-all dynamic."
    ),
    references=(
        "Shugart & Carey, Presidents and Assemblies (1992), ch. 2 and 6",
        "Linz, The Perils of Presidentialism, Journal of Democracy 1(1) (1990)",
    ),
    failing_example=HEADER
    + """institution President: executive, head-of-state
institution PrimeMinister: executive, head-of-government
article 1 {
  President dismisses PrimeMinister at will.
}
""",
    passing_example=HEADER
    + """institution President: executive, head-of-state
institution PrimeMinister: executive, head-of-government
institution Parliament: legislature
article 1 {
  President dismisses PrimeMinister when "the Prime Minister has lost a vote of confidence".
  Parliament votes no confidence in PrimeMinister by majority of members.
}
""",
    how_to_fix="Let the government fall only through the legislature's no-confidence vote, or on its own resignation.",
    complexity="linear in the number of clauses",
)
def government_at_pleasure(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    index = q.index_of(ctx)
    # Legislative confidence clauses by target, gathered once (scanning every clause for each
    # at-will removal made this rule quadratic: 1.3 s at 1,000 clauses).
    answers_to: dict[str, list[PowerClause]] = {}
    for c in q.index_of(ctx).clauses:
        if index.is_legislature(c.actor) and c.verb in ("votes no confidence in", "censures", "dismisses", "removes"):
            answers_to.setdefault(c.target, []).append(c)
    for clause in q.index_of(ctx).clauses:
        if not q.removes_at_will(clause) or index.is_legislature(clause.actor):
            continue
        if not index.kinds(clause.target) & GOVERNMENT_KINDS:
            continue
        confidence = answers_to.get(clause.target, [])
        actor, target = q.label(ctx.constitution, clause.actor), q.label(ctx.constitution, clause.target)
        tail = (
            f"; it also answers to {q.names(ctx.constitution, sorted({c.actor for c in confidence}))}"
            if confidence
            else ""
        )
        yield rule.finding(
            f"{actor} may dismiss {target} {q.describe_discretion(clause)}{tail}",
            [clause.actor, clause.target],
            [clause, *confidence],
        )


def _tenure_note(ctx: RuleContext, institution: str) -> str:
    data = ctx.graph.nodes[institution]
    if data.get("term_life"):
        return "; held for life"
    parts = []
    if data.get("term_years"):
        parts.append(f"{data['term_years']}-year term")
    if data.get("term_limit"):
        parts.append(f"limit {data['term_limit']}{' consecutive' if data.get('term_limit_consecutive') else ''}")
    elif data.get("term_years"):
        parts.append("no term limit stated")
    if data.get("exempt_from_limit"):
        parts.append("limit waived for " + ", ".join(data["exempt_from_limit"]))
    return f"; tenure: {', '.join(parts)}" if parts else ""


@rule(
    "CB112",
    "unchecked-power-share",
    severity="error",
    category="concentration",
    summary="One non-legislative principal holds more than a third of all acting powers with no independent check.",
    what_it_flags=(
        "An institution outside the legislature that, together with the bodies it may dismiss at will "
        "(its agents: their powers are its own), holds more than `max_share` of all weighted acting powers "
        "(every category but oversight; docs/metrics.md) in powers no independent institution checks: no one "
        "independent of it must consent, no one can override or review the act or the instrument it "
        "makes, and the holder does not answer to an independent legislature through confidence. An act "
        "made formally or on another body's binding proposal counts for the proposer. The message gives "
        "the holder's tenure (term, limit, exemptions)."
    ),
    why_it_matters=(
        "Madison's test of tyranny is the accumulation of powers in the same hands (Federalist 47), and its "
        "remedy is that each power meet a check (Federalist 51); what marks super-presidential systems is "
        "not that the president holds powers but that no other body can stop their use (Fish 2001; "
        "Shugart & Carey 1992 score a president's powers by whether the assembly can override them). A "
        "government that answers to the legislature through confidence is checked however many powers it "
        "holds (Strøm 2000), and the legislature is the principal of that chain, so parliamentary "
        "government is not concentration. The default one third is Montesquieu's measure: more than one "
        "of the three powers' worth in one unchecked hand."
    ),
    references=(
        "Madison, The Federalist No. 47 and No. 51 (1788)",
        "Montesquieu, The Spirit of the Laws (1748), Book XI, ch. 6",
        "Shugart & Carey, Presidents and Assemblies (1992), ch. 8",
        "Fish, 'The Dynamics of Democratic Erosion', in Anderson et al., Postcommunism and the Theory of "
        "Democracy (2001); Fish, 'Stronger Legislatures, Stronger Democracies', Journal of Democracy 17(1) (2006)",
        "Strøm, 'Delegation and accountability in parliamentary democracies', European Journal of Political "
        "Research 37(3) (2000)",
    ),
    failing_example=HEADER
    + """institution People: electorate
institution President: executive, head-of-state
institution Government: cabinet
institution Parliament: legislature
article 1 {
  People elects President.
  People elects Parliament.
  Parliament adopts laws.
  President issues decrees.
  President dissolves Parliament.
  President declares emergency.
  President appoints Government.
  President dismisses Government at will.
  Government executes budget.
}
""",
    passing_example=HEADER
    + """institution People: electorate
institution President: executive, head-of-state
institution Government: cabinet
institution Parliament: legislature
institution Court: constitutional-review
article 1 {
  People elects President.
  People elects Parliament.
  Parliament adopts laws.
  President issues decrees, overridable by Parliament.
  President dissolves Parliament on proposal of Government.
  President declares emergency with consent of Parliament.
  President appoints Government with consent of Parliament.
  Parliament votes no confidence in Government by majority of members.
  Government executes budget.
  Court reviews decrees.
}
""",
    how_to_fix=(
        "Put the powers under a check: the legislature's consent or override, review by a court, a "
        "government answerable to the legislature through confidence, or a binding proposal of such a "
        "government."
    ),
    parameters={"max_share": "1/3"},
    complexity="linear in the number of clauses (one pass over the power graph; control on its condensation)",
)
def unchecked_power_share(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    limit = Fraction(str(ctx.setting(rule, "max_share")))
    measures = q.measures_of(ctx)
    if not measures.total:
        return
    for principal in measures.principals:
        if principal.branch in ("legislative", "electorate"):
            continue
        share = principal.unchecked / measures.total
        if share <= limit:
            continue
        agents = [m for m in principal.members if m != principal.principal]
        by_category: dict[str, Fraction] = {}
        for part in measures.held:
            if part.principal == principal.principal and not part.checked_by:
                by_category[part.category] = by_category.get(part.category, Fraction(0)) + part.weight
        top = sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        detail = ", ".join(f"{category} {float(weight):g}" for category, weight in top)
        who = q.label(ctx.constitution, principal.principal)
        if agents:
            who += f" (with {q.names(ctx.constitution, agents)}, which it may dismiss at will)"
        yield rule.finding(
            f"{who} holds {_percent(share)} of all weighted acting powers with no independent check "
            f"(more than {_percent(limit)}); largest unchecked: {detail}"
            f"{_tenure_note(ctx, principal.principal)}",
            [principal.principal, *agents],
            ctx.clauses(principal.unchecked_clauses),
        )
