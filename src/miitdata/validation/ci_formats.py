"""The validation report in the formats CI systems read: GitHub Actions workflow commands and SARIF 2.1.0.

- `github`: one `::error file=PATH,line=LINE,title=CODE::MESSAGE` per error (PATH relative to the
  working directory), root causes first; escaped as GitHub's runner parses them (the message: `%`, CR,
  LF; the properties also `:` and `,`).
- `sarif`: one SARIF 2.1.0 log with one run: the catalogue's entries are the rules, each error is a
  result with `ruleId` = its code and a `physicalLocation` (uri + `startLine`); known discrepancies are
  results with an external suppression (their waiver), so code scanning shows them as dismissed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from miitdata.validation.report import display_path

if TYPE_CHECKING:
    from miitdata.errors import PackageError
    from miitdata.validation.report import Error, Report

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/miitdata/"


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as the GitHub runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value (file, title …), escaped as the GitHub runner unescapes it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, message: str, **props: object) -> str:
    shown = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind} {shown}::{escape_data(message)}" if shown else f"::{kind}::{escape_data(message)}"


def _detail(e: Error) -> str:
    where = [
        f"{e.resource} row {e.row}" if e.row is not None else e.resource,
        f"field {e.field}" if e.field else None,
    ]
    where.append(f"id {e.id}" if e.id else None)
    return ", ".join(w for w in where if w)


def _message(report: Report, e: Error) -> str:
    detail = _detail(e)
    text = f"{e.message} ({detail})" if detail else e.message
    if e.followers:
        text += f"; {e.followers} more error(s) follow from this one"
    if e.caused_by is not None and 0 <= e.caused_by < len(report.errors):
        cause = report.errors[e.caused_by]
        text += f"; follows from {cause.type} at {display_path(report, cause.path or '')}:{cause.line}"
    return text


def to_github(report: Report) -> str:
    """One `::error` workflow command per error, root causes first (GitHub shows the first ones)."""
    order = sorted(range(len(report.errors)), key=lambda i: report.errors[i].caused_by is not None)
    lines = []
    for i in order:
        e = report.errors[i]
        title = (
            e.type if e.caused_by is None else f"{e.type} (follows from {report.errors[e.caused_by].type})"
        )
        path = display_path(report, e.path) if e.path else None
        lines.append(_command("error", _message(report, e), file=path, line=e.line, title=title))
    return "".join(line + "\n" for line in lines)


def github_run_error(error: PackageError) -> str:
    """The workflow command of a validation that could not run (exit 2)."""
    path = str(error.path) if error.path else None
    return _command("error", str(error.message), file=path, title=error.code) + "\n"


def _rules() -> tuple[list[dict[str, Any]], dict[str, int]]:
    from miitdata.errors import CATALOGUE

    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for code, cls in CATALOGUE.items():
        index[code] = len(rules)
        rules.append(
            {
                "id": code,
                "name": "".join(part.capitalize() for part in code.split("-")),
                "shortDescription": {"text": cls.title},
                "fullDescription": {"text": cls.description},
                "defaultConfiguration": {"level": "error"},
                "properties": {"layer": cls.layer},
            }
        )
    return rules, index


def _uri(report: Report, path: str) -> dict[str, str]:
    """An artifactLocation: relative to the working directory (%SRCROOT%) when inside it, else a file URI."""
    shown = display_path(report, path)
    if Path(shown).is_absolute():
        return {"uri": Path(shown).as_uri()}
    return {"uri": Path(shown).as_posix(), "uriBaseId": "%SRCROOT%"}


def _location(report: Report, e: Error) -> dict[str, Any]:
    physical: dict[str, Any] = {
        "artifactLocation": _uri(report, e.path or report.files.get("", "datapackage.json"))
    }
    physical["region"] = {"startLine": max(1, e.line or 1)}
    return {"physicalLocation": physical}


def _result(report: Report, e: Error, index: dict[str, int], known: bool = False) -> dict[str, Any]:
    props = {k: v for k, v in (("layer", e.layer), ("resource", e.resource), ("row", e.row),
                               ("field", e.field), ("id", e.id)) if v is not None}  # fmt: skip
    result: dict[str, Any] = {
        "ruleId": e.type,
        "ruleIndex": index[e.type],
        "level": "error",
        "message": {"text": _message(report, e)},
        "locations": [_location(report, e)],
        "properties": props,
    }
    if e.caused_by is not None and 0 <= e.caused_by < len(report.errors):
        cause = report.errors[e.caused_by]
        related = _location(report, cause)
        related["id"] = 0
        related["message"] = {"text": f"the cause: {cause.type}: {cause.message}"}
        result["relatedLocations"] = [related]
        props["caused_by"] = e.caused_by
    if e.followers:
        props["followers"] = e.followers
    if known:
        result["suppressions"] = [
            {"kind": "external", "justification": f"known discrepancy {e.waived_by}: {e.explanation or ''}"}
        ]
    return result


def _log(results: list[dict[str, Any]], invocation: dict[str, Any], cwd_uri: str) -> dict[str, Any]:
    from miitdata import __version__

    rules, _ = _rules()
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "miitdata",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": cwd_uri}},
                "invocations": [invocation],
                "results": results,
            }
        ],
    }


def _cwd_uri() -> str:
    return Path.cwd().absolute().as_uri() + "/"


def to_sarif(report: Report) -> str:
    """The report as a SARIF 2.1.0 log (one run, one result per error and per known discrepancy)."""
    _, index = _rules()
    results = [_result(report, e, index) for e in report.errors]
    results += [_result(report, e, index, known=True) for e in report.known]
    invocation = {"executionSuccessful": True, "exitCode": 0 if report.valid else 1}
    return json.dumps(_log(results, invocation, _cwd_uri()), ensure_ascii=False, indent=2) + "\n"


def sarif_run_error(error: PackageError) -> str:
    """The SARIF log of a validation that could not run (exit 2): no results, one notification."""
    notification: dict[str, Any] = {
        "level": "error",
        "message": {"text": str(error)},
        "descriptor": {"id": error.code},
    }
    if error.path:
        shown = Path(str(error.path))
        uri = shown.absolute().as_uri() if shown.is_absolute() else shown.as_posix()
        notification["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]
    invocation = {"executionSuccessful": False, "exitCode": 2, "toolExecutionNotifications": [notification]}
    return json.dumps(_log([], invocation, _cwd_uri()), ensure_ascii=False, indent=2) + "\n"
