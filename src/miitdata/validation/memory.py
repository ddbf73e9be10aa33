"""Giving memory back to the system while a validation runs, so its peak is what the data needs.

A layer's temporaries (pyarrow's parse buffers, numpy arrays, pandas' copies) are freed when it ends,
but the allocators keep the pages for reuse: pyarrow's default pool (mimalloc) and glibc's malloc hold
freed memory, so each layer's peak stacks on the last one's leftovers. Measured on the synthetic 1M
package (benchmarks/README.md): peak RSS 1,020 MiB as is, 738 MiB with both of these.

- `use_returning_pool()` (the `miitdata validate` command only, as it owns its process): pyarrow's
  jemalloc pool, set to return freed pages at once (decay 0), where the pyarrow build has jemalloc.
- `give_back()` (between validation layers): pyarrow's pool releases what it holds unused, and glibc
  trims its heap (`malloc_trim`; nothing on other C libraries).

Standard library only at import.
"""

from __future__ import annotations

import functools
import sys
from typing import Any


@functools.cache
def _libc_trim() -> Any:
    """glibc's `malloc_trim`, or None (musl, macOS, Windows). Looked up among the symbols the
    interpreter already has loaded (no `ctypes.util.find_library`, which starts processes)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        return getattr(ctypes.CDLL(None), "malloc_trim", None)
    except (OSError, TypeError):
        return None


def use_returning_pool() -> bool:
    """Make jemalloc with decay 0 pyarrow's default pool; False where pyarrow or its jemalloc is missing."""
    try:
        import pyarrow as pa
    except ImportError:
        return False
    try:
        pool = pa.jemalloc_memory_pool()
        pa.jemalloc_set_decay_ms(0)
    except (NotImplementedError, AttributeError, OSError):
        return False
    pa.set_memory_pool(pool)
    return True


def give_back() -> None:
    """Return the memory the allocators hold unused to the system (pyarrow's pool, glibc's heap)."""
    pa = sys.modules.get("pyarrow")  # nothing to release if pyarrow was never imported
    release = getattr(pa.default_memory_pool(), "release_unused", None) if pa is not None else None
    if release is not None:  # every pyarrow the export extra allows has it; an older one may not
        release()
    trim = _libc_trim()
    if trim is not None:
        trim(0)
