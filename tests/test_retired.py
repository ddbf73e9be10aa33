"""Retired ids: the `retired` table, its validation, `diff --strict` (real git) and what `cite` says."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import miitdata
from miitdata.query.filters import FilterError, RetiredIdError
from tests.conftest import ROOT, copy_package, edit_rows, read_rows, run_inproc, write_rows

RETIRED = read_rows(ROOT / "data" / "retired.csv")[1]
KEYS = {"observations": "observation_id", "mentions": "mention_id", "relations": "relation_id"}
LIVE = {name: [r[key] for r in read_rows(ROOT / "data" / f"{name}.csv")[1]] for name, key in KEYS.items()}


def test_the_released_retirements() -> None:
    by_id = {r["id"]: r for r in RETIRED}
    assert by_id["M003-0093"]["replaced_by"] == "M003-0041" and by_id["M003-0093"]["resource"] == "mentions"
    assert by_id["D112"]["resource"] == "discrepancies" and by_id["D211"]["replaced_by"] == "D204"
    assert {"O1700", "O1701", "O1702", "M002-0001", "M002-0002", "M002-0003", "R0300"} <= set(by_id)
    for row in RETIRED:  # gone from its table, and its replacement is there
        ids = {next(iter(r.values())) for r in read_rows(ROOT / "data" / f"{row['resource']}.csv")[1]}
        assert row["id"] not in ids
        assert not row["replaced_by"] or row["replaced_by"] in ids


def test_no_duplicate_mention_remains() -> None:
    mentions = read_rows(ROOT / "data" / "mentions.csv")[1]
    spans = [(m["source_id"], m["start"], m["end"], m["observation_id"]) for m in mentions]
    assert len(spans) == len(set(spans))
    discrepancies = read_rows(ROOT / "data" / "discrepancies.csv")[1]
    assert not [d for d in discrepancies if d["error_type"] == "duplicate-mention"]


def _errors(pkg: Path, kind: str) -> list[miitdata.validation.report.Error]:
    return [e for e in miitdata.validate(str(pkg)).errors if e.type == kind]


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_retired_id_still_in_its_table_is_an_error(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    resource = data.draw(st.sampled_from(sorted(LIVE)), label="resource")
    rid = data.draw(st.sampled_from(LIVE[resource]), label="id")
    pkg = copy_package(tmp_path_factory.mktemp("pkg"))
    row = {"id": rid, "resource": resource, "retired_in": "0.4.0", "replaced_by": "", "reason": "test"}
    edit_rows(pkg, "retired", lambda rows: rows.append(row))
    (error,) = _errors(pkg, "retired-id-in-use")
    assert (error.resource, error.row, error.id) == ("retired", len(RETIRED) + 2, rid)


@pytest.mark.parametrize(
    ("replaced_by", "problem"),
    [
        ("M003-9999", "not an id of mentions"),
        ("M002-0001", "retired too"),
        ("M003-0093", "cannot replace itself"),
    ],
)
def test_a_replacement_must_be_a_current_id_of_the_same_table(
    pkg: Path, replaced_by: str, problem: str
) -> None:
    def change(rows: list[dict[str, str]]) -> None:
        for r in rows:
            if r["id"] == "M003-0093":
                r["replaced_by"] = replaced_by

    edit_rows(pkg, "retired", change)
    (error,) = _errors(pkg, "retired-invalid")
    assert error.id == "M003-0093" and error.field == "replaced_by" and problem in error.message


def test_the_table_is_typed_by_the_descriptor(pkg: Path) -> None:
    edit_rows(pkg, "retired", lambda rows: rows.append({**rows[0], "retired_in": "soon"}))
    kinds = {e.type for e in miitdata.validate(str(pkg)).errors}
    assert {"primary-key", "constraint-error"} <= kinds


def test_cite_of_a_retired_id_says_what_replaced_it() -> None:
    proc = run_inproc("cite", "M003-0093")
    assert proc.returncode == 2 and "[id-retired]" in proc.stderr
    assert "retired in 0.4.0" in proc.stderr and "use M003-0041 instead" in proc.stderr
    proc = run_inproc("cite", "o1700")
    assert (
        proc.returncode == 2
        and "O1700 was retired in 0.4.0" in proc.stderr
        and "nothing replaces it" in proc.stderr
    )
    ds = miitdata.load()
    with pytest.raises(RetiredIdError, match="use D204 instead"):
        ds.cite("D211")
    assert issubclass(RetiredIdError, FilterError)
    assert ds.retirement("m003-0093") == {
        "id": "M003-0093",
        "resource": "mentions",
        "retired_in": "0.4.0",
        "replaced_by": "M003-0041",
        "reason": next(r["reason"] for r in RETIRED if r["id"] == "M003-0093"),
    }
    assert ds.retirement("O0001") is None
    with pytest.raises(FilterError, match="no observation"):
        ds.cite("O9999")  # never existed: not retired


GIT = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@miitdata.invalid",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@miitdata.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, env={**os.environ, **GIT}, timeout=60
    )


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository whose only commit is the current package released as 0.4.0 (tag v0.4.0)."""
    repo = tmp_path_factory.mktemp("retired-release")
    pkg = copy_package(repo)
    text = pkg.read_text(encoding="utf-8")
    version = miitdata.load(pkg).version
    pkg.write_text(text.replace(f'"version": "{version}"', '"version": "0.4.0"', 1), encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Release 0.4.0")
    _git(repo, "tag", "v0.4.0")
    return repo


def _worktree(release: Path, retired_row: dict[str, str] | None) -> None:
    """The working tree: D004 removed, and `retired_row` appended to the retired table (if any)."""
    _git(release, "checkout", "-q", "--", ".")
    path = release / "data" / "discrepancies.csv"
    header, rows = read_rows(path)
    write_rows(path, header, [r for r in rows if r["discrepancy_id"] != "D004"])
    if retired_row is not None:
        edit_rows(release / "datapackage.json", "retired", lambda rows: rows.append(retired_row))


ROW = {"id": "D004", "resource": "discrepancies", "retired_in": "0.4.1", "replaced_by": "", "reason": "test"}


@pytest.mark.parametrize(
    ("row", "strict_exit"),
    [
        (None, 1),  # vanished
        (ROW, 0),  # retired through the table
        ({**ROW, "resource": "mentions"}, 1),  # listed under another table: still vanished
        ({**ROW, "retired_in": "0.4.0"}, 1),  # "retired" in the release that has it: still vanished
    ],
)
def test_diff_strict_accepts_a_vanished_id_only_through_the_table(
    release: Path, row: dict[str, str] | None, strict_exit: int
) -> None:
    from miitdata.versions.diff import diff, to_markdown

    _worktree(release, row)
    result = diff("v0.4.0", None, repo=release)
    if strict_exit:
        assert result["vanished"] == {"discrepancies": ["D004"]} and not result["retired"]
    else:
        assert result["vanished"] == {} and [r["id"] for r in result["retired"]["discrepancies"]] == ["D004"]
        assert "### Retired IDs" in to_markdown(result) and "`D004`, retired in 0.4.1" in to_markdown(result)
    proc = run_inproc("diff", "v0.4.0", "--strict", "--repo", str(release))
    assert proc.returncode == strict_exit, proc.stdout + proc.stderr
