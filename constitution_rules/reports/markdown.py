"""Markdown report for a pull-request comment: a summary table, then findings by severity, each
with its citations and its evidence folded away in a ``<details>`` block."""

from __future__ import annotations

import re

from constitution_rules.display import one_line
from constitution_rules.findings import Evidence, Finding
from constitution_rules.reports import Report, plural, severity_summary

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&~])")
TITLES = (("error", "Errors"), ("warning", "Warnings"), ("info", "Info"))


def md(text: str) -> str:
    """Text with markdown's special characters escaped, so names and reasons render literally; on
    one line, since a line break (also U+2028) would end a table row or a list item."""
    return _SPECIAL.sub(r"\\\1", " ".join(one_line(text).split()))


def code(text: str) -> str:
    return "`" + text.replace("`", "'") + "`"


def render_markdown(report: Report) -> str:
    counts = report.counts
    verdict = "fails" if report.failing else "passes"
    out = [
        f"## constitution-rules: {severity_summary(counts)}",
        "",
        f"**Result:** {verdict} at fail-on `{report.fail_on}` · {plural(len(report.files), 'file')} · "
        f"{plural(len(report.rules), 'rule')} · {report.waived} waived"
        + (f" · {report.baselined} in the baseline" if report.baselined else ""),
        "",
        "| file | constitution | errors | warnings | info | waived |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for file in report.files:
        c = file.result.counts
        name = md(file.result.constitution).replace("\\|", "&#124;")
        out.append(f"| {code(file.path)} | {name} | {c.error} | {c.warning} | {c.info} | {file.result.waived} |")
    for severity, title in TITLES:
        chosen = [f for f in report.active if f.severity == severity]
        if chosen:
            out += ["", f"### {title} ({len(chosen)})", ""]
            for finding in chosen:
                out += _finding(finding)
    waived = [f for f in report.findings if f.waived]
    if waived and report.show_waived:
        out += ["", f"### Waived ({len(waived)})", ""]
        for finding in waived:
            out += _finding(finding)
    elif waived:
        out += ["", f"_{plural(len(waived), 'waived finding')} not listed (use `--show-waived`)._"]
    return "\n".join(out).rstrip() + "\n"


def _finding(finding: Finding) -> list[str]:
    citations = sorted({e.citation for e in finding.evidence if e.citation})
    where = [code(str(finding.location))] if finding.location else []
    meta = " · ".join(where + [md(c) for c in citations])
    lines = [f"- **{finding.code}** {code(finding.rule)}: {md(finding.message)}"]
    if meta:
        lines.append(f"  {meta}")
    if finding.waived:
        lines.append(f"  Waived: {md(finding.waiver_reason or '')}")
    if finding.evidence:
        lines += [
            "  <details><summary>Evidence (" + plural(len(finding.evidence), "item") + ")</summary>",
            "",
        ]
        lines += [f"  - {_evidence(e)}" for e in finding.evidence]
        lines += ["", "  </details>"]
    return lines


def _evidence(evidence: Evidence) -> str:
    head = " ".join(
        part
        for part in (
            md(evidence.citation) if evidence.citation else "",
            code(evidence.provision_id) if evidence.provision_id else "",
            code(str(evidence.location)) if evidence.location else "",
        )
        if part
    )
    return f"{head}: {md(evidence.text)}" if head else md(evidence.text)
