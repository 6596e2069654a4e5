"""docs/corpus.md lists every spec with its true version, date and counts."""

from __future__ import annotations

import re

from constitution_rules.language.parser import parse_file
from tests.conftest import ROOT, SPECS

ROW = re.compile(r"^\| `(specs/[^`]+\.constitution)` \| (.*?) \| (.*?) \| (\d+) \| (\d+) \|$", re.M)


def test_every_spec_is_listed_with_its_counts() -> None:
    text = (ROOT / "docs" / "corpus.md").read_text(encoding="utf-8")
    listed = {m.group(1): m.groups()[1:] for m in ROW.finditer(text)}
    specs = sorted(str(p.relative_to(ROOT)) for p in SPECS.rglob("*.constitution"))
    assert sorted(listed) == specs
    for path, (version, as_of, clauses, articles) in listed.items():
        constitution = parse_file(ROOT / path)
        assert version == (constitution.version or ""), path
        assert as_of == str(constitution.as_of or constitution.adopted or ""), path
        assert (int(clauses), int(articles)) == (len(constitution.clauses), len(constitution.provisions)), (
            f"{path}: docs/corpus.md is stale; run the generator in its last paragraph"
        )


def test_every_country_has_a_fidelity_record() -> None:
    text = (ROOT / "docs" / "corpus.md").read_text(encoding="utf-8")
    for folder in sorted(p for p in SPECS.iterdir() if p.is_dir()):
        assert (folder / "REVIEW.md").is_file(), folder.name
        assert f"../specs/{folder.name}/REVIEW.md" in text, folder.name
