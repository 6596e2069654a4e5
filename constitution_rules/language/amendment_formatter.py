"""The canonical layout of an ``.amendment`` file, with every comment kept.

An amendment cannot be resolved on its own (which names exist depends on the base it is applied
to), so it is laid out from its syntax: :class:`ParsedAmendment`. Only what needs no base is
normalised: spacing and line breaks, the order of header fields and of an institution's
attributes, and majorities (``simple majority`` is ``majority``, ``4/6`` is ``two-thirds``),
exactly as the resolver reads them. Comments are placed by the machinery of :mod:`.layout`, and
``checked_format_amendment`` runs the same three checks as ``fmt`` on a constitution: the result
parses to the same amendment, formatting it again changes nothing, and no comment was lost.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from lark import Token

from constitution_rules.language import printer
from constitution_rules.language.amendment_parser import (
    ChangeInstitution,
    InArticle,
    InsertArticle,
    InsertClause,
    InsertInstitution,
    Operation,
    ParsedAmendment,
    RenameInstitution,
    RenumberArticle,
    RepealArticle,
    RepealClause,
    RepealInstitution,
    SetHeader,
    SetText,
    SetTitle,
    SubstituteArticle,
    SubstituteClause,
    parse_amendment_text,
)
from constitution_rules.language.errors import ConstitutionError, Diagnostic, line_of
from constitution_rules.language.layout import (
    INDENT,
    LINE_LENGTH,
    FormatResult,
    Unit,
    attach_comments,
    block,
    emit,
    emit_block,
    filled,
    scan_comments,
    source_lines,
    verified,
    wrapped_clause,
)
from constitution_rules.language.semantics import Resolver, majorities_text, majority_of, share_fraction
from constitution_rules.language.transformer import (
    RawArticle,
    RawClause,
    RawCondition,
    RawEntrenchment,
    RawFile,
    RawHeader,
    RawImmunity,
    RawIncompatibility,
    RawInstitution,
    RawMajority,
    RawShare,
    RawStatement,
    RawTenure,
    Span,
)
from constitution_rules.vocabulary import VERBS

__all__ = ["amendment_meaning", "checked_format_amendment", "format_amendment", "format_amendment_source"]

#: Header fields in the order they are written, with their keywords.
HEADER_FIELDS = {
    "amends_path": "amends",
    "amends_version": "amends version",
    "date": "date",
    "status": "status",
    "proposer": "proposer",
    "source": "source",
    "in_force": "in-force",
}

_SPAN_FIELDS = ("span", "verb_span")


# ---- syntax -> text pieces ----------------------------------------------------------------------


def _condition_text(raw: RawCondition, formal: bool) -> str:
    return printer.condition_parts_text(
        raw.type,
        [str(name) for name in raw.institutions],
        majorities_text(raw.majorities) if raw.majorities else None,
        raw.form,
        raw.text,
        combine=raw.combine,
        binding=raw.binding and not formal,
        event=str(raw.event) if raw.event is not None else None,
        amount=raw.amount,
        unit=raw.unit,
    )


def _share_text(raw: RawClause) -> str:
    share = raw.share
    if share is None:
        return ""
    if share.kind == "fraction":
        fraction = share_fraction(share.word or "")
        if fraction is None:  # invalid: left as written, the resolver reports it
            return f"{share.word} of "
        return printer.share_parts_text("fraction", None, None, fraction.numerator, fraction.denominator)
    return printer.share_parts_text(share.kind, share.seats, share.of)


def _verb_text(raw: RawClause) -> str:
    """The verb with its adverb (the transformer has already normalised a joint actor's base form)."""
    verb = raw.verb
    if raw.modality == "duty":
        return "shall " + (VERBS[verb].base if verb in VERBS else verb)
    return printer.verb_text(
        verb, raw.modality if raw.modality == "formal" else "discretion", raw.modality == "exclusive"
    )


def _clause_pieces(raw: RawClause) -> tuple[str, str, list[str], list[str]]:
    """Head, separator, conditions and waivers of a clause, as :func:`layout.wrapped_clause` takes them."""
    actor = printer.actor_text(str(raw.actor), [str(a) for a in raw.joint_actors])
    head = printer.clause_head_text(
        actor, _verb_text(raw), _share_text(raw), printer.target_text(str(raw.target), raw.target_scope)
    )
    separator = printer.separator_before(raw.conditions[0].type if raw.conditions else None)
    conditions = [_condition_text(c, raw.modality == "formal") for c in raw.conditions]
    waivers = [printer.waiver_parts_text(str(w.code), w.reason) for w in raw.waivers]
    return head, separator, conditions, waivers


def _statement_text(raw: RawStatement) -> str:
    """A statement other than a clause, without its full stop: built as the model with every name
    taken as declared (these need no base), then printed."""
    if isinstance(raw, RawImmunity):
        # the majority as written, so that an invalid one is left for the resolver to report
        built = dataclasses.replace(raw, majorities=[])
        text = printer.statement_text(_STATEMENT_BUILDER.statement(built))
        return text + (f" by {majorities_text(raw.majorities)}" if raw.lifted_by and raw.majorities else "")
    return printer.statement_text(_STATEMENT_BUILDER.statement(raw))


class _StatementBuilder(Resolver):
    """A resolver for which every name is declared: layout needs no base."""

    def __init__(self) -> None:
        super().__init__(RawFile(RawHeader("", [], Span(0, 0, 0, 0)), [], []), "", "<layout>")

    def _check_declared(self, token: Token) -> bool:
        return True


_STATEMENT_BUILDER = _StatementBuilder()


def _statement_lines(raw: RawStatement, indent: str, keyword: str = "") -> list[str]:
    if isinstance(raw, RawClause):
        head, separator, conditions, waivers = _clause_pieces(raw)
        return wrapped_clause(indent, keyword + head, separator, conditions, waivers)
    return [indent + keyword + _statement_text(raw) + "."]


def _clause_operation_lines(parts: list[tuple[str, RawStatement]], indent: str) -> list[str]:
    """``insert C. after D.``, ``substitute C. by D.``: one line if it fits; else each clause on a
    line of its own, the second one step deeper; a clause still too long puts its conditions on
    lines two steps deeper than its own, so they never line up with ``by``, ``after`` or ``before``."""
    pieces = [(keyword, _statement_pieces(clause)) for keyword, clause in parts]
    one_line = indent + " ".join(f"{keyword} {printer.clause_parts_text(*p)}." for keyword, p in pieces)
    if len(one_line) <= LINE_LENGTH:
        return [one_line]
    lines: list[str] = []
    for position, (keyword, (head, separator, conditions, waivers)) in enumerate(pieces):
        part_indent = indent if position == 0 else indent + INDENT
        continuation = part_indent + INDENT + INDENT
        lines.extend(wrapped_clause(part_indent, f"{keyword} {head}", separator, conditions, waivers, continuation))
    return lines


def _statement_pieces(raw: RawStatement) -> tuple[str, str, list[str], list[str]]:
    if isinstance(raw, RawClause):
        return _clause_pieces(raw)
    return _statement_text(raw), "", [], []


def _ref(ref: tuple[Token, list[str]]) -> str:
    return printer.article_ref_text(str(ref[0]), ref[1])


def _items(raw: RawInstitution) -> list[str]:
    attributes = [(key, _plain_value(value)) for key, value, _ in raw.attributes]
    return printer.institution_items([str(k) for k in raw.kinds], attributes)


def _plain_value(value: Any) -> Any:
    """Tokens as plain strings, lists of them as tuples: the values :func:`printer.attribute_text` takes."""
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return str(value) if isinstance(value, Token) else value


def _institution_lines(head: str, raw: RawInstitution, tail: list[str]) -> list[str]:
    """``HEAD: items [waivers] [placement]``, items filled onto continuation lines when too long."""
    items = _items(raw)
    words = [item + "," for item in items[:-1]] + items[-1:]
    words += [printer.waiver_parts_text(str(w.code), w.reason) for w in raw.waivers] + tail
    return filled(head + ":", words, INDENT)


def _line_texts(op: Operation) -> list[str] | None:
    """The operations without braces (most fit one line); None for the others."""
    if isinstance(op, RepealArticle):
        return [f"repeal article {_ref(op.ref)}"]
    if isinstance(op, RenumberArticle):
        return [f"renumber article {_ref(op.ref)} as {_ref(op.new_ref)}"]
    if isinstance(op, InsertInstitution):
        raw = op.institution
        display = f" {printer.quote(raw.display)}" if raw.display is not None else ""
        placement = [f"{op.placement.where} {op.placement.anchor}"] if op.placement is not None else []
        return _institution_lines(f"insert institution {raw.name}{display}", raw, placement)
    if isinstance(op, RepealInstitution):
        return [f"repeal institution {op.name}"]
    if isinstance(op, RenameInstitution):
        return [f"rename institution {op.name} to {op.new_name}"]
    if isinstance(op, ChangeInstitution):
        display = f" {printer.quote(op.items.display)}" if op.items.display is not None else ""
        return _institution_lines(f"change institution {op.name}{display}", op.items, [])
    if isinstance(op, SetHeader):
        keyword = op.field.replace("_", "-")
        # dates stay tokens, as written; strings were unquoted by the parser
        value = str(op.value) if isinstance(op.value, Token) else printer.quote(op.value)
        return [f"set {keyword} {value}"]
    return None


# ---- units ----------------------------------------------------------------------------------------


def _lines_of(span: Span | None, fallback: int) -> tuple[int, int]:
    if span is None or not span.line:
        return fallback, fallback
    return span.line, span.end_line or span.line


def _unit(span: Span | None, fallback: int, lines: list[str], indent: str) -> Unit:
    start, end = _lines_of(span, fallback)
    return Unit(start, end, lines, indent, column=span.column if span is not None else 0)


def _header_units(parsed: ParsedAmendment) -> list[Unit]:
    header = parsed.header
    start = header.location.line if header.location is not None else 1
    units = [Unit(start, start, [f"amendment {printer.quote(header.title)}"], "")]
    values: dict[str, str] = {
        "amends_path": printer.quote(header.amends_path or ""),
        "amends_version": printer.quote(header.amends_version or ""),
        "date": header.date.isoformat() if header.date else "",
        "status": header.status,
        "proposer": printer.quote(header.proposer or ""),
        "source": printer.quote(header.source or ""),
        "in_force": header.in_force.isoformat() if header.in_force else "",
    }
    for key, keyword in HEADER_FIELDS.items():
        if key in parsed.header_fields:
            units.append(_unit(parsed.header_fields[key], start, [f"{INDENT}{keyword} {values[key]}"], INDENT))
    return units


def _article_block(keyword: str, article: RawArticle, span: Span) -> list[Unit]:
    start, end = _lines_of(span, 1)
    title = f" {printer.quote(article.title)}" if article.title is not None else ""
    body: list[Unit] = []
    if article.text is not None:
        body.append(_unit(article.text.span, start, printer.text_lines(article.text.text, INDENT), INDENT))
    for clause in article.clauses:
        body.append(_unit(clause.span, start, _statement_lines(clause, INDENT), INDENT))
    for statement in sorted(article.statements, key=_statement_order):
        body.append(_unit(statement.span, start, _statement_lines(statement, INDENT), INDENT))
    for waiver in article.waivers:
        text = printer.waiver_parts_text(str(waiver.code), waiver.reason)
        body.append(_unit(waiver.span, start, [INDENT + text + "."], INDENT))
    ref = printer.article_ref_text(str(article.number), article.paragraphs)
    return block(f"{keyword} article {ref}{title} {{", start, end, body, column=span.column)


def _statement_order(raw: RawStatement) -> int:
    """Statements are laid out by kind, as the constitution formatter lays out the model."""
    return [RawImmunity, RawIncompatibility, RawEntrenchment, RawTenure].index(type(raw))


def _clause_operation_unit(op: Any, fallback: int) -> Unit:
    if isinstance(op, SetTitle):
        return _unit(op.span, fallback, [f"{INDENT}set title {printer.quote(op.title)}"], INDENT)
    if isinstance(op, SetText):
        if op.text is None:
            return _unit(op.span, fallback, [f"{INDENT}repeal text"], INDENT)
        return _unit(op.span, fallback, printer.text_lines(op.text, INDENT, "set text"), INDENT)
    if isinstance(op, InsertClause):
        parts = [("insert", op.clause)]
        if op.placement is not None:
            parts.append((op.placement.where, op.placement.anchor))
    elif isinstance(op, RepealClause):
        parts = [("repeal", op.clause)]
    elif isinstance(op, SubstituteClause):
        parts = [("substitute", op.old), ("by", op.new)]
    else:
        raise _unknown(op)
    return _unit(op.span, fallback, _clause_operation_lines(parts, INDENT), INDENT)


def _operation_units(op: Operation) -> list[Unit]:
    """One unit for a one-line operation; a block (opening, body, closing) for a braced one."""
    start, end = _lines_of(op.span, 1)
    if isinstance(op, InsertArticle):
        return _article_block("insert", op.article, op.span)
    if isinstance(op, SubstituteArticle):
        return _article_block("substitute", op.article, op.span)
    if isinstance(op, InArticle):
        body = [_clause_operation_unit(child, start) for child in op.operations]
        return block(f"in article {_ref(op.ref)} {{", start, end, body, column=op.span.column)
    lines = _line_texts(op)
    if lines is None:
        raise _unknown(op)
    return [_unit(op.span, 1, lines, "")]


class _UnknownOperation(Exception):
    def __init__(self, op: Any):
        super().__init__(type(op).__name__)
        self.span: Span | None = getattr(op, "span", None)


def _unknown(op: Any) -> _UnknownOperation:
    return _UnknownOperation(op)


# ---- the whole file -------------------------------------------------------------------------------


def format_amendment_source(text: str, filename: str = "<string>") -> str:
    """Canonical layout of ``text``; raises :class:`ConstitutionError` if it does not parse."""
    return format_amendment(parse_amendment_text(text, filename), text)


def format_amendment(parsed: ParsedAmendment, source_text: str | None = None) -> str:
    """Lay out ``parsed`` with the comments of ``source_text`` (by default the text it came from)."""
    text = parsed.text if source_text is None else source_text
    header = _header_units(parsed)
    try:
        operations = [_operation_units(op) for op in parsed.operations]
    except _UnknownOperation as exc:
        line, column = (exc.span.line, exc.span.column) if exc.span else (1, 1)
        message = f"fmt cannot lay out this operation ({exc}) yet; the file is left as it is"
        raise ConstitutionError(
            [Diagnostic(parsed.file, line, column, message, source_line=line_of(text, line))]
        ) from None
    units = header + [u for units in operations for u in units]
    leftovers = attach_comments(units, scan_comments(text), source_lines(text))
    out: list[str] = []
    for unit in header:
        emit(unit, out)
    for position, op_units in enumerate(operations):
        # The operations are set off from the header; among themselves they keep the grouping
        # the drafter gave them: one blank line where the source had one or more, none otherwise.
        if position == 0 or op_units[0].blank_before:
            out.append("")
        if len(op_units) == 1:
            emit(op_units[0], out)
        else:
            emit_block(op_units, out)
    if leftovers:
        out.append("")
        out.extend(leftovers)
    return "\n".join(out) + "\n"


# ---- meaning and the checks -----------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """Syntax without positions, as JSON-like data; majorities as the resolver reads them and an
    institution's attributes in no particular order, since the layout may normalise both."""
    if isinstance(value, Token):
        return str(value)
    if isinstance(value, RawMajority):
        majority = (
            majority_of(value.word, value.basis, value.inclusive) if value.word != "half" or value.inclusive else None
        )
        return majority.model_dump() if majority is not None else {"invalid": value.word, "basis": value.basis}
    if isinstance(value, RawShare) and value.kind == "fraction":
        fraction = share_fraction(value.word or "")
        return {"share": [fraction.numerator, fraction.denominator] if fraction else value.word}
    if isinstance(value, RawInstitution):
        attributes = sorted(([key, _plain(v)] for key, v, _ in value.attributes), key=repr)
        fields = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "span"}
        return {"type": "RawInstitution", **fields, "attributes": attributes}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {
            f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name not in _SPAN_FIELDS
        }
        return {"type": type(value).__name__, **fields}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value if not isinstance(v, Span)]
    return value


def amendment_meaning(parsed: ParsedAmendment) -> dict[str, Any]:
    """What an amendment says, without positions or layout: two texts mean the same when these are equal."""
    header = parsed.header.model_dump(mode="json", exclude={"file", "location", "amends_location"})
    return {"header": header, "operations": [_plain(op) for op in parsed.operations]}


def checked_format_amendment(text: str, filename: str = "<string>") -> FormatResult:
    """Format and verify: same amendment, idempotent, every comment kept. Problems block writing."""
    return verified(
        text,
        lambda source: parse_amendment_text(source, filename),
        lambda parsed, source: format_amendment(parsed, source),
        amendment_meaning,
    )
