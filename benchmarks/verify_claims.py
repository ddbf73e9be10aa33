"""Accuracy of `miitdata verify` on the claim benchmark (tests/claims/claims.csv, or another CSV with the
same columns: claim_id, lang, kind, expected, differs, derived_from, claim).

    python benchmarks/verify_claims.py [CLAIMS.csv] [--show-wrong]

A claim counts as right when its overall verdict is the expected one and, for a contradiction, the
contradicted figure says how it differs as expected (value, year, region, scale, unit, comparator).
Prints accuracy per kind and per language, and the number of false "supported" verdicts (a claim that
is not supported by the sources but comes back supported), which must be 0; exits 1 if it is not.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", nargs="?", default=str(ROOT / "tests" / "claims" / "claims.csv"))
    parser.add_argument("--show-wrong", action="store_true", help="print each claim judged wrongly")
    args = parser.parse_args()
    from miitdata.verify import verifier

    started = time.perf_counter()
    checker = verifier()
    built = time.perf_counter() - started
    with open(args.claims, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    false_supported = []
    started = time.perf_counter()
    for row in rows:
        result = checker.verify(row["claim"])
        differs = {f.differs for f in result.figures if f.verdict == "contradicted"}
        ok = result.verdict == row["expected"] and (not row.get("differs") or row["differs"] in differs)
        for key in (row["kind"], f"lang:{row['lang']}", "all"):
            total[key] += 1
            right[key] += ok
        if result.verdict == "supported" and row["expected"] != "supported":
            false_supported.append(row["claim_id"])
        if not ok and args.show_wrong:
            print(f"  wrong {row['claim_id']}: expected {row['expected']} {row.get('differs', '')}, "
                  f"got {result.verdict} {sorted(differs)}: {row['claim']}")  # fmt: skip
    elapsed = time.perf_counter() - started
    print(f"miitdata {checker.version}: {len(rows)} claims ({args.claims})")
    print(f"{'kind':<14} {'claims':>6} {'right':>6} {'accuracy':>9}")
    order = sorted(k for k in total if k != "all" and not k.startswith("lang:"))
    for key in [*order, *sorted(k for k in total if k.startswith("lang:")), "all"]:
        print(f"{key:<14} {total[key]:>6} {right[key]:>6} {right[key] / total[key]:>9.1%}")
    print(
        f"false supported: {len(false_supported)}"
        + (f" ({', '.join(false_supported)})" if false_supported else "")
    )
    print(f"index built in {built:.2f} s; {elapsed / max(len(rows), 1) * 1000:.1f} ms per claim")
    return 1 if false_supported else 0


if __name__ == "__main__":
    sys.exit(main())
