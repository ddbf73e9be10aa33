"""Register a new raw source: its bytes copied into data/sources/, its `sources` row, its descriptor entry.

Refused (PackageError, nothing written) when the file is not a regular file (a FIFO, a device: never
opened) or larger than `MAX_SOURCE_BYTES`, is not UTF-8, the id or the sha256 is already in the table,
the event is unknown, a field breaks the sources schema (ids by their pattern, enums, the date strictly
`YYYY-MM-DD`, no control character in a text field), or the target path would lie outside the package.
The three files (text, sources.csv, datapackage.json) are written as one change (`miitdata.atomic`),
after the changed package has passed the structure layer on a scratch copy (`curate.guard`).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from miitdata.curate.csvio import Row, render_csv
from miitdata.curate.files import locked, write_files
from miitdata.curate.guard import refuse_invalid
from miitdata.curate.texts import read_table
from miitdata.errors import PackageError
from miitdata.package import Package, resolve_inside

SOURCES_DIR = "data/sources"
MAX_SOURCE_BYTES = 64 * 2**20  # a press-conference text is kilobytes; 64 MiB is surely not one
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # fromisoformat alone takes 20240326 and 2024-W13-2
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True)
class NewSource:
    source_id: str
    event_id: str
    language: str
    kind: str
    publisher: str
    date_published: str
    title: str
    machine_translated: bool = False
    note: str = ""


def _field(pkg: Package, name: str) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in pkg.fields(name)}


def check_fields(pkg: Package, src: NewSource) -> None:
    """The new row's cells against the sources schema: id pattern, enums, the date."""
    fields = _field(pkg, "sources")
    texts = {
        "source_id": src.source_id,
        "event_id": src.event_id,
        "language": src.language,
        "kind": src.kind,
        "publisher": src.publisher,
        "date_published": src.date_published,
        "title": src.title,
        "note": src.note,
    }
    for name, value in texts.items():
        bad = CONTROL.search(value)
        if bad:
            raise PackageError(
                "source-invalid", f"{name} contains the control character U+{ord(bad.group()):04X}"
            )
    cells = {
        "source_id": src.source_id,
        "event_id": src.event_id,
        "language": src.language,
        "kind": src.kind,
        "publisher": src.publisher,
        "title": src.title,
        "note": src.note,
    }
    for name, value in cells.items():
        if name not in fields or (not value and not fields[name].get("constraints", {}).get("required")):
            continue
        cons = fields.get(name, {}).get("constraints", {})
        if "pattern" in cons and not re.fullmatch(cons["pattern"], value):
            raise PackageError("source-invalid", f"{name} {value[:100]!r} does not match {cons['pattern']}")
        if "enum" in cons and value not in cons["enum"]:
            allowed = ", ".join(map(str, cons["enum"]))
            raise PackageError("source-invalid", f"{name} {value[:100]!r} is not one of {allowed}")
    try:
        if not DATE.fullmatch(src.date_published):
            raise ValueError
        date.fromisoformat(src.date_published)
    except ValueError:
        raise PackageError(
            "source-invalid", f"date_published {src.date_published[:40]!r} is not a date YYYY-MM-DD"
        ) from None
    if not src.title.strip():
        raise PackageError("source-invalid", "the title is required")


def target_relpath(source_id: str, digest: str, file_name: str) -> str:
    """Where the text goes: data/sources/ + the file's own name when it already follows the sources
    path pattern for this id (NNN_<16 hex>.txt, as the seed files are named), else
    NNN_<first 16 hex digits of its sha256>.txt."""
    number = source_id[1:]
    if re.fullmatch(rf"{re.escape(number)}_[0-9a-f]{{16}}\.txt", file_name):
        return f"{SOURCES_DIR}/{file_name}"
    return f"{SOURCES_DIR}/{number}_{digest[:16]}.txt"


def descriptor_bytes(pkg: Package, raw: bytes, data: bytes, src: NewSource, relpath: str) -> bytes | None:
    """The descriptor with the new source registered, written as it is (indent 2, UTF-8): in its
    top-level `sources` list (provenance: one {title, path} per raw text) when it has one, and as a
    text resource (`miitdata.sources.text_resource`: path, text/plain, hash and bytes, which
    `frictionless validate` checks) when it declares its raw texts as resources; None when neither
    changes."""
    from miitdata.features import is_text_resource
    from miitdata.sources import text_resource

    descriptor = json.loads(raw.decode("utf-8"))
    title = f"{src.title} ({src.date_published})"
    changed = False
    listed = descriptor.get("sources")
    if (
        isinstance(listed, list)
        and any(isinstance(s, dict) and "path" in s for s in listed)
        and not any(isinstance(s, dict) and s.get("path") == relpath for s in listed)
    ):
        listed.append({"title": title, "path": relpath})
        changed = True
    resources = descriptor.get("resources")
    texts = (
        [r for r in resources if isinstance(r, dict) and is_text_resource(r)]
        if isinstance(resources, list)
        else []
    )
    if texts and not any(r.get("path") == relpath for r in texts):
        resources.append(text_resource(src.source_id, relpath, data, title))
        changed = True
    if not changed:
        return None
    text = json.dumps(descriptor, indent=2, ensure_ascii=False)
    return (text + ("\n" if raw.endswith(b"\n") else "")).encode("utf-8")


def add_source(pkg: Package, file: Path, src: NewSource) -> Path:
    """Copy `file` into the package and register it; return the new file's path."""
    data = read_source_file(Path(file))
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackageError("not-utf8", f"not UTF-8 at byte {exc.start}", str(file)) from None
    check_fields(pkg, src)
    digest = hashlib.sha256(data).hexdigest()
    relpath = target_relpath(src.source_id, digest, Path(file).name)
    target = resolve_inside(pkg.root, relpath, pkg.path)
    refuse_invalid(pkg, plan(pkg, data, file, src, digest, relpath, target))  # before touching anything
    with locked(pkg.root):  # then again under the lock: another curator may have written meanwhile
        files = plan(pkg, data, file, src, digest, relpath, target)
        refuse_invalid(pkg, files)
        write_files(files)
    return target


def read_source_file(file: Path) -> bytes:
    """The bytes of the file to add: a regular file of at most MAX_SOURCE_BYTES, never a FIFO or device
    (checked before it is opened, and again on the open descriptor)."""
    import os
    import stat

    from miitdata.files import regular_file

    regular_file(file, "source-unreadable")
    try:
        fd = os.open(file, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise PackageError("source-unreadable", exc.strerror or str(exc), str(file)) from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise PackageError("source-unreadable", "not a regular file", str(file))
        if info.st_size > MAX_SOURCE_BYTES:
            raise PackageError(
                "source-unreadable", f"larger than {MAX_SOURCE_BYTES >> 20} MiB: not a source text", str(file)
            )
        try:
            data = fh.read(MAX_SOURCE_BYTES + 1)
        except OSError as exc:
            raise PackageError("source-unreadable", exc.strerror or str(exc), str(file)) from None
    if len(data) > MAX_SOURCE_BYTES:
        raise PackageError("source-unreadable", f"larger than {MAX_SOURCE_BYTES >> 20} MiB", str(file))
    return data


def plan(
    pkg: Package, data: bytes, file: Path, src: NewSource, digest: str, relpath: str, target: Path
) -> dict[Path, bytes]:
    """The files adding the source writes, or a PackageError saying why it must not."""
    sources = read_table(pkg, "sources")
    events = read_table(pkg, "events")
    if src.event_id not in {e.get("event_id") for e in events.rows}:
        raise PackageError("event-unknown", f"no event {src.event_id!r} in events", str(events.path))
    for existing in sources.rows:
        if existing.get("source_id") == src.source_id:
            raise PackageError("source-exists", f"{src.source_id} is already a source", str(sources.path))
        if existing.get("sha256") == digest:
            raise PackageError(
                "source-duplicate", f"the same bytes are already {existing.get('source_id')}", str(file)
            )
    if target.exists():
        raise PackageError("source-exists", f"{relpath} already exists", str(target))
    if not target.parent.is_dir():
        raise PackageError("path-unsafe", f"no directory {SOURCES_DIR} in the package", str(target))
    new_row: Row = {
        "source_id": src.source_id,
        "event_id": src.event_id,
        "path": relpath,
        "sha256": digest,
        "language": src.language,
        "kind": src.kind,
        "machine_translated": "true" if src.machine_translated else "false",
        "publisher": src.publisher,
        "date_published": src.date_published,
        "title": src.title,
        "note": src.note,
    }
    rows = sorted([*sources.rows, new_row], key=lambda r: r.get("source_id", ""))
    files = {target: data, sources.path: render_csv(sources.header, rows)}
    desc = descriptor_bytes(pkg, pkg.path.read_bytes(), data, src, relpath)
    if desc is not None:
        files[pkg.path] = desc
    return files
