"""Rewrite the error tables of docs/errors.md from the one error catalogue (`miitdata.errors`).

python tools/readme_errors.py          # rewrite docs/errors.md in place
python tools/readme_errors.py --check  # exit 1 if docs/errors.md differs (the test suite checks this too)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from miitdata.errors import markdown_table

README = Path(__file__).resolve().parents[1] / "docs" / "errors.md"
BLOCK = re.compile(
    r"(<!-- generated: errors (\w+) \(tools/readme_errors.py\) -->\n)(.*?)(<!-- /generated -->)", re.S
)


def render(text: str) -> str:
    return BLOCK.sub(lambda m: f"{m[1]}{markdown_table(m[2])}\n{m[4]}", text)


def main() -> int:
    text = README.read_text(encoding="utf-8")
    new = render(text)
    if "--check" in sys.argv:
        return 0 if new == text else 1
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
