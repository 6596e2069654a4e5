from __future__ import annotations

from pathlib import Path

import pytest

BASE = """\
constitution "Testland"
  version "v1"

institution People: electorate
institution President: executive, head-of-state, term 5 years
institution Parliament: legislature, seats 100
institution Court: constitutional-review, seats 9
institution Council "Constitutional Council": constitutional-review, seats 7

# the founding article
article 3 "Elections" {
  People elects President.
  People elects Parliament.  # direct
}

article 10(1) {
  Parliament adopts laws by majority.
  President vetoes laws, overridable by Parliament by two-thirds.
}

article 10(2) {
  President issues decrees.
}

article 20 {
  President appoints 3 of 9 Court with consent of Parliament.
  Parliament appoints 6 of 9 Court.
}

article 21 {
  Council reviews laws.
}
"""


@pytest.fixture
def base(tmp_path: Path) -> Path:
    path = tmp_path / "base.constitution"
    path.write_text(BASE, encoding="utf-8")
    return path


@pytest.fixture
def amendment(tmp_path: Path):
    def _write(body: str, name: str = "change.amendment", header: str | None = None) -> Path:
        head = header or 'amendment "Test change"\n  amends "base.constitution"\n  date 2024-01-01\n  status proposed\n'
        path = tmp_path / name
        path.write_text(head + "\n" + body, encoding="utf-8")
        return path

    return _write
