"""Writing a package safely: several files as one change (`miitdata.atomic.write_files`, the one
atomic writer), one curator at a time.

`locked` holds an exclusive `fcntl.flock` on `.curation.lock` in the package root while a curator
reads, changes and writes the tables. The lock must be a regular file: a FIFO, a device, a directory or
a symlink there is refused (`output-invalid`) and never opened in a way that could block; a package
where the lock cannot be created (read-only, no permission) is `output-unwritable`.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from miitdata.atomic import unwritable, write_files
from miitdata.errors import PackageError

__all__ = ["LOCK_NAME", "locked", "write_files"]

LOCK_NAME = ".curation.lock"


def _open_lock(path: Path) -> int:
    """A descriptor of the lock file (created when missing); refuses anything but a regular file."""
    flags = os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        fd = os.open(path, flags, 0o666)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EISDIR, errno.ENXIO, errno.EMLINK):
            what = {errno.EISDIR: "a directory", errno.ENXIO: "a special file"}.get(exc.errno, "a symlink")
            raise PackageError(
                "output-invalid", f"the curation lock is {what}, not a regular file", str(path)
            ) from None
        raise unwritable(exc, path) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise PackageError("output-invalid", "the curation lock is not a regular file", str(path))
    return fd


@contextlib.contextmanager
def locked(root: Path) -> Iterator[None]:
    """Hold the package's curation lock (blocks until any other curator releases it)."""
    fd = _open_lock(root / LOCK_NAME)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
