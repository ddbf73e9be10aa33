"""The rule `text-resource-mismatch`: the raw-text resources of the descriptor agree with the sources table.

Each raw source text is declared twice on purpose: as a row of `sources.csv` (its `sha256`, the one
miitdata's provenance layer checks the file against) and as a non-tabular resource of
`datapackage.json` (`hash: "sha256:..."` and `bytes`, which `frictionless validate` checks). The table is
the reference; this rule keeps the resource derived from it (`miitdata.sources.text_resource` builds the
entry from a row): every source has exactly one text resource with its path, whose `hash` is
`sha256:` + the row's sha256 and whose `bytes` is the file's size, and every text resource is the text
of a source. A package whose descriptor declares no text resource at all (every release before 0.4.1)
is not checked. Standard library only.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any

from miitdata.sources import text_resource_name
from miitdata.validation.locate import Locator

if TYPE_CHECKING:
    from miitdata.validation.context import Context
    from miitdata.validation.layers.provenance import Source

CODE = "text-resource-mismatch"


def _norm(path: Any) -> str | None:
    return posixpath.normpath(path.replace("\\", "/")) if isinstance(path, str) and path else None


def check_text_resources(ctx: Context, found: list[Source]) -> None:
    """File `text-resource-mismatch` for every disagreement (see the module doc)."""
    texts = ctx.package.texts
    if not texts or ctx.typed.get("sources") is None:
        return
    ctx.check(CODE)
    locator = Locator(ctx.package)
    by_path: dict[str, list[str]] = {}
    for name, res in texts.items():
        by_path.setdefault(_norm(res.get("path")) or "", []).append(name)

    def at(name: str, *prop: str) -> dict[str, Any]:
        return {
            "path": locator.descriptor,
            "line": locator.pointer_line(locator.resource_pointer(name, *prop)),
        }

    sources_paths = set()
    for item in found:
        relpath = _norm(item.relpath)
        if relpath is None:
            continue
        sources_paths.add(relpath)
        names = by_path.get(relpath, [])
        if not names:
            ctx.error(
                CODE,
                resource="sources",
                row=item.row,
                field="path",
                id=item.sid,
                note=(
                    f"{item.sid}'s text {item.relpath} is not a resource of the descriptor, so frictionless "
                    f"validate does not check it: add a resource {text_resource_name(str(item.sid))!r} "
                    f"(path, mediatype text/plain, encoding utf-8, hash sha256:{item.digest}, "
                    f"bytes {item.size if item.size is not None else '<its size>'})"
                ),
            )
            continue
        if len(names) > 1:
            ctx.error(
                CODE,
                **at(names[1], "path"),
                note=f"resources {names[0]!r} and {names[1]!r} are both {relpath}",
            )
        res = texts[names[0]]
        expected = f"sha256:{item.digest}" if isinstance(item.digest, str) else None
        if expected is not None and res.get("hash") != expected:
            ctx.error(
                CODE,
                **at(names[0], "hash"),
                note=(
                    f"resource {names[0]!r} has hash {res.get('hash')!r}, the sources table says "
                    f"{expected!r} ({item.sid})"
                ),
            )
        if item.size is not None and res.get("bytes") != item.size:
            ctx.error(
                CODE,
                **at(names[0], "bytes"),
                note=f"resource {names[0]!r} has bytes {res.get('bytes')!r}, the file {relpath} has "
                f"{item.size}",
            )
    for path, names in by_path.items():
        if path not in sources_paths:
            for name in names:
                ctx.error(
                    CODE,
                    **at(name, "path"),
                    note=f"text resource {name!r} ({path or 'no path'}) is the text of no row of the "
                    "sources table",
                )
