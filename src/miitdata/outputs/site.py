"""`miitdata site OUTDIR`: the explorer, a static site that opens from disk and fetches nothing.

`site_data(ds)` is the JSON-able payload (every figure, quote, relation, discrepancy, the raw texts and
the curation exclusions); `build_site(ds, outdir)` writes `index.html`, `assets/app.js`, `assets/app.css`,
`assets/data.js` (the payload as a JS assignment: browsers refuse `fetch()` of `file://` URLs),
`datasheet.html`, `croissant.json` (outputs/croissant.py) and the files it describes (`data/*.csv`,
`data/sources/*.txt`, byte copies). The JS and CSS are hand-written files of this package
(`site_assets/`), read with importlib.resources; nothing is loaded from a CDN.

Writing is atomic: the site is built in a temporary directory beside OUTDIR, then swapped in. An existing
OUTDIR is replaced only when it holds our marker file (so a typo cannot wipe a directory of the user's);
otherwise, when it is a non-empty directory or a file, PackageError `output-invalid`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Hashable, Mapping
from html import escape
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from miitdata.errors import PackageError
from miitdata.outputs.zh import tag_zh
from miitdata.query.cite import citation_text
from miitdata.query.format import format_value
from miitdata.query.records import clean
from miitdata.sources import read_exclusions, read_source

if TYPE_CHECKING:
    from miitdata.dataset import Dataset

MARKER = ".miitdata-site"
ASSETS = ("app.js", "app.css")
DEFAULT_STATUS = "actual"  # observations without a `status` column are all actual figures
# Sentence ends: Chinese 。！？；, ASCII ! ? ; and line breaks; "." only when no digit follows (19.21).
SENTENCE_END = re.compile(r"[。！？；!?;\n]|\.(?!\d)")
CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:"


def _text(value: Any) -> str | None:
    """A cell as text, None when missing (pandas NA/NaN/NaT); dates as YYYY-MM-DD."""
    value = clean(value)
    return None if value is None else str(value)


def _source_texts(ds: Dataset) -> dict[str, str]:
    """Each source's raw text (code points, exactly as the offsets count them), read by the one reader
    (`miitdata.sources`): `resource-unreadable`, `not-utf8` or `path-unsafe` as curate says them."""
    root = Path(ds.path).parent
    return {
        str(sid): read_source(root, Path(ds.path), str(rel)).text()
        for sid, rel in zip(ds.sources["source_id"], ds.sources["path"], strict=True)
    }


def _value_span(start: int, exact: str, value_text: str, row: Mapping[Hashable, Any]) -> tuple[int, int]:
    """Where the number sits: `value_start`/`value_end` when the mentions table has them, else the first
    occurrence of value_text inside exact (as `miitdata cite` highlights it), else the whole quote."""
    vs, ve = _text(row.get("value_start")), _text(row.get("value_end"))
    if vs is not None and ve is not None:
        return int(float(vs)), int(float(ve))
    at = exact.find(value_text) if value_text else -1
    if at < 0:
        return start, start + len(exact)
    return start + at, start + at + len(value_text)


def _sentence(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The sentence around text[lo:hi]: from after the last sentence end before lo to the first one at or
    after hi (included)."""
    begin = 0
    for before in SENTENCE_END.finditer(text, 0, lo):
        begin = before.end()
    after = SENTENCE_END.search(text, hi)
    return begin, (after.end() if after else len(text))


def _reader_spans(
    texts: dict[str, str], mentions: list[dict[str, Any]], exclusions: list[dict[str, str]]
) -> dict[str, list[list[Any]]]:
    """Per source, the marks of its reader, sorted and never crossing: `[start, end, [mention ids], None]`
    for a number quoted by mentions (mentions of one span share it) and `[start, end, [], reason]` for a
    number the curators excluded from the data. A span crossing an earlier one is left out."""
    out: dict[str, list[list[Any]]] = {}
    for sid, text in texts.items():
        groups: dict[tuple[int, int], list[str]] = {}
        for m in mentions:
            if m["s"] == sid:
                groups.setdefault((m["vs"], m["ve"]), []).append(m["id"])
        taken: list[tuple[int, int]] = []
        spans: list[list[Any]] = []

        def free(a: int, b: int, taken: list[tuple[int, int]] = taken) -> bool:
            return all(b <= s or a >= e for s, e in taken)

        for (a, b), ids in sorted(groups.items()):
            if free(a, b):
                taken.append((a, b))
                spans.append([a, b, ids, None])
        for ex in exclusions:
            if ex["source_id"] not in (sid, "*"):
                continue
            needle = ex["text"]
            at = text.find(needle)
            while at >= 0:
                if free(at, at + len(needle)):
                    taken.append((at, at + len(needle)))
                    spans.append([at, at + len(needle), [], ex["reason"]])
                at = text.find(needle, at + 1)
        out[sid] = sorted(spans, key=lambda s: (s[0], s[1]))
    return out


def site_data(ds: Dataset) -> dict[str, Any]:
    """Everything the explorer shows, JSON-able: labels in both languages, each figure with its value as
    people write it (`format_value`, as `miitdata show`), each quote with its offsets, the value's span,
    a ready-to-paste citation and the other figures of its sentence, relations, discrepancies (with the
    figures they concern), the raw texts and the curation exclusions."""
    root = Path(ds.path).parent
    version = ds.version
    texts = _source_texts(ds)

    indicators = {
        str(r["indicator_id"]): {
            "en": _text(r["name_en"]),
            "zh": _text(r["name_zh"]),
            "unit": _text(r["unit"]),
        }
        for r in ds.indicators.to_dict(orient="records")
    }
    regions = {
        str(r["region_id"]): {"en": _text(r["name_en"]), "zh": _text(r["name_zh"])}
        for r in ds.regions.to_dict(orient="records")
    }
    events = {
        str(r["event_id"]): {"date": _text(r["date"]), "en": _text(r["title_en"]), "zh": _text(r["title_zh"])}
        for r in ds.events.to_dict(orient="records")
    }
    source_rows = {str(r["source_id"]): r for r in ds.sources.to_dict(orient="records")}
    sources = {
        sid: {
            "title": _text(r.get("title")),
            "publisher": _text(r.get("publisher")),
            "date": _text(r.get("date_published")),
            "language": _text(r.get("language")),
            "kind": _text(r.get("kind")),
            "mt": _text(r.get("machine_translated")) in ("True", "true", "1"),
            "event": _text(r.get("event_id")),
        }
        for sid, r in source_rows.items()
    }

    mentions = _quotes(ds, source_rows, texts, version)
    observations = _figures(ds, indicators, mentions)
    relations, involved = _relations(ds)
    discrepancies = _discrepancies(ds, mentions, involved)

    return {
        "name": str(ds.descriptor.get("name", "miitdata")),
        "title": str(ds.descriptor.get("title", "")),
        "version": version,
        "datasheet": "datasheet.html",
        "indicators": indicators,
        "regions": regions,
        "events": events,
        "sources": sources,
        "texts": texts,
        "observations": observations,
        "mentions": mentions,
        "relations": relations,
        "discrepancies": discrepancies,
        "marks": _reader_spans(texts, mentions, read_exclusions(root)),
    }


def _quotes(
    ds: Dataset, source_rows: dict[str, dict[Hashable, Any]], texts: dict[str, str], version: str
) -> list[dict[str, Any]]:
    """Each mention in source order: offsets, the value's span, a citation, and `same`: the other
    figures stated in the same sentence of the same source."""
    mentions: list[dict[str, Any]] = []
    for r in ds.mentions.sort_values(["source_id", "start", "mention_id"]).to_dict(orient="records"):
        sid, oid = str(r["source_id"]), str(r["observation_id"])
        start, end = int(r["start"]), int(r["end"])
        exact, value_text = _text(r["exact"]) or "", _text(r["value_text"]) or ""
        vs, ve = _value_span(start, exact, value_text, r)
        src = source_rows.get(sid, {})
        source = {
            "source_id": sid,
            "title": _text(src.get("title")) or "?",
            "publisher": _text(src.get("publisher")),
            "date_published": _text(src.get("date_published")),
        }
        quote = {"exact": exact, "start": start, "end": end}
        mentions.append(
            {
                "id": str(r["mention_id"]),
                "o": oid,
                "s": sid,
                "start": start,
                "end": end,
                "vs": vs,
                "ve": ve,
                "vt": value_text,
                "note": _text(r.get("note")),
                "cite": citation_text(source, quote, oid, version),
            }
        )
    # Other figures stated in the same sentence of the same source.
    by_source: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        by_source.setdefault(m["s"], []).append(m)
    for m in mentions:
        text = texts.get(m["s"], "")
        lo, hi = _sentence(text, m["vs"], m["ve"])
        near = [o["o"] for o in by_source[m["s"]] if o["o"] != m["o"] and o["vs"] < hi and o["ve"] > lo]
        m["same"] = list(dict.fromkeys(near))

    mention_ids: dict[str, list[str]] = {}
    for m in mentions:
        mention_ids.setdefault(m["o"], []).append(m["id"])

    return mentions


def _figures(
    ds: Dataset, indicators: dict[str, dict[str, Any]], mentions: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each observation with its value as people write it (en, zh) and the ids of its quotes."""
    mention_ids: dict[str, list[str]] = {}
    for m in mentions:
        mention_ids.setdefault(m["o"], []).append(m["id"])

    has_status = "status" in ds.observations.columns
    observations = []
    for r in ds.observations.to_dict(orient="records"):
        oid = str(r["observation_id"])
        ind = indicators.get(str(r["indicator_id"]), {})
        unit, comparator = ind.get("unit"), _text(r["comparator"]) or "="
        observations.append(
            {
                "id": oid,
                "i": str(r["indicator_id"]),
                "r": str(r["region_id"]),
                "p": _text(r["period"]),
                "status": (_text(r.get("status")) if has_status else None) or DEFAULT_STATUS,
                "e": _text(r["event_id"]),
                "cmp": comparator,
                "value": _text(r["value"]),
                "en": format_value(r["value"], unit, comparator, "en"),
                "zh": format_value(r["value"], unit, comparator, "zh"),
                "derived_by": _text(r.get("derived_by")),
                "note": _text(r.get("note")),
                "m": mention_ids.get(oid, []),
            }
        )

    return observations


def _relations(ds: Dataset) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    """The relations, and the observations each involves (its target, then its operands)."""
    relations = []
    involved: dict[str, list[str]] = {}
    for r in ds.relations.to_dict(orient="records"):
        operands = (_text(r.get("operands")) or "").split()
        target = _text(r.get("target")) or ""
        rid = str(r["relation_id"])
        involved[rid] = [target, *operands]
        relations.append(
            {
                "id": rid,
                "kind": _text(r.get("kind")),
                "target": target,
                "operands": operands,
                "tolerance": _text(r.get("tolerance")),
                "expected": _text(r.get("expected")),
                "statement": _text(r.get("statement")),
                "note": _text(r.get("note")),
            }
        )

    return relations, involved


def _discrepancies(
    ds: Dataset, mentions: list[dict[str, Any]], involved: dict[str, list[str]]
) -> list[dict[str, Any]]:
    """The known discrepancies, each with the observations it concerns (through a mention or relation)."""
    mention_obs = {m["id"]: m["o"] for m in mentions}
    discrepancies = []
    for r in ds.discrepancies.to_dict(orient="records"):
        targets = (_text(r.get("target")) or "").split()
        concerns: list[str] = []
        for t in targets:
            if t in mention_obs:
                concerns.append(mention_obs[t])
            elif t in involved:
                concerns.extend(involved[t])
            else:
                concerns.append(t)
        discrepancies.append(
            {
                "id": str(r["discrepancy_id"]),
                "resource": _text(r.get("resource")),
                "targets": targets,
                "error_type": _text(r.get("error_type")),
                "kind": _text(r.get("kind")),
                "explanation": _text(r.get("explanation")),
                "obs": list(dict.fromkeys(c for c in concerns if c)),
            }
        )

    return discrepancies


def data_js(payload: dict[str, Any]) -> str:
    """The payload as a script: one assignment, no fetch(). `<`, `>` and `&` are written as JSON escapes,
    so no text of the data can close a script element or be read as markup if inlined."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.MIITDATA = {text};\n"


def _asset(name: str) -> str:
    return (resources.files("miitdata.outputs") / "site_assets" / name).read_text(encoding="utf-8")


def index_html(payload: dict[str, Any]) -> str:
    """The page: the template with the title filled in (escaped; the subtitle's Chinese runs tagged
    lang="zh", `outputs/zh.py`); the app renders the rest."""
    title = f"{payload['name']} {payload['version']}"
    page = _asset("index.html")
    return (
        page.replace("{{csp}}", escape(CSP))
        .replace("{{title}}", escape(title))  # in <title> too: never markup
        .replace("{{subtitle}}", tag_zh(payload["title"]))
    )


def _datasheet(ds: Dataset) -> str:
    from miitdata.outputs.datasheet import render_datasheet

    html = render_datasheet(ds)
    # link back into the site, in a navigation landmark (axe: all content inside landmarks)
    back = (
        '<nav aria-label="Explorer"><p class="site-nav">'
        '<a href="index.html">← Explorer / <span lang="zh">数据浏览</span></a></p></nav>'
    )
    return html.replace("<body>", "<body>" + back, 1)


def _package_files(ds: Dataset, croissant: dict[str, Any]) -> dict[str, str]:
    """The package's files the site's croissant.json describes (tables and raw texts), by path."""
    root = ds.path.parent
    return {f["@id"]: (root / f["@id"]).read_bytes().decode("utf-8") for f in croissant["distribution"]}


def _check_outdir(outdir: Path) -> None:
    if outdir.is_symlink() or (outdir.exists() and not outdir.is_dir()):
        raise PackageError("output-invalid", "not a directory: the site is a directory", str(outdir))
    if outdir.is_dir() and any(outdir.iterdir()) and not (outdir / MARKER).is_file():
        raise PackageError(
            "output-invalid",
            f"a non-empty directory that miitdata did not write (no {MARKER}); "
            "choose a new or empty directory",
            str(outdir),
        )


def build_site(ds: Dataset, outdir: Path) -> list[Path]:
    """Write the explorer into `outdir` (atomically) and return the files written, index.html first."""
    from miitdata.outputs.croissant import croissant_jsonld

    outdir = Path(outdir)
    _check_outdir(outdir)
    payload = site_data(ds)
    croissant = croissant_jsonld(ds)  # its file URLs lead to the copies under data/
    files = {
        "index.html": index_html(payload),
        "assets/data.js": data_js(payload),
        **{f"assets/{name}": _asset(name) for name in ASSETS},
        "datasheet.html": _datasheet(ds),
        "croissant.json": json.dumps(croissant, ensure_ascii=False, indent=1) + "\n",
        **_package_files(ds, croissant),
        MARKER: f"Written by miitdata site ({payload['name']} {payload['version']}); "
        "`miitdata site` replaces this directory.\n",
    }
    parent = outdir.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise PackageError(
            "output-invalid", f"cannot create the site: {exc.strerror or exc}", str(outdir)
        ) from None
    old: Path | None = None
    try:
        for rel, content in files.items():
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8", newline="\n")
        os.chmod(tmp, 0o755)  # mkdtemp makes it private; a site is meant to be read
        if outdir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.", suffix=".old", dir=parent))
            os.rename(outdir, old / "site")
        os.rename(tmp, outdir)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and (old / "site").exists() and not outdir.exists():
            os.rename(old / "site", outdir)  # put the previous site back
        raise PackageError(  # a full disk, a read-only place: the site could not be written
            "output-unwritable", f"cannot write the site: {exc.strerror or exc}", str(outdir)
        ) from None
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    return [outdir / rel for rel in files if rel != MARKER]
