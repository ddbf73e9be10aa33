"""`miitdata export --format annotations`: W3C Web Annotations of every quote.

Checked against the W3C Web Annotation Working Group's own test assertions (every MUST of the model,
vendored JSON Schemas in tests/fixtures/web_annotation_tests), by resolving every selector in the
raw text, and as RDF (pyld expansion offline, parsed by rdflib).
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import miitdata
from miitdata.outputs.annotations import ANNO_CONTEXT, document_loader, source_uri
from tests.conftest import run_inproc

FIXTURES = Path(__file__).parent / "fixtures" / "web_annotation_tests"
OA = "http://www.w3.org/ns/oa#"
AS = "http://www.w3.org/ns/activitystreams#"
TERMS = "urn:miitdata:term:"


def _export(pkg: Path, out: Path, *extra: str) -> dict:
    proc = run_inproc("export", "--format", "annotations", "--package", str(pkg), *extra, str(out))
    assert proc.returncode == 0, proc.stderr
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    from tests.conftest import copy_package

    root = tmp_path_factory.mktemp("anno")
    pkg = copy_package(root)
    return _export(pkg, root / "a.jsonld"), pkg


# ---------------------------------------------------------------------------------------------- MUSTs


@cache
def _assertions(test: str) -> list[tuple[str, Any]]:
    """(name, validator) of every assertion a W3C `.test` file lists."""
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    resources = []
    for path in FIXTURES.rglob("*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        resources.append(
            (doc.get("id", path.name), Resource.from_contents(doc, default_specification=DRAFT4))
        )
    registry = Registry().with_resources(resources)
    listed = json.loads((FIXTURES / test).read_text(encoding="utf-8"))["assertions"]
    out = []
    for name in listed:
        schema = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
        checker = jsonschema.Draft4Validator.FORMAT_CHECKER
        out.append((name, jsonschema.Draft4Validator(schema, registry=registry, format_checker=checker)))
    return out


def _failed(test: str, doc: dict) -> list[str]:
    failed = []
    for name, validator in _assertions(test):
        expected = validator.schema.get("expectedResult", "valid") == "valid"
        if validator.is_valid(doc) != expected:
            failed.append(f"{name}: {validator.schema.get('errorMessage', '')}")
    return failed


def test_the_uri_format_is_really_checked() -> None:
    """Without a URI checker the `format: uri` assertions would pass anything (jsonschema skips it)."""
    (_, validator), *_ = [a for a in _assertions("annotations/annotationMusts.test") if "IdValidated" in a[0]]
    assert validator.is_valid({"id": "urn:sha256:00"})
    assert not validator.is_valid({"id": "data/sources/000_8f351bf2a849231b.txt"})


def test_every_annotation_meets_every_must_of_the_model(bundled: tuple[dict, Path]) -> None:
    doc, _ = bundled
    items = doc["first"]["items"]
    assert items
    for item in items:
        # served alone, an annotation carries the collection's context
        failed = _failed("annotations/annotationMusts.test", {"@context": doc["@context"], **item})
        assert not failed, (item["id"], failed)


def test_the_collection_and_its_page_meet_every_must(bundled: tuple[dict, Path]) -> None:
    doc, _ = bundled
    assert not _failed("collections/collectionMusts.test", doc)
    page = {"@context": doc["@context"], **doc["first"]}
    assert not _failed("collections/pages/pageMusts.test", page)


def test_the_old_relative_source_fails_the_must(bundled: tuple[dict, Path]) -> None:
    """The assertions catch what the issue reported: a package path is not a URI."""
    doc, _ = bundled
    item = json.loads(json.dumps(doc["first"]["items"][0]))
    item["target"]["source"]["id"] = item["target"]["source"]["path"]
    item["target"] = item["target"]["source"]["id"]  # a target given as a string must be a URI
    assert _failed("annotations/annotationMusts.test", {"@context": doc["@context"], **item})


# ---------------------------------------------------------------------------------------------- selectors


def _quote_start(text: str, selector: dict) -> int | None:
    """Where a TextQuoteSelector selects (its first match with the prefix and suffix), as clients do."""
    exact, prefix, suffix = selector["exact"], selector.get("prefix", ""), selector.get("suffix", "")
    at = text.find(exact)
    while at >= 0:
        if text[:at].endswith(prefix) and text[at + len(exact) :].startswith(suffix):
            return at
        at = text.find(exact, at + 1)
    return None


def test_selectors_agree_and_select_the_value(bundled: tuple[dict, Path]) -> None:
    doc, pkg = bundled
    ds = miitdata.load(pkg)
    assert doc["total"] == len(doc["first"]["items"]) == len(ds.mentions)
    texts: dict[str, str] = {}
    for item in doc["first"]["items"]:
        source = item["target"]["source"]
        data = (pkg.parent / source["path"]).read_bytes()
        assert (
            source["id"]
            == f"urn:sha256:{hashlib.sha256(data).hexdigest()}"
            == f"urn:sha256:{source['sha256']}"
        )
        text = texts.setdefault(source["path"], data.decode("utf-8"))
        quote, position = item["target"]["selector"]
        assert (quote["type"], position["type"]) == ("TextQuoteSelector", "TextPositionSelector")
        start = _quote_start(text, quote)
        assert start == position["start"], item["id"]  # both select the same clause ...
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert quote["refinedBy"] == position["refinedBy"], item["id"]  # ... refined to the same span
        refined = position["refinedBy"]
        value = text[start + refined["start"] : start + refined["end"]]
        assert value == item["body"]["value_text"], item["id"]


def test_a_body_per_quote_linked_to_its_figure(bundled: tuple[dict, Path]) -> None:
    doc, pkg = bundled
    ds = miitdata.load(pkg)
    mentions = ds.mentions.set_index("mention_id")
    bodies = set()
    for item in doc["first"]["items"]:
        body = item["body"]
        mention = mentions.loc[body["mention_id"]]
        assert item["id"].endswith(body["mention_id"]) and body["id"] not in bodies
        bodies.add(body["id"])
        assert body["value_text"] == mention["value_text"]
        assert body["observation"]["id"].endswith(":" + mention["observation_id"])
        assert "value_text" not in body["observation"]


def test_base_url_gives_fetchable_sources(pkg: Path, tmp_path: Path) -> None:
    doc = _export(pkg, tmp_path / "a.jsonld", "--base-url", "https://example.org/miitdata/v1")
    source = doc["first"]["items"][0]["target"]["source"]
    assert source["id"] == "https://example.org/miitdata/v1/" + source["path"]
    assert (
        source_uri("data/sources/a b.txt", "00", "https://x.org/") == "https://x.org/data/sources/a%20b.txt"
    )


@pytest.mark.parametrize(
    "url",
    ["ftp://example.org/", "example.org/data", "https://example.org/?q=1", "https://x.org/#f", "/tmp/x"],
)
def test_a_bad_base_url_is_refused(pkg: Path, tmp_path: Path, url: str) -> None:
    proc = run_inproc(
        "export", "--format", "annotations", "--package", str(pkg), "--base-url", url, str(tmp_path / "a")
    )
    assert proc.returncode == 2 and "[base-url-invalid]" in proc.stderr, proc.stderr
    assert not (tmp_path / "a").exists()


def test_base_url_only_for_annotations(pkg: Path, tmp_path: Path) -> None:
    proc = run_inproc(
        "export",
        "--format",
        "json",
        "--package",
        str(pkg),
        "--base-url",
        "https://x.org/",
        str(tmp_path / "a"),
    )
    assert proc.returncode == 2 and "[base-url-invalid]" in proc.stderr


# ---------------------------------------------------------------------------------------------- RDF


@pytest.fixture(scope="module")
def graph(bundled: tuple[dict, Path]) -> Any:
    jsonld = pytest.importorskip("pyld.jsonld")
    rdflib = pytest.importorskip("rdflib")
    doc, _ = bundled
    nquads = jsonld.to_rdf(doc, {"documentLoader": document_loader(), "format": "application/n-quads"})
    g = rdflib.Graph()
    g.parse(data=nquads, format="nt")  # the default graph only: N-Triples
    return g


def test_rdf_shape(bundled: tuple[dict, Path], graph: Any) -> None:
    from rdflib import RDF, URIRef

    doc, _ = bundled
    oa, terms = lambda t: URIRef(OA + t), lambda t: URIRef(TERMS + t)
    annotations = set(graph.subjects(RDF.type, oa("Annotation")))
    assert len(annotations) == doc["total"]
    for anno in annotations:
        (body,) = graph.objects(anno, oa("hasBody"))
        assert len(list(graph.objects(body, terms("value_text")))) == 1, anno
        (figure,) = graph.objects(body, terms("observation"))
        assert not list(graph.objects(figure, terms("value_text"))), figure
        assert len(list(graph.objects(figure, RDF.value))) == 1, figure
        (target,) = graph.objects(anno, oa("hasTarget"))
        (source,) = graph.objects(target, oa("hasSource"))
        assert str(source).startswith("urn:sha256:")
        selectors = list(graph.objects(target, oa("hasSelector")))
        assert len(selectors) == 2
        refined = [next(iter(graph.objects(s, oa("refinedBy")))) for s in selectors]
        starts = {int(next(iter(graph.objects(r, oa("start"))))) for r in refined}
        assert len(starts) == 1, anno
    # quotes of one figure share its node, and what each said stays apart
    multi = [
        o
        for o in set(graph.objects(None, terms("observation")))
        if len(set(graph.subjects(terms("observation"), o))) > 1
    ]
    assert multi
    for figure in multi:
        said = [
            str(v)
            for b in graph.subjects(terms("observation"), figure)
            for v in graph.objects(b, terms("value_text"))
        ]
        assert len(said) == len(set(graph.subjects(terms("observation"), figure)))


def test_context_is_the_official_one(graph: Any) -> None:
    from rdflib import RDF, URIRef

    predicates = {str(p) for p in graph.predicates()} | {str(o) for o in graph.objects(None, RDF.type)}
    assert not [p for p in predicates if p.startswith("https://www.w3.org/ns/activitystreams")]
    assert {AS + "items", AS + "totalItems", AS + "first", AS + "OrderedCollection"} <= predicates
    assert (None, URIRef(AS + "partOf"), None) in graph


def test_expansion_is_offline(bundled: tuple[dict, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    jsonld = pytest.importorskip("pyld.jsonld")

    def no_network(url: str, options: object = None) -> None:
        raise AssertionError(f"network request for {url}")

    monkeypatch.setattr(jsonld, "_default_document_loader", no_network, raising=False)
    doc, _ = bundled
    assert doc["@context"][0] == ANNO_CONTEXT
    (collection,) = jsonld.expand(doc, {"documentLoader": document_loader()})
    assert collection["@type"] == [f"{AS}OrderedCollection"]
