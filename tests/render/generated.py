"""Generated constitutions for layout stress tests: many institutions of every kind, many powers."""

from __future__ import annotations

import random

from constitution_rules.vocabulary import KINDS

_VERBS_ON_INSTITUTIONS = ("appoints", "dismisses", "questions", "dissolves", "audits", "elects", "impeaches")
_VERBS_ON_INSTRUMENTS = (("adopts", "laws"), ("issues", "decrees"), ("vetoes", "laws"), ("declares", "emergency"))


def generated_spec(institutions: int = 60, clauses: int = 150, seed: int = 7) -> str:
    rng = random.Random(seed)
    kinds = [k for k in KINDS if k != "electorate"]
    lines = ['constitution "Generated Republic"', '  version "stress test"', "", "institution People: electorate"]
    names = ["People"]
    for index in range(1, institutions):
        name = f"Body{index:02d}"
        kind = kinds[index % len(kinds)]
        # Long display names wrap; some exceed three lines and are cut with an ellipsis.
        words = " ".join(
            rng.choice(["National", "Supreme", "Council", "of", "the", "Republic", "Chamber"])
            for _ in range(rng.randint(1, 9))
        )
        lines.append(f'institution {name} "{words} {index}": {kind}')
        names.append(name)
    lines.append("")
    for article in range(1, clauses + 1):
        actor = rng.choice(names)
        if rng.random() < 0.25:
            verb, target = rng.choice(_VERBS_ON_INSTRUMENTS)
        else:
            verb, target = rng.choice(_VERBS_ON_INSTITUTIONS), rng.choice([n for n in names if n != actor])
        condition = f" with consent of {rng.choice(names)}" if rng.random() < 0.2 else ""
        lines.append(f"article {article} {{\n  {actor} {verb} {target}{condition}.\n}}")
    return "\n".join(lines) + "\n"


def dense_spec(institutions: int, pairs: int) -> str:
    """``pairs`` distinct appointment edges between ``institutions`` bodies (for Mermaid's edge limit)."""
    names = [f"B{i:03d}" for i in range(institutions)]
    lines = ['constitution "Dense"', *[f"institution {n}: executive" for n in names], ""]
    count = 0
    for actor in names:
        for target in names:
            if actor != target and count < pairs:
                count += 1
                lines.append(f"article {count} {{\n  {actor} appoints {target}.\n}}")
    return "\n".join(lines) + "\n"
