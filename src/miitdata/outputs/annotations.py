"""Every quote of a figure as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/), in JSON-LD.

One `AnnotationCollection` (its single `AnnotationPage` holds the items), one `Annotation` per mention:

* `id`: `urn:miitdata:<version>:<mention_id>`;
* `target`: a `SpecificResource` whose `source` is the raw text (`id` its path inside the package,
  `sha256` its digest), selected by a `TextQuoteSelector` (exact, prefix, suffix) and a
  `TextPositionSelector` (start, end: Unicode code points, end exclusive) that is `refinedBy` a
  `TextPositionSelector` of the value (`value_text`) *relative to the selected quote*, as the model's
  `refinedBy` applies to the parent selection (from `value_start`/`value_end` when the mentions table
  has them, else the first occurrence of `value_text` in `exact`);
* `body`: the figure (`urn:miitdata:<version>:<observation_id>`): value, unit, comparator, period,
  status (the observations' `status` column, else "actual"), indicator and region labels (zh, en).

miitdata's own body terms expand under `urn:miitdata:term:` (a second, inline context). The W3C
context is bundled (`anno.jsonld`, a minimal subset; see its note) for offline expansion:
`document_loader()` serves it to pyld without a network request.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


def annotation_collection(ds: Dataset) -> dict[str, Any]:
    """The W3C annotation collection of every mention in `ds` (JSON-ready)."""
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
        o = obs.get(m["observation_id"], {})
        i = ind.get(o.get("indicator_id"), {})
        r = reg.get(o.get("region_id"), {})
        s = src.get(m["source_id"], {})
        start, end = int(m["start"]), int(m["end"])
        exact, value_text = str(m["exact"]), str(_clean(m["value_text"]) or "")
        if has_span and _clean(m["value_start"]) is not None and _clean(m["value_end"]) is not None:
            v_start, v_end = int(m["value_start"]) - start, int(m["value_end"]) - start
        else:
            at = exact.find(value_text)
            v_start, v_end = (at, at + len(value_text)) if at >= 0 and value_text else (0, len(exact))
        quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": exact}
        for key in ("prefix", "suffix"):
            if _clean(m.get(key)) is not None:
                quote[key] = str(m[key])
        position = {
            "type": "TextPositionSelector",
            "start": start,
            "end": end,
            "refinedBy": {"type": "TextPositionSelector", "start": v_start, "end": v_end},
        }
        body = {
            "id": f"{urn}:{m['observation_id']}",
            "type": "Dataset",
            "observation_id": m["observation_id"],
            "value": _num(o.get("value")),
            "value_text": value_text,
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
        items.append(
            {
                "id": f"{urn}:{m['mention_id']}",
                "type": "Annotation",
                "motivation": "describing",
                "body": body,
                "target": {
                    "type": "SpecificResource",
                    "source": {"id": _clean(s.get("path")), "sha256": _clean(s.get("sha256"))},
                    "selector": [quote, position],
                },
            }
        )
    return {
        "@context": [ANNO_CONTEXT, {"@vocab": TERMS}],
        "id": f"{urn}:annotations",
        "type": "AnnotationCollection",
        "label": f"{ds.descriptor.get('title', 'miitdata')} {version}: every quote of every figure",
        "total": len(items),
        "first": {"id": f"{urn}:annotations:page-1", "type": "AnnotationPage", "items": items},
    }


def write_annotations(out: Path, path: str | Path | None = None) -> Path:
    """Write the annotation collection of the package at `path` to the file `out` (deterministic)."""
    from miitdata.atomic import write_atomic
    from miitdata.dataset import load

    if out.is_dir():
        raise PackageError("output-invalid", "annotations export to a file; this is a directory", str(out))
    if not out.parent.is_dir():
        raise PackageError("output-invalid", "the output's directory does not exist", str(out))
    doc = annotation_collection(load(path))
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
