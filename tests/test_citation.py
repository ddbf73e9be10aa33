"""CITATION.cff agrees with datapackage.json; `miitdata cite --format bibtex|csl-json|ris`."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_inproc

ROOT = Path(__file__).resolve().parents[1]
FIGURE = "O0009"


def test_citation_cff_matches_the_descriptor() -> None:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "dataset"
    assert cff["version"] == descriptor["version"]
    assert cff["title"] == descriptor["title"]
    assert cff["license"] == descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert cff["repository-code"] == descriptor["id"]
    from miitdata.roles import creators

    assert cff["authors"] == [{"name": name} for name in creators(descriptor)]
    assert cff["authors"] == [{"name": "miitdata contributors"}]
    with (ROOT / "data" / "sources.csv").open(encoding="utf-8", newline="") as fh:
        sources = list(csv.DictReader(fh))
    assert len(cff["references"]) == len(sources)
    for ref, src in zip(cff["references"], sources, strict=True):
        assert ref["title"] == src["title"]
        assert str(ref["date-published"]) == src["date_published"]
        assert ref.get("publisher", {}).get("name", "") == src["publisher"]


@pytest.mark.slow
def test_citation_cff_validates_with_cffconvert(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    pip = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", "cffconvert"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if pip.returncode != 0:
        pytest.skip(f"cannot install cffconvert: {pip.stderr.strip()[-300:]}")
    proc = subprocess.run(
        [str(bin_dir / "cffconvert"), "--validate", "-i", str(ROOT / "CITATION.cff")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _cite(fmt: str) -> str:
    proc = run_inproc("cite", FIGURE, "--format", fmt)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_cite_bibtex_is_well_formed() -> None:
    text = _cite("bibtex")
    entries = re.findall(r"^@(\w+)\{([^,\s]+),$", text, flags=re.M)
    assert entries and all(kind == "misc" for kind, _ in entries)
    keys = [key for _, key in entries]
    assert len(set(keys)) == len(keys)
    assert f"miitdata-0.2.0-{FIGURE}" in keys or any(k.endswith(f"-{FIGURE}") for k in keys)
    assert any(re.fullmatch(r"miitdata-S\d{3}", k) for k in keys)
    depth = 0
    for i, c in enumerate(text):
        if c in "{}" and i and text[i - 1] == "\\":
            continue
        depth += {"{": 1, "}": -1}.get(c, 0)
        assert depth >= 0
    assert depth == 0
    for block in text.split("\n@")[0:]:
        assert re.search(r"^\s+title = \{", block, flags=re.M)


def test_cite_csl_json() -> None:
    items = json.loads(_cite("csl-json"))
    assert isinstance(items, list) and len(items) >= 3
    for item in items:
        assert item["type"] and item["title"] and "issued" in item
    assert items[0]["type"] == "dataset" and FIGURE in items[0]["note"]
    assert items[-1]["type"] == "dataset" and items[-1]["version"]
    assert any(i["type"] == "article-newspaper" and i.get("publisher") for i in items)


def test_cite_ris() -> None:
    text = _cite("ris")
    records = [r for r in text.split("ER  - \n") if r.strip()]
    assert len(records) >= 3 and text.count("ER  - ") == len(records)
    for rec in records:
        lines = rec.strip().splitlines()
        assert lines[0].startswith("TY  - ")
        assert all(re.match(r"^[A-Z][A-Z0-9]  - ", line) for line in lines)
        assert any(line.startswith("TI  - ") for line in lines)


def _release_date() -> str:
    return str(json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["created"])[:10]


def test_one_release_date_everywhere() -> None:
    """datapackage.json `created` is the release date; every other place says the same."""
    date = _release_date()
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert str(cff["date-released"]) == date
    bib = _cite("bibtex").split("\n@")[-1]  # the dataset release entry
    assert f"date = {{{date}}}" in bib
    csl = json.loads(_cite("csl-json"))
    assert [i["issued"]["date-parts"][0] for i in csl if i["type"] == "dataset"] == [
        [int(p) for p in date.split("-")]
    ] * 2
    ris = [r for r in _cite("ris").split("ER  - \n") if "TY  - DATA" in r]
    assert all(f"DA  - {date.replace('-', '/')}/" in r for r in ris) and ris
    croissant = json.loads((ROOT / "croissant.json").read_text(encoding="utf-8"))
    assert croissant["datePublished"] == date


def test_bibtex_in_pybtex_months_by_name_and_authors() -> None:
    from pybtex.database import parse_string

    data = parse_string(_cite("bibtex"), "bibtex")
    months = {e.fields.get("month") for e in data.entries.values()}
    assert months and all(
        m
        in {
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        }
        for m in months
    )
    for key, entry in data.entries.items():
        assert entry.persons.get("author"), key  # sources too: their publisher or host institution


def test_csl_json_renders_in_citeproc_with_authors() -> None:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(_cite("csl-json"))
    for item in items:
        assert item.get("author"), item["id"]
        if item.get("language"):
            assert re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", item["language"]), item["language"]
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bib.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bib.bibliography()]
    assert len(rendered) == len(items)
    assert all(rendered)
    for item in items:
        if item["type"] != "dataset":
            (line,) = [t for t in rendered if item["title"][:30] in t]
            assert line.count(item["title"][:30]) == 1, line  # the title once, after its author
            assert item["author"][0]["literal"][:20] in line, line


def test_ris_languages_are_tags() -> None:
    tags = re.findall(r"^LA  - (.*)$", _cite("ris"), flags=re.M)
    assert tags and all(re.fullmatch(r"[a-z]{2,3}", t) for t in tags)
