"""Lossless exports: export → import gives every table back exactly, in every format, deterministically."""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from miitdata.outputs.export import FORMATS, export, package_tables, read_export, write_tables
from miitdata.schema import number_text
from tests.conftest import edit_rows, run_inproc

TRICKY = [
    "=1+1",
    '=HYPERLINK("http://evil.example","click")',
    "+86 10 6820 5114",
    "-0",
    "-1.5",
    "@SUM(A1:A2)",
    "\tTAB first",
    "17.84",
    "1887.5",
    "0.1",
    "1e-7",
    "1E+300",
    "0007",
    "2.48万亿元",
    "近10万亿",
    "中文，含“引号”、逗号,和\n换行",
    'a "quoted", field',
    "line\r\nbreaks\rand\nmore",
    " leading and trailing spaces ",
    "_x0041_ looks like an OOXML escape",
    "#N/A",
    "TRUE",
    "ctrl\x01\x0b\x1f chars",
    "１２３ full-width",
]


def _out(tmp: Path, fmt: str, tag: str = "") -> Path:
    return tmp / f"export{tag}" if fmt in ("csv", "parquet") else tmp / f"export{tag}.{fmt}"


def _assert_same(back: dict[str, pd.DataFrame], orig: dict[str, pd.DataFrame]) -> None:
    assert list(back) == list(orig)
    for name, frame in orig.items():
        got = back[name]
        assert list(got.columns) == list(frame.columns), name
        assert len(got) == len(frame), name
        for col in frame.columns:
            assert got[col].tolist() == frame[col].tolist(), (name, col)


def _digests(files: list[Path]) -> dict[str, str]:
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in files}


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_real_package(pkg: Path, tmp_path: Path, fmt: str) -> None:
    orig = package_tables(pkg)
    out = _out(tmp_path, fmt)
    export(out, fmt, pkg)
    _assert_same(read_export(out, fmt), orig)
    obs = orig["observations"]
    assert obs["value"].map(lambda v: v is None or isinstance(v, str)).all()


def test_exports_are_deterministic(pkg: Path, tmp_path: Path) -> None:
    (tmp_path / "1").mkdir()
    (tmp_path / "2").mkdir()
    first = {fmt: _digests(export(_out(tmp_path / "1", fmt), fmt, pkg)) for fmt in FORMATS}
    second = {fmt: _digests(export(_out(tmp_path / "2", fmt), fmt, pkg)) for fmt in FORMATS}
    assert first == second
    # Nothing from the clock (checked in the bytes, not by waiting for it to tick): the XLSX's zip
    # entries carry the fixed zip date, its document properties the package's `created`; SQLite and
    # Parquet have no timestamps (their headers are pinned: tests/test_reproducible.py).
    with zipfile.ZipFile(_out(tmp_path / "1", "xlsx")) as book:
        assert {info.date_time for info in book.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = book.read("docProps/core.xml").decode()
    created = json.loads(pkg.read_text(encoding="utf-8"))["created"]
    stamps = re.findall(r"<dcterms:(created|modified)[^>]*>([^<]*)<", core)
    assert sorted(stamps) == [("created", created), ("modified", created)]


def _hostile(pkg: Path) -> None:
    def poison(rows: list[dict[str, str]]) -> None:
        for i, row in enumerate(rows):
            row["note"] = TRICKY[i % len(TRICKY)]

    for resource in ("events", "observations", "mentions", "relations"):
        edit_rows(pkg, resource, poison)

    def values(rows: list[dict[str, str]]) -> None:
        for i, row in enumerate(rows[: len(TRICKY)]):
            row["value"] = TRICKY[i]

    edit_rows(pkg, "observations", values)


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_hostile_package_through_cli(pkg: Path, tmp_path: Path, fmt: str) -> None:
    _hostile(pkg)
    orig = package_tables(pkg)
    assert "=1+1" in orig["observations"]["value"].tolist()
    out = _out(tmp_path, fmt)
    proc = run_inproc("export", "--format", fmt, "--package", str(pkg), str(out))
    assert proc.returncode == 0, proc.stderr
    _assert_same(read_export(out, fmt), orig)


def test_xlsx_neutralises_formulas(pkg: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _hostile(pkg)
    out = tmp_path / "x.xlsx"
    export(out, "xlsx", pkg)
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name
    book = load_workbook(out)
    sheet = book["observations"]
    header = [c.value for c in sheet[1]]
    col = header.index("value") + 1
    seen = 0
    for row in range(2, sheet.max_row + 1):
        cell = sheet.cell(row=row, column=col)
        # a number (exact, see test_xlsx_numbers_are_numbers) or an explicit string: never a formula
        assert cell.data_type == "s" or isinstance(cell.value, (int, float)), (cell.coordinate, cell.value)
        if isinstance(cell.value, str) and cell.value[:1] in ("=", "+", "-", "@"):
            assert cell.quotePrefix, cell.coordinate
            seen += 1
    assert seen >= 5


def test_xlsx_numbers_are_numbers(tmp_path: Path) -> None:
    """Spreadsheet users can compute with values and offsets; ids and other text stay text."""
    from openpyxl import load_workbook

    out = tmp_path / "m.xlsx"
    export(out, "xlsx")
    sheet = load_workbook(out)["observations"]
    header = [c.value for c in sheet[1]]
    values = [sheet.cell(row=r, column=header.index("value") + 1).value for r in range(2, sheet.max_row + 1)]
    ids = [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)]
    assert all(isinstance(i, str) for i in ids)
    numbers = [v for v in values if isinstance(v, (int, float))]
    assert len(numbers) >= len(values) - 5 and 19.21 in numbers and 1887.5 in numbers


def test_numbers_keep_their_text(tmp_path: Path) -> None:
    texts = ["17.84", "1887.5", "0.1", "1e-7", "-0", "100000", "007", "1.50", "33.333333333333336", "-2.5"]
    tables = {"t": (["value"], [[t] for t in texts] + [[None]])}
    for fmt in FORMATS:
        out = _out(tmp_path, fmt)
        meta = {"name": "t", "version": "0", "created": "2026-01-01T00:00:00Z"}
        write_tables(tables, out, fmt, meta, {"t": {"value"}})
        assert read_export(out, fmt)["t"]["value"].tolist() == [v[0] for v in tables["t"][1]], fmt


def test_export_refuses_wrong_target(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    proc = run_inproc("export", "--format", "csv", str(tmp_path / "file"))
    assert proc.returncode == 2 and "output-invalid" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_inproc("export", "--format", "sqlite", str(tmp_path))
    assert proc.returncode == 2 and "output-invalid" in proc.stderr
    proc = run_inproc("export", "--format", "sqlite", str(tmp_path / "no" / "such" / "x.sqlite"))
    assert proc.returncode == 2 and "output-invalid" in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


cells = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.sampled_from(TRICKY),
    st.from_regex(r"[=+\-@][0-9A-Z(),.:\"]{0,10}", fullmatch=True),
    st.from_regex(r"-?[0-9]{1,6}(\.[0-9]{1,4})?([eE][+-]?[0-9]{1,3})?", fullmatch=True),
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=10),
)
tables_strategy = st.integers(min_value=1, max_value=4).flatmap(
    lambda width: st.lists(st.lists(cells, min_size=width, max_size=width), max_size=6).map(
        lambda rows: {"t": ([f"c{i}" for i in range(width)], rows)}
    )
)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(tables=tables_strategy)
def test_round_trip_generated_cells(tmp_path: Path, fmt: str, tables: dict) -> None:
    out = _out(tmp_path, fmt, str(abs(hash(repr(tables)))))
    write_tables(tables, out, fmt, {"name": "t", "version": "0", "created": "2026-01-01T00:00:00Z"})
    back = read_export(out, fmt)["t"]
    columns, rows = tables["t"]
    expected = rows
    if fmt in ("csv", "xlsx"):  # no empty string distinct from missing in these formats: both are blank
        expected = [[None if c == "" else c for c in row] for row in rows]
    assert list(back.columns) == columns
    assert back.values.tolist() == expected


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.floats(allow_nan=False, allow_infinity=False).map(number_text),
            st.integers(-(10**17), 10**17).map(str),
            st.from_regex(r"-?[0-9]{1,6}\.[0-9]{1,12}", fullmatch=True),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_xlsx_numeric_cells_read_back_as_their_text(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "n.xlsx"
        meta = {"name": "t", "version": "0", "created": "2026-01-01T00:00:00Z"}
        write_tables({"t": (["value"], [[t] for t in texts])}, out, "xlsx", meta, {"t": {"value"}})
        assert read_export(out, "xlsx")["t"]["value"].tolist() == texts


# ---------------------------------------------------------------------------------------------- typed


def _typed_equal(got: pd.Series, want: pd.Series) -> None:
    """Typed export values equal `miitdata.load()`'s (dates as dates, missing as None)."""

    def norm(v: object) -> object:
        if v is None or (not isinstance(v, str) and pd.isna(v)):
            return None
        if isinstance(v, pd.Timestamp):
            return v.date()
        return v.item() if hasattr(v, "item") else v

    assert [norm(v) for v in got.tolist()] == [norm(v) for v in want.tolist()], got.name


def test_parquet_is_typed(pkg: Path, tmp_path: Path) -> None:
    import json

    import miitdata

    duckdb = pytest.importorskip("duckdb")
    pl = pytest.importorskip("polars")
    pq = pytest.importorskip("pyarrow.parquet")
    export(tmp_path / "p", "parquet", pkg)
    obs = tmp_path / "p" / "observations.parquet"
    (mean,) = duckdb.sql(f"SELECT avg(value) FROM '{obs}'").fetchall()[0]
    csv_mean = pd.read_csv(pkg.parent / "data" / "observations.csv")["value"].mean()
    assert mean == pytest.approx(csv_mean, rel=1e-12)

    frame = pd.read_parquet(obs)
    assert frame["value"].dtype == "float64"
    assert isinstance(frame["comparator"].dtype, pd.CategoricalDtype)
    mentions = pd.read_parquet(tmp_path / "p" / "mentions.parquet")
    assert str(mentions["start"].dtype) == "Int64"
    sources = pd.read_parquet(tmp_path / "p" / "sources.parquet")
    assert str(sources["machine_translated"].dtype) == "boolean"
    assert type(sources["date_published"].iloc[0]).__name__ == "date"
    assert pl.read_parquet(obs).schema["value"] == pl.Float64

    schema = json.loads(pq.read_schema(obs).metadata[b"miitdata.schema"])
    loaded = miitdata.load(pkg)
    by_name = {r["name"]: r["schema"] for r in loaded.descriptor["resources"] if "schema" in r}
    assert schema == by_name["observations"]
    for name, want in loaded.tables.items():
        got = pd.read_parquet(tmp_path / "p" / f"{name}.parquet")
        assert list(got.columns) == list(want.columns)
        for col in want.columns:
            _typed_equal(got[col], want[col])


def test_sqlite_is_typed_with_keys(pkg: Path, tmp_path: Path) -> None:
    import sqlite3

    import miitdata

    out = tmp_path / "m.sqlite"
    export(out, "sqlite", pkg)
    con = sqlite3.connect(out)
    con.execute("PRAGMA foreign_keys = ON")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    declared = {r[1]: r[2] for r in con.execute("PRAGMA table_info(observations)")}
    assert declared["value"] == "REAL" and declared["observation_id"] == "TEXT"
    assert {r[1]: r[2] for r in con.execute("PRAGMA table_info(mentions)")}["start"] == "INTEGER"
    pk = [r[1] for r in con.execute("PRAGMA table_info(observations)") if r[5]]
    assert pk == ["observation_id"]
    fks = {(r[2], r[3]) for r in con.execute("PRAGMA foreign_key_list(observations)")}
    assert ("indicators", "indicator_id") in fks and ("relations", "derived_by") in fks
    assert ("regions", "parent") in {(r[2], r[3]) for r in con.execute("PRAGMA foreign_key_list(regions)")}
    indexed = {
        r[0]
        for r in con.execute(
            "SELECT il.name FROM pragma_index_list('observations') AS il WHERE il.origin = 'c'"
        )
    }
    assert len(indexed) == 4
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("INSERT INTO observations (observation_id, indicator_id) VALUES ('O9999', 'nope')")
    loaded = miitdata.load(pkg)
    (avg,) = con.execute("SELECT avg(value) FROM observations").fetchone()
    assert avg == pytest.approx(loaded.observations["value"].mean(), rel=1e-12)
    facts = pd.read_sql("SELECT * FROM facts ORDER BY rowid", con)
    assert len(facts) == len(loaded.observations)
    first = loaded.observations.iloc[0]
    ind = loaded.indicators.set_index("indicator_id").loc[first["indicator_id"]]
    assert facts.loc[0, "indicator_name_zh"] == ind["name_zh"] and facts.loc[0, "unit"] == ind["unit"]
    assert facts["region_name_en"].notna().all()
    for name, want in loaded.tables.items():
        got = pd.read_sql(f'SELECT * FROM "{name}" ORDER BY rowid', con)
        if name == "sources":
            got["machine_translated"] = got["machine_translated"].astype(bool)
        for col in want.columns:
            if str(want[col].dtype).startswith("datetime"):
                got[col] = pd.to_datetime(got[col])
            _typed_equal(got[col], want[col])
    con.close()
