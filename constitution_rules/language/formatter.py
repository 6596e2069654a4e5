"""The canonical layout of a ``.constitution`` file, with every comment kept.

``format_source`` lays out the model of a file and puts each comment back next to the statement
it belongs to: a comment on its own line goes before the next statement, a comment after code
stays at the end of that statement's last line. ``checked_format`` adds the three safety checks
that ``fmt`` runs before it writes anything: the result parses to the same model, formatting it
again changes nothing, and no comment was lost.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from constitution_rules import model as m
from constitution_rules.language import printer
from constitution_rules.language.errors import ConstitutionError
from constitution_rules.language.parser import parse_text

LINE_LENGTH = 100
INDENT = "  "
CONTINUATION = "    "


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
class _Unit:
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


def _clause_lines(clause: m.PowerClause) -> list[str]:
    one_line = INDENT + printer.clause_text(clause) + "."
    if len(one_line) <= LINE_LENGTH or not (clause.conditions or clause.waivers):
        return [one_line]
    conditions = [printer.condition_text(c) for c in clause.conditions]
    waivers = [printer.waiver_text(w) for w in clause.waivers]
    head = INDENT + printer.clause_head(clause)
    lines: list[str] = []
    if conditions:
        first, *rest = conditions
        lines.append(f"{head}{printer.condition_separator(clause)}{first}")
        lines.extend(CONTINUATION + c for c in rest)
        lines = [line + "," for line in lines[:-1]] + [lines[-1]]
    else:
        lines.append(head)
    lines.extend(CONTINUATION + w for w in waivers)
    lines[-1] += "."
    return lines


def _loc_lines(location: m.SourceLocation | None, fallback: int) -> tuple[int, int]:
    if location is None:
        return fallback, fallback
    return location.line, location.end_line


def _units(constitution: m.Constitution) -> tuple[list[_Unit], list[list[_Unit]]]:
    header_start, header_end = _loc_lines(constitution.header_location, 1)
    header_lines = [f"constitution {printer.quote(constitution.name)}"]
    if constitution.version is not None:
        header_lines.append(f"{INDENT}version {printer.quote(constitution.version)}")
    if constitution.adopted is not None:
        header_lines.append(f"{INDENT}adopted {constitution.adopted.isoformat()}")
    if constitution.as_of is not None:
        header_lines.append(f"{INDENT}as-of {constitution.as_of.isoformat()}")
    if constitution.source is not None:
        header_lines.append(f"{INDENT}source {printer.quote(constitution.source)}")
    top = [_Unit(header_start, header_end, header_lines, "")]
    for inst in constitution.institutions:
        start, end = _loc_lines(inst.location, header_end)
        top.append(_Unit(start, end, [printer.institution_text(inst)], ""))
    articles: list[list[_Unit]] = []
    for provision in constitution.provisions:
        start, end = _loc_lines(provision.location, header_end)
        title = f" {printer.quote(provision.title)}" if provision.title is not None else ""
        body_start = min([c.location.line for c in provision.clauses if c.location] + [end])
        opening = _Unit(start, min(start, body_start), [f"article {printer.article_ref(provision)}{title} {{"], "")
        block = [opening]
        for clause in provision.clauses:
            c_start, c_end = _loc_lines(clause.location, start)
            block.append(_Unit(c_start, c_end, _clause_lines(clause), INDENT))
        for waiver in provision.waivers:
            w_start, w_end = _loc_lines(waiver.location, start)
            block.append(_Unit(w_start, w_end, [INDENT + printer.waiver_text(waiver) + "."], INDENT))
        block.append(_Unit(end, end, ["}"], "", comment_indent=INDENT))
        articles.append(block)
    return top, articles


def _attach(units: list[_Unit], comments: list[Comment], source_lines: list[str]) -> list[str]:
    """Give each comment to a unit; return the comments that come after everything."""
    ordered = sorted(units, key=lambda u: (u.start, u.end))
    leftovers: list[str] = []
    for comment in comments:
        owner = None
        if not comment.standalone:
            containing = [u for u in ordered if u.start <= comment.line <= u.end]
            if containing:
                owner = min(containing, key=lambda u: u.end - u.start)
                if comment.line == owner.end and owner.trailing is None:
                    owner.trailing = comment.text
                    continue
        if owner is None:
            following = [u for u in ordered if u.start >= comment.line or u.start <= comment.line <= u.end]
            owner = following[0] if following else None
        if owner is None:
            leftovers.append(comment.text)
        else:
            owner.leading.append(comment)
    for unit in ordered:
        first_line = min([unit.start] + [c.line for c in unit.leading if c.standalone])
        unit.blank_before = first_line >= 2 and not source_lines[first_line - 2].strip()
        # Blank lines inside a block of leading comments, or between it and the code, are kept (one).
        for comment in unit.leading:
            if comment.standalone and comment.line < len(source_lines) and not source_lines[comment.line].strip():
                unit.gaps.add(comment.line)
    return leftovers


def _emit(unit: _Unit, out: list[str]) -> None:
    indent = unit.indent if unit.comment_indent is None else unit.comment_indent
    for comment in unit.leading:
        out.append(indent + comment.text)
        if comment.line in unit.gaps:
            out.append("")
    lines = list(unit.lines)
    if unit.trailing is not None:
        lines[-1] += "  " + unit.trailing
    out.extend(lines)


def format_source(text: str, filename: str = "<string>") -> str:
    """Canonical layout of ``text``; raises :class:`ConstitutionError` if it does not parse."""
    constitution = parse_text(text, filename)
    return format_model(constitution, text)


def format_model(constitution: m.Constitution, source_text: str = "") -> str:
    top, articles = _units(constitution)
    all_units = top + [u for block in articles for u in block]
    leftovers = _attach(all_units, scan_comments(source_text), source_lines(source_text))
    header, institutions = top[0], top[1:]
    out: list[str] = []
    _emit(header, out)
    for index, unit in enumerate(institutions):
        if index == 0 or unit.blank_before or unit.leading:
            out.append("")
        _emit(unit, out)
    for block in articles:
        out.append("")
        opening, *body, closing = block
        _emit(opening, out)
        for position, unit in enumerate(body):
            if position > 0 and unit.blank_before:
                out.append("")
            _emit(unit, out)
        _emit(closing, out)
    if leftovers:
        out.append("")
        out.extend(leftovers)
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class FormatResult:
    original: str
    formatted: str
    problems: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return self.original != self.formatted


def checked_format(text: str, filename: str = "<string>") -> FormatResult:
    """Format and verify: same model, idempotent, every comment kept. Problems block writing."""
    original_model = parse_text(text, filename)
    formatted = format_model(original_model, text)
    problems = []
    try:
        reformatted_model = parse_text(formatted, filename)
    except ConstitutionError as exc:
        return FormatResult(text, formatted, (f"the formatted text does not parse:\n{exc}",))
    if reformatted_model.meaning() != original_model.meaning():
        problems.append("formatting would change the meaning of the file")
    if format_model(reformatted_model, formatted) != formatted:
        problems.append("formatting is not stable (a second run would change the file again)")
    before = Counter(c.text for c in scan_comments(text))
    after = Counter(c.text for c in scan_comments(formatted))
    if before != after:
        lost = sorted((before - after).elements())
        problems.append("formatting would lose comments: " + "; ".join(lost[:5]))
    return FormatResult(text, formatted, tuple(problems))
