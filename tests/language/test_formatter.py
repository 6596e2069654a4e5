"""The formatter: canonical, idempotent, meaning-preserving, and it never drops a comment."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constitution_rules.language.formatter import checked_format, format_model, format_source, scan_comments
from constitution_rules.language.parser import parse_text
from tests.conftest import SPECS, run_cli
from tests.language.strategies import constitutions

MESSY = """# Top of file
constitution "Testland"   version "v1" # header note
institution People: electorate
institution President: executive head-of-state  term 7 year, limit 1

# The chambers
institution Parliament: legislature, seats 100 # trailing
article 61 "Veto" { # on the article line
  President vetoes laws, overridable by Parliament by two-thirds of members. # why
  # before the next clause
  People elects President
    by majority. # inside a multi-line clause end
  Parliament   impeaches President for cause "treason", by   three-quarters.
  # dangling at the end of the body
}
# end of file
"""


def test_messy_file_is_laid_out_canonically():
    assert format_source(MESSY, "m.constitution") == (
        "# Top of file\n"
        'constitution "Testland"\n'
        '  version "v1"  # header note\n'
        "\n"
        "institution People: electorate\n"
        "institution President: executive, head-of-state, term 7 years, limit 1\n"
        "\n"
        "# The chambers\n"
        "institution Parliament: legislature, seats 100  # trailing\n"
        "\n"
        'article 61 "Veto" {  # on the article line\n'
        "  President vetoes laws, overridable by Parliament by two-thirds of members.  # why\n"
        "  # before the next clause\n"
        "  People elects President by majority.  # inside a multi-line clause end\n"
        '  Parliament impeaches President for cause "treason", by three-quarters.\n'
        "  # dangling at the end of the body\n"
        "}\n"
        "\n"
        "# end of file\n"
    )


def test_checked_format_reports_no_problem_and_is_idempotent():
    result = checked_format(MESSY, "m.constitution")
    assert result.problems == ()
    assert format_source(result.formatted) == result.formatted


def test_long_clauses_wrap_one_condition_per_line():
    text = (
        'constitution "X"\ninstitution President: executive\ninstitution Mazhilis: legislature\n'
        "institution Senate: legislature\narticle 44(3) {\n"
        "  President appoints Mazhilis with consent of Mazhilis by majority of members, after consultation with"
        " Senate, on proposal of Senate.\n}\n"
    )
    lines = format_source(text).splitlines()
    assert lines[-5:] == [
        "article 44(3) {",
        "  President appoints Mazhilis with consent of Mazhilis by majority of members,",
        "    after consultation with Senate,",
        "    on proposal of Senate.",
        "}",
    ]


def test_hash_inside_a_string_is_not_a_comment():
    text = 'constitution "No #1"  # real\n'
    assert [c.text for c in scan_comments(text)] == ["# real"]
    assert format_source(text) == 'constitution "No #1"  # real\n'


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(constitutions())
def test_generated_constitutions_round_trip(constitution):
    text = format_model(constitution)
    reparsed = parse_text(text, "<generated>")
    assert reparsed.meaning() == constitution.meaning()
    assert format_model(reparsed, text) == text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(constitutions(), st.lists(st.text(alphabet='abc #"é-', max_size=12), min_size=1, max_size=6), st.randoms())
def test_comments_survive_anywhere_between_lines(constitution, comment_bodies, rnd: random.Random):
    lines = format_model(constitution).splitlines()
    for body in comment_bodies:
        at = rnd.randint(0, len(lines))
        lines.insert(at, "  # " + body.replace("\n", " "))
    source = "\n".join(lines) + "\n"
    result = checked_format(source, "<generated>")
    assert result.problems == ()
    formatted_comments = sorted(c.text for c in scan_comments(result.formatted))
    assert formatted_comments == sorted(c.text for c in scan_comments(source))


def test_fmt_check_on_the_corpus():
    result = run_cli("fmt", "--check", str(SPECS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_fmt_rewrites_in_place_and_check_reports(write):
    path = write(MESSY)
    check = run_cli("fmt", "--check", str(path))
    assert check.returncode == 1 and "would reformat" in check.stdout
    diff = run_cli("fmt", "--diff", str(path))
    assert diff.returncode == 1 and "+  version" in diff.stdout
    assert path.read_text() == MESSY  # --check and --diff change nothing
    assert run_cli("fmt", str(path)).returncode == 0
    assert path.read_text() == format_source(MESSY)
    assert run_cli("fmt", "--check", str(path)).returncode == 0


def test_fmt_leaves_a_bad_file_alone(write):
    path = write('constitution "X"\narticle 1 {\n  A apoints B.\n}\n')
    result = run_cli("fmt", str(path))
    assert result.returncode == 2
    assert "unknown verb" in result.stderr or "not declared" in result.stderr
    assert path.read_text() == 'constitution "X"\narticle 1 {\n  A apoints B.\n}\n'
