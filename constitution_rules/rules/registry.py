"""The rule registry, in the manner of ruff: each rule is metadata plus one pure function.

A rule function takes a :class:`RuleContext` (the model, the graph, the configured thresholds)
and yields :class:`~constitution_rules.findings.Finding` objects. It must not mutate anything
and must yield findings in a deterministic order.

Built-in rules register themselves with :func:`rule` when their family module is imported;
third-party rules are discovered through the ``constitution_rules.rules`` entry-point group
(each entry point names a module to import, or a :class:`Rule` object, or a list of them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from constitution_rules.findings import Evidence, Finding, Severity
from constitution_rules.model import Constitution, PowerClause, SourceLocation


@dataclass(frozen=True)
class RuleContext:
    """What a rule sees: the model, its power graph, and the settings in force."""

    constitution: Constitution
    graph: nx.MultiDiGraph
    settings: Mapping[str, Any] = field(default_factory=dict)

    def setting(self, rule: Rule, name: str) -> Any:
        """A rule's threshold: the configured value, else the rule's documented default."""
        per_rule = self.settings.get(rule.code, {}) or self.settings.get(rule.name, {})
        if name in per_rule:
            return per_rule[name]
        if name in self.settings:
            return self.settings[name]
        return rule.parameters[name]


RuleFunction = Callable[["Rule", RuleContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A rule's metadata and its check. ``code`` never changes meaning once released."""

    code: str
    name: str
    severity: Severity
    category: str
    summary: str
    what_it_flags: str
    why_it_matters: str
    references: tuple[str, ...]
    failing_example: str
    passing_example: str
    how_to_fix: str
    check: RuleFunction
    parameters: Mapping[str, Any] = field(default_factory=dict)
    complexity: str = "linear in the number of clauses"

    def run(self, context: RuleContext) -> list[Finding]:
        return list(self.check(self, context))

    def finding(
        self,
        message: str,
        institutions: Iterable[str] = (),
        clauses: Iterable[PowerClause] = (),
        location: SourceLocation | None = None,
        extra_evidence: Iterable[Evidence] = (),
    ) -> Finding:
        """A finding of this rule whose evidence is the given clauses, in source order."""
        from constitution_rules.language.printer import clause_text

        ordered = sorted(set(clauses), key=lambda c: (c.provision_id, c.id))
        evidence = [
            Evidence(
                provision_id=c.provision_id,
                clause_id=c.id,
                citation=c.citation,
                text=clause_text(c),
                location=c.location,
            )
            for c in ordered
        ]
        evidence.extend(extra_evidence)
        if location is None:
            location = next((e.location for e in evidence if e.location is not None), None)
        return Finding(
            code=self.code,
            rule=self.name,
            severity=self.severity,
            message=message,
            institutions=tuple(sorted(set(institutions))),
            evidence=tuple(evidence),
            location=location,
        )


_REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    *,
    severity: Severity,
    category: str,
    summary: str,
    what_it_flags: str,
    why_it_matters: str,
    references: Iterable[str],
    failing_example: str,
    passing_example: str,
    how_to_fix: str,
    parameters: Mapping[str, Any] | None = None,
    complexity: str = "linear in the number of clauses",
) -> Callable[[RuleFunction], RuleFunction]:
    """Decorator: register ``check`` as rule ``code``."""

    def register(check: RuleFunction) -> RuleFunction:
        register_rule(
            Rule(
                code=code,
                name=name,
                severity=severity,
                category=category,
                summary=summary,
                what_it_flags=what_it_flags,
                why_it_matters=why_it_matters,
                references=tuple(references),
                failing_example=failing_example,
                passing_example=passing_example,
                how_to_fix=how_to_fix,
                check=check,
                parameters=dict(parameters or {}),
                complexity=complexity,
            )
        )
        return check

    return register


def register_rule(new: Rule) -> None:
    existing = _REGISTRY.get(new.code)
    if existing is not None and existing.check is not new.check:
        raise ValueError(f"rule code {new.code} is registered twice ({existing.name}, {new.name})")
    if any(r.name == new.name and r.code != new.code for r in _REGISTRY.values()):
        raise ValueError(f"rule name {new.name} is registered twice")
    _REGISTRY[new.code] = new


def all_rules() -> list[Rule]:
    """Every registered rule (built-in families and plugins), sorted by code."""
    _load_builtin()
    return [_REGISTRY[code] for code in sorted(_REGISTRY)]


def _load_builtin() -> None:
    from constitution_rules.rules import BUILTIN_FAMILIES  # noqa: F401 - importing registers the rules


def iter_rules() -> Iterator[Rule]:
    yield from all_rules()
