"""CB2xx: missing oversight: power that answers to no one, and overseers that cannot oversee."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from constitution_rules.findings import Finding
from constitution_rules.model import PowerClause
from constitution_rules.rules import queries as q
from constitution_rules.rules.registry import Rule, RuleContext, rule

HEADER = 'constitution "Example"\n'

#: Oversight verbs through which a body answers for its conduct: it can be corrected or sanctioned, or
#: must explain itself (answerability, Schedler 1999).
ANSWERING_VERBS = frozenset(
    {
        "reviews",
        "annuls",
        "audits",
        "censures",
        "votes no confidence in",
        "investigates",
        "questions",
        "hears reports of",
    }
)
#: What a legislature needs to oversee the executive.
SCRUTINY_VERBS = frozenset(
    {"questions", "investigates", "hears reports of", "censures", "votes no confidence in", "impeaches", "audits"}
)
JUDICIAL_KINDS = frozenset({"judiciary", "constitutional-review"})
AUTHOR_VERBS = frozenset({"adopts", "issues", "executes", "amends"})


def _authors(ctx: RuleContext) -> dict[str, set[str]]:
    authors: dict[str, set[str]] = {}
    for clause in q.index_of(ctx).clauses:
        if clause.target_type == "instrument" and clause.verb in AUTHOR_VERBS:
            authors.setdefault(clause.target, set()).add(clause.actor)
    return authors


def _answers_to_someone(clause: PowerClause, index: q.Index) -> bool:
    """Whether ``clause`` (about an institution, not by it) makes that institution answer to its actor."""
    elected = clause.verb == "elects" and index.is_electorate(clause.actor)
    return elected or clause.verb in q.REMOVAL_VERBS or clause.verb in ANSWERING_VERBS


def _answers_directly(
    index: q.Index, authors: dict[str, set[str]], reviewers: dict[str, set[str]], identifier: str
) -> bool:
    """Whether some clause makes ``identifier`` answer to someone: election by the voters, removal,
    review, annulment, audit or no confidence, of itself or of the acts it makes.

    Looked up by actor, by target and by instrument (``reviewers``, gathered once per run), so that
    every law-maker does not walk every review of laws."""
    if any(c.has("review") for c in index.by_actor.get(identifier, [])):
        return True
    about = index.by_target.get(identifier, [])
    if any(c.actor != identifier and _answers_to_someone(c, index) for c in about):
        return True
    for instrument, made_by in authors.items():
        others = reviewers.get(instrument, set())
        if identifier in made_by and (len(others) > 1 or (others and identifier not in others)):
            return True
    return False


def _reviewers(index: q.Index) -> dict[str, set[str]]:
    """instrument -> the institutions that review or audit it."""
    found: dict[str, set[str]] = {}
    for clause in index.clauses:
        if clause.target_type == "instrument" and clause.verb in ("reviews", "audits"):
            found.setdefault(clause.target, set()).add(clause.actor)
    return found


def _answers(
    index: q.Index,
    authors: dict[str, set[str]],
    reviewers: dict[str, set[str]],
    identifier: str,
    seen: frozenset[str] = frozenset(),
) -> bool:
    if _answers_directly(index, authors, reviewers, identifier):
        return True
    institution = index.constitution.institution(identifier)
    if institution is None or identifier in seen:
        return False
    seen = seen | {identifier}
    if institution.member_of and _answers(index, authors, reviewers, institution.member_of, seen):
        return True
    parts = institution.joint_sitting_of
    return bool(parts) and all(_answers(index, authors, reviewers, part, seen) for part in parts)


@rule(
    "CB201",
    "unaccountable-institution",
    severity="warning",
    category="oversight",
    summary="An institution exercises power but answers to no one.",
    what_it_flags=(
        "An institution that holds at least one power while no election by the voters, removal, review, "
        "annulment, audit, censure, no-confidence vote, inquiry, questioning or duty to report reaches it, "
        "its acts, the body it belongs to, or (for a "
        "joint sitting) every chamber that forms it. Courts (`exempt_kinds`) are left out: their "
        "accountability is the reasoned judgment and for-cause removal, which CB206 checks."
    ),
    why_it_matters=(
        "Accountability means that those who exercise power can be made to answer for it and removed or "
        "corrected: 'you must first enable the government to control the governed; and in the next place "
        "oblige it to control itself' (Federalist 51). An office beyond every election, removal and review "
        "is the horizontal-accountability gap O'Donnell describes in delegative democracies."
    ),
    references=(
        "Madison, The Federalist No. 51 (1788)",
        "O'Donnell, Horizontal Accountability in New Democracies, Journal of Democracy 9(3) (1998)",
        "Schedler, Conceptualizing Accountability, in Schedler, Diamond & Plattner (eds.), "
        "The Self-Restraining State (1999)",
    ),
    failing_example=HEADER
    + """institution People: electorate
institution Parliament: legislature
institution Council: advisory
article 1 {
  People elects Parliament.
  Council initiates laws.
}
""",
    passing_example=HEADER
    + """institution People: electorate
institution Parliament: legislature
institution Council: advisory
article 1 {
  People elects Parliament.
  Parliament appoints Council.
  Parliament dismisses Council.
  Council initiates laws.
}
""",
    how_to_fix="Say who elects, removes, reviews or audits it, e.g. `Parliament dismisses Council for cause`.",
    parameters={"exempt_kinds": ["judiciary", "constitutional-review"]},
    complexity="linear in the number of clauses (clauses indexed by actor, target and instrument)",
)
def unaccountable(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    index = q.index_of(ctx)
    authors, reviewers = _authors(ctx), _reviewers(index)
    exempt = set(ctx.setting(rule, "exempt_kinds"))
    for identifier in index.power_holders():
        institution = ctx.constitution.institution(identifier)
        assert institution is not None
        if set(institution.kinds) & exempt or _answers(index, authors, reviewers, identifier):
            continue
        yield rule.finding(
            f"{institution.label} exercises powers but answers to no one: no election, removal, review, audit, "
            f"censure or duty to report reaches it",
            [identifier],
            index.clauses_of(identifier),
            location=institution.location,
        )


LAW_ACTS = ("laws", "constitutional-laws")


@rule(
    "CB202",
    "no-constitutional-review",
    severity="error",
    category="oversight",
    summary="No institution can review whether laws conform to the constitution.",
    what_it_flags=(
        "A constitution in which laws are adopted but no institution `reviews laws` (or constitutional "
        "laws) and no law-making clause is `subject to review by` anyone. The language (v1) cannot say who "
        "may bring a case to the reviewing body (standing), so a review body that only the executive can "
        "seize is not detected; write the standing in a `when` circumstance and a comment."
    ),
    why_it_matters=(
        "Without review the constitution's limits on the legislature are self-enforced. Hamilton argues "
        "that courts must hold void acts contrary to the constitution (Federalist 78); the Venice "
        "Commission's Rule of Law Checklist asks whether there is effective review of the constitutionality "
        "of laws, and Ginsburg & Huq count independent courts among the main defences against erosion."
    ),
    references=(
        "Hamilton, The Federalist No. 78 (1788)",
        "Venice Commission, Rule of Law Checklist, CDL-AD(2016)007, II.A.4 (constitutional review)",
        "Ginsburg & Huq, How to Save a Constitutional Democracy (2018)",
    ),
    failing_example=HEADER
    + """institution Parliament: legislature
article 1 {
  Parliament adopts laws.
}
""",
    passing_example=HEADER
    + """institution Parliament: legislature
institution Court: constitutional-review
article 1 {
  Parliament adopts laws.
  Court reviews laws.
}
""",
    how_to_fix="Give a court or constitutional council the power to review laws: `ConstitutionalCourt reviews laws.`",
    complexity="linear in the number of clauses",
)
def no_constitutional_review(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    clauses = q.index_of(ctx).clauses
    adopting = [c for c in clauses if c.target in LAW_ACTS and c.verb in ("adopts", "approves")]
    if not adopting:
        return
    if any(c.verb == "reviews" and c.target in LAW_ACTS for c in clauses) or any(c.has("review") for c in adopting):
        return
    yield rule.finding(
        f"no institution reviews the constitutionality of laws adopted by "
        f"{q.names(ctx.constitution, sorted({c.actor for c in adopting}))}",
        sorted({c.actor for c in adopting}),
        adopting,
    )


@rule(
    "CB203",
    "no-independent-audit",
    severity="warning",
    category="oversight",
    summary="No institution independent of those who spend public money audits it.",
    what_it_flags=(
        "An institution that executes the budget while no institution independent of it (one it does not "
        "control, and not controlled by anyone who controls it) audits the budget or the institution."
    ),
    why_it_matters=(
        "External audit is the condition of the legislature's power of the purse: the Lima Declaration of "
        "INTOSAI requires a supreme audit institution independent of the audited entity, and the Venice "
        "Commission lists supreme audit among the independent institutions of the rule of law."
    ),
    references=(
        "INTOSAI, Lima Declaration of Guidelines on Auditing Precepts (1977), sections 5-7",
        "Venice Commission, Rule of Law Checklist, CDL-AD(2016)007",
    ),
    failing_example=HEADER
    + """institution Parliament: legislature
institution Government: cabinet
article 1 {
  Parliament adopts budget.
  Government executes budget.
}
""",
    passing_example=HEADER
    + """institution Parliament: legislature
institution Government: cabinet
institution AuditOffice: audit
article 1 {
  Parliament adopts budget.
  Government executes budget.
  Parliament appoints AuditOffice.
  AuditOffice audits budget.
}
""",
    how_to_fix="Create an audit institution the executive does not control: `AuditOffice audits budget.`",
    complexity="O(C + V·(V+E)) for the control closure",
)
def no_independent_audit(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    index = q.index_of(ctx)
    closure = q.dependence_closure(index)
    spending = index.clauses_on("budget", ("executes",))
    budget_audits = index.clauses_on("budget", ("audits",))
    budget_auditors = q.distinct_actors(budget_audits)
    for executor in sorted({c.actor for c in spending}):
        own_audits = index.clauses_on(executor, ("audits",)) if executor != "budget" else []
        if any(q.is_independent_of(closure, actor, executor) for actor in q.distinct_actors(own_audits)):
            continue
        if q.any_independent_of(closure, budget_auditors, executor):
            continue
        audits = index.in_source_order([*budget_audits, *own_audits])
        auditors = q.names(ctx.constitution, sorted({c.actor for c in audits}))
        captive = f"; {auditors} audits it but is not independent of it" if audits else ""
        yield rule.finding(
            f"no institution independent of {q.label(ctx.constitution, executor)} audits the budget it "
            f"executes{captive}",
            [executor],
            [c for c in spending if c.actor == executor] + audits,
        )


@rule(
    "CB204",
    "budget-without-legislature",
    severity="error",
    category="oversight",
    summary="The budget is adopted or spent without the legislature's approval.",
    what_it_flags=(
        "Public money is spent (`executes budget`) but no national legislature adopts or approves the "
        "budget; or a non-legislative institution adopts the budget without a legislature's consent and "
        "without a legislature being able to override it."
    ),
    why_it_matters=(
        "The power of the purse is the legislature's oldest check on the executive: 'this power over the "
        "purse may ... be regarded as the most complete and effectual weapon' (Madison, Federalist 58). "
        "Fish & Kroenig's Legislative Powers Survey scores whether the legislature's approval is needed for "
        "the budget."
    ),
    references=(
        "Madison, The Federalist No. 58 (1788)",
        "Fish & Kroenig, The Handbook of National Legislatures: A Global Survey (2009)",
    ),
    failing_example=HEADER
    + """institution Parliament: legislature
institution Government: cabinet
article 1 {
  Government adopts budget.
  Government executes budget.
}
""",
    passing_example=HEADER
    + """institution Parliament: legislature
institution Government: cabinet
article 1 {
  Government initiates budget.
  Parliament adopts budget.
  Government executes budget.
}
""",
    how_to_fix="Make the budget a law the legislature adopts: `Parliament adopts budget.`",
    complexity="linear in the number of clauses",
)
def budget_without_legislature(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    index = q.index_of(ctx)
    clauses = index.clauses

    def national_legislature(identifier: str) -> bool:
        return index.is_legislature(identifier) and "local" not in index.kinds(identifier)

    adopting = [c for c in clauses if c.target == "budget" and c.verb in ("adopts", "approves")]
    spending = [c for c in clauses if c.target == "budget" and c.verb == "executes"]
    legislative = [c for c in adopting if national_legislature(c.actor)]
    if spending and not legislative:
        yield rule.finding(
            f"{q.names(ctx.constitution, sorted({c.actor for c in spending}))} spends public money but no "
            f"legislature adopts or approves the budget",
            sorted({c.actor for c in spending}),
            [*spending, *adopting],
        )
    for clause in adopting:
        if index.is_legislature(clause.actor) or index.is_electorate(clause.actor):
            continue
        checks = q.say_so_holders(clause, ("consent", "override"))
        if any(national_legislature(h) for h in checks):
            continue
        yield rule.finding(
            f"{q.label(ctx.constitution, clause.actor)} adopts the budget without the legislature's approval",
            [clause.actor],
            [clause],
        )


def _contestants(index: q.Index) -> set[str]:
    """Institutions whose holders run for office: elected by the voters (and the bodies they form)."""
    elected = {c.target for c in index.clauses if c.verb == "elects" and index.is_electorate(c.actor)}
    for institution in index.institutions:
        if institution.joint_sitting_of and set(institution.joint_sitting_of) & elected:
            elected.add(institution.id)
    return elected


@rule(
    "CB205",
    "captured-election-administration",
    severity="error",
    category="oversight",
    summary="Election administration is composed and removable by a contestant for office.",
    what_it_flags=(
        "An election body (kind `electoral`) most of whose members, or all of whose members, an institution "
        "that itself stands for election (one the voters elect, such as a president or a parliament) or an "
        "institution such a contestant controls appoints, and whose members or chair that same actor may "
        "remove at will. Consent of another body to the appointments does not help when removal stays free."
    ),
    why_it_matters=(
        "A referee chosen and dismissable by one of the players is not impartial. The Venice Commission's "
        "Code of Good Practice in Electoral Matters requires an impartial body to apply electoral law, "
        "with members who cannot be freely recalled by the bodies that appointed them."
    ),
    references=(
        "Venice Commission, Code of Good Practice in Electoral Matters, CDL-AD(2002)023rev, II.3.1",
        "Elklit & Reynolds, The Impact of Election Administration on the Legitimacy of Emerging Democracies (2002)",
    ),
    failing_example=HEADER
    + """institution People: electorate
institution President: executive
institution ElectionCommission: electoral
article 1 {
  People elects President.
  President appoints ElectionCommission.
  President dismisses ElectionCommission.
}
""",
    passing_example=HEADER
    + """institution People: electorate
institution President: executive
institution Parliament: legislature
institution ElectionCommission: electoral, seats 9
article 1 {
  People elects President.
  People elects Parliament.
  President appoints 3 of 9 ElectionCommission.
  Parliament elects 6 of 9 ElectionCommission by two-thirds.
  President dismisses ElectionCommission for cause "incapacity", with consent of Parliament.
}
""",
    how_to_fix=(
        "Compose the election body from several sources (parties, the judiciary, the legislature by "
        "qualified majority) and protect its members against removal except for cause."
    ),
    complexity="O(C + V·(V+E)) for the control closure",
)
def captured_elections(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    index = q.index_of(ctx)
    closure = q.control_closure(index)
    contestants = _contestants(index)
    for institution in ctx.constitution.institutions:
        if "electoral" not in institution.kinds:
            continue
        shares = q.selection_shares(index, institution.id, closure, count_consented=True)
        removals = index.at_will_removals(institution.id)
        for actor, (fraction, _chair, appointments) in sorted(shares.items()):
            if fraction <= Fraction(1, 2):
                continue
            masters = sorted(c for c in {actor, *closure.controllers(actor)} if c in contestants)
            mine = [c for c in removals if c.actor == actor]
            if not masters or not mine:
                continue
            through = (
                " (itself elected by the voters)"
                if masters == [actor]
                else (f" (which answers to {q.names(ctx.constitution, masters)}, a contestant for office)")
            )
            removed = ", ".join(sorted({q.describe_target(ctx.constitution, c) for c in mine}))
            yield rule.finding(
                f"{q.label(ctx.constitution, actor)}{through} composes {institution.label} and may remove "
                f"{removed} at will",
                [actor, institution.id, *masters],
                [*appointments, *mine, *(c for m in masters for c in closure.get(m, {}).get(actor, []))],
            )


@rule(
    "CB206",
    "judges-removable-at-will",
    severity="error",
    category="oversight",
    summary="Judges can be removed at will.",
    what_it_flags=(
        "A court (kind `judiciary` or `constitutional-review`), its chair or some of its judges that an "
        "institution may remove at will, after mere consultation, or with no grounds or procedure stated, "
        "where that institution does not also appoint them (that case is CB103's)."
    ),
    why_it_matters=(
        "Judges who can be removed for their decisions will decide as the remover wishes; permanent tenure "
        "during good behaviour is 'the best expedient which can be devised in any government to secure a "
        "steady, upright and impartial administration of the laws' (Federalist 78). The Venice Commission's "
        "Rule of Law Checklist requires removal of judges only for cause and by a fair procedure."
    ),
    references=(
        "Hamilton, The Federalist No. 78 (1788)",
        "Venice Commission, Rule of Law Checklist, CDL-AD(2016)007, II.E.1 (independence of individual judges)",
    ),
    failing_example=HEADER
    + """institution Senate: legislature
institution SupremeCourt: judiciary
article 1 {
  Senate dismisses SupremeCourt.
}
""",
    passing_example=HEADER
    + """institution Senate: legislature
institution SupremeCourt: judiciary
article 1 {
  Senate dismisses SupremeCourt for cause "a criminal conviction", subject to review by SupremeCourt.
}
""",
    how_to_fix="Allow removal of judges only for stated cause, by a procedure with judicial involvement.",
    complexity="linear in the number of clauses",
)
def judges_at_will(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    index = q.index_of(ctx)
    for institution in ctx.constitution.institutions:
        if not set(institution.kinds) & JUDICIAL_KINDS:
            continue
        appointers = {c.actor for c in index.selections(institution.id)}
        removals = [c for c in index.at_will_removals(institution.id) if c.actor not in appointers]
        for actor in sorted({c.actor for c in removals}):
            mine = [c for c in removals if c.actor == actor]
            scopes = sorted({q.describe_target(ctx.constitution, c) for c in mine})
            how = sorted({q.describe_discretion(c) for c in mine})
            yield rule.finding(
                f"{q.label(ctx.constitution, actor)} may remove {', '.join(scopes)} {' or '.join(how)}",
                [actor, institution.id],
                mine,
            )


def _master(index: q.Index, closure: dict[str, dict[str, list[PowerClause]]], identifier: str) -> str:
    """Who stands behind ``identifier``: the top of the chain of actors it depends on, else itself."""
    controllers = sorted(q.controllers_of(closure, identifier))
    tops = [c for c in controllers if not any(c in closure.get(o, {}) for o in controllers if o != c)]
    return tops[0] if tops else identifier


@rule(
    "CB207",
    "single-source-judicial-appointments",
    severity="warning",
    category="oversight",
    summary="All appointments to a court flow from one actor, with no independent council or confirmation.",
    what_it_flags=(
        "A court every one of whose selection clauses comes from the same actor, directly or through "
        "bodies that actor fills or controls (a judicial council it forms, a government it dismisses at "
        "will), with no consent or proposal of an institution independent of it."
    ),
    why_it_matters=(
        "The composition of the bench is the long-run lever over what courts decide. International "
        "standards ask that judges be selected by, or on the proposal of, a judicial council with a "
        "substantial judicial component, or confirmed by another organ, so that no single political actor "
        "chooses every judge (Venice Commission, Judicial Appointments, CDL-AD(2007)028)."
    ),
    references=(
        "Venice Commission, Judicial Appointments, CDL-AD(2007)028",
        "Venice Commission, Rule of Law Checklist, CDL-AD(2016)007, II.E",
    ),
    failing_example=HEADER
    + """institution President: executive
institution JudicialCouncil: judicial-council
institution Courts: judiciary
article 1 {
  President appoints JudicialCouncil.
  President appoints Courts on recommendation of JudicialCouncil.
}
""",
    passing_example=HEADER
    + """institution President: executive
institution Judges: judiciary
institution JudicialCouncil: judicial-council
institution Courts: judiciary
article 1 {
  Judges elects JudicialCouncil.
  President appoints Courts on recommendation of JudicialCouncil.
}
""",
    how_to_fix="Have judges proposed by a council the appointer does not form, or confirmed by another organ.",
    complexity="O(C + V·(V+E)) for the control closure",
)
def single_source_judiciary(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    index = q.index_of(ctx)
    closure = q.dependence_closure(index)
    for institution in ctx.constitution.institutions:
        if not set(institution.kinds) & JUDICIAL_KINDS:
            continue
        selections = index.selections(institution.id)
        if not selections:
            continue
        masters = {_master(index, closure, c.actor) for c in selections}
        if len(masters) != 1:
            continue
        master = masters.pop()
        if master == institution.id or index.is_electorate(master):
            continue
        holders = {h for c in selections for h in q.say_so_holders(c)}
        if any(_master(index, closure, h) != master for h in holders):
            continue
        helpers = sorted({*holders, *(c.actor for c in selections)} - {master})
        evidence = list(selections)
        for helper in helpers:
            evidence += [c for c in index.selections(helper) if _master(index, closure, c.actor) == master]
            evidence += [c for chain in (closure.get(master, {}).get(helper, []),) for c in chain]
        via = f" (through {q.names(ctx.constitution, helpers)}, which it fills or controls)" if helpers else ""
        yield rule.finding(
            f"every appointment to {institution.label} flows from {q.label(ctx.constitution, master)}{via}, "
            f"with no independent council or confirmation",
            [master, institution.id, *helpers],
            evidence,
        )


def _part_of(ctx: RuleContext, officer: str, body: str) -> bool:
    """An officer or member of a body (``member-of``) acting on the body's acts is the body acting,
    not an outside check: horizontal accountability needs a separate agency (O'Donnell 1998)."""
    institution = ctx.constitution.institution(officer)
    return institution is not None and institution.member_of == body


@rule(
    "CB208",
    "circular-capture",
    severity="error",
    category="oversight",
    summary="An overseer is controlled by the body it oversees.",
    what_it_flags=(
        "An institution that reviews, annuls, audits, censures, investigates, questions or hears reports "
        "of another (or whose review the other's acts are subject to) while that other institution may "
        "remove it at will, directly or through a chain of at-will removals."
    ),
    why_it_matters=(
        "'No man is allowed to be a judge in his own cause' (Madison, Federalist 10): an overseer that the "
        "overseen can dismiss cannot oversee. Horizontal accountability requires agencies that are "
        "'legally empowered ... and factually willing and able' to act against other agencies (O'Donnell 1998)."
    ),
    references=(
        "Madison, The Federalist No. 10 (1787)",
        "O'Donnell, Horizontal Accountability in New Democracies, Journal of Democracy 9(3) (1998)",
    ),
    failing_example=HEADER
    + """institution Government: cabinet
institution Inspector: audit
article 1 {
  Government appoints Inspector.
  Government dismisses Inspector at will.
  Inspector audits Government.
}
""",
    passing_example=HEADER
    + """institution Parliament: legislature
institution Government: cabinet
institution Inspector: audit
article 1 {
  Parliament appoints Inspector.
  Parliament dismisses Inspector for cause "misconduct".
  Inspector audits Government.
}
""",
    how_to_fix="Give the overseer's appointment and removal to another body and protect its tenure.",
    complexity="O(C + V·(V+E)) for the control closure",
)
def circular_capture(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    index = q.index_of(ctx)
    closure = q.control_closure(index)
    pairs: dict[tuple[str, str], list[PowerClause]] = {}
    for clause in index.clauses:
        if clause.category == "oversight" and clause.target_type == "institution":
            pairs.setdefault((clause.actor, clause.target), []).append(clause)
        for holder in q.say_so_holders(clause, ("review",)):
            pairs.setdefault((holder, clause.actor), []).append(clause)
    for overseer, overseen in sorted(pairs):
        chain = closure.get(overseen, {}).get(overseer)
        if not chain or _part_of(ctx, overseer, overseen):
            continue
        yield rule.finding(
            f"{q.label(ctx.constitution, overseer)} oversees {q.label(ctx.constitution, overseen)}, which may "
            f"remove it at will",
            [overseer, overseen],
            [*pairs[(overseer, overseen)], *chain],
        )


@rule(
    "CB209",
    "legislature-without-oversight-tools",
    severity="warning",
    category="oversight",
    summary="The legislature has no means to question, investigate or hear reports from the executive.",
    what_it_flags=(
        "A national legislature (with its chambers and joint sittings) that cannot question, investigate, "
        "hear reports of, censure, vote no confidence in, impeach or audit any executive institution or the "
        "budget, in a constitution that has an executive."
    ),
    why_it_matters=(
        "An assembly that makes laws but cannot find out how they are executed cannot hold the executive "
        "to account. Fish & Kroenig's Legislative Powers Survey counts the powers to summon and question "
        "ministers, investigate the executive and hear its reports among the core powers of a legislature, "
        "and finds legislative strength a strong predictor of democratic development."
    ),
    references=(
        "Fish & Kroenig, The Handbook of National Legislatures: A Global Survey (2009)",
        "Fish, Stronger Legislatures, Stronger Democracies, Journal of Democracy 17(1) (2006)",
    ),
    failing_example=HEADER
    + """institution President: executive
institution Parliament: legislature
article 1 {
  Parliament adopts laws.
  President issues decrees.
}
""",
    passing_example=HEADER
    + """institution President: executive
institution Parliament: legislature
article 1 {
  Parliament adopts laws.
  Parliament questions President.
}
""",
    how_to_fix="Give the legislature interpellation, inquiry or reporting powers: `Parliament questions Government.`",
    complexity="linear in the number of clauses (chamber groups and clauses by actor computed once)",
)
def toothless_legislature(rule: Rule, ctx: RuleContext) -> Iterator[Finding]:
    index = q.index_of(ctx)
    executives = {i.id for i in ctx.constitution.institutions if index.is_executive(i.id)}
    if not executives:
        return
    seen: set[str] = set()
    # Widest groups first: a chair's own group is just itself, so visiting it before its chamber
    # (as when the chair is declared first) reported the chair as a legislature of its own.
    order = index.declaration_order
    national = [i for i in ctx.constitution.institutions if "legislature" in i.kinds and "local" not in i.kinds]
    for institution in sorted(national, key=lambda i: (-len(index.chamber_group(i.id)), order[i.id])):
        if institution.id in seen:
            continue
        group = index.chamber_group(institution.id)
        seen |= group
        members = sorted(group, key=lambda i: order[i])
        powers = index.in_source_order(c for member in members for c in index.by_actor.get(member, []))
        tools = [
            c
            for c in powers
            if c.verb in SCRUTINY_VERBS and (c.target in executives or (c.verb == "audits" and c.target == "budget"))
        ]
        if tools:
            continue
        yield rule.finding(
            f"{q.names(ctx.constitution, members)} cannot question, investigate or hear reports from "
            f"{q.names(ctx.constitution, sorted(executives))}",
            members,
            powers,
            location=institution.location,
        )
