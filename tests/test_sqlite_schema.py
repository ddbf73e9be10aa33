"""The SQLite export enforces the Table Schema: each kind of bad row is refused by real sqlite3."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from miitdata.outputs.export import export, package_tables, read_export
from miitdata.outputs.sqlite import globs_of
from tests.conftest import edit_rows


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import copy_package

    root = tmp_path_factory.mktemp("sqlite")
    pkg = copy_package(root)
    out = root / "m.sqlite"
    export(out, "sqlite", pkg)
    return out


@pytest.fixture
def con(exported: Path) -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(exported)
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("BEGIN")
    yield con
    con.rollback()
    con.close()


def _good(con: sqlite3.Connection, table: str) -> dict[str, object]:
    cur = con.execute(f'SELECT * FROM "{table}" LIMIT 1')
    return dict(zip([d[0] for d in cur.description], cur.fetchone(), strict=True))


def _insert(con: sqlite3.Connection, table: str, row: dict[str, object]) -> None:
    cols = ", ".join(f'"{c}"' for c in row)
    con.execute(f'INSERT INTO "{table}" ({cols}) VALUES ({", ".join("?" * len(row))})', list(row.values()))


# (table, changes to a copy of its first row with a fresh key, the constraint that refuses it)
BAD_ROWS = [
    ("observations", {"observation_id": None}, "NOT NULL"),  # required (and primary key)
    ("observations", {"value": None}, "NOT NULL"),  # required
    ("observations", {"value": "abc"}, "cannot store TEXT value in REAL column"),  # STRICT type
    ("mentions", {"start": 1.5}, "cannot store REAL value in INTEGER column"),  # STRICT type
    ("observations", {"comparator": "=="}, "CHECK"),  # enum
    ("observations", {"status": "guess"}, "CHECK"),  # enum
    ("observations", {"observation_id": "X0001"}, "CHECK"),  # pattern (GLOB)
    ("relations", {"expected": "maybe"}, "CHECK"),  # pattern with an alternation
    ("mentions", {"start": -1}, "CHECK"),  # minimum
    ("mentions", {"end": 0}, "CHECK"),  # minimum
    ("events", {"date": "2022-02-30"}, "CHECK"),  # date type
    ("events", {"date": "23/09/2022"}, "CHECK"),  # date type
    ("sources", {"machine_translated": 2}, "CHECK"),  # boolean type
    ("sources", {"sha256": "same"}, "UNIQUE"),  # unique (filled in below with a taken value)
    ("observations", {"observation_id": "same"}, "UNIQUE"),  # primary key
    ("observations", {"indicator_id": "no_such_indicator"}, "FOREIGN KEY"),
    ("observations", {"derived_by": "R9999"}, "FOREIGN KEY"),
    ("regions", {"parent": "nowhere"}, "FOREIGN KEY"),  # self-reference
]
FRESH = {
    "observations": ("observation_id", "O9999"),
    "mentions": ("mention_id", "M999-9999"),
    "events": ("event_id", "2099-01-01-test"),
    "sources": ("source_id", "S999"),
    "regions": ("region_id", "test-region"),
    "relations": ("relation_id", "R9999"),
}
UNIQUE_FRESH = {"sources": {"path": "data/sources/999_0123456789abcdef.txt", "sha256": "f" * 64}}


def test_a_good_row_is_accepted(con: sqlite3.Connection) -> None:
    for table, (key, fresh) in FRESH.items():
        row = {**_good(con, table), key: fresh, **UNIQUE_FRESH.get(table, {})}
        if table == "sources":
            row["path"] = "data/sources/999_0123456789abcdef.txt"
        _insert(con, table, row)  # the fixtures below are one change away from a row that fits


@pytest.mark.parametrize(
    ("table", "change", "refusal"), BAD_ROWS, ids=[f"{t}-{next(iter(c))}" for t, c, _ in BAD_ROWS]
)
def test_bad_row_is_refused(con: sqlite3.Connection, table: str, change: dict, refusal: str) -> None:
    good = _good(con, table)
    key, fresh = FRESH[table]
    row = {**good, key: fresh, **UNIQUE_FRESH.get(table, {}), **change}
    for column, value in change.items():
        if value == "same":
            row[column] = good[column]
    with pytest.raises(sqlite3.IntegrityError, match=refusal):
        _insert(con, table, row)


def test_the_issue_example_is_refused(con: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("insert into observations(observation_id, value) values (NULL, 'abc')")


def test_every_table_is_strict_and_declares_the_schema(exported: Path, pkg: Path) -> None:
    import miitdata

    con = sqlite3.connect(exported)
    descriptor = miitdata.load(pkg).descriptor
    for res in descriptor["resources"]:
        if "schema" not in res:  # a raw text, not a table
            continue
        (sql,) = con.execute("SELECT sql FROM sqlite_master WHERE name = ?", (res["name"],)).fetchone()
        assert sql.endswith("STRICT"), res["name"]
        info = {r[1]: r for r in con.execute(f'PRAGMA table_info("{res["name"]}")')}
        for field in res["schema"]["fields"]:
            required = (field.get("constraints") or {}).get("required", False)
            assert bool(info[field["name"]][3]) == bool(required), (res["name"], field["name"])
    assert con.execute("SELECT value FROM _miitdata WHERE key = 'unenforced'").fetchone() is None
    con.close()


def test_an_invalid_package_still_exports_losslessly(pkg: Path, tmp_path: Path) -> None:
    def break_rows(rows: list[dict[str, str]]) -> None:
        rows[0]["comparator"] = "about"
        rows[1]["value"] = ""
        rows[2]["observation_id"] = rows[3]["observation_id"] + "x"

    edit_rows(pkg, "observations", break_rows)
    out = tmp_path / "bad.sqlite"
    export(out, "sqlite", pkg)
    back = read_export(out, "sqlite")
    orig = package_tables(pkg)
    assert back["observations"].values.tolist() == orig["observations"].values.tolist()
    con = sqlite3.connect(out)
    (unenforced,) = con.execute("SELECT value FROM _miitdata WHERE key = 'unenforced'").fetchone()
    assert set(json.loads(unenforced)) >= {
        "observations.comparator enum",
        "observations.value required",
        "observations.observation_id pattern",
    }
    con.close()


# ---------------------------------------------------------------------------------------------- GLOB


atoms = st.one_of(
    st.sampled_from(["a", "b", "-", "_", ".", "*", "?", "[", "%"]).map(
        lambda c: re.escape(c) if c in ".*?[" else c
    ),
    st.sampled_from(["[0-9]", "[a-c]", "[^a]", "\\d", "[A-Z_]"]),
)
patterns = st.lists(
    st.tuples(atoms, st.sampled_from(["", "{2}", "{1}"])).map("".join), min_size=1, max_size=4
).map(lambda parts: "^" + "".join(parts) + "$")
texts = st.text(alphabet="ab-_.*?[%09AZ^", max_size=6)


@settings(max_examples=300, deadline=None)
@given(patterns, st.lists(texts, max_size=8))
def test_glob_matches_exactly_what_the_pattern_matches(pattern: str, candidates: list[str]) -> None:
    globs = globs_of(pattern)
    assert globs is not None, pattern
    con = sqlite3.connect(":memory:")
    for text in candidates:
        expected = re.fullmatch(pattern, text) is not None
        got = any(con.execute("SELECT ? GLOB ?", (text, g)).fetchone()[0] for g in globs)
        assert got == expected, (pattern, globs, text)
        # the pattern's own strings match too
    con.close()


@pytest.mark.parametrize(
    "pattern", ["^\\S+( \\S+)*$", "^a+$", "^(a|b)+$", "^a.b$", "^[0-9]{1,3}$", "^a?$", "^\\w$"]
)
def test_patterns_without_a_glob_are_left_to_validation(pattern: str) -> None:
    assert globs_of(pattern) is None
