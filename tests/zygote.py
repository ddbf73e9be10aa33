"""`python -m miitdata` in a fresh process, without paying for its imports each time (a fork server).

One helper process (this module run as `python -m tests.zygote`) imports what the CLI imports and
then only forks: each command runs in a new child process with its own pid, working directory,
environment, standard streams (files), signal handlers and exit code, exactly as `python -m miitdata`
would run it, except that pandas, pandera, pyarrow, jsonschema and the CLI are already imported
(nothing of miitdata's has run). The helper is single-threaded, so forking it is safe.

The tests talk to it with one JSON line per command on its stdin and get JSON lines back (the
child's pid, then its exit status); a command that outlives its timeout is killed (SIGKILL) and
raises `subprocess.TimeoutExpired`, as `subprocess.run` would.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PRELOAD = (
    "miitdata.cli.main",
    "miitdata.validation.run",
    "miitdata.validation.layers.structure",
    "miitdata.validation.layers.provenance",
    "miitdata.validation.layers.consistency",
    "miitdata.validation.layers.relations",
    "miitdata.validation.layers.content",  # pandas and pandera
    "pyarrow.csv",
    "pyarrow.compute",
    "jsonschema",
)


def _child(request: dict[str, Any]) -> None:
    """In the forked child: become `python -m miitdata ARGS` and exit with its status."""
    import runpy
    import signal
    import traceback

    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
        target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)
    sys.argv = ["miitdata", *request["args"]]
    code: int = 0
    try:
        runpy.run_module("miitdata", run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        if exc.code is None:
            code = 0
        elif isinstance(exc.code, int):
            code = exc.code
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    except KeyboardInterrupt:
        traceback.print_exc()
        code = 130
    except BaseException:  # what Python prints for an uncaught exception, and its exit status
        traceback.print_exc()
        code = 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):  # a closed stream: nothing more to write
                stream.flush()
    os._exit(code & 0xFF)


def serve() -> None:
    """The helper's loop: read a request, fork, report the pid and then the exit status."""
    for name in PRELOAD:
        __import__(name)
    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)  # the helper itself never reads or writes the standard streams again
    os.dup2(null, 1)
    for line in requests:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(request)
        replies.write(json.dumps({"pid": pid}) + "\n")
        replies.flush()
        _, status = os.waitpid(pid, 0)
        replies.write(json.dumps({"status": os.waitstatus_to_exitcode(status)}) + "\n")
        replies.flush()


class Zygote:
    """The test side: `run(args, cwd=, env=, timeout=)` like `subprocess.run([python, -m, miitdata, ...])`."""

    def __init__(self) -> None:
        root = Path(__file__).resolve().parents[1]
        self._dir = tempfile.TemporaryDirectory(prefix="miitdata-zygote-")
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "tests.zygote"],
            cwd=root,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
        )
        self._count = 0
        self._pending = b""

    def _reply(self, deadline: float | None) -> dict[str, Any] | None:
        """The next JSON line from the server, or None once `deadline` (monotonic) has passed."""
        assert self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        while b"\n" not in self._pending:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([fd], [], [], wait)
            if not ready:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                raise RuntimeError("the fork server ended")
            self._pending += chunk
        line, self._pending = self._pending.split(b"\n", 1)
        return json.loads(line)

    def run(
        self, args: list[str], *, cwd: Path, env: dict[str, str], timeout: float
    ) -> subprocess.CompletedProcess[str]:
        assert self._proc.stdin is not None
        self._count += 1
        out = Path(self._dir.name) / f"{self._count}.out"
        err = Path(self._dir.name) / f"{self._count}.err"
        request = {"args": args, "cwd": str(cwd), "env": env, "stdout": str(out), "stderr": str(err)}
        self._proc.stdin.write((json.dumps(request) + "\n").encode("utf-8"))
        started = self._reply(None)
        assert started is not None
        done = self._reply(time.monotonic() + timeout)
        if done is None:
            os.kill(started["pid"], 9)
            self._reply(None)
            raise subprocess.TimeoutExpired(["miitdata", *args], timeout)
        stdout = out.read_text(encoding="utf-8", errors="replace")
        stderr = err.read_text(encoding="utf-8", errors="replace")
        out.unlink()
        err.unlink()
        return subprocess.CompletedProcess(["miitdata", *args], done["status"], stdout, stderr)

    def close(self) -> None:
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._proc.kill()
        self._dir.cleanup()


if __name__ == "__main__":
    serve()
