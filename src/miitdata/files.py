"""Opening input files safely: the one check every reader makes before it opens a file, and the one
place Python's csv field limit is raised. Standard library only.

`regular_file(path, code)` refuses, with a `PackageError` of the given code, what a reader must never
open or wait on: a path with a NUL byte, a symlink loop, a path too long, a directory, and special
files (a FIFO would block the reader forever; a device or socket is not data). It uses `os.stat`
(following symlinks, as `open` would) and never opens the file.
"""

from __future__ import annotations

import csv
import errno
import os
import stat
import sys

TYPE_CHECKING = False  # no `import pathlib` at `import miitdata` (imported where a Path is made)
if TYPE_CHECKING:
    from pathlib import Path

# A cell may be as long as a file: the csv module's default limit (128 KiB) would refuse a long note in a
# package that validates. Raised once, here; `miitdata/__init__.py` imports this module.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

NO_SUCH_FILE = "no such file"  # the message of a missing file's PackageError

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def path_problem(path: str | os.PathLike[str]) -> str | None:
    """Why `path` cannot name a file at all (a NUL byte), or None."""
    return "the path contains a NUL byte" if "\x00" in os.fspath(path) else None


def file_kind(path: str | os.PathLike[str]) -> str | None:
    """What `path` is when it is not a regular file ("a directory", "a named pipe (FIFO)" …), "missing"
    when nothing is there, or None for a regular file. Raises PackageError(`path-invalid`) for a path no
    file can have (NUL byte, symlink loop, too long)."""
    from miitdata.errors import PackageError

    shown = repr(os.fspath(path))[1:-1][:300]
    problem = path_problem(path)
    if problem:
        raise PackageError("path-invalid", problem, shown)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise PackageError("path-invalid", "a symlink loop", shown) from None
        if exc.errno == errno.ENAMETOOLONG:
            raise PackageError("path-invalid", "the path is too long", shown) from None
        if exc.errno == errno.ENOTDIR:
            return "missing"
        raise PackageError("path-invalid", exc.strerror or str(exc), shown) from None
    except ValueError as exc:  # e.g. a path the platform cannot encode
        raise PackageError("path-invalid", str(exc), shown) from None
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return None if stat.S_ISREG(mode) else "not a regular file"


def regular_file(path: str | os.PathLike[str], code: str, *, missing: str | None = None) -> Path:
    """`path` as a Path if it is a regular file; else PackageError `code` (`missing` for a missing one)."""
    from miitdata.errors import PackageError

    kind = file_kind(path)
    if kind is None:
        from pathlib import Path

        return Path(path)
    if kind == "missing":
        raise PackageError(missing or code, NO_SUCH_FILE, os.fspath(path))
    raise PackageError(code, f"not a regular file: {kind}", os.fspath(path))


def read_bytes(path: str | os.PathLike[str], code: str) -> bytes:
    """The bytes of a regular file; PackageError `code` for anything else or a read error."""
    from miitdata.errors import PackageError

    checked = regular_file(path, code)
    try:
        return checked.read_bytes()
    except OSError as exc:
        raise PackageError(code, exc.strerror or str(exc), os.fspath(path)) from None
