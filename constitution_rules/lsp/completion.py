"""Completion: what may come next at the cursor, from the words before it in the same statement.

At the start of a statement: its keywords; in an institution's declaration: kinds and attributes;
in a clause: institutions (the actor), then verbs, then what the verb acts on (institutions or the
instruments it takes), then condition phrases, with institutions after ``consent of``, ``review by``
and the like and majority sizes after ``by``; rule codes after ``waive``. The words come from the
vocabulary, the declared institutions and the rule catalogue; nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lsprotocol import types

from constitution_rules.lsp.analysis import Analysis
from constitution_rules.lsp.navigation import known_institutions
from constitution_rules.lsp.positions import Token, scan, token_at
from constitution_rules.vocabulary import (
    ACTS_VERBS,
    BASE_FORMS,
    INSTITUTION,
    INSTRUMENTS,
    KINDS,
    MAJORITY_WORDS,
    TRIGGER_EVENTS,
    VERBS,
)

#: Conditions as the grammar spells them (a test parses each one), in the order drafters reach for them.
CONDITION_PHRASES: tuple[str, ...] = (
    "with consent of",
    "on proposal of",
    "on nomination of",
    "on recommendation of",
    "on binding proposal of",
    "on advice of",
    "after consultation with",
    "by majority",
    "by two-thirds",
    "by majority of members",
    "by at least",
    "overridable by",
    "subject to review by",
    "not subject to review",
    "for cause",
    "at will",
    "when",
    "except",
    "with quorum of",
    "with turnout of",
    "after intervening election",
    "after second vote",
    "not within",
    "by electing a successor",
    "waive",
)
#: What else an article block may say besides power clauses (v2 statements), as they begin.
STATEMENT_ITEMS: tuple[str, ...] = (
    "text",
    "immunity of",
    "membership of",
    "unamendable",
    "exempt",
    "chair of",
    "member of",
)
#: Words between the actor and the verb: ``shall``, ``formally``, ``exclusively``; ``and`` for joint actors.
MODALITY_WORDS: tuple[str, ...] = ("shall", "formally", "exclusively", "and")
#: Words after which an institution is named.
_BEFORE_INSTITUTION = {
    ("consent", "of"),
    ("proposal", "of"),
    ("nomination", "of"),
    ("recommendation", "of"),
    ("consultation", "with"),
    ("overridable", "by"),
    ("review", "by"),
    ("chair", "of"),
    ("members", "of"),
    ("acts", "of"),
    ("advice", "of"),
    ("lifted", "by"),
    ("immunity", "of"),
    ("membership", "of"),
    ("limit", "of"),
}
INSTITUTION_ITEMS: tuple[str, ...] = (
    "seats",
    "term",
    "limit",
    "member-of",
    "joint-sitting-of",
    "ex-officio",
    "substitutes",
    "waive",
)
CONSTITUTION_STATEMENTS: tuple[str, ...] = ("institution", "article")
AMENDMENT_STATEMENTS: tuple[str, ...] = ("insert", "substitute", "repeal", "renumber", "in", "rename", "change", "set")
CLAUSE_OPERATIONS: tuple[str, ...] = ("insert", "repeal", "substitute", "set title")
_AFTER_OPERATION = {
    "insert": ("institution", "article"),
    "substitute": ("article",),
    "repeal": ("institution", "article"),
    "renumber": ("article",),
    "in": ("article",),
    "rename": ("institution",),
    "change": ("institution",),
    "set": ("version", "as-of", "adopted", "source"),
}


def _items(
    labels: Iterable[str], kind: types.CompletionItemKind, detail: str | None = None
) -> list[types.CompletionItem]:
    return [types.CompletionItem(label=label, kind=kind, detail=detail) for label in labels]


def keywords(labels: Iterable[str]) -> list[types.CompletionItem]:
    return _items(labels, types.CompletionItemKind.Keyword)


def institutions(analysis: Analysis, model: Analysis | None, text: str) -> list[types.CompletionItem]:
    source = model if model is not None and model.constitution is not None else analysis
    details: dict[str, str] = {}
    for constitution in (source.constitution, source.base):
        if constitution is not None:
            for institution in constitution.institutions:
                details.setdefault(institution.id, ", ".join(institution.kinds) + f" — {institution.label}")
    return [
        types.CompletionItem(label=name, kind=types.CompletionItemKind.Class, detail=details.get(name, "institution"))
        for name in sorted(known_institutions(analysis, model, text))
    ]


def verbs(base: bool = False) -> list[types.CompletionItem]:
    """The verbs (``base``: their base form, after ``shall`` or a joint actor)."""
    return [
        types.CompletionItem(
            label=(verb.base or verb.name) if base else verb.name,
            kind=types.CompletionItemKind.Function,
            detail=verb.category,
            documentation=verb.meaning,
        )
        for verb in VERBS.values()
    ]


def rule_codes() -> list[types.CompletionItem]:
    from constitution_rules.rules.registry import all_rules

    return [
        types.CompletionItem(
            label=rule.code,
            kind=types.CompletionItemKind.Value,
            detail=rule.name,
            documentation=rule.summary,
            insert_text=f'{rule.code} "',
        )
        for rule in all_rules()
    ]


def majority_sizes() -> list[types.CompletionItem]:
    return _items(MAJORITY_WORDS, types.CompletionItemKind.Keyword, "majority")


def _targets(verb: str, analysis: Analysis, model: Analysis | None, text: str) -> list[types.CompletionItem]:
    targets = VERBS[verb].targets
    out = [t for t in targets if t in INSTRUMENTS]
    items = _items(out, types.CompletionItemKind.Constant, "instrument")
    if INSTITUTION in targets:
        items = institutions(analysis, model, text) + items + keywords(["chair of", "members of"])
    if verb in ACTS_VERBS:
        items += keywords(["acts of"])
    return items


def _verb_at(words: Sequence[str]) -> tuple[str, int] | None:
    """The verb that ``words`` start with (multi-word verbs and base forms too) and how many words it takes."""
    forms = {**{name: name for name in VERBS}, **BASE_FORMS}
    for form in sorted(forms, key=len, reverse=True):
        parts = form.split()
        if parts and list(words[: len(parts)]) == parts:
            return forms[form], len(parts)
    return None


def _context(text: str, offset: int) -> tuple[int, list[Token], bool]:
    """Brace depth at ``offset``, the tokens of the statement or clause being written before it,
    and whether the cursor's line is still empty before it."""
    depth = 0
    current: list[Token] = []
    for token in scan(text, 0, offset):
        if token.kind == "comment" or token.end > offset:
            continue
        if token.text == "{":
            depth += 1
            current = []
        elif token.text == "}":
            depth = max(0, depth - 1)
            current = []
        elif token.text == "." and depth > 0:
            current = []
        elif depth == 0 and token.kind == "word" and token.text in (*CONSTITUTION_STATEMENTS, *AMENDMENT_STATEMENTS):
            if not current or current[-1].text not in (*CONSTITUTION_STATEMENTS, *AMENDMENT_STATEMENTS, "to"):
                current = []
            current.append(token)
        else:
            current.append(token)
    line_start = text.rfind("\n", 0, offset) + 1
    return depth, current, not text[line_start:offset].strip()


def complete(analysis: Analysis, model: Analysis | None, text: str, offset: int) -> list[types.CompletionItem]:
    """Completion items at ``offset`` (the word being typed, if any, is left for the client to filter by)."""
    under = token_at(text, offset)
    if under is not None and under.kind in ("string", "comment") and under.start < offset:
        closed = under.kind == "string" and len(under.text) > 1 and under.text.endswith('"') and under.end == offset
        if not closed:
            return []  # inside a string or a comment
    if under is not None and under.kind == "word" and under.end >= offset:
        offset = under.start  # complete the word being typed from its start
    depth, current, fresh_line = _context(text, offset)
    words = [t.text for t in current if t.kind == "word"]
    if words and words[-1] == "waive":
        return rule_codes()
    if depth == 0:
        return _top_level(analysis, model, text, current, words, fresh_line)
    return _in_block(analysis, model, text, words)


def _top_level(
    analysis: Analysis, model: Analysis | None, text: str, current: list[Token], words: list[str], fresh_line: bool
) -> list[types.CompletionItem]:
    statements = AMENDMENT_STATEMENTS if analysis.kind == "amendment" else CONSTITUTION_STATEMENTS
    if not current:
        return keywords(statements)
    if words[:1] == ["institution"] or words[:2] in (["insert", "institution"], ["change", "institution"]):
        texts = [t.text for t in current]
        if ":" not in texts:
            return keywords(statements) if fresh_line else []
        if fresh_line:
            return keywords(statements) + _items(KINDS, types.CompletionItemKind.EnumMember, "kind")
        if words[-1] in ("member-of", "joint-sitting-of", "and", "after", "before"):
            return institutions(analysis, model, text)
        return _items(KINDS, types.CompletionItemKind.EnumMember, "kind") + keywords(INSTITUTION_ITEMS)
    if len(words) == 1 and words[0] in _AFTER_OPERATION:
        return keywords(_AFTER_OPERATION[words[0]])
    if len(words) == 2 and words[1] == "institution" and words[0] in ("repeal", "rename", "change"):
        return institutions(analysis, model, text)
    return keywords(statements) if fresh_line else []


def _in_block(analysis: Analysis, model: Analysis | None, text: str, words: list[str]) -> list[types.CompletionItem]:
    operations = analysis.kind == "amendment"
    if operations and words[:1] and words[0] in ("insert", "repeal", "substitute"):
        words = words[1:]
    if not words:
        extra = keywords(CLAUSE_OPERATIONS) if operations else []
        return institutions(analysis, model, text) + keywords(["waive", *STATEMENT_ITEMS]) + extra
    if words[0] in ("immunity", "membership", "chair", "member", "exempt", "unamendable", "text"):
        return _statement_item(analysis, model, text, words)
    # the actor: one name, or ``A and B jointly``; then perhaps shall, formally or exclusively
    actor = words.index("jointly") + 1 if "jointly" in words else 1
    if words[-1] == "and" and "jointly" not in words:
        return institutions(analysis, model, text)  # ``A and B jointly ...``
    base = actor > 1
    if len(words) > actor and words[actor] in ("shall", "formally", "exclusively"):
        base = base or words[actor] == "shall"
        actor += 1
    if len(words) == actor:
        return verbs(base) + (keywords(MODALITY_WORDS) if actor == 1 else [])
    verb = _verb_at(words[actor:])
    if verb is None:
        return verbs(base) if len(words) <= actor + 3 else []
    name, length = verb
    rest = words[actor + length :]
    if not rest:
        return _targets(name, analysis, model, text)
    if rest[-2:] == ["chair", "of"] or (rest[-1:] == ["of"] and len(rest) >= 2 and rest[-2].isdigit()):
        return institutions(analysis, model, text)
    if len(rest) >= 2 and (rest[-2], rest[-1]) in _BEFORE_INSTITUTION:
        return institutions(analysis, model, text)
    if rest[-1] == "by" or rest[-2:] == ["at", "least"] or rest[-2:] in (["quorum", "of"], ["turnout", "of"]):
        return majority_sizes()
    if rest[-1] == "after":
        return keywords(p.split(" ", 1)[1] for p in CONDITION_PHRASES if p.startswith("after ")) + keywords(
            TRIGGER_EVENTS
        )
    if rest[-1] in ("with", "on", "after", "subject", "for", "at", "overridable"):
        return keywords(p.split(" ", 1)[1] for p in CONDITION_PHRASES if p.startswith(rest[-1] + " "))
    return keywords(CONDITION_PHRASES)


def _statement_item(
    analysis: Analysis, model: Analysis | None, text: str, words: list[str]
) -> list[types.CompletionItem]:
    """Inside ``immunity of X, lifted by Y``, ``membership of X incompatible with Y``, ``exempt "..."
    from limit of X``, ``chair of X for life "..."``."""
    last = words[-1]
    if (len(words) >= 2 and (words[-2], last) in _BEFORE_INSTITUTION) or last in ("with", "by"):
        return institutions(analysis, model, text) + (keywords(["members of"]) if words[0] == "immunity" else [])
    if words[0] == "membership" and len(words) == 3:
        return keywords(["incompatible with", "compatible with"])
    if words[0] in ("chair", "member") and len(words) == 3:
        return keywords(["for life"])
    if words[0] == "unamendable" and len(words) == 1:
        return keywords(["article"])
    return []
