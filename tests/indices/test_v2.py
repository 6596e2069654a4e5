"""The indices read language v2: statements (incompatibility, immunity), modalities (exclusive,
formal, duty), binding proposals, decree-laws and regulations, constructive no confidence, typed
dissolution triggers and time limits, joint actors, name lists and members-of targets."""

from __future__ import annotations

import pytest

from constitution_rules.indices.ppi import compute_ppi
from constitution_rules.indices.shugart_carey import compute_shugart_carey
from constitution_rules.language.parser import parse_text
from tests.indices.test_ppi import HEAD

SENATE = "institution Senate: legislature\n"
ELECTED_PRESIDENT = "article 0 { People elects President. }\n"


def parsed(body: str):
    return parse_text(HEAD + SENATE + ELECTED_PRESIDENT + body, "t.constitution")


def ppi(body: str, item: str):
    return compute_ppi(parsed(body)).items[item]


def sc(body: str, item: str):
    return compute_shugart_carey(parsed(body)).items[item]


# ---- PPI ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        ("membership of Government compatible with Assembly.", True),
        ("membership of Government incompatible with Assembly.", False),
        (
            "membership of Ministers incompatible with Assembly. membership of Ministers incompatible with Senate.",
            False,
        ),
        ("membership of Government incompatible with Court.", None),  # not a chamber: says nothing on the item
        ("", None),
    ],
)
def test_serve_min_reads_incompatibility_statements(statements, expected):
    item = ppi(f"article 1 {{ Assembly adopts laws. {statements} }}", "serve_min")
    assert item.value is expected
    if expected is not None:
        assert item.evidence and all("compatible with" in e.text for e in item.evidence)
        assert item.evidence[0].article == "Art. 1"


def test_immunity_of_members_of_a_chamber_decides_the_item():
    held = ppi('article 1 { immunity of members of Assembly "from arrest", lifted by Assembly. }', "immunity")
    assert held.value is True
    assert held.evidence[0].text == 'immunity of members of Assembly "from arrest", lifted by Assembly.'
    assert ppi('article 1 { immunity of President "during the term". }', "immunity").value is False


def test_exclusive_initiative_of_laws_is_a_gate_but_of_the_budget_is_not():
    own = "article 1 { Assembly initiates laws. "
    gated = ppi(own + 'President exclusively initiates laws when "the armed forces". }', "no_gate")
    assert gated.value is False and "exclusive" in gated.reason
    assert ppi(own + "Government exclusively initiates budget. }", "no_gate").value is True
    assert ppi(own + "President initiates laws. }", "no_gate").value is True


@pytest.mark.parametrize(
    ("decree", "expected"),
    [
        ("President issues decree-laws.", False),
        ('President issues decree-laws when "urgency", except "taxes".', False),
        ("President issues decree-laws, overridable by Assembly by majority.", True),
        ("President issues decree-laws with consent of Assembly.", True),
        ("Government issues decree-laws. Assembly vetoes decree-laws.", True),
        ("Government issues decree-laws. Assembly annuls acts of Government.", True),
        ("Government issues decree-laws. Assembly annuls acts of Court.", False),
        ("President issues regulations.", True),  # acts executing the laws have no force of law
        ("President issues decrees.", None),  # force of law unstated
        ("President issues decrees. Government issues decree-laws with consent of Assembly.", True),
        ("President issues decrees. President issues decree-laws.", False),
    ],
)
def test_no_decree_reads_decree_laws_and_ignores_regulations(decree, expected):
    assert ppi(f"article 1 {{ {decree} }}", "no_decree").value is expected


def test_constructive_no_confidence_replaces_the_government_alone():
    body = "article 1 { Assembly votes no confidence in Government by majority of members, by electing a successor. }"
    assert ppi(body, "replace_ex").value is True
    assert ppi(body, "no_conf").value is True


@pytest.mark.parametrize(
    ("removal", "expected"),
    [
        ("Assembly and Senate jointly impeaches President by two-thirds.", True),
        ("Assembly impeaches President, with consent of Court or Senate.", False),
        ("Assembly impeaches President, on proposal of Senate and Court.", False),
        ("Assembly removes members of Government.", False),  # members one by one: not replacing the government
    ],
)
def test_replace_ex_reads_joint_actors_name_lists_and_member_targets(removal, expected):
    assert ppi(f"article 1 {{ {removal} }}", "replace_ex").value is expected


@pytest.mark.parametrize(
    ("appointment", "expected"),
    [
        ("President formally appoints PrimeMinister on nomination of Assembly.", True),
        ("President appoints PrimeMinister on binding proposal of Assembly.", True),
        ("President shall appoint PrimeMinister on proposal of Assembly.", True),
        ("President appoints PrimeMinister on proposal of Assembly.", False),
        ("President appoints PrimeMinister with consent of Assembly.", False),
    ],
)
def test_appoint_pm_reads_formal_acts_duties_and_binding_proposals(appointment, expected):
    assert ppi(f"article 1 {{ {appointment} }}", "appoint_pm").value is expected


def test_appoint_min_on_the_advice_of_the_premier_is_not_the_legislatures():
    assert ppi("article 1 { President appoints Ministers on advice of PrimeMinister. }", "appoint_min").value is False
    assert ppi("article 1 { President appoints Ministers on advice of Assembly. }", "appoint_min").value is True


def test_elected_sees_ex_officio_seats_and_appointed_fractions():
    base = "article 1 { People elects Assembly. People elects Senate. } "
    assert ppi(base, "elected").value is True
    assert ppi(base + "article 2 { President appoints one-third of Senate. }", "elected").value is False
    text = (HEAD + SENATE).replace("institution Senate: legislature", "institution Senate: legislature, ex-officio 2")
    item = compute_ppi(parse_text(text + base, "t.constitution")).items["elected"]
    assert item.value is False and "ex officio" in item.reason and "ex-officio 2" in item.evidence[0].text


def test_no_veto_reads_a_joint_override_and_double_majorities():
    joint = "article 1 { President vetoes laws, overridable by Assembly and Senate by majority. }"
    assert ppi(joint, "no_veto").value is True
    double = "article 1 { President vetoes laws, overridable by Assembly by majority of votes cast and two-thirds of members. }"
    assert ppi(double, "no_veto").value is False


# ---- Shugart & Carey ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("decree", "expected"),
    [
        ("President issues decree-laws.", 4),
        ("President issues decree-laws, overridable by Assembly by majority.", 2),
        ('President issues decree-laws, except "taxes", overridable by Assembly.', 1),
        ("President issues decree-laws with consent of Assembly.", 0),
        ("President issues regulations.", 0),
        ("President issues decrees.", None),
        ("President issues decrees. Government issues decree-laws.", 0),  # the text writes decree-laws apart
    ],
)
def test_decree_scale_on_decree_laws(decree, expected):
    assert sc(f"article 1 {{ {decree} }}", "decree").value == expected


def test_exclusive_introduction_reads_exclusively():
    assert (
        sc(
            'article 1 { President exclusively initiates laws when "the armed forces". }', "exclusive_introduction"
        ).value
        == 1
    )
    assert sc("article 1 { President exclusively initiates budget. }", "exclusive_introduction").value == 0


def test_censure_constructive_only_scores_one():
    body = "article 1 { Assembly votes no confidence in Government by majority of members, by electing a successor. }"
    assert sc(body, "censure").value == 1
    assert sc("article 1 { Assembly votes no confidence in Government. }", "censure").value == 0


@pytest.mark.parametrize(
    ("dissolution", "expected"),
    [
        ("President dissolves Assembly.", 4),
        ("President dissolves Assembly after consultation with PrimeMinister.", 4),
        ("President dissolves Assembly, not within 1 years of dissolution.", 3),
        ("President dissolves Assembly after no-confidence.", 1),
        ("President dissolves Assembly after failed-investiture, not within 6 months of election.", 1),
        ('President dissolves Assembly when "a political crisis".', None),
        ('President dissolves Assembly after no-confidence. President dissolves Assembly when "a crisis".', None),
        ("", 0),
    ],
)
def test_dissolution_reads_typed_triggers_and_time_limits(dissolution, expected):
    assert sc(f"article 1 {{ {dissolution} }}", "dissolution").value == expected


def test_cabinet_formation_reads_formal_acts_and_binding_proposals():
    formal = "article 1 { President formally appoints PrimeMinister on nomination of Assembly. PrimeMinister appoints Ministers. }"
    assert sc(formal, "cabinet_formation").value == 0
    premier = (
        "article 1 { President appoints PrimeMinister with consent of Assembly. "
        "President appoints Ministers on binding proposal of PrimeMinister. }"
    )
    assert sc(premier, "cabinet_formation").value == 1
    confirmed = "article 1 { President appoints PrimeMinister with consent of Assembly. President appoints Ministers. }"
    assert sc(confirmed, "cabinet_formation").value == 3


def test_a_duty_to_dismiss_is_not_a_power_to_dismiss():
    duty = "article 1 { President shall dismiss Government after no-confidence. }"
    assert sc(duty, "cabinet_dismissal").value == 0
    assert sc("article 1 { President dismisses members of Government. }", "cabinet_dismissal").value == 4
