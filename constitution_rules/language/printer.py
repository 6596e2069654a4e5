"""Model -> canonical language text, piece by piece. No parser needed, so any stage may use it."""

from __future__ import annotations

from typing import Any

from constitution_rules import model as m


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def majority_text(majority: m.Majority) -> str:
    return majority.describe()


def condition_text(condition: Any) -> str:
    kind = condition.type
    if kind == "consent":
        text = f"with consent of {condition.institution}"
        return text + (f" by {majority_text(condition.majority)}" if condition.majority else "")
    if kind == "proposal":
        return f"on {condition.form} of {condition.institution}"
    if kind == "consultation":
        return f"after consultation with {condition.institution}"
    if kind == "majority":
        return f"by {majority_text(condition.majority)}"
    if kind == "override":
        text = f"overridable by {condition.institution}"
        return text + (f" by {majority_text(condition.majority)}" if condition.majority else "")
    if kind == "review":
        return f"subject to review by {condition.institution}"
    if kind == "for_cause":
        return "for cause" + (f" {quote(condition.grounds)}" if condition.grounds is not None else "")
    if kind == "at_will":
        return "at will"
    if kind == "when":
        return f"when {quote(condition.circumstance)}"
    raise AssertionError(kind)


def share_text(share: m.Share | None) -> str:
    if share is None:
        return ""
    if share.kind == "chair":
        return "chair of "
    return f"{share.seats} of {share.of} "


def waiver_text(waiver: m.Waiver) -> str:
    return f"waive {waiver.code} {quote(waiver.reason)}"


def clause_head(clause: m.PowerClause) -> str:
    return f"{clause.actor} {clause.verb} {share_text(clause.share)}{clause.target}"


def condition_separator(clause: m.PowerClause) -> str:
    """An override or review reads as an aside ("vetoes laws, overridable by ..."); the rest follow on."""
    return ", " if clause.conditions and clause.conditions[0].type in ("override", "review") else " "


def clause_text(clause: m.PowerClause) -> str:
    """The whole clause on one line, without its full stop: the form amendments match on."""
    parts = [clause_head(clause)]
    conditions = [condition_text(c) for c in clause.conditions]
    if conditions:
        parts.append(condition_separator(clause) + ", ".join(conditions))
    for waiver in clause.waivers:
        parts.append(" " + waiver_text(waiver))
    return "".join(parts)


def article_ref(provision: m.Provision) -> str:
    return provision.article + "".join(f"({p})" for p in provision.paragraphs)


def institution_text(inst: m.Institution) -> str:
    items: list[str] = list(inst.kinds)
    if inst.seats is not None:
        items.append(f"seats {inst.seats}")
    if inst.term_years is not None:
        items.append(f"term {inst.term_years} years")
    if inst.term_limit is not None:
        items.append(f"limit {inst.term_limit}" + (" consecutive" if inst.term_limit_consecutive else ""))
    if inst.member_of is not None:
        items.append(f"member-of {inst.member_of}")
    if inst.joint_sitting_of:
        items.append("joint-sitting-of " + " and ".join(inst.joint_sitting_of))
    head = f"institution {inst.id}" + (f" {quote(inst.name)}" if inst.name is not None else "")
    text = f"{head}: " + ", ".join(items)
    for waiver in inst.waivers:
        text += " " + waiver_text(waiver)
    return text
