"""An operation that does not fit its base is an error at the amendment's own line:col, with a hint."""

from __future__ import annotations

import pytest

from constitution_rules.amendments import apply_amendments, load_amendment
from constitution_rules.language.errors import ConstitutionError
from constitution_rules.language.parser import parse_file, read_source

HEADER_LINES = 5  # the fixture's header and the blank line after it


def problems(base, path) -> str:
    with pytest.raises(ConstitutionError) as info:
        apply_amendments(parse_file(base), [load_amendment(path)], read_source(base))
    return str(info.value)


@pytest.mark.parametrize(
    ("body", "position", "message", "hint"),
    [
        (
            "in article 10(1) {\n  repeal President vetoes laws, overridable by Parliament by majority.\n}\n",
            "7:10",
            "Art. 10(1) has no clause 'President vetoes laws, overridable by Parliament by majority.'",
            "did you mean 'President vetoes laws, overridable by Parliament by two-thirds.'?",
        ),
        (
            "in article 10(1) {\n  repeal President issues decrees.\n}\n",
            "7:10",
            "Art. 10(1) has no clause 'President issues decrees.'",
            "that clause is in Art. 10(2), not Art. 10(1)",
        ),
        ("substitute article 12 {\n}\n", "6:20", "cannot substitute article 12", "did you mean article"),
        ("repeal article 10(3)\n", "6:1", "cannot repeal article 10(3)", "did you mean article 10(2)?"),
        ("in article 22 {\n}\n", "6:1", "cannot amend article 22", "did you mean article 21?"),
        ("renumber article 9 as 11\n", "6:1", "cannot renumber article 9", None),
        (
            "renumber article 10(1) as 10(2)\n",
            "6:1",
            "cannot renumber article 10(1) as 10(2): article 10(2) already exists",
            "renumber or repeal",
        ),
        ("insert article 21 {\n}\n", "6:16", "article 21 already exists", "substitute article 21"),
        (
            "rename institution Counsil to Tribunal\n",
            "6:20",
            "the base has no institution 'Counsil'",
            "did you mean 'Council'?",
        ),
        ("rename institution Council to Court\n", "6:31", "institution 'Court' already exists", None),
        (
            "repeal institution Parlament\n",
            "6:20",
            "the base has no institution 'Parlament'",
            "did you mean 'Parliament'?",
        ),
        ("repeal institution Council\n", "6:20", "cannot repeal institution 'Council'", "Art. 21"),
        ("insert institution Court: judiciary\n", "6:20", "institution 'Court' already exists", "change institution"),
        ("change institution Court: seats 5\n", "6:1", "Court would have 5 seats", "in article 20"),
        (
            "change institution Court: judicary\n",
            "6:27",
            "unknown institution kind 'judicary'",
            "did you mean 'judiciary'",
        ),
        (
            "in article 10(1) {\n  insert Presdent initiates laws.\n}\n",
            "7:10",
            "institution 'Presdent' is not declared",
            "did you mean 'President'?",
        ),
        (
            "in article 10(1) {\n  insert Parliament adopts laws by majority.\n}\n",
            "7:10",
            "Art. 10(1) already has 'Parliament adopts laws by majority.'",
            None,
        ),
    ],
)
def test_mismatch_errors(base, amendment, body, position, message, hint):
    path = amendment(body)
    text = problems(base, path)
    assert f"{path}:{position}: error: {message}" in text
    if hint:
        assert hint in text
    assert "^" in text  # the offending line is shown with a caret


def test_every_error_of_an_amendment_is_reported_together(base, amendment):
    text = problems(base, amendment("repeal article 98\nrepeal article 99\n"))
    assert "found 2 errors" in text


def test_syntax_errors_point_into_the_amendment(amendment):
    path = amendment("repael article 3\n")
    with pytest.raises(ConstitutionError) as info:
        load_amendment(path)
    text = str(info.value)
    assert f"{path}:6:1: error: unexpected 'repael'" in text
    assert "did you mean 'repeal'?" in text


@pytest.mark.parametrize(
    ("header", "message", "hint"),
    [
        ('amendment "x"\n  status adoptd\n', "unknown status 'adoptd'", "did you mean 'adopted'?"),
        ('amendment "x"\n  date 2024-02-30\n', "'2024-02-30' is not a valid date", "YYYY-MM-DD"),
        ('amendment "x"\n  amends "a"\n  amends version "b"\n', "header field 'amends version' is given twice", None),
    ],
)
def test_header_errors(amendment, header, message, hint):
    with pytest.raises(ConstitutionError) as info:
        load_amendment(amendment("", header=header))
    assert message in str(info.value)
    if hint:
        assert hint in str(info.value)


def test_amends_path_must_be_the_base(tmp_path, base, amendment):
    other = tmp_path / "other.constitution"
    other.write_text(base.read_text(encoding="utf-8"), encoding="utf-8")
    path = amendment("repeal article 21\nrepeal institution Council\n")
    with pytest.raises(ConstitutionError, match=r"this amendment amends 'base\.constitution', not"):
        apply_amendments(parse_file(other), [load_amendment(path)], read_source(other))
