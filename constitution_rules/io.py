"""Writing files safely: never a half-written output, never a touched original on failure, and
never a replaced device, link or input.

- ``-`` writes to standard output.
- A device, FIFO or socket (``-o /dev/null``, ``-o /dev/stdout``) is written to directly: renaming a
  temporary file over it would replace the device node with a regular file.
- A symbolic link is written through to its target, as editors do; the link stays a link.
- An existing regular file keeps its mode and owner; one with several hard links is rewritten in
  place (after the new content has been written and flushed in full to a temporary copy), so the
  links keep sharing it.
- A read-only file (no write bit) is refused unless ``allow_read_only``; so is an output that is
  one of the command's inputs.
- A new file gets the mode a plain ``open(path, "w")`` would give under the current umask.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path


class UnsafeWrite(OSError):
    """A write refused before anything was touched; the CLI reports it as ``error: FILE: reason``."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(errno.EPERM, reason, str(path))


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_stdout(data: str | bytes) -> None:
    stream = sys.stdout
    if stream is None or getattr(stream, "closed", False):
        raise OSError(errno.EBADF, "standard output is closed", "-")
    if isinstance(data, bytes):
        stream.buffer.write(data)
    else:
        try:
            stream.write(data)
        except UnicodeEncodeError:
            # A terminal or pipe set to a narrow encoding (PYTHONIOENCODING=ascii): the report is
            # UTF-8, written as bytes rather than failing half-way.
            stream.flush()
            stream.buffer.write(data.encode("utf-8"))
    stream.flush()


def atomic_write(
    path: str | os.PathLike[str],
    data: str | bytes,
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
    allow_read_only: bool = False,
) -> None:
    """Write ``data`` to ``path`` safely (see the module's docstring for what "safely" means)."""
    if str(path) == "-":
        _write_stdout(data)
        return
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(path)
    real = target.resolve() if target.is_symlink() else target
    if any(_same_file(real, Path(source)) for source in inputs):
        raise UnsafeWrite(path, "is an input of this command; refusing to overwrite it (write the output elsewhere)")
    try:
        info = os.stat(real)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        with open(real, "wb") as handle:  # a device, FIFO or socket: write into it, never replace it
            handle.write(payload)
        return
    if info is not None and not allow_read_only and not info.st_mode & 0o222:
        raise UnsafeWrite(path, "is read-only; refusing to rewrite it (make it writable first)")
    folder = real.parent if str(real.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if info is not None and info.st_nlink > 1:
            _copy_in_place(tmp_name, real)
            os.unlink(tmp_name)
            return
        if info is None:
            os.chmod(tmp_name, 0o666 & ~_current_umask())
        else:
            os.chmod(tmp_name, stat.S_IMODE(info.st_mode))
            if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
                with contextlib.suppress(PermissionError):  # only root may give a file away
                    os.chown(tmp_name, info.st_uid, info.st_gid)
        os.replace(tmp_name, real)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def _copy_in_place(source: str, target: Path) -> None:
    """Rewrite ``target``'s content from the complete, flushed ``source`` without replacing its
    inode (hard links keep sharing it)."""
    with open(source, "rb") as new, open(target, "r+b") as old:
        shutil.copyfileobj(new, old)
        old.truncate()
        old.flush()
        os.fsync(old.fileno())


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
