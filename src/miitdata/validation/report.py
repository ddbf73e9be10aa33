"""The validation report: one shape for every layer, rendered as text (rich), JSON or JUnit XML.

Shaped like `frictionless validate`: `valid`, `stats`, and errors with a stable `type` code,
`resource`, `row` (the CSV row number, header = 1), `field` and `message`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from dataclasses import field as attribute  # `field` is also a column of Error
from typing import Any


@dataclass
class Error:
    type: str
    layer: str
    message: str
    resource: str | None = None
    row: int | None = None
    field: str | None = None
    id: str | None = None
    waived_by: str | None = None
    explanation: str | None = None
    path: str | None = None  # the file to edit, relative to the package root (data/mentions.csv)
    line: int | None = None  # its physical 1-based line where the record starts (header = 1)
    suggestion: str | None = None  # did you mean: the closest known value to an unknown one
    caused_by: int | None = None  # the index (in the report's errors) of the error this one follows from
    followers: int = 0  # how many errors follow from this one
    # not reported: what `miitdata.validation.causes` decides from
    follows: Error | None = attribute(
        default=None, repr=False, compare=False
    )  # the cause, when a layer knows it
    refers: tuple[tuple[str, str], ...] = attribute(
        default=(), repr=False, compare=False
    )  # (resource, id) it names

    def location(self) -> str:
        parts = [p for p in (self.resource, f"row {self.row}" if self.row else None, self.field) if p]
        return ", ".join(parts)

    def place(self) -> str:
        """`PATH:LINE`, compiler-style (`PATH` alone when there is no line)."""
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def to_dict(self) -> dict[str, Any]:
        skip = ("follows", "refers")
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in skip}
        data = {k: v for k, v in data.items() if v is not None}
        if not self.followers:
            data.pop("followers", None)
        ordered = ("type", "layer", "path", "line", "resource", "row", "field", "id", "message", "suggestion")
        return {
            **{k: data[k] for k in ordered if k in data},
            **{k: v for k, v in data.items() if k not in ordered},
        }


@dataclass
class Check:
    """One rule applied to one resource (a JUnit testcase)."""

    layer: str
    name: str
    resource: str | None = None
    errors: int = 0
    known: int = 0

    @property
    def id(self) -> str:
        return f"{self.layer}.{self.resource}.{self.name}" if self.resource else f"{self.layer}.{self.name}"


@dataclass
class Report:
    path: str
    version: str
    layers: list[str]
    errors: list[Error] = field(default_factory=list)
    known: list[Error] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    files: dict[str, str] = field(default_factory=dict)  # resource name -> its path (package-relative)

    @property
    def valid(self) -> bool:
        return not self.errors

    def stats(self) -> dict[str, Any]:
        per_layer = {
            layer: {
                "checks": sum(1 for c in self.checks if c.layer == layer),
                "errors": sum(1 for e in self.errors if e.layer == layer),
                "known": sum(1 for e in self.known if e.layer == layer),
            }
            for layer in self.layers
        }
        return {
            "rows": dict(self.rows),
            "checks": len(self.checks),
            "errors": len(self.errors),
            "known": len(self.known),
            "layers": per_layer,
            "seconds": round(self.seconds, 3),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "path": self.path,
            "version": self.version,
            "layers": list(self.layers),
            "stats": self.stats(),
            "errors": [e.to_dict() for e in self.errors],
            "known": [e.to_dict() for e in self.known],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_junit(self) -> str:
        from xml.etree import ElementTree as ET

        suites = ET.Element(
            "testsuites",
            name="miitdata validate",
            tests=str(len(self.checks)),
            failures=str(sum(1 for c in self.checks if c.errors)),
        )
        _properties(suites, {"path": self.path, "version": self.version, "valid": str(self.valid).lower()})
        by_check: dict[str, list[Error]] = {}
        for e in self.errors:
            by_check.setdefault(_check_key(e), []).append(e)
        for layer in self.layers:
            checks = [c for c in self.checks if c.layer == layer]
            suite = ET.SubElement(
                suites,
                "testsuite",
                name=layer,
                tests=str(len(checks)),
                failures=str(sum(1 for c in checks if c.errors)),
            )
            for c in checks:
                errs = by_check.get(c.id, [])
                first = errs[0] if errs else None
                where = first.path if first is not None and first.path else self.files.get(c.resource or "")
                case = ET.SubElement(suite, "testcase", classname=f"miitdata.{layer}", name=c.id)
                if where:
                    case.set("file", display_path(self, where))
                    case.set("line", str(first.line if first is not None and first.line else 1))
                if errs:
                    fail = ET.SubElement(
                        case, "failure", type=errs[0].type, message=f"{len(errs)} error(s): {errs[0].message}"
                    )
                    fail.text = "\n".join(error_line(self, e) for e in errs[:1000])
                if c.known:
                    ET.SubElement(case, "system-out").text = f"{c.known} known discrepancy(ies) waived"
        ET.indent(suites)
        return _xml_document(suites)


def _xml_document(root: Any) -> str:
    """The XML text, characters XML 1.0 cannot hold (control characters from the data) as `\\xHH`."""
    import re
    from xml.etree import ElementTree as ET

    text = ET.tostring(root, encoding="unicode")
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", lambda m: f"\\x{ord(m.group()):02x}", text)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n"


def _properties(parent: Any, values: dict[str, str]) -> None:
    from xml.etree import ElementTree as ET

    props = ET.SubElement(parent, "properties")
    for name, value in values.items():
        ET.SubElement(props, "property", name=name, value=value)


def display_path(report: Report, path: str) -> str:
    """A package-relative `path` as the working directory sees it (relative when inside it, else absolute)."""
    import os
    from pathlib import Path

    full = Path(report.path).parent / path
    try:
        relative = os.path.relpath(full)
    except ValueError:  # another drive (Windows)
        return str(full)
    return str(full.absolute()) if relative.startswith("..") else relative


def display_place(report: Report, e: Error) -> str:
    """`PATH:LINE` of an error, PATH relative to the working directory (`display_path`)."""
    if e.path is None:
        return ""
    path = display_path(report, e.path)
    return f"{path}:{e.line}" if e.line is not None else path


def error_line(report: Report, e: Error, text: str | None = None) -> str:
    """One error, compiler-style: `PATH:LINE: type: message (resource row N, field F, id I)`, PATH
    relative to the working directory (so terminals and editors can jump to it)."""
    where = [
        f"{e.resource} row {e.row}" if e.row is not None else e.resource,
        f"field {e.field}" if e.field else None,
    ]
    where.append(f"id {e.id}" if e.id else None)
    detail = ", ".join(w for w in where if w)
    place = display_place(report, e)
    head = f"{place}: " if place else ""
    tail = f" ({detail})" if detail else ""
    follows = ""
    if e.caused_by is not None and 0 <= e.caused_by < len(report.errors):
        cause = report.errors[e.caused_by]
        follows = f" [follows from {cause.type} at {display_place(report, cause)}]"
    return f"{head}{e.type}: {text if text is not None else e.message}{tail}{follows}"


def summary_line(report: Report) -> str:
    """The one line `miitdata validate` always writes to stderr."""
    state = "valid" if report.valid else "invalid"
    return (
        f"miitdata: {state}: {len(report.errors)} errors, {len(report.known)} known "
        f"({report.path}, version {report.version})"
    )


def error_json(error: Any) -> str:
    """The JSON document of a validation that could not run (exit 2): `valid` null and the error."""
    return json.dumps({"valid": None, "error": error.to_dict()}, ensure_ascii=False, indent=2)


def error_junit(error: Any) -> str:
    """The JUnit document of a validation that could not run (exit 2): one errored testcase."""
    from xml.etree import ElementTree as ET

    suites = ET.Element("testsuites", name="miitdata validate", tests="1", failures="0", errors="1")
    _properties(suites, {"path": str(error.path or ""), "code": error.code})
    suite = ET.SubElement(suites, "testsuite", name="run", tests="1", failures="0", errors="1")
    case = ET.SubElement(suite, "testcase", classname="miitdata.run", name=f"run.{error.code}")
    ET.SubElement(case, "error", type=error.code, message=str(error)).text = str(error)
    ET.indent(suites)
    return _xml_document(suites)


def _check_key(e: Error) -> str:
    """Every error belongs to the check named after its type (one rule, one type code)."""
    return f"{e.layer}.{e.resource}.{e.type}" if e.resource else f"{e.layer}.{e.type}"
