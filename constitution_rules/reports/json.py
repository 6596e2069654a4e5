"""JSON report with a versioned schema (docs/json-output.md).

The schema is the JSON Schema of :class:`JsonReport` (``json_schema()``); ``schema_version`` changes
only when a field is removed or changes meaning. Adding a field is not a new version.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict

from constitution_rules import __version__
from constitution_rules.findings import Evidence, Severity
from constitution_rules.model import SourceLocation
from constitution_rules.reports import FileReport, Report
from constitution_rules.rules.engine import SeverityCounts

JSON_SCHEMA_VERSION = "1"


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class JsonTool(_Out):
    name: str = "constitution-rules"
    version: str


class JsonFinding(_Out):
    code: str
    rule: str
    severity: Severity
    message: str
    institutions: list[str]
    location: SourceLocation | None
    evidence: list[Evidence]
    waived: bool
    waiver_reason: str | None
    key: str
    fingerprint: str


class JsonFileSummary(_Out):
    findings: int
    by_severity: SeverityCounts
    waived: int
    baselined: int


class JsonFile(_Out):
    path: str
    constitution: str
    version: str | None
    rules_run: list[str]
    summary: JsonFileSummary
    findings: list[JsonFinding]
    baselined: list[str]
    metrics: dict[str, Any] | None


class JsonRule(_Out):
    code: str
    name: str
    severity: Severity
    category: str
    summary: str


class JsonSummary(_Out):
    files: int
    findings: int
    by_severity: SeverityCounts
    by_rule: dict[str, int]
    waived: int
    baselined: int
    fail_on: str
    failing: bool


class JsonReport(_Out):
    schema_version: str
    tool: JsonTool
    files: list[JsonFile]
    rules: list[JsonRule]
    summary: JsonSummary


def json_schema() -> dict[str, Any]:
    return JsonReport.model_json_schema()


def build_json(report: Report) -> JsonReport:
    by_rule: dict[str, int] = {}
    for finding in report.active:
        by_rule[finding.code] = by_rule.get(finding.code, 0) + 1
    return JsonReport(
        schema_version=JSON_SCHEMA_VERSION,
        tool=JsonTool(version=__version__),
        files=[_file(file) for file in report.files],
        rules=[
            JsonRule(code=r.code, name=r.name, severity=r.severity, category=r.category, summary=r.summary)
            for r in sorted(report.rules, key=lambda r: r.code)
        ],
        summary=JsonSummary(
            files=len(report.files),
            findings=report.counts.total,
            by_severity=report.counts,
            by_rule=dict(sorted(by_rule.items())),
            waived=report.waived,
            baselined=report.baselined,
            fail_on=report.fail_on,
            failing=report.failing,
        ),
    )


def render_json(report: Report) -> str:
    payload = build_json(report).model_dump(mode="json")
    return json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _file(file: FileReport) -> JsonFile:
    result = file.result
    return JsonFile(
        path=file.path,
        constitution=result.constitution,
        version=result.version,
        rules_run=list(result.rules_run),
        summary=JsonFileSummary(
            findings=result.counts.total,
            by_severity=result.counts,
            waived=result.waived,
            baselined=len(file.baselined),
        ),
        findings=[
            JsonFinding(
                code=f.code,
                rule=f.rule,
                severity=f.severity,
                message=f.message,
                institutions=list(f.institutions),
                location=f.location,
                evidence=list(f.evidence),
                waived=f.waived,
                waiver_reason=f.waiver_reason,
                key=f.key,
                fingerprint=f.fingerprint,
            )
            for f in result.findings
        ],
        baselined=sorted(f.key for f in file.baselined),
        metrics=dict(file.metrics) if file.metrics is not None else None,
    )
