"""Validation at scale: `miitdata validate` (all layers) against `frictionless validate` and the floor.

    python benchmarks/scale.py                                    # 10k and 100k mentions
    python benchmarks/scale.py --sizes shipped,100k,1M,10M --frictionless-max 1M   # issue 28's table
    python benchmarks/scale.py --sizes 1M --no-frictionless --keep ../pkg1m

`shipped` is the bundled package; the others are synthetic packages generated from scratch, each
valid, with the real `datapackage.json`: raw source texts (with their real sha256), events, regions,
indicators, observations, mentions (verbatim quotes with offsets, prefix and suffix, so the provenance
and consistency layers do full work), relations. The generator streams (flat memory at 10M). Above
9,989,001 mentions (the schema's ids M000-0001..M998-9999) the synthetic descriptor lets mention ids
have a fifth digit; nothing else changes.

Each package is measured in rounds: miitdata, frictionless, the floor, in turn, each a fresh process;
the table gives medians (`--repeat`, default 3; sizes above 1M run once). `--frictionless-max SIZE`
skips frictionless above SIZE mentions (it takes many minutes at 10M); the table says so.
The *floor* is what any validator whose content engine is pandera pays before checking anything: a
fresh process that imports pandas and pandera and parses every CSV of the package with pyarrow (the
cheapest full read), checking nothing.
Peak memory is each validator's own maximum resident set, from `/usr/bin/time -f %M` wrapped around
it (else `os.wait4` on its pid). Not the parent's ru_maxrss of RUSAGE_CHILDREN (the maximum over all
children so far), and not wait4 on a child of a large parent alone: Linux carries a process's peak
RSS across fork and exec, so the packages are generated in a separate process, and this script stays
small. Prints each measurement, the growth between sizes, issue 28's goals against this run, and the
whole run as one Markdown table (the one in benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import collections
import csv
import dataclasses
import hashlib
import inspect
import itertools
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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
    descriptor["resources"] = [r for r in descriptor["resources"] if "schema" in r]  # nor their resources
    (out / "datapackage.json").write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    fields = {r["name"]: [f["name"] for f in r["schema"]["fields"]] for r in descriptor["resources"]}

    n_obs = min(9999, max(1, mentions // 2))  # ids are O0001..O9999
    n_src = min(999, max(2, -(-mentions // 9999)))  # mention ids are M<source>-<0001..9999>
    per_obs = -(-mentions // n_obs)

    def row(name: str, values: dict[str, str]) -> list[str]:
        return [values.get(f, "") for f in fields[name]]

    (out / "data").mkdir(parents=True, exist_ok=True)
    if "retired" in fields:  # no id of a synthetic package is retired: the table is its header
        _write(out / "data" / "retired.csv", fields["retired"], [])

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
    # Streamed: a mention's suffix needs its source's next sentence, which comes n_src mentions later,
    # so rows wait in a queue of n_src; texts go to their files in pieces (memory stays flat at 10M).
    mention_fields = fields["mentions"]
    wide = n_src * 9999 < mentions  # more mentions than the schema's ids M000-0001..M998-9999 number
    if wide:  # the synthetic package widens the id pattern (ids get a 5th digit); nothing else changes
        for r in descriptor["resources"]:
            if r["name"] == "mentions":
                for f in r["schema"]["fields"]:
                    if f["name"] == "mention_id":
                        f["constraints"]["pattern"] = "^M[0-9]{3}-[0-9]{4,5}$"
        (out / "datapackage.json").write_text(
            json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8"
        )
    texts = _SourceTexts(out, n_src)
    lengths = [0] * n_src
    tails = [""] * n_src  # each source's last CONTEXT code points so far
    counters = [0] * n_src
    queue: collections.deque[list[Any]] = collections.deque()
    made = 0
    with (out / "data" / "mentions.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(mention_fields)

        def finish(pending: list[Any], following: str) -> None:
            s, n, start, end, oid, exact, value_text, mention_value, prefix, rest = pending
            writer.writerow([{
                "mention_id": f"M{s:03d}-{n:04d}", "observation_id": oid, "source_id": f"S{s:03d}",
                "start": str(start), "end": str(end), "exact": exact,
                "value_start": str(end - len(value_text)), "value_end": str(end),
                "prefix": prefix, "suffix": (rest + following)[:CONTEXT],
                "value_text": value_text, "value": mention_value,
            }.get(f, "") for f in mention_fields])  # fmt: skip

        for k in range(per_obs):
            for oid, region, indicator, value_text, mention_value in facts:
                if made >= mentions:
                    break
                s = made % n_src
                made += 1
                counters[s] += 1
                lead = f"据介绍，{region}{k + 1}年"
                exact = f"{indicator}为{value_text}"
                rest = "，同比保持增长。\n"  # value_text ends the quote: "<indicator>为<value_text>"
                sentence = f"{lead}{exact}{rest}"
                start = lengths[s] + len(lead)
                prefix = (tails[s] + lead)[-CONTEXT:]
                if len(queue) == n_src:  # the oldest row's source is s: this sentence follows it
                    finish(queue.popleft(), sentence)
                end = start + len(exact)
                pending = [s, counters[s], start, end, oid, exact, value_text, mention_value, prefix, rest]
                queue.append(pending)
                texts.add(s, sentence)
                lengths[s] += len(sentence)
                tails[s] = (tails[s] + sentence)[-CONTEXT:]
        while queue:
            finish(queue.popleft(), "")  # the last sentence of its source
    sources = []
    written = texts.close()
    for s, (rel, digest) in enumerate(written):
        sources.append(row("sources", {
            "source_id": f"S{s:03d}", "event_id": EVENT, "path": rel, "sha256": digest, "language": "zh",
            "kind": "news-report", "machine_translated": "false", "publisher": "合成日报",
            "date_published": "2022-09-24", "title": f"合成报道 {s}"}))  # fmt: skip
    _write(out / "data" / "sources.csv", fields["sources"], sources)
    # Each synthetic text is a resource too, with hash and bytes (as the real package declares its
    # raw texts): `frictionless validate` checks them, and miitdata's text-resource-mismatch rule runs.
    for s, (rel, digest) in enumerate(written):
        descriptor["resources"].append({
            "name": f"text-s{s:03d}", "path": rel, "format": "txt", "mediatype": "text/plain",
            "encoding": "utf-8", "title": f"合成报道 {s}", "hash": f"sha256:{digest}",
            "bytes": (out / rel).stat().st_size})  # fmt: skip
    (out / "datapackage.json").write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8"
    )
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
        "observations": n_obs, "mentions": made, "relations": len(relations),
    }  # fmt: skip


class _SourceTexts:
    """The source texts, written in pieces (to a temporary name, renamed to their digest at the end)."""

    FLUSH = 1 << 25  # bytes held before writing them out

    def __init__(self, out: Path, n: int) -> None:
        self.dir = out / "data" / "sources"
        self.pending: list[list[bytes]] = [[] for _ in range(n)]
        self.hashes = [hashlib.sha256() for _ in range(n)]
        self.held = 0

    def add(self, s: int, sentence: str) -> None:
        data = sentence.encode("utf-8")
        self.pending[s].append(data)
        self.hashes[s].update(data)
        self.held += len(data)
        if self.held > self.FLUSH:
            self._flush()

    def _flush(self) -> None:
        for s, parts in enumerate(self.pending):
            if parts:
                with (self.dir / f"{s:03d}.part").open("ab") as fh:
                    fh.write(b"".join(parts))
                parts.clear()
        self.held = 0

    def close(self) -> list[tuple[str, str]]:
        """(path relative to the package, sha256) of each text."""
        self._flush()
        done = []
        for s, h in enumerate(self.hashes):
            digest = h.hexdigest()
            rel = f"data/sources/{s:03d}_{digest[:16]}.txt"
            part = self.dir / f"{s:03d}.part"
            part.touch()
            part.rename(self.dir.parent.parent / rel)
            done.append((rel, digest))
        return done


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


FLOOR = """
import json, pathlib, sys
import pandas, pandera.pandas, pyarrow as pa, pyarrow.csv as pacsv
desc = pathlib.Path(sys.argv[1])
for r in json.loads(desc.read_text(encoding="utf-8"))["resources"]:
    if "schema" not in r:
        continue  # a raw text, not a table
    text = dict.fromkeys((f["name"] for f in r["schema"]["fields"]), pa.large_string())
    pacsv.read_csv(
        desc.parent / r["path"],
        read_options=pacsv.ReadOptions(use_threads=True, block_size=1 << 24),
        parse_options=pacsv.ParseOptions(newlines_in_values=True),  # a quoted cell may hold a line break
        convert_options=pacsv.ConvertOptions(column_types=text, strings_can_be_null=False),
    )
"""
SHIPPED = "shipped"
COUNTS = "counts.json"  # the row counts, written beside a generated package


def generator_id() -> str:
    """What a kept package was generated from: the generator's code and constants, and the real
    descriptor it copies. A kept package is reused only when these are unchanged (an older generator's
    package may not be valid under the current rules); the measuring code may change freely."""
    parts = [inspect.getsource(f) for f in (_write, _period, value_and_text, generate, _SourceTexts)]
    parts.append(repr((CONTEXT, EVENT, PROVINCES, INDICATORS)))
    digest = hashlib.sha256("\n".join(parts).encode("utf-8"))
    digest.update((ROOT / "datapackage.json").read_bytes())
    return digest.hexdigest()[:16]


ONCE_ABOVE = 1_000_000  # sizes above this run each command once (a 10M run takes minutes)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


@dataclasses.dataclass
class Result:
    """The measurements of one package: medians of interleaved fresh-process runs."""

    label: str
    rows: int
    mentions: int
    runs: int
    miitdata: list[float] = dataclasses.field(default_factory=list)
    rss: list[float] = dataclasses.field(default_factory=list)
    frictionless: list[float] = dataclasses.field(default_factory=list)
    rss_f: list[float] = dataclasses.field(default_factory=list)
    floor: list[float] = dataclasses.field(default_factory=list)
    status: str = "valid"
    skipped: str = ""  # why frictionless did not run

    @property
    def wall(self) -> float:
        return median(self.miitdata)


def measure(py: str, frictionless: str | None, desc: str, result: Result, repeat: int) -> None:
    """Run miitdata, frictionless (when given) and the floor in turn, `repeat` rounds, fresh processes."""
    cmd = [py, "-m", "miitdata", "validate", desc, "--format", "json", "-o", os.devnull]
    for _ in range(repeat):
        wall, rss, code, err = run(cmd)
        result.miitdata.append(wall)
        result.rss.append(rss)
        if code != 0:
            result.status = f"exit {code} {err}"
        if frictionless is not None:
            wall_f, rss_f, code_f, err_f = run([frictionless, "validate", desc])
            result.frictionless.append(wall_f)
            result.rss_f.append(rss_f)
            if code_f != 0:
                result.skipped = f"frictionless exit {code_f} {err_f}"
        wall_floor, _rss, code_floor, err_floor = run([py, "-c", FLOOR, desc])
        if code_floor != 0:  # a floor that crashed early would look fast: stop rather than print it
            raise SystemExit(f"the floor failed on {desc} (exit {code_floor}): {err_floor}")
        result.floor.append(wall_floor)


def line(name: str, wall: float, rows: int, rss: float, status: str) -> None:
    print(f"{name:<40} {wall:8.2f} s {rows / wall:>10,.0f} rows/s  peak {rss:6.0f} MiB  {status}")


def verdicts(results: list[Result]) -> list[str]:
    """Issue 28's goals, checked against this run."""
    out = []
    by = {r.label: r for r in results}
    if SHIPPED in by:
        r = by[SHIPPED]
        low = median(r.floor)
        out.append(
            f"shipped: miitdata {r.wall:.2f} s, floor (import pandas+pandera, parse) {low:.2f} s: "
            f"{r.wall - low:+.2f} s (goal <= +0.20 s): {'ok' if r.wall - low <= 0.2 else 'MISSED'}"
        )
    if "1M" in by:
        r = by["1M"]
        low, peak = median(r.floor), median(r.rss)
        out.append(
            f"1M: {r.wall / low:.1f}x the floor (goal <= 3x): {'ok' if r.wall <= 3 * low else 'MISSED'}; "
            f"peak {peak:.0f} MiB (goal <= 700): {'ok' if peak <= 700 else 'MISSED'}"
        )
        if r.frictionless:
            speed = median(r.frictionless) / r.wall
            verdict = "ok" if speed >= 10 else "MISSED"
            out.append(f"1M: {speed:.1f}x faster than frictionless (goal >= 10x): {verdict}")
    if "1M" in by and "10M" in by:
        r, base = by["10M"], by["1M"]
        growth, peak = r.wall / base.wall, median(r.rss)
        out.append(
            f"10M: {growth:.1f}x the 1M time (goal <= 12x): {'ok' if growth <= 12 else 'MISSED'}; "
            f"peak {peak / 1024:.2f} GiB (goal <= 6): {'ok' if peak <= 6 * 1024 else 'MISSED'}"
        )
    return out


def table(results: list[Result]) -> str:
    """The run as a Markdown table (benchmarks/README.md)."""
    head = (
        "| package (mentions / rows) | miitdata validate | frictionless validate | floor | miitdata / floor "
        "| frictionless / miitdata | peak RSS miitdata | peak RSS frictionless |\n"
        "|---|--:|--:|--:|--:|--:|--:|--:|"
    )
    lines = [head]
    for r in results:
        low = median(r.floor)
        fl = median(r.frictionless)
        name = "shipped" if r.label == SHIPPED else f"synthetic {r.label}"
        if r.frictionless:
            fric, ratio, rss_f = f"{fl:.2f} s", f"{fl / r.wall:.1f}x", f"{median(r.rss_f):,.0f} MiB"
        else:
            fric, ratio, rss_f = f"not run ({r.skipped})", "–", "–"
        cells = [
            f"{name} ({r.mentions:,} / {r.rows:,})", f"{r.wall:.2f} s", fric, f"{low:.2f} s",
            f"{r.wall / low:.2f}x", ratio, f"{median(r.rss):,.0f} MiB", rss_f,
        ]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes",
        default="10k,100k",
        help="mention counts, e.g. shipped,100k,1M,10M (shipped: the bundled package)",
    )
    parser.add_argument("--no-frictionless", action="store_true", help="skip the reference validator")
    parser.add_argument(
        "--frictionless-max", metavar="SIZE", help="run frictionless only up to this many mentions (e.g. 1M)"
    )
    parser.add_argument(
        "--repeat", type=int, default=3,
        help=f"interleaved rounds per package (medians); sizes above {ONCE_ABOVE:,} run once",
    )  # fmt: skip
    parser.add_argument("--keep", type=Path, help="generate into this directory (kept) instead of a temp dir")
    parser.add_argument("--generate", nargs=2, metavar=("MENTIONS", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:  # the child that writes one package (keeps the measuring process small)
        counts = generate(Path(args.generate[1]), int(args.generate[0]))
        made = {**counts, "generator": generator_id()}
        (Path(args.generate[1]) / COUNTS).write_text(json.dumps(made), encoding="utf-8")
        print(json.dumps(counts))
        return
    labels = [s.strip() for s in args.sizes.split(",") if s.strip()]
    f_max = parse_size(args.frictionless_max) if args.frictionless_max else None
    py = sys.executable
    frictionless = shutil.which("frictionless") or str(Path(py).with_name("frictionless"))
    if not Path(frictionless).exists():
        frictionless = ""
    base = args.keep or Path(tempfile.mkdtemp(prefix="miitdata-scale-"))
    base = base.resolve()  # each command runs in its own temporary directory
    results: list[Result] = []
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; fresh processes, interleaved "
        f"(miitdata, frictionless, floor), medians of {args.repeat} (1 above {ONCE_ABOVE:,} mentions); "
        f"peak RSS = {'/usr/bin/time %M' if Path(TIME).is_file() else 'os.wait4 ru_maxrss'} of each validator"
    )
    for label in labels:
        if label.lower() == SHIPPED:
            desc = str(ROOT / "datapackage.json")
            counts = _counts(Path(desc))
            label = SHIPPED
            size = counts["mentions"]
            print(f"\n== shipped package ({sum(counts.values()):,} rows)")
        else:
            size = parse_size(label)
            pkg = base / f"pkg-{size}"
            t = time.perf_counter()
            have = pkg / "datapackage.json"
            made_counts = pkg / COUNTS  # what the generator made (--keep: reused when it is the size
            # asked, from this generator and descriptor)
            kept = json.loads(made_counts.read_text(encoding="utf-8")) if made_counts.is_file() else {}
            if (
                not have.is_file()
                or kept.get("mentions") != size
                or kept.pop("generator", None) != generator_id()
            ):
                cmd = [py, __file__, "--generate", str(size), str(pkg)]
                made = subprocess.run(cmd, check=True, capture_output=True, text=True)
                counts = json.loads(made.stdout)
            else:
                counts = kept
            ready = time.perf_counter() - t
            print(f"\n== {size:,} mentions ({sum(counts.values()):,} rows in all; ready in {ready:.1f} s)")
            desc = str(pkg / "datapackage.json")
        rows = sum(counts.values())
        repeat = 1 if size > ONCE_ABOVE else args.repeat
        result = Result(label, rows, size, repeat)
        run_f = bool(frictionless) and not args.no_frictionless and (f_max is None or size <= f_max)
        if not run_f:
            result.skipped = (
                "--no-frictionless" if args.no_frictionless or not frictionless
                else f"above --frictionless-max {args.frictionless_max}"
            )  # fmt: skip
        measure(py, frictionless if run_f else None, desc, result, repeat)
        line(f"miitdata validate (all layers) {label}", result.wall, rows, median(result.rss), result.status)
        if result.frictionless:
            fl = median(result.frictionless)
            line(f"frictionless validate {label}", fl, rows, median(result.rss_f), result.skipped or "valid")
            print(f"frictionless / miitdata: {fl / result.wall:.1f}x")
        else:
            print(f"frictionless validate: not run ({result.skipped})")
        low = median(result.floor)
        ratio = result.wall / low
        print(
            f"floor (import pandas+pandera, pyarrow parse, no checks) {low:.2f} s; miitdata {ratio:.2f}x it"
        )
        results.append(result)
    for a, b in itertools.pairwise([r for r in results if r.label != SHIPPED]):
        print(
            f"\ngrowth {a.mentions:,} -> {b.mentions:,} mentions ({b.mentions / a.mentions:.0f}x the data): "
            f"miitdata {b.wall / a.wall:.1f}x time, {median(b.rss) / median(a.rss):.1f}x peak memory",
            end="",
        )
    print("\n")
    for v in verdicts(results):
        print(v)
    print()
    print(table(results))
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)


def _counts(desc: Path) -> dict[str, int]:
    """Rows per resource of an existing package (data lines: the CSVs have no line breaks inside cells
    except the synthetic suffixes', so this counts records with the csv module)."""
    descriptor = json.loads(desc.read_text(encoding="utf-8"))
    counts = {}
    for r in descriptor["resources"]:
        if "schema" not in r:
            continue  # a raw text, not a table
        with (desc.parent / r["path"]).open(encoding="utf-8", newline="") as fh:
            counts[r["name"]] = sum(1 for _ in csv.reader(fh)) - 1
    return counts


if __name__ == "__main__":
    main()
