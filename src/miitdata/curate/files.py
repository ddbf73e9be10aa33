"""Writing a package safely: atomic files, several files as one change, one curator at a time.

Every write goes to a temporary file in the target's directory, is fsynced and renamed over the
target (`os.replace`). `write_files` prepares every file before renaming any, and puts the old
contents back if a rename fails, so a multi-file change never leaves a half state. `locked` holds
an exclusive `fcntl.flock` on `.curation.lock` in the package root while a curator reads, changes
and writes the tables.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

LOCK_NAME = ".curation.lock"


@contextlib.contextmanager
def locked(root: Path) -> Iterator[None]:
    """Hold the package's curation lock (blocks until any other curator releases it)."""
    with (root / LOCK_NAME).open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _temp_beside(path: Path, data: bytes) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_files(files: Mapping[Path, bytes]) -> None:
    """Write every file atomically, all or none: on failure the previous contents are restored."""
    temps: dict[Path, Path] = {}
    try:
        for path, data in files.items():
            temps[path] = _temp_beside(path, data)
    except BaseException:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
        raise
    old = {path: (path.read_bytes() if path.exists() else None) for path in files}
    done: list[Path] = []
    try:
        for path, tmp in temps.items():
            os.replace(tmp, path)
            done.append(path)
    except BaseException:
        for path in done:
            before = old[path]
            if before is None:
                path.unlink(missing_ok=True)
            else:
                os.replace(_temp_beside(path, before), path)
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
        raise
    for directory in {path.parent for path in files}:
        _fsync_dir(directory)
