"""Errors and findings as LSP diagnostics.

A syntax or meaning error is an Error at its line and column (its help, such as a did-you-mean,
follows the message; the suggested word travels in ``data`` for the quick fix). A finding is shown
at its location with its rule's code, a link to the rule's documentation, and each clause of its
evidence as related information. A problem located in another file (the amended base, the
configuration) is shown at the amendment's ``amends`` line, or at the top of the file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lsprotocol import types

from constitution_rules.findings import Finding
from constitution_rules.language.errors import Diagnostic
from constitution_rules.lsp.analysis import Analysis
from constitution_rules.lsp.positions import Encoding, LineIndex
from constitution_rules.model import SourceLocation

SOURCE = "constitution-rules"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
_SUGGESTION = re.compile(r"did you mean '([^']+)'\?")

#: The rule documentation shipped in a checkout (docs/rules.md), linked from each finding's code.
CHECKOUT_RULE_DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def default_rule_docs() -> str | None:
    return CHECKOUT_RULE_DOCS.as_uri() if CHECKOUT_RULE_DOCS.is_file() else None


def rule_anchor(code: str, name: str) -> str:
    """The heading anchor of a rule in docs/rules.md (``## CODE `name` ``)."""
    return f"{code}-{name}".lower()


def uri_of(file: str) -> str:
    """A file's URI (names that are not paths, such as ``untitled:1``, are URIs already)."""
    if ":" in file and not Path(file).is_absolute():
        return file
    return Path(file).resolve().as_uri()


class Locator:
    """LSP locations of source locations, in the files an analysis knows the text of."""

    def __init__(self, analysis: Analysis, uri: str, encoding: Encoding = "utf-16") -> None:
        self.analysis = analysis
        self.uri = uri
        self.encoding = encoding
        self._indexes: dict[str, LineIndex] = {}

    def index(self, file: str) -> LineIndex | None:
        if file not in self._indexes:
            text = self.analysis.texts.get(file)
            if text is None:
                return None
            self._indexes[file] = LineIndex(text, self.encoding)
        return self._indexes[file]

    def uri_for(self, file: str) -> str:
        return self.uri if file == self.analysis.file else uri_of(file)

    def range(self, location: SourceLocation) -> types.Range | None:
        index = self.index(location.file)
        if index is None:
            return None
        return index.span(location.line, location.column, location.end_line, location.end_column)

    def location(self, location: SourceLocation) -> types.Location | None:
        found = self.range(location)
        return types.Location(self.uri_for(location.file), found) if found is not None else None

    def here(self) -> LineIndex:
        index = self.index(self.analysis.file)
        assert index is not None
        return index

    def fallback(self) -> types.Range:
        """Where a problem of another file is shown: the ``amends`` line, else the first line."""
        amends = self.analysis.amends_location
        if amends is not None and amends.file == self.analysis.file:
            found = self.range(amends)
            if found is not None:
                return found
        return types.Range(types.Position(0, 0), types.Position(0, len(self.here().line_text(0))))


def error_diagnostic(problem: Diagnostic, locator: Locator) -> types.Diagnostic:
    message = problem.message + (f"\n{problem.help}" if problem.help else "")
    data: dict[str, Any] = {"kind": "error"}
    if problem.file == locator.analysis.file:
        index = locator.here()
        start = index.at(problem.line, problem.column)
        end = index.at(problem.line, problem.column + max(1, problem.width))
        found = types.Range(start, end)
        suggestion = _SUGGESTION.search(problem.help or "")
        if suggestion:
            data["replacement"] = suggestion.group(1)
    else:
        found = locator.fallback()
        message = f"{problem.file}:{problem.line}:{problem.column}: {message}"
    return types.Diagnostic(
        range=found, message=message, severity=types.DiagnosticSeverity.Error, source=SOURCE, data=data
    )


def finding_diagnostic(finding: Finding, locator: Locator, rule_docs: str | None) -> types.Diagnostic:
    here = locator.analysis.file
    location = finding.location
    found = locator.range(location) if location is not None and location.file == here else None
    message = finding.message
    if found is None:
        found = locator.fallback()
        where = f" ({location.file}:{location.line}:{location.column})" if location is not None else ""
        message = f"this amendment introduces {finding.code}: {finding.message}{where}"
    related = []
    for evidence in finding.evidence:
        target = locator.location(evidence.location) if evidence.location is not None else None
        if target is not None:
            related.append(
                types.DiagnosticRelatedInformation(target, f"{evidence.citation or ''} {evidence.text}".strip())
            )
    description = types.CodeDescription(f"{rule_docs}#{rule_anchor(finding.code, finding.rule)}") if rule_docs else None
    data = {"kind": "finding", "code": finding.code, "key": finding.key}
    return types.Diagnostic(
        range=found,
        message=message,
        severity=SEVERITY[finding.severity],
        code=finding.code,
        code_description=description,
        source=SOURCE,
        related_information=related or None,
        data=data,
    )


def diagnostics(
    analysis: Analysis, uri: str, encoding: Encoding = "utf-16", rule_docs: str | None = None
) -> list[types.Diagnostic]:
    """Every diagnostic of a document: its errors, else its findings (a file with errors has no model)."""
    locator = Locator(analysis, uri, encoding)
    out = [error_diagnostic(problem, locator) for problem in analysis.errors]
    out += [finding_diagnostic(finding, locator, rule_docs) for finding in analysis.findings]
    return out
