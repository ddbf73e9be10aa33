"""`miitdata export --format annotations`: W3C Web Annotations of every quote, expanded offline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import miitdata
from miitdata.outputs.annotations import ANNO_CONTEXT, document_loader
from tests.conftest import read_rows, run_inproc, write_rows


def _export(pkg: Path, out: Path) -> dict:
    proc = run_inproc("export", "--format", "annotations", "--package", str(pkg), str(out))
    assert proc.returncode == 0, proc.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def _check_selectors(doc: dict, root: Path, ds: miitdata.Dataset) -> None:
    texts: dict[str, str] = {}
    items = doc["first"]["items"]
    assert doc["total"] == len(items) == len(ds.mentions)
    for item in items:
        assert item["type"] == "Annotation"
        source = item["target"]["source"]
        if source["id"] not in texts:
            texts[source["id"]] = (root / source["id"]).read_bytes().decode("utf-8")
        text = texts[source["id"]]
        quote, position = item["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        got = text[position["start"] : position["end"]]
        assert got == quote["exact"], item["id"]
        assert text[: position["start"]].endswith(quote.get("prefix", "")), item["id"]
        assert text[position["end"] :].startswith(quote.get("suffix", "")), item["id"]
        value = position["refinedBy"]
        assert got[value["start"] : value["end"]] == item["body"]["value_text"], item["id"]


def test_annotations_select_their_sources_exactly(pkg: Path, tmp_path: Path) -> None:
    doc = _export(pkg, tmp_path / "a.jsonld")
    ds = miitdata.load(pkg)
    assert doc["@context"][0] == ANNO_CONTEXT and doc["type"] == "AnnotationCollection"
    _check_selectors(doc, pkg.parent, ds)
    first = doc["first"]["items"][0]
    m = ds.mentions.iloc[0]
    assert first["id"] == f"urn:miitdata:{ds.version}:{m['mention_id']}"
    src = ds.sources.set_index("source_id").loc[m["source_id"]]
    assert first["target"]["source"] == {"id": src["path"], "sha256": src["sha256"]}
    body = first["body"]
    assert body["status"] == "actual" and body["indicator_zh"] and body["region_en"] and body["unit"]


def test_annotations_expand_as_json_ld_offline(pkg: Path, tmp_path: Path, monkeypatch) -> None:
    jsonld = pytest.importorskip("pyld.jsonld")

    def no_network(url: str, options: object = None) -> None:
        raise AssertionError(f"network request for {url}")

    monkeypatch.setattr(jsonld, "_default_document_loader", no_network, raising=False)
    jsonld.set_document_loader(no_network)
    doc = _export(pkg, tmp_path / "a.jsonld")
    expanded = jsonld.expand(doc, {"documentLoader": document_loader()})
    oa, as_ = "http://www.w3.org/ns/oa#", "https://www.w3.org/ns/activitystreams#"
    (collection,) = expanded
    assert collection["@type"] == [f"{as_}OrderedCollection"]
    items = collection[f"{as_}first"][0][f"{as_}items"][0]["@list"]
    assert len(items) == doc["total"]
    target = items[0][f"{oa}hasTarget"][0]
    types = {s["@type"][0] for s in target[f"{oa}hasSelector"]}
    assert types == {f"{oa}TextQuoteSelector", f"{oa}TextPositionSelector"}
    assert f"{oa}hasBody" in items[0] and items[0]["@type"] == [f"{oa}Annotation"]


def test_annotations_use_status_and_value_span_columns(pkg: Path, tmp_path: Path) -> None:
    descriptor = json.loads(pkg.read_text(encoding="utf-8"))
    for res in descriptor["resources"]:
        if res["name"] == "observations":
            res["schema"]["fields"].append({"name": "status", "type": "string"})
        if res["name"] == "mentions":
            res["schema"]["fields"] += [
                {"name": "value_start", "type": "integer"},
                {"name": "value_end", "type": "integer"},
            ]
    pkg.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")

    def status(rows: list[dict[str, str]]) -> None:
        for i, row in enumerate(rows):
            row["status"] = "target" if i == 0 else "actual"

    def span(rows: list[dict[str, str]]) -> None:
        for row in rows:
            at = int(row["start"]) + row["exact"].find(row["value_text"])
            row["value_start"], row["value_end"] = str(at), str(at + len(row["value_text"]))

    for resource, change, extra in (
        ("observations", status, ["status"]),
        ("mentions", span, ["value_start", "value_end"]),
    ):
        path = pkg.parent / "data" / f"{resource}.csv"
        header, rows = read_rows(path)
        change(rows)
        write_rows(path, header + extra, rows)
    doc = _export(pkg, tmp_path / "a.jsonld")
    ds = miitdata.load(pkg)
    _check_selectors(doc, pkg.parent, ds)
    first_obs = ds.observations.iloc[0]["observation_id"]
    statuses = {i["body"]["observation_id"]: i["body"]["status"] for i in doc["first"]["items"]}
    assert statuses[first_obs] == "target"
