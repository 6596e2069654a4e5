"""Text report in the style of ruff: one line per finding, its evidence chain, then a summary.

kz.constitution:12:3: CB103 [error] President appoints and dismisses the Prosecutor General at will
  = Art. 83(1) art_83__para_1 kz.constitution:12:3: President dismisses ProsecutorGeneral at will
"""

from __future__ import annotations

from constitution_rules.display import text_lines
from constitution_rules.findings import Evidence, Finding
from constitution_rules.reports import FileReport, Report, plural, severity_summary


def render_text(report: Report) -> str:
    lines: list[str] = []
    if report.statistics:
        lines.extend(_statistics(report))
    else:
        for file in report.files:
            for finding in file.result.findings:
                if finding.waived and not report.show_waived:
                    continue
                lines.extend(finding_lines(finding, file))
    if report.quiet:
        return text_lines(lines)
    if lines:
        lines.append("")
    lines.append(summary_line(report))
    return text_lines(lines)


def finding_lines(finding: Finding, file: FileReport) -> list[str]:
    where = str(finding.location) if finding.location else file.path
    status = f"{finding.severity}, waived" if finding.waived else finding.severity
    out = [f"{where}: {finding.code} [{status}] {finding.message}"]
    out.extend(f"  = {evidence_line(e)}" for e in finding.evidence)
    if finding.waived:
        out.append(f"  = waived: {finding.waiver_reason}")
    return out


def evidence_line(evidence: Evidence) -> str:
    head = " ".join(part for part in (evidence.citation, evidence.provision_id, _where(evidence)) if part)
    return f"{head}: {evidence.text}" if head else evidence.text


def _where(evidence: Evidence) -> str | None:
    return str(evidence.location) if evidence.location else None


def summary_line(report: Report) -> str:
    counts = report.counts
    files = plural(len(report.files), "file")
    extras = []
    if report.waived:
        extras.append(f"{report.waived} waived" + ("" if report.show_waived else " (listed with --show-waived)"))
    if report.baselined:
        extras.append(f"{report.baselined} in the baseline")
    tail = "; " + "; ".join(extras) if extras else ""
    if counts.total == 0:
        return f"All checks passed: {files}, {plural(len(report.rules), 'rule')}{tail}."
    return f"Found {plural(counts.total, 'finding')} in {files}: {severity_summary(counts)}{tail}."


def _statistics(report: Report) -> list[str]:
    rows = report.statistics_rows()
    if not rows:
        return []
    severities = {f.code: f.severity for f in report.findings}
    width = max(len(str(row[0])) for row in rows)
    code_width = max(len(row[1]) for row in rows)
    name_width = max(len(row[2]) for row in rows)
    out = []
    for count, code, name, waived in rows:
        line = f"{count:>{width}}  {code:<{code_width}}  {name:<{name_width}}  [{severities[code]}]"
        if waived:
            line += f"  ({waived} waived)"
        out.append(line.rstrip())
    return out
