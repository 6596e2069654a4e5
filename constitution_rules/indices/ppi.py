"""Fish & Kroenig's Parliamentary Powers Index (2009), read off a constitution's text.

Each of the 32 items of the Legislative Powers Survey is decided by one function below, from the
codebook's definition (docs/indices.md gives each definition, the decision rule and what the model
cannot see). An item the text cannot decide (staff, practice) is ``None`` with the reason.

``score`` is the share of decided items the legislature has (the PPI over the decided items);
``weighted`` is Chernykh, Doyle and Power's (2017) expert-weighted score over the same items, the
weights renormalised over the decided items.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from pydantic import BaseModel, ConfigDict

from constitution_rules import model as m
from constitution_rules.indices.items import PRECISION, Item, decided, names, statement_evidence, undecided
from constitution_rules.indices.roles import (
    DECREE_LAWS,
    Roles,
    alone,
    binding_proposals,
    decrees_of_unstated_force,
    institutions_in,
    largest_majority,
    participants,
    popular_election,
    roles_of,
)
from constitution_rules.vocabulary import (
    ACCOUNT_VERBS,
    CONFIDENCE_VERBS,
    LAW_INSTRUMENTS,
    REMOVAL_VERBS,
    SELECTION_VERBS,
)


@dataclass(frozen=True)
class PPIItem:
    name: str
    group: str
    weight: float
    meaning: str


#: The 32 items in the survey's order, with Chernykh, Doyle and Power's (2017) expert weights.
ITEMS: tuple[PPIItem, ...] = tuple(
    PPIItem(*row)
    for row in (
        ("replace_ex", "executive", 0.0360, "the legislature alone can remove the president or replace the government"),
        ("serve_min", "executive", 0.0207, "ministers may serve as members of the legislature"),
        ("interpellate", "executive", 0.0358, "the legislature can summon and question executive officials"),
        ("investigate", "executive", 0.0385, "the legislature can investigate the executive"),
        ("oversee_pol", "executive", 0.0356, "effective oversight of the police, military and intelligence"),
        ("appoint_pm", "executive", 0.0327, "the legislature appoints the prime minister"),
        ("appoint_min", "executive", 0.0307, "the legislature's approval is needed for ministers"),
        ("lack_pres", "executive", 0.0247, "there is no directly elected president"),
        ("no_conf", "executive", 0.0348, "the legislature can vote no confidence in the government"),
        ("no_diss", "autonomy", 0.0365, "the legislature is immune from dissolution by the executive"),
        (
            "no_decree",
            "autonomy",
            0.0339,
            "no executive decree with the force of law, or the legislature can reverse it",
        ),
        ("no_veto", "autonomy", 0.0370, "laws are veto-proof, or a veto falls to a simple majority"),
        ("no_review", "autonomy", 0.0263, "the legislature's laws are not subject to judicial review"),
        ("no_gate", "autonomy", 0.0362, "the legislature can initiate bills in every policy area"),
        ("no_impound", "autonomy", 0.0336, "appropriated spending is mandatory"),
        ("cont_resor", "autonomy", 0.0363, "the legislature controls its own resources"),
        ("immunity", "autonomy", 0.0242, "members are immune from arrest and prosecution"),
        ("elected", "autonomy", 0.0378, "all members of the legislature are elected"),
        ("amend", "specified", 0.0327, "the legislature alone can amend the constitution"),
        ("war", "specified", 0.0346, "legislative approval is needed to declare war"),
        ("treaty", "specified", 0.0340, "legislative approval is needed to ratify treaties"),
        ("amnesty", "specified", 0.0201, "the legislature can grant amnesty"),
        ("pardon", "specified", 0.0186, "the legislature can pardon"),
        ("judiciary", "specified", 0.0300, "the legislature appoints or approves judicial appointments"),
        ("bank", "specified", 0.0233, "the legislature appoints the head of the central bank"),
        ("media", "specified", 0.0236, "the legislature has a substantial voice in state-owned media"),
        ("sessions", "capacity", 0.0359, "the legislature is regularly in session"),
        ("secretary", "capacity", 0.0258, "each legislator has a personal secretary"),
        ("staff", "capacity", 0.0308, "each legislator has non-secretarial staff"),
        ("no_limit", "capacity", 0.0322, "legislators may be re-elected without term limits"),
        ("seek_reelect", "capacity", 0.0338, "the seat is attractive enough that members seek re-election"),
        ("experience", "capacity", 0.0332, "re-election is common enough for an experienced membership"),
    )
)
ITEM_NAMES: tuple[str, ...] = tuple(i.name for i in ITEMS)
WEIGHTS: dict[str, float] = {i.name: i.weight for i in ITEMS}

#: Items that depend on statute and practice, never on the constitution's text: the reason each is null.
PRACTICE: dict[str, str] = {
    "oversee_pol": "whether oversight of the police, military and intelligence is effective is a matter of practice",
    "no_impound": "whether the executive may impound appropriated funds is set by budget law and practice",
    "cont_resor": "who controls the legislature's budget and perquisites is set by statute and practice",
    "media": "the legislature's voice in state-owned media is set by statute and practice",
    "sessions": "session rules are not modelled by the language; regular sitting is a matter of practice",
    "secretary": "legislators' personal staff is a matter of budget and practice",
    "staff": "legislators' policy staff is a matter of budget and practice",
    "seek_reelect": "whether members seek re-election is behaviour, not text",
    "experience": "how often members are re-elected is behaviour, not text",
}


class PPI(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    items: dict[str, Item]
    decided: int
    score: float | None
    weighted: float | None


# ---- helpers --------------------------------------------------------------------------------


def _when(clause: m.PowerClause) -> bool:
    return clause.has("when")


def _by_legislature(clause: m.PowerClause, roles: Roles) -> bool:
    return any(a in roles.legislature for a in clause.actors)


def _consent_of_legislature(clause: m.PowerClause, roles: Roles) -> bool:
    return any(
        any(i in roles.legislature for i in institutions_in(c)) for c in clause.conditions if c.type == "consent"
    )


def _binding_proposal_of_legislature(clause: m.PowerClause, roles: Roles) -> bool:
    """A proposal the actor must follow (:func:`roles.binding_proposals`): the legislature's choice,
    formally made by another."""
    return any(any(i in roles.legislature for i in p.institutions) for p in binding_proposals(clause))


def _chief_executive(roles: Roles) -> frozenset[str]:
    """The president (any head of state: the item says "impeach the president") and the government."""
    return frozenset(roles.prime_minister | roles.government | set(roles.head_of_state))


# ---- influence over the executive -----------------------------------------------------------


def replace_ex(c: m.Constitution, roles: Roles) -> Item:
    chief = _chief_executive(roles)
    removal = [
        x
        for x in c.clauses
        if x.verb in (REMOVAL_VERBS | CONFIDENCE_VERBS)
        and x.target in chief
        and x.target_scope == "body"
        and _by_legislature(x, roles)
    ]
    if not removal:
        return decided(False, f"no clause lets the legislature remove the chief executive ({names(chief)})")
    solo = [x for x in removal if alone(x, roles.legislature)]
    if solo:
        return decided(True, "the legislature removes the chief executive without another body's part", solo)
    others = names(p for x in removal for p in participants(x) if p not in roles.legislature)
    return decided(False, f"every removal of the chief executive by the legislature involves {others}", removal)


def serve_min(c: m.Constitution, roles: Roles) -> Item:
    """Language v2 statements ``membership of Government (in)compatible with X`` (Provision.incompatibilities)."""
    government = roles.ministers | roles.prime_minister | roles.government
    found = [
        (p, s)
        for p in c.provisions
        for s in p.incompatibilities
        if s.office in government and (s.other in roles.legislature or roles.chamber_of(s.other) in roles.chambers)
    ]
    if not found:
        return undecided("the text as encoded does not say whether ministers may sit in the legislature")

    allowed = [statement_evidence(p, s) for p, s in found if s.compatible]
    if allowed:
        return decided(True, "members of the government may sit in the legislature", statements=allowed)
    barred = [statement_evidence(p, s) for p, s in found]
    return decided(
        False, "membership of the government is incompatible with a seat in the legislature", statements=barred
    )


def interpellate(c: m.Constitution, roles: Roles) -> Item:
    found = [
        x for x in c.clauses if x.verb in ACCOUNT_VERBS and _by_legislature(x, roles) and x.target in roles.executive
    ]
    if found:
        return decided(True, "the legislature questions or hears reports of the executive", found)
    return decided(False, "no clause lets the legislature question or hear reports of the executive")


def investigate(c: m.Constitution, roles: Roles) -> Item:
    found = [
        x for x in c.clauses if x.verb == "investigates" and _by_legislature(x, roles) and x.target in roles.executive
    ]
    agencies = [x for x in found if x.target not in roles.head_of_state]
    if agencies:
        return decided(True, "the legislature investigates the government or executive agencies", agencies)
    if found:
        return decided(False, "the legislature investigates only the head of state (the impeachment procedure)", found)
    return decided(False, "no clause lets the legislature investigate the executive")


def appoint_pm(c: m.Constitution, roles: Roles) -> Item:
    if not roles.prime_minister:
        if roles.president is not None:
            basis = popular_election(c, roles.president, roles.electorate)
            return decided(False, f"no prime minister: the voters elect the chief executive ({roles.president})", basis)
        return undecided("no head of government is declared")
    chosen = [
        x for x in c.clauses if x.verb in SELECTION_VERBS and x.target in roles.prime_minister and x.share is None
    ]
    if not chosen:
        return undecided(f"no clause says how {names(roles.prime_minister)} is chosen")
    by_legislature = [x for x in chosen if _by_legislature(x, roles) or _binding_proposal_of_legislature(x, roles)]
    if by_legislature:
        return decided(True, "the legislature chooses the head of government", by_legislature)
    return decided(False, "another body appoints the head of government (consent is not appointment)", chosen)


def _approved_selection(chosen: list[m.PowerClause], roles: Roles, what: str) -> Item:
    """Appointments the legislature makes, consents to or proposes bindingly (items 7 and 24)."""
    if not chosen:
        return undecided(f"no clause says how {what} are chosen")
    approved = [
        x
        for x in chosen
        if _by_legislature(x, roles) or _consent_of_legislature(x, roles) or _binding_proposal_of_legislature(x, roles)
    ]
    if approved:
        return decided(True, f"{what} are appointed by, or with the approval of, the legislature", approved)
    return decided(False, f"{what} are appointed without the legislature's approval", chosen)


def appoint_min(c: m.Constitution, roles: Roles) -> Item:
    ministers = roles.ministers - roles.prime_minister
    return _approved_selection(
        [x for x in c.clauses if x.verb in SELECTION_VERBS and x.target in ministers], roles, "ministers"
    )


def lack_pres(c: m.Constitution, roles: Roles) -> Item:
    if not roles.head_of_state:
        return decided(True, "no head of state is declared")
    if roles.president is not None:
        basis = popular_election(c, roles.president, roles.electorate)
        return decided(False, f"the voters elect the head of state ({roles.president})", basis)
    chosen = [x for x in c.clauses if x.verb in SELECTION_VERBS and x.target in roles.head_of_state]
    return decided(True, f"the head of state ({names(roles.head_of_state)}) is not elected by the voters", chosen)


def no_conf(c: m.Constitution, roles: Roles) -> Item:
    targets = roles.government | roles.prime_minister
    found = [
        x
        for x in c.clauses
        if x.verb in CONFIDENCE_VERBS and x.target in targets and x.target_scope == "body" and _by_legislature(x, roles)
    ]
    if found:
        return decided(True, "the legislature can vote no confidence in the government", found)
    return decided(False, f"no clause lets the legislature vote no confidence in the government ({names(targets)})")


# ---- institutional autonomy -----------------------------------------------------------------


def no_diss(c: m.Constitution, roles: Roles) -> Item:
    found = [
        x
        for x in c.clauses
        if x.verb == "dissolves" and x.target in roles.legislature and any(a in roles.executive for a in x.actors)
    ]
    if found:
        return decided(False, "the executive can dissolve the legislature", found)
    return decided(True, "no clause lets the executive dissolve the legislature")


def _reversible(clause: m.PowerClause, roles: Roles, checks: list[m.PowerClause]) -> bool:
    """The legislature authorises the decrees (consent: delegation), can set them aside (override),
    acts on decrees of that kind by its own clause (approves or vetoes them), or annuls the acts of
    the body that issues them (``annuls acts of X``)."""
    for condition in clause.conditions:
        if condition.type in ("consent", "override") and any(
            i in roles.legislature for i in institutions_in(condition)
        ):
            return True
    return any(x.target == clause.target or (x.target_scope == "acts" and x.target in clause.actors) for x in checks)


def no_decree(c: m.Constitution, roles: Roles) -> Item:
    decrees = [
        x
        for x in c.clauses
        if x.verb == "issues" and x.target in (DECREE_LAWS, "decrees") and any(a in roles.executive for a in x.actors)
    ]
    checks = [
        x
        for x in c.clauses
        if _by_legislature(x, roles)
        and (
            (x.verb in ("approves", "vetoes", "annuls") and x.target in (DECREE_LAWS, "decrees"))
            or (x.verb == "annuls" and x.target_scope == "acts")
        )
    ]
    with_force = [x for x in decrees if x.target == DECREE_LAWS]
    unchecked = [x for x in with_force if not _reversible(x, roles, checks)]
    if unchecked:
        return decided(
            False, "the executive issues decrees with the force of law the legislature cannot reverse", unchecked
        )
    unspecified = decrees_of_unstated_force(c, [x for x in decrees if not _reversible(x, roles, checks)])
    if unspecified:
        return undecided(
            "the executive issues decrees whose force the text as encoded does not state"
            " (`decrees`, not `decree-laws`)",
            unspecified,
        )
    if with_force:
        return decided(
            True, "the legislature authorises or can reverse the executive's decree-laws", [*with_force, *checks]
        )
    reversed_ = [x for x in decrees if _reversible(x, roles, checks)]
    if reversed_:
        return decided(True, "the legislature authorises or can reverse the executive's decrees", [*reversed_, *checks])
    if decrees:
        return decided(True, "the executive's decrees are not decree-laws (the text writes those apart)", decrees)
    regulations = [
        x
        for x in c.clauses
        if x.verb == "issues" and x.target == "regulations" and any(a in roles.executive for a in x.actors)
    ]
    if regulations:
        return decided(True, "the executive issues regulations executing the laws, no decree-laws", regulations)
    return decided(True, "no clause gives the executive decree power")


def no_veto(c: m.Constitution, roles: Roles) -> Item:
    vetoes = [
        x
        for x in c.clauses
        if x.verb == "vetoes" and x.target == "laws" and any(a in roles.executive for a in x.actors)
    ]
    if not vetoes:
        return decided(True, "no clause gives the executive a veto over laws")
    unknown: list[m.PowerClause] = []
    for veto in vetoes:
        overrides = [
            o
            for o in veto.conditions
            if o.type == "override" and all(i in roles.legislature for i in institutions_in(o))
        ]
        if not overrides:
            return decided(False, "the executive's veto cannot be overridden by the legislature", [veto])
        needed = [largest_majority(o) for o in overrides]
        if any(n is None for n in needed):
            unknown.append(veto)
        elif min(n for n in needed if n is not None) > Fraction(1, 2):
            return decided(False, "overriding the executive's veto needs more than a majority", [veto])
    if unknown:
        return undecided("the majority needed to override the executive's veto is not stated", unknown)
    return decided(True, "the legislature overrides the executive's veto by a majority", vetoes)


def no_review(c: m.Constitution, roles: Roles) -> Item:
    reviews = [
        x
        for x in c.clauses
        if (x.verb == "reviews" and x.target in ("laws", "constitutional-laws") and not _by_legislature(x, roles))
        or (
            x.verb == "adopts"
            and x.target == "laws"
            and any(
                r.type == "review" and any(i not in roles.legislature for i in institutions_in(r)) for r in x.conditions
            )
        )
    ]
    if reviews:
        return decided(False, "another body reviews the legislature's laws", reviews)
    return decided(True, "no clause subjects the legislature's laws to review")


def no_gate(c: m.Constitution, roles: Roles) -> Item:
    gates = [
        x
        for x in c.clauses
        if x.verb == "initiates" and x.target in LAW_INSTRUMENTS and x.exclusive and not _by_legislature(x, roles)
    ]
    if gates:
        return decided(False, "another body has the exclusive initiative of some laws", gates)
    own = [x for x in c.clauses if x.verb == "initiates" and x.target == "laws" and _by_legislature(x, roles)]
    if own:
        return decided(True, "the legislature initiates laws, and no other body's initiative is exclusive", own)
    others = [x for x in c.clauses if x.verb == "initiates" and x.target == "laws"]
    if others:
        return decided(False, "only other bodies initiate laws", others)
    return undecided("no clause says who initiates laws")


def immunity(c: m.Constitution, roles: Roles) -> Item:
    """Language v2 statements ``immunity of [members of] X "..." [lifted by Y]`` (Provision.immunities)."""
    found = [(p, i) for p in c.provisions for i in p.immunities]
    if not found:
        return undecided("the text as encoded states no immunity")
    members = [
        statement_evidence(p, i)
        for p, i in found
        if i.scope == "members" and roles.chamber_of(i.holder) in roles.chambers
    ]
    if members:
        return decided(True, "members of the legislature are immune from arrest or prosecution", statements=members)
    return decided(False, "the text states immunities, none for members of the legislature")


def elected(c: m.Constitution, roles: Roles) -> Item:
    if not roles.chambers:
        return undecided("no chamber of a national legislature is declared")
    ex_officio = [
        i
        for i in c.institutions
        if i.ex_officio and i.id in roles.legislature and roles.chamber_of(i.id) in roles.chambers
    ]
    if ex_officio:
        return decided(False, f"some members of {names(i.id for i in ex_officio)} sit ex officio", ex_officio)
    basis: list[m.PowerClause | m.Institution] = []
    unknown: list[str] = []
    for chamber in roles.chambers:
        chosen = [
            x
            for x in c.clauses
            if x.verb in SELECTION_VERBS
            and roles.chamber_of(x.target) == chamber
            and x.actor not in roles.legislature  # officers and committees the chambers fill add no member
            and (x.share is None or x.share.kind in ("seats", "fraction"))
        ]
        appointed = [x for x in chosen if x.verb != "elects"]
        if appointed:
            return decided(False, f"some members of {chamber} are appointed, not elected", appointed)
        if not chosen:
            unknown.append(chamber)
        basis.extend(chosen)
    if unknown:
        return undecided(f"the text as encoded does not say how the members of {names(unknown)} are chosen", basis)
    return decided(True, "every chamber's members are elected", basis)


# ---- specified powers -----------------------------------------------------------------------


def amend(c: m.Constitution, roles: Roles) -> Item:
    steps = [
        x for x in c.clauses if x.target == "constitution" and x.verb in ("adopts", "amends", "ratifies", "approves")
    ]
    if not steps:
        return undecided("no clause says how the constitution is amended")
    solo = [x for x in steps if _by_legislature(x, roles) and alone(x, roles.legislature)]
    # `ratifies` and `approves` are consent after adoption (docs/language.md), so another body that
    # holds one is involved in the amendments it covers, whatever circumstance names them.
    required_elsewhere = [x for x in steps if not _by_legislature(x, roles) and x.verb in ("ratifies", "approves")]
    if solo and not required_elsewhere:
        return decided(True, "the legislature amends the constitution without another body", solo)
    if required_elsewhere:
        return decided(False, "another body ratifies or approves amendments", required_elsewhere)
    return decided(False, "every amendment route involves a body outside the legislature", steps)


def _approval_item(c: m.Constitution, roles: Roles, target: str, verbs: frozenset[str], what: str) -> Item:
    acts = [x for x in c.clauses if x.target == target and x.verb in verbs]
    if not acts:
        return undecided(f"no clause says who {what}")
    approved = [x for x in acts if _by_legislature(x, roles) or _consent_of_legislature(x, roles)]
    if approved:
        return decided(True, f"the legislature {what}, or must approve it", approved)
    return decided(False, f"another body {what} without the legislature's approval", acts)


def war(c: m.Constitution, roles: Roles) -> Item:
    return _approval_item(c, roles, "war", frozenset({"declares", "approves"}), "declares war")


def treaty(c: m.Constitution, roles: Roles) -> Item:
    return _approval_item(c, roles, "treaties", frozenset({"ratifies", "adopts", "approves"}), "ratifies treaties")


def _grant_item(c: m.Constitution, roles: Roles, target: str, what: str) -> Item:
    acts = [x for x in c.clauses if x.target == target and x.verb in ("grants", "adopts", "approves")]
    if not acts:
        return undecided(f"no clause says who grants {what}")
    own = [x for x in acts if _by_legislature(x, roles)]
    if own:
        return decided(True, f"the legislature grants {what}", own)
    return decided(False, f"only other bodies grant {what}", acts)


def amnesty(c: m.Constitution, roles: Roles) -> Item:
    return _grant_item(c, roles, "amnesty", "amnesty")


def pardon(c: m.Constitution, roles: Roles) -> Item:
    return _grant_item(c, roles, "pardons", "pardons")


def judiciary(c: m.Constitution, roles: Roles) -> Item:
    chosen = [x for x in c.clauses if x.verb in (*SELECTION_VERBS, "nominates") and x.target in roles.courts]
    return _approved_selection(chosen, roles, "judges")


def bank(c: m.Constitution, roles: Roles) -> Item:
    chosen = [x for x in c.clauses if x.verb in SELECTION_VERBS and x.target in roles.central_bank]
    if not chosen:
        return undecided("no clause says who appoints the head of the central bank")
    own = [x for x in chosen if _by_legislature(x, roles) or _binding_proposal_of_legislature(x, roles)]
    if own:
        return decided(True, "the legislature appoints the head of the central bank", own)
    return decided(False, "another body appoints the head of the central bank (consent is not appointment)", chosen)


# ---- institutional capacity -----------------------------------------------------------------


def no_limit(c: m.Constitution, roles: Roles) -> Item:
    chambers = [i for i in c.institutions if i.id in roles.chambers]
    if not chambers:
        return undecided("no chamber of a national legislature is declared")
    limited = [i for i in chambers if i.term_limit is not None]
    if limited:
        return decided(False, f"a term limit binds the members of {names(i.id for i in limited)}", limited)
    return decided(True, "no term limit is declared for any chamber", chambers)


def _practice(name: str) -> Callable[[m.Constitution, Roles], Item]:
    def rule(c: m.Constitution, roles: Roles) -> Item:
        return undecided(PRACTICE[name])

    rule.__name__ = name
    return rule


DECIDERS: dict[str, Callable[[m.Constitution, Roles], Item]] = {
    "replace_ex": replace_ex,
    "serve_min": serve_min,
    "interpellate": interpellate,
    "investigate": investigate,
    "appoint_pm": appoint_pm,
    "appoint_min": appoint_min,
    "lack_pres": lack_pres,
    "no_conf": no_conf,
    "no_diss": no_diss,
    "no_decree": no_decree,
    "no_veto": no_veto,
    "no_review": no_review,
    "no_gate": no_gate,
    "immunity": immunity,
    "elected": elected,
    "amend": amend,
    "war": war,
    "treaty": treaty,
    "amnesty": amnesty,
    "pardon": pardon,
    "judiciary": judiciary,
    "bank": bank,
    "no_limit": no_limit,
    **{name: _practice(name) for name in PRACTICE},
}
assert set(DECIDERS) == set(ITEM_NAMES)


def compute_ppi(constitution: m.Constitution, roles: Roles | None = None) -> PPI:
    """Every item decided (or not) from the text; the scores over the decided items."""
    roles = roles or roles_of(constitution)
    items = {name: DECIDERS[name](constitution, roles) for name in ITEM_NAMES}
    return PPI(items=items, **scores(items))


def scores(items: dict[str, Item]) -> dict[str, int | float | None]:
    """``decided``, ``score`` (share of decided items held) and ``weighted`` (expert weights
    renormalised over the decided items)."""
    done = [n for n in ITEM_NAMES if items[n].value is not None]
    held = [n for n in done if items[n].value is True]
    if not done:
        return {"decided": 0, "score": None, "weighted": None}
    total = sum(WEIGHTS[n] for n in done)
    return {
        "decided": len(done),
        "score": round(len(held) / len(done), PRECISION),
        "weighted": round(sum(WEIGHTS[n] for n in held) / total, PRECISION),
    }
