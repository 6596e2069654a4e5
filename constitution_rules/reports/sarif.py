"""SARIF 2.1.0 (OASIS), the format code-scanning services read.

Rule ids are the stable codes; ``partialFingerprints`` come from ``Finding.fingerprint`` (rule,
institutions, provision ids), never from line numbers, so a result keeps its identity when the text
is reformatted or renumbered. Waived findings carry an in-source suppression with the waiver's
reason; with a baseline, results say whether they are new or unchanged.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from constitution_rules import __version__
from constitution_rules.findings import Evidence, Finding
from constitution_rules.model import SourceLocation
from constitution_rules.reports import FileReport, Report
from constitution_rules.rules.registry import Rule

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_NAME = "constitutionRulesKey/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://pypi.org/project/constitution-rules/"


def render_sarif(report: Report) -> str:
    return json.dumps(build_sarif(report), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def build_sarif(report: Report) -> dict[str, Any]:
    rules = sorted(report.rules, key=lambda r: r.code)
    index = {r.code: i for i, r in enumerate(rules)}
    artifacts = [file.path for file in report.files]
    artifact_index = {path: i for i, path in enumerate(artifacts)}
    results: list[dict[str, Any]] = []
    for file in report.files:
        for finding in file.result.findings:
            results.append(_result(finding, file, index, artifact_index, "new" if report.baseline else None))
        for finding in file.baselined:
            results.append(_result(finding, file, index, artifact_index, "unchanged"))
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "constitution-rules",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_descriptor(r) for r in rules],
                    }
                },
                "artifacts": [
                    {"location": {"uri": to_uri(path)}, "roles": ["analysisTarget"], "sourceLanguage": "constitution"}
                    for path in artifacts
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _descriptor(rule: Rule) -> dict[str, Any]:
    from constitution_rules.rules.docs import rule_markdown

    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.what_it_flags} {rule.why_it_matters}"},
        "help": {"text": rule.how_to_fix, "markdown": rule_markdown(rule, level=2)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


def _result(
    finding: Finding,
    file: FileReport,
    rule_index: dict[str, int],
    artifact_index: dict[str, int],
    baseline_state: str | None,
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding.location, file, artifact_index)],
        "partialFingerprints": {FINGERPRINT_NAME: finding.fingerprint},
        "properties": {"institutions": list(finding.institutions), "provisions": list(finding.provision_ids)},
    }
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    related = [_related(i, e, file, artifact_index) for i, e in enumerate(finding.evidence, start=1)]
    if related:
        result["relatedLocations"] = related
    if finding.waived:
        result["suppressions"] = [
            {"kind": "inSource", "status": "accepted", "justification": finding.waiver_reason or ""}
        ]
    if baseline_state is not None:
        result["baselineState"] = baseline_state
    return result


def _location(location: SourceLocation | None, file: FileReport, artifact_index: dict[str, int]) -> dict[str, Any]:
    path = location.file if location is not None else file.path
    artifact: dict[str, Any] = {"uri": to_uri(path)}
    if path in artifact_index:
        artifact["index"] = artifact_index[path]
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if location is not None:
        physical["region"] = {
            "startLine": location.line,
            "startColumn": location.column,
            "endLine": location.end_line,
            "endColumn": location.end_column,
        }
    return {"physicalLocation": physical}


def _related(number: int, evidence: Evidence, file: FileReport, artifact_index: dict[str, int]) -> dict[str, Any]:
    text = " ".join(p for p in (evidence.citation, evidence.provision_id) if p)
    related = _location(evidence.location, file, artifact_index)
    related["id"] = number
    related["message"] = {"text": f"{text}: {evidence.text}" if text else evidence.text}
    return related


def to_uri(path: str) -> str:
    """A relative path as a relative URI reference (forward slashes); an absolute one as file://."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix(), safe="/")
