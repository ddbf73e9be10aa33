"""The one atomic writer of miitdata: files are never left half-written.

A temporary file beside the target, fsync, then `os.replace`. On any failure (a full disk, Ctrl-C,
SIGTERM turned into an exception) the old file stays intact and the temporary file is removed. The new
file keeps the old one's permissions (a new one gets 0o666 less the umask, never mkstemp's 0o600).

- `atomic_path` / `write_atomic`: one output (a report, an export, a datasheet).
- `write_files`: several files of a package as one change, all or none (curate, caches); it refuses
  a target that is not a regular file, and a full disk or a read-only place is `output-unwritable`.

Standard library only.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

# Tests only: a directory holding two FIFOs, `ready` and `go`. A writer that finds it in the environment
# writes its temporary path to `ready`, then waits for `go` to be written or closed, right before the
# rename: the test holds the writer at its last moment (to send a signal then) instead of guessing it.
HOLD_ENV = "MIITDATA_TEST_HOLD_BEFORE_RENAME"


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
            _hold_for_test(tmp)
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


def _hold_for_test(tmp: Path) -> None:
    """Report `tmp` and wait for the test's go, when a test asked for it (see HOLD_ENV); else nothing."""
    hold = os.environ.get(HOLD_ENV)
    if not hold:
        return
    # `go` is opened before `ready` is written: the test's release can then never find it closed
    with open(os.path.join(hold, "go"), encoding="utf-8") as go:
        with open(os.path.join(hold, "ready"), "w", encoding="utf-8") as ready:
            ready.write(f"{tmp}\n")
        go.read()


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


def _refuse_special(path: Path) -> None:
    """PackageError `output-invalid` unless `path` is missing or a regular file (a symlink is followed)."""
    from miitdata.errors import PackageError
    from miitdata.files import file_kind

    kind = file_kind(path)
    if kind not in (None, "missing"):
        raise PackageError("output-invalid", f"not a regular file: {kind}; nothing written", str(path))


def unwritable(exc: OSError, path: str | os.PathLike[str]) -> Exception:
    """The PackageError for a write that failed (`output-unwritable`: permissions, a full disk, a
    read-only file system …)."""
    from miitdata.errors import PackageError

    reason = exc.strerror or str(exc)
    if exc.errno == errno.EFBIG:
        reason = "file too large (the file size limit or the disk is full)"
    return PackageError("output-unwritable", f"cannot write: {reason}; nothing written", os.fspath(path))


def _temp_beside(path: Path, data: bytes, mode: int) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), mode)  # mkstemp's 0600 would make every file private
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


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block is done (the renames finish together), then act as they
    would have: a Python-level handler, since a process-wide signal mask would not stop a signal that
    the kernel hands to another thread (pyarrow's) from interrupting the main thread."""
    arrived: list[int] = []
    previous: dict[int, Any] = {}
    try:
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, lambda signum, frame: arrived.append(signum))
    except ValueError:  # not the main thread: Python delivers no signal here anyway
        pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if arrived:  # now as if it came this moment: its handler runs, the default acts, SIG_IGN ignores
            handler = previous[arrived[0]]
            if callable(handler):
                handler(arrived[0], None)
            elif handler == signal.SIG_DFL:
                os.kill(os.getpid(), arrived[0])


def write_files(files: Mapping[Path, bytes]) -> None:
    """Write every file atomically, all or none; on failure every old file stays as it was.

    Every temporary file is written and fsynced before any is renamed; the renames run with SIGINT and
    SIGTERM held, and if one fails the files already renamed get their old contents back. A target that
    exists and is not a regular file is refused (`output-invalid`: a FIFO is never opened, a device never
    renamed over); a failed write (a full disk, a read-only place, no permission) is `output-unwritable`.
    A symlink is followed: its file is replaced, not the link."""
    targets = {Path(os.path.realpath(path)): data for path, data in files.items()}
    for path in targets:
        _refuse_special(path)
    temps: dict[Path, Path] = {}
    current: Path | None = None
    with sigterm_as_interrupt():
        try:
            for path, data in targets.items():
                current = path
                temps[path] = _temp_beside(path, data, _mode(path))
            current = None
            old = {path: (path.read_bytes(), _mode(path)) if path.exists() else None for path in targets}
            with _signals_held():
                _replace_all(temps, old)
        except OSError as exc:
            raise unwritable(exc, current or exc.filename or next(iter(targets), "")) from None
        finally:
            for tmp in temps.values():
                tmp.unlink(missing_ok=True)
    for directory in {path.parent for path in targets}:
        _fsync_dir(directory)


def _replace_all(temps: dict[Path, Path], old: dict[Path, tuple[bytes, int] | None]) -> None:
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
                os.replace(_temp_beside(path, before[0], before[1]), path)
        raise
