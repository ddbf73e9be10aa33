"""What the curation scripts (tools/curate_*.py) share: one implementation, imported by all four.

Each curation script is the reviewable record of the rows it owns: it lists them as tuples, and
this module turns them into table rows, merges them into the CSVs (keeping every row it does not
own), validates the merged package and writes it:

    mine = curation.build(INDICATORS, OBSERVATIONS, MENTIONS, RELATIONS, DISCREPANCIES, EXCLUSIONS)
    with curation.locked():                    # other scripts write the same CSVs
        tables = curation.merge(mine, owns)    # re-read the CSVs inside the lock
        ...                                    # the script's own checks (id ranges, coverage, ...)
        curation.validate_merged(tables)       # every rule of `miitdata validate`, on the result
        curation.write_tables(tables, exclusions_path)

The rules the package's validator checks (keys, foreign keys, periods, ranges, quotes, prefixes,
value texts, relation arithmetic, discrepancies) live only in src/miitdata/checks: the scripts
run it on the merged tables instead of re-implementing them. What the validator does not check
(the id ranges a script owns, the coverage of its span, exclusions occurring in their source, an
`exact` on one line) stays here or in the scripts.
"""

from __future__ import annotations

import csv
import fcntl
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]  # this checkout's package and tools, before any installed

from tools.quote import locate, source_text  # noqa: E402

from miitdata.schema import number_text  # noqa: E402

Row = dict[str, str]
Tables = dict[str, list[Row]]

DESCRIPTOR = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
SCHEMAS = {r["name"]: r for r in DESCRIPTOR["resources"]}
# the tables the curation scripts write, with their keys (indicators first: the others refer to them)
KEYS = {
    "indicators": "indicator_id",
    "observations": "observation_id",
    "mentions": "mention_id",
    "relations": "relation_id",
    "discrepancies": "discrepancy_id",
}
EXCLUSION_COLUMNS = ["source_id", "text", "reason"]
CN_NUMERALS = set("〇零一二三四五六七八九十百千万亿两")
LOCK = ROOT / ".curation.lock"


# ---- CSV ---------------------------------------------------------------------------------------
def columns(resource: str) -> list[str]:
    return [f["name"] for f in SCHEMAS[resource]["schema"]["fields"]]


def table_path(resource: str, root: Path = ROOT) -> Path:
    return root / SCHEMAS[resource]["path"]


def read_csv(path: Path) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def read_table(resource: str) -> list[Row]:
    return read_csv(table_path(resource))


def write_csv(path: Path, header: list[str], rows: Iterable[Row]) -> None:
    """UTF-8, LF line ends, minimal quoting; written beside the file and renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n", extrasaction="raise")
        w.writeheader()
        w.writerows(rows)
    tmp.replace(path)


def write_tables(tables: Tables, exclusions_path: Path | None, root: Path = ROOT) -> None:
    """Write the five curated resources (and, unless None, the script's exclusions file)."""
    for name in KEYS:
        write_csv(table_path(name, root), columns(name), tables[name])
    if exclusions_path is not None:
        write_csv(exclusions_path, EXCLUSION_COLUMNS, tables["exclusions"])


def fmt(value: object) -> str:
    """Numbers in their shortest form: 17.84, 1887.5, 15400 (no trailing .0, no exponent)."""
    if isinstance(value, str):
        float(value)  # must read as a number; written as given
        return value
    if isinstance(value, int):
        return str(value)
    f = float(value)
    if f.is_integer():
        return str(int(f))
    text = number_text(f)
    assert "e" not in text, text
    return text


# ---- building the rows a script owns -----------------------------------------------------------
def build(
    indicators: Iterable[tuple],
    observations: Iterable[tuple],
    mentions: Iterable[tuple],
    relations: Iterable[tuple],
    discrepancies: Iterable[tuple],
    exclusions: Iterable[tuple],
    span: tuple[int, int | None] | None = None,
) -> Tables:
    """Rows from a script's tuples. Indicators: (id, name_zh, name_en, unit, kind, minimum, maximum,
    description); observations: (id, indicator, region, period, value, comparator, event,
    derived_by, note); mentions: (id, observation, exact, value_text, value, occurrence, note), the
    source being the id's number (M003-… → S003), offsets computed by `tools.quote.locate`, value
    None for "the observation's value" (filled in by `merge`); relations and discrepancies in their
    columns' order; exclusions: (source_id, text, reason). `span` (start, end or None): where the
    script's mentions must lie in their source.
    """
    men_rows = []
    for mid, oid, exact, value_text, value, occurrence, note in mentions:
        sid = "S" + mid[1:4]
        loc = locate(sid, exact, occurrence)
        start, end = loc["start"], loc["end"]
        assert "\n" not in exact and "\r" not in exact, f"{mid}: exact spans a line break"
        if span is not None:
            lo, hi = span
            assert lo <= start and (hi is None or end <= hi), f"{mid}: outside this script's span {span}"
        value = "" if value is None else fmt(value)
        prefix, suffix = loc["prefix"], loc["suffix"]
        men_rows.append((mid, oid, sid, str(start), str(end), exact, prefix, suffix, value_text, value, note))
    return {
        "indicators": rows(
            "indicators",
            ((i, zh, en, u, k, fmt(lo), fmt(hi), d) for i, zh, en, u, k, lo, hi, d in indicators),
        ),
        "observations": rows(
            "observations", ((o, i, r, p, fmt(v), c, e, d, n) for o, i, r, p, v, c, e, d, n in observations)
        ),
        "mentions": rows("mentions", men_rows),
        "relations": rows("relations", relations),
        "discrepancies": rows("discrepancies", discrepancies),
        "exclusions": [dict(zip(EXCLUSION_COLUMNS, e, strict=True)) for e in exclusions],
    }


def rows(resource: str, tuples: Iterable[Iterable[object]]) -> list[Row]:
    names = columns(resource)
    return [dict(zip(names, t, strict=True)) for t in tuples]


# ---- merging under the lock --------------------------------------------------------------------
@contextmanager
def locked() -> Iterator[None]:
    """Hold the exclusive lock on ROOT/.curation.lock: the scripts read-merge-write the same CSVs."""
    with LOCK.open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def replace_owned(existing: list[Row], mine: list[Row], key: str, owns: Callable[[str], bool]) -> list[Row]:
    """Drop the existing rows whose id the script owns (or lists), add its rows, sort by id."""
    my_ids = {r[key] for r in mine}
    kept = [r for r in existing if r[key] not in my_ids and not owns(r[key])]
    return sorted(kept + mine, key=lambda r: r[key])


def replace_in_place(existing: list[Row], mine: list[Row], key: str) -> list[Row]:
    """Replace rows in place and append new ones: a stable order whatever order the scripts run in."""
    by_id = {r[key]: r for r in mine}
    present = {r[key] for r in existing}
    return [by_id.get(r[key], r) for r in existing] + [r for r in mine if r[key] not in present]


def id_range(prefix: str, lo: int, hi: int) -> Callable[[str], bool]:
    """An owner of the ids `prefix` + number with lo <= number <= hi (`id_range("O", 900, 1299)`)."""
    pattern = re.compile(re.escape(prefix) + "([0-9]+)")

    def owns(i: str) -> bool:
        m = pattern.fullmatch(i)
        return m is not None and lo <= int(m.group(1)) <= hi

    return owns


def merge(mine: Tables, owns: dict[str, Callable[[str], bool]]) -> Tables:
    """Read the CSVs now (call it inside `locked()`) and merge the script's rows into them.

    `owns` maps observations, mentions, relations and discrepancies to the ids the script owns:
    every row it lists must lie there, and the existing rows there are replaced by its rows (the
    result sorted by id). Indicators are replaced in place or appended. Mentions built with no
    value take their observation's. The exclusions are the script's own rows.
    """
    for name, owner in owns.items():
        bad = [r[KEYS[name]] for r in mine[name] if not owner(r[KEYS[name]])]
        assert not bad, f"{name} outside the ids this script owns: {bad}"
    tables = {"indicators": replace_in_place(read_table("indicators"), mine["indicators"], "indicator_id")}
    for name, owner in owns.items():
        tables[name] = replace_owned(read_table(name), mine[name], KEYS[name], owner)
    values = {o["observation_id"]: o["value"] for o in tables["observations"]}
    for m in mine["mentions"]:
        if m["value"] == "":
            m["value"] = values[m["observation_id"]]
    tables["exclusions"] = mine["exclusions"]
    return tables


# ---- checks ------------------------------------------------------------------------------------
class InvalidPackage(AssertionError):
    """The merged tables break a rule of `miitdata validate`."""


def validate_merged(tables: Tables):
    """Validate the merged tables as a package (a temporary copy of this one) with
    `miitdata.validate()`; raise InvalidPackage listing the errors, else return the Report
    (its `.known` holds the failures a discrepancy explains)."""
    import miitdata

    with tempfile.TemporaryDirectory(prefix="miitdata-curation-") as tmp:
        root = Path(tmp)
        shutil.copy2(ROOT / "datapackage.json", root / "datapackage.json")
        shutil.copytree(ROOT / "data", root / "data")
        write_tables(tables, None, root)
        report = miitdata.validate(str(root))
    lines = [f"{e.type} {e.resource} row {e.row} {e.id}: {e.message}" for e in report.errors]
    if lines:
        raise InvalidPackage(f"{len(lines)} validation error(s):\n" + "\n".join(lines))
    return report


def check_mention_sources(mentions: Iterable[Row]) -> None:
    """A mention id carries its source's number: M003-0001 quotes S003."""
    bad = [m["mention_id"] for m in mentions if m["mention_id"][1:4] != m["source_id"][1:]]
    assert not bad, f"mention ids that do not name their source: {bad}"


def known(report, owns: Callable[[str], bool]) -> list[str]:
    """The failures a discrepancy explains (the report's `.known`) on rows the script owns."""
    return [f"{e.type} {e.id} [{e.waived_by}]" for e in report.known if e.id and owns(str(e.id))]


def occurrences(text: str, needle: str) -> Iterator[int]:
    i = text.find(needle)
    while i != -1:
        yield i
        i = text.find(needle, i + 1)


def stale_exclusions(exclusions: Iterable[Row]) -> list[Row]:
    """Exclusions whose text does not occur in their source."""
    return [e for e in exclusions if e["text"] not in source_text(e["source_id"])]


def other_exclusions(own_path: Path) -> list[Row]:
    """The rows of every curation/exclusions*.csv but the script's own."""
    return [
        r for p in sorted((ROOT / "curation").glob("exclusions*.csv")) if p != own_path for r in read_csv(p)
    ]


def uncovered(
    source_id: str,
    mentions: Iterable[Row],
    exclusions: Iterable[Row],
    span: tuple[int, int | None] = (0, None),
) -> list[str]:
    """Digits and Chinese numerals of source[span] inside no mention of it and no exclusion for it
    (`*` = every source), each as `@offset 'ch': …context…`."""
    text = source_text(source_id)
    covered = [False] * len(text)
    for m in mentions:
        if m["source_id"] == source_id:
            covered[int(m["start"]) : int(m["end"])] = [True] * (int(m["end"]) - int(m["start"]))
    for e in exclusions:
        if e["source_id"] in (source_id, "*"):
            for i in occurrences(text, e["text"]):
                covered[i : i + len(e["text"])] = [True] * len(e["text"])
    lo, hi = span
    return [
        f"@{i} {text[i]!r}: …{text[max(0, i - 25) : i + 25]!r}…"
        for i in range(lo, len(text) if hi is None else hi)
        if (text[i].isdigit() or text[i] in CN_NUMERALS) and not covered[i]
    ]
