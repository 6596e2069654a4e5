"""Model -> canonical language text, piece by piece. No parser needed, so any stage may use it.

Each piece comes in two layers: a ``*_parts_text`` function over plain values, which the
amendment formatter uses for syntax that has not been resolved against a constitution, and the
model-level function built on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from constitution_rules import model as m

#: The order in which an institution's attributes are written, after its kinds.
ATTRIBUTE_ORDER = ("seats", "term_years", "term_limit", "member_of", "joint_sitting_of")


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def majority_text(majority: m.Majority) -> str:
    return majority.describe()


def condition_parts_text(
    kind: str,
    institution: str = "",
    majority: str | None = None,
    form: str | None = None,
    text: str | None = None,
) -> str:
    """One condition; ``majority`` is already in words, ``text`` is the grounds or circumstance."""
    if kind == "consent":
        return f"with consent of {institution}" + (f" by {majority}" if majority else "")
    if kind == "proposal":
        return f"on {form} of {institution}"
    if kind == "consultation":
        return f"after consultation with {institution}"
    if kind == "majority":
        return f"by {majority}"
    if kind == "override":
        return f"overridable by {institution}" + (f" by {majority}" if majority else "")
    if kind == "review":
        return f"subject to review by {institution}"
    if kind == "for_cause":
        return "for cause" + (f" {quote(text)}" if text is not None else "")
    if kind == "at_will":
        return "at will"
    if kind == "when":
        return f"when {quote(text or '')}"
    raise AssertionError(kind)


def condition_text(condition: Any) -> str:
    majority = getattr(condition, "majority", None)
    words = "grounds" if condition.type == "for_cause" else "circumstance"
    return condition_parts_text(
        condition.type,
        getattr(condition, "institution", ""),
        majority_text(majority) if majority else None,
        getattr(condition, "form", None),
        getattr(condition, words, None),
    )


def share_parts_text(kind: str, seats: int | None, of: int | None) -> str:
    """``chair of ``, ``5 of 50 `` or, before the body's size is known, ``5 of ``."""
    if kind == "chair":
        return "chair of "
    return f"{seats} of {of} " if of is not None else f"{seats} of "


def share_text(share: m.Share | None) -> str:
    if share is None:
        return ""
    return share_parts_text(share.kind, share.seats, share.of)


def waiver_parts_text(code: str, reason: str) -> str:
    return f"waive {code} {quote(reason)}"


def waiver_text(waiver: m.Waiver) -> str:
    return waiver_parts_text(waiver.code, waiver.reason)


def clause_head_text(actor: str, verb: str, share: str, target: str) -> str:
    """``actor verb [share] target``; ``share`` as :func:`share_parts_text` writes it, or empty."""
    return f"{actor} {verb} {share}{target}"


def clause_head(clause: m.PowerClause) -> str:
    return clause_head_text(clause.actor, clause.verb, share_text(clause.share), clause.target)


def separator_before(first_condition: str | None) -> str:
    """An override or review reads as an aside ("vetoes laws, overridable by ..."); the rest follow on."""
    return ", " if first_condition in ("override", "review") else " "


def condition_separator(clause: m.PowerClause) -> str:
    return separator_before(clause.conditions[0].type if clause.conditions else None)


def clause_parts_text(head: str, separator: str, conditions: Sequence[str], waivers: Sequence[str]) -> str:
    parts = [head]
    if conditions:
        parts.append(separator + ", ".join(conditions))
    parts.extend(" " + w for w in waivers)
    return "".join(parts)


def clause_text(clause: m.PowerClause) -> str:
    """The whole clause on one line, without its full stop: the form amendments match on."""
    return clause_parts_text(
        clause_head(clause),
        condition_separator(clause),
        [condition_text(c) for c in clause.conditions],
        [waiver_text(w) for w in clause.waivers],
    )


def article_ref_text(article: str, paragraphs: Sequence[str]) -> str:
    return article + "".join(f"({p})" for p in paragraphs)


def article_ref(provision: m.Provision) -> str:
    return article_ref_text(provision.article, provision.paragraphs)


def attribute_text(key: str, value: Any) -> str:
    """One institution attribute; ``term_limit`` is ``(limit, consecutive)``."""
    if key == "seats":
        return f"seats {value}"
    if key == "term_years":
        return f"term {value} years"
    if key == "term_limit":
        limit, consecutive = value
        return f"limit {limit}" + (" consecutive" if consecutive else "")
    if key == "member_of":
        return f"member-of {value}"
    if key == "joint_sitting_of":
        return "joint-sitting-of " + " and ".join(value)
    raise AssertionError(key)


def institution_items(kinds: Sequence[str], attributes: Sequence[tuple[str, Any]]) -> list[str]:
    """Kinds as given, then the attributes in :data:`ATTRIBUTE_ORDER` (a stable sort)."""
    ordered = sorted(attributes, key=lambda item: ATTRIBUTE_ORDER.index(item[0]))
    return [*kinds, *(attribute_text(key, value) for key, value in ordered)]


def institution_parts_text(identifier: str, name: str | None, items: Sequence[str], waivers: Sequence[str]) -> str:
    head = f"institution {identifier}" + (f" {quote(name)}" if name is not None else "")
    return f"{head}: " + ", ".join(items) + "".join(" " + w for w in waivers)


def institution_text(inst: m.Institution) -> str:
    attributes: list[tuple[str, Any]] = []
    if inst.seats is not None:
        attributes.append(("seats", inst.seats))
    if inst.term_years is not None:
        attributes.append(("term_years", inst.term_years))
    if inst.term_limit is not None:
        attributes.append(("term_limit", (inst.term_limit, inst.term_limit_consecutive)))
    if inst.member_of is not None:
        attributes.append(("member_of", inst.member_of))
    if inst.joint_sitting_of:
        attributes.append(("joint_sitting_of", inst.joint_sitting_of))
    items = institution_items(inst.kinds, attributes)
    return institution_parts_text(inst.id, inst.name, items, [waiver_text(w) for w in inst.waivers])
