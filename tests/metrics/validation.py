"""The oversight measure and the concentration findings over the specs with a published PPI row.

Run ``python -m tests.metrics.validation`` to print the table docs/validation.md shows under
"Concentration and oversight" (test_validation.py pins its claims). The specs c. 2007 are chosen
as the PPI comparison chooses them (tests/indices/cases.py): Kazakhstan as the 1995 text with the
1998 and 2007 amendments applied, every other country its latest file dated on or before 2007.
"""

from __future__ import annotations

from dataclasses import dataclass

from constitution_rules.findings import Finding
from constitution_rules.indices.validation import PUBLISHED, spearman
from constitution_rules.metrics import compute_metrics
from constitution_rules.rules.engine import run_rules
from constitution_rules.rules.registry import get_rule
from tests.indices.cases import Case, cases


@dataclass
class Row:
    case: Case
    published: float
    coverage: float
    concentration: list[Finding]  # error-level CB1xx, and CB112 (the share rule), unwaived


def concentration_findings(findings: tuple[Finding, ...]) -> list[Finding]:
    """Error-level concentration findings and any finding of the share rule, unwaived."""
    out = []
    for finding in findings:
        rule = get_rule(finding.code)
        if finding.waived or rule is None or rule.category != "concentration":
            continue
        if finding.severity == "error" or finding.code == "CB112":
            out.append(finding)
    return out


def rows() -> list[Row]:
    table = []
    for case in cases():
        metrics = compute_metrics(case.constitution)
        table.append(
            Row(
                case=case,
                published=PUBLISHED[case.country].ppi,
                coverage=metrics.oversight_coverage,
                concentration=concentration_findings(run_rules(case.constitution).findings),
            )
        )
    return table


def correlation(table: list[Row]) -> float | None:
    if len(table) < 3:
        return None
    return round(spearman([r.coverage for r in table], [r.published for r in table]), 4)


def markdown(table: list[Row]) -> str:
    lines = [
        "| country | spec | published PPI | oversight coverage | error-level CB1xx and CB112 findings |",
        "|---|---|---:|---:|---|",
    ]
    for r in sorted(table, key=lambda r: (-r.published, r.case.country)):
        codes = ", ".join(sorted({f.code for f in r.concentration})) or "none"
        lines.append(f"| {r.case.country} | `{r.case.label}` | {r.published:.2f} | {r.coverage:.4f} | {codes} |")
    rho = correlation(table)
    lines.append("")
    lines.append(
        f"Spearman's rank correlation of oversight coverage with the published PPI over {len(table)} specs: "
        + (f"{rho:.4f}" if rho is not None else "not defined (fewer than 3 specs)")
        + "."
    )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown(rows()), end="")
