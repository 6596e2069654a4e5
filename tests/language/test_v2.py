"""Language v2 (design/language-v2.md): each new form parses to the model it means, formats to one
canonical line that parses back to the same model, and an amendment can insert and repeal it."""

from __future__ import annotations

from fractions import Fraction

import pytest

from constitution_rules import model as m
from constitution_rules.amendments import apply_amendments
from constitution_rules.language.amendment_formatter import checked_format_amendment
from constitution_rules.language.amendment_parser import parse_amendment_text
from constitution_rules.language.errors import ConstitutionError
from constitution_rules.language.formatter import checked_format, format_source
from constitution_rules.language.parser import parse_text

BASE = """constitution "V2"
  version "v1"

institution People: electorate
institution President: executive, head-of-state, term 7 years, limit 2
institution Government: executive, cabinet
institution PrimeMinister: executive, head-of-government, member-of Government
institution Chancellor: executive, head-of-government
institution House: legislature, seats 100
institution Senate: legislature, seats 50
institution Congress: legislature, joint-sitting-of House and Senate
institution Court: judiciary, constitutional-review, seats 9
institution SupremeCourt: judiciary
institution Ombudsman: ombudsman
institution ChancellorOfJustice: ombudsman
institution SecurityCouncil: security
institution Akims: local
"""


def parse(body: str) -> m.Constitution:
    return parse_text(BASE + "\narticle 1 {\n" + body + "\n}\n", "v2.constitution")


def provision(body: str) -> m.Provision:
    return parse(body).provisions[0]


def clause(body: str) -> m.PowerClause:
    (only,) = provision(body).clauses
    return only


#: (source line, canonical line): every form of language-v2.md, as its spec writers use it.
FORMS = [
    # 1. joint actors
    ("House and Senate jointly adopts laws.", None),
    ("House and Senate jointly adopt laws.", "House and Senate jointly adopts laws."),
    ("House and Senate jointly adopts constitution by two-thirds of members.", None),
    # 2. several institutions in a condition
    ("President appoints Ombudsman on proposal of ChancellorOfJustice or Ombudsman.", None),
    ("President appoints Ombudsman with consent of House and Senate.", None),
    ("President vetoes laws, overridable by House and Senate by two-thirds.", None),
    ("President issues decrees, subject to review by Court or SupremeCourt.", None),
    ("President dissolves House after consultation with PrimeMinister and House and Senate.", None),
    # 3. majorities
    ("House adopts laws by five-sixths.", "House adopts laws by 5/6."),
    ("House adopts laws by simple majority of votes cast.", "House adopts laws by majority."),
    ("House adopts laws by at least half of members.", None),
    ("House adopts laws by at least 1/2.", "House adopts laws by at least half."),
    ("House adopts laws by majority of members present.", None),
    ("House adopts constitution by two-thirds of votes cast and majority of members.", None),
    ("House adopts laws with quorum of majority of members.", None),
    ("People adopts constitution with turnout of majority.", None),
    ("President appoints PrimeMinister on proposal of House by majority of members.", None),
    # 4. instruments and decree limits
    (
        'President issues decree-laws when "urgency", except "nationality, political rights", '
        "overridable by Congress by majority.",
        'President issues decree-laws when "urgency",\n    except "nationality, political rights",\n'
        "    overridable by Congress by majority.",
    ),
    ("President declares martial-law with consent of Senate.", None),
    ("House approves deployment.", None),
    ("Government issues regulations, not subject to review.", None),
    # 5. duty, formal acts, exclusive initiative, binding proposals
    ('President shall dismiss Government when "the House has voted no confidence".', None),
    ("President formally appoints Chancellor on nomination of House.", None),
    ("Government exclusively initiates budget.", None),
    ("President appoints PrimeMinister on binding proposal of House.", None),
    ("President dismisses PrimeMinister on advice of Chancellor.", None),
    ("President shall hear reports of Government.", None),
    # 6. seats: shares of a body with no seat count
    ("President appoints one-third of Court.", None),
    ("President appoints 1/3 of Court.", "President appoints one-third of Court."),
    ("President appoints half of Court.", None),
    ("President appoints 2/7 of Court.", None),
    # 7. members, acts, immunity
    ('Senate removes members of Court for cause "gross misconduct".', None),
    ("Government annuls acts of Akims.", None),
    ("House lifts immunity of members of House by majority of members.", None),
    ('immunity of members of House "from arrest and prosecution", lifted by House.', None),
    ('immunity of President "during the term", lifted by Congress by two-thirds of members.', None),
    # 8. more statements
    ('Chancellor countersigns acts of President, except "appointment of the Chancellor, dissolution".', None),
    ("membership of Government incompatible with House.", None),
    ("membership of Government compatible with Senate.", None),
    ('unamendable "the republican form of government".', None),
    ("unamendable article 79(3).", None),
    ("Ombudsman brings cases to Court.", None),
    ('People brings cases to Court when "on laws that violate their rights".', None),
    ('President convenes Congress when "extraordinary occasions".', None),
    ("Congress adopts constitution by two-thirds of members, after intervening election.", None),
    ('House adopts constitution after second vote "after three months".', None),
    ('exempt "the First President" from limit of President.', None),
    ('chair of SecurityCouncil for life "the First President".', None),
    ('member of Court for life "former presidents".', None),
    # 10. typed triggers and time limits
    ("House votes no confidence in Chancellor by majority of members, by electing a successor.", None),
    ("President dissolves House after failed-investiture.", None),
    ("President dissolves House after no-confidence.", None),
    (
        "President dissolves House after consultation with PrimeMinister, not within 1 years of dissolution.",
        "President dissolves House after consultation with PrimeMinister, not within 1 year of dissolution.",
    ),
    ("President dissolves House, not within 6 months of start of term.", None),
]


@pytest.mark.parametrize(("source", "canonical"), FORMS, ids=[f[0][:50] for f in FORMS])
def test_each_form_parses_and_formats_canonically(source, canonical):
    text = BASE + "\narticle 1 {\n  " + source + "\n}\n"
    result = checked_format(text, "v2.constitution")
    assert result.problems == ()
    body = result.formatted.split("article 1 {\n", 1)[1].removesuffix("}\n").rstrip("\n")
    assert body == "  " + (canonical or source)


@pytest.mark.parametrize(("source", "canonical"), FORMS, ids=[f[0][:50] for f in FORMS])
def test_each_form_is_inserted_and_repealed_by_an_amendment(source, canonical):
    base = parse_text(BASE + "\narticle 1 {\n  People elects President.\n}\n", "base.constitution")
    insert = parse_amendment_text(
        f'amendment "in"\n  amends version "v1"\n\nin article 1 {{\n  insert {source}\n}}\n', "in.amendment"
    )
    assert checked_format_amendment(insert.text, "in.amendment").problems == ()
    inserted = apply_amendments(base, [insert]).constitution
    expected = parse("  People elects President.\n  " + source)
    assert inserted.meaning()["provisions"] == expected.meaning()["provisions"]
    repeal = parse_amendment_text(f'amendment "out"\n\nin article 1 {{\n  repeal {source}\n}}\n', "out.amendment")
    repealed = apply_amendments(inserted, [repeal]).constitution
    assert repealed.meaning() == base.meaning()


# ---- the meaning of each form --------------------------------------------------------------------


def test_joint_actor_lists_every_body():
    joint = clause("  House and Senate jointly adopt constitution by two-thirds of members.")
    assert joint.actor == "House" and joint.joint_actors == ("House", "Senate") and joint.actors == joint.joint_actors
    assert joint.verb == "adopts" and joint.category == "amendment"
    assert clause("  House adopts laws.").joint_actors == ()


def test_name_lists_say_all_or_any():
    any_of = clause("  President appoints Ombudsman on proposal of ChancellorOfJustice or Ombudsman.").conditions[0]
    assert (any_of.institution, any_of.institutions, any_of.combine) == (
        "ChancellorOfJustice",
        ("ChancellorOfJustice", "Ombudsman"),
        "any",
    )
    override = clause("  President vetoes laws, overridable by House and Senate by two-thirds.").conditions[0]
    assert override.institutions == ("House", "Senate") and override.combine == "all"
    assert override.majority == m.Majority(numerator=2, denominator=3)
    single = clause("  President appoints Ombudsman with consent of House.").conditions[0]
    assert single.institutions == ("House",) and single.combine == "all"


def test_majorities():
    def majorities(text: str) -> tuple[m.Majority, ...]:
        return clause(f"  House adopts laws {text}.").conditions[0].majorities

    assert majorities("by five-sixths") == (m.Majority(numerator=5, denominator=6),)
    assert majorities("by at least half of members") == (
        m.Majority(numerator=1, denominator=2, basis="members", inclusive=True),
    )
    assert majorities("by majority of members present")[0].basis == "present"
    double = majorities("by two-thirds of votes cast and majority of members")
    assert double == (
        m.Majority(numerator=2, denominator=3, basis="votes"),
        m.Majority(numerator=1, denominator=2, basis="members"),
    )
    assert clause("  House adopts laws by two-thirds and majority of members.").conditions[0].majority == double[0]
    quorum = clause("  House adopts laws with quorum of majority of members.").conditions[0]
    assert isinstance(quorum, m.Quorum) and quorum.majority.basis == "members"
    turnout = clause("  People adopts constitution with turnout of majority.").conditions[0]
    assert isinstance(turnout, m.Turnout)
    proposal = clause("  President appoints PrimeMinister on proposal of House by majority of members.").conditions[0]
    assert proposal.majority == m.Majority(numerator=1, denominator=2, basis="members")


def test_instruments_and_decree_limits():
    decree = clause('  President issues decree-laws when "urgency", except "nationality", overridable by Congress.')
    assert decree.target == "decree-laws" and decree.category == "lawmaking"
    assert [c.type for c in decree.conditions] == ["when", "except", "override"]
    assert decree.conditions[1].subjects == "nationality"
    assert clause("  President declares martial-law.").category == "emergency"
    assert clause("  House approves deployment.").category == "command"
    assert clause("  Government issues regulations, not subject to review.").has("not_reviewable")


def test_modality_exclusive_and_binding():
    duty = clause('  President shall dismiss Government when "no confidence".')
    assert (duty.modality, duty.verb) == ("duty", "dismisses")
    formal = clause("  President formally appoints Chancellor on nomination of House.")
    assert formal.modality == "formal" and formal.conditions[0].binding
    assert clause("  Government exclusively initiates budget.").exclusive
    assert clause("  President appoints PrimeMinister on binding proposal of House.").conditions[0].binding
    advice = clause("  President dismisses PrimeMinister on advice of Chancellor.").conditions[0]
    assert advice.binding and advice.form == "advice"
    plain = clause("  President appoints PrimeMinister on proposal of House.")
    assert plain.modality == "discretion" and not plain.exclusive and not plain.conditions[0].binding


def test_seats_ex_officio_substitutes_life_and_fractions():
    constitution = parse_text(
        'constitution "X"\ninstitution SupremeCourt: judiciary\n'
        "institution HCJ: judicial-council, seats 21, ex-officio 3 from SupremeCourt, ex-officio 1, substitutes 4,"
        " term life\n",
    )
    council = constitution.institution("HCJ")
    assert council.ex_officio == (m.ExOfficio(seats=3, source="SupremeCourt"), m.ExOfficio(seats=1))
    assert council.substitutes == 4 and council.term_life and council.term_years is None
    share = clause("  President appoints one-third of Court.").share
    assert share == m.Share(kind="fraction", numerator=1, denominator=3) and share.fraction == Fraction(1, 3)


def test_members_acts_and_immunity():
    removal = clause('  Senate removes members of Court for cause "gross misconduct".')
    assert (removal.target, removal.target_scope, removal.category) == ("Court", "members", "removal")
    assert clause("  Government annuls acts of Akims.").target_scope == "acts"
    immunities = provision(
        '  immunity of members of House "from arrest", lifted by House.\n'
        '  immunity of President "during the term", lifted by Congress by two-thirds of members.\n'
        "  immunity of Ombudsman."
    ).immunities
    assert [(i.holder, i.scope, i.lifted_by) for i in immunities] == [
        ("House", "members", "House"),
        ("President", "body", "Congress"),
        ("Ombudsman", "body", None),
    ]
    assert immunities[1].majority == m.Majority(numerator=2, denominator=3, basis="members")


def test_more_statements():
    found = provision(
        '  Chancellor countersigns acts of President, except "dissolution".\n'
        "  membership of Government incompatible with House.\n"
        "  membership of Government compatible with Senate.\n"
        '  unamendable "the republican form".\n'
        "  unamendable article 79(3).\n"
        "  Ombudsman brings cases to Court.\n"
        "  President convenes Congress.\n"
        "  Congress adopts constitution by two-thirds of members, after intervening election.\n"
        '  exempt "the First President" from limit of President.\n'
        '  chair of SecurityCouncil for life "the First President".'
    )
    verbs = [(c.verb, c.category, c.target_scope) for c in found.clauses]
    assert verbs == [
        ("countersigns", "oversight", "acts"),
        ("brings cases to", "oversight", "body"),
        ("convenes", "lawmaking", "body"),
        ("adopts", "amendment", "body"),
    ]
    assert [(i.office, i.other, i.compatible) for i in found.incompatibilities] == [
        ("Government", "House", False),
        ("Government", "Senate", True),
    ]
    assert [(e.subject, e.article, e.paragraphs) for e in found.entrenchments] == [
        ("the republican form", None, ()),
        (None, "79", ("3",)),
    ]
    assert [(t.kind, t.institution, t.holder) for t in found.tenure_rules] == [
        ("limit_exemption", "President", "the First President"),
        ("life_chair", "SecurityCouncil", "the First President"),
    ]
    assert found.clauses[3].has("intervening_election")


def test_triggers_time_limits_constructive():
    conditions = clause("  President dissolves House after no-confidence, not within 1 year of election.").conditions
    assert conditions[0] == m.Trigger(event="no-confidence", location=conditions[0].location)
    assert (conditions[1].amount, conditions[1].unit, conditions[1].event) == (1, "years", "election")
    assert clause("  House votes no confidence in Chancellor by majority of members, by electing a successor.").has(
        "constructive"
    )


def test_article_text():
    text = (
        'article 44(3) "Powers" {\n  text "appoints the Prime Minister;"\n       "relieves him of office"\n'
        "  President appoints PrimeMinister with consent of House.\n}\n"
    )
    constitution = parse_text(BASE + "\n" + text)
    assert constitution.provisions[0].text == "appoints the Prime Minister;\nrelieves him of office"
    assert format_source(BASE + "\n" + text).endswith(text)
    assert parse(" People elects President.").provisions[0].text is None


def test_schema_version_is_2():
    assert parse("").schema_version == m.SCHEMA_VERSION == "2"


# ---- errors ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message", "hint"),
    [
        (
            "House adopts laws by 5/6, by two-thirds.",
            "a clause takes one 'by' majority",
            "'by 5/6 of votes cast and two-thirds of votes cast'",
        ),
        ("President shall dismisses Government.", "base form", "did you mean 'shall dismiss'?"),
        ("President dismiss Government.", "unknown verb 'dismiss'", "did you mean 'dismisses'?"),
        ("House passes laws.", "unknown verb 'passes'", "did you mean 'adopts'?"),
        ("House enacts laws.", "unknown verb 'enacts'", "did you mean 'adopts'?"),
        ("President fires Government.", "unknown verb 'fires'", "did you mean 'dismisses'?"),
        ("President sacks Government.", "unknown verb 'sacks'", "did you mean 'dismisses'?"),
        ("President dissolves House after no-confidense.", "unknown event", "did you mean 'no-confidence'?"),
        ("Chancellor countersigns President.", "takes the acts of a body", "'countersigns acts of President'"),
        ("President appoints acts of Court.", "cannot take the acts", None),
        ("House adopts laws by half.", "'half' alone is ambiguous", "at least half"),
        ("President appoints Ombudsman on proposal of House or Senat.", "not declared", "did you mean 'Senate'?"),
        ("House and Senat jointly adopts laws.", "not declared", "did you mean 'Senate'?"),
        ("immunity of Presiden.", "not declared", "did you mean 'President'?"),
        ("membership of Goverment incompatible with House.", "not declared", "did you mean 'Government'?"),
        ('exempt "X" from limit of Presdent.', "not declared", "did you mean 'President'?"),
    ],
)
def test_meaning_errors_point_at_the_token_with_a_suggestion(body, message, hint):
    with pytest.raises(ConstitutionError) as caught:
        parse("  " + body)
    rendered = str(caught.value)
    assert "v2.constitution:" in rendered and "^" in rendered and message in rendered
    if hint:
        assert hint in rendered


def test_ex_officio_seats_cannot_exceed_the_body():
    with pytest.raises(ConstitutionError, match="ex-officio seats"):
        parse_text('constitution "X"\ninstitution C: judiciary, seats 2, ex-officio 3\n')


def test_v1_forms_mean_what_they_meant():
    v1 = clause("  President vetoes laws, overridable by House by two-thirds of members.")
    (override,) = v1.conditions
    assert (v1.modality, v1.exclusive, v1.target_scope, v1.joint_actors) == ("discretion", False, "body", ())
    assert override.majority == m.Majority(numerator=2, denominator=3, basis="members")
    assert override.institutions == ("House",) and override.combine == "all"


# ---- the graph -----------------------------------------------------------------------------------


def _edges(body: str) -> list[tuple[str, str, dict]]:
    from constitution_rules.graph import build_graph

    return [(u, v, data) for u, v, data in build_graph(parse(body)).edges(data=True)]


def test_graph_joint_actors_need_every_partner():
    edges = _edges("  House and Senate jointly adopt laws.")
    holds = [(u, v, d) for u, v, d in edges if not d["derived"]]
    assert [(u, v, d["joint_actors"]) for u, v, d in holds] == [("House", "instrument:laws", ["House", "Senate"])]
    joint = [(u, v, d["role"]) for u, v, d in edges if d["derived"]]
    assert joint == [("Senate", "House", "joint")]


def test_graph_alternatives_give_each_institution_a_say():
    edges = _edges("  President appoints Ombudsman on proposal of ChancellorOfJustice or Ombudsman.")
    says = sorted((u, d["role"], d["combine"]) for u, _v, d in edges if d["derived"])
    assert says == [("ChancellorOfJustice", "proposes", "any"), ("Ombudsman", "proposes", "any")]
    edges = _edges("  President vetoes laws, overridable by House and Senate by two-thirds.")
    assert sorted((u, d["combine"]) for u, _v, d in edges if d["derived"]) == [("House", "all"), ("Senate", "all")]


def test_graph_attributes_for_measures():
    (holds,) = _edges("  President formally appoints Chancellor on nomination of House.")[:1]
    assert (holds[2]["modality"], holds[2]["exclusive"], holds[2]["target_scope"]) == ("formal", False, "body")
    (exclusive,) = _edges("  Government exclusively initiates budget.")
    assert exclusive[2]["exclusive"] and exclusive[2]["modality"] == "discretion"
    (removal,) = _edges('  Senate removes members of Court for cause "misconduct".')
    assert removal[2]["target_scope"] == "members"


def test_graph_countersignature_and_standing_are_edges_to_the_body():
    edges = _edges("  Chancellor countersigns acts of President.\n  Ombudsman brings cases to Court.")
    assert [(u, v, d["verb"], d["target_scope"]) for u, v, d in edges] == [
        ("Chancellor", "President", "countersigns", "acts"),
        ("Ombudsman", "Court", "brings cases to", "body"),
    ]


def test_graph_lifting_immunity_is_an_edge_to_the_holder():
    edges = _edges(
        '  immunity of members of House "from arrest", lifted by House by two-thirds.\n  immunity of President.'
    )
    assert [(u, v, d["role"], d["target_scope"], d["citation"]) for u, v, d in edges] == [
        ("House", "House", "lifts_immunity", "members", "Art. 1")
    ]
    assert edges[0][2]["majority"]["numerator"] == 2 and edges[0][2]["derived"]


# ---- friendlier syntax errors ---------------------------------------------------------------------


def test_an_english_article_before_a_name_is_named():
    with pytest.raises(ConstitutionError) as caught:
        parse("  People elects the President.")
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.line, diagnostic.column, diagnostic.width) == (20, 17, 3)
    assert diagnostic.help == "drop the article: 'elects President'"


def test_an_amendment_error_lists_every_statement_in_full():
    with pytest.raises(ConstitutionError) as caught:
        parse_amendment_text('amendment "x"\n\nsubstitue article 5 {\n}\n', "x.amendment")
    rendered = str(caught.value)
    for statement in ("substitute article", "insert article", "in article", "renumber article", "set source"):
        assert statement in rendered
    assert "..." not in rendered and "did you mean 'substitute'?" in rendered
    with pytest.raises(ConstitutionError) as caught:
        parse_amendment_text('amendment "x"\n\nin article 5 {\n  replace A elects B.\n}\n', "x.amendment")
    rendered = str(caught.value)
    assert "substitute STATEMENT. by STATEMENT." in rendered and "set text" in rendered and "repeal text" in rendered


# ---- docs/language.md -----------------------------------------------------------------------------


def _v2_examples() -> list[str]:
    from tests.conftest import ROOT

    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    section = text.split("## Language v2, with worked examples", 1)[1].split("## The model, for measures", 1)[0]
    return section.split("```\n")[1::2]


def test_every_v2_example_of_the_docs_parses_and_is_canonical():
    import re

    examples = _v2_examples()
    assert len(examples) >= 10
    for example in examples:
        lines = example.splitlines()
        declared = [line for line in lines if line.startswith("institution ")]
        body = "\n".join(line for line in lines if not line.startswith("institution "))
        code = re.sub(r'"[^"]*"|#[^\n]*', "", body)
        names = sorted(set(re.findall(r"\b[A-Z][A-Za-z]+\b", code)) - {n.split()[1] for n in declared} - {"I", "II"})
        head = 'constitution "Docs"\n' + "".join(f"institution {n}: executive\n" for n in names)
        source = head + "\n".join(declared) + "\n" + body
        result = checked_format(source, "docs.constitution")
        assert result.problems == (), example
        written = [line for line in body.splitlines() if line.strip()]
        canonical = [line for line in result.formatted.splitlines() if line.strip()]
        assert canonical[len(canonical) - len(written) :] == written, example
