"""The typer app and what every command shares: one `--package/-p`, one `Format`, output and errors.

Commands import from here; nothing here imports a command. Exit codes: 0 success, 1 invalid data,
2 could not run. A `PackageError` raised anywhere becomes exit 2 in `miitdata.cli.main.main`.
"""

from __future__ import annotations

import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from miitdata.cli.shared import CiteFormat as CiteFormat
from miitdata.cli.shared import CurateFormat as CurateFormat
from miitdata.cli.shared import Format as Format  # re-exported: the commands import these from here
from miitdata.cli.shared import ShowFormat as ShowFormat
from miitdata.cli.shared import TextJson as TextJson
from miitdata.cli.shared import json_text as json_text
from miitdata.cli.shared import one_package as one_package
from miitdata.cli.shared import package_path as package_path
from miitdata.cli.shared import write_output as write_output

if TYPE_CHECKING:
    from rich.console import Console

    from miitdata.dataset import Dataset


def _flags_without_type() -> None:
    """Help shows no `<bool>` for a flag (--frictionless, --strict, --help): it takes no value. typer
    0.2x prints one for every option; this drops it for flags only (values keep `<str>`, `<path>` …)."""
    from typer.core import TyperOption

    shown = getattr(TyperOption, "display_type_rich", None)
    if shown is None or getattr(shown, "_miitdata_flags", False):
        return

    def display_type_rich(self: TyperOption, ctx: Any) -> str | None:
        return None if getattr(self, "is_flag", False) else shown(self, ctx)

    display_type_rich._miitdata_flags = True  # type: ignore[attr-defined]  # patched once
    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


_flags_without_type()

app = typer.Typer(
    name="miitdata",
    help="Statistics from China's MIIT press conferences: validate, explore and cite the data package.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Lang(StrEnum):
    en = "en"
    zh = "zh"


PackageOption = Annotated[
    Path | None,
    typer.Option(
        "--package",
        "-p",
        help="A datapackage.json (or its directory). Default: ./datapackage.json if the current "
        "directory holds one, else the package bundled with miitdata.",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of stdout.", show_default=False),
]


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line reason to stderr and return the Exit to raise."""
    typer.echo(f"miitdata: error: {message}", err=True)
    return typer.Exit(code)


def allow(format: Format, *allowed: Format) -> Format:
    """`format` if the command supports it, else exit 2 naming the formats it does support."""
    if format not in allowed:
        raise fail(
            f"--format {format.value} is not available here; "
            f"choose from {', '.join(a.value for a in allowed)}"
        )
    return format


def load_dataset(option: Path | None) -> Dataset:
    from miitdata.dataset import load

    return load(package_path(option))


def console(stderr: bool = False) -> Console:
    """A rich console; when not writing to a terminal: no colour and no hard wrapping (lines as long as
    their content, whatever COLUMNS says: logs and pipes get whole lines)."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    if stream.isatty():
        return Console(file=stream)
    return Console(file=stream, width=UNWRAPPED, no_color=True, soft_wrap=True)


UNWRAPPED = 100_000  # the width of a console that is not a terminal: never reached, so nothing wraps


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(value: object) -> str:
    """`value` as text safe for a terminal: control characters (ESC sequences, CR, BEL, C1, bidi
    overrides) shown as escapes (`\\x1b`), so data can never move the cursor or recolour the screen."""
    return _CONTROL.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}",
        str(value),
    )


def safe(value: object) -> str:
    """`value` for rich markup: `plain` and then markup-escaped. The one helper every command uses to
    print data on a terminal (show, cite, info)."""
    from rich.markup import escape

    return escape(plain(value))
