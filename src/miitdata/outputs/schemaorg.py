"""schema.org `Dataset` description (JSON-LD) of a loaded dataset, for the datasheet's `<head>`.

Built from the descriptor and the tables only: name, description, version, license, creator,
publisher, datePublished, one `DataDownload` per export format, `variableMeasured` (the indicators),
`spatialCoverage`, `temporalCoverage` (the years the periods span), `isBasedOn` (the source
documents) and a `citation`. The context is inline (`@vocab` https://schema.org/), so the document
expands without fetching anything.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from miitdata.outputs.formats import EXPORT_FORMATS
from miitdata.roles import creators

if TYPE_CHECKING:
    from miitdata.dataset import Dataset

SCHEMA_ORG = "https://schema.org/"
MEDIA_TYPES = {
    "csv": "text/csv",
    "json": "application/json",
    "parquet": "application/vnd.apache.parquet",
    "sqlite": "application/vnd.sqlite3",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "annotations": "application/ld+json",
    "croissant": "application/ld+json",
}
_SOURCE_TYPES = {"news-report": "NewsArticle", "machine-translation": "NewsArticle"}
_YEAR = re.compile(r"(?<![0-9])([0-9]{4})(?![0-9])")


def _text(value: Any) -> str | None:
    from miitdata.query.records import clean

    value = clean(value)
    return None if value is None or value == "" else str(value)[:10] if _is_date(value) else str(value)


def _is_date(value: Any) -> bool:
    return hasattr(value, "isoformat") and not isinstance(value, str)


def _temporal_coverage(periods: list[str]) -> str | None:
    years = sorted({int(y) for p in periods for y in _YEAR.findall(p)})
    if not years:
        return None
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}/{years[-1]}"


def dataset_jsonld(ds: Dataset) -> dict[str, Any]:
    """The schema.org Dataset of `ds` (JSON-ready, `@context` inline).

    Long because: one schema.org document, key by key, as the vocabulary orders them."""
    desc = ds.descriptor
    name = str(desc.get("name") or "miitdata")
    version = ds.version
    people = [{"@type": "Organization", "name": name} for name in creators(desc)]
    licenses = desc.get("licenses") or []
    license_url = next((str(li["path"]) for li in licenses if li.get("path")), None)
    created = str(desc.get("created") or "")[:10] or None
    url = desc.get("id") or desc.get("homepage")
    title = str(desc.get("title") or name)

    variables = [
        {
            "@type": "PropertyValue",
            "identifier": str(i["indicator_id"]),
            "name": str(i["name_en"]),
            "alternateName": str(i["name_zh"]),
            "unitText": str(i["unit"]),
            **({"description": d} if (d := _text(i.get("description"))) else {}),
        }
        for i in ds.indicators.to_dict("records")
    ]
    regions = ds.regions
    country = regions[regions["level"].astype("string") == "country"]
    spatial = {
        "@type": "Place",
        "name": " / ".join(str(x) for x in country[["name_en", "name_zh"]].iloc[0])
        if len(country)
        else "China",
        "containsPlace": [
            {"@type": "Place", "name": str(r["name_en"]), "alternateName": str(r["name_zh"])}
            for r in regions[regions["level"].astype("string") != "country"].to_dict("records")
        ],
    }
    sources = []
    for s in ds.sources.to_dict("records"):
        work: dict[str, Any] = {
            "@type": _SOURCE_TYPES.get(str(s["kind"]), "CreativeWork"),
            "identifier": str(s["source_id"]),
            "name": str(s["title"]),
            "datePublished": _text(s["date_published"]),
            "inLanguage": str(s["language"]).split("+"),
        }
        if publisher := _text(s.get("publisher")):
            work["publisher"] = {"@type": "Organization", "name": publisher}
        sources.append(work)
    downloads = [
        {
            "@type": "DataDownload",
            "name": fmt,
            "encodingFormat": MEDIA_TYPES.get(fmt, "application/octet-stream"),
            "description": f"miitdata export --format {fmt} OUT",
        }
        for fmt in EXPORT_FORMATS
    ]
    authors = ", ".join(p["name"] for p in people)
    citation = f"{authors} ({(created or '')[:4] or 'n.d.'}). {title}, version {version}." + (
        f" {url}" if url else ""
    )
    doc: dict[str, Any] = {
        "@context": {"@vocab": SCHEMA_ORG},
        "@type": "Dataset",
        "name": title,
        "alternateName": name,
        "description": str(desc.get("description") or ""),
        "version": version,
        "keywords": [str(k) for k in desc.get("keywords") or []],
        "creator": people,
        "publisher": people[0],
        "datePublished": created,
        "distribution": downloads,
        "variableMeasured": variables,
        "spatialCoverage": spatial,
        "temporalCoverage": _temporal_coverage([str(p) for p in ds.observations["period"].dropna()]),
        "isBasedOn": sources,
        "citation": citation,
    }
    if license_url:
        doc["license"] = license_url
    if url:
        doc["url"] = doc["@id"] = str(url)
    return {k: v for k, v in doc.items() if v is not None}


def script_tag(doc: dict[str, Any]) -> str:
    """`doc` as an HTML `<script type="application/ld+json">`; `<`, `>` and `&` are written as JSON
    escapes (\\u003c ...), so no text in the data can end the script or read as markup."""
    import json

    text = json.dumps(doc, ensure_ascii=False, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'
