"""The statement cache gives exactly what parse_text gives, its errors too, whatever the edits."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from constitution_rules.language.errors import ConstitutionError
from constitution_rules.language.parser import parse_text
from constitution_rules.lsp.incremental import PIECEWISE_LIMIT, StatementCache, pieces
from tests.conftest import SPECS

SPEC = (SPECS / "kazakhstan" / "2022.constitution").read_text(encoding="utf-8")
NAME = "kz.constitution"
#: Pieces of text an edit may put in: words of the language, punctuation, breaks, mistakes.
INSERTS = st.sampled_from(
    [
        " ",
        "\n",
        "\n\n",
        ".",
        "{",
        "}",
        "(",
        "#",
        '"',
        "article 99 {\n  President issues decrees.\n}\n",
        "institution Extra: advisory\n",
        " at will",
        ' waive CB103 "x"',
        "Presdent",
        "institution",
        "x",
    ]
)


def outcome(parse, text: str):
    try:
        return ("model", parse(text, NAME).model_dump())
    except ConstitutionError as exc:
        return ("errors", [d.render() for d in exc.diagnostics])


def test_pieces_are_the_header_and_each_statement():
    text = 'constitution "X"\ninstitution A: executive\narticle 1 {\n  A issues decrees.\n}\n  article 2 { }\n'
    assert [text[a:b].split()[0] for a, b in pieces(text)] == ["constitution", "institution", "article", "article"]


def test_an_edit_inside_one_statement_parses_only_that_one():
    cache = StatementCache()
    cache.parse(SPEC, NAME)
    edited = SPEC.replace("President appoints PrimeMinister", "President  appoints PrimeMinister", 1)
    assert cache.parse(edited, NAME).model_dump() == parse_text(edited, NAME).model_dump()
    assert cache.reused == len(list(pieces(edited))) - 1


def test_a_line_inserted_near_the_top_parses_the_whole_text_once():
    cache = StatementCache()
    cache.parse(SPEC, NAME)
    edited = SPEC.replace("institution", "\ninstitution", 1)
    assert cache.parse(edited, NAME).model_dump() == parse_text(edited, NAME).model_dump()
    assert len(list(pieces(edited))) - cache.reused > PIECEWISE_LIMIT


@settings(max_examples=60, deadline=None)
@given(edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 12), INSERTS), min_size=1, max_size=6))
def test_same_as_parse_text_after_any_edits(edits: list[tuple[float, int, str]]):
    cache = StatementCache()
    text = SPEC
    assert outcome(cache.parse, text) == outcome(parse_text, text)
    for where, removed, inserted in edits:
        at = int(where * len(text))
        text = text[:at] + inserted + text[at + removed :]
        assert outcome(cache.parse, text) == outcome(parse_text, text)


@pytest.mark.parametrize("text", ["", "\ufeff" + SPEC, SPEC.replace("article 1 ", "article 1\x00 ")])
def test_odd_texts_go_the_whole_way(text: str):
    assert outcome(StatementCache().parse, text) == outcome(parse_text, text)
