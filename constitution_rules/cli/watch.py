"""The ``watch`` verb: check files again whenever they are saved, and say what changed.

Saves are noticed by polling modification times (and sizes) every ``--interval`` seconds: no
dependency, and it sees every way an editor saves (in place, or by writing a new file and renaming
it over the old one, which replaces the inode a file-system watch was set on). A few hundred stat()
calls a second cost nothing next to a check.

Findings are matched between runs by their key (rule, institutions, provisions), as ``diff`` and
baselines match them, so a finding that only moved to another line is neither new nor resolved.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import click

from constitution_rules.cli.common import collect_files, exclude_option

Stamp = tuple[int, int]  # (mtime_ns, size)


@dataclass
class FileState:
    stamp: Stamp | None
    errors: tuple[str, ...] = ()
    findings: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (line for the report, severity)


def _stamp(path: Path) -> Stamp | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def _check(path: Path, stamp: Stamp | None) -> FileState:
    from constitution_rules.language.errors import ConstitutionError
    from constitution_rules.language.parser import read_source
    from constitution_rules.lsp.analysis import analyse

    try:
        text = read_source(path)
    except ConstitutionError as exc:
        return FileState(stamp, errors=tuple(d.render().splitlines()[0] for d in exc.diagnostics))
    analysis = analyse(text, str(path))
    errors = tuple(d.render().splitlines()[0] for d in analysis.errors)
    findings: dict[str, tuple[str, str]] = {}
    for finding in analysis.findings:
        where = f"{finding.location}" if finding.location else str(path)
        findings.setdefault(
            finding.key, (f"{where}: {finding.code} [{finding.severity}] {finding.message}", finding.severity)
        )
    return FileState(stamp, errors, findings)


def _summary(state: FileState) -> str:
    if state.errors:
        return f"{len(state.errors)} error{'s' * (len(state.errors) != 1)} (not checked)"
    counts = {level: sum(1 for _, s in state.findings.values() if s == level) for level in ("error", "warning", "info")}
    total = sum(counts.values())
    if not total:
        return "no findings"
    parts = [f"{n} {level}{'s' * (n != 1 and level != 'info')}" for level, n in counts.items() if n]
    return f"{total} finding{'s' * (total != 1)} (" + ", ".join(parts) + ")"


def changes(path: Path, before: FileState | None, after: FileState) -> list[str]:
    """What a report says about one file that was checked again."""
    if after.stamp is None:
        return [f"{path}: removed"]
    lines = [f"{path}: {_summary(after)}"]
    if after.errors:
        if before is None or before.errors != after.errors:
            lines += [f"  ! {error}" for error in after.errors]
        return lines
    if before is not None and before.errors:
        lines.append("  errors fixed")
    if before is None or before.stamp is None:  # first look: every finding
        lines += [f"  {text}" for text, _ in sorted(after.findings.values())]
        return lines
    previous = before.findings  # a file with errors carries the findings of its last clean check
    new = [after.findings[k][0] for k in sorted(set(after.findings) - set(previous))]
    gone = [previous[k][0] for k in sorted(set(previous) - set(after.findings))]
    lines += [f"  + new: {text}" for text in new] + [f"  - resolved: {text}" for text in gone]
    if not new and not gone:
        lines.append("  no change in findings")
    return lines


def watch_loop(
    paths: Sequence[str],
    interval: float,
    polls: int | None,
    exclude: Sequence[str] = (),
    echo: Callable[[str], None] = click.echo,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Check ``paths``, then every ``interval`` seconds check again the files whose stamp changed
    (new files under a folder are picked up); ``polls`` bounds the number of looks (None: forever)."""
    from constitution_rules.language.amendment_parser import AMENDMENT_SUFFIX
    from constitution_rules.language.parser import CONSTITUTION_SUFFIX

    suffixes = (CONSTITUTION_SUFFIX, AMENDMENT_SUFFIX)
    states: dict[Path, FileState] = {}
    look = 0
    while polls is None or look < polls:
        if look:
            sleep(interval)
        look += 1
        try:
            files = collect_files(paths, suffixes, extra_exclude=exclude)
        except click.BadParameter:
            files = []
        report: list[str] = []
        stamps = {path: _stamp(path) for path in set(files) | set(states)}
        # A changed constitution may be the base an amendment is checked against: check those again too.
        base_changed = look > 1 and any(
            path.suffix == CONSTITUTION_SUFFIX and (path not in states or states[path].stamp != stamp)
            for path, stamp in stamps.items()
        )
        for path in sorted(stamps):
            stamp = stamps[path]
            before = states.get(path)
            again = base_changed and path.suffix == AMENDMENT_SUFFIX
            if before is not None and before.stamp == stamp and not again:
                continue
            if stamp is None:
                report += changes(path, before, FileState(None))
                states.pop(path, None)
                continue
            after = _check(path, stamp)
            report += changes(path, before, after)
            if after.errors:
                after.findings = before.findings if before is not None else {}
            states[path] = after
        if look == 1:
            echo(f"watching {len(states)} file{'s' * (len(states) != 1)} (every {interval:g} s; Ctrl-C to stop)")
        if report:
            echo("\n".join(report))


@click.command("watch")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--interval", default=0.5, show_default=True, type=click.FloatRange(min=0.05), help="Seconds between looks."
)
@click.option("--polls", type=click.IntRange(min=1), help="Stop after this many looks (default: until Ctrl-C).")
@exclude_option()
def watch_command(paths: tuple[str, ...], interval: float, polls: int | None, exclude: tuple[str, ...]) -> None:
    """Check files again whenever they are saved, and print what changed.

    PATHS are files or folders (every .constitution and .amendment file under them; files added
    later are picked up). The first look prints every finding; after that, each saved file gets a
    line with its counts and the findings that are new or resolved since its last check. An
    amendment is checked against the base it amends.

    \b
    Examples:
      constitution-rules watch drafts/reform.constitution
      constitution-rules watch specs/kazakhstan --interval 1
    """
    try:
        watch_loop(paths, interval, polls, exclude)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
