"""GitHub Actions workflow commands: one annotation per finding, shown inline on the pull request's
changed lines (``::error file=...,line=...::message``), the evidence chain in the message.

Escaping follows the runner's rules (actions/toolkit ``command.ts``): in the message ``%``, CR and
LF are percent-encoded; in properties ``:`` and ``,`` are too.
"""

from __future__ import annotations

from constitution_rules.display import one_line
from constitution_rules.findings import Finding
from constitution_rules.reports import FileReport, Report
from constitution_rules.reports.text import evidence_line, summary_line

#: Our severities -> the workflow command (GitHub has error, warning and notice).
LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, file: FileReport) -> str:
    location = finding.location
    props = [f"file={_property(location.file if location else file.path)}"]
    if location is not None:
        props += [f"line={location.line}", f"col={location.column}"]
        if location.end_line >= location.line:
            props += [f"endLine={location.end_line}"]
            if location.end_line == location.line:
                props += [f"endColumn={location.end_column}"]
    props.append(f"title={_property(f'{finding.code} {finding.rule}')}")
    lines = [one_line(finding.message), *(one_line(evidence_line(e)) for e in finding.evidence)]
    return f"::{LEVELS[finding.severity]} {','.join(props)}::{_data(chr(10).join(lines))}"


def render_github(report: Report) -> str:
    out = [annotation(finding, file) for file in report.files for finding in file.result.findings if not finding.waived]
    out.append(one_line(summary_line(report)))
    return "\n".join(out) + "\n"
