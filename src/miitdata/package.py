"""Finding and reading a data package descriptor (`datapackage.json`), safely.

Only the standard library: used by `miitdata validate` before anything heavy is imported.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from miitdata.errors import PackageError
from miitdata.features import check_supported, is_text_resource
from miitdata.files import file_kind

DESCRIPTOR = "datapackage.json"
RESOURCE_NAMES = (
    "events", "sources", "regions", "indicators", "observations", "mentions", "relations", "discrepancies",
)  # fmt: skip
PROFILE_PREFIXES = ("https://datapackage.org/profiles/",)


def bundled_path() -> Path:
    """The `datapackage.json` shipped with the installed package, or of the checkout (editable installs)."""
    wheel = Path(str(resources.files("miitdata"))) / "_data" / DESCRIPTOR
    if wheel.is_file():
        return wheel
    checkout = Path(__file__).resolve().parents[2] / DESCRIPTOR
    if checkout.is_file():
        return checkout
    raise PackageError("package-not-found", "no bundled data package (broken installation?)", str(wheel))


@dataclass
class Package:
    """A parsed descriptor: where it lives, its tables (`resources`) and its raw texts (`texts`) by name.

    `resources` holds the tabular resources only (each with an inline Table Schema); `texts` the
    non-tabular `text/plain` resources, the raw source texts that the descriptor declares with `hash`
    and `bytes` so that `frictionless validate` checks them (see `features.check_text`)."""

    path: Path
    descriptor: dict[str, Any]
    resources: dict[str, dict[str, Any]] = field(default_factory=dict)
    texts: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return self.path.parent

    @property
    def version(self) -> str:
        return str(self.descriptor.get("version", ""))

    def resource_path(self, name: str) -> Path:
        return resolve_inside(self.root, self.resources[name]["path"], self.path)

    def fields(self, name: str) -> list[dict[str, Any]]:
        return list(self.resources[name]["schema"]["fields"])


def local_path(relpath: Any, descriptor: Path) -> str:
    """The lexical checks of `resolve_inside` (no file system access): a non-empty string, no URL, not
    absolute, no NUL, no `..` leaving the package. For the raw texts, whose files only the provenance
    layer reads (`miitdata.sources.read_source`, which also refuses a symlink leaving the package)."""
    if not isinstance(relpath, str) or not relpath:
        raise PackageError(
            "descriptor-invalid",
            f"resource path must be a non-empty string, got {relpath!r}",
            str(descriptor),
        )
    if "://" in relpath:
        raise PackageError(
            "path-not-local",
            f"remote resource path {relpath!r} (miitdata never fetches URLs)",
            str(descriptor),
        )
    if Path(relpath).is_absolute() or relpath.startswith(("/", "\\")) or ":" in relpath.split("/")[0]:
        raise PackageError("path-unsafe", f"absolute resource path {relpath!r}", str(descriptor))
    if "\x00" in relpath:
        raise PackageError(
            "path-invalid", f"resource path {relpath[:200]!r} contains a NUL byte", str(descriptor)
        )
    if posixpath.normpath(relpath.replace("\\", "/")).split("/")[0] == "..":
        raise PackageError(
            "path-unsafe", f"resource path {relpath!r} leaves the package directory", str(descriptor)
        )
    return relpath


def resolve_inside(root: Path, relpath: Any, descriptor: Path) -> Path:
    """Resolve a resource path, refusing URLs, absolute paths and paths (or symlinks) leaving the package."""
    rel = local_path(relpath, descriptor)
    try:
        base = root.resolve()
        target = (root / rel).resolve()
    except (RuntimeError, OSError, ValueError) as exc:  # a symlink loop (RuntimeError before 3.13)
        raise PackageError(
            "path-invalid", f"resource path {rel[:200]!r} cannot be resolved ({exc})", str(descriptor)
        ) from None
    if not target.is_relative_to(base):
        raise PackageError(
            "path-unsafe", f"resource path {rel!r} leaves the package directory", str(descriptor)
        )
    return root / rel


def _is_url(text: str) -> bool:
    return "://" in text or text.startswith(("//", "\\\\"))


_REFERENCES = ("dialect", "schema", "profile", "$schema", "$ref")


def _refuse_remote(descriptor: dict[str, Any], desc_path: Path) -> None:
    """Refuse (`path-not-local`) any reference to a URL, before anything (frictionless) could follow it:
    a dialect, schema, profile or `$ref` anywhere in the descriptor, a `$schema` other than the
    datapackage.org profiles. (Resource paths: `resolve_inside`; licenses and sources are not fetched.)"""
    stack: list[tuple[str, Any]] = [("", descriptor)]
    while stack:
        where, node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                here = f"{where}.{key}" if where else str(key)
                if key in _REFERENCES:
                    values = value if isinstance(value, list) else [value]
                    for v in values:
                        allowed = key == "$schema" and isinstance(v, str) and v.startswith(PROFILE_PREFIXES)
                        if isinstance(v, str) and _is_url(v) and not allowed:
                            raise PackageError(
                                "path-not-local",
                                f"{here} refers to {v[:200]!r} (miitdata never fetches URLs)",
                                str(desc_path),
                            )
                if isinstance(value, (dict, list)):
                    stack.append((here, value))
        elif isinstance(node, list):
            stack.extend((f"{where}[{i}]", v) for i, v in enumerate(node))


def _constraint_problem(field: dict[str, Any]) -> str | None:
    """Why a field's constraints cannot be applied (a bad pattern, a non-numeric bound ...), or None."""
    import re

    cons = field.get("constraints", {})
    if not isinstance(cons, dict):
        return "constraints must be an object"
    if "pattern" in cons:
        if not isinstance(cons["pattern"], str):
            return "pattern must be a string"
        try:
            re.compile(cons["pattern"])
        except re.error as exc:
            return f"pattern {cons['pattern']!r} is not a regular expression ({exc})"
    for key in ("minimum", "maximum", "minLength", "maxLength"):
        if key in cons and (isinstance(cons[key], bool) or not isinstance(cons[key], (int, float))):
            return f"{key} must be a number, got {cons[key]!r}"
    if "enum" in cons and not isinstance(cons["enum"], list):
        return "enum must be a list"
    return None


def default_path() -> Path:
    """The package used when none is named — the one rule of the CLI and the Python API alike:
    `./datapackage.json` when the working directory holds one, else the package bundled with miitdata."""
    here = Path(DESCRIPTOR)
    return here if here.is_file() else bundled_path()


def read_package(path: str | Path | None = None) -> Package:
    """Read and check the shape of a descriptor (None: `default_path()`); raise PackageError (exit 2)
    when it cannot be used.

    Long because: the descriptor's checks in the order they must run (JSON, shape, resources, paths, schemas,
    keys), each raising its own code."""
    if path is None:
        desc_path = default_path()
    else:
        desc_path = Path(path)
        if file_kind(desc_path) == "a directory":
            desc_path = desc_path / DESCRIPTOR
    kind = file_kind(desc_path)
    if kind == "missing":
        raise PackageError("descriptor-not-found", "no such file", str(desc_path))
    if kind is not None:
        raise PackageError("descriptor-unreadable", f"not a regular file: {kind}", str(desc_path))
    try:
        raw = desc_path.read_bytes()
    except OSError as exc:
        raise PackageError("descriptor-unreadable", exc.strerror or str(exc), str(desc_path)) from None
    try:
        descriptor = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise PackageError("descriptor-invalid-json", "not UTF-8 text", str(desc_path)) from None
    except json.JSONDecodeError as exc:
        raise PackageError(
            "descriptor-invalid-json",
            f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            str(desc_path),
        ) from None
    except RecursionError:
        raise PackageError("descriptor-invalid-json", "JSON nested too deeply", str(desc_path)) from None
    except ValueError as exc:  # an integer beyond Python's digit limit (int_max_str_digits)
        reason = str(exc).splitlines()[0][:200]
        raise PackageError(
            "descriptor-invalid-json", f"an integer with too many digits to read ({reason})", str(desc_path)
        ) from None
    if not isinstance(descriptor, dict):
        raise PackageError("descriptor-invalid", "the descriptor must be a JSON object", str(desc_path))
    profile = descriptor.get("$schema")
    if isinstance(profile, str) and _is_url(profile) and not profile.startswith(PROFILE_PREFIXES):
        raise PackageError(
            "path-not-local", f"$schema {profile[:200]!r} is a URL miitdata will not fetch", str(desc_path)
        )
    if profile is not None and not (isinstance(profile, str) and profile.startswith(PROFILE_PREFIXES)):
        raise PackageError(
            "descriptor-invalid",
            f"unknown $schema {profile!r} (expected a Data Package v2 profile)",
            str(desc_path),
        )
    items = descriptor.get("resources")
    if not isinstance(items, list) or not items:
        raise PackageError(
            "descriptor-invalid", "not a data package: 'resources' must be a non-empty list", str(desc_path)
        )
    _refuse_remote(descriptor, desc_path)
    package = Package(desc_path, descriptor)
    for i, res in enumerate(items):
        if not isinstance(res, dict) or not isinstance(res.get("name"), str):
            raise PackageError("descriptor-invalid", f"resource #{i + 1} has no name", str(desc_path))
        name = res["name"]
        if name in package.resources or name in package.texts:
            raise PackageError("descriptor-invalid", f"duplicate resource name {name!r}", str(desc_path))
        if is_text_resource(res):
            local_path(res.get("path"), desc_path)  # symlinks: read_source's check (source-missing)
            package.texts[name] = res
            continue
        schema = res.get("schema")
        if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list):
            raise PackageError(
                "descriptor-invalid",
                f"resource {name!r} has no inline table schema with fields",
                str(desc_path),
            )
        for f in schema["fields"]:
            if not isinstance(f, dict) or not isinstance(f.get("name"), str):
                raise PackageError(
                    "descriptor-invalid", f"resource {name!r} has a field without a name", str(desc_path)
                )
            problem = _constraint_problem(f)
            if problem:
                raise PackageError(
                    "descriptor-invalid", f"resource {name!r} field {f['name']!r}: {problem}", str(desc_path)
                )
        resolve_inside(desc_path.parent, res.get("path"), desc_path)
        package.resources[name] = res
    for name, res in package.resources.items():
        for fk in res["schema"].get("foreignKeys", []) or []:
            ref = (fk.get("reference") or {}).get("resource", name) if isinstance(fk, dict) else None
            if ref not in package.resources and ref != "":
                raise PackageError(
                    "descriptor-invalid",
                    f"resource {name!r} has a foreign key to missing resource {ref!r}",
                    str(desc_path),
                )
    check_supported(str(desc_path), descriptor, package.resources, RESOURCE_NAMES, package.texts)
    return package
