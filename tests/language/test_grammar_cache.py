"""The on-disk grammar cache is unpickled by Lark, so it must never be a file another user could
plant: only a per-user folder of ours (mode 0700), only regular files of ours, never /tmp."""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from constitution_rules.language import grammar
from tests.conftest import ROOT

SPEC = ROOT / "specs" / "kazakhstan" / "2022.constitution"


class _Payload:
    """Unpickling this writes a marker file: proof that a planted cache was loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, ...]]:
        return (Path.write_text, (Path(self.marker), "pwned"))  # type: ignore[return-value]


def _digest(start: str = grammar.CONSTITUTION_START) -> str:
    text = grammar.grammar_path().read_text(encoding="utf-8")
    return hashlib.sha256((start + "\n" + text).encode("utf-8")).hexdigest()[:16]


def _plant(path: Path, marker: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"0" * 64 + b"\n" + pickle.dumps(_Payload(marker)))


def _parse_in_fresh_process(env_cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(env_cache)}
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "parse", str(SPEC)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_no_cache_when_the_cache_folder_cannot_be_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert grammar._cache_file("grammar", "start") is None


def test_never_falls_back_to_the_shared_temporary_folder(tmp_path: Path) -> None:
    """The old fallback: /tmp/grammar-<digest>.lark-cache, which any local user could plant."""
    marker = tmp_path / "marker"
    planted = Path(tempfile.gettempdir()) / f"grammar-{_digest()}.lark-cache"
    existed = planted.exists()
    if not existed:
        _plant(planted, marker)
    try:
        blocker = tmp_path / "cache-is-a-file"
        blocker.write_text("", encoding="utf-8")
        done = _parse_in_fresh_process(blocker)
    finally:
        if not existed:
            planted.unlink()
    assert done.returncode == 0, done.stderr
    assert not marker.exists()


def test_a_world_writable_cache_folder_is_not_used(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    folder = tmp_path / "cache" / "constitution-rules"
    _plant(folder / f"grammar-{_digest()}.lark-cache", marker)
    folder.chmod(0o777)
    done = _parse_in_fresh_process(tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    assert not marker.exists()


def test_a_group_writable_cache_file_is_not_unpickled(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    folder = tmp_path / "cache" / "constitution-rules"
    folder.mkdir(parents=True, mode=0o700)
    planted = folder / f"grammar-{_digest()}.lark-cache"
    _plant(planted, marker)
    planted.chmod(0o666)
    done = _parse_in_fresh_process(tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    assert not marker.exists()


def test_a_symlinked_cache_file_is_not_followed(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    folder = tmp_path / "cache" / "constitution-rules"
    folder.mkdir(parents=True, mode=0o700)
    elsewhere = tmp_path / "elsewhere.pickle"
    _plant(elsewhere, marker)
    (folder / f"grammar-{_digest()}.lark-cache").symlink_to(elsewhere)
    done = _parse_in_fresh_process(tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    assert not marker.exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="making a file of another user needs root")
def test_another_users_cache_file_is_not_unpickled(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    folder = tmp_path / "cache" / "constitution-rules"
    folder.mkdir(parents=True, mode=0o700)
    planted = folder / f"grammar-{_digest()}.lark-cache"
    _plant(planted, marker)
    os.chown(planted, 65534, 65534)
    planted.chmod(0o644)
    done = _parse_in_fresh_process(tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    assert not marker.exists()


def test_the_cache_folder_is_private_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first = grammar._cache_file("grammar text", "start")
    assert first is not None
    folder = Path(first).parent
    assert folder.stat().st_mode & 0o777 == 0o700
    assert grammar._cache_file("grammar text", "start") == first
