"""The `miitdata` entry point: `miitdata validate ...` starts without typer or rich, anything else runs
the typer app (`miitdata.cli.main`).

Importing typer (with its vendored click) and registering every command costs about 0.1 s, a sixth of
what a CI job's `miitdata validate` spends above its pandas+pandera floor. So a validate command line
whose every word this module understands (the path, --format text|json|junit|github|sarif, --output,
--package, --layer, --frictionless, --show-known; `--opt value` or `--opt=value`) runs `validating.execute`,
the same body the typer command runs, directly. Any other word (--help, an unknown option or value,
a repeated option, `--`) falls back to typer, which parses, helps and complains as always; the fallback
is therefore never wrong, only slower. tests/test_fast_cli.py checks both paths give the same exit
code, stdout and stderr.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from miitdata.errors import LAYERS

VALUE_OPTIONS = {
    "--format": "format", "-f": "format", "--output": "output", "-o": "output",
    "--package": "package", "-p": "package", "--layer": "layer", "-l": "layer",
}  # fmt: skip
FLAGS = {"--frictionless": "frictionless", "--show-known": "show_known"}
FORMATS = ("text", "json", "junit", "github", "sarif")  # the formats `miitdata validate` accepts


@dataclass
class Request:
    """A `miitdata validate` command line, parsed."""

    path: Path | None = None
    format: str = "text"
    output: Path | None = None
    package: Path | None = None
    layers: list[str] = field(default_factory=list)
    frictionless: bool = False
    show_known: bool = False


def parse(argv: list[str]) -> Request | None:
    """The request `argv` (without the program name) makes, or None when typer must parse it."""
    if not argv or argv[0] != "validate":
        return None
    request = Request()
    seen: set[str] = set()
    words = iter(argv[1:])
    for word in words:
        if word.startswith("-"):
            name, eq, value = word.partition("=") if word.startswith("--") else (word, "", "")
            if name in FLAGS and not eq:
                option = FLAGS[name]
                value = ""
            elif name in VALUE_OPTIONS:
                option = VALUE_OPTIONS[name]
                if not eq:
                    value = next(words, "")
                    if value.startswith("-"):
                        return None  # click may read it as the value or as an option: left to typer
            else:
                return None  # --help, --, combined short options, an unknown option, "-" as a path
            if not value and option not in FLAGS.values():
                return None
            if option in seen and option != "layer":
                return None  # typer's rule for a repeated option: left to typer
            seen.add(option)
            if not _apply(request, option, value):
                return None
        elif request.path is None and word:
            request.path = Path(word)
        else:
            return None  # a second positional argument, or an empty one
    return request


def _apply(request: Request, option: str, value: str) -> bool:
    if option == "format":
        request.format = value
        return value in FORMATS
    if option == "layer":
        request.layers.append(value)
        return value in LAYERS
    if option in ("frictionless", "show_known"):
        setattr(request, option, True)
    else:
        setattr(request, option, Path(value))
    return True


def run(request: Request) -> int:
    """Run a parsed validate request; the exit code (2, one line on stderr, when it cannot run)."""
    from miitdata.cli.shared import exit_code, one_package, shows_traceback
    from miitdata.cli.validating import ValidateFormat, execute

    try:
        target = one_package(request.path, request.package)
        return execute(
            target,
            ValidateFormat(request.format),
            request.layers or None,
            request.frictionless,
            request.output,
            request.show_known,
        )
    except BrokenPipeError:
        raise  # `main` ends quietly, as typer's path does
    except (Exception, KeyboardInterrupt) as exc:  # never a traceback for users, as in cli.main
        if shows_traceback(exc):
            raise
        code, message = exit_code(exc)
    sys.stdout.flush()
    sys.stderr.write(message + "\n")
    return code


def main() -> None:
    request = parse(sys.argv[1:])
    if request is None:
        from miitdata.cli.main import main as full

        full()
        return
    from miitdata.cli.shared import closed_streams_to_devnull

    closed_streams_to_devnull()
    try:
        code = run(request)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away: quietly exit 1, as click's rule does for typer
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 1
    sys.exit(code)
