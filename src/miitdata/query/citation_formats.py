"""`miitdata cite ID --format bibtex|csl-json|ris`: a figure as reference-manager entries.

Pure functions over `cite_record()` output. Each format holds three kinds of entry:

1. the figure (the observation, cited as part of the dataset release: its label, value and id);
2. each source document that states it (title, publisher, date as data/sources.csv has them;
   a blank publisher is left out, never guessed);
3. the dataset release (title, version, date, licence, repository).
"""

from __future__ import annotations

import json
import re
from typing import Any

AUTHORS = "miitdata contributors"
_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_.:-]")
# source kind -> (CSL type, RIS type)
_SOURCE_TYPES = {
    "news-report": ("article-newspaper", "NEWS"),
    "machine-translation": ("article-newspaper", "NEWS"),
    "official-summary": ("document", "GOVDOC"),
    "transcript": ("speech", "GEN"),
}


def _entries(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The format-neutral entries: figure, sources, dataset (each a dict of plain values)."""
    ds, o = record["dataset"], record["observation"]
    name, version = ds.get("name") or "miitdata", ds.get("version") or ""
    dataset_title = ds.get("title") or name
    release_key = f"{name}-{version}"
    source_ids = [s["source_id"] for s in record["sources"]]
    figure_title = (
        f"{o.get('indicator_en')}, {o.get('region_en')}, {o.get('period')}: {o.get('display_en')}"
        f" ({o.get('indicator_zh')}, {o.get('region_zh')})"
    )
    entries = [
        {
            "key": f"{release_key}-{o['observation_id']}",
            "role": "figure",
            "title": figure_title,
            "authors": ds.get("authors") or [AUTHORS],
            "date": ds.get("created"),
            "container": f"{dataset_title}, version {version}",
            "version": version,
            "url": ds.get("url"),
            "note": f"{name} {version}, observation {o['observation_id']}"
            + (f"; stated in {', '.join(source_ids)}" if source_ids else "; derived, stated in no source"),
        }
    ]
    for s in record["sources"]:
        entries.append(
            {
                "key": f"{name}-{s['source_id']}",
                "role": "source",
                "kind": s.get("kind"),
                "title": s.get("title"),
                "authors": [s["author"]] if s.get("author") else [],
                "publisher": s.get("publisher"),
                "date": s.get("date_published"),
                "languages": languages(s.get("language")),
                "note": f"{name} source {s['source_id']} ({s.get('kind')})",
            }
        )
    entries.append(
        {
            "key": release_key,
            "role": "dataset",
            "title": dataset_title,
            "authors": ds.get("authors") or [AUTHORS],
            "date": ds.get("created"),
            "version": version,
            "url": ds.get("url"),
            "license": ds.get("license"),
            "note": f"Data licence {ds.get('license')}" if ds.get("license") else None,
        }
    )
    for e in entries:
        e["key"] = _KEY_UNSAFE.sub("-", e["key"])
    return entries


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def languages(tag: Any) -> list[str]:
    """BCP 47 tags of a source's language cell: `en+zh` (English with Chinese) is ["en", "zh"]."""
    return [t for t in str(tag or "").replace("+", " ").replace(",", " ").split() if t]


def _date_parts(date: str | None) -> list[int]:
    if not date:
        return []
    return [int(p) for p in str(date)[:10].split("-") if p.isdigit()]


def _bib(text: Any) -> str:
    return "".join(_BIBTEX_SPECIAL.get(c, c) for c in str(text))


def bibtex(record: dict[str, Any]) -> str:
    """BibTeX `@misc` entries (classic BibTeX has no dataset type): figure, sources, dataset release."""
    out = []
    for e in _entries(record):
        fields: list[tuple[str, str]] = [("title", "{" + _bib(e["title"]) + "}")]
        if e.get("authors"):
            fields.append(("author", " and ".join("{" + _bib(a) + "}" for a in e["authors"])))
        if e.get("publisher"):
            fields.append(("publisher", _bib(e["publisher"])))
        parts = _date_parts(e.get("date"))
        if parts:
            fields.append(("year", str(parts[0])))
        if len(parts) > 1 and 1 <= parts[1] <= 12:
            fields.append(("month", MONTHS[parts[1] - 1]))  # a BibTeX month macro: styles print its name
        if len(parts) > 2:
            fields.append(("day", str(parts[2])))
        if e.get("date"):
            fields.append(("date", str(e["date"])))
        if e.get("container"):
            fields.append(("howpublished", _bib(e["container"])))
        if e.get("version"):
            fields.append(("version", _bib(e["version"])))
        if e.get("url"):
            fields.append(("url", _bib(e["url"])))
        if e.get("languages"):
            fields.append(("language", " and ".join(_bib(t) for t in e["languages"])))
        if e.get("note"):
            fields.append(("note", _bib(e["note"])))
        body = ",\n".join(f"  {k} = {v}" if k == "month" else f"  {k} = {{{v}}}" for k, v in fields)
        out.append(f"@misc{{{e['key']},\n{body}\n}}\n")
    return "\n".join(out)


def csl_json(record: dict[str, Any]) -> str:
    """CSL-JSON (a list of items, as Zotero and pandoc read it)."""
    items = []
    for e in _entries(record):
        item: dict[str, Any] = {"id": e["key"], "title": e["title"]}
        if e["role"] == "source":
            item["type"] = _SOURCE_TYPES.get(str(e.get("kind")), ("document", "GEN"))[0]
        else:
            item["type"] = "dataset"
        if e.get("authors"):
            item["author"] = [{"literal": a} for a in e["authors"]]
        if e.get("publisher"):
            item["publisher"] = e["publisher"]
        parts = _date_parts(e.get("date"))
        item["issued"] = {"date-parts": [parts]} if parts else {"literal": "n.d."}
        if e.get("container"):
            item["container-title"] = e["container"]
        for key in ("version", "note"):
            if e.get(key):
                item[key] = e[key]
        if e.get("languages"):
            item["language"] = e["languages"][0]  # CSL takes one tag: the text's main language
        if e.get("url"):
            item["URL"] = e["url"]
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def ris(record: dict[str, Any]) -> str:
    """RIS records (TY ... ER), one per entry."""
    out = []
    for e in _entries(record):
        kind = "DATA" if e["role"] != "source" else _SOURCE_TYPES.get(str(e.get("kind")), ("", "GEN"))[1]
        lines = [("TY", kind), ("ID", e["key"]), ("TI", e["title"])]
        lines += [("AU", a) for a in e.get("authors") or []]
        if e.get("publisher"):
            lines.append(("PB", e["publisher"]))
        parts = _date_parts(e.get("date"))
        if parts:
            lines.append(("PY", str(parts[0])))
            lines.append(("DA", "/".join(f"{p:02d}" for p in parts) + "/"))
        if e.get("container"):
            lines.append(("T2", e["container"]))
        if e.get("version"):
            lines.append(("ET", e["version"]))
        if e.get("url"):
            lines.append(("UR", e["url"]))
        lines += [("LA", t) for t in e.get("languages") or []]
        if e.get("note"):
            lines.append(("N1", e["note"]))
        text = "".join(f"{tag}  - {' '.join(str(v).split())}\n" for tag, v in lines)
        out.append(text + "ER  - \n")
    return "\n".join(out)


FORMATTERS = {"bibtex": bibtex, "csl-json": csl_json, "ris": ris}
