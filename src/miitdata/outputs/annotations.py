"""Every quote of a figure as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/), in JSON-LD.

One `AnnotationCollection` (its single `AnnotationPage` holds the items), one `Annotation` per mention:

* `id`: `urn:miitdata:<version>:<mention_id>`;
* `target`: a `SpecificResource` whose `source` is the raw text, identified by an absolute URI:
  `urn:sha256:<hex digest>` (a name for exactly those bytes, resolvable by anyone holding the
  package), or, with `base_url`, the URL the text is published under (`<base_url><path>`, such as
  `https://raw.githubusercontent.com/miitdata/miitdata/v0.4.0/data/sources/000_….txt`), which a
  Hypothesis-style client can fetch. The source also carries its `sha256`, package `path`,
  `format` (text/plain) and `language` (BCP 47 tags).
* Two selectors that select the same span, the figure's digits, as the model requires of
  alternative selectors: a `TextQuoteSelector` (the quoted clause: exact, prefix, suffix) and a
  `TextPositionSelector` (the clause's start and end: Unicode code points, end exclusive), each
  `refinedBy` the same `TextPositionSelector` of the value (`value_text`) *within the clause*.
* `body`: a node per quote (`urn:miitdata:<version>:<mention_id>:body`) with what this quote says
  (`value_text`, `stated_value`, `mention_id`), linked by `observation` to the figure
  (`urn:miitdata:<version>:<observation_id>`): value, unit, comparator, period, status, indicator and
  region (ids, Chinese and English names). Quotes of one figure share the figure node; what each
  quote said stays on its own body.

miitdata's own terms expand under `urn:miitdata:term:` (a second, inline context). The W3C context
is bundled (`anno.jsonld`, a subset with the official IRIs; see its note) for offline expansion:
`document_loader()` serves it to pyld without a network request.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from miitdata.errors import PackageError

if TYPE_CHECKING:
    from miitdata.dataset import Dataset

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
TERMS = "urn:miitdata:term:"


def _clean(value: Any) -> Any:
    from miitdata.query.records import clean

    return clean(value)


def _num(value: Any) -> Any:
    value = _clean(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def check_base_url(base_url: str) -> str:
    """The base URL the raw texts are published under, ending in `/`; `base-url-invalid` unless it is
    an absolute http(s) URL without query or fragment."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise PackageError(
            "base-url-invalid",
            f"{base_url!r} is not an absolute http(s) URL without query or fragment "
            "(e.g. https://raw.githubusercontent.com/OWNER/REPO/TAG/)",
        )
    if any(c.isspace() for c in base_url):
        raise PackageError("base-url-invalid", f"{base_url!r} contains white space")
    return base_url if base_url.endswith("/") else base_url + "/"


def source_uri(path: str, sha256: str, base_url: str | None = None) -> str:
    """The absolute URI of a raw text: `<base_url><path>` (path segments percent-encoded), else
    `urn:sha256:<digest>`."""
    if base_url:
        return check_base_url(base_url) + quote(path, safe="/")
    return f"urn:sha256:{sha256}"


def languages(tag: Any) -> list[str]:
    """BCP 47 tags of a source's language cell (`en+zh` and `en zh` list two languages)."""
    text = str(_clean(tag) or "")
    return [t for t in text.replace("+", " ").replace(",", " ").split() if t]


def _figure(
    urn: str, o: Mapping[Any, Any], i: Mapping[Any, Any], r: Mapping[Any, Any], has_status: bool
) -> dict[str, Any]:
    return {
        "id": f"{urn}:{o.get('observation_id')}",
        "type": "Observation",
        "observation_id": _clean(o.get("observation_id")),
        "value": _num(o.get("value")),
        "unit": _clean(i.get("unit")),
        "comparator": _clean(o.get("comparator")),
        "period": _clean(o.get("period")),
        "status": str(_clean(o.get("status")) or "actual") if has_status else "actual",
        "indicator_id": _clean(o.get("indicator_id")),
        "indicator_en": _clean(i.get("name_en")),
        "indicator_zh": _clean(i.get("name_zh")),
        "region_id": _clean(o.get("region_id")),
        "region_en": _clean(r.get("name_en")),
        "region_zh": _clean(r.get("name_zh")),
    }


def _value_span(m: Mapping[Any, Any], has_span: bool) -> tuple[int, int]:
    """The value's span within the quoted clause (from value_start/value_end, else its first match)."""
    start = int(m["start"])
    exact, value_text = str(m["exact"]), str(_clean(m["value_text"]) or "")
    if has_span and _clean(m.get("value_start")) is not None and _clean(m.get("value_end")) is not None:
        return int(m["value_start"]) - start, int(m["value_end"]) - start
    at = exact.find(value_text)
    return (at, at + len(value_text)) if at >= 0 and value_text else (0, len(exact))


def annotation_collection(ds: Dataset, base_url: str | None = None) -> dict[str, Any]:
    """The W3C annotation collection of every mention in `ds` (JSON-ready); `base_url`: see the module."""
    if base_url:
        base_url = check_base_url(base_url)
    version = ds.version
    urn = f"urn:miitdata:{version}"
    obs = {r["observation_id"]: r for r in ds.observations.to_dict("records")}
    ind = {r["indicator_id"]: r for r in ds.indicators.to_dict("records")}
    reg = {r["region_id"]: r for r in ds.regions.to_dict("records")}
    src = {r["source_id"]: r for r in ds.sources.to_dict("records")}
    has_status = "status" in ds.observations.columns
    has_span = {"value_start", "value_end"} <= set(ds.mentions.columns)
    items = []
    for m in ds.mentions.to_dict("records"):
        o = obs.get(m["observation_id"], {"observation_id": m["observation_id"]})
        i = ind.get(o.get("indicator_id"), {})
        r = reg.get(o.get("region_id"), {})
        s = src.get(m["source_id"], {})
        v_start, v_end = _value_span(m, has_span)
        value = {"type": "TextPositionSelector", "start": v_start, "end": v_end}
        text_quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": str(m["exact"])}
        for key in ("prefix", "suffix"):
            if _clean(m.get(key)) is not None:
                text_quote[key] = str(m[key])
        text_quote["refinedBy"] = value
        position = {"type": "TextPositionSelector", "start": int(m["start"]), "end": int(m["end"])}
        position["refinedBy"] = dict(value)
        path, sha = str(_clean(s.get("path")) or ""), str(_clean(s.get("sha256")) or "")
        source: dict[str, Any] = {
            "id": source_uri(path, sha, base_url),
            "type": "Text",
            "format": "text/plain",
        }
        if tags := languages(s.get("language")):
            source["language"] = tags if len(tags) > 1 else tags[0]
        source.update({"path": path, "sha256": sha})
        body = {
            "id": f"{urn}:{m['mention_id']}:body",
            "type": "Quote",
            "mention_id": m["mention_id"],
            "value_text": str(_clean(m["value_text"]) or ""),
            "stated_value": _num(m.get("value")),
            "observation": _figure(urn, o, i, r, has_status),
        }
        items.append(
            {
                "id": f"{urn}:{m['mention_id']}",
                "type": "Annotation",
                "motivation": "describing",
                "body": body,
                "target": {"type": "SpecificResource", "source": source, "selector": [text_quote, position]},
            }
        )
    collection = f"{urn}:annotations"
    label = f"{ds.descriptor.get('title', 'miitdata')} {version}: every quote of every figure"
    return {
        "@context": [ANNO_CONTEXT, {"@vocab": TERMS}],
        "id": collection,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {
            "id": f"{collection}:page-1",
            "type": "AnnotationPage",
            "partOf": {"id": collection, "label": label, "total": len(items)},
            "startIndex": 0,
            "items": items,
        },
        "last": f"{collection}:page-1",
    }


def write_annotations(out: Path, path: str | Path | None = None, base_url: str | None = None) -> Path:
    """Write the annotation collection of the package at `path` to the file `out` (deterministic)."""
    from miitdata.atomic import write_atomic
    from miitdata.dataset import load

    if base_url:
        check_base_url(base_url)
    if out.is_dir():
        raise PackageError("output-invalid", "annotations export to a file; this is a directory", str(out))
    if not out.parent.is_dir():
        raise PackageError("output-invalid", "the output's directory does not exist", str(out))
    doc = annotation_collection(load(path), base_url)
    write_atomic(out, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    return out


def bundled_context() -> dict[str, Any]:
    """The bundled W3C annotation context document (`anno.jsonld`)."""
    text = (resources.files("miitdata.outputs") / "anno.jsonld").read_text(encoding="utf-8")
    context: dict[str, Any] = json.loads(text)
    return context


def document_loader(extra: dict[str, Any] | None = None) -> Any:
    """A pyld document loader serving the bundled context (and `extra` {url: document}); any other URL
    raises, so expansion never touches the network."""
    docs = {ANNO_CONTEXT: bundled_context(), ANNO_CONTEXT.replace("http:", "https:"): bundled_context()}
    docs.update(extra or {})

    def load(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
        if url not in docs:
            raise ValueError(f"offline: no bundled document for {url}")
        return {"contextUrl": None, "documentUrl": url, "document": docs[url]}

    return load
