"""A `miitdata` command on PATH that runs this interpreter's `python -m miitdata`.

dvc.yaml's stages and the README's commands call `miitdata`; tests put this shim first on PATH so
they run the miitdata that the tests import (the checkout's), not whatever script an environment
happens to have installed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def shim_dir(where: Path) -> Path:
    """Write `where/miitdata` (a POSIX shell script) and return `where`."""
    where.mkdir(parents=True, exist_ok=True)
    script = where / "miitdata"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m miitdata "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return where


def shim_path(where: Path) -> str:
    """PATH with the shim first, then this interpreter's bin directory (dvc, pre-commit), then PATH."""
    parts = [str(shim_dir(where)), str(Path(sys.executable).parent), os.environ.get("PATH", "")]
    return os.pathsep.join(parts)
