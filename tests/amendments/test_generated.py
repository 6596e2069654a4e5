"""Property: an amendment that repeals every clause and statement of an article, and one that
inserts them again, give back the article as it was; the amended text lays out canonically."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constitution_rules import model as m
from constitution_rules.amendments import apply_amendments, render_applied
from constitution_rules.language import printer
from constitution_rules.language.amendment_parser import parse_amendment_text
from constitution_rules.language.formatter import format_model
from constitution_rules.language.parser import parse_text
from tests.language.strategies import constitutions


def _sentences(provision: m.Provision) -> list[str]:
    clauses = [printer.clause_text(c) for c in provision.clauses]
    return clauses + [printer.statement_text(s) for s in printer.provision_statements(provision)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(constitutions(), st.data())
def test_repealing_and_inserting_again_gives_back_the_article(constitution, data):
    text = format_model(constitution)
    base = parse_text(text, "base.constitution")
    candidates = [p for p in base.provisions if _sentences(p)]
    if not candidates:
        return
    provision = data.draw(st.sampled_from(candidates))
    sentences = list(dict.fromkeys(_sentences(provision)))  # a repeated statement is repealed once
    ref = printer.article_ref(provision)
    body = "\n".join(f"  repeal {s}." for s in sentences)
    out = parse_amendment_text(f'amendment "out"\n\nin article {ref} {{\n{body}\n}}\n', "out.amendment")
    body = "\n".join(f"  insert {s}." for s in sentences)
    back = parse_amendment_text(f'amendment "back"\n\nin article {ref} {{\n{body}\n}}\n', "back.amendment")
    if len(sentences) != len(_sentences(provision)):
        return  # duplicates: repealing one copy leaves the other, and inserting it again is an error
    emptied = apply_amendments(base, [out], check=False)
    (empty,) = [p for p in emptied.constitution.provisions if p.id == provision.id]
    assert _sentences(empty) == []
    restored = apply_amendments(base, [out, back], text, check=False)
    assert restored.constitution.meaning() == base.meaning()
    rendered = render_applied(restored)
    assert parse_text(rendered, "base.constitution").meaning() == base.meaning()
