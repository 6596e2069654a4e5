"""Every amendment operation, applied to a small base."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from constitution_rules.amendments import apply_amendments, load_amendment, render_applied
from constitution_rules.language.amendment_parser import build_amendment_parser
from constitution_rules.language.grammar import build_parser, grammar_path, lark_options
from constitution_rules.language.parser import parse_file, parse_text, read_source
from constitution_rules.language.printer import clause_text


def apply(base: Path, *amendments: Path):
    return apply_amendments(parse_file(base), [load_amendment(a) for a in amendments], read_source(base))


def texts(constitution, ref: str) -> list[str]:
    provision = next(p for p in constitution.provisions if p.citation == f"Art. {ref}")
    return [clause_text(c) for c in provision.clauses]


def test_amendment_grammar_builds_strict_and_leaves_the_constitution_parser_alone():
    from lark import Lark

    Lark(grammar_path().read_text(encoding="utf-8"), start="amendment_file", **lark_options(strict=True))
    assert build_amendment_parser().options.parser == "lalr"
    names = {t.name for t in build_parser(strict=True).terminals}
    assert "SUBSTITUTE" not in names and "RENUMBER" not in names


def test_header(base, amendment):
    parsed = load_amendment(
        amendment(
            'set version "v2"\n',
            header='amendment "Law No. 1"\n  amends version "v1"\n  date 2024-02-03\n  status adopted\n'
            '  proposer "Government"\n  source "https://example.org"\n  in-force 2024-03-01\n',
        )
    )
    header = parsed.header
    assert (header.title, header.amends_version, header.status, header.proposer) == (
        "Law No. 1",
        "v1",
        "adopted",
        "Government",
    )
    assert header.date == dt.date(2024, 2, 3) and header.in_force == dt.date(2024, 3, 1)
    assert apply(base, amendment('set version "v2"\nset as-of 2024-03-01\n')).constitution.version == "v2"


def test_insert_article_goes_to_its_natural_place(base, amendment):
    result = apply(base, amendment('insert article 10-1 "New" {\n  Parliament hears reports of President.\n}\n'))
    refs = [p.citation for p in result.constitution.provisions]
    assert refs == ["Art. 3", "Art. 10(1)", "Art. 10(2)", "Art. 10-1", "Art. 20", "Art. 21"]
    assert result.changed_by == {"art_10-1": ["Test change (2024-01-01)"]}


def test_substitute_article_replaces_every_paragraph(base, amendment):
    result = apply(base, amendment("substitute article 10 {\n  Parliament adopts laws by two-thirds.\n}\n"))
    assert [p.citation for p in result.constitution.provisions] == ["Art. 3", "Art. 10", "Art. 20", "Art. 21"]
    assert texts(result.constitution, "10") == ["Parliament adopts laws by two-thirds"]


def test_repeal_article_and_paragraph(base, amendment):
    result = apply(base, amendment("repeal article 10(2)\nrepeal article 21\n"))
    assert [p.citation for p in result.constitution.provisions] == ["Art. 3", "Art. 10(1)", "Art. 20"]


def test_renumber_moves_ids_citations_and_clause_ids(base, amendment):
    result = apply(base, amendment("renumber article 10 as 11\n"))
    provisions = {p.id: p for p in result.constitution.provisions}
    assert "art_11__para_2" in provisions
    assert provisions["art_11__para_2"].clauses[0].id == "art_11__para_2#1"
    assert provisions["art_11__para_2"].clauses[0].citation == "Art. 11(2)"
    assert result.renumbered == {"art_10__para_1": "art_11__para_1", "art_10__para_2": "art_11__para_2"}


def test_clause_operations_inside_an_article(base, amendment):
    body = """in article 10(1) {
  set title "Lawmaking"
  substitute President vetoes laws, overridable by Parliament by two-thirds.
          by President vetoes laws, overridable by Parliament by majority.
  insert Parliament initiates laws. before Parliament adopts laws by majority.
  insert President initiates laws. after Parliament initiates laws.
  repeal Parliament adopts laws by majority.
  insert Parliament adopts laws by majority of members.
}
"""
    result = apply(base, amendment(body))
    provision = next(p for p in result.constitution.provisions if p.id == "art_10__para_1")
    assert provision.title == "Lawmaking"
    assert [clause_text(c) for c in provision.clauses] == [
        "Parliament initiates laws",
        "President initiates laws",
        "President vetoes laws, overridable by Parliament by majority",
        "Parliament adopts laws by majority of members",
    ]
    assert [c.id for c in provision.clauses] == [f"art_10__para_1#{n}" for n in range(1, 5)]


def test_institution_operations(base, amendment):
    body = """insert institution Ombudsman "Ombudsperson": ombudsman, term 5 years after President
change institution Parliament: seats 120, term 4 years
change institution President: limit 2 consecutive
rename institution Council to Tribunal
insert article 30 {
  Parliament elects Ombudsman.
}
"""
    result = apply(base, amendment(body))
    c = result.constitution
    assert [i.id for i in c.institutions] == ["People", "President", "Ombudsman", "Parliament", "Court", "Tribunal"]
    parliament = c.institution("Parliament")
    assert parliament is not None and (parliament.seats, parliament.term_years) == (120, 4)
    president = c.institution("President")
    assert president is not None and (president.term_limit, president.term_limit_consecutive) == (2, True)
    assert texts(c, "21") == ["Tribunal reviews laws"]
    assert result.renamed == {"Council": "Tribunal"}


def test_repeal_institution(base, amendment):
    result = apply(base, amendment("repeal article 21\nrepeal institution Council\n"))
    assert result.constitution.institution("Council") is None


def test_apply_never_touches_the_base(base, amendment):
    before = base.read_bytes()
    model = parse_file(base)
    result = apply(base, amendment("repeal article 21\nrepeal institution Council\n"))
    assert base.read_bytes() == before
    assert parse_file(base).meaning() == model.meaning()
    assert result.base.meaning() == model.meaning()


def test_rendered_result_keeps_comments_and_notes_changes(base, amendment):
    result = apply(base, amendment("in article 3 {\n  repeal People elects President.\n}\n"))
    text = render_applied(result)
    assert "# the founding article\n# amended by Test change (2024-01-01)\narticle 3" in text
    assert "People elects Parliament.  # direct" in text
    assert parse_text(text).meaning() == result.constitution.meaning()


def test_chain_checks_the_expected_version(base, amendment):
    first = amendment('set version "v2"\n', name="a.amendment")
    second = amendment(
        "repeal article 21\n",
        name="b.amendment",
        header='amendment "Second"\n  amends version "v2"\n  date 2024-02-01\n  status proposed\n',
    )
    assert apply(base, first, second).constitution.version == "v2"
    with pytest.raises(Exception, match="expects version 'v2', but the base has 'v1'"):
        apply(base, second)
