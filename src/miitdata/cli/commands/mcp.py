"""`miitdata mcp`: serve the package to agents (Model Context Protocol, stdio)."""

from __future__ import annotations

from miitdata.cli.app import PackageOption, load_dataset
from miitdata.errors import PackageError


def mcp(package: PackageOption = None) -> None:
    """Serve the package to AI agents over stdio (Model Context Protocol; needs miitdata[mcp]).

    Tools: search_facts, get_observation, cite, verify_claim, list_versions, diff; resources: each
    source text and the datasheet. Every answer names the package version. Register it in a desktop
    client as the command [bold]miitdata mcp[/bold] (see docs/verify.md). Stops when the client closes
    stdin.

    Example: [bold]miitdata mcp[/bold]
    """
    try:
        import mcp as _sdk  # noqa: F401
        import pydantic  # noqa: F401
    except ImportError:
        raise PackageError(
            "extra-missing", "miitdata mcp needs the MCP SDK: pip install 'miitdata[mcp]'"
        ) from None
    from miitdata.cli.mcp_server import serve

    serve(load_dataset(package))
