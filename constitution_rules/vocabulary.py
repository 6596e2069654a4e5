"""The closed vocabulary of the language: verbs, their categories and targets, kinds, instruments.

Meanings here are part of the language's contract: a verb never changes category once released.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Category = Literal[
    "selection",
    "removal",
    "lawmaking",
    "budget",
    "oversight",
    "dissolution",
    "emergency",
    "command",
    "clemency",
    "amendment",
]

CATEGORIES: tuple[Category, ...] = get_args(Category)

KINDS: tuple[str, ...] = (
    "electorate",
    "executive",
    "head-of-state",
    "head-of-government",
    "deputy-head-of-state",
    "cabinet",
    "minister",
    "legislature",
    "judiciary",
    "judicial-council",
    "constitutional-review",
    "prosecution",
    "audit",
    "electoral",
    "central-bank",
    "ombudsman",
    "military",
    "security",
    "local",
    "advisory",
)

#: Institution kinds whose holders must be independent of the political branches (configurable).
DEFAULT_INDEPENDENT_KINDS: tuple[str, ...] = (
    "judiciary",
    "constitutional-review",
    "electoral",
    "audit",
    "prosecution",
    "central-bank",
    "ombudsman",
    "judicial-council",
)

INSTRUMENTS: tuple[str, ...] = (
    "laws",
    "constitutional-laws",
    "decrees",
    "budget",
    "treaties",
    "constitution",
    "referendum",
    "elections",
    "emergency",
    "war",
    "armed-forces",
    "pardons",
    "amnesty",
)

INSTITUTION = "institution"  # marker in a verb's target list: any declared institution
_ACTS = ("laws", "constitutional-laws", "budget", "constitution")


@dataclass(frozen=True)
class Verb:
    name: str
    category: Category
    targets: tuple[str, ...]
    meaning: str


VERBS: dict[str, Verb] = {
    v.name: v
    for v in (
        Verb("elects", "selection", (INSTITUTION,), "chooses the holder(s) of an office by vote"),
        Verb("appoints", "selection", (INSTITUTION,), "chooses the holder(s) of an office"),
        Verb("nominates", "selection", (INSTITUTION,), "puts forward candidates another body then chooses"),
        Verb("dismisses", "removal", (INSTITUTION,), "removes the holder(s) of an office"),
        Verb("removes", "removal", (INSTITUTION,), "removes from office by a procedure"),
        Verb("impeaches", "removal", (INSTITUTION,), "removes for misconduct by impeachment"),
        Verb("recalls", "removal", (INSTITUTION,), "withdraws a mandate"),
        Verb("initiates", "lawmaking", (*_ACTS, "referendum"), "introduces bills or proposals"),
        Verb("adopts", "lawmaking", (*_ACTS, "treaties"), "passes with final legislative effect"),
        Verb(
            "approves",
            "lawmaking",
            (*_ACTS, "treaties", "emergency", "decrees"),
            "gives second-stage approval",
        ),
        Verb("vetoes", "lawmaking", (*_ACTS, "decrees"), "can refuse or return an adopted act"),
        Verb("issues", "lawmaking", ("decrees",), "issues normative acts on its own authority"),
        Verb("calls", "lawmaking", ("referendum", "elections"), "calls a referendum or an election"),
        Verb("ratifies", "lawmaking", ("treaties", "constitution"), "gives final consent to a treaty or amendment"),
        Verb("executes", "budget", ("budget",), "spends and manages public money"),
        Verb(
            "reviews",
            "oversight",
            (
                "laws",
                "constitutional-laws",
                "decrees",
                "treaties",
                "elections",
                "referendum",
                "constitution",
                INSTITUTION,
            ),
            "rules on constitutionality or legality",
        ),
        Verb("annuls", "oversight", (INSTITUTION,), "cancels or suspends another body's acts"),
        Verb("audits", "oversight", ("budget", INSTITUTION), "examines spending"),
        Verb("investigates", "oversight", (INSTITUTION,), "conducts inquiries into"),
        Verb("questions", "oversight", (INSTITUTION,), "summons and questions"),
        Verb("hears reports of", "oversight", (INSTITUTION,), "receives regular accounts from"),
        Verb("censures", "oversight", (INSTITUTION,), "passes censure or no confidence"),
        Verb(
            "votes no confidence in",
            "oversight",
            (INSTITUTION,),
            "a no-confidence vote that forces resignation",
        ),
        Verb("dissolves", "dissolution", (INSTITUTION,), "ends a body's term early"),
        Verb("declares", "emergency", ("emergency", "war"), "declares a state of emergency or war"),
        Verb("commands", "command", ("armed-forces", INSTITUTION), "commands the armed forces"),
        Verb("grants", "clemency", ("pardons", "amnesty"), "grants pardon or amnesty"),
        Verb("amends", "amendment", ("constitution",), "changes the constitution"),
    )
}

#: Verbs whose exercise takes an office-holder out of office (used by rules and metrics).
REMOVAL_VERBS = frozenset({"dismisses", "removes", "impeaches", "recalls", "votes no confidence in"})


def category_of(verb: str, target: str) -> Category:
    """A verb's category, refined by its target: anything on the constitution is amendment,
    lawmaking on the budget is budget."""
    if target == "constitution":
        return "amendment"
    base = VERBS[verb].category
    if target == "budget" and base == "lawmaking":
        return "budget"
    return base


# --- Sets the measures and rules decide by (each defined once, here) ----------------------------

#: Kinds of the executive branch.
EXECUTIVE_KINDS = frozenset(
    {"executive", "head-of-state", "head-of-government", "deputy-head-of-state", "cabinet", "minister"}
)
#: Kinds of the political branches (executive and legislature).
POLITICAL_KINDS = EXECUTIVE_KINDS | {"legislature"}
#: Kinds that make up a government answerable to a legislature (a cabinet or its head).
GOVERNMENT_KINDS = frozenset({"cabinet", "head-of-government"})
#: Courts: bodies that judge.
JUDICIAL_KINDS = frozenset({"judiciary", "constitutional-review"})
#: Verbs that choose office-holders.
SELECTION_VERBS = frozenset({"appoints", "elects"})
#: Removal verbs through which one institution can take another's holders out of office at its discretion.
DISCRETIONARY_REMOVAL_VERBS = frozenset({"dismisses", "removes", "recalls"})
#: Verbs by which a legislature makes a government answer politically (it falls without cause).
CONFIDENCE_VERBS = frozenset({"votes no confidence in", "censures"})
#: Verbs by which a body makes officials come and give account before it (the PPI's interpellation).
ACCOUNT_VERBS = frozenset({"questions", "hears reports of"})
#: Instruments that are the legislature's statutes (ordinary and constitutional laws).
LAW_INSTRUMENTS = frozenset({"laws", "constitutional-laws"})
#: Oversight verbs through which a body answers for its conduct: it can be corrected or sanctioned,
#: or must explain itself (answerability, Schedler 1999).
ANSWERING_VERBS = frozenset(
    {"reviews", "annuls", "audits", "censures", "votes no confidence in", "investigates", "questions"}
    | {"hears reports of"}
)
#: What a legislature needs to oversee the executive.
SCRUTINY_VERBS = frozenset(
    {"questions", "investigates", "hears reports of", "censures", "votes no confidence in", "impeaches", "audits"}
)
#: Verbs whose actor is the author of an instrument: reviewing or auditing the instrument oversees them.
AUTHOR_VERBS = frozenset({"adopts", "issues", "executes", "amends"})
#: Conditions that make another institution's agreement or proposal necessary to the act.
SAY_SO_CONDITIONS = ("consent", "proposal")
#: Conditions by which another institution checks an act: it must agree, may set it aside, or reviews it.
CHECK_CONDITIONS = ("consent", "proposal", "override", "review")
#: Conditions that give the institutions they name a part in the act (the PPI's "involvement of any
#: other agency"): the checks, and a consultation the actor must hold.
PARTICIPATING_CONDITIONS = (*CHECK_CONDITIONS, "consultation")
