"""Every error kind: file:line:col, the line with a caret, the message, and exit code 2."""

from __future__ import annotations

import pytest

from constitution_rules.language.errors import ConstitutionError
from constitution_rules.language.parser import parse_text
from tests.conftest import run_cli

BASE = 'constitution "X"\ninstitution President: executive\ninstitution Senate: legislature, seats 50\n'


def errors_of(text: str) -> ConstitutionError:
    with pytest.raises(ConstitutionError) as info:
        parse_text(text, "e.constitution")
    return info.value


@pytest.mark.parametrize(
    ("body", "line", "column", "message", "help"),
    [
        ("article 1 {\n  President apoints Senate.\n}\n", 5, 13, "unknown verb 'apoints'", "did you mean 'appoints'?"),
        (
            "article 1 {\n  Presidnt appoints Senate.\n}\n",
            5,
            3,
            "institution 'Presidnt' is not declared",
            "did you mean 'President'?",
        ),
        (
            "article 1 {\n  President appoints Senat.\n}\n",
            5,
            22,
            "'Senat' is neither a declared institution nor an instrument",
            "did you mean 'Senate'?",
        ),
        (
            "article 1 {\n  President vetoes Senate.\n}\n",
            5,
            20,
            "'vetoes' cannot take institution 'Senate'",
            "'vetoes' takes: laws",
        ),
        (
            "article 1 {\n  President issues laws.\n}\n",
            5,
            20,
            "'issues' cannot take instrument 'laws'",
            "'issues' takes: decrees",
        ),
        (
            "article 1 {\n  President appoints 60 of Senate.\n}\n",
            5,
            22,
            "a share of 60 is larger than the body (50 seats)",
            None,
        ),
        (
            "article 1 {\n  President appoints 5 of 3 Senate.\n}\n",
            5,
            22,
            "a share of 5 is larger than the body (3 seats)",
            None,
        ),
        (
            "article 1 {\n  President appoints 5 of 60 Senate.\n}\n",
            5,
            22,
            "'5 of 60' is larger than Senate, which has 50 seats",
            None,
        ),
        ("article 1 {\n  President appoints 4 of President.\n}\n", 5, 22, "'4 of' needs the size of 'President'", None),
        (
            "article 1 {\n  President appoints 4 of 8 laws.\n}\n",
            5,
            22,
            "a share ('4 of') applies only to a collegial body",
            None,
        ),
        ("article 1 {\n  Senate adopts laws by 3/2.\n}\n", 5, 22, "'3/2' is not a valid majority", None),
        (
            "institution President: executive\n",
            4,
            13,
            "institution 'President' is declared twice",
            "first declared at e.constitution:2:13",
        ),
        ("institution Court: judicary\n", 4, 20, "unknown institution kind 'judicary'", "did you mean 'judiciary'?"),
        (
            "institution Court: judiciary, member-of Senat\n",
            4,
            41,
            "institution 'Senat' is not declared",
            "did you mean 'Senate'?",
        ),
        ("article 1 {\n}\narticle 1 {\n}\n", 6, 9, "article 1 appears twice", "first at e.constitution:4:1"),
        ('article 1 {\n  President dismisses Senate waive CB1 "".\n}\n', 5, 30, "waiver of CB1 needs a reason", None),
    ],
)
def test_meaning_errors(body, line, column, message, help):
    error = errors_of(BASE + body)
    diagnostic = error.diagnostics[0]
    assert (diagnostic.line, diagnostic.column) == (line, column), diagnostic.render()
    assert message in diagnostic.message
    if help:
        assert help in (diagnostic.help or "")
    rendered = diagnostic.render()
    assert rendered.startswith(f"e.constitution:{line}:{column}: error: ")
    assert "^" in rendered.splitlines()[2]


def test_caret_sits_under_the_offending_word():
    error = errors_of(BASE + "article 1 {\n  President apoints Senate.\n}\n")
    _, source, caret, _ = error.render().splitlines()
    assert source.endswith("|   President apoints Senate.")
    start = caret.index("^")
    assert source[start : start + len("apoints")] == "apoints"
    assert caret.count("^") == len("apoints")


def test_several_meaning_errors_are_reported_together():
    error = errors_of(BASE + "article 1 {\n  President apoints Senate.\n  Sen adopts laws.\n}\ninstitution X: nope\n")
    assert len(error.diagnostics) == 3
    assert "found 3 errors" in str(error)


def test_header_field_twice():
    error = errors_of('constitution "X"\n  version "a"\n  version "b"\n')
    assert error.diagnostics[0].line == 3
    assert "given twice" in error.diagnostics[0].message


def test_invalid_date():
    error = errors_of('constitution "X"\n  adopted 1995-13-40\n')
    assert (error.diagnostics[0].line, error.diagnostics[0].column) == (2, 11)


@pytest.mark.parametrize(
    ("text", "line", "column", "expected"),
    [
        (BASE + "article 1 {\n  President appoints Senate\n}\n", 5, 28, "missing full stop"),
        (BASE + "article 1 {\n  President appoints Senate.\n", 5, 29, "'}'"),
        (BASE + "institution : executive\n", 4, 13, "a name"),
        ("constitution X\n", 1, 14, "a quoted string"),
        (BASE + 'institution A "unterminated: executive\n', 4, 15, "unterminated string"),
        (BASE + "article 1 {\n  President appoints Senate with consent Senate.\n}\n", 5, 42, "'of'"),
        ("", 1, 1, "'constitution'"),
        (BASE + "articel 1 {\n}\n", 4, 9, "did you mean 'article'?"),
    ],
)
def test_syntax_errors(text, line, column, expected):
    error = errors_of(text)
    diagnostic = error.diagnostics[0]
    assert (diagnostic.line, diagnostic.column) == (line, column), diagnostic.render()
    assert expected in diagnostic.render()


def test_cli_exit_code_2_and_no_traceback(write):
    path = write(BASE + "article 1 {\n  President apoints Senate.\n}\n")
    result = run_cli("parse", str(path))
    assert result.returncode == 2
    assert f"{path}:5:13: error: unknown verb 'apoints'" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_missing_file_is_exit_2(tmp_path):
    result = run_cli("parse", str(tmp_path / "nope.constitution"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_invalid_utf8(write, tmp_path):
    path = tmp_path / "bad.constitution"
    path.write_bytes(b'constitution "X"\ninstitution A: exe\xffcutive\n')
    result = run_cli("parse", str(path))
    assert result.returncode == 2
    assert f"{path}:2:19: error: the file is not valid UTF-8" in result.stderr


def test_missing_full_stops_are_repaired_so_later_errors_are_found_too():
    text = BASE + "article 1 {\n  President issues decrees\n  Senate adopts laws\n  President @ decrees.\n}\n"
    error = errors_of(text)
    found = [(d.line, d.column, d.message) for d in error.diagnostics]
    assert found == [
        (5, 27, "missing full stop at the end of the clause"),
        (6, 21, "missing full stop at the end of the clause"),
        (7, 13, "unexpected character '@'; expected a name"),
    ]


def test_amendment_syntax_errors_share_the_recovery(tmp_path):
    from constitution_rules.language.amendment_parser import parse_amendment_text

    text = 'amendment "x"\n  amends "a.constitution"\n\nin article 1 {\n  insert A issues decrees\n  repeal A issues decrees.\n}\nsubstitue article 2 {\n}\n'
    with pytest.raises(ConstitutionError) as info:
        parse_amendment_text(text, "x.amendment")
    found = [(d.line, d.column, d.message.split(";")[0], d.help) for d in info.value.diagnostics]
    assert found == [
        (5, 26, "missing full stop at the end of the clause", "a clause ends with '.'"),
        (8, 1, "unexpected 'substitue'", "did you mean 'substitute'?"),
    ]
