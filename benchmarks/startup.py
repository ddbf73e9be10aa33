"""Start-up costs, each in fresh processes against `python -c pass` measured in the same run.

    python benchmarks/startup.py [--repeat 15]

Targets: `import miitdata` within 30 ms of bare Python; `miitdata.load()` within 1.2x of
`pandas.read_csv` on the same CSV files (both in a fresh process, so both pay for importing pandas);
`miitdata validate` (all layers) on the bundled package within 0.2 s of its floor, a fresh process
that only imports pandas and pandera (issue 28; printed beside it), and its ratio to `frictionless
validate datapackage.json` (when frictionless is installed). Commands run interleaved, round by
round. Prints the median wall time of each command
and its difference/ratio to the baseline.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def once(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def walls(commands: dict[str, list[str]], repeat: int) -> dict[str, float]:
    """Median wall time of each command: one warm-up each, then `repeat` rounds of every command in
    turn (interleaved, so a busy moment of the machine costs all of them alike)."""
    for cmd in commands.values():
        once(cmd)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, cmd in commands.items():
            times[name].append(once(cmd))
    return {name: statistics.median(t) for name, t in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    py = sys.executable
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    files = [str(ROOT / r["path"]) for r in descriptor["resources"] if "schema" in r]  # tables, not texts
    read_csv = (
        "import pandas as pd\n"
        f"for f in {files!r}:\n"
        "    pd.read_csv(f, dtype=str, keep_default_na=False, encoding='utf-8')"
    )
    commands = {
        "python -c pass": [py, "-c", "pass"],
        "import miitdata": [py, "-c", "import miitdata"],
        "pandas.read_csv (all resources)": [py, "-c", read_csv],
        "miitdata.load()": [py, "-c", "import miitdata; miitdata.load()"],
        "miitdata --help": [py, "-m", "miitdata", "--help"],
        "miitdata validate (bundled)": [py, "-m", "miitdata", "validate"],
        # the floor of any validator whose content engine is pandera: its imports, nothing checked
        "import pandas, pandera": [py, "-c", "import pandas, pandera.pandas"],
    }
    frictionless = shutil.which("frictionless") or str(Path(py).with_name("frictionless"))
    if Path(frictionless).exists():
        commands["frictionless validate datapackage.json"] = [frictionless, "validate", "datapackage.json"]
    results = walls(commands, args.repeat)
    base = results["python -c pass"]
    print(f"median of {args.repeat} fresh processes each, python {sys.version.split()[0]}")
    for name, seconds in results.items():
        print(f"{name:<40} {seconds * 1000:8.1f} ms   {(seconds - base) * 1000:+8.1f} ms vs bare python")
    imp = (results["import miitdata"] - base) * 1000
    ratio = results["miitdata.load()"] / results["pandas.read_csv (all resources)"]
    print(
        f"import miitdata costs {imp:.1f} ms over bare python (target <= 30 ms): "
        f"{'ok' if imp <= 30 else 'MISSED'}"
    )
    print(f"load() / pandas.read_csv = {ratio:.2f}x (target <= 1.2x): {'ok' if ratio <= 1.2 else 'MISSED'}")
    low = results["import pandas, pandera"]
    ours = results["miitdata validate (bundled)"]
    over = ours - low
    print(
        f"miitdata validate (bundled) {ours * 1000:.0f} ms, floor (import pandas + "
        f"pandera) {low * 1000:.0f} ms: {over * 1000:+.0f} ms (target <= +200 ms, issue 28): "
        f"{'ok' if over <= 0.2 else 'MISSED'}"
    )
    if "frictionless validate datapackage.json" in results:
        vs = results["miitdata validate (bundled)"] / results["frictionless validate datapackage.json"]
        verdict = "ok" if vs <= 1 else "MISSED"
        print(f"miitdata validate / frictionless validate = {vs:.2f}x (target <= 1x): {verdict}")
        fl = results["frictionless validate datapackage.json"]
        low = results["import pandas, pandera"]
        print(
            f"floor: importing pandas + pandera alone takes {low / fl:.2f}x frictionless's whole run; "
            f"the < 1x goal leaves {(fl - low) * 1000:.0f} ms to read, check and report "
            f"(miitdata spends {(results['miitdata validate (bundled)'] - low) * 1000:.0f} ms)"
        )


if __name__ == "__main__":
    main()
