"""Validation at scale: `miitdata validate` (all layers) against `frictionless validate`, synthetic data.

    python benchmarks/scale.py                       # 10k and 100k mentions
    python benchmarks/scale.py --sizes 10k,100k,1M   # and 1M (frictionless takes minutes there)
    python benchmarks/scale.py --sizes 1M --no-frictionless --keep /tmp/pkg1m

Each package is valid, uses the real `datapackage.json`, and is generated from scratch: raw source
texts (with their real sha256), events, regions, indicators, observations, mentions (verbatim quotes
with offsets, prefix and suffix, so the provenance and consistency layers do full work), relations.
Both validators run in fresh processes in the same run. Peak memory is each validator's own maximum
resident set, from `/usr/bin/time -f %M` wrapped around it (else `os.wait4` on its pid). Not the
parent's ru_maxrss of RUSAGE_CHILDREN (the maximum over all children so far), and not wait4 on a
child of a large parent alone: Linux carries a process's peak RSS across fork and exec, so a child
of this script once it had generated a 1M package reported the generator's 1.2 GiB; the packages are
therefore generated in a separate process as well, and this script stays small.
Prints wall time, rows/s, peak RSS, the ratio frictionless/miitdata and the growth between sizes.

Where issue 17 sets a target (10x frictionless at 100k mentions, 20x at 1M) it also prints the floor
that no implementation with pandera as its content engine can go below: a fresh process that only
imports pandas and pandera and parses every CSV of the package with pyarrow (the cheapest full read)
and checks nothing. When the floor exceeds the time budget (frictionless's time / target), the goal
is impossible while pandera is imported, whatever the checks cost.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTEXT = 16
EVENT = "2022-09-23-miit"
PROVINCES = [
    ("CN-SC", "四川省", "Sichuan"), ("CN-GD", "广东省", "Guangdong"), ("CN-HA", "河南省", "Henan"),
    ("CN-JS", "江苏省", "Jiangsu"), ("CN-ZJ", "浙江省", "Zhejiang"), ("CN-SH", "上海市", "Shanghai"),
]  # fmt: skip
INDICATORS = [
    # id, zh, en, unit, kind, min, max, render(value) -> value_text
    ("mfg_va_share_of_gdp", "制造业增加值占比", "Manufacturing share of GDP", "percent", "share", "0", "100"),
    ("mfg_va", "制造业增加值", "Manufacturing value added", "100m-yuan", "level", "0", "10000000"),
    ("enterprise_count", "企业数量", "Number of enterprises", "count", "count", "0", "100000000"),
]


def parse_size(text: str) -> int:
    text = text.strip().lower()
    factor = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("km")) * factor)


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _period(i: int) -> str:
    """A month before the event, distinct for each observation of the same indicator and region (the
    indicator and region repeat every 6 observations, and (indicator, region, period, status, event)
    is unique): 1880-01 .. 2018-11 for O0001..O9999."""
    months = 1880 * 12 + (i - 1) // len(PROVINCES)
    return f"{months // 12}-{months % 12 + 1:02d}"


def value_and_text(kind: int, rng: random.Random) -> tuple[str, str, str]:
    """(observation value, value_text as a source writes it, the mention's value) for an indicator."""
    if kind == 0:
        v = f"{rng.randint(50, 950) / 10:.1f}"
        return v, f"{v}%", v
    if kind == 1:
        v = f"{rng.randint(101, 999) / 100:.2f}"  # 万亿元 → 100m-yuan: 1.54万亿 = 15400
        yi = str(round(float(v) * 10000))
        return yi, f"{v}万亿元", yi
    n = rng.randint(100, 99999)
    return str(n), f"{n}家", str(n)


def generate(out: Path, mentions: int, seed: int = 7) -> dict[str, int]:
    """Write a valid package with `mentions` mentions at `out`; return the row counts."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "data" / "sources").mkdir(parents=True)
    shutil.copy2(ROOT / "datapackage.json", out / "datapackage.json")
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    descriptor.pop("sources", None)  # the real raw texts are not part of the synthetic package
    (out / "datapackage.json").write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    fields = {r["name"]: [f["name"] for f in r["schema"]["fields"]] for r in descriptor["resources"]}

    n_obs = min(9999, max(1, mentions // 2))  # ids are O0001..O9999
    n_src = min(999, max(2, -(-mentions // 9999)))  # mention ids are M<source>-<0001..9999>
    per_obs = -(-mentions // n_obs)

    def row(name: str, values: dict[str, str]) -> list[str]:
        return [values.get(f, "") for f in fields[name]]

    _write(out / "data" / "events.csv", fields["events"], [row("events", {
        "event_id": EVENT, "date": "2022-09-23", "host": "工业和信息化部", "title_zh": "合成数据发布会",
        "title_en": "Synthetic press conference", "location": "Beijing"})])  # fmt: skip
    regions = [row("regions", {"region_id": "CN", "name_zh": "中国", "name_en": "China", "level": "country"})]
    for rid, zh, en in PROVINCES:
        regions.append(row("regions", {
            "region_id": rid, "name_zh": zh, "name_en": en, "level": "province", "iso_3166_2": rid,
            "parent": "CN"}))  # fmt: skip
    _write(out / "data" / "regions.csv", fields["regions"], regions)
    _write(out / "data" / "indicators.csv", fields["indicators"], [
        row("indicators", dict(zip(
            ["indicator_id", "name_zh", "name_en", "unit", "kind", "minimum", "maximum"], ind, strict=True)))
        for ind in INDICATORS
    ])  # fmt: skip

    observations, facts = [], []
    for i in range(1, n_obs + 1):
        kind = i % len(INDICATORS)
        region = PROVINCES[i % len(PROVINCES)]
        value, value_text, mention_value = value_and_text(kind, rng)
        oid = f"O{i:04d}"
        observations.append(row("observations", {
            "observation_id": oid, "indicator_id": INDICATORS[kind][0], "region_id": region[0],
            "period": _period(i), "value": value, "comparator": "=", "status": "actual",
            "event_id": EVENT}))  # fmt: skip
        facts.append((oid, region[1], INDICATORS[kind][1], value_text, mention_value))
    _write(out / "data" / "observations.csv", fields["observations"], observations)

    # Mentions: the k-th statement of each fact goes to a source round-robin; each source text is the
    # concatenation of its sentences, and each mention quotes "<indicator>为<value_text>" in it.
    texts: list[list[str]] = [[] for _ in range(n_src)]
    lengths = [0] * n_src
    mention_rows: list[list[str]] = []
    counters = [0] * n_src
    made = 0
    for k in range(per_obs):
        for oid, region, indicator, value_text, mention_value in facts:
            if made >= mentions:
                break
            s = made % n_src
            made += 1
            counters[s] += 1
            lead = f"据介绍，{region}{k + 1}年"
            exact = f"{indicator}为{value_text}"
            sentence = f"{lead}{exact}，同比保持增长。\n"
            start = lengths[s] + len(lead)
            texts[s].append(sentence)
            lengths[s] += len(sentence)
            mention_rows.append(
                [s, start, start + len(exact), oid, exact, value_text, mention_value, counters[s]]
            )  # value_text ends the quote: "<indicator>为<value_text>"
    sources, mentions_out = [], []
    full_texts = ["".join(parts) for parts in texts]
    for s, text in enumerate(full_texts):
        data = text.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        rel = f"data/sources/{s:03d}_{digest[:16]}.txt"
        (out / rel).write_bytes(data)
        sources.append(row("sources", {
            "source_id": f"S{s:03d}", "event_id": EVENT, "path": rel, "sha256": digest, "language": "zh",
            "kind": "news-report", "machine_translated": "false", "publisher": "合成日报",
            "date_published": "2022-09-24", "title": f"合成报道 {s}"}))  # fmt: skip
    _write(out / "data" / "sources.csv", fields["sources"], sources)
    for s, start, end, oid, exact, value_text, mention_value, n in mention_rows:
        text = full_texts[s]
        mentions_out.append(row("mentions", {
            "mention_id": f"M{s:03d}-{n:04d}", "observation_id": oid, "source_id": f"S{s:03d}",
            "start": str(start), "end": str(end), "exact": exact,
            "value_start": str(end - len(value_text)), "value_end": str(end),
            "prefix": text[max(0, start - CONTEXT):start], "suffix": text[end:end + CONTEXT],
            "value_text": value_text, "value": mention_value}))  # fmt: skip
    _write(out / "data" / "mentions.csv", fields["mentions"], mentions_out)
    # A few relations that hold (equal: an observation equals itself), and no discrepancies.
    relations = [
        row("relations", {
            "relation_id": f"R{i:04d}", "kind": "equal", "target": f"O{i:04d}", "operands": f"O{i:04d}",
            "tolerance": "half-unit", "expected": "holds", "statement": "x = x"})
        for i in range(1, min(n_obs, 100) + 1)
    ]  # fmt: skip
    _write(out / "data" / "relations.csv", fields["relations"], relations)
    _write(out / "data" / "discrepancies.csv", fields["discrepancies"], [])
    return {
        "events": 1, "sources": n_src, "regions": len(regions), "indicators": len(INDICATORS),
        "observations": n_obs, "mentions": len(mentions_out), "relations": len(relations),
    }  # fmt: skip


TIME = "/usr/bin/time"


def run(cmd: list[str]) -> tuple[float, float, int, str]:
    """(wall seconds, peak RSS in MiB of that process alone, exit code, stderr tail) of a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        peak_file = Path(tmp) / "peak"
        timed = Path(TIME).is_file()
        full = [TIME, "-o", str(peak_file), "-f", "%M", *cmd] if timed else cmd
        started = time.perf_counter()
        proc = subprocess.Popen(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tmp)
        err_bytes = proc.stderr.read() if proc.stderr else b""
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        if proc.stderr:
            proc.stderr.close()
        proc.returncode = os.waitstatus_to_exitcode(status)
        peak_kib = usage.ru_maxrss
        if timed:
            lines = peak_file.read_text(encoding="utf-8").split()
            peak_kib = int(lines[-1]) if lines and lines[-1].isdigit() else peak_kib
    return wall, peak_kib / 1024, proc.returncode, err_bytes.decode("utf-8", "replace")[-300:]


TARGETS = {100_000: 10.0, 1_000_000: 20.0}  # issue 17: speed-up over frictionless at these sizes
FLOOR = """
import json, pathlib, sys
import pandas, pandera.pandas, pyarrow as pa, pyarrow.csv as pacsv
desc = pathlib.Path(sys.argv[1])
for r in json.loads(desc.read_text(encoding="utf-8"))["resources"]:
    text = dict.fromkeys((f["name"] for f in r["schema"]["fields"]), pa.large_string())
    pacsv.read_csv(
        desc.parent / r["path"],
        read_options=pacsv.ReadOptions(use_threads=True, block_size=1 << 24),
        convert_options=pacsv.ConvertOptions(column_types=text, strings_can_be_null=False),
    )
"""


def floor(py: str, desc: str, repeat: int = 3) -> float:
    """Median wall time of importing pandas + pandera and parsing every CSV with pyarrow (no checks)."""
    times = sorted(run([py, "-c", FLOOR, desc])[0] for _ in range(repeat))
    return times[len(times) // 2]


def line(name: str, wall: float, rows: int, rss: float, status: str) -> None:
    print(f"{name:<40} {wall:8.2f} s {rows / wall:>10,.0f} rows/s  peak {rss:6.0f} MiB  {status}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10k,100k", help="mention counts, e.g. 10k,100k,1M")
    parser.add_argument("--no-frictionless", action="store_true", help="skip the reference validator")
    parser.add_argument("--keep", type=Path, help="generate into this directory (kept) instead of a temp dir")
    parser.add_argument("--generate", nargs=2, metavar=("MENTIONS", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:  # the child that writes one package (keeps the measuring process small)
        print(json.dumps(generate(Path(args.generate[1]), int(args.generate[0]))))
        return
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    py = sys.executable
    frictionless = shutil.which("frictionless") or str(Path(py).with_name("frictionless"))
    base = args.keep or Path(tempfile.mkdtemp(prefix="miitdata-scale-"))
    results: dict[int, dict[str, float]] = {}
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; fresh processes; "
        f"peak RSS = {'/usr/bin/time %M' if Path(TIME).is_file() else 'os.wait4 ru_maxrss'} of each validator"
    )
    for size in sizes:
        pkg = base / f"pkg-{size}"
        t = time.perf_counter()
        made = subprocess.run(
            [py, __file__, "--generate", str(size), str(pkg)], check=True, capture_output=True, text=True
        )
        counts = json.loads(made.stdout)
        rows = sum(counts.values())
        print(f"\n== {size:,} mentions ({rows:,} rows in all; generated in {time.perf_counter() - t:.1f} s)")
        desc = str(pkg / "datapackage.json")
        cmd = [py, "-m", "miitdata", "validate", desc, "--format", "json", "-o", os.devnull]
        wall, rss, code, err = run(cmd)
        results[size] = {"miitdata": wall, "rss": rss}
        status = "valid" if code == 0 else f"exit {code} {err}"
        line(f"miitdata validate (all layers) {size:,}", wall, rows, rss, status)
        if not args.no_frictionless:
            wall_f, rss_f, code_f, err_f = run([frictionless, "validate", desc])
            results[size].update(frictionless=wall_f, rss_f=rss_f)
            status_f = "valid" if code_f == 0 else f"exit {code_f} {err_f}"
            line(f"frictionless validate {size:,}", wall_f, rows, rss_f, status_f)
            print(f"frictionless / miitdata: {wall_f / wall:.1f}x faster")
            if size in TARGETS:
                target = TARGETS[size]
                budget, low = wall_f / target, floor(py, desc)
                verdict = "ok" if wall <= budget else "MISSED"
                why = (
                    "impossible while pandera is imported: the floor alone exceeds the budget"
                    if low > budget
                    else f"the floor leaves {budget - low:.2f} s for every check"
                )
                print(
                    f"target {target:.0f}x: budget {budget:.2f} s; floor (import pandas+pandera, pyarrow "
                    f"parse, no checks) {low:.2f} s; {verdict}; {why}"
                )
    for a, b in itertools.pairwise(sizes):
        growth = results[b]["miitdata"] / results[a]["miitdata"]
        print(
            f"\ngrowth {a:,} -> {b:,} mentions ({b / a:.0f}x the data): miitdata {growth:.1f}x time", end=""
        )
        print(f", {results[b]['rss'] / results[a]['rss']:.1f}x peak memory")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
