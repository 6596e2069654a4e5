"""Hypothesis strategies that build valid constitutions from the model's own vocabulary."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from constitution_rules import model as m
from constitution_rules.vocabulary import INSTITUTION, INSTRUMENTS, KINDS, VERBS, category_of

KEYWORDS = {
    "constitution", "version", "adopted", "as-of", "source", "institution", "article", "seats", "term", "years",
    "year", "limit", "consecutive", "member-of", "joint-sitting-of", "and", "hears", "reports", "of", "votes", "no",
    "confidence", "in", "chair", "with", "consent", "on", "proposal", "nomination", "recommendation", "after",
    "consultation", "by", "overridable", "subject", "to", "review", "for", "cause", "at", "will", "when",
    "majority", "simple", "absolute", "three-fifths", "two-thirds", "three-quarters", "members", "waive",
}  # fmt: skip

identifiers = st.from_regex(r"\A[A-Z][A-Za-z0-9_]{0,11}\Z").filter(lambda s: s.lower() not in KEYWORDS)
# Any printable text, including quotes, backslashes, '#' and non-Latin scripts.
free_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\n\r"), max_size=30)
article_numbers = st.from_regex(r"\A[0-9]{1,3}(-[0-9])?\Z")
majorities = st.builds(
    lambda pair, basis: m.Majority(numerator=pair[0], denominator=pair[1], basis=basis),
    st.sampled_from([(1, 2), (3, 5), (2, 3), (3, 4), (4, 5), (5, 7)]),
    st.sampled_from(["votes", "members"]),
)


@st.composite
def conditions(draw: st.DrawFn, names: list[str]) -> object:
    who = st.sampled_from(names)
    kind = draw(
        st.sampled_from(
            ["consent", "proposal", "consultation", "majority", "override", "review", "cause", "will", "when"]
        )
    )
    if kind == "consent":
        return m.Consent(institution=draw(who), majority=draw(st.none() | majorities))
    if kind == "proposal":
        return m.Proposal(
            institution=draw(who), form=draw(st.sampled_from(["proposal", "nomination", "recommendation"]))
        )
    if kind == "consultation":
        return m.Consultation(institution=draw(who))
    if kind == "majority":
        return m.MajorityRequirement(majority=draw(majorities))
    if kind == "override":
        return m.Override(institution=draw(who), majority=draw(st.none() | majorities))
    if kind == "review":
        return m.Review(institution=draw(who))
    if kind == "cause":
        return m.ForCause(grounds=draw(st.none() | free_text))
    if kind == "will":
        return m.AtWill()
    return m.When(circumstance=draw(free_text))


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
            share = None
            if target_type == "institution" and draw(st.booleans()):
                total = seats[target] or draw(st.integers(1, 50))
                share = draw(
                    st.sampled_from([m.Share(kind="chair"), m.Share(kind="seats", seats=min(total, 3), of=total)])
                )
            clauses.append(
                m.PowerClause(
                    id=f"{pid}#{index}",
                    provision_id=pid,
                    citation=citation,
                    actor=draw(st.sampled_from(names)),
                    verb=verb.name,
                    category=category_of(verb.name, target),
                    target=target,
                    target_type=target_type,
                    share=share,
                    conditions=tuple(draw(st.lists(conditions(names), max_size=3))),
                    waivers=tuple(draw(st.lists(waivers, max_size=1))),
                )
            )
        provisions.append(
            m.Provision(
                id=pid,
                article=article,
                paragraphs=tuple(paragraphs),
                title=draw(st.none() | free_text),
                clauses=tuple(clauses),
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
