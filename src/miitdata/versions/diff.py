"""`miitdata diff A B`: a semantic diff of two dataset versions, as JSON or a markdown PR comment.

Rows are matched by each resource's primary key. For every resource: ids added, removed and
changed (field: old → new); observations whose value or comparator changed are *revised*,
grouped per indicator. A removed row whose other fields equal an added row is reported as
*renamed*. **Vanished ids** are ids of a released version that B no longer has: the ids that
A's release (the commit `vX.Y.Z` resolves to, X.Y.Z being A's version) has and B lacks. A
released id must never vanish silently: they lead the text output, and `--strict` makes the
command exit 1 when there are any. An id that B's `retired` table lists (same resource, retired in a
version after A's release) has not vanished: it is reported as *retired*, with what replaces it.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from miitdata.errors import PackageError

if TYPE_CHECKING:
    import pandas as pd

    from miitdata.dataset import Dataset

WORKTREE = "WORKTREE"


@dataclass
class Side:
    """One side of a diff: what was asked for, the commit it resolved to, and the loaded data."""

    rev: str
    commit: str | None
    dataset: Dataset

    def to_dict(self) -> dict[str, Any]:
        return {"rev": self.rev, "commit": self.commit, "version": self.dataset.version}


def cell(value: Any) -> Any:
    """A JSON value for one typed cell (missing → None, dates → ISO text, whole floats stay floats)."""
    if value is None:
        return None
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover
        pass
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def rows_by_key(frame: pd.DataFrame, key: list[str]) -> dict[str, dict[str, Any]]:
    records = frame.astype(object).to_dict(orient="records")
    out: dict[str, dict[str, Any]] = {}
    for rec in records:
        row = {str(k): cell(v) for k, v in rec.items()}
        out["|".join(str(row.get(k)) for k in key)] = row
    return out


def primary_key(dataset: Dataset, name: str) -> list[str]:
    for res in dataset.descriptor.get("resources", []):
        if res.get("name") == name:
            pk = res.get("schema", {}).get("primaryKey")
            if isinstance(pk, str):
                return [pk]
            if isinstance(pk, list) and pk:
                return [str(k) for k in pk]
            fields = res.get("schema", {}).get("fields", [])
            return [fields[0]["name"]] if fields else []
    return []


def resource_diff(a: Dataset, b: Dataset, name: str) -> dict[str, Any]:
    """Ids added, removed, renamed and changed (field → [old, new]) in one resource."""
    in_a, in_b = name in a.tables, name in b.tables
    key = primary_key(b if in_b else a, name)
    old = rows_by_key(a.tables[name], key) if in_a else {}
    new = rows_by_key(b.tables[name], key) if in_b else {}
    added = [k for k in new if k not in old]
    removed = [k for k in old if k not in new]
    # A column one side lacks (a schema change) is summarised once, not as a change of every row.
    cols_a = list(a.tables[name].columns) if in_a else []
    cols_b = list(b.tables[name].columns) if in_b else []
    new_cols = [c for c in cols_b if c not in cols_a] if in_a else []
    old_cols = [c for c in cols_a if c not in cols_b] if in_b else []
    columns_added = {c: _column_summary([new[k].get(c) for k in new]) for c in new_cols}
    columns_removed = {c: _column_summary([old[k].get(c) for k in old]) for c in old_cols}
    skip = set(new_cols) | set(old_cols)
    changed: dict[str, dict[str, list[Any]]] = {}
    for k in old.keys() & new.keys():
        fields = {
            f: [old[k].get(f), new[k].get(f)]
            for f in dict.fromkeys([*old[k], *new[k]])
            if f not in skip and old[k].get(f) != new[k].get(f)
        }
        if fields:
            changed[k] = fields
    renamed: dict[str, str] = {}

    def body(row: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(sorted((f, repr(v)) for f, v in row.items() if f not in key))

    added_bodies: dict[tuple[Any, ...], str] = {}
    for k in added:
        added_bodies.setdefault(body(new[k]), k)
    for k in removed:
        match = added_bodies.pop(body(old[k]), None)
        if match is not None:
            renamed[k] = match
    return {
        "added": sorted(added),
        "removed": sorted(removed),
        "renamed": dict(sorted(renamed.items())),
        "changed": dict(sorted(changed.items())),
        "columns_added": columns_added,
        "columns_removed": columns_removed,
        "_rows": (old, new),
    }


def _column_summary(values: list[Any]) -> str:
    """How a whole column reads: its values with counts when few (`actual 228, target 7`), else how
    many rows are filled."""
    filled = [v for v in values if v is not None]
    distinct: dict[str, int] = {}
    for v in filled:
        distinct[str(v)] = distinct.get(str(v), 0) + 1
    if distinct and len(distinct) <= 8:
        return ", ".join(f"{v} {n}" for v, n in sorted(distinct.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"filled in {len(filled)} of {len(values)} rows"


def revised_observations(part: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Observations whose value or comparator changed, grouped per indicator (of the new row)."""
    _, new = part["_rows"]
    out: dict[str, list[dict[str, Any]]] = {}
    for oid, fields in part["changed"].items():
        if "value" not in fields and "comparator" not in fields:
            continue
        row = new[oid]
        old_value, new_value = fields.get("value", [row.get("value"), row.get("value")])
        old_cmp, new_cmp = fields.get("comparator", [row.get("comparator"), row.get("comparator")])
        out.setdefault(str(row.get("indicator_id")), []).append(
            {
                "observation_id": oid,
                "region_id": row.get("region_id"),
                "period": row.get("period"),
                "old": old_value,
                "new": new_value,
                "old_comparator": old_cmp,
                "new_comparator": new_cmp,
            }
        )
    return dict(sorted(out.items()))


def released_ids(a: Side, repo: str | os.PathLike[str] | None) -> tuple[str | None, dict[str, set[str]]]:
    """The ids of A's released version (the commit `v{A.version}` resolves to), per resource."""
    from miitdata.versions.git import local_repo, resolve

    version = a.dataset.version
    if not version:
        return None, {}
    try:
        sha = resolve(f"v{version}", local_repo(repo))
    except PackageError:
        return None, {}  # A's version was never released (e.g. a bumped, untagged version)
    release = a.dataset
    if sha != a.commit:
        from miitdata.versions.rev import load_rev

        release = load_rev(rev=sha, repo=repo)
    ids = {
        name: set(rows_by_key(frame, primary_key(release, name))) for name, frame in release.tables.items()
    }
    return sha, ids


def retired_table(dataset: Dataset) -> dict[str, dict[str, Any]]:
    """The rows of a version's `retired` table by id (empty when the version has none)."""
    frame = dataset.tables.get("retired")
    if frame is None or "id" not in frame.columns:
        return {}
    fields = ("id", "resource", "retired_in", "replaced_by", "reason")
    return {k: {f: row.get(f) for f in fields} for k, row in rows_by_key(frame, ["id"]).items()}


def retires(row: dict[str, Any] | None, resource: str, released: str) -> bool:
    """Whether a `retired` row accounts for an id of `resource` that version `released` had."""
    from miitdata.validation.retired import release_tuple

    if row is None or row.get("resource") != resource:
        return False
    when, then = release_tuple(row.get("retired_in")), release_tuple(released)
    return when is not None and then is not None and when > then


def load_side(rev: str | None, repo: str | os.PathLike[str] | None) -> Side:
    from miitdata.versions.git import local_repo, resolve
    from miitdata.versions.rev import load_rev

    if rev is None or rev == WORKTREE:
        from miitdata.dataset import load
        from miitdata.versions.git import is_url

        if repo is not None and is_url(os.fspath(repo)):
            raise PackageError("worktree-remote", "WORKTREE needs a local repository, not a URL", str(repo))
        root = local_repo(repo)
        return Side(WORKTREE, None, load(Path(root) / "datapackage.json"))
    local = local_repo(repo)
    sha = resolve(rev, local)
    return Side(rev, sha, load_rev(rev=sha, repo=repo if repo is not None else local))


def diff(a_rev: str, b_rev: str | None = None, repo: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The semantic diff of revision `a_rev` → `b_rev` (None or "WORKTREE": the working tree)."""
    a, b = load_side(a_rev, repo), load_side(b_rev, repo)
    names = list(dict.fromkeys([*a.dataset.tables, *b.dataset.tables]))
    parts = {name: resource_diff(a.dataset, b.dataset, name) for name in names}
    release_sha, release_ids = released_ids(a, repo if repo is not None else None)
    vanished: dict[str, list[str]] = {}
    retired: dict[str, list[dict[str, Any]]] = {}
    table = retired_table(b.dataset)
    for name in names:
        new_ids = set(parts[name]["_rows"][1])
        gone = sorted(release_ids.get(name, set()) - new_ids)
        listed = [table[i] for i in gone if retires(table.get(i), name, a.dataset.version)]
        if listed:
            retired[name] = listed
        rest = [i for i in gone if not retires(table.get(i), name, a.dataset.version)]
        if rest:
            vanished[name] = rest
    result: dict[str, Any] = {
        "a": a.to_dict(),
        "b": b.to_dict(),
        "release": {"version": a.dataset.version, "commit": release_sha} if release_sha else None,
        "summary": {
            name: {k: len(parts[name][k]) for k in ("added", "removed", "renamed", "changed")}
            for name in names
        },
        "vanished": vanished,
        "retired": retired,
        "observations_revised": revised_observations(parts["observations"])
        if "observations" in parts
        else {},
        "resources": {name: {k: v for k, v in part.items() if k != "_rows"} for name, part in parts.items()},
    }
    result["_rows"] = {name: part["_rows"] for name, part in parts.items()}
    return result


def to_json(result: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in result.items() if not k.startswith("_")}


def _fmt(value: Any) -> str:
    """A cell for the markdown diff; a missing one (None, NaN) is "–", never "None" or "nan"."""
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _side(side: dict[str, Any]) -> str:
    commit = f", {side['commit'][:7]}" if side.get("commit") else ""
    return f"`{side['rev']}` ({side['version']}{commit})"


def to_markdown(result: dict[str, Any]) -> str:
    """The diff as markdown (a pull-request comment)."""
    lines = [f"## miitdata diff: {_side(result['a'])} → {_side(result['b'])}", ""]
    rows = result.get("_rows", {})
    summary = result["summary"]
    if not any(sum(s.values()) for s in summary.values()):
        lines += ["No changes in the data.", ""]
        return "\n".join(lines)
    if result["vanished"]:
        rel = result["release"] or {}
        lines += [
            f"### ⚠️ Vanished IDs (released in {rel.get('version')}, missing now)",
            "",
            "Released ids must not disappear: keep the row, or retire the id in data/retired.csv (id, "
            "resource, retired_in, replaced_by, reason).",
            "",
        ]
        for name, ids in result["vanished"].items():
            renamed = result["resources"][name]["renamed"]
            shown = [f"`{i}`" + (f" (renamed → `{renamed[i]}`)" if i in renamed else "") for i in ids]
            lines.append(f"- **{name}**: " + ", ".join(shown))
        lines.append("")
    if result.get("retired"):
        lines += ["### Retired IDs (listed in the `retired` table)", ""]
        for name, rows_ in result["retired"].items():
            for r in rows_:
                by = f" → `{r['replaced_by']}`" if r.get("replaced_by") else " (no replacement)"
                lines.append(f"- **{name}** `{r['id']}`, retired in {r['retired_in']}{by}: {r['reason']}")
        lines.append("")
    lines += ["| resource | added | removed | renamed | changed |", "|---|---:|---:|---:|---:|"]
    for name, s in summary.items():
        if sum(s.values()):
            lines.append(f"| {name} | {s['added']} | {s['removed']} | {s['renamed']} | {s['changed']} |")
    lines.append("")
    revised = result["observations_revised"]
    if revised:
        lines += ["### Observations revised", ""]
        for indicator, items in revised.items():
            lines.append(f"**{indicator}**")
            for it in items:
                cmp_old = "" if it["old_comparator"] in (None, "=") else f"{it['old_comparator']} "
                cmp_new = "" if it["new_comparator"] in (None, "=") else f"{it['new_comparator']} "
                lines.append(
                    f"- `{it['observation_id']}` {it['region_id']} {it['period']}: "
                    f"{cmp_old}{_fmt(it['old'])} → {cmp_new}{_fmt(it['new'])}"
                )
            lines.append("")
    for name, part in result["resources"].items():
        old, new = rows.get(name, ({}, {}))
        section: list[str] = []
        for column, summary_text in part.get("columns_added", {}).items():
            section.append(f"- new column `{column}` (schema): {summary_text}")
        for column, summary_text in part.get("columns_removed", {}).items():
            section.append(f"- column `{column}` removed (schema): it held {summary_text}")
        for k in part["added"]:
            section.append(f"- added `{k}`" + _describe(name, new.get(k, {})))
        for k in part["removed"]:
            to = part["renamed"].get(k)
            section.append(
                f"- removed `{k}`" + (f" (renamed → `{to}`)" if to else _describe(name, old.get(k, {})))
            )
        for k, fields in part["changed"].items():
            if name == "observations" and set(fields) <= {"value", "comparator"}:
                continue  # listed under "Observations revised"
            changes = "; ".join(f"{f}: {_fmt(o)} → {_fmt(n)}" for f, (o, n) in fields.items())
            section.append(f"- changed `{k}`: {changes}")
        if section:
            lines += [f"### {name.capitalize()}", "", *section, ""]
    return "\n".join(lines)


def _given(value: Any) -> str:
    """A cell as text, or "" when it is missing (None, NaN, blank): a diff never prints None."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return _fmt(value).strip()


def _describe(name: str, row: dict[str, Any]) -> str:
    """`: what the row says`, from its non-missing cells only."""
    if not row:
        return ""
    g = {k: _given(v) for k, v in row.items()}

    def words(*parts: str) -> str:
        text = " ".join(p for p in parts if p)
        return f": {text}" if text else ""

    if name == "observations":
        comparator = "" if g.get("comparator") in ("", "=") else g.get("comparator", "")
        value = " ".join(p for p in (comparator, g.get("value", "")) if p)
        return words(g.get("indicator_id", ""), g.get("region_id", ""), g.get("period", ""),
                     f"= {value}" if value else "")  # fmt: skip
    if name == "mentions":
        exact = f"«{g['exact']}»" if g.get("exact") else ""
        source = f"in {g['source_id']}" if g.get("source_id") else ""
        return words(g.get("observation_id", ""), source, exact)
    if name == "sources":
        language = f"({g['language']})" if g.get("language") else ""
        return words(g.get("publisher", ""), g.get("date_published", ""), language)
    if name == "relations":
        operands = f"← {g['operands']}" if g.get("operands") else ""
        return words(g.get("kind", ""), g.get("target", ""), operands)
    if name == "discrepancies":
        what = g.get("error_type") or (f"record ({g['kind']})" if g.get("kind") else "record")
        on = " ".join(p for p in (g.get("resource", ""), g.get("target", "")) if p)
        return words(what, f"on {on}" if on else "")
    return ""
