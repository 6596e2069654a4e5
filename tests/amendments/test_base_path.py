"""``amends "PATH"`` resolves relative to the amendment and must name a .constitution file inside
the amendment's project: an untrusted amendment cannot make the tool read, and echo, other files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SPECS
from tests.robustness.pipeline import invoke


def _amendment(folder: Path, amends: str) -> Path:
    path = folder / "leak.amendment"
    path.write_text(f'amendment "T"\n  amends "{amends}"\n\nrepeal article 1\n', encoding="utf-8")
    return path


@pytest.mark.parametrize("target", ["/etc/passwd", "/dev/zero", "/proc/self/environ"])
def test_a_base_that_is_not_a_constitution_is_refused_without_reading_it(tmp_path: Path, target: str) -> None:
    result = invoke(["diff", str(_amendment(tmp_path, target))])
    assert result.exit_code == 2
    assert "amends must name a .constitution file" in result.stderr
    assert "root:" not in result.output and "internal error" not in result.stderr


def test_a_base_outside_the_project_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.constitution"
    outside.write_text('constitution "Secret"\nthis line must not be echoed\n', encoding="utf-8")
    project = tmp_path / "project"
    (project / "amendments").mkdir(parents=True)
    (project / "pyproject.toml").write_text("", encoding="utf-8")
    result = invoke(["diff", str(_amendment(project / "amendments", "../../outside.constitution"))])
    assert result.exit_code == 2
    assert "outside the amendment's repository or folder" in result.stderr
    assert "must not be echoed" not in result.output


def test_a_base_inside_the_project_is_used(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "amendments").mkdir()
    (tmp_path / "base.constitution").write_text(
        'constitution "B"\ninstitution P: executive\narticle 1 {\n  P issues decrees.\n}\narticle 2 {\n  P issues decrees.\n}\n',
        encoding="utf-8",
    )
    result = invoke(["diff", str(_amendment(tmp_path / "amendments", "../base.constitution"))])
    assert result.exit_code in (0, 1), result.stderr


def test_the_kazakhstan_chain_still_resolves() -> None:
    result = invoke(["history", str(SPECS / "kazakhstan")])
    assert result.exit_code == 0, result.stderr
    assert "1998" in result.stdout
