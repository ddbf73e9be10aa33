"""The MCP adapter: `miitdata mcp` serves the package to agents over stdio with the official `mcp` SDK.

Tools (each with a description and a typed input schema; every answer carries `version`, the package's
release): `search_facts`, `get_observation`, `cite`, `verify_claim`, `list_versions`, `diff`.
Resources: each source text (`miitdata://sources/S000` …), the datasheet (`miitdata://datasheet`) and
the descriptor (`miitdata://datapackage.json`). Nothing is fetched from the network; a bad argument is
a tool error naming its code (`filter-unknown` …), never a crash of the server.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field

if TYPE_CHECKING:
    from miitdata.dataset import Dataset

SEARCH_LIMIT = 200


def _server_class() -> Any:
    try:  # mcp >= 2
        from mcp.server.mcpserver import MCPServer

        return MCPServer
    except ImportError:  # mcp 1.x
        from mcp.server.fastmcp import FastMCP  # type: ignore[attr-defined,unused-ignore]

        return FastMCP


def _error(exc: Exception) -> Exception:
    """The SDK's ToolError for an anticipated failure: the client reads the message and its code."""
    try:  # mcp >= 2
        from mcp.server.mcpserver.exceptions import ToolError
    except ImportError:  # mcp 1.x
        from mcp.server.fastmcp.exceptions import ToolError  # type: ignore[no-redef,import-not-found,unused-ignore]
    code = getattr(exc, "code", None) or "invalid-argument"
    error: Exception = ToolError(f"{exc} [{code}]")
    return error


def _search(
    ds: Dataset, text: str | None, lang: str, limit: int, **filters: str | None
) -> list[dict[str, Any]]:
    from miitdata.query.facts import facts
    from miitdata.query.filters import Filters
    from miitdata.schema import number_text

    frame = facts(ds, Filters(**filters), lang)
    rows: list[dict[str, Any]] = [{str(k): v for k, v in r.items()} for r in frame.to_dict("records")]
    if text:
        want = text.strip().casefold()
        quotes: dict[str, list[str]] = {}
        for m in ds.mentions.itertuples(index=False):
            quotes.setdefault(str(m.observation_id), []).append(str(m.exact).casefold())
        other = facts(ds, Filters(**filters), "zh" if lang == "en" else "en").set_index("observation_id")

        def hit(row: dict[str, Any]) -> bool:
            oid = str(row["observation_id"])
            fields = [
                oid,
                row["indicator"],
                row["region"],
                row["indicator_id"],
                row["region_id"],
                row["display"],
            ]
            fields += [other.at[oid, "indicator"], other.at[oid, "region"], number_text(row["value"])]
            return any(want in str(f).casefold() for f in fields) or any(
                want in q for q in quotes.get(oid, [])
            )

        def rank(row: dict[str, Any]) -> int:  # the figure itself first, then its names, then its quotes
            oid = str(row["observation_id"])
            if want in (oid.casefold(), number_text(row["value"]), str(row["display"]).casefold()):
                return 0
            names = [row["indicator"], row["region"], other.at[oid, "indicator"], other.at[oid, "region"]]
            return 1 if any(want in str(n).casefold() for n in names) else 2

        rows = sorted((r for r in rows if hit(r)), key=rank)
    out = []
    for r in rows[:limit]:
        out.append(
            {
                "observation_id": str(r["observation_id"]),
                "indicator_id": str(r["indicator_id"]),
                "indicator": str(r["indicator"]),
                "region_id": str(r["region_id"]),
                "region": str(r["region"]),
                "period": str(r["period"]),
                "value": float(r["value"]),
                "comparator": str(r["comparator"]),
                "unit": str(r["unit"]),
                "display": str(r["display"]),
                "status": None if r["status"] is None else str(r["status"]),
                "sources": int(r["sources"]),
            }
        )
    return out


def build_server(ds: Dataset) -> Any:
    """The MCP server for the loaded package `ds` (not started).

    Long because: the SDK registers each tool and resource as a decorated closure over `ds`; they read best
    beside the server they belong to."""
    from miitdata import __version__

    version = str(ds.version)
    server = _server_class()(
        name="miitdata",
        log_level="WARNING",  # stderr only; a refused argument is the client's business, not a log line
        instructions=(
            "Statistics announced at China's MIIT press conferences (miitdata "
            f"{version}): every figure with its verbatim quotes in the sources, Chinese and English. "
            "Use verify_claim to check a sentence's figures against the sources, search_facts to find "
            "figures, cite for the quotes with character offsets. Cite as 'miitdata <version>, observation "
            "<id>'."
        ),
    )

    @cache
    def checker() -> Any:
        from miitdata.verify import verifier

        return verifier(ds)

    def search_facts(
        text: Annotated[str | None, Field(description="Words or a number to look for (zh or en).")] = None,
        indicator: Annotated[str | None, Field(description="Indicator id or name.")] = None,
        region: Annotated[str | None, Field(description="Region id or name.")] = None,
        period: Annotated[str | None, Field(description="A period: 2021, 2022-H1, 2012/2021 …")] = None,
        event: Annotated[str | None, Field(description="Event id, date or title.")] = None,
        source: Annotated[str | None, Field(description="Source id (S000 …) or title.")] = None,
        status: Annotated[str | None, Field(description="actual, estimate, forecast or target.")] = None,
        lang: Annotated[
            str, Field(description="Language of the labels: en or zh.", pattern="^(en|zh)$")
        ] = "en",
        limit: Annotated[int, Field(description="At most this many figures.", ge=1, le=SEARCH_LIMIT)] = 50,
    ) -> dict[str, Any]:
        from miitdata.query.filters import FilterError

        try:
            found = _search(
                ds, text, lang, limit, indicator=indicator, region=region, period=period, event=event,
                source=source, status=status,
            )  # fmt: skip
        except (FilterError, ValueError) as exc:
            raise _error(exc) from None
        return {"version": version, "count": len(found), "facts": found}

    def cited(observation_id: str) -> dict[str, Any]:
        """The cite record of one observation; a bad or unknown id becomes the tool's error."""
        from miitdata.query.cite import cite_record
        from miitdata.query.filters import FilterError

        try:
            return cite_record(ds, observation_id)
        except (FilterError, ValueError) as exc:
            raise _error(exc) from None

    def get_observation(
        observation_id: Annotated[str, Field(description="Observation id, e.g. O0009.", max_length=100)],
    ) -> dict[str, Any]:
        record = cited(observation_id)
        return {
            "version": version,
            "observation": record["observation"],
            "derivation": record["derivation"],
            "discrepancies": record["discrepancies"],
        }

    def cite(
        observation_id: Annotated[str, Field(description="Observation id, e.g. O0009.", max_length=100)],
    ) -> dict[str, Any]:
        record = cited(observation_id)
        return {"version": version, **record}

    def verify_claim(
        claim: Annotated[str, Field(description="The claim to check.", min_length=1, max_length=10_000)],
    ) -> dict[str, Any]:
        try:
            result: dict[str, Any] = checker().verify(claim).to_dict()
        except ValueError as exc:
            raise _error(exc) from None
        return result

    def list_versions(
        repo: Annotated[
            str | None, Field(description="Repository path or URL (default: this checkout).")
        ] = None,
    ) -> dict[str, Any]:
        from miitdata.errors import PackageError
        from miitdata.versions.git import versions as list_all

        try:
            found = [v.to_dict() for v in list_all(repo)]
        except PackageError as exc:
            raise _error(exc) from None
        return {"version": version, "versions": found}

    def diff(
        a: Annotated[str, Field(description="Old revision, e.g. v0.2.0.", max_length=200)],
        b: Annotated[str | None, Field(description="New revision (default: the working tree).")] = None,
        repo: Annotated[
            str | None, Field(description="Repository path or URL (default: this checkout).")
        ] = None,
    ) -> dict[str, Any]:
        from miitdata.errors import PackageError
        from miitdata.versions import diff as d

        try:
            result = d.to_json(d.diff(a, b, repo=repo))
        except PackageError as exc:
            raise _error(exc) from None
        return {"version": version, "diff": result}

    server.add_tool(
        search_facts,
        description=(
            "Find figures (observations) by text and filters. `text` matches ids, indicator and region names "
            "in Chinese or English, values as written (19.21, 1.54万亿) and the words of the quotes. "
            "Filters take ids or names (zh or en): indicator, region (West, 西部地区, 四川, CN-SC), period "
            "(2021 keeps every period within 2021), event, source (S000), status (actual, estimate, "
            "forecast, target). Returns the matching figures and the package version."
        ),
    )
    server.add_tool(
        get_observation,
        description=(
            "One figure by its observation id (O0009; o9 works): indicator, region and their names in both "
            "languages, period, value, unit, comparator, status, event, how it is derived, and the version."
        ),
    )
    server.add_tool(
        cite,
        description=(
            "Every quote of one figure, per source: the exact text, its character offsets (code points, "
            "end exclusive) into the raw source text, where the value sits in it, the source's title, "
            "publisher and date, known discrepancies, and a ready-to-paste citation naming the version."
        ),
    )
    server.add_tool(
        verify_claim,
        description=(
            "Check a claim (a sentence in Chinese or English) against the sources. Each figure it states "
            "(number, hedge, period, region, indicator) gets a verdict: supported, contradicted (the reason "
            "starts with how: value, year, region, scale, unit, comparator), not_found or ambiguous, with "
            "the quotes (mention_id, source_id, start, end, exact) as evidence. It never guesses: a figure "
            "the sources do not state is never supported. Returns {claim, verdict, version, figures}."
        ),
    )
    server.add_tool(
        list_versions,
        description=(
            "Every released version of the dataset in a git repository of miitdata (tags vX.Y.Z and the "
            "history of datapackage.json): version, tag, commit, date, metrics. `repo` is a local path or "
            "URL; default: the checkout miitdata runs from. Needs git."
        ),
    )
    server.add_tool(
        diff,
        description=(
            "What changed in the data between two versions: observations added, removed and revised (old "
            "and new value) per indicator, and the other tables. `a` and `b` are tags (v0.2.0), shas or "
            "branches; `b` defaults to the working tree. Needs git (and DVC for older versions)."
        ),
    )
    _add_resources(server, ds, version, __version__)
    return server


def _reader(path: Path) -> Callable[[], str]:
    def read() -> str:
        from miitdata.files import read_bytes

        return read_bytes(path, "resource-unreadable").decode("utf-8")

    return read


def _add_resources(server: Any, ds: Dataset, version: str, code_version: str) -> None:
    root = ds.path.parent
    for s in ds.sources.itertuples(index=False):
        sid = str(s.source_id)
        server.resource(
            f"miitdata://sources/{sid}",
            name=sid,
            description=f"{s.title} ({s.language}, {s.kind}; raw text, miitdata {version}). Offsets in "
            "quotes are code points into this text.",
            mime_type="text/plain",
        )(_reader(root / str(s.path)))

    def datasheet() -> str:
        from miitdata.outputs.datasheet import render_datasheet

        return render_datasheet(ds)

    server.resource(
        "miitdata://datasheet",
        name="datasheet",
        description=f"The datasheet of miitdata {version} (Datasheets for Datasets): one HTML page.",
        mime_type="text/html",
    )(datasheet)

    def descriptor() -> str:
        return ds.path.read_text(encoding="utf-8")

    server.resource(
        "miitdata://datapackage.json",
        name="datapackage.json",
        description=f"The Frictionless descriptor of miitdata {version} (code {code_version}).",
        mime_type="application/json",
    )(descriptor)


def serve(ds: Dataset) -> None:
    """Run the server over stdio until the client closes it."""
    build_server(ds).run("stdio")
