"""Wall time of `miitdata validate` (all layers) on the bundled package against `frictionless validate
datapackage.json`, and the baselines `python -c pass` and `import miitdata`, measured in the same run.

    python benchmarks/validate_bundled.py [--repeat 5]

Prints the median wall time of each command (fresh processes, so start-up is included).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def wall(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    py = sys.executable
    frictionless = shutil.which("frictionless") or str(Path(py).with_name("frictionless"))
    commands = {
        "python -c pass": [py, "-c", "pass"],
        "python -c 'import miitdata'": [py, "-c", "import miitdata"],
        "miitdata validate (all layers)": [py, "-m", "miitdata", "validate", "datapackage.json"],
        "frictionless validate datapackage.json": [frictionless, "validate", "datapackage.json"],
    }
    results = {name: wall(cmd, args.repeat) for name, cmd in commands.items()}
    width = max(map(len, results))
    print(f"median of {args.repeat} runs, fresh processes, cwd={ROOT}")
    for name, seconds in results.items():
        print(f"{name:<{width}}  {seconds * 1000:8.0f} ms")
    ratio = results["miitdata validate (all layers)"] / results["frictionless validate datapackage.json"]
    print(f"miitdata / frictionless: {ratio:.2f}x")


if __name__ == "__main__":
    main()
