"""Prototype: a package too large for one in-memory validation, validated as partitions by source.

    python benchmarks/partitioned.py DIR/datapackage.json --parts 10 [--jobs 2] [--work DIR]

Splits the mentions (streamed with pyarrow, never the whole table in memory) into PARTS packages,
each with the sources of its share (sources dealt round-robin) and every mention quoting them, plus
every other table (events, regions, indicators, observations, relations, discrepancies, retired ...)
hard-linked as it is. Then runs `miitdata validate` on each partition in a fresh process, JOBS at a
time (2 on a 2-core machine: the second core), and reports each partition's time and peak RSS, the
total wall time and the largest peak: the memory of a partition, whatever the package's size.

What a partitioned validator must still merge across partitions (not done here; all small): mention_id
unique across partitions (one sorted id column, 10 bytes a mention), `mentions-disagree` per
observation (its agreeing interval from each partition: 2 floats per observation per partition),
`observation-unmentioned` / `derived-mentioned` (the set of observations each partition mentions),
`comparator-contradicts-hedges` (per observation: quote count and hedged count). Every other check
is local to a source (provenance; duplicate-mention keys include the source) or to a row.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

SPLIT = ("sources", "mentions")  # the tables dealt out by source; every other table goes whole to each part
TIME = "/usr/bin/time"


def _link(source: Path, target: Path) -> None:
    """A hard link (the validator refuses symbolic links out of a package), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def split(desc: Path, work: Path, parts: int) -> list[Path]:
    """Write `parts` partition packages under `work`; return their descriptors."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    descriptor = json.loads(desc.read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    root = desc.parent

    def convert(name: str) -> Any:
        fields = dict.fromkeys((f["name"] for f in resources[name]["schema"]["fields"]), pa.large_string())
        return pacsv.ConvertOptions(
            column_types=fields, strings_can_be_null=False, quoted_strings_can_be_null=False
        )

    parse = pacsv.ParseOptions(newlines_in_values=True)
    sources = pacsv.read_csv(
        root / resources["sources"]["path"], parse_options=parse, convert_options=convert("sources")
    )
    ids = sources.column("source_id").to_pylist()
    share = pa.array([i % parts for i in range(len(ids))])
    outs = []
    for k in range(parts):
        out = work / f"part-{k:02d}"
        (out / "data" / "sources").mkdir(parents=True, exist_ok=True)
        subset = sources.filter(pc.equal(share, k))
        mine = set(subset.column("path").to_pylist())  # the part declares the raw texts it holds only
        part = dict(
            descriptor, resources=[r for r in descriptor["resources"] if "schema" in r or r["path"] in mine]
        )
        (out / "datapackage.json").write_text(
            json.dumps(part, ensure_ascii=False, indent=2), encoding="utf-8"
        )
        for name in (n for n, r in resources.items() if "schema" in r and n not in SPLIT):
            target = out / resources[name]["path"]
            target.unlink(missing_ok=True)
            _link(root / resources[name]["path"], target)
        for rel in subset.column("path").to_pylist():
            link = out / rel
            link.unlink(missing_ok=True)
            _link(root / rel, link)
        target = out / resources["sources"]["path"]
        pacsv.write_csv(subset, target, pacsv.WriteOptions(quoting_style="needed"))
        outs.append(out)
    options = pacsv.WriteOptions(quoting_style="needed", include_header=False)
    mentions_path = resources["mentions"]["path"]
    with (root / mentions_path).open(encoding="utf-8") as fh:
        header = fh.readline()
    sinks = [(out / mentions_path).open("wb") for out in outs]
    for sink in sinks:
        sink.write(header.encode("utf-8"))
    reader = pacsv.open_csv(
        root / mentions_path,
        read_options=pacsv.ReadOptions(block_size=1 << 26),
        parse_options=parse,
        convert_options=convert("mentions"),
    )
    lookup = pa.array(ids, type=pa.large_string())
    for batch in reader:
        table = pa.Table.from_batches([batch])
        part = pc.take(share, pc.index_in(table.column("source_id"), value_set=lookup))
        for k, sink in enumerate(sinks):
            chosen = table.filter(pc.equal(part, k))
            if chosen.num_rows:
                pacsv.write_csv(chosen, sink, options)
    for sink in sinks:
        sink.close()
    return [out / "datapackage.json" for out in outs]


def measure(desc: Path) -> tuple[float, float, int, list[dict[str, Any]]]:
    """(wall seconds, peak RSS MiB, exit code, errors) of `miitdata validate` on one partition, a
    fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        peak, report = Path(tmp) / "peak", Path(tmp) / "report.json"
        cmd = [sys.executable, "-m", "miitdata", "validate", str(desc), "--format", "json", "-o", str(report)]
        timed = Path(TIME).is_file()
        full = [TIME, "-o", str(peak), "-f", "%M", *cmd] if timed else cmd
        started = time.perf_counter()
        done = subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        wall = time.perf_counter() - started
        kib = int(peak.read_text().split()[-1]) if timed else 0
        errors = json.loads(report.read_text(encoding="utf-8")).get("errors", []) if report.is_file() else []
    return wall, kib / 1024, done.returncode, errors


def merged(results: list[tuple[float, float, int, list[dict[str, Any]]]]) -> dict[str, int]:
    """The package's error counts: an observation is unmentioned only when no partition mentions it (the
    one cross-partition merge done here); every other error as its partition reports it."""
    counts: dict[str, int] = {}
    unmentioned: set[str] | None = None
    for *_, errors in results:
        here = {str(e.get("id")) for e in errors if e["type"] == "observation-unmentioned"}
        unmentioned = here if unmentioned is None else unmentioned & here
        for e in errors:
            if e["type"] != "observation-unmentioned":
                counts[e["type"]] = counts.get(e["type"], 0) + 1
    if unmentioned:
        counts["observation-unmentioned"] = len(unmentioned)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("descriptor", type=Path)
    parser.add_argument("--parts", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2, help="partitions validated at once (the second core)")
    parser.add_argument("--work", type=Path, help="write the partitions here (kept) instead of a temp dir")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="miitdata-parts-"))
    started = time.perf_counter()
    descs = split(args.descriptor.resolve(), work, args.parts)
    print(f"split into {args.parts} partitions by source in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(measure, descs))
    total = time.perf_counter() - started
    for desc, (wall, rss, code, errors) in zip(descs, results, strict=True):
        print(f"{desc.parent.name}: {wall:7.2f} s  peak {rss:7.0f} MiB  exit {code}  {len(errors)} errors")
    peak = max(r[1] for r in results)
    errors = merged(results)
    print(
        f"partitioned validation: {total:.1f} s wall with {args.jobs} at once, largest peak {peak:.0f} MiB "
        f"({args.jobs} at once: {peak * args.jobs:.0f} MiB); after merging: "
        f"{'valid' if not errors else f'errors {errors}'}"
    )
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
