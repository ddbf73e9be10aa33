"""What miitdata reads of a descriptor, and what it refuses by name (exit 2) rather than misread.

One rule for every reader: `package.read_package` applies `check_supported` to every descriptor it
reads, so `miitdata validate`, `miitdata.load()` and every command that reads a package (show, cite,
info, export, site, datasheet, curate, verify) refuse exactly the same cases with the same codes.

miitdata validates *its* data package: the eight resources of the miitdata model, each a UTF-8 CSV with
the Data Package defaults (comma, `"` quotes doubled, a header row, LF or CRLF line ends). A descriptor
may restate those defaults; anything else that would change how the bytes are read is refused by name,
so a fork that sets it gets a clear exit 2 instead of false errors:

- `not-a-miitdata-package`: none of the miitdata resources is in the descriptor (a foreign package:
  `frictionless validate` is the tool for it);
- `descriptor-unsupported`: a dialect other than the defaults (`delimiter`, `quoteChar`, `doubleQuote`,
  `escapeChar`, `commentChar`, `skipInitialSpace`, `header`, `headerRows`, `headerJoin`, `commentRows`,
  `nullSequence`, `lineTerminator` other than LF/CRLF, a `$ref` dialect), an `encoding` other than UTF-8
  (UTF-8 with a BOM, `utf-8-sig`, too), inline `data`, a `format`/`mediatype` other than CSV, a
  `compression`, a field `format` other than `default` (as `%Y` on a date), field-level
  `missingValues`, and package-level `missingValues` (a v1 extension some tools read, others ignore).

Besides its tables, the descriptor declares each raw source text as a non-tabular resource (no
`schema`, `mediatype: text/plain`, with `hash` and `bytes`, so that `frictionless validate` checks its
bytes): `is_text_resource` recognises one, `check_text` refuses what would change how it is read
(inline `data`, a `compression`, an encoding other than UTF-8, a `dialect`, another format).

Only the standard library.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from miitdata.errors import PackageError

DIALECT_DEFAULTS: dict[str, tuple[Any, ...]] = {
    "delimiter": (",",),
    "quoteChar": ('"',),
    "doubleQuote": (True,),
    "header": (True,),
    "headerRows": ([1],),
    "skipInitialSpace": (False,),
    "lineTerminator": ("\n", "\r\n"),
    "caseSensitiveHeader": (False, True),  # labels are compared exactly either way
}
DIALECT_METADATA = ("$schema", "name", "title", "description", "csvddfVersion")
UTF8 = ("utf-8", "utf8")
CSV = ("csv", "text/csv", "text/csv;charset=utf-8")


TEXT_MEDIATYPES = ("text/plain", "text/plain;charset=utf-8")
TEXT_FORMATS = ("txt", "text")


def is_text_resource(res: dict[str, Any]) -> bool:
    """Whether a resource is a raw text (non-tabular: `text/plain` or format `txt`, no `schema`)."""
    if "schema" in res or res.get("type") == "table":
        return False
    media = str(res.get("mediatype") or "").lower().replace(" ", "")
    return media.startswith("text/plain") or str(res.get("format") or "").lower() in TEXT_FORMATS


def check_text(path: str, name: str, res: dict[str, Any]) -> None:
    """Raise PackageError (`descriptor-unsupported`) for a raw-text resource miitdata would misread."""
    where = f"resource {name!r}"
    _check_file(where, res, path, formats=TEXT_FORMATS, mediatypes=TEXT_MEDIATYPES)
    if "dialect" in res:
        raise _refuse(where, "a dialect on a text resource", path)


def _check_file(where: str, res: dict[str, Any], path: str, *, formats: Any, mediatypes: Any) -> None:
    """The refusals every resource shares: inline data, another format or mediatype, compression,
    an encoding other than UTF-8."""
    if "data" in res:
        raise _refuse(where, "inline data (the 'data' property)", path)
    for key, allowed in (("format", formats), ("mediatype", mediatypes)):
        value = res.get(key)
        if value is not None and str(value).lower().replace(" ", "") not in allowed:
            raise _refuse(where, f"{key} {value!r}", path)
    if res.get("compression") not in (None, "", "no"):
        raise _refuse(where, f"compression {res['compression']!r}", path)
    encoding = res.get("encoding")
    if encoding is not None and str(encoding).lower() not in UTF8:
        raise _refuse(where, f"encoding {encoding!r}", path)


def _refuse(where: str, what: str, path: str) -> PackageError:
    return PackageError(
        "descriptor-unsupported",
        f"{where}: {what} is not supported (miitdata reads UTF-8 CSV with the Data Package defaults); "
        "refused rather than misread. frictionless validate reads it",
        path,
    )


def check_features(path: str, descriptor: dict[str, Any], resources: dict[str, dict[str, Any]]) -> None:
    """Raise PackageError for a descriptor feature miitdata does not implement (see the module doc)."""
    if "missingValues" in descriptor and descriptor["missingValues"] != [""]:
        raise _refuse("the package", f"missingValues {descriptor['missingValues']!r}", path)
    for name, res in resources.items():
        where = f"resource {name!r}"
        _check_file(where, res, path, formats=CSV, mediatypes=CSV)
        dialect = res.get("dialect")
        if dialect is not None:
            if not isinstance(dialect, dict):
                raise _refuse(where, f"dialect {dialect!r} (a reference, not an inline object)", path)
            for key, value in dialect.items():
                if key in DIALECT_METADATA:
                    continue
                allowed_values = DIALECT_DEFAULTS.get(key)
                if allowed_values is None or value not in allowed_values:
                    raise _refuse(where, f"dialect {key} {value!r}", path)
        for field in res["schema"].get("fields", []):
            fmt = field.get("format")
            if fmt not in (None, "default"):
                raise _refuse(f"{where} field {field.get('name')!r}", f"format {fmt!r}", path)
            if "missingValues" in field:
                raise _refuse(f"{where} field {field.get('name')!r}", "field-level missingValues", path)


def check_supported(
    path: str,
    descriptor: dict[str, Any],
    resources: dict[str, dict[str, Any]],
    names: Sequence[str],
    texts: dict[str, dict[str, Any]] | None = None,
) -> None:
    """Raise PackageError (exit 2) for a foreign package (none of `names`, the miitdata resources) or a
    descriptor feature miitdata does not implement: the one check every reader applies (through
    `package.read_package`; this module does not import `package`, which imports it)."""
    require_miitdata(path, resources, names)
    check_features(path, descriptor, resources)
    for name, res in (texts or {}).items():
        check_text(path, name, res)


def require_miitdata(path: str, resources: dict[str, dict[str, Any]], names: Sequence[str]) -> None:
    """Raise `not-a-miitdata-package` when the descriptor has none of the miitdata resources `names`."""
    if any(name in resources for name in names):
        return
    others = ", ".join(repr(n) for n in list(resources)[:5])
    raise PackageError(
        "not-a-miitdata-package",
        f"not a miitdata package: it has none of the resources {', '.join(names)} "
        f"(it has {others}); miitdata validates its own data model only: "
        "for any other data package use `frictionless validate`",
        path,
    )
