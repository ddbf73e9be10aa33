"""Locate a quote in a raw source and print its mention fields (offsets computed, never typed).

    python tools/quote.py S000 "东部地区制造业增加值占地区生产总值比重为30.5%" [--occurrence 2]

prints start, end, exact, prefix and suffix as a CSV row. `locate()` is importable by curation
scripts. Fails loudly when the quote is absent or ambiguous without --occurrence.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTEXT = 16


def source_text(source_id: str) -> str:
    with (ROOT / "data" / "sources.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["source_id"] == source_id:
                with (ROOT / row["path"]).open(encoding="utf-8", newline="") as src:
                    return src.read()
    raise SystemExit(f"unknown source {source_id}")


def locate(source_id: str, exact: str, occurrence: int | None = None) -> dict[str, object]:
    text = source_text(source_id)
    starts = []
    i = text.find(exact)
    while i != -1:
        starts.append(i)
        i = text.find(exact, i + 1)
    if not starts:
        raise ValueError(f"{source_id}: quote not found: {exact!r}")
    if occurrence is None:
        if len(starts) > 1:
            raise ValueError(f"{source_id}: quote occurs {len(starts)} times, pass occurrence: {exact!r}")
        occurrence = 1
    start = starts[occurrence - 1]
    end = start + len(exact)
    return {
        "start": start,
        "end": end,
        "exact": exact,
        "prefix": text[max(0, start - CONTEXT) : start],
        "suffix": text[end : end + CONTEXT],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source_id")
    parser.add_argument("exact")
    parser.add_argument("--occurrence", type=int)
    args = parser.parse_args()
    row = locate(args.source_id, args.exact, args.occurrence)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(row.keys())
    writer.writerow(row.values())


if __name__ == "__main__":
    main()
