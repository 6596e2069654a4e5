"""Verbs of the rule engine: ``check``, ``rules``, ``explain``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

import click

from constitution_rules.cli.common import (
    STDIN,
    collect_files,
    config_anchor,
    exclude_option,
    output_option,
    read_input,
    stdin_filename_option,
)
from constitution_rules.io import atomic_write

if TYPE_CHECKING:
    from constitution_rules.config import Config, FailOn
    from constitution_rules.findings import Finding, Severity
    from constitution_rules.rules.registry import Rule

SEVERITIES = ("error", "warning", "info")


def _split(values: Iterable[str]) -> list[str]:
    """``--select A,B --select C`` -> [A, B, C]."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _catalogue() -> list[Rule]:
    from constitution_rules.rules.registry import PluginError, all_rules

    try:
        return all_rules()
    except PluginError as exc:
        raise click.ClickException(str(exc)) from None


def _check_selectors(option: str, selectors: Sequence[str], rules: Sequence[Rule]) -> None:
    from constitution_rules.config import _selector_vocabulary, specificity
    from constitution_rules.language.errors import did_you_mean

    for selector in selectors:
        if not any(specificity(selector, r) is not None for r in rules):
            hint = did_you_mean(selector, _selector_vocabulary(rules))
            raise click.BadParameter(f"no rule matches '{selector}'" + (f"; {hint}" if hint else ""), param_hint=option)


def _severity_overrides(values: Iterable[str], rules: Sequence[Rule]) -> dict[str, Severity]:
    out: dict[str, Severity] = {}
    for value in _split(values):
        selector, sep, level = value.partition("=")
        if not sep or level not in SEVERITIES:
            raise click.BadParameter(f"expected SELECTOR=error|warning|info, got '{value}'", param_hint="--severity")
        _check_selectors("--severity", [selector], rules)
        out[selector] = cast("Severity", level)
    return out


@click.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "--output-format",
    "fmt",
    type=click.Choice(["text", "json", "sarif", "markdown", "github"]),
    default="text",
    show_default=True,
    help="Report format (--output-format is ruff's name for it).",
)
@click.option(
    "--select", multiple=True, metavar="RULES", help="Run only these rules (codes, names, prefixes; comma-separated)."
)
@click.option("--extend-select", multiple=True, metavar="RULES", help="Run these rules in addition to the selection.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Do not run these rules.")
@click.option("--severity", "severities", multiple=True, metavar="RULE=LEVEL", help="Change a rule's severity.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default=None,
    help="Exit 1 when a finding at least this severe remains [default: error, or the config's fail-on].",
)
@click.option("--statistics", is_flag=True, help="Show counts per rule instead of each finding (text).")
@click.option("-q", "--quiet", is_flag=True, help="Print the findings and nothing else (no summary line).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings reach --fail-on (bad input still exits 2).")
@click.option("--show-files", is_flag=True, help="List the files that would be checked, and exit.")
@click.option("--show-settings", is_flag=True, help="Print the settings in force for each file as JSON, and exit.")
@click.option("--show-waived", is_flag=True, help="List waived findings too (text, markdown).")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Only findings absent from this baseline fail.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record today's findings as a baseline.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Use this config file only.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@exclude_option()
@output_option()
@stdin_filename_option()
def check_command(
    paths: tuple[str, ...],
    fmt: str,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    severities: tuple[str, ...],
    fail_on: str | None,
    statistics: bool,
    quiet: bool,
    exit_zero: bool,
    show_files: bool,
    show_settings: bool,
    show_waived: bool,
    baseline: str | None,
    write_baseline: str | None,
    config_file: str | None,
    isolated: bool,
    exclude: tuple[str, ...],
    output: str,
    stdin_filename: str | None,
) -> None:
    """Check constitutions for concentrated authority and missing oversight.

    PATHS are files or folders (every .constitution file under them), or '-' for standard input
    (named by --stdin-filename in messages and reports). Settings come from
    [tool.constitution-rules] in pyproject.toml or from constitution-rules.toml, found upward from
    each file; flags override them. Exit 0 when nothing reaches --fail-on, 1 when something does,
    2 on bad input.

    \b
    Examples:
      constitution-rules check specs/kazakhstan/2022.constitution
      constitution-rules check specs/ --select CB1 --ignore unused-waiver
      constitution-rules check draft.constitution --format sarif -o results.sarif
      constitution-rules check specs/ --write-baseline baseline.json
      constitution-rules check specs/ --baseline baseline.json --fail-on warning
      constitution-rules check - --stdin-filename drafts/reform.constitution < buffer.txt
    """
    from constitution_rules.config import Config, config_for, load_config
    from constitution_rules.language.errors import ConstitutionError
    from constitution_rules.language.parser import parse_text
    from constitution_rules.reports import FileReport, Report, renderer
    from constitution_rules.reports.baseline import Baseline
    from constitution_rules.reports.baseline import write_baseline as save_baseline
    from constitution_rules.rules.engine import RuleFailure, input_error_result, run_rules

    if isolated and config_file:
        raise click.UsageError("--config and --isolated cannot be used together")
    rules = _catalogue()
    selected, extended, ignored = _split(select), _split(extend_select), _split(ignore)
    for option, selectors in (("--select", selected), ("--extend-select", extended), ("--ignore", ignored)):
        _check_selectors(option, selectors, rules)
    severity = _severity_overrides(severities, rules)
    if STDIN in paths and len(paths) > 1:
        raise click.UsageError("'-' (standard input) cannot be mixed with other paths")
    files: list[Any] = [STDIN] if STDIN in paths else collect_files(paths, extra_exclude=exclude)
    if not files:
        # As ruff and fmt --check do: nothing to check is a warning, not bad input.
        click.echo("warning: no .constitution files found in " + ", ".join(paths), err=True)
        return
    if show_files:
        atomic_write(output, "".join(f"{path}\n" for path in files))
        return

    shared: Config | None = Config() if isolated else (load_config(config_file) if config_file else None)
    if show_settings:
        atomic_write(output, _settings_json(files, shared, rules, selected, extended, ignored, severity, fail_on))
        return
    accepted = Baseline.load(baseline) if baseline else None

    parsed = []
    problems: list[ConstitutionError] = []
    reports: list[FileReport] = []
    ran: dict[str, Rule] = {}
    for source in files:
        try:
            text, name = read_input(str(source), stdin_filename)
            parsed.append((name, config_anchor(str(source), stdin_filename), parse_text(text, name)))
        except ConstitutionError as exc:
            # Reported as CB000 findings in every format; the other files are still checked.
            problems.append(exc)
            shown = exc.diagnostics[0].file if exc.diagnostics else str(source)
            result = input_error_result(shown, exc, rules)
            ran.update({r.code: r for r in rules if r.code in result.rules_run})
            reports.append(FileReport(path=shown, result=result))

    for path, anchor, constitution in parsed:
        config = (shared or config_for(anchor)).with_overrides(
            select=selected or None,
            extend_select=extended,
            ignore=ignored,
            severity=severity,
            fail_on=cast("FailOn | None", fail_on),
        )
        try:  # no graph: the rules build it only if one reads it, so check need not import networkx
            result = run_rules(constitution, config=config, rules=rules)
        except RuleFailure as exc:
            raise click.ClickException(f"{path}: {exc}") from None
        ran.update({r.code: r for r in rules if r.code in result.rules_run})
        baselined: list[Finding] = []
        if accepted is not None:
            baselined = [f for f in result.findings if accepted.absorb(str(path), f)]
            result = result.replace_findings(f for f in result.findings if not any(f is b for b in baselined))
        metrics = _metrics(constitution, config) if fmt == "json" else None
        reports.append(
            FileReport(
                path=str(path), result=result, metrics=metrics, baselined=tuple(baselined), fail_on=config.fail_on
            )
        )

    report = Report(
        files=tuple(reports),
        rules=tuple(ran[c] for c in sorted(ran)),
        fail_on=fail_on or _common_fail_on(reports),
        show_waived=show_waived,
        statistics=statistics,
        baseline=baseline,
        quiet=quiet,
    )
    atomic_write(output, renderer(fmt)(report), inputs=[str(f) for f in files if f != STDIN])
    if write_baseline:
        everything = [(f.path, finding) for f in reports for finding in (*f.result.findings, *f.baselined)]
        save_baseline(everything, write_baseline)
        if not quiet:
            click.echo(f"wrote {write_baseline} ({sum(1 for _, x in everything if not x.waived)} findings)", err=True)
        return
    if problems:
        # The report holds them as CB000; the full diagnostics, with the line and its caret, go to
        # standard error unless the text report already printed them to a terminal's standard output.
        if fmt != "text" or output != "-":
            click.echo("\n\n".join(str(p) for p in problems), err=True)
        click.echo(f"{len(problems)} of {len(files)} files could not be checked", err=True)
        sys.exit(2)
    if report.failing and not exit_zero:
        sys.exit(1)


def _metrics(constitution: Any, config: Config) -> dict[str, Any]:
    """The balance metrics of a file for the json report (the graph is not needed: none is built)."""
    from constitution_rules.metrics import compute_metrics

    value = compute_metrics(constitution, None, {"weights": dict(config.weights)})
    dumped = value.model_dump(mode="json") if hasattr(value, "model_dump") else value
    return cast("dict[str, Any]", json.loads(json.dumps(dumped, sort_keys=True)))


def _settings_json(
    files: Sequence[Any],
    shared: Config | None,
    rules: Sequence[Rule],
    selected: list[str],
    extended: list[str],
    ignored: list[str],
    severity: dict[str, Severity],
    fail_on: str | None,
) -> str:
    """The settings each file is checked with, as ruff's --show-settings: where they come from, the
    rules that run, and every value in force after the command line is layered on."""
    from constitution_rules.config import config_for

    out = []
    for path in files:
        config = (shared or config_for(path)).with_overrides(
            select=selected or None,
            extend_select=extended,
            ignore=ignored,
            severity=severity,
            fail_on=cast("FailOn | None", fail_on),
        )
        values = config.model_dump(mode="json", by_alias=True)
        out.append(
            {
                "file": str(path),
                "config_file": config.source,
                "rules": [r.code for r in config.selected(rules)],
                "settings": dict(sorted(values.items())),
            }
        )
    return json.dumps({"schema_version": "1", "files": out}, indent=2, ensure_ascii=False) + "\n"


def _common_fail_on(reports: Sequence[Any]) -> str:
    levels = sorted({r.fail_on for r in reports})
    return levels[0] if len(levels) == 1 else "per-file config"


@click.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.option("--select", multiple=True, metavar="RULES", help="List only these rules (codes, names, prefixes).")
@output_option()
def rules_command(fmt: str, select: tuple[str, ...], output: str) -> None:
    """List the rule catalogue: code, name, severity and summary of every rule.

    \b
    Examples:
      constitution-rules rules
      constitution-rules rules --select CB1 --format json
    """
    from constitution_rules.config import Config

    rules = _catalogue()
    selectors = _split(select)
    _check_selectors("--select", selectors, rules)
    chosen = Config(select=tuple(selectors)).selected(rules) if selectors else rules
    if fmt == "json":
        payload = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity,
                "category": r.category,
                "summary": r.summary,
                "parameters": dict(sorted(r.parameters.items())),
                "origin": r.origin,
            }
            for r in chosen
        ]
        text = json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    elif fmt == "markdown":
        from constitution_rules.rules.docs import catalogue_markdown

        text = catalogue_markdown(chosen)
    else:
        text = _rules_table(chosen)
    atomic_write(output, text)


def _rules_table(rules: Sequence[Rule]) -> str:
    if not rules:
        return "no rules\n"
    code_w = max(len(r.code) for r in rules)
    name_w = max(len(r.name) for r in rules)
    lines = [f"{r.code:<{code_w}}  {r.name:<{name_w}}  {r.severity:<7}  {r.summary}" for r in rules]
    return "\n".join(lines) + "\n"


@click.command("explain")
@click.argument("rule")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def explain_command(rule: str, fmt: str) -> None:
    """Explain one rule: what it flags, why it matters, examples, how to fix, parameters.

    RULE is a code (CB103) or a name (appoint-and-dismiss-at-will).

    \b
    Examples:
      constitution-rules explain CB900
      constitution-rules explain unused-waiver
    """
    from constitution_rules.language.errors import did_you_mean
    from constitution_rules.rules.docs import rule_markdown

    rules = _catalogue()
    found = next((r for r in rules if r.code == rule.upper() or r.name == rule), None)
    if found is None:
        hint = did_you_mean(rule, [r.code for r in rules] + [r.name for r in rules])
        raise click.ClickException(
            f"no rule '{rule}'" + (f"; {hint}" if hint else "") + " (list them with `constitution-rules rules`)"
        )
    if fmt == "json":
        payload = {
            "code": found.code,
            "name": found.name,
            "severity": found.severity,
            "category": found.category,
            "summary": found.summary,
            "what_it_flags": found.what_it_flags,
            "why_it_matters": found.why_it_matters,
            "references": list(found.references),
            "failing_example": found.failing_example,
            "passing_example": found.passing_example,
            "how_to_fix": found.how_to_fix,
            "parameters": dict(sorted(found.parameters.items())),
            "complexity": found.complexity,
        }
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=True))
    else:
        click.echo(rule_markdown(found, level=1), nl=False)
