"""The amendment formatter: canonical, idempotent, meaning-preserving, and it never drops a comment."""

from __future__ import annotations

import datetime as dt
import random
import re
from typing import get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constitution_rules import model as m
from constitution_rules.language import amendment_formatter, printer
from constitution_rules.language.amendment_formatter import (
    amendment_meaning,
    checked_format_amendment,
    format_amendment,
    format_amendment_source,
)
from constitution_rules.language.amendment_parser import STATUSES, ClauseOperation, Operation, parse_amendment_text
from constitution_rules.language.errors import ConstitutionError
from constitution_rules.language.layout import LINE_LENGTH, scan_comments
from tests.conftest import run_cli
from tests.language.strategies import constitutions, free_text

HEADER = 'amendment "A"\n'

MESSY = """# Top of file
amendment   "Law No. 7"  status adopted # why adopted
  date 2024-02-03
  amends version "v1"   # the chain
  in-force 2024-03-01 proposer "Government"
set   version "v2"
# institutions
insert institution Ombudsman "Commissioner": seats 1, ombudsman term 5 year after Senate
change institution Senate: term 6 years,
   seats 50


in article 50(2) { # on the opening line
  repeal President appoints 15 of 50 Senate.
  # before an insert
  insert President appoints 5 of Senate on recommendation of
    AssemblyOfPeople. before President appoints 10 of 50 Senate.
  substitute Parliament adopts laws by absolute majority. by Mazhilis adopts laws by simple majority.
  set title   "Appointed senators" # trailing
  # dangling at the end of the body
}
insert article 83-1 "New" {
  Senate elects Ombudsman on nomination of President   waive CB001 "accepted".
  waive CB002 "whole article".
}
repeal   article 42(5)
renumber article 53(4)   as 53(3)
rename institution ConstitutionalCouncil to ConstitutionalCourt
repeal institution AccountsCommittee
set as-of 2024-03-01 set adopted 1995-08-30
# end of file
"""

CANONICAL = """# Top of file
amendment "Law No. 7"
  amends version "v1"  # the chain
  date 2024-02-03
  status adopted  # why adopted
  proposer "Government"
  in-force 2024-03-01

set version "v2"
# institutions
insert institution Ombudsman "Commissioner": ombudsman, seats 1, term 5 years after Senate
change institution Senate: seats 50, term 6 years

in article 50(2) {  # on the opening line
  repeal President appoints 15 of 50 Senate.
  # before an insert
  insert President appoints 5 of Senate on recommendation of AssemblyOfPeople.
    before President appoints 10 of 50 Senate.
  substitute Parliament adopts laws by majority of members. by Mazhilis adopts laws by majority.
  set title "Appointed senators"  # trailing
  # dangling at the end of the body
}
insert article 83-1 "New" {
  Senate elects Ombudsman on nomination of President waive CB001 "accepted".
  waive CB002 "whole article".
}
repeal article 42(5)
renumber article 53(4) as 53(3)
rename institution ConstitutionalCouncil to ConstitutionalCourt
repeal institution AccountsCommittee
set as-of 2024-03-01
set adopted 1995-08-30

# end of file
"""


def test_messy_amendment_is_laid_out_canonically():
    assert format_amendment_source(MESSY, "m.amendment") == CANONICAL


def test_checked_format_reports_no_problem_and_is_idempotent():
    result = checked_format_amendment(MESSY, "m.amendment")
    assert result.problems == () and result.changed
    assert format_amendment_source(result.formatted) == result.formatted
    assert amendment_meaning(parse_amendment_text(result.formatted)) == amendment_meaning(parse_amendment_text(MESSY))


# ---- each operation's canonical form --------------------------------------------------------------

OPERATIONS = [
    ("insert   article 7 {\n}", ["insert article 7 {", "}"]),
    (
        'substitute article 71(2)"T"{ President appoints chair of Court with consent of Senate\n.}',
        ['substitute article 71(2) "T" {', "  President appoints chair of Court with consent of Senate.", "}"],
    ),
    ("repeal article\n42", ["repeal article 42"]),
    ("renumber article 53 ( 4 ) as 53(3)", ["renumber article 53(4) as 53(3)"]),
    ("in article 5 { insert A elects B. }", ["in article 5 {", "  insert A elects B.", "}"]),
    (
        "in article 5 { insert A elects B. after A elects C. }",
        ["in article 5 {", "  insert A elects B. after A elects C.", "}"],
    ),
    ("in article 5 { repeal A elects B by 4/6. }", ["in article 5 {", "  repeal A elects B by two-thirds.", "}"]),
    (
        "in article 5 { substitute A vetoes laws overridable by B. by A vetoes laws, subject to review by C. }",
        [
            "in article 5 {",
            "  substitute A vetoes laws, overridable by B. by A vetoes laws, subject to review by C.",
            "}",
        ],
    ),
    ('in article 5 { set title "x" }', ["in article 5 {", '  set title "x"', "}"]),
    ('in article 5 { set text "a"\n "b" }', ["in article 5 {", '  set text "a"', '           "b"', "}"]),
    ("in article 5 { repeal text }", ["in article 5 {", "  repeal text", "}"]),
    (
        'in article 5 { insert immunity of members of B "x" , lifted by B by 2/3 of members. }',
        ["in article 5 {", '  insert immunity of members of B "x", lifted by B by two-thirds of members.', "}"],
    ),
    (
        "in article 5 { substitute membership of A incompatible with B. by membership of A compatible with B. }",
        [
            "in article 5 {",
            "  substitute membership of A incompatible with B. by membership of A compatible with B.",
            "}",
        ],
    ),
    (
        'in article 5 { repeal unamendable "x". insert unamendable article 79 (3). after exempt "y" from limit of P. }',
        [
            "in article 5 {",
            '  repeal unamendable "x".',
            '  insert unamendable article 79(3). after exempt "y" from limit of P.',
            "}",
        ],
    ),
    (
        "in article 5 { insert A and B jointly adopt laws by 5/6 of votes cast and at least half of members. }",
        [
            "in article 5 {",
            "  insert A and B jointly adopts laws by 5/6 of votes cast and at least half of members.",
            "}",
        ],
    ),
    (
        "insert institution X: limit 2 consecutive, member-of Y executive before Z",
        ["insert institution X: executive, limit 2 consecutive, member-of Y before Z"],
    ),
    (
        'insert institution J: joint-sitting-of A and B, legislature waive CB003 "r"',
        ['insert institution J: legislature, joint-sitting-of A and B waive CB003 "r"'],
    ),
    ("repeal institution X", ["repeal institution X"]),
    ("rename institution X to Y", ["rename institution X to Y"]),
    ("change institution X: limit 1", ["change institution X: limit 1"]),
    ('set version "as amended"', ['set version "as amended"']),
    ("set as-of 2022-06-05", ["set as-of 2022-06-05"]),
    ("set adopted 1995-08-30", ["set adopted 1995-08-30"]),
]


@pytest.mark.parametrize(("source", "expected"), OPERATIONS, ids=[o[1][0][:40] for o in OPERATIONS])
def test_each_operation_has_one_canonical_form(source, expected):
    formatted = format_amendment_source(HEADER + source + "\n")
    assert formatted == HEADER + "\n" + "\n".join(expected) + "\n"
    assert checked_format_amendment(HEADER + source + "\n").problems == ()


def test_every_operation_kind_is_covered_by_the_table():
    seen: set[type] = set()
    for source, _ in OPERATIONS:
        for op in parse_amendment_text(HEADER + source).operations:
            seen.add(type(op))
            seen |= {type(child) for child in getattr(op, "operations", [])}
    assert set(get_args(Operation)) | set(get_args(ClauseOperation)) <= seen


def test_header_fields_in_fixed_order_and_only_those_written():
    text = 'amendment "A" in-force 2024-01-02 source "s" amends "../x.constitution" status proposed\n'
    assert format_amendment_source(text) == (
        'amendment "A"\n  amends "../x.constitution"\n  status proposed\n  source "s"\n  in-force 2024-01-02\n'
    )
    assert format_amendment_source('amendment "Only a title"') == 'amendment "Only a title"\n'


def test_long_substitution_breaks_before_by_and_wraps_conditions_two_steps_deeper():
    old = "President appoints Ministers on proposal of PrimeMinister, after consultation with Kurultai"
    new = "President appoints Ministers on proposal of PrimeMinister, with consent of Kurultai by majority of members"
    lines = format_amendment_source(f"{HEADER}in article 46(4) {{\n substitute {old}. by {new}.\n}}\n").splitlines()
    assert lines[2:] == [
        "in article 46(4) {",
        "  substitute President appoints Ministers on proposal of PrimeMinister,",
        "      after consultation with Kurultai.",
        "    by President appoints Ministers on proposal of PrimeMinister,",
        "        with consent of Kurultai by majority of members.",
        "}",
    ]


def test_long_institution_lines_fill_onto_continuation_lines():
    name = '"Ministers of Foreign Affairs, Defence and Internal Affairs"'
    text = f"{HEADER}insert institution PowerMinisters {name}: minister, member-of Government after Ministers\n"
    lines = format_amendment_source(text).splitlines()
    assert lines[2:] == [
        f"insert institution PowerMinisters {name}:",
        "  minister, member-of Government after Ministers",
    ]
    assert all(len(line) <= LINE_LENGTH for line in lines)
    change = f"{HEADER}change institution Court: judiciary, constitutional-review, seats 11, term 8 years, limit 1"
    long = "Court: judiciary, constitutional-review, seats 11, term 8 years, limit 1 consecutive, member-of Judiciary"
    assert format_amendment_source(change + "\n").splitlines()[2:] == [change[len(HEADER) :]]
    assert format_amendment_source(f"{HEADER}change institution {long}\n").splitlines()[2:] == [
        "change institution Court: judiciary, constitutional-review, seats 11, term 8 years,",
        "  limit 1 consecutive, member-of Judiciary",
    ]


def test_clauses_inside_an_inserted_article_wrap_like_a_constitution():
    clause = (
        "President appoints Mazhilis with consent of Mazhilis by majority of members, after consultation with"
        " Senate, on proposal of Senate."
    )
    lines = format_amendment_source(f"{HEADER}insert article 44(3) {{ {clause} }}\n").splitlines()
    assert lines[2:] == [
        "insert article 44(3) {",
        "  President appoints Mazhilis with consent of Mazhilis by majority of members,",
        "    after consultation with Senate,",
        "    on proposal of Senate.",
        "}",
    ]


def test_an_invalid_majority_is_left_as_written_for_the_resolver_to_report():
    text = f"{HEADER}\nin article 1 {{\n  insert A elects B by 5/3 of members.\n}}\n"
    assert format_amendment_source(text) == text


def test_blank_lines_between_operations_kept_once_and_the_first_set_off():
    text = f'{HEADER}set version "a"\n\n\n\nset as-of 2020-01-01\nset adopted 2020-01-01\n'
    assert format_amendment_source(text) == (
        f'{HEADER}\nset version "a"\n\nset as-of 2020-01-01\nset adopted 2020-01-01\n'
    )


def test_hash_inside_a_string_is_not_a_comment():
    text = 'amendment "No #1"  # real\n'
    assert format_amendment_source(text) == text


# ---- the safety checks ----------------------------------------------------------------------------


def test_a_lossy_layout_is_refused(monkeypatch):
    real = amendment_formatter.format_amendment

    def drops_last_operation(parsed, source=None):
        parsed.operations = parsed.operations[:-1]
        return real(parsed, source)

    monkeypatch.setattr(amendment_formatter, "format_amendment", drops_last_operation)
    assert "change the meaning" in " ".join(checked_format_amendment(MESSY).problems)


def test_a_dropped_comment_is_refused(monkeypatch):
    real = amendment_formatter.format_amendment
    monkeypatch.setattr(
        amendment_formatter, "format_amendment", lambda p, s=None: real(p, s).replace("  # trailing", "")
    )
    problems = " ".join(checked_format_amendment(MESSY).problems)
    assert "lose comments: # trailing" in problems


def test_an_unstable_layout_is_refused(monkeypatch):
    real = amendment_formatter.format_amendment
    # a layout that adds a note on every run: each run changes the file again
    monkeypatch.setattr(amendment_formatter, "format_amendment", lambda p, s=None: real(p, s) + "# formatted\n")
    assert "not stable" in " ".join(checked_format_amendment(MESSY).problems)


def test_meaning_ignores_layout_but_not_content():
    a = parse_amendment_text(f"{HEADER}change institution X: seats 5, term 2 years\n")
    b = parse_amendment_text(f"{HEADER}\n\nchange institution X:\n term 2 year seats 5\n")
    c = parse_amendment_text(f"{HEADER}change institution X: seats 6, term 2 years\n")
    assert amendment_meaning(a) == amendment_meaning(b) != amendment_meaning(c)


def test_a_syntax_error_is_a_constitution_error():
    with pytest.raises(ConstitutionError, match="expected"):
        checked_format_amendment(f"{HEADER}repeal article\n", "bad.amendment")


# ---- generated amendments -------------------------------------------------------------------------

dates = st.dates(dt.date(1800, 1, 1), dt.date(2100, 1, 1))
STRING = re.compile(r'"([^"\\\n]|\\.)*"')


def _article_text(keyword: str, provision: m.Provision) -> str:
    title = f" {printer.quote(provision.title)}" if provision.title is not None else ""
    body = printer.text_lines(provision.text, "  ") if provision.text is not None else []
    body += [f"  {printer.clause_text(c)}." for c in provision.clauses]
    body += [f"  {printer.statement_text(s)}." for s in printer.provision_statements(provision)]
    body += [f"  {printer.waiver_text(w)}." for w in provision.waivers]
    return "\n".join([f"{keyword} article {printer.article_ref(provision)}{title} {{", *body, "}"])


@st.composite
def amendment_texts(draw: st.DrawFn) -> str:
    """A valid amendment in canonical-looking text, built from a generated constitution's pieces."""
    constitution = draw(constitutions())
    names = [i.id for i in constitution.institutions]
    clauses = [printer.clause_text(c) + "." for p in constitution.provisions for c in p.clauses]
    clauses += [
        printer.statement_text(s) + "." for p in constitution.provisions for s in printer.provision_statements(p)
    ]
    refs = [printer.article_ref(p) for p in constitution.provisions] or ["1"]
    fields = {
        "amends": f"amends {printer.quote(draw(free_text))}",
        "version": f"amends version {printer.quote(draw(free_text))}",
        "date": f"date {draw(dates).isoformat()}",
        "status": f"status {draw(st.sampled_from(STATUSES))}",
        "proposer": f"proposer {printer.quote(draw(free_text))}",
        "source": f"source {printer.quote(draw(free_text))}",
        "in-force": f"in-force {draw(dates).isoformat()}",
    }
    chosen = draw(st.lists(st.sampled_from(sorted(fields)), unique=True))
    if "amends" in chosen and "version" in chosen:
        chosen.remove("version")
    lines = [f"amendment {printer.quote(draw(free_text))}", *(fields[k] for k in chosen)]
    kinds = ["article", "repeal", "renumber", "institution", "simple", "set"] + (["in"] if clauses else [])
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(kinds))
        if kind == "article" and constitution.provisions:
            keyword = draw(st.sampled_from(["insert", "substitute"]))
            lines.append(_article_text(keyword, draw(st.sampled_from(constitution.provisions))))
        elif kind == "repeal":
            lines.append(f"repeal article {draw(st.sampled_from(refs))}")
        elif kind == "renumber":
            lines.append(f"renumber article {draw(st.sampled_from(refs))} as {draw(st.sampled_from(refs))}")
        elif kind == "institution":
            institution = draw(st.sampled_from(constitution.institutions))
            if draw(st.booleans()):
                placement = draw(st.sampled_from(["", " after ", " before "]))
                anchor = draw(st.sampled_from(names)) if placement else ""
                lines.append(f"insert {printer.institution_text(institution)}{placement}{anchor}")
            else:
                items = printer.institution_text(institution.model_copy(update={"name": None, "waivers": ()}))
                lines.append("change " + items)
        elif kind == "simple":
            a, b = draw(st.sampled_from(names)), draw(st.sampled_from(names))
            lines.append(draw(st.sampled_from([f"repeal institution {a}", f"rename institution {a} to {b}"])))
        elif kind == "set":
            lines.append(
                draw(
                    st.sampled_from(
                        [
                            f"set version {printer.quote(draw(free_text))}",
                            f"set as-of {draw(dates).isoformat()}",
                            f"set adopted {draw(dates).isoformat()}",
                        ]
                    )
                )
            )
        elif kind == "in":
            body = []
            for _ in range(draw(st.integers(0, 4))):
                clause, other = draw(st.sampled_from(clauses)), draw(st.sampled_from(clauses))
                body.append(
                    draw(
                        st.sampled_from(
                            [
                                f"insert {clause}",
                                f"insert {clause} after {other}",
                                f"insert {clause} before {other}",
                                f"repeal {clause}",
                                f"substitute {clause} by {other}",
                                f"set title {printer.quote(draw(free_text))}",
                                "\n".join(printer.text_lines(draw(free_text), "", "set text")),
                                "repeal text",
                            ]
                        )
                    )
                )
            lines.append("\n".join([f"in article {draw(st.sampled_from(refs))} {{", *body, "}"]))
    return "\n".join(lines) + "\n"


def messed_up(text: str, rnd: random.Random) -> str:
    """The same amendment laid out badly: spaces and line breaks anywhere between tokens, and the
    other spellings of majorities and terms. Strings are left alone."""
    pieces = []
    position = 0
    for match in STRING.finditer(text):
        pieces.append((text[position : match.start()], False))
        pieces.append((match.group(), True))
        position = match.end()
    pieces.append((text[position:], False))
    out = []
    for piece, is_string in pieces:
        if not is_string:
            piece = re.sub(
                r"(?<!least )\bmajority of members(?! present)",
                lambda _: rnd.choice(["majority of members", "absolute majority"]),
                piece,
            )
            piece = re.sub(
                r"by majority\b(?! of| and)", lambda _: rnd.choice(["by majority", "by simple majority"]), piece
            )
            piece = re.sub(r"years\b", lambda _: rnd.choice(["years", "year"]), piece)
            piece = re.sub(
                r"(?<=\S) (?=\S)", lambda _: rnd.choice([" ", " ", " ", "   ", "\n", "\t", " \n    "]), piece
            )
            piece = re.sub(r"\n", lambda _: rnd.choice(["\n", "\n   "]), piece)
        out.append(piece)
    return "".join(out)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(amendment_texts(), st.randoms())
def test_generated_amendments_round_trip(text, rnd: random.Random):
    messy = messed_up(text, rnd)
    original = parse_amendment_text(messy, "<generated>")
    formatted = format_amendment(original, messy)
    reparsed = parse_amendment_text(formatted, "<generated>")
    assert amendment_meaning(reparsed) == amendment_meaning(original)
    assert format_amendment(reparsed, formatted) == formatted
    assert format_amendment_source(text) == formatted  # one canonical form, however it was written


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    amendment_texts(),
    st.lists(st.text(alphabet='abc #"é-', max_size=12), min_size=1, max_size=6),
    st.randoms(),
)
def test_comments_survive_anywhere_between_lines(text, comment_bodies, rnd: random.Random):
    lines = format_amendment_source(text).split("\n")[:-1]
    for body in comment_bodies:
        if rnd.random() < 0.7:
            lines.insert(rnd.randint(0, len(lines)), rnd.choice(["", "  ", "\t"]) + "# " + body)
        else:  # after the code of a line (no line of the language ends inside a string)
            at = rnd.randrange(len(lines))
            if "#" not in lines[at]:
                lines[at] += "  # " + body
    source = "\n".join(lines) + "\n"
    result = checked_format_amendment(source, "<generated>")
    assert result.problems == ()
    assert sorted(c.text for c in scan_comments(result.formatted)) == sorted(c.text for c in scan_comments(source))


# ---- the command ----------------------------------------------------------------------------------


def test_fmt_covers_amendments_in_folders_and_rewrites_in_place(tmp_path):
    (tmp_path / "sub").mkdir()
    amendment = tmp_path / "sub" / "law.amendment"
    amendment.write_text(MESSY, encoding="utf-8")
    constitution = tmp_path / "base.constitution"
    constitution.write_text('constitution "X"   version "v1"\n', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a source file\n", encoding="utf-8")

    check = run_cli("fmt", "--check", str(tmp_path))
    assert check.returncode == 1
    assert f"would reformat {amendment}" in check.stdout and f"would reformat {constitution}" in check.stdout
    diff = run_cli("fmt", "--diff", str(amendment))
    assert diff.returncode == 1 and "+  status adopted  # why adopted" in diff.stdout
    assert amendment.read_text(encoding="utf-8") == MESSY  # --check and --diff change nothing

    assert run_cli("fmt", str(tmp_path)).returncode == 0
    assert amendment.read_text(encoding="utf-8") == format_amendment_source(MESSY)
    assert run_cli("fmt", "--check", str(tmp_path)).returncode == 0


def test_fmt_leaves_a_bad_amendment_alone(tmp_path):
    path = tmp_path / "bad.amendment"
    bad = 'amendment "A"\n  status pending\nrepeal article 1\n'
    path.write_text(bad, encoding="utf-8")
    result = run_cli("fmt", str(path))
    assert result.returncode == 2
    assert "unknown status 'pending'" in result.stderr and "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8") == bad
