"""A :class:`ConstitutionDiff` as text, JSON, or a Markdown pull-request comment with a Mermaid picture."""

from __future__ import annotations

import json
import re
from typing import Any

from constitution_rules.diff import INDEX_PREFIXES, ConstitutionDiff, FindingChange, MetricDelta, PowerChange
from constitution_rules.display import text_lines

SYMBOLS = {"added": "+", "removed": "-", "changed": "~", "moved": ">"}


def _side_name(diff: ConstitutionDiff, which: str) -> str:
    side = diff.old if which == "old" else diff.new
    return f"{side.file}" + (f" ({side.version})" if side.version else "")


def _number(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value) or "(none)"


def _delta(metric: MetricDelta) -> str:
    delta = metric.delta
    if delta is None:
        return "changed" if metric.changed else ""
    return f"{delta:+.4f}" if delta else "0"


def _power_line(change: PowerChange) -> str:
    if change.kind == "added" and change.new:
        return f"{change.new.text}.  [{change.new.citation}]"
    if change.kind == "removed" and change.old:
        return f"{change.old.text}.  [{change.old.citation}]"
    assert change.old is not None and change.new is not None
    if change.kind == "moved":
        return f"{change.new.text}.  [{change.old.citation} -> {change.new.citation}]"
    return f"{change.old.text}.  [{change.old.citation}]\n      now: {change.new.text}.  [{change.new.citation}]"


def _finding_line(change: FindingChange) -> str:
    f = change.finding
    where = ", ".join(sorted({e.citation for e in f.evidence if e.citation}))
    loc = f" {f.location}" if f.location and f.location.line > 0 else ""
    waived = " (waived)" if f.waived else ""
    return f"{f.code} {f.severity}{waived}: {f.message}" + (f" [{where}]" if where else "") + loc


def changed_metrics(diff: ConstitutionDiff) -> list[MetricDelta]:
    return [m for m in diff.metrics if m.changed and not m.name.startswith(INDEX_PREFIXES)]


def changed_indices(diff: ConstitutionDiff) -> list[MetricDelta]:
    """Index items that flip and index scores that move (PPI, Shugart-Carey)."""
    return [m for m in diff.metrics if m.changed and m.name.startswith(INDEX_PREFIXES)]


def render_text(diff: ConstitutionDiff, fail_on: str = "never") -> str:
    out = [f"diff {_side_name(diff, 'old')} -> {_side_name(diff, 'new')}"]
    for label in diff.amendments:
        out.append(f"  amendment: {label}")
    for before, after in diff.renamed.items():
        out.append(f"  renamed: {before} -> {after}")
    out.append("")
    out.append(f"Powers ({len(diff.powers)} changes)")
    for institution, changes in diff.powers_by_institution().items():
        out.append(f"  {institution}")
        out.extend(f"    {SYMBOLS[c.kind]} {_power_line(c)}" for c in changes)
    if not diff.powers:
        out.append("  no power changes")
    out.append("")
    new, resolved, same = diff.findings_with("new"), diff.findings_with("resolved"), diff.findings_with("unchanged")
    changed = diff.findings_with("changed")
    out.append(f"Findings: {len(new)} new, {len(resolved)} resolved, {len(changed)} changed, {len(same)} unchanged")
    out.extend(f"  + {_finding_line(c)}" for c in new)
    out.extend(f"  - {_finding_line(c)}" for c in resolved)
    out.extend(f"  ~ {_finding_line(c)}" for c in changed)
    out.append("")
    moved = changed_metrics(diff)
    out.append(
        f"Metrics ({len(moved)} changed of {sum(1 for m in diff.metrics if not m.name.startswith(INDEX_PREFIXES))})"
    )
    for metric in moved:
        out.append(f"  {metric.name}: {_number(metric.old)} -> {_number(metric.new)} ({_delta(metric)})")
    flipped = changed_indices(diff)
    out.append("")
    out.append(f"Indices ({len(flipped)} changed)")
    for metric in flipped:
        out.append(f"  {metric.name}: {_number(metric.old)} -> {_number(metric.new)} ({_delta(metric)})")
    if fail_on != "never":
        verdict = "FAIL" if diff.fails(fail_on) else "ok"
        out.append("")
        out.append(f"gate --fail-on {fail_on}: {verdict}")
    return text_lines(out)


#: Changes only when a field is removed or changes meaning; new fields keep the version.
DIFF_SCHEMA_VERSION = "1"


def render_json(diff: ConstitutionDiff, fail_on: str = "never") -> str:
    data = {"schema_version": DIFF_SCHEMA_VERSION, **diff.model_dump(mode="json")}
    for metric, raw in zip(diff.metrics, data["metrics"], strict=True):
        raw["delta"] = metric.delta
    data["summary"] = {
        "powers": {k: sum(1 for c in diff.powers if c.kind == k) for k in ("added", "removed", "changed", "moved")},
        "findings": {s: len(diff.findings_with(s)) for s in ("new", "resolved", "changed", "unchanged")},
        "fail_on": fail_on,
        "fails": diff.fails(fail_on),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# ---- markdown -------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Spec text escaped for Markdown (``|`` included, so it stays inside its table cell)."""
    from constitution_rules.reports.markdown import md

    return md(text)


def _mermaid_id(name: str) -> str:
    return "n_" + re.sub(r"[^A-Za-z0-9_]", "_", name)


def _mermaid_label(text: str) -> str:
    return text.replace('"', "'")


def mermaid(diff: ConstitutionDiff) -> list[str]:
    """Only what changed: each added power a thick green arrow, each removed one a dashed red one."""
    edges: list[tuple[str, str, str, str]] = []  # (kind, actor, target, verb)
    for change in diff.powers:
        if change.kind not in ("added", "removed", "changed"):
            continue
        for kind, side in (("removed", change.old), ("added", change.new)):
            if side is None or (change.kind != "changed" and change.kind != kind):
                continue
            edges.append((kind, side.actor, side.target, side.verb))
    if not edges:
        return []
    nodes = sorted({e[1] for e in edges} | {e[2] for e in edges})
    lines = ["```mermaid", "flowchart LR"]
    lines.extend(f'  {_mermaid_id(n)}["{_mermaid_label(n)}"]' for n in nodes)
    styles = []
    for index, (kind, actor, target, verb) in enumerate(edges):
        arrow = "==>" if kind == "added" else "-.->"
        sign = "+" if kind == "added" else "−"
        lines.append(f'  {_mermaid_id(actor)} {arrow}|"{sign} {_mermaid_label(verb)}"| {_mermaid_id(target)}')
        colour = "#1a7f37" if kind == "added" else "#cf222e"
        styles.append(f"  linkStyle {index} stroke:{colour},stroke-width:2px")
    lines.extend(styles)
    lines.append("```")
    return lines


def _delta_table(title: str, column: str, deltas: list[MetricDelta], empty: str) -> list[str]:
    out = ["", f"### {title}", ""]
    if not deltas:
        return [*out, empty]
    out += [f"| {column} | before | after | change |", "|---|---:|---:|---:|"]
    out += [f"| {m.name} | {_md(_number(m.old))} | {_md(_number(m.new))} | {_md(_delta(m))} |" for m in deltas]
    return out


def render_markdown(diff: ConstitutionDiff, fail_on: str = "never") -> str:
    new, resolved, same = diff.findings_with("new"), diff.findings_with("resolved"), diff.findings_with("unchanged")
    changed = diff.findings_with("changed")
    from constitution_rules.reports.markdown import code

    title = _md(" + ".join(diff.amendments)) if diff.amendments else code(diff.new.file)
    out = [f"## Constitutional impact: {title}", ""]
    version = f" ({_md(diff.old.version)})" if diff.old.version else ""
    out.append(f"Compared with {code(diff.old.file)}{version}.")
    out.append("")
    counts = {k: sum(1 for c in diff.powers if c.kind == k) for k in ("added", "removed", "changed", "moved")}
    out.append(
        f"**Powers:** {counts['added']} added, {counts['removed']} removed, {counts['changed']} changed, "
        f"{counts['moved']} moved · **Findings:** {len(new)} new, {len(resolved)} resolved, "
        f"{len(changed)} changed, {len(same)} unchanged"
    )
    if fail_on != "never":
        verdict = "❌ fails" if diff.fails(fail_on) else "✅ passes"
        out.append(f"· **Gate** `--fail-on {fail_on}`: {verdict}")
    out.append("")
    picture = mermaid(diff)
    if picture:
        out.extend(["### What moved", "", *picture, ""])
    if diff.renamed:
        out.append("Renamed: " + ", ".join(f"`{a}` → `{b}`" for a, b in diff.renamed.items()))
        out.append("")
    out.extend(["### Powers", ""])
    if diff.powers:
        out.append("| institution | change | before | after |")
        out.append("|---|---|---|---|")
        for institution, changes in diff.powers_by_institution().items():
            for c in changes:
                before = f"{_md(c.old.text)} ({c.old.citation})" if c.old else ""
                after = f"{_md(c.new.text)} ({c.new.citation})" if c.new else ""
                out.append(f"| {institution} | {c.kind} | {before} | {after} |")
    else:
        out.append("No power changes.")
    out.extend(["", "### Findings", ""])
    if new or resolved or changed:
        out.append("| | rule | severity | message | articles |")
        out.append("|---|---|---|---|---|")
        for sign, found in (("🆕 new", new), ("✔️ resolved", resolved), ("✏️ changed", changed)):
            for fc in found:
                f = fc.finding
                where = ", ".join(sorted({e.citation for e in f.evidence if e.citation}))
                severity = f.severity + (" (waived)" if f.waived else "")
                out.append(f"| {sign} | {f.code} | {severity} | {_md(f.message)} | {where} |")
    else:
        out.append("No new, resolved or changed findings.")
    out.append(f"\n{len(same)} findings unchanged.")
    out += _delta_table("Balance metrics", "metric", changed_metrics(diff), "No metric changed.")
    out += _delta_table(
        "Indices (Parliamentary Powers Index, Shugart-Carey)",
        "item or score",
        changed_indices(diff),
        "No index item or score changed.",
    )
    out.append("")
    return "\n".join(out)
