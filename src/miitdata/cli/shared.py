"""What the CLI shares that needs neither typer nor rich: the `Format` choices, the package a command
works on, and writing its output. `miitdata.cli.fast` (validate without typer) and every typer command
use these; `miitdata.cli.app` re-exports them."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

from miitdata.errors import MiitdataError, PackageError


class Format(StrEnum):
    """Every output format of every command (kept for callers of `allow`); each command declares its own
    choices below, so its help and its errors list only the formats it has."""

    text = "text"
    table = "table"
    csv = "csv"
    json = "json"
    junit = "junit"
    bibtex = "bibtex"
    csl_json = "csl-json"
    ris = "ris"


class ShowFormat(StrEnum):
    """`miitdata show`: a table (text is the same), CSV or JSON."""

    table = "table"
    text = "text"
    csv = "csv"
    json = "json"


class CiteFormat(StrEnum):
    """`miitdata cite`: text, JSON or a citation format."""

    text = "text"
    json = "json"
    bibtex = "bibtex"
    csl_json = "csl-json"
    ris = "ris"


class TextJson(StrEnum):
    """`info`, `metrics`, `versions`, `diff`: text (markdown for diff) or JSON."""

    text = "text"
    json = "json"


class CurateFormat(StrEnum):
    """`curate todo`: text, JSON or CSV draft rows."""

    text = "text"
    json = "json"
    csv = "csv"


def one_package(path: Path | None, option: Path | None) -> Path | None:
    """The package of a command that takes it as a PATH argument or as --package/-p: never both (exit 2,
    `option-conflict`: one would be silently ignored)."""
    if path is not None and option is not None:
        raise PackageError(
            "option-conflict",
            f"the package is given twice, as PATH ({path}) and as --package ({option}): give it once",
        )
    return package_path(path if path is not None else option)


def package_path(option: Path | None) -> Path | None:
    """The package a command works on: `--package`, else None, which every reader resolves by the one
    rule of `miitdata.package.default_path` (./datapackage.json if there is one, else the bundled one)."""
    return option


def json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_output(output: Path | None, text: str, what: str = "output", *, make_parents: bool = False) -> None:
    """`text` to stdout, or atomically to `output` (never a half-written file). A missing directory is
    refused (exit 2), unless `make_parents` (pipeline outputs: dvc removes them before a stage runs)."""
    if output is None:
        sys.stdout.write(text)
        return
    from miitdata.atomic import write_atomic

    if make_parents and not output.parent.exists():
        output.parent.mkdir(parents=True)
    if not output.parent.is_dir():
        raise PackageError("output-invalid", "the output's directory does not exist", str(output))
    try:
        write_atomic(output, text)
    except OSError as exc:
        raise PackageError(
            "output-unwritable", f"cannot write the {what}: {exc.strerror or exc}", str(output)
        ) from None


def exit_code(exc: BaseException) -> tuple[int, str]:
    """The exit code and the stderr text (one line, or one per tag conflict) for an exception a command
    raised, never a traceback: the one mapping (`main`, the fast validate path and the tests' in-process
    runner use it). A `MiitdataError` exits with its catalogue entry's code, Ctrl-C 130, a bug 2."""
    if isinstance(exc, MiitdataError):
        return exc.exit_code, "\n".join(exc.messages())
    if isinstance(exc, KeyboardInterrupt):
        return 130, "miitdata: interrupted"
    return 2, f"miitdata: error: {type(exc).__name__}: {exc} (set MIITDATA_DEBUG=1 for details)"


def shows_traceback(exc: BaseException) -> bool:
    """True for a bug (neither a MiitdataError nor Ctrl-C) when MIITDATA_DEBUG=1 asks for its traceback."""
    return bool(os.environ.get("MIITDATA_DEBUG")) and not isinstance(exc, MiitdataError | KeyboardInterrupt)


def closed_streams_to_devnull() -> None:
    """A standard stream the caller closed (`miitdata show >&-`) is None in Python: output to it is
    dropped (the command runs and exits as it would), instead of failing on `None.write`."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (lives as long as the process)
