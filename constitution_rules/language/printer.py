"""Model -> canonical language text, piece by piece. No parser needed, so any stage may use it.

Each piece comes in two layers: a ``*_parts_text`` function over plain values, which the
amendment formatter uses for syntax that has not been resolved against a constitution, and the
model-level function built on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from constitution_rules import model as m
from constitution_rules.vocabulary import SHARE_WORDS, VERBS

#: The order in which an institution's attributes are written, after its kinds.
ATTRIBUTE_ORDER = (
    "seats",
    "ex_officio",
    "substitutes",
    "term_years",
    "term_life",
    "term_limit",
    "member_of",
    "joint_sitting_of",
)


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def majority_text(majority: m.Majority) -> str:
    return majority.describe()


def majorities_words(majorities: Sequence[m.Majority]) -> str:
    """``two-thirds of members``; a double majority names each basis, so that ``two-thirds of
    votes cast and majority of members`` cannot be read as two shares of the members."""
    if len(majorities) == 1:
        return majority_text(majorities[0])
    return " and ".join(mj.describe() + (" of votes cast" if mj.basis == "votes" else "") for mj in majorities)


def names_text(names: Sequence[str], combine: str = "all") -> str:
    """``A``, ``A and B`` (all of them) or ``A or B`` (any of them)."""
    return (" or " if combine == "any" else " and ").join(names)


def condition_parts_text(
    kind: str,
    names: Sequence[str] = (),
    majorities: str | None = None,
    form: str | None = None,
    text: str | None = None,
    *,
    combine: str = "all",
    binding: bool = False,
    event: str | None = None,
    amount: int | None = None,
    unit: str | None = None,
) -> str:
    """One condition; ``names`` the institutions it names, ``majorities`` already in words
    (``two-thirds and majority of members``), ``text`` the grounds, circumstance or subjects.
    ``binding`` is written only where it is not implied (``advice`` always binds; a formal act's
    proposal binds: the caller passes False for it)."""
    who = names_text(names, combine)
    by = f" by {majorities}" if majorities else ""
    if kind == "consent":
        return f"with consent of {who}{by}"
    if kind == "proposal":
        prefix = "binding " if binding and form != "advice" else ""
        return f"on {prefix}{form} of {who}{by}"
    if kind == "consultation":
        return f"after consultation with {who}"
    if kind == "majority":
        return f"by {majorities}"
    if kind == "override":
        return f"overridable by {who}{by}"
    if kind == "review":
        return f"subject to review by {who}"
    if kind == "for_cause":
        return "for cause" + (f" {quote(text)}" if text is not None else "")
    if kind == "at_will":
        return "at will"
    if kind == "when":
        return f"when {quote(text or '')}"
    if kind == "except":
        return f"except {quote(text or '')}"
    if kind == "not_reviewable":
        return "not subject to review"
    if kind == "quorum":
        return f"with quorum of {majorities}"
    if kind == "turnout":
        return f"with turnout of {majorities}"
    if kind == "intervening_election":
        return "after intervening election"
    if kind == "second_vote":
        return "after second vote" + (f" {quote(text)}" if text is not None else "")
    if kind == "trigger":
        return f"after {event}"
    if kind == "time_limit":
        return f"not within {amount} {(unit or '').removesuffix('s') if amount == 1 else unit} of {event}"
    if kind == "constructive":
        return "by electing a successor"
    raise AssertionError(kind)


#: The field holding a condition's free text, by condition type.
_TEXT_FIELDS = {"for_cause": "grounds", "when": "circumstance", "except": "subjects", "second_vote": "detail"}


def condition_text(condition: Any, formal: bool = False) -> str:
    """One condition of the model; ``formal``: the clause is a formal act, whose proposals bind anyway."""
    majorities = getattr(condition, "majorities", None) or (
        (condition.majority,) if getattr(condition, "majority", None) is not None else ()
    )
    return condition_parts_text(
        condition.type,
        getattr(condition, "institutions", ()),
        majorities_words(majorities) or None,
        getattr(condition, "form", None),
        getattr(condition, _TEXT_FIELDS.get(condition.type, ""), None),
        combine=getattr(condition, "combine", "all"),
        binding=getattr(condition, "binding", False) and not formal,
        event=getattr(condition, "event", None),
        amount=getattr(condition, "amount", None),
        unit=getattr(condition, "unit", None),
    )


#: Shares written as a word; others as n/d.
SHARE_NAMES: dict[tuple[int, int], str] = {fraction: word for word, fraction in SHARE_WORDS.items()}


def share_parts_text(
    kind: str, seats: int | None, of: int | None, numerator: int | None = None, denominator: int | None = None
) -> str:
    """``chair of ``, ``5 of 50 ``, ``one-third of `` or, before the body's size is known, ``5 of ``."""
    if kind == "chair":
        return "chair of "
    if kind == "fraction":
        pair = (numerator or 0, denominator or 0)
        return SHARE_NAMES.get(pair, f"{pair[0]}/{pair[1]}") + " of "
    return f"{seats} of {of} " if of is not None else f"{seats} of "


def share_text(share: m.Share | None) -> str:
    if share is None:
        return ""
    return share_parts_text(share.kind, share.seats, share.of, share.numerator, share.denominator)


def waiver_parts_text(code: str, reason: str) -> str:
    return f"waive {code} {quote(reason)}"


def waiver_text(waiver: m.Waiver) -> str:
    return waiver_parts_text(waiver.code, waiver.reason)


def verb_text(verb: str, modality: str = "discretion", exclusive: bool = False) -> str:
    """The verb with its adverb: ``shall appoint``, ``formally appoints``, ``exclusively initiates``."""
    if modality == "duty":
        return "shall " + VERBS[verb].base if verb in VERBS else "shall " + verb
    if modality == "formal":
        return "formally " + verb
    return ("exclusively " if exclusive else "") + verb


def actor_text(actor: str, joint_actors: Sequence[str] = ()) -> str:
    return " and ".join(joint_actors) + " jointly" if joint_actors else actor


def target_text(target: str, scope: str = "body") -> str:
    return target if scope == "body" else f"{scope} of {target}"


def clause_head_text(actor: str, verb: str, share: str, target: str) -> str:
    """``actor verb [share] target``; each piece already in words (:func:`actor_text`,
    :func:`verb_text`, :func:`share_parts_text` or empty, :func:`target_text`)."""
    return f"{actor} {verb} {share}{target}"


def clause_head(clause: m.PowerClause) -> str:
    return clause_head_text(
        actor_text(clause.actor, clause.joint_actors),
        verb_text(clause.verb, clause.modality, clause.exclusive),
        share_text(clause.share),
        target_text(clause.target, clause.target_scope),
    )


#: Conditions that read as an aside, after a comma: "vetoes laws, overridable by ...".
ASIDES = frozenset({"override", "review", "except", "not_reviewable", "time_limit"})


def separator_before(first_condition: str | None) -> str:
    """An override, review or exception reads as an aside ("vetoes laws, overridable by ..."); the rest follow on."""
    return ", " if first_condition in ASIDES else " "


def condition_separator(clause: m.PowerClause) -> str:
    return separator_before(clause.conditions[0].type if clause.conditions else None)


def clause_condition_texts(clause: m.PowerClause) -> list[str]:
    formal = clause.modality == "formal"
    return [condition_text(c, formal) for c in clause.conditions]


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
        clause_condition_texts(clause),
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
    if key == "ex_officio":
        seats, source = value
        return f"ex-officio {seats}" + (f" from {source}" if source is not None else "")
    if key == "substitutes":
        return f"substitutes {value}"
    if key == "term_life":
        return "term life"
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
    attributes.extend(("ex_officio", (e.seats, e.source)) for e in inst.ex_officio)
    if inst.substitutes is not None:
        attributes.append(("substitutes", inst.substitutes))
    if inst.term_years is not None:
        attributes.append(("term_years", inst.term_years))
    if inst.term_life:
        attributes.append(("term_life", True))
    if inst.term_limit is not None:
        attributes.append(("term_limit", (inst.term_limit, inst.term_limit_consecutive)))
    if inst.member_of is not None:
        attributes.append(("member_of", inst.member_of))
    if inst.joint_sitting_of:
        attributes.append(("joint_sitting_of", inst.joint_sitting_of))
    items = institution_items(inst.kinds, attributes)
    return institution_parts_text(inst.id, inst.name, items, [waiver_text(w) for w in inst.waivers])


# ---- statements (need no declarations: the amendment formatter builds them from syntax too)


def immunity_text(immunity: m.Immunity) -> str:
    holder = target_text(immunity.holder, immunity.scope)
    out = f"immunity of {holder}"
    if immunity.description is not None:
        out += " " + quote(immunity.description)
    if immunity.lifted_by is not None:
        out += f", lifted by {immunity.lifted_by}"
        if immunity.majority is not None:
            out += f" by {majority_text(immunity.majority)}"
    return out


def incompatibility_text(item: m.Incompatibility) -> str:
    word = "compatible" if item.compatible else "incompatible"
    return f"membership of {item.office} {word} with {item.other}"


def entrenchment_text(item: m.Entrenchment) -> str:
    if item.article is not None:
        return "unamendable article " + article_ref_text(item.article, item.paragraphs)
    return "unamendable " + quote(item.subject or "")


def tenure_text(rule: m.TenureRule) -> str:
    if rule.kind == "limit_exemption":
        return f"exempt {quote(rule.holder)} from limit of {rule.institution}"
    word = "chair" if rule.kind == "life_chair" else "member"
    return f"{word} of {rule.institution} for life {quote(rule.holder)}"


def statement_text(statement: Any) -> str:
    """An immunity, incompatibility, entrenchment or tenure rule, without its full stop."""
    if isinstance(statement, m.Immunity):
        return immunity_text(statement)
    if isinstance(statement, m.Incompatibility):
        return incompatibility_text(statement)
    if isinstance(statement, m.Entrenchment):
        return entrenchment_text(statement)
    if isinstance(statement, m.TenureRule):
        return tenure_text(statement)
    raise AssertionError(type(statement).__name__)


def provision_statements(provision: m.Provision) -> list[Any]:
    """The statements of an article besides its clauses, in the order they are written."""
    return [*provision.immunities, *provision.incompatibilities, *provision.entrenchments, *provision.tenure_rules]


def text_lines(text: str, indent: str, keyword: str = "text") -> list[str]:
    """``text "..."`` with one string per line of the wording, the later strings under the first."""
    first, *rest = text.split("\n")
    head = f"{indent}{keyword} "
    return [head + quote(first), *(" " * len(head) + quote(line) for line in rest)]
