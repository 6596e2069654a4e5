"""What every canonical formatter of the language shares: comments, units, wrapping, safety checks.

A formatter turns a parsed file into :class:`Unit` objects (one per output statement, each
remembering the source lines it came from), lets :func:`attach_comments` hand every ``#`` comment
to the unit it belongs to, and writes the units out with :func:`emit` and :func:`emit_block`.
:func:`verified` runs the three checks ``fmt`` needs before it writes: the result parses to the
same meaning, formatting it again changes nothing, and no comment was lost.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from constitution_rules.language.errors import ConstitutionError

LINE_LENGTH = 100
INDENT = "  "
#: A clause's wrapped conditions sit one indent step deeper than the clause.
CONTINUATION = INDENT + INDENT

Parsed = TypeVar("Parsed")


@dataclass(frozen=True)
class Comment:
    line: int
    column: int
    text: str
    standalone: bool


def source_lines(text: str) -> list[str]:
    """Lines as the lexer counts them: split at "\n" only. (str.splitlines also splits at "\r",
    "\x0c", "\u2028" and others, which may sit inside a string or a comment; that put comments on
    the wrong statement and made formatting unstable.)"""
    return text.split("\n")


def scan_comments(text: str) -> list[Comment]:
    """Every ``#`` comment, found the way the lexer finds them: a ``#`` outside a string."""
    comments = []
    for number, line in enumerate(source_lines(text), start=1):
        if "#" not in line:  # most lines: no character-by-character walk needed
            continue
        in_string = False
        escaped = False
        for index, char in enumerate(line):
            if in_string:
                if escaped:
                    escaped = False
                elif char == "\\":
                    escaped = True
                elif char == '"':
                    in_string = False
            elif char == '"':
                in_string = True
            elif char == "#":
                body = line[index:].rstrip()
                comments.append(Comment(number, index + 1, body, not line[:index].strip()))
                break
    return comments


@dataclass
class Unit:
    """One output statement, with the source lines it came from and the comments it carries."""

    start: int
    end: int
    lines: list[str]
    indent: str
    leading: list[Comment] = field(default_factory=list)
    trailing: str | None = None
    blank_before: bool = False
    #: source lines after which a blank line stood, among the leading comments and the code
    gaps: set[int] = field(default_factory=set)
    comment_indent: str | None = None
    #: where it starts on its first line; of two statements on one line, the later gets a comment after both
    column: int = 0


def span_lines(line: int | None, end_line: int | None, fallback: int) -> tuple[int, int]:
    """The first and last source line of something; ``fallback`` for a thing with no location."""
    if line is None or end_line is None:
        return fallback, fallback
    return line, end_line


def wrapped_clause(
    indent: str,
    head: str,
    separator: str,
    conditions: list[str],
    waivers: list[str],
    continuation: str | None = None,
) -> list[str]:
    """A clause with its full stop, on one line if it fits, else one condition (and one waiver)
    per line at ``continuation`` (one indent step deeper by default). ``head`` is everything
    before the conditions (``President appoints Senate``, ``insert President appoints Senate``)."""
    end = "."
    one_line = indent + head
    if conditions:
        one_line += separator + ", ".join(conditions)
    one_line += "".join(" " + w for w in waivers) + end
    if len(one_line) <= LINE_LENGTH or not (conditions or waivers):
        return [one_line]
    if continuation is None:
        continuation = indent + INDENT
    lines: list[str] = []
    if conditions:
        first, *rest = conditions
        lines.append(f"{indent}{head}{separator}{first}")
        lines.extend(continuation + c for c in rest)
        lines = [line + "," for line in lines[:-1]] + [lines[-1]]
    else:
        lines.append(indent + head)
    lines.extend(continuation + w for w in waivers)
    lines[-1] += end
    return lines


def filled(first: str, words: list[str], indent: str) -> list[str]:
    """``first`` and then ``words``, space-separated, on as few lines as fit in :data:`LINE_LENGTH`;
    a word that does not fit starts a new line at ``indent``. Each word carries its own comma."""
    lines = [first]
    for word in words:
        if len(lines[-1]) + 1 + len(word) <= LINE_LENGTH:
            lines[-1] += " " + word
        else:
            lines.append(indent + word)
    return lines


def block(opening: str, start: int, end: int, body: list[Unit], indent: str = "", column: int = 0) -> list[Unit]:
    """A braced block (``article 44 {`` ... ``}``): its opening line, its body, its closing brace.
    The opening owns only its first source line, so comments inside go to the body."""
    body_start = min([u.start for u in body] + [end])
    opening_unit = Unit(start, min(start, body_start), [indent + opening], indent, column=column)
    closing = Unit(end, end, [indent + "}"], indent, comment_indent=indent + INDENT)
    return [opening_unit, *body, closing]


def attach_comments(units: list[Unit], comments: list[Comment], lines: list[str]) -> list[str]:
    """Give each comment to a unit; return the comments that come after everything.

    A comment after code on a unit's last line stays there; any other comment goes before the
    next unit that starts at or after it (or the innermost unit it sits inside)."""
    ordered = sorted(units, key=lambda u: (u.start, u.end))
    starts = [u.start for u in ordered]
    # Units span a few lines each, so indexing them by line keeps this linear in the file's size.
    by_line: dict[int, list[Unit]] = {}
    for unit in ordered:
        for line in range(unit.start, unit.end + 1):
            by_line.setdefault(line, []).append(unit)
    leftovers: list[str] = []
    for comment in comments:
        owner = None
        containing = by_line.get(comment.line, [])
        if not comment.standalone and containing:
            owner = min(containing, key=lambda u: (u.end - u.start, -u.column))
            if comment.line == owner.end and owner.trailing is None:
                owner.trailing = comment.text
                continue
            owner = None
        if owner is None:
            if containing:
                owner = containing[0]
            else:
                index = bisect.bisect_left(starts, comment.line)
                owner = ordered[index] if index < len(ordered) else None
        if owner is None:
            leftovers.append(comment.text)
        else:
            owner.leading.append(comment)
    for unit in ordered:
        first_line = min([unit.start] + [c.line for c in unit.leading if c.standalone])
        unit.blank_before = first_line >= 2 and not lines[first_line - 2].strip()
        # Blank lines inside a block of leading comments, or between it and the code, are kept (one).
        for comment in unit.leading:
            if comment.standalone and comment.line < len(lines) and not lines[comment.line].strip():
                unit.gaps.add(comment.line)
    return leftovers


def emit(unit: Unit, out: list[str]) -> None:
    indent = unit.indent if unit.comment_indent is None else unit.comment_indent
    for comment in unit.leading:
        out.append(indent + comment.text)
        if comment.line in unit.gaps:
            out.append("")
    lines = list(unit.lines)
    if unit.trailing is not None:
        lines[-1] += "  " + unit.trailing
    out.extend(lines)


def emit_block(units: list[Unit], out: list[str]) -> None:
    """A block from :func:`block`: one blank line inside the body where the source had one."""
    opening, *body, closing = units
    emit(opening, out)
    for position, unit in enumerate(body):
        if position > 0 and unit.blank_before:
            out.append("")
        emit(unit, out)
    emit(closing, out)


def lost_comments(before: str, after: str) -> list[str]:
    """Comments of ``before`` that ``after`` no longer has (counting repeats)."""
    counted = Counter(c.text for c in scan_comments(before)) - Counter(c.text for c in scan_comments(after))
    return sorted(counted.elements())


@dataclass(frozen=True)
class FormatResult:
    original: str
    formatted: str
    problems: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return self.original != self.formatted


def verified(
    text: str,
    parse: Callable[[str], Parsed],
    render: Callable[[Parsed, str], str],
    meaning: Callable[[Parsed], Any],
) -> FormatResult:
    """Format ``text`` and verify: same meaning, idempotent, every comment kept. Problems block writing.

    ``parse`` raises :class:`ConstitutionError` for the original text (the caller reports it);
    ``render(parsed, source)`` lays a parsed file out with the comments of ``source``."""
    original = parse(text)
    before = meaning(original)  # taken first, so a layout that touched the parsed file cannot hide it
    formatted = render(original, text)
    problems = []
    try:
        reparsed = parse(formatted)
    except ConstitutionError as exc:
        return FormatResult(text, formatted, (f"the formatted text does not parse:\n{exc}",))
    if meaning(reparsed) != before:
        problems.append("formatting would change the meaning of the file")
    if render(reparsed, formatted) != formatted:
        problems.append("formatting is not stable (a second run would change the file again)")
    lost = lost_comments(text, formatted)
    if lost:
        problems.append("formatting would lose comments: " + "; ".join(lost[:5]))
    return FormatResult(text, formatted, tuple(problems))
