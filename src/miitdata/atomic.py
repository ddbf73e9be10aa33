"""Writing files so that they are never left half-written: a temporary file beside the target, fsync,
then `os.replace`. On any failure (a full disk, Ctrl-C, SIGTERM turned into an exception) the old file
stays intact and the temporary file is removed. Standard library only.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises KeyboardInterrupt, so `finally` clauses clean up."""

    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave the handler alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str], *, directory: bool = False) -> Iterator[Path]:
    """A temporary path beside `target` to write; renamed onto `target` when the block succeeds.

    With `directory=True` the temporary path is a fresh directory, swapped in for `target` (an old
    directory is moved aside first and removed after the swap).
    """
    target = Path(target)
    if target.exists() and not target.is_symlink() and not (target.is_file() or target.is_dir()):
        raise ValueError(f"{target} is not a regular file or directory: refusing to rename over it")
    parent = target.parent if str(target.parent) else Path(".")
    with sigterm_as_interrupt():
        if directory:
            tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
            os.chmod(tmp, _mode(target, 0o777))
        else:
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
            os.close(fd)
            tmp = Path(name)
            os.chmod(tmp, _mode(target))  # mkstemp's 0600 would make every output private
        try:
            yield tmp
            if directory:
                _swap_directory(tmp, target)
            else:
                with open(tmp, "rb+") as fh:
                    os.fsync(fh.fileno())
                os.replace(tmp, target)
        except BaseException:
            if tmp.is_dir() and not tmp.is_symlink():
                shutil.rmtree(tmp, ignore_errors=True)
            else:
                with contextlib.suppress(FileNotFoundError):
                    tmp.unlink()
            raise


def _mode(target: Path, default: int = 0o666) -> int:
    """The permissions a new file at `target` gets: the old file's, else `default` less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return default & ~mask


def _swap_directory(new: Path, target: Path) -> None:
    if not target.exists():
        os.replace(new, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
    os.rmdir(old)
    os.replace(target, old)
    try:
        os.replace(new, target)
    except BaseException:
        os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def write_atomic(target: str | os.PathLike[str], data: str | bytes) -> None:
    """Write `data` (text as UTF-8 with the newlines given) to `target` atomically.

    A symlink is followed (its file is replaced, not the link). A target that exists and is not a
    regular file (/dev/null, /dev/stdout, a FIFO) is written to directly: renaming over it would
    replace the device itself."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    real = Path(os.path.realpath(target))
    if real.exists() and not real.is_file() and not real.is_dir():
        with open(real, "wb") as fh:
            fh.write(raw)
        return
    with atomic_path(real) as tmp:
        tmp.write_bytes(raw)
