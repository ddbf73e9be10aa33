"""`miitdata mcp` end to end, with the MCP SDK's own client over stdio: spawn the server, list its tools
and resources, call every tool, read the resources, and check the answers (each names the version)."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from tests.conftest import ROOT

mcp = pytest.importorskip("mcp")
anyio = pytest.importorskip("anyio")

CLAIM = "In 2020, the eastern region's manufacturing made up 30.5% of its GDP."
TOOLS = {"search_facts", "get_observation", "cite", "verify_claim", "list_versions", "diff"}


def _payload(result: Any) -> dict[str, Any]:
    assert not result.is_error if hasattr(result, "is_error") else not result.isError, result
    structured = getattr(result, "structured_content", None) or getattr(result, "structuredContent", None)
    if structured:
        return dict(structured.get("result", structured)) if "result" in structured else dict(structured)
    return dict(json.loads(result.content[0].text))


def _schema(tool: Any) -> dict[str, Any]:
    return dict(getattr(tool, "input_schema", None) or tool.inputSchema)


def _session_transcript() -> dict[str, Any]:
    from mcp import ClientSession, StdioServerParameters, stdio_client

    out: dict[str, Any] = {}

    async def run() -> None:
        params = StdioServerParameters(command=sys.executable, args=["-m", "miitdata", "mcp"], cwd=str(ROOT))
        async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
            await session.initialize()
            out["tools"] = (await session.list_tools()).tools
            calls = {
                "search_facts": {"text": "19.21", "region": "西部地区"},
                "get_observation": {"observation_id": "O0009"},
                "cite": {"observation_id": "o9"},
                "verify_claim": {"claim": CLAIM},
                "list_versions": {},
                "diff": {"a": "v0.2.0", "b": "v0.3.0"},
            }  # fmt: skip
            out["calls"] = {name: await session.call_tool(name, args) for name, args in calls.items()}
            out["unknown"] = await session.call_tool("get_observation", {"observation_id": "O9999"})
            out["bad_lang"] = await session.call_tool("search_facts", {"lang": "fr"})
            resources = (await session.list_resources()).resources
            out["resources"] = {str(r.uri): r for r in resources}
            out["S000"] = await session.read_resource("miitdata://sources/S000")
            out["datasheet"] = await session.read_resource("miitdata://datasheet")

    anyio.run(run)
    return out


@pytest.fixture(scope="module")
def transcript() -> dict[str, Any]:
    return _session_transcript()


def test_tools_are_listed_with_descriptions_and_typed_schemas(transcript: dict[str, Any]) -> None:
    tools = {t.name: t for t in transcript["tools"]}
    assert set(tools) == TOOLS
    for tool in tools.values():
        assert tool.description and len(tool.description) > 40, tool.name
        schema = _schema(tool)
        assert schema["type"] == "object"
        for prop in schema["properties"].values():
            assert "type" in prop or "anyOf" in prop, (tool.name, prop)
            assert prop.get("description"), (tool.name, prop)
    assert _schema(tools["verify_claim"])["required"] == ["claim"]
    assert _schema(tools["search_facts"])["properties"]["limit"]["type"] == "integer"


def test_every_tool_answers_with_the_version(transcript: dict[str, Any]) -> None:
    from miitdata import load

    version = load().version
    answers = {name: _payload(result) for name, result in transcript["calls"].items()}
    for name, answer in answers.items():
        assert answer["version"] == version, name
    facts = answers["search_facts"]["facts"]
    assert facts[0]["observation_id"] == "O0009" and facts[0]["value"] == 19.21
    assert answers["get_observation"]["observation"]["observation_id"] == "O0009"
    quotes = [q for s in answers["cite"]["sources"] for q in s["quotes"]]
    text = (ROOT / "data" / "sources" / "000_8f351bf2a849231b.txt").read_text(encoding="utf-8")
    s000 = [q for s in answers["cite"]["sources"] if s["source_id"] == "S000" for q in s["quotes"]]
    assert len(quotes) >= 4 and all(text[q["start"] : q["end"]] == q["exact"] for q in s000)
    verdict = answers["verify_claim"]
    assert verdict["verdict"] == "contradicted" and verdict["figures"][0]["reason"].startswith("year:")
    assert {"0.2.0", "0.3.0"} <= {v["version"] for v in answers["list_versions"]["versions"]}
    assert answers["diff"]["diff"]["a"]["version"] == "0.2.0"


def test_bad_arguments_are_tool_errors_not_crashes(transcript: dict[str, Any]) -> None:
    for key in ("unknown", "bad_lang"):
        result = transcript[key]
        assert getattr(result, "is_error", getattr(result, "isError", None)) is True, result
    assert "filter-unknown" in transcript["unknown"].content[0].text


def test_resources_are_the_sources_and_the_datasheet(transcript: dict[str, Any]) -> None:
    from miitdata import load

    ds = load()
    uris = set(transcript["resources"])
    assert {f"miitdata://sources/{s}" for s in ds.sources["source_id"]} | {"miitdata://datasheet"} <= uris
    text = transcript["S000"].contents[0].text
    assert text == (ROOT / "data" / "sources" / "000_8f351bf2a849231b.txt").read_text(encoding="utf-8")
    assert ds.version in transcript["resources"]["miitdata://sources/S000"].description
    html = transcript["datasheet"].contents[0].text
    assert html.lstrip().lower().startswith("<!doctype html") and ds.version in html


def test_without_the_extra_it_exits_2_extra_missing() -> None:
    code = (
        "import sys; sys.modules['mcp'] = None; sys.argv = ['miitdata', 'mcp'];"
        "from miitdata.cli.main import main; main()"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "[extra-missing]" in result.stderr and "miitdata[mcp]" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
