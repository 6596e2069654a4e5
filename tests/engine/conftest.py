from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from constitution_rules.language.parser import parse_text
from constitution_rules.model import Constitution
from constitution_rules.rules import registry

HERE = Path(__file__).resolve().parent

SPEC = """\
constitution "Testland"

institution People: electorate
institution President: executive, head-of-state
institution Parliament: legislature
institution Court: judiciary
institution Auditor: audit

article 1 {
  People elects President.
  People elects Parliament.
}

article 2(1) {
  President dismisses Court at will.
  President appoints Court.
  President dismisses Parliament at will.
}

article 3 {
  Parliament adopts laws.
}
"""


def make_plugin_site(site: Path) -> Path:
    """A folder holding the fake rules module and a dist-info that declares it as a plugin."""
    site.mkdir(parents=True, exist_ok=True)
    (site / "fakerules.py").write_text((HERE / "fakerules.py").read_text(encoding="utf-8"), encoding="utf-8")
    info = site / "fakerules-1.0.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fakerules\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[constitution_rules.rules]\nfake = fakerules\n", encoding="utf-8")
    return site


@pytest.fixture
def plugin_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fake plugin, visible to this process (sys.path) and to CLI subprocesses (PYTHONPATH)."""
    site = make_plugin_site(tmp_path / "site")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("PYTHONPATH", str(site))
    sys.modules.pop("fakerules", None)
    yield site
    sys.modules.pop("fakerules", None)


@pytest.fixture
def fake_rules(plugin_site: Path):
    """The registry with the engine's rules and the fake plugin's rules only; restored afterwards."""
    with registry.isolated_registry(builtin=False, plugins=True):
        yield registry.all_rules()


def spec(text: str = SPEC, name: str = "test.constitution") -> Constitution:
    return parse_text(textwrap.dedent(text), name)
