"""``--format github``: one workflow command per finding, escaped as the Actions runner reads them,
and the documented workflow is valid YAML with what code scanning needs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from tests.conftest import ROOT, SPECS
from tests.robustness.pipeline import invoke

KZ = SPECS / "kazakhstan" / "2022.constitution"
COMMAND = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def test_one_annotation_per_active_finding() -> None:
    annotations = invoke(["check", str(KZ), "--format", "github"])
    json_report = invoke(["check", str(KZ), "--format", "json"])
    assert annotations.exit_code == json_report.exit_code == 1
    lines = annotations.stdout.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    findings = json.loads(json_report.stdout)["files"][0]["findings"]
    assert len(commands) == sum(1 for f in findings if not f["waived"])  # each active finding once
    for line in commands:
        match = COMMAND.match(line)
        assert match, line
        props = dict(p.split("=", 1) for p in match["props"].split(","))
        assert props["file"].endswith("2022.constitution") and int(props["line"]) > 0
        assert re.match(r"CB\d{3} [a-z-]+$", props["title"])
        assert "\n" not in match["message"]
    assert lines[-1].startswith("Found ")


def test_message_and_properties_are_escaped(tmp_path: Path) -> None:
    spec = tmp_path / "odd, name: 100%.constitution"
    spec.write_text(
        'constitution "T"\ninstitution P "50% of, all: powers": executive, head-of-state\n'
        "article 1 {\n  P issues decrees.\n}\n",
        encoding="utf-8",
    )
    out = invoke(["check", str(spec), "--format", "github"]).stdout
    first = out.splitlines()[0]
    props, message = COMMAND.match(first).group("props", "message")  # type: ignore[union-attr]
    assert "file=" in props and "odd%2C name%3A 100%25.constitution" in props
    assert "50%25 of, all: powers" in message


def _workflow() -> dict[str, object]:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(# \.github/workflows/.*?)```", text, re.S)
    assert block, "docs/ci.md has no workflow block"
    loaded = yaml.safe_load(block.group(1))
    assert isinstance(loaded, dict)
    return loaded


def test_documented_workflow_uploads_sarif_with_the_permission_it_needs() -> None:
    workflow = _workflow()
    assert workflow["permissions"]["security-events"] == "write"  # type: ignore[index]
    steps = workflow["jobs"]["gate"]["steps"]  # type: ignore[index]
    uses = [step.get("uses", "") for step in steps]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    runs = " ".join(step.get("run", "") for step in steps)
    assert "--format sarif -o results.sarif" in runs and "--format github" in runs
