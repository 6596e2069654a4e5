"""What an amendment changes: powers moved, findings that appear or go away, metrics that shift.

Old and new are matched the way a reader matches them, not by line numbers: clauses by their
canonical text (after the amendment's renamings), provisions through the amendment's renumberings
(or, between two constitution files, by identical content), findings by their key (rule,
institutions, provision ids) translated the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from constitution_rules import model as m
from constitution_rules.findings import SEVERITY_ORDER, Finding
from constitution_rules.language import printer

ChangeKind = Literal["added", "removed", "changed", "moved"]
FAIL_ON = ("new-error", "new-warning", "never")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ClauseSide(_Frozen):
    """One side of a power change: the clause as written, and where."""

    text: str
    citation: str
    clause_id: str
    actor: str
    verb: str
    target: str
    category: str
    location: str | None = None

    @classmethod
    def of(cls, clause: m.PowerClause, text: str | None = None) -> ClauseSide:
        return cls(
            text=text or printer.clause_text(clause),
            citation=clause.citation,
            clause_id=clause.id,
            actor=clause.actor,
            verb=clause.verb,
            target=clause.target,
            category=clause.category,
            location=str(clause.location) if clause.location and clause.location.line > 0 else None,
        )


class PowerChange(_Frozen):
    kind: ChangeKind
    institution: str
    old: ClauseSide | None = None
    new: ClauseSide | None = None


class FindingChange(_Frozen):
    status: Literal["new", "resolved", "changed", "unchanged"]
    finding: Finding
    key: str


class MetricDelta(_Frozen):
    name: str
    old: float | str | None
    new: float | str | None

    @property
    def delta(self) -> float | None:
        if isinstance(self.old, (int, float)) and isinstance(self.new, (int, float)):
            return round(self.new - self.old, 6)
        return None

    @property
    def changed(self) -> bool:
        return self.old != self.new


class Side(_Frozen):
    file: str
    name: str
    version: str | None = None


class ConstitutionDiff(_Frozen):
    old: Side
    new: Side
    amendments: tuple[str, ...] = ()
    renamed: dict[str, str] = {}
    renumbered: dict[str, str] = {}
    powers: tuple[PowerChange, ...] = ()
    findings: tuple[FindingChange, ...] = ()
    metrics: tuple[MetricDelta, ...] = ()

    def findings_with(self, status: str) -> list[FindingChange]:
        return [f for f in self.findings if f.status == status]

    def powers_by_institution(self) -> dict[str, list[PowerChange]]:
        grouped: dict[str, list[PowerChange]] = defaultdict(list)
        for change in self.powers:
            grouped[change.institution].append(change)
        return {k: grouped[k] for k in sorted(grouped)}

    def fails(self, fail_on: str) -> bool:
        """The regression gate: a new, unwaived finding at ``fail_on``'s level or above."""
        if fail_on == "never":
            return False
        threshold = SEVERITY_ORDER[fail_on.removeprefix("new-")]
        return any(
            not c.finding.waived and SEVERITY_ORDER[c.finding.severity] >= threshold for c in self.findings_with("new")
        )


# ---- powers ---------------------------------------------------------------------------------


def _renamer(renamed: Mapping[str, str]) -> Callable[[str], str]:
    return lambda name: renamed.get(name, name)


def renamed_clause(clause: m.PowerClause, renamed: Mapping[str, str]) -> m.PowerClause:
    """The old clause written with the new names, so that a renaming is not a change of power."""
    if not renamed:
        return clause
    swap = _renamer(renamed)
    conditions = tuple(
        c.model_copy(update={"institution": swap(c.institution)}) if hasattr(c, "institution") else c
        for c in clause.conditions
    )
    target = swap(clause.target) if clause.target_type == "institution" else clause.target
    return clause.model_copy(update={"actor": swap(clause.actor), "target": target, "conditions": conditions})


def infer_renumbering(old: m.Constitution, new: m.Constitution) -> dict[str, str]:
    """Provisions that vanished under one number and reappear, unchanged, under another."""
    old_ids = {p.id for p in old.provisions}
    new_ids = {p.id for p in new.provisions}

    def content(p: m.Provision) -> tuple[Any, ...]:
        return (p.title, tuple(printer.clause_text(c) for c in p.clauses))

    candidates: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    for p in new.provisions:
        if p.id not in old_ids and p.clauses:
            candidates[content(p)].append(p.id)
    mapping = {}
    for p in old.provisions:
        if p.id in new_ids:
            continue
        matches = candidates.get(content(p))
        if matches:
            mapping[p.id] = matches.pop(0)
    return mapping


def power_changes(
    old: m.Constitution, new: m.Constitution, renamed: Mapping[str, str], renumbered: Mapping[str, str]
) -> list[PowerChange]:
    olds = [(renamed_clause(c, renamed), c) for c in old.clauses]
    news = list(new.clauses)

    def where(clause: m.PowerClause) -> str:
        return renumbered.get(clause.provision_id, clause.provision_id)

    changes: list[PowerChange] = []
    unmatched_new = list(news)
    unmatched_old: list[tuple[m.PowerClause, m.PowerClause]] = []
    by_text: dict[str, list[m.PowerClause]] = defaultdict(list)
    for clause in news:
        by_text[printer.clause_text(clause)].append(clause)
    # Exact text, same (renumbered) provision first; then exact text elsewhere: moved.
    for passes in ("same", "elsewhere"):
        remaining = []
        for translated, original in olds if passes == "same" else unmatched_old:
            text = printer.clause_text(translated)
            pool = by_text.get(text, [])
            match = next((c for c in pool if passes == "elsewhere" or c.provision_id == where(original)), None)
            if match is None:
                remaining.append((translated, original))
                continue
            pool.remove(match)
            unmatched_new.remove(match)
            if passes == "elsewhere":
                changes.append(
                    PowerChange(
                        kind="moved",
                        institution=match.actor,
                        old=ClauseSide.of(original, text=printer.clause_text(original)),
                        new=ClauseSide.of(match),
                    )
                )
        unmatched_old = remaining

    # Same holder, verb and target: the same power with other conditions or another share.
    def head(clause: m.PowerClause) -> tuple[str, str, str]:
        return (clause.actor, clause.verb, clause.target)

    for translated, original in unmatched_old:
        match = next((c for c in unmatched_new if head(c) == head(translated)), None)
        if match is not None:
            unmatched_new.remove(match)
            changes.append(
                PowerChange(
                    kind="changed", institution=match.actor, old=ClauseSide.of(original), new=ClauseSide.of(match)
                )
            )
        else:
            changes.append(PowerChange(kind="removed", institution=translated.actor, old=ClauseSide.of(original)))
    changes.extend(PowerChange(kind="added", institution=c.actor, new=ClauseSide.of(c)) for c in unmatched_new)
    order = {"removed": 0, "changed": 1, "moved": 2, "added": 3}
    return sorted(
        changes,
        key=lambda c: (c.institution, order[c.kind], _side(c).clause_id),
    )


def _side(change: PowerChange) -> ClauseSide:
    side = change.new or change.old
    assert side is not None
    return side


# ---- findings -------------------------------------------------------------------------------


def translated_key(finding: Finding, renamed: Mapping[str, str], renumbered: Mapping[str, str]) -> str:
    """``Finding.key`` with the old names and provision ids written as the new ones."""
    institutions = sorted(renamed.get(i, i) for i in finding.institutions)
    provisions = sorted({renumbered.get(p, p) for p in finding.provision_ids})
    return "|".join([finding.code, ",".join(institutions), ",".join(provisions)])


def finding_changes(
    old: Iterable[Finding], new: Iterable[Finding], renamed: Mapping[str, str], renumbered: Mapping[str, str]
) -> list[FindingChange]:
    remaining: dict[str, list[Finding]] = defaultdict(list)
    for finding in old:
        remaining[translated_key(finding, renamed, renumbered)].append(finding)
    out = []
    for finding in new:
        key = finding.key
        if remaining.get(key):
            remaining[key].pop(0)
            out.append(FindingChange(status="unchanged", finding=finding, key=key))
        else:
            out.append(FindingChange(status="new", finding=finding, key=key))
    # The same rule on the same institutions, now resting on other provisions: still there, changed.
    leftovers = {key: found for key, found in remaining.items() if found}
    for index, change in enumerate(out):
        if change.status != "new":
            continue
        head = change.key.rsplit("|", 1)[0]
        match = next((k for k in sorted(leftovers) if k.rsplit("|", 1)[0] == head and leftovers[k]), None)
        if match is not None:
            leftovers[match].pop(0)
            out[index] = FindingChange(status="changed", finding=change.finding, key=change.key)
    for key in sorted(leftovers):
        out.extend(FindingChange(status="resolved", finding=f, key=key) for f in leftovers[key])
    rank = {"new": 0, "resolved": 1, "changed": 2, "unchanged": 3}
    return sorted(out, key=lambda c: (rank[c.status], -SEVERITY_ORDER[c.finding.severity], c.finding.code, c.key))


# ---- metrics --------------------------------------------------------------------------------


def flat_metrics(metrics: Any, renamed: Mapping[str, str] | None = None) -> dict[str, float | str]:
    """Every balance metric as one named number (or, for sets of institutions, a sorted list)."""
    swap = _renamer(renamed or {})
    flat: dict[str, float | str] = {
        "hhi": metrics.hhi,
        "effective_number": metrics.effective_number,
        "oversight_coverage": metrics.oversight_coverage,
        "unoverseen": ", ".join(sorted(swap(i) for i in metrics.unoverseen)),
    }
    for share in metrics.shares:
        flat[f"share.{swap(share.institution)}"] = share.share
        flat[f"unchecked_share.{swap(share.institution)}"] = share.unchecked_share
    for principal in metrics.principals:
        flat[f"principal.{swap(principal.principal)}"] = principal.unchecked_share
    for branch in metrics.branches:
        flat[f"branch.{branch.branch}"] = branch.share
    for reach in metrics.control_reach:
        flat[f"control_reach.{swap(reach.institution)}"] = reach.reach
    for name in ("lawmaking_veto_players", "amendment_veto_players"):
        players = getattr(metrics, name)
        flat[f"{name}.required"] = ", ".join(sorted(swap(i) for i in players.required))
        flat[f"{name}.count"] = float(len(players.required))
        # Who can block: a veto no one overrides, or one only more than a majority overrides.
        flat[f"{name}.conditional"] = "; ".join(sorted(_veto_text(v, swap) for v in players.conditional))
        flat[f"{name}.vetoes"] = "; ".join(sorted(_veto_text(v, swap) for v in players.vetoes))
    for entry in metrics.tenure:
        flat[f"tenure.{swap(entry.institution)}"] = _tenure_text(entry)
    return flat


def _veto_text(veto: Any, swap: Callable[[str], str]) -> str:
    if veto.majority is None:
        return f"{swap(veto.institution)} (absolute)"
    by = ", ".join(sorted(swap(i) for i in veto.overridable_by)) or "no one"
    return f"{swap(veto.institution)} (overridable by {by} by {veto.majority})"


def _tenure_text(entry: Any) -> str:
    parts = ["life" if entry.life else f"{entry.term_years} years" if entry.term_years else "term not stated"]
    if entry.term_limit:
        parts.append(f"limit {entry.term_limit}{' consecutive' if entry.consecutive else ''}")
    else:
        parts.append("no limit")
    if entry.exempt:
        parts.append("exempt: " + ", ".join(entry.exempt))
    return ", ".join(parts)


def metric_deltas(old: Any, new: Any, renamed: Mapping[str, str]) -> list[MetricDelta]:
    before = flat_metrics(old, renamed)
    after = flat_metrics(new)
    names = sorted(set(before) | set(after), key=_metric_order)
    return [MetricDelta(name=n, old=before.get(n), new=after.get(n)) for n in names]


#: Names of index figures among the deltas (constitution_rules.indices.flat_indices).
INDEX_PREFIXES = ("ppi.", "shugart_carey.")


def index_deltas(old: m.Constitution, new: m.Constitution) -> list[MetricDelta]:
    """The Parliamentary Powers Index and Shugart-Carey figures before and after: items that flip,
    scores that move (docs/indices.md)."""
    from constitution_rules.indices import compute_indices, flat_indices

    before, after = flat_indices(compute_indices(old)), flat_indices(compute_indices(new))
    return [MetricDelta(name=n, old=before.get(n), new=after.get(n)) for n in dict.fromkeys([*before, *after])]


def _metric_order(name: str) -> tuple[int, str]:
    heads = [
        "hhi",
        "effective_number",
        "oversight_coverage",
        "unoverseen",
        "principal",
        "branch",
        "share",
        "unchecked_share",
        "control_reach",
        "lawmaking_veto_players",
        "amendment_veto_players",
        "tenure",
    ]
    head = name.split(".")[0]
    return (heads.index(head) if head in heads else len(heads), name)


# ---- the whole diff -------------------------------------------------------------------------


def diff_constitutions(
    old: m.Constitution,
    new: m.Constitution,
    renamed: Mapping[str, str] | None = None,
    renumbered: Mapping[str, str] | None = None,
    amendments: Iterable[str] = (),
    config: Any = None,
    new_file: str | None = None,
) -> ConstitutionDiff:
    from constitution_rules.graph import build_graph
    from constitution_rules.metrics import compute_metrics
    from constitution_rules.rules.engine import run_rules

    renamed = dict(renamed or {})
    renumbered = dict(renumbered) if renumbered is not None else infer_renumbering(old, new)
    old_graph, new_graph = build_graph(old), build_graph(new)
    old_result = run_rules(old, old_graph, config)
    new_result = run_rules(new, new_graph, config)
    metrics_config = {"weights": dict(config.weights)} if config is not None else None
    return ConstitutionDiff(
        old=Side(file=old.file, name=old.name, version=old.version),
        new=Side(file=new_file or new.file, name=new.name, version=new.version),
        amendments=tuple(amendments),
        renamed=dict(sorted(renamed.items())),
        renumbered=dict(sorted(renumbered.items())),
        powers=tuple(power_changes(old, new, renamed, renumbered)),
        findings=tuple(finding_changes(old_result.findings, new_result.findings, renamed, renumbered)),
        metrics=tuple(
            metric_deltas(
                compute_metrics(old, old_graph, metrics_config),
                compute_metrics(new, new_graph, metrics_config),
                renamed,
            )
            + index_deltas(old, new)
        ),
    )
