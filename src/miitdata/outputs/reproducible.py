"""Byte-reproducible export files: remove what depends on the installed library versions.

`dvc repro` on any machine must rebuild the locked outputs byte for byte (`dvc status` clean). The
writers are deterministic for given library versions; two header fields name those versions:

* Parquet: the footer's `created_by` ("parquet-cpp-arrow version 26.0.1"). `pin_parquet` rewrites
  it to `PARQUET_CREATED_BY`, the oldest pyarrow miitdata supports (readers only use `created_by` to
  distrust statistics of old buggy writers, so claiming an older writer is safe).
* SQLite: the page size (a compile-time default), the header's "SQLite version number" of the
  last writer (offset 96), its change counter (offsets 24 and 92) and schema cookie (40), which
  count the writer's transactions and schema changes.
  `pin_sqlite` sets the page size to 4096, VACUUMs (a canonical, compact page layout, independent
  of how the writer inserted), then writes `SQLITE_VERSION` at 96 (informational only: SQLite
  never reads it) and 1 at 24, 40 and 92 (as if written in one transaction; only concurrent
  connections compare these, and the file is closed).

Both functions rewrite the file in place and are idempotent; the exporters call them on every file
they write (tests/test_reproducible.py checks the result whatever the writer).
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

PARQUET_CREATED_BY = "parquet-cpp-arrow version 14.0.0"
SQLITE_PAGE_SIZE = 4096
SQLITE_VERSION = 3_031_000  # a fixed SQLITE_VERSION_NUMBER (3.31.0), whatever sqlite wrote the file
_MAGIC = b"PAR1"
_BINARY = 8  # thrift compact type id of a string field


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def pin_parquet(path: Path, created_by: str = PARQUET_CREATED_BY) -> None:
    """Rewrite the `created_by` string of a Parquet file's footer (FileMetaData field 6)."""
    import pyarrow.parquet as pq

    data = Path(path).read_bytes()
    if len(data) < 12 or data[:4] != _MAGIC or data[-4:] != _MAGIC:
        raise ValueError(f"{path}: not a Parquet file")
    current = pq.read_metadata(path).created_by or ""
    if current == created_by:
        return
    (length,) = struct.unpack("<I", data[-8:-4])
    start = len(data) - 8 - length
    footer = data[start:-8]
    old = _varint(len(current.encode())) + current.encode()
    new = _varint(len(created_by.encode())) + created_by.encode()
    # the field header before the string: delta from the previous field id (5 or 4) and type 8
    hits = [i for i in range(len(footer)) if footer.startswith(old, i) and i > 0]
    hits = [i for i in hits if footer[i - 1] & 0x0F == _BINARY and footer[i - 1] >> 4 in (1, 2)]
    if len(hits) != 1:
        raise ValueError(f"{path}: cannot find created_by in the Parquet footer")
    at = hits[0]
    footer = footer[:at] + new + footer[at + len(old) :]
    Path(path).write_bytes(data[:start] + footer + struct.pack("<I", len(footer)) + _MAGIC)
    if pq.read_metadata(path).created_by != created_by:  # pragma: no cover - a footer we misread
        raise ValueError(f"{path}: created_by rewrite failed")


def pin_sqlite(path: Path) -> None:
    """Canonical page size and layout (VACUUM) and a fixed writer version in the SQLite header."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode = DELETE")
        con.execute(f"PRAGMA page_size = {SQLITE_PAGE_SIZE}")
        con.execute("VACUUM")
    finally:
        con.close()
    with Path(path).open("r+b") as fh:
        # the file change counter (24) and its copy "version-valid-for" (92) count the writer's
        # transactions, the schema cookie (40) its schema changes: 1, as if written at once; then
        # the writer's version number (96)
        for offset, value in ((24, 1), (40, 1), (92, 1), (96, SQLITE_VERSION)):
            fh.seek(offset)
            fh.write(struct.pack(">I", value))
