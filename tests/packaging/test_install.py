"""Build the wheel and the sdist, install the wheel into a fresh virtual environment, and run every
command from a folder outside the checkout. Needs network access to PyPI (for the build backend and
the dependencies); deselect locally with ``-m "not packaging"``."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.packaging, pytest.mark.slow]


def run(cmd: list[str], cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=900, env=env, **kwargs)  # type: ignore[call-overload, no-any-return]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    built = run([sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)], cwd=dist)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    wheels, sdists = list(dist.glob("*.whl")), list(dist.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1
    with zipfile.ZipFile(wheels[0]) as wheel:
        names = wheel.namelist()
    assert "constitution_rules/grammar/constitution.lark" in names, "the grammar is missing from the wheel"
    assert not any(n.startswith(("tests/", "specs/", "benchmarks/", "fuzz/")) for n in names)
    with tarfile.open(sdists[0]) as sdist:
        members = sdist.getnames()
    assert any(m.endswith("grammar/constitution.lark") for m in members)
    env_dir = tmp_path_factory.mktemp("venv")
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    done = run([str(python), "-m", "pip", "install", "--quiet", str(wheels[0])], cwd=env_dir)
    assert done.returncode == 0, done.stderr[-3000:]
    return env_dir


def test_every_command_runs_outside_the_checkout(installed: Path, tmp_path: Path) -> None:
    exe = installed / "bin" / "constitution-rules"
    work = tmp_path / "elsewhere"
    work.mkdir()
    spec_dir = ROOT / "specs" / "kazakhstan"
    spec = work / "kz.constitution"
    spec.write_text((spec_dir / "2026.constitution").read_text(encoding="utf-8"), encoding="utf-8")
    env = {"HOME": str(tmp_path), "PATH": os.environ.get("PATH", "")}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(exe), *args], cwd=work, capture_output=True, text=True, timeout=300, env=env)

    help_text = cli("--help")
    assert help_text.returncode == 0
    section = help_text.stdout.split("Commands:")[1].split("\n\n")[0]
    verbs = [line.split()[0] for line in section.splitlines() if line.startswith("  ") and line.strip()]
    assert {"parse", "fmt", "graph", "schema"} <= set(verbs)
    for verb in verbs:
        assert cli(verb, "--help").returncode == 0, verb
    assert cli("--version").returncode == 0
    assert cli("parse", "kz.constitution").returncode == 0
    assert cli("fmt", "--check", "kz.constitution").returncode in (0, 1)
    assert cli("schema").returncode == 0
    for fmt in ("json", "dot", "graphml"):
        assert cli("graph", "kz.constitution", "--format", fmt, "-o", f"kz.{fmt}").returncode == 0
        assert (work / f"kz.{fmt}").stat().st_size > 0
    if "check" in verbs:
        checked = cli("check", "kz.constitution", "--format", "json")
        assert checked.returncode in (0, 1), checked.stderr
        assert '"findings"' in checked.stdout
    for verb in ("rules", "metrics"):
        if verb in verbs:
            args = [verb] if verb == "rules" else [verb, "kz.constitution"]
            assert cli(*args).returncode == 0, cli(*args).stderr
    if "diff" in verbs:
        amendment = spec_dir / "amendments" / "1998.amendment"
        base = work / "1995.constitution"
        base.write_text((spec_dir / "1995.constitution").read_text(encoding="utf-8"), encoding="utf-8")
        assert cli("diff", str(base), str(base)).returncode in (0, 1)
        assert amendment.exists()
    bad = work / "bad.constitution"
    bad.write_text('constitution "X"\ninstitution A: executiv\n', encoding="utf-8")
    broken = cli("parse", "bad.constitution")
    assert broken.returncode == 2 and "did you mean" in broken.stderr and "Traceback" not in broken.stderr
