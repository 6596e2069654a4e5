"""Every construct of docs/language.md parses to the model it means."""

from __future__ import annotations

import datetime as dt

import pytest

from constitution_rules.language.parser import parse_text
from constitution_rules.model import Majority

HEADER = """constitution "Testland"
  version "as amended 2020"
  adopted 1995-08-30
  as-of 2022-09-17
  source "https://example.org/text"
"""

INSTITUTIONS = """
institution People: electorate
institution President "Президент": executive, head-of-state, term 7 years, limit 1
institution Government: executive, cabinet
institution PrimeMinister "Prime Minister": executive, head-of-government, member-of Government
institution Mazhilis: legislature, seats 98
institution Senate: legislature, seats 50
institution Parliament: legislature, joint-sitting-of Mazhilis and Senate
institution Court: judiciary, constitutional-review, seats 11
"""


def parse(body: str, institutions: str = INSTITUTIONS):
    return parse_text(HEADER + institutions + body, "t.constitution")


def only_clause(body: str):
    (clause,) = parse(body).clauses
    return clause


def test_header_fields():
    c = parse("")
    assert c.name == "Testland"
    assert c.version == "as amended 2020"
    assert c.adopted == dt.date(1995, 8, 30)
    assert c.as_of == dt.date(2022, 9, 17)
    assert c.source == "https://example.org/text"


def test_header_only_name():
    c = parse_text('constitution "X"\n')
    assert c.name == "X" and c.version is None and c.institutions == ()


def test_comments_are_ignored():
    c = parse("# a comment\narticle 1 { # here too\n  People elects President. # and here\n}\n")
    assert len(c.clauses) == 1


def test_institution_kinds_and_attributes():
    c = parse("")
    president = c.institution("President")
    assert president is not None
    assert president.name == "Президент"
    assert president.kinds == ("executive", "head-of-state")
    assert president.term_years == 7 and president.term_limit == 1 and not president.term_limit_consecutive
    assert c.institution("PrimeMinister").member_of == "Government"
    assert c.institution("Parliament").joint_sitting_of == ("Mazhilis", "Senate")
    assert c.institution("Court").seats == 11


def test_missing_commas_between_items_are_tolerated():
    c = parse("", "institution P: executive head-of-state  term 5 year limit 2 consecutive\n")
    inst = c.institution("P")
    assert inst.kinds == ("executive", "head-of-state")
    assert inst.term_years == 5 and inst.term_limit == 2 and inst.term_limit_consecutive


def test_article_ids_and_citations():
    c = parse(
        'article 41(1) "Election" {\n  People elects President.\n}\n'
        "article 83-1 {\n  Senate elects Court.\n}\n"
        "article 41(3-1) {\n  President calls elections.\n}\n"
        "article 2(1)(a) {\n  President issues decrees.\n}\n"
    )
    ids = [p.id for p in c.provisions]
    assert ids == ["art_41__para_1", "art_83-1", "art_41__para_3-1", "art_2__para_1__sub_a"]
    assert c.provisions[0].title == "Election"
    assert [p.citation for p in c.provisions] == ["Art. 41(1)", "Art. 83-1", "Art. 41(3-1)", "Art. 2(1)(a)"]
    assert c.clauses[0].id == "art_41__para_1#1"


@pytest.mark.parametrize(
    ("text", "verb", "category", "target_type"),
    [
        ("People elects President.", "elects", "selection", "institution"),
        ("President appoints PrimeMinister.", "appoints", "selection", "institution"),
        ("President nominates Court.", "nominates", "selection", "institution"),
        ("President dismisses Government.", "dismisses", "removal", "institution"),
        ("Parliament removes President.", "removes", "removal", "institution"),
        ("Parliament impeaches President.", "impeaches", "removal", "institution"),
        ("People recalls Mazhilis.", "recalls", "removal", "institution"),
        ("Government initiates laws.", "initiates", "lawmaking", "instrument"),
        ("Mazhilis adopts laws.", "adopts", "lawmaking", "instrument"),
        ("Senate approves laws.", "approves", "lawmaking", "instrument"),
        ("President vetoes laws.", "vetoes", "lawmaking", "instrument"),
        ("President issues decrees.", "issues", "lawmaking", "instrument"),
        ("President calls referendum.", "calls", "lawmaking", "instrument"),
        ("Parliament ratifies treaties.", "ratifies", "lawmaking", "instrument"),
        ("Government executes budget.", "executes", "budget", "instrument"),
        ("Mazhilis adopts budget.", "adopts", "budget", "instrument"),
        ("Court reviews laws.", "reviews", "oversight", "instrument"),
        ("Court reviews Government.", "reviews", "oversight", "institution"),
        ("President annuls Government.", "annuls", "oversight", "institution"),
        ("Senate audits budget.", "audits", "oversight", "instrument"),
        ("Mazhilis investigates Government.", "investigates", "oversight", "institution"),
        ("Mazhilis questions Government.", "questions", "oversight", "institution"),
        ("Mazhilis hears reports of Government.", "hears reports of", "oversight", "institution"),
        ("Mazhilis censures Government.", "censures", "oversight", "institution"),
        ("Mazhilis votes no confidence in Government.", "votes no confidence in", "oversight", "institution"),
        ("President dissolves Mazhilis.", "dissolves", "dissolution", "institution"),
        ("President declares emergency.", "declares", "emergency", "instrument"),
        ("President declares war.", "declares", "emergency", "instrument"),
        ("President commands armed-forces.", "commands", "command", "instrument"),
        ("President grants pardons.", "grants", "clemency", "instrument"),
        ("Parliament grants amnesty.", "grants", "clemency", "instrument"),
        ("Parliament amends constitution.", "amends", "amendment", "instrument"),
        ("President initiates constitution.", "initiates", "amendment", "instrument"),
    ],
)
def test_every_verb(text, verb, category, target_type):
    clause = only_clause(f"article 1 {{\n  {text}\n}}\n")
    assert (clause.verb, clause.category, clause.target_type) == (verb, category, target_type)


def test_shares():
    c = parse(
        "article 71 {\n  President appoints 4 of 11 Court.\n  Senate appoints 3 of Court.\n"
        "  President appoints chair of Court.\n}\n"
    )
    shares = [cl.share.model_dump(exclude={"numerator", "denominator"}) for cl in c.clauses]
    assert all(cl.share.numerator is None for cl in c.clauses)
    assert shares == [
        {"kind": "seats", "seats": 4, "of": 11},
        {"kind": "seats", "seats": 3, "of": 11},
        {"kind": "chair", "seats": None, "of": None},
    ]


def test_conditions():
    clause = only_clause(
        "article 44(3) {\n  President appoints PrimeMinister with consent of Mazhilis by majority of members,\n"
        "    after consultation with Mazhilis, on nomination of Senate, by two-thirds,\n"
        '    subject to review by Court, for cause "incapacity", at will, when "Parliament is dissolved".\n}\n'
    )
    kinds = [c.type for c in clause.conditions]
    assert kinds == ["consent", "consultation", "proposal", "majority", "review", "for_cause", "at_will", "when"]
    consent = clause.conditions[0]
    assert consent.institution == "Mazhilis"
    assert consent.majority == Majority(numerator=1, denominator=2, basis="members")
    assert clause.conditions[2].form == "nomination"
    assert clause.conditions[3].majority == Majority(numerator=2, denominator=3, basis="votes")
    assert clause.conditions[5].grounds == "incapacity"
    assert clause.conditions[7].circumstance == "Parliament is dissolved"


def test_override_and_majority_words():
    c = parse(
        "article 61 {\n  President vetoes laws, overridable by Parliament by two-thirds of members.\n"
        "  Mazhilis adopts laws by absolute majority.\n  Senate approves laws by simple majority.\n"
        "  Parliament amends constitution by three-quarters of members.\n"
        "  Parliament adopts constitutional-laws by 3/5.\n  Senate adopts treaties by 4/6.\n"
        "  Mazhilis censures Government on proposal of Senate, on recommendation of Court.\n}\n"
    )
    override = c.clauses[0].conditions[0]
    assert override.type == "override" and override.institution == "Parliament"
    assert override.majority == Majority(numerator=2, denominator=3, basis="members")
    majorities = [cl.conditions[0].majority for cl in c.clauses[1:6]]
    assert [(x.numerator, x.denominator, x.basis) for x in majorities] == [
        (1, 2, "members"),
        (1, 2, "votes"),
        (3, 4, "members"),
        (3, 5, "votes"),
        (2, 3, "votes"),
    ]
    assert [x.form for x in c.clauses[6].conditions] == ["proposal", "recommendation"]


def test_waivers_on_clause_institution_and_article():
    c = parse(
        'article 83 {\n  President dismisses Court at will\n    waive CB103 "answers to the Senate".\n'
        '  waive CB201 "oversight by statute".\n}\n',
        INSTITUTIONS + 'institution Ombudsman: ombudsman waive CB301 "by law"\n',
    )
    assert c.clauses[0].waivers[0].code == "CB103"
    assert c.clauses[0].waivers[0].reason == "answers to the Senate"
    assert c.provisions[0].waivers[0].code == "CB201"
    assert c.institution("Ombudsman").waivers[0].reason == "by law"


def test_string_escapes_and_unicode():
    c = parse_text('constitution "Қазақстан \\"Республикасы\\""\ninstitution Mazhilis "Мәжіліс": legislature\n')
    assert c.name == 'Қазақстан "Республикасы"'
    assert c.institution("Mazhilis").name == "Мәжіліс"


def test_declarations_may_follow_use():
    c = parse_text(
        'constitution "X"\narticle 1 {\n  A appoints B.\n}\ninstitution A: executive\ninstitution B: cabinet\n'
    )
    assert c.clauses[0].actor == "A"


def test_bom_and_crlf(tmp_path):
    from constitution_rules.language.parser import parse_file

    path = tmp_path / "x.constitution"
    path.write_bytes(
        b'\xef\xbb\xbfconstitution "X"\r\ninstitution A: executive\r\narticle 1 {\r\n  A issues decrees.\r\n}\r\n'
    )
    assert parse_file(path).clauses[0].location.line == 4


def test_locations_point_at_the_clause():
    c = parse("article 1 {\n  People elects President.\n}\n")
    loc = c.clauses[0].location
    lines = (HEADER + INSTITUTIONS).count("\n")
    assert (loc.line, loc.column) == (lines + 2, 3)
    assert loc.file == "t.constitution"
