"""Write the TextMate grammars of both file kinds from the language's vocabulary.

    python editors/vscode/syntaxes/generate.py

Verbs, kinds and instruments come from constitution_rules/vocabulary.py, where they are defined
once; a test fails when the committed grammars differ from what this script writes.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from constitution_rules.vocabulary import (  # noqa: E402
    BASE_FORMS,
    INSTRUMENTS,
    KINDS,
    MAJORITY_WORDS,
    SHARE_WORDS,
    TRIGGER_EVENTS,
    VERBS,
)

NAME = r"[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*"
ARTICLE_REF = r"[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*(?:\s*\(\s*[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*\s*\))*"


def words(values: list[str] | tuple[str, ...]) -> str:
    """An alternation of whole words, longest first (``hears reports of`` before ``hears``)."""
    ordered = sorted(values, key=lambda v: (-len(v), v))
    return r"(?<![\w-])(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in ordered) + r")(?![\w-])"


def shared(scope: str) -> dict[str, Any]:
    """The patterns of a .constitution file (an amendment uses them too)."""
    return {
        "comment": {"name": f"comment.line.number-sign.{scope}", "match": "#.*$"},
        "string": {
            "name": f"string.quoted.double.{scope}",
            "begin": '"',
            "end": '"|$',
            "patterns": [{"name": f"constant.character.escape.{scope}", "match": r"\\."}],
        },
        "waiver": {
            "match": r"\b(waive)\s+([A-Z]{1,4}[0-9]{2,4}|" + NAME + r")\b",
            "captures": {
                "1": {"name": f"keyword.other.waive.{scope}"},
                "2": {"name": f"constant.other.rule-code.{scope}"},
            },
        },
        "institution": {
            "match": r"\b(institution)\s+(" + NAME + ")",
            "captures": {
                "1": {"name": f"storage.type.institution.{scope}"},
                "2": {"name": f"entity.name.type.institution.{scope}"},
            },
        },
        "article": {
            "match": r"\b(article)\s+(" + ARTICLE_REF + ")",
            "captures": {
                "1": {"name": f"storage.type.article.{scope}"},
                "2": {"name": f"entity.name.section.article.{scope}"},
            },
        },
        "header": {
            "match": r"(?<![\w-])(?:constitution|version|adopted|as-of|source)(?![\w-])",
            "name": f"keyword.other.header.{scope}",
        },
        "date": {"match": r"\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b", "name": f"constant.numeric.date.{scope}"},
        "verb": {"match": words([*VERBS, *BASE_FORMS]), "name": f"support.function.verb.{scope}"},
        "modality": {
            "match": words(["shall", "formally", "exclusively", "jointly"]),
            "name": f"storage.modifier.modality.{scope}",
        },
        "statement": {
            "match": words(
                [
                    "text",
                    "immunity of",
                    "lifted by",
                    "membership of",
                    "incompatible with",
                    "compatible with",
                    "unamendable",
                    "exempt",
                    "from limit of",
                    "for life",
                    "members of",
                    "acts of",
                ]
            ),
            "name": f"keyword.other.statement.{scope}",
        },
        "kind": {"match": words(KINDS), "name": f"support.type.kind.{scope}"},
        "instrument": {"match": words(INSTRUMENTS), "name": f"support.constant.instrument.{scope}"},
        "condition": {
            "match": words(
                [
                    "with consent of",
                    "on proposal of",
                    "on nomination of",
                    "on recommendation of",
                    "after consultation with",
                    "overridable by",
                    "subject to review by",
                    "for cause",
                    "at will",
                    "when",
                    "except",
                    "with quorum of",
                    "with turnout of",
                    "not subject to review",
                    "not within",
                    "after intervening election",
                    "after second vote",
                    "by electing a successor",
                    "binding",
                    "advice",
                    "at least",
                    "of members present",
                    "of votes cast",
                    "of members",
                    "after",
                    "by",
                    "chair of",
                    "of",
                    *TRIGGER_EVENTS,
                ]
            ),
            "name": f"keyword.operator.condition.{scope}",
        },
        "majority": {
            "match": words([*MAJORITY_WORDS, *SHARE_WORDS]),
            "name": f"constant.language.majority.{scope}",
        },
        "attribute": {
            "match": words(
                [
                    "seats",
                    "term",
                    "years",
                    "year",
                    "months",
                    "month",
                    "life",
                    "limit",
                    "consecutive",
                    "member-of",
                    "joint-sitting-of",
                    "ex-officio",
                    "from",
                    "substitutes",
                    "and",
                    "or",
                ]
            ),
            "name": f"keyword.other.attribute.{scope}",
        },
        "number": {"match": r"\b[0-9]+(?:/[0-9]+)?\b", "name": f"constant.numeric.{scope}"},
        "punctuation": {"match": r"[{}().,:]", "name": f"punctuation.separator.{scope}"},
    }


ORDER = [
    "comment",
    "string",
    "waiver",
    "institution",
    "article",
    "header",
    "date",
    "verb",
    "modality",
    "statement",
    "condition",
    "majority",
    "kind",
    "instrument",
    "attribute",
    "number",
    "punctuation",
]


def constitution_grammar() -> dict[str, Any]:
    scope = "constitution"
    return {
        "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
        "name": "Constitution",
        "scopeName": "source.constitution",
        "fileTypes": ["constitution"],
        "patterns": [{"include": f"#{name}"} for name in ORDER],
        "repository": shared(scope),
    }


def amendment_grammar() -> dict[str, Any]:
    scope = "constitution-amendment"
    repository = shared(scope)
    repository["header"]["match"] = (
        r"(?<![\w-])(?:amendment|amends|version|date|status|proposer|source|in-force|adopted|as-of)(?![\w-])"
    )
    repository["operation"] = {
        "match": words(
            [
                "insert",
                "substitute",
                "repeal",
                "renumber",
                "in",
                "rename",
                "change",
                "set",
                "title",
                "to",
                "as",
                "after",
                "before",
            ]
        ),
        "name": f"keyword.control.operation.{scope}",
    }
    repository["status"] = {
        "match": words(["proposed", "adopted", "rejected"]),
        "name": f"constant.language.status.{scope}",
    }
    order = [*ORDER[:5], "operation", "status", *ORDER[5:]]
    return {
        "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
        "name": "Constitution amendment",
        "scopeName": "source.constitution-amendment",
        "fileTypes": ["amendment"],
        "patterns": [{"include": f"#{name}"} for name in order],
        "repository": repository,
    }


GRAMMARS = {
    "constitution.tmLanguage.json": constitution_grammar,
    "amendment.tmLanguage.json": amendment_grammar,
}


def rendered(name: str) -> str:
    return json.dumps(GRAMMARS[name](), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    for name in GRAMMARS:
        (HERE / name).write_text(rendered(name), encoding="utf-8")


if __name__ == "__main__":
    main()
