"""Start-up cost: the language verbs never import networkx (nor the rules or renderers); check
never imports the renderers. Its rules stand on the analysis layer over the power graph, so it does
import networkx (issue 9); its start-up against the import floor is measured in benchmarks/."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "specs" / "kazakhstan" / "2026.constitution"

PROBE = textwrap.dedent(
    """
    import json, sys
    sys.path.insert(0, {root!r})
    from constitution_rules.cli import main
    try:
        main({args!r})
    except SystemExit:
        pass
    heavy = ("networkx", "constitution_rules.graph", "constitution_rules.rules", "constitution_rules.render")
    sys.stderr.write(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in heavy or m.startswith(heavy))))
    """
)


@pytest.mark.parametrize(
    "args", [["parse", str(SPEC)], ["fmt", "--check", str(SPEC)], ["parse", "--format", "json", str(SPEC)], ["--help"]]
)
def test_language_verbs_do_not_import_networkx(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(root=str(ROOT), args=args)], capture_output=True, text=True, timeout=120
    )
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert loaded == [], f"{' '.join(args)} imported {loaded}"


def test_the_probe_can_fail() -> None:
    """graph does need networkx: the probe sees it, so an empty list above means something."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(root=str(ROOT), args=["graph", str(SPEC), "--format", "dot"])],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "networkx" in json.loads(done.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "markdown"])
def test_check_does_not_import_the_renderers(fmt: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(root=str(ROOT), args=["check", "--format", fmt, str(SPEC)])],
        capture_output=True,
        text=True,
        timeout=120,
    )
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    unwanted = [m for m in loaded if m.startswith("constitution_rules.render")]
    assert unwanted == [], f"check --format {fmt} imported {unwanted}"
    assert "constitution_rules.rules.engine" in loaded  # the probe saw the rules run
