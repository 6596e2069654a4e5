"""The language server's pure logic, without a client: positions, words, completion contexts,
navigation, hover and code actions on analyses of small documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from constitution_rules.language.parser import parse_text
from constitution_rules.lsp import actions, completion, navigation
from constitution_rules.lsp.analysis import analyse
from constitution_rules.lsp.diagnostics import diagnostics
from constitution_rules.lsp.hover import hover
from constitution_rules.lsp.positions import LineIndex, word_at

DOC = """\
constitution "Testland"
institution President: executive, head-of-state
institution Parliament: legislature, seats 100
institution Court: judiciary
article 1 {
  Parliament votes no confidence in President by majority of members.
  President dismisses Court at will.
}
"""


@pytest.mark.parametrize(("encoding", "character"), [("utf-16", 6), ("utf-32", 5), ("utf-8", 8)])
def test_line_index_counts_columns_in_the_clients_units(encoding: str, character: int):
    text = 'x "a𝒳" b\nsecond'
    index = LineIndex(text, encoding)  # type: ignore[arg-type]
    offset = text.index('"', 3)  # the closing quote, after a character outside the BMP
    assert index.position(offset) == types.Position(0, character)
    assert index.offset(types.Position(0, character)) == offset
    assert index.at(1, offset + 1) == types.Position(0, character)  # the parser's 1-based line:column
    assert index.offset(types.Position(1, 99)) == len(text)  # past the end of a line: its end
    assert index.offset(types.Position(7, 0)) == len(text)


def test_words_skip_strings_and_comments():
    text = 'institution A "not B": executive # nor C\n'
    assert word_at(text, text.index("not")) is None
    assert word_at(text, text.index("nor")) is None
    token = word_at(text, text.index("executive") + 3)
    assert token is not None and token.text == "executive"


@pytest.mark.parametrize("phrase", completion.CONDITION_PHRASES)
def test_every_condition_phrase_is_the_grammars(phrase: str):
    tail = {
        "with consent of": " Parliament",
        "on proposal of": " Parliament",
        "on nomination of": " Parliament",
        "on recommendation of": " Parliament",
        "after consultation with": " Parliament",
        "overridable by": " Parliament",
        "subject to review by": " Court",
        "on binding proposal of": " Parliament",
        "on advice of": " Parliament",
        "when": ' "a crisis"',
        "except": ' "in war"',
        "by at least": " two-thirds",
        "with quorum of": " majority",
        "with turnout of": " majority",
        "not within": " 6 months of election",
        "waive": ' CB103 "accepted"',
    }.get(phrase, "")
    parse_text(DOC.replace("dismisses Court at will.", f"dismisses Court {phrase}{tail}."))


def labels(text: str, marker: str = "|", kind: str = "constitution") -> list[str]:
    offset = text.index(marker)
    source = text.replace(marker, "")
    analysis = analyse(DOC, "doc.constitution")
    if kind == "amendment":
        analysis = analyse(source, "doc.amendment")
    return [
        item.label for item in completion.complete(analysis, None if kind == "amendment" else analysis, source, offset)
    ]


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (DOC + "|", ["institution", "article"], ["appoints"]),
        (DOC.replace("  President dismisses", "  |President dismisses"), ["President", "Court", "waive"], ["appoints"]),
        (DOC.replace("President dismisses", "President |dismisses"), ["dismisses", "hears reports of"], ["Court"]),
        (DOC.replace("dismisses Court", "dismisses |Court"), ["Court", "Parliament", "chair of"], ["laws"]),
        (DOC.replace("at will.", "issues |."), ["with consent of", "at will", "waive"], ["President"]),
        (DOC.replace("at will.", "with consent of |."), ["Parliament", "President"], ["majority"]),
        (DOC.replace("at will.", "by |."), ["majority", "two-thirds"], ["Parliament"]),
        (DOC.replace("at will.", "at will waive |."), ["CB103", "CB900"], ["Court"]),
        (DOC.replace("President dismisses", "President shall |dismisses"), ["dismiss", "appoint"], ["dismisses"]),
        (DOC.replace("President dismisses", "President and |dismisses"), ["Parliament", "Court"], ["dismisses"]),
        (DOC.replace("President dismisses", "President and Parliament jointly |dismisses"), ["dismiss"], ["Court"]),
        (DOC.replace("dismisses Court at will.", "annuls |Court."), ["Court", "acts of", "members of"], ["laws"]),
        (
            DOC.replace("  President dismisses Court at will.", "  immunity of |"),
            ["President", "members of"],
            ["appoints"],
        ),
        (
            DOC.replace("  President dismisses Court at will.", "  membership of Court |"),
            ["incompatible with"],
            ["Court"],
        ),
        (DOC.replace("seats 100", "seats 100, |"), ["legislature", "member-of"], ["appoints"]),
        (DOC.replace('"Testland"', '"Test|land"'), [], ["President", "institution"]),
        (DOC.replace("at will.", "at will. # a |note"), [], ["President"]),
    ],
)
def test_completion_by_context(text: str, expected: list[str], absent: list[str]):
    found = labels(text)
    for label in expected:
        assert label in found, (label, found[:12])
    for label in absent:
        assert label not in found, label
    if not expected:
        assert found == []


def test_completion_of_targets_follows_the_verb():
    found = labels(DOC.replace("President dismisses Court at will.", "Parliament adopts |."))
    assert "laws" in found and "budget" in found and "Court" not in found


AMENDMENT = """\
amendment "Reform"
  amends "base.constitution"

in article 1 {
  insert Parliament dismisses Court.
}

insert institution Ombudsman: ombudsman after Court
rename institution Court to SupremeCourt
renumber article 1 as 2
"""


def test_amendment_completion_and_outline():
    assert "insert" in labels(AMENDMENT + "|", kind="amendment")
    assert "article" in labels(AMENDMENT.replace("renumber article", "renumber |article"), kind="amendment")
    assert "repeal" in labels(AMENDMENT.replace("  insert Parliament", "  |insert Parliament"), kind="amendment")
    symbols = navigation.document_symbols(analyse(AMENDMENT, "doc.amendment"), AMENDMENT, LineIndex(AMENDMENT))
    assert [s.name for s in symbols] == [
        "in article 1",
        "insert institution Ombudsman: ombudsman after Court",
        "rename institution Court to SupremeCourt",
        "renumber article 1 as 2",
    ]
    assert set(navigation.declarations(AMENDMENT)) == {"Ombudsman", "SupremeCourt"}


def test_hover_verbs_kinds_and_codes():
    analysis = analyse(DOC, "doc.constitution")
    index = LineIndex(DOC)
    at = DOC.index("confidence")
    found = hover(analysis, analysis, DOC, at, index)
    assert found is not None and found.contents.value.startswith("**votes no confidence in** (verb, oversight)")
    assert found.range == index.range(DOC.index("votes"), DOC.index(" President by"))
    kind = hover(analysis, analysis, DOC, DOC.index("judiciary"), index)
    assert kind is not None and "independent body by default" in kind.contents.value
    waived = DOC.replace("at will.", 'at will waive CB103 "accepted".')
    code = hover(analysis, analysis, waived, waived.index("CB103") + 1, LineIndex(waived))
    assert code is not None and code.contents.value.startswith("**CB103** `appoint-and-dismiss-at-will`")


def test_hover_on_a_finding_explains_its_rule():
    analysis = analyse(DOC, "doc.constitution")
    index = LineIndex(DOC)
    found = hover(analysis, analysis, DOC, DOC.index("at will") + 1, index)
    assert found is not None and "**CB206** `judges-removable-at-will`" in found.contents.value


def _apply(text: str, edit: types.TextEdit) -> str:
    index = LineIndex(text)
    return text[: index.offset(edit.range.start)] + edit.new_text + text[index.offset(edit.range.end) :]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (  # an article's waiver: its whole line goes
            'article 1 {\n  waive CB206 "old".\n  President dismisses Court for cause "x".\n}\n',
            'article 1 {\n  President dismisses Court for cause "x".\n}\n',
        ),
        (  # a clause's waiver on a line of its own: the full stop comes back to the clause
            'article 1 {\n  President dismisses Court for cause "x"\n    waive CB206 "old".\n}\n',
            'article 1 {\n  President dismisses Court for cause "x".\n}\n',
        ),
        (  # an institution's waiver
            'institution Court: judiciary waive CB206 "old"\narticle 1 {\n  President dismisses Court for cause "x".\n}\n',
            'institution Court: judiciary\narticle 1 {\n  President dismisses Court for cause "x".\n}\n',
        ),
    ],
)
def test_unused_waiver_fix_leaves_a_valid_file(source: str, expected: str):
    head = DOC[: DOC.index("article 1")]
    if source.startswith("institution Court"):
        head = head.replace("institution Court: judiciary\n", "")
    text = head + source
    analysis = analyse(text, "doc.constitution")
    (finding,) = [f for f in analysis.findings if f.code == "CB900"]
    fix = actions.rule_fix(analysis, finding, LineIndex(text))
    assert fix is not None and fix[0] == "Delete the unused waiver"
    fixed = _apply(text, fix[1])
    assert fixed == head + expected
    assert analyse(fixed, "doc.constitution").clean


def test_unknown_waiver_code_is_corrected():
    text = DOC.replace("at will.", 'at will waive CB13 "accepted".')
    analysis = analyse(text, "doc.constitution")
    (finding,) = [f for f in analysis.findings if f.code == "CB901"]
    fix = actions.rule_fix(analysis, finding, LineIndex(text))
    assert fix is not None and fix[0].startswith("Change the code to CB1")
    assert "waive CB1" in _apply(text, fix[1])


def test_an_amendment_whose_base_is_broken_says_so_at_its_amends_line(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "base.constitution").write_text(DOC.replace("executive,", "executiv,"), encoding="utf-8")
    path = str(tmp_path / "reform.amendment")
    analysis = analyse(AMENDMENT, path)
    (problem,) = diagnostics(analysis, Path(path).as_uri())
    assert problem.range.start == types.Position(1, 2)
    assert problem.message.startswith("the base base.constitution cannot be read: 2:24: unknown institution kind")


def test_formatting_refuses_what_does_not_parse():
    assert actions.format_edits("constitution", "x.constitution", "constitution", LineIndex("constitution")) is None
    canonical = actions.formatted(DOC, "x.constitution", "constitution")
    assert canonical is not None
    messy = canonical.replace("institution Court: judiciary", "institution   Court:judiciary")
    edits = actions.format_edits(messy, "x.constitution", "constitution", LineIndex(messy))
    assert edits is not None and len(edits) == 1 and edits[0].new_text == "institution Court: judiciary\n"


def test_outline_of_v2_article_statements():
    text = (
        'constitution "X"\ninstitution A: executive\narticle 1 {\n  text "One." "Two."\n  A issues decrees.\n'
        '  unamendable "x".\n}\narticle 2 {\n  text "only"\n}\n'
    )
    symbols = navigation.document_symbols(analyse(text, "x.constitution"), text, LineIndex(text))
    assert [(s.name, [c.name for c in s.children or []]) for s in symbols] == [
        ("A", []),
        ("article 1", ['text "One." "Two."', "A issues decrees", 'unamendable "x"']),
        ("article 2", ['text "only"']),
    ]


def test_a_saved_config_is_read_again(tmp_path: Path):
    import os

    config = tmp_path / "constitution-rules.toml"
    config.write_text("", encoding="utf-8")
    path = str(tmp_path / "draft.constitution")
    assert "CB206" in {f.code for f in analyse(DOC, path).findings}
    config.write_text('ignore = ["CB206"]\n', encoding="utf-8")
    os.utime(config, ns=(1, 1))  # a different stamp even within the file system's time resolution
    assert "CB206" not in {f.code for f in analyse(DOC, path).findings}
