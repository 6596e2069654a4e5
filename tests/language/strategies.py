"""Hypothesis strategies that build valid constitutions from the model's own vocabulary."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from constitution_rules import model as m
from constitution_rules.vocabulary import (
    ACTS_ONLY_VERBS,
    ACTS_VERBS,
    INSTITUTION,
    INSTRUMENTS,
    KINDS,
    SHARE_WORDS,
    TIME_LIMIT_EVENTS,
    TRIGGER_EVENTS,
    VERBS,
    category_of,
)

KEYWORDS = {
    "constitution", "version", "adopted", "as-of", "source", "institution", "article", "seats", "term", "years",
    "year", "limit", "consecutive", "member-of", "joint-sitting-of", "and", "hears", "reports", "of", "votes", "no",
    "confidence", "in", "chair", "with", "consent", "on", "proposal", "nomination", "recommendation", "after",
    "consultation", "by", "overridable", "subject", "to", "review", "for", "cause", "at", "will", "when",
    "majority", "simple", "absolute", "three-fifths", "two-thirds", "three-quarters", "members", "waive",
    # language v2
    "jointly", "shall", "formally", "exclusively", "hear", "vote", "brings", "bring", "cases", "lifts", "lift",
    "immunity", "half", "acts", "or", "not", "except", "quorum", "turnout", "intervening", "election", "second",
    "electing", "successor", "within", "binding", "advice", "least", "cast", "present", "text", "membership",
    "incompatible", "compatible", "unamendable", "exempt", "member", "life", "lifted", "ex-officio",
    "substitutes", "from", "four-fifths", "five-sixths", "one-third", "one-quarter", "one-fifth", "two-fifths",
    "dissolution", "end", "start", "month", "months", "a",
}  # fmt: skip

identifiers = st.from_regex(r"\A[A-Z][A-Za-z0-9_]{0,11}\Z").filter(lambda s: s.lower() not in KEYWORDS)
# Any printable text, including quotes, backslashes, '#' and non-Latin scripts.
free_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\n\r"), max_size=30)
article_numbers = st.from_regex(r"\A[0-9]{1,3}(-[0-9])?\Z")
majorities = st.builds(
    lambda pair, basis, inclusive: m.Majority(numerator=pair[0], denominator=pair[1], basis=basis, inclusive=inclusive),
    st.sampled_from([(1, 2), (3, 5), (2, 3), (3, 4), (4, 5), (5, 6), (5, 7)]),
    st.sampled_from(["votes", "members", "present"]),
    st.booleans(),
)
#: One majority, or (rarely) a double majority.
majority_lists = st.lists(majorities, min_size=1, max_size=2)


@st.composite
def name_lists(draw: st.DrawFn, names: list[str]) -> dict[str, object]:
    """``institution``, ``institutions`` and ``combine`` of a condition: one name, or several."""
    chosen = draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True))
    return {"institution": chosen[0], "institutions": tuple(chosen), "combine": draw(st.sampled_from(["all", "any"]))}


CONDITION_KINDS = [
    "consent", "proposal", "consultation", "majority", "override", "review", "cause", "will", "when", "except",
    "not_reviewable", "quorum", "turnout", "intervening_election", "second_vote", "trigger", "time_limit",
    "constructive",
]  # fmt: skip


@st.composite
def conditions(draw: st.DrawFn, names: list[str], kinds: list[str] | None = None) -> object:
    kind = draw(st.sampled_from(kinds or CONDITION_KINDS))
    some_majorities = st.just(()) | majority_lists.map(tuple)
    if kind == "consent":
        return m.Consent(**draw(name_lists(names)), majorities=draw(some_majorities))
    if kind == "proposal":
        form = draw(st.sampled_from(["proposal", "nomination", "recommendation", "advice"]))
        return m.Proposal(
            **draw(name_lists(names)),
            majorities=draw(some_majorities),
            form=form,
            binding=form == "advice" or draw(st.booleans()),
        )
    if kind == "consultation":
        return m.Consultation(**draw(name_lists(names)))
    if kind == "majority":
        found = tuple(draw(majority_lists))
        return m.MajorityRequirement(majority=found[0], majorities=found)
    if kind == "override":
        return m.Override(**draw(name_lists(names)), majorities=draw(some_majorities))
    if kind == "review":
        return m.Review(**draw(name_lists(names)))
    if kind == "cause":
        return m.ForCause(grounds=draw(st.none() | free_text))
    if kind == "will":
        return m.AtWill()
    if kind == "except":
        return m.Except(subjects=draw(free_text))
    if kind == "not_reviewable":
        return m.NotReviewable()
    if kind == "quorum":
        return m.Quorum(majority=draw(majorities))
    if kind == "turnout":
        return m.Turnout(majority=draw(majorities))
    if kind == "intervening_election":
        return m.InterveningElection()
    if kind == "second_vote":
        return m.SecondVote(detail=draw(st.none() | free_text))
    if kind == "trigger":
        return m.Trigger(event=draw(st.sampled_from(TRIGGER_EVENTS)))
    if kind == "time_limit":
        return m.TimeLimit(
            amount=draw(st.integers(0, 24)),
            unit=draw(st.sampled_from(["months", "years"])),
            event=draw(st.sampled_from(TIME_LIMIT_EVENTS)),
        )
    if kind == "constructive":
        return m.Constructive()
    return m.When(circumstance=draw(free_text))


@st.composite
def clause_conditions(draw: st.DrawFn, names: list[str]) -> tuple[object, ...]:
    """Up to three conditions, at most one ``by`` majority (two are an error)."""
    drawn = draw(st.lists(conditions(names), max_size=3))
    out, seen_majority = [], False
    for condition in drawn:
        if getattr(condition, "type", "") == "majority":
            if seen_majority:
                continue
            seen_majority = True
        out.append(condition)
    return tuple(out)


@st.composite
def statements(draw: st.DrawFn, names: list[str]) -> tuple[str, object]:
    """An immunity, incompatibility, entrenchment or tenure rule, with the Provision field it goes in."""
    kind = draw(st.sampled_from(["immunities", "incompatibilities", "entrenchments", "tenure_rules"]))
    who = st.sampled_from(names)
    if kind == "immunities":
        lifted_by = draw(st.none() | who)
        return kind, m.Immunity(
            holder=draw(who),
            scope=draw(st.sampled_from(["body", "members"])),
            description=draw(st.none() | free_text),
            lifted_by=lifted_by,
            majority=draw(st.none() | majorities) if lifted_by else None,
        )
    if kind == "incompatibilities":
        return kind, m.Incompatibility(office=draw(who), other=draw(who), compatible=draw(st.booleans()))
    if kind == "entrenchments":
        if draw(st.booleans()):
            return kind, m.Entrenchment(subject=draw(free_text))
        paragraphs = tuple(draw(st.lists(st.from_regex(r"\A[0-9a-z]{1,2}\Z"), max_size=2)))
        return kind, m.Entrenchment(article=draw(article_numbers), paragraphs=paragraphs)
    rule = draw(st.sampled_from(["limit_exemption", "life_chair", "life_member"]))
    return kind, m.TenureRule(kind=rule, institution=draw(who), holder=draw(free_text))


waivers = st.builds(
    lambda code, reason: m.Waiver(code=code, reason=reason),
    st.from_regex(r"\ACB[0-9]{3}\Z"),
    free_text.filter(lambda s: s.strip() != ""),
)


@st.composite
def constitutions(draw: st.DrawFn) -> m.Constitution:
    names = draw(st.lists(identifiers, min_size=1, max_size=6, unique=True))
    seats = {n: draw(st.none() | st.integers(1, 200)) for n in names}
    institutions = []
    for name in names:
        others = [n for n in names if n != name]
        institutions.append(
            m.Institution(
                id=name,
                name=draw(st.none() | free_text),
                kinds=tuple(draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=3, unique=True))),
                seats=seats[name],
                term_years=draw(st.none() | st.integers(1, 12)),
                term_life=False,
                ex_officio=tuple(
                    m.ExOfficio(seats=1, source=draw(st.none() | st.sampled_from(names)))
                    for _ in range(draw(st.integers(0, 2 if (seats[name] or 9) >= 2 else 0)))
                ),
                substitutes=draw(st.none() | st.integers(0, 20)),
                term_limit=draw(st.none() | st.integers(1, 3)),
                member_of=draw(st.none() | st.sampled_from(others)) if others else None,
                waivers=tuple(draw(st.lists(waivers, max_size=1))),
            )
        )
    provisions = []
    refs = draw(
        st.lists(
            st.tuples(article_numbers, st.lists(st.from_regex(r"\A[0-9a-z]{1,2}\Z"), max_size=2)),
            max_size=5,
            unique_by=lambda r: (r[0], tuple(r[1])),
        )
    )
    for article, paragraphs in refs:
        pid = m.provision_id_for(article, paragraphs)
        citation = m.citation_for(article, paragraphs)
        clauses = []
        for index in range(1, draw(st.integers(0, 4)) + 1):
            verb = VERBS[draw(st.sampled_from(sorted(VERBS)))]
            choices = [t for t in verb.targets if t != INSTITUTION]
            if INSTITUTION in verb.targets:
                choices += names
            target = draw(st.sampled_from(choices))
            target_type = "institution" if target in names else "instrument"
            scope = "body"
            if verb.name in ACTS_ONLY_VERBS:
                scope = "acts"
            elif target_type == "institution":
                scope = draw(
                    st.sampled_from(["body", "members", "acts"] if verb.name in ACTS_VERBS else ["body", "members"])
                )
            share = None
            if target_type == "institution" and draw(st.booleans()):
                total = seats[target] or draw(st.integers(1, 50))
                numerator, denominator = draw(st.sampled_from([*SHARE_WORDS.values(), (2, 7)]))
                share = draw(
                    st.sampled_from(
                        [
                            m.Share(kind="chair"),
                            m.Share(kind="seats", seats=min(total, 3), of=total),
                            m.Share(kind="fraction", numerator=numerator, denominator=denominator),
                        ]
                    )
                )
            actors = draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True))
            modality = draw(st.sampled_from(["discretion", "duty", "formal"]))
            found = draw(clause_conditions(names))
            if modality == "formal":  # a formal act's proposals bind
                found = tuple(c.model_copy(update={"binding": True}) if c.type == "proposal" else c for c in found)
            clauses.append(
                m.PowerClause(
                    id=f"{pid}#{index}",
                    provision_id=pid,
                    citation=citation,
                    actor=actors[0],
                    joint_actors=tuple(actors) if len(actors) > 1 else (),
                    modality=modality,
                    exclusive=modality == "discretion" and draw(st.booleans()),
                    verb=verb.name,
                    category=category_of(verb.name, target),
                    target=target,
                    target_type=target_type,
                    target_scope=scope,
                    share=share,
                    conditions=found,
                    waivers=tuple(draw(st.lists(waivers, max_size=1))),
                )
            )
        extra: dict[str, list[object]] = {}
        for field, statement in draw(st.lists(statements(names), max_size=3)):
            extra.setdefault(field, []).append(statement)
        provisions.append(
            m.Provision(
                id=pid,
                article=article,
                paragraphs=tuple(paragraphs),
                title=draw(st.none() | free_text),
                text=draw(st.none() | st.lists(free_text, min_size=1, max_size=3).map("\n".join)),
                clauses=tuple(clauses),
                **{field: tuple(items) for field, items in extra.items()},
                waivers=tuple(draw(st.lists(waivers, max_size=1))),
            )
        )
    assert all(i in INSTRUMENTS or i in names for p in provisions for c in p.clauses for i in [c.target])
    return m.Constitution(
        name=draw(free_text),
        version=draw(st.none() | free_text),
        adopted=draw(st.none() | st.dates(dt.date(1700, 1, 1), dt.date(2100, 1, 1))),
        as_of=draw(st.none() | st.dates(dt.date(1700, 1, 1), dt.date(2100, 1, 1))),
        source=draw(st.none() | free_text),
        institutions=tuple(institutions),
        provisions=tuple(provisions),
    )
