"""The canonical layout of a ``.constitution`` file, with every comment kept.

``format_source`` lays out the model of a file and puts each comment back next to the statement
it belongs to: a comment on its own line goes before the next statement, a comment after code
stays at the end of that statement's last line. ``checked_format`` adds the three safety checks
that ``fmt`` runs before it writes anything: the result parses to the same model, formatting it
again changes nothing, and no comment was lost. The machinery shared with the amendment
formatter (comments, units, wrapping, the checks) lives in :mod:`.layout`.
"""

from __future__ import annotations

from constitution_rules import model as m
from constitution_rules.language import printer
from constitution_rules.language.layout import (
    CONTINUATION,
    INDENT,
    LINE_LENGTH,
    Comment,
    FormatResult,
    Unit,
    attach_comments,
    block,
    emit,
    emit_block,
    scan_comments,
    source_lines,
    span_lines,
    verified,
    wrapped_clause,
)
from constitution_rules.language.parser import parse_text

__all__ = [
    "CONTINUATION",
    "INDENT",
    "LINE_LENGTH",
    "Comment",
    "FormatResult",
    "checked_format",
    "clause_lines",
    "format_model",
    "format_source",
    "scan_comments",
    "source_lines",
]


def clause_lines(clause: m.PowerClause, indent: str = INDENT, keyword: str = "") -> list[str]:
    """A clause with its full stop, wrapped one condition per line when too long; ``keyword``
    (``insert``, say) goes before it."""
    return wrapped_clause(
        indent,
        keyword + printer.clause_head(clause),
        printer.condition_separator(clause),
        printer.clause_condition_texts(clause),
        [printer.waiver_text(w) for w in clause.waivers],
    )


def _loc_lines(location: m.SourceLocation | None, fallback: int) -> tuple[int, int]:
    if location is None:
        return fallback, fallback
    return span_lines(location.line, location.end_line, fallback)


def _units(constitution: m.Constitution) -> tuple[list[Unit], list[list[Unit]]]:
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
    top = [Unit(header_start, header_end, header_lines, "")]
    for inst in constitution.institutions:
        start, end = _loc_lines(inst.location, header_end)
        top.append(Unit(start, end, [printer.institution_text(inst)], ""))
    articles: list[list[Unit]] = []
    for provision in constitution.provisions:
        start, end = _loc_lines(provision.location, header_end)
        title = f" {printer.quote(provision.title)}" if provision.title is not None else ""
        body: list[Unit] = []
        if provision.text is not None:
            t_start, t_end = _loc_lines(provision.text_location, start)
            body.append(Unit(t_start, t_end, printer.text_lines(provision.text, INDENT), INDENT))
        for clause in provision.clauses:
            c_start, c_end = _loc_lines(clause.location, start)
            body.append(Unit(c_start, c_end, clause_lines(clause), INDENT))
        for statement in printer.provision_statements(provision):
            s_start, s_end = _loc_lines(statement.location, start)
            body.append(Unit(s_start, s_end, [INDENT + printer.statement_text(statement) + "."], INDENT))
        for waiver in provision.waivers:
            w_start, w_end = _loc_lines(waiver.location, start)
            body.append(Unit(w_start, w_end, [INDENT + printer.waiver_text(waiver) + "."], INDENT))
        articles.append(block(f"article {printer.article_ref(provision)}{title} {{", start, end, body))
    return top, articles


def format_source(text: str, filename: str = "<string>") -> str:
    """Canonical layout of ``text``; raises :class:`ConstitutionError` if it does not parse."""
    constitution = parse_text(text, filename)
    return format_model(constitution, text)


def format_model(constitution: m.Constitution, source_text: str = "") -> str:
    top, articles = _units(constitution)
    all_units = top + [u for unit_block in articles for u in unit_block]
    leftovers = attach_comments(all_units, scan_comments(source_text), source_lines(source_text))
    header, institutions = top[0], top[1:]
    out: list[str] = []
    emit(header, out)
    for index, unit in enumerate(institutions):
        if index == 0 or unit.blank_before or unit.leading:
            out.append("")
        emit(unit, out)
    for unit_block in articles:
        out.append("")
        emit_block(unit_block, out)
    if leftovers:
        out.append("")
        out.extend(leftovers)
    return "\n".join(out) + "\n"


def checked_format(text: str, filename: str = "<string>") -> FormatResult:
    """Format and verify: same model, idempotent, every comment kept. Problems block writing."""
    return verified(
        text,
        lambda source: parse_text(source, filename),
        lambda constitution, source: format_model(constitution, source),
        lambda constitution: constitution.meaning(),
    )
