"""Synthetic but realistic constitutions of any size, for the benchmarks.

A large constitution is modelled as a federation: region 0 is a real spec (Kazakhstan 2026: its
institution kinds, its clause mix and its condition rates), and each further region is a copy of it
with its own institutions (``President_r3``), its own articles (``3-46(2)``) and its own comments.
One condition in twenty names an institution of region 0 instead of the region's own, so the
regions form one connected power graph. The text is written by the project's own printer, so it is
valid by construction; the output is deterministic for a given size.

    python benchmarks/generate.py 10000 > synthetic.constitution
"""

from __future__ import annotations

import random
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing, like cli.py

from constitution_rules import model as m  # noqa: E402
from constitution_rules.language import printer  # noqa: E402
from constitution_rules.language.parser import parse_file  # noqa: E402

TEMPLATE = ROOT / "specs" / "kazakhstan" / "2026.constitution"
CROSS_REGION_RATE = 0.05
SIZES = (10, 100, 1_000, 10_000, 100_000)


@cache
def template() -> m.Constitution:
    return parse_file(TEMPLATE)


def _rename(name: str, region: int) -> str:
    return name if region == 0 else f"{name}_r{region}"


def _institution_line(inst: m.Institution, region: int) -> str:
    renamed = inst.model_copy(
        update={
            "id": _rename(inst.id, region),
            "name": None if inst.name is None else (inst.name if region == 0 else f"{inst.name} (region {region})"),
            "member_of": None if inst.member_of is None else _rename(inst.member_of, region),
            "joint_sitting_of": tuple(_rename(j, region) for j in inst.joint_sitting_of),
        }
    )
    return printer.institution_text(renamed)


def _clause_line(clause: m.PowerClause, region: int, institutions: set[str], rng: random.Random) -> str:
    def who(name: str) -> str:
        return name if rng.random() < CROSS_REGION_RATE else _rename(name, region)

    conditions = tuple(
        c.model_copy(update={"institution": who(c.institution)}) if getattr(c, "institution", None) else c
        for c in clause.conditions
    )
    target = _rename(clause.target, region) if clause.target in institutions else clause.target
    renamed = clause.model_copy(
        update={"actor": _rename(clause.actor, region), "target": target, "conditions": conditions}
    )
    return "  " + printer.clause_text(renamed) + "."


def generate(clauses: int, seed: int = 0) -> str:
    """A constitution with exactly ``clauses`` power clauses."""
    base = template()
    rng = random.Random(seed)
    names = {i.id for i in base.institutions}
    per_region = len(base.clauses)
    regions = max(1, -(-clauses // per_region))
    out = [f'constitution "Synthetic federation of {regions} regions"', '  version "benchmark"', ""]
    for region in range(regions):
        out.append(f"# Region {region}: institutions")
        out.extend(_institution_line(inst, region) for inst in base.institutions)
    out.append("")
    left = clauses
    for region in range(regions):
        for provision in base.provisions:
            if left <= 0 or not provision.clauses:
                continue
            taken = provision.clauses[:left]
            left -= len(taken)
            number = provision.article if region == 0 else f"{region}-{provision.article}"
            ref = number + "".join(f"({p})" for p in provision.paragraphs)
            title = f" {printer.quote(provision.title)}" if provision.title else ""
            out.append(f"# {provision.citation}, region {region}: {provision.title or 'untitled'}")
            out.append(f"article {ref}{title} {{")
            out.extend(_clause_line(c, region, names, rng) for c in taken)
            out.append("}")
            out.append("")
    return "\n".join(out)


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    sys.stdout.write(generate(size))


if __name__ == "__main__":
    main()
