"""Run the built-in rules straight from the registry (no engine, config or waivers)."""

from __future__ import annotations

from pathlib import Path

from constitution_rules.findings import Finding
from constitution_rules.graph import build_graph
from constitution_rules.language.parser import parse_file, parse_text
from constitution_rules.rules.registry import Rule, RuleContext, all_rules

HEADER = 'constitution "Test"\n'


def builtin_rules() -> list[Rule]:
    """The catalogue: every built-in rule below the engine's reserved CB900 range."""
    return [
        r
        for r in all_rules()
        if r.origin == "builtin" and r.code.startswith("CB") and int(r.code[2:]) < 900 and r.phase != "input"
    ]


def rule_named(code: str) -> Rule:
    return next(r for r in builtin_rules() if r.code == code)


def run(rule: Rule | str, text: str, settings: dict | None = None) -> list[Finding]:
    chosen = rule_named(rule) if isinstance(rule, str) else rule
    constitution = parse_text(text if text.startswith("constitution") else HEADER + text, "test.constitution")
    return chosen.run(RuleContext(constitution, build_graph(constitution), settings or {}))


def run_all(path: Path) -> list[Finding]:
    constitution = parse_file(path)
    context = RuleContext(constitution, build_graph(constitution))
    return [f for r in builtin_rules() for f in r.run(context)]


def keys(findings: list[Finding]) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return sorted((f.code, f.institutions, f.provision_ids) for f in findings)
