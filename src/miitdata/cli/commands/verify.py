"""`miitdata verify`: check a claim (or a file of claims, one a line) against the sources."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from miitdata.cli.app import Format, PackageOption, allow, json_text, load_dataset, plain
from miitdata.errors import PackageError

if TYPE_CHECKING:
    from miitdata.verify.result import Verification


def _read_claims(file: Path) -> list[str]:
    from miitdata.files import read_bytes

    data = sys.stdin.buffer.read() if str(file) == "-" else read_bytes(file, "claims-unreadable")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PackageError("claims-unreadable", f"not UTF-8 (byte {exc.start})", str(file)) from None
    claims = [line.strip() for line in text.splitlines()]
    claims = [c for c in claims if c and not c.startswith("#")]
    if not claims:
        raise PackageError(
            "claim-invalid", "the file holds no claim (blank lines and # comments are skipped)", str(file)
        )
    return claims


def verify(
    claim: Annotated[
        str | None, typer.Argument(help="The claim: a sentence in Chinese or English.", show_default=False)
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file", help="Check every line of this UTF-8 file as a claim (- for stdin).", show_default=False
        ),
    ] = None,
    format: Annotated[
        Format, typer.Option("--format", "-f", help="Output format: text or json.")
    ] = Format.text,
    package: PackageOption = None,
) -> None:
    """Check a claim against the sources: is each figure it states what was announced?

    Each figure (number, hedge, period, region, indicator) gets a verdict: [bold]supported[/bold],
    [bold]contradicted[/bold] (saying how: value, year, region, scale, unit or comparator),
    [bold]not_found[/bold] or [bold]ambiguous[/bold], with the quotes that decide it and the release
    version. Exit code: 0 supported, 1 contradicted, 3 not found or ambiguous, 2 could not run
    (with --file: 1 if any claim is contradicted, else 3 if any is not supported, else 0).

    Example: [bold]miitdata verify "西部地区工业增加值占全国比重2021年升至19.21%"[/bold]

    Example: [bold]miitdata verify --file article.txt --format json[/bold]
    """
    from miitdata.verify import verifier
    from miitdata.verify.check import MAX_CLAIM

    allow(format, Format.text, Format.json)
    if (claim is None) == (file is None):
        raise PackageError("claim-invalid", "give one claim or --file FILE (not both, not neither)")
    claims = _read_claims(file) if file is not None else [claim or ""]
    for c in claims:
        if not c.strip():
            raise PackageError("claim-invalid", "the claim is empty")
        if len(c) > MAX_CLAIM:
            raise PackageError("claim-invalid", f"a claim of {len(c):,} characters (at most {MAX_CLAIM:,})")
    checker = verifier(
        load_dataset(package) if package is not None or Path("datapackage.json").is_file() else None
    )
    results = [checker.verify(c) for c in claims]
    if format is Format.json:
        data = results[0].to_dict() if file is None else [r.to_dict() for r in results]
        sys.stdout.write(json_text(data))
    else:
        sys.stdout.write("\n".join(plain(r.to_text()) for r in results))
    raise typer.Exit(_exit_code(results))


def _exit_code(results: list[Verification]) -> int:
    codes = {r.exit_code for r in results}
    return 1 if 1 in codes else 3 if 3 in codes else 0
