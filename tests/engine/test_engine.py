"""The engine on tiny synthetic rules (tests/engine/fakerules.py, loaded as a plugin)."""

from __future__ import annotations

import pytest

from constitution_rules.config import Config
from constitution_rules.findings import Finding
from constitution_rules.rules import registry
from constitution_rules.rules.engine import RuleFailure, run_rules
from constitution_rules.rules.registry import Rule, RuleContext

from .conftest import SPEC, spec


def summary(findings: list[Finding]) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return [(f.code, f.severity, str(f.location), f.institutions) for f in findings]


def test_findings_are_exact_and_sorted(fake_rules):
    result = run_rules(spec())
    assert summary(list(result.findings)) == [
        ("TS102", "info", "test.constitution:6:1", ("Court",)),
        ("TS102", "info", "test.constitution:7:1", ("Auditor",)),
        ("TS101", "error", "test.constitution:15:3", ("Court", "President")),
        ("TS201", "warning", "test.constitution:15:3", ("President",)),
        ("TS101", "error", "test.constitution:17:3", ("Parliament", "President")),
    ]
    first = result.findings[2]
    assert first.message == "President dismisses Court (an independent body) at will"
    assert [(e.citation, e.provision_id, e.clause_id, e.text) for e in first.evidence] == [
        ("Art. 2(1)", "art_2__para_1", "art_2__para_1#1", "President dismisses Court at will")
    ]
    assert first.key == "TS101|Court,President|art_2__para_1"
    assert result.counts.error == 2 and result.counts.warning == 1 and result.counts.info == 2
    assert result.waived == 0
    assert result.rules_run == ("CB900", "CB901", "TS101", "TS102", "TS201")
    assert result.file == "test.constitution" and result.constitution == "Testland"


def test_same_input_same_result(fake_rules):
    assert run_rules(spec()) == run_rules(spec())


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"select": ["TS1"]}, ["TS101", "TS102"]),
        ({"select": ["at-will-removal"]}, ["TS101"]),
        ({"select": ["ts201"]}, ["TS201"]),
        ({"select": ["ALL"], "ignore": ["TS"]}, ["CB900", "CB901"]),
        ({"select": ["TS1"], "ignore": ["TS101"]}, ["TS102"]),
        # the more specific selector wins, whichever list it is in
        ({"select": ["TS101"], "ignore": ["TS1"]}, ["TS101"]),
        ({"select": ["TS1"], "ignore": ["TS1"]}, []),
        ({"select": ["TS1"], "extend-select": ["many-powers"]}, ["TS101", "TS102", "TS201"]),
        ({"ignore": ["CB9", "powerless-institution"]}, ["TS101", "TS201"]),
    ],
)
def test_selection(fake_rules, settings, expected):
    config = Config.model_validate(settings)
    assert [r.code for r in config.selected(fake_rules)] == expected
    assert run_rules(spec(), config=config).rules_run == tuple(expected)


def test_command_line_layer_overrides_the_file(fake_rules):
    from_file = Config.model_validate({"select": ["TS1"], "ignore": ["TS102"]})
    assert [r.code for r in from_file.selected(fake_rules)] == ["TS101"]
    assert [r.code for r in from_file.with_overrides(select=["TS2"]).selected(fake_rules)] == ["TS201"]
    assert [r.code for r in from_file.with_overrides(extend_select=["TS102"]).selected(fake_rules)] == [
        "TS101",
        "TS102",
    ]
    assert [r.code for r in from_file.with_overrides(ignore=["TS101"]).selected(fake_rules)] == []


def test_severity_override_most_specific_wins(fake_rules):
    config = Config.model_validate({"select": ["TS"], "severity": {"TS": "info", "TS101": "warning"}})
    result = run_rules(spec(), config=config)
    assert {f.code: f.severity for f in result.findings} == {"TS101": "warning", "TS102": "info", "TS201": "info"}
    by_name = Config.model_validate({"select": ["TS1"], "severity": {"at-will-removal": "info"}})
    assert {f.severity for f in run_rules(spec(), config=by_name).findings} == {"info"}
    assert run_rules(spec(), config=by_name).counts.error == 0


def test_thresholds_by_code_or_name(fake_rules):
    assert any(f.code == "TS201" for f in run_rules(spec()).findings)
    for key in ("TS201", "many-powers"):
        config = Config.model_validate({"thresholds": {key: {"limit": 3}}})
        assert not any(f.code == "TS201" for f in run_rules(spec(), config=config).findings)


def test_independent_kinds_reach_the_rules(fake_rules):
    config = Config.model_validate({"select": ["TS101"], "independent-kinds": ["audit"]})
    messages = [f.message for f in run_rules(spec(), config=config).findings]
    assert messages == ["President dismisses Court at will", "President dismisses Parliament at will"]


def waived_spec(clause: str = "", article: str = "", institution: str = "") -> str:
    text = SPEC.replace("President dismisses Court at will.", f"President dismisses Court at will {clause}.")
    text = text.replace("article 2(1) {", "article 2(1) {\n  " + article) if article else text
    return text.replace("institution Court: judiciary", f"institution Court: judiciary {institution}")


@pytest.mark.parametrize(
    "where",
    [
        {"clause": 'waive TS101 "judges answer to law"'},
        {"article": 'waive TS101 "judges answer to law".'},
        {"institution": 'waive TS101 "judges answer to law"'},
    ],
    ids=["clause", "article", "institution"],
)
def test_waivers_at_each_level(fake_rules, where):
    result = run_rules(spec(waived_spec(**where)), config=Config(select=("TS101", "CB9")))
    court = [f for f in result.findings if "Court" in f.institutions]
    parliament = [f for f in result.findings if "Parliament" in f.institutions]
    assert [(f.waived, f.waiver_reason) for f in court] == [(True, "judges answer to law")]
    if "article" in where:  # an article waiver covers every finding with evidence in the article
        assert [f.waived for f in parliament] == [True]
        assert result.waived == 2 and result.counts.error == 0
    else:
        assert [f.waived for f in parliament] == [False]
        assert result.waived == 1 and result.counts.error == 1
    assert not [f for f in result.findings if f.code.startswith("CB9")]


def test_waiver_of_finding_without_evidence_by_institution(fake_rules):
    result = run_rules(
        spec(waived_spec(institution='waive TS102 "filled by statute"')), config=Config(select=("TS102",))
    )
    assert [(f.institutions, f.waived) for f in result.findings] == [(("Court",), True), (("Auditor",), False)]


def test_unused_waiver_is_reported(fake_rules):
    text = waived_spec(clause='waive TS102 "not here"', institution='waive TS101 "by law"')
    result = run_rules(spec(text), config=Config(select=("TS", "CB9")))
    unused = [f for f in result.findings if f.code == "CB900"]
    assert [(f.severity, f.message, str(f.location)) for f in unused] == [
        ("warning", "waiver of TS102 on clause art_2__para_1#1 matches no finding of TS102", "test.constitution:15:37")
    ]
    assert [(e.clause_id, e.text) for e in unused[0].evidence] == [
        ("art_2__para_1#1", "President dismisses Court at will")
    ]
    assert unused[0].key == "CB900||art_2__para_1"


def test_waiver_of_rule_not_run_is_not_judged(fake_rules):
    text = waived_spec(clause='waive TS201 "not judged"')
    result = run_rules(spec(text), config=Config(select=("TS101", "CB9")))
    assert not [f for f in result.findings if f.code == "CB900"]


def test_unknown_waiver_code_with_did_you_mean(fake_rules):
    text = waived_spec(institution='waive TS1O1 "typo"')
    result = run_rules(spec(text), config=Config(select=("CB9",)))
    assert [(f.code, f.message, f.institutions) for f in result.findings] == [
        (
            "CB901",
            "waiver on institution Court names unknown rule code TS1O1; did you mean 'TS101'?",
            ("Court",),
        )
    ]


def test_engine_findings_can_be_selected_away(fake_rules):
    text = waived_spec(institution='waive TS1O1 "typo"')
    assert not run_rules(spec(text), config=Config(ignore=("unknown-waiver-code",))).findings_of("CB901")


def test_a_crashing_rule_is_named(fake_rules):
    def broken(self: Rule, context: RuleContext):
        raise KeyError("oops")

    registry.rule(
        "TS999",
        "broken-rule",
        severity="info",
        category="test",
        summary="s",
        what_it_flags="w",
        why_it_matters="w",
        references=(),
        failing_example="",
        passing_example="",
        how_to_fix="",
    )(broken)
    with pytest.raises(RuleFailure, match=r"rule TS999 \(broken-rule\) failed: KeyError"):
        run_rules(spec())


def test_registry_rejects_clashes_and_bad_codes(fake_rules):
    original = registry.get_rule("TS101")
    assert original is not None and original.origin == "fakerules"
    clash = Rule(**{**original.__dict__, "check": lambda self, ctx: iter(())})
    with pytest.raises(ValueError, match="registered twice"):
        registry.register_rule(clash)
    with pytest.raises(ValueError, match="must be 1-4 capital letters"):
        registry.register_rule(Rule(**{**original.__dict__, "code": "cb1"}))
    with pytest.raises(ValueError, match="name many-powers is registered twice"):
        registry.register_rule(Rule(**{**original.__dict__, "code": "TS777", "name": "many-powers"}))


def test_findings_carry_their_rule_identity(fake_rules):
    """A rule that builds its findings by hand still gets its own code and name."""

    def careless(self: Rule, context: RuleContext):
        yield Finding(code="XX1", rule="other", severity="info", message="hand-made")

    registry.rule(
        "TS998",
        "careless-rule",
        severity="info",
        category="test",
        summary="s",
        what_it_flags="w",
        why_it_matters="w",
        references=(),
        failing_example="",
        passing_example="",
        how_to_fix="",
    )(careless)
    result = run_rules(spec(), config=Config(select=("TS998",)))
    assert [(f.code, f.rule) for f in result.findings] == [("TS998", "careless-rule")]
