"""Formatting and code actions.

- formatting: the same safe formatter as ``fmt`` (same model after, idempotent, every comment kept);
  a document that does not parse, or that the checks refuse, is left alone;
- a quick fix for an error whose help is a did-you-mean: the suggested word in place of the wrong one;
- for a finding: a waiver at the place the engine looks for one (the clause, the institution, or the
  article), with a reason to fill in;
- a rule's mechanical fix: an unused waiver (CB900) deleted, an unknown waiver code (CB901) corrected
  to the one it was meant to be.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from lsprotocol import types

from constitution_rules.findings import Finding
from constitution_rules.lsp.analysis import Analysis
from constitution_rules.lsp.positions import LineIndex
from constitution_rules.model import SourceLocation

REASON_PLACEHOLDER = "REASON: why the drafters accept this"
UNUSED_WAIVER, UNKNOWN_WAIVER_CODE = "CB900", "CB901"


# ---- formatting ------------------------------------------------------------------------------


def formatted(text: str, file: str, kind: str) -> str | None:
    """The canonical layout of ``text``, or None when it does not parse or a safety check refuses."""
    from constitution_rules.language.amendment_formatter import checked_format_amendment
    from constitution_rules.language.errors import ConstitutionError
    from constitution_rules.language.formatter import checked_format

    formatter = checked_format_amendment if kind == "amendment" else checked_format
    try:
        result = formatter(text, file)
    except ConstitutionError:
        return None
    return None if result.problems else result.formatted


def line_edits(before: str, after: str, index: LineIndex) -> list[types.TextEdit]:
    """The smallest whole-line edits that turn ``before`` into ``after`` (the cursor and folds stay put)."""
    old = before.splitlines(keepends=True)
    new = after.splitlines(keepends=True)
    starts = [0]
    for line in old:
        starts.append(starts[-1] + len(line))
    edits = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        edits.append(types.TextEdit(index.range(starts[i1], starts[i2]), "".join(new[j1:j2])))
    return edits


def format_edits(text: str, file: str, kind: str, index: LineIndex) -> list[types.TextEdit] | None:
    result = formatted(text, file, kind)
    if result is None:
        return None
    return line_edits(text, result, index)


# ---- code actions ----------------------------------------------------------------------------


def _edit(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})


def _offset(index: LineIndex, line: int, column: int) -> int:
    return index.offset(index.at(line, column))


def _finding_for(analysis: Analysis, diagnostic: types.Diagnostic) -> Finding | None:
    data: Any = diagnostic.data
    if not isinstance(data, dict) or data.get("kind") != "finding":
        return None
    return next((f for f in analysis.findings if f.key == data.get("key") and f.code == data.get("code")), None)


def waiver_edit(analysis: Analysis, finding: Finding, index: LineIndex) -> types.TextEdit | None:
    """Where a waiver of ``finding`` goes in this document, and its text."""
    text, file = analysis.text, analysis.file
    constitution = analysis.constitution
    if constitution is None:
        return None
    waiver = f'waive {finding.code} "{REASON_PLACEHOLDER}"'
    location = finding.location
    # Where the finding points (a clause, an institution), else the first clause of its evidence.
    first = finding.evidence[0].location if finding.evidence else None
    for place in (location, first):
        for clause in constitution.clauses:
            if _same_place(clause.location, place, file) and clause.location is not None:
                end = _offset(index, clause.location.end_line, clause.location.end_column)
                stop = text.rfind(".", 0, end)  # before the clause's full stop
                return types.TextEdit(index.range(stop, stop), " " + waiver) if stop >= 0 else None
        for institution in constitution.institutions:
            if _same_place(institution.location, place, file) and institution.location is not None:
                end = _offset(index, institution.location.end_line, institution.location.end_column)
                return types.TextEdit(index.range(end, end), " " + waiver)
    for provision in constitution.provisions:
        loc = provision.location
        if loc is None or loc.file != file or location is None or location.file != file:
            continue
        if (loc.line, loc.column) <= (location.line, location.column) <= (loc.end_line, loc.end_column):
            start = _offset(index, loc.line, loc.column)
            brace = text.find("{", start)
            if brace < 0:
                return None
            return types.TextEdit(index.range(brace + 1, brace + 1), f"\n  {waiver}.")
    return None


def _same_place(a: SourceLocation | None, b: SourceLocation | None, file: str) -> bool:
    return a is not None and b is not None and a.file == file == b.file and (a.line, a.column) == (b.line, b.column)


def _waiver_removal(analysis: Analysis, location: SourceLocation, index: LineIndex) -> types.TextEdit:
    """Delete a waiver. An article's ``waive X "...".`` goes with its line; a clause's or an
    institution's goes with the space before it (and the line break, when it stood on a line of its
    own, so the full stop comes back to the clause), unless a comment ends the line before."""
    text = analysis.text
    start = _offset(index, location.line, location.column)
    end = _offset(index, location.end_line, location.end_column)
    before = text[:start].rstrip()
    previous = before[-1:] if before else ""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if previous in ("", "{", ".", "}") and text[line_start:start].strip() == "" and text[end:line_end].strip() == ".":
        return types.TextEdit(index.range(line_start, min(line_end + 1, len(text))), "")
    stop = len(before)
    previous_line = text[text.rfind("\n", 0, stop) + 1 : stop]
    if "\n" in text[stop:start] and "#" in previous_line:
        stop = start
        while stop > line_start and text[stop - 1] in " \t":
            stop -= 1
    return types.TextEdit(index.range(stop, end), "")


def rule_fix(analysis: Analysis, finding: Finding, index: LineIndex) -> tuple[str, types.TextEdit] | None:
    """A rule's mechanical fix, where it has one: (title, edit)."""
    location = finding.location
    if location is None or location.file != analysis.file:
        return None
    if finding.code == UNUSED_WAIVER:
        return "Delete the unused waiver", _waiver_removal(analysis, location, index)
    if finding.code == UNKNOWN_WAIVER_CODE:
        suggestion = re.search(r"did you mean '([^']+)'\?", finding.message)
        start = _offset(index, location.line, location.column)
        code = re.match(r"waive\s+(\S+)", analysis.text[start:])
        if suggestion and code:
            span = index.range(start + code.start(1), start + code.end(1))
            return f"Change the code to {suggestion.group(1)}", types.TextEdit(span, suggestion.group(1))
    return None


def code_actions(
    analysis: Analysis, uri: str, diagnostics: list[types.Diagnostic], index: LineIndex
) -> list[types.CodeAction]:
    """Quick fixes for the diagnostics the client sends back (those in the requested range)."""
    actions: list[types.CodeAction] = []
    for diagnostic in diagnostics:
        data: Any = diagnostic.data
        if isinstance(data, dict) and data.get("kind") == "error" and data.get("replacement"):
            word = str(data["replacement"])
            actions.append(
                types.CodeAction(
                    title=f"Change to '{word}'",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    is_preferred=True,
                    edit=_edit(uri, [types.TextEdit(diagnostic.range, word)]),
                )
            )
            continue
        finding = _finding_for(analysis, diagnostic)
        if finding is None:
            continue
        fix = rule_fix(analysis, finding, index)
        if fix is not None:
            title, edit = fix
            actions.append(
                types.CodeAction(
                    title=title,
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    is_preferred=True,
                    edit=_edit(uri, [edit]),
                )
            )
        if finding.code in (UNUSED_WAIVER, UNKNOWN_WAIVER_CODE):
            continue  # a waiver of a waiver check would be noise
        waiver = waiver_edit(analysis, finding, index)
        if waiver is not None:
            actions.append(
                types.CodeAction(
                    title=f"Waive {finding.code} here (give the reason)",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    edit=_edit(uri, [waiver]),
                )
            )
    return actions
