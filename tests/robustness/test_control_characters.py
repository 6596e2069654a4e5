"""Names holding characters XML 1.0 forbids, or terminal escapes, still give well-formed XML in
every XML format and never reach a terminal or a Markdown/Mermaid reader raw."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from constitution_rules.cli import cli

HOSTILE = "Pres\x01id\x08ent \x1b[31mRED\x1b[0m \ufffe\x7f end"
SPEC = f'''constitution "Hostile \x0b name"
  version "v\x02"

institution President "{HOSTILE}": executive, head-of-state
institution Parliament "Parl\x1f": legislature, seats 100

article 1 "Title \x1b]0;owned\x07" {{
  President dissolves Parliament when "always\x03".
  Parliament adopts laws.
}}
'''


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.constitution"
    path.write_text(SPEC, encoding="utf-8")
    return path


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.mark.parametrize("fmt", ["svg", "graphml", "gexf"])
def test_xml_formats_are_well_formed(spec: Path, fmt: str) -> None:
    out = _run("graph", str(spec), "--format", fmt)
    root = ET.fromstring(out.encode("utf-8"))
    text = ET.tostring(root, encoding="unicode")
    assert "RED" in text  # the name is kept, only the forbidden characters go
    assert "\x01" not in out and "\x1b" not in out and "\ufffe" not in out


@pytest.mark.parametrize(
    "args",
    [
        ("graph", "--format", "mermaid"),
        ("check", "--format", "markdown"),
        ("check", "--format", "text"),
        ("metrics",),
    ],
)
def test_terminal_and_markdown_outputs_carry_no_control_characters(spec: Path, args: tuple[str, ...]) -> None:
    out = _run(args[0], str(spec), *args[1:])
    assert not [c for c in out if (ord(c) < 0x20 and c not in "\n") or 0x7F <= ord(c) < 0xA0], repr(out[:200])
