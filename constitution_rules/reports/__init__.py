"""Reports of a check: text (ruff style), json (versioned schema), SARIF 2.1.0, markdown.

Every renderer takes a :class:`Report` and returns a string; the same report always renders to the
same bytes (findings are sorted by the engine, rules by code, files by path, keys explicitly).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from constitution_rules.findings import Finding
from constitution_rules.rules.engine import CheckResult, SeverityCounts
from constitution_rules.rules.registry import Rule

FORMATS: tuple[str, ...] = ("text", "json", "sarif", "markdown", "github")


@dataclass(frozen=True)
class FileReport:
    """One checked file: its result, its balance metrics (json only), and what the baseline hid."""

    path: str
    result: CheckResult
    metrics: Mapping[str, Any] | None = None
    baselined: tuple[Finding, ...] = ()
    fail_on: str = "error"


@dataclass(frozen=True)
class Report:
    """Everything the renderers need: the files, the rules that ran, and the display options."""

    files: tuple[FileReport, ...]
    rules: tuple[Rule, ...]
    fail_on: str = "error"
    show_waived: bool = False
    statistics: bool = False
    quiet: bool = False
    baseline: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def findings(self) -> list[Finding]:
        return [f for file in self.files for f in file.result.findings]

    @property
    def active(self) -> list[Finding]:
        return [f for f in self.findings if not f.waived]

    @property
    def counts(self) -> SeverityCounts:
        return SeverityCounts.of(self.active)

    @property
    def waived(self) -> int:
        return sum(file.result.waived for file in self.files)

    @property
    def baselined(self) -> int:
        return sum(len(file.baselined) for file in self.files)

    @property
    def failing(self) -> bool:
        """Whether any file has an active finding at its fail-on level (the CLI flag or its config)."""
        return any(file.result.reaches(file.fail_on) for file in self.files)

    def rule(self, code: str) -> Rule | None:
        return next((r for r in self.rules if r.code == code), None)

    def statistics_rows(self) -> list[tuple[int, str, str, int]]:
        """(count, code, name, waived count) per rule with findings, most frequent first."""
        active = Counter(f.code for f in self.active)
        waived = Counter(f.code for f in self.findings if f.waived)
        names = {f.code: f.rule for f in self.findings}
        codes = set(active) | set(waived)
        return sorted(((active[c], c, names[c], waived[c]) for c in codes), key=lambda row: (-row[0], row[1]))


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def severity_summary(counts: SeverityCounts) -> str:
    return f"{plural(counts.error, 'error')}, {plural(counts.warning, 'warning')}, {counts.info} info"


def renderer(fmt: str) -> Callable[[Report], str]:
    """The render function of a format."""
    if fmt == "text":
        from constitution_rules.reports.text import render_text

        return render_text
    if fmt == "json":
        from constitution_rules.reports.json import render_json

        return render_json
    if fmt == "sarif":
        from constitution_rules.reports.sarif import render_sarif

        return render_sarif
    if fmt == "markdown":
        from constitution_rules.reports.markdown import render_markdown

        return render_markdown
    if fmt == "github":
        from constitution_rules.reports.github import render_github

        return render_github
    raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")
