"""The test's side of `miitdata.atomic.HOLD_ENV`: stop a writer in another process right before its
rename, at a moment the test controls, instead of guessing that moment with sleeps.

    with Hold(tmp_path / "hold") as hold:
        proc = subprocess.Popen([...], env={**os.environ, **hold.env}, stderr=subprocess.PIPE)
        tmp = hold.wait(proc)      # the writer has written everything and waits; its temporary path
        proc.send_signal(...)      # or hold.release(): the writer renames and finishes

Both FIFOs are opened read-write by the test, so the writer's opens never block and its wait on `go`
lasts until the test writes to it or closes it (or a signal interrupts the wait).
"""

from __future__ import annotations

import os
import select
import subprocess
from pathlib import Path
from types import TracebackType

from miitdata.atomic import HOLD_ENV

GUARD = 600.0  # seconds: only a writer that never reaches its rename (a bug) waits this long


class Hold:
    def __init__(self, directory: Path) -> None:
        directory.mkdir()
        os.mkfifo(directory / "ready")
        os.mkfifo(directory / "go")
        self.env = {HOLD_ENV: str(directory)}
        self._ready = os.open(directory / "ready", os.O_RDWR)
        self._go: int | None = os.open(directory / "go", os.O_RDWR)
        self.stderr = b""

    def wait(self, proc: subprocess.Popen[bytes]) -> Path:
        """Block until the writer reports its temporary path; fail if the process ends first."""
        assert proc.stderr is not None
        err = proc.stderr.fileno()
        data = b""
        while not data.endswith(b"\n"):
            readable, _, _ = select.select([self._ready, err], [], [], GUARD)
            assert readable, f"the writer did not reach its rename within {GUARD} s"
            if self._ready in readable:
                data += os.read(self._ready, 4096)
                continue
            chunk = os.read(err, 65536)
            self.stderr += chunk
            if not chunk:
                proc.wait()
                raise AssertionError(
                    f"the writer exited ({proc.returncode}) before its rename: {self.stderr!r}"
                )
        return Path(data.decode().strip())

    def release(self) -> None:
        """Let the held writer rename and finish."""
        if self._go is not None:
            os.write(self._go, b"go\n")
            os.close(self._go)
            self._go = None

    def __enter__(self) -> Hold:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
        os.close(self._ready)
