"""The engine: run the selected rules on one constitution, apply waivers, sort the findings.

Rule functions are pure; the engine builds the power graph once and hands every rule the same
:class:`RuleContext`. Rules run in two phases: ``model`` rules read the constitution; ``findings``
rules (the engine's own waiver checks, below) also read what the model rules found.

A finding is *waived* when a waiver with its code is attached to a clause among its evidence, to
an institution it names, or to the article of its evidence or location. Waived findings stay in
the result (``waived=True``, with the reason) so that reports can count and list them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict

from constitution_rules.config import Config
from constitution_rules.findings import SEVERITY_ORDER, Evidence, Finding, Severity
from constitution_rules.language.errors import ConstitutionError
from constitution_rules.model import Constitution, Institution, PowerClause, Provision, SourceLocation, Waiver
from constitution_rules.rules.registry import Rule, RuleContext, all_rules, rule

if TYPE_CHECKING:
    import networkx as nx


class SeverityCounts(BaseModel):
    """Findings per severity (waived findings are not counted here)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    error: int = 0
    warning: int = 0
    info: int = 0

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> SeverityCounts:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in findings:
            counts[finding.severity] += 1
        return cls(**counts)

    @property
    def total(self) -> int:
        return self.error + self.warning + self.info


class CheckResult(BaseModel):
    """The outcome of checking one constitution."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str
    constitution: str
    version: str | None = None
    findings: tuple[Finding, ...] = ()
    counts: SeverityCounts = SeverityCounts()
    waived: int = 0
    rules_run: tuple[str, ...] = ()

    @property
    def active(self) -> list[Finding]:
        """Findings that are not waived."""
        return [f for f in self.findings if not f.waived]

    def findings_of(self, code: str) -> list[Finding]:
        return [f for f in self.findings if f.code == code]

    @property
    def waived_findings(self) -> list[Finding]:
        return [f for f in self.findings if f.waived]

    def reaches(self, fail_on: str) -> bool:
        """Whether any active finding is at least as severe as ``fail_on`` (never: False)."""
        return any(reaches(f.severity, fail_on) for f in self.active)

    def replace_findings(self, findings: Iterable[Finding]) -> CheckResult:
        """This result with another list of findings (e.g. without baselined ones), recounted."""
        kept = tuple(sort_findings(findings))
        return self.model_copy(
            update={
                "findings": kept,
                "counts": SeverityCounts.of(f for f in kept if not f.waived),
                "waived": sum(1 for f in kept if f.waived),
            }
        )


def reaches(severity: Severity, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    return SEVERITY_ORDER[severity] >= SEVERITY_ORDER[fail_on]


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Deterministic order: file, line, column, code, key, then message."""
    return sorted(findings, key=lambda f: (f.sort_key(), f.message, f.waived))


def run_rules(
    constitution: Constitution,
    graph: nx.MultiDiGraph | None = None,
    config: Config | None = None,
    rules: Sequence[Rule] | None = None,
) -> CheckResult:
    """Run the rules ``config`` selects (from ``rules``, default: the whole registry).

    Without ``graph`` the power graph is built only if a rule reads it (no built-in rule does)."""
    config = config or Config()
    catalogue = list(rules) if rules is not None else all_rules()
    selected = config.selected(catalogue)
    settings = config.rule_settings(selected)
    settings["rules_run"] = tuple(r.code for r in selected)
    settings["known_codes"] = tuple(sorted(r.code for r in catalogue))
    context = RuleContext(constitution=constitution, graph=graph, settings=settings)
    sites = waiver_sites(constitution)

    found: list[Finding] = []
    for current in (r for r in selected if r.phase == "model"):
        found.extend(_normalise(current, config, _run_one(current, context)))
    found = [_apply_waivers(f, sites) for f in sort_findings(found)]

    # A graph a model rule asked for is handed on rather than built twice.
    after = RuleContext(
        constitution=constitution,
        graph=graph if graph is not None else context.built_graph,
        settings=settings,
        findings=tuple(found),
    )
    for current in (r for r in selected if r.phase == "findings"):
        found.extend(_apply_waivers(f, sites) for f in _normalise(current, config, _run_one(current, after)))

    ordered = tuple(sort_findings(found))
    return CheckResult(
        file=constitution.file,
        constitution=constitution.name,
        version=constitution.version,
        findings=ordered,
        counts=SeverityCounts.of(f for f in ordered if not f.waived),
        waived=sum(1 for f in ordered if f.waived),
        rules_run=tuple(r.code for r in selected),
    )


def check_file(path: str | os.PathLike[str], config: Config | None = None) -> CheckResult:
    """Parse ``path`` and run the rules; the config is discovered upward from it when not given."""
    from constitution_rules.config import config_for
    from constitution_rules.language.parser import parse_file

    constitution = parse_file(path)
    return run_rules(constitution, config=config if config is not None else config_for(path))


class RuleFailure(Exception):
    """A rule raised instead of returning findings: a bug in that rule."""


def _run_one(current: Rule, context: RuleContext) -> list[Finding]:
    try:
        return current.run(context)
    except Exception as exc:
        raise RuleFailure(f"rule {current.code} ({current.name}) failed: {type(exc).__name__}: {exc}") from exc


def _normalise(current: Rule, config: Config, findings: Iterable[Finding]) -> Iterator[Finding]:
    """Every finding carries its rule's code and name, and the configured severity."""
    level = config.severity_for(current)
    for finding in findings:
        update: dict[str, object] = {}
        if finding.code != current.code or finding.rule != current.name:
            update.update(code=current.code, rule=current.name)
        if level is not None and finding.severity != level:
            update["severity"] = level
        yield finding.model_copy(update=update) if update else finding


# --- waivers ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WaiverSite:
    """A waiver and what it is attached to."""

    waiver: Waiver
    scope: Literal["clause", "article", "institution"]
    clause: PowerClause | None = None
    provision: Provision | None = None
    institution: Institution | None = None

    @property
    def holder(self) -> str:
        if self.clause is not None:
            return f"clause {self.clause.id}"
        if self.provision is not None:
            return f"{self.provision.citation} ({self.provision.id})"
        assert self.institution is not None
        return f"institution {self.institution.id}"

    def applies_to(self, finding: Finding) -> bool:
        if finding.code != self.waiver.code:
            return False
        if self.clause is not None:
            return any(e.clause_id == self.clause.id for e in finding.evidence) or _within(
                finding.location, self.clause.location
            )
        if self.provision is not None:
            return any(e.provision_id == self.provision.id for e in finding.evidence) or _within(
                finding.location, self.provision.location
            )
        assert self.institution is not None
        return self.institution.id in finding.institutions

    def evidence(self) -> Evidence:
        from constitution_rules.language.printer import article_ref, clause_text

        if self.clause is not None:
            return Evidence(
                provision_id=self.clause.provision_id,
                clause_id=self.clause.id,
                citation=self.clause.citation,
                text=clause_text(self.clause.model_copy(update={"waivers": ()})),
                location=self.clause.location,
            )
        if self.provision is not None:
            return Evidence(
                provision_id=self.provision.id,
                citation=self.provision.citation,
                text=f"article {article_ref(self.provision)}"
                + (f' "{self.provision.title}"' if self.provision.title else ""),
                location=self.provision.location,
            )
        assert self.institution is not None
        return Evidence(
            text=f"institution {self.institution.id}: {', '.join(self.institution.kinds)}",
            location=self.institution.location,
        )


def waiver_sites(constitution: Constitution) -> list[WaiverSite]:
    """Every waiver in the file, most specific first: clauses, then articles, then institutions."""
    sites: list[WaiverSite] = []
    for provision in constitution.provisions:
        for clause in provision.clauses:
            sites.extend(WaiverSite(w, "clause", clause=clause) for w in clause.waivers)
    for provision in constitution.provisions:
        sites.extend(WaiverSite(w, "article", provision=provision) for w in provision.waivers)
    for institution in constitution.institutions:
        sites.extend(WaiverSite(w, "institution", institution=institution) for w in institution.waivers)
    return sites


def _within(location: SourceLocation | None, span: SourceLocation | None) -> bool:
    if location is None or span is None or location.file != span.file:
        return False
    return (span.line, span.column) <= (location.line, location.column) <= (span.end_line, span.end_column)


def _apply_waivers(finding: Finding, sites: Sequence[WaiverSite]) -> Finding:
    for site in sites:
        if site.applies_to(finding):
            return finding.model_copy(update={"waived": True, "waiver_reason": site.waiver.reason})
    return finding


# --- the engine's own rules ---------------------------------------------------------------------

_WAIVER_PASSING = """\
institution President: executive, head-of-state
institution ProsecutorGeneral "Prosecutor General": prosecution
article 83 {
  President appoints ProsecutorGeneral.
  President dismisses ProsecutorGeneral at will
    waive CB103 "the Prosecutor General answers to the Senate by law".
}
"""


@rule(
    "CB900",
    "unused-waiver",
    severity="warning",
    category="waivers",
    summary="A waiver that matches no finding of a rule that ran.",
    what_it_flags=(
        'A `waive CODE "reason"` attached to a clause, article or institution when rule CODE ran and '
        "produced no finding there. Waivers of rules that were not selected in this run are not judged."
    ),
    why_it_matters=(
        "A waiver records a deliberate, reasoned acceptance of a problem. Once the text changes and the "
        "problem is gone, a stale waiver silently pre-approves the next problem of the same kind at that "
        "place, and misleads readers about what the drafters accepted. Keeping waivers exact is the same "
        "discipline as unused `noqa` comments in linters (ruff RUF100)."
    ),
    references=(
        "Ruff documentation, rule RUF100 unused-noqa: https://docs.astral.sh/ruff/rules/unused-noqa/",
        "Venice Commission, Rule of Law Checklist (CDL-AD(2016)007), on legal certainty and the "
        "foreseeability of exceptions",
    ),
    failing_example=(
        "institution President: executive, head-of-state\n"
        "institution Senate: legislature\n"
        'institution ProsecutorGeneral "Prosecutor General": prosecution\n'
        "article 83 {\n"
        "  President appoints ProsecutorGeneral with consent of Senate\n"
        '    waive CB103 "the Prosecutor General answers to the Senate by law".\n'
        "}\n"
    ),
    passing_example=_WAIVER_PASSING,
    how_to_fix="Delete the waiver, or move it to the clause, article or institution the finding points at.",
    complexity="linear in the number of waivers times the number of findings",
    phase="findings",
)
def unused_waiver(self: Rule, context: RuleContext) -> Iterator[Finding]:
    ran = set(context.settings.get("rules_run", ()))
    known = set(context.settings.get("known_codes", ()))
    for site in waiver_sites(context.constitution):
        code = site.waiver.code
        if code not in known or code not in ran or code == self.code:
            continue
        if any(site.applies_to(f) for f in context.findings):
            continue
        yield _waiver_finding(self, site, f"waiver of {code} on {site.holder} matches no finding of {code}")


@rule(
    "CB901",
    "unknown-waiver-code",
    severity="warning",
    category="waivers",
    summary="A waiver names a rule code that does not exist.",
    what_it_flags='A `waive CODE "reason"` whose CODE is not the code of any registered rule (built-in or plugin).',
    why_it_matters=(
        "A misspelt code waives nothing: the finding it was meant to accept is still reported, and the "
        "record of the drafters' reasoning is attached to no rule. Linters treat unknown suppression "
        "codes as errors for the same reason."
    ),
    references=(
        "Ruff documentation, rule RUF100 unused-noqa (unknown codes): https://docs.astral.sh/ruff/rules/unused-noqa/",
    ),
    failing_example=(
        "institution President: executive, head-of-state\n"
        'institution ProsecutorGeneral "Prosecutor General": prosecution\n'
        "article 83 {\n"
        "  President appoints ProsecutorGeneral.\n"
        "  President dismisses ProsecutorGeneral at will\n"
        '    waive CB1003 "the Prosecutor General answers to the Senate by law".\n'
        "}\n"
    ),
    passing_example=_WAIVER_PASSING,
    how_to_fix="Correct the code (see `constitution-rules rules`), or delete the waiver.",
    complexity="linear in the number of waivers",
    phase="findings",
)
def unknown_waiver_code(self: Rule, context: RuleContext) -> Iterator[Finding]:
    from constitution_rules.language.errors import did_you_mean

    known = tuple(context.settings.get("known_codes", ()))
    for site in waiver_sites(context.constitution):
        code = site.waiver.code
        if code in known:
            continue
        hint = did_you_mean(code, known)
        message = f"waiver on {site.holder} names unknown rule code {code}" + (f"; {hint}" if hint else "")
        yield _waiver_finding(self, site, message)


def _waiver_finding(self: Rule, site: WaiverSite, message: str) -> Finding:
    institutions = (site.institution.id,) if site.institution is not None else ()
    return self.finding(
        message,
        institutions=institutions,
        location=site.waiver.location,
        extra_evidence=[site.evidence()],
    )


@rule(
    "CB000",
    "syntax-error",
    severity="error",
    category="input",
    summary="A file that cannot be parsed: a syntax or meaning error.",
    what_it_flags=(
        "Each error the parser or the meaning checks report in a file (an unknown verb, an undeclared "
        "institution, a missing full stop), at its line and column. The file's other rules cannot run "
        "until it parses, and `check` exits 2; every other file is still checked and reported."
    ),
    why_it_matters=(
        "A report that stops at the first unreadable file hides every finding of the others from code "
        "scanning and review. Reporting the error as a finding of its own, in every output format, keeps "
        "one typo from blanking the whole report, as linters do with their syntax-error code."
    ),
    references=(
        "Ruff documentation, E999 syntax-error (2023): https://docs.astral.sh/ruff/rules/syntax-error/",
        "OASIS SARIF 2.1.0 (2020), section 3.27 result objects for tool-detected problems",
    ),
    failing_example="institution President: executive\narticle 1 {\n  President apoints President.\n}\n",
    passing_example="institution President: executive\narticle 1 {\n  President issues decrees.\n}\n",
    how_to_fix="Correct the file at the line shown; the message names what was expected and the closest known word.",
    complexity="linear in the number of diagnostics",
    phase="input",
)
def syntax_error(self: Rule, context: RuleContext) -> Iterator[Finding]:
    for diagnostic in context.settings.get("input_diagnostics", ()):
        location = SourceLocation(
            file=diagnostic.file,
            line=diagnostic.line,
            column=diagnostic.column,
            end_line=diagnostic.line,
            end_column=diagnostic.column + diagnostic.width,
        )
        message = diagnostic.message + (f" ({diagnostic.help})" if diagnostic.help else "")
        text = diagnostic.source_line.strip() if diagnostic.source_line else diagnostic.message
        yield Finding(
            code=self.code,
            rule=self.name,
            severity=self.severity,
            message=message,
            evidence=(Evidence(text=text, location=location),),
            location=location,
        )


def input_error_result(path: str, error: ConstitutionError, rules: Sequence[Rule] | None = None) -> CheckResult:
    """The result for a file that could not be parsed: one CB000 finding per diagnostic."""
    catalogue = list(rules) if rules is not None else all_rules()
    chosen = next(r for r in catalogue if r.phase == "input")
    context = RuleContext(Constitution(name=path, file=path), settings={"input_diagnostics": error.diagnostics})
    findings = tuple(sort_findings(chosen.run(context)))
    return CheckResult(
        file=path,
        constitution="(not parsed)",
        findings=findings,
        counts=SeverityCounts.of(findings),
        rules_run=(chosen.code,),
    )
