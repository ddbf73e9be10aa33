"""The package as a Croissant 1.1 dataset description (https://docs.mlcommons.org/croissant/), JSON-LD.

Croissant is schema.org's `Dataset` plus the files and the record structure, so ML dataset search
(Hugging Face, Kaggle, OpenML) and loaders (`mlcroissant`) can read the tables without our code:

* the schema.org description of `outputs/schemaorg.py` (name, description, version, licence, creator,
  datePublished, keywords, variableMeasured, spatial and temporal coverage, isBasedOn, citation);
* `distribution`: a `cr:FileObject` per table CSV and per raw text, each with `contentUrl` (relative
  to where the description lives: `content_root` + the path inside the package), `encodingFormat`
  and `sha256` of its bytes;
* `recordSet`: a `cr:RecordSet` per table, with a `cr:Field` per column (`dataType` from the Table
  Schema type: sc:Text, sc:Integer, sc:Float, sc:Date, sc:Boolean; `source` the CSV column), its
  `key` (the primary key) and `references` for each foreign key that neither refers to its own
  table nor closes a cycle (Croissant loaders order record sets by their references; datapackage.json
  declares every foreign key).

`croissant.json` at the package root (written by `miitdata export --format croissant`, a DVC stage)
and in the explorer site, and the datasheet's JSON-LD, are this document.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from miitdata.files import read_bytes

if TYPE_CHECKING:
    from miitdata.dataset import Dataset

CONFORMS_TO = "http://mlcommons.org/croissant/1.1"
# The Croissant 1.1 context (as mlcroissant writes it).
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "arrayShape": "cr:arrayShape",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "containedIn": "cr:containedIn",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isArray": "cr:isArray",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
DATA_TYPES = {
    "string": "sc:Text",
    "integer": "sc:Integer",
    "number": "sc:Float",
    "date": "sc:Date",
    "boolean": "sc:Boolean",
}


def semver(version: str) -> str:
    """A PEP 440 version as Croissant wants it (Semantic Versioning 2.0): a development or pre-release
    suffix becomes a pre-release identifier (0.4.1.dev0 -> 0.4.1-dev0, 1.0.0rc1 -> 1.0.0-rc1); a
    release (0.4.0) is unchanged."""
    import re

    found = re.fullmatch(r"(\d+\.\d+\.\d+)[.-]?((?:a|b|rc|dev|alpha|beta)\.?\d*)", version)
    return f"{found.group(1)}-{found.group(2)}" if found else version


# schema.org properties of the plain description that Croissant keeps as they are
_KEEP = (
    "alternateName",
    "version",
    "keywords",
    "creator",
    "publisher",
    "datePublished",
    "license",
    "url",
    "variableMeasured",
    "spatialCoverage",
    "temporalCoverage",
    "isBasedOn",
    "citation",
)


def _key(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else [str(v) for v in value or []]


def _ref(ids: list[str]) -> Any:
    refs = [{"@id": i} for i in ids]
    return refs[0] if len(refs) == 1 else refs


def _file(path: str, data: bytes, media: str, content_root: str, description: str) -> dict[str, Any]:
    return {
        "@type": "cr:FileObject",
        "@id": path,
        "name": path.rsplit("/", 1)[-1],
        "description": description,
        "contentUrl": content_root + path,
        "contentSize": f"{len(data)} B",
        "encodingFormat": media,
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def _reaches(edges: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, todo = set(), [start]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            todo.extend(edges.get(node, ()))
    return False


def _record_set(name: str, res: dict[str, Any], file_id: str, edges: dict[str, set[str]]) -> dict[str, Any]:
    schema = res.get("schema") or {}
    fields = []
    for f in schema.get("fields", []):
        field: dict[str, Any] = {
            "@type": "cr:Field",
            "@id": f"{name}/{f['name']}",
            "name": f["name"],
            "dataType": DATA_TYPES.get(str(f.get("type", "string")), "sc:Text"),
            "source": {"fileObject": {"@id": file_id}, "extract": {"column": f["name"]}},
        }
        if f.get("description"):
            field["description"] = str(f["description"])
        fields.append(field)
    by_name = {f["name"]: f for f in fields}
    for fk in schema.get("foreignKeys") or []:
        own, ref = _key(fk.get("fields")), fk.get("reference") or {}
        target, target_fields = ref.get("resource") or name, _key(ref.get("fields"))
        # Croissant loaders order record sets by their references: a self-reference, or one that
        # closes a cycle (observations.derived_by -> relations.target -> observations), is left to
        # datapackage.json, which declares every foreign key.
        if target == name or _reaches(edges, target, name):
            continue
        edges.setdefault(name, set()).add(target)
        for column, ref_column in zip(own, target_fields, strict=False):
            if column in by_name:
                by_name[column]["references"] = {"field": {"@id": f"{target}/{ref_column}"}}
    record: dict[str, Any] = {
        "@type": "cr:RecordSet",
        "@id": name,
        "name": name,
        "description": str(res.get("description") or res.get("title") or name),
        "field": fields,
    }
    if key := _key(schema.get("primaryKey")):
        record["key"] = _ref([f"{name}/{k}" for k in key])
    return record


def croissant_jsonld(ds: Dataset, content_root: str = "") -> dict[str, Any]:
    """The Croissant description of `ds` (JSON-ready); `contentUrl`s are `content_root` + package path."""
    from miitdata.outputs.schemaorg import dataset_jsonld

    plain = dataset_jsonld(ds)
    desc = ds.descriptor
    root = ds.path.parent
    files: list[dict[str, Any]] = []
    records: list[dict[str, Any]] = []
    edges: dict[str, set[str]] = {}
    for res in desc.get("resources", []):
        path = str(res.get("path") or "")
        if not path:
            continue
        data = read_bytes(root / path, "resource-unreadable")
        if res.get("type", "table") == "table" and res.get("schema"):
            files.append(_file(path, data, "text/csv", content_root, str(res.get("title") or res["name"])))
            records.append(_record_set(str(res["name"]), res, path, edges))
        else:
            media = str(res.get("mediatype") or "text/plain")
            files.append(_file(path, data, media, content_root, str(res.get("title") or res["name"])))
    known = {f["@id"] for f in files}
    for source in desc.get("sources") or []:
        path = str(source.get("path") or "")
        if path and path not in known and "://" not in path:
            data = read_bytes(root / path, "resource-unreadable")
            files.append(_file(path, data, "text/plain", content_root, str(source.get("title") or path)))
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": str(desc.get("name") or "miitdata"),
        "description": plain.get("description") or str(desc.get("title") or ""),
    }
    doc.update({k: plain[k] for k in _KEEP if k in plain})
    if isinstance(doc.get("version"), str):
        doc["version"] = semver(doc["version"])
    doc["alternateName"] = plain.get("name")
    doc["citeAs"] = plain.get("citation")
    if "@id" in plain:
        doc["@id"] = plain["@id"]
    doc["distribution"] = files
    doc["recordSet"] = records
    return {k: v for k, v in doc.items() if v is not None}


def content_root_for(out: Path, package_root: Path) -> str:
    """The relative URL prefix from the directory of `out` to the package root.

    Only for an output inside the package (`exports/datasheet.html` -> "../"; "" beside
    datapackage.json). An output written outside the package gets "": its `contentUrl`s are then
    relative to the package root, as in the package's own croissant.json, so the bytes never depend on
    where it was written and never spell a path of the machine that wrote it."""
    root = package_root.resolve()
    where = out.absolute().parent.resolve()
    if where != root and root not in where.parents:
        return ""
    rel = os.path.relpath(root, where)
    return "" if rel == "." else Path(rel).as_posix() + "/"


def write_croissant(out: Path, path: str | Path | None = None) -> Path:
    """Write the Croissant description of the package at `path` to the file `out` (deterministic);
    its `contentUrl`s lead from `out`'s directory to the package's files."""
    import json

    from miitdata.atomic import write_atomic
    from miitdata.dataset import load
    from miitdata.errors import PackageError

    if out.is_dir():
        raise PackageError("output-invalid", "croissant exports to a file; this is a directory", str(out))
    if not out.parent.is_dir():
        raise PackageError("output-invalid", "the output's directory does not exist", str(out))
    ds = load(path)
    doc = croissant_jsonld(ds, content_root_for(out, ds.path.parent))
    write_atomic(out, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    return out
