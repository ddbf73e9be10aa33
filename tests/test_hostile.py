# ruff: noqa: E501  (the corpus table keeps one case per line)
"""Hostile and broken inputs: a corpus of broken copies of the real package, each with its exact outcome.

Every case runs the real CLI in a fresh process (with a timeout: never a hang) from an empty working
directory (forked from a helper that has imported pandas, pandera and the CLI once: tests/zygote.py), and checks: exit 2 with one line naming the file and the stable code, or exit 1 with the
expected error `type` (and resource, row, field where meaningful); never a traceback; nothing written
anywhere but the report file asked for. The corpus is built by mutating a temporary copy of the
package, so it follows the data as the curators change it. (Cases already covered by
test_validate_cli.py are not repeated.)
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import edit_descriptor, edit_rows, read_rows

TIMEOUT = 180


@dataclass(frozen=True)
class Exit2:
    code: str  # the stable PackageError code
    file: str = "datapackage.json"  # the file the one-line reason names


@dataclass(frozen=True)
class Finds:
    type: str
    resource: str | None = None
    row: int | None = None
    field: str | None = None


@dataclass(frozen=True)
class Absent:
    """The cell is read as intended: no error of these types on this resource/row."""

    types: tuple[str, ...]
    resource: str
    row: int


Outcome = Exit2 | Finds | Absent


def _data(pkg: Path, *parts: str) -> Path:
    return pkg.parent.joinpath("data", *parts)


def _rewrite_bytes(pkg: Path, resource: str, change: Callable[[bytes], bytes]) -> None:
    path = _data(pkg, f"{resource}.csv")
    path.write_bytes(change(path.read_bytes()))


def _set_cell(resource: str, index: int, **values: str) -> Callable[[Path], None]:
    def mutate(pkg: Path) -> None:
        edit_rows(pkg, resource, lambda rows: rows[index].update(values))

    return mutate


def _by_id(resource: str, oid: str, **values: str) -> Callable[[Path], None]:
    key = {"observations": "observation_id", "mentions": "mention_id", "relations": "relation_id"}[resource]

    def mutate(pkg: Path) -> None:
        edit_rows(pkg, resource, lambda rows: next(r for r in rows if r[key] == oid).update(values))

    return mutate


def _waiver_type(error_type: str) -> Callable[[Path], None]:
    def mutate(pkg: Path) -> None:
        edit_rows(
            pkg,
            "discrepancies",
            lambda rows: next(r for r in rows if r["error_type"] == "relation-failed").update(
                error_type=error_type
            ),
        )

    return mutate


_waiver_typo = _waiver_type("relation-faild")


def _expected_record(pkg: Path) -> None:
    _, discrepancies = read_rows(_data(pkg, "discrepancies.csv"))
    record = next(d["discrepancy_id"] for d in discrepancies if not d["error_type"])
    edit_rows(
        pkg,
        "relations",
        lambda rows: next(r for r in rows if r["expected"] == "holds").update(expected=record),
    )


def _res(name: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda d: next(r for r in d["resources"] if r["name"] == name)


def _descriptor(change: Callable[[dict[str, Any]], Any]) -> Callable[[Path], None]:
    return lambda pkg: edit_descriptor(pkg, change)


def _source_file(pkg: Path, index: int) -> Path:
    _, rows = read_rows(_data(pkg, "sources.csv"))
    return pkg.parent / rows[index]["path"]


def _zh_source(pkg: Path) -> tuple[int, Path]:
    _, rows = read_rows(_data(pkg, "sources.csv"))
    i = next(i for i, r in enumerate(rows) if r["language"] == "zh")
    return i, pkg.parent / rows[i]["path"]


# ------------------------------------------------------------------------------------------ descriptor


def symlinked_resource(pkg: Path) -> None:
    target = _data(pkg, "events.csv")
    outside = pkg.parent.parent / "outside-events.csv"
    outside.write_bytes(target.read_bytes())
    target.unlink()
    target.symlink_to(outside)


def symlinked_data_dir(pkg: Path) -> None:
    data = pkg.parent / "data"
    outside = pkg.parent.parent / "outside-data"
    data.rename(outside)
    data.symlink_to(outside, target_is_directory=True)


def deep_json(pkg: Path) -> None:
    pkg.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")


def huge_integer(pkg: Path) -> None:
    """A 100,000-digit integer in the descriptor: beyond Python's int digit limit (4300)."""
    text = pkg.read_text(encoding="utf-8")
    pkg.write_text(text.replace('"version"', '"x": ' + "9" * 100_000 + ', "version"', 1), encoding="utf-8")


def descriptor_is_dir(pkg: Path) -> None:
    pkg.unlink()
    pkg.mkdir()


def _drop_resource(name: str) -> Callable[[dict[str, Any]], None]:
    def change(d: dict[str, Any]) -> None:
        d["resources"] = [r for r in d["resources"] if r["name"] != name]

    return change


def _set_constraint(resource: str, field: str, **cons: Any) -> Callable[[dict[str, Any]], None]:
    def change(d: dict[str, Any]) -> None:
        f = next(f for f in _res(resource)(d)["schema"]["fields"] if f["name"] == field)
        f.setdefault("constraints", {}).update(cons)

    return change


# ------------------------------------------------------------------------------------------ CSV files


def encode_as(resource: str, encoding: str) -> Callable[[Path], None]:
    def mutate(pkg: Path) -> None:
        path = _data(pkg, f"{resource}.csv")
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))

    return mutate


def _append_text(resource: str, text: str) -> Callable[[Path], None]:
    return lambda pkg: _rewrite_bytes(pkg, resource, lambda b: b + text.encode("utf-8"))


def _replace_header(resource: str, change: Callable[[list[str]], list[str]]) -> Callable[[Path], None]:
    def mutate(pkg: Path) -> None:
        path = _data(pkg, f"{resource}.csv")
        text = path.read_text(encoding="utf-8")
        head, rest = text.split("\n", 1)
        path.write_text(",".join(change(head.split(","))) + "\n" + rest, encoding="utf-8")

    return mutate


def huge_field(pkg: Path) -> None:
    """A 50 MB cell in a patterned id column (the report must not echo it)."""
    edit_rows(pkg, "events", lambda rows: rows[0].update(event_id="x" * 50_000_000))


def million_blank_lines(pkg: Path) -> None:
    _rewrite_bytes(pkg, "regions", lambda b: b + b"\n" * 1_000_000)


# ------------------------------------------------------------------------------------------ sources


def flip_one_byte(pkg: Path) -> None:
    path = _source_file(pkg, 0)
    data = bytearray(path.read_bytes())
    i = next(i for i in range(len(data) // 2, len(data)) if data[i] in b"0123456789")
    data[i] = ord("0") if data[i] != ord("0") else ord("1")
    path.write_bytes(bytes(data))


def truncate_source(pkg: Path) -> None:
    path = _source_file(pkg, 0)
    path.write_bytes(path.read_bytes()[:100])


def gbk_source(pkg: Path) -> None:
    _, path = _zh_source(pkg)
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))


def crlf_source(pkg: Path) -> None:
    path = _source_file(pkg, 0)
    path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))


def symlinked_source(pkg: Path) -> None:
    path = _source_file(pkg, 1)
    outside = pkg.parent.parent / "outside-source.txt"
    outside.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(outside)


def source_is_dir(pkg: Path) -> None:
    path = _source_file(pkg, 1)
    path.unlink()
    path.mkdir()


def _first_mention_with_start(pkg: Path) -> int:
    _, rows = read_rows(_data(pkg, "mentions.csv"))
    return next(i for i, r in enumerate(rows) if int(r["start"]) > 0)


def negative_zero_start(pkg: Path) -> None:
    i = _first_mention_with_start(pkg)
    edit_rows(pkg, "mentions", lambda rows: rows[i].update(start="-0"))


# ------------------------------------------------------------------------------------------ special files


def fifo_at(*parts: str) -> Callable[[Path], None]:
    """Replace a file by a named pipe: a reader that opened it would wait forever (the timeout fails)."""

    def mutate(pkg: Path) -> None:
        target = pkg.parent.joinpath(*parts)
        target.unlink()
        os.mkfifo(target)

    return mutate


def socket_at(*parts: str) -> Callable[[Path], None]:
    def mutate(pkg: Path) -> None:
        import socket

        target = pkg.parent.joinpath(*parts)
        target.unlink()
        cwd = os.getcwd()
        os.chdir(target.parent)  # a short name: unix socket paths are limited to ~100 bytes
        try:
            with socket.socket(socket.AF_UNIX) as sock:
                sock.bind(target.name)
        finally:
            os.chdir(cwd)

    return mutate


def dir_at(*parts: str) -> Callable[[Path], None]:
    def mutate(pkg: Path) -> None:
        target = pkg.parent.joinpath(*parts)
        target.unlink()
        target.mkdir()

    return mutate


def loop_at(*parts: str) -> Callable[[Path], None]:
    def mutate(pkg: Path) -> None:
        target = pkg.parent.joinpath(*parts)
        target.unlink()
        target.symlink_to(target.name)  # a link to itself

    return mutate


def wide_header(columns: int) -> Callable[[Path], None]:
    return lambda pkg: _rewrite_bytes(
        pkg,
        "events",
        lambda b: (
            b.split(b"\n", 1)[0]
            + b","
            + b",".join(b"c%d" % i for i in range(columns))
            + b"\n"
            + b.split(b"\n", 1)[1]
        ),
    )


def _resource_key(key: str, value: Any) -> Callable[[Path], None]:
    return _descriptor(lambda d: d["resources"][0].update({key: value}))


CASES: list[tuple[str, Callable[[Path], Any], Outcome]] = [
    # descriptor: exit 2, one line naming the file
    ("desc-symlink-resource-outside", symlinked_resource, Exit2("path-unsafe")),
    ("desc-symlink-data-dir-outside", symlinked_data_dir, Exit2("path-unsafe")),
    ("desc-windows-absolute", _descriptor(lambda d: d["resources"][0].update(path="C:\\x.csv")), Exit2("path-unsafe")),
    ("desc-unc-path", _descriptor(lambda d: d["resources"][0].update(path="\\\\host\\x.csv")), Exit2("path-unsafe")),
    ("desc-dot-dot-inside", _descriptor(lambda d: d["resources"][0].update(path="data/../../x.csv")), Exit2("path-unsafe")),
    ("desc-file-url", _descriptor(lambda d: d["resources"][0].update(path="file:///etc/passwd")), Exit2("path-not-local")),
    ("desc-path-list", _descriptor(lambda d: d["resources"][0].update(path=["data/events.csv"])), Exit2("descriptor-invalid")),
    ("desc-resources-object", _descriptor(lambda d: d.update(resources={"events": {}})), Exit2("descriptor-invalid")),
    ("desc-no-schema", _descriptor(lambda d: d["resources"][0].pop("schema")), Exit2("descriptor-invalid")),
    ("desc-schema-by-path", _descriptor(lambda d: d["resources"][0].update(schema="schema.json")), Exit2("descriptor-invalid")),
    ("desc-fk-missing-resource", _descriptor(_drop_resource("indicators")), Exit2("descriptor-invalid")),
    ("desc-v1-profile", _descriptor(lambda d: d.update({"$schema": "data-package"})), Exit2("descriptor-invalid")),
    ("desc-deeply-nested-json", deep_json, Exit2("descriptor-invalid-json")),
    ("desc-100k-digit-integer", huge_integer, Exit2("descriptor-invalid-json")),
    ("desc-100k-digit-version", lambda p: p.write_text(re.sub(r'"version": "[^"]*"', '"version": ' + "1" * 100_000, p.read_text(encoding="utf-8"), count=1), encoding="utf-8"), Exit2("descriptor-invalid-json")),
    ("desc-is-directory", descriptor_is_dir, Exit2("descriptor-not-found")),  # a directory: its datapackage.json is looked for
    ("desc-empty-file", lambda p: p.write_bytes(b""), Exit2("descriptor-invalid-json")),
    ("desc-bad-regex", _descriptor(_set_constraint("events", "host", pattern="([")), Exit2("descriptor-invalid")),
    ("desc-minimum-not-number", _descriptor(_set_constraint("mentions", "start", minimum="zero")), Exit2("descriptor-invalid")),
    ("desc-missing-resource", _descriptor(_drop_resource("discrepancies")), Finds("resource-missing", "discrepancies")),
    # CSV files: exit 1 with the error
    ("csv-bom", lambda p: _rewrite_bytes(p, "mentions", lambda b: b"\xef\xbb\xbf" + b), Finds("encoding-error", "mentions", 1)),
    ("csv-gbk", encode_as("events", "gbk"), Finds("encoding-error", "events", 2)),
    ("csv-gb18030", encode_as("regions", "gb18030"), Finds("encoding-error", "regions", 2)),
    ("csv-utf16", encode_as("events", "utf-16"), Finds("encoding-error", "events", 1)),
    ("csv-cr-only", lambda p: _rewrite_bytes(p, "indicators", lambda b: b.replace(b"\n", b"\r")), Finds("format-error", "indicators", 1)),
    ("csv-nul-byte", lambda p: _rewrite_bytes(p, "events", lambda b: b.replace(b"Beijing", b"Bei\x00jing", 1)), Finds("encoding-error", "events", 2)),
    ("csv-ragged-short", _append_text("events", "2030-01-01-x,2030-01-01\n"), Finds("missing-cell", "events", 4)),
    ("csv-unterminated-quote", _append_text("events", '2030-01-01-x,2030-01-01,"host never closed\n'), Finds("format-error", "events", 4)),
    ("csv-header-renamed", _replace_header("events", lambda h: ["id" if c == "event_id" else c for c in h]), Finds("missing-label", "events", 1, "event_id")),
    ("csv-header-reordered", _replace_header("events", lambda h: [h[1], h[0], *h[2:]]), Finds("incorrect-label", "events", 1)),
    ("csv-header-duplicated", _replace_header("events", lambda h: [*h[:-1], h[1]]), Finds("extra-label", "events", 1)),
    ("csv-empty-file", lambda p: _data(p, "relations.csv").write_bytes(b""), Finds("missing-label", "relations", 1)),
    ("csv-header-only", lambda p: _rewrite_bytes(p, "events", lambda b: b.split(b"\n")[0] + b"\n"), Finds("foreign-key", "sources", 2, "event_id")),
    ("csv-50mb-field", huge_field, Finds("constraint-error", "events", 2, "event_id")),
    ("csv-million-blank-lines", million_blank_lines, Finds("blank-row", "regions")),
    # values
    ("value-inf", _set_cell("mentions", 0, value="inf"), Finds("type-error", "mentions", 2, "value")),
    ("value-neg-infinity", _set_cell("observations", 0, value="-Infinity"), Finds("type-error", "observations", 2, "value")),
    ("value-overflow", _set_cell("observations", 1, value="1e400"), Finds("type-error", "observations", 3, "value")),
    ("value-n/a-number", _set_cell("observations", 0, value="n/a"), Finds("type-error", "observations", 2, "value")),
    ("value-NA-not-missing", _set_cell("observations", 0, derived_by="NA"), Finds("foreign-key", "observations", 2, "derived_by")),
    ("value-null-not-missing", _set_cell("observations", 0, region_id="NULL"), Finds("foreign-key", "observations", 2, "region_id")),
    ("value-fullwidth-integer", _set_cell("mentions", 0, start="１２３"), Finds("type-error", "mentions", 2, "start")),
    ("value-thousands-separator", _set_cell("mentions", 0, value="1,000"), Finds("type-error", "mentions", 2, "value")),
    ("value-hex-integer", _set_cell("mentions", 0, end="0x10"), Finds("type-error", "mentions", 2, "end")),
    ("value-padded-integer", _set_cell("mentions", 0, end=" 12"), Finds("type-error", "mentions", 2, "end")),
    ("id-greek-omicron", _set_cell("observations", 0, observation_id="Ο0001"), Finds("constraint-error", "observations", 2, "observation_id")),
    ("id-cyrillic-region", _set_cell("regions", 0, region_id="СN"), Finds("constraint-error", "regions", 2, "region_id")),
    ("id-fullwidth-digits", _set_cell("sources", 0, source_id="S００0"), Finds("constraint-error", "sources", 2, "source_id")),
    ("value-negative-zero", negative_zero_start, Absent(("type-error", "constraint-error"), "mentions", 0)),
    # sources
    ("source-one-byte", flip_one_byte, Finds("source-hash-mismatch", "sources", 2, "sha256")),
    ("source-truncated", truncate_source, Finds("source-hash-mismatch", "sources", 2, "sha256")),
    ("source-gbk", gbk_source, Finds("source-not-utf8", "sources", None, "path")),
    ("source-crlf", crlf_source, Finds("source-hash-mismatch", "sources", 2, "sha256")),
    ("source-symlink-outside", symlinked_source, Finds("source-missing", "sources", 3, "path")),
    ("source-is-directory", source_is_dir, Finds("source-missing", "sources", 3, "path")),
    ("source-path-escapes", _set_cell("sources", 0, path="../../../etc/passwd"), Finds("source-missing", "sources", 2, "path")),
    # remote references: refused before anything could fetch them
    ("desc-dialect-url", _resource_key("dialect", "https://example.org/dialect.json"), Exit2("path-not-local")),
    ("desc-schema-url", _resource_key("schema", "https://example.org/schema.json"), Exit2("path-not-local")),
    ("desc-profile-url", _resource_key("profile", "http://example.org/profile.json"), Exit2("path-not-local")),
    ("desc-schema-ref-url", _descriptor(lambda d: d["resources"][0]["schema"].update({"$ref": "https://example.org/s.json"})), Exit2("path-not-local")),
    ("desc-resource-schema-url", _resource_key("$schema", "https://example.org/resource.json"), Exit2("path-not-local")),
    ("desc-package-schema-url", _descriptor(lambda d: d.update({"$schema": "http://example.org/p.json"})), Exit2("path-not-local")),
    ("desc-protocol-relative", _resource_key("path", "//example.org/x.csv"), Exit2("path-unsafe")),
    # paths no file can have, special files
    ("desc-nul-in-path", _resource_key("path", "data/ev\x00ents.csv"), Exit2("path-invalid")),
    ("desc-resource-symlink-loop", loop_at("data", "events.csv"), Exit2("path-invalid")),
    ("desc-descriptor-symlink-loop", loop_at("datapackage.json"), Exit2("path-invalid")),
    ("desc-descriptor-fifo", fifo_at("datapackage.json"), Exit2("descriptor-unreadable")),
    ("csv-fifo", fifo_at("data", "regions.csv"), Finds("resource-not-found", "regions")),
    ("csv-socket", socket_at("data", "regions.csv"), Finds("resource-not-found", "regions")),
    ("csv-is-directory", dir_at("data", "events.csv"), Finds("resource-not-found", "events")),
    ("source-fifo", lambda p: fifo_at(str(_source_file(p, 1).relative_to(p.parent)))(p), Finds("source-missing", "sources", 3, "path")),
    ("csv-200k-columns", wide_header(200_000), Finds("extra-label", "events", 1)),
    ("csv-crlf-header", lambda p: _rewrite_bytes(p, "events", lambda b: b.replace(b"\n", b"\r\n", 1)), Finds("format-error", "events", 1)),
    ("csv-200k-char-note", _set_cell("observations", 0, note="n" * 200_000), Absent(("format-error", "type-error"), "observations", 2)),
    # the model's meaning (CURATION.md): each rule, one single fault
    ("meaning-forecast-made-actual", _by_id("observations", "O0017", status="actual"), Finds("status-contradicts-hedges", "observations", None, "status")),
    ("meaning-forecast-of-the-past", _by_id("observations", "O0017", period="2019"), Finds("status-contradicts-period", "observations", None, "status")),
    ("meaning-actual-not-begun", _by_id("observations", "O0001", period="2030"), Finds("status-contradicts-period", "observations", None, "status")),
    ("meaning-waiver-typo", _waiver_typo, Finds("discrepancy-invalid", "discrepancies", None, "error_type")),
    ("meaning-waiver-run-code", _waiver_type("output-unwritable"), Finds("discrepancy-invalid", "discrepancies", None, "error_type")),
    ("meaning-expected-record", _expected_record, Finds("discrepancy-invalid", "relations", None, "expected")),
    ("meaning-exact-newline", _set_cell("mentions", 0, exact="a\nb"), Finds("exact-not-one-line", "mentions", 2, "exact")),
    ("meaning-exact-line-separator", _set_cell("mentions", 1, exact="a\u2028b"), Finds("exact-not-one-line", "mentions", 3, "exact")),
]  # fmt: skip


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(root)): (p.lstat().st_size, p.lstat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if not p.is_dir() or p.is_symlink()
    }


@pytest.mark.parametrize(("case", "mutate", "outcome"), CASES, ids=[c[0] for c in CASES])
def test_hostile_input(
    tmp_path: Path, zygote: Any, case: str, mutate: Callable[[Path], Any], outcome: Outcome
) -> None:
    from tests.conftest import copy_package

    home = tmp_path / "pkg"
    home.mkdir()
    pkg = copy_package(home)
    absent_row = None
    if isinstance(outcome, Absent):
        absent_row = outcome.row or (_first_mention_with_start(pkg) + 2)
    mutate(pkg)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    report = tmp_path / "report.json"
    before = _snapshot(tmp_path)
    proc = zygote.run(
        ["validate", str(pkg), "--format", "json", "-o", str(report)],
        cwd=cwd,
        timeout=TIMEOUT,
        env={**os.environ, "MIITDATA_DEBUG": ""},
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    after = _snapshot(tmp_path)
    after.pop("report.json", None)
    assert after == before, "validate wrote or changed files besides its report"
    assert list(cwd.iterdir()) == []
    if isinstance(outcome, Exit2):
        assert proc.returncode == 2, (proc.returncode, proc.stderr)
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1, proc.stderr
        assert f"[{outcome.code}]" in lines[0] and outcome.file in lines[0], lines[0]
        assert len(lines[0]) < 500
        document = json.loads(report.read_text(encoding="utf-8"))  # exit 2 still writes a JSON document
        assert document["valid"] is None and document["error"]["code"] == outcome.code, document
        return
    assert proc.returncode in ((0, 1) if isinstance(outcome, Absent) else (1,)), (
        proc.returncode,
        proc.stderr[:2000],
    )
    result = json.loads(report.read_text(encoding="utf-8"))
    errors = result["errors"]
    assert all(len(e["message"]) < 1000 for e in errors), "an error message echoes a huge cell"
    if isinstance(outcome, Absent):
        bad = [e for e in errors if e["type"] in outcome.types and e.get("resource") == outcome.resource]
        assert not [e for e in bad if e.get("row") == absent_row], bad
        return
    hits = [e for e in errors if e["type"] == outcome.type]
    if outcome.resource is not None:
        hits = [e for e in hits if e.get("resource") == outcome.resource]
    if outcome.row is not None:
        hits = [e for e in hits if e.get("row") == outcome.row]
    if outcome.field is not None:
        hits = [e for e in hits if e.get("field") == outcome.field]
    assert hits, json.dumps(errors[:20], ensure_ascii=False, indent=1)


# ------------------------------------------------------------------------------------------ other commands
# (name, mutation of the package copy, the command's arguments (PKG = the copy's descriptor, OUT = a path in
# an empty directory), the expected exit code, the expected code in the one-line reason)

_BOM = lambda p: _rewrite_bytes(p, "mentions", lambda b: b"\xef\xbb\xbf" + b)  # noqa: E731
_CRLF = lambda p: _rewrite_bytes(p, "events", lambda b: b.replace(b"\n", b"\r\n"))  # noqa: E731
_NUL = lambda p: _rewrite_bytes(p, "events", lambda b: b.replace(b"Beijing", b"Bei\x00jing", 1))  # noqa: E731
_QUOTE = _append_text("events", '2030-01-01-x,2030-01-01,"host never closed\n')
_NOTHING: Callable[[Path], None] = lambda p: None  # noqa: E731
_NOT_A_NUMBER = _set_cell("observations", 0, value="abc")


_BIG_INT = huge_integer


def _non_export_dir(cwd: Path) -> None:
    (cwd / "out").mkdir()
    (cwd / "out" / "mine.txt").write_text("keep me", encoding="utf-8")


CLI_CASES: list[tuple[str, Callable[[Path], Any], tuple[str, ...], int, str]] = [
    ("show-fifo", fifo_at("data", "regions.csv"), ("show", "-p", "PKG"), 2, "resource-unreadable"),
    ("info-fifo", fifo_at("data", "regions.csv"), ("info", "-p", "PKG"), 2, "resource-unreadable"),
    ("cite-fifo", fifo_at("data", "regions.csv"), ("cite", "O0009", "-p", "PKG"), 2, "resource-unreadable"),
    ("export-csv-fifo", fifo_at("data", "regions.csv"), ("export", "-f", "csv", "OUT", "-p", "PKG"), 2, "resource-unreadable"),
    ("export-json-fifo", fifo_at("data", "regions.csv"), ("export", "-f", "json", "OUT", "-p", "PKG"), 2, "resource-unreadable"),
    ("metrics-fifo-descriptor", fifo_at("datapackage.json"), ("metrics", "-p", "PKG"), 2, "descriptor-unreadable"),
    ("site-fifo", fifo_at("data", "regions.csv"), ("site", "OUT", "-p", "PKG"), 2, "resource-unreadable"),
    ("show-dir-as-csv", dir_at("data", "events.csv"), ("show", "-p", "PKG"), 2, "resource-unreadable"),
    ("show-bom", _BOM, ("show", "-p", "PKG"), 2, "resource-unreadable"),
    ("show-crlf", _CRLF, ("show", "-p", "PKG"), 2, "resource-unreadable"),
    ("show-nul", _NUL, ("show", "-p", "PKG"), 2, "resource-unreadable"),
    ("show-gbk", encode_as("events", "gbk"), ("show", "-p", "PKG"), 2, "resource-unreadable"),
    ("show-unterminated-quote", _QUOTE, ("show", "-p", "PKG"), 2, "resource-unreadable"),
    ("show-not-a-number", _NOT_A_NUMBER, ("show", "-p", "PKG"), 2, "resource-unreadable"),
    ("show-symlink-loop", loop_at("data", "events.csv"), ("show", "-p", "PKG"), 2, "path-invalid"),
    ("show-dialect-url", _resource_key("dialect", "https://example.org/d.json"), ("show", "-p", "PKG"), 2, "path-not-local"),
    ("export-sqlite-schema-url", _resource_key("schema", "https://example.org/s.json"), ("export", "-f", "sqlite", "OUT", "-p", "PKG"), 2, "path-not-local"),
    ("cite-100k-id", _NOTHING, ("cite", "O" + "9" * 100_000, "-p", "PKG"), 2, "filter-unknown"),
    ("cite-control-chars", _NOTHING, ("cite", "O\x1b[2J\x1b[31m9", "-p", "PKG"), 2, "filter-unknown"),
    ("show-100k-region", _NOTHING, ("show", "--region", "x" * 100_000, "-p", "PKG"), 2, "filter-unknown"),
    ("show-100k-period", _NOTHING, ("show", "--period", "2" * 100_000, "-p", "PKG"), 2, "filter-unknown"),
    ("export-csv-into-other-dir", _NOTHING, ("export", "-f", "csv", "out", "-p", "PKG"), 2, "output-invalid"),
    ("export-json-no-parent", _NOTHING, ("export", "-f", "json", "missing/x.json", "-p", "PKG"), 2, "output-invalid"),
    ("validate-report-no-parent", _NOTHING, ("validate", "PKG", "-f", "json", "-o", "missing/r.json"), 2, "output-invalid"),
    ("metrics-no-parent-ok-but-file-parent", _NOTHING, ("metrics", "-p", "PKG", "-o", "PKG/m.json"), 2, "output-invalid"),
    # a blank required cell: every command that reads the data refuses it with a code, never the catch-all
    ("annotations-blank-start", _set_cell("mentions", 0, start=""), ("export", "-f", "annotations", "OUT", "-p", "PKG"), 2, "resource-unreadable"),
    ("site-blank-start", _set_cell("mentions", 0, start=""), ("site", "OUT", "-p", "PKG"), 2, "resource-unreadable"),
    ("datasheet-blank-start", _set_cell("mentions", 0, start=""), ("datasheet", "OUT", "-p", "PKG"), 2, "resource-unreadable"),
    ("cite-blank-start", _set_cell("mentions", 0, start=""), ("cite", "O0001", "-p", "PKG"), 2, "resource-unreadable"),
    ("show-value-1e309", _set_cell("observations", 0, value="1e309"), ("show", "-p", "PKG"), 2, "resource-unreadable"),
    ("show-date-unpadded", _set_cell("events", 0, date="2022-9-23"), ("show", "-p", "PKG"), 2, "resource-unreadable"),
    # a 100,000-digit integer in the descriptor (beyond Python's int digit limit)
    ("validate-100k-digit-integer", _BIG_INT, ("validate", "PKG"), 2, "descriptor-invalid-json"),
    ("info-100k-digit-integer", _BIG_INT, ("info", "-p", "PKG"), 2, "descriptor-invalid-json"),
    ("show-100k-digit-integer", _BIG_INT, ("show", "-p", "PKG"), 2, "descriptor-invalid-json"),
    ("cite-100k-digit-integer", _BIG_INT, ("cite", "O0001", "-p", "PKG"), 2, "descriptor-invalid-json"),
    ("export-100k-digit-integer", _BIG_INT, ("export", "-f", "json", "OUT", "-p", "PKG"), 2, "descriptor-invalid-json"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "mutate", "args", "code", "error"), CLI_CASES, ids=[c[0] for c in CLI_CASES]
)
def test_hostile_command(
    tmp_path: Path,
    zygote: Any,
    case: str,
    mutate: Callable[[Path], Any],
    args: tuple[str, ...],
    code: int,
    error: str,
) -> None:
    """Every command refuses what it cannot read, at once (a FIFO is never opened), with one line and a
    stable code: never a traceback, never the catch-all `TypeName: message`."""
    from tests.conftest import copy_package

    home = tmp_path / "pkg"
    home.mkdir()
    pkg = copy_package(home)
    mutate(pkg)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    if case == "export-csv-into-other-dir":
        _non_export_dir(cwd)
    argv = [a.replace("PKG", str(pkg)).replace("OUT", str(cwd / "out")) for a in args]
    proc = zygote.run(argv, cwd=cwd, timeout=60, env={**os.environ, "MIITDATA_DEBUG": "", "COLUMNS": "60"})
    assert proc.returncode == code, (proc.returncode, proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr and "MIITDATA_DEBUG" not in proc.stderr, proc.stderr[-2000:]
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and f"[{error}]" in lines[0], proc.stderr[-2000:]
    assert len(lines[0]) < 600 and "\x1b" not in proc.stderr  # no huge echo, no raw escape sequence
    if case == "export-csv-into-other-dir":
        assert sorted(p.name for p in (cwd / "out").iterdir()) == ["mine.txt"]
    assert not [p for p in cwd.rglob("*") if p.name.endswith(".tmp")]


# ------------------------------------------------------------------------------------------ the API
# (name, mutation, the PackageError code of miitdata.load(), the row it names or None)

API_CASES: list[tuple[str, Callable[[Path], Any], str, int | None]] = [
    ("load-bom", _BOM, "resource-unreadable", 1),
    ("load-crlf", _CRLF, "resource-unreadable", 1),
    ("load-nul", _NUL, "resource-unreadable", 2),
    ("load-gbk", encode_as("events", "gbk"), "resource-unreadable", 2),
    ("load-unterminated-quote", _QUOTE, "resource-unreadable", None),
    ("load-not-a-number", _NOT_A_NUMBER, "resource-unreadable", None),
    ("load-empty-file", lambda p: _data(p, "relations.csv").write_bytes(b""), "resource-unreadable", None),
    ("load-header-renamed", _replace_header("events", lambda h: ["id" if c == "event_id" else c for c in h]), "resource-unreadable", 1),
    ("load-fifo", fifo_at("data", "regions.csv"), "resource-unreadable", None),
    ("load-dir-as-csv", dir_at("data", "events.csv"), "resource-unreadable", None),
    ("load-socket", socket_at("data", "regions.csv"), "resource-unreadable", None),
    ("load-symlink-loop", loop_at("data", "events.csv"), "path-invalid", None),
    ("load-descriptor-fifo", fifo_at("datapackage.json"), "descriptor-unreadable", None),
    ("load-dialect-url", _resource_key("dialect", "https://example.org/d.json"), "path-not-local", None),
    ("load-missing-file", lambda p: _data(p, "events.csv").unlink(), "resource-unreadable", None),
    # load() types cells with the structure layer's parser: what validate rejects, load() rejects
    ("load-value-trailing-space", _set_cell("observations", 0, value="30.5 "), "resource-unreadable", 2),
    ("load-value-leading-space", _set_cell("observations", 1, value=" 30.5"), "resource-unreadable", 3),
    ("load-value-1e309", _set_cell("observations", 0, value="1e309"), "resource-unreadable", 2),
    ("load-value-nan", _set_cell("observations", 0, value="NaN"), "resource-unreadable", 2),
    ("load-value-infinity", _set_cell("mentions", 0, value="Infinity"), "resource-unreadable", 2),
    ("load-value-fullwidth", _set_cell("observations", 0, value="３０.５"), "resource-unreadable", 2),
    ("load-value-thousands", _set_cell("observations", 0, value="1,000"), "resource-unreadable", 2),
    ("load-value-underscore", _set_cell("observations", 0, value="1_000"), "resource-unreadable", 2),
    ("load-start-decimal-point", _set_cell("mentions", 0, start="426."), "resource-unreadable", 2),
    ("load-start-exponent", _set_cell("mentions", 0, start="4.26e2"), "resource-unreadable", 2),
    ("load-start-fullwidth", _set_cell("mentions", 0, start="４２６"), "resource-unreadable", 2),
    ("load-start-arabic-indic", _set_cell("mentions", 0, start="٤٢٦"), "resource-unreadable", 2),
    ("load-start-padded", _set_cell("mentions", 0, end=" 12"), "resource-unreadable", 2),
    ("load-date-unpadded", _set_cell("events", 0, date="2022-9-23"), "resource-unreadable", 2),
    ("load-date-fullwidth", _set_cell("events", 0, date="２０２２-０９-２３"), "resource-unreadable", 2),
    ("load-date-basic", _set_cell("events", 0, date="20220923"), "resource-unreadable", 2),
    ("load-date-week", _set_cell("sources", 0, date_published="2022-W38-5"), "resource-unreadable", 2),
    ("load-date-feb-30", _set_cell("events", 0, date="2022-02-30"), "resource-unreadable", 2),
    ("load-date-with-time", _set_cell("events", 0, date="2022-09-23T00:00"), "resource-unreadable", 2),
    ("load-boolean-yes", _set_cell("sources", 0, machine_translated="yes"), "resource-unreadable", 2),
    ("load-required-start-blank", _set_cell("mentions", 0, start=""), "resource-unreadable", 2),
    ("load-primary-key-blank", _set_cell("observations", 2, observation_id=""), "resource-unreadable", 4),
    ("load-100k-digit-integer", huge_integer, "descriptor-invalid-json", None),
]  # fmt: skip


@pytest.mark.parametrize(("case", "mutate", "code", "row"), API_CASES, ids=[c[0] for c in API_CASES])
def test_hostile_load(
    tmp_path: Path, case: str, mutate: Callable[[Path], Any], code: str, row: int | None
) -> None:
    """`miitdata.load()` raises PackageError naming the file (and the row), never a pandas or codec error,
    and rejects what the structure layer rejects."""
    import miitdata
    from tests.conftest import copy_package

    pkg = copy_package(tmp_path)
    mutate(pkg)
    with pytest.raises(miitdata.PackageError) as info:
        miitdata.load(str(pkg))
    assert info.value.code == code, info.value
    assert info.value.path and str(tmp_path) in info.value.path
    if row is not None:
        assert info.value.row == row, info.value


def test_hostile_load_nul_in_path() -> None:
    import miitdata

    with pytest.raises(miitdata.PackageError) as info:
        miitdata.load("data\x00package.json")
    assert info.value.code == "path-invalid"


def test_hostile_cite_megabyte_id() -> None:
    """A 1 MB id (too long for a command line) through the API: a FilterError at once, not echoed.

    "At once" is measured in work, not time (a loaded machine must not fail it): the Python calls made
    for a 1 MB id are those made for a 1 kB one, so nothing walks the id in Python."""
    import sys

    import miitdata
    from miitdata.query.filters import FilterError

    ds = miitdata.load()

    def calls(oid: str) -> tuple[int, str]:
        count = 0

        def profile(frame: object, event: str, arg: object) -> None:
            nonlocal count
            count += 1

        sys.setprofile(profile)
        try:
            ds.cite(oid)
        except FilterError as exc:
            message = str(exc)
        finally:
            sys.setprofile(None)
        return count, message

    calls("O" + "9" * 1_000)  # caches filled on first use
    small, _ = calls("O" + "9" * 1_000)
    huge, message = calls("O" + "9" * 1_000_000)
    assert huge == small and len(message) < 300


def test_corpus_is_large_enough() -> None:
    assert len(CASES) + len(CLI_CASES) + len(API_CASES) + 2 >= 80


def test_million_blank_lines_counted_exactly(tmp_path: Path) -> None:
    """The report lists at most 1000 errors per check but counts all of them."""
    import miitdata
    from tests.conftest import copy_package

    pkg = copy_package(tmp_path)
    million_blank_lines(pkg)
    report = miitdata.validate(str(pkg), layers=["structure"])
    shown = [e for e in report.errors if e.type == "blank-row"]
    assert len(shown) == 1000
    check = next(c for c in report.checks if c.name == "blank-row" and c.resource == "regions")
    assert check.errors == 1_000_000


@pytest.mark.slow
def test_one_million_mentions_stay_under_1_5_gib(tmp_path: Path) -> None:
    """Validating a valid synthetic package of 1M mentions (all layers) peaks below 1.5 GiB RSS."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "scale", Path(__file__).parents[1] / "benchmarks" / "scale.py"
    )
    assert spec is not None and spec.loader is not None
    scale = importlib.util.module_from_spec(spec)
    sys.modules["scale"] = scale  # dataclasses look their module up in sys.modules
    spec.loader.exec_module(scale)
    scale.generate(tmp_path / "pkg", 1_000_000)
    cmd = [
        sys.executable,
        "-m",
        "miitdata",
        "validate",
        str(tmp_path / "pkg"),
        "--format",
        "json",
        "-o",
        os.devnull,
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert usage.ru_maxrss * 1024 < 1.5 * 2**30, f"peak RSS {usage.ru_maxrss / 1024:.0f} MiB"


# ------------------------------------------------------------------------------------------ curate
# (name, mutation of the package copy, what FILE (the file add-source adds) is, the arguments (PKG, FILE),
# exit code, error code). Exit 2 cases must leave every file of the package as it was and no temporary.


def _special(kind: str, path: Path) -> None:
    """Make `path` (removed first if present) a FIFO, a directory, a socket, a symlink to /dev/zero, a
    device (/dev/zero itself is used through a symlink: creating device nodes needs privileges)."""
    if path.exists() or path.is_symlink():
        path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dir":
        path.mkdir()
    elif kind == "socket":
        _bind(path)
    elif kind == "symlink":
        path.symlink_to(os.devnull)
    elif kind == "loop":
        path.symlink_to(path.name)


def _bind(path: Path) -> None:
    import socket

    cwd = os.getcwd()
    os.chdir(path.parent)
    try:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(path.name)
    finally:
        os.chdir(cwd)


def _lock(kind: str) -> Callable[[Path], None]:
    return lambda pkg: _special(kind, pkg.parent / ".curation.lock")


def _stale_start(pkg: Path) -> None:
    """Shift the first mention's start, so that anchor has something to write."""
    edit_rows(pkg, "mentions", lambda rows: rows[0].update(start=str(int(rows[0]["start"]) + 1)))


def _then(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def mutate(pkg: Path) -> None:
        for step in steps:
            step(pkg)

    return mutate


def _mentions_bytes(change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    return lambda pkg: _rewrite_bytes(pkg, "mentions", change)


def _extra_cell(b: bytes) -> bytes:
    lines = b.split(b"\n")
    lines[1] += b",surplus"
    return b"\n".join(lines)


def _missing_cell(b: bytes) -> bytes:
    lines = b.split(b"\n")
    lines[2] = lines[2].rsplit(b",", 1)[0]
    return b"\n".join(lines)


def _blank_row(b: bytes) -> bytes:
    lines = b.split(b"\n")
    return b"\n".join([*lines[:3], b"", *lines[3:]])


def _cr_in_note(pkg: Path) -> None:
    edit_rows(pkg, "mentions", lambda rows: rows[0].update(note="first\rsecond"))


_ADD = ("curate", "add-source", "FILE", "--id", "S900", "--event", "EVENT", "--language", "zh", "--kind",
        "news-report", "--publisher", "", "--published", "2024-03-27", "--title", "标题", "-p", "PKG")  # fmt: skip


def _add(**over: str) -> tuple[str, ...]:
    args = list(_ADD)
    for key, value in over.items():
        args[args.index(f"--{key}") + 1] = value
    return tuple(args)


CURATE_CASES: list[tuple[str, Callable[[Path], Any], str, tuple[str, ...], int, str]] = [
    # tables curate cannot read losslessly: refused, never rewritten
    ("anchor-extra-cell", _then(_stale_start, _mentions_bytes(_extra_cell)), "text", ("curate", "anchor", "-p", "PKG"), 2, "resource-unreadable"),
    ("anchor-quoted-cr", _then(_stale_start, _cr_in_note), "text", ("curate", "anchor", "-p", "PKG"), 2, "resource-unreadable"),
    ("anchor-missing-cell", _mentions_bytes(_missing_cell), "text", ("curate", "anchor", "-p", "PKG"), 2, "resource-unreadable"),
    ("anchor-blank-row", _mentions_bytes(_blank_row), "text", ("curate", "anchor", "-p", "PKG"), 2, "resource-unreadable"),
    ("anchor-unterminated-quote", _mentions_bytes(lambda b: b + b'M9999,O0001,S000,0,1,0,1,"open\n'), "text", ("curate", "anchor", "-p", "PKG"), 2, "resource-unreadable"),
    ("anchor-bom", _BOM, "text", ("curate", "anchor", "-p", "PKG"), 2, "resource-unreadable"),
    ("anchor-crlf", _mentions_bytes(lambda b: b.replace(b"\n", b"\r\n")), "text", ("curate", "anchor", "-p", "PKG"), 2, "resource-unreadable"),
    ("anchor-nul", _mentions_bytes(lambda b: b.replace(b"\n", b"\x00\n", 3)), "text", ("curate", "anchor", "-p", "PKG"), 2, "resource-unreadable"),
    ("anchor-gbk", encode_as("mentions", "gbk"), "text", ("curate", "anchor", "-p", "PKG"), 2, "resource-unreadable"),
    ("anchor-header-reordered", _replace_header("mentions", lambda h: [h[1], h[0], *h[2:]]), "text", ("curate", "anchor", "-p", "PKG"), 2, "resource-unreadable"),
    ("anchor-header-duplicated", _replace_header("mentions", lambda h: [*h[:-1], h[0]]), "text", ("curate", "anchor", "-p", "PKG"), 2, "resource-unreadable"),
    ("anchor-mentions-fifo", fifo_at("data", "mentions.csv"), "text", ("curate", "anchor", "-p", "PKG"), 2, "resource-unreadable"),
    ("anchor-mentions-dir", dir_at("data", "mentions.csv"), "text", ("curate", "anchor", "-p", "PKG"), 2, "resource-unreadable"),
    ("anchor-sources-fifo", fifo_at("data", "sources.csv"), "text", ("curate", "anchor", "-p", "PKG"), 2, "resource-unreadable"),
    ("anchor-source-text-fifo", lambda p: fifo_at(str(_source_file(p, 1).relative_to(p.parent)))(p), "text", ("curate", "anchor", "-p", "PKG"), 2, "resource-unreadable"),
    ("todo-extra-cell", _mentions_bytes(_extra_cell), "text", ("curate", "todo", "S000", "-f", "csv", "-p", "PKG"), 2, "resource-unreadable"),
    # what anchor would write must validate
    ("anchor-writes-type-error", _then(_stale_start, _set_cell("mentions", 3, value="abc")), "text", ("curate", "anchor", "-p", "PKG"), 2, "curate-invalid"),
    ("anchor-writes-bad-id", _then(_stale_start, _set_cell("mentions", 3, mention_id="Ｍ0001")), "text", ("curate", "anchor", "-p", "PKG"), 2, "curate-invalid"),
    # the curation lock: a regular file or nothing
    ("anchor-lock-fifo", _then(_stale_start, _lock("fifo")), "text", ("curate", "anchor", "-p", "PKG"), 2, "output-invalid"),
    ("anchor-lock-dir", _then(_stale_start, _lock("dir")), "text", ("curate", "anchor", "-p", "PKG"), 2, "output-invalid"),
    ("anchor-lock-socket", _then(_stale_start, _lock("socket")), "text", ("curate", "anchor", "-p", "PKG"), 2, "output-invalid"),
    ("anchor-lock-symlink-devnull", _then(_stale_start, _lock("symlink")), "text", ("curate", "anchor", "-p", "PKG"), 2, "output-invalid"),
    ("anchor-lock-symlink-loop", _then(_stale_start, _lock("loop")), "text", ("curate", "anchor", "-p", "PKG"), 2, "output-invalid"),
    ("add-source-lock-fifo", _lock("fifo"), "text", _ADD, 2, "output-invalid"),
    # the file to add: a regular file of sane size
    ("add-source-fifo", _NOTHING, "fifo", _ADD, 2, "source-unreadable"),
    ("add-source-dev-zero", _NOTHING, "dev-zero", _ADD, 2, "source-unreadable"),
    ("add-source-directory", _NOTHING, "dir", _ADD, 2, "source-unreadable"),
    ("add-source-socket", _NOTHING, "socket", _ADD, 2, "source-unreadable"),
    ("add-source-missing", _NOTHING, "missing", _ADD, 2, "source-unreadable"),
    ("add-source-65-mib", _NOTHING, "huge", _ADD, 2, "source-unreadable"),
    ("add-source-symlink-loop", _NOTHING, "loop", _ADD, 2, "path-invalid"),
    # inputs checked before anything is written
    ("add-source-title-cr", _NOTHING, "text", _add(title="a\rb"), 2, "source-invalid"),
    ("add-source-title-newline", _NOTHING, "text", _add(title="a\nb"), 2, "source-invalid"),
    ("add-source-note-escape", _NOTHING, "text", (*_ADD, "--note", "x\x1b[2Jy"), 2, "source-invalid"),
    ("add-source-publisher-tab", _NOTHING, "text", _add(publisher="MIIT\t"), 2, "source-invalid"),
    ("add-source-title-c1", _NOTHING, "text", _add(title="a\x85b"), 2, "source-invalid"),
    ("add-source-title-blank", _NOTHING, "text", _add(title="  "), 2, "source-invalid"),
    ("add-source-date-basic", _NOTHING, "text", _add(published="20240326"), 2, "source-invalid"),
    ("add-source-date-week", _NOTHING, "text", _add(published="2024-W13-2"), 2, "source-invalid"),
    ("add-source-date-ordinal", _NOTHING, "text", _add(published="2024-086"), 2, "source-invalid"),
    ("add-source-date-unpadded", _NOTHING, "text", _add(published="2024-3-26"), 2, "source-invalid"),
    ("add-source-date-fullwidth", _NOTHING, "text", _add(published="２０２４-03-26"), 2, "source-invalid"),
    ("add-source-date-feb-30", _NOTHING, "text", _add(published="2024-02-30"), 2, "source-invalid"),
    ("add-source-date-time", _NOTHING, "text", _add(published="2024-03-26T00:00"), 2, "source-invalid"),
    ("add-source-id-fullwidth", _NOTHING, "text", _add(id="S９00"), 2, "source-invalid"),
    ("add-source-id-lowercase", _NOTHING, "text", _add(id="s900"), 2, "source-invalid"),
    ("add-source-id-trailing-newline", _NOTHING, "text", _add(id="S900\n"), 2, "source-invalid"),
    ("add-source-id-long", _NOTHING, "text", _add(id="S9000"), 2, "source-invalid"),
    ("add-source-language", _NOTHING, "text", _add(language="ZH"), 2, "source-invalid"),
    ("add-source-kind", _NOTHING, "text", _add(kind="rumour"), 2, "source-invalid"),
    ("add-source-event-unknown", _NOTHING, "text", _add(event="2099-01-01-x"), 2, "event-unknown"),
    ("add-source-not-utf8", _NOTHING, "gbk", _ADD, 2, "not-utf8"),
    ("add-source-sources-extra-cell", lambda p: _rewrite_bytes(p, "sources", _extra_cell), "text", _ADD, 2, "resource-unreadable"),
]  # fmt: skip


def _file_to_add(kind: str, tmp: Path) -> Path:
    path = tmp / "new.txt"
    if kind == "text":
        path.write_bytes("新的文本：工业增加值增长5%。\n".encode())
    elif kind == "gbk":
        path.write_bytes("增长5%".encode("gbk"))
    elif kind == "huge":
        with path.open("wb") as fh:  # sparse: 65 MiB on paper, nothing on disk
            fh.truncate(65 * 2**20)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind != "missing":
        _special(kind, path)
    return path


def _package_files(root: Path) -> dict[str, tuple[bytes | None, int]]:
    return {
        str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None, p.lstat().st_mode)
        for p in sorted(root.rglob("*"))
        if p.name != ".curation.lock" and not p.is_fifo()
    }


@pytest.mark.parametrize(
    ("case", "mutate", "file", "args", "code", "error"), CURATE_CASES, ids=[c[0] for c in CURATE_CASES]
)
def test_hostile_curate(
    tmp_path: Path,
    zygote: Any,
    case: str,
    mutate: Callable[[Path], Any],
    file: str,
    args: tuple[str, ...],
    code: int,
    error: str,
) -> None:
    """curate refuses what it cannot read losslessly, what would not validate, bad input and special files,
    at once (never a hang), with one line and a stable code, and writes nothing."""
    from tests.conftest import copy_package

    home = tmp_path / "pkg"
    home.mkdir()
    pkg = copy_package(home)
    _, events = read_rows(_data(pkg, "events.csv"))
    mutate(pkg)
    new = _file_to_add(file, tmp_path)
    before = _package_files(home)
    argv = [
        a.replace("PKG", str(pkg)).replace("FILE", str(new)).replace("EVENT", events[0]["event_id"])
        for a in args
    ]
    proc = zygote.run(argv, cwd=tmp_path, timeout=60, env={**os.environ, "MIITDATA_DEBUG": ""})
    assert proc.returncode == code, (proc.returncode, proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr and "MIITDATA_DEBUG" not in proc.stderr, proc.stderr[-2000:]
    lines = proc.stderr.strip().splitlines()
    assert lines and f"[{error}]" in lines[-1], proc.stderr[-2000:]
    assert len(lines[-1]) < 600 and "\x1b" not in proc.stderr
    assert _package_files(home) == before, "curate changed the package although it refused"
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


def test_curate_corpus_is_large_enough() -> None:
    assert len(CURATE_CASES) >= 50


# ------------------------------------------------------------------------------------------ signals, modes, disks
# curate writes through the one atomic writer (miitdata.atomic.write_files): the old files stay whole on
# SIGTERM, SIGINT or a full disk, no temporary is left, and the files keep their permissions.

_PAUSED_CLI = """
import os, sys
ready, go, hook, only = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
real = getattr(os, hook)
def paused(*args, **kwargs):
    if only not in str(args[0]):
        return real(*args, **kwargs)
    os.write(ready, b"!")  # the test now delivers its signal, then lets this call go on
    os.read(go, 1)
    setattr(os, hook, real)
    return real(*args, **kwargs)
setattr(os, hook, paused)
sys.argv = ["miitdata", *sys.argv[5:]]
from miitdata.cli.main import main
main()
"""


def _run_paused(
    hook: str, sig: int, args: list[str], cwd: Path, only: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run the CLI; when it first calls os.<hook> (with a first argument containing `only`) it stops, the test sends `sig`, then lets it go on.
    (With the signal held by the writer, the call goes on first; else the signal interrupts the wait.)"""
    ready_r, ready_w = os.pipe()
    go_r, go_w = os.pipe()
    proc = subprocess.Popen(
        [sys.executable, "-c", _PAUSED_CLI, str(ready_w), str(go_r), hook, only, *args],
        cwd=cwd,
        pass_fds=(ready_w, go_r),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(ready_w)
    os.close(go_r)
    try:
        assert os.read(ready_r, 1) == b"!", "the command never reached os." + hook
        proc.send_signal(sig)
        os.write(go_w, b"go")
        out, err = proc.communicate(timeout=120)
    finally:
        os.close(ready_r)
        os.close(go_w)
        if proc.poll() is None:
            proc.kill()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def _stale_package(tmp_path: Path) -> Path:
    from tests.conftest import copy_package

    home = tmp_path / "pkg"
    home.mkdir()
    pkg = copy_package(home)
    _stale_start(pkg)
    return pkg


@pytest.mark.parametrize("sig", [15, 2], ids=["SIGTERM", "SIGINT"])
def test_signal_while_curate_writes_leaves_the_old_file(tmp_path: Path, sig: int) -> None:
    """The signal arrives when the temporary mentions.csv is written and about to be fsynced."""
    pkg = _stale_package(tmp_path)
    os.chmod(_data(pkg, "mentions.csv"), 0o640)
    before = _package_files(pkg.parent)
    proc = _run_paused("fsync", sig, ["curate", "anchor", "-p", str(pkg)], tmp_path)
    assert proc.returncode == 130, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert _package_files(pkg.parent) == before
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.parametrize("sig", [15, 2], ids=["SIGTERM", "SIGINT"])
def test_signal_during_the_renames_waits_for_them(tmp_path: Path, sig: int) -> None:
    """A signal that arrives once the renames have begun is held until they are all done: add-source's
    three files (text, sources.csv, datapackage.json) are all new, never a mix."""
    from tests.conftest import copy_package

    home = tmp_path / "pkg"
    home.mkdir()
    pkg = copy_package(home)
    new = _file_to_add("text", tmp_path)
    _, events = read_rows(_data(pkg, "events.csv"))
    args = [
        a.replace("PKG", str(pkg)).replace("FILE", str(new)).replace("EVENT", events[0]["event_id"])
        for a in _ADD
    ]
    proc = _run_paused("replace", sig, args, tmp_path, only=".tmp")
    assert proc.returncode == 130, proc.stderr[-2000:]
    _, sources = read_rows(_data(pkg, "sources.csv"))
    assert sources[-1]["source_id"] == "S900"
    assert (pkg.parent / sources[-1]["path"]).read_bytes() == new.read_bytes()
    assert sources[-1]["path"] in pkg.read_text(encoding="utf-8")
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


def test_curate_keeps_file_modes(tmp_path: Path) -> None:
    """Rewritten files keep their mode (0640 stays 0640); a new file gets 0666 less the umask, not 0600."""
    from tests.conftest import copy_package, invoke

    pkg = _stale_package(tmp_path)
    os.chmod(_data(pkg, "mentions.csv"), 0o640)
    os.chmod(_data(pkg, "sources.csv"), 0o604)
    code, out = invoke("curate", "anchor", "-p", str(pkg))
    assert code == 0, out
    assert stat_mode(_data(pkg, "mentions.csv")) == 0o640
    home = tmp_path / "fresh"
    home.mkdir()
    fresh = copy_package(home)
    os.chmod(_data(fresh, "sources.csv"), 0o604)
    new = _file_to_add("text", tmp_path)
    _, events = read_rows(_data(fresh, "events.csv"))
    args = [
        a.replace("PKG", str(fresh)).replace("FILE", str(new)).replace("EVENT", events[0]["event_id"])
        for a in _ADD
    ]
    mask = os.umask(0o022)
    try:
        code, out = invoke(*args)
    finally:
        os.umask(mask)
    assert code == 0, out
    _, sources = read_rows(_data(fresh, "sources.csv"))
    assert stat_mode(_data(fresh, "sources.csv")) == 0o604
    assert stat_mode(fresh) == 0o644
    assert stat_mode(fresh.parent / sources[-1]["path"]) == 0o644


def stat_mode(path: Path) -> int:
    return path.stat().st_mode & 0o7777


def test_full_disk_under_curate_is_output_unwritable(tmp_path: Path) -> None:
    """A file size limit smaller than mentions.csv (what a full disk does to a write): exit 2
    `output-unwritable`, the old file whole, no temporary."""

    def limit() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    pkg = _stale_package(tmp_path)
    before = _package_files(pkg.parent)
    proc = subprocess.run(
        [sys.executable, "-m", "miitdata", "curate", "anchor", "-p", str(pkg)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        preexec_fn=limit,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr[-2000:]
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "[output-unwritable]" in lines[0], proc.stderr[-2000:]
    assert _package_files(pkg.parent) == before
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.parametrize("errno_name", ["EROFS", "ENOSPC", "EACCES", "EDQUOT"])
def test_read_only_or_full_package_under_curate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errno_name: str
) -> None:
    """The package's file system refuses the write (read-only, full, no permission, over quota; the test
    runs as root, so the refusal is injected where the temporary file is created): output-unwritable."""
    import errno
    import tempfile

    from tests.conftest import invoke

    pkg = _stale_package(tmp_path)
    before = _package_files(pkg.parent)
    real = tempfile.mkstemp
    data_dir = str(_data(pkg))

    def refusing(*args: Any, **kwargs: Any) -> tuple[int, str]:
        if str(kwargs.get("dir", "")) == data_dir:
            code = getattr(errno, errno_name)
            raise OSError(code, os.strerror(code), kwargs["dir"])
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refusing)
    code, out = invoke("curate", "anchor", "-p", str(pkg))
    assert code == 2 and "[output-unwritable]" in out and "mentions.csv" in out, out
    assert _package_files(pkg.parent) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through file permissions")
def test_read_only_directory_under_curate(tmp_path: Path) -> None:
    from tests.conftest import invoke

    pkg = _stale_package(tmp_path)
    os.chmod(_data(pkg), 0o555)
    os.chmod(pkg.parent, 0o555)
    try:
        code, out = invoke("curate", "anchor", "-p", str(pkg))
    finally:
        os.chmod(pkg.parent, 0o755)
        os.chmod(_data(pkg), 0o755)
    assert code == 2 and "[output-unwritable]" in out, out


# ------------------------------------------------------------------------------------------ damaged repositories
# A small real git repository with two released versions; each case damages a copy. Every command and
# load(rev=) answers at once with a stable code (never a hang: each run has a timeout far below the
# default git timeout, and a damaged object is detected, not waited on).

_GIT = {
    "GIT_AUTHOR_NAME": "miitdata tests",
    "GIT_AUTHOR_EMAIL": "tests@miitdata.invalid",
    "GIT_COMMITTER_NAME": "miitdata tests",
    "GIT_COMMITTER_EMAIL": "tests@miitdata.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def _git(repo: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, env={**os.environ, **_GIT}, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import copy_package

    repo = tmp_path_factory.mktemp("repo") / "repo"
    repo.mkdir()
    pkg = copy_package(repo)
    _git(repo, "init", "-q", "-b", "main")
    text = pkg.read_text(encoding="utf-8")
    version = json.loads(text)["version"]
    pkg.write_text(text.replace(f'"version": "{version}"', '"version": "0.1.0"', 1), encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Release 0.1.0")
    _git(repo, "tag", "v0.1.0")
    edit_rows(pkg, "observations", lambda rows: rows[0].update(value=str(float(rows[0]["value"]) + 1)))
    pkg.write_text(pkg.read_text(encoding="utf-8").replace('"version": "0.1.0"', '"version": "0.2.0"', 1))
    _git(repo, "commit", "-q", "-am", "Release 0.2.0")
    _git(repo, "tag", "v0.2.0")
    return repo


def _object_file(repo: Path, rev: str) -> Path:
    sha = _git(repo, "rev-parse", rev)
    return repo / ".git" / "objects" / sha[:2] / sha[2:]


def _corrupt(rev: str, how: str) -> Callable[[Path], None]:
    def damage(repo: Path) -> None:
        path = _object_file(repo, rev)
        os.chmod(path, 0o644)
        if how == "flip":
            raw = bytearray(path.read_bytes())
            raw[len(raw) // 2] ^= 0xFF
            path.write_bytes(bytes(raw))
        elif how == "empty":
            path.write_bytes(b"")
        elif how == "missing":
            path.unlink()
        elif how == "garbage":
            path.write_bytes(b"x" * 64)

    return damage


def _shallow(repo: Path) -> Path:
    clone = repo.parent / "shallow"
    _git(repo.parent, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    return clone


def _partial(repo: Path) -> Path:
    _git(repo, "config", "uploadpack.allowFilter", "true")
    clone = repo.parent / "partial"
    _git(repo.parent, "clone", "-q", "--filter=blob:none", f"file://{repo}", str(clone))
    return clone


def _no_change(repo: Path) -> None:
    return None


_OBS = "v0.1.0:data/observations.csv"
_DESC = "v0.1.0:datapackage.json"

# (name, damage (returns the repository to use, or None for the damaged copy itself), command, exit, code)
REPO_CASES: list[tuple[str, Callable[[Path], Any], tuple[str, ...], int, str]] = [
    ("diff-flipped-blob", _corrupt(_OBS, "flip"), ("diff", "v0.1.0", "v0.2.0", "--repo", "REPO"), 2, "repo-unreadable"),
    ("diff-empty-blob", _corrupt(_OBS, "empty"), ("diff", "v0.1.0", "v0.2.0", "--repo", "REPO"), 2, "repo-unreadable"),
    ("diff-missing-blob", _corrupt(_OBS, "missing"), ("diff", "v0.1.0", "v0.2.0", "--repo", "REPO"), 2, "repo-unreadable"),
    ("diff-garbage-blob", _corrupt(_OBS, "garbage"), ("diff", "v0.1.0", "v0.2.0", "--repo", "REPO"), 2, "repo-unreadable"),
    ("diff-flipped-descriptor", _corrupt(_DESC, "flip"), ("diff", "v0.1.0", "v0.2.0", "--repo", "REPO"), 2, "repo-unreadable"),
    ("diff-flipped-commit", _corrupt("v0.1.0", "flip"), ("diff", "v0.1.0", "v0.2.0", "--repo", "REPO"), 2, "repo-unreadable"),
    ("versions-flipped-descriptor", _corrupt(_DESC, "flip"), ("versions", "--repo", "REPO"), 2, "repo-unreadable"),
    ("versions-missing-commit", _corrupt("v0.1.0", "missing"), ("versions", "--repo", "REPO"), 2, "repo-unreadable"),
    ("versions-tag-shallow", _shallow, ("versions", "--tag", "--repo", "REPO"), 2, "history-incomplete"),
    ("versions-tag-partial", _partial, ("versions", "--tag", "--repo", "REPO"), 2, "history-incomplete"),
    ("diff-cache-is-a-file", _no_change, ("diff", "v0.1.0", "v0.2.0", "--repo", "REPO"), 2, "output-unwritable"),
    ("diff-git-hangs", _no_change, ("diff", "v0.1.0", "v0.2.0", "--repo", "REPO"), 2, "repo-unreadable"),
    ("versions-git-hangs", _no_change, ("versions", "--repo", "REPO"), 2, "repo-unreadable"),
]  # fmt: skip


def _hanging_git(bin_dir: Path) -> str:
    """A `git` that never answers (as one stuck on a network file system would)."""
    bin_dir.mkdir()
    fake = bin_dir / "git"
    fake.write_text("#!/bin/sh\nexec sleep 600\n", encoding="utf-8")
    fake.chmod(0o755)
    return f"{bin_dir}{os.pathsep}{os.environ['PATH']}"


def _damaged_copy(two_versions: Path, tmp_path: Path, damage: Callable[[Path], Any]) -> Path:
    import shutil

    repo = tmp_path / "repo"
    shutil.copytree(two_versions, repo)
    return damage(repo) or repo


@pytest.mark.parametrize(
    ("case", "damage", "args", "code", "error"), REPO_CASES, ids=[c[0] for c in REPO_CASES]
)
def test_hostile_repository(
    two_versions: Path,
    tmp_path: Path,
    zygote: Any,
    case: str,
    damage: Callable[[Path], Any],
    args: tuple[str, ...],
    code: int,
    error: str,
) -> None:
    repo = _damaged_copy(two_versions, tmp_path, damage)
    env = {**os.environ, **_GIT, "MIITDATA_DEBUG": "", "MIITDATA_CACHE": str(tmp_path / "cache")}
    if case.endswith("cache-is-a-file"):
        (tmp_path / "cache").write_text("not a directory", encoding="utf-8")
    if case.endswith("git-hangs"):
        env["PATH"] = _hanging_git(tmp_path / "bin")
        env["MIITDATA_GIT_TIMEOUT"] = "1"
    argv = [a.replace("REPO", str(repo)) for a in args]
    tags = _git(repo, "tag", "--list") if case.startswith("versions-tag") else ""
    proc = zygote.run(argv, cwd=tmp_path, timeout=90, env=env)
    assert proc.returncode == code, (proc.returncode, proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr and "MIITDATA_DEBUG" not in proc.stderr, proc.stderr[-2000:]
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and f"[{error}]" in lines[0], proc.stderr[-2000:]
    if case.startswith("versions-tag"):
        assert _git(repo, "tag", "--list") == tags, "a tag was created in an incomplete history"


@pytest.mark.parametrize(
    ("case", "damage"),
    [("flipped-blob", _corrupt(_OBS, "flip")), ("missing-blob", _corrupt(_OBS, "missing")), ("empty-blob", _corrupt(_OBS, "empty"))],
)  # fmt: skip
def test_load_rev_of_a_damaged_repository(
    two_versions: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    damage: Callable[[Path], Any],
) -> None:
    import miitdata

    repo = _damaged_copy(two_versions, tmp_path, damage)
    monkeypatch.setenv("MIITDATA_CACHE", str(tmp_path / "cache"))
    with pytest.raises(miitdata.PackageError) as info:
        miitdata.load(rev="v0.1.0", repo=str(repo))
    assert info.value.code == "repo-unreadable" and "observations.csv" in str(info.value)
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").iterdir())
    assert miitdata.load(rev="v0.2.0", repo=str(repo)).version == "0.2.0"  # the healthy version still reads


def test_load_rev_with_an_unwritable_cache(
    two_versions: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import miitdata

    (tmp_path / "cache").write_text("a file where the cache directory should be", encoding="utf-8")
    monkeypatch.setenv("MIITDATA_CACHE", str(tmp_path / "cache" / "sub"))
    with pytest.raises(miitdata.PackageError) as info:
        miitdata.load(rev="v0.1.0", repo=str(two_versions))
    assert info.value.code == "output-unwritable" and "MIITDATA_CACHE" in str(info.value)


def test_load_rev_cache_keeps_modes(
    two_versions: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache entry is written by the atomic writer: readable by all (not mkdtemp's 0700), whole."""
    import miitdata

    monkeypatch.setenv("MIITDATA_CACHE", str(tmp_path / "cache"))
    mask = os.umask(0o022)
    try:
        ds = miitdata.load(rev="v0.1.0", repo=str(two_versions))
    finally:
        os.umask(mask)
    entry = Path(ds.path).parent
    assert entry.stat().st_mode & 0o777 == 0o755
    assert not [p for p in (tmp_path / "cache").iterdir() if p.name.startswith(".")]


def test_a_reader_thread_that_dies_never_leaves_the_waiter_hanging() -> None:
    """What DVC does on a damaged object: its reader thread dies, the call waits on a queue forever.
    `guarded` ends the wait as soon as the thread dies: repo-unreadable, no timeout needed."""
    import queue
    import threading

    from miitdata.errors import PackageError
    from miitdata.versions.rev import guarded

    def dvc_like_read() -> bytes:
        box: queue.Queue[bytes] = queue.Queue()

        def reader() -> None:
            raise OSError("failed to finish zlib inflation: stream aborted prematurely")

        threading.Thread(target=reader, daemon=True).start()
        return box.get()  # never answered

    with pytest.raises(PackageError) as info:
        guarded(dvc_like_read, "repo@v0.1.0", "data/observations.csv")
    assert info.value.code == "repo-unreadable" and "zlib" in str(info.value)


def test_a_read_that_never_ends_times_out(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from miitdata.errors import PackageError
    from miitdata.versions.rev import guarded

    monkeypatch.setenv("MIITDATA_GIT_TIMEOUT", "0.2")
    never = threading.Event()
    with pytest.raises(PackageError) as info:
        guarded(lambda: never.wait(), "repo@v0.1.0", "data/observations.csv")
    never.set()
    assert info.value.code == "repo-unreadable" and "did not finish" in str(info.value)


# ------------------------------------------------------------------------------------------ closed streams
# A caller that closed stdout (`miitdata show >&-`) gets the command's own exit code and no message: the
# output is dropped. A reader that goes away (`| head -1`) ends the command quietly (exit 1, click's rule).

CLOSED_CASES: list[tuple[str, tuple[str, ...], int]] = [
    ("show", ("show",), 0),
    ("info", ("info",), 0),
    ("cite", ("cite", "O0009"), 0),
    ("validate", ("validate",), 0),
    ("validate-json", ("validate", "--format", "json"), 0),
    ("show-unknown-filter", ("show", "--region", "nowhere"), 2),
]


def _close(fd: int) -> Callable[[], None]:
    return lambda: os.close(fd)


@pytest.mark.parametrize(("case", "args", "code"), CLOSED_CASES, ids=[c[0] for c in CLOSED_CASES])
def test_closed_stdout_exits_quietly(tmp_path: Path, case: str, args: tuple[str, ...], code: int) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "miitdata", *args],
        cwd=tmp_path,
        stdout=None,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_close(1),
        timeout=120,
        env={**os.environ, "MIITDATA_DEBUG": ""},
    )
    assert proc.returncode == code, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr and "MIITDATA_DEBUG" not in proc.stderr, proc.stderr[-2000:]
    if code == 0:
        assert "miitdata: error" not in proc.stderr, proc.stderr


def test_closed_stderr_keeps_the_exit_code(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "miitdata", "cite", "O" + "9" * 50],
        cwd=tmp_path,
        capture_output=False,
        stdout=subprocess.PIPE,
        preexec_fn=_close(2),
        timeout=120,
    )
    assert proc.returncode == 2


def test_reader_that_goes_away_ends_the_command_quietly(tmp_path: Path) -> None:
    """`miitdata show | head -c 1`: the pipe closes after one byte; no traceback, no BrokenPipeError."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "miitdata", "show"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(1)
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=120) in (0, 1), err
    assert "Traceback" not in err and "BrokenPipe" not in err and "MIITDATA_DEBUG" not in err, err
