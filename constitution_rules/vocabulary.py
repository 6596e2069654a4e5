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
    # language v2
    "decree-laws",  # decrees with the force of law (France Art. 38, Brazil Art. 62)
    "regulations",  # acts executing laws (France Art. 21, Germany Art. 80)
    "martial-law",  # distinct from a state of emergency
    "deployment",  # armed forces sent abroad
)

INSTITUTION = "institution"  # marker in a verb's target list: any declared institution
_ACTS = ("laws", "constitutional-laws", "budget", "constitution")


@dataclass(frozen=True)
class Verb:
    name: str
    category: Category
    targets: tuple[str, ...]
    meaning: str
    #: the form after ``shall`` and after a joint actor ("shall appoint", "House and Senate jointly adopt")
    base: str = ""


_DECREES = ("decrees", "decree-laws", "regulations")
#: Decrees that may carry the force of law: v1 ``decrees`` (the text does not say) and v2
#: ``decree-laws``; ``regulations`` execute laws and make none.
LAWMAKING_DECREES: tuple[str, ...] = ("decrees", "decree-laws")


def _verb(name: str, base: str, category: Category, targets: tuple[str, ...], meaning: str) -> Verb:
    return Verb(name, category, targets, meaning, base)


VERBS: dict[str, Verb] = {
    v.name: v
    for v in (
        _verb("elects", "elect", "selection", (INSTITUTION,), "chooses the holder(s) of an office by vote"),
        _verb("appoints", "appoint", "selection", (INSTITUTION,), "chooses the holder(s) of an office"),
        _verb(
            "nominates", "nominate", "selection", (INSTITUTION,), "puts forward candidates another body then chooses"
        ),
        _verb("dismisses", "dismiss", "removal", (INSTITUTION,), "removes the holder(s) of an office"),
        _verb("removes", "remove", "removal", (INSTITUTION,), "removes from office by a procedure"),
        _verb("impeaches", "impeach", "removal", (INSTITUTION,), "removes for misconduct by impeachment"),
        _verb("recalls", "recall", "removal", (INSTITUTION,), "withdraws a mandate"),
        _verb("initiates", "initiate", "lawmaking", (*_ACTS, "referendum"), "introduces bills or proposals"),
        _verb("adopts", "adopt", "lawmaking", (*_ACTS, "treaties"), "passes with final legislative effect"),
        _verb(
            "approves",
            "approve",
            "lawmaking",
            (*_ACTS, "treaties", "emergency", "martial-law", "deployment", *_DECREES),
            "gives second-stage approval",
        ),
        _verb("vetoes", "veto", "lawmaking", (*_ACTS, *_DECREES), "can refuse or return an adopted act"),
        _verb("issues", "issue", "lawmaking", _DECREES, "issues normative acts on its own authority"),
        _verb("calls", "call", "lawmaking", ("referendum", "elections"), "calls a referendum or an election"),
        _verb(
            "ratifies",
            "ratify",
            "lawmaking",
            ("treaties", "constitution"),
            "gives final consent to a treaty or amendment",
        ),
        _verb("executes", "execute", "budget", ("budget",), "spends and manages public money"),
        _verb(
            "reviews",
            "review",
            "oversight",
            (
                "laws",
                "constitutional-laws",
                *_DECREES,
                "treaties",
                "elections",
                "referendum",
                "constitution",
                INSTITUTION,
            ),
            "rules on constitutionality or legality",
        ),
        _verb("annuls", "annul", "oversight", (INSTITUTION,), "cancels or suspends another body's acts"),
        _verb("audits", "audit", "oversight", ("budget", INSTITUTION), "examines spending"),
        _verb("investigates", "investigate", "oversight", (INSTITUTION,), "conducts inquiries into"),
        _verb("questions", "question", "oversight", (INSTITUTION,), "summons and questions"),
        _verb("hears reports of", "hear reports of", "oversight", (INSTITUTION,), "receives regular accounts from"),
        _verb("censures", "censure", "oversight", (INSTITUTION,), "passes censure or no confidence"),
        _verb(
            "votes no confidence in",
            "vote no confidence in",
            "oversight",
            (INSTITUTION,),
            "a no-confidence vote that forces resignation",
        ),
        _verb("dissolves", "dissolve", "dissolution", (INSTITUTION,), "ends a body's term early"),
        _verb(
            "declares",
            "declare",
            "emergency",
            ("emergency", "martial-law", "war"),
            "declares a state of emergency, martial law or war",
        ),
        _verb("commands", "command", "command", ("armed-forces", INSTITUTION), "commands the armed forces"),
        _verb("grants", "grant", "clemency", ("pardons", "amnesty"), "grants pardon or amnesty"),
        _verb("amends", "amend", "amendment", ("constitution",), "changes the constitution"),
        # language v2
        _verb(
            "countersigns",
            "countersign",
            "oversight",
            (INSTITUTION,),
            "signs another body's acts too; without it they are void (target: acts of X)",
        ),
        _verb(
            "brings cases to",
            "bring cases to",
            "oversight",
            (INSTITUTION,),
            "has standing to bring a case before a court",
        ),
        _verb("convenes", "convene", "lawmaking", (INSTITUTION,), "calls a body into session"),
        _verb(
            "lifts immunity of",
            "lift immunity of",
            "oversight",
            (INSTITUTION,),
            "lifts the immunity of an office-holder or of members of a body",
        ),
    )
}

#: The base form of each verb ("appoint", "hear reports of") -> the verb ("appoints").
BASE_FORMS: dict[str, str] = {v.base: v.name for v in VERBS.values()}

#: Words a drafter types for a verb of the vocabulary -> that verb (did-you-mean only; never accepted).
VERB_SYNONYMS: dict[str, str] = {
    "passes": "adopts",
    "enacts": "adopts",
    "pass": "adopt",
    "enact": "adopt",
    "fires": "dismisses",
    "sacks": "dismisses",
    "fire": "dismiss",
    "sack": "dismiss",
    "chooses": "elects",
    "names": "appoints",
    "ousts": "removes",
    "summons": "convenes",
}

#: Verbs whose target may be ``acts of X`` (they act on a body's acts, not on the body).
ACTS_VERBS = frozenset({"annuls", "reviews", "countersigns", "audits"})
#: Verbs that take only ``acts of X``.
ACTS_ONLY_VERBS = frozenset({"countersigns"})

#: How a clause's verb is exercised: at the actor's discretion, as a duty (``shall``), or as a
#: formal act whose real decision is the proposer's (``formally``).
Modality = Literal["discretion", "duty", "formal"]
MODALITIES: tuple[Modality, ...] = get_args(Modality)

#: What a clause acts on: the body itself, its individual members, or its acts.
TargetScope = Literal["body", "members", "acts"]
TARGET_SCOPES: tuple[TargetScope, ...] = get_args(TargetScope)

#: Events a condition ``after EVENT`` may name.
TRIGGER_EVENTS: tuple[str, ...] = ("no-confidence", "failed-investiture", "failed-budget", "impeachment", "referendum")

#: Events a time limit ``not within N years of EVENT`` may count from.
TIME_LIMIT_EVENTS: tuple[str, ...] = ("dissolution", "election", "end of term", "start of term")
TIME_UNITS: tuple[str, ...] = ("months", "years")

#: Shares of a body written as a word (``one-third of X``), and the fraction they mean.
SHARE_WORDS: dict[str, tuple[int, int]] = {
    "half": (1, 2),
    "one-third": (1, 3),
    "two-thirds": (2, 3),
    "one-quarter": (1, 4),
    "three-quarters": (3, 4),
    "one-fifth": (1, 5),
    "two-fifths": (2, 5),
    "three-fifths": (3, 5),
    "four-fifths": (4, 5),
}

#: Majorities written as a word -> (numerator, denominator, implies "of members").
MAJORITY_WORDS: dict[str, tuple[int, int, bool]] = {
    "majority": (1, 2, False),
    "simple majority": (1, 2, False),
    "absolute majority": (1, 2, True),
    "half": (1, 2, False),  # only with "at least": "at least half"
    "three-fifths": (3, 5, False),
    "two-thirds": (2, 3, False),
    "three-quarters": (3, 4, False),
    "four-fifths": (4, 5, False),
    "five-sixths": (5, 6, False),
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
    if target == "deployment":  # approving troops abroad is a war power, not lawmaking
        return "command"
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
