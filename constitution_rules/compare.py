"""Constitutions side by side, as a comparative-politics table: the balance metrics, and four
aspects a reader thinks in, each cell a level with the clauses behind it.

The levels are read off the clauses with fixed, documented cut-offs (see each aspect function), so
two constitutions are compared by the same yardstick; the clauses are listed so a reader can check.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from constitution_rules import model as m
from constitution_rules.display import text_lines
from constitution_rules.language import printer
from constitution_rules.vocabulary import DEFAULT_INDEPENDENT_KINDS, EXECUTIVE_KINDS

CHECK_ROLES = ("consent", "review", "override")
DIRECT_CHECK_VERBS = frozenset(
    {
        "impeaches",
        "removes",
        "votes no confidence in",
        "censures",
        "questions",
        "hears reports of",
        "investigates",
        "reviews",
        "annuls",
        "audits",
    }
)


@dataclass
class Cell:
    level: str
    summary: str
    clauses: list[str] = field(default_factory=list)


@dataclass
class Column:
    label: str
    file: str
    metrics: dict[str, float] = field(default_factory=dict)
    aspects: dict[str, Cell] = field(default_factory=dict)


ASPECTS = (
    ("lawmaking", "Legislature's lawmaking power"),
    ("executive_checked", "Executive checked by parliament and courts"),
    ("appointments", "Who controls appointments to courts and independent bodies"),
    ("participation", "Popular participation"),
)


def _kinds(constitution: m.Constitution) -> dict[str, set[str]]:
    return {i.id: set(i.kinds) for i in constitution.institutions}


def _is(kinds: dict[str, set[str]], name: str, group: frozenset[str] | set[str]) -> bool:
    found = kinds.get(name, set())
    return bool(found & group) and "local" not in found


def _cite(clause: m.PowerClause) -> str:
    return f"{printer.clause_text(clause)} ({clause.citation})"


def _level(value: float, high: float, medium: float, words: Sequence[str] = ("high", "medium", "low")) -> str:
    return words[0] if value >= high else words[1] if value >= medium else words[2]


def lawmaking(constitution: m.Constitution, shares: dict[str, dict[str, float]]) -> Cell:
    """The legislatures' part of all weighted lawmaking and budget power: high from 1/2, medium from 3/10."""
    kinds = _kinds(constitution)
    total = sum(v for by in shares.values() for c, v in by.items() if c in ("lawmaking", "budget"))
    held = sum(
        v
        for name, by in shares.items()
        if _is(kinds, name, {"legislature"})
        for c, v in by.items()
        if c in ("lawmaking", "budget")
    )
    part = held / total if total else 0.0
    clauses = [
        _cite(c)
        for c in constitution.clauses
        if c.category in ("lawmaking", "budget")
        and (
            _is(kinds, c.actor, {"legislature"})
            or (_is(kinds, c.actor, EXECUTIVE_KINDS) and c.verb in ("issues", "vetoes"))
        )
    ]
    return Cell(_level(part, 0.5, 0.3), f"{part:.0%} of lawmaking and budget power", clauses)


def executive_checked(constitution: m.Constitution) -> Cell:
    """Executive powers that need a legislature's or a court's consent, review or override, plus the
    direct checks they hold on the executive: high when half the powers are checked, medium from a quarter."""
    kinds = _kinds(constitution)
    checkers = {"legislature", "judiciary", "constitutional-review", "judicial-council"}
    executive = [c for c in constitution.clauses if _is(kinds, c.actor, EXECUTIVE_KINDS)]
    checked = [
        c
        for c in executive
        if any(x.type in CHECK_ROLES and _is(kinds, getattr(x, "institution", ""), checkers) for x in c.conditions)
    ]
    direct = [
        c
        for c in constitution.clauses
        if _is(kinds, c.actor, checkers)
        and c.target_type == "institution"
        and _is(kinds, c.target, EXECUTIVE_KINDS)
        and c.verb in DIRECT_CHECK_VERBS
    ]
    part = len(checked) / len(executive) if executive else 1.0
    summary = f"{len(checked)} of {len(executive)} executive powers need their say; {len(direct)} direct checks"
    return Cell(_level(part, 0.5, 0.25), summary, [_cite(c) for c in checked + direct])


def appointments(constitution: m.Constitution) -> Cell:
    """Selections of courts and independent bodies made by the executive with no one else's consent:
    executive-dominated from 3/5 of them, shared from 3/10, else independent."""
    kinds = _kinds(constitution)
    bodies = set(DEFAULT_INDEPENDENT_KINDS)
    selections = [
        c
        for c in constitution.clauses
        if c.category == "selection"
        and c.target_type == "institution"
        and _is(kinds, c.target, bodies)
        and c.verb != "nominates"
    ]

    def alone(c: m.PowerClause) -> bool:
        others = [getattr(x, "institution", "") for x in c.conditions if x.type in ("consent", "proposal")]
        return _is(kinds, c.actor, EXECUTIVE_KINDS) and not any(
            o and not _is(kinds, o, EXECUTIVE_KINDS) for o in others
        )

    by_executive = [c for c in selections if alone(c)]
    part = len(by_executive) / len(selections) if selections else 0.0
    level = _level(part, 0.6, 0.3, ("executive-dominated", "shared", "independent"))
    summary = f"{len(by_executive)} of {len(selections)} selections by the executive alone"
    return Cell(level, summary, [_cite(c) for c in selections])


def participation(constitution: m.Constitution) -> Cell:
    """Channels the electorate holds: elections, referendums, initiative, recall, access to the
    constitutional court. High with four or more, medium with two or three."""
    kinds = _kinds(constitution)
    people = {n for n, k in kinds.items() if "electorate" in k}
    channels: dict[str, list[str]] = {}
    for c in constitution.clauses:
        proposer = any(getattr(x, "institution", None) in people for x in c.conditions if x.type == "proposal")
        if c.actor in people:
            if c.verb == "elects":
                channels.setdefault("elections", []).append(_cite(c))
            elif c.target in ("referendum", "constitution"):
                channels.setdefault("referendums", []).append(_cite(c))
            elif c.verb == "initiates":
                channels.setdefault("initiative and petitions", []).append(_cite(c))
            elif c.verb == "recalls":
                channels.setdefault("recall", []).append(_cite(c))
        elif proposer and _is(kinds, c.actor, {"constitutional-review"}):
            channels.setdefault("access to the constitutional court", []).append(_cite(c))
        elif proposer:
            channels.setdefault("initiative and petitions", []).append(_cite(c))
    names = sorted(channels)
    level = "high" if len(names) >= 4 else "medium" if len(names) >= 2 else "low"
    return Cell(level, ", ".join(names) or "none", [c for n in names for c in channels[n]])


def column(constitution: m.Constitution, label: str, config: Any = None) -> Column:
    from constitution_rules.graph import build_graph
    from constitution_rules.metrics import compute_metrics

    metrics = compute_metrics(
        constitution, build_graph(constitution), {"weights": dict(config.weights)} if config else None
    )
    kinds = _kinds(constitution)
    shares = {s.institution: dict(s.by_category) for s in metrics.shares}
    top = max(metrics.shares, key=lambda s: (s.share, s.institution), default=None)
    values = {
        "HHI": metrics.hhi,
        "effective number of power holders": metrics.effective_number,
        "oversight coverage": metrics.oversight_coverage,
        "head of state share": round(
            sum(s.share for s in metrics.shares if "head-of-state" in kinds.get(s.institution, ())), 4
        ),
        "legislature share": round(
            sum(s.share for s in metrics.shares if _is(kinds, s.institution, {"legislature"})), 4
        ),
        "largest share": top.share if top else 0.0,
    }
    return Column(
        label=label,
        file=constitution.file,
        metrics=values,
        aspects={
            "lawmaking": lawmaking(constitution, shares),
            "executive_checked": executive_checked(constitution),
            "appointments": appointments(constitution),
            "participation": participation(constitution),
        },
    )


def compare(items: Iterable[tuple[m.Constitution, str]], config: Any = None) -> list[Column]:
    return [column(c, label, config) for c, label in items]


#: Changes only when a field is removed or changes meaning; new fields keep the version.
COMPARE_SCHEMA_VERSION = "1"


def compare_json(columns: list[Column]) -> str:
    data = [
        {
            "label": c.label,
            "file": c.file,
            "metrics": c.metrics,
            "aspects": {
                k: {"level": v.level, "summary": v.summary, "clauses": v.clauses} for k, v in c.aspects.items()
            },
        }
        for c in columns
    ]
    return json.dumps({"schema_version": COMPARE_SCHEMA_VERSION, "columns": data}, indent=2, ensure_ascii=False) + "\n"


def compare_markdown(columns: list[Column]) -> str:
    from constitution_rules.reports.markdown import md as esc

    out = ["| | " + " | ".join(esc(c.label) for c in columns) + " |", "|---|" + "---|" * len(columns)]
    for name in columns[0].metrics if columns else []:
        out.append(f"| {name} | " + " | ".join(f"{c.metrics[name]:.3f}" for c in columns) + " |")
    for key, title in ASPECTS:
        cells = []
        for c in columns:
            cell = c.aspects[key]
            listed = "<br>".join(esc(x) for x in cell.clauses[:8]) + ("<br>…" if len(cell.clauses) > 8 else "")
            cells.append(f"**{cell.level}**: {esc(cell.summary)}" + (f"<br>{listed}" if listed else ""))
        out.append(f"| {title} | " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def compare_text(columns: list[Column]) -> str:
    out = []
    width = max([len(n) for n in (columns[0].metrics if columns else {})] + [10])
    out.append(" " * width + "  " + "  ".join(c.label.ljust(24) for c in columns).rstrip())
    for name in columns[0].metrics if columns else []:
        out.append(name.ljust(width) + "  " + "  ".join(f"{c.metrics[name]:<24.3f}" for c in columns).rstrip())
    for key, title in ASPECTS:
        out.append("")
        out.append(title)
        for c in columns:
            cell = c.aspects[key]
            out.append(f"  {c.label}: {cell.level} ({cell.summary})")
            out.extend(f"    {x}" for x in cell.clauses)
    return text_lines(out)
